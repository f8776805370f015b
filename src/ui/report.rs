//! The report for paper and PDF: a cover with the consultancy's brand, one page of results a
//! manager reads in two minutes, then the overlap, the plan, the Statement of Applicability in
//! brief, the points to check, every row, and the method. The Report screen shows it with a
//! print button; the full app also prints it from every other screen (`app.rs`). Its sections
//! after the results page are in `report_sections.rs`; the page rules are in `www/styles.css`.

use std::rc::Rc;

use yew::prelude::*;

use super::charts::donut;
use super::labels::{editions, references};
use super::lang::{date, decimal, integer, label, t, tc, tf};
use super::report_sections::{appendix, checks, in_sentence, method, overlap, plan, soa};
use crate::embed::EmbedConfig;
use crate::matrix::report::{outline, Outline, PhasePlan};
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
                    {t("report.toolbar.back")}
                </button>
                <button type="button" id="print-report" class="button primary" onclick={Callback::from(|_: MouseEvent| web::print())}>
                    {t("report.toolbar.print")}
                </button>
                <p class="muted report-tip">{t("report.toolbar.tip")}</p>
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

fn cover(m: &Matrix, made: &str, host: &EmbedConfig) -> Html {
    let organisation = if m.organisation.trim().is_empty() {
        t("report.cover.your-organisation").to_owned()
    } else {
        m.organisation.clone()
    };
    let audit = m.schedule.as_ref().map(|s| {
        (
            s.audit_label.clone(),
            tf(
                "report.cover.audit-when",
                &[("date", &date(&s.audit)), ("basis", &s.basis)],
            ),
        )
    });
    let second_audit = m
        .schedule
        .as_ref()
        .and_then(|s| s.second.as_ref())
        .map(|second| (second.audit_label.clone(), date(&second.audit)));
    let under_way: Vec<&str> = [
        (m.under_way.iso27001, "ISO/IEC 27001"),
        (m.under_way.iso20000, "ISO/IEC 20000-1"),
    ]
    .into_iter()
    .filter_map(|(on, standard)| on.then_some(standard))
    .collect();
    html! {
        <section class="report-cover" aria-labelledby="report-title">
            <div class="report-brand">
                {match &host.brand {
                    Some(name) => html! {
                        <>
                            {host.logo.as_ref().map(|logo| html! { <img class="report-logo" src={logo.clone()} alt={tf("report.cover.logo-alt", &[("name", name)])} /> })}
                            <p class="report-brand-name">{name}</p>
                        </>
                    },
                    None => html! { <p class="report-brand-name"><span aria-hidden="true">{"▦ "}</span>{"ims-matrix"}</p> },
                }}
            </div>
            <p class="report-kicker">{t("report.cover.kicker")}</p>
            <h1 id="report-title" tabindex="-1">{organisation}</h1>
            <p class="report-subtitle">{t("report.cover.subtitle")}</p>
            <dl class="report-facts">
                <dt>{t("report.cover.standards")}</dt><dd>{editions(m)}</dd>
                <dt>{t("report.cover.starting-point")}</dt><dd>{label(m.starting_point)}</dd>
                {(!under_way.is_empty()).then(|| html! {
                    <><dt>{t("report.cover.under-way")}</dt><dd>{under_way.join(", ")}</dd></>
                })}
                <dt>{t("report.cover.aim")}</dt><dd>{label(m.target)}</dd>
                {audit.map(|(label, when)| html! { <><dt>{label}</dt><dd>{when}</dd></> })}
                {second_audit.map(|(label, when)| html! { <><dt>{label}</dt><dd>{when}</dd></> })}
                <dt>{t("report.cover.assessed")}</dt>
                <dd>{m.schedule.as_ref().map_or_else(|| t("report.cover.no-date").to_owned(), |s| date(&s.start))}</dd>
                <dt>{t("report.cover.report-made")}</dt><dd>{date(made)}</dd>
            </dl>
            {host.brand.as_ref().map(|name| html! {
                <div class="report-contact">
                    <p><strong>{tf("report.cover.prepared-with", &[("name", name)])}</strong></p>
                    {host.cta_label.as_ref().zip(host.cta_url.as_ref()).map(|(label, url)| html! {
                        <p><a class="report-url" href={url.clone()} target="_blank" rel="noopener">{label}</a></p>
                    })}
                    {host.contact.as_ref().map(|contact| html! { <p>{tf("report.cover.contact", &[("contact", contact)])}</p> })}
                </div>
            })}
            <p class="report-note">{t("report.cover.note")}</p>
        </section>
    }
}

