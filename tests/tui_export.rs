//! Exports and the brief from the TUI: one key writes what the screen shows, in its order,
//! says where, and asks before replacing a file.

mod common;

use common::tui::{Demo, app, demo};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use samla::config::Lang;
use samla::export::brief::Templates;
use samla::tui::app::{App, Effect, Overlay, Screen};
use samla::tui::export::{OutputJob, Written};

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn press(app: &mut App, keys: &str) -> Vec<Effect> {
    keys.chars().flat_map(|c| app.on_key(key(KeyCode::Char(c)))).collect()
}

/// Opens a file prompt with `action_key`, replaces the suggested name with `path` and
/// returns the job the app asks for.
fn prompt_for(app: &mut App, action_key: &str, path: &std::path::Path) -> Vec<Effect> {
    press(app, action_key);
    let Some(Overlay::Prompt { input, .. }) = &app.overlay else { panic!("no prompt: {:?}", app.overlay) };
    assert!(input.text().contains(&chrono::Local::now().format("%Y-%m-%d").to_string()), "a dated name");
    app.on_key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
    press(app, &path.display().to_string());
    app.on_key(key(KeyCode::Enter))
}

fn job(effects: Vec<Effect>) -> OutputJob {
    match effects.as_slice() {
        [Effect::Output(job)] => (**job).clone(),
        other => panic!("{other:?}"),
    }
}

fn run(demo: &Demo, job: &OutputJob) -> samla::Result<Written> {
    job.run(&demo.store, &Templates::builtin())
}

#[test]
fn the_table_exports_its_rows_in_order_and_asks_before_replacing() {
    let demo = demo(Lang::Nb);
    let mut app = app(&demo, 120, 40);
    press(&mut app, "fdep:HOD");
    app.on_key(key(KeyCode::Enter));
    press(&mut app, "S");
    let shown = app.shown_ids();
    assert!(shown.len() > 3 && shown.windows(2).all(|w| w[0] > w[1]), "filtered, ids descending");

    let dir = tempfile::tempdir().expect("dir");
    let out = dir.path().join("liste.csv");
    let job = job(prompt_for(&mut app, "e", &out));
    let written = run(&demo, &job);
    assert_eq!(written.as_ref().ok().and_then(|w| w.rows), Some(shown.len()));
    app.output_done(job.clone(), written);
    assert!(app.notice.as_ref().is_some_and(|(t, e)| !e && t.contains(&out.display().to_string())), "{:?}", app.notice);

    // The file has the screen's rows in the screen's order.
    let bytes = std::fs::read(&out).expect("read");
    let text = String::from_utf8(bytes).expect("utf-8");
    let mut reader =
        csv::ReaderBuilder::new().delimiter(b';').from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers().expect("headers").clone();
    let id_column = headers.iter().position(|h| h == "ID").expect("ID column");
    let ids: Vec<i64> = reader.records().map(|r| r.expect("row")[id_column].parse().expect("id")).collect();
    assert_eq!(ids, shown);

    // A second export to the same file asks first; yes replaces it, no leaves it.
    let again = run(&demo, &job);
    assert!(matches!(again, Err(samla::Error::OutputExists { .. })));
    app.output_done(job.clone(), again);
    assert!(matches!(app.overlay, Some(Overlay::ConfirmReplace { .. })));
    let effects = app.on_key(key(KeyCode::Esc));
    assert!(effects.is_empty() && app.overlay.is_none(), "no means nothing written");
    app.output_done(job.clone(), run(&demo, &job));
    let forced = match app.on_key(key(KeyCode::Enter)).as_slice() {
        [Effect::Output(forced)] => (**forced).clone(),
        other => panic!("{other:?}"),
    };
    assert!(run(&demo, &forced).is_ok());

    // A name without a known extension is a message, not a file.
    let effects = prompt_for(&mut app, "e", &dir.path().join("liste.pdf"));
    assert!(effects.is_empty());
    assert!(app.notice.as_ref().is_some_and(|(t, e)| *e && t.contains(".xlsx")), "{:?}", app.notice);
}

#[test]
fn the_priority_screen_exports_its_ranking_with_weights_and_frame() {
    let demo = demo(Lang::En);
    let mut app = app(&demo, 120, 40);
    assert_eq!(press(&mut app, "3"), vec![Effect::LoadScoring]);
    app.scoring_loaded(demo.store.score_matrix().expect("matrix"));
    assert_eq!(app.screen, Screen::Priorities);
    // A frame, set as the screen would.
    press(&mut app, "b");
    app.on_key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
    let effects = {
        let mut effects = press(&mut app, "200M");
        effects.extend(app.on_key(key(KeyCode::Enter)));
        effects
    };
    for effect in effects {
        if let Effect::Select(job) = effect {
            app.selection_done(job.generation, samla::scoring::prioritise(&job.input));
        }
    }
    let dir = tempfile::tempdir().expect("dir");
    let out = dir.path().join("ranking.json");
    let job = job(prompt_for(&mut app, "e", &out));
    let scoring = app.scoring.state.as_ref().expect("scoring");
    let ranking: Vec<i64> = scoring.ranking.order.iter().map(|r| scoring.matrix.row(*r as usize).id).collect();
    match &job {
        OutputJob::List { ids, options, .. } => {
            assert_eq!(ids, &ranking, "the screen's order");
            assert_eq!(options.frame.as_ref().map(|f| f.budget_nok), Some(200_000_000));
            assert_eq!(options.weights.as_ref(), Some(&scoring.weights));
        }
        other => panic!("{other:?}"),
    }
    run(&demo, &job).expect("written");
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).expect("read")).expect("json");
    let rows = json["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), ranking.len());
    assert_eq!(rows[0]["id"].as_i64(), Some(ranking[0]));
    let spent: i64 = rows
        .iter()
        .filter(|r| r["in_frame"] == serde_json::Value::Bool(true))
        .filter_map(|r| r["amount_nok"].as_i64())
        .sum();
    assert!(spent > 0 && spent <= 200_000_000, "{spent}");
}

