//! Readers for human-annotated gold data: the generic `spans-jsonl` format, the WMT MQM TSV
//! and DEMETR items.

use anyhow::{bail, Context, Result};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum GoldFormat {
    /// One JSON object a line: id, text, spans [{start, end, category?, severity?}], score?.
    SpansJsonl,
    /// The WMT MQM TSV: system, doc, doc_id, seg_id, rater, source, target, category, severity.
    WmtMqm,
    /// DEMETR JSON Lines: pert_name, mt_sent, pert_sent, src_sent.
    Demetr,
}

impl GoldFormat {
    /// The format a file most likely has, from its name.
    pub fn guess(path: &Path) -> GoldFormat {
        let name = path.to_string_lossy().to_lowercase();
        if name.ends_with(".tsv") {
            GoldFormat::WmtMqm
        } else if name.contains("demetr") {
            GoldFormat::Demetr
        } else {
            GoldFormat::SpansJsonl
        }
    }
}

/// An annotated error: character offsets into the item's text, end-exclusive.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldSpan {
    pub span: Range<usize>,
    pub category: Option<String>,
    pub severity: Option<String>,
}

/// One translated text with its human annotation.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldItem {
    pub id: String,
    pub text: String,
    pub spans: Vec<GoldSpan>,
    /// The human score, higher is better (for MQM, minus the penalty).
    pub score: Option<f64>,
    /// Items that translate the same source, compared with each other for item-grouped tau.
    pub group: Option<String>,
    /// The document, for the dev/test split.
    pub doc: Option<String>,
    pub system: Option<String>,
    /// For DEMETR: the perturbation type, and whether this is the perturbed text.
    pub demetr: Option<(String, bool)>,
    /// The German original, where the gold data has one: the source-aware detectors read it.
    /// (The WMT MQM data is Chinese→English, so its source is not passed on.)
    pub source: Option<String>,
}

/// Reads a gold file in the given format.
pub fn read(path: &Path, format: GoldFormat) -> Result<Vec<GoldItem>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read gold file {}", path.display()))?;
    match format {
        GoldFormat::SpansJsonl => spans_jsonl(&text, path),
        GoldFormat::WmtMqm => wmt_mqm(&text, path),
        GoldFormat::Demetr => demetr(&text, path),
    }
}

#[derive(Deserialize)]
struct SpansLine {
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    spans: Vec<SpansSpan>,
    score: Option<f64>,
    group: Option<String>,
    doc: Option<String>,
    system: Option<String>,
    source: Option<String>,
}

#[derive(Deserialize)]
struct SpansSpan {
    start: usize,
    end: usize,
    category: Option<String>,
    severity: Option<String>,
}

fn spans_jsonl(text: &str, path: &Path) -> Result<Vec<GoldItem>> {
    let mut items = Vec::new();
    for (number, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let line: SpansLine = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: not a gold item", path.display(), number + 1))?;
        let chars = line.text.chars().count();
        for span in &line.spans {
            if span.start > span.end || span.end > chars {
                bail!(
                    "{}:{}: span {}..{} lies outside the text ({chars} characters)",
                    path.display(),
                    number + 1,
                    span.start,
                    span.end
                );
            }
        }
        let id = match line.id {
            serde_json::Value::String(s) => s,
            other => other.to_string(),
        };
        items.push(GoldItem {
            id,
            spans: line
                .spans
                .into_iter()
                .map(|s| GoldSpan { span: s.start..s.end, category: s.category, severity: s.severity })
                .collect(),
            text: line.text,
            score: line.score,
            group: line.group,
            doc: line.doc,
            system: line.system,
            demetr: None,
            source: line.source,
        });
    }
    Ok(items)
}

/// Strips `<v>`…`</v>` markers, returning the plain text and the marked spans in characters.
pub fn strip_markers(marked: &str) -> (String, Vec<Range<usize>>) {
    let mut plain = String::with_capacity(marked.len());
    let mut spans = Vec::new();
    let mut open = None;
    let mut chars = 0;
    let mut rest = marked;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("<v>") {
            open = Some(chars);
            rest = after;
        } else if let Some(after) = rest.strip_prefix("</v>") {
            if let Some(start) = open.take() {
                spans.push(start..chars);
            }
            rest = after;
        } else {
            let c = rest.chars().next().expect("non-empty");
            plain.push(c);
            chars += 1;
            rest = &rest[c.len_utf8()..];
        }
    }
    (plain, spans)
}

