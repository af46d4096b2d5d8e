//! How `mtqe score` treats bad input, output directories, threads and the bundled sample.

mod common;

use common::*;
use std::io::Write;
use std::process::Stdio;

/// A JSON Lines corpus with one good row and one of each row-level problem.
fn write_bad_corpus(path: &std::path::Path) {
    let mut bytes = Vec::new();
    bytes.extend_from_slice(b"{\"id\": \"good\", \"text\": \"The council approved the budget.\"}\n");
    bytes.extend_from_slice(b"{\"id\": \"broken\", \"text\": \"unterminated\n");
    bytes.extend_from_slice(b"{\"id\": \"latin1\", \"text\": \"Gr\xfc\xdfe\"}\n");
    bytes.extend_from_slice(b"{\"id\": \"notext\", \"body\": \"Where is the text?\"}\n");
    bytes.extend_from_slice(b"{\"id\": \"blank\", \"text\": \"   \"}\n");
    bytes.extend_from_slice(b"{\"id\": \"long\", \"text\": \"This article is far too long for the limit.\"}\n");
    bytes.extend_from_slice(b"{\"id\": \"good\", \"text\": \"A second row with the same id.\"}\n");
    bytes.extend_from_slice(b"[1, 2, 3]\n");
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn bad_rows_are_rejected_with_file_line_and_reason_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("bad.jsonl");
    write_bad_corpus(&input);
    let out = dir.path().join("out");
    let output = score(&[input.to_str().unwrap(), "--max-text-chars", "40"], &out);
    assert_exit(&output, 1);
    let documents = read_table(&out, "documents.parquet");
    assert_eq!(strings(&documents, "doc_id"), [Some("good".to_string())]);
    let rejects = rejects(&out);
    let summary: Vec<(u64, String)> =
        rejects.iter().map(|r| (r["line"].as_u64().unwrap(), r["reason"].as_str().unwrap().to_string())).collect();
    let expect = [
        (2, "malformed JSON"),
        (3, "not valid UTF-8"),
        (4, "no 'text' field"),
        (5, "the text is empty"),
        (6, "more than the limit of 40"),
        (7, "duplicate id 'good': first seen at"),
        (8, "not an object"),
    ];
    assert_eq!(summary.len(), expect.len(), "{summary:#?}");
    for ((line, reason), (want_line, want_reason)) in summary.iter().zip(expect) {
        assert_eq!(*line, want_line, "{summary:#?}");
        assert!(reason.contains(want_reason), "line {line}: {reason:?} should mention {want_reason:?}");
    }
    assert!(rejects.iter().all(|r| r["file"].as_str().unwrap().ends_with("bad.jsonl")));
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["counts"]["rejects"], 7);
    assert_eq!(manifest["counts"]["documents"], 1);
}

#[test]
fn csv_rows_with_the_wrong_number_of_fields_are_rejected_by_line() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("bad.csv");
    std::fs::write(&input, "id,text\nx1,\"A quoted\nmulti-line text.\"\nx2,too,many\nx3,Fine text here.\n").unwrap();
    let out = dir.path().join("out");
    assert_exit(&score(&[input.to_str().unwrap()], &out), 1);
    let rejects = rejects(&out);
    assert_eq!(rejects.len(), 1);
    assert_eq!(rejects[0]["line"], 4);
    assert!(rejects[0]["reason"].as_str().unwrap().contains("3 fields"));
    assert_eq!(strings(&read_table(&out, "documents.parquet"), "doc_id"), [Some("x1".into()), Some("x3".into())]);
}

#[test]
fn strict_mode_stops_at_the_first_reject_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("bad.jsonl");
    write_bad_corpus(&input);
    let out = dir.path().join("out");
    let output = score(&[input.to_str().unwrap(), "--strict"], &out);
    assert_exit(&output, 2);
    let message = stderr(&output);
    assert!(message.contains("bad.jsonl:2") && message.contains("malformed JSON"), "{message}");
    let left: Vec<_> = std::fs::read_dir(&out).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert!(left.is_empty(), "an interrupted run leaves nothing behind: {left:?}");
}

