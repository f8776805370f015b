//! Brings saved assessments of older schema versions up to `SCHEMA_VERSION`, one step at a time.
//!
//! Version 1 is the pre-release prototype format: flat maps per field and editions as separate
//! keys:
//! `{"version": 1, "saved_at": T, "edition_27001": "2013", "edition_20000": "2011",
//!   "answers": {...}, "statuses": {row: "todo"|"partial"|"done"|"n/a"},
//!   "owners": {row: text}, "notes": {row: text}}`.

use serde_json::{json, Map, Value};

use super::model::SCHEMA_VERSION;
use crate::i18n::Texts;

/// The schema version a saved document declares (`schema`, or `version` in version 1).
pub fn version_of(document: &Map<String, Value>) -> Option<u64> {
    document
        .get("schema")
        .or_else(|| document.get("version"))
        .and_then(Value::as_u64)
}

/// A migrated document and the notes for the user.
pub type Migrated = (Map<String, Value>, Vec<String>);

/// Migrates `document` from `version` to the current schema. The notes say what the user must
/// look at again: answers to questions that changed and could not be carried over exactly.
/// Notes and problems are in `texts`' language.
///
/// # Errors
/// The field and problem, when an old document is malformed in a way migration must reject.
pub fn to_current(
    mut document: Map<String, Value>,
    version: u64,
    texts: &Texts,
) -> Result<Migrated, (String, String)> {
    let mut version = version;
    let mut notes = Vec::new();
    while version < u64::from(SCHEMA_VERSION) {
        document = match version {
            1 => from_v1(document, texts)?,
            2 => from_v2(document, &mut notes, texts),
            other => {
                return Err((
                    "schema".to_owned(),
                    texts.fill("migrate.error.no-migration", &[("version", &other)]),
                ))
            }
        };
        version += 1;
    }
    Ok((document, notes))
}

/// Version 3 asks for laws and schemes as choices instead of yes/no scope facts, and rows of
/// the crosswalk were renamed or merged.
fn from_v2(
    mut document: Map<String, Value>,
    notes: &mut Vec<String>,
    texts: &Texts,
) -> Map<String, Value> {
    document.insert("schema".to_owned(), json!(3));
    if let Some(Value::Object(answers)) = document.get_mut("answers") {
        migrate_answers(answers, notes, texts);
    }
    if let Some(Value::Object(rows)) = document.get_mut("rows") {
        rename_rows(rows, notes, texts);
    }
    document
}

fn migrate_answers(answers: &mut Map<String, Value>, notes: &mut Vec<String>, texts: &Texts) {
    match answers.remove("scope.personal-data") {
        Some(Value::Bool(false)) => {
            answers.insert("reg.gdpr".to_owned(), json!("none"));
        }
        Some(Value::Bool(true)) => {
            notes.push(texts.get("migrate.note.personal-data").to_owned());
        }
        _ => {}
    }
    if let Some(value) = answers.remove("scope.payment-cards") {
        answers.insert("reg.pci".to_owned(), value);
    }
    match answers.remove("scope.regulated") {
        Some(Value::Bool(false)) => {
            answers.insert("reg.nis2".to_owned(), json!("no"));
            answers.insert("reg.dora".to_owned(), json!("no"));
        }
        Some(Value::Bool(true)) => {
            notes.push(texts.get("migrate.note.regulated").to_owned());
        }
        _ => {}
    }
    if let Some(Value::Array(others)) = answers.get_mut("start.other") {
        let before = others.len();
        others.retain(|v| v.as_str() != Some("iso27701"));
        if others.len() != before {
            if others.is_empty() {
                others.push(json!("none"));
            }
            answers.insert("reg.attestations".to_owned(), json!(["iso27701"]));
        }
    }
}

/// Old row id → the row that now holds its requirements (`data/row-renames.json`).
const RENAMES: &str = include_str!(concat!(env!("OUT_DIR"), "/data/row-renames.json"));

