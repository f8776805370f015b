//! A table sheet as data: a typed list of columns (header, width, look, the drop-down it offers,
//! how a row fills it), written by one function with what every table shares: a frozen header
//! repeated on printed pages, filters, row heights for wrapped text, drop-downs and status
//! colours.

use std::borrow::Cow;

use crate::export::xlsx::{Worksheet, XlsxError};

use super::cell;
use super::fit::{self, RowHeights};
use super::options::Sheet;
use super::style::Styles;
use crate::i18n::Texts;

/// How a column's cells look; set once per column, so cells are written without a format of
/// their own (cells without a format of their own take their column's).
#[derive(Clone, Copy)]
pub enum Look {
    /// The workbook's default format: top-aligned, wrapped; no style of its own.
    Text,
    Bold,
    /// Days of effort, to one decimal.
    Number,
    /// A whole number, such as the plan's rank.
    Integer,
    Date,
}

/// The drop-down list a column offers in the spreadsheet.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Choices {
    Free,
    /// The statuses, coloured by conditional formatting.
    Status,
    YesNo,
}

/// What one cell holds.
pub enum Cell<'r> {
    Text(Cow<'r, str>),
    Number(f64),
    /// As the user typed it: a date cell when it is a date, else the text.
    Due(&'r str),
    /// A link to a cell of another sheet of the workbook, shown as `text`.
    Link {
        sheet: Sheet,
        cell: String,
        text: &'r str,
    },
}

impl<'r> Cell<'r> {
    pub fn text(text: &'r str) -> Cell<'r> {
        Cell::Text(Cow::Borrowed(text))
    }
}

/// How a column fills its cell from one row, in the workbook's language.
pub type Fill<R> = for<'r> fn(&'r R, &'static Texts) -> Cell<'r>;

/// One column of a table of `R`s.
pub struct Column<R> {
    pub header: String,
    pub width: f64,
    pub look: Look,
    pub choices: Choices,
    pub fill: Fill<R>,
}

impl<R> Column<R> {
    pub fn new(header: impl Into<String>, width: f64, look: Look, fill: Fill<R>) -> Self {
        Column {
            header: header.into(),
            width,
            look,
            choices: Choices::Free,
            fill,
        }
    }

    pub fn with_choices(self, choices: Choices) -> Self {
        Column { choices, ..self }
    }
}

/// Header row with widths and column formats, frozen below it, repeated on every printed page,
/// landscape and fit to one page wide.
fn header<R>(ws: &mut Worksheet, columns: &[Column<R>], styles: &Styles) -> Result<(), XlsxError> {
    for (col, column) in columns.iter().enumerate() {
        let col = col as u16;
        ws.write_string_with_format(0, col, &column.header, &styles.header)?;
        ws.set_column_width(col, column.width)?;
        let format = match column.look {
            Look::Text => None,
            Look::Bold => Some(&styles.bold),
            Look::Number => Some(&styles.number),
            Look::Integer => Some(&styles.integer),
            Look::Date => Some(&styles.date),
        };
        if let Some(format) = format {
            ws.set_column_format(col, format)?;
        }
    }
    // Headers are 10 pt bold: about as wide as 11 pt regular, on shorter lines.
    let header_lines = columns
        .iter()
        .map(|column| fit::lines(&column.header, column.width))
        .max()
        .unwrap_or(1);
    ws.set_row_height(0, (f64::from(header_lines) * 13.0 + 4.0).max(30.0))?;
    ws.set_freeze_panes(1, 0)?;
    ws.set_repeat_rows(0, 0)?;
    ws.set_landscape();
    ws.set_print_fit_to_pages();
    ws.set_header("&L&\"-,Bold\"&A&Rims-matrix");
    // A literal ampersand in a header or footer is written twice.
    let page = styles.texts.get("workbook.print.page").replace('&', "&&");
    let page = page.replace("{page}", "&P").replace("{pages}", "&N");
    ws.set_footer(format!("&L{page}&R&D"));
    Ok(())
}

/// Writes the table: the header, one sheet row per item of `rows`, then filters, drop-downs
/// and status colours over the rows written (at least one row, so an empty table still has
/// its filter).
pub fn write<'r, R: 'r>(
    ws: &mut Worksheet,
    styles: &Styles,
    columns: &[Column<R>],
    rows: impl IntoIterator<Item = &'r R>,
) -> Result<(), XlsxError> {
    header(ws, columns, styles)?;
    let mut heights = RowHeights::default();
    let mut written = 0;
    for (n, item) in rows.into_iter().enumerate() {
        let row = n as u32 + 1;
        for (col, column) in columns.iter().enumerate() {
            let at = (row, col as u16);
            match (column.fill)(item, styles.texts) {
                Cell::Text(text) => cell::put(ws, &mut heights, at, column.width, text)?,
                Cell::Number(number) => {
                    ws.write_number(at.0, at.1, number)?;
                }
                Cell::Due(due) => cell::write_due(ws, &mut heights, at, column.width, due)?,
                Cell::Link { sheet, cell, text } => {
                    heights.note(row, text, column.width);
                    let target = format!("{}!{cell}", cell::quoted(styles.sheet(sheet)));
                    ws.write_link_with_format(at.0, at.1, target, text, &styles.link)?;
                }
            }
        }
        written = row;
    }
    heights.apply(ws)?;
    let last = written.max(1);
    ws.autofilter(0, 0, last, columns.len() as u16 - 1)?;
    for (col, column) in columns.iter().enumerate() {
        let col = col as u16;
        let dropdown = match column.choices {
            Choices::Free => continue,
            Choices::Status => styles.status_dropdown()?,
            Choices::YesNo => styles.yes_no_dropdown()?,
        };
        ws.add_data_validation(1, col, last, col, &dropdown)?;
    }
    for (col, column) in columns.iter().enumerate() {
        if column.choices == Choices::Status {
            styles.status_colours(ws, 1, last, col as u16)?;
        }
    }
    Ok(())
}
