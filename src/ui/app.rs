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
use crate::catalog::Family;
use crate::embed::{Event, SharedSummary};
use crate::matrix::{self, Matrix};
use crate::state::{Action, AppState, Notice, NoticeKind, Screen};
use crate::{catalog, questionnaire, web};

/// `AppState` as a Yew reducer; the clock is read here so the state stays pure.
#[derive(Clone, PartialEq)]
pub struct Store(pub AppState);

impl Reducible for Store {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let reset = matches!(action, Action::Reset);
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
        if next.may_save() && next.assessment != self.0.assessment {
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

#[component]
pub fn App() -> Html {
    let store = use_reducer(|| {
        let mut state = AppState::new(web::load_saved(), &web::now());
        // A host's default editions apply to a fresh assessment, never over saved choices.
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
    });
    // One callback for the app's lifetime, so components that receive only it skip re-renders.
    let dispatch: Callback<Action> = {
        let dispatcher = store.dispatcher();
        use_callback((), move |action, _| dispatcher.dispatch(action))
    };
    let state = &store.0;

    // Brand colours and, inside a host page, the event channel and height reports.
    use_effect_with((), |_| web::embed::start());

    // Tell a host page which screen and section the visitor is on.
    use_effect_with(state.screen, |screen| {
        let sections = questionnaire::builtin().sections.len();
        let (name, section) = match screen {
            Screen::Welcome => ("welcome", None),
            Screen::Wizard(i) => ("questionnaire", Some(i + 1)),
            Screen::Matrix => ("matrix", None),
            Screen::Heatmap => ("heatmap", None),
            Screen::Summary => ("summary", None),
            Screen::Data => ("data", None),
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
            let offer_shared = move || {
                match web::take_shared() {
                Some(Ok(imported)) => dispatch.emit(Action::Offer(imported.assessment, imported.warnings)),
                Some(Err(problem)) => dispatch.emit(Action::Notify(Notice {
                    kind: NoticeKind::Error,
                    text: format!("The shared link could not be opened: {problem}. Your own answers are unchanged."),
                    details: Vec::new(),
                })),
                None => {}
            }
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

    // The export worker loads once the user reaches the matrix screens, never on first load,
    // and builds the workbook ahead of time whenever the assessment has settled there, so
    // Download hands it over at once.
    let on_matrix_screens = matches!(
        state.screen,
        Screen::Matrix | Screen::Heatmap | Screen::Summary | Screen::Data
    );
    use_effect_with(
        (on_matrix_screens, state.assessment.clone()),
        |(on_matrix_screens, assessment)| {
            let prepare = on_matrix_screens.then(|| {
                web::export::start();
                let assessment = assessment.clone();
                gloo::timers::callback::Timeout::new(web::export::PREPARE_AFTER_MS, move || {
                    let brand = web::export::brand();
                    web::export::prepare_workbook(&assessment, &web::today(), brand.as_ref());
                })
            });
            // Dropping the timeout cancels it: a newer change starts the wait again.
            move || drop(prepare)
        },
    );

    let matrix: Rc<Matrix> = use_memo(state.assessment.clone(), |assessment| {
        matrix::build(catalog::builtin(), questionnaire::builtin(), assessment)
    });

    // Finishing the questionnaire: tell the host, with the summary only where the host enabled
    // sharing (and the questionnaire said so before the visitor finished).
    {
        let matrix = matrix.clone();
        let organisation = state.assessment.organisation().map(str::to_owned);
        use_effect_with(state.completions, move |completions| {
            if *completions > 0 {
                let summary = web::embed::config()
                    .share_summary
                    .then(|| SharedSummary::from_matrix(&matrix, organisation.as_deref()));
                web::embed::post(&Event::Completed { summary });
            }
        });
    }

    let screen = match state.screen {
        Screen::Welcome => html! {
            <Welcome
                resumable={state.started}
                on_start={dispatch.reform(|()| Action::Start)}
                on_resume={dispatch.reform(|()| Action::GoTo(Screen::Wizard(0)))}
                on_matrix={dispatch.reform(|()| Action::GoTo(Screen::Matrix))}
                shares_with={web::embed::config().shares_with()}
            />
        },
        Screen::Wizard(index) => html! {
            <Wizard
                index={index}
                assessment={state.assessment.clone()}
                show_problems={state.show_problems}
                shares_with={web::embed::config().shares_with()}
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
            <DataScreen assessment={state.assessment.clone()} dispatch={dispatch.clone()} />
        },
    };

    html! {
        <div class="app">
            <a class="skip-link" href="#main">{"Skip to content"}</a>
            <header class="app-header">
                <Brand />
                {if state.started && state.screen != Screen::Welcome {
                    html! {
                        <div class="header-tools">
                            <Nav screen={state.screen} dispatch={dispatch.clone()} />
                            <ExportButton assessment={state.assessment.clone()} dispatch={dispatch.clone()} primary=true />
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
                    tab_conflicts={state.tab_conflicts.clone()}
                    dispatch={dispatch.clone()}
                />
                {screen}
            </main>
            <footer class="app-footer">
                <p>
                    {"Clause and control numbers and titles are those of the standards; all guidance is our own wording. "}
                    {match web::embed::config().shares_with() {
                        None => "Your answers stay in this browser.".to_owned(),
                        Some(host) => format!("Your answers stay in this browser; only the summary goes to {host} when you finish."),
                    }}
                </p>
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

/// The brand in the header: the consultancy's logo and name when configured, else ims-matrix;
/// and the consultancy's call to action.
#[component]
fn Brand() -> Html {
    let config = web::embed::config();
    let cta = config
        .cta_label
        .as_ref()
        .zip(config.cta_url.as_ref())
        .map(|(label, url)| {
            html! {
                <a class="button cta" href={url.clone()} target="_blank" rel="noopener">{label}</a>
            }
        });
    match &config.brand {
        Some(name) => html! {
            <span class="brand branded">
                {config.logo.as_ref().map(|logo| html! { <img class="brand-logo" src={logo.clone()} alt="" /> })}
                <span>{name}</span>
                <span class="powered">{"integration matrix by ims-matrix"}</span>
                {cta}
            </span>
        },
        None => html! {
            <span class="brand">
                <span class="brand-mark" aria-hidden="true">{"▦"}</span>
                {"ims-matrix"}
                {cta}
            </span>
        },
    }
}