fn results(m: &Matrix, outline: &Outline<'_>, host: &EmbedConfig) -> Html {
    let s = &m.summary;
    html! {
        <section class="report-page" aria-labelledby="results-title">
            <h2 id="results-title">{t("report.results.heading")}</h2>
            <div class="report-figures">
                <div class="report-figure">
                    {donut(s.readiness)}
                    <p>{t("report.results.readiness")}</p>
                </div>
                <div class="report-figure">
                    <p class="big">{integer(s.documents.integrated as i64)}</p>
                    <p>{tf("report.results.documents", &[
                        ("detail", &s.documents.in_full),
                        ("left", &s.documents.left),
                    ])}</p>
                </div>
                <div class="report-figure">
                    <p class="big">{decimal(s.remaining_days, 0)}</p>
                    <p>{tf("report.results.days", &[
                        ("open", &integer(s.open_rows as i64)),
                        ("applicable", &integer(s.applicable_rows as i64)),
                    ])}</p>
                </div>
            </div>
            <h3>{t("report.results.plan")}</h3>
            {match &m.schedule {
                Some(schedule) => html! {
                    <table class="report-table phases-table">
                        <thead><tr><th scope="col">{t("report.results.phase")}</th><th scope="col">{t("report.results.ends")}</th><th scope="col">{t("report.results.open-rows")}</th><th scope="col">{t("report.results.person-days")}</th></tr></thead>
                        <tbody>
                            {for outline.phases.iter().filter(|p| !p.second_stage).map(phase_row)}
                            <tr class="audit-row">
                                <th scope="row">{&schedule.audit_label}</th>
                                <td>{date(&schedule.audit)}</td>
                                <td colspan="2">{tf("report.results.audit-from", &[("basis", &schedule.basis)])}</td>
                            </tr>
                            {for schedule.second.iter().map(|second| html! { <>
                                {for outline.phases.iter().filter(|p| p.second_stage).map(phase_row)}
                                <tr class="audit-row">
                                    <th scope="row">{&second.audit_label}</th>
                                    <td>{date(&second.audit)}</td>
                                    <td colspan="2">{tf("report.results.audit-from", &[("basis", &second.basis)])}</td>
                                </tr>
                            </> })}
                        </tbody>
                    </table>
                },
                None => html! { <p>{t("report.results.no-date")}</p> },
            }}
            <h3>{t("report.results.risks")}</h3>
            {if outline.risks.is_empty() {
                html! { <p>{t("report.results.nothing-open")}</p> }
            } else { html! {
                <ol class="report-list">
                    {for outline.risks.iter().map(|risk| html! {
                        <li>
                            <strong>{&*risk.row.topic}</strong>
                            {" "}
                            {tf("report.results.risk", &[
                                ("refs", &references(risk.row)),
                                ("status", &in_sentence(label(risk.row.status))),
                                ("priority", &in_sentence(label(risk.row.priority))),
                            ])}
                            {" "}
                            {match risk.why.as_slice() {
                                [] => t("report.results.risk-why-none").to_owned(),
                                // Two reasons say why; the matrix and the workbook give them all.
                                [first] => format!("{first}."),
                                [first, second, ..] => tf("report.results.risk-why-two", &[("first", first), ("second", second)]),
                            }}
                        </li>
                    })}
                </ol>
            }}}
            <h3>{t("report.results.next")}</h3>
            <ol class="report-list">
                {for outline.next_steps.iter().map(|row| html! {
                    <li>
                        <strong>{&*row.topic}</strong>
                        {if row.target_date.is_empty() {
                            tf("report.results.next-step", &[("action", &row.action)])
                        } else {
                            tf("report.results.next-step-by", &[("action", &row.action), ("date", &date(&row.target_date))])
                        }}
                    </li>
                })}
                {(!m.warnings.is_empty()).then(|| html! {
                    <li>{tc("report.results.go-through", m.warnings.len(), &[])}</li>
                })}
                {host.brand.as_ref().map(|name| html! {
                    <li>{match &host.contact {
                        Some(contact) => tf("report.results.talk-to-contact", &[("name", name), ("contact", contact)]),
                        None => tf("report.results.talk-to", &[("name", name)]),
                    }}</li>
                })}
            </ol>
        </section>
    }
}

/// A phase of the results page's plan table: its end, open rows and person-days.
fn phase_row(p: &PhasePlan<'_>) -> Html {
    html! {
        <tr>
            <th scope="row">{label(p.phase)}</th>
            <td>{p.ends.map_or_else(|| "—".to_owned(), date)}</td>
            <td>{integer(p.rows.len() as i64)}</td>
            <td>{decimal(p.remaining_days, 0)}</td>
        </tr>
    }
}
