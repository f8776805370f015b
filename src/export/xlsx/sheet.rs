//! One worksheet: its cells (strings go to the workbook's shared strings as they are written),
//! columns, row heights, and the parts of a sheet our tables use: a frozen header, filters,
//! drop-downs, colours by value, links within the workbook, print set-up and a chart.

use std::cell::RefCell;
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::chart::Chart;
use super::error::XlsxError;
use super::format::{Color, Format};
use super::strings::{Numbering, StringTable};
use super::xml::{self, push_attribute, push_cell, push_number, push_text, push_u32};
use crate::export::text::CELL_LIMIT;

/// Excel's last row and column (from 0).
const LAST_ROW: u32 = 1_048_575;
const LAST_COL: u16 = 16_383;
/// The default row height, 15 points, in pixels; and the default column width in pixels.
pub(super) const DEFAULT_ROW_PIXELS: u32 = 20;
pub(super) const DEFAULT_COL_PIXELS: u32 = 64;
/// Calibri 11's widest digit and the cell padding, in pixels: how Excel converts widths.
const DIGIT_PIXELS: u32 = 7;
const PADDING_PIXELS: u32 = 5;

#[derive(Serialize, Deserialize)]
pub(super) enum Value {
    /// A format without a value: what an empty text with a format writes.
    Blank,
    /// The text's number in the workbook's `StringTable`.
    String(u32),
    Number(f64),
    Formula {
        formula: String,
        result: String,
    },
}

#[derive(Serialize, Deserialize)]
pub(super) struct Cell {
    pub col: u16,
    /// The cell's own format (in the sheet's `formats`), or `None` to take its column's.
    pub format: Option<u16>,
    pub value: Value,
}

#[derive(Default, Serialize, Deserialize)]
pub(super) struct Row {
    pub cells: Vec<Cell>,
    pub height_pixels: Option<u32>,
}

#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub(super) struct Column {
    pub width_pixels: u32,
    /// In the sheet's `formats`.
    pub format: Option<u16>,
}

/// A drop-down list of values.
#[derive(Clone, Default, Serialize, Deserialize)]
pub struct DataValidation {
    list: String,
    error_title: String,
    error_message: String,
}

impl DataValidation {
    pub fn new() -> DataValidation {
        DataValidation::default()
    }

    /// The values offered, which Excel keeps as one quoted list of at most 255 characters.
    ///
    /// # Errors
    /// When the list is longer.
    pub fn allow_list_strings(mut self, values: &[&str]) -> Result<DataValidation, XlsxError> {
        let list = values.join(",").replace('"', "\"\"");
        if list.chars().count() > 255 {
            return Err(XlsxError(format!(
                "a drop-down list is longer than Excel allows: {list}"
            )));
        }
        self.list = format!("\"{list}\"");
        Ok(self)
    }

    /// # Errors
    /// When it passes Excel's 32 characters.
    pub fn set_error_title(mut self, title: &str) -> Result<DataValidation, XlsxError> {
        if title.chars().count() > 32 {
            return Err(XlsxError(format!(
                "an error title is longer than Excel allows: {title}"
            )));
        }
        self.error_title = title.to_owned();
        Ok(self)
    }

    /// # Errors
    /// When it passes Excel's 255 characters.
    pub fn set_error_message(mut self, message: String) -> Result<DataValidation, XlsxError> {
        if message.chars().count() > 255 {
            return Err(XlsxError(format!(
                "an error message is longer than Excel allows: {message}"
            )));
        }
        self.error_message = message;
        Ok(self)
    }
}

/// A format for the cells whose value equals a formula's (here: a status word).
pub struct ConditionalFormatCell {
    equal_to: String,
    format: Format,
}

impl ConditionalFormatCell {
    pub fn equal_to(formula: String, format: Format) -> ConditionalFormatCell {
        ConditionalFormatCell {
            equal_to: formula,
            format,
        }
    }
}

/// A formula and the result we computed, which readers that do not recalculate show.
pub struct Formula {
    formula: String,
    result: String,
}

impl Formula {
    /// A formula, with or without its leading `=`.
    pub fn new(formula: impl Into<String>) -> Formula {
        let formula = formula.into();
        Formula {
            formula: formula
                .strip_prefix('=')
                .map(str::to_owned)
                .unwrap_or(formula),
            result: String::new(),
        }
    }

    pub fn set_result(mut self, result: impl Into<String>) -> Formula {
        self.result = result.into();
        self
    }
}

