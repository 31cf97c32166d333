//! Score edits and their undo: what a scoring screen records as the analyst types.

use serde::Serialize;

/// One change to one score: which, what it was and what it became (None = no score).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreEdit {
    pub initiative_id: i64,
    /// The criterion's code.
    pub criterion: String,
    pub old: Option<f64>,
    pub new: Option<f64>,
}

impl ScoreEdit {
    /// The edit that takes this one back.
    #[must_use]
    pub fn inverse(&self) -> Self {
        Self { initiative_id: self.initiative_id, criterion: self.criterion.clone(), old: self.new, new: self.old }
    }

    /// False when the score did not actually change.
    pub fn changed(&self) -> bool {
        self.old != self.new
    }
}

/// Undo and redo for score edits. It only remembers: the caller writes the edit it returns
/// to the store (so the change log shows the undo too) and applies it to its matrix.
#[derive(Debug, Clone, Default)]
pub struct UndoStack {
    done: Vec<ScoreEdit>,
    undone: Vec<ScoreEdit>,
}

impl UndoStack {
    pub fn new() -> Self {
        Self::default()
    }

    /// Remembers an edit that was made; a new edit forgets what was undone.
    pub fn record(&mut self, edit: ScoreEdit) {
        if edit.changed() {
            self.done.push(edit);
            self.undone.clear();
        }
    }

    /// The edit that undoes the latest one, or None when there is nothing to undo.
    pub fn undo(&mut self) -> Option<ScoreEdit> {
        let edit = self.done.pop()?;
        let inverse = edit.inverse();
        self.undone.push(edit);
        Some(inverse)
    }

    /// The edit that redoes the latest undo, or None.
    pub fn redo(&mut self) -> Option<ScoreEdit> {
        let edit = self.undone.pop()?;
        self.done.push(edit.clone());
        Some(edit)
    }

    pub fn can_undo(&self) -> bool {
        !self.done.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.undone.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(old: Option<f64>, new: Option<f64>) -> ScoreEdit {
        ScoreEdit { initiative_id: 1, criterion: "nytte".into(), old, new }
    }

    #[test]
    fn undo_returns_inverses_in_reverse_order_and_redo_replays() {
        let mut stack = UndoStack::new();
        stack.record(edit(None, Some(3.0)));
        stack.record(edit(Some(3.0), Some(3.0)));
        stack.record(edit(Some(3.0), Some(5.0)));
        assert_eq!(stack.undo(), Some(edit(Some(5.0), Some(3.0))));
        assert_eq!(stack.undo(), Some(edit(Some(3.0), None)));
        assert_eq!(stack.undo(), None, "the unchanged edit was never recorded");
        assert_eq!(stack.redo(), Some(edit(None, Some(3.0))));
        stack.record(edit(Some(3.0), Some(1.0)));
        assert!(!stack.can_redo(), "a new edit forgets the undone ones");
        assert!(stack.can_undo());
    }
}
