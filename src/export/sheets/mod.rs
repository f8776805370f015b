//! The sheets, one file each, added in display order, every text in the workbook's language
//! (`Styles::texts`). Every user-supplied string goes through `text::cell_text_in` and is
//! written as a string, so it stays text (a note starting with `=` is not a formula).

mod about;
mod actions;
mod answers;
pub mod data;
mod matrix;
mod soa;
mod summary;

use crate::export::xlsx::{Workbook, XlsxError};

use super::options::ExportOptions;
use super::style::Styles;
use crate::assessment::Assessment;
use crate::matrix::Matrix;
use crate::questionnaire::Questionnaire;

pub fn write_all(
    book: &mut Workbook,
    m: &Matrix,
    a: &Assessment,
    q: &Questionnaire,
    options: &ExportOptions,
) -> Result<(), XlsxError> {
    let styles = Styles::new(options.texts);
    // The Summary's formulas count the Matrix sheet, which therefore must exist by name; sheets
    // are added in display order and filled independently.
    summary::write(book.add_worksheet(), m, a, options, &styles)?;
    matrix::write(book.add_worksheet(), m, matrix::View::Iso27001, &styles)?;
    matrix::write(book.add_worksheet(), m, matrix::View::Iso20000, &styles)?;
    soa::write(book.add_worksheet(), m, &styles)?;
    actions::write(book.add_worksheet(), m, &styles)?;
    answers::write(book.add_worksheet(), a, q, &styles)?;
    about::write(book.add_worksheet(), m, options, &styles)?;
    data::write(book.add_worksheet(), m, a)?;
    Ok(())
}
