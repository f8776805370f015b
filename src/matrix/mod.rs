//! The integration matrix: a pure, deterministic function of catalog, questionnaire and
//! assessment. Nothing here is stored; the UI, the workbook and the command line all render what
//! `build` returns. Knows nothing of the browser.

mod applicability;
mod area;
mod derive;
mod heatmap;
mod model;
mod scope;
mod soa;
mod summary;
pub mod view;

pub use applicability::{Applicability, DEFAULT_REASON};
pub use area::Area;
pub use derive::Priority;
pub use model::{
    AreaReadiness, Count, HeatCell, Heatmap, Matrix, MatrixRow, RefView, SoaEntry, Summary,
};
pub use scope::{StartingPoint, Target};

use crate::assessment::Assessment;
use crate::catalog::Catalog;
use crate::questionnaire::Questionnaire;

/// Builds the matrix.
///
/// # Examples
/// ```
/// use ims_matrix::{assessment::Assessment, catalog, matrix, questionnaire};
/// let assessment = Assessment::new("2026-11-27T00:00:00Z");
/// let m = matrix::build(catalog::builtin(), questionnaire::builtin(), &assessment);
/// assert_eq!(m.rows.len(), catalog::builtin().crosswalk.len());
/// assert_eq!(m.soa.len(), 93);
/// ```
pub fn build(catalog: &Catalog, questionnaire: &Questionnaire, assessment: &Assessment) -> Matrix {
    let answers = &assessment.answers;
    let editions = assessment.editions;
    let start = StartingPoint::from_answers(answers);
    let target = Target::from_answers(answers);
    let size = scope::size_factor(answers);
    let raised = scope::raised_practices(answers);
    let controls = applicability::annex_a(catalog, questionnaire, answers, editions.iso27001);
    let rows: Vec<MatrixRow> = catalog
        .crosswalk
        .iter()
        .map(|row| {
            let (applicable, reason) = applicability::row(catalog, row, editions, &controls);
            let maturity = questionnaire.maturity(answers, &row.practice);
            let derived_status = derive::derived_status(row.kind, applicable, maturity);
            let edit = assessment.edit(&row.id);
            let status = edit.and_then(|e| e.status).unwrap_or(derived_status);
            let raised_by = raised
                .iter()
                .find(|(p, _)| *p == row.practice)
                .map(|(_, why)| *why);
            let (priority_score, priority) =
                derive::priority(row, status, target, raised_by.is_some());
            MatrixRow {
                id: row.id.clone(),
                topic: row.topic.clone(),
                kind: row.kind,
                pdca: row.pdca,
                practice: row.practice.clone(),
                area: area::row_area(catalog, row, editions.iso27001, editions.iso20000),
                iso27001: RefView::list(
                    catalog,
                    editions.iso27001,
                    row.refs.get(editions.iso27001),
                ),
                iso20000: RefView::list(
                    catalog,
                    editions.iso20000,
                    row.refs.get(editions.iso20000),
                ),
                iso27001_other: {
                    let other = editions.iso27001.other_edition();
                    RefView::list(catalog, other, row.refs.get(other))
                },
                iso20000_other: {
                    let other = editions.iso20000.other_edition();
                    RefView::list(catalog, other, row.refs.get(other))
                },
                relationship: row.relationship,
                strength: row.strength,
                lead: derive::effective_lead(row.lead, start),
                document: row.document.clone(),
                rationale: row.rationale.clone(),
                guidance: row.guidance.clone(),
                effort_weight: row.effort,
                action: derive::action(row.kind, row.lead, start, status.is_open()),
                applicable,
                applicability_reason: reason,
                maturity,
                derived_status,
                status,
                status_overridden: edit.and_then(|e| e.status).is_some(),
                priority,
                priority_score,
                priority_reason: raised_by
                    .filter(|_| status.is_open())
                    .map(|why| format!("Raised: {why}")),
                remaining_days: derive::remaining_days(row.effort, status, size),
                owner: edit.map(|e| e.owner.clone()).unwrap_or_default(),
                due: edit.map(|e| e.due.clone()).unwrap_or_default(),
                notes: edit.map(|e| e.notes.clone()).unwrap_or_default(),
            }
        })
        .collect();
    let soa = soa::build(catalog, editions.iso27001, &controls, &rows);
    let heatmap = heatmap::build(catalog, editions, &rows);
    let summary = summary::build(&rows);
    Matrix {
        editions,
        starting_point: start,
        target,
        rows,
        soa,
        heatmap,
        summary,
    }
}
