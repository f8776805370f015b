//! Turns the raw data files into a validated `Catalog`, or into every problem found, each naming
//! the file and the reference it concerns. Pure: text in, values out.

use std::collections::HashSet;
use std::fmt;

use super::model::{
    Catalog, Evidence, Family, InWriting, Lead, Link, Node, NodeKind, Pdca, Relationship, Row,
    RowKind, RowRefs, Standard, StandardId, Transition,
};
use super::raw::{RawCrosswalk, RawRow, RawStandard, RawTransition};

/// A data file's name (for messages) and its text.
#[derive(Clone, Copy, Debug)]
pub struct DataFile<'a> {
    pub name: &'a str,
    pub text: &'a str,
}

/// All the data files a catalog is built from.
#[derive(Clone, Debug)]
pub struct Sources<'a> {
    pub standards: Vec<DataFile<'a>>,
    pub transitions: Vec<DataFile<'a>>,
    pub crosswalk: DataFile<'a>,
}

/// One problem in the data: which file, which reference or row, what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataError {
    pub file: String,
    pub reference: Option<String>,
    pub problem: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.reference {
            Some(reference) => write!(f, "{}: {}: {}", self.file, reference, self.problem),
            None => write!(f, "{}: {}", self.file, self.problem),
        }
    }
}

/// Collects problems so one run reports all of them, not just the first.
struct Problems(Vec<DataError>);

impl Problems {
    fn add(&mut self, file: &str, reference: Option<&str>, problem: impl Into<String>) {
        self.0.push(DataError {
            file: file.to_owned(),
            reference: reference.map(str::to_owned),
            problem: problem.into(),
        });
    }
}

/// Builds the catalog from its sources.
///
/// # Errors
/// Every problem found, in file order: unparsable JSON, unknown fields, duplicate references,
/// missing parents, links or rows pointing at nodes that do not exist, values out of range, and
/// nodes that no crosswalk row covers.
pub fn load(sources: &Sources<'_>) -> Result<Catalog, Vec<DataError>> {
    let mut problems = Problems(Vec::new());
    let mut standards: Vec<(Standard, &str)> = Vec::new();
    for file in &sources.standards {
        if let Some(standard) = load_standard(file, &mut problems) {
            if standards.iter().any(|(s, _)| s.id == standard.id) {
                problems.add(
                    file.name,
                    None,
                    format!("{} is defined twice", standard.id.as_str()),
                );
            } else {
                standards.push((standard, file.name));
            }
        }
    }
    if !problems.0.is_empty() {
        return Err(problems.0);
    }
    for id in StandardId::ALL {
        if !standards.iter().any(|(s, _)| s.id == id) {
            problems.add(
                "data/standards",
                None,
                format!("{} is missing", id.as_str()),
            );
        }
    }
    if !problems.0.is_empty() {
        return Err(problems.0);
    }
    let lookup = |id: StandardId| -> &Standard {
        &standards
            .iter()
            .find(|(s, _)| s.id == id)
            .expect("checked above")
            .0
    };

    let mut transitions = Vec::new();
    for file in &sources.transitions {
        if let Some(transition) = load_transition(file, &lookup, &mut problems) {
            if transitions
                .iter()
                .any(|t: &(Transition, &str)| t.0.from == transition.from)
            {
                problems.add(file.name, None, "a second transition for the same editions");
            } else {
                transitions.push((transition, file.name));
            }
        }
    }
    for family in [Family::Iso27001, Family::Iso20000] {
        if !transitions.iter().any(|(t, _)| t.from.family() == family) {
            problems.add(
                "data/transitions",
                None,
                format!("no transition for {}", family.designation()),
            );
        }
    }
    if !problems.0.is_empty() {
        return Err(problems.0);
    }

    let crosswalk = load_crosswalk(&sources.crosswalk, &lookup, &transitions, &mut problems);
    if let Some(rows) = &crosswalk {
        check_coverage(rows, &standards, &mut problems);
    }
    match crosswalk {
        Some(rows) if problems.0.is_empty() => Ok(Catalog {
            standards: standards.into_iter().map(|(s, _)| s).collect(),
            transitions: transitions.into_iter().map(|(t, _)| t).collect(),
            crosswalk: rows,
        }),
        _ => Err(problems.0),
    }
}

