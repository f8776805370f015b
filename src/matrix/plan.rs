//! The plan's shape: the five phases of an implementation that ends in a certification audit,
//! which phase each row belongs to, which rows are on the certification critical path, and the
//! phases' target dates from the assessment date and the audit date or timeline.

use serde::Serialize;

use super::scope::{StartingPoint, Target};
use crate::catalog::{Family, Row, RowKind};
use crate::date::Date;
use crate::i18n::Texts;
use crate::questionnaire::reads::{self, Timeline};
use crate::questionnaire::Answers;

crate::vocabulary::vocabulary! {
    /// A phase of the implementation, in the order the work is done.
    pub enum Phase {
        /// Scope, leadership, policy, roles, resources and document control.
        Foundations = "foundations" => "1 Foundations",
        /// Risk method, the first assessment and the treatment, the Statement of
        /// Applicability; objectives and the service portfolio, catalogue and agreements.
        Planning = "planning" => "2 Risk and service planning",
        /// The Annex A controls and the service management processes.
        Implement = "implement" => "3 Controls and processes",
        /// Monitoring and reporting long enough to show records.
        Operate = "operate" => "4 Operate and measure",
        /// Internal audit, management review and corrective action before certification.
        Review = "review" => "5 Audit and review",
    }
}

/// The key of the method in a paragraph, as the app, the workbook and the report state it;
/// docs/method.md gives the detail.
pub const METHOD: &str = "engine.method";

/// The key of what a language says about the standards' titles it shows (in English, nothing:
/// the titles are the standards' own); shown after the method.
pub const TITLES_NOTE: &str = "engine.titles-note";

/// Percent of the time to the certification audit by which each phase should end. The last
/// phase ends with 10% of the time left (about five weeks of a year's plan), so findings of the
/// internal audit and management review can be corrected, and a stage 1 visit held, before
/// the certification audit; 5% left two and a half weeks, which a lead implementer's review
/// found too short to close them. A shorter plan keeps at least `STAGE_ONE_DAYS`.
const PHASE_ENDS: [(Phase, i64); 5] = [
    (Phase::Foundations, 15),
    (Phase::Planning, 35),
    (Phase::Implement, 65),
    (Phase::Operate, 85),
    (Phase::Review, 90),
];

/// References of the current editions that put a row on the certification critical path:
/// without them a certification body cannot start (the context and interested parties the
/// scope rests on, scope, the management system itself, top management's commitment, policy,
/// roles, the objectives and the plans to reach them, which stage 1 reviews (ISO/IEC 17021-1,
/// 9.3.1.2.2 c; twenty-ninth review), the risk method, the first risk assessment and the treatment
/// with the Statement of Applicability, and the treatment carried out, whose evidence stage 2
/// asks for; the inventory of information and assets (A.5.9, with 20000-1 8.2.5 on its row),
/// which the first assessment identifies risks to (thirty-ninth review), and the register of
/// legal, regulatory and contractual requirements (A.5.31), which the Statement of
/// Applicability's legal bases come from (its verification); the SMS plan (20000-1 6.3, one
/// of the documents 7.5.4 lists), the services delivered and planned that the catalogue
/// describes, the other parties that operate parts of them (whose part the service levels rest
/// on), the catalogue and service agreements),
/// or cannot certify (internal audit, the management review with its inputs and results). Both
/// lists hold the policy and roles: 20000-1 asks for them before its audit as 27001 does, and
/// its information security management (8.7.3.1 the policy, 8.7.3.2 the risks assessed and the
/// controls that treat them), which a 20000-1 auditor checks directly: in a 20000-1-first plan
/// the risk assessment that selects the controls kept for that audit is on its path.
const CRITICAL_27001: [&str; 20] = [
    "4.1", "4.2", "4.3", "4.4", "5.1", "5.2", "5.3", "6.1.1", "6.1.2", "A.5.9", "A.5.31", "6.1.3",
    "6.2", "8.2", "8.3", "9.2.1", "9.2.2", "9.3.1", "9.3.2", "9.3.3",
];
const CRITICAL_20000: [&str; 22] = [
    "4.1", "4.2", "4.3", "4.4", "5.1", "5.2.1", "5.2.2", "5.3", "6.1", "6.2.1", "6.2.2", "6.3",
    "8.2.1", "8.2.2", "8.2.3", "8.2.4", "8.2.5", "8.3.3", "8.7.3.1", "8.7.3.2", "9.2", "9.3",
];

