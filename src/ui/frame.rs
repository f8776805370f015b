//! The frame around every screen, the same in the full app and on the first-visit page: the
//! header (brand, sections, download), the banners, the footer.

use yew::prelude::*;

use super::export_button::{ExportButton, LayOut};
use super::lang::{t, tf};
use super::notices::{self, Notices};
use crate::i18n;
use crate::state::{Action, AppState, Notice, NoticeKind, Screen};
use crate::web;

/// The frame with `screen` inside. `row_topic` names a crosswalk row in the banners;
/// `lay_out` is how the root lays a workbook out for Download (none on the first-visit page).
pub fn frame(
    state: &AppState,
    dispatch: &Callback<Action>,
    row_topic: fn(&str) -> Option<String>,
    lay_out: Option<LayOut>,
    screen: Html,
) -> Html {
    html! {
        // Keyed by the language: choosing another remounts every screen in it.
        <div class="app" key={state.lang.clone()}>
            <a class="skip-link" href="#main">{t("frame.skip-to-content")}</a>
            <header class="app-header">
                <Brand />
                <LanguageSwitch lang={state.lang.clone()} dispatch={dispatch.clone()} />
                {if state.started && state.screen != Screen::Welcome {
                    html! {
                        <div class="header-tools">
                            <Nav screen={state.screen} dispatch={dispatch.clone()} />
                            <button type="button" class={classes!("button", "header-report", (state.screen == Screen::Report).then_some("current"))}
                                aria-current={(state.screen == Screen::Report).then_some("page")}
                                onclick={dispatch.reform(|_: MouseEvent| Action::GoTo(Screen::Report))}>
                                {t("frame.report")}
                            </button>
                            <ExportButton assessment={state.assessment.clone()} dispatch={dispatch.clone()} lay_out={lay_out} primary=true />
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
                    offer={state.offer.as_ref().map(|o| o.assessment.organisation().unwrap_or(t("frame.an-organisation")).to_owned())}
                    tab_conflicts={state.tab_conflicts.as_ref().map(|c| notices::conflict_lines(c, row_topic))}
                    undo={state.undo.as_ref().map(|u| u.source.clone())}
                    dispatch={dispatch.clone()}
                />
                {screen}
            </main>
            <footer class="app-footer">
                <p>
                    {t("frame.footer.wording")}{" "}
                    {match web::embed::config().shares_with_in(super::lang::texts()) {
                        None => t("frame.footer.stays").to_owned(),
                        Some(host) => tf("frame.footer.stays-but-summary", &[("host", &host)]),
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
        (t("frame.nav.questionnaire"), Screen::Wizard(0)),
        (t("frame.nav.matrix"), Screen::Matrix),
        (t("frame.nav.heatmap"), Screen::Heatmap),
        (t("frame.nav.summary"), Screen::Summary),
        (t("frame.nav.data"), Screen::Data),
    ];
    html! {
        <nav class="app-nav" aria-label={t("frame.nav.label")}>
            <ul>
                {for tabs.into_iter().map(|(label, target)| {
                    let current = match (props.screen, target) {
                        (Screen::Wizard(_), Screen::Wizard(_)) => true,
                        (Screen::Review, Screen::Data) => true,
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
                <span class="powered">{t("frame.powered-by")}</span>
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

#[derive(Properties, PartialEq)]
struct LanguageSwitchProps {
    lang: String,
    dispatch: Callback<Action>,
}

/// The language menu in the header: each language named in itself. Choosing one loads its
/// texts (a file fetched the first time), remembers the choice and shows every screen in it;
/// if the file cannot be loaded, the app says so and stays as it is.
#[component]
fn LanguageSwitch(props: &LanguageSwitchProps) -> Html {
    let dispatch = props.dispatch.clone();
    let onchange = Callback::from(move |event: Event| {
        let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
        let lang = select.value();
        let dispatch = dispatch.clone();
        wasm_bindgen_futures::spawn_local(async move {
            match web::lang::load(&lang).await {
                Ok((texts, bundle)) => {
                    super::lang::set(texts, bundle.as_deref());
                    web::lang::remember(&lang);
                    dispatch.emit(Action::SetLanguage(lang));
                }
                Err(message) => dispatch.emit(Action::Notify(Notice {
                    kind: NoticeKind::Error,
                    text: message,
                    details: Vec::new(),
                })),
            }
        });
    });
    html! {
        <label class="language-switch">
            <span class="visually-hidden">{t("frame.language")}</span>
            <select onchange={onchange}>
                {for i18n::LANGUAGES.iter().map(|(code, name)| html! {
                    <option value={*code} lang={*code} selected={*code == props.lang}>{*name}</option>
                })}
            </select>
        </label>
    }
}
