//! Every language is complete: each text English has (its messages, the data files' texts, the
//! vocabulary labels) exists in every other language with the same placeholders, nothing is
//! left over from texts that no longer exist, and nothing reads in English except the keys a
//! language lists in its reviewed allow-list (`locales/<lang>/_english.json`: standard titles no
//! two public sources gave, names and references).

use std::collections::{BTreeMap, BTreeSet};

use ims_matrix::i18n::{self, placeholders, Texts};
use ims_matrix::vocabulary::Vocabulary;

/// `Type.id` keys of every vocabulary a person reads; English comes from the enum tables.
fn vocabulary_texts() -> BTreeMap<String, String> {
    fn add<V: Vocabulary>(out: &mut BTreeMap<String, String>) {
        for id in V::IDS {
            let value = V::parse(id).expect("its own id");
            out.insert(format!("{}.{id}", V::NAME), value.english().to_owned());
        }
    }
    use ims_matrix::advice::{Basis, ObligationId, Tag, Weight};
    use ims_matrix::assessment::{RowField, Status};
    use ims_matrix::catalog::{Lead, NodeKind, Pdca, Relationship, RowKind};
    use ims_matrix::matrix::view::{GroupBy, SortKey};
    use ims_matrix::matrix::{Phase, Priority, StartingPoint, Target, WarningKind};
    use ims_matrix::questionnaire::reads::*;
    use ims_matrix::questionnaire::Maturity;
    let mut out = BTreeMap::new();
    add::<NodeKind>(&mut out);
    add::<RowKind>(&mut out);
    add::<Pdca>(&mut out);
    add::<Relationship>(&mut out);
    add::<Lead>(&mut out);
    add::<Maturity>(&mut out);
    add::<OrgSize>(&mut out);
    add::<Holding>(&mut out);
    add::<Goal>(&mut out);
    add::<Timeline>(&mut out);
    add::<OtherSystem>(&mut out);
    add::<Sector>(&mut out);
    add::<Customers>(&mut out);
    add::<CertScope>(&mut out);
    add::<CertBody>(&mut out);
    add::<CustomerType>(&mut out);
    add::<Development>(&mut out);
    add::<Cloud>(&mut out);
    add::<Premises>(&mut out);
    add::<Remote>(&mut out);
    add::<CustomerAccess>(&mut out);
    add::<Hours>(&mut out);
    add::<Outsourced>(&mut out);
    add::<Tool>(&mut out);
    add::<GdprRole>(&mut out);
    add::<Nis2>(&mut out);
    add::<Dora>(&mut out);
    add::<Attestation>(&mut out);
    add::<Status>(&mut out);
    add::<RowField>(&mut out);
    add::<Basis>(&mut out);
    add::<Weight>(&mut out);
    add::<Tag>(&mut out);
    add::<ObligationId>(&mut out);
    add::<GroupBy>(&mut out);
    add::<SortKey>(&mut out);
    add::<WarningKind>(&mut out);
    add::<Priority>(&mut out);
    add::<StartingPoint>(&mut out);
    add::<Target>(&mut out);
    add::<Phase>(&mut out);
    out
}

/// Every key a language must have, with its English.
fn english() -> BTreeMap<String, String> {
    let mut all: BTreeMap<String, String> = Texts::english()
        .entries()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
    all.extend(ims_matrix::matrix::data_texts());
    all.extend(vocabulary_texts());
    all
}

fn bundle(lang: &str) -> BTreeMap<String, String> {
    serde_json::from_str(i18n::bundled(lang).expect("bundled")).expect("a JSON object of texts")
}

fn allowed_english(lang: &str) -> BTreeSet<String> {
    let path = format!(
        "{}/locales/{lang}/_english.json",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path)
        .map(|text| serde_json::from_str(&text).expect("_english.json is a list of keys"))
        .unwrap_or_default()
}

/// A text that reads the same in every language: references, designations, numbers, names.
fn language_neutral(text: &str) -> bool {
    let mut words = String::new();
    let mut rest = text;
    // Placeholders are names, not words.
    while let Some(open) = rest.find('{') {
        words.push_str(&rest[..open]);
        rest = rest[open..]
            .find('}')
            .map_or("", |close| &rest[open + close + 1..]);
    }
    words.push_str(rest);
    !words.chars().any(char::is_lowercase)
        || text.split_whitespace().all(|word| {
            word.chars().any(|c| c.is_ascii_digit())
                || word.starts_with("ISO")
                || word.chars().filter(|c| c.is_uppercase()).count() >= 2
                || matches!(
                    word,
                    "×{factor}" | "{items}" | "{last}" | "-" | "–" | "/" | "ims-matrix"
                )
        })
}

#[test]
fn every_language_has_every_text_with_the_same_placeholders() {
    let english = english();
    let mut problems = Vec::new();
    for (lang, _) in i18n::LANGUAGES.iter().filter(|(l, _)| *l != "en") {
        let bundle = bundle(lang);
        let allowed = allowed_english(lang);
        // Empty data texts (a row without evidence on one side) need no translation.
        for (key, text) in english.iter().filter(|(_, text)| !text.is_empty()) {
            match bundle.get(key) {
                None => problems.push(format!("{lang}: {key} is missing")),
                Some(translated) => {
                    let (mut a, mut b) = (placeholders(text), placeholders(translated));
                    a.sort_unstable();
                    b.sort_unstable();
                    if a != b {
                        problems.push(format!(
                            "{lang}: {key} has placeholders {b:?}, English {a:?}"
                        ));
                    }
                    if translated == text
                        && !allowed.contains(key)
                        && !language_neutral(text)
                        && !key.starts_with("format.")
                        && !key.starts_with("language.")
                    {
                        problems.push(format!("{lang}: {key} is still English: {text:?}"));
                    }
                }
            }
        }
        for key in bundle.keys() {
            if !english.contains_key(key)
                && !key.starts_with("language.")
                && !key.starts_with("format.")
            {
                problems.push(format!(
                    "{lang}: {key} is not a text of the app (left over?)"
                ));
            }
        }
        for key in &allowed {
            if !english.contains_key(key) {
                problems.push(format!(
                    "{lang}: _english.json names {key}, which is not a text"
                ));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn english_status_words_in_the_locale_file_match_the_vocabulary() {
    // locales/en/vocabulary.json repeats the status words for the workbook reader's table.
    use ims_matrix::assessment::Status;
    for status in Status::ALL {
        assert_eq!(Texts::english().label(status), status.label());
    }
}

/// How many standard titles each language has from its national adoption (the rest stay in
/// English, listed in `_english.json`): printed for docs/catalog-sources.md.
#[test]
fn report_how_many_standard_titles_each_language_has() {
    let titles: Vec<String> = ims_matrix::matrix::data_texts()
        .into_iter()
        .map(|(key, _)| key)
        .filter(|key| key.starts_with("standards.") && !key.ends_with(".note"))
        .collect();
    for (lang, _) in i18n::LANGUAGES.iter().filter(|(l, _)| *l != "en") {
        let allowed = allowed_english(lang);
        let english = titles.iter().filter(|k| allowed.contains(*k)).count();
        println!(
            "{lang}: {} of {} standard titles from the national adoption, {english} in English",
            titles.len() - english,
            titles.len()
        );
        assert!(
            english < titles.len(),
            "{lang} has no translated title at all"
        );
    }
}
