//! The workbook round trip: export, edit the cells the way a spreadsheet program saves them,
//! save again with LibreOffice, read back with `export::read`, and find exactly those changes.
//! Also the files people give by mistake or on purpose, each refused with one message.
#![cfg(not(target_arch = "wasm32"))]

use std::io::{Cursor, Read, Write};

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use ims_matrix::assessment::{self, Assessment, Review, RowField as Field, Status};
use ims_matrix::export::read::{self, ReadError};
use ims_matrix::export::{self, ExportOptions, DATA_SHEET, SHEETS};
use ims_matrix::{catalog, matrix, questionnaire};

fn sample() -> Assessment {
    assessment::import(
        assessment::SAMPLE_JSON,
        questionnaire::builtin(),
        catalog::builtin_index(),
    )
    .expect("sample")
    .assessment
}

fn export(a: &Assessment) -> Vec<u8> {
    let q = questionnaire::builtin();
    let m = matrix::build(catalog::builtin(), q, a);
    let options = ExportOptions {
        date: "2026-12-01".into(),
        brand: None,
        texts: ims_matrix::i18n::Texts::english(),
    };
    export::workbook(&m, a, q, &options).expect("workbook")
}

fn read_back(bytes: &[u8]) -> Result<Review, ReadError> {
    read::read(bytes, questionnaire::builtin(), catalog::builtin(), None)
}

/// A sheet of the workbook as calamine reads it.
fn sheet_range(bytes: &[u8], sheet: &str) -> calamine::Range<Data> {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.to_vec())).expect("xlsx");
    book.worksheet_range(sheet).expect("sheet")
}

/// The column letter of a header in row 1 (the export's sheets stay within A to Z here).
fn column_of(bytes: &[u8], sheet: &str, header: &str) -> String {
    let range = sheet_range(bytes, sheet);
    letter(header_index(&range, header))
}

fn header_index(range: &calamine::Range<Data>, header: &str) -> usize {
    let head = range.rows().next().expect("a header row");
    head.iter()
        .position(|h| *h == Data::String(header.into()))
        .unwrap_or_else(|| panic!("{header}"))
}

fn letter(column: usize) -> String {
    assert!(column < 26);
    char::from(b'A' + column as u8).to_string()
}

/// The cell of `header` on the line whose `key` column holds `id`, as the export laid it out.
fn locate(bytes: &[u8], sheet: &str, key: &str, id: &str, header: &str) -> String {
    let range = sheet_range(bytes, sheet);
    let key_col = header_index(&range, key);
    let row = range
        .rows()
        .position(|r| r[key_col] == Data::String(id.into()))
        .unwrap_or_else(|| panic!("{id}"));
    format!("{}{}", letter(header_index(&range, header)), row + 1)
}

/// The workbook with zip entries rewritten, as a program saves them.
fn edited(bytes: &[u8], edits: &[(&str, &dyn Fn(String) -> String)]) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("zip");
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).expect("entry");
        let name = file.name().to_owned();
        let mut data = Vec::new();
        file.read_to_end(&mut data).expect("bytes");
        if let Some((_, edit)) = edits.iter().find(|(path, _)| *path == name) {
            data = edit(String::from_utf8(data).expect("xml")).into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .expect("entry");
        out.write_all(&data).expect("write");
    }
    out.finish().expect("zip").into_inner()
}

/// Replaces cell `address` in a sheet's XML with `content` (keeping its style), the way a
/// program writes an inline string or a number.
fn set_cell(xml: &str, address: &str, content: &str) -> String {
    let start = xml
        .find(&format!("<c r=\"{address}\""))
        .unwrap_or_else(|| panic!("{address} in the sheet"));
    let open_end = start + xml[start..].find('>').unwrap();
    let self_closing = xml.as_bytes()[open_end - 1] == b'/';
    let end = if self_closing {
        open_end + 1
    } else {
        open_end + xml[open_end..].find("</c>").unwrap() + 4
    };
    let style = regex_style(&xml[start..open_end]);
    format!(
        "{}<c r=\"{address}\"{style}{content}{}",
        &xml[..start],
        &xml[end..]
    )
}

fn regex_style(open_tag: &str) -> String {
    open_tag
        .find(" s=\"")
        .map(|i| {
            let rest = &open_tag[i + 4..];
            format!(" s=\"{}\"", &rest[..rest.find('"').unwrap()])
        })
        .unwrap_or_default()
}

fn inline(text: &str) -> String {
    format!(" t=\"inlineStr\"><is><t xml:space=\"preserve\">{text}</t></is></c>")
}

/// The workbook with cells of the ISO 27001 view (`xl/worksheets/sheet2.xml`) replaced, each
/// with `content` as `set_cell` writes it.
fn in_27001_view(bytes: &[u8], cells: &[(&str, &str)]) -> Vec<u8> {
    edited(
        bytes,
        &[("xl/worksheets/sheet2.xml", &|sheet: String| {
            cells.iter().fold(sheet, |sheet, (cell, content)| {
                set_cell(&sheet, cell, content)
            })
        })],
    )
}

/// Saves the workbook again with LibreOffice (as a user's "Save" would), shared strings and all.
fn resaved_by_libreoffice(bytes: &[u8], name: &str) -> Vec<u8> {
    let soffice = ["soffice", "/usr/bin/soffice", "libreoffice"]
        .into_iter()
        .find(|p| {
            std::process::Command::new(p)
                .arg("--version")
                .output()
                .is_ok()
        })
        .expect("LibreOffice is needed: scripts/setup.sh installs it");
    let dir = std::env::temp_dir().join(format!("ims-matrix-rt-{name}-{}", std::process::id()));
    let out = dir.join("out");
    std::fs::create_dir_all(&out).expect("dir");
    let path = dir.join("book.xlsx");
    std::fs::write(&path, bytes).expect("write");
    let status = std::process::Command::new(soffice)
        .arg("--headless")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            dir.join("profile").display()
        ))
        .args(["--convert-to", "xlsx:Calc MS Excel 2007 XML"])
        .arg("--outdir")
        .arg(&out)
        .arg(&path)
        .output()
        .expect("soffice runs");
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let saved = std::fs::read(out.join("book.xlsx")).expect("LibreOffice wrote the workbook");
    std::fs::remove_dir_all(&dir).ok();
    saved
}

