//! Per-row derivations: the starting-point action, the effective lead, the status derived from
//! maturity, priority and remaining effort. Small pure functions, each testable on its own.

use super::applicability::ByControl;
use super::facts::Facts;
use super::scope::{StartingPoint, Target, UnderWay};
use crate::advice::{Advice, Tag, Weight};
use crate::assessment::Status;
use crate::catalog::{Family, Lead, Row, RowKind};
use crate::questionnaire::reads::OtherSystem;
use crate::questionnaire::Maturity;

/// The key of what the organisation should do with a row (`engine.action.*`), given where it
/// starts, which implementations are under way, what the row's practice has written down, and
/// whether the row is still open.
pub fn action(
    kind: RowKind,
    lead: Lead,
    start: StartingPoint,
    under_way: UnderWay,
    maturity: Option<Maturity>,
    done: bool,
    reusable: Option<OtherSystem>,
) -> &'static str {
    let open = !done;
    use StartingPoint as S;
    let (isms_project, sms_project) = (
        under_way.iso27001 && !start.has_iso27001(),
        under_way.iso20000 && !start.has_iso20000(),
    );
    // A project's draft of a document exists where the answer says it is written down.
    let drafted = maturity == Some(Maturity::DocumentedOne);
    let unwritten = maturity.is_some_and(|m| !m.is_written());
    if done {
        return match (kind, start) {
            (RowKind::Iso27001Only, start) if start.has_iso27001() => "engine.action.keep-in-isms",
            (RowKind::Iso20000Only, start) if start.has_iso20000() => "engine.action.keep-in-sms",
            (RowKind::Common, S::BothIntegrated) => "engine.action.keep-integrated-document",
            (RowKind::Integrated, S::BothIntegrated) => "engine.action.keep-integrated-process",
            // Implemented for a standard not held yet, or integrated already: nothing to build.
            _ => "engine.action.done-keep-evidence",
        };
    }
    // Held as one integrated system, yet this practice is not written down once for both: for
    // this row there is no integrated document to keep, but one to write (nothing written) or
    // two to merge (written once for each standard), as with two systems held apart
    // (twenty-fourth and twenty-fifth reviews).
    let start = match start {
        S::BothIntegrated if unwritten || drafted => S::BothSeparate,
        start => start,
    };
    match (kind, start) {
        (RowKind::Iso27001Only, start) if start.has_iso27001() && open => {
            "engine.action.complete-in-isms"
        }
        (RowKind::Iso20000Only, start) if start.has_iso20000() && open => {
            "engine.action.complete-in-sms"
        }
        (RowKind::Iso27001Only, _) if isms_project && open => {
            "engine.action.finish-in-isms-project"
        }
        (RowKind::Iso20000Only, _) if sms_project && open => "engine.action.finish-in-sms-project",
        // A project under way with nothing in place yet: its drafts are where the integrated
        // document or process is written, before they are approved.
        (RowKind::Common, S::Neither) => match (isms_project, sms_project, drafted) {
            // The harmonised structure ISO/IEC 27013 builds on: document control, audits,
            // reviews, improvement and competence of an ISO 9001, 14001 or 22301 system serve
            // both.
            // An approved procedure that runs is the base, before a project's draft.
            _ if reusable == Some(OtherSystem::Iso9001) => "engine.action.extend-9001-procedure",
            _ if reusable == Some(OtherSystem::Iso14001) => "engine.action.extend-14001-procedure",
            _ if reusable == Some(OtherSystem::Iso22301) => "engine.action.extend-22301-procedure",
            _ if reusable == Some(OtherSystem::LabAccreditation) => {
                "engine.action.extend-lab-procedure"
            }
            _ if reusable == Some(OtherSystem::QualitySystem) => {
                "engine.action.extend-quality-procedure"
            }
            (true, true, true) => "engine.action.merge-project-drafts",
            (true, false, true) => "engine.action.widen-isms-draft",
            (false, true, true) => "engine.action.widen-sms-draft",
            // Written down already, though no system is held: that document is the start.
            _ if drafted || maturity == Some(Maturity::Integrated) => {
                "engine.action.extend-written-document"
            }
            _ => "engine.action.write-integrated-document",
        },
        // A process is designed in the project of the standard that leads it; a project of the
        // other standard does not hold that process (no service levels in an ISMS project).
        (RowKind::Integrated, S::Neither) => match (isms_project, sms_project, lead) {
            // A business continuity system that runs is the base of the continuity rows,
            // before any project's design.
            _ if reusable == Some(OtherSystem::Iso22301) => "engine.action.extend-22301-continuity",
            // Written down for one standard with no project under way: that procedure is the
            // start, as the summary counts its document to extend.
            (false, false, _) if drafted => "engine.action.extend-written-process",
            // Two designs to merge only where one is written down; else it is designed once.
            (true, true, _) if drafted => "engine.action.merge-project-designs",
            (true, true, Lead::Iso27001) => "engine.action.design-process-27001-led",
            (true, true, _) => "engine.action.design-process-20000-led",
            (true, false, Lead::Iso27001 | Lead::Shared) => "engine.action.design-in-isms-project",
            (false, true, Lead::Iso20000 | Lead::Shared) => "engine.action.design-in-sms-project",
            (_, _, Lead::Iso27001) => "engine.action.design-process-27001-led",
            _ => "engine.action.design-process-20000-led",
        },
        // Nothing written down for the system held: there is no document to extend, so the
        // one written now is integrated from the start.
        (RowKind::Common, S::Iso27001 | S::Iso20000) if unwritten => {
            "engine.action.write-integrated-document"
        }
        // A quality or environmental system held beside the one system: the held system's
        // procedure takes in the other standard and stays one with that system's (twelfth
        // lead-implementer review).
        (RowKind::Common, S::Iso27001) => match reusable {
            Some(OtherSystem::Iso9001) => "engine.action.extend-isms-document-9001",
            Some(OtherSystem::Iso14001) => "engine.action.extend-isms-document-14001",
            Some(OtherSystem::Iso22301) => "engine.action.extend-isms-document-22301",
            Some(OtherSystem::LabAccreditation) => "engine.action.extend-isms-document-lab",
            Some(OtherSystem::QualitySystem) => "engine.action.extend-isms-document-quality",
            _ => "engine.action.extend-isms-document",
        },
        (RowKind::Common, S::Iso20000) => match reusable {
            Some(OtherSystem::Iso9001) => "engine.action.extend-sms-document-9001",
            Some(OtherSystem::Iso14001) => "engine.action.extend-sms-document-14001",
            Some(OtherSystem::Iso22301) => "engine.action.extend-sms-document-22301",
            Some(OtherSystem::LabAccreditation) => "engine.action.extend-sms-document-lab",
            Some(OtherSystem::QualitySystem) => "engine.action.extend-sms-document-quality",
            _ => "engine.action.extend-sms-document",
        },
        // Both systems held, nothing written down for this practice: nothing to merge.
        (RowKind::Common, S::BothSeparate) if unwritten => {
            "engine.action.write-integrated-document"
        }
        // A quality or environmental system held too: the harmonised structure's procedures
        // (document control, audits, reviews, improvement, competence) become one for all three
        // (eleventh lead-implementer review).
        (RowKind::Common, S::BothSeparate) if reusable == Some(OtherSystem::Iso9001) => {
            "engine.action.merge-into-9001-procedure"
        }
        (RowKind::Common, S::BothSeparate) if reusable == Some(OtherSystem::Iso14001) => {
            "engine.action.merge-into-14001-procedure"
        }
        (RowKind::Common, S::BothSeparate) if reusable == Some(OtherSystem::Iso22301) => {
            "engine.action.merge-into-22301-procedure"
        }
        (RowKind::Common, S::BothSeparate) if reusable == Some(OtherSystem::LabAccreditation) => {
            "engine.action.merge-into-lab-procedure"
        }
        (RowKind::Common, S::BothSeparate) if reusable == Some(OtherSystem::QualitySystem) => {
            "engine.action.merge-into-quality-procedure"
        }
        (RowKind::Common, S::BothSeparate) => "engine.action.merge-documents",
        (RowKind::Common, S::BothIntegrated) => "engine.action.keep-integrated-document",
        // The system held is built on, but a process the other standard leads is built to that
        // standard: service level management is not an ISMS control to extend.
        (RowKind::Integrated, S::Iso27001) if lead == Lead::Iso20000 => {
            "engine.action.build-20000-process-on-isms"
        }
        (RowKind::Integrated, S::Iso20000) if lead == Lead::Iso27001 => {
            "engine.action.build-27001-process-on-sms"
        }
        (RowKind::Integrated, S::Iso27001) => "engine.action.extend-isms-control",
        (RowKind::Integrated, S::Iso20000) => "engine.action.add-security-to-sms-process",
        (RowKind::Integrated, S::BothSeparate) if unwritten => match lead {
            Lead::Iso27001 => "engine.action.design-process-27001-led",
            _ => "engine.action.design-process-20000-led",
        },
        (RowKind::Integrated, S::BothSeparate) => "engine.action.merge-processes",
        (RowKind::Integrated, S::BothIntegrated) => "engine.action.keep-integrated-process",
        (RowKind::Iso27001Only, start) if start.has_iso27001() => "engine.action.keep-in-isms",
        (RowKind::Iso27001Only, _) => "engine.action.implement-27001",
        (RowKind::Iso20000Only, start) if start.has_iso20000() => "engine.action.keep-in-sms",
        (RowKind::Iso20000Only, _) => "engine.action.implement-20000",
    }
}

