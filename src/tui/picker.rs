//! The import file picker: a folder's sub-folders and importable files, filtered as you
//! type; enter opens a folder or chooses a file, backspace on an empty filter goes up, and
//! a typed path (with `/` or `~`) is taken as it is.

use super::input::LineInput;
use super::list_cursor::ListCursor;
use crate::config::Lang;
use crate::import::listing::{DirEntry, importable_entries, matching};
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use std::path::{Path, PathBuf};

/// What a key in the picker leads to.
#[derive(Debug, PartialEq, Eq)]
pub enum Picked {
    Stay,
    Close,
    Import(PathBuf),
}

#[derive(Debug, Clone)]
pub struct Picker {
    pub dir: PathBuf,
    entries: Vec<DirEntry>,
    pub input: LineInput,
    pub cursor: ListCursor,
    /// Why the folder could not be listed, in the UI's language.
    pub error: Option<String>,
}

impl Picker {
    /// The picker on `dir` (made absolute, so going up works from ".").
    pub fn open(dir: &Path, lang: Lang) -> Self {
        let dir = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
        let mut picker =
            Self { dir, entries: Vec::new(), input: LineInput::default(), cursor: ListCursor::default(), error: None };
        picker.load(lang);
        picker
    }

    fn load(&mut self, lang: Lang) {
        match importable_entries(&self.dir) {
            Ok(entries) => (self.entries, self.error) = (entries, None),
            Err(error) => (self.entries, self.error) = (Vec::new(), Some(error.message(lang))),
        }
        self.cursor.reset();
    }

    fn go_to(&mut self, dir: PathBuf, lang: Lang) {
        self.dir = dir;
        self.input.clear();
        self.load(lang);
    }

    /// True when the text typed is a path rather than a filter.
    pub fn typing_path(&self) -> bool {
        let text = self.input.text();
        text.contains('/') || text.starts_with('~')
    }

    /// The entries shown: those matching the filter, with the parent folder first when
    /// nothing is typed.
    pub fn shown(&self) -> Vec<DirEntry> {
        if self.typing_path() {
            return Vec::new();
        }
        let mut shown = Vec::new();
        if let Some(parent) = self.dir.parent().filter(|_| self.input.text().is_empty()) {
            shown.push(DirEntry { name: "..".into(), path: parent.to_path_buf(), is_dir: true });
        }
        shown.extend(matching(&self.entries, self.input.text()).into_iter().cloned());
        shown
    }

    pub fn on_key(&mut self, event: KeyEvent, lang: Lang) -> Picked {
        match event.code {
            KeyCode::Esc => return Picked::Close,
            KeyCode::Down => self.cursor.set(self.cursor.selected() + 1, self.shown().len()),
            KeyCode::Up => self.cursor.set(self.cursor.selected().saturating_sub(1), self.shown().len()),
            KeyCode::Backspace if self.input.text().is_empty() => {
                if let Some(parent) = self.dir.parent().map(Path::to_path_buf) {
                    self.go_to(parent, lang);
                }
            }
            KeyCode::Enter => return self.enter(lang),
            _ => {
                if self.input.edit(event) {
                    self.cursor.reset();
                }
            }
        }
        Picked::Stay
    }

    /// Opens the folder chosen or typed, or picks the file.
    fn enter(&mut self, lang: Lang) -> Picked {
        let path = if self.typing_path() {
            self.dir.join(expand_home(self.input.text().trim()))
        } else if let Some(entry) = self.shown().get(self.cursor.selected()) {
            entry.path.clone()
        } else if self.input.text().trim().is_empty() {
            return Picked::Stay;
        } else {
            // Nothing matches: the name typed, in this folder (the import says what is wrong).
            self.dir.join(self.input.text().trim())
        };
        if path.is_dir() {
            self.go_to(path, lang);
            return Picked::Stay;
        }
        Picked::Import(path)
    }
}

/// `~/…` as the home folder's path.
pub fn expand_home(path: &str) -> PathBuf {
    if let Some(rest) = path.strip_prefix("~/") {
        if let Some(home) = std::env::var_os("HOME") {
            return PathBuf::from(home).join(rest);
        }
    }
    PathBuf::from(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyModifiers;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn typed(picker: &mut Picker, text: &str) {
        for c in text.chars() {
            picker.on_key(key(KeyCode::Char(c)), Lang::Nb);
        }
    }

    #[test]
    fn filters_opens_folders_goes_up_and_picks_a_file() {
        let root = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir(root.path().join("runder")).expect("dir");
        std::fs::write(root.path().join("runder/bygg.csv"), "x").expect("write");
        std::fs::write(root.path().join("runder/notat.pdf"), "x").expect("write");
        std::fs::write(root.path().join("helse.xlsx"), "x").expect("write");
        let mut picker = Picker::open(root.path(), Lang::Nb);
        let names = |p: &Picker| p.shown().into_iter().map(|e| e.name).collect::<Vec<_>>();
        assert_eq!(names(&picker), ["..", "runder", "helse.xlsx"]);
        typed(&mut picker, "run");
        assert_eq!(names(&picker), ["runder"]);
        assert_eq!(picker.on_key(key(KeyCode::Enter), Lang::Nb), Picked::Stay);
        assert!(picker.dir.ends_with("runder") && picker.input.text().is_empty());
        assert_eq!(names(&picker), ["..", "bygg.csv"], "only importable files");
        picker.on_key(key(KeyCode::Backspace), Lang::Nb);
        assert_eq!(picker.dir, std::path::absolute(root.path()).expect("absolute"));
        typed(&mut picker, "HEL");
        assert_eq!(picker.on_key(key(KeyCode::Enter), Lang::Nb), Picked::Import(picker.dir.join("helse.xlsx")));
        let mut by_path = Picker::open(root.path(), Lang::Nb);
        typed(&mut by_path, "runder/bygg.csv");
        assert!(by_path.shown().is_empty());
        let outcome = by_path.on_key(key(KeyCode::Enter), Lang::Nb);
        assert_eq!(outcome, Picked::Import(by_path.dir.join("runder/bygg.csv")));
        assert_eq!(by_path.on_key(key(KeyCode::Esc), Lang::Nb), Picked::Close);
    }

    #[test]
    fn a_folder_that_cannot_be_read_is_said_in_norwegian() {
        let root = tempfile::tempdir().expect("temp dir");
        let picker = Picker::open(&root.path().join("borte"), Lang::Nb);
        assert!(picker.error.as_deref().is_some_and(|e| e.contains("finnes ikke")), "{:?}", picker.error);
    }
}
