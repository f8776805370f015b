//! Texts in the reader's language. English is built in; every other language is a bundle of
//! `locales/<lang>/*.json` (flat `key -> text`) that overlays it: the page fetches it when the
//! language is chosen, the command line embeds it. Pure: no browser, no IO.
//!
//! Keys name what a text is for (`welcome.start`, `workbook.sheet.matrix`); `{name}` marks a
//! value filled in; a key ending in `.one` / `.other` is a count's two forms. The data files'
//! texts (clause titles, questions, guidance) keep their English in `data/` and are translated
//! under keys made from their ids (each data module's `localized`). Vocabulary labels fall back to
//! the English of their table (`vocabulary!`).

mod format;
mod per_language;
mod texts;

pub use format::NumberFormat;
pub use per_language::PerLanguage;
pub use texts::{placeholders, Texts, TextsError};

/// Called for each translatable text of a data file: its key and English; returns the
/// translation to put in its place, if any. Listing the keys and translating walk the same way.
pub type TextVisitor<'a> = dyn FnMut(&str, &str) -> Option<String> + 'a;

/// Built-in data with texts to translate: the catalog, the questionnaire, the advice.
pub trait Translatable: Clone + 'static {
    /// Walks every translatable text under its key (listing the keys and translating walk the
    /// same way).
    fn visit_texts(&mut self, visit: &mut TextVisitor<'_>);

    /// Runs once on a translated copy, with the English it was made from.
    fn translated_from(&mut self, _english: &Self) {}
}

/// `english` in `texts`' language: itself for English; otherwise a copy with every text the
/// bundle translates replaced, made once per language in `copies` and kept.
pub fn localized_copy<T: Translatable>(
    copies: &'static PerLanguage<T>,
    texts: &Texts,
    english: &'static T,
) -> &'static T {
    if texts.lang() == "en" {
        return english;
    }
    copies.get(texts.lang(), || {
        let mut copy = english.clone();
        copy.visit_texts(&mut |key, _| texts.find(key).map(str::to_owned));
        copy.translated_from(english);
        copy
    })
}

/// A `Text`-like field replaced by `visit`'s translation of `key`.
pub fn visit_text<T: AsRef<str> + From<String>>(
    visit: &mut TextVisitor<'_>,
    key: &str,
    field: &mut T,
) {
    if let Some(translated) = visit(key, field.as_ref()) {
        *field = T::from(translated);
    }
}

include!(concat!(env!("OUT_DIR"), "/locales/languages.rs"));

/// The bundle of one language as the build merged it (`build.rs`), or `None`. Only the command
/// line and the tests call this: the page fetches bundles instead, so its wasm carries none.
pub fn bundled(lang: &str) -> Option<&'static str> {
    include!(concat!(env!("OUT_DIR"), "/locales/bundled.rs"))
}

/// The language of `tags` (browser or embed preferences, best first, such as `de-CH`) that the
/// app has, by primary subtag; `None` when it has none of them.
pub fn best_match<'a>(tags: impl IntoIterator<Item = &'a str>) -> Option<&'static str> {
    tags.into_iter().find_map(|tag| {
        let primary = tag.split(['-', '_']).next()?.trim().to_ascii_lowercase();
        LANGUAGES
            .iter()
            .map(|(code, _)| *code)
            .find(|code| *code == primary)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_by_primary_subtag_in_preference_order() {
        assert_eq!(best_match(["de-CH", "en"]), Some("de"));
        assert_eq!(best_match(["pt-BR", "FR"]), Some("fr"));
        assert_eq!(best_match(["pt", "zz"]), None);
        assert_eq!(best_match([""]), None);
    }

    #[test]
    fn english_is_a_language_and_every_language_is_bundled() {
        assert!(LANGUAGES.iter().any(|(code, _)| *code == "en"));
        for (code, _) in LANGUAGES {
            assert!(bundled(code).is_some(), "{code}");
        }
        assert!(bundled("xx").is_none());
    }
}
