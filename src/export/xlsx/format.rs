//! Cell formats and the styles part: the fonts, fills, borders and number formats the formats
//! use, each written once, and a cell format (`xf`) per distinct format, numbered in the order
//! the workbook first uses them. Only what our sheets set is modelled.

use serde::{Deserialize, Serialize};

use super::xml::{push_attribute, push_u32};

/// An RGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Color {
    Rgb(u32),
    White,
}

impl Color {
    fn rgb(self) -> u32 {
        match self {
            Color::Rgb(rgb) => rgb & 0xFF_FFFF,
            Color::White => 0xFF_FFFF,
        }
    }

    /// `rgb="FF1F4E8C"`: opaque, as Excel writes colours.
    pub(super) fn push_attribute(self, out: &mut String) {
        out.push_str(&format!(" rgb=\"FF{:06X}\"", self.rgb()));
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FormatAlign {
    /// Vertically at the top.
    Top,
    /// Horizontally to the left.
    Left,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FormatBorder {
    Thin,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FormatUnderline {
    Single,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
struct Font {
    bold: bool,
    underline: bool,
    /// Points, times 100 (so it can be compared and hashed).
    size_centipoints: u32,
    color: Option<Color>,
}

impl Default for Font {
    fn default() -> Font {
        Font {
            bold: false,
            underline: false,
            size_centipoints: 1100,
            color: None,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
struct Alignment {
    left: bool,
    top: bool,
    wrap: bool,
}

/// A cell format: font, fill, border, alignment and number format.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Format {
    font: Font,
    fill: Option<Color>,
    border: Option<Color>,
    alignment: Alignment,
    number: Option<String>,
}

impl Format {
    pub fn new() -> Format {
        Format::default()
    }

    pub fn set_align(mut self, align: FormatAlign) -> Format {
        match align {
            FormatAlign::Top => self.alignment.top = true,
            FormatAlign::Left => self.alignment.left = true,
        }
        self
    }

    pub fn set_text_wrap(mut self) -> Format {
        self.alignment.wrap = true;
        self
    }

    pub fn set_bold(mut self) -> Format {
        self.font.bold = true;
        self
    }

    pub fn set_underline(mut self, _underline: FormatUnderline) -> Format {
        self.font.underline = true;
        self
    }

    pub fn set_font_size(mut self, points: u32) -> Format {
        self.font.size_centipoints = points * 100;
        self
    }

    pub fn set_font_color(mut self, color: Color) -> Format {
        self.font.color = Some(color);
        self
    }

    /// A solid fill of `color` (the cell's colour; for a conditional format, its fill).
    pub fn set_background_color(mut self, color: Color) -> Format {
        self.fill = Some(color);
        self
    }

    /// The border's style; its colour is `set_border_color`'s (thin is the only style).
    pub fn set_border(mut self, _border: FormatBorder) -> Format {
        self.border.get_or_insert(Color::Rgb(0));
        self
    }

    pub fn set_border_color(mut self, color: Color) -> Format {
        self.border = Some(color);
        self
    }

    pub fn set_num_format(mut self, code: &str) -> Format {
        self.number = Some(code.to_owned());
        self
    }

    fn has_alignment(&self) -> bool {
        self.alignment != Alignment::default()
    }
}

/// The styles of one workbook: formats numbered as first used, the conditional formats'
/// differential formats (`dxf`), and what they share, each once.
pub struct Styles {
    default: Format,
    xfs: Vec<Format>,
    fonts: Vec<Font>,
    fills: Vec<Color>,
    borders: Vec<Color>,
    numbers: Vec<String>,
    dxfs: Vec<Format>,
}

fn index_of<T: PartialEq + Clone>(list: &mut Vec<T>, item: &T) -> usize {
    list.iter().position(|x| x == item).unwrap_or_else(|| {
        list.push(item.clone());
        list.len() - 1
    })
}

impl Styles {
    /// `default` is every cell's format unless it has its own: cell format 0.
    pub fn new(default: Format) -> Styles {
        let mut styles = Styles {
            default: default.clone(),
            xfs: Vec::new(),
            fonts: Vec::new(),
            fills: Vec::new(),
            borders: Vec::new(),
            numbers: Vec::new(),
            dxfs: Vec::new(),
        };
        styles.xf(&default);
        styles
    }

    /// The cell format number of `format`, added when new. A workbook has a dozen formats, so
    /// a search beats hashing a format on every write.
    pub fn xf(&mut self, format: &Format) -> u32 {
        let index = index_of(&mut self.xfs, format);
        index_of(&mut self.fonts, &format.font);
        if let Some(fill) = format.fill {
            index_of(&mut self.fills, &fill);
        }
        if let Some(border) = format.border {
            index_of(&mut self.borders, &border);
        }
        if let Some(number) = &format.number {
            index_of(&mut self.numbers, number);
        }
        index as u32
    }

    /// The differential format number of a conditional format's `format`.
    pub fn dxf(&mut self, format: &Format) -> u32 {
        index_of(&mut self.dxfs, format) as u32
    }

    fn position<T: PartialEq>(list: &[T], item: &T) -> usize {
        list.iter().position(|x| x == item).unwrap_or(0)
    }

    /// The styles part.
    pub fn xml(&self) -> String {
        let mut out = String::with_capacity(4096);
        out.push_str(super::xml::XML_DECLARATION);
        out.push_str(
            "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">",
        );
        if !self.numbers.is_empty() {
            out.push_str("<numFmts count=\"");
            push_u32(&mut out, self.numbers.len() as u32);
            out.push_str("\">");
            for (n, code) in self.numbers.iter().enumerate() {
                out.push_str("<numFmt numFmtId=\"");
                push_u32(&mut out, 164 + n as u32);
                out.push_str("\" formatCode=\"");
                push_attribute(&mut out, code);
                out.push_str("\"/>");
            }
            out.push_str("</numFmts>");
        }
        counted(&mut out, "fonts", self.fonts.len());
        for font in &self.fonts {
            push_font(&mut out, font);
        }
        out.push_str("</fonts>");
        counted(&mut out, "fills", self.fills.len() + 2);
        out.push_str("<fill><patternFill patternType=\"none\"/></fill>");
        out.push_str("<fill><patternFill patternType=\"gray125\"/></fill>");
        for fill in &self.fills {
            out.push_str("<fill><patternFill patternType=\"solid\"><fgColor");
            fill.push_attribute(&mut out);
            out.push_str("/><bgColor indexed=\"64\"/></patternFill></fill>");
        }
        out.push_str("</fills>");
        counted(&mut out, "borders", self.borders.len() + 1);
        out.push_str("<border><left/><right/><top/><bottom/><diagonal/></border>");
        for border in &self.borders {
            out.push_str("<border>");
            for side in ["left", "right", "top", "bottom"] {
                out.push_str(&format!("<{side} style=\"thin\"><color"));
                border.push_attribute(&mut out);
                out.push_str(&format!("/></{side}>"));
            }
            out.push_str("<diagonal/></border>");
        }
        out.push_str("</borders>");
        out.push_str(
            "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"",
        );
        push_alignment_child(&mut out, &self.default.alignment);
        out.push_str("</cellStyleXfs>");
        counted(&mut out, "cellXfs", self.xfs.len());
        for (n, format) in self.xfs.iter().enumerate() {
            self.push_xf(&mut out, format, n == 0);
        }
        out.push_str("</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>");
        if self.dxfs.is_empty() {
            out.push_str("<dxfs count=\"0\"/>");
        } else {
            counted(&mut out, "dxfs", self.dxfs.len());
            for dxf in &self.dxfs {
                out.push_str("<dxf>");
                if let Some(color) = dxf.font.color {
                    out.push_str("<font><color");
                    color.push_attribute(&mut out);
                    out.push_str("/></font>");
                }
                if let Some(fill) = dxf.fill {
                    out.push_str("<fill><patternFill><bgColor");
                    fill.push_attribute(&mut out);
                    out.push_str("/></patternFill></fill>");
                }
                out.push_str("</dxf>");
            }
            out.push_str("</dxfs>");
        }
        out.push_str("<tableStyles count=\"0\" defaultTableStyle=\"TableStyleMedium9\" defaultPivotStyle=\"PivotStyleLight16\"/></styleSheet>");
        out
    }

    fn push_xf(&self, out: &mut String, format: &Format, is_default: bool) {
        let number = format
            .number
            .as_ref()
            .map_or(0, |n| 164 + Styles::position(&self.numbers, n));
        let font = Styles::position(&self.fonts, &format.font);
        let fill = format
            .fill
            .map_or(0, |f| 2 + Styles::position(&self.fills, &f));
        let border = format
            .border
            .map_or(0, |b| 1 + Styles::position(&self.borders, &b));
        out.push_str(&format!(
            "<xf numFmtId=\"{number}\" fontId=\"{font}\" fillId=\"{fill}\" borderId=\"{border}\" xfId=\"0\""
        ));
        for (applies, name) in [
            (number > 0, "applyNumberFormat"),
            (font > 0, "applyFont"),
            (fill > 0, "applyFill"),
            (border > 0, "applyBorder"),
            (format.has_alignment() && !is_default, "applyAlignment"),
        ] {
            if applies {
                out.push_str(&format!(" {name}=\"1\""));
            }
        }
        push_alignment_child(out, &format.alignment);
    }
}

/// `<name count="n">`.
fn counted(out: &mut String, name: &str, count: usize) {
    out.push_str(&format!("<{name} count=\"{count}\">"));
}

/// Closes an `xf` begun without `>`: with its alignment, or empty.
fn push_alignment_child(out: &mut String, alignment: &Alignment) {
    if *alignment == Alignment::default() {
        out.push_str("/>");
        return;
    }
    out.push_str("><alignment");
    if alignment.left {
        out.push_str(" horizontal=\"left\"");
    }
    if alignment.top {
        out.push_str(" vertical=\"top\"");
    }
    if alignment.wrap {
        out.push_str(" wrapText=\"1\"");
    }
    out.push_str("/></xf>");
}

fn push_font(out: &mut String, font: &Font) {
    out.push_str("<font>");
    if font.bold {
        out.push_str("<b/>");
    }
    if font.underline {
        out.push_str("<u/>");
    }
    let points = font.size_centipoints;
    out.push_str(&format!("<sz val=\"{}\"/>", f64::from(points) / 100.0));
    match font.color {
        Some(color) => {
            out.push_str("<color");
            color.push_attribute(out);
            out.push_str("/>");
        }
        None => out.push_str("<color theme=\"1\"/>"),
    }
    out.push_str("<name val=\"Calibri\"/><family val=\"2\"/><scheme val=\"minor\"/></font>");
}
