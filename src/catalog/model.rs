//! The validated catalog: standard editions as trees of nodes, the transitions between editions,
//! and the crosswalk rows. Values of these types only come out of `validate`, so their
//! invariants (references resolve, ids unique, coverage complete) hold wherever they are used.

use std::collections::HashMap;
use std::sync::Arc;

use serde::Serialize;

/// FNV-1a: references are short keys looked up many times per rebuild, where the default
/// SipHash (built against hostile keys we never get here) costs more than the lookup.
#[derive(Default)]
pub struct FnvHasher(u64);

impl std::hash::Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for byte in bytes {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }
}

/// Reference -> position in document order.
pub(crate) type RefIndex = HashMap<String, usize, std::hash::BuildHasherDefault<FnvHasher>>;

/// Shared, immutable text: titles and guidance are cloned into every matrix rebuild, so a clone
/// must be a reference-count increment, not a copy.
pub type Text = Arc<str>;

crate::vocabulary::vocabulary! {
    /// One edition of one standard. The four editions the product knows.
    pub enum StandardId {
        Iso27001_2022 = "iso27001:2022" => "ISO/IEC 27001:2022",
        Iso27001_2013 = "iso27001:2013" => "ISO/IEC 27001:2013",
        Iso20000_2018 = "iso20000-1:2018" => "ISO/IEC 20000-1:2018",
        Iso20000_2011 = "iso20000-1:2011" => "ISO/IEC 20000-1:2011",
    }
}

crate::vocabulary::vocabulary! {
    /// Which standard an edition belongs to. The label is the designation without edition, as
    /// people write it.
    pub enum Family {
        Iso27001 = "iso27001" => "ISO/IEC 27001",
        Iso20000 = "iso20000-1" => "ISO/IEC 20000-1",
    }
}

impl StandardId {
    pub fn family(self) -> Family {
        match self {
            StandardId::Iso27001_2022 | StandardId::Iso27001_2013 => Family::Iso27001,
            StandardId::Iso20000_2018 | StandardId::Iso20000_2011 => Family::Iso20000,
        }
    }

    /// The other edition of the same standard: 2013 for 2022, 2018 for 2011.
    pub fn other_edition(self) -> StandardId {
        let family = self.family();
        if self == family.current() {
            family.previous()
        } else {
            family.current()
        }
    }

    /// The current edition, in which crosswalk rows are written.
    pub fn is_current(self) -> bool {
        matches!(self, StandardId::Iso27001_2022 | StandardId::Iso20000_2018)
    }

    /// The edition's year, as in `iso27001:2022`.
    pub fn edition(self) -> &'static str {
        let id = self.as_str();
        &id[id.len() - 4..]
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

impl Family {
    /// The designation without edition, as people write it.
    pub fn designation(self) -> &'static str {
        self.label()
    }

    pub fn current(self) -> StandardId {
        match self {
            Family::Iso27001 => StandardId::Iso27001_2022,
            Family::Iso20000 => StandardId::Iso20000_2018,
        }
    }

    pub fn previous(self) -> StandardId {
        match self {
            Family::Iso27001 => StandardId::Iso27001_2013,
            Family::Iso20000 => StandardId::Iso20000_2011,
        }
    }
}

crate::vocabulary::vocabulary! {
    /// What a node of a standard is.
    pub enum NodeKind {
        /// A clause or sub-clause of the main body (4 to 10).
        Clause = "clause" => "Clause",
        /// An Annex A theme of ISO/IEC 27001:2022 (A.5 to A.8).
        Theme = "theme" => "Theme",
        /// An Annex A domain of ISO/IEC 27001:2013 (A.5 to A.18).
        Domain = "domain" => "Domain",
        /// An Annex A control objective of ISO/IEC 27001:2013 (A.5.1 ...).
        Objective = "objective" => "Control objective",
        /// An Annex A control.
        Control = "control" => "Control",
    }
}

