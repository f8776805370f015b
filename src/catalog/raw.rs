//! Serde mirror of the data files, exactly as written. Unknown fields are rejected so a typo in a
//! data file fails loudly; meaning is checked later, in `validate`.

use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStandard {
    pub id: String,
    pub designation: String,
    pub family: String,
    pub edition: String,
    pub title: String,
    #[serde(default)]
    pub note: Option<String>,
    pub nodes: Vec<RawNode>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNode {
    #[serde(rename = "ref")]
    pub reference: String,
    pub title: String,
    #[serde(default)]
    pub parent: Option<String>,
    pub kind: String,
    #[serde(default)]
    pub new: bool,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTransition {
    pub from: String,
    pub to: String,
    pub source: String,
    pub links: Vec<RawLink>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLink {
    pub from: String,
    pub to: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCrosswalk {
    pub rows: Vec<RawRow>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRow {
    pub id: String,
    pub topic: String,
    pub kind: String,
    pub pdca: String,
    pub practice: String,
    pub iso27001: Vec<String>,
    pub iso20000: Vec<String>,
    pub relationship: String,
    pub strength: i64,
    pub lead: String,
    pub document: String,
    #[serde(default)]
    pub in_writing: RawInWriting,
    pub rationale: String,
    pub guidance: String,
    pub evidence: RawEvidence,
    pub effort: i64,
}

/// The clauses or controls of each current edition that ask for the row's document in writing;
/// empty on a side that does not.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawInWriting {
    #[serde(default)]
    pub iso27001: Vec<String>,
    #[serde(default)]
    pub iso20000: Vec<String>,
}

/// What an auditor asks to see for a row, per standard; empty on a side the row does not have.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEvidence {
    #[serde(default)]
    pub iso27001: String,
    #[serde(default)]
    pub iso20000: String,
}
