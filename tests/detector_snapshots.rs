//! Every detector's flags on the bundled corpora, as reviewed snapshots: the sample corpus
//! (`data/sample/articles.jsonl`), the clean-news fixtures, and articles and German-English pairs
//! written for these tests, with the examples from the detectors' documentation
//! (`tests/fixtures/detector-examples.jsonl`). A change to what a
//! detector reports shows up here in review, next to its version, which must be raised with it.

use mtqe::analysis::{AnalysisOptions, Doc};
use mtqe::detectors::{self, DetectorSettings};
use std::fmt::Write;

struct Article {
    id: String,
    text: String,
    source: Option<String>,
}

fn articles(path: &str) -> Vec<Article> {
    let text = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap();
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let row: serde_json::Value = serde_json::from_str(line).unwrap();
            Article {
                id: row["id"].as_str().unwrap().to_string(),
                text: row["text"].as_str().unwrap().to_string(),
                source: row.get("source").and_then(|s| s.as_str()).map(String::from),
            }
        })
        .collect()
}

/// Every detector enabled, the ones off by default included.
fn all_detectors() -> Vec<Box<dyn detectors::ConfiguredDetector>> {
    let mut settings = DetectorSettings::default();
    settings.improbable_phrase.enabled = true;
    settings.unsupported_content.enabled = true;
    let built = detectors::build(&settings);
    assert_eq!(built.len(), detectors::catalogue().len(), "every detector is enabled");
    built
}

#[test]
fn every_detectors_flags_on_the_bundled_corpora() {
    let corpora: Vec<Article> =
        ["data/sample/articles.jsonl", "tests/fixtures/clean-news.jsonl", "tests/fixtures/detector-examples.jsonl"]
            .into_iter()
            .flat_map(articles)
            .collect();
    let docs: Vec<(&Article, Doc)> =
        corpora.iter().map(|a| (a, Doc::with_options(&a.text, a.source.as_deref(), AnalysisOptions::FULL))).collect();
    let mut flagged_detectors = 0;
    for detector in all_detectors() {
        let info = detector.info();
        let mut report = format!("{} version {}\n", info.id, info.version);
        let mut count = 0;
        for (article, doc) in &docs {
            let mut flags = Vec::new();
            detector.detect(doc, &mut flags);
            for flag in flags {
                count += 1;
                assert!(article.text.is_char_boundary(flag.start) && article.text.is_char_boundary(flag.end));
                writeln!(
                    report,
                    "{} {}..{} {} {} {:.2} {:?}\n    {}{}",
                    article.id,
                    flag.start,
                    flag.end,
                    flag.severity,
                    flag.category,
                    flag.confidence,
                    &article.text[flag.start..flag.end],
                    flag.message,
                    flag.suggestion.map(|s| format!("\n    suggestion: {s:?}")).unwrap_or_default()
                )
                .unwrap();
            }
        }
        if count > 0 {
            flagged_detectors += 1;
        }
        insta::assert_snapshot!(info.id, report);
    }
    // The corpora exercise most detectors, so the snapshots are worth reviewing.
    assert!(flagged_detectors >= 24, "only {flagged_detectors} detectors flag anything on the bundled corpora");
}
