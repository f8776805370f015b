//! The visitor's language: which one (their own choice in the header, remembered; then the host
//! page's `lang`; then the browser's languages; then English) and loading its texts, a file the
//! build names by its content (`locale-<lang>-<hash>.json`, found through a `<meta>` tag) and
//! fetches only when the language is chosen.

use wasm_bindgen::JsCast;

use crate::i18n::{self, Texts};

thread_local! {
    static CURRENT: std::cell::RefCell<String> = std::cell::RefCell::new("en".to_owned());
}

/// The language the page shows now.
pub fn current() -> String {
    CURRENT.with(|c| c.borrow().clone())
}

/// Records the language the page shows (the workbook follows it) and sets the document's.
pub fn set_current(lang: &str) {
    CURRENT.with(|c| *c.borrow_mut() = lang.to_owned());
    set_document_lang(lang);
}

/// Where the visitor's own choice of language is remembered.
pub const STORAGE_KEY: &str = "ims-matrix.lang";

/// The language to start in.
pub fn preferred() -> &'static str {
    let remembered = super::storage()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .and_then(|lang| i18n::best_match([lang.as_str()]));
    let host = super::embed::config()
        .lang
        .as_deref()
        .and_then(|l| i18n::best_match([l]));
    remembered
        .or(host)
        .or_else(|| i18n::best_match(browser_languages().iter().map(String::as_str)))
        .unwrap_or("en")
}

/// The browser's preferred languages, best first.
fn browser_languages() -> Vec<String> {
    let Some(navigator) = super::in_browser().then(|| gloo::utils::window().navigator()) else {
        return Vec::new();
    };
    let list: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|value| value.as_string())
        .collect();
    if list.is_empty() {
        navigator.language().into_iter().collect()
    } else {
        list
    }
}

/// Remembers the visitor's choice; a full storage only means the choice is not remembered.
pub fn remember(lang: &str) {
    if let Some(storage) = super::storage() {
        let _ = storage.set_item(STORAGE_KEY, lang);
    }
}

/// The address of a language's texts, as the build hook wrote it.
fn bundle_url(lang: &str) -> String {
    super::meta_content(&format!("ims-matrix-locale-{lang}"))
        .unwrap_or_else(|| format!("locale-{lang}.json"))
}

/// The language's texts and the bundle they came from (for the export worker), loading them the
/// first time.
///
/// # Errors
/// A message for the visitor when the file cannot be fetched or read.
pub async fn load(lang: &str) -> Result<(&'static Texts, Option<String>), String> {
    if let Some(texts) = Texts::installed(lang) {
        return Ok((texts, None));
    }
    let failed = |why: String| {
        format!("The {lang} texts could not be loaded ({why}); the app stays in English.")
    };
    let window = gloo::utils::window();
    let response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(&bundle_url(lang)))
        .await
        .map_err(|_| failed("no connection".to_owned()))?;
    let response: web_sys::Response = response.unchecked_into();
    if !response.ok() {
        return Err(failed(format!("HTTP {}", response.status())));
    }
    let text = response
        .text()
        .map_err(|_| failed("unreadable".to_owned()))?;
    let text = wasm_bindgen_futures::JsFuture::from(text)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| failed("unreadable".to_owned()))?;
    let texts = Texts::install(lang, &text).map_err(|e| failed(e.to_string()))?;
    Ok((texts, Some(text)))
}

/// Sets the document's language, so screen readers and hyphenation follow it.
fn set_document_lang(lang: &str) {
    if super::in_browser() {
        if let Some(root) = gloo::utils::document().document_element() {
            let _ = root.set_attribute("lang", lang);
        }
    }
}
