//! The report's sections after the results page: where the standards overlap with readiness by
//! area, the action plan by phase, the Statement of Applicability in brief, the points to check,
//! every matrix row, and the method with the disclaimer. Plain tables with their headers, so
//! they repeat on every printed page and read in black and white.

use yew::prelude::*;

use super::charts::bars;
use super::heatmap;
use super::labels::{editions, references};
use super::lang::{date, decimal, integer, label, t, tc, tf};
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
            (
                a.area.label.clone(),
                f64::from(a.readiness),
                100.0,
                tc(
                    "report.overlap.area",
                    a.open,
                    &[("percent", &integer(a.readiness))],
                ),
            )
        })
        .collect();
    html! {
        <section class="report-page" aria-labelledby="overlap-title">
            <h2 id="overlap-title">{t("report.overlap.heading")}</h2>
            <p>{t("report.overlap.intro")}</p>
            <div class="report-scroll" tabindex="0" role="region" aria-label={t("report.overlap.heatmap-label")}>
            {heatmap::table(h, Some("report-heatmap"), t("report.overlap.caption"), |r, c| match h.cell(r, c) {
                Some(cell) => html! { <td class={classes!("heat", format!("s{}", cell.strength))}>{cell.strength}</td> },
                None => html! { <td class="heat s0"></td> },
            })}
            </div>
            <p class="report-key">
                <strong>{t("report.overlap.column-key")}</strong>{" "}
                {h.columns.iter().map(|c| c.label.as_str()).collect::<Vec<_>>().join(" · ")}
            </p>
            <div class="report-keep">
                {bars(t("report.overlap.readiness-by-area"), &areas)}
            </div>
        </section>
    }
}

/// The action plan phase by phase: each open row with what to do, owner and due date.
pub fn plan(m: &Matrix, outline: &Outline<'_>) -> Html {
    html! {
        <section class="report-page" aria-labelledby="plan-title">
            <h2 id="plan-title">{t("report.plan.heading")}</h2>
            <p>{t("report.plan.intro")}</p>
            {for outline.phases.iter().enumerate().map(|(i, phase)| {
                // The second stage of a staged plan opens with the audit it leads to.
                let stage = (phase.second_stage && !outline.phases[..i].iter().any(|p| p.second_stage))
                    .then(|| m.schedule.as_ref().and_then(|s| s.second.as_ref()))
                    .flatten()
                    .map(|second| html! {
                        <p class="report-stage"><strong>{tf("report.plan.second-stage", &[
                            ("audit", &second.audit_label),
                            ("date", &date(&second.audit)),
                        ])}</strong></p>
                    });
                let open = integer(phase.rows.len() as i64);
                let days = decimal(phase.remaining_days, 0);
                let heading = match phase.ends {
                    Some(ends) => tf("report.plan.phase-heading", &[
                        ("phase", &label(phase.phase)),
                        ("date", &date(ends)),
                        ("open", &open),
                        ("days", &days),
                    ]),
                    None => tf("report.plan.phase-heading-no-date", &[
                        ("phase", &label(phase.phase)),
                        ("open", &open),
                        ("days", &days),
                    ]),
                };
                html! { <>
                    {for stage}
                    <div class="report-phase">
                        <h3>{heading}</h3>
                        {if phase.rows.is_empty() {
                            html! { <p>{t("report.plan.nothing-open")}</p> }
                        } else { html! {
                            <table class="report-table plan-table">
                                <thead><tr>
                                    <th scope="col">{t("report.plan.rank")}</th>
                                    <th scope="col">{t("report.plan.row")}</th>
                                    <th scope="col">{t("report.plan.what-to-do")}</th>
                                    <th scope="col">{t("report.plan.priority")}</th>
                                    <th scope="col">{t("report.plan.owner")}</th>
                                    <th scope="col">{t("report.plan.due")}</th>
                                </tr></thead>
                                <tbody>
                                    {for phase.rows.iter().map(|row| plan_row(row))}
                                </tbody>
                            </table>
                        }}}
                    </div>
                </> }
            })}
            {(m.summary.open_rows == 0).then(|| html! { <p>{t("report.plan.all-implemented")}</p> })}
        </section>
    }
}

