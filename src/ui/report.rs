//! The report for paper and PDF: a cover with the consultancy's brand, one page of results a
//! manager reads in two minutes, then the overlap, the plan, the Statement of Applicability in
//! brief, the points to check, every row, and the method. The Report screen shows it with a
//! print button; the full app also prints it from every other screen (`app.rs`). Its sections
//! after the results page are in `report_sections.rs`; the page rules are in `www/styles.css`.

use std::rc::Rc;

use yew::prelude::*;

use super::charts::donut;
use super::labels::{editions, references};
use super::report_sections::{appendix, checks, method, overlap, plan, soa};
use crate::embed::EmbedConfig;
use crate::matrix::report::{outline, Outline};
use crate::matrix::Matrix;
use crate::state::{Action, Screen};
use crate::web;

#[derive(Properties, PartialEq)]
pub struct ReportProps {
    pub matrix: Rc<Matrix>,
    /// The day the report is made (`YYYY-MM-DD`).
    pub date: String,
    /// The embedding host's brand, call to action and contact.
    pub host: EmbedConfig,
}

#[derive(Properties, PartialEq)]
pub struct ReportScreenProps {
    pub matrix: Rc<Matrix>,
    pub date: String,
    pub host: EmbedConfig,
    pub dispatch: Callback<Action>,
}

/// The Report screen: the report with a button to print it or save it as PDF.
#[component]
pub fn ReportScreen(props: &ReportScreenProps) -> Html {
    html! {
        <section class="report-screen" aria-labelledby="report-title">
            <div class="report-toolbar">
                <button type="button" class="button link" onclick={props.dispatch.reform(|_: MouseEvent| Action::GoTo(Screen::Summary))}>
                    {"← Back to the summary"}
                </button>
                <button type="button" id="print-report" class="button primary" onclick={Callback::from(|_: MouseEvent| web::print())}>
                    {"Print or save as PDF"}
                </button>
                <p class="muted report-tip">{"In the print dialog choose “Save as PDF” as the printer to keep a copy. A4 and US Letter both fit."}</p>
            </div>
            <Report matrix={props.matrix.clone()} date={props.date.clone()} host={props.host.clone()} />
        </section>
    }
}

/// The report itself, as it prints.
#[component]
pub fn Report(props: &ReportProps) -> Html {
    let m = &props.matrix;
    let outline = outline(m);
    html! {
        <article class="report">
            {cover(m, &props.date, &props.host)}
            {results(m, &outline, &props.host)}
            {overlap(m)}
            {plan(m, &outline)}
            {soa(&outline)}
            {checks(m)}
            {appendix(m)}
            {method(m)}
        </article>
    }
}

fn cover(m: &Matrix, date: &str, host: &EmbedConfig) -> Html {
    let organisation = if m.organisation.trim().is_empty() {
        "Your organisation".to_owned()
    } else {
        m.organisation.clone()
    };
    let audit = m
        .schedule
        .as_ref()
        .map(|s| (s.audit_label.clone(), format!("{} ({})", s.audit, s.basis)));
    html! {
        <section class="report-cover" aria-labelledby="report-title">
            <div class="report-brand">
                {match &host.brand {
                    Some(name) => html! {
                        <>
                            {host.logo.as_ref().map(|logo| html! { <img class="report-logo" src={logo.clone()} alt={format!("{name} logo")} /> })}
                            <p class="report-brand-name">{name}</p>
                        </>
                    },
                    None => html! { <p class="report-brand-name"><span aria-hidden="true">{"▦ "}</span>{"ims-matrix"}</p> },
                }}
            </div>
            <p class="report-kicker">{"Integration report · ISO/IEC 27001 × ISO/IEC 20000-1"}</p>
            <h1 id="report-title" tabindex="-1">{organisation}</h1>
            <p class="report-subtitle">{"One management system for information security and service management: where you stand, what to do, in what order."}</p>
            <dl class="report-facts">
                <dt>{"Standards"}</dt><dd>{editions(m)}</dd>
                <dt>{"Starting point"}</dt><dd>{m.starting_point.label()}</dd>
                <dt>{"Aim"}</dt><dd>{m.target.label()}</dd>
                {audit.map(|(label, when)| html! { <><dt>{label}</dt><dd>{when}</dd></> })}
                <dt>{"Assessed"}</dt>
                <dd>{m.schedule.as_ref().map_or_else(|| "no date recorded".to_owned(), |s| s.start.clone())}</dd>
                <dt>{"Report made"}</dt><dd>{date.to_owned()}</dd>
            </dl>
            {host.brand.as_ref().map(|name| html! {
                <div class="report-contact">
                    <p><strong>{format!("Prepared with {name}")}</strong></p>
                    {host.cta_label.as_ref().zip(host.cta_url.as_ref()).map(|(label, url)| html! {
                        <p><a class="report-url" href={url.clone()} target="_blank" rel="noopener">{label}</a></p>
                    })}
                    {host.contact.as_ref().map(|contact| html! { <p>{format!("Contact: {contact}")}</p> })}
                </div>
            })}
            <p class="report-note">{"A self-assessment built from a scoping questionnaire. Figures are indicative and every entry is a draft to confirm against your own risk assessment and records."}</p>
        </section>
    }
}

