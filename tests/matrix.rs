//! The matrix engine, scenario by scenario (table-driven), plus property tests over arbitrary
//! answers and edits.

use ims_matrix::assessment::{Assessment, Status};
use ims_matrix::catalog::{self, Lead, RowKind, StandardId};
use ims_matrix::matrix::{self, view, Matrix, Priority, StartingPoint};
use ims_matrix::questionnaire::{self, Answer, QuestionKind};

fn build_with(answers: &[(&str, Answer)], edit: impl FnOnce(&mut Assessment)) -> Matrix {
    let mut a = Assessment::new("2026-11-27T00:00:00Z");
    for (id, answer) in answers {
        a.answers.insert((*id).to_owned(), answer.clone());
    }
    edit(&mut a);
    matrix::build(catalog::builtin(), questionnaire::builtin(), &a)
}

/// The draft SoA's entry for an Annex A control.
fn soa_entry<'m>(m: &'m Matrix, control: &str) -> &'m matrix::SoaEntry {
    m.soa
        .iter()
        .find(|e| e.reference == control)
        .unwrap_or_else(|| panic!("{control}"))
}

/// A prospect holding customers' data, with one yes-or-no question about its services answered.
fn with_customer_data(question: &str, yes: bool) -> Matrix {
    build_with(
        &[
            ("scope.customer-data", Answer::Bool(true)),
            (question, Answer::Bool(yes)),
        ],
        |_| {},
    )
}

