//! The words a workbook of ours is written in, in every language the app has: its sheet names,
//! the headers the reader looks for, Yes and No, the status words and the date format. A
//! workbook is read whatever language it was exported in, which need not be the page's (the
//! only bundle the reader worker gets), so the build writes these words of every language into
//! one small table (`$OUT_DIR/locales/workbook-words.json`).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::assessment::Status;
use crate::date::Date;
use crate::export::options::Sheet;
use crate::export::text::ENGLISH_MARKER;
use crate::vocabulary::Vocabulary;

/// `{lang: {key: text}}` for the keys starting `workbook.` and `Status.`, as `build.rs` wrote it.
pub fn workbook_words() -> &'static str {
    include_str!(concat!(env!("OUT_DIR"), "/locales/workbook-words.json"))
}

/// The headers the reader finds columns by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Header {
    RowId,
    MatrixRow,
    Control,
    Status,
    Owner,
    Due,
    Notes,
    Applicable,
}

impl Header {
    pub fn key(self) -> &'static str {
        match self {
            Header::RowId => "workbook.header.row-id",
            Header::MatrixRow => "workbook.header.matrix-row",
            Header::Control => "workbook.header.control",
            Header::Status => "workbook.header.status",
            Header::Owner => "workbook.header.owner",
            Header::Due => "workbook.header.due",
            Header::Notes => "workbook.header.notes",
            Header::Applicable => "workbook.header.applicable",
        }
    }

    /// The English header, should the table lack it.
    fn english(self) -> &'static str {
        match self {
            Header::RowId => "Row ID",
            Header::MatrixRow => "Row in the matrix",
            Header::Control => "Control",
            Header::Status => "Status",
            Header::Owner => "Owner",
            Header::Due => "Due",
            Header::Notes => "Notes",
            Header::Applicable => "Applicable",
        }
    }
}

/// Every language's words, by language code.
pub struct Words {
    languages: BTreeMap<String, BTreeMap<String, String>>,
    /// Every way of writing a status, folded (`folded`), made once: the reader asks for each
    /// status cell of every sheet.
    statuses: Vec<(String, Status)>,
}

/// The words of every language, read once.
pub fn words() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(|| Words::parse(workbook_words()))
}

