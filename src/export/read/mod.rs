//! Reading an exported workbook back after people edited it in Excel or LibreOffice: the
//! assessment it was made from (its hidden data sheet), and every status, owner, due date and
//! note changed in the matrix views, the Statement of Applicability and the action plan, found by
//! header and by Row ID or control reference, compared with what the export wrote. Nothing is
//! applied here: the caller shows the changes and applies the ones the user keeps (`merged`).
//! Pure: bytes in, values out; calamine reads .xlsx and .ods.

mod container;
mod embedded;
mod grid;
mod model;
mod sheets;
mod values;
mod warm;
mod words;

use std::io::Cursor;

use calamine::Reader;

pub use model::{ReadError, MAX_FILE_BYTES, MAX_UNPACKED_BYTES};
pub use words::workbook_words;

use super::options::Sheet;
use super::sheets::data::DATA_SHEET;
use crate::assessment::{self, Assessment, Review};
use crate::catalog::{Catalog, CatalogIndex};
use crate::i18n::Texts;
use crate::matrix;
use crate::questionnaire::Questionnaire;

/// Parses the built-in data, builds one matrix and reads a minimal workbook, so that the first
/// file the user opens does not pay for compiling and parsing: the reader worker runs this
/// before it says ready. True when the minimal workbook read as one of ours, unchanged (with
/// notes only about what it leaves out: the other sheets and columns).
pub fn warm_up(questionnaire: &Questionnaire, catalog: &Catalog) -> bool {
    read(&warm::minimal_workbook(), questionnaire, catalog, None).is_ok_and(|review| {
        review.embedded
            && review.changes.is_empty()
            && review.problems.iter().all(|note| note.cell.is_empty())
            && review.ignored.is_empty()
    })
}

/// Reads `bytes`, with its notes and warnings in English. `given` is the assessment to compare
/// with when the workbook carries none (a workbook from an older version); a workbook that
/// carries one uses its own.
///
/// # Errors
/// A [`ReadError`] with one message for the user; nothing was changed.
pub fn read(
    bytes: &[u8],
    questionnaire: &Questionnaire,
    catalog: &Catalog,
    given: Option<&Assessment>,
) -> Result<Review, ReadError> {
    read_in(Texts::english(), bytes, questionnaire, catalog, given)
}

/// `read`, with the review's notes, warnings, topics and status labels in `texts`' language.
/// The workbook's own language does not matter: its words are recognised in every language.
///
/// # Errors
/// As `read`; `ReadError::message` words it in any language.
pub fn read_in(
    texts: &Texts,
    bytes: &[u8],
    questionnaire: &Questionnaire,
    catalog: &Catalog,
    given: Option<&Assessment>,
) -> Result<Review, ReadError> {
    container::check(bytes)?;
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|e| ReadError::Unreadable(e.to_string()))?;
    let names = book.sheet_names();
    let has = |name: &str| names.iter().any(|n| n == name);
    // Our sheets by their name in any language the app has.
    let words = words::words();
    let ours: Vec<(String, Sheet)> = names
        .iter()
        .filter_map(|name| Some((name.clone(), words.sheet(name)?)))
        .collect();
    let read_back = [
        Sheet::Matrix27001,
        Sheet::Matrix20000,
        Sheet::Soa,
        Sheet::Actions,
    ];
    if !ours.iter().any(|(_, sheet)| read_back.contains(sheet)) && !has(DATA_SHEET) {
        return Err(ReadError::NotOurs);
    }
    let lang = words.language_of(ours.iter().map(|(name, _)| name.as_str()));
    let (base, warnings, embedded, shown) =
        match embedded::stored_assessment(&mut book, has(DATA_SHEET))? {
            Some(stored) => {
                let index = CatalogIndex::of(catalog);
                let imported = assessment::import_in(&stored.json, questionnaire, &index, texts)
                    .map_err(|e| ReadError::BadAssessment(e.message(texts)))?;
                (imported.assessment, imported.warnings, true, stored.shown)
            }
            None => match given {
                Some(a) => (a.clone(), Vec::new(), false, None),
                None => return Err(ReadError::NoAssessment),
            },
        };
    let m = matrix::build(catalog, questionnaire, &base);
    let mut found = sheets::Found::default();
    for role in [
        Sheet::Matrix27001,
        Sheet::Matrix20000,
        Sheet::Actions,
        Sheet::Soa,
    ] {
        for (name, _) in ours.iter().filter(|(_, sheet)| *sheet == role) {
            // A sheet that cannot be read is named, so that its edits are not lost unseen.
            let grid = match grid::read_sheet(&mut book, name) {
                Ok(grid) => grid,
                Err(problem) => {
                    found.sheet_problem(
                        name,
                        texts.fill("read.problem.sheet-unreadable", &[("problem", &problem)]),
                    );
                    continue;
                }
            };
            if let Some((row, col)) = grid.first_far {
                found.problem(
                    name,
                    row,
                    col,
                    texts.count(
                        "read.problem.far-cells",
                        grid.far,
                        &[
                            ("rows", &texts.integer(i64::from(grid::MAX_ROWS))),
                            ("columns", &texts.integer(i64::from(grid::MAX_COLUMNS))),
                        ],
                    ),
                );
            }
            let range = grid.range;
            let sheet = sheets::Place {
                name,
                role,
                lang,
                texts,
                shown: shown.as_ref(),
            };
            if role == Sheet::Soa {
                sheets::read_soa(&sheet, &range, &m, &mut found);
            } else {
                sheets::read_rows(&sheet, &range, &m, &mut found);
            }
        }
    }
    // Sheets the edits could be in but that are not there under their name (renamed,
    // deleted), and sheets that are not ours (a copy, a new sheet): named, so that edits made
    // there are not lost unseen.
    for role in read_back {
        if !ours.iter().any(|(_, sheet)| *sheet == role) {
            let name = words.sheet_name(lang, role);
            found.sheet_problem(name, texts.get("read.problem.sheet-missing").to_owned());
        }
    }
    for name in names
        .iter()
        .filter(|name| *name != DATA_SHEET && !ours.iter().any(|(ours, _)| ours == *name))
    {
        found.sheet_problem(name, texts.get("read.problem.sheet-not-ours").to_owned());
    }
    let (changes, conflicts) = found.settle();
    Ok(Review {
        base,
        embedded,
        warnings,
        changes,
        conflicts,
        more_problems: found.more_problems,
        more_ignored: found.more_ignored,
        problems: found.problems,
        ignored: found.ignored,
    })
}