fn rename_rows(rows: &mut Map<String, Value>, notes: &mut Vec<String>, texts: &Texts) {
    let renames: Map<String, Value> = serde_json::from_str::<Map<String, Value>>(RENAMES)
        .ok()
        .and_then(|m| m.get("renames").and_then(Value::as_object).cloned())
        .unwrap_or_default();
    for (old, new) in &renames {
        let Some(new) = new.as_str() else { continue };
        let Some(edit) = rows.remove(old) else {
            continue;
        };
        match rows.get_mut(new) {
            None => {
                rows.insert(new.to_owned(), edit);
            }
            Some(Value::Object(kept)) => {
                // Two old rows became one: keep the first's values, add the other's notes, and
                // say so, since one status or owner had to give way.
                if let Value::Object(edit) = edit {
                    for (field, value) in edit {
                        match (field.as_str(), kept.get(&field)) {
                            ("notes", Some(Value::String(mine))) if !mine.is_empty() => {
                                let theirs = value.as_str().unwrap_or_default();
                                if !theirs.is_empty() && theirs != mine {
                                    let joined = format!("{mine}\n{theirs}");
                                    kept.insert(field, json!(joined));
                                }
                            }
                            (_, None) => {
                                kept.insert(field, value);
                            }
                            _ => {}
                        }
                    }
                }
                notes.push(texts.fill("migrate.note.rows-merged", &[("old", old), ("new", &new)]));
            }
            Some(_) => {}
        }
    }
}

fn from_v1(
    mut old: Map<String, Value>,
    texts: &Texts,
) -> Result<Map<String, Value>, (String, String)> {
    let saved_at = old.remove("saved_at").unwrap_or_else(|| json!(""));
    let mut rows = Map::new();
    fn edit_of<'a>(rows: &'a mut Map<String, Value>, row: &str) -> &'a mut Map<String, Value> {
        rows.entry(row.to_owned())
            .or_insert_with(|| Value::Object(Map::new()))
            .as_object_mut()
            .expect("inserted as an object")
    }
    if let Some(Value::Object(statuses)) = old.remove("statuses") {
        for (row, status) in statuses {
            let new = match status.as_str() {
                Some("todo") => "not_started",
                Some("partial") => "in_progress",
                Some("done") => "implemented",
                Some("n/a") => "not_applicable",
                _ => {
                    return Err((
                        format!("statuses.{row}"),
                        texts.fill("migrate.error.unknown-status", &[("status", &status)]),
                    ))
                }
            };
            edit_of(&mut rows, &row).insert("status".to_owned(), json!(new));
        }
    }
    for (field, new_field) in [("owners", "owner"), ("notes", "notes")] {
        if let Some(Value::Object(values)) = old.remove(field) {
            for (row, text) in values {
                edit_of(&mut rows, &row).insert(new_field.to_owned(), text);
            }
        }
    }
    let edition_27001 = old.remove("edition_27001").unwrap_or_else(|| json!("2022"));
    let edition_20000 = old.remove("edition_20000").unwrap_or_else(|| json!("2018"));
    let mut new = Map::new();
    new.insert("schema".to_owned(), json!(2));
    new.insert("created".to_owned(), saved_at.clone());
    new.insert("updated".to_owned(), saved_at);
    new.insert(
        "editions".to_owned(),
        json!({ "iso27001": edition_27001, "iso20000-1": edition_20000 }),
    );
    new.insert(
        "answers".to_owned(),
        old.remove("answers").unwrap_or_else(|| json!({})),
    );
    new.insert("rows".to_owned(), Value::Object(rows));
    old.remove("version");
    // Anything else the prototype wrote is kept visible rather than dropped silently.
    if let Some(unknown) = old.keys().next() {
        return Err((
            unknown.clone(),
            texts.get("migrate.error.unknown-field").to_owned(),
        ));
    }
    Ok(new)
}
