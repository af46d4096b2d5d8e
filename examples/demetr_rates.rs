//! Detection and false-flag rates of each detector on DEMETR German→English items.
//!
//! `cargo run --release --example demetr_rates -- ../shared/eval/demetr-german/demetr-german.jsonl [TYPE...]`
//!
//! For each perturbation type: how often any flag overlaps the perturbed words of `pert_sent`
//! (detection), how often any flag fires on the unperturbed `mt_sent` (false flags), and the same
//! per detector. `mtqe eval` will supersede this once it exists.

use mtqe::analysis::Doc;
use mtqe::config::Config;
use mtqe::detectors::{build, run_all};
use std::collections::BTreeMap;

/// The changed byte range of `pert` against `mt`: everything between the common prefix and suffix.
fn changed_span(mt: &str, pert: &str) -> (usize, usize) {
    let prefix = mt.bytes().zip(pert.bytes()).take_while(|(a, b)| a == b).count();
    let suffix = mt.bytes().rev().zip(pert.bytes().rev()).take_while(|(a, b)| a == b).count();
    let mut start = prefix.min(pert.len());
    let mut end = pert.len().saturating_sub(suffix).max(start);
    while !pert.is_char_boundary(start) {
        start -= 1;
    }
    while !pert.is_char_boundary(end) {
        end += 1;
    }
    // Widen to whole words, so a flag on the changed word counts.
    let start = pert[..start].rfind(' ').map_or(0, |i| i + 1);
    let end = pert[end..].find(' ').map_or(pert.len(), |i| end + i);
    (start, end.max(start + 1).min(pert.len().max(start)))
}

#[derive(Default)]
struct Tally {
    items: u32,
    detected: u32,
    false_flagged: u32,
    by_detector: BTreeMap<&'static str, (u32, u32)>,
}

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: demetr_rates FILE [TYPE...]");
    let wanted: Vec<String> = args.collect();
    let detectors = build(&Config::default().detectors);
    let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
    for line in std::fs::read_to_string(path).expect("readable file").lines() {
        let item: serde_json::Value = serde_json::from_str(line).expect("JSON");
        let kind = item["pert_name"].as_str().unwrap().to_string();
        if !wanted.is_empty() && !wanted.contains(&kind) {
            continue;
        }
        let (mt, pert) = (item["mt_sent"].as_str().unwrap(), item["pert_sent"].as_str().unwrap());
        let mt_flags = run_all(&detectors, &Doc::new(mt));
        let pert_flags = run_all(&detectors, &Doc::new(pert));
        let (start, end) = changed_span(mt, pert);
        let tally = tallies.entry(kind).or_default();
        tally.items += 1;
        let hits: Vec<_> = pert_flags.iter().filter(|f| f.start < end.max(start + 1) && start < f.end).collect();
        tally.detected += u32::from(!hits.is_empty());
        tally.false_flagged += u32::from(!mt_flags.is_empty());
        let mut seen_pert: Vec<&str> = hits.iter().map(|f| f.detector).collect();
        seen_pert.sort();
        seen_pert.dedup();
        for detector in seen_pert {
            tally.by_detector.entry(detector).or_default().0 += 1;
        }
        let mut seen_mt: Vec<&str> = mt_flags.iter().map(|f| f.detector).collect();
        seen_mt.sort();
        seen_mt.dedup();
        for detector in seen_mt {
            tally.by_detector.entry(detector).or_default().1 += 1;
        }
    }
    println!("| type | items | detected on pert_sent | flagged on mt_sent | by detector (detected / false) |");
    println!("| --- | --- | --- | --- | --- |");
    let mut total = Tally::default();
    for (kind, tally) in &tallies {
        let share = |n: u32| n as f64 / tally.items.max(1) as f64;
        let detail: Vec<String> = tally.by_detector.iter().map(|(d, (hit, fp))| format!("{d} {hit}/{fp}")).collect();
        println!(
            "| {kind} | {} | {:.2} | {:.2} | {} |",
            tally.items,
            share(tally.detected),
            share(tally.false_flagged),
            detail.join(", ")
        );
        total.items += tally.items;
        total.detected += tally.detected;
        total.false_flagged += tally.false_flagged;
    }
    println!(
        "| all | {} | {:.3} | {:.3} | |",
        total.items,
        total.detected as f64 / total.items.max(1) as f64,
        total.false_flagged as f64 / total.items.max(1) as f64
    );
}
