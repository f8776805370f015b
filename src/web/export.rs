//! The page's side of exporting: starts the export worker as the visitor goes on to the matrix
//! screens (from the first-visit page, as it hands over, or else from the full app), sends it
//! the workbooks the page laid out (`export::laid_out`, called by `ui::laid_out`) to write ahead
//! of time whenever the assessment settles, and downloads the file it returns. One export at a
//! time; the UI shows a busy state until `done` is called.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::protocol::Brand;

/// The `<meta>` that names the worker's loader script, relative to the page (so any sub-path
/// works); the build hook gives the worker's files hashed names (`scripts/hash-workers.mjs`).
pub const WORKER_META: &str = "ims-matrix-export-worker";

pub const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// How long the assessment must stay unchanged before the page lays out its workbook and the
/// worker writes it ahead of time: typing a note does not start one per keystroke.
pub const PREPARE_AFTER_MS: u32 = 300;

type Done = Box<dyn FnOnce(Result<Exported, String>)>;

/// What the user's export took.
#[derive(Clone, Copy, Debug)]
pub struct Exported {
    /// The worker's write time in milliseconds.
    pub write_millis: f64,
    /// Written ahead of time, so the click only fetched it.
    pub prepared: bool,
}

/// An export waiting for its reply.
struct Pending {
    laid_out: Rc<Vec<u8>>,
    file_name: String,
    done: Done,
}

struct Exporter {
    worker: web_sys::Worker,
    ready: bool,
    pending: Option<Pending>,
    /// A workbook to write ahead of time, asked for before the worker was ready; only the
    /// latest counts.
    held_prepare: Option<Rc<Vec<u8>>>,
    /// The last workbook sent to write ahead of time: the pointer on the button sends it again
    /// and again, and the worker would only compare it with what it has.
    prepared: Option<Rc<Vec<u8>>>,
}

/// Sends the worker one message, `{kind, workbook}` (`protocol::Kind`), with a copy of the
/// laid-out workbook whose buffer is moved, not copied again.
fn post_to(worker: &web_sys::Worker, kind: &str, laid_out: &[u8]) {
    let message = js_sys::Object::new();
    let array = js_sys::Uint8Array::from(laid_out);
    let _ = js_sys::Reflect::set(&message, &"kind".into(), &kind.into());
    let _ = js_sys::Reflect::set(&message, &"workbook".into(), &array);
    let _ = worker.post_message_with_transfer(&message, &js_sys::Array::of1(&array.buffer()));
}

impl Exporter {
    fn post(&self, kind: &str, laid_out: &[u8]) {
        post_to(&self.worker, kind, laid_out);
    }
}

thread_local! {
    static EXPORTER: RefCell<Option<Rc<RefCell<Exporter>>>> = const { RefCell::new(None) };
}

/// The worker listens: what waited for it goes now.
fn became_ready(state: &mut Exporter) {
    state.ready = true;
    let held = state.held_prepare.take();
    // An export asked for meanwhile is newer than any held prepare, and goes alone.
    if let Some(pending) = &state.pending {
        state.post("export", &pending.laid_out);
    } else if let Some(laid_out) = held {
        state.post("prepare", &laid_out);
        state.prepared = Some(laid_out);
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
            write_millis: get("millis").as_f64().unwrap_or_default(),
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
        prepared: None,
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
/// the worker downloads, compiles and warms up while the full app loads and starts, so a click
/// on Download the moment the matrix shows does not wait for it. The worker fetches its wasm at
/// low priority (`scripts/hash-workers.mjs`), so on a slow network the full app's own download
/// goes first. Until the full app takes it (`take_early_worker`), a listener notes on the
/// worker whether it said "ready" or failed, since a message nobody listens to is lost.
pub fn start_for_full_app() {
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

/// Starts the export worker in the background (it fetches and compiles off the main thread), or
/// takes over the one the first-visit page started. Called when the matrix screens open; the
/// welcome screen and the questionnaire never load it.
pub fn start() {
    let _ = exporter();
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

/// Whether the export worker runs (or is loading).
pub fn started() -> bool {
    EXPORTER.with(|e| e.borrow().is_some())
}

/// Has the worker write the laid-out workbook now and keep the file, so a click on Download
/// gets it at once. Starts the worker if needed.
pub fn prepare_workbook(laid_out: Rc<Vec<u8>>) {
    let Ok(exporter) = exporter() else {
        return; // the click will report it
    };
    let mut state = exporter.borrow_mut();
    if !state.ready {
        state.held_prepare = Some(laid_out);
    } else if !state
        .prepared
        .as_ref()
        .is_some_and(|sent| Rc::ptr_eq(sent, &laid_out))
    {
        state.post("prepare", &laid_out);
        state.prepared = Some(laid_out);
    }
}

/// Has the worker write (or hand over, when written ahead from the same bytes) the laid-out
/// workbook and downloads the file as `file_name`; `done` gets what it took, or a message for
/// the user.
pub fn export_workbook(
    laid_out: Rc<Vec<u8>>,
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
    if state.ready {
        state.post("export", &laid_out);
    }
    state.pending = Some(Pending {
        laid_out,
        file_name,
        done: Box::new(done),
    });
}
