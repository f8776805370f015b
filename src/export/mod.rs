//! The Excel workbook: Summary, both matrix views, the draft Statement of Applicability, the
//! action plan, the answers and an About sheet, written by our own small writer (`xlsx`). Pure:
//! matrix and assessment in, bytes out; the date comes from the caller so the output is
//! deterministic. In the browser the work is split: the page lays the workbook out
//! (`laid_out`), the export worker writes the file (`write_laid_out`); the command line does
//! both at once (`workbook`).
//!
//! Each sheet is a file under `sheets/`; tables are typed column lists (`table`), written by one
//! function; statuses and their colours come from one table (`style`).

mod cell;
mod fit;
mod options;
pub mod read;
pub mod request;
mod sheets;
mod style;
mod table;
pub mod text;
pub mod warm_up;
/// Public for the peer benchmark's adapter (benches/peer-writer), which writes another
/// workload with it.
pub mod xlsx;

use crate::export::xlsx::{DocProperties, Workbook};

pub use crate::protocol::Brand;
pub use options::{sheet_names, ExportError, ExportOptions, Sheet, SHEETS};
pub use sheets::data::DATA_SHEET;

use crate::assessment::Assessment;
use crate::matrix::Matrix;
use crate::questionnaire::Questionnaire;

/// Builds the workbook file.
///
/// # Errors
/// When the writer rejects something (it should not: all text is made cell-safe first).
///
/// # Examples
/// ```
/// use ims_matrix::{assessment::Assessment, catalog, export, matrix, questionnaire};
/// let a = Assessment::new("2026-11-27T00:00:00Z");
/// let q = questionnaire::builtin();
/// let m = matrix::build(catalog::builtin(), q, &a);
/// let options = export::ExportOptions { date: "2026-11-27".into(), brand: None, texts: ims_matrix::i18n::Texts::english() };
/// let bytes = export::workbook(&m, &a, q, &options).unwrap();
/// assert_eq!(&bytes[..2], b"PK"); // a zip container, as every .xlsx is
/// ```
pub fn workbook(
    matrix: &Matrix,
    assessment: &Assessment,
    questionnaire: &Questionnaire,
    options: &ExportOptions,
) -> Result<Vec<u8>, ExportError> {
    Ok(layout(matrix, assessment, questionnaire, options)?.save_to_buffer()?)
}

/// The workbook laid out, as bytes for the export worker to write (`write_laid_out`): what the
/// page does, since it has the matrix and the reader's texts already. The same file as
/// `workbook` in the end.
///
/// # Errors
/// As `workbook`.
pub fn laid_out(
    matrix: &Matrix,
    assessment: &Assessment,
    questionnaire: &Questionnaire,
    options: &ExportOptions,
) -> Result<Vec<u8>, ExportError> {
    Ok(layout(matrix, assessment, questionnaire, options)?.to_bytes())
}

/// The file of a workbook the page laid out (`laid_out`): what the export worker does.
///
/// # Errors
/// When the bytes are not a laid-out workbook of this version.
pub fn write_laid_out(bytes: &[u8]) -> Result<Vec<u8>, ExportError> {
    Ok(Workbook::from_bytes(bytes)?.save_to_buffer()?)
}

/// Every sheet's cells, formats and parts, and the document's properties: the workbook before
/// it is a file.
fn layout(
    matrix: &Matrix,
    assessment: &Assessment,
    questionnaire: &Questionnaire,
    options: &ExportOptions,
) -> Result<Workbook, ExportError> {
    let mut book = Workbook::new(style::Styles::default_format());
    let date = cell::parse_date(&options.date)
        .ok_or_else(|| ExportError::new(format!("{:?} is not a date", options.date)))?;
    let texts = options.texts;
    let organisation = assessment
        .organisation()
        .map(|o| text::cell_text_in(texts, o));
    let author = options.brand.as_ref().map_or("ims-matrix".to_owned(), |b| {
        text::cell_text_in(texts, &b.name)
    });
    let title = match organisation.as_deref() {
        Some(organisation) => texts.fill(
            "workbook.properties.title-organisation",
            &[("organisation", &organisation)],
        ),
        None => texts.get("workbook.title").to_owned(),
    };
    let mut properties = DocProperties::new()
        .set_title(title)
        .set_subject(texts.get("workbook.properties.subject"))
        .set_author(author.clone())
        .set_company(author)
        .set_keywords(texts.get("workbook.properties.keywords"))
        .set_comment(texts.fill(
            "workbook.properties.comment",
            &[
                ("version", &crate::VERSION),
                ("date", &cell::shown_date(texts, &options.date)),
            ],
        ))
        .set_creation_date(date);
    if let Some(org) = &organisation {
        properties = properties.set_category(org.clone());
    }
    book.set_properties(&properties);
    sheets::write_all(&mut book, matrix, assessment, questionnaire, options)?;
    Ok(book)
}
