//! Turns `data/questionnaire.json` into a validated `Questionnaire`, checked against the catalog
//! (every crosswalk practice has its maturity question; rules name real 2022 controls).

use std::collections::HashSet;

use super::model::{
    ApplicabilityRule, Choice, Condition, Question, QuestionKind, Questionnaire, Section,
};
use super::raw::{RawChoice, RawCondition, RawQuestion, RawQuestionnaire, RawRule, RawRules};
use super::reads;
use crate::catalog::{CatalogIndex, DataError, DataFile, Family, RowKind};

struct Checker<'a> {
    file: &'a str,
    errors: Vec<DataError>,
}

impl Checker<'_> {
    fn add(&mut self, reference: &str, problem: impl Into<String>) {
        self.errors.push(DataError {
            file: self.file.to_owned(),
            reference: Some(reference.to_owned()),
            problem: problem.into(),
        });
    }
}

/// A data file read into its serde mirror, or the one error that says why not.
fn parse<T: serde::de::DeserializeOwned>(file: &DataFile<'_>) -> Result<T, Vec<DataError>> {
    serde_json::from_str(file.text).map_err(|error| {
        vec![DataError {
            file: file.name.to_owned(),
            reference: None,
            problem: format!("cannot be read: {error}"),
        }]
    })
}

/// Builds the questionnaire from its data file.
///
/// # Errors
/// Every problem found, each naming the file and the question or rule.
pub fn load(file: &DataFile<'_>, catalog: &CatalogIndex) -> Result<Questionnaire, Vec<DataError>> {
    let raw: RawQuestionnaire = parse(file)?;
    let mut check = Checker {
        file: file.name,
        errors: Vec::new(),
    };
    let mut earlier: Vec<Question> = Vec::new();
    let mut sections = Vec::new();
    let mut section_ids = HashSet::new();
    for raw_section in raw.sections {
        if !section_ids.insert(raw_section.id.clone()) {
            check.add(&raw_section.id, "duplicate section id");
        }
        let mut questions = Vec::new();
        for raw_question in raw_section.questions {
            if earlier.iter().any(|q| q.id == raw_question.id) {
                check.add(&raw_question.id, "duplicate question id");
                continue;
            }
            if let Some(question) = load_question(raw_question, &earlier, &mut check) {
                earlier.push(question.clone());
                questions.push(question);
            }
        }
        if questions.is_empty() {
            check.add(&raw_section.id, "section has no questions");
        }
        sections.push(Section {
            id: raw_section.id,
            title: raw_section.title,
            intro: raw_section.intro,
            questions,
        });
    }
    check_practices(&earlier, catalog, &mut check);
    mark_one_standard_practices(&mut sections, catalog);
    let applicability = load_rules(raw.applicability, &earlier, catalog, &mut check);
    let maturity_ids = earlier
        .iter()
        .filter_map(|q| match &q.kind {
            QuestionKind::Maturity { practice, .. } => Some((practice.clone(), q.id.clone())),
            _ => None,
        })
        .collect();
    let questionnaire = Questionnaire {
        sections,
        applicability,
        rules_loaded: true,
        maturity_ids,
    };
    check_engine_reads(&questionnaire, &mut check);
    if check.errors.is_empty() {
        Ok(questionnaire)
    } else {
        Err(check.errors)
    }
}

/// The Annex A applicability rules, checked against the questions their conditions read and
/// the 2022 controls.
fn load_rules(
    raw_rules: Vec<RawRule>,
    questions: &[Question],
    catalog: &CatalogIndex,
    check: &mut Checker<'_>,
) -> Vec<ApplicabilityRule> {
    let controls: HashSet<&str> = catalog.controls_2022.iter().map(String::as_str).collect();
    let mut applicability = Vec::new();
    let mut rule_ids = HashSet::new();
    for (index, raw_rule) in raw_rules.into_iter().enumerate() {
        let name = format!("applicability rule {} ({})", index + 1, raw_rule.id);
        let well_formed = !raw_rule.id.is_empty()
            && raw_rule
                .id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !well_formed {
            check.add(&name, "a rule's id is lowercase letters, digits and dashes");
        }
        if !rule_ids.insert(raw_rule.id.clone()) {
            check.add(&name, "duplicate rule id");
        }
        for control in &raw_rule.controls {
            if !controls.contains(control.as_str()) {
                check.add(
                    &name,
                    format!("{control} is not an Annex A control of iso27001:2022"),
                );
            }
        }
        if raw_rule.controls.is_empty() || raw_rule.reason.trim().is_empty() {
            check.add(&name, "a rule needs controls and a reason");
        }
        for (control, text) in &raw_rule.each {
            let text = text.as_str().unwrap_or_default();
            if !raw_rule.controls.contains(control) || text.trim().is_empty() {
                check.add(
                    &name,
                    format!(
                        "`each` has {control}, which is not one of the rule's controls, or no text"
                    ),
                );
            }
        }
        if raw_rule.applicable
            && !raw_rule.each.is_empty()
            && raw_rule.each.len() != raw_rule.controls.len()
        {
            check.add(
                &name,
                "`each` gives a sentence for every control of the rule or for none",
            );
        }
        if raw_rule.applicable && raw_rule.controls.len() == 2 && raw_rule.each.is_empty() {
            check.add(&name, "a rule that includes two controls gives each its own sentence (`each`), or the two share one justification in the SoA");
        }
        if !raw_rule.applicable && !raw_rule.each.is_empty() {
            check.add(&name, "`each` is read for rules that include controls only");
        }
        if let Some(when) = load_condition(&raw_rule.when, questions, &name, check) {
            applicability.push(ApplicabilityRule {
                id: raw_rule.id,
                controls: raw_rule.controls,
                applicable: raw_rule.applicable,
                when,
                reason: raw_rule.reason.into(),
                each: raw_rule
                    .each
                    .into_iter()
                    .map(|(control, text)| (control, text.as_str().unwrap_or_default().into()))
                    .collect(),
            });
        }
    }
    applicability
}

