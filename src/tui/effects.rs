//! Runs the effects `App::update` asks for: small reads on the screen's thread (one row, one
//! round's changes), long work as jobs on worker threads, and every write on the writing
//! thread, in order. Results come back as messages (see `event_loop`).

use super::app::{App, Effect, Job, Saved};
use super::event_loop::Message;
use super::jobs::{spawn_duplicates, spawn_load, spawn_scoring};
use super::writer::Writer;
use super::{Options, worker::Workers};
use crate::import::{ImportOptions, Monitor, import_file};
use crate::scoring::Scenario;
use crate::store::{OpenMode, Store};
use std::sync::Arc;
use std::sync::mpsc::Sender;
use std::time::Instant;

/// What effects need besides the app and the screen's connection.
pub(super) struct Runner<'a> {
    pub options: &'a Options,
    pub sender: &'a Sender<Message>,
    pub workers: &'a mut Workers,
    pub writer: &'a Writer<Message>,
}

/// Runs one effect.
pub(super) fn run_effect(effect: Effect, app: &mut App, store: &Store, runner: &mut Runner<'_>) {
    match effect {
        Effect::LoadDetail(_) | Effect::LoadChanges(_) | Effect::LoadScenarios => read(&effect, app, store),
        Effect::StartImport(_)
        | Effect::CancelImport
        | Effect::Reload
        | Effect::LoadScoring
        | Effect::Select(_)
        | Effect::LoadSuggestions
        | Effect::LoadDuplicates
        | Effect::Output(_)
        | Effect::UndoRound(_) => start_job(effect, app, store, runner),
        Effect::SaveWeights
        | Effect::SetScore { .. }
        | Effect::ApplyScoreEdit(_)
        | Effect::ApplyEdits(_)
        | Effect::ApplyRecord(_)
        | Effect::DecidePair { .. }
        | Effect::SaveScenario(_)
        | Effect::SavePriorityState(_)
        | Effect::RejectSuggestion(_) => write(effect, app, runner),
    }
}

/// Reads of a few rows, quick enough for the screen's thread.
fn read(effect: &Effect, app: &mut App, store: &Store) {
    match *effect {
        Effect::LoadDetail(id) => match store.initiative(id) {
            Ok(detail) => app.detail_loaded(detail),
            Err(error) => app.show_failure(&error),
        },
        Effect::LoadChanges(batch_id) => {
            let changes = store.batches(None).and_then(|batches| {
                batches.into_iter().find(|b| b.id == batch_id).map(|b| store.batch_changes(b)).transpose()
            });
            match changes {
                Ok(changes) => app.changes_loaded(changes),
                Err(error) => app.show_failure(&error),
            }
        }
        Effect::LoadScenarios => match store.scenarios() {
            Ok(list) => app.scenarios_loaded(list),
            Err(error) => app.show_failure(&error),
        },
        _ => {}
    }
}

/// Work that takes a while, each on a worker with its own connection.
fn start_job(effect: Effect, app: &mut App, store: &Store, runner: &mut Runner<'_>) {
    let Runner { options, sender, workers, .. } = runner;
    match effect {
        Effect::StartImport(request) => start_import(request, app, runner),
        Effect::CancelImport => {
            if let Some(job) = &app.job {
                job.monitor.cancel.store(true, std::sync::atomic::Ordering::Relaxed);
            }
        }
        Effect::Reload => {
            app.loading = true;
            // The queue is built again in the background; until then its pair shows the
            // descriptions as they are now.
            if let Some(state) = app.duplicates.state.as_mut() {
                state.forget_texts();
            }
            spawn_load(workers, options, sender);
            if app.scoring.state.is_some() {
                app.scoring.loading = true;
                spawn_scoring(workers, options, sender);
            }
            if !app.duplicates.loading {
                app.duplicates.loading = true;
                spawn_duplicates(workers, options, sender);
            }
            match store.batches(None) {
                Ok(batches) => app.sources.batches = batches,
                Err(error) => app.show_failure(&error),
            }
        }
        Effect::LoadScoring => spawn_scoring(workers, options, sender),
        Effect::Select(job) => {
            let generation = job.generation;
            let wrap = move |result| Message::Selected(generation, Box::new(result));
            workers.spawn("selection", sender, wrap, move || crate::scoring::prioritise(&job.input));
        }
        Effect::LoadSuggestions => super::jobs::spawn_suggestions(workers, options, sender),
        Effect::LoadDuplicates => spawn_duplicates(workers, options, sender),
        Effect::Output(job) => {
            // A brief at national scale takes a moment; the screen stays live meanwhile.
            app.notice = Some((format!("{} {}…", app.t(crate::i18n::WRITING), job.path().display()), false));
            super::jobs::spawn_output(workers, options, sender, job);
        }
        Effect::UndoRound(batch_id) => super::jobs::spawn_undo_round(workers, options, sender, batch_id),
        _ => {}
    }
}

