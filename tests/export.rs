//! The workbook, read back: calamine for values, the zip's XML for structure (frozen panes,
//! autofilter, validation, conditional formats, chart, properties), and LibreOffice as a second,
//! independent reader.
#![cfg(not(target_arch = "wasm32"))]

use std::io::{Cursor, Read};

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use ims_matrix::assessment::{Assessment, Status};
use ims_matrix::catalog;
use ims_matrix::export::{self, Brand, ExportOptions, SHEETS};
use ims_matrix::matrix::{self, Matrix};
use ims_matrix::questionnaire::{self, Answer};

const HOSTILE: &str =
    "=HYPERLINK(\"http://evil.example\",\"click\") <script>alert(1)</script> \u{1} مرحبا 👋";

fn assessment() -> Assessment {
    let mut a = Assessment::new("2026-11-27T00:00:00Z");
    for (id, value) in [
        ("org.name", Answer::Text("Acme <IT> & Co".into())),
        ("org.size", Answer::Text("medium".into())),
        ("scope.development", Answer::Text("none".into())),
        ("start.iso27001", Answer::Text("certified".into())),
        ("maturity.policy", Answer::Text("integrated".into())),
    ] {
        a.answers.insert(id.into(), value);
    }
    a.update_row("process.change-policy", |e| {
        e.status = Some(Status::InProgress);
        e.notes = HOSTILE.into();
        e.owner = "+44 20 7946 0000".into();
        e.due = "2027-03-31".into();
    });
    a.update_row("common.policy", |e| e.notes = "@SUM(1,2)".into());
    a.update_row("isms.cryptography", |e| e.notes = "-2+3".repeat(20_000));
    a
}

fn build(a: &Assessment) -> (Matrix, Vec<u8>) {
    let q = questionnaire::builtin();
    let m = matrix::build(catalog::builtin(), q, a);
    let options = ExportOptions {
        date: "2026-11-27".into(),
        brand: Some(Brand {
            name: "Example Consulting".into(),
            contact: "hello@example.com".into(),
        }),
        texts: ims_matrix::i18n::Texts::english(),
    };
    let bytes = export::workbook(&m, a, q, &options).expect("workbook");
    (m, bytes)
}

fn in_progress_count(m: &Matrix) -> usize {
    m.summary
        .by_status
        .iter()
        .find(|c| c.key == "in_progress")
        .expect("count")
        .count
}

fn open(bytes: &[u8]) -> Xlsx<Cursor<Vec<u8>>> {
    open_workbook_from_rs(Cursor::new(bytes.to_vec())).expect("calamine reads it")
}

fn xml(bytes: &[u8], path: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    let mut file = archive
        .by_name(path)
        .unwrap_or_else(|_| panic!("{path} in the workbook"));
    let mut text = String::new();
    file.read_to_string(&mut text).expect("utf-8 xml");
    text
}

fn header_of(range: &calamine::Range<Data>) -> Vec<String> {
    range
        .rows()
        .next()
        .expect("header")
        .iter()
        .map(ToString::to_string)
        .collect()
}

/// The position of the column headed `name`.
fn col(header: &[String], name: &str) -> usize {
    header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name:?} in {header:?}"))
}

fn find_row<'a>(range: &'a calamine::Range<Data>, id: &str) -> &'a [Data] {
    range
        .rows()
        .find(|r| r[0] == Data::String(id.into()))
        .unwrap_or_else(|| panic!("row {id}"))
}

/// The 1-based sheet row whose cell in `column` is `value`, as the worksheet XML numbers it.
fn row_number(range: &calamine::Range<Data>, column: usize, value: &str) -> u32 {
    range
        .rows()
        .position(|r| r[column] == Data::String(value.into()))
        .unwrap_or_else(|| panic!("row {value}")) as u32
        + 1
}

#[test]
fn sheets_and_row_counts_match_the_engine() {
    let a = assessment();
    let (m, bytes) = build(&a);
    let mut book = open(&bytes);
    // The seven sheets people see, then the very hidden one that carries the assessment.
    let mut names = SHEETS.map(String::from).to_vec();
    names.push(export::DATA_SHEET.to_owned());
    assert_eq!(book.sheet_names(), names);
    for sheet in [SHEETS[1], SHEETS[2]] {
        let range = book.worksheet_range(sheet).expect("matrix sheet");
        assert_eq!(range.height(), m.rows.len() + 1, "{sheet}");
    }
    let soa = book.worksheet_range(SHEETS[3]).expect("soa");
    assert_eq!(soa.height(), 94);
    let open_rows = m.rows.iter().filter(|r| r.is_open()).count();
    assert_eq!(
        book.worksheet_range(SHEETS[4]).expect("actions").height(),
        open_rows + 1
    );
    let questions = questionnaire::builtin().questions().count();
    assert_eq!(
        book.worksheet_range(SHEETS[5]).expect("answers").height(),
        questions + 1
    );
}

