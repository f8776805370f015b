//! Inside the export worker: receives an export request as JSON, builds the matrix and the
//! workbook with the core, and posts the bytes back (transferred, not copied).
//!
//! Protocol with `web::export`:
//! - the worker posts the string `"ready"` once it can take requests, and `"prepared M"` when it
//!   has built a workbook ahead of time in M milliseconds (the page ignores it);
//! - the page posts `{kind: "export" | "prepare", request}`, where `request` is a JSON string
//!   (`Request`). A prepare builds the workbook and keeps it; an export whose request is the
//!   same text gets the kept workbook at once, and any other export is built there and then;
//! - the reply to an export is `{ok: true, bytes: Uint8Array, millis, prepared}` (`millis`: the
//!   build time; `prepared`: built ahead of time) or `{ok: false, error}`.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::assessment::{self, Assessment};
use crate::export::{self, Brand, ExportOptions};
use crate::{catalog, matrix, questionnaire};

/// One export request. The assessment travels as its own JSON text, unparsed until `import`
/// reads it, so it is parsed once and checked like every other input.
#[derive(Serialize, Deserialize)]
pub struct Request<'a> {
    #[serde(borrow)]
    pub assessment: &'a RawValue,
    pub date: &'a str,
    #[serde(default)]
    pub brand: Option<BrandRequest>,
}

#[derive(Serialize, Deserialize)]
pub struct BrandRequest {
    pub name: String,
    #[serde(default)]
    pub contact: String,
}

/// The request text for an assessment's JSON (`Assessment::to_json`), as the page sends it.
///
/// # Panics
/// When `assessment_json` is not JSON, which `to_json` and the built-in sample never are.
pub fn request_json(assessment_json: &str, date: &str, brand: Option<&Brand>) -> String {
    let request = Request {
        assessment: serde_json::from_str(assessment_json).expect("the assessment is JSON"),
        date,
        brand: brand.map(|b| BrandRequest {
            name: b.name.clone(),
            contact: b.contact.clone(),
        }),
    };
    serde_json::to_string(&request).expect("a request always serializes")
}

/// Builds the workbook for one request. Pure: no browser API is touched.
pub fn handle(request: &str) -> Result<Vec<u8>, String> {
    let request: Request =
        serde_json::from_str(request).map_err(|e| format!("bad export request: {e}"))?;
    let imported = assessment::import(
        request.assessment.get(),
        questionnaire::builtin(),
        catalog::builtin(),
    )
    .map_err(|e| e.to_string())?;
    let a: Assessment = imported.assessment;
    let q = questionnaire::builtin();
    let m = matrix::build(catalog::builtin(), q, &a);
    let options = ExportOptions {
        date: request.date.to_owned(),
        brand: request.brand.map(|b| Brand {
            name: b.name,
            contact: b.contact,
        }),
    };
    export::workbook(&m, &a, q, &options).map_err(|e| e.to_string())
}

/// What the page asks of the worker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Build the workbook now and keep it: the user may click Download any moment.
    Prepare,
    /// The user clicked Download: reply with the workbook.
    Export,
}

impl Kind {
    pub fn parse(kind: &str) -> Option<Kind> {
        match kind {
            "prepare" => Some(Kind::Prepare),
            "export" => Some(Kind::Export),
            _ => None,
        }
    }
}

/// The last workbook built, with the exact request text it was built for. The workbook is a
/// pure function of the request (the date travels in it), so a byte-identical request may
/// take the kept bytes; any difference, however small, means building afresh.
#[derive(Debug, Default)]
pub struct LastWorkbook {
    request: String,
    bytes: Vec<u8>,
    millis: f64,
}

impl LastWorkbook {
    /// The kept workbook and its build time, when it was built for exactly this request.
    pub fn for_request(&self, request: &str) -> Option<(&[u8], f64)> {
        (!self.bytes.is_empty() && self.request == request)
            .then_some((self.bytes.as_slice(), self.millis))
    }

    pub fn keep(&mut self, request: String, bytes: Vec<u8>, millis: f64) {
        *self = LastWorkbook {
            request,
            bytes,
            millis,
        };
    }
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
        (Kind::Prepare, Err(_)) => {}
    }
}

/// Installs the message handler, runs the sample once so that an export's code is compiled
/// before the first request, and says ready.
pub fn start() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let mut last = LastWorkbook::default();
    let handler =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            on_message(&replies, &mut last, &event.data());
        });
    scope.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    handler.forget();
    // V8 compiles WebAssembly lazily, function by function, on first call: this run pays for
    // compiling everything an export needs (about 250 ms in headless Chromium on this
    // project's 2-core machine), so the user's first workbook does not. Its output is thrown
    // away. The worker does not warm up further: the workbooks the page has built ahead of
    // time are the warm-up, and cost nothing when nobody edits.
    let _ = handle(&request_json(assessment::SAMPLE_JSON, "2000-01-01", None));
    let _ = scope.post_message(&JsValue::from_str("ready"));
}

#[cfg(test)]
mod tests {
    use super::{handle, request_json, Kind, LastWorkbook};
    use crate::assessment::SAMPLE_JSON;

    #[test]
    fn a_kept_workbook_serves_only_the_exact_request_it_was_built_for() {
        let mut last = LastWorkbook::default();
        let request = request_json(SAMPLE_JSON, "2026-11-28", None);
        assert!(last.for_request(&request).is_none(), "nothing kept yet");
        let bytes = handle(&request).unwrap();
        last.keep(request.clone(), bytes.clone(), 7.5);
        assert_eq!(last.for_request(&request), Some((bytes.as_slice(), 7.5)));
        // Another day, or any edit, is another workbook.
        let next_day = request_json(SAMPLE_JSON, "2026-11-29", None);
        assert!(last.for_request(&next_day).is_none());
        let edited = SAMPLE_JSON.replacen("Northwind", "Southwind", 1);
        assert_ne!(edited, SAMPLE_JSON);
        assert!(last
            .for_request(&request_json(&edited, "2026-11-28", None))
            .is_none());
        // What it keeps is what building that request gives: the workbook is deterministic.
        assert_eq!(handle(&request).unwrap(), bytes);
    }

    #[test]
    fn only_prepare_and_export_are_requests() {
        assert_eq!(Kind::parse("prepare"), Some(Kind::Prepare));
        assert_eq!(Kind::parse("export"), Some(Kind::Export));
        assert_eq!(Kind::parse("Export"), None);
        assert_eq!(Kind::parse(""), None);
    }
}
