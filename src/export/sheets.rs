//! One function per sheet. Every user-supplied string goes through `text::cell_text` and
//! `write_string`, so it stays text (a note starting with `=` is not a formula). Every table
//! notes its wrapped text in a `RowHeights`, so rows are as tall as their text (see `fit`).

use std::borrow::Cow;

use rust_xlsxwriter::{
    Chart, ChartType, ConditionalFormatCell, ConditionalFormatCellRule, DataValidation, Formula,
    Url, Workbook, Worksheet, XlsxError,
};

use super::fit::RowHeights;
use super::style::Styles;
use super::text::cell_text;
use super::{ExportOptions, SHEETS};
use crate::assessment::{Assessment, Status};
use crate::matrix::{Matrix, MatrixRow, RefView};
use crate::questionnaire::{Answer, Maturity, QuestionKind, Questionnaire};

type Result<T> = std::result::Result<T, XlsxError>;

const SUMMARY: &str = SHEETS[0];
const MATRIX: &str = SHEETS[1];
const MATRIX_20000: &str = SHEETS[2];
const SOA: &str = SHEETS[3];
const ACTIONS: &str = SHEETS[4];
const ANSWERS: &str = SHEETS[5];
const ABOUT: &str = SHEETS[6];

pub fn write_all(
    book: &mut Workbook,
    m: &Matrix,
    a: &Assessment,
    q: &Questionnaire,
    options: &ExportOptions,
) -> Result<()> {
    let styles = Styles::new();
    // The Summary's formulas count the Matrix sheet, which therefore must exist by name; sheets
    // are added in display order and filled independently.
    summary(book.add_worksheet(), m, a, options, &styles)?;
    matrix_sheet(
        book.add_worksheet(),
        m,
        View::Iso27001,
        &iso27001_order(m),
        &styles,
    )?;
    matrix_sheet(
        book.add_worksheet(),
        m,
        View::Iso20000,
        &iso20000_order(m),
        &styles,
    )?;
    soa(book.add_worksheet(), m, &styles)?;
    action_plan(book.add_worksheet(), m, &styles)?;
    answers(book.add_worksheet(), a, q, &styles)?;
    about(book.add_worksheet(), m, options, &styles)?;
    Ok(())
}

