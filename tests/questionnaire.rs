//! The built-in questionnaire loads against the catalog; its rules and conditions are checked.

use ims_matrix::catalog::{self, DataFile};
use ims_matrix::i18n::{self, Texts};
use ims_matrix::questionnaire::{self, Answer, Answers, QuestionKind};

#[test]
fn builtin_questionnaire_loads() {
    let loaded =
        questionnaire::load_questions(&questionnaire::BUILTIN_FILE, catalog::builtin_index())
            .and_then(|questions| {
                questionnaire::with_rules(
                    &questions,
                    &questionnaire::RULES_FILE,
                    catalog::builtin_index(),
                )
            });
    if let Err(errors) = loaded {
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("built-in questionnaire is invalid:\n{}", lines.join("\n"));
    }
}

/// The first-visit page's questions carry no applicability rules (issue 18), and the engine
/// refuses them rather than draft a Statement of Applicability without rules; the full
/// questionnaire is the same questions with the rules.
#[test]
fn the_questions_alone_carry_no_rules_and_the_engine_refuses_them() {
    let questions = questionnaire::questions();
    let full = questionnaire::builtin();
    assert!(questions.applicability.is_empty());
    assert!(!full.applicability.is_empty());
    assert_eq!(questions.sections, full.sections);
    assert_eq!(full.rules().len(), full.applicability.len());
    let refused = std::panic::catch_unwind(|| questions.rules().len());
    assert!(
        refused.is_err(),
        "the engine read rules from the questions alone"
    );
    let a = ims_matrix::assessment::Assessment::new("2026-12-06T00:00:00Z");
    let built = std::panic::catch_unwind(|| {
        ims_matrix::matrix::build(catalog::builtin(), questions, &a)
            .rows
            .len()
    });
    assert!(built.is_err(), "a matrix was drafted without the rules");
    assert!(!ims_matrix::matrix::build(catalog::builtin(), full, &a)
        .rows
        .is_empty());
}

/// The built-in questionnaire's JSON as `data/questionnaire.json` holds it: the questions and
/// the rules, which the binary embeds apart (`BUILTIN_FILE`, `RULES_FILE`).
fn builtin_json() -> serde_json::Value {
    let mut json: serde_json::Value =
        serde_json::from_str(questionnaire::BUILTIN_FILE.text).expect("valid JSON");
    let rules: serde_json::Value =
        serde_json::from_str(questionnaire::RULES_FILE.text).expect("valid JSON");
    json["applicability"] = rules["applicability"].clone();
    json
}

#[test]
fn every_question_has_label_and_help_and_sections_cover_the_design() {
    let q = questionnaire::builtin();
    let ids: Vec<&str> = q.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "organisation",
            "starting-point",
            "certification",
            "scope",
            "operations",
            "obligations",
            "maturity-system",
            "maturity-processes",
            "maturity-controls"
        ]
    );
    for question in q.questions() {
        assert!(
            !question.label.trim().is_empty() && !question.help.trim().is_empty(),
            "{}",
            question.id
        );
    }
}

#[test]
fn show_if_follows_the_answers() {
    let q = questionnaire::builtin();
    let separate = q.question("start.separate").expect("question");
    let mut answers = Answers::new();
    assert!(!q.is_visible(separate, &answers));
    answers.insert("start.iso27001".into(), Answer::Text("certified".into()));
    answers.insert("start.iso20000".into(), Answer::Text("implemented".into()));
    assert!(q.is_visible(separate, &answers));
    answers.insert("start.iso20000".into(), Answer::Text("none".into()));
    assert!(!q.is_visible(separate, &answers));
}

/// A prospect with nothing of a standard in place has no edition to name: the question would
/// ask them to choose between an edition they never used and one they have not started.
#[test]
fn an_edition_is_asked_only_of_a_standard_under_way_or_held() {
    let q = questionnaire::builtin();
    let mut answers = Answers::new();
    answers.insert("start.iso27001".into(), Answer::Text("none".into()));
    answers.insert("start.iso20000".into(), Answer::Text("certified".into()));
    let iso27001 = q.question("edition.iso27001").expect("question");
    let iso20000 = q.question("edition.iso20000").expect("question");
    assert!(!q.is_visible(iso27001, &answers));
    assert!(q.is_visible(iso20000, &answers));
    answers.insert("start.iso27001".into(), Answer::Text("in-progress".into()));
    answers.insert("start.iso20000".into(), Answer::Text("none".into()));
    assert!(q.is_visible(iso27001, &answers));
    assert!(!q.is_visible(iso20000, &answers));
}

