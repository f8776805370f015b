//! The draft Statement of Applicability: every Annex A control of the chosen edition, applicable
//! or not, the basis and justification, the laws and schemes that name it, its status, its
//! reference in the other edition and what to check.

use std::borrow::Cow;

use rust_xlsxwriter::{Worksheet, XlsxError};

use crate::export::cell::refs;
use crate::export::options::SHEETS;
use crate::export::style::Styles;
use crate::export::table::{self, Cell, Choices, Column, Look};
use crate::matrix::{Matrix, SoaEntry};

pub fn write(ws: &mut Worksheet, m: &Matrix, styles: &Styles) -> Result<(), XlsxError> {
    ws.set_name(SHEETS[3])?;
    let edition = m.editions.iso27001;
    let group = if edition.is_current() {
        "Theme"
    } else {
        "Domain"
    };
    let columns: [Column<SoaEntry>; 11] = [
        Column::new("Control", 10.0, Look::Bold, |e| Cell::text(&e.reference)),
        Column::new("Title", 44.0, Look::Text, |e| Cell::text(&e.title)),
        Column::new(group, 28.0, Look::Text, |e| {
            Cell::Text(Cow::Owned(format!(
                "{} {}",
                e.group.reference, e.group.title
            )))
        }),
        Column::new("Applicable", 11.0, Look::Text, |e: &SoaEntry| {
            Cell::text(if e.applicable { "Yes" } else { "No" })
        })
        .with_choices(Choices::YesNo),
        Column::new("Basis", 14.0, Look::Text, |e: &SoaEntry| {
            Cell::text(e.basis.map_or("", |b| b.label()))
        }),
        Column::new("Justification", 60.0, Look::Text, |e| Cell::text(&e.reason)),
        Column::new("Laws and schemes", 24.0, Look::Text, |e| {
            Cell::Text(Cow::Owned(e.obligations.join(", ")))
        }),
        Column::new("Status", 14.0, Look::Text, |e: &SoaEntry| {
            Cell::text(e.status.label())
        })
        .with_choices(Choices::Status),
        Column::new(
            format!(
                "ISO/IEC 27001:{} reference",
                edition.other_edition().edition()
            ),
            16.0,
            Look::Text,
            |e| Cell::Text(Cow::Owned(refs(&e.other_edition).replace('\n', ", "))),
        ),
        Column::new("Matrix rows", 26.0, Look::Text, |e| {
            Cell::Text(Cow::Owned(e.rows.join(", ")))
        }),
        Column::new("Check", 40.0, Look::Text, |e| {
            Cell::Text(Cow::Owned(e.warnings.join(" ")))
        }),
    ];
    table::write(ws, styles, &columns, &m.soa)
}
