//! `mtqe report`: one self-contained HTML page about a run.
//!
//! The page has no external resources at all: its style and script are inline, and a
//! Content-Security-Policy forbids every fetch, so it opens from disk on an offline machine.
//! Every piece of input text goes through [`escape`]; nothing from a run is ever placed in the
//! page as markup or script.

use super::pieces::{document_pieces, piece_text, Piece};
use super::run::{DocumentView, Histogram, RunOverview, SegmentRow};
use super::{severity_rank, SEVERITIES};
use crate::detectors::{catalogue, module_doc, summary};
use std::collections::BTreeSet;
use std::fmt::Write as _;

/// Characters of each document shown; the rest of a longer article is left out, with a note.
pub const MAX_SHOWN_CHARS: usize = 20_000;
/// Flags of each document listed; the rest are counted, not listed.
pub const MAX_SHOWN_FLAGS: usize = 300;
/// Characters of a carried column value shown in the table.
const MAX_META_CHARS: usize = 200;

/// Escapes text for an HTML text node or a quoted attribute value.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn truncate(text: &str, chars: usize) -> String {
    match text.char_indices().nth(chars) {
        Some((byte, _)) => format!("{}…", &text[..byte]),
        None => text.to_string(),
    }
}

fn number(value: Option<f64>, decimals: usize) -> String {
    value.map_or("–".into(), |v| format!("{v:.decimals$}"))
}

/// The page for a run, as one string.
pub fn render(run: &RunOverview) -> String {
    let mut page = String::with_capacity(64 * 1024 + run.worst.len() * 16 * 1024);
    let title = format!("mtqe report: {}", run.dir.display());
    let _ = write!(
        page,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; \
         script-src 'unsafe-inline'; img-src data:\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        escape(&title)
    );
    let _ = write!(
        page,
        "<header><h1>mtqe report</h1><p class=\"run\">{}</p>\
         <nav aria-label=\"Sections\"><a href=\"#overview\">Overview</a> <a href=\"#worst\">Worst documents</a> \
         <a href=\"#documents\">Document view</a> <a href=\"#detectors\">Detectors</a></nav></header>\n<main>\n",
        escape(&run.dir.display().to_string())
    );
    overview(&mut page, run);
    worst_table(&mut page, run);
    documents(&mut page, run);
    detector_docs(&mut page, run);
    let _ = write!(page, "</main>\n<script>{SCRIPT}</script>\n</body>\n</html>\n");
    page
}

fn overview(page: &mut String, run: &RunOverview) {
    page.push_str("<section id=\"overview\"><h2>Overview</h2>\n<dl class=\"counts\">");
    for (label, count) in
        [("documents", run.documents), ("segments", run.segments), ("flags", run.flags), ("rejects", run.rejects)]
    {
        let _ = write!(page, "<div><dt>{label}</dt><dd>{count}</dd></div>");
    }
    page.push_str("</dl>\n");
    page.push_str(LEGEND);

    page.push_str("<div class=\"panels\">\n<div class=\"panel\"><h3>Flags per detector</h3>\n");
    let mut detectors: Vec<(&String, &[usize; 3])> = run.flags_by_detector.iter().collect();
    detectors.sort_by(|a, b| b.1.iter().sum::<usize>().cmp(&a.1.iter().sum::<usize>()).then(a.0.cmp(b.0)));
    let most = detectors.first().map_or(1, |(_, c)| c.iter().sum::<usize>().max(1));
    page.push_str(
        "<table class=\"bars\"><thead><tr><th scope=\"col\">detector</th><th scope=\"col\">flags</th>\
         <th scope=\"col\">minor</th><th scope=\"col\">major</th><th scope=\"col\">critical</th></tr></thead><tbody>\n",
    );
    for (detector, counts) in &detectors {
        let total: usize = counts.iter().sum();
        let _ = write!(
            page,
            "<tr><th scope=\"row\"><a href=\"#det-{0}\">{0}</a></th><td><div class=\"bar\">",
            escape(detector)
        );
        for (severity, count) in SEVERITIES.iter().zip(counts.iter()) {
            if *count > 0 {
                let _ = write!(
                    page,
                    "<span class=\"fill sev-{severity}\" style=\"width:{:.2}%\"></span>",
                    100.0 * *count as f64 / most as f64
                );
            }
        }
        let _ = writeln!(
            page,
            "<span class=\"value\">{total}</span></div></td><td>{}</td><td>{}</td><td>{}</td></tr>",
            counts[0], counts[1], counts[2]
        );
    }
    page.push_str("</tbody></table></div>\n");

    page.push_str("<div class=\"panel\"><h3>Flags per MQM category</h3>\n");
    let mut categories: Vec<(&String, &usize)> = run.flags_by_category.iter().collect();
    categories.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let most = categories.first().map_or(1, |(_, c)| (**c).max(1));
    bar_table(page, "category", categories.iter().map(|(name, count)| (escape(name), **count)), most);
    page.push_str("</div>\n</div>\n<div class=\"panels\">\n");

    page.push_str("<div class=\"panel\"><h3>Document scores</h3>\n<p class=\"hint\">100 is a document with no flags; every penalty point per word takes the score down.</p>\n");
    histogram(page, &run.scores, "score", 0);
    page.push_str("</div>\n");
    if let Some(qualities) = &run.qualities {
        page.push_str(
            "<div class=\"panel\"><h3>Document quality</h3>\n<p class=\"hint\">The calibrated probability that a document has no major error.</p>\n",
        );
        histogram(page, qualities, "quality", 2);
        page.push_str("</div>\n");
    }
    page.push_str("</div>\n");
    manifest(page, run);
    page.push_str("</section>\n");
}

