//! The app's state and every change to it, as a pure reducer: `AppState::apply(action, now)`.
//! The Yew root wraps it (`ui::app`); tests drive it natively. The matrix is never stored here:
//! it is derived from the assessment on each change.

use crate::assessment::{Assessment, Status};
use crate::catalog::Family;
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
}

/// A message to the user, shown until dismissed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub kind: NoticeKind,
    pub text: String,
    pub details: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub assessment: Assessment,
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
    /// How many times the questionnaire was finished in this visit (for the host's event).
    pub completions: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Start,
    GoTo(Screen),
    /// Set or clear (None) an answer.
    Answer(String, Option<Answer>),
    SetEdition(Family, String),
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
}

impl AppState {
    /// The state at start-up: saved state if readable, otherwise a fresh assessment, keeping the
    /// unreadable text aside.
    pub fn new(
        saved: Result<Option<crate::assessment::Imported>, Unreadable>,
        now: &str,
    ) -> AppState {
        let mut state = AppState {
            assessment: Assessment::new(now),
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
            completions: 0,
        };
        match saved {
            Ok(Some(imported)) => {
                state.started = true;
                state.assessment = imported.assessment;
                if !imported.warnings.is_empty() {
                    state.notice = Some(Notice {
                        kind: NoticeKind::Warning,
                        text: "Some saved answers no longer fit this version; they are kept but not used.".into(),
                        details: imported.warnings,
                    });
                }
            }
            Ok(None) => {}
            Err(unreadable) => state.unreadable = Some(unreadable),
        }
        state
    }

    /// Whether saving may write: never over unreadable saved state the user has not dealt with.
    pub fn may_save(&self) -> bool {
        self.started && self.unreadable.is_none()
    }

    fn sections(&self) -> usize {
        questionnaire::builtin().sections.len()
    }

    fn touch(&mut self, now: &str) {
        self.started = true;
        self.assessment.updated = now.to_owned();
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
                match answer {
                    Some(answer) if !answer.is_empty() => {
                        self.assessment.answers.insert(question, answer);
                    }
                    _ => {
                        self.assessment.answers.remove(&question);
                    }
                }
                self.touch(now);
            }
            Action::SetEdition(family, year) => {
                if self.assessment.editions.set(family, &year) {
                    self.touch(now);
                }
            }
            Action::NextSection => {
                if let Screen::Wizard(index) = self.screen {
                    let section = &questionnaire::builtin().sections[index];
                    let problems = questionnaire::builtin()
                        .section_problems(&section.id, &self.assessment.answers);
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
            Action::SetStatus(row, status) => {
                self.assessment.update_row(&row, |e| e.status = status);
                self.touch(now);
            }
            Action::SetOwner(row, owner) => {
                self.assessment.update_row(&row, |e| e.owner = owner);
                self.touch(now);
            }
            Action::SetDue(row, due) => {
                self.assessment.update_row(&row, |e| e.due = due);
                self.touch(now);
            }
            Action::SetNotes(row, notes) => {
                self.assessment.update_row(&row, |e| e.notes = notes);
                self.touch(now);
            }
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
                self.assessment = assessment;
                self.started = true;
                self.unreadable = None;
                self.notice = Some(if warnings.is_empty() {
                    Notice {
                        kind: NoticeKind::Info,
                        text: format!("Loaded the assessment from {source}."),
                        details: Vec::new(),
                    }
                } else {
                    Notice {
                        kind: NoticeKind::Warning,
                        text: format!("Loaded the assessment from {source}. Some entries do not fit this version; they are kept but not used."),
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
                    return self.apply(
                        Action::Load(assessment, warnings, "the shared link".into()),
                        now,
                    );
                }
            }
            Action::AcceptOffer => {
                if let Some(offer) = self.offer.take() {
                    return self.apply(
                        Action::Load(offer.assessment, offer.warnings, "the shared link".into()),
                        now,
                    );
                }
            }
            Action::DeclineOffer => self.offer = None,
            Action::Notify(notice) => self.notice = Some(notice),
            Action::DismissNotice => self.notice = None,
            Action::Reset => {
                let fresh = AppState::new(Ok(None), now);
                return AppState {
                    notice: Some(Notice {
                        kind: NoticeKind::Info,
                        text: "Started over with an empty assessment.".into(),
                        details: Vec::new(),
                    }),
                    ..fresh
                };
            }
        }
        self
    }
}