/// What marking `entry`'s control not applicable in the Statement of Applicability changes: each
/// of its rows not already excluded becomes not applicable.
fn excluded_in_the_soa(
    m: &ims_matrix::matrix::Matrix,
    entry: &ims_matrix::matrix::SoaEntry,
) -> Vec<(String, Field, String)> {
    entry
        .rows
        .iter()
        .filter(|id| {
            m.rows
                .iter()
                .any(|r| r.id == **id && r.status != Status::NotApplicable)
        })
        .map(|id| (id.clone(), Field::Status, "Not applicable".to_owned()))
        .collect()
}

fn summary(imported: &Review) -> Vec<(String, Field, String)> {
    let mut list: Vec<_> = imported
        .changes
        .iter()
        .map(|c| (c.row.clone(), c.field, c.after.clone()))
        .collect();
    list.sort();
    list
}

#[test]
fn an_untouched_workbook_gives_back_its_assessment_and_no_changes() {
    let a = sample();
    let bytes = export(&a);
    let imported = read_back(&bytes).expect("reads");
    assert!(imported.embedded);
    assert_eq!(imported.base, a);
    assert!(imported.changes.is_empty(), "{:?}", imported.changes);
    assert!(imported.problems.is_empty() && imported.ignored.is_empty());
    // Saved again by LibreOffice (shared strings, its own zip): the same.
    let resaved = resaved_by_libreoffice(&bytes, "untouched");
    let imported = read_back(&resaved).expect("reads LibreOffice's file");
    assert_eq!(imported.base, a, "the hidden sheet survives LibreOffice");
    assert!(imported.changes.is_empty(), "{:?}", imported.changes);
}

#[test]
fn edits_made_in_a_spreadsheet_come_back_as_exactly_those_changes() {
    let a = sample();
    let bytes = export(&a);
    let view = SHEETS[1];
    let status = locate(&bytes, view, "Row ID", "common.policy", "Status");
    let due = locate(&bytes, view, "Row ID", "common.policy", "Due");
    let notes = locate(&bytes, view, "Row ID", "common.policy", "Notes");
    let owner = locate(&bytes, view, "Row ID", "process.incident-response", "Owner");
    let last_row = sheet_range(&bytes, view).height() as u32;
    let edit = |sheet: String| {
        let sheet = set_cell(&sheet, &status, &inline("  implemented "));
        // 46447 is 2027-03-01 as a date serial number.
        let sheet = set_cell(&sheet, &due, "><v>46447</v></c>");
        let sheet = set_cell(&sheet, &notes, &inline("=SUM(A1:A2) stays text"));
        let sheet = set_cell(&sheet, &owner, &inline("Service desk lead"));
        // A line the user added under the table.
        let added = last_row + 1;
        sheet.replace(
            "</sheetData>",
            &format!("<row r=\"{added}\"><c r=\"A{added}\" t=\"inlineStr\"><is><t>my.own-row</t></is></c></row></sheetData>"),
        )
    };
    let inline_strings = edited(&bytes, &[("xl/worksheets/sheet2.xml", &edit)]);
    let expected = vec![
        (
            "common.policy".to_owned(),
            Field::Status,
            "Implemented".to_owned(),
        ),
        (
            "common.policy".to_owned(),
            Field::Due,
            "2027-03-01".to_owned(),
        ),
        (
            "common.policy".to_owned(),
            Field::Notes,
            "=SUM(A1:A2) stays text".to_owned(),
        ),
        (
            "process.incident-response".to_owned(),
            Field::Owner,
            "Service desk lead".to_owned(),
        ),
    ];
    for (how, file) in [
        ("inline strings", inline_strings.clone()),
        (
            "saved by LibreOffice",
            resaved_by_libreoffice(&inline_strings, "edits"),
        ),
    ] {
        let imported = read_back(&file).unwrap_or_else(|e| panic!("{how}: {e}"));
        assert_eq!(summary(&imported), expected, "{how}");
        assert_eq!(imported.ignored.len(), 1, "{how}: {:?}", imported.ignored);
        assert!(imported.ignored[0].text.contains("my.own-row"));
        assert!(
            imported.problems.is_empty(),
            "{how}: {:?}",
            imported.problems
        );
        let status_change = imported
            .changes
            .iter()
            .find(|c| c.field == Field::Status)
            .unwrap();
        assert_eq!(
            (status_change.sheet.as_str(), status_change.cell.as_str()),
            (view, status.as_str())
        );
        let merged = imported.merged_all("2026-12-02T10:00:00Z");
        let edit = merged.edit("common.policy").expect("edited");
        assert_eq!(edit.status, Some(Status::Implemented));
        assert_eq!(edit.due, "2027-03-01");
        assert_eq!(edit.notes, "=SUM(A1:A2) stays text");
        assert_eq!(merged.updated, "2026-12-02T10:00:00Z");
    }
}

#[test]
fn the_same_row_edited_differently_in_two_sheets_is_a_conflict_and_bad_values_are_listed() {
    let a = sample();
    let bytes = export(&a);
    let in_27001 = locate(
        &bytes,
        SHEETS[1],
        "Row ID",
        "process.incident-response",
        "Status",
    );
    let in_20000 = locate(
        &bytes,
        SHEETS[2],
        "Row ID",
        "process.incident-response",
        "Status",
    );
    let due = locate(&bytes, SHEETS[1], "Row ID", "common.scope", "Due");
    let status = locate(&bytes, SHEETS[1], "Row ID", "common.scope", "Status");
    let first = |sheet: String| {
        let sheet = set_cell(&sheet, &in_27001, &inline("Implemented"));
        let sheet = set_cell(&sheet, &due, &inline("2027-02-30"));
        set_cell(&sheet, &status, &inline("Done-ish"))
    };
    let second = |sheet: String| set_cell(&sheet, &in_20000, &inline("Not started"));
    let file = edited(
        &bytes,
        &[
            ("xl/worksheets/sheet2.xml", &first),
            ("xl/worksheets/sheet3.xml", &second),
        ],
    );
    let imported = read_back(&file).expect("reads");
    assert_eq!(imported.conflicts.len(), 1, "{:?}", imported.conflicts);
    let conflict = &imported.conflicts[0];
    assert_eq!(
        (conflict.row.as_str(), conflict.field),
        ("process.incident-response", Field::Status)
    );
    assert_eq!(conflict.options.len(), 2);
    assert!(imported.changes.is_empty(), "{:?}", imported.changes);
    let cells: Vec<&str> = imported.problems.iter().map(|p| p.cell.as_str()).collect();
    assert_eq!(
        cells,
        [status.as_str(), due.as_str()],
        "{:?}",
        imported.problems
    );
    assert!(imported.problems[1].text.contains("not a date"));
    assert!(
        imported.problems[0].text.contains("Not started"),
        "names the statuses"
    );
    // Nothing applied unless chosen; the chosen option applies.
    assert_eq!(imported.merged_all("t"), a);
    let chosen = imported.merged(&[], &[Some(1)], "t");
    assert_eq!(
        chosen.edit("process.incident-response").unwrap().status,
        Some(Status::NotStarted)
    );
}

