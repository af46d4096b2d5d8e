//! `mtqe eval` end to end: a small hand-checked spans-jsonl file, reading an existing score
//! output with --pred, and the shared MQM and DEMETR data when this checkout has them.

mod common;

use common::*;
use std::path::Path;

fn eval(args: &[&str]) -> std::process::Output {
    mtqe().arg("eval").args(args).output().expect("the mtqe binary runs")
}

/// Two items: one with a doubled word that a gold span marks, one clean text with a gold span
/// on a word no detector flags.
fn write_gold(path: &Path) {
    let lines = [
        serde_json::json!({"id": "g1", "text": "The the council met on Monday.", "spans": [{"start": 0, "end": 7, "category": "Fluency/Grammar", "severity": "Minor"}], "score": -1.0, "group": "s1"}),
        serde_json::json!({"id": "g2", "text": "The council met on Monday.", "spans": [{"start": 4, "end": 11, "category": "Accuracy/Mistranslation"}], "score": -5.0, "group": "s1"}),
    ];
    std::fs::write(path, lines.map(|l| l.to_string()).join("\n")).unwrap();
}

#[test]
fn spans_jsonl_gold_gives_hand_checked_precision_and_recall() {
    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("gold.jsonl");
    write_gold(&gold);
    let out = dir.path().join("eval");
    let output = eval(&["--gold", gold.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert_exit(&output, 0);
    let report = std::fs::read_to_string(out.join("report.md")).unwrap();
    // One flag ("The the"), and it overlaps the first gold span: precision 1/1; recall 1/2.
    assert!(report.contains("| flag precision | 1.000 (1/1)"), "{report}");
    assert!(report.contains("| gold-span recall | 0.500 (1/2)"), "{report}");
    let segments = read_table(&out, "segments.parquet");
    assert_eq!(segments.height(), 2);
    assert_eq!(u32s(&segments, "n_flags"), [1, 0]);
}

#[test]
fn existing_score_output_can_be_evaluated_with_pred() {
    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("gold.jsonl");
    write_gold(&gold);
    let scored = dir.path().join("scored");
    assert_exit(&score(&[gold.to_str().unwrap()], &scored), 0);
    let out = dir.path().join("eval");
    let output =
        eval(&["--gold", gold.to_str().unwrap(), "--pred", scored.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert_exit(&output, 0);
    let report = std::fs::read_to_string(out.join("report.md")).unwrap();
    assert!(report.contains("read from"), "{report}");
    assert!(report.contains("| flag precision | 1.000 (1/1)"), "{report}");
}

#[test]
fn shared_mqm_and_demetr_data_are_evaluated_by_split() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval");
    if !shared.exists() {
        eprintln!("skipped: ../shared/eval is not present in this checkout");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mqm = shared.join("mqm-zhen-newstest2021/mqm-newstest2021_zhen.tsv");
    let out = dir.path().join("mqm");
    assert_exit(&eval(&["--gold", mqm.to_str().unwrap(), "--out", out.to_str().unwrap()]), 0);
    let report = std::fs::read_to_string(out.join("report.md")).unwrap();
    assert!(report.contains("## Split `dev`") && report.contains("## Split `test`"), "{report}");
    assert!(report.contains("length baseline"));
    let segments = read_table(&out, "segments.parquet");
    assert_eq!(segments.height(), 9750, "650 segments by 15 systems");
    let splits = strings(&segments, "split");
    assert!(splits.iter().any(|s| s.as_deref() == Some("dev")) && splits.iter().any(|s| s.as_deref() == Some("test")));

    let demetr = shared.join("demetr-german/demetr-german.jsonl");
    let out = dir.path().join("demetr");
    assert_exit(
        &eval(&["--gold", demetr.to_str().unwrap(), "--gold-format", "demetr", "--out", out.to_str().unwrap()]),
        0,
    );
    let table = read_table(&out, "demetr.parquet");
    let types = strings(&table, "type");
    assert!(types.iter().any(|t| t.as_deref() == Some("minor_id1_repeat2")));
    let detection = f64s_nullable(&table, "detection");
    let repeat = types.iter().position(|t| t.as_deref() == Some("minor_id2_repeat4")).unwrap();
    assert!(detection[repeat].unwrap() > 0.8, "fourfold repeats are caught");
    // The source-aware detectors' targets: detection of changed numbers, negation and empty
    // translations at least 0.8, of replaced names at least 0.6, false flags at most 0.05.
    let false_flags = f64s_nullable(&table, "false_flag_rate");
    let rate = |values: &[Option<f64>], kind: &str| {
        let row = types.iter().position(|t| t.as_deref() == Some(kind)).unwrap_or_else(|| panic!("{kind} missing"));
        values[row].unwrap()
    };
    for (kind, floor) in [
        ("critical_id10_numbers_replaced", 0.8),
        ("critical_id8_negation", 0.8),
        ("base_id33_empty", 0.8),
        ("critical_id9_ne_replaced", 0.6),
    ] {
        assert!(rate(&detection, kind) >= floor, "{kind}: detection {}", rate(&detection, kind));
        assert!(rate(&false_flags, kind) <= 0.05, "{kind}: false flags {}", rate(&false_flags, kind));
    }
}

fn f64s_nullable(frame: &polars::prelude::DataFrame, column: &str) -> Vec<Option<f64>> {
    let column = frame.column(column).unwrap().f64().unwrap().clone();
    (0..column.len()).map(|i| column.get(i)).collect()
}