fn refs(list: &[RefView]) -> String {
    list.iter()
        .map(|r| r.reference.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

fn titles(list: &[RefView]) -> String {
    list.iter()
        .map(|r| format!("{} {}", r.reference, r.title))
        .collect::<Vec<_>>()
        .join("\n")
}

fn quoted(sheet: &str) -> String {
    format!("'{}'", sheet.replace('\'', "''"))
}

/// How a column's cells look; set once per column, so cells are written without a format of
/// their own (rust_xlsxwriter hashes a format on every formatted write, which dominated export
/// time).
#[derive(Clone, Copy)]
enum Look {
    /// The workbook's default format: top-aligned, wrapped; no style of its own.
    Text,
    Bold,
    Number,
    Date,
}

/// Header row with widths and column formats, frozen below it, repeated on every printed page,
/// landscape and fit to one page wide.
fn table_header(ws: &mut Worksheet, columns: &[(&str, f64, Look)], styles: &Styles) -> Result<()> {
    for (col, (name, width, look)) in columns.iter().enumerate() {
        let col = col as u16;
        ws.write_string_with_format(0, col, *name, &styles.header)?;
        ws.set_column_width(col, *width)?;
        let format = match look {
            Look::Text => None,
            Look::Bold => Some(&styles.bold),
            Look::Number => Some(&styles.number),
            Look::Date => Some(&styles.date),
        };
        if let Some(format) = format {
            ws.set_column_format(col, format)?;
        }
    }
    // Headers are 10 pt bold: about as wide as 11 pt regular, on shorter lines.
    let header_lines = columns
        .iter()
        .map(|(name, width, _)| super::fit::lines(name, *width))
        .max()
        .unwrap_or(1);
    ws.set_row_height(0, (f64::from(header_lines) * 13.0 + 4.0).max(30.0))?;
    ws.set_freeze_panes(1, 0)?;
    ws.set_repeat_rows(0, 0)?;
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    ws.set_header("&L&\"-,Bold\"&A&Rims-matrix");
    ws.set_footer("&LPage &P of &N&R&D");
    Ok(())
}

fn status_dropdown() -> Result<DataValidation> {
    let labels: Vec<&str> = Status::ALL.iter().map(|s| s.label()).collect();
    DataValidation::new()
        .allow_list_strings(&labels)?
        .set_error_title("Status")?
        .set_error_message("Choose one of: Not started, In progress, Implemented, Not applicable.")
}

fn yes_no_dropdown() -> Result<DataValidation> {
    DataValidation::new().allow_list_strings(&["Yes", "No"])
}

fn status_colours(ws: &mut Worksheet, first: u32, last: u32, col: u16) -> Result<()> {
    for status in Status::ALL {
        let rule = ConditionalFormatCell::new()
            .set_rule(ConditionalFormatCellRule::EqualTo(format!(
                "\"{}\"",
                status.label()
            )))
            .set_format(Styles::status_fill(status));
        ws.add_conditional_format(first, col, last, col, &rule)?;
    }
    Ok(())
}

/// A due date: a real date cell when it is one, the text as typed otherwise.
fn write_due(
    ws: &mut Worksheet,
    heights: &mut RowHeights,
    row: u32,
    col: u16,
    due: &str,
    width: f64,
) -> Result<()> {
    if due.is_empty() {
        return Ok(());
    }
    match super::parse_date(due) {
        Some(date) => ws.write_datetime(row, col, &date)?,
        None => {
            let text = cell_text(due);
            heights.note(row, &text, width);
            ws.write_string(row, col, text)?
        }
    };
    Ok(())
}

/// Writes text in a wrapped column `width` wide, noting how tall it makes its row.
fn put(
    ws: &mut Worksheet,
    heights: &mut RowHeights,
    (row, col): (u32, u16),
    width: f64,
    text: impl AsRef<str> + Into<String>,
) -> Result<()> {
    heights.note(row, text.as_ref(), width);
    ws.write_string(row, col, text)?;
    Ok(())
}

fn iso27001_order(m: &Matrix) -> Vec<usize> {
    (0..m.rows.len()).collect()
}

/// Rows keyed by their first ISO/IEC 20000-1 reference in clause order; rows with none last.
fn iso20000_order(m: &Matrix) -> Vec<usize> {
    let mut order: Vec<usize> = (0..m.rows.len()).collect();
    order.sort_by(|&a, &b| {
        let key = |i: usize| m.rows[i].iso20000.first().map(|r| &r.reference);
        match (key(a), key(b)) {
            (Some(x), Some(y)) => crate::matrix::view::compare_refs(x, y).then(a.cmp(&b)),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => a.cmp(&b),
        }
    });
    order
}

/// One column of a matrix sheet: what it shows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    RowId,
    Refs27001,
    Titles27001,
    Refs20000,
    Titles20000,
    Topic,
    Kind,
    Pdca,
    Relationship,
    Overlap,
    Lead,
    Document,
    Action,
    Applicable,
    ApplicabilityReason,
    Status,
    Priority,
    RemainingDays,
    Owner,
    Due,
    Notes,
    Other27001,
    Other20000,
    Guidance,
    Rationale,
}

/// Which matrix sheet: the full ISO 27001 view, or the ISO 20000-1 view, which leads with
/// 20000-1 clauses and leaves the long explanations (guidance, rationale, applicability
/// reasons) and the 27001-side extras to the full view, so service people get a narrower table.
#[derive(Clone, Copy, PartialEq, Eq)]
enum View {
    Iso27001,
    Iso20000,
}

impl View {
    fn fields(self) -> &'static [Field] {
        use Field::*;
        match self {
            View::Iso27001 => &[
                RowId,
                Refs27001,
                Titles27001,
                Refs20000,
                Titles20000,
                Topic,
                Kind,
                Pdca,
                Relationship,
                Overlap,
                Lead,
                Document,
                Action,
                Applicable,
                ApplicabilityReason,
                Status,
                Priority,
                RemainingDays,
                Owner,
                Due,
                Notes,
                Other27001,
                Other20000,
                Guidance,
                Rationale,
            ],
            View::Iso20000 => &[
                RowId,
                Refs20000,
                Titles20000,
                Refs27001,
                Titles27001,
                Topic,
                Kind,
                Pdca,
                Relationship,
                Overlap,
                Lead,
                Document,
                Action,
                Applicable,
                Status,
                Priority,
                Owner,
                Due,
                Notes,
                Other20000,
            ],
        }
    }

    fn column(self, field: Field) -> u16 {
        self.fields()
            .iter()
            .position(|f| *f == field)
            .expect("every view has the field asked for") as u16
    }
}

