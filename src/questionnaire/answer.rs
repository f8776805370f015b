//! Answers as the prospect gives them, and the checks that an answer fits its question.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::model::{Condition, Maturity, Question, QuestionKind, Questionnaire};
use crate::i18n::Texts;

/// One answer. Single choice and maturity answers are option ids (`Text`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Answer {
    Bool(bool),
    Number(i64),
    Text(String),
    Choices(Vec<String>),
}

/// Answers by question id. Ordered, so saved and exported JSON is stable.
/// The one option that excludes the others in a multiple-choice question ("none of these");
/// a test holds the questionnaire data to it (`reads::tests`).
pub const EXCLUSIVE: &str = "none";

pub type Answers = BTreeMap<String, Answer>;

impl Answer {
    pub fn as_text(&self) -> Option<&str> {
        match self {
            Answer::Text(text) => Some(text),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Answer::Bool(value) => Some(*value),
            _ => None,
        }
    }

    pub fn as_number(&self) -> Option<i64> {
        match self {
            Answer::Number(value) => Some(*value),
            _ => None,
        }
    }

    pub fn as_choices(&self) -> &[String] {
        match self {
            Answer::Choices(values) => values,
            _ => &[],
        }
    }

    /// The choices the engine uses: none when "none" is combined with other choices, an answer
    /// that does not fit its question (`Question::check`; the import keeps it and says it is not
    /// used), so it reads as unanswered, not as "none" and the others at once.
    pub fn usable_choices(&self) -> &[String] {
        let chosen = self.as_choices();
        if chosen.len() > 1 && chosen.iter().any(|id| id == EXCLUSIVE) {
            &[]
        } else {
            chosen
        }
    }

    /// An empty text or an empty selection counts as no answer.
    pub fn is_empty(&self) -> bool {
        match self {
            Answer::Text(text) => text.trim().is_empty(),
            Answer::Choices(values) => values.is_empty(),
            Answer::Bool(_) | Answer::Number(_) => false,
        }
    }
}

impl Question {
    /// Checks that `answer` fits this question, the message in English (import warnings).
    ///
    /// # Errors
    /// A short sentence saying what is wrong.
    pub fn check(&self, answer: &Answer) -> Result<(), String> {
        self.check_in(answer, Texts::english())
    }

    /// Checks that `answer` fits this question; the message is written for the person answering,
    /// in `texts`' language.
    ///
    /// # Errors
    /// A short sentence saying what is wrong, suitable to show next to the field.
    pub fn check_in(&self, answer: &Answer, texts: &Texts) -> Result<(), String> {
        match (&self.kind, answer) {
            (QuestionKind::Single { options }, Answer::Text(id)) => options
                .iter()
                .any(|o| o.id == *id)
                .then_some(())
                .ok_or_else(|| texts.fill("answer.not-a-choice", &[("value", id)])),
            (QuestionKind::Multiple { options }, Answer::Choices(ids)) => {
                if let Some(unknown) = ids.iter().find(|id| !options.iter().any(|o| o.id == **id)) {
                    return Err(texts.fill("answer.not-a-choice", &[("value", unknown)]));
                }
                let exclusive = ids
                    .iter()
                    .filter(|id| options.iter().any(|o| o.id == **id && o.exclusive))
                    .count();
                if exclusive > 0 && ids.len() > 1 {
                    return Err(texts.get("answer.none-combined").to_owned());
                }
                Ok(())
            }
            (QuestionKind::YesNo, Answer::Bool(_)) => Ok(()),
            (QuestionKind::Number { min, max }, Answer::Number(n)) => {
                if (*min..=*max).contains(n) {
                    Ok(())
                } else {
                    Err(texts.fill(
                        "answer.number-range",
                        &[("min", &texts.integer(*min)), ("max", &texts.integer(*max))],
                    ))
                }
            }
            (QuestionKind::Text { max_length }, Answer::Text(text)) => {
                let length = text.chars().count();
                if length <= *max_length {
                    Ok(())
                } else {
                    Err(texts.fill(
                        "answer.too-long",
                        &[
                            ("max", &texts.integer(*max_length as i64)),
                            ("length", &texts.integer(length as i64)),
                        ],
                    ))
                }
            }
            (QuestionKind::Date, Answer::Text(text)) => crate::date::Date::parse(text)
                .map(|_| ())
                .ok_or_else(|| texts.get("answer.date").to_owned()),
            (QuestionKind::Maturity { .. }, Answer::Text(level)) => Maturity::parse(level)
                .map(|_| ())
                .ok_or_else(|| texts.fill("answer.not-a-maturity", &[("value", level)])),
            // Never shown to a prospect: the questionnaire does not check edition questions.
            (QuestionKind::Edition { .. }, _) => {
                Err("editions are stored with the assessment, not as answers".to_owned())
            }
            (kind, _) => Err(texts.get(expected_shape(kind)).to_owned()),
        }
    }
}

