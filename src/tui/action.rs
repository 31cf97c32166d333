//! Every action the TUI can take, by one stable snake_case name. The keymap maps keys to
//! actions; the help screen, the status-bar hints and the command palette are made from
//! this list, so none of them can drift from what the keys do.

use crate::i18n::{self, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Action {
    Quit,
    Back,
    MoveDown,
    MoveUp,
    PageDown,
    PageUp,
    HalfPageDown,
    HalfPageUp,
    GoTop,
    GoBottom,
    Search,
    Filter,
    ClearFilter,
    SortNext,
    SortReverse,
    ToggleMark,
    MarkAll,
    ClearMarks,
    OpenDetail,
    ToggleWithdrawn,
    NextScreen,
    PrevScreen,
    ScreenInitiatives,
    ScreenSources,
    ImportFile,
    Reload,
    Help,
    Palette,
    FocusLeft,
    FocusRight,
    WeightUp,
    WeightDown,
    ResetWeights,
    SetBudget,
    LockIn,
    LockOut,
    Undo,
    Redo,
    ScreenPriorities,
    ScreenScores,
    ScreenPortfolio,
    SaveScenario,
    Tag,
    TagShown,
    ScreenSuggestions,
    ScreenMatrix,
    Accept,
    Reject,
    AcceptAll,
}

impl Action {
    /// Every action, in the order help lists them.
    pub const ALL: [Action; 49] = [
        Action::Search,
        Action::Filter,
        Action::ClearFilter,
        Action::SortNext,
        Action::SortReverse,
        Action::OpenDetail,
        Action::ToggleMark,
        Action::MarkAll,
        Action::ClearMarks,
        Action::ToggleWithdrawn,
        Action::Tag,
        Action::TagShown,
        Action::MoveDown,
        Action::MoveUp,
        Action::PageDown,
        Action::PageUp,
        Action::HalfPageDown,
        Action::HalfPageUp,
        Action::GoTop,
        Action::GoBottom,
        Action::NextScreen,
        Action::PrevScreen,
        Action::ScreenInitiatives,
        Action::ScreenSources,
        Action::ScreenPriorities,
        Action::ScreenScores,
        Action::ScreenPortfolio,
        Action::ScreenSuggestions,
        Action::ScreenMatrix,
        Action::Accept,
        Action::Reject,
        Action::AcceptAll,
        Action::FocusLeft,
        Action::FocusRight,
        Action::WeightUp,
        Action::WeightDown,
        Action::ResetWeights,
        Action::SetBudget,
        Action::LockIn,
        Action::LockOut,
        Action::Undo,
        Action::Redo,
        Action::SaveScenario,
        Action::ImportFile,
        Action::Reload,
        Action::Palette,
        Action::Help,
        Action::Back,
        Action::Quit,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Action::Quit => "quit",
            Action::Back => "back",
            Action::MoveDown => "move_down",
            Action::MoveUp => "move_up",
            Action::PageDown => "page_down",
            Action::PageUp => "page_up",
            Action::HalfPageDown => "half_page_down",
            Action::HalfPageUp => "half_page_up",
            Action::GoTop => "go_top",
            Action::GoBottom => "go_bottom",
            Action::Search => "search",
            Action::Filter => "filter",
            Action::ClearFilter => "clear_filter",
            Action::SortNext => "sort_next",
            Action::SortReverse => "sort_reverse",
            Action::ToggleMark => "toggle_mark",
            Action::MarkAll => "mark_all",
            Action::ClearMarks => "clear_marks",
            Action::OpenDetail => "open_detail",
            Action::ToggleWithdrawn => "toggle_withdrawn",
            Action::NextScreen => "next_screen",
            Action::PrevScreen => "prev_screen",
            Action::ScreenInitiatives => "screen_initiatives",
            Action::ScreenSources => "screen_sources",
            Action::ImportFile => "import_file",
            Action::Reload => "reload",
            Action::Help => "help",
            Action::Palette => "palette",
            Action::FocusLeft => "focus_left",
            Action::FocusRight => "focus_right",
            Action::WeightUp => "weight_up",
            Action::WeightDown => "weight_down",
            Action::ResetWeights => "reset_weights",
            Action::SetBudget => "set_budget",
            Action::LockIn => "lock_in",
            Action::LockOut => "lock_out",
            Action::Undo => "undo",
            Action::Redo => "redo",
            Action::ScreenPriorities => "screen_priorities",
            Action::ScreenScores => "screen_scores",
            Action::ScreenPortfolio => "screen_portfolio",
            Action::SaveScenario => "save_scenario",
            Action::Tag => "tag",
            Action::TagShown => "tag_shown",
            Action::ScreenSuggestions => "screen_suggestions",
            Action::ScreenMatrix => "screen_matrix",
            Action::Accept => "accept",
            Action::Reject => "reject",
            Action::AcceptAll => "accept_all",
        }
    }

    pub fn from_name(name: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.name() == name)
    }

    /// What the action does, for help and the palette.
    pub fn description(self) -> Text {
        match self {
            Action::Quit => i18n::ACT_QUIT,
            Action::Back => i18n::ACT_BACK,
            Action::MoveDown => i18n::ACT_MOVE_DOWN,
            Action::MoveUp => i18n::ACT_MOVE_UP,
            Action::PageDown => i18n::ACT_PAGE_DOWN,
            Action::PageUp => i18n::ACT_PAGE_UP,
            Action::HalfPageDown => i18n::ACT_HALF_PAGE_DOWN,
            Action::HalfPageUp => i18n::ACT_HALF_PAGE_UP,
            Action::GoTop => i18n::ACT_GO_TOP,
            Action::GoBottom => i18n::ACT_GO_BOTTOM,
            Action::Search => i18n::ACT_SEARCH,
            Action::Filter => i18n::ACT_FILTER,
            Action::ClearFilter => i18n::ACT_CLEAR_FILTER,
            Action::SortNext => i18n::ACT_SORT_NEXT,
            Action::SortReverse => i18n::ACT_SORT_REVERSE,
            Action::ToggleMark => i18n::ACT_TOGGLE_MARK,
            Action::MarkAll => i18n::ACT_MARK_ALL,
            Action::ClearMarks => i18n::ACT_CLEAR_MARKS,
            Action::OpenDetail => i18n::ACT_OPEN_DETAIL,
            Action::ToggleWithdrawn => i18n::ACT_TOGGLE_WITHDRAWN,
            Action::NextScreen => i18n::ACT_NEXT_SCREEN,
            Action::PrevScreen => i18n::ACT_PREV_SCREEN,
            Action::ScreenInitiatives => i18n::ACT_SCREEN_INITIATIVES,
            Action::ScreenSources => i18n::ACT_SCREEN_SOURCES,
            Action::ImportFile => i18n::ACT_IMPORT_FILE,
            Action::Reload => i18n::ACT_RELOAD,
            Action::Help => i18n::ACT_HELP,
            Action::Palette => i18n::ACT_PALETTE,
            Action::FocusLeft => i18n::ACT_FOCUS_LEFT,
            Action::FocusRight => i18n::ACT_FOCUS_RIGHT,
            Action::WeightUp => i18n::ACT_WEIGHT_UP,
            Action::WeightDown => i18n::ACT_WEIGHT_DOWN,
            Action::ResetWeights => i18n::ACT_RESET_WEIGHTS,
            Action::SetBudget => i18n::ACT_SET_BUDGET,
            Action::LockIn => i18n::ACT_LOCK_IN,
            Action::LockOut => i18n::ACT_LOCK_OUT,
            Action::Undo => i18n::ACT_UNDO,
            Action::Redo => i18n::ACT_REDO,
            Action::ScreenPriorities => i18n::ACT_SCREEN_PRIORITIES,
            Action::ScreenScores => i18n::ACT_SCREEN_SCORES,
            Action::ScreenPortfolio => i18n::ACT_SCREEN_PORTFOLIO,
            Action::SaveScenario => i18n::ACT_SAVE_SCENARIO,
            Action::Tag => i18n::ACT_TAG,
            Action::TagShown => i18n::ACT_TAG_SHOWN,
            Action::ScreenSuggestions => i18n::ACT_SCREEN_SUGGESTIONS,
            Action::ScreenMatrix => i18n::ACT_SCREEN_MATRIX,
            Action::Accept => i18n::ACT_ACCEPT,
            Action::Reject => i18n::ACT_REJECT,
            Action::AcceptAll => i18n::ACT_ACCEPT_ALL,
        }
    }

    /// The short word the status bar shows beside the action's key, for the few actions
    /// worth a hint there.
    pub fn hint(self) -> Option<Text> {
        Some(match self {
            Action::Search => i18n::HINT_SEARCH,
            Action::Filter => i18n::HINT_FILTER,
            Action::SortNext => i18n::HINT_SORT,
            Action::ToggleMark => i18n::HINT_MARK,
            Action::OpenDetail => i18n::HINT_DETAIL,
            Action::ImportFile => i18n::HINT_IMPORT,
            Action::Tag => i18n::HINT_TAG,
            Action::Help => i18n::HINT_HELP,
            Action::Quit => i18n::HINT_QUIT,
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_round_trip() {
        let mut names: Vec<&str> = Action::ALL.iter().map(|a| a.name()).collect();
        for action in Action::ALL {
            assert_eq!(Action::from_name(action.name()), Some(action));
        }
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Action::ALL.len());
    }
}