#[test]
fn missing_inputs_columns_and_bad_configs_are_errors_with_exit_code_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let missing = score(&[dir.path().join("nope.jsonl").to_str().unwrap()], &out);
    assert_exit(&missing, 2);
    assert!(stderr(&missing).contains("nope.jsonl"));

    let csv = dir.path().join("corpus.csv");
    std::fs::write(&csv, "id,body\n1,Some text.\n").unwrap();
    let no_text = score(&[csv.to_str().unwrap()], &out);
    assert_exit(&no_text, 2);
    let message = stderr(&no_text);
    assert!(
        message.contains("corpus.csv") && message.contains("'text'") && message.contains("--text-col"),
        "{message}"
    );

    // A JSON Lines file whose rows never have the text column stops at once too, naming the
    // keys it has, instead of rejecting every row and "succeeding" with no documents.
    let jsonl = dir.path().join("corpus.jsonl");
    std::fs::write(
        &jsonl,
        "{\"id\": \"1\", \"body\": \"Some text.\"}\n{\"id\": \"2\", \"body\": \"More.\", \"url\": \"u\"}\n",
    )
    .unwrap();
    for (args, column, flag) in [
        (vec![jsonl.to_str().unwrap()], "'text'", "--text-col"),
        (vec![jsonl.to_str().unwrap(), "--text-col", "body", "--id-col", "doc"], "'doc'", "--id-col"),
    ] {
        let wrong = score(&args, &out);
        assert_exit(&wrong, 2);
        let message = stderr(&wrong);
        assert!(message.contains("corpus.jsonl") && message.contains(column) && message.contains(flag), "{message}");
        assert!(message.contains("columns found: id, body, url"), "{message}");
        assert!(!out.join("manifest.json").exists());
    }
    let empty = dir.path().join("empty.jsonl");
    std::fs::write(&empty, "").unwrap();
    assert_exit(&score(&[empty.to_str().unwrap()], &out), 0);
    std::fs::remove_dir_all(&out).unwrap();

    let config = dir.path().join("mtqe.toml");
    std::fs::write(&config, "[detectors.repeated-words]\nenabeld = false\n").unwrap();
    let typo = score(&[csv.to_str().unwrap(), "--text-col", "body", "--config", config.to_str().unwrap()], &out);
    assert_exit(&typo, 2);
    assert!(stderr(&typo).contains("enabeld"), "{}", stderr(&typo));
    assert!(!out.join("manifest.json").exists());
}

#[test]
fn output_is_byte_identical_whatever_the_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("corpus.jsonl");
    // Enough documents for several batches.
    let lines: Vec<String> = (0..300)
        .map(|i| {
            let (_, system, text) = ARTICLES[i % ARTICLES.len()];
            serde_json::json!({"id": format!("d{i}"), "text": text, "system": system}).to_string()
        })
        .collect();
    std::fs::write(&input, lines.join("\n")).unwrap();
    let small_batches = dir.path().join("small-batches.toml");
    std::fs::write(&small_batches, "[input]\nbatch-documents = 64\n").unwrap();
    // Batches of one article are scored on the calling thread, not handed to the pool.
    let single_articles = dir.path().join("single-articles.toml");
    std::fs::write(&single_articles, "[input]\nbatch-documents = 1\n").unwrap();
    let mut outputs = Vec::new();
    for (threads, config) in
        [("1", &small_batches), ("2", &small_batches), ("3", &small_batches), ("2", &single_articles)]
    {
        let out = dir.path().join(format!("out-{}", outputs.len()));
        assert_exit(
            &score(&[input.to_str().unwrap(), "--threads", threads, "--config", config.to_str().unwrap()], &out),
            0,
        );
        outputs.push(out);
    }
    for table in ["flags.parquet", "segments.parquet", "documents.parquet"] {
        let first = std::fs::read(outputs[0].join(table)).unwrap();
        for other in &outputs[1..] {
            assert!(first == std::fs::read(other.join(table)).unwrap(), "{table} differs in {}", other.display());
        }
    }
    assert_eq!(read_table(&outputs[0], "documents.parquet").height(), 300);
}

