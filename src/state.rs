//! The app's state and every change to it, as a pure reducer: `AppState::apply(action, now)`.
//! The Yew root wraps it (`ui::app`); tests drive it natively. The matrix is never stored here:
//! it is derived from the assessment on each change.
//!
//! The assessment is shared (`Rc`): components receive the same allocation, and a change clones
//! it once. An action that changes nothing leaves the state equal to before, timestamps
//! included, so the root skips the re-render and the save.

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use crate::assessment::{self, Assessment, Conflict, Merged, Review, RowEdit, Status};
use crate::catalog::{self, Family};
use crate::i18n::Texts;
use crate::matrix::view::{Filter, GroupBy, Sort, SortKey};
use crate::questionnaire::{self, Answer};

/// Which screen is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Welcome,
    /// The questionnaire, at section index.
    Wizard(usize),
    Matrix,
    Heatmap,
    Summary,
    Data,
    /// The changes read from an edited workbook, before they apply.
    Review,
    /// The report for paper and PDF.
    Report,
}

impl Screen {
    /// A stable name, as used in the hand-over from the first-visit page.
    pub fn id(self) -> String {
        match self {
            Screen::Welcome => "welcome".to_owned(),
            Screen::Wizard(index) => format!("questionnaire-{index}"),
            Screen::Matrix => "matrix".to_owned(),
            Screen::Heatmap => "heatmap".to_owned(),
            Screen::Summary => "summary".to_owned(),
            Screen::Data => "data".to_owned(),
            Screen::Review => "review".to_owned(),
            Screen::Report => "report".to_owned(),
        }
    }

    pub fn from_id(id: &str) -> Option<Screen> {
        Some(match id {
            "welcome" => Screen::Welcome,
            "matrix" => Screen::Matrix,
            "heatmap" => Screen::Heatmap,
            "summary" => Screen::Summary,
            "data" => Screen::Data,
            "review" => Screen::Review,
            "report" => Screen::Report,
            other => Screen::Wizard(other.strip_prefix("questionnaire-")?.parse().ok()?),
        })
    }

    /// Whether the first-visit page shows this screen itself (the welcome screen and the
    /// questionnaire); every other screen needs the matrix, so the full app.
    pub fn on_first_visit_page(self) -> bool {
        matches!(self, Screen::Welcome | Screen::Wizard(_))
    }
}

/// A message to the user, shown until dismissed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    pub kind: NoticeKind,
    pub text: String,
    pub details: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NoticeKind {
    Info,
    Warning,
    Error,
}

/// Saved state that could not be read. It is kept, and never overwritten, until the user
/// downloads it or chooses to start over.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable {
    pub raw: String,
    pub problem: String,
}

/// An assessment offered by a share link, waiting for the user to open it or keep their own.
#[derive(Clone, Debug, PartialEq)]
pub struct Offer {
    pub assessment: Assessment,
    pub warnings: Vec<String>,
}

/// Fields another tab changed that this tab had changed too: its newer values are in use, and
/// the user may keep this tab's instead.
#[derive(Clone, Debug, PartialEq)]
pub struct TabConflicts {
    /// This tab's assessment before the other tab's save was merged in.
    pub ours: Rc<Assessment>,
    pub conflicts: Vec<Conflict>,
}

/// What the first-visit page (welcome screen and questionnaire) hands to the full app when the
/// visitor goes further: the screen to open, the assessment as it is in memory (saving may have
/// failed), and what this visit has shown. Travels as JSON in the page (`web::handover`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Handover {
    pub screen: String,
    pub started: bool,
    pub completions: u32,
    pub notice: Option<Notice>,
    /// The assessment as saved JSON.
    pub assessment: String,
    /// The visitor clicked Download on the first-visit page, which cannot lay a workbook out:
    /// the full app downloads it as it takes over.
    #[serde(default)]
    pub export: bool,
}

/// An edited workbook read back, waiting for the user to apply its changes or cancel.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingReview {
    /// The file's name, as the user knows it.
    pub source: String,
    pub review: Rc<Review>,
}

