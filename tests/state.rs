//! The app's reducer, natively: navigation, validation gating, edits, loading and offers.

use ims_matrix::assessment::{Assessment, Status};
use ims_matrix::catalog::Family;
use ims_matrix::questionnaire::Answer;
use ims_matrix::state::{Action, AppState, Notice, NoticeKind, Screen, Unreadable};

fn fresh() -> AppState {
    AppState::new(Ok(None), "2026-11-27T00:00:00Z")
}

fn answer(id: &str, value: Answer) -> Action {
    Action::Answer(id.into(), Some(value))
}

#[test]
fn next_is_blocked_until_required_answers_are_given() {
    let s = fresh().apply(Action::Start, "t1");
    assert_eq!(s.screen, Screen::Wizard(0));
    let s = s.apply(Action::NextSection, "t2");
    assert_eq!(s.screen, Screen::Wizard(0));
    assert!(s.show_problems);
    let s = [
        answer("org.sector", Answer::Text("it-services".into())),
        answer("org.size", Answer::Text("small".into())),
        answer("org.services", Answer::Number(12)),
        answer("org.sites", Answer::Number(2)),
        answer("org.customers", Answer::Text("11-100".into())),
    ]
    .into_iter()
    .fold(s, |s, a| s.apply(a, "t3"));
    let s = s.apply(Action::NextSection, "t4");
    assert_eq!(s.screen, Screen::Wizard(1));
    assert!(!s.show_problems);
    assert_eq!(s.assessment.updated, "t3");
    let s = s.apply(Action::PreviousSection, "t5");
    assert_eq!(s.screen, Screen::Wizard(0));
}

#[test]
fn edits_editions_and_clearing_answers() {
    let s = fresh()
        .apply(
            Action::SetStatus("common.policy".into(), Some(Status::Implemented)),
            "t",
        )
        .apply(
            Action::SetNotes("common.policy".into(), "=1+1 <b>x</b>".into()),
            "t",
        )
        .apply(Action::SetEdition(Family::Iso27001, "2013".into()), "t")
        .apply(answer("org.name", Answer::Text("Acme".into())), "t")
        .apply(Action::Answer("org.name".into(), None), "t");
    assert!(s.started && s.may_save());
    let edit = &s.assessment.rows["common.policy"];
    assert_eq!(
        (edit.status, edit.notes.as_str()),
        (Some(Status::Implemented), "=1+1 <b>x</b>")
    );
    assert_eq!(s.assessment.editions.iso27001.edition(), "2013");
    assert!(!s.assessment.answers.contains_key("org.name"));
    // An unknown edition changes nothing.
    let same = s
        .clone()
        .apply(Action::SetEdition(Family::Iso27001, "1999".into()), "t");
    assert_eq!(same.assessment, s.assessment);
}

#[test]
fn unreadable_saved_state_is_never_overwritten_until_the_user_decides() {
    let s = AppState::new(
        Err(Unreadable {
            raw: "{broken".into(),
            problem: "not valid JSON".into(),
        }),
        "t",
    )
    .apply(Action::Start, "t")
    .apply(answer("org.size", Answer::Text("small".into())), "t");
    assert!(!s.may_save(), "saving would overwrite the unreadable text");
    assert_eq!(
        s.unreadable.as_ref().map(|u| u.raw.as_str()),
        Some("{broken")
    );
    let s = s.apply(Action::Reset, "t2").apply(Action::Start, "t3");
    assert!(s.unreadable.is_none() && s.may_save());
}

#[test]
fn a_share_link_is_offered_not_forced_on_someone_with_answers() {
    let mut shared = Assessment::new("t");
    shared
        .answers
        .insert("org.name".into(), Answer::Text("Shared Co".into()));
    let mine = fresh().apply(answer("org.name", Answer::Text("Mine".into())), "t");
    let offered = mine.apply(Action::Offer(shared.clone(), vec![]), "t");
    assert_eq!(offered.assessment.organisation(), Some("Mine"));
    assert!(offered.offer.is_some());
    let declined = offered.clone().apply(Action::DeclineOffer, "t");
    assert_eq!(declined.assessment.organisation(), Some("Mine"));
    let accepted = offered.apply(Action::AcceptOffer, "t");
    assert_eq!(accepted.assessment.organisation(), Some("Shared Co"));
    // With nothing of one's own, the link simply opens.
    let opened = fresh().apply(Action::Offer(shared, vec![]), "t");
    assert_eq!(opened.assessment.organisation(), Some("Shared Co"));
}

