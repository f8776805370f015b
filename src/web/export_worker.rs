//! Inside the export worker: receives an export request as JSON, builds the matrix and the
//! workbook with the core, and posts the bytes back (transferred, not copied).
//!
//! Protocol with `web::export`: the worker posts the string `"ready"` once it can take requests;
//! a request is a JSON string `{"assessment": <assessment JSON>, "date": "YYYY-MM-DD",
//! "brand": {"name": .., "contact": ..} | null}`; the reply is an object `{ok: true, bytes:
//! Uint8Array, millis}` or `{ok: false, error}`.

use serde::Deserialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::assessment::{self, Assessment};
use crate::export::{self, Brand, ExportOptions};
use crate::{catalog, matrix, questionnaire};

#[derive(Deserialize)]
struct Request {
    assessment: serde_json::Value,
    date: String,
    #[serde(default)]
    brand: Option<BrandRequest>,
}

#[derive(Deserialize)]
struct BrandRequest {
    name: String,
    #[serde(default)]
    contact: String,
}

/// Builds the workbook for one request: pure apart from the clock used for timing.
pub fn handle(request: &str) -> Result<Vec<u8>, String> {
    let request: Request =
        serde_json::from_str(request).map_err(|e| format!("bad export request: {e}"))?;
    let imported = assessment::import(
        &request.assessment.to_string(),
        questionnaire::builtin(),
        catalog::builtin(),
    )
    .map_err(|e| e.to_string())?;
    let a: Assessment = imported.assessment;
    let q = questionnaire::builtin();
    let m = matrix::build(catalog::builtin(), q, &a);
    let options = ExportOptions {
        date: request.date,
        brand: request.brand.map(|b| Brand {
            name: b.name,
            contact: b.contact,
        }),
    };
    export::workbook(&m, &a, q, &options).map_err(|e| e.to_string())
}

fn reply(
    ok: bool,
    bytes: Option<Vec<u8>>,
    error: Option<String>,
    millis: f64,
) -> (js_sys::Object, js_sys::Array) {
    let object = js_sys::Object::new();
    let transfer = js_sys::Array::new();
    let set = |key: &str, value: &JsValue| {
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), value);
    };
    set("ok", &JsValue::from_bool(ok));
    set("millis", &JsValue::from_f64(millis));
    if let Some(bytes) = bytes {
        let array = js_sys::Uint8Array::from(bytes.as_slice());
        transfer.push(&array.buffer());
        set("bytes", &array);
    }
    if let Some(error) = error {
        set("error", &JsValue::from_str(&error));
    }
    (object, transfer)
}

/// Installs the message handler and tells the page the worker is ready.
pub fn start() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let handler =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let started = js_sys::Date::now();
            let result = event
                .data()
                .as_string()
                .ok_or_else(|| "bad export request: not text".to_owned())
                .and_then(|r| handle(&r));
            let millis = js_sys::Date::now() - started;
            let (message, transfer) = match result {
                Ok(bytes) => reply(true, Some(bytes), None, millis),
                Err(error) => reply(false, None, Some(error), millis),
            };
            let _ = replies.post_message_with_transfer(&message, &transfer);
        });
    scope.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    handler.forget();
    // Warm up before saying ready: parse the built-in data and run the workbook code once, so
    // the user's first export costs what every later one does.
    let warm_up = serde_json::json!({
        "assessment": serde_json::from_str::<serde_json::Value>(&Assessment::new("").to_json()).unwrap_or_default(),
        "date": "2000-01-01",
    });
    let _ = handle(&warm_up.to_string());
    let _ = scope.post_message(&JsValue::from_str("ready"));
}
