//! A small .xlsx writer: exactly what our workbook uses (text, numbers, dates and formulas with
//! formats; column widths and formats; row heights; a frozen header; filters; drop-downs;
//! colours by value; links within the workbook; print set-up; one bar chart; document
//! properties), written as Excel writes it.
//!
//! Why not rust_xlsxwriter, which wrote our workbooks until 5 December 2026: the export worker
//! has a budget of 250 KiB brotli (issue 18), and rust_xlsxwriter alone, with zip and deflate,
//! weighed 309 KiB, since its save path reaches every feature a workbook might hold. Its output
//! for our workbook is the reference this module was checked against part by part (README,
//! "The workbook writer").

mod chart;
mod error;
mod format;
mod properties;
mod sheet;
mod strings;
mod wire;
mod workbook;
mod xml;
mod zip;

pub use chart::Chart;
pub use error::XlsxError;
pub use format::{Color, Format, FormatAlign, FormatBorder, FormatUnderline};
pub use properties::DocProperties;
pub use sheet::{ConditionalFormatCell, DataValidation, ExcelDate, Formula, Worksheet};
pub use workbook::Workbook;
pub use xml::{cell_reference, column_name};

#[cfg(test)]
mod tests;
