//! The About sheet: what the workbook is, its editions, how to use it, the disclaimer and, when
//! branded, the consultancy.

use rust_xlsxwriter::{Worksheet, XlsxError};

use crate::export::fit::RowHeights;
use crate::export::options::{ExportOptions, SHEETS};
use crate::export::style::Styles;
use crate::export::text::cell_text;
use crate::matrix::Matrix;

const TEXT_WIDTH: f64 = 90.0;

pub fn write(
    ws: &mut Worksheet,
    m: &Matrix,
    options: &ExportOptions,
    styles: &Styles,
) -> Result<(), XlsxError> {
    ws.set_name(SHEETS[6])?;
    ws.set_column_width(0, 26)?;
    ws.set_column_width(1, TEXT_WIDTH)?;
    ws.set_print_fit_to_pages(1, 0);
    ws.write_string_with_format(0, 0, "About this workbook", &styles.title)?;
    let mut lines: Vec<(&str, String)> = vec![
        ("What it is", "An integration matrix for running ISO/IEC 27001 and ISO/IEC 20000-1 as one management system, built from a scoping questionnaire: what the standards share, what runs as one process, what belongs to one standard only, the draft Statement of Applicability and an action plan.".to_owned()),
        ("Editions", format!("ISO/IEC 27001:{} and ISO/IEC 20000-1:{}. The matrix sheets also show each row's references in the other edition.", m.editions.iso27001.edition(), m.editions.iso20000.edition())),
        ("Generated", format!("{} with ims-matrix {}", options.date, crate::VERSION)),
        ("How to use it", "Edit Status (drop-down), Owner, Due and Notes in the Matrix (ISO 27001 view); the counts on the Summary recount from it. The ISO 20000-1 view holds the same rows in ISO/IEC 20000-1 clause order without the long guidance and rationale: the same Row ID finds them in the ISO 27001 view. Filters are on every table.".to_owned()),
        ("How the plan is built", crate::matrix::plan::METHOD.to_owned()),
        ("Disclaimer", crate::matrix::report::DISCLAIMER.to_owned()),
    ];
    if let Some(brand) = &options.brand {
        lines.push(("Prepared with", cell_text(&brand.name)));
        if !brand.contact.is_empty() {
            lines.push(("Contact", cell_text(&brand.contact)));
        }
    }
    let mut heights = RowHeights::default();
    for (i, (label, value)) in lines.iter().enumerate() {
        let r = i as u32 + 2;
        ws.write_string_with_format(r, 0, *label, &styles.bold)?;
        ws.write_string_with_format(r, 1, value, &styles.wrap)?;
        heights.note(r, value, TEXT_WIDTH);
    }
    heights.apply(ws)?;
    Ok(())
}
