//! The page's side of exporting: starts the export worker on first use, sends it the
//! assessment, and downloads the workbook it returns. One export at a time; the UI shows a busy
//! state until `done` is called.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::assessment::Assessment;
use crate::export::Brand;

/// The worker's loader script, relative to the page (so any sub-path works). Trunk names worker
/// files after the binary, without a hash.
pub const WORKER_URL: &str = "./ims-matrix-export-worker_loader.js";

pub const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

type Done = Box<dyn FnOnce(Result<f64, String>)>;

struct Exporter {
    worker: web_sys::Worker,
    ready: bool,
    /// The request waiting for the worker to be ready, and the callback waiting for a reply.
    pending: Option<(String, String, Done)>,
}

thread_local! {
    static EXPORTER: RefCell<Option<Rc<RefCell<Exporter>>>> = const { RefCell::new(None) };
}

fn on_message(exporter: &Rc<RefCell<Exporter>>, event: web_sys::MessageEvent) {
    let data = event.data();
    let text = data.as_string();
    if text.as_deref().is_some_and(|t| t.starts_with("warm")) {
        return;
    }
    if text.as_deref() == Some("ready") {
        let mut state = exporter.borrow_mut();
        state.ready = true;
        if let Some((request, _, _)) = &state.pending {
            let _ = state.worker.post_message(&JsValue::from_str(request));
        }
        return;
    }
    let Some((_, file_name, done)) = exporter.borrow_mut().pending.take() else {
        return;
    };
    let get = |key: &str| {
        js_sys::Reflect::get(&data, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    };
    if get("ok").as_bool() == Some(true) {
        let bytes = js_sys::Uint8Array::new(&get("bytes")).to_vec();
        let millis = get("millis").as_f64().unwrap_or_default();
        done(super::download(&file_name, XLSX_MIME, &bytes).map(|()| millis));
    } else {
        let error = get("error")
            .as_string()
            .unwrap_or_else(|| "the export worker failed".to_owned());
        done(Err(error));
    }
}

fn exporter() -> Result<Rc<RefCell<Exporter>>, String> {
    if let Some(existing) = EXPORTER.with(|e| e.borrow().clone()) {
        return Ok(existing);
    }
    let worker = web_sys::Worker::new(WORKER_URL)
        .map_err(|_| "the export worker could not be started".to_owned())?;
    let exporter = Rc::new(RefCell::new(Exporter {
        worker: worker.clone(),
        ready: false,
        pending: None,
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
        if let Some((_, _, done)) = for_errors.borrow_mut().pending.take() {
            done(Err("the export worker could not be loaded".to_owned()));
        }
        EXPORTER.with(|e| e.borrow_mut().take());
    });
    worker.set_onerror(Some(onerror.as_ref().unchecked_ref()));
    onerror.forget();
    EXPORTER.with(|e| *e.borrow_mut() = Some(exporter.clone()));
    Ok(exporter)
}

/// Starts the export worker in the background (it fetches and warms up off the main thread),
/// so the first export is as fast as later ones. Called when the matrix screens open; the
/// welcome screen and the questionnaire never load it.
pub fn prepare() {
    let _ = exporter();
}

/// Builds the workbook in the worker and downloads it as `file_name`; `done` gets the worker's
/// build time in milliseconds, or a message for the user.
pub fn export_workbook(
    assessment: &Assessment,
    date: &str,
    brand: Option<&Brand>,
    file_name: String,
    done: impl FnOnce(Result<f64, String>) + 'static,
) {
    let exporter = match exporter() {
        Ok(exporter) => exporter,
        Err(error) => return done(Err(error)),
    };
    let mut state = exporter.borrow_mut();
    if state.pending.is_some() {
        return done(Err("an export is already running".to_owned()));
    }
    let request = super::export_worker::request_json(&assessment.to_json(), date, brand);
    if state.ready {
        let _ = state.worker.post_message(&JsValue::from_str(&request));
    }
    state.pending = Some((request, file_name, Box::new(done)));
}
