//! The integration matrix: a pure, deterministic function of catalog, questionnaire and
//! assessment. Nothing here is stored; the UI, the workbook and the command line all render what
//! `build` returns. Knows nothing of the browser.

mod applicability;
mod area;
mod derive;
mod effort;
mod facts;
mod heatmap;
mod model;
mod ownership;
pub mod plan;
pub mod report;
mod scope;
mod soa;
mod summary;
pub mod view;
mod warnings;
mod withdrawn;

pub use applicability::{Applicability, DEFAULT_REASON};
pub use area::Area;
pub use derive::Priority;
pub use model::{
    AreaReadiness, Count, HeatCell, Heatmap, Matrix, MatrixRow, ObligationView, RefView, SoaEntry,
    Summary, Warning, WarningKind,
};
pub use plan::{Milestone, Phase, PhaseEnd, Schedule};
pub use scope::{StartingPoint, Target, UnderWay};

use crate::advice::{self, Advice};
use crate::assessment::{Assessment, Status};
use crate::catalog::{self, Catalog, RowKind, StandardId, Text};
use crate::i18n::{Texts, Translatable};
use crate::questionnaire::{self, reads, Maturity, Questionnaire};

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
    build_with(catalog, questionnaire, advice::builtin(), assessment)
}

/// Builds the matrix with the given advice data (tests pass fixtures), in English.
pub fn build_with(
    catalog: &Catalog,
    questionnaire: &Questionnaire,
    advice: &Advice,
    assessment: &Assessment,
) -> Matrix {
    build_in(Texts::english(), catalog, questionnaire, advice, assessment)
}

/// The practice whose maturity question asks of the services' risks, not of security risks.
const RISK_ASKED_OF_SERVICES: &str = "risk";

