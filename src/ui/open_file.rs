//! Opening a file the user chose or dropped: an assessment JSON file loads at once (as the Data
//! screen's Import), anything else is read as a workbook in the export worker and shown for
//! review. Bad files get one message; the assessment in use never changes here.

use std::rc::Rc;

use super::lang::tf;
use crate::assessment::{self, Assessment};
use crate::protocol::MAX_WORKBOOK_BYTES;
use crate::state::{Action, Notice, NoticeKind};
use crate::{catalog, questionnaire, web};

fn notice(kind: NoticeKind, text: String) -> Action {
    Action::Notify(Notice {
        kind,
        text,
        details: Vec::new(),
    })
}

/// Whether the file is an assessment JSON file rather than a workbook, by its name.
fn is_json(name: &str) -> bool {
    name.to_lowercase().ends_with(".json")
}

pub fn open(file: web_sys::File, in_use: Rc<Assessment>, dispatch: yew::Callback<Action>) {
    let name = file.name();
    if is_json(&name) {
        return web::read_file(file, move |text| {
            dispatch.emit(match text {
                Err(problem) => notice(NoticeKind::Error, problem),
                Ok(text) => {
                    match assessment::import(
                        &text,
                        questionnaire::questions(),
                        catalog::builtin_index(),
                    ) {
                        Ok(imported) => Action::Load(imported.assessment, imported.warnings, name),
                        Err(problem) => notice(
                            NoticeKind::Error,
                            tf(
                                "open-file.not-imported",
                                &[("file", &name), ("problem", &problem)],
                            ),
                        ),
                    }
                }
            });
        });
    }
    dispatch.emit(notice(
        NoticeKind::Info,
        tf("open-file.reading", &[("file", &name)]),
    ));
    web::read_file_bytes(file, MAX_WORKBOOK_BYTES, move |bytes| match bytes {
        Err(problem) => dispatch.emit(notice(
            NoticeKind::Error,
            tf("open-file.not-read", &[("problem", &problem)]),
        )),
        Ok(bytes) => web::read::read_workbook(bytes, &in_use, move |review| {
            dispatch.emit(match review {
                Ok(review) => Action::OpenReview(name, review),
                Err(problem) => notice(
                    NoticeKind::Error,
                    tf(
                        "open-file.not-opened",
                        &[("file", &name), ("problem", &problem)],
                    ),
                ),
            });
        }),
    });
}
