//! Embedding on a consultancy's site: the configuration a host page passes in the app's URL
//! (brand, logo, colours, call to action, default editions, summary sharing, the host's origin)
//! and the versioned messages the app posts to the host. Pure: parsing and validation only; the
//! browser side is in `web::embed` and `www/embed.js`.
//!
//! Invalid values are dropped with a warning (for the console), never an error: a bad attribute
//! on the host page must not break the app.

use serde::Serialize;

use crate::catalog::Family;
use crate::i18n::Texts;

/// The version of the message contract (README, Embedding). Bump on incompatible changes.
pub const PROTOCOL_VERSION: u32 = 1;
/// `source` of every message the app posts; `ims-matrix-host` for messages it accepts.
pub const SOURCE: &str = "ims-matrix";
pub const HOST_SOURCE: &str = "ims-matrix-host";

/// A colour as `#rrggbb`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Colour(pub u8, pub u8, pub u8);

impl Colour {
    /// `#rgb` or `#rrggbb`, case-insensitive.
    pub fn parse(text: &str) -> Option<Colour> {
        let hex = text.trim().strip_prefix('#')?;
        let digits: Vec<u8> = hex
            .chars()
            .map(|c| c.to_digit(16).map(|d| d as u8))
            .collect::<Option<_>>()?;
        match digits.as_slice() {
            [r, g, b] => Some(Colour(r * 17, g * 17, b * 17)),
            [r1, r2, g1, g2, b1, b2] => Some(Colour(r1 * 16 + r2, g1 * 16 + g2, b1 * 16 + b2)),
            _ => None,
        }
    }

    pub fn css(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// WCAG relative luminance.
    fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    /// WCAG contrast ratio between two colours.
    pub fn contrast(self, other: Colour) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// White or near-black, whichever reads better on this colour.
    pub fn ink(self) -> Colour {
        let (white, dark) = (Colour(255, 255, 255), Colour(17, 24, 39));
        if self.contrast(white) >= self.contrast(dark) {
            white
        } else {
            dark
        }
    }
}

/// Everything a host page may configure.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EmbedConfig {
    pub brand: Option<String>,
    /// The host's language for the app (a code of `i18n::LANGUAGES`), before the browser's.
    pub lang: Option<String>,
    /// An https URL.
    pub logo: Option<String>,
    pub primary: Option<Colour>,
    pub accent: Option<Colour>,
    pub cta_label: Option<String>,
    /// An https (or http) URL.
    pub cta_url: Option<String>,
    /// How to reach the consultancy (e-mail, phone, address), as the host wrote it: printed on
    /// the report's cover and in the workbook.
    pub contact: Option<String>,
    pub edition_27001: Option<String>,
    pub edition_20000: Option<String>,
    /// The host allows the app to send it the summary on completion (the app says so first).
    pub share_summary: bool,
    /// The host page's origin: the only target of the app's messages and the only accepted
    /// sender of messages to it. `None` when not embedded.
    pub host_origin: Option<String>,
}

fn url_with_scheme(text: &str, schemes: &[&str]) -> bool {
    let lower = text.trim().to_ascii_lowercase();
    schemes
        .iter()
        .any(|s| lower.starts_with(&format!("{s}://")) && lower.len() > s.len() + 3)
        && !text
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>')
}

/// An origin as browsers write it: scheme, host and optional port, no path.
pub fn is_origin(text: &str) -> bool {
    url_with_scheme(text, &["https", "http"]) && text.splitn(4, '/').nth(3).is_none()
}

fn short_text(text: &str, max: usize) -> Option<String> {
    let clean: String = text.chars().filter(|c| !c.is_control()).collect();
    let clean = clean.trim();
    (!clean.is_empty()).then(|| clean.chars().take(max).collect())
}