fn plan_row(row: &MatrixRow) -> Html {
    let due = if row.due.is_empty() {
        if row.target_date.is_empty() {
            "—".to_owned()
        } else {
            tf("report.plan.target", &[("date", &date(&row.target_date))])
        }
    } else {
        date(&row.due)
    };
    html! {
        <tr>
            <td data-label={t("report.plan.rank")}>{integer(row.plan_rank)}</td>
            <td><strong>{&*row.topic}</strong><br /><span class="muted">{references(row)}</span></td>
            <td data-label={t("report.plan.what-to-do")}>{&row.action}{row.critical.then(|| format!(" · {}", t("report.plan.critical-path")))}</td>
            <td data-label={t("report.plan.priority")}>{label(row.priority)}</td>
            <td data-label={t("report.plan.owner")}>{if row.owner.is_empty() { "—" } else { row.owner.as_str() }}</td>
            <td data-label={t("report.plan.due")}>{due}</td>
        </tr>
    }
}

/// The draft Statement of Applicability in figures, with every exclusion and its reason.
pub fn soa(outline: &Outline<'_>) -> Html {
    let brief = &outline.soa;
    let bases = brief
        .by_basis
        .iter()
        .map(|(basis, count)| {
            tf(
                "report.soa.ground",
                &[
                    ("ground", &in_sentence(label(*basis))),
                    ("count", &integer(*count as i64)),
                ],
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    let figures: [(&str, &dyn std::fmt::Display); 5] = [
        ("controls", &integer(brief.controls as i64)),
        ("included", &integer(brief.included as i64)),
        ("excluded", &integer(brief.excluded.len() as i64)),
        ("implemented", &integer(brief.implemented as i64)),
        ("grounds", &bases),
    ];
    html! {
        <section class="report-page" aria-labelledby="soa-title">
            <h2 id="soa-title">{t("report.soa.heading")}</h2>
            <p>
                {tf(if bases.is_empty() { "report.soa.figures" } else { "report.soa.figures-with-grounds" }, &figures)}
                {" "}
                {t("report.soa.workbook")}
            </p>
            {if brief.excluded.is_empty() {
                html! { <p>{t("report.soa.none-excluded")}</p> }
            } else { html! {
                <table class="report-table soa-table">
                    <caption>{t("report.soa.caption")}</caption>
                    <thead><tr><th scope="col">{t("report.soa.control")}</th><th scope="col">{t("report.soa.title")}</th><th scope="col">{t("report.soa.reason-for-exclusion")}</th></tr></thead>
                    <tbody>
                        {for brief.excluded.iter().map(|e| html! {
                            <tr>
                                <td><strong>{&e.reference}</strong></td>
                                <td lang={e.title_in_english.then_some("en")}>{&*e.title}</td>
                                <td data-label={t("report.soa.reason")}>
                                    {&*e.reason}
                                    {for e.warnings.iter().map(|w| html! { <><br /><strong>{t("report.soa.check")}</strong>{" "}{w}</> })}
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
            <h2 id="checks-title">{tf("report.checks.heading", &[("count", &integer(m.warnings.len() as i64))])}</h2>
            {for WarningKind::ALL.iter().filter_map(|kind| {
                let of_kind: Vec<_> = m.warnings.iter().filter(|w| w.kind == *kind).collect();
                (!of_kind.is_empty()).then(|| html! {
                    <div class="report-keep">
                        <h3>{label(*kind)}</h3>
                        <ul class="report-list">
                            {for of_kind.iter().map(|w| html! {
                                <li>{w.concerns.as_ref().map(|s| html! { <strong>{format!("{} ", tf("report.checks.subject", &[("subject", s)]))}</strong> })}{&w.text}</li>
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
        {for refs.iter().map(|r| html! { <span class="report-ref"><strong>{&r.reference}</strong>{" "}<span lang={r.title_in_english.then_some("en")}>{&*r.title}</span></span> })}
    }
}

/// Every matrix row as text, in the crosswalk's order.
pub fn appendix(m: &Matrix) -> Html {
    html! {
        <section class="report-page" aria-labelledby="appendix-title">
            <h2 id="appendix-title">{t("report.appendix.heading")}</h2>
            <p>{tf("report.appendix.intro", &[("count", &integer(m.rows.len() as i64)), ("editions", &editions(m))])}</p>
            <table class="report-table appendix-table">
                <thead><tr>
                    <th scope="col">{format!("ISO/IEC 27001:{}", m.editions.iso27001.edition())}</th>
                    <th scope="col">{format!("ISO/IEC 20000-1:{}", m.editions.iso20000.edition())}</th>
                    <th scope="col">{t("report.appendix.status-priority")}</th>
                    <th scope="col">{t("report.appendix.owner-due-notes")}</th>
                </tr></thead>
                // One row group per matrix row, its heading above its cells, kept on one page.
                {for m.rows.iter().map(|row| html! {
                    <tbody class="appendix-row">
                        <tr>
                            <th scope="colgroup" colspan="4">
                                {&*row.topic}
                                <span class="report-row-id">{format!("{} · {}", row.id, label(row.kind))}</span>
                            </th>
                        </tr>
                        <tr>
                            <td data-label={format!("ISO/IEC 27001:{}", m.editions.iso27001.edition())}>{refs_with_titles(&row.iso27001)}</td>
                            <td data-label={format!("ISO/IEC 20000-1:{}", m.editions.iso20000.edition())}>{refs_with_titles(&row.iso20000)}</td>
                            <td data-label={t("report.appendix.status")}>
                                <span class={classes!("report-status", row.status.as_str().to_owned())}>{label(row.status)}</span>
                                {(row.is_open()).then(|| html! { <><br />{tf("report.appendix.priority", &[("priority", &label(row.priority))])}</> })}
                            </td>
                            <td data-label={t("report.appendix.owner-due-notes-label")}>
                                {[(!row.owner.is_empty()).then(|| row.owner.clone()), (!row.due.is_empty()).then(|| tf("report.appendix.due", &[("date", &date(&row.due))]))].into_iter().flatten().collect::<Vec<_>>().join(" · ")}
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
            <h2 id="method-title">{t("report.method.heading")}</h2>
            <p>{t(crate::matrix::plan::METHOD)}</p>
            {(!t(crate::matrix::plan::TITLES_NOTE).is_empty()).then(|| html! { <p>{t(crate::matrix::plan::TITLES_NOTE)}</p> })}
            {(!m.facts.is_empty()).then(|| html! {
                <p>{tf("report.method.facts", &[("facts", &m.facts.join(t("report.list.separator")))])}</p>
            })}
            {(!m.obligations.is_empty()).then(|| html! {
                <p>{tf("report.method.obligations", &[("list", &m.obligations.iter().map(|o| tf(if o.attestation { "report.method.obligation-held" } else { "report.method.obligation-applies" }, &[("name", &o.name)])).collect::<Vec<_>>().join(t("report.list.separator")))])}</p>
            })}
            <h3>{t("report.method.disclaimer")}</h3>
            <p>{t(DISCLAIMER)}</p>
            <p class="muted">{tf("report.method.made-with", &[("version", &crate::VERSION)])}</p>
        </section>
    }
}

/// A vocabulary label inside a sentence: lower-cased where the language writes it so (English,
/// French: "high priority"), as it is where it does not (German nouns keep their capital). The
/// language says which in `report.label-case`.
pub fn in_sentence(label: &str) -> String {
    if t("report.label-case") == "lower" {
        label.to_lowercase()
    } else {
        label.to_owned()
    }
}
