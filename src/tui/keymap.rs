//! Keys → actions. The defaults are `data/keymap.toml`, compiled in; the user's
//! `keymap.toml` in the config directory replaces the keys of the actions it names.

use super::action::Action;
use crate::error::ConfigProblem;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use toml::Spanned;

pub const DEFAULT_KEYMAP: &str = include_str!("../../data/keymap.toml");

/// A key with its modifiers, normalised so that "G" and shift-g are the same key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl Key {
    pub fn new(code: KeyCode, modifiers: KeyModifiers) -> Self {
        // A character already says whether shift was held; the flag would only get in the way.
        let modifiers = match code {
            KeyCode::Char(_) | KeyCode::BackTab => modifiers - KeyModifiers::SHIFT,
            _ => modifiers,
        };
        Self { code, modifiers }
    }

    pub fn from_event(event: KeyEvent) -> Self {
        Self::new(event.code, event.modifiers)
    }

    /// Reads "j", "G", "ctrl-d", "alt-x", "enter", "pagedown", "f1", "space", …
    pub fn parse(text: &str) -> Option<Self> {
        let mut modifiers = KeyModifiers::NONE;
        let mut rest = text;
        loop {
            let lower = rest.to_ascii_lowercase();
            let prefix = ["ctrl-", "alt-", "shift-"].into_iter().find(|p| lower.starts_with(p) && rest.len() > p.len());
            let Some(prefix) = prefix else { break };
            modifiers |= match prefix {
                "ctrl-" => KeyModifiers::CONTROL,
                "alt-" => KeyModifiers::ALT,
                _ => KeyModifiers::SHIFT,
            };
            rest = &rest[prefix.len()..];
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => {
                if modifiers.contains(KeyModifiers::SHIFT) && c.is_ascii_alphabetic() {
                    KeyCode::Char(c.to_ascii_uppercase())
                } else {
                    KeyCode::Char(c)
                }
            }
            _ => match rest.to_ascii_lowercase().as_str() {
                "enter" | "return" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "tab" => KeyCode::Tab,
                "backtab" => KeyCode::BackTab,
                "space" => KeyCode::Char(' '),
                "backspace" => KeyCode::Backspace,
                "delete" | "del" => KeyCode::Delete,
                "insert" | "ins" => KeyCode::Insert,
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "pageup" => KeyCode::PageUp,
                "pagedown" => KeyCode::PageDown,
                other => {
                    let number: u8 = other.strip_prefix('f')?.parse().ok()?;
                    if !(1..=12).contains(&number) {
                        return None;
                    }
                    KeyCode::F(number)
                }
            },
        };
        Some(Self::new(code, modifiers))
    }

    /// The key as help and hints show it ("ctrl-d", "G", "enter").
    pub fn label(&self) -> String {
        let mut out = String::new();
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            out.push_str("ctrl-");
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            out.push_str("alt-");
        }
        if self.modifiers.contains(KeyModifiers::SHIFT) {
            out.push_str("shift-");
        }
        match self.code {
            KeyCode::Char(' ') => out.push_str("space"),
            KeyCode::Char(c) => out.push(c),
            KeyCode::Enter => out.push_str("enter"),
            KeyCode::Esc => out.push_str("esc"),
            KeyCode::Tab => out.push_str("tab"),
            KeyCode::BackTab => out.push_str("shift-tab"),
            KeyCode::Backspace => out.push_str("backspace"),
            KeyCode::Delete => out.push_str("delete"),
            KeyCode::Insert => out.push_str("insert"),
            KeyCode::Up => out.push('↑'),
            KeyCode::Down => out.push('↓'),
            KeyCode::Left => out.push('←'),
            KeyCode::Right => out.push('→'),
            KeyCode::Home => out.push_str("home"),
            KeyCode::End => out.push_str("end"),
            KeyCode::PageUp => out.push_str("pgup"),
            KeyCode::PageDown => out.push_str("pgdn"),
            KeyCode::F(n) => out.push_str(&format!("f{n}")),
            other => out.push_str(&format!("{other:?}").to_lowercase()),
        }
        out
    }
}

#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: HashMap<Key, Action>,
    keys: BTreeMap<Action, Vec<Key>>,
}

type RawKeymap = BTreeMap<Spanned<String>, Spanned<Vec<Spanned<String>>>>;