#[derive(Default, Serialize, Deserialize)]
pub struct Worksheet {
    pub(super) name: String,
    /// The workbook's texts, shared by its sheets: sent once for the workbook (`wire`).
    #[serde(skip)]
    pub(super) strings: Rc<RefCell<StringTable>>,
    /// The formats this sheet uses, in the order first used: Excel numbers the workbook's
    /// formats sheet by sheet in that order.
    pub(super) formats: Vec<Format>,
    pub(super) rows: Vec<Row>,
    pub(super) columns: Vec<Option<Column>>,
    pub(super) tab_color: Option<Color>,
    pub(super) very_hidden: bool,
    pub(super) frozen_rows: u32,
    pub(super) repeat_rows: Option<(u32, u32)>,
    pub(super) landscape: bool,
    pub(super) fit_to_width: bool,
    pub(super) page_setup: bool,
    pub(super) header: String,
    pub(super) footer: String,
    pub(super) autofilter: Option<(u32, u16, u32, u16)>,
    pub(super) validations: Vec<(String, DataValidation)>,
    pub(super) conditional: Vec<(String, Vec<(String, Format)>)>,
    pub(super) links: Vec<(u32, u16, String, String)>,
    pub(super) chart: Option<(u32, u16, Chart)>,
}

fn check(row: u32, col: u16) -> Result<(), XlsxError> {
    if row > LAST_ROW || col > LAST_COL {
        return Err(XlsxError(format!(
            "row {row}, column {col} is outside a worksheet"
        )));
    }
    Ok(())
}

impl Worksheet {
    pub(super) fn new(number: usize, strings: Rc<RefCell<StringTable>>) -> Worksheet {
        Worksheet {
            name: format!("Sheet{number}"),
            strings,
            ..Worksheet::default()
        }
    }

    /// The sheet's name, as Excel allows it: 1 to 31 characters, none of `[]:*?/\`, not
    /// starting or ending with an apostrophe.
    ///
    /// # Errors
    /// When the name breaks those rules.
    pub fn set_name(&mut self, name: &str) -> Result<(), XlsxError> {
        let length = name.chars().count();
        if length == 0
            || length > 31
            || name.contains(['[', ']', ':', '*', '?', '/', '\\'])
            || name.starts_with('\'')
            || name.ends_with('\'')
        {
            return Err(XlsxError(format!("{name:?} is not a valid sheet name")));
        }
        name.clone_into(&mut self.name);
        Ok(())
    }

    pub fn set_tab_color(&mut self, color: Color) {
        self.tab_color = Some(color);
    }

    /// Hidden so that only a macro can show it: the app's data sheet.
    pub fn set_very_hidden(&mut self, hidden: bool) {
        self.very_hidden = hidden;
    }

    fn row(&mut self, row: u32) -> &mut Row {
        let index = row as usize;
        if self.rows.len() <= index {
            self.rows.resize_with(index + 1, Row::default);
        }
        &mut self.rows[index]
    }

    /// The number of `format` in this sheet's formats, added when new.
    fn format_number(&mut self, format: &Format) -> u16 {
        match self.formats.iter().rposition(|f| f == format) {
            Some(at) => at as u16,
            None => {
                self.formats.push(format.clone());
                (self.formats.len() - 1) as u16
            }
        }
    }

    fn put(
        &mut self,
        row: u32,
        col: u16,
        format: Option<&Format>,
        value: Value,
    ) -> Result<(), XlsxError> {
        check(row, col)?;
        let format = format.map(|f| self.format_number(f));
        let cells = &mut self.row(row).cells;
        let cell = Cell { col, format, value };
        // Cells come in column order; one written again replaces the first.
        match cells.last() {
            Some(last) if last.col >= col => match cells.binary_search_by_key(&col, |c| c.col) {
                Ok(at) => cells[at] = cell,
                Err(at) => cells.insert(at, cell),
            },
            _ => cells.push(cell),
        }
        Ok(())
    }

    /// An empty text is a blank cell with its format, or nothing without one, as Excel keeps it.
    fn text(
        &mut self,
        row: u32,
        col: u16,
        text: &str,
        format: Option<&Format>,
    ) -> Result<(), XlsxError> {
        if text.len() > CELL_LIMIT && text.encode_utf16().count() > CELL_LIMIT {
            return Err(XlsxError("a text is longer than a cell holds".to_owned()));
        }
        match (text.is_empty(), format) {
            (false, _) => {
                let index = self.strings.borrow_mut().intern(text);
                self.put(row, col, format, Value::String(index))
            }
            (true, Some(format)) => self.put(row, col, Some(format), Value::Blank),
            (true, None) => check(row, col),
        }
    }

