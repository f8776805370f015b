//! Why a workbook was refused, and the limits that decide it.

use std::fmt;

/// Larger files are refused before they are read.
pub const MAX_FILE_BYTES: usize = crate::protocol::MAX_WORKBOOK_BYTES;
/// What the parts of a workbook may add up to once unpacked. Ours unpack to about 2 MB.
pub const MAX_UNPACKED_BYTES: u64 = 200 * 1024 * 1024;

/// Why a file was not read. The assessment in use is never touched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    TooLarge(usize),
    NotASpreadsheet(String),
    /// A spreadsheet, but none of our sheets and no data sheet.
    NotOurs,
    /// Our sheets, but no assessment inside and none given to compare with.
    NoAssessment,
    /// The data sheet's text does not match its checksum.
    Tampered,
    /// The data sheet's assessment could not be read.
    BadAssessment(String),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::TooLarge(bytes) => write!(
                f,
                "The file is {:.1} MB; workbooks of up to {} MB can be opened.",
                *bytes as f64 / (1024.0 * 1024.0),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
            ReadError::NotASpreadsheet(message) => f.write_str(message),
            ReadError::NotOurs => f.write_str("This workbook was not made by ims-matrix: it has none of the matrix, Statement of Applicability or action plan sheets."),
            ReadError::NoAssessment => f.write_str("This workbook carries no assessment (it was made by an older version of the app). Open your assessment file (.json) first, or give it with --answers, and then the workbook."),
            ReadError::Tampered => f.write_str("The assessment stored inside this workbook was changed outside the app, so it cannot be trusted. Edit the visible sheets only, or open the assessment file (.json) instead."),
            ReadError::BadAssessment(problem) => write!(f, "The assessment stored inside this workbook cannot be read: {problem}"),
        }
    }
}

impl std::error::Error for ReadError {}