/// Lower case with runs of spaces (no-break ones too), underscores and hyphens as one space, so
/// a word matches however it was typed.
pub fn folded(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c == '_' || c == '-')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl Words {
    fn parse(json: &str) -> Words {
        let mut words = Words {
            languages: serde_json::from_str(json).unwrap_or_default(),
            statuses: Vec::new(),
        };
        let mut statuses = vec![("n/a".to_owned(), Status::NotApplicable)];
        for status in Status::ALL {
            let key = format!("{}.{}", Status::NAME, status.id());
            statuses.push((folded(status.as_str()), status));
            statuses.extend(words.all(&key, status.label()).map(|w| (folded(w), status)));
        }
        words.statuses = statuses;
        words
    }

    /// Every language's text of `key`, then `english`.
    fn all<'a>(&'a self, key: &'a str, english: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.languages
            .values()
            .filter_map(move |texts| texts.get(key).map(String::as_str))
            .chain(std::iter::once(english))
    }

    /// The name of `sheet` in the workbook's language `lang`, else in English.
    pub fn sheet_name(&self, lang: Option<&str>, sheet: Sheet) -> &str {
        lang.and_then(|lang| self.languages.get(lang))
            .and_then(|texts| texts.get(sheet.key()))
            .map_or(sheet.english(), String::as_str)
    }

    /// The sheet named `name` in some language.
    pub fn sheet(&self, name: &str) -> Option<Sheet> {
        let name = name.trim().to_lowercase();
        Sheet::ALL.into_iter().find(|sheet| {
            self.all(sheet.key(), sheet.english())
                .any(|n| n.trim().to_lowercase() == name)
        })
    }

    /// The language whose names the sheets `names` carry (the first that names most of them),
    /// or `None` when no name is one of ours.
    pub fn language_of<'a>(&self, names: impl IntoIterator<Item = &'a str>) -> Option<&str> {
        let names: Vec<String> = names.into_iter().map(|n| n.trim().to_lowercase()).collect();
        self.languages
            .iter()
            .map(|(lang, texts)| {
                let named = Sheet::ALL
                    .iter()
                    .filter(|sheet| {
                        texts
                            .get(sheet.key())
                            .is_some_and(|n| names.contains(&n.trim().to_lowercase()))
                    })
                    .count();
                (lang.as_str(), named)
            })
            .filter(|(_, named)| *named > 0)
            .max_by_key(|(lang, named)| (*named, *lang == "en"))
            .map(|(lang, _)| lang)
    }

    /// Whether a header cell's text names `header` in some language.
    pub fn is_header(&self, text: &str, header: Header) -> bool {
        let text = folded(text);
        !text.is_empty()
            && self
                .all(header.key(), header.english())
                .any(|h| folded(h) == text)
    }

    /// The status a cell's text names in some language, by its label or its identifier.
    pub fn status(&self, text: &str) -> Option<Status> {
        let wanted = folded(text);
        self.statuses
            .iter()
            .find(|(written, _)| *written == wanted)
            .map(|(_, status)| *status)
    }

    /// Yes or no in some language (`true`, `false`, `y` and `n` too).
    pub fn yes_no(&self, text: &str) -> Option<bool> {
        let wanted = folded(text);
        if ["y", "true"].contains(&wanted.as_str())
            || self.all("workbook.yes", "Yes").any(|w| folded(w) == wanted)
        {
            return Some(true);
        }
        if ["n", "false"].contains(&wanted.as_str())
            || self.all("workbook.no", "No").any(|w| folded(w) == wanted)
        {
            return Some(false);
        }
        None
    }

    /// A date typed as text in the order `lang`'s date format writes it (`31.03.2027` in German,
    /// `31/03/2027` in French); `None` when the language writes dates another way or the text
    /// is not such a date.
    pub fn typed_date(&self, lang: Option<&str>, text: &str) -> Option<Date> {
        let format = self.languages.get(lang?)?.get("workbook.format.date")?;
        let order: Vec<char> = format
            .to_lowercase()
            .chars()
            .filter(|c| matches!(c, 'd' | 'm' | 'y'))
            .fold(Vec::new(), |mut order, c| {
                if order.last() != Some(&c) {
                    order.push(c);
                }
                order
            });
        if order.len() != 3 || order[0] == 'y' {
            return None;
        }
        let parts: Vec<&str> = text
            .split(['.', '/', '-', ' '])
            .filter(|p| !p.is_empty())
            .collect();
        if parts.len() != 3 || parts.iter().any(|p| !p.chars().all(|c| c.is_ascii_digit())) {
            return None;
        }
        let at = |c: char| order.iter().position(|o| *o == c).map(|i| parts[i]);
        let (day, month, year) = (at('d')?, at('m')?, at('y')?);
        if year.len() != 4 || day.len() > 2 || month.len() > 2 {
            return None;
        }
        Date::parse(&format!("{year}-{month:0>2}-{day:0>2}"))
    }

    /// The marker a cut text ends with, in every language, English last.
    pub fn truncation_markers(&self) -> impl Iterator<Item = &str> {
        self.all("workbook.truncated", ENGLISH_MARKER)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_of_the_app_has_its_words_in_the_table() {
        let words = words();
        for (lang, _) in crate::i18n::LANGUAGES {
            let texts = words
                .languages
                .get(*lang)
                .unwrap_or_else(|| panic!("{lang}"));
            for sheet in Sheet::ALL {
                let name = texts
                    .get(sheet.key())
                    .unwrap_or_else(|| panic!("{lang} {sheet:?}"));
                assert_eq!(words.sheet(name), Some(sheet), "{lang}: {name}");
            }
            assert_eq!(
                words.language_of(Sheet::ALL.map(|s| texts[s.key()].as_str())),
                Some(*lang)
            );
        }
    }

    #[test]
    fn statuses_yes_and_no_and_headers_read_in_any_language() {
        let words = words();
        assert_eq!(words.status("Umgesetzt"), Some(Status::Implemented));
        assert_eq!(words.status("  mis en ŒUVRE "), Some(Status::Implemented));
        assert_eq!(words.status("in_progress"), Some(Status::InProgress));
        assert_eq!(words.status("In progress"), Some(Status::InProgress));
        assert_eq!(words.status("n/a"), Some(Status::NotApplicable));
        assert_eq!(words.status("Erledigt"), None);
        assert_eq!(words.yes_no("Ja"), Some(true));
        assert_eq!(words.yes_no("non"), Some(false));
        assert_eq!(words.yes_no("vielleicht"), None);
        assert!(words.is_header("Zeilen-ID", Header::RowId));
        assert!(words.is_header("row id", Header::RowId));
        assert!(words.is_header("Échéance", Header::Due));
        assert!(!words.is_header("Notes", Header::Owner));
    }

    #[test]
    fn dates_typed_as_text_follow_the_workbook_language() {
        let words = words();
        let date = |lang, text| words.typed_date(lang, text).map(|d| d.to_string());
        assert_eq!(date(Some("de"), "31.3.2027").as_deref(), Some("2027-03-31"));
        assert_eq!(
            date(Some("fr"), "31/03/2027").as_deref(),
            Some("2027-03-31")
        );
        // English writes dates as YYYY-MM-DD, which every language reads anyway.
        assert_eq!(date(Some("en"), "03/31/2027"), None);
        assert_eq!(date(None, "31.03.2027"), None);
        assert_eq!(date(Some("de"), "31.13.2027"), None);
    }
}
