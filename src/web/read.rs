//! The page's side of reading a workbook back: starts the reader worker the first time the user
//! opens a workbook, sends it the file, and hands back the review. One read at a time.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::assessment::{Assessment, Review};

/// The `<meta>` that names the reader's loader script, relative to the page; the build hook gives
/// the worker's files hashed names (`scripts/hash-workers.mjs`).
pub const READER_META: &str = "ims-matrix-read-worker";

type Done = Box<dyn FnOnce(Result<Review, String>)>;

struct Reader {
    worker: web_sys::Worker,
    ready: bool,
    /// The file, the assessment in use and the language, held until the worker is ready.
    waiting: Option<(js_sys::Uint8Array, String, String)>,
    done: Option<Done>,
}

impl Reader {
    /// Sends a read. The language's file goes with it: the worker installs it the first time
    /// (reads are rare, and this spares the worker a second protocol for languages).
    fn post(&self, bytes: &js_sys::Uint8Array, given: &str, lang: &str) {
        let message = js_sys::Object::new();
        let set = |key: &str, value: &JsValue| {
            let _ = js_sys::Reflect::set(&message, &key.into(), value);
        };
        set("request", &given.into());
        set("bytes", bytes);
        set("lang", &lang.into());
        if let Some(bundle) = super::lang::bundle(lang) {
            set("bundle", &JsValue::from_str(&bundle));
        }
        let _ = self.worker.post_message(&message);
    }
}

thread_local! {
    static READER: RefCell<Option<Rc<RefCell<Reader>>>> = const { RefCell::new(None) };
}

fn on_message(reader: &Rc<RefCell<Reader>>, data: &JsValue) {
    if data.as_string().as_deref() == Some("ready") {
        let mut state = reader.borrow_mut();
        state.ready = true;
        if let Some((bytes, given, lang)) = state.waiting.take() {
            state.post(&bytes, &given, &lang);
        }
        return;
    }
    let Some(done) = reader.borrow_mut().done.take() else {
        return;
    };
    let get = |key: &str| {
        js_sys::Reflect::get(data, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    };
    let unreadable = || super::texts().get("web.read.unreadable").to_owned();
    let result = if get("ok").as_bool() == Some(true) {
        get("review")
            .as_string()
            .and_then(|json| serde_json::from_str(&json).ok())
            .ok_or_else(unreadable)
    } else {
        Err(get("error").as_string().unwrap_or_else(unreadable))
    };
    done(result);
}

fn reader() -> Result<Rc<RefCell<Reader>>, String> {
    if let Some(existing) = READER.with(|r| r.borrow().clone()) {
        return Ok(existing);
    }
    let worker = super::meta_content(READER_META)
        .and_then(|url| web_sys::Worker::new(&url).ok())
        .ok_or_else(|| super::texts().get("web.read.not-started").to_owned())?;
    let reader = Rc::new(RefCell::new(Reader {
        worker: worker.clone(),
        ready: false,
        waiting: None,
        done: None,
    }));
    let for_messages = reader.clone();
    let onmessage =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            on_message(&for_messages, &event.data())
        });
    worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    onmessage.forget();
    let for_errors = reader.clone();
    let onerror = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
        // Failed to load (offline, missing file): say so, and start afresh next time.
        if let Some(done) = for_errors.borrow_mut().done.take() {
            done(Err(super::texts().get("web.read.not-loaded").to_owned()));
        }
        READER.with(|r| r.borrow_mut().take());
    });
    worker.set_onerror(Some(onerror.as_ref().unchecked_ref()));
    onerror.forget();
    READER.with(|r| *r.borrow_mut() = Some(reader.clone()));
    Ok(reader)
}

/// Has the reader worker read a workbook the user opened (`export::read`) and calls `done` with
/// the review, or the message for the user. `in_use` is compared with when the workbook carries
/// no assessment.
pub fn read_workbook(
    bytes: js_sys::Uint8Array,
    in_use: &Assessment,
    done: impl FnOnce(Result<Review, String>) + 'static,
) {
    let reader = match reader() {
        Ok(reader) => reader,
        Err(error) => return done(Err(error)),
    };
    let mut state = reader.borrow_mut();
    if state.done.is_some() {
        return done(Err(super::texts().get("web.read.busy").to_owned()));
    }
    let given = in_use.to_json();
    let lang = super::lang::current();
    if state.ready {
        state.post(&bytes, &given, &lang);
    } else {
        state.waiting = Some((bytes, given, lang));
    }
    state.done = Some(Box::new(done));
}
