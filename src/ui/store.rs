//! What both roots share, the full app (`app.rs`) and the first-visit page (`start.rs`): the
//! state as a Yew reducer that saves on every change, and the effects every screen needs (the
//! host's events, share links, other tabs' saves).

use std::rc::Rc;

use yew::prelude::*;

use crate::assessment::share::Inflate;
use crate::catalog::Family;
use crate::embed::Event;
use crate::state::{Action, AppState, Notice, NoticeKind, Screen};
use crate::web;
use crate::web::Shared;

/// `AppState` as a Yew reducer; the clock is read here so the state stays pure.
#[derive(Clone, PartialEq)]
pub struct Store(pub AppState);

impl Reducible for Store {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let reset = matches!(action, Action::Reset);
        // Another tab's save taken in unchanged is already in storage: writing it again would
        // only race that tab's next save and could land after it, undoing it there.
        let stored = match &action {
            Action::SavedElsewhere {
                theirs: Some(theirs),
                ..
            } => Some(theirs.clone()),
            _ => None,
        };
        let mut next = self.0.clone().apply(action, &web::now());
        // Nothing changed: the same state, so Yew skips the render and nothing is saved.
        if next == self.0 && !reset {
            return self;
        }
        if reset {
            // Starting over (confirmed in the UI) is the one time saved state is removed.
            web::clear_saved();
        }
        // Save in the same task as the change, so nothing typed is lost to a reload or a closed
        // tab; never over saved state that could not be read.
        if next.may_save()
            && next.assessment != self.0.assessment
            && stored.as_ref() != Some(&*next.assessment)
        {
            if let Err(problem) = web::save(&next.assessment) {
                next.notice = Some(Notice {
                    kind: NoticeKind::Error,
                    text: problem,
                    details: Vec::new(),
                });
            }
        }
        Rc::new(Store(next))
    }
}

/// The state at start-up: the saved assessment, then what the first-visit page handed over, if
/// it did; a host's default editions apply to a fresh assessment, never over saved choices.
fn initial_state() -> Store {
    // The root loaded the visitor's language before it mounted (`ui::start_in_language`).
    let lang = super::lang::texts().lang();
    let mut state = AppState::new_in(web::load_saved(), &web::now(), lang);
    if let Some(handover) = web::handover::take() {
        state = state.taken_over(handover);
    }
    if !state.started {
        let config = web::embed::config();
        for family in [Family::Iso27001, Family::Iso20000] {
            if let Some(year) = config.edition(family) {
                Rc::make_mut(&mut state.assessment)
                    .editions
                    .set(family, year);
            }
        }
    }
    Store(state)
}

/// The store and one dispatch callback for the root's lifetime (components that receive only
/// it skip re-renders), with the effects every screen needs. `first_visit_page`: the root shows
/// only the first-visit screens, and the full app tells the host about the others. `inflate`
/// unpacks compressed share links: the full app passes it, the first-visit page does not (so it
/// carries no deflate) and hands such a link over.
#[hook]
pub fn use_store(
    first_visit_page: bool,
    inflate: Option<Inflate>,
) -> (UseReducerHandle<Store>, Callback<Action>) {
    let store = use_reducer(initial_state);
    let dispatch: Callback<Action> = {
        let dispatcher = store.dispatcher();
        use_callback((), move |action, _| dispatcher.dispatch(action))
    };

    // Brand colours and, inside a host page, the event channel and height reports.
    use_effect_with((), |_| web::embed::start());

    // Tell a host page which screen and section the visitor is on.
    use_effect_with(store.0.screen, move |screen| {
        if first_visit_page && !screen.on_first_visit_page() {
            return;
        }
        let sections = super::lang::questionnaire().sections.len();
        let (name, section) = match screen {
            Screen::Welcome => ("welcome", None),
            Screen::Wizard(i) => ("questionnaire", Some(i + 1)),
            Screen::Matrix => ("matrix", None),
            Screen::Heatmap => ("heatmap", None),
            Screen::Summary => ("summary", None),
            Screen::Report => ("report", None),
            // Reviewing an opened workbook is part of the data screen for a host.
            Screen::Data | Screen::Review => ("data", None),
        };
        web::embed::post(&Event::Step {
            screen: name.to_owned(),
            section,
            sections,
        });
    });

    // A share link in the address bar: offered on start-up, and whenever one is pasted into
    // the address bar of this tab while it is open.
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            let offer_shared = move || match web::take_shared(inflate) {
                Some(Shared::Opened(Ok(imported))) => {
                    dispatch.emit(Action::Offer(imported.assessment, imported.warnings))
                }
                Some(Shared::NeedsFullApp) => dispatch.emit(Action::NeedFullApp),
                Some(Shared::Opened(Err(problem))) => dispatch.emit(Action::Notify(Notice {
                    kind: NoticeKind::Error,
                    text: super::lang::tf("store.shared-link-failed", &[("problem", &problem)]),
                    details: Vec::new(),
                })),
                None => {}
            };
            offer_shared();
            let listener = web::on_hash_change(offer_shared);
            move || drop(listener)
        });
    }

    // Another tab of this browser saved: merge its edits into this tab's.
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            let listener = web::on_saved_elsewhere(move |old, new| {
                let base = old.as_deref().and_then(web::read_saved);
                let theirs = match new.as_deref() {
                    None => None,
                    Some(text) => match web::read_saved(text) {
                        Some(assessment) => Some(assessment),
                        // Unreadable text from another tab changes nothing here.
                        None => return,
                    },
                };
                dispatch.emit(Action::SavedElsewhere { base, theirs });
            });
            move || drop(listener)
        });
    }

    (store, dispatch)
}

/// Hands a file dropped anywhere on the page to `open`, for as long as the component lives.
#[hook]
pub fn use_dropped_files(open: Callback<web_sys::File>) {
    use_effect_with(open, |open| {
        let open = open.clone();
        let listeners = web::on_file_dropped(move |file| open.emit(file));
        move || drop(listeners)
    });
}
