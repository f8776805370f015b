//! Merging what another tab saved into this tab's assessment, field by field: each answer, the
//! editions, and each row's status, owner, due date and notes. The other tab's save arrives as
//! the text it replaced (`base`) and the text it wrote (`theirs`); a field only it changed is
//! taken, a field only this tab changed is kept, and a field both changed differently is a
//! conflict: the newer save wins and the conflict is reported, so nothing is lost silently.

use std::collections::BTreeSet;
use std::fmt;

use super::model::{Assessment, RowEdit};
use crate::i18n::Texts;

/// One field of an assessment that two tabs may both change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Field {
    Editions,
    /// The editions the documents follow (`Assessment::documents`).
    Documents,
    Answer(String),
    /// A row's `status`, `owner`, `due` or `notes`.
    Row(String, &'static str),
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Field::Editions => write!(f, "editions"),
            Field::Documents => write!(f, "documents"),
            Field::Answer(id) => write!(f, "answers.{id}"),
            Field::Row(id, field) => write!(f, "rows.{id}.{field}"),
        }
    }
}

impl Field {
    /// Copies this field's value from `from` into `into`.
    pub fn copy(&self, from: &Assessment, into: &mut Assessment) {
        match self {
            Field::Editions => into.editions = from.editions,
            Field::Documents => into.documents = from.documents,
            Field::Answer(id) => match from.answers.get(id) {
                Some(answer) => {
                    into.answers.insert(id.clone(), answer.clone());
                }
                None => {
                    into.answers.remove(id);
                }
            },
            Field::Row(id, field) => {
                let source = from.rows.get(id).cloned().unwrap_or_default();
                into.update_row(id, |e| match *field {
                    "status" => e.status = source.status,
                    "owner" => e.owner = source.owner,
                    "due" => e.due = source.due,
                    _ => e.notes = source.notes,
                });
            }
        }
    }
}

/// One field both tabs changed, differently.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    pub field: Field,
    /// This tab's value, which the other tab's newer one replaced.
    pub ours: String,
    /// The other tab's value, now in use.
    pub theirs: String,
}

/// The result of merging another tab's save.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Merged {
    /// The other tab replaced the assessment (a new one, an import, a share link): take theirs.
    Replaced(Assessment),
    /// Both tabs' edits, field by field, with the conflicts the newer save decided.
    Combined {
        assessment: Assessment,
        conflicts: Vec<Conflict>,
    },
}

/// Merges the other tab's change from `base` to `theirs` into `ours`.
///
/// # Examples
/// ```
/// use ims_matrix::assessment::{merge, Assessment, Merged, Status};
/// let base = Assessment::new("t0");
/// let mut theirs = base.clone();
/// theirs.update_row("common.policy", |e| e.owner = "Ana".into());
/// let mut ours = base.clone();
/// ours.update_row("common.scope", |e| e.status = Some(Status::Implemented));
/// let Merged::Combined { assessment, conflicts } = merge(&base, &theirs, &ours) else {
///     panic!("an edit, not a replacement");
/// };
/// assert!(conflicts.is_empty());
/// assert_eq!(assessment.rows["common.policy"].owner, "Ana");
/// assert_eq!(assessment.rows["common.scope"].status, Some(Status::Implemented));
/// ```
pub fn merge(base: &Assessment, theirs: &Assessment, ours: &Assessment) -> Merged {
    merge_in(base, theirs, ours, Texts::english())
}

