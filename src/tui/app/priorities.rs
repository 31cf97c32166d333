//! The priority screens' working state between sessions, the selection mode, the duplicate
//! marks of the ranked list, and the saved scenarios: loaded into the screen, or seen beside
//! the current plan.

use super::{
    Action, App, Effect, KeyCode, KeyEvent, LineInput, ListCursor, Overlay, Prioritised, PriorityState, PromptKind,
    Scenario, ScoreMatrix, ScoringState, Screen, i18n,
};
use crate::scoring::describe::plan_error_text;
use crate::scoring::{Duplicates, Locks, Plan, Weights};

/// How many of a scenario's set the comparison lists when it has no frame.
const COMPARED_TOP: usize = 15;

/// One side of a comparison, as the overlay shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Side {
    pub name: String,
    pub mode: crate::scoring::Mode,
    pub frame_nok: Option<i64>,
    /// Its set (the plan's chosen, or its top of the ranking without a frame), as ids.
    pub set: Vec<i64>,
    pub spent_nok: i64,
    pub benefit: f64,
}

/// The saved scenarios overlay: a list, and a comparison of the selected one with now.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ScenarioView {
    pub list: Vec<Scenario>,
    pub cursor: ListCursor,
    pub compared: Option<(Side, Side)>,
}

impl App {
    /// Effects that keep the frame, mode and locks for the next session, then plan again.
    pub(super) fn plan_changed(&mut self) -> Vec<Effect> {
        let Some(scoring) = self.scoring.state.as_mut() else { return Vec::new() };
        let mut effects = vec![Effect::SavePriorityState(scoring.priority_state())];
        effects.extend(scoring.selection_job().map(|job| Effect::Select(Box::new(job))));
        effects
    }

    /// The last session's frame, mode and locks, once the matrix has loaded.
    pub fn restore_priority_state(&mut self, state: &PriorityState) -> Vec<Effect> {
        let Some(scoring) = self.scoring.state.as_mut() else { return Vec::new() };
        scoring.restore(state);
        scoring.selection_job().map(|job| vec![Effect::Select(Box::new(job))]).unwrap_or_default()
    }

    pub(super) fn cycle_mode(&mut self) -> Vec<Effect> {
        let Some(scoring) = self.scoring.state.as_mut().filter(|_| self.screen == Screen::Priorities) else {
            return Vec::new();
        };
        scoring.cycle_mode();
        let mode = crate::scoring::describe::mode_name(scoring.mode, self.lang);
        self.notice = Some((format!("{}: {mode}", self.t(i18n::MODE)), false));
        self.plan_changed()
    }

    /// The duplicate marks from the review queue (open pairs and decisions) into the plan.
    pub fn refresh_plan_duplicates(&mut self) -> Vec<Effect> {
        let Some(scoring) = self.scoring.state.as_mut() else { return Vec::new() };
        let Some(state) = self.duplicates.state.as_ref() else { return Vec::new() };
        let mut decisions = Vec::new();
        let mut open = Vec::new();
        for item in &state.queue.items {
            match &item.decision {
                Some(decision) => decisions.push((item.pair.a, item.pair.b, decision.decision)),
                None => open.push((item.pair.a, item.pair.b)),
            }
        }
        scoring.set_duplicates(Duplicates::new(&scoring.matrix, &decisions, &open));
        scoring.selection_job().map(|job| vec![Effect::Select(Box::new(job))]).unwrap_or_default()
    }

    /// A plan arrived, or failed: the failure in the analyst's words.
    pub fn selection_done(&mut self, generation: u64, result: crate::Result<Prioritised>) {
        let Some(scoring) = self.scoring.state.as_mut() else { return };
        match result {
            Ok(prioritised) => scoring.selection_done(generation, prioritised),
            Err(error) => {
                scoring.selecting = false;
                match &error {
                    crate::Error::Plan(plan) => self.show_error(plan_error_text(plan, self.lang)),
                    _ => self.show_failure(&error),
                }
            }
        }
    }