/// A clause or Annex A node: its reference and exact title, never the standard's text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Node {
    #[serde(rename = "ref")]
    pub reference: String,
    pub title: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    pub kind: NodeKind,
    /// New in this edition (the eleven new controls of 2022, clause 6.3).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub new: bool,
    /// A remark on the title, e.g. where another publication words it differently.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// In a localized catalog, the title stayed in English: no national adoption's title was
    /// confirmed by two public sources (docs/catalog-sources.md). Pages mark it `lang="en"`.
    #[serde(skip)]
    pub title_in_english: bool,
}

/// One edition of one standard as a tree of nodes in document order.
#[derive(Clone, Debug, Serialize)]
pub struct Standard {
    pub id: StandardId,
    pub designation: String,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub nodes: Vec<Node>,
    #[serde(skip)]
    pub(crate) index: RefIndex,
    #[serde(skip)]
    pub(crate) has_children: Vec<bool>,
}

impl Standard {
    pub fn node(&self, reference: &str) -> Option<&Node> {
        self.index.get(reference).map(|&i| &self.nodes[i])
    }

    /// Position in document order, for sorting references the way the standard lists them.
    pub fn position(&self, reference: &str) -> Option<usize> {
        self.index.get(reference).copied()
    }

    pub fn title_of(&self, reference: &str) -> Option<&str> {
        self.node(reference).map(|node| &*node.title)
    }

    /// A node without sub-nodes: what a crosswalk row may reference.
    pub fn is_leaf(&self, reference: &str) -> bool {
        self.index
            .get(reference)
            .is_some_and(|&i| !self.has_children[i])
    }

    pub fn leaves(&self) -> impl Iterator<Item = &Node> {
        self.nodes
            .iter()
            .zip(&self.has_children)
            .filter(|(_, has_children)| !**has_children)
            .map(|(node, _)| node)
    }

    pub fn controls(&self) -> impl Iterator<Item = &Node> {
        self.nodes
            .iter()
            .filter(|node| node.kind == NodeKind::Control)
    }

    /// The top-level ancestor: clause `8` for `8.5.1.1`, theme `A.5` for `A.5.15`.
    pub fn top_ancestor<'a>(&'a self, reference: &str) -> Option<&'a Node> {
        let mut node = self.node(reference)?;
        while let Some(parent) = node.parent.as_deref().and_then(|p| self.node(p)) {
            node = parent;
        }
        Some(node)
    }

    /// The chain from the top-level ancestor down to the node itself.
    pub fn ancestry<'a>(&'a self, reference: &str) -> Vec<&'a Node> {
        let mut chain = Vec::new();
        let mut current = self.node(reference);
        while let Some(node) = current {
            chain.push(node);
            current = node.parent.as_deref().and_then(|p| self.node(p));
        }
        chain.reverse();
        chain
    }
}

/// One reference of an older edition and the references that carry its subject in the newer one.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Link {
    pub from: String,
    pub to: Vec<String>,
}

/// The correspondence from an older edition of a standard to its current edition.
#[derive(Clone, Debug, Serialize)]
pub struct Transition {
    pub from: StandardId,
    pub to: StandardId,
    pub source: String,
    pub links: Vec<Link>,
}

impl Transition {
    /// The newer references an older reference moved to (empty when it has no successor).
    pub fn forward(&self, old: &str) -> &[String] {
        self.links
            .iter()
            .find(|link| link.from == old)
            .map_or(&[], |link| link.to.as_slice())
    }

    /// The older references whose subject now sits in `new` (empty when `new` is new).
    pub fn backward<'a>(&'a self, new: &str) -> impl Iterator<Item = &'a str> + 'a {
        let new = new.to_owned();
        self.links
            .iter()
            .filter(move |link| link.to.contains(&new))
            .map(|link| link.from.as_str())
    }
}

