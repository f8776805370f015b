//! Embeds the data files without their layout whitespace. `include_str!` would carry every
//! indent into each binary, and a first visit downloads the page's wasm. The files stay
//! indented in `data/`, where people edit and review them; the code embeds the copies written
//! here to `$OUT_DIR/data/`. Only whitespace outside strings is dropped, so the data read is the
//! same, key order included.
//!
//! It also merges each language's texts (`locales/<lang>/*.json`, flat key -> text) into one
//! bundle, `$OUT_DIR/locales/<lang>.json`, and lists the languages in
//! `$OUT_DIR/locales/languages.rs`, so a new language is a new folder and no code.

use std::path::Path;

const FILES: &[&str] = &[
    "data/standards/iso27001-2022.json",
    "data/standards/iso27001-2013.json",
    "data/standards/iso20000-1-2018.json",
    "data/standards/iso20000-1-2011.json",
    "data/transitions/iso27001-2013-to-2022.json",
    "data/transitions/iso20000-1-2011-to-2018.json",
    "data/crosswalk.json",
    "data/questionnaire.json",
    "data/controls.json",
    "data/obligations.json",
    "data/row-renames.json",
];

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for file in FILES {
        println!("cargo:rerun-if-changed={file}");
        let text = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{file}: {e}"));
        let target = Path::new(&out).join(file);
        std::fs::create_dir_all(target.parent().expect("a folder")).expect("OUT_DIR is writable");
        if *file == "data/questionnaire.json" {
            write_questionnaire_parts(&text, &target);
        } else {
            std::fs::write(&target, minify(&text)).expect("OUT_DIR is writable");
        }
    }
    write_catalog_index(Path::new(&out));
    bundle_locales(Path::new(&out));
}

/// The questionnaire in two parts: its questions (`questionnaire.json`), which the first-visit
/// page needs, and its Annex A applicability rules (`applicability.json`), which only the
/// engine reads; the first-visit page then carries no rules (issue 18: about 5 KiB brotli).
fn write_questionnaire_parts(text: &str, questions: &Path) {
    let mut json: serde_json::Value =
        serde_json::from_str(text).unwrap_or_else(|e| panic!("data/questionnaire.json: {e}"));
    let rules = json
        .as_object_mut()
        .and_then(|o| o.remove("applicability"))
        .unwrap_or_else(|| serde_json::Value::Array(Vec::new()));
    let write = |path: &Path, value: &serde_json::Value| {
        std::fs::write(path, serde_json::to_string(value).expect("serialises"))
            .expect("OUT_DIR is writable");
    };
    write(questions, &json);
    write(
        &questions.with_file_name("applicability.json"),
        &serde_json::json!({ "applicability": rules }),
    );
}

/// `$OUT_DIR/data/catalog-index.json`: each crosswalk row's id, practice and kind, and the Annex A
/// controls of ISO/IEC 27001:2022 (`src/catalog/index.rs`). The first-visit page reads this
/// instead of the catalog.
fn write_catalog_index(out: &Path) {
    let read = |file: &str| -> serde_json::Value {
        let text = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{file}: {e}"));
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{file}: {e}"))
    };
    let crosswalk = read("data/crosswalk.json");
    let rows: Vec<serde_json::Value> = crosswalk["rows"]
        .as_array()
        .expect("data/crosswalk.json has rows")
        .iter()
        .map(|row| serde_json::json!({ "id": row["id"], "practice": row["practice"], "kind": row["kind"] }))
        .collect();
    let standard = read("data/standards/iso27001-2022.json");
    let controls: Vec<&serde_json::Value> = standard["nodes"]
        .as_array()
        .expect("the standard has nodes")
        .iter()
        .filter(|node| node["kind"] == "control")
        .map(|node| &node["ref"])
        .collect();
    let index = serde_json::json!({ "rows": rows, "controls_2022": controls });
    std::fs::write(
        out.join("data/catalog-index.json"),
        serde_json::to_string(&index).expect("serialisable"),
    )
    .expect("OUT_DIR is writable");
}

