//! Helpers shared by the integration tests: run the binary, read the tables back.
#![allow(dead_code)]

use polars::prelude::*;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub fn mtqe() -> Command {
    Command::new(env!("CARGO_BIN_EXE_mtqe"))
}

/// Runs `mtqe score` with the given arguments and `--out out --quiet`.
pub fn score(args: &[&str], out: &Path) -> Output {
    mtqe()
        .arg("score")
        .args(args)
        .arg("--out")
        .arg(out)
        .arg("--quiet")
        .stdin(Stdio::null())
        .output()
        .expect("the mtqe binary runs")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[track_caller]
pub fn assert_exit(output: &Output, code: i32) {
    assert_eq!(output.status.code(), Some(code), "stderr: {}", stderr(output));
}

pub fn read_table(dir: &Path, name: &str) -> DataFrame {
    let file = std::fs::File::open(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    ParquetReader::new(file).finish().unwrap()
}

pub fn strings(frame: &DataFrame, column: &str) -> Vec<Option<String>> {
    let column = frame.column(column).unwrap().str().unwrap().clone();
    (0..column.len()).map(|i| column.get(i).map(str::to_owned)).collect()
}

pub fn u32s(frame: &DataFrame, column: &str) -> Vec<u32> {
    let column = frame.column(column).unwrap().u32().unwrap().clone();
    (0..column.len()).map(|i| column.get(i).unwrap()).collect()
}

pub fn f64s(frame: &DataFrame, column: &str) -> Vec<f64> {
    let column = frame.column(column).unwrap().f64().unwrap().clone();
    (0..column.len()).map(|i| column.get(i).unwrap()).collect()
}

pub fn rejects(dir: &Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(dir.join("rejects.jsonl"))
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

/// The seed article in ../shared, when this checkout has it.
pub fn shared_seed() -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seed/article-2022-08-09.txt");
    path.exists().then_some(path)
}

/// Three articles with metadata, used to write the same corpus in every format.
pub const ARTICLES: [(&str, &str, &str); 3] = [
    (
        "a1",
        "mt-alpha",
        "Flood aid delayed\n\nThe state government presented a new aid package on Tuesday. \
         “The money never arrives where it is needed. The forms alone take weeks.\n\
         The the district office did not comment.",
    ),
    ("a2", "human", "Dr. Anna Weber, 54, leads the U.S. office in Köln. “We will appeal,” she said, \"today\"."),
    ("a3", "mt-beta", "Prices rose sharply in in June.\nNobody expected that, economists said."),
];

/// Writes the corpus as JSON Lines, with a `system` column carried through.
pub fn write_jsonl(path: &Path) {
    let lines: Vec<String> = ARTICLES
        .iter()
        .map(|(id, system, text)| serde_json::json!({"id": id, "text": text, "system": system}).to_string())
        .collect();
    std::fs::write(path, lines.join("\n") + "\n").unwrap();
}

pub fn write_csv(path: &Path, delimiter: u8) {
    let mut writer = csv::WriterBuilder::new().delimiter(delimiter).from_path(path).unwrap();
    writer.write_record(["id", "system", "text"]).unwrap();
    for (id, system, text) in ARTICLES {
        writer.write_record([id, system, text]).unwrap();
    }
    writer.flush().unwrap();
}
