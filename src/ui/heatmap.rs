//! The heat-map: ISO/IEC 27001 areas against ISO/IEC 20000-1 processes, each cell shaded by the
//! strongest overlap of the rows meeting there. A cell opens those rows in the table.

use std::rc::Rc;

use yew::prelude::*;

use super::labels::number;
use super::lang::{t, tc};
use crate::matrix::Matrix;
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

#[component]
pub fn HeatmapScreen(props: &HeatmapProps) -> Html {
    let h = &props.matrix.heatmap;
    html! {
        <section class="heatmap-screen" aria-labelledby="heatmap-title">
            <div class="screen-head">
                <h1 id="heatmap-title" tabindex="-1">{t("heatmap.title")}</h1>
                <p class="lead">{t("heatmap.lead")}</p>
            </div>
            <div class="table-wrap">
                <table class="heatmap">
                    <caption class="visually-hidden">{t("heatmap.caption")}</caption>
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
                                {for h.columns.iter().enumerate().map(|(c, column)| {
                                    match h.cell(r, c) {
                                        Some(cell) => {
                                            let rows = cell.rows.clone();
                                            let name = tc("heatmap.cell", cell.rows.len(), &[("row", &area.label), ("column", &column.label), ("strength", &cell.strength)]);
                                            html! {
                                                <td class={classes!("heat", format!("s{}", cell.strength))}>
                                                    <button type="button" class="heat-cell" aria-label={name.clone()} title={name}
                                                        onclick={props.dispatch.reform(move |_: MouseEvent| Action::ShowRows(rows.clone()))}>
                                                        {number(cell.rows.len())}
                                                    </button>
                                                </td>
                                            }
                                        }
                                        None => html! { <td class="heat s0"><span class="visually-hidden">{t("heatmap.no-overlap")}</span></td> },
                                    }
                                })}
                            </tr>
                        })}
                    </tbody>
                </table>
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
