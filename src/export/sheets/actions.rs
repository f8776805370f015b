//! The action plan: the open rows in the plan's order (critical path first, then phase by phase),
//! each with its phase, target date, priority and effort and why, linked to its row in the matrix.

use std::borrow::Cow;

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::matrix::View;
use crate::export::cell::{quoted, refs};
use crate::export::options::SHEETS;
use crate::export::style::Styles;
use crate::export::table::{self, Cell, Choices, Column, Look};
use crate::export::text::cell_text;
use crate::matrix::{Matrix, MatrixRow};

/// An open row and its position in the matrix (the ISO 27001 view lists rows in crosswalk
/// order, one per sheet row, so the position finds it there).
type Open<'m> = (usize, &'m MatrixRow);

pub fn write(ws: &mut Worksheet, m: &Matrix, styles: &Styles) -> Result<(), XlsxError> {
    ws.set_name(SHEETS[4])?;
    let columns: [Column<Open>; 16] = [
        Column::new("#", 5.0, Look::Number, |(_, r): &Open| {
            Cell::Number(f64::from(r.plan_rank))
        }),
        Column::new("Phase", 16.0, Look::Text, |(_, r): &Open| {
            Cell::text(r.phase.label())
        }),
        Column::new("Priority", 9.0, Look::Bold, |(_, r): &Open| {
            Cell::text(r.priority.label())
        }),
        Column::new("Topic", 30.0, Look::Text, |(_, r): &Open| {
            Cell::text(&r.topic)
        }),
        Column::new("ISO/IEC 27001", 12.0, Look::Text, |(_, r): &Open| {
            Cell::Text(Cow::Owned(refs(&r.iso27001)))
        }),
        Column::new("ISO/IEC 20000-1", 12.0, Look::Text, |(_, r): &Open| {
            Cell::Text(Cow::Owned(refs(&r.iso20000)))
        }),
        Column::new("Action", 36.0, Look::Text, |(_, r): &Open| {
            Cell::text(&r.action)
        }),
        Column::new("Integrated document", 30.0, Look::Text, |(_, r): &Open| {
            Cell::text(&r.document)
        }),
        Column::new("Status", 14.0, Look::Text, |(_, r): &Open| {
            Cell::text(r.status.label())
        })
        .with_choices(Choices::Status),
        Column::new("Owner", 16.0, Look::Text, |(_, r): &Open| {
            Cell::Text(Cow::Owned(cell_text(&r.owner)))
        }),
        Column::new("Due", 11.0, Look::Date, |(_, r): &Open| Cell::Due(&r.due)),
        Column::new("Target date", 11.0, Look::Date, |(_, r): &Open| {
            Cell::Due(&r.target_date)
        }),
        Column::new(
            "Remaining person-days",
            11.0,
            Look::Number,
            |(_, r): &Open| Cell::Number(r.remaining_days),
        ),
        Column::new("Why this priority", 40.0, Look::Text, |(_, r): &Open| {
            Cell::Text(Cow::Owned(r.priority_reasons.join("; ")))
        }),
        Column::new(
            "How the effort was scaled",
            30.0,
            Look::Text,
            |(_, r): &Open| Cell::Text(Cow::Owned(r.effort_reasons.join("; "))),
        ),
        Column::new("Row in the matrix", 30.0, Look::Text, |(i, r): &Open| {
            Cell::Link {
                target: format!("internal:{}!A{}", quoted(View::Iso27001.sheet()), i + 2),
                text: &r.id,
            }
        }),
    ];
    let mut open: Vec<Open> = m
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r): &Open| r.status.is_open())
        .collect();
    // The plan's own order: the critical path first, then phase by phase (matrix::rank_plan).
    open.sort_by_key(|(_, r)| r.plan_rank);
    table::write(ws, styles, &columns, &open)
}
