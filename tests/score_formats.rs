//! `mtqe score` reads every input format into the same tables, with the documented schema.

mod common;

use common::*;
use polars::prelude::*;
use std::io::Write;
use std::path::Path;

fn documents_for(input: &Path, out: &Path, extra: &[&str]) -> DataFrame {
    let mut args = vec![input.to_str().unwrap()];
    args.extend_from_slice(extra);
    let output = score(&args, out);
    assert_exit(&output, 0);
    read_table(out, "documents.parquet")
}

#[test]
fn every_input_format_gives_the_same_documents() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("corpus.jsonl");
    write_jsonl(&jsonl);
    let csv = dir.path().join("corpus.csv");
    write_csv(&csv, b',');
    let tsv = dir.path().join("corpus.tsv");
    write_csv(&tsv, b'\t');
    let gz = dir.path().join("corpus.jsonl.gz");
    let mut encoder =
        flate2::write::GzEncoder::new(std::fs::File::create(&gz).unwrap(), flate2::Compression::default());
    encoder.write_all(&std::fs::read(&jsonl).unwrap()).unwrap();
    encoder.finish().unwrap();
    let zst = dir.path().join("corpus.jsonl.zst");
    std::fs::write(&zst, zstd::encode_all(&std::fs::read(&jsonl).unwrap()[..], 3).unwrap()).unwrap();
    // One JSON array, pretty-printed over many lines.
    let json = dir.path().join("corpus.json");
    let objects: Vec<serde_json::Value> = ARTICLES
        .iter()
        .map(|(id, system, text)| serde_json::json!({"id": id, "text": text, "system": system}))
        .collect();
    std::fs::write(&json, serde_json::to_string_pretty(&objects).unwrap()).unwrap();
    let parquet = dir.path().join("corpus.parquet");
    mtqe::sink::write_text_table(
        &parquet,
        &[
            ("id", ARTICLES.iter().map(|a| Some(a.0)).collect()),
            ("text", ARTICLES.iter().map(|a| Some(a.2)).collect()),
            ("system", ARTICLES.iter().map(|a| Some(a.1)).collect()),
        ],
    )
    .unwrap();

    let reference = documents_for(&jsonl, &dir.path().join("out-jsonl"), &[]);
    assert_eq!(strings(&reference, "doc_id"), [Some("a1".into()), Some("a2".into()), Some("a3".into())]);
    assert_eq!(strings(&reference, "system"), [Some("mt-alpha".into()), Some("human".into()), Some("mt-beta".into())]);
    for input in [&csv, &tsv, &gz, &zst, &json, &parquet] {
        let name = input.file_name().unwrap().to_string_lossy().replace('.', "-");
        // The csv crate quotes fields holding quotation marks and line breaks, in TSV too.
        let extra: &[&str] = if input == &tsv { &["--quoted-tsv"] } else { &[] };
        let documents = documents_for(input, &dir.path().join(format!("out-{name}")), extra);
        for column in ["doc_id", "system"] {
            assert_eq!(strings(&documents, column), strings(&reference, column), "{column} from {name}");
        }
        for column in ["n_chars", "n_words", "n_segments", "n_flags"] {
            assert_eq!(u32s(&documents, column), u32s(&reference, column), "{column} from {name}");
        }
        assert_eq!(f64s(&documents, "score"), f64s(&reference, "score"), "score from {name}");
    }
}

#[test]
fn text_files_are_one_article_each_named_by_their_path_within_the_directory() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(corpus.join("nested")).unwrap();
    std::fs::create_dir_all(corpus.join("other")).unwrap();
    std::fs::write(corpus.join("first.txt"), ARTICLES[0].2).unwrap();
    std::fs::write(corpus.join("nested/second.txt"), ARTICLES[2].2).unwrap();
    // The same file name in two folders: two articles with two ids, not one duplicate.
    std::fs::write(corpus.join("other/second.txt"), ARTICLES[1].2).unwrap();
    std::fs::write(corpus.join("notes.md"), "not an input").unwrap();
    let out = dir.path().join("out");
    let documents = documents_for(&corpus, &out, &[]);
    assert_eq!(
        strings(&documents, "doc_id"),
        [Some("first".into()), Some("nested/second".into()), Some("other/second".into())]
    );
    // A file named on its own keeps its name without the extension.
    let alone = documents_for(&corpus.join("nested/second.txt"), &dir.path().join("alone"), &[]);
    assert_eq!(strings(&alone, "doc_id"), [Some("second".into())]);
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["skipped_files"].as_array().unwrap().len(), 1, "notes.md is listed as skipped");
}

