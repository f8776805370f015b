//! The visible sheets read back: the matrix views and the action plan by Row ID, the Statement
//! of Applicability by control; each cell compared with what the export wrote for the
//! assessment, columns found by their header wherever the user moved them.

use std::collections::BTreeMap;

use calamine::{Data, Range};

use super::values;
use super::words::{words, Header};
use crate::assessment::Status;
use crate::assessment::{CellNote, ReviewChange as Change, ReviewConflict, RowField as Field};
use crate::export::options::Sheet;
use crate::export::sheets::data::Shown;
use crate::export::text::{cell_text, cell_text_with, xml_safe};
use crate::export::xlsx::cell_reference;
use crate::i18n::Texts;
use crate::matrix::{Matrix, MatrixRow};

/// A sheet of ours being read: its name in the workbook, which sheet it is, and the language
/// the workbook's sheet names are in.
pub struct Place<'a> {
    pub name: &'a str,
    pub role: Sheet,
    pub lang: Option<&'a str>,
    /// The language the review is written in (not the workbook's).
    pub texts: &'a Texts,
    /// The statuses the workbook showed when it was written, where it says (workbooks of
    /// earlier versions do not): a cell is compared with those, not with what this version
    /// derives from the same answers.
    pub shown: Option<&'a Shown>,
}

impl Place<'_> {
    /// The status a row's cells showed when the workbook was written.
    fn shown_status(&self, row: &MatrixRow) -> Status {
        self.shown
            .and_then(|shown| shown.rows.get(&row.id))
            .copied()
            .unwrap_or(row.status)
    }

    /// A row's topic in the review's language.
    fn topic(&self, row: &MatrixRow) -> String {
        self.texts
            .find(&format!("crosswalk.{}.topic", row.id))
            .map_or_else(|| row.topic.to_string(), str::to_owned)
    }
}

/// A header row: each non-empty header's text and column, in sheet order.
struct Headers(Vec<(String, u32)>);

impl Headers {
    /// The column whose header names `header` in some language (the first, if several do).
    fn column(&self, header: Header) -> Option<u32> {
        self.0
            .iter()
            .find(|(text, _)| words().is_header(text, header))
            .map(|(_, col)| *col)
    }
}

/// How far down a sheet its header row is looked for: title or banner rows people add above it.
const HEADER_SEARCH_ROWS: usize = 20;

/// Notes that a sheet's header row was not found: nothing of the sheet is read.
fn no_header(place: &Place, key: Header, found: &mut Found) {
    let header = place.texts.get(key.key());
    found.sheet_problem(
        place.name,
        place.texts.fill(
            "read.problem.no-header",
            &[
                ("header", &header),
                ("rows", &place.texts.integer(HEADER_SEARCH_ROWS as i64)),
            ],
        ),
    );
}

/// Notes that a column is missing from a sheet's header row: its edits are not read.
fn no_column(place: &Place, header: Header, found: &mut Found) {
    let header = place.texts.get(header.key());
    found.sheet_problem(
        place.name,
        place
            .texts
            .fill("read.problem.no-column", &[("header", &header)]),
    );
}

/// The header row (within the first `HEADER_SEARCH_ROWS`) that names `key` in some language,
/// with each header's column.
fn headers(range: &Range<Data>, key: Header) -> Option<(u32, Headers)> {
    let (top, left) = range.start()?;
    for (i, row) in range.rows().take(HEADER_SEARCH_ROWS).enumerate() {
        let names = Headers(
            row.iter()
                .enumerate()
                .map(|(c, cell)| (values::text(cell), left + c as u32))
                .filter(|(name, _)| !name.trim().is_empty())
                .collect(),
        );
        if names.column(key).is_some() {
            return Some((top + i as u32, names));
        }
    }
    None
}

/// The columns of a row's ISO/IEC 27001 and ISO/IEC 20000-1 references, found by the
/// designation alone ("ISO/IEC 27001" or "ISO/IEC 27001:2022"): the titles' and the other
/// edition's headers carry more words.
fn reference_columns(columns: &Headers) -> Option<(u32, u32)> {
    let find = |designation: &str| {
        columns.0.iter().find_map(|(text, col)| {
            let rest = text.trim().strip_prefix(designation)?;
            let edition = rest.strip_prefix(':').unwrap_or(rest);
            (rest.is_empty() || (edition.len() == 4 && edition.bytes().all(|b| b.is_ascii_digit())))
                .then_some(*col)
        })
    };
    Some((find("ISO/IEC 27001")?, find("ISO/IEC 20000-1")?))
}

