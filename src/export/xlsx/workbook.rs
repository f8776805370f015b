//! A workbook: its sheets in display order, written as a package of parts (the content types,
//! the relationships, the theme, the styles, the workbook, each sheet, the shared strings, the
//! properties, the chart and its drawing) into one zip.

use std::cell::RefCell;
use std::rc::Rc;

use super::chart::{self, Chart};
use super::error::XlsxError;
use super::format::{self, Format};
use super::properties::DocProperties;
use super::sheet::{self, Worksheet};
use super::strings::{Numbering, StringTable};
use super::xml::{self, sheet_reference, XML_DECLARATION};
use super::zip;

/// Excel's default Office theme, as rust_xlsxwriter writes it (MIT or Apache-2.0): a workbook
/// without one opens, but Excel then has no theme colours for its own edits.
const THEME: &str = include_str!("theme1.xml");

/// A workbook being built: sheets in display order, then `save_to_buffer`.
pub struct Workbook {
    pub(super) default_format: Format,
    pub(super) sheets: Vec<Worksheet>,
    /// Every text the sheets hold, once; the sheets share it.
    pub(super) strings: Rc<RefCell<StringTable>>,
    pub(super) properties: DocProperties,
}

/// A defined name: `_xlnm._FilterDatabase` or `_xlnm.Print_Titles` of one sheet.
struct DefinedName {
    filter: bool,
    sheet: usize,
    range: String,
}

impl Workbook {
    /// `default_format` is every cell's format unless it has its own.
    pub fn new(default_format: Format) -> Workbook {
        Workbook {
            default_format,
            sheets: Vec::new(),
            strings: Rc::default(),
            properties: DocProperties::default(),
        }
    }

    pub fn add_worksheet(&mut self) -> &mut Worksheet {
        let number = self.sheets.len() + 1;
        self.sheets
            .push(Worksheet::new(number, Rc::clone(&self.strings)));
        let last = self.sheets.len() - 1;
        &mut self.sheets[last]
    }

    pub fn set_properties(&mut self, properties: &DocProperties) {
        self.properties = properties.clone();
    }

    fn defined_names(&self) -> Vec<DefinedName> {
        let mut names = Vec::new();
        for (n, sheet) in self.sheets.iter().enumerate() {
            let quoted = sheet_reference(&sheet.name);
            if let Some((r0, c0, r1, c1)) = sheet.autofilter {
                let range = xml::absolute_range(r0, c0, r1, c1);
                names.push(DefinedName {
                    filter: true,
                    sheet: n,
                    range: format!("{quoted}!{range}"),
                });
            }
            if let Some((first, last)) = sheet.repeat_rows {
                let range = format!("{quoted}!${}:${}", first + 1, last + 1);
                names.push(DefinedName {
                    filter: false,
                    sheet: n,
                    range,
                });
            }
        }
        // Excel keeps defined names sorted: by name, then by what they refer to.
        names.sort_by(|a, b| (!a.filter, &a.range).cmp(&(!b.filter, &b.range)));
        names
    }

