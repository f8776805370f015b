//! What the page and the export worker say to each other. Both sides use these types, so neither
//! depends on the other: the page never reaches the workbook code, the worker never the UI.
//! Pure data and JSON; no browser, no workbook.
//!
//! - the worker posts the string `"ready"` once it takes requests, and `"prepared M"` after it
//!   built a workbook ahead of time in M milliseconds (the page ignores it; benchmarks read it);
//! - the page posts `{kind, request}`: `kind` is a [`Kind`], `request` the JSON text of a
//!   [`Request`]. A prepare builds the workbook and keeps it; an export whose request is the
//!   same text gets the kept workbook at once, and any other export is built there and then;
//! - the reply to an export is `{ok: true, bytes: Uint8Array, millis, prepared}` (`millis`: the
//!   build time; `prepared`: built ahead of time) or `{ok: false, error}`;
//! - reading a workbook back is the reader worker's (`src/bin/ims-matrix-read-worker.rs`).

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

/// The largest file the app opens as a workbook; larger ones are refused before they are read.
pub const MAX_WORKBOOK_BYTES: usize = 20 * 1024 * 1024;

/// The consultancy whose branded app made the workbook.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Brand {
    pub name: String,
    /// A web address, e-mail address or phone number, as the consultancy gave it.
    #[serde(default)]
    pub contact: String,
}

/// One workbook request. The assessment travels as its own JSON text, unparsed until the worker
/// imports it, so it is parsed once and checked like every other input.
#[derive(Serialize, Deserialize)]
pub struct Request<'a> {
    #[serde(borrow)]
    pub assessment: &'a RawValue,
    pub date: &'a str,
    #[serde(default)]
    pub brand: Option<Brand>,
    /// The workbook's language; the page installs its texts in the worker first (`language`).
    #[serde(default = "english")]
    pub lang: String,
}

fn english() -> String {
    "en".to_owned()
}

/// A language's texts for the worker, sent once before the first request in that language.
#[derive(Serialize, Deserialize)]
pub struct Language<'a> {
    pub lang: &'a str,
    /// The bundle's JSON text: owned when read, as JSON escapes its quotes.
    pub bundle: std::borrow::Cow<'a, str>,
}

crate::vocabulary::vocabulary! {
    /// What the page asks of the worker.
    pub enum Kind {
        /// Build the workbook now and keep it: the user may click Download any moment.
        Prepare = "prepare" => "Build ahead of time",
        /// The user clicked Download: reply with the workbook.
        Export = "export" => "Export",
        /// Install a language's texts (`request` is `{lang, bundle}`), before requests in it.
        Language = "language" => "Language",
    }
}

/// Where the export worker's loader keeps the messages that come before its wasm is ready
/// (`scripts/hash-workers.mjs`): a message nobody listens to is lost.
pub const EARLY_MESSAGES: &str = "imsMatrixEarlyMessages";

/// The request text for an assessment's JSON (`Assessment::to_json`), as the page sends it.
///
/// # Panics
/// When `assessment_json` is not JSON, which `to_json` and the built-in sample never are.
pub fn request_json(assessment_json: &str, date: &str, brand: Option<&Brand>) -> String {
    request_json_in("en", assessment_json, date, brand)
}

/// The request text for a workbook in `lang`.
///
/// # Panics
/// When `assessment_json` is not JSON, which `to_json` and the built-in sample never are.
pub fn request_json_in(
    lang: &str,
    assessment_json: &str,
    date: &str,
    brand: Option<&Brand>,
) -> String {
    let request = Request {
        assessment: serde_json::from_str(assessment_json).expect("the assessment is JSON"),
        date,
        brand: brand.cloned(),
        lang: lang.to_owned(),
    };
    serde_json::to_string(&request).expect("a request always serializes")
}

#[cfg(test)]
mod tests {
    use super::{Kind, Language, EARLY_MESSAGES};

    #[test]
    fn the_worker_loader_keeps_early_messages_where_the_worker_reads_them() {
        let hook = include_str!("../scripts/hash-workers.mjs");
        assert!(hook.contains(&format!("self.{EARLY_MESSAGES}")), "{hook}");
    }

    #[test]
    fn a_language_message_carries_a_bundle_with_quotes() {
        let bundle = r#"{"a": "say \"hi\""}"#;
        let message = serde_json::to_string(&Language {
            lang: "de",
            bundle: bundle.into(),
        })
        .unwrap();
        let read: Language = serde_json::from_str(&message).unwrap();
        assert_eq!((read.lang, &*read.bundle), ("de", bundle));
    }

    #[test]
    fn only_prepare_export_and_language_are_requests() {
        assert_eq!(Kind::parse("prepare"), Some(Kind::Prepare));
        assert_eq!(Kind::parse("export"), Some(Kind::Export));
        assert_eq!(Kind::parse("language"), Some(Kind::Language));
        assert_eq!(Kind::parse("Export"), None);
        assert_eq!(Kind::parse(""), None);
    }
}