#[test]
fn cell_values_come_from_the_matrix() {
    let a = assessment();
    let (m, bytes) = build(&a);
    let mut book = open(&bytes);
    let matrix = book.worksheet_range(SHEETS[1]).expect("matrix");
    let header = header_of(&matrix);
    assert_eq!(
        &header[..6],
        [
            "Row ID",
            "ISO/IEC 27001:2022",
            "ISO/IEC 27001:2022 title",
            "ISO/IEC 20000-1:2018",
            "ISO/IEC 20000-1:2018 title",
            "Topic"
        ]
    );
    assert_eq!(header[15], "Status");
    let (status, due, other) = (
        col(&header, "Status"),
        col(&header, "Due"),
        col(&header, "ISO/IEC 27001:2013 (other edition)"),
    );
    let change = find_row(&matrix, "process.change-policy");
    assert_eq!(change[1], Data::String("A.8.32".into()));
    assert_eq!(change[2], Data::String("A.8.32 Change management".into()));
    assert_eq!(change[status], Data::String("In progress".into()));
    assert_eq!(
        change[other].to_string(),
        "A.12.1.2\nA.14.2.2\nA.14.2.3\nA.14.2.4"
    );
    assert!(
        matches!(change[due], Data::DateTime(_)),
        "a valid due date is a date cell: {:?}",
        change[due]
    );
    // The plan's phase and its target date sit beside the priority.
    assert_eq!(
        change[col(&header, "Phase")],
        Data::String("3 Controls and processes".into())
    );
    assert!(matches!(
        change[col(&header, "Target date")],
        Data::DateTime(_)
    ));
    let policy = find_row(&matrix, "common.policy");
    assert_eq!(policy[status], Data::String("Implemented".into()));
    // The draft SoA: no development means secure development is not applicable, with the reason.
    let soa = book.worksheet_range(SHEETS[3]).expect("soa");
    let dev = soa
        .rows()
        .find(|r| r[0] == Data::String("A.8.25".into()))
        .expect("A.8.25");
    let soa_header = header_of(&soa);
    assert_eq!(
        dev[col(&soa_header, "Applicable")],
        Data::String("No".into())
    );
    assert!(dev[col(&soa_header, "Justification")]
        .to_string()
        .contains("no software is developed"));
    assert_eq!(
        dev[col(&soa_header, "ISO/IEC 27001:2013 reference")],
        Data::String("A.14.2.1".into())
    );
    assert_eq!(
        dev[col(&soa_header, "Basis")],
        Data::Empty,
        "an excluded control has no basis"
    );
    // The ISO/IEC 20000-1 view leads with 20000-1 references in clause order.
    let view = book.worksheet_range(SHEETS[2]).expect("20000 view");
    let firsts: Vec<String> = view
        .rows()
        .skip(1)
        .map(|r| r[1].to_string())
        .filter(|s| !s.is_empty())
        .collect();
    assert_eq!(firsts.first().map(String::as_str), Some("4.1"));
    assert_eq!(m.rows.len() + 1, view.height());
    // It is the narrower table: no long explanations, which stay in the full view.
    let view_header = header_of(&view);
    assert_eq!(view_header[1], "ISO/IEC 20000-1:2018");
    assert_eq!(view_header[3], "ISO/IEC 27001:2022");
    for gone in ["Guidance", "Rationale", "Applicability reason"] {
        assert!(
            !view_header.iter().any(|h| h == gone),
            "{gone} in the 20000-1 view"
        );
        assert!(
            header.iter().any(|h| h == gone),
            "{gone} missing from the full view"
        );
    }
    let status = view_header
        .iter()
        .position(|h| h == "Status")
        .expect("Status in the 20000-1 view");
    let change_in_view = find_row(&view, "process.change-policy");
    assert_eq!(change_in_view[status], Data::String("In progress".into()));
}

/// A question the answers hid was never put to the prospect: the Answers sheet says so, rather
/// than "(not answered)", which reads as skipped, or an edition, which reads as chosen.
#[test]
fn the_answers_sheet_tells_questions_not_asked_from_questions_left_open() {
    let a = assessment();
    let (_, bytes) = build(&a);
    let mut book = open(&bytes);
    let answers = book.worksheet_range("Answers").expect("answers");
    let answer_to = |id: &str| -> String {
        answers
            .rows()
            .find(|r| r[3] == id)
            .map(|r| r[2].to_string())
            .unwrap_or_else(|| panic!("{id} on the Answers sheet"))
    };
    let not_asked = "Not asked: it does not apply to these answers";
    // Both systems held is the condition of start.separate; development "none" hides its
    // maturity; no GDPR role hides the sensitive-data question.
    for hidden in ["start.separate", "maturity.development", "reg.special-data"] {
        assert_eq!(answer_to(hidden), not_asked, "{hidden}");
    }
    assert_eq!(
        answer_to("edition.iso20000"),
        "Not asked: references are shown in ISO/IEC 20000-1:2018"
    );
    assert_eq!(answer_to("edition.iso27001"), "2022");
    assert_eq!(answer_to("org.sector"), "(not answered)");
    assert_eq!(answer_to("maturity.policy"), "Written down once for both");
}

#[test]
fn hostile_user_text_stays_text() {
    let (_, bytes) = build(&assessment());
    let mut book = open(&bytes);
    let matrix = book.worksheet_range(SHEETS[1]).expect("matrix");
    let header = header_of(&matrix);
    let (notes, owner) = (col(&header, "Notes"), col(&header, "Owner"));
    let change = find_row(&matrix, "process.change-policy");
    // Control characters are removed; everything else comes back as typed, as a string.
    assert_eq!(change[notes], Data::String(HOSTILE.replace('\u{1}', "")));
    assert_eq!(change[owner], Data::String("+44 20 7946 0000".into()));
    assert_eq!(
        find_row(&matrix, "common.policy")[notes],
        Data::String("@SUM(1,2)".into())
    );
    // No formula anywhere in the matrix sheets: user text never became one.
    for sheet in [SHEETS[1], SHEETS[2], SHEETS[4]] {
        let formulas = book.worksheet_formula(sheet).expect("formula range");
        assert!(
            formulas.cells().all(|(_, _, f)| f.is_empty()),
            "{sheet} has a formula"
        );
    }
    // Text over Excel's cell limit is cut with a visible marker.
    let long = find_row(&matrix, "isms.cryptography")[notes].to_string();
    assert!(long.encode_utf16().count() <= 32_767);
    assert!(long.contains("truncated"));
}

