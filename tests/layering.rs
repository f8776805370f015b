//! The architecture's rules as a test (a tidy test, as rust-analyzer keeps them): the layers
//! ARCHITECTURE.md draws, read from its "Layers" table, are checked against every `crate::`,
//! `super::` and `ims_matrix::` path in `src/`; the core names no browser crate; only `export`
//! names the workbook crates; the page's code reaches `export` only to lay a workbook out,
//! never the writer; and no two files import each other (the file graph has no cycle). The checker runs on fixture trees that break each
//! rule too, so it is seen to fail.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Crates only the browser glue may name.
const BROWSER_CRATES: [&str; 6] = [
    "yew",
    "web_sys",
    "gloo",
    "wasm_bindgen",
    "wasm_bindgen_futures",
    "js_sys",
];
/// Crates only the workbook module may name.
const WORKBOOK_CRATES: [&str; 3] = ["rust_xlsxwriter", "calamine", "zip"];

/// One layer rule: a top-level module (or binary) and the modules of ours it may use.
#[derive(Debug)]
struct Layer {
    module: String,
    may_use: BTreeSet<String>,
    browser: bool,
    workbook: bool,
}

/// Reads the "Layers" table of ARCHITECTURE.md: `| module | may use | browser | workbook |`.
fn layers_from(markdown: &str) -> Vec<Layer> {
    let section = markdown
        .split("\n## ")
        .find(|s| s.starts_with("Layers"))
        .expect("ARCHITECTURE.md has a \"## Layers\" section");
    let ticked = |cell: &str| -> BTreeSet<String> {
        cell.split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_owned)
            .collect()
    };
    section
        .lines()
        .filter(|line| line.starts_with("| `"))
        .map(|line| {
            let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
            assert_eq!(cells.len(), 4, "layer rows have four cells: {line}");
            Layer {
                module: ticked(cells[0]).into_iter().next().expect("a module"),
                may_use: ticked(cells[1]),
                browser: cells[2] == "yes",
                workbook: cells[3] == "yes",
            }
        })
        .collect()
}

/// A source file: its crate (`lib` or a binary's name), its module path and its text.
struct Source {
    path: PathBuf,
    krate: String,
    module: Vec<String>,
    text: String,
}

fn sources(src: &Path) -> Vec<Source> {
    let mut files = Vec::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("readable src") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let relative: Vec<String> = path
                .strip_prefix(src)
                .expect("under src")
                .iter()
                .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_owned())
                .collect();
            let (krate, mut module) = match relative.as_slice() {
                [main] if main == "main" => ("main".to_owned(), vec![]),
                [lib] if lib == "lib" => ("lib".to_owned(), vec![]),
                [bin, name] if bin == "bin" => (name.clone(), vec![]),
                [bin, name, rest @ ..] if bin == "bin" => (name.clone(), rest.to_vec()),
                rest => ("lib".to_owned(), rest.to_vec()),
            };
            if module.last().is_some_and(|m| m == "mod" || m == "main") {
                module.pop();
            }
            let text = std::fs::read_to_string(&path).expect("readable file");
            Source {
                path,
                krate,
                module,
                text,
            }
        })
        .collect()
}

