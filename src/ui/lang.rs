//! The texts the screens show, in the visitor's language: `t("key")` for a text,
//! `tf("key", &[("name", &value)])` to fill `{name}`, `tc("key", n, …)` for a count
//! (`key.one` / `key.other`), `label(value)` for a vocabulary value, and the built-in data
//! (`catalog()`, `questionnaire()`) localized. The root sets the language before it renders
//! (`set`) and remounts the screens when it changes, so a component reads these while it
//! renders and never stores a text.

use std::cell::Cell;
use std::fmt::Display;

use crate::catalog::{self, Catalog};
use crate::date::Date;
use crate::i18n::Texts;
use crate::questionnaire::{self, Questionnaire};
use crate::vocabulary::Vocabulary;

thread_local! {
    static TEXTS: Cell<&'static Texts> = Cell::new(Texts::english());
}

/// The language the screens show now.
pub fn texts() -> &'static Texts {
    TEXTS.with(Cell::get)
}

/// Shows the screens in `texts`' language from the next render on; `bundle`, the file they came
/// from, is kept for the reader worker, so a workbook's review can be in the language too (the
/// page lays out the workbook itself, in this language).
pub fn set(texts: &'static Texts, bundle: Option<&str>) {
    TEXTS.with(|current| current.set(texts));
    crate::web::lang::set_current(texts.lang());
    if let Some(bundle) = bundle {
        crate::web::lang::keep_bundle(texts.lang(), bundle);
    }
}

/// The text of `key`.
pub fn t(key: &'static str) -> &'static str {
    texts().get(key)
}

/// The text of `key` with each `{name}` filled.
pub fn tf(key: &str, args: &[(&str, &dyn Display)]) -> String {
    texts().fill(key, args)
}

/// The form of `key` for `count` (`key.one` / `key.other`), `{count}` and the rest filled.
pub fn tc(key: &str, count: usize, args: &[(&str, &dyn Display)]) -> String {
    texts().count(key, count, args)
}

/// The label of a vocabulary value (a status, a priority, a phase …).
pub fn label<V: Vocabulary>(value: V) -> &'static str {
    texts().label(value)
}

/// A `YYYY-MM-DD` date as the language writes it; other text as it is.
pub fn date(iso: &str) -> String {
    Date::parse(iso).map_or_else(|| iso.to_owned(), |d| texts().date(d))
}

/// A whole number as the language writes it (1,000 / 1.000 / 1 000).
pub fn integer(value: impl Into<i64>) -> String {
    texts().integer(value.into())
}

/// A number with `decimals` decimals as the language writes it (2.5 / 2,5).
pub fn decimal(value: f64, decimals: usize) -> String {
    texts().decimal(value, decimals)
}

/// The built-in catalog with its titles and advice in the screens' language.
pub fn catalog() -> &'static Catalog {
    catalog::localized(texts())
}

/// The built-in questions in the screens' language, without the applicability rules, which
/// only the engine reads (the first-visit page carries none).
pub fn questionnaire() -> &'static Questionnaire {
    questionnaire::localized_questions(texts())
}
