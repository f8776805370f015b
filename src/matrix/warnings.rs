//! What a lead implementer would stop at before signing the plan: a status that contradicts
//! applicability, an exclusion an auditor will challenge, answers that contradict each other or
//! the sector, certificates on withdrawn editions, a timeline too short for the starting point.
//! Warnings never change the matrix; the app, the command line and the workbook show them.

use std::collections::BTreeSet;

use super::applicability::ByControl;
use super::facts::Facts;
use super::model::{MatrixRow, SoaEntry, Warning, WarningKind};
use super::plan::{Phase, PhaseEnd, Schedule};
use super::scope::{StartingPoint, Target};
use crate::advice::{ObligationId, Tag};
use crate::assessment::{Editions, Status};
use crate::catalog::{Family, RowKind, StandardId};
use crate::i18n::Texts;
use crate::questionnaire::reads::{
    self, CardDataWhere, CertBody, CertScope, Cloud, Dora, GdprRole, Goal, Holding, Nis2, OrgSize,
    Outsourced, Premises, ProvidedService, Sector,
};
use crate::questionnaire::{Answers, Maturity, QuestionKind, Questionnaire};

/// Exclusions auditors routinely challenge, with the key of why (Annex A of ISO/IEC 27001:2022).
const CHALLENGED: [(&str, &str); 4] = [
    ("A.5.34", "engine.warning.challenged.personal-data"),
    ("A.5.23", "engine.warning.challenged.cloud"),
    ("A.8.31", "engine.warning.challenged.test-environments"),
    ("A.8.33", "engine.warning.challenged.test-data"),
];

/// What a warning's subject points a reader to: a row's references in both standards
/// ("ISO/IEC 27001 9.2; ISO/IEC 20000-1 9.2", the semicolon as the language writes it), or an
/// Annex A reference as it is.
fn concerns(rows: &[MatrixRow], subject: &str, texts: &crate::i18n::Texts) -> String {
    let Some(row) = rows.iter().find(|r| r.id == subject) else {
        return subject.to_owned();
    };
    [
        (Family::Iso27001, &row.iso27001),
        (Family::Iso20000, &row.iso20000),
    ]
    .into_iter()
    .filter(|(_, refs)| !refs.is_empty())
    .map(|(standard, refs)| {
        let refs: Vec<&str> = refs.iter().map(|r| r.reference.as_str()).collect();
        format!("{} {}", standard.label(), refs.join(", "))
    })
    .collect::<Vec<_>>()
    .join(texts.get("engine.list.semicolon"))
}

/// Whether the audit date given for adding a standard to a certificate held (that certificate's
/// surveillance or recertification visit) falls before the added standard can have run long
/// enough for its stage 2: the visit's date is the certificate cycle's, not the prospect's to move.
fn held_audit_too_early(facts: &Facts<'_>, answers: &Answers, schedule: &Schedule) -> bool {
    facts.target == Target::AddCombined
        && !super::plan::apart_as_answered(answers)
        && reads::CERT_AUDIT_DATE.get(answers).is_some()
        && schedule.months() < i64::from(minimum_months(facts.start, facts.target))
}

/// Minimum months from the starting point to a credible certification audit: the system must
/// run long enough to produce records, an internal audit and a management review.
fn minimum_months(start: StartingPoint, target: Target) -> u32 {
    match (start, target) {
        (StartingPoint::Neither, Target::Iso27001First | Target::Iso20000First) => 6,
        (StartingPoint::Neither, _) => 9,
        // The standard audited first runs already: one round of internal audit and management
        // review before its audit; the other standard's work waits for its own (twenty-first
        // review).
        (StartingPoint::Iso27001, Target::Iso27001First)
        | (StartingPoint::Iso20000, Target::Iso20000First) => 3,
        (StartingPoint::Iso27001 | StartingPoint::Iso20000, _) => 6,
        (StartingPoint::BothSeparate, _) => 4,
        (StartingPoint::BothIntegrated, _) => 0,
    }
}

/// Controls a security monitoring provider (a SOC) typically carries out for its customer.
const MONITORED_BY_PROVIDER: [&str; 6] =
    ["A.5.7", "A.5.24", "A.5.25", "A.5.26", "A.8.15", "A.8.16"];

/// Checks a sector with one scope fact calls for: the sector, the fact, the control the check
/// concerns and its text.
const SECTOR_CHECKS: [(Sector, Tag, Option<&str>, &str); 4] = [
    // A provider of public electronic communications notifies a personal data breach within
    // 24 hours under the ePrivacy rules, which the GDPR leaves in place (Art. 95;
    // docs/obligations.md).
    (
        Sector::Telecom,
        Tag::PersonalData,
        None,
        "engine.warning.telecom-breach-24h",
    ),
    // A health care organisation's own network usually carries connected medical devices,
    // which often cannot be patched and which their makers maintain remotely (twelfth review).
    (
        Sector::Health,
        Tag::MedicalDevices,
        Some("A.8.22"),
        "engine.warning.health-medical-devices",
    ),
    // An energy, transport or water operator's own network usually reaches operational
    // technology: control systems that cannot be patched on an IT schedule, maintained
    // remotely by their makers (thirteenth review).
    (
        Sector::Energy,
        Tag::OperationalTechnology,
        Some("A.8.22"),
        "engine.warning.energy-operational-technology",
    ),
    // A manufacturer's own network usually reaches its plants' control systems, as an energy
    // operator's does; where they make medicinal products, the GMP rules on computerised
    // systems bind the change, release, supplier and backup processes (fifteenth review;
    // docs/obligations.md).
    (
        Sector::Manufacturing,
        Tag::OperationalTechnology,
        Some("A.8.22"),
        "engine.warning.manufacturing-operational-technology",
    ),
];

/// From how many sites a certification body's sampling of sites (IAF MD 1) is worth raising:
/// below it, a body usually visits each site within the cycle anyway.
const MANY_SITES: i64 = 10;

/// Optional questions a yes to which brings a law's duties or the controls it names, each with
/// the words that say what was left open.
const LEGAL_OPTIONAL: [(&str, &str); 14] = [
    (
        "org.public-body",
        "engine.warning.legal-unanswered.public-body",
    ),
    // Decides the eIDAS duties and the size-independent reach of NIS2 (twenty-fourth review).
    ("reg.trust-dns", "engine.warning.legal-unanswered.trust-dns"),
    ("scope.cloud", "engine.warning.legal-unanswered.cloud"),
    (
        "reg.special-data",
        "engine.warning.legal-unanswered.special-data",
    ),
    (
        "reg.special-data-core",
        "engine.warning.legal-unanswered.special-data-core",
    ),
    (
        "reg.monitoring",
        "engine.warning.legal-unanswered.monitoring",
    ),
    (
        "reg.vulnerable-subjects",
        "engine.warning.legal-unanswered.vulnerable-subjects",
    ),
    (
        "reg.third-country",
        "engine.warning.legal-unanswered.third-country",
    ),
    (
        "reg.professional-secrecy",
        "engine.warning.legal-unanswered.professional-secrecy",
    ),
    (
        "reg.dora-critical",
        "engine.warning.legal-unanswered.dora-critical",
    ),
    ("reg.products", "engine.warning.legal-unanswered.products"),
    (
        "reg.products-important",
        "engine.warning.legal-unanswered.products-important",
    ),
    ("reg.ai", "engine.warning.legal-unanswered.ai"),
    (
        "reg.ai-high-risk",
        "engine.warning.legal-unanswered.ai-high-risk",
    ),
];

/// The optional questions with legal weight that were shown and left open: the engine reads
/// each as a no, which the reader should see as an assumption, as unanswered maturity and
/// timeline questions are (sixteenth review).
pub fn unanswered_legal(
    questionnaire: &Questionnaire,
    answers: &Answers,
    texts: &Texts,
) -> Option<Warning> {
    let open: Vec<&str> = LEGAL_OPTIONAL
        .iter()
        .filter(|(id, _)| {
            questionnaire.question(id).is_some_and(|q| {
                questionnaire.is_visible(q, answers)
                    && answers.get(*id).is_none_or(|a| a.is_empty())
            })
        })
        .map(|(_, key)| texts.get(key))
        .collect();
    if open.is_empty() {
        return None;
    }
    Some(Warning {
        kind: WarningKind::Answers,
        subject: None,
        concerns: None,
        text: texts.fill(
            "engine.warning.legal-unanswered",
            &[("questions", &super::applicability::join_and(texts, &open))],
        ),
    })
}

/// A law whose duties bind from the day it applies, whatever the plan's dates for its rows.
struct InForce {
    obligation: ObligationId,
    /// The control the check stands beside.
    concerns: Option<&'static str>,
    key: &'static str,
    /// From this date (`YYYY-MM-DD`) of the assessment on, this key instead: a duty that was
    /// still ahead is in force.
    from: Option<(&'static str, &'static str)>,
}

/// The laws whose checks say they bind now:
/// - the Data Act's switching rules, and its ban on switching charges from 12 January 2027
///   (Regulation (EU) 2023/2854, Art. 29(1); thirty-third review's check: a VPS host's register
///   row was due in April 2027, the ban in January), said as in force from that day;
/// - the radio equipment rules for every device placed on the market (thirty-sixth review);
/// - professional secrecy, binding each person from their first sight of a customer's secret:
///   signatures, not a process to build (thirty-seventh review);
/// - transfers outside the EU/EEA, each needing its ground before the data are reached from the
///   third country (thirty-eighth review's verification: an offshore team already reached CVs);
/// - the Cyber Resilience Act's duties for products placed on the market from 11 December 2027,
///   which a development procedure written before it does not cover, whatever the development
///   rows' status (thirty-ninth review: an EdTech's app, its rows Implemented, the date five days
///   after its audit);
const IN_FORCE_NOW: [InForce; 5] = [
    InForce {
        obligation: ObligationId::DataActCloud,
        concerns: None,
        key: "engine.warning.data-act-in-force",
        from: Some(("2027-01-12", "engine.warning.data-act-in-force.after-ban")),
    },
    InForce {
        obligation: ObligationId::RedCybersecurity,
        concerns: Some("A.5.31"),
        key: "engine.warning.red-in-force",
        from: None,
    },
    InForce {
        obligation: ObligationId::ProfessionalSecrecy,
        concerns: Some("A.6.6"),
        key: "engine.warning.professional-secrecy-in-force",
        from: None,
    },
    InForce {
        obligation: ObligationId::GdprThirdCountry,
        concerns: Some("A.5.20"),
        key: "engine.warning.third-country-in-force",
        from: None,
    },
    InForce {
        obligation: ObligationId::CraManufacturer,
        concerns: Some("A.8.25"),
        key: "engine.warning.cra-products",
        from: Some(("2027-12-11", "engine.warning.cra-products.applies")),
    },
];

/// Services for customers whose duties reach beyond the SoA's wording of their controls: the
/// fact, the control its check concerns, and the check.
/// - Customers' paper records: their rooms, carriage, archives and the firms that carry or
///   destroy them (thirty-fourth review: a scanning and archiving provider); storage media
///   are worded by their own rule.
/// - Backup and recovery sold as a service: the SMS's side (service levels, reports,
///   capacity) and the console and agents that reach every customer, beside A.8.13 and A.5.30
///   (thirty-fifth review: a backup and recovery provider).
/// - Customers' security findings, exploits and evidence: their classification, exchange,
///   retention and the lab they are handled in, beside A.8.34 and A.5.28 (thirty-sixth
///   review: a penetration testing and incident response firm).
/// - Customers' systems watched for attacks: the SMS's side (service levels, reports) and the
///   platform and consoles that reach every customer, beside A.8.16 (thirty-seventh review: a
///   managed security service provider).
const SERVICE_CHECKS: [(Tag, &str, &str); 4] = [
    (Tag::PaperRecords, "A.7.10", "engine.warning.paper-records"),
    (
        Tag::BackupService,
        "A.8.13",
        "engine.warning.backup-service",
    ),
    (
        Tag::SecurityTesting,
        "A.5.12",
        "engine.warning.security-testing",
    ),
    (
        Tag::SecurityMonitoringService,
        "A.8.16",
        "engine.warning.security-monitoring-service",
    ),
];

