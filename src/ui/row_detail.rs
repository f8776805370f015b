//! The detail of one matrix row: both standards' references and titles, the edition transition,
//! relationship, rationale, guidance and evidence, the integrated document, applicability, the
//! plan phase, priority and effort with their reasons, and inline edits
//! of owner, due date and notes.

use yew::prelude::*;

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
                html! { <p class="muted">{"No counterpart in this edition."}</p> }
            } else {
                html! {
                    <ul class="refs">
                        {for refs.iter().map(|r| html! {
                            <li><span class="ref">{&r.reference}</span>{" "}{&*r.title}
                            {r.new.then(|| html! { <span class="badge new">{"new"}</span> })}</li>
                        })}
                    </ul>
                }
            }}
        </div>
    }
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
                    <strong>{"Check: "}</strong>{row.warnings.join(" ")}
                </div>
            })}
            <div class="detail-grid">
                {ref_list("ISO/IEC 27001 (chosen edition)".into(), &row.iso27001)}
                {ref_list("ISO/IEC 20000-1 (chosen edition)".into(), &row.iso20000)}
                {ref_list("ISO/IEC 27001, other edition".into(), &row.iso27001_other)}
                {ref_list("ISO/IEC 20000-1, other edition".into(), &row.iso20000_other)}
            </div>
            <dl class="facts">
                <div><dt>{"Action"}</dt><dd>{&row.action}</dd></div>
                <div><dt>{"Integrated document"}</dt><dd>{&*row.document}</dd></div>
                <div><dt>{"Lead standard"}</dt><dd>{row.lead.label()}</dd></div>
                <div><dt>{"Relationship"}</dt><dd>{format!("{} · overlap {}/10", row.relationship.label(), row.strength)}</dd></div>
                <div><dt>{"PDCA phase"}</dt><dd>{row.pdca.label()}</dd></div>
                <div><dt>{"Applicability"}</dt><dd><strong>{if row.applicable { "Applicable" } else { "Not applicable" }}</strong>{": "}{&*row.applicability_reason}</dd></div>
                <div><dt>{"Status from your answers"}</dt><dd>{row.derived_status.label()}{row.status_overridden.then_some(" (you changed it)")}</dd></div>
                <div><dt>{"Plan phase"}</dt><dd>{row.phase.label()}{(!row.target_date.is_empty()).then(|| format!(" · by {}", row.target_date))}{row.critical.then_some(" · on the certification critical path")}</dd></div>
                <div><dt>{"Remaining effort"}</dt><dd>{if row.remaining_days > 0.0 { format!("about {} person-days (indicative)", row.remaining_days) } else { "none".to_owned() }}
                    {(!row.effort_reasons.is_empty()).then(|| html! { <span class="muted">{format!(" · {}", row.effort_reasons.join("; "))}</span> })}</dd></div>
                {(!row.priority_reasons.is_empty()).then(|| html! { <div><dt>{"Priority"}</dt><dd>{format!("{} · {}", row.priority.label(), row.priority_reasons.join("; "))}</dd></div> })}
            </dl>
            <div class="detail-text">
                <h3>{"Why they map this way"}</h3>
                <p>{&*row.rationale}</p>
                <h3>{"What to do"}</h3>
                <p>{&*row.guidance}</p>
                <h3>{"What an auditor asks to see"}</h3>
                {(!row.evidence_iso27001.is_empty()).then(|| html! { <p><strong>{"ISO/IEC 27001: "}</strong>{&*row.evidence_iso27001}</p> })}
                {(!row.evidence_iso20000.is_empty()).then(|| html! { <p><strong>{"ISO/IEC 20000-1: "}</strong>{&*row.evidence_iso20000}</p> })}
            </div>
            <div class="detail-edit">
                <div class="control">
                    <label for={owner_id.clone()}>{"Owner"}</label>
                    <input id={owner_id} class="input" type="text" value={row.owner.clone()} oninput={edit(Action::SetOwner)} />
                </div>
                <div class="control">
                    <label for={due_id.clone()}>{"Due date"}</label>
                    <input id={due_id} class="input" type="date" value={row.due.clone()} oninput={edit(Action::SetDue)} />
                </div>
                <div class="control notes">
                    <label for={notes_id.clone()}>{"Notes"}</label>
                    <textarea id={notes_id} class="input" rows="3" value={row.notes.clone()} oninput={edit(Action::SetNotes)} />
                </div>
            </div>
        </div>
    }
}