/// The management-system clauses of the current editions in the order one is built on
/// another, which the plan follows within a phase before priority: context and interested
/// parties before the scope; the risk method, then the inventory of information and assets
/// (A.5.9) the first assessment (27001 8.2) identifies risks to and the register of
/// requirements (A.5.31) the assessment and the SoA take duties from, then the assessment, then the
/// treatment and the Statement of Applicability, then carrying out the treatment (8.3); the
/// audit programme before the audits, their nonconformities corrected before the management
/// review that takes them as input, continual improvement last. Document order, except where
/// the dependency differs from it.
const SEQUENCE: [(Family, &str); 42] = [
    (Family::Iso27001, "4.1"),
    (Family::Iso20000, "4.1"),
    (Family::Iso27001, "4.2"),
    (Family::Iso20000, "4.2"),
    (Family::Iso27001, "4.3"),
    (Family::Iso20000, "4.3"),
    (Family::Iso27001, "4.4"),
    (Family::Iso20000, "4.4"),
    (Family::Iso27001, "5.1"),
    (Family::Iso20000, "5.1"),
    (Family::Iso27001, "5.2"),
    (Family::Iso20000, "5.2"),
    (Family::Iso27001, "5.3"),
    (Family::Iso20000, "5.3"),
    (Family::Iso27001, "6.1.1"),
    (Family::Iso20000, "6.1"),
    (Family::Iso27001, "6.1.2"),
    (Family::Iso27001, "A.5.9"),
    (Family::Iso27001, "A.5.31"),
    (Family::Iso27001, "8.2"),
    (Family::Iso27001, "6.1.3"),
    (Family::Iso27001, "8.3"),
    (Family::Iso27001, "6.2"),
    (Family::Iso20000, "6.2"),
    (Family::Iso27001, "6.3"),
    (Family::Iso20000, "6.3"),
    // The services before their agreements: delivered and planned (8.2.1, 8.2.2), the parties
    // involved (8.2.3), the catalogue (8.2.4), then the service levels agreed on it (8.3.3).
    (Family::Iso20000, "8.2.1"),
    (Family::Iso20000, "8.2.2"),
    (Family::Iso20000, "8.2.3"),
    (Family::Iso20000, "8.2.4"),
    (Family::Iso20000, "8.3.3"),
    (Family::Iso27001, "9.2.2"),
    (Family::Iso27001, "9.2.1"),
    (Family::Iso20000, "9.2"),
    (Family::Iso27001, "10.2"),
    (Family::Iso20000, "10.1"),
    (Family::Iso27001, "9.3.1"),
    (Family::Iso27001, "9.3.2"),
    (Family::Iso27001, "9.3.3"),
    (Family::Iso20000, "9.3"),
    (Family::Iso27001, "10.1"),
    (Family::Iso20000, "10.2"),
];

/// Where a row stands in `SEQUENCE`: its earliest reference there. `None` for rows the
/// sequence does not name (the controls and service management processes), which the plan
/// orders by priority alone.
pub fn step(row: &Row) -> Option<u16> {
    let refs = |family: Family| row.refs.get(family.current());
    SEQUENCE
        .iter()
        .position(|(family, reference)| refs(*family).iter().any(|r| r == reference))
        .and_then(|i| u16::try_from(i).ok())
}

