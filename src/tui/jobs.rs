//! The worker jobs the event loop starts: each opens its own connection, does one thing
//! and sends the result back as a message.

use super::worker::Workers;
use super::{Message, Options};
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

/// Keeps a rejected suggestion in the database on a worker.
pub(super) fn spawn_rejection(
    workers: &mut Workers,
    options: &Options,
    sender: &Sender<Message>,
    rejection: crate::suggest::Rejection,
) {
    let database = options.database.clone();
    let reference = options.reference.clone();
    let analyst = options.analyst.clone();
    workers.spawn("suggestions", sender, Message::Stored, move || {
        Store::open(&database, OpenMode::Existing, &reference)
            .and_then(|store| store.reject_suggestion(&rejection, &analyst))
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
