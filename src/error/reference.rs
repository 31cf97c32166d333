//! What is wrong in a reference file (`organisations.toml`, `criteria.toml`, …, or the
//! user's copy of one), as data. The parser's own detail is passed on as it is.

use crate::i18n::Lang;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ReferenceProblem {
    /// The TOML parser's message (line and column included), in English.
    #[error("{0}")]
    Unreadable(String),
    #[error("a life event has an empty code")]
    EmptyLifeEventCode,
    #[error("life event '{0}' is listed twice")]
    LifeEventTwice(String),
    #[error("organisation '{0}' is listed twice")]
    OrganisationTwice(String),
    #[error("agency '{agency}' names unknown ministry '{ministry}'")]
    UnknownMinistry { agency: String, ministry: String },
    #[error("historic '{0}' has no successors")]
    NoSuccessors(String),
    #[error("historic '{historic}' names unknown successor '{successor}'")]
    UnknownSuccessor { historic: String, successor: String },
    #[error("the name '{name}' is given to two organisations (ids {first} and {second})")]
    NameTwice { name: String, first: i64, second: i64 },
    #[error("historic name '{0}' is also a current organisation's name")]
    HistoricNameIsCurrent(String),
    #[error("the name '{0}' is given to two life events")]
    LifeEventNameTwice(String),
    #[error("'{0}' is not a life event code")]
    NotALifeEvent(String),
    #[error("defines no [[criterion]]")]
    NoCriteria,
    #[error("criterion code '{0}' must be lower-case letters a–z, digits, '-' or '_'")]
    BadCode(String),
    #[error("criterion '{0}' is defined twice")]
    CriterionTwice(String),
    #[error("criterion '{0}': scale must be [low, high] with low < high")]
    BadScale(String),
    #[error("criterion '{0}': weight must be a number of 0 or more")]
    BadWeight(String),
    #[error("criterion '{code}': derived_from '{name}' is not one of {}", names.join(", "))]
    BadDerivedFrom { code: String, name: String, names: Vec<&'static str> },
    #[error("criterion '{code}' is derived from {field} and needs `values` for each {field}")]
    NeedsValues { code: String, field: &'static str },
    #[error("criterion '{0}': `values` only apply to phase and risk")]
    ValuesOnlyForPhaseAndRisk(String),
    #[error("criterion '{0}': `values` only apply to derived criteria")]
    ValuesOnlyForDerived(String),
    #[error("criterion '{code}': the value of '{name}' is not a number")]
    ValueNotANumber { code: String, name: String },
    #[error("criterion '{code}': transform '{name}' is not linear or log")]
    BadTransform { code: String, name: String },
    #[error("criterion '{0}': a log scale must start above 0")]
    LogScaleFromZero(String),
    #[error("every weight is 0; give at least one criterion a weight")]
    AllWeightsZero,
}

impl ReferenceProblem {
    /// What is wrong, in `lang`; the parser's detail stays as the parser gave it.
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            Self::Unreadable(detail) => detail.clone(),
            Self::EmptyLifeEventCode => "en livshendelse har tom kode".into(),
            Self::LifeEventTwice(code) => format!("livshendelsen «{code}» står der to ganger"),
            Self::OrganisationTwice(code) => format!("virksomheten «{code}» står der to ganger"),
            Self::UnknownMinistry { agency, ministry } => {
                format!("virksomheten «{agency}» viser til et ukjent departement «{ministry}»")
            }
            Self::NoSuccessors(code) => format!("den nedlagte «{code}» har ingen etterfølgere"),
            Self::UnknownSuccessor { historic, successor } => {
                format!("den nedlagte «{historic}» viser til en ukjent etterfølger «{successor}»")
            }
            Self::NameTwice { name, first, second } => {
                format!("navnet «{name}» er gitt til to virksomheter (id {first} og {second})")
            }
            Self::HistoricNameIsCurrent(name) => {
                format!("det gamle navnet «{name}» er også navnet på en virksomhet som finnes i dag")
            }
            Self::LifeEventNameTwice(name) => format!("navnet «{name}» er gitt til to livshendelser"),
            Self::NotALifeEvent(code) => format!("«{code}» er ikke koden til en livshendelse"),
            Self::NoCriteria => "definerer ingen [[criterion]]".into(),
            Self::BadCode(code) => {
                format!("kriteriekoden «{code}» kan bare ha små bokstaver a–z, sifre, «-» eller «_»")
            }
            Self::CriterionTwice(code) => format!("kriteriet «{code}» er definert to ganger"),
            Self::BadScale(code) => format!("kriteriet «{code}»: skalaen må være [lav, høy] med lav < høy"),
            Self::BadWeight(code) => format!("kriteriet «{code}»: vekten må være et tall fra 0 og oppover"),
            Self::BadDerivedFrom { code, name, names } => {
                format!("kriteriet «{code}»: derived_from «{name}» er ikke en av {}", names.join(", "))
            }
            Self::NeedsValues { code, field } => {
                format!("kriteriet «{code}» regnes ut fra {field} og trenger `values` for hver {field}")
            }
            Self::ValuesOnlyForPhaseAndRisk(code) => {
                format!("kriteriet «{code}»: `values` gjelder bare fase (phase) og risiko (risk)")
            }
            Self::ValuesOnlyForDerived(code) => format!("kriteriet «{code}»: `values` gjelder bare avledede kriterier"),
            Self::ValueNotANumber { code, name } => format!("kriteriet «{code}»: verdien for «{name}» er ikke et tall"),
            Self::BadTransform { code, name } => {
                format!("kriteriet «{code}»: transform «{name}» er verken linear eller log")
            }
            Self::LogScaleFromZero(code) => format!("kriteriet «{code}»: en logaritmisk skala må starte over 0"),
            Self::AllWeightsZero => "alle vektene er 0; gi minst ett kriterium en vekt".into(),
        }
    }
}
