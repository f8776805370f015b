//! The catalog's translatable texts (titles, notes, the crosswalk's advice) under keys made from
//! ids, and the catalog in another language.

use super::model::Catalog;
use crate::i18n::{visit_text, TextVisitor, Translatable};

impl Translatable for Catalog {
    /// Walks every translatable text: `standards.<edition>.<ref>` for a title, `….note` for a
    /// note, `crosswalk.<row>.<field>` for the crosswalk's texts.
    fn visit_texts(&mut self, visit: &mut TextVisitor<'_>) {
        for standard in &mut self.standards {
            let id = standard.id.as_str();
            visit_text(visit, &format!("standards.{id}.title"), &mut standard.title);
            if let Some(note) = &mut standard.note {
                visit_text(visit, &format!("standards.{id}.note"), note);
            }
            for node in &mut standard.nodes {
                let reference = &node.reference;
                visit_text(
                    visit,
                    &format!("standards.{id}.{reference}"),
                    &mut node.title,
                );
                if let Some(note) = &mut node.note {
                    visit_text(visit, &format!("standards.{id}.{reference}.note"), note);
                }
            }
        }
        for row in &mut self.crosswalk {
            let id = &row.id;
            visit_text(visit, &format!("crosswalk.{id}.topic"), &mut row.topic);
            visit_text(
                visit,
                &format!("crosswalk.{id}.document"),
                &mut row.document,
            );
            visit_text(
                visit,
                &format!("crosswalk.{id}.rationale"),
                &mut row.rationale,
            );
            visit_text(
                visit,
                &format!("crosswalk.{id}.guidance"),
                &mut row.guidance,
            );
            visit_text(
                visit,
                &format!("crosswalk.{id}.evidence.iso27001"),
                &mut row.evidence.iso27001,
            );
            visit_text(
                visit,
                &format!("crosswalk.{id}.evidence.iso20000"),
                &mut row.evidence.iso20000,
            );
        }
    }

    /// Marks the titles no translation was found for, so pages tag them `lang="en"`.
    fn translated_from(&mut self, english: &Self) {
        for (standard, original) in self.standards.iter_mut().zip(&english.standards) {
            for (node, english_node) in standard.nodes.iter_mut().zip(&original.nodes) {
                node.title_in_english = node.title == english_node.title;
            }
        }
    }
}
