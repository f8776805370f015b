//! The peer benchmark's workload (`workload.json` of ../shared/bench-peers: three sheets, a
//! 200-row matrix) written by the app's own writer, `ims_matrix::export::xlsx`, so that the ratio
//! to ExcelJS is measured in the same Chromium run as the JavaScript libraries. Like the peer
//! benchmark's rust_xlsxwriter adapter, it takes the workload as JSON text and parses it inside
//! the timed call.
//!
//! The one difference from the workload: the chart is horizontal bars, the one chart kind our
//! workbook draws, where the workload asks for columns.

use ims_matrix::export::xlsx::{
    Chart, Color, ConditionalFormatCell, DataValidation, Format, Formula, Workbook, Worksheet,
    XlsxError,
};
use serde::Deserialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Workload {
    header_style: HeaderStyle,
    sheets: Sheets,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct HeaderStyle {
    font_color: String,
    fill: String,
}

#[derive(Deserialize)]
struct Sheets {
    matrix: MatrixSheet,
    summary: SummarySheet,
    answers: AnswersSheet,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct MatrixSheet {
    name: String,
    header: Vec<String>,
    widths: Vec<f64>,
    validation: Validation,
    conditional_formats: Vec<StatusColours>,
    rows: Vec<Vec<Value>>,
}

#[derive(Deserialize)]
struct Validation {
    values: Vec<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct StatusColours {
    equals: String,
    fill: String,
    font_color: String,
}

#[derive(Deserialize)]
struct SummarySheet {
    name: String,
    header: Vec<String>,
    widths: Vec<f64>,
    rows: Vec<SummaryRow>,
}

#[derive(Deserialize)]
struct SummaryRow {
    values: Vec<Value>,
    formula: String,
    cached: f64,
}

#[derive(Deserialize)]
struct AnswersSheet {
    name: String,
    header: Vec<String>,
    widths: Vec<f64>,
    rows: Vec<Vec<Value>>,
}

/// The workload's colours are six hex digits.
fn colour(hex: &str) -> Color {
    Color::Rgb(u32::from_str_radix(hex, 16).unwrap_or(0))
}

fn header_row(
    sheet: &mut Worksheet,
    titles: &[String],
    widths: &[f64],
    style: &Format,
) -> Result<(), XlsxError> {
    for (col, (title, width)) in titles.iter().zip(widths).enumerate() {
        let col = col as u16;
        sheet.write_string_with_format(0, col, title, style)?;
        sheet.set_column_width(col, *width)?;
    }
    Ok(())
}

fn cell(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    value: &Value,
    wrap: Option<&Format>,
) -> Result<(), XlsxError> {
    match (value, wrap) {
        (Value::Number(n), _) => sheet.write_number(row, col, n.as_f64().unwrap_or(0.0)),
        (Value::String(text), Some(wrap)) => sheet.write_string_with_format(row, col, text, wrap),
        (Value::String(text), None) => sheet.write_string(row, col, text),
        _ => Ok(()),
    }
}

fn workbook(workload: &Workload) -> Result<Vec<u8>, XlsxError> {
    let header = Format::new()
        .set_bold()
        .set_font_color(colour(&workload.header_style.font_color))
        .set_background_color(colour(&workload.header_style.fill));
    let wrap = Format::new().set_text_wrap();
    let mut book = Workbook::new(Format::new());

    let matrix = &workload.sheets.matrix;
    let last = matrix.rows.len() as u32;
    let sheet = book.add_worksheet();
    sheet.set_name(&matrix.name)?;
    header_row(sheet, &matrix.header, &matrix.widths, &header)?;
    for (r, values) in matrix.rows.iter().enumerate() {
        for (col, value) in values.iter().enumerate() {
            let note = (col == 9).then_some(&wrap);
            cell(sheet, r as u32 + 1, col as u16, value, note)?;
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, last, 9)?;
    let statuses: Vec<&str> = matrix
        .validation
        .values
        .iter()
        .map(String::as_str)
        .collect();
    sheet.add_data_validation(
        1,
        5,
        last,
        5,
        &DataValidation::new().allow_list_strings(&statuses)?,
    )?;
    for status in &matrix.conditional_formats {
        let format = Format::new()
            .set_background_color(colour(&status.fill))
            .set_font_color(colour(&status.font_color));
        let rule = ConditionalFormatCell::equal_to(format!("\"{}\"", status.equals), format);
        sheet.add_conditional_format(1, 5, last, 5, &rule)?;
    }

    let summary = &workload.sheets.summary;
    let sheet = book.add_worksheet();
    sheet.set_name(&summary.name)?;
    header_row(sheet, &summary.header, &summary.widths, &header)?;
    for (r, section) in summary.rows.iter().enumerate() {
        let row = r as u32 + 1;
        for (col, value) in section.values.iter().enumerate() {
            cell(sheet, row, col as u16, value, None)?;
        }
        let count = Formula::new(&section.formula).set_result(section.cached.to_string());
        sheet.write_formula_with_format(row, 3, count, &Format::new())?;
    }
    let sections = summary.rows.len() as u32;
    let chart = Chart::bars(
        "Implemented controls per section",
        &summary.header[3],
        &summary.name,
        (1, sections),
        (0, 3),
    );
    sheet.insert_chart(1, 5, chart)?;

    let answers = &workload.sheets.answers;
    let sheet = book.add_worksheet();
    sheet.set_name(&answers.name)?;
    header_row(sheet, &answers.header, &answers.widths, &header)?;
    for (r, values) in answers.rows.iter().enumerate() {
        for (col, value) in values.iter().enumerate() {
            let text = (col >= 1).then_some(&wrap);
            cell(sheet, r as u32 + 1, col as u16, value, text)?;
        }
    }
    book.save_to_buffer()
}

/// The workload as JSON text → the .xlsx file's bytes.
#[wasm_bindgen]
pub fn export_workbook(workload_json: &str) -> Result<Vec<u8>, JsError> {
    let workload: Workload = serde_json::from_str(workload_json)?;
    Ok(workbook(&workload)?)
}