/// The action of a row of the standard certified second that the plan keeps in the first
/// stage (`plan::second_stage`): with ISO/IEC 20000-1 first, an ISO/IEC 27001 control a law or
/// contract names, or one that treats a high risk, which 20000-1 8.7.3.2 asks for at its audit.
/// "Implement for ISO/IEC 27001" would read as work for the later audit; the action says why it
/// is done now (twenty-eighth review).
pub fn kept_in_first_stage(
    action: &'static str,
    target: Target,
    second_stage: bool,
    named_by_duty: bool,
) -> &'static str {
    if second_stage || target != Target::Iso20000First || action != "engine.action.implement-27001"
    {
        return action;
    }
    if named_by_duty {
        "engine.action.implement-27001-for-duty"
    } else {
        "engine.action.implement-27001-for-20000-audit"
    }
}

/// The standard that leads the integrated document: the crosswalk's choice, or for shared rows
/// the system the organisation already has, or else the one whose implementation is under way.
pub fn effective_lead(lead: Lead, start: StartingPoint, under_way: UnderWay) -> Lead {
    match (lead, start) {
        (Lead::Shared, StartingPoint::Iso27001) => Lead::Iso27001,
        (Lead::Shared, StartingPoint::Iso20000) => Lead::Iso20000,
        (Lead::Shared, StartingPoint::Neither) => match (under_way.iso27001, under_way.iso20000) {
            (true, false) => Lead::Iso27001,
            (false, true) => Lead::Iso20000,
            _ => lead,
        },
        (lead, _) => lead,
    }
}

