//! Components rendered to HTML natively (Yew SSR): what a given state shows, in milliseconds.
#![cfg(not(target_arch = "wasm32"))]

use ims_matrix::ui::{App, Welcome, WelcomeProps};
use yew::{Callback, LocalServerRenderer};

#[tokio::test]
async fn welcome_says_what_it_does_how_long_and_that_nothing_leaves_the_browser() {
    let html = LocalServerRenderer::<Welcome>::with_props(WelcomeProps {
        on_start: Callback::noop(),
    })
    .hydratable(false)
    .render()
    .await;
    assert!(html.contains("One management system for ISO/IEC 27001 and ISO/IEC 20000-1"));
    assert!(html.contains("About 10 minutes"));
    assert!(html.contains("Nothing leaves your browser"));
    assert!(
        html.contains(
            r#"<button type="button" class="button primary large">Start the questionnaire</button>"#
        ),
        "{html}"
    );
    // Figures come from the catalog, not from the markup.
    assert!(html.contains("all 93 Annex A controls"), "{html}");
    let rows = ims_matrix::catalog::builtin().crosswalk.len();
    assert!(html.contains(&format!("{rows} integration rows")), "{html}");
}

#[tokio::test]
async fn app_opens_on_the_welcome_screen_inside_the_page_frame() {
    let html = LocalServerRenderer::<App>::new()
        .hydratable(false)
        .render()
        .await;
    assert!(
        html.contains(r#"<main id="main" class="app-main">"#),
        "{html}"
    );
    assert!(html.contains("welcome-title"));
    assert!(!html.contains("Scoping questionnaire"));
}
