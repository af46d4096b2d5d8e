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
    /// WMT segment-level direct assessment: a folder (or its `*seg-scores*` file) holding the
    /// space-separated scores `SYS SID RAW.SCR Z.SCR N` beside the line-aligned `*.src.*`,
    /// `*.ref.X.*` and `*.hyp.SYSTEM.*` files.
    WmtDa,
}

impl GoldFormat {
    /// The format a file most likely has, from its name.
    pub fn guess(path: &Path) -> GoldFormat {
        let name = path.to_string_lossy().to_lowercase();
        if path.is_dir() || name.contains("seg-scores") {
            GoldFormat::WmtDa
        } else if name.ends_with(".tsv") {
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
    /// The human score, higher is better (for MQM, minus the penalty; for DA, the z-score).
    pub score: Option<f64>,
    /// For DA: the raw 0–100 score, which decides the pairs of WMT's DARR tau.
    pub raw_score: Option<f64>,
    /// A human reference translation, where the gold data has one (for the chrF baseline).
    pub reference: Option<String>,
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
    if format == GoldFormat::WmtDa {
        return wmt_da(path);
    }
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read gold file {}", path.display()))?;
    match format {
        GoldFormat::WmtDa => unreachable!("read above"),
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
            raw_score: None,
            reference: None,
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
            raw_score: None,
            reference: None,
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
    eng_sent: Option<String>,
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
            raw_score: None,
            reference: line.eng_sent.clone(),
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
            raw_score: None,
            reference: line.eng_sent,
            group,
            doc: None,
            system: Some("perturbed".into()),
            demetr: Some((line.pert_name, true)),
            source: line.src_sent,
        });
    }
    Ok(items)
}

/// Reads WMT direct assessment: one item per rated system output, grouped by source line.
/// `HUMAN-X` rows score reference X as if it were a system. Each item carries its source and the
/// first reference that is not itself (for the chrF baseline). Items are split into dev and test
/// by source line.
fn wmt_da(path: &Path) -> Result<Vec<GoldItem>> {
    let (dir, scores_path) = if path.is_dir() {
        let found = files_in(path)?
            .into_iter()
            .find(|p| p.file_name().is_some_and(|n| n.to_string_lossy().contains("seg-scores")))
            .with_context(|| format!("{}: no *seg-scores* file in the folder", path.display()))?;
        (path.to_path_buf(), found)
    } else {
        (path.parent().unwrap_or(Path::new(".")).to_path_buf(), path.to_path_buf())
    };
    let lines_of = |file: &Path| -> Result<Vec<String>> {
        let text = std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
        Ok(text.lines().map(str::to_string).collect())
    };
    let mut sources = None;
    let mut references: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut outputs: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for file in files_in(&dir)? {
        let name = file.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        let parts: Vec<&str> = name.split('.').collect();
        if let Some(at) = parts.iter().position(|p| *p == "hyp" || *p == "ref") {
            // name.hyp.SYSTEM.en: the system name may itself hold dots; the language is last.
            if parts.len() >= at + 3 {
                let label = parts[at + 1..parts.len() - 1].join(".");
                let target = if parts[at] == "hyp" { &mut outputs } else { &mut references };
                target.insert(label, lines_of(&file)?);
            }
        } else if parts.contains(&"src") {
            sources = Some(lines_of(&file)?);
        }
    }
    let text = std::fs::read_to_string(&scores_path)
        .with_context(|| format!("cannot read gold file {}", scores_path.display()))?;
    let mut items = Vec::new();
    for (number, line) in text.lines().enumerate().skip(1).filter(|(_, l)| !l.trim().is_empty()) {
        let at = || format!("{}:{}", scores_path.display(), number + 1);
        let fields: Vec<&str> = line.split_whitespace().collect();
        let [system, sid, raw, z, ..] = fields[..] else {
            bail!("{}: expected SYS SID RAW.SCR Z.SCR N", at());
        };
        let line_index: usize = sid.parse().with_context(|| format!("{}: SID is not a line number", at()))?;
        let (raw, z): (f64, f64) = (
            raw.parse().with_context(|| format!("{}: RAW.SCR is not a number", at()))?,
            z.parse().with_context(|| format!("{}: Z.SCR is not a number", at()))?,
        );
        // "Online-Y.3" names system Online-Y; "HUMAN-B" is reference B.
        let system = system.rsplit_once('.').filter(|(_, n)| n.parse::<u32>().is_ok()).map_or(system, |(s, _)| s);
        let (lines, own_reference) = match system.strip_prefix("HUMAN-") {
            Some(label) => (references.get(label), Some(label)),
            None => (outputs.get(system), None),
        };
        let lines =
            lines.with_context(|| format!("{}: no output file for system '{system}' in {}", at(), dir.display()))?;
        let output = line_index
            .checked_sub(1)
            .and_then(|i| lines.get(i))
            .with_context(|| format!("{}: SID {line_index} is past the end of {system}'s output", at()))?;
        let reference = references
            .iter()
            .find(|(label, _)| Some(label.as_str()) != own_reference)
            .and_then(|(_, lines)| lines.get(line_index - 1))
            .cloned();
        items.push(GoldItem {
            id: format!("{system}:{line_index}"),
            text: output.clone(),
            spans: Vec::new(),
            score: Some(z),
            raw_score: Some(raw),
            reference,
            group: Some(line_index.to_string()),
            doc: Some(format!("segment {line_index}")),
            system: Some(system.to_string()),
            demetr: None,
            source: sources.as_ref().and_then(|s| s.get(line_index - 1)).cloned(),
        });
    }
    Ok(items)
}

fn files_in(dir: &Path) -> Result<Vec<std::path::PathBuf>> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read the folder {}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    Ok(files)
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
    fn wmt_da_items_join_scores_to_outputs_sources_and_references() {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
        write("test.de-en.src.de", "Der Hund bellt.\nDie Katze schläft.\n");
        write("test.de-en.ref.A.en", "The dog barks.\nThe cat sleeps.\n");
        write("test.de-en.ref.B.en", "The dog is barking.\nThe cat is asleep.\n");
        write("test.de-en.hyp.Sys-1.en", "The dog barks.\nThe cat sleep.\n");
        write("ad-seg-scores-de-en.csv", "SYS SID RAW.SCR Z.SCR N \nSys-1.3 2 40 -0.5 2 \nHUMAN-B 1 90 0.8 1 \n");
        let items = read(dir.path(), GoldFormat::guess(dir.path())).unwrap();
        assert_eq!(items.len(), 2);
        let system = &items[0];
        assert_eq!((system.id.as_str(), system.text.as_str()), ("Sys-1:2", "The cat sleep."));
        assert_eq!((system.score, system.raw_score), (Some(-0.5), Some(40.0)));
        assert_eq!(system.source.as_deref(), Some("Die Katze schläft."));
        assert_eq!(system.reference.as_deref(), Some("The cat sleeps."));
        assert_eq!(system.group.as_deref(), Some("2"));
        let human = &items[1];
        assert_eq!(human.text, "The dog is barking.");
        assert_eq!(human.reference.as_deref(), Some("The dog barks."), "a reference is never its own reference");
        std::fs::write(dir.path().join("ad-seg-scores-de-en.csv"), "SYS SID RAW.SCR Z.SCR N\nSys-1 9 40 -0.5 2\n")
            .unwrap();
        let error = read(dir.path(), GoldFormat::WmtDa).unwrap_err().to_string();
        assert!(error.contains("ad-seg-scores-de-en.csv:2") && error.contains("SID 9"), "{error}");
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