fn refused(bytes: &[u8]) -> String {
    read_back(bytes)
        .map(|_| ())
        .expect_err("refused")
        .to_string()
}

#[test]
fn files_that_are_not_our_workbook_are_refused_with_one_message_each() {
    assert!(refused(b"").contains("empty"));
    assert!(refused(b"Row ID,Status\ncommon.policy,Implemented\n").contains("text file"));
    // A CSV as Excel saves it on Windows (Windows-1252), and UTF-8 cut inside a character.
    assert!(
        refused(b"Row ID;Status;Owner\r\ncommon.policy;Implemented;M\xfcller\r\n")
            .contains("text file")
    );
    let mut cut = "Row ID,Owner\n".to_owned();
    while cut.len() < 4095 {
        cut.push_str("common.policy,Müller\n");
    }
    assert!(refused(cut.as_bytes()).contains("text file"));
    // Binary that is no spreadsheet.
    let noise: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect();
    assert!(refused(&noise).contains("not a spreadsheet"));
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(4096, 0);
    assert!(refused(&ole).contains("password-protected"));
    let mut big = b"PK\x03\x04".to_vec();
    big.resize(read::MAX_FILE_BYTES + 1, 0);
    assert!(refused(&big).contains("MB"));
    assert!(refused(b"PK\x03\x04 not really a zip").contains("damaged"));

    // A zip bomb: a small file that unpacks to more than any workbook.
    let mut bomb = zip::ZipWriter::new(Cursor::new(Vec::new()));
    bomb.start_file(
        "xl/worksheets/sheet1.xml",
        zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(true),
    )
    .unwrap();
    let zeros = vec![0u8; 1 << 20];
    for _ in 0..(read::MAX_UNPACKED_BYTES >> 20) + 1 {
        bomb.write_all(&zeros).unwrap();
    }
    let bomb = bomb.finish().unwrap().into_inner();
    assert!(bomb.len() < 2 * 1024 * 1024, "{}", bomb.len());
    assert!(refused(&bomb).contains("unpack"));

    // A workbook from another tool.
    let mut other = rust_xlsxwriter::Workbook::new();
    other.add_worksheet().write_string(0, 0, "Budget").unwrap();
    let other = other.save_to_buffer().unwrap();
    assert!(refused(&other).contains("not made by ims-matrix"));

    // Our workbook whose stored assessment was edited.
    let bytes = export(&sample());
    let tampered = edited(
        &bytes,
        &[("xl/sharedStrings.xml", &|xml: String| {
            xml.replace("Northwind", "Southwind")
        })],
    );
    assert!(
        refused(&tampered).contains("changed outside the app"),
        "{}",
        refused(&tampered)
    );
}

#[test]
fn a_workbook_from_an_older_version_compares_with_the_assessment_given() {
    let a = sample();
    let bytes = export(&a);
    // Without the data sheet, as versions before the round trip wrote it: drop it from the
    // workbook's sheet list.
    let older = edited(
        &bytes,
        &[("xl/workbook.xml", &|xml: String| {
            let start = xml
                .find(&format!("<sheet name=\"{DATA_SHEET}\""))
                .expect("listed");
            let end = start + xml[start..].find("/>").unwrap() + 2;
            format!("{}{}", &xml[..start], &xml[end..])
        })],
    );
    assert_eq!(
        read::read(&older, questionnaire::builtin(), catalog::builtin(), None).unwrap_err(),
        ReadError::NoAssessment
    );
    let imported = read::read(
        &older,
        questionnaire::builtin(),
        catalog::builtin(),
        Some(&a),
    )
    .expect("reads against the given assessment");
    assert!(!imported.embedded);
    assert!(imported.changes.is_empty(), "{:?}", imported.changes);
}

#[test]
fn formulas_long_notes_and_sixty_thousand_added_lines_are_read_safely() {
    let a = sample();
    let bytes = export(&a);
    let view = SHEETS[1];
    let owner = locate(&bytes, view, "Row ID", "common.policy", "Owner");
    let notes = locate(&bytes, view, "Row ID", "common.scope", "Notes");
    let long = "x".repeat(32_767);
    let last_row = sheet_range(&bytes, view).height() as u32;
    let edit = |sheet: String| {
        // A formula the user typed: its saved result is read, the formula never runs.
        let sheet = set_cell(
            &sheet,
            &owner,
            " t=\"str\"><f>CONCAT(\"Head of \",\"IT\")</f><v>Head of IT</v></c>",
        );
        let sheet = set_cell(&sheet, &notes, &inline(&long));
        let added: String = (1..=60_000)
            .map(|i| {
                let r = last_row + i;
                format!("<row r=\"{r}\"><c r=\"A{r}\" t=\"inlineStr\"><is><t>extra-{i}</t></is></c></row>")
            })
            .collect();
        sheet.replace("</sheetData>", &format!("{added}</sheetData>"))
    };
    let file = edited(&bytes, &[("xl/worksheets/sheet2.xml", &edit)]);
    let imported = read_back(&file).expect("reads");
    let owner_change = imported
        .changes
        .iter()
        .find(|c| c.field == Field::Owner)
        .expect("owner");
    assert_eq!(owner_change.after, "Head of IT");
    let notes_change = imported
        .changes
        .iter()
        .find(|c| c.field == Field::Notes)
        .expect("notes");
    assert_eq!(notes_change.after.chars().count(), 32_767);
    assert_eq!(imported.ignored.len() + imported.more_ignored, 60_000);
    assert!(
        imported.ignored.len() <= 100,
        "listed up to a hundred, counted beyond"
    );
}

