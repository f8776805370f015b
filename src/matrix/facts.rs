//! The scope facts the engine reads from the answers, once per build: the starting point and
//! target, the tags that raise controls, and the laws and schemes that apply or are held.
//! Effort factors (`effort.rs`), dates (`plan.rs`) and warnings (`warnings.rs`) read their own
//! answers, all through `questionnaire/reads.rs`.

use super::scope::{StartingPoint, Target, UnderWay};
use super::withdrawn;
use crate::advice::{Advice, Obligation, ObligationId, Tag};
use crate::i18n::Texts;
use crate::questionnaire::reads::{
    self, AiRole, Attestation, CardDataWhere, Cloud, CustomerAccess, CustomerType, Development,
    Dora, GdprRole, Hours, Nis2, OrgSize, Outsourced, Premises, ProvidedService, Remote, Sector,
    TisaxLabel,
};
use crate::questionnaire::Answers;

/// What the answers say about the organisation, as the engine uses it.
pub struct Facts<'a> {
    pub start: StartingPoint,
    /// Implementations under way for a standard not yet in place.
    pub under_way: UnderWay,
    pub target: Target,
    /// Scope facts that hold, in vocabulary order.
    pub tags: Vec<Tag>,
    /// Laws, regulations and schemes that apply or are held, in data order.
    pub obligations: Vec<&'a Obligation>,
    /// The language every text the engine writes is in.
    pub texts: &'a Texts,
    /// The matrix shows ISO/IEC 27001 in its older edition: a reason that names a control of
    /// the current one says which edition it is in.
    pub older_annex_a: bool,
    /// The answers named a certificate on a withdrawn edition (ISO/IEC 27001:2013, ISO/IEC
    /// 20000-1:2011): the engine reads that system as in place, not certified
    /// (`withdrawn::without_void_certificates`), and a check says why.
    pub withdrawn: withdrawn::Void,
    /// The editions the organisation's documents follow (`Assessment::documents`), which may
    /// differ from those the matrix shows.
    pub documents: crate::assessment::Editions,
}

impl<'a> Facts<'a> {
    pub fn read(answers: &Answers, advice: &'a Advice, texts: &'a Texts) -> Facts<'a> {
        let tags = Tag::ALL
            .into_iter()
            .filter(|tag| holds(*tag, answers))
            .collect();
        let obligations = advice
            .obligations
            .iter()
            .filter(|o| applies(o.id, answers))
            .collect();
        Facts {
            start: StartingPoint::from_answers(answers),
            under_way: UnderWay::from_answers(answers),
            target: Target::from_answers(answers),
            tags,
            obligations,
            texts,
            older_annex_a: false,
            withdrawn: withdrawn::Void::default(),
            documents: crate::assessment::Editions::default(),
        }
    }

    /// A current-edition control as a reason names it: with its edition when the matrix shows
    /// the older one.
    pub fn control_label(&self, reference: &str) -> String {
        if self.older_annex_a {
            self.texts.fill(
                "engine.priority.control-in-2022",
                &[("control", &reference)],
            )
        } else {
            reference.to_owned()
        }
    }

    /// Whether an obligation's link to a control holds for this organisation: every scope fact
    /// its `only_with` names holds.
    pub fn link_holds(&self, link: &crate::advice::ObligationControl) -> bool {
        link.only_with.iter().all(|tag| self.has(*tag))
    }

    pub fn has(&self, tag: Tag) -> bool {
        self.tags.contains(&tag)
    }

    /// Whether a law, regulation or scheme applies or is held.
    pub fn applies(&self, id: ObligationId) -> bool {
        self.obligations.iter().any(|o| o.id == id)
    }

    /// Whether a scope fact that holds raises a control (its profile's `raised_by`). Card data
    /// raises the perimeter, entry and monitoring of premises only where card data is handled
    /// at the prospect's premises (its staff take card details there, or its rooms house the
    /// card data environment): hosted at a provider, that is the provider's (PCI DSS Req. 9,
    /// as the obligation's `only_with` says). Media and disposal (A.7.10, A.7.14) stay raised:
    /// card data can still reach the offices' media.
    pub fn raises(&self, tag: Tag, reference: &str) -> bool {
        self.has(tag)
            && !(tag == Tag::PaymentCards
                && matches!(reference, "A.7.1" | "A.7.2" | "A.7.3" | "A.7.4")
                && !self.has(Tag::CardDataOnSite))
            // Staff records alone raise nothing: every employer keeps them.
            && !(tag == Tag::SpecialCategoryData && self.has(Tag::SpecialDataStaffOnly))
    }

    /// The duties (laws, regulations, contractual schemes) that name a control, without the
    /// attestations held.
    pub fn duties_on<'b>(
        &'b self,
        reference: &'b str,
    ) -> impl Iterator<Item = (&'a Obligation, &'a crate::advice::ObligationControl)> + 'b {
        self.obligations
            .iter()
            .filter(|o| !o.attestation)
            .filter_map(move |o| {
                o.controls
                    .iter()
                    .find(|c| c.reference == reference)
                    .filter(|c| self.link_holds(c))
                    .map(|c| (*o, c))
            })
    }

    /// Whether a law or contractual scheme that applies names any of a row's Annex A controls
    /// (current edition).
    pub fn names_any(&self, row: &crate::catalog::Row) -> bool {
        row.refs
            .get(crate::catalog::Family::Iso27001.current())
            .iter()
            .any(|r| self.duties_on(r).next().is_some())
    }

    /// The attestations held that already assessed a control.
    pub fn attested<'b>(&'b self, reference: &'b str) -> impl Iterator<Item = &'a Obligation> + 'b {
        self.obligations
            .iter()
            .filter(|o| o.attestation)
            // A link with `only_with` counts only with its facts: a TISAX result's prototype
            // chapter only with a prototype label (twenty-fifth review).
            .filter(move |o| {
                o.controls
                    .iter()
                    .any(|c| c.reference == reference && self.link_holds(c))
            })
            .copied()
    }
}

