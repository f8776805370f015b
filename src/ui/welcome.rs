//! The welcome screen: what the tool does, how long it takes, that nothing leaves the browser.

use yew::prelude::*;

use super::lang::{integer, t, tf};
use crate::catalog;

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
    // Counts only, the same in every language; the index, because a first visit does not carry
    // the catalog.
    let index = catalog::builtin_index();
    let controls_2022 = index.controls_2022.len();
    let rows = index.rows.len();
    let shared = index.shared_rows();
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
                <button type="button" class="button primary large" onclick={props.on_resume.reform(|_: MouseEvent| ())}>{t("welcome.resume")}</button>
                <button type="button" class="button large" onclick={props.on_matrix.reform(|_: MouseEvent| ())}>{t("welcome.open-matrix")}</button>
            </>
        }
    } else {
        html! {
            <>
                <button type="button" class="button primary large" onclick={on_click}>{t("welcome.start")}</button>
                <span class="duration">{t("welcome.duration")}</span>
            </>
        }
    };
    html! {
        <section class="welcome" aria-labelledby="welcome-title">
            <p class="eyebrow">{t("welcome.eyebrow")}</p>
            <h1 id="welcome-title">{t("welcome.title")}</h1>
            <p class="lead">
                {t("welcome.lead")}
            </p>
            <div class="welcome-actions">
                {actions}
            </div>
            <p class="welcome-open">
                <label class="link-button" for="welcome-open">{t("welcome.open-file")}</label>
                <input id="welcome-open" class="visually-hidden" type="file" accept=".xlsx,.ods,.json,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.oasis.opendocument.spreadsheet" onchange={on_file} />
            </p>
            <p class="privacy">
                <svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                    <path d="M4 7V5a4 4 0 1 1 8 0v2h.5A1.5 1.5 0 0 1 14 8.5v5A1.5 1.5 0 0 1 12.5 15h-9A1.5 1.5 0 0 1 2 13.5v-5A1.5 1.5 0 0 1 3.5 7H4Zm2 0h4V5a2 2 0 1 0-4 0v2Z" />
                </svg>
                {match &props.shares_with {
                    None => t("welcome.privacy").to_owned(),
                    Some(host) => tf("welcome.privacy-shared", &[("host", host)]),
                }}
            </p>
            <ol class="steps" aria-label={t("welcome.steps.label")}>
                <li class="step">
                    <span class="step-number" aria-hidden="true">{"1"}</span>
                    <h2>{t("welcome.step.scope.title")}</h2>
                    <p>{t("welcome.step.scope.text")}</p>
                </li>
                <li class="step">
                    <span class="step-number" aria-hidden="true">{"2"}</span>
                    <h2>{t("welcome.step.matrix.title")}</h2>
                    <p>{tf("welcome.step.matrix.text", &[("rows", &integer(rows as i64)), ("shared", &integer(shared as i64))])}</p>
                </li>
                <li class="step">
                    <span class="step-number" aria-hidden="true">{"3"}</span>
                    <h2>{t("welcome.step.workbook.title")}</h2>
                    <p>{tf("welcome.step.workbook.text", &[("controls", &integer(controls_2022 as i64))])}</p>
                </li>
            </ol>
            <p class="editions">{t("welcome.editions")}</p>
        </section>
    }
}
