//! The heat-map: ISO/IEC 27001 areas against ISO/IEC 20000-1 processes, each cell shaded by the
//! strongest overlap of the rows meeting there. A cell opens those rows in the table.

use std::rc::Rc;

use yew::prelude::*;

use super::labels::number;
use super::lang::{t, tc};
use crate::matrix::{Heatmap, Matrix};
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct HeatmapProps {
    pub matrix: Rc<Matrix>,
    pub dispatch: Callback<Action>,
}

/// The area's reference only ("A.8", "8.5"): headers stay narrow; the full label is in the
/// accessible name and the legend below.
pub(super) fn short(label: &str) -> &str {
    label.split(' ').next().unwrap_or(label)
}

/// The heat-map's table, the same on screen and in the report: the processes across the top, the
/// areas down the side, and `cell(r, c)` where they meet (a button with the row count on screen,
/// the overlap strength in print).
pub(super) fn table(
    h: &Heatmap,
    class: Option<&'static str>,
    caption: &str,
    cell: impl Fn(usize, usize) -> Html,
) -> Html {
    html! {
        <table class={classes!("heatmap", class)}>
            <caption class="visually-hidden">{caption.to_owned()}</caption>
            <thead>
                <tr>
                    <td class="corner"></td>
                    {for h.columns.iter().map(|c| html! { <th scope="col" title={c.label.clone()}><abbr title={c.label.clone()}>{short(&c.label)}</abbr></th> })}
                </tr>
            </thead>
            <tbody>
                {for h.rows.iter().enumerate().map(|(r, area)| html! {
                    <tr>
                        <th scope="row" class="heat-row-label">{&area.label}</th>
                        {for (0..h.columns.len()).map(|c| cell(r, c))}
                    </tr>
                })}
            </tbody>
        </table>
    }
}

#[component]
pub fn HeatmapScreen(props: &HeatmapProps) -> Html {
    let h = &props.matrix.heatmap;
    let cell = |r: usize, c: usize| match h.cell(r, c) {
        Some(cell) => {
            let rows = cell.rows.clone();
            let name = tc(
                "heatmap.cell",
                cell.rows.len(),
                &[
                    ("row", &h.rows[r].label),
                    ("column", &h.columns[c].label),
                    ("strength", &cell.strength),
                ],
            );
            html! {
                <td class={classes!("heat", format!("s{}", cell.strength))}>
                    <button type="button" class="heat-cell" aria-label={name.clone()} title={name}
                        onclick={props.dispatch.reform(move |_: MouseEvent| Action::ShowRows(rows.clone()))}>
                        {number(cell.rows.len())}
                    </button>
                </td>
            }
        }
        None => {
            html! { <td class="heat s0"><span class="visually-hidden">{t("heatmap.no-overlap")}</span></td> }
        }
    };
    html! {
        <section class="heatmap-screen" aria-labelledby="heatmap-title">
            <div class="screen-head">
                <h1 id="heatmap-title" tabindex="-1">{t("heatmap.title")}</h1>
                <p class="lead">{t("heatmap.lead")}</p>
            </div>
            <div class="table-wrap">
                {table(h, None, t("heatmap.caption"), cell)}
            </div>
            <div class="legend" aria-hidden="true">
                <span>{t("heatmap.legend.overlap")}</span>
                {for [2u8, 4, 6, 8, 10].iter().map(|s| html! { <span class={classes!("legend-swatch", "heat", format!("s{s}"))}>{s}</span> })}
                <span>{t("heatmap.legend.numbers")}</span>
            </div>
            <details class="columns-key">
                <summary>{t("heatmap.column-key")}</summary>
                <ul>{for h.columns.iter().map(|c| html! { <li>{&c.label}</li> })}</ul>
            </details>
        </section>
    }
}
