//! What a folder offers to import: its sub-folders and the files samla can read (by
//! extension), for the terminal UI's file picker.

use crate::error::{Error, Result};
use crate::text::norwegian_cmp;
use std::path::{Path, PathBuf};

/// The extensions of the files samla imports: delimited text and spreadsheets.
pub const IMPORTABLE: [&str; 6] = ["csv", "tsv", "txt", "xlsx", "xls", "ods"];

/// One sub-folder or importable file of a folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirEntry {
    pub name: String,
    pub path: PathBuf,
    pub is_dir: bool,
}

/// True when `path` has an extension samla imports (case-insensitive).
pub fn is_importable(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| IMPORTABLE.iter().any(|known| known.eq_ignore_ascii_case(e)))
}

/// The folders and importable files in `dir`, folders first, each in Norwegian order;
/// hidden entries (a leading dot) and every other file are left out. An entry that cannot
/// be read is skipped; the folder itself that cannot be read is an error.
pub fn importable_entries(dir: &Path) -> Result<Vec<DirEntry>> {
    let read = std::fs::read_dir(dir).map_err(|e| Error::io("read", dir, e))?;
    let mut entries: Vec<DirEntry> = read
        .filter_map(std::result::Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().to_str()?.to_string();
            let path = entry.path();
            // Follows links, so a linked folder opens like a folder.
            let is_dir = std::fs::metadata(&path).is_ok_and(|m| m.is_dir());
            let shown = !name.starts_with('.') && (is_dir || is_importable(&path));
            shown.then_some(DirEntry { name, path, is_dir })
        })
        .collect();
    entries.sort_by(|a, b| b.is_dir.cmp(&a.is_dir).then_with(|| norwegian_cmp(&a.name, &b.name)));
    Ok(entries)
}

/// The entries whose name holds `query` (case-insensitive), those that start with it
/// first; all of them for an empty query.
pub fn matching<'a>(entries: &'a [DirEntry], query: &str) -> Vec<&'a DirEntry> {
    let query = query.to_lowercase();
    let mut found: Vec<(bool, &DirEntry)> = entries
        .iter()
        .filter_map(|e| {
            let name = e.name.to_lowercase();
            name.contains(&query).then(|| (!name.starts_with(&query), e))
        })
        .collect();
    found.sort_by_key(|(later, _)| *later);
    found.into_iter().map(|(_, e)| e).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_folders_then_importable_files_and_filters_by_name() {
        let dir = tempfile::tempdir().expect("temp dir");
        for name in ["b_runde.CSV", "a.xlsx", "notat.pdf", ".skjult.csv", "tiltak.tsv", "bygg.ods"] {
            std::fs::write(dir.path().join(name), "x").expect("write");
        }
        std::fs::create_dir(dir.path().join("Runder")).expect("dir");
        std::fs::create_dir(dir.path().join(".git")).expect("dir");
        let entries = importable_entries(dir.path()).expect("list");
        let names: Vec<&str> = entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Runder", "a.xlsx", "b_runde.CSV", "bygg.ods", "tiltak.tsv"]);
        assert!(entries[0].is_dir && !entries[1].is_dir);
        let found: Vec<&str> = matching(&entries, "B").iter().map(|e| e.name.as_str()).collect();
        assert_eq!(found, ["b_runde.CSV", "bygg.ods"]);
        let found: Vec<&str> = matching(&entries, "runde").iter().map(|e| e.name.as_str()).collect();
        assert_eq!(found, ["Runder", "b_runde.CSV"], "a name starting with the query first");
        assert_eq!(matching(&entries, "").len(), 5);
        assert!(importable_entries(&dir.path().join("finnes-ikke")).is_err());
    }
}
