//! Turns `data/controls.json` and `data/obligations.json` into validated `Advice`, checked against
//! the catalog: every Annex A control of ISO/IEC 27001:2022 has exactly one profile, every
//! obligation named by the questionnaire has data, and every reference is a control.

use std::collections::HashSet;

use serde::Deserialize;

use super::model::{
    Advice, Basis, ControlProfile, Obligation, ObligationControl, ObligationId, Tag, Weight,
};
use crate::catalog::{Catalog, DataError, DataFile, NodeKind, StandardId};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawControls {
    controls: Vec<RawProfile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProfile {
    #[serde(rename = "ref")]
    reference: String,
    basis: String,
    weight: String,
    include: String,
    /// For a legal basis: the law it rests on when no duty the answers name does.
    #[serde(default)]
    legal_ground: Option<String>,
    raised_by: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawObligations {
    obligations: Vec<RawObligation>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawObligation {
    id: String,
    name: String,
    source: String,
    applies_when: String,
    legal_requirements: String,
    controls: Vec<RawObligationControl>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawObligationControl {
    #[serde(rename = "ref")]
    reference: String,
    provision: String,
    why: String,
    /// The scope facts without which the provision does not bear on the control (PCI DSS's
    /// physical security falls to whoever houses the card data environment): one, or a list
    /// of which each must hold.
    #[serde(default)]
    only_with: OneOrMore,
    /// The provision sets a deadline for a notice or report that applies now (`ObligationControl`).
    #[serde(default)]
    deadline: bool,
}

/// A field that holds one name or a list of them.
#[derive(Default, Deserialize)]
#[serde(untagged)]
enum OneOrMore {
    #[default]
    None,
    One(String),
    More(Vec<String>),
}

impl OneOrMore {
    fn names(&self) -> &[String] {
        match self {
            OneOrMore::None => &[],
            OneOrMore::One(name) => std::slice::from_ref(name),
            OneOrMore::More(names) => names,
        }
    }
}

/// Builds the advice data.
///
/// # Errors
/// Every problem found, each naming its file and the control or obligation concerned.
pub fn load(
    controls: &DataFile<'_>,
    obligations: &DataFile<'_>,
    catalog: &Catalog,
) -> Result<Advice, Vec<DataError>> {
    let mut errors = Vec::new();
    let mut bad = |file: &str, reference: &str, problem: String| {
        errors.push(DataError {
            file: file.to_owned(),
            reference: (!reference.is_empty()).then(|| reference.to_owned()),
            problem,
        });
    };
    let standard = catalog.standard(StandardId::Iso27001_2022);
    let is_control = |reference: &str| {
        standard
            .node(reference)
            .is_some_and(|n| n.kind == NodeKind::Control)
    };
    let raw_controls: RawControls = match serde_json::from_str(controls.text) {
        Ok(raw) => raw,
        Err(e) => {
            bad(controls.name, "", format!("cannot be read: {e}"));
            RawControls { controls: vec![] }
        }
    };
    let raw_obligations: RawObligations = match serde_json::from_str(obligations.text) {
        Ok(raw) => raw,
        Err(e) => {
            bad(obligations.name, "", format!("cannot be read: {e}"));
            RawObligations {
                obligations: vec![],
            }
        }
    };

    let mut profiles = Vec::new();
    let mut seen = HashSet::new();
    for raw in raw_controls.controls {
        let r = raw.reference.as_str();
        if !is_control(r) {
            bad(
                controls.name,
                r,
                "is not an Annex A control of ISO/IEC 27001:2022".into(),
            );
        }
        if !seen.insert(raw.reference.clone()) {
            bad(controls.name, r, "has two profiles".into());
        }
        let basis = Basis::parse(&raw.basis);
        if basis.is_none() {
            bad(controls.name, r, format!("unknown basis {:?}", raw.basis));
        }
        let weight = Weight::parse(&raw.weight);
        if weight.is_none() {
            bad(controls.name, r, format!("unknown weight {:?}", raw.weight));
        }
        if raw.include.trim().is_empty() {
            bad(controls.name, r, "empty include".into());
        }
        // A legal basis with no law named cannot be defended to an auditor.
        match (basis == Some(Basis::Legal), raw.legal_ground.as_deref()) {
            (true, None) => bad(
                controls.name,
                r,
                "a legal basis without a legal_ground".into(),
            ),
            (true, Some(ground)) if ground.trim().is_empty() => {
                bad(controls.name, r, "empty legal_ground".into());
            }
            (false, Some(_)) => bad(
                controls.name,
                r,
                "a legal_ground on a basis that is not legal".into(),
            ),
            _ => {}
        }
        let mut tags = Vec::new();
        for tag in &raw.raised_by {
            match Tag::parse(tag) {
                Some(t) => tags.push(t),
                None => bad(
                    controls.name,
                    r,
                    format!("unknown scope fact {tag:?} in raised_by"),
                ),
            }
        }
        if let (Some(basis), Some(weight)) = (basis, weight) {
            profiles.push(ControlProfile {
                reference: raw.reference,
                basis,
                weight,
                include: raw.include.into(),
                legal_ground: raw.legal_ground.map(Into::into),
                raised_by: tags,
            });
        }
    }
    for control in standard.controls() {
        if !seen.contains(&control.reference) {
            bad(controls.name, &control.reference, "has no profile".into());
        }
    }

    let mut list = Vec::new();
    for raw in raw_obligations.obligations {
        let Some(id) = ObligationId::parse(&raw.id) else {
            bad(
                obligations.name,
                &raw.id,
                "is not an obligation the questionnaire can name".into(),
            );
            continue;
        };
        for (name, text) in [
            ("name", &raw.name),
            ("source", &raw.source),
            ("applies_when", &raw.applies_when),
            ("legal_requirements", &raw.legal_requirements),
        ] {
            if text.trim().is_empty() {
                bad(obligations.name, &raw.id, format!("empty {name}"));
            }
        }
        if raw.controls.is_empty() {
            bad(obligations.name, &raw.id, "names no control".into());
        }
        let mut controls_seen = HashSet::new();
        for c in &raw.controls {
            if !is_control(&c.reference) {
                bad(
                    obligations.name,
                    &raw.id,
                    format!("{} is not an Annex A control", c.reference),
                );
            }
            if !controls_seen.insert(c.reference.as_str()) {
                bad(
                    obligations.name,
                    &raw.id,
                    format!("{} is listed twice", c.reference),
                );
            }
            if c.provision.trim().is_empty() || c.why.trim().is_empty() {
                bad(
                    obligations.name,
                    &raw.id,
                    format!("{} needs a provision and a why", c.reference),
                );
            }
            for tag in c
                .only_with
                .names()
                .iter()
                .filter(|t| Tag::parse(t).is_none())
            {
                bad(
                    obligations.name,
                    &raw.id,
                    format!("unknown scope fact {tag:?} in only_with of {}", c.reference),
                );
            }
        }
        list.push(Obligation {
            id,
            name: raw.name.into(),
            source: raw.source.into(),
            applies_when: raw.applies_when.into(),
            legal_requirements: raw.legal_requirements.into(),
            controls: raw
                .controls
                .into_iter()
                .map(|c| ObligationControl {
                    reference: c.reference,
                    provision: c.provision.into(),
                    why: c.why.into(),
                    only_with: c
                        .only_with
                        .names()
                        .iter()
                        .filter_map(|t| Tag::parse(t))
                        .collect(),
                    deadline: c.deadline,
                })
                .collect(),
            attestation: id.is_attestation(),
        });
    }
    for id in ObligationId::ALL {
        match list.iter().filter(|o| o.id == id).count() {
            1 => {}
            0 => bad(obligations.name, id.as_str(), "has no entry".into()),
            _ => bad(obligations.name, id.as_str(), "has two entries".into()),
        }
    }
    if errors.is_empty() {
        Ok(Advice {
            controls: profiles,
            obligations: list,
        })
    } else {
        Err(errors)
    }
}
