//! The Summary sheet: the facts of the assessment, the headline figures, counts by status and
//! kind as formulas over the matrix (so they recount when statuses change in the spreadsheet),
//! the plan's phases with target dates, the laws and schemes, the warnings to check, readiness
//! by area, the top actions, links to the other sheets and a chart. Laid out with a
//! row cursor: each block takes the rows it needs.

use crate::export::xlsx::{Chart, Formula, Worksheet, XlsxError};

use super::matrix::{Field, View};
use crate::assessment::{Assessment, Status};
use crate::catalog::RowKind;
use crate::export::cell::{quoted, shown_date};
use crate::export::fit::RowHeights;
use crate::export::options::{ExportOptions, Sheet};
use crate::export::style::{formula_string, Styles};
use crate::export::text::cell_text_in;
use crate::i18n::Texts;
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
    let texts = options.texts;
    let t = |key: &'static str| texts.get(key);
    let name = styles.sheet(Sheet::Summary).to_owned();
    ws.set_name(&name)?;
    for (col, width) in WIDTHS.iter().enumerate() {
        ws.set_column_width(col as u16, *width)?;
    }
    ws.set_landscape();
    ws.set_print_fit_to_pages();
    let s = &m.summary;
    let mut at = Cursor(0);
    ws.write_string_with_format(at.take(), 0, t("workbook.title"), &styles.title)?;
    let organisation = a
        .organisation()
        .map(|o| cell_text_in(texts, o))
        .unwrap_or_else(|| t("workbook.summary.no-organisation").to_owned());
    let facts: [(&str, String); 5] = [
        (t("workbook.summary.organisation"), organisation),
        (
            t("workbook.label.editions"),
            format!(
                "ISO/IEC 27001:{} · ISO/IEC 20000-1:{}",
                m.editions.iso27001.edition(),
                m.editions.iso20000.edition()
            ),
        ),
        (
            t("workbook.summary.starting-point"),
            m.under_way.describe(texts, m.starting_point),
        ),
        (
            t("workbook.label.generated"),
            shown_date(texts, &options.date),
        ),
        (
            t("workbook.label.prepared-with"),
            options
                .brand
                .as_ref()
                .map_or("ims-matrix".to_owned(), |b| cell_text_in(texts, &b.name)),
        ),
    ];
    let mut heights = RowHeights::default();
    for (label, value) in &facts {
        let r = at.take();
        ws.write_string_with_format(r, 0, *label, &styles.subtitle)?;
        ws.write_string_with_format(r, 1, value, &styles.plain)?;
    }
    at.gap();

    let r = at.take();
    ws.write_string_with_format(
        r,
        0,
        t("workbook.summary.integrated-documents"),
        &styles.bold,
    )?;
    ws.write_number_with_format(r, 1, s.documents.integrated as f64, &styles.big)?;
    let in_place_of = &s.documents.in_full;
    ws.write_string_with_format(r, 2, in_place_of, &styles.wrap)?;
    heights.note(r, in_place_of, WIDTHS[2]);
    // On a line of its own: beside the figure above it would wrap into the row below.
    let r = at.take();
    ws.write_string_with_format(r, 0, t("workbook.summary.documents-left"), &styles.bold)?;
    let left = &s.documents.left;
    ws.write_string_with_format(r, 2, left, &styles.wrap)?;
    heights.note(r, left, WIDTHS[2]);
    let r = at.take();
    ws.write_string_with_format(r, 0, t("workbook.summary.readiness"), &styles.bold)?;
    ws.write_number_with_format(r, 1, f64::from(s.readiness) / 100.0, &styles.percent)?;
    let r = at.take();
    let effort = t("workbook.summary.remaining-effort");
    ws.write_string_with_format(r, 0, effort, &styles.bold)?;
    heights.note(r, effort, WIDTHS[0]);
    ws.write_number_with_format(r, 1, s.remaining_days, &styles.number)?;
    at.gap();

    if let Some(schedule) = &m.schedule {
        header_row(
            ws,
            styles,
            &mut heights,
            at.take(),
            &[
                t("workbook.summary.plan-phase"),
                t("workbook.header.target-date"),
                t("workbook.summary.phase-open"),
            ],
        )?;
        let stages = std::iter::once((
            &schedule.phases,
            &schedule.audit_label,
            &schedule.audit,
            &schedule.basis,
            false,
        ))
        .chain(schedule.second.iter().map(|second| {
            (
                &second.phases,
                &second.audit_label,
                &second.audit,
                &second.basis,
                true,
            )
        }));
        for (phases, audit_label, audit, basis, second_stage) in stages {
            for end in phases {
                let (open, days) = m
                    .rows
                    .iter()
                    .filter(|row| {
                        row.phase == end.phase && row.is_open() && row.second_stage == second_stage
                    })
                    .fold((0, 0.0), |(n, d), row| (n + 1, d + row.remaining_days));
                // The second stage lists only the phases that hold its rows.
                if second_stage && open == 0 {
                    continue;
                }
                let r = at.take();
                ws.write_string_with_format(r, 0, texts.label(end.phase), &styles.plain)?;
                ws.write_string_with_format(r, 1, shown_date(texts, &end.ends), &styles.plain)?;
                ws.write_string_with_format(
                    r,
                    2,
                    texts.count(
                        "workbook.summary.phase-open-rows",
                        open,
                        &[("days", &days_text(texts, days))],
                    ),
                    &styles.plain,
                )?;
            }
            let r = at.take();
            ws.write_string_with_format(r, 0, audit_label, &styles.bold)?;
            ws.write_string_with_format(r, 1, shown_date(texts, audit), &styles.bold)?;
            let basis = texts.fill("workbook.summary.basis", &[("basis", basis)]);
            ws.write_string_with_format(r, 2, &basis, &styles.wrap)?;
            heights.note(r, &basis, WIDTHS[2]);
            heights.note(r, audit_label, WIDTHS[0]);
        }
        at.gap();
    }
    if !m.obligations.is_empty() {
        header_row(
            ws,
            styles,
            &mut heights,
            at.take(),
            &[
                t("workbook.summary.obligations"),
                "",
                t("workbook.summary.source"),
            ],
        )?;
        for o in &m.obligations {
            let r = at.take();
            ws.write_string_with_format(r, 0, &*o.name, &styles.wrap)?;
            ws.write_string_with_format(
                r,
                1,
                t(if o.attestation {
                    "workbook.summary.held"
                } else {
                    "workbook.summary.applies"
                }),
                &styles.plain,
            )?;
            ws.write_string_with_format(r, 2, &*o.source, &styles.wrap)?;
            heights.note(r, &o.source, WIDTHS[2]);
            heights.note(r, &o.name, WIDTHS[0]);
        }
        at.gap();
    }
    if !m.warnings.is_empty() {
        header_row(
            ws,
            styles,
            &mut heights,
            at.take(),
            &[
                t("workbook.summary.warnings"),
                t("workbook.summary.concerns"),
                t("workbook.summary.what-to-check"),
            ],
        )?;
        for w in &m.warnings {
            let r = at.take();
            ws.write_string_with_format(r, 0, texts.label(w.kind), &styles.plain)?;
            let concerns = w.concerns.as_deref().unwrap_or("");
            ws.write_string_with_format(r, 1, concerns, &styles.wrap)?;
            ws.write_string_with_format(r, 2, &w.text, &styles.wrap)?;
            heights.note(r, concerns, WIDTHS[1]);
            heights.note(r, &w.text, WIDTHS[2]);
        }
        at.gap();
    }

    // Counts as formulas over the Matrix sheet, so they recount when statuses change in Excel;
    // the cached result is our own count, so readers that do not recalculate show it too. The
    // words counted are the workbook's language's, as its drop-downs write them.
    let last = m.rows.len() + 1;
    let matrix_sheet = quoted(styles.sheet(View::Iso27001.sheet()));
    let full_view_range = |field: Field| {
        let column = crate::export::xlsx::column_name(View::Iso27001.column(field));
        format!("{matrix_sheet}!${column}$2:${column}${last}")
    };
    let status_range = full_view_range(Field::Status);
    let kind_range = full_view_range(Field::Kind);
    let countif = |range: &str, word: &str| format!("COUNTIF({range},{})", formula_string(word));
    header_row(
        ws,
        styles,
        &mut heights,
        at.take(),
        &[t("workbook.summary.by-status"), t("workbook.summary.rows")],
    )?;
    let first_status = at.0;
    for status in Status::ALL {
        let r = at.take();
        let word = texts.label(status);
        let count = m.rows.iter().filter(|row| row.status == status).count();
        ws.write_string_with_format(r, 0, word, &styles.plain)?;
        let formula = Formula::new(format!("={}", countif(&status_range, word)))
            .set_result(count.to_string());
        ws.write_formula_with_format(r, 1, formula, &styles.plain)?;
    }
    let last_status = at.0 - 1;
    styles.status_colours(ws, first_status, last_status, 0)?;
    at.gap();
    header_row(
        ws,
        styles,
        &mut heights,
        at.take(),
        &[t("workbook.summary.by-kind"), t("workbook.summary.rows")],
    )?;
    for kind in RowKind::ALL {
        let r = at.take();
        let word = texts.label(kind);
        let count = m.rows.iter().filter(|row| row.kind == kind).count();
        ws.write_string_with_format(r, 0, word, &styles.plain)?;
        let formula =
            Formula::new(format!("={}", countif(&kind_range, word))).set_result(count.to_string());
        ws.write_formula_with_format(r, 1, formula, &styles.plain)?;
    }
    let open_statuses: Vec<Status> = Status::ALL.into_iter().filter(|s| s.is_open()).collect();
    let open = m.rows.iter().filter(|row| row.is_open()).count();
    // Counted over the matrix itself, like the rows above, so it holds however they are laid out.
    let open_formula = open_statuses
        .iter()
        .map(|s| countif(&status_range, texts.label(*s)))
        .collect::<Vec<_>>()
        .join("+");
    let r = at.take();
    let open_label = t("workbook.summary.open-rows");
    ws.write_string_with_format(r, 0, open_label, &styles.bold)?;
    heights.note(r, open_label, WIDTHS[0]);
    ws.write_formula_with_format(
        r,
        1,
        Formula::new(format!("={open_formula}")).set_result(open.to_string()),
        &styles.bold,
    )?;
    at.gap();

    header_row(
        ws,
        styles,
        &mut heights,
        at.take(),
        &[
            t("workbook.summary.by-area"),
            t("workbook.summary.readiness-column"),
            t("workbook.summary.open-column"),
        ],
    )?;
    for area in &s.by_area {
        let r = at.take();
        ws.write_string_with_format(r, 0, &area.area.label, &styles.plain)?;
        ws.write_number_with_format(r, 1, f64::from(area.readiness) / 100.0, &styles.percent)?;
        ws.write_number_with_format(r, 2, area.open as f64, &styles.plain)?;
    }
    at.gap();

    header_row(
        ws,
        styles,
        &mut heights,
        at.take(),
        &[
            t("workbook.summary.top-actions"),
            t("workbook.header.priority"),
            t("workbook.header.action"),
        ],
    )?;
    for row in s
        .top_actions
        .iter()
        .filter_map(|id| m.rows.iter().find(|r| r.id == *id))
    {
        let r = at.take();
        ws.write_string_with_format(r, 0, &*row.topic, &styles.wrap)?;
        ws.write_string_with_format(r, 1, texts.label(row.priority), &styles.plain)?;
        ws.write_string_with_format(r, 2, &row.action, &styles.wrap)?;
        heights.note(r, &row.topic, WIDTHS[0]);
        heights.note(r, &row.action, WIDTHS[2]);
    }
    heights.apply(ws)?;
    at.gap();

    ws.write_string_with_format(at.take(), 0, t("workbook.summary.sheets"), &styles.header)?;
    for sheet in Sheet::ALL.iter().skip(1) {
        let sheet = styles.sheet(*sheet);
        ws.write_link_with_format(
            at.take(),
            0,
            format!("{}!A1", quoted(sheet)),
            sheet,
            &styles.link,
        )?;
    }

    let chart = Chart::bars(
        t("workbook.summary.by-status"),
        t("workbook.summary.rows"),
        &name,
        (first_status, last_status),
        (0, 1),
    );
    ws.insert_chart(1, 3, chart)?;
    Ok(())
}

/// A header row over the first columns of the Summary, noting how tall its texts make it.
fn header_row(
    ws: &mut Worksheet,
    styles: &Styles,
    heights: &mut RowHeights,
    r: u32,
    texts: &[&str],
) -> Result<(), XlsxError> {
    for (col, text) in texts.iter().enumerate() {
        ws.write_string_with_format(r, col as u16, *text, &styles.header)?;
        heights.note(r, text, WIDTHS[col]);
    }
    Ok(())
}

/// Person-days as the language writes numbers, with the decimals the figure has (12, 2.5).
fn days_text(texts: &Texts, days: f64) -> String {
    let plain = days.to_string();
    let decimals = plain
        .split_once('.')
        .map_or(0, |(_, fraction)| fraction.len());
    texts.decimal(days, decimals.min(2))
}