    /// # Errors
    /// Outside the sheet, or text longer than a cell holds.
    pub fn write_string(
        &mut self,
        row: u32,
        col: u16,
        text: impl AsRef<str>,
    ) -> Result<(), XlsxError> {
        self.text(row, col, text.as_ref(), None)
    }

    /// # Errors
    /// Outside the sheet, or text longer than a cell holds.
    pub fn write_string_with_format(
        &mut self,
        row: u32,
        col: u16,
        text: impl AsRef<str>,
        format: &Format,
    ) -> Result<(), XlsxError> {
        self.text(row, col, text.as_ref(), Some(format))
    }

    /// # Errors
    /// Outside the sheet, or not a finite number.
    pub fn write_number(&mut self, row: u32, col: u16, number: f64) -> Result<(), XlsxError> {
        self.number(row, col, number, None)
    }

    /// # Errors
    /// Outside the sheet, or not a finite number.
    pub fn write_number_with_format(
        &mut self,
        row: u32,
        col: u16,
        number: f64,
        format: &Format,
    ) -> Result<(), XlsxError> {
        self.number(row, col, number, Some(format))
    }

    fn number(
        &mut self,
        row: u32,
        col: u16,
        number: f64,
        format: Option<&Format>,
    ) -> Result<(), XlsxError> {
        if !number.is_finite() {
            return Err(XlsxError(format!("{number} is not a number a cell holds")));
        }
        self.put(row, col, format, Value::Number(number))
    }

    /// A date (its serial number), in its column's date format.
    ///
    /// # Errors
    /// Outside the sheet.
    pub fn write_datetime(
        &mut self,
        row: u32,
        col: u16,
        date: &ExcelDate,
    ) -> Result<(), XlsxError> {
        self.put(row, col, None, Value::Number(date.serial()))
    }

    /// # Errors
    /// Outside the sheet.
    pub fn write_formula_with_format(
        &mut self,
        row: u32,
        col: u16,
        formula: Formula,
        format: &Format,
    ) -> Result<(), XlsxError> {
        let value = Value::Formula {
            formula: formula.formula,
            result: formula.result,
        };
        self.put(row, col, Some(format), value)
    }

    /// Text that links to `location` in this workbook (`'Sheet name'!A1`).
    ///
    /// # Errors
    /// Outside the sheet, or text longer than a cell holds.
    pub fn write_link_with_format(
        &mut self,
        row: u32,
        col: u16,
        location: String,
        text: &str,
        format: &Format,
    ) -> Result<(), XlsxError> {
        self.write_string_with_format(row, col, text, format)?;
        self.links.push((row, col, location, text.to_owned()));
        Ok(())
    }

    fn column(&mut self, col: u16) -> Result<&mut Column, XlsxError> {
        check(0, col)?;
        let index = usize::from(col);
        if self.columns.len() <= index {
            self.columns.resize(index + 1, None);
        }
        Ok(self.columns[index].get_or_insert(Column {
            width_pixels: DEFAULT_COL_PIXELS,
            format: None,
        }))
    }

    /// A column's width in characters of the default font, as Excel's column dialog gives it.
    ///
    /// # Errors
    /// Outside the sheet.
    pub fn set_column_width(&mut self, col: u16, width: f64) -> Result<(), XlsxError> {
        let pixels = if width < 1.0 {
            (width * f64::from(DIGIT_PIXELS + PADDING_PIXELS)).round() as u32
        } else {
            (width * f64::from(DIGIT_PIXELS)).round() as u32 + PADDING_PIXELS
        };
        self.column(col)?.width_pixels = pixels;
        Ok(())
    }

    /// The format of a column's cells that have none of their own.
    ///
    /// # Errors
    /// Outside the sheet.
    pub fn set_column_format(&mut self, col: u16, format: &Format) -> Result<(), XlsxError> {
        let format = self.format_number(format);
        self.column(col)?.format = Some(format);
        Ok(())
    }

    /// # Errors
    /// Outside the sheet.
    pub fn set_row_height(&mut self, row: u32, points: f64) -> Result<(), XlsxError> {
        check(row, 0)?;
        self.row(row).height_pixels = Some((points * 4.0 / 3.0).round() as u32);
        Ok(())
    }

