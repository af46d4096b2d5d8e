//! `mtqe report` and `mtqe show` on a scored run: the sample corpus plus an article full of
//! markup, which must show as text and never run.

mod common;

use common::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// An article whose text is markup and script, with translation errors in it so that flagged
/// spans fall inside the markup.
const INJECTION_ID: &str = "injection-<b>1</b>";
const INJECTION_TEXT: &str = "The mayor said the the bridge is safe. </textarea><script>document.body.setAttribute('data-pwned', 'script')</script> \
     <img src=x onerror=\"document.body.setAttribute('data-pwned', 'img')\"> Prices rose by 1,5 percent on 1. June. \
     <a href=\"javascript:alert(1)\">click</a> ]]> --> \"'";

/// Scores the sample corpus and the injection article into `dir/run`.
fn scored_run(dir: &Path) -> PathBuf {
    let sample = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sample/articles.jsonl"))
        .expect("the bundled sample");
    let injection = serde_json::json!({ "id": INJECTION_ID, "system": "<i>sys</i>", "text": INJECTION_TEXT });
    let corpus = dir.join("corpus.jsonl");
    std::fs::write(&corpus, format!("{}\n{injection}\n", sample.trim_end())).unwrap();
    let out = dir.join("run");
    assert_exit(&score(&[corpus.to_str().unwrap()], &out), 0);
    out
}

fn report(run: &Path, html: &Path, extra: &[&str]) -> String {
    let output = mtqe().arg("report").arg(run).arg("--html").arg(html).args(extra).output().unwrap();
    assert_exit(&output, 0);
    std::fs::read_to_string(html).unwrap()
}

/// Flag rows per document in flags.parquet.
fn flag_counts(run: &Path) -> BTreeMap<String, usize> {
    let flags = read_table(run, "flags.parquet");
    let mut counts = BTreeMap::new();
    for id in strings(&flags, "doc_id") {
        *counts.entry(id.unwrap()).or_default() += 1;
    }
    counts
}