#[test]
fn a_workbook_saved_as_ods_by_libreoffice_reads_the_same() {
    let a = sample();
    let bytes = export(&a);
    let status = locate(&bytes, SHEETS[1], "Row ID", "common.policy", "Status");
    let file = in_27001_view(&bytes, &[(&status, &inline("Implemented"))]);
    let soffice = ["soffice", "/usr/bin/soffice", "libreoffice"]
        .into_iter()
        .find(|p| {
            std::process::Command::new(p)
                .arg("--version")
                .output()
                .is_ok()
        })
        .expect("LibreOffice");
    let dir = std::env::temp_dir().join(format!("ims-matrix-ods-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("book.xlsx");
    std::fs::write(&path, &file).unwrap();
    let status_run = std::process::Command::new(soffice)
        .arg("--headless")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            dir.join("profile").display()
        ))
        .args(["--convert-to", "ods", "--outdir"])
        .arg(&dir)
        .arg(&path)
        .output()
        .expect("soffice");
    assert!(status_run.status.success());
    let ods = std::fs::read(dir.join("book.ods")).expect("ods written");
    std::fs::remove_dir_all(&dir).ok();
    let imported = read_back(&ods).expect("reads the .ods");
    assert_eq!(imported.base, a);
    assert_eq!(
        summary(&imported),
        vec![(
            "common.policy".to_owned(),
            Field::Status,
            "Implemented".to_owned()
        )]
    );
}

#[test]
fn the_reader_warms_up_on_a_minimal_workbook_of_ours() {
    assert!(read::warm_up(questionnaire::builtin(), catalog::builtin()));
}

#[test]
fn columns_moved_in_the_spreadsheet_are_found_by_their_header() {
    let a = sample();
    let bytes = export(&a);
    let view = SHEETS[1];
    let status = column_of(&bytes, view, "Status");
    let owner = column_of(&bytes, view, "Owner");
    let row = locate(&bytes, view, "Row ID", "common.policy", "Status");
    let row: String = row
        .trim_start_matches(|c: char| c.is_ascii_alphabetic())
        .to_owned();
    // Status and Owner trade places, headers and all; then the status is edited where it now is.
    let moved = |sheet: String| {
        let sheet = sheet
            .replace(&format!("<c r=\"{status}"), "<c r=\"@@")
            .replace(&format!("<c r=\"{owner}"), &format!("<c r=\"{status}"))
            .replace("<c r=\"@@", &format!("<c r=\"{owner}"));
        set_cell(&sheet, &format!("{owner}{row}"), &inline("Implemented"))
    };
    let file = edited(&bytes, &[("xl/worksheets/sheet2.xml", &moved)]);
    for (how, file) in [
        ("as edited", file.clone()),
        (
            "saved by LibreOffice",
            resaved_by_libreoffice(&file, "moved"),
        ),
    ] {
        let imported = read_back(&file).unwrap_or_else(|e| panic!("{how}: {e}"));
        assert_eq!(
            summary(&imported),
            vec![(
                "common.policy".to_owned(),
                Field::Status,
                "Implemented".to_owned()
            )],
            "{how}"
        );
        assert_eq!(imported.changes[0].cell, format!("{owner}{row}"), "{how}");
    }
}

#[test]
fn the_statement_of_applicability_and_the_action_plan_are_read_too() {
    let a = sample();
    let bytes = export(&a);
    let m = matrix::build(catalog::builtin(), questionnaire::builtin(), &a);
    // Excluding an applicable control in the SoA marks every row that holds it Not applicable.
    let entry = m
        .soa
        .iter()
        .find(|e| e.applicable && e.reference == "A.5.7")
        .expect("A.5.7 applies in the sample");
    let applicable = locate(&bytes, SHEETS[3], "Control", "A.5.7", "Applicable");
    // The action plan finds its rows by the id in "Row in the matrix".
    let first_open = m
        .rows
        .iter()
        .filter(|r| r.is_open())
        .min_by_key(|r| r.plan_rank)
        .expect("an open row");
    let owner = locate(
        &bytes,
        SHEETS[4],
        "Row in the matrix",
        &first_open.id,
        "Owner",
    );
    let file = edited(
        &bytes,
        &[
            ("xl/worksheets/sheet4.xml", &|sheet: String| {
                set_cell(&sheet, &applicable, &inline("no"))
            }),
            ("xl/worksheets/sheet5.xml", &|sheet: String| {
                set_cell(&sheet, &owner, &inline("Quality manager"))
            }),
        ],
    );
    let imported = read_back(&file).expect("reads");
    let mut expected = excluded_in_the_soa(&m, entry);
    expected.push((
        first_open.id.clone(),
        Field::Owner,
        "Quality manager".to_owned(),
    ));
    expected.sort();
    assert!(!entry.rows.is_empty());
    assert_eq!(summary(&imported), expected);
    assert!(imported
        .changes
        .iter()
        .any(|c| c.sheet == SHEETS[3] && c.cell == applicable));
}

// ---------------------------------------------------------------------------------------------
// Workbooks exported in German and French read back like English ones.

fn texts(lang: &str) -> &'static ims_matrix::i18n::Texts {
    let bundle = ims_matrix::i18n::bundled(lang).expect("a bundled language");
    ims_matrix::i18n::Texts::install(lang, bundle).expect("it loads")
}

/// The workbook of `a` in `lang`, as the export worker builds it.
fn export_in(a: &Assessment, lang: &str) -> Vec<u8> {
    let texts = texts(lang);
    let q = questionnaire::localized(texts);
    let m = matrix::localized_build(texts, a);
    let options = ExportOptions {
        date: "2026-12-01".into(),
        brand: None,
        texts,
    };
    export::workbook(&m, a, q, &options).expect("workbook")
}