fn bar_table(page: &mut String, label: &str, rows: impl Iterator<Item = (String, usize)>, most: usize) {
    let _ = writeln!(
        page,
        "<table class=\"bars\"><thead><tr><th scope=\"col\">{label}</th><th scope=\"col\">count</th></tr></thead><tbody>"
    );
    for (name, count) in rows {
        let _ = writeln!(
            page,
            "<tr><th scope=\"row\">{name}</th><td><div class=\"bar\"><span class=\"fill\" style=\"width:{:.2}%\"></span>\
             <span class=\"value\">{count}</span></div></td></tr>",
            100.0 * count as f64 / most.max(1) as f64
        );
    }
    page.push_str("</tbody></table>\n");
}

fn histogram(page: &mut String, histogram: &Histogram, label: &str, decimals: usize) {
    let most = histogram.counts.iter().copied().max().unwrap_or(0);
    let rows = (0..histogram.counts.len()).rev().map(|bin| {
        let (low, high) = histogram.edges(bin);
        (format!("{low:.decimals$}–{high:.decimals$}"), histogram.counts[bin])
    });
    bar_table(page, label, rows, most);
}

fn manifest(page: &mut String, run: &RunOverview) {
    page.push_str("<h3>Run</h3>\n<dl class=\"manifest\">");
    let mut item = |key: &str, value: String| {
        let _ = write!(page, "<dt>{key}</dt><dd>{}</dd>", escape(&value));
    };
    // Runs written before the manifest recorded its times have the file's time instead.
    let recorded = run.manifest.as_ref().is_some_and(|m| m.get("finished").is_some());
    if let (Some(finished), false) = (run.finished, recorded) {
        item("finished", humantime::format_rfc3339_seconds(finished).to_string());
    }
    let Some(manifest) = &run.manifest else {
        item("manifest", "this run has no manifest.json".into());
        page.push_str("</dl>\n");
        return;
    };
    let text = |value: &serde_json::Value| match value {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Number(n) if n.is_f64() => format!("{:.3}", n.as_f64().unwrap_or(0.0)),
        other => other.to_string(),
    };
    for key in ["started", "finished"] {
        if let Some(time) = manifest.get(key) {
            item(key, text(time));
        }
    }
    if let Some(version) = manifest.get("mtqe_version") {
        item("mtqe version", text(version));
    }
    if let Some(command) = manifest.get("command").and_then(|c| c.as_array()) {
        item("command", command.iter().map(text).collect::<Vec<_>>().join(" "));
    }
    if let Some(inputs) = manifest.get("inputs").and_then(|c| c.as_array()) {
        for input in inputs {
            let name = match input.get("origin").and_then(|o| o.as_str()) {
                Some("standard-input") => "standard input".to_string(),
                Some("bundled-sample") => {
                    format!("the bundled sample ({})", input.get("display").map(text).unwrap_or_default())
                }
                _ => input
                    .get("path")
                    .filter(|p| !p.is_null())
                    .or_else(|| input.get("display"))
                    .map(text)
                    .unwrap_or_default(),
            };
            let format = input.get("format").map(text).unwrap_or_default();
            let bytes = input.get("bytes").and_then(|b| b.as_u64()).unwrap_or(0);
            item("input", format!("{name} ({format}, {bytes} bytes)"));
        }
    }
    for (key, label) in [
        ("threads", "threads"),
        ("wall_seconds", "wall seconds"),
        ("throughput_mb_per_s", "MB/s"),
        ("source_checks", "source checks"),
        ("quality_model", "quality model"),
    ] {
        if let Some(value) = manifest.get(key) {
            item(label, text(value));
        }
    }
    page.push_str("</dl>\n");
    if let Some(config) = manifest.get("config") {
        let pretty = serde_json::to_string_pretty(config).unwrap_or_default();
        let _ = writeln!(page, "<details><summary>Configuration</summary><pre>{}</pre></details>", escape(&pretty));
    }
}

