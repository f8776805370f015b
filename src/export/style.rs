//! The workbook's formats, made once per workbook, with its language: the sheet names, the
//! date format, and the status words the drop-downs offer and the colours and counts match.

use crate::export::xlsx::{
    Color, ConditionalFormatCell, DataValidation, Format, FormatAlign, FormatBorder, Worksheet,
    XlsxError,
};

use super::options::sheet_names;
use crate::assessment::Status;
use crate::i18n::Texts;

/// A text as an Excel formula writes a string: in double quotes, a quote doubled.
pub fn formula_string(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// Yes or No in the workbook's language.
pub fn yes_no(texts: &'static Texts, yes: bool) -> &'static str {
    texts.get(if yes { "workbook.yes" } else { "workbook.no" })
}

pub struct Styles {
    /// The workbook's language.
    pub texts: &'static Texts,
    /// The names of the visible sheets in that language (`options::Sheet` order).
    pub sheets: [String; 7],
    pub title: Format,
    pub subtitle: Format,
    pub header: Format,
    pub wrap: Format,
    pub plain: Format,
    pub bold: Format,
    pub number: Format,
    /// Whole numbers: the plan's rank.
    pub integer: Format,
    pub percent: Format,
    pub date: Format,
    pub link: Format,
    pub big: Format,
}

impl Styles {
    pub fn new(texts: &'static Texts) -> Styles {
        let base = Styles::default_format();
        Styles {
            texts,
            sheets: sheet_names(texts),
            title: Format::new()
                .set_align(FormatAlign::Top)
                .set_bold()
                .set_font_size(16)
                .set_font_color(Color::Rgb(0x1F4E8C)),
            subtitle: Format::new()
                .set_font_size(10)
                .set_font_color(Color::Rgb(0x4A5565)),
            header: Format::new()
                .set_bold()
                .set_font_size(10)
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_background_color(Color::Rgb(0x1F4E8C))
                .set_font_color(Color::White)
                .set_border(FormatBorder::Thin)
                .set_border_color(Color::Rgb(0xD5DBE5)),
            wrap: base.clone(),
            // An explicit alignment replaces the default's, so this one does not wrap: short
            // values on the Summary run on into the empty cells beside them.
            plain: Format::new().set_align(FormatAlign::Top),
            bold: base.clone().set_bold(),
            number: base.clone().set_num_format("0.0"),
            integer: base.clone().set_num_format("0"),
            percent: base.clone().set_num_format("0%"),
            date: base
                .clone()
                .set_num_format(texts.get("workbook.format.date")),
            link: base
                .clone()
                .set_font_color(Color::Rgb(0x1F4E8C))
                .set_underline(crate::export::xlsx::FormatUnderline::Single),
            big: Format::new()
                .set_bold()
                .set_font_size(20)
                .set_font_color(Color::Rgb(0x1F4E8C))
                .set_align(FormatAlign::Left),
        }
    }

    /// Every cell's format unless it has its own: top-aligned and wrapped, in Excel's default
    /// font. As the workbook default it costs no per-cell style.
    pub fn default_format() -> Format {
        Format::new().set_align(FormatAlign::Top).set_text_wrap()
    }

    /// The fill conditional formatting gives a status cell: the one table of status colours
    /// (fill, ink). Every sheet colours statuses from here, for every status there is.
    pub fn status_fill(status: Status) -> Format {
        let (fill, ink) = match status {
            Status::NotStarted => (0xFEE2E2, 0x7F1D1D),
            Status::InProgress => (0xFEF3C7, 0x78350F),
            Status::Implemented => (0xDCFCE7, 0x14532D),
            Status::NotApplicable => (0xE5E7EB, 0x374151),
        };
        Format::new()
            .set_background_color(Color::Rgb(fill))
            .set_font_color(Color::Rgb(ink))
    }

    /// The name of a sheet in the workbook's language.
    pub fn sheet(&self, sheet: super::options::Sheet) -> &str {
        &self.sheets[sheet as usize]
    }

    /// The status words in the workbook's language, in `Status::ALL` order.
    pub fn status_words(&self) -> Vec<&'static str> {
        Status::ALL.iter().map(|s| self.texts.label(*s)).collect()
    }

    /// Colours the status cells of one column, rows `first` to `last`, by the status words of
    /// the workbook's language.
    pub fn status_colours(
        &self,
        ws: &mut Worksheet,
        first: u32,
        last: u32,
        col: u16,
    ) -> Result<(), XlsxError> {
        for status in Status::ALL {
            let rule = ConditionalFormatCell::equal_to(
                formula_string(self.texts.label(status)),
                Styles::status_fill(status),
            );
            ws.add_conditional_format(first, col, last, col, &rule)?;
        }
        Ok(())
    }

    /// The drop-down list of statuses.
    pub fn status_dropdown(&self) -> Result<DataValidation, XlsxError> {
        let labels = self.status_words();
        let texts = self.texts;
        DataValidation::new()
            .allow_list_strings(&labels)?
            .set_error_title(texts.get("workbook.header.status"))?
            .set_error_message(texts.fill(
                "workbook.status.choose",
                &[("statuses", &labels.join(", "))],
            ))
    }

    pub fn yes_no_dropdown(&self) -> Result<DataValidation, XlsxError> {
        DataValidation::new().allow_list_strings(&[
            self.texts.get("workbook.yes"),
            self.texts.get("workbook.no"),
        ])
    }
}
