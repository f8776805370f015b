//! Saved assessments: round trip, migration from the version 1 prototype format, and reports of
//! what does not fit (unknown ids are kept and reported; wrong types are errors naming the field).

use ims_matrix::assessment::{self, Assessment, ImportError, Status, SCHEMA_VERSION};
use ims_matrix::catalog::{self, StandardId};
use ims_matrix::questionnaire::{self, Answer};

fn import(text: &str) -> Result<assessment::Imported, ImportError> {
    assessment::import(text, questionnaire::builtin(), catalog::builtin_index())
}

#[test]
fn round_trip_keeps_everything_including_hostile_text() {
    let mut a = Assessment::new("2026-11-27T10:00:00Z");
    let hostile = format!(
        "=HYPERLINK(\"http://x\")<script>alert(1)</script> مرحبا 👋 \u{7}{}",
        "x".repeat(100_000)
    );
    a.answers
        .insert("org.name".into(), Answer::Text("Acme <b>IT</b>".into()));
    a.update_row("common.policy", |e| {
        e.status = Some(Status::Implemented);
        e.notes = hostile.clone();
        e.due = "2027-03-31".into();
    });
    a.editions.iso27001 = StandardId::Iso27001_2013;
    let back = import(&a.to_json()).expect("reads back");
    assert_eq!(back.assessment, a);
    assert!(back.warnings.is_empty(), "{:?}", back.warnings);
    assert_eq!(back.assessment.rows["common.policy"].notes, hostile);
}

#[test]
fn version_1_prototype_files_migrate() {
    let imported = import(include_str!("fixtures/assessment/v1-prototype.json")).expect("migrates");
    assert_eq!(imported.migrated_from, Some(1));
    let a = imported.assessment;
    assert_eq!(a.schema, SCHEMA_VERSION);
    assert_eq!(a.created, "2025-06-01T09:30:00Z");
    assert_eq!(a.editions.iso27001, StandardId::Iso27001_2013);
    assert_eq!(a.editions.iso20000, StandardId::Iso20000_2011);
    assert_eq!(
        a.rows["process.change-policy"].status,
        Some(Status::Implemented)
    );
    assert_eq!(a.rows["process.change-policy"].owner, "Change manager");
    assert_eq!(
        a.rows["isms.cryptography"].status,
        Some(Status::NotApplicable)
    );
    assert_eq!(
        a.rows["isms.cryptography"].notes,
        "Handled by the parent company"
    );
    assert_eq!(a.answers["org.name"], Answer::Text("Prototype Ltd".into()));
    assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
}

#[test]
fn unknown_ids_and_unfit_answers_are_reported_and_kept() {
    let imported = import(include_str!("fixtures/assessment/unknown-ids.json")).expect("readable");
    let w = &imported.warnings;
    assert!(
        w.iter()
            .any(|m| m.starts_with("answers.org.shoe-size: no such question")),
        "{w:?}"
    );
    assert!(
        w.iter()
            .any(|m| m
                .starts_with("answers.scope.development: \"sometimes\" is not one of the choices")),
        "{w:?}"
    );
    assert!(
        w.iter()
            .any(|m| m.starts_with("rows.row.that-does-not-exist: no such matrix row")),
        "{w:?}"
    );
    assert!(
        w.iter()
            .any(|m| m.starts_with("rows.common.policy.due: \"2027-02-30\" is not a date")),
        "{w:?}"
    );
    assert_eq!(w.len(), 4, "{w:?}");
    // Nothing is dropped.
    assert_eq!(
        imported.assessment.rows["row.that-does-not-exist"].notes,
        "keep me"
    );
    assert!(imported.assessment.answers.contains_key("org.shoe-size"));
}

