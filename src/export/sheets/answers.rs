//! The Answers sheet: every question with the answer given, as the prospect saw it.

use std::borrow::Cow;

use crate::export::xlsx::{Worksheet, XlsxError};

use crate::assessment::Assessment;
use crate::export::options::Sheet;
use crate::export::style::{yes_no, Styles};
use crate::export::table::{self, Cell, Column, Look};
use crate::export::text::cell_text_in;
use crate::i18n::Texts;
use crate::questionnaire::{Answer, Maturity, QuestionKind, Questionnaire};

/// One question and its answer as text.
struct Line<'q> {
    section: &'q str,
    question: &'q str,
    answer: String,
    id: &'q str,
}

fn answer_text(texts: &'static Texts, kind: &QuestionKind, answer: Option<&Answer>) -> String {
    let Some(answer) = answer else {
        return texts.get("workbook.answers.not-answered").to_owned();
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
        (QuestionKind::YesNo, Answer::Bool(b)) => yes_no(texts, *b).to_owned(),
        (QuestionKind::Number { .. }, Answer::Number(n)) => texts.integer(*n),
        (QuestionKind::Maturity { one_standard, .. }, Answer::Text(level)) => {
            Maturity::parse(level).map_or(level.clone(), |m| {
                let m = m.as_asked(*one_standard);
                m.label_key(*one_standard)
                    .map_or(texts.label(m), |key| texts.get(key))
                    .to_owned()
            })
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
    ws.set_name(styles.sheet(Sheet::Answers))?;
    let texts = styles.texts;
    let header = |key: &str| texts.get(key).to_owned();
    let columns: [Column<Line>; 4] = [
        Column::new(
            header("workbook.header.section"),
            28.0,
            Look::Text,
            |l, _| Cell::text(l.section),
        ),
        Column::new(
            header("workbook.header.question"),
            60.0,
            Look::Text,
            |l, _| Cell::text(l.question),
        ),
        Column::new(
            header("workbook.header.answer"),
            50.0,
            Look::Text,
            |l, _| Cell::Text(Cow::Borrowed(&l.answer)),
        ),
        Column::new(
            header("workbook.header.question-id"),
            26.0,
            Look::Text,
            |l, _| Cell::text(l.id),
        ),
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
        .map(|(section, question)| {
            // A question these answers hid was never put to the prospect: "(not answered)"
            // would read as one they skipped, and an edition as one they chose.
            let asked = q.is_visible(question, &a.answers);
            let answer = match (&question.kind, asked) {
                (QuestionKind::Edition { family }, true) => {
                    a.documents().of(*family).edition().to_owned()
                }
                (QuestionKind::Edition { family }, false) => texts.fill(
                    "workbook.answers.edition-not-asked",
                    &[("edition", &a.editions.of(*family).label())],
                ),
                (_, false) => texts.get("workbook.answers.not-asked").to_owned(),
                (kind, true) => answer_text(texts, kind, a.answers.get(&question.id)),
            };
            Line {
                section: &section.title,
                question: &question.label,
                answer: cell_text_in(texts, &answer),
                id: &question.id,
            }
        })
        .collect();
    table::write(ws, styles, &columns, &lines)
}
