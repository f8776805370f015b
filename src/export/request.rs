//! Answers a workbook request from the page (see `protocol`): imports the assessment, builds the
//! matrix and the workbook. Pure: the export worker's browser glue calls it, tests call it
//! natively. Keeps the last workbook, so a request made again gets the same bytes at once.

use crate::assessment::{self, Assessment};
use crate::export::{self, ExportOptions};
use crate::i18n::Texts;
use crate::protocol::{Language, Request};
use crate::{catalog, matrix, questionnaire};

/// Builds the workbook for one request text.
///
/// # Errors
/// A message for the user when the request or its assessment cannot be read, or the workbook
/// cannot be built.
pub fn handle(request: &str) -> Result<Vec<u8>, String> {
    let request: Request =
        serde_json::from_str(request).map_err(|e| format!("bad export request: {e}"))?;
    let imported = assessment::import(
        request.assessment.get(),
        questionnaire::builtin(),
        catalog::builtin_index(),
    )
    .map_err(|e| e.to_string())?;
    let a: Assessment = imported.assessment;
    let texts = Texts::installed(&request.lang)
        .ok_or_else(|| format!("the language {:?} is not loaded", request.lang))?;
    let q = questionnaire::localized(texts);
    let m = matrix::localized_build(texts, &a);
    let options = ExportOptions {
        date: request.date.to_owned(),
        brand: request.brand,
        texts,
    };
    export::workbook(&m, &a, q, &options).map_err(|e| e.to_string())
}

/// Installs a language's texts sent by the page (`protocol::Language`).
///
/// # Errors
/// When the message or the bundle cannot be read.
pub fn handle_language(message: &str) -> Result<(), String> {
    let language: Language =
        serde_json::from_str(message).map_err(|e| format!("bad language message: {e}"))?;
    Texts::install(language.lang, &language.bundle).map_err(|e| e.to_string())?;
    Ok(())
}

/// Reads an edited workbook back (`export::read`) and answers with the review as JSON, its
/// notes and the message of a refusal in `lang` (English when that language is not installed).
/// `given` is the assessment in use (its JSON, or empty), compared with when the workbook
/// carries none.
///
/// # Errors
/// The message for the user when the file is refused.
pub fn handle_read(bytes: &[u8], given: &str, lang: &str) -> Result<String, String> {
    let texts = Texts::installed(lang).unwrap_or(Texts::english());
    let given = (!given.is_empty())
        .then(|| assessment::import(given, questionnaire::builtin(), catalog::builtin_index()))
        .and_then(Result::ok)
        .map(|imported| imported.assessment);
    let review = export::read::read_in(
        texts,
        bytes,
        questionnaire::builtin(),
        catalog::builtin(),
        given.as_ref(),
    )
    .map_err(|e| e.message(texts))?;
    serde_json::to_string(&review).map_err(|e| e.to_string())
}

/// Readies the reader before the first file (`export::read::warm_up`).
pub fn warm_reader() {
    let _ = export::read::warm_up(questionnaire::builtin(), catalog::builtin());
}

/// The last workbook built, with the exact request text it was built for. The workbook is a
/// pure function of the request (the date travels in it), so a byte-identical request may
/// take the kept bytes; any difference, however small, means building afresh.
#[derive(Debug, Default)]
pub struct LastWorkbook {
    request: String,
    bytes: Vec<u8>,
    millis: f64,
}

impl LastWorkbook {
    /// The kept workbook and its build time, when it was built for exactly this request.
    pub fn for_request(&self, request: &str) -> Option<(&[u8], f64)> {
        (!self.bytes.is_empty() && self.request == request)
            .then_some((self.bytes.as_slice(), self.millis))
    }

    /// Nothing built yet.
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    pub fn keep(&mut self, request: String, bytes: Vec<u8>, millis: f64) {
        *self = LastWorkbook {
            request,
            bytes,
            millis,
        };
    }
}

#[cfg(test)]
mod tests {
    use super::{handle, handle_language, handle_read, LastWorkbook};
    use crate::assessment::SAMPLE_JSON;
    use crate::i18n::Texts;
    use crate::protocol::request_json;
    use crate::protocol::Language;

    #[test]
    fn a_kept_workbook_serves_only_the_exact_request_it_was_built_for() {
        let mut last = LastWorkbook::default();
        let request = request_json(SAMPLE_JSON, "2026-11-28", None);
        assert!(last.for_request(&request).is_none(), "nothing kept yet");
        let bytes = handle(&request).unwrap();
        last.keep(request.clone(), bytes.clone(), 7.5);
        assert_eq!(last.for_request(&request), Some((bytes.as_slice(), 7.5)));
        // Another day, or any edit, is another workbook.
        let next_day = request_json(SAMPLE_JSON, "2026-11-29", None);
        assert!(last.for_request(&next_day).is_none());
        let edited = SAMPLE_JSON.replacen("Northwind", "Southwind", 1);
        assert_ne!(edited, SAMPLE_JSON);
        assert!(last
            .for_request(&request_json(&edited, "2026-11-28", None))
            .is_none());
        // What it keeps is what building that request gives: the workbook is deterministic.
        assert_eq!(handle(&request).unwrap(), bytes);
    }

    #[test]
    fn a_workbook_read_back_answers_with_its_review() {
        let bytes = handle(&request_json(SAMPLE_JSON, "2026-12-01", None)).unwrap();
        let json = handle_read(&bytes, "", "en").unwrap();
        let review: crate::assessment::Review = serde_json::from_str(&json).unwrap();
        assert!(review.embedded && review.changes.is_empty());
        assert!(handle_read(b"a,b", "", "en")
            .unwrap_err()
            .contains("not a workbook"));
        // A language not installed is English, still a message.
        assert!(handle_read(b"a,b", "", "xx")
            .unwrap_err()
            .contains("not a workbook"));
    }

    #[test]
    fn a_refusal_in_the_language_the_page_sent() {
        Texts::install("de", crate::i18n::bundled("de").unwrap()).unwrap();
        let refusal = handle_read(b"a,b", "", "de").unwrap_err();
        assert!(refusal.contains("Textdatei"), "{refusal}");
    }

    #[test]
    fn a_workbook_in_a_language_the_page_sent_first() {
        let request = crate::protocol::request_json_in("fr", SAMPLE_JSON, "2026-12-02", None);
        // The worker has English only until the page sends another language.
        assert!(Texts::installed("fr").is_none() || handle(&request).is_ok());
        let bundle = crate::i18n::bundled("fr").unwrap();
        let message = serde_json::to_string(&Language {
            lang: "fr",
            bundle: bundle.into(),
        })
        .unwrap();
        handle_language(&message).unwrap();
        let french = handle(&request).unwrap();
        assert_ne!(
            french,
            handle(&request_json(SAMPLE_JSON, "2026-12-02", None)).unwrap()
        );
        assert!(handle_language("{}").is_err());
    }

    #[test]
    fn a_bad_request_is_a_message_not_a_panic() {
        assert!(handle("not json")
            .unwrap_err()
            .contains("bad export request"));
        let unreadable = r#"{"assessment": {"schema": 99}, "date": "2026-11-28"}"#;
        assert!(handle(unreadable).unwrap_err().contains("newer version"));
    }
}
