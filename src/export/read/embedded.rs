//! The assessment a workbook carries in its very hidden data sheet, checked against the
//! checksum written beside it.

use super::model::ReadError;
use super::values;
use crate::export::sheets::data::{checksum, MARKER};

/// The JSON in the data sheet, checked against its checksum; none without the sheet.
pub fn stored_assessment<RS: std::io::Read + std::io::Seek>(
    book: &mut calamine::Sheets<RS>,
    present: bool,
) -> Result<Option<String>, ReadError> {
    if !present {
        return Ok(None);
    }
    let range = super::grid::read_sheet(book, crate::export::sheets::data::DATA_SHEET)
        .map_err(ReadError::BadAssessment)?
        .range;
    let at = |row: u32, col: u32| {
        range
            .get_value((row, col))
            .map(values::text)
            .unwrap_or_default()
    };
    if at(0, 0) != MARKER {
        return Err(ReadError::Tampered);
    }
    let parts: u32 = at(2, 1).parse().map_err(|_| ReadError::Tampered)?;
    // Each part is a row of the sheet: a count beyond its rows was not written by the app (and
    // a count of four billion would keep the reader busy for minutes).
    if parts > range.end().map_or(0, |(last_row, _)| last_row + 1) {
        return Err(ReadError::Tampered);
    }
    let json: String = (0..parts).map(|i| at(3 + i, 0)).collect();
    if checksum(&json) != at(1, 1) {
        return Err(ReadError::Tampered);
    }
    Ok(Some(json))
}
