//! The one error of the writer: what could not be written, in words.

use std::fmt;

/// Why a workbook could not be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XlsxError(pub(super) String);

impl fmt::Display for XlsxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for XlsxError {}
