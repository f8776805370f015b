//! What one organisation entered: answers, per-row edits, editions, schema version and
//! timestamps. Plain data with its JSON form; reading and migrating it is `import`'s job.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::catalog::{Family, StandardId};
use crate::questionnaire::Answers;

/// A filled-in example: every question answered, statuses, owners, due dates and notes on most
/// rows. It warms up the export worker on realistic work and is the input of the benchmarks;
/// `tests/assessment.rs` checks that it imports without a single issue.
pub const SAMPLE_JSON: &str = include_str!("../../data/sample-assessment.json");

/// The version written by this build. Bump it with a migration step in `migrate`.
pub const SCHEMA_VERSION: u32 = 3;

crate::vocabulary::vocabulary! {
    /// Where a row stands. Derived from the maturity answers unless the user set it.
    pub enum Status {
        NotStarted = "not_started" => "Not started",
        InProgress = "in_progress" => "In progress",
        Implemented = "implemented" => "Implemented",
        NotApplicable = "not_applicable" => "Not applicable",
    }
}

impl Status {
    pub fn is_open(self) -> bool {
        matches!(self, Status::NotStarted | Status::InProgress)
    }
}

/// The user's own edits to one matrix row. Empty fields mean "not set".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RowEdit {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// ISO 8601 date, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub due: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

impl RowEdit {
    pub fn is_empty(&self) -> bool {
        *self == RowEdit::default()
    }
}

/// The edition chosen for each standard.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Editions {
    #[serde(with = "edition_27001")]
    pub iso27001: StandardId,
    #[serde(rename = "iso20000-1", with = "edition_20000")]
    pub iso20000: StandardId,
}

impl Default for Editions {
    fn default() -> Self {
        Editions {
            iso27001: StandardId::Iso27001_2022,
            iso20000: StandardId::Iso20000_2018,
        }
    }
}

impl Editions {
    pub fn of(&self, family: Family) -> StandardId {
        match family {
            Family::Iso27001 => self.iso27001,
            Family::Iso20000 => self.iso20000,
        }
    }

    /// Sets one family's edition from its year (`2022`, `2013`, `2018`, `2011`).
    pub fn set(&mut self, family: Family, year: &str) -> bool {
        let Some(id) = edition_from_year(family, year) else {
            return false;
        };
        match family {
            Family::Iso27001 => self.iso27001 = id,
            Family::Iso20000 => self.iso20000 = id,
        }
        true
    }
}

pub fn edition_from_year(family: Family, year: &str) -> Option<StandardId> {
    [family.current(), family.previous()]
        .into_iter()
        .find(|id| id.edition() == year)
}

macro_rules! edition_serde {
    ($module:ident, $family:expr) => {
        mod $module {
            use serde::{Deserialize, Deserializer, Serializer};

            use crate::catalog::StandardId;

            pub fn serialize<S: Serializer>(id: &StandardId, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(id.edition())
            }

            pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<StandardId, D::Error> {
                let year = String::deserialize(d)?;
                super::edition_from_year($family, &year)
                    .ok_or_else(|| serde::de::Error::custom(format!("unknown edition {year:?}")))
            }
        }
    };
}
edition_serde!(edition_27001, crate::catalog::Family::Iso27001);
edition_serde!(edition_20000, crate::catalog::Family::Iso20000);

/// Everything one organisation entered. `Eq`, so a shared `Rc<Assessment>` compares by pointer
/// first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    pub schema: u32,
    /// RFC 3339 timestamps, written by the caller (the core reads no clock).
    pub created: String,
    pub updated: String,
    /// The editions the matrix and the workbook show references in.
    pub editions: Editions,
    /// The editions the organisation's documents, and any certificate, follow, as the
    /// questionnaire's edition questions answer them; absent while they are the ones shown.
    /// Showing the matrix in another edition changes `editions` only, so a certificate on a
    /// withdrawn edition stays void and a 2013 ISMS does not gain the 2022 controls
    /// (`documents()`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub documents: Option<Editions>,
    #[serde(default)]
    pub answers: Answers,
    /// Edits by crosswalk row id; rows without edits are absent.
    #[serde(default)]
    pub rows: BTreeMap<String, RowEdit>,
}