fn parse<T: serde::de::DeserializeOwned>(
    file: &DataFile<'_>,
    problems: &mut Problems,
) -> Option<T> {
    match serde_json::from_str(file.text) {
        Ok(value) => Some(value),
        Err(error) => {
            problems.add(file.name, None, format!("cannot be read: {error}"));
            None
        }
    }
}

fn load_standard(file: &DataFile<'_>, problems: &mut Problems) -> Option<Standard> {
    let raw: RawStandard = parse(file, problems)?;
    let Some(id) = StandardId::parse(&raw.id) else {
        problems.add(file.name, None, format!("unknown standard id {:?}", raw.id));
        return None;
    };
    if raw.family != id.family().as_str() || raw.edition != id.edition() {
        problems.add(
            file.name,
            None,
            format!(
                "family {:?} and edition {:?} do not match id {}",
                raw.family, raw.edition, raw.id
            ),
        );
    }
    let before = problems.0.len();
    let mut index = super::model::RefIndex::default();
    let mut nodes = Vec::with_capacity(raw.nodes.len());
    for raw_node in raw.nodes {
        let reference = raw_node.reference.as_str();
        if index.contains_key(reference) {
            problems.add(file.name, Some(reference), "duplicate reference");
            continue;
        }
        if raw_node.title.trim().is_empty() {
            problems.add(file.name, Some(reference), "empty title");
        }
        let kind = NodeKind::parse(&raw_node.kind).unwrap_or_else(|| {
            problems.add(
                file.name,
                Some(reference),
                format!("unknown kind {:?}", raw_node.kind),
            );
            NodeKind::Clause
        });
        index.insert(raw_node.reference.clone(), nodes.len());
        nodes.push(Node {
            reference: raw_node.reference,
            title: raw_node.title.into(),
            parent: raw_node.parent,
            kind,
            new: raw_node.new,
            note: raw_node.note,
            title_in_english: false,
        });
    }
    let mut has_children = vec![false; nodes.len()];
    for node in &nodes {
        if let Some(parent) = &node.parent {
            match index.get(parent) {
                Some(&i) => has_children[i] = true,
                None => problems.add(
                    file.name,
                    Some(&node.reference),
                    format!("parent {parent} does not exist"),
                ),
            }
        }
    }
    (problems.0.len() == before).then_some(Standard {
        id,
        designation: raw.designation,
        title: raw.title,
        note: raw.note,
        nodes,
        index,
        has_children,
    })
}

fn load_transition<'s>(
    file: &DataFile<'_>,
    lookup: &impl Fn(StandardId) -> &'s Standard,
    problems: &mut Problems,
) -> Option<Transition> {
    let raw: RawTransition = parse(file, problems)?;
    let (Some(from), Some(to)) = (StandardId::parse(&raw.from), StandardId::parse(&raw.to)) else {
        problems.add(
            file.name,
            None,
            format!("unknown editions {:?} -> {:?}", raw.from, raw.to),
        );
        return None;
    };
    if from.family() != to.family() || from.is_current() || !to.is_current() {
        problems.add(
            file.name,
            None,
            "a transition goes from an older to the current edition of one standard",
        );
        return None;
    }
    let (old, new) = (lookup(from), lookup(to));
    let before = problems.0.len();
    let mut seen = HashSet::new();
    for link in &raw.links {
        if !seen.insert(link.from.as_str()) {
            problems.add(file.name, Some(&link.from), "linked twice");
        }
        if old.node(&link.from).is_none() {
            problems.add(
                file.name,
                Some(&link.from),
                format!("not a node of {}", from.as_str()),
            );
        }
        if link.to.is_empty() {
            problems.add(file.name, Some(&link.from), "links to nothing");
        }
        for target in &link.to {
            if new.node(target).is_none() {
                problems.add(
                    file.name,
                    Some(&link.from),
                    format!("links to {target}, which is not a node of {}", to.as_str()),
                );
            }
        }
    }
    for leaf in old.leaves() {
        if !seen.contains(leaf.reference.as_str()) {
            problems.add(
                file.name,
                Some(&leaf.reference),
                format!("{} has no link to {}", from.as_str(), to.as_str()),
            );
        }
    }
    (problems.0.len() == before).then(|| Transition {
        from,
        to,
        source: raw.source,
        links: raw
            .links
            .into_iter()
            .map(|link| Link {
                from: link.from,
                to: link.to,
            })
            .collect(),
    })
}

