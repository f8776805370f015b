//! Reviewing an edited workbook before anything changes: each change as before → after with
//! its sheet and cell (each can be left out), conflicts where two sheets disagree (the user
//! picks one or neither), values that do not fit and lines that are not ours. Apply or cancel;
//! the assessment in use stays as it is until Apply.

use std::rc::Rc;

use yew::prelude::*;

use super::lang::{catalog, label, t, tc, tf};
use crate::assessment::{Assessment, Review, ReviewChange, RowField, Status};
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct ReviewProps {
    pub source: String,
    pub review: Rc<Review>,
    pub in_use: Rc<Assessment>,
    pub dispatch: Callback<Action>,
}

fn shown(value: &str) -> String {
    if value.is_empty() {
        t("review.empty").to_owned()
    } else {
        value.to_owned()
    }
}

/// A value of `field` as the screen shows it: a status the reader wrote in English reads in
/// the screen's language; text, dates and names as they are.
fn shown_in(field: RowField, value: &str) -> String {
    let status = (field == RowField::Status)
        .then(|| {
            Status::ALL
                .iter()
                .find(|s| s.label() == value || label(**s) == value)
        })
        .flatten();
    status.map_or_else(|| shown(value), |s| label(*s).to_owned())
}

/// The row's topic in the screen's language, or as the workbook named it.
fn topic<'a>(row: &str, named: &'a str) -> &'a str {
    catalog().row(row).map_or(named, |r| r.topic.as_ref())
}

fn place(change: &ReviewChange) -> String {
    format!("{} · {}", change.sheet, change.cell)
}

