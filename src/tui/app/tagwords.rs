//! Tagging said in words on the screen: life events by name, an owner that moves
//! initiatives to another ministry said so.

use super::{App, Edit, Lang};

impl App {
    /// `edits` for the initiatives `ids`, as the confirmation and the notice say them.
    pub fn edits_in_words(&self, ids: &[i64], edits: &[Edit]) -> String {
        let name =
            |code: &str| {
                self.portfolio.life_events.iter().find(|e| e.code == code).map_or(code.to_string(), |e| {
                    if self.lang == Lang::En { e.name_en.clone() } else { e.name_nb.clone() }
                })
            };
        let words: Vec<String> = edits
            .iter()
            .map(|edit| {
                let moves = match edit {
                    Edit::SetOwner { agency: Some(_), ministries } => {
                        ministries.first().is_some_and(|lead| self.some_lead_ministry_is_not(ids, lead))
                    }
                    _ => false,
                };
                crate::tagging::edit_in_words(edit, self.lang, &name, moves)
            })
            .collect();
        crate::text::display_line(&words.join("; ")).into_owned()
    }

    /// After sorting: the first row selected and shown at the top.
    pub(super) fn show_top(&mut self) {
        self.initiatives.cursor.reset();
    }

    /// True when one of `ids` has a lead ministry other than `lead` (or none).
    fn some_lead_ministry_is_not(&self, ids: &[i64], lead: &str) -> bool {
        ids.iter().any(|id| {
            let row = self.portfolio.position(*id).and_then(|i| self.portfolio.rows.get(i));
            row.is_none_or(|row| self.portfolio.ministry_codes(row).next() != Some(lead))
        })
    }
}
