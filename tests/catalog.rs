//! The built-in catalog loads and is complete; every kind of data error is reported with its file
//! and reference. Error cases use the small fixtures under tests/fixtures/catalog/.

use ims_matrix::catalog::{self, DataFile, Family, NodeKind, RowKind, Sources, StandardId};

fn controls(id: StandardId) -> Vec<String> {
    catalog::builtin()
        .standard(id)
        .controls()
        .map(|node| node.reference.clone())
        .collect()
}

#[test]
fn builtin_catalog_loads() {
    if let Err(errors) = catalog::load(&catalog::builtin_sources()) {
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("built-in data is invalid:\n{}", lines.join("\n"));
    }
}

#[test]
fn the_index_build_rs_wrote_is_the_index_of_the_catalog() {
    // The first-visit page validates against the index alone; it must not drift from the data.
    let index = catalog::builtin_index();
    assert_eq!(*index, catalog::CatalogIndex::of(catalog::builtin()));
    assert_eq!(index.rows.len(), catalog::builtin().crosswalk.len());
    assert_eq!(index.controls_2022.len(), 93);
    assert!(index.has_row("common.context") && !index.has_row("common.nothing"));
}

#[test]
fn iso27001_2022_has_93_controls_in_four_themes() {
    let refs = controls(StandardId::Iso27001_2022);
    assert_eq!(refs.len(), 93);
    for (theme, count) in [("A.5", 37), ("A.6", 8), ("A.7", 14), ("A.8", 34)] {
        let expected: Vec<String> = (1..=count).map(|n| format!("{theme}.{n}")).collect();
        let actual: Vec<String> = refs
            .iter()
            .filter(|r| r.starts_with(&format!("{theme}.")))
            .cloned()
            .collect();
        assert_eq!(actual, expected, "theme {theme}");
    }
}

#[test]
fn iso27001_2022_flags_exactly_the_eleven_new_controls() {
    let standard = catalog::builtin().standard(StandardId::Iso27001_2022);
    let new: Vec<&str> = standard
        .controls()
        .filter(|node| node.new)
        .map(|node| node.reference.as_str())
        .collect();
    assert_eq!(
        new,
        [
            "A.5.7", "A.5.23", "A.5.30", "A.7.4", "A.8.9", "A.8.10", "A.8.11", "A.8.12", "A.8.16",
            "A.8.23", "A.8.28"
        ]
    );
}

#[test]
fn new_2022_controls_are_exactly_those_without_a_2013_predecessor() {
    let catalog = catalog::builtin();
    let transition = catalog.transition(Family::Iso27001);
    for node in catalog.standard(StandardId::Iso27001_2022).controls() {
        let predecessors = transition.backward(&node.reference).count();
        assert_eq!(node.new, predecessors == 0, "{}", node.reference);
    }
}

#[test]
fn iso27001_2013_has_114_controls_35_objectives_14_domains() {
    let standard = catalog::builtin().standard(StandardId::Iso27001_2013);
    let count = |kind| standard.nodes.iter().filter(|n| n.kind == kind).count();
    assert_eq!(count(NodeKind::Control), 114);
    assert_eq!(count(NodeKind::Objective), 35);
    assert_eq!(count(NodeKind::Domain), 14);
    let refs = controls(StandardId::Iso27001_2013);
    assert_eq!(refs.first().map(String::as_str), Some("A.5.1.1"));
    assert_eq!(refs.last().map(String::as_str), Some("A.18.2.3"));
    let per_domain: Vec<usize> = (5..=18)
        .map(|d| {
            refs.iter()
                .filter(|r| r.starts_with(&format!("A.{d}.")))
                .count()
        })
        .collect();
    assert_eq!(per_domain, [2, 7, 6, 10, 14, 2, 15, 14, 7, 13, 5, 7, 4, 8]);
}

