//! The command line, driven as the built binary (it is not part of the library: the wasm builds
//! never carry it).

fn run(args: &[&str]) -> (u8, String, String) {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_ims-matrix"))
        .args(args)
        .output()
        .expect("the binary runs");
    (
        output.status.code().expect("exits with a status") as u8,
        String::from_utf8(output.stdout).expect("utf-8"),
        String::from_utf8(output.stderr).expect("utf-8"),
    )
}

#[test]
fn help_and_version() {
    let (status, out, err) = run(&["--help"]);
    assert_eq!(status, 0);
    assert!(out.contains("ims-matrix catalog"), "{out}");
    assert!(err.is_empty());
    let (status, out, _) = run(&["--version"]);
    assert_eq!(status, 0);
    assert_eq!(
        out.trim(),
        format!("ims-matrix {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn unknown_command_exits_2_with_nothing_on_stdout() {
    let (status, out, err) = run(&["frobnicate"]);
    assert_eq!(status, 2);
    assert!(out.is_empty());
    assert!(err.contains("\"frobnicate\""), "{err}");
}

#[test]
fn catalog_prints_the_documented_json() {
    let (status, out, _) = run(&["catalog"]);
    assert_eq!(status, 0);
    let json: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    let ids: Vec<&str> = json["standards"]
        .as_array()
        .expect("standards")
        .iter()
        .map(|s| s["id"].as_str().expect("id"))
        .collect();
    assert_eq!(
        ids,
        [
            "iso27001:2022",
            "iso27001:2013",
            "iso20000-1:2018",
            "iso20000-1:2011"
        ]
    );
    let first_control = json["standards"][0]["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .find(|n| n["kind"] == "control")
        .expect("a control");
    assert_eq!(first_control["ref"], "A.5.1");
    assert_eq!(first_control["title"], "Policies for information security");
    assert_eq!(
        json["standards"][1]["nodes"]
            .as_array()
            .expect("nodes")
            .iter()
            .filter(|n| n["kind"] == "control")
            .count(),
        114
    );
    let transition = &json["transitions"][0];
    assert_eq!(transition["from"], "iso27001:2013");
    assert!(transition["links"]
        .as_array()
        .expect("links")
        .iter()
        .any(|l| l["from"] == "A.18.2.3" && l["to"] == serde_json::json!(["A.5.36", "A.8.8"])));
    let row = &json["crosswalk"][0];
    for key in [
        "id",
        "topic",
        "kind",
        "pdca",
        "refs",
        "relationship",
        "strength",
        "lead",
        "document",
        "rationale",
        "guidance",
        "effort",
    ] {
        assert!(row.get(key).is_some(), "crosswalk rows have {key}");
    }
    for edition in [
        "iso27001:2022",
        "iso27001:2013",
        "iso20000-1:2018",
        "iso20000-1:2011",
    ] {
        assert!(row["refs"][edition].is_array(), "refs has {edition}");
    }
}

#[test]
fn matrix_without_answers_prints_the_whole_matrix() {
    let (status, out, err) = run(&["matrix"]);
    assert_eq!(status, 0, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    let rows = json["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), ims_matrix::catalog::builtin().crosswalk.len());
    assert_eq!(json["soa"].as_array().expect("soa").len(), 93);
    assert_eq!(json["summary"]["rows"], rows.len());
    assert_eq!(json["starting_point"], "neither");
}

#[test]
fn matrix_reads_an_answers_file_in_its_edition() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/assessment/v1-prototype.json"
    );
    let (status, out, err) = run(&["matrix", "--answers", path]);
    assert_eq!(status, 0, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(json["editions"]["iso27001"], "2013");
    assert_eq!(json["soa"].as_array().expect("soa").len(), 114);
    assert_eq!(json["starting_point"], "iso27001");
}

#[test]
fn bad_answers_files_exit_2_naming_file_and_field_with_nothing_on_stdout() {
    let fixture = |name: &str| {
        format!(
            "{}/tests/fixtures/assessment/{name}",
            env!("CARGO_MANIFEST_DIR")
        )
    };
    let cases = [
        (fixture("missing.json"), "cannot read"),
        (fixture("truncated.json"), "not valid JSON"),
        (
            fixture("wrong-type.json"),
            "field rows.common.policy.status",
        ),
    ];
    for (path, expected) in cases {
        let (status, out, err) = run(&["matrix", "--answers", &path]);
        assert_eq!(status, 2, "{path}");
        assert!(out.is_empty(), "{path}: stdout must stay empty");
        assert!(
            err.contains(&path) && err.contains(expected),
            "{path}: {err}"
        );
    }
    let (status, out, err) = run(&["matrix", "--answers"]);
    assert_eq!((status, out.is_empty()), (2, true), "{err}");
}

#[test]
fn export_writes_the_workbook_and_rejects_bad_input_with_status_2() {
    let dir = std::env::temp_dir().join(format!("ims-matrix-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let out = dir.join("book.xlsx");
    let out = out.to_str().expect("utf-8 path");
    let answers = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/assessment/v1-prototype.json"
    );
    let (status, stdout, err) = run(&[
        "export",
        "--answers",
        answers,
        "--out",
        out,
        "--date",
        "2026-11-27",
    ]);
    assert_eq!(status, 0, "{err}");
    assert!(stdout.is_empty());
    let bytes = std::fs::read(out).expect("written");
    assert_eq!(&bytes[..2], b"PK");
    let bad = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/assessment/wrong-type.json"
    );
    let cases: [Vec<&str>; 4] = [
        vec!["export", "--answers", bad, "--out", out],
        vec!["export", "--answers", answers],
        vec!["export", "--out", out, "--date", "27/11/2026"],
        vec!["export", "--out"],
    ];
    for args in cases {
        let (status, stdout, err) = run(&args);
        assert_eq!((status, stdout.is_empty()), (2, true), "{args:?}: {err}");
    }
    let (_, _, err) = run(&["export", "--answers", bad, "--out", out]);
    assert!(
        err.contains(bad) && err.contains("field rows.common.policy.status"),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn an_answers_file_with_a_byte_order_mark_is_read() {
    let path = std::env::temp_dir().join(format!("ims-matrix-bom-{}.json", std::process::id()));
    let sample = include_str!("../data/sample-assessment.json");
    std::fs::write(&path, format!("\u{FEFF}{sample}")).expect("temp file");
    let (status, out, err) = run(&["matrix", "--answers", path.to_str().expect("utf-8")]);
    std::fs::remove_file(&path).ok();
    assert_eq!(status, 0, "{err}");
    assert!(out.starts_with('{'), "{out:.80}");
}

#[test]
fn what_a_consultant_would_check_goes_to_stderr_and_keeps_status_0() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/prospects/msp-20000-adding-27001.json"
    );
    let (status, out, err) = run(&["matrix", "--answers", path]);
    assert_eq!(status, 0, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert!(!json["warnings"].as_array().expect("warnings").is_empty());
    assert!(
        err.lines().any(|l| l.starts_with(
            "ims-matrix: check (status) ISO/IEC 27001 5.2, A.5.1; ISO/IEC 20000-1 5.2.1, 8.7.3.1: "
        )),
        "{err}"
    );
    let dir = std::env::temp_dir().join(format!("ims-cli-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let xlsx = dir.join("msp.xlsx");
    let (status, _, err) = run(&["export", "--answers", path, "--out", xlsx.to_str().unwrap()]);
    assert_eq!(status, 0, "{err}");
    assert!(
        err.contains("ims-matrix: check (status) ISO/IEC 27001 5.2, A.5.1;"),
        "{err}"
    );
}

#[test]
fn import_reads_a_workbook_back_into_the_assessment_json() {
    let dir = std::env::temp_dir().join(format!("ims-matrix-cli-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/data/sample-assessment.json");
    let book = dir.join("sample.xlsx");
    let book = book.to_str().unwrap();
    let (status, _, _) = run(&[
        "export",
        "--answers",
        sample,
        "--out",
        book,
        "--date",
        "2026-12-01",
    ]);
    assert_eq!(status, 0);
    let (status, out, err) = run(&["import", "--workbook", book]);
    assert_eq!(status, 0, "{err}");
    assert!(err.contains("0 change(s) applied"), "{err}");
    let printed: serde_json::Value = serde_json::from_str(&out).expect("JSON on stdout");
    let original: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(sample).unwrap()).unwrap();
    assert_eq!(
        printed, original,
        "an untouched workbook gives the assessment back as it was"
    );

    // Not a workbook: one message, status 2, nothing on stdout.
    let (status, out, err) = run(&["import", "--workbook", sample]);
    assert_eq!(status, 2);
    assert!(out.is_empty());
    assert!(err.contains("not a workbook"), "{err}");
    let (status, _, err) = run(&["import"]);
    assert_eq!(status, 2);
    assert!(err.contains("--workbook is required"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn export_lang_de_writes_a_german_workbook_that_imports_back_unchanged() {
    use calamine::Reader;
    let dir = std::env::temp_dir().join(format!("ims-matrix-cli-de-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/data/sample-assessment.json");
    let book = dir.join("beispiel.xlsx");
    let book = book.to_str().unwrap();
    let (status, out, err) = run(&[
        "export",
        "--answers",
        sample,
        "--out",
        book,
        "--date",
        "2026-12-01",
        "--lang",
        "de",
    ]);
    assert_eq!(status, 0, "{err}");
    assert!(out.is_empty());
    let bytes = std::fs::read(book).expect("written");
    let workbook: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).expect("an xlsx");
    let names = workbook.sheet_names();
    assert_eq!(
        names[..4],
        [
            "Übersicht",
            "Matrix (Sicht ISO 27001)",
            "Matrix (Sicht ISO 20000-1)",
            "Erklärung zur Anwendbarkeit"
        ],
        "{names:?}"
    );
    // Read back, the German workbook gives the assessment as it was.
    let (status, out, err) = run(&["import", "--workbook", book]);
    assert_eq!(status, 0, "{err}");
    assert!(err.contains("0 change(s) applied"), "{err}");
    let printed: serde_json::Value = serde_json::from_str(&out).expect("JSON on stdout");
    let original: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(sample).unwrap()).unwrap();
    assert_eq!(printed, original);
    // A language the app does not have: status 2, nothing written.
    let other = dir.join("other.xlsx");
    let (status, out, err) = run(&[
        "export",
        "--answers",
        sample,
        "--out",
        other.to_str().unwrap(),
        "--lang",
        "xx",
    ]);
    assert_eq!((status, out.is_empty()), (2, true), "{err}");
    assert!(err.contains("\"xx\""), "{err}");
    assert!(!other.exists());
    std::fs::remove_dir_all(&dir).ok();
}
