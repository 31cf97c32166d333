//! The priority screens' reads and writes that the event loop runs: scenarios saved and
//! listed, and the working state (frame, mode, locks) kept for the next session.

use super::app::{App, Effect};
use crate::scoring::{Scenario, ScoreMatrix};
use crate::store::Store;

/// The score matrix arrived; the first time, the last session's frame, mode and locks too.
pub(super) fn loaded(matrix: ScoreMatrix, app: &mut App, store: &Store) -> Vec<Effect> {
    let first = app.scoring.is_none();
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

/// Runs a scenario or working-state effect; others are not this module's.
pub(super) fn run(effect: Effect, app: &mut App, store: &Store, analyst: &str) {
    match effect {
        Effect::SavePriorityState(state) => {
            if let Err(error) = store.set_priority_state(&state) {
                app.show_failure(&error);
            }
        }
        Effect::LoadScenarios => match store.scenarios() {
            Ok(list) => app.scenarios_loaded(list),
            Err(error) => app.show_failure(&error),
        },
        Effect::SaveScenario(name) => {
            let Some(scoring) = &app.scoring else { return };
            let state = scoring.priority_state();
            let scenario = Scenario {
                name: name.clone(),
                weights: scoring.weights.to_codes(scoring.matrix.criteria()),
                budget_nok: state.frame_nok,
                resolution_nok: None,
                locked_in: state.locked_in,
                locked_out: state.locked_out,
                saved_at: crate::now(),
                saved_by: analyst.to_string(),
                mode: state.mode,
            };
            match store.save_scenario(&scenario) {
                Ok(()) => app.notice = Some((format!("{}: {name}", app.t(crate::i18n::SCENARIO_SAVED)), false)),
                Err(error) => app.show_failure(&error),
            }
        }
        _ => {}
    }
}