#[test]
fn section_problems_name_required_and_invalid_answers() {
    let q = questionnaire::builtin();
    let mut answers = Answers::new();
    answers.insert("org.services".into(), Answer::Number(0));
    answers.insert("org.name".into(), Answer::Text("x".repeat(500)));
    let problems = q.section_problems("organisation", &answers, Texts::english());
    let ids: Vec<&str> = problems.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "org.name",
            "org.sector",
            "org.size",
            "org.services",
            "org.sites",
            "org.customers"
        ],
        "{problems:?}"
    );
    assert!(problems[3].1.contains("from 1 to"), "{problems:?}");
    assert!(problems[0].1.contains("120 characters"), "{problems:?}");
}

#[test]
fn section_problems_read_in_the_language_asked_for() {
    let q = questionnaire::builtin();
    let mut answers = Answers::new();
    answers.insert("org.services".into(), Answer::Number(0));
    answers.insert("org.name".into(), Answer::Text("x".repeat(1500)));
    let german = Texts::load("de", i18n::bundled("de").expect("bundled")).expect("German");
    let french = Texts::load("fr", i18n::bundled("fr").expect("bundled")).expect("French");
    let message = |texts: &Texts, id: &str| {
        q.section_problems("organisation", &answers, texts)
            .into_iter()
            .find(|(question, _)| question == id)
            .map(|(_, message)| message)
            .expect(id)
    };
    assert_eq!(
        message(Texts::english(), "org.name"),
        "Keep it to 120 characters (now 1,500)"
    );
    assert_eq!(
        message(&german, "org.name"),
        "Höchstens 120 Zeichen (jetzt 1.500)"
    );
    assert_eq!(
        message(&french, "org.name"),
        "120\u{a0}caractères au maximum (actuellement 1\u{202f}500)"
    );
    assert_eq!(
        message(&german, "org.sector"),
        "Bitte beantworten Sie diese Frage"
    );
    assert_eq!(
        message(&french, "org.sector"),
        "Veuillez répondre à cette question"
    );
    // Import warnings stay in English whatever the language.
    let sector = q.question("org.sector").expect("question");
    assert_eq!(
        sector.check(&Answer::Text("nope".into())),
        Err("\"nope\" is not one of the choices".to_owned())
    );
    assert_eq!(
        sector.check_in(&Answer::Text("nope".into()), &german),
        Err("„nope“ gehört nicht zu den Antwortmöglichkeiten".to_owned())
    );
}

#[test]
fn an_exclusive_choice_cannot_be_combined() {
    let q = questionnaire::builtin();
    let premises = q.question("scope.premises").expect("question");
    assert!(matches!(premises.kind, QuestionKind::Multiple { .. }));
    assert!(premises
        .check(&Answer::Choices(vec!["offices".into(), "none".into()]))
        .is_err());
    assert!(premises
        .check(&Answer::Choices(vec![
            "offices".into(),
            "server-room".into()
        ]))
        .is_ok());
}

#[test]
fn a_condition_on_a_later_question_is_rejected() {
    let text = include_str!("fixtures/questionnaire/error-condition-on-later-question.json");
    let errors = questionnaire::load(
        &DataFile {
            name: "bad.json",
            text,
        },
        catalog::builtin_index(),
    )
    .expect_err("invalid");
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert!(
        messages
            .iter()
            .any(|m| m == "bad.json: a: condition names b, which is not an earlier question"),
        "{messages:?}"
    );
}

/// The built-in questionnaire with one change made to its JSON, and the errors it loads with.
fn errors_after(change: impl FnOnce(&mut serde_json::Value)) -> Vec<String> {
    let mut json = builtin_json();
    change(&mut json);
    let text = Box::leak(json.to_string().into_boxed_str());
    match questionnaire::load(
        &DataFile {
            name: "changed.json",
            text,
        },
        catalog::builtin_index(),
    ) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.iter().map(ToString::to_string).collect(),
    }
}

fn question_mut<'a>(json: &'a mut serde_json::Value, id: &str) -> &'a mut serde_json::Value {
    json["sections"]
        .as_array_mut()
        .expect("sections")
        .iter_mut()
        .flat_map(|s| s["questions"].as_array_mut().expect("questions").iter_mut())
        .find(|q| q["id"] == id)
        .expect("question exists")
}

