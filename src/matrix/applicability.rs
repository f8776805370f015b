//! Annex A applicability from scope facts: the draft Statement of Applicability. Rules are data
//! (`questionnaire.applicability`), written against ISO/IEC 27001:2022; 2013 controls follow
//! through the transition table.

use std::collections::HashMap;

use serde::Serialize;

use crate::catalog::{Catalog, Family, StandardId, Text};
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