#[test]
fn clause_lists_are_exact() {
    let clause_refs = |id| -> Vec<String> {
        catalog::builtin()
            .standard(id)
            .nodes
            .iter()
            .filter(|n| n.kind == NodeKind::Clause)
            .map(|n| n.reference.clone())
            .collect()
    };
    let iso27001_2022 = "4 4.1 4.2 4.3 4.4 5 5.1 5.2 5.3 6 6.1 6.1.1 6.1.2 6.1.3 6.2 6.3 7 7.1 7.2 7.3 7.4 7.5 7.5.1 7.5.2 7.5.3 8 8.1 8.2 8.3 9 9.1 9.2 9.2.1 9.2.2 9.3 9.3.1 9.3.2 9.3.3 10 10.1 10.2";
    let iso27001_2013 = "4 4.1 4.2 4.3 4.4 5 5.1 5.2 5.3 6 6.1 6.1.1 6.1.2 6.1.3 6.2 7 7.1 7.2 7.3 7.4 7.5 7.5.1 7.5.2 7.5.3 8 8.1 8.2 8.3 9 9.1 9.2 9.3 10 10.1 10.2";
    let iso20000_2018 = "4 4.1 4.2 4.3 4.4 5 5.1 5.2 5.2.1 5.2.2 5.3 6 6.1 6.2 6.2.1 6.2.2 6.3 7 7.1 7.2 7.3 7.4 7.5 7.5.1 7.5.2 7.5.3 7.5.4 7.6 8 8.1 8.2 8.2.1 8.2.2 8.2.3 8.2.4 8.2.5 8.2.6 8.3 8.3.1 8.3.2 8.3.3 8.3.4 8.3.4.1 8.3.4.2 8.4 8.4.1 8.4.2 8.4.3 8.5 8.5.1 8.5.1.1 8.5.1.2 8.5.1.3 8.5.2 8.5.2.1 8.5.2.2 8.5.2.3 8.5.3 8.6 8.6.1 8.6.2 8.6.3 8.7 8.7.1 8.7.2 8.7.3 8.7.3.1 8.7.3.2 8.7.3.3 9 9.1 9.2 9.3 9.4 10 10.1 10.2";
    let iso20000_2011 = "4 4.1 4.1.1 4.1.2 4.1.3 4.1.4 4.2 4.3 4.3.1 4.3.2 4.3.3 4.4 4.4.1 4.4.2 4.5 4.5.1 4.5.2 4.5.3 4.5.4 4.5.4.1 4.5.4.2 4.5.4.3 4.5.5 4.5.5.1 4.5.5.2 5 5.1 5.2 5.3 5.4 6 6.1 6.2 6.3 6.3.1 6.3.2 6.3.3 6.4 6.5 6.6 6.6.1 6.6.2 6.6.3 7 7.1 7.2 8 8.1 8.2 9 9.1 9.2 9.3";
    for (id, expected) in [
        (StandardId::Iso27001_2022, iso27001_2022),
        (StandardId::Iso27001_2013, iso27001_2013),
        (StandardId::Iso20000_2018, iso20000_2018),
        (StandardId::Iso20000_2011, iso20000_2011),
    ] {
        let expected: Vec<String> = expected.split(' ').map(str::to_owned).collect();
        assert_eq!(clause_refs(id), expected, "{}", id.as_str());
    }
}

#[test]
fn titles_that_consultants_check_first() {
    let catalog = catalog::builtin();
    let title = |id, r: &str| catalog.standard(id).title_of(r).map(str::to_owned);
    let cases = [
        (StandardId::Iso27001_2022, "10.1", "Continual improvement"),
        (
            StandardId::Iso27001_2022,
            "10.2",
            "Nonconformity and corrective action",
        ),
        (
            StandardId::Iso27001_2013,
            "10.1",
            "Nonconformity and corrective action",
        ),
        (StandardId::Iso27001_2022, "6.3", "Planning of changes"),
        (
            StandardId::Iso27001_2022,
            "A.5.23",
            "Information security for use of cloud services",
        ),
        (
            StandardId::Iso27001_2022,
            "A.8.34",
            "Protection of information systems during audit testing",
        ),
        (
            StandardId::Iso27001_2013,
            "A.12.4.4",
            "Clock synchronisation",
        ),
        (StandardId::Iso27001_2022, "A.8.17", "Clock synchronization"),
        (
            StandardId::Iso27001_2013,
            "A.18.2.3",
            "Technical compliance review",
        ),
        (
            StandardId::Iso20000_2018,
            "8.7.3",
            "Information security management",
        ),
        (
            StandardId::Iso20000_2018,
            "8.3.4.2",
            "Management of internal suppliers and customers acting as a supplier",
        ),
        (
            StandardId::Iso20000_2018,
            "7",
            "Support of the service management system",
        ),
        (StandardId::Iso20000_2011, "4.5.2", "Plan the SMS (Plan)"),
        (
            StandardId::Iso20000_2011,
            "6.3",
            "Service continuity and availability management",
        ),
    ];
    for (id, reference, expected) in cases {
        assert_eq!(
            title(id, reference).as_deref(),
            Some(expected),
            "{} {reference}",
            id.as_str()
        );
    }
}