/// One minified JSON object per language, its files merged in name order. A key given twice is a
/// build error: two files must not disagree about one text.
fn bundle_locales(out: &Path) {
    println!("cargo:rerun-if-changed=locales");
    let target = out.join("locales");
    std::fs::create_dir_all(&target).expect("OUT_DIR is writable");
    let mut languages = Vec::new();
    let mut workbook_words = serde_json::Map::new();
    let mut folders: Vec<_> = std::fs::read_dir("locales")
        .expect("locales/ exists")
        .map(|entry| entry.expect("readable").path())
        .filter(|path| path.is_dir())
        .collect();
    folders.sort();
    for folder in folders {
        let lang = folder
            .file_name()
            .and_then(|n| n.to_str())
            .expect("UTF-8 name")
            .to_owned();
        println!("cargo:rerun-if-changed={}", folder.display());
        let mut files: Vec<_> = std::fs::read_dir(&folder)
            .expect("readable")
            .map(|entry| entry.expect("readable").path())
            .filter(|path| path.extension().is_some_and(|e| e == "json"))
            // `_english.json` lists the keys a language leaves in English on purpose (for the tests).
            .filter(|path| {
                !path
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('_'))
            })
            .collect();
        files.sort();
        let mut merged = serde_json::Map::new();
        let (mut first_visit, mut rest) = (serde_json::Map::new(), serde_json::Map::new());
        for file in files {
            let name = file
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default()
                .to_owned();
            // What the first-visit page shows: the language's own settings, the vocabulary,
            // and the files named start*.json (welcome, questionnaire, frame, notices).
            let for_first_visit =
                name == "language.json" || name == "vocabulary.json" || name.starts_with("start");
            println!("cargo:rerun-if-changed={}", file.display());
            let text = std::fs::read_to_string(&file)
                .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            let object: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&text)
                .unwrap_or_else(|e| panic!("{}: not a JSON object of texts: {e}", file.display()));
            for (key, value) in object {
                assert!(value.is_string(), "{}: {key} is not a text", file.display());
                if for_first_visit {
                    first_visit.insert(key.clone(), value.clone());
                } else {
                    rest.insert(key.clone(), value.clone());
                }
                assert!(
                    merged.insert(key.clone(), value).is_none(),
                    "{}: {key} is given twice in locales/{lang}",
                    file.display()
                );
            }
        }
        let name = merged
            .get("language.name")
            .and_then(|v| v.as_str())
            .unwrap_or_else(|| panic!("locales/{lang} has no language.name"))
            .to_owned();
        std::fs::write(
            target.join(format!("{lang}.json")),
            serde_json::to_string(&merged).expect("serialisable"),
        )
        .expect("OUT_DIR is writable");
        for (part, texts) in [("first-visit", &first_visit), ("rest", &rest)] {
            std::fs::write(
                target.join(format!("{lang}-{part}.json")),
                serde_json::to_string(texts).expect("serialisable"),
            )
            .expect("OUT_DIR is writable");
        }
        workbook_words.insert(
            lang.clone(),
            merged
                .iter()
                .filter(|(key, _)| {
                    [
                        "workbook.sheet.",
                        "workbook.header.",
                        "workbook.format.",
                        "Status.",
                    ]
                    .iter()
                    .any(|prefix| key.starts_with(prefix))
                        || ["workbook.yes", "workbook.no", "workbook.truncated"]
                            .contains(&key.as_str())
                })
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect::<serde_json::Map<_, _>>()
                .into(),
        );
        languages.push((lang, name));
    }
    // What the reader of an edited workbook needs to know its sheets, headers and statuses in
    // every language, without carrying every language's whole bundle.
    std::fs::write(
        target.join("workbook-words.json"),
        serde_json::to_string(&workbook_words).expect("serialisable"),
    )
    .expect("OUT_DIR is writable");
    let list: String = languages
        .iter()
        .map(|(lang, name)| format!("    ({lang:?}, {name:?}),\n"))
        .collect();
    let arms: String = languages
        .iter()
        .map(|(lang, _)| format!("        {lang:?} => Some(include_str!(concat!(env!(\"OUT_DIR\"), \"/locales/{lang}.json\"))),\n"))
        .collect();
    std::fs::write(
        target.join("bundled.rs"),
        format!("match lang {{\n{arms}        _ => None,\n    }}\n"),
    )
    .expect("OUT_DIR is writable");
    std::fs::write(
        target.join("languages.rs"),
        format!("/// Every language in `locales/`: its code and its own name for itself.\npub const LANGUAGES: &[(&str, &str)] = &[\n{list}];\n"),
    )
    .expect("OUT_DIR is writable");
}

/// The JSON text without whitespace between tokens; strings are copied as they are.
fn minify(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !matches!(c, ' ' | '\t' | '\n' | '\r') {
            out.push(c);
        }
    }
    out
}
