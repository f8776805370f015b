//! The language the page shows now, for the messages the browser glue writes and the workbook's
//! language. Set by `lang::set_current` when the screens change language.

use crate::i18n::Texts;

thread_local! {
    static CURRENT: std::cell::RefCell<String> = std::cell::RefCell::new("en".to_owned());
}

/// The language the page shows now.
pub fn current() -> String {
    CURRENT.with(|c| c.borrow().clone())
}

pub(super) fn set(lang: &str) {
    CURRENT.with(|c| *c.borrow_mut() = lang.to_owned());
}

/// The texts of the language the page shows, for the messages written here.
pub(crate) fn texts() -> &'static Texts {
    Texts::installed(&current()).unwrap_or(Texts::english())
}
