//! The visitor's language: which one (their own choice in the header, remembered; then the host
//! page's `lang`; then the browser's languages; then English) and loading its texts, a file the
//! build names by its content (`locale-<lang>-<hash>.json`, found through a `<meta>` tag) and
//! fetches only when the language is chosen.

use wasm_bindgen::JsCast;

use crate::i18n::{self, Texts};

pub use super::shown::current;

/// Records the language the page shows (the workbook follows it) and sets the document's.
pub fn set_current(lang: &str) {
    super::shown::set(lang);
    set_document_lang(lang);
}

/// Where the visitor's own choice of language is remembered.
pub const STORAGE_KEY: &str = "ims-matrix.lang";

/// The language to start in.
pub fn preferred() -> &'static str {
    // Chosen on the static welcome screen before this page loaded: remembered as if chosen here.
    if let Some(chosen) = super::intent::language().and_then(|l| i18n::best_match([l.as_str()])) {
        remember(chosen);
        return chosen;
    }
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
    // Said in the language the page shows now, which stays.
    let shown = super::shown::texts();
    let failed = |why: String| {
        shown.fill(
            "web.language.load-failed",
            &[("lang", &lang), ("why", &why)],
        )
    };
    let window = gloo::utils::window();
    let response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(&bundle_url(lang)))
        .await
        .map_err(|_| failed(shown.get("web.language.offline").to_owned()))?;
    let response: web_sys::Response = response.unchecked_into();
    if !response.ok() {
        return Err(failed(format!("HTTP {}", response.status())));
    }
    let text = response
        .text()
        .map_err(|_| failed(shown.get("web.language.unreadable").to_owned()))?;
    let text = wasm_bindgen_futures::JsFuture::from(text)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| failed(shown.get("web.language.unreadable").to_owned()))?;
    let texts = Texts::install(lang, &text).map_err(|e| failed(e.to_string()))?;
    Ok((texts, Some(text)))
}

thread_local! {
    /// Every language file loaded in the page, `(lang, bundle)`: the reader worker gets them from
    /// here.
    static BUNDLES: std::cell::RefCell<Vec<(String, std::rc::Rc<str>)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// Keeps a loaded language file for the reader worker, which cannot fetch it by itself.
pub fn keep_bundle(lang: &str, bundle: &str) {
    BUNDLES.with(|b| b.borrow_mut().push((lang.to_owned(), bundle.into())));
}

/// The language file loaded for `lang`, if any (English is built into every binary).
pub fn bundle(lang: &str) -> Option<std::rc::Rc<str>> {
    BUNDLES.with(|b| {
        b.borrow()
            .iter()
            .find(|(l, _)| l == lang)
            .map(|(_, bundle)| bundle.clone())
    })
}

/// Sets the document's language, so screen readers and hyphenation follow it.
/// Also gives the printed report's page margin its words ("Page 1 of 9", "Seite 1 von 9"): CSS
/// writes the page numbers, and `@page` can read only custom properties, not the markup.
fn set_document_lang(lang: &str) {
    if !super::in_browser() {
        return;
    }
    let Some(root) = gloo::utils::document().document_element() else {
        return;
    };
    let _ = root.set_attribute("lang", lang);
    let texts = super::shown::texts();
    let quoted = |text: &str| format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""));
    let Some(style) = root.dyn_ref::<web_sys::HtmlElement>().map(|r| r.style()) else {
        return;
    };
    // Table cells on phones and paper carry their column's name before a colon ("Statut : ").
    // A first visit's English lacks these; the style sheet's defaults are English.
    if let Some(colon) = texts.find("labels.colon") {
        let _ = style.set_property("--label-colon", &quoted(colon));
    }
    let template = texts.find("report.page-number").unwrap_or_default();
    if let Some((before, rest)) = template.split_once("{page}") {
        let (between, after) = rest.split_once("{pages}").unwrap_or((rest, ""));
        let _ = style.set_property("--page-before", &quoted(before));
        let _ = style.set_property("--page-between", &quoted(between));
        let _ = style.set_property("--page-after", &quoted(after));
    }
}
