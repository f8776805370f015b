//! Lays out, a few elements per task, content the browser skips (`content-visibility: auto`),
//! so that nothing has to lay it out later in one go. The matrix uses it for its status selects
//! once its rows are skipped again (`use_settling` in `src/ui/matrix_screen.rs`): Chromium's
//! autofill, reading the forms after a row is expanded, lays out every skipped row whose select
//! it reads, one row at a time (60-70 ms for the sample's first expanded row); rows laid out
//! here beforehand cost it nothing.

use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;

/// Elements laid out per task: about 3 ms of work for the matrix's rows on this project's
/// benchmark machine, so a keystroke that meets a batch hardly waits.
const BATCH: u32 = 10;

/// The pause between batches, in milliseconds.
const PAUSE_MS: u32 = 30;

/// Lays out every element `selector` finds, `BATCH` at a time, starting after one pause.
/// Elements the browser does not skip are laid out already and cost next to nothing.
pub fn lay_out_ahead(selector: &'static str) {
    if cfg!(target_arch = "wasm32") {
        batch(selector, 0);
    }
}

fn batch(selector: &'static str, from: u32) {
    Timeout::new(PAUSE_MS, move || {
        let Ok(found) = gloo::utils::document().query_selector_all(selector) else {
            return;
        };
        let to = (from + BATCH).min(found.length());
        for index in from..to {
            if let Some(element) = found
                .item(index)
                .and_then(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
            {
                // Reading a size makes the browser lay the element out now, skipped or not.
                let _ = element.offset_width();
            }
        }
        if to < found.length() {
            batch(selector, to);
        }
    })
    .forget();
}
