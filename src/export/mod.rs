//! The Excel workbook: Summary, both matrix views, the draft Statement of Applicability, the
//! action plan, the answers and an About sheet, built with rust_xlsxwriter (the only module that
//! uses it). Pure: matrix and assessment in, bytes out; the date comes from the caller so the
//! output is deterministic.

mod fit;
mod sheets;
mod style;
pub mod text;

use std::fmt;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, XlsxError};

use crate::assessment::Assessment;
use crate::matrix::Matrix;
use crate::questionnaire::Questionnaire;

/// The consultancy whose branded app made the workbook.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Brand {
    pub name: String,
    /// A web address, e-mail address or phone number, as the consultancy gave it.
    pub contact: String,
}

/// What the workbook needs besides the matrix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportOptions {
    /// The generation date, `YYYY-MM-DD`.
    pub date: String,
    pub brand: Option<Brand>,
}

/// Why no workbook could be made.
#[derive(Debug)]
pub struct ExportError(String);

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the workbook could not be built: {}", self.0)
    }
}

impl std::error::Error for ExportError {}

impl From<XlsxError> for ExportError {
    fn from(error: XlsxError) -> Self {
        ExportError(error.to_string())
    }
}

/// The names of the sheets, in order. All are valid Excel sheet names (≤ 31 characters, none
/// of `[]:*?/\`).
pub const SHEETS: [&str; 7] = [
    "Summary",
    "Matrix (ISO 27001 view)",
    "Matrix (ISO 20000-1 view)",
    "Statement of Applicability",
    "Action plan",
    "Answers",
    "About",
];

/// The file name a download should get: `ims-matrix-<organisation>-<date>.xlsx`.
pub fn file_name(assessment: &Assessment, date: &str) -> String {
    format!(
        "ims-matrix-{}-{date}.xlsx",
        text::file_stem(assessment.organisation())
    )
}

/// Builds the workbook.
///
/// # Errors
/// When rust_xlsxwriter rejects something (it should not: all text is made cell-safe first).
///
/// # Examples
/// ```
/// use ims_matrix::{assessment::Assessment, catalog, export, matrix, questionnaire};
/// let a = Assessment::new("2026-11-27T00:00:00Z");
/// let q = questionnaire::builtin();
/// let m = matrix::build(catalog::builtin(), q, &a);
/// let options = export::ExportOptions { date: "2026-11-27".into(), brand: None };
/// let bytes = export::workbook(&m, &a, q, &options).unwrap();
/// assert_eq!(&bytes[..2], b"PK"); // a zip container, as every .xlsx is
/// ```
pub fn workbook(
    matrix: &Matrix,
    assessment: &Assessment,
    questionnaire: &Questionnaire,
    options: &ExportOptions,
) -> Result<Vec<u8>, ExportError> {
    let mut book = Workbook::new();
    // Fast deflate: the workbook is built on every export click; level 1 costs a few percent of
    // size and saves most of the time.
    book.set_zip_compression_level(1);
    book.set_default_format(&style::Styles::default_format(), 20, 64)?;
    let date = parse_date(&options.date)
        .ok_or_else(|| ExportError(format!("{:?} is not a date", options.date)))?;
    let organisation = assessment.organisation().map(text::cell_text);
    let author = options
        .brand
        .as_ref()
        .map_or("ims-matrix".to_owned(), |b| text::cell_text(&b.name));
    let mut properties = DocProperties::new()
        .set_title(format!(
            "ISO/IEC 27001 × ISO/IEC 20000-1 integration matrix{}",
            organisation.as_deref().map(|o| format!(" — {o}")).unwrap_or_default()
        ))
        .set_subject("Integrated management system: integration matrix, draft Statement of Applicability and action plan")
        .set_author(author.clone())
        .set_company(author)
        .set_keywords("ISO/IEC 27001, ISO/IEC 20000-1, ISO/IEC 27013, integrated management system, Statement of Applicability")
        .set_comment(format!("Made by ims-matrix {} on {}", crate::VERSION, options.date))
        .set_creation_datetime(&date);
    if let Some(org) = &organisation {
        properties = properties.set_category(org.clone());
    }
    book.set_properties(&properties);
    sheets::write_all(&mut book, matrix, assessment, questionnaire, options)?;
    Ok(book.save_to_buffer()?)
}

/// A `YYYY-MM-DD` date as an Excel date (the generation date, and due dates in the sheets).
pub(crate) fn parse_date(date: &str) -> Option<ExcelDateTime> {
    if !crate::assessment::import::is_iso_date(date) {
        return None;
    }
    let year = date[0..4].parse().ok()?;
    let month = date[5..7].parse().ok()?;
    let day = date[8..10].parse().ok()?;
    ExcelDateTime::from_ymd(year, month, day).ok()
}