fn matrix_sheet(
    ws: &mut Worksheet,
    m: &Matrix,
    view: View,
    order: &[usize],
    styles: &Styles,
) -> Result<()> {
    ws.set_name(match view {
        View::Iso27001 => MATRIX,
        View::Iso20000 => MATRIX_20000,
    })?;
    let fields = view.fields();
    let e27 = m.editions.iso27001;
    let e20 = m.editions.iso20000;
    let other27 = if e27.is_current() { "2013" } else { "2022" };
    let other20 = if e20.is_current() { "2011" } else { "2018" };
    let h27 = format!("ISO/IEC 27001:{}", e27.edition());
    let h20 = format!("ISO/IEC 20000-1:{}", e20.edition());
    let t27 = format!("{h27} title");
    let t20 = format!("{h20} title");
    let o27 = format!("ISO/IEC 27001:{other27} (other edition)");
    let o20 = format!("ISO/IEC 20000-1:{other20} (other edition)");
    let columns: Vec<(&str, f64, Look)> = fields
        .iter()
        .map(|field| match field {
            Field::RowId => ("Row ID", 22.0, Look::Text),
            Field::Refs27001 => (h27.as_str(), 12.0, Look::Bold),
            Field::Titles27001 => (t27.as_str(), 34.0, Look::Text),
            Field::Refs20000 => (h20.as_str(), 12.0, Look::Bold),
            Field::Titles20000 => (t20.as_str(), 34.0, Look::Text),
            Field::Topic => ("Topic", 28.0, Look::Text),
            Field::Kind => ("Kind", 16.0, Look::Text),
            Field::Pdca => ("PDCA", 7.0, Look::Text),
            Field::Relationship => ("Relationship", 14.0, Look::Text),
            Field::Overlap => ("Overlap (0-10)", 9.0, Look::Text),
            Field::Lead => ("Lead standard", 14.0, Look::Text),
            Field::Document => ("Integrated document", 28.0, Look::Text),
            Field::Action => ("Action", 30.0, Look::Text),
            Field::Applicable => ("Applicable", 10.0, Look::Text),
            Field::ApplicabilityReason => ("Applicability reason", 40.0, Look::Text),
            Field::Status => ("Status", 14.0, Look::Text),
            Field::Priority => ("Priority", 9.0, Look::Text),
            Field::RemainingDays => ("Remaining person-days", 11.0, Look::Number),
            Field::Owner => ("Owner", 16.0, Look::Text),
            Field::Due => ("Due", 11.0, Look::Date),
            Field::Notes => ("Notes", 40.0, Look::Text),
            Field::Other27001 => (o27.as_str(), 16.0, Look::Text),
            Field::Other20000 => (o20.as_str(), 16.0, Look::Text),
            Field::Guidance => ("Guidance", 60.0, Look::Text),
            Field::Rationale => ("Rationale", 60.0, Look::Text),
        })
        .collect();
    table_header(ws, &columns, styles)?;
    ws.set_tab_color(rust_xlsxwriter::Color::RGB(0x1F4E8C));
    let mut heights = RowHeights::default();
    for (n, &i) in order.iter().enumerate() {
        let row = &m.rows[i];
        let r = n as u32 + 1;
        for (col, field) in fields.iter().enumerate() {
            let width = columns[col].1;
            match cell(row, *field) {
                Cell::Text(text) => put(ws, &mut heights, (r, col as u16), width, text)?,
                Cell::Number(number) => {
                    ws.write_number(r, col as u16, number)?;
                }
                Cell::Due(due) => write_due(ws, &mut heights, r, col as u16, due, width)?,
            }
        }
    }
    heights.apply(ws)?;
    let last = m.rows.len() as u32;
    ws.autofilter(0, 0, last, columns.len() as u16 - 1)?;
    let status = view.column(Field::Status);
    let applicable = view.column(Field::Applicable);
    ws.add_data_validation(1, status, last, status, &status_dropdown()?)?;
    ws.add_data_validation(1, applicable, last, applicable, &yes_no_dropdown()?)?;
    status_colours(ws, 1, last, status)?;
    Ok(())
}

