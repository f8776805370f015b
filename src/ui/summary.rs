//! The summary: readiness overall and per area, counts by kind and status, the documents that
//! integration saves, remaining effort, what to check, the plan's phases with dates, the laws
//! and schemes, the top actions and how the plan is built. Charts are inline SVG, each with a
//! text alternative.

use std::rc::Rc;

use yew::prelude::*;

use super::charts::{bars, count_bars, donut};
use crate::matrix::view::Filter;
use crate::matrix::Matrix;
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
                format!("{}%", a.readiness),
            )
        })
        .collect();
    let kinds = count_bars(&s.by_kind);
    let statuses = count_bars(&s.by_status);
    html! {
        <section class="summary-screen" aria-labelledby="summary-title">
            <div class="screen-head">
                <h1 id="summary-title" tabindex="-1">{"Summary"}</h1>
                <p class="lead">{m.starting_point.label()}</p>
                <button type="button" id="open-report" class="button primary" onclick={props.dispatch.reform(|_: MouseEvent| Action::GoTo(Screen::Report))}>
                    {"Report"}
                </button>
            </div>
            <div class="cards">
                <div class="card headline">
                    <p class="big">{s.integrated_documents}</p>
                    <p>{format!("integrated documents replace {} separate ones", s.separate_documents)}</p>
                    <p>{documents_left(s.documents_to_write, s.documents_to_extend)}</p>
                </div>
                <div class="card">
                    {donut(s.readiness)}
                    <p>{"overall readiness"}</p>
                </div>
                <div class="card">
                    <p class="big">{s.open_rows}</p>
                    <p>{format!("open rows of {} applicable", s.applicable_rows)}</p>
                </div>
                <div class="card">
                    <p class="big">{format!("{:.0}", s.remaining_days)}</p>
                    <p>{"person-days of work left (indicative)"}</p>
                </div>
            </div>
            {(!m.warnings.is_empty()).then(|| html! {
                <div class="card checks" role="region" aria-labelledby="checks-title">
                    <h2 id="checks-title">{format!("Check before relying on this plan ({})", m.warnings.len())}</h2>
                    <ul>
                        {for m.warnings.iter().map(|w| html! {
                            <li><strong>{w.kind.label()}</strong>{w.subject.as_ref().map(|s| format!(" · {s}")).unwrap_or_default()}{": "}{&w.text}</li>
                        })}
                    </ul>
                </div>
            })}
            {m.schedule.as_ref().map(|schedule| html! {
                <div class="card plan" role="region" aria-labelledby="plan-title">
                    <h2 id="plan-title">{"Your plan"}</h2>
                    <ol class="phases">
                        {for schedule.phases.iter().map(|end| {
                            let (open, days) = m.rows.iter()
                                .filter(|r| r.phase == end.phase && r.status.is_open())
                                .fold((0, 0.0), |(n, d), r| (n + 1, d + r.remaining_days));
                            html! {
                                <li>
                                    <span class="phase-name">{end.phase.label()}</span>
                                    <span class="phase-date">{format!("by {}", end.ends)}</span>
                                    <span class="muted">{format!("{open} open rows · about {days:.0} person-days")}</span>
                                </li>
                            }
                        })}
                        <li class="audit">
                            <span class="phase-name">{&schedule.audit_label}</span>
                            <span class="phase-date">{&schedule.audit}</span>
                            <span class="muted">{format!("From {}.", schedule.basis)}</span>
                        </li>
                    </ol>
                </div>
            })}
            {(!m.obligations.is_empty()).then(|| html! {
                <div class="card" role="region" aria-labelledby="obligations-title">
                    <h2 id="obligations-title">{"Laws, regulations and schemes in your plan"}</h2>
                    <ul>
                        {for m.obligations.iter().map(|o| html! {
                            <li><strong>{&*o.name}</strong>{if o.attestation { " · held: its evidence is reused" } else { " · applies: its controls are raised and justified" }}</li>
                        })}
                    </ul>
                </div>
            })}
            <div class="charts">
                {bars("Readiness by area", &areas)}
                {bars("Rows by kind", &kinds)}
                {bars("Rows by status", &statuses)}
            </div>
            <h2>{"Top actions"}</h2>
            {if s.top_actions.is_empty() {
                html! { <p>{"Nothing open: every applicable row is implemented."}</p> }
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
                                <span class="muted">{format!(" · {} · {} priority · phase {} by {} · about {} person-days", row.action, row.priority.label(), row.phase.label(), row.target_date, row.remaining_days)}</span>
                            </li>
                        }
                    })}
                </ol>
            }}}
            <details class="method">
                <summary>{"How this plan is built"}</summary>
                <p>{crate::matrix::plan::METHOD}</p>
                {(!m.facts.is_empty()).then(|| html! {
                    <p>{format!("From your answers we read that {}.", m.facts.join("; "))}</p>
                })}
            </details>
        </section>
    }
}

/// What is left of the integrated documents, in words.
pub(super) fn documents_left(to_write: usize, to_extend: usize) -> String {
    match (to_write, to_extend) {
        (0, 0) => "all of them in place".to_owned(),
        (w, 0) => format!("{w} to write"),
        (0, e) => format!("{e} to extend or merge"),
        (w, e) => format!("{w} to write, {e} to extend or merge"),
    }
}