#[test]
fn standard_input_is_read_as_json_lines() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let mut child = mtqe().args(["score", "-", "--quiet", "--out"]).arg(&out).stdin(Stdio::piped()).spawn().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    write_jsonl(&corpus);
    child.stdin.take().unwrap().write_all(&std::fs::read(&corpus).unwrap()).unwrap();
    assert!(child.wait().unwrap().success());
    assert_eq!(read_table(&out, "documents.parquet").height(), ARTICLES.len());
    // The manifest says the input was standard input, not the temporary copy it was read from.
    let input = &manifest(&out)["inputs"][0];
    assert_eq!(input["origin"], "standard-input");
    assert!(input["path"].is_null(), "{input}");
}

fn manifest(out: &std::path::Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(out.join("manifest.json")).unwrap()).unwrap()
}

#[test]
fn the_manifest_records_absolute_input_paths_and_when_the_run_started_and_finished() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    write_jsonl(&corpus);
    let out = dir.path().join("out");
    let before = std::time::SystemTime::now() - std::time::Duration::from_secs(1);
    let output =
        mtqe().args(["score", "corpus.jsonl", "--quiet", "--out"]).arg(&out).current_dir(dir.path()).output().unwrap();
    assert_exit(&output, 0);
    let manifest = manifest(&out);
    let input = &manifest["inputs"][0];
    assert_eq!(input["origin"], "file");
    assert_eq!(input["path"].as_str().map(std::path::PathBuf::from), Some(corpus.canonicalize().unwrap()));
    let time = |key: &str| humantime::parse_rfc3339(manifest[key].as_str().unwrap()).unwrap();
    assert!(before <= time("started") && time("started") <= time("finished"), "{manifest}");
    assert!(time("finished") <= std::time::SystemTime::now());
}

#[test]
fn without_inputs_the_bundled_sample_is_scored_and_announced() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let output = mtqe().args(["score", "--out"]).arg(&out).current_dir(dir.path()).output().unwrap();
    assert_exit(&output, 0);
    assert!(stderr(&output).contains("bundled sample corpus"));
    let input = &manifest(&out)["inputs"][0];
    assert_eq!(
        (input["origin"].as_str(), input["display"].as_str()),
        (Some("bundled-sample"), Some("data/sample/articles.jsonl"))
    );
    assert!(input["path"].is_null(), "the temporary copy is not named: {input}");
    let documents = read_table(&out, "documents.parquet");
    assert!(documents.height() >= 10);
    assert!(documents.column("system").is_ok(), "metadata is carried through");
    let flags = read_table(&out, "flags.parquet");
    assert!(flags.height() > 0, "the sample holds errors to find");
}