fn load_crosswalk<'s>(
    file: &DataFile<'_>,
    lookup: &impl Fn(StandardId) -> &'s Standard,
    transitions: &[(Transition, &str)],
    problems: &mut Problems,
) -> Option<Vec<Row>> {
    let raw: RawCrosswalk = parse(file, problems)?;
    let before = problems.0.len();
    let mut ids = HashSet::new();
    let mut rows = Vec::with_capacity(raw.rows.len());
    for raw_row in raw.rows {
        if !ids.insert(raw_row.id.clone()) {
            problems.add(file.name, Some(&raw_row.id), "duplicate row id");
        }
        if let Some(row) = load_row(file.name, raw_row, lookup, transitions, problems) {
            rows.push(row);
        }
    }
    (problems.0.len() == before).then_some(rows)
}

fn load_row<'s>(
    file: &str,
    raw: RawRow,
    lookup: &impl Fn(StandardId) -> &'s Standard,
    transitions: &[(Transition, &str)],
    problems: &mut Problems,
) -> Option<Row> {
    let id = raw.id.as_str();
    let before = problems.0.len();
    let mut bad = |problem: String| problems.add(file, Some(id), problem);
    let kind = RowKind::parse(&raw.kind);
    if kind.is_none() {
        bad(format!("unknown kind {:?}", raw.kind));
    }
    let pdca = Pdca::parse(&raw.pdca);
    if pdca.is_none() {
        bad(format!("unknown PDCA phase {:?}", raw.pdca));
    }
    let relationship = Relationship::parse(&raw.relationship);
    if relationship.is_none() {
        bad(format!("unknown relationship {:?}", raw.relationship));
    }
    let lead = Lead::parse(&raw.lead);
    if lead.is_none() {
        bad(format!("unknown lead {:?}", raw.lead));
    }
    if !(0..=10).contains(&raw.strength) {
        bad(format!("strength {} is outside 0-10", raw.strength));
    }
    if !(1..=5).contains(&raw.effort) {
        bad(format!("effort {} is outside 1-5", raw.effort));
    }
    for (name, text) in [
        ("id", &raw.id),
        ("topic", &raw.topic),
        ("practice", &raw.practice),
        ("document", &raw.document),
        ("rationale", &raw.rationale),
        ("guidance", &raw.guidance),
    ] {
        if text.trim().is_empty() {
            bad(format!("empty {name}"));
        }
    }
    // The row's own references are leaves; those asking for its document in writing may be
    // any node (7.5.4 lists the SMS's documents).
    for (family, refs, field, leaf) in [
        (Family::Iso27001, &raw.iso27001, "", true),
        (Family::Iso20000, &raw.iso20000, "", true),
        (
            Family::Iso27001,
            &raw.in_writing.iso27001,
            "in_writing: ",
            false,
        ),
        (
            Family::Iso20000,
            &raw.in_writing.iso20000,
            "in_writing: ",
            false,
        ),
    ] {
        let standard = lookup(family.current());
        for reference in refs {
            if standard.node(reference).is_none() {
                bad(format!(
                    "{field}{reference} is not a node of {}",
                    family.current().as_str()
                ));
            } else if leaf && !standard.is_leaf(reference) {
                bad(format!(
                    "{reference} has sub-clauses; reference those instead"
                ));
            }
        }
    }
    let in_writing = !(raw.in_writing.iso27001.is_empty() && raw.in_writing.iso20000.is_empty());
    if in_writing && !matches!(kind, Some(RowKind::Common | RowKind::Integrated)) {
        bad("in_writing is only read on common and integrated rows".to_owned());
    }
    if let (Some(kind), Some(relationship)) = (kind, relationship) {
        let evidence = (
            !raw.evidence.iso27001.trim().is_empty(),
            !raw.evidence.iso20000.trim().is_empty(),
        );
        let sides = (!raw.iso27001.is_empty(), !raw.iso20000.is_empty());
        let expected = match kind {
            RowKind::Common | RowKind::Integrated => (true, true),
            RowKind::Iso27001Only => (true, false),
            RowKind::Iso20000Only => (false, true),
        };
        if sides != expected {
            bad(format!(
                "a {} row needs references on {}",
                kind.as_str(),
                match expected {
                    (true, true) => "both sides",
                    (true, false) => "the 27001 side only",
                    _ => "the 20000-1 side only",
                }
            ));
        }
        if evidence != sides {
            bad("evidence is written for exactly the sides the row references".to_owned());
        }
        let one_sided = matches!(kind, RowKind::Iso27001Only | RowKind::Iso20000Only);
        if one_sided != (relationship == Relationship::NotRelated) {
            bad("only one-sided rows are not_related".to_owned());
        }
        if (relationship == Relationship::NotRelated) != (raw.strength == 0) {
            bad("strength is 0 exactly when the relationship is not_related".to_owned());
        }
    }
    if problems.0.len() != before {
        return None;
    }
    let mut refs = RowRefs::default();
    for (family, current_refs) in [
        (Family::Iso27001, raw.iso27001),
        (Family::Iso20000, raw.iso20000),
    ] {
        let transition = &transitions
            .iter()
            .find(|(t, _)| t.from.family() == family)
            .expect("checked before the crosswalk")
            .0;
        let old = lookup(family.previous());
        let mut previous: Vec<String> = current_refs
            .iter()
            .flat_map(|reference| transition.backward(reference))
            .map(str::to_owned)
            .collect();
        previous.sort_by_key(|reference| old.position(reference));
        previous.dedup();
        refs.set(family.previous(), previous);
        refs.set(family.current(), current_refs);
    }
    Some(Row {
        id: raw.id,
        topic: raw.topic.into(),
        kind: kind?,
        pdca: pdca?,
        practice: raw.practice,
        refs,
        relationship: relationship?,
        strength: u8::try_from(raw.strength).ok()?,
        lead: lead?,
        document: raw.document.into(),
        in_writing: InWriting {
            iso27001: raw.in_writing.iso27001,
            iso20000: raw.in_writing.iso20000,
        },
        rationale: raw.rationale.into(),
        guidance: raw.guidance.into(),
        evidence: Evidence {
            iso27001: raw.evidence.iso27001.into(),
            iso20000: raw.evidence.iso20000.into(),
        },
        effort: u8::try_from(raw.effort).ok()?,
    })
}

/// Every leaf of every edition must sit in at least one row, so the matrix is complete.
fn check_coverage(rows: &[Row], standards: &[(Standard, &str)], problems: &mut Problems) {
    for (standard, file) in standards {
        let covered: HashSet<&str> = rows
            .iter()
            .flat_map(|row| row.refs.get(standard.id))
            .map(String::as_str)
            .collect();
        for leaf in standard.leaves() {
            if !covered.contains(leaf.reference.as_str()) {
                problems.add(file, Some(&leaf.reference), "is in no crosswalk row");
            }
        }
    }
}
