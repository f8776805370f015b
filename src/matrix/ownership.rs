//! Which rows implement an Annex A control that sits on rows of several practices. A.5.19 sits
//! on the supplier process and on the control of the parties in the service lifecycle (20000-1
//! 8.2.3, practice portfolio), A.5.22 on supplier monitoring and on service levels (8.3.3): the
//! control is implemented by its own practice's rows, the practice whose rows carry the most
//! Annex A controls (supplier). The other row holds the control for its 20000-1 process. The
//! SoA reads the control's status from its own rows (`soa.rs`); a row that holds only controls
//! owned elsewhere is 20000-1 work, which a plan certifying 27001 first leaves to its second
//! stage (`plan::second_stage`).

use std::collections::HashMap;

use crate::catalog::{NodeKind, Standard};

/// How many Annex A controls each practice's rows carry, from `(practice, controls)` per row.
pub struct Ownership<'a> {
    controls_by_practice: HashMap<&'a str, usize>,
    holders: HashMap<&'a str, Vec<&'a str>>,
}

impl<'a> Ownership<'a> {
    pub fn new(rows: impl IntoIterator<Item = (&'a str, Vec<&'a str>)>) -> Self {
        let mut controls_by_practice: HashMap<&str, usize> = HashMap::new();
        let mut holders: HashMap<&str, Vec<&str>> = HashMap::new();
        for (practice, controls) in rows {
            *controls_by_practice.entry(practice).or_default() += controls.len();
            for control in controls {
                holders.entry(control).or_default().push(practice);
            }
        }
        Ownership {
            controls_by_practice,
            holders,
        }
    }

    fn weight(&self, practice: &str) -> usize {
        self.controls_by_practice
            .get(practice)
            .copied()
            .unwrap_or(0)
    }

    /// Whether `practice`'s rows are `control`'s own: no other practice holding it carries
    /// more Annex A controls.
    pub fn owns(&self, practice: &str, control: &str) -> bool {
        let most = self
            .holders
            .get(control)
            .into_iter()
            .flatten()
            .map(|p| self.weight(p))
            .max()
            .unwrap_or(0);
        self.weight(practice) >= most
    }

    /// Whether a row of `practice` holding `controls` holds only controls owned elsewhere.
    pub fn holds_only_borrowed(&self, practice: &str, controls: &[&str]) -> bool {
        !controls.is_empty() && controls.iter().all(|c| !self.owns(practice, c))
    }
}

/// A row's Annex A controls when its 27001 side is nothing else; none when it holds a clause.
pub fn only_controls<'r>(standard: &Standard, refs: &'r [String]) -> Vec<&'r str> {
    let controls: Vec<&str> = refs
        .iter()
        .map(String::as_str)
        .filter(|r| {
            standard
                .node(r)
                .is_some_and(|n| n.kind == NodeKind::Control)
        })
        .collect();
    if controls.len() == refs.len() {
        controls
    } else {
        Vec::new()
    }
}