/// Whether a row is on the critical path of the certification its stage leads to: either
/// standard's list for one audit of both; in a staged plan, the list of the standard its stage
/// certifies (the service catalogue is not on the path to an ISO/IEC 27001 audit).
pub fn critical(row: &Row, target: Target, second_stage: bool) -> bool {
    let on = |family: Family, list: &[&str]| {
        row.refs
            .get(family.current())
            .iter()
            .any(|r| list.contains(&r.as_str()))
    };
    let (iso27001, iso20000) = (
        on(Family::Iso27001, &CRITICAL_27001),
        on(Family::Iso20000, &CRITICAL_20000),
    );
    match (target, second_stage) {
        (Target::Iso27001First, false) | (Target::Iso20000First, true) => iso27001,
        (Target::Iso20000First, false) | (Target::Iso27001First, true) => iso20000,
        _ => iso27001 || iso20000,
    }
}

/// The phase a row's work belongs to: by its practice, except for the risk process run for
/// the first time: the first assessment (27001 8.2) gives the results the treatment and the
/// Statement of Applicability rest on, so it is planning; carrying out the treatment (8.3) is
/// done with the controls it selects. The register of legal, regulatory and contractual
/// requirements (A.5.31) is planning too: the interested parties' requirements (4.2) include
/// them, and the Statement of Applicability's legal bases (6.1.3) come from it. So is the
/// inventory of information and assets (A.5.9): the first assessment identifies risks to what
/// it lists (6.1.2 c)), and the GDPR's records of processing, due already, rest on it
/// (thirty-ninth review: the inventory was planned three months after the assessment).
pub fn phase(row: &Row) -> Phase {
    let refs = row.refs.get(Family::Iso27001.current());
    if refs
        .iter()
        .any(|r| r == "8.2" || r == "A.5.31" || r == "A.5.9")
    {
        return Phase::Planning;
    }
    if refs.iter().any(|r| r == "8.3") {
        return Phase::Implement;
    }
    phase_of_practice(&row.practice).unwrap_or(Phase::Implement)
}

/// The phase of each practice the crosswalk uses; `None` for a practice not listed here, which
/// a test forbids for the built-in data.
pub fn phase_of_practice(practice: &str) -> Option<Phase> {
    Some(match practice {
        "context" | "scope" | "leadership" | "policy" | "resources" | "documented-information" => {
            Phase::Foundations
        }
        "risk" | "infosec-risk" | "objectives" | "change-planning" | "portfolio" | "catalogue"
        | "service-level" | "relationship" | "budgeting" | "demand" => Phase::Planning,
        "competence"
        | "awareness"
        | "communication"
        | "operational-control"
        | "org-controls"
        | "people"
        | "physical"
        | "access"
        | "crypto"
        | "operations"
        | "network"
        | "development"
        | "compliance"
        | "supplier"
        | "asset-config"
        | "incident"
        | "continuity"
        | "change"
        | "capacity"
        | "design-transition"
        | "release"
        | "request"
        | "knowledge" => Phase::Implement,
        "monitoring" | "reporting" => Phase::Operate,
        "internal-audit" | "management-review" | "improvement" => Phase::Review,
        _ => return None,
    })
}

/// Months from the first certification audit to the second standard's, for a staged target:
/// the first certificate's first surveillance audit falls within twelve months, and one visit
/// of the certification body can cover both.
pub const SECOND_AUDIT_MONTHS: u32 = 12;