#[test]
fn summary_counts_are_formulas_over_the_matrix_with_our_results() {
    let (m, bytes) = build(&assessment());
    let mut book = open(&bytes);
    let formulas = book.worksheet_formula(SHEETS[0]).expect("summary formulas");
    let all: Vec<String> = formulas
        .cells()
        .map(|(_, _, f)| f.clone())
        .filter(|f| !f.is_empty())
        .collect();
    assert!(
        all.iter()
            .any(|f| f.contains("COUNTIF('Matrix (ISO 27001 view)'!$P$2:$P$")
                && f.contains("\"In progress\"")),
        "{all:?}"
    );
    // Open rows are counted over the matrix too, not by adding up cells of the Summary.
    let open_formula = format!(
        "COUNTIF('Matrix (ISO 27001 view)'!$P$2:$P${last},\"Not started\")+COUNTIF('Matrix (ISO 27001 view)'!$P$2:$P${last},\"In progress\")",
        last = m.rows.len() + 1
    );
    assert!(all.contains(&open_formula), "{all:?}");
    let values = book.worksheet_range(SHEETS[0]).expect("summary");
    let open_row = values
        .rows()
        .find(|r| r[0] == Data::String("Open rows (not started or in progress)".into()))
        .expect("open rows");
    let open = m.rows.iter().filter(|r| r.is_open()).count();
    assert_eq!(open_row[1].to_string(), open.to_string());
    let in_progress = values
        .rows()
        .find(|r| r[0] == Data::String("In progress".into()))
        .expect("row");
    let expected = in_progress_count(&m);
    assert_eq!(in_progress[1].to_string(), expected.to_string());
}