#[component]
pub fn ReviewScreen(props: &ReviewProps) -> Html {
    let review = &props.review;
    let keep = use_state(|| vec![true; review.changes.len()]);
    let choices = use_state(|| vec![None::<usize>; review.conflicts.len()]);
    let apply = {
        let (keep, choices, dispatch) = (keep.clone(), choices.clone(), props.dispatch.clone());
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(Action::ApplyReview {
                keep: (*keep).clone(),
                choices: (*choices).clone(),
            })
        })
    };
    let cancel = props.dispatch.reform(|_: MouseEvent| Action::CancelReview);
    let set_all = |value: bool| {
        let keep = keep.clone();
        Callback::from(move |_: MouseEvent| keep.set(vec![value; keep.len()]))
    };
    let kept = keep.iter().filter(|k| **k).count() + choices.iter().flatten().count();
    let other_assessment = review.embedded
        && (review.base.created != props.in_use.created
            || review.base.organisation() != props.in_use.organisation());
    let organisation = review
        .base
        .organisation()
        .unwrap_or(t("review.unnamed-organisation"));

    let changes = review.changes.iter().enumerate().map(|(i, change)| {
        let id = format!("change-{i}");
        let toggle = {
            let keep = keep.clone();
            Callback::from(move |_: Event| {
                let mut next = (*keep).clone();
                next[i] = !next[i];
                keep.set(next);
            })
        };
        html! {
            <li class="review-change">
                <input type="checkbox" id={id.clone()} checked={keep[i]} onchange={toggle} />
                <label for={id}>
                    <span class="review-topic">{topic(&change.row, &change.topic)}</span>
                    <span class="review-field">{label(change.field)}</span>
                    <span class="review-values">
                        <span class="before">{shown_in(change.field, &change.before)}</span>
                        <span aria-hidden="true">{" → "}</span>
                        <span class="visually-hidden">{format!(" {} ", t("review.becomes"))}</span>
                        <span class="after">{shown_in(change.field, &change.after)}</span>
                    </span>
                    <span class="review-place">{place(change)}</span>
                </label>
            </li>
        }
    });

    let conflicts = review.conflicts.iter().enumerate().map(|(i, conflict)| {
        let name = format!("conflict-{i}");
        let option = |choice: Option<usize>, label: String| {
            let id = format!("{name}-{}", choice.map_or("none".to_owned(), |c| c.to_string()));
            let pick = {
                let choices = choices.clone();
                Callback::from(move |_: Event| {
                    let mut next = (*choices).clone();
                    next[i] = choice;
                    choices.set(next);
                })
            };
            html! {
                <div class="review-option">
                    <input type="radio" id={id.clone()} name={name.clone()} checked={choices[i] == choice} onchange={pick} />
                    <label for={id}>{label}</label>
                </div>
            }
        };
        html! {
            <fieldset class="review-conflict">
                <legend>{format!("{} · {}", topic(&conflict.row, &conflict.topic), label(conflict.field))}</legend>
                {for conflict.options.iter().enumerate().map(|(c, change)| {
                    option(Some(c), format!("{} ({})", shown_in(change.field, &change.after), place(change)))
                })}
                {option(None, tf("review.keep", &[("value", &shown_in(conflict.field, &conflict.options[0].before))]))}
            </fieldset>
        }
    });

    let notes = |title: &str,
                 list: &[crate::assessment::CellNote],
                 more: usize,
                 class: &str|
     -> Html {
        if list.is_empty() {
            return Html::default();
        }
        html! {
            <div class={classes!("card", "review-notes", class.to_owned())}>
                <h2>{title.to_owned()}</h2>
                <ul>
                    {for list.iter().map(|n| html! {
                        <li><span class="review-place">{n.place(" · ")}</span>{" "}{&n.text}</li>
                    })}
                </ul>
                {(more > 0).then(|| html! { <p>{tc("review.more", more, &[])}</p> })}
            </div>
        }
    };

    html! {
        <section class="review-screen" aria-labelledby="review-title">
            <div class="screen-head">
                <h1 id="review-title" tabindex="-1">{t("review.title")}</h1>
                <p class="lead">
                    {tf("review.lead", &[
                        ("source", &props.source),
                        ("changes", &tc("review.count.changes", review.changes.len(), &[])),
                        ("conflicts", &tc("review.count.conflicts", review.conflicts.len(), &[])),
                        ("problems", &tc("review.count.problems", review.problems.len() + review.more_problems, &[])),
                        ("ignored", &tc("review.count.ignored", review.ignored.len() + review.more_ignored, &[])),
                    ])}
                </p>
                <p class="review-basis">
                    {if review.embedded {
                        tf("review.basis.embedded", &[("organisation", &organisation)])
                    } else {
                        t("review.basis.given").to_owned()
                    }}
                    {" "}{t("review.basis.undo")}
                </p>
                {other_assessment.then(|| html! {
                    <p class="review-warning">{tf("review.replaces", &[("organisation", &organisation)])}</p>
                })}
            </div>
            {(!review.warnings.is_empty()).then(|| html! {
                <div class="card review-notes">
                    <h2>{t("review.warnings.heading")}</h2>
                    <ul>{for review.warnings.iter().map(|w| html! { <li>{w}</li> })}</ul>
                </div>
            })}
            {if review.changes.is_empty() {
                html! { <p class="card">{t("review.no-changes")}</p> }
            } else {
                html! {
                    <div class="card">
                        <div class="review-head">
                            <h2>{t("review.changes.heading")}</h2>
                            <button type="button" class="button small" onclick={set_all(true)}>{t("review.select-all")}</button>
                            <button type="button" class="button small" onclick={set_all(false)}>{t("review.select-none")}</button>
                        </div>
                        <ul class="review-changes">{for changes}</ul>
                    </div>
                }
            }}
            {(!review.conflicts.is_empty()).then(|| html! {
                <div class="card">
                    <h2>{t("review.conflicts.heading")}</h2>
                    {for conflicts}
                </div>
            })}
            {notes(t("review.problems.heading"), &review.problems, review.more_problems, "problems")}
            {notes(t("review.ignored.heading"), &review.ignored, review.more_ignored, "ignored")}
            <div class="review-actions">
                <button type="button" class="button primary" onclick={apply}>
                    {match kept { 0 => t("review.apply.none").to_owned(), n => tc("review.apply", n, &[]) }}
                </button>
                <button type="button" class="button" onclick={cancel}>{t("review.cancel")}</button>
            </div>
        </section>
    }
}