/// A row's references as its line shows them, spacing and line breaks aside.
fn shown_references(row: &MatrixRow) -> (String, String) {
    let spaced = |list: &[crate::matrix::RefView]| {
        list.iter()
            .map(|r| r.reference.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    (spaced(&row.iso27001), spaced(&row.iso20000))
}

/// The other row whose references a line shows, when they are not those of its Row ID: the
/// sheet was sorted without its Row ID column ("continue with the current selection"), and
/// the line's edits belong to another row than its ID says.
fn moved_line<'m>(
    range: &Range<Data>,
    line: u32,
    (col27001, col20000): (u32, u32),
    row: &MatrixRow,
    m: &'m Matrix,
) -> Option<&'m MatrixRow> {
    let cell = |col: u32| {
        range
            .get_value((line, col))
            .map(values::text)
            .unwrap_or_default()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let shown = (cell(col27001), cell(col20000));
    if shown == shown_references(row) {
        return None;
    }
    // References typed over by hand match no row: nothing says the line moved.
    m.rows
        .iter()
        .find(|other| other.id != row.id && shown_references(other) == shown)
}

/// Whether `typed` is what the export wrote for `text`: the text made cell-safe, cut with the
/// marker of any language when it was too long for a cell.
fn unchanged(typed: &str, text: &str) -> bool {
    let english = cell_text(text);
    typed == english
        || (english != xml_safe(text)
            && words()
                .truncation_markers()
                .any(|marker| typed == cell_text_with(text, marker)))
}

#[derive(Default)]
pub struct Found {
    /// By (row, field): every change found, in sheet order.
    changes: BTreeMap<(String, Field), Vec<Change>>,
    order: Vec<(String, Field)>,
    pub problems: Vec<CellNote>,
    pub ignored: Vec<CellNote>,
    /// Beyond `LISTED`, only counted.
    pub more_problems: usize,
    pub more_ignored: usize,
}

/// How many values that do not fit, and how many ignored lines, are listed one by one; a
/// workbook with 60,000 added lines gets a count, not 60,000 lines to read.
pub const LISTED: usize = 100;

impl Found {
    fn change(&mut self, change: Change) {
        let key = (change.row.clone(), change.field);
        let list = self.changes.entry(key.clone()).or_default();
        if list.is_empty() {
            self.order.push(key);
        }
        list.push(change);
    }

    fn ignore(&mut self, note: CellNote) {
        if self.ignored.len() < LISTED {
            self.ignored.push(note);
        } else {
            self.more_ignored += 1;
        }
    }

    /// A problem with a whole sheet (one that cannot be read), listed first.
    pub fn sheet_problem(&mut self, sheet: &str, text: String) {
        self.problems.insert(
            0,
            CellNote {
                sheet: sheet.to_owned(),
                cell: String::new(),
                text,
            },
        );
    }

    pub fn problem(&mut self, sheet: &str, row: u32, col: u32, text: String) {
        if self.problems.len() >= LISTED {
            self.more_problems += 1;
            return;
        }
        self.problems.push(CellNote {
            sheet: sheet.to_owned(),
            cell: cell_reference(row, col),
            text,
        });
    }

    /// One change per (row, field) where every sheet agrees; a conflict where they differ.
    pub fn settle(&mut self) -> (Vec<Change>, Vec<ReviewConflict>) {
        let mut changes = Vec::new();
        let mut conflicts = Vec::new();
        for key in &self.order {
            let mut list = self.changes.remove(key).unwrap_or_default();
            let first_value = list[0].value.clone();
            if list.iter().all(|c| c.value == first_value) {
                changes.push(list.swap_remove(0));
            } else {
                list.dedup_by(|a, b| a.value == b.value);
                conflicts.push(ReviewConflict {
                    row: key.0.clone(),
                    topic: list[0].topic.clone(),
                    field: key.1,
                    options: list,
                });
            }
        }
        (changes, conflicts)
    }
}

/// The lines under the header with their key (Row ID or control), trimmed; blank keys skipped.
fn keyed_lines(
    range: &Range<Data>,
    header_row: u32,
    key_col: u32,
) -> impl Iterator<Item = (u32, String)> + '_ {
    let last = range.end().map_or(0, |(r, _)| r);
    (header_row + 1..=last).filter_map(move |r| {
        let key = range.get_value((r, key_col)).map(values::text)?;
        let key = key.trim();
        (!key.is_empty()).then(|| (r, key.to_owned()))
    })
}

