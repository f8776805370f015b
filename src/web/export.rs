//! The page's side of exporting: starts the export worker as the visitor goes on to the matrix
//! screens (from the first-visit page, as it hands over, or else from the full app), has it
//! build the workbook ahead of time whenever the assessment settles, and downloads the workbook
//! it returns. One export at a time; the UI shows a busy state until `done` is called.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::assessment::Assessment;
use crate::protocol::{request_json_in, Brand};

/// The `<meta>` that names the worker's loader script, relative to the page (so any sub-path
/// works); the build hook gives the worker's files hashed names (`scripts/hash-workers.mjs`).
pub const WORKER_META: &str = "ims-matrix-export-worker";

pub const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// How long the assessment must stay unchanged before the worker builds its workbook ahead of
/// time: typing a note does not start a build per keystroke.
pub const PREPARE_AFTER_MS: u32 = 300;

type Done = Box<dyn FnOnce(Result<Exported, String>)>;

/// What the user's export took.
#[derive(Clone, Copy, Debug)]
pub struct Exported {
    /// The worker's build time in milliseconds.
    pub build_millis: f64,
    /// Built ahead of time, so the click only fetched it.
    pub prepared: bool,
}

/// An export waiting for its reply.
struct Pending {
    request: String,
    file_name: String,
    done: Done,
}

struct Exporter {
    worker: web_sys::Worker,
    ready: bool,
    pending: Option<Pending>,
    /// A build ahead of time asked for before the worker was ready; only the latest counts.
    held_prepare: Option<String>,
}

/// Sends the worker one message, `{kind, request}` (`protocol::Kind`).
fn post_to(worker: &web_sys::Worker, kind: &str, request: &str) {
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"kind".into(), &kind.into());
    let _ = js_sys::Reflect::set(&message, &"request".into(), &request.into());
    let _ = worker.post_message(&message);
}

/// Sends the worker every language file loaded in the page, which it needs before requests in
/// those languages.
fn send_languages(worker: &web_sys::Worker) {
    for (lang, bundle) in super::lang::bundles() {
        post_to(worker, "language", &language_message(&lang, &bundle));
    }
}

/// The request text for a workbook of `assessment_json` in the page's language. The worker
/// hands over a kept workbook only for a byte-identical text, so every request is made here.
fn request_for(assessment_json: &str, date: &str, brand: Option<&Brand>) -> String {
    request_json_in(&super::lang::current(), assessment_json, date, brand)
}

impl Exporter {
    fn post(&self, kind: &str, request: &str) {
        post_to(&self.worker, kind, request);
    }
}

thread_local! {
    static EXPORTER: RefCell<Option<Rc<RefCell<Exporter>>>> = const { RefCell::new(None) };
}

fn language_message(lang: &str, bundle: &str) -> String {
    serde_json::to_string(&crate::protocol::Language {
        lang,
        bundle: bundle.into(),
    })
    .expect("serialisable")
}

/// Gives the worker a language's texts (kept by `web::lang::keep_bundle`), now if it runs and
/// is ready, else when it is.
pub fn send_language(lang: &str, bundle: &str) {
    if let Some(exporter) = EXPORTER.with(|e| e.borrow().clone()) {
        let state = exporter.borrow();
        if state.ready {
            state.post("language", &language_message(lang, bundle));
        }
    }
}

/// The worker listens: what waited for it goes now.
fn became_ready(state: &mut Exporter) {
    state.ready = true;
    // Messages sent before the worker listened were lost: the languages go first.
    send_languages(&state.worker);
    let held = state.held_prepare.take();
    // An export asked for meanwhile is newer than any held prepare, and goes alone.
    if let Some(pending) = &state.pending {
        state.post("export", &pending.request);
    } else if let Some(request) = held {
        state.post("prepare", &request);
    }
}

