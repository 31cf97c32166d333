//! The score matrix arriving on the priority screens, with the last session's working state
//! (frame, mode, locks) read back the first time.

use super::app::{App, Effect};
use crate::scoring::ScoreMatrix;
use crate::store::Store;

/// The score matrix arrived; the first time, the last session's frame, mode and locks too.
pub(super) fn loaded(matrix: ScoreMatrix, app: &mut App, store: &Store) -> Vec<Effect> {
    let first = app.scoring.state.is_none();
    let mut effects = app.scoring_loaded(matrix);
    if first {
        match store.priority_state() {
            Ok(Some(state)) => effects.extend(app.restore_priority_state(&state)),
            Ok(None) => {}
            Err(error) => app.show_failure(&error),
        }
    }
    effects
}