/// Lines under the header with a value in a read column but no key: nothing says which row
/// they belong to, so they are listed as ignored rather than dropped unseen.
fn lines_without_key(
    place: &Place,
    range: &Range<Data>,
    header_row: u32,
    key_col: u32,
    fields: &[(u32, Field)],
    key: Header,
    found: &mut Found,
) {
    let last = range.end().map_or(0, |(r, _)| r);
    for r in header_row + 1..=last {
        let blank = |col: u32| {
            range
                .get_value((r, col))
                .is_none_or(|cell| values::text(cell).trim().is_empty())
        };
        if blank(key_col) {
            if let Some(&(col, _)) = fields.iter().find(|(col, _)| !blank(*col)) {
                let header = place.texts.get(key.key());
                found.ignore(CellNote {
                    sheet: place.name.to_owned(),
                    cell: cell_reference(r, col),
                    text: place
                        .texts
                        .fill("read.ignored.no-key", &[("header", &header)]),
                });
            }
        }
    }
}

/// A matrix view or the action plan: one matrix row per line, found by its id.
pub fn read_rows(place: &Place, range: &Range<Data>, m: &Matrix, found: &mut Found) {
    let sheet = place.name;
    let key = if place.role == Sheet::Actions {
        Header::MatrixRow
    } else {
        Header::RowId
    };
    let Some((header_row, columns)) = headers(range, key) else {
        no_header(place, key, found);
        return;
    };
    let Some(key_col) = columns.column(key) else {
        no_header(place, key, found);
        return;
    };
    // The columns are found once per sheet, not per line.
    let mut fields: Vec<(u32, Field)> = Vec::new();
    for (header, field) in [
        (Header::Status, Field::Status),
        (Header::Owner, Field::Owner),
        (Header::Due, Field::Due),
        (Header::Notes, Field::Notes),
    ] {
        match columns.column(header) {
            Some(col) => fields.push((col, field)),
            // The action plan carries no notes column.
            None if place.role == Sheet::Actions && field == Field::Notes => {}
            None => no_column(place, header, found),
        }
    }
    lines_without_key(place, range, header_row, key_col, &fields, key, found);
    let references = reference_columns(&columns);
    for (r, id) in keyed_lines(range, header_row, key_col) {
        let id = id.as_str();
        let Some(row) = m.rows.iter().find(|row| row.id == id) else {
            found.ignore(CellNote {
                sheet: sheet.to_owned(),
                cell: cell_reference(r, key_col),
                text: place.texts.fill("read.ignored.not-a-row", &[("id", &id)]),
            });
            continue;
        };
        if let Some(other) = references.and_then(|cols| moved_line(range, r, cols, row, m)) {
            let header = place.texts.get(key.key());
            let text = place.texts.fill(
                "read.problem.moved-line",
                &[("id", &id), ("other", &other.id), ("header", &header)],
            );
            found.problem(sheet, r, key_col, text);
            continue;
        }
        for &(col, field) in &fields {
            let cell = range.get_value((r, col)).unwrap_or(&Data::Empty);
            // A formula's error (#N/A, #REF!) is no value to apply, whichever the field.
            if let Data::Error(error) = cell {
                let error = error.to_string();
                let problem = place
                    .texts
                    .fill("read.problem.error-value", &[("error", &error)]);
                found.problem(sheet, r, col, problem);
                continue;
            }
            let before = match field {
                Field::Status => place.texts.label(place.shown_status(row)).to_owned(),
                Field::Owner => cell_text(&row.owner),
                Field::Due => row.due.clone(),
                Field::Notes => cell_text(&row.notes),
            };
            let value = match field {
                Field::Status => match values::status(cell, place.texts) {
                    Ok(status) if status == place.shown_status(row) => continue,
                    Ok(status) => status.as_str().to_owned(),
                    Err(problem) => {
                        found.problem(sheet, r, col, problem);
                        continue;
                    }
                },
                Field::Due => match values::date(cell, place.lang, place.texts) {
                    Ok(date) if date == before => continue,
                    Ok(date) => date,
                    Err(problem) => {
                        found.problem(sheet, r, col, problem);
                        continue;
                    }
                },
                Field::Owner | Field::Notes => {
                    let mut typed = values::text(cell);
                    // An owner is a name or a role: spaces around it are typing, not an edit.
                    if field == Field::Owner {
                        typed = typed.trim().to_owned();
                    }
                    let kept = match field {
                        Field::Owner => &row.owner,
                        _ => &row.notes,
                    };
                    if unchanged(&typed, kept) {
                        continue;
                    }
                    cell_text(&typed)
                }
            };
            let after = match field {
                Field::Status => Status::parse(&value)
                    .map_or_else(String::new, |s| place.texts.label(s).to_owned()),
                _ => value.clone(),
            };
            found.change(Change {
                sheet: sheet.to_owned(),
                cell: cell_reference(r, col),
                row: row.id.clone(),
                topic: place.topic(row),
                field,
                before,
                after,
                value,
            });
        }
    }
}

