//! The integration matrix: a pure, deterministic function of catalog, questionnaire and
//! assessment. Nothing here is stored; the UI, the workbook and the command line all render what
//! `build` returns. Knows nothing of the browser.

mod applicability;
mod area;
mod derive;
mod heatmap;
mod scope;
mod summary;
pub mod view;

use serde::Serialize;

pub use applicability::{Applicability, DEFAULT_REASON};
pub use area::Area;
pub use derive::Priority;
pub use heatmap::{HeatCell, Heatmap};
pub use scope::{StartingPoint, Target};
pub use summary::{AreaReadiness, Count, Summary};

use crate::assessment::{Assessment, Editions, Status};
use crate::catalog::{Catalog, Family, Lead, Pdca, Relationship, Row, RowKind, StandardId, Text};
use crate::questionnaire::{Maturity, Questionnaire};

/// A reference with its exact title in one edition.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RefView {
    #[serde(rename = "ref")]
    pub reference: String,
    pub title: Text,
    /// New in that edition (e.g. the eleven new controls of 2022).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub new: bool,
}

/// One row of the matrix as the organisation sees it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MatrixRow {
    pub id: String,
    pub topic: Text,
    pub kind: RowKind,
    pub pdca: Pdca,
    pub practice: String,
    pub area: Area,
    /// References and titles in the chosen editions.
    pub iso27001: Vec<RefView>,
    pub iso20000: Vec<RefView>,
    /// The same row's references in the other edition of each standard (the transition).
    pub iso27001_other: Vec<RefView>,
    pub iso20000_other: Vec<RefView>,
    pub relationship: Relationship,
    pub strength: u8,
    pub lead: Lead,
    pub document: Text,
    pub rationale: Text,
    pub guidance: Text,
    pub effort_weight: u8,
    /// What to do, given the starting point.
    pub action: &'static str,
    pub applicable: bool,
    pub applicability_reason: Text,
    pub maturity: Option<Maturity>,
    pub derived_status: Status,
    pub status: Status,
    /// The user set the status; `derived_status` is what the answers alone imply.
    pub status_overridden: bool,
    pub priority: Priority,
    pub priority_score: u8,
    /// Why the priority was raised by a scope fact, if it was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub priority_reason: Option<String>,
    pub remaining_days: f64,
    pub owner: String,
    pub due: String,
    pub notes: String,
}

/// One Annex A control in the draft Statement of Applicability.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SoaEntry {
    #[serde(rename = "ref")]
    pub reference: String,
    pub title: Text,
    pub group: RefView,
    pub applicable: bool,
    pub reason: Text,
    pub from_answers: bool,
    pub status: Status,
    /// The control's references in the other edition of ISO/IEC 27001.
    pub other_edition: Vec<RefView>,
    pub rows: Vec<String>,
}

/// The whole matrix for one assessment.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Matrix {
    pub editions: Editions,
    pub starting_point: StartingPoint,
    pub target: Target,
    pub rows: Vec<MatrixRow>,
    pub soa: Vec<SoaEntry>,
    pub heatmap: Heatmap,
    pub summary: Summary,
}

fn ref_views(catalog: &Catalog, id: StandardId, refs: &[String]) -> Vec<RefView> {
    let standard = catalog.standard(id);
    refs.iter()
        .filter_map(|r| standard.node(r))
        .map(|node| RefView {
            reference: node.reference.clone(),
            title: node.title.clone(),
            new: node.new,
        })
        .collect()
}

