//! Browser glue: the only module (with `ui` event handlers) that touches browser APIs. Mounting,
//! the clock, local storage, downloads, share links and printing live here behind plain Rust
//! functions. Every function degrades to a harmless value off the browser (native SSR tests).

mod after_paint;
pub mod embed;
pub mod export;
pub mod handover;
pub mod intent;
pub mod lang;
mod lay_out_ahead;
pub mod read;
mod shown;

use wasm_bindgen::JsCast;

use crate::assessment::{self, share, Assessment, Imported};
use crate::state::Unreadable;
use crate::{catalog, questionnaire};

/// Where the assessment is saved in the browser.
pub const STORAGE_KEY: &str = "ims-matrix.assessment";

fn in_browser() -> bool {
    cfg!(target_arch = "wasm32")
}

pub use after_paint::{after_paint, AfterPaint};
pub use lay_out_ahead::lay_out_ahead;
pub(crate) use shown::texts;

/// The current time, RFC 3339 in UTC.
pub fn now() -> String {
    if in_browser() {
        String::from(js_sys::Date::new_0().to_iso_string())
    } else {
        "1970-01-01T00:00:00.000Z".to_owned()
    }
}

/// Runs `work` between two User Timing marks, so its duration shows as the measure `name` in
/// the browser's performance tools, where the benchmarks read it (`benches/browser.mjs`);
/// returns its result and its duration in milliseconds (0 outside a browser).
pub fn measured<T>(name: &str, work: impl FnOnce() -> T) -> (T, f64) {
    let performance = web_sys::window()
        .filter(|_| in_browser())
        .and_then(|w| w.performance());
    let start = format!("{name}:start");
    let started = performance.as_ref().map(|p| {
        let _ = p.mark(&start);
        p.now()
    });
    let result = work();
    let millis = match (&performance, started) {
        (Some(performance), Some(started)) => {
            let _ = performance.measure_with_start_mark(name, &start);
            performance.now() - started
        }
        _ => 0.0,
    };
    (result, millis)
}

/// Today's date, `YYYY-MM-DD`.
pub fn today() -> String {
    now().chars().take(10).collect()
}

fn storage() -> Option<web_sys::Storage> {
    if !in_browser() {
        return None;
    }
    web_sys::window()?.local_storage().ok().flatten()
}

/// The saved assessment: none, a readable one, or unreadable text kept aside for the user.
pub fn load_saved() -> Result<Option<Imported>, Unreadable> {
    let Some(raw) = storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten()) else {
        return Ok(None);
    };
    let texts = texts();
    assessment::import_in(
        &raw,
        questionnaire::questions(),
        catalog::builtin_index(),
        texts,
    )
    .map(Some)
    .map_err(|error| Unreadable {
        raw,
        problem: error.message(texts),
    })
}

/// Saves the assessment. Returns a message when the browser refused (storage full or blocked).
pub fn save(assessment: &Assessment) -> Result<(), String> {
    let Some(storage) = storage() else {
        return Ok(());
    };
    storage
        .set_item(STORAGE_KEY, &assessment.to_json())
        .map_err(|_| texts().get("web.save-refused").to_owned())
}

/// Calls `changed(old, new)` whenever another tab of this browser saves or clears the
/// assessment (the `storage` event, which never fires in the tab that wrote). Keep the returned
/// listener alive as long as the calls are wanted.
pub fn on_saved_elsewhere(
    changed: impl Fn(Option<String>, Option<String>) + 'static,
) -> Option<gloo::events::EventListener> {
    let window = in_browser().then(web_sys::window).flatten()?;
    Some(gloo::events::EventListener::new(
        &window,
        "storage",
        move |event| {
            let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
                return;
            };
            if event.key().as_deref() == Some(STORAGE_KEY) {
                changed(event.old_value(), event.new_value());
            }
        },
    ))
}

/// Calls `changed` when the address's fragment changes while the page is open, as when a
/// share link is pasted into a tab that already shows the app.
pub fn on_hash_change(changed: impl Fn() + 'static) -> Option<gloo::events::EventListener> {
    let window = in_browser().then(web_sys::window).flatten()?;
    Some(gloo::events::EventListener::new(
        &window,
        "hashchange",
        move |_| changed(),
    ))
}

