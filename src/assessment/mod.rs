//! The assessment: what one organisation answered and edited. Answers, per-row edits (status,
//! owner, due date, notes), chosen editions, schema version, timestamps. Serialized as versioned
//! JSON; older versions migrate forward (`migrate`); imports report what they could not place
//! (`import`). Knows nothing of the browser and reads no clock: callers pass the time.

pub mod import;
mod merge;
mod migrate;
mod model;
mod review;
pub mod share;

pub use import::{import, import_in, ImportError, Imported};
pub use merge::{merge, merge_in, Conflict, Field, Merged};
pub use model::{
    edition_from_year, Assessment, Editions, RowEdit, Status, SAMPLE_JSON, SCHEMA_VERSION,
};
pub use review::{CellNote, Review, ReviewChange, ReviewConflict, RowField};