/// The detectors, categories and severities of a document's flags, for the table's filters.
fn flag_sets(view: &DocumentView) -> [BTreeSet<&str>; 3] {
    let mut sets = [BTreeSet::new(), BTreeSet::new(), BTreeSet::new()];
    for flag in &view.flags {
        sets[0].insert(flag.detector.as_str());
        sets[1].insert(flag.category.as_str());
        sets[2].insert(flag.severity.as_str());
    }
    sets
}

fn worst_table(page: &mut String, run: &RunOverview) {
    let _ = write!(
        page,
        "<section id=\"worst\"><h2>Worst documents</h2>\n<p class=\"hint\">The {} documents with the highest penalty, \
         of {}. Click a column heading to sort; choose a document to see it below.</p>\n",
        run.worst.len(),
        run.documents
    );
    let mut options = [BTreeSet::new(), BTreeSet::new(), BTreeSet::new()];
    for view in &run.worst {
        for (all, mine) in options.iter_mut().zip(flag_sets(view)) {
            all.extend(mine);
        }
    }
    page.push_str("<div class=\"filters\" role=\"search\">");
    for (i, (name, values)) in ["detector", "category", "severity"].iter().zip(&options).enumerate() {
        let _ = write!(
            page,
            "<label>{name} <select data-filter=\"{i}\"><option value=\"\">any</option>{}</select></label> ",
            values.iter().map(|v| format!("<option>{}</option>", escape(v))).collect::<String>()
        );
    }
    for (i, name) in run.meta_names.iter().enumerate() {
        let _ = write!(
            page,
            "<label>{0} <input type=\"search\" data-meta=\"{i}\" placeholder=\"contains…\" aria-label=\"{0} contains\"></label> ",
            escape(name)
        );
    }
    page.push_str("<output id=\"shown\" aria-live=\"polite\"></output></div>\n");
    page.push_str("<table id=\"worst-table\" class=\"sortable\"><thead><tr>");
    let mut headings: Vec<(String, &str)> = [
        ("rank", "number"),
        ("document", "text"),
        ("penalty", "number"),
        ("score", "number"),
        ("quality", "number"),
        ("words", "number"),
        ("flags", "number"),
        ("detectors", "text"),
    ]
    .iter()
    .map(|(name, kind)| (name.to_string(), *kind))
    .collect();
    headings.extend(run.meta_names.iter().map(|name| (escape(name), "text")));
    for (column, (name, kind)) in headings.iter().enumerate() {
        let _ = write!(
            page,
            "<th scope=\"col\" aria-sort=\"none\"><button type=\"button\" data-column=\"{column}\" data-kind=\"{kind}\">{name}</button></th>"
        );
    }
    page.push_str("</tr></thead><tbody>\n");
    for (rank, view) in run.worst.iter().enumerate() {
        let document = &view.document;
        let [detectors, categories, severities] = flag_sets(view);
        let join = |set: &BTreeSet<&str>| escape(&set.iter().copied().collect::<Vec<_>>().join(" "));
        let _ = write!(
            page,
            "<tr data-detectors=\" {} \" data-categories=\" {} \" data-severities=\" {} \">\
             <td>{}</td><td><a href=\"#doc-{}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>",
            join(&detectors),
            join(&categories),
            join(&severities),
            rank + 1,
            rank + 1,
            escape(&document.id),
            number(Some(document.penalty), 1),
            number(Some(document.score), 1),
            number(document.quality, 3),
            document.n_words,
            document.n_flags,
            join(&detectors),
        );
        for (_, value) in &document.meta {
            let _ = write!(
                page,
                "<td class=\"meta\">{}</td>",
                escape(&truncate(value.as_deref().unwrap_or(""), MAX_META_CHARS))
            );
        }
        page.push_str("</tr>\n");
    }
    page.push_str("</tbody></table>\n</section>\n");
}

