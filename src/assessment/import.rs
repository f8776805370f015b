//! Reads an assessment from JSON text (saved state, an imported file, a share link, `--answers`),
//! migrating older versions and reporting, not dropping, what does not fit the current
//! questionnaire and crosswalk.

use std::fmt;

use serde_json::Value;

use super::migrate;
use super::model::{Assessment, SCHEMA_VERSION};
use crate::catalog::CatalogIndex;
use crate::i18n::Texts;
use crate::questionnaire::{QuestionKind, Questionnaire};

/// A readable assessment, with what could not be placed.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub assessment: Assessment,
    /// Each names a field: unknown question or row ids, answers that do not fit. The values are
    /// kept in the assessment (so nothing is lost) and ignored by the matrix.
    pub warnings: Vec<String>,
    /// The schema version the text had, when it was older than this build's.
    pub migrated_from: Option<u32>,
}

/// Why a text is not an assessment. Each names the field where it can.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    NotJson { message: String },
    NotAnAssessment,
    TooNew { version: u64 },
    Invalid { field: String, message: String },
}

impl ImportError {
    /// The reason, written for the person who opened the file, in `texts`' language.
    pub fn message(&self, texts: &Texts) -> String {
        match self {
            ImportError::NotJson { message } => {
                texts.fill("import.error.not-json", &[("message", message)])
            }
            ImportError::NotAnAssessment => texts.get("import.error.not-an-assessment").to_owned(),
            ImportError::TooNew { version } => texts.fill(
                "import.error.too-new",
                &[("version", version), ("supported", &SCHEMA_VERSION)],
            ),
            ImportError::Invalid { field, message } => texts.fill(
                "import.error.invalid",
                &[("field", field), ("message", message)],
            ),
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Texts::english()))
    }
}

impl std::error::Error for ImportError {}

/// Parses, migrates and checks an assessment, with its warnings in English.
///
/// # Errors
/// When the text is not JSON, not an assessment, from a newer schema, or has a field of the
/// wrong type. Unknown ids and unfitting answers are warnings, not errors.
pub fn import(
    text: &str,
    questionnaire: &Questionnaire,
    catalog: &CatalogIndex,
) -> Result<Imported, ImportError> {
    import_in(text, questionnaire, catalog, Texts::english())
}

/// `import`, with the warnings and the migration's messages in `texts`' language.
///
/// # Errors
/// As `import`.
pub fn import_in(
    text: &str,
    questionnaire: &Questionnaire,
    catalog: &CatalogIndex,
    texts: &Texts,
) -> Result<Imported, ImportError> {
    // Windows Notepad and some editors save UTF-8 with a byte-order mark; it is not part of the
    // JSON.
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    // One path for every file, through a JSON value: parsing this build's own saved state
    // straight into the type was 2.5x faster natively (0.12 against 0.28 ms for the sample), but
    // a second instance of the whole assessment's deserializer weighed 3 KiB brotli on the
    // first-visit page, and no import runs often since the export worker stopped importing.
    let value: Value = serde_json::from_str(text).map_err(|e| ImportError::NotJson {
        message: e.to_string(),
    })?;
    let Value::Object(document) = value else {
        return Err(ImportError::NotAnAssessment);
    };
    let version = migrate::version_of(&document).ok_or(ImportError::NotAnAssessment)?;
    if version > u64::from(SCHEMA_VERSION) {
        return Err(ImportError::TooNew { version });
    }
    if version == 0 {
        return Err(ImportError::NotAnAssessment);
    }
    let (document, notes) = migrate::to_current(document, version, texts)
        .map_err(|(field, message)| ImportError::Invalid { field, message })?;
    let assessment: Assessment = serde_path_to_error::deserialize(Value::Object(document))
        .map_err(|e| ImportError::Invalid {
            field: e.path().to_string(),
            message: e.inner().to_string(),
        })?;
    let mut warnings = notes;
    warnings.extend(check_in(&assessment, questionnaire, catalog, texts));
    let migrated_from = (version < u64::from(SCHEMA_VERSION)).then_some(version as u32);
    Ok(Imported {
        assessment,
        warnings,
        migrated_from,
    })
}

/// What in a well-formed assessment does not fit this build's questionnaire and crosswalk, in
/// English.
pub fn check(
    assessment: &Assessment,
    questionnaire: &Questionnaire,
    catalog: &CatalogIndex,
) -> Vec<String> {
    check_in(assessment, questionnaire, catalog, Texts::english())
}

/// `check`, in `texts`' language.
pub fn check_in(
    assessment: &Assessment,
    questionnaire: &Questionnaire,
    catalog: &CatalogIndex,
    texts: &Texts,
) -> Vec<String> {
    let mut warnings = Vec::new();
    for (id, answer) in &assessment.answers {
        match questionnaire.question(id) {
            None => warnings.push(texts.fill("import.warning.no-such-question", &[("id", id)])),
            Some(question) if matches!(question.kind, QuestionKind::Edition { .. }) => {
                warnings.push(texts.fill("import.warning.edition-as-answer", &[("id", id)]));
            }
            Some(question) => {
                if let Err(problem) = question.check_in(answer, texts) {
                    warnings.push(texts.fill(
                        "import.warning.answer-does-not-fit",
                        &[("id", id), ("problem", &problem)],
                    ));
                }
            }
        }
    }
    for (id, edit) in &assessment.rows {
        if !catalog.has_row(id) {
            warnings.push(texts.fill("import.warning.no-such-row", &[("id", id)]));
        }
        if !edit.due.is_empty() && !is_iso_date(&edit.due) {
            warnings.push(texts.fill(
                "import.warning.due-not-a-date",
                &[("id", id), ("value", &format_args!("{:?}", edit.due))],
            ));
        }
    }
    warnings
}

/// `YYYY-MM-DD` with a real month and a day that month can have.
pub fn is_iso_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let [year, month, day] = parts.as_slice() else {
        return false;
    };
    if year.len() != 4 || month.len() != 2 || day.len() != 2 {
        return false;
    }
    let (Ok(year), Ok(month), Ok(day)) = (
        year.parse::<u32>(),
        month.parse::<u32>(),
        day.parse::<u32>(),
    ) else {
        return false;
    };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}
