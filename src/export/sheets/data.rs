//! The assessment the workbook was made from, in a very hidden sheet, so the workbook alone
//! restores everything the JSON file would (`export::read`). The saved JSON is cut into cells of
//! at most `PART` bytes, with a checksum that tells a copy whose data was edited from ours.

use std::hash::Hasher;

use rust_xlsxwriter::{Worksheet, XlsxError};

use crate::assessment::Assessment;
use crate::catalog::FnvHasher;

/// The sheet's name. Hidden from the user's sheet tabs; never shown in the app.
pub const DATA_SHEET: &str = "ims-matrix data";
/// Cell A1 says what the sheet holds.
pub const MARKER: &str = "ims-matrix assessment";
/// Bytes per cell. Excel takes 32,767 characters in a cell, but LibreOffice, saving a workbook,
/// breaks a line of a cell's text once it passes about 16,000 characters, and a note that
/// long is one line of the JSON: the checksum then fails and a workbook opened and saved
/// unchanged would be refused. Parts of 8,000 bytes keep every line well short of that.
pub const PART: usize = 8_000;

/// FNV-1a (64-bit) of the JSON text, as 16 hex digits: not a signature, a check that the text
/// is the text we wrote.
pub fn checksum(json: &str) -> String {
    let mut hasher = FnvHasher::default();
    hasher.write(json.as_bytes());
    format!("{:016x}", hasher.finish())
}

/// `json` cut into parts of at most `PART` bytes, on character boundaries.
pub fn parts(json: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = json;
    while !rest.is_empty() {
        let mut end = rest.len().min(PART);
        while !rest.is_char_boundary(end) {
            end -= 1;
        }
        parts.push(&rest[..end]);
        rest = &rest[end..];
    }
    parts
}

pub fn write(ws: &mut Worksheet, a: &Assessment) -> Result<(), XlsxError> {
    ws.set_name(DATA_SHEET)?;
    ws.set_very_hidden(true);
    let json = a.to_json();
    let parts = parts(&json);
    ws.write_string(0, 0, MARKER)?;
    ws.write_string(0, 1, crate::VERSION)?;
    ws.write_string(1, 0, "checksum")?;
    ws.write_string(1, 1, checksum(&json))?;
    ws.write_string(2, 0, "parts")?;
    ws.write_number(2, 1, parts.len() as f64)?;
    for (i, part) in parts.iter().enumerate() {
        ws.write_string(3 + i as u32, 0, *part)?;
    }
    Ok(())
}