#[test]
fn every_2013_control_has_its_published_2022_successor() {
    let catalog = catalog::builtin();
    let transition = catalog.transition(Family::Iso27001);
    let cases = [
        ("A.18.2.3", vec!["A.5.36", "A.8.8"]),
        ("A.14.1.1", vec!["A.5.8"]),
        ("A.11.2.5", vec!["A.7.10"]),
        ("A.12.1.2", vec!["A.8.32"]),
        ("A.6.2.1", vec!["A.8.1"]),
        ("10.1", vec!["10.2"]),
        ("10.2", vec!["10.1"]),
    ];
    for (old, new) in cases {
        assert_eq!(transition.forward(old), new.as_slice(), "{old}");
    }
    for control in catalog.standard(StandardId::Iso27001_2013).controls() {
        assert!(
            !transition.forward(&control.reference).is_empty(),
            "{}",
            control.reference
        );
    }
}

#[test]
fn crosswalk_has_every_kind_and_the_promised_integrated_processes() {
    let catalog = catalog::builtin();
    for kind in RowKind::ALL {
        assert!(
            catalog.crosswalk.iter().any(|row| row.kind == kind),
            "{kind:?}"
        );
    }
    // The integrated processes the product promises: each 20000-1 process has a row of kind
    // `integrated` that pairs it with its Annex A control.
    for (control, clause) in [
        ("A.8.32", "8.5.1.3"),
        ("A.8.6", "8.4.3"),
        ("A.5.19", "8.3.4.1"),
        ("A.5.26", "8.6.1"),
        ("A.5.29", "8.7.2"),
        ("A.8.9", "8.2.6"),
    ] {
        let found = catalog.crosswalk.iter().any(|row| {
            row.kind == RowKind::Integrated
                && row
                    .refs
                    .get(StandardId::Iso27001_2022)
                    .iter()
                    .any(|r| r == control)
                && row
                    .refs
                    .get(StandardId::Iso20000_2018)
                    .iter()
                    .any(|r| r == clause)
        });
        assert!(found, "no integrated row pairs {control} with {clause}");
    }
}

#[test]
fn older_edition_references_are_derived_through_the_transitions() {
    let catalog = catalog::builtin();
    let row = catalog
        .crosswalk
        .iter()
        .find(|row| {
            row.refs
                .get(StandardId::Iso27001_2022)
                .iter()
                .any(|r| r == "A.8.32")
        })
        .expect("a change management row");
    let old = row.refs.get(StandardId::Iso27001_2013);
    for expected in ["A.12.1.2", "A.14.2.2", "A.14.2.3", "A.14.2.4"] {
        assert!(
            old.iter().any(|r| r == expected),
            "{expected} missing from {old:?}"
        );
    }
    let old_sms = row.refs.get(StandardId::Iso20000_2011);
    assert!(old_sms.iter().any(|r| r == "9.2"), "{old_sms:?}");
}

// ---- error fixtures -------------------------------------------------------------------------

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/catalog/");

fn read(name: &str) -> &'static str {
    let text = std::fs::read_to_string(format!("{FIXTURES}{name}")).expect("fixture exists");
    Box::leak(text.into_boxed_str())
}

/// The valid mini catalog, with one file swapped for `replacement` where its name matches.
fn mini_sources(replace: Option<(&'static str, &'static str)>) -> Sources<'static> {
    let file = |name: &'static str| {
        let text = match replace {
            Some((target, with)) if target == name => read(with),
            _ => read(name),
        };
        DataFile { name, text }
    };
    Sources {
        standards: vec![
            file("iso27001-2022.json"),
            file("iso27001-2013.json"),
            file("iso20000-1-2018.json"),
            file("iso20000-1-2011.json"),
        ],
        transitions: vec![file("transition-27001.json"), file("transition-20000.json")],
        crosswalk: file("crosswalk.json"),
    }
}