/// Starts an import on a worker: a backup first, then the file, cancellable by its monitor.
fn start_import(request: super::app::ImportRequest, app: &mut App, runner: &mut Runner<'_>) {
    let options = runner.options;
    let monitor = Arc::new(Monitor::default());
    let path = request.path.clone();
    let file = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    let (allow_withdraw, mappings) = (request.allow_withdraw, request.mappings.clone());
    app.job = Some(Job { file, request, monitor: monitor.clone(), started: Instant::now() });
    let (database, reference) = (options.database.clone(), options.reference.clone());
    let backup_dir = options.backup_dir.clone();
    let import_options = ImportOptions {
        analyst: options.analyst.clone(),
        monitor: Some(monitor),
        allow_withdraw,
        assume_yes: !mappings.is_empty(),
        mappings,
        ..ImportOptions::default()
    };
    let wrap = |result| Message::ImportDone(Box::new(result));
    runner.workers.spawn("import", runner.sender, wrap, move || {
        Store::open(&database, OpenMode::Existing, &reference).and_then(|mut store| {
            crate::import::back_up_before_import(&store, &backup_dir)?;
            import_file(&mut store, &path, &import_options, &reference)
        })
    });
}

/// Queues a write on the writing thread; what it stored comes back as [`Message::Saved`].
fn write(effect: Effect, app: &mut App, runner: &Runner<'_>) {
    let analyst = runner.options.analyst.clone();
    let saved = |saved: Saved| Message::Saved(Box::new(saved));
    let queued = match effect {
        Effect::SaveWeights => {
            let Some(scoring) = app.scoring.state.as_ref() else { return };
            let (criteria, weights, generation) =
                (scoring.matrix.criteria().clone(), scoring.weights.clone(), scoring.generation);
            runner.writer.write(
                move |store| store.set_weights(&criteria, &weights, &analyst),
                move |result| saved(Saved::Weights { generation, result }),
            )
        }
        Effect::SetScore { id, code, value } => runner.writer.write(
            move |store| store.set_score(id, &code, value, &analyst),
            move |result| saved(Saved::Score { result, fresh: true }),
        ),
        Effect::ApplyScoreEdit(edit) => runner.writer.write(
            move |store| store.apply_score_edit(&edit, &analyst),
            move |result| saved(Saved::Score { result, fresh: false }),
        ),
        Effect::ApplyEdits(groups) => {
            // Said in words, with names and a ministry that changes, as it was asked.
            let words: Vec<String> = groups.iter().map(|(ids, edits)| app.edits_in_words(ids, edits)).collect();
            runner.writer.write(
                move |store| {
                    let mut record = store.apply_edit_groups(&groups, &analyst, true)?;
                    record.description = words.join("; ");
                    Ok(record)
                },
                move |result| saved(Saved::Tags { result, fresh: true }),
            )
        }
        Effect::ApplyRecord(record) => runner.writer.write(
            move |store| store.apply_record(&record, &analyst).map(|()| record),
            move |result| saved(Saved::Tags { result, fresh: false }),
        ),
        Effect::DecidePair { pair, decision, note, remember } => {
            let (a, b) = (pair.a, pair.b);
            runner.writer.write(
                move |store| match decision {
                    Some(decision) => store.decide_pair(a, b, decision, note.as_deref(), &analyst).map(Some),
                    None => store.undo_pair_decision(a, b, &analyst).map(|_| None),
                },
                move |result| saved(Saved::Pair { pair, result, remember }),
            )
        }
        Effect::SaveScenario(name) => {
            let Some(scenario) = scenario_now(app, &name, &analyst) else { return };
            runner.writer.write(
                move |store| store.save_scenario(&scenario),
                move |result| saved(Saved::Scenario { name, result }),
            )
        }
        Effect::SavePriorityState(state) => runner
            .writer
            .write(move |store| store.set_priority_state(&state), move |result| saved(Saved::Quiet(result))),
        Effect::RejectSuggestion(rejection) => {
            app.notice = Some((app.t(crate::i18n::REJECTED_KEPT).to_string(), false));
            runner.writer.write(
                move |store| store.reject_suggestion(&rejection, &analyst),
                move |result| saved(Saved::Quiet(result)),
            )
        }
        _ => return,
    };
    if !queued {
        // The writing thread stopped on a bug (reported when it did): say this edit is lost.
        app.show_failure(&crate::error::Error::WorkerFailed { job: "writes", detail: "stopped".into() });
    }
}

/// The weights, frame, mode and locks on screen as a scenario called `name`.
fn scenario_now(app: &App, name: &str, analyst: &str) -> Option<Scenario> {
    let scoring = app.scoring.state.as_ref()?;
    let state = scoring.priority_state();
    Some(Scenario {
        name: name.to_string(),
        weights: scoring.weights.to_codes(scoring.matrix.criteria()),
        budget_nok: state.frame_nok,
        resolution_nok: None,
        locked_in: state.locked_in,
        locked_out: state.locked_out,
        saved_at: crate::now(),
        saved_by: analyst.to_string(),
        mode: state.mode,
    })
}