pub fn build(
    rows: &[MatrixRow],
    controls: &ByControl,
    soa: &[SoaEntry],
    editions: Editions,
    (questionnaire, answers): (&Questionnaire, &Answers),
    facts: &Facts<'_>,
    schedule: Option<&Schedule>,
) -> Vec<Warning> {
    let texts = facts.texts;
    let mut out = Vec::new();
    let mut add = |kind, subject: Option<&str>, text: String| {
        out.push(Warning {
            kind,
            subject: subject.map(str::to_owned),
            concerns: subject.map(|s| concerns(rows, s, texts)),
            text,
        });
    };
    // A status set by hand against what the draft Statement of Applicability says.
    for row in rows.iter().filter(|r| r.status_overridden) {
        let mandatory = !matches!(row.kind, RowKind::Iso27001Only)
            || row.iso27001.iter().any(|r| !r.reference.starts_with('A'));
        match (row.draft_applicable, row.status) {
            (true, Status::NotApplicable) if mandatory => add(
                WarningKind::Status,
                Some(&row.id),
                texts.fill(
                    "engine.warning.mandatory-not-applicable",
                    &[("topic", &row.topic)],
                ),
            ),
            (true, Status::NotApplicable) => add(
                WarningKind::Status,
                Some(&row.id),
                texts.fill(
                    "engine.warning.included-not-applicable",
                    &[("topic", &row.topic)],
                ),
            ),
            (false, Status::Implemented | Status::InProgress) => add(
                WarningKind::Status,
                Some(&row.id),
                texts.fill(
                    "engine.warning.excluded-but-done",
                    &[("topic", &row.topic), ("status", &texts.label(row.status))],
                ),
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
                texts.fill("engine.warning.excluded", &[("why", &texts.get(why))]),
            );
        }
    }
    // Administering customers' systems means scripts, automation and configuration written in
    // house: code, whatever the answer on development says. Staff who only use customers'
    // applications (a contact centre's agents in a client's CRM) write none (sixteenth review).
    // The answers include both controls then (`development-none-administration-code`;
    // twenty-ninth review), so what is left to challenge is excluding them by hand.
    if facts.has(Tag::PrivilegedCustomerAccess) {
        for entry in soa
            .iter()
            .filter(|e| !e.applicable && ["A.8.4", "A.8.28"].contains(&e.reference.as_str()))
        {
            add(
                WarningKind::Exclusion,
                Some(&entry.reference),
                texts.get("engine.warning.customer-access-code").to_owned(),
            );
        }
    }
    // Excluded by the answers or by hand (a row marked Not applicable): the Statement of
    // Applicability holds both.
    let mut excluded: Vec<&SoaEntry> = soa.iter().filter(|e| !e.applicable).collect();
    excluded.sort_by(|a, b| super::view::compare_refs(&a.reference, &b.reference));
    for entry in excluded {
        if !entry.obligations.is_empty() {
            let named: Vec<&str> = entry.obligations.iter().map(String::as_str).collect();
            add(
                WarningKind::Exclusion,
                Some(&entry.reference),
                texts.fill(
                    "engine.warning.excluded-but-named",
                    &[("duties", &super::applicability::join_and(texts, &named))],
                ),
            );
        }
    }
    // A control the security monitoring provider carries out is the prospect's control,
    // implemented through a supplier: excluding it by hand leaves a gap an auditor will see.
    if facts.has(Tag::OutsourcedMonitoring) {
        for entry in soa.iter().filter(|e| {
            !e.applicable
                && !e.from_answers
                && MONITORED_BY_PROVIDER.contains(&e.reference.as_str())
        }) {
            add(
                WarningKind::Exclusion,
                Some(&entry.reference),
                texts
                    .get("engine.warning.excluded-but-outsourced")
                    .to_owned(),
            );
        }
    }
    // How the systems are run, as the answers contradict it: read once, said by the maturity
    // checks, and silencing the certification-cycle check of "one system".
    let contradiction = run_contradiction(rows, answers);
    answer_checks(
        answers,
        facts,
        editions,
        schedule,
        contradiction == Some("engine.warning.integrated-but-separate"),
        &mut add,
    );
    maturity_checks(
        rows,
        (questionnaire, answers),
        contradiction,
        texts,
        &mut add,
    );
    if reads::START_ISO27001
        .get(answers)
        .is_some_and(Holding::holds)
    {
        // It names its practices and controls; no one row is its subject.
        if let Some(check) = isms_controls_in_doubt(rows, soa, questionnaire, texts) {
            add(WarningKind::Answers, None, check);
        }
    }
    // A timeline already too short for the starting point has its own check (below): the
    // workload of its phases would say the same again.
    let needed = minimum_months(facts.start, facts.target);
    let too_short = |s: &Schedule| s.months() < i64::from(needed);
    if let Some(schedule) = schedule.filter(|s| !too_short(s)) {
        workload_check(rows, answers, (texts, facts.target), schedule, &mut add);
    }
    if let Some((first, second)) = schedule.and_then(|s| s.second.as_ref().map(|m| (s, m))) {
        let shown = |date: &str| {
            crate::date::Date::parse(date)
                .map(|d| texts.date(d))
                .unwrap_or_default()
        };
        let review_end = |phases: &[PhaseEnd]| {
            shown(
                phases
                    .iter()
                    .find(|p| p.phase == Phase::Review)
                    .map_or("", |p| p.ends.as_str()),
            )
        };
        let (review, audit) = (review_end(&second.phases), shown(&second.audit));
        // Where the system certified first is in place with its audits and reviews written
        // down, the plan moves those rows to the second stage (`plan::second_stage`): the first
        // audit's audit and review are the running system's, and the check says so rather than
        // that the plan dates them for it (twenty-sixth review).
        let first_stage_reviews = rows
            .iter()
            .any(|r| r.phase == Phase::Review && !r.second_stage && r.is_open());
        let text = if first_stage_reviews {
            texts.fill(
                "engine.warning.second-audit-cycle",
                &[
                    ("audit", &second.audit_label),
                    ("date", &audit),
                    ("review", &review),
                ],
            )
        } else {
            let (first_standard, second_standard) =
                staged_standards(facts.target).unwrap_or(("ISO/IEC 27001", "ISO/IEC 20000-1"));
            texts.fill(
                "engine.warning.second-audit-cycle-running",
                &[
                    ("first", &first_standard),
                    ("first_date", &shown(&first.audit)),
                    ("first_review", &review_end(&first.phases)),
                    ("audit", &second.audit_label),
                    ("date", &audit),
                    ("review", &review),
                    ("second", &second_standard),
                ],
            )
        };
        add(WarningKind::Schedule, None, text);
    }
    // A second stage with nothing left open: its audit need not wait a year.
    let second_standard = staged_standards(facts.target).map(|(_, second)| second);
    // Audited apart, the second audit need not wait for the first certificate's surveillance
    // visit: the plan's twelve months are an assumption (`plan::separate_audits`).
    if let (Some(standard), true) = (
        second_standard.filter(|_| schedule.is_some_and(|s| s.second.is_some())),
        super::plan::separate_audits(answers),
    ) {
        let mut check = texts.fill(
            "engine.warning.second-audit-separate",
            &[
                ("standard", &standard),
                ("months", &super::plan::SECOND_AUDIT_MONTHS),
            ],
        );
        // Only two bodies stand in the way of one visit later; with one body, the audits
        // were only not combined.
        if reads::CERT_BODY.get(answers) == Some(CertBody::Separate) {
            check.push(' ');
            check.push_str(texts.get("engine.warning.same-body-to-combine"));
        }
        add(WarningKind::Schedule, None, check);
    }
    // Both certified at once but audited apart (as answered, not assumed): two initial audits,
    // each with its stages, though the plan dates one.
    if facts.target == Target::Integrated
        && super::plan::apart_as_answered(answers)
        && !super::plan::held(answers, &reads::START_ISO27001)
        && !super::plan::held(answers, &reads::START_ISO20000)
    {
        add(
            WarningKind::Schedule,
            None,
            texts.get("engine.warning.two-initial-audits").to_owned(),
        );
    }
    if let Some(standard) = second_standard {
        if !rows.iter().any(|r| r.second_stage && r.is_open()) {
            add(
                WarningKind::Schedule,
                None,
                texts.fill(
                    "engine.warning.second-stage-empty",
                    &[("standard", &standard)],
                ),
            );
        }
    }
    if let Some(schedule) = schedule {
        let months = schedule.months();
        // A held certificate's visit given too early has its own advice (`answer_checks`).
        if too_short(schedule) && !held_audit_too_early(facts, answers, schedule) {
            add(
                WarningKind::Schedule,
                None,
                texts.fill(
                    "engine.warning.timeline-too-short",
                    &[
                        ("months", &months),
                        ("start", &texts.label(facts.start)),
                        ("needed", &needed),
                    ],
                ),
            );
        }
        if schedule.assumed {
            add(
                WarningKind::Schedule,
                None,
                texts.get("engine.warning.no-timeline").to_owned(),
            );
        }
        // "More than 12 months" names no length: the plan's 18 months are an assumption too,
        // which a date of the prospect's own replaces (thirty-fourth review: a provider aiming
        // for 15 months was planned for 18 without a word).
        let date_given = reads::CERT_AUDIT_DATE
            .get(answers)
            .is_some_and(|d| schedule.audit == d.to_string());
        if reads::START_TIMELINE.get(answers) == Some(reads::Timeline::Longer) && !date_given {
            if let Some(date) = crate::date::Date::parse(&schedule.audit) {
                add(
                    WarningKind::Schedule,
                    None,
                    texts.fill(
                        "engine.warning.timeline-longer-assumed",
                        &[("date", &texts.date(date))],
                    ),
                );
            }
        }
        if let Some(check) = interim_notification(rows, facts, schedule) {
            add(WarningKind::Schedule, None, check);
        }
        if let Some(check) = processor_terms_now(rows, soa, facts, schedule) {
            add(WarningKind::Schedule, Some("A.5.34"), check);
        }
    }
    // Laws that bind now, whatever the plan's dates for their rows.
    for law in IN_FORCE_NOW {
        if facts.applies(law.obligation) {
            let key = match law.from {
                Some((date, key)) if schedule.is_some_and(|s| s.start.as_str() >= date) => key,
                _ => law.key,
            };
            add(
                WarningKind::Schedule,
                law.concerns,
                texts.get(key).to_owned(),
            );
        }
    }
    in_force_by_role(answers, facts, &mut add);
    if let Some(date) = reads::CERT_AUDIT_DATE.get(answers) {
        if schedule.is_some_and(|s| s.audit != date.to_string()) {
            let date = texts.date(date);
            add(
                WarningKind::Schedule,
                None,
                texts.fill("engine.warning.audit-date-past", &[("date", &date)]),
            );
        }
    }
    // Grouped by kind; within a kind, rows and controls keep the order they were found in.
    out.sort_by_key(|w| w.kind);
    out
}