/// What one matrix cell holds.
enum Cell<'a> {
    Text(Cow<'a, str>),
    Number(f64),
    /// As the user typed it: a date cell when it is a date (see `write_due`).
    Due(&'a str),
}

fn cell(row: &MatrixRow, field: Field) -> Cell<'_> {
    let text = |s: &'static str| Cell::Text(Cow::Borrowed(s));
    match field {
        Field::RowId => Cell::Text(Cow::Borrowed(&row.id)),
        Field::Refs27001 => Cell::Text(refs(&row.iso27001).into()),
        Field::Titles27001 => Cell::Text(titles(&row.iso27001).into()),
        Field::Refs20000 => Cell::Text(refs(&row.iso20000).into()),
        Field::Titles20000 => Cell::Text(titles(&row.iso20000).into()),
        Field::Topic => Cell::Text(Cow::Borrowed(&row.topic)),
        Field::Kind => text(row.kind.label()),
        Field::Pdca => text(row.pdca.label()),
        Field::Relationship => text(row.relationship.label()),
        Field::Overlap => Cell::Number(f64::from(row.strength)),
        Field::Lead => text(row.lead.label()),
        Field::Document => Cell::Text(Cow::Borrowed(&row.document)),
        Field::Action => text(row.action),
        Field::Applicable => text(if row.applicable { "Yes" } else { "No" }),
        Field::ApplicabilityReason => Cell::Text(Cow::Borrowed(&row.applicability_reason)),
        Field::Status => text(row.status.label()),
        Field::Priority => text(row.priority.label()),
        Field::RemainingDays => Cell::Number(row.remaining_days),
        Field::Owner => Cell::Text(cell_text(&row.owner).into()),
        Field::Due => Cell::Due(&row.due),
        Field::Notes => Cell::Text(cell_text(&row.notes).into()),
        Field::Other27001 => Cell::Text(refs(&row.iso27001_other).into()),
        Field::Other20000 => Cell::Text(refs(&row.iso20000_other).into()),
        Field::Guidance => Cell::Text(Cow::Borrowed(&row.guidance)),
        Field::Rationale => Cell::Text(Cow::Borrowed(&row.rationale)),
    }
}

const SUMMARY_WIDTHS: [f64; 3] = [44.0, 16.0, 48.0];