/// The Statement of Applicability: a status or applicability changed for a control applies to
/// every matrix row that holds it.
pub fn read_soa(place: &Place, range: &Range<Data>, m: &Matrix, found: &mut Found) {
    let sheet = place.name;
    let Some((header_row, columns)) = headers(range, Header::Control) else {
        no_header(place, Header::Control, found);
        return;
    };
    let Some(key_col) = columns.column(Header::Control) else {
        no_header(place, Header::Control, found);
        return;
    };
    let (status_col, applicable_col) = (
        columns.column(Header::Status),
        columns.column(Header::Applicable),
    );
    if status_col.is_none() {
        no_column(place, Header::Status, found);
    }
    if applicable_col.is_none() {
        no_column(place, Header::Applicable, found);
    }
    for (r, reference) in keyed_lines(range, header_row, key_col) {
        let reference = reference.as_str();
        let Some(entry) = m.soa.iter().find(|e| e.reference == reference) else {
            found.ignore(CellNote {
                sheet: sheet.to_owned(),
                cell: cell_reference(r, key_col),
                text: place
                    .texts
                    .fill("read.ignored.not-a-control", &[("reference", &reference)]),
            });
            continue;
        };
        // What the sheet showed for the control when it was written.
        let (shown_status, shown_applicable) = place
            .shown
            .and_then(|shown| shown.controls.get(reference))
            .copied()
            .unwrap_or((entry.status, entry.applicable));
        let mut set: Option<(Status, u32)> = None;
        if let Some(col) = status_col {
            match values::status(
                range.get_value((r, col)).unwrap_or(&Data::Empty),
                place.texts,
            ) {
                Ok(status) if status != shown_status => set = Some((status, col)),
                Ok(_) => {}
                Err(problem) => found.problem(sheet, r, col, problem),
            }
        }
        if let (None, Some(col)) = (set, applicable_col) {
            match values::yes_no(
                range.get_value((r, col)).unwrap_or(&Data::Empty),
                place.texts,
            ) {
                Ok(false) if shown_applicable => set = Some((Status::NotApplicable, col)),
                Ok(true) if !shown_applicable => set = Some((Status::NotStarted, col)),
                Ok(_) => {}
                Err(problem) => found.problem(sheet, r, col, problem),
            }
        }
        let Some((status, col)) = set else {
            continue;
        };
        for id in &entry.rows {
            let Some(row) = m.rows.iter().find(|row| row.id == *id) else {
                continue;
            };
            let was = place.shown_status(row);
            if was == status {
                continue;
            }
            found.change(Change {
                sheet: sheet.to_owned(),
                cell: cell_reference(r, col),
                row: row.id.clone(),
                topic: place.topic(row),
                field: Field::Status,
                before: place.texts.label(was).to_owned(),
                after: place.texts.label(status).to_owned(),
                value: status.as_str().to_owned(),
            });
        }
    }
}