/// Duties in force whose checks depend on more than the law applying: NIS2 by the level of
/// government, the AI Act by role and risk.
fn in_force_by_role(
    answers: &Answers,
    facts: &Facts<'_>,
    add: &mut impl FnMut(WarningKind, Option<&str>, String),
) {
    let mut check = |control: &'static str, key: &str| {
        add(
            WarningKind::Schedule,
            Some(control),
            facts.texts.get(key).to_owned(),
        );
    };
    // NIS2 for an essential or important entity: registration with the authority, and the
    // management body's training and approval, from the day the national law applies (in
    // Germany 6 December 2025, with no transition for the measures), while the rows that carry
    // them are planned for later phases (thirty-ninth review: an automotive supplier's IT). A
    // public administration's duties come from its own federal or regional law (in Germany
    // § 29 BSIG leaves out § 38 for the federal administration; the verification of that
    // review); a municipal utility or a public hospital answering that it is a public body is
    // an entity under the national NIS2 law as a company is (the second verification).
    if facts.applies(ObligationId::Nis2Essential) || facts.applies(ObligationId::Nis2Important) {
        let public_administration = reads::ORG_SECTOR.get(answers) == Some(Sector::Public);
        check(
            "A.5.5",
            if public_administration {
                "engine.warning.nis2-in-force.public"
            } else {
                "engine.warning.nis2-in-force"
            },
        );
    }
    // The AI Act's bans, AI literacy and transparency are in force while A.6.3 and A.8.26 are
    // planned later; transparency differs for a provider and for a deployer (Art. 50(1)-(2),
    // 50(3)-(4)). Its Annex III duties, from 2 December 2027, are work that a development
    // procedure or the rows' status does not show (thirty-ninth review and its verifications).
    if facts.applies(ObligationId::AiAct) {
        let provider = facts.has(Tag::AiProvider);
        check(
            "A.6.3",
            if provider {
                "engine.warning.ai-act-in-force"
            } else {
                "engine.warning.ai-act-in-force.use"
            },
        );
        if facts.has(Tag::AiHighRisk) && provider {
            check("A.8.25", "engine.warning.ai-high-risk-provider");
        }
        if facts.has(Tag::AiHighRisk) && facts.has(Tag::AiDeployer) {
            check("A.5.10", "engine.warning.ai-high-risk-deployer");
        }
    }
}

