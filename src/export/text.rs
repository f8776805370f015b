//! Making user text safe for a cell: characters XML forbids are removed, and text over Excel's
//! cell limit is cut with a visible marker. Formulas are never an issue here because every user
//! string is written with `write_string`, which Excel and LibreOffice show as text.

/// Excel's limit for one cell, counted in UTF-16 code units.
pub const CELL_LIMIT: usize = 32_767;

/// Removes characters not allowed in XML 1.0 (control characters other than tab, line feed
/// and carriage return, and the non-characters U+FFFE and U+FFFF).
pub fn xml_safe(text: &str) -> String {
    let allowed = |c: char| {
        matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
    };
    if text.chars().all(allowed) {
        return text.to_owned();
    }
    text.chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
        })
        .collect()
}

/// `xml_safe`, then cut to the cell limit with a marker saying how much was left out.
///
/// # Examples
/// ```
/// use ims_matrix::export::text::{cell_text, CELL_LIMIT};
/// let long = "x".repeat(40_000);
/// let cell = cell_text(&long);
/// assert!(cell.encode_utf16().count() <= CELL_LIMIT);
/// assert!(cell.ends_with("characters not shown; the full text is in the JSON export]"));
/// assert_eq!(cell_text("=1+1\u{7}"), "=1+1");
/// ```
pub fn cell_text(text: &str) -> String {
    cell_text_with(text, ENGLISH_MARKER)
}

/// The marker's English (`workbook.truncated`): what the text cut left out.
pub const ENGLISH_MARKER: &str =
    "[…truncated: {count} characters not shown; the full text is in the JSON export]";

/// `cell_text` with the marker in the workbook's language.
pub fn cell_text_in(texts: &crate::i18n::Texts, text: &str) -> String {
    cell_text_with(text, texts.get("workbook.truncated"))
}

/// `cell_text` with the marker `template`, whose `{count}` is the number of characters left out.
pub fn cell_text_with(text: &str, template: &str) -> String {
    let safe = xml_safe(text);
    // UTF-8 never has fewer bytes than UTF-16 has units, so short text needs no counting.
    if safe.len() <= CELL_LIMIT || safe.encode_utf16().count() <= CELL_LIMIT {
        return safe;
    }
    let total = safe.chars().count();
    let marker =
        |left_out: usize| format!(" {}", template.replace("{count}", &left_out.to_string()));
    // The marker's length depends on the number in it; reserve room for the longest.
    let reserve = marker(total).encode_utf16().count();
    let mut kept = String::new();
    let mut units = 0;
    for c in safe.chars() {
        if units + c.len_utf16() > CELL_LIMIT - reserve {
            break;
        }
        units += c.len_utf16();
        kept.push(c);
    }
    let left_out = total - kept.chars().count();
    kept.push_str(&marker(left_out));
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncation_respects_utf16_units_and_keeps_emoji_whole() {
        let text = "👋".repeat(20_000); // 40,000 UTF-16 units
        let cell = cell_text(&text);
        assert!(cell.encode_utf16().count() <= CELL_LIMIT);
        assert!(cell.starts_with("👋👋"));
        assert!(cell.contains("truncated"));
    }
}
