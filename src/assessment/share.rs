//! Share links: the assessment travels in the URL fragment, which browsers never send to a
//! server. Links are `#z1=` and the JSON compressed with raw deflate against a preset dictionary
//! of the ids every assessment repeats (`data/share-dictionary-1.txt`, frozen), in base64url
//! (RFC 4648 §5, no padding): the sample's link is about 3,300 characters instead of 20,000, short
//! enough for mail and chat clients. Links of the first versions, `#a=` and the JSON in
//! base64url, still open.

use std::fmt;
use std::io::Read;

use flate2::{Compress, Compression, Decompress, FlushCompress, FlushDecompress, Status};

use crate::i18n::Texts;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// The fragment key of the first versions' links: the JSON in base64url.
pub const FRAGMENT_KEY: &str = "a=";
/// The fragment key of compressed links made with dictionary 1.
pub const COMPRESSED_KEY: &str = "z1=";

/// Dictionary 1 (`scripts/share-dictionary.py`). Never edit it: links made with it must open in
/// every later version. A new dictionary gets a new file and key.
const DICTIONARY_1: &[u8] = include_bytes!("../../data/share-dictionary-1.txt");

/// The largest JSON a link may unpack to, so a hostile link cannot exhaust memory.
pub const MAX_JSON_BYTES: usize = 4 << 20;

/// Unpacks a compressed link's payload; only the full app carries it (see `Link`).
pub type Inflate = fn(&str) -> Result<String, LinkError>;

/// Why a share link cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// A character outside base64url.
    UnexpectedCharacter(char),
    /// Shorter than any link this app writes.
    CutShort,
    /// Not a deflate stream made with the link's dictionary.
    NotALink,
    /// Unpacks to bytes that are not UTF-8.
    NotText,
    /// Unpacks to more than `MAX_JSON_BYTES`.
    TooLarge,
}

impl LinkError {
    /// The reason, written for the person who opened the link, in `texts`' language.
    pub fn message(&self, texts: &Texts) -> String {
        match self {
            LinkError::UnexpectedCharacter(c) => texts.fill(
                "share.error.unexpected-character",
                &[("character", &format_args!("{c:?}"))],
            ),
            LinkError::CutShort => texts.get("share.error.cut-short").to_owned(),
            LinkError::NotALink => texts.get("share.error.not-a-link").to_owned(),
            LinkError::NotText => texts.get("share.error.not-text").to_owned(),
            LinkError::TooLarge => texts.get("share.error.too-large").to_owned(),
        }
    }
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Texts::english()))
    }
}

impl std::error::Error for LinkError {}

/// What a fragment carries, before anything is unpacked.
#[derive(Debug, PartialEq)]
pub enum Link<'a> {
    /// A first versions' link, decoded: the JSON, or why it cannot be read.
    Json(Result<String, LinkError>),
    /// A compressed link's payload, for `inflate`.
    Compressed(&'a str),
}

pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
        }
    }
    out
}

/// Decodes base64url without padding.
///
/// # Errors
/// When a character is outside the alphabet or the length cannot come from `encode`.
pub fn decode(text: &str) -> Result<Vec<u8>, LinkError> {
    let values: Vec<u32> = text
        .bytes()
        .map(|c| {
            ALPHABET
                .iter()
                .position(|a| *a == c)
                .map(|p| p as u32)
                .ok_or(LinkError::UnexpectedCharacter(char::from(c)))
        })
        .collect::<Result<_, _>>()?;
    if values.len() % 4 == 1 {
        return Err(LinkError::CutShort);
    }
    let mut out = Vec::with_capacity(values.len() * 3 / 4);
    for chunk in values.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, v)| n | (v << (18 - 6 * i)));
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Ok(out)
}

/// The fragment (without `#`) that carries `json`: compressed against dictionary 1.
pub fn fragment(json: &str) -> String {
    let mut compress = Compress::new(Compression::best(), false);
    compress
        .set_dictionary(DICTIONARY_1)
        .expect("a fresh compressor takes a dictionary");
    let mut packed = Vec::with_capacity(json.len() / 3 + 64);
    loop {
        let read = usize::try_from(compress.total_in()).unwrap_or(usize::MAX);
        packed.reserve(4096);
        let status = compress
            .compress_vec(&json.as_bytes()[read..], &mut packed, FlushCompress::Finish)
            .expect("deflate into a growing buffer does not fail");
        if status == Status::StreamEnd {
            break;
        }
    }
    format!("{COMPRESSED_KEY}{}", encode(&packed))
}

/// The first versions' fragment for `json`, uncompressed: kept so tests can make old links.
pub fn plain_fragment(json: &str) -> String {
    format!("{FRAGMENT_KEY}{}", encode(json.as_bytes()))
}