#[test]
fn an_untouched_german_or_french_workbook_reads_back_with_no_changes() {
    let mut a = sample();
    // A note too long for a cell is cut with a marker in the workbook's language, and still
    // reads as unchanged.
    a.update_row("common.policy", |e| {
        e.notes = "Sehr lange Notiz. ".repeat(2_500)
    });
    for lang in ["de", "fr"] {
        let t = texts(lang);
        let bytes = export_in(&a, lang);
        let view = sheet_range(&bytes, &export::sheet_names(t)[1]);
        let notes = header_index(&view, t.get("workbook.header.notes"));
        let cut = view
            .rows()
            .find(|r| r[0] == Data::String("common.policy".into()))
            .expect("row")[notes]
            .to_string();
        let marker = t.get("workbook.truncated");
        assert!(
            cut.contains(&marker[..marker.find('{').expect("{count}")]),
            "{lang}: {}",
            &cut[cut.len() - 120..]
        );
        let imported = read_back(&bytes).unwrap_or_else(|e| panic!("{lang}: {e}"));
        assert!(imported.embedded, "{lang}");
        assert_eq!(imported.base, a, "{lang}");
        assert!(
            imported.changes.is_empty(),
            "{lang}: {:?}",
            imported.changes
        );
        assert!(
            imported.problems.is_empty() && imported.ignored.is_empty(),
            "{lang}: {:?} {:?}",
            imported.problems,
            imported.ignored
        );
    }
}

#[test]
fn a_german_workbook_edited_in_a_spreadsheet_reads_back_as_those_changes() {
    let a = sample();
    let t = texts("de");
    let bytes = export_in(&a, "de");
    let names = export::sheet_names(t);
    let view = names[1].as_str();
    let header = |key: &str| t.get(key).to_owned();
    let (row_id, status_h, owner_h, notes_h, due_h) = (
        header("workbook.header.row-id"),
        header("workbook.header.status"),
        header("workbook.header.owner"),
        header("workbook.header.notes"),
        header("workbook.header.due"),
    );
    assert_ne!(row_id, "Row ID", "the headers are German");
    let status = locate(&bytes, view, &row_id, "common.scope", &status_h);
    let notes = locate(&bytes, view, &row_id, "common.scope", &notes_h);
    let due = locate(&bytes, view, &row_id, "common.scope", &due_h);
    let owner = locate(&bytes, view, &row_id, "process.incident-response", &owner_h);
    // In the ISO 20000-1 view, a status typed in English is understood too.
    let other_status = locate(&bytes, &names[2], &row_id, "common.policy", &status_h);
    let implemented = t.label(Status::Implemented);
    assert_eq!(implemented, "Umgesetzt");
    let first = |sheet: String| {
        let sheet = set_cell(&sheet, &status, &inline(implemented));
        let sheet = set_cell(
            &sheet,
            &notes,
            &inline("Geltungsbereich mit der GF abgestimmt"),
        );
        // A date typed as text the German way.
        let sheet = set_cell(&sheet, &due, &inline("31.03.2027"));
        set_cell(&sheet, &owner, &inline("Leitung Servicedesk"))
    };
    let second = |sheet: String| set_cell(&sheet, &other_status, &inline("not applicable"));
    let file = edited(
        &bytes,
        &[
            ("xl/worksheets/sheet2.xml", &first),
            ("xl/worksheets/sheet3.xml", &second),
        ],
    );
    let m = matrix::build(catalog::builtin(), questionnaire::builtin(), &a);
    let before = |id: &str| m.rows.iter().find(|r| r.id == id).expect("row").status;
    assert_ne!(before("common.scope"), Status::Implemented);
    assert_ne!(before("common.policy"), Status::NotApplicable);
    let expected = vec![
        (
            "common.policy".to_owned(),
            Field::Status,
            "Not applicable".to_owned(),
        ),
        (
            "common.scope".to_owned(),
            Field::Status,
            "Implemented".to_owned(),
        ),
        (
            "common.scope".to_owned(),
            Field::Due,
            "2027-03-31".to_owned(),
        ),
        (
            "common.scope".to_owned(),
            Field::Notes,
            "Geltungsbereich mit der GF abgestimmt".to_owned(),
        ),
        (
            "process.incident-response".to_owned(),
            Field::Owner,
            "Leitung Servicedesk".to_owned(),
        ),
    ];
    for (how, file) in [
        ("inline strings", file.clone()),
        (
            "saved by LibreOffice",
            resaved_by_libreoffice(&file, "edits-de"),
        ),
    ] {
        let imported = read_back(&file).unwrap_or_else(|e| panic!("{how}: {e}"));
        assert_eq!(summary(&imported), expected, "{how}");
        assert!(
            imported.problems.is_empty(),
            "{how}: {:?}",
            imported.problems
        );
        assert!(imported.ignored.is_empty(), "{how}: {:?}", imported.ignored);
        let change = imported
            .changes
            .iter()
            .find(|c| c.row == "common.scope" && c.field == Field::Status)
            .expect("the status change");
        assert_eq!(
            (change.sheet.as_str(), change.cell.as_str()),
            (view, status.as_str()),
            "{how}: the German sheet's name and the cell"
        );
        let merged = imported.merged_all("2026-12-02T10:00:00Z");
        let edit = merged.edit("common.scope").expect("edited");
        assert_eq!(edit.status, Some(Status::Implemented));
        assert_eq!(edit.due, "2027-03-31");
        assert_eq!(edit.notes, "Geltungsbereich mit der GF abgestimmt");
        assert_eq!(
            merged
                .edit("process.incident-response")
                .expect("edited")
                .owner,
            "Leitung Servicedesk"
        );
    }
}