/// The value of every `name="…"` attribute in `html`.
fn attribute_values<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let needle = format!(" {name}=\"");
    html.match_indices(&needle)
        .map(|(at, _)| {
            let rest = &html[at + needle.len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect()
}

/// Each document view's `data-doc-id` (still escaped) and the distinct flag numbers its
/// highlighted spans carry.
fn highlighted_flags(html: &str) -> BTreeMap<String, BTreeSet<u32>> {
    html.split("<article class=\"doc\"")
        .skip(1)
        .map(|article| {
            let article = &article[..article.find("</article>").unwrap()];
            let id = attribute_values(article, "data-doc-id")[0].to_string();
            let flags = attribute_values(article, "data-flags")
                .into_iter()
                .flat_map(|numbers| numbers.split(' ').map(|n| n.parse::<u32>().unwrap()))
                .collect();
            (id, flags)
        })
        .collect()
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

#[test]
fn every_flag_is_highlighted_once_in_its_document_view_and_the_page_is_self_contained() {
    let dir = tempfile::tempdir().unwrap();
    let run = scored_run(dir.path());
    let html = report(&run, &dir.path().join("report.html"), &[]);
    let counts = flag_counts(&run);
    assert!(counts.len() > 5, "the sample has flagged documents: {counts:?}");
    let highlighted = highlighted_flags(&html);
    assert_eq!(highlighted.len(), read_table(&run, "documents.parquet").height(), "every document is shown");
    for (id, numbers) in &highlighted {
        let expected = counts.get(&unescape(id)).copied().unwrap_or(0);
        assert_eq!(numbers.len(), expected, "highlighted flags of {id}");
        assert_eq!(numbers.iter().copied().collect::<Vec<_>>(), (1..=expected as u32).collect::<Vec<_>>());
    }
    // Nothing is fetched: no external addresses in src or href, and a policy that forbids it.
    assert!(html.contains("Content-Security-Policy\" content=\"default-src 'none'"));
    for attribute in ["src", "href"] {
        for value in attribute_values(&html, attribute) {
            assert!(value.starts_with('#'), "{attribute}={value}");
        }
    }
    assert!(!html.contains("<link"), "no linked style sheets");
    // The overview counts what the tables hold.
    let total: usize = counts.values().sum();
    assert!(html.contains(&format!("<dt>flags</dt><dd>{total}</dd>")));
    assert!(html.contains("<dt>rejects</dt><dd>0</dd>"));
}

#[test]
fn markup_in_articles_and_carried_columns_is_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let run = scored_run(dir.path());
    let html = report(&run, &dir.path().join("report.html"), &[]);
    // One script element: the page's own, at the end.
    assert_eq!(html.matches("<script").count(), 1);
    let own_script = html.rfind("<script>").unwrap();
    let article = &html[..own_script];
    for raw in ["<img", "</textarea>", "<a href=\"javascript", "<b>1</b>", "<i>sys</i>"] {
        assert!(!article.contains(raw), "{raw} must be escaped");
    }
    assert!(article.contains("&lt;/textarea&gt;&lt;script&gt;"));
    assert!(article.contains("&lt;i&gt;sys&lt;/i&gt;"));
    // The article's errors are still found and highlighted inside the markup.
    let highlighted = highlighted_flags(&html);
    let injection = &highlighted["injection-&lt;b&gt;1&lt;/b&gt;"];
    assert!(injection.len() >= 2, "flags in the injection article: {injection:?}");
}

#[test]
fn top_limits_the_documents_shown_to_the_worst() {
    let dir = tempfile::tempdir().unwrap();
    let run = scored_run(dir.path());
    let html = report(&run, &dir.path().join("top.html"), &["--top", "3"]);
    let documents = read_table(&run, "documents.parquet");
    let mut penalties = f64s(&documents, "penalty");
    penalties.sort_by(|a, b| b.total_cmp(a));
    assert_eq!(html.matches("<article class=\"doc\"").count(), 3);
    assert_eq!(html.matches("<tr data-detectors=").count(), 3);
    let shown: Vec<f64> = attribute_values(&html, "data-penalty").iter().map(|p| p.parse().unwrap()).collect();
    assert_eq!(shown, penalties[..3]);
    assert!(html.contains(&format!("<dt>documents</dt><dd>{}</dd>", documents.height())));
}

#[test]
fn a_huge_article_full_of_flags_keeps_the_page_small() {
    let dir = tempfile::tempdir().unwrap();
    // 500 kB: paragraphs of faulty sentences, then one 100 kB segment with no sentence end.
    // Three detectors, each at its cap of 200 flags and a summary: more flags than the page lists.
    let paragraph = "The the bridge is safe from 1. June, and prices rose 1,5 percent. ".repeat(20);
    let run_on = "and the the water rose ".repeat(4_500);
    let text = format!("{}\n\n{run_on}", vec![paragraph; 300].join("\n\n"));
    let corpus = dir.path().join("huge.jsonl");
    std::fs::write(&corpus, format!("{}\n", serde_json::json!({ "id": "huge", "text": text }))).unwrap();
    let run = dir.path().join("run");
    assert_exit(&score(&[corpus.to_str().unwrap()], &run), 0);
    let flags = flag_counts(&run)["huge"];
    assert!(flags > 500, "{flags} flags");
    let html = report(&run, &dir.path().join("huge.html"), &[]);
    assert!(html.len() < 1_000_000, "the page has {} bytes", html.len());
    assert!(html.contains("Only the first 20000 characters"));
    assert!(html.contains(&format!("{} more flags are not listed", flags - 300)));
    let highlighted = &highlighted_flags(&html)["huge"];
    assert_eq!(highlighted.len(), 300, "every listed flag in the shown text is highlighted");
}

#[test]
fn a_directory_without_a_run_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let output = mtqe().arg("report").arg(dir.path()).arg("--html").arg(dir.path().join("r.html")).output().unwrap();
    assert_exit(&output, 2);
    assert!(stderr(&output).contains("has no documents.parquet"), "{}", stderr(&output));
    assert!(!dir.path().join("r.html").exists());
}

/// Chromium, if this machine has it: `MTQE_CHROMIUM`, or `chromium` or `chromium-browser` on
/// the path. `.ci/run` installs it and sets `MTQE_REQUIRE_BROWSER`, so CI never skips.
fn chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("MTQE_CHROMIUM") {
        return Some(PathBuf::from(path));
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| ["chromium", "chromium-browser"].map(|name| dir.join(name)))
        .find(|candidate| candidate.is_file())
}

/// Loads `page` in headless Chromium and returns the DOM after its script ran, and what
/// Chromium logged.
fn render_in_chromium(browser: &Path, page: &Path, profile: &Path) -> (String, String) {
    let output = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
            "--virtual-time-budget=3000",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .output()
        .expect("chromium runs");
    assert!(output.status.success(), "chromium failed: {}", String::from_utf8_lossy(&output.stderr));
    (String::from_utf8_lossy(&output.stdout).into_owned(), String::from_utf8_lossy(&output.stderr).into_owned())
}

