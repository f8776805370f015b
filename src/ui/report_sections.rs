//! The report's sections after the results page: where the standards overlap with readiness by
//! area, the action plan by phase, the Statement of Applicability in brief, the points to check,
//! every matrix row, and the method with the disclaimer. Plain tables with their headers, so
//! they repeat on every printed page and read in black and white.

use yew::prelude::*;

use super::charts::bars;
use super::heatmap::short;
use super::labels::{editions, references};
use crate::matrix::report::{Outline, DISCLAIMER};
use crate::matrix::{Matrix, MatrixRow, RefView, WarningKind};

/// The heat-map with each cell's overlap strength written in it, and readiness by area.
pub fn overlap(m: &Matrix) -> Html {
    let h = &m.heatmap;
    let areas: Vec<(String, f64, f64, String)> = m
        .summary
        .by_area
        .iter()
        .map(|a| {
            let open = if a.open == 1 {
                "1 open row".to_owned()
            } else {
                format!("{} open rows", a.open)
            };
            (
                a.area.label.clone(),
                f64::from(a.readiness),
                100.0,
                format!("{}% · {open}", a.readiness),
            )
        })
        .collect();
    html! {
        <section class="report-page" aria-labelledby="overlap-title">
            <h2 id="overlap-title">{"Where the standards overlap"}</h2>
            <p>{"Rows: ISO/IEC 27001 clauses and Annex A areas. Columns: ISO/IEC 20000-1 clauses and processes. Each cell gives the strongest overlap of the rows meeting there, from 1 (related) to 10 (the same requirement); the darker, the stronger. Empty cells: no overlap."}</p>
            <div class="report-scroll" tabindex="0" role="region" aria-label="Overlap heat-map">
            <table class="heatmap report-heatmap">
                <caption class="visually-hidden">{"Overlap strength between ISO/IEC 27001 areas (rows) and ISO/IEC 20000-1 processes (columns)"}</caption>
                <thead>
                    <tr>
                        <td class="corner"></td>
                        {for h.columns.iter().map(|c| html! { <th scope="col"><abbr title={c.label.clone()}>{short(&c.label)}</abbr></th> })}
                    </tr>
                </thead>
                <tbody>
                    {for h.rows.iter().enumerate().map(|(r, area)| html! {
                        <tr>
                            <th scope="row" class="heat-row-label">{&area.label}</th>
                            {for (0..h.columns.len()).map(|c| match h.cell(r, c) {
                                Some(cell) => html! { <td class={classes!("heat", format!("s{}", cell.strength))}>{cell.strength}</td> },
                                None => html! { <td class="heat s0"></td> },
                            })}
                        </tr>
                    })}
                </tbody>
            </table>
            </div>
            <p class="report-key">
                <strong>{"Column key: "}</strong>
                {h.columns.iter().map(|c| c.label.as_str()).collect::<Vec<_>>().join(" · ")}
            </p>
            <div class="report-keep">
                {bars("Readiness by area", &areas)}
            </div>
        </section>
    }
}

/// The action plan phase by phase: each open row with what to do, owner and due date.
pub fn plan(m: &Matrix, outline: &Outline<'_>) -> Html {
    html! {
        <section class="report-page" aria-labelledby="plan-title">
            <h2 id="plan-title">{"The action plan by phase"}</h2>
            <p>{"Open rows in the order to work on them: the certification critical path first, then phase by phase by priority. A due date set by your team is shown as it is; otherwise the phase's end is the target."}</p>
            {for outline.phases.iter().map(|phase| {
                let ends = phase.ends.map(|d| format!(" · ends {d}")).unwrap_or_default();
                let heading = format!("{}{ends} · {} open · about {:.0} person-days", phase.phase.label(), phase.rows.len(), phase.remaining_days);
                html! {
                    <div class="report-phase">
                        <h3>{heading}</h3>
                        {if phase.rows.is_empty() {
                            html! { <p>{"Nothing open in this phase."}</p> }
                        } else { html! {
                            <table class="report-table plan-table">
                                <thead><tr>
                                    <th scope="col">{"#"}</th>
                                    <th scope="col">{"Row"}</th>
                                    <th scope="col">{"What to do"}</th>
                                    <th scope="col">{"Priority"}</th>
                                    <th scope="col">{"Owner"}</th>
                                    <th scope="col">{"Due"}</th>
                                </tr></thead>
                                <tbody>
                                    {for phase.rows.iter().map(|row| plan_row(row))}
                                </tbody>
                            </table>
                        }}}
                    </div>
                }
            })}
            {(m.summary.open_rows == 0).then(|| html! { <p>{"Every applicable row is implemented."}</p> })}
        </section>
    }
}