#[test]
fn format_flag_overrides_the_extension_and_columns_can_be_renamed() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("corpus.data");
    let lines: Vec<String> = ARTICLES
        .iter()
        .map(|(id, _, text)| serde_json::json!({"doc": id, "body": text, "source": "Der Text."}).to_string())
        .collect();
    std::fs::write(&input, lines.join("\n")).unwrap();
    let out = dir.path().join("out");
    let documents = documents_for(&input, &out, &["--format", "jsonl", "--id-col", "doc", "--text-col", "body"]);
    assert_eq!(documents.height(), 3);
    assert!(documents.column("source").is_err(), "the source column is not carried as metadata");
}

#[test]
fn the_tables_have_the_documented_schema() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("corpus.jsonl");
    write_jsonl(&input);
    let out = dir.path().join("out");
    assert_exit(&score(&[input.to_str().unwrap()], &out), 0);
    use DataType::*;
    let expect = |table: &str, columns: &[(&str, DataType)]| {
        let frame = read_table(&out, table);
        let found: Vec<(std::string::String, DataType)> =
            frame.schema().iter().map(|(name, dtype)| (name.to_string(), dtype.clone())).collect();
        let wanted: Vec<(std::string::String, DataType)> =
            columns.iter().map(|(n, d)| (n.to_string(), d.clone())).collect();
        assert_eq!(found, wanted, "{table}");
    };
    expect(
        "flags.parquet",
        &[
            ("doc_id", String),
            ("segment", UInt32),
            ("start", UInt32),
            ("end", UInt32),
            ("byte_start", UInt32),
            ("byte_end", UInt32),
            ("detector", String),
            ("category", String),
            ("severity", String),
            ("confidence", Float32),
            ("excerpt", String),
            ("message", String),
            ("suggestion", String),
        ],
    );
    expect(
        "segments.parquet",
        &[
            ("doc_id", String),
            ("segment", UInt32),
            ("start", UInt32),
            ("end", UInt32),
            ("text", String),
            ("lang", String),
            ("lang_confidence", Float32),
            ("n_words", UInt32),
            ("n_flags", UInt32),
            ("penalty", Float64),
            ("score", Float64),
            ("lm_logprob", Float32),
            ("lm_slor", Float32),
            ("lm_unknown", Float32),
            ("quality", Float64),
        ],
    );
    expect(
        "documents.parquet",
        &[
            ("doc_id", String),
            ("n_chars", UInt32),
            ("n_words", UInt32),
            ("n_segments", UInt32),
            ("lang", String),
            ("lang_confidence", Float32),
            ("n_flags", UInt32),
            ("penalty", Float64),
            ("score", Float64),
            ("penalty_accuracy", Float64),
            ("penalty_fluency", Float64),
            ("penalty_style", Float64),
            ("penalty_terminology", Float64),
            ("penalty_locale", Float64),
            ("lm_logprob", Float32),
            ("lm_slor", Float32),
            ("lm_unknown", Float32),
            ("quality", Float64),
            ("expected_major_errors", Float64),
            ("source_coverage", Float64),
            ("target_support", Float64),
            ("system", String),
        ],
    );
}

#[test]
fn an_empty_corpus_still_writes_complete_empty_tables() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("empty.jsonl");
    std::fs::write(&input, "\n\n").unwrap();
    let out = dir.path().join("out");
    assert_exit(&score(&[input.to_str().unwrap()], &out), 0);
    assert_eq!(read_table(&out, "flags.parquet").height(), 0);
    assert_eq!(read_table(&out, "documents.parquet").height(), 0);
}

