//! The questionnaire wizard: one section at a time, a progress bar, back and next, validation
//! messages next to each field and in a summary, show-if questions appearing as answers change.

use std::rc::Rc;

use yew::prelude::*;

use super::question::QuestionField;
use crate::assessment::Assessment;
use crate::questionnaire;
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct WizardProps {
    pub index: usize,
    pub assessment: Rc<Assessment>,
    pub show_problems: bool,
    /// Who receives the summary when the visitor finishes, when the host enabled sharing.
    #[prop_or_default]
    pub shares_with: Option<String>,
    pub dispatch: Callback<Action>,
}

#[component]
pub fn Wizard(props: &WizardProps) -> Html {
    let q = questionnaire::builtin();
    let index = props.index.min(q.sections.len() - 1);
    let section = &q.sections[index];
    let answers = &props.assessment.answers;
    let problems = if props.show_problems {
        q.section_problems(&section.id, answers)
    } else {
        Vec::new()
    };
    let heading = use_node_ref();
    {
        // Move focus to the section heading when the section changes, for keyboard and screen
        // reader users.
        let heading = heading.clone();
        use_effect_with(index, move |_| {
            if let Some(element) = heading.cast::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        });
    }
    let total = q.sections.len();
    let percent = index * 100 / total;
    let last = index + 1 == total;
    let dispatch = &props.dispatch;
    let onsubmit = dispatch.reform(|e: SubmitEvent| {
        e.prevent_default();
        Action::NextSection
    });
    html! {
        <section class="panel wizard" aria-labelledby="wizard-title">
            <div class="progress-label">
                <span>{format!("Step {} of {}", index + 1, total)}</span>
                <span>{format!("{percent}% done")}</span>
            </div>
            <progress class="progress" max="100" value={percent.to_string()} aria-label="Questionnaire progress">
                {format!("{percent}%")}
            </progress>
            <ol class="steps-mini" aria-label="Sections">
                {for q.sections.iter().enumerate().map(|(i, s)| {
                    let state = if i < index { "done" } else if i == index { "current" } else { "todo" };
                    html! { <li class={state} aria-current={(i == index).then_some("step")}>{&s.title}</li> }
                })}
            </ol>
            <h1 id="wizard-title" ref={heading} tabindex="-1">{&section.title}</h1>
            <p class="lead">{&section.intro}</p>
            {if problems.is_empty() { html! {} } else { html! {
                <div class="error-summary" role="alert">
                    <h2>{format!("{} {} to fix before you go on", problems.len(), if problems.len() == 1 { "answer" } else { "answers" })}</h2>
                    <ul>
                        {for problems.iter().map(|(id, message)| {
                            let label = q.question(id).map(|q| q.label.clone()).unwrap_or_default();
                            html! { <li><a href={format!("#q-{}-field", id.replace('.', "-"))}>{format!("{label}: {message}")}</a></li> }
                        })}
                    </ul>
                </div>
            }}}
            <form class="wizard-form" novalidate=true onsubmit={onsubmit}>
                {for section.questions.iter().filter(|question| q.is_visible(question, answers)).map(|question| {
                    let id = question.id.clone();
                    let problem = problems.iter().find(|(p, _)| *p == question.id).map(|(_, m)| m.clone());
                    html! {
                        <QuestionField
                            key={question.id.clone()}
                            question={question.clone()}
                            answer={answers.get(&question.id).cloned()}
                            editions={props.assessment.editions}
                            problem={problem}
                            on_answer={dispatch.reform(move |answer| Action::Answer(id.clone(), answer))}
                            on_edition={dispatch.reform(|(family, year)| Action::SetEdition(family, year))}
                        />
                    }
                })}
                {last.then_some(props.shares_with.as_ref()).flatten().map(|host| html! {
                    <p class="notice info share-notice">
                        {format!("When you press “See my matrix”, {host} receives your summary: readiness, counts, documents saved and top actions. Your notes and answers stay in this browser.")}
                    </p>
                })}
                <div class="wizard-nav">
                    <button type="button" class="button" onclick={dispatch.reform(|_: MouseEvent| Action::PreviousSection)}>
                        {if index == 0 { "Back to start" } else { "Back" }}
                    </button>
                    <button type="submit" class="button primary">{if last { "See my matrix" } else { "Next" }}</button>
                </div>
                <p class="autosave">{"Your answers are saved in this browser as you go."}</p>
            </form>
        </section>
    }
}
