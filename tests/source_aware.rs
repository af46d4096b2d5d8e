//! Source-aware scoring end to end: the `source` column switches on alignment, the
//! `alignments.parquet` table and the bilingual detectors; without it, nothing changes.

mod common;

use common::*;
use std::path::Path;

/// Two articles with their German sources: one with a changed number, a replaced name, a lost
/// negation and a dropped sentence; one faithful translation.
fn write_bilingual(path: &Path) {
    let lines = [
        serde_json::json!({
            "id": "bad",
            "system": "mt-x",
            "source": "Sturm über Bremen\n\nIn der Nacht stürzten in Bremen 35 Bäume um. Bürgermeister Andreas Bovenschulte besuchte am Morgen die Feuerwache. Verletzt wurde nach Angaben der Polizei niemand.\n\nDie Aufräumarbeiten sollen bis Freitag dauern. Der Deutsche Wetterdienst warnt für das Wochenende vor weiteren schweren Sturmböen mit Geschwindigkeiten von über hundert Kilometern pro Stunde.",
            "text": "Storm over Bremen\n\nDuring the night, 53 trees fell in Bremen. Mayor Carsten Sieling visited the fire station in the morning. According to the police, several people were injured.\n\nThe clean-up work is expected to last until Friday."
        }),
        serde_json::json!({
            "id": "good",
            "system": "mt-x",
            "source": "Neue Bibliothek eröffnet\n\nDie Stadtbibliothek in Leipzig hat nach zwei Jahren Umbau wieder geöffnet. Der Umbau kostete 12,5 Millionen Euro.",
            "text": "New library opens\n\nThe city library in Leipzig has reopened after two years of renovation. The renovation cost 12.5 million euros."
        }),
    ];
    std::fs::write(path, lines.map(|l| l.to_string()).join("\n") + "\n").unwrap();
}

fn flags_of(dir: &Path, doc: &str) -> Vec<(String, String)> {
    let flags = read_table(dir, "flags.parquet");
    let ids = strings(&flags, "doc_id");
    let detectors = strings(&flags, "detector");
    let excerpts = strings(&flags, "excerpt");
    (0..flags.height())
        .filter(|&i| ids[i].as_deref() == Some(doc))
        .map(|i| (detectors[i].clone().unwrap(), excerpts[i].clone().unwrap()))
        .collect()
}

#[test]
fn a_source_column_aligns_sentences_and_runs_the_bilingual_checks() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    write_bilingual(&input);
    let out = dir.path().join("out");
    assert_exit(&score(&[input.to_str().unwrap()], &out), 0);

    let bad = flags_of(&out, "bad");
    let has = |detector: &str, excerpt: &str| bad.iter().any(|(d, e)| d == detector && e.contains(excerpt));
    assert!(has("source-number", "53"), "{bad:#?}");
    assert!(has("source-name", "Carsten Sieling"), "{bad:#?}");
    assert!(has("source-negation", "several people were injured"), "{bad:#?}");
    assert!(has("source-omission", "until Friday"), "the dropped warning is reported next to its neighbour: {bad:#?}");
    let good = flags_of(&out, "good");
    assert!(good.iter().all(|(d, _)| !d.starts_with("source-")), "{good:#?}");

    let alignments = read_table(&out, "alignments.parquet");
    let names: Vec<&str> = alignments.get_column_names().iter().map(|n| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "doc_id",
            "link",
            "source_segment",
            "target_segment",
            "source_start",
            "source_end",
            "source_text",
            "length_deviation",
            "source_coverage",
            "target_support"
        ]
    );
    let links = strings(&alignments, "link");
    assert!(links.iter().any(|l| l.as_deref() == Some("1-0")), "the dropped sentence is unaligned: {links:?}");
    // Coverage is set exactly where a link has both sides, and lies in [0, 1].
    let coverage = alignments.column("source_coverage").unwrap().f64().unwrap().clone();
    for (index, link) in links.iter().enumerate() {
        let value = coverage.get(index);
        let two_sided = !matches!(link.as_deref(), Some("1-0" | "0-1"));
        assert_eq!(value.is_some(), two_sided, "{link:?}");
        assert!(value.is_none_or(|v| (0.0..=1.0).contains(&v)));
    }
    let documents = read_table(&out, "documents.parquet");
    let document_coverage = documents.column("source_coverage").unwrap().f64().unwrap().clone();
    assert!(
        (0..documents.height()).all(|i| document_coverage.get(i).is_some_and(|v| v > 0.3)),
        "faithful apart from the damage"
    );
    // Offsets are characters into the source: the row's text is that slice.
    let source_text = strings(&alignments, "source_text");
    let starts = alignments.column("source_start").unwrap().u32().unwrap().clone();
    let ends = alignments.column("source_end").unwrap().u32().unwrap().clone();
    let bad_source = "Sturm über Bremen\n\nIn der Nacht stürzten in Bremen 35 Bäume um.";
    let first: String = bad_source
        .chars()
        .skip(starts.get(1).unwrap() as usize)
        .take((ends.get(1).unwrap() - starts.get(1).unwrap()) as usize)
        .collect();
    assert_eq!(Some(first), source_text[1].clone());

    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(
        manifest["source_checks"],
        "on for 2 of 2 documents (the others had an empty or missing 'source' value)"
    );
    assert_eq!(manifest["counts"]["documents_with_source"], 2);
    assert!(manifest["outputs"].as_array().unwrap().iter().any(|o| o == "alignments.parquet"));
}

