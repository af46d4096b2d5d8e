//! The tables of a finished run, read back as aggregates and as the views of a few documents.

use super::{severity_rank, SEVERITIES};
use crate::readback::{scan_table, scan_table_where, table_shape, TableChunk};
use crate::sink::DOCUMENTS;
use anyhow::{bail, Context, Result};
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;
use std::io::BufRead;
use std::path::{Path, PathBuf};

/// One row of `documents.parquet`, with the carried input columns as text.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentRow {
    pub id: String,
    pub n_chars: usize,
    pub n_words: u32,
    pub n_flags: u32,
    pub penalty: f64,
    pub score: f64,
    pub quality: Option<f64>,
    /// The carried input columns, by name, in the order of `documents.parquet`.
    pub meta: Vec<(String, Option<String>)>,
}

/// One row of `segments.parquet`. Offsets are in characters of the article, end-exclusive.
#[derive(Debug, Clone, PartialEq)]
pub struct SegmentRow {
    pub segment: u32,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub penalty: f64,
    pub quality: Option<f64>,
}

/// One row of `flags.parquet`. Offsets are in characters of the article, end-exclusive.
#[derive(Debug, Clone, PartialEq)]
pub struct FlagRow {
    pub segment: Option<u32>,
    pub start: usize,
    pub end: usize,
    pub detector: String,
    pub category: String,
    pub severity: String,
    pub message: String,
    pub suggestion: Option<String>,
}

/// One row of `alignments.parquet`: a link between source sentences and target segments.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkRow {
    /// "1-1", "2-1", "1-0" and so on: source sentences, then target segments.
    pub link: String,
    pub target_segment: Option<u32>,
    pub source_text: String,
    pub source_coverage: Option<f64>,
}

impl LinkRow {
    /// How many target segments the link spans, from its kind ("1-2" spans two).
    pub fn target_count(&self) -> usize {
        if self.target_segment.is_none() {
            return 0;
        }
        self.link.split('-').nth(1).and_then(|n| n.parse().ok()).unwrap_or(1)
    }
}

/// Everything a run wrote about one document.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentView {
    pub document: DocumentRow,
    /// In segment order.
    pub segments: Vec<SegmentRow>,
    /// In the order of `flags.parquet`, which is the order of their spans.
    pub flags: Vec<FlagRow>,
    /// In link order; empty without a source column.
    pub links: Vec<LinkRow>,
}

/// Counts in equal-width bins over a fixed range; values outside it go to the end bins.
#[derive(Debug, Clone, PartialEq)]
pub struct Histogram {
    pub low: f64,
    pub high: f64,
    pub counts: Vec<usize>,
}

impl Histogram {
    pub fn new(low: f64, high: f64, bins: usize) -> Self {
        Histogram { low, high, counts: vec![0; bins] }
    }

    pub fn add(&mut self, value: f64) {
        if !value.is_finite() {
            return;
        }
        let bins = self.counts.len();
        let position = (value - self.low) / (self.high - self.low) * bins as f64;
        let bin = (position.max(0.0) as usize).min(bins - 1);
        self.counts[bin] += 1;
    }

    /// The lower and upper edge of a bin.
    pub fn edges(&self, bin: usize) -> (f64, f64) {
        let width = (self.high - self.low) / self.counts.len() as f64;
        (self.low + width * bin as f64, self.low + width * (bin + 1) as f64)
    }

    pub fn total(&self) -> usize {
        self.counts.iter().sum()
    }
}

/// A run's aggregates and its worst documents.
#[derive(Debug, Clone)]
pub struct RunOverview {
    pub dir: PathBuf,
    /// `manifest.json`, when the run wrote one.
    pub manifest: Option<serde_json::Value>,
    /// When `manifest.json` was written, which is when the run finished.
    pub finished: Option<std::time::SystemTime>,
    pub documents: usize,
    pub segments: usize,
    pub flags: usize,
    pub rejects: usize,
    /// The input columns carried into `documents.parquet`.
    pub meta_names: Vec<String>,
    /// Flag counts per detector, split by severity in the order of [`SEVERITIES`].
    pub flags_by_detector: BTreeMap<String, [usize; 3]>,
    pub flags_by_category: BTreeMap<String, usize>,
    /// Document scores, 0 to 100.
    pub scores: Histogram,
    /// Document quality, 0 to 1; None when the run has no quality column.
    pub qualities: Option<Histogram>,
    /// The documents with the highest penalty, worst first.
    pub worst: Vec<DocumentView>,
}