/// Whether a row belongs to the standard certified second: a row for that standard only, when
/// the target certifies one standard first. Shared and integrated rows are built once, in the
/// first stage, as ISO/IEC 27013 advises; so is a control a law or contract names
/// (`named_by_duty`): the order of certification does not delay a duty. The exception is an
/// integrated row that holds nothing of ISO/IEC 27001 of its own (`holds_only_borrowed`,
/// `ownership.rs`: the service levels, 20000-1 8.3.3, hold A.5.22, which supplier monitoring
/// implements; the control of parties, 8.2.3, holds A.5.19 and 27001 8.1): with 27001 first it
/// is 20000-1 work, planned after the services and catalogue it rests on rather than a year
/// before them. A duty naming its control does not keep it in the first stage, since the
/// control's own rows, which stay there, meet the duty. And where the standard certified first
/// is held already and a shared or integrated row's practice is written down in it
/// (`first_side_done`), what is left on the row is the other standard's: extending the held
/// system's document or process to it is work for the second audit, not a rework of a running
/// system weeks before the first (twenty-first review).
pub fn second_stage(
    kind: RowKind,
    target: Target,
    named_by_duty: bool,
    holds_only_borrowed: bool,
    first_side_done: bool,
) -> bool {
    match (target, kind) {
        (Target::Iso27001First, RowKind::Iso20000Only)
        | (Target::Iso20000First, RowKind::Iso27001Only) => !named_by_duty,
        (Target::Iso27001First, RowKind::Integrated | RowKind::Common) => {
            holds_only_borrowed || first_side_done
        }
        (Target::Iso20000First, RowKind::Integrated | RowKind::Common) => first_side_done,
        _ => false,
    }
}

/// The row that plans changes to the management systems (27001 6.3, 20000-1 6.3).
pub const CHANGE_PLANNING: &str = "common.change-planning";

/// Whether the target changes a system in place: two systems run apart are merged, or the
/// other standard is added to the one held. That change is planned before the documents it
/// changes (27001 6.3, 20000-1 6.3), and the certification bodies hear of it before it takes
/// effect (ISO/IEC 17021-1, 8.5.3; twenty-second review).
pub fn changes_held_system(start: StartingPoint, target: Target) -> bool {
    match start {
        StartingPoint::BothSeparate => true,
        StartingPoint::Iso27001 | StartingPoint::Iso20000 => {
            matches!(target, Target::AddCombined | Target::Integrated)
        }
        _ => false,
    }
}

/// The action of the row that plans the change to the held systems (`changes_held_system`), in
/// the words of what is held: only a certified system has a certification body to tell, and a
/// system whose documents follow a withdrawn edition (ISO/IEC 27001:2013, 20000-1:2011) moves
/// to the current one in the same change, since its next audit is against that edition.
pub fn held_change_action(
    texts: &Texts,
    start: StartingPoint,
    answers: &Answers,
    documents: crate::assessment::Editions,
) -> String {
    let certified = |q: &reads::Single<reads::Holding>| held(answers, q);
    let on_older = |family: Family| {
        let documents = documents.of(family);
        (documents != family.current()).then(|| family.current().label())
    };
    let (action, older) = match start {
        StartingPoint::BothSeparate => {
            let action = match (
                certified(&reads::START_ISO27001),
                certified(&reads::START_ISO20000),
            ) {
                (true, true) => texts.get("engine.action.plan-the-merge").to_owned(),
                (true, false) => texts.fill(
                    "engine.action.plan-the-merge-one-certified",
                    &[("standard", &Family::Iso27001.designation())],
                ),
                (false, true) => texts.fill(
                    "engine.action.plan-the-merge-one-certified",
                    &[("standard", &Family::Iso20000.designation())],
                ),
                (false, false) => texts
                    .get("engine.action.plan-the-merge-uncertified")
                    .to_owned(),
            };
            let older: Vec<&str> = [Family::Iso27001, Family::Iso20000]
                .into_iter()
                .filter_map(on_older)
                .collect();
            (action, older)
        }
        StartingPoint::Iso27001 | StartingPoint::Iso20000 => {
            let (family, question) = if start == StartingPoint::Iso27001 {
                (Family::Iso27001, &reads::START_ISO27001)
            } else {
                (Family::Iso20000, &reads::START_ISO20000)
            };
            let action = texts
                .get(if certified(question) {
                    "engine.action.plan-the-addition"
                } else {
                    "engine.action.plan-the-addition-uncertified"
                })
                .to_owned();
            (action, on_older(family).into_iter().collect())
        }
        _ => return String::new(),
    };
    if older.is_empty() {
        return action;
    }
    let editions = super::applicability::join_and(texts, &older);
    action
        + &texts.fill(
            "engine.action.move-to-current-edition",
            &[("editions", &editions)],
        )
}

