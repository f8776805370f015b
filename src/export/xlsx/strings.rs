//! The shared strings: every text of the workbook stored once, numbered in the order the
//! sheets are written, row by row, as Excel numbers them.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::Rc;

/// FNV-1a: the shared strings are hashed once per text written, and SipHash's protection
/// against chosen keys buys nothing for a workbook built from our own texts.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for byte in bytes {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }
}

/// The workbook's texts, each stored once and numbered in the order first written.
#[derive(Default)]
pub struct StringTable {
    index: HashMap<Rc<str>, u32, BuildHasherDefault<Fnv>>,
    strings: Vec<Rc<str>>,
    /// Cells written with a text, for the count the part states.
    written: u32,
}

impl StringTable {
    pub fn index(&mut self, text: &str) -> u32 {
        self.written += 1;
        if let Some(index) = self.index.get(text) {
            return *index;
        }
        let index = self.strings.len() as u32;
        let text: Rc<str> = Rc::from(text);
        self.strings.push(Rc::clone(&text));
        self.index.insert(text, index);
        index
    }

    /// The shared strings part.
    pub fn xml(&self) -> String {
        let bytes: usize = self.strings.iter().map(|s| s.len() + 16).sum();
        let mut out = String::with_capacity(bytes + 256);
        out.push_str(super::xml::XML_DECLARATION);
        out.push_str(&format!(
            "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"{}\" uniqueCount=\"{}\">",
            self.written,
            self.strings.len()
        ));
        let spaces = ['\t', '\n', ' '];
        for text in &self.strings {
            if text.starts_with(spaces) || text.ends_with(spaces) {
                out.push_str("<si><t xml:space=\"preserve\">");
            } else {
                out.push_str("<si><t>");
            }
            super::xml::push_cell_text(&mut out, text);
            out.push_str("</t></si>");
        }
        out.push_str("</sst>");
        out
    }
}
