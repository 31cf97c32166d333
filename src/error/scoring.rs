//! Mistakes in scoring, weights and the budget frame, as data: the scoring layer returns
//! them, the user reads them in bokmål or English.

use super::number;
use crate::i18n::Lang;
use crate::text::format_mnok;

/// Something about scores, weights, criteria or an amount that samla cannot use.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ScoringProblem {
    #[error("{value} is outside the scale of criterion '{criterion}' ({min} to {max})")]
    OutsideScale { value: f64, criterion: String, min: f64, max: f64 },
    #[error("a score matrix of {rows} rows and {columns} criteria needs {} values, not {values}", rows * columns)]
    MatrixShape { rows: usize, columns: usize, values: usize },
    #[error("score matrix rows must be in increasing id order")]
    MatrixOrder,
    #[error("there is no criterion number {0}")]
    NoSuchCriterion(usize),
    #[error("there is no row {0} in the score matrix")]
    NoSuchRow(usize),
    /// A derived criterion (from a field such as `phase`) cannot be scored by hand.
    #[error(
        "criterion '{criterion}' is derived from the initiative's {field}; change that field instead of scoring it"
    )]
    Derived { criterion: String, field: &'static str },
    #[error("a weight must be a number of 0 or more, not {0}")]
    NegativeWeight(f64),
    #[error("rank at least one criterion")]
    NothingRanked,
    #[error("a criterion is ranked twice")]
    RankedTwice,
    #[error("{weights} weights do not match {criteria} criteria")]
    WeightsMismatch { weights: usize, criteria: usize },
    #[error("every weight is 0; give at least one criterion a weight")]
    AllWeightsZero,
    #[error("'{0}' is not an amount; write kroner (500000000) or with a unit: 500M, 500 MNOK, 0,5 mrd")]
    NotAnAmount(String),
    #[error("'{0}' is too large an amount")]
    AmountTooLarge(String),
    /// The spread of a sensitivity analysis, as a share (0.2 is 20 %).
    #[error("the spread must be at least 0 % and below 100 %, not {} %", spread * 100.0)]
    Spread { spread: f64 },
    #[error("sensitivity needs at least one run and a top N of at least 1")]
    NoRuns,
}

impl ScoringProblem {
    /// What went wrong, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        let n = |value: f64| number(value, lang);
        match self {
            ScoringProblem::OutsideScale { value, criterion, min, max } => {
                format!("{} er utenfor skalaen til kriteriet «{criterion}» ({} til {})", n(*value), n(*min), n(*max))
            }
            ScoringProblem::MatrixShape { rows, columns, values } => format!(
                "en poengtabell med {rows} rader og {columns} kriterier trenger {} verdier, ikke {values}",
                rows * columns
            ),
            ScoringProblem::MatrixOrder => "radene i poengtabellen må stå i stigende id-rekkefølge".into(),
            ScoringProblem::NoSuchCriterion(column) => format!("det finnes ikke noe kriterium nummer {column}"),
            ScoringProblem::NoSuchRow(row) => format!("poengtabellen har ingen rad {row}"),
            ScoringProblem::Derived { criterion, field } => format!(
                "kriteriet «{criterion}» regnes ut fra tiltakets {}; endre det feltet i stedet for å gi poeng",
                field_nb(field)
            ),
            ScoringProblem::NegativeWeight(weight) => {
                format!("vekten må være et tall fra 0 og oppover, ikke {}", n(*weight))
            }
            ScoringProblem::NothingRanked => "ranger minst ett kriterium".into(),
            ScoringProblem::RankedTwice => "et kriterium er rangert to ganger".into(),
            ScoringProblem::WeightsMismatch { weights, criteria } => {
                format!("{weights} vekter passer ikke til {criteria} kriterier")
            }
            ScoringProblem::AllWeightsZero => "alle vektene er 0; gi minst ett kriterium en vekt".into(),
            ScoringProblem::NotAnAmount(text) => {
                format!("«{text}» er ikke et beløp; skriv kroner (500000000) eller med enhet: 500M, 500 MNOK, 0,5 mrd")
            }
            ScoringProblem::AmountTooLarge(text) => format!("«{text}» er et for stort beløp"),
            ScoringProblem::Spread { spread } => {
                format!("spredningen må være fra 0 % til under 100 %, ikke {} %", n(spread * 100.0))
            }
            ScoringProblem::NoRuns => "følsomhetsanalysen trenger minst én kjøring og en topp på minst 1".into(),
        }
    }
}