fn documents(page: &mut String, run: &RunOverview) {
    page.push_str("<section id=\"documents\"><h2>Document view</h2>\n");
    if run.worst.is_empty() {
        page.push_str("<p>This run has no documents.</p>\n");
    }
    let german =
        run.manifest.as_ref().and_then(|m| m.get("source_lang")).and_then(|l| l.as_str()).is_some_and(|l| l == "de");
    for (rank, view) in run.worst.iter().enumerate() {
        document(page, rank + 1, view, german);
    }
    page.push_str("</section>\n");
}

/// Severity names in a tooltip and the notes, so that severity never rests on colour alone.
fn severity_symbol(severity: &str) -> &'static str {
    match severity_rank(severity) {
        2 => "▲▲▲",
        1 => "▲▲",
        _ => "▲",
    }
}

fn document(page: &mut String, rank: usize, view: &DocumentView, german: bool) {
    let document = &view.document;
    let _ = write!(
        page,
        "<article class=\"doc\" id=\"doc-{rank}\" data-doc-id=\"{0}\" data-penalty=\"{6}\">\n<h3>#{rank} {0}</h3>\n\
         <p class=\"docstats\">penalty {2} · score {3} · quality {4} · {5} words · {1} flags",
        escape(&document.id),
        view.flags.len(),
        number(Some(document.penalty), 1),
        number(Some(document.score), 1),
        number(document.quality, 3),
        document.n_words,
        document.penalty,
    );
    for (name, value) in &document.meta {
        if let Some(value) = value {
            let _ = write!(page, " · {}: {}", escape(name), escape(&truncate(value, MAX_META_CHARS)));
        }
    }
    page.push_str("</p>\n");
    let shown: Vec<SegmentRow> =
        view.segments.iter().filter(|s| s.start < MAX_SHOWN_CHARS).map(|s| clip(s, MAX_SHOWN_CHARS)).collect();
    let cut = view.segments.iter().any(|s| s.end > MAX_SHOWN_CHARS);
    let listed = &view.flags[..view.flags.len().min(MAX_SHOWN_FLAGS)];
    let pieces = document_pieces(&shown, listed);
    let with_source = !view.links.is_empty();
    let _ = writeln!(
        page,
        "<table class=\"segments\"><thead><tr><th scope=\"col\">#</th><th scope=\"col\">English</th>{}\
         <th scope=\"col\">penalty</th><th scope=\"col\">quality</th></tr></thead><tbody>",
        if with_source { "<th scope=\"col\">source</th>" } else { "" }
    );
    let english = |i: usize| -> String {
        let mut cell = String::new();
        for piece in &pieces[i] {
            render_piece(&mut cell, rank, &shown[i], piece, listed);
        }
        cell
    };
    let scores = |segment: &SegmentRow| {
        format!(
            "<td class=\"num\">{}</td><td class=\"num\">{}</td>",
            number(Some(segment.penalty), 1),
            number(segment.quality, 3)
        )
    };
    // One segment's row; `source` is its source cell, empty under a spanning one.
    let row = |i: usize, source: &str| {
        format!("<tr><td>{}</td><td>{}</td>{source}{}</tr>\n", shown[i].segment, english(i), scores(&shown[i]))
    };
    if with_source {
        // Rows follow the links, so that each source sentence sits beside its translation; a
        // source sentence with no translation gets a row of its own.
        let mut next = 0;
        let position = |segment: u32| shown.iter().position(|s| s.segment == segment);
        for link in &view.links {
            let first = link.target_segment.and_then(position);
            if let Some(first) = first {
                while next < first {
                    page.push_str(&row(next, "<td></td>"));
                    next += 1;
                }
            }
            let targets = match first {
                Some(first) => first..(first + link.target_count()).min(shown.len()),
                None => 0..0,
            };
            let source = source_cell(link, &targets, &shown, german);
            if targets.is_empty() {
                if link.target_segment.is_none() {
                    let _ = writeln!(page, "<tr class=\"unmatched\"><td></td><td><em>nothing in the English</em></td>{source}<td></td><td></td></tr>");
                }
                continue;
            }
            for (k, i) in targets.clone().enumerate() {
                page.push_str(&row(i, if k == 0 { source.as_str() } else { "" }));
            }
            next = next.max(targets.end);
        }
        while next < shown.len() {
            page.push_str(&row(next, "<td></td>"));
            next += 1;
        }
    } else {
        for i in 0..shown.len() {
            page.push_str(&row(i, ""));
        }
    }
    page.push_str("</tbody></table>\n");
    if with_source && german {
        page.push_str(
            "<p class=\"hint\"><span class=\"uncovered\">Dotted blue</span>: source words the English does not account for; \
             coverage is the share of the source's content words it does.</p>\n",
        );
    }
    if cut {
        let _ = writeln!(
            page,
            "<p class=\"hint\">Only the first {MAX_SHOWN_CHARS} characters of {} are shown.</p>",
            document.n_chars
        );
    }
    page.push_str("<ol class=\"notes\">\n");
    for (i, flag) in listed.iter().enumerate() {
        let _ = write!(
            page,
            "<li id=\"n-{rank}-{n}\" class=\"sev-{sev}\"><span class=\"severity\">{symbol} {sev}</span> \
             <a href=\"#det-{det}\">{det}</a> <span class=\"category\">{cat}</span>: {msg}",
            n = i + 1,
            sev = escape(&flag.severity),
            symbol = severity_symbol(&flag.severity),
            det = escape(&flag.detector),
            cat = escape(&flag.category),
            msg = escape(&flag.message),
        );
        if let Some(suggestion) = &flag.suggestion {
            let _ = write!(page, " <span class=\"suggestion\">Suggestion: {}</span>", escape(suggestion));
        }
        page.push_str("</li>\n");
    }
    page.push_str("</ol>\n");
    if listed.len() < view.flags.len() {
        let _ = writeln!(page, "<p class=\"hint\">{} more flags are not listed.</p>", view.flags.len() - listed.len());
    }
    page.push_str("</article>\n");
}