#[test]
fn renaming_a_question_or_option_the_engine_reads_fails_at_load() {
    assert_eq!(
        errors_after(|_| {}),
        Vec::<String>::new(),
        "unchanged data loads"
    );
    let renamed_option = errors_after(|json| {
        question_mut(json, "org.size")["options"][0]["id"] = "tiny".into();
    });
    assert!(
        renamed_option
            .iter()
            .any(|e| e.starts_with("changed.json: org.size: the engine reads the options")),
        "{renamed_option:?}"
    );
    let renamed_question = errors_after(|json| {
        question_mut(json, "reg.pci")["id"] = "reg.cards".into();
    });
    assert!(
        renamed_question.iter().any(|e| e
            == "changed.json: reg.pci: the engine reads this question, which the questionnaire lacks"),
        "{renamed_question:?}"
    );
    let changed_kind = errors_after(|json| {
        let question = question_mut(json, "start.separate");
        question["kind"] = "number".into();
        question["min"] = 0.into();
        question["max"] = 1.into();
    });
    assert!(
        changed_kind.iter().any(|e| e
            .starts_with("changed.json: start.separate: the engine reads this question as YesNo")),
        "{changed_kind:?}"
    );
}

/// A rule's id keys its reason's translations: two rules with one id would share a
/// translation, and one without an id would have none.
#[test]
fn an_applicability_rule_needs_an_id_of_its_own() {
    let errors = errors_after(|json| {
        let rules = json["applicability"].as_array_mut().expect("rules");
        rules[1]["id"] = rules[0]["id"].clone();
        rules[2]["id"] = serde_json::json!("Not An Id");
    });
    assert!(
        errors.iter().any(|e| e
            == "changed.json: applicability rule 2 (products-made-by-another): duplicate rule id"),
        "{errors:?}"
    );
    assert!(
        errors.iter().any(|e| e.starts_with(
            "changed.json: applicability rule 3 (Not An Id): a rule's id is lowercase"
        )),
        "{errors:?}"
    );
}

/// A rule that includes two controls gives each its own sentence, for its own controls only:
/// otherwise the two share one justification in the Statement of Applicability.
#[test]
fn a_rule_including_two_controls_gives_each_its_own_sentence() {
    fn mobile_devices(json: &mut serde_json::Value) -> &mut serde_json::Value {
        json["applicability"]
            .as_array_mut()
            .expect("rules")
            .iter_mut()
            .find(|r| r["id"] == "mobile-devices")
            .expect("rule exists")
    }
    let without = errors_after(|json| {
        mobile_devices(json)
            .as_object_mut()
            .expect("a rule")
            .remove("each");
    });
    assert!(
        without.iter().any(|e| e.contains(
            "(mobile-devices): a rule that includes two controls gives each its own sentence"
        )),
        "{without:?}"
    );
    let stray = errors_after(|json| {
        let each = mobile_devices(json)["each"].as_object_mut().expect("each");
        let text = each.remove("A.7.9").expect("A.7.9");
        each.insert("A.5.1".into(), text);
    });
    assert!(
        stray.iter().any(|e| e.ends_with(
            "(mobile-devices): `each` has A.5.1, which is not one of the rule's controls, or no text"
        )),
        "{stray:?}"
    );
}

#[test]
fn a_practice_without_its_maturity_question_fails_at_load() {
    let errors = errors_after(|json| {
        let section = json["sections"]
            .as_array_mut()
            .expect("sections")
            .iter_mut()
            .find(|s| s["id"] == "maturity-processes")
            .expect("section");
        let questions = section["questions"].as_array_mut().expect("questions");
        questions.retain(|q| q["practice"] != "capacity");
    });
    assert!(
        errors
            .iter()
            .any(|e| e == "changed.json: capacity: crosswalk practice has no maturity question"),
        "{errors:?}"
    );
}

#[test]
fn maturity_is_read_by_practice_whatever_the_question_is_called() {
    let mut json = builtin_json();
    question_mut(&mut json, "maturity.capacity")["id"] = "maturity.capacity-management".into();
    let text = Box::leak(json.to_string().into_boxed_str());
    let q = questionnaire::load(
        &DataFile {
            name: "renamed.json",
            text,
        },
        catalog::builtin_index(),
    )
    .expect("a maturity question may be renamed");
    let mut answers = Answers::new();
    answers.insert(
        "maturity.capacity-management".into(),
        Answer::Text("informal".into()),
    );
    assert_eq!(
        q.maturity(&answers, "capacity"),
        Some(questionnaire::Maturity::Informal)
    );
    assert_eq!(q.maturity(&answers, "change"), None);
}

/// A municipal IT company or shared service centre picks IT services as its sector and is
/// still asked whether it is a public body (twentieth review).
#[test]
fn an_it_provider_is_asked_whether_it_is_a_public_body() {
    let q = questionnaire::builtin();
    let public_body = q.question("org.public-body").expect("question");
    let mut answers = Answers::new();
    for (sector, shown) in [("it-services", true), ("finance", false), ("public", false)] {
        answers.insert("org.sector".into(), Answer::Text(sector.into()));
        assert_eq!(q.is_visible(public_body, &answers), shown, "{sector}");
    }
}
