//! The questionnaire wizard: one section at a time, a progress bar, back and next, validation
//! messages next to each field and in a summary, show-if questions appearing as answers change.

use std::rc::Rc;

use yew::prelude::*;

use super::lang::{integer, t, tc, texts, tf};
use super::question::QuestionField;
use crate::assessment::Assessment;
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
    let q = super::lang::questionnaire();
    let index = props.index.min(q.sections.len() - 1);
    let section = &q.sections[index];
    let answers = &props.assessment.answers;
    let problems = if props.show_problems {
        q.section_problems(&section.id, answers, texts())
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
                <span>{tf("wizard.step", &[("current", &integer(index as i64 + 1)), ("total", &integer(total as i64))])}</span>
                <span>{tf("wizard.done", &[("percent", &integer(percent as i64))])}</span>
            </div>
            <progress class="progress" max="100" value={percent.to_string()} aria-label={t("wizard.progress.label")}>
                {tf("wizard.percent", &[("percent", &integer(percent as i64))])}
            </progress>
            <ol class="steps-mini" aria-label={t("wizard.sections.label")}>
                {for q.sections.iter().enumerate().map(|(i, s)| {
                    let state = if i < index { "done" } else if i == index { "current" } else { "todo" };
                    html! { <li class={state} aria-current={(i == index).then_some("step")}>{&s.title}</li> }
                })}
            </ol>
            <h1 id="wizard-title" ref={heading} tabindex="-1">{&section.title}</h1>
            <p class="lead">{&section.intro}</p>
            {if problems.is_empty() { html! {} } else { html! {
                <div class="error-summary" role="alert">
                    <h2>{tc("wizard.problems", problems.len(), &[])}</h2>
                    <ul>
                        {for problems.iter().map(|(id, message)| {
                            let label = q.question(id).map(|q| q.label.clone()).unwrap_or_default();
                            html! { <li><a href={format!("#q-{}-field", id.replace('.', "-"))}>{tf("wizard.problem", &[("label", &label), ("message", message)])}</a></li> }
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
                            editions={props.assessment.documents()}
                            problem={problem}
                            on_answer={dispatch.reform(move |answer| Action::Answer(id.clone(), answer))}
                            on_edition={dispatch.reform(|(family, year)| Action::SetEdition(family, year))}
                        />
                    }
                })}
                {last.then_some(props.shares_with.as_ref()).flatten().map(|host| html! {
                    <p class="notice info share-notice">
                        {tf("wizard.share-notice", &[("button", &t("wizard.see-matrix")), ("host", host)])}
                    </p>
                })}
                <div class="wizard-nav">
                    <button type="button" class="button" onclick={dispatch.reform(|_: MouseEvent| Action::PreviousSection)}>
                        {if index == 0 { t("wizard.back-to-start") } else { t("wizard.back") }}
                    </button>
                    <button type="submit" class="button primary">{if last { t("wizard.see-matrix") } else { t("wizard.next") }}</button>
                </div>
                <p class="autosave">{t("wizard.autosave")}</p>
            </form>
        </section>
    }
}
