//! Embeds the data files without their layout whitespace. `include_str!` would carry every
//! indent into each binary, and a first visit downloads the page's wasm. The files stay
//! indented in `data/`, where people edit and review them; the code embeds the copies written
//! here to `$OUT_DIR/data/`. Only whitespace outside strings is dropped, so the data read is the
//! same, key order included.

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
        std::fs::write(&target, minify(&text)).expect("OUT_DIR is writable");
    }
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