#[test]
fn sorting_twice_reverses_and_a_heatmap_cell_filters_the_table() {
    use ims_matrix::matrix::view::SortKey;
    let s = fresh().apply(Action::SortBy(SortKey::Priority), "t");
    assert!(!s.sort.descending);
    let s = s.apply(Action::SortBy(SortKey::Priority), "t");
    assert!(s.sort.descending);
    let s = s.apply(Action::ShowRows(vec!["process.change-policy".into()]), "t");
    assert_eq!(s.screen, Screen::Matrix);
    assert_eq!(
        s.filter.only_rows.as_deref(),
        Some(&["process.change-policy".to_owned()][..])
    );
}

#[test]
fn finishing_the_last_section_counts_a_completion() {
    let last = ims_matrix::questionnaire::builtin().sections.len() - 1;
    let s = fresh().apply(Action::GoTo(Screen::Wizard(last)), "t");
    assert_eq!(s.completions, 0);
    let s = s.apply(Action::NextSection, "t");
    assert_eq!((s.screen, s.completions), (Screen::Matrix, 1));
}

#[test]
fn actions_that_change_nothing_leave_the_state_and_its_timestamps_as_they_were() {
    let before = fresh()
        .apply(
            Action::SetStatus("common.policy".into(), Some(Status::Implemented)),
            "t1",
        )
        .apply(answer("org.size", Answer::Text("small".into())), "t1");
    let no_ops = [
        Action::SetStatus("common.policy".into(), Some(Status::Implemented)),
        Action::SetOwner("common.policy".into(), String::new()),
        Action::SetNotes("common.context".into(), String::new()),
        answer("org.size", Answer::Text("small".into())),
        Action::Answer("org.name".into(), None),
        Action::Answer("org.name".into(), Some(Answer::Text("  ".into()))),
        Action::SetEdition(Family::Iso27001, "2022".into()),
        Action::SetEdition(Family::Iso27001, "1999".into()),
        Action::GoTo(before.screen),
    ];
    for action in no_ops {
        let after = before.clone().apply(action.clone(), "t2");
        assert_eq!(after, before, "{action:?}");
        assert!(
            std::rc::Rc::ptr_eq(&after.assessment, &before.assessment),
            "{action:?} kept the same shared assessment"
        );
    }
    // A real change makes a new assessment with the new time.
    let after = before
        .clone()
        .apply(Action::SetOwner("common.policy".into(), "Ana".into()), "t3");
    assert!(!std::rc::Rc::ptr_eq(&after.assessment, &before.assessment));
    assert_eq!(after.assessment.updated, "t3");
}

/// The state of a tab that has `assessment` open, saved.
fn open_tab(assessment: &Assessment) -> AppState {
    AppState::new(
        Ok(Some(ims_matrix::assessment::Imported {
            assessment: assessment.clone(),
            warnings: Vec::new(),
            migrated_from: None,
        })),
        "t",
    )
}

#[test]
fn another_tabs_save_is_merged_and_a_conflict_waits_for_the_users_choice() {
    let mut base = Assessment::new("t0");
    base.update_row("common.policy", |e| e.owner = "Ana".into());
    let tab = open_tab(&base).apply(
        Action::SetStatus("common.scope".into(), Some(Status::Implemented)),
        "t1",
    );
    // The other tab sets an owner on another row: both edits stay, no conflict.
    let mut theirs = base.clone();
    theirs.update_row("common.context", |e| e.owner = "Bo".into());
    let tab = tab.apply(
        Action::SavedElsewhere {
            base: Some(base.clone()),
            theirs: Some(theirs.clone()),
        },
        "t2",
    );
    assert_eq!(tab.assessment.rows["common.context"].owner, "Bo");
    assert_eq!(
        tab.assessment.rows["common.scope"].status,
        Some(Status::Implemented)
    );
    assert!(tab.tab_conflicts.is_none());
    // Both change the same owner: the newer save is in use, the choice is offered, and
    // keeping this tab's value restores it.
    let tab = tab.apply(Action::SetOwner("common.policy".into(), "Cy".into()), "t3");
    let mut newer = theirs.clone();
    newer.update_row("common.policy", |e| e.owner = "Di".into());
    let tab = tab.apply(
        Action::SavedElsewhere {
            base: Some(theirs),
            theirs: Some(newer),
        },
        "t4",
    );
    assert_eq!(tab.assessment.rows["common.policy"].owner, "Di");
    let conflicts = &tab.tab_conflicts.as_ref().expect("a conflict").conflicts;
    assert_eq!(conflicts.len(), 1);
    let tab = tab.apply(Action::KeepOurs, "t5");
    assert_eq!(tab.assessment.rows["common.policy"].owner, "Cy");
    assert!(tab.tab_conflicts.is_none());
}

