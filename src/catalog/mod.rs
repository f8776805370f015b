//! The standards catalog: four editions (ISO/IEC 27001:2022 and :2013, ISO/IEC 20000-1:2018 and
//! :2011) as trees of clauses and Annex A controls, the transitions between editions, and the
//! crosswalk rows of the integration matrix. All of it is data under `data/`, embedded at compile
//! time and validated by `validate::load`. Numbers and titles only; never the standards' text.
//! Knows nothing of the browser.

mod index;
mod localize;
mod model;
mod raw;
mod validate;

use std::sync::OnceLock;

use crate::i18n::{self, PerLanguage, Texts};

pub use index::{builtin_index, CatalogIndex, IndexedRow};
pub use model::{
    Catalog, Evidence, Family, FnvHasher, InWriting, Lead, Link, Node, NodeKind, Pdca,
    Relationship, Row, RowKind, RowRefs, Standard, StandardId, Text, Transition,
};
pub use validate::{load, DataError, DataFile, Sources};

/// The data files built into the binary.
pub fn builtin_sources() -> Sources<'static> {
    macro_rules! data_file {
        ($path:literal) => {
            DataFile {
                name: $path,
                text: include_str!(concat!(env!("OUT_DIR"), "/", $path)),
            }
        };
    }
    Sources {
        standards: vec![
            data_file!("data/standards/iso27001-2022.json"),
            data_file!("data/standards/iso27001-2013.json"),
            data_file!("data/standards/iso20000-1-2018.json"),
            data_file!("data/standards/iso20000-1-2011.json"),
        ],
        transitions: vec![
            data_file!("data/transitions/iso27001-2013-to-2022.json"),
            data_file!("data/transitions/iso20000-1-2011-to-2018.json"),
        ],
        crosswalk: data_file!("data/crosswalk.json"),
    }
}

/// The built-in catalog, validated once on first use.
///
/// # Panics
/// If the built-in data is invalid; `cargo test` (tests/catalog.rs) guarantees it is not.
pub fn builtin() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| match load(&builtin_sources()) {
        Ok(catalog) => catalog,
        Err(errors) => {
            let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
            panic!("built-in catalog is invalid:\n{}", lines.join("\n"))
        }
    })
}

/// The built-in catalog with `texts`' translations, made once per language.
pub fn localized(texts: &Texts) -> &'static Catalog {
    static COPIES: PerLanguage<Catalog> = PerLanguage::new();
    i18n::localized_copy(&COPIES, texts, builtin())
}