/// Whether one scope fact holds for these answers.
fn holds(tag: Tag, answers: &Answers) -> bool {
    use reads as r;
    match tag {
        Tag::InternetFacing => r::INTERNET_FACING.yes(answers),
        Tag::CustomerData => r::CUSTOMER_DATA.yes(answers),
        Tag::CustomerAccess => matches!(
            r::CUSTOMER_ACCESS.get(answers),
            Some(CustomerAccess::Remote | CustomerAccess::Privileged)
        ),
        Tag::PrivilegedCustomerAccess => {
            r::CUSTOMER_ACCESS.get(answers) == Some(CustomerAccess::Privileged)
        }
        // "Most" is a fact of its own that raises every control remote work raises and more, so a
        // reason never names both.
        Tag::RemoteWork => match r::REMOTE.get(answers) {
            Some(Remote::Most) => false,
            Some(Remote::Some) => true,
            _ => r::PREMISES.has(answers, Premises::None),
        },
        Tag::MostlyRemote => r::REMOTE.get(answers) == Some(Remote::Most),
        Tag::CloudProvider => r::CLOUD.has(answers, Cloud::ProvideCloud),
        // Implementing Regulation (EU) 2024/2690 covers cloud, data centre, managed and managed
        // security service providers among others (its Art. 1), not a public body serving its
        // own administration nor a department whose customers are all units of its own
        // organisation. Other companies of its group are customers of their own: NIS2 defines a
        // managed service provider by the services it provides to customers (Art. 6(39)), with
        // no exception within a group (thirty-second review).
        Tag::DigitalProvider => {
            let sector = r::ORG_SECTOR.get(answers);
            (holds(Tag::ExternalCustomers, answers) || serves_group_companies(answers))
                && sector != Some(Sector::Public)
                && (sector == Some(Sector::ItServices) || holds(Tag::CloudProvider, answers))
        }
        Tag::ImplementingRegulation => {
            let services = r::TRUST_DNS.get(answers);
            let size_independent = services.iter().any(|s| {
                matches!(
                    s,
                    ProvidedService::QualifiedTrust | ProvidedService::Trust | ProvidedService::Dns
                )
            });
            // Small and micro platforms are outside NIS2 (Art. 2(1)).
            let platform = services.contains(&ProvidedService::Platform)
                && r::ORG_SIZE
                    .get(answers)
                    .is_some_and(OrgSize::medium_or_larger);
            holds(Tag::DigitalProvider, answers) || size_independent || platform
        }
        Tag::CloudUser => {
            r::CLOUD.has(answers, Cloud::UseSaas) || r::CLOUD.has(answers, Cloud::UseIaas)
        }
        Tag::DevelopsSoftware => matches!(
            r::DEVELOPMENT.get(answers),
            Some(Development::InHouse | Development::Both)
        ),
        Tag::OutsourcedDevelopment => matches!(
            r::DEVELOPMENT.get(answers),
            Some(Development::Outsourced | Development::Both)
        ),
        Tag::BespokeSoftware => matches!(
            r::DEVELOPMENT.get(answers),
            Some(Development::InHouse | Development::Outsourced | Development::Both)
        ),
        Tag::OwnNetwork => r::NETWORK.yes(answers),
        // As answered; left open, a health care network is taken to carry them, as it usually
        // does (a software maker for health care answers no; thirty-first review). The sector
        // checks on medical devices and operational technology read these two facts
        // (`warnings::SECTOR_CHECKS`).
        Tag::MedicalDevices => {
            r::NETWORK.yes(answers)
                && r::MEDICAL_DEVICES
                    .get(answers)
                    .unwrap_or(r::ORG_SECTOR.get(answers) == Some(Sector::Health))
        }
        // As answered; left open, an energy or manufacturing network is taken to reach them, as
        // it usually does (an energy supplier running no grid or plant answers no; twenty-seventh
        // review).
        Tag::OperationalTechnology => {
            r::NETWORK.yes(answers)
                && r::CONTROL_SYSTEMS.get(answers).unwrap_or(matches!(
                    r::ORG_SECTOR.get(answers),
                    Some(Sector::Energy | Sector::Manufacturing)
                ))
        }
        Tag::OwnDataCentre => [
            Premises::ServerRoom,
            Premises::DataCentre,
            Premises::Colocation,
        ]
        .into_iter()
        .any(|p| r::PREMISES.has(answers, p)),
        Tag::MultiSite => r::ORG_SITES.get(answers).is_some_and(|n| n > 1),
        Tag::CriticalSuppliers => r::CRITICAL_SUPPLIERS.yes(answers),
        Tag::OutsourcedOperations => r::OPS_OUTSOURCED
            .get(answers)
            .iter()
            .any(|o| *o != Outsourced::None),
        Tag::OutsourcedMonitoring => r::OPS_OUTSOURCED.has(answers, Outsourced::SecurityMonitoring),
        Tag::OutsourcedServiceDesk => r::OPS_OUTSOURCED.has(answers, Outsourced::ServiceDesk),
        Tag::PersonalData => matches!(
            r::GDPR.get(answers),
            Some(GdprRole::Controller | GdprRole::Processor | GdprRole::Both)
        ),
        Tag::Processor => matches!(
            r::GDPR.get(answers),
            Some(GdprRole::Processor | GdprRole::Both)
        ),
        Tag::Controller => matches!(
            r::GDPR.get(answers),
            Some(GdprRole::Controller | GdprRole::Both)
        ),
        // Only with sensitive data to decide about, as the question on whose they are is asked
        // (thirty-third review's check: a host with none was told it had some of its own).
        Tag::SensitiveAsController => {
            (r::SPECIAL_DATA.yes(answers)
                || r::MONITORING.yes(answers)
                || r::VULNERABLE_SUBJECTS.yes(answers))
                && match r::GDPR.get(answers) {
                    Some(GdprRole::Controller) => true,
                    Some(GdprRole::Both) => !r::SENSITIVE_CUSTOMERS_ONLY.yes(answers),
                    _ => false,
                }
        }
        Tag::SpecialCategoryData => {
            holds(Tag::PersonalData, answers) && r::SPECIAL_DATA.yes(answers)
        }
        Tag::SpecialDataStaffOnly => {
            holds(Tag::SpecialCategoryData, answers) && r::SPECIAL_DATA_STAFF_ONLY.yes(answers)
        }
        Tag::SpecialDataCore => {
            holds(Tag::SpecialCategoryData, answers) && r::SPECIAL_DATA_CORE.yes(answers)
        }
        Tag::DpoOpen => {
            !(holds(Tag::SpecialDataCore, answers)
                || holds(Tag::PersonalData, answers) && r::MONITORING.yes(answers))
        }
        Tag::PublicBody => {
            r::ORG_SECTOR.get(answers) == Some(Sector::Public) || r::ORG_PUBLIC_BODY.yes(answers)
        }
        Tag::Nis2 => nis2_class(answers).is_some() && !dora_entity(answers),
        Tag::Dora => matches!(
            r::DORA.get(answers),
            Some(Dora::FinancialEntity | Dora::IctProvider | Dora::Both)
        ),
        Tag::DoraCriticalFunctions => {
            matches!(r::DORA.get(answers), Some(Dora::IctProvider | Dora::Both))
                && r::DORA_CRITICAL.yes(answers)
        }
        Tag::PaymentCards => r::PCI.yes(answers),
        // The labels question is asked only with TISAX held, and a hidden answer is not read
        // (`Questionnaire::shown_answers`).
        Tag::AiProvider => matches!(r::AI.get(answers), Some(AiRole::Provide | AiRole::Both)),
        Tag::AiDeployer => matches!(r::AI.get(answers), Some(AiRole::Use | AiRole::Both)),
        // Asked only with AI; a hidden answer is not read.
        Tag::AiHighRisk => {
            matches!(
                r::AI.get(answers),
                Some(AiRole::Provide | AiRole::Use | AiRole::Both)
            ) && r::AI_HIGH_RISK.yes(answers)
        }
        Tag::TisaxPrototype => r::TISAX_LABELS.has(answers, TisaxLabel::Prototype),
        Tag::TisaxData => r::TISAX_LABELS.has(answers, TisaxLabel::Data),
        // Where card details reach the prospect, if it said: staff taking them at the premises
        // (for the organisation or for its customers), or payment systems of its own in rooms
        // it houses equipment in; if it did not say, its own rooms, if any, are taken to house
        // the card data environment.
        Tag::CardDataOnSite => {
            let said = r::PCI_WHERE.get(answers);
            let own_rooms = holds(Tag::OwnDataCentre, answers);
            r::PCI.yes(answers)
                && if said.is_empty() {
                    own_rooms
                } else {
                    said.contains(&CardDataWhere::Premises)
                        // An outsourced contact centre's agents take them at its desks.
                        || said.contains(&CardDataWhere::ForCustomers)
                        || (said.contains(&CardDataWhere::OwnSystems) && own_rooms)
                }
        }
        // Card details taken for customers (a contact centre taking its clients' payments), or
        // customers' data handled and the card data not only where a merchant meets it (its
        // hosted shop, premises, terminals, homes): in payment systems it runs itself, or, if it
        // did not say where, anywhere.
        Tag::CardServiceProvider => {
            let said = r::PCI_WHERE.get(answers);
            r::PCI.yes(answers)
                && (said.contains(&CardDataWhere::ForCustomers)
                    || holds(Tag::CustomerData, answers)
                        && (said.is_empty() || said.contains(&CardDataWhere::OwnSystems)))
        }
        Tag::CardDataAtHome => {
            r::PCI.yes(answers) && r::PCI_WHERE.has(answers, CardDataWhere::Home)
        }
        Tag::CardTerminals => {
            r::PCI.yes(answers) && r::PCI_WHERE.has(answers, CardDataWhere::Terminals)
        }
        Tag::CraImportantProduct => r::PRODUCTS.yes(answers) && r::PRODUCTS_IMPORTANT.yes(answers),
        Tag::RemovableMedia => r::REMOVABLE_MEDIA.yes(answers),
        Tag::PaperRecords => r::PAPER_RECORDS.yes(answers),
        Tag::BackupService => r::BACKUP_SERVICE.yes(answers),
        Tag::SecurityTesting => r::SECURITY_TESTING.yes(answers),
        Tag::SecurityMonitoringService => r::SECURITY_MONITORING.yes(answers),
        Tag::ProductsMadeForYou => {
            r::PRODUCTS.yes(answers) && r::PRODUCTS_MADE_FOR_YOU.yes(answers)
        }
        Tag::ExternalCustomers => matches!(
            r::CUSTOMER_TYPE.get(answers),
            Some(CustomerType::External | CustomerType::Both)
        ),
        Tag::GroupCustomers => serves_group_companies(answers),
        Tag::RoundTheClock => r::OPS_HOURS.get(answers) == Some(Hours::RoundTheClock),
        Tag::ExtendedHours => r::OPS_HOURS.get(answers) == Some(Hours::Extended),
        Tag::LargeOrganisation => matches!(
            r::ORG_SIZE.get(answers),
            Some(OrgSize::Large | OrgSize::Enterprise)
        ),
    }
}