#[test]
fn headerless_tsv_takes_its_field_names_from_columns() {
    let dir = tempfile::tempdir().unwrap();
    // bicleaner's layout: two URLs, source, target, score; raw TSV, quotes are text.
    let tsv = dir.path().join("bicleaner.tsv");
    std::fs::write(
        &tsv,
        "u1\tu2\tDer Bürgermeister sagte nichts.\t\"The mayor said said nothing.\t0.8\n\
         u3\tu4\tDie Regierung hat den Plan beschlossen.\tThe government adopted the plan.\t0.9\n\
         too\tfew\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let run = score(&[tsv.to_str().unwrap(), "--no-header", "--columns", "_,_,source,text,bicleaner_score"], &out);
    assert_exit(&run, 1);
    let documents = read_table(&out, "documents.parquet");
    let file = tsv.display().to_string();
    assert_eq!(strings(&documents, "doc_id"), [Some(format!("{file}:1")), Some(format!("{file}:2"))]);
    assert_eq!(strings(&documents, "bicleaner_score"), [Some("0.8".into()), Some("0.9".into())]);
    assert!(documents.column("_").is_err(), "ignored fields are not carried");
    let segments = read_table(&out, "segments.parquet");
    assert_eq!(strings(&segments, "text")[0].as_deref(), Some("\"The mayor said said nothing."));
    assert!(out.join("alignments.parquet").exists(), "the source field is used");
    let rejects = rejects(&out);
    assert_eq!(rejects.len(), 1);
    assert_eq!(rejects[0]["line"], 3);
    assert!(rejects[0]["reason"].as_str().unwrap().contains("--columns names 5"), "{}", rejects[0]);

    // With an id field, OpusFilter-style CSV without quotes in the data.
    let csv = dir.path().join("pairs.csv");
    std::fs::write(&csv, "a1,Prices rose.,Die Preise stiegen.\na2,It rained.,Es regnete.\n").unwrap();
    let out = dir.path().join("csv");
    assert_exit(&score(&[csv.to_str().unwrap(), "--no-header", "--columns", "id,text,source"], &out), 0);
    assert_eq!(strings(&read_table(&out, "documents.parquet"), "doc_id"), [Some("a1".into()), Some("a2".into())]);

    // --columns must name the text field, and goes with --no-header.
    let wrong = score(&[csv.to_str().unwrap(), "--no-header", "--columns", "id,body"], &dir.path().join("x"));
    assert_exit(&wrong, 2);
    assert!(stderr(&wrong).contains("names no 'text' field"), "{}", stderr(&wrong));
    assert_exit(&score(&[csv.to_str().unwrap(), "--columns", "id,text"], &dir.path().join("y")), 2);
}

#[test]
fn a_json_array_file_rejects_bad_elements_and_a_broken_rest_by_line() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("export.json");
    std::fs::write(&json, "[\n {\"id\": \"a\", \"text\": \"Prices rose.\"},\n 42,\n {\"id\": \"c\"}\n]\n").unwrap();
    let out = dir.path().join("out");
    assert_exit(&score(&[json.to_str().unwrap()], &out), 1);
    assert_eq!(strings(&read_table(&out, "documents.parquet"), "doc_id"), [Some("a".into())]);
    let rejects = rejects(&out);
    let lines: Vec<u64> = rejects.iter().map(|r| r["line"].as_u64().unwrap()).collect();
    assert_eq!(lines, [3, 4]);
    assert!(rejects[0]["reason"].as_str().unwrap().contains("element is valid JSON but not an object"));

    let broken = dir.path().join("broken.json");
    std::fs::write(&broken, "[{\"id\": \"a\", \"text\": \"Fine.\"},\n{\"id\": \"b\", \"text\": \"cut").unwrap();
    // A broken array: what was read before is scored, the rest is one reject at its line.
    let broken_out = dir.path().join("broken");
    assert_exit(&score(&[broken.to_str().unwrap()], &broken_out), 1);
    assert_eq!(strings(&read_table(&broken_out, "documents.parquet"), "doc_id"), [Some("a".into())]);
    let broken_rejects = common::rejects(&broken_out);
    assert_eq!(broken_rejects.len(), 1);
    assert_eq!(broken_rejects[0]["line"], 2);
    let reason = broken_rejects[0]["reason"].as_str().unwrap();
    assert!(reason.contains("ends inside the element"), "{reason}");
}

