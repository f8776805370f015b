//! The assessment the workbook was made from, in a very hidden sheet, so the workbook alone
//! restores everything the JSON file would (`export::read`). The saved JSON is cut into cells of
//! at most `PART` bytes, with a checksum that tells a copy whose data was edited from ours.

use std::hash::Hasher;

use crate::export::xlsx::{Worksheet, XlsxError};

use crate::assessment::{Assessment, Status};
use crate::catalog::FnvHasher;
use crate::matrix::Matrix;

/// The sheet's name. Hidden from the user's sheet tabs; never shown in the app.
pub const DATA_SHEET: &str = "ims-matrix data";
/// Cell A1 says what the sheet holds.
pub const MARKER: &str = "ims-matrix assessment";
/// Bytes per cell. Excel takes 32,767 characters in a cell, but LibreOffice, saving a workbook,
/// breaks a line of a cell's text once it passes about 16,000 characters, and a note that
/// long is one line of the JSON: the checksum then fails and a workbook opened and saved
/// unchanged would be refused. Parts of 8,000 bytes keep every line well short of that.
pub const PART: usize = 8_000;

/// FNV-1a (64-bit) of the JSON text, as 16 hex digits: not a signature, a check that the text
/// is the text we wrote.
pub fn checksum(json: &str) -> String {
    let mut hasher = FnvHasher::default();
    hasher.write(json.as_bytes());
    format!("{:016x}", hasher.finish())
}

/// `json` cut into parts of at most `PART` bytes, on character boundaries.
pub fn parts(json: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = json;
    while !rest.is_empty() {
        let mut end = rest.len().min(PART);
        while !rest.is_char_boundary(end) {
            end -= 1;
        }
        parts.push(&rest[..end]);
        rest = &rest[end..];
    }
    parts
}

/// Cell C1 marks the statuses as the workbook shows them (`shown`).
pub const SHOWN_MARKER: &str = "shown";

/// The status of every matrix row, and the status and applicability of every control of the
/// Statement of Applicability, as this workbook shows them: one line each, `r <row> <status>`
/// and `c <control> <status> <y|n>`. Reading the workbook back compares a cell with what it
/// showed, not with what the engine of a later version derives from the same answers, so a
/// workbook made before an upgrade comes back with the edits people made and no others.
pub fn shown(m: &Matrix) -> String {
    let rows = m
        .rows
        .iter()
        .map(|r| format!("r {} {}", r.id, r.status.as_str()));
    let controls = m.soa.iter().map(|e| {
        let applicable = if e.applicable { "y" } else { "n" };
        format!("c {} {} {applicable}", e.reference, e.status.as_str())
    });
    rows.chain(controls).collect::<Vec<_>>().join("\n")
}

/// Parses `shown`'s text: by row id, the status; by control, the status and applicability.
pub fn parse_shown(text: &str) -> Option<Shown> {
    let mut shown = Shown::default();
    for line in text.lines() {
        let mut words = line.split(' ');
        match (words.next()?, words.next()?, words.next()?, words.next()) {
            ("r", id, status, None) => {
                shown.rows.insert(id.to_owned(), Status::parse(status)?);
            }
            ("c", control, status, Some(applicable)) => {
                shown.controls.insert(
                    control.to_owned(),
                    (Status::parse(status)?, applicable == "y"),
                );
            }
            _ => return None,
        }
    }
    Some(shown)
}

/// What a workbook showed when it was written (`shown`).
#[derive(Debug, Default)]
pub struct Shown {
    pub rows: std::collections::HashMap<String, Status>,
    pub controls: std::collections::HashMap<String, (Status, bool)>,
}

pub fn write(ws: &mut Worksheet, m: &Matrix, a: &Assessment) -> Result<(), XlsxError> {
    ws.set_name(DATA_SHEET)?;
    ws.set_very_hidden(true);
    let json = a.to_json();
    let parts = parts(&json);
    ws.write_string(0, 0, MARKER)?;
    ws.write_string(0, 1, crate::VERSION)?;
    ws.write_string(1, 0, "checksum")?;
    ws.write_string(1, 1, checksum(&json))?;
    ws.write_string(2, 0, "parts")?;
    ws.write_number(2, 1, parts.len() as f64)?;
    for (i, part) in parts.iter().enumerate() {
        ws.write_string(3 + i as u32, 0, *part)?;
    }
    // Column C: what the visible sheets show, with its own checksum and parts.
    let shown = shown(m);
    let shown_parts = self::parts(&shown);
    ws.write_string(0, 2, SHOWN_MARKER)?;
    ws.write_string(1, 2, checksum(&shown))?;
    ws.write_number(2, 2, shown_parts.len() as f64)?;
    for (i, part) in shown_parts.iter().enumerate() {
        ws.write_string(3 + i as u32, 2, *part)?;
    }
    Ok(())
}
