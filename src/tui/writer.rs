//! The one thread that writes the analyst's edits to the database: scores, weights, tags,
//! pair decisions, scenarios, rejected suggestions. Writes leave the screen's thread, so a
//! slow disk or a database another program holds for a moment never freezes a key press,
//! and they run one after another in the order they were asked for (a score and its undo
//! can never pass each other).
//!
//! It is a job like every other ([`Workers::spawn`]): a bug in a write reaches the screen as
//! an error, and the exit code tells.

use super::worker::Workers;
use crate::error::Result;
use crate::reference::ReferenceSource;
use crate::store::{OpenMode, Store};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};

/// One write and how its outcome is told to the screen.
type Task<M> = Box<dyn FnOnce(Result<&mut Store>) -> M + Send>;

/// The writing thread's inbox. Dropping it lets the thread finish its queue and end.
pub struct Writer<M> {
    inbox: Sender<Task<M>>,
}

impl<M: Send + 'static> Writer<M> {
    /// Starts the thread. It opens its own connection at the first write (and again after a
    /// failed open), so starting costs nothing when the analyst only reads.
    pub fn start(
        workers: &mut Workers,
        replies: &Sender<M>,
        database: PathBuf,
        reference: ReferenceSource,
        on_failure: impl FnOnce(Result<()>) -> M + Send + 'static,
    ) -> Self {
        let (inbox, tasks) = channel::<Task<M>>();
        let out = replies.clone();
        workers.spawn("writes", replies, on_failure, move || {
            run(&tasks, &out, || Store::open(&database, OpenMode::Existing, &reference));
            Ok(())
        });
        Self { inbox }
    }

    /// Queues `write`; its result goes back to the screen wrapped by `reply`. Returns false
    /// when the thread is gone (it stopped on a bug, already reported).
    pub fn write<T>(
        &self,
        write: impl FnOnce(&mut Store) -> Result<T> + Send + 'static,
        reply: impl FnOnce(Result<T>) -> M + Send + 'static,
    ) -> bool {
        let task: Task<M> = Box::new(move |store| reply(store.and_then(write)));
        self.inbox.send(task).is_ok()
    }
}

/// Runs tasks until the inbox closes, each on the connection `open` gives (kept once open).
fn run<M>(tasks: &Receiver<Task<M>>, replies: &Sender<M>, open: impl Fn() -> Result<Store>) {
    let mut store: Option<Store> = None;
    for task in tasks {
        let connection = match store.as_mut() {
            Some(open_store) => Ok(open_store),
            None => open().map(|opened| store.insert(opened)),
        };
        if replies.send(task(connection)).is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;
    use crate::scoring::PriorityState;

    #[test]
    fn writes_run_in_order_on_one_connection_and_report_back() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("w.db");
        let reference = ReferenceSource::builtin();
        Store::open(&path, OpenMode::Create, &reference).expect("create");
        let (replies, received) = channel::<Result<usize>>();
        let mut workers = Workers::default();
        let writer = Writer::start(&mut workers, &replies, path, reference, |r| r.map(|()| usize::MAX));
        for n in 0..50usize {
            let state = PriorityState { frame_nok: Some(n as i64), ..PriorityState::default() };
            let write = move |store: &mut Store| store.set_priority_state(&state).map(|()| n);
            assert!(writer.write(write, |r| r));
        }
        let read =
            |store: &mut Store| store.priority_state().map(|s| s.and_then(|s| s.frame_nok).unwrap_or(0) as usize);
        writer.write(read, |r| r);
        let got: Vec<usize> = (0..51).map(|_| received.recv().expect("reply").expect("written")).collect();
        assert_eq!(got[..50], (0..50).collect::<Vec<_>>()[..], "replies in the order asked");
        assert_eq!(got[50], 49, "the last write is the one that stays");
        drop(writer);
        assert!(workers.finish().is_none(), "the thread ends when its inbox closes");
        assert_eq!(received.recv().expect("end").ok(), Some(usize::MAX));
    }

    #[test]
    fn a_database_that_cannot_be_opened_is_an_error_for_each_write_not_a_hang() {
        let (replies, received) = channel::<Result<()>>();
        let mut workers = Workers::default();
        let missing = std::env::temp_dir().join("samla-writer-test-missing").join("none.db");
        let writer = Writer::start(&mut workers, &replies, missing, ReferenceSource::builtin(), |r| r);
        writer.write(|_| Ok(()), |r| r);
        writer.write(|_| Ok(()), |r| r);
        assert!(matches!(received.recv().expect("first"), Err(Error::DatabaseMissing { .. })));
        assert!(received.recv().expect("second").is_err());
        drop(writer);
        workers.finish();
    }
}
