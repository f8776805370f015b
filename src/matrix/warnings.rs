//! What a lead implementer would stop at before signing the plan: a status that contradicts
//! applicability, an exclusion an auditor will challenge, answers that contradict each other or
//! the sector, certificates on withdrawn editions, a timeline too short for the starting point.
//! Warnings never change the matrix; the app, the command line and the workbook show them.

use super::applicability::ByControl;
use super::facts::Facts;
use super::model::{MatrixRow, Warning, WarningKind};
use super::plan::Schedule;
use super::scope::{StartingPoint, Target};
use crate::advice::Tag;
use crate::assessment::{Editions, Status};
use crate::catalog::{RowKind, StandardId};
use crate::questionnaire::reads::{
    self, CertBody, CertScope, Dora, Goal, Holding, Nis2, OrgSize, Sector,
};
use crate::questionnaire::Answers;

/// Exclusions auditors routinely challenge, with why (Annex A of ISO/IEC 27001:2022).
const CHALLENGED: [(&str, &str); 4] = [
    ("A.5.34", "Almost every organisation holds personal data (staff records, customer contacts, users of its services); an auditor will ask for evidence that none is in scope."),
    ("A.5.23", "Hosted email, file sharing and collaboration tools are cloud services; an auditor will ask which ones you use."),
    ("A.8.31", "Changes and releases are tested before they go live (ISO/IEC 20000-1 8.5.3), which needs test environments kept apart from production."),
    ("A.8.33", "Testing changes before release uses test data, which must be chosen and protected."),
];

/// Minimum months from the starting point to a credible certification audit: the system must
/// run long enough to produce records, an internal audit and a management review.
fn minimum_months(start: StartingPoint, target: Target) -> u32 {
    match (start, target) {
        (StartingPoint::Neither, Target::Iso27001First | Target::Iso20000First) => 6,
        (StartingPoint::Neither, _) => 9,
        (StartingPoint::Iso27001 | StartingPoint::Iso20000, _) => 6,
        (StartingPoint::BothSeparate, _) => 4,
        (StartingPoint::BothIntegrated, _) => 0,
    }
}

pub fn build(
    rows: &[MatrixRow],
    controls: &ByControl,
    editions: Editions,
    answers: &Answers,
    facts: &Facts<'_>,
    schedule: Option<&Schedule>,
) -> Vec<Warning> {
    let mut out = Vec::new();
    let mut add = |kind, subject: Option<&str>, text: String| {
        out.push(Warning {
            kind,
            subject: subject.map(str::to_owned),
            text,
        });
    };
    // A status set by hand against what the draft Statement of Applicability says.
    for row in rows.iter().filter(|r| r.status_overridden) {
        let mandatory = !matches!(row.kind, RowKind::Iso27001Only)
            || row.iso27001.iter().any(|r| !r.reference.starts_with('A'));
        match (row.applicable, row.status) {
            (true, Status::NotApplicable) if mandatory => add(
                WarningKind::Status,
                Some(&row.id),
                format!("“{}” is marked Not applicable, but it carries requirements that allow no exclusion. Set its status, or move the excluded Annex A control out of scope in the Statement of Applicability.", row.topic),
            ),
            (true, Status::NotApplicable) => add(
                WarningKind::Status,
                Some(&row.id),
                format!("“{}” is marked Not applicable, but the draft Statement of Applicability includes it. Record why it is excluded, with the risk assessment that supports it, or set its status.", row.topic),
            ),
            (false, Status::Implemented | Status::InProgress) => add(
                WarningKind::Status,
                Some(&row.id),
                format!("“{}” has a status of {}, but the answers exclude it. Check the scope answer behind the exclusion, or mark it Not applicable.", row.topic, row.status.label()),
            ),
            _ => {}
        }
    }
    for (reference, why) in CHALLENGED {
        if controls.get(reference).is_some_and(|a| !a.applicable) {
            add(
                WarningKind::Exclusion,
                Some(reference),
                // The reference is the subject, shown beside the text.
                format!("Excluded. {why}"),
            );
        }
    }
    // Administering customers' systems means scripts, automation and configuration written in
    // house: code, whatever the answer on development says.
    if facts.has(Tag::CustomerAccess) {
        for reference in ["A.8.4", "A.8.28"] {
            if controls.get(reference).is_some_and(|a| !a.applicable) {
                add(
                    WarningKind::Exclusion,
                    Some(reference),
                    "Excluded, but your staff sign in to customers' systems: the scripts, automation and configuration they write for that are code. An auditor will ask how they are stored, reviewed and protected; include the control for them, or record why none exist.".to_owned(),
                );
            }
        }
    }
    let mut excluded: Vec<(&String, &super::applicability::Applicability)> =
        controls.iter().collect();
    excluded.sort_by(|a, b| super::view::compare_refs(a.0, b.0));
    for (reference, applicability) in excluded {
        if !applicability.applicable && !applicability.obligations.is_empty() {
            add(
                WarningKind::Exclusion,
                Some(reference),
                format!(
                    "Excluded, but {} names it. Make sure the exclusion holds for everything you acquire, run and maintain, or include the control.",
                    applicability.obligations.join(" and ")
                ),
            );
        }
    }
    answer_checks(answers, facts, editions, &mut add);
    if let Some(schedule) = schedule {
        let needed = minimum_months(facts.start, facts.target);
        let months = schedule.months();
        if months < i64::from(needed) {
            add(
                WarningKind::Schedule,
                None,
                format!("The certification audit is {months} months away. From your starting point ({}) allow at least {needed} months: the system must run long enough to keep records and complete an internal audit and a management review before the audit.", facts.start.label()),
            );
        }
        if schedule.assumed {
            add(WarningKind::Schedule, None, "No timeline was chosen, so the phase dates assume a certification audit twelve months from the assessment date.".to_owned());
        }
    }
    if let Some(date) = reads::CERT_AUDIT_DATE.get(answers) {
        if schedule.is_some_and(|s| s.audit != date.to_string()) {
            add(WarningKind::Schedule, None, format!("The audit date you gave, {date}, is not after the assessment date, so the plan uses your timeline instead."));
        }
    }
    // Grouped by kind; within a kind, rows and controls keep the order they were found in.
    out.sort_by_key(|w| w.kind);
    out
}

