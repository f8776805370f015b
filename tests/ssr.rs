//! Components rendered to HTML natively (Yew SSR): what a given state shows, in milliseconds.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use ims_matrix::assessment::{Assessment, Status};
use ims_matrix::matrix::view::{Filter, GroupBy, Sort};
use ims_matrix::questionnaire::Answer;
use ims_matrix::ui::*;
use ims_matrix::{catalog, matrix, questionnaire};
use yew::{Callback, LocalServerRenderer};

fn matrix_for(assessment: &Assessment) -> Rc<matrix::Matrix> {
    Rc::new(matrix::build(
        catalog::builtin(),
        questionnaire::builtin(),
        assessment,
    ))
}

#[tokio::test]
async fn welcome_says_what_it_does_how_long_and_that_nothing_leaves_the_browser() {
    let html = LocalServerRenderer::<Welcome>::with_props(WelcomeProps {
        on_start: Callback::noop(),
        resumable: false,
        on_resume: Callback::noop(),
        on_matrix: Callback::noop(),
        shares_with: None,
        on_file: Callback::noop(),
    })
    .hydratable(false)
    .render()
    .await;
    assert!(html.contains("One management system for ISO/IEC 27001 and ISO/IEC 20000-1"));
    assert!(html.contains("About 10 minutes"));
    assert!(html.contains("Nothing leaves your browser"));
    assert!(
        html.contains(
            r#"<button type="button" class="button primary large">Start the questionnaire</button>"#
        ),
        "{html}"
    );
    // Figures come from the catalog, not from the markup.
    assert!(html.contains("all 93 Annex A controls"), "{html}");
    let rows = catalog::builtin().crosswalk.len();
    assert!(html.contains(&format!("{rows} integration rows")), "{html}");
}

#[tokio::test]
async fn welcome_offers_to_resume_saved_answers() {
    let html = LocalServerRenderer::<Welcome>::with_props(WelcomeProps {
        on_start: Callback::noop(),
        resumable: true,
        on_resume: Callback::noop(),
        on_matrix: Callback::noop(),
        shares_with: None,
        on_file: Callback::noop(),
    })
    .hydratable(false)
    .render()
    .await;
    assert!(
        html.contains("Resume where you left off") && html.contains("Open my matrix"),
        "{html}"
    );
    assert!(!html.contains("Start the questionnaire"));
}

