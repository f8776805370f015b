//! One questionnaire field, rendered by kind: radio groups, checkboxes, yes/no, number, text,
//! edition and maturity scales. Every field has a label, its help text wired with
//! aria-describedby, and its validation message next to it.

use yew::prelude::*;

use super::lang::{integer, label, t, tf};
use crate::assessment::Editions;
use crate::catalog::Family;
use crate::questionnaire::{Answer, Choice, Maturity, Question, QuestionKind};

#[derive(Properties, PartialEq)]
pub struct QuestionFieldProps {
    pub question: Question,
    pub answer: Option<Answer>,
    pub editions: Editions,
    /// The validation message to show, if any.
    pub problem: Option<String>,
    pub on_answer: Callback<Option<Answer>>,
    pub on_edition: Callback<(Family, String)>,
}

fn dom_id(question_id: &str) -> String {
    format!("q-{}", question_id.replace('.', "-"))
}

#[component]
pub fn QuestionField(props: &QuestionFieldProps) -> Html {
    let q = &props.question;
    let id = dom_id(&q.id);
    let help_id = format!("{id}-help");
    let error_id = format!("{id}-error");
    let described = if props.problem.is_some() {
        format!("{help_id} {error_id}")
    } else {
        help_id.clone()
    };
    let invalid = props.problem.is_some().then_some("true");
    let required = q
        .required
        .then(|| html! { <span class="required" aria-hidden="true">{" *"}</span> });
    let optional = (!q.required)
        .then(|| html! { <span class="optional">{format!(" {}", t("question.optional"))}</span> });
    let help = html! { <p class="help" id={help_id.clone()}>{&q.help}</p> };
    let error = props.problem.as_ref().map(|p| {
        html! {
            <p class="field-error" id={error_id.clone()}>{p}</p>
        }
    });
    let on_answer = props.on_answer.clone();
    let body = match &q.kind {
        QuestionKind::Single { options } => {
            let current = props
                .answer
                .as_ref()
                .and_then(Answer::as_text)
                .map(str::to_owned);
            radios(
                &id,
                options
                    .iter()
                    .map(|o| (o.id.clone(), o.label.clone(), o.help.clone()))
                    .collect(),
                current,
                q.required,
                &described,
                invalid,
                on_answer.reform(|v: String| Some(Answer::Text(v))),
            )
        }
        QuestionKind::Maturity { one_standard, .. } => {
            let current = props
                .answer
                .as_ref()
                .and_then(Answer::as_text)
                .map(|level| {
                    Maturity::parse(level)
                        .map_or(level, |m| m.as_asked(*one_standard).as_str())
                        .to_owned()
                });
            let options = Maturity::offered(*one_standard)
                .iter()
                .map(|m| {
                    let text = m.label_key(*one_standard).map_or(label(*m), t);
                    (m.as_str().to_owned(), text.to_owned(), None)
                })
                .collect();
            html! { <div class="scale">{radios(&id, options, current, false, &described, invalid, on_answer.reform(|v: String| Some(Answer::Text(v))))}</div> }
        }
        QuestionKind::YesNo => {
            let current = props
                .answer
                .as_ref()
                .and_then(Answer::as_bool)
                .map(|b| if b { "yes" } else { "no" }.to_owned());
            let options = vec![
                ("yes".to_owned(), t("question.yes").to_owned(), None),
                ("no".to_owned(), t("question.no").to_owned(), None),
            ];
            html! { <div class="inline-options">{radios(&id, options, current, q.required, &described, invalid, on_answer.reform(|v: String| Some(Answer::Bool(v == "yes"))))}</div> }
        }
        QuestionKind::Edition { family } => {
            let family = *family;
            let current = Some(props.editions.of(family).edition().to_owned());
            let options = [family.current(), family.previous()]
                .iter()
                .map(|id| {
                    let label = if id.is_current() {
                        tf("question.edition.current", &[("edition", &id.edition())])
                    } else {
                        id.edition().to_owned()
                    };
                    (id.edition().to_owned(), label, None)
                })
                .collect();
            let on_edition = props.on_edition.reform(move |year: String| (family, year));
            html! { <div class="inline-options">{radios(&id, options, current, true, &described, None, on_edition)}</div> }
        }
        QuestionKind::Multiple { options } => {
            let current: Vec<String> = props
                .answer
                .as_ref()
                .map(|a| a.as_choices().to_vec())
                .unwrap_or_default();
            checkboxes(&id, options, current, &described, invalid, on_answer)
        }
        QuestionKind::Number { min, max } => {
            let value = props
                .answer
                .as_ref()
                .and_then(Answer::as_number)
                .map(|n| n.to_string())
                .unwrap_or_default();
            let oninput = on_answer.reform(|e: InputEvent| {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                input.value().trim().parse::<i64>().ok().map(Answer::Number)
            });
            html! {
                <input id={id.clone()} class="input number" type="number" inputmode="numeric" min={min.to_string()} max={max.to_string()} step="1"
                    value={value} required={q.required} aria-describedby={described.clone()} aria-invalid={invalid} oninput={oninput} />
            }
        }
        QuestionKind::Date => {
            let value = props
                .answer
                .as_ref()
                .and_then(Answer::as_text)
                .unwrap_or_default()
                .to_owned();
            let oninput = on_answer.reform(|e: InputEvent| {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                let value = input.value();
                (!value.is_empty()).then_some(Answer::Text(value))
            });
            html! {
                <input id={id.clone()} class="input date" type="date" value={value} required={q.required}
                    aria-describedby={described.clone()} aria-invalid={invalid} oninput={oninput} />
            }
        }
        QuestionKind::Text { max_length } => {
            let value = props
                .answer
                .as_ref()
                .and_then(Answer::as_text)
                .unwrap_or_default()
                .to_owned();
            let count = value.chars().count();
            let oninput = on_answer.reform(|e: InputEvent| {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                Some(Answer::Text(input.value()))
            });
            html! {
                <>
                    <input id={id.clone()} class="input" type="text" autocomplete="organization" value={value} required={q.required}
                        aria-describedby={described.clone()} aria-invalid={invalid} oninput={oninput} />
                    <p class="counter" aria-live="polite">{format!("{} / {}", integer(count as i64), integer(*max_length as i64))}</p>
                </>
            }
        }
    };
    let grouped = matches!(
        q.kind,
        QuestionKind::Single { .. }
            | QuestionKind::Multiple { .. }
            | QuestionKind::YesNo
            | QuestionKind::Edition { .. }
            | QuestionKind::Maturity { .. }
    );
    if grouped {
        html! {
            <fieldset class={classes!("field", props.problem.is_some().then_some("has-error"))} id={format!("{id}-field")} aria-describedby={described.clone()}>
                <legend class="label">{&q.label}{required}{optional}</legend>
                {help}
                {error}
                {body}
            </fieldset>
        }
    } else {
        html! {
            <div class={classes!("field", props.problem.is_some().then_some("has-error"))} id={format!("{id}-field")}>
                <label class="label" for={id.clone()}>{&q.label}{required}{optional}</label>
                {help}
                {error}
                {body}
            </div>
        }
    }
}