/// Builds the matrix in the language of `texts`: pass the catalog, questionnaire and advice
/// localized to it (`catalog::localized` …), or `localized_build` does it.
pub fn build_in(
    texts: &Texts,
    catalog: &Catalog,
    questionnaire: &Questionnaire,
    advice: &Advice,
    assessment: &Assessment,
) -> Matrix {
    let editions = assessment.editions;
    // Whether a certificate is void, and what documents cover, follow the editions the
    // documents are written to, whichever the matrix shows.
    let documents = assessment.documents();
    let shown = questionnaire.shown_answers(&assessment.answers);
    let void = withdrawn::Void::of(&shown, documents);
    let answers = &*withdrawn::without_void_certificates(&shown, void);
    let mut facts = facts::Facts::read(answers, advice, texts);
    facts.older_annex_a = editions.iso27001 != StandardId::Iso27001_2022;
    facts.withdrawn = void;
    facts.documents = documents;
    let start = facts.start;
    let schedule = plan::Schedule::new(texts, &assessment.created, answers, facts.target);
    let controls = applicability::annex_a(
        catalog,
        questionnaire,
        answers,
        editions.iso27001,
        &facts,
        advice,
    );
    // Priority reads the current edition's controls, whichever edition the matrix shows.
    let current_controls = (editions.iso27001 != StandardId::Iso27001_2022).then(|| {
        applicability::annex_a(
            catalog,
            questionnaire,
            answers,
            StandardId::Iso27001_2022,
            &facts,
            advice,
        )
    });
    let current_controls = current_controls.as_ref().unwrap_or(&controls);
    let ownership = ownership::Ownership::new(
        catalog.standard(editions.iso27001),
        catalog
            .crosswalk
            .iter()
            .map(|row| (row.practice.as_str(), row.refs.get(editions.iso27001))),
    );
    // Merging two systems, or adding a standard to the one held, is a change planned first
    // (`plan::changes_held_system`).
    let held_change = plan::changes_held_system(start, facts.target);
    let held_change_action = plan::held_change_action(texts, start, answers, documents);
    let mut rows: Vec<MatrixRow> = catalog
        .crosswalk
        .iter()
        .map(|row| {
            let (draft_applicable, draft_reason) =
                applicability::row(texts, catalog, row, editions, &controls);
            let maturity = questionnaire.maturity(answers, &row.practice);
            // The risk question asks of the services' risks only ("not security risks"): a held
            // ISMS has its own written (27001 6.1.2 and 6.1.3 ask for documented information),
            // so an answer of nothing written leaves the SMS side to add to the ISMS document,
            // not one to write from nothing (thirtieth review).
            let (action_start, action_maturity) = if row.practice == RISK_ASKED_OF_SERVICES
                && start.has_iso27001()
                && maturity.is_some_and(|m| !m.is_written())
            {
                (StartingPoint::Iso27001, Some(Maturity::DocumentedOne))
            } else {
                (start, maturity)
            };
            // Documents written to ISO/IEC 27001:2013 hold nothing of what 2022 added (6.3 and
            // eleven controls), nor documents written to ISO/IEC 20000-1:2011 what 2018 added
            // (knowledge, the service portfolio, asset management): such a row is at most in
            // progress, whatever its practice's answer, until its new requirement is checked
            // and written in (twenty-sixth review).
            let adds_to = |documents_edition: StandardId, latest: StandardId| {
                documents_edition != latest
                    && row
                        .refs
                        .get(latest)
                        .iter()
                        .any(|r| catalog.standard(latest).node(r).is_some_and(|n| n.new))
            };
            let new_since_documents = adds_to(documents.iso27001, StandardId::Iso27001_2022);
            let new_since_sms_documents = adds_to(documents.iso20000, StandardId::Iso20000_2018);
            // Merging two systems, or adding a standard to the one held, is a change planned
            // first, whatever the practice's answer says of changes in general.
            let plans_the_change = held_change && row.id == plan::CHANGE_PLANNING;
            // A row of the standard whose project is under way, written down, is the project's
            // draft: not approved and not yet run in a management system, so in progress
            // (docs/method.md §3; twenty-third review).
            let project_draft = maturity == Some(Maturity::DocumentedOne)
                && match row.kind {
                    RowKind::Iso27001Only => facts.under_way.iso27001 && !start.has_iso27001(),
                    RowKind::Iso20000Only => facts.under_way.iso20000 && !start.has_iso20000(),
                    RowKind::Common | RowKind::Integrated => false,
                };
            let derived_status = match derive::derived_status(row.kind, draft_applicable, maturity)
            {
                Status::Implemented
                    if new_since_documents
                        || new_since_sms_documents
                        || plans_the_change
                        || project_draft =>
                {
                    Status::InProgress
                }
                derived => derived,
            };
            let edit = assessment.edit(&row.id);
            let status_set = edit.and_then(|e| e.status);
            let status = status_set.unwrap_or(derived_status);
            // On a row for ISO/IEC 27001 only, a status set by hand against the draft is the
            // user's decision on its controls' applicability: the Statement of Applicability
            // and the workbook show it, with the draft's reason (`soa::build`).
            let decided = row.kind == RowKind::Iso27001Only
                && edit.is_some_and(|e| e.status.is_some())
                && (status != Status::NotApplicable) != draft_applicable;
            let (applicable, reason) = if decided {
                let key = if draft_applicable {
                    "engine.applicability.excluded-by-you"
                } else {
                    "engine.applicability.included-by-you"
                };
                let text = texts.fill(key, &[("reason", &draft_reason)]);
                (!draft_applicable, Text::from(text.as_str()))
            } else {
                (draft_applicable, draft_reason)
            };
            let planned = model::planned_status(applicable, status, derived_status);
            let phase = if plans_the_change {
                Phase::Foundations
            } else {
                plan::phase(row)
            };
            // A law or contract names one of the row's controls.
            let named_by_duty = facts.names_any(row);
            // With 20000-1 first, its 8.7.3.2 asks for the controls that treat the information
            // security risks in place at its audit: a control the answers make High is such a
            // control, so it stays in the first stage with the treatment that selects it.
            let treats_high_risk = facts.target == Target::Iso20000First
                && row.kind == RowKind::Iso27001Only
                && derive::priority(
                    row,
                    planned,
                    derive::RowPlace::default(),
                    &facts,
                    advice,
                    current_controls,
                )
                .band
                    == Priority::High;
            // The standard certified first is held, and this practice is written down in it
            // (the action extends the held system's document or process to the other one);
            // not when the held system's documents follow an edition that did not ask for the
            // row (20000-1 4.1 for documents on 2011): that is work for the first audit
            // (twenty-eighth review).
            let first_side_new = match facts.target {
                Target::Iso27001First => new_since_documents,
                Target::Iso20000First => new_since_sms_documents,
                _ => false,
            };
            let first_side_done = plan::first_standard_held(facts.target, start)
                && maturity.is_none_or(|m| m.is_written())
                && !first_side_new;
            let second_stage = plan::second_stage(
                row.kind,
                facts.target,
                named_by_duty || treats_high_risk,
                ownership.holds_only_borrowed(&row.practice, row.refs.get(editions.iso27001)),
                first_side_done,
            );
            let critical = plan::critical(row, facts.target, second_stage) || plans_the_change;
            let deadlines_held = soa::isms_holds(
                start.has_iso27001(),
                row.kind,
                status_set.is_some(),
                new_since_documents,
                &row.practice,
                maturity,
            );
            let mut urgency = derive::priority(
                row,
                planned,
                derive::RowPlace {
                    critical,
                    second_stage,
                    deadlines_held,
                },
                &facts,
                advice,
                current_controls,
            );
            if new_since_documents && planned.is_open() {
                urgency
                    .reasons
                    .push(texts.get("engine.priority.new-since-documents").to_owned());
            }
            if new_since_sms_documents && planned.is_open() {
                urgency.reasons.push(
                    texts
                        .get("engine.priority.new-since-sms-documents")
                        .to_owned(),
                );
            }
            if project_draft && planned.is_open() {
                urgency
                    .reasons
                    .push(texts.get("engine.priority.project-draft").to_owned());
            }
            if treats_high_risk && !named_by_duty {
                urgency.reasons.push(
                    texts
                        .get("engine.priority.kept-for-20000-controls")
                        .to_owned(),
                );
            }
            let (remaining_days, effort_reasons) = effort::remaining(row, planned, &facts, answers);
            MatrixRow {
                id: row.id.clone(),
                topic: row.topic.clone(),
                kind: row.kind,
                pdca: row.pdca,
                practice: row.practice.clone(),
                area: {
                    let mut area =
                        area::row_area(catalog, row, editions.iso27001, editions.iso20000);
                    area.localize(texts);
                    area
                },
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
                lead: derive::effective_lead(row.lead, start, facts.under_way),
                document: row.document.clone(),
                rationale: row.rationale.clone(),
                guidance: row.guidance.clone(),
                evidence_iso27001: row.evidence.iso27001.clone(),
                evidence_iso20000: row.evidence.iso20000.clone(),
                effort_weight: row.effort,
                // A row that does not apply has nothing to build, whatever the starting point.
                action: if applicable && plans_the_change && status.is_open() {
                    held_change_action.clone()
                } else {
                    texts
                        .get(if applicable {
                            derive::kept_in_first_stage(
                                derive::action(
                                    row.kind,
                                    row.lead,
                                    action_start,
                                    facts.under_way,
                                    action_maturity,
                                    status == Status::Implemented,
                                    effort::procedure_to_extend(&row.practice, answers),
                                ),
                                facts.target,
                                second_stage,
                                named_by_duty,
                            )
                        } else {
                            "engine.action.none-not-applicable"
                        })
                        .to_owned()
                },
                applicable,
                applicability_reason: reason,
                draft_applicable,
                new_since_documents,
                maturity,
                derived_status,
                status,
                status_overridden: status_set.is_some(),
                priority: urgency.band,
                priority_score: urgency.score,
                exposure: urgency.exposure,
                priority_reasons: urgency.reasons,
                raising_reasons: urgency.raising,
                reporting_deadline: urgency.deadline,
                phase,
                critical,
                second_stage,
                target_date: schedule
                    .as_ref()
                    .filter(|_| planned.is_open())
                    .map(|s| s.ends_for(phase, second_stage).to_owned())
                    .unwrap_or_default(),
                plan_rank: 0,
                remaining_days,
                effort_reasons,
                owner: edit.map(|e| e.owner.clone()).unwrap_or_default(),
                due: edit.map(|e| e.due.clone()).unwrap_or_default(),
                notes: edit.map(|e| e.notes.clone()).unwrap_or_default(),
                warnings: Vec::new(),
            }
        })
        .collect();
    let steps: Vec<Option<u16>> = catalog
        .crosswalk
        .iter()
        .map(|row| {
            if held_change && row.id == plan::CHANGE_PLANNING {
                plan::step_of_held_change()
            } else {
                plan::step(row)
            }
        })
        .collect();
    rank_plan(&mut rows, &steps);
    let mut soa = soa::build(
        texts,
        catalog,
        editions.iso27001,
        &controls,
        &rows,
        &ownership,
        start.has_iso27001(),
    );
    let mut heatmap = heatmap::build(catalog, editions, &rows);
    for axis in heatmap.rows.iter_mut().chain(&mut heatmap.columns) {
        axis.localize(texts);
    }
    let summary = summary::build(
        &rows,
        catalog,
        texts,
        start,
        &crate::questionnaire::reads::OtherSystem::held_standards(answers),
    );
    let mut warnings = warnings::build(
        &rows,
        &controls,
        &soa,
        editions,
        (questionnaire, answers),
        &facts,
        schedule.as_ref(),
    );
    warnings.extend(warnings::unanswered_legal(questionnaire, answers, texts));
    // A check on a control (one excluded, or a sector's devices to segregate) also stands
    // beside it in the Statement of Applicability, the sheet that gets signed and the one an
    // auditor samples (nineteenth review).
    for warning in &warnings {
        if let Some(entry) = soa
            .iter_mut()
            .find(|e| Some(e.reference.as_str()) == warning.subject.as_deref())
        {
            entry.warnings.push(warning.text.clone());
        }
    }
    Matrix {
        organisation: reads::ORG_NAME.get(answers).unwrap_or_default().to_owned(),
        editions,
        starting_point: start,
        under_way: facts.under_way,
        target: facts.target,
        rows,
        soa,
        heatmap,
        summary,
        schedule,
        facts: facts
            .tags
            .iter()
            .map(|t| texts.label(*t).to_owned())
            .collect(),
        obligations: facts
            .obligations
            .iter()
            .map(|o| ObligationView {
                id: o.id,
                name: o.name.clone(),
                source: o.source.clone(),
                attestation: o.attestation,
            })
            .collect(),
        warnings,
    }
}

