//! The Yew front door: one component per file, each given plain data and callbacks. Components
//! call the core for everything they show; browser access goes through `crate::web`.

mod app;
mod charts;
mod data;
mod export_button;
mod frame;
mod heatmap;
mod labels;
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
pub use start::{mount_first_visit, StartApp, StartProps};
pub use summary::{SummaryProps, SummaryScreen};
pub use welcome::{Welcome, WelcomeProps};
pub use wizard::{Wizard, WizardProps};