fn results(m: &Matrix, outline: &Outline<'_>, host: &EmbedConfig) -> Html {
    let s = &m.summary;
    html! {
        <section class="report-page" aria-labelledby="results-title">
            <h2 id="results-title">{"Results at a glance"}</h2>
            <div class="report-figures">
                <div class="report-figure">
                    {donut(s.readiness)}
                    <p>{"overall readiness, weighted by effort"}</p>
                </div>
                <div class="report-figure">
                    <p class="big">{s.integrated_documents}</p>
                    <p>{format!("integrated documents instead of {} separate ones; {}", s.separate_documents, super::summary::documents_left(s.documents_to_write, s.documents_to_extend))}</p>
                </div>
                <div class="report-figure">
                    <p class="big">{format!("{:.0}", s.remaining_days)}</p>
                    <p>{format!("person-days of work left (indicative), over {} open rows of {} applicable", s.open_rows, s.applicable_rows)}</p>
                </div>
            </div>
            <h3>{"The plan"}</h3>
            {match &m.schedule {
                Some(schedule) => html! {
                    <table class="report-table phases-table">
                        <thead><tr><th scope="col">{"Phase"}</th><th scope="col">{"Ends"}</th><th scope="col">{"Open rows"}</th><th scope="col">{"Person-days"}</th></tr></thead>
                        <tbody>
                            {for outline.phases.iter().map(|p| html! {
                                <tr>
                                    <th scope="row">{p.phase.label()}</th>
                                    <td>{p.ends.unwrap_or("—")}</td>
                                    <td>{p.rows.len()}</td>
                                    <td>{format!("{:.0}", p.remaining_days)}</td>
                                </tr>
                            })}
                            <tr class="audit-row">
                                <th scope="row">{&schedule.audit_label}</th>
                                <td>{&schedule.audit}</td>
                                <td colspan="2">{format!("From {}.", schedule.basis)}</td>
                            </tr>
                        </tbody>
                    </table>
                },
                None => html! { <p>{"The assessment has no date, so the phases have no dates yet."}</p> },
            }}
            <h3>{"The biggest risks in the gap"}</h3>
            {if outline.risks.is_empty() {
                html! { <p>{"Nothing open: every applicable row is implemented."}</p> }
            } else { html! {
                <ol class="report-list">
                    {for outline.risks.iter().map(|risk| html! {
                        <li>
                            <strong>{&*risk.row.topic}</strong>
                            {format!(" ({}): {}, {} priority. ", references(risk.row), risk.row.status.label().to_lowercase(), risk.row.priority.label().to_lowercase())}
                            {match risk.why.as_slice() {
                                [] => "Weighs in a service provider's risk picture whatever the scope.".to_owned(),
                                // Two reasons say why; the matrix and the workbook give them all.
                                [first] => format!("{first}."),
                                [first, second, ..] => format!("{first}; {second}."),
                            }}
                        </li>
                    })}
                </ol>
            }}}
            <h3>{"What to do next"}</h3>
            <ol class="report-list">
                {for outline.next_steps.iter().map(|row| html! {
                    <li>
                        <strong>{&*row.topic}</strong>
                        {format!(": {}", row.action)}
                        {(!row.target_date.is_empty()).then(|| format!(", by {}", row.target_date))}
                        {"."}
                    </li>
                })}
                {(!m.warnings.is_empty()).then(|| html! {
                    <li>{match m.warnings.len() {
                        1 => "Go through the point to check in this report before relying on the plan.".to_owned(),
                        n => format!("Go through the {n} points to check in this report before relying on the plan."),
                    }}</li>
                })}
                {host.brand.as_ref().map(|name| html! {
                    <li>{format!("Talk to {name} about the plan")}{host.contact.as_ref().map(|c| format!(" ({c})"))}{"."}</li>
                })}
            </ol>
        </section>
    }
}
