//! What the page and the export worker say to each other. Both sides use these types, so neither
//! depends on the other's code. Pure data; no browser, no workbook.
//!
//! The page lays the workbook out (`export::laid_out`: it has the matrix and the reader's texts)
//! and the worker writes the file (`export::write_laid_out`), so the worker carries the writer
//! alone: no engine, catalog or texts, and no language to be sent first.
//!
//! - the worker posts the string `"ready"` once it takes requests (after writing one workbook
//!   to warm up), and `"prepared M"` after it wrote a workbook ahead of time in M milliseconds
//!   (the page ignores it; benchmarks read it);
//! - the page posts `{kind, workbook}`: `kind` is a [`Kind`], `workbook` a `Uint8Array` of the
//!   laid-out workbook. A prepare writes the file and keeps it; an export of the same bytes gets
//!   the kept file at once, and any other export is written there and then;
//! - the reply to an export is `{ok: true, bytes: Uint8Array, millis, prepared}` (`millis`: the
//!   write time; `prepared`: written ahead of time) or `{ok: false, error}`;
//! - reading a workbook back is the reader worker's (`src/bin/ims-matrix-read-worker.rs`).

use serde::{Deserialize, Serialize};

/// The largest file the app opens as a workbook; larger ones are refused before they are read.
pub const MAX_WORKBOOK_BYTES: usize = 20 * 1024 * 1024;

/// The consultancy whose branded app made the workbook.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Brand {
    pub name: String,
    /// A web address, e-mail address or phone number, as the consultancy gave it.
    #[serde(default)]
    pub contact: String,
}

crate::vocabulary::vocabulary! {
    /// What the page asks of the worker.
    pub enum Kind {
        /// Write the file now and keep it: the user may click Download any moment.
        Prepare = "prepare" => "Write ahead of time",
        /// The user clicked Download: reply with the file.
        Export = "export" => "Export",
    }
}

#[cfg(test)]
mod tests {
    use super::Kind;

    #[test]
    fn only_prepare_and_export_are_requests() {
        assert_eq!(Kind::parse("prepare"), Some(Kind::Prepare));
        assert_eq!(Kind::parse("export"), Some(Kind::Export));
        assert_eq!(Kind::parse("language"), None);
        assert_eq!(Kind::parse("Export"), None);
        assert_eq!(Kind::parse(""), None);
    }
}
