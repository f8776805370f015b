//! Components mounted in headless Chromium (wasm-bindgen-test): real DOM, real events.
//! Run with `cargo test --target wasm32-unknown-unknown --test browser`.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

fn mount_app() -> web_sys::Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").expect("div");
    document
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    yew::Renderer::<ims_matrix::ui::App>::with_root(root.clone()).render();
    root
}

async fn next_render() {
    yew::platform::time::sleep(std::time::Duration::ZERO).await;
}

#[wasm_bindgen_test]
async fn start_button_leaves_the_welcome_screen() {
    let root = mount_app();
    next_render().await;
    let title = root
        .query_selector("#welcome-title")
        .expect("query")
        .expect("welcome title");
    assert!(title
        .text_content()
        .unwrap_or_default()
        .contains("One management system"));
    let button: HtmlElement = root
        .query_selector("button.primary")
        .expect("query")
        .expect("start button")
        .dyn_into()
        .expect("html element");
    button.click();
    next_render().await;
    assert!(root
        .query_selector("#welcome-title")
        .expect("query")
        .is_none());
    let heading = root
        .query_selector("h1")
        .expect("query")
        .expect("a heading");
    assert!(!heading.text_content().unwrap_or_default().is_empty());
}