/// What a fragment carries, if it is a share link at all. Unpacking a compressed link is a
/// separate step (`inflate`), so the first-visit page reads links without carrying deflate.
pub fn link(fragment: &str) -> Option<Link<'_>> {
    let fragment = fragment.trim_start_matches('#');
    if let Some(payload) = fragment.strip_prefix(COMPRESSED_KEY) {
        return Some(Link::Compressed(payload));
    }
    let payload = fragment.strip_prefix(FRAGMENT_KEY)?;
    Some(Link::Json(decode(payload).and_then(|bytes| {
        String::from_utf8(bytes).map_err(|_| LinkError::NotText)
    })))
}

/// The JSON a compressed link's payload carries.
///
/// # Errors
/// When the payload is not base64url, not a deflate stream made with dictionary 1, cut short,
/// larger than `MAX_JSON_BYTES` unpacked, or not text.
pub fn inflate(payload: &str) -> Result<String, LinkError> {
    let packed = decode(payload)?;
    let mut reader = Unpack {
        input: &packed,
        state: Decompress::new(false),
        dictionary_set: false,
    };
    let mut json = Vec::new();
    (&mut reader)
        .take(MAX_JSON_BYTES as u64 + 1)
        .read_to_end(&mut json)
        .map_err(|e| {
            e.get_ref()
                .and_then(|inner| inner.downcast_ref::<LinkError>())
                .cloned()
                .unwrap_or(LinkError::NotALink)
        })?;
    if json.len() > MAX_JSON_BYTES {
        return Err(LinkError::TooLarge);
    }
    String::from_utf8(json).map_err(|_| LinkError::NotText)
}

/// A raw deflate stream with dictionary 1, read in pieces so `take` can stop a bomb early.
struct Unpack<'a> {
    input: &'a [u8],
    state: Decompress,
    dictionary_set: bool,
}

impl Read for Unpack<'_> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let damaged = |why: LinkError| std::io::Error::new(std::io::ErrorKind::InvalidData, why);
        if !self.dictionary_set {
            self.state
                .set_dictionary(DICTIONARY_1)
                .map_err(|_| damaged(LinkError::NotALink))?;
            self.dictionary_set = true;
        }
        loop {
            let (read_before, written_before) = (self.state.total_in(), self.state.total_out());
            let consumed = usize::try_from(read_before).unwrap_or(usize::MAX);
            let status = self
                .state
                .decompress(
                    &self.input[consumed.min(self.input.len())..],
                    out,
                    FlushDecompress::None,
                )
                .map_err(|_| damaged(LinkError::NotALink))?;
            let written = (self.state.total_out() - written_before) as usize;
            if written > 0 || status == Status::StreamEnd {
                return Ok(written);
            }
            if self.state.total_in() == read_before {
                return Err(damaged(LinkError::CutShort));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_length_and_unicode() {
        for text in [
            "",
            "a",
            "ab",
            "abc",
            "abcd",
            "{\"x\":\"مرحبا 👋 <b>\"}",
            &"z".repeat(1001),
        ] {
            for fragment in [fragment(text), plain_fragment(text)] {
                assert!(fragment
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-_=".contains(&b)));
                assert_eq!(json_of(&format!("#{fragment}")), Some(Ok(text.to_owned())));
            }
        }
    }

    /// The JSON a fragment carries, unpacked when compressed.
    fn json_of(fragment: &str) -> Option<Result<String, LinkError>> {
        Some(match link(fragment)? {
            Link::Json(json) => json,
            Link::Compressed(payload) => inflate(payload),
        })
    }

    #[test]
    fn damaged_links_and_other_fragments() {
        assert_eq!(json_of("#matrix"), None);
        assert!(json_of("#a=abc$").expect("a share link").is_err());
        assert!(json_of("#a=abcde").expect("a share link").is_err());
        assert!(
            json_of("#a=__8").expect("a share link").is_err(),
            "invalid UTF-8"
        );
        // Compressed links: not base64url, not deflate, cut short.
        assert!(json_of("#z1=abc$").expect("a share link").is_err());
        assert!(json_of("#z1=AAAA").expect("a share link").is_err());
        let whole = fragment(&"{\"x\":1}".repeat(50));
        let cut = &whole[..whole.len() - 6];
        assert!(json_of(&format!("#{cut}")).expect("a share link").is_err());
    }

    #[test]
    fn a_link_that_unpacks_to_more_than_an_assessment_is_refused() {
        let bomb = fragment(&" ".repeat(MAX_JSON_BYTES + 10));
        assert!(bomb.len() < 20_000, "{}", bomb.len());
        let problem = json_of(&format!("#{bomb}"))
            .expect("a share link")
            .unwrap_err();
        assert_eq!(problem, LinkError::TooLarge);
        assert!(
            problem.to_string().contains("more than an assessment"),
            "{problem}"
        );
    }

    #[test]
    fn dictionary_1_never_changes() {
        // Links made with it are in people's mail: a changed byte would break them all.
        use std::hash::Hasher;
        let mut hash = crate::catalog::FnvHasher::default();
        hash.write(DICTIONARY_1);
        assert_eq!(
            (DICTIONARY_1.len(), hash.finish()),
            (10884, 15_146_466_758_352_024_391)
        );
    }
}
