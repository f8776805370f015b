//! What kind of file the user gave, before any spreadsheet parser sees it: a size limit, the
//! file types people pick by mistake, and a zip bomb, each with one clear message.

use std::io::Cursor;

use super::model::{ReadError, MAX_FILE_BYTES, MAX_UNPACKED_BYTES};

const MAX_ENTRIES: usize = 10_000;

const ZIP: &[u8] = b"PK\x03\x04";
const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Refuses what is not an .xlsx or .ods workbook of sensible size.
pub fn check(bytes: &[u8]) -> Result<(), ReadError> {
    if bytes.is_empty() {
        return Err(ReadError::Empty);
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge(bytes.len()));
    }
    if bytes.starts_with(OLE) {
        return Err(ReadError::OldExcel);
    }
    if !bytes.starts_with(ZIP) {
        return Err(if looks_like_text(&bytes[..bytes.len().min(4096)]) {
            ReadError::TextFile
        } else {
            ReadError::NotASpreadsheet
        });
    }
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| ReadError::Damaged)?;
    if archive.len() > MAX_ENTRIES {
        return Err(ReadError::TooManyParts(archive.len()));
    }
    // The sizes the archive's directory declares (present even where the parts were written
    // with data descriptors).
    let mut unpacked: u64 = 0;
    for index in 0..archive.len() {
        let size = archive
            .by_index_raw(index)
            .map_or(u64::MAX, |entry| entry.size());
        unpacked = unpacked.saturating_add(size);
    }
    if unpacked > MAX_UNPACKED_BYTES {
        return Err(ReadError::UnpacksTooLarge(unpacked));
    }
    Ok(())
}

/// Whether the start of a file reads as text: no NUL bytes and almost no control characters.
/// Not only UTF-8: Excel on Windows saves CSV in the ANSI code page (Windows-1252), and a cut at
/// 4,096 bytes can split a UTF-8 character.
fn looks_like_text(start: &[u8]) -> bool {
    let controls = start
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)) || b == 0x7f)
        .count();
    !start.contains(&0) && controls * 100 <= start.len()
}
