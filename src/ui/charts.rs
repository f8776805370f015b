//! The charts the summary and the report draw: bars and the readiness donut, in inline SVG with
//! the figures as text and in the accessible name, so they read without colour and in print.

use yew::prelude::*;

use super::labels::{number, percent};
use super::lang::{t, tf};
use crate::matrix::Count;

/// Bar items for counts, scaled to the largest; `name` gives each count's label from its key
/// (the vocabulary value's id) in the screens' language.
pub fn count_bars(
    counts: &[Count],
    name: impl Fn(&Count) -> String,
) -> Vec<(String, f64, f64, String)> {
    let max = counts.iter().map(|c| c.count).max().unwrap_or(0) as f64;
    counts
        .iter()
        .map(|c| (name(c), c.count as f64, max, number(c.count)))
        .collect()
}

/// The bars' length in the chart's 400 units: the rest of the line carries the value.
const TRACK: f64 = 215.0;

/// Horizontal bars: one per (label, value, max, text), each with its label above the bar, so
/// the chart reads at phone width too. Drawn in SVG with the figures as text and as the
/// accessible name.
pub fn bars(title: &str, items: &[(String, f64, f64, String)]) -> Html {
    let row_height = 40.0;
    let height = row_height * items.len() as f64;
    let description = items
        .iter()
        .map(|(label, _, _, text)| tf("charts.bars.item", &[("label", label), ("value", text)]))
        .collect::<Vec<_>>()
        .join(t("labels.semicolon"));
    html! {
        <figure class="chart">
            <figcaption>{title.to_owned()}</figcaption>
            <svg viewBox={format!("0 0 400 {height}")} role="img" aria-label={tf("charts.bars.label", &[("title", &title), ("items", &description)])} class="bars">
                {for items.iter().enumerate().map(|(i, (label, value, max, text))| {
                    let y = i as f64 * row_height;
                    // The label has the line above the bar to itself and the value sits beside
                    // the bar, so neither runs into the other in a longer language.
                    let width = if *max > 0.0 { TRACK * value / max } else { 0.0 };
                    html! {
                        <g>
                            <text x="0" y={format!("{}", y + 14.0)} class="bar-label">{label.clone()}</text>
                            <rect x="0" y={format!("{}", y + 20.0)} width={TRACK.to_string()} height="12" rx="3" class="bar-track" />
                            <rect x="0" y={format!("{}", y + 20.0)} width={format!("{width:.1}")} height="12" rx="3" class="bar-fill" />
                            <text x="400" y={format!("{}", y + 31.0)} text-anchor="end" class="bar-value">{text.clone()}</text>
                        </g>
                    }
                })}
            </svg>
        </figure>
    }
}

pub fn donut(readiness: u8) -> Html {
    let radius = 52.0_f64;
    let circumference = 2.0 * std::f64::consts::PI * radius;
    let filled = circumference * f64::from(readiness) / 100.0;
    let shown = percent(readiness);
    html! {
        <svg viewBox="0 0 140 140" class="donut" role="img" aria-label={tf("charts.donut.label", &[("percent", &shown)])}>
            <circle cx="70" cy="70" r={radius.to_string()} class="donut-track" />
            <circle cx="70" cy="70" r={radius.to_string()} class="donut-fill"
                stroke-dasharray={format!("{filled:.1} {circumference:.1}")} transform="rotate(-90 70 70)" />
            <text x="70" y="78" text-anchor="middle" class="donut-text">{shown}</text>
        </svg>
    }
}
