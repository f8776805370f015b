//! The shared strings: every text of the workbook stored once, numbered in the order the
//! sheets are written, row by row, as Excel numbers them.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::Rc;

/// The hash rustc uses for its own tables (FxHash), eight bytes a step: every text written is
/// hashed, hundreds of KB a workbook, and SipHash's protection against chosen keys buys nothing
/// for texts that are ours or the user's own. (FNV, a byte a step, took an eighth of a build.)
#[derive(Default)]
struct Fx(u64);

impl Fx {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for Fx {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        for byte in chunks.remainder() {
            self.add(u64::from(*byte));
        }
    }
}

/// The workbook's texts, each stored once and numbered in the order first written.
#[derive(Default)]
pub struct StringTable {
    index: HashMap<Rc<str>, u32, BuildHasherDefault<Fx>>,
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
