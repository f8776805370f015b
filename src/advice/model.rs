//! The validated advice data: control profiles and obligations.

use serde::Serialize;

use crate::catalog::Text;

crate::vocabulary::vocabulary! {
    /// The ground on which a control is included in the Statement of Applicability.
    pub enum Basis {
        Risk = "risk" => "Risk",
        Legal = "legal" => "Legal or regulatory",
        Contractual = "contractual" => "Contractual",
        Business = "business" => "Business",
    }
}

crate::vocabulary::vocabulary! {
    /// How much a control weighs in a typical service provider's risk picture.
    pub enum Weight {
        Low = "low" => "Low",
        Medium = "medium" => "Medium",
        High = "high" => "High",
    }
}

crate::vocabulary::vocabulary! {
    /// A scope fact read from the answers that raises the controls that name it. The label is
    /// the fact in the prospect's terms, as reasons quote it.
    pub enum Tag {
        InternetFacing = "internet-facing" => "your services can be reached from the internet",
        CustomerData = "customer-data" => "you store or handle your customers' data",
        CustomerAccess = "customer-access" => "your staff sign in to customers' systems",
        PrivilegedCustomerAccess = "privileged-customer-access" => "your staff hold administrator rights on customers' systems",
        RemoteWork = "remote-work" => "people work remotely",
        MostlyRemote = "mostly-remote" => "most of your people work remotely",
        CloudProvider = "cloud-provider" => "you provide cloud services",
        /// A provider type that Implementing Regulation (EU) 2024/2690 covers, as far as the
        /// answers tell: cloud services, or managed ICT services (the IT sector, whose option
        /// names data centres and colocation), to other organisations.
        DigitalProvider = "digital-provider" => "you provide cloud, data centre or managed ICT services to other organisations",
        /// The providers Implementing Regulation (EU) 2024/2690 covers (its Art. 1), as far as
        /// the answers tell: the digital providers above, and providers of trust services, DNS
        /// services or a top-level domain registry (twenty-first review).
        ImplementingRegulation = "implementing-regulation" => "you provide services of a kind Implementing Regulation (EU) 2024/2690 covers, where NIS2 applies to you",
        CloudUser = "cloud-user" => "you rely on cloud services",
        DevelopsSoftware = "develops-software" => "you develop software",
        OutsourcedDevelopment = "outsourced-development" => "partners develop software for you",
        BespokeSoftware = "bespoke-software" => "software is developed in house or by partners",
        OwnNetwork = "own-network" => "you run your own networks",
        /// A health care organisation's own network carries connected medical devices that
        /// often cannot be patched and that their makers maintain remotely (nineteenth review).
        MedicalDevices = "medical-devices" => "your network carries connected medical devices",
        /// An energy, transport, water or manufacturing organisation's own network reaches the
        /// control systems of its plants or utilities (nineteenth review).
        OperationalTechnology = "operational-technology" => "your network reaches industrial control systems (plants, grids, production or warehouse automation)",
        OwnDataCentre = "own-data-centre" => "you house equipment in a server room or data centre",
        MultiSite = "multi-site" => "the scope spans several sites",
        CriticalSuppliers = "critical-suppliers" => "your services depend on critical suppliers",
        OutsourcedOperations = "outsourced-operations" => "another company runs part of your operations",
        OutsourcedMonitoring = "outsourced-monitoring" => "another company monitors your security for you",
        /// The provider's agents take incident reports and requests, and reset credentials, on
        /// the organisation's behalf (fifteenth review).
        OutsourcedServiceDesk = "outsourced-service-desk" => "another company runs your service desk",
        PersonalData = "personal-data" => "you handle personal data",
        Processor = "processor" => "you process personal data for customers",
        /// GDPR Art. 4(7): the impact assessment, the record of processing and the legal
        /// condition for special categories are the controller's (a processor assists).
        Controller = "controller" => "you decide why and how personal data are processed",
        /// The controller's duties on sensitive data (the impact assessment, the legal
        /// condition, children's information) are the organisation's when those data are its
        /// own: as controller only, or with both roles unless they are all its customers'
        /// (thirty-first and thirty-second reviews).
        SensitiveAsController = "sensitive-as-controller" => "you decide why and how sensitive personal data of your own are processed",
        SpecialCategoryData = "special-category-data" => "you handle special categories of personal data (GDPR Art. 9), such as health data, or criminal-record data",
        /// Those sensitive data are only the organisation's own staff's records (sick notes,
        /// union dues in payroll): the employer's duties stay, the raises of controls for
        /// sensitive data handled at large do not (thirty-eighth review: a shop agency's sick
        /// notes raised its classification and encryption as if it held health data).
        SpecialDataStaffOnly = "special-data-staff-only" => "the sensitive personal data you handle are only your own staff's records",
        /// GDPR Art. 35(3)(b) and 37(1)(c): large-scale processing of those data as a core
        /// activity, not an employer's sick notes or a fingerprint door lock.
        SpecialDataCore = "special-data-core" => "handling such data on a large scale is a core part of your work",
        /// Neither core activity that settles the data protection officer (GDPR Art. 37(1)(b),
        /// (c)) is answered: the general rule, with the national additions, is what tells
        /// (the second verification of the thirty-ninth review: the officer was named twice).
        DpoOpen = "dpo-open" => "no core activity of yours settles whether you need a data protection officer",
        /// GDPR Art. 37(1)(a): a data protection officer whatever the data.
        PublicBody = "public-body" => "you are a public authority or body",
        Nis2 = "nis2" => "NIS2 applies",
        Dora = "dora" => "DORA applies, directly or through your financial-sector customers' contracts",
        /// DORA Art. 30(3): the terms of contracts for services supporting critical or
        /// important functions.
        DoraCriticalFunctions = "dora-critical-functions" => "financial customers rely on your services for critical or important functions",
        PaymentCards = "payment-cards" => "you handle payment card data",
        /// TISAX assesses the ISA's prototype protection chapter (8) only for a prototype
        /// label, and its data protection chapter (9) only for a data label (twenty-fifth
        /// review).
        TisaxPrototype = "tisax-prototype" => "you hold a TISAX prototype protection label",
        TisaxData = "tisax-data" => "you hold a TISAX data protection label",
        /// PCI DSS Req. 9 reaches the prospect's own premises: its staff take card details
        /// there, or its rooms house the card data environment's systems (sixteenth review).
        CardDataOnSite = "card-data-on-site" => "card data is handled at your premises",
        /// Card-present terminals to protect from tampering (PCI DSS Req. 9.5.1); cashier areas
        /// with only terminals are not sensitive areas (eighteenth review).
        CardTerminals = "card-terminals" => "customers pay at card terminals in your shops or branches",
        /// PCI DSS Req. 12.9 binds service providers: card data handled for customers, not a
        /// merchant's own (thirtieth review: a telecom taking its subscribers' cards at shop
        /// terminals was told to acknowledge a service provider's responsibility).
        CardServiceProvider = "card-service-provider" => "you handle card data for your customers as a service provider",
        /// Homes join the card data environment unless the details never reach the staff.
        CardDataAtHome = "card-data-at-home" => "staff take card details while working from home",
        /// Regulation (EU) 2024/2847, Art. 7 and Annex III: an important product, whose
        /// conformity assessment (Art. 32(2), (3)) may need a notified body (twentieth review).
        CraImportantProduct = "cra-important-product" => "a product you sell is a security or network product the Cyber Resilience Act lists as important",
        RemovableMedia = "removable-media" => "removable media are used",
        /// Customers' paper documents or other physical records handled (thirty-fourth review).
        PaperRecords = "paper-records" => "you handle your customers' paper documents or other physical records",
        /// Backing up or recovering customers' data or systems sold as a service (thirty-fifth
        /// review: a backup and disaster recovery provider).
        BackupService = "backup-service" => "you back up or recover your customers' data or systems as a service",
        /// Customers' systems tested or their incidents investigated: their findings, exploits
        /// and evidence held (thirty-sixth review: a penetration testing and incident response
        /// firm).
        SecurityTesting = "security-testing" => "you test the security of your customers' systems or investigate incidents for them",
        /// Customers' systems or logs watched for attacks as a service (a SOC, managed detection
        /// and response): their logs and the rights to act in their security tools held
        /// (thirty-seventh review: a managed security service provider).
        SecurityMonitoringService = "security-monitoring-service" => "you watch your customers' systems or logs for attacks as a service",
        /// Another company makes products the organisation sells, or their software, for it
        /// (thirty-sixth review's check: the radio rules' manufacturer link needs it).
        ProductsMadeForYou = "products-made-for-you" => "another company makes products you sell, or their software, for you",
        /// AI built into the services or products offered: the AI Act's provider (thirty-ninth
        /// review).
        AiProvider = "ai-provider" => "you build AI into the services or products you offer",
        /// AI tools made by others used in the organisation's work: the AI Act's deployer.
        AiDeployer = "ai-deployer" => "you use AI systems made by others in your work",
        /// AI that assesses or decides about people in an area of the AI Act's Annex III.
        AiHighRisk = "ai-high-risk" => "AI assesses or decides about people in a high-risk area of the AI Act",
        ExternalCustomers = "external-customers" => "you serve external customers",
        /// Internal customers that are other companies of a group: each a legal entity, served under
        /// agreements (thirty-fourth review).
        GroupCustomers = "group-customers" => "your internal customers include other companies of your group",
        RoundTheClock = "round-the-clock" => "your services are supported around the clock",
        ExtendedHours = "extended-hours" => "your services are supported outside business hours",
        LargeOrganisation = "large-organisation" => "the organisation is large",
    }
}

