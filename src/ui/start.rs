//! The first-visit page's root: the welcome screen and the questionnaire only. It carries no
//! matrix engine, advice data or matrix screens, so a first visit downloads what those two
//! screens need and no more (see `scripts/size-report.mjs`). When the visitor goes further
//! (finishes the questionnaire, opens the matrix, a file or a share link), it hands the state
//! over to the full app (`app.rs`), which `web::handover` loads on demand.

use yew::prelude::*;

use super::frame::frame;
use super::lang::t;
use super::store::{use_dropped_files, use_store};
use super::welcome::Welcome;
use super::wizard::Wizard;
use crate::state::{Action, AppState, Handover, Screen};
use crate::web;
use crate::web::intent::Intent;

#[derive(Properties, PartialEq)]
pub struct StartProps {
    /// Called once, when the visitor reaches a screen only the full app shows.
    pub on_hand_over: Callback<Handover>,
}

#[component]
pub fn StartApp(props: &StartProps) -> Html {
    let (store, dispatch) = use_store(true, None);
    let state = &store.0;

    {
        let on_hand_over = props.on_hand_over.clone();
        let leaving =
            (!state.screen.on_first_visit_page() || state.wants_full_app).then(|| state.handover());
        use_effect_with(leaving, move |leaving| {
            if let Some(handover) = leaving {
                on_hand_over.emit(handover.clone());
            }
        });
    }

    // A file chosen on the welcome screen or dropped on the page opens in the full app, which
    // finds it waiting (`web::handover::take_file`).
    let open_file = use_callback(dispatch.clone(), |file: web_sys::File, dispatch| {
        web::handover::stash_file(&file);
        dispatch.emit(Action::GoTo(Screen::Data));
    });
    use_dropped_files(open_file.clone());

    // What the visitor did on index.html's static welcome screen while this page loaded. A start
    // is ignored if another tab saved answers meanwhile: the welcome then offers to resume them.
    {
        let dispatch = dispatch.clone();
        let open_file = open_file.clone();
        let started = state.started;
        use_effect_with((), move |()| match web::intent::take() {
            Some(Intent::Start) if !started => dispatch.emit(Action::Start),
            Some(Intent::Open(file)) => open_file.emit(file),
            _ => {}
        });
    }

    let screen = first_visit_screen(state, &dispatch, open_file)
        // Shown for the moment until the full app takes over.
        .unwrap_or_else(|| html! { <p class="loading" role="status">{t("start.opening")}</p> });
    // No catalog here, so a row is named by its id; this page edits no row, so two tabs cannot
    // both have changed one.
    frame(state, &dispatch, |_| None, None, screen)
}

/// The first screen a new visitor sees (nothing saved, no host's options, no link) in the
/// language the screens show, as index.html carries it in each language so that it shows before
/// any wasm loads: `www/first-visit.html`, written and kept equal to this by `tests/ssr.rs`;
/// `www/start.js` shows it and loads this page when the visitor acts. Its messages (loading,
/// failed) are hidden until then.
#[component]
pub fn StaticWelcome() -> Html {
    let lang = super::lang::texts().lang();
    let state = AppState::new_in(Ok(None), "1970-01-01T00:00:00.000Z", lang);
    let screen = html! {
        <>
            <div id="first-visit-failed" class="notice error" role="alert" hidden=true>
                <p>{t("start.static.failed")}</p>
            </div>
            <p id="first-visit-loading" class="loading" role="status" hidden=true>{t("start.static.loading")}</p>
            <Welcome on_start={Callback::noop()} />
        </>
    };
    frame(&state, &Callback::noop(), |_| None, None, screen)
}

/// The welcome screen and the questionnaire, as both roots show them; `None` for the screens
/// only the full app shows.
pub fn first_visit_screen(
    state: &AppState,
    dispatch: &Callback<Action>,
    on_file: Callback<web_sys::File>,
) -> Option<Html> {
    match state.screen {
        Screen::Welcome => Some(html! {
            <Welcome
                resumable={state.started}
                on_start={dispatch.reform(|()| Action::Start)}
                on_resume={dispatch.reform(|()| Action::GoTo(Screen::Wizard(0)))}
                on_matrix={dispatch.reform(|()| Action::GoTo(Screen::Matrix))}
                shares_with={web::embed::config().shares_with_in(super::lang::texts())}
                on_file={on_file}
            />
        }),
        Screen::Wizard(index) => Some(html! {
            <Wizard
                index={index}
                assessment={state.assessment.clone()}
                show_problems={state.show_problems}
                shares_with={web::embed::config().shares_with_in(super::lang::texts())}
                dispatch={dispatch.clone()}
            />
        }),
        _ => None,
    }
}

/// Mounts the first-visit page into `root`. When it hands over, the page unmounts it and loads
/// the full app in its place.
pub fn mount_first_visit(root: web_sys::Element) {
    use std::cell::RefCell;
    thread_local! {
        static MOUNTED: RefCell<Option<yew::AppHandle<StartApp>>> = const { RefCell::new(None) };
    }
    let on_hand_over = Callback::from(|handover: Handover| {
        // Not inside the effect that asked: a root cannot be destroyed during its own render.
        gloo::timers::callback::Timeout::new(0, move || {
            if let Some(app) = MOUNTED.with(|mounted| mounted.borrow_mut().take()) {
                app.destroy();
                web::handover::load_full_app(&handover);
            }
        })
        .forget();
    });
    let app =
        yew::Renderer::<StartApp>::with_root_and_props(root, StartProps { on_hand_over }).render();
    MOUNTED.with(|mounted| *mounted.borrow_mut() = Some(app));
}