/// A segment cut to end at character `limit` of the article at the latest.
fn clip(segment: &SegmentRow, limit: usize) -> SegmentRow {
    let mut clipped = segment.clone();
    if segment.end > limit {
        let keep = limit.saturating_sub(segment.start);
        let byte = segment.text.char_indices().nth(keep).map_or(segment.text.len(), |(b, _)| b);
        clipped.text.truncate(byte);
        clipped.end = limit;
    }
    clipped
}

/// Flags a span's tooltip describes in full; the rest are counted.
const MAX_TOOLTIP_FLAGS: usize = 4;

fn tooltip(number: usize, flag: &super::run::FlagRow) -> String {
    let mut tip = format!("{number}. {} · {} ({})\n{}", flag.severity, flag.detector, flag.category, flag.message);
    if let Some(suggestion) = &flag.suggestion {
        let _ = write!(tip, "\nSuggestion: {suggestion}");
    }
    tip
}

fn render_piece(cell: &mut String, rank: usize, segment: &SegmentRow, piece: &Piece, flags: &[super::run::FlagRow]) {
    let text = if piece.range.is_empty() { "‸" } else { piece_text(segment, &piece.range) };
    if piece.flags.is_empty() {
        cell.push_str(&escape(text));
        return;
    }
    let worst = piece.flags.iter().map(|&i| severity_rank(&flags[i].severity)).max().unwrap_or(0);
    let numbers: Vec<String> = piece.flags.iter().map(|i| (i + 1).to_string()).collect();
    let mut tip: Vec<String> = piece.flags.iter().take(MAX_TOOLTIP_FLAGS).map(|&i| tooltip(i + 1, &flags[i])).collect();
    if piece.flags.len() > MAX_TOOLTIP_FLAGS {
        tip.push(format!("and {} more flags: see the notes", piece.flags.len() - MAX_TOOLTIP_FLAGS));
    }
    let described: Vec<String> = piece.flags.iter().map(|i| format!("n-{rank}-{}", i + 1)).collect();
    let _ = write!(
        cell,
        "<mark class=\"flag sev-{}{}{}\" tabindex=\"0\" data-flags=\"{}\" data-tip=\"{}\" aria-describedby=\"{}\">{}</mark>",
        SEVERITIES[worst],
        if piece.flags.len() > 1 { " overlap" } else { "" },
        if piece.range.is_empty() { " caret" } else { "" },
        numbers.join(" "),
        escape(&tip.join("\n\n")),
        described.join(" "),
        escape(text)
    );
    for &i in &piece.closing {
        let _ = write!(cell, "<sup><a href=\"#n-{rank}-{0}\" class=\"ref\">{0}</a></sup>", i + 1);
    }
}

