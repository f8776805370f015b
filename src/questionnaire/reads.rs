//! The questions the engine reads, each declared once with the answer it expects: its kind and,
//! for choices, the option ids as a vocabulary enum. The engine reads answers only through these
//! declarations, and `load` checks every one against the questionnaire data, so renaming a
//! question or an option in data/questionnaire.json fails when the data loads instead of
//! silently changing results.

use std::marker::PhantomData;

use super::answer::{Answer, Answers};
use super::model::{QuestionKind, Questionnaire};
use crate::vocabulary::Vocabulary;

/// The shape of answer a declaration expects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expect {
    /// One option id, from exactly these options.
    Single(&'static [&'static str]),
    /// A list of option ids, from exactly these options.
    Multiple(&'static [&'static str]),
    YesNo,
    Number,
    Text,
    Date,
}

/// A single-choice question whose options are the values of `T`.
pub struct Single<T> {
    pub id: &'static str,
    options: PhantomData<T>,
}

impl<T: Vocabulary> Single<T> {
    pub const fn new(id: &'static str) -> Self {
        Single {
            id,
            options: PhantomData,
        }
    }

    /// The answer, if the question was answered with one of its options.
    pub fn get(&self, answers: &Answers) -> Option<T> {
        answers
            .get(self.id)
            .and_then(Answer::as_text)
            .and_then(T::parse)
    }

    pub fn expect(&self) -> (&'static str, Expect) {
        (self.id, Expect::Single(T::IDS))
    }
}

/// A multiple-choice question whose options are the values of `T`.
pub struct Multiple<T> {
    pub id: &'static str,
    options: PhantomData<T>,
}

impl<T: Vocabulary + PartialEq> Multiple<T> {
    pub const fn new(id: &'static str) -> Self {
        Multiple {
            id,
            options: PhantomData,
        }
    }

    /// The options chosen (empty when unanswered, or answered in a way that does not fit:
    /// `Answer::usable_choices`).
    pub fn get(&self, answers: &Answers) -> Vec<T> {
        answers
            .get(self.id)
            .map(|a| {
                a.usable_choices()
                    .iter()
                    .filter_map(|id| T::parse(id))
                    .collect()
            })
            .unwrap_or_default()
    }

    pub fn has(&self, answers: &Answers, option: T) -> bool {
        self.get(answers).contains(&option)
    }

    pub fn expect(&self) -> (&'static str, Expect) {
        (self.id, Expect::Multiple(T::IDS))
    }
}

/// A yes/no question.
pub struct YesNo {
    pub id: &'static str,
}

impl YesNo {
    pub fn get(&self, answers: &Answers) -> Option<bool> {
        answers.get(self.id).and_then(Answer::as_bool)
    }

    /// Answered yes.
    pub fn yes(&self, answers: &Answers) -> bool {
        self.get(answers) == Some(true)
    }

    pub fn expect(&self) -> (&'static str, Expect) {
        (self.id, Expect::YesNo)
    }
}

/// A whole-number question.
pub struct Number {
    pub id: &'static str,
}

impl Number {
    pub fn get(&self, answers: &Answers) -> Option<i64> {
        answers.get(self.id).and_then(Answer::as_number)
    }

    pub fn expect(&self) -> (&'static str, Expect) {
        (self.id, Expect::Number)
    }
}

/// A short-text question.
pub struct Text {
    pub id: &'static str,
}

impl Text {
    /// The text, trimmed, when it is not empty.
    pub fn get<'a>(&self, answers: &'a Answers) -> Option<&'a str> {
        answers
            .get(self.id)
            .and_then(Answer::as_text)
            .map(str::trim)
            .filter(|text| !text.is_empty())
    }

    pub fn expect(&self) -> (&'static str, Expect) {
        (self.id, Expect::Text)
    }
}

crate::vocabulary::vocabulary! {
    /// `org.size`: how many people work for the organisation.
    pub enum OrgSize {
        Micro = "micro",
        Small = "small",
        Medium = "medium",
        Large = "large",
        Enterprise = "enterprise",
    }
}

impl OrgSize {
    /// Medium-sized or larger: where NIS2 reaches an entity by its sector (Art. 2(1)).
    pub fn medium_or_larger(self) -> bool {
        matches!(self, OrgSize::Medium | OrgSize::Large | OrgSize::Enterprise)
    }
}

