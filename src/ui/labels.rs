//! Small shared pieces of markup and text: badges, option lists, editions and references.

use yew::prelude::*;

use super::lang::{decimal, label, t, tf};
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
    html! { <span class={classes!("kind", class)}>{label(kind)}</span> }
}

/// Status choices. The detail shows which one the answers imply; the table stays compact.
pub fn status_options(current: Status) -> Html {
    html! {
        {for Status::ALL.iter().map(|status| {
            html! { <option value={status.as_str()} selected={*status == current}>{label(*status)}</option> }
        })}
    }
}

/// "ISO/IEC 27001:2022 and ISO/IEC 20000-1:2018".
pub fn editions(m: &Matrix) -> String {
    tf(
        "labels.editions",
        &[
            ("iso27001", &m.editions.iso27001.edition()),
            ("iso20000", &m.editions.iso20000.edition()),
        ],
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

/// Person-days as the engine counts them (to the half day): "3", "2.5" (2,5 in German).
pub fn days(value: f64) -> String {
    decimal(value, if value.fract() == 0.0 { 0 } else { 1 })
}

/// A percentage as the language writes it: "40%", "40 %".
pub fn percent(value: impl Into<i64>) -> String {
    tf("labels.percent", &[("value", &super::lang::integer(value))])
}

/// The separator between a label and what follows: ": " (" : " in French).
pub fn colon() -> &'static str {
    t("labels.colon")
}

/// Joins reasons into one line with the language's semicolon: "a; b" ("a ; b" in French).
pub fn reasons(items: &[String]) -> String {
    items.join(t("labels.semicolon"))
}

/// "Applicable" or "Not applicable".
pub fn applicability(applicable: bool) -> &'static str {
    if applicable {
        t("labels.applicable")
    } else {
        t("labels.not-applicable")
    }
}

/// A count as the language writes it (1,000 / 1.000 / 1 000).
pub fn number(count: usize) -> String {
    super::lang::integer(i64::try_from(count).unwrap_or(i64::MAX))
}

/// The count that picks a person-day figure's form: 1 for exactly one day, 0 for none, else 2.
pub fn day_form(value: f64) -> usize {
    if value == 1.0 {
        1
    } else if value == 0.0 {
        0
    } else {
        2
    }
}

/// "about 3 person-days", "about 1 person-day".
pub fn about_days(value: f64) -> String {
    super::lang::tc(
        "labels.about-days",
        day_form(value),
        &[("days", &days(value))],
    )
}
