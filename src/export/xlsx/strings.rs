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

/// The workbook's texts, each stored once as it is first written. A cell keeps its text's
/// number here, so a text written in many cells is copied once.
#[derive(Default)]
pub struct StringTable {
    index: HashMap<Rc<str>, u32, BuildHasherDefault<Fx>>,
    strings: Vec<Rc<str>>,
    /// Texts given at once (`from_texts`), not yet in `index`.
    unindexed: bool,
}

impl StringTable {
    pub fn intern(&mut self, text: &str) -> u32 {
        if self.unindexed {
            self.unindexed = false;
            for (index, text) in self.strings.iter().enumerate() {
                self.index.entry(Rc::clone(text)).or_insert(index as u32);
            }
        }
        if let Some(index) = self.index.get(text) {
            return *index;
        }
        let index = self.strings.len() as u32;
        let text: Rc<str> = Rc::from(text);
        self.strings.push(Rc::clone(&text));
        self.index.insert(text, index);
        index
    }

    /// Every text, by its number.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.strings.iter().map(|s| &**s)
    }

    /// The table of texts numbered as given (as `texts` lists them). Their index is built only
    /// if another text is interned: a workbook read from bytes is written, not added to, and
    /// hashing every text would be a tenth of its writing.
    pub fn from_texts(texts: Vec<&str>) -> StringTable {
        StringTable {
            index: HashMap::default(),
            strings: texts.into_iter().map(Rc::from).collect(),
            unindexed: true,
        }
    }

    pub fn len(&self) -> usize {
        self.strings.len()
    }

    pub fn text(&self, index: u32) -> &str {
        self.strings.get(index as usize).map_or("", |s| s)
    }
}

/// The shared strings as Excel numbers them: in the order the sheets show them, row by row,
/// not the order they were written in.
pub struct Numbering<'t> {
    table: &'t StringTable,
    /// The number each interned text gets in the part, once it has one.
    numbers: Vec<u32>,
    /// The interned texts in the part's order.
    order: Vec<u32>,
    /// Cells holding a text, for the count the part states.
    written: u32,
}

impl<'t> Numbering<'t> {
    pub fn new(table: &'t StringTable) -> Numbering<'t> {
        Numbering {
            table,
            numbers: vec![u32::MAX; table.strings.len()],
            order: Vec::with_capacity(table.strings.len()),
            written: 0,
        }
    }

    /// The number in the part of the interned text `index`, for one more cell that holds it.
    pub fn number(&mut self, index: u32) -> u32 {
        self.written += 1;
        let number = &mut self.numbers[index as usize];
        if *number == u32::MAX {
            *number = self.order.len() as u32;
            self.order.push(index);
        }
        *number
    }

    /// The shared strings part.
    pub fn xml(&self) -> String {
        let texts = self.order.iter().map(|&i| self.table.text(i));
        let bytes: usize = texts.clone().map(|s| s.len() + 16).sum();
        let mut out = String::with_capacity(bytes + 256);
        out.push_str(super::xml::XML_DECLARATION);
        out.push_str(&format!(
            "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"{}\" uniqueCount=\"{}\">",
            self.written,
            self.order.len()
        ));
        let spaces = ['\t', '\n', ' '];
        for text in texts {
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