/// Some internal customers are other companies of the group, each a legal entity of its own:
/// the services rest on intra-group agreements, and personal data handled for them is
/// processed on their behalf (thirty-first review).
pub fn serves_group_companies(answers: &Answers) -> bool {
    matches!(
        reads::CUSTOMER_TYPE.get(answers),
        Some(CustomerType::Internal | CustomerType::Both)
    ) && reads::INTERNAL_CUSTOMERS_OWN.get(answers) == Some(false)
}

/// Every customer is a unit of the organisation itself, one legal entity: there is no one to
/// sign a contract or a data processing agreement with (thirty-first review: a university's
/// central IT was told it may be its university's processor).
pub fn serves_own_organisation_only(answers: &Answers) -> bool {
    reads::CUSTOMER_TYPE.get(answers) == Some(CustomerType::Internal)
        && reads::INTERNAL_CUSTOMERS_OWN.yes(answers)
}

/// The NIS2 class the plan counts: the one answered, or else the one a provider unsure of it
/// has by what it does (`nis2_provisional`).
pub fn nis2_class(answers: &Answers) -> Option<Nis2> {
    match reads::NIS2.get(answers) {
        Some(class @ (Nis2::Essential | Nis2::Important)) => Some(class),
        _ => nis2_provisional(answers),
    }
}

