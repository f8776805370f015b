//! The "Download Excel" button: lays the workbook out and has the export worker write it, shows
//! a busy state meanwhile, and reports success or failure as a notice; never fails silently.
//! The first-visit page has no engine to lay a workbook out: there the button hands over to the
//! full app, which downloads the workbook as it takes over (`AppState::export_requested`).

use std::rc::Rc;

use yew::prelude::*;

use super::laid_out::LaidOut;
use super::lang::{decimal, t, tf};
use crate::assessment::Assessment;
use crate::export::Brand;
use crate::state::{Action, Notice, NoticeKind};
use crate::web;

/// How a root lays a workbook out for the export worker: `ui::laid_out::laid_out` in the full
/// app. A function the root passes in, so that the first-visit page, which passes none, does
/// not carry the engine and the sheets.
#[derive(Clone, Copy)]
pub struct LayOut(pub LayOutFn);

/// The assessment, the date and the brand in; the laid-out workbook, or a message, out.
pub type LayOutFn = fn(&Assessment, &str, Option<&Brand>) -> Result<LaidOut, String>;

impl PartialEq for LayOut {
    fn eq(&self, other: &LayOut) -> bool {
        std::ptr::fn_addr_eq(self.0, other.0)
    }
}

#[derive(Properties, PartialEq)]
pub struct ExportButtonProps {
    pub assessment: Rc<Assessment>,
    pub dispatch: Callback<Action>,
    /// None on the first-visit page: the click hands over to the full app.
    pub lay_out: Option<LayOut>,
    #[prop_or_default]
    pub primary: bool,
}

/// Lays out and downloads the workbook of `assessment`, then tells the user in a notice and
/// calls `finished`.
pub fn download(
    assessment: &Assessment,
    lay_out: LayOut,
    dispatch: Callback<Action>,
    finished: impl FnOnce() + 'static,
) {
    let date = web::today();
    let file_name = assessment.download_name(&date, "xlsx");
    let shown_name = file_name.clone();
    let brand = web::export::brand();
    let failed = |problem: &str| Notice {
        kind: NoticeKind::Error,
        text: tf("export-button.failed", &[("problem", &problem)]),
        details: Vec::new(),
    };
    let laid_out = match (lay_out.0)(assessment, &date, brand.as_ref()) {
        Ok(laid_out) => laid_out,
        Err(problem) => {
            finished();
            dispatch.emit(Action::Notify(failed(&problem)));
            return;
        }
    };
    // The page's layout and the worker's writing, whenever they were done.
    let layout_millis = laid_out.millis;
    web::export::export_workbook(laid_out.bytes, file_name, move |result| {
        finished();
        let notice = match result {
            Ok(exported) => {
                web::embed::post(&crate::embed::Event::Exported {
                    format: "xlsx".into(),
                });
                Notice {
                    kind: NoticeKind::Info,
                    text: tf(
                        "export-button.done",
                        &[
                            ("file", &shown_name),
                            (
                                "ms",
                                &decimal((layout_millis + exported.write_millis).max(1.0), 0),
                            ),
                        ],
                    ),
                    details: Vec::new(),
                }
            }
            Err(problem) => failed(&problem),
        };
        dispatch.emit(Action::Notify(notice));
    });
}

/// Lays the workbook of `assessment` out for today and has the export worker write it ahead
/// of time. A layout that fails is reported by the click, which lays out again.
pub fn prepare_ahead(lay_out: LayOutFn, assessment: &Assessment) {
    let brand = web::export::brand();
    if let Ok(laid_out) = lay_out(assessment, &web::today(), brand.as_ref()) {
        web::export::prepare_workbook(laid_out.bytes);
    }
}

#[component]
pub fn ExportButton(props: &ExportButtonProps) -> Html {
    let busy = use_state(|| false);
    let onclick = {
        let (busy, assessment, dispatch, lay_out) = (
            busy.clone(),
            props.assessment.clone(),
            props.dispatch.clone(),
            props.lay_out,
        );
        Callback::from(move |_: MouseEvent| {
            if *busy {
                return;
            }
            let Some(lay_out) = lay_out else {
                dispatch.emit(Action::ExportInFullApp);
                return;
            };
            busy.set(true);
            let busy = busy.clone();
            download(&assessment, lay_out, dispatch.clone(), move || {
                busy.set(false);
            });
        })
    };
    // The pointer on the button, or focus on it, comes about a tenth of a second before a
    // click: have the workbook laid out and written now (the worker ignores it when it already
    // has this one).
    let prepare = {
        let assessment = props.assessment.clone();
        let lay_out = props.lay_out;
        move || {
            // Never starts the worker: the pointer merely crossing the header on a screen
            // without the matrix does not load it.
            let Some(lay_out) = lay_out.filter(|_| web::export::started()) else {
                return;
            };
            prepare_ahead(lay_out.0, &assessment);
        }
    };
    let (on_pointer, on_focus) = {
        let again = prepare.clone();
        (
            Callback::from(move |_: PointerEvent| prepare()),
            Callback::from(move |_: FocusEvent| again()),
        )
    };
    html! {
        <button type="button" class={classes!("button", "export-button", props.primary.then_some("primary"))}
            onclick={onclick} onpointerenter={on_pointer.clone()} onpointerdown={on_pointer} onfocus={on_focus}
            disabled={*busy} aria-busy={busy.to_string()}>
            {t(if *busy { "export-button.busy" } else { "export-button.download" })}
        </button>
    }
}