#[test]
fn a_french_workbook_reads_its_statement_of_applicability_and_action_plan() {
    let a = sample();
    let t = texts("fr");
    let bytes = export_in(&a, "fr");
    let names = export::sheet_names(t);
    let m = matrix::build(catalog::builtin(), questionnaire::builtin(), &a);
    let entry = m
        .soa
        .iter()
        .find(|e| e.applicable && e.reference == "A.5.7")
        .expect("A.5.7 applies in the sample");
    let applicable = locate(
        &bytes,
        &names[3],
        t.get("workbook.header.control"),
        "A.5.7",
        t.get("workbook.header.applicable"),
    );
    let first_open = m
        .rows
        .iter()
        .filter(|r| r.is_open())
        .min_by_key(|r| r.plan_rank)
        .expect("an open row");
    let in_plan = |header: &str| {
        locate(
            &bytes,
            &names[4],
            t.get("workbook.header.matrix-row"),
            &first_open.id,
            t.get(header),
        )
    };
    let (status, due) = (
        in_plan("workbook.header.status"),
        in_plan("workbook.header.due"),
    );
    let file = edited(
        &bytes,
        &[
            ("xl/worksheets/sheet4.xml", &|sheet: String| {
                set_cell(&sheet, &applicable, &inline("Non"))
            }),
            ("xl/worksheets/sheet5.xml", &|sheet: String| {
                let sheet = set_cell(&sheet, &status, &inline("mis en œuvre"));
                set_cell(&sheet, &due, &inline("28/02/2027"))
            }),
        ],
    );
    let imported = read_back(&file).expect("reads");
    let mut expected = excluded_in_the_soa(&m, entry);
    expected.push((
        first_open.id.clone(),
        Field::Status,
        "Implemented".to_owned(),
    ));
    expected.push((first_open.id.clone(), Field::Due, "2027-02-28".to_owned()));
    expected.sort();
    assert!(!entry.rows.is_empty());
    assert!(
        !entry.rows.contains(&first_open.id),
        "the two edits touch different rows"
    );
    assert_eq!(summary(&imported), expected);
    assert!(imported.problems.is_empty(), "{:?}", imported.problems);
    assert!(imported
        .changes
        .iter()
        .any(|c| c.sheet == names[3] && c.cell == applicable));
}

#[test]
fn a_word_of_no_language_in_a_german_workbook_is_listed_as_a_problem() {
    let a = sample();
    let t = texts("de");
    let bytes = export_in(&a, "de");
    let names = export::sheet_names(t);
    let status = locate(
        &bytes,
        &names[1],
        t.get("workbook.header.row-id"),
        "common.scope",
        t.get("workbook.header.status"),
    );
    let file = in_27001_view(&bytes, &[(&status, &inline("Erledigt"))]);
    let imported = read_back(&file).expect("reads");
    assert!(imported.changes.is_empty());
    assert_eq!(imported.problems.len(), 1, "{:?}", imported.problems);
    assert_eq!(imported.problems[0].sheet, names[1]);
    assert!(imported.problems[0].text.contains("Erledigt"));
}

#[test]
fn a_review_for_a_german_page_is_worded_in_german_whatever_the_workbook_language() {
    let a = sample();
    let t = texts("de");
    let read_in_german =
        |bytes: &[u8]| read::read_in(t, bytes, questionnaire::builtin(), catalog::builtin(), None);
    // An English workbook, edited, read for a page shown in German.
    let bytes = export(&a);
    let status = locate(&bytes, SHEETS[1], "Row ID", "common.scope", "Status");
    let due = locate(&bytes, SHEETS[1], "Row ID", "common.policy", "Due");
    let file = in_27001_view(
        &bytes,
        &[
            (&status, &inline("Implemented")),
            (&due, &inline("someday")),
        ],
    );
    let review = read_in_german(&file).expect("reads");
    assert_eq!(review.changes.len(), 1, "{:?}", review.changes);
    let change = &review.changes[0];
    assert_eq!(change.topic, t.get("crosswalk.common.scope.topic"));
    assert_eq!(change.after, t.label(Status::Implemented));
    assert_ne!(
        change.after,
        Status::Implemented.label(),
        "not the English label"
    );
    assert_eq!(review.problems.len(), 1, "{:?}", review.problems);
    assert!(
        review.problems[0].text.contains("ist kein Datum"),
        "{}",
        review.problems[0].text
    );
    // Refusals too; the English message stays for the command line.
    let refusal = read_in_german(b"Row ID,Status\n").expect_err("refused");
    assert!(
        refusal.message(t).contains("Textdatei"),
        "{}",
        refusal.message(t)
    );
    assert!(refusal.to_string().contains("text file"));
}

/// The zip entry of a sheet, by its name (the export writes sheet1.xml, sheet2.xml, … in order).
fn sheet_entry(bytes: &[u8], sheet: &str) -> String {
    let book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.to_vec())).expect("xlsx");
    let index = book
        .sheet_names()
        .iter()
        .position(|name| name == sheet)
        .unwrap_or_else(|| panic!("{sheet}"));
    format!("xl/worksheets/sheet{}.xml", index + 1)
}

#[test]
fn a_value_in_the_last_cell_of_a_sheet_is_named_and_the_rest_is_read() {
    let a = sample();
    let bytes = export(&a);
    let view = SHEETS[1];
    let status = locate(&bytes, view, "Row ID", "common.policy", "Status");
    let edit = |sheet: String| {
        let sheet = set_cell(&sheet, &status, &inline("Implemented"));
        // A grid up to XFD1048576 would be 16,384 columns by a million rows.
        sheet.replace(
            "</sheetData>",
            "<row r=\"1048576\"><c r=\"XFD1048576\" t=\"inlineStr\"><is><t>x</t></is></c></row></sheetData>",
        )
    };
    let file = edited(&bytes, &[("xl/worksheets/sheet2.xml", &edit)]);
    let imported = read_back(&file).expect("reads");
    assert_eq!(
        summary(&imported),
        vec![(
            "common.policy".to_owned(),
            Field::Status,
            "Implemented".to_owned()
        )]
    );
    let far = imported
        .problems
        .iter()
        .find(|p| p.cell == "XFD1048576")
        .expect("the far cell is named");
    assert_eq!(far.sheet, view);
    assert!(far.text.contains("not read"), "{}", far.text);
}