#[test]
fn flag_and_segment_offsets_point_at_their_text_and_scores_follow_the_formula() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("corpus.jsonl");
    write_jsonl(&input);
    let out = dir.path().join("out");
    assert_exit(&score(&[input.to_str().unwrap()], &out), 0);
    let text_of = |id: &str| ARTICLES.iter().find(|a| a.0 == id).unwrap().2;
    let char_slice = |text: &str, start: u32, end: u32| -> String {
        text.chars().skip(start as usize).take((end - start) as usize).collect()
    };

    let flags = read_table(&out, "flags.parquet");
    assert!(flags.height() >= 3, "the corpus holds an unclosed quote and two doubled words");
    let ids = strings(&flags, "doc_id");
    let excerpts = strings(&flags, "excerpt");
    let (starts, ends) = (u32s(&flags, "start"), u32s(&flags, "end"));
    let (byte_starts, byte_ends) = (u32s(&flags, "byte_start"), u32s(&flags, "byte_end"));
    for i in 0..flags.height() {
        let text = text_of(ids[i].as_deref().unwrap());
        let excerpt = excerpts[i].as_deref().unwrap();
        assert_eq!(char_slice(text, starts[i], ends[i]), excerpt);
        assert_eq!(&text[byte_starts[i] as usize..byte_ends[i] as usize], excerpt);
    }

    let segments = read_table(&out, "segments.parquet");
    let (seg_ids, seg_texts) = (strings(&segments, "doc_id"), strings(&segments, "text"));
    let (seg_starts, seg_ends) = (u32s(&segments, "start"), u32s(&segments, "end"));
    let (penalties, scores, words) = (f64s(&segments, "penalty"), f64s(&segments, "score"), u32s(&segments, "n_words"));
    for i in 0..segments.height() {
        let text = text_of(seg_ids[i].as_deref().unwrap());
        assert_eq!(char_slice(text, seg_starts[i], seg_ends[i]), seg_texts[i].as_deref().unwrap());
        let expected = (100.0 - 100.0 * penalties[i] / words[i].max(1) as f64).max(0.0);
        assert!((scores[i] - expected).abs() < 1e-9);
    }

    let documents = read_table(&out, "documents.parquet");
    let by_dimension: Vec<Vec<f64>> = ["accuracy", "fluency", "style", "terminology", "locale"]
        .iter()
        .map(|d| f64s(&documents, &format!("penalty_{d}")))
        .collect();
    let (doc_penalties, doc_scores, doc_words) =
        (f64s(&documents, "penalty"), f64s(&documents, "score"), u32s(&documents, "n_words"));
    let n_flags = u32s(&documents, "n_flags");
    for i in 0..documents.height() {
        let sum: f64 = by_dimension.iter().map(|column| column[i]).sum();
        assert!((sum - doc_penalties[i]).abs() < 1e-9, "dimension penalties add up to the total");
        let expected = (100.0 - 100.0 * doc_penalties[i] / doc_words[i].max(1) as f64).max(0.0);
        assert!((doc_scores[i] - expected).abs() < 1e-9);
    }
    assert_eq!(n_flags.iter().sum::<u32>() as usize, flags.height());
    // a1 holds an unclosed quote (minor punctuation, 0.1) and "The the" (minor grammar, 1).
    assert_eq!(doc_penalties[0], 1.1);
}

#[test]
fn the_seed_article_has_its_unclosed_quote_flagged() {
    let Some(seed) = shared_seed() else {
        eprintln!("skipped: ../shared/seed is not present in this checkout");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    assert_exit(&score(&[seed.to_str().unwrap()], &out), 0);
    let flags = read_table(&out, "flags.parquet");
    let detectors = strings(&flags, "detector");
    let excerpts = strings(&flags, "excerpt");
    let unclosed: Vec<_> = (0..flags.height())
        .filter(|&i| detectors[i].as_deref() == Some("unclosed-quote"))
        .map(|i| excerpts[i].clone().unwrap())
        .collect();
    assert!(
        unclosed.iter().any(|e| e.starts_with("“But that doesn’t mean")),
        "the quote opened at “But that doesn’t mean… never closes: {unclosed:?}"
    );
}

#[test]
fn detectors_are_listed_with_category_severity_and_documentation() {
    let list = mtqe().arg("detectors").env_remove("COLUMNS").output().unwrap();
    assert!(list.status.success());
    let text = String::from_utf8(list.stdout).unwrap();
    for id in ["repeated-words", "unclosed-quote"] {
        assert!(text.contains(id), "{text}");
    }
    assert!(text.contains("fluency/punctuation"));
    // Summaries are whole sentences, not cut at a number or inside a quotation.
    assert!(text.contains("(\"on 1. May\", \"the 9. August\"), and numeric day.month dates"), "{text}");
    assert!(text.contains("\"The child was found unharmed. It had spent the night in a shed.\""), "{text}");
    // Not on a terminal and with no $COLUMNS: one line per detector, for grep.
    let detectors = text
        .lines()
        .filter(|l| l.contains("  minor  ") || l.contains("  major  ") || l.contains("  critical  "))
        .count();
    assert_eq!(text.lines().count(), detectors + 3, "{text}");
    // With a width: every line fits, and the narrow layout puts summaries below, indented.
    for width in [70usize, 120] {
        let wrapped = mtqe().arg("detectors").env("COLUMNS", width.to_string()).output().unwrap();
        let wrapped = String::from_utf8(wrapped.stdout).unwrap();
        for line in wrapped.lines().filter(|l| !l.starts_with("id ")) {
            assert!(line.chars().count() <= width, "{width}: {line}");
        }
        let flattened: String = wrapped.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flattened.contains("(\"on 1. May\", \"the 9. August\")"), "{width}: {wrapped}");
    }
    let one = mtqe().args(["detectors", "unclosed-quote"]).output().unwrap();
    let doc = String::from_utf8(one.stdout).unwrap();
    assert!(doc.contains("## Known false positives"), "{doc}");
    let unknown = mtqe().args(["detectors", "no-such"]).output().unwrap();
    assert_eq!(unknown.status.code(), Some(2));
}