#[test]
fn without_a_source_column_the_bilingual_checks_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    write_jsonl(&input);
    let with_defaults = dir.path().join("defaults");
    assert_exit(&score(&[input.to_str().unwrap(), "--threads", "1"], &with_defaults), 0);
    // The same run with every source-aware detector switched off must be byte-identical.
    let config = dir.path().join("off.toml");
    let off: String = [
        "source-brackets",
        "source-copy",
        "source-name",
        "source-negation",
        "source-number",
        "source-omission",
        "unsupported-content",
    ]
    .iter()
    .map(|id| format!("[detectors.{id}]\nenabled = false\n"))
    .collect();
    std::fs::write(&config, off).unwrap();
    let switched_off = dir.path().join("off");
    assert_exit(
        &score(&[input.to_str().unwrap(), "--threads", "1", "--config", config.to_str().unwrap()], &switched_off),
        0,
    );
    for table in ["flags.parquet", "segments.parquet", "documents.parquet", "rejects.jsonl"] {
        assert_eq!(
            std::fs::read(with_defaults.join(table)).unwrap(),
            std::fs::read(switched_off.join(table)).unwrap(),
            "{table} differs"
        );
    }
    assert!(!with_defaults.join("alignments.parquet").exists(), "no alignments without a source column");
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(with_defaults.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["source_checks"], "off: no input has a 'source' column");
}

#[test]
fn an_empty_source_value_skips_that_document_only() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.csv");
    std::fs::write(
        &input,
        "id,text,source\nx,Prices rose by 4 percent.,Die Preise stiegen um 5 Prozent.\ny,Prices rose by 4 percent.,\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    assert_exit(&score(&[input.to_str().unwrap()], &out), 0);
    assert_eq!(flags_of(&out, "x"), [("source-number".to_string(), "4".to_string())]);
    assert!(flags_of(&out, "y").is_empty());
    let alignments = read_table(&out, "alignments.parquet");
    assert_eq!(strings(&alignments, "doc_id"), [Some("x".to_string())]);
    let documents = read_table(&out, "documents.parquet");
    let names: Vec<&str> = documents.get_column_names().iter().map(|n| n.as_str()).collect();
    assert!(!names.contains(&"source"), "the source is input, not a carried column: {names:?}");
}

/// A corpus where one fluent English sentence answers two unrelated German sources, among
/// faithful translations (one of them repeated for a repeated source).
fn write_corpus_with_a_repeated_hallucination(path: &Path) {
    let made_up = "The following article is a summary of the most important news of the day.";
    let bridge = "Der Bürgermeister eröffnete am Montag die neue Brücke über den Fluss.";
    let rows = [
        ("one", bridge, "On Monday the mayor opened the new bridge over the river."),
        ("two", "Die Strompreise steigen im kommenden Winter für viele Haushalte weiter.", made_up),
        ("three", bridge, "On Monday the mayor opened the new bridge over the river."),
        (
            "four",
            "Die Kinder spielten den ganzen Nachmittag im Garten ihrer Großmutter.",
            "The children played in their grandmother's garden all afternoon.",
        ),
        ("five", "Im Hafen lagen am Wochenende drei große Kreuzfahrtschiffe vor Anker.", made_up),
    ];
    let lines: Vec<String> = rows
        .iter()
        .map(|(id, source, text)| serde_json::json!({"id": id, "source": source, "text": text}).to_string())
        .collect();
    std::fs::write(path, lines.join("\n") + "\n").unwrap();
}

#[test]
fn one_english_sentence_for_unrelated_sources_is_flagged_in_every_document_whatever_the_threads() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    write_corpus_with_a_repeated_hallucination(&input);
    // One document per batch, so the repeats meet across batches.
    let config = dir.path().join("mtqe.toml");
    std::fs::write(&config, "[input]\nbatch-documents = 1\n").unwrap();
    let mut results = Vec::new();
    for threads in ["1", "3"] {
        let out = dir.path().join(format!("out-{threads}"));
        let args = [input.to_str().unwrap(), "--threads", threads, "--config", config.to_str().unwrap()];
        assert_exit(&score(&args, &out), 0);
        let flags = read_table(&out, "flags.parquet");
        let detectors = strings(&flags, "detector");
        let repeated: Vec<(Option<String>, Option<String>, Option<String>)> = (0..flags.height())
            .filter(|&i| detectors[i].as_deref() == Some("repeated-translation"))
            .map(|i| {
                (
                    strings(&flags, "doc_id")[i].clone(),
                    strings(&flags, "excerpt")[i].clone(),
                    strings(&flags, "message")[i].clone(),
                )
            })
            .collect();
        let docs: Vec<&str> = repeated.iter().map(|(doc, _, _)| doc.as_deref().unwrap()).collect();
        assert_eq!(docs, ["two", "five"], "threads {threads}");
        assert!(repeated[0].2.as_deref().unwrap().contains("document \"five\""), "{repeated:?}");
        let manifest: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(out.join("manifest.json")).unwrap()).unwrap();
        assert_eq!(manifest["counts"]["flags_by_detector"]["repeated-translation"], 2);
        assert_eq!(manifest["counts"]["flags"].as_u64(), Some(flags.height() as u64));
        // The flags come after every document's and change no document's penalty.
        let documents = read_table(&out, "documents.parquet");
        assert_eq!(documents.height(), 5);
        results.push((repeated, f64s(&documents, "penalty")));
    }
    assert_eq!(results[0], results[1], "the result does not depend on the thread count");
}