crate::vocabulary::vocabulary! {
    /// `start.iso27001`, `start.iso20000`: how far the organisation is with a standard.
    pub enum Holding {
        Certified = "certified",
        Implemented = "implemented",
        InProgress = "in-progress",
        None = "none",
    }
}

impl Holding {
    /// Certified or in place: there is a system to build on.
    pub fn holds(self) -> bool {
        matches!(self, Holding::Certified | Holding::Implemented)
    }
}

crate::vocabulary::vocabulary! {
    /// `start.target`: what the organisation wants to achieve.
    pub enum Goal {
        Integrated = "integrated",
        Iso27001First = "iso27001-first",
        Iso20000First = "iso20000-first",
        /// Keep the certificate held and add the other standard in one combined audit.
        AddCombined = "add-combined",
    }
}

crate::vocabulary::vocabulary! {
    /// `start.timeline`: when the organisation wants to be ready for certification.
    pub enum Timeline {
        ThreeMonths = "3-months",
        SixMonths = "6-months",
        TwelveMonths = "12-months",
        Longer = "longer",
        Undecided = "undecided",
    }
}

crate::vocabulary::vocabulary! {
    /// `start.other`: other management system standards held or followed.
    pub enum OtherSystem {
        Iso9001 = "iso9001",
        Iso22301 = "iso22301",
        Iso14001 = "iso14001",
        /// ISO 15189 or ISO/IEC 17025: their clause 8 has the same document control, internal
        /// audits, management review and corrective action, but a national accreditation body,
        /// not a certification body, assesses them (nineteenth review).
        LabAccreditation = "lab-accreditation",
        /// ISO 13485 or a GxP quality system (GCP, GMP, GLP): document control, internal audits,
        /// management review and corrective action of its own, audited by a certification body,
        /// customers or inspectors (thirty-fifth review: an electronic data capture provider).
        QualitySystem = "quality-system",
        None = "none",
    }
}

impl OtherSystem {
    /// The certifiable ISO management system standard, with the harmonised structure's
    /// clauses; none for a laboratory accreditation, which an accreditation body assesses.
    pub fn certifiable_standard(self) -> Option<&'static str> {
        match self {
            OtherSystem::Iso9001 => Some("ISO 9001"),
            OtherSystem::Iso14001 => Some("ISO 14001"),
            OtherSystem::Iso22301 => Some("ISO 22301"),
            OtherSystem::LabAccreditation | OtherSystem::QualitySystem | OtherSystem::None => None,
        }
    }

    /// The certifiable standards among the other systems held, in the answer's order.
    pub fn held_standards(answers: &Answers) -> Vec<&'static str> {
        START_OTHER
            .get(answers)
            .into_iter()
            .filter_map(OtherSystem::certifiable_standard)
            .collect()
    }
}

crate::vocabulary::vocabulary! {
    /// `org.sector`: the closest sector.
    pub enum Sector {
        ItServices = "it-services",
        Software = "software",
        Finance = "finance",
        Public = "public",
        Health = "health",
        Telecom = "telecom",
        /// Energy, transport, drinking and waste water: NIS2 Annex I sectors (1, 2, 6, 7).
        Energy = "energy",
        /// Ground-based infrastructure supporting space-based services: NIS2 Annex I (11)
        /// (twenty-third review).
        Space = "space",
        /// Postal and courier services are NIS2 Annex II (1); road haulage and warehousing are
        /// in neither annex.
        Logistics = "logistics",
        Manufacturing = "manufacturing",
        Retail = "retail",
        Education = "education",
        Other = "other",
    }
}

crate::vocabulary::vocabulary! {
    /// `org.customers`: how many customers use the services in scope.
    pub enum Customers {
        UpTo10 = "up-to-10",
        UpTo100 = "11-100",
        UpTo1000 = "101-1000",
        Over1000 = "over-1000",
    }
}

crate::vocabulary::vocabulary! {
    /// `cert.scope`: one certification scope for both standards or two.
    pub enum CertScope {
        Same = "same",
        Different = "different",
        Undecided = "undecided",
    }
}

crate::vocabulary::vocabulary! {
    /// `cert.body`: whether a certification body is chosen.
    pub enum CertBody {
        One = "one",
        Separate = "separate",
        None = "none",
    }
}

crate::vocabulary::vocabulary! {
    /// `scope.customers`: who the services are for.
    pub enum CustomerType {
        External = "external",
        Internal = "internal",
        Both = "both",
    }
}

