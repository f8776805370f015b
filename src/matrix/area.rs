//! Groupings used for readiness, the heat-map and grouping the table: management-system clauses,
//! Annex A themes (2022) or domains (2013), and ISO/IEC 20000-1 process groups.

use serde::Serialize;

use crate::catalog::{Catalog, NodeKind, Row, RowKind, Standard, StandardId};
use crate::i18n::Texts;

/// A named group of rows.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Area {
    pub id: String,
    pub label: String,
}

fn area_id(standard: &Standard, reference: &str) -> String {
    format!("{}:{reference}", standard.id.as_str())
}

impl Area {
    fn of_node(standard: &Standard, reference: &str) -> Area {
        let title = standard.title_of(reference).unwrap_or_default();
        Area {
            id: area_id(standard, reference),
            label: format!("{reference} {title}"),
        }
    }

    pub fn management_system() -> Area {
        Area {
            id: "ms".to_owned(),
            label: "Management system (clauses 4–10)".to_owned(),
        }
    }

    fn not_in_editions() -> Area {
        Area {
            id: "none".to_owned(),
            label: "Not in the chosen editions".to_owned(),
        }
    }

    /// The label in `texts`' language: the two groupings that are not a clause or theme of a
    /// standard are words of ours; the others already carry the localized catalog's titles.
    pub fn localize(&mut self, texts: &Texts) {
        let key = match self.id.as_str() {
            "ms" => "engine.area.management-system",
            "none" => "engine.area.not-in-editions",
            _ => return,
        };
        self.label = texts.get(key).to_owned();
    }
}

/// The top-level clauses of an ISO/IEC 20000-1 edition that hold its processes; the heat-map
/// and readiness split these one level deeper.
fn process_clauses(id: StandardId) -> &'static [&'static str] {
    match id {
        StandardId::Iso20000_2018 => &["8"],
        StandardId::Iso20000_2011 => &["6", "7", "8", "9"],
        _ => &[],
    }
}

/// The ISO/IEC 27001 area of a reference: its clause (4 to 10) or Annex A theme or domain.
pub fn iso27001_area(standard: &Standard, reference: &str) -> Area {
    match standard.top_ancestor(reference) {
        Some(top) => Area::of_node(standard, &top.reference),
        None => Area::not_in_editions(),
    }
}

/// The id of `iso27001_area`, without building its label.
pub fn iso27001_area_id(standard: &Standard, reference: &str) -> Option<String> {
    standard
        .top_ancestor(reference)
        .map(|top| area_id(standard, &top.reference))
}

/// The id of `iso20000_process`, without building its label.
pub fn iso20000_process_id(standard: &Standard, reference: &str) -> Option<String> {
    let chain = standard.ancestry(reference);
    match chain.as_slice() {
        [] => None,
        [top, second, ..] if process_clauses(standard.id).contains(&top.reference.as_str()) => {
            Some(area_id(standard, &second.reference))
        }
        [top, ..] => Some(area_id(standard, &top.reference)),
    }
}

/// The ISO/IEC 20000-1 process (column of the heat-map) of a reference.
pub fn iso20000_process(standard: &Standard, reference: &str) -> Area {
    let chain = standard.ancestry(reference);
    match chain.as_slice() {
        [] => Area::not_in_editions(),
        [top, second, ..] if process_clauses(standard.id).contains(&top.reference.as_str()) => {
            Area::of_node(standard, &second.reference)
        }
        [top, ..] => Area::of_node(standard, &top.reference),
    }
}

/// The readiness area of a row in the chosen editions.
pub fn row_area(catalog: &Catalog, row: &Row, iso27001: StandardId, iso20000: StandardId) -> Area {
    let s27 = catalog.standard(iso27001);
    let s20 = catalog.standard(iso20000);
    let r27 = row.refs.get(iso27001);
    let r20 = row.refs.get(iso20000);
    let first_is_clause = r27
        .first()
        .and_then(|r| s27.node(r))
        .is_some_and(|node| node.kind == NodeKind::Clause);
    let in_process_clause = |reference: &str| {
        s20.top_ancestor(reference)
            .is_some_and(|top| process_clauses(iso20000).contains(&top.reference.as_str()))
    };
    if first_is_clause {
        return Area::management_system();
    }
    if row.kind == RowKind::Integrated {
        if let Some(first) = r20.first() {
            return iso20000_process(s20, first);
        }
    }
    if let Some(first) = r27.first() {
        return iso27001_area(s27, first);
    }
    match r20.first() {
        Some(first) if in_process_clause(first) => iso20000_process(s20, first),
        Some(_) => Area::management_system(),
        None => Area::not_in_editions(),
    }
}