fn answer_checks(
    answers: &Answers,
    facts: &Facts<'_>,
    editions: Editions,
    add: &mut impl FnMut(WarningKind, Option<&str>, String),
) {
    let sector = reads::ORG_SECTOR.get(answers);
    let size = reads::ORG_SIZE.get(answers);
    let medium_or_larger = matches!(
        size,
        Some(OrgSize::Medium | OrgSize::Large | OrgSize::Enterprise)
    );
    // NIS2 Annex I and II sectors among the questionnaire's (Directive (EU) 2022/2555).
    let nis2_sector = matches!(
        sector,
        Some(
            Sector::ItServices
                | Sector::Software
                | Sector::Finance
                | Sector::Public
                | Sector::Health
                | Sector::Telecom
                | Sector::Manufacturing
        )
    );
    match reads::NIS2.get(answers) {
        Some(Nis2::No) if nis2_sector && medium_or_larger => add(
            WarningKind::Answers,
            None,
            "You said NIS2 does not apply, but medium and large organisations in your sector are usually in scope (for example managed ICT services, cloud and data centres, health, finance, manufacturing). Check your national NIS2 law before excluding it.".to_owned(),
        ),
        Some(Nis2::NotSure) => add(
            WarningKind::Answers,
            None,
            if nis2_sector && medium_or_larger {
                "You are not sure whether NIS2 applies. Your sector and size suggest it probably does: check your national NIS2 law and registration duty; the plan does not yet count NIS2's demands.".to_owned()
            } else {
                "You are not sure whether NIS2 applies. Check your national NIS2 law (sector lists and size thresholds); the plan does not yet count NIS2's demands.".to_owned()
            },
        ),
        Some(Nis2::Essential | Nis2::Important)
            if matches!(size, Some(OrgSize::Micro | OrgSize::Small)) =>
        {
            add(
                WarningKind::Answers,
                None,
                "You said NIS2 applies, yet NIS2 mostly covers medium and large organisations. That is right for some small entities (for example DNS or trust service providers, or entities named by the state); confirm your classification.".to_owned(),
            )
        }
        _ => {}
    }
    if sector == Some(Sector::Finance) && reads::DORA.get(answers) == Some(Dora::No) {
        add(
            WarningKind::Answers,
            None,
            "You are in financial services but said DORA does not reach you. Most EU financial entities are in its scope, and their ICT providers are bound through contracts; check before excluding it.".to_owned(),
        );
    }
    let holding = |q: &reads::Single<Holding>| q.get(answers) == Some(Holding::Certified);
    if holding(&reads::START_ISO27001) && editions.iso27001 == StandardId::Iso27001_2013 {
        add(WarningKind::Answers, None, "You hold an ISO/IEC 27001 certificate on the 2013 edition: the transition ended on 31 October 2025, so such certificates are no longer valid. Plan the transition to ISO/IEC 27001:2022 first.".to_owned());
    }
    if holding(&reads::START_ISO20000) && editions.iso20000 == StandardId::Iso20000_2011 {
        add(WarningKind::Answers, None, "You hold an ISO/IEC 20000-1 certificate on the 2011 edition: those were withdrawn when the transition ended on 29 September 2021. Plan the transition to ISO/IEC 20000-1:2018 first.".to_owned());
    }
    if reads::START_TARGET.get(answers) == Some(Goal::AddCombined)
        && facts.target != Target::AddCombined
    {
        add(WarningKind::Answers, None, "You chose to add the other standard to a certificate you hold, but you hold no certificate yet; the plan follows the integrated route.".to_owned());
    }
    let combined = reads::CERT_COMBINED.get(answers) == Some(true);
    if combined && reads::CERT_BODY.get(answers) == Some(CertBody::Separate) {
        add(WarningKind::Answers, None, "You want one combined audit but have a different certification body for each standard. A combined audit needs one body accredited for both.".to_owned());
    }
    if combined && matches!(facts.target, Target::Iso27001First | Target::Iso20000First) {
        add(WarningKind::Answers, None, "You want one combined audit but plan to certify one standard first. Decide which: a combined audit needs both systems ready at once.".to_owned());
    }
    if reads::CERT_SCOPE.get(answers) == Some(CertScope::Different)
        && matches!(facts.target, Target::Integrated | Target::AddCombined)
    {
        add(WarningKind::Answers, None, "You want one integrated system, but with different scopes for the two certificates. Describe both boundaries in the scope document and show which services, sites and teams each covers; shared documents must say where they apply.".to_owned());
    }
    if !facts.has(Tag::PersonalData)
        && facts.has(Tag::CustomerData)
        && reads::GDPR.get(answers).is_some()
    {
        add(WarningKind::Answers, None, "You handle your customers' data but said no personal data is in scope. Customers' data almost always includes personal data (names, e-mail addresses, users' records); check your GDPR role.".to_owned());
    }
    if facts.has(Tag::CloudProvider) && reads::INTERNET_FACING.get(answers) == Some(false) {
        add(WarningKind::Answers, None, "You provide cloud services but said your services cannot be reached from the internet. Check the answer: cloud services usually are, and that raises vulnerability management and monitoring.".to_owned());
    }
}
