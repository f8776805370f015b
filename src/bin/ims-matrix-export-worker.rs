//! The export worker: Trunk builds this binary as a web worker (`data-type="worker"` in
//! index.html); the page starts it as the visitor goes on to the matrix screens, so the workbook
//! writer is never part of the first page load. This file is the worker's browser glue:
//! messages in and out (the protocol is in `ims_matrix::protocol`); the work itself is
//! `export::request`, pure.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use ims_matrix::assessment::SAMPLE_JSON;
use ims_matrix::export::request::{handle, handle_language, LastWorkbook};
use ims_matrix::protocol::{request_json, Kind, EARLY_MESSAGES};

fn main() {
    start();
}

fn reply(
    ok: bool,
    bytes: Option<&[u8]>,
    error: Option<String>,
    millis: f64,
    prepared: bool,
) -> (js_sys::Object, js_sys::Array) {
    let object = js_sys::Object::new();
    let transfer = js_sys::Array::new();
    let set = |key: &str, value: &JsValue| {
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), value);
    };
    set("ok", &JsValue::from_bool(ok));
    set("millis", &JsValue::from_f64(millis));
    set("prepared", &JsValue::from_bool(prepared));
    if let Some(bytes) = bytes {
        let array = js_sys::Uint8Array::from(bytes);
        transfer.push(&array.buffer());
        set("bytes", &array);
    }
    if let Some(error) = error {
        set("error", &JsValue::from_str(&error));
    }
    (object, transfer)
}

fn now(scope: &web_sys::DedicatedWorkerGlobalScope) -> f64 {
    scope
        .performance()
        .map_or_else(js_sys::Date::now, |p| p.now())
}

/// One message from the page: a prepare builds and keeps the workbook (and says so); an export
/// replies with the kept workbook when it was built for the same request, else builds it.
fn on_message(
    scope: &web_sys::DedicatedWorkerGlobalScope,
    last: &mut LastWorkbook,
    data: &JsValue,
) {
    let field = |key: &str| {
        js_sys::Reflect::get(data, &JsValue::from_str(key))
            .ok()
            .and_then(|v| v.as_string())
    };
    let (kind, request) = match (
        field("kind").as_deref().and_then(Kind::parse),
        field("request"),
    ) {
        (Some(kind), Some(request)) => (kind, request),
        _ => {
            let (message, transfer) = reply(
                false,
                None,
                Some("bad export request: not a request".to_owned()),
                0.0,
                false,
            );
            let _ = scope.post_message_with_transfer(&message, &transfer);
            return;
        }
    };
    if kind == Kind::Language {
        // Failing here shows when the export in that language reports the language missing.
        let _ = handle_language(&request);
        return;
    }
    if let Some((bytes, millis)) = last.for_request(&request) {
        if kind == Kind::Export {
            let (message, transfer) = reply(true, Some(bytes), None, millis, true);
            let _ = scope.post_message_with_transfer(&message, &transfer);
        }
        return;
    }
    let started = now(scope);
    let result = handle(&request);
    let millis = now(scope) - started;
    match (kind, result) {
        (Kind::Export, Ok(bytes)) => {
            let (message, transfer) = reply(true, Some(&bytes), None, millis, false);
            let _ = scope.post_message_with_transfer(&message, &transfer);
            last.keep(request, bytes, millis);
        }
        (Kind::Export, Err(error)) => {
            let (message, transfer) = reply(false, None, Some(error), millis, false);
            let _ = scope.post_message_with_transfer(&message, &transfer);
        }
        (Kind::Prepare, Ok(bytes)) => {
            last.keep(request, bytes, millis);
            let _ = scope.post_message(&JsValue::from_str(&format!("prepared {millis:.1}")));
        }
        // The export of the same request will build it again and report the problem.
        (Kind::Prepare, Err(_)) | (Kind::Language, _) => {}
    }
}

/// Messages the page posted before the wasm was ready, which the loader kept
/// (`scripts/hash-workers.mjs`): the first-visit page's request for the visitor's own workbook,
/// and the languages it needs.
fn early_messages(scope: &web_sys::DedicatedWorkerGlobalScope) -> Vec<JsValue> {
    js_sys::Reflect::get(scope, &JsValue::from_str(EARLY_MESSAGES))
        .ok()
        .and_then(|queue| queue.dyn_into::<js_sys::Array>().ok())
        .map(|queue| queue.iter().collect())
        .unwrap_or_default()
}

/// Installs the message handler, builds a first workbook so that an export's code is compiled
/// before the user's first request, and says ready.
fn start() {
    ims_matrix::i18n::Texts::add_all_english();
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let mut last = LastWorkbook::default();
    // V8 compiles WebAssembly lazily, function by function, on first call: the first workbook
    // pays for compiling everything an export needs (about 250 ms in headless Chromium on this
    // project's 2-core machine), and the next one still runs partly in baseline code. When the
    // first-visit page started this worker as it handed over, it sent the visitor's request:
    // that workbook is the warm-up, and kept, so a click the moment the matrix shows takes it
    // at once. Otherwise the sample is the warm-up, and its output is thrown away; a request
    // the page's busy main thread passed on late is then built next, by the handler. The worker
    // does not warm up further: the workbooks the page builds ahead of time are the warm-up,
    // and cost nothing when nobody edits.
    for message in early_messages(&scope) {
        on_message(&scope, &mut last, &message);
    }
    if last.is_empty() {
        let _ = handle(&request_json(SAMPLE_JSON, "2000-01-01", None));
    }
    let replies = scope.clone();
    let handler =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            on_message(&replies, &mut last, &event.data());
        });
    scope.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    handler.forget();
    let _ = scope.post_message(&JsValue::from_str("ready"));
}
