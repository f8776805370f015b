//! The scoping questionnaire: sections of questions (data in `data/questionnaire.json`), answers,
//! show-if conditions, validation messages, and the applicability rules for Annex A. Knows
//! nothing of the browser.

mod answer;
mod localize;
mod model;
mod raw;
pub mod reads;
mod validate;

use std::sync::OnceLock;

use crate::i18n::{self, PerLanguage, Texts};

pub use answer::{Answer, Answers};
pub use model::{
    ApplicabilityRule, Choice, Condition, Maturity, Question, QuestionKind, Questionnaire, Section,
};
pub use validate::{load, load_questions, with_rules};

use crate::catalog::{self, DataFile};

/// The questions of `data/questionnaire.json` built into the binary; `build.rs` writes its
/// applicability rules apart (`RULES_FILE`), so that the first-visit page, which asks the
/// questions and drafts no Statement of Applicability, carries none.
pub const BUILTIN_FILE: DataFile<'static> = DataFile {
    name: "data/questionnaire.json",
    text: include_str!(concat!(env!("OUT_DIR"), "/data/questionnaire.json")),
};

/// The Annex A applicability rules of `data/questionnaire.json`, for the engine.
pub const RULES_FILE: DataFile<'static> = DataFile {
    name: "data/questionnaire.json",
    text: include_str!(concat!(env!("OUT_DIR"), "/data/applicability.json")),
};

fn valid(result: Result<Questionnaire, Vec<crate::catalog::DataError>>) -> Questionnaire {
    result.unwrap_or_else(|errors| {
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("built-in questionnaire is invalid:\n{}", lines.join("\n"))
    })
}

/// The built-in questions without the applicability rules, validated once: what the
/// questionnaire screens, imports and saved answers need. The engine refuses it
/// (`Questionnaire::rules`); it takes `builtin()`.
///
/// # Panics
/// If the built-in data is invalid; `tests/questionnaire.rs` guarantees it is not.
pub fn questions() -> &'static Questionnaire {
    static QUESTIONS: OnceLock<Questionnaire> = OnceLock::new();
    QUESTIONS.get_or_init(|| valid(load_questions(&BUILTIN_FILE, catalog::builtin_index())))
}

/// The built-in questionnaire with its applicability rules, validated once against the
/// built-in catalog: what the engine needs.
///
/// # Panics
/// If the built-in data is invalid; `tests/questionnaire.rs` guarantees it is not.
pub fn builtin() -> &'static Questionnaire {
    static QUESTIONNAIRE: OnceLock<Questionnaire> = OnceLock::new();
    QUESTIONNAIRE.get_or_init(|| {
        valid(with_rules(
            questions(),
            &RULES_FILE,
            catalog::builtin_index(),
        ))
    })
}

/// The built-in questionnaire with `texts`' translations, made once per language.
pub fn localized(texts: &Texts) -> &'static Questionnaire {
    static COPIES: PerLanguage<Questionnaire> = PerLanguage::new();
    i18n::localized_copy(&COPIES, texts, builtin())
}

/// The built-in questions (`questions()`) with `texts`' translations, made once per language.
pub fn localized_questions(texts: &Texts) -> &'static Questionnaire {
    static COPIES: PerLanguage<Questionnaire> = PerLanguage::new();
    i18n::localized_copy(&COPIES, texts, questions())
}

#[cfg(test)]
mod tests {
    use super::answer::EXCLUSIVE;
    use super::reads::{Premises, PREMISES};
    use super::*;

    #[test]
    fn the_only_exclusive_choice_in_the_data_is_none() {
        for question in builtin().questions() {
            if let QuestionKind::Multiple { options } = &question.kind {
                for option in options {
                    assert_eq!(
                        option.exclusive,
                        option.id == EXCLUSIVE,
                        "{}: {}",
                        question.id,
                        option.id
                    );
                }
            }
        }
    }

    #[test]
    fn none_combined_with_other_choices_reads_as_unanswered() {
        let answers = |ids: &[&str]| -> Answers {
            let chosen = ids.iter().map(|id| (*id).to_owned()).collect();
            [(PREMISES.id.to_owned(), Answer::Choices(chosen))].into()
        };
        assert_eq!(
            PREMISES.get(&answers(&["offices", "server-room"])),
            vec![Premises::Offices, Premises::ServerRoom]
        );
        assert_eq!(PREMISES.get(&answers(&["none"])), vec![Premises::None]);
        assert!(PREMISES.get(&answers(&["offices", "none"])).is_empty());
        // The data's conditions read it the same way (the Annex A rules, the questions shown).
        let has = |value: &str| Condition::Has {
            question: PREMISES.id.to_owned(),
            value: value.to_owned(),
        };
        assert!(has("offices").holds(&answers(&["offices"])));
        assert!(!has("none").holds(&answers(&["offices", "none"])));
        assert!(!has("offices").holds(&answers(&["offices", "none"])));
    }
}
