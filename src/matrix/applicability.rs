//! Annex A applicability from scope facts: the draft Statement of Applicability. Rules are data
//! (`questionnaire.applicability`), written against ISO/IEC 27001:2022; 2013 controls follow
//! through the transition table.

use std::collections::HashMap;

use serde::Serialize;

use super::facts::Facts;
use crate::advice::{Advice, Basis, ObligationId, Tag};
use crate::assessment::Editions;
use crate::catalog::{Catalog, Family, Row, RowKind, StandardId, Text};
use crate::i18n::Texts;
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

/// The key of the reason used only if a control has no profile, which validation forbids for
/// the built-in data.
pub const DEFAULT_REASON: &str = "engine.applicability.default";

/// The justification for including a control: the rule's reason or the control's own, the laws
/// and schemes that name it, the scope facts that raise it and attestations to reuse.
fn justify(
    reference: &str,
    decided: Option<&Text>,
    facts: &Facts<'_>,
    advice: &Advice,
) -> (Text, Basis, Vec<String>) {
    let texts = facts.texts;
    let profile = advice.control(reference);
    let mut text = match (decided, profile) {
        (Some(reason), _) => reason.to_string(),
        (None, Some(p)) => p.include.to_string(),
        (None, None) => texts.get(DEFAULT_REASON).to_owned(),
    };
    let mut add = |sentence: String| {
        text.push(' ');
        text.push_str(&sentence);
    };
    let mut basis = profile.map_or(Basis::Risk, |p| p.basis);
    // A control whose profile rests on customer contracts (service levels, confidentiality,
    // deletion terms) has none to rest on without external customers: an auditor asks which
    // contract, so it is included on risk. An ICT provider to financial entities has one even
    // within its group: DORA asks for a written contract, with service levels, for intra-group
    // ICT services too (Art. 30(1)-(3); thirtieth review). So does a provider serving the other
    // companies of its group, each a legal entity of its own: its intra-group agreements are
    // contracts (thirty-first review).
    let dora_contract = facts.applies(crate::advice::ObligationId::DoraIctProvider);
    if basis == Basis::Contractual
        && !facts.has(Tag::ExternalCustomers)
        && !facts.has(Tag::GroupCustomers)
        && !dora_contract
    {
        basis = Basis::Risk;
    }
    let duties: Vec<_> = facts.duties_on(reference).collect();
    let named_by_law = duties.iter().any(|(o, _)| is_law(o.id));
    if !duties.is_empty() {
        // A control that rests on law by its nature (evidence, records, privacy, contact with
        // authorities) stays legal when only contracts name it (thirty-third review: A.5.28
        // turned contractual when PCI DSS asked for forensic support).
        basis = if basis == Basis::Legal || named_by_law {
            Basis::Legal
        } else {
            Basis::Contractual
        };
        // Two duties with the same provision and words (a public body's data protection
        // officer, as controller and as processor) are one sentence naming both (twentieth
        // review).
        let mut same: Vec<(Vec<&str>, &str, &str)> = Vec::new();
        for (o, c) in &duties {
            let (provision, why) = (c.provision.as_ref(), c.why.as_ref());
            match same
                .iter_mut()
                .find(|(_, p, w)| *p == provision && *w == why)
            {
                Some((names, ..)) => names.push(o.name.as_ref()),
                None => same.push((vec![o.name.as_ref()], provision, why)),
            }
        }
        let named: Vec<String> = same
            .iter()
            .map(|(names, provision, why)| {
                format!("{}, {provision}: {why}", join_and(texts, names))
            })
            .collect();
        add(texts.fill(
            "engine.applicability.required-by",
            &[("duties", &named.join("; "))],
        ));
    }
    // A legal basis no law of the answers names rests on the law its profile gives, also when a
    // contract names the control (thirty-third review's check: A.5.28 read "Legal" beside PCI
    // DSS alone).
    if basis == Basis::Legal && !named_by_law {
        if let Some(ground) = profile.and_then(|p| p.legal_ground.as_ref()) {
            add(texts.fill(
                "engine.applicability.legal-ground",
                &[("ground", &ground.to_string())],
            ));
        }
    }
    if let Some(p) = profile {
        let raised: Vec<&str> = p
            .raised_by
            .iter()
            .filter(|t| facts.raises(**t, reference))
            .map(|t| texts.label(*t))
            .collect();
        if !raised.is_empty() {
            let facts = join_and(texts, &raised);
            add(texts.fill("engine.applicability.raised-by", &[("facts", &facts)]));
        }
    }
    // Each scheme held with the provision of it that covers the control, so that an auditor
    // asking "which control of it?" finds the answer in the SoA (seventeenth review).
    let attested: Vec<String> = facts
        .attested(reference)
        .filter_map(|o| {
            let link = o.controls.iter().find(|c| c.reference == reference)?;
            Some(texts.fill(
                "engine.applicability.attested-item",
                &[("scheme", &o.name), ("provision", &link.provision)],
            ))
        })
        .collect();
    if !attested.is_empty() {
        let schemes = attested.join(texts.get("engine.list.semicolon"));
        add(texts.fill("engine.applicability.attested", &[("schemes", &schemes)]));
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
            add(texts.fill(
                "engine.applicability.register-lists",
                &[("duties", &duties.join("; "))],
            ));
        }
        if !held.is_empty() {
            add(texts.fill(
                "engine.applicability.register-held",
                &[("schemes", &held.join("; "))],
            ));
        }
    }
    (
        text.into(),
        basis,
        duties.iter().map(|(o, _)| o.name.to_string()).collect(),
    )
}