#[test]
fn keep_text_writes_the_article_and_its_source_into_documents() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    // "body" is the text; a carried column named "text" must not be overwritten.
    let lines = [
        serde_json::json!({"id": "a", "body": "Prices rose sharply.", "source": "Die Preise stiegen stark.", "text": "carried"}),
        serde_json::json!({"id": "b", "body": "Nothing happened.", "text": "also carried"}),
    ];
    std::fs::write(&corpus, lines.map(|l| l.to_string()).join("\n") + "\n").unwrap();
    let out = dir.path().join("out");
    assert_exit(&score(&[corpus.to_str().unwrap(), "--text-col", "body", "--keep-text"], &out), 0);
    let documents = read_table(&out, "documents.parquet");
    assert_eq!(strings(&documents, "text"), [Some("Prices rose sharply.".into()), Some("Nothing happened.".into())]);
    assert_eq!(strings(&documents, "source"), [Some("Die Preise stiegen stark.".into()), None]);
    assert_eq!(strings(&documents, "input_text"), [Some("carried".into()), Some("also carried".into())]);
    let names: Vec<String> = documents.get_column_names().iter().map(|n| n.to_string()).collect();
    let at = |name: &str| names.iter().position(|n| n == name).unwrap();
    assert!(at("target_support") < at("text") && at("text") < at("source") && at("source") < at("input_text"));

    // Without the flag, neither column is written, and the carried "text" keeps its name.
    let plain = dir.path().join("plain");
    assert_exit(&score(&[corpus.to_str().unwrap(), "--text-col", "body"], &plain), 0);
    let documents = read_table(&plain, "documents.parquet");
    assert_eq!(strings(&documents, "text"), [Some("carried".into()), Some("also carried".into())]);
    assert!(documents.column("source").is_err());
}