#[test]
fn the_default_config_is_accepted_back() {
    let dir = tempfile::tempdir().unwrap();
    let printed = mtqe().arg("default-config").output().unwrap();
    assert!(printed.status.success());
    let config = dir.path().join("mtqe.toml");
    std::fs::write(&config, printed.stdout).unwrap();
    let input = dir.path().join("corpus.jsonl");
    write_jsonl(&input);
    assert_exit(&score(&[input.to_str().unwrap(), "--config", config.to_str().unwrap()], &dir.path().join("out")), 0);
}

#[test]
fn the_language_model_fills_its_columns_only_when_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("corpus.jsonl");
    write_jsonl(&input);
    let (plain, with_model) = (dir.path().join("plain"), dir.path().join("lm"));
    assert_exit(&score(&[input.to_str().unwrap()], &plain), 0);
    assert_exit(&score(&[input.to_str().unwrap(), "--language-model"], &with_model), 0);
    let plain_segments = read_table(&plain, "segments.parquet");
    let model_segments = read_table(&with_model, "segments.parquet");
    assert_eq!(plain_segments.column("lm_slor").unwrap().null_count(), plain_segments.height());
    assert_eq!(model_segments.column("lm_slor").unwrap().null_count(), 0, "every sample sentence has known words");
    // Quality is a probability in both runs, and the flags are the same.
    for segments in [&plain_segments, &model_segments] {
        assert!(f64s(segments, "quality").iter().all(|q| (0.0..=1.0).contains(q)));
    }
    assert_eq!(read_table(&plain, "flags.parquet").height(), read_table(&with_model, "flags.parquet").height());
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(with_model.join("manifest.json")).unwrap()).unwrap();
    assert!(manifest["quality_model"].as_str().unwrap().contains("with the language model"), "{manifest}");
}

#[test]
fn an_empty_id_is_rejected_in_json_lines_too() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("ids.jsonl");
    let lines = [
        serde_json::json!({"id": "", "text": "The council met on Monday."}),
        serde_json::json!({"id": "  ", "text": "The mayor spoke."}),
        serde_json::json!({"id": "kept", "text": "The budget passed."}),
    ];
    std::fs::write(&input, lines.map(|l| l.to_string()).join("\n")).unwrap();
    let out = dir.path().join("out");
    assert_exit(&score(&[input.to_str().unwrap()], &out), 1);
    let rejected = rejects(&out);
    assert_eq!(rejected.len(), 2, "{rejected:?}");
    assert!(rejected.iter().all(|r| r["reason"] == "the id is empty" && r["line"].is_u64()), "{rejected:?}");
    assert_eq!(strings(&read_table(&out, "documents.parquet"), "doc_id"), [Some("kept".to_string())]);
}

