//! The matrix's values: rows as the organisation sees them, the draft Statement of
//! Applicability, and the whole matrix. Plain data, serialized as the command line prints it.

use serde::Serialize;

use super::area::Area;
use super::derive::Priority;
use super::plan::{Phase, Schedule};
use super::scope::{StartingPoint, Target, UnderWay};
use crate::advice::{Basis, ObligationId};
use crate::assessment::{Editions, Status};
use crate::catalog::{Catalog, Lead, Pdca, Relationship, RowKind, StandardId, Text};
use crate::questionnaire::Maturity;

/// A reference with its exact title in one edition.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RefView {
    #[serde(rename = "ref")]
    pub reference: String,
    pub title: Text,
    /// New in that edition (e.g. the eleven new controls of 2022).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub new: bool,
    /// The title is the English one in a page of another language (`Node::title_in_english`).
    #[serde(skip)]
    pub title_in_english: bool,
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
    /// What an auditor asks to see, per standard (empty on a side the row does not have).
    pub evidence_iso27001: Text,
    pub evidence_iso20000: Text,
    pub effort_weight: u8,
    /// What to do, given the starting point.
    pub action: String,
    pub applicable: bool,
    pub applicability_reason: Text,
    /// What the answers alone decide; differs from `applicable` where the user decided (a
    /// status set by hand on a row for ISO/IEC 27001 only), which the checks point out.
    #[serde(skip)]
    pub draft_applicable: bool,
    /// The row carries what ISO/IEC 27001:2022 added while the documents follow 2013: its
    /// derived status is at most In progress, and the SoA does not read its controls as
    /// implemented in the ISMS (`soa::control_status`).
    #[serde(skip)]
    pub new_since_documents: bool,
    pub maturity: Option<Maturity>,
    pub derived_status: Status,
    pub status: Status,
    /// The user set the status; `derived_status` is what the answers alone imply.
    pub status_overridden: bool,
    pub priority: Priority,
    pub priority_score: u8,
    /// How strongly the answers, the laws and the control's weight raise the row, without the
    /// critical path: what ranks the biggest risks in the gap.
    pub exposure: u8,
    /// Why the priority is what it is: the critical path, scope facts, laws, the target.
    pub priority_reasons: Vec<String>,
    /// The reasons that raise the priority (not the critical path, not lowering): the range of
    /// `priority_reasons` the report lists as why a risk is big.
    #[serde(skip)]
    pub raising_reasons: std::ops::Range<usize>,
    /// A duty that applies sets a reporting deadline, already in force, on one of the row's
    /// controls: it does not wait for the row's phase (`warnings.rs`, interim notification).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub reporting_deadline: bool,
    /// The phase of the plan the row's work belongs to.
    pub phase: Phase,
    /// On the certification critical path.
    pub critical: bool,
    /// A row of the standard certified second (target *27001 first* or *20000-1 first*),
    /// planned toward that standard's own audit, after the first.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub second_stage: bool,
    /// Suggested date: the end of the row's phase, in the second stage's window for a
    /// second-stage row (empty without an assessment date).
    pub target_date: String,
    /// Position in the action plan, from 1; 0 for a closed row.
    pub plan_rank: u16,
    pub remaining_days: f64,
    /// The answers that scaled the effort, each with its factor.
    pub effort_reasons: Vec<String>,
    pub owner: String,
    pub due: String,
    pub notes: String,
    /// Warnings about this row, to check before relying on it.
    pub warnings: Vec<String>,
}

impl MatrixRow {
    /// The status the plan and the figures work with: a row that stays applicable although
    /// marked Not applicable by hand (it carries requirements that allow no exclusion; a check
    /// names it) keeps the status its answers give, so marking it can neither take it out of
    /// the plan nor change readiness.
    pub fn planned_status(&self) -> Status {
        planned_status(self.applicable, self.status, self.derived_status)
    }

    /// Work is left on the row (`planned_status`).
    pub fn is_open(&self) -> bool {
        self.planned_status().is_open()
    }
}

/// `MatrixRow::planned_status` before the row is built.
pub fn planned_status(applicable: bool, status: Status, derived: Status) -> Status {
    match (applicable && status == Status::NotApplicable, derived) {
        (false, _) => status,
        (true, Status::NotApplicable) => Status::NotStarted,
        (true, derived) => derived,
    }
}

/// One Annex A control in the draft Statement of Applicability.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SoaEntry {
    #[serde(rename = "ref")]
    pub reference: String,
    pub title: Text,
    /// The title stayed in English in another language (`Node::title_in_english`).
    #[serde(skip)]
    pub title_in_english: bool,
    pub group: RefView,
    pub applicable: bool,
    pub reason: Text,
    pub from_answers: bool,
    /// The ground for inclusion; none when excluded.
    pub basis: Option<Basis>,
    /// The laws, regulations and schemes that name the control.
    pub obligations: Vec<String>,
    pub status: Status,
    /// Warnings about this control, to check before signing.
    pub warnings: Vec<String>,
    /// The control's references in the other edition of ISO/IEC 27001.
    pub other_edition: Vec<RefView>,
    pub rows: Vec<String>,
}

