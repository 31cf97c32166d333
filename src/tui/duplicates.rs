//! The duplicate review screen's state: the queue of candidate pairs, which one is shown,
//! and which side of it the detail key opens.

use super::list_cursor::ListCursor;
use crate::dedupe::{DecisionRecord, OwnerRelation, Pair, ReviewItem, ReviewQueue};
use std::collections::HashSet;

/// Which of the two initiatives `enter` opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Side {
    #[default]
    A,
    B,
}

#[derive(Debug)]
pub struct DuplicatesState {
    pub queue: ReviewQueue,
    /// The selected pair, as an index into `queue.items`, and the first pair shown.
    pub cursor: ListCursor,
    pub side: Side,
    /// The descriptions of the pair last shown, read from the store for it: neither the
    /// analysis nor the portfolio on screen keeps descriptions as written.
    texts: Option<PairTexts>,
}

/// Two initiatives' descriptions, by id.
#[derive(Debug)]
struct PairTexts {
    ids: (i64, i64),
    descriptions: [Option<String>; 2],
}

impl DuplicatesState {
    /// A new queue; the cursor starts on the first pair still to review.
    pub fn new(queue: ReviewQueue) -> Self {
        let mut state = Self { queue, cursor: ListCursor::default(), side: Side::A, texts: None };
        state.go(state.next_open(0).unwrap_or(0));
        state
    }

    /// A queue built again (after an import): the cursor stays on its pair when it is
    /// still there.
    pub fn replace(&mut self, queue: ReviewQueue) {
        let selected = self.selected().map(|i| (i.pair.a, i.pair.b));
        let side = self.side;
        *self = Self::new(queue);
        self.side = side;
        if let Some(key) = selected {
            if let Some(index) = self.position(key) {
                self.go(index);
            }
        }
    }

    pub fn selected(&self) -> Option<&ReviewItem> {
        self.queue.items.get(self.cursor.selected())
    }

    /// Selects the pair at `index` (clamped to the queue).
    fn go(&mut self, index: usize) {
        self.cursor.set(index, self.queue.items.len());
    }

    /// The selected pair's ids when its descriptions are not read yet.
    pub fn texts_wanted(&self) -> Option<(i64, i64)> {
        let ids = self.selected().map(|i| (i.pair.a, i.pair.b))?;
        self.texts.as_ref().is_none_or(|t| t.ids != ids).then_some(ids)
    }

    /// The descriptions of the pair `ids` (a, then b), as read from the store.
    pub fn texts_loaded(&mut self, ids: (i64, i64), descriptions: [Option<String>; 2]) {
        self.texts = Some(PairTexts { ids, descriptions });
    }

    /// Forgets the texts read (the database changed, as after an import): the next draw
    /// reads the pair's again.
    pub fn forget_texts(&mut self) {
        self.texts = None;
    }

    /// The description of one initiative of the pair last read; empty when it has none or
    /// is not in that pair.
    pub fn description(&self, id: i64) -> &str {
        let Some(texts) = &self.texts else { return "" };
        let at = if texts.ids.0 == id {
            0
        } else if texts.ids.1 == id {
            1
        } else {
            return "";
        };
        texts.descriptions[at].as_deref().unwrap_or_default()
    }

    fn position(&self, (a, b): (i64, i64)) -> Option<usize> {
        self.queue.items.iter().position(|i| i.pair.a == a && i.pair.b == b)
    }

    /// The first pair without a decision at or after `from`.
    fn next_open(&self, from: usize) -> Option<usize> {
        self.queue.items.iter().skip(from).position(|i| i.decision.is_none()).map(|p| p + from)
    }

    /// Moves the cursor by `delta` pairs, keeping it on a page of `page` rows.
    pub fn move_by(&mut self, delta: isize, page: usize) {
        self.cursor.move_by(delta, self.queue.items.len(), page);
    }

    /// Keeps the cursor inside the list's page of `page` rows.
    pub fn follow(&mut self, page: usize) {
        self.cursor.clamp(self.queue.items.len(), page);
    }

    /// Skips to the next pair still to review after the selected one, wrapping round;
    /// stays put when none is left.
    pub fn skip(&mut self) {
        let after = self.next_open(self.cursor.selected() + 1).or_else(|| self.next_open(0));
        if let Some(index) = after {
            self.go(index);
        }
    }

    /// A decision was stored (or undone): the queue takes it, and after a fresh decision
    /// the cursor moves on to the next pair to review. Returns the decision the pair had.
    pub fn decided(&mut self, pair: Pair, after: Option<DecisionRecord>, move_on: bool) -> Option<DecisionRecord> {
        let key = (pair.a, pair.b);
        let before = self.position(key).and_then(|i| self.queue.items[i].decision.as_deref().cloned());
        self.queue.restore(pair, after);
        match self.position(key) {
            Some(index) if move_on => {
                self.go(index);
                self.skip();
            }
            Some(index) => self.go(index),
            // A "distinct" pair left the list: the next one slid into its place.
            None if move_on => {
                self.go(self.cursor.selected());
                if self.selected().is_some_and(|i| i.decision.is_some()) {
                    self.skip();
                }
            }
            None => self.go(self.cursor.selected()),
        }
        before
    }

    /// Pairs still to review, of them across sectors, and pairs decided.
    pub fn counts(&self) -> (usize, usize, usize) {
        let open = self.queue.open().count();
        let cross = self.queue.open().filter(|i| i.pair.owners == OwnerRelation::CrossSector).count();
        (open, cross, self.queue.items.len() - open)
    }

    /// Initiatives the table marks.
    pub fn flagged(&self) -> HashSet<i64> {
        self.queue.flagged().into_iter().collect()
    }

    /// The pairs an initiative is in, for its detail window.
    pub fn pairs_of(&self, id: i64) -> impl Iterator<Item = &ReviewItem> {
        self.queue.items.iter().filter(move |i| i.pair.involves(id))
    }
}

/// Rows of the screen's pair list, its header included, in a body of `body_height` rows:
/// a third of the screen, the rest for the two initiatives and the reasons.
pub fn list_height(body_height: u16) -> u16 {
    (body_height / 3).clamp(4, 12)
}