/// The standard WMT MQM weight of one error.
pub fn mqm_weight(category: &str, severity: &str) -> f64 {
    let category = category.to_lowercase();
    if category.starts_with("non_translation") || category.starts_with("non-translation") {
        return 25.0;
    }
    match severity.to_lowercase().as_str() {
        "major" => 5.0,
        "minor" if category == "fluency/punctuation" => 0.1,
        "minor" => 1.0,
        _ => 0.0,
    }
}

fn wmt_mqm(text: &str, path: &Path) -> Result<Vec<GoldItem>> {
    let mut reader =
        csv::ReaderBuilder::new().delimiter(b'\t').quoting(false).flexible(true).from_reader(text.as_bytes());
    let headers = reader.headers()?.clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .with_context(|| format!("{}: no '{name}' column in the header", path.display()))
    };
    let (system, doc, seg, rater, target, category, severity) = (
        column("system")?,
        column("doc")?,
        column("seg_id")?,
        column("rater")?,
        column("target")?,
        column("category")?,
        column("severity")?,
    );
    let mut items: BTreeMap<(String, u64, String), GoldItem> = BTreeMap::new();
    let mut penalties: BTreeMap<(String, u64, String), f64> = BTreeMap::new();
    for (number, record) in reader.records().enumerate() {
        let record = record.with_context(|| format!("{}: row {}", path.display(), number + 2))?;
        let field = |i: usize| record.get(i).unwrap_or("");
        let segment: u64 = field(seg)
            .parse()
            .with_context(|| format!("{}: row {}: seg_id is not a number", path.display(), number + 2))?;
        let system_name = field(system).trim_start_matches("hyp.").to_string();
        let key = (system_name.clone(), segment, field(rater).to_string());
        let (plain, marked) = strip_markers(field(target));
        let item = items.entry(key.clone()).or_insert_with(|| GoldItem {
            id: format!("{system_name}:{segment}:{}", field(rater)),
            text: plain.clone(),
            spans: Vec::new(),
            score: None,
            group: Some(segment.to_string()),
            doc: Some(field(doc).to_string()),
            system: Some(system_name),
            demetr: None,
            source: None,
        });
        let (category_name, severity_name) = (field(category), field(severity));
        if severity_name.eq_ignore_ascii_case("no-error") || category_name.eq_ignore_ascii_case("no-error") {
            penalties.entry(key).or_insert(0.0);
            continue;
        }
        *penalties.entry(key).or_insert(0.0) += mqm_weight(category_name, severity_name);
        // Omissions are marked in the source: they count for the score but have no target span.
        if plain == item.text {
            for span in marked {
                item.spans.push(GoldSpan {
                    span,
                    category: Some(category_name.to_string()),
                    severity: Some(severity_name.to_string()),
                });
            }
        }
    }
    Ok(items
        .into_iter()
        .map(|(key, mut item)| {
            item.score = penalties.get(&key).map(|p| -p);
            item
        })
        .collect())
}

#[derive(Deserialize)]
struct DemetrLine {
    id: serde_json::Value,
    pert_name: String,
    mt_sent: String,
    pert_sent: String,
    src_sent: Option<String>,
}

/// The changed characters of `pert` against `mt`, widened to whole words: the gold span.
pub fn changed_span(mt: &str, pert: &str) -> Range<usize> {
    let (a, b): (Vec<char>, Vec<char>) = (mt.chars().collect(), pert.chars().collect());
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix =
        a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count().min(a.len().min(b.len()) - prefix);
    let mut start = prefix;
    let mut end = b.len() - suffix;
    while start > 0 && !b[start - 1].is_whitespace() {
        start -= 1;
    }
    while end < b.len() && !b[end].is_whitespace() && !(end > start && b[end].is_ascii_punctuation()) {
        end += 1;
    }
    start..end.max(start)
}

