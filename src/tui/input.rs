//! A one-line text input: the search bar, the filter bar, prompts and the palette.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineInput {
    text: String,
    /// Cursor position in characters.
    cursor: usize,
}

impl LineInput {
    pub fn with_text(text: &str) -> Self {
        Self { text: text.to_string(), cursor: text.chars().count() }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn set(&mut self, text: &str) {
        *self = Self::with_text(text);
    }

    pub fn clear(&mut self) {
        *self = Self::default();
    }

    fn byte_at(&self, chars: usize) -> usize {
        self.text.char_indices().nth(chars).map_or(self.text.len(), |(i, _)| i)
    }

    /// Applies an editing key; false when the key is not an editing key.
    pub fn edit(&mut self, key: KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Char('u') if ctrl => {
                let at = self.byte_at(self.cursor);
                self.text.replace_range(..at, "");
                self.cursor = 0;
            }
            KeyCode::Char('w') if ctrl => {
                let at = self.byte_at(self.cursor);
                let before = &self.text[..at];
                let trimmed = before.trim_end();
                let start = trimmed.rfind(' ').map_or(0, |i| i + 1);
                let removed = self.text[start..at].chars().count();
                self.text.replace_range(start..at, "");
                self.cursor -= removed;
            }
            KeyCode::Char('a') if ctrl => self.cursor = 0,
            KeyCode::Char('e') if ctrl => self.cursor = self.text.chars().count(),
            KeyCode::Char(c) if !ctrl && !c.is_control() => {
                let at = self.byte_at(self.cursor);
                self.text.insert(at, c);
                self.cursor += 1;
            }
            KeyCode::Backspace => {
                if self.cursor > 0 {
                    let start = self.byte_at(self.cursor - 1);
                    let end = self.byte_at(self.cursor);
                    self.text.replace_range(start..end, "");
                    self.cursor -= 1;
                }
            }
            KeyCode::Delete => {
                if self.cursor < self.text.chars().count() {
                    let start = self.byte_at(self.cursor);
                    let end = self.byte_at(self.cursor + 1);
                    self.text.replace_range(start..end, "");
                }
            }
            KeyCode::Left => self.cursor = self.cursor.saturating_sub(1),
            KeyCode::Right => self.cursor = (self.cursor + 1).min(self.text.chars().count()),
            KeyCode::Home => self.cursor = 0,
            KeyCode::End => self.cursor = self.text.chars().count(),
            _ => return false,
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn edits_like_a_shell_line() {
        let mut input = LineInput::default();
        for c in "døds bo".chars() {
            assert!(input.edit(key(KeyCode::Char(c))));
        }
        assert_eq!(input.text(), "døds bo");
        input.edit(key(KeyCode::Left));
        input.edit(key(KeyCode::Backspace));
        assert_eq!(input.text(), "døds o");
        input.edit(key(KeyCode::Home));
        input.edit(key(KeyCode::Delete));
        assert_eq!(input.text(), "øds o");
        input.edit(key(KeyCode::End));
        input.edit(KeyEvent::new(KeyCode::Char('w'), KeyModifiers::CONTROL));
        assert_eq!(input.text(), "øds ");
        input.edit(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
        assert_eq!(input.text(), "");
        assert!(!input.edit(key(KeyCode::Enter)));
    }
}