#[test]
fn bad_files_are_errors_that_name_the_field() {
    let cases: [(&str, &str); 6] = [
        (
            include_str!("fixtures/assessment/wrong-type.json"),
            "field rows.common.policy.status: unknown variant `finished`",
        ),
        (
            include_str!("fixtures/assessment/truncated.json"),
            "not valid JSON: EOF while parsing",
        ),
        ("[1, 2, 3]", "not an ims-matrix assessment"),
        (
            r#"{"schema": 99}"#,
            "made by a newer version of ims-matrix (schema 99",
        ),
        (
            r#"{"schema": 2, "created": "", "updated": "", "editions": {"iso27001": "2005", "iso20000-1": "2018"}}"#,
            "field editions.iso27001: unknown edition \"2005\"",
        ),
        (
            r#"{"schema": 2, "created": "", "updated": "", "editions": {"iso27001": "2022", "iso20000-1": "2018"}, "answers": {"org.size": {"a": 1}}}"#,
            "field answers.org.size",
        ),
    ];
    for (text, expected) in cases {
        let error = import(text).expect_err(expected).to_string();
        assert!(
            error.starts_with(expected),
            "expected {expected:?}, got {error:?}"
        );
    }
}

#[test]
fn clearing_a_row_edit_removes_it() {
    let mut a = Assessment::new("t");
    a.update_row("common.policy", |e| e.owner = "CISO".into());
    assert!(a.rows.contains_key("common.policy"));
    a.update_row("common.policy", |e| e.owner.clear());
    assert!(!a.rows.contains_key("common.policy"));
}

#[test]
fn iso_dates_are_checked_for_real_days() {
    for good in ["2027-02-28", "2028-02-29", "2026-12-31"] {
        assert!(assessment::import::is_iso_date(good), "{good}");
    }
    for bad in [
        "2027-02-29",
        "2026-13-01",
        "2026-1-01",
        "31/12/2026",
        "",
        "2026-00-10",
    ] {
        assert!(!assessment::import::is_iso_date(bad), "{bad}");
    }
}

#[test]
fn the_sample_assessment_answers_everything_and_imports_cleanly() {
    let imported = import(assessment::SAMPLE_JSON).expect("the sample imports");
    assert!(
        imported.warnings.is_empty() && imported.migrated_from.is_none(),
        "the sample has warnings: {:?}",
        imported.warnings
    );
    let a = imported.assessment;
    let q = questionnaire::builtin();
    let unanswered: Vec<&str> = q
        .questions()
        .filter(|question| !matches!(question.kind, questionnaire::QuestionKind::Edition { .. }))
        .filter(|question| q.is_visible(question, &a.answers))
        .filter(|question| !a.answers.contains_key(&question.id))
        .map(|question| question.id.as_str())
        .collect();
    assert!(unanswered.is_empty(), "unanswered: {unanswered:?}");
    let m = ims_matrix::matrix::build(catalog::builtin(), q, &a);
    for status in Status::ALL {
        assert!(
            m.rows.iter().any(|row| row.status == status),
            "no row is {status:?}"
        );
    }
    let edited = |field: fn(&assessment::RowEdit) -> &str| {
        a.rows.values().filter(|e| !field(e).is_empty()).count()
    };
    // Enough of each for the workbook and the matrix to show real content in every column.
    assert!(edited(|e| &e.owner) > 40 && edited(|e| &e.due) > 40 && edited(|e| &e.notes) > 20);
}

#[test]
fn a_byte_order_mark_as_notepad_saves_it_is_accepted() {
    let q = questionnaire::builtin();
    let c = catalog::builtin_index();
    let with_bom = format!("\u{FEFF}{}", ims_matrix::assessment::SAMPLE_JSON);
    let imported = assessment::import(&with_bom, q, c).expect("a BOM is not part of the JSON");
    assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
    let v1 = include_str!("fixtures/assessment/v1-prototype.json");
    assert!(
        assessment::import(&format!("\u{FEFF}{v1}"), q, c).is_ok(),
        "older schemas too"
    );
}

