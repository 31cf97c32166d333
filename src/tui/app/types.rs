//! The app's vocabulary: prompts, overlays, effects for the event loop, undo items and
//! the import a job runs.

use super::super::export::OutputJob;
use super::super::input::LineInput;
use super::super::list_cursor::ListCursor;
use super::super::scoring::SelectionJob;
use super::priorities;
use crate::dedupe::{Decision, DecisionRecord, Pair};
use crate::i18n;
use crate::import::Monitor;
use crate::model::{BatchChanges, InitiativeDetail};
use crate::scoring::{PriorityState, ScoreEdit};
use crate::tagging::{Edit, Record};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

/// What a one-line prompt asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    ImportPath,
    BudgetFrame,
    ScenarioName,
    /// A score for the grid's cell (for scales a single key cannot type).
    ScoreValue,
    /// Tag-language edits for the marked rows (or the selected one).
    Tag,
    /// Tag-language edits for every row shown.
    TagShown,
    /// The file to export what the screen shows to.
    ExportPath,
    /// The file to write the brief to.
    BriefPath,
}

impl PromptKind {
    pub fn title(self) -> i18n::Text {
        match self {
            PromptKind::ImportPath => i18n::IMPORT_PROMPT,
            PromptKind::BudgetFrame => i18n::BUDGET_PROMPT,
            PromptKind::ScenarioName => i18n::SCENARIO_PROMPT,
            PromptKind::ScoreValue => i18n::SCORE,
            PromptKind::Tag | PromptKind::TagShown => i18n::TAG_PROMPT,
            PromptKind::ExportPath => i18n::EXPORT_PROMPT,
            PromptKind::BriefPath => i18n::BRIEF_PROMPT,
        }
    }
}

/// Where typed keys go when they are not actions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputMode {
    Normal,
    Search,
    Filter,
}

#[derive(Debug, Clone)]
pub enum Overlay {
    Help {
        scroll: u16,
    },
    Palette {
        input: LineInput,
        selected: ListCursor,
    },
    Detail {
        id: i64,
        detail: Option<Box<InitiativeDetail>>,
        scroll: u16,
    },
    Changes {
        changes: Option<Box<BatchChanges>>,
        scroll: u16,
    },
    Prompt {
        kind: PromptKind,
        input: LineInput,
    },
    /// The import file picker.
    Picker(Box<super::super::picker::Picker>),
    Message {
        title: String,
        lines: Vec<String>,
        error: bool,
        scroll: u16,
    },
    /// How one initiative's total score adds up (a row of the score matrix).
    Explain {
        row: usize,
        scroll: u16,
    },
    /// "Change N initiatives?" before a tagging action on more than one.
    Confirm {
        ids: Vec<i64>,
        edits: Vec<Edit>,
    },
    /// "Replace the file?" before an export or brief overwrites one.
    ConfirmReplace {
        job: Box<OutputJob>,
    },
    /// The saved scenarios: load one, or see it beside the current plan.
    Scenarios(Box<priorities::ScenarioView>),
    /// "Withdraw N of M initiatives?" before an import round that leaves out much of its
    /// source (the import was refused and rolled back; yes runs it again, allowed).
    ConfirmWithdraw {
        request: ImportRequest,
        message: String,
    },
    /// A yes/no question before an action that changes much (undoing an import round,
    /// accepting every suggestion): yes runs `on_yes`.
    Ask {
        title: String,
        lines: Vec<String>,
        on_yes: Vec<Effect>,
    },
    /// samla was unsure which column is which: every column with its values and the field
    /// proposed; the analyst changes what is wrong and confirms, nothing written before.
    ImportPreview {
        request: ImportRequest,
        columns: Vec<crate::error::ColumnGuess>,
        selected: ListCursor,
        message: String,
    },
}

/// What undo can take back: a score, a tagging action or a decision on a pair.
#[derive(Debug, Clone, PartialEq)]
pub enum UndoItem {
    Score(ScoreEdit),
    Tags(Record),
    Pair { pair: Box<Pair>, before: Option<DecisionRecord>, after: Option<DecisionRecord> },
}

/// Work the event loop does for the app.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    LoadDetail(i64),
    LoadChanges(i64),
    /// Import a file.
    StartImport(ImportRequest),
    CancelImport,
    Reload,
    /// Load the score matrix (criteria, scores, derived values) on a worker.
    LoadScoring,
    /// Store the current weights.
    SaveWeights,
    /// Compute the budget selection on a worker.
    Select(Box<SelectionJob>),
    SetScore {
        id: i64,
        code: String,
        value: Option<f64>,
    },
    /// Store an undo or redo of a score edit.
    ApplyScoreEdit(ScoreEdit),
    SaveScenario(String),
    /// Keep the frame, mode and locks for the next session.
    SavePriorityState(PriorityState),
    /// Read the saved scenarios for their overlay.
    LoadScenarios,
    /// Apply tagging edits (groups of initiatives and their edits) as one action.
    ApplyEdits(Vec<(Vec<i64>, Vec<Edit>)>),
    /// Write a tagging record's after states (undo passes the inverse).
    ApplyRecord(Record),
    LoadSuggestions,
    /// Build the duplicate review queue on a worker.
    LoadDuplicates,
    /// Write an export or the brief on a worker.
    Output(Box<OutputJob>),
    /// Store a decision on a pair (None removes it); `remember` keeps it for undo.
    DecidePair {
        pair: Box<Pair>,
        decision: Option<Decision>,
        note: Option<String>,
        remember: bool,
    },
    /// Undo an import round (its batch id) on a worker.
    UndoRound(i64),
    /// Remember that the analyst rejected a suggestion, so it is never offered again.
    RejectSuggestion(crate::suggest::Rejection),
}

/// An import as the analyst asked for it, kept to run it again once they confirm a large
/// withdrawal or correct the columns.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportRequest {
    pub path: PathBuf,
    pub allow_withdraw: bool,
    /// The columns the analyst chose in the preview (they are then sure).
    pub mappings: Vec<(crate::import::Field, String)>,
}

impl ImportRequest {
    pub fn new(path: PathBuf) -> Self {
        Self { path, ..Self::default() }
    }
}

/// A running import.
#[derive(Debug, Clone)]
pub struct Job {
    pub file: String,
    /// The import asked for, to run it again once the analyst confirms.
    pub request: ImportRequest,
    pub monitor: Arc<Monitor>,
    pub started: Instant,
}
