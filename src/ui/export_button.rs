//! The "Download Excel" button: builds the workbook in the export worker, shows a busy state
//! meanwhile, and reports success or failure as a notice; never fails silently.

use std::rc::Rc;

use yew::prelude::*;

use super::lang::{decimal, t, tf};
use crate::assessment::Assessment;
use crate::state::{Action, Notice, NoticeKind};
use crate::web;

#[derive(Properties, PartialEq)]
pub struct ExportButtonProps {
    pub assessment: Rc<Assessment>,
    pub dispatch: Callback<Action>,
    #[prop_or_default]
    pub primary: bool,
}

#[component]
pub fn ExportButton(props: &ExportButtonProps) -> Html {
    let busy = use_state(|| false);
    let onclick = {
        let (busy, assessment, dispatch) = (
            busy.clone(),
            props.assessment.clone(),
            props.dispatch.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            if *busy {
                return;
            }
            busy.set(true);
            let date = web::today();
            let file_name = assessment.download_name(&date, "xlsx");
            let (busy, dispatch, shown_name) = (busy.clone(), dispatch.clone(), file_name.clone());
            let brand = web::export::brand();
            web::export::export_workbook(
                &assessment,
                &date,
                brand.as_ref(),
                file_name,
                move |result| {
                    busy.set(false);
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
                                        ("ms", &decimal(exported.build_millis.max(1.0), 0)),
                                    ],
                                ),
                                details: Vec::new(),
                            }
                        }
                        Err(problem) => Notice {
                            kind: NoticeKind::Error,
                            text: tf("export-button.failed", &[("problem", &problem)]),
                            details: Vec::new(),
                        },
                    };
                    dispatch.emit(Action::Notify(notice));
                },
            );
        })
    };
    // The pointer on the button, or focus on it, comes just before a click: have the workbook
    // built now (the worker ignores it when it already has this one).
    let prepare = {
        let assessment = props.assessment.clone();
        move || {
            let brand = web::export::brand();
            web::export::prepare_if_started(&assessment, &web::today(), brand.as_ref());
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