impl EmbedConfig {
    /// Reads the configuration from URL query pairs (already percent-decoded), returning the
    /// warnings for values it ignored.
    ///
    /// # Examples
    /// ```
    /// use ims_matrix::embed::EmbedConfig;
    /// let (config, warnings) = EmbedConfig::from_pairs(&[
    ///     ("brand".into(), "Acme Consulting".into()),
    ///     ("primary".into(), "#063".into()),
    ///     ("logo".into(), "http://insecure.example/logo.png".into()),
    /// ]);
    /// assert_eq!(config.brand.as_deref(), Some("Acme Consulting"));
    /// assert_eq!(config.primary.map(|c| c.css()).as_deref(), Some("#006633"));
    /// assert!(config.logo.is_none());
    /// assert_eq!(warnings.len(), 1);
    /// ```
    pub fn from_pairs(pairs: &[(String, String)]) -> (EmbedConfig, Vec<String>) {
        let mut config = EmbedConfig::default();
        let mut warnings = Vec::new();
        let mut warn = |key: &str, value: &str, why: &str| {
            warnings.push(format!("ims-matrix: ignored {key}={value:?}: {why}"));
        };
        for (key, value) in pairs {
            match key.as_str() {
                "brand" => match short_text(value, 80) {
                    Some(text) => config.brand = Some(text),
                    None => warn(key, value, "empty"),
                },
                "logo" if url_with_scheme(value, &["https"]) => {
                    config.logo = Some(value.trim().to_owned())
                }
                "logo" => warn(key, value, "the logo must be an https URL"),
                "primary" | "accent" => match Colour::parse(value) {
                    Some(colour)
                        if colour.contrast(Colour(255, 255, 255)) >= 3.0 || key == "accent" =>
                    {
                        if key == "primary" {
                            config.primary = Some(colour);
                        } else {
                            config.accent = Some(colour);
                        }
                    }
                    Some(_) => warn(
                        key,
                        value,
                        "too light to read on white (contrast below 3:1)",
                    ),
                    None => warn(key, value, "not a colour (#rgb or #rrggbb)"),
                },
                "cta-label" => match short_text(value, 60) {
                    Some(text) => config.cta_label = Some(text),
                    None => warn(key, value, "empty"),
                },
                "cta-url" if url_with_scheme(value, &["https", "http"]) => {
                    config.cta_url = Some(value.trim().to_owned())
                }
                "cta-url" => warn(key, value, "the call-to-action link must be an http(s) URL"),
                "contact" => match short_text(value, 120) {
                    Some(text) => config.contact = Some(text),
                    None => warn(key, value, "empty"),
                },
                "edition-27001" if matches!(value.as_str(), "2022" | "2013") => {
                    config.edition_27001 = Some(value.clone())
                }
                "edition-20000" if matches!(value.as_str(), "2018" | "2011") => {
                    config.edition_20000 = Some(value.clone())
                }
                "edition-27001" | "edition-20000" => warn(key, value, "unknown edition"),
                "share-summary" => match value.as_str() {
                    "true" | "1" | "yes" => config.share_summary = true,
                    "false" | "0" | "no" => config.share_summary = false,
                    _ => warn(key, value, "use true or false"),
                },
                "origin" if is_origin(value) => {
                    config.host_origin = Some(value.trim().trim_end_matches('/').to_owned())
                }
                "origin" => warn(key, value, "not an origin (scheme://host[:port])"),
                "lang" => match crate::i18n::best_match([value.as_str()]) {
                    Some(lang) => config.lang = Some(lang.to_owned()),
                    None => warn(
                        key,
                        value,
                        "not a language of the app; the visitor's browser decides",
                    ),
                },
                "embed" => {}
                _ => warn(key, value, "unknown option"),
            }
        }
        if config.cta_label.is_some() != config.cta_url.is_some() {
            warnings.push(
                "ims-matrix: the call to action needs both cta-label and cta-url; ignored"
                    .to_owned(),
            );
            config.cta_label = None;
            config.cta_url = None;
        }
        (config, warnings)
    }

    /// Whether the app runs inside a host page that listens to it.
    pub fn is_embedded(&self) -> bool {
        self.host_origin.is_some()
    }

    /// Who receives the summary when the visitor finishes, when the host enabled sharing: the
    /// brand's name, or "the site you came from" (in English; `shares_with_in` for the visitor's
    /// language).
    pub fn shares_with(&self) -> Option<String> {
        self.shares_with_in(Texts::english())
    }

    /// `shares_with`, with "the site you came from" in `texts`' language.
    pub fn shares_with_in(&self, texts: &Texts) -> Option<String> {
        (self.share_summary && self.is_embedded()).then(|| {
            self.brand
                .clone()
                .unwrap_or_else(|| texts.get("embed.the-site-you-came-from").to_owned())
        })
    }

    /// The default edition this host set for a family, if any.
    pub fn edition(&self, family: Family) -> Option<&str> {
        match family {
            Family::Iso27001 => self.edition_27001.as_deref(),
            Family::Iso20000 => self.edition_20000.as_deref(),
        }
    }
}

/// What the app tells the host.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Event {
    /// The app is loaded and listening.
    Ready,
    /// The visible screen changed; for the questionnaire, which section (1-based) of how many.
    Step {
        screen: String,
        section: Option<usize>,
        sections: usize,
    },
    /// The questionnaire was finished. `summary` only when the host enabled sharing and the
    /// page told the user before they finished.
    Completed { summary: Option<SharedSummary> },
    /// A workbook was downloaded.
    Exported { format: String },
    /// The app's content height changed, in CSS pixels.
    Resized { height: u32 },
}

