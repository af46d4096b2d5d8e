//! Registers every detector: reads the `pub mod` lines of the registry in
//! `src/detectors/mod.rs` and writes the `registry!` invocation that builds the settings table,
//! the catalogue and the configured detectors from them. A detector module `unclosed_quote`
//! holds the type `UnclosedQuote`, so one line declares the module and registers the detector.

use std::{env, fs, path::Path};

const REGISTRY: &str = "src/detectors/mod.rs";

fn main() {
    println!("cargo::rerun-if-changed={REGISTRY}");
    let source = fs::read_to_string(REGISTRY).expect("src/detectors/mod.rs is readable");
    let block = source
        .split("// registry start")
        .nth(1)
        .and_then(|rest| rest.split("// registry end").next())
        .expect("src/detectors/mod.rs marks its registry with `// registry start` and `// registry end`");
    let mut entries = Vec::new();
    for (number, line) in block.lines().enumerate().filter(|(_, line)| !line.trim().is_empty()) {
        let module =
            line.trim().strip_prefix("pub mod ").and_then(|rest| rest.strip_suffix(';')).unwrap_or_else(|| {
                panic!("{REGISTRY}: registry line {number}: expected `pub mod name;`, found {line:?}")
            });
        entries.push(format!("{module}::{}", type_name(module)));
    }
    let code = format!("registry! {{\n    {},\n}}\n", entries.join(",\n    "));
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("detector_registry.rs");
    fs::write(out, code).expect("OUT_DIR is writable");
}

/// `unclosed_quote` → `UnclosedQuote`.
fn type_name(module: &str) -> String {
    module
        .split('_')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map(|first| first.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
        })
        .collect()
}
