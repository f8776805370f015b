//! What a workbook is made with besides the matrix, the names of its sheets, and why one could
//! not be made.

use std::fmt;

use rust_xlsxwriter::XlsxError;

use crate::i18n::Texts;
use crate::protocol::Brand;

/// What the workbook needs besides the matrix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportOptions {
    /// The generation date, `YYYY-MM-DD`.
    pub date: String,
    pub brand: Option<Brand>,
    /// The language of every text in the workbook.
    pub texts: &'static Texts,
}

/// The names of the sheets, in order. All are valid Excel sheet names (≤ 31 characters, none
/// of `[]:*?/\`).
pub const SHEETS: [&str; 7] = [
    "Summary",
    "Matrix (ISO 27001 view)",
    "Matrix (ISO 20000-1 view)",
    "Statement of Applicability",
    "Action plan",
    "Answers",
    "About",
];

/// Why no workbook could be made.
#[derive(Debug)]
pub struct ExportError(String);

impl ExportError {
    pub fn new(message: String) -> ExportError {
        ExportError(message)
    }
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the workbook could not be built: {}", self.0)
    }
}

impl std::error::Error for ExportError {}

impl From<XlsxError> for ExportError {
    fn from(error: XlsxError) -> Self {
        ExportError(error.to_string())
    }
}
