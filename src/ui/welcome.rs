//! The welcome screen: what the tool does, how long it takes, that nothing leaves the browser.

use yew::prelude::*;

use crate::catalog::{self, RowKind, StandardId};

#[derive(Properties, PartialEq)]
pub struct WelcomeProps {
    pub on_start: Callback<()>,
    /// Saved answers exist: offer to resume them.
    #[prop_or_default]
    pub resumable: bool,
    #[prop_or_default]
    pub on_resume: Callback<()>,
    #[prop_or_default]
    pub on_matrix: Callback<()>,
    /// Who receives the summary when the visitor finishes, when the host enabled sharing.
    #[prop_or_default]
    pub shares_with: Option<String>,
    /// A workbook or assessment file the visitor chose to open.
    #[prop_or_default]
    pub on_file: Callback<web_sys::File>,
}

#[component]
pub fn Welcome(props: &WelcomeProps) -> Html {
    let catalog = catalog::builtin();
    let controls_2022 = catalog
        .standard(StandardId::Iso27001_2022)
        .controls()
        .count();
    let rows = catalog.crosswalk.len();
    let shared = catalog
        .crosswalk
        .iter()
        .filter(|row| matches!(row.kind, RowKind::Common | RowKind::Integrated))
        .count();
    let on_click = props.on_start.reform(|_: MouseEvent| ());
    let on_file = {
        let on_file = props.on_file.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                input.set_value("");
                on_file.emit(file);
            }
        })
    };
    let actions = if props.resumable {
        html! {
            <>
                <button type="button" class="button primary large" onclick={props.on_resume.reform(|_: MouseEvent| ())}>{"Resume where you left off"}</button>
                <button type="button" class="button large" onclick={props.on_matrix.reform(|_: MouseEvent| ())}>{"Open my matrix"}</button>
            </>
        }
    } else {
        html! {
            <>
                <button type="button" class="button primary large" onclick={on_click}>{"Start the questionnaire"}</button>
                <span class="duration">{"About 10 minutes · no account"}</span>
            </>
        }
    };
    html! {
        <section class="welcome" aria-labelledby="welcome-title">
            <p class="eyebrow">{"Integrated management system scoping"}</p>
            <h1 id="welcome-title">{"One management system for ISO/IEC 27001 and ISO/IEC 20000-1"}</h1>
            <p class="lead">
                {"Answer a short scoping questionnaire and get your integration matrix: what the two standards share, \
                  what runs as one process, what belongs to one standard only, what you already have and what is left to do. \
                  Then download it as an Excel workbook."}
            </p>
            <div class="welcome-actions">
                {actions}
            </div>
            <p class="welcome-open">
                <label class="link-button" for="welcome-open">{"Open an edited workbook or an assessment file…"}</label>
                <input id="welcome-open" class="visually-hidden" type="file" accept=".xlsx,.ods,.json,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.oasis.opendocument.spreadsheet" onchange={on_file} />
            </p>
            <p class="privacy">
                <svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                    <path d="M4 7V5a4 4 0 1 1 8 0v2h.5A1.5 1.5 0 0 1 14 8.5v5A1.5 1.5 0 0 1 12.5 15h-9A1.5 1.5 0 0 1 2 13.5v-5A1.5 1.5 0 0 1 3.5 7H4Zm2 0h4V5a2 2 0 1 0-4 0v2Z" />
                </svg>
                {match &props.shares_with {
                    None => "Nothing leaves your browser. Your answers are saved on this device only, and you can come back to them later.".to_owned(),
                    Some(host) => format!("Your answers are saved on this device only. When you finish the questionnaire, {host} receives your summary (readiness, counts and top actions; never your notes)."),
                }}
            </p>
            <ol class="steps" aria-label="How it works">
                <li class="step">
                    <span class="step-number" aria-hidden="true">{"1"}</span>
                    <h2>{"Scope"}</h2>
                    <p>{"Your starting point, editions, scope facts and how mature each element already is."}</p>
                </li>
                <li class="step">
                    <span class="step-number" aria-hidden="true">{"2"}</span>
                    <h2>{"Matrix"}</h2>
                    <p>{format!("{rows} integration rows, {shared} of them shared by both standards, filtered, grouped and annotated for your organisation.")}</p>
                </li>
                <li class="step">
                    <span class="step-number" aria-hidden="true">{"3"}</span>
                    <h2>{"Workbook"}</h2>
                    <p>{format!("Matrix, draft Statement of Applicability over all {controls_2022} Annex A controls, action plan and your answers, as .xlsx.")}</p>
                </li>
            </ol>
            <p class="editions">{"Covers ISO/IEC 27001:2022 and :2013, ISO/IEC 20000-1:2018 and :2011, with the transition between editions."}</p>
        </section>
    }
}
