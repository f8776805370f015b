//! The draft Statement of Applicability: every Annex A control of the chosen edition, applicable
//! or not, the basis and justification, the laws and schemes that name it, its status, its
//! reference in the other edition and what to check.

use std::borrow::Cow;

use crate::export::xlsx::{Worksheet, XlsxError};

use crate::export::cell::refs;
use crate::export::options::Sheet;
use crate::export::style::{yes_no, Styles};
use crate::export::table::{self, Cell, Choices, Column, Look};
use crate::matrix::{Matrix, SoaEntry};

pub fn write(ws: &mut Worksheet, m: &Matrix, styles: &Styles) -> Result<(), XlsxError> {
    ws.set_name(styles.sheet(Sheet::Soa))?;
    let texts = styles.texts;
    let header = |key: &str| texts.get(key).to_owned();
    let edition = m.editions.iso27001;
    let group = if edition.is_current() {
        "workbook.header.theme"
    } else {
        "workbook.header.domain"
    };
    let columns: [Column<SoaEntry>; 11] = [
        Column::new(
            header("workbook.header.control"),
            10.0,
            Look::Bold,
            |e, _| Cell::text(&e.reference),
        ),
        Column::new(header("workbook.header.title"), 44.0, Look::Text, |e, _| {
            Cell::text(&e.title)
        }),
        Column::new(header(group), 28.0, Look::Text, |e, _| {
            Cell::Text(Cow::Owned(format!(
                "{} {}",
                e.group.reference, e.group.title
            )))
        }),
        Column::new(
            header("workbook.header.applicable"),
            11.0,
            Look::Text,
            |e: &SoaEntry, t| Cell::text(yes_no(t, e.applicable)),
        )
        .with_choices(Choices::YesNo),
        Column::new(
            header("workbook.header.basis"),
            14.0,
            Look::Text,
            |e: &SoaEntry, t| Cell::text(e.basis.map_or("", |b| t.label(b))),
        ),
        Column::new(
            header("workbook.header.justification"),
            60.0,
            Look::Text,
            |e, _| Cell::text(&e.reason),
        ),
        Column::new(
            header("workbook.header.obligations"),
            24.0,
            Look::Text,
            |e, _| Cell::Text(Cow::Owned(e.obligations.join(", "))),
        ),
        Column::new(
            header("workbook.header.status"),
            14.0,
            Look::Text,
            |e: &SoaEntry, t| Cell::text(t.label(e.status)),
        )
        .with_choices(Choices::Status),
        Column::new(
            texts.fill(
                "workbook.header.other-reference",
                &[(
                    "standard",
                    &format!("ISO/IEC 27001:{}", edition.other_edition().edition()),
                )],
            ),
            16.0,
            Look::Text,
            |e, _| Cell::Text(Cow::Owned(refs(&e.other_edition).replace('\n', ", "))),
        ),
        Column::new(
            header("workbook.header.matrix-rows"),
            26.0,
            Look::Text,
            |e, _| Cell::Text(Cow::Owned(e.rows.join(", "))),
        ),
        Column::new(header("workbook.header.check"), 40.0, Look::Text, |e, _| {
            Cell::Text(Cow::Owned(e.warnings.join(" ")))
        }),
    ];
    table::write(ws, styles, &columns, &m.soa)
}