#[test]
fn another_tab_starting_over_or_opening_another_assessment_is_followed_and_said() {
    let base = Assessment::new("t0");
    let tab = open_tab(&base);
    let cleared = tab.clone().apply(
        Action::SavedElsewhere {
            base: Some(base.clone()),
            theirs: None,
        },
        "t1",
    );
    assert!(!cleared.started && cleared.assessment.rows.is_empty());
    assert!(cleared.notice.expect("said").text.contains("another tab"));
    let other = Assessment::new("t9");
    let replaced = tab.apply(
        Action::SavedElsewhere {
            base: Some(base),
            theirs: Some(other.clone()),
        },
        "t2",
    );
    assert_eq!(*replaced.assessment, other);
    assert!(replaced.notice.is_some());
}

#[test]
fn the_first_visit_page_hands_over_what_the_full_app_needs_to_go_on() {
    // The visitor answers on the first-visit page and finishes; saving failed, so the notice says
    // so and the assessment exists only in memory.
    let last = ims_matrix::questionnaire::builtin().sections.len() - 1;
    let mut first = fresh()
        .apply(Action::Start, "t1")
        .apply(
            answer("org.name", Answer::Text("Handed Over Ltd".into())),
            "t2",
        )
        .apply(Action::GoTo(Screen::Wizard(last)), "t3")
        .apply(Action::NextSection, "t4");
    first.notice = Some(Notice {
        kind: NoticeKind::Error,
        text: "Your browser did not let us save".into(),
        details: vec![],
    });
    assert!(!first.screen.on_first_visit_page());
    let handover = first.handover();
    // Through the page as JSON, then into the full app, whose saved state is older.
    let json = serde_json::to_string(&handover).unwrap();
    let older = AppState::new(Ok(None), "t0");
    let full = older.taken_over(serde_json::from_str(&json).unwrap());
    assert_eq!(full.assessment, first.assessment);
    assert_eq!(full.screen, Screen::Matrix);
    assert_eq!(
        full.completions, 1,
        "the host still hears of the completion"
    );
    assert!(full.started);
    assert_eq!(full.notice, first.notice);

    // Unreadable saved text stays aside in the full app, never overwritten.
    let unreadable = AppState::new(
        Err(Unreadable {
            raw: "{broken".into(),
            problem: "not valid JSON".into(),
        }),
        "t",
    )
    .taken_over(first.handover());
    assert!(unreadable.unreadable.is_some() && !unreadable.may_save());
}

#[test]
fn every_screen_has_an_id_that_reads_back() {
    let screens = [
        Screen::Welcome,
        Screen::Wizard(0),
        Screen::Wizard(8),
        Screen::Matrix,
        Screen::Heatmap,
        Screen::Summary,
        Screen::Data,
        Screen::Review,
        Screen::Report,
    ];
    for screen in screens {
        assert_eq!(Screen::from_id(&screen.id()), Some(screen));
    }
    assert_eq!(Screen::from_id("questionnaire-x"), None);
    assert_eq!(Screen::from_id("printout"), None);
}

fn review_of(base: &Assessment) -> ims_matrix::assessment::Review {
    use ims_matrix::assessment::{Review, ReviewChange, RowField};
    let change = |row: &str, field: RowField, value: &str| ReviewChange {
        sheet: "Matrix (ISO 27001 view)".into(),
        cell: "P4".into(),
        row: row.into(),
        topic: row.into(),
        field,
        before: String::new(),
        after: value.into(),
        value: value.into(),
    };
    Review {
        base: base.clone(),
        embedded: true,
        warnings: vec![],
        changes: vec![
            change("common.policy", RowField::Status, "implemented"),
            change("common.policy", RowField::Owner, "CISO"),
        ],
        conflicts: vec![],
        problems: vec![],
        ignored: vec![],
        more_problems: 0,
        more_ignored: 0,
    }
}

