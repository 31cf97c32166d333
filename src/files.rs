//! Temporary files beside the files samla writes (exports, briefs, backups): a name no
//! other file has, and the clean-up of those a killed samla left behind.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, SystemTime};

/// Distinguishes temporary files of one process (a TUI may export twice in a second).
static TEMP_COUNTER: AtomicU32 = AtomicU32::new(0);

/// Without a way to ask whether a process lives, a temporary file this old is stale.
const STALE_AFTER: Duration = Duration::from_secs(24 * 60 * 60);

/// Makes `dir` (and its parents) when it is missing: the export folder the analyst chose,
/// or the data directory's `eksport/`. Only the owner may enter it on Unix.
pub fn ensure_folder(dir: &Path) -> crate::error::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir).map_err(|e| crate::error::Error::io("create directory", dir, e))
}

/// `.NAME.samla-PID-N.tmp` in `directory`: the same file system as the target, so the
/// rename into place is atomic, and a name that belongs to this process alone.
pub fn temp_path(target: &Path, directory: &Path) -> PathBuf {
    let name = target.file_name().map_or_else(|| "samla".into(), |n| n.to_string_lossy().into_owned());
    let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
    directory.join(format!(".{name}.samla-{}-{n}.tmp", std::process::id()))
}

/// The process id in a temporary file's name, when it is one of samla's.
fn temp_owner(file_name: &str) -> Option<u32> {
    let rest = file_name.strip_prefix('.')?.strip_suffix(".tmp")?;
    let (_, tail) = rest.rsplit_once(".samla-")?;
    let (pid, n) = tail.split_once('-')?;
    n.parse::<u32>().ok()?;
    pid.parse().ok()
}

/// True when `pid` is not a running process: on Linux from `/proc`; elsewhere unknown (None).
fn process_is_gone(pid: u32) -> Option<bool> {
    let proc = Path::new("/proc");
    proc.join("self").exists().then(|| !proc.join(pid.to_string()).exists())
}

/// Removes samla's temporary files in `directory` whose process is gone (a samla killed
/// while writing an export of 35 MB left it there for good). Returns how many went.
pub fn remove_stale_temp_files(directory: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(directory) else { return 0 };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = temp_owner(&name.to_string_lossy()) else { continue };
        if pid == std::process::id() {
            continue;
        }
        let stale = process_is_gone(pid).unwrap_or_else(|| {
            entry
                .metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|at| SystemTime::now().duration_since(at).is_ok_and(|age| age > STALE_AFTER))
        });
        if stale && entry.file_type().is_ok_and(|t| t.is_file()) && std::fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_names_are_samlas_own_and_unique() {
        let dir = Path::new("/x");
        let a = temp_path(Path::new("/x/rapport.db"), dir);
        let b = temp_path(Path::new("/x/rapport.db"), dir);
        assert_ne!(a, b);
        let name = a.file_name().expect("name").to_string_lossy().into_owned();
        assert!(name.starts_with(".rapport.db.samla-"), "{name}");
        assert_eq!(temp_owner(&name), Some(std::process::id()));
        for other in ["rapport.partial", ".rapport.db.tmp", ".x.samla-abc-1.tmp", ".x.samla-12-.tmp", "x.samla-1-2.tmp"]
        {
            assert_eq!(temp_owner(other), None, "{other}");
        }
    }

    #[test]
    fn stale_temporary_files_of_dead_processes_are_removed_and_nothing_else() {
        if process_is_gone(1).is_none() {
            eprintln!("no /proc here: staleness goes by age, not tested");
            return;
        }
        let dir = tempfile::tempdir().expect("dir");
        // PIDs are below 2^22 on Linux: this one cannot be running.
        let dead = dir.path().join(".liste.xlsx.samla-4194399-0.tmp");
        let mine = temp_path(&dir.path().join("liste.xlsx"), dir.path());
        let init = dir.path().join(".liste.xlsx.samla-1-0.tmp");
        let unrelated = dir.path().join("liste.partial");
        for path in [&dead, &mine, &init, &unrelated] {
            std::fs::write(path, b"x").expect("write");
        }
        assert_eq!(remove_stale_temp_files(dir.path()), 1);
        assert!(!dead.exists());
        assert!(mine.exists() && init.exists() && unrelated.exists());
    }
}
