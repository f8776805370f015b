//! What the table shows: filtering, free-text search, sorting and grouping of matrix rows.
//! Pure functions over a built `Matrix`, so every keystroke is a cheap recomputation.

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use super::model::{Matrix, MatrixRow, RefView};
use crate::assessment::Status;
use crate::catalog::{Lead, Pdca, RowKind};
use crate::i18n::Texts;

/// Which rows to show. Empty lists mean "any".
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Filter {
    pub kinds: Vec<RowKind>,
    pub phases: Vec<Pdca>,
    pub statuses: Vec<Status>,
    pub applicable: Option<bool>,
    pub leads: Vec<Lead>,
    /// Case-insensitive words, all of which must appear in the row's references, titles,
    /// topic, document, owner or notes.
    pub text: String,
    /// Restricts to these row ids (a heat-map cell), when set.
    pub only_rows: Option<Vec<String>>,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    pub fn matches(&self, row: &MatrixRow) -> bool {
        let words = self.words();
        self.matches_fields(row) && (words.is_empty() || contains_all(&search_text(row), &words))
    }

    /// `matches` with the row's search text made beforehand (`search_text`) and the words of
    /// the filter's text (`words`): the table keeps the search texts for as long as the matrix,
    /// so a keystroke only compares.
    pub fn matches_prepared(&self, row: &MatrixRow, search_text: &str, words: &[String]) -> bool {
        self.matches_fields(row) && contains_all(search_text, words)
    }

    /// The filter's text as lower-cased words, all of which a row must contain.
    pub fn words(&self) -> Vec<String> {
        self.text
            .split_whitespace()
            .map(str::to_lowercase)
            .collect()
    }

    fn matches_fields(&self, row: &MatrixRow) -> bool {
        (self.kinds.is_empty() || self.kinds.contains(&row.kind))
            && (self.phases.is_empty() || self.phases.contains(&row.pdca))
            && (self.statuses.is_empty() || self.statuses.contains(&row.status))
            && self.applicable.is_none_or(|a| a == row.applicable)
            && (self.leads.is_empty() || self.leads.contains(&row.lead))
            && self
                .only_rows
                .as_ref()
                .is_none_or(|ids| ids.contains(&row.id))
    }
}

fn contains_all(haystack: &str, words: &[String]) -> bool {
    words.iter().all(|word| haystack.contains(word.as_str()))
}

/// What the free-text search looks in, lower-cased: the references and titles in both editions
/// of both standards, the topic, document, owner, notes and row id.
pub fn search_text(row: &MatrixRow) -> String {
    let refs = row
        .iso27001
        .iter()
        .chain(&row.iso20000)
        .chain(&row.iso27001_other)
        .chain(&row.iso20000_other);
    let mut haystack = String::with_capacity(512);
    for r in refs {
        haystack.push_str(&r.reference);
        haystack.push(' ');
        haystack.push_str(&r.title);
        haystack.push('\n');
    }
    for field in [
        &*row.topic,
        &*row.document,
        row.owner.as_str(),
        row.notes.as_str(),
        row.id.as_str(),
    ] {
        haystack.push_str(field);
        haystack.push('\n');
    }
    haystack.to_lowercase()
}

