//! The Summary sheet: the facts of the assessment, the headline figures, counts by status and
//! kind as formulas over the matrix (so they recount when statuses change in the spreadsheet),
//! the plan's phases with target dates, the laws and schemes, the warnings to check, readiness
//! by area, the top actions, links to the other sheets and a chart. Laid out with a
//! row cursor: each block takes the rows it needs.

use rust_xlsxwriter::{Chart, ChartType, Formula, Url, Worksheet, XlsxError};

use super::matrix::{Field, View};
use crate::assessment::{Assessment, Status};
use crate::export::cell::quoted;
use crate::export::fit::RowHeights;
use crate::export::options::{ExportOptions, SHEETS};
use crate::export::style::Styles;
use crate::export::text::cell_text;
use crate::matrix::Matrix;

const WIDTHS: [f64; 3] = [44.0, 16.0, 48.0];

/// The next free sheet row.
struct Cursor(u32);

impl Cursor {
    /// Takes the current row and moves below it.
    fn take(&mut self) -> u32 {
        let row = self.0;
        self.0 += 1;
        row
    }

    /// Leaves one row empty.
    fn gap(&mut self) {
        self.0 += 1;
    }
}

pub fn write(
    ws: &mut Worksheet,
    m: &Matrix,
    a: &Assessment,
    options: &ExportOptions,
    styles: &Styles,
) -> Result<(), XlsxError> {
    ws.set_name(SHEETS[0])?;
    for (col, width) in WIDTHS.iter().enumerate() {
        ws.set_column_width(col as u16, *width)?;
    }
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    let s = &m.summary;
    let mut at = Cursor(0);
    ws.write_string_with_format(
        at.take(),
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
    for (label, value) in &facts {
        let r = at.take();
        ws.write_string_with_format(r, 0, *label, &styles.subtitle)?;
        ws.write_string_with_format(r, 1, value, &styles.plain)?;
    }
    at.gap();

    let r = at.take();
    ws.write_string_with_format(r, 0, "Integrated documents", &styles.bold)?;
    ws.write_number_with_format(r, 1, s.integrated_documents as f64, &styles.big)?;
    ws.write_string_with_format(
        r,
        2,
        format!(
            "replace {} separate documents (one per standard)",
            s.separate_documents
        ),
        &styles.wrap,
    )?;
    // On a line of its own: beside the figure above it would wrap into the row below.
    let r = at.take();
    ws.write_string_with_format(r, 0, "Documents left", &styles.bold)?;
    ws.write_string_with_format(
        r,
        2,
        format!(
            "{} to write, {} to extend or merge",
            s.documents_to_write, s.documents_to_extend
        ),
        &styles.wrap,
    )?;
    let r = at.take();
    ws.write_string_with_format(r, 0, "Overall readiness", &styles.bold)?;
    ws.write_number_with_format(r, 1, f64::from(s.readiness) / 100.0, &styles.percent)?;
    let r = at.take();
    ws.write_string_with_format(
        r,
        0,
        "Remaining effort (person-days, indicative)",
        &styles.bold,
    )?;
    ws.write_number_with_format(r, 1, s.remaining_days, &styles.number)?;
    at.gap();

    let mut heights = RowHeights::default();
    if let Some(schedule) = &m.schedule {
        let r = at.take();
        ws.write_string_with_format(r, 0, "Plan phase", &styles.header)?;
        ws.write_string_with_format(r, 1, "Target date", &styles.header)?;
        ws.write_string_with_format(r, 2, "Open rows and remaining person-days", &styles.header)?;
        for end in &schedule.phases {
            let r = at.take();
            let (open, days) = m
                .rows
                .iter()
                .filter(|row| row.phase == end.phase && row.status.is_open())
                .fold((0, 0.0), |(n, d), row| (n + 1, d + row.remaining_days));
            ws.write_string_with_format(r, 0, end.phase.label(), &styles.plain)?;
            ws.write_string_with_format(r, 1, &end.ends, &styles.plain)?;
            ws.write_string_with_format(
                r,
                2,
                format!("{open} open rows, about {days} person-days"),
                &styles.plain,
            )?;
        }
        let r = at.take();
        ws.write_string_with_format(r, 0, &schedule.audit_label, &styles.bold)?;
        ws.write_string_with_format(r, 1, &schedule.audit, &styles.bold)?;
        let basis = format!("From {}.", schedule.basis);
        ws.write_string_with_format(r, 2, &basis, &styles.wrap)?;
        heights.note(r, &basis, WIDTHS[2]);
        at.gap();
    }
    if !m.obligations.is_empty() {
        let r = at.take();
        ws.write_string_with_format(r, 0, "Laws, regulations and schemes", &styles.header)?;
        ws.write_string_with_format(r, 1, "", &styles.header)?;
        ws.write_string_with_format(r, 2, "Source", &styles.header)?;
        for o in &m.obligations {
            let r = at.take();
            ws.write_string_with_format(r, 0, &*o.name, &styles.wrap)?;
            ws.write_string_with_format(
                r,
                1,
                if o.attestation { "held" } else { "applies" },
                &styles.plain,
            )?;
            ws.write_string_with_format(r, 2, &*o.source, &styles.wrap)?;
            heights.note(r, &o.source, WIDTHS[2]);
        }
        at.gap();
    }
    if !m.warnings.is_empty() {
        let r = at.take();
        ws.write_string_with_format(r, 0, "Check before relying on this plan", &styles.header)?;
        ws.write_string_with_format(r, 1, "Concerns", &styles.header)?;
        ws.write_string_with_format(r, 2, "What to check", &styles.header)?;
        for w in &m.warnings {
            let r = at.take();
            ws.write_string_with_format(r, 0, w.kind.label(), &styles.plain)?;
            ws.write_string_with_format(r, 1, w.subject.as_deref().unwrap_or(""), &styles.plain)?;
            ws.write_string_with_format(r, 2, &w.text, &styles.wrap)?;
            heights.note(r, &w.text, WIDTHS[2]);
        }
        at.gap();
    }

    // Counts as formulas over the Matrix sheet, so they recount when statuses change in Excel;
    // the cached result is our own count, so readers that do not recalculate show it too.
    let last = m.rows.len() + 1;
    let full_view_range = |field: Field| {
        let column = rust_xlsxwriter::utility::column_number_to_name(View::Iso27001.column(field));
        format!(
            "{}!${column}$2:${column}${last}",
            quoted(View::Iso27001.sheet())
        )
    };
    let status_range = full_view_range(Field::Status);
    let kind_range = full_view_range(Field::Kind);
    let r = at.take();
    ws.write_string_with_format(r, 0, "Rows by status", &styles.header)?;
    ws.write_string_with_format(r, 1, "Rows", &styles.header)?;
    let first_status = at.0;
    for count in &s.by_status {
        let r = at.take();
        ws.write_string_with_format(r, 0, &count.label, &styles.plain)?;
        let formula = Formula::new(format!("=COUNTIF({status_range},\"{}\")", count.label))
            .set_result(count.count.to_string());
        ws.write_formula_with_format(r, 1, formula, &styles.plain)?;
    }
    let last_status = at.0 - 1;
    Styles::status_colours(ws, first_status, last_status, 0)?;
    at.gap();
    let r = at.take();
    ws.write_string_with_format(r, 0, "Rows by kind", &styles.header)?;
    ws.write_string_with_format(r, 1, "Rows", &styles.header)?;
    for count in &s.by_kind {
        let r = at.take();
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
    let r = at.take();
    ws.write_string_with_format(r, 0, "Open rows (not started or in progress)", &styles.bold)?;
    ws.write_formula_with_format(
        r,
        1,
        Formula::new(format!("={open_formula}")).set_result(open.to_string()),
        &styles.bold,
    )?;
    at.gap();

    let r = at.take();
    ws.write_string_with_format(r, 0, "Readiness by area", &styles.header)?;
    ws.write_string_with_format(r, 1, "Readiness", &styles.header)?;
    ws.write_string_with_format(r, 2, "Open rows", &styles.header)?;
    for area in &s.by_area {
        let r = at.take();
        ws.write_string_with_format(r, 0, &area.area.label, &styles.plain)?;
        ws.write_number_with_format(r, 1, f64::from(area.readiness) / 100.0, &styles.percent)?;
        ws.write_number_with_format(r, 2, area.open as f64, &styles.plain)?;
    }
    at.gap();

    let r = at.take();
    ws.write_string_with_format(r, 0, "Top actions", &styles.header)?;
    ws.write_string_with_format(r, 1, "Priority", &styles.header)?;
    ws.write_string_with_format(r, 2, "Action", &styles.header)?;
    for row in s
        .top_actions
        .iter()
        .filter_map(|id| m.rows.iter().find(|r| r.id == *id))
    {
        let r = at.take();
        ws.write_string_with_format(r, 0, &*row.topic, &styles.wrap)?;
        ws.write_string_with_format(r, 1, row.priority.label(), &styles.plain)?;
        ws.write_string_with_format(r, 2, &row.action, &styles.wrap)?;
        heights.note(r, &row.topic, WIDTHS[0]);
        heights.note(r, &row.action, WIDTHS[2]);
    }
    heights.apply(ws)?;
    at.gap();

    ws.write_string_with_format(at.take(), 0, "Sheets", &styles.header)?;
    for sheet in SHEETS.iter().skip(1) {
        ws.write_url_with_format(
            at.take(),
            0,
            Url::new(format!("internal:{}!A1", quoted(sheet))).set_text(*sheet),
            &styles.link,
        )?;
    }

    let mut chart = Chart::new(ChartType::Bar);
    chart
        .add_series()
        .set_name("Rows")
        .set_categories((SHEETS[0], first_status, 0, last_status, 0))
        .set_values((SHEETS[0], first_status, 1, last_status, 1));
    chart.title().set_name("Rows by status");
    chart.legend().set_hidden();
    ws.insert_chart(1, 3, &chart)?;
    Ok(())
}
