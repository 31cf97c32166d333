//! The shape of the house: the library's top-level modules depend on each other without
//! cycles, and the terminal and command-line crates stay in their layers (ratatui and
//! crossterm only in `src/tui/`, clap only in `src/cli/`). Read from the `crate::` paths of
//! the source, test code left out.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// module → module it uses → the files that use it.
type Graph = BTreeMap<String, BTreeMap<String, BTreeSet<String>>>;

/// The source without the items marked `#[cfg(test)]` (a test module or a single item):
/// tests may reach anywhere.
fn without_tests(text: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        if line.trim() != "#[cfg(test)]" {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        // Skip the item that follows: up to the `;` or the `}` that closes it.
        let mut depth = 0i32;
        for item in lines.by_ref() {
            depth += item.matches('{').count() as i32 - item.matches('}').count() as i32;
            let trimmed = item.trim_end();
            if depth <= 0 && (trimmed.ends_with(';') || trimmed.ends_with('}')) {
                break;
            }
        }
    }
    out
}

/// The top-level modules a piece of source names through `crate::`, grouped imports
/// (`use crate::{a::X, b::{Y, Z}}`) included.
fn modules_used(text: &str) -> BTreeSet<String> {
    let mut used = BTreeSet::new();
    let name_at = |rest: &str| -> String { rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect() };
    for (at, _) in text.match_indices("crate::") {
        let rest = &text[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // Names at the group's own level: after `{` and after each `,` at depth 1.
            let mut depth = 1;
            let mut expect_name = true;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    ',' if depth == 1 => expect_name = true,
                    c if expect_name && depth == 1 && !c.is_whitespace() => {
                        used.insert(name_at(&group[i..]));
                        expect_name = false;
                    }
                    _ => {}
                }
            }
        } else {
            used.insert(name_at(rest));
        }
    }
    used.retain(|m| !m.is_empty() && m != "self" && m != "super");
    used
}

fn top_module(relative: &Path) -> String {
    let first = relative.components().next().expect("a path inside src");
    first.as_os_str().to_string_lossy().trim_end_matches(".rs").to_string()
}

fn graph() -> Graph {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    common::rust_files(&src, &mut files);
    let mut graph = Graph::new();
    for file in files {
        let relative = file.strip_prefix(&src).expect("inside src").to_path_buf();
        let module = top_module(&relative);
        if module == "lib" || module == "main" {
            continue;
        }
        let text = without_tests(&std::fs::read_to_string(&file).expect("source is readable"));
        let entry = graph.entry(module.clone()).or_default();
        for used in modules_used(&text) {
            if used != module {
                entry.entry(used).or_default().insert(relative.display().to_string());
            }
        }
    }
    graph
}

/// Every cycle's modules (strongly connected components of more than one module).
fn cycles(graph: &Graph) -> Vec<Vec<String>> {
    // Kosaraju: order by finish time, then walk the reversed graph.
    fn visit<'a>(graph: &'a Graph, node: &'a str, seen: &mut BTreeSet<&'a str>, order: &mut Vec<&'a str>) {
        if !seen.insert(node) {
            return;
        }
        for next in graph.get(node).into_iter().flat_map(BTreeMap::keys) {
            visit(graph, next, seen, order);
        }
        order.push(node);
    }
    let mut reversed: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (from, targets) in graph {
        for to in targets.keys() {
            reversed.entry(to.as_str()).or_default().push(from.as_str());
        }
    }
    let (mut seen, mut order) = (BTreeSet::new(), Vec::new());
    for node in graph.keys() {
        visit(graph, node, &mut seen, &mut order);
    }
    let mut assigned = BTreeSet::new();
    let mut components = Vec::new();
    for &start in order.iter().rev() {
        if assigned.contains(start) {
            continue;
        }
        let (mut component, mut stack) = (Vec::new(), vec![start]);
        while let Some(node) = stack.pop() {
            if assigned.insert(node) {
                component.push(node.to_string());
                stack.extend(reversed.get(node).into_iter().flatten().copied());
            }
        }
        if component.len() > 1 {
            component.sort();
            components.push(component);
        }
    }
    components
}

#[test]
fn the_modules_depend_on_each_other_without_cycles() {
    let graph = graph();
    assert!(graph.contains_key("store") && graph.contains_key("import"), "the source was read: {graph:?}");
    let found = cycles(&graph);
    let explain = |component: &Vec<String>| -> String {
        let mut lines = vec![format!("cycle among {}:", component.join(", "))];
        for from in component {
            for (to, files) in &graph[from] {
                if component.contains(to) {
                    let files: Vec<&str> = files.iter().map(String::as_str).collect();
                    lines.push(format!("  {from} → {to} (in {})", files.join(", ")));
                }
            }
        }
        lines.join("\n")
    };
    let report: Vec<String> = found.iter().map(explain).collect();
    assert!(found.is_empty(), "{}", report.join("\n"));
}

#[test]
fn terminal_and_command_line_crates_stay_in_their_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    common::rust_files(&src, &mut files);
    let mut misplaced = Vec::new();
    for file in files {
        let relative = file.strip_prefix(&src).expect("inside src");
        let module = top_module(relative);
        let text = without_tests(&std::fs::read_to_string(&file).expect("source is readable"));
        let code: String = text.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n");
        for (krate, home) in [("ratatui::", "tui"), ("crossterm::", "tui"), ("clap::", "cli")] {
            if code.contains(krate) && module != home {
                misplaced.push(format!("{} uses {krate} outside src/{home}/", relative.display()));
            }
        }
    }
    assert!(misplaced.is_empty(), "{}", misplaced.join("\n"));
}

#[test]
fn the_reader_sees_grouped_imports_and_leaves_tests_out() {
    let text = "use crate::{error::Error, store::{Store, lookup::Resolver}};\nfn f() { crate::text::fold(\"\"); }\n\
                #[cfg(test)]\nmod tests {\n    use crate::tui::App;\n    fn g() {}\n}\nuse crate::model::X;\n";
    let used = modules_used(&without_tests(text));
    let expected: BTreeSet<String> = ["error", "store", "text", "model"].into_iter().map(String::from).collect();
    assert_eq!(used, expected);
    let mut graph = Graph::new();
    for (from, to) in [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")] {
        graph.entry(from.into()).or_default().entry(to.into()).or_default();
    }
    assert_eq!(cycles(&graph), vec![vec!["a".to_string(), "b".into(), "c".into()]]);
}
