//! The validated questionnaire: sections of questions with help text and show-if conditions, and
//! the applicability rules that turn scope facts into a draft Statement of Applicability.

use std::collections::HashMap;

use serde::Serialize;

use crate::catalog::{Family, Text};

crate::vocabulary::vocabulary! {
    /// How mature a practice already is, as the prospect reports it.
    pub enum Maturity {
        NotInPlace = "not_in_place" => "Not in place",
        Informal = "informal" => "Done, not written down",
        /// Documented and run for one of the two standards (or the only one it belongs to;
        /// `Maturity::label_for` names it for such a practice).
        DocumentedOne = "documented_one" => "Written down separately",
        /// Documented once, covering both standards.
        Integrated = "integrated" => "Written down once for both",
    }
}

impl Maturity {
    /// Whether the practice is written down, for one standard or once for both.
    pub fn is_written(self) -> bool {
        matches!(self, Maturity::DocumentedOne | Maturity::Integrated)
    }

    /// The levels a maturity question offers: "once for both" only where the practice has rows
    /// of both standards.
    pub fn offered(one_standard: bool) -> &'static [Maturity] {
        if one_standard {
            &Maturity::ALL[..3]
        } else {
            &Maturity::ALL
        }
    }

    /// The level as a question of its practice shows it: "once for both", saved before the
    /// scale of a practice of one standard lost it, is written down all the same.
    pub fn as_asked(self, one_standard: bool) -> Maturity {
        match self {
            Maturity::Integrated if one_standard => Maturity::DocumentedOne,
            level => level,
        }
    }

    /// The text key of this level's label in a question of its practice (`as_asked` first):
    /// "written down" for a practice of one standard; `None` where the vocabulary's label
    /// stands.
    pub fn label_key(self, one_standard: bool) -> Option<&'static str> {
        (one_standard && self == Maturity::DocumentedOne)
            .then_some("question.maturity.written-down")
    }
}

/// One choice of a single- or multiple-choice question.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Choice {
    pub id: String,
    pub label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// Choosing it clears the others ("none of these").
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub exclusive: bool,
}

/// What kind of answer a question takes.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum QuestionKind {
    Single {
        options: Vec<Choice>,
    },
    Multiple {
        options: Vec<Choice>,
    },
    YesNo,
    Number {
        min: i64,
        max: i64,
    },
    Text {
        max_length: usize,
    },
    /// A calendar date, stored as `YYYY-MM-DD` text.
    Date,
    /// Chooses the edition of one standard; stored as the assessment's editions.
    Edition {
        family: Family,
    },
    /// How mature one crosswalk practice is, on the fixed `Maturity` scale.
    Maturity {
        practice: String,
        /// Every row of the practice belongs to one standard (Annex A areas, 20000-1-only
        /// processes): "written down once for both" means nothing there, so it is not offered,
        /// and "written down separately" reads "written down". Set from the crosswalk.
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        one_standard: bool,
    },
}

impl QuestionKind {
    /// The kind's name as data files write it.
    pub fn name(&self) -> &'static str {
        match self {
            QuestionKind::Single { .. } => "single",
            QuestionKind::Multiple { .. } => "multiple",
            QuestionKind::YesNo => "yes_no",
            QuestionKind::Number { .. } => "number",
            QuestionKind::Text { .. } => "text",
            QuestionKind::Date => "date",
            QuestionKind::Edition { .. } => "edition",
            QuestionKind::Maturity { .. } => "maturity",
        }
    }

    pub fn options(&self) -> &[Choice] {
        match self {
            QuestionKind::Single { options } | QuestionKind::Multiple { options } => options,
            _ => &[],
        }
    }
}

/// A condition on earlier answers (show-if, and applicability rules).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    /// The answer equals this option id or yes/no value.
    Is {
        question: String,
        value: serde_json::Value,
    },
    /// A single-choice answer is one of these option ids.
    OneOf {
        question: String,
        values: Vec<String>,
    },
    /// A multiple-choice answer includes this option id.
    Has {
        question: String,
        value: String,
    },
    /// The question has an answer.
    Answered {
        question: String,
    },
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
}

impl Condition {
    /// Every question the condition reads.
    pub fn questions(&self) -> Vec<&str> {
        match self {
            Condition::Is { question, .. }
            | Condition::OneOf { question, .. }
            | Condition::Has { question, .. }
            | Condition::Answered { question } => vec![question.as_str()],
            Condition::All(all) | Condition::Any(all) => {
                all.iter().flat_map(Condition::questions).collect()
            }
            Condition::Not(inner) => inner.questions(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Question {
    pub id: String,
    #[serde(flatten)]
    pub kind: QuestionKind,
    pub label: String,
    pub help: String,
    pub required: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub show_if: Option<Condition>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Section {
    pub id: String,
    pub title: String,
    pub intro: String,
    pub questions: Vec<Question>,
}

/// Decides applicability of the named 2022 Annex A controls when its condition holds.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ApplicabilityRule {
    /// Stable and unique: the key of the reason's translations, so that rules can be
    /// reordered (the first that holds decides) without moving them.
    pub id: String,
    pub controls: Vec<String>,
    pub applicable: bool,
    pub when: Condition,
    pub reason: Text,
    /// What the rule means for each of its controls, after the reason: an auditor reads the SoA
    /// control by control, so two controls one rule includes do not share one justification.
    /// Required for an including rule of two controls; a rule of more leaves it to each
    /// control's own reason (`data/controls.json`), unless it gives one here.
    pub each: Vec<(String, Text)>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Questionnaire {
    pub sections: Vec<Section>,
    pub applicability: Vec<ApplicabilityRule>,
    /// Whether the applicability rules were loaded: `questionnaire::questions()` leaves them out
    /// for the first-visit page, and the engine refuses such a questionnaire
    /// (`Questionnaire::rules`) rather than draft a Statement of Applicability without them.
    #[serde(skip)]
    pub(crate) rules_loaded: bool,
    /// The maturity question's id by practice, found once at load.
    #[serde(skip)]
    pub(crate) maturity_ids: HashMap<String, String>,
}

impl Questionnaire {
    /// The Annex A applicability rules, for the engine.
    ///
    /// # Panics
    /// For a questionnaire loaded without them (`questionnaire::questions()`, the first-visit
    /// page's): a Statement of Applicability drafted without its rules would be wrong without
    /// a sign, so this is a programming error, not an input.
    pub fn rules(&self) -> &[ApplicabilityRule] {
        assert!(
            self.rules_loaded,
            "the questionnaire was loaded without its applicability rules (questionnaire::questions()); the engine needs questionnaire::builtin() or ::localized()"
        );
        &self.applicability
    }

    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.sections
            .iter()
            .flat_map(|section| section.questions.iter())
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions().find(|question| question.id == id)
    }

    /// The maturity question of a crosswalk practice.
    pub fn maturity_question(&self, practice: &str) -> Option<&Question> {
        self.questions().find(|question| {
            matches!(&question.kind, QuestionKind::Maturity { practice: p, .. } if p == practice)
        })
    }
}