/// The questions without the applicability rules: what the first-visit page needs. The engine
/// refuses the result (`Questionnaire::rules`); `with_rules` completes it.
///
/// # Errors
/// As `load`.
pub fn load_questions(
    file: &DataFile<'_>,
    catalog: &CatalogIndex,
) -> Result<Questionnaire, Vec<DataError>> {
    let mut questionnaire = load(file, catalog)?;
    questionnaire.applicability.clear();
    questionnaire.rules_loaded = false;
    Ok(questionnaire)
}

/// `questions` with the applicability rules of `file` (a JSON object holding only
/// `applicability`), checked against those questions and the catalog.
///
/// # Errors
/// Every problem found in the rules, each naming the file and the rule.
pub fn with_rules(
    questions: &Questionnaire,
    file: &DataFile<'_>,
    catalog: &CatalogIndex,
) -> Result<Questionnaire, Vec<DataError>> {
    let raw: RawRules = parse(file)?;
    let mut check = Checker {
        file: file.name,
        errors: Vec::new(),
    };
    let earlier: Vec<Question> = questions.questions().cloned().collect();
    let applicability = load_rules(raw.applicability, &earlier, catalog, &mut check);
    if !check.errors.is_empty() {
        return Err(check.errors);
    }
    let mut complete = questions.clone();
    complete.applicability = applicability;
    complete.rules_loaded = true;
    Ok(complete)
}

fn load_question(
    raw: RawQuestion,
    earlier: &[Question],
    check: &mut Checker<'_>,
) -> Option<Question> {
    let id = raw.id.clone();
    if raw.label.trim().is_empty() || raw.help.trim().is_empty() {
        check.add(&id, "every question needs a label and help text");
    }
    let kind = match raw.kind.as_str() {
        "single" | "multiple" => {
            let options = load_options(&id, raw.options.unwrap_or_default(), check)?;
            if raw.kind == "single" {
                QuestionKind::Single { options }
            } else {
                QuestionKind::Multiple { options }
            }
        }
        "yes_no" => QuestionKind::YesNo,
        "date" => QuestionKind::Date,
        "number" => match (raw.min, raw.max) {
            (Some(min), Some(max)) if min <= max => QuestionKind::Number { min, max },
            _ => {
                check.add(&id, "a number question needs min <= max");
                return None;
            }
        },
        "text" => QuestionKind::Text {
            max_length: raw.max_length.unwrap_or(200),
        },
        "edition" => match raw.family.as_deref() {
            Some("iso27001") => QuestionKind::Edition {
                family: Family::Iso27001,
            },
            Some("iso20000-1") => QuestionKind::Edition {
                family: Family::Iso20000,
            },
            other => {
                check.add(&id, format!("unknown family {other:?}"));
                return None;
            }
        },
        "maturity" => match raw.practice {
            Some(practice) => QuestionKind::Maturity {
                practice,
                one_standard: false,
            },
            None => {
                check.add(&id, "a maturity question needs a practice");
                return None;
            }
        },
        other => {
            check.add(&id, format!("unknown kind {other:?}"));
            return None;
        }
    };
    let show_if = match &raw.show_if {
        Some(condition) => Some(load_condition(condition, earlier, &id, check)?),
        None => None,
    };
    Some(Question {
        id,
        kind,
        label: raw.label,
        help: raw.help,
        required: raw.required,
        show_if,
    })
}

fn load_options(id: &str, raw: Vec<RawChoice>, check: &mut Checker<'_>) -> Option<Vec<Choice>> {
    if raw.len() < 2 {
        check.add(id, "a choice question needs at least two options");
        return None;
    }
    let mut seen = HashSet::new();
    for option in &raw {
        if !seen.insert(option.id.as_str()) {
            check.add(id, format!("duplicate option {}", option.id));
        }
    }
    Some(
        raw.into_iter()
            .map(|o| Choice {
                id: o.id,
                label: o.label,
                help: o.help,
                exclusive: o.exclusive,
            })
            .collect(),
    )
}

