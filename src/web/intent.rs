//! What a new visitor did on index.html's static copy of the welcome screen before this page
//! loaded: started the questionnaire, opened a file or chose a language. `www/start.js` shows
//! that copy while nothing else has loaded, loads this page when the visitor acts, and leaves
//! what they did on `window.imsMatrixIntent` (`{ action: "start" | "open", file, lang }`), which
//! the page carries out once.

use wasm_bindgen::{JsCast, JsValue};

const GLOBAL: &str = "imsMatrixIntent";

/// An action to carry out as the page mounts.
pub enum Intent {
    /// "Start the questionnaire".
    Start,
    /// A file chosen or dropped on the static screen.
    Open(web_sys::File),
}

fn intent() -> Option<JsValue> {
    if !super::in_browser() {
        return None;
    }
    js_sys::Reflect::get(&gloo::utils::window(), &GLOBAL.into())
        .ok()
        .filter(JsValue::is_object)
}

fn field(intent: &JsValue, name: &str) -> Option<JsValue> {
    js_sys::Reflect::get(intent, &name.into())
        .ok()
        .filter(|value| !value.is_undefined() && !value.is_null())
}

/// The language the visitor chose on the static screen, if they did.
pub fn language() -> Option<String> {
    field(&intent()?, "lang")?.as_string()
}

/// The action the visitor took on the static screen, once: a second call returns `None`.
pub fn take() -> Option<Intent> {
    let intent = intent()?;
    let _ = js_sys::Reflect::delete_property(&gloo::utils::window(), &GLOBAL.into());
    match field(&intent, "action")?.as_string()?.as_str() {
        "start" => Some(Intent::Start),
        "open" => field(&intent, "file")?
            .dyn_into::<web_sys::File>()
            .ok()
            .map(Intent::Open),
        _ => None,
    }
}
