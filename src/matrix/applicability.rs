//! Annex A applicability from scope facts: the draft Statement of Applicability. Rules are data
//! (`questionnaire.applicability`), written against ISO/IEC 27001:2022; 2013 controls follow
//! through the transition table.

use std::collections::HashMap;

use serde::Serialize;

use crate::assessment::Editions;
use crate::catalog::{Catalog, Family, Row, RowKind, StandardId, Text};
use crate::questionnaire::{Answers, Questionnaire};

/// Applicability by control reference.
pub type ByControl =
    HashMap<String, Applicability, std::hash::BuildHasherDefault<crate::catalog::FnvHasher>>;

/// Whether one control applies, and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Applicability {
    pub applicable: bool,
    pub reason: Text,
    /// True when a scope fact decided it; false for the default.
    pub from_answers: bool,
}

pub const DEFAULT_REASON: &str =
    "No scope fact excludes it. Confirm it against your risk treatment plan.";

/// Applicability of every Annex A control of `edition`, by reference.
pub fn annex_a(
    catalog: &Catalog,
    questionnaire: &Questionnaire,
    answers: &Answers,
    edition: StandardId,
) -> ByControl {
    let current = catalog.standard(StandardId::Iso27001_2022);
    let default_reason = Text::from(DEFAULT_REASON);
    let decided: ByControl = current
        .controls()
        .map(|control| {
            let rule = questionnaire.applicability.iter().find(|rule| {
                rule.controls.contains(&control.reference) && rule.when.holds(answers)
            });
            let applicability = match rule {
                Some(rule) => Applicability {
                    applicable: rule.applicable,
                    reason: rule.reason.clone(),
                    from_answers: true,
                },
                None => Applicability {
                    applicable: true,
                    reason: default_reason.clone(),
                    from_answers: false,
                },
            };
            (control.reference.clone(), applicability)
        })
        .collect();
    if edition == StandardId::Iso27001_2022 {
        return decided;
    }
    let transition = catalog.transition(Family::Iso27001);
    let old: ByControl = catalog
        .standard(edition)
        .controls()
        .map(|control| {
            let successors: Vec<&Applicability> = transition
                .forward(&control.reference)
                .iter()
                .filter_map(|r| decided.get(r))
                .collect();
            let applicable = successors.iter().any(|a| a.applicable);
            // Explain with a successor that agrees with the outcome, preferring one a scope
            // fact decided.
            let reason = successors
                .iter()
                .filter(|a| a.applicable == applicable)
                .max_by_key(|a| a.from_answers)
                .map(|a| (*a).clone())
                .unwrap_or(Applicability {
                    applicable,
                    reason: default_reason.clone(),
                    from_answers: false,
                });
            (
                control.reference.clone(),
                Applicability {
                    applicable,
                    ..reason
                },
            )
        })
        .collect();
    old
}

const MANDATORY_CLAUSES: &str =
    "Mandatory: clauses 4 to 10 of both standards allow no exclusions for certification.";
const MANDATORY_SMS: &str =
    "Required by ISO/IEC 20000-1, which allows no exclusions; another party may run the process, under your control.";

/// Whether a row applies in the chosen editions, and why.
pub fn row(catalog: &Catalog, row: &Row, editions: Editions, controls: &ByControl) -> (bool, Text) {
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