    pub(super) fn open_scenarios(&mut self) -> Vec<Effect> {
        if self.scoring.state.is_none() {
            return Vec::new();
        }
        self.overlay = Some(Overlay::Scenarios(Box::default()));
        vec![Effect::LoadScenarios]
    }

    pub fn scenarios_loaded(&mut self, list: Vec<Scenario>) {
        if let Some(Overlay::Scenarios(view)) = &mut self.overlay {
            view.list = list;
            view.cursor.set(view.cursor.selected(), view.list.len());
        }
    }

    /// Keys in the scenario overlay: move, `enter` loads, `c` compares with now, `esc` closes
    /// (or leaves the comparison).
    pub(super) fn on_scenarios_key(&mut self, event: KeyEvent) -> Vec<Effect> {
        let Some(Overlay::Scenarios(view)) = &mut self.overlay else { return Vec::new() };
        match event.code {
            KeyCode::Esc if view.compared.is_some() => view.compared = None,
            KeyCode::Esc | KeyCode::Char('q') => self.overlay = None,
            KeyCode::Down | KeyCode::Char('j') => {
                view.cursor.set(view.cursor.selected() + 1, view.list.len());
                view.compared = None;
            }
            KeyCode::Up | KeyCode::Char('k') => {
                view.cursor.set(view.cursor.selected().saturating_sub(1), view.list.len());
                view.compared = None;
            }
            KeyCode::Char('c') => {
                let Some(scenario) = view.list.get(view.cursor.selected()).cloned() else { return Vec::new() };
                match self.compare_with_now(&scenario) {
                    Ok(sides) => {
                        if let Some(Overlay::Scenarios(view)) = &mut self.overlay {
                            view.compared = Some(sides);
                        }
                    }
                    Err(error) => self.show_plan_failure(&error),
                }
            }
            KeyCode::Enter => {
                let Some(scenario) = view.list.get(view.cursor.selected()).cloned() else { return Vec::new() };
                self.overlay = None;
                return self.load_scenario(&scenario);
            }
            _ => {}
        }
        Vec::new()
    }

    fn show_plan_failure(&mut self, error: &crate::Error) {
        match error {
            crate::Error::Plan(plan) => self.show_error(plan_error_text(plan, self.lang)),
            _ => self.show_failure(error),
        }
    }

    /// Makes a saved scenario the working state: its weights (stored), frame, mode and locks.
    pub fn load_scenario(&mut self, scenario: &Scenario) -> Vec<Effect> {
        let Some(scoring) = self.scoring.state.as_mut() else { return Vec::new() };
        let Ok((weights, _)) = scenario.weights_for(&scoring.matrix) else { return Vec::new() };
        if weights.is_zero() {
            return Vec::new();
        }
        scoring.weights = weights;
        scoring.weights_dirty = true;
        scoring.rerank();
        scoring.restore(&PriorityState {
            frame_nok: scenario.budget_nok,
            mode: scenario.mode,
            locked_in: scenario.locked_in.clone(),
            locked_out: scenario.locked_out.clone(),
        });
        self.notice = Some((format!("{}: {}", self.t(i18n::SCENARIO_LOADED), scenario.name), false));
        let mut effects = vec![Effect::SaveWeights];
        effects.extend(self.plan_changed());
        effects
    }

    /// The current plan (or top of the ranking) beside the scenario's, worked out here: a
    /// scenario's plan without the optimised comparison is one pass down its ranking.
    fn compare_with_now(&self, scenario: &Scenario) -> crate::Result<(Side, Side)> {
        let Some(scoring) = self.scoring.state.as_ref() else { return Err(crate::Error::Cancelled) };
        let now = side(
            self.t(i18n::NOW),
            scoring.mode,
            scoring.frame_nok,
            scoring.prioritised.as_ref().map(|p| &p.plan),
            scoring.ranking.rows(),
            &scoring.matrix,
        );
        let (weights, _) = scenario.weights_for(&scoring.matrix)?;
        let ranking = scoring.matrix.rank(&weights);
        let plan = match scenario.budget_nok {
            Some(frame_nok) => Some(plan_for(scoring, scenario, &ranking, &weights, frame_nok)?),
            None => None,
        };
        let other =
            side(&scenario.name, scenario.mode, scenario.budget_nok, plan.as_ref(), ranking.rows(), &scoring.matrix);
        Ok((now, other))
    }
}

