//! `mtqe filter`: the rows that pass, unchanged, in the input's format; the others with reasons.

mod common;

use common::*;
use polars::prelude::*;
use std::collections::HashMap;
use std::path::Path;

fn sample_lines() -> Vec<String> {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sample/articles.jsonl"))
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect()
}

fn filter(args: &[&str]) -> std::process::Output {
    mtqe().arg("filter").args(args).output().unwrap()
}

/// Penalty and detectors of each document of a scored run.
fn scores(run: &Path) -> (HashMap<String, f64>, HashMap<String, Vec<String>>) {
    let documents = read_table(run, "documents.parquet");
    let penalties =
        strings(&documents, "doc_id").into_iter().map(Option::unwrap).zip(f64s(&documents, "penalty")).collect();
    let flags = read_table(run, "flags.parquet");
    let mut detectors: HashMap<String, Vec<String>> = HashMap::new();
    for (id, detector) in strings(&flags, "doc_id").into_iter().zip(strings(&flags, "detector")) {
        detectors.entry(id.unwrap()).or_default().push(detector.unwrap());
    }
    (penalties, detectors)
}

#[test]
fn json_lines_rows_that_pass_are_copied_byte_for_byte_and_the_others_carry_their_reasons() {
    let dir = tempfile::tempdir().unwrap();
    let mut lines = sample_lines();
    lines.push("not json at all".into());
    let corpus = dir.path().join("corpus.jsonl");
    std::fs::write(&corpus, lines.join("\n") + "\n").unwrap();
    let kept = dir.path().join("kept.jsonl");
    let output = filter(&[corpus.to_str().unwrap(), "--out", kept.to_str().unwrap(), "--max-penalty", "5"]);
    assert_exit(&output, 0);
    let run = dir.path().join("run");
    assert_exit(&score(&[corpus.to_str().unwrap()], &run), 1);
    let (penalties, _) = scores(&run);

    let kept_lines: Vec<String> = std::fs::read_to_string(&kept).unwrap().lines().map(str::to_owned).collect();
    let expected: Vec<&String> = lines
        .iter()
        .filter(|line| {
            let id =
                serde_json::from_str::<serde_json::Value>(line).ok().and_then(|v| v["id"].as_str().map(str::to_owned));
            id.is_some_and(|id| penalties[&id] <= 5.0)
        })
        .collect();
    assert!(!expected.is_empty() && expected.len() < lines.len() - 1);
    assert_eq!(kept_lines.iter().collect::<Vec<_>>(), expected, "kept rows are the input lines, unchanged");

    let rejected = std::fs::read_to_string(dir.path().join("kept.rejected.jsonl")).unwrap();
    let rejected: Vec<serde_json::Value> = rejected.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(kept_lines.len() + rejected.len(), lines.len());
    for row in &rejected {
        let reasons = row["mtqe_reasons"].as_array().unwrap();
        assert!(!reasons.is_empty());
        if let Some(id) = row["id"].as_str() {
            assert!(penalties[id] > 5.0);
            assert!(reasons[0].as_str().unwrap().starts_with("penalty "), "{row}");
            // The rest of the object is the input's.
            let original: serde_json::Value =
                serde_json::from_str(lines.iter().find(|l| l.contains(&format!("\"{id}\""))).unwrap()).unwrap();
            let mut without = row.clone();
            without.as_object_mut().unwrap().remove("mtqe_reasons");
            assert_eq!(without, original);
        } else {
            assert_eq!(row["mtqe_line"], "not json at all");
        }
    }
}

#[test]
fn a_finished_run_can_supply_the_scores_and_detectors_can_drop_rows() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    std::fs::write(&corpus, sample_lines().join("\n") + "\n").unwrap();
    let run = dir.path().join("run");
    assert_exit(&score(&[corpus.to_str().unwrap()], &run), 0);
    let (_, detectors) = scores(&run);
    let kept = dir.path().join("kept.jsonl");
    let rejected = dir.path().join("dropped.jsonl");
    let output = filter(&[
        corpus.to_str().unwrap(),
        "--from-run",
        run.to_str().unwrap(),
        "--out",
        kept.to_str().unwrap(),
        "--rejected",
        rejected.to_str().unwrap(),
        "--drop-detector",
        "literal-idiom",
        "--drop-detector",
        "non-translation",
    ]);
    assert_exit(&output, 0);
    let dropped: Vec<serde_json::Value> =
        std::fs::read_to_string(&rejected).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let expected =
        detectors.values().filter(|found| found.iter().any(|d| d == "literal-idiom" || d == "non-translation")).count();
    assert!(expected > 0);
    assert_eq!(dropped.len(), expected);
    for row in &dropped {
        let reasons: Vec<&str> = row["mtqe_reasons"].as_array().unwrap().iter().map(|r| r.as_str().unwrap()).collect();
        assert!(reasons.iter().all(|r| r.starts_with("flagged by ")), "{reasons:?}");
    }
    let kept_rows = std::fs::read_to_string(&kept).unwrap().lines().count();
    assert_eq!(kept_rows + dropped.len(), sample_lines().len());
}

#[test]
fn parquet_rows_keep_every_column_and_type_and_failures_get_a_reasons_column() {
    let dir = tempfile::tempdir().unwrap();
    let parquet = dir.path().join("corpus.parquet");
    let mut frame = DataFrame::new(
        3,
        vec![
            Column::new("id".into(), ["a", "b", "c"]),
            Column::new("text".into(), ["Prices rose sharply.", "The the mayor said said it.", "It rained."]),
            Column::new("published".into(), [19724i32, 19725, 19726]).cast(&DataType::Date).unwrap(),
            Column::new("words".into(), [3i64, 6, 2]),
        ],
    )
    .unwrap();
    ParquetWriter::new(std::fs::File::create(&parquet).unwrap()).finish(&mut frame).unwrap();
    let kept = dir.path().join("kept.parquet");
    assert_exit(&filter(&[parquet.to_str().unwrap(), "--out", kept.to_str().unwrap(), "--max-penalty", "0"]), 0);
    let read = |path: &Path| ParquetReader::new(std::fs::File::open(path).unwrap()).finish().unwrap();
    let passed = read(&kept);
    assert_eq!(passed.schema(), frame.schema(), "every column, in its own type");
    assert_eq!(strings(&passed, "id"), [Some("a".into()), Some("c".into())]);
    let failed = read(&dir.path().join("kept.rejected.parquet"));
    assert_eq!(failed.get_column_names()[0].as_str(), "mtqe_reasons");
    assert_eq!(strings(&failed, "id"), [Some("b".into())]);
    assert!(strings(&failed, "mtqe_reasons")[0].as_deref().unwrap().starts_with("penalty "));
    assert_eq!(failed.column("published").unwrap().dtype(), &DataType::Date);
}

#[test]
fn filter_needs_a_criterion_and_an_input_format_it_can_write() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("corpus.csv");
    std::fs::write(&csv, "id,text\na,Prices rose.\n").unwrap();
    let out = dir.path().join("kept.csv");
    let no_criterion = filter(&[csv.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert_exit(&no_criterion, 2);
    let unsupported = filter(&[csv.to_str().unwrap(), "--out", out.to_str().unwrap(), "--max-penalty", "1"]);
    assert_exit(&unsupported, 2);
    assert!(stderr(&unsupported).contains("JSON Lines or Parquet"), "{}", stderr(&unsupported));
    assert!(!out.exists());
}
