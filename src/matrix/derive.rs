//! Per-row derivations: the starting-point action, the effective lead, the status derived from
//! maturity, priority and remaining effort. Small pure functions, each testable on its own.

use super::scope::{StartingPoint, Target};
use crate::assessment::Status;
use crate::catalog::{Lead, Pdca, Row, RowKind};
use crate::questionnaire::Maturity;

/// What the organisation should do with a row given where it starts and whether the row is
/// still open.
pub fn action(kind: RowKind, lead: Lead, start: StartingPoint, open: bool) -> &'static str {
    use StartingPoint as S;
    match (kind, start) {
        (RowKind::Iso27001Only, start) if start.has_iso27001() && open => {
            "Complete in the ISMS; nothing to integrate"
        }
        (RowKind::Iso20000Only, start) if start.has_iso20000() && open => {
            "Complete in the SMS; nothing to integrate"
        }
        (RowKind::Common, S::Neither) => "Write one integrated document covering both standards",
        (RowKind::Common, S::Iso27001) => "Extend the ISMS document to cover the SMS",
        (RowKind::Common, S::Iso20000) => "Extend the SMS document to cover the ISMS",
        (RowKind::Common, S::BothSeparate) => "Merge the ISMS and SMS documents into one",
        (RowKind::Common, S::BothIntegrated) => {
            "Keep the integrated document; check it covers both"
        }
        (RowKind::Integrated, S::Neither) => match lead {
            Lead::Iso27001 => {
                "Design one process led by ISO/IEC 27001 that also meets ISO/IEC 20000-1"
            }
            _ => "Design one process led by ISO/IEC 20000-1 that also meets ISO/IEC 27001",
        },
        (RowKind::Integrated, S::Iso27001) => {
            "Extend the ISMS control into a process that also meets ISO/IEC 20000-1"
        }
        (RowKind::Integrated, S::Iso20000) => {
            "Add the ISO/IEC 27001 security requirements to the SMS process"
        }
        (RowKind::Integrated, S::BothSeparate) => "Merge the two processes into one",
        (RowKind::Integrated, S::BothIntegrated) => {
            "Keep the integrated process; check it covers both"
        }
        (RowKind::Iso27001Only, start) if start.has_iso27001() => {
            "Keep in the ISMS; nothing to integrate"
        }
        (RowKind::Iso27001Only, _) => "Implement for ISO/IEC 27001",
        (RowKind::Iso20000Only, start) if start.has_iso20000() => {
            "Keep in the SMS; nothing to integrate"
        }
        (RowKind::Iso20000Only, _) => "Implement for ISO/IEC 20000-1",
    }
}

/// The standard that leads the integrated document: the crosswalk's choice, or for shared rows
/// the system the organisation already has.
pub fn effective_lead(lead: Lead, start: StartingPoint) -> Lead {
    match (lead, start) {
        (Lead::Shared, StartingPoint::Iso27001) => Lead::Iso27001,
        (Lead::Shared, StartingPoint::Iso20000) => Lead::Iso20000,
        (lead, _) => lead,
    }
}

/// The status the maturity answer implies. "Documented for one standard" completes a row only
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

/// Priority score (0 for closed rows) and its band. The score orders the action plan.
pub fn priority(row: &Row, status: Status, target: Target, raised: bool) -> (u8, Priority) {
    if !status.is_open() {
        return (0, Priority::None);
    }
    let mut score: i32 = match status {
        Status::NotStarted => 3,
        _ => 1,
    };
    score += match row.kind {
        RowKind::Common => 2,
        RowKind::Integrated => 1,
        _ => 0,
    };
    if row.pdca == Pdca::Plan {
        score += 1;
    }
    if row.strength >= 7 {
        score += 1;
    }
    if raised {
        score += 2;
    }
    match (target, row.kind) {
        (Target::Iso27001First, RowKind::Iso20000Only)
        | (Target::Iso20000First, RowKind::Iso27001Only) => score -= 2,
        _ => {}
    }
    let score = score.clamp(1, 10) as u8;
    let band = match score {
        6.. => Priority::High,
        4..=5 => Priority::Medium,
        _ => Priority::Low,
    };
    (score, band)
}

/// Indicative person-days per effort weight 1-5, for a medium-sized organisation.
const DAYS_BY_WEIGHT: [f64; 5] = [1.0, 2.0, 4.0, 8.0, 15.0];

/// Remaining effort in person-days, rounded to half days.
pub fn remaining_days(effort_weight: u8, status: Status, size_factor: f64) -> f64 {
    let remaining = match status {
        Status::NotStarted => 1.0,
        Status::InProgress => 0.5,
        Status::Implemented | Status::NotApplicable => 0.0,
    };
    let index = usize::from(effort_weight.clamp(1, 5) - 1);
    (DAYS_BY_WEIGHT[index] * remaining * size_factor * 2.0).round() / 2.0
}
