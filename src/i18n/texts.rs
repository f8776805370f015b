//! One language's texts: the English built in, overlaid by the language's bundle.

use std::collections::HashMap;
use std::fmt;

use super::format::NumberFormat;
use super::per_language::PerLanguage;
use crate::date::Date;
use crate::vocabulary::Vocabulary;

static INSTALLED: PerLanguage<Texts> = PerLanguage::new();

/// The English a first visit shows (`locales/en/start*.json`, `language.json`,
/// `vocabulary.json`): the first-visit page carries only these (`add_all_english`).
const ENGLISH_FIRST_VISIT: &str =
    include_str!(concat!(env!("OUT_DIR"), "/locales/en-first-visit.json"));

/// The built-in English as it stands: a first visit's, or all of it once `add_all_english` ran.
static ENGLISH_TEXTS: std::sync::Mutex<Option<&'static Texts>> = std::sync::Mutex::new(None);

/// Why a language bundle could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextsError(pub String);

impl fmt::Display for TextsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Every text of one language, looked up by key.
#[derive(Debug, Clone)]
pub struct Texts {
    lang: String,
    messages: HashMap<String, String>,
    numbers: NumberFormat,
    /// French counts 0 and 1 as singular, English and German only 1.
    zero_is_singular: bool,
}

impl Eq for Texts {}

impl PartialEq for Texts {
    /// Two `Texts` of one language are the same texts: bundles are fixed at build time.
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang
    }
}

impl Texts {
    /// The built-in English. Natively it is all of it; in the browser, what a first visit shows
    /// until the full app or a worker calls `add_all_english`.
    pub fn english() -> &'static Texts {
        let mut english = ENGLISH_TEXTS
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if english.is_none() {
            #[allow(unused_mut)] // extended natively only
            let mut messages = parse(ENGLISH_FIRST_VISIT).expect("the build checked locales/en");
            #[cfg(not(target_arch = "wasm32"))]
            messages.extend(parse(english_rest()).expect("the build checked locales/en"));
            *english = Some(Box::leak(Box::new(Texts::from_messages("en", messages))));
        }
        english.expect("set above")
    }

    /// Adds the English of every screen, the engine and the workbook to `english()`. The full
    /// app and the export worker call it first thing; the first-visit page never does, so its
    /// wasm does not carry those texts.
    pub fn add_all_english() {
        let mut messages = Texts::english().messages.clone();
        messages.extend(parse(english_rest()).expect("the build checked locales/en"));
        let all = Box::leak(Box::new(Texts::from_messages("en", messages)));
        *ENGLISH_TEXTS
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(all);
    }

    /// `lang`'s bundle (a JSON object of texts) over the English; a key the bundle lacks reads
    /// in English.
    pub fn load(lang: &str, bundle: &str) -> Result<Texts, TextsError> {
        if lang == "en" {
            return Ok(Texts::english().clone());
        }
        let mut messages = Texts::english().messages.clone();
        messages.extend(parse(bundle)?);
        Ok(Texts::from_messages(lang, messages))
    }

    /// Loads `lang`'s bundle once and keeps it for the program's life (a handful of languages
    /// at most), so every part of the program can hold `&'static Texts`. Loading a language
    /// again returns the first copy.
    pub fn install(lang: &str, bundle: &str) -> Result<&'static Texts, TextsError> {
        if lang == "en" {
            return Ok(Texts::english());
        }
        if let Some(texts) = Texts::installed(lang) {
            return Ok(texts);
        }
        let texts = Texts::load(lang, bundle)?;
        Ok(INSTALLED.get(lang, || texts))
    }

    /// The language installed under `lang` (English always is).
    pub fn installed(lang: &str) -> Option<&'static Texts> {
        if lang == "en" {
            return Some(Texts::english());
        }
        INSTALLED.find(lang)
    }

    fn from_messages(lang: &str, messages: HashMap<String, String>) -> Texts {
        let numbers = NumberFormat::from_texts(&messages);
        let zero_is_singular = messages
            .get("language.plural")
            .is_some_and(|p| p == "zero-one");
        Texts {
            lang: lang.to_owned(),
            messages,
            numbers,
            zero_is_singular,
        }
    }

    /// The language code (`en`, `de`, `fr`).
    pub fn lang(&self) -> &str {
        &self.lang
    }

    /// The text of `key`; the key itself when no language has it, so a missing text shows
    /// where it is missing instead of leaving a blank (`tests/i18n.rs` keeps that from shipping).
    pub fn get<'a>(&'a self, key: &'a str) -> &'a str {
        self.messages.get(key).map_or(key, String::as_str)
    }

    /// The text of `key`, or `None`: for data texts whose English lives in `data/`.
    pub fn find(&self, key: &str) -> Option<&str> {
        self.messages.get(key).map(String::as_str)
    }

    /// The text of `key` with each `{name}` replaced by its value.
    pub fn fill(&self, key: &str, args: &[(&str, &dyn fmt::Display)]) -> String {
        fill(self.get(key), args)
    }

    /// The form of `key` for `count` (`key.one` or `key.other`), filled; `{count}` is the
    /// count written in the language's number format.
    pub fn count(&self, key: &str, count: usize, args: &[(&str, &dyn fmt::Display)]) -> String {
        let singular = count == 1 || (count == 0 && self.zero_is_singular);
        let form = format!("{key}.{}", if singular { "one" } else { "other" });
        let written = self.integer(count as i64);
        let mut all: Vec<(&str, &dyn fmt::Display)> = vec![("count", &written)];
        all.extend_from_slice(args);
        fill(self.get(&form), &all)
    }

    /// The label of a vocabulary value: the bundle's `Type.id`, else the table's English.
    pub fn label<V: Vocabulary>(&self, value: V) -> &str {
        let key = format!("{}.{}", V::NAME, value.id());
        self.messages
            .get(&key)
            .map_or(value.english(), String::as_str)
    }

    /// A whole number with the language's digit grouping (1,000 / 1.000 / 1 000).
    pub fn integer(&self, value: i64) -> String {
        self.numbers.integer(value)
    }

    /// A number with `decimals` decimals in the language's format (2.5 / 2,5).
    pub fn decimal(&self, value: f64, decimals: usize) -> String {
        self.numbers.decimal(value, decimals)
    }

    /// A date as the language writes it (2026-12-01 / 01.12.2026 / 01/12/2026).
    pub fn date(&self, date: Date) -> String {
        let (year, month, day) = date.parts();
        self.fill(
            "format.date",
            &[
                ("year", &format_args!("{year:04}")),
                ("month", &format_args!("{month:02}")),
                ("day", &format_args!("{day:02}")),
            ],
        )
    }

    /// Every key and text, for the completeness test and `ims-matrix texts`.
    pub fn entries(&self) -> impl Iterator<Item = (&str, &str)> {
        self.messages.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }
}

