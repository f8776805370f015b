//! Reviewing an edited workbook before anything changes: each change as before → after with
//! its sheet and cell (each can be left out), conflicts where two sheets disagree (the user
//! picks one or neither), values that do not fit and lines that are not ours. Apply or cancel;
//! the assessment in use stays as it is until Apply.

use std::rc::Rc;

use yew::prelude::*;

use crate::assessment::{Assessment, Review, ReviewChange};
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct ReviewProps {
    pub source: String,
    pub review: Rc<Review>,
    pub in_use: Rc<Assessment>,
    pub dispatch: Callback<Action>,
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

fn shown(value: &str) -> String {
    if value.is_empty() {
        "(empty)".to_owned()
    } else {
        value.to_owned()
    }
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
        .unwrap_or("an unnamed organisation");

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
                    <span class="review-topic">{&change.topic}</span>
                    <span class="review-field">{change.field.label()}</span>
                    <span class="review-values">
                        <span class="before">{shown(&change.before)}</span>
                        <span aria-hidden="true">{" → "}</span>
                        <span class="visually-hidden">{" becomes "}</span>
                        <span class="after">{shown(&change.after)}</span>
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
                <legend>{format!("{} · {}", conflict.topic, conflict.field.label())}</legend>
                {for conflict.options.iter().enumerate().map(|(c, change)| {
                    option(Some(c), format!("{} ({})", shown(&change.after), place(change)))
                })}
                {option(None, format!("Keep {}", shown(&conflict.options[0].before)))}
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
                        <li><span class="review-place">{format!("{} · {}", n.sheet, n.cell)}</span>{" "}{&n.text}</li>
                    })}
                </ul>
                {(more > 0).then(|| html! { <p>{format!("…and {more} more like these.")}</p> })}
            </div>
        }
    };

    html! {
        <section class="review-screen" aria-labelledby="review-title">
            <div class="screen-head">
                <h1 id="review-title" tabindex="-1">{"Review the workbook"}</h1>
                <p class="lead">
                    {format!("“{}”: {}, {}, {}, {}.",
                        props.source,
                        plural(review.changes.len(), "change", "changes"),
                        plural(review.conflicts.len(), "conflict", "conflicts"),
                        plural(review.problems.len() + review.more_problems, "value that does not fit", "values that do not fit"),
                        plural(review.ignored.len() + review.more_ignored, "line ignored", "lines ignored"))}
                </p>
                <p class="review-basis">
                    {if review.embedded {
                        format!("The workbook carries the assessment of {organisation} it was made from; the changes are compared with it.")
                    } else {
                        "This workbook carries no assessment (an older version made it), so the changes are compared with the assessment in use.".to_owned()
                    }}
                    {" Nothing changes until you apply; after that you can undo once."}
                </p>
                {other_assessment.then(|| html! {
                    <p class="review-warning">{format!("Applying replaces the assessment in use with the workbook's assessment of {organisation}, with the changes you keep.")}</p>
                })}
            </div>
            {(!review.warnings.is_empty()).then(|| html! {
                <div class="card review-notes">
                    <h2>{"Kept but not used"}</h2>
                    <ul>{for review.warnings.iter().map(|w| html! { <li>{w}</li> })}</ul>
                </div>
            })}
            {if review.changes.is_empty() {
                html! { <p class="card">{"No cell was changed in the matrix views, the Statement of Applicability or the action plan."}</p> }
            } else {
                html! {
                    <div class="card">
                        <div class="review-head">
                            <h2>{"Changes"}</h2>
                            <button type="button" class="button small" onclick={set_all(true)}>{"Select all"}</button>
                            <button type="button" class="button small" onclick={set_all(false)}>{"Select none"}</button>
                        </div>
                        <ul class="review-changes">{for changes}</ul>
                    </div>
                }
            }}
            {(!review.conflicts.is_empty()).then(|| html! {
                <div class="card">
                    <h2>{"Conflicts: the same cell changed differently in two sheets"}</h2>
                    {for conflicts}
                </div>
            })}
            {notes("Not applied: values that do not fit", &review.problems, review.more_problems, "problems")}
            {notes("Ignored: lines that are not rows of the matrix", &review.ignored, review.more_ignored, "ignored")}
            <div class="review-actions">
                <button type="button" class="button primary" onclick={apply}>
                    {match kept { 0 => "Open without changes".to_owned(), 1 => "Apply 1 change".to_owned(), n => format!("Apply {n} changes") }}
                </button>
                <button type="button" class="button" onclick={cancel}>{"Cancel"}</button>
            </div>
        </section>
    }
}
