//! What the answers imply beyond applicability: a profile of every Annex A control (why an
//! organisation includes it, how much it weighs, which scope facts raise it; `data/controls.json`)
//! and the laws and schemes a prospect can name (`data/obligations.json`), each with the controls
//! it bears on and its source. Data validated against the catalog; knows nothing of the browser.

mod localize;
mod model;
mod validate;

use std::sync::OnceLock;

use crate::i18n::{self, PerLanguage, Texts};

pub use model::{
    Advice, Basis, ControlProfile, Obligation, ObligationControl, ObligationId, Tag, Weight,
};
pub use validate::load;

use crate::catalog::{self, DataFile};

pub const CONTROLS_FILE: DataFile<'static> = DataFile {
    name: "data/controls.json",
    text: include_str!(concat!(env!("OUT_DIR"), "/data/controls.json")),
};

pub const OBLIGATIONS_FILE: DataFile<'static> = DataFile {
    name: "data/obligations.json",
    text: include_str!(concat!(env!("OUT_DIR"), "/data/obligations.json")),
};

/// The built-in advice data, validated once against the built-in catalog.
///
/// # Panics
/// If the built-in data is invalid; `tests/advice.rs` guarantees it is not.
pub fn builtin() -> &'static Advice {
    static ADVICE: OnceLock<Advice> = OnceLock::new();
    ADVICE.get_or_init(
        || match load(&CONTROLS_FILE, &OBLIGATIONS_FILE, catalog::builtin()) {
            Ok(advice) => advice,
            Err(errors) => {
                let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
                panic!("built-in advice data is invalid:\n{}", lines.join("\n"))
            }
        },
    )
}

/// The built-in advice with `texts`' translations, made once per language.
pub fn localized(texts: &Texts) -> &'static Advice {
    static COPIES: PerLanguage<Advice> = PerLanguage::new();
    i18n::localized_copy(&COPIES, texts, builtin())
}
