//! The one chart kind our workbook draws: horizontal bars of one series, its categories and
//! values in cells of a sheet, and the drawing that places it over cells.

use serde::{Deserialize, Serialize};

use super::xml::{absolute_range, push_text, sheet_reference};

/// A bar chart of one series, without a legend.
#[derive(Serialize, Deserialize)]
pub struct Chart {
    title: String,
    series_name: String,
    /// The sheet, first and last row of the categories (column `category_col`) and the values
    /// (column `value_col`).
    sheet: String,
    first_row: u32,
    last_row: u32,
    category_col: u16,
    value_col: u16,
}

/// The chart's size, Excel's default: 480 × 288 pixels.
const WIDTH_PIXELS: u32 = 480;
const HEIGHT_PIXELS: u32 = 288;
/// English Metric Units per pixel at 96 dpi.
const EMU_PER_PIXEL: u32 = 9525;

impl Chart {
    pub fn bars(
        title: &str,
        series_name: &str,
        sheet: &str,
        (first_row, last_row): (u32, u32),
        (category_col, value_col): (u16, u16),
    ) -> Chart {
        Chart {
            title: title.to_owned(),
            series_name: series_name.to_owned(),
            sheet: sheet.to_owned(),
            first_row,
            last_row,
            category_col,
            value_col,
        }
    }

    /// The sheet whose cells the chart reads.
    pub(super) fn sheet(&self) -> &str {
        &self.sheet
    }

    /// The categories' cells: rows and column.
    pub(super) fn category_cells(&self) -> (std::ops::RangeInclusive<u32>, u16) {
        (self.first_row..=self.last_row, self.category_col)
    }

    /// The chart part, with the categories' texts cached for readers that do not look them up.
    pub(super) fn xml(&self, categories: &[String]) -> String {
        let sheet = sheet_reference(&self.sheet);
        let range = |col| {
            format!(
                "{sheet}!{}",
                absolute_range(self.first_row, col, self.last_row, col)
            )
        };
        let mut out = String::with_capacity(2048);
        out.push_str(super::xml::XML_DECLARATION);
        out.push_str("<c:chartSpace xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><c:lang val=\"en-US\"/><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr/></a:pPr><a:r><a:rPr lang=\"en-US\"/><a:t>");
        push_text(&mut out, &self.title);
        out.push_str("</a:t></a:r></a:p></c:rich></c:tx><c:layout/></c:title><c:plotArea><c:layout/><c:barChart><c:barDir val=\"bar\"/><c:grouping val=\"clustered\"/><c:ser><c:idx val=\"0\"/><c:order val=\"0\"/><c:tx><c:v>");
        push_text(&mut out, &self.series_name);
        out.push_str("</c:v></c:tx><c:cat><c:strRef><c:f>");
        push_text(&mut out, &range(self.category_col));
        out.push_str(&format!(
            "</c:f><c:strCache><c:ptCount val=\"{}\"/>",
            categories.len()
        ));
        for (n, category) in categories.iter().enumerate() {
            out.push_str(&format!("<c:pt idx=\"{n}\"><c:v>"));
            push_text(&mut out, category);
            out.push_str("</c:v></c:pt>");
        }
        out.push_str("</c:strCache></c:strRef></c:cat><c:val><c:numRef><c:f>");
        push_text(&mut out, &range(self.value_col));
        out.push_str(&format!(
            "</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val=\"{}\"/></c:numCache></c:numRef></c:val></c:ser>",
            categories.len()
        ));
        out.push_str("<c:axId val=\"50010001\"/><c:axId val=\"50010002\"/></c:barChart><c:catAx><c:axId val=\"50010001\"/><c:scaling><c:orientation val=\"minMax\"/></c:scaling><c:axPos val=\"l\"/><c:tickLblPos val=\"nextTo\"/><c:crossAx val=\"50010002\"/><c:crosses val=\"autoZero\"/><c:auto val=\"1\"/><c:lblAlgn val=\"ctr\"/><c:lblOffset val=\"100\"/></c:catAx><c:valAx><c:axId val=\"50010002\"/><c:scaling><c:orientation val=\"minMax\"/></c:scaling><c:axPos val=\"b\"/><c:majorGridlines/><c:numFmt formatCode=\"General\" sourceLinked=\"1\"/><c:tickLblPos val=\"nextTo\"/><c:crossAx val=\"50010001\"/><c:crosses val=\"autoZero\"/><c:crossBetween val=\"between\"/></c:valAx></c:plotArea><c:plotVisOnly val=\"1\"/></c:chart><c:printSettings><c:headerFooter/><c:pageMargins b=\"0.75\" l=\"0.7\" r=\"0.7\" t=\"0.75\" header=\"0.3\" footer=\"0.3\"/><c:pageSetup/></c:printSettings></c:chartSpace>");
        out
    }
}

/// The drawing part: the chart anchored from the top left of cell (`row`, `col`) to where its
/// default size ends, given the sheet's column widths and row heights in pixels.
pub(super) fn drawing_xml(
    row: u32,
    col: u16,
    column_pixels: impl Fn(u16) -> u32,
    row_pixels: impl Fn(u32) -> u32,
) -> String {
    let (mut end_col, mut x) = (col, WIDTH_PIXELS);
    while x >= column_pixels(end_col) {
        x -= column_pixels(end_col);
        end_col += 1;
    }
    let (mut end_row, mut y) = (row, HEIGHT_PIXELS);
    while y >= row_pixels(end_row) {
        y -= row_pixels(end_row);
        end_row += 1;
    }
    let mut out = String::with_capacity(1024);
    out.push_str(super::xml::XML_DECLARATION);
    out.push_str("<xdr:wsDr xmlns:xdr=\"http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><xdr:twoCellAnchor>");
    out.push_str(&format!(
        "<xdr:from><xdr:col>{col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>{row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>{end_col}</xdr:col><xdr:colOff>{}</xdr:colOff><xdr:row>{end_row}</xdr:row><xdr:rowOff>{}</xdr:rowOff></xdr:to>",
        x * EMU_PER_PIXEL,
        y * EMU_PER_PIXEL
    ));
    out.push_str("<xdr:graphicFrame macro=\"\"><xdr:nvGraphicFramePr><xdr:cNvPr id=\"2\" name=\"Chart 1\"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"0\" cy=\"0\"/></xdr:xfrm><a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/chart\"><c:chart xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" r:id=\"rId1\"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>");
    out
}
