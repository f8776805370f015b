//! The workbook laid out on the page, for the export worker to write: the page has the engine
//! and the reader's texts already, so the worker carries only the writer (README, "The export
//! worker writes, the page lays out"). The last one is kept: the pointer on Download, the click and the build ahead of
//! time after an edit ask for the same workbook, and it is laid out once.

use std::cell::RefCell;
use std::rc::Rc;

use crate::assessment::Assessment;
use crate::export::{self, Brand, ExportOptions};
use crate::{matrix, questionnaire, web};

/// The name of the layout's measure in the browser's performance tools (`web::measured`).
pub const LAYOUT_MEASURE: &str = "ims-matrix:workbook-layout";

/// A workbook laid out for the export worker, and how long that took.
#[derive(Clone)]
pub struct LaidOut {
    pub bytes: Rc<Vec<u8>>,
    pub millis: f64,
}

thread_local! {
    /// The last workbook laid out, with what it was laid out from.
    static LAST: RefCell<Option<(String, LaidOut)>> = const { RefCell::new(None) };
    /// The matrix the screens show (`shown_matrix`): the same as the layout would build, so
    /// it is not built twice.
    static SHOWN: RefCell<Option<Shown>> = const { RefCell::new(None) };
}

/// A matrix with the assessment and the language it was built from.
type Shown = (Rc<Assessment>, String, Rc<matrix::Matrix>);

/// Keeps the matrix the root built for the screens, so the workbook laid out from the same
/// assessment in the same language reuses it (a rebuild was about a third of each layout).
/// The assessment is held with it: its address identifies it only while it is alive.
pub fn shown_matrix(assessment: &Rc<Assessment>, lang: &str, matrix: &Rc<matrix::Matrix>) {
    SHOWN.with(|shown| {
        *shown.borrow_mut() = Some((assessment.clone(), lang.to_owned(), matrix.clone()));
    });
}

/// The screens' matrix when it was built from this very assessment in this language.
fn matrix_shown_for(assessment: &Assessment, lang: &str) -> Option<Rc<matrix::Matrix>> {
    SHOWN.with(|shown| {
        shown
            .borrow()
            .as_ref()
            .filter(|(of, in_lang, _)| std::ptr::eq(&**of, assessment) && in_lang == lang)
            .map(|(_, _, matrix)| matrix.clone())
    })
}

/// The workbook of `assessment` in the page's language, laid out for the export worker.
///
/// # Errors
/// The message for the user when the workbook cannot be laid out.
pub fn laid_out(
    assessment: &Assessment,
    date: &str,
    brand: Option<&Brand>,
) -> Result<LaidOut, String> {
    let texts = super::lang::texts();
    // The assessment's JSON as it is, not escaped again inside another JSON text: the key is
    // made on every click and build ahead of time. The brand, the one part of free text
    // before it, is JSON, so no line break of its own can shift the parts.
    let key = format!(
        "{}\n{date}\n{}\n{}",
        texts.lang(),
        serde_json::to_string(&brand).map_err(|e| e.to_string())?,
        assessment.to_json()
    );
    if let Some(kept) = LAST.with(|last| {
        last.borrow()
            .as_ref()
            .filter(|(kept, _)| *kept == key)
            .map(|(_, laid_out)| laid_out.clone())
    }) {
        return Ok(kept);
    }
    let (bytes, millis) = web::measured(LAYOUT_MEASURE, || {
        let matrix = matrix_shown_for(assessment, texts.lang())
            .unwrap_or_else(|| Rc::new(matrix::localized_build(texts, assessment)));
        let options = ExportOptions {
            date: date.to_owned(),
            brand: brand.cloned(),
            texts,
        };
        export::laid_out(
            &matrix,
            assessment,
            questionnaire::localized(texts),
            &options,
        )
    });
    let laid_out = LaidOut {
        bytes: Rc::new(bytes.map_err(|e| e.to_string())?),
        millis,
    };
    LAST.with(|last| *last.borrow_mut() = Some((key, laid_out.clone())));
    Ok(laid_out)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use std::rc::Rc;

    use super::{matrix_shown_for, shown_matrix};
    use crate::assessment::Assessment;
    use crate::i18n::Texts;
    use crate::matrix;

    /// The screens' matrix is reused only for the very assessment it was built from, in its
    /// language. Identity is what is cheap to check, and the root passes its own assessment;
    /// an equal copy is built again, never a stale matrix reused.
    #[test]
    fn the_shown_matrix_serves_only_its_own_assessment_and_language() {
        let assessment = Rc::new(Assessment::new("2026-12-05T00:00:00Z"));
        let built = Rc::new(matrix::localized_build(Texts::english(), &assessment));
        shown_matrix(&assessment, "en", &built);
        let reused = matrix_shown_for(&assessment, "en").expect("reused");
        assert!(Rc::ptr_eq(&reused, &built));
        assert!(matrix_shown_for(&assessment, "de").is_none());
        let copy = Assessment::clone(&assessment);
        assert!(matrix_shown_for(&copy, "en").is_none());
    }
}