    /// Freezes the rows above `row` (columns are never frozen here).
    ///
    /// # Errors
    /// Outside the sheet.
    pub fn set_freeze_panes(&mut self, row: u32, col: u16) -> Result<(), XlsxError> {
        check(row, col)?;
        self.frozen_rows = row;
        Ok(())
    }

    /// Rows printed at the top of every page.
    ///
    /// # Errors
    /// Outside the sheet.
    pub fn set_repeat_rows(&mut self, first: u32, last: u32) -> Result<(), XlsxError> {
        check(last, 0)?;
        self.repeat_rows = Some((first, last));
        Ok(())
    }

    pub fn set_landscape(&mut self) {
        self.landscape = true;
        self.page_setup = true;
    }

    /// Printed one page wide and as many pages tall as it takes.
    pub fn set_print_fit_to_pages(&mut self) {
        self.fit_to_width = true;
        self.page_setup = true;
    }

    /// The printed header, in Excel's codes (`&L`, `&A` …).
    pub fn set_header(&mut self, header: &str) {
        header.clone_into(&mut self.header);
    }

    pub fn set_footer(&mut self, footer: String) {
        self.footer = footer;
    }

    /// # Errors
    /// Outside the sheet.
    pub fn autofilter(
        &mut self,
        first_row: u32,
        first_col: u16,
        last_row: u32,
        last_col: u16,
    ) -> Result<(), XlsxError> {
        check(last_row, last_col)?;
        self.autofilter = Some((first_row, first_col, last_row, last_col));
        Ok(())
    }

    /// # Errors
    /// Outside the sheet.
    pub fn add_data_validation(
        &mut self,
        first_row: u32,
        first_col: u16,
        last_row: u32,
        last_col: u16,
        validation: &DataValidation,
    ) -> Result<(), XlsxError> {
        check(last_row, last_col)?;
        let range = xml::range(first_row, first_col, last_row, last_col);
        self.validations.push((range, validation.clone()));
        Ok(())
    }

    /// Rules on the same range are kept together, in the order added (their priority).
    ///
    /// # Errors
    /// Outside the sheet.
    pub fn add_conditional_format(
        &mut self,
        first_row: u32,
        first_col: u16,
        last_row: u32,
        last_col: u16,
        rule: &ConditionalFormatCell,
    ) -> Result<(), XlsxError> {
        check(last_row, last_col)?;
        let range = xml::range(first_row, first_col, last_row, last_col);
        let rule = (rule.equal_to.clone(), rule.format.clone());
        match self.conditional.iter_mut().find(|(r, _)| *r == range) {
            Some((_, rules)) => rules.push(rule),
            None => self.conditional.push((range, vec![rule])),
        }
        Ok(())
    }

    /// The chart, its top left corner in the cell at `row`, `col`.
    ///
    /// # Errors
    /// Outside the sheet.
    pub fn insert_chart(&mut self, row: u32, col: u16, chart: Chart) -> Result<(), XlsxError> {
        check(row, col)?;
        self.chart = Some((row, col, chart));
        Ok(())
    }

    /// The width of column `col` in pixels.
    pub(super) fn column_pixels(&self, col: u16) -> u32 {
        self.columns
            .get(usize::from(col))
            .and_then(Option::as_ref)
            .map_or(DEFAULT_COL_PIXELS, |c| c.width_pixels)
    }

    /// The height of row `row` in pixels.
    pub(super) fn row_pixels(&self, row: u32) -> u32 {
        self.rows
            .get(row as usize)
            .and_then(|r| r.height_pixels)
            .unwrap_or(DEFAULT_ROW_PIXELS)
    }

    /// The cells written: first and last row and column, when there are any.
    fn dimension(&self) -> Option<(u32, u16, u32, u16)> {
        let mut found: Option<(u32, u16, u32, u16)> = None;
        for (r, row) in self.rows.iter().enumerate() {
            let (Some(first), Some(last)) = (row.cells.first(), row.cells.last()) else {
                continue;
            };
            let r = r as u32;
            found = Some(match found {
                None => (r, first.col, r, last.col),
                Some((r0, c0, _, c1)) => (r0, c0.min(first.col), r, c1.max(last.col)),
            });
        }
        found
    }
}

