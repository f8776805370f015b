//! Prints how long the engine takes natively on the built-in sample assessment: rebuilding the
//! full matrix (what every answer or edit costs), a filter keystroke over all rows, and the
//! workbook. Figures only; no assertions.
//! Run: `cargo bench --bench engine`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use ims_matrix::assessment::{self, Assessment};
use ims_matrix::catalog;
use ims_matrix::matrix::{self, view};
use ims_matrix::questionnaire;

/// The built-in sample: every question answered, most rows edited.
fn sample_assessment() -> Assessment {
    ims_matrix::assessment::import(
        assessment::SAMPLE_JSON,
        questionnaire::builtin(),
        catalog::builtin_index(),
    )
    .expect("the sample imports")
    .assessment
}

/// `cargo bench --bench engine -- WORD` prints only the figures whose name contains WORD.
fn selected(name: &str) -> bool {
    std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .is_none_or(|filter| name.contains(&filter))
}

fn measure(name: &str, iterations: u32, mut work: impl FnMut()) {
    if !selected(name) {
        return;
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

/// One timing of a first use: the built-in data is read once per process, so it has one sample.
/// The work runs even when not selected, since the figures after it need the data.
fn once(name: &str, work: impl FnOnce()) {
    let start = Instant::now();
    work();
    if !selected(name) {
        return;
    }
    println!(
        "{name:<44} once   {:>9.1} µs",
        start.elapsed().as_secs_f64() * 1e6
    );
}

fn main() {
    // What a fresh page or worker pays before its first matrix: each built-in data file read
    // from its embedded JSON and validated, in the order the engine first needs them.
    once(
        "first use: English texts",
        ims_matrix::i18n::Texts::add_all_english,
    );
    once("first use: catalog index", || {
        black_box(catalog::builtin_index());
    });
    once("first use: questionnaire", || {
        black_box(questionnaire::builtin());
    });
    once("first use: catalog", || {
        black_box(catalog::builtin());
    });
    once("first use: advice (controls, obligations)", || {
        black_box(ims_matrix::advice::builtin());
    });
    let c = catalog::builtin();
    let q = questionnaire::builtin();
    let a = sample_assessment();
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
        texts: ims_matrix::i18n::Texts::english(),
    };
    measure("export::workbook (full .xlsx, all sheets)", 100, || {
        black_box(ims_matrix::export::workbook(&m, &a, q, &options).expect("workbook"));
    });
    let sample_json = a.to_json();
    measure("assessment::import (the sample's JSON)", 200, || {
        black_box(
            assessment::import(black_box(&sample_json), q, catalog::builtin_index())
                .expect("imports"),
        );
    });
    // The browser's split (README, "The export worker"): the page lays the workbook out, the
    // export worker writes the file from those bytes.
    measure(
        "export::laid_out (the page: sheets laid out, as bytes)",
        100,
        || {
            black_box(ims_matrix::export::laid_out(&m, &a, q, &options).expect("laid out"));
        },
    );
    let laid_out = ims_matrix::export::laid_out(&m, &a, q, &options).expect("laid out");
    println!(
        "  laid-out workbook of the sample: {} bytes",
        laid_out.len()
    );
    measure("export request (the worker: bytes to .xlsx)", 100, || {
        black_box(ims_matrix::export::request::handle(black_box(&laid_out)).expect("workbook"));
    });
    // What the reader worker does per file: the sample's workbook read back, unchanged.
    let workbook = ims_matrix::export::request::handle(&laid_out).expect("workbook");
    measure("export::read (the sample's workbook back)", 50, || {
        black_box(ims_matrix::export::read::read(black_box(&workbook), q, c, None).expect("reads"));
    });
}
