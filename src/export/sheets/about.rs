//! The About sheet: what the workbook is, its editions, how to use it, the disclaimer and, when
//! branded, the consultancy.

use crate::export::xlsx::{Worksheet, XlsxError};

use crate::export::cell::shown_date;
use crate::export::fit::RowHeights;
use crate::export::options::{ExportOptions, Sheet};
use crate::export::style::Styles;
use crate::export::text::cell_text_in;
use crate::matrix::Matrix;

const LABEL_WIDTH: f64 = 26.0;
const TEXT_WIDTH: f64 = 90.0;

pub fn write(
    ws: &mut Worksheet,
    m: &Matrix,
    options: &ExportOptions,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let texts = options.texts;
    ws.set_name(styles.sheet(Sheet::About))?;
    ws.set_column_width(0, LABEL_WIDTH)?;
    ws.set_column_width(1, TEXT_WIDTH)?;
    ws.set_print_fit_to_pages();
    ws.write_string_with_format(0, 0, texts.get("workbook.about.title"), &styles.title)?;
    let editions = texts.fill(
        "workbook.about.editions-text",
        &[
            ("iso27001", &m.editions.iso27001.edition()),
            ("iso20000", &m.editions.iso20000.edition()),
        ],
    );
    let generated = texts.fill(
        "workbook.about.generated-text",
        &[
            ("date", &shown_date(texts, &options.date)),
            ("version", &crate::VERSION),
        ],
    );
    let how = texts.fill(
        "workbook.about.how-text",
        &[
            ("matrix", &styles.sheet(Sheet::Matrix27001)),
            ("summary", &styles.sheet(Sheet::Summary)),
        ],
    );
    let mut lines: Vec<(&str, String)> = vec![
        (
            "workbook.about.what",
            texts.get("workbook.about.what-text").to_owned(),
        ),
        ("workbook.label.editions", editions),
        ("workbook.label.generated", generated),
        ("workbook.about.how", how),
        (
            "workbook.about.method",
            format!(
                "{} {}",
                texts.get(crate::matrix::plan::METHOD),
                texts.get(crate::matrix::plan::TITLES_NOTE)
            )
            .trim_end()
            .to_owned(),
        ),
        (
            "workbook.about.disclaimer",
            texts.get(crate::matrix::report::DISCLAIMER).to_owned(),
        ),
    ];
    if let Some(brand) = &options.brand {
        lines.push((
            "workbook.label.prepared-with",
            cell_text_in(texts, &brand.name),
        ));
        if !brand.contact.is_empty() {
            lines.push((
                "workbook.about.contact",
                cell_text_in(texts, &brand.contact),
            ));
        }
    }
    let mut heights = RowHeights::default();
    for (i, (label, value)) in lines.iter().enumerate() {
        let r = i as u32 + 2;
        let label = texts.get(label);
        ws.write_string_with_format(r, 0, label, &styles.bold)?;
        ws.write_string_with_format(r, 1, value, &styles.wrap)?;
        heights.note(r, label, LABEL_WIDTH);
        heights.note(r, value, TEXT_WIDTH);
    }
    heights.apply(ws)?;
    Ok(())
}