fn answer_checks(
    answers: &Answers,
    facts: &Facts<'_>,
    editions: Editions,
    schedule: Option<&Schedule>,
    one_system_in_doubt: bool,
    add: &mut impl FnMut(WarningKind, Option<&str>, String),
) {
    let texts = facts.texts;
    let sector = reads::ORG_SECTOR.get(answers);
    let size = reads::ORG_SIZE.get(answers);
    let medium_or_larger = size.is_some_and(OrgSize::medium_or_larger);
    // A provider of cloud computing or managed ICT services to others (Annex I, 8 and 9): in
    // scope from medium size by what it does, whatever its sector answer.
    let digital_provider = facts.has(Tag::DigitalProvider);
    // An online marketplace, search engine, social network or content delivery network:
    // in scope from medium size by what it is, whatever the sector answer (Annex I, 8; Annex
    // II, 6; twenty-fourth review).
    let platform = reads::TRUST_DNS.has(answers, ProvidedService::Platform);
    // NIS2 Annex I and II sectors among the questionnaire's (Directive (EU) 2022/2555).
    // Software publishing is in neither annex: a software company is in scope as a cloud or
    // managed service provider, which `digital_provider` covers. Finance is not among them:
    // NIS2's banking and market infrastructure entities are all DORA financial entities, for
    // which DORA takes its place (NIS2 Art. 4(1)), and NIS2 covers no insurance (fourteenth
    // review).
    let nis2_sector = digital_provider
        || platform
        || matches!(
            sector,
            Some(
                Sector::ItServices
                    | Sector::Public
                    | Sector::Health
                    | Sector::Telecom
                    | Sector::Energy
                    | Sector::Space
                    | Sector::Manufacturing
            )
        );
    let nis2_answered = matches!(
        reads::NIS2.get(answers),
        Some(Nis2::Essential | Nis2::Important)
    );
    if nis2_answered && super::facts::dora_entity(answers) {
        add(
            WarningKind::Answers,
            None,
            texts.get("engine.warning.nis2-dora-financial").to_owned(),
        );
    }
    // A provider to financial entities unsure of NIS2, or reached through its customers: for
    // those customers DORA takes NIS2's place (NIS2 Art. 4(1)), so their terms are DORA's,
    // which the plan counts, and NIS2's supply-chain terms come only from other customers. A
    // cloud or managed service provider of medium size or more is in NIS2 by what it does,
    // whoever its customers are: it is not steered to the customers' answer, and the provider
    // check below says so (fifteenth review).
    if matches!(
        reads::DORA.get(answers),
        Some(Dora::IctProvider | Dora::Both)
    ) && matches!(
        reads::NIS2.get(answers),
        Some(Nis2::Supplier | Nis2::NotSure)
    ) {
        let key = if digital_provider && medium_or_larger && !super::facts::dora_entity(answers) {
            "engine.warning.nis2-dora-provider.in-scope"
        } else {
            "engine.warning.nis2-dora-provider"
        };
        add(WarningKind::Answers, None, texts.get(key).to_owned());
    }
    // Annex I sectors among the questionnaire's, where a large entity is essential (Art.
    // 3(1)(a)); banking and market infrastructure are DORA's.
    let annex_i_sector = matches!(
        sector,
        Some(
            Sector::ItServices | Sector::Health | Sector::Telecom | Sector::Energy | Sector::Space
        )
    );
    let services = reads::TRUST_DNS.get(answers);
    // Qualified trust service providers, top-level domain name registries and DNS service
    // providers are essential whatever their size (Art. 3(1)(b)); other trust service
    // providers are in scope whatever their size too (Art. 2(2)(a)(ii)). The sector and size
    // checks below do not fit them (nineteenth review; docs/obligations.md).
    let essential_by_service = services.contains(&ProvidedService::QualifiedTrust)
        || services.contains(&ProvidedService::Dns);
    let trust_services = services.contains(&ProvidedService::Trust);
    let financial_entity = super::facts::dora_entity(answers);
    // The answers are an IT department's serving its own organisation: its headcount is not
    // the organisation's, and its customers are the organisation.
    let department = super::facts::serves_own_organisation_only(answers);
    let small = matches!(size, Some(OrgSize::Micro | OrgSize::Small));
    // An IT department serving its own organisation counts its own people, which set the
    // effort; NIS2 weighs the whole enterprise, so its size checks say that instead of doubting
    // the class (thirty-seventh review: a utility's IT department of 120 was told an essential
    // utility was probably important).
    let size_check = |text: &str| {
        if department {
            texts.get("engine.warning.nis2-size-department").to_owned()
        } else {
            text.to_owned()
        }
    };
    // A department serving its own organisation, told that NIS2 classes the organisation as a
    // whole: `lead`, then what its sector means (Annex I or II, or, for a financial entity,
    // DORA in NIS2's place).
    let department_check = |lead: &str| {
        let mut text = texts.get(lead).to_owned();
        let sector_key = if financial_entity {
            Some("engine.warning.nis2-department.dora")
        } else {
            match sector {
                Some(Sector::Energy) => Some("engine.warning.nis2-department.sector-energy"),
                Some(Sector::Health) => Some("engine.warning.nis2-department.sector-health"),
                Some(Sector::Manufacturing) => {
                    Some("engine.warning.nis2-department.sector-manufacturing")
                }
                _ if nis2_sector => Some("engine.warning.nis2-department.sector"),
                _ => None,
            }
        };
        if let Some(key) = sector_key {
            text.push(' ');
            text.push_str(texts.get(key));
        }
        text
    };
    match reads::NIS2.get(answers) {
        Some(Nis2::Essential) if essential_by_service => {}
        Some(_) if essential_by_service && !financial_entity => add(
            WarningKind::Answers,
            None,
            essential_by_service_check(&services, texts),
        ),
        Some(Nis2::No | Nis2::Supplier | Nis2::NotSure) if trust_services && !financial_entity => {
            add(
                WarningKind::Answers,
                None,
                texts.get("engine.warning.nis2-trust-services").to_owned(),
            )
        }
        // In scope by the service, whatever its level of government or sector: the sector
        // checks below do not fit (twenty-fourth review).
        Some(_) if trust_services && !financial_entity => {}
        // Providers of public electronic communications are in scope whatever their size (Art.
        // 2(2)(a)(i)); below medium size they are important (Art. 3(2)), only medium and
        // large ones essential (Art. 3(1)(a), (c); twenty-first review).
        Some(answer) if sector == Some(Sector::Telecom) && small && !financial_entity => {
            match answer {
                Nis2::Important => {}
                Nis2::Essential => add(
                    WarningKind::Answers,
                    None,
                    texts
                        .get("engine.warning.nis2-telecom-small-essential")
                        .to_owned(),
                ),
                _ => add(
                    WarningKind::Answers,
                    None,
                    texts.get("engine.warning.nis2-telecom-small").to_owned(),
                ),
            }
        }
        // Public administration is in scope by level of government, not by size (Art. 2(2)(f),
        // 2(5)(a), 3(1)(d); docs/obligations.md): the size checks below do not fit it.
        Some(_) if sector == Some(Sector::Public) => add(
            WarningKind::Answers,
            None,
            texts.get("engine.warning.nis2-public").to_owned(),
        ),
        // Education is no NIS2 sector of its own: a Member State may extend the Directive to it
        // (Art. 2(5)(b)); Annex II's research organisations exclude education institutions
        // (Art. 6(41); docs/obligations.md). A university that provides cloud services is in
        // Annex I by that activity: the cloud and managed service provider check below speaks
        // for it instead (fourteenth review).
        Some(_) if sector == Some(Sector::Education) && !(digital_provider && medium_or_larger) => {
            add(
                WarningKind::Answers,
                None,
                texts.get("engine.warning.nis2-education").to_owned(),
            )
        }
        // Retail is no NIS2 sector of its own: an online marketplace is (Annex II, 6), and a
        // food business in wholesale or industrial production (Annex II, 4)
        // (docs/obligations.md).
        Some(Nis2::Essential | Nis2::Important) if sector == Some(Sector::Retail) && !platform => {
            add(
                WarningKind::Answers,
                None,
                texts.get("engine.warning.nis2-retail").to_owned(),
            )
        }
        // Medium-sized providers of public electronic communications are essential
        // (Art. 3(1)(c)).
        Some(Nis2::Important)
            if sector == Some(Sector::Telecom) && size == Some(OrgSize::Medium) =>
        {
            add(
                WarningKind::Answers,
                None,
                texts.get("engine.warning.nis2-telecom-medium").to_owned(),
            )
        }
        // A cloud or managed service provider of medium size or more is in scope by what it
        // does (Annex I, 8 and 9; Art. 2(1), 3(1)(a), 3(2)), under the Implementing Regulation,
        // in the Member State of its main establishment (Art. 26(1)(b)): said plainly.
        Some(answer @ (Nis2::No | Nis2::Supplier | Nis2::NotSure))
            if digital_provider && medium_or_larger && !financial_entity =>
        {
            let said = match answer {
                Nis2::No => "engine.warning.nis2-digital-provider.no",
                Nis2::Supplier => "engine.warning.nis2-digital-provider.supplier",
                _ => "engine.warning.nis2-digital-provider.not-sure",
            };
            // Unsure, the plan counts the class the provider has by what it does
            // (`facts::nis2_provisional`); answered no, it counts none.
            let counted = match super::facts::nis2_provisional(answers) {
                Some(Nis2::Essential) => "engine.warning.nis2-digital-provider.counted-essential",
                Some(_) => "engine.warning.nis2-digital-provider.counted-important",
                None => "engine.warning.nis2-digital-provider.not-counted",
            };
            add(
                WarningKind::Answers,
                None,
                format!(
                    "{} {} {}",
                    texts.get(said),
                    texts.get("engine.warning.nis2-digital-provider"),
                    texts.get(counted)
                ),
            )
        }
        // A department answering for its own organisation: its size does not decide, and its
        // customers are that organisation (the verification of the thirty-ninth review: a
        // 40-person department of a vehicle-parts maker answering No drew no check).
        Some(answer @ (Nis2::No | Nis2::Supplier))
            if nis2_sector && department && !financial_entity =>
        {
            let mut text = department_check("engine.warning.nis2-no-department");
            if answer == Nis2::Supplier {
                text.push(' ');
                text.push_str(texts.get("engine.warning.nis2-no-department.supplier"));
            }
            add(WarningKind::Answers, None, text)
        }
        // A financial entity answering No is right in effect: DORA takes NIS2's place.
        Some(Nis2::No | Nis2::Supplier) if nis2_sector && medium_or_larger && !financial_entity => {
            add(
                WarningKind::Answers,
                None,
                texts.get("engine.warning.nis2-no").to_owned(),
            )
        }
        Some(Nis2::NotSure) => add(
            WarningKind::Answers,
            None,
            // A department's own headcount says nothing of its organisation's class: NIS2 takes
            // the whole enterprise (thirty-ninth review: the 40-person IT department of a
            // vehicle-parts maker was told NIS2 rarely applies below medium size).
            if department {
                department_check("engine.warning.nis2-not-sure-department")
            } else if nis2_sector && medium_or_larger {
                texts.get("engine.warning.nis2-not-sure-likely").to_owned()
            } else if matches!(size, Some(OrgSize::Micro | OrgSize::Small)) {
                // Below medium size NIS2 rarely applies directly (Art. 2(1), 2(2)); what reaches
                // a small provider is its NIS2 customers' supply-chain duty (Art. 21(2)(d), 21(3)).
                let mut text = texts.get("engine.warning.nis2-not-sure-small").to_owned();
                // Cloud computing and managed ICT and security services are Annex I sectors
                // (8 and 9): only the size keeps such a provider out (Art. 2(1), 3(2)), and the
                // Implementing Regulation covers both. A cloud provider is named as one
                // (thirty-third review: an IaaS host was called a managed service provider).
                let provider_kind =
                    if facts.has(Tag::CloudProvider) && facts.has(Tag::PrivilegedCustomerAccess) {
                        // Administering customers' systems as well (a backup and recovery
                        // provider's agents): both sectors (thirty-fifth review).
                        Some("engine.warning.nis2-small-cloud-managed")
                    } else if facts.has(Tag::CloudProvider) {
                        Some("engine.warning.nis2-small-cloud")
                    } else if sector == Some(Sector::ItServices) {
                        Some("engine.warning.nis2-small-managed-services")
                    } else {
                        None
                    };
                if let Some(key) = provider_kind {
                    text.push(' ');
                    text.push_str(texts.get(key));
                }
                // A public body in another sector (a municipal IT company, a shared service
                // centre) may be public administration, which NIS2 takes by level of
                // government, not size (Art. 2(2)(f); twenty-ninth review).
                if reads::ORG_PUBLIC_BODY.yes(answers) {
                    text.push(' ');
                    text.push_str(texts.get("engine.warning.nis2-small-public-body"));
                }
                text
            } else {
                texts.get("engine.warning.nis2-not-sure").to_owned()
            },
        ),
        // Large entities of an Annex I sector are essential (Art. 3(1)(a)); among the
        // questionnaire's sectors: managed ICT services and digital infrastructure, health,
        // electronic communications, energy, transport and water (banking and market
        // infrastructure are DORA's). A provider of
        // cloud or managed ICT services is in Annex I (8, 9) whatever sector it names, such as
        // software (eleventh lead-implementer review).
        Some(Nis2::Important)
            if matches!(size, Some(OrgSize::Large | OrgSize::Enterprise))
                && (digital_provider || annex_i_sector) =>
        {
            // Outside an Annex I sector, only the provider activity makes it essential: the
            // check says so, rather than listing sectors the prospect is not in (twentieth
            // review). "Important" fits the sector alone only in Annex II (manufacturing;
            // postal and courier services among logistics); a software company's sector is in
            // neither annex, so the provider activity is what brings it in at all (twenty-ninth
            // review).
            let key = if annex_i_sector {
                "engine.warning.nis2-important-large"
            } else if matches!(sector, Some(Sector::Manufacturing | Sector::Logistics)) {
                "engine.warning.nis2-important-large-provider"
            } else {
                "engine.warning.nis2-important-large-provider-only"
            };
            add(WarningKind::Answers, None, texts.get(key).to_owned())
        }
        // A large manufacturer answering "important" is right for Annex II's manufacturing, but
        // pharmaceuticals (NACE C 21) are in Annex I, 5, where a large entity is essential
        // (Art. 3(1)(a)); the answers do not say which it makes (fifteenth review).
        Some(Nis2::Important)
            if sector == Some(Sector::Manufacturing)
                && matches!(size, Some(OrgSize::Large | OrgSize::Enterprise)) =>
        {
            add(
                WarningKind::Answers,
                None,
                texts
                    .get("engine.warning.nis2-important-pharmaceuticals")
                    .to_owned(),
            )
        }
        // Logistics answering "important": right for postal and courier services (Annex II, 1),
        // but road haulage, contract logistics and warehousing are in neither annex, and the
        // sector question sends them here (twenty-sixth review). A provider of digital services
        // is in scope by that activity instead.
        Some(Nis2::Important)
            if sector == Some(Sector::Logistics)
                && !matches!(size, Some(OrgSize::Micro | OrgSize::Small))
                && !digital_provider
                && !platform =>
        {
            add(
                WarningKind::Answers,
                None,
                texts
                    .get("engine.warning.nis2-important-logistics")
                    .to_owned(),
            )
        }
        // Manufacturing, and postal and courier services, are Annex II sectors: important,
        // unless the Member State names the entity essential or it is a critical entity (Art.
        // 3(1)(e), (f); docs/obligations.md). Road haulage and warehousing are in neither annex
        // (fourteenth review).
        // A large provider of cloud or managed ICT services is essential by that activity
        // (Annex I, 8 and 9; Art. 3(1)(a)), whatever its own sector: not challenged (twentieth
        // review).
        Some(Nis2::Essential)
            if matches!(sector, Some(Sector::Manufacturing | Sector::Logistics))
                && !matches!(size, Some(OrgSize::Micro | OrgSize::Small))
                && !(digital_provider
                    && matches!(size, Some(OrgSize::Large | OrgSize::Enterprise))) =>
        {
            add(
                WarningKind::Answers,
                None,
                texts
                    .get(if sector == Some(Sector::Logistics) {
                        "engine.warning.nis2-essential-logistics"
                    } else {
                        "engine.warning.nis2-essential-annex-ii"
                    })
                    .to_owned(),
            )
        }
        // A medium-sized entity is important (Art. 3(2)) unless its Member State names it
        // essential or it is a critical entity (Art. 3(1)(e), (f)); medium providers of public
        // electronic communications are essential (Art. 3(1)(c)), and DORA's check comes first
        // for a financial entity.
        Some(Nis2::Essential)
            if size == Some(OrgSize::Medium)
                && sector != Some(Sector::Telecom)
                && !financial_entity =>
        {
            add(
                WarningKind::Answers,
                None,
                size_check(texts.get("engine.warning.nis2-essential-medium")),
            )
        }
        Some(Nis2::Essential | Nis2::Important)
            if matches!(size, Some(OrgSize::Micro | OrgSize::Small)) =>
        {
            add(
                WarningKind::Answers,
                None,
                size_check(texts.get("engine.warning.nis2-small")),
            )
        }
        _ => {}
    }
    for (in_sector, fact, subject, key) in SECTOR_CHECKS {
        if sector == Some(in_sector) && facts.has(fact) {
            add(WarningKind::Answers, subject, texts.get(key).to_owned());
        }
    }
    // The same devices on the networks of another sector, answered yes: most often a provider
    // that runs a utility's, a plant's or a hospital's networks (thirty-first review).
    for (fact, sectors, key) in [
        (
            Tag::OperationalTechnology,
            &[Sector::Energy, Sector::Manufacturing][..],
            "engine.warning.operational-technology-answered",
        ),
        (
            Tag::MedicalDevices,
            &[Sector::Health][..],
            "engine.warning.medical-devices-answered",
        ),
    ] {
        if facts.has(fact) && !sector.is_some_and(|s| sectors.contains(&s)) {
            add(
                WarningKind::Answers,
                Some("A.8.22"),
                texts.get(key).to_owned(),
            );
        }
    }
    if let Some(check) = significant_incident(answers, facts) {
        add(WarningKind::Answers, Some("A.5.25"), check);
    }
    // What a service for customers brings beyond the SoA's wording of its controls.
    for (tag, concerns, key) in SERVICE_CHECKS {
        if facts.has(tag) {
            add(
                WarningKind::Answers,
                Some(concerns),
                texts.get(key).to_owned(),
            );
        }
    }
    // An online shop paying through a provider's page answers "no card data", rightly, and is
    // still a PCI DSS merchant with a yearly self-assessment (SAQ A; docs/obligations.md).
    if sector == Some(Sector::Retail)
        && facts.has(Tag::InternetFacing)
        && reads::PCI.get(answers) == Some(false)
    {
        add(
            WarningKind::Answers,
            None,
            texts.get("engine.warning.pci-saq-a").to_owned(),
        );
    }
    // DORA leaves some financial firms out whatever they do: small and medium insurance
    // intermediaries among them (Art. 2(3)(e); fourteenth review).
    if sector == Some(Sector::Finance)
        && matches!(
            size,
            Some(OrgSize::Micro | OrgSize::Small | OrgSize::Medium)
        )
        && financial_entity
    {
        add(
            WarningKind::Answers,
            None,
            texts.get("engine.warning.dora-small-exemption").to_owned(),
        );
    }
    if sector == Some(Sector::Finance) && reads::DORA.get(answers) == Some(Dora::No) {
        add(
            WarningKind::Answers,
            None,
            texts.get("engine.warning.dora-no").to_owned(),
        );
    }
    // `answers` already reads such a certificate as a system in place (`withdrawn.rs`), so a
    // certificate on an older edition is always this one.
    // Seeing what the current edition adds takes switching the view, unless it shows it already.
    let void_certificate = |key: &str, shown_older: bool| {
        if shown_older {
            format!("{} {}", texts.get(key), texts.get(&format!("{key}.switch")))
        } else {
            texts.get(key).to_owned()
        }
    };
    if facts.withdrawn.iso27001 {
        add(
            WarningKind::Answers,
            None,
            void_certificate(
                "engine.warning.iso27001-2013-certificate",
                editions.iso27001 == StandardId::Iso27001_2013,
            ),
        );
    }
    if facts.withdrawn.iso20000 {
        add(
            WarningKind::Answers,
            None,
            void_certificate(
                "engine.warning.iso20000-2011-certificate",
                editions.iso20000 == StandardId::Iso20000_2011,
            ),
        );
    }
    // An older edition chosen to match the prospect's documents, with no (withdrawn)
    // certificate on it: the view is right for mapping those documents, but every target ends
    // in an audit against the current edition, whose new requirements this view shows as not
    // applicable.
    if !facts.withdrawn.iso27001
        && editions.iso27001 == StandardId::Iso27001_2013
        && facts.documents.iso27001 == StandardId::Iso27001_2013
    {
        add(
            WarningKind::Answers,
            None,
            texts.get("engine.warning.iso27001-2013-view").to_owned(),
        );
    }
    if !facts.withdrawn.iso20000
        && editions.iso20000 == StandardId::Iso20000_2011
        && facts.documents.iso20000 == StandardId::Iso20000_2011
    {
        add(
            WarningKind::Answers,
            None,
            texts.get("engine.warning.iso20000-2011-view").to_owned(),
        );
    }
    let goal = reads::START_TARGET.get(answers);
    // A staged route that puts first, or second, a standard already certified: the certificate
    // is surveyed, not certified again (`Target::from_answers`).
    let certified = |q: &reads::Single<Holding>| super::plan::held(answers, q);
    let staged = match goal {
        Some(Goal::Iso27001First) => Some((
            "ISO/IEC 27001",
            "ISO/IEC 20000-1",
            certified(&reads::START_ISO27001),
            certified(&reads::START_ISO20000),
        )),
        Some(Goal::Iso20000First) => Some((
            "ISO/IEC 20000-1",
            "ISO/IEC 27001",
            certified(&reads::START_ISO20000),
            certified(&reads::START_ISO27001),
        )),
        _ => None,
    };
    // Audited apart (no combined audit, or a body for each standard): the standard added to
    // the certificate held has an initial audit of its own (twenty-third review).
    let apart = super::plan::apart_as_answered(answers);
    match staged {
        Some((first, second, true, _)) => add(
            WarningKind::Answers,
            None,
            texts.fill(
                if facts.target == Target::AddCombined && apart {
                    "engine.warning.first-already-certified.apart"
                } else if facts.target == Target::AddCombined {
                    "engine.warning.first-already-certified"
                } else if facts.start == StartingPoint::BothIntegrated {
                    // One system already: nothing to merge (eighteenth review).
                    "engine.warning.first-already-certified-integrated"
                } else {
                    "engine.warning.first-already-certified-both"
                },
                &[("held", &first), ("other", &second)],
            ),
        ),
        Some((first, second, false, true)) => add(
            WarningKind::Answers,
            None,
            texts.fill(
                if apart {
                    "engine.warning.second-already-certified.apart"
                } else {
                    "engine.warning.second-already-certified"
                },
                &[("first", &first), ("held", &second)],
            ),
        ),
        _ => {}
    }
    // The project under way is the standard certified second: its own rows wait for the
    // second stage.
    let deferred = match facts.target {
        Target::Iso20000First if facts.under_way.iso27001 => Some("ISO/IEC 27001"),
        Target::Iso27001First if facts.under_way.iso20000 => Some("ISO/IEC 20000-1"),
        _ => None,
    };
    if let Some(standard) = deferred {
        add(
            WarningKind::Answers,
            None,
            texts.fill(
                "engine.warning.project-goes-second",
                &[("standard", &standard)],
            ),
        );
    }
    if goal == Some(Goal::AddCombined) && facts.target != Target::AddCombined {
        // Both held is not "no certificate": there is nothing left to add (eighteenth review).
        let key = if super::plan::holds_both(answers) {
            "engine.warning.add-both-held"
        } else {
            "engine.warning.add-without-certificate"
        };
        add(WarningKind::Answers, None, texts.get(key).to_owned());
    }
    let combined = reads::CERT_COMBINED.get(answers) == Some(true);
    if combined && reads::CERT_BODY.get(answers) == Some(CertBody::Separate) {
        // Two certificates held from two bodies: one must be transferred before one body can
        // audit both (IAF MD 2; seventeenth review).
        let key = if super::plan::holds_both(answers) {
            "engine.warning.combined-two-bodies.transfer"
        } else {
            "engine.warning.combined-two-bodies"
        };
        add(WarningKind::Answers, None, texts.get(key).to_owned());
    }
    // Combined and staged fit together: the second standard's initial audit joins the first
    // standard's first surveillance audit (the schedule's second audit says so).
    if let Some((first, second)) =
        staged_standards(facts.target).filter(|_| !super::plan::separate_audits(answers))
    {
        add(
            WarningKind::Schedule,
            None,
            texts.fill(
                "engine.warning.combined-one-first",
                &[("first", &first), ("second", &second)],
            ),
        );
    }
    // Two decisions the plan's first phases rest on, still open: named with the date by which
    // the plan needs them.
    let by_date =
        |d: crate::date::Date| texts.fill("engine.warning.by-date", &[("date", &texts.date(d))]);
    let by = |phase: Phase| {
        schedule
            .and_then(|s| crate::date::Date::parse(s.ends(phase)))
            .map(by_date)
    };
    if reads::CERT_SCOPE.get(answers) == Some(CertScope::Undecided) {
        // The standard audited first runs already with its scope: the decision is on the
        // second standard's scope, in the second stage's first phase (twenty-first review).
        let held_first = super::plan::first_standard_held(facts.target, facts.start)
            .then(|| staged_standards(facts.target))
            .flatten();
        // Halfway through the first phase: the scope document, due at its end, is written
        // from the decision.
        let halfway = schedule.and_then(|s| {
            let (start, end) = match (held_first, &s.second) {
                (Some(_), Some(_)) => (
                    crate::date::Date::parse(&s.audit)?,
                    crate::date::Date::parse(s.ends_for(Phase::Foundations, true))?,
                ),
                _ => (
                    crate::date::Date::parse(&s.start)?,
                    crate::date::Date::parse(s.ends(Phase::Foundations))?,
                ),
            };
            Some(
                start
                    .add_days(start.days_until(end) / 2)
                    .working_day_on_or_before_within(start),
            )
        });
        let when = halfway
            .map(by_date)
            .unwrap_or_else(|| texts.get("engine.warning.during-foundations").to_owned());
        let check = match held_first {
            Some((first, second)) => texts.fill(
                "engine.warning.scope-undecided-held-first",
                &[("first", &first), ("second", &second), ("when", &when)],
            ),
            None => texts.fill("engine.warning.scope-undecided", &[("when", &when)]),
        };
        add(WarningKind::Answers, None, check);
    }
    if reads::CERT_BODY.get(answers) == Some(CertBody::None) {
        let key = if reads::CERT_COMBINED.get(answers) == Some(true) {
            "engine.warning.no-body-combined"
        } else {
            "engine.warning.no-body"
        };
        let when = by(Phase::Planning)
            .unwrap_or_else(|| texts.get("engine.warning.during-planning").to_owned());
        let mut check = texts.fill(key, &[("when", &when)]);
        // Another management system's certificate joins the same visits only with a body
        // accredited for it too (IAF MD 11; seventeenth review).
        if key == "engine.warning.no-body-combined" {
            add_other_systems(
                &mut check,
                "engine.warning.no-body-combined.other",
                answers,
                texts,
            );
        }
        add(WarningKind::Answers, None, check);
        // An audit date with no body to hold it: the whole plan is dated towards it.
        if let Some(date) = reads::CERT_AUDIT_DATE.get(answers) {
            add(
                WarningKind::Answers,
                None,
                texts.fill(
                    "engine.warning.audit-date-unbooked",
                    &[("date", &texts.date(date))],
                ),
            );
        }
    }
    // A standard added to a certificate held: its first certification has both stages, and the
    // combined visit falls when the held certificate's surveillance or recertification does.
    // Audited apart, the added standard has its own initial audit with its own body's dates,
    // and the held certificate keeps its cycle: no visit to join (ISO/IEC 17021-1, 9.3.1;
    // twenty-third review).
    if facts.target == Target::AddCombined && super::plan::apart_as_answered(answers) {
        if let Some((held, added)) = added_to_held(answers) {
            add(
                WarningKind::Schedule,
                None,
                texts.fill(
                    "engine.warning.add-apart",
                    &[("held", &held), ("added", &added)],
                ),
            );
        }
    } else if facts.target == Target::AddCombined {
        if let Some((held, added)) = added_to_held(answers) {
            // The held certificate's audit date, given, comes before the added standard can
            // have run long enough: its stage 1 goes with that visit, its stage 2 later
            // (ISO/IEC 17021-1, 9.3.1; twenty-second review).
            let early = reads::CERT_AUDIT_DATE
                .get(answers)
                .filter(|_| schedule.is_some_and(|s| held_audit_too_early(facts, answers, s)));
            let mut check = match early {
                Some(date) => texts.fill(
                    "engine.warning.add-combined-too-early",
                    &[
                        ("held", &held),
                        ("added", &added),
                        ("date", &texts.date(date)),
                        ("needed", &minimum_months(facts.start, facts.target)),
                    ],
                ),
                None => texts.fill(
                    "engine.warning.add-combined-stages",
                    &[("held", &held), ("added", &added)],
                ),
            };
            // Another certified management system held beside it can join the same visit
            // (IAF MD 11; thirteenth review).
            add_other_systems(
                &mut check,
                "engine.warning.add-combined-stages.other",
                answers,
                texts,
            );
            add(WarningKind::Schedule, None, check);
        }
    }
    // Two certified systems merged into one: a change to report to the certification body,
    // and two certificate cycles to bring together (docs/method.md §10 names the sources).
    // Already one system: nothing to merge; what is left is the certification cycle
    // (ISO/IEC 17021-1, 9.6.2, 9.6.3; eighteenth review).
    // One system by the answer, yet written down as two: the check on that contradiction
    // speaks instead of "nothing to merge" (twenty-fifth review).
    if facts.target == Target::Integrated
        && super::plan::holds_both(answers)
        && !one_system_in_doubt
    {
        let key = if facts.start == StartingPoint::BothIntegrated {
            "engine.warning.integrated-certified-cycle"
        } else {
            "engine.warning.merging-certified-systems"
        };
        add(WarningKind::Answers, None, texts.get(key).to_owned());
    }
    // The Cyber Resilience Act leaves out products that the EU rules on medical devices,
    // in vitro diagnostics and vehicle type-approval cover, and those certified under the civil
    // aviation rules (CRA Art. 2(2), (3)): a health or manufacturing business supplying products
    // may make only such products (twenty-fifth review; docs/obligations.md).
    if reads::PRODUCTS.yes(answers)
        && matches!(sector, Some(Sector::Health | Sector::Manufacturing))
    {
        add(
            WarningKind::Answers,
            None,
            texts.get("engine.warning.cra-excluded-products").to_owned(),
        );
    }
    // Equipment in rooms of one's own, or a colocation cage, is reached through network
    // devices one runs: "no networks of your own" then leaves A.8.20 and A.8.22 reading as if
    // there were none (twenty-fourth review).
    let equipment_rooms = [
        reads::Premises::ServerRoom,
        reads::Premises::DataCentre,
        reads::Premises::Colocation,
    ]
    .into_iter()
    .any(|p| reads::PREMISES.has(answers, p));
    if equipment_rooms && reads::NETWORK.get(answers) == Some(false) {
        add(
            WarningKind::Answers,
            Some("A.8.20"),
            texts.get("engine.warning.rooms-without-network").to_owned(),
        );
    }
    // Cloud infrastructure is infrastructure another company runs: the answer on outsourcing
    // should say so, since it brings in governing that provider (20000-1 8.2.3).
    let outsourced = reads::OPS_OUTSOURCED.get(answers);
    if reads::CLOUD.get(answers).contains(&Cloud::UseIaas)
        && !outsourced.is_empty()
        && !outsourced.contains(&Outsourced::Infrastructure)
    {
        add(
            WarningKind::Answers,
            None,
            texts.get("engine.warning.iaas-not-outsourced").to_owned(),
        );
    }
    // Card data hosted by a provider: PCI DSS's physical security (Req. 9) is the provider's,
    // evidenced by its attestation (its duty on A.7.2 needs card data handled at the
    // prospect's premises, data/obligations.json `only_with`). Not where staff take card
    // details themselves: their desks are in the card data environment (sixteenth review).
    if facts.has(Tag::PaymentCards)
        && !facts.has(Tag::OwnDataCentre)
        && !facts.has(Tag::CardDataOnSite)
        && !facts.has(Tag::CardDataAtHome)
        && !facts.has(Tag::CardTerminals)
        && (facts.has(Tag::CloudUser) || facts.has(Tag::OutsourcedOperations))
    {
        add(
            WarningKind::Answers,
            None,
            texts.get("engine.warning.pci-hosted-cde").to_owned(),
        );
    }
    // Staff who take card details (by phone or mail, at the premises or at home) bring where
    // they work into the
    // card data environment, and call recordings into its data (PCI DSS Req. 3.3.1.2, Req. 9;
    // the PCI SSC's supplement on telephone-based payments; docs/obligations.md).
    let staff_take_cards = [
        CardDataWhere::Premises,
        CardDataWhere::Home,
        CardDataWhere::ForCustomers,
    ]
    .into_iter()
    .any(|w| reads::PCI_WHERE.has(answers, w));
    if facts.has(Tag::PaymentCards) && staff_take_cards {
        let text = texts.get("engine.warning.pci-staff-card-data");
        let at_home = facts.has(Tag::CardDataAtHome);
        add(
            WarningKind::Answers,
            // At home, the check carries the remote working row, which an ISMS may already
            // hold as implemented for other work (thirty-fifth review's check).
            at_home.then_some("A.6.7"),
            if at_home {
                format!(
                    "{text} {}",
                    texts.get("engine.warning.pci-staff-card-data.home")
                )
            } else {
                text.to_owned()
            },
        );
    }
    // Many sites: a body may audit a sample of them under IAF MD 1, if one central function
    // runs the system at all of them (eighteenth review).
    if let Some(sites) = reads::ORG_SITES.get(answers).filter(|n| *n >= MANY_SITES) {
        add(
            WarningKind::Schedule,
            None,
            texts.fill("engine.warning.multi-site-sampling", &[("sites", &sites)]),
        );
    }
    // Card-present terminals: protected from tampering (Req. 9.5.1); a cashier area with only
    // terminals is not a sensitive area, so the entry and visitor rules stay with the rooms of
    // the card data environment's systems (PCI DSS glossary; eighteenth review).
    if facts.has(Tag::CardTerminals) {
        add(
            WarningKind::Answers,
            None,
            texts.get("engine.warning.pci-card-terminals").to_owned(),
        );
    }
    // Auditors are chosen for objectivity and impartiality (9.2 of both standards): in a firm
    // of fewer than ten, those who run the system would audit their own work.
    if size == Some(OrgSize::Micro) {
        add(
            WarningKind::Schedule,
            None,
            texts.get("engine.warning.micro-internal-audit").to_owned(),
        );
    }
    // A provider handling personal data only for its customers still employs people: it is the
    // controller of its staff's data (GDPR Art. 4(7); docs/obligations.md).
    if reads::GDPR.get(answers) == Some(GdprRole::Processor) {
        add(
            WarningKind::Answers,
            None,
            texts.get("engine.warning.gdpr-processor-only").to_owned(),
        );
    }
    // The reverse: a provider that stores or handles its customers' data, answered as
    // controller only. Personal data in it processed on the customers' behalf makes the
    // provider their processor (GDPR Art. 4(8), 28; tenth lead-implementer review).
    // Not for a DORA financial entity: a bank or payment institution is the controller of its
    // clients' payment data (sixteenth review).
    // Nor for a telecommunications provider that neither hosts nor administers its customers'
    // systems: the subscriber and traffic data it holds are its own as controller, under the
    // ePrivacy rules too (thirtieth review).
    // Nor for a department whose customers are all units of its own organisation, one legal
    // entity: it cannot be its own organisation's processor (Art. 4(7), 4(8), 28(3); thirty-first
    // review: a university's central IT with an internal research cloud).
    let carrier_only = reads::ORG_SECTOR.get(answers) == Some(Sector::Telecom)
        && !facts.has(Tag::CloudProvider)
        && !facts.has(Tag::CustomerAccess);
    if reads::GDPR.get(answers) == Some(GdprRole::Controller)
        && facts.has(Tag::CustomerData)
        && (facts.has(Tag::ExternalCustomers)
            || facts.has(Tag::CloudProvider)
            || facts.has(Tag::GroupCustomers))
        && !department
        && !financial_entity
        && !carrier_only
    {
        add(
            WarningKind::Answers,
            None,
            texts
                .get("engine.warning.gdpr-controller-with-customer-data")
                .to_owned(),
        );
    }
    if reads::CERT_SCOPE.get(answers) == Some(CertScope::Different) {
        // Adding a standard to a certificate held is not building one integrated system from
        // nothing: the check names the standard added and the one held (seventeenth review).
        // A staged route adds the second standard to the first's certificate a stage later:
        // the same questions, named so (twenty-sixth review).
        let staged = staged_standards(facts.target);
        let text = match (facts.target, added_to_held(answers), staged) {
            (Target::AddCombined, Some((held, added)), _) => texts.fill(
                "engine.warning.add-different-scopes",
                &[("held", &held), ("added", &added)],
            ),
            (_, _, Some((first, second))) => texts.fill(
                "engine.warning.staged-different-scopes",
                &[("first", &first), ("second", &second)],
            ),
            (_, _, None) => texts
                .get("engine.warning.integrated-different-scopes")
                .to_owned(),
        };
        add(WarningKind::Answers, None, text);
        // NIS2's measures cover every system the services depend on (Art. 21(1)), whichever
        // certificate's scope it is in: an ISMS certified for office IT does not cover the
        // control systems a wider 20000-1 scope takes in (thirty-first review).
        // Counted as the plan counts it: a provider unsure of NIS2 that its size and services
        // put in scope is told too (`facts::nis2_class`).
        if super::facts::nis2_class(answers).is_some() {
            add(
                WarningKind::Answers,
                None,
                texts.get("engine.warning.different-scopes-nis2").to_owned(),
            );
        }
    }
    // Control systems of a NIS2 entity's own operations: its measures cover them wherever they
    // sit (Art. 21(1)). One scope for both standards raises nothing above, yet an IT
    // department's scope often stops at the interfaces to them, and the scope document leads the
    // critical path (thirty-seventh review: a utility's internal IT). A provider that runs a
    // customer's has its own check above and does not certify the customer's sites.
    let own_plant = matches!(sector, Some(Sector::Energy | Sector::Manufacturing)) || department;
    if facts.has(Tag::OperationalTechnology)
        && own_plant
        && facts.has(Tag::Nis2)
        && reads::CERT_SCOPE.get(answers) != Some(CertScope::Different)
    {
        // Network operators and their substations or stations for the energy, transport and
        // water answer; plants for the others (thirty-ninth review: a vehicle-parts maker was
        // told of substations).
        let inside = if sector == Some(Sector::Energy) {
            "engine.warning.operational-technology-scope.grid"
        } else {
            "engine.warning.operational-technology-scope.inside"
        };
        add(
            WarningKind::Answers,
            None,
            format!(
                "{} {}",
                texts.get("engine.warning.operational-technology-scope"),
                texts.get(inside)
            ),
        );
    }
    if !facts.has(Tag::PersonalData)
        && facts.has(Tag::CustomerData)
        && reads::GDPR.get(answers).is_some()
    {
        add(
            WarningKind::Answers,
            None,
            texts
                .get("engine.warning.customer-data-no-personal")
                .to_owned(),
        );
    }
    if facts.has(Tag::CloudProvider) && reads::INTERNET_FACING.get(answers) == Some(false) {
        add(
            WarningKind::Answers,
            None,
            texts.get("engine.warning.cloud-not-internet").to_owned(),
        );
    }
}