#[test]
fn schema_2_files_migrate_changed_answers_and_renamed_rows() {
    let v2 = r#"{
      "schema": 2, "created": "2026-10-01T08:00:00Z", "updated": "2026-10-02T08:00:00Z",
      "editions": {"iso27001": "2022", "iso20000-1": "2018"},
      "answers": {
        "scope.personal-data": true, "scope.payment-cards": false, "scope.regulated": false,
        "start.other": ["iso9001", "iso27701"]
      },
      "rows": {
        "isms.vulnerabilities": {"status": "in_progress", "owner": "Ops", "notes": "monthly scans"},
        "sms.release": {"owner": "Release manager", "notes": "release calendar"},
        "process.software-installation": {"status": "implemented", "notes": "CAB approves"}
      }
    }"#;
    let imported = import(v2).expect("a schema 2 file opens");
    assert_eq!(imported.migrated_from, Some(2));
    let a = &imported.assessment;
    assert_eq!(a.schema, SCHEMA_VERSION);
    // Yes/no facts that became choices: carried over where the meaning is the same...
    assert_eq!(a.answers.get("reg.pci"), Some(&Answer::Bool(false)));
    assert_eq!(a.answers.get("reg.nis2"), Some(&Answer::Text("no".into())));
    assert_eq!(a.answers.get("reg.dora"), Some(&Answer::Text("no".into())));
    assert_eq!(
        a.answers.get("reg.attestations"),
        Some(&Answer::Choices(vec!["iso27701".into()]))
    );
    assert_eq!(
        a.answers.get("start.other"),
        Some(&Answer::Choices(vec!["iso9001".into()]))
    );
    // ...and reported where the user must choose again, never dropped silently.
    assert!(!a.answers.contains_key("scope.personal-data"));
    assert!(
        imported
            .warnings
            .iter()
            .any(|w| w.starts_with("answers.scope.personal-data:") && w.contains("GDPR role")),
        "{:?}",
        imported.warnings
    );
    // Rows that were renamed keep their edits; two rows merged into one keep both notes and
    // say so.
    let vulnerabilities = &a.rows["process.vulnerabilities"];
    assert_eq!(vulnerabilities.status, Some(Status::InProgress));
    assert_eq!(vulnerabilities.owner, "Ops");
    let release = &a.rows["process.release"];
    assert!(release.notes.contains("release calendar") && release.notes.contains("CAB approves"));
    assert!(imported
        .warnings
        .iter()
        .any(|w| w.contains("merged into process.release")));
    for old in [
        "isms.vulnerabilities",
        "sms.release",
        "process.software-installation",
    ] {
        assert!(!a.rows.contains_key(old), "{old}");
    }
}

/// Share links: the sample's is short enough for mail and chat clients, and links made by
/// earlier versions (uncompressed `#a=`, and a `#z1=` link written by another deflate
/// implementation with dictionary 1) open with the same assessment.
#[test]
fn share_links_are_short_and_old_links_still_open() {
    use ims_matrix::assessment::share::{self, Link};
    let sample = assessment::import(
        assessment::SAMPLE_JSON,
        questionnaire::builtin(),
        catalog::builtin_index(),
    )
    .expect("sample")
    .assessment;
    let json_of = |fragment: &str| match share::link(fragment).expect("a share link") {
        Link::Json(json) => json.expect("plain link"),
        Link::Compressed(payload) => share::inflate(payload).expect("compressed link"),
    };
    let reopened = |json: String| {
        assessment::import(&json, questionnaire::builtin(), catalog::builtin_index())
            .expect("reopens")
            .assessment
    };
    let fragment = share::fragment(&sample.to_compact_json());
    assert!(
        fragment.len() <= 4000,
        "the sample's link is {} characters",
        fragment.len()
    );
    assert_eq!(reopened(json_of(&fragment)), sample);
    assert_eq!(
        reopened(json_of(&share::plain_fragment(&sample.to_json()))),
        sample
    );
    let old = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/share/sample-z1.txt"
    ))
    .expect("fixture");
    let (_, fragment) = old.trim().split_once('#').expect("a link with a fragment");
    // That link was made before the sensitive personal data, monitoring, DORA critical
    // functions, vulnerable people and trust or DNS services questions, and before the
    // public-body and products questions were asked of IT providers, and before the control
    // systems and medical devices questions were asked of everyone with networks, and before
    // the payment pages, paper records, backup service, security testing, security monitoring,
    // professional secrecy, third-country and AI questions, which the sample now answers: the rest
    // comes back as it was.
    let mut before = sample.clone();
    before.answers.remove("reg.special-data");
    before.answers.remove("reg.dora-critical");
    before.answers.remove("reg.monitoring");
    before.answers.remove("reg.vulnerable-subjects");
    before.answers.remove("reg.trust-dns");
    before.answers.remove("org.public-body");
    before.answers.remove("reg.products");
    before.answers.remove("scope.control-systems");
    before.answers.remove("scope.medical-devices");
    before.answers.remove("reg.pci-pages");
    before.answers.remove("scope.paper-records");
    before.answers.remove("scope.backup-service");
    before.answers.remove("scope.security-testing");
    before.answers.remove("reg.professional-secrecy");
    before.answers.remove("scope.security-monitoring");
    before.answers.remove("reg.third-country");
    before.answers.remove("reg.ai");
    assert_eq!(reopened(json_of(fragment)), before);
}

