//! The worker jobs the event loop starts: each opens its own connection, does one thing
//! and sends the result back as a message (writes go to `writer` instead).

use super::Options;
use super::event_loop::Message;
use super::export::OutputJob;
use super::worker::Workers;
use crate::portfolio::Portfolio;
use crate::store::{OpenMode, Store};
use std::sync::mpsc::Sender;

/// Undoes an import round (after a backup, as before an import) on a worker.
pub(super) fn spawn_undo_round(workers: &mut Workers, options: &Options, sender: &Sender<Message>, batch_id: i64) {
    let database = options.database.clone();
    let reference = options.reference.clone();
    let backup_dir = options.backup_dir.clone();
    let wrap = |result| Message::RoundUndone(Box::new(result));
    workers.spawn("undo_round", sender, wrap, move || {
        Store::open(&database, OpenMode::Existing, &reference).and_then(|mut store| {
            crate::import::back_up_before_import(&store, &backup_dir)?;
            store.undo_round(batch_id)
        })
    });
}

/// Loads the score matrix on a worker thread with its own connection.
pub(super) fn spawn_scoring(workers: &mut Workers, options: &Options, sender: &Sender<Message>) {
    let database = options.database.clone();
    let reference = options.reference.clone();
    let wrap = |result| Message::ScoringLoaded(Box::new(result));
    workers.spawn("scoring", sender, wrap, move || {
        Store::open(&database, OpenMode::Existing, &reference).and_then(|store| store.score_matrix())
    });
}

/// Builds the duplicate review queue on a worker thread with its own connection.
pub(super) fn spawn_duplicates(workers: &mut Workers, options: &Options, sender: &Sender<Message>) {
    let database = options.database.clone();
    let reference = options.reference.clone();
    let threshold = options.duplicate_threshold;
    let wrap = |result| Message::DuplicatesLoaded(Box::new(result));
    workers.spawn("duplicates", sender, wrap, move || {
        Store::open(&database, OpenMode::Existing, &reference)
            .and_then(|store| store.review_queue(&crate::dedupe::ServiceKinds::from_reference(&reference)?, threshold))
    });
}

/// Loads the whole portfolio on a worker thread with its own connection.
pub(super) fn spawn_load(workers: &mut Workers, options: &Options, sender: &Sender<Message>) {
    let database = options.database.clone();
    let reference = options.reference.clone();
    let wrap = Message::PortfolioLoaded;
    workers.spawn("load", sender, wrap, move || {
        Store::open(&database, OpenMode::Existing, &reference).and_then(|store| Portfolio::load(&store))
    });
}

/// Builds the tagging suggestions on a worker thread with its own connection.
pub(super) fn spawn_suggestions(workers: &mut Workers, options: &Options, sender: &Sender<Message>) {
    let database = options.database.clone();
    let reference = options.reference.clone();
    let wrap = |result| Message::SuggestionsLoaded(Box::new(result));
    workers.spawn("suggestions", sender, wrap, move || {
        Store::open(&database, OpenMode::Existing, &reference)
            .and_then(|store| crate::suggest::suggest(&store, &reference))
    });
}

/// Writes an export or a brief on a worker thread (creating the export folder if it is the
/// default one and missing).
pub(super) fn spawn_output(workers: &mut Workers, options: &Options, sender: &Sender<Message>, job: Box<OutputJob>) {
    let (database, reference) = (options.database.clone(), options.reference.clone());
    let templates = crate::export::brief::Templates::with_user_dir(&options.config_dir);
    let returned = job.clone();
    let wrap = move |result| Message::OutputDone(returned, result);
    let folder = Some(options.export_dir.clone()).filter(|d| job.path().parent() == Some(d.as_path()));
    workers.spawn("output", sender, wrap, move || {
        folder.as_deref().map_or(Ok(()), crate::files::ensure_folder)?;
        Store::open(&database, OpenMode::Existing, &reference).and_then(|store| job.run(&store, &templates))
    });
}