/// The summary a host receives on completion (when sharing is on): figures, never notes.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SharedSummary {
    pub organisation: Option<String>,
    pub editions: String,
    pub starting_point: String,
    pub readiness: u8,
    pub integrated_documents: usize,
    pub separate_documents: usize,
    pub open_rows: usize,
    pub remaining_days: f64,
    pub top_actions: Vec<String>,
}

impl SharedSummary {
    pub fn from_matrix(
        matrix: &crate::matrix::Matrix,
        organisation: Option<&str>,
    ) -> SharedSummary {
        let s = &matrix.summary;
        SharedSummary {
            organisation: organisation.map(str::to_owned),
            editions: format!(
                "ISO/IEC 27001:{} · ISO/IEC 20000-1:{}",
                matrix.editions.iso27001.edition(),
                matrix.editions.iso20000.edition()
            ),
            starting_point: matrix.starting_point.label().to_owned(),
            readiness: s.readiness,
            integrated_documents: s.documents.integrated,
            separate_documents: s.documents.separate,
            open_rows: s.open_rows,
            remaining_days: s.remaining_days,
            top_actions: s
                .top_actions
                .iter()
                .filter_map(|id| matrix.rows.iter().find(|r| r.id == *id))
                .map(|r| r.topic.to_string())
                .collect(),
        }
    }
}

/// The JSON the app posts: `{"source": "ims-matrix", "version": 1, "type": ..., ...}`.
pub fn message(event: &Event) -> String {
    let mut value = serde_json::to_value(event).expect("events serialize");
    if let Some(object) = value.as_object_mut() {
        object.insert("source".into(), SOURCE.into());
        object.insert("version".into(), PROTOCOL_VERSION.into());
    }
    value.to_string()
}

/// Messages the app accepts from the host, after checking the sender's origin.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HostRequest {
    /// Post a `resized` event now (e.g. after the host changed the iframe's width).
    Measure,
}

/// Parses a message from the host; anything of unknown shape or version is `None` (ignored).
pub fn host_request(data: &str) -> Option<HostRequest> {
    let value: serde_json::Value = serde_json::from_str(data).ok()?;
    if value.get("source")?.as_str()? != HOST_SOURCE
        || value.get("version")?.as_u64()? != u64::from(PROTOCOL_VERSION)
    {
        return None;
    }
    match value.get("type")?.as_str()? {
        "measure" => Some(HostRequest::Measure),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn valid_configuration() {
        let (c, w) = EmbedConfig::from_pairs(&pairs(&[
            ("brand", "  Acme\u{7} Consulting "),
            ("logo", "https://acme.example/logo.svg"),
            ("primary", "#7B1FA2"),
            ("accent", "#ffd54f"),
            ("cta-label", "Book a call"),
            ("cta-url", "https://acme.example/call"),
            ("edition-27001", "2013"),
            ("share-summary", "true"),
            ("origin", "https://www.acme.example"),
        ]));
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(c.brand.as_deref(), Some("Acme Consulting"));
        assert_eq!(c.primary, Some(Colour(0x7b, 0x1f, 0xa2)));
        assert_eq!(c.primary.map(Colour::ink), Some(Colour(255, 255, 255)));
        assert_eq!(c.accent.map(Colour::ink), Some(Colour(17, 24, 39)));
        assert!(c.share_summary && c.is_embedded());
        assert_eq!(c.edition(Family::Iso27001), Some("2013"));
    }

    #[test]
    fn invalid_values_are_ignored_with_a_warning() {
        let (c, w) = EmbedConfig::from_pairs(&pairs(&[
            ("logo", "javascript:alert(1)"),
            ("logo", "http://plain.example/logo.png"),
            ("primary", "red"),
            ("primary", "#fffff0"),
            ("cta-url", "javascript:alert(1)"),
            ("cta-label", "Call"),
            ("edition-27001", "2005"),
            ("origin", "https://host.example/path"),
            ("colour", "#000"),
        ]));
        assert_eq!(c, EmbedConfig::default());
        assert_eq!(w.len(), 9, "{w:#?}");
    }

    #[test]
    fn messages_carry_source_and_version() {
        let json: serde_json::Value =
            serde_json::from_str(&message(&Event::Resized { height: 812 })).expect("json");
        assert_eq!(
            json,
            serde_json::json!({"source": "ims-matrix", "version": 1, "type": "resized", "height": 812})
        );
        assert_eq!(
            host_request(r#"{"source":"ims-matrix-host","version":1,"type":"measure"}"#),
            Some(HostRequest::Measure)
        );
        assert_eq!(
            host_request(r#"{"source":"ims-matrix-host","version":2,"type":"measure"}"#),
            None
        );
        assert_eq!(
            host_request(r#"{"source":"evil","version":1,"type":"measure"}"#),
            None
        );
        assert_eq!(host_request("not json"), None);
    }
}