fn on_message(exporter: &Rc<RefCell<Exporter>>, event: web_sys::MessageEvent) {
    let data = event.data();
    if let Some(text) = data.as_string() {
        // "prepared M" is for the benchmark; only "ready" matters here.
        if text == "ready" {
            became_ready(&mut exporter.borrow_mut());
        }
        return;
    }
    let Some(Pending {
        file_name, done, ..
    }) = exporter.borrow_mut().pending.take()
    else {
        return;
    };
    let get = |key: &str| {
        js_sys::Reflect::get(&data, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    };
    if get("ok").as_bool() == Some(true) {
        let bytes = js_sys::Uint8Array::new(&get("bytes"));
        let exported = Exported {
            build_millis: get("millis").as_f64().unwrap_or_default(),
            prepared: get("prepared").as_bool() == Some(true),
        };
        done(super::download_array(&file_name, XLSX_MIME, &bytes).map(|()| exported));
    } else {
        let error = get("error")
            .as_string()
            .unwrap_or_else(|| super::texts().get("web.export.failed").to_owned());
        done(Err(error));
    }
}

fn exporter() -> Result<Rc<RefCell<Exporter>>, String> {
    if let Some(existing) = EXPORTER.with(|e| e.borrow().clone()) {
        return Ok(existing);
    }
    let (worker, said_ready) = match take_early_worker() {
        Some(early) => early,
        None => (
            new_worker().ok_or_else(|| super::texts().get("web.export.not-started").to_owned())?,
            false,
        ),
    };
    let exporter = Rc::new(RefCell::new(Exporter {
        worker: worker.clone(),
        ready: false,
        pending: None,
        held_prepare: None,
    }));
    let for_messages = exporter.clone();
    let onmessage = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event| {
        on_message(&for_messages, event)
    });
    worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    onmessage.forget();
    let for_errors = exporter.clone();
    let onerror = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
        // A worker that fails to load (missing file, blocked by policy) reports here; drop it so
        // the next attempt starts afresh.
        if let Some(pending) = for_errors.borrow_mut().pending.take() {
            (pending.done)(Err(super::texts().get("web.export.not-loaded").to_owned()));
        }
        EXPORTER.with(|e| e.borrow_mut().take());
    });
    worker.set_onerror(Some(onerror.as_ref().unchecked_ref()));
    onerror.forget();
    if said_ready {
        became_ready(&mut exporter.borrow_mut());
    }
    EXPORTER.with(|e| *e.borrow_mut() = Some(exporter.clone()));
    Ok(exporter)
}

fn new_worker() -> Option<web_sys::Worker> {
    super::meta_content(WORKER_META).and_then(|url| web_sys::Worker::new(&url).ok())
}

/// Where the first-visit page leaves the export worker it started as it handed over, for the
/// full app to take (both run in the same page, as `handover::stash_file`); and the marks its
/// listener sets on the worker until then.
const EARLY_WORKER_KEY: &str = "imsMatrixExportWorker";
const SAID_READY: &str = "imsMatrixSaidReady";
const FAILED: &str = "imsMatrixFailed";

/// Starts the export worker from the first-visit page as it hands over to the matrix screens:
/// the worker downloads, compiles and warms up (about half a second here) while the full app
/// loads and starts, so a click on Download the moment the matrix shows does not wait for it.
/// Its warm-up is the visitor's own workbook (`assessment_json`, as handed over), in the
/// page's language, which it keeps: the full app's first request is the same text, and gets it
/// at once. The worker's loader keeps these messages until its wasm listens.
/// The worker fetches its wasm at low priority (`scripts/hash-workers.mjs`), so on a slow
/// network the full app's own download goes first. Until the full app takes it
/// (`take_early_worker`), a listener notes on the worker whether it said "ready" or failed,
/// since a message nobody listens to is lost.
pub fn start_for_full_app(assessment_json: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    // The full app already has a worker (taken or its own): never a second.
    if js_sys::Reflect::has(&window, &EARLY_WORKER_KEY.into()).unwrap_or(true) {
        return;
    }
    let Some(worker) = new_worker() else {
        return; // the full app starts its own, and reports a failure on the click
    };
    let marked = worker.clone();
    let onmessage = Closure::<dyn FnMut(_)>::new(move |event: web_sys::MessageEvent| {
        if event.data().as_string().as_deref() == Some("ready") {
            let _ = js_sys::Reflect::set(&marked, &SAID_READY.into(), &JsValue::TRUE);
        }
    });
    worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    onmessage.forget();
    let marked = worker.clone();
    let onerror = Closure::<dyn FnMut(_)>::new(move |_: web_sys::Event| {
        let _ = js_sys::Reflect::set(&marked, &FAILED.into(), &JsValue::TRUE);
    });
    worker.set_onerror(Some(onerror.as_ref().unchecked_ref()));
    onerror.forget();
    send_languages(&worker);
    let brand = brand();
    let request = request_for(assessment_json, &super::today(), brand.as_ref());
    post_to(&worker, "prepare", &request);
    let _ = js_sys::Reflect::set(&window, &EARLY_WORKER_KEY.into(), &worker);
}