fn plan_row(row: &MatrixRow) -> Html {
    let due = if row.due.is_empty() {
        if row.target_date.is_empty() {
            "—".to_owned()
        } else {
            format!("target {}", row.target_date)
        }
    } else {
        row.due.clone()
    };
    html! {
        <tr>
            <td data-label="#">{row.plan_rank}</td>
            <td><strong>{&*row.topic}</strong><br /><span class="muted">{references(row)}</span></td>
            <td data-label="What to do">{&row.action}{row.critical.then_some(" · critical path")}</td>
            <td data-label="Priority">{row.priority.label()}</td>
            <td data-label="Owner">{if row.owner.is_empty() { "—" } else { row.owner.as_str() }}</td>
            <td data-label="Due">{due}</td>
        </tr>
    }
}

/// The draft Statement of Applicability in figures, with every exclusion and its reason.
pub fn soa(outline: &Outline<'_>) -> Html {
    let brief = &outline.soa;
    let bases = brief
        .by_basis
        .iter()
        .map(|(basis, count)| format!("{} {count}", basis.label().to_lowercase()))
        .collect::<Vec<_>>()
        .join(", ");
    html! {
        <section class="report-page" aria-labelledby="soa-title">
            <h2 id="soa-title">{"The Statement of Applicability in brief"}</h2>
            <p>
                {format!("Of the {} Annex A controls, {} are included", brief.controls, brief.included)}
                {(!bases.is_empty()).then(|| format!(" (main ground: {bases})"))}
                {format!(" and {} excluded; {} of the included controls are implemented. ", brief.excluded.len(), brief.implemented)}
                {"The workbook's SoA sheet gives every control with its justification. It is a draft from your answers: confirm it against your risk assessment before an auditor sees it."}
            </p>
            {if brief.excluded.is_empty() {
                html! { <p>{"No control is excluded."}</p> }
            } else { html! {
                <table class="report-table soa-table">
                    <caption>{"Excluded controls and why"}</caption>
                    <thead><tr><th scope="col">{"Control"}</th><th scope="col">{"Title"}</th><th scope="col">{"Reason for exclusion"}</th></tr></thead>
                    <tbody>
                        {for brief.excluded.iter().map(|e| html! {
                            <tr>
                                <td><strong>{&e.reference}</strong></td>
                                <td>{&*e.title}</td>
                                <td data-label="Reason">
                                    {&*e.reason}
                                    {for e.warnings.iter().map(|w| html! { <><br /><strong>{"Check: "}</strong>{w}</> })}
                                </td>
                            </tr>
                        })}
                    </tbody>
                </table>
            }}}
        </section>
    }
}

/// What a consultant would check before relying on the plan, by kind.
pub fn checks(m: &Matrix) -> Html {
    if m.warnings.is_empty() {
        return Html::default();
    }
    html! {
        // Short: it follows the Statement of Applicability on the same page.
        <section class="report-section" aria-labelledby="checks-title">
            <h2 id="checks-title">{format!("Points to check ({})", m.warnings.len())}</h2>
            {for WarningKind::ALL.iter().filter_map(|kind| {
                let of_kind: Vec<_> = m.warnings.iter().filter(|w| w.kind == *kind).collect();
                (!of_kind.is_empty()).then(|| html! {
                    <div class="report-keep">
                        <h3>{kind.label()}</h3>
                        <ul class="report-list">
                            {for of_kind.iter().map(|w| html! {
                                <li>{w.subject.as_ref().map(|s| html! { <strong>{format!("{s}: ")}</strong> })}{&w.text}</li>
                            })}
                        </ul>
                    </div>
                })
            })}
        </section>
    }
}

