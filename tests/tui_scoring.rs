//! The prioritisation screens without a terminal: weights, budget frame, locks, score grid.

mod common;

use common::tui::{app, demo, screen};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use samla::config::Lang;
use samla::store::Store;
use samla::tui::app::{App, Effect, Overlay, Screen};
use samla::tui::theme::Theme;

fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

fn press(app: &mut App, keys: &str) -> Vec<Effect> {
    keys.chars().flat_map(|c| app.on_key(key(c))).collect()
}

/// Runs what the event loop would, against the store, until nothing is left to do.
fn run(app: &mut App, store: &mut Store, effects: Vec<Effect>) {
    let mut queue = effects;
    while let Some(effect) = queue.pop() {
        match effect {
            Effect::LoadScoring => queue.extend(app.scoring_loaded(store.score_matrix().expect("matrix"))),
            Effect::Select(job) => app.selection_done(job.generation, samla::scoring::prioritise(&job.input)),
            Effect::SaveWeights => {
                let scoring = app.scoring.state.as_ref().expect("scoring");
                store.set_weights(scoring.matrix.criteria(), &scoring.weights, "test").expect("weights");
            }
            Effect::SetScore { id, code, value } => {
                let edit = store.set_score(id, &code, value, "test").expect("score");
                queue.extend(app.score_stored(edit, true));
            }
            Effect::ApplyScoreEdit(edit) => {
                let stored = store.apply_score_edit(&edit, "test").expect("undo");
                queue.extend(app.score_stored(stored, false));
            }
            Effect::SavePriorityState(state) => store.set_priority_state(&state).expect("state"),
            Effect::LoadScenarios => app.scenarios_loaded(store.scenarios().expect("scenarios")),
            other => panic!("unexpected effect {other:?}"),
        }
    }
}

#[test]
fn weights_move_the_ranking_and_are_stored() {
    let mut demo = demo(Lang::Nb);
    let mut app = app(&demo, 120, 40);
    let effects = press(&mut app, "3");
    assert_eq!(effects, vec![Effect::LoadScoring]);
    assert_eq!(app.screen, Screen::Priorities);
    run(&mut app, &mut demo.store, effects);
    let before = app.scoring.state.as_ref().expect("scoring").ranking.order.clone();
    // Second criterion (user effect, derived from life events) up by 10.
    let mut effects = press(&mut app, "j");
    for _ in 0..10 {
        effects.extend(press(&mut app, "+"));
    }
    assert!(effects.contains(&Effect::SaveWeights));
    run(&mut app, &mut demo.store, effects);
    let scoring = app.scoring.state.as_ref().expect("scoring");
    assert_ne!(scoring.ranking.order, before, "the ranking reacts");
    assert!((0..scoring.matrix.len()).any(|row| scoring.gained(row) != 0), "who moved is known");
    let stored = demo.store.criteria().expect("criteria");
    assert_eq!(stored.list[1].weight, scoring.weights.get(1), "the weight is saved");
    // = brings the defaults back.
    let effects = press(&mut app, "=");
    run(&mut app, &mut demo.store, effects);
    assert_eq!(app.scoring.state.as_ref().expect("scoring").ranking.order, before);
}

#[test]
fn a_budget_frame_chooses_a_set_and_locks_hold() {
    let mut demo = demo(Lang::Nb);
    let mut app = app(&demo, 120, 40);
    let effects = press(&mut app, "3");
    run(&mut app, &mut demo.store, effects);
    press(&mut app, "b");
    assert!(matches!(app.overlay, Some(Overlay::Prompt { .. })));
    let mut effects = press(&mut app, "200M");
    effects.extend(app.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)));
    assert!(matches!(effects.as_slice(), [Effect::SavePriorityState(_), Effect::Select(_)]));
    run(&mut app, &mut demo.store, effects);
    let scoring = app.scoring.state.as_ref().expect("scoring");
    let plan = &scoring.prioritised.as_ref().expect("plan").plan;
    assert!(plan.spent_nok <= 200_000_000 && plan.spent_nok > 150_000_000, "{}", plan.spent_nok);
    // The default fills the frame in rank order: everything above the cut line is in.
    let cut = plan.cut_place.expect("a 200 MNOK frame leaves some out");
    assert!((0..cut - 1).all(|place| scoring.in_frame(scoring.row_at(place).expect("row"))));
    // Lock the top-ranked initiative out, then in: the set follows.
    let top = scoring.row_at(0).expect("row");
    let effects = press(&mut app, "lX");
    run(&mut app, &mut demo.store, effects);
    assert!(!app.scoring.state.as_ref().expect("scoring").in_frame(top));
    let effects = press(&mut app, "L");
    run(&mut app, &mut demo.store, effects);
    let scoring = app.scoring.state.as_ref().expect("scoring");
    assert!(scoring.in_frame(top), "locked in");
    assert!(scoring.prioritised.as_ref().is_some_and(|p| p.plan.spent_nok <= 200_000_000));
    // Enter explains the selected row's total.
    app.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    assert!(matches!(app.overlay, Some(Overlay::Explain { row, .. }) if row == top));
}

