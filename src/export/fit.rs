//! Row heights for wrapped text. Excel grows a row to fit its wrapped text when it opens a
//! file, but LibreOffice (7.x), several online viewers and print previews keep every row one
//! line high and draw the lines of a long cell over the rows below. So the workbook states the
//! height of every row that needs more than one line, estimated from the text and its column's
//! width. The estimate errs on the tall side: a little white space is better than a clipped line.

use crate::export::xlsx::{Worksheet, XlsxError};

/// The height of one line of the default font (Calibri 11), in points: Excel's default row.
const LINE_POINTS: f64 = 15.0;
/// The tallest row Excel allows, in points.
const MAX_POINTS: f64 = 409.0;
/// The share of a column's width that text may fill on one line, in percent: a cell has
/// padding, and readers without Calibri (LibreOffice without Carlito, Excel on a Mac) set the
/// text a little wider.
const FILL_PERCENT: u32 = 92;
/// The widest character there is, in hundredths of a column-width unit (see `ASCII_WIDTHS`).
const WIDEST: u32 = 220;

/// How wide each ASCII character is in Calibri 11, in hundredths of Excel's column-width unit
/// (7 pixels at 96 dpi), by classes of similar width, each rounded up to its widest member.
/// A table, because the estimate runs over every character of every export.
const ASCII_WIDTHS: [u8; 128] = {
    let mut table = [110u8; 128];
    let classes: [(&[u8], u8); 11] = [
        (b" ", 50),
        (b"iljI.,:;'|!", 56),
        (b"ftr()[]-\"J", 72),
        (b"szcx/*?", 92),
        (b"aegkvyEFLSTYZ0123456789", 108),
        (b"bdhnopquBKPRX", 114),
        (b"ACV", 122),
        (b"DGHNOQU", 142),
        (b"w", 152),
        (b"m", 170),
        (b"MW%@&", 190),
    ];
    let mut i = 0;
    while i < classes.len() {
        let (chars, width) = classes[i];
        let mut j = 0;
        while j < chars.len() {
            table[chars[j] as usize] = width;
            j += 1;
        }
        i += 1;
    }
    table
};

/// The width of a character outside ASCII (see `ASCII_WIDTHS` for the unit).
fn char_width(c: char) -> u32 {
    match c {
        // CJK, Hangul, emoji and the like take a full em.
        c if is_wide(c) => WIDEST,
        '…' | '—' => 190,
        _ => 120,
    }
}

fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x1F300..=0x1FAFF
        | 0x20000..=0x3FFFD)
}

/// What each byte adds to the word being read, in `ASCII_WIDTHS`' unit; bytes that end a word
/// or start a character outside ASCII are marked `SPECIAL` and handled one by one. One lookup
/// and one comparison for the other bytes: the estimate runs over every character of every
/// export, about 450 KB of text for the sample.
const STEPS: [u16; 256] = {
    let mut steps = [SPECIAL; 256];
    let mut byte = 0;
    while byte < 128 {
        steps[byte] = ASCII_WIDTHS[byte] as u16;
        byte += 1;
    }
    steps[b' ' as usize] = SPECIAL;
    steps[b'\n' as usize] = SPECIAL;
    steps[b'-' as usize] = SPECIAL;
    steps[b'/' as usize] = SPECIAL;
    steps
};
/// Marks a byte in `STEPS` that is not simply added to the word (above every width).
const SPECIAL: u16 = 0x100;

/// How many lines `text` takes in a column `width` units wide, wrapped as a spreadsheet wraps
/// it: at spaces, after a hyphen or a slash, between wide (CJK) characters, and, for a word
/// longer than a line, wherever it must.
pub fn lines(text: &str, width: f64) -> u32 {
    let room = ((width * f64::from(FILL_PERCENT)) as u32).max(100);
    // Most cells are short: they fit however wide their characters are.
    if text.len() as u32 * WIDEST <= room && !text.contains('\n') {
        return 1;
    }
    let mut wrap = Wrap {
        room,
        lines: 1,
        line: 0,
        gap: 0,
    };
    // The word being read, which cannot be broken before its end; a local rather than a field
    // of `wrap`, so that the loop below keeps it in a register.
    let mut word = 0;
    // Byte by byte: ASCII, nearly all of the text, by table; anything else decoded as a char.
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        at += 1;
        let step = STEPS[usize::from(byte)];
        if step < SPECIAL {
            word += u32::from(step);
            continue;
        }
        match byte {
            b' ' => {
                wrap.end_word(std::mem::take(&mut word));
                if wrap.line > 0 {
                    wrap.gap += u32::from(ASCII_WIDTHS[usize::from(b' ')]);
                }
            }
            b'\n' => {
                wrap.end_word(std::mem::take(&mut word));
                wrap.lines += 1;
                wrap.line = 0;
                wrap.gap = 0;
            }
            b'-' | b'/' => {
                word += u32::from(ASCII_WIDTHS[usize::from(byte)]);
                wrap.end_word(std::mem::take(&mut word));
            }
            _ => {
                let c = text[at - 1..].chars().next().expect("at a char boundary");
                at += c.len_utf8() - 1;
                let w = char_width(c);
                word += w;
                if w == WIDEST {
                    wrap.end_word(std::mem::take(&mut word));
                }
            }
        }
    }
    wrap.end_word(word);
    wrap.lines
}

