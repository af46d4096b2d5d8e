//! The detectors on whole articles: precision on clean news written for these tests, and the
//! errors of the seed article in ../shared (skipped when that checkout is absent).

mod common;

use common::*;
use std::path::Path;

fn flags_of(input: &Path) -> (Vec<String>, Vec<String>, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    assert_exit(&score(&[input.to_str().unwrap()], &out), 0);
    let flags = read_table(&out, "flags.parquet");
    let column = |name| strings(&flags, name).into_iter().map(Option::unwrap).collect();
    (column("doc_id"), column("detector"), column("excerpt"))
}

#[test]
fn clean_news_gets_at_most_one_flag_per_2000_words() {
    let input = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/clean-news.jsonl");
    let words: usize = std::fs::read_to_string(&input)
        .unwrap()
        .lines()
        .map(|line| {
            serde_json::from_str::<serde_json::Value>(line).unwrap()["text"]
                .as_str()
                .unwrap()
                .split_whitespace()
                .count()
        })
        .sum();
    assert!(words >= 2000, "the clean set must be large enough to measure: {words} words");
    let (ids, detectors, excerpts) = flags_of(&input);
    let allowed = words / 2000;
    let found: Vec<String> = (0..ids.len()).map(|i| format!("{} {} {:?}", ids[i], detectors[i], excerpts[i])).collect();
    assert!(
        found.len() <= allowed,
        "{} flags on {words} words of clean news (allowed {allowed}):\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn the_seed_article_yields_its_discourse_errors() {
    let Some(seed) = shared_seed() else {
        eprintln!("skipped: ../shared/seed is not present in this checkout");
        return;
    };
    let (_, detectors, excerpts) = flags_of(&seed);
    let has = |detector: &str, excerpt: &str| {
        detectors.iter().zip(&excerpts).any(|(d, e)| d == detector && e.contains(excerpt))
    };
    assert!(has("narrative-you", "You"), "\"You switch sides.\": {detectors:?} {excerpts:?}");
    assert!(has("inconsistent-name", "Arni"), "Arni vs Arnie");
    assert!(has("unclosed-quote", "“But that doesn’t mean"), "the unclosed quote");
    assert!(has("verbless-sentence", "“Freedom of Russia” since March."), "the verbless fragment");
    assert!(has("orphan-attribution", "“Moscow Times” reported."), "the orphan attribution");
}

#[test]
fn the_seed_article_yields_its_interference_errors() {
    let Some(seed) = shared_seed() else {
        eprintln!("skipped: ../shared/seed is not present in this checkout");
        return;
    };
    let (_, detectors, excerpts) = flags_of(&seed);
    let has = |detector: &str, excerpt: &str| {
        detectors.iter().zip(&excerpts).any(|(d, e)| d == detector && e.contains(excerpt))
    };
    assert!(has("literal-idiom", "Months eat"), "\"Months eat Russians.\": {detectors:?} {excerpts:?}");
    assert!(has("age-in-parentheses", "Putin (69)"), "\"Putin (69)\"");
}

/// Words a journalist reading a flag would not know; the MQM category has its own column.
const JARGON: [&str; 9] = ["MT ", "MQM", "narrative", "stutter", "SLOR", "n-gram", "lemma", "token", "hallucinat"];

#[test]
fn flag_messages_are_in_plain_words() {
    let dir = tempfile::tempdir().unwrap();
    let mut inputs = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/clean-news.jsonl")];
    inputs.extend(shared_seed());
    let sample =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sample/articles.jsonl")).unwrap();
    let extra = dir.path().join("sample.jsonl");
    // The sample, and more text for the detectors the sample does not trigger.
    let more = serde_json::json!({"id": "more", "text": "The child was found unharmed. It had spent the night in a shed. \
        The mayor said that the the plan works works. The plan works. The plan works. The plan works. \
        You have to wait until spring, said the council. Since Monday the road is closed."});
    std::fs::write(&extra, format!("{}\n{more}\n", sample.trim_end())).unwrap();
    inputs.push(extra);
    let mut checked = 0;
    let mut detectors = std::collections::BTreeSet::new();
    for (i, input) in inputs.iter().enumerate() {
        let out = dir.path().join(format!("out{i}"));
        let output = score(&[input.to_str().unwrap()], &out);
        assert!(output.status.code().is_some_and(|c| c <= 1), "{}", stderr(&output));
        let flags = read_table(&out, "flags.parquet");
        for (message, detector) in strings(&flags, "message").into_iter().zip(strings(&flags, "detector")) {
            let message = message.unwrap();
            for word in JARGON {
                assert!(!message.contains(word), "{}: \"{word}\" in {message}", detector.unwrap());
            }
            detectors.insert(detector.unwrap());
            checked += 1;
        }
    }
    assert!(detectors.len() >= 20, "messages of {} detectors checked: {detectors:?}", detectors.len());
    assert!(checked > 30);
}

#[test]
fn one_mistake_gets_one_flag_and_untranslated_sentences_get_no_english_checks() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    let articles = [
        ("date", "The new law applies from 12. März in all states. The council met on Tuesday and approved it."),
        ("time", "The meeting starts at 20 Uhr in the town hall. The mayor will speak first."),
        (
            "german",
            "The council met on Tuesday. Die Regierung hat den Plan am Montag nicht beschlossen, sagte der Sprecher. \
             The vote was close.",
        ),
    ];
    let lines: Vec<String> =
        articles.iter().map(|(id, text)| serde_json::json!({ "id": id, "text": text }).to_string()).collect();
    std::fs::write(&corpus, lines.join("\n") + "\n").unwrap();
    let out = dir.path().join("out");
    assert_exit(&score(&[corpus.to_str().unwrap()], &out), 0);
    let flags = read_table(&out, "flags.parquet");
    let rows: Vec<(String, String, Option<String>, String)> = strings(&flags, "doc_id")
        .into_iter()
        .zip(strings(&flags, "detector"))
        .zip(strings(&flags, "suggestion"))
        .zip(strings(&flags, "message"))
        .map(|(((id, detector), suggestion), message)| (id.unwrap(), detector.unwrap(), suggestion, message.unwrap()))
        .collect();
    let of = |id: &str| rows.iter().filter(|r| r.0 == id).collect::<Vec<_>>();
    let date = of("date");
    assert_eq!(date.len(), 1, "{date:?}");
    assert_eq!((date[0].1.as_str(), date[0].2.as_deref()), ("german-date", Some("12 March")));
    let time = of("time");
    assert_eq!(time.iter().map(|r| r.1.as_str()).collect::<Vec<_>>(), ["german-time"], "{time:?}");
    let german = of("german");
    assert_eq!(german.iter().map(|r| r.1.as_str()).collect::<Vec<_>>(), ["non-translation"], "{german:?}");
    assert!(german[0].3.contains("English grammar and wording checks are skipped"), "{}", german[0].3);
    // The penalty counts the mistake once.
    let documents = read_table(&out, "documents.parquet");
    let penalties: std::collections::HashMap<_, _> =
        strings(&documents, "doc_id").into_iter().map(Option::unwrap).zip(f64s(&documents, "penalty")).collect();
    assert_eq!(penalties["date"], 1.0, "one minor flag");
}

#[test]
fn thousands_of_unpaired_quotation_marks_give_a_bounded_number_of_flags() {
    let dir = tempfile::tempdir().unwrap();
    // Opening marks only: none pairs up.
    let text = "He said “no. ".repeat(5_000);
    let corpus = dir.path().join("quotes.jsonl");
    std::fs::write(&corpus, serde_json::json!({"id": "q", "text": text}).to_string() + "\n").unwrap();
    let out = dir.path().join("out");
    assert_exit(&score(&[corpus.to_str().unwrap()], &out), 0);
    let flags = read_table(&out, "flags.parquet");
    let detectors = strings(&flags, "detector");
    let mut per_detector = std::collections::HashMap::<String, usize>::new();
    for detector in detectors {
        *per_detector.entry(detector.unwrap()).or_default() += 1;
    }
    assert!(per_detector.values().all(|&n| n <= 201), "{per_detector:?}");
    assert!(strings(&flags, "message")
        .iter()
        .any(|m| m.as_deref().is_some_and(|m| m.contains("summed up in this one"))));
}