#[test]
fn scores_are_typed_into_the_grid_and_undone() {
    let mut demo = demo(Lang::Nb);
    let mut app = app(&demo, 120, 40);
    let effects = press(&mut app, "4");
    assert_eq!(app.screen, Screen::Scores);
    run(&mut app, &mut demo.store, effects);
    let scoring = app.scoring.state.as_ref().expect("scoring");
    let row = scoring.grid_row_at(0).expect("row");
    let id = scoring.matrix.row(row).id;
    let first_manual = scoring.grid_col;
    assert!(scoring.matrix.criteria().list[first_manual].is_manual());
    // The demo ships hand scores: type one the cell does not hold yet.
    let before = scoring.matrix.value(row, first_manual);
    let (typed, value) = if before == Some(4.0) { ("2", 2.0) } else { ("4", 4.0) };
    // Digits type scores only in the scoring mode, which enter starts.
    app.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    assert!(app.scoring.editing);
    let effects = press(&mut app, typed);
    let code = app.scoring.state.as_ref().expect("scoring").matrix.criteria().list[first_manual].code.clone();
    assert_eq!(effects, vec![Effect::SetScore { id, code: code.clone(), value: Some(value) }]);
    run(&mut app, &mut demo.store, effects);
    let scoring = app.scoring.state.as_ref().expect("scoring");
    assert_eq!(scoring.matrix.value(row, first_manual), Some(value));
    assert!(scoring.grid_col > first_manual, "the cursor moves to the next criterion to score");
    assert_eq!(scoring.grid_row_at(0), Some(row), "the grid does not reorder under the cursor");
    assert_eq!(demo.store.score(id, &code).expect("stored"), Some(value));

    // A derived criterion cannot be typed into; 9 is off a 1–5 scale.
    press(&mut app, "h");
    press(&mut app, "l");
    let effects = press(&mut app, "9");
    assert!(effects.is_empty());
    assert!(app.notice.as_ref().is_some_and(|(_, error)| *error));

    let effects = press(&mut app, "u");
    assert!(matches!(effects.as_slice(), [Effect::ApplyScoreEdit(_)]));
    run(&mut app, &mut demo.store, effects);
    assert_eq!(app.scoring.state.as_ref().expect("scoring").matrix.value(row, first_manual), before);
    assert_eq!(demo.store.score(id, &code).expect("stored"), before);
    let effects = app.on_key(KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL));
    run(&mut app, &mut demo.store, effects);
    assert_eq!(demo.store.score(id, &code).expect("stored"), Some(value), "redo");
}

#[test]
fn the_priority_screens_at_both_sizes_in_both_languages() {
    for lang in [Lang::Nb, Lang::En] {
        let mut demo = demo(lang);
        let theme = Theme::builtin("default");
        let suffix = if lang == Lang::Nb { "nb" } else { "en" };
        for (width, height) in [(80u16, 24u16), (120, 40)] {
            let name = |screen: &str| format!("{screen}_{width}x{height}_{suffix}");
            let mut app = app(&demo, width, height);
            let effects = press(&mut app, "3");
            run(&mut app, &mut demo.store, effects);
            // The duplicate queue, as it arrives at start, marks the ranked list.
            let kinds = samla::dedupe::ServiceKinds::builtin();
            app.duplicates_loaded(demo.store.review_queue(&kinds, 0.6).expect("queue"));
            let effects = app.refresh_plan_duplicates();
            run(&mut app, &mut demo.store, effects);
            let mut effects = press(&mut app, "b");
            effects.extend(press(&mut app, "300M"));
            effects.extend(app.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)));
            run(&mut app, &mut demo.store, effects);
            insta::assert_snapshot!(name("priorities"), screen(&app, &theme, width, height));
            press(&mut app, "l");
            app.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
            insta::assert_snapshot!(name("explain"), screen(&app, &theme, width, height));
            app.on_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
            app.on_key(KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE));
            insta::assert_snapshot!(name("scores"), screen(&app, &theme, width, height));
            app.on_key(KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE));
            insta::assert_snapshot!(name("portfolio"), screen(&app, &theme, width, height));
            press(&mut app, "1");
            assert_eq!(app.screen, Screen::Initiatives);
            let table = screen(&app, &theme, width, height);
            let header = table.lines().nth(2).unwrap_or_default();
            let wanted = if lang == Lang::Nb { "Poeng" } else { "Score" };
            assert_eq!(
                header.contains(wanted),
                width >= 90,
                "the table shows each total once scores are loaded:\n{table}"
            );
        }
    }
}