/// The assessment as it was before a workbook's changes were applied: restorable once, until
/// the next edit.
#[derive(Clone, Debug, PartialEq)]
pub struct Undo {
    pub assessment: Rc<Assessment>,
    pub source: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub assessment: Rc<Assessment>,
    /// Whether the assessment has been started (anything answered or edited, or Start pressed).
    pub started: bool,
    pub screen: Screen,
    pub filter: Filter,
    pub sort: Sort,
    pub group: GroupBy,
    pub expanded: Option<String>,
    /// Show required-field messages in the current wizard section (after a Next attempt).
    pub show_problems: bool,
    pub notice: Option<Notice>,
    pub unreadable: Option<Unreadable>,
    pub offer: Option<Offer>,
    pub tab_conflicts: Option<TabConflicts>,
    /// How many times the questionnaire was finished in this visit (for the host's event).
    pub completions: u32,
    pub review: Option<PendingReview>,
    pub undo: Option<Undo>,
    /// Something on the first-visit page needs the full app (a compressed share link): it
    /// hands over while staying on the same screen.
    pub wants_full_app: bool,
    /// A download the first-visit page handed over, for the full app to carry out once.
    pub export_requested: bool,
    /// The language the app shows (its texts are loaded before it is set).
    pub lang: String,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Start,
    /// Show the app in this language, whose texts are loaded.
    SetLanguage(String),
    GoTo(Screen),
    /// Set or clear (None) an answer.
    Answer(String, Option<Answer>),
    /// An edition question answered: the organisation's documents follow this edition, and
    /// the matrix shows it.
    SetEdition(Family, String),
    /// Show the matrix in this edition; the documents' edition stays as answered.
    ShowEdition(Family, String),
    NextSection,
    PreviousSection,
    SetStatus(String, Option<Status>),
    SetOwner(String, String),
    SetDue(String, String),
    SetNotes(String, String),
    SetFilter(Filter),
    SortBy(SortKey),
    GroupBy(GroupBy),
    ToggleRow(String),
    /// Show the rows of a heat-map cell in the table.
    ShowRows(Vec<String>),
    /// An edited workbook was read (its file name, what it holds): show the review.
    OpenReview(String, Review),
    /// Apply the review's changes: `keep[i]` for change `i` (kept when missing), and the option
    /// chosen for each conflict (none leaves the field as it was).
    ApplyReview {
        keep: Vec<bool>,
        choices: Vec<Option<usize>>,
    },
    CancelReview,
    /// Restore the assessment as it was before the last applied review.
    UndoReview,
    /// Replace the assessment with an imported one (already validated), with its warnings.
    Load(Assessment, Vec<String>, String),
    /// A share link offered this assessment.
    Offer(Assessment, Vec<String>),
    AcceptOffer,
    DeclineOffer,
    Notify(Notice),
    DismissNotice,
    /// Start over with an empty assessment (after confirmation in the UI).
    Reset,
    /// The first-visit page met something only the full app handles (a compressed share link).
    NeedFullApp,
    /// Download was clicked on the first-visit page: hand over, and download in the full app.
    ExportInFullApp,
    /// The full app started the download the first-visit page handed over.
    ExportHandedOverStarted,
    /// Another tab of this browser saved: the assessment it replaced and the one it wrote
    /// (none when it started over).
    SavedElsewhere {
        base: Option<Assessment>,
        theirs: Option<Assessment>,
    },
    /// After a conflict with another tab, keep this tab's values.
    KeepOurs,
    DismissConflicts,
}

impl AppState {
    /// The state at start-up: saved state if readable, otherwise a fresh assessment, keeping the
    /// unreadable text aside. In English; `new_in` starts in another language.
    pub fn new(
        saved: Result<Option<crate::assessment::Imported>, Unreadable>,
        now: &str,
    ) -> AppState {
        AppState::new_in(saved, now, "en")
    }