#[test]
fn a_sheet_that_cannot_be_read_is_named_and_the_others_are_read() {
    let a = sample();
    let bytes = export(&a);
    let status = locate(&bytes, SHEETS[2], "Row ID", "common.policy", "Status");
    let file = edited(
        &bytes,
        &[
            ("xl/worksheets/sheet2.xml", &|_: String| {
                "<<<not xml>>>".to_owned()
            }),
            ("xl/worksheets/sheet3.xml", &|sheet: String| {
                set_cell(&sheet, &status, &inline("Implemented"))
            }),
        ],
    );
    let imported = read_back(&file).expect("reads the other sheets");
    assert_eq!(summary(&imported).len(), 1);
    let damaged = &imported.problems[0];
    assert_eq!(
        (damaged.sheet.as_str(), damaged.cell.as_str()),
        (SHEETS[1], "")
    );
    assert!(damaged.text.contains("cannot be read"), "{}", damaged.text);
}

#[test]
fn a_formula_error_is_listed_and_never_applied() {
    let a = sample();
    let bytes = export(&a);
    let view = SHEETS[1];
    let owner = locate(&bytes, view, "Row ID", "common.policy", "Owner");
    let file = in_27001_view(&bytes, &[(&owner, " t=\"e\"><f>NA()</f><v>#N/A</v></c>")]);
    let imported = read_back(&file).expect("reads");
    assert!(summary(&imported).is_empty(), "{:?}", summary(&imported));
    assert_eq!(imported.problems.len(), 1);
    assert!(
        imported.problems[0].text.contains("#N/A"),
        "{}",
        imported.problems[0].text
    );
}

#[test]
fn a_tampered_count_of_parts_is_refused_at_once() {
    let bytes = export(&sample());
    let data = sheet_entry(&bytes, DATA_SHEET);
    let file = edited(
        &bytes,
        &[(data.as_str(), &|sheet: String| {
            let start = sheet.find("<c r=\"B3\"").expect("the count of parts");
            let end = start + sheet[start..].find("</c>").unwrap() + 4;
            format!(
                "{}<c r=\"B3\"><v>4294967295</v></c>{}",
                &sheet[..start],
                &sheet[end..]
            )
        })],
    );
    let started = std::time::Instant::now();
    assert!(refused(&file).contains("changed outside the app"));
    // Not a timing assertion: a count read as given would loop four billion times.
    eprintln!("refused in {:?}", started.elapsed());
}

#[test]
fn a_long_note_survives_libreoffice_saving_the_workbook_unchanged() {
    let mut a = sample();
    // One line of the stored JSON: LibreOffice breaks a line of a cell past about 16,000
    // characters when it saves, which once broke the checksum.
    a.rows.entry("common.context".to_owned()).or_default().notes = "x".repeat(20_000);
    let saved = resaved_by_libreoffice(&export(&a), "long-note");
    let imported = read_back(&saved).expect("reads");
    assert!(imported.embedded);
    assert_eq!(imported.base, a);
    assert!(summary(&imported).is_empty(), "{:?}", summary(&imported));
}

#[test]
fn renamed_sheets_missing_headers_and_lines_without_an_id_are_named_not_dropped() {
    let a = sample();
    let bytes = export(&a);
    let view = SHEETS[1];
    let status = locate(&bytes, view, "Row ID", "common.policy", "Status");
    // The 27001 view renamed, with an edit in it.
    let renamed = edited(
        &bytes,
        &[
            ("xl/workbook.xml", &|xml: String| {
                xml.replace(&format!("name=\"{view}\""), "name=\"Matrix\"")
            }),
            ("xl/worksheets/sheet2.xml", &|sheet: String| {
                set_cell(&sheet, &status, &inline("Implemented"))
            }),
        ],
    );
    let review = read_back(&renamed).expect("reads");
    assert!(summary(&review).is_empty());
    let places: Vec<(&str, &str)> = review
        .problems
        .iter()
        .map(|p| (p.sheet.as_str(), p.text.as_str()))
        .collect();
    assert!(
        places
            .iter()
            .any(|(sheet, text)| *sheet == view && text.contains("renamed")),
        "{places:?}"
    );
    assert!(
        places
            .iter()
            .any(|(sheet, text)| *sheet == "Matrix" && text.contains("not a sheet the app wrote")),
        "{places:?}"
    );

    // The Owner header reworded: that column is named as not read, the rest is read.
    let reworded = edited(
        &bytes,
        &[("xl/sharedStrings.xml", &|xml: String| {
            xml.replace("<t>Owner</t>", "<t>Owner (name)</t>")
        })],
    );
    let review = read_back(&reworded).expect("reads");
    assert!(
        review
            .problems
            .iter()
            .any(|p| p.sheet == view && p.text.contains("“Owner”")),
        "{:?}",
        review.problems
    );

    // A line whose Row ID was cleared, with a value in it: listed as ignored.
    let id_cell = locate(&bytes, view, "Row ID", "common.policy", "Row ID");
    let owner = locate(&bytes, view, "Row ID", "common.policy", "Owner");
    let no_id = in_27001_view(
        &bytes,
        &[(&id_cell, &inline("")), (&owner, &inline("Head of IT"))],
    );
    let review = read_back(&no_id).expect("reads");
    assert!(
        review.ignored.iter().any(|n| n.sheet == view
            && n.cell.trim_start_matches(char::is_alphabetic)
                == owner.trim_start_matches(char::is_alphabetic)
            && n.text.contains("Row ID")),
        "{:?}",
        review.ignored
    );
}

#[test]
fn spaces_around_an_owner_are_typing_not_an_edit() {
    let a = sample();
    let bytes = export(&a);
    let view = SHEETS[1];
    let owner = locate(&bytes, view, "Row ID", "common.policy", "Owner");
    let kept = a.rows["common.policy"].owner.clone();
    assert!(!kept.is_empty());
    let padded = in_27001_view(&bytes, &[(&owner, &inline(&format!(" {kept}  ")))]);
    assert!(summary(&read_back(&padded).expect("reads")).is_empty());
    let renamed = in_27001_view(&bytes, &[(&owner, &inline("  Head of IT "))]);
    let review = read_back(&renamed).expect("reads");
    assert_eq!(
        summary(&review),
        vec![(
            "common.policy".to_owned(),
            Field::Owner,
            "Head of IT".to_owned()
        )]
    );
}

