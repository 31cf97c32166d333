//! The one cursor every list of the terminal UI keeps: which row is selected and which row
//! the list shows first. It clamps itself, so no screen does its own arithmetic on row
//! numbers, and the draw asks it for the rows that fit (csvlens's `view.rs` and bottom's
//! data table state do the same job).

use std::ops::Range;

/// A selected row and the first row shown, in a list whose length and page height the
/// caller says at each move (lists grow and shrink, terminals resize).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListCursor {
    selected: usize,
    offset: usize,
}

impl ListCursor {
    /// The selected row (0 in an empty list).
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// Moves by `delta` rows (negative: up), stopping at the ends, and scrolls so the
    /// selection stays on a page of `page` rows.
    pub fn move_by(&mut self, delta: isize, len: usize, page: usize) {
        let target = self.selected.saturating_add_signed(delta);
        self.select(target, len, page);
    }

    /// Selects `index` (clamped to the list) and scrolls it into view.
    pub fn select(&mut self, index: usize, len: usize, page: usize) {
        self.selected = index.min(len.saturating_sub(1));
        self.offset = self.window(len, page).start;
    }

    /// Selects `index` (clamped to the list) where the page height is not known (a jump made
    /// by the state, not a key): the draw's window shows it, and the next move scrolls from
    /// there.
    pub fn set(&mut self, index: usize, len: usize) {
        self.selected = index.min(len.saturating_sub(1));
    }

    /// Keeps the selection inside a list that may have shrunk, and in view.
    pub fn clamp(&mut self, len: usize, page: usize) {
        self.select(self.selected, len, page);
    }

    /// Back to the first row.
    pub fn reset(&mut self) {
        *self = Self::default();
    }

    /// The rows to show on a page of `page` rows: from the remembered first row, moved only
    /// as far as needed to show the selection and to fill the page.
    pub fn window(&self, len: usize, page: usize) -> Range<usize> {
        let page = page.max(1);
        let selected = self.selected.min(len.saturating_sub(1));
        let mut first = self.offset.min(len.saturating_sub(page));
        if selected < first {
            first = selected;
        } else if selected >= first + page {
            first = selected + 1 - page;
        }
        first..(first + page).min(len)
    }

    /// The items on a page of `page` rows, each with its place in the list and whether it
    /// is the selected one: what every list's draw goes through.
    pub fn visible<'a, T>(&self, items: &'a [T], page: usize) -> impl Iterator<Item = (usize, &'a T, bool)> + 'a {
        let window = self.window(items.len(), page);
        let selected = self.selected.min(items.len().saturating_sub(1));
        let first = window.start;
        items[window].iter().enumerate().map(move |(offset, item)| (first + offset, item, first + offset == selected))
    }

    /// The list row drawn on screen row `row` of the page (for mouse clicks).
    pub fn row_at(&self, row: usize, len: usize, page: usize) -> Option<usize> {
        let index = self.window(len, page).start + row;
        (index < len).then_some(index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn moving_stops_at_both_ends_and_scrolls_one_page_at_a_time() {
        let mut cursor = ListCursor::default();
        cursor.move_by(-3, 10, 4);
        assert_eq!((cursor.selected(), cursor.window(10, 4)), (0, 0..4));
        cursor.move_by(5, 10, 4);
        assert_eq!((cursor.selected(), cursor.window(10, 4)), (5, 2..6));
        cursor.move_by(isize::MAX, 10, 4);
        assert_eq!((cursor.selected(), cursor.window(10, 4)), (9, 6..10));
        cursor.move_by(-4, 10, 4);
        assert_eq!((cursor.selected(), cursor.window(10, 4)), (5, 5..9), "scrolls up only as far as needed");
        assert_eq!(cursor.row_at(1, 10, 4), Some(6));
        let items: Vec<char> = "abcdefghij".chars().collect();
        let shown: Vec<(usize, char, bool)> = cursor.visible(&items, 4).map(|(i, c, s)| (i, *c, s)).collect();
        assert_eq!(shown, [(5, 'f', true), (6, 'g', false), (7, 'h', false), (8, 'i', false)]);
        assert_eq!(cursor.row_at(7, 10, 4), None);
    }

    #[test]
    fn a_shrinking_list_pulls_the_selection_and_the_page_back() {
        let mut cursor = ListCursor::default();
        cursor.select(90, 100, 10);
        cursor.clamp(5, 10);
        assert_eq!((cursor.selected(), cursor.window(5, 10)), (4, 0..5));
        cursor.clamp(0, 10);
        assert_eq!((cursor.selected(), cursor.window(0, 10)), (0, 0..0));
    }

    proptest! {
        /// Whatever the moves, lengths and page heights, the selection is in the list and
        /// on the page, and the page is as full as the list allows.
        #[test]
        fn the_selection_is_always_shown(moves in prop::collection::vec((-50isize..50, 0usize..60, 1usize..20), 1..40)) {
            let mut cursor = ListCursor::default();
            for (delta, len, page) in moves {
                cursor.move_by(delta, len, page);
                let window = cursor.window(len, page);
                prop_assert!(window.end <= len);
                prop_assert_eq!(window.len(), page.min(len));
                if len > 0 {
                    prop_assert!(cursor.selected() < len);
                    prop_assert!(window.contains(&cursor.selected()));
                }
            }
        }
    }
}
