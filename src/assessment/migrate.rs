//! Brings saved assessments of older schema versions up to `SCHEMA_VERSION`, one step at a time.
//!
//! Version 1 is the pre-release prototype format: flat maps per field and editions as separate
//! keys:
//! `{"version": 1, "saved_at": T, "edition_27001": "2013", "edition_20000": "2011",
//!   "answers": {...}, "statuses": {row: "todo"|"partial"|"done"|"n/a"},
//!   "owners": {row: text}, "notes": {row: text}}`.

use serde_json::{json, Map, Value};

use super::model::SCHEMA_VERSION;

/// The schema version a saved document declares (`schema`, or `version` in version 1).
pub fn version_of(document: &Map<String, Value>) -> Option<u64> {
    document
        .get("schema")
        .or_else(|| document.get("version"))
        .and_then(Value::as_u64)
}

/// Migrates `document` from `version` to the current schema.
///
/// # Errors
/// The field and problem, when an old document is malformed in a way migration must reject.
pub fn to_current(
    mut document: Map<String, Value>,
    version: u64,
) -> Result<Map<String, Value>, (String, String)> {
    let mut version = version;
    while version < u64::from(SCHEMA_VERSION) {
        document = match version {
            1 => from_v1(document)?,
            other => {
                return Err((
                    "schema".to_owned(),
                    format!("no migration from version {other}"),
                ))
            }
        };
        version += 1;
    }
    Ok(document)
}

fn from_v1(mut old: Map<String, Value>) -> Result<Map<String, Value>, (String, String)> {
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
                        format!("unknown version 1 status {status}"),
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
            "unknown field in a version 1 file".to_owned(),
        ));
    }
    Ok(new)
}
