//! Small shared pieces of markup: badges and option lists.

use yew::prelude::*;

use crate::assessment::Status;
use crate::catalog::RowKind;

pub fn kind_badge(kind: RowKind) -> Html {
    let class = match kind {
        RowKind::Common => "common",
        RowKind::Integrated => "integrated",
        RowKind::Iso27001Only => "isms",
        RowKind::Iso20000Only => "sms",
    };
    html! { <span class={classes!("kind", class)}>{kind.label()}</span> }
}

/// Status choices. The detail shows which one the answers imply; the table stays compact.
pub fn status_options(current: Status) -> Html {
    html! {
        {for Status::ALL.iter().map(|status| {
            html! { <option value={status.as_str()} selected={*status == current}>{status.label()}</option> }
        })}
    }
}
