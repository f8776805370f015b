//! Inside the export worker: receives an export request as JSON, builds the matrix and the
//! workbook with the core, and posts the bytes back (transferred, not copied).
//!
//! Protocol with `web::export`: the worker posts the string `"ready"` once it can take requests
//! and `"warm N"` when its warm-up is over after N runs; a request is a JSON string (`Request`);
//! the reply is an object `{ok: true, bytes: Uint8Array, millis}` or `{ok: false, error}`.

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

fn now(scope: &web_sys::DedicatedWorkerGlobalScope) -> f64 {
    scope
        .performance()
        .map_or_else(js_sys::Date::now, |p| p.now())
}

/// When the warm-up may stop. V8 compiles WebAssembly lazily with its baseline compiler, then
/// swaps in optimised code, compiled in the background, for the functions that turn out hot; so
/// the first export pays for compiling (about 250 ms in headless Chromium on this project's
/// 2-core machine, before the worker says ready) and the next ones run two to four times slower
/// than the settled ones. The warm-up counts from the first run after ready. A
/// plateau at baseline speed is not the end, so the warm-up stops only when runs have become at
/// most `OPTIMISED` of the first one and three in a row come within `TOLERANCE` of the fastest
/// (a run far faster than that starts the count again), after `MIN_RUNS` and by `MAX_RUNS`.
#[derive(Debug, Default)]
pub struct WarmUp {
    runs: u32,
    first: f64,
    fastest: f64,
    settled_in_a_row: u32,
}

impl WarmUp {
    const MIN_RUNS: u32 = 10;
    const MAX_RUNS: u32 = 40;
    const SETTLED_RUNS: u32 = 3;
    const TOLERANCE: f64 = 1.15;
    const OPTIMISED: f64 = 0.6;

    /// Records one run's time; true while more runs are worth it.
    pub fn record(&mut self, millis: f64) -> bool {
        self.runs += 1;
        if self.runs == 1 {
            self.first = millis;
        }
        if self.runs == 1 || millis * Self::TOLERANCE < self.fastest {
            // Far faster than before: still improving, so earlier runs do not count.
            self.fastest = millis;
            self.settled_in_a_row = 1;
        } else if millis <= self.fastest * Self::TOLERANCE {
            self.fastest = self.fastest.min(millis);
            self.settled_in_a_row += 1;
        } else {
            self.settled_in_a_row = 0;
        }
        let settled = self.runs >= Self::MIN_RUNS
            && self.fastest <= self.first * Self::OPTIMISED
            && self.settled_in_a_row >= Self::SETTLED_RUNS;
        !settled && self.runs < Self::MAX_RUNS
    }

    pub fn runs(&self) -> u32 {
        self.runs
    }
}

/// Installs the message handler, runs the sample once, says ready, then warms up on the sample,
/// one export per task, so a real request waits for one run at most.
pub fn start() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let handler =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let started = now(&replies);
            let result = event
                .data()
                .as_string()
                .ok_or_else(|| "bad export request: not text".to_owned())
                .and_then(|r| handle(&r));
            let millis = now(&replies) - started;
            let (message, transfer) = match result {
                Ok(bytes) => reply(true, Some(bytes), None, millis),
                Err(error) => reply(false, None, Some(error), millis),
            };
            let _ = replies.post_message_with_transfer(&message, &transfer);
        });
    scope.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    handler.forget();

    // The first run compiles every function an export needs; only then is the worker ready,
    // so the user's first export runs compiled code. That run is not counted: its time is
    // mostly compiling.
    let sample = warm_up_request();
    let _ = handle(&sample);
    let _ = scope.post_message(&JsValue::from_str("ready"));
    // A request the page held back until "ready" arrives within this pause and runs first.
    warm_up(scope, sample, WarmUp::default(), WARM_UP_DELAY_MS);
}

/// How long the worker waits after saying ready before it warms up further.
const WARM_UP_DELAY_MS: i32 = 50;

fn warm_up_request() -> String {
    request_json(assessment::SAMPLE_JSON, "2000-01-01", None)
}

/// Runs one more sample export in its own task, so requests get their turn in between, until
/// `WarmUp` says stop; then posts `"warm N"` after N runs (the page ignores it; the benchmark
/// waits for it).
fn warm_up(
    scope: web_sys::DedicatedWorkerGlobalScope,
    sample: String,
    mut warm: WarmUp,
    delay_ms: i32,
) {
    let next_scope = scope.clone();
    let task = Closure::once_into_js(move || {
        let started = now(&next_scope);
        let _ = handle(&sample);
        if warm.record(now(&next_scope) - started) {
            warm_up(next_scope, sample, warm, 0);
        } else {
            let runs = warm.runs();
            let _ = next_scope.post_message(&JsValue::from_str(&format!("warm {runs}")));
        }
    });
    let _ =
        scope.set_timeout_with_callback_and_timeout_and_arguments_0(task.unchecked_ref(), delay_ms);
}

#[cfg(test)]
mod tests {
    use super::WarmUp;

    fn runs_until_stop(times: &[f64]) -> u32 {
        let mut warm = WarmUp::default();
        for &t in times {
            if !warm.record(t) {
                return warm.runs();
            }
        }
        panic!("still warming up after {} runs", times.len());
    }

    #[test]
    fn warm_up_stops_once_three_runs_in_a_row_are_near_the_fastest() {
        let trace = [
            21.0, 40.0, 43.0, 30.0, 25.0, 14.0, 16.0, 13.0, 10.0, 11.0, 10.5, 30.0,
        ];
        assert_eq!(runs_until_stop(&trace), 11);
    }

    #[test]
    fn a_plateau_at_baseline_speed_is_not_the_end() {
        // Steady at the first run's speed: optimised code has not arrived yet.
        let mut trace = vec![24.0; 25];
        trace.extend([12.0, 9.0, 8.5, 8.6, 8.4, 8.7]);
        assert_eq!(runs_until_stop(&trace), 29);
    }

    #[test]
    fn warm_up_runs_a_minimum_and_a_maximum() {
        let fast_from_the_second: Vec<f64> = std::iter::once(30.0).chain([10.0; 20]).collect();
        assert_eq!(runs_until_stop(&fast_from_the_second), 10);
        let never_settles: Vec<f64> = (0..80)
            .map(|i| if i % 2 == 0 { 10.0 } else { 30.0 })
            .collect();
        assert_eq!(runs_until_stop(&never_settles), 40);
    }
}