#[test]
fn the_brief_is_written_from_the_tui_with_the_open_pairs() {
    let demo = demo(Lang::Nb);
    let mut app = app(&demo, 120, 40);
    let kinds = samla::dedupe::ServiceKinds::from_reference(&demo.options.reference).expect("kinds");
    app.duplicates_loaded(demo.store.review_queue(&kinds, 0.6).expect("queue"));
    let dir = tempfile::tempdir().expect("dir");

    let effects = prompt_for(&mut app, "B", &dir.path().join("notat.pdf"));
    assert!(effects.is_empty() && app.notice.as_ref().is_some_and(|(t, e)| *e && t.contains(".html")));

    let out = dir.path().join("notat.md");
    let job = job(prompt_for(&mut app, "B", &out));
    let written = run(&demo, &job).expect("brief");
    assert_eq!(written.rows, None);
    let text = std::fs::read_to_string(&out).expect("read");
    assert!(text.contains("kandidatpar venter på vurdering"), "the queue's open pairs: {text}");
    assert!(text.contains("## Parallelle løsninger\n\nGrupper av tiltak"), "the queue's groups: {text}");
    app.output_done(job, Ok(written));
    assert!(app.notice.as_ref().is_some_and(|(t, _)| t.starts_with("Notat skrevet til")), "{:?}", app.notice);
}

/// Runs the priority screen's effects (newest first is fine: each step is run on its own).
fn run_scoring(app: &mut App, store: &samla::store::Store, effects: Vec<Effect>) {
    let mut queue = effects;
    while let Some(effect) = queue.pop() {
        match effect {
            Effect::LoadScoring => queue.extend(app.scoring_loaded(store.score_matrix().expect("matrix"))),
            Effect::Select(job) => app.selection_done(job.generation, samla::scoring::prioritise(&job.input)),
            Effect::SavePriorityState(state) => store.set_priority_state(&state).expect("state"),
            other => panic!("unexpected effect {other:?}"),
        }
    }
}

#[test]
fn the_briefs_priority_section_is_the_screens_plan_with_the_same_reasons() {
    let demo = demo(Lang::Nb);
    let mut app = app(&demo, 120, 40);
    let effects = press(&mut app, "3");
    run_scoring(&mut app, &demo.store, effects);
    let kinds = samla::dedupe::ServiceKinds::from_reference(&demo.options.reference).expect("kinds");
    app.duplicates_loaded(demo.store.review_queue(&kinds, 0.6).expect("queue"));
    let effects = app.refresh_plan_duplicates();
    run_scoring(&mut app, &demo.store, effects);
    let mut effects = press(&mut app, "b");
    app.on_key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
    effects.extend(press(&mut app, "300M"));
    effects.extend(app.on_key(key(KeyCode::Enter)));
    run_scoring(&mut app, &demo.store, effects);

    let dir = tempfile::tempdir().expect("dir");
    let out = dir.path().join("notat.md");
    let job = job(prompt_for(&mut app, "B", &out));
    run(&demo, &job).expect("brief");
    let text = std::fs::read_to_string(&out).expect("read");
    let start = text.find("## Forslag til prioritering").expect("section");
    let end = start + 2 + text[start + 2..].find("\n## ").expect("next section");
    let section = &text[start..end];
    insta::assert_snapshot!("brief_priorities_300m_nb", section);

    // Row by row, the brief lists the screen's set, and the screen's reasons for the rest.
    let scoring = app.scoring.state.as_ref().expect("scoring");
    let plan = scoring.prioritised.as_ref().expect("plan").plan.clone();
    // The first table's rows, by their rank (the first column).
    let table_ranks: Vec<u32> = section
        .lines()
        .skip_while(|l| !l.starts_with("| Nr."))
        .skip(2)
        .take_while(|l| l.starts_with("| "))
        .filter_map(|l| l.trim_start_matches("| ").split(' ').next()?.parse().ok())
        .collect();
    let chosen: Vec<u32> = plan.chosen.iter().take(30).map(|&r| scoring.ranking.rank(r)).collect();
    assert_eq!(table_ranks, chosen);
    let last_in = plan.order.iter().rposition(|&r| plan.in_frame[r]).expect("some in");
    for &row in plan.order[..last_in].iter().filter(|&&r| !plan.in_frame[r]).take(10) {
        let reason = samla::scoring::describe::reason_text(plan.reason(row).expect("a reason"), Lang::Nb);
        let title = &scoring.matrix.row(row).title;
        assert!(
            section.lines().any(|l| l.starts_with(&format!("- {title} (")) && l.ends_with(&format!(": {reason}"))),
            "{title}: {reason} in:\n{section}"
        );
    }
    // The screen says the same for the first initiative left out.
    let _ = scoring;
    let first_out = plan.order[..last_in].iter().position(|&r| !plan.in_frame[r]).expect("one out");
    app.scoring.state.as_mut().expect("scoring").focus = samla::tui::scoring::Focus::List;
    press(&mut app, &"j".repeat(first_out));
    let screen = common::tui::screen(&app, &samla::tui::theme::Theme::builtin("default"), 120, 40);
    let reason = samla::scoring::describe::reason_text(plan.reason(plan.order[first_out]).expect("reason"), Lang::Nb);
    assert!(screen.contains(&reason), "{reason} on screen:\n{screen}");
}
