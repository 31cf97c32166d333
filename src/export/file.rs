//! Writing an output file safely: never over an existing file unless asked, never half a
//! file (a temporary file in the same directory, renamed into place once complete), and
//! readable by its owner only, since proposals are confidential until the budget is out.

use crate::error::ExportProblem;
use crate::error::{Error, Result};
use crate::files::{remove_stale_temp_files, temp_path};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path`. Without `force` an existing file is refused with
/// [`Error::OutputExists`] (the TUI asks the user, the CLI points at `--force`); with it, the
/// file is replaced in one step, so readers see the old file or the new one, never a mix.
pub fn write_file(path: &Path, bytes: &[u8], force: bool) -> Result<()> {
    if path.is_dir() {
        return Err(ExportProblem::OutputIsDirectory(path.to_path_buf()).into());
    }
    if !force && path.symlink_metadata().is_ok() {
        return Err(Error::OutputExists { path: path.to_path_buf() });
    }
    let directory = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !directory.is_dir() {
        return Err(ExportProblem::NoDirectory(directory).into());
    }
    remove_stale_temp_files(&directory);
    let temp = temp_path(path, &directory);
    let result = write_new(&temp, bytes).and_then(|()| put_in_place(&temp, path, force));
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

/// Creates `temp` (mode 0600 on unix), writes everything and flushes it to disk.
fn write_new(temp: &Path, bytes: &[u8]) -> Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(temp).map_err(|e| Error::io("create", temp, e))?;
    file.write_all(bytes).map_err(|e| Error::io("write", temp, e))?;
    file.sync_all().map_err(|e| Error::io("write", temp, e))
}

fn put_in_place(temp: &Path, path: &Path, force: bool) -> Result<()> {
    if !force {
        // A hard link fails when the target appeared since the check above, so another
        // program's file that arrived meanwhile is never replaced.
        match std::fs::hard_link(temp, path) {
            Ok(()) => {
                let _ = std::fs::remove_file(temp);
                return Ok(());
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                return Err(Error::OutputExists { path: path.to_path_buf() });
            }
            // File systems without hard links (FAT on a USB stick): rename after the check.
            Err(_) => {}
        }
    }
    std::fs::rename(temp, path).map_err(|e| Error::io("write", path, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_existing_files_without_force_and_leaves_no_temporary_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("liste.csv");
        write_file(&path, b"first", false).expect("new file");
        let err = write_file(&path, b"second", false).expect_err("exists");
        assert!(matches!(err, Error::OutputExists { .. }), "{err}");
        assert_eq!(std::fs::read(&path).expect("read"), b"first");
        write_file(&path, b"second", true).expect("force");
        assert_eq!(std::fs::read(&path).expect("read"), b"second");
        let names: Vec<_> =
            std::fs::read_dir(dir.path()).expect("dir").map(|e| e.expect("entry").file_name()).collect();
        assert_eq!(names.len(), 1, "{names:?}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        assert!(write_file(dir.path(), b"x", true).is_err(), "a directory is refused");
        assert!(write_file(&dir.path().join("missing/x.csv"), b"x", false).is_err());
    }
}
