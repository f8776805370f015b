//! The Yew front door: one component per file, each given plain data and callbacks. Components
//! call the core for everything they show; browser access goes through `crate::web`.

mod app;
mod charts;
mod data;
mod export_button;
mod frame;
mod heatmap;
mod labels;
mod laid_out;
pub mod lang;
mod matrix_screen;
mod notices;
mod open_file;
mod question;
mod report;
mod report_sections;
mod review;
mod row_detail;
mod start;
mod store;
mod summary;
mod welcome;
mod wizard;

pub use app::App;
pub use data::{DataProps, DataScreen};
pub use export_button::{ExportButton, ExportButtonProps};
pub use heatmap::{HeatmapProps, HeatmapScreen};
pub use matrix_screen::{MatrixScreen, MatrixScreenProps};
pub use report::{Report, ReportProps, ReportScreen, ReportScreenProps};
pub use start::{mount_first_visit, StartApp, StartProps, StaticWelcome};
pub use summary::{SummaryProps, SummaryScreen};
pub use welcome::{Welcome, WelcomeProps};
pub use wizard::{Wizard, WizardProps};

/// Loads the visitor's language (`web::lang::preferred`), then calls `mount`: in English at
/// once; in another language once its texts are fetched, or in English with the reason logged
/// when they cannot be.
pub fn start_in_language(mount: impl FnOnce() + 'static) {
    let lang = crate::web::lang::preferred();
    if lang == "en" {
        return mount();
    }
    wasm_bindgen_futures::spawn_local(async move {
        match crate::web::lang::load(lang).await {
            Ok((texts, bundle)) => lang::set(texts, bundle.as_deref()),
            Err(message) => web_sys::console::warn_1(&message.into()),
        }
        mount();
    });
}
