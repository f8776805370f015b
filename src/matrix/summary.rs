//! Summary figures derived from the matrix rows: readiness overall and per area, counts by kind
//! and status, the documents integration saves, remaining effort and the top actions.

use std::collections::{BTreeMap, BTreeSet};

use super::area::Area;
use super::model::{AreaReadiness, Count, DocumentCounts, MatrixRow, Summary};
use super::scope::StartingPoint;
use crate::assessment::Status;
use crate::catalog::{Catalog, InWriting, RowKind};
use crate::i18n::Texts;
use crate::questionnaire::Maturity;

pub const TOP_ACTIONS: usize = 10;

/// Percent of the applicable rows' weight that is done, an in-progress row counting half,
/// rounded half up. Counted in whole half-weights, so that a figure like 57.5 rounds to 58 as by
/// hand (in floating point, 100 × 11.5 / 20 is 57.4999…).
/// A row that stays applicable although marked Not applicable by hand (a shared or integrated
/// row, or one with clause requirements: a check names it) counts as not started: marking a
/// mandatory row Not applicable must not raise readiness.
fn readiness(rows: &[&MatrixRow]) -> u8 {
    weighted_readiness(rows.iter().map(|r| (r.effort_weight, r.planned_status())))
}

fn weighted_readiness(rows: impl Iterator<Item = (u8, Status)>) -> u8 {
    let halves = |status: Status| -> u64 {
        match status {
            Status::Implemented => 2,
            Status::InProgress => 1,
            Status::NotStarted | Status::NotApplicable => 0,
        }
    };
    let (done, total) = rows
        .filter(|(_, status)| *status != Status::NotApplicable)
        .fold((0u64, 0u64), |(done, total), (weight, status)| {
            let weight = u64::from(weight);
            (done + weight * halves(status), total + weight * 2)
        });
    if total == 0 {
        return 100;
    }
    u8::try_from((200 * done + total) / (2 * total)).unwrap_or(100)
}

fn area_rank(area: &Area) -> u8 {
    match area.id.split(':').next() {
        Some("ms") => 0,
        Some("iso27001") => 1,
        Some("iso20000-1") => 2,
        _ => 3,
    }
}

fn area_ref(area: &Area) -> &str {
    area.id.rsplit(':').next().unwrap_or_default()
}

/// The clauses of the harmonised structure that ask for documented information, as ISO/IEC
/// 27001 numbers them (ISO/IEC Directives, Part 1, Annex SL, Appendix 2). ISO 9001, ISO 14001
/// and ISO 22301 ask for the same documents under the same numbers, so an integrated document
/// that answers one of them also serves those systems.
const HARMONISED_IN_WRITING: [&str; 9] = [
    "4.3", "5.2", "6.2", "7.2", "8.1", "9.1", "9.2.2", "9.3.3", "10.2",
];

/// Where one integrated document is asked for in writing, over the rows it covers.
#[derive(Clone, Copy, Default)]
struct Asked {
    iso27001: bool,
    iso20000: bool,
    /// By a clause of the harmonised structure, which other ISO management systems share.
    harmonised: bool,
}

impl Asked {
    fn in_writing(self) -> bool {
        self.iso27001 || self.iso20000
    }

    /// The separate documents it takes the place of: one for each standard that asks for it.
    fn replaces(self) -> usize {
        usize::from(self.iso27001) + usize::from(self.iso20000)
    }
}

