//! The export worker: Trunk builds this binary as a web worker (`data-type="worker"` in
//! index.html); the page starts it as the visitor goes on to the matrix screens, so the workbook
//! writer is never part of the first page load. This file is the worker's browser glue:
//! messages in and out (the protocol is in `ims_matrix::protocol`); the work itself is
//! `export::request`, pure. The page lays the workbook out; this worker only writes the file,
//! so it carries no engine, catalog or texts.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use ims_matrix::export::request::{handle, warm_up, LastWorkbook};
use ims_matrix::protocol::Kind;

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

/// One message from the page: a prepare writes and keeps the file (and says so); an export
/// replies with the kept file when it was written from the same bytes, else writes it.
fn on_message(
    scope: &web_sys::DedicatedWorkerGlobalScope,
    last: &mut LastWorkbook,
    data: &JsValue,
) {
    let kind = js_sys::Reflect::get(data, &JsValue::from_str("kind"))
        .ok()
        .and_then(|v| v.as_string())
        .as_deref()
        .and_then(Kind::parse);
    let laid_out = js_sys::Reflect::get(data, &JsValue::from_str("workbook"))
        .ok()
        .and_then(|v| v.dyn_into::<js_sys::Uint8Array>().ok());
    let (Some(kind), Some(laid_out)) = (kind, laid_out) else {
        let (message, transfer) = reply(
            false,
            None,
            Some("bad export request: not a request".to_owned()),
            0.0,
            false,
        );
        let _ = scope.post_message_with_transfer(&message, &transfer);
        return;
    };
    let laid_out = laid_out.to_vec();
    if let Some((bytes, millis)) = last.for_laid_out(&laid_out) {
        if kind == Kind::Export {
            let (message, transfer) = reply(true, Some(bytes), None, millis, true);
            let _ = scope.post_message_with_transfer(&message, &transfer);
        }
        return;
    }
    let started = now(scope);
    let result = handle(&laid_out);
    let millis = now(scope) - started;
    match (kind, result) {
        (Kind::Export, Ok(bytes)) => {
            let (message, transfer) = reply(true, Some(&bytes), None, millis, false);
            let _ = scope.post_message_with_transfer(&message, &transfer);
            last.keep(laid_out, bytes, millis);
        }
        (Kind::Export, Err(error)) => {
            let (message, transfer) = reply(false, None, Some(error), millis, false);
            let _ = scope.post_message_with_transfer(&message, &transfer);
        }
        (Kind::Prepare, Ok(bytes)) => {
            last.keep(laid_out, bytes, millis);
            let _ = scope.post_message(&JsValue::from_str(&format!("prepared {millis:.1}")));
        }
        // The export of the same bytes will write them again and report the problem.
        (Kind::Prepare, Err(_)) => {}
    }
}

/// Writes one workbook so that the writer's code is compiled before the user's first request,
/// installs the message handler and says ready.
fn start() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    // V8 compiles WebAssembly lazily, function by function, on first call: the first workbook
    // pays for compiling everything a write needs, and the next one still runs partly in
    // baseline code. The warm-up is a workbook with every part, made here (the page lays out
    // the real ones); the workbooks the page has written ahead of time warm it further, and
    // cost nothing when nobody edits. Messages sent meanwhile wait in the worker's queue: the
    // page posts none before "ready".
    warm_up();
    let mut last = LastWorkbook::default();
    let replies = scope.clone();
    let handler =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            on_message(&replies, &mut last, &event.data());
        });
    scope.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    handler.forget();
    let _ = scope.post_message(&JsValue::from_str("ready"));
}
