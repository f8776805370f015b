//! What the questionnaire, an assessment's check and the welcome screen need to know of the
//! catalog: each crosswalk row's id, practice and kind, and the Annex A controls of ISO/IEC
//! 27001:2022. `build.rs` writes it from the same data files, so the first-visit page checks a
//! saved assessment and validates the questionnaire without embedding the catalog (about 30 KB
//! brotli). `tests/catalog.rs` checks that the built index equals `CatalogIndex::of(builtin())`.

use std::sync::OnceLock;

use serde::Deserialize;

use super::model::{Catalog, RowKind, StandardId};

/// The catalog's ids, without titles or advice.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct CatalogIndex {
    /// The crosswalk rows, in the catalog's order.
    pub rows: Vec<IndexedRow>,
    /// The Annex A control references of ISO/IEC 27001:2022, in document order.
    pub controls_2022: Vec<String>,
}

/// One crosswalk row, as far as the index knows it.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct IndexedRow {
    pub id: String,
    pub practice: String,
    pub kind: RowKind,
}

impl CatalogIndex {
    /// The index of a loaded catalog.
    pub fn of(catalog: &Catalog) -> CatalogIndex {
        CatalogIndex {
            rows: catalog
                .crosswalk
                .iter()
                .map(|row| IndexedRow {
                    id: row.id.clone(),
                    practice: row.practice.clone(),
                    kind: row.kind,
                })
                .collect(),
            controls_2022: catalog
                .standard(StandardId::Iso27001_2022)
                .controls()
                .map(|node| node.reference.clone())
                .collect(),
        }
    }

    /// Whether the crosswalk has a row with this id.
    pub fn has_row(&self, id: &str) -> bool {
        self.rows.iter().any(|row| row.id == id)
    }

    /// Rows both standards share: common elements and integrated processes.
    pub fn shared_rows(&self) -> usize {
        self.rows
            .iter()
            .filter(|row| matches!(row.kind, RowKind::Common | RowKind::Integrated))
            .count()
    }
}

/// The index `build.rs` made of the built-in data.
///
/// # Panics
/// If the built file does not read; `tests/catalog.rs` reads it.
pub fn builtin_index() -> &'static CatalogIndex {
    static INDEX: OnceLock<CatalogIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        serde_json::from_str(include_str!(concat!(
            env!("OUT_DIR"),
            "/data/catalog-index.json"
        )))
        .expect("build.rs writes a readable index")
    })
}