/// The worker the first-visit page started, once, with whether it has said "ready"; none when
/// there is none yet or it failed to load (the caller starts a new one, whose failure reaches
/// the user).
fn take_early_worker() -> Option<(web_sys::Worker, bool)> {
    let window = web_sys::window()?;
    let key = JsValue::from_str(EARLY_WORKER_KEY);
    let value = js_sys::Reflect::get(&window, &key).ok()?;
    // Taken: the first-visit page, should its start come later, starts none.
    let _ = js_sys::Reflect::set(&window, &key, &JsValue::NULL);
    let worker = value.dyn_into::<web_sys::Worker>().ok()?;
    let marked = |mark: &str| {
        js_sys::Reflect::get(&worker, &mark.into())
            .ok()
            .and_then(|value| value.as_bool())
            == Some(true)
    };
    if marked(FAILED) {
        worker.terminate();
        return None;
    }
    let said_ready = marked(SAID_READY);
    Some((worker, said_ready))
}

/// The consultancy named in the embedding configuration, for the workbook's About sheet and
/// properties.
pub fn brand() -> Option<Brand> {
    let config = super::embed::config();
    config.brand.as_ref().map(|name| Brand {
        name: name.clone(),
        contact: config
            .contact
            .clone()
            .or_else(|| config.cta_url.clone())
            .unwrap_or_default(),
    })
}

/// Starts the export worker in the background (it fetches and compiles off the main thread), or
/// takes over the one the first-visit page started. Called when the matrix screens open; the
/// welcome screen and the questionnaire never load it.
pub fn start() {
    let _ = exporter();
}

/// Has the worker build the workbook for `assessment` now and keep it, so a click on Download
/// gets it at once. Starts the worker if needed.
pub fn prepare_workbook(assessment: &Assessment, date: &str, brand: Option<&Brand>) {
    let Ok(exporter) = exporter() else {
        return; // the click will report it
    };
    let request = request_for(&assessment.to_json(), date, brand);
    let mut state = exporter.borrow_mut();
    if state.ready {
        state.post("prepare", &request);
    } else {
        state.held_prepare = Some(request);
    }
}

/// `prepare_workbook`, but only when the worker is already running: for the moment the pointer
/// reaches the Download button or it gets focus, which comes about a tenth of a second before
/// the click, enough to build the workbook. It never starts the worker, so the questionnaire
/// does not load the exporter when the pointer merely crosses the header.
pub fn prepare_if_started(assessment: &Assessment, date: &str, brand: Option<&Brand>) {
    if EXPORTER.with(|e| e.borrow().is_some()) {
        prepare_workbook(assessment, date, brand);
    }
}

/// Has the worker build (or hand over, when built ahead for the same request) the workbook and
/// downloads it as `file_name`; `done` gets what it took, or a message for the user.
pub fn export_workbook(
    assessment: &Assessment,
    date: &str,
    brand: Option<&Brand>,
    file_name: String,
    done: impl FnOnce(Result<Exported, String>) + 'static,
) {
    let exporter = match exporter() {
        Ok(exporter) => exporter,
        Err(error) => return done(Err(error)),
    };
    let mut state = exporter.borrow_mut();
    if state.pending.is_some() {
        return done(Err(super::texts().get("web.export.busy").to_owned()));
    }
    let request = request_for(&assessment.to_json(), date, brand);
    if state.ready {
        state.post("export", &request);
    }
    state.pending = Some(Pending {
        request,
        file_name,
        done: Box::new(done),
    });
}