/// The English beyond a first visit's.
fn english_rest() -> &'static str {
    include_str!(concat!(env!("OUT_DIR"), "/locales/en-rest.json"))
}

fn parse(bundle: &str) -> Result<HashMap<String, String>, TextsError> {
    serde_json::from_str(bundle)
        .map_err(|e| TextsError(format!("the language file could not be read: {e}")))
}

/// `template` with each `{name}` replaced; an unknown `{name}` stays as written.
fn fill(template: &str, args: &[(&str, &dyn fmt::Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}').map(|close| (&after[..close], close)) {
            Some((name, close)) => match args.iter().find(|(n, _)| *n == name) {
                Some((_, value)) => {
                    use fmt::Write;
                    let _ = write!(out, "{value}");
                    rest = &after[close + 1..];
                }
                None => {
                    out.push('{');
                    rest = after;
                }
            },
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `{name}` placeholders of a text, in order, for the completeness test.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close)
                if after[..close]
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_')
                    && close > 0 =>
            {
                names.push(&after[..close]);
                rest = &after[close + 1..];
            }
            _ => rest = after,
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_named_values_and_leaves_the_rest() {
        assert_eq!(
            fill("{a} and {b}", &[("a", &1), ("b", &"two")]),
            "1 and two"
        );
        assert_eq!(fill("{a} {unknown} {", &[("a", &1)]), "1 {unknown} {");
        assert_eq!(placeholders("{a} x {b_2} {} {no way}"), ["a", "b_2"]);
    }

    #[test]
    fn a_bundle_overlays_english_and_missing_keys_read_in_english() {
        let texts = Texts::load("xx", r#"{"language.name": "Xx", "format.group": "."}"#).unwrap();
        assert_eq!(texts.get("language.name"), "Xx");
        assert_eq!(
            texts.get("format.date"),
            Texts::english().get("format.date")
        );
        assert_eq!(texts.integer(1234567), "1.234.567");
        assert_eq!(texts.get("no.such.key"), "no.such.key");
        assert!(Texts::load("xx", "[1]").is_err());
    }

    #[test]
    fn french_counts_zero_as_singular() {
        let fr = Texts::load(
            "xx",
            r#"{"language.plural": "zero-one", "t.one": "{count} point", "t.other": "{count} points"}"#,
        )
        .unwrap();
        assert_eq!(fr.count("t", 0, &[]), "0 point");
        assert_eq!(fr.count("t", 2, &[]), "2 points");
        let en = Texts::load(
            "yy",
            r#"{"t.one": "{count} point", "t.other": "{count} points"}"#,
        )
        .unwrap();
        assert_eq!(en.count("t", 0, &[]), "0 points");
        assert_eq!(en.count("t", 1, &[]), "1 point");
    }
}
