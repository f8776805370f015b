//! What the answers say about the organisation's starting point and its certification target.

use crate::i18n::Texts;
use crate::questionnaire::reads::{self, Goal};
use crate::questionnaire::Answers;

crate::vocabulary::vocabulary! {
    /// Which systems the organisation already runs, as ISO/IEC 27013 frames the starting point.
    pub enum StartingPoint {
        /// Neither standard in place: write one integrated system from the start.
        Neither = "neither" => "Neither standard in place yet",
        /// An ISMS exists: extend it to cover the SMS.
        Iso27001 = "iso27001" => "ISO/IEC 27001 in place; ISO/IEC 20000-1 to add",
        /// An SMS exists: extend it to cover the ISMS.
        Iso20000 = "iso20000" => "ISO/IEC 20000-1 in place; ISO/IEC 27001 to add",
        /// Both exist and run separately: merge them.
        BothSeparate = "both_separate" => "Both in place, run separately",
        /// Both exist and are already integrated: maintain and check coverage.
        BothIntegrated = "both_integrated" => "Both in place, already integrated",
    }
}

impl StartingPoint {
    pub fn from_answers(answers: &Answers) -> StartingPoint {
        let holds = |question: &reads::Single<reads::Holding>| {
            question.get(answers).is_some_and(|h| h.holds())
        };
        match (holds(&reads::START_ISO27001), holds(&reads::START_ISO20000)) {
            (false, false) => StartingPoint::Neither,
            (true, false) => StartingPoint::Iso27001,
            (false, true) => StartingPoint::Iso20000,
            (true, true) => match reads::START_SEPARATE.get(answers) {
                Some(false) => StartingPoint::BothIntegrated,
                _ => StartingPoint::BothSeparate,
            },
        }
    }

    pub fn has_iso27001(self) -> bool {
        matches!(
            self,
            StartingPoint::Iso27001 | StartingPoint::BothSeparate | StartingPoint::BothIntegrated
        )
    }

    pub fn has_iso20000(self) -> bool {
        matches!(
            self,
            StartingPoint::Iso20000 | StartingPoint::BothSeparate | StartingPoint::BothIntegrated
        )
    }
}

/// Implementations under way for a standard not yet in place: drafts to build on, which the
/// integration should reach before they are approved, so documents are written once.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct UnderWay {
    pub iso27001: bool,
    pub iso20000: bool,
}

impl UnderWay {
    /// Nothing under way.
    pub fn is_none(&self) -> bool {
        !self.iso27001 && !self.iso20000
    }

    /// The starting point in words, with the implementations under way after it.
    pub fn describe(self, texts: &Texts, start: StartingPoint) -> String {
        let standards: Vec<&str> = [
            (self.iso27001, "ISO/IEC 27001"),
            (self.iso20000, "ISO/IEC 20000-1"),
        ]
        .into_iter()
        .filter_map(|(on, standard)| on.then_some(standard))
        .collect();
        if standards.is_empty() {
            return texts.label(start).to_owned();
        }
        texts.fill(
            "engine.starting-point-under-way",
            &[
                ("start", &texts.label(start)),
                ("standards", &standards.join(", ")),
            ],
        )
    }

    pub fn from_answers(answers: &Answers) -> UnderWay {
        let under_way = |question: &reads::Single<reads::Holding>| {
            question.get(answers) == Some(reads::Holding::InProgress)
        };
        UnderWay {
            iso27001: under_way(&reads::START_ISO27001),
            iso20000: under_way(&reads::START_ISO20000),
        }
    }
}

crate::vocabulary::vocabulary! {
    /// Which certification the organisation aims at first.
    pub enum Target {
        Integrated = "integrated" => "One integrated system, certified for both",
        Iso27001First = "iso27001_first" => "ISO/IEC 27001 first, then ISO/IEC 20000-1",
        Iso20000First = "iso20000_first" => "ISO/IEC 20000-1 first, then ISO/IEC 27001",
        /// A certificate is held; the other standard joins it in one combined audit.
        AddCombined = "add_combined" => "Keep the certificate held and add the other standard in one combined audit",
    }
}

impl Target {
    pub fn from_answers(answers: &Answers) -> Target {
        let holds =
            |q: &reads::Single<reads::Holding>| q.get(answers) == Some(reads::Holding::Certified);
        let (iso27001, iso20000) = (holds(&reads::START_ISO27001), holds(&reads::START_ISO20000));
        match reads::START_TARGET.get(answers) {
            // One certificate held: it is surveyed and renewed, not certified again, so whatever
            // the route, the other standard is added to it in one combined audit (a check says
            // so where the answer named another route; thirteenth and fourteenth
            // lead-implementer reviews).
            _ if iso27001 != iso20000 => Target::AddCombined,
            Some(Goal::Iso27001First) if !iso27001 => Target::Iso27001First,
            Some(Goal::Iso20000First) if !iso20000 => Target::Iso20000First,
            // Both held: nothing is certified first; the systems are merged.
            Some(Goal::Iso27001First | Goal::Iso20000First) => Target::Integrated,
            // Only meaningful with a certificate to keep; otherwise it is the integrated route.
            Some(Goal::AddCombined | Goal::Integrated) | None => Target::Integrated,
        }
    }
}
