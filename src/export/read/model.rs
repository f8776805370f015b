//! Why a workbook was refused, and the limits that decide it.

use std::fmt;

use crate::i18n::Texts;

/// Larger files are refused before they are read.
pub const MAX_FILE_BYTES: usize = crate::protocol::MAX_WORKBOOK_BYTES;
/// What the parts of a workbook may add up to once unpacked. Ours unpack to about 2 MB.
pub const MAX_UNPACKED_BYTES: u64 = 200 * 1024 * 1024;

/// Why a file was not read. The assessment in use is never touched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    Empty,
    TooLarge(usize),
    /// An .xls file or a password-protected workbook (both are OLE containers).
    OldExcel,
    /// Text such as CSV.
    TextFile,
    NotASpreadsheet,
    /// Starts like a zip archive but does not unpack.
    Damaged,
    TooManyParts(usize),
    /// What the parts would unpack to, in bytes.
    UnpacksTooLarge(u64),
    /// The spreadsheet reader's own reason.
    Unreadable(String),
    /// A spreadsheet, but none of our sheets and no data sheet.
    NotOurs,
    /// Our sheets, but no assessment inside and none given to compare with.
    NoAssessment,
    /// The data sheet's text does not match its checksum.
    Tampered,
    /// The data sheet's assessment could not be read: why, already in the reader's language.
    BadAssessment(String),
}

impl ReadError {
    /// The message for the person who opened the file, in `texts`' language.
    pub fn message(&self, texts: &Texts) -> String {
        let megabytes = |bytes: f64| texts.decimal(bytes / (1024.0 * 1024.0), 1);
        match self {
            ReadError::Empty => texts.get("read.error.empty").to_owned(),
            ReadError::TooLarge(bytes) => texts.fill(
                "read.error.too-large",
                &[
                    ("size", &megabytes(*bytes as f64)),
                    ("limit", &(MAX_FILE_BYTES / (1024 * 1024))),
                ],
            ),
            ReadError::OldExcel => texts.get("read.error.old-excel").to_owned(),
            ReadError::TextFile => texts.get("read.error.text-file").to_owned(),
            ReadError::NotASpreadsheet => texts.get("read.error.not-a-spreadsheet").to_owned(),
            ReadError::Damaged => texts.get("read.error.damaged").to_owned(),
            ReadError::TooManyParts(parts) => texts.fill(
                "read.error.too-many-parts",
                &[("parts", &texts.integer(*parts as i64))],
            ),
            ReadError::UnpacksTooLarge(bytes) => texts.fill(
                "read.error.unpacks-too-large",
                &[("size", &texts.integer((bytes / (1024 * 1024)) as i64))],
            ),
            ReadError::Unreadable(problem) => {
                texts.fill("read.error.unreadable", &[("problem", problem)])
            }
            ReadError::NotOurs => texts.get("read.error.not-ours").to_owned(),
            ReadError::NoAssessment => texts.get("read.error.no-assessment").to_owned(),
            ReadError::Tampered => texts.get("read.error.tampered").to_owned(),
            ReadError::BadAssessment(problem) => {
                texts.fill("read.error.bad-assessment", &[("problem", problem)])
            }
        }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Texts::english()))
    }
}

impl std::error::Error for ReadError {}
