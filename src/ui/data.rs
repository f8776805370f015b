//! Data: export and import the assessment as JSON, a share link that carries it in the URL
//! fragment, the report, and start over.

use std::rc::Rc;

use yew::prelude::*;

use super::lang::{t, texts, tf};
use crate::assessment::{self, Assessment};
use crate::state::{Action, Notice, NoticeKind, Screen};
use crate::{catalog, questionnaire, web};

#[derive(Properties, PartialEq)]
pub struct DataProps {
    pub assessment: Rc<Assessment>,
    pub dispatch: Callback<Action>,
}

fn error(text: String) -> Action {
    Action::Notify(Notice {
        kind: NoticeKind::Error,
        text,
        details: Vec::new(),
    })
}

#[component]
pub fn DataScreen(props: &DataProps) -> Html {
    let dispatch = &props.dispatch;
    let link = use_state(String::new);
    let export = {
        let assessment = props.assessment.clone();
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            let name = assessment.download_name(&web::today(), "json");
            if let Err(problem) =
                web::download(&name, "application/json", assessment.to_json().as_bytes())
            {
                dispatch.emit(error(problem));
            }
        })
    };
    let import = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            input.set_value("");
            let name = file.name();
            let dispatch = dispatch.clone();
            web::read_file(file, move |text| {
                let action = match text {
                    Err(problem) => error(problem),
                    Ok(text) => match assessment::import_in(
                        &text,
                        questionnaire::questions(),
                        catalog::builtin_index(),
                        texts(),
                    ) {
                        Ok(imported) => {
                            Action::Load(imported.assessment, imported.warnings, name.clone())
                        }
                        Err(problem) => error(tf(
                            "data.import.failed",
                            &[("name", &name), ("problem", &problem.message(texts()))],
                        )),
                    },
                };
                dispatch.emit(action);
            });
        })
    };
    let open_workbook = {
        let (dispatch, assessment) = (dispatch.clone(), props.assessment.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            input.set_value("");
            super::open_file::open(file, assessment.clone(), dispatch.clone());
        })
    };
    let make_link = {
        let assessment = props.assessment.clone();
        let link = link.clone();
        Callback::from(move |_: MouseEvent| link.set(web::share_link(&assessment)))
    };
    let copy = {
        let link = link.clone();
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            web::copy_to_clipboard(&link);
            dispatch.emit(Action::Notify(Notice {
                kind: NoticeKind::Info,
                text: t("data.share.copied").to_owned(),
                details: Vec::new(),
            }));
        })
    };
    let reset = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            if web::confirm(t("data.reset.confirm")) {
                dispatch.emit(Action::Reset);
            }
        })
    };
    html! {
        <section class="data-screen" aria-labelledby="data-title">
            <div class="screen-head">
                <h1 id="data-title" tabindex="-1">{t("data.title")}</h1>
                <p class="lead">{t("data.lead")}</p>
            </div>
            <div class="cards data-cards">
                <div class="card">
                    <h2>{t("data.workbook.heading")}</h2>
                    <p>{t("data.workbook.text")}</p>
                    <super::export_button::ExportButton assessment={props.assessment.clone()} dispatch={dispatch.clone()} lay_out={Some(super::export_button::LayOut(super::laid_out::laid_out))} primary=true />
                </div>
                <div class="card">
                    <h2>{t("data.export.heading")}</h2>
                    <p>{t("data.export.text")}</p>
                    <button type="button" class="button" onclick={export}>{t("data.export.button")}</button>
                </div>
                <div class="card">
                    <h2>{t("data.import.heading")}</h2>
                    <p>{t("data.import.text")}</p>
                    <label class="button file-button" for="import-file">{t("data.import.button")}</label>
                    <input id="import-file" class="visually-hidden" type="file" accept="application/json,.json" onchange={import} />
                </div>
                <div class="card">
                    <h2>{t("data.edited.heading")}</h2>
                    <p>{t("data.edited.text")}</p>
                    <label class="button file-button" for="open-workbook">{t("data.edited.button")}</label>
                    <input id="open-workbook" class="visually-hidden" type="file" accept=".xlsx,.ods,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.oasis.opendocument.spreadsheet" onchange={open_workbook} />
                </div>
                <div class="card">
                    <h2>{t("data.share.heading")}</h2>
                    <p>{t("data.share.text")}</p>
                    <button type="button" class="button" onclick={make_link}>{t("data.share.create")}</button>
                    {(!link.is_empty()).then(|| html! {
                        <div class="share">
                            <label for="share-link">{t("data.share.link")}</label>
                            <input id="share-link" class="input" type="text" readonly=true value={(*link).clone()} />
                            <button type="button" class="button small" onclick={copy}>{t("data.share.copy")}</button>
                        </div>
                    })}
                </div>
                <div class="card">
                    <h2>{t("data.report.heading")}</h2>
                    <p>{t("data.report.text")}</p>
                    <button type="button" class="button" onclick={props.dispatch.reform(|_: MouseEvent| Action::GoTo(Screen::Report))}>{t("data.report.open")}</button>
                </div>
                <div class="card danger">
                    <h2>{t("data.reset.heading")}</h2>
                    <p>{t("data.reset.text")}</p>
                    <button type="button" class="button" onclick={reset}>{t("data.reset.button")}</button>
                </div>
            </div>
        </section>
    }
}
