//! The detail of one matrix row: both standards' references and titles, the edition transition,
//! relationship, rationale, guidance and evidence, the integrated document, applicability, the
//! plan phase, priority and effort with their reasons, and inline edits
//! of owner, due date and notes.

use yew::prelude::*;

use super::labels::{applicability, colon, day_form, days, reasons};
use super::lang::{date, label, t, tc, tf};
use crate::catalog::Family;
use crate::matrix::{MatrixRow, RefView};
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct RowDetailProps {
    pub row: MatrixRow,
    pub dispatch: Callback<Action>,
}

fn ref_list(title: String, refs: &[RefView]) -> Html {
    html! {
        <div class="detail-refs">
            <h3>{title}</h3>
            {if refs.is_empty() {
                html! { <p class="muted">{t("row-detail.no-counterpart")}</p> }
            } else {
                html! {
                    <ul class="refs">
                        {for refs.iter().map(|r| html! {
                            <li><span class="ref">{&r.reference}</span>{" "}<span lang={r.title_in_english.then_some("en")}>{&*r.title}</span>
                            {r.new.then(|| html! { <span class="badge new">{t("matrix.badge.new")}</span> })}</li>
                        })}
                    </ul>
                }
            }}
        </div>
    }
}

/// "ISO/IEC 27001 (chosen edition)".
fn chosen(family: Family) -> String {
    tf(
        "row-detail.refs.chosen",
        &[("standard", &family.designation())],
    )
}

/// "ISO/IEC 27001, other edition".
fn other(family: Family) -> String {
    tf(
        "row-detail.refs.other",
        &[("standard", &family.designation())],
    )
}

#[component]
pub fn RowDetail(props: &RowDetailProps) -> Html {
    let row = &props.row;
    let base = row.id.replace('.', "-");
    let (owner_id, due_id, notes_id) = (
        format!("owner-{base}"),
        format!("due-{base}"),
        format!("notes-{base}"),
    );
    let edit = |make: fn(String, String) -> Action| {
        let id = row.id.clone();
        props.dispatch.reform(move |e: InputEvent| {
            let target = e.target().expect("input events have a target");
            let value = if let Some(area) =
                wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlTextAreaElement>(&target)
            {
                area.value()
            } else {
                wasm_bindgen::JsCast::unchecked_ref::<web_sys::HtmlInputElement>(&target).value()
            };
            make(id.clone(), value)
        })
    };
    html! {
        <div class="detail">
            {(!row.warnings.is_empty()).then(|| html! {
                <div class="notice warning" role="note">
                    <strong>{t("row-detail.check")}{colon()}</strong>{row.warnings.join(" ")}
                </div>
            })}
            <div class="detail-grid">
                {ref_list(chosen(Family::Iso27001), &row.iso27001)}
                {ref_list(chosen(Family::Iso20000), &row.iso20000)}
                {ref_list(other(Family::Iso27001), &row.iso27001_other)}
                {ref_list(other(Family::Iso20000), &row.iso20000_other)}
            </div>
            <dl class="facts">
                <div><dt>{t("row-detail.action")}</dt><dd>{&row.action}</dd></div>
                <div><dt>{t("row-detail.document")}</dt><dd>{&*row.document}</dd></div>
                <div><dt>{t("row-detail.lead")}</dt><dd>{label(row.lead)}</dd></div>
                <div><dt>{t("row-detail.relationship")}</dt><dd>{tf("row-detail.relationship.value", &[("relationship", &label(row.relationship)), ("strength", &row.strength)])}</dd></div>
                <div><dt>{t("row-detail.pdca")}</dt><dd>{label(row.pdca)}</dd></div>
                <div><dt>{t("row-detail.applicability")}</dt><dd><strong>{applicability(row.applicable)}</strong>{colon()}{&*row.applicability_reason}</dd></div>
                <div><dt>{t("row-detail.derived-status")}</dt><dd>{label(row.derived_status)}{row.status_overridden.then(|| format!(" ({})", t("row-detail.derived-status.changed")))}</dd></div>
                <div><dt>{t("row-detail.phase")}</dt><dd>{label(row.phase)}{(!row.target_date.is_empty()).then(|| format!(" · {}", tf("row-detail.phase.by", &[("date", &date(&row.target_date))])))}{row.critical.then(|| format!(" · {}", t("row-detail.phase.critical")))}</dd></div>
                <div><dt>{t("row-detail.effort")}</dt><dd>{if row.remaining_days > 0.0 { tc("row-detail.effort.days", day_form(row.remaining_days), &[("days", &days(row.remaining_days))]) } else { t("row-detail.effort.none").to_owned() }}
                    {(!row.effort_reasons.is_empty()).then(|| html! { <span class="muted">{format!(" · {}", reasons(&row.effort_reasons))}</span> })}</dd></div>
                {(!row.priority_reasons.is_empty()).then(|| html! { <div><dt>{t("row-detail.priority")}</dt><dd>{format!("{} · {}", label(row.priority), reasons(&row.priority_reasons))}</dd></div> })}
            </dl>
            <div class="detail-text">
                <h3>{t("row-detail.rationale")}</h3>
                <p>{&*row.rationale}</p>
                <h3>{t("row-detail.guidance")}</h3>
                <p>{&*row.guidance}</p>
                <h3>{t("row-detail.evidence")}</h3>
                {(!row.evidence_iso27001.is_empty()).then(|| html! { <p><strong>{Family::Iso27001.designation()}{colon()}</strong>{&*row.evidence_iso27001}</p> })}
                {(!row.evidence_iso20000.is_empty()).then(|| html! { <p><strong>{Family::Iso20000.designation()}{colon()}</strong>{&*row.evidence_iso20000}</p> })}
            </div>
            <div class="detail-edit">
                <div class="control">
                    <label for={owner_id.clone()}>{t("row-detail.owner")}</label>
                    <input id={owner_id} class="input" type="text" value={row.owner.clone()} oninput={edit(Action::SetOwner)} />
                </div>
                <div class="control">
                    <label for={due_id.clone()}>{t("row-detail.due")}</label>
                    <input id={due_id} class="input" type="date" value={row.due.clone()} oninput={edit(Action::SetDue)} />
                </div>
                <div class="control notes">
                    <label for={notes_id.clone()}>{t("row-detail.notes")}</label>
                    <textarea id={notes_id} class="input" rows="3" value={row.notes.clone()} oninput={edit(Action::SetNotes)} />
                </div>
            </div>
        </div>
    }
}