/// The status the maturity answer implies. Written down separately completes a row only
/// one standard asks for; a shared row still needs integrating.
pub fn derived_status(kind: RowKind, applicable: bool, maturity: Option<Maturity>) -> Status {
    if !applicable {
        return Status::NotApplicable;
    }
    match maturity {
        None | Some(Maturity::NotInPlace) => Status::NotStarted,
        Some(Maturity::Informal) => Status::InProgress,
        Some(Maturity::DocumentedOne) => match kind {
            RowKind::Common | RowKind::Integrated => Status::InProgress,
            RowKind::Iso27001Only | RowKind::Iso20000Only => Status::Implemented,
        },
        Some(Maturity::Integrated) => Status::Implemented,
    }
}

crate::vocabulary::vocabulary! {
    /// How urgent an open row is.
    pub enum Priority {
        /// Nothing to do: implemented or not applicable.
        None = "none" => "—",
        Low = "low" => "Low",
        Medium = "medium" => "Medium",
        High = "high" => "High",
    }
}

/// Scope facts that put devices which cannot be patched on an IT schedule on the organisation's
/// own network (medical devices, plants' and utilities' control systems): they raise a control
/// they name by two points, as a fact and a law together would, since segregating and
/// maintaining those devices is where their sector's incidents start (nineteenth review;
/// docs/method.md).
const UNPATCHABLE_DEVICES: [Tag; 2] = [Tag::MedicalDevices, Tag::OperationalTechnology];