/// Maturity answers that contradict each other: audits and reviews of a management system that
/// is not there yet, a system in place without the records of its audits and reviews, and
/// development written down without the change control it goes through.
/// How the two systems are run shows in the policy, the internal audits and the management
/// review. Said to run apart, yet all three written down once for both: one system already
/// (eighteenth review). Said to run as one, yet one of them written down once for each
/// standard: two systems (twenty-fourth review). The key of the check that says so.
fn run_contradiction(rows: &[MatrixRow], answers: &Answers) -> Option<&'static str> {
    let maturity = |practice: &str| {
        rows.iter()
            .find(|r| r.practice == practice)
            .and_then(|r| r.maturity)
    };
    let core = ["policy", "internal-audit", "management-review"];
    match StartingPoint::from_answers(answers) {
        StartingPoint::BothSeparate
            if core
                .iter()
                .all(|p| maturity(p) == Some(Maturity::Integrated)) =>
        {
            Some("engine.warning.separate-but-integrated")
        }
        StartingPoint::BothIntegrated
            if core
                .iter()
                .any(|p| maturity(p) == Some(Maturity::DocumentedOne)) =>
        {
            Some("engine.warning.integrated-but-separate")
        }
        _ => None,
    }
}

fn maturity_checks(
    rows: &[MatrixRow],
    (questionnaire, answers): (&Questionnaire, &Answers),
    contradiction: Option<&'static str>,
    texts: &crate::i18n::Texts,
    add: &mut impl FnMut(WarningKind, Option<&str>, String),
) {
    let first_row = |practice: &str| rows.iter().find(|r| r.practice == practice);
    let maturity = |practice: &str| first_row(practice).and_then(|r| r.maturity);
    let written = |practice: &str| maturity(practice).is_some_and(Maturity::is_written);
    let absent = |practice: &str| maturity(practice) == Some(Maturity::NotInPlace);
    if let Some(key) = contradiction {
        add(WarningKind::Answers, None, texts.get(key).to_owned());
    }
    // A laboratory's accreditation shares clause 8's procedures but never an audit visit: an
    // accreditation body assesses it (nineteenth review).
    if reads::START_OTHER.has(answers, reads::OtherSystem::LabAccreditation) {
        add(
            WarningKind::Answers,
            None,
            texts.get("engine.warning.lab-accreditation").to_owned(),
        );
    }
    // A quality system under ISO 13485 or GxP shares the procedures, but its audits are its
    // certification body's, its customers' or inspectors' (thirty-fifth review).
    if reads::START_OTHER.has(answers, reads::OtherSystem::QualitySystem) {
        add(
            WarningKind::Answers,
            None,
            texts.get("engine.warning.quality-system").to_owned(),
        );
    }
    // Another ISO management system held runs internal audits and management reviews of its
    // own (9.2, 9.3 of the harmonised structure): "not in place" for either contradicts it,
    // and the plan extends that system's procedure all the same (twenty-third review).
    let held_standards = reads::OtherSystem::held_standards(answers);
    let missing: Vec<&str> = [
        (
            "internal-audit",
            "engine.warning.other-system-without.audit",
        ),
        (
            "management-review",
            "engine.warning.other-system-without.review",
        ),
    ]
    .into_iter()
    .filter(|(practice, _)| maturity(practice) == Some(Maturity::NotInPlace))
    .map(|(_, key)| texts.get(key))
    .collect();
    if !held_standards.is_empty() && !missing.is_empty() {
        add(
            WarningKind::Answers,
            None,
            texts.fill(
                "engine.warning.other-system-without",
                &[
                    (
                        "systems",
                        &super::applicability::join_and(texts, &held_standards),
                    ),
                    ("missing", &super::applicability::join_and(texts, &missing)),
                ],
            ),
        );
    }
    let certified = [&reads::START_ISO27001, &reads::START_ISO20000]
        .iter()
        .any(|q| super::plan::held(answers, q));
    // Another management system (ISO 9001, 22301, 14001) has its own internal audit and
    // management review, which these answers may well describe.
    let other_system = reads::START_OTHER
        .get(answers)
        .iter()
        .any(|s| *s != reads::OtherSystem::None);
    let no_system = !certified
        && !other_system
        && ["scope", "policy", "documented-information"]
            .into_iter()
            .any(absent);
    for (practice, key) in [
        ("internal-audit", "engine.warning.audit-without-system"),
        ("management-review", "engine.warning.review-without-system"),
    ] {
        if no_system && written(practice) {
            let subject = first_row(practice).map(|r| r.id.as_str());
            add(WarningKind::Answers, subject, texts.get(key).to_owned());
        }
    }
    // Written down, with neither standard in place: read as implemented, though no one has yet
    // held those documents against the clauses; the reader should see which rows left the plan
    // on that reading (twenty-second review).
    // The same holds for a row of one standard while only the other is in place (twenty-third
    // review): an SMS in place says nothing of Annex A controls written down without an ISMS.
    let start = StartingPoint::from_answers(answers);
    let own_standard_missing = |r: &MatrixRow| match r.kind {
        RowKind::Iso27001Only => !start.has_iso27001(),
        RowKind::Iso20000Only => !start.has_iso20000(),
        RowKind::Common | RowKind::Integrated => start == StartingPoint::Neither,
    };
    let taken: Vec<&str> = rows
        .iter()
        .filter(|r| r.applicable && !r.status_overridden)
        .filter(|r| r.status == Status::Implemented)
        .filter(|r| r.maturity.is_some_and(Maturity::is_written))
        .filter(|r| own_standard_missing(r))
        .map(|r| &*r.topic)
        .collect();
    if !taken.is_empty() {
        add(
            WarningKind::Answers,
            None,
            texts.count(
                "engine.warning.written-without-system",
                taken.len(),
                &[("rows", &named_with_more(texts, &taken))],
            ),
        );
    }
    // Practices whose maturity question is unanswered read as not started: readiness and
    // effort then rest on an assumption the reader should see (tenth lead-implementer review).
    // A row whose status was set by hand no longer depends on the answer. Only questions the
    // answers show are counted: a practice whose question is hidden (development, when none is
    // done) cannot be answered, whatever brings its rows in (twenty-sixth review).
    let hidden: BTreeSet<&str> = questionnaire
        .questions()
        .filter(|q| !questionnaire.is_visible(q, answers))
        .filter_map(|q| match &q.kind {
            QuestionKind::Maturity { practice, .. } => Some(practice.as_str()),
            _ => None,
        })
        .collect();
    let asked = |r: &&MatrixRow| !hidden.contains(r.practice.as_str());
    let practices: BTreeSet<&str> = rows
        .iter()
        .filter(|r| r.applicable)
        .filter(asked)
        .map(|r| r.practice.as_str())
        .collect();
    let unanswered: BTreeSet<&str> = rows
        .iter()
        .filter(|r| r.applicable && !r.status_overridden && r.maturity.is_none())
        .filter(asked)
        .map(|r| r.practice.as_str())
        .collect();
    if !unanswered.is_empty() {
        add(
            WarningKind::Answers,
            None,
            texts.count(
                "engine.warning.maturity-unanswered",
                unanswered.len(),
                &[("total", &practices.len())],
            ),
        );
    }
    // A system in place keeps its audit programme and results and its management reviews'
    // results as documented information (9.2, 9.3 of both standards): answered as not written
    // down, the starting point is in doubt, and the plan builds on a system that may not pass.
    let held: Vec<&str> = [
        (&reads::START_ISO27001, "ISO/IEC 27001"),
        (&reads::START_ISO20000, "ISO/IEC 20000-1"),
    ]
    .into_iter()
    .filter(|(question, _)| question.get(answers).is_some_and(Holding::holds))
    .map(|(_, standard)| standard)
    .collect();
    // The rows of these practices answered as done but not written down, or not in place.
    let unwritten = |practices: &[&str]| -> Vec<&MatrixRow> {
        rows.iter()
            .filter(|r| practices.contains(&r.practice.as_str()))
            .filter(|r| r.maturity.is_some_and(|m| !m.is_written()))
            .collect()
    };
    let unrecorded = unwritten(&["internal-audit", "management-review"]);
    if let (false, Some(first)) = (held.is_empty(), unrecorded.first()) {
        let topics: Vec<&str> = unrecorded.iter().map(|r| &*r.topic).collect();
        add(
            WarningKind::Answers,
            Some(&first.id),
            // "is in place" for one standard, "are" for both.
            texts.count(
                "engine.warning.system-without-records",
                held.len(),
                &[
                    ("standard", &super::applicability::join_and(texts, &held)),
                    ("topics", &super::applicability::join_quoted(texts, &topics)),
                ],
            ),
        );
    }
    // A system in place keeps the documents its standard lists as documented information:
    // answered as not written down, or not in place, its starting point is in doubt. For an
    // SMS, those 20000-1 7.5.4 lists (its scope, policy and objectives, plan, catalogue, service
    // level agreements, supplier contracts, policies and continuity plans; from a ninth
    // lead-implementer review) and the risks 6.1 has it determine and document (twenty-ninth
    // review), not the information security risk rows: a 27001 risk method not yet written
    // down is the usual starting point of an SMS adding 27001, not a sign it would fail. For an ISMS, its scope
    // (4.3), policy (5.2), risk assessment and treatment processes with the Statement of
    // Applicability (6.1.2, 6.1.3) and their results (8.2, 8.3; twenty-eighth review), and its
    // objectives (6.2; thirty-first review).
    const SMS_DOCUMENTS: &[&str] = &[
        "scope",
        "policy",
        "risk",
        "objectives",
        "change-planning",
        "catalogue",
        "service-level",
        "supplier",
        "continuity",
        "change",
    ];
    const ISMS_DOCUMENTS: &[&str] = &["scope", "policy", "infosec-risk", "objectives"];
    for (standard, practices, key) in [
        (
            &reads::START_ISO20000,
            SMS_DOCUMENTS,
            "engine.warning.sms-without-documents",
        ),
        (
            &reads::START_ISO27001,
            ISMS_DOCUMENTS,
            "engine.warning.isms-without-documents",
        ),
    ] {
        if !standard.get(answers).is_some_and(Holding::holds) {
            continue;
        }
        let documents = unwritten(practices);
        if let Some(first) = documents.first() {
            let mut topics: Vec<&str> = documents.iter().map(|r| &*r.topic).collect();
            topics.dedup();
            add(
                WarningKind::Answers,
                Some(&first.id),
                texts.fill(
                    key,
                    &[("topics", &super::applicability::join_quoted(texts, &topics))],
                ),
            );
        }
    }
    // An SMS in place assesses the information security risks to its services and keeps the
    // results (20000-1 8.7.3.2): not in place at all, the answer or the certificate is in
    // doubt (thirty-second review); done but not written down, the results are still due as
    // documented information, which the SMS's next audit samples (thirty-third review).
    let sms_held = reads::START_ISO20000
        .get(answers)
        .is_some_and(Holding::holds);
    let security_risk_check = match maturity("infosec-risk") {
        Some(Maturity::NotInPlace) => Some("engine.warning.sms-without-security-risk"),
        Some(Maturity::Informal) => Some("engine.warning.sms-security-risk-unwritten"),
        _ => None,
    };
    if let Some(key) = security_risk_check.filter(|_| sms_held) {
        let subject = first_row("infosec-risk").map(|r| r.id.as_str());
        add(WarningKind::Answers, subject, texts.get(key).to_owned());
    }
    if written("development") && absent("change") {
        let subject = first_row("change").map(|r| r.id.as_str());
        add(
            WarningKind::Answers,
            subject,
            texts
                .get("engine.warning.development-without-change")
                .to_owned(),
        );
    }
}

