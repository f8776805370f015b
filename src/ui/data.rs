//! Data: export and import the assessment as JSON, a share link that carries it in the URL
//! fragment, the report, and start over.

use std::rc::Rc;

use yew::prelude::*;

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
                    Ok(text) => match assessment::import(&text, questionnaire::builtin(), catalog::builtin()) {
                        Ok(imported) => Action::Load(imported.assessment, imported.warnings, name.clone()),
                        Err(problem) => error(format!("{name} was not imported: {problem}. Your current assessment is unchanged.")),
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
                text: "Link copied.".into(),
                details: Vec::new(),
            }));
        })
    };
    let reset = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            if web::confirm("Start over? This clears every answer and edit saved in this browser. Export first to keep a copy.") {
                dispatch.emit(Action::Reset);
            }
        })
    };
    html! {
        <section class="data-screen" aria-labelledby="data-title">
            <div class="screen-head">
                <h1 id="data-title" tabindex="-1">{"Your data"}</h1>
                <p class="lead">{"Everything stays in this browser until you export it. Nothing is sent to a server."}</p>
            </div>
            <div class="cards data-cards">
                <div class="card">
                    <h2>{"Excel workbook"}</h2>
                    <p>{"The matrix in both views, the draft Statement of Applicability, the action plan, your answers and a summary with a chart, as one .xlsx file made in your browser."}</p>
                    <super::export_button::ExportButton assessment={props.assessment.clone()} dispatch={dispatch.clone()} primary=true />
                </div>
                <div class="card">
                    <h2>{"Export"}</h2>
                    <p>{"Download your answers and edits as a JSON file, to keep, move to another device or send to your consultant."}</p>
                    <button type="button" class="button" onclick={export}>{"Export assessment (JSON)"}</button>
                </div>
                <div class="card">
                    <h2>{"Import"}</h2>
                    <p>{"Load an exported JSON file. It replaces what is in this browser; a file that cannot be read changes nothing."}</p>
                    <label class="button file-button" for="import-file">{"Choose a JSON file…"}</label>
                    <input id="import-file" class="visually-hidden" type="file" accept="application/json,.json" onchange={import} />
                </div>
                <div class="card">
                    <h2>{"Edited workbook"}</h2>
                    <p>{"Open a workbook this app exported after people filled in status, owner, due date and notes in Excel or LibreOffice. You see every change before it applies. You can also drop the file on this page."}</p>
                    <label class="button file-button" for="open-workbook">{"Open a workbook…"}</label>
                    <input id="open-workbook" class="visually-hidden" type="file" accept=".xlsx,.ods,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.oasis.opendocument.spreadsheet" onchange={open_workbook} />
                </div>
                <div class="card">
                    <h2>{"Share link"}</h2>
                    <p>{"A link that opens this assessment in another browser. The data rides in the part after #, which browsers never send to a server. Anyone with the link can read it."}</p>
                    <button type="button" class="button" onclick={make_link}>{"Create link"}</button>
                    {(!link.is_empty()).then(|| html! {
                        <div class="share">
                            <label for="share-link">{"Link"}</label>
                            <input id="share-link" class="input" type="text" readonly=true value={(*link).clone()} />
                            <button type="button" class="button small" onclick={copy}>{"Copy"}</button>
                        </div>
                    })}
                </div>
                <div class="card">
                    <h2>{"Report"}</h2>
                    <p>{"A report to keep or take to your management: results, plan, Statement of Applicability in brief and every row, for paper or PDF."}</p>
                    <button type="button" class="button" onclick={props.dispatch.reform(|_: MouseEvent| Action::GoTo(Screen::Report))}>{"Open the report"}</button>
                </div>
                <div class="card danger">
                    <h2>{"Start over"}</h2>
                    <p>{"Clear every answer and edit saved in this browser."}</p>
                    <button type="button" class="button" onclick={reset}>{"Start over…"}</button>
                </div>
            </div>
        </section>
    }
}
