//! What the printed report adds to the matrix: the biggest risks in the gap, the next steps,
//! the action plan phase by phase and the Statement of Applicability in brief. Derived from a
//! built matrix only, so the report is one more rendering of `build()`'s result.

use super::model::{Matrix, MatrixRow, SoaEntry};
use super::plan::Phase;
use crate::advice::Basis;
use crate::assessment::Status;

/// How many risks the results page names: a manager reads three.
pub const RISKS: usize = 3;
/// How many next steps the results page lists.
pub const NEXT_STEPS: usize = 5;

/// What the workbook and the report say of their own standing.
pub const DISCLAIMER: &str = "engine.disclaimer";

/// The report's own findings over one matrix.
#[derive(Debug, PartialEq)]
pub struct Outline<'a> {
    /// The open applicable rows the answers and laws raise most, most exposed first, each on a
    /// practice and controls of its own.
    pub risks: Vec<Risk<'a>>,
    /// The first open rows of the action plan, in plan order.
    pub next_steps: Vec<&'a MatrixRow>,
    /// Every phase with its open rows in plan order; phases without open rows included. In a
    /// staged plan, then the second stage's phases that hold open rows.
    pub phases: Vec<PhasePlan<'a>>,
    pub soa: SoaBrief<'a>,
}

/// One risk in the gap: an open row and why it weighs.
#[derive(Debug, PartialEq)]
pub struct Risk<'a> {
    pub row: &'a MatrixRow,
    /// The row's priority reasons that raise it (scope facts, laws); the critical path and
    /// lowering reasons left out.
    pub why: Vec<&'a str>,
}

#[derive(Debug, PartialEq)]
pub struct PhasePlan<'a> {
    pub phase: Phase,
    /// A phase of the second stage of a staged plan (`MatrixRow::second_stage`).
    pub second_stage: bool,
    /// The phase's target date; `None` when the assessment has no readable date.
    pub ends: Option<&'a str>,
    pub rows: Vec<&'a MatrixRow>,
    pub remaining_days: f64,
}

/// The draft Statement of Applicability in figures, with every exclusion.
#[derive(Debug, PartialEq)]
pub struct SoaBrief<'a> {
    pub controls: usize,
    pub included: usize,
    pub implemented: usize,
    /// Included controls per basis, in the vocabulary's order; bases no control has left out.
    pub by_basis: Vec<(Basis, usize)>,
    pub excluded: Vec<&'a SoaEntry>,
}

/// The report's findings for `matrix`.
///
/// # Examples
/// ```
/// use ims_matrix::{assessment::Assessment, catalog, matrix, questionnaire};
/// let assessment = Assessment::new("2026-11-27T00:00:00Z");
/// let m = matrix::build(catalog::builtin(), questionnaire::builtin(), &assessment);
/// let outline = matrix::report::outline(&m);
/// assert_eq!(outline.risks.len(), matrix::report::RISKS);
/// assert_eq!(outline.soa.controls, 93);
/// ```
pub fn outline(matrix: &Matrix) -> Outline<'_> {
    let mut open: Vec<&MatrixRow> = matrix
        .rows
        .iter()
        .filter(|r| r.applicable && r.is_open())
        .collect();
    open.sort_by_key(|r| r.plan_rank);
    let next_steps = open.iter().take(NEXT_STEPS).copied().collect();

    let mut exposed = open.clone();
    // Most exposed first; among equals, the row not started yet, then the plan's order.
    exposed.sort_by_key(|r| {
        (
            std::cmp::Reverse(r.exposure),
            r.status != Status::NotStarted,
            r.plan_rank,
        )
    });
    // Three different risks: a row on the same practice or control as one already named adds
    // nothing a manager would read as new.
    let mut risks: Vec<Risk<'_>> = Vec::new();
    for row in exposed {
        if risks.len() == RISKS {
            break;
        }
        let repeats = risks.iter().any(|taken| {
            taken.row.practice == row.practice
                || taken
                    .row
                    .iso27001
                    .iter()
                    .any(|a| row.iso27001.iter().any(|b| a.reference == b.reference))
        });
        if !repeats {
            risks.push(Risk {
                row,
                why: row.priority_reasons[row.raising_reasons.clone()]
                    .iter()
                    .map(String::as_str)
                    .collect(),
            });
        }
    }

    let phase_plan = |phase: Phase, second_stage: bool| {
        let rows: Vec<&MatrixRow> = open
            .iter()
            .filter(|r| r.phase == phase && r.second_stage == second_stage)
            .copied()
            .collect();
        PhasePlan {
            phase,
            second_stage,
            ends: matrix
                .schedule
                .as_ref()
                .map(|s| s.ends_for(phase, second_stage)),
            remaining_days: rows.iter().map(|r| r.remaining_days).sum(),
            rows,
        }
    };
    let phases = Phase::ALL
        .iter()
        .map(|&phase| phase_plan(phase, false))
        .chain(
            Phase::ALL
                .iter()
                .map(|&phase| phase_plan(phase, true))
                .filter(|p| !p.rows.is_empty()),
        )
        .collect();

    Outline {
        risks,
        next_steps,
        phases,
        soa: soa_brief(&matrix.soa),
    }
}

fn soa_brief(soa: &[SoaEntry]) -> SoaBrief<'_> {
    let included: Vec<&SoaEntry> = soa.iter().filter(|e| e.applicable).collect();
    SoaBrief {
        controls: soa.len(),
        included: included.len(),
        implemented: included
            .iter()
            .filter(|e| e.status == Status::Implemented)
            .count(),
        by_basis: Basis::ALL
            .iter()
            .map(|&basis| {
                let count = included.iter().filter(|e| e.basis == Some(basis)).count();
                (basis, count)
            })
            .filter(|(_, count)| *count > 0)
            .collect(),
        excluded: soa.iter().filter(|e| !e.applicable).collect(),
    }
}
