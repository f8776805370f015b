//! Remaining effort in person-days: the row's effort weight, what is left of it by status, and
//! the answers that scale it (size, sites, services, customers, tools in place, other management
//! systems and attestations to reuse, round-the-clock operation, outsourcing). Each factor that
//! changes a row says so, so every figure can be defended.

use crate::advice::Tag;
use crate::assessment::Status;
use crate::catalog::{Family, Row};
use crate::questionnaire::reads::{self, Customers, OrgSize, OtherSystem, Tool};
use crate::questionnaire::Answers;

use super::facts::Facts;

/// Indicative person-days per effort weight 1-5, for a medium-sized organisation.
const DAYS_BY_WEIGHT: [f64; 5] = [1.0, 2.0, 4.0, 8.0, 15.0];

/// Practices whose work repeats per service in scope.
const PER_SERVICE: [&str; 9] = [
    "portfolio",
    "catalogue",
    "service-level",
    "design-transition",
    "release",
    "capacity",
    "continuity",
    "reporting",
    "budgeting",
];
/// Practices whose work repeats per customer.
const PER_CUSTOMER: [&str; 3] = ["service-level", "relationship", "reporting"];
/// Practices that reuse another ISO management system's machinery.
const SHARED_SYSTEM: [&str; 5] = [
    "documented-information",
    "internal-audit",
    "management-review",
    "improvement",
    "competence",
];

/// One factor applied to a row's effort, with why.
struct Factor(f64, String);

/// Remaining person-days for a row (half-day steps) and the factors other than 1 that shaped it.
pub fn remaining(
    row: &Row,
    status: Status,
    facts: &Facts<'_>,
    answers: &Answers,
) -> (f64, Vec<String>) {
    let left = match status {
        Status::NotStarted => 1.0,
        Status::InProgress => 0.5,
        Status::Implemented | Status::NotApplicable => return (0.0, Vec::new()),
    };
    let factors = factors(row, facts, answers);
    let base = DAYS_BY_WEIGHT[usize::from(row.effort.clamp(1, 5) - 1)];
    let product: f64 = factors.iter().map(|f| f.0).product();
    let days = (base * left * product * 2.0).round() / 2.0;
    (days.max(0.5), factors.into_iter().map(|f| f.1).collect())
}

fn factors(row: &Row, facts: &Facts<'_>, answers: &Answers) -> Vec<Factor> {
    let mut out = Vec::new();
    let practice = row.practice.as_str();
    let controls: Vec<&str> = row
        .refs
        .get(Family::Iso27001.current())
        .iter()
        .map(String::as_str)
        .filter(|r| r.starts_with("A."))
        .collect();
    let size = match reads::ORG_SIZE.get(answers) {
        Some(OrgSize::Micro) => Some((0.6, "1–9 people")),
        Some(OrgSize::Small) => Some((0.8, "10–49 people")),
        Some(OrgSize::Large) => Some((1.4, "250–999 people")),
        Some(OrgSize::Enterprise) => Some((1.8, "1,000 people or more")),
        Some(OrgSize::Medium) | None => None,
    };
    if let Some((f, why)) = size {
        out.push(Factor(f, format!("×{f} for size ({why})")));
    }
    if practice == "physical" {
        if let Some(sites) = reads::ORG_SITES.get(answers).filter(|n| *n > 1) {
            // Each further site adds half a site's work: policy and design are shared, the
            // perimeter, entry control and checks are not.
            let f = (1.0 + 0.5 * (sites - 1) as f64).min(6.0);
            out.push(Factor(f, format!("×{f} for {sites} sites")));
        }
    }
    if PER_SERVICE.contains(&practice) {
        if let Some(services) = reads::ORG_SERVICES.get(answers) {
            let f = match services {
                ..=3 => 1.0,
                4..=10 => 1.3,
                11..=30 => 1.6,
                _ => 2.0,
            };
            if f != 1.0 {
                out.push(Factor(f, format!("×{f} for {services} services")));
            }
        }
    }
    if PER_CUSTOMER.contains(&practice) {
        let f = match reads::ORG_CUSTOMERS.get(answers) {
            Some(Customers::UpTo100) => Some((1.2, "11–100 customers")),
            Some(Customers::UpTo1000) => Some((1.5, "101–1,000 customers")),
            Some(Customers::Over1000) => Some((1.8, "more than 1,000 customers")),
            Some(Customers::UpTo10) | None => None,
        };
        if let Some((f, why)) = f {
            out.push(Factor(f, format!("×{f} for {why}")));
        }
    }
    let tools = reads::OPS_TOOLS.get(answers);
    if answers.contains_key(reads::OPS_TOOLS.id) {
        for (tool, practices, refs, name) in [
            (
                Tool::Ticketing,
                &["incident", "request", "change"][..],
                &[][..],
                "a ticketing tool",
            ),
            (
                Tool::Cmdb,
                &["asset-config"][..],
                &["A.5.9"][..],
                "an asset inventory or CMDB",
            ),
            (
                Tool::Monitoring,
                &["capacity"][..],
                &["A.8.6"][..],
                "service monitoring",
            ),
            (Tool::Siem, &[][..], &["A.8.15", "A.8.16"][..], "a SIEM"),
        ] {
            let concerned =
                practices.contains(&practice) || controls.iter().any(|c| refs.contains(c));
            if !concerned {
                continue;
            }
            if tools.contains(&tool) {
                out.push(Factor(0.75, format!("×0.75: {name} is already in use")));
            } else {
                out.push(Factor(
                    1.25,
                    format!("×1.25: {name} is still to choose and set up"),
                ));
            }
        }
    }
    let others = reads::START_OTHER.get(answers);
    if SHARED_SYSTEM.contains(&practice)
        && (others.contains(&OtherSystem::Iso9001) || others.contains(&OtherSystem::Iso14001))
    {
        out.push(Factor(
            0.8,
            "×0.8: reuses your ISO 9001 or ISO 14001 system".to_owned(),
        ));
    }
    if practice == "continuity" && others.contains(&OtherSystem::Iso22301) {
        out.push(Factor(
            0.6,
            "×0.6: builds on your ISO 22301 continuity system".to_owned(),
        ));
    }
    if let Some(scheme) = controls.iter().find_map(|c| facts.attested(c).next()) {
        out.push(Factor(
            0.7,
            format!(
                "×0.7: already assessed for {}; reuse the evidence",
                scheme.name
            ),
        ));
    }
    if facts.has(Tag::RoundTheClock) && ["incident", "continuity", "capacity"].contains(&practice) {
        out.push(Factor(1.2, "×1.2 for round-the-clock support".to_owned()));
    }
    if facts.has(Tag::OutsourcedOperations)
        && (practice == "supplier"
            || row
                .refs
                .get(Family::Iso20000.current())
                .iter()
                .any(|r| r == "8.2.3"))
    {
        out.push(Factor(
            1.2,
            "×1.2: other companies run part of your operations".to_owned(),
        ));
    }
    out
}
