//! House rules a test can keep: no source file under `src/` over 500 lines, so each file
//! is one job a newcomer can read whole; functions over 80 lines and the pedantic lints are
//! clippy's to find (on in the library, `clippy.toml`), and every lint allowed says why.

mod common;

use std::path::Path;

const MAX_LINES: usize = 500;

fn long_files(root: &Path) -> Vec<(String, usize)> {
    let mut files = Vec::new();
    common::rust_files(root, &mut files);
    files
        .into_iter()
        .filter_map(|path| {
            let lines = std::fs::read_to_string(&path).expect("readable").lines().count();
            let name = path.strip_prefix(root).expect("under src").to_string_lossy().replace('\\', "/");
            (lines > MAX_LINES).then_some((name, lines))
        })
        .collect()
}

#[test]
fn no_source_file_is_over_500_lines() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let offenders: Vec<String> =
        long_files(&src).into_iter().map(|(name, lines)| format!("src/{name}: {lines} lines")).collect();
    assert!(offenders.is_empty(), "files over {MAX_LINES} lines; split them by job:\n{}", offenders.join("\n"));
}

#[test]
fn the_line_count_finds_a_long_file() {
    let dir = std::env::temp_dir().join(format!("samla-house-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("deep")).expect("dir");
    std::fs::write(dir.join("short.rs"), "fn a() {}\n").expect("write");
    std::fs::write(dir.join("deep/long.rs"), "// line\n".repeat(MAX_LINES + 1)).expect("write");
    let found = long_files(&dir);
    std::fs::remove_dir_all(&dir).expect("clean up");
    assert_eq!(found, vec![("deep/long.rs".to_string(), MAX_LINES + 1)]);
}

/// Each `allow(clippy::…)` in `src/` with its reason: a `//` comment on its line or the line
/// above (a doc comment says what the item does, not why the lint does not apply).
fn unexplained_allows(text: &str) -> Vec<usize> {
    let lines: Vec<&str> = text.lines().collect();
    (0..lines.len())
        .filter(|&i| lines[i].contains("allow(clippy::"))
        .filter(|&i| {
            let trailing = lines[i].split_once("//").is_some_and(|(_, why)| !why.trim().is_empty());
            let above = i.checked_sub(1).map(|j| lines[j].trim_start());
            let comment_above = above.is_some_and(|l| l.starts_with("//") && !l.starts_with("///"));
            !trailing && !comment_above
        })
        .map(|i| i + 1)
        .collect()
}

#[test]
fn every_lint_allowed_says_why() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    common::rust_files(&src, &mut files);
    let offenders: Vec<String> = files
        .iter()
        .flat_map(|path| {
            let text = std::fs::read_to_string(path).expect("readable");
            unexplained_allows(&text).into_iter().map(move |line| format!("{}:{line}", path.display()))
        })
        .collect();
    assert!(offenders.is_empty(), "say why each lint is allowed (a // comment):\n{}", offenders.join("\n"));
}

#[test]
fn an_allow_without_a_reason_is_found() {
    let text = "/// Adds.\n#[allow(clippy::too_many_arguments)]\nfn a() {}\n// why\n#[allow(clippy::x)]\n#[allow(clippy::y)] // why\n";
    assert_eq!(unexplained_allows(text), vec![2]);
}

#[test]
fn clippy_holds_functions_to_80_lines_and_the_library_to_pedantic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = std::fs::read_to_string(root.join("clippy.toml")).expect("clippy.toml");
    assert!(config.lines().any(|l| l.replace(' ', "") == "too-many-lines-threshold=80"), "{config}");
    let lib = std::fs::read_to_string(root.join("src/lib.rs")).expect("lib.rs");
    assert!(lib.contains("#![warn(clippy::pedantic)]"));
    assert!(!lib.contains("allow(clippy::too_many_lines)"), "long functions are split, not allowed crate-wide");
    let main = std::fs::read_to_string(root.join("src/main.rs")).expect("main.rs");
    assert!(main.contains("#![warn(clippy::too_many_lines)]"));
}
