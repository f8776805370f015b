//! Writing XML text: escaping as Excel does, and numbers without the formatting machinery in
//! the cells' loop.

/// Every part's first line.
pub const XML_DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// Appends `text` escaped for an element's content: `&`, `<`, `>`, and control characters as
/// Excel writes them (`_xHHHH_`).
pub fn push_text(out: &mut String, text: &str) {
    push_escaped(out, text, Context::Element);
}

/// `push_text` for a cell's text, where Excel reads `_xHHHH_` as a character: a literal one
/// gets its underscore escaped, so it reads back as typed.
pub fn push_cell_text(out: &mut String, text: &str) {
    push_escaped(out, text, Context::Cell);
}

/// Appends `text` escaped for an attribute's value in double quotes.
pub fn push_attribute(out: &mut String, text: &str) {
    push_escaped(out, text, Context::Attribute);
}

#[derive(Clone, Copy, PartialEq)]
enum Context {
    Element,
    Cell,
    Attribute,
}

/// The bytes that may need an escape in some context; every other byte is copied as it is.
/// Every character escaped is ASCII but U+FFFE and U+FFFF, whose UTF-8 starts with 0xEF.
const NEEDS_A_LOOK: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 0x20 {
        table[byte] = byte != b'\t' as usize;
        byte += 1;
    }
    table[b'&' as usize] = true;
    table[b'<' as usize] = true;
    table[b'>' as usize] = true;
    table[b'"' as usize] = true;
    table[b'_' as usize] = true;
    table[0xEF] = true;
    table
};

/// One pass, copying the runs between escapes whole: the text of a workbook is hundreds of
/// KB, each of its bytes passes here, and a table look-up is all most of them cost.
fn push_escaped(out: &mut String, text: &str, context: Context) {
    let bytes = text.as_bytes();
    let mut run = 0;
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        if !NEEDS_A_LOOK[usize::from(byte)] {
            at += 1;
            continue;
        }
        // What goes out in place of the byte(s) at `at`, and how many it replaces.
        let (escape, replaced): (&str, usize) = match byte {
            b'&' => ("&amp;", 1),
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            b'"' if context == Context::Attribute => ("&quot;", 1),
            b'\n' if context == Context::Attribute => ("&#xA;", 1),
            // A literal `_xHHHH_` in a cell: its underscore escaped, the rest copied after.
            b'_' if context == Context::Cell && looks_escaped(&bytes[at..]) => ("_x005F", 0),
            0xEF if bytes.get(at + 1) == Some(&0xBF) => match bytes.get(at + 2) {
                Some(0xBE) => ("_xFFFE_", 3),
                Some(0xBF) => ("_xFFFF_", 3),
                _ => ("", 0),
            },
            b if b < b' ' && b != b'\n' => {
                out.push_str(&text[run..at]);
                out.push_str("_x00");
                push_hex_byte(out, byte);
                out.push('_');
                at += 1;
                run = at;
                continue;
            }
            _ => ("", 0),
        };
        if escape.is_empty() {
            at += 1;
            continue;
        }
        out.push_str(&text[run..at]);
        out.push_str(escape);
        run = at + replaced;
        at += replaced.max(1);
    }
    out.push_str(&text[run..]);
}

/// Whether `bytes` starts with `_xHHHH_`, which Excel would read as one character.
fn looks_escaped(bytes: &[u8]) -> bool {
    bytes.len() >= 7
        && bytes[1] == b'x'
        && bytes[6] == b'_'
        && bytes[2..6].iter().all(u8::is_ascii_hexdigit)
}

fn push_hex_byte(out: &mut String, byte: u8) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    out.push(HEX[usize::from(byte >> 4)] as char);
    out.push(HEX[usize::from(byte & 0xF)] as char);
}

/// Appends a whole number in decimal.
pub fn push_u32(out: &mut String, n: u32) {
    out.push_str(itoa::Buffer::new().format(n));
}

/// Appends a number as Excel reads it back exactly: whole numbers as integers, others as Rust
/// writes the shortest decimal that round-trips.
pub fn push_number(out: &mut String, n: f64) {
    if n.fract() == 0.0 && (0.0..4_294_967_296.0).contains(&n) {
        push_u32(out, n as u32);
    } else {
        use std::fmt::Write;
        let _ = write!(out, "{n}");
    }
}

