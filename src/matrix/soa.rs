//! The draft Statement of Applicability: every Annex A control of the chosen edition with its
//! applicability, reason, status and reference in the other edition.

use std::collections::HashMap;

use super::applicability::{self, Applicability, DEFAULT_REASON};
use super::model::{MatrixRow, RefView, SoaEntry};
use super::ownership::Ownership;
use crate::assessment::Status;
use crate::catalog::{Catalog, Family, RowKind, StandardId, Text};
use crate::i18n::Texts;
use crate::questionnaire::Maturity;

pub fn build(
    texts: &Texts,
    catalog: &Catalog,
    edition: StandardId,
    controls: &applicability::ByControl,
    rows: &[MatrixRow],
    ownership: &Ownership<'_>,
    isms_in_place: bool,
) -> Vec<SoaEntry> {
    let standard = catalog.standard(edition);
    let transition = catalog.transition(Family::Iso27001);
    let other = edition.other_edition();
    let mut predecessors: HashMap<&str, Vec<String>> = HashMap::new();
    for link in &transition.links {
        for to in &link.to {
            predecessors
                .entry(to.as_str())
                .or_default()
                .push(link.from.clone());
        }
    }
    let mut rows_by_control: HashMap<&str, Vec<&MatrixRow>> = HashMap::new();
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
                reason: Text::from(texts.get(DEFAULT_REASON)),
                from_answers: false,
                basis: Some(crate::advice::Basis::Risk),
                obligations: Vec::new(),
            });
            let holding: &[&MatrixRow] = rows_by_control
                .get(reference.as_str())
                .map_or(&[], Vec::as_slice);
            // The user's decision on a row for ISO/IEC 27001 only (a status set by hand against
            // the draft) decides the control's applicability (`matrix::build`).
            let decided = holding.iter().find(|row| {
                row.kind == RowKind::Iso27001Only && row.applicable != row.draft_applicable
            });
            let applicability = match decided {
                Some(row) => Applicability {
                    applicable: row.applicable,
                    reason: row.applicability_reason.clone(),
                    from_answers: false,
                    basis: row
                        .applicable
                        .then_some(applicability.basis.unwrap_or(crate::advice::Basis::Risk)),
                    obligations: applicability.obligations,
                },
                None => applicability,
            };
            // The least advanced row decides, so the SoA never claims more than the matrix. A
            // row marked Not applicable claims nothing for an applicable control: where every
            // row holding it is so marked (a shared or integrated row, whose 20000-1 side keeps
            // it in the plan), the control reads as not started, with a check beside it, rather
            // than "applicable" and "not applicable" on one line.
            let mut warnings = Vec::new();
            let status = if !applicability.applicable {
                Status::NotApplicable
            } else {
                let applicable: Vec<&MatrixRow> = holding
                    .iter()
                    .copied()
                    .filter(|row| control_status(row, isms_in_place) != Status::NotApplicable)
                    .collect();
                // A control on rows of several practices is implemented by its own practice's
                // rows (`ownership.rs`); the others are read only when none of those applies.
                let own: Vec<&MatrixRow> = applicable
                    .iter()
                    .copied()
                    .filter(|row| ownership.owns(&row.practice, reference))
                    .collect();
                let deciding = if own.is_empty() { &applicable } else { &own };
                let least = deciding
                    .iter()
                    .map(|row| control_status(row, isms_in_place))
                    .min_by_key(|s| match s {
                        Status::NotStarted => 0,
                        Status::InProgress => 1,
                        _ => 2,
                    });
                // Implemented only because the answers say it is written down, with no ISMS
                // to have held it against the control: the SoA travels alone to an auditor,
                // so the doubt the summary's check states stands beside the control too
                // (twenty-eighth review). A status set by hand is the reader's own claim.
                if !isms_in_place
                    && least == Some(Status::Implemented)
                    && deciding.iter().all(|row| !row.status_overridden)
                {
                    warnings.push(texts.get("engine.soa.implemented-without-isms").to_owned());
                }
                // With an ISMS in place, read as its row because the answer on its practice
                // doubts what the ISMS holds (`answer_doubts_isms`): the line says why, for the
                // auditor who reads the SoA alone (thirty-first review).
                if isms_in_place
                    && matches!(least, Some(Status::InProgress | Status::NotStarted))
                    && deciding.iter().any(|row| answer_doubts_isms(row))
                {
                    warnings.push(texts.get("engine.soa.doubted-by-answer").to_owned());
                }
                if least.is_none() && !holding.is_empty() {
                    let topics: Vec<&str> = holding.iter().map(|row| &*row.topic).collect();
                    let mut check = texts.fill(
                        "engine.soa.held-by-not-applicable",
                        &[("rows", &applicability::join_quoted(texts, &topics))],
                    );
                    // The laws and schemes that name it are one more reason it stays.
                    if !applicability.obligations.is_empty() {
                        let named: Vec<&str> = applicability
                            .obligations
                            .iter()
                            .map(String::as_str)
                            .collect();
                        check.push(' ');
                        check.push_str(&texts.fill(
                            "engine.soa.also-named-by",
                            &[("duties", &applicability::join_and(texts, &named))],
                        ));
                    }
                    warnings.push(check);
                }
                // Every row holding it marked Not applicable: the status its answers give.
                least
                    .or_else(|| {
                        holding
                            .iter()
                            .map(|row| row.planned_status())
                            .min_by_key(|s| match s {
                                Status::NotStarted => 0,
                                Status::InProgress => 1,
                                _ => 2,
                            })
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
                    title_in_english: g.title_in_english,
                })
                .unwrap_or(RefView {
                    reference: String::new(),
                    title: Text::from(""),
                    new: false,
                    title_in_english: false,
                });
            SoaEntry {
                reference: reference.clone(),
                title: control.title.clone(),
                title_in_english: control.title_in_english,
                group,
                applicable: applicability.applicable,
                reason: applicability.reason,
                from_answers: applicability.from_answers,
                basis: applicability.basis,
                obligations: applicability.obligations,
                warnings,
                status,
                other_edition: RefView::list(catalog, other, &other_refs),
                rows: holding.iter().map(|row| row.id.clone()).collect(),
            }
        })
        .collect()
}

