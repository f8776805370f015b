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

/// How many Annex A controls each practice's rows carry, and which practices hold each
/// reference (control or clause).
pub struct Ownership<'a> {
    standard: &'a Standard,
    controls_by_practice: HashMap<&'a str, usize>,
    holders: HashMap<&'a str, Vec<&'a str>>,
}

impl<'a> Ownership<'a> {
    /// From each row's practice and its references in `standard` (clauses and controls).
    pub fn new(
        standard: &'a Standard,
        rows: impl IntoIterator<Item = (&'a str, &'a [String])>,
    ) -> Self {
        let mut ownership = Ownership {
            standard,
            controls_by_practice: HashMap::new(),
            holders: HashMap::new(),
        };
        for (practice, refs) in rows {
            for reference in refs {
                if is_control(standard, reference) {
                    *ownership.controls_by_practice.entry(practice).or_default() += 1;
                }
                ownership
                    .holders
                    .entry(reference)
                    .or_default()
                    .push(practice);
            }
        }
        ownership
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

    /// Whether a row of `practice` whose 27001 side is `refs` holds nothing of ISO/IEC 27001 of
    /// its own: each control is owned by another practice and each clause is also carried by a
    /// row of another practice (20000-1 8.2.3 holds A.5.19, which the supplier rows implement,
    /// and 27001 8.1, which the operational control row carries).
    pub fn holds_only_borrowed(&self, practice: &str, refs: &[String]) -> bool {
        !refs.is_empty()
            && refs.iter().all(|r| {
                if is_control(self.standard, r) {
                    !self.owns(practice, r)
                } else {
                    self.holders
                        .get(r.as_str())
                        .is_some_and(|holders| holders.iter().any(|p| *p != practice))
                }
            })
    }
}

fn is_control(standard: &Standard, reference: &str) -> bool {
    standard
        .node(reference)
        .is_some_and(|n| n.kind == NodeKind::Control)
}