#[test]
fn frame_mode_and_locks_are_kept_between_sessions() {
    let mut demo = demo(Lang::En);
    let mut app = app(&demo, 120, 40);
    let effects = press(&mut app, "3");
    run(&mut app, &mut demo.store, effects);
    let mut effects = press(&mut app, "b");
    effects.extend(press(&mut app, "250M"));
    effects.extend(app.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)));
    run(&mut app, &mut demo.store, effects);
    // One step at a time, as the event loop runs them (the test's runner takes the newest
    // effect first).
    let effects = press(&mut app, "m");
    run(&mut app, &mut demo.store, effects);
    let effects = press(&mut app, "lX");
    run(&mut app, &mut demo.store, effects);
    let scoring = app.scoring.state.as_ref().expect("scoring");
    assert_eq!(scoring.mode, samla::scoring::Mode::MostBenefit);
    let locked = scoring.matrix.row(scoring.row_at(0).expect("row")).id;

    // A new session on the same database.
    let mut next = common::tui::app(&demo, 120, 40);
    let effects = press(&mut next, "3");
    run(&mut next, &mut demo.store, effects);
    let state = demo.store.priority_state().expect("read").expect("kept");
    let effects = next.restore_priority_state(&state);
    run(&mut next, &mut demo.store, effects);
    let scoring = next.scoring.state.as_ref().expect("scoring");
    assert_eq!(scoring.frame_nok, Some(250_000_000));
    assert_eq!(scoring.mode, samla::scoring::Mode::MostBenefit);
    let locked_row = scoring.matrix.row_of(locked).expect("row");
    assert!(scoring.locked_out.contains(&locked_row));
    let plan = &scoring.prioritised.as_ref().expect("plan").plan;
    assert_eq!(plan.reason(locked_row), Some(samla::scoring::Reason::LockedOut));
}

#[test]
fn saved_scenarios_load_and_compare_in_the_tui() {
    let mut demo = demo(Lang::Nb);
    let mut app = app(&demo, 120, 40);
    let effects = press(&mut app, "3");
    run(&mut app, &mut demo.store, effects);
    let criteria = demo.store.criteria().expect("criteria");
    let scenario = samla::scoring::Scenario {
        name: "Bare nytte".into(),
        weights: [("nytte".to_string(), 1.0)].into_iter().collect(),
        budget_nok: Some(100_000_000),
        mode: samla::scoring::Mode::ValueForMoney,
        ..samla::scoring::Scenario::default()
    };
    assert!(criteria.find("nytte").is_some());
    demo.store.save_scenario(&scenario).expect("save");
    let effects = press(&mut app, "O");
    assert_eq!(effects, vec![Effect::LoadScenarios]);
    run(&mut app, &mut demo.store, effects);
    press(&mut app, "c");
    let Some(Overlay::Scenarios(view)) = &app.overlay else { panic!("the scenario list is open") };
    let (now, other) = view.compared.clone().expect("compared side by side");
    assert_eq!(other.name, "Bare nytte");
    assert!(other.spent_nok <= 100_000_000 && !other.set.is_empty());
    assert_eq!(now.frame_nok, None, "no frame now: the top of the ranking");
    let text = screen(&app, &Theme::builtin("default"), 120, 40);
    assert!(text.contains("Bare nytte") && text.contains("nytte per krone"), "{text}");
    let effects = app.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    run(&mut app, &mut demo.store, effects);
    let scoring = app.scoring.state.as_ref().expect("scoring");
    assert_eq!(scoring.frame_nok, Some(100_000_000));
    assert_eq!(scoring.mode, samla::scoring::Mode::ValueForMoney);
    let nytte = scoring.matrix.criteria().require("nytte").expect("nytte");
    assert!((scoring.weights.shares()[nytte] - 1.0).abs() < 1e-9, "its weights are the screen's now");
    let plan = &scoring.prioritised.as_ref().expect("plan").plan;
    assert_eq!(plan.chosen.iter().map(|&r| scoring.matrix.row(r).id).collect::<Vec<_>>(), other.set);
}
