//! Banners above every screen: messages, unreadable saved state, and a share-link offer.

use yew::prelude::*;

use super::lang::{questionnaire, t, tc, tf};
use crate::assessment::Field;
use crate::state::{Action, Notice, NoticeKind, TabConflicts, Unreadable};
use crate::web;

/// One line per field two tabs changed differently: "Owner of “Integrated policy”: … or …".
/// `row_topic` names a crosswalk row; the first-visit page, which has no catalog, gives none.
pub fn conflict_lines(
    conflicts: &TabConflicts,
    row_topic: fn(&str) -> Option<String>,
) -> Vec<String> {
    conflicts
        .conflicts
        .iter()
        .map(|c| {
            let field = field_name(&c.field, row_topic);
            tf(
                "notices.conflict",
                &[("field", &field), ("theirs", &c.theirs), ("ours", &c.ours)],
            )
        })
        .collect()
}

/// What a person calls a field: "Owner of “Integrated policy”", a question's label.
fn field_name(field: &Field, row_topic: fn(&str) -> Option<String>) -> String {
    match field {
        Field::Editions | Field::Documents => t("notices.field.editions").to_owned(),
        Field::Answer(id) => questionnaire()
            .question(id)
            .map_or_else(|| id.clone(), |q| q.label.clone()),
        Field::Row(id, part) => {
            let topic = row_topic(id).unwrap_or_else(|| id.clone());
            let key = match *part {
                "status" => "notices.field.status",
                "owner" => "notices.field.owner",
                "due" => "notices.field.due",
                _ => "notices.field.notes",
            };
            tf(key, &[("topic", &topic)])
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub notice: Option<Notice>,
    pub unreadable: Option<Unreadable>,
    /// The organisation named in a share link that waits for a decision.
    pub offer: Option<String>,
    /// Fields another tab changed that this tab had changed too, one line each
    /// (`conflict_lines`).
    #[prop_or_default]
    pub tab_conflicts: Option<Vec<String>>,
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
            if web::confirm(t("notices.unreadable.confirm")) {
                discard.emit(e);
            }
        });
        html! {
            <div class="notice error" role="alert">
                <p><strong>{t("notices.unreadable.title")}</strong>{" "}{&u.problem}</p>
                <p>{t("notices.unreadable.kept")}</p>
                <div class="notice-actions">
                    <button type="button" class="button" onclick={download}>{t("notices.unreadable.download")}</button>
                    <button type="button" class="button" onclick={discard}>{t("notices.unreadable.start-over")}</button>
                </div>
            </div>
        }
    });
    let offer = props.offer.as_ref().map(|organisation| html! {
        <div class="notice info" role="alert">
            <p><strong>{tf("notices.offer.title", &[("organisation", organisation)])}</strong>
               {" "}{tf("notices.offer.replaces", &[("data", &t("frame.nav.data"))])}</p>
            <div class="notice-actions">
                <button type="button" class="button primary" onclick={dispatch.reform(|_: MouseEvent| Action::AcceptOffer)}>{t("notices.offer.open")}</button>
                <button type="button" class="button" onclick={dispatch.reform(|_: MouseEvent| Action::DeclineOffer)}>{t("notices.offer.keep")}</button>
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
                <button type="button" class="button small" onclick={dispatch.reform(|_: MouseEvent| Action::DismissNotice)}>{t("notices.dismiss")}</button>
            </div>
        }
    });
    let conflicts = props.tab_conflicts.as_ref().map(|lines| {
        let count = lines.len();
        html! {
            <div class="notice warning" role="alert">
                <p><strong>{tc("notices.conflicts", count, &[])}</strong></p>
                <ul class="notice-details">
                    {for lines.iter().map(|line| html! { <li>{line}</li> })}
                </ul>
                <div class="notice-actions">
                    <button type="button" class="button" onclick={dispatch.reform(|_: MouseEvent| Action::KeepOurs)}>{t("notices.conflicts.keep-ours")}</button>
                    <button type="button" class="button" onclick={dispatch.reform(|_: MouseEvent| Action::DismissConflicts)}>{t("notices.conflicts.use-newer")}</button>
                </div>
            </div>
        }
    });
    let undo = props.undo.as_ref().map(|source| html! {
        <div class="notice info" role="status">
            <p>{tf("notices.undo.applied", &[("source", source)])}</p>
            <div class="notice-actions">
                <button type="button" class="button" onclick={dispatch.reform(|_: MouseEvent| Action::UndoReview)}>{t("notices.undo.button")}</button>
            </div>
        </div>
    });
    html! { <>{unreadable}{conflicts}{offer}{notice}{undo}</> }
}
