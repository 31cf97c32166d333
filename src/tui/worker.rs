//! Background jobs of the terminal UI: each on its own thread, sending its result back as
//! a message. A job that panics (a bug) reaches the screen as an error like any other
//! failure, its panic is never printed over the screen, and the exit code tells.

use crate::error::{Error, Result};
use std::cell::RefCell;
use std::panic::AssertUnwindSafe;
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex};
use std::thread::{JoinHandle, ThreadId};

thread_local! {
    /// Where the panic hook leaves the panicking job's message and place.
    static PANIC_TEXT: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The running and finished jobs, and the first that failed on a bug.
#[derive(Default)]
pub struct Workers {
    handles: Vec<JoinHandle<()>>,
    failure: Arc<Mutex<Option<Error>>>,
}

impl Workers {
    /// Runs `work` on a thread named after `job`; its result, or the bug that stopped it
    /// ([`Error::WorkerFailed`]), goes to `sender` wrapped by `wrap`.
    pub fn spawn<M, T>(
        &mut self,
        job: &'static str,
        sender: &Sender<M>,
        wrap: impl FnOnce(Result<T>) -> M + Send + 'static,
        work: impl FnOnce() -> Result<T> + Send + 'static,
    ) where
        M: Send + 'static,
        T: Send + 'static,
    {
        // Shared with the thread, so the result can still be sent should no thread start.
        let reply = Arc::new(Mutex::new(Some((sender.clone(), wrap))));
        let failure = self.failure.clone();
        let thread_reply = reply.clone();
        let spawned = std::thread::Builder::new().name(format!("samla-{job}")).spawn(move || {
            let result = std::panic::catch_unwind(AssertUnwindSafe(|| {
                inject_failure(job);
                work()
            }))
            .unwrap_or_else(|payload| {
                let detail = PANIC_TEXT.with(|text| text.borrow_mut().take()).unwrap_or_else(|| panic_text(&*payload));
                if let Ok(mut first) = failure.lock() {
                    first.get_or_insert(Error::WorkerFailed { job, detail: detail.clone() });
                }
                Err(Error::WorkerFailed { job, detail })
            });
            send_once(&thread_reply, result);
        });
        match spawned {
            Ok(handle) => self.handles.push(handle),
            Err(e) => send_once(&reply, Err(Error::WorkerFailed { job, detail: e.to_string() })),
        }
    }

    /// Waits for every job (an import rolls back at its next batch of rows once cancelled)
    /// and returns the first bug that stopped one, if any.
    pub fn finish(self) -> Option<Error> {
        for handle in self.handles {
            let _ = handle.join();
        }
        self.failure.lock().ok().and_then(|mut first| first.take())
    }
}

/// Sends a job's result, the first time only.
fn send_once<M, T, W: FnOnce(Result<T>) -> M>(reply: &Mutex<Option<(Sender<M>, W)>>, result: Result<T>) {
    if let Some((sender, wrap)) = reply.lock().ok().and_then(|mut slot| slot.take()) {
        let _ = sender.send(wrap(result));
    }
}

fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(std::string::ToString::to_string)
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".into())
}

/// Installs the panic hook of a terminal UI running on `ui_thread`: a panic there restores
/// the terminal before it is printed; a panic on any other thread (a job, or a thread of
/// its pool) is kept for the job to report, never printed over the screen.
pub fn install_panic_hook(ui_thread: ThreadId, restore: impl Fn() + Send + Sync + 'static) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if std::thread::current().id() == ui_thread {
            restore();
            previous(info);
            return;
        }
        let place = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
        let text = format!("{}{place}", panic_text(info.payload()));
        PANIC_TEXT.with(|slot| *slot.borrow_mut() = Some(text));
    }));
}

/// In debug builds, `SAMLA_FAIL_JOB=<job>` makes that job panic (`screen`: the screen's own
/// thread, before its first frame): how the end-to-end tests show that a bug never wedges
/// the terminal. Release builds ignore it.
pub(crate) fn inject_failure(job: &str) {
    assert!(
        !(cfg!(debug_assertions) && std::env::var("SAMLA_FAIL_JOB").is_ok_and(|wanted| wanted == job)),
        "SAMLA_FAIL_JOB={job}"
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panicking_job_sends_an_error_and_is_remembered() {
        let (sender, receiver) = std::sync::mpsc::channel();
        let mut workers = Workers::default();
        workers.spawn("import", &sender, |r: Result<u32>| r, || panic!("boom"));
        workers.spawn("load", &sender, |r: Result<u32>| r, || Ok(7));
        let mut results: Vec<Result<u32>> = vec![receiver.recv().expect("one"), receiver.recv().expect("two")];
        results.sort_by_key(Result::is_ok);
        assert!(matches!(&results[0], Err(Error::WorkerFailed { job: "import", detail }) if detail.contains("boom")));
        assert_eq!(results[1].as_ref().ok(), Some(&7));
        let failure = workers.finish().expect("remembered");
        assert!(failure.message(crate::i18n::Lang::Nb).starts_with("en intern feil stoppet importen"), "{failure}");
    }
}