/// Where the row planning a change to a held system stands in `SEQUENCE`: after the context
/// and interested parties it starts from, before the scope and everything it changes.
pub fn step_of_held_change() -> Option<u16> {
    SEQUENCE
        .iter()
        .position(|entry| *entry == (Family::Iso20000, "4.2"))
        .and_then(|i| u16::try_from(i).ok())
}

/// Whether a staged target certifies first a standard whose system is in place already: then
/// what shared and integrated rows still need is the other standard's (`second_stage`).
pub fn first_standard_held(target: Target, start: StartingPoint) -> bool {
    match target {
        Target::Iso27001First => start.has_iso27001(),
        Target::Iso20000First => start.has_iso20000(),
        _ => false,
    }
}

/// When each phase should end, and where the dates come from.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Schedule {
    /// The assessment date the plan counts from.
    pub start: String,
    /// The certification audit: the date given, or the end of the timeline chosen.
    pub audit: String,
    /// Where the audit date comes from, in words.
    pub basis: String,
    /// What the audit is: one combined audit for both standards, or the first certification.
    pub audit_label: String,
    /// True when no timeline was chosen and twelve months were assumed.
    pub assumed: bool,
    pub phases: Vec<PhaseEnd>,
    /// For a staged target, the standard certified second: its audit and the ends of its
    /// phases, spread over the time between the two audits.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub second: Option<Milestone>,
}

/// The second standard's certification in a staged plan.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Milestone {
    pub audit: String,
    pub audit_label: String,
    /// Where its date comes from, in words.
    pub basis: String,
    pub phases: Vec<PhaseEnd>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PhaseEnd {
    pub phase: Phase,
    pub ends: String,
}

/// Days left after the last phase at least, for the stage 1 visit and what it finds: ISO/IEC
/// 17021-1's stage 1 looks at whether internal audits and management reviews are performed,
/// and the gap to stage 2 is for resolving its concerns. 10% of a short plan leaves too little
/// (18 days of six months, 9 of three), so the last phase ends at least five weeks before the
/// audit, or a fifth of the span when that is shorter.
const STAGE_ONE_DAYS: i64 = 35;

/// The end of each phase between two dates, each on a working day.
fn phase_ends(from: Date, to: Date) -> Vec<PhaseEnd> {
    let span = from.days_until(to);
    let last_share = PHASE_ENDS[PHASE_ENDS.len() - 1].1;
    let reserve = STAGE_ONE_DAYS.min(span / 5);
    // Whole days, halves rounded up, in integers so no float rounding moves a date.
    let day = |share: i64| {
        if span - (span * last_share + 50) / 100 >= reserve {
            (span * share + 50) / 100
        } else {
            // The shares spread over the time before the reserve instead.
            ((span - reserve) * share + last_share / 2) / last_share
        }
    };
    PHASE_ENDS
        .iter()
        .map(|(phase, share)| {
            let end = from.add_days(day(*share));
            // Never before the span starts: an assessment made at a weekend with an audit a day
            // or two ahead keeps its own date (thirty-fifth review's check).
            let working = end.working_day_on_or_before_within(from);
            PhaseEnd {
                phase: *phase,
                ends: working.to_string(),
            }
        })
        .collect()
}