    /// `new`, in `lang` (whose texts are loaded), so its notices read in that language.
    pub fn new_in(
        saved: Result<Option<crate::assessment::Imported>, Unreadable>,
        now: &str,
        lang: &str,
    ) -> AppState {
        let mut state = AppState {
            assessment: Rc::new(Assessment::new(now)),
            started: false,
            screen: Screen::Welcome,
            filter: Filter::default(),
            sort: Sort::default(),
            group: GroupBy::None,
            expanded: None,
            show_problems: false,
            notice: None,
            unreadable: None,
            offer: None,
            tab_conflicts: None,
            completions: 0,
            review: None,
            undo: None,
            wants_full_app: false,
            export_requested: false,
            lang: lang.to_owned(),
        };
        match saved {
            Ok(Some(imported)) => {
                state.started = true;
                state.assessment = Rc::new(imported.assessment);
                if !imported.warnings.is_empty() {
                    state.notice = Some(Notice {
                        kind: NoticeKind::Warning,
                        text: state
                            .texts()
                            .get("state.saved-answers-do-not-fit")
                            .to_owned(),
                        details: imported.warnings,
                    });
                }
            }
            Ok(None) => {}
            Err(unreadable) => state.unreadable = Some(unreadable),
        }
        state
    }

    /// What the first-visit page hands over when it cannot show `self.screen` itself.
    pub fn handover(&self) -> Handover {
        Handover {
            screen: self.screen.id(),
            started: self.started,
            completions: self.completions,
            notice: self.notice.clone(),
            assessment: self.assessment.to_json(),
            export: self.export_requested,
        }
    }

    /// The full app's start-up state after a hand-over: the assessment, screen and notice of the
    /// first-visit page. Unreadable saved state stays aside as `new` found it. An assessment
    /// that does not read back leaves the saved one in use.
    pub fn taken_over(mut self, handover: Handover) -> AppState {
        let imported = assessment::import(
            &handover.assessment,
            questionnaire::questions(),
            catalog::builtin_index(),
        );
        if let Ok(imported) = imported {
            self.assessment = Rc::new(imported.assessment);
            self.started = handover.started;
        }
        self.screen = Screen::from_id(&handover.screen).unwrap_or(Screen::Welcome);
        self.completions = handover.completions;
        self.export_requested = handover.export;
        if handover.notice.is_some() {
            self.notice = handover.notice;
        }
        self
    }

