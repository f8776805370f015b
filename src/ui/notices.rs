//! Banners above every screen: messages, unreadable saved state, and a share-link offer.

use yew::prelude::*;

use crate::assessment::Field;
use crate::state::{Action, Notice, NoticeKind, TabConflicts, Unreadable};
use crate::{catalog, questionnaire, web};

/// What a person calls a field: "Owner of “Integrated policy”", a question's label.
fn field_name(field: &Field) -> String {
    match field {
        Field::Editions => "The editions".to_owned(),
        Field::Answer(id) => questionnaire::builtin()
            .question(id)
            .map_or_else(|| id.clone(), |q| q.label.clone()),
        Field::Row(id, part) => {
            let topic = catalog::builtin()
                .row(id)
                .map_or_else(|| id.clone(), |row| row.topic.to_string());
            let part = match *part {
                "status" => "Status",
                "owner" => "Owner",
                "due" => "Due date",
                _ => "Notes",
            };
            format!("{part} of “{topic}”")
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub notice: Option<Notice>,
    pub unreadable: Option<Unreadable>,
    /// The organisation named in a share link that waits for a decision.
    pub offer: Option<String>,
    /// Fields another tab changed that this tab had changed too.
    #[prop_or_default]
    pub tab_conflicts: Option<TabConflicts>,
    /// The file whose changes were just applied, while they can be undone.
    #[prop_or_default]
    pub undo: Option<String>,
    pub dispatch: Callback<Action>,
}

#[component]
pub fn Notices(props: &NoticesProps) -> Html {
    let dispatch = &props.dispatch;
    let unreadable = props.unreadable.as_ref().map(|u| {
        let raw = u.raw.clone();
        let download = Callback::from(move |_: MouseEvent| {
            let name = format!("ims-matrix-unreadable-saved-state-{}.txt", web::today());
            let _ = web::download(&name, "text/plain;charset=utf-8", raw.as_bytes());
        });
        let discard = dispatch.reform(|_: MouseEvent| Action::Reset);
        let discard = Callback::from(move |e: MouseEvent| {
            if web::confirm("Discard the unreadable saved state and start over? Download it first if you may need it.") {
                discard.emit(e);
            }
        });
        html! {
            <div class="notice error" role="alert">
                <p><strong>{"Your saved assessment could not be read."}</strong>{" "}{&u.problem}</p>
                <p>{"It is kept as it was and will not be overwritten until you decide. Download it to keep a copy, then start over."}</p>
                <div class="notice-actions">
                    <button type="button" class="button" onclick={download}>{"Download the saved text"}</button>
                    <button type="button" class="button" onclick={discard}>{"Start over"}</button>
                </div>
            </div>
        }
    });
    let offer = props.offer.as_ref().map(|organisation| html! {
        <div class="notice info" role="alert">
            <p><strong>{format!("This link carries an assessment for {organisation}.")}</strong>
               {" Opening it replaces the answers saved in this browser. Export yours first (Data) if you want to keep them."}</p>
            <div class="notice-actions">
                <button type="button" class="button primary" onclick={dispatch.reform(|_: MouseEvent| Action::AcceptOffer)}>{"Open the shared assessment"}</button>
                <button type="button" class="button" onclick={dispatch.reform(|_: MouseEvent| Action::DeclineOffer)}>{"Keep mine"}</button>
            </div>
        </div>
    });
    let notice = props.notice.as_ref().map(|n| {
        let class = match n.kind {
            NoticeKind::Info => "info",
            NoticeKind::Warning => "warning",
            NoticeKind::Error => "error",
        };
        html! {
            <div class={classes!("notice", class)} role={if n.kind == NoticeKind::Info { "status" } else { "alert" }}>
                <p>{&n.text}</p>
                {if n.details.is_empty() { html!{} } else { html! {
                    <ul class="notice-details">{for n.details.iter().map(|d| html! { <li>{d}</li> })}</ul>
                }}}
                <button type="button" class="button small" onclick={dispatch.reform(|_: MouseEvent| Action::DismissNotice)}>{"Dismiss"}</button>
            </div>
        }
    });
    let conflicts = props.tab_conflicts.as_ref().map(|choice| {
        let count = choice.conflicts.len();
        html! {
            <div class="notice warning" role="alert">
                <p><strong>{format!(
                    "Another tab of this browser changed {count} {} that you had also changed here. Its newer values are in use now:",
                    if count == 1 { "entry" } else { "entries" }
                )}</strong></p>
                <ul class="notice-details">
                    {for choice.conflicts.iter().map(|c| html! {
                        <li>{format!("{}: “{}” (this tab had “{}”)", field_name(&c.field), c.theirs, c.ours)}</li>
                    })}
                </ul>
                <div class="notice-actions">
                    <button type="button" class="button" onclick={dispatch.reform(|_: MouseEvent| Action::KeepOurs)}>{"Keep this tab's values"}</button>
                    <button type="button" class="button" onclick={dispatch.reform(|_: MouseEvent| Action::DismissConflicts)}>{"Use the newer values"}</button>
                </div>
            </div>
        }
    });
    let undo = props.undo.as_ref().map(|source| html! {
        <div class="notice info" role="status">
            <p>{format!("The changes from {source} are applied. You can undo them until your next edit.")}</p>
            <div class="notice-actions">
                <button type="button" class="button" onclick={dispatch.reform(|_: MouseEvent| Action::UndoReview)}>{"Undo"}</button>
            </div>
        </div>
    });
    html! { <>{unreadable}{conflicts}{offer}{notice}{undo}</> }
}
