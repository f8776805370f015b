//! The browser side of embedding: reads the host's configuration from the page URL, applies the
//! brand colours as CSS custom properties, posts versioned events to the host page (to its
//! origin only), keeps the host told of the content height, and accepts the host's requests
//! only from that origin.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::embed::{self, EmbedConfig, Event, HostRequest};

thread_local! {
    static CONFIG: RefCell<Option<&'static EmbedConfig>> = const { RefCell::new(None) };
}

fn query_pairs() -> Vec<(String, String)> {
    if !cfg!(target_arch = "wasm32") {
        return Vec::new();
    }
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    let search = window.location().search().unwrap_or_default();
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return Vec::new();
    };
    let mut pairs = Vec::new();
    let entries = js_sys::try_iter(&params.entries()).ok().flatten();
    for entry in entries.into_iter().flatten().flatten() {
        let entry: js_sys::Array = entry.unchecked_into();
        if let (Some(key), Some(value)) = (entry.get(0).as_string(), entry.get(1).as_string()) {
            pairs.push((key, value));
        }
    }
    pairs
}

/// The configuration, read once from the URL; warnings go to the console.
pub fn config() -> &'static EmbedConfig {
    CONFIG.with(|cell| {
        *cell.borrow_mut().get_or_insert_with(|| {
            let (config, warnings) = EmbedConfig::from_pairs(&query_pairs());
            for warning in warnings {
                web_sys::console::warn_1(&JsValue::from_str(&warning));
            }
            Box::leak(Box::new(config))
        })
    })
}

/// Posts an event to the host page, if there is one, at its origin only.
pub fn post(event: &Event) {
    let config = config();
    let Some(origin) = &config.host_origin else {
        return;
    };
    if !cfg!(target_arch = "wasm32") {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(Some(parent)) = window.parent() {
        let _ = parent.post_message(&JsValue::from_str(&embed::message(event)), origin);
    }
}

fn content_height() -> u32 {
    gloo::utils::document()
        .get_element_by_id("app")
        .map(|app| app.get_bounding_client_rect().height().ceil() as u32)
        .unwrap_or(0)
}

/// Applies the brand, and when embedded: marks the page, reports its height as it changes,
/// listens to the host, and posts `ready`.
pub fn start() {
    if !cfg!(target_arch = "wasm32") {
        return;
    }
    let config = config();
    let document = gloo::utils::document();
    let Some(root) = document.document_element() else {
        return;
    };
    if let Ok(root) = root.clone().dyn_into::<web_sys::HtmlElement>() {
        // CSSOM, not a style attribute: allowed under style-src 'self'.
        let style = root.style();
        if let Some(primary) = config.primary {
            let _ = style.set_property("--brand-primary", &primary.css());
            let _ = style.set_property("--brand-primary-ink", &primary.ink().css());
        }
        if let Some(accent) = config.accent {
            let _ = style.set_property("--brand-accent", &accent.css());
            let _ = style.set_property("--brand-accent-ink", &accent.ink().css());
        }
    }
    // Once per page: when the full app takes over from the first-visit page, the height
    // observer and the host's listener that page started are still at work, and the host has
    // had its `ready`.
    if !config.is_embedded() || root.class_list().contains("embedded") {
        return;
    }
    let _ = root.class_list().add_1("embedded");
    if let Some(app) = document.get_element_by_id("app") {
        let last = std::rc::Rc::new(std::cell::Cell::new(0u32));
        let observer = Closure::<dyn FnMut()>::new(move || {
            let height = content_height();
            if height != last.get() && height > 0 {
                last.set(height);
                post(&Event::Resized { height });
            }
        });
        if let Ok(resize) = web_sys::ResizeObserver::new(observer.as_ref().unchecked_ref()) {
            resize.observe(&app);
            // The observer lives as long as the page.
            std::mem::forget(resize);
        }
        observer.forget();
    }
    let expected_origin = config.host_origin.clone().unwrap_or_default();
    let listener =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            // Only the configured host page, only known requests.
            if event.origin() != expected_origin {
                return;
            }
            let from_parent = web_sys::window()
                .and_then(|w| w.parent().ok().flatten())
                .zip(event.source())
                .is_some_and(|(parent, source)| JsValue::from(parent) == JsValue::from(source));
            if !from_parent {
                return;
            }
            if let Some(HostRequest::Measure) = event
                .data()
                .as_string()
                .and_then(|d| embed::host_request(&d))
            {
                post(&Event::Resized {
                    height: content_height(),
                });
            }
        });
    if let Some(window) = web_sys::window() {
        let _ =
            window.add_event_listener_with_callback("message", listener.as_ref().unchecked_ref());
    }
    listener.forget();
    post(&Event::Ready);
}
