//! Prints how long the engine takes natively: rebuilding the full matrix (what every answer or
//! edit costs) and a filter keystroke over all rows. Figures only; no assertions.
//! Run: `cargo bench --bench engine`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use ims_matrix::assessment::{Assessment, Status};
use ims_matrix::catalog;
use ims_matrix::matrix::{self, view};
use ims_matrix::questionnaire::{self, Answer, QuestionKind};

/// An assessment with every question answered and a third of the rows edited.
fn full_assessment() -> Assessment {
    let mut a = Assessment::new("2026-11-27T00:00:00Z");
    for q in questionnaire::builtin().questions() {
        let answer = match &q.kind {
            QuestionKind::Single { options } => Answer::Text(options[0].id.clone()),
            QuestionKind::Multiple { options } => Answer::Choices(vec![options[0].id.clone()]),
            QuestionKind::YesNo => Answer::Bool(true),
            QuestionKind::Number { min, .. } => Answer::Number(*min),
            QuestionKind::Text { .. } => Answer::Text("Benchmark Ltd".into()),
            QuestionKind::Maturity { .. } => Answer::Text("informal".into()),
            QuestionKind::Edition { .. } => continue,
        };
        a.answers.insert(q.id.clone(), answer);
    }
    for (i, row) in catalog::builtin()
        .crosswalk
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 3 == 0)
    {
        a.update_row(&row.id, |e| {
            e.status = Some(Status::InProgress);
            e.owner = format!("Owner {i}");
            e.notes = "Agreed in the kick-off workshop; evidence in the shared drive.".into();
        });
    }
    a
}

fn measure(name: &str, iterations: u32, mut work: impl FnMut()) {
    // `cargo bench --bench engine -- WORD` runs only the figures whose name contains WORD.
    if let Some(filter) = std::env::args().skip(1).find(|a| !a.starts_with('-')) {
        if !name.contains(&filter) {
            return;
        }
    }
    work(); // warm caches and the built-in data
    let mut samples: Vec<Duration> = (0..iterations)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed()
        })
        .collect();
    samples.sort();
    let median = samples[samples.len() / 2];
    let p95 = samples[samples.len() * 95 / 100];
    println!(
        "{name:<44} median {:>9.1} µs   p95 {:>9.1} µs   ({iterations} runs)",
        median.as_secs_f64() * 1e6,
        p95.as_secs_f64() * 1e6
    );
}

fn main() {
    let c = catalog::builtin();
    let q = questionnaire::builtin();
    let a = full_assessment();
    println!(
        "engine benchmark: {} crosswalk rows, {} questions",
        c.crosswalk.len(),
        q.questions().count()
    );
    measure("matrix::build (full assessment)", 500, || {
        black_box(matrix::build(c, q, black_box(&a)));
    });
    let m = matrix::build(c, q, &a);
    let filter = view::Filter {
        text: "supplier".into(),
        ..Default::default()
    };
    measure("view::select (text filter, all rows)", 2000, || {
        black_box(view::select(&m, black_box(&filter), view::Sort::default()));
    });
    measure("build + select (one keystroke end to end)", 500, || {
        let m = matrix::build(c, q, &a);
        black_box(view::select(
            &m,
            &filter,
            view::Sort {
                key: view::SortKey::Priority,
                descending: true,
            },
        ));
    });
    measure("matrix JSON (ims-matrix matrix output)", 200, || {
        black_box(serde_json::to_string(&matrix::build(c, q, &a)).expect("serializes"));
    });
    let options = ims_matrix::export::ExportOptions {
        date: "2026-11-27".into(),
        brand: None,
    };
    measure("export::workbook (full .xlsx, all sheets)", 50, || {
        black_box(ims_matrix::export::workbook(&m, &a, q, &options).expect("workbook"));
    });
}