#[test]
fn a_workbook_review_changes_nothing_until_applied_and_can_be_undone_once() {
    let before = fresh().apply(answer("org.name", Answer::Text("Mine".into())), "t1");
    let review = review_of(&before.assessment);
    let opened = before
        .clone()
        .apply(Action::OpenReview("book.xlsx".into(), review.clone()), "t2");
    assert_eq!(opened.screen, Screen::Review);
    assert_eq!(opened.assessment, before.assessment, "nothing applied yet");
    let cancelled = opened.clone().apply(Action::CancelReview, "t3");
    assert_eq!(
        (cancelled.screen, cancelled.review.is_none()),
        (Screen::Data, true)
    );
    assert_eq!(cancelled.assessment, before.assessment);

    // Keep the status change only.
    let applied = opened.apply(
        Action::ApplyReview {
            keep: vec![true, false],
            choices: vec![],
        },
        "t4",
    );
    let edit = applied.assessment.edit("common.policy").expect("edited");
    assert_eq!(
        (edit.status, edit.owner.as_str()),
        (Some(Status::Implemented), "")
    );
    assert_eq!(applied.screen, Screen::Summary);
    assert!(applied
        .notice
        .as_ref()
        .unwrap()
        .text
        .contains("Applied 1 change"));
    let undone = applied.clone().apply(Action::UndoReview, "t5");
    assert_eq!(undone.assessment, before.assessment);
    assert!(undone.undo.is_none(), "once");
    // An edit after applying ends the chance to undo: it would undo the edit too.
    let edited = applied.apply(
        Action::SetNotes("common.scope".into(), "later".into()),
        "t6",
    );
    assert!(edited.undo.is_none());
}

#[test]
fn a_compressed_share_link_on_the_first_visit_page_hands_over_on_the_same_screen() {
    let s = fresh();
    assert!(!s.wants_full_app);
    let s = s.apply(Action::NeedFullApp, "t1");
    assert!(s.wants_full_app, "the first-visit page hands over");
    assert_eq!(s.screen, Screen::Welcome, "without leaving the screen");
    assert_eq!(s.handover().screen, "welcome");
}

#[test]
fn download_on_the_first_visit_page_hands_over_and_the_full_app_downloads_once() {
    let on_questionnaire = fresh()
        .apply(Action::Start, "t1")
        .apply(answer("org.name", Answer::Text("Early Ltd".into())), "t2");
    assert!(!on_questionnaire.handover().export, "no download asked for");
    let asked = on_questionnaire
        .clone()
        .apply(Action::ExportInFullApp, "t3");
    assert!(asked.wants_full_app, "the first-visit page hands over");
    assert_eq!(asked.screen, on_questionnaire.screen, "on the same screen");
    // Through the page as JSON; a hand-over from before this field reads as no download.
    let json = serde_json::to_string(&asked.handover()).unwrap();
    let full = AppState::new(Ok(None), "t0").taken_over(serde_json::from_str(&json).unwrap());
    assert!(
        full.export_requested,
        "the full app downloads as it takes over"
    );
    assert_eq!(full.assessment, asked.assessment);
    let started = full.apply(Action::ExportHandedOverStarted, "t4");
    assert!(!started.export_requested, "once");
    let older = json.replace(",\"export\":true", "");
    assert_ne!(older, json);
    let full = AppState::new(Ok(None), "t0").taken_over(serde_json::from_str(&older).unwrap());
    assert!(!full.export_requested);
}

/// `lang`'s texts, installed as the page installs them once fetched.
fn install(lang: &str) {
    let bundle = ims_matrix::i18n::bundled(lang).expect("a bundled language");
    ims_matrix::i18n::Texts::install(lang, bundle).expect("loads");
}