    /// The finished .xlsx file.
    ///
    /// # Errors
    /// When two sheets have the same name, or the file would pass what zip holds.
    pub fn save_to_buffer(&self) -> Result<Vec<u8>, XlsxError> {
        for (n, sheet) in self.sheets.iter().enumerate() {
            let lower = sheet.name.to_lowercase();
            if self.sheets[..n]
                .iter()
                .any(|s| s.name.to_lowercase() == lower)
            {
                return Err(XlsxError(format!("two sheets are named {:?}", sheet.name)));
            }
        }
        let mut styles = format::Styles::new(self.default_format.clone());
        let table = self.strings.borrow();
        let mut strings = Numbering::new(&table);
        let selected = self.sheets.iter().position(|s| !s.very_hidden);
        let mut sheet_parts = Vec::with_capacity(self.sheets.len());
        for (n, sheet) in self.sheets.iter().enumerate() {
            let mut context = sheet::Context {
                styles: &mut styles,
                strings: &mut strings,
                selected: selected == Some(n),
                has_drawing: sheet.chart.is_some(),
            };
            sheet_parts.push(sheet.xml(&mut context));
        }
        let names = self.defined_names();
        let chart = self
            .sheets
            .iter()
            .enumerate()
            .find_map(|(n, s)| s.chart.as_ref().map(|c| (n, c)));

        let mut zip = zip::Zip::with_capacity(256 * 1024);
        let add = |zip: &mut zip::Zip, name: &str, part: &str| {
            zip.add(name, part.as_bytes()).map_err(XlsxError)
        };
        add(
            &mut zip,
            "[Content_Types].xml",
            &self.content_types(chart.is_some()),
        )?;
        add(&mut zip, "_rels/.rels", ROOT_RELS)?;
        add(
            &mut zip,
            "xl/_rels/workbook.xml.rels",
            &self.workbook_rels(),
        )?;
        add(&mut zip, "xl/theme/theme1.xml", THEME)?;
        add(&mut zip, "xl/styles.xml", &styles.xml())?;
        add(&mut zip, "xl/workbook.xml", &self.workbook_xml(&names))?;
        for (n, part) in sheet_parts.iter().enumerate() {
            add(&mut zip, &format!("xl/worksheets/sheet{}.xml", n + 1), part)?;
            if self.sheets[n].chart.is_some() {
                add(
                    &mut zip,
                    &format!("xl/worksheets/_rels/sheet{}.xml.rels", n + 1),
                    &relationships(&[("drawing", "../drawings/drawing1.xml")]),
                )?;
            }
        }
        add(&mut zip, "xl/sharedStrings.xml", &strings.xml())?;
        add(&mut zip, "docProps/core.xml", &self.properties.core_xml())?;
        let visible: Vec<&str> = self
            .sheets
            .iter()
            .filter(|s| !s.very_hidden)
            .map(|s| s.name.as_str())
            .collect();
        let titles: Vec<&str> = names
            .iter()
            .filter(|n| !n.filter)
            .map(|n| self.sheets[n.sheet].name.as_str())
            .collect();
        add(
            &mut zip,
            "docProps/app.xml",
            &self.properties.app_xml(&visible, &titles),
        )?;
        if let Some((n, (row, col, chart))) = chart {
            let sheet = &self.sheets[n];
            let drawing = chart::drawing_xml(
                *row,
                *col,
                |c| sheet.column_pixels(c),
                |r| sheet.row_pixels(r),
            );
            add(&mut zip, "xl/drawings/drawing1.xml", &drawing)?;
            add(
                &mut zip,
                "xl/charts/chart1.xml",
                &chart.xml(&self.category_texts(chart)),
            )?;
            add(
                &mut zip,
                "xl/drawings/_rels/drawing1.xml.rels",
                &relationships(&[("chart", "../charts/chart1.xml")]),
            )?;
        }
        zip.finish().map_err(XlsxError)
    }

    /// The texts of the chart's categories, as its sheet holds them.
    fn category_texts(&self, chart: &Chart) -> Vec<String> {
        let (rows, col) = chart.category_cells();
        let sheet = self.sheets.iter().find(|s| s.name == chart.sheet());
        rows.map(|r| {
            sheet
                .and_then(|s| s.rows.get(r as usize))
                .and_then(|row| row.cells.iter().find(|c| c.col == col))
                .and_then(|cell| match cell.value {
                    sheet::Value::String(index) => {
                        Some(self.strings.borrow().text(index).to_owned())
                    }
                    _ => None,
                })
                .unwrap_or_default()
        })
        .collect()
    }