/// `merge`, with the statuses of conflicts named in `texts`' language.
pub fn merge_in(
    base: &Assessment,
    theirs: &Assessment,
    ours: &Assessment,
    texts: &Texts,
) -> Merged {
    // Another assessment altogether, not an edit of the same one.
    if theirs.created != base.created || theirs.created != ours.created {
        return Merged::Replaced(theirs.clone());
    }
    let mut merged = ours.clone();
    let mut conflicts = Vec::new();
    merged.updated = ours.updated.clone().max(theirs.updated.clone());

    let mut pick = |field: Field, base: String, theirs: String, ours: String| -> bool {
        // Whether to take theirs.
        if theirs == base || theirs == ours {
            false
        } else if ours == base {
            true
        } else {
            conflicts.push(Conflict {
                field,
                ours,
                theirs,
            });
            true
        }
    };

    if pick(
        Field::Editions,
        format!("{:?}", base.editions),
        format!("{:?}", theirs.editions),
        format!("{:?}", ours.editions),
    ) {
        merged.editions = theirs.editions;
    }
    if pick(
        Field::Documents,
        format!("{:?}", base.documents),
        format!("{:?}", theirs.documents),
        format!("{:?}", ours.documents),
    ) {
        merged.documents = theirs.documents;
    }

    let questions: BTreeSet<&String> = base
        .answers
        .keys()
        .chain(theirs.answers.keys())
        .chain(ours.answers.keys())
        .collect();
    let shown = |a: &Assessment, id: &str| {
        a.answers
            .get(id)
            .map(|v| serde_json::to_string(v).unwrap_or_default())
            .unwrap_or_default()
    };
    for id in questions {
        if pick(
            Field::Answer(id.clone()),
            shown(base, id),
            shown(theirs, id),
            shown(ours, id),
        ) {
            match theirs.answers.get(id) {
                Some(answer) => merged.answers.insert(id.clone(), answer.clone()),
                None => merged.answers.remove(id),
            };
        }
    }

    let rows: BTreeSet<&String> = base
        .rows
        .keys()
        .chain(theirs.rows.keys())
        .chain(ours.rows.keys())
        .collect();
    let edit = |a: &Assessment, id: &str| a.rows.get(id).cloned().unwrap_or_default();
    for id in rows {
        let (b, t, o) = (edit(base, id), edit(theirs, id), edit(ours, id));
        let mut row = o.clone();
        let status = |e: &RowEdit| {
            e.status
                .map(|s| texts.label(s).to_owned())
                .unwrap_or_default()
        };
        if pick(
            Field::Row(id.clone(), "status"),
            status(&b),
            status(&t),
            status(&o),
        ) {
            row.status = t.status;
        }
        for (name, get, set) in [
            (
                "owner",
                (|e: &RowEdit| e.owner.clone()) as fn(&RowEdit) -> String,
                (|e: &mut RowEdit, v: String| e.owner = v) as fn(&mut RowEdit, String),
            ),
            ("due", |e| e.due.clone(), |e, v| e.due = v),
            ("notes", |e| e.notes.clone(), |e, v| e.notes = v),
        ] {
            if pick(Field::Row(id.clone(), name), get(&b), get(&t), get(&o)) {
                set(&mut row, get(&t));
            }
        }
        merged.update_row(id, |e| *e = row);
    }
    Merged::Combined {
        assessment: merged,
        conflicts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::model::Status;
    use crate::questionnaire::Answer;

    fn base() -> Assessment {
        let mut a = Assessment::new("t0");
        a.answers
            .insert("org.size".into(), Answer::Text("small".into()));
        a.update_row("common.policy", |e| e.owner = "Ana".into());
        a
    }

    #[test]
    fn edits_to_different_fields_all_survive() {
        let base = base();
        let mut theirs = base.clone();
        theirs.update_row("common.policy", |e| e.status = Some(Status::InProgress));
        theirs.answers.remove("org.size");
        theirs.updated = "t2".into();
        let mut ours = base.clone();
        ours.update_row("common.policy", |e| e.notes = "ours".into());
        ours.answers
            .insert("org.name".into(), Answer::Text("Acme".into()));
        ours.updated = "t1".into();
        let Merged::Combined {
            assessment,
            conflicts,
        } = merge(&base, &theirs, &ours)
        else {
            panic!("combined");
        };
        assert!(conflicts.is_empty(), "{conflicts:?}");
        let row = &assessment.rows["common.policy"];
        assert_eq!(row.status, Some(Status::InProgress));
        assert_eq!(row.notes, "ours");
        assert_eq!(row.owner, "Ana");
        assert!(
            !assessment.answers.contains_key("org.size"),
            "their removal"
        );
        assert!(assessment.answers.contains_key("org.name"), "our addition");
        assert_eq!(assessment.updated, "t2");
    }

    #[test]
    fn the_edition_shown_in_another_tab_keeps_the_documents_edition() {
        use crate::catalog::{Family, StandardId};
        let mut base = base();
        base.set_documents_edition(Family::Iso27001, "2013");
        let mut theirs = base.clone();
        theirs.show_edition(Family::Iso27001, "2022");
        let mut ours = base.clone();
        ours.answers
            .insert("org.name".into(), Answer::Text("Acme".into()));
        let Merged::Combined {
            assessment,
            conflicts,
        } = merge(&base, &theirs, &ours)
        else {
            panic!("combined");
        };
        assert!(conflicts.is_empty(), "{conflicts:?}");
        assert_eq!(assessment.editions.iso27001, StandardId::Iso27001_2022);
        assert_eq!(assessment.documents().iso27001, StandardId::Iso27001_2013);
    }

    #[test]
    fn the_same_field_changed_twice_is_a_reported_conflict_and_the_newer_save_wins() {
        let base = base();
        let mut theirs = base.clone();
        theirs.update_row("common.policy", |e| e.owner = "Bo".into());
        let mut ours = base.clone();
        ours.update_row("common.policy", |e| e.owner = "Cy".into());
        let Merged::Combined {
            assessment,
            conflicts,
        } = merge(&base, &theirs, &ours)
        else {
            panic!("combined");
        };
        assert_eq!(assessment.rows["common.policy"].owner, "Bo");
        assert_eq!(
            conflicts,
            vec![Conflict {
                field: Field::Row("common.policy".into(), "owner"),
                ours: "Cy".into(),
                theirs: "Bo".into()
            }]
        );
    }

    #[test]
    fn a_conflict_can_be_undone_field_by_field() {
        let base = base();
        let mut ours = base.clone();
        ours.update_row("common.policy", |e| e.owner = "Cy".into());
        let mut merged = base.clone();
        merged.update_row("common.policy", |e| e.owner = "Bo".into());
        Field::Row("common.policy".into(), "owner").copy(&ours, &mut merged);
        assert_eq!(merged.rows["common.policy"].owner, "Cy");
    }

    #[test]
    fn a_new_assessment_in_the_other_tab_replaces_this_one() {
        let base = base();
        let theirs = Assessment::new("t9");
        assert_eq!(
            merge(&base, &theirs, &base),
            Merged::Replaced(theirs.clone())
        );
    }
}
