//! A matrix of hostile inputs for `mtqe score`, each case checked against the guarantees of the
//! README's "Bad input" section: the exit code says what happened (0 all scored, 1 some rows
//! rejected, 2 unusable input and nothing written); no case panics; output is all or nothing
//! (a manifest and three readable tables, or no files at all); every input record is either a
//! document or a reject, and every reject names its file, its line or row, and a reason.
//!
//! The cases are data: a name, the files to write, the arguments, and the outcome expected. One
//! test runs them all and lists every case that fails, by name, instead of stopping at the first.
//! Row-level problems already covered one for one by `score_behaviour.rs` and
//! `score_formats.rs` are not repeated here.

mod common;

use common::*;
use polars::prelude::*;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;

/// What a case must end in.
#[derive(Debug, Clone, Copy)]
enum Expect {
    /// The run finishes with exactly `docs` documents and `rejects` rejects: exit 1 when there
    /// are rejects, 0 otherwise.
    Rows { docs: usize, rejects: usize },
    /// The run finishes and each of `records` input records is a document or a reject: where
    /// scoring a record and rejecting it with a reason both keep the guarantees.
    Records(usize),
    /// Exit 2 and nothing written: a missing or unreadable file, a missing column, a bad
    /// option, or any reject under `--strict`.
    Unusable,
}

use Expect::*;

fn rows(docs: usize, rejects: usize) -> Expect {
    Rows { docs, rejects }
}

/// Something to put in a case's directory before the run. Returns false where the case cannot
/// be set up here (an unreadable file, when the test runs as root): the case is then skipped.
type Setup = Box<dyn Fn(&Path) -> bool + Send + Sync>;

struct Case {
    name: String,
    /// Paths relative to the case's directory, and their bytes.
    files: Vec<(String, Vec<u8>)>,
    /// Empty directories to create.
    dirs: Vec<String>,
    setup: Option<Setup>,
    /// Inputs named on the command line; by default the top-level entries of `files` and `dirs`.
    inputs: Option<Vec<String>>,
    args: Vec<String>,
    expect: Expect,
}

impl Case {
    fn new(name: impl Into<String>, expect: Expect) -> Self {
        Case {
            name: name.into(),
            files: Vec::new(),
            dirs: Vec::new(),
            setup: None,
            inputs: None,
            args: Vec::new(),
            expect,
        }
    }

    fn file(mut self, path: &str, bytes: impl Into<Vec<u8>>) -> Self {
        self.files.push((path.to_owned(), bytes.into()));
        self
    }

    fn dir(mut self, path: &str) -> Self {
        self.dirs.push(path.to_owned());
        self
    }

    fn args(mut self, args: &[&str]) -> Self {
        self.args.extend(args.iter().map(|a| a.to_string()));
        self
    }

    fn inputs(mut self, inputs: &[&str]) -> Self {
        self.inputs = Some(inputs.iter().map(|a| a.to_string()).collect());
        self
    }

    fn setup(mut self, setup: impl Fn(&Path) -> bool + Send + Sync + 'static) -> Self {
        self.setup = Some(Box::new(setup));
        self
    }

    fn input_names(&self) -> Vec<String> {
        if let Some(inputs) = &self.inputs {
            return inputs.clone();
        }
        let mut names: Vec<String> = Vec::new();
        for path in self.files.iter().map(|(p, _)| p).chain(&self.dirs) {
            let top = path.split('/').next().unwrap().to_owned();
            if !names.contains(&top) {
                names.push(top);
            }
        }
        names
    }
}

// ---------------------------------------------------------------------------------------------
// Building inputs

/// One JSON Lines row with an id and a text.
fn row(id: &str, text: &str) -> String {
    serde_json::json!({"id": id, "text": text}).to_string()
}

fn jsonl(rows: &[String]) -> Vec<u8> {
    (rows.join("\n") + "\n").into_bytes()
}

/// A JSON Lines file of one good row around `middle` (raw bytes, one or more lines).
fn around(middle: &[u8]) -> Vec<u8> {
    let mut bytes = row("before", "The council met on Monday.").into_bytes();
    bytes.push(b'\n');
    bytes.extend_from_slice(middle);
    bytes.push(b'\n');
    bytes.extend_from_slice(row("after", "The mayor spoke on Tuesday.").as_bytes());
    bytes.push(b'\n');
    bytes
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

fn zstd_compress(bytes: &[u8]) -> Vec<u8> {
    zstd::encode_all(bytes, 3).unwrap()
}

fn parquet(columns: Vec<Column>) -> Vec<u8> {
    let height = columns.first().map_or(0, |c| c.len());
    let mut frame = DataFrame::new(height, columns).unwrap();
    let mut bytes = Vec::new();
    ParquetWriter::new(&mut bytes).finish(&mut frame).unwrap();
    bytes
}

fn text_column(name: &str, values: &[Option<&str>]) -> Column {
    Column::new(name.into(), values)
}

/// Three clean articles.
const CLEAN: [(&str, &str); 3] = [
    ("c1", "The state government presented a new aid package on Tuesday."),
    ("c2", "Dr. Anna Weber, 54, leads the office in Cologne. “We will appeal,” she said."),
    ("c3", "Prices rose sharply in June. Nobody expected that, economists said."),
];

fn clean_jsonl() -> Vec<u8> {
    jsonl(&CLEAN.map(|(id, text)| row(id, text)))
}

fn clean_csv(delimiter: char) -> Vec<u8> {
    let mut out = format!("id{delimiter}text\n");
    for (id, text) in CLEAN {
        let text = if delimiter == ',' { format!("\"{}\"", text.replace('"', "\"\"")) } else { text.to_owned() };
        out.push_str(&format!("{id}{delimiter}{text}\n"));
    }
    out.into_bytes()
}

fn clean_json_array() -> Vec<u8> {
    let objects: Vec<serde_json::Value> =
        CLEAN.iter().map(|(id, text)| serde_json::json!({"id": id, "text": text})).collect();
    serde_json::to_string_pretty(&objects).unwrap().into_bytes()
}

fn clean_parquet() -> Vec<u8> {
    parquet(vec![text_column("id", &CLEAN.map(|c| Some(c.0))), text_column("text", &CLEAN.map(|c| Some(c.1)))])
}

/// Makes `path` unreadable; false where that cannot hold (the test runs as root).
fn unreadable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o000)).unwrap();
    std::fs::read_dir(path).is_err() && std::fs::read(path).is_err()
}

// ---------------------------------------------------------------------------------------------
// The cases

