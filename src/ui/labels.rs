//! Small shared pieces of markup and text: badges, option lists, editions and references.

use yew::prelude::*;

use crate::assessment::Status;
use crate::catalog::RowKind;
use crate::matrix::{Matrix, MatrixRow};

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

/// "ISO/IEC 27001:2022 and ISO/IEC 20000-1:2018".
pub fn editions(m: &Matrix) -> String {
    format!(
        "ISO/IEC 27001:{} and ISO/IEC 20000-1:{}",
        m.editions.iso27001.edition(),
        m.editions.iso20000.edition()
    )
}

/// A row's references in the current editions, ISO/IEC 27001 first: "A.5.24, 8.6.3".
pub fn references(row: &MatrixRow) -> String {
    row.iso27001
        .iter()
        .chain(&row.iso20000)
        .map(|r| r.reference.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}
