//! The questionnaire's translatable texts under keys made from ids, and the questionnaire in
//! another language.

use super::model::{QuestionKind, Questionnaire};
use crate::i18n::{visit_text, TextVisitor, Translatable};

impl Translatable for Questionnaire {
    /// Walks every translatable text: `questionnaire.section.<id>.title|intro`,
    /// `questionnaire.<question>.label|help`, `questionnaire.<question>.option.<id>` (and
    /// `….help`), `questionnaire.rule.<id>.reason` and `….each.<control>` for an applicability
    /// rule.
    fn visit_texts(&mut self, visit: &mut TextVisitor<'_>) {
        for section in &mut self.sections {
            let id = &section.id;
            visit_text(
                visit,
                &format!("questionnaire.section.{id}.title"),
                &mut section.title,
            );
            visit_text(
                visit,
                &format!("questionnaire.section.{id}.intro"),
                &mut section.intro,
            );
            for question in &mut section.questions {
                let id = &question.id;
                visit_text(
                    visit,
                    &format!("questionnaire.{id}.label"),
                    &mut question.label,
                );
                visit_text(
                    visit,
                    &format!("questionnaire.{id}.help"),
                    &mut question.help,
                );
                if let QuestionKind::Single { options } | QuestionKind::Multiple { options } =
                    &mut question.kind
                {
                    for choice in options {
                        let key = format!("questionnaire.{id}.option.{}", choice.id);
                        visit_text(visit, &key, &mut choice.label);
                        if let Some(help) = &mut choice.help {
                            visit_text(visit, &format!("{key}.help"), help);
                        }
                    }
                }
            }
        }
        for rule in &mut self.applicability {
            visit_text(
                visit,
                &format!("questionnaire.rule.{}.reason", rule.id),
                &mut rule.reason,
            );
            for (control, text) in &mut rule.each {
                visit_text(
                    visit,
                    &format!("questionnaire.rule.{}.each.{control}", rule.id),
                    text,
                );
            }
        }
    }
}
