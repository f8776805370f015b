//! Remaining effort in person-days: the row's effort weight, what is left of it by status, and
//! the answers that scale it (size, sites, services, customers, tools in place, other management
//! systems and attestations to reuse, round-the-clock operation, outsourcing). Each factor that
//! changes a row says so, so every figure can be defended.

use crate::advice::Tag;
use crate::assessment::Status;
use crate::catalog::{Family, Row};
use crate::questionnaire::reads::{
    self, CustomerType, Customers, Holding, OrgSize, OtherSystem, Tool,
};
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

/// The other management system whose procedure a row of the harmonised structure can extend:
/// ISO 9001 before ISO 14001 before ISO 22301 before a laboratory accreditation when several
/// are held (ISO 22301 has the same structure: its document control, audits, reviews and
/// corrective action serve as well, seventeenth review; so do clause 8 of ISO 15189 and
/// ISO/IEC 17025, nineteenth review); `None` for other practices.
pub fn reusable_system(practice: &str, answers: &Answers) -> Option<OtherSystem> {
    if !SHARED_SYSTEM.contains(&practice) {
        return None;
    }
    let others = reads::START_OTHER.get(answers);
    [
        OtherSystem::Iso9001,
        OtherSystem::Iso14001,
        OtherSystem::Iso22301,
        OtherSystem::LabAccreditation,
        OtherSystem::QualitySystem,
    ]
    .into_iter()
    .find(|system| others.contains(system))
}

