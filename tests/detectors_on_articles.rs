//! The detectors on whole articles: precision on clean news written for these tests, and the
//! errors of the seed article in ../shared (skipped when that checkout is absent).

mod common;

use common::*;
use std::path::Path;

fn flags_of(input: &Path) -> (Vec<String>, Vec<String>, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    assert_exit(&score(&[input.to_str().unwrap()], &out), 0);
    let flags = read_table(&out, "flags.parquet");
    let column = |name| strings(&flags, name).into_iter().map(Option::unwrap).collect();
    (column("doc_id"), column("detector"), column("excerpt"))
}

#[test]
fn clean_news_gets_at_most_one_flag_per_2000_words() {
    let input = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/clean-news.jsonl");
    let words: usize = std::fs::read_to_string(&input)
        .unwrap()
        .lines()
        .map(|line| {
            serde_json::from_str::<serde_json::Value>(line).unwrap()["text"]
                .as_str()
                .unwrap()
                .split_whitespace()
                .count()
        })
        .sum();
    assert!(words >= 2000, "the clean set must be large enough to measure: {words} words");
    let (ids, detectors, excerpts) = flags_of(&input);
    let allowed = words / 2000;
    let found: Vec<String> = (0..ids.len()).map(|i| format!("{} {} {:?}", ids[i], detectors[i], excerpts[i])).collect();
    assert!(
        found.len() <= allowed,
        "{} flags on {words} words of clean news (allowed {allowed}):\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn the_seed_article_yields_its_discourse_errors() {
    let Some(seed) = shared_seed() else {
        eprintln!("skipped: ../shared/seed is not present in this checkout");
        return;
    };
    let (_, detectors, excerpts) = flags_of(&seed);
    let has = |detector: &str, excerpt: &str| {
        detectors.iter().zip(&excerpts).any(|(d, e)| d == detector && e.contains(excerpt))
    };
    assert!(has("narrative-you", "You"), "\"You switch sides.\": {detectors:?} {excerpts:?}");
    assert!(has("inconsistent-name", "Arni"), "Arni vs Arnie");
    assert!(has("unclosed-quote", "“But that doesn’t mean"), "the unclosed quote");
    assert!(has("verbless-sentence", "“Freedom of Russia” since March."), "the verbless fragment");
    assert!(has("orphan-attribution", "“Moscow Times” reported."), "the orphan attribution");
}

#[test]
fn the_seed_article_yields_its_interference_errors() {
    let Some(seed) = shared_seed() else {
        eprintln!("skipped: ../shared/seed is not present in this checkout");
        return;
    };
    let (_, detectors, excerpts) = flags_of(&seed);
    let has = |detector: &str, excerpt: &str| {
        detectors.iter().zip(&excerpts).any(|(d, e)| d == detector && e.contains(excerpt))
    };
    assert!(has("literal-idiom", "Months eat"), "\"Months eat Russians.\": {detectors:?} {excerpts:?}");
    assert!(has("age-in-parentheses", "Putin (69)"), "\"Putin (69)\"");
}
