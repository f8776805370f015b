//! The two matrix sheets: every row, in the ISO/IEC 27001 view (crosswalk order, every column)
//! or the ISO/IEC 20000-1 view (20000-1 clause order, without the long explanations).

use std::borrow::Cow;

use crate::export::xlsx::{Color, Worksheet, XlsxError};

use crate::export::cell::{refs, titles};
use crate::export::options::Sheet;
use crate::export::style::{yes_no, Styles};
use crate::export::table::{self, Cell, Choices, Column, Look};
use crate::export::text::cell_text_in;
use crate::i18n::Texts;
use crate::matrix::{Matrix, MatrixRow};

/// Which matrix sheet: the full ISO 27001 view, or the ISO 20000-1 view, which leads with
/// 20000-1 clauses and leaves the long explanations (guidance, rationale, applicability
/// reasons) and the 27001-side extras to the full view, so service people get a narrower table.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum View {
    Iso27001,
    Iso20000,
}

/// One column of a matrix sheet: what it shows.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Field {
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
    Phase,
    TargetDate,
    PriorityWhy,
    Evidence27001,
    Evidence20000,
}

impl View {
    /// The sheet this view is.
    pub fn sheet(self) -> Sheet {
        match self {
            View::Iso27001 => Sheet::Matrix27001,
            View::Iso20000 => Sheet::Matrix20000,
        }
    }

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
                Phase,
                TargetDate,
                RemainingDays,
                Owner,
                Due,
                Notes,
                Other27001,
                Other20000,
                Guidance,
                Rationale,
                Evidence27001,
                Evidence20000,
                PriorityWhy,
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
                Phase,
                TargetDate,
                Owner,
                Due,
                Notes,
                Other20000,
                Evidence20000,
                Evidence27001,
            ],
        }
    }

    /// The column a field sits in (other sheets' formulas and links point at it).
    pub fn column(self, field: Field) -> u16 {
        self.fields()
            .iter()
            .position(|f| *f == field)
            .expect("every view has the field asked for") as u16
    }
}