#[test]
fn structure_frozen_filtered_validated_coloured_charted_and_described() {
    let (m, bytes) = build(&assessment());
    let matrix = xml(&bytes, "xl/worksheets/sheet2.xml");
    assert!(
        matrix.contains(
            r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
        ),
        "frozen header"
    );
    assert!(matrix.contains("<autoFilter ref=\"A1:AD"), "autofilter");
    assert!(
        matrix.contains("<dataValidation type=\"list\""),
        "status dropdown"
    );
    assert!(
        matrix.contains(
            r#"<formula1>"Not started,In progress,Implemented,Not applicable"</formula1>"#
        ),
        "status list"
    );
    assert!(
        matrix.contains(r#"<conditionalFormatting sqref="P2:P"#),
        "status colours"
    );
    assert_eq!(
        matrix.matches(r#"<cfRule type="cellIs""#).count(),
        4,
        "one rule per status"
    );
    assert!(
        matrix.contains(r#"<pageSetup fitToHeight="0" orientation="landscape""#),
        "print set-up"
    );
    assert!(!matrix.contains("<f>"), "no formulas in the matrix sheet");
    // The 20000-1 view has its own drop-down and colours on its own Status column (O).
    let view = xml(&bytes, "xl/worksheets/sheet3.xml");
    assert!(
        view.contains(&format!(
            r#"errorTitle="Status" error="Choose one of: Not started, In progress, Implemented, Not applicable." sqref="O2:O{}""#,
            m.rows.len() + 1
        )),
        "20000-1 view status dropdown"
    );
    assert!(
        view.contains(r#"<conditionalFormatting sqref="O2:O"#),
        "20000-1 view status colours"
    );
    // Text cells need no style of their own: the workbook's default format wraps and aligns
    // them to the top.
    let styles = xml(&bytes, "xl/styles.xml");
    let first_xf = styles
        .split("<cellXfs")
        .nth(1)
        .and_then(|x| x.split("<xf ").nth(1))
        .expect("a first cell format");
    assert!(
        first_xf.contains(r#"<alignment vertical="top" wrapText="1"/>"#),
        "{first_xf}"
    );
    assert!(xml(&bytes, "xl/charts/chart1.xml").contains("<c:barChart>"));
    let workbook = xml(&bytes, "xl/workbook.xml");
    assert!(
        workbook.contains("_xlnm.Print_Titles"),
        "repeated header rows"
    );
    let core = xml(&bytes, "docProps/core.xml");
    assert!(core.contains("<dc:title>ISO/IEC 27001 × ISO/IEC 20000-1 integration matrix — Acme &lt;IT&gt; &amp; Co</dc:title>"), "{core}");
    assert!(core.contains("<dc:creator>Example Consulting</dc:creator>"));
    assert!(core.contains("2026-11-27T00:00:00Z"));
    assert!(xml(&bytes, "docProps/app.xml").contains("<Company>Example Consulting</Company>"));
    let about = xml(&bytes, "xl/sharedStrings.xml");
    assert!(
        about.contains("hello@example.com"),
        "the brand's contact is in About"
    );
}

/// The heights a worksheet's XML states, by 1-based row number; rows without one are absent.
fn row_heights(sheet_xml: &str) -> std::collections::HashMap<u32, f64> {
    let attribute = |tag: &str, name: &str| {
        let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        let end = start + tag[start..].find('"')?;
        Some(tag[start..end].to_owned())
    };
    sheet_xml
        .split("<row ")
        .skip(1)
        .filter_map(|rest| {
            let tag = format!(" {}", &rest[..rest.find('>')?]);
            let tag = tag.as_str();
            let row = attribute(tag, "r")?.parse().ok()?;
            let height = attribute(tag, "ht")?.parse().ok()?;
            Some((row, height))
        })
        .collect()
}

#[test]
fn rows_are_as_tall_as_their_wrapped_text() {
    // LibreOffice and others do not grow a row to its wrapped text, so the workbook says how
    // tall each row is; a row must be at least one 15 pt line per line break in its cells.
    let (m, bytes) = build(&assessment());
    let mut book = open(&bytes);
    let matrix = book.worksheet_range(SHEETS[1]).expect("matrix");
    let heights = row_heights(&xml(&bytes, "xl/worksheets/sheet2.xml"));
    assert_eq!(
        heights.len(),
        m.rows.len() + 1,
        "every matrix row wraps (guidance)"
    );
    for (n, row) in matrix.rows().enumerate().skip(1) {
        let breaks = row
            .iter()
            .map(|cell| cell.to_string().lines().count().max(1))
            .max()
            .unwrap_or(1);
        let height = heights[&(n as u32 + 1)];
        assert!(
            height >= (15.0 * breaks as f64).min(409.0),
            "row {} ({}) is {height} pt for {breaks} lines",
            n + 1,
            row[0]
        );
    }
    // The 80,000-character note makes its row as tall as Excel allows (409 pt, which the
    // writer rounds down to whole pixels), and no taller.
    let long_note = row_number(&matrix, 0, "isms.cryptography");
    assert!(
        (405.0..=409.0).contains(&heights[&long_note]),
        "{}",
        heights[&long_note]
    );
    // Headers take the lines their names need ("ISO/IEC 20000-1:2011 (other edition)" is 3).
    assert!(heights[&1] >= 30.0);
    let answers = row_heights(&xml(&bytes, "xl/worksheets/sheet6.xml"));
    let range = book.worksheet_range(SHEETS[5]).expect("answers");
    let short = row_number(&range, 3, "org.size");
    assert!(
        !answers.contains_key(&short),
        "a one-line row keeps the default height"
    );
}

#[test]
fn output_is_deterministic_for_the_same_input_and_date() {
    let a = assessment();
    assert_eq!(build(&a).1, build(&a).1);
}

#[test]
fn file_names_are_safe() {
    let a = assessment();
    assert_eq!(
        a.download_name("2026-11-27", "xlsx"),
        "ims-matrix-acme-it-co-2026-11-27.xlsx"
    );
    assert_eq!(
        Assessment::new("t").download_name("2026-11-27", "xlsx"),
        "ims-matrix-assessment-2026-11-27.xlsx"
    );
}

/// LibreOffice, a second and independent reader, opens the workbook and sees the same cells.
/// Sheets as LibreOffice reads them: the workbook converted to one CSV per sheet, in a temp
/// dir removed on drop. With `recalculate`, LibreOffice recalculates every formula on load
/// instead of showing the results cached in the file.
struct LibreOfficeCsv(std::path::PathBuf);

impl LibreOfficeCsv {
    fn convert(bytes: &[u8], name: &str, recalculate: bool) -> LibreOfficeCsv {
        let soffice = ["soffice", "/usr/bin/soffice", "libreoffice"]
            .into_iter()
            .find(|p| std::process::Command::new(p).arg("--version").output().is_ok())
            .expect("LibreOffice is needed for this test: apt-get install libreoffice-calc-nogui (scripts/setup.sh does)");
        let dir = std::env::temp_dir().join(format!("ims-matrix-lo-{name}-{}", std::process::id()));
        let profile = dir.join("profile");
        std::fs::create_dir_all(profile.join("user")).expect("temp dir");
        if recalculate {
            // OOXMLRecalcMode 0: always recalculate Excel 2007+ files on load.
            std::fs::write(
                profile.join("user/registrymodifications.xcu"),
                r#"<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"#,
            )
            .expect("write the LibreOffice setting");
        }
        let path = dir.join("book.xlsx");
        std::fs::write(&path, bytes).expect("write");
        // 44 comma, 34 quote, 76 UTF-8, then -1 at the end: every sheet to its own CSV file.
        let status = std::process::Command::new(soffice)
            .args([
                "--headless",
                &format!("-env:UserInstallation=file://{}", profile.display()),
            ])
            .args([
                "--convert-to",
                "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
            ])
            .arg("--outdir")
            .arg(&dir)
            .arg(&path)
            .output()
            .expect("soffice runs");
        assert!(
            status.status.success(),
            "{}",
            String::from_utf8_lossy(&status.stderr)
        );
        LibreOfficeCsv(dir)
    }

    fn sheet(&self, sheet: &str) -> String {
        std::fs::read_to_string(self.0.join(format!("book-{sheet}.csv")))
            .unwrap_or_else(|e| panic!("{sheet}: {e}"))
    }
}

impl Drop for LibreOfficeCsv {
    fn drop(&mut self) {
        std::fs::remove_dir_all(&self.0).ok();
    }
}

/// The workbook with one entry's text changed by `edit`, as a user's spreadsheet program
/// would save an edit.
fn with_entry_edited(bytes: &[u8], path: &str, edit: impl FnOnce(String) -> String) -> Vec<u8> {
    use std::io::Write;
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let mut edit = Some(edit);
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).expect("entry");
        let name = file.name().to_owned();
        let mut data = Vec::new();
        file.read_to_end(&mut data).expect("entry bytes");
        if name == path {
            let edit = edit.take().expect("one entry by that name");
            data = edit(String::from_utf8(data).expect("utf-8 xml")).into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .expect("start entry");
        out.write_all(&data).expect("entry written");
    }
    assert!(edit.is_none(), "{path} is in the workbook");
    out.finish().expect("zip written").into_inner()
}

#[test]
fn libreoffice_opens_it() {
    let (m, bytes) = build(&assessment());
    let lo = LibreOfficeCsv::convert(&bytes, "opens", false);
    let matrix = lo.sheet(SHEETS[1]);
    assert!(matrix.contains("process.change-policy"));
    assert!(matrix.contains("مرحبا 👋"), "unicode survives");
    assert!(
        matrix.contains("=HYPERLINK(\"\"http://evil.example\"\""),
        "the formula-like note is text in LibreOffice too"
    );
    let summary = lo.sheet(SHEETS[0]);
    let expected = in_progress_count(&m);
    assert!(
        summary.contains(&format!("In progress,{expected}")),
        "{summary}"
    );
}

/// The line of a sheet's CSV that starts with `label`, and the number after it.
fn count_after(csv: &str, label: &str) -> usize {
    let line = csv
        .lines()
        .find(|l| l.starts_with(&format!("{label},")))
        .unwrap_or_else(|| panic!("{label} in {csv}"));
    line.split(',')
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("a count in {line}"))
}

#[test]
fn the_summary_recounts_when_a_status_is_edited_in_the_spreadsheet() {
    let (m, bytes) = build(&assessment());
    let count = |status: Status| m.rows.iter().filter(|r| r.status == status).count();
    let open = m.rows.iter().filter(|r| r.is_open()).count();
    // Set process.change-policy (In progress) to Implemented in the ISO 27001 view, as a user
    // would pick it from the drop-down: its status cell then holds the shared string
    // "Implemented".
    let strings = xml(&bytes, "xl/sharedStrings.xml");
    let index_of = |text: &str| {
        strings
            .split("<si>")
            .skip(1)
            .position(|si| si.contains(&format!(">{text}</t>")))
            .unwrap_or_else(|| panic!("{text} is a shared string"))
    };
    let (in_progress, implemented) = (index_of("In progress"), index_of("Implemented"));
    let row = 2 + m
        .rows
        .iter()
        .position(|r| r.id == "process.change-policy")
        .expect("row");
    let column = rust_xlsxwriter::utility::column_number_to_name(15);
    assert_eq!(column, "P", "Status is column P of the ISO 27001 view");
    let edited = with_entry_edited(&bytes, "xl/worksheets/sheet2.xml", |sheet| {
        let before = format!(r#"<c r="P{row}" t="s"><v>{in_progress}</v></c>"#);
        assert!(sheet.contains(&before), "{before}");
        sheet.replace(
            &before,
            &format!(r#"<c r="P{row}" t="s"><v>{implemented}</v></c>"#),
        )
    });

    let lo = LibreOfficeCsv::convert(&edited, "recount", true);
    let matrix = lo.sheet(SHEETS[1]);
    let line = matrix
        .lines()
        .find(|l| l.starts_with("process.change-policy,"))
        .expect("row");
    assert!(line.contains(",Implemented,"), "{line}");
    let summary = lo.sheet(SHEETS[0]);
    assert_eq!(
        count_after(&summary, "In progress"),
        count(Status::InProgress) - 1
    );
    assert_eq!(
        count_after(&summary, "Implemented"),
        count(Status::Implemented) + 1
    );
    assert_eq!(
        count_after(&summary, "Not started"),
        count(Status::NotStarted)
    );
    assert_eq!(
        count_after(&summary, "Open rows (not started or in progress)"),
        open - 1
    );
}

#[test]
fn the_summary_says_which_integrated_documents_are_left() {
    let mut a = assessment();
    // An ISMS held, with its context analysis written down: a document to extend.
    a.answers.insert(
        "maturity.context".into(),
        Answer::Text("documented_one".into()),
    );
    let (m, bytes) = build(&a);
    let summary = open(&bytes).worksheet_range(SHEETS[0]).expect("summary");
    let line = summary
        .rows()
        .find(|r| r[0] == Data::String("Documents left".into()))
        .expect("a line of its own");
    assert_eq!(line[2].to_string(), m.summary.documents.left);
    assert_eq!(
        m.summary.documents.left,
        format!(
            "{} to write and 1 to extend to ISO/IEC 20000-1",
            m.summary.documents_to_write
        )
    );
    let headline = summary
        .rows()
        .find(|r| r[0] == Data::String("Integrated documents".into()))
        .expect("the headline");
    assert_eq!(headline[2].to_string(), m.summary.documents.in_full);
}

#[test]
fn a_staged_plan_gives_the_summary_both_audits_and_each_stage_its_own_rows() {
    let mut a = assessment();
    a.answers
        .insert("start.target".into(), Answer::Text("iso20000-first".into()));
    // In place, not certified: a certificate held would take the other standard in one
    // combined audit instead of a second stage.
    a.answers
        .insert("start.iso27001".into(), Answer::Text("implemented".into()));
    let (m, bytes) = build(&a);
    let schedule = m.schedule.as_ref().unwrap();
    let second = schedule.second.as_ref().expect("staged");
    let summary = open(&bytes).worksheet_range(SHEETS[0]).expect("summary");
    let line = |label: &str| {
        summary
            .rows()
            .position(|r| r[0] == Data::String(label.into()))
            .unwrap_or_else(|| panic!("{label}"))
    };
    let (first_audit, second_audit) = (
        line("ISO/IEC 20000-1 certification audit"),
        line("ISO/IEC 27001 certification audit"),
    );
    assert!(first_audit < second_audit);
    let lines: Vec<&[Data]> = summary.rows().collect();
    assert_eq!(lines[second_audit][1].to_string(), second.audit);
    // Between the audits, the second stage's phases with its open rows (the rows for
    // ISO/IEC 27001 alone), and only those.
    let later: usize = lines[first_audit + 1..second_audit]
        .iter()
        .map(|l| {
            let text = l[2].to_string();
            text.split(' ').next().unwrap().parse::<usize>().unwrap()
        })
        .sum();
    let expected = m
        .rows
        .iter()
        .filter(|r| r.second_stage && r.is_open())
        .count();
    assert!(expected > 0);
    assert_eq!(later, expected);
    // The action plan says which rows are for the second audit: after the first audit's
    // review phase, a bare "planning" phase read as going back (an eighth lead implementer).
    let actions = open(&bytes).worksheet_range(SHEETS[4]).expect("actions");
    let header = header_of(&actions);
    let (phase, topic) = (col(&header, "Phase"), col(&header, "Topic"));
    for r in m.rows.iter().filter(|r| r.is_open()) {
        let line = actions
            .rows()
            .find(|l| l[topic].to_string() == r.topic.to_string())
            .unwrap_or_else(|| panic!("{} in the action plan", r.id));
        assert_eq!(
            line[phase]
                .to_string()
                .ends_with(", toward the second audit"),
            r.second_stage,
            "{}: {}",
            r.id,
            line[phase]
        );
    }
}

// ---------------------------------------------------------------------------------------------
// The workbook in German and French.

use ims_matrix::i18n::{self, Texts};

const LANGUAGES: [&str; 2] = ["de", "fr"];

fn texts(lang: &str) -> &'static Texts {
    Texts::install(lang, i18n::bundled(lang).expect("a bundled language")).expect("it loads")
}

fn sample() -> Assessment {
    ims_matrix::assessment::import(
        ims_matrix::assessment::SAMPLE_JSON,
        questionnaire::builtin(),
        catalog::builtin_index(),
    )
    .expect("the sample")
    .assessment
}

/// The workbook of `a` in `lang`, built as the export worker builds it.
fn build_in(a: &Assessment, lang: &str) -> (Matrix, Vec<u8>) {
    let texts = texts(lang);
    let q = questionnaire::localized(texts);
    let m = matrix::localized_build(texts, a);
    let options = ExportOptions {
        date: "2026-11-27".into(),
        brand: Some(Brand {
            name: "Example Consulting".into(),
            contact: "hello@example.com".into(),
        }),
        texts,
    };
    let bytes = export::workbook(&m, a, q, &options).expect("workbook");
    (m, bytes)
}

/// The visible sheets' names in `lang`.
fn names(lang: &str) -> [String; 7] {
    export::sheet_names(texts(lang))
}

#[test]
fn german_and_french_workbooks_name_sheets_headers_and_statuses_in_their_language() {
    let a = assessment();
    for lang in LANGUAGES {
        let t = texts(lang);
        let (m, bytes) = build_in(&a, lang);
        let mut book = open(&bytes);
        let sheets = names(lang);
        let mut expected = sheets.to_vec();
        expected.push(export::DATA_SHEET.to_owned());
        assert_eq!(book.sheet_names(), expected, "{lang}");
        for (name, english) in sheets.iter().zip(SHEETS) {
            assert_ne!(
                name, english,
                "{lang}: the sheet {english} is not translated"
            );
            assert!(
                name.chars().count() <= 31 && !name.contains(['[', ']', ':', '*', '?', '/', '\\'])
            );
        }
        let statuses: Vec<&str> = Status::ALL.iter().map(|s| t.label(*s)).collect();
        for (s, english) in Status::ALL.iter().zip(&statuses) {
            assert_ne!(*english, s.label(), "{lang}: {s:?} has no translation");
        }
        // Headers and values of the matrix sheet.
        let matrix = book.worksheet_range(&sheets[1]).expect("matrix");
        let header = header_of(&matrix);
        let status = col(&header, t.get("workbook.header.status"));
        assert_eq!(status, 15, "{lang}: Status stays column P");
        let applicable = col(&header, t.get("workbook.header.applicable"));
        let row_id = col(&header, t.get("workbook.header.row-id"));
        assert_eq!(row_id, 0);
        for h in ["Row ID", "Owner", "Due", "Notes", "Topic", "Guidance"] {
            assert!(!header.iter().any(|x| x == h), "{lang}: {h} in {header:?}");
        }
        for row in matrix.rows().skip(1) {
            let word = row[status].to_string();
            assert!(statuses.contains(&word.as_str()), "{lang}: {word}");
            let yes_no = row[applicable].to_string();
            assert!(
                [t.get("workbook.yes"), t.get("workbook.no")].contains(&yes_no.as_str()),
                "{lang}: {yes_no}"
            );
        }
        assert_eq!(
            find_row(&matrix, "process.change-policy")[status],
            Data::String(t.label(Status::InProgress).into())
        );
        // The drop-down offers the translated words, and the colours follow them.
        let sheet = xml(&bytes, "xl/worksheets/sheet2.xml");
        let list = format!("<formula1>\"{}\"</formula1>", statuses.join(","));
        assert!(sheet.contains(&list), "{lang}: {list}");
        for word in &statuses {
            assert!(
                sheet.contains(&format!("<formula>\"{word}\"</formula>")),
                "{lang}: no colour for {word}"
            );
        }
        let yes_no = format!(
            "<formula1>\"{},{}\"</formula1>",
            t.get("workbook.yes"),
            t.get("workbook.no")
        );
        assert!(sheet.contains(&yes_no), "{lang}: {yes_no}");
        // The Summary counts the translated words on the translated sheet.
        let formulas: Vec<String> = book
            .worksheet_formula(&sheets[0])
            .expect("summary formulas")
            .cells()
            .map(|(_, _, f)| f.clone())
            .filter(|f| !f.is_empty())
            .collect();
        let quoted = format!("'{}'", sheets[1].replace('\'', "''"));
        for word in &statuses {
            let countif = format!("COUNTIF({quoted}!$P$2:$P${},\"{word}\")", m.rows.len() + 1);
            assert!(
                formulas.iter().any(|f| f.contains(&countif)),
                "{lang}: {countif} in {formulas:?}"
            );
        }
        // Dates are date cells with the language's format.
        assert!(
            xml(&bytes, "xl/styles.xml")
                .contains(&format!("formatCode=\"{}\"", t.get("workbook.format.date"))),
            "{lang}"
        );
        let due = col(&header, t.get("workbook.header.due"));
        assert!(matches!(
            find_row(&matrix, "process.change-policy")[due],
            Data::DateTime(_)
        ));
        // The Answers sheet asks the localized questions.
        let answers = book.worksheet_range(&sheets[5]).expect("answers");
        let asked: Vec<String> = answers.rows().skip(1).map(|r| r[1].to_string()).collect();
        let localized: Vec<String> = questionnaire::localized(t)
            .questions()
            .map(|q| q.label.to_string())
            .collect();
        assert_eq!(asked, localized, "{lang}");
        let english: Vec<String> = questionnaire::builtin()
            .questions()
            .map(|q| q.label.to_string())
            .collect();
        assert!(
            asked.iter().zip(&english).filter(|(x, y)| x != y).count() > asked.len() * 9 / 10,
            "{lang}: the questions are translated"
        );
        // About: the method and the disclaimer in the language, not their keys.
        let about = book.worksheet_range(&sheets[6]).expect("about");
        let about_text: Vec<String> = about
            .rows()
            .map(|r| {
                r.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("|")
            })
            .collect();
        let about_text = about_text.join("\n");
        assert!(
            about_text.contains(t.get(ims_matrix::matrix::plan::METHOD)),
            "{lang}"
        );
        assert!(
            about_text.contains(t.get(ims_matrix::matrix::report::DISCLAIMER)),
            "{lang}"
        );
        assert!(
            !about_text.contains("engine."),
            "{lang}: a key shows: {about_text}"
        );
        assert!(about_text.contains(&sheets[1]) && about_text.contains("hello@example.com"));
        // Document properties, printed footers.
        let core = xml(&bytes, "docProps/core.xml");
        let title = t
            .fill(
                "workbook.properties.title-organisation",
                &[("organisation", &"Acme <IT> & Co")],
            )
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        assert!(
            core.contains(&format!("<dc:title>{title}</dc:title>")),
            "{lang}: {core}"
        );
        for key in [
            "workbook.properties.subject",
            "workbook.properties.keywords",
        ] {
            assert!(core.contains(t.get(key)), "{lang}: {key}");
        }
        let page = t
            .get("workbook.print.page")
            .replace("{page}", "&amp;P")
            .replace("{pages}", "&amp;N");
        assert!(
            sheet.contains(&format!("<oddFooter>&amp;L{page}")),
            "{lang}: {page}"
        );
        // A key never shows instead of a text.
        for name in &sheets {
            let range = book.worksheet_range(name).expect("sheet");
            for cell in range.used_cells() {
                let text = cell.2.to_string();
                assert!(
                    !text.starts_with("workbook.") && !text.starts_with("engine."),
                    "{lang}: {name} shows the key {text}"
                );
            }
        }
    }
}

/// Whether a cell left as the English workbook has it is fine: ids, references, numbers,
/// designations, the user's own text and the consultancy's, the official citations of laws
/// (kept as written), and texts the language's bundle keeps in English on purpose (its value
/// is the English, as for names like PDCA and titles listed in `locales/<lang>/_english.json`).
struct Allowed {
    same: std::collections::HashSet<String>,
    user: String,
}

impl Allowed {
    fn new(lang: &str, a: &Assessment, english_matrix: &Matrix) -> Allowed {
        let bundle: std::collections::HashMap<String, String> =
            serde_json::from_str(i18n::bundled(lang).expect("bundle")).expect("json");
        let mut english: std::collections::HashMap<String, String> = Texts::english()
            .entries()
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
        english.extend(matrix::data_texts());
        let kept: Vec<String> = serde_json::from_str(
            &std::fs::read_to_string(format!(
                "{}/locales/{lang}/_english.json",
                env!("CARGO_MANIFEST_DIR")
            ))
            .unwrap_or_else(|_| "[]".into()),
        )
        .expect("a list of keys");
        let mut same: std::collections::HashSet<String> = english
            .iter()
            .filter(|(k, v)| bundle.get(*k).is_some_and(|t| t == *v) || kept.contains(k))
            .map(|(_, v)| v.clone())
            .collect();
        same.extend(["ims-matrix", "Example Consulting", "hello@example.com"].map(String::from));
        same.extend(
            english_matrix
                .obligations
                .iter()
                .map(|o| o.source.to_string()),
        );
        Allowed {
            same,
            user: a.to_json(),
        }
    }

    fn is_reference(word: &str) -> bool {
        let word = word.strip_prefix("A.").unwrap_or(word);
        !word.is_empty()
            && word
                .split('.')
                .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
    }

    fn is_id(word: &str) -> bool {
        word.contains(['.', ':'])
            && word.chars().all(|c| {
                c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '-' | '_' | ':')
            })
    }

    fn is_designation(text: &str) -> bool {
        let rest = text
            .strip_prefix("ISO/IEC ")
            .or_else(|| text.strip_prefix("ISO "));
        rest.is_some_and(|r| {
            r.chars().all(|c| {
                c.is_ascii_digit()
                    || matches!(
                        c,
                        '-' | ':' | ' ' | '·' | '/' | '.' | 'I' | 'E' | 'C' | 'S' | 'O'
                    )
            })
        })
    }

    /// Text the user typed: found in the assessment's JSON (its start, as the cell may be cut).
    fn is_user_text(&self, part: &str) -> bool {
        let json = serde_json::to_string(part).expect("json");
        let inner: String = json[1..json.len() - 1].chars().take(60).collect();
        self.user.contains(&inner)
    }

    fn part(&self, part: &str) -> bool {
        let part = part.trim();
        part.is_empty()
            || !part.chars().any(char::is_alphabetic)
            || self.same.contains(part)
            || Allowed::is_reference(part)
            || Allowed::is_id(part)
            || Allowed::is_designation(part)
            || self.is_user_text(part)
            // "A.8.32 Change management": a reference and its title.
            || part
                .split_once(' ')
                .is_some_and(|(r, title)| Allowed::is_reference(r) && self.same.contains(title))
    }

    fn cell(&self, text: &str) -> bool {
        text.lines().all(|line| {
            self.part(line)
                || line
                    .split("; ")
                    .all(|p| p.split(", ").all(|q| self.part(q)) || self.part(p))
        })
    }
}

#[test]
fn nothing_visible_stays_in_english_in_german_or_french_but_names_and_references() {
    let a = sample();
    let (english_matrix, english) = build_in(&a, "en");
    let mut english = open(&english);
    for lang in LANGUAGES {
        let allowed = Allowed::new(lang, &a, &english_matrix);
        let (_, bytes) = build_in(&a, lang);
        let mut book = open(&bytes);
        let mut left = Vec::new();
        for (name, english_name) in names(lang).iter().zip(SHEETS) {
            let ours = book.worksheet_range(name).expect("sheet");
            let theirs = english
                .worksheet_range(english_name)
                .expect("English sheet");
            assert_eq!(
                ours.get_size(),
                theirs.get_size(),
                "{lang}: {name} is laid out as in English"
            );
            for (r, c, cell) in ours.used_cells() {
                let Data::String(text) = cell else { continue };
                let same = theirs.get((r, c)).is_some_and(|e| e == cell);
                if same && !allowed.cell(text) {
                    left.push(format!(
                        "{name}!{}{}: {text:?}",
                        (b'A' + (c % 26) as u8) as char,
                        r + 1
                    ));
                }
            }
        }
        left.sort();
        left.dedup();
        assert!(
            left.is_empty(),
            "{lang}: {} cells still in English:\n{}",
            left.len(),
            left.join("\n")
        );
    }
}

#[test]
fn the_german_summary_recounts_in_libreoffice_when_a_status_is_changed() {
    let a = assessment();
    let t = texts("de");
    let (m, bytes) = build_in(&a, "de");
    let sheets = names("de");
    let count = |status: Status| m.rows.iter().filter(|r| r.status == status).count();
    let open = m.rows.iter().filter(|r| r.is_open()).count();
    let (in_progress_word, implemented_word) =
        (t.label(Status::InProgress), t.label(Status::Implemented));
    // process.change-policy goes from "In Arbeit" to "Umgesetzt", as picked from the drop-down.
    let strings = xml(&bytes, "xl/sharedStrings.xml");
    let index_of = |text: &str| {
        strings
            .split("<si>")
            .skip(1)
            .position(|si| si.contains(&format!(">{text}</t>")))
            .unwrap_or_else(|| panic!("{text} is a shared string"))
    };
    let (in_progress, implemented) = (index_of(in_progress_word), index_of(implemented_word));
    let row = 2 + m
        .rows
        .iter()
        .position(|r| r.id == "process.change-policy")
        .expect("row");
    let edited = with_entry_edited(&bytes, "xl/worksheets/sheet2.xml", |sheet| {
        let before = format!(r#"<c r="P{row}" t="s"><v>{in_progress}</v></c>"#);
        assert!(sheet.contains(&before), "{before}");
        sheet.replace(
            &before,
            &format!(r#"<c r="P{row}" t="s"><v>{implemented}</v></c>"#),
        )
    });
    let lo = LibreOfficeCsv::convert(&edited, "recount-de", true);
    let matrix = lo.sheet(&sheets[1]);
    let line = matrix
        .lines()
        .find(|l| l.starts_with("process.change-policy,"))
        .expect("row");
    assert!(line.contains(&format!(",{implemented_word},")), "{line}");
    // The due date shows as Germans write dates.
    assert!(line.contains(",31.03.2027,"), "{line}");
    let summary = lo.sheet(&sheets[0]);
    assert_eq!(
        count_after(&summary, in_progress_word),
        count(Status::InProgress) - 1
    );
    assert_eq!(
        count_after(&summary, implemented_word),
        count(Status::Implemented) + 1
    );
    assert_eq!(
        count_after(&summary, t.label(Status::NotStarted)),
        count(Status::NotStarted)
    );
    assert_eq!(
        count_after(&summary, t.get("workbook.summary.open-rows")),
        open - 1
    );
}

#[test]
fn libreoffice_shows_french_dates_and_words() {
    let a = assessment();
    let t = texts("fr");
    let (m, bytes) = build_in(&a, "fr");
    let sheets = names("fr");
    let lo = LibreOfficeCsv::convert(&bytes, "opens-fr", false);
    let line = lo
        .sheet(&sheets[1])
        .lines()
        .find(|l| l.starts_with("process.change-policy,"))
        .expect("row")
        .to_owned();
    assert!(line.contains(",31/03/2027,"), "{line}");
    assert!(
        line.contains(&format!(",{},", t.label(Status::InProgress))),
        "{line}"
    );
    let summary = lo.sheet(&sheets[0]);
    assert_eq!(
        count_after(&summary, t.label(Status::InProgress)),
        in_progress_count(&m)
    );
}

/// The number format of a cell, as its code ("0", "0.0"): its style in `xl/styles.xml`.
fn number_format(bytes: &[u8], sheet_path: &str, cell: &str) -> String {
    let attribute = |tag: &str, name: &str| -> Option<String> {
        tag.split(&format!(" {name}=\""))
            .nth(1)?
            .split('"')
            .next()
            .map(str::to_owned)
    };
    let sheet = xml(bytes, sheet_path);
    let start = sheet.find(&format!("<c r=\"{cell}\"")).expect("the cell");
    let tag = &sheet[start..start + sheet[start..].find('>').unwrap()];
    let style: usize = attribute(tag, "s")
        .and_then(|s| s.parse().ok())
        .expect("a style");
    let styles = xml(bytes, "xl/styles.xml");
    let xfs = &styles[styles.find("<cellXfs").unwrap()..];
    let xf = xfs.split("<xf ").nth(style + 1).expect("the style");
    let id = attribute(&format!(" {xf}"), "numFmtId").unwrap_or_else(|| "0".into());
    match id.as_str() {
        "0" => "General".to_owned(),
        "1" => "0".to_owned(),
        _ => styles
            .split("<numFmt ")
            .skip(1)
            .find(|f| attribute(&format!(" {f}"), "numFmtId").as_deref() == Some(&id))
            .and_then(|f| attribute(&format!(" {f}"), "formatCode"))
            .expect("a format of the workbook's own"),
    }
}

#[test]
fn the_plan_rank_is_a_whole_number_and_effort_has_one_decimal() {
    let (_, bytes) = build(&assessment());
    let book = open(&bytes);
    let index = book
        .sheet_names()
        .iter()
        .position(|name| name == SHEETS[4])
        .expect("the action plan");
    let sheet = format!("xl/worksheets/sheet{}.xml", index + 1);
    assert_eq!(number_format(&bytes, &sheet, "A2"), "0");
    let header = header_of(&open(&bytes).worksheet_range(SHEETS[4]).unwrap());
    let days = col(&header, "Remaining person-days");
    let letter = char::from(b'A' + days as u8);
    assert_eq!(number_format(&bytes, &sheet, &format!("{letter}2")), "0.0");
}

/// An owner can work from the Action plan alone: each open row carries what to build and the
/// evidence auditors sample for each standard, as the matrix row does (twenty-second review).
#[test]
fn the_action_plan_carries_each_rows_guidance_and_evidence() {
    let a = assessment();
    let (m, bytes) = build(&a);
    let mut book = open(&bytes);
    let actions = book.worksheet_range(SHEETS[4]).expect("actions");
    let header = header_of(&actions);
    let (guidance, evidence_27001, evidence_20000, link) = (
        col(&header, "Guidance"),
        col(&header, "Evidence for ISO/IEC 27001:2022"),
        col(&header, "Evidence for ISO/IEC 20000-1:2018"),
        col(&header, "Row in the matrix"),
    );
    let first = actions.rows().nth(1).expect("an open row");
    let id = first[link].to_string();
    let row = m
        .rows
        .iter()
        .find(|r| r.id == id)
        .expect("the row it links");
    assert_eq!(first[guidance].to_string(), row.guidance.to_string());
    assert_eq!(
        first[evidence_27001].to_string(),
        row.evidence_iso27001.to_string()
    );
    assert_eq!(
        first[evidence_20000].to_string(),
        row.evidence_iso20000.to_string()
    );
}