#[test]
fn without_a_terminal_progress_is_logged_as_lines_unless_quiet() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    write_jsonl(&corpus);
    let mut text = std::fs::read_to_string(&corpus).unwrap();
    text.push_str("{\"id\": \"no-text\"}\n");
    std::fs::write(&corpus, text).unwrap();
    let run = |extra: &[&str]| {
        let out = dir.path().join(format!("out{}", extra.len()));
        // The test's standard error is a pipe, as in a batch job.
        let output = mtqe()
            .args(["score", corpus.to_str().unwrap(), "--progress-interval", "0", "--out"])
            .arg(&out)
            .args(extra)
            .output()
            .unwrap();
        assert_exit(&output, 1);
        stderr(&output)
    };
    let logged = run(&[]);
    let lines: Vec<&str> = logged.lines().filter(|l| l.starts_with("mtqe: progress: ")).collect();
    assert!(!lines.is_empty(), "{logged}");
    let last = lines.last().unwrap();
    assert!(last.contains(&format!("{} documents scored", ARTICLES.len())), "{last}");
    assert!(last.contains("(100%)") && last.contains("MB/s") && last.contains("1 rejects"), "{last}");
    assert!(!logged.contains('\r'), "no progress-bar redraws in a log");
    assert!(!run(&["--quiet"]).contains("progress"));
}

#[test]
fn score_help_names_every_output_file_the_exit_codes_and_an_example() {
    let help = mtqe().args(["score", "--help"]).output().unwrap();
    assert_exit(&help, 0);
    let text = String::from_utf8(help.stdout).unwrap();
    // Every file a run with a source column writes.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    assert_exit(&score(&[], &out), 0);
    let mut written: Vec<String> =
        std::fs::read_dir(&out).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    written.sort();
    assert_eq!(written.len(), 6, "{written:?}");
    for name in &written {
        assert!(text.contains(name.as_str()), "--help does not name {name}");
    }
    for code in ["0  every row", "1  the run finished", "2  an error", "130  the run was interrupted"] {
        assert!(text.contains(code), "{text}");
    }
    assert!(text.contains("Example:\n  mtqe score "), "{text}");
}

fn manifest_outputs(out: &std::path::Path) -> Vec<String> {
    let mut listed: Vec<String> =
        manifest(out)["outputs"].as_array().unwrap().iter().map(|n| n.as_str().unwrap().to_owned()).collect();
    listed.sort();
    listed
}

fn files_in(out: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(out).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

#[test]
fn a_rerun_replaces_the_whole_previous_run_and_its_stale_temporaries() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    // The sample has a source column: this run writes alignments.parquet.
    assert_exit(&score(&[], &out), 0);
    assert!(out.join("alignments.parquet").exists());
    // A killed run's temporary file.
    std::fs::write(out.join(".flags.parquet.tmp-999999"), "partial").unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    write_jsonl(&corpus);
    assert_exit(&score(&[corpus.to_str().unwrap()], &out), 0);
    assert!(!out.join("alignments.parquet").exists(), "the earlier run's alignments are gone");
    assert_eq!(files_in(&out), manifest_outputs(&out), "the manifest lists exactly the files present");
}

#[test]
fn a_second_run_into_a_directory_in_use_stops_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    // Another run holds the directory.
    let held = std::fs::File::open(&out).unwrap();
    held.lock().unwrap();
    let blocked = score(&[], &out);
    assert_exit(&blocked, 2);
    assert!(stderr(&blocked).contains("another mtqe run is writing to"), "{}", stderr(&blocked));
    assert!(files_in(&out).is_empty(), "nothing written: {:?}", files_in(&out));
    held.unlock().unwrap();
    assert_exit(&score(&[], &out), 0);
}

#[test]
fn hidden_files_and_the_output_directory_are_skipped_and_listed() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(corpus.join(".git")).unwrap();
    write_jsonl(&corpus.join("articles.jsonl"));
    std::fs::write(corpus.join(".draft.jsonl"), "{\"id\": \"draft\", \"text\": \"Not yet.\"}\n").unwrap();
    std::fs::write(corpus.join(".git/objects.jsonl"), "{\"id\": \"git\", \"text\": \"No.\"}\n").unwrap();
    // The output directory inside the input directory: its rejects.jsonl must not be read back.
    let out = corpus.join("out");
    for _ in 0..2 {
        assert_exit(&score(&[corpus.to_str().unwrap()], &out), 0);
        assert_eq!(read_table(&out, "documents.parquet").height(), ARTICLES.len());
    }
    let skipped: Vec<String> = manifest(&out)["skipped_files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| std::path::Path::new(p.as_str().unwrap()).file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    for name in [".git", ".draft.jsonl", "out"] {
        assert!(skipped.contains(&name.to_string()), "{name} in {skipped:?}");
    }
    std::fs::remove_dir_all(&out).unwrap();
    let all = dir.path().join("all");
    assert_exit(&score(&[corpus.to_str().unwrap(), "--include-hidden"], &all), 0);
    assert_eq!(read_table(&all, "documents.parquet").height(), ARTICLES.len() + 2);
}

