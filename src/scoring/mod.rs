//! Scoring and prioritisation, pure: no SQL, no screens.
//!
//! The flow a screen or a command follows:
//! 1. criteria and weights ([`Criteria`], [`Weights`]) from the store;
//! 2. a [`ScoreMatrix`] of every active initiative: derived criteria computed from the
//!    initiative's fields, manual ones from the store, everything normalised to 0..1 once;
//! 3. [`ScoreMatrix::rank`] for a weighted total and an order (re-run on every weight change;
//!    [`Ranking::movement`] says who moved), [`ScoreMatrix::explain`] for one total's parts;
//! 4. [`ScoreMatrix::prioritise`] for a budget frame: filled in rank order by default, with
//!    a reason for every initiative left out, beside the exact set with the most benefit
//!    ([`plan`], [`optimise`]); [`sensitivity`] for how stable the top is, [`portfolio`] for
//!    the charts, [`Scenario`] to save and compare.
//!
//! Missing scores follow one rule, [`MISSING_NORMALISED`]: the middle of the scale, and the
//! initiative is flagged incomplete.

pub mod amount;
pub mod benefit;
pub mod budget;
pub mod criteria;
pub mod derive;
pub mod describe;
pub mod duplicates;
pub mod edit;
pub mod listing;
pub mod matrix;
pub mod normalise;
pub mod optimise;
pub mod plan;
pub mod portfolio;
pub mod ranking;
pub mod scenario;
pub mod sensitivity;
pub mod weights;

pub use amount::parse_nok;
pub use benefit::Coverage;
pub use budget::{BudgetItem, CurvePoint, DEFAULT_RESOLUTION_NOK, Frame, Greedy, Missed, Selection, select};
pub use criteria::{Criteria, CriteriaFile, Criterion, DerivedField, Transform};
pub use derive::Candidate;
pub use duplicates::{DuplicateKind, DuplicateMark, Duplicates};
pub use edit::{ScoreEdit, UndoStack};
pub use listing::{CriterionScore, Given, ListSource, ListedRow, rounded_parts};
pub use matrix::ScoreMatrix;
pub use normalise::MISSING_NORMALISED;
pub use optimise::{CURVE_PERCENTS, FrameStep, PlanInput, Prioritised, Swap, prioritise, value_for_money_order};
pub use plan::{Locks, Mode, Plan, PlanError, PlanItem, Reason, fill};
pub use ranking::{Contribution, Explanation, Move, Movement, Ranking};
pub use scenario::{Comparison, Outcome, PriorityState, Scenario, compare};
pub use sensitivity::{Flip, Sensitivity, SensitivityOptions, Stability, flip_threshold, sensitivity};
pub use weights::Weights;