/// A cloud, data centre or managed ICT service provider of 50 people or more that is not sure
/// of NIS2 is in its scope by what it does (Annex I, 8 and 9): essential from 250 people,
/// important below (Art. 3(1)(a), 3(2)). The plan counts that class until the prospect
/// confirms one, and a check says so (thirty-fourth review: a 300-person group IT provider's
/// plan had no NIS2 at all, beside a check calling it an essential entity).
pub fn nis2_provisional(answers: &Answers) -> Option<Nis2> {
    let size = reads::ORG_SIZE.get(answers)?;
    let in_scope = reads::NIS2.get(answers) == Some(Nis2::NotSure)
        && size.medium_or_larger()
        && holds(Tag::DigitalProvider, answers)
        && !dora_entity(answers);
    in_scope.then_some(if size == OrgSize::Medium {
        Nis2::Important
    } else {
        Nis2::Essential
    })
}

/// DORA applies as to a financial entity, so NIS2's duties are DORA's (NIS2 Art. 4).
pub fn dora_entity(answers: &Answers) -> bool {
    matches!(
        reads::DORA.get(answers),
        Some(Dora::FinancialEntity | Dora::Both)
    )
}

/// Whether a law, regulation or scheme applies, or is held, by these answers.
fn applies(id: ObligationId, answers: &Answers) -> bool {
    use reads as r;
    use ObligationId as O;
    let attests = |a: Attestation| r::ATTESTATIONS.has(answers, a);
    match id {
        O::GdprController => holds(Tag::Controller, answers),
        O::GdprProcessor => holds(Tag::Processor, answers),
        O::GdprMonitoring => holds(Tag::PersonalData, answers) && r::MONITORING.yes(answers),
        O::GdprVulnerableSubjects => {
            holds(Tag::PersonalData, answers) && r::VULNERABLE_SUBJECTS.yes(answers)
        }
        O::GdprThirdCountry => holds(Tag::PersonalData, answers) && r::THIRD_COUNTRY.yes(answers),
        O::GdprSpecialCategories => holds(Tag::SpecialCategoryData, answers),
        // For a financial entity DORA is the sector-specific act that takes the place of NIS2's
        // risk-management measures and reporting (NIS2 Art. 4, recital 28): a check says so.
        O::Nis2Essential => nis2_class(answers) == Some(Nis2::Essential) && !dora_entity(answers),
        O::Nis2Important => nis2_class(answers) == Some(Nis2::Important) && !dora_entity(answers),
        // A department's customers are its own organisation: no supplier's contract terms
        // (the second verification of the thirty-ninth review).
        O::Nis2Supplier => {
            r::NIS2.get(answers) == Some(Nis2::Supplier) && !serves_own_organisation_only(answers)
        }
        O::DoraFinancialEntity => dora_entity(answers),
        O::DoraIctProvider => matches!(r::DORA.get(answers), Some(Dora::IctProvider | Dora::Both)),
        // Asked of everyone: a manufacturer also has products made for it and sells them under
        // its own name or brand (Regulation (EU) 2024/2847, Art. 3(13); twenty-first review).
        O::CraManufacturer => r::PRODUCTS.yes(answers),
        // Radio equipment that connects to the internet, under the Radio Equipment Directive's
        // cybersecurity rules since 1 August 2025 (Delegated Regulation (EU) 2022/30).
        O::RedCybersecurity => r::PRODUCTS.yes(answers) && r::PRODUCTS_RADIO.yes(answers),
        // Chapter VI binds providers of data processing services to their customers, other
        // companies of a group included; a department serving its own organisation has none
        // (Regulation (EU) 2023/2854, Art. 1(2)(e), 23).
        O::DataActCloud => {
            holds(Tag::CloudProvider, answers) && !serves_own_organisation_only(answers)
        }
        // The telecommunications sector's option is for networks and services for the public;
        // data centres are sent to IT services (twenty-first review).
        O::EprivacyEcs => {
            r::ORG_SECTOR.get(answers) == Some(Sector::Telecom) && holds(Tag::PersonalData, answers)
        }
        O::EidasQtsp => r::TRUST_DNS.has(answers, ProvidedService::QualifiedTrust),
        O::EidasTsp => r::TRUST_DNS.has(answers, ProvidedService::Trust),
        O::PciDss => r::PCI.yes(answers),
        O::PciDssHosting => r::PCI_HOSTING.yes(answers),
        // Units of one organisation are not its PCI DSS customers (thirty-third review's check).
        O::PciDssMultiTenant => {
            r::PCI_TENANTS.yes(answers) && !serves_own_organisation_only(answers)
        }
        O::PciDssPaymentPages => r::PCI_PAGES.yes(answers),
        // Asked only with sensitive data: trial data are health data (GDPR Art. 4(15)).
        O::GcpClinicalTrials => r::SPECIAL_DATA.yes(answers) && r::CLINICAL_TRIALS.yes(answers),
        O::ProfessionalSecrecy => {
            r::PROFESSIONAL_SECRECY.yes(answers) && !serves_own_organisation_only(answers)
        }
        O::Soc2 => attests(Attestation::Soc2),
        O::Iso27017 => attests(Attestation::Iso27017),
        O::Iso27018 => attests(Attestation::Iso27018),
        O::Iso27701 => attests(Attestation::Iso27701),
        O::CyberEssentials => attests(Attestation::CyberEssentials),
        O::CsaStar => attests(Attestation::CsaStar),
        O::AiAct => matches!(
            r::AI.get(answers),
            Some(AiRole::Provide | AiRole::Use | AiRole::Both)
        ),
        O::Tisax => attests(Attestation::Tisax),
        // Held, the labels are evidence (`tisax`); the demand alone is the contract's.
        O::TisaxRequired => attests(Attestation::TisaxRequired) && !attests(Attestation::Tisax),
    }
}