    /// The texts of the app's language (English until another is loaded).
    pub fn texts(&self) -> &'static Texts {
        Texts::installed(&self.lang).unwrap_or(Texts::english())
    }

    /// Whether saving may write: never over unreadable saved state the user has not dealt with.
    pub fn may_save(&self) -> bool {
        self.started && self.unreadable.is_none()
    }

    fn sections(&self) -> usize {
        questionnaire::questions().sections.len()
    }

    /// Changes the assessment and marks the time; `change` says whether it changed anything.
    fn edit(&mut self, now: &str, change: impl FnOnce(&mut Assessment) -> bool) {
        let mut next = (*self.assessment).clone();
        if change(&mut next) {
            next.updated = now.to_owned();
            self.assessment = Rc::new(next);
            self.started = true;
            // Undoing a workbook's changes would now also undo this edit.
            self.undo = None;
        }
    }

    /// Changes one row's edit, when the change makes a difference.
    fn edit_row(&mut self, row: &str, now: &str, change: impl FnOnce(&mut RowEdit)) {
        let before = self.assessment.edit(row).cloned().unwrap_or_default();
        let mut after = before.clone();
        change(&mut after);
        if after != before {
            self.edit(now, |a| {
                a.update_row(row, |e| *e = after);
                true
            });
        }
    }

    /// Applies one action at time `now` (RFC 3339).
    pub fn apply(mut self, action: Action, now: &str) -> AppState {
        match action {
            Action::Start => {
                self.started = true;
                self.screen = Screen::Wizard(0);
                self.show_problems = false;
            }
            Action::GoTo(screen) => {
                self.screen = screen;
                self.show_problems = false;
            }
            Action::Answer(question, answer) => {
                // Answers to questions that later become hidden stay saved: nothing typed is lost.
                let answer = answer.filter(|a| !a.is_empty());
                if self.assessment.answers.get(&question) != answer.as_ref() {
                    self.edit(now, |a| {
                        match answer {
                            Some(answer) => a.answers.insert(question, answer),
                            None => a.answers.remove(&question),
                        };
                        true
                    });
                }
            }
            Action::SetEdition(family, year) => {
                self.edit(now, |a| a.set_documents_edition(family, &year));
            }
            Action::ShowEdition(family, year) => {
                self.edit(now, |a| a.show_edition(family, &year));
            }
            Action::NextSection => {
                if let Screen::Wizard(index) = self.screen {
                    let section = &questionnaire::questions().sections[index];
                    // Only whether there are problems matters here; the wizard shows them.
                    let problems = questionnaire::questions().section_problems(
                        &section.id,
                        &self.assessment.answers,
                        crate::i18n::Texts::english(),
                    );
                    if problems.is_empty() {
                        self.show_problems = false;
                        if index + 1 < self.sections() {
                            self.screen = Screen::Wizard(index + 1);
                        } else {
                            self.screen = Screen::Matrix;
                            self.completions += 1;
                        }
                    } else {
                        self.show_problems = true;
                    }
                }
            }
            Action::PreviousSection => {
                if let Screen::Wizard(index) = self.screen {
                    self.show_problems = false;
                    self.screen = if index == 0 {
                        Screen::Welcome
                    } else {
                        Screen::Wizard(index - 1)
                    };
                }
            }
            Action::SetStatus(row, status) => self.edit_row(&row, now, |e| e.status = status),
            Action::SetOwner(row, owner) => self.edit_row(&row, now, |e| e.owner = owner),
            Action::SetDue(row, due) => self.edit_row(&row, now, |e| e.due = due),
            Action::SetNotes(row, notes) => self.edit_row(&row, now, |e| e.notes = notes),
            Action::SetFilter(filter) => self.filter = filter,
            Action::SortBy(key) => {
                self.sort = if self.sort.key == key {
                    Sort {
                        key,
                        descending: !self.sort.descending,
                    }
                } else {
                    Sort {
                        key,
                        descending: false,
                    }
                };
            }
            Action::GroupBy(group) => self.group = group,
            Action::ToggleRow(row) => {
                self.expanded = if self.expanded.as_deref() == Some(row.as_str()) {
                    None
                } else {
                    Some(row)
                };
            }
            Action::ShowRows(rows) => {
                self.filter = Filter {
                    only_rows: Some(rows),
                    ..Filter::default()
                };
                self.screen = Screen::Matrix;
            }
            Action::Load(assessment, warnings, source) => {
                self.assessment = Rc::new(assessment);
                self.started = true;
                self.unreadable = None;
                let texts = self.texts();
                self.notice = Some(if warnings.is_empty() {
                    Notice {
                        kind: NoticeKind::Info,
                        text: texts.fill("state.loaded", &[("source", &source)]),
                        details: Vec::new(),
                    }
                } else {
                    Notice {
                        kind: NoticeKind::Warning,
                        text: texts.fill("state.loaded-with-warnings", &[("source", &source)]),
                        details: warnings,
                    }
                });
            }
            Action::Offer(assessment, warnings) => {
                if self.started {
                    self.offer = Some(Offer {
                        assessment,
                        warnings,
                    });
                } else {
                    let source = self.texts().get("state.the-shared-link").to_owned();
                    return self.apply(Action::Load(assessment, warnings, source), now);
                }
            }
            Action::AcceptOffer => {
                if let Some(offer) = self.offer.take() {
                    let source = self.texts().get("state.the-shared-link").to_owned();
                    return self.apply(Action::Load(offer.assessment, offer.warnings, source), now);
                }
            }
            Action::DeclineOffer => self.offer = None,
            Action::NeedFullApp => self.wants_full_app = true,
            Action::ExportInFullApp => {
                self.wants_full_app = true;
                self.export_requested = true;
            }
            Action::ExportHandedOverStarted => self.export_requested = false,
            Action::OpenReview(source, review) => {
                self.review = Some(PendingReview {
                    source,
                    review: Rc::new(review),
                });
                self.screen = Screen::Review;
                self.notice = None;
            }
            Action::ApplyReview { keep, choices } => {
                if let Some(pending) = self.review.take() {
                    let review = &pending.review;
                    let applied = (0..review.changes.len())
                        .filter(|i| keep.get(*i).copied().unwrap_or(true))
                        .count()
                        + choices.iter().flatten().count();
                    let merged = review.merged(&keep, &choices, now);
                    self.undo = Some(Undo {
                        assessment: self.assessment.clone(),
                        source: pending.source.clone(),
                    });
                    self.assessment = Rc::new(merged);
                    self.started = true;
                    self.unreadable = None;
                    self.screen = Screen::Summary;
                    let texts = self.texts();
                    let source = &pending.source;
                    self.notice = Some(Notice {
                        kind: NoticeKind::Info,
                        text: match applied {
                            0 => texts.fill("state.review.opened-unchanged", &[("source", source)]),
                            n => texts.count("state.review.applied", n, &[("source", source)]),
                        },
                        details: Vec::new(),
                    });
                }
            }
            Action::CancelReview => {
                if self.review.take().is_some() {
                    self.screen = Screen::Data;
                }
            }
            Action::UndoReview => {
                if let Some(undo) = self.undo.take() {
                    self.assessment = undo.assessment;
                    self.notice = Some(Notice {
                        kind: NoticeKind::Info,
                        text: self
                            .texts()
                            .fill("state.review.restored", &[("source", &undo.source)]),
                        details: Vec::new(),
                    });
                }
            }
            Action::Notify(notice) => self.notice = Some(notice),
            Action::SetLanguage(lang) => self.lang = lang,
            Action::DismissNotice => self.notice = None,
            Action::SavedElsewhere { base, theirs } => {
                return self.saved_elsewhere(base, theirs, now)
            }
            Action::KeepOurs => {
                if let Some(choice) = self.tab_conflicts.take() {
                    self.edit(now, |a| {
                        for conflict in &choice.conflicts {
                            conflict.field.copy(&choice.ours, a);
                        }
                        true
                    });
                }
            }
            Action::DismissConflicts => self.tab_conflicts = None,
            Action::Reset => {
                // Starting over keeps the language the visitor chose.
                let fresh = AppState::new_in(Ok(None), now, &self.lang);
                return AppState {
                    notice: Some(Notice {
                        kind: NoticeKind::Info,
                        text: fresh.texts().get("state.started-over").to_owned(),
                        details: Vec::new(),
                    }),
                    ..fresh
                };
            }
        }
        self
    }

    /// Takes in what another tab saved: its edits merged field by field into this tab's, a
    /// replacement taken whole, starting over followed. Each says so, and conflicts wait for
    /// the user's choice.
    fn saved_elsewhere(
        mut self,
        base: Option<Assessment>,
        theirs: Option<Assessment>,
        now: &str,
    ) -> AppState {
        let texts = self.texts();
        let notice = |kind, key: &str| Notice {
            kind,
            text: texts.get(key).to_owned(),
            details: Vec::new(),
        };
        let Some(theirs) = theirs else {
            let fresh = AppState::new_in(Ok(None), now, &self.lang);
            return AppState {
                notice: Some(notice(NoticeKind::Warning, "state.elsewhere.cleared")),
                ..fresh
            };
        };
        if !self.started || self.unreadable.is_some() {
            self.assessment = Rc::new(theirs);
            self.started = true;
            self.unreadable = None;
            return self;
        }
        let merged = match &base {
            Some(base) => assessment::merge_in(base, &theirs, &self.assessment, texts),
            None => Merged::Replaced(theirs),
        };
        match merged {
            Merged::Replaced(theirs) => {
                if *self.assessment != theirs {
                    self.assessment = Rc::new(theirs);
                    self.tab_conflicts = None;
                    self.notice = Some(notice(NoticeKind::Info, "state.elsewhere.replaced"));
                }
            }
            Merged::Combined {
                assessment,
                conflicts,
            } => {
                if !conflicts.is_empty() {
                    self.tab_conflicts = Some(TabConflicts {
                        ours: self.assessment.clone(),
                        conflicts,
                    });
                }
                if *self.assessment != assessment {
                    self.assessment = Rc::new(assessment);
                }
            }
        }
        self
    }
}