/// The integrated documents, what running the standards apart would take in their place (one
/// document for each standard that asks for it in writing, `in_writing` in the crosswalk), and
/// what is left of them, in words with the verb the starting point calls for.
fn documents(
    rows: &[MatrixRow],
    catalog: &Catalog,
    texts: &Texts,
    start: StartingPoint,
    other_systems: &[&'static str],
    (to_write, to_extend): (usize, &BTreeSet<&str>),
) -> DocumentCounts {
    let in_writing_by_row: BTreeMap<&str, &InWriting> = catalog
        .crosswalk
        .iter()
        .map(|c| (c.id.as_str(), &c.in_writing))
        .collect();
    let mut by_document: BTreeMap<&str, Asked> = BTreeMap::new();
    for row in rows
        .iter()
        .filter(|r| r.applicable && matches!(r.kind, RowKind::Common | RowKind::Integrated))
    {
        let asked = by_document.entry(&row.document).or_default();
        if let Some(in_writing) = in_writing_by_row.get(row.id.as_str()) {
            asked.iso27001 |= !in_writing.iso27001.is_empty();
            asked.iso20000 |= !in_writing.iso20000.is_empty();
            asked.harmonised |= in_writing
                .iso27001
                .iter()
                .any(|r| HARMONISED_IN_WRITING.contains(&r.as_str()));
        }
    }
    let integrated = by_document.len();
    let in_writing = by_document.values().filter(|a| a.in_writing()).count();
    let separate = by_document.values().map(|a| a.replaces()).sum();
    let good_practice = integrated - in_writing;
    let serving_other_systems = if other_systems.is_empty() {
        0
    } else {
        by_document.values().filter(|a| a.harmonised).count()
    };
    let pairs_to_extend = to_extend
        .iter()
        .filter(|d| by_document.get(*d).is_some_and(|a| a.replaces() == 2))
        .count();

    let n = |value: usize| texts.integer(value as i64);
    let in_place_of = texts.fill(
        "engine.documents.in-place-of",
        &[
            ("in_writing", &n(in_writing)),
            ("separate", &n(separate)),
            ("good_practice", &n(good_practice)),
        ],
    );
    let also_serve = if serving_other_systems > 0 {
        texts.fill(
            "engine.documents.other-systems",
            &[
                ("count", &n(serving_other_systems)),
                (
                    "systems",
                    &super::applicability::join_and(texts, other_systems),
                ),
            ],
        )
    } else {
        String::new()
    };
    let in_full = if also_serve.is_empty() {
        in_place_of.clone()
    } else {
        texts.fill(
            "engine.documents.in-full",
            &[("first", &in_place_of), ("then", &also_serve)],
        )
    };
    DocumentCounts {
        integrated,
        in_writing,
        separate,
        good_practice,
        serving_other_systems,
        other_systems: other_systems.iter().map(|s| (*s).to_owned()).collect(),
        pairs_to_extend,
        in_place_of,
        also_serve,
        in_full,
        left: left_in_words(texts, start, to_write, to_extend.len(), pairs_to_extend),
    }
}

/// What is left of the integrated documents, with the verb the starting point calls for
/// (twenty-second review).
fn left_in_words(
    texts: &Texts,
    start: StartingPoint,
    write: usize,
    extend: usize,
    pairs_to_extend: usize,
) -> String {
    let other = match start {
        StartingPoint::Iso20000 => "ISO/IEC 27001",
        _ => "ISO/IEC 20000-1",
    };
    let part = |key: &str, count: usize| texts.count(key, count, &[("other", &other)]);
    let mut parts = Vec::new();
    if write > 0 {
        parts.push(part("engine.documents.part.write", write));
    }
    // An open document with something written down is, for a system held alone, that system's
    // document to extend to the other standard. For two systems held apart it is a pair to
    // merge only where both standards ask for it in writing; the rest exist in one system, to
    // be extended from it (twenty-fourth review).
    match start {
        StartingPoint::Iso27001 | StartingPoint::Iso20000 if extend > 0 => {
            parts.push(part("engine.documents.part.extend-held", extend));
        }
        StartingPoint::BothSeparate => {
            let pairs = pairs_to_extend.min(extend);
            if pairs > 0 {
                parts.push(part("engine.documents.part.merge", pairs));
            }
            if extend > pairs {
                parts.push(part("engine.documents.part.extend-apart", extend - pairs));
            }
        }
        _ if extend > 0 => parts.push(part("engine.documents.part.extend", extend)),
        _ => {}
    }
    if parts.is_empty() {
        texts.get("engine.documents.left.none").to_owned()
    } else {
        let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
        super::applicability::join_and(texts, &parts)
    }
}

pub fn build(
    rows: &[MatrixRow],
    catalog: &Catalog,
    texts: &Texts,
    start: StartingPoint,
    other_systems: &[&'static str],
) -> Summary {
    let all: Vec<&MatrixRow> = rows.iter().collect();
    let by_kind = RowKind::ALL
        .iter()
        .map(|kind| Count {
            key: kind.as_str().to_owned(),
            label: kind.label().to_owned(),
            count: rows.iter().filter(|r| r.kind == *kind).count(),
        })
        .collect();
    let by_status = Status::ALL
        .iter()
        .map(|status| Count {
            key: status.as_str().to_owned(),
            label: status.label().to_owned(),
            count: rows.iter().filter(|r| r.status == *status).count(),
        })
        .collect();
    let mut areas: BTreeMap<&Area, Vec<&MatrixRow>> = BTreeMap::new();
    let mut order: Vec<&Area> = Vec::new();
    for row in rows {
        if !areas.contains_key(&row.area) {
            order.push(&row.area);
        }
        areas.entry(&row.area).or_default().push(row);
    }
    // Management system first, then ISO/IEC 27001 areas, then ISO/IEC 20000-1 processes, each in
    // the standards' numbering.
    order.sort_by(|a, b| {
        area_rank(a)
            .cmp(&area_rank(b))
            .then_with(|| super::view::compare_refs(area_ref(a), area_ref(b)))
    });
    let by_area = order
        .into_iter()
        .map(|area| {
            let members = &areas[area];
            AreaReadiness {
                area: area.clone(),
                rows: members.len(),
                open: members.iter().filter(|r| r.is_open()).count(),
                readiness: readiness(members),
            }
        })
        .collect();
    // A document exists when the answer says the practice is written down, for one standard
    // or for each ("done, not written down" has no document to extend, though the work is in
    // progress).
    let written = |r: &MatrixRow| r.maturity.is_some_and(Maturity::is_written);
    let shared_open = || {
        rows.iter()
            .filter(|r| r.applicable && matches!(r.kind, RowKind::Common | RowKind::Integrated))
            .filter(|r| r.is_open())
    };
    let to_write: BTreeSet<&str> = shared_open()
        .filter(|r| r.status == Status::NotStarted || !written(r))
        .map(|r| &*r.document)
        .collect();
    let to_extend: BTreeSet<&str> = shared_open()
        .map(|r| &*r.document)
        .filter(|d| !to_write.contains(d))
        .collect();
    let mut open: Vec<&MatrixRow> = rows.iter().filter(|r| r.is_open()).collect();
    // In the action plan's order (phase by phase, the critical path first within each).
    open.sort_by_key(|r| r.plan_rank);
    Summary {
        rows: rows.len(),
        applicable_rows: rows
            .iter()
            .filter(|r| r.planned_status() != Status::NotApplicable)
            .count(),
        open_rows: open.len(),
        readiness: readiness(&all),
        by_kind,
        by_status,
        by_area,
        documents: documents(
            rows,
            catalog,
            texts,
            start,
            other_systems,
            (to_write.len(), &to_extend),
        ),
        documents_to_write: to_write.len(),
        documents_to_extend: to_extend.len(),
        remaining_days: rows.iter().map(|r| r.remaining_days).sum(),
        top_actions: open
            .iter()
            .take(TOP_ACTIONS)
            .map(|r| r.id.clone())
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readiness_rounds_half_up_as_by_hand() {
        // 10 done and 3 half done of 20: 100 × 11.5 / 20 = 57.5.
        let rows = [
            (10, Status::Implemented),
            (3, Status::InProgress),
            (7, Status::NotStarted),
            (9, Status::NotApplicable),
        ];
        assert_eq!(weighted_readiness(rows.into_iter()), 58);
        assert_eq!(weighted_readiness(std::iter::empty()), 100);
        assert_eq!(
            weighted_readiness([(5, Status::InProgress)].into_iter()),
            50
        );
    }
}