const DOCUMENT_NUMBERS: [&str; 6] = ["n_chars", "n_words", "n_flags", "penalty", "score", "quality"];

fn text_at(chunk: &TableChunk, name: &str, row: usize) -> Option<String> {
    chunk.text(name).and_then(|values| values[row].clone())
}

fn number_at(chunk: &TableChunk, name: &str, row: usize) -> Option<f64> {
    chunk.number(name).and_then(|values| values[row])
}

fn document_row(chunk: &TableChunk, row: usize, meta_names: &[String]) -> DocumentRow {
    let count = |name: &str| number_at(chunk, name, row).unwrap_or(0.0);
    DocumentRow {
        id: text_at(chunk, "doc_id", row).unwrap_or_default(),
        n_chars: count("n_chars") as usize,
        n_words: count("n_words") as u32,
        n_flags: count("n_flags") as u32,
        penalty: count("penalty"),
        score: number_at(chunk, "score", row).unwrap_or(100.0),
        quality: number_at(chunk, "quality", row),
        meta: meta_names.iter().map(|name| (name.clone(), chunk.display(name, row))).collect(),
    }
}

fn table_path(dir: &Path, name: &str) -> Result<PathBuf> {
    let path = dir.join(name);
    if !path.exists() {
        bail!("{} has no {name}; is it the output directory of `mtqe score`?", dir.display());
    }
    Ok(path)
}

/// The carried input columns of `documents.parquet`: those after mtqe's own.
fn meta_names(dir: &Path) -> Result<Vec<String>> {
    let (names, _) = table_shape(&table_path(dir, "documents.parquet")?)?;
    Ok(names.into_iter().filter(|name| !DOCUMENTS.has_column(name)).collect())
}

fn document_columns(meta_names: &[String]) -> Vec<&str> {
    let mut columns = vec!["doc_id"];
    columns.extend(DOCUMENT_NUMBERS);
    columns.extend(meta_names.iter().map(String::as_str));
    columns
}

/// Worst first: highest penalty, then lowest score, then id.
fn worse(a: &DocumentRow, b: &DocumentRow) -> std::cmp::Ordering {
    b.penalty.total_cmp(&a.penalty).then(a.score.total_cmp(&b.score)).then_with(|| a.id.cmp(&b.id))
}

/// Reads the aggregates of the run in `dir` and the views of its `top` worst documents.
pub fn read_overview(dir: &Path, top: usize) -> Result<RunOverview> {
    let meta_names = meta_names(dir)?;
    let mut scores = Histogram::new(0.0, 100.0, 20);
    let mut qualities = Histogram::new(0.0, 1.0, 20);
    let mut documents = 0;
    let mut worst: Vec<DocumentRow> = Vec::new();
    // The lowest penalty still in the top once the list was last cut back.
    let mut threshold = f64::NEG_INFINITY;
    scan_table(&table_path(dir, "documents.parquet")?, &document_columns(&meta_names), |chunk| {
        for row in 0..chunk.len() {
            documents += 1;
            if let Some(score) = number_at(chunk, "score", row) {
                scores.add(score);
            }
            if let Some(quality) = number_at(chunk, "quality", row) {
                qualities.add(quality);
            }
            // Only rows that could enter the top are built, and the list is cut back to `top`
            // whenever it doubles, so memory stays at O(top).
            if top > 0 {
                let penalty = number_at(chunk, "penalty", row).unwrap_or(0.0);
                if penalty >= threshold {
                    worst.push(document_row(chunk, row, &meta_names));
                    if worst.len() >= 2 * top {
                        worst.sort_by(worse);
                        worst.truncate(top);
                        threshold = worst.last().map_or(f64::NEG_INFINITY, |last| last.penalty);
                    }
                }
            }
        }
        Ok(())
    })?;
    worst.sort_by(worse);
    worst.truncate(top);

    let mut flags_by_detector: BTreeMap<String, [usize; 3]> = BTreeMap::new();
    let mut flags_by_category: BTreeMap<String, usize> = BTreeMap::new();
    let mut flags = 0;
    scan_table(&table_path(dir, "flags.parquet")?, &["detector", "category", "severity"], |chunk| {
        for row in 0..chunk.len() {
            flags += 1;
            let detector = text_at(chunk, "detector", row).unwrap_or_default();
            let severity = severity_rank(&text_at(chunk, "severity", row).unwrap_or_default());
            flags_by_detector.entry(detector).or_default()[severity] += 1;
            *flags_by_category.entry(text_at(chunk, "category", row).unwrap_or_default()).or_default() += 1;
        }
        Ok(())
    })?;

    let (_, segments) = table_shape(&table_path(dir, "segments.parquet")?)?;
    let manifest_path = dir.join("manifest.json");
    let manifest = match std::fs::read_to_string(&manifest_path) {
        Ok(text) => {
            Some(serde_json::from_str(&text).with_context(|| format!("cannot read {}", manifest_path.display()))?)
        }
        Err(_) => None,
    };
    let finished = std::fs::metadata(&manifest_path).and_then(|m| m.modified()).ok();
    let has_quality = qualities.total() > 0;
    Ok(RunOverview {
        dir: dir.to_owned(),
        manifest,
        finished,
        documents,
        segments,
        flags,
        rejects: count_rejects(dir)?,
        meta_names,
        flags_by_detector,
        flags_by_category,
        scores,
        qualities: has_quality.then_some(qualities),
        worst: views(dir, worst)?,
    })
}

