//! Changes to an assessment found outside the app (an edited workbook), waiting for the user to
//! review them: each change with where it was found, conflicts between two places, values that
//! do not fit, lines that are not ours. `export::read` makes a `Review`; the app shows it and
//! applies what the user keeps (`Review::merged`). Plain data, serialized between the export
//! worker and the page.

use serde::{Deserialize, Serialize};

use super::model::{Assessment, Status};

crate::vocabulary::vocabulary! {
    /// A field of a row that a spreadsheet can change.
    pub enum RowField {
        Status = "status" => "Status",
        Owner = "owner" => "Owner",
        Due = "due" => "Due",
        Notes = "notes" => "Notes",
    }
}

/// One cell that differs from what the export wrote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewChange {
    pub sheet: String,
    /// `D12`.
    pub cell: String,
    pub row: String,
    pub topic: String,
    pub field: RowField,
    /// As the export wrote it, and as it is now (labels, for people).
    pub before: String,
    pub after: String,
    /// What the row edit takes: a status identifier, or the text or date as read.
    pub value: String,
}

/// One row's field changed differently in two places: the user picks one of `options`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewConflict {
    pub row: String,
    pub topic: String,
    pub field: RowField,
    pub options: Vec<ReviewChange>,
}

/// A cell whose value does not fit, or a line that is not one of ours.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CellNote {
    pub sheet: String,
    pub cell: String,
    pub text: String,
}

impl CellNote {
    /// Where the note is: the sheet and, `between` them, the cell; the sheet alone for a note
    /// about a whole sheet (one that cannot be read).
    pub fn place(&self, between: &str) -> String {
        if self.cell.is_empty() {
            self.sheet.clone()
        } else {
            format!("{}{between}{}", self.sheet, self.cell)
        }
    }
}

/// What a workbook holds, compared with the assessment it was made from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Review {
    /// The assessment the workbook was made from (or the one given, for a workbook without).
    pub base: Assessment,
    /// Whether `base` came from inside the workbook.
    pub embedded: bool,
    /// Parts of the stored assessment that no longer fit this version (kept, not used).
    pub warnings: Vec<String>,
    /// Changes without conflict, in sheet order.
    pub changes: Vec<ReviewChange>,
    pub conflicts: Vec<ReviewConflict>,
    /// Values that do not fit: reported, never applied.
    pub problems: Vec<CellNote>,
    /// Lines added by the user, or whose id is not ours: ignored.
    pub ignored: Vec<CellNote>,
    /// Values that do not fit and lines ignored beyond those listed: counted only.
    #[serde(default)]
    pub more_problems: usize,
    #[serde(default)]
    pub more_ignored: usize,
}

impl ReviewChange {
    fn apply(&self, assessment: &mut Assessment) {
        assessment.update_row(&self.row, |edit| match self.field {
            RowField::Status => edit.status = Status::parse(&self.value),
            RowField::Owner => edit.owner.clone_from(&self.value),
            RowField::Due => edit.due.clone_from(&self.value),
            RowField::Notes => edit.notes.clone_from(&self.value),
        });
    }
}

impl Review {
    /// The base with the kept changes applied (`keep[i]` for change `i`, kept when missing) and
    /// each conflict settled on its chosen option (`choices[i]`; none leaves the field as it
    /// was). `updated` becomes `now` when anything was applied.
    pub fn merged(&self, keep: &[bool], choices: &[Option<usize>], now: &str) -> Assessment {
        let mut out = self.base.clone();
        let mut changed = false;
        for (i, change) in self.changes.iter().enumerate() {
            if keep.get(i).copied().unwrap_or(true) {
                change.apply(&mut out);
                changed = true;
            }
        }
        for (conflict, choice) in self.conflicts.iter().zip(choices) {
            if let Some(change) = choice.and_then(|c| conflict.options.get(c)) {
                change.apply(&mut out);
                changed = true;
            }
        }
        if changed {
            now.clone_into(&mut out.updated);
        }
        out
    }

    /// Every change applied, conflicts left as they were.
    pub fn merged_all(&self, now: &str) -> Assessment {
        self.merged(&[], &[], now)
    }
}
