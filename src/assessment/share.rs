//! Share links: the assessment travels in the URL fragment (`#a=...`), which browsers never send
//! to a server. The JSON is base64url-encoded (RFC 4648 §5, no padding).

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// The fragment key that marks a shared assessment.
pub const FRAGMENT_KEY: &str = "a=";

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
pub fn decode(text: &str) -> Result<Vec<u8>, String> {
    let values: Vec<u32> = text
        .bytes()
        .map(|c| {
            ALPHABET
                .iter()
                .position(|a| *a == c)
                .map(|p| p as u32)
                .ok_or_else(|| {
                    format!(
                        "the link is damaged: unexpected character {:?}",
                        char::from(c)
                    )
                })
        })
        .collect::<Result<_, _>>()?;
    if values.len() % 4 == 1 {
        return Err("the link is damaged: it was cut short".to_owned());
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

/// The fragment (without `#`) that carries `json`.
pub fn fragment(json: &str) -> String {
    format!("{FRAGMENT_KEY}{}", encode(json.as_bytes()))
}

/// The JSON carried by a fragment, if the fragment is a share link at all.
pub fn from_fragment(fragment: &str) -> Option<Result<String, String>> {
    let payload = fragment
        .trim_start_matches('#')
        .strip_prefix(FRAGMENT_KEY)?;
    Some(decode(payload).and_then(|bytes| {
        String::from_utf8(bytes).map_err(|_| "the link is damaged: not text".to_owned())
    }))
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
            let fragment = fragment(text);
            assert!(fragment
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_=".contains(&b)));
            assert_eq!(
                from_fragment(&format!("#{fragment}")),
                Some(Ok(text.to_owned()))
            );
        }
    }

    #[test]
    fn damaged_links_and_other_fragments() {
        assert_eq!(from_fragment("#matrix"), None);
        assert!(from_fragment("#a=abc$").expect("a share link").is_err());
        assert!(from_fragment("#a=abcde").expect("a share link").is_err());
        assert!(
            from_fragment("#a=__8").expect("a share link").is_err(),
            "invalid UTF-8"
        );
    }
}
