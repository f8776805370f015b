//! What a workbook is made with besides the matrix, the names of its sheets, and why one could
//! not be made.

use std::fmt;

use crate::export::xlsx::XlsxError;

use crate::i18n::Texts;
use crate::protocol::Brand;

/// What the workbook needs besides the matrix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportOptions {
    /// The generation date, `YYYY-MM-DD`.
    pub date: String,
    pub brand: Option<Brand>,
    /// The language of every text in the workbook.
    pub texts: &'static Texts,
}

/// The names of the sheets in English, in order. All are valid Excel sheet names (≤ 31
/// characters, none of `[]:*?/\`). Other languages name them through [`Sheet::name`].
pub const SHEETS: [&str; 7] = [
    "Summary",
    "Matrix (ISO 27001 view)",
    "Matrix (ISO 20000-1 view)",
    "Statement of Applicability",
    "Action plan",
    "Answers",
    "About",
];

/// The workbook's visible sheets, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sheet {
    Summary,
    Matrix27001,
    Matrix20000,
    Soa,
    Actions,
    Answers,
    About,
}

impl Sheet {
    pub const ALL: [Sheet; 7] = [
        Sheet::Summary,
        Sheet::Matrix27001,
        Sheet::Matrix20000,
        Sheet::Soa,
        Sheet::Actions,
        Sheet::Answers,
        Sheet::About,
    ];

    /// The key of the sheet's name in the language bundles.
    pub fn key(self) -> &'static str {
        match self {
            Sheet::Summary => "workbook.sheet.summary",
            Sheet::Matrix27001 => "workbook.sheet.matrix-iso27001",
            Sheet::Matrix20000 => "workbook.sheet.matrix-iso20000",
            Sheet::Soa => "workbook.sheet.soa",
            Sheet::Actions => "workbook.sheet.actions",
            Sheet::Answers => "workbook.sheet.answers",
            Sheet::About => "workbook.sheet.about",
        }
    }

    /// The English name.
    pub fn english(self) -> &'static str {
        SHEETS[self as usize]
    }

    /// The name in `texts`' language, made a valid sheet name: the characters Excel forbids
    /// left out, at most 31 characters; the English name when nothing is left.
    pub fn name(self, texts: &Texts) -> String {
        valid_sheet_name(texts.get(self.key())).unwrap_or_else(|| self.english().to_owned())
    }
}

/// Every sheet's name in `texts`' language, in order. Two sheets never share a name (Excel
/// compares them ignoring case): a translation that would repeat one is replaced by English.
pub fn sheet_names(texts: &Texts) -> [String; 7] {
    let mut names: [String; 7] = Sheet::ALL.map(|s| s.name(texts));
    for i in 1..names.len() {
        let taken = names[..i]
            .iter()
            .any(|n| n.to_lowercase() == names[i].to_lowercase());
        if taken {
            names[i] = SHEETS[i].to_owned();
        }
    }
    names
}

/// `name` as Excel accepts a sheet name, or `None` when nothing is left of it.
fn valid_sheet_name(name: &str) -> Option<String> {
    let kept: String = name
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\') && !c.is_control())
        .collect();
    let kept = kept.trim().trim_matches('\'').trim();
    let cut: String = kept.chars().take(31).collect();
    let cut = cut.trim_end().to_owned();
    (!cut.is_empty() && cut.to_lowercase() != "history").then_some(cut)
}

/// Why no workbook could be made.
#[derive(Debug)]
pub struct ExportError(String);

impl ExportError {
    pub fn new(message: String) -> ExportError {
        ExportError(message)
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_names_every_sheet_validly_and_differently() {
        for (lang, _) in crate::i18n::LANGUAGES {
            let texts =
                Texts::install(lang, crate::i18n::bundled(lang).expect("bundled")).expect("loads");
            let names = sheet_names(texts);
            for (sheet, name) in Sheet::ALL.iter().zip(&names) {
                let own = texts.get(sheet.key());
                assert_eq!(
                    name,
                    own,
                    "{lang}: {} is not a valid sheet name",
                    sheet.key()
                );
                assert!(name.chars().count() <= 31, "{lang}: {name}");
            }
            let mut lower: Vec<String> = names.iter().map(|n| n.to_lowercase()).collect();
            lower.sort();
            lower.dedup();
            assert_eq!(lower.len(), 7, "{lang}: {names:?}");
        }
        assert_eq!(sheet_names(Texts::english()), SHEETS.map(String::from));
    }

    #[test]
    fn forbidden_characters_and_long_names_are_made_valid() {
        assert_eq!(
            valid_sheet_name("a/b:c*d?[e]\\f").as_deref(),
            Some("abcdef")
        );
        assert_eq!(valid_sheet_name(&"x".repeat(40)).map(|n| n.len()), Some(31));
        assert_eq!(valid_sheet_name("'?'"), None);
        assert_eq!(
            Sheet::Soa.name(Texts::english()),
            "Statement of Applicability"
        );
    }
}
