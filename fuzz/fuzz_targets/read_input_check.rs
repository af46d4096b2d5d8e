// The check of the `read_input` fuzz target, included by the target and by
// `tests/fuzz_seeds.rs`, which runs it on mutated seeds in `cargo test`: every input reader on
// arbitrary bytes. The first byte picks the format (JSON Lines, a JSON array, CSV, TSV, quoted
// TSV, headerless CSV, Parquet, plain text, and JSON Lines under gzip or zstd), the rest is the
// file. Reading must not panic, must end, and every record must carry only the run's columns.

use mtqe::read::{self, ColumnNames, InputSearch, Item, MetaColumns};
use std::sync::atomic::AtomicU64;
use std::sync::Arc;

const NAMES: [&str; 10] = [
    "in.jsonl",
    "in.json",
    "in.csv",
    "in.tsv",
    "quoted.tsv",
    "bare.csv",
    "in.parquet",
    "in.txt",
    "in.jsonl.gz",
    "in.jsonl.zst",
];
const MAX_TEXT_CHARS: usize = 1000;

/// Reads `data` as the file its first byte picks; panics where a guarantee breaks.
pub fn read_arbitrary_input(data: &[u8]) {
    let Some((&choice, bytes)) = data.split_first() else { return };
    let name = NAMES[choice as usize % NAMES.len()];
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("the file is written");
    let mut columns = ColumnNames::new("id", "text", "source");
    columns.quoted_tsv = name == "quoted.tsv";
    if name == "bare.csv" {
        columns.fields = Some(vec!["id".into(), "text".into()]);
    }
    let Ok((inputs, _)) = read::resolve_inputs(&[path], &InputSearch::default()) else { return };
    let mut meta = MetaColumns::default();
    for input in &inputs {
        if read::discover_meta_columns(input, &columns, MAX_TEXT_CHARS, &mut meta).is_err() {
            return; // A missing column or an unreadable file stops a run, with a message.
        }
    }
    for input in &inputs {
        let Ok(mut reader) = read::open(input, &columns, &meta, MAX_TEXT_CHARS, Arc::new(AtomicU64::new(0))) else {
            return;
        };
        while let Ok(Some(item)) = reader.next_item() {
            if let Item::Record(record) = item {
                assert_eq!(record.meta.len(), meta.len(), "a value for each carried column");
            }
        }
    }
}