/// Months to the audit for a timeline answer, and whether it was assumed.
fn months(timeline: Option<Timeline>) -> (u32, bool) {
    match timeline {
        Some(Timeline::ThreeMonths) => (3, false),
        Some(Timeline::SixMonths) => (6, false),
        Some(Timeline::TwelveMonths) => (12, false),
        Some(Timeline::Longer) => (18, false),
        Some(Timeline::Undecided) | None => (12, true),
    }
}

/// The two standards are audited apart: the prospect wants no combined audit, or has a
/// certification body for each.
pub fn separate_audits(answers: &Answers) -> bool {
    reads::CERT_COMBINED.get(answers) != Some(true)
        || reads::CERT_BODY.get(answers) == Some(reads::CertBody::Separate)
}

/// The prospect answered that the two standards are audited apart: no combined audit, or a
/// body for each. Unanswered is not taken for apart, where a check would then contradict the
/// combined audit a held certificate's goal names.
pub fn apart_as_answered(answers: &Answers) -> bool {
    reads::CERT_COMBINED.get(answers) == Some(false)
        || reads::CERT_BODY.get(answers) == Some(reads::CertBody::Separate)
}

/// Whether both ISO/IEC 27001 and ISO/IEC 20000-1 certificates are held.
pub fn holds_both(answers: &Answers) -> bool {
    [&reads::START_ISO27001, &reads::START_ISO20000]
        .iter()
        .all(|q| held(answers, q))
}

/// Whether the certificate this starting-point question asks about is held.
pub fn held(answers: &Answers, question: &reads::Single<reads::Holding>) -> bool {
    question.get(answers) == Some(reads::Holding::Certified)
}

impl Schedule {
    /// The schedule from the assessment's creation date, the audit date if one is given and
    /// lies ahead, otherwise the timeline; for a staged target, the second standard's audit
    /// `SECOND_AUDIT_MONTHS` after the first.
    pub fn new(
        texts: &Texts,
        created: &str,
        answers: &Answers,
        target: Target,
    ) -> Option<Schedule> {
        let start = Date::of_timestamp(created)?;
        let given = reads::CERT_AUDIT_DATE
            .get(answers)
            .filter(|d| start.days_until(*d) > 0);
        let (audit, basis, assumed) = match given {
            Some(date) => (
                date,
                texts.get("engine.schedule.audit-date-given").to_owned(),
                false,
            ),
            None => {
                let timeline = reads::START_TIMELINE.get(answers);
                let (m, assumed) = months(timeline);
                let basis = if assumed {
                    texts.get("engine.schedule.assumed").to_owned()
                } else if timeline == Some(Timeline::Longer) {
                    // "More than 12 months" names no length: say what was assumed for it.
                    texts.fill("engine.schedule.timeline-longer", &[("months", &m)])
                } else {
                    texts.fill("engine.schedule.timeline", &[("months", &m)])
                };
                (
                    start.add_months(m).working_day_on_or_before(),
                    basis,
                    assumed,
                )
            }
        };
        // One visit for both needs one body: with a body for each, the audits are apart
        // whatever the answer on combining (a check says so).
        let combined = reads::CERT_COMBINED.get(answers) == Some(true)
            && reads::CERT_BODY.get(answers) != Some(reads::CertBody::Separate);
        let (first_label, second_label) = match target {
            // Combined, the second standard's initial audit is held with the first standard's
            // first surveillance audit, a year on (`SECOND_AUDIT_MONTHS`).
            Target::Iso27001First => (
                "engine.schedule.audit-27001",
                if combined {
                    "engine.schedule.staged-20000"
                } else {
                    "engine.schedule.audit-20000"
                },
            ),
            Target::Iso20000First => (
                "engine.schedule.audit-20000",
                if combined {
                    "engine.schedule.staged-27001"
                } else {
                    "engine.schedule.audit-27001"
                },
            ),
            // Both certificates held: the next audit is a surveillance or recertification
            // audit of the merged system, not a certification audit.
            Target::Integrated if holds_both(answers) => (
                if combined {
                    "engine.schedule.combined-surveillance"
                } else {
                    "engine.schedule.surveillance"
                },
                "",
            ),
            // One standard added to a certificate held: the added one's initial audit, held with
            // the held one's surveillance or recertification audit (or alone, when the audits
            // are not combined), not a certification audit of both.
            Target::AddCombined if held(answers, &reads::START_ISO27001) => (
                if combined {
                    "engine.schedule.add-20000"
                } else {
                    "engine.schedule.audit-20000"
                },
                "",
            ),
            Target::AddCombined if held(answers, &reads::START_ISO20000) => (
                if combined {
                    "engine.schedule.add-27001"
                } else {
                    "engine.schedule.audit-27001"
                },
                "",
            ),
            Target::Integrated | Target::AddCombined => (
                if combined {
                    "engine.schedule.combined-audit"
                } else {
                    "engine.schedule.audit"
                },
                "",
            ),
        };
        // A year after the first audit its first surveillance visit falls, which one body can
        // combine with the second standard's audit; audited apart, the year is an assumption.
        let second_basis = if separate_audits(answers) {
            "engine.schedule.second-audit-separate"
        } else {
            "engine.schedule.second-audit"
        };
        let second = (!second_label.is_empty()).then(|| {
            let second_audit = audit
                .add_months(SECOND_AUDIT_MONTHS)
                .working_day_on_or_before();
            Milestone {
                audit: second_audit.to_string(),
                audit_label: texts.get(second_label).to_owned(),
                basis: texts.fill(second_basis, &[("months", &SECOND_AUDIT_MONTHS)]),
                phases: phase_ends(audit, second_audit),
            }
        });
        Some(Schedule {
            start: start.to_string(),
            audit: audit.to_string(),
            basis,
            audit_label: texts.get(first_label).to_owned(),
            assumed,
            phases: phase_ends(start, audit),
            second,
        })
    }