/// The column that shows `field`, with headers in the matrix's editions and the workbook's
/// language.
fn column(field: Field, m: &Matrix, texts: &Texts) -> Column<MatrixRow> {
    let e27 = m.editions.iso27001;
    let e20 = m.editions.iso20000;
    let h27 = format!("ISO/IEC 27001:{}", e27.edition());
    let h20 = format!("ISO/IEC 20000-1:{}", e20.edition());
    let header = |key: &str| texts.get(key).to_owned();
    let of = |key: &str, standard: &str| texts.fill(key, &[("standard", &standard)]);
    let other = |edition: crate::catalog::StandardId| {
        of(
            "workbook.header.other-edition",
            &format!(
                "{}:{}",
                edition.family().designation(),
                edition.other_edition().edition()
            ),
        )
    };
    match field {
        Field::RowId => Column::new(
            header("workbook.header.row-id"),
            22.0,
            Look::Text,
            |r, _| Cell::text(&r.id),
        ),
        Field::Refs27001 => Column::new(h27, 12.0, Look::Bold, |r, _| owned(refs(&r.iso27001))),
        Field::Titles27001 => Column::new(
            of("workbook.header.reference-title", &h27),
            34.0,
            Look::Text,
            |r, _| owned(titles(&r.iso27001)),
        ),
        Field::Refs20000 => Column::new(h20, 12.0, Look::Bold, |r, _| owned(refs(&r.iso20000))),
        Field::Titles20000 => Column::new(
            of("workbook.header.reference-title", &h20),
            34.0,
            Look::Text,
            |r, _| owned(titles(&r.iso20000)),
        ),
        Field::Topic => Column::new(header("workbook.header.topic"), 28.0, Look::Text, |r, _| {
            Cell::text(&r.topic)
        }),
        Field::Kind => Column::new(header("workbook.header.kind"), 16.0, Look::Text, |r, t| {
            Cell::text(t.label(r.kind))
        }),
        Field::Pdca => Column::new(header("workbook.header.pdca"), 7.0, Look::Text, |r, t| {
            Cell::text(t.label(r.pdca))
        }),
        Field::Relationship => Column::new(
            header("workbook.header.relationship"),
            14.0,
            Look::Text,
            |r, t| Cell::text(t.label(r.relationship)),
        ),
        Field::Overlap => Column::new(
            header("workbook.header.overlap"),
            9.0,
            Look::Text,
            |r, _| Cell::Number(f64::from(r.strength)),
        ),
        Field::Lead => Column::new(header("workbook.header.lead"), 14.0, Look::Text, |r, t| {
            Cell::text(t.label(r.lead))
        }),
        Field::Document => Column::new(
            header("workbook.header.document"),
            28.0,
            Look::Text,
            |r, _| Cell::text(&r.document),
        ),
        Field::Action => Column::new(
            header("workbook.header.action"),
            30.0,
            Look::Text,
            |r, _| Cell::text(&r.action),
        ),
        Field::Applicable => Column::new(
            header("workbook.header.applicable"),
            10.0,
            Look::Text,
            |r: &MatrixRow, t| Cell::text(yes_no(t, r.applicable)),
        )
        .with_choices(Choices::YesNo),
        Field::ApplicabilityReason => Column::new(
            header("workbook.header.applicability-reason"),
            40.0,
            Look::Text,
            |r, _| Cell::text(&r.applicability_reason),
        ),
        Field::Status => Column::new(
            header("workbook.header.status"),
            14.0,
            Look::Text,
            |r: &MatrixRow, t| Cell::text(t.label(r.status)),
        )
        .with_choices(Choices::Status),
        Field::Priority => Column::new(
            header("workbook.header.priority"),
            9.0,
            Look::Text,
            |r, t| Cell::text(t.label(r.priority)),
        ),
        Field::RemainingDays => Column::new(
            header("workbook.header.remaining-days"),
            11.0,
            Look::Number,
            |r, _| Cell::Number(r.remaining_days),
        ),
        Field::Owner => Column::new(header("workbook.header.owner"), 16.0, Look::Text, |r, t| {
            owned(cell_text_in(t, &r.owner))
        }),
        Field::Due => Column::new(header("workbook.header.due"), 11.0, Look::Date, |r, _| {
            Cell::Due(&r.due)
        }),
        Field::Notes => Column::new(header("workbook.header.notes"), 40.0, Look::Text, |r, t| {
            owned(cell_text_in(t, &r.notes))
        }),
        Field::Other27001 => Column::new(other(e27), 16.0, Look::Text, |r, _| {
            owned(refs(&r.iso27001_other))
        }),
        Field::Other20000 => Column::new(other(e20), 16.0, Look::Text, |r, _| {
            owned(refs(&r.iso20000_other))
        }),
        Field::Guidance => Column::new(
            header("workbook.header.guidance"),
            60.0,
            Look::Text,
            |r, _| Cell::text(&r.guidance),
        ),
        Field::Phase => Column::new(header("workbook.header.phase"), 16.0, Look::Text, |r, t| {
            Cell::text(t.label(r.phase))
        }),
        Field::TargetDate => Column::new(
            header("workbook.header.target-date"),
            11.0,
            Look::Date,
            |r, _| Cell::Due(&r.target_date),
        ),
        Field::PriorityWhy => Column::new(
            header("workbook.header.priority-why"),
            40.0,
            Look::Text,
            |r, _| owned(r.priority_reasons.join("; ")),
        ),
        Field::Evidence27001 => Column::new(
            of("workbook.header.evidence", &h27),
            40.0,
            Look::Text,
            |r, _| Cell::text(&r.evidence_iso27001),
        ),
        Field::Evidence20000 => Column::new(
            of("workbook.header.evidence", &h20),
            40.0,
            Look::Text,
            |r, _| Cell::text(&r.evidence_iso20000),
        ),
        Field::Rationale => Column::new(
            header("workbook.header.rationale"),
            60.0,
            Look::Text,
            |r, _| Cell::text(&r.rationale),
        ),
    }
}

fn owned(text: String) -> Cell<'static> {
    Cell::Text(Cow::Owned(text))
}

/// The ISO 27001 view lists rows in crosswalk order; the ISO 20000-1 view keys them by their
/// first ISO/IEC 20000-1 reference in clause order, rows with none last.
fn order(m: &Matrix, view: View) -> Vec<usize> {
    let mut order: Vec<usize> = (0..m.rows.len()).collect();
    if view == View::Iso20000 {
        order.sort_by(|&a, &b| {
            let key = |i: usize| m.rows[i].iso20000.first().map(|r| &r.reference);
            match (key(a), key(b)) {
                (Some(x), Some(y)) => crate::matrix::view::compare_refs(x, y).then(a.cmp(&b)),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => a.cmp(&b),
            }
        });
    }
    order
}

pub fn write(ws: &mut Worksheet, m: &Matrix, view: View, styles: &Styles) -> Result<(), XlsxError> {
    ws.set_name(styles.sheet(view.sheet()))?;
    ws.set_tab_color(Color::Rgb(0x1F4E8C));
    let columns: Vec<Column<MatrixRow>> = view
        .fields()
        .iter()
        .map(|f| column(*f, m, styles.texts))
        .collect();
    table::write(
        ws,
        styles,
        &columns,
        order(m, view).into_iter().map(|i| &m.rows[i]),
    )
}
