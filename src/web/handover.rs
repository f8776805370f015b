//! The hand-over from the first-visit page to the full app, in the page: the state travels as
//! JSON in a `data-handover` attribute of `#app`, and the full app's start-up script, whose
//! hashed name the build writes into `<meta name="ims-matrix-app">`
//! (`scripts/externalize-start-script.mjs`), is added to the page.

use crate::state::{Handover, Screen};

const ATTRIBUTE: &str = "data-handover";

fn app_element() -> Option<web_sys::Element> {
    if !cfg!(target_arch = "wasm32") {
        return None;
    }
    gloo::utils::document().get_element_by_id("app")
}

fn say(app: &web_sys::Element, text: &str) {
    let document = gloo::utils::document();
    if let Ok(paragraph) = document.create_element("p") {
        paragraph.set_class_name("loading");
        let _ = paragraph.set_attribute("role", "status");
        paragraph.set_text_content(Some(text));
        app.set_text_content(None);
        let _ = app.append_child(&paragraph);
    }
}

/// Loads the full app in place of the first-visit page, which the caller has unmounted.
pub fn load_full_app(handover: &Handover) {
    let Some(app) = app_element() else {
        return;
    };
    let document = gloo::utils::document();
    if let Ok(json) = serde_json::to_string(handover) {
        let _ = app.set_attribute(ATTRIBUTE, &json);
    }
    let texts = super::texts();
    say(&app, texts.get("handover.opening"));
    let source = super::meta_content("ims-matrix-app");
    let Some(source) = source else {
        say(&app, texts.get("handover.incomplete"));
        return;
    };
    let Ok(script) = document.create_element("script") else {
        return;
    };
    let _ = script.set_attribute("type", "module");
    let _ = script.set_attribute("src", &source);
    gloo::events::EventListener::once(&script, "error", move |_| {
        if let Some(app) = app_element() {
            say(&app, texts.get("handover.not-loaded"));
        }
    })
    .forget();
    if let Some(head) = document.head() {
        let _ = head.append_child(&script);
    }
    if Screen::from_id(&handover.screen).is_some_and(|screen| !screen.on_first_visit_page()) {
        super::export::start_for_full_app();
    }
}

/// What the first-visit page handed over, read once (the attribute is removed).
pub fn take() -> Option<Handover> {
    let app = app_element()?;
    let json = app.get_attribute(ATTRIBUTE)?;
    let _ = app.remove_attribute(ATTRIBUTE);
    serde_json::from_str(&json).ok()
}

/// Where a file the visitor chose or dropped on the first-visit page waits for the full app:
/// both run in the same page, so the full app finds it on the window.
const FILE_KEY: &str = "imsMatrixOpenFile";

/// Keeps `file` for the full app to open once it takes over.
pub fn stash_file(file: &web_sys::File) {
    if let Some(window) = app_element().and_then(|_| web_sys::window()) {
        let _ = js_sys::Reflect::set(&window, &FILE_KEY.into(), file);
    }
}

/// The file the first-visit page kept, once.
pub fn take_file() -> Option<web_sys::File> {
    use wasm_bindgen::JsCast;
    let window = app_element().and_then(|_| web_sys::window())?;
    let value = js_sys::Reflect::get(&window, &FILE_KEY.into()).ok()?;
    let _ = js_sys::Reflect::delete_property(&window, &FILE_KEY.into());
    value.dyn_into::<web_sys::File>().ok()
}