/// The texts of every check the answers raise, joined, to search for a phrase.
fn checks_joined(answers: &[(&str, Answer)]) -> String {
    build_with(answers, |_| {})
        .warnings
        .iter()
        .map(|w| w.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The check beside A.5.25 that names the Implementing Regulation's significance thresholds
/// for the provider types answered; empty without one.
fn significance_check(m: &Matrix) -> String {
    m.warnings
        .iter()
        .filter(|w| w.subject.as_deref() == Some("A.5.25"))
        .map(|w| w.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

fn text(value: &str) -> Answer {
    Answer::Text(value.to_owned())
}

fn multi(values: &[&str]) -> Answer {
    Answer::Choices(values.iter().map(|v| (*v).to_owned()).collect())
}

fn row<'m>(m: &'m Matrix, id: &str) -> &'m matrix::MatrixRow {
    m.rows
        .iter()
        .find(|r| r.id == id)
        .unwrap_or_else(|| panic!("row {id}"))
}

#[test]
fn no_development_makes_secure_development_not_applicable_with_that_reason() {
    let m = build_with(&[("scope.development", text("none"))], |_| {});
    for control in ["A.8.25", "A.8.28", "A.8.30", "A.8.4"] {
        let entry = soa_entry(&m, control);
        assert!(!entry.applicable, "{control}");
        assert!(
            entry.reason.contains("no software is developed"),
            "{control}: {}",
            entry.reason
        );
        assert_eq!(entry.status, Status::NotApplicable);
    }
    // Acquired systems still need security requirements, and changes are still tested before
    // release (ISO/IEC 20000-1 8.5.3), so test environments and test data stay in scope.
    assert!(soa_entry(&m, "A.8.26").applicable);
    for control in ["A.8.31", "A.8.33"] {
        let entry = soa_entry(&m, control);
        assert!(
            entry.applicable && entry.reason.contains("8.5.3"),
            "{control}: {}",
            entry.reason
        );
    }
    let secure_dev = m
        .rows
        .iter()
        .find(|r| r.iso27001.iter().any(|x| x.reference == "A.8.25"))
        .expect("row");
    assert!(!secure_dev.applicable);
    assert_eq!(secure_dev.status, Status::NotApplicable);
    assert_eq!(secure_dev.priority, Priority::None);
    // The same answer in the 2013 numbering: A.14.2.1 follows A.8.25.
    let old = build_with(&[("scope.development", text("none"))], |a| {
        a.editions.iso27001 = StandardId::Iso27001_2013
    });
    assert!(!soa_entry(&old, "A.14.2.1").applicable);
    assert!(soa_entry(&old, "A.14.2.1")
        .reason
        .contains("no software is developed"));
    // Developing in house keeps them applicable.
    let dev = build_with(&[("scope.development", text("in-house"))], |_| {});
    assert!(soa_entry(&dev, "A.8.25").applicable);
    assert!(!soa_entry(&dev, "A.8.30").applicable);
}

#[test]
fn the_starting_point_decides_the_action_for_common_rows() {
    let cases = [
        (
            "none",
            "none",
            None,
            StartingPoint::Neither,
            "Write one integrated document covering both standards",
        ),
        (
            "certified",
            "in-progress",
            None,
            StartingPoint::Iso27001,
            "Extend the ISMS document to cover the SMS",
        ),
        (
            "none",
            "implemented",
            None,
            StartingPoint::Iso20000,
            "Extend the SMS document to cover the ISMS",
        ),
        (
            "certified",
            "certified",
            Some(true),
            StartingPoint::BothSeparate,
            "Merge the ISMS and SMS documents into one",
        ),
        (
            "certified",
            "certified",
            Some(false),
            StartingPoint::BothIntegrated,
            "Keep the integrated document; check it covers both",
        ),
    ];
    for (iso27001, iso20000, separate, start, action) in cases {
        let mut answers = vec![
            ("start.iso27001", text(iso27001)),
            ("start.iso20000", text(iso20000)),
        ];
        if let Some(separate) = separate {
            answers.push(("start.separate", Answer::Bool(separate)));
        }
        let m = build_with(&answers, |_| {});
        assert_eq!(m.starting_point, start);
        assert_eq!(row(&m, "common.policy").action, action, "{start:?}");
    }
    // Holding 27001 makes it lead the shared documents.
    let m = build_with(
        &[
            ("start.iso27001", text("certified")),
            ("start.iso20000", text("none")),
        ],
        |_| {},
    );
    assert_eq!(row(&m, "common.policy").lead, Lead::Iso27001);
    assert_eq!(
        row(&m, "isms.cryptography").action,
        "Complete in the ISMS; nothing to integrate"
    );
    let done = build_with(
        &[
            ("start.iso27001", text("certified")),
            ("start.iso20000", text("none")),
            ("maturity.crypto", text("documented_one")),
        ],
        |_| {},
    );
    assert_eq!(
        row(&done, "isms.cryptography").action,
        "Keep in the ISMS; nothing to integrate"
    );
    assert_eq!(
        row(&m, "sms.catalogue").action,
        "Implement for ISO/IEC 20000-1"
    );
}

#[test]
fn maturity_derives_status_and_a_user_override_beats_it() {
    let m = build_with(
        &[
            ("maturity.policy", text("integrated")),
            ("maturity.crypto", text("documented_one")),
            ("maturity.change", text("documented_one")),
        ],
        |_| {},
    );
    assert_eq!(row(&m, "common.policy").status, Status::Implemented);
    // Documented for one standard completes a one-standard row, not a shared one.
    assert_eq!(row(&m, "isms.cryptography").status, Status::Implemented);
    assert_eq!(row(&m, "process.change-policy").status, Status::InProgress);
    let overridden = build_with(&[("maturity.policy", text("integrated"))], |a| {
        a.update_row("common.policy", |e| e.status = Some(Status::NotStarted));
    });
    let policy = row(&overridden, "common.policy");
    assert_eq!(policy.derived_status, Status::Implemented);
    assert_eq!(policy.status, Status::NotStarted);
    assert!(policy.status_overridden);
    assert_ne!(policy.priority, Priority::None);
}

#[test]
fn an_older_edition_chosen_for_the_documents_is_checked_against_the_audit_edition() {
    let says = |m: &Matrix, what: &str| m.warnings.iter().any(|w| w.text.contains(what));
    let current = build_with(&[], |_| {});
    assert!(!says(&current, "Certification audits are"));
    let old = build_with(&[], |a| {
        a.editions.iso27001 = StandardId::Iso27001_2013;
        a.editions.iso20000 = StandardId::Iso20000_2011;
    });
    assert!(says(&old, "ISO/IEC 27001:2022 only"));
    // A reason naming a control of 2022 says so in the 2013 view: it is in neither the rows'
    // references nor the 2013 SoA.
    let raised = build_with(&[("scope.internet-facing", Answer::Bool(true))], |a| {
        a.editions.iso27001 = StandardId::Iso27001_2013;
    });
    let malware = &row(&raised, "isms.malware").priority_reasons;
    assert!(
        malware
            .iter()
            .any(|r| r.contains("A.8.7 (ISO/IEC 27001:2022)")),
        "{malware:?}"
    );
    // A row whose only control is new in 2022 is, in the 2013 view, a 20000-1 process.
    let cloud = row(&old, "process.cloud-services");
    assert!(cloud.iso27001.is_empty());
    assert!(
        cloud.applicability_reason.contains("ISO/IEC 20000-1"),
        "{}",
        cloud.applicability_reason
    );
    assert!(says(&old, "ISO/IEC 20000-1:2018 only"));
    // Holding a certificate on the old edition has its own, stronger check instead.
    let held = build_with(&[("start.iso27001", text("certified"))], |a| {
        a.editions.iso27001 = StandardId::Iso27001_2013;
    });
    assert!(says(&held, "no longer valid"));
    assert!(!says(&held, "ISO/IEC 27001:2022 only"));
}

#[test]
fn a_processor_only_answer_and_an_audit_date_without_a_body_are_checked() {
    let says = |m: &Matrix, what: &str| m.warnings.iter().any(|w| w.text.contains(what));
    let processor = build_with(&[("reg.gdpr", text("processor"))], |_| {});
    assert!(says(&processor, "GDPR Art. 4(7)"));
    let both = build_with(&[("reg.gdpr", text("both"))], |_| {});
    assert!(!says(&both, "GDPR Art. 4(7)"));
    let unbooked = build_with(
        &[
            ("cert.body", text("none")),
            ("cert.audit-date", text("2027-11-30")),
        ],
        |_| {},
    );
    assert!(says(&unbooked, "no body is chosen to hold that date"));
    let booked = build_with(
        &[
            ("cert.body", text("one")),
            ("cert.audit-date", text("2027-11-30")),
        ],
        |_| {},
    );
    assert!(!says(&booked, "no body is chosen to hold that date"));
}

#[test]
fn controls_a_rule_brings_in_together_are_each_justified_in_their_own_words() {
    // One answer ("we develop software") brings in eight controls: the SoA gives each its own
    // sentence after the shared reason, as an auditor reads it control by control.
    let m = build_with(&[("scope.development", text("in-house"))], |_| {});
    let controls = ["A.8.4", "A.8.25", "A.8.28", "A.8.31", "A.8.33"];
    let reasons: std::collections::HashSet<String> = controls
        .iter()
        .map(|c| soa_entry(&m, c).reason.to_string())
        .collect();
    assert_eq!(reasons.len(), controls.len(), "{reasons:#?}");
    for control in controls {
        assert!(
            soa_entry(&m, control)
                .reason
                .starts_with("You told us you develop software"),
            "{control}"
        );
    }
}

#[test]
fn a_row_holding_several_controls_names_the_one_its_annex_a_reason_is_for() {
    // The release row holds A.8.19, A.8.31 and A.8.33; without development its reason is the
    // test environments' (an answer decided it), and it says so rather than reading as A.8.19's.
    let m = build_with(&[("scope.development", text("none"))], |_| {});
    let reason = &row(&m, "process.release").applicability_reason;
    assert!(
        reason.contains("Annex A, A.8.31: You do no development"),
        "{reason}"
    );
}

#[test]
fn physical_controls_are_justified_by_the_premises_given() {
    let reason = |premises: &[&str]| {
        let premises = premises.iter().map(|p| (*p).to_owned()).collect();
        soa_entry(
            &build_with(&[("scope.premises", Answer::Choices(premises))], |_| {}),
            "A.7.2",
        )
        .reason
        .to_string()
    };
    let room = reason(&["offices", "server-room"]);
    assert!(
        room.contains("server or comms room") && !room.contains("colocation"),
        "{room}"
    );
    assert!(reason(&["data-centre"]).contains("run a data centre"));
    let colocated = reason(&["colocation"]);
    assert!(
        colocated.contains("checked through the contract"),
        "{colocated}"
    );
    assert!(reason(&["server-room", "colocation"]).contains("rooms of your own and in colocation"));
    // Fully remote: nothing of the prospect's to secure, the host's share checked as a supplier,
    // and the homes covered by remote working, not handed to "providers".
    let remote = reason(&["none"]);
    assert!(
        remote.contains("no buildings, rooms") && remote.contains("work at home"),
        "{remote}"
    );
    assert!(!remote.contains("falls to your providers"), "{remote}");
    // Offices alone: secure areas and equipment siting read for offices, not server rooms.
    let offices = build_with(
        &[("scope.premises", Answer::Choices(vec!["offices".into()]))],
        |_| {},
    );
    for control in ["A.7.6", "A.7.8"] {
        let reason = soa_entry(&offices, control).reason.to_string();
        assert!(
            reason.contains("premises are offices") && !reason.contains("server rooms"),
            "{control}: {reason}"
        );
    }
}

#[test]
fn with_an_isms_in_place_the_soa_reads_a_control_implemented_while_its_row_awaits_integration() {
    let practice = row(&build_with(&[], |_| {}), "process.backup")
        .practice
        .clone();
    let question = questionnaire::builtin()
        .maturity_question(&practice)
        .unwrap()
        .id
        .clone();
    let with = |held: &str| {
        build_with(
            &[
                ("start.iso27001", text(held)),
                (question.as_str(), text("documented_one")),
            ],
            |_| {},
        )
    };
    let isms = with("implemented");
    assert_eq!(row(&isms, "process.backup").status, Status::InProgress);
    assert_eq!(soa_entry(&isms, "A.8.13").status, Status::Implemented);
    // A.5.19 also sits on the row of parties in the service lifecycle, whose 20000-1 practice
    // is only done informally: the ISMS control is still implemented.
    let portfolio = questionnaire::builtin()
        .maturity_question(&row(&isms, "process.control-of-parties").practice)
        .unwrap()
        .id
        .clone();
    let supplier = questionnaire::builtin()
        .maturity_question(&row(&isms, "process.supplier-security").practice)
        .unwrap()
        .id
        .clone();
    let parties = build_with(
        &[
            ("start.iso27001", text("certified")),
            (supplier.as_str(), text("documented_one")),
            (portfolio.as_str(), text("informal")),
        ],
        |_| {},
    );
    assert_eq!(soa_entry(&parties, "A.5.19").status, Status::Implemented);
    // Not in place at all (no portfolio, no design and transition): the row of parties is Not
    // started, and A.5.19 is still implemented by the supplier rows that own it. A.8.27 sits
    // on the service design row, and the design answer includes planning security
    // requirements: the SoA reads it as its row, with a check (thirty-first review).
    let design = questionnaire::builtin()
        .maturity_question(&row(&isms, "process.design").practice)
        .unwrap()
        .id
        .clone();
    let nothing_for_20000 = build_with(
        &[
            ("start.iso27001", text("certified")),
            (supplier.as_str(), text("documented_one")),
            (portfolio.as_str(), text("not_in_place")),
            (design.as_str(), text("not_in_place")),
        ],
        |_| {},
    );
    assert_eq!(
        row(&nothing_for_20000, "process.control-of-parties").status,
        Status::NotStarted
    );
    assert_eq!(
        soa_entry(&nothing_for_20000, "A.5.19").status,
        Status::Implemented
    );
    assert_eq!(
        soa_entry(&nothing_for_20000, "A.8.27").status,
        Status::NotStarted
    );
    let doubt = nothing_for_20000
        .warnings
        .iter()
        .find(|w| {
            w.text
                .contains("A.8.27 and A.8.29 as their rows do, not as implemented")
        })
        .expect("a check names the controls the answers doubt");
    assert!(
        doubt
            .text
            .contains("“Not in place” for “Service design and transition”"),
        "{}",
        doubt.text
    );
    assert!(!doubt.text.contains("A.5.19"), "{}", doubt.text);
    // Done but not written down: In progress, as the row.
    let informal = build_with(
        &[
            ("start.iso27001", text("certified")),
            (question.as_str(), text("informal")),
        ],
        |_| {},
    );
    assert_eq!(row(&informal, "process.backup").status, Status::InProgress);
    assert_eq!(soa_entry(&informal, "A.8.13").status, Status::InProgress);
    // The SoA line says why, for the auditor who reads it alone.
    assert!(soa_entry(&informal, "A.8.13")
        .warnings
        .iter()
        .any(|w| w.starts_with("Not read as implemented although ISO/IEC 27001 is in place")));
    assert!(soa_entry(&isms, "A.8.13").warnings.is_empty());
    // The service request question asks about the service side only: access rights (A.5.18)
    // on the request row stay the ISMS's.
    let requests = build_with(
        &[
            ("start.iso27001", text("certified")),
            ("maturity.request", text("informal")),
        ],
        |_| {},
    );
    assert_eq!(
        row(&requests, "process.service-requests").status,
        Status::InProgress
    );
    assert_eq!(soa_entry(&requests, "A.5.18").status, Status::Implemented);
    // Without an ISMS, written down for one standard may be the SMS: the control is not
    // claimed implemented.
    let none = with("none");
    assert_eq!(soa_entry(&none, "A.8.13").status, Status::InProgress);
    // A status set by hand is the user's word on the row and its control.
    let by_hand = build_with(
        &[
            ("start.iso27001", text("implemented")),
            (question.as_str(), text("documented_one")),
        ],
        |a| a.update_row("process.backup", |e| e.status = Some(Status::InProgress)),
    );
    assert_eq!(soa_entry(&by_hand, "A.8.13").status, Status::InProgress);
}

#[test]
fn the_plan_builds_commitment_before_policy_and_the_catalogue_before_service_levels() {
    let m = build_with(&[("start.timeline", text("12-months"))], |_| {});
    let rank = |id: &str| row(&m, id).plan_rank;
    assert!(row(&m, "common.leadership").critical);
    assert!(rank("common.leadership") < rank("common.policy"));
    assert!(rank("sms.catalogue") < rank("process.service-level"));
    assert!(rank("sms.service-delivery") < rank("sms.plan-services"));
    // The parties that operate parts of the services before the levels agreed on them, which
    // rest on what those parties deliver (fifteenth review).
    assert!(rank("process.control-of-parties") < rank("process.service-level"));
    // The audit and review rows leave about five weeks of a year's plan to correct findings.
    let schedule = m.schedule.as_ref().unwrap();
    let review = ims_matrix::date::Date::parse(schedule.ends(matrix::Phase::Review)).unwrap();
    let audit = ims_matrix::date::Date::parse(&schedule.audit).unwrap();
    assert!(
        review.days_until(audit) >= 30,
        "{}",
        review.days_until(audit)
    );
    // A shorter plan still leaves time for stage 1 after the internal audit and management
    // review: five weeks of six months (10% would be 18 days), a fifth of three months; the
    // phases keep their order.
    for (timeline, at_least) in [("6-months", 35), ("3-months", 18)] {
        let m = build_with(&[("start.timeline", text(timeline))], |_| {});
        let schedule = m.schedule.as_ref().unwrap();
        let end = |phase| ims_matrix::date::Date::parse(schedule.ends(phase)).unwrap();
        let audit = ims_matrix::date::Date::parse(&schedule.audit).unwrap();
        let left = end(matrix::Phase::Review).days_until(audit);
        assert!(left >= at_least, "{timeline}: {left} days");
        assert!(
            end(matrix::Phase::Operate) < end(matrix::Phase::Review),
            "{timeline}"
        );
    }
}

#[test]
fn cloud_infrastructure_with_nothing_outsourced_is_checked() {
    let says = |outsourced: &[&str]| {
        let outsourced = outsourced.iter().map(|o| (*o).to_owned()).collect();
        build_with(
            &[
                ("scope.cloud", Answer::Choices(vec!["use-iaas".into()])),
                ("ops.outsourced", Answer::Choices(outsourced)),
            ],
            |_| {},
        )
        .warnings
        .iter()
        .any(|w| w.text.contains("your cloud provider does"))
    };
    assert!(says(&["none"]));
    assert!(says(&["service-desk"]));
    assert!(!says(&["infrastructure"]));
}

/// An outsourced service desk is told apart from outsourced infrastructure: it raises the
/// incident and request processes the desk runs for the organisation, the reporting of events
/// and the credentials its agents reset (fifteenth review).
#[test]
fn an_outsourced_service_desk_raises_the_rows_it_runs() {
    let reasons = |outsourced: &str, id: &str| {
        let m = build_with(
            &[(
                "ops.outsourced",
                Answer::Choices(vec![outsourced.to_owned()]),
            )],
            |_| {},
        );
        row(&m, id).priority_reasons.join(" ")
    };
    for id in [
        "process.service-requests",
        "process.incident-response",
        "process.event-reporting",
        "isms.authentication-information",
    ] {
        assert!(
            reasons("service-desk", id).contains("runs your service desk"),
            "{id}"
        );
        assert!(
            !reasons("infrastructure", id).contains("service desk"),
            "{id}"
        );
    }
}

#[test]
fn merging_two_certified_systems_is_a_change_to_report_and_its_next_audit_is_surveillance() {
    let merged = |combined: bool| {
        build_with(
            &[
                ("start.iso27001", text("certified")),
                ("start.iso20000", text("certified")),
                ("start.target", text("integrated")),
                ("start.timeline", text("12-months")),
                ("cert.combined", Answer::Bool(combined)),
            ],
            |_| {},
        )
    };
    let m = merged(true);
    assert_eq!(
        m.schedule.as_ref().unwrap().audit_label,
        "Combined surveillance or recertification audit of both standards"
    );
    assert!(m.warnings.iter().any(|w| w.text.contains("IAF MD 11")));
    assert!(merged(false)
        .schedule
        .unwrap()
        .audit_label
        .starts_with("Surveillance or recertification"));
    // Nothing certified yet: a certification audit, and no such check.
    let new = build_with(
        &[
            ("start.target", text("integrated")),
            ("start.timeline", text("12-months")),
        ],
        |_| {},
    );
    assert_eq!(new.schedule.unwrap().audit_label, "Certification audit");
    assert!(!new.warnings.iter().any(|w| w.text.contains("IAF MD 11")));
}

#[test]
fn adding_a_standard_to_a_certificate_held_plans_its_two_stages_with_the_held_audit() {
    let m = build_with(
        &[
            ("start.iso27001", text("certified")),
            ("start.target", text("add-combined")),
        ],
        |_| {},
    );
    assert_eq!(m.target, matrix::Target::AddCombined);
    assert!(m.warnings.iter().any(|w| w
        .text
        .starts_with("This is your first certification to ISO/IEC 20000-1")));
}

#[test]
fn a_manufacturer_calling_itself_essential_under_nis2_is_checked() {
    let says = |sector: &str, nis2: &str| {
        build_with(
            &[
                ("org.sector", text(sector)),
                ("org.size", text("large")),
                ("reg.nis2", text(nis2)),
            ],
            |_| {},
        )
        .warnings
        .iter()
        .any(|w| w.text.contains("Annex II"))
    };
    assert!(says("manufacturing", "essential"));
    assert!(!says("it-services", "essential"));
}

/// The manufacturing NIS2 covers is Annex II, but pharmaceuticals (NACE C 21) are Annex I, 5,
/// essential when large: the checks on a manufacturer's classification say so both ways, and
/// its own network brings the plants' control systems and GMP validation (fifteenth review).
#[test]
fn a_manufacturer_is_told_where_pharmaceuticals_stand_in_nis2_and_what_its_plants_need() {
    let checks = |nis2: &str, size: &str, network: bool| {
        checks_joined(&[
            ("org.sector", text("manufacturing")),
            ("org.size", text(size)),
            ("reg.nis2", text(nis2)),
            ("scope.network", Answer::Bool(network)),
        ])
    };
    let essential = checks("essential", "large", false);
    assert!(essential.contains("NACE C 21"), "{essential}");
    let important = checks("important", "large", false);
    assert!(important.contains("NACE C 21"), "{important}");
    assert!(important.contains("Art. 3(1)(a)"), "{important}");
    // A medium manufacturer answering important is right whatever it makes.
    let medium = checks("important", "medium", false);
    assert!(!medium.contains("NACE C 21"), "{medium}");
    assert!(!medium.contains("IEC 62443"), "{medium}");
    let plants = checks("important", "medium", true);
    assert!(plants.contains("IEC 62443"), "{plants}");
    assert!(plants.contains("Annex 11"), "{plants}");
}

/// A processor of special categories is not given the controller's impact assessment and
/// Art. 9(2) condition as its own legal basis; it keeps the data protection officer and the
/// classification (GDPR Art. 28(3)(f), 35(1), 37(1)(c); fifteenth review).
#[test]
fn a_processor_of_special_categories_is_not_given_the_controllers_duties() {
    let soa_of = |role: &str| {
        build_with(
            &[
                ("reg.gdpr", text(role)),
                ("reg.special-data", Answer::Bool(true)),
                ("reg.special-data-core", Answer::Bool(true)),
            ],
            |_| {},
        )
    };
    let duties = |m: &Matrix, control: &str| -> String { soa_entry(m, control).reason.to_string() };
    let processor = soa_of("processor");
    assert!(!duties(&processor, "A.5.8").contains("35(3)(b)"));
    assert!(!duties(&processor, "A.5.34").contains("9(2)"));
    assert!(duties(&processor, "A.5.2").contains("37(1)(c)"));
    assert!(duties(&processor, "A.5.12").contains("Art. 9(1), 10"));
    for role in ["controller", "both"] {
        let m = soa_of(role);
        assert!(duties(&m, "A.5.8").contains("35(3)(b)"), "{role}");
        assert!(duties(&m, "A.5.34").contains("9(2)"), "{role}");
    }
    // The impact assessment still needs the core activity.
    let m = build_with(
        &[
            ("reg.gdpr", text("controller")),
            ("reg.special-data", Answer::Bool(true)),
            ("reg.special-data-core", Answer::Bool(false)),
        ],
        |_| {},
    );
    assert!(!duties(&m, "A.5.8").contains("35(3)(b)"));
}

#[test]
fn internal_audit_effort_grows_with_the_sites_and_services_it_covers() {
    let days = |sites: i64| {
        row(
            &build_with(&[("org.sites", Answer::Number(sites))], |_| {}),
            "common.internal-audit",
        )
        .remaining_days
    };
    assert!(days(3) > days(1), "{} {}", days(3), days(1));
    // And with the services it samples, less than per service (from a lead implementer's
    // review: the same audit effort for 2 services as for 20).
    let audit = |services: i64| {
        let m = build_with(&[("org.services", Answer::Number(services))], |_| {});
        row(&m, "common.internal-audit").remaining_days
    };
    assert!(audit(20) > audit(2), "{} {}", audit(20), audit(2));
    assert!(audit(20) < audit(2) * 1.6);
}

#[test]
fn switching_editions_relabels_every_reference() {
    let current = build_with(&[], |_| {});
    let old = build_with(&[], |a| {
        a.editions.iso27001 = StandardId::Iso27001_2013;
        a.editions.iso20000 = StandardId::Iso20000_2011;
    });
    let c = catalog::builtin();
    for (id, m) in [
        (StandardId::Iso27001_2022, &current),
        (StandardId::Iso27001_2013, &old),
    ] {
        for r in m.rows.iter().flat_map(|r| &r.iso27001) {
            assert_eq!(
                c.standard(id).title_of(&r.reference),
                Some(&*r.title),
                "{}",
                r.reference
            );
        }
    }
    for (id, m) in [
        (StandardId::Iso20000_2018, &current),
        (StandardId::Iso20000_2011, &old),
    ] {
        for r in m.rows.iter().flat_map(|r| &r.iso20000) {
            assert_eq!(
                c.standard(id).title_of(&r.reference),
                Some(&*r.title),
                "{}",
                r.reference
            );
        }
    }
    assert_eq!(current.soa.len(), 93);
    assert_eq!(old.soa.len(), 114);
    let change_now = row(&current, "process.change-policy");
    let change_then = row(&old, "process.change-policy");
    assert_eq!(change_now.iso27001[0].reference, "A.8.32");
    assert!(change_then
        .iso27001
        .iter()
        .any(|r| r.reference == "A.12.1.2"));
    // The transition is visible both ways.
    assert!(change_now
        .iso27001_other
        .iter()
        .any(|r| r.reference == "A.14.2.2"));
    assert_eq!(change_then.iso27001_other[0].reference, "A.8.32");
    assert!(change_then.iso20000.iter().any(|r| r.reference == "9.2"));
    // A control new in 2022 has no 2013 counterpart and does not apply to a 2013 ISMS.
    let threat = row(&old, "isms.threat-intelligence");
    assert!(threat.iso27001.is_empty() && !threat.applicable);
    assert!(threat
        .applicability_reason
        .contains("New in ISO/IEC 27001:2022"));
}

/// What the integrated documents take the place of follows `in_writing` in the crosswalk: a
/// document replaces one for each standard that asks for it in writing, and one neither asks
/// for is good practice (twenty-second review: "36 replace 72" whatever the answers).
#[test]
fn integrated_documents_replace_what_each_standard_asks_for_in_writing() {
    let m = build_with(&[], |_| {});
    let d = &m.summary.documents;
    // docs/method.md §11 lists the 35 with the clauses that ask for each.
    assert_eq!(
        (d.integrated, d.in_writing, d.separate, d.good_practice),
        (35, 25, 40, 10)
    );
    assert_eq!(d.serving_other_systems, 0);
    assert!(
        d.in_place_of
            .starts_with("25 replace 40 that the two standards ask for in writing; 10 more "),
        "{}",
        d.in_place_of
    );
    assert!(d.also_serve.is_empty() && d.in_full == d.in_place_of);
    assert_eq!(d.left, "35 to write");

    let quality = build_with(
        &[
            (
                "start.other",
                Answer::Choices(vec!["iso9001".into(), "lab-accreditation".into()]),
            ),
            ("start.iso27001", Answer::Text("certified".into())),
            ("maturity.policy", Answer::Text("documented_one".into())),
        ],
        |_| {},
    );
    let d = &quality.summary.documents;
    assert_eq!(d.serving_other_systems, 9);
    assert!(
        d.also_serve == "9 also serve ISO 9001"
            && d.in_full == format!("{}; 9 also serve ISO 9001", d.in_place_of),
        "{}",
        d.in_full
    );
    assert!(
        d.left.ends_with(" to extend to ISO/IEC 20000-1"),
        "{}",
        d.left
    );

    let both_apart = build_with(
        &[
            ("start.iso27001", Answer::Text("certified".into())),
            ("start.iso20000", Answer::Text("certified".into())),
            ("start.separate", Answer::Bool(true)),
            ("maturity.policy", Answer::Text("documented_one".into())),
            // A document neither standard asks for in writing: not a pair (twenty-fourth
            // review).
            ("maturity.awareness", Answer::Text("documented_one".into())),
        ],
        |_| {},
    );
    let d = &both_apart.summary.documents;
    assert!(
        d.left
            .ends_with(" to write, 1 pair to merge and 1 to extend from the system that has it"),
        "{}",
        d.left
    );
}

/// docs/method.md §11 lists every integrated document with the references that ask for it in
/// writing and what it replaces, so a consultant can defend the figure line by line.
#[test]
fn the_method_lists_what_each_integrated_document_replaces() {
    let method = include_str!("../docs/method.md");
    let mut documents: Vec<(&str, Vec<&str>, Vec<&str>)> = Vec::new();
    for row in catalog::builtin().crosswalk.iter().filter(|r| {
        matches!(
            r.kind,
            catalog::RowKind::Common | catalog::RowKind::Integrated
        )
    }) {
        let name: &str = &row.document;
        let at = match documents.iter().position(|(d, _, _)| *d == name) {
            Some(at) => at,
            None => {
                documents.push((name, Vec::new(), Vec::new()));
                documents.len() - 1
            }
        };
        let (_, iso27001, iso20000) = &mut documents[at];
        for (side, refs) in [
            (iso27001, &row.in_writing.iso27001),
            (iso20000, &row.in_writing.iso20000),
        ] {
            for r in refs {
                if !side.contains(&r.as_str()) {
                    side.push(r);
                }
            }
        }
    }
    assert_eq!(documents.len(), 35);
    let cell = |refs: &[&str]| {
        if refs.is_empty() {
            "—".to_owned()
        } else {
            refs.join(", ")
        }
    };
    for (name, iso27001, iso20000) in &documents {
        let line = format!(
            "| {name} | {} | {} | {} |",
            cell(iso27001),
            cell(iso20000),
            usize::from(!iso27001.is_empty()) + usize::from(!iso20000.is_empty())
        );
        assert!(method.contains(&line), "docs/method.md §11 lacks: {line}");
    }
}

#[test]
fn summary_counts_documents_and_top_actions() {
    let m = build_with(&[], |_| {});
    let s = &m.summary;
    assert_eq!(s.top_actions.len(), 10);
    assert_eq!(s.readiness, 0);
    // Top actions are the first ten of the action plan, in its order.
    let ranks: Vec<u16> = s
        .top_actions
        .iter()
        .map(|id| row(&m, id).plan_rank)
        .collect();
    assert_eq!(ranks, (1..=10).collect::<Vec<u16>>());
    let everything_done = build_with(&[], |a| {
        for r in &catalog::builtin().crosswalk {
            a.update_row(&r.id, |e| e.status = Some(Status::Implemented));
        }
    });
    assert_eq!(everything_done.summary.readiness, 100);
    assert!(everything_done.summary.top_actions.is_empty());
    assert_eq!(everything_done.summary.remaining_days, 0.0);
}

#[test]
fn scope_facts_raise_priorities_with_a_reason() {
    let plain = build_with(&[], |_| {});
    let cards = build_with(&[("reg.pci", Answer::Bool(true))], |_| {});
    let before = row(&plain, "isms.cryptography");
    let after = row(&cards, "isms.cryptography");
    assert!(after.priority_score > before.priority_score);
    assert!(
        after
            .priority_reasons
            .iter()
            .any(|r| r.contains("A.8.24") && r.contains("PCI DSS")),
        "{:?}",
        after.priority_reasons
    );
}

#[test]
fn heatmap_cells_point_at_rows_with_both_sides() {
    let m = build_with(&[], |_| {});
    assert!(!m.heatmap.cells.is_empty());
    for cell in &m.heatmap.cells {
        assert!(cell.strength >= 1 && cell.strength <= 10);
        for id in &cell.rows {
            let r = row(&m, id);
            assert!(!r.iso27001.is_empty() && !r.iso20000.is_empty());
            assert!(r.strength <= cell.strength);
        }
    }
    // Change management meets clause 8.5 of 20000-1 in the technological controls theme.
    let tech = m
        .heatmap
        .rows
        .iter()
        .position(|a| a.label.starts_with("A.8 "))
        .expect("theme A.8");
    let design = m
        .heatmap
        .columns
        .iter()
        .position(|a| a.label.starts_with("8.5 "))
        .expect("process 8.5");
    let cell = m.heatmap.cell(tech, design).expect("a cell");
    assert!(cell.rows.iter().any(|id| id == "process.change-policy"));
}

#[test]
fn filters_search_and_sort() {
    let m = build_with(&[], |a| {
        a.update_row("isms.cryptography", |e| {
            e.notes = "Key rotation with the HSM vendor".into()
        })
    });
    let by_kind = view::Filter {
        kinds: vec![RowKind::Integrated],
        ..Default::default()
    };
    let rows = view::select(&m, &by_kind, view::Sort::default());
    assert!(!rows.is_empty() && rows.iter().all(|&i| m.rows[i].kind == RowKind::Integrated));
    // Search covers references, titles and notes, case-insensitively.
    let find = |text: &str| -> Vec<String> {
        let f = view::Filter {
            text: text.into(),
            ..Default::default()
        };
        view::select(&m, &f, view::Sort::default())
            .iter()
            .map(|&i| m.rows[i].id.clone())
            .collect()
    };
    assert!(find("hsm VENDOR").contains(&"isms.cryptography".to_owned()));
    assert!(find("A.8.32").contains(&"process.change-policy".to_owned()));
    assert!(
        find("a.14.2.2").contains(&"process.change-policy".to_owned()),
        "other-edition refs are searchable"
    );
    assert!(find("no such words anywhere").is_empty());
    let sorted = view::select(
        &m,
        &view::Filter::default(),
        view::Sort {
            key: view::SortKey::Iso27001,
            descending: false,
        },
    );
    let refs: Vec<&str> = sorted
        .iter()
        .filter_map(|&i| m.rows[i].iso27001.first())
        .map(|r| r.reference.as_str())
        .collect();
    assert!(
        refs.windows(2)
            .all(|w| view::compare_refs(w[0], w[1]) != std::cmp::Ordering::Greater),
        "{refs:?}"
    );
    for (before, after) in [
        ("A.5.9", "A.5.10"),
        ("8", "8.1"),
        ("9.3", "10"),
        ("A.8", "5"),
    ] {
        assert_eq!(
            view::compare_refs(before, after),
            std::cmp::Ordering::Less,
            "{before} {after}"
        );
    }
    let grouped = view::group(
        &m,
        &view::select(&m, &view::Filter::default(), view::Sort::default()),
        view::GroupBy::Kind,
    );
    let labels: Vec<&str> = grouped.iter().map(|(l, _)| l.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Common element",
            "Integrated process",
            "ISO/IEC 27001 only",
            "ISO/IEC 20000-1 only"
        ]
    );
}

// ---- properties -----------------------------------------------------------------------------

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Any answer to any question, valid or not, including garbage values.
    fn arbitrary_answers() -> impl Strategy<Value = Vec<(String, Answer)>> {
        let q = questionnaire::builtin();
        let questions: Vec<(String, Vec<String>, bool)> = q
            .questions()
            .map(|question| {
                let mut options: Vec<String> = question
                    .kind
                    .options()
                    .iter()
                    .map(|o| o.id.clone())
                    .collect();
                if matches!(question.kind, QuestionKind::Maturity { .. }) {
                    options = ["not_in_place", "informal", "documented_one", "integrated"]
                        .map(String::from)
                        .to_vec();
                }
                (
                    question.id.clone(),
                    options,
                    matches!(question.kind, QuestionKind::Multiple { .. }),
                )
            })
            .collect();
        let n = questions.len();
        prop::collection::vec(
            (0..n, 0usize..8, any::<bool>(), any::<i64>(), ".{0,20}"),
            0..60,
        )
        .prop_map(move |picks| {
            picks
                .into_iter()
                .map(|(qi, oi, flag, number, garbage)| {
                    let (id, options, multiple) = &questions[qi];
                    let answer = match (oi % 4, options.is_empty()) {
                        (0, _) => Answer::Bool(flag),
                        (1, _) => Answer::Number(number),
                        (2, _) => Answer::Text(garbage),
                        (_, true) => Answer::Text(String::new()),
                        (_, false) if *multiple => Answer::Choices(
                            options
                                .iter()
                                .take(oi % options.len() + 1)
                                .cloned()
                                .collect(),
                        ),
                        (_, false) => Answer::Text(options[oi % options.len()].clone()),
                    };
                    (id.clone(), answer)
                })
                .collect()
        })
    }

    fn arbitrary_status() -> impl Strategy<Value = Option<Status>> {
        prop::option::of(prop::sample::select(Status::ALL.to_vec()))
    }

    /// The numbering order, spelled out: parts in turn, a number after any text part, numbers
    /// by value, a reference before its own sub-references.
    fn numbering_order(a: &str, b: &str) -> std::cmp::Ordering {
        let key = |r: &str| -> Vec<(u8, u32, String)> {
            r.split('.')
                .map(|part| match part.parse::<u32>() {
                    Ok(n) => (1, n, String::new()),
                    Err(_) => (0, 0, part.to_owned()),
                })
                .collect()
        };
        key(a).cmp(&key(b))
    }

    proptest! {
        #[test]
        fn references_sort_in_numbering_order(
            a in "(A|B|[0-9]{1,2}|x)(\\.(A|[0-9]{1,3}|a)){0,3}",
            b in "(A|B|[0-9]{1,2}|x)(\\.(A|[0-9]{1,3}|a)){0,3}",
        ) {
            prop_assert_eq!(view::compare_refs(&a, &b), numbering_order(&a, &b), "{} {}", a, b);
            prop_assert_eq!(view::compare_refs(&a, &b), view::compare_refs(&b, &a).reverse());
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

        #[test]
        fn any_answers_give_a_complete_consistent_matrix(
            answers in arbitrary_answers(),
            old_27001 in any::<bool>(),
            old_20000 in any::<bool>(),
            edits in prop::collection::vec((0usize..200, arbitrary_status(), ".{0,30}"), 0..20),
        ) {
            let c = catalog::builtin();
            let mut a = Assessment::new("t");
            for (id, answer) in answers {
                a.answers.insert(id, answer);
            }
            if old_27001 { a.editions.iso27001 = StandardId::Iso27001_2013; }
            if old_20000 { a.editions.iso20000 = StandardId::Iso20000_2011; }
            for (index, status, note) in edits {
                let id = c.crosswalk[index % c.crosswalk.len()].id.clone();
                a.update_row(&id, |e| { e.status = status; e.notes = note; });
            }
            let m = matrix::build(c, questionnaire::builtin(), &a);
            prop_assert_eq!(m.rows.len(), c.crosswalk.len());
            for r in &m.rows {
                // A derived status agrees with the draft's applicability; only the user can say
                // otherwise, and on a row for 27001 only that decides the row's applicability.
                prop_assert_eq!(r.derived_status == Status::NotApplicable, !r.draft_applicable);
                if r.applicable != r.draft_applicable {
                    prop_assert!(r.status_overridden && r.kind == RowKind::Iso27001Only);
                    prop_assert_eq!(r.applicable, r.status != Status::NotApplicable);
                }
                prop_assert!(!r.applicability_reason.is_empty());
                // A row that stays applicable is planned, even when marked Not applicable.
                prop_assert_eq!(r.priority == Priority::None, !r.is_open());
                prop_assert_eq!(r.plan_rank == 0, !r.is_open());
                if r.applicable {
                    prop_assert!(r.planned_status() != Status::NotApplicable);
                }
                prop_assert!(r.remaining_days >= 0.0);
            }
            // The SoA never reads "applicable" and "not applicable" on one line.
            for e in &m.soa {
                prop_assert_eq!(e.applicable, e.status != Status::NotApplicable, "{}", e.reference);
            }
            let s = &m.summary;
            prop_assert_eq!(s.by_kind.iter().map(|c| c.count).sum::<usize>(), s.rows);
            prop_assert_eq!(s.by_status.iter().map(|c| c.count).sum::<usize>(), s.rows);
            prop_assert_eq!(s.by_area.iter().map(|a| a.rows).sum::<usize>(), s.rows);
            prop_assert_eq!(s.by_area.iter().map(|a| a.open).sum::<usize>(), s.open_rows);
            prop_assert!(s.readiness <= 100);
            prop_assert!(s.top_actions.len() <= 10 && s.top_actions.len() <= s.open_rows);
            let expected_days: f64 = m.rows.iter().map(|r| r.remaining_days).sum();
            prop_assert!((s.remaining_days - expected_days).abs() < 1e-9);
            prop_assert_eq!(m.soa.len(), c.standard(a.editions.iso27001).controls().count());
            // Building twice gives the same matrix: the engine is deterministic.
            prop_assert_eq!(&m, &matrix::build(c, questionnaire::builtin(), &a));
        }
    }
}

#[test]
fn a_control_a_law_names_stays_in_although_the_scope_answers_would_exclude_it() {
    // No rule of the built-in data excludes a control a law names for the same answers (the
    // NIS2 duty on acquisition and development sits on A.8.26, which the answers keep, below):
    // a rule that would exclude cryptography shows the safety net.
    let mut q = questionnaire::builtin().clone();
    q.applicability.insert(
        0,
        ims_matrix::questionnaire::ApplicabilityRule {
            id: "test-exclude-cryptography".to_owned(),
            controls: vec!["A.8.24".to_owned()],
            applicable: false,
            when: ims_matrix::questionnaire::Condition::Is {
                question: "scope.development".to_owned(),
                value: serde_json::json!("none"),
            },
            reason: "Excluded by a test rule.".into(),
            each: Default::default(),
        },
    );
    let build = |answers: &[(&str, Answer)]| {
        let mut a = Assessment::new("2026-11-27T00:00:00Z");
        for (id, answer) in answers {
            a.answers.insert((*id).to_owned(), answer.clone());
        }
        matrix::build(catalog::builtin(), &q, &a)
    };
    let plain = build(&[("scope.development", text("none"))]);
    assert!(!soa_entry(&plain, "A.8.24").applicable);
    let nis2 = build(&[
        ("scope.development", text("none")),
        ("reg.nis2", text("essential")),
    ]);
    let kept = soa_entry(&nis2, "A.8.24");
    assert!(kept.applicable, "{}", kept.reason);
    assert_eq!(kept.basis, Some(ims_matrix::advice::Basis::Legal));
    assert!(kept.reason.contains("NIS2"), "{}", kept.reason);
    // And no check tells the consultant to include what is already in.
    assert!(!nis2
        .warnings
        .iter()
        .any(|w| w.text.starts_with("Excluded") && w.text.contains("NIS2")));
}

#[test]
fn nis2_asks_for_security_in_what_is_acquired_without_keeping_a_development_life_cycle_nobody_runs()
{
    // Art. 21(2)(e) covers acquisition, development and maintenance: for a prospect that
    // develops nothing it is met by the requirements for what it buys (A.8.26, kept by the
    // answers), and the secure development life cycle stays excluded.
    let nis2 = build_with(
        &[
            ("scope.development", text("none")),
            ("reg.nis2", text("essential")),
        ],
        |_| {},
    );
    let life_cycle = soa_entry(&nis2, "A.8.25");
    assert!(!life_cycle.applicable, "{}", life_cycle.reason);
    let requirements = soa_entry(&nis2, "A.8.26");
    assert!(requirements.applicable);
    assert!(
        requirements.obligations.iter().any(|o| o.contains("NIS2")),
        "{:?}",
        requirements.obligations
    );
}

#[test]
fn nis2_keeps_the_development_life_cycle_of_a_developer_and_the_physical_environment_of_its_own_rooms_first(
) {
    // A developer under NIS2 wanting 20000-1 first: Art. 21(2)(e) names its secure development
    // life cycle and secure coding, so neither waits for the 27001 stage.
    let developer = build_with(
        &[
            ("scope.development", text("in-house")),
            ("reg.nis2", text("important")),
            ("start.target", text("iso20000-first")),
            ("start.timeline", text("12-months")),
        ],
        |_| {},
    );
    for control in ["A.8.25", "A.8.28"] {
        let entry = soa_entry(&developer, control);
        assert_eq!(
            entry.basis,
            Some(ims_matrix::advice::Basis::Legal),
            "{control}"
        );
        assert!(
            entry.obligations.iter().any(|o| o.contains("NIS2")),
            "{control}: {:?}",
            entry.obligations
        );
        let holder = developer
            .rows
            .iter()
            .find(|r| r.iso27001.iter().any(|x| x.reference == control))
            .unwrap();
        assert!(!holder.second_stage, "{control} deferred");
    }
    // A cloud provider, under the Implementing Regulation: logging and monitoring (Annex 3.2),
    // configuration, change, testing (6.3-6.5), network security and segmentation (6.7, 6.8),
    // malware (6.9), background checks (10.2) and privileged accounts (11.3) stay first too,
    // each citing its point; a prospect that provides no cloud has no such link.
    let cloud = |provides: bool| {
        let cloud = if provides {
            "provide-cloud"
        } else {
            "use-saas"
        };
        build_with(
            &[
                ("org.sector", text("software")),
                ("scope.customers", text("external")),
                ("reg.nis2", text("important")),
                ("scope.cloud", Answer::Choices(vec![cloud.to_owned()])),
                ("start.target", text("iso20000-first")),
            ],
            |_| {},
        )
    };
    let provider = cloud(true);
    for (control, point) in [
        ("A.8.15", "3.2"),
        ("A.8.16", "3.2"),
        ("A.8.9", "6.3"),
        ("A.8.32", "6.4"),
        ("A.8.29", "6.5"),
        ("A.8.20", "6.7"),
        ("A.8.22", "6.8"),
        ("A.8.7", "6.9"),
        ("A.6.1", "10.2"),
        ("A.8.2", "11.3"),
    ] {
        let entry = soa_entry(&provider, control);
        assert_eq!(
            entry.basis,
            Some(ims_matrix::advice::Basis::Legal),
            "{control}"
        );
        assert!(
            entry.reason.contains("2024/2690") && entry.reason.contains(&format!("Annex, {point}")),
            "{control}: {}",
            entry.reason
        );
        let holder = provider
            .rows
            .iter()
            .find(|r| r.iso27001.iter().any(|x| x.reference == control))
            .unwrap();
        assert!(!holder.second_stage, "{control} deferred");
        // Logging and monitoring serve incident handling, which binds every entity (Art.
        // 21(2)(b), 6(8); thirteenth review): NIS2 names them for a non-provider too.
        let named_for_any = ["A.8.15", "A.8.16"].contains(&control);
        assert_eq!(
            soa_entry(&cloud(false), control)
                .obligations
                .iter()
                .any(|o| o.contains("NIS2")),
            named_for_any,
            "{control}"
        );
    }
    // The Implementing Regulation covers the provider types of its Art. 1 (from an eighth
    // lead-implementer review): a public body running a cloud for its own administration, or a
    // telecom without cloud services, is not one, so none of its points is cited; a managed
    // IT service provider to external customers is one, cloud or not.
    let entity = |sector: &str, customers: &str, cloud: &str| {
        build_with(
            &[
                ("org.sector", text(sector)),
                ("scope.customers", text(customers)),
                ("reg.nis2", text("essential")),
                ("scope.cloud", Answer::Choices(vec![cloud.to_owned()])),
                (
                    "scope.premises",
                    Answer::Choices(vec!["server-room".to_owned()]),
                ),
            ],
            |_| {},
        )
    };
    let cites_the_regulation = |m: &Matrix, control: &str| {
        let entry = soa_entry(m, control);
        entry.basis == Some(ims_matrix::advice::Basis::Legal)
            && entry.reason.contains("2024/2690, Annex, ")
            && !entry.reason.contains("set out in Implementing Regulation")
    };
    let public_cloud = entity("public", "internal", "provide-cloud");
    let telecom = entity("telecom", "external", "use-saas");
    let msp = entity("it-services", "external", "use-saas");
    for control in ["A.8.20", "A.6.1", "A.8.2"] {
        assert!(
            !cites_the_regulation(&public_cloud, control),
            "public: {control}"
        );
        assert!(
            !cites_the_regulation(&telecom, control),
            "telecom: {control}"
        );
        assert!(
            cites_the_regulation(&msp, control),
            "managed services: {control}"
        );
    }
    // Its rooms' physical environment is the Directive's Art. 21(2) for each of them; the
    // Regulation's section 13 is named as the detail for the providers it covers, not cited.
    for m in [&public_cloud, &telecom, &msp] {
        let entry = soa_entry(m, "A.7.1");
        assert_eq!(entry.basis, Some(ims_matrix::advice::Basis::Legal));
        assert!(entry.reason.contains("Art. 21(2):"), "{}", entry.reason);
        assert!(
            !entry.reason.contains("Art. 21(2); Implementing"),
            "{}",
            entry.reason
        );
    }
    // Deciding whether an incident is significant is the Directive's Art. 23(3) for every
    // entity; the Regulation's Art. 3 criteria are named for its providers, not cited as a
    // hospital's or a telecom's provision (from a ninth review).
    for m in [&public_cloud, &telecom, &msp] {
        let entry = soa_entry(m, "A.5.25");
        assert!(entry.reason.contains("Art. 23(3):"), "{}", entry.reason);
        assert!(
            !entry.reason.contains("Art. 23(3); Implementing"),
            "{}",
            entry.reason
        );
    }
    // Software developed by partners only: the life cycle (A.8.25) and directing the partners
    // (A.8.30) are NIS2's, secure coding in house (A.8.28) is not.
    let outsourced = build_with(
        &[
            ("scope.development", text("outsourced")),
            ("reg.nis2", text("important")),
        ],
        |_| {},
    );
    let names_nis2 = |m: &Matrix, control: &str| {
        soa_entry(m, control)
            .obligations
            .iter()
            .any(|o| o.contains("NIS2"))
    };
    assert!(names_nis2(&outsourced, "A.8.25"));
    assert!(names_nis2(&outsourced, "A.8.30"));
    assert!(!names_nis2(&outsourced, "A.8.28"));
    assert!(!names_nis2(&developer, "A.8.30"));
    // Its own data centre: the physical environment of its systems (Art. 21(2)) is a legal
    // basis, not risk alone; offices alone bring no such duty.
    let with_premises = |premises: &str| {
        build_with(
            &[
                ("reg.nis2", text("essential")),
                ("scope.premises", Answer::Choices(vec![premises.to_owned()])),
            ],
            |_| {},
        )
    };
    let data_centre = with_premises("data-centre");
    for control in ["A.7.1", "A.7.2", "A.7.4", "A.7.5", "A.7.11"] {
        let entry = soa_entry(&data_centre, control);
        assert_eq!(
            entry.basis,
            Some(ims_matrix::advice::Basis::Legal),
            "{control}"
        );
    }
    let offices = with_premises("offices");
    assert!(!soa_entry(&offices, "A.7.2")
        .obligations
        .iter()
        .any(|o| o.contains("NIS2")));
}

#[test]
fn for_a_financial_entity_dora_takes_the_place_of_nis2() {
    // NIS2 Art. 4 and recital 28: DORA is the sector-specific act for financial entities, so
    // the SoA names DORA's duties, not both, and a check explains why NIS2 is not named.
    let build = |nis2: &str, dora: &str| {
        build_with(
            &[
                ("org.sector", text("finance")),
                ("org.size", text("large")),
                ("reg.nis2", text(nis2)),
                ("reg.dora", text(dora)),
            ],
            |_| {},
        )
    };
    let bank = build("essential", "financial-entity");
    let contact = soa_entry(&bank, "A.5.5");
    assert!(
        contact.obligations.iter().any(|o| o.contains("DORA"))
            && !contact.obligations.iter().any(|o| o.contains("NIS2")),
        "{:?}",
        contact.obligations
    );
    assert!(has_warning(&bank, "DORA is the sector-specific act"));
    // An ICT provider bound by DORA through contracts is still under NIS2.
    let provider = build("essential", "ict-provider");
    assert!(soa_entry(&provider, "A.5.5")
        .obligations
        .iter()
        .any(|o| o.contains("NIS2")));
    assert!(!has_warning(&provider, "DORA is the sector-specific act"));
    // A bank answering that NIS2 does not apply is right in effect: no check says otherwise.
    assert!(!has_warning(
        &build("no", "financial-entity"),
        "You said NIS2 does not apply"
    ));
    // Neither answered: the DORA check asks again, and NIS2 is not pushed on a finance firm,
    // since NIS2's finance entities are all DORA's (fourteenth review).
    let neither = build("no", "no");
    assert!(!has_warning(&neither, "You said NIS2 does not apply"));
    assert!(has_warning(&neither, "said DORA does not reach you"));
}

#[test]
fn a_retailer_answering_nis2_is_asked_whether_it_runs_an_online_marketplace() {
    let retailer = |nis2: &str| {
        build_with(
            &[("org.sector", text("retail")), ("reg.nis2", text(nis2))],
            |_| {},
        )
    };
    assert!(has_warning(&retailer("important"), "online marketplace"));
    assert!(!has_warning(&retailer("no"), "online marketplace"));
    let it = build_with(
        &[
            ("org.sector", text("it-services")),
            ("reg.nis2", text("important")),
        ],
        |_| {},
    );
    assert!(!has_warning(&it, "online marketplace"));
}

#[test]
fn a_document_is_to_extend_only_where_something_is_written_down() {
    let policy = questionnaire::builtin()
        .maturity_question("policy")
        .expect("a maturity question on the policy")
        .id
        .clone();
    let with = |level: &str| build_with(&[(policy.as_str(), text(level))], |_| {}).summary;
    let nothing = build_with(&[], |_| {}).summary;
    assert_eq!(nothing.documents_to_extend, 0);
    // Done but not written down: the work is in progress, the document still to be written.
    let informal = with("informal");
    assert_eq!(informal.documents_to_extend, 0);
    assert_eq!(informal.documents_to_write, nothing.documents_to_write);
    let written = with("documented_one");
    assert!(written.documents_to_extend > 0);
    assert_eq!(
        written.documents_to_write + written.documents_to_extend,
        nothing.documents_to_write
    );
}

#[test]
fn maturity_answers_that_contradict_each_other_are_checks_for_the_consultant() {
    let id = |practice: &str| {
        questionnaire::builtin()
            .maturity_question(practice)
            .unwrap_or_else(|| panic!("{practice}"))
            .id
            .clone()
    };
    let (audit, scope, development, change) = (
        id("internal-audit"),
        id("scope"),
        id("development"),
        id("change"),
    );
    let subjects = |answers: &[(&str, &str)]| -> Vec<String> {
        let answers: Vec<(&str, Answer)> = answers.iter().map(|(q, a)| (*q, text(a))).collect();
        build_with(&answers, |_| {})
            .warnings
            .into_iter()
            .filter(|w| w.kind == matrix::WarningKind::Answers)
            .filter_map(|w| w.subject)
            .collect()
    };
    // Audits written down, with no management system to audit.
    let audited = subjects(&[(&audit, "integrated"), (&scope, "not_in_place")]);
    assert!(
        audited.contains(&"common.internal-audit".to_owned()),
        "{audited:?}"
    );
    // With a scope written down there is a system, and nothing to check.
    let fine = subjects(&[(&audit, "integrated"), (&scope, "documented_one")]);
    assert!(
        !fine.contains(&"common.internal-audit".to_owned()),
        "{fine:?}"
    );
    // An ISO 9001 system has its own audits: nothing to check either.
    let quality = build_with(
        &[
            (audit.as_str(), text("integrated")),
            (scope.as_str(), text("not_in_place")),
            ("start.other", Answer::Choices(vec!["iso9001".into()])),
        ],
        |_| {},
    );
    assert!(
        quality
            .warnings
            .iter()
            .all(|w| w.subject.as_deref() != Some("common.internal-audit")),
        "{:?}",
        quality.warnings
    );
    // Development written down without change management.
    let developed = subjects(&[(&development, "documented_one"), (&change, "not_in_place")]);
    assert!(
        developed.iter().any(|s| s.starts_with("process.change")),
        "{developed:?}"
    );
    assert!(
        subjects(&[(&development, "documented_one"), (&change, "informal")])
            .iter()
            .all(|s| !s.starts_with("process.change"))
    );
}

#[test]
fn privileged_access_and_outsourced_monitoring_each_show_in_the_advice() {
    let reasons_of = |m: &Matrix, control: &str| soa_entry(m, control).reason.to_string();
    let remote = build_with(&[("scope.customer-access", text("remote"))], |_| {});
    let privileged = build_with(&[("scope.customer-access", text("privileged"))], |_| {});
    assert!(!reasons_of(&remote, "A.8.2").contains("administrator rights"));
    assert!(reasons_of(&privileged, "A.8.2").contains("administrator rights"));
    let desk = build_with(
        &[(
            "ops.outsourced",
            Answer::Choices(vec!["service-desk".into()]),
        )],
        |_| {},
    );
    let soc = build_with(
        &[(
            "ops.outsourced",
            Answer::Choices(vec!["security-monitoring".into()]),
        )],
        |_| {},
    );
    assert!(!reasons_of(&desk, "A.8.16").contains("monitors your security"));
    assert!(reasons_of(&soc, "A.8.16").contains("monitors your security"));
}

#[test]
fn a_status_set_by_hand_on_a_control_row_decides_its_applicability_in_the_soa() {
    let no_development = [("scope.development", text("none"))];
    let draft = build_with(&no_development, |_| {});
    assert!(!soa_entry(&draft, "A.8.4").applicable);
    assert!(soa_entry(&draft, "A.5.7").applicable);
    // The user includes A.8.4 (their scripts are code) and excludes A.5.7.
    let decided = build_with(&no_development, |a| {
        a.update_row("isms.source-code-access", |e| {
            e.status = Some(Status::NotStarted)
        });
        a.update_row("isms.threat-intelligence", |e| {
            e.status = Some(Status::NotApplicable)
        });
    });
    let included = soa_entry(&decided, "A.8.4");
    assert!(included.applicable && included.status == Status::NotStarted);
    assert!(
        included.reason.contains("your decision"),
        "{}",
        included.reason
    );
    let excluded = soa_entry(&decided, "A.5.7");
    assert!(!excluded.applicable && excluded.status == Status::NotApplicable);
    assert!(
        excluded.reason.contains("your decision"),
        "{}",
        excluded.reason
    );
    assert!(row(&decided, "isms.source-code-access").applicable);
    assert!(!row(&decided, "isms.threat-intelligence").applicable);
    // The checks still tell the consultant where the decision departs from the answers.
    let subjects: Vec<&str> = decided
        .warnings
        .iter()
        .filter(|w| w.kind == matrix::WarningKind::Status)
        .filter_map(|w| w.subject.as_deref())
        .collect();
    assert!(
        subjects.contains(&"isms.threat-intelligence"),
        "{subjects:?}"
    );
}

#[test]
fn a_shared_row_marked_not_applicable_leaves_its_control_applicable_and_not_started_with_a_check() {
    // The integrated policy row holds A.5.1 with ISO/IEC 20000-1 5.2: marking it Not
    // applicable by hand is no decision on the control, so the SoA must not read
    // "applicable" and "not applicable" on one line.
    let m = build_with(&[], |a| {
        a.update_row("common.context", |e| e.status = Some(Status::Implemented));
        a.update_row("common.policy", |e| e.status = Some(Status::NotApplicable));
    });
    // Readiness does not rise: the row counts as not started.
    let not_started = build_with(&[], |a| {
        a.update_row("common.context", |e| e.status = Some(Status::Implemented));
        a.update_row("common.policy", |e| e.status = Some(Status::NotStarted));
    });
    assert!(m.summary.readiness > 0);
    assert_eq!(m.summary.readiness, not_started.summary.readiness);
    assert_eq!(
        m.summary.applicable_rows,
        not_started.summary.applicable_rows
    );
    let policy = soa_entry(&m, "A.5.1");
    assert!(policy.applicable);
    assert_eq!(policy.status, Status::NotStarted);
    assert!(
        policy
            .warnings
            .iter()
            .any(|w| w.contains("marked Not applicable")),
        "{:?}",
        policy.warnings
    );
    // A law that names the control is said beside it (from a lead implementer's review).
    let nis2 = build_with(&[("reg.nis2", text("important"))], |a| {
        a.update_row("common.policy", |e| e.status = Some(Status::NotApplicable));
    });
    assert!(
        soa_entry(&nis2, "A.5.1")
            .warnings
            .iter()
            .any(|w| w.contains("marked Not applicable") && w.contains("also named by NIS2")),
        "{:?}",
        soa_entry(&nis2, "A.5.1").warnings
    );
    // A control held by three change rows: two marked Not applicable, one in progress. The
    // row still open decides, with no check.
    let change = build_with(&[], |a| {
        for id in ["process.change-policy", "process.change-initiation"] {
            a.update_row(id, |e| e.status = Some(Status::NotApplicable));
        }
        a.update_row("process.change-activities", |e| {
            e.status = Some(Status::InProgress)
        });
    });
    let a832 = soa_entry(&change, "A.8.32");
    assert_eq!(a832.status, Status::InProgress);
    assert!(a832.warnings.is_empty(), "{:?}", a832.warnings);
}

#[test]
fn the_cloud_row_is_not_applicable_without_cloud_and_says_where_supplier_management_is_met() {
    let none = build_with(
        &[("scope.cloud", Answer::Choices(vec!["none".into()]))],
        |_| {},
    );
    let cloud = row(&none, "process.cloud-services");
    assert!(!cloud.applicable && cloud.status == Status::NotApplicable);
    assert!(cloud.remaining_days == 0.0 && cloud.target_date.is_empty());
    assert!(
        cloud.action.starts_with("Nothing to do"),
        "{}",
        cloud.action
    );
    for named in [
        "8.3.4.1",
        "“Information security in supplier relationships”",
        "neither use nor provide cloud services",
    ] {
        assert!(
            cloud.applicability_reason.contains(named),
            "{named}: {}",
            cloud.applicability_reason
        );
    }
    assert!(!soa_entry(&none, "A.5.23").applicable);
    // Supplier management itself stays: its requirement is met on those rows.
    assert!(row(&none, "process.supplier-security").applicable);
    // The exclusion is still one an auditor challenges: the check stays, and stands beside
    // the control in the Statement of Applicability.
    assert!(none
        .warnings
        .iter()
        .any(|w| w.subject.as_deref() == Some("A.5.23")));
    assert!(
        soa_entry(&none, "A.5.23")
            .warnings
            .iter()
            .any(|w| w.contains("cloud")),
        "{:?}",
        soa_entry(&none, "A.5.23").warnings
    );
    // Using cloud services keeps the row, with its cloud annex.
    let used = build_with(
        &[("scope.cloud", Answer::Choices(vec!["use-saas".into()]))],
        |_| {},
    );
    assert!(row(&used, "process.cloud-services").applicable);
}

#[test]
fn a_large_managed_service_provider_calling_itself_important_under_nis2_is_checked() {
    let warned = |size: &str| {
        build_with(
            &[
                ("org.sector", text("it-services")),
                ("org.size", text(size)),
                ("reg.nis2", text("important")),
            ],
            |_| {},
        )
        .warnings
        .iter()
        .any(|w| w.text.contains("Art. 3(1)(a)"))
    };
    assert!(warned("large"));
    assert!(warned("enterprise"));
    assert!(!warned("medium"));
}

/// A cloud provider is in NIS2's Annex I (8) whatever sector it names: a large software company
/// offering its software as a cloud service to customers, answering "important", is checked as
/// the managed service provider is (eleventh lead-implementer review).
#[test]
fn a_large_cloud_provider_in_the_software_sector_calling_itself_important_is_checked() {
    let warned = |size: &str, cloud: &str| {
        build_with(
            &[
                ("org.sector", text("software")),
                ("org.size", text(size)),
                ("reg.nis2", text("important")),
                ("scope.customers", text("external")),
                ("scope.cloud", Answer::Choices(vec![cloud.into()])),
            ],
            |_| {},
        )
        .warnings
        .iter()
        .any(|w| w.text.contains("Art. 3(1)(a)"))
    };
    assert!(warned("large", "provide-cloud"));
    assert!(!warned("medium", "provide-cloud"));
    // Software publishing alone is in neither annex.
    assert!(!warned("large", "use-saas"));
}

#[test]
fn support_outside_business_hours_shows_in_the_advice_and_the_effort() {
    let business = build_with(&[("ops.hours", text("business-hours"))], |_| {});
    let extended = build_with(&[("ops.hours", text("extended"))], |_| {});
    let reason = |m: &Matrix| soa_entry(m, "A.5.24").reason.to_string();
    assert!(!reason(&business).contains("outside business hours"));
    assert!(reason(&extended).contains("outside business hours"));
    let incident = |m: &Matrix| {
        m.rows
            .iter()
            .find(|r| r.practice == "incident" && r.status.is_open())
            .expect("an open incident row")
            .clone()
    };
    let (before, after) = (incident(&business), incident(&extended));
    assert!(after.remaining_days > before.remaining_days);
    assert!(after
        .effort_reasons
        .iter()
        .any(|r| r.contains("outside business hours")));
    assert!(after.priority_score > before.priority_score);
}

#[test]
fn an_implementation_under_way_is_where_the_integration_is_written() {
    let actions = |iso27001: &str, iso20000: &str| {
        let m = build_with(
            &[
                ("start.iso27001", text(iso27001)),
                ("start.iso20000", text(iso20000)),
                // The context is written down for one standard: the project's draft.
                ("maturity.context", text("documented_one")),
            ],
            |_| {},
        );
        // An integrated row led by the standard of the project, or shared.
        let led_by_project = |lead: Lead| match (iso27001, iso20000) {
            ("in-progress", "in-progress") | ("none", "none") => true,
            ("in-progress", _) => lead != Lead::Iso20000,
            _ => lead != Lead::Iso27001,
        };
        let of = |kind: RowKind| {
            m.rows
                .iter()
                .find(|r| {
                    r.kind == kind
                        && r.status.is_open()
                        && (kind != RowKind::Integrated || led_by_project(r.lead))
                })
                .map(|r| (r.action.clone(), r.lead))
                .unwrap_or_else(|| panic!("an open {kind:?} row"))
        };
        (
            of(RowKind::Common),
            of(RowKind::Integrated),
            of(RowKind::Iso27001Only),
            of(RowKind::Iso20000Only),
        )
    };
    let (common, integrated, only_27001, only_20000) = actions("in-progress", "none");
    assert!(
        common.0.starts_with("Widen the ISMS project's draft"),
        "{common:?}"
    );
    assert!(
        integrated.0.contains("ISMS implementation under way"),
        "{integrated:?}"
    );
    assert!(
        only_27001
            .0
            .starts_with("Complete in the ISMS implementation"),
        "{only_27001:?}"
    );
    assert_eq!(only_20000.0, "Implement for ISO/IEC 20000-1");
    // A process led by ISO/IEC 20000-1 is not designed in an ISMS project, and a document not
    // written down yet has no draft to widen.
    let m = build_with(&[("start.iso27001", text("in-progress"))], |_| {});
    assert_eq!(
        row(&m, "common.context").action,
        "Write one integrated document covering both standards"
    );
    let service_level = row(&m, "process.service-level");
    assert_eq!(service_level.lead, Lead::Iso20000);
    assert!(service_level
        .action
        .starts_with("Design one process led by ISO/IEC 20000-1"));
    let (common, integrated, _, only_20000) = actions("none", "in-progress");
    assert!(
        common.0.starts_with("Widen the SMS project's draft"),
        "{common:?}"
    );
    assert!(
        integrated.0.contains("SMS implementation under way"),
        "{integrated:?}"
    );
    assert!(
        only_20000
            .0
            .starts_with("Complete in the SMS implementation"),
        "{only_20000:?}"
    );
    let (common, integrated, ..) = actions("in-progress", "in-progress");
    assert!(common.0.starts_with("Merge the drafts"), "{common:?}");
    // A process written down in neither project has no designs to merge: it is designed once.
    assert!(
        integrated.0.starts_with("Design one process led by"),
        "{integrated:?}"
    );
    let both = build_with(
        &[
            ("start.iso27001", text("in-progress")),
            ("start.iso20000", text("in-progress")),
            ("maturity.infosec-risk", text("documented_one")),
        ],
        |_| {},
    );
    let risk = row(&both, "process.infosec-risk-assessment");
    assert!(
        risk.action.starts_with("Merge the two projects'"),
        "{}",
        risk.action
    );
    // Nothing under way and nothing held, but the context written down for one standard:
    // that document is extended, not written again.
    let (common, ..) = actions("none", "none");
    assert_eq!(
        common.0,
        "Extend the document already written to cover both standards"
    );
    // With an ISMS held, a process 20000-1 leads is built to 20000-1 on what the ISMS does, not
    // "extended" from an ISMS control; one 27001 leads extends the ISMS's process.
    let isms = build_with(&[("start.iso27001", text("certified"))], |_| {});
    assert!(row(&isms, "process.service-level")
        .action
        .starts_with("Build the process to ISO/IEC 20000-1"));
    assert!(row(&isms, "process.infosec-risk-assessment")
        .action
        .starts_with("Extend the ISMS process or control"));
    // A row implemented already, for a standard not held yet, has nothing left to build.
    let done = build_with(&[("start.iso20000", text("none"))], |a| {
        a.update_row("sms.knowledge", |e| e.status = Some(Status::Implemented));
    });
    assert_eq!(
        row(&done, "sms.knowledge").action,
        "Implemented: keep it current and its evidence ready for the audit"
    );
    // Nothing written down: one integrated document, written from the start; with an ISO 9001
    // system, its procedures of the harmonised structure are extended instead.
    let action = |extra: &[(&str, Answer)], id: &str| {
        let mut answers = vec![
            ("start.iso27001", text("none")),
            ("start.iso20000", text("none")),
        ];
        answers.extend(extra.iter().cloned());
        row(&build_with(&answers, |_| {}), id).action.clone()
    };
    assert_eq!(
        action(&[], "common.internal-audit"),
        "Write one integrated document covering both standards"
    );
    let quality = [("start.other", Answer::Choices(vec!["iso9001".into()]))];
    assert_eq!(
        action(&quality, "common.internal-audit"),
        "Extend the ISO 9001 procedure to cover both standards"
    );
    // The policy is not ISO 9001's to extend: the security and service policies are new.
    assert_eq!(
        action(&quality, "common.policy"),
        "Write one integrated document covering both standards"
    );
    // A system in place is built on; the other's project folds into it.
    let (common, ..) = actions("certified", "in-progress");
    assert_eq!(common.0, "Extend the ISMS document to cover the SMS");
}

#[test]
fn a_shared_row_is_led_by_the_standard_under_way() {
    let lead_of_shared = |iso27001: &str, iso20000: &str| {
        let m = build_with(
            &[
                ("start.iso27001", text(iso27001)),
                ("start.iso20000", text(iso20000)),
            ],
            |_| {},
        );
        let shared = catalog::builtin()
            .crosswalk
            .iter()
            .find(|r| r.lead == Lead::Shared)
            .expect("a shared row");
        row(&m, &shared.id).lead
    };
    assert_eq!(lead_of_shared("in-progress", "none"), Lead::Iso27001);
    assert_eq!(lead_of_shared("none", "in-progress"), Lead::Iso20000);
    assert_eq!(lead_of_shared("none", "none"), Lead::Shared);
}

#[test]
fn a_staged_target_plans_the_second_standard_toward_its_own_audit_after_the_first() {
    let staged = |goal: &str| {
        build_with(
            &[
                ("start.target", text(goal)),
                ("start.timeline", text("12-months")),
            ],
            |_| {},
        )
    };
    for (goal, second_kind, label) in [
        ("iso27001-first", RowKind::Iso20000Only, "ISO/IEC 20000-1"),
        ("iso20000-first", RowKind::Iso27001Only, "ISO/IEC 27001"),
    ] {
        let m = staged(goal);
        let schedule = m.schedule.as_ref().expect("a schedule");
        let second = schedule.second.as_ref().expect("a second audit");
        assert!(
            second.audit_label.contains(label),
            "{goal}: {}",
            second.audit_label
        );
        assert!(
            !schedule.audit_label.contains(label),
            "{goal}: {}",
            schedule.audit_label
        );
        // Twelve months after the first audit, its first surveillance audit: the same day a
        // year on, or the Friday before when that falls on a weekend.
        let date = |t: &str| ims_matrix::date::Date::parse(t).unwrap();
        let year_on = date(&schedule.audit).add_months(12);
        let second_audit = date(&second.audit);
        assert!(
            (0..=2).contains(&second_audit.days_until(year_on)),
            "{goal}: {} after {}",
            second.audit,
            schedule.audit
        );
        assert!(second_audit.weekday() < 5, "{goal}: {}", second.audit);
        let open: Vec<&matrix::MatrixRow> = m.rows.iter().filter(|r| r.status.is_open()).collect();
        let (later, first): (Vec<&matrix::MatrixRow>, Vec<&matrix::MatrixRow>) =
            open.iter().partition(|r| r.second_stage);
        assert!(!later.is_empty() && !first.is_empty(), "{goal}");
        // The second stage holds the second standard's own rows, and with 27001 first the
        // integrated rows whose Annex A controls another practice implements (the service
        // levels and the control of parties, 20000-1 8.3.3 and 8.2.3).
        assert!(
            later.iter().all(|r| r.kind == second_kind
                || (goal == "iso27001-first"
                    && ["process.service-level", "process.control-of-parties"]
                        .contains(&r.id.as_str()))),
            "{goal}"
        );
        assert!(
            open.iter()
                .filter(|r| r.kind == second_kind)
                .all(|r| r.second_stage),
            "{goal}"
        );
        // Every first-stage row is due by the first audit and ranked before every second-stage
        // row, which is due after it and by the second.
        let last_first = first.iter().map(|r| r.plan_rank).max().unwrap();
        let first_later = later.iter().map(|r| r.plan_rank).min().unwrap();
        assert!(
            last_first < first_later,
            "{goal}: {last_first} ≥ {first_later}"
        );
        assert!(
            first.iter().all(|r| r.target_date <= schedule.audit),
            "{goal}"
        );
        assert!(
            later
                .iter()
                .all(|r| r.target_date > schedule.audit && r.target_date <= second.audit),
            "{goal}"
        );
    }
    for goal in ["integrated", "add-combined"] {
        let m = staged(goal);
        assert!(m.schedule.as_ref().unwrap().second.is_none(), "{goal}");
        assert!(m.rows.iter().all(|r| !r.second_stage), "{goal}");
    }
}

#[test]
fn a_staged_plan_keeps_duties_first_puts_each_stage_on_its_own_critical_path_and_says_what_repeats()
{
    let build = |extra: &[(&str, Answer)]| {
        let mut answers = vec![("start.timeline", text("12-months"))];
        answers.extend(extra.iter().cloned());
        build_with(&answers, |_| {})
    };
    // A control the GDPR names is not deferred to the second standard's stage, nor lowered.
    let m = build(&[
        ("start.target", text("iso20000-first")),
        ("reg.gdpr", text("controller")),
    ]);
    let privacy = m
        .rows
        .iter()
        .find(|r| r.iso27001.iter().any(|x| x.reference == "A.5.34"))
        .unwrap();
    assert!(!privacy.second_stage && privacy.status.is_open());
    assert!(privacy
        .priority_reasons
        .iter()
        .all(|r| !r.starts_with("Lowered")));
    let unnamed = row(&m, "isms.disciplinary");
    assert!(unnamed.second_stage);
    // Each stage on the path of its own audit: 27001's risk process is not on the path to a
    // 20000-1 audit unless 20000-1 names it; the catalogue is on it.
    assert!(row(&m, "sms.catalogue").critical);
    // The policy and roles are as much on the path to a 20000-1 audit (5.2, 5.3) as to a 27001
    // one; the management review's inputs and results (9.3.2, 9.3.3) as much as its running.
    for id in [
        "common.policy",
        "common.policy-communication",
        "common.roles",
    ] {
        assert!(row(&m, id).critical, "{id}");
    }
    let first27001 = build(&[("start.target", text("iso27001-first"))]);
    for id in ["common.review-inputs", "common.review-results"] {
        assert!(row(&first27001, id).critical, "{id}");
    }
    // The service levels rest on the catalogue (20000-1 8.2.4, 8.3.3): with 27001 first, the
    // row holding only A.5.22, which supplier monitoring implements in the first stage, is
    // 20000-1 work planned after the catalogue (from a ninth lead-implementer review).
    let service_levels = row(&first27001, "process.service-level");
    assert!(service_levels.second_stage);
    assert!(!row(&first27001, "process.supplier-monitoring").second_stage);
    assert!(service_levels.plan_rank > row(&first27001, "sms.catalogue").plan_rank);
    assert!(row(&first27001, "sms.catalogue").critical);
    assert!(row(&first27001, "process.infosec-risk-assessment").critical);
    // The catalogue opens the second stage: its reason names the second audit, and it is not
    // also called "lowered", which would read as a contradiction beside "critical path".
    let catalogue = &row(&first27001, "sms.catalogue").priority_reasons;
    assert_eq!(
        catalogue.first().map(String::as_str),
        Some("On the critical path of the ISO/IEC 20000-1 certification audit, planned after ISO/IEC 27001 is certified"),
    );
    assert!(
        catalogue.iter().all(|r| !r.starts_with("Lowered")),
        "{catalogue:?}"
    );
    assert!(row(&first27001, "sms.budgeting")
        .priority_reasons
        .iter()
        .any(|r| r == "Lowered: ISO/IEC 27001 is certified first"));
    // The audit and the review are run again before the second audit: a check says so.
    assert!(first27001.warnings.iter().any(|w| w
        .text
        .contains("run an internal audit and a management review again")));
    // A standard certified already cannot go first: one audit for the other, and a check.
    let held = build(&[
        ("start.target", text("iso20000-first")),
        ("start.iso20000", text("certified")),
    ]);
    assert!(held.schedule.as_ref().unwrap().second.is_none());
    assert!(held.rows.iter().all(|r| !r.second_stage));
    assert!(held
        .warnings
        .iter()
        .any(|w| w.text.contains("but you hold it already")));
    // With 20000-1 first, a control the answers make High stays in the first stage: 20000-1
    // 8.7.3.2 needs the controls that treat high information security risks at its audit. One
    // the answers do not raise waits for the 27001 stage.
    let hosting = build(&[
        ("start.target", text("iso20000-first")),
        ("scope.internet-facing", Answer::Bool(true)),
    ]);
    let malware = row(&hosting, "isms.malware");
    assert!(!malware.second_stage && malware.priority == Priority::High);
    assert!(malware
        .priority_reasons
        .iter()
        .any(|r| r.contains("8.7.3.2")));
    assert!(row(&hosting, "isms.disciplinary").second_stage);
    // Its action says why it is done before the 20000-1 audit, not "for ISO/IEC 27001"; one a
    // law names says so; one left for the second stage is implemented for 27001.
    assert_eq!(
        malware.action,
        "Implement before the ISO/IEC 20000-1 audit, which checks the controls that treat high \
         information security risks (8.7.3.2); it counts for ISO/IEC 27001 later too"
    );
    assert_eq!(
        row(&hosting, "isms.disciplinary").action,
        "Implement for ISO/IEC 27001"
    );
    let processor = build(&[
        ("start.target", text("iso20000-first")),
        ("reg.gdpr", text("processor")),
    ]);
    let named = processor
        .rows
        .iter()
        .filter(|r| r.kind == RowKind::Iso27001Only && !r.second_stage && r.applicable)
        .collect::<Vec<_>>();
    assert!(!named.is_empty());
    for r in named {
        assert!(
            r.action.starts_with("Implement now: a law or contract")
                || r.action
                    .starts_with("Implement before the ISO/IEC 20000-1 audit"),
            "{}: {}",
            r.id,
            r.action
        );
    }
    assert!(
        row(
            &build(&[("start.target", text("iso20000-first"))]),
            "isms.malware"
        )
        .second_stage
    );
    // A second stage with nothing left open: its audit need not wait a year.
    let says_empty = |m: &Matrix| {
        m.warnings
            .iter()
            .any(|w| w.text.contains("need not wait twelve months"))
    };
    assert!(!says_empty(&hosting));
    let in_place = build_with(
        &[
            ("start.timeline", text("12-months")),
            ("start.target", text("iso20000-first")),
        ],
        |a| {
            for r in &catalog::builtin().crosswalk {
                if r.kind == RowKind::Iso27001Only {
                    a.update_row(&r.id, |e| e.status = Some(Status::Implemented));
                }
            }
        },
    );
    assert!(says_empty(&in_place));
    // The project under way going second is named.
    let waiting = build(&[
        ("start.target", text("iso20000-first")),
        ("start.iso27001", text("in-progress")),
    ]);
    assert!(waiting
        .warnings
        .iter()
        .any(|w| w.text.contains("ISO/IEC 27001 implementation is under way")));
}

#[test]
fn a_reason_names_remote_work_once() {
    let m = build_with(&[("scope.remote", text("most"))], |_| {});
    let reason = soa_entry(&m, "A.6.7").reason.to_string();
    assert!(
        reason.contains("most of your people work remotely"),
        "{reason}"
    );
    assert!(
        !reason.contains("people work remotely,") && !reason.contains("; people work remotely"),
        "{reason}"
    );
    // Remote work raises as before when some work remotely.
    let some = build_with(&[("scope.remote", text("some"))], |_| {});
    assert!(soa_entry(&some, "A.8.1")
        .reason
        .contains("people work remotely"));
    assert!(!soa_entry(&some, "A.8.1")
        .reason
        .contains("most of your people"));
}

/// The maturity question's id for a practice.
fn maturity_id(practice: &str) -> String {
    questionnaire::builtin()
        .maturity_question(practice)
        .unwrap_or_else(|| panic!("{practice}"))
        .id
        .clone()
}

fn has_warning(m: &Matrix, words: &str) -> bool {
    m.warnings.iter().any(|w| w.text.contains(words))
}

#[test]
fn with_20000_1_first_the_risk_assessment_that_selects_its_controls_is_on_its_critical_path() {
    // 20000-1 8.7.3.2 asks for the information security risks assessed and their controls at
    // the 20000-1 audit (from a lead implementer's review: Medium, ranked after the controls
    // it selects).
    let m = build_with(&[("start.target", text("iso20000-first"))], |_| {});
    for id in [
        "process.infosec-risk-assessment",
        "process.infosec-risk-assessment-run",
        "process.infosec-risk-treatment",
    ] {
        let r = row(&m, id);
        assert!(r.critical && !r.second_stage, "{id}");
        assert_eq!(r.priority, Priority::High, "{id}");
    }
    let assessment = row(&m, "process.infosec-risk-assessment").plan_rank;
    for r in m.rows.iter().filter(|r| {
        r.kind == RowKind::Iso27001Only && !r.second_stage && r.is_open() && !r.critical
    }) {
        assert!(
            r.plan_rank > assessment,
            "{} before the risk assessment",
            r.id
        );
    }
}

#[test]
fn a_common_row_not_written_down_for_the_system_held_is_written_once_not_extended() {
    let audit = maturity_id("internal-audit");
    let with = |maturity: &str| {
        build_with(
            &[
                ("start.iso20000", text("implemented")),
                (audit.as_str(), text(maturity)),
            ],
            |_| {},
        )
    };
    let informal = with("informal");
    assert_eq!(
        row(&informal, "common.internal-audit").action,
        "Write one integrated document covering both standards"
    );
    // A system in place keeps its audit records: the starting point is checked.
    assert!(has_warning(&informal, "is in place, but also that"));
    let written = with("documented_one");
    assert_eq!(
        row(&written, "common.internal-audit").action,
        "Extend the SMS document to cover the ISMS"
    );
    assert!(!has_warning(&written, "is in place, but also that"));
}

#[test]
fn a_control_read_as_implemented_with_no_isms_says_so_in_the_statement_of_applicability() {
    let access = maturity_id("access");
    let with = |start: &str, edit: bool| {
        build_with(
            &[
                ("start.iso27001", text(start)),
                (access.as_str(), text("documented_one")),
            ],
            |a| {
                if edit {
                    a.update_row("isms.access-control", |e| {
                        e.status = Some(Status::Implemented)
                    });
                }
            },
        )
    };
    let says = |m: &Matrix| {
        let entry = soa_entry(m, "A.5.15");
        assert_eq!(entry.status, Status::Implemented);
        entry
            .warnings
            .iter()
            .any(|w| w.contains("while no ISMS is in place yet"))
    };
    assert!(says(&with("none", false)));
    // An ISMS in place has held it against the control; a status set by hand is the reader's.
    assert!(!says(&with("certified", false)));
    assert!(!says(&with("none", true)));
}

#[test]
fn an_isms_in_place_whose_policy_or_risk_process_is_not_written_down_is_checked() {
    let with = |practice: &str, maturity: &str| {
        build_with(
            &[
                ("start.iso27001", text("certified")),
                (maturity_id(practice).as_str(), text(maturity)),
            ],
            |_| {},
        )
    };
    for practice in ["policy", "infosec-risk", "scope"] {
        let missing = with(practice, "not_in_place");
        assert!(
            has_warning(&missing, "ISO/IEC 27001 is in place, but also that"),
            "{practice}"
        );
        assert!(!has_warning(
            &with(practice, "documented_one"),
            "ISO/IEC 27001 is in place, but also that"
        ));
    }
    // Without a certificate, nothing to doubt.
    let project = build_with(
        &[
            ("start.iso27001", text("in-progress")),
            (maturity_id("policy").as_str(), text("not_in_place")),
        ],
        |_| {},
    );
    assert!(!has_warning(
        &project,
        "ISO/IEC 27001 is in place, but also that"
    ));
}

#[test]
fn an_iso_9001_procedure_in_place_is_extended_before_a_projects_draft() {
    let audit = maturity_id("internal-audit");
    let m = build_with(
        &[
            ("start.iso20000", text("in-progress")),
            ("start.other", Answer::Choices(vec!["iso9001".into()])),
            (audit.as_str(), text("documented_one")),
        ],
        |_| {},
    );
    assert_eq!(
        row(&m, "common.internal-audit").action,
        "Extend the ISO 9001 procedure to cover both standards"
    );
}

#[test]
fn an_iso_22301_system_held_is_the_base_of_the_continuity_rows() {
    // Both projects under way, written down separately: without ISO 22301 the two designs are
    // merged; with it, its plans and arrangements are extended, as the effort already counts.
    let continuity = maturity_id("continuity");
    let with = |other: &str| {
        build_with(
            &[
                ("start.iso27001", text("in-progress")),
                ("start.iso20000", text("in-progress")),
                ("start.other", Answer::Choices(vec![other.into()])),
                (continuity.as_str(), text("documented_one")),
            ],
            |_| {},
        )
    };
    let held = with("iso22301");
    for id in [
        "process.security-during-disruption",
        "process.ict-readiness",
    ] {
        assert!(
            row(&held, id).action.starts_with("Build on the ISO 22301"),
            "{id}: {}",
            row(&held, id).action
        );
        assert!(!row(&with("none"), id).action.contains("22301"), "{id}");
    }
    // The harmonised-structure rows are not continuity arrangements: an internal audit
    // extends the ISO 22301 system's audit procedure instead (seventeenth review).
    let audit = &row(&held, "common.internal-audit").action;
    assert!(!audit.starts_with("Build on the ISO 22301"), "{audit}");
}

#[test]
fn two_systems_held_apart_merge_only_what_is_written_down_and_one_body_is_needed_to_combine() {
    let capacity = maturity_id("capacity");
    let build = |level: &str, body: &str| {
        build_with(
            &[
                ("start.iso27001", text("certified")),
                ("start.iso20000", text("certified")),
                ("start.separate", Answer::Bool(true)),
                (capacity.as_str(), text(level)),
                ("cert.combined", Answer::Bool(true)),
                ("cert.body", text(body)),
            ],
            |_| {},
        )
    };
    // Not written down in either system: nothing to merge, one process to design.
    let informal = build("informal", "one");
    assert!(
        row(&informal, "process.capacity")
            .action
            .starts_with("Design one process"),
        "{}",
        row(&informal, "process.capacity").action
    );
    assert_eq!(
        row(&build("documented_one", "one"), "process.capacity").action,
        "Merge the two processes into one"
    );
    // A combined visit needs one body: with two, the label is not a combined audit.
    let label = |m: &Matrix| m.schedule.as_ref().unwrap().audit_label.clone();
    assert!(
        label(&informal).starts_with("Combined"),
        "{}",
        label(&informal)
    );
    let two_bodies = build("informal", "separate");
    assert!(
        !label(&two_bodies).starts_with("Combined"),
        "{}",
        label(&two_bodies)
    );
}

#[test]
fn a_mandatory_row_marked_not_applicable_stays_in_the_plan() {
    let m = build_with(&[], |a| {
        a.update_row("sms.budgeting", |e| e.status = Some(Status::NotApplicable));
    });
    let budgeting = row(&m, "sms.budgeting");
    assert!(budgeting.applicable && budgeting.status == Status::NotApplicable);
    assert!(budgeting.plan_rank > 0, "in the action plan");
    assert_ne!(budgeting.priority, Priority::None);
    assert!(budgeting.remaining_days > 0.0);
    assert!(!budgeting.target_date.is_empty());
    assert!(budgeting.is_open());
    assert_eq!(budgeting.planned_status(), Status::NotStarted);
    // Marked Not applicable, it keeps the status its answers give: done informally, it is in
    // progress, with half the effort (from a lead implementer's review: it was planned as not
    // started, at full effort).
    let informal = build_with(
        &[(maturity_id("budgeting").as_str(), text("informal"))],
        |a| a.update_row("sms.budgeting", |e| e.status = Some(Status::NotApplicable)),
    );
    let budgeting_informal = row(&informal, "sms.budgeting");
    assert_eq!(budgeting_informal.planned_status(), Status::InProgress);
    assert_eq!(
        budgeting_informal.remaining_days * 2.0,
        budgeting.remaining_days
    );
}

#[test]
fn a_control_a_law_names_excluded_by_hand_gets_the_laws_check_beside_it() {
    // GDPR names data masking (A.8.11); marking its row Not applicable is the user's decision,
    // which an auditor questions as much as an exclusion from the answers.
    let m = build_with(&[("reg.gdpr", text("controller"))], |a| {
        a.update_row("isms.data-masking", |e| {
            e.status = Some(Status::NotApplicable)
        });
    });
    let masking = soa_entry(&m, "A.8.11");
    assert!(!masking.applicable);
    assert!(
        masking.warnings.iter().any(|w| w.contains("GDPR")),
        "{:?}",
        masking.warnings
    );
}

#[test]
fn nis2_in_public_administration_goes_by_level_of_government_not_by_size() {
    let public = |nis2: &str, size: &str| {
        build_with(
            &[
                ("org.sector", text("public")),
                ("org.size", text(size)),
                ("reg.nis2", text(nis2)),
            ],
            |_| {},
        )
    };
    for (nis2, size) in [
        ("essential", "medium"),
        ("important", "small"),
        ("no", "large"),
    ] {
        let m = public(nis2, size);
        assert!(has_warning(&m, "level of government"), "{nis2} {size}");
        // The size tests do not fit public administration.
        assert!(!has_warning(&m, "medium and large"), "{nis2} {size}");
    }
}

#[test]
fn a_firm_of_fewer_than_ten_is_told_to_plan_an_independent_internal_auditor() {
    let micro = build_with(&[("org.size", text("micro"))], |_| {});
    assert!(has_warning(&micro, "objectivity and impartiality"));
    let small = build_with(&[("org.size", text("small"))], |_| {});
    assert!(!has_warning(&small, "objectivity and impartiality"));
}

#[test]
fn a_second_audit_held_apart_is_not_justified_by_a_combined_visit() {
    let staged = |combined: bool, body: &str| {
        build_with(
            &[
                ("start.target", text("iso27001-first")),
                ("cert.combined", Answer::Bool(combined)),
                ("cert.body", text(body)),
            ],
            |_| {},
        )
    };
    let one_visit = staged(true, "one");
    let basis = |m: &Matrix| {
        m.schedule
            .as_ref()
            .unwrap()
            .second
            .as_ref()
            .unwrap()
            .basis
            .clone()
    };
    assert!(
        basis(&one_visit).contains("in one visit"),
        "{}",
        basis(&one_visit)
    );
    assert!(!has_warning(&one_visit, "You plan separate audits"));
    for apart in [staged(false, "one"), staged(true, "separate")] {
        assert!(!basis(&apart).contains("in one visit"), "{}", basis(&apart));
        assert!(basis(&apart).contains("an assumption"));
        assert!(has_warning(&apart, "You plan separate audits"));
    }
    // The same body is needed for one visit later only where there are two.
    let same_body = "must be held with the same certification body";
    assert!(!has_warning(&staged(false, "one"), same_body));
    assert!(has_warning(&staged(true, "separate"), same_body));
}

#[test]
fn two_certifications_audited_apart_have_two_initial_audits_and_an_added_standard_is_named() {
    let integrated = |combined: bool, body: &str, held: &str| {
        build_with(
            &[
                ("start.target", text("integrated")),
                ("start.iso27001", text(held)),
                ("cert.combined", Answer::Bool(combined)),
                ("cert.body", text(body)),
            ],
            |_| {},
        )
    };
    let two = "each standard has its own initial certification audit";
    assert!(has_warning(&integrated(false, "separate", "none"), two));
    assert!(has_warning(
        &integrated(false, "separate", "none"),
        "management review over both scopes"
    ));
    assert!(has_warning(&integrated(false, "one", "in-progress"), two));
    assert!(!has_warning(&integrated(true, "one", "none"), two));
    // One certificate held: one initial audit only.
    assert!(!has_warning(
        &integrated(false, "separate", "certified"),
        two
    ));
    // Adding 20000-1 to a 27001 certificate: the label says which audit is initial.
    let added = build_with(
        &[
            ("start.target", text("add-combined")),
            ("start.iso27001", text("certified")),
            ("cert.combined", Answer::Bool(true)),
        ],
        |_| {},
    );
    let label = &added.schedule.as_ref().unwrap().audit_label;
    assert!(
        label.starts_with("ISO/IEC 20000-1 initial certification audit")
            && label.contains("ISO/IEC 27001 surveillance or recertification"),
        "{label}"
    );
}

#[test]
fn a_contractual_basis_needs_customers_with_contracts() {
    // From a lead implementer's review: an IT centre serving its own organisation had A.6.6
    // and A.8.6 "Contractual" with no contract to name.
    let internal = build_with(&[("scope.customers", text("internal"))], |_| {});
    let external = build_with(&[("scope.customers", text("external"))], |_| {});
    for control in ["A.6.6", "A.8.6", "A.8.14"] {
        assert_eq!(
            soa_entry(&internal, control).basis,
            Some(ims_matrix::advice::Basis::Risk),
            "{control}"
        );
        assert_eq!(
            soa_entry(&external, control).basis,
            Some(ims_matrix::advice::Basis::Contractual),
            "{control}"
        );
    }
    // An insurer's IT subsidiary serving only its group under DORA has its contract: DORA asks
    // for one with service levels within a group too (Art. 30; thirtieth review).
    let group_it = build_with(
        &[
            ("scope.customers", text("internal")),
            ("reg.dora", text("ict-provider")),
        ],
        |_| {},
    );
    for control in ["A.8.6", "A.8.14"] {
        assert_eq!(
            soa_entry(&group_it, control).basis,
            Some(ims_matrix::advice::Basis::Contractual),
            "{control}"
        );
    }
}

#[test]
fn pci_dss_physical_security_is_the_hosts_when_the_card_data_runs_at_a_provider() {
    // From a lead implementer's review: a software house on outsourced IaaS had its office
    // entry control raised by PCI DSS Req. 9, which its cloud provider meets.
    let hosted = build_with(
        &[
            ("reg.pci", Answer::Bool(true)),
            ("scope.premises", Answer::Choices(vec!["offices".into()])),
            ("scope.cloud", Answer::Choices(vec!["use-iaas".into()])),
        ],
        |_| {},
    );
    let entry = soa_entry(&hosted, "A.7.2");
    assert!(entry.applicable);
    assert!(
        !entry.obligations.iter().any(|o| o.contains("PCI")),
        "{:?}",
        entry.obligations
    );
    assert!(has_warning(&hosted, "Attestation of Compliance"));
    // Nor does the card data fact raise the office's physical controls.
    for control in ["A.7.1", "A.7.2"] {
        let reason = &soa_entry(&hosted, control).reason;
        assert!(!reason.contains("payment card"), "{control}: {reason}");
    }
    assert!(!row(&hosted, "isms.physical-entry")
        .priority_reasons
        .iter()
        .any(|r| r.contains("payment card")));
    let own_room = build_with(
        &[
            ("reg.pci", Answer::Bool(true)),
            (
                "scope.premises",
                Answer::Choices(vec!["offices".into(), "server-room".into()]),
            ),
        ],
        |_| {},
    );
    assert!(soa_entry(&own_room, "A.7.2")
        .obligations
        .iter()
        .any(|o| o.contains("PCI")));
    assert!(!has_warning(&own_room, "Attestation of Compliance"));
}

#[test]
fn a_firm_with_no_network_and_no_cloud_infrastructure_secures_how_its_people_connect() {
    // From a lead implementer's review: a fully remote firm on software services only read
    // "the virtual networks, firewall rules and segments you configure in cloud services" and
    // "SD-WAN services bought from carriers".
    let saas_only = build_with(
        &[
            ("scope.network", Answer::Bool(false)),
            ("scope.cloud", Answer::Choices(vec!["use-saas".into()])),
        ],
        |_| {},
    );
    // Each control says what it means here, after the answers they share.
    for (control, what) in [
        ("A.8.20", "how your people connect"),
        ("A.8.22", "home and guest networks"),
    ] {
        let reason = &soa_entry(&saas_only, control).reason;
        assert!(
            reason.starts_with("You told us you run no networks of your own and host nothing")
                && reason.contains(what),
            "{control}: {reason}"
        );
    }
    assert!(soa_entry(&saas_only, "A.8.21")
        .reason
        .contains("internet connections"));
    let iaas = build_with(
        &[
            ("scope.network", Answer::Bool(false)),
            ("scope.cloud", Answer::Choices(vec!["use-iaas".into()])),
        ],
        |_| {},
    );
    assert!(soa_entry(&iaas, "A.8.20")
        .reason
        .contains("virtual networks"));
}

#[test]
fn pci_dss_names_the_service_providers_duties_to_a_provider_handling_its_customers_data() {
    let provider = build_with(
        &[
            ("reg.pci", Answer::Bool(true)),
            ("scope.customer-data", Answer::Bool(true)),
        ],
        |_| {},
    );
    assert!(soa_entry(&provider, "A.5.20").reason.contains("12.9.1"));
    let merchant = build_with(
        &[
            ("reg.pci", Answer::Bool(true)),
            ("scope.customer-data", Answer::Bool(false)),
        ],
        |_| {},
    );
    assert!(!soa_entry(&merchant, "A.5.20").reason.contains("12.9.1"));
    // A merchant that also holds its customers' data (a telecom's subscribers) and takes their
    // cards only at its shops' terminals or by phone is no service provider for the cards
    // (thirtieth review); one that runs payment systems itself may be.
    let where_cards = |places: &[&str]| {
        build_with(
            &[
                ("reg.pci", Answer::Bool(true)),
                ("scope.customer-data", Answer::Bool(true)),
                (
                    "reg.pci-where",
                    Answer::Choices(places.iter().map(|p| (*p).to_owned()).collect()),
                ),
            ],
            |_| {},
        )
    };
    let shop = where_cards(&["terminals", "premises"]);
    assert!(!soa_entry(&shop, "A.5.20").reason.contains("12.9.1"));
    let processor = where_cards(&["terminals", "own-systems"]);
    assert!(soa_entry(&processor, "A.5.20").reason.contains("12.9.1"));
    // A contact centre taking its clients' customers' payments is a service provider, at its
    // premises or at home, whatever system the details are keyed into (thirty-fifth review).
    let contact_centre = where_cards(&["premises", "home", "for-customers"]);
    assert!(soa_entry(&contact_centre, "A.5.20")
        .reason
        .contains("12.9.1"));
    // Its recordings keep no card verification code, its screens mask card numbers, and the
    // agents' laptops at home are locked down.
    assert!(soa_entry(&contact_centre, "A.8.10")
        .reason
        .contains("call recordings"));
    assert!(soa_entry(&contact_centre, "A.8.11")
        .reason
        .contains("3.4.1"));
    assert!(soa_entry(&contact_centre, "A.8.1").reason.contains("1.5.1"));
    // The other service-provider-only requirements: the executives' programme and the
    // quarterly checks of staff's security tasks (thirty-fifth review's check).
    assert!(soa_entry(&contact_centre, "A.5.2")
        .reason
        .contains("Req. 12.4.1"));
    assert!(soa_entry(&contact_centre, "A.5.36")
        .reason
        .contains("Req. 12.4.2, 12.4.2.1"));
    assert!(!soa_entry(&shop, "A.5.36").reason.contains("Req. 12.4.2"));
    assert!(!soa_entry(&shop, "A.8.1").reason.contains("1.5.1"));
    // Ticked alone, it still puts the agents' desks in the card data environment, with the
    // check on staff taking card details (thirty-fifth review's check: it read as a merchant
    // whose provider hosts everything).
    let desks_only = where_cards(&["for-customers"]);
    assert!(soa_entry(&desks_only, "A.7.2").reason.contains("Req. 9"));
    assert!(desks_only
        .warnings
        .iter()
        .any(|w| w.text.contains("Your staff take card details themselves")));
}

#[test]
fn pci_dss_secure_development_bears_only_on_software_developed_for_the_prospect() {
    // Req. 6.2 covers bespoke and custom software: with none developed, in house or by a
    // partner, it does not apply, and the excluded A.8.25 has no check asking where it is met.
    let with = |development: &str| {
        build_with(
            &[
                ("reg.pci", Answer::Bool(true)),
                ("scope.development", text(development)),
            ],
            |_| {},
        )
    };
    let none = with("none");
    let life_cycle = soa_entry(&none, "A.8.25");
    assert!(!life_cycle.applicable);
    assert!(
        life_cycle.obligations.is_empty(),
        "{:?}",
        life_cycle.obligations
    );
    assert!(life_cycle.warnings.is_empty(), "{:?}", life_cycle.warnings);
    for development in ["in-house", "outsourced", "both"] {
        assert!(
            soa_entry(&with(development), "A.8.25")
                .obligations
                .iter()
                .any(|o| o.contains("PCI")),
            "{development}"
        );
    }
}

#[test]
fn with_27001_first_the_isms_itself_and_the_treatment_carried_out_are_on_its_critical_path() {
    // From a lead implementer's review: in a 27001-first plan 4.4 and 8.3 were Medium, ranked
    // after controls; a stage 2 cannot pass without them.
    let m = build_with(&[("start.target", text("iso27001-first"))], |_| {});
    for id in [
        "common.management-system",
        "process.infosec-risk-treatment-run",
    ] {
        let r = row(&m, id);
        assert!(r.critical && !r.second_stage, "{id}");
        assert_eq!(r.priority, Priority::High, "{id}");
    }
}

#[test]
fn a_process_written_down_for_one_standard_is_extended_not_designed_again() {
    // From a lead implementer's review: an ITIL incident procedure written down read "Design
    // one process led by ISO/IEC 20000-1…" on its seven rows, while the summary counted its
    // document as one to extend.
    let incident = row(&build_with(&[], |_| {}), "process.incident-response")
        .practice
        .clone();
    let m = build_with(
        &[(maturity_id(&incident).as_str(), text("documented_one"))],
        |_| {},
    );
    assert_eq!(
        row(&m, "process.incident-response").action,
        "Extend the procedure already written down so that it meets both standards"
    );
    let nothing = build_with(
        &[(maturity_id(&incident).as_str(), text("not_in_place"))],
        |_| {},
    );
    assert!(row(&nothing, "process.incident-response")
        .action
        .starts_with("Design one process"));
}

#[test]
fn nis2_checks_for_telecoms_education_and_groups() {
    let answers = |sector: &str, size: &str, nis2: &str| {
        build_with(
            &[
                ("org.sector", text(sector)),
                ("org.size", text(size)),
                ("reg.nis2", text(nis2)),
            ],
            |_| {},
        )
    };
    // Medium-sized providers of public electronic communications are essential (Art. 3(1)(c)).
    assert!(has_warning(
        &answers("telecom", "medium", "important"),
        "Art. 3(1)(c)"
    ));
    assert!(!has_warning(
        &answers("telecom", "medium", "essential"),
        "Art. 3(1)(c)"
    ));
    // Education goes by national extension, not size.
    let university = answers("education", "small", "important");
    assert!(has_warning(&university, "Art. 2(5)(b)"));
    assert!(!has_warning(&university, "mostly covers medium and large"));
    // A small entity in a group counts its linked enterprises.
    assert!(has_warning(
        &answers("it-services", "small", "important"),
        "linked and partner"
    ));
}

#[test]
fn a_control_the_soc_provider_runs_excluded_by_hand_is_challenged() {
    let with = |outsourced: &str| {
        build_with(
            &[("ops.outsourced", Answer::Choices(vec![outsourced.into()]))],
            |a| {
                a.update_row("isms.threat-intelligence", |e| {
                    e.status = Some(Status::NotApplicable)
                })
            },
        )
    };
    let soc = with("security-monitoring");
    assert!(soa_entry(&soc, "A.5.7")
        .warnings
        .iter()
        .any(|w| w.contains("monitors your security")));
    let none = with("none");
    assert!(!soa_entry(&none, "A.5.7")
        .warnings
        .iter()
        .any(|w| w.contains("monitors your security")));
}

#[test]
fn nis2_names_its_implementing_regulation_for_when_an_incident_is_significant() {
    // From a lead implementer's review: for managed service and cloud providers Implementing
    // Regulation (EU) 2024/2690 sets when an incident is significant; the register and A.5.25
    // named only the Directive.
    let m = build_with(&[("reg.nis2", text("important"))], |_| {});
    assert!(soa_entry(&m, "A.5.25").reason.contains("2024/2690"));
    assert!(soa_entry(&m, "A.5.31").reason.contains("2024/2690"));
}

#[test]
fn the_prepared_search_finds_what_the_plain_one_finds() {
    let m = build_with(&[], |a| {
        a.update_row("process.backup", |e| {
            e.notes = "Nightly to the Ösel site".into()
        });
    });
    for text in [
        "",
        "a.8",
        "SUPPLIER",
        "ösel",
        "change  policy",
        "zzz",
        "A.5.1 ",
    ] {
        let filter = view::Filter {
            text: text.to_owned(),
            ..view::Filter::default()
        };
        let words = filter.words();
        for r in &m.rows {
            assert_eq!(
                filter.matches(r),
                filter.matches_prepared(r, &view::search_text(r), &words),
                "{text:?} on {}",
                r.id
            );
        }
    }
    let found = |text: &str| {
        let filter = view::Filter {
            text: text.to_owned(),
            ..view::Filter::default()
        };
        m.rows.iter().filter(|r| filter.matches(r)).count()
    };
    assert_eq!(found("ösel"), 1);
    assert!(found("supplier") > 1);
}

#[test]
fn no_siem_counts_as_security_events_still_to_collect_unless_another_company_monitors_them() {
    // From a lead implementer's review: "a SIEM is still to choose and set up" read as advice to
    // buy one; logging and monitoring ask for events collected and reviewed, however it is done.
    let monitoring = |outsourced: &[&str]| {
        let m = build_with(
            &[
                ("ops.tools", Answer::Choices(vec!["ticketing".into()])),
                (
                    "ops.outsourced",
                    Answer::Choices(outsourced.iter().map(|s| (*s).to_owned()).collect()),
                ),
            ],
            |_| {},
        );
        row(&m, "process.monitoring-events").clone()
    };
    let own = monitoring(&[]);
    assert!(
        own.effort_reasons
            .iter()
            .any(|r| r.contains("×1.25: security events are still to be collected")),
        "{:?}",
        own.effort_reasons
    );
    assert!(!own
        .effort_reasons
        .iter()
        .any(|r| r.contains("SIEM is still")));
    let provider = monitoring(&["security-monitoring"]);
    assert!(
        !provider.effort_reasons.iter().any(|r| r.contains("×1.25")),
        "{:?}",
        provider.effort_reasons
    );
    assert!(provider.remaining_days < own.remaining_days);
}

#[test]
fn a_small_provider_not_sure_of_nis2_is_told_what_reaches_it_through_its_customers() {
    // From a lead implementer's review: the generic "check your national law" told a ten-person
    // provider nothing about the supply-chain terms its NIS2 customers pass down.
    let not_sure = |size: &str| {
        build_with(
            &[
                ("org.sector", text("it-services")),
                ("org.size", text(size)),
                ("reg.nis2", text("not-sure")),
            ],
            |_| {},
        )
        .warnings
        .iter()
        .find(|w| w.text.starts_with("You are not sure whether NIS2 applies"))
        .map(|w| w.text.clone())
        .expect("a NIS2 check")
    };
    for size in ["micro", "small"] {
        let text = not_sure(size);
        assert!(text.contains("Art. 21(2)(d)"), "{size}: {text}");
        assert!(text.contains("A.5.31"), "{size}: {text}");
        // A managed IT or security provider is kept out by its size alone.
        assert!(text.contains("(Annex I, 9)"), "{size}: {text}");
    }
    let software = build_with(
        &[
            ("org.sector", text("software")),
            ("org.size", text("small")),
            ("reg.nis2", text("not-sure")),
        ],
        |_| {},
    );
    assert!(!software
        .warnings
        .iter()
        .any(|w| w.text.contains("(Annex I, 9)")));
    // Medium or larger in a NIS2 sector: it probably applies, directly.
    let medium = not_sure("medium");
    assert!(medium.contains("probably"), "{medium}");
    assert!(!medium.contains("Art. 21(2)(d)"), "{medium}");
}

#[test]
fn with_20000_first_and_its_documents_on_2011_the_context_it_lacks_is_work_for_the_first_audit() {
    // From the twenty-eighth review: 20000-1:2011 did not ask for the organisation's context
    // (2018 4.1), yet with the SMS held the context row was planned after the first audit as
    // "extend the SMS document to cover the ISMS".
    let sms = |documents_2011: bool| {
        build_with(
            &[
                ("start.iso27001", text("none")),
                ("start.iso20000", text("implemented")),
                ("start.target", text("iso20000-first")),
                (maturity_id("context").as_str(), text("documented_one")),
            ],
            |a| {
                if documents_2011 {
                    a.editions.iso20000 = StandardId::Iso20000_2011;
                }
            },
        )
    };
    let old = sms(true);
    let context = row(&old, "common.context");
    assert!(!context.second_stage && context.critical, "{context:?}");
    assert_eq!(context.status, Status::InProgress);
    assert!(context
        .priority_reasons
        .iter()
        .any(|r| r.starts_with("New in ISO/IEC 20000-1:2018")));
    // Interested parties' requirements had a place in the 2011 plan (its 4.5.2): extending that
    // document to the ISMS waits for the second stage.
    assert!(row(&old, "common.interested-parties").second_stage);
    // Documents on 2018: the SMS covers its context; extending it to the ISMS is second-stage work.
    assert!(row(&sms(false), "common.context").second_stage);
}

#[test]
fn a_certificate_on_a_withdrawn_edition_is_a_system_in_place_whose_next_audit_is_an_initial_one() {
    // From an eighth lead-implementer review: a 2011 certificate, withdrawn in 2021, was planned
    // for a surveillance audit alongside the added standard's initial one.
    let held = |edition_2011: bool| {
        build_with(
            &[
                ("start.iso27001", text("none")),
                ("start.iso20000", text("certified")),
                ("start.target", text("add-combined")),
                ("start.timeline", text("12-months")),
                ("cert.combined", Answer::Bool(true)),
            ],
            |a| {
                if edition_2011 {
                    a.editions.iso20000 = StandardId::Iso20000_2011;
                }
            },
        )
    };
    let current = held(false);
    let label = |m: &Matrix| m.schedule.as_ref().unwrap().audit_label.clone();
    assert!(
        label(&current).contains("surveillance"),
        "{}",
        label(&current)
    );
    let void = held(true);
    assert!(!label(&void).contains("surveillance"), "{}", label(&void));
    let says = |m: &Matrix, text: &str| m.warnings.iter().any(|w| w.text.contains(text));
    assert!(says(
        &void,
        "withdrawn when the transition ended on 29 September 2021"
    ));
    assert!(says(&void, "initial certification, stage 1 and stage 2"));
    // Not also told, as for a prospect with no certificate, that the view is an older edition's.
    assert!(!void.warnings.iter().any(|w| w
        .text
        .contains("The references are shown in ISO/IEC 20000-1:2011")
        || w.text.contains("while your ISO/IEC 20000-1 certificate")));
    assert_eq!(void.starting_point, StartingPoint::Iso20000);
    // The same for ISO/IEC 27001:2013, whose transition ended on 31 October 2025.
    let isms = build_with(
        &[
            ("start.iso27001", text("certified")),
            ("start.iso20000", text("certified")),
            ("start.target", text("integrated")),
            ("cert.combined", Answer::Bool(true)),
        ],
        |a| a.editions.iso27001 = StandardId::Iso27001_2013,
    );
    // The void ISO/IEC 27001 certificate is certified anew, added to the valid ISO/IEC 20000-1
    // certificate, which is surveyed, not certified again (fourteenth review).
    assert_eq!(
        label(&isms),
        "ISO/IEC 27001 initial certification audit, with the ISO/IEC 20000-1 surveillance or recertification audit"
    );
    assert!(says(&isms, "31 October 2025"));
    assert!(
        !says(&isms, "IAF MD 11"),
        "no merger of two certified systems"
    );
}

#[test]
fn a_dora_financial_entitys_protection_and_prevention_duties_are_legal_ground() {
    // From an eighth lead-implementer review: DORA Art. 9(4) names network management, access,
    // authentication and keys, change management and patching; they were risk-based only.
    let entity = build_with(&[("reg.dora", text("financial-entity"))], |_| {});
    let provider = build_with(&[("reg.dora", text("ict-provider"))], |_| {});
    for (control, provision) in [
        ("A.8.20", "Art. 9(4)(b)"),
        ("A.8.22", "Art. 9(4)(b)"),
        ("A.5.15", "Art. 9(4)(c)"),
        ("A.5.18", "Art. 9(4)(c)"),
        ("A.8.5", "Art. 9(4)(d)"),
        ("A.8.24", "Art. 9(4)(d)"),
        ("A.8.32", "Art. 9(4)(e)"),
        ("A.8.8", "Art. 9(4)(f)"),
    ] {
        let entry = soa_entry(&entity, control);
        assert_eq!(
            entry.basis,
            Some(ims_matrix::advice::Basis::Legal),
            "{control}"
        );
        assert!(
            entry.reason.contains(provision),
            "{control}: {}",
            entry.reason
        );
        // An ICT provider meets DORA through its customers' contracts (Art. 30), not Art. 9.
        assert!(
            !soa_entry(&provider, control).reason.contains(provision),
            "{control}"
        );
    }
    // Card data: PCI DSS Req. 6.5 makes change management a contractual duty.
    let cards = build_with(&[("reg.pci", Answer::Bool(true))], |_| {});
    assert!(soa_entry(&cards, "A.8.32")
        .reason
        .contains("Req. 6.5.1-6.5.6"));
}

#[test]
fn a_combined_audit_with_one_standard_first_joins_the_second_initial_audit_to_the_first_surveillance(
) {
    // From an eighth lead-implementer review: a check told the client to choose between a
    // combined audit and a staged plan, which the schedule already reconciles.
    let staged = |combined: bool, body: &str| {
        build_with(
            &[
                ("start.target", text("iso27001-first")),
                ("start.timeline", text("12-months")),
                ("cert.combined", Answer::Bool(combined)),
                ("cert.body", text(body)),
            ],
            |_| {},
        )
    };
    let second = |m: &Matrix| {
        m.schedule
            .as_ref()
            .and_then(|s| s.second.as_ref())
            .map(|s| s.audit_label.clone())
            .unwrap_or_default()
    };
    let one_visit = staged(true, "one");
    assert_eq!(
        second(&one_visit),
        "ISO/IEC 20000-1 initial certification audit, with the first ISO/IEC 27001 surveillance audit"
    );
    let check = one_visit
        .warnings
        .iter()
        .find(|w| {
            w.text
                .starts_with("You want one combined audit and certify ISO/IEC 27001 first")
        })
        .expect("the combined, staged check");
    assert!(check.text.contains("stage 1 and stage 2"), "{}", check.text);
    assert!(!one_visit
        .warnings
        .iter()
        .any(|w| w.text.contains("Decide which")));
    // Apart (not combined, or a body for each): the second audit is the standard's own.
    for (combined, body) in [(false, "one"), (true, "separate")] {
        let apart = staged(combined, body);
        assert_eq!(second(&apart), "ISO/IEC 20000-1 certification audit");
        assert!(!apart.warnings.iter().any(|w| w
            .text
            .starts_with("You want one combined audit and certify")));
    }
}

#[test]
fn performing_the_risk_assessment_and_the_asset_inventory_grow_with_the_services_and_sites() {
    // From an eighth lead-implementer review: the internal audit grew with 28 services at 6
    // sites, but the risk assessment it audits, and the asset inventory, did not.
    let scope = |services: i64, sites: i64| {
        build_with(
            &[
                ("org.services", Answer::Number(services)),
                ("org.sites", Answer::Number(sites)),
            ],
            |_| {},
        )
    };
    let (small, large) = (scope(2, 1), scope(28, 6));
    for id in [
        "process.infosec-risk-assessment-run",
        "process.infosec-risk-treatment-run",
        "process.asset-inventory",
    ] {
        let (before, after) = (row(&small, id), row(&large, id));
        assert!(
            after.remaining_days > before.remaining_days,
            "{id}: {} then {}",
            before.remaining_days,
            after.remaining_days
        );
        assert!(
            after
                .effort_reasons
                .iter()
                .any(|r| r.contains("28 services")),
            "{id}: {:?}",
            after.effort_reasons
        );
    }
    assert!(row(&large, "process.asset-inventory")
        .effort_reasons
        .iter()
        .any(|r| r.contains("6 sites")));
    // Designing the method is done once, whatever the scope.
    assert_eq!(
        row(&small, "process.infosec-risk-assessment").remaining_days,
        row(&large, "process.infosec-risk-assessment").remaining_days
    );
}

#[test]
fn a_telecom_handling_personal_data_is_told_its_breach_clock_is_24_hours() {
    // From an eighth lead-implementer review: a telecom got only the GDPR's 72 hours, though
    // the ePrivacy rules give its public communications services 24 (GDPR Art. 95).
    let says = |sector: &str, gdpr: &str| {
        build_with(
            &[("org.sector", text(sector)), ("reg.gdpr", text(gdpr))],
            |_| {},
        )
        .warnings
        .iter()
        .any(|w| w.text.contains("Commission Regulation (EU) No 611/2013"))
    };
    assert!(says("telecom", "controller"));
    assert!(!says("telecom", "none"));
    assert!(!says("it-services", "controller"));
}

#[test]
fn dora_oversight_of_critical_providers_gives_no_legal_basis_to_a_provider_not_designated() {
    // From an eighth lead-implementer review: "if designated critical" made A.5.36 Legal for
    // every ICT provider to financial entities.
    let provider = build_with(&[("reg.dora", text("ict-provider"))], |_| {});
    let entry = soa_entry(&provider, "A.5.36");
    assert!(
        !entry.obligations.iter().any(|o| o.contains("DORA")),
        "{:?}",
        entry.obligations
    );
    assert!(
        !entry.reason.contains("designated critical"),
        "{}",
        entry.reason
    );
}

#[test]
fn a_supplier_to_nis2_entities_meets_their_contract_terms_on_a_contractual_basis() {
    // From an eighth lead-implementer review: a small security provider whose customers are
    // NIS2 entities had nowhere to say so, and nothing in the SoA carried their terms.
    let answered = |nis2: &str| {
        build_with(
            &[
                ("reg.nis2", text(nis2)),
                ("scope.customers", text("external")),
            ],
            |_| {},
        )
    };
    let supplier = answered("supplier");
    for (control, provision) in [
        ("A.5.31", "Art. 21(2)(d), 21(3)"),
        ("A.5.24", "Art. 21(2)(d), 23(4)(a)"),
        ("A.8.8", "Art. 21(3)"),
        ("A.5.21", "Art. 21(2)(d)"),
    ] {
        let entry = soa_entry(&supplier, control);
        assert!(
            entry
                .obligations
                .iter()
                .any(|o| o.contains("customers' contracts")),
            "{control}: {:?}",
            entry.obligations
        );
        assert!(
            entry.reason.contains(provision),
            "{control}: {}",
            entry.reason
        );
    }
    // Contractual, not law: NIS2 does not bind the supplier itself.
    assert_eq!(
        soa_entry(&supplier, "A.5.24").basis,
        Some(ims_matrix::advice::Basis::Contractual)
    );
    assert!(!soa_entry(&answered("no"), "A.5.24")
        .obligations
        .iter()
        .any(|o| o.contains("NIS2")));
}

#[test]
fn a_financial_entity_that_also_serves_others_carries_both_dora_entries() {
    // From an eighth lead-implementer review: a payment institution selling ICT services to
    // banks could answer only one of the two, and lost the provider's contract terms.
    let both = build_with(
        &[
            ("reg.dora", text("both")),
            ("reg.dora-critical", Answer::Bool(true)),
        ],
        |_| {},
    );
    let names = |m: &Matrix, control: &str| soa_entry(m, control).obligations.clone();
    // Art. 30 terms of its customers (A.8.34, TLPT participation) and its own Art. 9 duties.
    assert!(
        names(&both, "A.8.34")
            .iter()
            .any(|o| o.contains("ICT third-party")),
        "{:?}",
        names(&both, "A.8.34")
    );
    assert!(names(&both, "A.8.32")
        .iter()
        .any(|o| o.contains("financial entity")));
    // And DORA takes NIS2's place, as for any financial entity.
    let with_nis2 = build_with(
        &[("reg.dora", text("both")), ("reg.nis2", text("important"))],
        |_| {},
    );
    assert!(!names(&with_nis2, "A.5.24")
        .iter()
        .any(|o| o.contains("NIS2")));
}

/// GDPR Art. 32(1) binds the processor as it binds the controller, and Art. 28(3)(c) makes it a
/// term of every processor contract: a processor only is told pseudonymisation, resilience and
/// regular testing by the law, not by contract alone (from a ninth lead-implementer review).
#[test]
fn a_processor_is_held_to_the_security_of_processing_as_a_controller_is() {
    let processor = build_with(&[("reg.gdpr", text("processor"))], |_| {});
    for (control, point) in [
        ("A.8.11", "32(1)(a)"),
        ("A.5.30", "32(1)(b)"),
        ("A.5.35", "32(1)(d)"),
    ] {
        let entry = soa_entry(&processor, control);
        assert_eq!(
            entry.basis,
            Some(ims_matrix::advice::Basis::Legal),
            "{control}"
        );
        assert!(
            entry.obligations.iter().any(|o| o == "GDPR (as processor)"),
            "{control}: {:?}",
            entry.obligations
        );
        assert!(
            entry
                .reason
                .contains(&format!("GDPR (as processor), Art. 28(3)(c), {point}:")),
            "{control}: {}",
            entry.reason
        );
    }
}

/// The NIS2 checks read what the organisation does, not its sector's name (from a ninth
/// lead-implementer review): software publishing is in neither annex; a cloud or managed
/// service provider of 50 staff or more is in scope by what it does, said plainly whatever it
/// answered; and a medium-sized entity calling itself essential is asked to check.
#[test]
fn nis2_checks_read_what_the_organisation_does_not_its_sector_name() {
    let checks = |sector: &str, size: &str, cloud: &str, nis2: &str| {
        build_with(
            &[
                ("org.sector", text(sector)),
                ("org.size", text(size)),
                ("scope.customers", text("external")),
                ("scope.cloud", Answer::Choices(vec![cloud.to_owned()])),
                ("reg.nis2", text(nis2)),
            ],
            |_| {},
        )
        .warnings
        .iter()
        .map(|w| w.text.clone())
        .collect::<Vec<_>>()
    };
    let any = |texts: &[String], part: &str| texts.iter().any(|t| t.contains(part));
    // An on-premises software publisher: no claim that its sector is in scope.
    let publisher = checks("software", "medium", "use-saas", "no");
    assert!(!any(&publisher, "usually in scope"), "{publisher:?}");
    assert!(!any(&publisher, "Annex I, 8 and 9"), "{publisher:?}");
    // The same company offering its software as a cloud service: in scope, said plainly.
    let saas = checks("software", "medium", "provide-cloud", "no");
    assert!(
        saas.iter()
            .any(|t| t.starts_with("You said NIS2 does not apply to you.")
                && t.contains("Annex I, 8 and 9")
                && t.contains("Art. 26(1)(b)")),
        "{saas:?}"
    );
    assert!(!any(&saas, "usually in scope"), "{saas:?}");
    let unsure = checks("software", "large", "provide-cloud", "not-sure");
    assert!(
        unsure.iter().any(|t| t.starts_with("You are not sure")
            && t.contains("Implementing Regulation (EU) 2024/2690")),
        "{unsure:?}"
    );
    // Small: out by size; the small provider's own check speaks.
    assert!(!any(
        &checks("software", "small", "provide-cloud", "no"),
        "Annex I, 8 and 9"
    ));
    // A hospital still hears that its sector usually is in scope.
    assert!(any(
        &checks("health", "large", "use-saas", "no"),
        "usually in scope"
    ));
    // Essential at medium size: important unless named or critical.
    let essential = |sector: &str| {
        any(
            &checks(sector, "medium", "use-saas", "essential"),
            "Art. 3(2)",
        )
    };
    assert!(essential("it-services"));
    assert!(essential("health"));
    assert!(!essential("telecom"), "medium telecoms are essential");
    assert!(!any(
        &checks("health", "large", "use-saas", "essential"),
        "with 50 to 249 staff"
    ));
}

/// A control on rows of two practices is implemented by its own practice (from a ninth
/// lead-implementer review): A.5.19 and A.5.22 follow the supplier process, not the service
/// portfolio's control of parties (20000-1 8.2.3) or the service levels (8.3.3), whose lag the
/// matrix shows as integration work.
#[test]
fn a_control_on_rows_of_two_practices_reads_the_status_of_its_own() {
    let m = build_with(
        &[
            ("maturity.supplier", text("documented_one")),
            ("maturity.portfolio", text("not_in_place")),
            ("maturity.service-level", text("not_in_place")),
        ],
        |_| {},
    );
    for (control, own, other) in [
        (
            "A.5.19",
            "process.supplier-security",
            "process.control-of-parties",
        ),
        (
            "A.5.22",
            "process.supplier-monitoring",
            "process.service-level",
        ),
    ] {
        assert_ne!(row(&m, own).status, row(&m, other).status, "{control}");
        assert_eq!(
            soa_entry(&m, control).status,
            row(&m, own).status,
            "{control}"
        );
    }
}

/// A legal basis names its law (from a ninth lead-implementer review): a control whose profile
/// is legal and that no duty of the answers names says which law it rests on; one a duty names
/// cites the duty instead.
#[test]
fn a_legal_basis_names_the_law_it_rests_on() {
    let no_duties = build_with(
        &[
            ("reg.gdpr", text("none")),
            ("reg.nis2", text("no")),
            ("reg.dora", text("no")),
            ("reg.pci", Answer::Bool(false)),
        ],
        |_| {},
    );
    let entry = soa_entry(&no_duties, "A.5.32");
    assert_eq!(entry.basis, Some(ims_matrix::advice::Basis::Legal));
    assert!(
        entry
            .reason
            .contains("Legal basis: copyright law and the terms of software licences."),
        "{}",
        entry.reason
    );
    let controller = build_with(&[("reg.gdpr", text("controller"))], |_| {});
    let entry = soa_entry(&controller, "A.8.11");
    assert!(
        entry.reason.contains("GDPR (as controller)"),
        "{}",
        entry.reason
    );
    assert!(!entry.reason.contains("Legal basis:"), "{}", entry.reason);
}

/// An ISO 9001 procedure lightens a harmonised-structure row only where neither standard's
/// system supplies one (from a ninth lead-implementer review): with a certified SMS the
/// internal audit procedure is the SMS's, already in the row's status, not counted twice.
#[test]
fn iso_9001_lightens_the_shared_rows_only_without_a_system_in_place() {
    let reuses = |iso20000: &str| {
        let m = build_with(
            &[
                ("start.iso20000", text(iso20000)),
                ("start.other", Answer::Choices(vec!["iso9001".to_owned()])),
            ],
            |_| {},
        );
        row(&m, "common.internal-audit")
            .effort_reasons
            .iter()
            .any(|r| r.contains("ISO 9001"))
    };
    assert!(reuses("none"));
    assert!(reuses("in-progress"));
    assert!(!reuses("certified"));
    assert!(!reuses("implemented"));
}

/// A service management system in place that answers its documents as not written down is
/// checked, as one without audit records is (from a ninth lead-implementer review): the
/// documents 7.5.4 lists, and the risks 6.1 has it determine and document (twenty-ninth).
#[test]
fn a_service_management_system_in_place_without_its_documents_is_checked() {
    const DOCUMENTED: [&str; 11] = [
        "scope",
        "policy",
        "risk",
        "objectives",
        "catalogue",
        "change-planning",
        "service-level",
        "supplier",
        "continuity",
        "change",
        "infosec-risk",
    ];
    let check = |iso20000: &str, practice: &str, maturity: &str| {
        let mut answers: Vec<(String, Answer)> = DOCUMENTED
            .iter()
            .map(|p| (format!("maturity.{p}"), text("documented_one")))
            .collect();
        answers.push(("start.iso20000".into(), text(iso20000)));
        answers.push((format!("maturity.{practice}"), text(maturity)));
        let answers: Vec<(&str, Answer)> = answers
            .iter()
            .map(|(k, v)| (k.as_str(), v.clone()))
            .collect();
        build_with(&answers, |_| {})
            .warnings
            .iter()
            .find(|w| w.text.contains("7.5.4"))
            .map(|w| w.text.clone())
    };
    assert!(check("certified", "catalogue", "informal").is_some());
    assert!(check("implemented", "catalogue", "not_in_place").is_some());
    assert!(check("certified", "catalogue", "documented_one").is_none());
    assert!(check("none", "catalogue", "informal").is_none());
    let risks = check("implemented", "risk", "informal").expect("a check");
    assert!(risks.contains("“Risks and opportunities”"), "{risks}");
    assert!(check("implemented", "objectives", "informal").is_some());
    // The information security risk process is 27001's, which an SMS adding it need not hold.
    assert!(check("implemented", "infosec-risk", "informal").is_none());
}

/// Health, biometric, genetic or criminal-record data bring GDPR's strictest duties (from a
/// ninth lead-implementer review): the impact assessment is mandatory (Art. 35(3)(b)), a data
/// protection officer is needed for processors too (Art. 37(1)(c)), and the data are classified
/// apart; without such data, none of it is claimed.
#[test]
fn special_categories_of_personal_data_bring_the_impact_assessment_and_the_officer() {
    let with = |gdpr: &str, special: bool, core: bool| {
        build_with(
            &[
                ("reg.gdpr", text(gdpr)),
                ("reg.special-data", Answer::Bool(special)),
                ("reg.special-data-core", Answer::Bool(core)),
            ],
            |_| {},
        )
    };
    let named = |m: &Matrix, control: &str| {
        soa_entry(m, control)
            .obligations
            .iter()
            .any(|o| o.contains("special categories"))
    };
    let hospital = with("controller", true, true);
    for control in ["A.5.34", "A.5.8", "A.5.2", "A.5.12"] {
        assert!(named(&hospital, control), "{control}");
        assert_eq!(
            soa_entry(&hospital, control).basis,
            Some(ims_matrix::advice::Basis::Legal),
            "{control}"
        );
    }
    assert!(soa_entry(&hospital, "A.5.8")
        .reason
        .contains("Art. 35(3)(b)"));
    assert!(soa_entry(&hospital, "A.5.2")
        .reason
        .contains("Art. 37(1)(c)"));
    // A processor of such data as its core work needs the officer too.
    assert!(named(&with("processor", true, true), "A.5.2"));
    // An employer's sick notes or a fingerprint door lock: the conditions of Art. 9 and the
    // classification, but neither the officer of Art. 37(1)(c), which needs large-scale
    // processing as a core activity, nor the impact assessment of Art. 35(3)(b) (tenth
    // lead-implementer review).
    let employer = with("controller", true, false);
    assert!(named(&employer, "A.5.34") && named(&employer, "A.5.12"));
    assert!(!named(&employer, "A.5.2") && !named(&employer, "A.5.8"));
    assert!(!soa_entry(&employer, "A.5.2").reason.contains("37(1)(c)"));
    // The register of requirements (A.5.31) lists the regulation's source, which names those
    // two articles only as conditional (eleventh review).
    let register = &soa_entry(&employer, "A.5.31").reason;
    assert!(
        register.contains("Art. 9, 10; where large-scale processing"),
        "{register}"
    );
    // Without such data, or without personal data at all, nothing is claimed.
    assert!(!named(&with("controller", false, true), "A.5.2"));
    assert!(!named(&with("none", true, true), "A.5.2"));
}

/// A public authority or body designates a data protection officer whatever data it processes
/// (GDPR Art. 37(1)(a)), as controller or as processor; a private company does not on that
/// ground.
#[test]
fn a_public_body_handling_personal_data_is_told_it_needs_a_data_protection_officer() {
    let with = |sector: &str, gdpr: &str| {
        build_with(
            &[("org.sector", text(sector)), ("reg.gdpr", text(gdpr))],
            |_| {},
        )
    };
    // Every GDPR role is told when it needs an officer: a public body always, others when the
    // GDPR's core activities or national law (in Germany § 38(1) BDSG) require one
    // (thirty-ninth review: German companies of 20 people or more were never told).
    for sector in ["public", "it-services"] {
        for gdpr in ["controller", "processor", "both"] {
            let m = with(sector, gdpr);
            let officer = soa_entry(&m, "A.5.2");
            for words in [
                "Art. 37(1), (4), (7)",
                "§ 38(1) BDSG",
                "a public authority or body always",
            ] {
                assert!(
                    officer.reason.contains(words),
                    "{sector} {gdpr}: {}",
                    officer.reason
                );
            }
            assert_eq!(
                officer.basis,
                Some(ims_matrix::advice::Basis::Legal),
                "{sector} {gdpr}"
            );
        }
    }
    assert!(!soa_entry(&with("public", "none"), "A.5.2")
        .reason
        .contains("data protection officer"));
}

/// An office-bound organisation (no remote work, devices that stay in the office, no networks
/// or cloud infrastructure of its own) has A.6.7 excluded for want of remote work: the network
/// and off-site justifications beside it must not speak of home connections, remote access or
/// laptops lost on trains, and none may say "you told us" of a question left unanswered (tenth
/// lead-implementer review).
#[test]
fn justifications_of_an_office_bound_organisation_agree_with_its_answers() {
    let office = [
        ("scope.remote", text("none")),
        ("scope.mobile", Answer::Bool(false)),
        ("scope.network", Answer::Bool(false)),
        ("scope.cloud", Answer::Choices(vec!["use-saas".into()])),
        ("scope.premises", Answer::Choices(vec!["offices".into()])),
    ];
    let m = build_with(&office, |_| {});
    assert!(!soa_entry(&m, "A.6.7").applicable);
    for control in ["A.8.20", "A.8.21", "A.8.22", "A.7.9"] {
        let entry = soa_entry(&m, control);
        assert!(entry.applicable, "{control}");
        for word in ["home", "mobile", "remote access", "trains", "cars"] {
            assert!(
                !entry.reason.contains(word),
                "{control} speaks of {word}: {}",
                entry.reason
            );
        }
    }
    assert!(soa_entry(&m, "A.8.21")
        .reason
        .contains("offices' internet line"));
    // Without the cloud question answered, nothing is claimed of it.
    let unanswered = build_with(&office[..3], |_| {});
    for control in ["A.8.20", "A.8.21", "A.8.22"] {
        let reason = &soa_entry(&unanswered, control).reason;
        assert!(
            !reason.contains("host nothing on cloud"),
            "{control}: {reason}"
        );
    }
}

/// A provider that stores or handles its customers' data but answered the GDPR question as
/// controller only is asked to check: personal data it processes on their behalf makes it their
/// processor (Art. 4(8), 28). Its own departments' data, or the answer "both", draws nothing.
#[test]
fn a_provider_holding_customers_data_as_controller_only_is_asked_to_check() {
    let with = |gdpr: &str, customers: &str| {
        build_with(
            &[
                ("reg.gdpr", text(gdpr)),
                ("scope.customer-data", Answer::Bool(true)),
                ("scope.customers", text(customers)),
            ],
            |_| {},
        )
    };
    let asked = |m: &Matrix| {
        m.warnings
            .iter()
            .any(|w| w.kind == matrix::WarningKind::Answers && w.text.contains("Art. 4(8), 28"))
    };
    assert!(asked(&with("controller", "external")));
    assert!(asked(&with("controller", "both")));
    assert!(!asked(&with("controller", "internal")));
    assert!(!asked(&with("both", "external")));
}

/// DORA for a financial entity rests on the duties every such entity has, not only on
/// threat-led testing that the authority may never require; and the terms of Art. 30(3) reach
/// an ICT provider only for services supporting a financial customer's critical or important
/// functions (eleventh lead-implementer review).
#[test]
fn dora_duties_follow_what_the_entity_or_the_provider_is() {
    let entity = build_with(&[("reg.dora", text("financial-entity"))], |_| {});
    for (control, provision) in [
        ("A.5.2", "Art. 5(2)(c), 6(4)"),
        ("A.5.29", "Art. 11, 14"),
        ("A.8.6", "Art. 7(c)"),
        ("A.8.34", "Art. 24, 25, 26(2)"),
        ("A.5.35", "Art. 6(6), 24, 26, 27"),
    ] {
        let entry = soa_entry(&entity, control);
        assert!(
            entry.reason.contains(provision),
            "{control}: {}",
            entry.reason
        );
        assert_eq!(
            entry.basis,
            Some(ims_matrix::advice::Basis::Legal),
            "{control}"
        );
    }
    let provider = |critical: bool| {
        build_with(
            &[
                ("reg.dora", text("ict-provider")),
                ("reg.dora-critical", Answer::Bool(critical)),
            ],
            |_| {},
        )
    };
    let plain = provider(false);
    assert!(
        plain.soa.iter().all(|e| !e.reason.contains("30(3)")),
        "{:?}",
        plain
            .soa
            .iter()
            .filter(|e| e.reason.contains("30(3)"))
            .map(|e| &e.reference)
            .collect::<Vec<_>>()
    );
    // The Art. 30(2) terms stay for every contract with a financial entity.
    assert!(soa_entry(&plain, "A.8.13").reason.contains("Art. 30(2)(d)"));
    let critical = provider(true);
    for (control, provision) in [
        ("A.8.34", "Art. 30(3)(d)"),
        ("A.5.30", "Art. 30(3)(c)"),
        ("A.5.35", "Art. 30(3)(e)"),
        ("A.5.24", "Art. 30(3)(b)"),
    ] {
        assert!(
            soa_entry(&critical, control).reason.contains(provision),
            "{control}"
        );
    }
}

/// Both systems held apart beside ISO 9001: the harmonised structure's procedures merge into the
/// quality system's, not only into each other (eleventh lead-implementer review).
#[test]
fn both_systems_held_apart_beside_iso_9001_merge_into_its_procedures() {
    let with = |other: &str| {
        build_with(
            &[
                ("start.iso27001", text("certified")),
                ("start.iso20000", text("certified")),
                ("start.separate", Answer::Bool(true)),
                ("start.other", Answer::Choices(vec![other.into()])),
                ("maturity.internal-audit", text("documented_one")),
                ("maturity.policy", text("documented_one")),
            ],
            |_| {},
        )
    };
    let quality = with("iso9001");
    assert_eq!(
        row(&quality, "common.internal-audit").action,
        "Merge the ISMS and SMS procedures into the ISO 9001 procedure"
    );
    // The policy is not part of the shared machinery: its documents merge into one.
    assert_eq!(
        row(&quality, "common.policy").action,
        "Merge the ISMS and SMS documents into one"
    );
    assert_eq!(
        row(&with("none"), "common.internal-audit").action,
        "Merge the ISMS and SMS documents into one"
    );
}

/// Regular and systematic monitoring of people on a large scale as a core activity (payment
/// screening, telecom traffic data, profiling) needs a data protection officer (GDPR Art.
/// 37(1)(b)); the answer "no", or no personal data, claims nothing (eleventh review).
#[test]
fn large_scale_monitoring_as_a_core_activity_needs_a_data_protection_officer() {
    let with = |gdpr: &str, monitoring: bool| {
        build_with(
            &[
                ("reg.gdpr", text(gdpr)),
                ("reg.monitoring", Answer::Bool(monitoring)),
            ],
            |_| {},
        )
    };
    let officer = |m: &Matrix| soa_entry(m, "A.5.2").reason.contains("Art. 37(1)(b)");
    let bank = with("both", true);
    assert!(officer(&bank));
    assert_eq!(
        soa_entry(&bank, "A.5.2").basis,
        Some(ims_matrix::advice::Basis::Legal)
    );
    assert!(officer(&with("processor", true)));
    assert!(!officer(&with("both", false)));
    assert!(!officer(&with("none", true)));
}

/// Each control takes its status from the maturity question whose help describes it: access to
/// source code is part of secure development, data masking of operations security, security in
/// projects of service design and transition (twelfth review: access control answered written
/// down made a hospital's SoA claim data masking implemented).
#[test]
fn a_control_takes_its_status_from_the_question_that_describes_it() {
    let m = build_with(
        &[
            ("maturity.access", text("documented_one")),
            ("maturity.development", text("none")),
            ("maturity.operations", text("none")),
        ],
        |_| {},
    );
    assert_eq!(soa_entry(&m, "A.5.15").status, Status::Implemented);
    for control in ["A.8.4", "A.8.25", "A.8.28", "A.8.11", "A.8.10"] {
        assert_eq!(
            soa_entry(&m, control).status,
            Status::NotStarted,
            "{control}"
        );
    }
    let questionnaire = questionnaire::builtin();
    let help = |id: &str| {
        questionnaire
            .question(id)
            .map(|q| q.help.clone())
            .unwrap_or_default()
    };
    assert!(help("maturity.development").contains("source code"));
    assert!(help("maturity.operations").contains("data masking"));
    assert!(help("maturity.design-transition").contains("projects"));
    assert!(!help("maturity.org-controls").contains("projects"));
    assert!(!help("maturity.development").contains("environments"));
}

/// "More than 12 months" names no length: the schedule says eighteen months were assumed for
/// it rather than calling them the prospect's choice (twelfth review).
#[test]
fn more_than_twelve_months_is_reported_as_an_assumption() {
    let basis = |timeline: &str| {
        build_with(&[("start.timeline", text(timeline))], |_| {})
            .schedule
            .expect("schedule")
            .basis
    };
    let longer = basis("longer");
    assert!(longer.starts_with("18 months"), "{longer}");
    assert!(
        longer.contains("assumed for “more than 12 months”"),
        "{longer}"
    );
    assert!(!longer.contains("you chose"), "{longer}");
    assert!(basis("12-months").contains("the timeline you chose"));
}

/// A provider to financial entities unsure of NIS2 is told that for those customers DORA takes
/// NIS2's place, and that NIS2's supply-chain terms come only from other customers (twelfth
/// review); a provider with no financial customers is not.
#[test]
fn a_dora_provider_unsure_of_nis2_is_told_dora_takes_its_place_for_financial_customers() {
    let told = |dora: &str, nis2: &str| {
        build_with(
            &[
                ("org.size", text("small")),
                ("reg.dora", text(dora)),
                ("reg.nis2", text(nis2)),
            ],
            |_| {},
        )
        .warnings
        .iter()
        .any(|w| {
            w.text
                .contains("DORA takes the place of NIS2 (NIS2 Art. 4(1))")
        })
    };
    assert!(told("ict-provider", "not-sure"));
    assert!(told("both", "supplier"));
    assert!(!told("no", "not-sure"));
    assert!(!told("ict-provider", "no"));
}

/// A managed service provider of 50 people or more is in NIS2 by what it does: serving banks
/// does not steer it to "No, but our customers are subject to it", which the provider check
/// would then contradict (fifteenth review).
#[test]
fn a_provider_in_nis2_by_what_it_does_is_not_steered_to_the_customers_answer() {
    let checks = |size: &str, nis2: &str| {
        checks_joined(&[
            ("org.sector", text("it-services")),
            ("org.size", text(size)),
            ("scope.customers", text("external")),
            ("reg.dora", text("ict-provider")),
            ("reg.nis2", text(nis2)),
        ])
    };
    for nis2 in ["not-sure", "supplier"] {
        let medium = checks("medium", nis2);
        assert!(medium.contains("DORA takes the place of NIS2"), "{medium}");
        assert!(
            !medium.contains("reach you only from customers"),
            "{medium}"
        );
        assert!(medium.contains("Annex I, 8 and 9"), "{medium}");
    }
    assert!(checks("small", "not-sure").contains("reach you only from customers"));
}

/// The register of legal, regulatory and contractual requirements (A.5.31) is planned with the
/// risk treatment and the Statement of Applicability whose legal bases come from it, not months
/// after them with the controls (twelfth review).
#[test]
fn the_register_of_legal_requirements_is_due_with_the_statement_of_applicability() {
    let m = build_with(
        &[
            ("start.timeline", text("12-months")),
            ("reg.nis2", text("essential")),
        ],
        |_| {},
    );
    let register = row(&m, "isms.legal-requirements");
    let treatment = row(&m, "process.infosec-risk-treatment");
    assert_eq!(register.phase, matrix::Phase::Planning);
    assert!(
        register.target_date <= treatment.target_date,
        "{} after {}",
        register.target_date,
        treatment.target_date
    );
}

/// A certificate on ISO/IEC 27001:2013 stays void when the matrix is shown in 2022, and the
/// 2013 documents do not make the controls new in 2022 implemented (twelfth review).
#[test]
fn a_void_2013_certificate_stays_void_in_the_2022_view_and_its_documents_lack_the_new_controls() {
    let answers = [
        ("start.iso27001", text("certified")),
        ("start.iso20000", text("none")),
        ("start.target", text("add-combined")),
        ("maturity.operations", text("documented_one")),
        ("maturity.org-controls", text("documented_one")),
    ];
    let shown_2022 = build_with(&answers, |a| {
        a.set_documents_edition(catalog::Family::Iso27001, "2013");
        a.show_edition(catalog::Family::Iso27001, "2022");
    });
    assert_eq!(shown_2022.editions.iso27001, StandardId::Iso27001_2022);
    assert!(shown_2022
        .warnings
        .iter()
        .any(|w| w.text.contains("no longer valid")));
    let schedule = shown_2022.schedule.as_ref().expect("schedule");
    assert!(
        !schedule.audit_label.contains("surveillance"),
        "{}",
        schedule.audit_label
    );
    // Malware protection was in the 2013 Annex A; data leakage prevention and threat
    // intelligence are new in 2022.
    assert_eq!(soa_entry(&shown_2022, "A.8.7").status, Status::Implemented);
    for control in ["A.8.12", "A.5.7"] {
        let row = shown_2022
            .rows
            .iter()
            .find(|r| r.iso27001.iter().any(|x| x.reference == control))
            .unwrap();
        assert_eq!(row.status, Status::InProgress, "{control}");
        assert!(
            row.priority_reasons
                .iter()
                .any(|r| r.contains("your documents follow the 2013 edition")),
            "{:?}",
            row.priority_reasons
        );
    }
    // The SoA does not read the integrated rows' new controls as implemented in the ISMS
    // either, and the check does not ask to switch to the edition already shown (thirteenth
    // review).
    let shown_2022 = build_with(
        &[
            ("start.iso27001", text("certified")),
            ("start.iso20000", text("none")),
            ("maturity.continuity", text("documented_one")),
            ("maturity.asset-config", text("documented_one")),
        ],
        |a| {
            a.set_documents_edition(catalog::Family::Iso27001, "2013");
            a.show_edition(catalog::Family::Iso27001, "2022");
        },
    );
    for control in ["A.5.30", "A.8.9"] {
        assert_ne!(
            soa_entry(&shown_2022, control).status,
            Status::Implemented,
            "{control}"
        );
    }
    let void = shown_2022
        .warnings
        .iter()
        .find(|w| w.text.contains("no longer valid"))
        .expect("the void certificate check");
    assert!(!void.text.contains("Switch the matrix"), "{}", void.text);
    // Shown in 2013 while the documents follow 2022: no check that they follow 2013.
    let viewed = build_with(&[], |a| {
        a.show_edition(catalog::Family::Iso27001, "2013");
    });
    assert!(!viewed
        .warnings
        .iter()
        .any(|w| w.text.contains("as your documents follow it")));
    // Documents on 2022: the same answers make them implemented.
    let current = build_with(&answers, |_| {});
    assert_eq!(soa_entry(&current, "A.8.12").status, Status::Implemented);
}

/// One of the two standards held beside ISO 9001: the held system's procedures of the
/// harmonised structure take in the other standard and stay one with ISO 9001's; a practice
/// outside that structure (the policy) is extended as before (twelfth review).
#[test]
fn one_system_held_beside_iso_9001_extends_its_procedure_as_one_with_it() {
    let with = |other: &[&str]| {
        build_with(
            &[
                ("start.iso27001", text("none")),
                ("start.iso20000", text("certified")),
                (
                    "start.other",
                    Answer::Choices(other.iter().map(|o| (*o).to_owned()).collect()),
                ),
                ("maturity.internal-audit", text("documented_one")),
                ("maturity.policy", text("documented_one")),
            ],
            |_| {},
        )
    };
    let quality = with(&["iso9001"]);
    assert_eq!(
        row(&quality, "common.internal-audit").action,
        "Extend the SMS procedure to cover the ISMS, as one procedure with ISO 9001"
    );
    assert_eq!(
        row(&quality, "common.policy").action,
        "Extend the SMS document to cover the ISMS"
    );
    assert_eq!(
        row(&with(&[]), "common.internal-audit").action,
        "Extend the SMS document to cover the ISMS"
    );
}

/// A control named by a notice with a deadline in force (NIS2's early warning, the GDPR's
/// 72-hour breach notice) is High whatever its weight: the duty applies now, not at the audit
/// (twelfth review: a hospital's contact with authorities ranked 102nd of 121).
#[test]
fn a_reporting_deadline_in_force_makes_its_controls_high() {
    let essential = build_with(&[("reg.nis2", text("essential"))], |_| {});
    let authorities = row(&essential, "isms.authorities");
    assert_eq!(authorities.priority, Priority::High);
    assert!(
        authorities
            .priority_reasons
            .iter()
            .any(|r| r.starts_with("A.5.5 carries reporting deadlines already in force")),
        "{:?}",
        authorities.priority_reasons
    );
    // First among its phase's rows after the critical path.
    assert!(essential
        .rows
        .iter()
        .filter(|r| r.plan_rank > 0 && r.phase == authorities.phase && !r.critical)
        .filter(|r| !r
            .priority_reasons
            .iter()
            .any(|x| x.contains("carries reporting deadlines")))
        .all(|r| r.plan_rank > authorities.plan_rank));
    let none = build_with(
        &[("reg.nis2", text("no")), ("reg.gdpr", text("none"))],
        |_| {},
    );
    assert_ne!(row(&none, "isms.authorities").priority, Priority::High);
    // A processor's duty to tell its customers without undue delay (GDPR Art. 33(2)).
    let processor = build_with(&[("reg.gdpr", text("processor"))], |_| {});
    assert_eq!(
        row(&processor, "process.event-reporting").priority,
        Priority::High
    );
}

/// A health care organisation with its own network is told about connected medical devices
/// (twelfth review); one without its own network, or outside health, is not.
#[test]
fn a_health_care_network_is_checked_for_connected_medical_devices() {
    let told = |sector: &str, network: bool| {
        build_with(
            &[
                ("org.sector", text(sector)),
                ("scope.network", Answer::Bool(network)),
            ],
            |_| {},
        )
        .warnings
        .iter()
        .any(|w| w.text.contains("Connected medical devices"))
    };
    assert!(told("health", true));
    assert!(!told("health", false));
    assert!(!told("it-services", true));
}

/// "27001 first" from an organisation certified to 20000-1 already: the certificate held is
/// surveyed, not certified again, so 27001 joins it in one combined audit, with a check
/// (thirteenth review: the plan held a second initial certification of 20000-1).
#[test]
fn putting_first_the_standard_not_held_adds_it_to_the_certificate_held() {
    let build = |first: &str, held: &str| {
        build_with(
            &[
                (held, text("certified")),
                ("start.target", text(first)),
                ("start.timeline", text("12-months")),
                ("cert.combined", Answer::Bool(true)),
            ],
            |_| {},
        )
    };
    let utility = build("iso27001-first", "start.iso20000");
    let schedule = utility.schedule.as_ref().expect("schedule");
    assert_eq!(
        schedule.audit_label,
        "ISO/IEC 27001 initial certification audit, with the ISO/IEC 20000-1 surveillance or recertification audit"
    );
    assert!(schedule.second.is_none());
    assert!(utility.warnings.iter().any(|w| w
        .text
        .contains("you hold a valid ISO/IEC 20000-1 certificate already")));
    assert!(utility.rows.iter().all(|r| !r.second_stage));
    let soc = build("iso20000-first", "start.iso27001");
    assert!(soc.schedule.as_ref().expect("schedule").second.is_none());
    assert!(soc.rows.iter().all(|r| !r.second_stage));
}

/// NIS2's incident handling (Art. 21(2)(b)) binds every essential and important entity, and
/// covers responding to incidents (Art. 6(8)): A.5.26 has a legal basis for a utility or a
/// hospital too, not only for the providers of the Implementing Regulation (thirteenth
/// review); A.5.24 names the Art. 23 deadlines.
#[test]
fn nis2_gives_every_entity_a_legal_basis_for_responding_to_incidents() {
    let m = build_with(
        &[
            ("org.sector", text("health")),
            ("scope.customers", text("internal")),
            ("reg.nis2", text("essential")),
        ],
        |_| {},
    );
    let response = soa_entry(&m, "A.5.26");
    assert_eq!(response.basis, Some(ims_matrix::advice::Basis::Legal));
    assert!(
        response.reason.contains("Art. 21(2)(b)"),
        "{}",
        response.reason
    );
    assert!(soa_entry(&m, "A.5.24").reason.contains("Art. 21(2)(b), 23"));
    // Detecting incidents is part of handling them (Art. 6(8)): logging and monitoring too.
    for control in ["A.8.15", "A.8.16"] {
        let entry = soa_entry(&m, control);
        assert_eq!(
            entry.basis,
            Some(ims_matrix::advice::Basis::Legal),
            "{control}"
        );
        assert!(entry.reason.contains("Art. 6(8)"), "{}", entry.reason);
    }
}

/// Energy, transport and water are NIS2 Annex I sectors: a large operator answering
/// "important" is checked, and its own network is checked for operational technology
/// (thirteenth review: a utility had to answer "Other" and nothing reached its OT).
#[test]
fn an_energy_operator_is_an_annex_i_entity_with_operational_technology_to_check() {
    let says = |m: &Matrix, what: &str| m.warnings.iter().any(|w| w.text.contains(what));
    let utility = build_with(
        &[
            ("org.sector", text("energy")),
            ("org.size", text("large")),
            ("reg.nis2", text("important")),
            ("scope.network", Answer::Bool(true)),
        ],
        |_| {},
    );
    assert!(says(&utility, "Art. 3(1)(a)"));
    assert!(says(&utility, "operational technology"));
    let office = build_with(
        &[
            ("org.sector", text("other")),
            ("org.size", text("large")),
            ("reg.nis2", text("important")),
            ("scope.network", Answer::Bool(true)),
        ],
        |_| {},
    );
    assert!(!says(&office, "Art. 3(1)(a)"));
    assert!(!says(&office, "operational technology"));
}

/// An online shop whose card payments go through a provider's page answers "no card data" and
/// is still a PCI DSS merchant with a yearly SAQ A: a check says so (thirteenth review).
#[test]
fn an_online_shop_without_card_data_is_reminded_of_its_yearly_self_assessment() {
    let told = |sector: &str, pci: bool| {
        build_with(
            &[
                ("org.sector", text(sector)),
                ("scope.internet-facing", Answer::Bool(true)),
                ("reg.pci", Answer::Bool(pci)),
            ],
            |_| {},
        )
        .warnings
        .iter()
        .any(|w| w.text.contains("SAQ A") && w.text.contains("Req. 12.8"))
    };
    assert!(told("retail", false));
    assert!(!told("retail", true));
    assert!(!told("software", false));
}

/// One certificate held: whatever route the answers name, the certificate is surveyed and the
/// other standard added to it in one combined audit with its two stages (fourteenth review:
/// the integrated route planned a "certification audit for both standards").
#[test]
fn one_certificate_held_is_surveyed_whatever_the_route() {
    let broker = |target: &str| {
        build_with(
            &[
                ("start.iso27001", text("certified")),
                ("start.iso20000", text("none")),
                ("start.target", text(target)),
                ("cert.combined", Answer::Bool(true)),
            ],
            |_| {},
        )
    };
    for target in ["integrated", "iso27001-first", "add-combined"] {
        let m = broker(target);
        let schedule = m.schedule.as_ref().expect("schedule");
        assert_eq!(
            schedule.audit_label,
            "ISO/IEC 20000-1 initial certification audit, with the ISO/IEC 27001 surveillance or recertification audit",
            "{target}"
        );
        assert!(
            m.warnings.iter().any(|w| w.text.contains("stage 1")),
            "{target}"
        );
        assert!(
            !m.warnings
                .iter()
                .any(|w| w.text.contains("on the integrated route")),
            "{target}"
        );
    }
}

/// The services delivered and planned (20000-1 8.2.1, 8.2.2) come before the catalogue that
/// describes them (8.2.4) and the service levels agreed on it (8.3.3) in the numbered plan
/// (fourteenth review: the catalogue and service levels were numbered first).
#[test]
fn the_services_come_before_their_catalogue_and_service_levels_in_the_plan() {
    let m = build_with(&[("start.timeline", text("12-months"))], |_| {});
    let rank = |id: &str| row(&m, id).plan_rank;
    assert!(rank("sms.service-delivery") < rank("sms.plan-services"));
    assert!(rank("sms.plan-services") < rank("sms.catalogue"));
    assert!(rank("sms.catalogue") < rank("process.service-level"));
}

/// DORA leaves small and medium insurance intermediaries out (Art. 2(3)(e)): a finance
/// prospect below large size answering "financial entity" is told so, and a finance prospect
/// answering NIS2 "no" is not pushed back into NIS2, whose finance entities are all DORA's
/// (fourteenth review).
#[test]
fn a_small_financial_firm_is_told_of_doras_exceptions_and_finance_alone_does_not_mean_nis2() {
    let says = |m: &Matrix, what: &str| m.warnings.iter().any(|w| w.text.contains(what));
    let broker = |size: &str, dora: &str, nis2: &str| {
        build_with(
            &[
                ("org.sector", text("finance")),
                ("org.size", text(size)),
                ("reg.dora", text(dora)),
                ("reg.nis2", text(nis2)),
            ],
            |_| {},
        )
    };
    assert!(says(
        &broker("medium", "financial-entity", "no"),
        "Art. 2(3)(e)"
    ));
    assert!(!says(
        &broker("large", "financial-entity", "no"),
        "leaves some financial firms out"
    ));
    let excluded = broker("medium", "no", "no");
    assert!(
        says(&excluded, "Art. 2(3)(e)"),
        "the DORA 'no' check names the exceptions"
    );
    assert!(!says(&excluded, "usually in scope"));
    assert!(!says(
        &broker("medium", "no", "not-sure"),
        "suggest it probably does"
    ));
}

/// A university providing cloud services to others is in NIS2 Annex I by that activity: the
/// provider check speaks for it, and the education check no longer offers the research
/// route its Art. 6(41) closes to education institutions (fourteenth review).
#[test]
fn a_university_providing_cloud_services_gets_the_provider_check() {
    let says = |m: &Matrix, what: &str| m.warnings.iter().any(|w| w.text.contains(what));
    let university = |cloud: &str| {
        build_with(
            &[
                ("org.sector", text("education")),
                ("org.size", text("large")),
                ("scope.customers", text("both")),
                ("scope.cloud", Answer::Choices(vec![cloud.to_owned()])),
                ("reg.nis2", text("not-sure")),
            ],
            |_| {},
        )
    };
    let provider = university("provide-cloud");
    assert!(says(&provider, "Annex I, 8 and 9"));
    assert!(!says(&provider, "Education is not a NIS2 sector"));
    let user = university("use-saas");
    assert!(says(&user, "Art. 6(41)"));
    assert!(!says(&user, "as important entities at most"));
}

/// A public university is a public body under the GDPR and needs a data protection officer
/// (Art. 37(1)(a)) while keeping its sector's own advice (fourteenth review).
#[test]
fn a_public_body_outside_the_public_sector_answer_needs_a_data_protection_officer() {
    let university = |public: bool| {
        build_with(
            &[
                ("org.sector", text("education")),
                ("org.public-body", Answer::Bool(public)),
                ("reg.gdpr", text("controller")),
                ("reg.nis2", text("not-sure")),
            ],
            |_| {},
        )
    };
    let public = university(true);
    let officer = soa_entry(&public, "A.5.2");
    assert_eq!(officer.basis, Some(ims_matrix::advice::Basis::Legal));
    assert!(
        officer.reason.contains("a public authority or body always"),
        "{}",
        officer.reason
    );
    assert!(public
        .warnings
        .iter()
        .any(|w| w.text.contains("Education is not a NIS2 sector")));
}

/// Postal and courier services are NIS2 Annex II: an "essential" answer is checked, and a
/// logistics firm is not told that large Annex I entities are essential (fourteenth review).
#[test]
fn a_courier_is_an_annex_ii_entity() {
    let says = |m: &Matrix, what: &str| m.warnings.iter().any(|w| w.text.contains(what));
    let courier = |nis2: &str| {
        build_with(
            &[
                ("org.sector", text("logistics")),
                ("org.size", text("enterprise")),
                ("reg.nis2", text(nis2)),
            ],
            |_| {},
        )
    };
    assert!(says(&courier("essential"), "Annex II (point 1)"));
    assert!(!says(&courier("important"), "Art. 3(1)(a)"));
}

/// A standard added to a certificate held, with ISO 9001 held too: the stage check says the
/// ISO 9001 surveillance can join the same visit (thirteenth review).
#[test]
fn the_combined_visit_can_take_in_the_quality_system_too() {
    let stages = |other: &[&str]| {
        build_with(
            &[
                ("start.iso20000", text("certified")),
                ("start.target", text("add-combined")),
                (
                    "start.other",
                    Answer::Choices(other.iter().map(|o| (*o).to_owned()).collect()),
                ),
            ],
            |_| {},
        )
        .warnings
        .into_iter()
        .find(|w| w.text.contains("stage 1"))
        .expect("the stage check")
        .text
    };
    let text = stages(&["iso9001", "iso14001"]);
    assert!(
        text.contains("certified to ISO 9001 and ISO 14001 too"),
        "{text}"
    );
    assert!(!stages(&[]).contains("IAF MD 11"));
}

/// Staff who take card details at the prospect's premises put those premises in the card
/// data environment: PCI DSS Req. 9 is the prospect's, not its hosting provider's, and the
/// check on call recordings and home agents says what follows (sixteenth review).
#[test]
fn card_details_taken_by_staff_bring_their_workplaces_into_pci_dss() {
    let contact_centre = |where_: &[&str]| {
        build_with(
            &[
                ("reg.pci", Answer::Bool(true)),
                (
                    "reg.pci-where",
                    Answer::Choices(where_.iter().map(|w| (*w).to_owned()).collect()),
                ),
                ("scope.premises", Answer::Choices(vec!["offices".into()])),
                ("scope.cloud", Answer::Choices(vec!["use-saas".into()])),
                ("start.target", text("iso20000-first")),
            ],
            |_| {},
        )
    };
    let checks = |m: &Matrix| {
        m.warnings
            .iter()
            .map(|w| w.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let floor = contact_centre(&["premises"]);
    assert!(!checks(&floor).contains("falls to the provider"));
    assert!(checks(&floor).contains("Req. 3.3.1.2"));
    assert!(!checks(&floor).contains("at home"));
    for control in ["A.7.2", "A.7.10", "A.7.14"] {
        assert!(
            soa_entry(&floor, control)
                .obligations
                .contains(&"PCI DSS".to_owned()),
            "{control}"
        );
    }
    // Named by PCI DSS, physical entry is not left for the second stage.
    assert!(!row(&floor, "isms.physical-entry").second_stage);
    let home = contact_centre(&["home"]);
    assert!(checks(&home).contains("homes into that environment"));
    assert!(soa_entry(&home, "A.6.7")
        .reason
        .contains("working from home"));
    // Card details only in a provider's hosted systems: Req. 9 is the provider's.
    let shop = contact_centre(&["hosted"]);
    assert!(checks(&shop).contains("falls to the provider"));
    assert!(!checks(&shop).contains("Req. 3.3.1.2"));
    assert!(soa_entry(&shop, "A.7.2").obligations.is_empty());
}

/// A payment processor runs its own cardholder data environment: where its equipment stands
/// decides whether Req. 9's physical rules are its own, and no desk where staff take card
/// details is presumed (twenty-eighth review).
#[test]
fn a_processors_own_payment_systems_bring_the_rooms_that_house_them_into_pci_dss() {
    let processor = |premises: &str, cloud: &str| {
        build_with(
            &[
                ("reg.pci", Answer::Bool(true)),
                ("reg.pci-where", Answer::Choices(vec!["own-systems".into()])),
                ("scope.premises", Answer::Choices(vec![premises.into()])),
                ("scope.cloud", Answer::Choices(vec![cloud.into()])),
            ],
            |_| {},
        )
    };
    let colocated = processor("colocation", "none");
    assert!(colocated
        .facts
        .iter()
        .any(|f| f == "card data is handled at your premises"));
    let entry = soa_entry(&colocated, "A.7.2");
    assert!(entry.obligations.contains(&"PCI DSS".to_owned()));
    assert!(!entry.reason.contains("desks"), "{}", entry.reason);
    // Its own systems on a cloud provider's infrastructure: the physical rules are the
    // provider's, as for a shop whose payment page a provider hosts.
    let in_the_cloud = processor("offices", "use-iaas");
    assert!(soa_entry(&in_the_cloud, "A.7.2").obligations.is_empty());
    assert!(in_the_cloud
        .warnings
        .iter()
        .any(|w| w.text.contains("falls to the provider")));
}

/// Controls PCI DSS and DORA's technical standard require now are named by them, so a staged
/// plan does not leave them for the second stage and the SoA gives their contractual or legal
/// basis (sixteenth review).
#[test]
fn controls_pci_dss_and_doras_technical_standard_require_are_named_by_them() {
    let pci = build_with(
        &[
            ("reg.pci", Answer::Bool(true)),
            ("start.target", text("iso20000-first")),
        ],
        |_| {},
    );
    for (control, provision) in [
        ("A.8.17", "Req. 10.6"),
        ("A.6.1", "Req. 12.7.1"),
        ("A.5.16", "Req. 8.2.1"),
        ("A.8.3", "7.2.6"),
    ] {
        let entry = soa_entry(&pci, control);
        assert!(
            entry.obligations.contains(&"PCI DSS".to_owned()),
            "{control}"
        );
        assert!(
            entry.reason.contains(provision),
            "{control}: {}",
            entry.reason
        );
    }
    assert!(!row(&pci, "isms.clock-synchronisation").second_stage);
    let dora = build_with(&[("reg.dora", text("financial-entity"))], |_| {});
    for (control, provision) in [
        ("A.8.17", "2024/1774, Art. 12"),
        ("A.8.15", "2024/1774, Art. 12"),
        ("A.5.11", "2024/1774, Art. 19"),
    ] {
        assert!(
            soa_entry(&dora, control).reason.contains(provision),
            "{control}"
        );
    }
}

/// An optional question with legal weight left open is read as a no, and a check says so;
/// answered, it is not (sixteenth review).
#[test]
fn legal_questions_left_open_are_named_as_read_as_no() {
    let open = checks_joined(&[("reg.gdpr", text("both"))]);
    assert!(
        open.contains("whether you handle sensitive personal data"),
        "{open}"
    );
    assert!(open.contains("read as a no"), "{open}");
    let answered = checks_joined(&[
        ("reg.gdpr", text("both")),
        ("reg.special-data", Answer::Bool(false)),
        ("reg.monitoring", Answer::Bool(false)),
        ("reg.vulnerable-subjects", Answer::Bool(false)),
        ("reg.third-country", Answer::Bool(false)),
        ("reg.products", Answer::Bool(false)),
        ("reg.ai", text("no")),
        ("reg.trust-dns", Answer::Choices(vec!["none".into()])),
        ("scope.cloud", Answer::Choices(vec!["none".into()])),
    ]);
    assert!(!answered.contains("read as a no"), "{answered}");
    assert!(
        open.contains("whether you use or offer artificial intelligence"),
        "{open}"
    );
    // The questions of the thirty-eighth review's verification are named too.
    assert!(
        open.contains("whether people or services outside the EU and EEA can see or reach"),
        "{open}"
    );
    // A question not shown is not asked for: no personal data, no special data question.
    let hidden = checks_joined(&[("reg.gdpr", text("none"))]);
    assert!(!hidden.contains("sensitive personal data"), "{hidden}");
}

/// Staff using customers' applications write no code; administrators do (sixteenth review).
/// And a DORA financial entity, controller of its clients' payment data, is not told to
/// answer "both" (sixteenth review), nor a telecom for its subscribers' data (thirtieth).
#[test]
fn checks_meant_for_it_providers_stay_with_them() {
    // Administrators' scripts bring secure coding in (twenty-ninth review: it was excluded,
    // then challenged); support staff's work does not.
    let code = |access: &str| {
        build_with(
            &[
                ("scope.development", text("none")),
                ("scope.customer-access", text(access)),
            ],
            |_| {},
        )
    };
    let (support, administrators) = (code("remote"), code("privileged"));
    assert!(!soa_entry(&support, "A.8.28").applicable);
    assert!(soa_entry(&administrators, "A.8.28").applicable);
    assert!(soa_entry(&administrators, "A.8.28")
        .reason
        .contains("scripts, automation and configuration"));
    // With a life cycle of their own; nothing is outsourced (thirtieth review).
    assert!(soa_entry(&administrators, "A.8.25").applicable);
    assert!(!soa_entry(&support, "A.8.25").applicable);
    assert!(!soa_entry(&administrators, "A.8.30").applicable);
    let controller = |dora: &str| {
        checks_joined(&[
            ("reg.gdpr", text("controller")),
            ("reg.dora", text(dora)),
            ("scope.customers", text("external")),
            ("scope.customer-data", Answer::Bool(true)),
        ])
    };
    assert!(controller("no").contains("is the usual one for a provider"));
    assert!(!controller("financial-entity").contains("is the usual one for a provider"));
    // A telecom's subscriber and traffic data are its own, unless it also hosts or
    // administers customers' systems (thirtieth review).
    let telecom = |access: &str| {
        checks_joined(&[
            ("org.sector", text("telecom")),
            ("reg.gdpr", text("controller")),
            ("scope.customers", text("external")),
            ("scope.customer-data", Answer::Bool(true)),
            ("scope.customer-access", text(access)),
        ])
    };
    assert!(!telecom("none").contains("is the usual one for a provider"));
    assert!(telecom("privileged").contains("is the usual one for a provider"));
}

/// Children and other vulnerable people: the controller's impact assessment and information
/// duties, and protective defaults for controller and processor alike (GDPR Art. 8, 12(1), 25,
/// 28(1), 35(1); sixteenth review).
#[test]
fn vulnerable_data_subjects_bring_their_gdpr_duties() {
    let with = |role: &str, vulnerable: bool| {
        build_with(
            &[
                ("reg.gdpr", text(role)),
                ("reg.vulnerable-subjects", Answer::Bool(vulnerable)),
            ],
            |_| {},
        )
    };
    let school_app = with("controller", true);
    assert!(soa_entry(&school_app, "A.5.8").reason.contains("WP248"));
    let privacy = &soa_entry(&school_app, "A.5.34").reason;
    assert!(privacy.contains("Art. 8, 12(1)"));
    // Art. 8's parental consent is for information society services only: a hospital treating
    // children is not told to ask for it (twenty-third review).
    assert!(
        privacy.contains("online (information society) service directly to children"),
        "{privacy}"
    );
    assert!(soa_entry(&school_app, "A.8.26")
        .reason
        .contains("Art. 25, 28(1)"));
    let processor = with("processor", true);
    assert!(!soa_entry(&processor, "A.5.8").reason.contains("WP248"));
    assert!(soa_entry(&processor, "A.8.26")
        .reason
        .contains("Art. 25, 28(1)"));
    let adults = with("controller", false);
    assert!(!soa_entry(&adults, "A.8.26")
        .reason
        .contains("Art. 25, 28(1)"));
}

/// An ISO 22301 system shares the harmonised structure as ISO 9001 does: its document control,
/// audits, reviews and corrective action are extended, with the same effort saving; a body
/// chosen for a combined audit must also be accredited for it to audit it in the same visits
/// (seventeenth review).
#[test]
fn an_iso_22301_system_lends_its_procedures_as_iso_9001_does() {
    let with = |other: &str| {
        build_with(
            &[
                ("start.other", Answer::Choices(vec![other.to_owned()])),
                ("cert.body", text("none")),
                ("cert.combined", Answer::Bool(true)),
            ],
            |_| {},
        )
    };
    let continuity = with("iso22301");
    let audit = row(&continuity, "common.internal-audit");
    assert_eq!(
        audit.action,
        "Extend the ISO 22301 procedure to cover both standards"
    );
    assert!(audit
        .effort_reasons
        .iter()
        .any(|r| r.contains("ISO 22301 system")));
    let checks: String = continuity
        .warnings
        .iter()
        .map(|w| w.text.as_str())
        .collect();
    assert!(
        checks.contains("accredited for ISO 22301 as well"),
        "{checks}"
    );
    let quality = with("iso9001");
    assert_eq!(
        row(&quality, "common.internal-audit").action,
        "Extend the ISO 9001 procedure to cover both standards"
    );
}

/// Two certificates from two bodies, merged and audited together: one certificate is
/// transferred first (IAF MD 2), and each body hears of the merge; a standard added to a
/// certificate with a different scope is not called one integrated system; a scheme held is
/// named with its provision (seventeenth review).
#[test]
fn certificates_held_apart_are_brought_together_by_transfer() {
    let both = |body: &str| {
        checks_joined(&[
            ("start.iso27001", text("certified")),
            ("start.iso20000", text("certified")),
            ("start.target", text("integrated")),
            ("cert.body", text(body)),
            ("cert.combined", Answer::Bool(true)),
        ])
    };
    let two = both("separate");
    assert!(two.contains("IAF MD 2"), "{two}");
    assert!(two.contains("to each certification body"), "{two}");
    assert!(!both("one").contains("IAF MD 2"));
    let adding = checks_joined(&[
        ("start.iso20000", text("certified")),
        ("start.target", text("add-combined")),
        ("cert.scope", text("different")),
    ]);
    assert!(
        adding.contains("You are adding ISO/IEC 27001 with a scope"),
        "{adding}"
    );
    assert!(!adding.contains("one integrated system"), "{adding}");
    let cloud = build_with(
        &[("reg.attestations", Answer::Choices(vec!["iso27017".into()]))],
        |_| {},
    );
    assert!(soa_entry(&cloud, "A.5.11").reason.contains("CLD.8.1.5"));
}

/// A maker of software customers install is a manufacturer under the Cyber Resilience Act:
/// its reporting duty applies now and comes first; vulnerability handling and secure
/// development are named by it; a service only run online is not (seventeenth review).
#[test]
fn a_software_maker_gets_the_cyber_resilience_act() {
    let vendor = |products: Option<bool>| {
        build_with(&[("scope.development", text("in-house"))], |a| {
            if let Some(yes) = products {
                a.answers.insert("reg.products".into(), Answer::Bool(yes));
            }
        })
    };
    let erp = vendor(Some(true));
    assert!(soa_entry(&erp, "A.5.5").reason.contains("Art. 14(1)-(4)"));
    assert!(soa_entry(&erp, "A.8.8").reason.contains("Annex I, Part II"));
    assert!(soa_entry(&erp, "A.8.25").reason.contains("Annex I, Part I"));
    assert_eq!(row(&erp, "isms.authorities").priority, Priority::High);
    let saas = vendor(Some(false));
    assert!(!soa_entry(&saas, "A.5.5").reason.contains("Art. 14(1)-(4)"));
    let unsaid: String = vendor(None)
        .warnings
        .iter()
        .map(|w| w.text.as_str())
        .collect();
    assert!(
        unsaid.contains("whether you sell or supply, under your own name or brand, software"),
        "{unsaid}"
    );
}

/// A staged plan's overloaded phase names its first remedy: the shared processes the second
/// standard leads are needed at the first audit only for the first standard's controls
/// (thirtieth review: 40 of an 8-person provider's 90 days in phase 3).
#[test]
fn an_overloaded_staged_phase_names_the_second_standards_processes() {
    let workload = |target: &str| {
        checks_joined(&[
            ("org.size", text("micro")),
            ("start.target", text(target)),
            ("start.timeline", text("6-months")),
        ])
    };
    let staged = workload("iso27001-first");
    assert!(staged.contains("people full time"), "{staged}");
    assert!(
        staged.contains("shared processes that ISO/IEC 20000-1 leads"),
        "{staged}"
    );
    let integrated = workload("integrated");
    assert!(
        !integrated.contains("shared processes that"),
        "{integrated}"
    );
}

/// The risk question asks of the services' risks, not security risks: with an ISMS held, an
/// answer of nothing written leaves its risk approach to extend to the SMS, not a document to
/// write from nothing (thirtieth review); without one, it is written.
#[test]
fn service_risks_unwritten_extend_the_isms_risk_approach_held() {
    let risk = |iso27001: &str| {
        let m = build_with(
            &[
                ("start.iso27001", text(iso27001)),
                ("start.target", text("integrated")),
                ("maturity.risk", text("informal")),
            ],
            |_| {},
        );
        row(&m, "common.risk").action.clone()
    };
    assert!(
        risk("certified").starts_with("Extend the ISMS document"),
        "{}",
        risk("certified")
    );
    assert!(
        risk("none").starts_with("Write one integrated document"),
        "{}",
        risk("none")
    );
}

/// A reporting deadline in force (NIS2's early warning, GDPR's 72 hours) applies from today,
/// while its rows may be planned for the controls phase: a check asks for an interim
/// notification procedure by the end of the first phase, naming the duties and the rows; with
/// no such duty, or with those rows done, there is none (thirtieth review).
#[test]
fn reporting_deadlines_in_force_get_an_interim_procedure_in_the_first_phase() {
    let interim = |answers: &[(&str, Answer)], edit: fn(&mut Assessment)| {
        let m = build_with(answers, edit);
        let first_phase_ends = m.schedule.as_ref().expect("schedule").phases[0]
            .ends
            .clone();
        let check = m
            .warnings
            .iter()
            .find(|w| w.text.contains("interim notification procedure"))
            .map(|w| w.text.clone());
        (m, first_phase_ends, check)
    };
    let nis2 = [
        ("reg.nis2", text("important")),
        ("start.timeline", text("12-months")),
    ];
    let (m, ends, check) = interim(&nis2, |_| {});
    let check = check.expect("the interim notification check");
    assert!(
        check.contains("NIS2 Directive (important entity)"),
        "{check}"
    );
    assert!(check.contains(&format!("({ends})")), "{check}");
    let late: Vec<&matrix::MatrixRow> = m
        .rows
        .iter()
        .filter(|r| r.reporting_deadline && r.is_open() && r.target_date > ends)
        .collect();
    assert!(!late.is_empty());
    for row in &late {
        assert!(check.contains(&*row.topic), "{} not in {check}", row.topic);
    }
    // No duty with a deadline: no check.
    let (_, _, none) = interim(
        &[
            ("reg.nis2", text("no")),
            ("start.timeline", text("12-months")),
        ],
        |_| {},
    );
    assert_eq!(none, None);
    // The rows that carry the deadlines done: nothing left to bridge.
    let ids: Vec<String> = late.iter().map(|r| r.id.clone()).collect();
    let done = build_with(&nis2, |a| {
        for id in &ids {
            a.update_row(id, |edit| edit.status = Some(Status::Implemented));
        }
    });
    assert!(!done
        .warnings
        .iter()
        .any(|w| w.text.contains("interim notification procedure")));
}

/// Products another company makes under the prospect's brand (a telecom's routers) are
/// development done for it, whatever it develops itself: A.8.30 applies with the Cyber
/// Resilience Act's reason (thirtieth review: a provider developing in house had it excluded
/// as "no development is outsourced").
#[test]
fn products_made_by_another_company_bring_outsourced_development() {
    let provider = |made_for_you: bool| {
        build_with(
            &[
                ("scope.development", text("in-house")),
                ("reg.products", Answer::Bool(true)),
                ("reg.products-made-for-you", Answer::Bool(made_for_you)),
            ],
            |_| {},
        )
    };
    let routers = provider(true);
    let entry = soa_entry(&routers, "A.8.30");
    assert!(entry.applicable, "{}", entry.reason);
    assert!(
        entry.reason.contains("another company makes"),
        "{}",
        entry.reason
    );
    let own = provider(false);
    assert!(!soa_entry(&own, "A.8.30").applicable);
}

/// Both certificates held as one integrated system: nothing to merge and nothing to add, the
/// certification cycle named instead; said to run apart while policy, audits and reviews are
/// written once for both, the contradiction is named (eighteenth review).
#[test]
fn one_integrated_system_already_certified_is_kept_not_merged() {
    let held = |separate: bool, goal: &str| {
        checks_joined(&[
            ("start.iso27001", text("certified")),
            ("start.iso20000", text("certified")),
            ("start.separate", Answer::Bool(separate)),
            ("start.target", text(goal)),
        ])
    };
    let integrated = held(false, "integrated");
    assert!(
        !integrated.contains("merging the two systems"),
        "{integrated}"
    );
    assert!(integrated.contains("9.6.2"), "{integrated}");
    assert!(held(true, "integrated").contains("merging the two systems"));
    let adding = held(false, "add-combined");
    assert!(!adding.contains("no valid certificate"), "{adding}");
    assert!(adding.contains("nothing left to add"), "{adding}");
    let first = held(false, "iso27001-first");
    assert!(!first.contains("merges the two systems"), "{first}");
    let mut answers = vec![
        ("start.iso27001", text("certified")),
        ("start.iso20000", text("certified")),
        ("start.separate", Answer::Bool(true)),
    ];
    let ids: Vec<String> = ["policy", "internal-audit", "management-review"]
        .into_iter()
        .map(maturity_id)
        .collect();
    for id in &ids {
        answers.push((id.as_str(), text("integrated")));
    }
    assert!(checks_joined(&answers).contains("that is one integrated system already"));
}

/// Card terminals in shops: Req. 9.5.1 (list, inspection, training), not the telephone
/// advice, and no entry and visitor rules for the shop floor (eighteenth review). Many sites:
/// the body's sampling under IAF MD 1.
#[test]
fn card_terminals_and_many_sites_get_their_own_rules() {
    let shops = build_with(
        &[
            ("reg.pci", Answer::Bool(true)),
            ("reg.pci-where", Answer::Choices(vec!["terminals".into()])),
            ("scope.premises", Answer::Choices(vec!["offices".into()])),
            ("org.sites", Answer::Number(300)),
        ],
        |_| {},
    );
    let checks: String = shops.warnings.iter().map(|w| w.text.as_str()).collect();
    assert!(checks.contains("not a sensitive area"), "{checks}");
    assert!(!checks.contains("recorded call"), "{checks}");
    assert!(checks.contains("IAF MD 1"), "{checks}");
    assert!(soa_entry(&shops, "A.5.9").reason.contains("9.5.1.1"));
    assert!(soa_entry(&shops, "A.7.8").reason.contains("9.5.1.2"));
    assert!(!soa_entry(&shops, "A.7.2")
        .obligations
        .contains(&"PCI DSS".to_owned()));
    let few = checks_joined(&[("org.sites", Answer::Number(3))]);
    assert!(!few.contains("IAF MD 1"), "{few}");
}

/// A health care network's medical devices and a plant's or utility's control systems raise
/// the controls their sector check names, so that those rows are planned early, and the check
/// stands beside A.8.22 in the SoA (nineteenth review).
#[test]
fn devices_that_cannot_be_patched_raise_the_controls_their_check_names() {
    let network = |sector: &str| {
        build_with(
            &[
                ("org.sector", text(sector)),
                ("scope.network", Answer::Bool(true)),
            ],
            |_| {},
        )
    };
    let hospital = network("health");
    let segregation = row(&hospital, "isms.network-segregation");
    assert_eq!(segregation.priority, Priority::High);
    assert!(
        segregation
            .priority_reasons
            .iter()
            .any(|r| r.contains("medical devices")),
        "{:?}",
        segregation.priority_reasons
    );
    assert!(soa_entry(&hospital, "A.8.22")
        .warnings
        .iter()
        .any(|w| w.contains("IEC 80001-1")));
    assert!(soa_entry(&hospital, "A.7.13")
        .reason
        .contains("medical devices"));
    let plant = network("energy");
    assert_eq!(
        row(&plant, "isms.network-segregation").priority,
        Priority::High
    );
    assert!(soa_entry(&plant, "A.8.2")
        .reason
        .contains("control systems"));
    // An IT provider's network raises segregation once, as before.
    let provider = network("it-services");
    assert_eq!(
        row(&provider, "isms.network-segregation").priority,
        Priority::Medium
    );
    assert!(soa_entry(&provider, "A.8.22").warnings.is_empty());
}

/// With no premises, the equipment controls kept in speak of laptops and phones at home, not
/// of server rooms and maintenance engineers (nineteenth review).
#[test]
fn a_fully_remote_organisation_keeps_its_equipment_controls_in_its_own_terms() {
    let remote = build_with(
        &[("scope.premises", Answer::Choices(vec!["none".into()]))],
        |_| {},
    );
    let siting = &soa_entry(&remote, "A.7.8").reason;
    assert!(!siting.contains("servers, switches"), "{siting}");
    assert!(siting.contains("household"), "{siting}");
    assert!(soa_entry(&remote, "A.7.13").reason.contains("repair"));
    assert!(soa_entry(&remote, "A.7.14")
        .reason
        .contains("cloud providers"));
    let offices = build_with(
        &[(
            "scope.premises",
            Answer::Choices(vec!["server-room".into()]),
        )],
        |_| {},
    );
    assert!(!soa_entry(&offices, "A.7.13").reason.contains("repair"));
}

/// Qualified trust service providers and DNS providers are essential under NIS2 whatever their
/// size, other trust service providers in scope whatever their size; a qualified provider's
/// eIDAS duties join the SoA (nineteenth review).
#[test]
fn trust_and_dns_services_decide_the_nis2_checks_and_bring_eidas() {
    let answers = |services: &str, nis2: &str| {
        vec![
            ("org.sector", text("it-services")),
            ("org.size", text("small")),
            ("reg.trust-dns", Answer::Choices(vec![services.into()])),
            ("reg.nis2", text(nis2)),
        ]
    };
    let important = checks_joined(&answers("qualified-trust", "important"));
    assert!(important.contains("Art. 3(1)(b)"), "{important}");
    // The check names what the prospect provides, and what it brings.
    assert!(important.contains("20 minutes"), "{important}");
    assert!(!important.contains("root name servers"), "{important}");
    let essential = checks_joined(&answers("qualified-trust", "essential"));
    assert!(!essential.contains("Art. 3(1)(b)"), "{essential}");
    assert!(
        !essential.contains("confirm your classification"),
        "{essential}"
    );
    let dns = checks_joined(&answers("dns", "no"));
    assert!(dns.contains("root name servers"), "{dns}");
    let trust = checks_joined(&answers("trust", "not-sure"));
    assert!(
        trust.contains("trust service providers whatever their size"),
        "{trust}"
    );
    let none = checks_joined(&answers("none", "no"));
    assert!(!none.contains("whatever their size"), "{none}");

    let qtsp = build_with(&answers("qualified-trust", "essential"), |_| {});
    assert!(soa_entry(&qtsp, "A.5.35").reason.contains("Art. 20(1)"));
    assert!(soa_entry(&qtsp, "A.5.30")
        .reason
        .contains("termination plan"));
    assert_eq!(
        soa_entry(&qtsp, "A.5.5").basis,
        Some(ims_matrix::advice::Basis::Legal)
    );
    let plain = build_with(&answers("trust", "important"), |_| {});
    assert!(!soa_entry(&plain, "A.5.35").reason.contains("Art. 20(1)"));
}

/// A laboratory accreditation's clause 8 procedures are extended like ISO 9001's, but it is
/// never named as joining a certification body's visits (nineteenth review).
#[test]
fn a_laboratory_accreditation_is_reused_but_never_audited_with_the_certificates() {
    let lab = build_with(
        &[
            (
                "start.other",
                Answer::Choices(vec!["lab-accreditation".into()]),
            ),
            ("cert.combined", Answer::Bool(true)),
            ("cert.body", text("none")),
        ],
        |_| {},
    );
    let audit = row(&lab, "common.internal-audit");
    assert!(audit.action.contains("laboratory"), "{}", audit.action);
    assert!(audit
        .effort_reasons
        .iter()
        .any(|r| r.contains("laboratory accreditation")));
    assert!(audit.effort_reasons.iter().any(|r| r.contains("clause 8")));
    // Competence is the personnel clause, 6.2, of both laboratory standards (twenty-third
    // review).
    let competence = &row(&lab, "common.competence").effort_reasons;
    assert!(
        competence
            .iter()
            .any(|r| r.contains("personnel and competence")
                && r.contains("6.2")
                && !r.contains("clause 8")),
        "{competence:?}"
    );
    let checks: String = lab.warnings.iter().map(|w| w.text.as_str()).collect();
    assert!(checks.contains("national accreditation body"), "{checks}");
    assert!(!checks.contains("accredited for ISO 15189"), "{checks}");
    // Another system held is named, not listed with the ones it is not.
    let quality = build_with(
        &[("start.other", Answer::Choices(vec!["iso9001".into()]))],
        |_| {},
    );
    let reasons = &row(&quality, "common.internal-audit").effort_reasons;
    assert!(
        reasons
            .iter()
            .any(|r| r.ends_with("reuses your ISO 9001 system")),
        "{reasons:?}"
    );
}

/// A quality system under ISO 13485 or GxP is reused as a laboratory's is, and its internal
/// audits are a management system's: no check says there is none to audit (thirty-fifth
/// review: an electronic data capture provider with QA audits under document control).
#[test]
fn a_gxp_quality_system_is_reused_and_counts_as_a_management_system() {
    let build = |other: &str| {
        build_with(
            &[
                ("start.other", Answer::Choices(vec![other.into()])),
                ("start.iso27001", text("none")),
                ("start.iso20000", text("none")),
                ("maturity.scope", text("not_in_place")),
                ("maturity.internal-audit", text("documented_one")),
            ],
            |_| {},
        )
    };
    let gxp = build("quality-system");
    let audit = row(&gxp, "common.internal-audit");
    assert!(audit.action.contains("quality system"), "{}", audit.action);
    assert!(audit
        .effort_reasons
        .iter()
        .any(|r| r.contains("quality system's procedures")));
    let checks: String = gxp.warnings.iter().map(|w| w.text.as_str()).collect();
    assert!(
        checks.contains("ISO 13485 or a GxP quality system"),
        "{checks}"
    );
    assert!(!checks.contains("an internal audit needs a management system"));
    let none = build("none");
    let checks: String = none.warnings.iter().map(|w| w.text.as_str()).collect();
    assert!(checks.contains("an internal audit needs a management system"));
}

/// A large haulier or manufacturer that also provides a cloud service is not told its NIS2
/// answer is wrong whichever it gives: its provider activity makes it essential, and the check
/// on "important" says that is why (twentieth review).
#[test]
fn a_large_entity_providing_cloud_services_beside_its_own_sector_gets_one_reading_of_nis2() {
    let checks = |sector: &str, nis2: &str, cloud: &[&str]| {
        checks_joined(&[
            ("org.sector", text(sector)),
            ("org.size", text("large")),
            ("scope.customers", text("external")),
            (
                "scope.cloud",
                Answer::Choices(cloud.iter().map(|c| (*c).to_owned()).collect()),
            ),
            ("reg.nis2", text(nis2)),
        ])
    };
    for sector in ["logistics", "manufacturing"] {
        let important = checks(sector, "important", &["provide-cloud"]);
        assert!(important.contains("Annex I, 8 and 9"), "{important}");
        assert!(!important.contains("transport, water"), "{important}");
        let essential = checks(sector, "essential", &["provide-cloud"]);
        assert!(!essential.contains("Annex II"), "{essential}");
        // Without the provider activity, its own sector's reading stands.
        let own = checks(sector, "essential", &["use-saas"]);
        assert!(own.contains("Annex II"), "{own}");
    }
    // A software company's sector is in neither annex: the provider activity is what brings it
    // in, not a second reason beside its sector (twenty-ninth review).
    let software = checks("software", "important", &["provide-cloud"]);
    assert!(
        software.contains("Your sector is in neither annex")
            && !software.contains("Your own sector alone"),
        "{software}"
    );
    let manufacturer = checks("manufacturing", "important", &["provide-cloud"]);
    assert!(
        manufacturer.contains("Your own sector alone"),
        "{manufacturer}"
    );
}

/// Duties the twentieth review found missing or repeated: the Implementing Regulation's
/// thresholds for providers on A.5.25, the Cyber Resilience Act's important products on A.5.35,
/// ISO/IEC 27019 for an energy utility, and one sentence for a duty two GDPR roles share.
#[test]
fn provider_thresholds_important_products_and_27019_reach_the_advice() {
    let provider = |premises: &[&str], cloud: &[&str]| {
        build_with(
            &[
                ("org.sector", text("it-services")),
                ("scope.customers", text("external")),
                ("reg.nis2", text("important")),
                (
                    "scope.premises",
                    Answer::Choices(premises.iter().map(|p| (*p).to_owned()).collect()),
                ),
                (
                    "scope.cloud",
                    Answer::Choices(cloud.iter().map(|c| (*c).to_owned()).collect()),
                ),
            ],
            |_| {},
        )
    };
    // The link states NIS2's own test; the check beside it names the articles for the types
    // answered (thirty-seventh review).
    let msp = provider(&["offices"], &["use-saas"]);
    assert!(soa_entry(&msp, "A.5.25").reason.contains("Art. 23(3)"));
    let triage = significance_check(&msp);
    assert!(
        triage.contains("Art. 10") && triage.contains("30 minutes"),
        "{triage}"
    );
    assert!(
        !triage.contains("Art. 7 ") && !triage.contains("Art. 8 ") && !triage.contains("Art. 5 ")
    );
    // All four of Art. 8's criteria for data centres, the compromised physical access among
    // them, and the limited availability of Art. 7 and 10 (twenty-third review).
    let host = significance_check(&provider(&["offices", "data-centre"], &["provide-cloud"]));
    assert!(
        host.contains("physical access to a data centre you operate compromised")
            && host.contains("Art. 7 for cloud computing and Art. 10 for managed")
            // Said once for both.
            && host.matches("30 minutes").count() == 1
            && host.contains("limited for more than an hour")
            && host.contains("or limited for more than an hour for more than 5 %"),
        "{host}"
    );

    let products = |important: bool| {
        build_with(
            &[
                ("scope.development", text("in-house")),
                ("reg.products", Answer::Bool(true)),
                ("reg.products-important", Answer::Bool(important)),
            ],
            |_| {},
        )
    };
    assert!(soa_entry(&products(true), "A.5.35")
        .reason
        .contains("32(2)"));
    assert!(!soa_entry(&products(false), "A.5.35")
        .reason
        .contains("32(2)"));

    let grid = checks_joined(&[
        ("org.sector", text("energy")),
        ("scope.network", Answer::Bool(true)),
    ]);
    assert!(grid.contains("ISO/IEC 27019"), "{grid}");

    let public = build_with(
        &[
            ("org.sector", text("it-services")),
            ("org.public-body", Answer::Bool(true)),
            ("reg.gdpr", text("both")),
        ],
        |_| {},
    );
    let officer = &soa_entry(&public, "A.5.2").reason;
    assert_eq!(officer.matches("§ 38(1) BDSG:").count(), 1, "{officer}");
    assert!(
        officer.contains("GDPR (as controller) and GDPR (as processor)"),
        "{officer}"
    );
}

/// With ISO/IEC 27001 certified first and its system in place, what shared and integrated rows
/// still need is ISO/IEC 20000-1's: it waits for that standard's audit instead of reworking the
/// running ISMS weeks before its own, and three months suffice for the first audit
/// (twenty-first review).
#[test]
fn a_running_system_certified_first_is_not_reworked_for_the_other_standard_before_its_audit() {
    let m = build_with(
        &[
            ("start.iso27001", text("implemented")),
            ("start.iso20000", text("none")),
            ("start.target", text("iso27001-first")),
            ("start.timeline", text("3")),
            ("cert.scope", text("undecided")),
            ("maturity.context", text("documented_one")),
            ("maturity.policy", text("documented_one")),
            ("maturity.internal-audit", text("informal")),
        ],
        |_| {},
    );
    let context = row(&m, "common.context");
    assert!(context.second_stage, "{}", context.action);
    assert!(!row(&m, "common.internal-audit").second_stage);
    let checks: String = m.warnings.iter().map(|w| w.text.as_str()).collect();
    assert!(!checks.contains("allow at least"), "{checks}");
    assert!(
        checks.contains("whether ISO/IEC 20000-1 will have the same scope"),
        "{checks}"
    );
    // Without the ISMS in place the shared rows are built once, in the first stage.
    let fresh = build_with(
        &[
            ("start.iso27001", text("none")),
            ("start.iso20000", text("none")),
            ("start.target", text("iso27001-first")),
        ],
        |_| {},
    );
    assert!(!row(&fresh, "common.context").second_stage);
}

/// A small provider of public electronic communications is in NIS2 whatever its size, as an
/// important entity (Art. 2(2)(a)(i), 3(2)); a DNS provider's SoA carries the Implementing
/// Regulation; a telecom's breach notice is the ePrivacy one (twenty-first review).
#[test]
fn telecoms_and_dns_providers_get_their_own_nis2_and_breach_rules() {
    let telecom = |nis2: &str| {
        checks_joined(&[
            ("org.sector", text("telecom")),
            ("org.size", text("small")),
            ("reg.nis2", text(nis2)),
        ])
    };
    for answer in ["no", "not-sure", "supplier"] {
        let checks = telecom(answer);
        assert!(checks.contains("Art. 2(2)(a)(i)"), "{answer}: {checks}");
    }
    let important = telecom("important");
    assert!(!important.contains("mostly covers medium"), "{important}");
    assert!(telecom("essential").contains("Art. 3(2)"));

    let dns = build_with(
        &[
            ("org.sector", text("telecom")),
            ("reg.trust-dns", Answer::Choices(vec!["dns".into()])),
            ("reg.nis2", text("essential")),
            ("scope.network", Answer::Bool(true)),
            ("reg.gdpr", text("controller")),
        ],
        |_| {},
    );
    assert!(soa_entry(&dns, "A.8.20").reason.contains("Annex, 6.7"));
    assert!(significance_check(&dns).contains("Art. 5 for DNS"));
    let notice = &soa_entry(&dns, "A.5.5").reason;
    assert!(notice.contains("611/2013"), "{notice}");
    assert!(soa_entry(&dns, "A.5.34").reason.contains("Art. 4(4)"));
    let school = build_with(
        &[
            ("org.sector", text("education")),
            ("reg.gdpr", text("controller")),
        ],
        |_| {},
    );
    assert!(!soa_entry(&school, "A.5.5").reason.contains("611/2013"));
}

/// Products made for the prospect and sold under its brand are its products under the Cyber
/// Resilience Act (Art. 3(13)): the question is asked whatever the development answer
/// (twenty-first review).
#[test]
fn own_brand_products_bring_the_cyber_resilience_act_without_development() {
    let m = build_with(
        &[
            ("scope.development", text("none")),
            ("reg.products", Answer::Bool(true)),
        ],
        |_| {},
    );
    assert!(soa_entry(&m, "A.8.8")
        .reason
        .contains("Cyber Resilience Act"));
    let q = questionnaire::builtin();
    let products = q.question("reg.products").expect("question");
    let mut answers = questionnaire::Answers::new();
    answers.insert("scope.development".into(), text("none"));
    assert!(q.is_visible(products, &answers));
}

/// Merging two systems, or adding a standard to the one held, is a change planned before the
/// documents it changes, whatever the answer on change planning; written-down answers with
/// neither standard in place are named as read as implemented; a held certificate's visit
/// given too early takes the added standard's stage 1 only (twenty-second review).
#[test]
fn changing_a_held_system_is_planned_first_and_early_visits_take_stage_one() {
    let merge = build_with(
        &[
            ("start.iso27001", text("certified")),
            ("start.iso20000", text("certified")),
            ("start.separate", Answer::Bool(true)),
            ("maturity.change-planning", text("integrated")),
        ],
        |_| {},
    );
    let change = row(&merge, "common.change-planning");
    assert!(change.critical && change.is_open(), "{:?}", change.status);
    assert!(change.plan_rank <= 3, "{}", change.plan_rank);
    assert!(
        change.action.contains("Plan the merge"),
        "{}",
        change.action
    );
    assert!(change.plan_rank < row(&merge, "common.scope").plan_rank);
    let fresh = build_with(&[("maturity.change-planning", text("integrated"))], |_| {});
    assert!(!row(&fresh, "common.change-planning").is_open());

    let written = checks_joined(&[("maturity.policy", text("integrated"))]);
    assert!(
        written.contains("read as implemented") && written.contains("Integrated policy"),
        "{written}"
    );
    let held = checks_joined(&[
        ("start.iso27001", text("certified")),
        ("maturity.policy", text("integrated")),
    ]);
    assert!(!held.contains("read as implemented"), "{held}");

    let visit = |date: &str| {
        checks_joined(&[
            ("start.iso27001", text("certified")),
            ("start.target", text("add-combined")),
            ("cert.audit-date", text(date)),
        ])
    };
    let early = visit("2027-04-01");
    assert!(
        early.contains("Hold its stage 1 with that visit"),
        "{early}"
    );
    assert!(!early.contains("allow at least"), "{early}");
    let later = visit("2027-09-01");
    assert!(!later.contains("Hold its stage 1"), "{later}");
}

/// The row planning the change to the held systems speaks of what is held: only a certified
/// system has a certification body to tell, and documents on a withdrawn edition move to the
/// current one in the same change (twenty-ninth review: a lapsed ISO/IEC 27001:2013
/// certificate was told "if it is certified, tell the certification body").
#[test]
fn the_change_to_held_systems_names_the_certificates_and_editions_held() {
    let action = |answers: &[(&str, Answer)], documents_2013: bool| {
        let mut all = vec![("start.target", text("integrated"))];
        all.extend(answers.iter().cloned());
        let m = build_with(&all, |a| {
            if documents_2013 {
                a.set_documents_edition(ims_matrix::catalog::Family::Iso27001, "2013");
            }
        });
        row(&m, "common.change-planning").action.clone()
    };
    let certified = action(&[("start.iso27001", text("certified"))], false);
    assert!(
        certified.contains("certified system you hold")
            && certified.contains("tell the certification body")
            && !certified.contains("if it is certified")
            && !certified.contains("bring the documents up to"),
        "{certified}"
    );
    let in_place = action(&[("start.iso27001", text("implemented"))], false);
    assert!(
        in_place.contains("keeps working as it changes")
            && !in_place.contains("certification body"),
        "{in_place}"
    );
    // A 2013 certificate lapsed with the transition: no body to tell, and the move to 2022.
    let lapsed = action(&[("start.iso27001", text("certified"))], true);
    assert!(
        !lapsed.contains("certification body")
            && lapsed.contains("bring the documents up to ISO/IEC 27001:2022"),
        "{lapsed}"
    );
    let merge = |iso27001: &str, iso20000: &str| {
        action(
            &[
                ("start.iso27001", text(iso27001)),
                ("start.iso20000", text(iso20000)),
                ("start.separate", Answer::Bool(true)),
            ],
            false,
        )
    };
    assert!(merge("certified", "certified").contains("tell each certification body"));
    let one = merge("implemented", "certified");
    assert!(
        one.contains("certified ISO/IEC 20000-1 system")
            && one.contains("tell its certification body"),
        "{one}"
    );
    assert!(!merge("implemented", "implemented").contains("certification body"));
}

/// With only ISO/IEC 20000-1 in place, Annex A controls written down are the ISMS project's
/// drafts when one is under way (in progress), and otherwise are named as read as implemented
/// without a system to hold them against (twenty-third review).
#[test]
fn controls_written_down_without_their_system_are_not_taken_on_trust() {
    let with_isms = |isms: &str| {
        build_with(
            &[
                ("start.iso20000", text("certified")),
                ("start.iso27001", text(isms)),
                ("maturity.access", text("documented_one")),
            ],
            |_| {},
        )
    };
    let project = with_isms("in-progress");
    let access = row(&project, "isms.access-control");
    assert_eq!(access.status, Status::InProgress);
    assert!(
        access
            .priority_reasons
            .iter()
            .any(|r| r.contains("a draft until it is approved")),
        "{:?}",
        access.priority_reasons
    );
    let none = with_isms("none");
    assert_eq!(
        row(&none, "isms.access-control").status,
        Status::Implemented
    );
    let checks: String = none.warnings.iter().map(|w| w.text.as_str()).collect();
    assert!(
        checks.contains("read as implemented") && checks.contains("“Access control rules”"),
        "{checks}"
    );
    let held = with_isms("certified");
    assert_eq!(
        row(&held, "isms.access-control").status,
        Status::Implemented
    );
    assert!(!held
        .warnings
        .iter()
        .any(|w| w.text.contains("read as implemented")));
}

/// Space is a sector of NIS2's Annex I (11): a ground-segment operator's NIS2 answers are read
/// as an energy operator's are, not passed over as "other" (twenty-third review).
#[test]
fn a_space_operator_gets_the_nis2_checks_of_its_annex() {
    let checks = |sector: &str, size: &str, nis2: &str| {
        checks_joined(&[
            ("org.sector", text(sector)),
            ("org.size", text(size)),
            ("reg.nis2", text(nis2)),
        ])
    };
    assert!(checks("space", "medium", "no").contains("You said NIS2 does not apply"));
    assert!(!checks("other", "medium", "no").contains("You said NIS2 does not apply"));
    assert!(checks("space", "large", "important").contains("are essential entities"));
    // Domain registries and DNS operators run as foundations or by universities are asked.
    // Whether an organisation provides trust, DNS or platform services does not follow from
    // its sector: a postal operator's registered delivery, a foundation's registry (twenty-
    // fourth review).
    let q = questionnaire::builtin();
    let services = q.question("reg.trust-dns").expect("question");
    for sector in [
        "public",
        "education",
        "other",
        "space",
        "logistics",
        "finance",
    ] {
        let mut answers = questionnaire::Answers::new();
        answers.insert("org.sector".into(), text(sector));
        assert!(q.is_visible(services, &answers), "{sector}");
    }
}

/// An ISO 9001 system held runs internal audits and management reviews: "not in place" for
/// either is questioned (twenty-third review).
#[test]
fn another_system_held_without_audits_or_reviews_is_questioned() {
    let with = |audit: &str| {
        checks_joined(&[
            ("start.other", Answer::Choices(vec!["iso9001".into()])),
            ("maturity.internal-audit", text(audit)),
            ("maturity.management-review", text("informal")),
        ])
    };
    let none = with("not_in_place");
    assert!(
        none.contains("You run ISO 9001") && none.contains("that internal audits are not in place"),
        "{none}"
    );
    assert!(!with("informal").contains("You run ISO 9001"));
}

/// An answer kept while its question is hidden (the sector changed after it) is not read, as
/// the workbook's Answers sheet says it was not asked; a platform provider of medium size gets
/// the Implementing Regulation's measures (twenty-fourth review).
#[test]
fn hidden_answers_are_not_read_and_platforms_get_the_implementing_regulation() {
    // A public body's own check (public administration goes by level of government) shows
    // whether the answer was read.
    let public_body = |sector: &str| {
        checks_joined(&[
            ("org.sector", text(sector)),
            ("org.size", text("small")),
            ("org.public-body", Answer::Bool(true)),
            ("reg.nis2", text("not-sure")),
        ])
    };
    let as_public_administration =
        "As a public body, you may also be in scope as public administration";
    assert!(public_body("it-services").contains(as_public_administration));
    // Finance is not asked whether it is a public body.
    assert!(!public_body("finance").contains(as_public_administration));
    assert!(public_body("space").contains(as_public_administration));

    let shop = |size: &str, services: &[&str]| {
        build_with(
            &[
                ("org.sector", text("retail")),
                ("org.size", text(size)),
                ("reg.nis2", text("important")),
                (
                    "reg.trust-dns",
                    Answer::Choices(services.iter().map(|s| (*s).to_owned()).collect()),
                ),
            ],
            |_| {},
        )
    };
    let marketplace = shop("medium", &["platform"]);
    assert!(
        soa_entry(&marketplace, "A.8.9")
            .reason
            .contains("2024/2690"),
        "{}",
        soa_entry(&marketplace, "A.8.9").reason
    );
    assert!(significance_check(&marketplace).contains("Art. 11 for online marketplaces"));
    // A small platform is outside NIS2 and the Regulation: no thresholds.
    assert!(significance_check(&shop("small", &["platform"])).is_empty());
    let checks: String = marketplace
        .warnings
        .iter()
        .map(|w| w.text.as_str())
        .collect();
    assert!(!checks.contains("Retail is"), "{checks}");
    assert!(!soa_entry(&shop("small", &["platform"]), "A.8.9")
        .reason
        .contains("2024/2690"));
    assert!(!soa_entry(&shop("medium", &["none"]), "A.8.9")
        .reason
        .contains("2024/2690"));
    let unanswered = checks_joined(&[("org.sector", text("retail"))]);
    assert!(
        unanswered
            .contains("whether you provide trust, DNS, top-level domain or platform services"),
        "{unanswered}"
    );
}

/// Both certificates said to run as one system, with the policy or the audits written down once
/// for each standard: a check names the contradiction, and the cycle check claims nothing is
/// left to build no longer (twenty-fourth review).
#[test]
fn one_system_with_documents_for_each_standard_is_questioned() {
    let with = |audit: &str| {
        checks_joined(&[
            ("start.iso27001", text("certified")),
            ("start.iso20000", text("certified")),
            ("start.separate", Answer::Bool(false)),
            ("start.target", text("integrated")),
            ("maturity.internal-audit", text(audit)),
        ])
    };
    let two = with("documented_one");
    assert!(two.contains("that is two systems"), "{two}");
    let m = build_with(
        &[
            ("start.iso27001", text("certified")),
            ("start.iso20000", text("certified")),
            ("start.separate", Answer::Bool(false)),
            ("maturity.internal-audit", text("documented_one")),
        ],
        |_| {},
    );
    assert_eq!(
        row(&m, "common.internal-audit").action,
        "Merge the ISMS and SMS documents into one"
    );
    // Nothing written down: no integrated document to keep, one to write; with ISO 22301 held,
    // the two documents merge into its procedure; and "nothing to merge" is not said beside
    // the contradiction (twenty-fifth review).
    let one_system = |audit: &str, other: &[&str]| {
        build_with(
            &[
                ("start.iso27001", text("certified")),
                ("start.iso20000", text("certified")),
                ("start.separate", Answer::Bool(false)),
                ("start.target", text("integrated")),
                (
                    "start.other",
                    Answer::Choices(other.iter().map(|s| (*s).to_owned()).collect()),
                ),
                ("maturity.internal-audit", text(audit)),
            ],
            |_| {},
        )
    };
    assert_eq!(
        row(&one_system("informal", &["none"]), "common.internal-audit").action,
        "Write one integrated document covering both standards"
    );
    let continuity = one_system("documented_one", &["iso22301"]);
    assert_eq!(
        row(&continuity, "common.internal-audit").action,
        "Merge the ISMS and SMS procedures into the ISO 22301 procedure"
    );
    assert!(!continuity
        .warnings
        .iter()
        .any(|w| w.text.contains("there is nothing to merge")));
    assert!(one_system("integrated", &["none"])
        .warnings
        .iter()
        .any(|w| w.text.contains("there is nothing to merge")));
    assert!(!two.contains("nothing needs building"), "{two}");
    assert!(!with("integrated").contains("that is two systems"));
}

/// Equipment in a colocation cage with "no networks of your own" is questioned beside A.8.20
/// (twenty-fourth review).
#[test]
fn equipment_rooms_without_a_network_are_questioned() {
    let with = |premises: &str, network: bool| {
        build_with(
            &[
                ("scope.premises", Answer::Choices(vec![premises.to_owned()])),
                ("scope.network", Answer::Bool(network)),
            ],
            |_| {},
        )
    };
    let cage = with("colocation", false);
    assert!(cage
        .warnings
        .iter()
        .any(|w| w.subject.as_deref() == Some("A.8.20")
            && w.text.contains("no networks of your own")));
    assert!(soa_entry(&cage, "A.8.20")
        .warnings
        .iter()
        .any(|w| w.contains("switches, firewalls")));
    for (premises, network) in [("colocation", true), ("offices", false)] {
        assert!(!with(premises, network)
            .warnings
            .iter()
            .any(|w| w.text.contains("switches, firewalls")));
    }
}

/// Large-scale monitoring brings the controller's impact assessment beside its data protection
/// officer; a TISAX result is credited with the prototype and data protection chapters only
/// with their labels (twenty-fifth review).
#[test]
fn monitoring_brings_its_impact_assessment_and_tisax_claims_no_unasked_module() {
    let monitoring = |role: &str| {
        build_with(
            &[
                ("reg.gdpr", text(role)),
                ("reg.monitoring", Answer::Bool(true)),
            ],
            |_| {},
        )
    };
    let controller = monitoring("controller");
    let plates = &soa_entry(&controller, "A.5.8").reason;
    assert!(plates.contains("Art. 35(1), (3)(a), (3)(c)"), "{plates}");
    assert!(!soa_entry(&monitoring("processor"), "A.5.8")
        .reason
        .contains("(3)(a), (3)(c)"));
    let tisax = build_with(
        &[("reg.attestations", Answer::Choices(vec!["tisax".into()]))],
        |_| {},
    );
    for control in ["A.7.3", "A.5.34"] {
        assert!(
            !soa_entry(&tisax, control).reason.contains("TISAX"),
            "{control}: {}",
            soa_entry(&tisax, control).reason
        );
    }
    assert!(soa_entry(&tisax, "A.7.1").reason.contains("TISAX"));
    // With the prototype and data labels, their chapters are evidence.
    let labelled = build_with(
        &[
            ("reg.attestations", Answer::Choices(vec!["tisax".into()])),
            (
                "reg.tisax-labels",
                Answer::Choices(vec!["prototype".into(), "data".into()]),
            ),
        ],
        |_| {},
    );
    assert!(soa_entry(&labelled, "A.7.3")
        .reason
        .contains("ISA chapter 8"));
    assert!(soa_entry(&labelled, "A.5.34")
        .reason
        .contains("ISA chapter 9"));
    // Labels kept from before TISAX was unticked are not read.
    let unticked = build_with(
        &[
            ("reg.attestations", Answer::Choices(vec!["soc2".into()])),
            (
                "reg.tisax-labels",
                Answer::Choices(vec!["prototype".into()]),
            ),
        ],
        |_| {},
    );
    assert!(!soa_entry(&unticked, "A.7.3")
        .reason
        .contains("ISA chapter 8"));
}

/// A health or manufacturing business supplying products is told which products the Cyber
/// Resilience Act leaves to their own EU rules (Art. 2(2), (3); twenty-fifth review).
#[test]
fn products_under_their_own_eu_rules_are_named_for_health_and_manufacturing() {
    let with = |sector: &str| {
        checks_joined(&[
            ("org.sector", text(sector)),
            ("reg.products", Answer::Bool(true)),
        ])
    };
    for sector in ["health", "manufacturing"] {
        assert!(with(sector).contains("CRA Art. 2(2), (3)"), "{sector}");
    }
    assert!(!with("software").contains("CRA Art. 2(2), (3)"));
}

/// A certificate held does not make the added standard's audit a combined one: audited apart
/// as answered, it has its own initial audit on its own body's dates, and no check books it
/// into the held certificate's visit (twenty-third review).
#[test]
fn a_standard_added_apart_has_its_own_initial_audit() {
    let added = |combined: bool, body: &str| {
        checks_joined(&[
            ("start.iso20000", text("certified")),
            ("start.target", text("iso27001-first")),
            ("cert.combined", Answer::Bool(combined)),
            ("cert.body", text(body)),
            ("cert.audit-date", text("2027-04-20")),
        ])
    };
    for apart in [
        added(false, "separate"),
        added(false, "one"),
        added(true, "separate"),
    ] {
        assert!(
            apart.contains("ISO/IEC 27001 then has its own initial certification audit"),
            "{apart}"
        );
        assert!(apart.contains("audited apart as you chose"), "{apart}");
        for combined in [
            "one combined audit, the",
            "Hold its stage 1",
            "is that combined visit",
        ] {
            assert!(!apart.contains(combined), "{combined}: {apart}");
        }
        // The date is the added standard's own audit: the usual timeline check applies.
        assert!(apart.contains("allow at least 6 months"), "{apart}");
    }
    let together = added(true, "one");
    assert!(
        together.contains("Hold its stage 1 with that visit"),
        "{together}"
    );
    assert!(
        !together.contains("own initial certification audit"),
        "{together}"
    );
}

/// What ISO/IEC 20000-1:2018 added (knowledge, the service portfolio, asset management, the
/// general arrangements of relationships) is not in documents written to 2011: those rows are
/// at most in progress, saying why, while the SoA still reads the ISMS's own controls
/// (twenty-sixth review).
#[test]
fn documents_written_to_20000_1_2011_lack_what_2018_added() {
    let answers = [
        ("start.iso27001", text("certified")),
        ("start.iso20000", text("certified")),
        ("maturity.knowledge", text("documented_one")),
        ("maturity.portfolio", text("documented_one")),
        ("maturity.relationship", text("documented_one")),
        ("maturity.asset-config", text("documented_one")),
    ];
    let on_2011 = build_with(&answers, |a| {
        a.set_documents_edition(catalog::Family::Iso20000, "2011");
        a.show_edition(catalog::Family::Iso20000, "2018");
    });
    let on_2018 = build_with(&answers, |_| {});
    for id in [
        "sms.knowledge",
        "sms.service-delivery",
        "sms.plan-services",
        "sms.relationship-agreement",
    ] {
        assert_eq!(row(&on_2018, id).status, Status::Implemented, "{id}");
        let old = row(&on_2011, id);
        assert_eq!(old.status, Status::InProgress, "{id}");
        assert!(
            old.priority_reasons
                .iter()
                .any(|r| r.contains("your documents follow the 2011 edition")),
            "{id}: {:?}",
            old.priority_reasons
        );
    }
    // An integrated row holding 8.2.5 says why too, and its A.5.9 is the ISMS's, which holds
    // it whatever edition the SMS documents follow.
    let says_2011 = |m: &Matrix| {
        row(m, "process.asset-inventory")
            .priority_reasons
            .iter()
            .any(|r| r.contains("your documents follow the 2011 edition"))
    };
    assert!(says_2011(&on_2011) && !says_2011(&on_2018));
    assert_eq!(soa_entry(&on_2011, "A.5.9").status, Status::Implemented);
    // A clause 2018 kept from 2011 (configuration management) is not capped.
    assert_eq!(
        row(&on_2011, "process.configuration").status,
        row(&on_2018, "process.configuration").status
    );
}

/// A warehouse operator or haulier answering NIS2 "important" is told, as one answering
/// "essential" was, that warehousing and road haulage are in neither annex; a courier reading
/// it finds its own case named as right; small firms and providers of digital services are
/// not told (twenty-sixth review).
#[test]
fn logistics_answering_nis2_important_is_told_which_logistics_the_directive_covers() {
    let checks = |size: &str, nis2: &str, cloud: &str| {
        checks_joined(&[
            ("org.sector", text("logistics")),
            ("org.size", text(size)),
            ("reg.nis2", text(nis2)),
            ("scope.customers", text("external")),
            ("scope.cloud", Answer::Choices(vec![cloud.to_owned()])),
        ])
    };
    let warehouse = checks("large", "important", "use-saas");
    assert!(
        warehouse.contains("warehousing are in neither annex")
            && warehouse.contains("right for postal and courier services"),
        "{warehouse}"
    );
    assert!(checks("medium", "important", "use-saas").contains("in neither annex"));
    assert!(!checks("small", "important", "use-saas").contains("in neither annex"));
    assert!(!checks("large", "important", "provide-cloud").contains("warehousing are in neither"));
    assert!(!checks("large", "no", "use-saas").contains("in neither annex"));
}

/// Different scopes on a staged route raise the questions they raise when a standard is added
/// to a certificate held, naming the standard certified first (twenty-sixth review).
#[test]
fn different_scopes_on_a_staged_route_are_checked() {
    let checks = |goal: &str, scope: &str| {
        checks_joined(&[
            ("start.iso27001", text("implemented")),
            ("start.iso20000", text("none")),
            ("start.target", text(goal)),
            ("cert.scope", text(scope)),
        ])
    };
    let first = checks("iso27001-first", "different");
    assert!(
        first.contains("You certify ISO/IEC 27001 first and add ISO/IEC 20000-1")
            && first.contains("IAF MD 11"),
        "{first}"
    );
    assert!(checks("iso20000-first", "different")
        .contains("You certify ISO/IEC 20000-1 first and add ISO/IEC 27001"));
    assert!(!checks("iso27001-first", "same").contains("a scope that differs"));
    assert!(checks("integrated", "different")
        .contains("one integrated system, but with different scopes"));
}

/// An ISMS certified for office IT with a wider 20000-1 scope, under NIS2: NIS2's measures
/// cover every system the services depend on, so the check asks whether the ISMS scope must
/// widen (thirty-first review: an energy utility's IT and OT services company).
#[test]
fn different_scopes_under_nis2_ask_whether_the_isms_scope_must_widen() {
    let checks_sized = |nis2: &str, scope: &str, size: &str| {
        checks_joined(&[
            ("org.sector", text("it-services")),
            ("org.size", text(size)),
            ("scope.customers", text("external")),
            ("start.iso27001", text("certified")),
            ("start.iso20000", text("none")),
            ("start.target", text("add-combined")),
            ("cert.scope", text(scope)),
            ("reg.nis2", text(nis2)),
        ])
    };
    let checks = |nis2: &str, scope: &str| checks_sized(nis2, scope, "small");
    let widen = "widen the ISMS scope in the same change";
    assert!(checks("essential", "different").contains(widen));
    assert!(checks("important", "different").contains(widen));
    assert!(!checks("essential", "same").contains(widen));
    assert!(!checks("no", "different").contains(widen));
    // A managed service provider unsure of NIS2 whose size puts it in scope is planned for
    // NIS2 (`facts::nis2_class`), so it is told too; a small one is not.
    assert!(checks_sized("not-sure", "different", "large").contains(widen));
    assert!(!checks_sized("not-sure", "different", "small").contains(widen));
}

/// A processor is bound by GDPR Art. 28 now: with the rows that carry its terms planned after
/// the first phase, a check asks for the processing agreements, staff commitments and
/// sub-processor terms by its end; not when the ISMS holds those controls, nor for a controller
/// only (thirty-seventh review: an IT support firm for medical practices, nothing in place).
#[test]
fn a_processor_is_asked_for_its_article_28_terms_by_the_end_of_the_first_phase() {
    let checks = |gdpr: &str, isms: &str, maturity: &str| {
        checks_joined(&[
            ("org.sector", text("it-services")),
            ("org.size", text("small")),
            ("scope.customers", text("external")),
            ("scope.customer-data", Answer::Bool(true)),
            ("start.iso27001", text(isms)),
            ("start.iso20000", text("none")),
            ("start.target", text("integrated")),
            ("reg.gdpr", text(gdpr)),
            ("maturity.compliance", text(maturity)),
            ("maturity.people", text(maturity)),
            ("maturity.supplier", text(maturity)),
        ])
    };
    let asked = "As a processor you are bound by GDPR Art. 28 from your first customer";
    let nothing = checks("processor", "none", "none");
    assert!(nothing.contains(asked), "{nothing}");
    assert!(nothing.contains("Confidentiality agreements"));
    assert!(checks("both", "none", "informal").contains(asked));
    // A controller only has no Art. 28 terms of its own to meet.
    assert!(!checks("controller", "none", "none").contains(asked));
    // A certified ISMS with those practices written down holds the controls.
    assert!(!checks("processor", "certified", "documented_one").contains(asked));
}

/// An IT department serving its own organisation counts its own people, which set the effort;
/// NIS2's size checks then say that the whole enterprise's size decides (thirty-seventh review:
/// a utility's IT department of 120 was told an essential utility was probably important).
#[test]
fn a_department_is_told_that_nis2_weighs_the_whole_enterprise() {
    let checks = |customers: &str, size: &str| {
        checks_joined(&[
            ("org.sector", text("energy")),
            ("org.size", text(size)),
            ("scope.customers", text(customers)),
            ("scope.internal-customers", Answer::Bool(true)),
            ("reg.nis2", text("essential")),
        ])
    };
    let note = "NIS2 weighs the size of the whole enterprise";
    let department = checks("internal", "medium");
    assert!(department.contains(note), "{department}");
    // It says so instead of doubting the class by the department's size.
    assert!(!department.contains("with 50 to 249 staff"), "{department}");
    assert!(checks("internal", "small").contains(note));
    // A company serving customers of its own is the enterprise NIS2 weighs.
    let company = checks("external", "medium");
    assert!(company.contains("with 50 to 249 staff") && !company.contains(note));
}

/// An IT department serving its own organisation reads A.6.6, A.8.10, A.5.17 and A.8.3 for its
/// departments, not for customers under contract (thirty-seventh review: a utility's IT
/// department read "customers expect their data removed when a contract ends").
#[test]
fn a_department_serving_its_own_organisation_reads_its_controls_for_its_departments() {
    let build = |customers: &str, own: bool| {
        build_with(
            &[
                ("scope.customers", text(customers)),
                ("scope.internal-customers", Answer::Bool(own)),
                ("scope.customer-data", Answer::Bool(true)),
            ],
            |_| {},
        )
    };
    let department = build("internal", true);
    let a_6_6 = &soa_entry(&department, "A.6.6").reason;
    assert!(
        a_6_6.contains("your own staff, contractors and suppliers"),
        "{a_6_6}"
    );
    assert!(!a_6_6.contains("many contracts demand it"));
    assert!(soa_entry(&department, "A.8.10")
        .reason
        .contains("retention periods that law and your policies set"));
    assert!(!soa_entry(&department, "A.8.10")
        .reason
        .contains("when a contract ends"));
    // Group companies are customers under agreements, and a provider's customers are too.
    for others in [build("internal", false), build("external", false)] {
        let a_6_6 = &soa_entry(&others, "A.6.6").reason;
        assert!(a_6_6.contains("many contracts demand it"), "{a_6_6}");
    }
}

/// A NIS2 entity whose networks reach control systems is asked where they sit in the ISMS
/// scope, also with one scope for both standards, which raises no scope check otherwise; an IT
/// department's scope often stops at the interfaces (thirty-seventh review: a utility's internal
/// IT, certified to 20000-1, adding 27001).
#[test]
fn control_systems_under_nis2_ask_whether_the_isms_scope_takes_them_in() {
    let checks = |nis2: &str, control_systems: &str, scope: &str| {
        checks_joined(&[
            ("org.sector", text("energy")),
            ("org.size", text("medium")),
            ("scope.customers", text("internal")),
            ("scope.network", Answer::Bool(true)),
            (
                "scope.control-systems",
                Answer::Bool(control_systems == "yes"),
            ),
            ("start.iso27001", text("none")),
            ("start.iso20000", text("certified")),
            ("start.target", text("add-combined")),
            ("cert.scope", text(scope)),
            ("reg.nis2", text(nis2)),
        ])
    };
    let asked = "Say in the ISMS scope whether they are inside it";
    assert!(checks("essential", "yes", "same").contains(asked));
    assert!(checks("important", "yes", "undecided").contains(asked));
    // No control systems, or no NIS2: nothing to place.
    assert!(!checks("essential", "no", "same").contains(asked));
    assert!(!checks("no", "yes", "same").contains(asked));
    // A provider that runs a customer's control systems does not certify the customer's sites:
    // its own check (`operational-technology-answered`) speaks to it.
    let provider = checks_joined(&[
        ("org.sector", text("it-services")),
        ("org.size", text("medium")),
        ("scope.customers", text("external")),
        ("scope.network", Answer::Bool(true)),
        ("scope.control-systems", Answer::Bool(true)),
        ("reg.nis2", text("important")),
    ]);
    assert!(!provider.contains(asked), "{provider}");
    assert!(provider.contains("IEC 62443-2-4"));
    // Different scopes have their own check, which already names operational technology.
    let different = checks("essential", "yes", "different");
    assert!(!different.contains(asked));
    assert!(different.contains("widen the ISMS scope in the same change"));
}

/// An ISMS in place (not certified) going first, its internal audit and management review
/// written down: those rows go to the second stage, and the check says the first audit's are
/// the running system's, not that the plan dates them for it (twenty-sixth review).
#[test]
fn the_system_certified_first_runs_its_own_audit_and_review_before_its_audit() {
    let staged = |isms: &str| {
        build_with(
            &[
                ("start.iso27001", text(isms)),
                ("start.iso20000", text("none")),
                ("start.target", text("iso27001-first")),
                ("maturity.internal-audit", text("documented_one")),
                ("maturity.management-review", text("documented_one")),
            ],
            |_| {},
        )
    };
    let says = |m: &Matrix, what: &str| m.warnings.iter().any(|w| w.text.contains(what));
    let running = staged("implemented");
    assert!(row(&running, "common.internal-audit").second_stage);
    assert!(
        says(
            &running,
            "Your ISO/IEC 27001 system's internal audit and management review"
        ) && says(&running, "extended to cover ISO/IEC 20000-1"),
        "{:?}",
        running.warnings
    );
    assert!(!says(
        &running,
        "the plan dates those rows for the first audit"
    ));
    // Still being built, the ISMS has them in the first stage, and the check is the first one.
    let building = staged("in-progress");
    assert!(!row(&building, "common.internal-audit").second_stage);
    assert!(says(
        &building,
        "the plan dates those rows for the first audit"
    ));
    assert!(!says(&building, "written down and running"));
}

/// A maker's own-brand products developed for it by another company: outsourced development
/// applies although it develops nothing itself, its question is asked, and a question the
/// answers hide is never counted as unanswered (twenty-sixth review).
#[test]
fn products_made_for_you_bring_outsourced_development_and_its_question() {
    let reseller = build_with(
        &[
            ("scope.development", text("none")),
            ("reg.products", Answer::Bool(true)),
        ],
        |_| {},
    );
    let outsourced = soa_entry(&reseller, "A.8.30");
    assert!(outsourced.applicable, "{}", outsourced.reason);
    assert!(
        outsourced
            .reason
            .contains("developed for you by their maker"),
        "{}",
        outsourced.reason
    );
    let q = questionnaire::builtin();
    let development = q.question("maturity.development").expect("the question");
    let shown = |development_answer: &str, products: bool| {
        let mut a = Assessment::new("2026-11-27T00:00:00Z");
        a.answers
            .insert("scope.development".into(), text(development_answer));
        a.answers
            .insert("reg.products".into(), Answer::Bool(products));
        q.is_visible(development, &a.answers)
    };
    assert!(shown("none", true) && shown("in-house", false) && !shown("none", false));
    // Every other maturity question answered: development, hidden, is not counted as open.
    let all_but_development: Vec<(String, Answer)> = q
        .questions()
        .filter(|question| matches!(question.kind, QuestionKind::Maturity { .. }))
        .filter(|question| question.id != "maturity.development")
        .map(|question| (question.id.clone(), text("documented_one")))
        .collect();
    let checks = |development_answer: &str| {
        let mut answers: Vec<(&str, Answer)> = all_but_development
            .iter()
            .map(|(id, answer)| (id.as_str(), answer.clone()))
            .collect();
        answers.push(("scope.development", text(development_answer)));
        answers.push(("reg.products", Answer::Bool(true)));
        checks_joined(&answers)
    };
    // Asked of a maker, the question counts when left open, as any asked question does.
    assert!(checks("none").contains("1 of the"));
    assert!(checks("in-house").contains("1 of the"));
}

/// Industrial control systems as answered: an energy supplier running no grid or plant says
/// no, and its SoA no longer says its network reaches plants; a warehouse operator with
/// conveyors says yes and gets the raise; left open, energy and manufacturing keep the
/// reading of their sector (twenty-seventh review).
#[test]
fn industrial_control_systems_are_read_as_answered() {
    let build = |sector: &str, control: Option<bool>| {
        let mut answers = vec![
            ("org.sector", text(sector)),
            ("scope.network", Answer::Bool(true)),
        ];
        if let Some(yes) = control {
            answers.push(("scope.control-systems", Answer::Bool(yes)));
        }
        build_with(&answers, |_| {})
    };
    let says_ot = |m: &Matrix| {
        soa_entry(m, "A.8.22")
            .reason
            .contains("your network reaches industrial control systems")
    };
    assert!(says_ot(&build("energy", None)));
    assert!(says_ot(&build("energy", Some(true))));
    let supplier = build("energy", Some(false));
    assert!(!says_ot(&supplier));
    assert!(!supplier
        .warnings
        .iter()
        .any(|w| w.text.contains("IEC 62443")));
    assert!(!says_ot(&build("logistics", None)));
    assert!(says_ot(&build("logistics", Some(true))));
    assert!(says_ot(&build("manufacturing", None)));
    // Asked of everyone who runs networks: a utility's IT company, in IT services, runs the
    // grid's (thirty-first review); left open, other sectors are not taken to reach them.
    let utility_it = build("it-services", Some(true));
    assert!(says_ot(&utility_it));
    assert!(utility_it
        .warnings
        .iter()
        .any(|w| w.text.contains("IEC 62443-2-4") && w.subject.as_deref() == Some("A.8.22")));
    assert!(!says_ot(&build("it-services", None)));
    assert!(!says_ot(&build("retail", None)));
}

/// Connected medical devices as answered: a software maker for health care says no, and its
/// SoA no longer says its network carries them; a provider running a hospital's network says
/// yes and gets the raise; left open, health care keeps the reading of its sector
/// (thirty-first review).
#[test]
fn connected_medical_devices_are_read_as_answered() {
    let build = |sector: &str, devices: Option<bool>| {
        let mut answers = vec![
            ("org.sector", text(sector)),
            ("scope.network", Answer::Bool(true)),
        ];
        if let Some(yes) = devices {
            answers.push(("scope.medical-devices", Answer::Bool(yes)));
        }
        build_with(&answers, |_| {})
    };
    let says_devices = |m: &Matrix| {
        soa_entry(m, "A.8.22")
            .reason
            .contains("your network carries connected medical devices")
    };
    assert!(says_devices(&build("health", None)));
    let software_maker = build("health", Some(false));
    assert!(!says_devices(&software_maker));
    assert!(!software_maker
        .warnings
        .iter()
        .any(|w| w.text.contains("IEC 80001-1")));
    let hospital_it = build("it-services", Some(true));
    assert!(says_devices(&hospital_it));
    assert!(hospital_it.warnings.iter().any(|w| w
        .text
        .starts_with("You told us your networks carry connected medical devices")));
    assert!(!says_devices(&build("it-services", None)));
}

/// A provider of trust services without a qualified status has the eIDAS Regulation's Art.
/// 19a duties: risk measures and a 24-hour notice (twenty-seventh review).
#[test]
fn trust_services_not_qualified_bring_eidas_article_19a() {
    let trust = build_with(
        &[("reg.trust-dns", Answer::Choices(vec!["trust".into()]))],
        |_| {},
    );
    let notice = soa_entry(&trust, "A.5.5");
    assert!(
        notice
            .obligations
            .iter()
            .any(|o| o.contains("trust service provider, not qualified")),
        "{:?}",
        notice.obligations
    );
    assert!(
        notice.reason.contains("Art. 19a(1)(b)"),
        "{}",
        notice.reason
    );
    let qualified = build_with(
        &[(
            "reg.trust-dns",
            Answer::Choices(vec!["qualified-trust".into()]),
        )],
        |_| {},
    );
    assert!(!soa_entry(&qualified, "A.5.5")
        .obligations
        .iter()
        .any(|o| o.contains("not qualified")));
}

/// A small public body in IT services unsure of NIS2 (a shared service centre of authorities)
/// is told of the public administration route, which goes by level of government, not size;
/// a small private provider is not (twenty-ninth review).
#[test]
fn a_small_public_body_unsure_of_nis2_is_told_of_the_public_administration_route() {
    let checks = |public_body: bool| {
        checks_joined(&[
            ("org.sector", text("it-services")),
            ("org.size", text("small")),
            ("org.public-body", Answer::Bool(public_body)),
            ("reg.nis2", text("not-sure")),
        ])
    };
    let public = checks(true);
    assert!(
        public.contains("Annex I, 9")
            && public.contains("Art. 2(2)(f)")
            && public.contains("Art. 6(35)"),
        "{public}"
    );
    let private = checks(false);
    assert!(
        private.contains("Annex I, 9") && !private.contains("Art. 2(2)(f)"),
        "{private}"
    );
}

/// A data centre whose customers keep card systems in its racks meets PCI DSS's physical
/// requirements for them and supports their supplier checks, not the whole standard: the
/// systems and the card data are the customers' (twenty-ninth review). Asked only of a prospect
/// with a data centre of its own.
#[test]
fn a_data_centre_housing_customers_card_systems_meets_pci_dss_physical_requirements() {
    let with = |premises: &str, housed: bool| {
        build_with(
            &[
                ("org.sector", text("it-services")),
                ("scope.customers", text("external")),
                (
                    "scope.premises",
                    Answer::Choices(vec!["offices".into(), premises.into()]),
                ),
                ("reg.pci", Answer::Bool(false)),
                ("reg.pci-hosting", Answer::Bool(housed)),
            ],
            |_| {},
        )
    };
    let names_pci = |m: &Matrix, control: &str| {
        soa_entry(m, control)
            .obligations
            .iter()
            .any(|o| o.contains("PCI DSS"))
    };
    let colocation = with("data-centre", true);
    for control in ["A.5.20", "A.5.31", "A.7.1", "A.7.2", "A.7.4"] {
        assert!(names_pci(&colocation, control), "{control}");
    }
    assert!(soa_entry(&colocation, "A.7.2")
        .reason
        .contains("Req. 9.3.1-9.3.4"));
    for tenants in ["A.8.24", "A.8.7", "A.8.16", "A.8.20"] {
        assert!(!names_pci(&colocation, tenants), "{tenants}");
    }
    assert!(!names_pci(&with("data-centre", false), "A.7.2"));
    // Without a data centre the question is not asked, and an answer kept is not read.
    assert!(!names_pci(&with("colocation", true), "A.7.2"));
}

/// Stage 1 reviews the objectives (ISO/IEC 17021-1, 9.3.1.2.2 c), and a 20000-1 auditor the SMS
/// plan (20000-1 6.3): both are on the critical path of the audits that check them, ahead of
/// the controls; the SMS plan is not on the path to an ISO/IEC 27001 audit (twenty-ninth
/// review).
#[test]
fn objectives_and_the_sms_plan_are_on_the_critical_path() {
    let plan = |target: &str| {
        build_with(
            &[
                ("start.iso27001", text("none")),
                ("start.iso20000", text("none")),
                ("start.target", text(target)),
            ],
            |_| {},
        )
    };
    let integrated = plan("integrated");
    for id in [
        "common.objectives",
        "common.objectives-planning",
        "common.change-planning",
    ] {
        let r = row(&integrated, id);
        assert!(r.critical, "{id}");
        assert_eq!(r.priority, matrix::Priority::High, "{id}");
    }
    let first_27001 = plan("iso27001-first");
    assert!(row(&first_27001, "common.objectives").critical);
    assert!(!row(&first_27001, "common.change-planning").critical);
}

/// Internal customers all part of the organisation, one legal entity: a university's central
/// IT with an internal research cloud is not its university's processor, and no contract
/// underlies its services. Other companies of a group are separate legal entities: the IT
/// company serving them is asked about the processor role, and its intra-group agreements are
/// contracts (thirty-first review).
#[test]
fn internal_customers_read_as_one_organisation_or_a_group() {
    let build = |own: Option<bool>| {
        let mut answers = vec![
            ("scope.customers", text("internal")),
            ("scope.customer-data", Answer::Bool(true)),
            ("scope.cloud", Answer::Choices(vec!["provide-cloud".into()])),
            ("reg.gdpr", text("controller")),
        ];
        if let Some(own) = own {
            answers.push(("scope.internal-customers", Answer::Bool(own)));
        }
        build_with(&answers, |_| {})
    };
    let processor_check = |m: &Matrix| {
        m.warnings
            .iter()
            .any(|w| w.text.contains("you are their processor for it"))
    };
    let university = build(Some(true));
    assert!(!processor_check(&university));
    assert_eq!(
        soa_entry(&university, "A.8.14").basis,
        Some(ims_matrix::advice::Basis::Risk)
    );
    let group_it = build(Some(false));
    assert!(processor_check(&group_it));
    assert_eq!(
        soa_entry(&group_it, "A.8.14").basis,
        Some(ims_matrix::advice::Basis::Contractual)
    );
    // Left open, as before the question: the cloud provided raises the check.
    assert!(processor_check(&build(None)));
}

/// A processor helps its customers with their impact assessments (GDPR Art. 28(3)(f)), which
/// projects that change the processing plan for: A.5.8 names it (thirty-first review: a health
/// care software provider had only the controller's impact assessments there).
#[test]
fn a_processor_plans_help_with_its_customers_impact_assessments() {
    let processor = build_with(&[("reg.gdpr", text("processor"))], |_| {});
    let entry = soa_entry(&processor, "A.5.8");
    assert!(entry.reason.contains("Art. 28(3)(f)"), "{}", entry.reason);
    assert_eq!(entry.basis, Some(ims_matrix::advice::Basis::Legal));
    let controller = build_with(&[("reg.gdpr", text("controller"))], |_| {});
    assert!(!soa_entry(&controller, "A.5.8").reason.contains("28(3)(f)"));
}

/// An IT company serving other companies of its group is a managed service provider to them:
/// NIS2 has no exception within a group (Art. 6(39)), so the provider's NIS2 reading holds; a
/// department serving its own organisation is not one (thirty-second review).
#[test]
fn an_it_company_serving_its_group_is_read_as_a_managed_service_provider() {
    let build = |own: bool| {
        build_with(
            &[
                ("org.sector", text("it-services")),
                ("org.size", text("large")),
                ("scope.customers", text("internal")),
                ("scope.internal-customers", Answer::Bool(own)),
                ("reg.nis2", text("important")),
            ],
            |_| {},
        )
    };
    // The Implementing Regulation's measures, which it sets for managed service providers.
    let regulated = |m: &Matrix| soa_entry(m, "A.8.9").reason.contains("2024/2690");
    assert!(regulated(&build(false)));
    assert!(!regulated(&build(true)));
}

/// An SMS in place with information security risk management not in place at all: 20000-1
/// 8.7.3.2 asks for it, so the answer or the certificate is in doubt (thirty-second review).
/// Done but not written down, the results are still due as documented information, which the
/// SMS's next audit samples (thirty-third review: a certified payroll provider got no word).
#[test]
fn an_sms_without_written_security_risk_management_is_checked() {
    let checks = |risk: &str| {
        checks_joined(&[
            ("start.iso20000", text("certified")),
            ("maturity.infosec-risk", text(risk)),
        ])
    };
    let absent = "information security risk management is not in place";
    let unwritten = "information security risk management is done but not written down";
    assert!(checks("not_in_place").contains(absent));
    assert!(!checks("not_in_place").contains(unwritten));
    assert!(checks("informal").contains(unwritten));
    assert!(!checks("informal").contains(absent));
    assert!(!checks("documented").contains(unwritten));
    // Without an SMS, an unwritten risk assessment is where most start.
    let no_sms = checks_joined(&[
        ("start.iso20000", text("none")),
        ("maturity.infosec-risk", text("informal")),
    ]);
    assert!(!no_sms.contains(unwritten));
}

/// With both GDPR roles, sensitive data that are all the customers' carry the processor's
/// duties on them, not the controller's: no impact assessment or children's information of its
/// own on A.5.8 and A.5.34, the help with the customers' assessments instead (thirty-first and
/// thirty-second reviews: a health care software provider and a municipal IT provider).
#[test]
fn sensitive_data_held_for_customers_carry_no_controller_duties() {
    let build = |customers_only: Option<bool>| {
        let mut answers = vec![
            ("reg.gdpr", text("both")),
            ("reg.special-data", Answer::Bool(true)),
            ("reg.special-data-core", Answer::Bool(true)),
            ("reg.vulnerable-subjects", Answer::Bool(true)),
        ];
        if let Some(yes) = customers_only {
            answers.push(("reg.sensitive-for-whom", Answer::Bool(yes)));
        }
        build_with(&answers, |_| {})
    };
    let for_customers = build(Some(true));
    let a_5_8 = &soa_entry(&for_customers, "A.5.8").reason;
    assert!(!a_5_8.contains("Art. 35(3)(b)"), "{a_5_8}");
    assert!(a_5_8.contains("Art. 28(3)(f)"), "{a_5_8}");
    // The children's information is the controller's; the condition of Art. 9(2) stays, for the
    // organisation's own staff's records, which the question sets apart (thirty-third review:
    // a payroll provider lost it for its staff's sick notes).
    let a_5_34 = &soa_entry(&for_customers, "A.5.34").reason;
    assert!(!a_5_34.contains("Art. 8, 12(1)"), "{a_5_34}");
    assert!(a_5_34.contains("Art. 9(2)"), "{a_5_34}");
    for own in [Some(false), None] {
        let m = build(own);
        assert!(soa_entry(&m, "A.5.8").reason.contains("Art. 35(3)(b)"));
        assert!(soa_entry(&m, "A.5.34").reason.contains("Art. 9(2)"));
    }
}

/// A platform serving its merchants' payment pages, the card details taken by a payment
/// provider: no card data of its own, but PCI DSS reaches it as their service provider, for the
/// pages (thirty-second review: a shop-software provider for 300 merchants got nothing on it).
#[test]
fn payment_pages_served_for_merchants_bring_their_pci_dss_duties() {
    let build = |pages: bool| {
        build_with(
            &[
                ("scope.customers", text("external")),
                ("scope.internet-facing", Answer::Bool(true)),
                ("reg.pci", Answer::Bool(false)),
                ("reg.pci-pages", Answer::Bool(pages)),
            ],
            |_| {},
        )
    };
    let platform = build(true);
    assert!(soa_entry(&platform, "A.8.16")
        .reason
        .contains("Req. 11.6.1"));
    assert!(soa_entry(&platform, "A.8.26").reason.contains("Req. 6.4.3"));
    assert!(soa_entry(&platform, "A.5.20").reason.contains("12.9.1"));
    // Not the card data environment's own duties, which stay with the payment provider.
    assert!(!soa_entry(&platform, "A.8.24").reason.contains("PCI DSS"));
    let other = build(false);
    assert!(!soa_entry(&other, "A.8.16").reason.contains("PCI DSS"));
}

/// A provider whose customers manage their own card systems on its shared servers: PCI DSS
/// Appendix A1 reaches it as a multi-tenant service provider, for keeping them apart, not the
/// card data environment's own duties (thirty-third review: a VPS host had no way into PCI DSS).
#[test]
fn card_systems_on_shared_servers_bring_the_multi_tenant_duties() {
    let build = |tenants: Option<bool>| {
        let mut answers = vec![
            ("scope.cloud", multi(&["provide-cloud"])),
            ("scope.premises", multi(&["offices", "colocation"])),
            ("reg.pci", Answer::Bool(false)),
        ];
        if let Some(yes) = tenants {
            answers.push(("reg.pci-tenants", Answer::Bool(yes)));
        }
        build_with(&answers, |_| {})
    };
    let host = build(Some(true));
    let reason = |m: &Matrix, r: &str| soa_entry(m, r).reason.clone();
    assert!(reason(&host, "A.8.22").contains("Req. A1.1.1"));
    assert!(reason(&host, "A.8.3").contains("Req. A1.1.2, A1.1.3"));
    assert!(reason(&host, "A.8.8").contains("Req. A1.1.4"));
    assert!(reason(&host, "A.5.28").contains("Req. A1.2.2"));
    assert_eq!(
        soa_entry(&host, "A.8.22").basis,
        Some(ims_matrix::advice::Basis::Contractual)
    );
    // Evidence rests on law by its nature: a contract naming it too does not change that, and
    // the SoA names that law (the thirty-third review's check).
    assert!(
        reason(&host, "A.5.28").contains("Legal basis:"),
        "{}",
        reason(&host, "A.5.28")
    );
    assert_eq!(
        soa_entry(&host, "A.5.28").basis,
        Some(ims_matrix::advice::Basis::Legal)
    );
    assert!(!reason(&host, "A.8.24").contains("PCI DSS"));
    for other in [Some(false), None] {
        assert!(!reason(&build(other), "A.8.22").contains("PCI DSS"));
    }
}

/// The consoles of a cloud platform reach every customer's systems, whether or not its staff
/// sign in to them (thirty-third review: a VPS host had A.8.18 at low priority).
#[test]
fn a_cloud_provider_raises_privileged_utilities_and_segregation_of_duties() {
    let build = |cloud: &[&str]| {
        build_with(
            &[
                ("scope.cloud", multi(cloud)),
                ("scope.customer-access", text("none")),
            ],
            |_| {},
        )
    };
    let raised = |m: &Matrix, r: &str| {
        soa_entry(m, r)
            .reason
            .contains("you provide cloud services")
    };
    let provider = build(&["provide-cloud"]);
    assert!(raised(&provider, "A.8.18"));
    assert!(raised(&provider, "A.5.3"));
    assert!(!raised(&build(&["use-saas"]), "A.8.18"));
}

/// A small cloud provider unsure of NIS2 is told its sector is cloud computing (Annex I, 8),
/// not managed services (thirty-third review: an IaaS host was called a managed service
/// provider).
#[test]
fn a_small_cloud_provider_unsure_of_nis2_is_named_as_one() {
    let checks = |cloud: &[&str]| {
        checks_joined(&[
            ("org.sector", text("it-services")),
            ("org.size", text("small")),
            ("scope.cloud", multi(cloud)),
            ("reg.nis2", text("not-sure")),
        ])
    };
    let cloud = checks(&["provide-cloud"]);
    assert!(cloud.contains("(Annex I, 8)"), "{cloud}");
    assert!(cloud.contains("as a cloud computing service provider"));
    assert!(!cloud.contains("(Annex I, 9)"));
    let managed = checks(&["use-saas"]);
    assert!(managed.contains("(Annex I, 9)"), "{managed}");
    // A cloud provider that also administers customers' systems (a backup and recovery
    // provider's agents) is named as both (thirty-fifth review).
    let both = checks_joined(&[
        ("org.sector", text("it-services")),
        ("org.size", text("small")),
        ("scope.cloud", multi(&["provide-cloud"])),
        ("scope.customer-access", text("privileged")),
        ("reg.nis2", text("not-sure")),
    ]);
    assert!(both.contains("(Annex I, 8)"), "{both}");
    assert!(both.contains("(Annex I, 9; Art. 6(39))"), "{both}");
}

/// A processor tests with its customers' personal data only on their instructions, whoever
/// develops: otherwise it becomes their controller for that processing, and a development
/// partner that tests with them is its sub-processor (thirty-third review: a payroll provider
/// had A.8.33 on risk alone; its check: the line had gone with outsourced development).
#[test]
fn a_processor_tests_with_customer_data_only_on_instruction() {
    let build = |role: &str, development: &str| {
        build_with(
            &[
                ("reg.gdpr", text(role)),
                ("scope.development", text(development)),
            ],
            |_| {},
        )
    };
    for development in ["in-house", "outsourced", "none"] {
        let entry = soa_entry(&build("processor", development), "A.8.33").clone();
        assert!(
            entry.reason.contains("Art. 28(2), (3)(a), (4), (10), 29"),
            "{}",
            entry.reason
        );
        assert_eq!(entry.basis, Some(ims_matrix::advice::Basis::Legal));
    }
    assert!(!soa_entry(&build("controller", "in-house"), "A.8.33")
        .reason
        .contains("28(10)"));
}

/// A provider of cloud services to customers carries the Data Act's switching rules; a
/// department whose customers are all units of its own organisation has no one to switch
/// (thirty-third review: a VPS host and a payroll SaaS had nothing on them).
#[test]
fn a_cloud_provider_carries_the_data_act_switching_rules() {
    let build = |cloud: &[&str], customers: &str, own: Option<bool>| {
        let mut answers = vec![
            ("scope.cloud", multi(cloud)),
            ("scope.customers", text(customers)),
        ];
        if let Some(own) = own {
            answers.push(("scope.internal-customers", Answer::Bool(own)));
        }
        build_with(&answers, |_| {})
    };
    let switching = |m: &Matrix| {
        m.obligations
            .iter()
            .any(|o| o.id == ims_matrix::advice::ObligationId::DataActCloud)
    };
    let provider = build(&["provide-cloud"], "external", None);
    assert!(switching(&provider));
    let a_8_10 = &soa_entry(&provider, "A.8.10").reason;
    // Erased only once the retrieval period after the transitional period has passed and the
    // switch has succeeded (Art. 25(2)(g), (h); the thirty-third review's check).
    assert!(
        a_8_10.contains("at least 30 days after the transitional period"),
        "{a_8_10}"
    );
    assert!(a_8_10.contains("has passed and the switch has succeeded"));
    assert!(soa_entry(&provider, "A.5.31")
        .reason
        .contains("no switching charges from 12 January 2027"));
    assert!(switching(&build(
        &["provide-cloud"],
        "internal",
        Some(false)
    )));
    assert!(!switching(&build(
        &["provide-cloud"],
        "internal",
        Some(true)
    )));
    assert!(!switching(&build(&["use-saas"], "external", None)));
}

/// Code written into customers' own systems is developed and tested in their landscapes, under
/// their rules (thirty-third review: an SAP application management provider's SoA spoke of the
/// environments and test data as its own).
#[test]
fn code_written_into_customers_systems_follows_their_landscapes() {
    let build = |for_customers: Option<bool>| {
        let mut answers = vec![("scope.development", text("in-house"))];
        if let Some(yes) = for_customers {
            answers.push(("scope.development-for-customers", Answer::Bool(yes)));
        }
        build_with(&answers, |_| {})
    };
    let landscapes = build(Some(true));
    let a_8_31 = &soa_entry(&landscapes, "A.8.31").reason;
    assert!(
        a_8_31.contains("transport and approval procedure"),
        "{a_8_31}"
    );
    assert!(soa_entry(&landscapes, "A.8.33")
        .reason
        .contains("only as that customer instructs"));
    // The rest of secure development stays as for any developer.
    assert!(soa_entry(&landscapes, "A.8.25")
        .reason
        .contains("You told us you develop software yourselves"));
    for other in [Some(false), None] {
        let own = build(other);
        assert!(!soa_entry(&own, "A.8.31").reason.contains("transport"));
    }
}

/// A cloud provider's segregation is first of all between its customers (thirty-third review: a
/// VPS host's SoA described an office network).
#[test]
fn a_cloud_providers_segregation_keeps_customers_apart() {
    let build = |cloud: &[&str]| {
        build_with(
            &[
                ("scope.cloud", multi(cloud)),
                ("scope.network", Answer::Bool(true)),
            ],
            |_| {},
        )
    };
    let provider = soa_entry(&build(&["provide-cloud"]), "A.8.22")
        .reason
        .clone();
    assert!(
        provider.contains("each customer's systems and data kept apart"),
        "{provider}"
    );
    let user = soa_entry(&build(&["use-iaas"]), "A.8.22").reason.clone();
    assert!(!user.contains("each customer's systems"), "{user}");
    assert!(
        user.contains("You told us you run your own networks"),
        "{user}"
    );
}

/// The Data Act's switching rules apply now and its charge ban comes on a fixed day, whatever
/// the audit date: a check says so (the thirty-third review's check).
#[test]
fn the_data_acts_dates_are_checked_whatever_the_audit_date() {
    let checks = |cloud: &[&str]| {
        checks_joined(&[
            ("scope.cloud", multi(cloud)),
            ("scope.customers", text("external")),
        ])
    };
    let provider = checks(&["provide-cloud"]);
    assert!(
        provider.contains("switching charges are banned from 12 January 2027"),
        "{provider}"
    );
    assert!(!checks(&["use-saas"]).contains("12 January 2027"));
    // From the ban's day, an assessment is told the charges are banned, not that they will be.
    let later = build_with(
        &[
            ("scope.cloud", multi(&["provide-cloud"])),
            ("scope.customers", text("external")),
        ],
        |a| a.created = "2027-02-15T09:00:00Z".into(),
    );
    let said: Vec<&str> = later.warnings.iter().map(|w| w.text.as_str()).collect();
    let said = said.join(" ");
    assert!(
        said.contains("switching charges have been banned since 12 January 2027"),
        "{said}"
    );
    assert!(!said.contains("before 12 January 2027"), "{said}");
}

/// A large managed service provider unsure of NIS2 is told to count its group in its size and
/// of the registry it belongs in (thirty-fourth review: a 300-person group IT provider).
#[test]
fn an_unsure_managed_service_provider_hears_of_its_group_and_the_registry() {
    let checks = checks_joined(&[
        ("org.sector", text("it-services")),
        ("org.size", text("large")),
        ("scope.customers", text("external")),
        ("reg.nis2", text("not-sure")),
    ]);
    assert!(
        checks.contains("linked and partner enterprises"),
        "{checks}"
    );
    assert!(checks.contains("registry of Art. 27"));
}

/// A cloud or managed service provider of 50 people or more that is not sure of NIS2 is in its
/// scope by what it does: the plan counts the class its size gives until it confirms one
/// (thirty-fourth review: a 300-person group IT provider had no NIS2 in its plan beside a check
/// calling it an essential entity). Answered no, the plan counts none.
#[test]
fn an_unsure_provider_in_scope_by_what_it_does_is_planned_for_nis2() {
    use ims_matrix::advice::ObligationId as O;
    let build = |size: &str, nis2: &str| {
        build_with(
            &[
                ("org.sector", text("it-services")),
                ("org.size", text(size)),
                ("scope.customers", text("external")),
                ("reg.nis2", text(nis2)),
            ],
            |_| {},
        )
    };
    let classes = |m: &Matrix| -> Vec<O> {
        m.obligations
            .iter()
            .map(|o| o.id)
            .filter(|id| matches!(id, O::Nis2Essential | O::Nis2Important))
            .collect()
    };
    let large = build("large", "not-sure");
    assert_eq!(classes(&large), vec![O::Nis2Essential]);
    assert!(large.warnings.iter().any(|w| w
        .text
        .contains("the plan counts NIS2's demands for an essential entity")));
    assert!(soa_entry(&large, "A.5.24").reason.contains("NIS2"));
    assert_eq!(
        classes(&build("medium", "not-sure")),
        vec![O::Nis2Important]
    );
    assert!(classes(&build("large", "no")).is_empty());
    assert!(classes(&build("small", "not-sure")).is_empty());
}

/// "More than 12 months" names no length: the plan's 18 months are said, and a date of the
/// prospect's own replaces them (thirty-fourth review: a provider aiming for 15 months).
#[test]
fn more_than_twelve_months_says_what_it_assumed() {
    let assumed = "the plan counts 18 months";
    assert!(checks_joined(&[("start.timeline", text("longer"))]).contains(assumed));
    assert!(!checks_joined(&[("start.timeline", text("12-months"))]).contains(assumed));
    let dated = checks_joined(&[
        ("start.timeline", text("longer")),
        ("cert.audit-date", text("2028-03-01")),
    ]);
    assert!(!dated.contains(assumed), "{dated}");
}

/// Other companies of a group are served under agreements as external customers are: the
/// agreements' rows are raised alike (thirty-fourth review: a group IT provider's read medium).
#[test]
fn group_companies_raise_the_agreements_rows() {
    let build = |own: bool| {
        build_with(
            &[
                ("scope.customers", text("internal")),
                ("scope.internal-customers", Answer::Bool(own)),
            ],
            |_| {},
        )
    };
    let raised = |m: &Matrix, id: &str| {
        row(m, id)
            .priority_reasons
            .iter()
            .any(|r| r.contains("other companies of your group"))
    };
    let group = build(false);
    assert!(raised(&group, "sms.business-relationship"));
    assert!(raised(&group, "sms.relationship-agreement"));
    assert!(!raised(&build(true), "sms.business-relationship"));
}

/// Customers' paper records are storage media too, and their rooms, carriage, archives and the
/// firms that carry or destroy them are named (thirty-fourth review: a scanning, mailroom and
/// archiving provider's SoA spoke of devices only).
#[test]
fn customers_paper_records_are_planned_for() {
    let build = |paper: bool| with_customer_data("scope.paper-records", paper);
    let paper = build(true);
    let a_7_10 = &soa_entry(&paper, "A.7.10").reason;
    assert!(
        a_7_10.contains("Storage media here include paper"),
        "{a_7_10}"
    );
    assert!(soa_entry(&paper, "A.5.33")
        .reason
        .contains("paper documents or other physical records"));
    assert!(paper
        .warnings
        .iter()
        .any(|w| w.text.contains("couriers and destruction firms")));
    let none = build(false);
    assert!(!soa_entry(&none, "A.7.10").reason.contains("paper"));
    assert!(!none
        .warnings
        .iter()
        .any(|w| w.text.contains("destruction firms")));
}

/// Backup and recovery sold as a service: A.8.13 and A.5.30 are worded for it, the fact raises
/// the backup console's protection, and a check names the SMS's side (thirty-fifth review: a
/// backup and disaster recovery provider read generic texts about its own housekeeping).
#[test]
fn backup_sold_as_a_service_is_planned_as_the_service() {
    let build = |backup: bool| with_customer_data("scope.backup-service", backup);
    let provider = build(true);
    let a_8_13 = &soa_entry(&provider, "A.8.13").reason;
    assert!(
        a_8_13.contains("Here backup is the service itself"),
        "{a_8_13}"
    );
    assert!(a_8_13.contains("immutable or offline"), "{a_8_13}");
    assert!(soa_entry(&provider, "A.5.30")
        .reason
        .contains("each customer's agreed recovery time"));
    assert!(soa_entry(&provider, "A.8.2")
        .reason
        .contains("you back up or recover your customers' data or systems as a service"));
    let checks = |m: &Matrix| {
        m.warnings
            .iter()
            .any(|w| w.text.contains("service levels (ISO/IEC 20000-1 8.3.3)"))
    };
    assert!(checks(&provider));
    let own_only = build(false);
    assert!(!soa_entry(&own_only, "A.8.13")
        .reason
        .contains("Here backup is the service itself"));
    assert!(!checks(&own_only));
}

/// Every date the plan works out falls on a working day: the audit, the second standard's
/// audit and every phase's end (a lead implementer does not book an audit for a Sunday). A
/// date the prospect gave is kept as given.
#[test]
fn the_plan_dates_working_days_and_keeps_a_date_given() {
    use ims_matrix::date::Date;
    let working = |text: &str| Date::parse(text).is_some_and(|d| d.weekday() < 5);
    for day in 1..=14 {
        for timeline in ["3-months", "6-months", "12-months", "longer", "undecided"] {
            for target in ["integrated", "iso27001-first"] {
                let m = build_with(
                    &[
                        ("start.timeline", text(timeline)),
                        ("start.target", text(target)),
                    ],
                    |a| a.created = format!("2026-11-{day:02}T09:00:00Z"),
                );
                let s = m.schedule.as_ref().expect("a schedule");
                let second = s.second.iter().flat_map(|m| {
                    std::iter::once(m.audit.as_str())
                        .chain(m.phases.iter().map(|p| p.ends.as_str()))
                });
                for date in std::iter::once(s.audit.as_str())
                    .chain(s.phases.iter().map(|p| p.ends.as_str()))
                    .chain(second)
                {
                    assert!(working(date), "{day} {timeline} {target}: {date}");
                }
            }
        }
    }
    // Sunday 6 June 2027, given: the prospect's own date stands.
    let given = build_with(&[("cert.audit-date", text("2027-06-06"))], |_| {});
    assert_eq!(given.schedule.as_ref().unwrap().audit, "2027-06-06");
    // Made on a Saturday with the audit given for the Monday after: no phase ends before the
    // assessment's own date.
    let rushed = build_with(&[("cert.audit-date", text("2026-12-07"))], |a| {
        a.created = "2026-12-05T10:00:00Z".to_owned()
    });
    for phase in &rushed.schedule.as_ref().unwrap().phases {
        assert!(phase.ends.as_str() >= "2026-12-05", "{}", phase.ends);
    }
}

/// A provider whose systems hold clinical trial data meets good clinical practice through its
/// sponsors' contracts: the register, 25 years' retention, the audit trail, validation,
/// access as the sponsor authorises and hand-over before deletion, on a contractual basis
/// (thirty-fifth review: an electronic data capture provider's plan knew nothing of GCP).
#[test]
fn clinical_trial_data_bring_good_clinical_practice() {
    use ims_matrix::advice::{Basis, ObligationId as O};
    let build = |trials: bool| {
        build_with(
            &[
                ("reg.gdpr", text("processor")),
                ("reg.special-data", Answer::Bool(true)),
                ("reg.clinical-trials", Answer::Bool(trials)),
                ("scope.development", text("in-house")),
            ],
            |_| {},
        )
    };
    let edc = build(true);
    assert!(edc.obligations.iter().any(|o| o.id == O::GcpClinicalTrials));
    let records = soa_entry(&edc, "A.5.33");
    assert!(
        records.reason.contains("at least 25 years"),
        "{}",
        records.reason
    );
    // Law sets retention periods for records in any case, so A.5.33 keeps its legal basis; a
    // control that only the sponsors' contracts name gets a contractual one.
    assert_eq!(records.basis, Some(Basis::Legal));
    assert_eq!(soa_entry(&edc, "A.8.29").basis, Some(Basis::Contractual));
    assert!(soa_entry(&edc, "A.8.15").reason.contains("21 CFR 11.10(e)"));
    assert!(soa_entry(&edc, "A.8.29")
        .reason
        .contains("validated for its intended use"));
    assert!(soa_entry(&edc, "A.8.10")
        .reason
        .contains("handed to the sponsor"));
    // The processor's deletion at the end of the service keeps the exception for storage
    // that law requires (GDPR Art. 28(3)(g)).
    assert!(soa_entry(&edc, "A.8.10")
        .reason
        .contains("unless Union or Member State law requires you to keep them"));
    let other = build(false);
    assert!(!other
        .obligations
        .iter()
        .any(|o| o.id == O::GcpClinicalTrials));
    assert!(!soa_entry(&other, "A.5.33").reason.contains("25 years"));
}

/// Sensitive data that are only the organisation's own staff's records (sick notes) keep the
/// employer's duties but raise no control for sensitive data handled at large (thirty-eighth
/// review: a shop agency's sick notes raised its classification as if it held health data).
#[test]
fn staff_sick_notes_alone_raise_no_sensitive_data_controls() {
    use ims_matrix::advice::ObligationId as O;
    let build = |staff_only: bool| {
        build_with(
            &[
                ("reg.gdpr", text("both")),
                ("reg.special-data", Answer::Bool(true)),
                ("reg.special-data-staff-only", Answer::Bool(staff_only)),
            ],
            |_| {},
        )
    };
    let raised = "special categories of personal data";
    let agency = build(true);
    assert!(agency
        .obligations
        .iter()
        .any(|o| o.id == O::GdprSpecialCategories));
    for control in ["A.5.12", "A.8.11", "A.8.24"] {
        let reason = &soa_entry(&agency, control).reason;
        assert!(!reason.contains(raised), "{control}: {reason}");
    }
    let clinic_host = build(false);
    assert!(soa_entry(&clinic_host, "A.5.12").reason.contains(raised));
}

/// Personal data seen or reached from outside the EU/EEA bring GDPR Chapter V: the ground in the
/// register, the standard contractual clauses in the contracts, the customers' authorisation,
/// and, with a development partner, what it may reach (thirty-eighth review: a recruiting SaaS
/// vendor's offshore development partner reached CVs and disability data).
#[test]
fn access_from_outside_the_eea_brings_the_transfer_rules() {
    use ims_matrix::advice::{Basis, ObligationId as O};
    let build = |abroad: bool, development: &str| {
        build_with(
            &[
                ("reg.gdpr", text("both")),
                ("scope.development", text(development)),
                ("reg.third-country", Answer::Bool(abroad)),
            ],
            |_| {},
        )
    };
    let offshore = build(true, "both");
    assert!(offshore
        .obligations
        .iter()
        .any(|o| o.id == O::GdprThirdCountry));
    let contracts = soa_entry(&offshore, "A.5.20");
    assert!(
        contracts.reason.contains("standard contractual clauses"),
        "{}",
        contracts.reason
    );
    assert_eq!(contracts.basis, Some(Basis::Legal));
    assert!(soa_entry(&offshore, "A.5.31")
        .reason
        .contains("Decision (EU) 2021/914"));
    assert!(soa_entry(&offshore, "A.8.30")
        .reason
        .contains("no standing access to production"));
    // Without a development partner, A.8.30's link does not hold.
    assert!(!soa_entry(&build(true, "in-house"), "A.8.30")
        .reason
        .contains("no standing access to production"));
    // It binds before the data are reached from abroad: a check says so now.
    let now = "needs its ground before the data are reached from there";
    assert!(offshore
        .warnings
        .iter()
        .any(|w| w.text.contains(now) && w.subject.as_deref() == Some("A.5.20")));
    let at_home = build(false, "both");
    assert!(!at_home
        .obligations
        .iter()
        .any(|o| o.id == O::GdprThirdCountry));
    assert!(!at_home.warnings.iter().any(|w| w.text.contains(now)));
    assert!(!soa_entry(&at_home, "A.5.20")
        .reason
        .contains("standard contractual clauses"));
}

/// A provider whose staff can see the secrets of doctors, lawyers or tax advisers they support
/// is bound by professional secrecy (in Germany § 203 StGB) from the first sight of one: the
/// commitments on A.6.6, the subcontractors on A.5.20, the register on A.5.31, on a legal basis,
/// and a check that they bind now (thirty-seventh review: an IT support firm for medical and
/// dental practices).
#[test]
fn customers_bound_to_professional_secrecy_bind_the_provider_and_its_staff() {
    use ims_matrix::advice::{Basis, ObligationId as O};
    let build = |customers: &str, secrecy: bool| {
        build_with(
            &[
                ("scope.customers", text(customers)),
                ("scope.customer-data", Answer::Bool(false)),
                ("scope.customer-access", text("privileged")),
                ("reg.professional-secrecy", Answer::Bool(secrecy)),
            ],
            |_| {},
        )
    };
    let practices = build("external", true);
    assert!(practices
        .obligations
        .iter()
        .any(|o| o.id == O::ProfessionalSecrecy));
    let commitments = soa_entry(&practices, "A.6.6");
    assert!(
        commitments.reason.contains("§ 203(4) StGB"),
        "{}",
        commitments.reason
    );
    assert!(commitments
        .reason
        .contains("signed before their first access"));
    assert_eq!(commitments.basis, Some(Basis::Legal));
    assert!(soa_entry(&practices, "A.5.20")
        .reason
        .contains("bind each subcontractor that can see such secrets"));
    assert!(soa_entry(&practices, "A.8.3")
        .reason
        .contains("§ 203(3) StGB"));
    // Official secrecy too: an authority's IT provider is named (thirty-eighth review).
    assert!(soa_entry(&practices, "A.5.31")
        .reason
        .contains("Professional and official secrecy"));
    let in_force = "Professional secrecy binds each person who can see your customers' secrets";
    assert!(practices
        .warnings
        .iter()
        .any(|w| w.text.contains(in_force) && w.subject.as_deref() == Some("A.6.6")));
    // Not answered yes, or asked of a department whose customers are its own organisation's
    // units (the question is not shown then): nothing.
    for other in [build("external", false), build("internal", true)] {
        assert!(!other
            .obligations
            .iter()
            .any(|o| o.id == O::ProfessionalSecrecy));
        assert!(!soa_entry(&other, "A.6.6").reason.contains("§ 203"));
        assert!(!other.warnings.iter().any(|w| w.text.contains(in_force)));
    }
}

/// A maker of internet-connected radio devices meets the Radio Equipment Directive's
/// cybersecurity requirements now, not only the Cyber Resilience Act's later dates
/// (thirty-sixth review: GPS trackers made for a telematics company under its brand).
#[test]
fn internet_connected_radio_devices_bring_the_radio_equipment_rules() {
    use ims_matrix::advice::{Basis, ObligationId as O};
    let build = |radio: bool| {
        build_with(
            &[
                ("reg.products", Answer::Bool(true)),
                ("reg.products-made-for-you", Answer::Bool(true)),
                ("reg.products-radio", Answer::Bool(radio)),
            ],
            |_| {},
        )
    };
    let trackers = build(true);
    assert!(trackers
        .obligations
        .iter()
        .any(|o| o.id == O::RedCybersecurity));
    let register = soa_entry(&trackers, "A.5.31");
    assert!(
        register.reason.contains("since 1 August 2025"),
        "{}",
        register.reason
    );
    assert!(soa_entry(&trackers, "A.8.25").reason.contains("EN 18031"));
    let made_for_us = soa_entry(&trackers, "A.8.30");
    assert!(made_for_us.reason.contains("you are its manufacturer"));
    assert_eq!(made_for_us.basis, Some(Basis::Legal));
    // The rules bind now, whatever the plan's dates (thirty-sixth review's check).
    assert!(trackers.warnings.iter().any(|w| w
        .text
        .contains("apply to every device you place on the market now")));
    let software = build(false);
    assert!(!software
        .obligations
        .iter()
        .any(|o| o.id == O::RedCybersecurity));
    // Devices made in house: no manufacturer's check of another company's firmware.
    let in_house = build_with(
        &[
            ("reg.products", Answer::Bool(true)),
            ("reg.products-made-for-you", Answer::Bool(false)),
            ("reg.products-radio", Answer::Bool(true)),
        ],
        |_| {},
    );
    assert!(!soa_entry(&in_house, "A.8.30")
        .reason
        .contains("you are its manufacturer"));
}

/// A firm that tests customers' systems or investigates their incidents: A.8.34 and A.5.28
/// worded for the service, their findings and evidence handled as the customers' most
/// sensitive information (thirty-sixth review: a penetration testing and incident response
/// firm read texts about its own audits and incidents).
#[test]
fn security_testing_for_customers_is_planned_as_the_service() {
    let build = |testing: bool| with_customer_data("scope.security-testing", testing);
    let testers = build(true);
    let a_8_34 = &soa_entry(&testers, "A.8.34").reason;
    assert!(a_8_34.contains("written authorisation"), "{a_8_34}");
    assert!(a_8_34.contains("Directive 2013/40/EU"), "{a_8_34}");
    assert!(soa_entry(&testers, "A.5.28")
        .reason
        .contains("chain of custody (ISO/IEC 27037)"));
    // The testers screened and bound to confidentiality too (thirty-sixth review's check).
    for control in ["A.8.22", "A.6.1", "A.6.6"] {
        assert!(
            soa_entry(&testers, control)
                .reason
                .contains("you test the security of your customers' systems"),
            "{control}"
        );
    }
    let checked = |m: &Matrix| {
        m.warnings
            .iter()
            .any(|w| w.text.contains("threat-led penetration testing under DORA"))
    };
    assert!(checked(&testers));
    let others = build(false);
    assert!(!soa_entry(&others, "A.8.34")
        .reason
        .contains("written authorisation"));
    assert!(!checked(&others));
}

/// A SOC or managed detection and response provider watches its customers' systems as its
/// service: A.8.16, A.8.15 and A.8.2 worded for it, the incident and threat controls raised,
/// and a check on the SMS's side and the platform that reaches every customer (thirty-seventh
/// review: a managed security service provider read texts about its own housekeeping).
#[test]
fn security_monitoring_for_customers_is_planned_as_the_service() {
    let build = |watching: bool| {
        build_with(
            &[
                ("scope.customers", text("external")),
                ("scope.customer-data", Answer::Bool(true)),
                ("scope.security-monitoring", Answer::Bool(watching)),
            ],
            |_| {},
        )
    };
    let soc = build(true);
    let a_8_16 = &soa_entry(&soc, "A.8.16").reason;
    assert!(
        a_8_16.contains("Here monitoring is your service"),
        "{a_8_16}"
    );
    assert!(a_8_16.contains("NIS2 Art. 23, DORA Art. 19, GDPR Art. 33"));
    assert!(soa_entry(&soc, "A.8.15")
        .reason
        .contains("each customer's logs kept apart"));
    assert!(soa_entry(&soc, "A.8.2")
        .reason
        .contains("only within each customer's written runbook"));
    for control in ["A.5.7", "A.5.25", "A.5.26"] {
        assert!(
            soa_entry(&soc, control)
                .reason
                .contains("you watch your customers' systems or logs for attacks as a service"),
            "{control}"
        );
    }
    let checked = |m: &Matrix| {
        m.warnings.iter().any(|w| {
            w.text
                .contains("Watching your customers' systems is your service")
                && w.subject.as_deref() == Some("A.8.16")
        })
    };
    assert!(checked(&soc));
    let others = build(false);
    assert!(!soa_entry(&others, "A.8.16")
        .reason
        .contains("Here monitoring is your service"));
    assert!(!checked(&others));
    // Not asked of a department serving its own organisation: its answer is not read.
    let department = build_with(
        &[
            ("scope.customers", text("internal")),
            ("scope.internal-customers", Answer::Bool(true)),
            ("scope.customer-data", Answer::Bool(true)),
            ("scope.security-monitoring", Answer::Bool(true)),
        ],
        |_| {},
    );
    assert!(!checked(&department));
}

/// A processor whose platform monitors its customers' people (a fleet telematics service that
/// tracks drivers) helps each customer assess the monitoring and limit it, beside the data
/// protection officer (thirty-sixth review).
#[test]
fn a_processor_that_monitors_people_helps_its_customers_limit_it() {
    let build = |role: &str| {
        build_with(
            &[
                ("reg.gdpr", text(role)),
                ("reg.monitoring", Answer::Bool(true)),
            ],
            |_| {},
        )
    };
    let platform = build("processor");
    let a_8_26 = &soa_entry(&platform, "A.8.26").reason;
    assert!(a_8_26.contains("Art. 28(3)(f), 35"), "{a_8_26}");
    assert!(a_8_26.contains("off-duty mode"), "{a_8_26}");
    assert!(!soa_entry(&build("controller"), "A.8.26")
        .reason
        .contains("off-duty mode"));
}

/// NIS2 binds an entity in scope from the day its national law applies: registration and the
/// management body's approval and training are checked now, beside A.5.5, not left to the
/// rows' later dates (thirty-ninth review: an automotive supplier's IT, an important entity).
#[test]
fn an_entity_in_nis2_is_told_its_duties_bind_now() {
    let with = |nis2: &str| {
        build_with(
            &[
                ("org.sector", text("manufacturing")),
                ("org.size", text("large")),
                ("reg.nis2", text(nis2)),
            ],
            |_| {},
        )
    };
    for nis2 in ["essential", "important"] {
        let m = with(nis2);
        let check = m
            .warnings
            .iter()
            .find(|w| w.text.contains("from the day its national law applies"))
            .unwrap_or_else(|| panic!("{nis2}"));
        assert_eq!(check.concerns.as_deref(), Some("A.5.5"), "{nis2}");
        assert!(check.text.contains("§ 33 BSIG") && check.text.contains("Art. 20"));
    }
    for nis2 in ["supplier", "no", "not-sure"] {
        assert!(!with(nis2)
            .warnings
            .iter()
            .any(|w| w.text.contains("from the day its national law applies")));
    }
}

/// An IT department serving its own organisation that is unsure of NIS2 is told that the
/// organisation is classed as a whole, not by the department's size (thirty-ninth review: a
/// 40-person department of a vehicle-parts maker was told NIS2 rarely applies below medium
/// size).
#[test]
fn a_department_unsure_of_nis2_is_told_its_organisation_is_classed_as_a_whole() {
    let with = |own: bool| {
        checks_joined(&[
            ("org.sector", text("manufacturing")),
            ("org.size", text("small")),
            ("scope.customers", text("internal")),
            ("scope.internal-customers", Answer::Bool(own)),
            ("reg.nis2", text("not-sure")),
        ])
    };
    let department = with(true);
    assert!(
        department.contains("classes the organisation as a whole"),
        "{department}"
    );
    assert!(department.contains("Annex II, 5"), "{department}");
    assert!(!department.contains("Below medium size"), "{department}");
    assert!(with(false).contains("Below medium size"));
}

/// Networks that reach industrial control systems give A.8.22 their zones and conduits in the
/// Statement of Applicability, not only in a check (thirty-ninth review).
#[test]
fn control_systems_have_their_zones_in_the_statement_of_applicability() {
    let with = |reach: bool| {
        build_with(
            &[
                ("scope.network", Answer::Bool(true)),
                ("scope.control-systems", Answer::Bool(reach)),
            ],
            |_| {},
        )
    };
    let zoned = soa_entry(&with(true), "A.8.22").reason.clone();
    assert!(
        zoned.contains("IEC 62443-3-2") && zoned.contains("remote maintenance"),
        "{zoned}"
    );
    assert!(!soa_entry(&with(false), "A.8.22")
        .reason
        .contains("IEC 62443"));
}

/// The inventory of information and assets is planning work, before the first risk assessment
/// that identifies risks to what it lists (thirty-ninth review: it was due three months after).
#[test]
fn the_asset_inventory_is_planned_before_the_first_risk_assessment() {
    let m = build_with(&[], |_| {});
    let inventory = row(&m, "process.asset-inventory");
    let assessment = row(&m, "process.infosec-risk-assessment-run");
    assert_eq!(inventory.phase, assessment.phase);
    assert!(
        inventory.plan_rank < assessment.plan_rank,
        "{} {}",
        inventory.plan_rank,
        assessment.plan_rank
    );
}

/// The grid's sites are named only for energy and water; a manufacturer's are its plants
/// (thirty-ninth review: a vehicle-parts maker was told of substations).
#[test]
fn the_control_systems_scope_check_names_the_sites_of_the_sector() {
    let with = |sector: &str| {
        checks_joined(&[
            ("org.sector", text(sector)),
            ("org.size", text("large")),
            ("scope.network", Answer::Bool(true)),
            ("scope.control-systems", Answer::Bool(true)),
            ("reg.nis2", text("important")),
        ])
    };
    let energy = with("energy");
    assert!(
        energy.contains("substations") && energy.contains("grid operators"),
        "{energy}"
    );
    let plant = with("manufacturing");
    assert!(plant.contains("such as plants, among the sites"), "{plant}");
    assert!(
        !plant.contains("substations") && !plant.contains("grid operators"),
        "{plant}"
    );
}

/// A manufacturer under the Cyber Resilience Act is told, beside A.8.25, that the product
/// duties from 11 December 2027 are work of their own whatever its development rows' status, and
/// an assessment from that day that they apply (thirty-ninth review).
#[test]
fn the_cyber_resilience_acts_product_duties_are_dated_whatever_the_rows_say() {
    let with = |products: bool, created: &str| {
        build_with(&[("reg.products", Answer::Bool(products))], |a| {
            a.created = created.to_owned();
        })
    };
    let check = |m: &Matrix| {
        m.warnings
            .iter()
            .find(|w| {
                w.text
                    .contains("Cyber Resilience Act's duties for products")
            })
            .map(|w| (w.concerns.clone(), w.text.clone()))
    };
    let (concerns, before) = check(&with(true, "2026-12-06T00:00:00Z")).expect("a check");
    assert_eq!(concerns.as_deref(), Some("A.8.25"));
    assert!(
        before.contains("apply from 11 December 2027") && before.contains("Art. 32"),
        "{before}"
    );
    let (_, after) = check(&with(true, "2027-12-11T00:00:00Z")).expect("a check");
    assert!(
        after.contains("have applied since 11 December 2027"),
        "{after}"
    );
    assert!(check(&with(false, "2026-12-06T00:00:00Z")).is_none());
}

/// TISAX labels that customers require and the organisation does not hold are a contractual
/// requirement on A.5.31, A.5.35, A.5.12 and A.5.19; held labels are evidence instead
/// (thirty-ninth review: a supplier whose carmakers demanded labels was told nothing of TISAX).
#[test]
fn tisax_labels_customers_require_are_a_contractual_requirement() {
    let with =
        |attestations: &[&str]| build_with(&[("reg.attestations", multi(attestations))], |_| {});
    let required = with(&["tisax-required"]);
    for control in ["A.5.31", "A.5.35", "A.5.12", "A.5.19"] {
        let entry = soa_entry(&required, control);
        assert!(
            entry.reason.contains("TISAX labels required by customers"),
            "{control}: {}",
            entry.reason
        );
    }
    let held = with(&["tisax", "tisax-required"]);
    assert!(!soa_entry(&held, "A.5.31")
        .reason
        .contains("TISAX labels required by customers"));
    assert!(!soa_entry(&with(&["none"]), "A.5.31")
        .reason
        .contains("TISAX"));
}

/// Without development, servers or cloud infrastructure of one's own keep the development
/// controls excluded with what an auditor will ask to see: that no administrators' code is
/// written in house (thirty-ninth review: a payroll bureau with a server room).
#[test]
fn excluding_development_with_infrastructure_of_ones_own_says_what_to_show() {
    let with = |premises: &[&str]| {
        build_with(
            &[
                ("scope.development", text("none")),
                ("scope.customer-access", text("none")),
                ("scope.premises", multi(premises)),
                ("scope.cloud", multi(&["use-saas"])),
            ],
            |_| {},
        )
    };
    let own = with(&["offices", "server-room"]);
    for control in ["A.8.4", "A.8.25", "A.8.28"] {
        let entry = soa_entry(&own, control);
        assert!(!entry.applicable, "{control}");
        assert!(
            entry.reason.contains("an auditor will ask you to show"),
            "{control}: {}",
            entry.reason
        );
    }
    assert!(!soa_entry(&own, "A.8.30")
        .reason
        .contains("an auditor will ask you to show"));
    let offices = with(&["offices"]);
    assert!(!soa_entry(&offices, "A.8.25").applicable);
    assert!(!soa_entry(&offices, "A.8.25")
        .reason
        .contains("an auditor will ask you to show"));
}

/// An IT department is told what its organisation's sector means for NIS2, by the annex that
/// names it, and a No or a supplier answer from it is questioned as well (the verification of the
/// thirty-ninth review: a hospital's IT was told of Annex II manufacturing, and a department
/// answering No drew no check).
#[test]
fn a_department_is_told_what_its_sector_means_for_nis2_whatever_it_answered() {
    let department = |sector: &str, nis2: &str| {
        checks_joined(&[
            ("org.sector", text(sector)),
            ("org.size", text("small")),
            ("scope.customers", text("internal")),
            ("scope.internal-customers", Answer::Bool(true)),
            ("reg.nis2", text(nis2)),
        ])
    };
    let health = department("health", "not-sure");
    assert!(
        health.contains("Annex I (5)") && !health.contains("Annex II"),
        "{health}"
    );
    let energy = department("energy", "not-sure");
    assert!(energy.contains("Annex I (1, 2, 6 and 7)"), "{energy}");
    let plant = department("manufacturing", "not-sure");
    assert!(
        plant.contains("only some makers") && plant.contains("Annex II, 5"),
        "{plant}"
    );
    let no = department("manufacturing", "no");
    assert!(no.contains("classes the organisation as a whole"), "{no}");
    assert!(!no.contains("Answer for it"), "{no}");
    let supplier = department("manufacturing", "supplier");
    assert!(supplier.contains("Answer for it"), "{supplier}");
    // A bank's IT department: DORA in NIS2's place.
    let bank = checks_joined(&[
        ("org.sector", text("finance")),
        ("scope.customers", text("internal")),
        ("scope.internal-customers", Answer::Bool(true)),
        ("reg.dora", text("financial-entity")),
        ("reg.nis2", text("not-sure")),
    ]);
    assert!(bank.contains("DORA's duties in place of NIS2's"), "{bank}");
}

/// A public body in NIS2 is not sent to the BSI Act's management duties, which its own law
/// sets (the verification of the thirty-ninth review: § 29 BSIG leaves out § 38 for the
/// federal administration).
#[test]
fn a_public_body_in_nis2_is_told_its_own_law_sets_its_duties() {
    let with = |sector: &str, public: bool| {
        checks_joined(&[
            ("org.sector", text(sector)),
            ("org.size", text("medium")),
            ("org.public-body", Answer::Bool(public)),
            ("reg.nis2", text("important")),
        ])
    };
    let administration = with("public", false);
    assert!(
        administration.contains("As a public body, your registration"),
        "{administration}"
    );
    assert!(!administration.contains("§ 38 BSIG"), "{administration}");
    // A publicly owned utility or IT company is an entity under the NIS2 law as a company is
    // (the second verification).
    let municipal_company = with("energy", true);
    assert!(
        municipal_company.contains("§ 38 BSIG"),
        "{municipal_company}"
    );
    assert!(!municipal_company.contains("As a public body, your registration"));
}

/// The inventory and the register of requirements come before the first risk assessment in
/// every target, the configuration records with the other processes (the verification of the
/// thirty-ninth review: the whole CMDB had moved onto the critical path, and a 20000-1-first
/// plan ranked the inventory after the assessment).
#[test]
fn the_inventory_and_the_register_precede_the_first_assessment_in_every_target() {
    for target in ["integrated", "iso27001-first", "iso20000-first"] {
        let m = build_with(&[("start.target", text(target))], |_| {});
        let assessment = row(&m, "process.infosec-risk-assessment-run");
        // The register is an ISO/IEC 27001-only row: with 20000-1 first it waits for the
        // 27001 stage, with the assessment's 27001 rows.
        let earlier: &[&str] = if target == "iso20000-first" {
            &["process.asset-inventory"]
        } else {
            &["process.asset-inventory", "isms.legal-requirements"]
        };
        for &earlier in earlier {
            let r = row(&m, earlier);
            if r.plan_rank == 0 {
                continue;
            }
            assert_eq!(r.phase, assessment.phase, "{target} {earlier}");
            assert!(
                r.plan_rank < assessment.plan_rank,
                "{target} {earlier}: {} {}",
                r.plan_rank,
                assessment.plan_rank
            );
        }
        let configuration = row(&m, "process.configuration");
        assert_ne!(configuration.phase, assessment.phase, "{target}");
    }
}

/// Left open, a manufacturer's or an energy operator's network is taken to reach control
/// systems, and A.8.22 says so in the SoA as the checks do (the verification of the
/// thirty-ninth review).
#[test]
fn control_systems_left_open_in_manufacturing_are_zoned_too() {
    let with = |sector: &str| {
        build_with(
            &[
                ("org.sector", text(sector)),
                ("scope.network", Answer::Bool(true)),
            ],
            |_| {},
        )
    };
    assert!(soa_entry(&with("manufacturing"), "A.8.22")
        .reason
        .contains("IEC 62443-3-2"));
    assert!(!soa_entry(&with("software"), "A.8.22")
        .reason
        .contains("IEC 62443-3-2"));
}

/// AI offered or used brings the AI Act: the register, AI literacy and the projects' screening
/// for everyone, transparency for a provider, the high-risk duties only with a high-risk use,
/// and a check that the bans and literacy bind now (thirty-ninth review: an EdTech platform
/// could record nothing of AI).
#[test]
fn ai_offered_or_used_brings_the_ai_act_by_role_and_risk() {
    let with = |ai: &str, high_risk: bool| {
        build_with(
            &[
                ("reg.ai", text(ai)),
                ("reg.ai-high-risk", Answer::Bool(high_risk)),
            ],
            |_| {},
        )
    };
    let named = |m: &Matrix, control: &str| soa_entry(m, control).reason.contains("AI Act");
    let user = with("use", false);
    for control in ["A.5.31", "A.6.3", "A.5.8"] {
        assert!(named(&user, control), "{control}");
    }
    for control in ["A.8.26", "A.8.25", "A.8.15", "A.5.24"] {
        assert!(!named(&user, control), "{control}");
    }
    assert!(user.warnings.iter().any(
        |w| w.concerns.as_deref() == Some("A.6.3") && w.text.contains("since 2 February 2025")
    ));
    let provider = with("provide", true);
    for control in ["A.8.26", "A.8.25", "A.8.15", "A.5.24"] {
        assert!(named(&provider, control), "{control}");
    }
    let high_risk_user = with("use", true);
    assert!(named(&high_risk_user, "A.8.15") && !named(&high_risk_user, "A.8.25"));
    let none = with("no", true);
    assert!(!named(&none, "A.5.31"));
    // The checks: transparency by role, the high-risk duties by role, dated 2 December 2027.
    let check = |m: &Matrix, control: &str| {
        m.warnings
            .iter()
            .filter(|w| w.concerns.as_deref() == Some(control))
            .map(|w| w.text.clone())
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert!(check(&user, "A.6.3").contains("Art. 50(3), (4)"));
    assert!(check(&provider, "A.6.3").contains("Art. 50(1), (2)"));
    assert!(check(&provider, "A.8.25").contains("Art. 43, 47, 48"));
    assert!(!check(&user, "A.8.25").contains("Art. 43"));
    assert!(check(&high_risk_user, "A.5.10").contains("(Art. 27)"));
    assert!(!check(&with("use", false), "A.5.10").contains("Art. 27"));
}

/// An IT department's customers are its own organisation: answering that NIS2 reaches its
/// customers brings no supplier's contract terms (the second verification of the thirty-ninth
/// review).
#[test]
fn a_department_answering_supplier_gets_no_supplier_terms() {
    let with = |own: bool| {
        build_with(
            &[
                ("org.sector", text("manufacturing")),
                ("scope.customers", text("internal")),
                ("scope.internal-customers", Answer::Bool(own)),
                ("reg.nis2", text("supplier")),
            ],
            |_| {},
        )
    };
    let supplier_terms = |m: &Matrix| {
        m.soa
            .iter()
            .any(|e| e.reason.contains("NIS2 through customers"))
    };
    assert!(!supplier_terms(&with(true)));
    assert!(supplier_terms(&with(false)));
}

/// The data protection officer is named once: where a core activity settles it, its own
/// conclusive line stands alone; otherwise the general rule with the national additions (the
/// second verification of the thirty-ninth review: a payroll bureau's cell named it twice).
#[test]
fn the_data_protection_officer_is_named_once() {
    let with = |core: bool| {
        build_with(
            &[
                ("reg.gdpr", text("both")),
                ("reg.special-data", Answer::Bool(true)),
                ("reg.special-data-core", Answer::Bool(core)),
            ],
            |_| {},
        )
    };
    let core = soa_entry(&with(true), "A.5.2").reason.clone();
    assert_eq!(core.matches("data protection officer").count(), 1, "{core}");
    assert!(
        core.contains("you need a data protection officer"),
        "{core}"
    );
    let open = soa_entry(&with(false), "A.5.2").reason.clone();
    assert!(
        open.contains("§ 38(1) BDSG") && !open.contains("you need a data protection officer"),
        "{open}"
    );
}
