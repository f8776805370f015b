//! ims-matrix: an ISO/IEC 27001 x ISO/IEC 20000-1 integration matrix, fully client-side.
//!
//! The crate is a pure core with two front doors:
//! - core (no browser, no IO): [`catalog`] (standards, transitions, crosswalk as validated data),
//!   [`questionnaire`] (questions, answers, applicability rules), [`advice`] (control profiles,
//!   laws and schemes), [`assessment`] (what one organisation entered, versioned JSON),
//!   [`matrix`] (the pure engine) and [`export`] (the workbook);
//! - front door one, the Yew web app: [`ui`] over browser glue in [`web`], and the export worker
//!   (`src/bin/ims-matrix-export-worker.rs`);
//! - front door two, the native command line (`src/bin/ims-matrix/`).
//!
//! See ARCHITECTURE.md for the map and the invariants.

pub mod advice;
pub mod assessment;
pub mod catalog;
pub mod date;
pub mod embed;
pub mod export;
pub mod i18n;
pub mod matrix;
pub mod protocol;
pub mod questionnaire;
pub mod state;
pub mod ui;
pub mod vocabulary;
pub mod web;

/// The product version, shown by `ims-matrix --version` and written into exports.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