/// Practices of the service management side that a scope fact makes urgent.
const PRACTICE_RAISES: [(Tag, &[&str]); 9] = [
    (Tag::RoundTheClock, &["incident", "continuity", "capacity"]),
    (Tag::ExtendedHours, &["incident"]),
    (Tag::ExternalCustomers, &["service-level", "relationship"]),
    // Other companies of a group are served under agreements as external customers are
    // (thirty-fourth review: a group IT provider's agreements rows read medium).
    (Tag::GroupCustomers, &["service-level", "relationship"]),
    (Tag::OutsourcedOperations, &["supplier", "portfolio"]),
    // The desk's provider runs incident and request handling for the organisation, which
    // stays accountable for both processes (20000-1 8.2.3).
    (Tag::OutsourcedServiceDesk, &["incident", "request"]),
    (Tag::CriticalSuppliers, &["supplier"]),
    (Tag::Nis2, &["incident", "continuity"]),
    (Tag::Dora, &["incident", "continuity", "supplier"]),
];

/// Where the plan puts a row, as its priority reads it.
#[derive(Clone, Copy, Default)]
pub struct RowPlace {
    /// On the certification critical path.
    pub critical: bool,
    /// Of the standard certified second (`plan::second_stage`).
    pub second_stage: bool,
    /// An ISMS in place holds the row's controls, its practice written down, and with them
    /// their notification duties: what is open is the 20000-1 process, which has no legal
    /// deadline, so a deadline in force raises nothing (thirty-second review: an incident row
    /// of a certified ISMS read "an interim notification procedure covers them").
    pub deadlines_held: bool,
}

/// How urgent an open row is: its band, a score that orders rows within the plan, and why.
pub struct Urgency {
    pub band: Priority,
    pub score: u8,
    /// How strongly the answers, the laws and the control's weight raise the row, leaving the
    /// critical path out: the points behind the band, shifted to start at 0.
    pub exposure: u8,
    pub reasons: Vec<String>,
    /// The part of `reasons` that raises the row.
    pub raising: std::ops::Range<usize>,
    /// A duty that applies sets a reporting deadline, already in force, on one of its controls.
    pub deadline: bool,
}