/// Builds the matrix from the built-in data in the language of `texts`.
pub fn localized_build(texts: &Texts, assessment: &Assessment) -> Matrix {
    build_in(
        texts,
        catalog::localized(texts),
        questionnaire::localized(texts),
        advice::localized(texts),
        assessment,
    )
}

/// Every translatable text of the built-in data files, key and English, in file order:
/// the catalog, the questionnaire, the advice.
pub fn data_texts() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut collect = |key: &str, english: &str| {
        out.push((key.to_owned(), english.to_owned()));
        None
    };
    catalog::builtin().clone().visit_texts(&mut collect);
    questionnaire::builtin().clone().visit_texts(&mut collect);
    advice::builtin().clone().visit_texts(&mut collect);
    out
}

/// Numbers the open rows in the order of the action plan: in a staged plan, the first
/// standard's stage before the second's; within a stage, phase by phase, so that working down
/// the list never goes back in time (each row is due at its phase's end); within a phase the
/// critical path (context, scope, policy, roles, risk, Statement of Applicability, catalogue,
/// agreements) first, then the management-system clauses in the order one builds on another
/// (`plan::step`, one per row in `steps`), then by priority, then the larger job first, then
/// the crosswalk's order.
fn rank_plan(rows: &mut [MatrixRow], steps: &[Option<u16>]) {
    let mut open: Vec<usize> = (0..rows.len()).filter(|i| rows[*i].is_open()).collect();
    open.sort_by(|&a, &b| {
        let early = |i: usize| !(rows[i].critical && rows[i].phase <= Phase::Planning);
        let step = |i: usize| steps[i].unwrap_or(u16::MAX);
        let (row_a, row_b) = (&rows[a], &rows[b]);
        row_a
            .second_stage
            .cmp(&row_b.second_stage)
            .then(row_a.phase.cmp(&row_b.phase))
            .then(early(a).cmp(&early(b)))
            .then(step(a).cmp(&step(b)))
            .then(row_b.priority_score.cmp(&row_a.priority_score))
            .then(row_b.remaining_days.total_cmp(&row_a.remaining_days))
    });
    for (rank, index) in open.into_iter().enumerate() {
        rows[index].plan_rank = u16::try_from(rank + 1).unwrap_or(u16::MAX);
    }
}