crate::vocabulary::vocabulary! {
    /// `scope.development`: who develops the software behind the services.
    pub enum Development {
        InHouse = "in-house",
        Outsourced = "outsourced",
        Both = "both",
        None = "none",
    }
}

crate::vocabulary::vocabulary! {
    /// `scope.cloud`: how cloud services fit in.
    pub enum Cloud {
        UseSaas = "use-saas",
        UseIaas = "use-iaas",
        ProvideCloud = "provide-cloud",
        None = "none",
    }
}

crate::vocabulary::vocabulary! {
    /// `scope.premises`: premises in scope.
    pub enum Premises {
        Offices = "offices",
        ServerRoom = "server-room",
        DataCentre = "data-centre",
        Colocation = "colocation",
        None = "none",
    }
}

crate::vocabulary::vocabulary! {
    /// `scope.remote`: how much people work remotely.
    pub enum Remote {
        None = "none",
        Some = "some",
        Most = "most",
    }
}

crate::vocabulary::vocabulary! {
    /// `scope.customer-access`: staff access to customers' systems.
    pub enum CustomerAccess {
        None = "none",
        Remote = "remote",
        Privileged = "privileged",
    }
}

crate::vocabulary::vocabulary! {
    /// `reg.trust-dns`: services provided to others that NIS2 names: trust and DNS services
    /// whatever their provider's size (Art. 2(2)(a)(ii), (iii)), the platforms from medium size.
    pub enum ProvidedService {
        /// Qualified trust services (eIDAS): an essential entity whatever its size (NIS2 Art.
        /// 3(1)(b)), audited every 24 months (eIDAS Art. 20(1)).
        QualifiedTrust = "qualified-trust",
        /// Trust services that are not qualified: important, essential when large.
        Trust = "trust",
        /// DNS services or a top-level domain name registry: essential whatever their size.
        Dns = "dns",
        /// An online marketplace, search engine, social network (NIS2 Annex II, 6) or content
        /// delivery network (Annex I, 8): in scope from medium size, and then covered by the
        /// Implementing Regulation (EU) 2024/2690 (Art. 9, 11-13; twenty-fourth review).
        Platform = "platform",
        None = "none",
    }
}

crate::vocabulary::vocabulary! {
    /// `reg.pci-where`: where card details reach the organisation.
    pub enum CardDataWhere {
        /// Only in systems a provider hosts (a web shop's payment page, an app).
        Hosted = "hosted",
        /// Staff take them at the premises: phone or mail order.
        Premises = "premises",
        /// Card-present payments at terminals in shops or branches (PCI DSS Req. 9.5).
        Terminals = "terminals",
        /// Staff take them while working from home.
        Home = "home",
        /// Staff take them on behalf of the organisation's customers, as a contact centre
        /// taking its clients' customers' payments: a PCI DSS service provider whatever system
        /// the details are keyed into (thirty-fifth review).
        ForCustomers = "for-customers",
        /// In payment systems the organisation runs itself (a processor's or service provider's
        /// own cardholder data environment), wherever their equipment stands (twenty-eighth
        /// review).
        OwnSystems = "own-systems",
    }
}

crate::vocabulary::vocabulary! {
    /// `ops.hours`: when the services must be supported.
    pub enum Hours {
        BusinessHours = "business-hours",
        Extended = "extended",
        RoundTheClock = "round-the-clock",
    }
}

crate::vocabulary::vocabulary! {
    /// `ops.outsourced`: functions another company runs.
    pub enum Outsourced {
        ServiceDesk = "service-desk",
        Infrastructure = "infrastructure",
        SecurityMonitoring = "security-monitoring",
        /// Any other operation: printing and mailing, payroll, facilities (thirty-second review:
        /// a municipal IT provider outsourcing its printing had to answer "none").
        Other = "other",
        None = "none",
    }
}

crate::vocabulary::vocabulary! {
    /// `ops.tools`: tools already in use.
    pub enum Tool {
        Ticketing = "ticketing",
        Cmdb = "cmdb",
        Monitoring = "monitoring",
        Siem = "siem",
        None = "none",
    }
}

crate::vocabulary::vocabulary! {
    /// `reg.gdpr`: the organisation's role for personal data.
    pub enum GdprRole {
        Controller = "controller",
        Processor = "processor",
        Both = "both",
        None = "none",
    }
}

