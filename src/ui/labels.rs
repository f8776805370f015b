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

/// Status choices; the derived one is marked so the user sees what the answers imply.
pub fn status_options(current: Status, derived: Status) -> Html {
    html! {
        {for Status::ALL.iter().map(|status| {
            let label = if *status == derived { format!("{} (from answers)", status.label()) } else { status.label().to_owned() };
            html! { <option value={status.as_str()} selected={*status == current}>{label}</option> }
        })}
    }
}
