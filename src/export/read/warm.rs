//! A minimal workbook of ours, read once when the reader worker starts: V8 compiles WebAssembly
//! function by function on first call, so this read pays for compiling the unzip, XML, sheet
//! and comparison code before the user's file arrives (the first real read went from about
//! 130 ms to about 60 ms; `benches/browser.mjs`). The package is the smallest calamine accepts,
//! stored without compression and put together here: the zip crate's writer would bring its
//! deflate compressor into the reader worker, 58 KB brotli for a file of a few kilobytes.

use crate::assessment::Assessment;
use crate::export::options::SHEETS;
use crate::export::sheets::data::{checksum, DATA_SHEET, MARKER};

const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const DOC_RELS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn inline(cell: &str, text: &str) -> String {
    format!(
        "<c r=\"{cell}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>",
        escape(text)
    )
}

/// A workbook with one matrix view (one row) and the data sheet of an empty assessment.
pub fn minimal_workbook() -> Vec<u8> {
    let json = Assessment::new("2000-01-01T00:00:00Z").to_json();
    let content_types = String::from(
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
         <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
         <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
         <Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>\
         <Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>\
         <Override PartName=\"/xl/worksheets/sheet2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>\
         <Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>"
    );
    let root_rels = format!(
        "<Relationships xmlns=\"{RELS}\"><Relationship Id=\"rId1\" Type=\"{DOC_RELS}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
    );
    let workbook = format!(
        "<workbook xmlns=\"{MAIN}\" xmlns:r=\"{DOC_RELS}\"><sheets>\
         <sheet name=\"{}\" sheetId=\"1\" r:id=\"rId1\"/>\
         <sheet name=\"{DATA_SHEET}\" sheetId=\"2\" state=\"veryHidden\" r:id=\"rId2\"/></sheets></workbook>",
        escape(SHEETS[1])
    );
    let workbook_rels = format!(
        "<Relationships xmlns=\"{RELS}\">\
         <Relationship Id=\"rId1\" Type=\"{DOC_RELS}/worksheet\" Target=\"worksheets/sheet1.xml\"/>\
         <Relationship Id=\"rId2\" Type=\"{DOC_RELS}/worksheet\" Target=\"worksheets/sheet2.xml\"/>\
         <Relationship Id=\"rId3\" Type=\"{DOC_RELS}/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>"
    );
    let shared = format!(
        "<sst xmlns=\"{MAIN}\" count=\"4\" uniqueCount=\"4\"><si><t>Row ID</t></si><si><t>Status</t></si>\
         <si><t>common.policy</t></si><si><t>Not started</t></si></sst>"
    );
    let matrix = format!(
        "<worksheet xmlns=\"{MAIN}\"><sheetData>\
         <row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>\
         <row r=\"2\"><c r=\"A2\" t=\"s\"><v>2</v></c><c r=\"B2\" t=\"s\"><v>3</v></c><c r=\"C2\"><v>46447</v></c></row>\
         </sheetData></worksheet>"
    );
    let data = format!(
        "<worksheet xmlns=\"{MAIN}\"><sheetData>\
         <row r=\"1\">{}{}</row><row r=\"2\">{}{}</row><row r=\"3\">{}<c r=\"B3\"><v>1</v></c></row><row r=\"4\">{}</row>\
         </sheetData></worksheet>",
        inline("A1", MARKER),
        inline("B1", crate::VERSION),
        inline("A2", "checksum"),
        inline("B2", &checksum(&json)),
        inline("A3", "parts"),
        inline("A4", &json),
    );
    stored_zip(&[
        ("[Content_Types].xml", content_types),
        ("_rels/.rels", root_rels),
        ("xl/workbook.xml", workbook),
        ("xl/_rels/workbook.xml.rels", workbook_rels),
        ("xl/sharedStrings.xml", shared),
        ("xl/worksheets/sheet1.xml", matrix),
        ("xl/worksheets/sheet2.xml", data),
    ])
}

/// CRC-32 (IEEE), bit by bit: a few kilobytes once, so no table.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for byte in bytes {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A zip archive of `files`, stored (method 0), dated 1980-01-01.
fn stored_zip(files: &[(&str, String)]) -> Vec<u8> {
    fn u16le(out: &mut Vec<u8>, value: usize) {
        out.extend_from_slice(&(value as u16).to_le_bytes());
    }
    fn u32le(out: &mut Vec<u8>, value: u32) {
        out.extend_from_slice(&value.to_le_bytes());
    }
    let (mut out, mut directory) = (Vec::new(), Vec::new());
    for (name, text) in files {
        let (data, crc, offset) = (text.as_bytes(), crc32(text.as_bytes()), out.len());
        // version 20, no flags, stored, time 0, date 1980-01-01, crc, sizes, name length, no extra
        let fields = |out: &mut Vec<u8>| {
            for value in [20, 0, 0, 0, 0x21] {
                u16le(out, value);
            }
            u32le(out, crc);
            u32le(out, data.len() as u32);
            u32le(out, data.len() as u32);
            u16le(out, name.len());
            u16le(out, 0);
        };
        u32le(&mut out, 0x0403_4b50);
        fields(&mut out);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        u32le(&mut directory, 0x0201_4b50);
        u16le(&mut directory, 20);
        fields(&mut directory);
        // no comment, disk 0, no attributes, then where the entry starts
        for value in [0, 0, 0] {
            u16le(&mut directory, value);
        }
        u32le(&mut directory, 0);
        u32le(&mut directory, offset as u32);
        directory.extend_from_slice(name.as_bytes());
    }
    let start = out.len();
    out.extend_from_slice(&directory);
    u32le(&mut out, 0x0605_4b50);
    for value in [0, 0, files.len(), files.len()] {
        u16le(&mut out, value);
    }
    u32le(&mut out, directory.len() as u32);
    u32le(&mut out, start as u32);
    u16le(&mut out, 0);
    out
}