crate::vocabulary::vocabulary! {
    /// `reg.nis2`: whether NIS2 applies.
    pub enum Nis2 {
        Essential = "essential",
        Important = "important",
        No = "no",
        /// Not subject to NIS2 itself, but its customers are: their supply-chain duty reaches it
        /// through contracts.
        Supplier = "supplier",
        NotSure = "not-sure",
    }
}

crate::vocabulary::vocabulary! {
    /// `reg.dora`: whether DORA reaches the organisation.
    pub enum Dora {
        FinancialEntity = "financial-entity",
        IctProvider = "ict-provider",
        /// A financial entity that also provides ICT services to other financial entities.
        Both = "both",
        No = "no",
    }
}

crate::vocabulary::vocabulary! {
    /// `reg.attestations`: schemes held beyond ISO/IEC 27001 and 20000-1.
    pub enum Attestation {
        Soc2 = "soc2",
        Iso27017 = "iso27017",
        Iso27018 = "iso27018",
        Iso27701 = "iso27701",
        CyberEssentials = "cyber-essentials",
        CsaStar = "csa-star",
        Tisax = "tisax",
        /// Required by customers and not held yet: a contractual requirement, not evidence
        /// (thirty-ninth review: an automotive supplier's IT whose carmakers demand labels).
        TisaxRequired = "tisax-required",
        None = "none",
    }
}

crate::vocabulary::vocabulary! {
    /// `reg.ai`: the organisation's part in AI under the AI Act (Regulation (EU) 2024/1689).
    pub enum AiRole {
        /// AI built into the services or products it offers: a provider (Art. 3(3)).
        Provide = "provide",
        /// AI tools made by others used in its work: a deployer (Art. 3(4)).
        Use = "use",
        Both = "both",
        No = "no",
    }
}

crate::vocabulary::vocabulary! {
    /// `reg.tisax-labels`: the labels of a TISAX assessment result (VDA ISA 6).
    pub enum TisaxLabel {
        /// Confidential or Strictly confidential.
        Information = "information",
        /// High or Very high availability.
        Availability = "availability",
        /// Proto parts, proto vehicles, test vehicles, events and shootings: ISA chapter 8.
        Prototype = "prototype",
        /// Data or Special data: ISA chapter 9.
        Data = "data",
    }
}

/// A date question (`YYYY-MM-DD`).
pub struct DateQuestion {
    pub id: &'static str,
}

impl DateQuestion {
    pub fn get(&self, answers: &Answers) -> Option<crate::date::Date> {
        answers
            .get(self.id)
            .and_then(Answer::as_text)
            .and_then(crate::date::Date::parse)
    }

    pub fn expect(&self) -> (&'static str, Expect) {
        (self.id, Expect::Date)
    }
}

