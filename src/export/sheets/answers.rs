//! The Answers sheet: every question with the answer given, as the prospect saw it.

use std::borrow::Cow;

use rust_xlsxwriter::{Worksheet, XlsxError};

use crate::assessment::Assessment;
use crate::export::options::SHEETS;
use crate::export::style::Styles;
use crate::export::table::{self, Cell, Column, Look};
use crate::export::text::cell_text;
use crate::questionnaire::{Answer, Maturity, QuestionKind, Questionnaire};

/// One question and its answer as text.
struct Line<'q> {
    section: &'q str,
    question: &'q str,
    answer: String,
    id: &'q str,
}

fn answer_text(kind: &QuestionKind, answer: Option<&Answer>) -> String {
    let Some(answer) = answer else {
        return "(not answered)".to_owned();
    };
    let label = |id: &str| {
        kind.options()
            .iter()
            .find(|o| o.id == id)
            .map_or(id.to_owned(), |o| o.label.clone())
    };
    match (kind, answer) {
        (QuestionKind::Single { .. }, Answer::Text(id)) => label(id),
        (QuestionKind::Multiple { .. }, Answer::Choices(ids)) => ids
            .iter()
            .map(|id| label(id))
            .collect::<Vec<_>>()
            .join("; "),
        (QuestionKind::YesNo, Answer::Bool(b)) => if *b { "Yes" } else { "No" }.to_owned(),
        (QuestionKind::Number { .. }, Answer::Number(n)) => n.to_string(),
        (QuestionKind::Maturity { .. }, Answer::Text(level)) => {
            Maturity::parse(level).map_or(level.clone(), |m| m.label().to_owned())
        }
        (_, Answer::Text(text)) => text.clone(),
        (_, other) => serde_json::to_string(other).unwrap_or_default(),
    }
}

pub fn write(
    ws: &mut Worksheet,
    a: &Assessment,
    q: &Questionnaire,
    styles: &Styles,
) -> Result<(), XlsxError> {
    ws.set_name(SHEETS[5])?;
    let columns: [Column<Line>; 4] = [
        Column::new("Section", 28.0, Look::Text, |l| Cell::text(l.section)),
        Column::new("Question", 60.0, Look::Text, |l| Cell::text(l.question)),
        Column::new("Answer", 50.0, Look::Text, |l| {
            Cell::Text(Cow::Borrowed(&l.answer))
        }),
        Column::new("Question ID", 26.0, Look::Text, |l| Cell::text(l.id)),
    ];
    let lines: Vec<Line> = q
        .sections
        .iter()
        .flat_map(|section| {
            section
                .questions
                .iter()
                .map(move |question| (section, question))
        })
        .map(|(section, question)| Line {
            section: &section.title,
            question: &question.label,
            answer: cell_text(&match &question.kind {
                QuestionKind::Edition { family } => a.editions.of(*family).edition().to_owned(),
                kind => answer_text(kind, a.answers.get(&question.id)),
            }),
            id: &question.id,
        })
        .collect();
    table::write(ws, styles, &columns, &lines)
}