/// The priority of a row. Closed rows have none. The certification critical path is High.
/// Annex A controls start from their weight (high 2, medium 1, low 0 points) and gain 1 when a
/// scope fact of the prospect raises them and 1 when a law or scheme that applies names them, so
/// a high-weight control needs one reason to be High and a medium one needs both; other rows
/// are mandatory requirements worth 1 point, raised by 2 when a scope fact makes their practice
/// urgent. Rows of the standard certified second lose 2. 3 points or more is High, 1-2 Medium,
/// less Low.
pub fn priority(
    row: &Row,
    status: Status,
    place: RowPlace,
    facts: &Facts<'_>,
    advice: &Advice,
    current_controls: &ByControl,
) -> Urgency {
    let RowPlace {
        critical,
        second_stage,
        deadlines_held,
    } = place;
    if !status.is_open() {
        return Urgency {
            band: Priority::None,
            score: 0,
            exposure: 0,
            reasons: Vec::new(),
            raising: 0..0,
            deadline: false,
        };
    }
    let texts = facts.texts;
    let mut reasons = Vec::new();
    let mut lowered = false;
    let controls: Vec<&str> = row
        .refs
        .get(Family::Iso27001.current())
        .iter()
        .map(String::as_str)
        .filter(|r| r.starts_with("A."))
        // An excluded control raises nothing: on a shared row the other side still counts.
        .filter(|r| current_controls.get(*r).is_none_or(|a| a.applicable))
        .collect();
    let mut points: i32 = if row.kind == RowKind::Iso27001Only {
        0
    } else {
        1
    };
    // Controls named by a notice or report with a deadline in force (`ObligationControl::
    // deadline`): the row is High whatever its points, since the duty does not wait for the audit.
    let mut deadlines: Vec<String> = Vec::new();
    for reference in &controls {
        let Some(profile) = advice.control(reference) else {
            continue;
        };
        let named: Vec<_> = facts.duties_on(reference).collect();
        // The duties themselves are named in the control's "named by" reason.
        if !deadlines_held && named.iter().any(|(_, c)| c.deadline) {
            deadlines.push(texts.fill(
                "engine.priority.deadline",
                &[("control", &facts.control_label(reference))],
            ));
        }
        let mut p = match profile.weight {
            Weight::High => 2,
            Weight::Medium => 1,
            Weight::Low => 0,
        };
        let duties: Vec<String> = named
            .iter()
            .map(|(o, c)| format!("{} ({})", o.name, c.provision))
            .collect();
        // A law counts once: when it names the control, its tag does not raise it again.
        let raising: Vec<Tag> = profile
            .raised_by
            .iter()
            .copied()
            .filter(|t| facts.raises(*t, reference))
            .filter(|t| duties.is_empty() || !t.is_obligation())
            .collect();
        let raised: Vec<&str> = raising.iter().map(|t| texts.label(*t)).collect();
        if !raised.is_empty() {
            p += 1;
            if raising.iter().any(|t| UNPATCHABLE_DEVICES.contains(t)) {
                p += 1;
            }
            let why = raised.join("; ");
            reasons.push(texts.fill(
                "engine.priority.raised-for-control",
                &[("control", &facts.control_label(reference)), ("why", &why)],
            ));
        }
        if !duties.is_empty() {
            p += 1;
            let by = duties.join(", ");
            reasons.push(texts.fill(
                "engine.priority.named-by",
                &[
                    ("control", &facts.control_label(reference)),
                    ("duties", &by),
                ],
            ));
        }
        points = points.max(p);
    }
    let deadline = !deadlines.is_empty();
    reasons.extend(deadlines);
    if deadline {
        // The most a row can score: first among the High rows of its phase after the critical
        // path, and among the biggest risks in the gap.
        points = points.max(7);
    }
    // The service side: a scope fact that makes the row's process urgent adds 2 to a row
    // without controls, 1 to a row whose controls already count.
    let raised: Vec<&str> = PRACTICE_RAISES
        .iter()
        .filter(|(tag, practices)| facts.has(*tag) && practices.contains(&row.practice.as_str()))
        .map(|(tag, _)| texts.label(*tag))
        .collect();
    if !raised.is_empty() {
        points += if controls.is_empty() { 2 } else { 1 };
        let why = raised.join("; ");
        reasons.push(texts.fill("engine.priority.raised-for-process", &[("why", &why)]));
    }
    // Rows of the standard certified second (`plan::second_stage`): not those a duty names.
    // One on that standard's critical path stays High, and its reason names the second audit
    // instead: "lowered" beside "critical path" would read as a contradiction.
    if second_stage {
        points -= 2;
        if !critical {
            let key = match facts.target {
                Target::Iso20000First => "engine.priority.lowered-20000-first",
                _ => "engine.priority.lowered-27001-first",
            };
            reasons.push(texts.get(key).to_owned());
            lowered = true;
        }
    }
    let mut band = match points {
        3.. => Priority::High,
        1..=2 => Priority::Medium,
        _ => Priority::Low,
    };
    let mut raising = 0..reasons.len() - usize::from(lowered);
    if critical {
        raising = raising.start + 1..raising.end + 1;
        band = Priority::High;
        let key = match (second_stage, facts.target) {
            (false, _) => "engine.priority.critical-path",
            (true, Target::Iso20000First) => "engine.priority.critical-path-second-after-20000",
            (true, _) => "engine.priority.critical-path-second-after-27001",
        };
        reasons.insert(0, texts.get(key).to_owned());
    }
    let rank: u8 = match band {
        Priority::High => 3,
        Priority::Medium => 2,
        Priority::Low => 1,
        Priority::None => 0,
    };
    let started = u8::from(status == Status::NotStarted);
    let exposure = (points.clamp(-2, 7) + 2) as u8;
    let score = rank * 20 + u8::from(critical) * 10 + exposure + started;
    Urgency {
        band,
        score,
        exposure,
        reasons,
        raising,
        deadline,
    }
}
