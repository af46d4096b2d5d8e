//! The module structure the code keeps to: no import circle between the top-level modules of
//! `src/`, no detector that imports another, and a registry line for every detector file.
//!
//! Modules are read as text: a module uses another when its files name `crate::other`, in code
//! or in a doc link, or list it in a `use crate::{…}` group.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// The top-level modules that `source` names through `crate::`.
fn crate_modules_named(source: &str) -> BTreeSet<String> {
    let mut named = BTreeSet::new();
    for (at, _) in source.match_indices("crate::") {
        if at > 0 && source[..at].ends_with(|c: char| is_ident(c) || c == '$') {
            continue;
        }
        let rest = &source[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let group = &group[..group.find('}').unwrap_or(group.len())];
            for item in group.split(',') {
                let name: String = item.trim().chars().take_while(|&c| is_ident(c)).collect();
                if !name.is_empty() {
                    named.insert(name);
                }
            }
        } else {
            let name: String = rest.chars().take_while(|&c| is_ident(c)).collect();
            if !name.is_empty() {
                named.insert(name);
            }
        }
    }
    named
}

/// The top-level module a file of `src/` belongs to: `src/read/csv.rs` → `read`.
fn top_level_module(src: &Path, file: &Path) -> String {
    let first = file.strip_prefix(src).unwrap().components().next().unwrap();
    first.as_os_str().to_string_lossy().trim_end_matches(".rs").to_string()
}

/// Each top-level module of `src/` and the other top-level modules it uses.
fn module_graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let files = rust_files(&src);
    let modules: BTreeSet<String> =
        files.iter().map(|f| top_level_module(&src, f)).filter(|m| m != "lib" && m != "main").collect();
    for file in &files {
        let module = top_level_module(&src, file);
        if !modules.contains(&module) {
            continue;
        }
        let source = fs::read_to_string(file).unwrap();
        let uses = graph.entry(module.clone()).or_default();
        uses.extend(crate_modules_named(&source).into_iter().filter(|m| *m != module && modules.contains(m)));
    }
    graph
}

/// A circle of modules, if the graph has one.
fn find_circle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        module: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|m| m == module) {
            let mut circle = path[at..].to_vec();
            circle.push(module.to_string());
            return Some(circle);
        }
        if done.contains(module) {
            return None;
        }
        path.push(module.to_string());
        for next in graph.get(module).into_iter().flatten() {
            if let Some(circle) = visit(next, graph, path, done) {
                return Some(circle);
            }
        }
        path.pop();
        done.insert(module.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph.keys().find_map(|module| visit(module, graph, &mut Vec::new(), &mut done))
}

#[test]
fn no_import_circle_between_top_level_modules() {
    let graph = module_graph();
    assert!(graph.len() > 10, "the graph covers the modules of src/: {graph:?}");
    if let Some(circle) = find_circle(&graph) {
        panic!("import circle: {}", circle.join(" → "));
    }
}

#[test]
fn the_circle_finder_finds_circles() {
    let graph: BTreeMap<String, BTreeSet<String>> =
        [("a", vec!["b"]), ("b", vec!["c"]), ("c", vec!["a"]), ("d", vec!["a"])]
            .into_iter()
            .map(|(m, uses)| (m.to_string(), uses.into_iter().map(String::from).collect()))
            .collect();
    assert_eq!(find_circle(&graph).unwrap(), ["a", "b", "c", "a"]);
    let mut tree = graph.clone();
    tree.get_mut("c").unwrap().clear();
    assert_eq!(find_circle(&tree), None);
    assert_eq!(
        crate_modules_named(
            "use crate::{analysis::Doc, flag::Flag};\n/// [`crate::score::x`]\nlet a = my_crate::other;"
        ),
        ["analysis", "flag", "score"].map(String::from).into_iter().collect()
    );
}

/// The `pub mod` lines between the registry markers of `src/detectors/mod.rs`.
fn registered_detectors() -> Vec<String> {
    let registry = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/detectors/mod.rs")).unwrap();
    let block = registry.split("// registry start").nth(1).unwrap().split("// registry end").next().unwrap();
    block.lines().filter_map(|l| l.trim().strip_prefix("pub mod ")?.strip_suffix(';').map(String::from)).collect()
}

#[test]
fn no_detector_imports_another_detector() {
    let detectors = registered_detectors();
    assert!(detectors.len() >= 30, "{detectors:?}");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/detectors");
    for module in &detectors {
        let source = fs::read_to_string(dir.join(format!("{module}.rs"))).unwrap();
        for other in detectors.iter().filter(|o| *o != module) {
            for path in
                [format!("super::{other}::"), format!("detectors::{other}::"), format!("super::super::{other}::")]
            {
                assert!(
                    !source.contains(&path),
                    "{module}.rs uses the detector {other} ({path}); move what they share into analysis/ or lexicon/"
                );
            }
        }
    }
}

#[test]
fn every_detector_file_is_registered_in_order() {
    let detectors = registered_detectors();
    let mut sorted = detectors.clone();
    sorted.sort();
    assert_eq!(detectors, sorted, "keep the registry sorted");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/detectors");
    for file in rust_files(&dir) {
        let module = file.file_stem().unwrap().to_string_lossy().to_string();
        if module == "mod" {
            continue;
        }
        let source = fs::read_to_string(&file).unwrap();
        let is_detector = source.contains("impl Detector for");
        assert_eq!(
            is_detector,
            detectors.contains(&module),
            "{module}.rs: a detector needs a registry line, and only a detector"
        );
    }
}