/// Calls `printing(true)` when the browser is about to print the page (a print shortcut, the
/// menu or `print()`) and `printing(false)` when it is done. Keep the listeners alive as long as
/// the calls are wanted.
pub fn on_print(printing: impl Fn(bool) + 'static) -> Vec<gloo::events::EventListener> {
    let Some(window) = in_browser().then(web_sys::window).flatten() else {
        return Vec::new();
    };
    let printing = std::rc::Rc::new(printing);
    ["beforeprint", "afterprint"]
        .into_iter()
        .map(|name| {
            let printing = printing.clone();
            gloo::events::EventListener::new(&window, name, move |_| {
                printing(name == "beforeprint")
            })
        })
        .collect()
}

/// Reads saved text the way start-up does, for another tab's save; unreadable text gives none.
pub fn read_saved(text: &str) -> Option<Assessment> {
    assessment::import(text, questionnaire::questions(), catalog::builtin_index())
        .ok()
        .map(|imported| imported.assessment)
}

/// Removes the saved assessment (starting over).
pub fn clear_saved() {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(STORAGE_KEY);
    }
}

/// Offers `bytes` as a file download named `filename`.
pub fn download(filename: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    download_array(filename, mime, &js_sys::Uint8Array::from(bytes))
}

/// Offers bytes already in JavaScript (a worker's reply) as a file download named `filename`,
/// without copying them through WebAssembly memory.
pub fn download_array(
    filename: &str,
    mime: &str,
    array: &js_sys::Uint8Array,
) -> Result<(), String> {
    let failed = || texts().fill("web.download-failed", &[("filename", &filename)]);
    let fail = |_| failed();
    let parts = js_sys::Array::of1(array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let document = gloo::utils::document();
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(fail)?
        .dyn_into()
        .map_err(|_| failed())?;
    anchor.set_href(&url);
    anchor.set_download(filename);
    anchor.set_attribute("hidden", "").ok();
    let body = gloo::utils::body();
    body.append_child(&anchor).map_err(fail)?;
    anchor.click();
    body.remove_child(&anchor).ok();
    // Let the download start before the URL goes away.
    gloo::timers::callback::Timeout::new(10_000, move || {
        web_sys::Url::revoke_object_url(&url).ok();
    })
    .forget();
    Ok(())
}

/// The page address without its fragment.
fn base_url() -> String {
    let Some(window) = in_browser().then(web_sys::window).flatten() else {
        return String::new();
    };
    let href = window.location().href().unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_owned()
}

/// A link that opens this assessment in any browser; the state rides in the fragment, which is
/// never sent to a server.
pub fn share_link(assessment: &Assessment) -> String {
    format!(
        "{}#{}",
        base_url(),
        share::fragment(&assessment.to_compact_json())
    )
}

/// What the address bar's share link holds.
pub enum Shared {
    /// The assessment, or why it cannot be opened.
    Opened(Result<Imported, String>),
    /// A compressed link, which only the full app unpacks: the link stays in the address bar.
    NeedsFullApp,
}

/// The assessment a share link carries, if the page was opened with one. The fragment is then
/// removed from the address bar so a reload does not offer it again. `inflate` unpacks
/// compressed links; the first-visit page passes none, so it carries no deflate, and hands such
/// a link to the full app.
pub fn take_shared(inflate: Option<share::Inflate>) -> Option<Shared> {
    let window = in_browser().then(web_sys::window).flatten()?;
    let hash = window.location().hash().ok()?;
    let json = match share::link(&hash)? {
        share::Link::Json(json) => json,
        share::Link::Compressed(payload) => match inflate {
            Some(inflate) => inflate(payload),
            None => return Some(Shared::NeedsFullApp),
        },
    };
    if let Ok(history) = window.history() {
        history
            .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&base_url()))
            .ok();
    }
    let texts = texts();
    Some(Shared::Opened(json.map_err(|e| e.message(texts)).and_then(
        |json| {
            assessment::import_in(
                &json,
                questionnaire::questions(),
                catalog::builtin_index(),
                texts,
            )
            .map_err(|e| e.message(texts))
        },
    )))
}

