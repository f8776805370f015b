//! Banners above every screen: messages, unreadable saved state, and a share-link offer.

use yew::prelude::*;

use crate::state::{Action, Notice, NoticeKind, Unreadable};
use crate::web;

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub notice: Option<Notice>,
    pub unreadable: Option<Unreadable>,
    /// The organisation named in a share link that waits for a decision.
    pub offer: Option<String>,
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
    html! { <>{unreadable}{offer}{notice}</> }
}