impl Assessment {
    /// A fresh, empty assessment at time `now`.
    pub fn new(now: &str) -> Assessment {
        Assessment {
            schema: SCHEMA_VERSION,
            created: now.to_owned(),
            updated: now.to_owned(),
            editions: Editions::default(),
            documents: None,
            answers: Answers::new(),
            rows: BTreeMap::new(),
        }
    }

    /// The editions the organisation's documents follow (`documents`, else those shown).
    pub fn documents(&self) -> Editions {
        self.documents.unwrap_or(self.editions)
    }

    /// Answers an edition question: the documents follow `year`, and the matrix shows it.
    pub fn set_documents_edition(&mut self, family: Family, year: &str) -> bool {
        let before = (self.editions, self.documents);
        if let Some(documents) = &mut self.documents {
            documents.set(family, year);
        }
        self.editions.set(family, year);
        self.forget_documents_if_shown();
        (self.editions, self.documents) != before
    }

    /// Shows the matrix in another edition, leaving the documents' edition as answered.
    pub fn show_edition(&mut self, family: Family, year: &str) -> bool {
        let before = (self.editions, self.documents);
        let documents = self.documents();
        self.documents = Some(documents);
        self.editions.set(family, year);
        self.forget_documents_if_shown();
        (self.editions, self.documents) != before
    }

    /// Saved state stays as before when the documents' editions are the ones shown.
    fn forget_documents_if_shown(&mut self) {
        if self.documents == Some(self.editions) {
            self.documents = None;
        }
    }

    pub fn edit(&self, row_id: &str) -> Option<&RowEdit> {
        self.rows.get(row_id)
    }

    /// Changes one row's edit, dropping it when it becomes empty so saved state stays small.
    pub fn update_row(&mut self, row_id: &str, change: impl FnOnce(&mut RowEdit)) {
        let mut edit = self.rows.remove(row_id).unwrap_or_default();
        change(&mut edit);
        if !edit.is_empty() {
            self.rows.insert(row_id.to_owned(), edit);
        }
    }

    /// The assessment as pretty JSON, the format of saved state, exports and `--answers` files.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("an assessment always serializes")
    }

    /// The same JSON without layout, for share links, where every character counts.
    pub fn to_compact_json(&self) -> String {
        serde_json::to_string(self).expect("an assessment always serializes")
    }

    /// The name a download of this assessment gets:
    /// `ims-matrix-<organisation>-<date>.<extension>`.
    ///
    /// # Examples
    /// ```
    /// use ims_matrix::assessment::Assessment;
    /// let a = Assessment::new("2026-11-27T00:00:00Z");
    /// assert_eq!(a.download_name("2026-11-27", "xlsx"), "ims-matrix-assessment-2026-11-27.xlsx");
    /// ```
    pub fn download_name(&self, date: &str, extension: &str) -> String {
        format!(
            "ims-matrix-{}-{date}.{extension}",
            file_stem(self.organisation())
        )
    }

    /// The organisation name the user gave, if any.
    pub fn organisation(&self) -> Option<&str> {
        crate::questionnaire::reads::ORG_NAME.get(&self.answers)
    }
}

/// A file-name-safe stem from the organisation name: letters and digits, words joined by `-`.
fn file_stem(organisation: Option<&str>) -> String {
    let mut stem = String::new();
    for c in organisation.unwrap_or("").chars() {
        if c.is_alphanumeric() {
            stem.extend(c.to_lowercase());
        } else if !stem.is_empty() && !stem.ends_with('-') {
            stem.push('-');
        }
        if stem.chars().count() >= 40 {
            break;
        }
    }
    let stem = stem.trim_matches('-').to_owned();
    if stem.is_empty() {
        "assessment".to_owned()
    } else {
        stem
    }
}

#[cfg(test)]
mod tests {
    use super::file_stem;

    #[test]
    fn stems() {
        assert_eq!(
            file_stem(Some("Acme IT Services, Ltd.")),
            "acme-it-services-ltd"
        );
        assert_eq!(file_stem(Some("  ../../etc/passwd ")), "etc-passwd");
        assert_eq!(file_stem(Some("Müller & Söhne")), "müller-söhne");
        assert_eq!(file_stem(None), "assessment");
        assert_eq!(file_stem(Some("***")), "assessment");
    }
}
