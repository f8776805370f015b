//! Serde mirror of `data/questionnaire.json`; unknown fields are rejected.

use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuestionnaire {
    pub sections: Vec<RawSection>,
    /// Absent from the built-in questions part (`questionnaire::BUILTIN_FILE`), whose rules are
    /// `questionnaire::RULES_FILE`.
    #[serde(default)]
    pub applicability: Vec<RawRule>,
}

/// The Annex A applicability rules alone (`questionnaire::RULES_FILE`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRules {
    pub applicability: Vec<RawRule>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSection {
    pub id: String,
    pub title: String,
    pub intro: String,
    pub questions: Vec<RawQuestion>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    pub id: String,
    pub kind: String,
    pub label: String,
    pub help: String,
    pub required: bool,
    #[serde(default)]
    pub options: Option<Vec<RawChoice>>,
    #[serde(default)]
    pub min: Option<i64>,
    #[serde(default)]
    pub max: Option<i64>,
    #[serde(default)]
    pub max_length: Option<usize>,
    #[serde(default)]
    pub family: Option<String>,
    #[serde(default)]
    pub practice: Option<String>,
    #[serde(default)]
    pub show_if: Option<RawCondition>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawChoice {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub help: Option<String>,
    #[serde(default)]
    pub exclusive: bool,
}

/// One condition object; exactly one shape of fields must be present (checked in validation).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCondition {
    #[serde(default)]
    pub question: Option<String>,
    #[serde(default)]
    pub is: Option<serde_json::Value>,
    #[serde(default)]
    pub one_of: Option<Vec<String>>,
    #[serde(default)]
    pub has: Option<String>,
    #[serde(default)]
    pub answered: Option<bool>,
    #[serde(default)]
    pub all: Option<Vec<RawCondition>>,
    #[serde(default)]
    pub any: Option<Vec<RawCondition>>,
    #[serde(default)]
    pub not: Option<Box<RawCondition>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRule {
    pub id: String,
    pub controls: Vec<String>,
    pub applicable: bool,
    pub when: RawCondition,
    pub reason: String,
    /// A JSON object read as serde_json's map, which the pages already carry for conditions'
    /// values: a `BTreeMap<String, String>` here added 13 KB of code to the first-visit page.
    #[serde(default)]
    pub each: serde_json::Map<String, serde_json::Value>,
}