fn summary(
    ws: &mut Worksheet,
    m: &Matrix,
    a: &Assessment,
    options: &ExportOptions,
    styles: &Styles,
) -> Result<()> {
    ws.set_name(SUMMARY)?;
    for (col, width) in SUMMARY_WIDTHS.iter().enumerate() {
        ws.set_column_width(col as u16, *width)?;
    }
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    let s = &m.summary;
    ws.write_string_with_format(
        0,
        0,
        "ISO/IEC 27001 × ISO/IEC 20000-1 integration matrix",
        &styles.title,
    )?;
    let organisation = a
        .organisation()
        .map(cell_text)
        .unwrap_or_else(|| "(organisation not named)".to_owned());
    let facts: [(&str, String); 5] = [
        ("Organisation", organisation),
        (
            "Editions",
            format!(
                "ISO/IEC 27001:{} · ISO/IEC 20000-1:{}",
                m.editions.iso27001.edition(),
                m.editions.iso20000.edition()
            ),
        ),
        ("Starting point", m.starting_point.label().to_owned()),
        ("Generated", options.date.clone()),
        (
            "Prepared with",
            options
                .brand
                .as_ref()
                .map_or("ims-matrix".to_owned(), |b| cell_text(&b.name)),
        ),
    ];
    for (i, (label, value)) in facts.iter().enumerate() {
        let r = i as u32 + 1;
        ws.write_string_with_format(r, 0, *label, &styles.subtitle)?;
        ws.write_string_with_format(r, 1, value, &styles.plain)?;
    }
    ws.write_string_with_format(7, 0, "Integrated documents", &styles.bold)?;
    ws.write_number_with_format(7, 1, s.integrated_documents as f64, &styles.big)?;
    ws.write_string_with_format(
        7,
        2,
        format!(
            "replace {} separate documents (one per standard)",
            s.separate_documents
        ),
        &styles.wrap,
    )?;
    ws.write_string_with_format(8, 0, "Overall readiness", &styles.bold)?;
    ws.write_number_with_format(8, 1, f64::from(s.readiness) / 100.0, &styles.percent)?;
    ws.write_string_with_format(
        9,
        0,
        "Remaining effort (person-days, indicative)",
        &styles.bold,
    )?;
    ws.write_number_with_format(9, 1, s.remaining_days, &styles.number)?;

    // Counts as formulas over the Matrix sheet, so they recount when statuses change in Excel;
    // the cached result is our own count, so readers that do not recalculate show it too.
    let last = m.rows.len() + 1;
    let full_view_range = |field: Field| {
        let column = rust_xlsxwriter::utility::column_number_to_name(View::Iso27001.column(field));
        format!("{}!${column}$2:${column}${last}", quoted(MATRIX))
    };
    let status_range = full_view_range(Field::Status);
    let kind_range = full_view_range(Field::Kind);
    ws.write_string_with_format(11, 0, "Rows by status", &styles.header)?;
    ws.write_string_with_format(11, 1, "Rows", &styles.header)?;
    for (i, count) in s.by_status.iter().enumerate() {
        let r = 12 + i as u32;
        ws.write_string_with_format(r, 0, &count.label, &styles.plain)?;
        let formula = Formula::new(format!("=COUNTIF({status_range},\"{}\")", count.label))
            .set_result(count.count.to_string());
        ws.write_formula_with_format(r, 1, formula, &styles.plain)?;
    }
    status_colours(ws, 12, 15, 0)?;
    ws.write_string_with_format(17, 0, "Rows by kind", &styles.header)?;
    ws.write_string_with_format(17, 1, "Rows", &styles.header)?;
    for (i, count) in s.by_kind.iter().enumerate() {
        let r = 18 + i as u32;
        ws.write_string_with_format(r, 0, &count.label, &styles.plain)?;
        let formula = Formula::new(format!("=COUNTIF({kind_range},\"{}\")", count.label))
            .set_result(count.count.to_string());
        ws.write_formula_with_format(r, 1, formula, &styles.plain)?;
    }
    let open_statuses: Vec<Status> = Status::ALL.into_iter().filter(|s| s.is_open()).collect();
    let open = s
        .by_status
        .iter()
        .filter(|c| open_statuses.iter().any(|s| s.as_str() == c.key))
        .map(|c| c.count)
        .sum::<usize>();
    // Counted over the matrix itself, like the rows above, so it holds however they are laid out.
    let open_formula = open_statuses
        .iter()
        .map(|s| format!("COUNTIF({status_range},\"{}\")", s.label()))
        .collect::<Vec<_>>()
        .join("+");
    ws.write_string_with_format(
        22,
        0,
        "Open rows (not started or in progress)",
        &styles.bold,
    )?;
    ws.write_formula_with_format(
        22,
        1,
        Formula::new(format!("={open_formula}")).set_result(open.to_string()),
        &styles.bold,
    )?;

    ws.write_string_with_format(24, 0, "Readiness by area", &styles.header)?;
    ws.write_string_with_format(24, 1, "Readiness", &styles.header)?;
    ws.write_string_with_format(24, 2, "Open rows", &styles.header)?;
    for (i, area) in s.by_area.iter().enumerate() {
        let r = 25 + i as u32;
        ws.write_string_with_format(r, 0, &area.area.label, &styles.plain)?;
        ws.write_number_with_format(r, 1, f64::from(area.readiness) / 100.0, &styles.percent)?;
        ws.write_number_with_format(r, 2, area.open as f64, &styles.plain)?;
    }
    let after_areas = 26 + s.by_area.len() as u32;
    ws.write_string_with_format(after_areas, 0, "Top actions", &styles.header)?;
    ws.write_string_with_format(after_areas, 1, "Priority", &styles.header)?;
    ws.write_string_with_format(after_areas, 2, "Action", &styles.header)?;
    let mut heights = RowHeights::default();
    for (i, id) in s.top_actions.iter().enumerate() {
        let Some(row) = m.rows.iter().find(|r| r.id == *id) else {
            continue;
        };
        let r = after_areas + 1 + i as u32;
        ws.write_string_with_format(r, 0, &*row.topic, &styles.wrap)?;
        ws.write_string_with_format(r, 1, row.priority.label(), &styles.plain)?;
        ws.write_string_with_format(r, 2, row.action, &styles.wrap)?;
        heights.note(r, &row.topic, SUMMARY_WIDTHS[0]);
        heights.note(r, row.action, SUMMARY_WIDTHS[2]);
    }
    heights.apply(ws)?;
    let contents = after_areas + 2 + s.top_actions.len() as u32;
    ws.write_string_with_format(contents, 0, "Sheets", &styles.header)?;
    for (i, sheet) in SHEETS.iter().enumerate().skip(1) {
        let r = contents + i as u32;
        ws.write_url_with_format(
            r,
            0,
            Url::new(format!("internal:{}!A1", quoted(sheet))).set_text(*sheet),
            &styles.link,
        )?;
    }

    let mut chart = Chart::new(ChartType::Bar);
    chart
        .add_series()
        .set_name("Rows")
        .set_categories((SUMMARY, 12, 0, 15, 0))
        .set_values((SUMMARY, 12, 1, 15, 1));
    chart.title().set_name("Rows by status");
    chart.legend().set_hidden();
    ws.insert_chart(1, 3, &chart)?;
    Ok(())
}

