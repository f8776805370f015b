//! The action plan: the open rows in the plan's order (phase by phase, the critical path first
//! within each), each with what to build and the evidence auditors sample, its phase, target
//! date, priority and effort and why, linked to its row in the matrix.

use std::borrow::Cow;

use crate::export::xlsx::{Worksheet, XlsxError};

use super::matrix::View;
use crate::export::cell::refs;
use crate::export::options::Sheet;
use crate::export::style::Styles;
use crate::export::table::{self, Cell, Choices, Column, Look};
use crate::export::text::cell_text_in;
use crate::matrix::{Matrix, MatrixRow};

/// An open row and its position in the matrix (the ISO 27001 view lists rows in crosswalk
/// order, one per sheet row, so the position finds it there).
type Open<'m> = (usize, &'m MatrixRow);

pub fn write(ws: &mut Worksheet, m: &Matrix, styles: &Styles) -> Result<(), XlsxError> {
    ws.set_name(styles.sheet(Sheet::Actions))?;
    let header = |key: &str| styles.texts.get(key).to_owned();
    let evidence = |standard: &str| {
        styles
            .texts
            .fill("workbook.header.evidence", &[("standard", &standard)])
    };
    let (h27, h20) = (
        format!("ISO/IEC 27001:{}", m.editions.iso27001.edition()),
        format!("ISO/IEC 20000-1:{}", m.editions.iso20000.edition()),
    );
    // What to build and what the auditors will sample beside each action, so that an owner can
    // work from this sheet alone (twenty-second review).
    let columns: [Column<Open>; 19] = [
        Column::new(
            header("workbook.header.rank"),
            5.0,
            Look::Integer,
            |(_, r): &Open, _| Cell::Number(f64::from(r.plan_rank)),
        ),
        Column::new(
            header("workbook.header.phase"),
            16.0,
            Look::Text,
            // A staged plan's second-stage rows come after the first audit's review phase: the
            // phase alone would read as going back to planning.
            |(_, r): &Open, t| {
                if r.second_stage {
                    Cell::Text(Cow::Owned(t.fill(
                        "workbook.actions.second-stage-phase",
                        &[("phase", &t.label(r.phase))],
                    )))
                } else {
                    Cell::text(t.label(r.phase))
                }
            },
        ),
        Column::new(
            header("workbook.header.priority"),
            9.0,
            Look::Bold,
            |(_, r): &Open, t| Cell::text(t.label(r.priority)),
        ),
        Column::new(
            header("workbook.header.topic"),
            30.0,
            Look::Text,
            |(_, r): &Open, _| Cell::text(&r.topic),
        ),
        Column::new("ISO/IEC 27001", 12.0, Look::Text, |(_, r): &Open, _| {
            Cell::Text(Cow::Owned(refs(&r.iso27001)))
        }),
        Column::new("ISO/IEC 20000-1", 12.0, Look::Text, |(_, r): &Open, _| {
            Cell::Text(Cow::Owned(refs(&r.iso20000)))
        }),
        Column::new(
            header("workbook.header.action"),
            36.0,
            Look::Text,
            |(_, r): &Open, _| Cell::text(&r.action),
        ),
        Column::new(
            header("workbook.header.document"),
            30.0,
            Look::Text,
            |(_, r): &Open, _| Cell::text(&r.document),
        ),
        Column::new(
            header("workbook.header.guidance"),
            50.0,
            Look::Text,
            |(_, r): &Open, _| Cell::text(&r.guidance),
        ),
        Column::new(evidence(&h27), 36.0, Look::Text, |(_, r): &Open, _| {
            Cell::text(&r.evidence_iso27001)
        }),
        Column::new(evidence(&h20), 36.0, Look::Text, |(_, r): &Open, _| {
            Cell::text(&r.evidence_iso20000)
        }),
        Column::new(
            header("workbook.header.status"),
            14.0,
            Look::Text,
            |(_, r): &Open, t| Cell::text(t.label(r.status)),
        )
        .with_choices(Choices::Status),
        Column::new(
            header("workbook.header.owner"),
            16.0,
            Look::Text,
            |(_, r): &Open, t| Cell::Text(Cow::Owned(cell_text_in(t, &r.owner))),
        ),
        Column::new(
            header("workbook.header.due"),
            11.0,
            Look::Date,
            |(_, r): &Open, _| Cell::Due(&r.due),
        ),
        Column::new(
            header("workbook.header.target-date"),
            11.0,
            Look::Date,
            |(_, r): &Open, _| Cell::Due(&r.target_date),
        ),
        Column::new(
            header("workbook.header.remaining-days"),
            11.0,
            Look::Number,
            |(_, r): &Open, _| Cell::Number(r.remaining_days),
        ),
        Column::new(
            header("workbook.header.priority-why"),
            40.0,
            Look::Text,
            |(_, r): &Open, _| Cell::Text(Cow::Owned(r.priority_reasons.join("; "))),
        ),
        Column::new(
            header("workbook.header.effort-why"),
            30.0,
            Look::Text,
            |(_, r): &Open, _| Cell::Text(Cow::Owned(r.effort_reasons.join("; "))),
        ),
        Column::new(
            header("workbook.header.matrix-row"),
            30.0,
            Look::Text,
            |(i, r): &Open, _| Cell::Link {
                sheet: View::Iso27001.sheet(),
                cell: format!("A{}", i + 2),
                text: &r.id,
            },
        ),
    ];
    let mut open: Vec<Open> = m
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r): &Open| r.is_open())
        .collect();
    // The plan's own order: phase by phase, the critical path first within each (matrix::rank_plan).
    open.sort_by_key(|(_, r)| r.plan_rank);
    table::write(ws, styles, &columns, &open)
}