fn errors_for(target: &'static str, fixture: &'static str) -> Vec<String> {
    match catalog::load(&mini_sources(Some((target, fixture)))) {
        Ok(_) => panic!("{fixture} should not load"),
        Err(errors) => errors.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn the_valid_mini_fixture_loads_with_derived_old_references() {
    let catalog = catalog::load(&mini_sources(None)).expect("mini fixture is valid");
    let row = catalog.row("isms.policy").expect("row");
    assert_eq!(row.refs.get(StandardId::Iso27001_2013), ["A.5.1.1"]);
    let context = catalog.row("common.context").expect("row");
    assert_eq!(context.refs.get(StandardId::Iso20000_2011), ["4.5.1"]);
}

#[test]
fn check_error_fixtures() {
    let cases: [(&str, &str, &str); 9] = [
        (
            "iso27001-2022.json",
            "error-duplicate-ref.json",
            "iso27001-2022.json: 4.1: duplicate reference",
        ),
        (
            "iso27001-2022.json",
            "error-missing-parent.json",
            "iso27001-2022.json: A.5.1: parent A.9 does not exist",
        ),
        (
            "crosswalk.json",
            "error-link-to-missing-node.json",
            "crosswalk.json: isms.policy: A.5.99 is not a node of iso27001:2022",
        ),
        (
            "transition-27001.json",
            "error-transition-to-missing-node.json",
            "transition-27001.json: A.5.1.1: links to A.5.77, which is not a node of iso27001:2022",
        ),
        (
            "crosswalk.json",
            "error-strength-out-of-range.json",
            "crosswalk.json: common.context: strength 11 is outside 0-10",
        ),
        (
            "crosswalk.json",
            "error-node-in-no-row.json",
            "iso20000-1-2018.json: 8.1: is in no crosswalk row",
        ),
        (
            "crosswalk.json",
            "error-in-writing.json",
            "crosswalk.json: common.context: in_writing: 4.9 is not a node of iso27001:2022",
        ),
        (
            "crosswalk.json",
            "error-in-writing.json",
            "crosswalk.json: isms.policy: in_writing is only read on common and integrated rows",
        ),
        (
            "crosswalk.json",
            "error-unknown-field.json",
            "crosswalk.json: cannot be read: unknown field `colour`",
        ),
    ];
    for (target, fixture, expected) in cases {
        let errors = errors_for(target, fixture);
        assert!(
            errors.iter().any(|e| e.starts_with(expected)),
            "{fixture}: expected {expected:?}, got {errors:?}"
        );
    }
}

/// The binaries embed the data files without layout whitespace (`build.rs`); what they read
/// must be exactly what the files in `data/` say.
#[test]
fn the_embedded_data_is_the_files_without_their_layout() {
    let sources = catalog::builtin_sources();
    let mut files: Vec<&DataFile> = sources
        .standards
        .iter()
        .chain(&sources.transitions)
        .collect();
    files.push(&sources.crosswalk);
    files.push(&ims_matrix::advice::CONTROLS_FILE);
    files.push(&ims_matrix::advice::OBLIGATIONS_FILE);
    for file in files {
        let path = format!("{}/{}", env!("CARGO_MANIFEST_DIR"), file.name);
        let on_disk = std::fs::read_to_string(&path).expect(&path);
        let parse = |text: &str| serde_json::from_str::<serde_json::Value>(text).expect(file.name);
        assert_eq!(parse(file.text), parse(&on_disk), "{}", file.name);
        assert!(
            !file.text.contains('\n') && file.text.len() < on_disk.len(),
            "{} is embedded without its layout",
            file.name
        );
    }
    // The questionnaire is embedded in two parts, its questions and its applicability rules
    // (the first-visit page carries only the first): together, the file.
    let path = format!("{}/data/questionnaire.json", env!("CARGO_MANIFEST_DIR"));
    let on_disk: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).expect(&path)).expect("JSON");
    let mut parts: serde_json::Value =
        serde_json::from_str(ims_matrix::questionnaire::BUILTIN_FILE.text).expect("JSON");
    let rules: serde_json::Value =
        serde_json::from_str(ims_matrix::questionnaire::RULES_FILE.text).expect("JSON");
    assert!(
        parts.get("applicability").is_none(),
        "the questions carry rules"
    );
    parts["applicability"] = rules["applicability"].clone();
    assert_eq!(parts, on_disk);
}
