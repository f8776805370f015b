//! A workbook as bytes, between the page and the export worker: the page lays the sheets out
//! (it already has the matrix and the reader's texts), the worker turns them into the file
//! (`Workbook::save_to_buffer`), so the worker carries the writer and no engine, catalog or
//! texts. postcard, a compact serde format, because the page holds several hundred KB of cells
//! and texts: a few KB of decoding code, no parsing of text.
//!
//! Both ends are built from the same source and served together, but bytes are still input: a
//! decoded workbook is checked for what `save_to_buffer` indexes before it is written.

use std::cell::RefCell;
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::error::XlsxError;
use super::format::Format;
use super::properties::DocProperties;
use super::sheet::Worksheet;
use super::strings::StringTable;
use super::workbook::Workbook;

/// What the bytes start with: the format's name and version. A page and a worker of different
/// builds (a cached page with a new worker) then fail with a message, not a misread.
const MAGIC: &[u8; 5] = b"IMSX\x01";

/// The workbook's fields, in the order both ends write and read them.
#[derive(Serialize)]
struct Outgoing<'w> {
    default_format: &'w Format,
    strings: Vec<&'w str>,
    sheets: &'w [Worksheet],
    properties: &'w DocProperties,
}

/// The texts are borrowed from the bytes, so each is copied once, into the table.
#[derive(Deserialize)]
struct Incoming<'b> {
    default_format: Format,
    #[serde(borrow)]
    strings: Vec<&'b str>,
    sheets: Vec<Worksheet>,
    properties: DocProperties,
}

impl Workbook {
    /// The workbook as bytes for the export worker (`from_bytes`).
    pub fn to_bytes(&self) -> Vec<u8> {
        let table = self.strings.borrow();
        let outgoing = Outgoing {
            default_format: &self.default_format,
            strings: table.texts().collect(),
            sheets: &self.sheets,
            properties: &self.properties,
        };
        let bytes = MAGIC.to_vec();
        // Serializing our own values into a Vec cannot fail.
        postcard::to_extend(&outgoing, bytes).expect("a workbook serializes")
    }

    /// The workbook `to_bytes` made.
    ///
    /// # Errors
    /// When the bytes are not such a workbook, or refer to texts or formats they do not hold.
    pub fn from_bytes(bytes: &[u8]) -> Result<Workbook, XlsxError> {
        let body = bytes
            .strip_prefix(MAGIC.as_slice())
            .ok_or_else(|| XlsxError("not a workbook laid out by this version".to_owned()))?;
        let incoming: Incoming = postcard::from_bytes(body)
            .map_err(|e| XlsxError(format!("a laid-out workbook that cannot be read: {e}")))?;
        let strings = Rc::new(RefCell::new(StringTable::from_texts(incoming.strings)));
        let count = strings.borrow().len();
        let mut sheets = incoming.sheets;
        for sheet in &mut sheets {
            sheet.check_references(count)?;
            sheet.strings = Rc::clone(&strings);
        }
        Ok(Workbook {
            default_format: incoming.default_format,
            sheets,
            strings,
            properties: incoming.properties,
        })
    }
}
