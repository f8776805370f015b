//! The document's properties (File › Info in Excel) and the two parts that carry them.

use serde::{Deserialize, Serialize};

use super::sheet::ExcelDate;
use super::xml::{self, sheet_reference, XML_DECLARATION};

/// The document's properties (File › Info in Excel).
#[derive(Default, Clone, Serialize, Deserialize)]
pub struct DocProperties {
    title: String,
    subject: String,
    author: String,
    company: String,
    keywords: String,
    comment: String,
    category: String,
    created: Option<ExcelDate>,
}

impl DocProperties {
    pub fn new() -> DocProperties {
        DocProperties::default()
    }
    pub fn set_title(self, title: impl Into<String>) -> Self {
        DocProperties {
            title: title.into(),
            ..self
        }
    }
    pub fn set_subject(self, subject: impl Into<String>) -> Self {
        DocProperties {
            subject: subject.into(),
            ..self
        }
    }
    pub fn set_author(self, author: impl Into<String>) -> Self {
        DocProperties {
            author: author.into(),
            ..self
        }
    }
    pub fn set_company(self, company: impl Into<String>) -> Self {
        DocProperties {
            company: company.into(),
            ..self
        }
    }
    pub fn set_keywords(self, keywords: impl Into<String>) -> Self {
        DocProperties {
            keywords: keywords.into(),
            ..self
        }
    }
    pub fn set_comment(self, comment: impl Into<String>) -> Self {
        DocProperties {
            comment: comment.into(),
            ..self
        }
    }
    pub fn set_category(self, category: impl Into<String>) -> Self {
        DocProperties {
            category: category.into(),
            ..self
        }
    }
    pub fn set_creation_date(self, date: ExcelDate) -> Self {
        DocProperties {
            created: Some(date),
            ..self
        }
    }
}

impl DocProperties {
    /// The core properties part (`docProps/core.xml`).
    pub(super) fn core_xml(&self) -> String {
        let p = self;
        let mut out = String::from(XML_DECLARATION);
        out.push_str("<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">");
        let element = |out: &mut String, tag: &str, text: &str| {
            if !text.is_empty() {
                out.push_str(&format!("<{tag}>"));
                xml::push_text(out, text);
                out.push_str(&format!("</{tag}>"));
            }
        };
        element(&mut out, "dc:title", &p.title);
        element(&mut out, "dc:subject", &p.subject);
        element(&mut out, "dc:creator", &p.author);
        element(&mut out, "cp:keywords", &p.keywords);
        element(&mut out, "dc:description", &p.comment);
        element(&mut out, "cp:lastModifiedBy", &p.author);
        let when = p
            .created
            .map_or_else(|| "1980-01-01T00:00:00Z".to_owned(), ExcelDate::timestamp);
        for tag in ["dcterms:created", "dcterms:modified"] {
            out.push_str(&format!(
                "<{tag} xsi:type=\"dcterms:W3CDTF\">{when}</{tag}>"
            ));
        }
        element(&mut out, "cp:category", &p.category);
        out.push_str("</cp:coreProperties>");
        out
    }

    /// The application properties part (`docProps/app.xml`): the visible sheets' names and
    /// the sheets whose rows print on every page (`Print_Titles`), as Excel lists them.
    pub(super) fn app_xml(&self, visible: &[&str], titles: &[&str]) -> String {
        let mut out = String::from(XML_DECLARATION);
        out.push_str("<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\"><Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><HeadingPairs>");
        let pairs = if titles.is_empty() { 2 } else { 4 };
        out.push_str(&format!(
            "<vt:vector size=\"{pairs}\" baseType=\"variant\"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>{}</vt:i4></vt:variant>",
            visible.len()
        ));
        if !titles.is_empty() {
            out.push_str(&format!(
                "<vt:variant><vt:lpstr>Named Ranges</vt:lpstr></vt:variant><vt:variant><vt:i4>{}</vt:i4></vt:variant>",
                titles.len()
            ));
        }
        out.push_str(&format!(
            "</vt:vector></HeadingPairs><TitlesOfParts><vt:vector size=\"{}\" baseType=\"lpstr\">",
            visible.len() + titles.len()
        ));
        for sheet in visible {
            out.push_str("<vt:lpstr>");
            xml::push_text(&mut out, sheet);
            out.push_str("</vt:lpstr>");
        }
        for sheet in titles {
            out.push_str("<vt:lpstr>");
            xml::push_text(
                &mut out,
                &format!("{}!Print_Titles", sheet_reference(sheet)),
            );
            out.push_str("</vt:lpstr>");
        }
        out.push_str("</vt:vector></TitlesOfParts>");
        if !self.company.is_empty() {
            out.push_str("<Company>");
            xml::push_text(&mut out, &self.company);
            out.push_str("</Company>");
        }
        out.push_str("<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>12.0000</AppVersion></Properties>");
        out
    }
}