/// Whether a row is due after `date` (`YYYY-MM-DD`): by the due date set on it, else its
/// phase's. ISO dates compare as text; a row without a date (no assessment date) is never late.
fn due_after(row: &MatrixRow, date: &str) -> bool {
    let due = if row.due.is_empty() {
        &row.target_date
    } else {
        &row.due
    };
    due.as_str() > date
}

/// Reporting deadlines already in force (`ObligationControl::deadline`: NIS2's early warning,
/// GDPR's 72 hours, the Cyber Resilience Act's notices …) apply from today, while the rows
/// that carry them may be planned for the controls phase: an interim notification procedure
/// bridges the gap from the first phase (thirtieth review: "they apply now" beside a due date
/// seven months away).
///
/// A shared row of an ISMS in place, its practice written down, carries no deadline
/// (`derive::RowPlace::deadlines_held`): the ISMS has the notification procedure, and what is
/// open there is the 20000-1 process (thirty-first review: a certified ISMS of an essential
/// entity was told to set one up).
fn interim_notification(
    rows: &[MatrixRow],
    facts: &Facts<'_>,
    schedule: &Schedule,
) -> Option<String> {
    let texts = facts.texts;
    let first_phase_ends = schedule.phases.first()?.ends.as_str();
    let later: Vec<&str> = rows
        .iter()
        .filter(|row| row.reporting_deadline && row.is_open())
        .filter(|row| due_after(row, first_phase_ends))
        .map(|row| &*row.topic)
        .collect();
    if later.is_empty() {
        return None;
    }
    // By name: each row's detail gives the provisions.
    let duties: Vec<&str> = facts
        .obligations
        .iter()
        .filter(|o| !o.attestation)
        .filter(|o| o.controls.iter().any(|c| c.deadline && facts.link_holds(c)))
        .map(|o| &*o.name)
        .collect();
    let date = crate::date::Date::parse(first_phase_ends).map(|d| texts.date(d))?;
    Some(texts.fill(
        "engine.warning.interim-notification",
        &[
            ("duties", &super::applicability::join_and(texts, &duties)),
            ("rows", &super::applicability::join_quoted(texts, &later)),
            ("date", &date),
        ],
    ))
}