crate::vocabulary::vocabulary! {
    /// The four kinds of integration row.
    pub enum RowKind {
        /// Both standards require it; one integrated document serves both.
        Common = "common" => "Common element",
        /// An Annex A control run as a 20000-1 process, or 20000-1's information security process.
        Integrated = "integrated" => "Integrated process",
        Iso27001Only = "iso27001_only" => "ISO/IEC 27001 only",
        Iso20000Only = "iso20000_only" => "ISO/IEC 20000-1 only",
    }
}

crate::vocabulary::vocabulary! {
    /// Plan-Do-Check-Act phase of a row.
    pub enum Pdca {
        Plan = "plan" => "Plan",
        Do = "do" => "Do",
        Check = "check" => "Check",
        Act = "act" => "Act",
    }
}

crate::vocabulary::vocabulary! {
    /// How the 27001 side of a row relates to its 20000-1 side (set theory, as in NIST IR 8477).
    pub enum Relationship {
        Equal = "equal" => "Equal",
        Subset = "subset" => "27001 narrower (subset)",
        Superset = "superset" => "27001 wider (superset)",
        Intersect = "intersect" => "Overlapping (intersect)",
        NotRelated = "not_related" => "Not related",
    }
}

crate::vocabulary::vocabulary! {
    /// Which standard leads the integrated document.
    pub enum Lead {
        Iso27001 = "iso27001" => "ISO/IEC 27001",
        Iso20000 = "iso20000-1" => "ISO/IEC 20000-1",
        /// Neither leads: the organisation's starting point decides which document is extended.
        Shared = "shared" => "Shared",
    }
}

/// A row's references in every edition. The current editions come from the crosswalk file; the
/// older ones are derived through the transitions, so each row is written once.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RowRefs {
    by_standard: [Vec<String>; 4],
}

impl RowRefs {
    pub fn get(&self, id: StandardId) -> &[String] {
        &self.by_standard[id.index()]
    }

    pub(crate) fn set(&mut self, id: StandardId, refs: Vec<String>) {
        self.by_standard[id.index()] = refs;
    }
}

impl Serialize for RowRefs {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(4))?;
        for id in StandardId::ALL {
            map.serialize_entry(id.as_str(), self.get(id))?;
        }
        map.end()
    }
}

/// One integration row of the matrix, as the crosswalk defines it.
#[derive(Clone, Debug, Serialize)]
pub struct Row {
    pub id: String,
    pub topic: Text,
    pub kind: RowKind,
    pub pdca: Pdca,
    pub practice: String,
    pub refs: RowRefs,
    pub relationship: Relationship,
    pub strength: u8,
    pub lead: Lead,
    pub document: Text,
    /// Where each standard asks for the document in writing (docs/crosswalk-format.md).
    pub in_writing: InWriting,
    pub rationale: Text,
    pub guidance: Text,
    pub evidence: Evidence,
    pub effort: u8,
}

/// The references of each current edition that ask for a row's document as documented
/// information; a side is empty when that standard leaves writing it down to the organisation.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct InWriting {
    pub iso27001: Vec<String>,
    pub iso20000: Vec<String>,
}

/// What an auditor asks to see for a row: documented information and records, per standard.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Evidence {
    pub iso27001: Text,
    pub iso20000: Text,
}

/// Everything the product knows about the standards, validated.
#[derive(Clone, Debug, Serialize)]
pub struct Catalog {
    pub standards: Vec<Standard>,
    pub transitions: Vec<Transition>,
    pub crosswalk: Vec<Row>,
}

impl Catalog {
    pub fn standard(&self, id: StandardId) -> &Standard {
        self.standards
            .iter()
            .find(|standard| standard.id == id)
            .expect("validation guarantees all four editions are present")
    }

    /// The transition from the older to the current edition of a family.
    pub fn transition(&self, family: Family) -> &Transition {
        self.transitions
            .iter()
            .find(|transition| transition.from.family() == family)
            .expect("validation guarantees one transition per family")
    }

    pub fn row(&self, id: &str) -> Option<&Row> {
        self.crosswalk.iter().find(|row| row.id == id)
    }
}
