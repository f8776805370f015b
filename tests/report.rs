//! The report's own findings (`matrix::report`) on the sample and the prospects: the risks are
//! the open rows the prospect's scope and laws raise most, the next steps follow the plan, every
//! open row sits in exactly one phase, and the Statement of Applicability's figures add up.
#![cfg(not(target_arch = "wasm32"))]

use ims_matrix::assessment::{self, Assessment, Status};
use ims_matrix::matrix::report::{outline, NEXT_STEPS, RISKS};
use ims_matrix::matrix::{self, Matrix};
use ims_matrix::{catalog, questionnaire};

fn build(assessment: &Assessment) -> Matrix {
    matrix::build(catalog::builtin(), questionnaire::builtin(), assessment)
}

fn imported(text: &str) -> Assessment {
    assessment::import(text, questionnaire::builtin(), catalog::builtin_index())
        .expect("import")
        .assessment
}

fn prospect(name: &str) -> Matrix {
    let path = format!(
        "{}/tests/fixtures/prospects/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    build(&imported(&std::fs::read_to_string(path).expect("fixture")))
}

/// What every report's findings must satisfy.
fn check(name: &str, m: &Matrix) {
    let o = outline(m);
    let open: Vec<_> = m
        .rows
        .iter()
        .filter(|r| r.applicable && r.is_open())
        .collect();
    assert_eq!(o.risks.len(), RISKS.min(open.len()), "{name}");
    // Risks: open, most exposed first, on practices and controls of their own, and every reason
    // given raises the row.
    for pair in o.risks.windows(2) {
        assert!(pair[0].row.exposure >= pair[1].row.exposure, "{name}");
    }
    for (i, risk) in o.risks.iter().enumerate() {
        assert!(risk.row.is_open() && risk.row.applicable, "{name}");
        assert!(
            risk.why
                .iter()
                .all(|w| !w.starts_with("On the certification critical path")
                    && !w.starts_with("Lowered")),
            "{name}"
        );
        for other in &o.risks[i + 1..] {
            assert_ne!(risk.row.practice, other.row.practice, "{name}");
        }
    }
    let most_exposed = open.iter().map(|r| r.exposure).max().unwrap_or(0);
    if let Some(first) = o.risks.first() {
        assert_eq!(first.row.exposure, most_exposed, "{name}");
    }
    // Next steps are the plan's first rows.
    let ranks: Vec<u16> = o.next_steps.iter().map(|r| r.plan_rank).collect();
    let expected: Vec<u16> = (1..=NEXT_STEPS.min(open.len()) as u16).collect();
    assert_eq!(ranks, expected, "{name}");
    // Every open row in exactly one phase, in plan order, with the phase's days summed.
    let in_phases: usize = o.phases.iter().map(|p| p.rows.len()).sum();
    assert_eq!(in_phases, open.len(), "{name}");
    for phase in &o.phases {
        assert!(phase.rows.iter().all(|r| r.phase == phase.phase), "{name}");
        assert!(
            phase
                .rows
                .windows(2)
                .all(|w| w[0].plan_rank < w[1].plan_rank),
            "{name}"
        );
        let days: f64 = phase.rows.iter().map(|r| r.remaining_days).sum();
        assert!((phase.remaining_days - days).abs() < 1e-9, "{name}");
    }
    // The Statement of Applicability's figures add up, and every exclusion has its reason.
    let soa = &o.soa;
    assert_eq!(soa.controls, m.soa.len(), "{name}");
    assert_eq!(soa.included + soa.excluded.len(), soa.controls, "{name}");
    assert_eq!(
        soa.by_basis.iter().map(|(_, n)| n).sum::<usize>(),
        soa.included,
        "{name}"
    );
    assert!(
        soa.excluded
            .iter()
            .all(|e| !e.applicable && !e.reason.trim().is_empty()),
        "{name}"
    );
}

#[test]
fn the_sample_and_every_prospect_give_findings_that_add_up() {
    check("sample", &build(&imported(assessment::SAMPLE_JSON)));
    check("empty", &build(&Assessment::new("2026-12-01T00:00:00Z")));
    for name in [
        "saas-neither",
        "msp-20000-adding-27001",
        "both-separate",
        "staged-27001-first",
    ] {
        check(name, &prospect(name));
    }
}

#[test]
fn the_risks_are_what_the_prospects_scope_and_laws_raise() {
    let m = prospect("both-separate");
    let o = outline(&m);
    // Critical suppliers, outsourced operations and DORA: supplier security and continuity
    // lead, each with the laws that name it. The prospect is a financial entity that also
    // answered NIS2: DORA takes NIS2's place (NIS2 Art. 4), so only DORA is named.
    let topics: Vec<&str> = o.risks.iter().map(|r| &*r.row.topic).collect();
    assert!(
        topics.contains(&"ICT readiness for business continuity"),
        "{topics:?}"
    );
    let continuity = o
        .risks
        .iter()
        .find(|r| &*r.row.topic == "ICT readiness for business continuity")
        .unwrap();
    assert!(
        continuity
            .why
            .iter()
            .any(|w| w.contains("DORA") && !w.contains("NIS2")),
        "{:?}",
        continuity.why
    );
    // The critical path is not a risk: scope and policy are steps, not exposures.
    assert!(o.risks.iter().all(|r| !r.row.critical || !r.why.is_empty()));
}

#[test]
fn a_finished_plan_has_no_risks_or_next_steps() {
    let mut a = imported(assessment::SAMPLE_JSON);
    for row in &catalog::builtin().crosswalk {
        a.update_row(&row.id, |edit| edit.status = Some(Status::Implemented));
    }
    let m = build(&a);
    let o = outline(&m);
    assert!(o.risks.is_empty() && o.next_steps.is_empty());
    assert!(o
        .phases
        .iter()
        .all(|p| p.rows.is_empty() && p.remaining_days == 0.0));
    assert_eq!(o.phases.len(), 5);
}