/// A calendar date as Excel counts it: days since 1899-12-30 (from 1900-03-01 on).
/// On the wire as its `YYYY-MM-DD` text, so a date read back is a real date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub struct ExcelDate(crate::date::Date);

impl From<ExcelDate> for String {
    fn from(date: ExcelDate) -> String {
        date.0.to_string()
    }
}

impl TryFrom<String> for ExcelDate {
    type Error = String;

    fn try_from(text: String) -> Result<ExcelDate, String> {
        crate::date::Date::parse(&text)
            .map(ExcelDate)
            .ok_or_else(|| format!("{text:?} is not a date"))
    }
}

impl ExcelDate {
    pub fn new(date: crate::date::Date) -> ExcelDate {
        ExcelDate(date)
    }

    /// Excel's serial number: it counts 1900 as a leap year, so from 1900-03-01 on the count is
    /// one more than the days since 1899-12-31.
    pub fn serial(self) -> f64 {
        let epoch = if self.0.parts() < (1900, 3, 1) {
            "1899-12-31"
        } else {
            "1899-12-30"
        };
        crate::date::Date::parse(epoch).map_or(0, |e| e.days_until(self.0)) as f64
    }

    /// `YYYY-MM-DDT00:00:00Z`, as the document properties write a date.
    pub(super) fn timestamp(self) -> String {
        format!("{}T00:00:00Z", self.0)
    }
}

/// What the workbook tells each sheet as it writes it.
pub(super) struct Context<'w, 't> {
    pub styles: &'w mut super::format::Styles,
    /// The shared strings, numbered as the sheets are written, row by row.
    pub strings: &'w mut Numbering<'t>,
    /// The first visible sheet, selected when the workbook opens.
    pub selected: bool,
    /// The drawing's relationship, when the sheet has a chart.
    pub has_drawing: bool,
}

impl Worksheet {
    /// That a sheet read from bytes (`wire`) refers only to formats it holds and to the
    /// `strings` texts there are, with its cells inside a worksheet and in column order, as
    /// writing it assumes.
    pub(super) fn check_references(&self, strings: usize) -> Result<(), XlsxError> {
        let refused = |what: &str| Err(XlsxError(format!("sheet {:?}: {what}", self.name)));
        let formats = self.formats.len();
        let format_held = |format: Option<u16>| format.is_none_or(|f| usize::from(f) < formats);
        if self.rows.len() > LAST_ROW as usize + 1 || self.columns.len() > usize::from(LAST_COL) + 1
        {
            return refused("larger than a worksheet");
        }
        if !self.columns.iter().flatten().all(|c| format_held(c.format)) {
            return refused("a column's format is missing");
        }
        for row in &self.rows {
            let mut previous = None;
            for cell in &row.cells {
                if cell.col > LAST_COL || previous.is_some_and(|p| p >= cell.col) {
                    return refused("cells out of place");
                }
                previous = Some(cell.col);
                if !format_held(cell.format) {
                    return refused("a cell's format is missing");
                }
                if matches!(cell.value, Value::String(index) if index as usize >= strings) {
                    return refused("a cell's text is missing");
                }
            }
        }
        Ok(())
    }
}