fn other_edition(family: Family, chosen: StandardId) -> StandardId {
    if chosen == family.current() {
        family.previous()
    } else {
        family.current()
    }
}

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
            let (applicable, reason) = row_applicability(catalog, row, editions, &controls);
            let maturity = answers
                .get(&format!("maturity.{}", row.practice))
                .and_then(|a| a.as_text())
                .and_then(Maturity::parse);
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
                iso27001: ref_views(catalog, editions.iso27001, row.refs.get(editions.iso27001)),
                iso20000: ref_views(catalog, editions.iso20000, row.refs.get(editions.iso20000)),
                iso27001_other: {
                    let other = other_edition(Family::Iso27001, editions.iso27001);
                    ref_views(catalog, other, row.refs.get(other))
                },
                iso20000_other: {
                    let other = other_edition(Family::Iso20000, editions.iso20000);
                    ref_views(catalog, other, row.refs.get(other))
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
    let soa = statement_of_applicability(catalog, editions.iso27001, &controls, &rows);
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

const MANDATORY_CLAUSES: &str =
    "Mandatory: clauses 4 to 10 of both standards allow no exclusions for certification.";
const MANDATORY_SMS: &str =
    "Required by ISO/IEC 20000-1, which allows no exclusions; another party may run the process, under your control.";

/// Whether a row applies in the chosen editions, and why.
fn row_applicability(
    catalog: &Catalog,
    row: &Row,
    editions: Editions,
    controls: &applicability::ByControl,
) -> (bool, Text) {
    let r27 = row.refs.get(editions.iso27001);
    let r20 = row.refs.get(editions.iso20000);
    let decided: Vec<&Applicability> = r27.iter().filter_map(|r| controls.get(r)).collect();
    match row.kind {
        RowKind::Iso27001Only if r27.is_empty() => (
            false,
            format!(
                "New in {}: not a requirement of the chosen edition, {}.",
                catalog.standard(StandardId::Iso27001_2022).designation,
                catalog.standard(editions.iso27001).designation
            )
            .into(),
        ),
        RowKind::Iso20000Only if r20.is_empty() => (
            false,
            format!(
                "Not a separate requirement of {}; it came with {}.",
                catalog.standard(editions.iso20000).designation,
                catalog.standard(StandardId::Iso20000_2018).designation
            )
            .into(),
        ),
        RowKind::Iso20000Only => (true, MANDATORY_SMS.into()),
        _ if decided.is_empty() => (true, MANDATORY_CLAUSES.into()),
        RowKind::Iso27001Only => {
            let applicable = decided.iter().any(|a| a.applicable);
            let reason = decided
                .iter()
                .filter(|a| a.applicable == applicable)
                .max_by_key(|a| a.from_answers)
                .map(|a| a.reason.clone())
                .unwrap_or_else(|| Text::from(""));
            (applicable, reason)
        }
        RowKind::Common | RowKind::Integrated => {
            if decided.iter().any(|a| a.applicable) || r20.is_empty() {
                let best = decided
                    .iter()
                    .filter(|a| a.applicable)
                    .max_by_key(|a| a.from_answers);
                (
                    true,
                    best.map(|a| a.reason.clone())
                        .unwrap_or_else(|| MANDATORY_CLAUSES.into()),
                )
            } else {
                let why = decided.first().map(|a| &*a.reason).unwrap_or_default();
                (true, format!("The ISO/IEC 20000-1 side still applies; the Annex A control is excluded: {why}").into())
            }
        }
    }
}

fn statement_of_applicability(
    catalog: &Catalog,
    edition: StandardId,
    controls: &applicability::ByControl,
    rows: &[MatrixRow],
) -> Vec<SoaEntry> {
    let standard = catalog.standard(edition);
    let transition = catalog.transition(Family::Iso27001);
    let other = other_edition(Family::Iso27001, edition);
    let mut predecessors: std::collections::HashMap<&str, Vec<String>> =
        std::collections::HashMap::new();
    for link in &transition.links {
        for to in &link.to {
            predecessors
                .entry(to.as_str())
                .or_default()
                .push(link.from.clone());
        }
    }
    let mut rows_by_control: std::collections::HashMap<&str, Vec<&MatrixRow>> =
        std::collections::HashMap::new();
    for row in rows {
        for r in &row.iso27001 {
            rows_by_control
                .entry(r.reference.as_str())
                .or_default()
                .push(row);
        }
    }
    standard
        .controls()
        .map(|control| {
            let reference = &control.reference;
            let applicability = controls.get(reference).cloned().unwrap_or(Applicability {
                applicable: true,
                reason: Text::from(DEFAULT_REASON),
                from_answers: false,
            });
            let holding: &[&MatrixRow] = rows_by_control
                .get(reference.as_str())
                .map_or(&[], Vec::as_slice);
            // The least advanced row decides, so the SoA never claims more than the matrix.
            let status = if !applicability.applicable {
                Status::NotApplicable
            } else {
                holding
                    .iter()
                    .map(|row| row.status)
                    .min_by_key(|s| match s {
                        Status::NotStarted => 0,
                        Status::InProgress => 1,
                        Status::Implemented => 2,
                        Status::NotApplicable => 3,
                    })
                    .unwrap_or(Status::NotStarted)
            };
            let other_refs: Vec<String> = if edition.is_current() {
                predecessors
                    .get(reference.as_str())
                    .cloned()
                    .unwrap_or_default()
            } else {
                transition.forward(reference).to_vec()
            };
            let group = control
                .parent
                .as_deref()
                .and_then(|p| standard.top_ancestor(p))
                .map(|g| RefView {
                    reference: g.reference.clone(),
                    title: g.title.clone(),
                    new: false,
                })
                .unwrap_or(RefView {
                    reference: String::new(),
                    title: Text::from(""),
                    new: false,
                });
            SoaEntry {
                reference: reference.clone(),
                title: control.title.clone(),
                group,
                applicable: applicability.applicable,
                reason: applicability.reason,
                from_answers: applicability.from_answers,
                status,
                other_edition: ref_views(catalog, other, &other_refs),
                rows: holding.iter().map(|row| row.id.clone()).collect(),
            }
        })
        .collect()
}
