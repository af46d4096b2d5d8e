//! Validation on the WMT22 German–English general test set (research-only data, read from the
//! shared folder beside the repository when it is there, and never copied into the repository).
//!
//! True pairs are each source sentence with its reference translation (A); mismatched pairs
//! are each source with the reference seven lines further on. Coverage should tell them apart.

use super::{coverage, Coverage};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The shared data folder: `../shared` beside the repository, or `/work/shared`.
fn shared_eval() -> Option<PathBuf> {
    let beside = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    [beside, PathBuf::from("/work/shared")]
        .into_iter()
        .map(|shared| shared.join("eval/wmt22-de-en"))
        .find(|dir| dir.is_dir())
}

fn lines(path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    text.lines().map(str::to_owned).collect()
}

fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, count) = values.fold((0.0, 0usize), |(sum, count), value| (sum + value, count + 1));
    sum / count as f64
}

/// The probability that a positive scores above a negative, ties counting half (the
/// Mann–Whitney U statistic over both counts).
fn auroc(positives: &[f64], negatives: &[f64]) -> f64 {
    let mut all: Vec<(f64, bool)> =
        positives.iter().map(|&v| (v, true)).chain(negatives.iter().map(|&v| (v, false))).collect();
    all.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut positive_rank_sum = 0.0;
    let mut start = 0;
    while start < all.len() {
        let end = start + all[start..].iter().take_while(|(v, _)| *v == all[start].0).count();
        // Ranks start at 1; tied values share their average rank.
        let rank = (start + end + 1) as f64 / 2.0;
        positive_rank_sum += rank * all[start..end].iter().filter(|(_, positive)| *positive).count() as f64;
        start = end;
    }
    let (p, n) = (positives.len() as f64, negatives.len() as f64);
    (positive_rank_sum - p * (p + 1.0) / 2.0) / (p * n)
}

#[test]
fn auroc_counts_ties_half() {
    assert_eq!(auroc(&[0.9, 0.8], &[0.1, 0.2]), 1.0);
    assert_eq!(auroc(&[0.5], &[0.5]), 0.5);
    assert_eq!(auroc(&[0.1], &[0.9]), 0.0);
}

#[test]
fn wmt22_references_are_covered_and_mismatched_pairs_are_not() {
    let Some(dir) = shared_eval() else {
        eprintln!("skipped: no shared/eval/wmt22-de-en beside the repository or in /work/shared");
        return;
    };
    let sources = lines(&dir.join("generaltest2022.de-en.src.de"));
    let references = lines(&dir.join("generaltest2022.de-en.ref.A.en"));
    assert_eq!(sources.len(), references.len());
    let n = sources.len();

    super::preload();
    let start = Instant::now();
    let true_pairs: Vec<Coverage> = sources.iter().zip(&references).map(|(de, en)| coverage(de, en)).collect();
    let elapsed = start.elapsed();
    let mismatched: Vec<Coverage> = (0..n).map(|i| coverage(&sources[i], &references[(i + 7) % n])).collect();

    let lowest = |c: &Coverage| c.source_coverage.min(c.target_support);
    let true_coverage = mean(true_pairs.iter().map(|c| c.source_coverage));
    let true_support = mean(true_pairs.iter().map(|c| c.target_support));
    let mismatched_coverage = mean(mismatched.iter().map(|c| c.source_coverage));
    let mismatched_support = mean(mismatched.iter().map(|c| c.target_support));
    let scores = |pairs: &[Coverage], f: &dyn Fn(&Coverage) -> f64| pairs.iter().map(f).collect::<Vec<f64>>();
    let auroc_of = |f: &dyn Fn(&Coverage) -> f64| auroc(&scores(&true_pairs, f), &scores(&mismatched, f));
    let auroc_min = auroc_of(&lowest);
    println!(
        "WMT22 de-en, {n} pairs: true coverage {true_coverage:.3}, support {true_support:.3}; \
         mismatched coverage {mismatched_coverage:.3}, support {mismatched_support:.3}; \
         AUROC coverage {:.4}, support {:.4}, min {auroc_min:.4}",
        auroc_of(&|c| c.source_coverage),
        auroc_of(&|c| c.target_support),
    );
    println!(
        "{n} true pairs scored in {:.1} ms ({:.1} µs a pair)",
        elapsed.as_secs_f64() * 1e3,
        elapsed.as_secs_f64() * 1e6 / n as f64
    );
    for (i, (true_pair, mismatched_pair)) in true_pairs.iter().zip(&mismatched).enumerate() {
        let (english, other_english) = (&references[i], &references[(i + 7) % n]);
        for (result, english) in [(true_pair, english), (mismatched_pair, other_english)] {
            assert!(result.uncovered_source.iter().all(|span| sources[i].get(span.clone()).is_some()), "{i}");
            assert!(result.unsupported_target.iter().all(|span| english.get(span.clone()).is_some()), "{i}");
        }
    }
    assert!(true_coverage >= 0.65, "{true_coverage}");
    assert!(mismatched_coverage <= 0.15, "{mismatched_coverage}");
    assert!(auroc_min >= 0.95, "{auroc_min}");
}
