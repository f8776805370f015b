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
pub use validate::load;

use crate::catalog::{self, DataFile};

/// The questionnaire data file built into the binary.
pub const BUILTIN_FILE: DataFile<'static> = DataFile {
    name: "data/questionnaire.json",
    text: include_str!(concat!(env!("OUT_DIR"), "/data/questionnaire.json")),
};

/// The built-in questionnaire, validated once against the built-in catalog.
///
/// # Panics
/// If the built-in data is invalid; `tests/questionnaire.rs` guarantees it is not.
pub fn builtin() -> &'static Questionnaire {
    static QUESTIONNAIRE: OnceLock<Questionnaire> = OnceLock::new();
    QUESTIONNAIRE.get_or_init(|| match load(&BUILTIN_FILE, catalog::builtin_index()) {
        Ok(questionnaire) => questionnaire,
        Err(errors) => {
            let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
            panic!("built-in questionnaire is invalid:\n{}", lines.join("\n"))
        }
    })
}

/// The built-in questionnaire with `texts`' translations, made once per language.
pub fn localized(texts: &Texts) -> &'static Questionnaire {
    static COPIES: PerLanguage<Questionnaire> = PerLanguage::new();
    i18n::localized_copy(&COPIES, texts, builtin())
}
