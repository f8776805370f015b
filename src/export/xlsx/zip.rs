//! The zip container of an .xlsx: each part deflated (flate2, the zlib-rs backend the share
//! links already use), with the local headers, the central directory and its end record.
//! Dated 1980-01-01 as Excel's own packages are, so the same workbook gives the same bytes.

use flate2::{Compress, Compression, Crc, FlushCompress, Status};

/// Deflate level 1: the workbook is built on every export click; level 1 costs a few percent
/// of size and saves most of the time.
const LEVEL: u32 = 1;
/// 1980-01-01 in MS-DOS date format; the time is midnight (0).
const DOS_DATE: u16 = (1 << 9) | (1 << 5) | 1;
/// Zip 2.0, the version that brought deflate.
const VERSION: u16 = 20;
/// Made on Unix (3, high byte), so the attributes say -rw-------.
const MADE_BY: u16 = (3 << 8) | VERSION;
const UNIX_READ_WRITE: u32 = 0o100_600 << 16;

struct Entry {
    name: String,
    crc: u32,
    compressed: u32,
    size: u32,
    offset: u32,
}

/// A zip file being written in memory, part by part.
pub struct Zip {
    bytes: Vec<u8>,
    entries: Vec<Entry>,
    /// One deflate state for every part, reset between them: a new one per part allocated and
    /// cleared its window and hash tables (about 300 KB) 21 times a workbook.
    deflate: Compress,
}

impl Default for Zip {
    fn default() -> Zip {
        Zip::with_capacity(0)
    }
}

fn u16le(out: &mut Vec<u8>, n: u16) {
    out.extend_from_slice(&n.to_le_bytes());
}

fn u32le(out: &mut Vec<u8>, n: u32) {
    out.extend_from_slice(&n.to_le_bytes());
}

/// Zip without its 64-bit extension holds parts and files under 4 GiB; a workbook of ours is
/// a few hundred KiB.
fn size32(n: usize) -> Result<u32, String> {
    u32::try_from(n).map_err(|_| "the workbook is too large for a zip file".to_owned())
}

impl Zip {
    pub fn with_capacity(bytes: usize) -> Zip {
        Zip {
            bytes: Vec::with_capacity(bytes),
            entries: Vec::new(),
            // Raw deflate (no zlib header), as zip holds it.
            deflate: Compress::new(Compression::new(LEVEL), false),
        }
    }

    /// Adds one part, deflated.
    ///
    /// # Errors
    /// When the part or the file passes 4 GiB.
    pub fn add(&mut self, name: &str, content: &[u8]) -> Result<(), String> {
        let mut crc = Crc::new();
        crc.update(content);
        let offset = size32(self.bytes.len())?;
        let header_at = self.bytes.len();
        self.local_header(name, 0, 0, 0);
        let data_at = self.bytes.len();
        self.deflate_part(content)?;
        let entry = Entry {
            name: name.to_owned(),
            crc: crc.sum(),
            compressed: size32(self.bytes.len() - data_at)?,
            size: size32(content.len())?,
            offset,
        };
        // The sizes and checksum are known once the part is deflated: fill them in.
        self.bytes[header_at + 14..header_at + 18].copy_from_slice(&entry.crc.to_le_bytes());
        self.bytes[header_at + 18..header_at + 22].copy_from_slice(&entry.compressed.to_le_bytes());
        self.bytes[header_at + 22..header_at + 26].copy_from_slice(&entry.size.to_le_bytes());
        self.entries.push(entry);
        Ok(())
    }

    /// Deflates `content` straight onto the end of the file, growing it as the output needs.
    fn deflate_part(&mut self, content: &[u8]) -> Result<(), String> {
        self.deflate.reset();
        // Text deflates to well under half; room for the part's size avoids most regrowth.
        self.bytes.reserve(content.len() / 2 + 64);
        loop {
            let read = self.deflate.total_in() as usize;
            if self.bytes.len() == self.bytes.capacity() {
                self.bytes.reserve(content.len() / 4 + 64);
            }
            let status = self
                .deflate
                .compress_vec(&content[read..], &mut self.bytes, FlushCompress::Finish)
                .map_err(|e| format!("deflate: {e}"))?;
            if status == Status::StreamEnd {
                return Ok(());
            }
        }
    }

    fn local_header(&mut self, name: &str, crc: u32, compressed: u32, size: u32) {
        let out = &mut self.bytes;
        u32le(out, 0x0403_4b50);
        u16le(out, VERSION);
        u16le(out, 0); // flags
        u16le(out, 8); // deflate
        u16le(out, 0); // time
        u16le(out, DOS_DATE);
        u32le(out, crc);
        u32le(out, compressed);
        u32le(out, size);
        u16le(out, name.len() as u16);
        u16le(out, 0); // extra field
        out.extend_from_slice(name.as_bytes());
    }

    /// The central directory and its end record: the finished file.
    ///
    /// # Errors
    /// When the file passes 4 GiB.
    pub fn finish(mut self) -> Result<Vec<u8>, String> {
        let directory_at = size32(self.bytes.len())?;
        let out = &mut self.bytes;
        for entry in &self.entries {
            u32le(out, 0x0201_4b50);
            u16le(out, MADE_BY);
            u16le(out, VERSION);
            u16le(out, 0); // flags
            u16le(out, 8); // deflate
            u16le(out, 0); // time
            u16le(out, DOS_DATE);
            u32le(out, entry.crc);
            u32le(out, entry.compressed);
            u32le(out, entry.size);
            u16le(out, entry.name.len() as u16);
            u16le(out, 0); // extra field
            u16le(out, 0); // comment
            u16le(out, 0); // disk
            u16le(out, 0); // internal attributes
            u32le(out, UNIX_READ_WRITE);
            u32le(out, entry.offset);
            out.extend_from_slice(entry.name.as_bytes());
        }
        let directory_size = size32(out.len())? - directory_at;
        let count = u16::try_from(self.entries.len()).map_err(|_| "too many parts".to_owned())?;
        u32le(out, 0x0605_4b50);
        u16le(out, 0); // this disk
        u16le(out, 0); // the directory's disk
        u16le(out, count);
        u16le(out, count);
        u32le(out, directory_size);
        u32le(out, directory_at);
        u16le(out, 0); // comment
        Ok(self.bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::Zip;
    use std::io::{Cursor, Read};

    #[test]
    fn parts_read_back_with_the_zip_crate() {
        let mut zip = Zip::default();
        let long = "<row/>".repeat(5_000);
        zip.add("a.xml", b"<a/>").unwrap();
        zip.add("dir/b.xml", long.as_bytes()).unwrap();
        zip.add("empty.xml", b"").unwrap();
        let bytes = zip.finish().unwrap();
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        assert_eq!(archive.len(), 3);
        let mut read = |name: &str| {
            let mut text = String::new();
            archive
                .by_name(name)
                .unwrap()
                .read_to_string(&mut text)
                .unwrap();
            text
        };
        assert_eq!(read("a.xml"), "<a/>");
        assert_eq!(read("dir/b.xml"), long);
        assert_eq!(read("empty.xml"), "");
    }
}
