//! The summary: readiness overall and per area, counts by kind and status, the documents that
//! integration saves, remaining effort, what to check, the plan's phases with dates, the laws
//! and schemes, the top actions and how the plan is built. Charts are inline SVG, each with a
//! text alternative.

use std::rc::Rc;

use yew::prelude::*;

use super::charts::{bars, count_bars, donut};
use super::labels::{about_days, colon, number, percent};
use super::lang::{date, decimal, label, t, tc, texts, tf};
use crate::assessment::Status;
use crate::catalog::RowKind;
use crate::matrix::view::Filter;
use crate::matrix::{Matrix, PhaseEnd};
use crate::state::{Action, Screen};

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub matrix: Rc<Matrix>,
    pub dispatch: Callback<Action>,
}

#[component]
pub fn SummaryScreen(props: &SummaryProps) -> Html {
    let m = &props.matrix;
    let s = &m.summary;
    let areas: Vec<(String, f64, f64, String)> = s
        .by_area
        .iter()
        .map(|a| {
            (
                a.area.label.clone(),
                f64::from(a.readiness),
                100.0,
                percent(a.readiness),
            )
        })
        .collect();
    let kinds = count_bars(&s.by_kind, |c| {
        RowKind::parse(&c.key).map_or_else(|| c.label.clone(), |k| label(k).to_owned())
    });
    let statuses = count_bars(&s.by_status, |c| {
        Status::parse(&c.key).map_or_else(|| c.label.clone(), |k| label(k).to_owned())
    });
    html! {
        <section class="summary-screen" aria-labelledby="summary-title">
            <div class="screen-head">
                <h1 id="summary-title" tabindex="-1">{t("summary.title")}</h1>
                <p class="lead">{m.under_way.describe(texts(), m.starting_point)}</p>
                <button type="button" id="open-report" class="button primary" onclick={props.dispatch.reform(|_: MouseEvent| Action::GoTo(Screen::Report))}>
                    {t("summary.report")}
                </button>
            </div>
            <div class="cards">
                <div class="card headline">
                    <p class="big">{number(s.documents.integrated)}</p>
                    <p>{tf("summary.integrated-documents", &[("detail", &s.documents.in_place_of)])}</p>
                    {(!s.documents.also_serve.is_empty()).then(|| html! { <p>{&s.documents.also_serve}</p> })}
                    <p>{&s.documents.left}</p>
                </div>
                <div class="card">
                    {donut(s.readiness)}
                    <p>{t("summary.readiness")}</p>
                </div>
                <div class="card">
                    <p class="big">{number(s.open_rows)}</p>
                    <p>{tc("summary.open-rows", s.open_rows, &[("applicable", &number(s.applicable_rows))])}</p>
                </div>
                <div class="card">
                    <p class="big">{decimal(s.remaining_days, 0)}</p>
                    <p>{t("summary.days-left")}</p>
                </div>
            </div>
            {(!m.warnings.is_empty()).then(|| html! {
                <div class="card checks" role="region" aria-labelledby="checks-title">
                    <h2 id="checks-title">{tf("summary.checks.title", &[("count", &number(m.warnings.len()))])}</h2>
                    <ul>
                        {for m.warnings.iter().map(|w| html! {
                            <li><strong>{label(w.kind)}</strong>{w.concerns.as_ref().map(|s| format!(" · {s}")).unwrap_or_default()}{colon()}{&w.text}</li>
                        })}
                    </ul>
                </div>
            })}
            {m.schedule.as_ref().map(|schedule| html! {
                <div class="card plan" role="region" aria-labelledby="plan-title">
                    <h2 id="plan-title">{t("summary.plan.title")}</h2>
                    <ol class="phases">
                        {phase_items(m, &schedule.phases, false)}
                        <li class="audit">
                            <span class="phase-name">{&schedule.audit_label}</span>
                            <span class="phase-date">{date(&schedule.audit)}</span>
                            <span class="muted">{tf("summary.plan.basis", &[("basis", &schedule.basis)])}</span>
                        </li>
                        {for schedule.second.iter().map(|second| html! { <>
                            {phase_items(m, &second.phases, true)}
                            <li class="audit">
                                <span class="phase-name">{&second.audit_label}</span>
                                <span class="phase-date">{date(&second.audit)}</span>
                                <span class="muted">{tf("summary.plan.basis", &[("basis", &second.basis)])}</span>
                            </li>
                        </> })}
                    </ol>
                </div>
            })}
            {(!m.obligations.is_empty()).then(|| html! {
                <div class="card" role="region" aria-labelledby="obligations-title">
                    <h2 id="obligations-title">{t("summary.obligations.title")}</h2>
                    <ul>
                        {for m.obligations.iter().map(|o| html! {
                            <li><strong>{&*o.name}</strong>{" · "}{t(if o.attestation { "summary.obligations.held" } else { "summary.obligations.applies" })}</li>
                        })}
                    </ul>
                </div>
            })}
            <div class="charts">
                {bars(t("summary.chart.areas"), &areas)}
                {bars(t("summary.chart.kinds"), &kinds)}
                {bars(t("summary.chart.statuses"), &statuses)}
            </div>
            <h2>{t("summary.top-actions")}</h2>
            {if s.top_actions.is_empty() {
                html! { <p>{t("summary.top-actions.none")}</p> }
            } else { html! {
                <ol class="top-actions">
                    {for s.top_actions.iter().filter_map(|id| m.rows.iter().find(|r| r.id == *id)).map(|row| {
                        let text = row.iso27001.first().or(row.iso20000.first()).map(|r| r.reference.clone()).unwrap_or_default();
                        let id = row.id.clone();
                        let open = props.dispatch.reform(move |_: MouseEvent| Action::SetFilter(Filter { text: text.clone(), ..Filter::default() }));
                        let open = {
                            let dispatch = props.dispatch.clone();
                            Callback::from(move |e: MouseEvent| {
                                open.emit(e);
                                dispatch.emit(Action::GoTo(Screen::Matrix));
                                dispatch.emit(Action::ToggleRow(id.clone()));
                            })
                        };
                        html! {
                            <li>
                                <button type="button" class="link" onclick={open}>{&*row.topic}</button>
                                <span class="muted">{" · "}{tf("summary.top-action", &[("action", &row.action), ("priority", &label(row.priority)), ("phase", &label(row.phase)), ("date", &date(&row.target_date)), ("effort", &about_days(row.remaining_days))])}</span>
                            </li>
                        }
                    })}
                </ol>
            }}}
            <details class="method">
                <summary>{t("summary.method")}</summary>
                <p>{t(crate::matrix::plan::METHOD)}</p>
            {(!t(crate::matrix::plan::TITLES_NOTE).is_empty()).then(|| html! { <p>{t(crate::matrix::plan::TITLES_NOTE)}</p> })}
                {(!m.facts.is_empty()).then(|| html! {
                    <p>{tf("summary.facts", &[("facts", &m.facts.join(t("labels.semicolon")))])}</p>
                })}
            </details>
        </section>
    }
}

/// One line per phase with its date, open rows and effort; for the second stage of a staged
/// plan only the phases that hold open rows, so the first stage reads as before.
fn phase_items(m: &Matrix, ends: &[PhaseEnd], second_stage: bool) -> Html {
    html! {
        {for ends.iter().filter_map(|end| {
            let (open, left) = m.rows.iter()
                .filter(|r| r.phase == end.phase && r.is_open() && r.second_stage == second_stage)
                .fold((0usize, 0.0), |(n, d), r| (n + 1, d + r.remaining_days));
            (!second_stage || open > 0).then(|| html! {
                <li>
                    <span class="phase-name">{label(end.phase)}</span>
                    <span class="phase-date">{tf("summary.plan.by", &[("date", &date(&end.ends))])}</span>
                    <span class="muted">{tc("summary.plan.phase", open, &[("effort", &about_days(left.round_ties_even()))])}</span>
                </li>
            })
        })}
    }
}
