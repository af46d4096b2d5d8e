//! The `rust-version` in Cargo.toml is the one the locked dependencies need.

use std::process::Command;

fn version(text: &str) -> Vec<u32> {
    text.split('.').map(|part| part.parse().unwrap_or(0)).collect()
}

#[test]
fn rust_version_is_at_least_what_every_locked_dependency_declares() {
    // The packages built for this machine: others (for Windows, UEFI…) are never downloaded.
    let rustc = Command::new("rustc").arg("-vV").output().expect("rustc runs");
    let host = String::from_utf8_lossy(&rustc.stdout)
        .lines()
        .find_map(|line| line.strip_prefix("host: ").map(str::to_owned))
        .expect("rustc -vV names the host");
    let output = Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--locked", "--offline", "--filter-platform", &host])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let packages = metadata["packages"].as_array().unwrap();
    let declared = |name: &str| {
        packages.iter().find(|p| p["name"] == name).and_then(|p| p["rust_version"].as_str()).map(str::to_owned)
    };
    let ours = declared("mtqe").expect("Cargo.toml sets rust-version");
    let (needed, by) = packages
        .iter()
        .filter_map(|p| Some((p["rust_version"].as_str()?.to_owned(), p["name"].as_str()?.to_owned())))
        .max_by_key(|(v, _)| version(v))
        .unwrap();
    assert!(version(&ours) >= version(&needed), "rust-version {ours}, but {by} needs {needed}");
    assert_eq!(
        version(&ours),
        version(&needed),
        "rust-version {ours} is higher than any dependency needs ({needed}, {by})"
    );
}