#[test]
fn carried_columns_keep_their_types_from_parquet_and_json_lines() {
    let dir = tempfile::tempdir().unwrap();
    // A news Parquet file: a publication date, a timestamp, a decimal, a list and a struct.
    let parquet = dir.path().join("news.parquet");
    let cast = |column: Column, dtype: DataType| column.cast(&dtype).unwrap();
    let st = StructChunked::from_columns(
        "st".into(),
        2,
        &[Column::new("rank".into(), [1i64, 2]), Column::new("desk".into(), ["world", "sport"])],
    )
    .unwrap()
    .into_series()
    .into_column();
    let mut frame = DataFrame::new(
        2,
        vec![
            Column::new("id".into(), ["p1", "p2"]),
            Column::new("text".into(), ["Prices rose.", "It rained on Monday."]),
            cast(Column::new("published".into(), [Some(19724i32), None]), DataType::Date),
            cast(
                Column::new("seen".into(), [1_700_000_000_000i64, 1_700_000_100_000]),
                DataType::Datetime(TimeUnit::Milliseconds, None),
            ),
            cast(Column::new("price".into(), [1.5f64, 2.25]), DataType::Decimal(5, 2)),
            Column::new("tags".into(), [Series::new("".into(), ["x", "y"]), Series::new("".into(), ["z"])]),
            st,
            cast(Column::new("small".into(), [3i32, 4]), DataType::Int8),
        ],
    )
    .unwrap();
    ParquetWriter::new(std::fs::File::create(&parquet).unwrap()).finish(&mut frame).unwrap();
    let out = dir.path().join("out");
    assert_exit(&score(&[parquet.to_str().unwrap()], &out), 0);
    let documents = read_table(&out, "documents.parquet");
    for name in ["published", "seen", "price", "tags", "st", "small"] {
        let written = documents.column(name).unwrap();
        let input = frame.column(name).unwrap();
        assert_eq!(written.dtype(), input.dtype(), "{name}");
        assert!(written.as_materialized_series().equals_missing(input.as_materialized_series()), "{name}: {written:?}");
    }

    // JSON Lines: integers, mixed numbers, booleans; mixed and nested values as JSON text.
    let jsonl = dir.path().join("news.jsonl");
    let lines = [
        serde_json::json!({"id": "j1", "text": "Prices rose.", "words": 120, "ratio": 1, "paywall": true, "mixed": 1, "nested": {"a": [1]}}),
        serde_json::json!({"id": "j2", "text": "It rained.", "words": null, "ratio": 0.5, "paywall": false, "mixed": "one"}),
    ];
    std::fs::write(&jsonl, lines.map(|l| l.to_string()).join("\n") + "\n").unwrap();
    let out = dir.path().join("jsonl");
    assert_exit(&score(&[jsonl.to_str().unwrap()], &out), 0);
    let documents = read_table(&out, "documents.parquet");
    let column = |name: &str| documents.column(name).unwrap().as_materialized_series().clone();
    assert_eq!(column("words").i64().unwrap().iter().collect::<Vec<_>>(), [Some(120), None]);
    assert_eq!(column("ratio").f64().unwrap().iter().collect::<Vec<_>>(), [Some(1.0), Some(0.5)]);
    assert_eq!(column("paywall").bool().unwrap().iter().collect::<Vec<_>>(), [Some(true), Some(false)]);
    assert_eq!(strings(&documents, "mixed"), [Some("1".into()), Some("one".into())]);
    assert_eq!(strings(&documents, "nested"), [Some(r#"{"a":[1]}"#.into()), None]);

    // The same column as a date in one file and as text in another is written as text.
    let csv = dir.path().join("more.csv");
    std::fs::write(&csv, "id,text,published\nc1,Rates fell.,last week\n").unwrap();
    let out = dir.path().join("both");
    assert_exit(&score(&[parquet.to_str().unwrap(), csv.to_str().unwrap()], &out), 0);
    let documents = read_table(&out, "documents.parquet");
    assert_eq!(strings(&documents, "published"), [Some("2024-01-02".into()), None, Some("last week".into())]);
}

#[test]
fn tsv_has_no_quoting_unless_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let tsv = dir.path().join("corpus.tsv");
    // A text that starts with a quotation mark, and one with an unpaired mark: as CSV, the
    // first would lose its marks and the second swallow the rows after it.
    std::fs::write(&tsv, "id\ttext\nq1\t\"We will appeal,\" she said.\nq2\tHe said \"no.\nq3\tPrices rose.\n").unwrap();
    let documents = documents_for(&tsv, &dir.path().join("out"), &[]);
    assert_eq!(strings(&documents, "doc_id"), [Some("q1".into()), Some("q2".into()), Some("q3".into())]);
    let segments = read_table(&dir.path().join("out"), "segments.parquet");
    assert_eq!(strings(&segments, "text")[0].as_deref(), Some("\"We will appeal,\" she said."));
}

#[test]
fn json_ids_beyond_64_bits_keep_their_digits() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("ids.jsonl");
    std::fs::write(
        &jsonl,
        "{\"id\": 12345678901234567890123, \"text\": \"Prices rose.\"}\n\
         {\"id\": 12345678901234567890124, \"text\": \"Prices fell.\"}\n\
         {\"id\": -7, \"text\": \"It rained.\"}\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    assert_exit(&score(&[jsonl.to_str().unwrap()], &out), 0);
    assert_eq!(
        strings(&read_table(&out, "documents.parquet"), "doc_id"),
        [Some("12345678901234567890123".into()), Some("12345678901234567890124".into()), Some("-7".into())]
    );
}

#[test]
fn carried_columns_named_like_mtqe_columns_never_clash() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("clash.jsonl");
    std::fs::write(&jsonl, "{\"id\": \"a\", \"text\": \"Prices rose.\", \"score\": \"s\", \"input_score\": \"i\", \"input_input_score\": \"ii\"}\n").unwrap();
    let out = dir.path().join("out");
    assert_exit(&score(&[jsonl.to_str().unwrap()], &out), 0);
    let documents = read_table(&out, "documents.parquet");
    assert_eq!(strings(&documents, "input_score"), [Some("i".into())]);
    assert_eq!(strings(&documents, "input_input_score"), [Some("ii".into())]);
    assert_eq!(strings(&documents, "input_input_input_score"), [Some("s".into())]);
}

#[test]
fn categorical_id_and_text_columns_are_read_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let parquet = dir.path().join("categorical.parquet");
    let categorical = DataType::from_categories(Categories::global());
    let mut frame = DataFrame::new(
        2,
        vec![
            Column::new("id".into(), ["c1", "c2"]).cast(&categorical).unwrap(),
            Column::new("text".into(), ["Prices rose sharply.", "The the mayor spoke."]).cast(&categorical).unwrap(),
        ],
    )
    .unwrap();
    ParquetWriter::new(std::fs::File::create(&parquet).unwrap()).finish(&mut frame).unwrap();
    let out = dir.path().join("out");
    assert_exit(&score(&[parquet.to_str().unwrap()], &out), 0);
    let documents = read_table(&out, "documents.parquet");
    assert_eq!(strings(&documents, "doc_id"), [Some("c1".into()), Some("c2".into())]);
    assert_eq!(u32s(&documents, "n_flags"), [0, 1]);
}