pub const ORG_NAME: Text = Text { id: "org.name" };
pub const ORG_SECTOR: Single<Sector> = Single::new("org.sector");
/// `org.public-body`: a public authority or body outside the public sector answer (a public
/// university, hospital or utility); asked for the sectors where one is common.
pub const ORG_PUBLIC_BODY: YesNo = YesNo {
    id: "org.public-body",
};
pub const ORG_SIZE: Single<OrgSize> = Single::new("org.size");
pub const ORG_SERVICES: Number = Number { id: "org.services" };
pub const ORG_SITES: Number = Number { id: "org.sites" };
pub const ORG_CUSTOMERS: Single<Customers> = Single::new("org.customers");
pub const START_ISO27001: Single<Holding> = Single::new("start.iso27001");
pub const START_ISO20000: Single<Holding> = Single::new("start.iso20000");
pub const START_SEPARATE: YesNo = YesNo {
    id: "start.separate",
};
pub const START_OTHER: Multiple<OtherSystem> = Multiple::new("start.other");
pub const START_TARGET: Single<Goal> = Single::new("start.target");
pub const START_TIMELINE: Single<Timeline> = Single::new("start.timeline");
pub const CERT_SCOPE: Single<CertScope> = Single::new("cert.scope");
pub const CERT_COMBINED: YesNo = YesNo {
    id: "cert.combined",
};
pub const CERT_BODY: Single<CertBody> = Single::new("cert.body");
pub const CERT_AUDIT_DATE: DateQuestion = DateQuestion {
    id: "cert.audit-date",
};
pub const CUSTOMER_TYPE: Single<CustomerType> = Single::new("scope.customers");
/// Whether every internal customer is a unit of the organisation itself (one legal entity), not
/// another company of its group; asked when some customers are internal.
pub const INTERNAL_CUSTOMERS_OWN: YesNo = YesNo {
    id: "scope.internal-customers",
};
pub const INTERNET_FACING: YesNo = YesNo {
    id: "scope.internet-facing",
};
pub const CUSTOMER_DATA: YesNo = YesNo {
    id: "scope.customer-data",
};
pub const CUSTOMER_ACCESS: Single<CustomerAccess> = Single::new("scope.customer-access");
pub const DEVELOPMENT: Single<Development> = Single::new("scope.development");
pub const CLOUD: Multiple<Cloud> = Multiple::new("scope.cloud");
pub const PREMISES: Multiple<Premises> = Multiple::new("scope.premises");
pub const REMOTE: Single<Remote> = Single::new("scope.remote");
pub const MOBILE: YesNo = YesNo { id: "scope.mobile" };
pub const NETWORK: YesNo = YesNo {
    id: "scope.network",
};
/// Whether the networks reach industrial control systems; asked of everyone who runs networks
/// (a utility's IT company runs the grid's, thirty-first review).
pub const CONTROL_SYSTEMS: YesNo = YesNo {
    id: "scope.control-systems",
};
/// Whether the networks carry connected medical devices; asked of everyone who runs networks.
pub const MEDICAL_DEVICES: YesNo = YesNo {
    id: "scope.medical-devices",
};
pub const CRITICAL_SUPPLIERS: YesNo = YesNo {
    id: "scope.critical-suppliers",
};
pub const REMOVABLE_MEDIA: YesNo = YesNo {
    id: "scope.removable-media",
};
/// `scope.paper-records`: customers' paper documents or other physical records received, kept,
/// carried or destroyed (a digital mailroom, scanning, archiving); asked with customer data
/// (thirty-fourth review).
pub const PAPER_RECORDS: YesNo = YesNo {
    id: "scope.paper-records",
};
/// `scope.backup-service`: backing up or recovering customers' data or systems is one of the
/// services provided (backup or disaster recovery as a service); asked with customer data
/// (thirty-fifth review).
pub const BACKUP_SERVICE: YesNo = YesNo {
    id: "scope.backup-service",
};
/// `reg.clinical-trials`: systems or services hold or process clinical trial data for
/// sponsors, research organisations or trial sites; asked with sensitive data (thirty-fifth
/// review).
pub const CLINICAL_TRIALS: YesNo = YesNo {
    id: "reg.clinical-trials",
};
/// `reg.professional-secrecy`: customers bound to professional secrecy (doctors, lawyers, tax
/// advisers …) whose records the staff can see; asked with customers' data or access to their
/// systems (thirty-seventh review).
pub const PROFESSIONAL_SECRECY: YesNo = YesNo {
    id: "reg.professional-secrecy",
};
/// `scope.security-testing`: customers' systems tested (penetration tests, red teaming) or
/// their incidents investigated (forensics); asked with customer data (thirty-sixth review).
pub const SECURITY_TESTING: YesNo = YesNo {
    id: "scope.security-testing",
};
/// `scope.security-monitoring`: customers' systems or logs watched for attacks as a service (a
/// SOC, managed detection and response); asked with customer data (thirty-seventh review).
pub const SECURITY_MONITORING: YesNo = YesNo {
    id: "scope.security-monitoring",
};
/// `reg.products-made-for-you`: another company makes the products sold, or their software.
pub const PRODUCTS_MADE_FOR_YOU: YesNo = YesNo {
    id: "reg.products-made-for-you",
};
/// `reg.products-radio`: a product sold is radio equipment that connects to the internet
/// (Radio Equipment Directive, Delegated Regulation (EU) 2022/30); asked with products
/// (thirty-sixth review).
pub const PRODUCTS_RADIO: YesNo = YesNo {
    id: "reg.products-radio",
};
pub const OPS_HOURS: Single<Hours> = Single::new("ops.hours");
pub const OPS_OUTSOURCED: Multiple<Outsourced> = Multiple::new("ops.outsourced");
pub const OPS_TOOLS: Multiple<Tool> = Multiple::new("ops.tools");
pub const GDPR: Single<GdprRole> = Single::new("reg.gdpr");
pub const NIS2: Single<Nis2> = Single::new("reg.nis2");
pub const DORA: Single<Dora> = Single::new("reg.dora");
/// `reg.special-data`: special categories of personal data (GDPR Art. 9) or criminal-offence
/// data (Art. 10), asked when personal data is in scope.
pub const SPECIAL_DATA: YesNo = YesNo {
    id: "reg.special-data",
};
/// `reg.special-data-core`: handling such data on a large scale is a core activity, which
/// brings the impact assessment (GDPR Art. 35(3)(b)) and the data protection officer
/// (Art. 37(1)(c)); asked when `reg.special-data` is yes.
pub const SPECIAL_DATA_CORE: YesNo = YesNo {
    id: "reg.special-data-core",
};
/// With both GDPR roles, whether the sensitive personal data (special categories, monitoring,
/// vulnerable people) are all the customers', handled for them.
pub const SENSITIVE_CUSTOMERS_ONLY: YesNo = YesNo {
    id: "reg.sensitive-for-whom",
};
/// `reg.dora-critical`: the ICT services support financial customers' critical or important
/// functions, which brings DORA Art. 30(3)'s terms; asked of an ICT provider.
pub const DORA_CRITICAL: YesNo = YesNo {
    id: "reg.dora-critical",
};
/// `reg.monitoring`: regular and systematic monitoring of people on a large scale is a core
/// activity (GDPR Art. 37(1)(b)); asked when personal data is in scope.
pub const MONITORING: YesNo = YesNo {
    id: "reg.monitoring",
};
/// `reg.special-data-staff-only`: the sensitive data are only the organisation's own staff's
/// records; asked on a yes to `reg.special-data` (thirty-eighth review).
pub const SPECIAL_DATA_STAFF_ONLY: YesNo = YesNo {
    id: "reg.special-data-staff-only",
};
/// `reg.vulnerable-subjects`: many of the people whose data is handled are children or
/// otherwise vulnerable, asked when personal data is in scope.
pub const VULNERABLE_SUBJECTS: YesNo = YesNo {
    id: "reg.vulnerable-subjects",
};
/// `reg.third-country`: people, suppliers or services outside the EU/EEA see or reach personal
/// data, asked with a GDPR role (thirty-eighth review).
pub const THIRD_COUNTRY: YesNo = YesNo {
    id: "reg.third-country",
};
/// `reg.trust-dns`, asked of IT, software and telecommunications providers.
pub const TRUST_DNS: Multiple<ProvidedService> = Multiple::new("reg.trust-dns");
pub const PCI: YesNo = YesNo { id: "reg.pci" };
pub const PCI_WHERE: Multiple<CardDataWhere> = Multiple::new("reg.pci-where");
/// `reg.pci-hosting`: customers keep card data systems in the organisation's data centre,
/// asked of those that have one.
pub const PCI_HOSTING: YesNo = YesNo {
    id: "reg.pci-hosting",
};
/// `reg.pci-tenants`: customers manage systems of their cardholder data environment on servers
/// or cloud services the organisation shares between customers (PCI DSS Appendix A1); asked of
/// a cloud provider.
pub const PCI_TENANTS: YesNo = YesNo {
    id: "reg.pci-tenants",
};
/// `reg.pci-pages`: the organisation runs the shop or checkout pages on which its customers'
/// buyers pay by card, a payment provider taking the card details (thirty-second review).
pub const PCI_PAGES: YesNo = YesNo {
    id: "reg.pci-pages",
};
/// `reg.products`: software or devices customers install or run themselves, sold or supplied
/// under the organisation's own name or brand (the Cyber Resilience Act's products with digital
/// elements), asked of everyone.
pub const PRODUCTS: YesNo = YesNo { id: "reg.products" };
/// `reg.products-important`: a product of the Cyber Resilience Act's Annex III (security and
/// network products), asked on a yes to `reg.products`.
pub const PRODUCTS_IMPORTANT: YesNo = YesNo {
    id: "reg.products-important",
};
/// `reg.ai`: AI built into what the organisation offers, AI tools used in its work, both or
/// neither (the AI Act's provider and deployer; thirty-ninth review: an EdTech platform).
pub const AI: Single<AiRole> = Single::new("reg.ai");
/// `reg.ai-high-risk`: AI assesses or decides about people in an area of the AI Act's
/// Annex III; asked with AI.
pub const AI_HIGH_RISK: YesNo = YesNo {
    id: "reg.ai-high-risk",
};
pub const ATTESTATIONS: Multiple<Attestation> = Multiple::new("reg.attestations");
pub const TISAX_LABELS: Multiple<TisaxLabel> = Multiple::new("reg.tisax-labels");