/// The `content` of `<meta name="{name}">` in the page: where the build hook names the files it
/// gave hashed names (the full app, the workers).
pub fn meta_content(name: &str) -> Option<String> {
    in_browser()
        .then(gloo::utils::document)?
        .query_selector(&format!("meta[name=\"{name}\"]"))
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
}

/// Asks the browser's confirmation dialog; false off the browser.
pub fn confirm(message: &str) -> bool {
    in_browser()
        .then(web_sys::window)
        .flatten()
        .and_then(|w| w.confirm_with_message(message).ok())
        .unwrap_or(false)
}

pub fn print() {
    if let Some(window) = in_browser().then(web_sys::window).flatten() {
        window.print().ok();
    }
}

/// Copies text to the clipboard; the promise's outcome is not awaited (best effort).
pub fn copy_to_clipboard(text: &str) {
    if let Some(window) = in_browser().then(web_sys::window).flatten() {
        let _ = window.navigator().clipboard().write_text(text);
    }
}

/// Reads a file chosen by the user as text, then calls `done` with it or an error message.
pub fn read_file(file: web_sys::File, done: impl FnOnce(Result<String, String>) + 'static) {
    let name = file.name();
    wasm_bindgen_futures::spawn_local(async move {
        let result = wasm_bindgen_futures::JsFuture::from(file.text())
            .await
            .ok()
            .and_then(|value| value.as_string())
            .ok_or_else(|| texts().fill("web.file-unreadable", &[("name", &name)]));
        done(result);
    });
}

/// Reads a file chosen or dropped by the user as bytes; files over `limit` bytes are refused
/// before they are read.
pub fn read_file_bytes(
    file: web_sys::File,
    limit: usize,
    done: impl FnOnce(Result<js_sys::Uint8Array, String>) + 'static,
) {
    let name = file.name();
    if file.size() > limit as f64 {
        let texts = texts();
        return done(Err(texts.fill(
            "web.file-too-large",
            &[
                ("name", &name),
                ("size", &texts.decimal(file.size() / (1024.0 * 1024.0), 1)),
                ("limit", &texts.integer((limit / (1024 * 1024)) as i64)),
            ],
        )));
    }
    wasm_bindgen_futures::spawn_local(async move {
        let result = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
            .await
            .map(|buffer| js_sys::Uint8Array::new(&buffer))
            .map_err(|_| texts().fill("web.file-unreadable", &[("name", &name)]));
        done(result);
    });
}

/// Calls `dropped` with the first file dropped anywhere on the page; drags without files pass
/// through. Keep the returned listeners alive as long as drops are wanted.
pub fn on_file_dropped(
    dropped: impl Fn(web_sys::File) + 'static,
) -> Option<[gloo::events::EventListener; 2]> {
    use gloo::events::{EventListener, EventListenerOptions};
    if !in_browser() {
        return None;
    }
    let document = gloo::utils::document();
    let files = |event: &web_sys::Event| {
        event
            .dyn_ref::<web_sys::DragEvent>()
            .and_then(web_sys::DragEvent::data_transfer)
    };
    let carries_files = move |event: &web_sys::Event| {
        files(event).is_some_and(|transfer| {
            transfer
                .types()
                .iter()
                .any(|t| t.as_string().as_deref() == Some("Files"))
        })
    };
    let over = EventListener::new_with_options(
        &document,
        "dragover",
        EventListenerOptions::enable_prevent_default(),
        move |event| {
            // Without this the browser would open the file in place of the app.
            if carries_files(event) {
                event.prevent_default();
            }
        },
    );
    let drop = EventListener::new_with_options(
        &document,
        "drop",
        EventListenerOptions::enable_prevent_default(),
        move |event| {
            if let Some(file) = files(event).and_then(|t| t.files()).and_then(|f| f.get(0)) {
                event.prevent_default();
                dropped(file);
            }
        },
    );
    Some([over, drop])
}
