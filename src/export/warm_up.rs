//! The export worker's warm-up. V8 compiles WebAssembly lazily, function by function, on first
//! call, so the worker writes one workbook before it says ready: with every part our sheets
//! have (formats, widths, heights, a frozen header, a filter, drop-downs, colours by value,
//! links, print set-up, a chart, properties) and about as many cells as the sample's. The page
//! lays out real workbooks; the worker has no engine to lay one out itself, so this one is
//! made here of numbered rows, and goes through the bytes as the page's do.

use super::xlsx::{
    Chart, Color, ConditionalFormatCell, DataValidation, DocProperties, ExcelDate, Format,
    FormatAlign, FormatBorder, FormatUnderline, Formula, Workbook, XlsxError,
};
use crate::date::Date;

/// Rows of the warm-up's table. With 250 (about one matrix view) the first workbook after ready
/// took 70 ms in the browser benchmark; with 600, closer to the sample's whole workbook, 17 to
/// 28 ms, the worker still ready within 160 ms (README, "The export worker writes, the page lays
/// out"): V8 optimises what has run a while.
const ROWS: u32 = 600;

/// A laid-out workbook with every part, as bytes (`Workbook::to_bytes`).
///
/// # Errors
/// Never for these values; the writer's checks stay in the path.
pub fn laid_out() -> Result<Vec<u8>, XlsxError> {
    let text = Format::new().set_align(FormatAlign::Top).set_text_wrap();
    let header = text
        .clone()
        .set_bold()
        .set_font_size(10)
        .set_background_color(Color::Rgb(0x1F4E8C))
        .set_font_color(Color::White)
        .set_border(FormatBorder::Thin)
        .set_border_color(Color::Rgb(0xD5DBE5));
    let date = text.clone().set_num_format("yyyy-mm-dd");
    let link = text
        .clone()
        .set_font_color(Color::Rgb(0x1F4E8C))
        .set_underline(FormatUnderline::Single);
    let mut book = Workbook::new(text.clone());
    let day = Date::parse("2026-12-05").map(ExcelDate::new);

    let table = book.add_worksheet();
    table.set_name("Table")?;
    table.set_tab_color(Color::Rgb(0x1F4E8C));
    for col in 0..8 {
        table.set_column_width(col, 12.0 + f64::from(col) * 4.0)?;
        table.write_string_with_format(0, col, format!("Column {col}"), &header)?;
    }
    table.set_column_format(7, &date)?;
    for row in 1..=ROWS {
        table.set_row_height(row, 15.0 * f64::from(1 + row % 4))?;
        table.write_string(row, 0, format!("R-{row:03}"))?;
        table.write_string(row, 1, ["Open", "In progress", "Done"][row as usize % 3])?;
        for col in 2..6 {
            let words = "text that wraps over several lines in a cell ".repeat(1 + (col as usize));
            table.write_string_with_format(row, col, format!("{words}{row}"), &text)?;
        }
        table.write_number_with_format(row, 6, f64::from(row) / 4.0, &text)?;
        if let Some(day) = &day {
            table.write_datetime(row, 7, day)?;
        }
    }
    table.set_freeze_panes(1, 0)?;
    table.set_repeat_rows(0, 0)?;
    table.autofilter(0, 0, ROWS, 7)?;
    let statuses = DataValidation::new()
        .allow_list_strings(&["Open", "In progress", "Done"])?
        .set_error_title("Status")?
        .set_error_message("Choose a status.".to_owned())?;
    table.add_data_validation(1, 1, ROWS, 1, &statuses)?;
    let done = Format::new().set_background_color(Color::Rgb(0xDCFCE7));
    table.add_conditional_format(
        1,
        1,
        ROWS,
        1,
        &ConditionalFormatCell::equal_to("\"Done\"".to_owned(), done),
    )?;
    table.set_landscape();
    table.set_print_fit_to_pages();
    table.set_header("&L&\"Calibri,Bold\"Table");
    table.set_footer("&RPage &P of &N".to_owned());

    let summary = book.add_worksheet();
    summary.set_name("Summary")?;
    for row in 0..6 {
        summary.write_string(row, 0, format!("Area {row}"))?;
        summary.write_number(row, 1, f64::from(row * 7))?;
        summary.write_formula_with_format(
            row,
            2,
            Formula::new(format!("=B{}*2", row + 1)).set_result((row * 14).to_string()),
            &text,
        )?;
        summary.write_link_with_format(row, 3, "'Table'!A2".to_owned(), "Table", &link)?;
    }
    summary.insert_chart(
        8,
        0,
        Chart::bars("Areas", "Rows", "Summary", (0, 5), (0, 1)),
    )?;

    let hidden = book.add_worksheet();
    hidden.set_name("Data")?;
    hidden.set_very_hidden(true);
    hidden.write_string(0, 0, "{}")?;

    let mut properties = DocProperties::new().set_title("Warm-up");
    if let Some(day) = day {
        properties = properties.set_creation_date(day);
    }
    book.set_properties(&properties);
    Ok(book.to_bytes())
}