fn json_lines_cases(cases: &mut Vec<Case>) {
    let one = |name: &str, middle: &[u8], expect: Expect| {
        Case::new(format!("jsonl/{name}"), expect).file("in.jsonl", around(middle))
    };
    // Truncated and malformed JSON.
    cases.push(one("truncated-mid-object", br#"{"id": "t", "text": "Cut off"#, rows(2, 1)));
    cases.push(one("truncated-after-key", br#"{"id": "t", "te"#, rows(2, 1)));
    cases.push(one("only-open-brace", b"{", rows(2, 1)));
    cases.push(one("stray-closing-brace", b"}", rows(2, 1)));
    cases.push(one("trailing-comma", br#"{"id": "t", "text": "Fine text.",}"#, rows(2, 1)));
    cases.push(one("single-quoted", br#"{'id': 't', 'text': 'Fine text.'}"#, rows(2, 1)));
    cases.push(one("unquoted-keys", br#"{id: "t", text: "Fine text."}"#, rows(2, 1)));
    cases.push(one(
        "two-objects-on-one-line",
        br#"{"id": "t1", "text": "One."} {"id": "t2", "text": "Two."}"#,
        rows(2, 1),
    ));
    cases.push(one("raw-tab-in-string", b"{\"id\": \"t\", \"text\": \"a\tb\"}", rows(2, 1)));
    cases.push(one("bad-escape", br#"{"id": "t", "text": "bad \q escape"}"#, rows(2, 1)));
    cases.push(one("lone-surrogate-escape", br#"{"id": "t", "text": "half \ud800 a pair"}"#, rows(2, 1)));
    cases.push(one("nan-value", br#"{"id": "t", "text": "Fine.", "score": NaN}"#, rows(2, 1)));
    // Wrong types for the id and text.
    cases.push(one("null-id", br#"{"id": null, "text": "Fine text."}"#, rows(2, 1)));
    cases.push(one("array-id", br#"{"id": ["t"], "text": "Fine text."}"#, rows(2, 1)));
    cases.push(one("object-id", br#"{"id": {"n": 1}, "text": "Fine text."}"#, rows(2, 1)));
    cases.push(one("bool-id", br#"{"id": true, "text": "Fine text."}"#, rows(2, 1)));
    cases.push(one("float-id", br#"{"id": 1.5, "text": "Fine text."}"#, rows(3, 0)));
    cases.push(one("huge-exponent-id", br#"{"id": 1e400, "text": "Fine text."}"#, Records(3)));
    cases.push(one("number-text", br#"{"id": "t", "text": 42}"#, rows(2, 1)));
    cases.push(one("array-text", br#"{"id": "t", "text": ["Fine", "text."]}"#, rows(2, 1)));
    cases.push(one("object-text", br#"{"id": "t", "text": {"en": "Fine text."}}"#, rows(2, 1)));
    cases.push(one("null-text", br#"{"id": "t", "text": null}"#, rows(2, 1)));
    cases.push(one("bool-text", br#"{"id": "t", "text": false}"#, rows(2, 1)));
    cases.push(one("missing-id-key", br#"{"text": "Fine text."}"#, rows(2, 1)));
    cases.push(one("empty-object", b"{}", rows(2, 1)));
    cases.push(one("bare-string-line", br#""just a string""#, rows(2, 1)));
    // Extra and repeated keys.
    cases.push(one(
        "extra-nested-keys",
        br#"{"id": "t", "text": "Fine text.", "meta": {"a": [1, {"b": null}]}, "tags": [], "": "empty key"}"#,
        rows(3, 0),
    ));
    cases.push(one("repeated-text-key", br#"{"id": "t", "text": "First.", "text": "Last wins."}"#, rows(3, 0)));
    cases.push(one(
        "key-named-like-output-column",
        br#"{"id": "t", "text": "Fine.", "doc_id": "x", "n_flags": "y"}"#,
        rows(3, 0),
    ));
    let deep = format!("{{\"id\": \"t\", \"text\": \"Fine.\", \"deep\": {}{}}}", "[".repeat(300), "]".repeat(300));
    cases.push(one("deeply-nested-carried-value", deep.as_bytes(), Records(3)));
    // Byte-level damage.
    let mut bom = b"\xef\xbb\xbf".to_vec();
    bom.extend_from_slice(&clean_jsonl());
    cases.push(Case::new("jsonl/bom-at-start", rows(3, 0)).file("in.jsonl", bom));
    cases.push(one("bom-on-a-middle-line", "\u{feff}{\"id\": \"t\", \"text\": \"Fine.\"}".as_bytes(), Records(3)));
    cases.push(
        Case::new("jsonl/crlf", rows(3, 0))
            .file("in.jsonl", String::from_utf8(clean_jsonl()).unwrap().replace('\n', "\r\n")),
    );
    cases.push(
        Case::new("jsonl/cr-only-line-ends", rows(0, 1))
            .file("in.jsonl", String::from_utf8(clean_jsonl()).unwrap().replace('\n', "\r")),
    );
    cases.push(
        Case::new("jsonl/no-final-newline", rows(3, 0))
            .file("in.jsonl", String::from_utf8(clean_jsonl()).unwrap().trim_end().to_owned()),
    );
    cases.push(one("nul-byte-inside-string", b"{\"id\": \"t\", \"text\": \"Fine\0text.\"}", rows(2, 1)));
    cases.push(one("nul-byte-line", b"\0", rows(2, 1)));
    cases.push(one("escaped-nul-in-text", br#"{"id": "t", "text": "Fine\u0000text."}"#, rows(3, 0)));
    cases.push(one("invalid-utf8-in-text", b"{\"id\": \"t\", \"text\": \"Gr\xfc\xdfe\"}", rows(2, 1)));
    cases.push(one("invalid-utf8-in-id", b"{\"id\": \"t\xff\", \"text\": \"Fine text.\"}", rows(2, 1)));
    cases.push(one(
        "invalid-utf8-in-key",
        b"{\"id\": \"t\", \"te\xc3xt\": \"Fine.\", \"text\": \"Fine.\"}",
        rows(2, 1),
    ));
    cases.push(one(
        "invalid-utf8-in-carried-value",
        b"{\"id\": \"t\", \"text\": \"Fine.\", \"url\": \"\x80\"}",
        rows(2, 1),
    ));
    cases.push(one("truncated-multibyte-before-quote", b"{\"id\": \"t\", \"text\": \"caf\xc3\"}", rows(2, 1)));
    cases.push(one("overlong-encoding", b"{\"id\": \"t\", \"text\": \"slash \xc0\xaf\"}", rows(2, 1)));
    cases.push(one("utf8-encoded-surrogate", b"{\"id\": \"t\", \"text\": \"half \xed\xa0\x80\"}", rows(2, 1)));
    cases.push(one("latin1-line", b"{\"id\": \"t\", \"text\": \"na\xefve caf\xe9\"}", rows(2, 1)));
    // Blank lines and empty values.
    cases.push(one("blank-and-whitespace-lines", b"\n   \n\t\n\r\n", rows(2, 0)));
    cases.push(Case::new("jsonl/only-whitespace-lines", rows(0, 0)).file("in.jsonl", " \t\n \r\n\n"));
    cases.push(one("empty-text", br#"{"id": "t", "text": ""}"#, rows(2, 1)));
    cases.push(one(
        "unicode-whitespace-text",
        "{\"id\": \"t\", \"text\": \"\u{a0}\u{3000}\\n\\t\u{2003}\"}".as_bytes(),
        rows(2, 1),
    ));
    cases.push(one("ideographic-space-id", "{\"id\": \"\u{3000}\", \"text\": \"Fine text.\"}".as_bytes(), rows(2, 1)));
    cases.push(one("empty-string-source", br#"{"id": "t", "text": "Fine text.", "source": ""}"#, rows(3, 0)));
    cases.push(one("number-source", br#"{"id": "t", "text": "Fine text.", "source": 7}"#, rows(2, 1)));
    // Limits.
    // With a limit of 10 characters, next to a short good row.
    let limited = |name: &str, tested: String, expect: Expect| {
        Case::new(format!("jsonl/{name}"), expect)
            .file("in.jsonl", jsonl(&[row("ok", "Fine."), tested, row("ok2", "Also fine.")]))
            .args(&["--max-text-chars", "10"])
    };
    cases.push(limited("line-over-record-limit", row("huge", &"x".repeat(1_100_000)), rows(2, 1)));
    cases.push(limited("text-one-over-limit", row("t", "abcdefghijk"), rows(2, 1)));
    cases.push(limited("multibyte-text-at-limit", row("t", &"é".repeat(10)), rows(3, 0)));
    cases.push(limited("emoji-text-over-limit", row("t", &"😀".repeat(11)), rows(2, 1)));
    cases.push(
        Case::new("jsonl/limit-of-one", rows(1, 1))
            .file("in.jsonl", jsonl(&[row("a", "A"), row("b", "Bo")]))
            .args(&["--max-text-chars", "1"]),
    );
    // Ids.
    cases.push(
        Case::new("jsonl/duplicate-id-three-times", rows(1, 2))
            .file("in.jsonl", jsonl(&[row("d", "One."), row("d", "Two."), row("d", "Three.")])),
    );
    cases.push(
        Case::new("jsonl/ids-differ-in-case-only", rows(2, 0))
            .file("in.jsonl", jsonl(&[row("Doc", "One."), row("doc", "Two.")])),
    );
    cases.push(
        Case::new("jsonl/number-and-string-id-alike", rows(1, 1))
            .file("in.jsonl", "{\"id\": 1, \"text\": \"One.\"}\n{\"id\": \"1\", \"text\": \"Two.\"}\n"),
    );
    cases.push(
        Case::new("jsonl/leading-zero-string-id", rows(2, 0))
            .file("in.jsonl", "{\"id\": \"01\", \"text\": \"One.\"}\n{\"id\": 1, \"text\": \"Two.\"}\n"),
    );
    cases.push(
        Case::new("jsonl/ids-unicode-normalisation-forms", rows(2, 0))
            .file("in.jsonl", jsonl(&[row("caf\u{e9}", "One."), row("cafe\u{301}", "Two.")])),
    );
    cases.push(one("very-long-id", row(&"i".repeat(100_000), "Fine text.").as_bytes(), rows(3, 0)));
    cases.push(one("unicode-id", row("新闻-😀-עברית-e\u{301}", "Fine text.").as_bytes(), rows(3, 0)));
    cases.push(one("control-characters-in-id", row("a\nb\tc\u{1}\u{7f}", "Fine text.").as_bytes(), rows(3, 0)));
    cases.push(one("zero-width-id", row("\u{200b}", "Fine text.").as_bytes(), Records(3)));
}

/// Texts that are valid input but hard to analyse: each must be scored.
fn hostile_text_cases(cases: &mut Vec<Case>) {
    let zalgo: String = "Zalgo"
        .chars()
        .flat_map(|c| std::iter::once(c).chain("\u{300}\u{301}\u{302}\u{303}\u{304}".chars().cycle().take(60)))
        .collect();
    let texts: Vec<(&str, String)> = vec![
        ("emoji", "Fans 🎉🎉 cheered 👨‍👩‍👧‍👦 as the 🇩🇪 team won 3:1 ❤️‍🔥.".into()),
        ("rtl-and-bidi-marks", "The sign read \u{202e}olleh\u{202c} and שלום עולם, then مرحبا بالعالم.\u{200f}".into()),
        ("combining-marks", "Cafe\u{301} owners in Ko\u{308}ln said no\u{308}. A\u{30a}ngstro\u{308}m.".into()),
        ("zalgo-stacked-marks", zalgo),
        (
            "zero-width-characters",
            "The\u{200b} govern\u{200d}ment\u{200c} said\u{2060} no\u{feff}. It\u{200b}\u{200b} ended.".into(),
        ),
        ("only-punctuation", "?!... ,,, ;;; --- ((( ))) «» „“ ‚‘ … — – !?".into()),
        ("only-digits", "1234567890 0 00 3.14159 1,000,000 28.000 1/2".into()),
        ("straight-quotes-thousands", "\"".repeat(5000)),
        ("curly-quotes-unpaired-thousands", "“".repeat(3000)),
        ("mixed-quotes-thousands", "„Ja“ «non» ‚x‘ \"y ".repeat(800)),
        ("parentheses-unbalanced", "(((((".repeat(1000) + " The end."),
        ("repeated-phrase", "the government said that ".repeat(2000)),
        ("repeated-word", "the ".repeat(10_000)),
        ("many-short-sentences", "Yes. ".repeat(20_000)),
        ("one-huge-word", "a".repeat(100_000)),
        ("one-huge-number", "9".repeat(50_000)),
        ("abbreviations-everywhere", "Dr. Prof. U.S. e.g. i.e. Nr. Str. z.B. ".repeat(500)),
        (
            "control-characters",
            "Bell\u{7} back\u{8}space form\u{c}feed esc\u{1b}[31m red\u{1b}[0m del\u{7f} nel\u{85} end.".into(),
        ),
        (
            "line-and-paragraph-separators",
            "First line.\u{2028}Second line.\u{2029}New paragraph.\u{b}\u{c}Done.".into(),
        ),
        ("carriage-returns-only", "First sentence.\rSecond sentence.\r\rThird.".into()),
        ("only-newlines-and-a-word", format!("{}word{}", "\n".repeat(5000), "\n".repeat(5000))),
        ("tabs-and-odd-spaces", "The\tmayor\u{a0}said\u{2009}that\u{202f}the\u{3000}plan\u{205f}failed.".into()),
        ("mixed-scripts", "Moskau (Москва) and 北京 and Αθήνα and मुंबई and Türkiye and 東京 joined.".into()),
        ("cyrillic-homoglyphs", "Тhе gоvеrnmеnt sаid nо.".into()),
        ("german-untranslated", "Die Bundesregierung hat am Dienstag ein neues Hilfspaket vorgestellt.".into()),
        (
            "noncharacters-and-private-use",
            "Odd \u{fffe}\u{ffff}\u{e000}\u{f8ff}\u{10ffff} characters \u{fffd} here.".into(),
        ),
        ("variation-selectors-and-ligatures", "ﬁnancial ﬂow ☺\u{fe0f} ☺\u{fe0e} Ａ１２ full width.".into()),
        ("html-and-markup", "<script>alert(1)</script> &amp; &#x201C; <b>bold</b> [[link]] {{template}}".into()),
        ("url-and-email-soup", "See https://example.com/a?b=c&d=e#f and mail@example.org or www.x.de/ü.".into()),
        (
            "number-formats",
            "28.000 Euro, 1.5 Mrd., 3,5 %, €1,234.56, 12:30 Uhr, 1. Mai, 09.08.2022, -0.0, 1e10.".into(),
        ),
        ("single-character", "x".into()),
        ("surrogate-pair-emoji-at-edges", "😀The mayor said no.😀".into()),
    ];
    for (name, text) in texts {
        cases.push(Case::new(format!("text/{name}"), rows(1, 0)).file("in.jsonl", jsonl(&[row("t", &text)])));
    }
    // Texts that are empty to the eye, though not whitespace: scored or rejected, never lost.
    for (name, text) in [("only-zero-width", "\u{200b}\u{200c}\u{200d}\u{2060}"), ("single-combining-mark", "\u{301}")]
    {
        cases.push(Case::new(format!("text/{name}"), Records(1)).file("in.jsonl", jsonl(&[row("t", text)])));
    }
    // A multi-byte or zero-width character at every position of a sentence full of token
    // boundaries: abbreviations, contractions, numbers, quotes, brackets, dashes.
    let sentence = "Dr. Weber said: \"It's 3.5% up (in U.S. terms)—isn't it?\" Yes, 28.000 €.";
    let positions = sentence.chars().count() + 1;
    for (label, insert) in [
        ("two-byte", "é"),
        ("three-byte", "€"),
        ("four-byte", "😀"),
        ("combining", "\u{301}"),
        ("zero-width", "\u{200b}"),
    ] {
        let lines: Vec<String> = (0..positions)
            .map(|at| {
                let mut text: String = sentence.chars().take(at).collect();
                text.push_str(insert);
                text.extend(sentence.chars().skip(at));
                row(&format!("p{at}"), &text)
            })
            .collect();
        cases.push(
            Case::new(format!("text/{label}-char-at-every-position"), rows(positions, 0))
                .file("in.jsonl", jsonl(&lines)),
        );
    }
}

fn source_cases(cases: &mut Vec<Case>) {
    let with_source =
        |id: &str, text: &str, source: &str| serde_json::json!({"id": id, "text": text, "source": source}).to_string();
    let one = |name: &str, text: &str, source: &str| {
        Case::new(format!("source/{name}"), rows(1, 0)).file("in.jsonl", jsonl(&[with_source("s", text, source)]))
    };
    cases.push(one("unrelated", "Prices rose sharply in June.", "Der Hund schläft im Garten unter dem Baum."));
    cases.push(one("whitespace-only", "Prices rose sharply in June.", " \n\t "));
    cases.push(one("very-long", "Prices rose.", &"Die Preise stiegen im Juni stark an. ".repeat(3000)));
    cases.push(one(
        "many-paragraphs-against-one",
        "Prices rose. Nobody expected it.",
        &"Die Preise stiegen.\n\n".repeat(500),
    ));
    cases.push(one(
        "numbers-changed",
        "28,000 people came on 9 August at 10:30.",
        "24.000 Menschen kamen am 8. August um 11:30 Uhr.",
    ));
    cases.push(one(
        "identical-to-text",
        "Die Preise stiegen im Juni stark an.",
        "Die Preise stiegen im Juni stark an.",
    ));
    cases.push(one("emoji-and-controls", "Fans cheered.", "Fans 🎉 jubelten\u{1}\u{200b}\u{feff}."));
    cases.push(one("punctuation-only", "The mayor said no.", "„“ … — ?! ((("));
    cases.push(one("only-quotes-both-sides", &"\"".repeat(2000), &"„".repeat(2000)));
    cases.push(one(
        "german-compound-monster",
        "The law passed.",
        &"Donaudampfschifffahrtsgesellschaftskapitänswitwe".repeat(200),
    ));
    cases.push(Case::new("source/csv-with-empty-and-long-source", rows(3, 0)).file(
        "in.csv",
        format!(
            "id,text,source\na,Prices rose.,\nb,Prices fell.,\"{}\"\nc,It rained.,Es regnete.\n",
            "Die Preise fielen. ".repeat(2000)
        ),
    ));
}

fn json_array_cases(cases: &mut Vec<Case>) {
    let one = |name: &str, bytes: &[u8], expect: Expect| {
        Case::new(format!("json/{name}"), expect).file("in.json", bytes.to_vec())
    };
    cases.push(one("clean", &clean_json_array(), rows(3, 0)));
    cases.push(one("unclosed", br#"[{"id": "a", "text": "One."}, {"id": "b", "text": "Two."}"#, rows(2, 1)));
    cases.push(one("text-after-end", b"[{\"id\": \"a\", \"text\": \"One.\"}]\ngarbage", rows(1, 1)));
    cases.push(one("object-not-array", br#"{"id": "a", "text": "One."}"#, rows(0, 1)));
    cases.push(one("empty-array", b" [ ]\n", rows(0, 0)));
    cases.push(one("nested-array", br#"[[{"id": "a", "text": "One."}]]"#, rows(0, 1)));
    cases.push(one("null-element", br#"[null, {"id": "a", "text": "One."}]"#, rows(1, 1)));
    cases.push(one("missing-comma", br#"[{"id": "a", "text": "One."} {"id": "b", "text": "Two."}]"#, rows(1, 1)));
    cases.push(one("trailing-comma", br#"[{"id": "a", "text": "One."},]"#, rows(1, 1)));
    cases.push(one(
        "brackets-and-escapes-in-strings",
        br#"[{"id": "a]", "text": "x, [y] {z} \"q\" \\"}, {"id": "b,", "text": "}]"}]"#,
        rows(2, 0),
    ));
    cases.push(one(
        "invalid-utf8-element",
        b"[{\"id\": \"a\", \"text\": \"\xff\"}, {\"id\": \"b\", \"text\": \"Two.\"}]",
        rows(1, 1),
    ));
    cases.push(one(
        "crlf",
        String::from_utf8(clean_json_array()).unwrap().replace('\n', "\r\n").as_bytes(),
        rows(3, 0),
    ));
    // A byte order mark before the '[' is skipped: every element is read.
    let mut bom = b"\xef\xbb\xbf".to_vec();
    bom.extend_from_slice(&clean_json_array());
    cases.push(one("bom", &bom, rows(3, 0)));
    cases.push(one(
        "wrong-types",
        br#"[{"id": null, "text": "One."}, {"id": "b", "text": 2}, {"id": "c", "text": "Three."}]"#,
        rows(1, 2),
    ));
    cases.push(one("duplicate-ids", br#"[{"id": "a", "text": "One."}, {"id": "a", "text": "Two."}]"#, rows(1, 1)));
    cases.push(Case::new("json/gzip", rows(3, 0)).file("in.json.gz", gzip(&clean_json_array())));
}

fn csv_cases(cases: &mut Vec<Case>) {
    let one = |name: &str, bytes: &[u8], expect: Expect| {
        Case::new(format!("csv/{name}"), expect).file("in.csv", bytes.to_vec())
    };
    cases.push(one("clean", &clean_csv(','), rows(3, 0)));
    cases.push(one("crlf", b"id,text\r\na,One.\r\nb,\"Two,\r\nlines.\"\r\n", rows(2, 0)));
    cases.push(one("cr-only-line-ends", b"id,text\ra,One.\rb,Two.\r", rows(2, 0)));
    cases.push(one("bom", b"\xef\xbb\xbfid,text\na,One.\nb,Two.\n", rows(2, 0)));
    cases.push(one("quoted-header-with-bom", b"\xef\xbb\xbf\"id\",\"text\"\na,One.\n", rows(1, 0)));
    // An unclosed quotation mark runs to the end of the file. As with a broken .json array, the
    // rows before it are scored and the rest is one reject: the rows after it must not vanish
    // into one text without a word.
    cases.push(one("unclosed-quote-in-last-field", b"id,text\na,One.\nb,\"Two.\nc,Three.\nd,Four.\n", rows(1, 1)));
    cases.push(one("unclosed-quote-in-middle-field", b"id,text,url\na,One.,u\nb,\"Two.,u\nc,Three.,u\n", rows(1, 1)));
    cases.push(one("too-few-fields", b"id,text,url\na,One.,u\nb,Two.\nc,Three.,u\n", rows(2, 1)));
    cases.push(one("blank-lines", b"id,text\n\na,One.\n\n\nb,Two.\n\n", rows(2, 0)));
    cases.push(one("header-only", b"id,text\n", rows(0, 0)));
    cases.push(one("empty-file", b"", Unusable));
    cases.push(one("semicolon-delimited", b"id;text\na;Eins.\n", Unusable));
    cases.push(one("duplicate-header-names", b"id,text,text\na,One.,Other.\n", rows(1, 0)));
    cases.push(one("invalid-utf8-header", b"id,te\xffxt\na,One.\n", Unusable));
    cases.push(one("invalid-utf8-text", b"id,text\na,One.\nb,Gr\xfc\xdfe\nc,Three.\n", rows(2, 1)));
    cases.push(one("invalid-utf8-id", b"id,text\na\xff,One.\nb,Two.\n", rows(1, 1)));
    cases.push(one("invalid-utf8-carried", b"id,text,url\na,One.,\xc3(\nb,Two.,ok\n", rows(1, 1)));
    cases.push(one("nul-bytes-in-field", b"id,text\na,One\0 two.\nb,Two.\n", rows(2, 0)));
    cases.push(one("empty-id-field", b"id,text\n,One.\nb,Two.\n", rows(1, 1)));
    cases.push(one("only-commas", b"id,text\n,\n,\nb,Two.\n", rows(1, 2)));
    cases.push(one("whitespace-text", b"id,text\na,\"   \t \"\nb,Two.\n", rows(1, 1)));
    cases.push(one("quote-inside-unquoted-field", b"id,text\na,He said \"no\" twice.\nb,Two.\n", rows(2, 0)));
    cases.push(one(
        "doubled-quotes-and-newlines",
        b"id,text\na,\"She said \"\"no,\"\" then\n\nleft.\"\nb,Two.\n",
        rows(2, 0),
    ));
    cases.push(one("all-nul-file", &[0u8; 1000], Unusable));
    cases.push(one("binary-garbage", &(0..=255u8).cycle().take(4096).collect::<Vec<u8>>(), Unusable));
    cases.push(
        one("text-over-limit", format!("id,text\na,{}\nb,Two.\n", "x".repeat(50)).as_bytes(), rows(1, 1))
            .args(&["--max-text-chars", "20"]),
    );
    cases.push(one("duplicate-ids", b"id,text\na,One.\na,Two.\n", rows(1, 1)));
    cases.push(Case::new("csv/gzip", rows(3, 0)).file("in.csv.gz", gzip(&clean_csv(','))));
    cases.push(Case::new("csv/zstd", rows(3, 0)).file("in.csv.zst", zstd_compress(&clean_csv(','))));
    cases.push(
        Case::new("csv/headerless-quoted-newlines", rows(2, 0))
            .file("in.csv", "a,\"One,\nline two.\"\nb,Two.\n")
            .args(&["--no-header", "--columns", "id,text"]),
    );
}

fn tsv_cases(cases: &mut Vec<Case>) {
    let one = |name: &str, bytes: &[u8], expect: Expect| {
        Case::new(format!("tsv/{name}"), expect).file("in.tsv", bytes.to_vec())
    };
    cases.push(one("clean", &clean_csv('\t'), rows(3, 0)));
    cases.push(one("crlf", b"id\ttext\r\na\tOne.\r\nb\tTwo.\r\n", rows(2, 0)));
    cases.push(one("bom", b"\xef\xbb\xbfid\ttext\na\tOne.\n", rows(1, 0)));
    cases.push(one("spaces-not-tabs", b"id    text\na    One.\n", Unusable));
    cases.push(one("too-many-fields", b"id\ttext\na\tOne.\textra\nb\tTwo.\n", rows(1, 1)));
    cases.push(one("blank-lines", b"id\ttext\n\na\tOne.\n\nb\tTwo.\n", rows(2, 0)));
    cases.push(one("invalid-utf8", b"id\ttext\na\t\xe9t\xe9\nb\tTwo.\n", rows(1, 1)));
    cases.push(one("backslash-escapes-are-text", b"id\ttext\na\tOne\\tTwo\\nThree.\n", rows(1, 0)));
    cases.push(one(
        "many-unpaired-quotes",
        format!("id\ttext\na\t{}\nb\tTwo.\n", "\"".repeat(3000)).as_bytes(),
        rows(2, 0),
    ));
    cases.push(
        one("quoted-tsv-unclosed-quote", b"id\ttext\na\tOne.\nb\t\"Two.\nc\tThree.\n", rows(1, 1))
            .args(&["--quoted-tsv"]),
    );
    cases.push(
        Case::new("tsv/headerless-wrong-field-counts", rows(1, 2)).file("in.tsv", "a\tOne.\tx\nb\tTwo.\nc\n").args(&[
            "--no-header",
            "--columns",
            "id,text,extra",
        ]),
    );
}

fn text_file_cases(cases: &mut Vec<Case>) {
    let one = |name: &str, bytes: &[u8], expect: Expect| {
        Case::new(format!("txt/{name}"), expect).file("story.txt", bytes.to_vec())
    };
    cases.push(one("empty", b"", rows(0, 1)));
    cases.push(one("whitespace-only", b" \n\t\r\n ", rows(0, 1)));
    cases.push(one("invalid-utf8", b"First line.\nSecond \xff line.\n", rows(0, 1)));
    cases.push(one("bom", b"\xef\xbb\xbfThe council met on Monday.", Records(1)));
    cases.push(one("crlf", b"Flood aid.\r\n\r\nThe state presented a package.\r\n", rows(1, 0)));
    cases.push(one("nul-bytes", b"The council\0 met\0\0 on Monday.", rows(1, 0)));
    cases.push(one("over-size-limit", "x".repeat(100).as_bytes(), rows(0, 1)).args(&["--max-text-chars", "10"]));
    cases.push(one("multibyte-at-limit", "ü".repeat(10).as_bytes(), rows(1, 0)).args(&["--max-text-chars", "10"]));
    cases
        .push(one("multibyte-one-over-limit", "ü".repeat(11).as_bytes(), rows(0, 1)).args(&["--max-text-chars", "10"]));
    cases.push(
        Case::new("txt/directory-with-hidden-and-unknown-files", rows(2, 0))
            .file("corpus/a.txt", "First article.")
            .file("corpus/sub/b.txt", "Second article.")
            .file("corpus/.hidden.txt", "Not read.")
            .file("corpus/.git/c.txt", "Not read.")
            .file("corpus/notes.md", "Not an input."),
    );
    cases.push(
        Case::new("txt/hidden-file-named-directly", rows(1, 0))
            .file(".hidden.txt", "Named on the command line, so read."),
    );
    cases.push(
        Case::new("txt/directory-named-like-a-text-file", rows(1, 0))
            .file("corpus/sub.txt/a.txt", "Inside a folder named sub.txt."),
    );
    cases.push(
        Case::new("txt/same-stem-different-folders", rows(2, 0))
            .file("corpus/x/a.txt", "One.")
            .file("corpus/y/a.txt", "Two."),
    );
    cases.push(Case::new("txt/unicode-file-name", rows(1, 0)).file("新闻 😀 é.txt", "The council met."));
    cases.push(Case::new("txt/gzip-compressed", rows(1, 0)).file("story.txt.gz", gzip(b"The council met on Monday.")));
    cases.push(Case::new("txt/zstd-compressed", rows(1, 0)).file("story.txt.zst", zstd_compress(b"The council met.")));
    // 64 MB of one letter inflate from a few kilobytes: read up to the limit only, then rejected.
    let bomb = zstd_compress(&vec![b'x'; 64 << 20]);
    cases.push(Case::new("txt/zstd-bomb", rows(0, 1)).file("story.txt.zst", bomb).args(&["--max-text-chars", "10"]));
    // A corrupt compressed article is one reject; the run goes on with the others.
    cases.push(
        Case::new("txt/gzip-not-gzip", rows(1, 1))
            .file("corpus/story.txt.gz", b"plain text, not gzip".to_vec())
            .file("corpus/other.txt", "The council met."),
    );
    let truncated = gzip(b"The council met on Monday and again on Tuesday.");
    cases.push(
        Case::new("txt/gzip-truncated", rows(1, 1))
            .file("corpus/story.txt.gz", truncated[..truncated.len() - 6].to_vec())
            .file("corpus/other.txt", "The council met."),
    );
}

fn parquet_cases(cases: &mut Vec<Case>) {
    let one = |name: &str, bytes: Vec<u8>, expect: Expect| {
        Case::new(format!("parquet/{name}"), expect).file("in.parquet", bytes)
    };
    cases.push(one("clean", clean_parquet(), rows(3, 0)));
    cases.push(one(
        "null-id",
        parquet(vec![text_column("id", &[Some("a"), None]), text_column("text", &[Some("One."), Some("Two.")])]),
        rows(1, 1),
    ));
    cases.push(one(
        "null-text",
        parquet(vec![text_column("id", &[Some("a"), Some("b")]), text_column("text", &[None, Some("Two.")])]),
        rows(1, 1),
    ));
    cases.push(one(
        "empty-and-blank-values",
        parquet(vec![
            text_column("id", &[Some(""), Some("b"), Some("c")]),
            text_column("text", &[Some("One."), Some(" \n "), Some("Three.")]),
        ]),
        rows(1, 2),
    ));
    cases.push(one(
        "integer-ids",
        parquet(vec![
            Column::new("id".into(), [1i64, 2, 1]),
            text_column("text", &[Some("One."), Some("Two."), Some("Three.")]),
        ]),
        rows(2, 1),
    ));
    cases.push(one(
        "integer-text-column",
        parquet(vec![text_column("id", &[Some("a")]), Column::new("text".into(), [5i64])]),
        Unusable,
    ));
    cases.push(one(
        "no-text-column",
        parquet(vec![text_column("id", &[Some("a")]), text_column("body", &[Some("One.")])]),
        Unusable,
    ));
    cases.push(one("zero-rows", parquet(vec![text_column("id", &[]), text_column("text", &[])]), rows(0, 0)));
    cases.push(one("not-parquet", b"PAR1 this is not a parquet file at all".to_vec(), Unusable));
    let clean = clean_parquet();
    cases.push(one("truncated", clean[..clean.len() / 2].to_vec(), Unusable));
    cases.push(one(
        "hostile-texts",
        parquet(vec![
            text_column("id", &[Some("q"), Some("z"), Some("n")]),
            text_column(
                "text",
                &[Some("\"".repeat(3000).as_str()), Some("\u{200b}Zero\u{200d}width."), Some("Nul\0byte.")],
            ),
        ]),
        rows(3, 0),
    ));
    // More rows than one read chunk (4096), with a null just past the first chunk.
    let ids: Vec<String> = (0..4200).map(|i| format!("r{i}")).collect();
    let id_values: Vec<Option<&str>> =
        ids.iter().enumerate().map(|(i, id)| (i != 4100).then_some(id.as_str())).collect();
    let texts: Vec<Option<&str>> = (0..4200).map(|_| Some("Prices rose.")).collect();
    cases.push(one(
        "null-past-the-first-chunk",
        parquet(vec![text_column("id", &id_values), text_column("text", &texts)]),
        rows(4199, 1),
    ));
    cases.push(
        one(
            "text-over-limit",
            parquet(vec![
                text_column("id", &[Some("a"), Some("b")]),
                text_column("text", &[Some("y".repeat(30).as_str()), Some("Two.")]),
            ]),
            rows(1, 1),
        )
        .args(&["--max-text-chars", "20"]),
    );
    // A footer that polars' reader panics on (found by fuzzing): an unreadable file, named.
    let corrupt = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/corrupt-footer.parquet")).unwrap();
    cases.push(Case::new("parquet/corrupt-footer-field", Unusable).file("in.parquet", corrupt));
    // A data page that points past the end of the file (also found by fuzzing).
    let corrupt = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/corrupt-page.parquet")).unwrap();
    cases.push(Case::new("parquet/corrupt-page-offset", Unusable).file("in.parquet", corrupt));
    // A footer whose lengths claim far more than its bytes hold (found by fuzzing): polars would
    // allocate about 100 GB for it and abort, so mtqe checks the footer before polars reads it.
    let corrupt =
        std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/overlong-footer-list.parquet")).unwrap();
    cases.push(Case::new("parquet/overlong-footer-lengths", Unusable).file("in.parquet", corrupt));
}

fn compressed_cases(cases: &mut Vec<Case>) {
    let clean = clean_jsonl();
    cases.push(
        Case::new("gzip/bad-rows-inside", rows(2, 1))
            .file("in.jsonl.gz", gzip(&around(b"{\"id\": \"t\", \"text\": \"\xff\"}"))),
    );
    let mut two_members = gzip(&jsonl(&[row("m1", "One.")]));
    two_members.extend(gzip(&jsonl(&[row("m2", "Two.")])));
    cases.push(Case::new("gzip/two-members", rows(2, 0)).file("in.jsonl.gz", two_members));
    let compressed = gzip(&clean);
    cases.push(Case::new("gzip/truncated", Unusable).file("in.jsonl.gz", compressed[..compressed.len() - 12].to_vec()));
    let mut corrupt = compressed.clone();
    for byte in &mut corrupt[12..compressed.len() - 8] {
        *byte ^= 0x5a;
    }
    cases.push(Case::new("gzip/corrupt-body", Unusable).file("in.jsonl.gz", corrupt));
    cases.push(Case::new("gzip/not-gzip", Unusable).file("in.jsonl.gz", clean.clone()));
    // An empty file is not a gzip stream (it has no header).
    cases.push(Case::new("gzip/empty-file", Unusable).file("in.jsonl.gz", Vec::new()));
    cases.push(Case::new("zstd/clean", rows(3, 0)).file("in.jsonl.zst", zstd_compress(&clean)));
    let compressed = zstd_compress(&clean);
    cases.push(Case::new("zstd/truncated", Unusable).file("in.jsonl.zst", compressed[..compressed.len() - 5].to_vec()));
    cases.push(Case::new("zstd/not-zstd", Unusable).file("in.jsonl.zst", clean.clone()));
    // The key scan before reading drops a line over the record limit as it reads it (a unit test
    // in read::jsonl covers that); memory itself is not measured here.
    // 64 MB of one line, a few kilobytes compressed: rejected without being held.
    let bomb = zstd_compress(&vec![b'x'; 64 << 20]);
    cases
        .push(Case::new("zstd/one-line-bomb", rows(0, 1)).file("in.jsonl.zst", bomb).args(&["--max-text-chars", "10"]));
}

fn file_system_cases(cases: &mut Vec<Case>) {
    let good = clean_jsonl();
    cases.push(
        Case::new("files/one-bad-file-among-good", rows(4, 1))
            .file("corpus/a.jsonl", good.clone())
            .file("corpus/b.jsonl", b"{\"id\": \"b1\", \"text\": \"Fine.\"}\n{\"id\": \"b2\", \"text\": \n".to_vec()),
    );
    cases.push(
        Case::new("files/every-format-in-one-directory", rows(15, 0))
            .file("corpus/a.jsonl", good.clone())
            .file(
                "corpus/b.csv",
                String::from_utf8(clean_csv(',')).unwrap().replace("c1", "b1").replace("c2", "b2").replace("c3", "b3"),
            )
            .file(
                "corpus/c.tsv",
                String::from_utf8(clean_csv('\t')).unwrap().replace("c1", "t1").replace("c2", "t2").replace("c3", "t3"),
            )
            .file(
                "corpus/d.json",
                String::from_utf8(clean_json_array())
                    .unwrap()
                    .replace("c1", "j1")
                    .replace("c2", "j2")
                    .replace("c3", "j3"),
            )
            .file("corpus/e.txt", "A text file.")
            .file(
                "corpus/f.parquet",
                parquet(vec![
                    text_column("id", &[Some("p1"), Some("p2")]),
                    text_column("text", &[Some("One."), Some("Two.")]),
                ]),
            ),
    );
    cases.push(
        Case::new("files/one-missing-among-good", Unusable)
            .file("a.jsonl", good.clone())
            .inputs(&["a.jsonl", "missing.jsonl"]),
    );
    cases.push(
        Case::new("files/same-file-twice", rows(3, 3)).file("a.jsonl", good.clone()).inputs(&["a.jsonl", "a.jsonl"]),
    );
    cases.push(
        Case::new("files/directory-and-a-file-inside-it", rows(3, 3))
            .file("corpus/a.jsonl", good.clone())
            .inputs(&["corpus", "corpus/a.jsonl"]),
    );
    cases.push(
        Case::new("files/duplicate-ids-across-formats", rows(1, 1))
            .file("a.jsonl", jsonl(&[row("x", "One.")]))
            .file("b.csv", "id,text\nx,Two.\n"),
    );
    cases.push(Case::new("files/directory-named-like-jsonl", rows(3, 0)).file("corpus.jsonl/a.jsonl", good.clone()));
    cases.push(Case::new("files/empty-directory", Unusable).dir("empty"));
    cases.push(Case::new("files/only-unknown-extensions", Unusable).file("corpus/a.md", "x").file("corpus/b", "y"));
    cases.push(Case::new("files/only-hidden-files", Unusable).file("corpus/.a.jsonl", good.clone()));
    cases.push(
        Case::new("files/hidden-included", rows(3, 0))
            .file("corpus/.a.jsonl", good.clone())
            .args(&["--include-hidden"]),
    );
    cases.push(Case::new("files/hidden-jsonl-named-directly", rows(3, 0)).file(".a.jsonl", good.clone()));
    cases.push(Case::new("files/unknown-extension-named-directly", Unusable).file("a.data", good.clone()));
    cases.push(
        Case::new("files/empty-jsonl-and-good-csv", rows(3, 0)).file("a.jsonl", "").file("b.csv", clean_csv(',')),
    );
    cases.push(
        Case::new("files/format-jsonl-on-csv", rows(0, 4)).file("a.csv", clean_csv(',')).args(&["--format", "jsonl"]),
    );
    cases.push(
        Case::new("files/format-txt-on-jsonl", rows(1, 0)).file("a.jsonl", good.clone()).args(&["--format", "txt"]),
    );
    cases.push(
        Case::new("files/format-parquet-on-jsonl", Unusable)
            .file("a.jsonl", good.clone())
            .args(&["--format", "parquet"]),
    );
    cases.push(
        Case::new("files/text-col-naming-a-number", rows(0, 2))
            .file("a.jsonl", "{\"id\": \"a\", \"n\": 1}\n{\"id\": \"b\", \"n\": 2}\n")
            .args(&["--text-col", "n"]),
    );
    cases.push(
        Case::new("files/dangling-symlink", Unusable)
            .setup(|dir| {
                std::os::unix::fs::symlink(dir.join("gone.jsonl"), dir.join("link.jsonl")).unwrap();
                true
            })
            .inputs(&["link.jsonl"]),
    );
    cases.push(
        Case::new("files/symlink-to-a-directory-named-jsonl", Unusable)
            .dir("target")
            .setup(|dir| {
                std::fs::create_dir_all(dir.join("corpus")).unwrap();
                std::os::unix::fs::symlink(dir.join("target"), dir.join("corpus/link.jsonl")).unwrap();
                true
            })
            .inputs(&["corpus"]),
    );
    cases.push(Case::new("files/symlink-loop-in-directory", rows(3, 0)).file("corpus/a.jsonl", good.clone()).setup(
        |dir| {
            std::os::unix::fs::symlink(dir.join("corpus"), dir.join("corpus/loop")).unwrap();
            true
        },
    ));
    cases.push(
        Case::new("files/unreadable-file", Unusable)
            .file("a.jsonl", good.clone())
            .setup(|dir| unreadable(&dir.join("a.jsonl"))),
    );
    cases.push(
        Case::new("files/unreadable-text-file", Unusable)
            .file("corpus/a.txt", "Text.")
            .setup(|dir| unreadable(&dir.join("corpus/a.txt"))),
    );
    cases.push(
        Case::new("files/unreadable-subdirectory", Unusable)
            .file("corpus/a.jsonl", good.clone())
            .file("corpus/locked/b.jsonl", good.clone())
            .setup(|dir| unreadable(&dir.join("corpus/locked"))),
    );
    cases.push(
        Case::new("options/max-text-chars-zero", Unusable)
            .file("a.jsonl", good.clone())
            .args(&["--max-text-chars", "0"]),
    );
    cases.push(Case::new("options/threads-zero", Unusable).file("a.jsonl", good.clone()).args(&["--threads", "0"]));
    cases.push(Case::new("options/columns-without-text", Unusable).file("a.tsv", "a\tOne.\n").args(&[
        "--no-header",
        "--columns",
        "id,body",
    ]));
}

/// `--strict`: the first reject stops the run with exit 2 and nothing written; a clean input
/// is scored as usual.
fn strict_cases(cases: &mut Vec<Case>) {
    let strict = |name: &str, file: &str, bytes: Vec<u8>, expect: Expect| {
        Case::new(format!("strict/{name}"), expect).file(file, bytes).args(&["--strict"])
    };
    cases.push(strict("clean-jsonl", "a.jsonl", clean_jsonl(), rows(3, 0)));
    cases.push(strict("blank-lines-only", "a.jsonl", b"\n\n \n".to_vec(), rows(0, 0)));
    cases.push(strict("truncated-json", "a.jsonl", around(b"{\"id\": \"t\""), Unusable));
    cases.push(strict("duplicate-id", "a.jsonl", jsonl(&[row("d", "One."), row("d", "Two.")]), Unusable));
    cases.push(strict("invalid-utf8-csv", "a.csv", b"id,text\na,\xff\n".to_vec(), Unusable));
    cases.push(strict("empty-txt", "a.txt", Vec::new(), Unusable));
    cases.push(strict(
        "parquet-null-text",
        "a.parquet",
        parquet(vec![text_column("id", &[Some("a")]), text_column("text", &[None])]),
        Unusable,
    ));
    cases.push(
        strict("text-too-long", "a.jsonl", jsonl(&[row("a", "Too long for five.")]), Unusable)
            .args(&["--max-text-chars", "5"]),
    );
    cases.push(strict("broken-json-array", "a.json", b"[{\"id\": \"a\", \"text\": \"One.\"}".to_vec(), Unusable));
    cases.push(strict("wrong-field-count-tsv", "a.tsv", b"id\ttext\na\tOne.\tx\n".to_vec(), Unusable));
    cases.push(strict("gzip-with-bad-row", "a.jsonl.gz", gzip(&around(b"[1]")), Unusable));
    cases.push(
        Case::new("strict/bad-row-in-second-file", Unusable)
            .file("a.jsonl", clean_jsonl())
            .file("b.jsonl", jsonl(&[row("b", "")]))
            .args(&["--strict"]),
    );
}

fn all_cases() -> Vec<Case> {
    let mut cases = Vec::new();
    json_lines_cases(&mut cases);
    hostile_text_cases(&mut cases);
    source_cases(&mut cases);
    json_array_cases(&mut cases);
    csv_cases(&mut cases);
    tsv_cases(&mut cases);
    text_file_cases(&mut cases);
    parquet_cases(&mut cases);
    compressed_cases(&mut cases);
    file_system_cases(&mut cases);
    strict_cases(&mut cases);
    cases
}

// ---------------------------------------------------------------------------------------------
// Running a case

enum Verdict {
    Held,
    Skipped,
}

/// Runs one case in its own directory; an `Err` lists every guarantee it broke.
fn run_case(case: &Case, root: &Path) -> Result<Verdict, String> {
    let dir = root.join(case.name.replace('/', "--"));
    std::fs::create_dir_all(&dir).unwrap();
    for (path, bytes) in &case.files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
    }
    for path in &case.dirs {
        std::fs::create_dir_all(dir.join(path)).unwrap();
    }
    if let Some(setup) = &case.setup {
        if !setup(&dir) {
            return Ok(Verdict::Skipped);
        }
    }
    let out = root.join("out").join(case.name.replace('/', "--"));
    let output = mtqe()
        .arg("score")
        .args(case.input_names())
        .args(&case.args)
        .arg("--out")
        .arg(&out)
        .arg("--quiet")
        .current_dir(&dir)
        .stdin(std::process::Stdio::null())
        .output()
        .expect("the mtqe binary runs");
    let mut broken = Vec::new();
    let message = stderr(&output);
    let code = output.status.code();
    if code.is_none() || code == Some(101) || message.contains("panicked") || message.contains("RUST_BACKTRACE") {
        broken.push(format!("crashed (exit {code:?})"));
    }
    match (case.expect, code) {
        (Unusable, Some(2)) => {
            let left: Vec<PathBuf> =
                std::fs::read_dir(&out).map(|e| e.flatten().map(|e| e.path()).collect()).unwrap_or_default();
            if !left.is_empty() {
                broken.push(format!("exit 2 but files were written: {left:?}"));
            }
        }
        (Unusable, _) => broken.push(format!("expected exit 2, got {code:?}")),
        (Rows { .. } | Records(_), Some(0 | 1)) => check_finished_run(case, &dir, &out, code == Some(1), &mut broken),
        (Rows { .. } | Records(_), _) => broken.push(format!("expected exit 0 or 1, got {code:?}")),
    }
    let _ = std::fs::remove_dir_all(&out);
    if broken.is_empty() {
        Ok(Verdict::Held)
    } else {
        Err(format!(
            "{}\n      stderr: {}",
            broken.join("\n    "),
            message.trim().chars().take(600).collect::<String>()
        ))
    }
}

/// The checks on a run that finished: complete output, every record accounted for, every
/// reject traceable to its file and line or row.
fn check_finished_run(case: &Case, dir: &Path, out: &Path, exit_one: bool, broken: &mut Vec<String>) {
    let Ok(manifest) = std::fs::read_to_string(out.join("manifest.json")) else {
        broken.push("no manifest.json after a finished run".into());
        return;
    };
    let manifest: serde_json::Value = match serde_json::from_str(&manifest) {
        Ok(manifest) => manifest,
        Err(error) => {
            broken.push(format!("manifest.json is not JSON: {error}"));
            return;
        }
    };
    let mut docs = 0;
    for table in ["flags.parquet", "segments.parquet", "documents.parquet"] {
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read_table(out, table).height())) {
            Ok(height) if table == "documents.parquet" => docs = height,
            Ok(_) => {}
            Err(_) => broken.push(format!("{table} does not read back")),
        }
    }
    let rejects = match std::fs::read_to_string(out.join("rejects.jsonl")) {
        Ok(text) => text.lines().map(serde_json::from_str::<serde_json::Value>).collect::<Result<Vec<_>, _>>(),
        Err(error) => {
            broken.push(format!("no rejects.jsonl: {error}"));
            return;
        }
    };
    let rejects = match rejects {
        Ok(rejects) => rejects,
        Err(error) => {
            broken.push(format!("rejects.jsonl holds a line that is not JSON: {error}"));
            return;
        }
    };
    for reject in &rejects {
        let file = reject["file"].as_str().unwrap_or("");
        let located = reject["line"].as_u64().is_some_and(|l| l >= 1) || reject["row"].as_u64().is_some_and(|r| r >= 1);
        let reason = reject["reason"].as_str().unwrap_or("");
        if file.is_empty() || !dir.join(file).exists() || !located || reason.is_empty() {
            broken.push(format!("a reject without its file, line or row, or reason: {reject}"));
        }
        if reason.starts_with("internal error") {
            broken.push(format!("an internal error (a bug in mtqe, not in the input): {reject}"));
        }
    }
    if exit_one == rejects.is_empty() {
        broken.push(format!("exit {} with {} rejects", if exit_one { 1 } else { 0 }, rejects.len()));
    }
    let counted = |key: &str| manifest["counts"][key].as_u64().map(|n| n as usize);
    if counted("documents") != Some(docs) || counted("rejects") != Some(rejects.len()) {
        broken.push(format!(
            "the manifest counts {:?} documents and {:?} rejects, the files hold {docs} and {}",
            counted("documents"),
            counted("rejects"),
            rejects.len()
        ));
    }
    let by_reason: u64 =
        manifest["rejects_by_reason"].as_object().map_or(0, |m| m.values().filter_map(|v| v.as_u64()).sum());
    if by_reason as usize != rejects.len() {
        broken.push(format!("rejects_by_reason adds up to {by_reason}, not {}", rejects.len()));
    }
    match case.expect {
        Rows { docs: want_docs, rejects: want_rejects } if (docs, rejects.len()) != (want_docs, want_rejects) => {
            let reasons: Vec<String> =
                rejects.iter().take(5).map(|r| format!("{}:{} {}", r["line"], r["row"], r["reason"])).collect();
            broken.push(format!(
                "expected {want_docs} documents and {want_rejects} rejects, got {docs} and {}: {reasons:?}",
                rejects.len()
            ));
        }
        Records(records) if docs + rejects.len() != records => {
            broken.push(format!("{records} records in, {docs} documents and {} rejects out", rejects.len()));
        }
        _ => {}
    }
}

#[test]
fn every_hostile_input_keeps_the_guarantees() {
    let cases = all_cases();
    let mut names: Vec<&str> = cases.iter().map(|c| c.name.as_str()).collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), cases.len(), "case names are unique");
    assert!(cases.len() >= 120, "the matrix has {} cases", cases.len());

    let root = tempfile::tempdir().unwrap();
    let started = Instant::now();
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<(String, Result<Verdict, String>)>> = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get()).min(8);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                while let Some(case) = cases.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run_case(case, root.path())))
                        .unwrap_or_else(|_| Err("the test itself panicked on this case".into()));
                    results.lock().unwrap().push((case.name.clone(), result));
                }
            });
        }
    });
    let mut results = results.into_inner().unwrap();
    results.sort_by(|a, b| a.0.cmp(&b.0));
    let skipped: Vec<&str> =
        results.iter().filter(|(_, r)| matches!(r, Ok(Verdict::Skipped))).map(|(n, _)| n.as_str()).collect();
    let failed: Vec<String> =
        results.iter().filter_map(|(name, r)| r.as_ref().err().map(|why| format!("  {name}: {why}"))).collect();
    eprintln!(
        "{} hostile-input cases in {:.1} s: {} held, {} skipped {skipped:?}, {} failed",
        cases.len(),
        started.elapsed().as_secs_f64(),
        cases.len() - skipped.len() - failed.len(),
        skipped.len(),
        failed.len()
    );
    assert!(cases.len() - skipped.len() >= 120, "only {} cases ran", cases.len() - skipped.len());
    assert!(failed.is_empty(), "{} of {} cases failed:\n{}", failed.len(), cases.len(), failed.join("\n"));
}