/// The source cell of a link: the German, with the content words the English does not cover
/// marked when the source is German.
fn source_cell(
    link: &super::run::LinkRow,
    targets: &std::ops::Range<usize>,
    shown: &[SegmentRow],
    german: bool,
) -> String {
    let coverage =
        link.source_coverage.map_or(String::new(), |c| format!(" <span class=\"coverage\">coverage {c:.2}</span>"));
    let opening = format!(
        "<td class=\"source\"{} rowspan=\"{}\">",
        if german { " lang=\"de\"" } else { "" },
        targets.len().max(1)
    );
    if !german || targets.is_empty() {
        return format!("{opening}{}{coverage}</td>", escape(&link.source_text));
    }
    let english: Vec<&str> = shown[targets.clone()].iter().map(|s| s.text.as_str()).collect();
    let uncovered = crate::adequacy::coverage(&link.source_text, &english.join(" ")).uncovered_source;
    let mut cell = opening;
    let mut at = 0;
    for range in uncovered {
        if range.start < at || range.end > link.source_text.len() {
            continue;
        }
        cell.push_str(&escape(&link.source_text[at..range.start]));
        let _ = write!(
            cell,
            "<span class=\"uncovered\" title=\"not covered by the English\">{}</span>",
            escape(&link.source_text[range.clone()])
        );
        at = range.end;
    }
    cell.push_str(&escape(&link.source_text[at..]));
    cell.push_str(&coverage);
    cell.push_str("</td>");
    cell
}

fn detector_docs(page: &mut String, run: &RunOverview) {
    page.push_str("<section id=\"detectors\"><h2>Detectors</h2>\n<p class=\"hint\">The documentation of every detector, as `mtqe detectors ID` prints it.</p>\n");
    for info in catalogue() {
        let flagged = run.flags_by_detector.get(info.id).map_or(0, |c| c.iter().sum());
        let _ = writeln!(
            page,
            "<details id=\"det-{0}\"><summary><code>{0}</code> · {1} · {2} · {flagged} flags: {3}</summary><pre>{4}</pre></details>",
            info.id,
            escape(info.category.as_str()),
            info.default_severity.as_str(),
            escape(&summary(info.doc)),
            escape(&module_doc(info.doc))
        );
    }
    page.push_str("</section>\n");
}

const LEGEND: &str = "<p class=\"legend\">Severity is shown by colour, by underline and by its name: \
<mark class=\"flag sev-minor\">▲ minor: dotted</mark> \
<mark class=\"flag sev-major\">▲▲ major: solid</mark> \
<mark class=\"flag sev-critical\">▲▲▲ critical: double</mark> \
<mark class=\"flag sev-major overlap\">overlapping flags: shaded</mark>. \
Hover over or tab to a highlighted span to read its flags.</p>\n";