    /// The target date of a row's phase, in the second stage's window for a second-stage row.
    pub fn ends_for(&self, phase: Phase, second_stage: bool) -> &str {
        let phases = match (&self.second, second_stage) {
            (Some(second), true) => &second.phases,
            _ => &self.phases,
        };
        phases
            .iter()
            .find(|p| p.phase == phase)
            .map_or("", |p| p.ends.as_str())
    }

    pub fn ends(&self, phase: Phase) -> &str {
        self.ends_for(phase, false)
    }

    /// Whole months from the assessment date to the audit.
    pub fn months(&self) -> i64 {
        match (Date::parse(&self.start), Date::parse(&self.audit)) {
            (Some(s), Some(a)) => s.days_until(a) / 30,
            _ => 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reference_of_the_critical_path_and_the_sequence_is_a_clause_of_the_current_editions() {
        let catalog = crate::catalog::builtin();
        let clause = |family: Family, reference: &str| {
            catalog
                .standard(family.current())
                .node(reference)
                .is_some_and(|node| node.kind == crate::catalog::NodeKind::Clause)
                .then_some(())
                .ok_or_else(|| format!("{family:?} {reference}"))
        };
        // The two controls on the path and in the sequence: the inventory the first risk
        // assessment rests on and the register the SoA's legal bases come from.
        let control = |reference: &str| ["A.5.9", "A.5.31"].contains(&reference);
        for reference in CRITICAL_27001 {
            if !control(reference) {
                clause(Family::Iso27001, reference).unwrap();
            }
        }
        for reference in CRITICAL_20000 {
            clause(Family::Iso20000, reference).unwrap();
        }
        for (family, reference) in SEQUENCE {
            if !(family == Family::Iso27001 && control(reference)) {
                clause(family, reference).unwrap();
            }
        }
        // Each clause once in the sequence.
        for (i, entry) in SEQUENCE.iter().enumerate() {
            assert!(!SEQUENCE[..i].contains(entry), "{entry:?} twice");
        }
    }
}
