//! The TUI's screens, in the order of their number keys.

use crate::i18n;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Initiatives,
    Sources,
    Priorities,
    Scores,
    Portfolio,
    Suggestions,
    Matrix,
    Duplicates,
}

impl Screen {
    pub const ALL: [Screen; 8] = [
        Screen::Initiatives,
        Screen::Sources,
        Screen::Priorities,
        Screen::Scores,
        Screen::Portfolio,
        Screen::Suggestions,
        Screen::Matrix,
        Screen::Duplicates,
    ];

    pub fn title(self) -> i18n::Text {
        match self {
            Screen::Initiatives => i18n::SCREEN_INITIATIVES,
            Screen::Sources => i18n::SCREEN_SOURCES,
            Screen::Priorities => i18n::SCREEN_PRIORITIES,
            Screen::Scores => i18n::SCREEN_SCORES,
            Screen::Portfolio => i18n::SCREEN_PORTFOLIO,
            Screen::Suggestions => i18n::SCREEN_SUGGESTIONS,
            Screen::Matrix => i18n::SCREEN_MATRIX,
            Screen::Duplicates => i18n::SCREEN_DUPLICATES,
        }
    }

    /// Screens that need the score matrix.
    pub fn needs_scoring(self) -> bool {
        matches!(self, Screen::Priorities | Screen::Scores | Screen::Portfolio)
    }
}