#[test]
fn a_workbook_from_before_an_engine_change_comes_back_with_only_the_edits_people_made() {
    let a = sample();
    let bytes = export(&a);
    // A later version whose rules include every Annex A control: the matrix it rebuilds from
    // the stored answers differs from what the workbook shows.
    let mut later = questionnaire::builtin().clone();
    later.applicability.clear();
    let rebuilt = matrix::build(catalog::builtin(), &later, &a);
    let shown = matrix::build(catalog::builtin(), questionnaire::builtin(), &a);
    let differ = rebuilt
        .rows
        .iter()
        .zip(&shown.rows)
        .filter(|(x, y)| x.status != y.status)
        .count();
    assert!(differ > 0, "the later rules change some statuses");
    let untouched = read::read(&bytes, &later, catalog::builtin(), None).expect("reads");
    assert!(summary(&untouched).is_empty(), "{:?}", summary(&untouched));
    // An edit made in the sheet still comes back.
    let status = locate(&bytes, SHEETS[1], "Row ID", "common.policy", "Status");
    let file = in_27001_view(&bytes, &[(&status, &inline("Implemented"))]);
    let review = read::read(&file, &later, catalog::builtin(), None).expect("reads");
    assert_eq!(
        summary(&review),
        vec![(
            "common.policy".to_owned(),
            Field::Status,
            "Implemented".to_owned()
        )]
    );
}

/// `xml` with `<mergeCells>` for `regions` where the schema puts it, after the sheet data and
/// any filter, before conditional formats, validations and page setup.
fn with_merges(xml: &str, regions: &[&str]) -> String {
    let at = [
        "<phoneticPr",
        "<conditionalFormatting",
        "<dataValidations",
        "<hyperlinks",
        "<printOptions",
        "<pageMargins",
    ]
    .iter()
    .filter_map(|tag| xml.find(tag))
    .min()
    .expect("a place for mergeCells");
    let cells: String = regions
        .iter()
        .map(|r| format!("<mergeCell ref=\"{r}\"/>"))
        .collect();
    format!(
        "{}<mergeCells count=\"{}\">{cells}</mergeCells>{}",
        &xml[..at],
        regions.len(),
        &xml[at..]
    )
}

#[test]
fn an_owner_merged_over_several_rows_is_the_owner_of_each() {
    let a = sample();
    let bytes = export(&a);
    let view = SHEETS[1];
    let range = sheet_range(&bytes, view);
    let (id_col, owner_col) = (
        header_index(&range, "Row ID"),
        header_index(&range, "Owner"),
    );
    let column = letter(owner_col);
    // Lines 2 to 4: the owner typed in the first, the two below merged into it and emptied,
    // as Excel stores a merge.
    let ids: Vec<String> = (1..=3)
        .map(|line| range.get((line, id_col)).expect("a row id").to_string())
        .collect();
    let merged = edited(
        &bytes,
        &[("xl/worksheets/sheet2.xml", &|sheet: String| {
            let sheet = set_cell(&sheet, &format!("{column}2"), &inline("Service owner"));
            let sheet = set_cell(&sheet, &format!("{column}3"), "/>");
            let sheet = set_cell(&sheet, &format!("{column}4"), "/>");
            with_merges(&sheet, &[&format!("{column}2:{column}4"), "A1:C1"])
        })],
    );
    let review = read_back(&merged).expect("reads");
    let owners: Vec<(String, Field, String)> = summary(&review);
    assert_eq!(
        owners,
        ids.iter()
            .map(|id| (id.clone(), Field::Owner, "Service owner".to_owned()))
            .collect::<Vec<_>>(),
        "{:?}",
        review.problems
    );
}

#[test]
fn lines_sorted_without_their_row_id_are_named_and_not_applied() {
    let mut a = sample();
    // Two rows of both standards with different statuses (the sample has them all in progress).
    a.rows.entry("common.scope".into()).or_default().status = Some(Status::Implemented);
    let bytes = export(&a);
    let view = SHEETS[1];
    let range = sheet_range(&bytes, view);
    let col = |header: &str| header_index(&range, header);
    let (id, status) = (col("Row ID"), col("Status"));
    let (refs27001, refs20000) = (col("ISO/IEC 27001:2022"), col("ISO/IEC 20000-1:2018"));
    let text = |line: usize, column: usize| range.get((line, column)).expect("a cell").to_string();
    // Two lines with different statuses and references: a sort of every column but the Row ID
    // moves everything else on them (here, swaps).
    let lines = 1..range.height();
    let (first, second) = lines
        .clone()
        .flat_map(|a| lines.clone().map(move |b| (a, b)))
        .find(|&(a, b)| {
            text(a, status) != text(b, status)
                && text(a, refs27001) != text(b, refs27001)
                && [a, b]
                    .iter()
                    .all(|&l| !text(l, refs27001).is_empty() && !text(l, refs20000).is_empty())
        })
        .expect("two such lines");
    let swapped: Vec<(String, String)> = [(first, second), (second, first)]
        .iter()
        .flat_map(|&(to, from)| {
            [refs27001, refs20000, status].map(|column| {
                (
                    format!("{}{}", letter(column), to + 1),
                    inline(&text(from, column)),
                )
            })
        })
        .collect();
    let cells: Vec<(&str, &str)> = swapped
        .iter()
        .map(|(c, v)| (c.as_str(), v.as_str()))
        .collect();
    let sorted = in_27001_view(&bytes, &cells);
    let review = read_back(&sorted).expect("reads");
    assert_eq!(summary(&review), vec![], "no status moves to another row");
    for line in [first, second] {
        let cell = format!("{}{}", letter(id), line + 1);
        assert!(
            review
                .problems
                .iter()
                .any(|p| p.cell == cell && p.text.contains("sorted without its Row ID")),
            "{cell}: {:?}",
            review.problems
        );
    }
    // Reference cells typed over match no row: the line's edits still count.
    let (line, other) = (first, second);
    let retyped = in_27001_view(
        &bytes,
        &[
            (
                &format!("{}{}", letter(refs27001), line + 1),
                &inline("see policy"),
            ),
            (
                &format!("{}{}", letter(status), line + 1),
                &inline(&text(other, status)),
            ),
        ],
    );
    assert_eq!(summary(&read_back(&retyped).expect("reads")).len(), 1);
}