/// The other management system whose procedure a row's action builds on: the harmonised
/// structure's (`reusable_system`), or for continuity an ISO 22301 business continuity system,
/// whose plans and arrangements the continuity rows extend (as their effort counts, ×0.6).
pub fn procedure_to_extend(practice: &str, answers: &Answers) -> Option<OtherSystem> {
    reusable_system(practice, answers).or_else(|| {
        (practice == "continuity"
            && reads::START_OTHER
                .get(answers)
                .contains(&OtherSystem::Iso22301))
        .then_some(OtherSystem::Iso22301)
    })
}

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
    let texts = facts.texts;
    // A factor and its reason, written in the reader's language ("×1.4 for …", "×1,4 für …").
    let factor = |f: f64, key: &str, args: &[(&str, &dyn std::fmt::Display)]| {
        let times = format!("{f}").replace('.', texts.get("format.decimal"));
        let mut all: Vec<(&str, &dyn std::fmt::Display)> = vec![("factor", &times)];
        all.extend_from_slice(args);
        Factor(f, texts.fill(key, &all))
    };
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
        Some(OrgSize::Micro) => Some((0.6, "engine.effort.size.micro")),
        Some(OrgSize::Small) => Some((0.8, "engine.effort.size.small")),
        Some(OrgSize::Large) => Some((1.4, "engine.effort.size.large")),
        Some(OrgSize::Enterprise) => Some((1.8, "engine.effort.size.enterprise")),
        Some(OrgSize::Medium) | None => None,
    };
    if let Some((f, why)) = size {
        out.push(factor(
            f,
            "engine.effort.size",
            &[("size", &texts.get(why))],
        ));
    }
    if practice == "physical" {
        if let Some(sites) = reads::ORG_SITES.get(answers).filter(|n| *n > 1) {
            // Each further site adds half a site's work: policy and design are shared, the
            // perimeter, entry control and checks are not.
            let f = (1.0 + 0.5 * (sites - 1) as f64).min(6.0);
            out.push(factor(f, "engine.effort.sites", &[("sites", &sites)]));
        }
    }
    // Work that covers the whole scope without repeating in full for each service or site:
    // the internal audit programme, performing the information security risk assessment and
    // treatment (27001 8.2, 8.3) over every service, and the asset inventory and configuration
    // records, which hold each service's assets at each site.
    let runs_the_risk_process = row
        .refs
        .get(Family::Iso27001.current())
        .iter()
        .any(|r| r == "8.2" || r == "8.3");
    let sampled_per_service =
        practice == "internal-audit" || practice == "asset-config" || runs_the_risk_process;
    // The audit programme covers every site: each further site adds a quarter of the audit
    // work (the programme and the checklists are shared, the visits and interviews are not);
    // so do the assets held at each site.
    if practice == "internal-audit" || practice == "asset-config" {
        if let Some(sites) = reads::ORG_SITES.get(answers).filter(|n| *n > 1) {
            let f = (1.0 + 0.25 * (sites - 1) as f64).min(3.0);
            out.push(factor(f, "engine.effort.sites", &[("sites", &sites)]));
        }
    }
    // And it samples the services in scope (20000-1 audits the SMS as it delivers each
    // service): more services, more to sample or assess, at a lower rate than the work that
    // repeats for each service.
    if sampled_per_service {
        if let Some(services) = reads::ORG_SERVICES.get(answers) {
            let f = match services {
                ..=3 => 1.0,
                4..=10 => 1.2,
                11..=30 => 1.4,
                _ => 1.6,
            };
            if f != 1.0 {
                out.push(factor(
                    f,
                    "engine.effort.services",
                    &[("services", &services)],
                ));
            }
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
                out.push(factor(
                    f,
                    "engine.effort.services",
                    &[("services", &services)],
                ));
            }
        }
    }
    if PER_CUSTOMER.contains(&practice) {
        let f = match reads::ORG_CUSTOMERS.get(answers) {
            Some(Customers::UpTo100) => Some((1.2, "engine.effort.customers.up-to-100")),
            Some(Customers::UpTo1000) => Some((1.5, "engine.effort.customers.up-to-1000")),
            Some(Customers::Over1000) => Some((1.8, "engine.effort.customers.over-1000")),
            Some(Customers::UpTo10) | None => None,
        };
        if let Some((f, why)) = f {
            out.push(factor(f, why, &[]));
        }
        // Customers inside the group besides external ones: a second kind of agreement (an
        // internal one, not a contract), its own reviews and reports, for the same services.
        if reads::CUSTOMER_TYPE.get(answers) == Some(CustomerType::Both) {
            out.push(factor(1.2, "engine.effort.customers.both", &[]));
        }
    }
    let tools = reads::OPS_TOOLS.get(answers);
    if answers.contains_key(reads::OPS_TOOLS.id) {
        for (tool, practices, refs, name) in [
            (
                Tool::Ticketing,
                &["incident", "request", "change"][..],
                &[][..],
                "engine.effort.tool.ticketing",
            ),
            (
                Tool::Cmdb,
                &["asset-config"][..],
                &["A.5.9"][..],
                "engine.effort.tool.cmdb",
            ),
            (
                Tool::Monitoring,
                &["capacity"][..],
                &["A.8.6"][..],
                "engine.effort.tool.monitoring",
            ),
            (
                Tool::Siem,
                &[][..],
                &["A.8.15", "A.8.16"][..],
                "engine.effort.tool.siem",
            ),
        ] {
            let concerned =
                practices.contains(&practice) || controls.iter().any(|c| refs.contains(c));
            if !concerned {
                continue;
            }
            if tools.contains(&tool) {
                out.push(factor(
                    0.75,
                    "engine.effort.tool-in-use",
                    &[("tool", &texts.get(name))],
                ));
            } else if tool == Tool::Siem {
                // Logging and monitoring need events collected and reviewed, not a SIEM as
                // such; and a provider that monitors security for the prospect runs that.
                if !facts.has(Tag::OutsourcedMonitoring) {
                    out.push(factor(
                        1.25,
                        "engine.effort.security-events-to-collect",
                        &[],
                    ));
                }
            } else {
                out.push(factor(
                    1.25,
                    "engine.effort.tool-to-set-up",
                    &[("tool", &texts.get(name))],
                ));
            }
        }
    }
    let others = reads::START_OTHER.get(answers);
    // An ISO 9001 or 14001 procedure saves work only where neither standard's system has one:
    // a system in place already supplies it, and what it supplies is in the row's status.
    let system_in_place = [reads::START_ISO27001, reads::START_ISO20000]
        .iter()
        .any(|held| held.get(answers).is_some_and(Holding::holds));
    if !system_in_place {
        match reusable_system(practice, answers) {
            // A laboratory's competence is its personnel clause, 6.2, not clause 8's
            // management system (twenty-third review).
            Some(OtherSystem::LabAccreditation) if practice == "competence" => {
                out.push(factor(0.8, "engine.effort.reuses-lab-competence", &[]));
            }
            Some(OtherSystem::LabAccreditation) => {
                out.push(factor(0.8, "engine.effort.reuses-lab-accreditation", &[]));
            }
            Some(OtherSystem::QualitySystem) => {
                out.push(factor(0.8, "engine.effort.reuses-quality-system", &[]));
            }
            Some(system) => out.push(factor(
                0.8,
                "engine.effort.reuses-other-system",
                &[("system", &system.certifiable_standard().unwrap_or_default())],
            )),
            None => {}
        }
    }
    if practice == "continuity" && others.contains(&OtherSystem::Iso22301) {
        out.push(factor(0.6, "engine.effort.builds-on-22301", &[]));
    }
    if let Some(scheme) = controls.iter().find_map(|c| facts.attested(c).next()) {
        out.push(factor(
            0.7,
            "engine.effort.attested",
            &[("scheme", &scheme.name)],
        ));
    }
    if facts.has(Tag::RoundTheClock) && ["incident", "continuity", "capacity"].contains(&practice) {
        out.push(factor(1.2, "engine.effort.round-the-clock", &[]));
    }
    if facts.has(Tag::ExtendedHours) && practice == "incident" {
        out.push(factor(1.1, "engine.effort.extended-hours", &[]));
    }
    if facts.has(Tag::OutsourcedOperations)
        && (practice == "supplier"
            || row
                .refs
                .get(Family::Iso20000.current())
                .iter()
                .any(|r| r == "8.2.3"))
    {
        out.push(factor(1.2, "engine.effort.outsourced", &[]));
    }
    out
}
