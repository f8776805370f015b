//! The workbook reader: Trunk builds this binary as a web worker (`data-type="worker"` in
//! index.html); the page starts it the first time the user opens a workbook, so neither the
//! first visit nor the export worker carries the spreadsheet reader (calamine and its XML and
//! text-encoding tables). This file is the worker's browser glue; the work is
//! `export::request::handle_read`, pure.
//!
//! It posts `"ready"` once it takes requests. The page posts `{request, bytes, lang, bundle}`:
//! `request` the JSON of the assessment in use (compared with when the workbook carries none),
//! `bytes` the file as a `Uint8Array`, `lang` the page's language and `bundle` its texts (absent
//! for English), which the worker installs the first time. The reply is `{ok: true, review, millis}` (`review`: the JSON of an
//! `assessment::Review`) or `{ok: false, error, millis}`.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use ims_matrix::export::request::{handle_read, warm_reader};
use ims_matrix::i18n::Texts;

fn main() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let handler =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            read(&replies, &event.data());
        });
    scope.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    handler.forget();
    // The review's words and the refusals are beyond the first visit's English.
    Texts::add_all_english();
    // The data a read compares with is parsed once, before the first file arrives.
    warm_reader();
    let _ = scope.post_message(&JsValue::from_str("ready"));
}

fn read(scope: &web_sys::DedicatedWorkerGlobalScope, data: &JsValue) {
    let now = || {
        scope
            .performance()
            .map_or_else(js_sys::Date::now, |p| p.now())
    };
    let started = now();
    let field = |key: &str| js_sys::Reflect::get(data, &JsValue::from_str(key)).ok();
    let given = field("request")
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    let bytes = field("bytes")
        .filter(|b| b.is_instance_of::<js_sys::Uint8Array>())
        .map(|b| js_sys::Uint8Array::new(&b).to_vec());
    let lang = field("lang")
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| "en".to_owned());
    if let Some(bundle) = field("bundle").and_then(|v| v.as_string()) {
        // A bundle that does not read leaves the review in English: still a review.
        if Texts::installed(&lang).is_none() {
            let _ = Texts::install(&lang, &bundle);
        }
    }
    let result = match bytes {
        Some(bytes) => handle_read(&bytes, &given, &lang),
        None => Err("bad read request: no file".to_owned()),
    };
    let reply = js_sys::Object::new();
    let set = |key: &str, value: &JsValue| {
        let _ = js_sys::Reflect::set(&reply, &JsValue::from_str(key), value);
    };
    set("ok", &JsValue::from_bool(result.is_ok()));
    set("millis", &JsValue::from_f64(now() - started));
    match &result {
        Ok(review) => set("review", &JsValue::from_str(review)),
        Err(error) => set("error", &JsValue::from_str(error)),
    }
    let _ = scope.post_message(&reply);
}
