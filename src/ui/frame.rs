//! The frame around every screen, the same in the full app and on the first-visit page: the
//! header (brand, sections, download), the banners, the footer.

use yew::prelude::*;

use super::export_button::ExportButton;
use super::notices::Notices;
use crate::state::{Action, AppState, Screen};
use crate::web;

/// The frame with `screen` inside.
pub fn frame(state: &AppState, dispatch: &Callback<Action>, screen: Html) -> Html {
    html! {
        <div class="app">
            <a class="skip-link" href="#main">{"Skip to content"}</a>
            <header class="app-header">
                <Brand />
                {if state.started && state.screen != Screen::Welcome {
                    html! {
                        <div class="header-tools">
                            <Nav screen={state.screen} dispatch={dispatch.clone()} />
                            <button type="button" class={classes!("button", "header-report", (state.screen == Screen::Report).then_some("current"))}
                                aria-current={(state.screen == Screen::Report).then_some("page")}
                                onclick={dispatch.reform(|_: MouseEvent| Action::GoTo(Screen::Report))}>
                                {"Report"}
                            </button>
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
                    undo={state.undo.as_ref().map(|u| u.source.clone())}
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