/// `lang`'s texts, installed as the page installs them once fetched.
fn texts(lang: &str) -> &'static ims_matrix::i18n::Texts {
    let bundle = ims_matrix::i18n::bundled(lang).expect("a bundled language");
    ims_matrix::i18n::Texts::install(lang, bundle).expect("loads")
}

/// What does not fit, why a file is refused and why a link is damaged read in the visitor's
/// language; the English of `import` and of the errors' `Display` stays as it was.
#[test]
fn import_warnings_and_errors_read_in_the_visitors_language() {
    let (q, c) = (questionnaire::builtin(), catalog::builtin_index());
    let text = include_str!("fixtures/assessment/unknown-ids.json");
    let english = import(text).expect("readable").warnings;
    let german = assessment::import_in(text, q, c, texts("de"))
        .expect("readable")
        .warnings;
    assert_eq!(german.len(), english.len());
    assert!(
        german
            .iter()
            .any(|m| m.starts_with("rows.row.that-does-not-exist: keine solche Zeile")),
        "{german:?}"
    );
    assert!(
        german.iter().all(|m| !m.contains("kept but not used")),
        "{german:?}"
    );

    // A schema 2 file's migration notes, in French.
    let v2 = r#"{"schema": 2, "created": "t", "updated": "t",
      "editions": {"iso27001": "2022", "iso20000-1": "2018"},
      "answers": {"scope.regulated": true}, "rows": {}}"#;
    let notes = assessment::import_in(v2, q, c, texts("fr"))
        .expect("opens")
        .warnings;
    assert!(
        notes
            .iter()
            .any(|n| n.starts_with("answers.scope.regulated\u{a0}:")
                && n.contains("«\u{a0}Lois, référentiels et attestations\u{a0}»")),
        "{notes:?}"
    );

    let too_new = import(r#"{"schema": 99}"#).unwrap_err();
    assert_eq!(
        too_new.to_string(),
        format!(
            "made by a newer version of ims-matrix (schema 99; this one reads up to {SCHEMA_VERSION})"
        )
    );
    assert_eq!(
        too_new.message(texts("de")),
        format!("mit einer neueren Version von ims-matrix erstellt (Schema 99; diese liest bis Schema {SCHEMA_VERSION})")
    );
    let v1 = r#"{"version": 1, "statuses": {"x": "maybe"}}"#;
    let problem = assessment::import_in(v1, q, c, texts("fr")).unwrap_err();
    assert!(
        problem
            .message(texts("fr"))
            .starts_with("champ statuses.x\u{a0}: statut de la version 1 inconnu"),
        "{problem:?}"
    );

    use ims_matrix::assessment::share::{self, Link, LinkError};
    let Some(Link::Json(Err(damaged))) = share::link("#a=abc$") else {
        panic!("a damaged link");
    };
    assert_eq!(damaged, LinkError::UnexpectedCharacter('$'));
    assert_eq!(
        damaged.to_string(),
        "the link is damaged: unexpected character '$'"
    );
    assert_eq!(
        damaged.message(texts("de")),
        "der Link ist beschädigt: unerwartetes Zeichen '$'"
    );
    assert_eq!(share::inflate("____").unwrap_err(), LinkError::NotALink);
}