/// Every question the engine reads, with what it expects. `load` checks each.
pub fn declared() -> Vec<(&'static str, Expect)> {
    vec![
        ORG_NAME.expect(),
        ORG_SECTOR.expect(),
        ORG_PUBLIC_BODY.expect(),
        ORG_SIZE.expect(),
        ORG_SERVICES.expect(),
        ORG_SITES.expect(),
        ORG_CUSTOMERS.expect(),
        START_ISO27001.expect(),
        START_ISO20000.expect(),
        START_SEPARATE.expect(),
        START_OTHER.expect(),
        START_TARGET.expect(),
        START_TIMELINE.expect(),
        CERT_SCOPE.expect(),
        CERT_COMBINED.expect(),
        CERT_BODY.expect(),
        CERT_AUDIT_DATE.expect(),
        CUSTOMER_TYPE.expect(),
        INTERNAL_CUSTOMERS_OWN.expect(),
        INTERNET_FACING.expect(),
        CUSTOMER_DATA.expect(),
        CUSTOMER_ACCESS.expect(),
        DEVELOPMENT.expect(),
        CLOUD.expect(),
        PREMISES.expect(),
        REMOTE.expect(),
        MOBILE.expect(),
        NETWORK.expect(),
        CONTROL_SYSTEMS.expect(),
        MEDICAL_DEVICES.expect(),
        CRITICAL_SUPPLIERS.expect(),
        REMOVABLE_MEDIA.expect(),
        PAPER_RECORDS.expect(),
        BACKUP_SERVICE.expect(),
        CLINICAL_TRIALS.expect(),
        PROFESSIONAL_SECRECY.expect(),
        SECURITY_TESTING.expect(),
        SECURITY_MONITORING.expect(),
        PRODUCTS_RADIO.expect(),
        PRODUCTS_MADE_FOR_YOU.expect(),
        OPS_HOURS.expect(),
        OPS_OUTSOURCED.expect(),
        OPS_TOOLS.expect(),
        GDPR.expect(),
        SPECIAL_DATA.expect(),
        SPECIAL_DATA_CORE.expect(),
        SENSITIVE_CUSTOMERS_ONLY.expect(),
        MONITORING.expect(),
        VULNERABLE_SUBJECTS.expect(),
        SPECIAL_DATA_STAFF_ONLY.expect(),
        THIRD_COUNTRY.expect(),
        TRUST_DNS.expect(),
        NIS2.expect(),
        DORA.expect(),
        DORA_CRITICAL.expect(),
        PCI.expect(),
        PCI_WHERE.expect(),
        PCI_HOSTING.expect(),
        PCI_TENANTS.expect(),
        PCI_PAGES.expect(),
        PRODUCTS.expect(),
        PRODUCTS_IMPORTANT.expect(),
        AI.expect(),
        AI_HIGH_RISK.expect(),
        ATTESTATIONS.expect(),
        TISAX_LABELS.expect(),
    ]
}