/// Practices whose maturity question asks about the service side only (requests recorded and
/// fulfilled, service levels agreed and reported, the portfolio planned): answered as not
/// written down, they say nothing of the ISMS controls on their rows (A.5.18, A.5.22, A.5.19),
/// which access control and supplier management answer for.
const SERVICE_SIDE_ONLY: [&str; 3] = ["request", "service-level", "portfolio"];

/// Whether a shared row's maturity answer doubts what an ISMS in place holds of its controls:
/// its practice is answered as not written down, or not in place, and the practice's question
/// names the security side ("security incidents included", "an inventory"; thirty-first
/// review). The SoA then reads those controls as the row, and a check names them.
pub fn answer_doubts_isms(row: &MatrixRow) -> bool {
    row.kind != RowKind::Iso27001Only
        && !row.status_overridden
        && practice_doubts_isms(&row.practice, row.maturity)
}

/// Whether an ISMS in place holds a row's Annex A controls: a shared or integrated row, no
/// status set by hand, nothing that 2022 added to documents written to 2013, and no answer on
/// its practice that doubts it. The SoA reads those controls as implemented
/// (`control_status`), and the row's reporting deadlines are met
/// (`derive::RowPlace::deadlines_held`).
pub fn isms_holds(
    isms_in_place: bool,
    kind: RowKind,
    status_overridden: bool,
    new_since_documents: bool,
    practice: &str,
    maturity: Option<Maturity>,
) -> bool {
    isms_in_place
        && kind != RowKind::Iso27001Only
        && !status_overridden
        && !new_since_documents
        && !practice_doubts_isms(practice, maturity)
}

/// Whether this answer on this practice doubts the ISMS controls on its shared rows.
fn practice_doubts_isms(practice: &str, maturity: Option<Maturity>) -> bool {
    !SERVICE_SIDE_ONLY.contains(&practice) && maturity.is_some_and(|m| !m.is_written())
}

/// What a row's status says of its Annex A controls. With an ISMS in place, a shared or
/// integrated row whose practice is written down (or not answered) is In progress for its
/// integration with the SMS, or for the 20000-1 process it shares; its controls are
/// implemented in the ISMS, and the SoA states whether each control is implemented (27001
/// 6.1.3 d)). Where the answer doubts that (`answer_doubts_isms`), the row's status stands, as
/// does a status set by hand and the status of a row holding what 2022 added to documents
/// written to 2013, which the ISMS does not have yet.
fn control_status(row: &MatrixRow, isms_in_place: bool) -> Status {
    let integration_pending = isms_holds(
        isms_in_place,
        row.kind,
        row.status_overridden,
        row.new_since_documents,
        &row.practice,
        row.maturity,
    ) && matches!(row.status, Status::InProgress | Status::NotStarted);
    if integration_pending {
        Status::Implemented
    } else {
        row.status
    }
}