/// The whole matrix for one assessment.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Matrix {
    /// The organisation's name as entered (may be empty).
    pub organisation: String,
    pub editions: Editions,
    pub starting_point: StartingPoint,
    /// Implementations under way for a standard not yet in place (§3 of docs/method.md).
    #[serde(skip_serializing_if = "UnderWay::is_none")]
    pub under_way: UnderWay,
    pub target: Target,
    pub rows: Vec<MatrixRow>,
    pub soa: Vec<SoaEntry>,
    pub heatmap: Heatmap,
    pub summary: Summary,
    /// Phase target dates; none when the assessment has no readable date.
    pub schedule: Option<Schedule>,
    /// The scope facts read from the answers, in the prospect's words.
    pub facts: Vec<String>,
    /// The laws, regulations and schemes that apply or are held.
    pub obligations: Vec<ObligationView>,
    pub warnings: Vec<Warning>,
}

/// A law, regulation or scheme as the outputs list it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ObligationView {
    pub id: ObligationId,
    pub name: Text,
    pub source: Text,
    /// Held as an attestation (evidence to reuse), not a duty.
    pub attestation: bool,
}

impl RefView {
    /// The references of one edition with their titles, in the order given.
    pub fn list(catalog: &Catalog, id: StandardId, refs: &[String]) -> Vec<RefView> {
        let standard = catalog.standard(id);
        refs.iter()
            .filter_map(|r| standard.node(r))
            .map(|node| RefView {
                reference: node.reference.clone(),
                title: node.title.clone(),
                new: node.new,
                title_in_english: node.title_in_english,
            })
            .collect()
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct HeatCell {
    pub row: usize,
    pub column: usize,
    /// Strongest overlap among the rows in the cell, 0-10.
    pub strength: u8,
    pub rows: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Heatmap {
    /// ISO/IEC 27001 areas, in document order.
    pub rows: Vec<Area>,
    /// ISO/IEC 20000-1 processes, in document order.
    pub columns: Vec<Area>,
    /// Only the cells where at least one row meets.
    pub cells: Vec<HeatCell>,
}

impl Heatmap {
    pub fn cell(&self, row: usize, column: usize) -> Option<&HeatCell> {
        self.cells
            .iter()
            .find(|c| c.row == row && c.column == column)
    }
}

/// How many rows fall in one bucket.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Count {
    pub key: String,
    pub label: String,
    pub count: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AreaReadiness {
    pub area: Area,
    pub rows: usize,
    pub open: usize,
    /// Percent of the area's applicable effort weight that is done (in progress counts half).
    pub readiness: u8,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Summary {
    pub rows: usize,
    pub applicable_rows: usize,
    pub open_rows: usize,
    pub readiness: u8,
    pub by_kind: Vec<Count>,
    pub by_status: Vec<Count>,
    pub by_area: Vec<AreaReadiness>,
    pub documents: DocumentCounts,
    /// Integrated documents with a row Not started: to write.
    pub documents_to_write: usize,
    /// Integrated documents with open rows, none Not started: an existing document to extend
    /// to the other standard, or two to merge.
    pub documents_to_extend: usize,
    pub remaining_days: f64,
    /// Ids of the most urgent open rows, most urgent first.
    pub top_actions: Vec<String>,
}

/// The integrated documents, and what they take the place of (docs/method.md §11).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DocumentCounts {
    /// Distinct integrated documents over the applicable shared rows (common and integrated).
    pub integrated: usize,
    /// Those that ISO/IEC 27001, ISO/IEC 20000-1 or both ask for in writing.
    pub in_writing: usize,
    /// What running the standards apart would take in their place: one document for each
    /// standard that asks for it in writing.
    pub separate: usize,
    /// Those neither standard asks for in writing (a manual, a charter, a register of
    /// documents): good practice that holds the integrated system together.
    pub good_practice: usize,
    /// Those a harmonised-structure clause asks for, when the organisation runs another ISO
    /// management system (`other_systems`) that asks for the same; otherwise 0.
    pub serving_other_systems: usize,
    /// The other ISO management systems held, by standard ("ISO 9001").
    pub other_systems: Vec<String>,
    /// Of the documents to extend or merge, those both standards ask for in writing: for two
    /// systems held apart, the pairs to merge.
    pub pairs_to_extend: usize,
    /// The figures above in words, to follow the number of integrated documents.
    pub in_place_of: String,
    /// The documents that also serve the other systems held, in words; empty when none.
    pub also_serve: String,
    /// `in_place_of` and `also_serve` in one line, where there is room for one only.
    pub in_full: String,
    /// What is left of them, in the words of the starting point: to write, to extend, to merge.
    pub left: String,
}

crate::vocabulary::vocabulary! {
    /// What a warning is about.
    pub enum WarningKind {
        Status = "status" => "Status and applicability",
        Exclusion = "exclusion" => "Exclusion an auditor will challenge",
        Answers = "answers" => "Answers to check",
        Schedule = "schedule" => "Timeline",
    }
}

/// One thing to check, with the row or control it concerns.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Warning {
    pub kind: WarningKind,
    /// A matrix row id or an Annex A reference, when the warning concerns one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// The subject as a reader finds it in the standards: the row's clause and control
    /// references, or the control itself. A row id is the engine's, not the reader's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub concerns: Option<String>,
    pub text: String,
}