/// The significance thresholds of Implementing Regulation (EU) 2024/2690 for the provider types
/// the answers name, beside A.5.25. NIS2's link states the Directive's own test (Art. 23(3)),
/// since the Regulation covers only those types (thirty-seventh review: every type's
/// thresholds, recited to a utility it does not cover and to a security provider that needed
/// one article, hid the one that applied).
fn significant_incident(answers: &Answers, facts: &Facts<'_>) -> Option<String> {
    if !(facts.has(Tag::ImplementingRegulation) && facts.has(Tag::Nis2)) {
        return None;
    }
    let texts = facts.texts;
    let digital = facts.has(Tag::DigitalProvider);
    let services = reads::TRUST_DNS.get(answers);
    let managed = digital && reads::ORG_SECTOR.get(answers) == Some(Sector::ItServices);
    let cloud = digital && facts.has(Tag::CloudProvider);
    // Cloud and managed services share their thresholds: one sentence for both.
    let kinds = [
        (
            managed && !cloud,
            "engine.warning.significant-incident.managed",
        ),
        (
            cloud && !managed,
            "engine.warning.significant-incident.cloud",
        ),
        (
            cloud && managed,
            "engine.warning.significant-incident.cloud-managed",
        ),
        (
            digital && reads::PREMISES.has(answers, Premises::DataCentre),
            "engine.warning.significant-incident.data-centre",
        ),
        (
            services.contains(&ProvidedService::Dns),
            "engine.warning.significant-incident.dns",
        ),
        (
            services.contains(&ProvidedService::QualifiedTrust)
                || services.contains(&ProvidedService::Trust),
            "engine.warning.significant-incident.trust",
        ),
        (
            services.contains(&ProvidedService::Platform)
                && reads::ORG_SIZE
                    .get(answers)
                    .is_some_and(OrgSize::medium_or_larger),
            "engine.warning.significant-incident.platform",
        ),
    ];
    let articles: Vec<&str> = kinds
        .iter()
        .filter(|(holds, _)| *holds)
        .map(|(_, key)| texts.get(key))
        .collect();
    if articles.is_empty() {
        return None;
    }
    Some(texts.fill(
        "engine.warning.significant-incident",
        &[(
            "articles",
            &super::applicability::join_and(texts, &articles),
        )],
    ))
}

