//! The assessment a workbook carries in its very hidden data sheet, checked against the
//! checksum written beside it.

use super::model::ReadError;
use super::values;
use crate::export::sheets::data::{checksum, parse_shown, Shown, MARKER, SHOWN_MARKER};

/// What the data sheet carries: the assessment's JSON and, from workbooks of this version on,
/// the statuses the visible sheets showed.
pub struct Stored {
    pub json: String,
    pub shown: Option<Shown>,
}

/// The JSON in the data sheet, checked against its checksum, with the statuses the sheets
/// showed where the workbook carries them; none without the sheet.
pub fn stored_assessment<RS: std::io::Read + std::io::Seek>(
    book: &mut calamine::Sheets<RS>,
    present: bool,
) -> Result<Option<Stored>, ReadError> {
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
    // One column of parts, checked against its checksum: the JSON in A, what the sheets showed
    // in C. Each part is a row of the sheet: a count beyond its rows was not written by the app
    // (and a count of four billion would keep the reader busy for minutes).
    let rows = range.end().map_or(0, |(last_row, _)| last_row + 1);
    let column = |checksum_col: u32, text_col: u32| -> Result<String, ReadError> {
        let parts: u32 = at(2, checksum_col)
            .parse()
            .map_err(|_| ReadError::Tampered)?;
        if parts > rows {
            return Err(ReadError::Tampered);
        }
        let text: String = (0..parts).map(|i| at(3 + i, text_col)).collect();
        if checksum(&text) != at(1, checksum_col) {
            return Err(ReadError::Tampered);
        }
        Ok(text)
    };
    let json = column(1, 0)?;
    let shown = if at(0, 2) == SHOWN_MARKER {
        Some(parse_shown(&column(2, 2)?).ok_or(ReadError::Tampered)?)
    } else {
        None
    };
    Ok(Some(Stored { json, shown }))
}