    fn content_types(&self, has_chart: bool) -> String {
        let mut out = String::from(XML_DECLARATION);
        out.push_str("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>");
        let over = |out: &mut String, part: &str, kind: &str| {
            out.push_str(&format!(
                "<Override PartName=\"{part}\" ContentType=\"application/vnd.openxmlformats-{kind}\"/>"
            ));
        };
        over(
            &mut out,
            "/docProps/app.xml",
            "officedocument.extended-properties+xml",
        );
        over(
            &mut out,
            "/docProps/core.xml",
            "package.core-properties+xml",
        );
        over(
            &mut out,
            "/xl/styles.xml",
            "officedocument.spreadsheetml.styles+xml",
        );
        over(&mut out, "/xl/theme/theme1.xml", "officedocument.theme+xml");
        over(
            &mut out,
            "/xl/workbook.xml",
            "officedocument.spreadsheetml.sheet.main+xml",
        );
        for n in 1..=self.sheets.len() {
            over(
                &mut out,
                &format!("/xl/worksheets/sheet{n}.xml"),
                "officedocument.spreadsheetml.worksheet+xml",
            );
        }
        if has_chart {
            over(
                &mut out,
                "/xl/drawings/drawing1.xml",
                "officedocument.drawing+xml",
            );
            over(
                &mut out,
                "/xl/charts/chart1.xml",
                "officedocument.drawingml.chart+xml",
            );
        }
        over(
            &mut out,
            "/xl/sharedStrings.xml",
            "officedocument.spreadsheetml.sharedStrings+xml",
        );
        out.push_str("</Types>");
        out
    }

    fn workbook_rels(&self) -> String {
        let sheets: Vec<String> = (1..=self.sheets.len())
            .map(|n| format!("worksheets/sheet{n}.xml"))
            .collect();
        let mut list: Vec<(&str, &str)> =
            sheets.iter().map(|s| ("worksheet", s.as_str())).collect();
        list.extend([
            ("theme", "theme/theme1.xml"),
            ("styles", "styles.xml"),
            ("sharedStrings", "sharedStrings.xml"),
        ]);
        relationships(&list)
    }

    fn workbook_xml(&self, names: &[DefinedName]) -> String {
        let mut out = String::from(XML_DECLARATION);
        out.push_str("<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><fileVersion appName=\"xl\" lastEdited=\"4\" lowestEdited=\"4\" rupBuild=\"4505\"/><workbookPr defaultThemeVersion=\"124226\"/><bookViews><workbookView xWindow=\"240\" yWindow=\"15\" windowWidth=\"16095\" windowHeight=\"9660\"/></bookViews><sheets>");
        for (n, sheet) in self.sheets.iter().enumerate() {
            out.push_str("<sheet name=\"");
            xml::push_attribute(&mut out, &sheet.name);
            out.push_str(&format!("\" sheetId=\"{}\"", n + 1));
            if sheet.very_hidden {
                out.push_str(" state=\"veryHidden\"");
            }
            out.push_str(&format!(" r:id=\"rId{}\"/>", n + 1));
        }
        out.push_str("</sheets>");
        if !names.is_empty() {
            out.push_str("<definedNames>");
            for name in names {
                let (what, hidden) = if name.filter {
                    ("_xlnm._FilterDatabase", " hidden=\"1\"")
                } else {
                    ("_xlnm.Print_Titles", "")
                };
                out.push_str(&format!(
                    "<definedName name=\"{what}\" localSheetId=\"{}\"{hidden}>",
                    name.sheet
                ));
                xml::push_text(&mut out, &name.range);
                out.push_str("</definedName>");
            }
            out.push_str("</definedNames>");
        }
        out.push_str("<calcPr calcId=\"124519\" fullCalcOnLoad=\"1\"/></workbook>");
        out
    }
}

const ROOT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/><Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/></Relationships>";

/// A relationships part: each (kind, target) numbered rId1, rId2 … in order.
fn relationships(list: &[(&str, &str)]) -> String {
    let mut out = String::from(XML_DECLARATION);
    out.push_str(
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
    );
    for (n, (kind, target)) in list.iter().enumerate() {
        out.push_str(&format!(
            "<Relationship Id=\"rId{}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}\" Target=\"{target}\"/>",
            n + 1
        ));
    }
    out.push_str("</Relationships>");
    out
}