impl Worksheet {
    /// The sheet's part.
    pub(super) fn xml(&self, context: &mut Context) -> String {
        let xfs: Vec<u32> = self.formats.iter().map(|f| context.styles.xf(f)).collect();
        let mut out = String::with_capacity(64 * 1024);
        out.push_str(super::xml::XML_DECLARATION);
        out.push_str("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">");
        if self.tab_color.is_some() || self.fit_to_width {
            out.push_str("<sheetPr>");
            if let Some(color) = self.tab_color {
                out.push_str("<tabColor");
                color.push_attribute(&mut out);
                out.push_str("/>");
            }
            if self.fit_to_width {
                out.push_str("<pageSetUpPr fitToPage=\"1\"/>");
            }
            out.push_str("</sheetPr>");
        }
        let dimension = self.dimension();
        out.push_str("<dimension ref=\"");
        match dimension {
            Some((r0, c0, r1, c1)) => out.push_str(&xml::range(r0, c0, r1, c1)),
            None => out.push_str("A1"),
        }
        out.push_str("\"/><sheetViews><sheetView");
        if context.selected {
            out.push_str(" tabSelected=\"1\"");
        }
        out.push_str(" workbookViewId=\"0\"");
        if self.frozen_rows > 0 {
            out.push_str("><pane ySplit=\"");
            push_u32(&mut out, self.frozen_rows);
            out.push_str("\" topLeftCell=\"");
            push_cell(&mut out, self.frozen_rows, 0);
            out.push_str("\" activePane=\"bottomLeft\" state=\"frozen\"/><selection pane=\"bottomLeft\"/></sheetView>");
        } else {
            out.push_str("/>");
        }
        out.push_str("</sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>");
        self.push_columns(&mut out, &xfs);
        self.push_rows(&mut out, context, &xfs, dimension);
        if let Some((r0, c0, r1, c1)) = self.autofilter {
            out.push_str("<autoFilter ref=\"");
            out.push_str(&xml::range(r0, c0, r1, c1));
            out.push_str("\"/>");
        }
        let mut priority = 0;
        for (range, rules) in &self.conditional {
            out.push_str("<conditionalFormatting sqref=\"");
            out.push_str(range);
            out.push_str("\">");
            for (equal_to, format) in rules {
                priority += 1;
                let dxf = context.styles.dxf(format);
                out.push_str(&format!(
                    "<cfRule type=\"cellIs\" dxfId=\"{dxf}\" priority=\"{priority}\" operator=\"equal\"><formula>"
                ));
                push_text(&mut out, equal_to);
                out.push_str("</formula></cfRule>");
            }
            out.push_str("</conditionalFormatting>");
        }
        if !self.validations.is_empty() {
            out.push_str(&format!(
                "<dataValidations count=\"{}\">",
                self.validations.len()
            ));
            for (range, validation) in &self.validations {
                out.push_str("<dataValidation type=\"list\" allowBlank=\"1\" showInputMessage=\"1\" showErrorMessage=\"1\"");
                if !validation.error_title.is_empty() {
                    out.push_str(" errorTitle=\"");
                    push_attribute(&mut out, &validation.error_title);
                    out.push('"');
                }
                if !validation.error_message.is_empty() {
                    out.push_str(" error=\"");
                    push_attribute(&mut out, &validation.error_message);
                    out.push('"');
                }
                out.push_str(" sqref=\"");
                out.push_str(range);
                out.push_str("\"><formula1>");
                push_text(&mut out, &validation.list);
                out.push_str("</formula1></dataValidation>");
            }
            out.push_str("</dataValidations>");
        }
        if !self.links.is_empty() {
            out.push_str("<hyperlinks>");
            for (row, col, location, text) in &self.links {
                out.push_str("<hyperlink ref=\"");
                push_cell(&mut out, *row, *col);
                out.push_str("\" location=\"");
                push_attribute(&mut out, location);
                out.push_str("\" display=\"");
                push_attribute(&mut out, text);
                out.push_str("\"/>");
            }
            out.push_str("</hyperlinks>");
        }
        out.push_str("<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>");
        if self.page_setup {
            out.push_str("<pageSetup");
            if self.fit_to_width {
                out.push_str(" fitToHeight=\"0\"");
            }
            out.push_str(if self.landscape {
                " orientation=\"landscape\""
            } else {
                " orientation=\"portrait\""
            });
            out.push_str(" horizontalDpi=\"200\" verticalDpi=\"200\"/>");
        }
        if !self.header.is_empty() || !self.footer.is_empty() {
            out.push_str("<headerFooter>");
            for (tag, text) in [("oddHeader", &self.header), ("oddFooter", &self.footer)] {
                if !text.is_empty() {
                    out.push_str(&format!("<{tag}>"));
                    push_text(&mut out, text);
                    out.push_str(&format!("</{tag}>"));
                }
            }
            out.push_str("</headerFooter>");
        }
        if context.has_drawing {
            out.push_str("<drawing r:id=\"rId1\"/>");
        }
        out.push_str("</worksheet>");
        out
    }

    /// `<cols>`: neighbouring columns alike are written as one range.
    fn push_columns(&self, out: &mut String, xfs: &[u32]) {
        let set: Vec<(u16, &Column)> = self
            .columns
            .iter()
            .enumerate()
            .filter_map(|(col, c)| c.as_ref().map(|c| (col as u16, c)))
            .collect();
        if set.is_empty() {
            return;
        }
        out.push_str("<cols>");
        let mut at = 0;
        while at < set.len() {
            let (first, column) = set[at];
            let mut last = first;
            while at + 1 < set.len() && set[at + 1].0 == last + 1 && set[at + 1].1 == column {
                at += 1;
                last += 1;
            }
            at += 1;
            let width = f64::from(column.width_pixels * 256 / DIGIT_PIXELS) / 256.0;
            out.push_str("<col min=\"");
            push_u32(out, u32::from(first) + 1);
            out.push_str("\" max=\"");
            push_u32(out, u32::from(last) + 1);
            out.push_str("\" width=\"");
            push_number(out, width);
            out.push('"');
            if let Some(format) = column.format {
                let xf = xfs[usize::from(format)];
                if xf > 0 {
                    out.push_str(" style=\"");
                    push_u32(out, xf);
                    out.push('"');
                }
            }
            if column.width_pixels != DEFAULT_COL_PIXELS {
                out.push_str(" customWidth=\"1\"");
            }
            out.push_str("/>");
        }
        out.push_str("</cols>");
    }

    /// `<sheetData>`: rows with their cells; a row's `spans` is the columns used by its block
    /// of 16 rows, which lets Excel size its memory as it reads.
    fn push_rows(
        &self,
        out: &mut String,
        context: &mut Context,
        xfs: &[u32],
        dimension: Option<(u32, u16, u32, u16)>,
    ) {
        if self
            .rows
            .iter()
            .all(|r| r.cells.is_empty() && r.height_pixels.is_none())
        {
            out.push_str("<sheetData/>");
            return;
        }
        out.push_str("<sheetData>");
        let column_xf: Vec<u32> = self
            .columns
            .iter()
            .map(|c| {
                c.as_ref()
                    .and_then(|c| c.format)
                    .map_or(0, |f| xfs[usize::from(f)])
            })
            .collect();
        let names: Vec<String> = (0..=dimension.map_or(0, |d| d.3))
            .map(xml::column_name)
            .collect();
        let mut spans = String::new();
        for (r, row) in self.rows.iter().enumerate() {
            if r % 16 == 0 {
                spans.clear();
                let block = &self.rows[r..self.rows.len().min(r + 16)];
                let first = block
                    .iter()
                    .filter_map(|row| row.cells.first())
                    .map(|c| c.col)
                    .min();
                let last = block
                    .iter()
                    .filter_map(|row| row.cells.last())
                    .map(|c| c.col)
                    .max();
                if let (Some(first), Some(last)) = (first, last) {
                    push_u32(&mut spans, u32::from(first) + 1);
                    spans.push(':');
                    push_u32(&mut spans, u32::from(last) + 1);
                }
            }
            if row.cells.is_empty() && row.height_pixels.is_none() {
                continue;
            }
            let number = r as u32 + 1;
            out.push_str("<row r=\"");
            push_u32(out, number);
            out.push('"');
            if !spans.is_empty() {
                out.push_str(" spans=\"");
                out.push_str(&spans);
                out.push('"');
            }
            if let Some(pixels) = row.height_pixels {
                out.push_str(" ht=\"");
                push_number(out, f64::from(pixels) * 0.75);
                out.push_str("\" customHeight=\"1\"");
            }
            if row.cells.is_empty() {
                out.push_str("/>");
                continue;
            }
            out.push('>');
            for cell in &row.cells {
                let xf = match cell.format {
                    Some(format) => xfs[usize::from(format)],
                    None => column_xf.get(usize::from(cell.col)).copied().unwrap_or(0),
                };
                // A blank cell in the default format says nothing: Excel leaves it out.
                if xf == 0 && matches!(cell.value, Value::Blank) {
                    continue;
                }
                out.push_str("<c r=\"");
                out.push_str(&names[usize::from(cell.col)]);
                push_u32(out, number);
                out.push('"');
                if xf > 0 {
                    out.push_str(" s=\"");
                    push_u32(out, xf);
                    out.push('"');
                }
                match &cell.value {
                    Value::Blank => {
                        out.push_str("/>");
                        continue;
                    }
                    Value::String(index) => {
                        out.push_str(" t=\"s\"><v>");
                        push_u32(out, context.strings.number(*index));
                    }
                    Value::Number(n) => {
                        out.push_str("><v>");
                        push_number(out, *n);
                    }
                    Value::Formula { formula, result } => {
                        out.push_str("><f>");
                        push_text(out, formula);
                        out.push_str("</f><v>");
                        push_text(out, result);
                    }
                }
                out.push_str("</v></c>");
            }
            out.push_str("</row>");
        }
        out.push_str("</sheetData>");
    }
}
