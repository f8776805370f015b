//! The full app's root: every screen. Derives the matrix from the assessment, prepares the
//! workbook ahead in the export worker, and tells a host page when the questionnaire is
//! finished. Loaded on demand: a first visit starts with the welcome screen and questionnaire
//! of `start.rs`, which hands over to this root when the visitor goes further.

use std::rc::Rc;

use yew::prelude::*;

use super::data::DataScreen;
use super::frame::frame;
use super::heatmap::HeatmapScreen;
use super::matrix_screen::MatrixScreen;
use super::report::{Report, ReportScreen};
use super::review::ReviewScreen;
use super::store::{use_dropped_files, use_store};
use super::summary::SummaryScreen;
use crate::embed::{Event, SharedSummary};
use crate::matrix::{self, Matrix};
use crate::state::{Action, Screen};
use crate::web;

#[component]
pub fn App() -> Html {
    let (store, dispatch) = use_store(false, Some(crate::assessment::share::inflate));
    let state = &store.0;

    // The export worker loads as the user goes on to the matrix screens, never on first load.
    // Whenever the assessment has settled there, the page lays out the workbook and the worker
    // writes it ahead of time, so Download hands it over at once.
    // The first time, the workbook is laid out as soon as the matrix is painted rather than
    // 0.3 s later, so the worker writes it while the page is still free: about 0.1 s after the
    // table's rows are mounted, Chromium's autofill holds the main thread for up to half a
    // second (README, Benchmarks), and a reply that comes then waits for it.
    let on_matrix_screens = !state.screen.on_first_visit_page();
    let prepared_once = use_mut_ref(|| false);
    use_effect_with(
        (on_matrix_screens, state.assessment.clone()),
        move |(on_matrix_screens, assessment)| {
            let prepare = on_matrix_screens.then(|| {
                web::export::start();
                let assessment = assessment.clone();
                let lay_out = move || {
                    super::export_button::prepare_ahead(super::laid_out::laid_out, &assessment);
                };
                if prepared_once.replace(true) {
                    Prepare::AfterEdit {
                        _pending: gloo::timers::callback::Timeout::new(
                            web::export::PREPARE_AFTER_MS,
                            lay_out,
                        ),
                    }
                } else {
                    Prepare::AfterPaint {
                        _pending: web::after_paint(lay_out),
                    }
                }
            });
            // Dropping either cancels it: a newer change starts the wait again.
            move || drop(prepare)
        },
    );

    // Download clicked on the first-visit page, which cannot lay a workbook out: carried out
    // here, once, as the full app takes over.
    {
        let dispatch = dispatch.clone();
        let assessment = state.assessment.clone();
        use_effect_with(state.export_requested, move |requested| {
            if *requested {
                dispatch.emit(Action::ExportHandedOverStarted);
                super::export_button::download(
                    &assessment,
                    super::export_button::LayOut(super::laid_out::laid_out),
                    dispatch.clone(),
                    || {},
                );
            }
        });
    }

    // Memoised as an `Rc` of its own, which the workbook's layout shares (`shown_matrix`).
    let matrix: Rc<Matrix> = Rc::clone(&use_memo(
        (state.assessment.clone(), state.lang.clone()),
        |(assessment, _)| {
            let texts = super::lang::texts();
            let matrix = Rc::new(matrix::localized_build(texts, assessment));
            super::laid_out::shown_matrix(assessment, texts.lang(), &matrix);
            matrix
        },
    ));

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

    // A file to open: chosen or dropped on the first-visit page before this app took over,
    // chosen on the welcome screen, or dropped anywhere on the page.
    let open_file = {
        let (dispatch, assessment) = (dispatch.clone(), state.assessment.clone());
        use_callback(
            (dispatch, assessment),
            |file: web_sys::File, (dispatch, assessment)| {
                super::open_file::open(file, assessment.clone(), dispatch.clone());
            },
        )
    };
    {
        let open_file = open_file.clone();
        use_effect_with((), move |_| {
            if let Some(file) = web::handover::take_file() {
                open_file.emit(file);
            }
        });
    }
    use_dropped_files(open_file.clone());

    // Printing any screen prints the report: it is rendered while the browser prints (the
    // beforeprint event comes before the page is laid out for paper) and hidden on screen.
    let printing = use_state_eq(|| false);
    {
        let printing = printing.clone();
        use_effect_with((), move |_| {
            let listeners = web::on_print(move |started| printing.set(started));
            move || drop(listeners)
        });
    }
    let print_report = (*printing && state.screen != Screen::Report).then(|| {
        html! {
            <div class="print-report">
                <Report matrix={matrix.clone()} date={web::today()} host={web::embed::config().clone()} />
            </div>
        }
    });

    let screen = match state.screen {
        Screen::Welcome | Screen::Wizard(_) => {
            super::start::first_visit_screen(state, &dispatch, open_file).unwrap_or_default()
        }
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
        Screen::Report => html! {
            <ReportScreen
                matrix={matrix.clone()}
                date={web::today()}
                host={web::embed::config().clone()}
                dispatch={dispatch.clone()}
            />
        },
        Screen::Data => html! {
            <DataScreen assessment={state.assessment.clone()} dispatch={dispatch.clone()} />
        },
        Screen::Review => match &state.review {
            Some(pending) => html! {
                <ReviewScreen
                    source={pending.source.clone()}
                    review={pending.review.clone()}
                    in_use={state.assessment.clone()}
                    dispatch={dispatch.clone()}
                />
            },
            None => html! {
                <DataScreen assessment={state.assessment.clone()} dispatch={dispatch.clone()} />
            },
        },
    };
    frame(
        state,
        &dispatch,
        row_topic,
        Some(super::export_button::LayOut(super::laid_out::laid_out)),
        html! { <>{screen}{print_report}</> },
    )
}

/// The workbook's layout waiting to run: the first once the matrix is painted, later ones
/// a moment after the last edit. Held only to be dropped, which cancels it.
enum Prepare {
    AfterPaint {
        _pending: web::AfterPaint,
    },
    AfterEdit {
        _pending: gloo::timers::callback::Timeout,
    },
}

/// A crosswalk row's topic in the app's language, for the banners.
fn row_topic(id: &str) -> Option<String> {
    super::lang::catalog()
        .row(id)
        .map(|row| row.topic.to_string())
}