crate::vocabulary::vocabulary! {
    /// A law, regulation or scheme the questionnaire can name.
    pub enum ObligationId {
        GdprController = "gdpr-controller",
        GdprProcessor = "gdpr-processor",
        GdprSpecialCategories = "gdpr-special-categories",
        GdprMonitoring = "gdpr-monitoring",
        GdprVulnerableSubjects = "gdpr-vulnerable-subjects",
        /// GDPR Chapter V, for personal data seen or reached from outside the EU/EEA: the
        /// transfer's ground, the customers' authorisation, the records (thirty-eighth review:
        /// a recruiting SaaS vendor's offshore development partner).
        GdprThirdCountry = "gdpr-third-country",
        Nis2Essential = "nis2-essential",
        Nis2Important = "nis2-important",
        Nis2Supplier = "nis2-supplier",
        DoraFinancialEntity = "dora-financial-entity",
        DoraIctProvider = "dora-ict-provider",
        /// Regulation (EU) 2024/2847, for a manufacturer of products with digital elements.
        CraManufacturer = "cra-manufacturer",
        /// Directive 2014/53/EU Art. 3(3)(d)-(f) with Delegated Regulation (EU) 2022/30, for a
        /// manufacturer of internet-connected radio equipment (thirty-sixth review: a maker of
        /// GPS trackers was told of device duties from 2026 and 2027 only).
        RedCybersecurity = "red-cybersecurity",
        /// Regulation (EU) 2023/2854, Chapter VI, for a provider of data processing services
        /// (cloud services) to customers: switching and export (thirty-third review).
        DataActCloud = "data-act-cloud",
        /// Directive 2002/58/EC and Regulation (EU) No 611/2013, for a provider of publicly
        /// available electronic communications services.
        EprivacyEcs = "eprivacy-ecs",
        /// Regulation (EU) No 910/2014 as amended, for a qualified trust service provider.
        EidasQtsp = "eidas-qtsp",
        /// The same Regulation's Art. 19a, for a provider of trust services that are not
        /// qualified (twenty-seventh review).
        EidasTsp = "eidas-tsp",
        PciDss = "pci-dss",
        /// PCI DSS for a data centre whose customers keep card data systems there: their
        /// physical security is its part (twenty-ninth review).
        PciDssHosting = "pci-dss-hosting",
        /// PCI DSS for a provider whose customers manage their own card systems on servers or
        /// cloud services it shares between them (Appendix A1): keeping them apart is its
        /// part (thirty-third review).
        PciDssMultiTenant = "pci-dss-multi-tenant",
        /// PCI DSS for a platform that serves its merchants' payment pages, a payment provider
        /// taking the card details: the pages are its part (thirty-second review).
        PciDssPaymentPages = "pci-dss-payment-pages",
        /// Good clinical practice for a provider of systems or services that hold clinical
        /// trial data: the sponsors' duties, passed on by contract (thirty-fifth review).
        GcpClinicalTrials = "gcp-clinical-trials",
        /// Professional secrecy of the customers' professions (doctors, lawyers, tax advisers
        /// …), which binds the provider whose staff can see their secrets; in Germany § 203
        /// StGB (thirty-seventh review: an IT support firm for medical and dental practices).
        ProfessionalSecrecy = "professional-secrecy",
        /// Regulation (EU) 2024/1689 for an organisation that offers or uses AI systems: the bans
        /// and AI literacy in force, transparency and the high-risk duties dated (thirty-ninth
        /// review: an EdTech platform).
        AiAct = "ai-act",
        /// TISAX labels that automotive customers require by contract and the organisation does
        /// not hold yet: a contractual requirement with its own assessment to plan, not
        /// evidence to reuse (thirty-ninth review).
        TisaxRequired = "tisax-required",
        Soc2 = "soc2",
        Iso27017 = "iso27017",
        Iso27018 = "iso27018",
        Iso27701 = "iso27701",
        CyberEssentials = "cyber-essentials",
        CsaStar = "csa-star",
        Tisax = "tisax",
    }
}