fn count_rejects(dir: &Path) -> Result<usize> {
    let path = dir.join("rejects.jsonl");
    let Ok(file) = std::fs::File::open(&path) else { return Ok(0) };
    let mut count = 0;
    for line in std::io::BufReader::new(file).lines() {
        if !line.with_context(|| format!("cannot read {}", path.display()))?.trim().is_empty() {
            count += 1;
        }
    }
    Ok(count)
}

/// Reads the segments, flags and links of the given documents, keeping their order.
fn views(dir: &Path, documents: Vec<DocumentRow>) -> Result<Vec<DocumentView>> {
    let index: FxHashMap<String, usize> = documents.iter().enumerate().map(|(i, d)| (d.id.clone(), i)).collect();
    let mut views: Vec<DocumentView> = documents
        .into_iter()
        .map(|document| DocumentView { document, segments: Vec::new(), flags: Vec::new(), links: Vec::new() })
        .collect();
    if views.is_empty() {
        return Ok(views);
    }
    let position = |chunk: &TableChunk, row: usize| -> Option<usize> {
        chunk.text("doc_id").and_then(|ids| ids[row].as_deref()).and_then(|id| index.get(id).copied())
    };
    let offset = |chunk: &TableChunk, name: &str, row: usize| number_at(chunk, name, row).unwrap_or(0.0) as usize;
    let wanted = |id: &str| index.contains_key(id);
    let filter = Some(("doc_id", &wanted as &dyn Fn(&str) -> bool));
    scan_table_where(
        &table_path(dir, "segments.parquet")?,
        &["doc_id", "segment", "start", "end", "text", "penalty", "quality"],
        filter,
        |chunk| {
            for row in 0..chunk.len() {
                if let Some(i) = position(chunk, row) {
                    views[i].segments.push(SegmentRow {
                        segment: offset(chunk, "segment", row) as u32,
                        start: offset(chunk, "start", row),
                        end: offset(chunk, "end", row),
                        text: text_at(chunk, "text", row).unwrap_or_default(),
                        penalty: number_at(chunk, "penalty", row).unwrap_or(0.0),
                        quality: number_at(chunk, "quality", row),
                    });
                }
            }
            Ok(())
        },
    )?;
    scan_table_where(
        &table_path(dir, "flags.parquet")?,
        &["doc_id", "segment", "start", "end", "detector", "category", "severity", "message", "suggestion"],
        filter,
        |chunk| {
            for row in 0..chunk.len() {
                if let Some(i) = position(chunk, row) {
                    views[i].flags.push(FlagRow {
                        segment: number_at(chunk, "segment", row).map(|s| s as u32),
                        start: offset(chunk, "start", row),
                        end: offset(chunk, "end", row),
                        detector: text_at(chunk, "detector", row).unwrap_or_default(),
                        category: text_at(chunk, "category", row).unwrap_or_default(),
                        severity: text_at(chunk, "severity", row).unwrap_or_else(|| SEVERITIES[0].to_string()),
                        message: text_at(chunk, "message", row).unwrap_or_default(),
                        suggestion: text_at(chunk, "suggestion", row).filter(|s| !s.is_empty()),
                    });
                }
            }
            Ok(())
        },
    )?;
    let alignments = dir.join("alignments.parquet");
    if alignments.exists() {
        let columns = ["doc_id", "link", "target_segment", "source_text", "source_coverage"];
        scan_table_where(&alignments, &columns, filter, |chunk| {
            for row in 0..chunk.len() {
                if let Some(i) = position(chunk, row) {
                    views[i].links.push(LinkRow {
                        link: text_at(chunk, "link", row).unwrap_or_default(),
                        target_segment: number_at(chunk, "target_segment", row).map(|s| s as u32),
                        source_text: text_at(chunk, "source_text", row).unwrap_or_default(),
                        source_coverage: number_at(chunk, "source_coverage", row),
                    });
                }
            }
            Ok(())
        })?;
    }
    for view in &mut views {
        view.segments.sort_by_key(|s| s.segment);
    }
    Ok(views)
}