#[test]
fn the_report_renders_in_headless_chromium_without_console_errors_and_runs_no_article_script() {
    let Some(browser) = chromium() else {
        assert!(
            std::env::var_os("MTQE_REQUIRE_BROWSER").is_none(),
            "MTQE_REQUIRE_BROWSER is set but no chromium was found"
        );
        eprintln!("skipped: no chromium on this machine (.ci/run installs it)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let run = scored_run(dir.path());
    let page = dir.path().join("report.html");
    report(&run, &page, &[]);
    let (dom, log) = render_in_chromium(&browser, &page, &dir.path().join("profile"));
    let console: Vec<&str> = log.lines().filter(|line| line.contains(":CONSOLE")).collect();
    assert!(console.is_empty(), "console messages: {console:#?}");
    assert!(dom.contains("data-ready=\"true\""), "the page's script ran to its end");
    let body = &dom[dom.find("<body").unwrap()..];
    let body_tag = &body[..body.find('>').unwrap()];
    assert!(body_tag.contains("data-ready"), "{body_tag}");
    assert!(!body_tag.contains("data-pwned"), "an article's script or handler ran: {body_tag}");
    assert_eq!(dom.matches("<img").count(), 0);
    // The first document is shown, and every document view highlights each of its flags.
    assert_eq!(dom.matches("class=\"doc shown\"").count(), 1);
    let counts = flag_counts(&run);
    for (id, numbers) in highlighted_flags(&dom) {
        assert_eq!(numbers.len(), counts.get(&unescape(&id)).copied().unwrap_or(0), "highlighted flags of {id}");
    }
    // The table's script filled in how many rows the filters let through.
    let documents = read_table(&run, "documents.parquet").height();
    assert!(dom.contains(&format!("{documents} of {documents} documents")));
    // The injection article's markup is text in the rendered page.
    assert!(dom.contains("&lt;/textarea&gt;&lt;script&gt;document.body.setAttribute"));
}

fn show(run: &Path, id: &str, color: &str) -> std::process::Output {
    mtqe().arg("show").arg(run).arg(id).args(["--color", color]).output().unwrap()
}

#[test]
fn show_marks_flagged_spans_with_and_without_colour() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("run");
    assert_exit(&score(&[], &out), 0);
    for id in ["de-en-0001", "de-en-0013"] {
        let plain = show(&out, id, "never");
        assert_exit(&plain, 0);
        let plain = String::from_utf8(plain.stdout).unwrap();
        assert!(!plain.contains('\x1b'));
        insta::assert_snapshot!(format!("show_{id}_plain"), plain);
        let colour = show(&out, id, "always");
        assert_exit(&colour, 0);
        insta::assert_snapshot!(format!("show_{id}_colour"), String::from_utf8(colour.stdout).unwrap());
    }
}

#[test]
fn show_writes_no_colour_when_not_on_a_terminal_or_when_no_color_is_set() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("run");
    assert_exit(&score(&[], &out), 0);
    let piped = show(&out, "de-en-0001", "auto");
    let with_no_color = mtqe().arg("show").arg(&out).arg("de-en-0001").env("NO_COLOR", "1").output().unwrap();
    let never = show(&out, "de-en-0001", "never");
    assert_eq!(piped.stdout, never.stdout);
    assert_eq!(with_no_color.stdout, never.stdout);
    // Every flag of the document has its marker and its note.
    let text = String::from_utf8(never.stdout).unwrap();
    let flags = flag_counts(&out)["de-en-0001"];
    assert_eq!(text.matches("[[").count(), flags);
    assert_eq!(text.matches("]]").count(), flags);
}

#[test]
fn show_with_an_unknown_id_suggests_close_ones() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("run");
    assert_exit(&score(&[], &out), 0);
    let output = show(&out, "de-en-001", "never");
    assert_exit(&output, 2);
    let message = stderr(&output);
    assert!(message.contains("no document with id 'de-en-001'"), "{message}");
    assert!(message.contains("close ids: 'de-en-0001'"), "{message}");
    let far = show(&out, "zzzzzz", "never");
    assert_exit(&far, 2);
    assert!(!stderr(&far).contains("close ids"), "{}", stderr(&far));
}