/// The field a derived criterion is computed from, as a bokmål noun in the definite form.
fn field_nb(field: &str) -> &str {
    match field {
        "life_events" => "livshendelser",
        "ministries" => "departementer",
        "phase" => "fase",
        "risk" => "risiko",
        "amount_mnok" => "søkte beløp",
        "total_cost_mnok" => "totalkostnad",
        other => other,
    }
}

/// A budget frame and locks that the exact selection cannot meet. Items are positions in
/// the list handed to the selection.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum BudgetProblem {
    #[error("the budget frame cannot be negative")]
    NegativeFrame,
    #[error("the order must list every item once")]
    BadOrder,
    #[error("no item {item} to lock {}", if *locked_in { "in" } else { "out" })]
    NoSuchItem { item: usize, locked_in: bool },
    #[error("item {0} has no requested amount, so it cannot be locked into the frame")]
    LockedWithoutAmount(usize),
    #[error("item {0} is locked both in and out")]
    LockedBoth(usize),
    #[error("the locked-in proposals ask for {locked_nok} NOK, more than the frame of {frame_nok} NOK")]
    LocksExceedFrame { locked_nok: i64, frame_nok: i64 },
    #[error(
        "a frame of {frame_nok} NOK at a resolution of {resolution_nok} NOK is {units} units, more than {max_units}; \
         choose a coarser resolution"
    )]
    TooManyUnits { frame_nok: i64, resolution_nok: i64, units: i64, max_units: i64 },
    #[error(
        "{candidates} proposals over {width} amount units need {mib} MiB to choose exactly; choose a coarser resolution"
    )]
    TooMuchMemory { candidates: usize, width: usize, mib: usize },
}

impl BudgetProblem {
    /// What went wrong, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            BudgetProblem::NegativeFrame => "budsjettrammen kan ikke være negativ".into(),
            BudgetProblem::BadOrder => "rekkefølgen må ta med hvert tiltak nøyaktig én gang".into(),
            BudgetProblem::NoSuchItem { item, locked_in } => {
                format!("det finnes ikke noe tiltak nummer {item} å låse {}", if *locked_in { "inn" } else { "ute" })
            }
            BudgetProblem::LockedWithoutAmount(item) => {
                format!("tiltak nummer {item} har ikke noe søkt beløp og kan derfor ikke låses inn i rammen")
            }
            BudgetProblem::LockedBoth(item) => format!("tiltak nummer {item} er låst både inn og ute"),
            BudgetProblem::LocksExceedFrame { locked_nok, frame_nok } => format!(
                "tiltakene som er låst inn, ber om {} MNOK, mer enn rammen på {} MNOK",
                format_mnok(*locked_nok),
                format_mnok(*frame_nok)
            ),
            BudgetProblem::TooManyUnits { frame_nok, resolution_nok, units, max_units } => format!(
                "en ramme på {} MNOK med en oppløsning på {resolution_nok} kroner gir {units} enheter, flere enn \
                 {max_units}; velg en grovere oppløsning",
                format_mnok(*frame_nok)
            ),
            BudgetProblem::TooMuchMemory { candidates, width, mib } => format!(
                "{candidates} tiltak over {width} beløpsenheter krever {mib} MiB for et eksakt utvalg; velg en grovere \
                 oppløsning"
            ),
        }
    }
}