/// How many close ids an unknown id's error suggests.
const CLOSE_IDS: usize = 5;

/// Reads everything the run in `dir` wrote about the document `id`. An unknown id is an error
/// that names the closest ids the run has.
pub fn read_document(dir: &Path, id: &str) -> Result<DocumentView> {
    let meta_names = meta_names(dir)?;
    let mut found = None;
    // (similarity, id), best last; only a handful are kept, whatever the run's size.
    let mut close: Vec<(f64, String)> = Vec::new();
    scan_table(&table_path(dir, "documents.parquet")?, &document_columns(&meta_names), |chunk| {
        let Some(ids) = chunk.text("doc_id") else { return Ok(()) };
        for (row, candidate) in ids.iter().enumerate() {
            let Some(candidate) = candidate else { continue };
            if candidate == id {
                found = Some(document_row(chunk, row, &meta_names));
                continue;
            }
            let similarity = strsim::jaro_winkler(id, candidate);
            if close.len() < CLOSE_IDS || similarity > close[0].0 {
                close.push((similarity, candidate.clone()));
                close.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(&a.1)));
                if close.len() > CLOSE_IDS {
                    close.remove(0);
                }
            }
        }
        Ok(())
    })?;
    let Some(document) = found else {
        let suggestions: Vec<String> =
            close.iter().rev().filter(|(similarity, _)| *similarity >= 0.7).map(|(_, id)| format!("'{id}'")).collect();
        if suggestions.is_empty() {
            bail!("no document with id '{id}' in {}", dir.display());
        }
        bail!("no document with id '{id}' in {}; close ids: {}", dir.display(), suggestions.join(", "));
    };
    Ok(views(dir, vec![document])?.remove(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn histogram_bins_clamp_values_outside_the_range_to_the_end_bins() {
        let mut histogram = Histogram::new(0.0, 100.0, 20);
        for value in [-5.0, 0.0, 4.99, 5.0, 99.9, 100.0, 250.0, f64::NAN] {
            histogram.add(value);
        }
        assert_eq!(histogram.counts[0], 3);
        assert_eq!(histogram.counts[1], 1);
        assert_eq!(histogram.counts[19], 3);
        assert_eq!(histogram.total(), 7);
        assert_eq!(histogram.edges(1), (5.0, 10.0));
    }

    #[test]
    fn a_link_spans_as_many_target_segments_as_its_kind_says() {
        let link = |kind: &str, target: Option<u32>| LinkRow {
            link: kind.into(),
            target_segment: target,
            source_text: String::new(),
            source_coverage: None,
        };
        assert_eq!(link("1-2", Some(3)).target_count(), 2);
        assert_eq!(link("2-1", Some(3)).target_count(), 1);
        assert_eq!(link("1-0", None).target_count(), 0);
    }
}