/// "a", "a and b", "a, b and c", in the language of `texts`.
pub fn join_and(texts: &Texts, items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => texts.fill(
            "engine.list.and",
            &[
                ("items", &rest.join(texts.get("engine.list.comma"))),
                ("last", last),
            ],
        ),
    }
}

/// Row titles in the language's quotation marks, listed with "and" (`join_and`).
pub fn join_quoted(texts: &Texts, titles: &[&str]) -> String {
    let quoted: Vec<String> = titles
        .iter()
        .map(|title| texts.fill("engine.list.quoted", &[("text", title)]))
        .collect();
    let quoted: Vec<&str> = quoted.iter().map(String::as_str).collect();
    join_and(texts, &quoted)
}

/// The control that keeps the register of legal, regulatory and contractual requirements.
pub const REGISTER_OF_REQUIREMENTS: &str = "A.5.31";

fn is_law(id: ObligationId) -> bool {
    use ObligationId as O;
    matches!(
        id,
        O::GdprController
            | O::GdprProcessor
            | O::GdprSpecialCategories
            | O::GdprMonitoring
            | O::GdprVulnerableSubjects
            | O::GdprThirdCountry
            | O::Nis2Essential
            | O::Nis2Important
            | O::DoraFinancialEntity
            | O::CraManufacturer
            | O::RedCybersecurity
            | O::DataActCloud
            | O::EidasQtsp
            | O::EidasTsp
            | O::EprivacyEcs
            | O::ProfessionalSecrecy
            | O::AiAct
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
    let default_reason = Text::from(facts.texts.get(DEFAULT_REASON));
    let decided: ByControl = current
        .controls()
        .map(|control| {
            let reference = control.reference.as_str();
            let rule = questionnaire.rules().iter().find(|rule| {
                rule.controls.contains(&control.reference) && rule.when.holds(answers)
            });
            // A law that applies (GDPR, NIS2, DORA) outweighs what the scope answers alone
            // would exclude: an auditor does not accept excluding a control the law names.
            let named_by_law = facts.duties_on(reference).any(|(o, _)| is_law(o.id));
            let applicability = match rule {
                Some(rule) if !rule.applicable && named_by_law => {
                    let kept = Text::from(facts.texts.get("engine.applicability.kept-by-law"));
                    let (reason, basis, obligations) =
                        justify(reference, Some(&kept), facts, advice);
                    Applicability {
                        applicable: true,
                        reason,
                        from_answers: true,
                        basis: Some(basis),
                        obligations,
                    }
                }
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
                    // A rule that brings in several controls gives one reason for all of them
                    // ("you develop software"); each control also says what it is for, since an
                    // auditor reads the SoA control by control: the rule's own sentence for it,
                    // or, in a rule of more than two, the control's own reason.
                    let own = rule.and_then(|r| {
                        let each = r.each.iter().find(|(control, _)| control == reference);
                        let sentence = each.map(|(_, t)| &**t).or_else(|| {
                            advice
                                .control(reference)
                                .filter(|_| r.controls.len() > 2)
                                .map(|p| &*p.include)
                        })?;
                        Some(Text::from(format!("{} {sentence}", r.reason)))
                    });
                    let decided = own.as_ref().or(rule.map(|r| &r.reason));
                    let (reason, basis, obligations) = justify(reference, decided, facts, advice);
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
            let forward = transition.forward(&control.reference);
            let successors: Vec<(&str, &Applicability)> = forward
                .iter()
                .filter_map(|r| decided.get(r).map(|a| (r.as_str(), a)))
                .collect();
            let applicable = successors.iter().any(|(_, a)| a.applicable);
            // Explain with a successor that agrees with the outcome, preferring one a scope
            // fact decided.
            let reason = successors
                .iter()
                .filter(|(_, a)| a.applicable == applicable)
                .max_by_key(|(_, a)| a.from_answers)
                .map(|&(successor, a)| {
                    // A successor that took in other controls too, or one of several this
                    // control went to, is justified in its own words, which may be of another
                    // subject: the line first names its own control's place in 2022, so that
                    // no two lines of the older SoA read the same (twenty-ninth review: A.11.2.8
                    // read as mobile devices, A.18.1.5 as the register of requirements).
                    let shared =
                        forward.len() > 1 || transition.backward(successor).nth(1).is_some();
                    let successor_title = current.node(successor).map_or("", |n| &*n.title);
                    // A control that kept its title needs no introduction.
                    let namesake = successor_title.eq_ignore_ascii_case(&control.title);
                    let mut a = a.clone();
                    if shared && !namesake {
                        a.reason = Text::from(facts.texts.fill(
                            "engine.applicability.through-successor",
                            &[
                                ("title", &control.title),
                                ("control", &successor),
                                ("successor", &successor_title),
                                ("reason", &a.reason),
                            ],
                        ));
                    }
                    a
                })
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

/// Whether a row applies in the chosen editions, and why.
pub fn row(
    texts: &Texts,
    catalog: &Catalog,
    row: &Row,
    editions: Editions,
    controls: &ByControl,
) -> (bool, Text) {
    let mandatory_clauses = texts.get("engine.applicability.mandatory-clauses");
    let mandatory_sms = texts.get("engine.applicability.mandatory-sms");
    let r27 = row.refs.get(editions.iso27001);
    let r20 = row.refs.get(editions.iso20000);
    let decided: Vec<&Applicability> = r27.iter().filter_map(|r| controls.get(r)).collect();
    match row.kind {
        RowKind::Iso27001Only if r27.is_empty() => (
            false,
            texts
                .fill(
                    "engine.applicability.new-in-edition",
                    &[
                        (
                            "new",
                            &catalog.standard(StandardId::Iso27001_2022).designation,
                        ),
                        ("chosen", &catalog.standard(editions.iso27001).designation),
                    ],
                )
                .into(),
        ),
        RowKind::Iso20000Only if r20.is_empty() => (
            false,
            texts
                .fill(
                    "engine.applicability.not-in-edition",
                    &[
                        ("chosen", &catalog.standard(editions.iso20000).designation),
                        (
                            "new",
                            &catalog.standard(StandardId::Iso20000_2018).designation,
                        ),
                    ],
                )
                .into(),
        ),
        RowKind::Iso20000Only => (true, mandatory_sms.into()),
        // No Annex A control in the chosen edition: the clauses, or else the 20000-1 process
        // (a row whose only control is new in 2022, seen in the 2013 edition).
        _ if decided.is_empty() => {
            let clauses = r27.iter().any(|r| !r.starts_with('A'));
            if clauses || r20.is_empty() {
                (true, mandatory_clauses.into())
            } else {
                (true, mandatory_sms.into())
            }
        }
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
                // The first applicable control an answer decided, else the first applicable
                // one; named, since the row holds several controls and the reason is one's.
                let applicable: Vec<(&String, &Applicability)> = r27
                    .iter()
                    .filter_map(|r| controls.get(r).map(|a| (r, a)))
                    .filter(|(_, a)| a.applicable)
                    .collect();
                let best = applicable
                    .iter()
                    .find(|(_, a)| a.from_answers)
                    .or(applicable.first());
                // Clauses 4-10 and the 20000-1 processes on the row are never optional, whatever
                // the Annex A side says.
                let clauses = r27.iter().any(|r| !r.starts_with('A'));
                let reason = match best {
                    Some((control, a)) if clauses || !r20.is_empty() => texts
                        .fill(
                            "engine.applicability.mandatory-and-annex-a",
                            &[
                                (
                                    "mandatory",
                                    &if clauses {
                                        mandatory_clauses
                                    } else {
                                        mandatory_sms
                                    },
                                ),
                                ("control", control),
                                ("annex_a", &a.reason),
                            ],
                        )
                        .into(),
                    Some((_, a)) => a.reason.clone(),
                    None => mandatory_clauses.into(),
                };
                (true, reason)
            } else {
                let why = decided.first().map(|a| &*a.reason).unwrap_or_default();
                // With its Annex A side excluded, a row whose ISO/IEC 20000-1 requirements all
                // sit on other rows that stay in the plan has nothing of its own left to do
                // (the cloud annex of supplier management, for a prospect with no cloud): it
                // is not applicable, and the reason names where those requirements are met.
                let clauses = r27.iter().any(|r| !r.starts_with('A'));
                let carriers = (!clauses)
                    .then(|| carried_elsewhere(catalog, row, editions, controls))
                    .flatten();
                if let Some(carriers) = carriers {
                    let topics: Vec<&str> = carriers.iter().map(|r| &*r.topic).collect();
                    let reason = texts.fill(
                        "engine.applicability.sms-side-elsewhere",
                        &[
                            ("why", &why),
                            ("refs", &r20.join(", ")),
                            ("rows", &join_quoted(texts, &topics)),
                        ],
                    );
                    return (false, reason.into());
                }
                let reason = texts.fill("engine.applicability.sms-side-applies", &[("why", &why)]);
                (true, reason.into())
            }
        }
    }
}

/// The other rows that carry every ISO/IEC 20000-1 requirement of `row` and stay in the plan
/// (a 20000-1 row, or a shared row whose Annex A side is not wholly excluded), in crosswalk
/// order; `None` when one of its requirements is on no such row.
fn carried_elsewhere<'c>(
    catalog: &'c Catalog,
    row: &Row,
    editions: Editions,
    controls: &ByControl,
) -> Option<Vec<&'c Row>> {
    let r20 = row.refs.get(editions.iso20000);
    let stays = |other: &Row| {
        let annex_a: Vec<&String> = other
            .refs
            .get(editions.iso27001)
            .iter()
            .filter(|r| r.starts_with('A'))
            .collect();
        other.kind != RowKind::Iso27001Only
            && (annex_a.len() < other.refs.get(editions.iso27001).len()
                || annex_a.is_empty()
                || annex_a
                    .iter()
                    .any(|r| controls.get(*r).is_none_or(|a| a.applicable)))
    };
    let carriers: Vec<&Row> = catalog
        .crosswalk
        .iter()
        .filter(|other| other.id != row.id && stays(other))
        .filter(|other| {
            let theirs = other.refs.get(editions.iso20000);
            r20.iter().any(|r| theirs.contains(r))
        })
        .collect();
    r20.iter()
        .all(|r| {
            carriers
                .iter()
                .any(|c| c.refs.get(editions.iso20000).contains(r))
        })
        .then_some(carriers)
}