/// Greedy line filling, in hundredths of a column-width unit.
struct Wrap {
    room: u32,
    lines: u32,
    /// How full the current line is.
    line: u32,
    /// The spaces between the line so far and the next word; dropped at a line break.
    gap: u32,
}

impl Wrap {
    /// Places a word `word` wide.
    #[inline(always)]
    fn end_word(&mut self, word: u32) {
        if word == 0 {
            return;
        }
        if self.line == 0 {
            self.line = word;
        } else if self.line + self.gap + word <= self.room {
            self.line += self.gap + word;
        } else {
            self.lines += 1;
            self.line = word;
        }
        if self.line > self.room {
            // A word longer than a line runs on over as many lines as it needs.
            let extra = self.line.div_ceil(self.room) - 1;
            self.lines += extra;
            self.line -= extra * self.room;
        }
        self.gap = 0;
    }
}

/// The rows of one sheet and how many lines their tallest cell needs.
#[derive(Default)]
pub struct RowHeights {
    lines: Vec<u32>,
}

impl RowHeights {
    /// Notes that `text`, in a column `width` units wide, is in `row`.
    pub fn note(&mut self, row: u32, text: &str, width: f64) {
        let needed = lines(text, width);
        let row = row as usize;
        if self.lines.len() <= row {
            self.lines.resize(row + 1, 1);
        }
        self.lines[row] = self.lines[row].max(needed);
    }

    /// Sets the height of every noted row that needs more than one line; one-line rows keep
    /// the default.
    pub fn apply(&self, ws: &mut Worksheet) -> Result<(), XlsxError> {
        for row in 0..self.lines.len() as u32 {
            if let Some(points) = self.points(row) {
                ws.set_row_height(row, points)?;
            }
        }
        Ok(())
    }

    /// The height `apply` gives `row`, in points; `None` for a row left at the default.
    pub fn points(&self, row: u32) -> Option<f64> {
        let lines = *self.lines.get(row as usize)?;
        (lines > 1).then(|| (f64::from(lines) * LINE_POINTS).min(MAX_POINTS))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_one_line() {
        assert_eq!(lines("", 10.0), 1);
        assert_eq!(lines("Implemented", 14.0), 1);
        assert_eq!(lines("5.1", 12.0), 1);
    }

    #[test]
    fn line_breaks_count_and_long_text_wraps() {
        assert_eq!(lines("5.1\n5.2\n5.3", 12.0), 3);
        let sentence = "Add the ISO/IEC 27001 security requirements to the SMS process";
        assert_eq!(lines(sentence, 200.0), 1);
        assert!(
            lines(sentence, 40.0) >= 2,
            "a 62-character sentence wraps at 40"
        );
        assert!(lines(sentence, 20.0) > lines(sentence, 40.0));
    }

    #[test]
    fn narrow_and_wide_characters_differ() {
        assert!(lines(&"i".repeat(60), 40.0) < lines(&"W".repeat(60), 40.0));
        assert_eq!(lines(&"表".repeat(30), 30.0), 3);
    }

    #[test]
    fn hyphens_and_slashes_are_break_points() {
        // Broken like words, not wherever a character runs over the edge.
        assert_eq!(lines("change-policy-review-board", 12.0), 4);
        assert_eq!(lines("change policy review board", 12.0), 4);
        assert_eq!(lines("changexpolicyxreviewxboard", 12.0), 3);
        assert_eq!(lines("ISO/IEC 27001", 7.0), 3);
    }

    #[test]
    fn a_word_longer_than_the_line_is_broken() {
        assert!(lines(&"x".repeat(100), 10.0) >= 10);
    }

    #[test]
    fn rows_take_their_tallest_cell_and_stop_at_excels_limit() {
        let mut heights = RowHeights::default();
        heights.note(3, "one", 10.0);
        heights.note(3, "a\nb\nc", 10.0);
        heights.note(3, "a\nb", 10.0);
        heights.note(5, &"word ".repeat(10_000), 40.0);
        assert_eq!(heights.points(1), None);
        assert_eq!(heights.points(3), Some(45.0));
        assert_eq!(heights.points(5), Some(409.0));
        assert_eq!(heights.points(9), None);
    }
}