#[test]
fn the_states_notices_read_in_the_apps_language_and_starting_over_keeps_it() {
    install("de");
    install("fr");
    // Saved answers that no longer fit, said in German from the start.
    let saved = Ok(Some(ims_matrix::assessment::Imported {
        assessment: Assessment::new("t0"),
        warnings: vec!["answers.x: …".into()],
        migrated_from: None,
    }));
    let s = AppState::new_in(saved, "t", "de");
    assert_eq!(s.lang, "de");
    assert!(
        s.notice
            .as_ref()
            .expect("said")
            .text
            .contains("passen nicht mehr"),
        "{:?}",
        s.notice
    );
    // A share link opened at once names itself in German.
    let s = AppState::new_in(Ok(None), "t", "de")
        .apply(Action::Offer(Assessment::new("t9"), vec![]), "t1");
    assert_eq!(
        s.notice.expect("said").text,
        "Bewertung aus dem geteilten Link geladen."
    );
    // A workbook's changes applied, counted in French; undone, said in French.
    let before = AppState::new_in(Ok(None), "t", "fr")
        .apply(answer("org.name", Answer::Text("Mine".into())), "t1");
    let applied = before
        .apply(
            Action::OpenReview("book.xlsx".into(), review_of(&Assessment::new("t"))),
            "t2",
        )
        .apply(
            Action::ApplyReview {
                keep: vec![true, true],
                choices: vec![],
            },
            "t3",
        );
    assert_eq!(
        applied.notice.as_ref().expect("said").text,
        "2 modifications de book.xlsx appliquées."
    );
    let undone = applied.apply(Action::UndoReview, "t4");
    assert!(
        undone
            .notice
            .expect("said")
            .text
            .starts_with("L'évaluation a été rétablie"),
        "undo"
    );
    // Starting over, here or in another tab, stays in the visitor's language.
    let reset = AppState::new_in(Ok(None), "t", "de").apply(Action::Reset, "t1");
    assert_eq!(reset.lang, "de");
    assert_eq!(
        reset.notice.expect("said").text,
        "Mit einer leeren Bewertung neu begonnen."
    );
    let base = Assessment::new("t0");
    let mut tab = open_tab(&base);
    tab.lang = "fr".into();
    let cleared = tab.apply(
        Action::SavedElsewhere {
            base: Some(base),
            theirs: None,
        },
        "t1",
    );
    assert_eq!(cleared.lang, "fr");
    assert!(cleared.notice.expect("said").text.contains("autre onglet"));
}

#[test]
fn a_status_both_tabs_changed_is_named_in_the_apps_language() {
    install("de");
    let base = Assessment::new("t0");
    let mut tab = open_tab(&base).apply(
        Action::SetStatus("common.policy".into(), Some(Status::InProgress)),
        "t1",
    );
    tab.lang = "de".into();
    let mut theirs = base.clone();
    theirs.update_row("common.policy", |e| e.status = Some(Status::Implemented));
    let tab = tab.apply(
        Action::SavedElsewhere {
            base: Some(base),
            theirs: Some(theirs),
        },
        "t2",
    );
    let conflicts = &tab.tab_conflicts.as_ref().expect("a conflict").conflicts;
    let de = ims_matrix::i18n::Texts::installed("de").expect("installed");
    assert_eq!(conflicts[0].ours, de.label(Status::InProgress));
    assert_eq!(conflicts[0].theirs, de.label(Status::Implemented));
}

/// The edition question says what the documents follow; the matrix screen's edition switch only
/// shows the references in another edition, so it leaves that answer alone (twelfth review: a
/// 2013 certificate came back to life when the matrix was switched to 2022).
#[test]
fn showing_another_edition_keeps_the_edition_the_documents_follow() {
    let answered = fresh().apply(Action::SetEdition(Family::Iso27001, "2013".into()), "t");
    assert_eq!(answered.assessment.documents().iso27001.edition(), "2013");
    assert_eq!(answered.assessment.documents, None, "saved as before");
    let shown = answered
        .clone()
        .apply(Action::ShowEdition(Family::Iso27001, "2022".into()), "t");
    assert_eq!(shown.assessment.editions.iso27001.edition(), "2022");
    assert_eq!(shown.assessment.documents().iso27001.edition(), "2013");
    // Answering the question again moves both; showing the documents' edition forgets the
    // difference, so saved state is as it was.
    let reanswered = shown
        .clone()
        .apply(Action::SetEdition(Family::Iso27001, "2022".into()), "t");
    assert_eq!(reanswered.assessment.documents().iso27001.edition(), "2022");
    assert_eq!(reanswered.assessment.documents, None);
    let back = shown.apply(Action::ShowEdition(Family::Iso27001, "2013".into()), "t");
    assert_eq!(
        (back.assessment.editions, back.assessment.documents),
        (answered.assessment.editions, None)
    );
}