fn soa(ws: &mut Worksheet, m: &Matrix, styles: &Styles) -> Result<()> {
    ws.set_name(SOA)?;
    let edition = m.editions.iso27001;
    let other = if edition.is_current() { "2013" } else { "2022" };
    let group = if edition.is_current() {
        "Theme"
    } else {
        "Domain"
    };
    let other_header = format!("ISO/IEC 27001:{other} reference");
    let columns: [(&str, f64, Look); 8] = [
        ("Control", 10.0, Look::Bold),
        ("Title", 44.0, Look::Text),
        (group, 28.0, Look::Text),
        ("Applicable", 11.0, Look::Text),
        ("Reason", 60.0, Look::Text),
        ("Status", 14.0, Look::Text),
        (&other_header, 16.0, Look::Text),
        ("Matrix rows", 26.0, Look::Text),
    ];
    table_header(ws, &columns, styles)?;
    let width = |col: u16| columns[usize::from(col)].1;
    let mut heights = RowHeights::default();
    for (i, entry) in m.soa.iter().enumerate() {
        let r = i as u32 + 1;
        let mut text = |col: u16, text: &str| put(ws, &mut heights, (r, col), width(col), text);
        text(0, &entry.reference)?;
        text(1, &entry.title)?;
        text(
            2,
            &format!("{} {}", entry.group.reference, entry.group.title),
        )?;
        text(3, if entry.applicable { "Yes" } else { "No" })?;
        text(4, &entry.reason)?;
        text(5, entry.status.label())?;
        text(6, &refs(&entry.other_edition).replace('\n', ", "))?;
        text(7, &entry.rows.join(", "))?;
    }
    heights.apply(ws)?;
    let last = m.soa.len() as u32;
    ws.autofilter(0, 0, last, 7)?;
    ws.add_data_validation(1, 3, last, 3, &yes_no_dropdown()?)?;
    ws.add_data_validation(1, 5, last, 5, &status_dropdown()?)?;
    status_colours(ws, 1, last, 5)?;
    Ok(())
}