crate::vocabulary::vocabulary! {
    /// The columns the table sorts by. `Order` is the crosswalk's order: clause by clause, then
    /// control by control.
    #[derive(Default)]
    pub enum SortKey {
        #[default]
        Order = "order" => "Matrix order",
        Iso27001 = "iso27001" => "ISO/IEC 27001",
        Iso20000 = "iso20000" => "ISO/IEC 20000-1",
        Topic = "topic" => "Topic",
        Kind = "kind" => "Kind",
        Pdca = "pdca" => "PDCA phase",
        Lead = "lead" => "Lead",
        Strength = "strength" => "Overlap",
        Status = "status" => "Status",
        Priority = "priority" => "Priority",
        Effort = "effort" => "Remaining effort",
        Owner = "owner" => "Owner",
        Due = "due" => "Due",
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
}

/// Compares references the way the standards number them: `A.5.9` before `A.5.10`.
/// Part by part, without allocating: the matrix sorts its rows this way on every render.
pub fn compare_refs(a: &str, b: &str) -> Ordering {
    fn part(part: &str) -> (u8, u32, &str) {
        match part.parse::<u32>() {
            Ok(n) => (1, n, ""),
            Err(_) => (0, 0, part),
        }
    }
    a.split('.').map(part).cmp(b.split('.').map(part))
}

fn first_ref(refs: &[RefView]) -> Option<&str> {
    refs.first().map(|r| r.reference.as_str())
}

/// Rows without a value in the sorted column go last in either direction.
fn compare_optional(
    a: Option<&str>,
    b: Option<&str>,
    cmp: fn(&str, &str) -> Ordering,
    descending: bool,
) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => {
            let order = cmp(a, b);
            if descending {
                order.reverse()
            } else {
                order
            }
        }
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

fn nonempty(text: &str) -> Option<&str> {
    (!text.trim().is_empty()).then_some(text)
}

/// Indices of the rows to show, filtered and sorted (stable: ties keep the crosswalk's order).
pub fn select(matrix: &Matrix, filter: &Filter, sort: Sort) -> Vec<usize> {
    let rows = &matrix.rows;
    let mut indices: Vec<usize> = (0..rows.len())
        .filter(|&i| filter.matches(&rows[i]))
        .collect();
    let text_cmp: fn(&str, &str) -> Ordering = |a, b| a.to_lowercase().cmp(&b.to_lowercase());
    indices.sort_by(|&i, &j| {
        let (a, b) = (&rows[i], &rows[j]);
        let d = sort.descending;
        let plain = |o: Ordering| if d { o.reverse() } else { o };
        match sort.key {
            SortKey::Order => plain(i.cmp(&j)),
            SortKey::Iso27001 => compare_optional(
                first_ref(&a.iso27001),
                first_ref(&b.iso27001),
                compare_refs,
                d,
            ),
            SortKey::Iso20000 => compare_optional(
                first_ref(&a.iso20000),
                first_ref(&b.iso20000),
                compare_refs,
                d,
            ),
            SortKey::Topic => plain(text_cmp(&a.topic, &b.topic)),
            SortKey::Kind => plain(a.kind.cmp(&b.kind)),
            SortKey::Pdca => plain(a.pdca.cmp(&b.pdca)),
            SortKey::Lead => plain(a.lead.as_str().cmp(b.lead.as_str())),
            SortKey::Strength => plain(a.strength.cmp(&b.strength)),
            SortKey::Status => plain(a.status.cmp(&b.status)),
            SortKey::Priority => plain(a.priority_score.cmp(&b.priority_score)),
            SortKey::Effort => plain(a.remaining_days.total_cmp(&b.remaining_days)),
            SortKey::Owner => compare_optional(nonempty(&a.owner), nonempty(&b.owner), text_cmp, d),
            SortKey::Due => {
                compare_optional(nonempty(&a.due), nonempty(&b.due), |x, y| x.cmp(y), d)
            }
        }
        .then(i.cmp(&j))
    });
    indices
}

crate::vocabulary::vocabulary! {
    /// How the table groups its rows.
    #[derive(Default)]
    pub enum GroupBy {
        #[default]
        None = "none" => "Nothing",
        Kind = "kind" => "Kind",
        Pdca = "pdca" => "PDCA phase",
        Area = "area" => "Area",
        Status = "status" => "Status",
    }
}

/// Splits selected row indices into labelled groups, in order of first appearance (kind, phase
/// and status groups follow their natural order), labelled in English.
pub fn group(matrix: &Matrix, indices: &[usize], by: GroupBy) -> Vec<(String, Vec<usize>)> {
    group_in(Texts::english(), matrix, indices, by)
}

/// [`group`] with the kind, phase and status groups labelled in `texts`' language (areas carry
/// the labels of the matrix's language).
pub fn group_in(
    texts: &Texts,
    matrix: &Matrix,
    indices: &[usize],
    by: GroupBy,
) -> Vec<(String, Vec<usize>)> {
    let label = |row: &MatrixRow| -> (String, String) {
        match by {
            GroupBy::None => (String::new(), String::new()),
            GroupBy::Kind => (
                format!("{:?}", row.kind as u8),
                texts.label(row.kind).to_owned(),
            ),
            GroupBy::Pdca => (
                format!("{:?}", row.pdca as u8),
                texts.label(row.pdca).to_owned(),
            ),
            GroupBy::Status => (
                format!("{:?}", row.status as u8),
                texts.label(row.status).to_owned(),
            ),
            GroupBy::Area => (String::new(), row.area.label.clone()),
        }
    };
    let mut groups: Vec<(String, String, Vec<usize>)> = Vec::new();
    for &i in indices {
        let (order, name) = label(&matrix.rows[i]);
        match groups.iter_mut().find(|g| g.1 == name) {
            Some(group) => group.2.push(i),
            None => groups.push((order, name, vec![i])),
        }
    }
    if by != GroupBy::Area {
        groups.sort_by(|a, b| a.0.cmp(&b.0));
    }
    groups
        .into_iter()
        .map(|(_, name, rows)| (name, rows))
        .collect()
}