fn refs_with_titles(refs: &[RefView]) -> Html {
    if refs.is_empty() {
        return html! { {"—"} };
    }
    html! {
        {for refs.iter().map(|r| html! { <span class="report-ref"><strong>{&r.reference}</strong>{" "}{&*r.title}</span> })}
    }
}

/// Every matrix row as text, in the crosswalk's order.
pub fn appendix(m: &Matrix) -> Html {
    html! {
        <section class="report-page" aria-labelledby="appendix-title">
            <h2 id="appendix-title">{"Appendix: every row of the matrix"}</h2>
            <p>{format!("{} rows over {}. Status is as your team set it or as your answers imply; priority applies to open rows only.", m.rows.len(), editions(m))}</p>
            <table class="report-table appendix-table">
                <thead><tr>
                    <th scope="col">{format!("ISO/IEC 27001:{}", m.editions.iso27001.edition())}</th>
                    <th scope="col">{format!("ISO/IEC 20000-1:{}", m.editions.iso20000.edition())}</th>
                    <th scope="col">{"Status · priority"}</th>
                    <th scope="col">{"Owner · due · notes"}</th>
                </tr></thead>
                // One row group per matrix row, its heading above its cells, kept on one page.
                {for m.rows.iter().map(|row| html! {
                    <tbody class="appendix-row">
                        <tr>
                            <th scope="colgroup" colspan="4">
                                {&*row.topic}
                                <span class="report-row-id">{format!("{} · {}", row.id, row.kind.label())}</span>
                            </th>
                        </tr>
                        <tr>
                            <td data-label={format!("ISO/IEC 27001:{}", m.editions.iso27001.edition())}>{refs_with_titles(&row.iso27001)}</td>
                            <td data-label={format!("ISO/IEC 20000-1:{}", m.editions.iso20000.edition())}>{refs_with_titles(&row.iso20000)}</td>
                            <td data-label="Status">
                                <span class={classes!("report-status", row.status.as_str().to_owned())}>{row.status.label()}</span>
                                {(row.status.is_open()).then(|| html! { <><br />{format!("{} priority", row.priority.label())}</> })}
                            </td>
                            <td data-label="Owner, due, notes">
                                {[(!row.owner.is_empty()).then(|| row.owner.clone()), (!row.due.is_empty()).then(|| format!("due {}", row.due))].into_iter().flatten().collect::<Vec<_>>().join(" · ")}
                                {(!row.notes.is_empty()).then(|| html! { <p class="report-notes">{&row.notes}</p> })}
                            </td>
                        </tr>
                    </tbody>
                })}
            </table>
        </section>
    }
}

/// How the plan is built, what we read from the answers, and the disclaimer.
pub fn method(m: &Matrix) -> Html {
    html! {
        <section class="report-page report-method" aria-labelledby="method-title">
            <h2 id="method-title">{"How this report is built"}</h2>
            <p>{crate::matrix::plan::METHOD}</p>
            {(!m.facts.is_empty()).then(|| html! {
                <p>{format!("From your answers we read that {}.", m.facts.join("; "))}</p>
            })}
            {(!m.obligations.is_empty()).then(|| html! {
                <p>{"Laws, regulations and schemes in the plan: "}{m.obligations.iter().map(|o| format!("{} ({})", o.name, if o.attestation { "held: its evidence is reused" } else { "applies" })).collect::<Vec<_>>().join("; ")}{"."}</p>
            })}
            <h3>{"Disclaimer"}</h3>
            <p>{DISCLAIMER}</p>
            <p class="muted">{format!("Made with ims-matrix {}.", crate::VERSION)}</p>
        </section>
    }
}
