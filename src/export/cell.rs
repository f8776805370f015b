//! Writing one cell: text that notes its row height, due dates as real dates, references joined
//! for a cell, and sheet names quoted for formulas and links.

use crate::export::xlsx::{ExcelDate, Worksheet, XlsxError};

use super::fit::RowHeights;
use super::text::cell_text;
use crate::date::Date;
use crate::i18n::Texts;
use crate::matrix::RefView;

/// A `YYYY-MM-DD` date as an Excel date (the generation date, and due dates in the sheets).
/// Excel counts dates from 1900: earlier ones stay text.
pub fn parse_date(date: &str) -> Option<ExcelDate> {
    Date::parse(date)
        .filter(|d| d.parts().0 >= 1900)
        .map(ExcelDate::new)
}

/// A `YYYY-MM-DD` date as the language writes it, for text cells (as given when it is not a
/// date).
pub fn shown_date(texts: &Texts, date: &str) -> String {
    Date::parse(date).map_or_else(|| date.to_owned(), |d| texts.date(d))
}

/// The references, one per line.
pub fn refs(list: &[RefView]) -> String {
    list.iter()
        .map(|r| r.reference.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Each reference with its title, one per line.
pub fn titles(list: &[RefView]) -> String {
    list.iter()
        .map(|r| format!("{} {}", r.reference, r.title))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A sheet name as formulas and internal links write it.
pub fn quoted(sheet: &str) -> String {
    format!("'{}'", sheet.replace('\'', "''"))
}

/// Writes text in a wrapped column `width` wide, noting how tall it makes its row.
pub fn put(
    ws: &mut Worksheet,
    heights: &mut RowHeights,
    (row, col): (u32, u16),
    width: f64,
    text: impl AsRef<str> + Into<String>,
) -> Result<(), XlsxError> {
    heights.note(row, text.as_ref(), width);
    ws.write_string(row, col, text)?;
    Ok(())
}

/// A due date: a real date cell when it is one, the text as typed otherwise.
pub fn write_due(
    ws: &mut Worksheet,
    heights: &mut RowHeights,
    (row, col): (u32, u16),
    width: f64,
    due: &str,
) -> Result<(), XlsxError> {
    if due.is_empty() {
        return Ok(());
    }
    match parse_date(due) {
        Some(date) => ws.write_datetime(row, col, &date)?,
        None => {
            let text = cell_text(due);
            heights.note(row, &text, width);
            ws.write_string(row, col, text)?
        }
    };
    Ok(())
}
