//! Annex A applicability from scope facts: the draft Statement of Applicability. Rules are data
//! (`questionnaire.applicability`), written against ISO/IEC 27001:2022; 2013 controls follow
//! through the transition table.

use std::collections::HashMap;

use serde::Serialize;

use super::facts::Facts;
use crate::advice::{Advice, Basis, ObligationId};
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
    /// The justification for inclusion or exclusion, specific to the control and the answers.
    pub reason: Text,
    /// True when a scope fact decided it; false for the default.
    pub from_answers: bool,
    /// The ground for inclusion; none for an excluded control.
    pub basis: Option<Basis>,
    /// The laws, regulations and schemes that name the control.
    pub obligations: Vec<String>,
}

/// Used only if a control has no profile, which validation forbids for the built-in data.
pub const DEFAULT_REASON: &str =
    "No scope fact excludes it. Confirm it against your risk treatment plan.";

/// The justification for including a control: the rule's reason or the control's own, the laws
/// and schemes that name it, the scope facts that raise it and attestations to reuse.
fn justify(
    reference: &str,
    decided: Option<&Text>,
    facts: &Facts<'_>,
    advice: &Advice,
) -> (Text, Basis, Vec<String>) {
    let profile = advice.control(reference);
    let mut text = match (decided, profile) {
        (Some(reason), _) => reason.to_string(),
        (None, Some(p)) => p.include.to_string(),
        (None, None) => DEFAULT_REASON.to_owned(),
    };
    let mut basis = profile.map_or(Basis::Risk, |p| p.basis);
    let duties: Vec<_> = facts.duties_on(reference).collect();
    if !duties.is_empty() {
        basis = if duties.iter().any(|(o, _)| is_law(o.id)) {
            Basis::Legal
        } else {
            Basis::Contractual
        };
        let named: Vec<String> = duties
            .iter()
            .map(|(o, c)| format!("{}, {}: {}", o.name, c.provision, c.why))
            .collect();
        text.push_str(&format!(" Required by {}.", named.join("; ")));
    }
    if let Some(p) = profile {
        let raised: Vec<&str> = p
            .raised_by
            .iter()
            .filter(|t| facts.has(**t))
            .map(|t| t.label())
            .collect();
        if !raised.is_empty() {
            text.push_str(&format!(" A priority because {}.", join_and(&raised)));
        }
    }
    let attested: Vec<&str> = facts.attested(reference).map(|o| &*o.name).collect();
    if !attested.is_empty() {
        text.push_str(&format!(
            " Already assessed for {}: reuse that evidence.",
            attested.join(" and ")
        ));
    }
    if reference == REGISTER_OF_REQUIREMENTS {
        let list = |attestation: bool| -> Vec<String> {
            facts
                .obligations
                .iter()
                .filter(|o| o.attestation == attestation)
                .map(|o| format!("{} ({})", o.name, o.source))
                .collect()
        };
        let (duties, held) = (list(false), list(true));
        if !duties.is_empty() {
            text.push_str(&format!(
                " Your register of requirements must list: {}.",
                duties.join("; ")
            ));
        }
        if !held.is_empty() {
            text.push_str(&format!(
                " Record too the schemes you hold, whose demands customers expect kept: {}.",
                held.join("; ")
            ));
        }
    }
    (
        text.into(),
        basis,
        duties.iter().map(|(o, _)| o.name.to_string()).collect(),
    )
}

/// "a", "a and b", "a, b and c".
fn join_and(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The control that keeps the register of legal, regulatory and contractual requirements.
pub const REGISTER_OF_REQUIREMENTS: &str = "A.5.31";

fn is_law(id: ObligationId) -> bool {
    use ObligationId as O;
    matches!(
        id,
        O::GdprController
            | O::GdprProcessor
            | O::Nis2Essential
            | O::Nis2Important
            | O::DoraFinancialEntity
    )
}

/// Applicability of every Annex A control of `edition`, by reference.
pub fn annex_a(
    catalog: &Catalog,
    questionnaire: &Questionnaire,
    answers: &Answers,
    edition: StandardId,
    facts: &Facts<'_>,
    advice: &Advice,
) -> ByControl {
    let current = catalog.standard(StandardId::Iso27001_2022);
    let default_reason = Text::from(DEFAULT_REASON);
    let decided: ByControl = current
        .controls()
        .map(|control| {
            let reference = control.reference.as_str();
            let rule = questionnaire.applicability.iter().find(|rule| {
                rule.controls.contains(&control.reference) && rule.when.holds(answers)
            });
            let applicability = match rule {
                Some(rule) if !rule.applicable => Applicability {
                    applicable: false,
                    reason: rule.reason.clone(),
                    from_answers: true,
                    basis: None,
                    obligations: facts
                        .duties_on(reference)
                        .map(|(o, _)| o.name.to_string())
                        .collect(),
                },
                _ => {
                    let (reason, basis, obligations) =
                        justify(reference, rule.map(|r| &r.reason), facts, advice);
                    Applicability {
                        applicable: true,
                        reason,
                        from_answers: rule.is_some(),
                        basis: Some(basis),
                        obligations,
                    }
                }
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
                    basis: applicable.then_some(Basis::Risk),
                    obligations: Vec::new(),
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
                // Clauses 4-10 and the 20000-1 processes on the row are never optional, whatever
                // the Annex A side says.
                let clauses = r27.iter().any(|r| !r.starts_with('A'));
                let reason = match best {
                    Some(a) if clauses || !r20.is_empty() => format!(
                        "{} Annex A: {}",
                        if clauses {
                            MANDATORY_CLAUSES
                        } else {
                            MANDATORY_SMS
                        },
                        a.reason
                    )
                    .into(),
                    Some(a) => a.reason.clone(),
                    None => MANDATORY_CLAUSES.into(),
                };
                (true, reason)
            } else {
                let why = decided.first().map(|a| &*a.reason).unwrap_or_default();
                (true, format!("The ISO/IEC 20000-1 side still applies; the Annex A control is excluded: {why}").into())
            }
        }
    }
}
