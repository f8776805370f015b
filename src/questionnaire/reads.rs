//! The questions the engine reads, each declared once with the answer it expects: its kind and,
//! for choices, the option ids as a vocabulary enum. The engine reads answers only through these
//! declarations, and `load` checks every one against the questionnaire data, so renaming a
//! question or an option in data/questionnaire.json fails when the data loads instead of
//! silently changing results.

use std::marker::PhantomData;

use super::answer::{Answer, Answers};
use super::model::{QuestionKind, Questionnaire};
use crate::vocabulary::Vocabulary;

/// The shape of answer a declaration expects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expect {
    /// One option id, from exactly these options.
    Single(&'static [&'static str]),
    /// A list of option ids, from exactly these options.
    Multiple(&'static [&'static str]),
    YesNo,
    Number,
    Text,
}

/// A single-choice question whose options are the values of `T`.
pub struct Single<T> {
    pub id: &'static str,
    options: PhantomData<T>,
}

impl<T: Vocabulary> Single<T> {
    pub const fn new(id: &'static str) -> Self {
        Single {
            id,
            options: PhantomData,
        }
    }

    /// The answer, if the question was answered with one of its options.
    pub fn get(&self, answers: &Answers) -> Option<T> {
        answers
            .get(self.id)
            .and_then(Answer::as_text)
            .and_then(T::parse)
    }

    pub fn expect(&self) -> (&'static str, Expect) {
        (self.id, Expect::Single(T::IDS))
    }
}

/// A multiple-choice question whose options are the values of `T`.
pub struct Multiple<T> {
    pub id: &'static str,
    options: PhantomData<T>,
}

impl<T: Vocabulary + PartialEq> Multiple<T> {
    pub const fn new(id: &'static str) -> Self {
        Multiple {
            id,
            options: PhantomData,
        }
    }

    /// The options chosen (empty when unanswered).
    pub fn get(&self, answers: &Answers) -> Vec<T> {
        answers
            .get(self.id)
            .map(|a| {
                a.as_choices()
                    .iter()
                    .filter_map(|id| T::parse(id))
                    .collect()
            })
            .unwrap_or_default()
    }

    pub fn has(&self, answers: &Answers, option: T) -> bool {
        self.get(answers).contains(&option)
    }

    pub fn expect(&self) -> (&'static str, Expect) {
        (self.id, Expect::Multiple(T::IDS))
    }
}

/// A yes/no question.
pub struct YesNo {
    pub id: &'static str,
}

impl YesNo {
    pub fn get(&self, answers: &Answers) -> Option<bool> {
        answers.get(self.id).and_then(Answer::as_bool)
    }

    /// Answered yes.
    pub fn yes(&self, answers: &Answers) -> bool {
        self.get(answers) == Some(true)
    }

    pub fn expect(&self) -> (&'static str, Expect) {
        (self.id, Expect::YesNo)
    }
}

/// A whole-number question.
pub struct Number {
    pub id: &'static str,
}

impl Number {
    pub fn get(&self, answers: &Answers) -> Option<i64> {
        answers.get(self.id).and_then(Answer::as_number)
    }

    pub fn expect(&self) -> (&'static str, Expect) {
        (self.id, Expect::Number)
    }
}

/// A short-text question.
pub struct Text {
    pub id: &'static str,
}

impl Text {
    /// The text, trimmed, when it is not empty.
    pub fn get<'a>(&self, answers: &'a Answers) -> Option<&'a str> {
        answers
            .get(self.id)
            .and_then(Answer::as_text)
            .map(str::trim)
            .filter(|text| !text.is_empty())
    }

    pub fn expect(&self) -> (&'static str, Expect) {
        (self.id, Expect::Text)
    }
}

crate::vocabulary::vocabulary! {
    /// `org.size`: how many people work for the organisation.
    pub enum OrgSize {
        Micro = "micro",
        Small = "small",
        Medium = "medium",
        Large = "large",
        Enterprise = "enterprise",
    }
}

crate::vocabulary::vocabulary! {
    /// `start.iso27001`, `start.iso20000`: how far the organisation is with a standard.
    pub enum Holding {
        Certified = "certified",
        Implemented = "implemented",
        InProgress = "in-progress",
        None = "none",
    }
}

impl Holding {
    /// Certified or in place: there is a system to build on.
    pub fn holds(self) -> bool {
        matches!(self, Holding::Certified | Holding::Implemented)
    }
}

crate::vocabulary::vocabulary! {
    /// `start.target`: what the organisation wants to achieve.
    pub enum Goal {
        Integrated = "integrated",
        Iso27001First = "iso27001-first",
        Iso20000First = "iso20000-first",
    }
}

pub const ORG_NAME: Text = Text { id: "org.name" };
pub const ORG_SIZE: Single<OrgSize> = Single::new("org.size");
pub const START_ISO27001: Single<Holding> = Single::new("start.iso27001");
pub const START_ISO20000: Single<Holding> = Single::new("start.iso20000");
pub const START_SEPARATE: YesNo = YesNo {
    id: "start.separate",
};
pub const START_TARGET: Single<Goal> = Single::new("start.target");
pub const PAYMENT_CARDS: YesNo = YesNo {
    id: "scope.payment-cards",
};
pub const PERSONAL_DATA: YesNo = YesNo {
    id: "scope.personal-data",
};
pub const REGULATED: YesNo = YesNo {
    id: "scope.regulated",
};
pub const CRITICAL_SUPPLIERS: YesNo = YesNo {
    id: "scope.critical-suppliers",
};

/// Every question the engine reads, with what it expects. `load` checks each.
pub fn declared() -> Vec<(&'static str, Expect)> {
    vec![
        ORG_NAME.expect(),
        ORG_SIZE.expect(),
        START_ISO27001.expect(),
        START_ISO20000.expect(),
        START_SEPARATE.expect(),
        START_TARGET.expect(),
        PAYMENT_CARDS.expect(),
        PERSONAL_DATA.expect(),
        REGULATED.expect(),
        CRITICAL_SUPPLIERS.expect(),
    ]
}

/// What is wrong with one declaration against the questionnaire, if anything.
pub fn mismatch(q: &Questionnaire, id: &str, expect: Expect) -> Option<String> {
    let Some(question) = q.question(id) else {
        return Some("the engine reads this question, which the questionnaire lacks".to_owned());
    };
    let same_options = |wanted: &[&str]| {
        let mut have: Vec<&str> = question
            .kind
            .options()
            .iter()
            .map(|o| o.id.as_str())
            .collect();
        let mut wanted = wanted.to_vec();
        have.sort_unstable();
        wanted.sort_unstable();
        (have == wanted).then_some(()).ok_or_else(|| {
            format!("the engine reads the options {wanted:?}; the questionnaire has {have:?}")
        })
    };
    let result = match (expect, &question.kind) {
        (Expect::Single(options), QuestionKind::Single { .. })
        | (Expect::Multiple(options), QuestionKind::Multiple { .. }) => same_options(options),
        (Expect::YesNo, QuestionKind::YesNo)
        | (Expect::Number, QuestionKind::Number { .. })
        | (Expect::Text, QuestionKind::Text { .. }) => Ok(()),
        (expect, kind) => Err(format!(
            "the engine reads this question as {expect:?}; it is {}",
            kind.name()
        )),
    };
    result.err()
}