/// The controls that carry a processor's GDPR Art. 28 terms: processing only on the customer's
/// instructions (A.5.34), staff bound to confidentiality (A.6.6), sub-processors bound by the
/// same terms (A.5.20).
const PROCESSOR_TERMS: [&str; 3] = ["A.5.34", "A.6.6", "A.5.20"];

/// A processor is bound by GDPR Art. 28 from its first customer, not from the audit, and the
/// agreements and commitments it needs are days of work: when the rows that carry them are
/// planned after the first phase, the check asks for them by its end (thirty-seventh review: an
/// IT support firm for medical practices, nothing written down, whose staff see patient records
/// every day, had its processing agreements and confidentiality commitments due a year later).
fn processor_terms_now(
    rows: &[MatrixRow],
    soa: &[SoaEntry],
    facts: &Facts<'_>,
    schedule: &Schedule,
) -> Option<String> {
    if !facts.applies(ObligationId::GdprProcessor) {
        return None;
    }
    let texts = facts.texts;
    let first_phase_ends = schedule.phases.first()?.ends.as_str();
    // A control the SoA reads as implemented is held: a shared row stays open for the other
    // standard's side (a certified ISMS's supplier agreements, the SMS's supplier process).
    let carries_terms = |row: &MatrixRow| {
        soa.iter().any(|e| {
            e.applicable
                && e.status.is_open()
                && PROCESSOR_TERMS.contains(&e.reference.as_str())
                && e.rows.contains(&row.id)
        })
    };
    let later: Vec<&str> = rows
        .iter()
        .filter(|row| row.is_open() && carries_terms(row))
        .filter(|row| due_after(row, first_phase_ends))
        .map(|row| &*row.topic)
        .collect();
    if later.is_empty() {
        return None;
    }
    let date = crate::date::Date::parse(first_phase_ends).map(|d| texts.date(d))?;
    Some(texts.fill(
        "engine.warning.processor-terms-now",
        &[
            ("rows", &super::applicability::join_quoted(texts, &later)),
            ("date", &date),
        ],
    ))
}

/// With an ISMS in place, the Annex A controls of shared rows whose practice was answered as not
/// written down, or not in place: the SoA reads them as their rows do, not as implemented
/// (`soa::control_status`), since the answer on the practice, which names its security side
/// ("security incidents included", "an inventory"), doubts what the ISMS holds (thirty-first
/// review). The check names the practices and the controls.
fn isms_controls_in_doubt(
    rows: &[MatrixRow],
    soa: &[SoaEntry],
    questionnaire: &Questionnaire,
    texts: &Texts,
) -> Option<String> {
    let in_doubt = super::soa::answer_doubts_isms;
    let doubted: Vec<&SoaEntry> = soa
        .iter()
        .filter(|e| e.applicable && matches!(e.status, Status::InProgress | Status::NotStarted))
        .filter(|e| {
            e.rows
                .iter()
                .any(|id| rows.iter().any(|r| &r.id == id && in_doubt(r)))
        })
        .collect();
    if doubted.is_empty() {
        return None;
    }
    let mut practices: Vec<&str> = Vec::new();
    for row in rows.iter().filter(|r| in_doubt(r)) {
        let holds_one = doubted.iter().any(|e| e.rows.contains(&row.id));
        let label = questionnaire
            .maturity_question(&row.practice)
            .map(|q| &*q.label);
        if let (true, Some(label)) = (holds_one, label) {
            if !practices.contains(&label) {
                practices.push(label);
            }
        }
    }
    let controls: Vec<&str> = doubted.iter().map(|e| e.reference.as_str()).collect();
    Some(texts.fill(
        "engine.warning.isms-controls-in-doubt",
        &[
            (
                "practices",
                &super::applicability::join_quoted(texts, &practices),
            ),
            (
                "controls",
                &super::applicability::join_and(texts, &controls),
            ),
        ],
    ))
}

/// People an organisation of this size can usually free for the project at once: one in ten of
/// the smallest organisation of its band, at least one, and half as many again since most are
/// larger than the smallest (our rule of thumb, docs/method.md §10).
fn project_people(size: OrgSize) -> f64 {
    let lower_bound: f64 = match size {
        OrgSize::Micro => 1.0,
        OrgSize::Small => 10.0,
        OrgSize::Medium => 50.0,
        OrgSize::Large => 250.0,
        OrgSize::Enterprise => 1000.0,
    };
    (lower_bound / 10.0).max(1.0) * 1.5
}

/// The phase dates spread the time to the audit by the plan's steps, not by the effort each
/// phase holds (docs/method.md §13). When one phase of the first stage asks more people full
/// time than the organisation can usually free, the dates are not credible: say so for the
/// heaviest phase (tenth lead-implementer review: 126 person-days in 11 weeks for 12 people).
fn workload_check(
    rows: &[MatrixRow],
    answers: &Answers,
    (texts, target): (&crate::i18n::Texts, Target),
    schedule: &Schedule,
    add: &mut impl FnMut(WarningKind, Option<&str>, String),
) {
    let Some(size) = reads::ORG_SIZE.get(answers) else {
        return;
    };
    let mut begins = crate::date::Date::parse(&schedule.start);
    let mut heaviest: Option<(f64, Phase, f64, i64)> = None;
    for end in &schedule.phases {
        let ends = crate::date::Date::parse(&end.ends);
        let (Some(from), Some(to)) = (begins, ends) else {
            return;
        };
        begins = ends;
        let days: f64 = rows
            .iter()
            .filter(|r| r.is_open() && !r.second_stage && r.phase == end.phase)
            .map(|r| r.remaining_days)
            .sum();
        let working_days = from.days_until(to) as f64 * 5.0 / 7.0;
        if working_days < 1.0 {
            continue;
        }
        let people = days / working_days;
        if heaviest.is_none_or(|(most, ..)| people > most) {
            heaviest = Some((people, end.phase, days, from.days_until(to)));
        }
    }
    if let Some((people, phase, days, span)) = heaviest {
        if people > project_people(size) {
            let mut check = texts.fill(
                "engine.warning.phase-workload",
                &[
                    ("phase", &texts.label(phase)),
                    ("days", &texts.decimal(days, 0)),
                    ("weeks", &texts.integer((span as f64 / 7.0).round() as i64)),
                    ("people", &texts.decimal(people, 1)),
                ],
            );
            // In a staged plan, a shared process the second standard leads is needed at the
            // first audit only for the first standard's controls in it: the first remedy
            // (thirtieth review: 40 of a small provider's 90 days were such processes).
            if let Some((first, second)) = staged_standards(target) {
                let second_lead = match target {
                    Target::Iso27001First => crate::catalog::Lead::Iso20000,
                    _ => crate::catalog::Lead::Iso27001,
                };
                let shared: f64 = rows
                    .iter()
                    .filter(|r| r.is_open() && !r.second_stage && r.phase == phase)
                    .filter(|r| r.kind == RowKind::Integrated && r.lead == second_lead)
                    .map(|r| r.remaining_days)
                    .sum();
                if shared >= 1.0 {
                    check.push(' ');
                    check.push_str(&texts.fill(
                        "engine.warning.phase-workload-staged",
                        &[
                            ("shared", &texts.decimal(shared, 0)),
                            ("first", &first),
                            ("second", &second),
                        ],
                    ));
                }
            }
            add(WarningKind::Schedule, None, check);
        }
    }
}

/// Row titles quoted and joined, the first twelve by name and the rest as a number: a check
/// that names sixty rows is not read.
fn named_with_more(texts: &Texts, titles: &[&str]) -> String {
    const NAMED: usize = 12;
    if titles.len() <= NAMED + 1 {
        return super::applicability::join_quoted(texts, titles);
    }
    let quoted: Vec<String> = titles[..NAMED]
        .iter()
        .map(|title| texts.fill("engine.list.quoted", &[("text", title)]))
        .chain([texts.count("engine.list.more", titles.len() - NAMED, &[])])
        .collect();
    let quoted: Vec<&str> = quoted.iter().map(String::as_str).collect();
    super::applicability::join_and(texts, &quoted)
}

/// Appends to a check the sentence `key` says about the other ISO management systems the
/// prospect runs, named in it; nothing when it runs none.
fn add_other_systems(check: &mut String, key: &str, answers: &Answers, texts: &Texts) {
    // A laboratory accreditation is assessed by an accreditation body: never in a
    // certification body's visit.
    let others = reads::OtherSystem::held_standards(answers);
    if !others.is_empty() {
        check.push(' ');
        check.push_str(&texts.fill(
            key,
            &[("others", &super::applicability::join_and(texts, &others))],
        ));
    }
}

/// The check for a provider NIS2 makes essential by the service it provides (Art. 3(1)(b)) that
/// answered otherwise: it names the services chosen and what each brings.
fn essential_by_service_check(services: &[ProvidedService], texts: &Texts) -> String {
    let trust = services.contains(&ProvidedService::QualifiedTrust);
    let dns = services.contains(&ProvidedService::Dns);
    let opening = match (trust, dns) {
        (true, true) => "engine.warning.nis2-essential-by-service.both",
        (true, false) => "engine.warning.nis2-essential-by-service.qualified-trust",
        _ => "engine.warning.nis2-essential-by-service.dns",
    };
    let mut parts = vec![
        texts.get(opening),
        texts.get("engine.warning.nis2-essential-by-service"),
    ];
    if trust {
        parts.push(texts.get("engine.warning.nis2-essential-by-service.trust-incidents"));
    }
    if dns {
        parts.push(texts.get("engine.warning.nis2-essential-by-service.dns-scope"));
    }
    parts.push(texts.get("engine.warning.nis2-essential-by-service.confirm"));
    parts.join(" ")
}

/// On a staged route, the standard certified first and the one certified second.
fn staged_standards(target: Target) -> Option<(&'static str, &'static str)> {
    match target {
        Target::Iso27001First => Some(("ISO/IEC 27001", "ISO/IEC 20000-1")),
        Target::Iso20000First => Some(("ISO/IEC 20000-1", "ISO/IEC 27001")),
        Target::Integrated | Target::AddCombined => None,
    }
}

/// The standard certified (the first one found certified) and the one added to it.
fn added_to_held(answers: &Answers) -> Option<(&'static str, &'static str)> {
    [
        (&reads::START_ISO27001, "ISO/IEC 27001", "ISO/IEC 20000-1"),
        (&reads::START_ISO20000, "ISO/IEC 20000-1", "ISO/IEC 27001"),
    ]
    .into_iter()
    .find(|(q, ..)| super::plan::held(answers, q))
    .map(|(_, held, added)| (held, added))
}