fn plan_for(
    scoring: &super::super::scoring::ScoringState,
    scenario: &Scenario,
    ranking: &crate::scoring::Ranking,
    weights: &Weights,
    frame_nok: i64,
) -> crate::Result<Plan> {
    let rows = |ids: &[i64]| ids.iter().filter_map(|id| scoring.matrix.row_of(*id)).collect();
    let locks = Locks { locked_in: rows(&scenario.locked_in), locked_out: rows(&scenario.locked_out) };
    let mut input = scoring.matrix.plan_input(ranking, weights, frame_nok, locks, scenario.mode, &scoring.duplicates);
    input.compare = false;
    Ok(crate::scoring::prioritise(&input)?.plan)
}

fn side(
    name: &str,
    mode: crate::scoring::Mode,
    frame_nok: Option<i64>,
    plan: Option<&Plan>,
    ranked: impl Iterator<Item = usize>,
    matrix: &ScoreMatrix,
) -> Side {
    let rows: Vec<usize> = match plan {
        Some(plan) => plan.chosen.clone(),
        None => ranked.take(COMPARED_TOP).collect(),
    };
    Side {
        name: name.to_string(),
        mode,
        frame_nok,
        set: rows.iter().map(|&r| matrix.row(r).id).collect(),
        spent_nok: plan.map_or(0, |p| p.spent_nok),
        benefit: plan.map_or(0.0, |p| p.benefit),
    }
}

impl App {
    /// An action of the priority screens: weights, frame, locks, mode, scenarios.
    pub(super) fn on_priorities_action(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::WeightUp | Action::WeightDown => {
                let delta = if action == Action::WeightUp { 1.0 } else { -1.0 };
                let on_priorities = self.screen == Screen::Priorities;
                let Some(scoring) = self.scoring.state.as_mut().filter(|_| on_priorities) else { return Vec::new() };
                if !scoring.change_weight(delta) {
                    return Vec::new();
                }
                Self::weights_changed(scoring)
            }
            Action::ResetWeights => {
                let Some(scoring) = self.scoring.state.as_mut() else { return Vec::new() };
                scoring.reset_weights();
                Self::weights_changed(scoring)
            }
            Action::SetBudget => {
                let Some(scoring) = self.scoring.state.as_ref() else { return Vec::new() };
                let current =
                    scoring.frame_nok.map(|nok| format!("{} MNOK", crate::text::format_mnok(nok))).unwrap_or_default();
                self.overlay =
                    Some(Overlay::Prompt { kind: PromptKind::BudgetFrame, input: LineInput::with_text(&current) });
                Vec::new()
            }
            Action::LockIn | Action::LockOut => {
                let on_scores = self.screen == Screen::Scores;
                let Some(scoring) = self.scoring.state.as_mut() else { return Vec::new() };
                let row = if on_scores {
                    scoring.grid_row_at(scoring.grid.selected())
                } else {
                    scoring.row_at(scoring.list.selected())
                };
                let Some(row) = row else { return Vec::new() };
                scoring.toggle_lock(row, action == Action::LockIn);
                self.plan_changed()
            }
            Action::SaveScenario => {
                if self.scoring.state.is_some() {
                    self.overlay =
                        Some(Overlay::Prompt { kind: PromptKind::ScenarioName, input: LineInput::default() });
                }
                Vec::new()
            }
            Action::CycleMode => self.cycle_mode(),
            Action::Scenarios => self.open_scenarios(),
            _ => Vec::new(),
        }
    }

    /// New weights: saved, and the plan chosen again.
    fn weights_changed(scoring: &mut ScoringState) -> Vec<Effect> {
        let mut effects = vec![Effect::SaveWeights];
        effects.extend(scoring.selection_job().map(|job| Effect::Select(Box::new(job))));
        effects
    }
}