#[test]
fn records_too_large_for_the_text_limit_are_rejected_unread() {
    let dir = tempfile::tempdir().unwrap();
    // With --max-text-chars 10, a record may take 80 bytes and a megabyte besides.
    let limit = 8 * 10 + (1 << 20);
    let long = serde_json::json!({"id": "long", "text": "word ".repeat(limit / 5 + 10)}).to_string();
    let gz = dir.path().join("big.jsonl.gz");
    let mut encoder =
        flate2::write::GzEncoder::new(std::fs::File::create(&gz).unwrap(), flate2::Compression::default());
    use std::io::Write as _;
    write!(encoder, "{long}\n{{\"id\": \"ok\", \"text\": \"Fine.\"}}\n").unwrap();
    encoder.finish().unwrap();
    let txt_dir = dir.path().join("texts");
    std::fs::create_dir_all(&txt_dir).unwrap();
    std::fs::write(txt_dir.join("small.txt"), "Short.").unwrap();
    std::fs::write(txt_dir.join("large.txt"), "Far too long for ten characters. ".repeat(3)).unwrap();
    let out = dir.path().join("out");
    let output = mtqe()
        .args(["score", gz.to_str().unwrap(), txt_dir.to_str().unwrap(), "--max-text-chars", "10", "--quiet", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert_exit(&output, 1);
    assert_eq!(strings(&read_table(&out, "documents.parquet"), "doc_id"), [Some("ok".into()), Some("small".into())]);
    let rejects = rejects(&out);
    assert_eq!(rejects.len(), 2, "{rejects:?}");
    assert_eq!(rejects[0]["line"], 1);
    assert!(rejects[0]["reason"].as_str().unwrap().contains("more than a record may have"), "{}", rejects[0]);
    assert_eq!(rejects[1]["id"], "large");
    assert!(rejects[1]["reason"].as_str().unwrap().contains("bytes, more than a text of at most 10"), "{}", rejects[1]);
}

#[test]
fn an_interrupted_run_removes_its_temporary_files_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("big.jsonl");
    // Long enough (about 30 MB, one thread) to be caught while it runs.
    let mut lines = String::new();
    for i in 0..150_000 {
        let (_, _, text) = ARTICLES[i % ARTICLES.len()];
        lines.push_str(&serde_json::json!({"id": format!("d{i}"), "text": text}).to_string());
        lines.push('\n');
    }
    std::fs::write(&corpus, lines).unwrap();
    let out = dir.path().join("out");
    let mut child = mtqe()
        .args(["score", corpus.to_str().unwrap(), "--threads", "1", "--quiet", "--out"])
        .arg(&out)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let temporaries = || -> Vec<String> {
        std::fs::read_dir(&out)
            .map(|entries| {
                entries
                    .flatten()
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .filter(|n| n.contains(".tmp-"))
                    .collect()
            })
            .unwrap_or_default()
    };
    let waited = std::time::Instant::now();
    while temporaries().is_empty() {
        assert!(child.try_wait().unwrap().is_none(), "the run ended before it could be interrupted");
        assert!(waited.elapsed() < std::time::Duration::from_secs(60));
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let killed = std::process::Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap();
    assert!(killed.success());
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(130), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(temporaries().is_empty(), "left behind: {:?}", temporaries());
    assert!(!out.join("manifest.json").exists());
}