fn action_plan(ws: &mut Worksheet, m: &Matrix, styles: &Styles) -> Result<()> {
    ws.set_name(ACTIONS)?;
    let columns: [(&str, f64, Look); 11] = [
        ("Priority", 9.0, Look::Bold),
        ("Topic", 30.0, Look::Text),
        ("ISO/IEC 27001", 12.0, Look::Text),
        ("ISO/IEC 20000-1", 12.0, Look::Text),
        ("Action", 36.0, Look::Text),
        ("Integrated document", 30.0, Look::Text),
        ("Status", 14.0, Look::Text),
        ("Owner", 16.0, Look::Text),
        ("Due", 11.0, Look::Date),
        ("Remaining person-days", 11.0, Look::Number),
        ("Row in the matrix", 30.0, Look::Text),
    ];
    table_header(ws, &columns, styles)?;
    let mut open: Vec<(usize, &MatrixRow)> = m
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.status.is_open())
        .collect();
    open.sort_by(|(ia, a), (ib, b)| {
        b.priority_score
            .cmp(&a.priority_score)
            .then(b.remaining_days.total_cmp(&a.remaining_days))
            .then(ia.cmp(ib))
    });
    let width = |col: u16| columns[usize::from(col)].1;
    let mut heights = RowHeights::default();
    for (n, (i, row)) in open.iter().enumerate() {
        let r = n as u32 + 1;
        let mut text = |col: u16, text: &str| put(ws, &mut heights, (r, col), width(col), text);
        text(0, row.priority.label())?;
        text(1, &row.topic)?;
        text(2, &refs(&row.iso27001))?;
        text(3, &refs(&row.iso20000))?;
        text(4, row.action)?;
        text(5, &row.document)?;
        text(6, row.status.label())?;
        text(7, &cell_text(&row.owner))?;
        write_due(ws, &mut heights, r, 8, &row.due, width(8))?;
        ws.write_number(r, 9, row.remaining_days)?;
        // The Matrix (ISO 27001 view) lists rows in crosswalk order, one per sheet row.
        let target = format!("internal:{}!A{}", quoted(MATRIX), i + 2);
        heights.note(r, &row.id, width(10));
        ws.write_url_with_format(
            r,
            10,
            Url::new(target).set_text(row.id.as_str()),
            &styles.link,
        )?;
    }
    heights.apply(ws)?;
    let last = open.len().max(1) as u32;
    ws.autofilter(0, 0, last, 10)?;
    ws.add_data_validation(1, 6, last, 6, &status_dropdown()?)?;
    status_colours(ws, 1, last, 6)?;
    Ok(())
}

fn answer_text(kind: &QuestionKind, answer: Option<&Answer>) -> String {
    let Some(answer) = answer else {
        return "(not answered)".to_owned();
    };
    let label = |id: &str| {
        kind.options()
            .iter()
            .find(|o| o.id == id)
            .map_or(id.to_owned(), |o| o.label.clone())
    };
    match (kind, answer) {
        (QuestionKind::Single { .. }, Answer::Text(id)) => label(id),
        (QuestionKind::Multiple { .. }, Answer::Choices(ids)) => ids
            .iter()
            .map(|id| label(id))
            .collect::<Vec<_>>()
            .join("; "),
        (QuestionKind::YesNo, Answer::Bool(b)) => if *b { "Yes" } else { "No" }.to_owned(),
        (QuestionKind::Number { .. }, Answer::Number(n)) => n.to_string(),
        (QuestionKind::Maturity { .. }, Answer::Text(level)) => {
            Maturity::parse(level).map_or(level.clone(), |m| m.label().to_owned())
        }
        (_, Answer::Text(text)) => text.clone(),
        (_, other) => serde_json::to_string(other).unwrap_or_default(),
    }
}