impl Keymap {
    /// The default keymap patched by `user_file` when it exists.
    pub fn load(user_file: &Path) -> Result<Self, ConfigProblem> {
        let user = match std::fs::read_to_string(user_file) {
            Ok(text) => Some(text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => {
                return Err(ConfigProblem::Unreadable { file: user_file.display().to_string(), detail: e.to_string() });
            }
        };
        Self::from_texts(user.as_deref().map(|text| (user_file.display().to_string(), text)))
    }

    pub fn defaults() -> Self {
        match Self::from_texts(None) {
            Ok(keymap) => keymap,
            // The built-in keymap is checked by a test; this cannot happen in a release.
            Err(_) => Self { bindings: HashMap::new(), keys: BTreeMap::new() },
        }
    }

    /// The default keymap, patched by `user` = (file name, text).
    pub fn from_texts(user: Option<(String, &str)>) -> Result<Self, ConfigProblem> {
        let mut keys: BTreeMap<Action, (Vec<Key>, String, usize)> = BTreeMap::new();
        let sources = std::iter::once(("built-in data/keymap.toml".to_string(), DEFAULT_KEYMAP)).chain(user);
        for (file, text) in sources {
            let raw: RawKeymap = toml::from_str(text).map_err(|e| ConfigProblem::Unreadable {
                file: file.clone(),
                detail: e.to_string().trim_end().replace('\n', " "),
            })?;
            for (name, list) in raw {
                let line = line_of(text, name.span().start);
                let action = Action::from_name(name.get_ref()).ok_or_else(|| {
                    let known: Vec<&str> = Action::ALL.iter().map(|a| a.name()).collect();
                    let hint = crate::text::closest(name.get_ref(), known, 2);
                    ConfigProblem::UnknownAction { file: file.clone(), line, name: name.get_ref().clone(), hint }
                })?;
                let mut parsed = Vec::new();
                for key in list.get_ref() {
                    let key_line = line_of(text, key.span().start);
                    let parsed_key = Key::parse(key.get_ref()).ok_or_else(|| ConfigProblem::NotAKey {
                        file: file.clone(),
                        line: key_line,
                        key: key.get_ref().clone(),
                    })?;
                    parsed.push(parsed_key);
                }
                keys.insert(action, (parsed, file.clone(), line));
            }
        }
        let mut bindings: HashMap<Key, Action> = HashMap::new();
        for (action, (list, ..)) in &keys {
            for key in list {
                if let Some(other) = bindings.insert(*key, *action) {
                    if other != *action {
                        // Point at the user's line when one of the two is theirs.
                        let (file, line) = [other, *action]
                            .iter()
                            .filter_map(|a| keys.get(a).map(|(_, file, line)| (file.clone(), *line)))
                            .max_by_key(|(file, _)| !file.starts_with("built-in"))
                            .unwrap_or_default();
                        return Err(ConfigProblem::KeyBoundTwice {
                            file,
                            line,
                            key: key.label(),
                            first: other.name().to_string(),
                            second: action.name().to_string(),
                        });
                    }
                }
            }
        }
        Ok(Self { bindings, keys: keys.into_iter().map(|(a, (list, ..))| (a, list)).collect() })
    }

    pub fn action(&self, key: Key) -> Option<Action> {
        self.bindings.get(&key).copied()
    }

    pub fn keys(&self, action: Action) -> &[Key] {
        self.keys.get(&action).map_or(&[], Vec::as_slice)
    }

    /// The first key of an action as a label, or "" when it has none.
    pub fn first_label(&self, action: Action) -> String {
        self.keys(action).first().map(Key::label).unwrap_or_default()
    }
}

fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset).map_or(1, |before| before.matches('\n').count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_keymap_binds_every_action_once() {
        let keymap = Keymap::from_texts(None).expect("default keymap");
        for action in Action::ALL {
            assert!(!keymap.keys(action).is_empty(), "{} has no key", action.name());
        }
        let g = Key::parse("G").expect("G");
        assert_eq!(keymap.action(g), Some(Action::GoBottom));
        let shifted = Key::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(keymap.action(shifted), Some(Action::GoBottom));
        assert_eq!(keymap.action(Key::new(KeyCode::Char('c'), KeyModifiers::CONTROL)), Some(Action::Quit));
    }

    #[test]
    fn keys_parse_and_label() {
        assert_eq!(Key::parse("ctrl-d"), Some(Key::new(KeyCode::Char('d'), KeyModifiers::CONTROL)));
        assert_eq!(Key::parse("shift-g"), Key::parse("G"));
        assert_eq!(Key::parse("f5"), Some(Key::new(KeyCode::F(5), KeyModifiers::NONE)));
        assert_eq!(Key::parse("space").map(|k| k.label()), Some("space".into()));
        assert!(Key::parse("f13").is_none());
        assert!(Key::parse("nonsense").is_none());
    }

    #[test]
    fn the_user_file_patches_and_errors_name_file_and_line() {
        let keymap = Keymap::from_texts(Some(("mine.toml".into(), "search = [\"ctrl-s\"]\n"))).expect("patch");
        assert_eq!(keymap.action(Key::parse("ctrl-s").expect("key")), Some(Action::Search));
        assert_eq!(keymap.action(Key::parse("/").expect("key")), None, "the user's list replaces the default");

        let err =
            Keymap::from_texts(Some(("mine.toml".into(), "\nsearch = [\"j\"]\n"))).expect_err("clash").to_string();
        assert!(err.contains("mine.toml, line 2") && err.contains("'j'"), "{err}");

        let err = Keymap::from_texts(Some(("mine.toml".into(), "# c\n\nserch = [\"x\"]\n")))
            .expect_err("unknown")
            .to_string();
        assert!(err.contains("mine.toml, line 3") && err.contains("did you mean search"), "{err}");

        let err =
            Keymap::from_texts(Some(("mine.toml".into(), "quit = [\"ctrl-\"]\n"))).expect_err("bad key").to_string();
        assert!(err.contains("line 1"), "{err}");
    }
}
