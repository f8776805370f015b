//! What the workers do, pure: the export worker writes the file of a workbook the page laid
//! out (`export::laid_out`), and keeps the last one, so the same workbook asked for again is
//! handed over at once; the reader worker reads an edited workbook back. Their browser glue
//! calls these; tests call them natively.

use crate::assessment;
use crate::export;
use crate::i18n::Texts;
use crate::{catalog, questionnaire};

/// The file of a workbook laid out by the page.
///
/// # Errors
/// A message for the user when the bytes are not a laid-out workbook of this version, or the
/// file cannot be written.
pub fn handle(laid_out: &[u8]) -> Result<Vec<u8>, String> {
    export::write_laid_out(laid_out).map_err(|e| e.to_string())
}

/// Writes a workbook with every part before the first request, so that V8 has compiled the
/// writer's code when the user's comes (`export::warm_up`).
pub fn warm_up() {
    if let Ok(laid_out) = export::warm_up::laid_out() {
        let _ = handle(&laid_out);
    }
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

/// The last file written, with the laid-out workbook it was written from. The file is a pure
/// function of those bytes (the date travels in them), so byte-identical bytes may take the
/// kept file; any difference, however small, means writing afresh.
#[derive(Debug, Default)]
pub struct LastWorkbook {
    laid_out: Vec<u8>,
    bytes: Vec<u8>,
    millis: f64,
}

impl LastWorkbook {
    /// The kept file and its write time, when it was written from exactly these bytes.
    pub fn for_laid_out(&self, laid_out: &[u8]) -> Option<(&[u8], f64)> {
        (!self.bytes.is_empty() && self.laid_out == laid_out)
            .then_some((self.bytes.as_slice(), self.millis))
    }

    pub fn keep(&mut self, laid_out: Vec<u8>, bytes: Vec<u8>, millis: f64) {
        *self = LastWorkbook {
            laid_out,
            bytes,
            millis,
        };
    }
}

#[cfg(test)]
mod tests {
    use super::{handle, handle_read, warm_up, LastWorkbook};
    use crate::assessment::{self, SAMPLE_JSON};
    use crate::export::{self, Brand, ExportOptions};
    use crate::i18n::Texts;
    use crate::{catalog, matrix, questionnaire};

    /// What the page does: the matrix and the workbook laid out, in `lang`, as bytes.
    fn laid_out(json: &str, lang: &str, date: &str, brand: Option<Brand>) -> (Vec<u8>, Vec<u8>) {
        if lang != "en" {
            Texts::install(lang, crate::i18n::bundled(lang).unwrap()).unwrap();
        }
        let texts = Texts::installed(lang).unwrap();
        let a = assessment::import(json, questionnaire::builtin(), catalog::builtin_index())
            .unwrap()
            .assessment;
        let m = matrix::localized_build(texts, &a);
        let q = questionnaire::localized(texts);
        let options = ExportOptions {
            date: date.to_owned(),
            brand,
            texts,
        };
        (
            export::laid_out(&m, &a, q, &options).unwrap(),
            export::workbook(&m, &a, q, &options).unwrap(),
        )
    }

    #[test]
    fn the_worker_writes_the_file_the_page_laid_out_as_the_command_line_writes_it() {
        let brand = Brand {
            name: "Muster & Partner <GmbH>".into(),
            contact: "https://example.org".into(),
        };
        for (lang, brand) in [("en", None), ("fr", None), ("de", Some(brand))] {
            let (laid_out, file) = laid_out(SAMPLE_JSON, lang, "2026-12-05", brand);
            assert_eq!(handle(&laid_out).unwrap(), file, "{lang}");
        }
    }

    #[test]
    fn a_kept_workbook_serves_only_the_exact_bytes_it_was_written_from() {
        let mut last = LastWorkbook::default();
        let (sample, _) = laid_out(SAMPLE_JSON, "en", "2026-11-28", None);
        assert!(last.for_laid_out(&sample).is_none(), "nothing kept yet");
        let bytes = handle(&sample).unwrap();
        last.keep(sample.clone(), bytes.clone(), 7.5);
        assert_eq!(last.for_laid_out(&sample), Some((bytes.as_slice(), 7.5)));
        // Another day, or any edit, is another workbook.
        let (next_day, _) = laid_out(SAMPLE_JSON, "en", "2026-11-29", None);
        assert!(last.for_laid_out(&next_day).is_none());
        let edited = SAMPLE_JSON.replacen("Northwind", "Southwind", 1);
        assert_ne!(edited, SAMPLE_JSON);
        let (edited, _) = laid_out(&edited, "en", "2026-11-28", None);
        assert!(last.for_laid_out(&edited).is_none());
        // What it keeps is what writing those bytes gives: the file is deterministic.
        assert_eq!(handle(&sample).unwrap(), bytes);
    }

    #[test]
    fn the_warm_up_writes_a_workbook_that_opens() {
        warm_up();
        let laid_out = export::warm_up::laid_out().unwrap();
        let file = handle(&laid_out).unwrap();
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&file)).unwrap();
        for part in ["xl/charts/chart1.xml", "xl/worksheets/sheet3.xml"] {
            assert!(archive.by_name(part).is_ok(), "{part}");
        }
    }

    #[test]
    fn a_workbook_read_back_answers_with_its_review() {
        let (_, bytes) = laid_out(SAMPLE_JSON, "en", "2026-12-01", None);
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
    fn bytes_that_are_not_a_laid_out_workbook_are_a_message_not_a_panic() {
        let (sample, _) = laid_out(SAMPLE_JSON, "en", "2026-12-05", None);
        assert!(handle(b"").unwrap_err().contains("not a workbook laid out"));
        assert!(handle(b"PK\x03\x04")
            .unwrap_err()
            .contains("not a workbook laid out"));
        // The right start, then cut short or altered: refused, never a panic.
        for cut in [5, 6, 100, sample.len() / 2, sample.len() - 1] {
            assert!(handle(&sample[..cut]).is_err(), "cut at {cut}");
        }
        let mut altered = sample.clone();
        for at in (5..altered.len()).step_by(997) {
            altered[at] ^= 0xA5;
            let _ = handle(&altered);
        }
    }
}
