//! The advice data's translatable texts under keys made from ids, and the advice in another
//! language. A law's source is its citation as that language's official journal writes it.

use super::model::Advice;
use crate::i18n::{visit_text, TextVisitor, Translatable};

impl Translatable for Advice {
    /// Walks every translatable text: `controls.<ref>.include|legal_ground`,
    /// `obligations.<id>.name|source|applies_when|legal_requirements`,
    /// `obligations.<id>.<ref>.why`.
    fn visit_texts(&mut self, visit: &mut TextVisitor<'_>) {
        for profile in &mut self.controls {
            let key = format!("controls.{}.include", profile.reference);
            visit_text(visit, &key, &mut profile.include);
            if let Some(ground) = &mut profile.legal_ground {
                let key = format!("controls.{}.legal_ground", profile.reference);
                visit_text(visit, &key, ground);
            }
        }
        for obligation in &mut self.obligations {
            let id = obligation.id.as_str();
            visit_text(
                visit,
                &format!("obligations.{id}.name"),
                &mut obligation.name,
            );
            visit_text(
                visit,
                &format!("obligations.{id}.source"),
                &mut obligation.source,
            );
            visit_text(
                visit,
                &format!("obligations.{id}.applies_when"),
                &mut obligation.applies_when,
            );
            let key = format!("obligations.{id}.legal_requirements");
            visit_text(visit, &key, &mut obligation.legal_requirements);
            for control in &mut obligation.controls {
                let key = format!("obligations.{id}.{}.why", control.reference);
                visit_text(visit, &key, &mut control.why);
            }
        }
    }
}