fn demetr(text: &str, path: &Path) -> Result<Vec<GoldItem>> {
    let mut items = Vec::new();
    for (number, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let line: DemetrLine = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: not a DEMETR item", path.display(), number + 1))?;
        let id = match &line.id {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        let changed = changed_span(&line.mt_sent, &line.pert_sent);
        let group = Some(format!("{}:{id}", line.pert_name));
        items.push(GoldItem {
            id: format!("mt:{}:{id}", line.pert_name),
            text: line.mt_sent,
            spans: Vec::new(),
            score: Some(0.0),
            group: group.clone(),
            doc: None,
            system: Some("mt".into()),
            demetr: Some((line.pert_name.clone(), false)),
            source: line.src_sent.clone(),
        });
        items.push(GoldItem {
            id: format!("pert:{}:{id}", line.pert_name),
            text: line.pert_sent,
            spans: vec![GoldSpan { span: changed, category: Some(line.pert_name.clone()), severity: None }],
            score: Some(-1.0),
            group,
            doc: None,
            system: Some("perturbed".into()),
            demetr: Some((line.pert_name, true)),
            source: line.src_sent,
        });
    }
    Ok(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_stripped_with_character_offsets() {
        let (plain, spans) = strip_markers("Ein <v>großer</v> Tag in <v>Köln</v>.");
        assert_eq!(plain, "Ein großer Tag in Köln.");
        let pieces: Vec<String> =
            spans.iter().map(|s| plain.chars().skip(s.start).take(s.end - s.start).collect()).collect();
        assert_eq!(pieces, ["großer", "Köln"]);
    }

    #[test]
    fn wmt_rows_group_by_system_segment_and_rater_with_mqm_penalties() {
        let tsv = "system\tdoc\tdoc_id\tseg_id\trater\tsource\ttarget\tcategory\tseverity\n\
            hyp.A\td1\t1\t1\tr1\tsrc\tThe <v>cat</v> sat.\tAccuracy/Mistranslation\tMajor\n\
            hyp.A\td1\t1\t1\tr1\tsrc\tThe cat sat<v>.</v>\tFluency/Punctuation\tMinor\n\
            hyp.A\td1\t1\t1\tr1\t<v>src</v>\tThe cat sat.\tAccuracy/Omission\tMinor\n\
            hyp.B\td1\t1\t1\tr2\tsrc\tA cat sat.\tNo-error\tNo-error\n\
            hyp.A\td1\t1\t1\tr3\tsrc\tThe cat <v>sat</v>.\tNon_translation\tMajor\n";
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mqm.tsv");
        std::fs::write(&path, tsv).unwrap();
        let items = read(&path, GoldFormat::WmtMqm).unwrap();
        assert_eq!(items.len(), 3, "A/r1, A/r3 and B/r2 are separate items");
        let a1 = items.iter().find(|i| i.id == "A:1:r1").unwrap();
        assert_eq!(a1.text, "The cat sat.");
        assert_eq!(a1.spans.iter().map(|s| s.span.clone()).collect::<Vec<_>>(), [4..7, 11..12]);
        assert!((a1.score.unwrap() - -6.1).abs() < 1e-9, "major 5 + minor punctuation 0.1 + omission 1");
        assert_eq!(items.iter().find(|i| i.id == "B:1:r2").unwrap().score, Some(0.0));
        assert_eq!(items.iter().find(|i| i.id == "A:1:r3").unwrap().score, Some(-25.0));
        assert_eq!(a1.group.as_deref(), Some("1"));
    }

    #[test]
    fn demetr_gold_spans_cover_the_changed_words() {
        let mt = "The minister said his government is ready.";
        let pert = "The minister said her government is ready.";
        let span = changed_span(mt, pert);
        assert_eq!(pert.chars().skip(span.start).take(span.end - span.start).collect::<String>(), "her");
        let span = changed_span("It rained.", "It rained rained.");
        let text = "It rained rained.";
        assert_eq!(text.chars().skip(span.start).take(span.end - span.start).collect::<String>(), "rained rained");
    }
}