/// A column's letters: 0 is A, 25 Z, 26 AA.
pub fn column_name(col: u16) -> String {
    letters(u32::from(col))
}

/// An `A1`-style reference of a cell (row and column from 0), as the reader names the cells
/// it notes.
pub fn cell_reference(row: u32, col: u32) -> String {
    format!("{}{}", letters(col), row + 1)
}

fn letters(col: u32) -> String {
    let mut name = Vec::new();
    let mut n = col + 1;
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        name.push(b'A' + rem);
        n = (n - 1) / 26;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

/// Appends a cell reference such as `B7` (row and column from 0).
pub fn push_cell(out: &mut String, row: u32, col: u16) {
    out.push_str(&column_name(col));
    push_u32(out, row + 1);
}

/// A range such as `A1:C9` (or one cell), as `sqref` and `ref` attributes write it.
pub fn range(first_row: u32, first_col: u16, last_row: u32, last_col: u16) -> String {
    let mut out = String::new();
    push_cell(&mut out, first_row, first_col);
    if (first_row, first_col) != (last_row, last_col) {
        out.push(':');
        push_cell(&mut out, last_row, last_col);
    }
    out
}

/// An absolute range such as `$A$1:$C$9`, as defined names and charts write it.
pub fn absolute_range(first_row: u32, first_col: u16, last_row: u32, last_col: u16) -> String {
    format!(
        "${}${}:${}${}",
        column_name(first_col),
        first_row + 1,
        column_name(last_col),
        last_row + 1
    )
}

/// A sheet name as a formula refers to it: quoted unless it is letters, digits, `_` and `.`
/// only, starting with a letter, and cannot be read as a cell reference.
pub fn sheet_reference(name: &str) -> String {
    let plain = name.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '.')
        && name.starts_with(|c: char| c.is_alphabetic() || c == '_')
        // A name with digits might read as a cell (A1, R1C1): quoting is always valid.
        && !name.contains(|c: char| c.is_ascii_digit());
    if plain {
        name.to_owned()
    } else {
        format!("'{}'", name.replace('\'', "''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> String {
        let mut out = String::new();
        push_cell_text(&mut out, s);
        out
    }

    #[test]
    fn text_is_escaped_as_excel_writes_it() {
        assert_eq!(text("a<b & c>d \"q\"\nx"), "a&lt;b &amp; c&gt;d \"q\"\nx");
        assert_eq!(text("bell\u{7}"), "bell_x0007_");
        assert_eq!(text("_x0041_ and _xZZ_"), "_x005F_x0041_ and _xZZ_");
        assert_eq!(text("__x00e9_x_x0041_"), "__x005F_x00e9_x_x005F_x0041_");
        assert_eq!(text("_x004"), "_x004");
        assert_eq!(
            text("tab\there \u{FFFE}\u{FFFF}\u{FFFD}é"),
            "tab\there _xFFFE__xFFFF_\u{FFFD}é"
        );
        // Outside cells (properties, names, charts) an `_xHHHH_` is plain text.
        let mut plain = String::new();
        push_text(&mut plain, "_x0041_");
        assert_eq!(plain, "_x0041_");
        let mut attr = String::new();
        push_attribute(&mut attr, "say \"hi\"\n\u{1}<_x0041_>");
        assert_eq!(attr, "say &quot;hi&quot;&#xA;_x0001_&lt;_x0041_&gt;");
    }

    #[test]
    fn numbers_columns_and_ranges() {
        let mut out = String::new();
        push_number(&mut out, 154.0);
        out.push(' ');
        push_number(&mut out, 0.6);
        out.push(' ');
        push_number(&mut out, -2.5);
        assert_eq!(out, "154 0.6 -2.5");
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(29), "AD");
        assert_eq!(column_name(16_383), "XFD");
        assert_eq!(cell_reference(130, 29), "AD131");
        assert_eq!(range(0, 0, 130, 29), "A1:AD131");
        assert_eq!(range(4, 1, 4, 1), "B5");
        assert_eq!(absolute_range(34, 0, 37, 0), "$A$35:$A$38");
        assert_eq!(sheet_reference("Summary"), "Summary");
        assert_eq!(sheet_reference("Übersicht"), "Übersicht");
        assert_eq!(sheet_reference("Action plan"), "'Action plan'");
        assert_eq!(sheet_reference("O'Neil"), "'O''Neil'");
        assert_eq!(sheet_reference("A1"), "'A1'");
    }
}