/// The code without comments, string literals and character literals, so that only real
/// paths remain.
fn code_only(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            out.push(' ');
        } else if c == 'r'
            && (next == Some('"') || next == Some('#'))
            && !is_ident(out.chars().last())
        {
            // A raw string: r"…" or r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            loop {
                if j >= chars.len() {
                    break;
                }
                if chars[j] == '"' && (0..hashes).all(|k| chars.get(j + 1 + k) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            i = j;
            out.push_str("\"\"");
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push_str("\"\"");
        } else if c == '\'' && (chars.get(i + 2) == Some(&'\'') || next == Some('\\')) {
            // A character literal ('x' or '\n'); a lifetime ('a) has no closing quote.
            i += 1;
            while i < chars.len() && chars[i] != '\'' {
                if chars[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push_str("' '");
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn is_ident(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || c == '_')
}

#[derive(Clone, Debug, PartialEq)]
enum Token {
    Ident(String),
    Path,
    Open,
    Close,
    Comma,
    Other,
}

fn tokens(code: &str) -> Vec<Token> {
    let chars: Vec<char> = code.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            tokens.push(Token::Ident(chars[start..i].iter().collect()));
            continue;
        }
        match c {
            ':' if chars.get(i + 1) == Some(&':') => {
                tokens.push(Token::Path);
                i += 2;
                continue;
            }
            '{' => tokens.push(Token::Open),
            '}' => tokens.push(Token::Close),
            ',' => tokens.push(Token::Comma),
            c if c.is_whitespace() => {}
            _ => tokens.push(Token::Other),
        }
        i += 1;
    }
    tokens
}

/// A path found in the code, with the inline modules (`mod tests { … }`) it sits in.
struct Found {
    inline: Vec<String>,
    path: Vec<String>,
}

/// Every path in the code, expanded from use trees: `crate::{a, b::c}` gives `crate::a` and
/// `crate::b::c`.
fn paths(tokens: &[Token]) -> Vec<Found> {
    fn tree(
        tokens: &[Token],
        mut i: usize,
        prefix: &[String],
        out: &mut Vec<Vec<String>>,
    ) -> usize {
        let mut path = prefix.to_vec();
        loop {
            match tokens.get(i) {
                Some(Token::Ident(name)) => {
                    path.push(name.clone());
                    i += 1;
                    if tokens.get(i) == Some(&Token::Path) {
                        i += 1;
                        continue;
                    }
                    out.push(path);
                    return i;
                }
                Some(Token::Open) => {
                    i += 1;
                    loop {
                        match tokens.get(i) {
                            Some(Token::Close) => return i + 1,
                            Some(Token::Comma) => i += 1,
                            None => return i,
                            Some(_) => {
                                let before = i;
                                i = tree(tokens, i, &path, out);
                                if i == before {
                                    i += 1;
                                }
                            }
                        }
                    }
                }
                _ => {
                    if path.len() > prefix.len() {
                        out.push(path);
                    }
                    return i;
                }
            }
        }
    }
    let mut found = Vec::new();
    // Inline modules open here, each with the brace depth inside it.
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0;
    let mut i = 0;
    while i < tokens.len() {
        match &tokens[i] {
            Token::Ident(kw) if kw == "mod" => {
                // `mod name {`, or `mod $name {` inside a macro.
                let named = match (tokens.get(i + 1), tokens.get(i + 2), tokens.get(i + 3)) {
                    (Some(Token::Ident(name)), Some(Token::Open), _) => Some((name.clone(), 3)),
                    (Some(Token::Other), Some(Token::Ident(name)), Some(Token::Open)) => {
                        Some((format!("${name}"), 4))
                    }
                    _ => None,
                };
                if let Some((name, skip)) = named {
                    depth += 1;
                    inline.push((name, depth));
                    i += skip;
                    continue;
                }
            }
            Token::Open => depth += 1,
            Token::Close => {
                if inline.last().is_some_and(|(_, d)| *d == depth) {
                    inline.pop();
                }
                depth -= 1;
            }
            _ => {}
        }
        let starts_path = matches!(tokens.get(i), Some(Token::Ident(_)))
            && tokens.get(i + 1) == Some(&Token::Path)
            && !(i > 0 && tokens[i - 1] == Token::Path);
        if starts_path {
            let mut out = Vec::new();
            let next = tree(tokens, i, &[], &mut out);
            // Braces a use tree consumed keep the depth balanced, so nothing to adjust.
            let prefix: Vec<String> = inline.iter().map(|(name, _)| name.clone()).collect();
            found.extend(out.into_iter().map(|path| Found {
                inline: prefix.clone(),
                path,
            }));
            i = next;
        } else {
            i += 1;
        }
    }
    found
}

/// The child modules a file declares (`mod x;` or `pub mod x;`).
fn declared_modules(tokens: &[Token]) -> BTreeSet<String> {
    tokens
        .windows(2)
        .filter_map(|w| match w {
            [Token::Ident(kw), Token::Ident(name)] if kw == "mod" => Some(name.clone()),
            _ => None,
        })
        .collect()
}

/// The deepest module file a path reaches, if it is one of ours.
fn resolve(
    files: &BTreeMap<(String, Vec<String>), usize>,
    krate: &str,
    path: &[String],
) -> Option<usize> {
    let mut best = None;
    for len in 0..=path.len() {
        if let Some(&file) = files.get(&(krate.to_owned(), path[..len].to_vec())) {
            best = Some(file);
        } else if len > 0 {
            break;
        }
    }
    best
}

/// Everything wrong with the tree under `src` against `layers`, as messages.
fn check(src: &Path, layers: &[Layer]) -> Vec<String> {
    let sources = sources(src);
    let files: BTreeMap<(String, Vec<String>), usize> = sources
        .iter()
        .enumerate()
        .map(|(i, s)| ((s.krate.clone(), s.module.clone()), i))
        .collect();
    let layer_of = |source: &Source| -> Option<&Layer> {
        let name = if source.krate == "lib" {
            source.module.first()?.clone()
        } else {
            source.krate.clone()
        };
        layers.iter().find(|l| l.module == name)
    };
    let mut problems = Vec::new();
    let mut edges: BTreeSet<(usize, usize)> = BTreeSet::new();
    for (index, source) in sources.iter().enumerate() {
        let shown = source
            .path
            .strip_prefix(src)
            .unwrap_or(&source.path)
            .display()
            .to_string();
        let tokens = tokens(&code_only(&source.text));
        let children = declared_modules(&tokens);
        let layer = layer_of(source);
        if layer.is_none() && !(source.krate == "lib" && source.module.is_empty()) {
            problems.push(format!(
                "{shown}: its module is not in the Layers table of ARCHITECTURE.md"
            ));
        }
        for Found { inline, path } in paths(&tokens) {
            let first = path[0].as_str();
            let mut here = source.module.clone();
            here.extend(inline);
            // Absolute module path inside this file's crate, and the crate it names.
            let (krate, absolute): (&str, Vec<String>) = match first {
                "crate" => (&source.krate, path[1..].to_vec()),
                "ims_matrix" => ("lib", path[1..].to_vec()),
                "super" | "self" => {
                    let mut base = here.clone();
                    let mut rest = &path[..];
                    while let Some(step) = rest.first() {
                        match step.as_str() {
                            "super" => {
                                base.pop();
                            }
                            "self" => {}
                            _ => break,
                        }
                        rest = &rest[1..];
                    }
                    base.extend(rest.iter().cloned());
                    (&source.krate, base)
                }
                name if children.contains(name) => {
                    let mut base = here.clone();
                    base.extend(path.iter().cloned());
                    (&source.krate, base)
                }
                name => {
                    if BROWSER_CRATES.contains(&name) && !layer.is_some_and(|l| l.browser) {
                        problems.push(format!("{shown}: names the browser crate {name}"));
                    }
                    if WORKBOOK_CRATES.contains(&name) && !layer.is_some_and(|l| l.workbook) {
                        problems.push(format!("{shown}: names the workbook crate {name}"));
                    }
                    continue;
                }
            };
            let Some(target) = resolve(&files, krate, &absolute) else {
                continue;
            };
            if target != index {
                edges.insert((index, target));
            }
            // Layers between the library's top-level modules, and from binaries into the library.
            let target_source = &sources[target];
            if target_source.krate != "lib" || target_source.module.is_empty() {
                continue;
            }
            let target_module = &target_source.module[0];
            let same = source.krate == "lib" && source.module.first() == Some(target_module);
            if same {
                continue;
            }
            if let Some(layer) = layer {
                if !layer.may_use.contains(target_module) {
                    problems.push(format!(
                        "{shown}: uses {}, which the Layers table does not allow {} to use",
                        absolute.join("::"),
                        layer.module
                    ));
                }
            }
        }
    }
    // No cycle between files: a depth-first search reports the first cycle it meets.
    let mut state = vec![0u8; sources.len()];
    fn visit(
        node: usize,
        edges: &BTreeSet<(usize, usize)>,
        state: &mut [u8],
        stack: &mut Vec<usize>,
    ) -> Option<Vec<usize>> {
        state[node] = 1;
        stack.push(node);
        for &(_, next) in edges.range((node, 0)..(node + 1, 0)) {
            if state[next] == 1 {
                let start = stack.iter().position(|&n| n == next).expect("on the stack");
                let mut cycle = stack[start..].to_vec();
                cycle.push(next);
                return Some(cycle);
            }
            if state[next] == 0 {
                if let Some(cycle) = visit(next, edges, state, stack) {
                    return Some(cycle);
                }
            }
        }
        stack.pop();
        state[node] = 2;
        None
    }
    for node in 0..sources.len() {
        if state[node] == 0 {
            if let Some(cycle) = visit(node, &edges, &mut state, &mut Vec::new()) {
                let names: Vec<String> = cycle
                    .iter()
                    .map(|&i| {
                        sources[i]
                            .path
                            .strip_prefix(src)
                            .unwrap_or(&sources[i].path)
                            .display()
                            .to_string()
                    })
                    .collect();
                problems.push(format!("files import each other: {}", names.join(" -> ")));
                break;
            }
        }
    }
    problems
}

fn architecture_layers() -> Vec<Layer> {
    let markdown =
        std::fs::read_to_string(Path::new(ROOT).join("ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    layers_from(&markdown)
}

#[test]
fn the_source_tree_keeps_the_layers_architecture_md_draws() {
    let problems = check(&Path::new(ROOT).join("src"), &architecture_layers());
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn the_layers_table_keeps_the_core_free_of_the_browser_and_the_page_free_of_the_workbook() {
    let layers = architecture_layers();
    let layer = |name: &str| {
        layers
            .iter()
            .find(|l| l.module == name)
            .unwrap_or_else(|| panic!("{name} is in the table"))
    };
    for core in [
        "catalog",
        "questionnaire",
        "assessment",
        "matrix",
        "export",
        "embed",
        "state",
        "protocol",
    ] {
        assert!(!layer(core).browser, "{core} must not use browser crates");
    }
    for page in ["web", "main", "ims-matrix-start"] {
        assert!(
            !layer(page).may_use.contains("export"),
            "{page} must not reach export"
        );
    }
    for page in ["web", "ui", "main", "ims-matrix-start"] {
        assert!(
            !layer(page).workbook,
            "{page} must not name the workbook crates"
        );
    }
    for (module, layer) in layers.iter().map(|l| (l.module.as_str(), l)) {
        assert_eq!(
            layer.workbook,
            module == "export",
            "only export writes workbooks: {module}"
        );
    }
}

/// What the page may name of `export`: the layout and what it takes. The file itself is
/// written by the export worker (`export::write_laid_out`), so the writer, deflate and zip stay
/// out of the page's wasm whatever the optimiser does.
const PAGE_MAY_NAME_OF_EXPORT: [&str; 4] = ["self", "laid_out", "ExportOptions", "Brand"];

/// The names of `export` a file uses: `crate::export::x` and, after `use crate::export`,
/// `export::x`.
fn export_names(code: &str) -> Vec<String> {
    paths(&tokens(&code_only(code)))
        .into_iter()
        .filter_map(|found| {
            let path = found.path;
            let at = path.iter().position(|s| s == "export")?;
            let ours = at == 0 || matches!(path[at - 1].as_str(), "crate" | "ims_matrix");
            ours.then(|| path.get(at + 1).cloned()).flatten()
        })
        .collect()
}

#[test]
fn the_page_lays_the_workbook_out_and_never_names_the_writer() {
    let src = Path::new(ROOT).join("src");
    let mut page_files: Vec<PathBuf> = ["ui", "web"]
        .iter()
        .flat_map(|dir| std::fs::read_dir(src.join(dir)).expect("a folder"))
        .map(|entry| entry.expect("an entry").path())
        .collect();
    page_files.push(src.join("main.rs"));
    page_files.push(src.join("bin/ims-matrix-start.rs"));
    let mut laid_out = false;
    for file in page_files {
        let code = std::fs::read_to_string(&file).expect("a source file");
        for name in export_names(&code) {
            assert!(
                PAGE_MAY_NAME_OF_EXPORT.contains(&name.as_str()),
                "{}: names export::{name}, which only the export worker may",
                file.display()
            );
            laid_out |= name == "laid_out";
        }
    }
    assert!(laid_out, "the page lays the workbook out");
    // The rule is seen to catch a writer named either way.
    assert_eq!(
        export_names("use crate::export::{self, laid_out};\nfn f() { export::write_laid_out(b); crate::web::export::start(); }"),
        ["self", "laid_out", "write_laid_out"]
    );
}

/// A small tree written to a temporary folder, checked against a small layer table.
fn fixture_problems(files: &[(&str, &str)]) -> Vec<String> {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "ims-matrix-layering-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    ));
    let src = dir.join("src");
    for (path, text) in files {
        let path = src.join(path);
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("temp dir");
        std::fs::write(&path, text).expect("write fixture");
    }
    let table = "# A\n\n## Layers\n| module | may use | browser | workbook |\n|---|---|---|---|\n\
        | `core` | — | no | no |\n| `export` | `core` | no | yes |\n| `web` | `core` | yes | no |\n\
        | `main` | `web` | yes | no |\n";
    let problems = check(&src, &layers_from(table));
    std::fs::remove_dir_all(&dir).ok();
    problems
}

const LIB: &str = "pub mod core;\npub mod export;\npub mod web;\n";

#[test]
fn a_clean_fixture_passes() {
    let problems = fixture_problems(&[
        ("lib.rs", LIB),
        ("core/mod.rs", "mod a;\nmod b;\npub use a::A;\n"),
        (
            "core/a.rs",
            "use super::b::B;\npub struct A(B);\n// crate::web is only a comment\n",
        ),
        (
            "core/b.rs",
            "pub struct B; const S: &str = \"crate::web::x\";\n",
        ),
        (
            "export/mod.rs",
            "use rust_xlsxwriter::Workbook;\nuse crate::core::{A, b::B};\n",
        ),
        (
            "web/mod.rs",
            "use web_sys::Window;\nuse crate::core::A;\nfn f<'a>(x: &'a str) -> char { 'x' }\n",
        ),
        (
            "main.rs",
            "fn main() { ims_matrix::web::start(); yew::Renderer::new(); }\n",
        ),
    ]);
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn each_broken_rule_is_reported() {
    let cases: [(&str, &[(&str, &str)]); 5] = [
        (
            "names the browser crate yew",
            &[
                ("lib.rs", LIB),
                ("core/mod.rs", "use yew::prelude::*;\n"),
                ("export/mod.rs", ""),
                ("web/mod.rs", ""),
            ],
        ),
        (
            "names the workbook crate rust_xlsxwriter",
            &[
                ("lib.rs", LIB),
                ("core/mod.rs", ""),
                ("export/mod.rs", ""),
                (
                    "web/mod.rs",
                    "fn f() { rust_xlsxwriter::Workbook::new(); }\n",
                ),
            ],
        ),
        (
            "uses export::x, which the Layers table does not allow web to use",
            &[
                ("lib.rs", LIB),
                ("core/mod.rs", ""),
                ("export/mod.rs", "pub fn x() {}\n"),
                ("web/mod.rs", "use crate::{core, export::x};\n"),
            ],
        ),
        (
            "uses web::w, which the Layers table does not allow core to use",
            &[
                ("lib.rs", LIB),
                ("core/mod.rs", "fn f() { crate::web::w(); }\n"),
                ("export/mod.rs", ""),
                ("web/mod.rs", "pub fn w() {}\n"),
            ],
        ),
        (
            "files import each other: core/a.rs -> core/b.rs -> core/a.rs",
            &[
                ("lib.rs", LIB),
                ("core/mod.rs", "mod a;\nmod b;\n"),
                ("core/a.rs", "use super::b::B;\npub struct A;\n"),
                ("core/b.rs", "use super::a::A;\npub struct B;\n"),
                ("export/mod.rs", ""),
                ("web/mod.rs", ""),
            ],
        ),
    ];
    for (expected, files) in cases {
        let problems = fixture_problems(files);
        assert!(
            problems.iter().any(|p| p.contains(expected)),
            "expected {expected:?} in {problems:?}"
        );
    }
}