fn answers(ws: &mut Worksheet, a: &Assessment, q: &Questionnaire, styles: &Styles) -> Result<()> {
    ws.set_name(ANSWERS)?;
    let columns: [(&str, f64, Look); 4] = [
        ("Section", 28.0, Look::Text),
        ("Question", 60.0, Look::Text),
        ("Answer", 50.0, Look::Text),
        ("Question ID", 26.0, Look::Text),
    ];
    table_header(ws, &columns, styles)?;
    let width = |col: u16| columns[usize::from(col)].1;
    let mut heights = RowHeights::default();
    let mut r = 1;
    for section in &q.sections {
        for question in &section.questions {
            let answer = match &question.kind {
                QuestionKind::Edition { family } => a.editions.of(*family).edition().to_owned(),
                kind => answer_text(kind, a.answers.get(&question.id)),
            };
            let mut text = |col: u16, text: &str| put(ws, &mut heights, (r, col), width(col), text);
            text(0, &section.title)?;
            text(1, &question.label)?;
            text(2, &cell_text(&answer))?;
            text(3, &question.id)?;
            r += 1;
        }
    }
    heights.apply(ws)?;
    ws.autofilter(0, 0, r - 1, 3)?;
    Ok(())
}

const ABOUT_TEXT_WIDTH: f64 = 90.0;

fn about(ws: &mut Worksheet, m: &Matrix, options: &ExportOptions, styles: &Styles) -> Result<()> {
    ws.set_name(ABOUT)?;
    ws.set_column_width(0, 26)?;
    ws.set_column_width(1, ABOUT_TEXT_WIDTH)?;
    ws.set_print_fit_to_pages(1, 0);
    ws.write_string_with_format(0, 0, "About this workbook", &styles.title)?;
    let mut lines: Vec<(&str, String)> = vec![
        ("What it is", "An integration matrix for running ISO/IEC 27001 and ISO/IEC 20000-1 as one management system, built from a scoping questionnaire: what the standards share, what runs as one process, what belongs to one standard only, the draft Statement of Applicability and an action plan.".to_owned()),
        ("Editions", format!("ISO/IEC 27001:{} and ISO/IEC 20000-1:{}. The matrix sheets also show each row's references in the other edition.", m.editions.iso27001.edition(), m.editions.iso20000.edition())),
        ("Generated", format!("{} with ims-matrix {}", options.date, crate::VERSION)),
        ("How to use it", "Edit Status (drop-down), Owner, Due and Notes in the Matrix (ISO 27001 view); the counts on the Summary recount from it. The ISO 20000-1 view holds the same rows in ISO/IEC 20000-1 clause order without the long guidance and rationale: the same Row ID finds them in the ISO 27001 view. Filters are on every table.".to_owned()),
        ("Disclaimer", "Clause and control numbers and titles are those of the standards; every explanation and all guidance are our own wording, not the text of any ISO standard. Buy the standards from ISO or your national standards body. The Statement of Applicability is a draft derived from your answers: confirm every entry against your risk assessment. Effort figures are indicative.".to_owned()),
    ];
    if let Some(brand) = &options.brand {
        lines.push(("Prepared with", cell_text(&brand.name)));
        if !brand.contact.is_empty() {
            lines.push(("Contact", cell_text(&brand.contact)));
        }
    }
    let mut heights = RowHeights::default();
    for (i, (label, value)) in lines.iter().enumerate() {
        let r = i as u32 + 2;
        ws.write_string_with_format(r, 0, *label, &styles.bold)?;
        ws.write_string_with_format(r, 1, value, &styles.wrap)?;
        heights.note(r, value, ABOUT_TEXT_WIDTH);
    }
    heights.apply(ws)?;
    Ok(())
}