/// Why and how strongly one Annex A control (ISO/IEC 27001:2022) belongs in a plan.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ControlProfile {
    #[serde(rename = "ref")]
    pub reference: String,
    pub basis: Basis,
    pub weight: Weight,
    /// The justification for inclusion, in our words, specific to the control.
    pub include: Text,
    /// For a legal basis, the law it rests on when no duty the answers name does, in our words.
    pub legal_ground: Option<Text>,
    pub raised_by: Vec<Tag>,
}

/// One control an obligation bears on, with the provision that does.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ObligationControl {
    #[serde(rename = "ref")]
    pub reference: String,
    pub provision: Text,
    pub why: Text,
    /// The provision bears on the control only with these scope facts, each of them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub only_with: Vec<Tag>,
    /// The provision sets a deadline for notifying an authority, customers or the people
    /// affected (GDPR Art. 33, NIS2 Art. 23, DORA Art. 19 …): it applies from the day the law
    /// does, whatever the audit date, so the control's row is planned as High.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub deadline: bool,
}

/// A law, regulation or scheme, with its source and the controls it bears on.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Obligation {
    pub id: ObligationId,
    pub name: Text,
    pub source: Text,
    pub applies_when: Text,
    pub legal_requirements: Text,
    pub controls: Vec<ObligationControl>,
    /// An attestation the organisation holds (evidence to reuse), not a duty it must meet.
    pub attestation: bool,
}

/// Everything the advice data holds.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Advice {
    pub controls: Vec<ControlProfile>,
    pub obligations: Vec<Obligation>,
}

impl Advice {
    pub fn control(&self, reference: &str) -> Option<&ControlProfile> {
        self.controls.iter().find(|c| c.reference == reference)
    }

    pub fn obligation(&self, id: ObligationId) -> &Obligation {
        self.obligations
            .iter()
            .find(|o| o.id == id)
            .expect("validation guarantees every obligation id has data")
    }
}

impl Tag {
    /// A fact that is a law or scheme applying, which also names controls as an obligation.
    pub fn is_obligation(self) -> bool {
        matches!(
            self,
            Tag::Nis2 | Tag::Dora | Tag::PaymentCards | Tag::PersonalData | Tag::Processor
        )
    }
}

impl ObligationId {
    /// Schemes the organisation holds, whose assessed controls are evidence to reuse.
    pub fn is_attestation(self) -> bool {
        use ObligationId as O;
        matches!(
            self,
            O::Soc2
                | O::Iso27017
                | O::Iso27018
                | O::Iso27701
                | O::CyberEssentials
                | O::CsaStar
                | O::Tisax
        )
    }
}
