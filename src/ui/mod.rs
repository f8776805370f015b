//! The Yew front door: one component per file, each given plain data and callbacks. Components
//! call the core for everything they show; browser access goes through `crate::web`.

mod app;
mod welcome;

pub use app::App;
pub use welcome::{Welcome, WelcomeProps};
