//! The built-in questionnaire loads against the catalog; its rules and conditions are checked.

use ims_matrix::catalog::{self, DataFile};
use ims_matrix::questionnaire::{self, Answer, Answers, QuestionKind};

#[test]
fn builtin_questionnaire_loads() {
    if let Err(errors) = questionnaire::load(&questionnaire::BUILTIN_FILE, catalog::builtin()) {
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("built-in questionnaire is invalid:\n{}", lines.join("\n"));
    }
}

#[test]
fn every_crosswalk_practice_has_one_maturity_question() {
    let q = questionnaire::builtin();
    for row in &catalog::builtin().crosswalk {
        assert!(
            q.maturity_question(&row.practice).is_some(),
            "{}",
            row.practice
        );
    }
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
            "scope",
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

#[test]
fn section_problems_name_required_and_invalid_answers() {
    let q = questionnaire::builtin();
    let mut answers = Answers::new();
    answers.insert("org.services".into(), Answer::Number(0));
    answers.insert("org.name".into(), Answer::Text("x".repeat(500)));
    let problems = q.section_problems("organisation", &answers);
    let ids: Vec<&str> = problems.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "org.name",
            "org.sector",
            "org.size",
            "org.services",
            "org.sites"
        ],
        "{problems:?}"
    );
    assert!(problems[3].1.contains("from 1 to"), "{problems:?}");
    assert!(problems[0].1.contains("120 characters"), "{problems:?}");
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
        catalog::builtin(),
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
