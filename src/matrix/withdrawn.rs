//! Certificates on withdrawn editions. ISO/IEC 27001:2013 certificates expired when the
//! transition to the 2022 edition ended (31 October 2025, IAF MD 26:2023), and ISO/IEC
//! 20000-1:2011 certificates when the transition to 2018 ended (29 September 2021). A prospect
//! that answers "certified" on such an edition has a system in place but no certificate to
//! survey or recertify: its next audit is an initial certification. The engine reads the
//! answers that way, so the starting point, the target, the audit labels and the plan agree,
//! and a check says why (`warnings.rs`).

use std::borrow::Cow;

use crate::assessment::Editions;
use crate::catalog::StandardId;
use crate::questionnaire::reads::{self, Holding};
use crate::questionnaire::{Answer, Answers};
use crate::vocabulary::Vocabulary;

/// Which of the answered certificates are on a withdrawn edition.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Void {
    pub iso27001: bool,
    pub iso20000: bool,
}

impl Void {
    pub fn of(answers: &Answers, editions: Editions) -> Void {
        let certified = |q: &reads::Single<Holding>| q.get(answers) == Some(Holding::Certified);
        Void {
            iso27001: certified(&reads::START_ISO27001)
                && editions.iso27001 == StandardId::Iso27001_2013,
            iso20000: certified(&reads::START_ISO20000)
                && editions.iso20000 == StandardId::Iso20000_2011,
        }
    }
}

/// The answers as the engine reads them: a certificate on a withdrawn edition counts as a
/// system in place, not certified.
pub fn without_void_certificates(answers: &Answers, void: Void) -> Cow<'_, Answers> {
    if void == Void::default() {
        return Cow::Borrowed(answers);
    }
    let mut read = answers.clone();
    for (held, question) in [
        (void.iso27001, &reads::START_ISO27001),
        (void.iso20000, &reads::START_ISO20000),
    ] {
        if held {
            read.insert(
                question.id.to_owned(),
                Answer::Text(Holding::Implemented.id().to_owned()),
            );
        }
    }
    Cow::Owned(read)
}
