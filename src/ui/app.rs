//! The root component: owns the state (a reducer over `state::AppState`), derives the matrix,
//! saves on every change, and lays out the frame and the current screen.

use std::rc::Rc;

use yew::prelude::*;

use super::data::DataScreen;
use super::export_button::ExportButton;
use super::heatmap::HeatmapScreen;
use super::matrix_screen::MatrixScreen;
use super::notices::Notices;
use super::summary::SummaryScreen;
use super::welcome::Welcome;
use super::wizard::Wizard;
use crate::matrix::{self, Matrix};
use crate::state::{Action, AppState, Notice, NoticeKind, Screen};
use crate::{catalog, questionnaire, web};

/// `AppState` as a Yew reducer; the clock is read here so the state stays pure.
#[derive(Clone, PartialEq)]
pub struct Store(pub AppState);

impl Reducible for Store {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(Store(self.0.clone().apply(action, &web::now())))
    }
}

#[component]
pub fn App() -> Html {
    let store = use_reducer(|| Store(AppState::new(web::load_saved(), &web::now())));
    // One callback for the app's lifetime, so components that receive only it skip re-renders.
    let dispatch: Callback<Action> = {
        let dispatcher = store.dispatcher();
        use_callback((), move |action, _| dispatcher.dispatch(action))
    };
    let state = &store.0;

    // A share link in the address bar: offer it once, on start-up.
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            match web::take_shared() {
                Some(Ok(imported)) => dispatch.emit(Action::Offer(imported.assessment, imported.warnings)),
                Some(Err(problem)) => dispatch.emit(Action::Notify(Notice {
                    kind: NoticeKind::Error,
                    text: format!("The shared link could not be opened: {problem}. Your own answers are unchanged."),
                    details: Vec::new(),
                })),
                None => {}
            }
        });
    }

    // Save on every change of the assessment, never over unreadable saved state.
    {
        let dispatch = dispatch.clone();
        let may_save = state.may_save();
        use_effect_with(
            (state.assessment.clone(), may_save),
            move |(assessment, may_save)| {
                if *may_save {
                    if let Err(problem) = web::save(assessment) {
                        dispatch.emit(Action::Notify(Notice {
                            kind: NoticeKind::Error,
                            text: problem,
                            details: Vec::new(),
                        }));
                    }
                }
            },
        );
    }

    // The export worker loads once the user reaches the matrix screens, never on first load.
    use_effect_with(state.screen, |screen| {
        if matches!(
            screen,
            Screen::Matrix | Screen::Heatmap | Screen::Summary | Screen::Data
        ) {
            web::export::prepare();
        }
    });

    let matrix: Rc<Matrix> = use_memo(state.assessment.clone(), |assessment| {
        matrix::build(catalog::builtin(), questionnaire::builtin(), assessment)
    });

    let screen = match state.screen {
        Screen::Welcome => html! {
            <Welcome
                resumable={state.started}
                on_start={dispatch.reform(|()| Action::Start)}
                on_resume={dispatch.reform(|()| Action::GoTo(Screen::Wizard(0)))}
                on_matrix={dispatch.reform(|()| Action::GoTo(Screen::Matrix))}
            />
        },
        Screen::Wizard(index) => html! {
            <Wizard
                index={index}
                assessment={Rc::new(state.assessment.clone())}
                show_problems={state.show_problems}
                dispatch={dispatch.clone()}
            />
        },
        Screen::Matrix => html! {
            <MatrixScreen
                matrix={matrix.clone()}
                filter={state.filter.clone()}
                sort={state.sort}
                group={state.group}
                expanded={state.expanded.clone()}
                dispatch={dispatch.clone()}
            />
        },
        Screen::Heatmap => {
            html! { <HeatmapScreen matrix={matrix.clone()} dispatch={dispatch.clone()} /> }
        }
        Screen::Summary => {
            html! { <SummaryScreen matrix={matrix.clone()} dispatch={dispatch.clone()} /> }
        }
        Screen::Data => html! {
            <DataScreen assessment={Rc::new(state.assessment.clone())} dispatch={dispatch.clone()} />
        },
    };

    html! {
        <div class="app">
            <a class="skip-link" href="#main">{"Skip to content"}</a>
            <header class="app-header">
                <span class="brand">
                    <span class="brand-mark" aria-hidden="true">{"▦"}</span>
                    {"ims-matrix"}
                </span>
                {if state.started && state.screen != Screen::Welcome {
                    html! {
                        <div class="header-tools">
                            <Nav screen={state.screen} dispatch={dispatch.clone()} />
                            <ExportButton assessment={Rc::new(state.assessment.clone())} dispatch={dispatch.clone()} primary=true />
                        </div>
                    }
                } else {
                    html! { <span class="app-header-note">{"ISO/IEC 27001 × ISO/IEC 20000-1"}</span> }
                }}
            </header>
            <main id="main" class="app-main" tabindex="-1">
                <Notices
                    notice={state.notice.clone()}
                    unreadable={state.unreadable.clone()}
                    offer={state.offer.as_ref().map(|o| o.assessment.organisation().unwrap_or("an organisation").to_owned())}
                    dispatch={dispatch.clone()}
                />
                {screen}
            </main>
            <footer class="app-footer">
                <p>{"Clause and control numbers and titles are those of the standards; all guidance is our own wording. Your answers stay in this browser."}</p>
            </footer>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct NavProps {
    screen: Screen,
    dispatch: Callback<Action>,
}

#[component]
fn Nav(props: &NavProps) -> Html {
    let tabs = [
        ("Questionnaire", Screen::Wizard(0)),
        ("Matrix", Screen::Matrix),
        ("Heat-map", Screen::Heatmap),
        ("Summary", Screen::Summary),
        ("Data", Screen::Data),
    ];
    html! {
        <nav class="app-nav" aria-label="Sections">
            <ul>
                {for tabs.into_iter().map(|(label, target)| {
                    let current = match (props.screen, target) {
                        (Screen::Wizard(_), Screen::Wizard(_)) => true,
                        (a, b) => a == b,
                    };
                    let onclick = props.dispatch.reform(move |_: MouseEvent| Action::GoTo(target));
                    html! {
                        <li>
                            <button type="button" class={classes!("nav-link", current.then_some("current"))}
                                aria-current={current.then_some("page")} onclick={onclick}>
                                {label}
                            </button>
                        </li>
                    }
                })}
            </ul>
        </nav>
    }
}
