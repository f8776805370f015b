//! Components rendered to HTML natively (Yew SSR): what a given state shows, in milliseconds.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use ims_matrix::assessment::{Assessment, Status};
use ims_matrix::matrix::view::{Filter, GroupBy, Sort};
use ims_matrix::questionnaire::{Answer, QuestionKind};
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

/// The welcome screen, with saved answers to resume or not, and the host it shares with.
async fn welcome(resumable: bool, shares_with: Option<&str>) -> String {
    LocalServerRenderer::<Welcome>::with_props(WelcomeProps {
        on_start: Callback::noop(),
        resumable,
        on_resume: Callback::noop(),
        on_matrix: Callback::noop(),
        shares_with: shares_with.map(str::to_owned),
        on_file: Callback::noop(),
    })
    .hydratable(false)
    .render()
    .await
}

#[tokio::test]
async fn welcome_says_what_it_does_how_long_and_that_nothing_leaves_the_browser() {
    let html = welcome(false, None).await;
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
    let html = welcome(true, None).await;
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
    // Every question shown on an empty assessment (the public-body question waits for a sector).
    for question in q.sections[0]
        .questions
        .iter()
        .filter(|question| q.is_visible(question, &Default::default()))
    {
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
            "integrated documents: {} replace {} that the two standards ask for in writing",
            m.summary.documents.in_writing, m.summary.documents.separate
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
    let html = welcome(false, Some("Acme Consulting")).await;
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
        catalog::builtin_index(),
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
    // One point to check reads in the singular: with how far each practice has got and the
    // cloud, products and AI questions answered, only the missing timeline is left.
    let mut bare = Assessment::new("2026-12-02T00:00:00Z");
    bare.answers.insert(
        "scope.cloud".into(),
        Answer::Choices(vec!["use-saas".into()]),
    );
    bare.answers
        .insert("reg.products".into(), Answer::Bool(false));
    bare.answers
        .insert("reg.ai".into(), Answer::Text("no".into()));
    bare.answers
        .insert("reg.trust-dns".into(), Answer::Choices(vec!["none".into()]));
    for question in questionnaire::builtin().questions() {
        if matches!(question.kind, QuestionKind::Maturity { .. }) {
            bare.answers
                .insert(question.id.clone(), Answer::Text("not_in_place".into()));
        }
    }
    let empty = matrix_for(&bare);
    assert_eq!(empty.warnings.len(), 1, "{:?}", empty.warnings);
    let empty_report = report(empty, Default::default()).await;
    assert!(empty_report.contains("Go through the point to check in this report"));
    let branded = report(m, host).await;
    assert!(branded.contains(r#"<p class="report-brand-name">Acme Consulting</p>"#));
    assert!(branded.contains("Prepared with Acme Consulting"));
    assert!(branded.contains("Contact: iso@acme.example"));
    assert!(branded.contains(r#"href="https://acme.example/call""#));
}

/// The report in `lang` on the sample, the matrix built in that language too; English again
/// afterwards for the thread's next test.
async fn report_in(lang: &str) -> String {
    let texts = speak(lang);
    let sample = ims_matrix::assessment::import(
        ims_matrix::assessment::SAMPLE_JSON,
        questionnaire::builtin(),
        catalog::builtin_index(),
    )
    .expect("sample")
    .assessment;
    let m = Rc::new(matrix::localized_build(texts, &sample));
    let (host, _) = ims_matrix::embed::EmbedConfig::from_pairs(&[
        ("brand".into(), "Acme Consulting".into()),
        ("contact".into(), "iso@acme.example".into()),
    ]);
    let html = report(m, host).await;
    ims_matrix::ui::lang::set(ims_matrix::i18n::Texts::english(), None);
    html
}

/// The report's own texts of `lang` with no placeholder: none of their English may show. Long
/// enough not to be a word the engine's or the data's texts may also use.
fn english_left(lang: &str, html: &str) -> Vec<String> {
    english_left_in("report", lang, |_, text| {
        text.len() >= 12 && html.contains(text)
    })
}

#[tokio::test]
async fn the_report_reads_in_german() {
    let html = report_in("de").await;
    assert!(
        html.contains("Die Erklärung zur Anwendbarkeit im Überblick"),
        "{html}"
    );
    assert!(html.contains("Ergebnisse auf einen Blick"));
    assert!(html.contains("Bericht erstellt am</dt><dd>02.12.2026"));
    assert!(html.contains("Sprechen Sie mit Acme Consulting über den Plan (iso@acme.example)."));
    assert!(html.contains(r#"<th scope="col">Maßnahme</th>"#));
    assert!(html.contains(r#"aria-label="Heatmap der Überschneidungen""#));
    assert!(html.contains(r#"data-label="Was zu tun ist""#));
    assert!(html.contains("Haftungsausschluss"));
    assert_eq!(english_left("de", &html), Vec::<String>::new());
    for english in [
        "Results at a glance",
        "Prepared with",
        "Points to check",
        " person-days",
    ] {
        assert!(!html.contains(english), "{english}");
    }
}

#[tokio::test]
async fn the_report_reads_in_french() {
    let html = report_in("fr").await;
    assert!(
        html.contains("La déclaration d'applicabilité en bref"),
        "{html}"
    );
    assert!(html.contains("Rapport établi le</dt><dd>02/12/2026"));
    assert!(html.contains("Parlez du plan avec Acme Consulting (iso@acme.example)."));
    // French typography: a no-break space before the colon.
    assert!(html.contains("Contact\u{a0}: iso@acme.example"));
    assert!(html.contains("Points à vérifier ("));
    assert!(html.contains("Avertissement"));
    assert_eq!(english_left("fr", &html), Vec::<String>::new());
    for english in [
        "Results at a glance",
        "Prepared with",
        "Points to check",
        " person-days",
    ] {
        assert!(!html.contains(english), "{english}");
    }
}

/// Shows the screens in `lang` from now on, on this test's thread.
fn speak(lang: &str) -> &'static ims_matrix::i18n::Texts {
    let texts =
        ims_matrix::i18n::Texts::install(lang, ims_matrix::i18n::bundled(lang).expect("bundled"))
            .expect("loads");
    ims_matrix::ui::lang::set(texts, None);
    texts
}

/// The first-visit screens' own texts (`locales/en/start.json`) whose English shows in `html`
/// although `lang` has its own.
fn start_english_left(lang: &str, html: &str) -> Vec<String> {
    english_left_in("start", lang, |_, text| {
        text.len() >= 8 && html.contains(text)
    })
}

async fn wizard_sharing(index: usize, assessment: Assessment, shares_with: Option<&str>) -> String {
    LocalServerRenderer::<Wizard>::with_props(WizardProps {
        index,
        assessment: Rc::new(assessment),
        show_problems: true,
        shares_with: shares_with.map(str::to_owned),
        dispatch: Callback::noop(),
    })
    .hydratable(false)
    .render()
    .await
}

#[tokio::test]
async fn the_welcome_screen_and_the_questionnaire_read_in_german() {
    let texts = speak("de");
    let welcome = welcome(false, Some("Acme Consulting")).await;
    assert!(welcome.contains("Ein Managementsystem für ISO/IEC 27001 und ISO/IEC 20000-1"));
    assert!(
        welcome.contains(">Fragebogen starten</button>"),
        "{welcome}"
    );
    assert!(welcome.contains(r#"aria-label="So funktioniert es""#));
    assert!(welcome.contains("erhält Acme Consulting Ihre Zusammenfassung"));
    assert!(welcome.contains("über alle 93 Maßnahmen aus Anhang A"));
    assert_eq!(start_english_left("de", &welcome), Vec::<String>::new());

    let mut answers = Assessment::new("t");
    answers
        .answers
        .insert("org.name".into(), Answer::Text("x".repeat(1234)));
    let html = wizard(0, answers, true).await;
    assert!(html.contains("Schritt 1 von 9"), "{html}");
    assert!(html.contains(r#"aria-label="Fortschritt im Fragebogen""#));
    assert!(
        html.contains("6 Antworten vor dem Weitergehen korrigieren"),
        "{html}"
    );
    assert!(html.contains("Bitte beantworten Sie diese Frage"));
    assert!(
        html.contains("Höchstens 120 Zeichen (jetzt 1.234)"),
        "{html}"
    );
    assert!(html.contains("1.234 / 120"), "{html}");
    assert!(html.contains(">Weiter</button>") && html.contains(">Zurück zum Start</button>"));
    assert!(html.contains(" (freiwillig)"));
    // Section titles, labels and help from the German questionnaire.
    let q = questionnaire::localized(texts);
    assert_ne!(
        q.sections[0].title,
        questionnaire::builtin().sections[0].title
    );
    assert!(html.contains(&*q.sections[0].title), "{html}");
    // Every question shown on an empty assessment (the public-body question waits for a sector).
    for question in q.sections[0]
        .questions
        .iter()
        .filter(|question| q.is_visible(question, &Default::default()))
    {
        assert!(html.contains(&question.label), "label of {}", question.id);
    }
    assert_eq!(start_english_left("de", &html), Vec::<String>::new());
    for english in [
        "Step 1",
        "to fix before you go on",
        "Please answer",
        "(optional)",
    ] {
        assert!(!html.contains(english), "{english}");
    }
    ims_matrix::ui::lang::set(ims_matrix::i18n::Texts::english(), None);
}

#[tokio::test]
async fn the_questionnaire_reads_in_french_with_its_typography() {
    speak("fr");
    // The edition is asked of a standard already under way.
    let mut started = Assessment::new("t");
    started
        .answers
        .insert("start.iso27001".into(), Answer::Text("in-progress".into()));
    let html = wizard_sharing(1, started, None).await;
    assert!(html.contains("Étape 2 sur 9"), "{html}");
    assert!(html.contains("2022 (actuelle)"), "{html}");
    assert!(
        html.contains("réponses à corriger avant de continuer"),
        "{html}"
    );
    // A no-break space before the colon between a question and its problem.
    assert!(
        html.contains("\u{a0}: Veuillez répondre à cette question"),
        "{html}"
    );
    assert!(html.contains(">Retour</button>"));
    assert_eq!(start_english_left("fr", &html), Vec::<String>::new());

    let scope = wizard_sharing(3, Assessment::new("t"), None).await;
    assert!(
        scope.contains(">Oui</span>") && scope.contains(">Non</span>"),
        "{scope}"
    );
    assert!(!scope.contains(">Yes</span>"));

    let last = wizard_sharing(8, Assessment::new("t"), Some("Acme Consulting")).await;
    assert!(
        last.contains("Lorsque vous cliquez sur «\u{a0}Voir ma matrice\u{a0}», Acme Consulting reçoit votre synthèse"),
        "{last}"
    );
    assert!(last.contains(">Voir ma matrice</button>"));
    assert!(
        last.contains("Étape 9 sur 9") && last.contains("88\u{a0}% terminé"),
        "{last}"
    );
    assert_eq!(start_english_left("fr", &last), Vec::<String>::new());
    ims_matrix::ui::lang::set(ims_matrix::i18n::Texts::english(), None);
}

/// The sample's matrix built in `lang`, with the screens set to `lang`.
fn sample_matrix_in(lang: &str) -> Rc<matrix::Matrix> {
    let texts = speak(lang);
    let sample = ims_matrix::assessment::import(
        ims_matrix::assessment::SAMPLE_JSON,
        questionnaire::builtin(),
        catalog::builtin_index(),
    )
    .expect("sample")
    .assessment;
    Rc::new(matrix::localized_build(texts, &sample))
}

/// The matrix screens' own texts (`locales/en/app.json`) whose English shows in `html` although
/// `lang` has its own: the whole text of an element or attribute, not a word inside a title the
/// data leaves in English ("8.3 Relationship and agreement").
fn app_english_left(lang: &str, html: &str) -> Vec<String> {
    english_left_in("app", lang, |_, text| {
        text.len() >= 8
            && html.match_indices(text).any(|(at, _)| {
                let before = html[..at].chars().next_back();
                let after = html[at + text.len()..].chars().next();
                matches!(before, Some('>' | '"')) && !after.is_some_and(char::is_alphanumeric)
            })
    })
}

async fn matrix_screen(m: Rc<matrix::Matrix>, expanded: &str) -> String {
    LocalServerRenderer::<MatrixScreen>::with_props(MatrixScreenProps {
        matrix: m,
        filter: Filter::default(),
        sort: Sort::default(),
        group: GroupBy::Kind,
        expanded: Some(expanded.into()),
        dispatch: Callback::noop(),
    })
    .hydratable(false)
    .render()
    .await
}

async fn summary_and_heatmap(m: Rc<matrix::Matrix>) -> (String, String) {
    let summary = LocalServerRenderer::<SummaryScreen>::with_props(SummaryProps {
        matrix: m.clone(),
        dispatch: Callback::noop(),
    })
    .hydratable(false)
    .render()
    .await;
    let heat = LocalServerRenderer::<HeatmapScreen>::with_props(HeatmapProps {
        matrix: m,
        dispatch: Callback::noop(),
    })
    .hydratable(false)
    .render()
    .await;
    (summary, heat)
}

#[tokio::test]
async fn the_matrix_screens_read_in_german() {
    let m = sample_matrix_in("de");
    let texts = ims_matrix::i18n::Texts::installed("de").expect("installed");
    let html = matrix_screen(m.clone(), "common.policy").await;
    let total = m.rows.len();
    assert!(
        html.contains(&format!("{total} von {total} Zeilen angezeigt")),
        "{html}"
    );
    assert!(html.contains(">Integrationsmatrix</h1>"), "{html}");
    assert!(html.contains(r#"placeholder="z. B. A.8.32, Lieferant, Backup""#));
    assert!(html.contains(">Gruppieren nach</label>"));
    assert!(html.contains(">Ausgabe ISO/IEC 27001</label>"));
    // Group headings, badges and table headers in the vocabulary's German.
    let common = texts.label(ims_matrix::catalog::RowKind::Common);
    assert_ne!(common, "Common element");
    assert!(html.contains(&format!("{common} (")), "{html}");
    assert!(html.contains("Warum diese Zuordnung"));
    assert!(html.contains("ISO/IEC 27001 (gewählte Ausgabe)"));
    assert_eq!(app_english_left("de", &html), Vec::<String>::new());
    for english in [
        "Showing",
        "Group by",
        "Why they map this way",
        "person-days",
        ">All<",
    ] {
        assert!(!html.contains(english), "{english}");
    }

    let (summary, heat) = summary_and_heatmap(m.clone()).await;
    assert!(summary.contains(">Zusammenfassung</h1>"), "{summary}");
    assert!(
        summary.contains(&format!(
            "integrierte Dokumente: {}",
            m.summary.documents.in_place_of
        )),
        "{summary}"
    );
    assert!(m.summary.documents.in_place_of.starts_with(&format!(
        "{} ersetzen {}, die ",
        m.summary.documents.in_writing, m.summary.documents.separate
    )));
    assert!(
        summary.contains(&format!(
            r#"aria-label="Umsetzungsgrad insgesamt {}{}%""#,
            m.summary.readiness, '\u{a0}'
        )),
        "{summary}"
    );
    // Dates as German writes them, the method from its key.
    let schedule = m.schedule.as_ref().expect("the sample has a date");
    let parts: Vec<&str> = schedule.audit.split('-').collect();
    assert!(
        summary.contains(&format!("{}.{}.{}", parts[2], parts[1], parts[0])),
        "{summary}"
    );
    assert!(summary.contains(texts.get(ims_matrix::matrix::plan::METHOD)));
    assert!(!summary.contains("engine.method"));
    assert_eq!(app_english_left("de", &summary), Vec::<String>::new());
    assert!(heat.contains("Wo sich die Normen überschneiden"), "{heat}");
    assert!(heat.contains(": Überschneidung "), "{heat}");
    assert_eq!(app_english_left("de", &heat), Vec::<String>::new());
    for english in ["person-days", "Top actions", "overlap", "Column key"] {
        assert!(
            !summary.contains(english) && !heat.contains(english),
            "{english}"
        );
    }
    ims_matrix::ui::lang::set(ims_matrix::i18n::Texts::english(), None);
}

#[tokio::test]
async fn the_matrix_screens_read_in_french_with_its_typography() {
    let m = sample_matrix_in("fr");
    let html = matrix_screen(m.clone(), "common.policy").await;
    let total = m.rows.len();
    assert!(
        html.contains(&format!("Affichage\u{a0}: {total} sur {total} lignes")),
        "{html}"
    );
    assert!(html.contains(">Matrice d'intégration</h1>"), "{html}");
    assert_eq!(app_english_left("fr", &html), Vec::<String>::new());

    let (summary, heat) = summary_and_heatmap(m.clone()).await;
    assert!(summary.contains(">Synthèse</h1>"), "{summary}");
    assert!(
        summary.contains(&format!(
            r#"aria-label="Taux de préparation global {}{}%""#,
            m.summary.readiness, '\u{202f}'
        )),
        "{summary}"
    );
    // A no-break space before the colon of each point to check.
    for warning in &m.warnings {
        let subject = warning
            .concerns
            .as_ref()
            .map(|s| format!(" · {s}"))
            .unwrap_or_default();
        assert!(summary.contains(&format!("{subject}\u{a0}: ")), "{summary}");
    }
    assert!(summary.contains("jours-personnes"));
    assert_eq!(app_english_left("fr", &summary), Vec::<String>::new());
    assert!(heat.contains("Où les normes se recoupent"), "{heat}");
    assert_eq!(app_english_left("fr", &heat), Vec::<String>::new());
    for english in [
        "person-days",
        "Top actions",
        "Your plan",
        "Readiness by area",
    ] {
        assert!(!summary.contains(english), "{english}");
    }
    ims_matrix::ui::lang::set(ims_matrix::i18n::Texts::english(), None);
}

/// The data screen in `lang`, English again afterwards for the thread's next test.
async fn data_screen_in(lang: &str) -> String {
    speak(lang);
    let html = LocalServerRenderer::<DataScreen>::with_props(DataProps {
        assessment: Rc::new(Assessment::new("t")),
        dispatch: Callback::noop(),
    })
    .hydratable(false)
    .render()
    .await;
    ims_matrix::ui::lang::set(ims_matrix::i18n::Texts::english(), None);
    html
}

/// The data screen's own texts (`locales/<lang>/data.json`, `data.*`) that `html` shows in
/// English, as an element's whole text, although `lang` has them translated.
fn data_english_left(lang: &str, html: &str) -> Vec<String> {
    english_left_in("data", lang, |key, text| {
        key.starts_with("data.") && html.contains(&format!(">{text}<"))
    })
}

/// The English texts of `locales/en/<file>.json` without a placeholder that `lang` translates and
/// `left(key, english)` finds in the page, as `key: text` lines.
fn english_left_in(file: &str, lang: &str, left: impl Fn(&str, &str) -> bool) -> Vec<String> {
    let read = |lang: &str| -> serde_json::Map<String, serde_json::Value> {
        let path = format!("{}/locales/{lang}/{file}.json", env!("CARGO_MANIFEST_DIR"));
        serde_json::from_str(&std::fs::read_to_string(path).expect("a locale file")).expect("JSON")
    };
    let (english, translated) = (read("en"), read(lang));
    english
        .iter()
        .filter_map(|(key, value)| Some((key, value.as_str()?)))
        .filter(|(key, text)| !text.contains('{') && translated[*key].as_str() != Some(text))
        .filter(|(key, text)| left(key, text))
        .map(|(key, text)| format!("{key}: {text}"))
        .collect()
}

#[tokio::test]
async fn the_data_screen_reads_in_german_and_french() {
    let english = data_screen_in("en").await;
    assert!(english.contains(">Your data</h1>"), "{english}");
    assert!(
        english.contains(">Export assessment (JSON)</button>"),
        "{english}"
    );
    let german = data_screen_in("de").await;
    assert_eq!(data_english_left("de", &german), Vec::<String>::new());
    assert!(german.contains(">Ihre Daten</h1>"), "{german}");
    assert!(
        german.contains(">Bewertung exportieren (JSON)</button>"),
        "{german}"
    );
    let french = data_screen_in("fr").await;
    assert_eq!(data_english_left("fr", &french), Vec::<String>::new());
    assert!(french.contains(">Vos données</h1>"), "{french}");
    assert!(
        french.contains("à votre direction\u{a0}: résultats"),
        "French typography: {french}"
    );
}

#[tokio::test]
async fn a_staged_plan_shows_the_second_audit_and_its_rows_on_the_summary_and_the_report() {
    let path = format!(
        "{}/tests/fixtures/prospects/staged-27001-first.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(path).expect("fixture");
    let assessment =
        ims_matrix::assessment::import(&text, questionnaire::builtin(), catalog::builtin_index())
            .expect("fixture")
            .assessment;
    let m = matrix_for(&assessment);
    let second = m.schedule.as_ref().unwrap().second.clone().expect("staged");
    let later = m
        .rows
        .iter()
        .filter(|r| r.second_stage && r.status.is_open())
        .count();
    let summary = LocalServerRenderer::<SummaryScreen>::with_props(SummaryProps {
        matrix: m.clone(),
        dispatch: Callback::noop(),
    })
    .hydratable(false)
    .render()
    .await;
    // Both audits, the 27001 one first; the second stage's phases between them and the second.
    // (The plan card; the checks above it name the second audit too.)
    assert!(
        summary.contains("Neither standard in place yet; implementation under way: ISO/IEC 27001")
    );
    let summary = &summary[summary.find(r#"id="plan-title""#).expect("the plan")..];
    let first_at = summary
        .find("ISO/IEC 27001 certification audit")
        .expect("first audit");
    let second_at = summary
        .find("ISO/IEC 20000-1 certification audit")
        .expect("second audit");
    assert!(first_at < second_at);
    assert!(summary.contains(&second.audit), "{summary}");
    // Each stage's planning phase counts its own open rows only.
    let planning = |html: &str| {
        let at = html.find("2 Risk and service planning").expect("planning");
        html[at..at + html[at..].find("</li>").unwrap()].to_owned()
    };
    let count = |second_stage: bool| {
        m.rows
            .iter()
            .filter(|r| {
                r.phase == matrix::Phase::Planning
                    && r.status.is_open()
                    && r.second_stage == second_stage
            })
            .count()
    };
    assert!(count(true) > 0 && later > count(true) - 1);
    assert!(
        planning(&summary[..first_at]).contains(&format!("{} open rows", count(false))),
        "{}",
        planning(&summary[..first_at])
    );
    assert!(
        planning(&summary[first_at..second_at]).contains(&format!("{} open rows", count(true))),
        "{}",
        planning(&summary[first_at..second_at])
    );
    let report = report(m.clone(), Default::default()).await;
    assert!(
        report.contains("Implementation under way</dt><dd>ISO/IEC 27001</dd>"),
        "{report}"
    );
    assert!(report.contains(&format!(
        "ISO/IEC 20000-1 certification audit</dt><dd>{}</dd>",
        second.audit
    )));
    assert!(report.contains("Then, toward the ISO/IEC 20000-1 certification audit on"));
    assert!(report.contains("ISO/IEC 20000-1 certification audit"));
    for row in m
        .rows
        .iter()
        .filter(|r| r.second_stage && r.status.is_open())
    {
        let at = report.find(&row.id).expect("row in the report");
        let stage = report.find("Then, toward").unwrap();
        assert!(at > stage, "{} before the second stage", row.id);
    }
}

/// index.html's static welcome screens (`www/first-visit.html`, one per language, which
/// `www/start.js` shows a new visitor before any wasm loads) are the app's own first screen as it
/// renders, so the page that takes over shows the same thing.
/// `IMS_MATRIX_BLESS=1 cargo test --test ssr` rewrites the file.
#[tokio::test]
async fn the_static_welcome_screens_in_index_html_are_the_first_screen_as_the_app_renders_it() {
    let mut templates = String::new();
    for (lang, _) in ims_matrix::i18n::LANGUAGES {
        if *lang == "en" {
            ims_matrix::ui::lang::set(ims_matrix::i18n::Texts::english(), None);
        } else {
            speak(lang);
        }
        let html = LocalServerRenderer::<StaticWelcome>::new()
            .hydratable(false)
            .render()
            .await;
        assert!(html.contains(r#"id="welcome-title""#), "{html}");
        assert!(
            html.contains(&format!(
                r#"<option lang="{lang}" value="{lang}" selected="selected">"#
            )),
            "{lang}: {html}"
        );
        assert!(
            !html.contains(" style="),
            "the strict policy forbids inline styles: {html}"
        );
        if *lang != "en" {
            assert_eq!(
                start_english_left(lang, &html),
                Vec::<String>::new(),
                "{lang}"
            );
        }
        templates.push_str(&format!(
            "<template id=\"first-visit-welcome-{lang}\" lang=\"{lang}\">{html}</template>\n"
        ));
    }
    ims_matrix::ui::lang::set(ims_matrix::i18n::Texts::english(), None);
    assert!(templates.contains("Start the questionnaire") && templates.contains("Fragebogen"));
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/www/first-visit.html");
    if std::env::var_os("IMS_MATRIX_BLESS").is_some() {
        std::fs::write(path, &templates).expect("www/first-visit.html is writable");
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == templates,
        "www/first-visit.html is not the first screen as the app renders it now: run \
         IMS_MATRIX_BLESS=1 cargo test --test ssr and commit the file"
    );
}

/// A practice of one standard is asked without "written down once for both", which has no
/// meaning there, and its documented level reads "Written down" (twelfth review); the shared
/// practices keep the four levels.
#[tokio::test]
async fn maturity_questions_offer_once_for_both_only_where_both_standards_share_the_practice() {
    let index = |id: &str| {
        questionnaire::builtin()
            .sections
            .iter()
            .position(|s| s.id == id)
            .expect("section")
    };
    // One question's fieldset in a section's markup.
    let field = |html: &str, id: &str| {
        html.split(&format!(r#"id="q-maturity-{id}-field""#))
            .nth(1)
            .and_then(|rest| rest.split("</fieldset>").next())
            .unwrap_or_default()
            .to_owned()
    };
    let controls = wizard(index("maturity-controls"), Assessment::new("t"), false).await;
    let crypto = field(&controls, "crypto");
    assert!(!crypto.contains("once for both"), "{crypto}");
    assert!(!crypto.contains("separately"), "{crypto}");
    assert!(crypto.contains(">Written down<"), "{crypto}");
    // Operations security holds vulnerability management, shared with 20000-1 8.5.1.3.
    assert!(field(&controls, "operations").contains("Written down once for both"));
    let shared = wizard(index("maturity-system"), Assessment::new("t"), false).await;
    assert!(field(&shared, "policy").contains("Written down once for both"));
    // The processes: the catalogue is 20000-1's alone, change management is shared.
    let processes = wizard(index("maturity-processes"), Assessment::new("t"), false).await;
    assert!(!field(&processes, "catalogue").contains("once for both"));
    assert!(field(&processes, "change").contains("once for both"));
}