#[tokio::test]
async fn app_opens_on_the_welcome_screen_inside_the_page_frame() {
    let html = LocalServerRenderer::<App>::new()
        .hydratable(false)
        .render()
        .await;
    assert!(html.contains(r#"id="main""#), "{html}");
    assert!(html.contains("welcome-title"));
    assert!(!html.contains("wizard-title"));
}

async fn wizard(index: usize, assessment: Assessment, show_problems: bool) -> String {
    LocalServerRenderer::<Wizard>::with_props(WizardProps {
        index,
        assessment: Rc::new(assessment),
        show_problems,
        shares_with: None,
        dispatch: Callback::noop(),
    })
    .hydratable(false)
    .render()
    .await
}

#[tokio::test]
async fn wizard_shows_progress_labels_help_and_problems() {
    let html = wizard(0, Assessment::new("t"), true).await;
    assert!(html.contains("Step 1 of 9"), "{html}");
    assert!(
        html.contains(r#"<progress max="100" aria-label="Questionnaire progress" value="0""#),
        "{html}"
    );
    let q = questionnaire::builtin();
    for question in &q.sections[0].questions {
        assert!(html.contains(&question.label), "label of {}", question.id);
    }
    // Required answers missing: a summary and a message next to each field.
    assert!(html.contains("to fix before you go on"), "{html}");
    assert!(html.contains(r#"id="q-org-size-error""#), "{html}");
    assert!(html.contains(r#"aria-invalid="true""#));
}

#[tokio::test]
async fn wizard_show_if_questions_appear_with_the_answers() {
    let mut a = Assessment::new("t");
    let hidden = wizard(1, a.clone(), false).await;
    assert!(
        !hidden.contains("q-start-separate"),
        "start.separate shows only when both are held"
    );
    a.answers
        .insert("start.iso27001".into(), Answer::Text("certified".into()));
    a.answers
        .insert("start.iso20000".into(), Answer::Text("implemented".into()));
    let shown = wizard(1, a, false).await;
    assert!(shown.contains("q-start-separate"), "{shown}");
    // The answers are reflected: exactly the chosen options are checked.
    assert!(
        shown.contains(
            r#"<input value="certified" checked type="radio" id="q-start-iso27001-certified""#
        ),
        "{shown}"
    );
    assert!(
        shown.contains(
            r#"<input value="implemented" checked type="radio" id="q-start-iso20000-implemented""#
        ),
        "{shown}"
    );
    // The two answers and the two default editions, nothing else.
    assert!(
        shown.contains(r#"<input value="2022" checked type="radio""#),
        "{shown}"
    );
    assert_eq!(shown.matches(" checked ").count(), 4, "{shown}");
}

#[tokio::test]
async fn matrix_screen_lists_every_row_and_marks_overrides() {
    let mut a = Assessment::new("t");
    a.update_row("common.policy", |e| e.status = Some(Status::Implemented));
    let m = matrix_for(&a);
    let html = LocalServerRenderer::<MatrixScreen>::with_props(MatrixScreenProps {
        matrix: m.clone(),
        filter: Filter::default(),
        sort: Sort::default(),
        group: GroupBy::Kind,
        expanded: Some("common.policy".into()),
        dispatch: Callback::noop(),
    })
    .hydratable(false)
    .render()
    .await;
    assert!(
        html.contains(&format!(
            "Showing {} of {} rows",
            m.rows.len(),
            m.rows.len()
        )),
        "{html}"
    );
    assert_eq!(html.matches(r#"class="row-toggle""#).count(), m.rows.len());
    let common = m
        .summary
        .by_kind
        .iter()
        .find(|c| c.key == "common")
        .expect("count")
        .count;
    assert!(
        html.contains(&format!("Common element ({common})")),
        "grouped by kind"
    );
    // The expanded row shows its detail with editable fields.
    assert!(html.contains(r#"id="notes-common-policy""#), "{html}");
    assert!(html.contains("Why they map this way"));
    assert!(
        html.contains("A.5.1.1"),
        "the 2013 references of the policy row show as the other edition"
    );
}

#[tokio::test]
async fn summary_and_heatmap_render_their_figures_with_text_alternatives() {
    let m = matrix_for(&Assessment::new("t"));
    let summary = LocalServerRenderer::<SummaryScreen>::with_props(SummaryProps {
        matrix: m.clone(),
        dispatch: Callback::noop(),
    })
    .hydratable(false)
    .render()
    .await;
    assert!(
        summary.contains(&format!(
            "integrated documents replace {} separate ones",
            m.summary.separate_documents
        )),
        "{summary}"
    );
    assert!(
        summary.contains(r#"aria-label="Overall readiness 0%""#),
        "{summary}"
    );
    assert!(summary.contains(r#"role="img""#));
    let heat = LocalServerRenderer::<HeatmapScreen>::with_props(HeatmapProps {
        matrix: m.clone(),
        dispatch: Callback::noop(),
    })
    .hydratable(false)
    .render()
    .await;
    assert_eq!(
        heat.matches(r#"class="heat-cell""#).count(),
        m.heatmap.cells.len()
    );
    assert!(heat.contains("overlap"), "{heat}");
}

#[tokio::test]
async fn welcome_says_who_receives_the_summary_when_the_host_shares_it() {
    let html = LocalServerRenderer::<Welcome>::with_props(WelcomeProps {
        on_start: Callback::noop(),
        resumable: false,
        on_resume: Callback::noop(),
        on_matrix: Callback::noop(),
        shares_with: Some("Acme Consulting".into()),
        on_file: Callback::noop(),
    })
    .hydratable(false)
    .render()
    .await;
    assert!(
        html.contains("Acme Consulting receives your summary"),
        "{html}"
    );
    assert!(!html.contains("Nothing leaves your browser"));
}

async fn report(m: Rc<matrix::Matrix>, host: ims_matrix::embed::EmbedConfig) -> String {
    LocalServerRenderer::<Report>::with_props(ReportProps {
        matrix: m,
        date: "2026-12-02".into(),
        host,
    })
    .hydratable(false)
    .render()
    .await
}

#[tokio::test]
async fn the_report_lists_every_row_with_its_status_and_carries_the_brand() {
    let sample = ims_matrix::assessment::import(
        ims_matrix::assessment::SAMPLE_JSON,
        questionnaire::builtin(),
        catalog::builtin(),
    )
    .expect("sample")
    .assessment;
    let m = matrix_for(&sample);
    let unbranded = report(m.clone(), Default::default()).await;
    assert!(unbranded.contains("Northwind Managed Services Ltd"));
    assert!(unbranded.contains("Report made</dt><dd>2026-12-02"));
    for row in &m.rows {
        assert!(unbranded.contains(&row.id), "{}", row.id);
        let status = format!(
            r#"<span class="report-status {}">{}</span>"#,
            row.status.as_str(),
            row.status.label()
        );
        assert!(unbranded.contains(&status), "{}: {status}", row.id);
    }
    // Every exclusion is listed with its reason.
    for entry in m.soa.iter().filter(|e| !e.applicable) {
        assert!(unbranded.contains(&format!("<strong>{}</strong>", entry.reference)));
    }
    assert!(!unbranded.contains("Prepared with"));
    let (host, _) = ims_matrix::embed::EmbedConfig::from_pairs(&[
        ("brand".into(), "Acme Consulting".into()),
        ("contact".into(), "iso@acme.example".into()),
        ("cta-label".into(), "Book a call".into()),
        ("cta-url".into(), "https://acme.example/call".into()),
    ]);
    // One point to check reads in the singular.
    let empty = matrix_for(&Assessment::new("2026-12-02T00:00:00Z"));
    assert_eq!(empty.warnings.len(), 1, "{:?}", empty.warnings);
    let empty_report = report(empty, Default::default()).await;
    assert!(empty_report.contains("Go through the point to check in this report"));
    let branded = report(m, host).await;
    assert!(branded.contains(r#"<p class="report-brand-name">Acme Consulting</p>"#));
    assert!(branded.contains("Prepared with Acme Consulting"));
    assert!(branded.contains("Contact: iso@acme.example"));
    assert!(branded.contains(r#"href="https://acme.example/call""#));
}
