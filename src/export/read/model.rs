//! What reading a workbook gives: the changes, conflicts and problems found, and why a file
//! was refused.

use std::fmt;

use crate::assessment::{Assessment, Status};

/// Larger files are refused before they are read.
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;
/// What the parts of a workbook may add up to once unpacked. Ours unpack to about 2 MB.
pub const MAX_UNPACKED_BYTES: u64 = 200 * 1024 * 1024;

/// Why a file was not read. The assessment in use is never touched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    TooLarge(usize),
    NotASpreadsheet(String),
    /// A spreadsheet, but none of our sheets and no data sheet.
    NotOurs,
    /// Our sheets, but no assessment inside and none given to compare with.
    NoAssessment,
    /// The data sheet's text does not match its checksum.
    Tampered,
    /// The data sheet's assessment could not be read.
    BadAssessment(String),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::TooLarge(bytes) => write!(
                f,
                "The file is {:.1} MB; workbooks of up to {} MB can be opened.",
                *bytes as f64 / (1024.0 * 1024.0),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
            ReadError::NotASpreadsheet(message) => f.write_str(message),
            ReadError::NotOurs => f.write_str("This workbook was not made by ims-matrix: it has none of the matrix, Statement of Applicability or action plan sheets."),
            ReadError::NoAssessment => f.write_str("This workbook carries no assessment (it was made by an older version of the app). Open your assessment file (.json) first, or give it with --answers, and then the workbook."),
            ReadError::Tampered => f.write_str("The assessment stored inside this workbook was changed outside the app, so it cannot be trusted. Edit the visible sheets only, or open the assessment file (.json) instead."),
            ReadError::BadAssessment(problem) => write!(f, "The assessment stored inside this workbook cannot be read: {problem}"),
        }
    }
}

impl std::error::Error for ReadError {}

/// What a change sets on a matrix row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    Status,
    Owner,
    Due,
    Notes,
}

impl Field {
    pub fn label(self) -> &'static str {
        match self {
            Field::Status => "Status",
            Field::Owner => "Owner",
            Field::Due => "Due",
            Field::Notes => "Notes",
        }
    }
}

/// One cell that differs from what the export wrote.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub sheet: String,
    /// `D12`.
    pub cell: String,
    pub row: String,
    pub topic: String,
    pub field: Field,
    pub before: String,
    pub after: String,
    pub(super) value: Value,
}

#[derive(Clone, Debug, PartialEq)]
pub(super) enum Value {
    Status(Status),
    Text(String),
}

/// One row's field changed differently in two places: the user picks one of `options`.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub row: String,
    pub field: Field,
    pub options: Vec<Change>,
}

/// A cell whose value does not fit, or a row that is not one of ours.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub sheet: String,
    pub cell: String,
    pub text: String,
}

/// What a workbook holds, compared with the assessment it was made from.
#[derive(Clone, Debug, PartialEq)]
pub struct WorkbookImport {
    /// The assessment the workbook was made from (or the one given, for a workbook without).
    pub base: Assessment,
    /// Whether `base` came from inside the workbook.
    pub embedded: bool,
    /// Parts of the stored assessment that no longer fit this version (kept, not used).
    pub warnings: Vec<String>,
    /// Changes without conflict, in sheet order.
    pub changes: Vec<Change>,
    pub conflicts: Vec<Conflict>,
    /// Values that do not fit: reported, never applied.
    pub problems: Vec<Problem>,
    /// Rows added by the user, or whose id is not ours: ignored.
    pub ignored: Vec<Problem>,
}

impl WorkbookImport {
    /// The base with `changes` applied, each kept change once; conflicts settle on the chosen
    /// option (`choices[i]` for conflict `i`; none chosen leaves the field as it was).
    pub fn merged(&self, keep: &[bool], choices: &[Option<usize>], now: &str) -> Assessment {
        let mut out = self.base.clone();
        let mut apply = |change: &Change| {
            out.update_row(&change.row, |edit| match (&change.value, change.field) {
                (Value::Status(status), _) => edit.status = Some(*status),
                (Value::Text(text), Field::Owner) => edit.owner.clone_from(text),
                (Value::Text(text), Field::Due) => edit.due.clone_from(text),
                (Value::Text(text), _) => edit.notes.clone_from(text),
            });
        };
        let mut changed = false;
        for (i, change) in self.changes.iter().enumerate() {
            if keep.get(i).copied().unwrap_or(true) {
                apply(change);
                changed = true;
            }
        }
        for (conflict, choice) in self.conflicts.iter().zip(choices) {
            if let Some(change) = choice.and_then(|c| conflict.options.get(c)) {
                apply(change);
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