/// The key of the message for an answer of the wrong shape.
fn expected_shape(kind: &QuestionKind) -> &'static str {
    match kind {
        QuestionKind::Single { .. } | QuestionKind::Maturity { .. } => "answer.expected.one-choice",
        QuestionKind::Multiple { .. } => "answer.expected.choices",
        QuestionKind::YesNo => "answer.expected.yes-no",
        QuestionKind::Number { .. } => "answer.expected.number",
        QuestionKind::Text { .. } => "answer.expected.text",
        QuestionKind::Date => "answer.expected.date",
        QuestionKind::Edition { .. } => "answer.expected.edition",
    }
}

impl Condition {
    /// Whether the condition holds for these answers. An unanswered question satisfies no
    /// condition on its value.
    pub fn holds(&self, answers: &Answers) -> bool {
        match self {
            Condition::Is { question, value } => match (answers.get(question), value) {
                (Some(Answer::Text(text)), serde_json::Value::String(v)) => text == v,
                (Some(Answer::Bool(b)), serde_json::Value::Bool(v)) => b == v,
                _ => false,
            },
            Condition::OneOf { question, values } => answers
                .get(question)
                .and_then(Answer::as_text)
                .is_some_and(|text| values.iter().any(|v| v == text)),
            Condition::Has { question, value } => answers
                .get(question)
                .is_some_and(|answer| answer.usable_choices().iter().any(|v| v == value)),
            Condition::Answered { question } => {
                answers.get(question).is_some_and(|answer| match answer {
                    Answer::Choices(_) => !answer.usable_choices().is_empty(),
                    _ => !answer.is_empty(),
                })
            }
            Condition::All(all) => all.iter().all(|c| c.holds(answers)),
            Condition::Any(any) => any.iter().any(|c| c.holds(answers)),
            Condition::Not(inner) => !inner.holds(answers),
        }
    }
}

impl Questionnaire {
    /// How mature the prospect says a crosswalk practice is: the answer to that practice's
    /// maturity question, whatever its id.
    pub fn maturity(&self, answers: &Answers, practice: &str) -> Option<Maturity> {
        let id = self.maturity_ids.get(practice)?;
        answers
            .get(id)
            .and_then(Answer::as_text)
            .and_then(Maturity::parse)
    }

    /// Whether a question is shown for these answers.
    pub fn is_visible(&self, question: &Question, answers: &Answers) -> bool {
        question.show_if.as_ref().is_none_or(|c| c.holds(answers))
    }

    /// The answers to the questions these answers show: an answer kept while its question is
    /// hidden (the sector changed after it was given) stays saved, so nothing entered is lost,
    /// but is not read, as the workbook's Answers sheet says it was not asked (twenty-fourth
    /// review). Conditions name earlier questions only, so one pass in order settles each.
    pub fn shown_answers<'a>(&self, answers: &'a Answers) -> std::borrow::Cow<'a, Answers> {
        let hidden =
            |shown: &Answers, q: &Question| shown.contains_key(&q.id) && !self.is_visible(q, shown);
        if !self.questions().any(|q| hidden(answers, q)) {
            return std::borrow::Cow::Borrowed(answers);
        }
        let mut shown = answers.clone();
        for question in self.questions() {
            if hidden(&shown, question) {
                shown.remove(&question.id);
            }
        }
        std::borrow::Cow::Owned(shown)
    }

    /// Problems with the answers to one section: required questions left open and answers that
    /// do not fit, keyed by question id, the messages in `texts`' language. Hidden questions are
    /// not checked.
    pub fn section_problems(
        &self,
        section_id: &str,
        answers: &Answers,
        texts: &Texts,
    ) -> Vec<(String, String)> {
        let Some(section) = self.sections.iter().find(|s| s.id == section_id) else {
            return Vec::new();
        };
        section
            .questions
            .iter()
            .filter(|q| self.is_visible(q, answers))
            .filter(|q| !matches!(q.kind, QuestionKind::Edition { .. }))
            .filter_map(|q| match answers.get(&q.id) {
                Some(answer) if !answer.is_empty() => {
                    q.check_in(answer, texts).err().map(|e| (q.id.clone(), e))
                }
                _ if q.required => Some((q.id.clone(), texts.get("answer.required").to_owned())),
                _ => None,
            })
            .collect()
    }
}