/// What is wrong with one declaration against the questionnaire, if anything.
pub fn mismatch(q: &Questionnaire, id: &str, expect: Expect) -> Option<String> {
    let Some(question) = q.question(id) else {
        return Some("the engine reads this question, which the questionnaire lacks".to_owned());
    };
    let same_options = |wanted: &[&str]| {
        let mut have: Vec<&str> = question
            .kind
            .options()
            .iter()
            .map(|o| o.id.as_str())
            .collect();
        let mut wanted = wanted.to_vec();
        have.sort_unstable();
        wanted.sort_unstable();
        (have == wanted).then_some(()).ok_or_else(|| {
            format!("the engine reads the options {wanted:?}; the questionnaire has {have:?}")
        })
    };
    let result = match (expect, &question.kind) {
        (Expect::Single(options), QuestionKind::Single { .. })
        | (Expect::Multiple(options), QuestionKind::Multiple { .. }) => same_options(options),
        (Expect::YesNo, QuestionKind::YesNo)
        | (Expect::Number, QuestionKind::Number { .. })
        | (Expect::Text, QuestionKind::Text { .. })
        | (Expect::Date, QuestionKind::Date) => Ok(()),
        (expect, kind) => Err(format!(
            "the engine reads this question as {expect:?}; it is {}",
            kind.name()
        )),
    };
    result.err()
}