fn radios(
    name: &str,
    options: Vec<(String, String, Option<String>)>,
    current: Option<String>,
    required: bool,
    described: &str,
    invalid: Option<&'static str>,
    on_pick: Callback<String>,
) -> Html {
    html! {
        <div class="options" role="radiogroup" aria-describedby={described.to_owned()} aria-invalid={invalid} aria-required={required.then_some("true")}>
            {for options.into_iter().map(|(value, label, help)| {
                let input_id = format!("{name}-{value}");
                let checked = current.as_deref() == Some(value.as_str());
                let on_pick = on_pick.clone();
                let picked = value.clone();
                let onchange = Callback::from(move |_: Event| on_pick.emit(picked.clone()));
                html! {
                    <label class={classes!("option", checked.then_some("checked"))} for={input_id.clone()}>
                        <input type="radio" id={input_id} name={name.to_owned()} value={value} checked={checked} onchange={onchange} />
                        <span class="option-text">
                            <span class="option-label">{label}</span>
                            {help.map(|h| html! { <span class="option-help">{h}</span> })}
                        </span>
                    </label>
                }
            })}
        </div>
    }
}

fn checkboxes(
    name: &str,
    options: &[Choice],
    current: Vec<String>,
    described: &str,
    invalid: Option<&'static str>,
    on_answer: Callback<Option<Answer>>,
) -> Html {
    html! {
        <div class="options" aria-describedby={described.to_owned()} aria-invalid={invalid}>
            {for options.iter().map(|option| {
                let input_id = format!("{name}-{}", option.id);
                let checked = current.contains(&option.id);
                let exclusive_ids: Vec<String> = options.iter().filter(|o| o.exclusive).map(|o| o.id.clone()).collect();
                let (id, exclusive, current, on_answer) = (option.id.clone(), option.exclusive, current.clone(), on_answer.clone());
                let onchange = Callback::from(move |e: Event| {
                    let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                    // "None of these" clears the others, and picking another clears it.
                    let mut next: Vec<String> = if input.checked() && exclusive {
                        Vec::new()
                    } else {
                        current.iter().filter(|c| **c != id && !(input.checked() && exclusive_ids.contains(c))).cloned().collect()
                    };
                    if input.checked() {
                        next.push(id.clone());
                    }
                    on_answer.emit((!next.is_empty()).then_some(Answer::Choices(next)));
                });
                html! {
                    <label class={classes!("option", checked.then_some("checked"))} for={input_id.clone()}>
                        <input type="checkbox" id={input_id} name={name.to_owned()} value={option.id.clone()} checked={checked} onchange={onchange} />
                        <span class="option-text">
                            <span class="option-label">{&option.label}</span>
                            {option.help.as_ref().map(|h| html! { <span class="option-help">{h}</span> })}
                        </span>
                    </label>
                }
            })}
        </div>
    }
}