const STYLE: &str = r#"
:root{--minor:#b58900;--major:#d9480f;--critical:#c92a2a;--ink:#1f2328;--muted:#59636e;--line:#d0d7de}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--ink);margin:0;background:#fff}
header{padding:12px 24px;border-bottom:1px solid var(--line);background:#f6f8fa}
header h1{margin:0;font-size:20px}header .run{margin:2px 0;color:var(--muted);font-family:monospace}
nav a{margin-right:14px}
main{padding:0 24px 48px;max-width:1400px}
h2{border-bottom:1px solid var(--line);padding-bottom:4px;margin-top:32px}
.hint{color:var(--muted);font-size:13px}
.counts{display:flex;gap:16px;margin:0}.counts div{border:1px solid var(--line);border-radius:6px;padding:8px 16px}
.counts dt{color:var(--muted);font-size:13px}.counts dd{margin:0;font-size:22px;font-weight:600}
table{border-collapse:collapse;margin:8px 0}th,td{padding:3px 8px;text-align:left;vertical-align:top;border-bottom:1px solid #eaeef2}
.panels{display:grid;grid-template-columns:repeat(auto-fit,minmax(520px,1fr));gap:8px 32px}
.bars{font-size:13px}.bars th,.bars td{padding:1px 8px;line-height:16px}.bars th{white-space:nowrap}
#worst-table td:nth-child(2){white-space:nowrap}
.bars td:nth-child(2){width:300px}.bar{position:relative;display:flex;height:14px;background:#f6f8fa}
.bar .fill{display:block;height:100%;background:#6e7781}.bar .value{position:absolute;left:4px;top:0;font-size:11px;line-height:14px;color:#000;text-shadow:0 0 2px #fff}
.fill.sev-minor{background:#e3b341}.fill.sev-major{background:#f08c00}.fill.sev-critical{background:#e03131}
.manifest{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px}.manifest dt{color:var(--muted)}.manifest dd{margin:0;font-family:monospace;word-break:break-all}
pre{white-space:pre-wrap;background:#f6f8fa;padding:8px;border-radius:6px;font-size:13px}
.filters{display:flex;flex-wrap:wrap;gap:12px;align-items:center;margin:8px 0}
.sortable button{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer;color:var(--ink)}
.sortable th[aria-sort=ascending] button::after{content:" ▲"}.sortable th[aria-sort=descending] button::after{content:" ▼"}
.sortable td.meta{max-width:280px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.doc{display:none;border:1px solid var(--line);border-radius:6px;padding:4px 16px;margin:12px 0}
.doc.shown{display:block}
.segments td:nth-child(2){max-width:640px}.segments td.source{max-width:520px;color:#24292f;background:#fbfbfc}
.num{font-variant-numeric:tabular-nums;text-align:right}
mark.flag{position:relative;background:none;color:inherit;text-decoration-line:underline;text-decoration-thickness:2px;text-underline-offset:3px;cursor:help}
mark.sev-minor{text-decoration-style:dotted;text-decoration-color:var(--minor);background:#fff8db}
mark.sev-major{text-decoration-style:solid;text-decoration-color:var(--major);background:#fff0e6}
mark.sev-critical{text-decoration-style:double;text-decoration-color:var(--critical);background:#ffe3e3}
mark.overlap{background-image:repeating-linear-gradient(45deg,rgba(0,0,0,.08) 0 3px,transparent 3px 6px)}
mark.caret{color:var(--critical);font-weight:700}
mark.flag:hover::after,mark.flag:focus::after{content:attr(data-tip);position:absolute;left:0;top:1.6em;z-index:10;width:max-content;max-width:420px;white-space:pre-line;
background:#1f2328;color:#fff;padding:6px 8px;border-radius:6px;font-size:13px;line-height:1.4;text-decoration:none;box-shadow:0 2px 8px rgba(0,0,0,.3)}
mark.flag:focus{outline:2px solid #0969da;outline-offset:1px}
sup a.ref{text-decoration:none;font-size:11px;margin-left:1px}
.uncovered{text-decoration:underline dotted #0969da 2px;background:#ddf4ff}
.coverage{color:var(--muted);font-size:12px;white-space:nowrap}
.notes li{margin:3px 0}.notes .severity{font-weight:600}.notes .category{color:var(--muted)}
.notes li.sev-minor .severity{color:#7d5c00}.notes li.sev-major .severity{color:#a33a00}.notes li.sev-critical .severity{color:#a61e1e}
.notes li:target{background:#fff8c5}
.suggestion{color:#116329}
details{margin:4px 0}details pre{margin:4px 0 12px}
.legend mark{margin-right:8px}
:focus-visible{outline:2px solid #0969da}
"#;

const SCRIPT: &str = r##"
(function () {
  "use strict";
  var table = document.getElementById("worst-table");
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var shown = document.getElementById("shown");

  function cellValue(row, column, kind) {
    var text = row.cells[column].textContent;
    if (kind === "number") {
      var value = parseFloat(text);
      return isNaN(value) ? -Infinity : value;
    }
    return text.toLowerCase();
  }

  Array.prototype.forEach.call(table.tHead.querySelectorAll("button"), function (button) {
    button.addEventListener("click", function () {
      var column = Number(button.dataset.column);
      var kind = button.dataset.kind;
      var heading = button.parentNode;
      var ascending = heading.getAttribute("aria-sort") !== "ascending";
      Array.prototype.forEach.call(table.tHead.querySelectorAll("th"), function (th) {
        th.setAttribute("aria-sort", "none");
      });
      heading.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      rows.sort(function (a, b) {
        var x = cellValue(a, column, kind), y = cellValue(b, column, kind);
        var order = x < y ? -1 : x > y ? 1 : 0;
        return ascending ? order : -order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });

  var selects = document.querySelectorAll("select[data-filter]");
  var inputs = document.querySelectorAll("input[data-meta]");
  var keys = ["detectors", "categories", "severities"];
  var firstMeta = table.tHead.rows[0].cells.length - inputs.length;

  function applyFilters() {
    var visible = 0;
    rows.forEach(function (row) {
      var keep = true;
      Array.prototype.forEach.call(selects, function (select) {
        var wanted = select.value;
        if (wanted && row.dataset[keys[Number(select.dataset.filter)]].indexOf(" " + wanted + " ") < 0) { keep = false; }
      });
      Array.prototype.forEach.call(inputs, function (input) {
        var wanted = input.value.trim().toLowerCase();
        var cell = row.cells[firstMeta + Number(input.dataset.meta)];
        if (wanted && cell.textContent.toLowerCase().indexOf(wanted) < 0) { keep = false; }
      });
      row.hidden = !keep;
      if (keep) { visible += 1; }
    });
    shown.textContent = visible + " of " + rows.length + " documents";
  }
  Array.prototype.forEach.call(selects, function (s) { s.addEventListener("change", applyFilters); });
  Array.prototype.forEach.call(inputs, function (i) { i.addEventListener("input", applyFilters); });
  applyFilters();

  var documents = document.querySelectorAll("article.doc");
  function showDocument() {
    var hash = window.location.hash.slice(1);
    var target = /^doc-\d+$/.test(hash) ? document.getElementById(hash) : null;
    if (!target) {
      var detector = /^det-/.test(hash) ? document.getElementById(hash) : null;
      if (detector && detector.tagName === "DETAILS") { detector.open = true; }
      if (document.querySelector("article.doc.shown")) { return; }
      target = documents[0];
    }
    Array.prototype.forEach.call(documents, function (d) { d.classList.toggle("shown", d === target); });
    // The browser could not scroll to the view while it was hidden.
    if (target && window.location.hash === "#" + target.id) { target.scrollIntoView(); }
  }
  window.addEventListener("hashchange", showDocument);
  showDocument();
  document.body.setAttribute("data-ready", "true");
})();
"##;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_text_is_escaped_in_text_and_in_attributes() {
        let hostile = r#"</textarea><script>alert("x")</script><img src=x onerror='alert(1)'>&"#;
        let escaped = escape(hostile);
        for forbidden in ['<', '>', '"', '\''] {
            assert!(!escaped.contains(forbidden), "{escaped}");
        }
        assert_eq!(escaped.matches("&amp;").count(), 1);
        assert!(escaped.starts_with("&lt;/textarea&gt;&lt;script&gt;"));
    }

    #[test]
    fn long_values_are_cut_at_a_character_boundary() {
        assert_eq!(truncate("Größenordnung", 4), "Größ…");
        assert_eq!(truncate("kurz", 4), "kurz");
    }
}