/// Converts one raw condition, checking it names an earlier question and real options.
fn load_condition(
    raw: &RawCondition,
    earlier: &[Question],
    owner: &str,
    check: &mut Checker<'_>,
) -> Option<Condition> {
    let shapes = [
        raw.is.is_some(),
        raw.one_of.is_some(),
        raw.has.is_some(),
        raw.answered.is_some(),
        raw.all.is_some(),
        raw.any.is_some(),
        raw.not.is_some(),
    ];
    if shapes.iter().filter(|s| **s).count() != 1 {
        check.add(
            owner,
            "a condition needs exactly one of is, one_of, has, answered, all, any, not",
        );
        return None;
    }
    let combine = |list: &[RawCondition], check: &mut Checker<'_>| -> Option<Vec<Condition>> {
        let converted: Vec<Option<Condition>> = list
            .iter()
            .map(|c| load_condition(c, earlier, owner, check))
            .collect();
        converted.into_iter().collect()
    };
    if let Some(all) = &raw.all {
        return combine(all, check).map(Condition::All);
    }
    if let Some(any) = &raw.any {
        return combine(any, check).map(Condition::Any);
    }
    if let Some(not) = &raw.not {
        return load_condition(not, earlier, owner, check).map(|c| Condition::Not(Box::new(c)));
    }
    let Some(question_id) = raw.question.as_deref() else {
        check.add(owner, "a condition on an answer needs a question");
        return None;
    };
    let Some(question) = earlier.iter().find(|q| q.id == question_id) else {
        check.add(
            owner,
            format!("condition names {question_id}, which is not an earlier question"),
        );
        return None;
    };
    let question_owned = question_id.to_owned();
    let has_option = |value: &str| question.kind.options().iter().any(|o| o.id == value);
    if let Some(value) = &raw.is {
        let fits = match (&question.kind, value) {
            (QuestionKind::Single { .. }, serde_json::Value::String(v)) => has_option(v),
            (QuestionKind::YesNo, serde_json::Value::Bool(_)) => true,
            _ => false,
        };
        if !fits {
            check.add(owner, format!("{question_id} cannot be {value}"));
            return None;
        }
        return Some(Condition::Is {
            question: question_owned,
            value: value.clone(),
        });
    }
    if let Some(values) = &raw.one_of {
        let fits = matches!(question.kind, QuestionKind::Single { .. })
            && values.iter().all(|v| has_option(v));
        if !fits {
            check.add(
                owner,
                format!("{question_id} has no such options: {values:?}"),
            );
            return None;
        }
        return Some(Condition::OneOf {
            question: question_owned,
            values: values.clone(),
        });
    }
    if let Some(value) = &raw.has {
        if !matches!(question.kind, QuestionKind::Multiple { .. }) || !has_option(value) {
            check.add(owner, format!("{question_id} has no option {value}"));
            return None;
        }
        return Some(Condition::Has {
            question: question_owned,
            value: value.clone(),
        });
    }
    Some(Condition::Answered {
        question: question_owned,
    })
}

fn check_engine_reads(questionnaire: &Questionnaire, check: &mut Checker<'_>) {
    for (id, expect) in reads::declared() {
        if let Some(problem) = reads::mismatch(questionnaire, id, expect) {
            check.add(id, problem);
        }
    }
    for family in [Family::Iso27001, Family::Iso20000] {
        let editions = questionnaire
            .questions()
            .filter(|q| matches!(q.kind, QuestionKind::Edition { family: f } if f == family))
            .count();
        if editions != 1 {
            check.add(
                family.as_str(),
                format!("needs exactly one edition question; found {editions}"),
            );
        }
    }
}

/// A practice all of whose rows belong to one standard is asked on the scale without
/// "written down once for both" (`QuestionKind::Maturity::one_standard`).
fn mark_one_standard_practices(sections: &mut [Section], catalog: &CatalogIndex) {
    for question in sections.iter_mut().flat_map(|s| s.questions.iter_mut()) {
        if let QuestionKind::Maturity {
            practice,
            one_standard,
        } = &mut question.kind
        {
            let mut rows = catalog.rows.iter().filter(|r| r.practice == *practice);
            *one_standard =
                rows.all(|r| matches!(r.kind, RowKind::Iso27001Only | RowKind::Iso20000Only));
        }
    }
}

fn check_practices(questions: &[Question], catalog: &CatalogIndex, check: &mut Checker<'_>) {
    let practices: HashSet<&str> = catalog.rows.iter().map(|r| r.practice.as_str()).collect();
    let mut asked: HashSet<&str> = HashSet::new();
    for question in questions {
        if let QuestionKind::Maturity { practice, .. } = &question.kind {
            if !practices.contains(practice.as_str()) {
                check.add(
                    &question.id,
                    format!("practice {practice} is in no crosswalk row"),
                );
            }
            if !asked.insert(practice.as_str()) {
                check.add(&question.id, format!("practice {practice} is asked twice"));
            }
        }
    }
    let mut missing: Vec<&str> = practices.difference(&asked).copied().collect();
    missing.sort_unstable();
    for practice in missing {
        check.add(practice, "crosswalk practice has no maturity question");
    }
}
