//! `mtqe eval`: measures flags and scores against human error annotations.
//!
//! Gold texts are scored with the configured detectors (or an existing `mtqe score` output is
//! read with `--pred`), and every metric is computed next to two baselines from the same run:
//! segment length (minus the word count) as a score, and random spans, as many and as long as
//! mtqe's flags. Gold data with documents is split by a fixed hash of the document id into a
//! dev half and a test half, and every number says which half it comes from.

pub mod calibrate;
pub mod gold;
pub mod metrics;
mod report;

use crate::analysis::Doc;
use crate::config::Config;
use crate::detectors;
use crate::quality::QualityModel;
use crate::score::score_document;
use anyhow::{Context, Result};
use gold::{GoldFormat, GoldItem};
use metrics::{kendall_tau_b, pearson, CharCounts, Share};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::{Path, PathBuf};

pub struct EvalOptions {
    pub gold: PathBuf,
    pub format: GoldFormat,
    pub config: Config,
    /// An existing `mtqe score` output directory to evaluate instead of scoring afresh.
    pub pred: Option<PathBuf>,
    pub out: PathBuf,
    pub threads: usize,
    /// Score without the source texts the gold data has, as a user with the English alone.
    pub no_source: bool,
    /// The quality model whose `quality` is measured.
    pub quality: QualityModel,
}

/// A prediction for one gold item: flags as (character span, detector, severity), and scores.
#[derive(Debug, Clone, Default)]
pub struct Prediction {
    pub flags: Vec<(Range<usize>, String, String)>,
    pub score: f64,
    pub penalty: f64,
    pub words: usize,
    /// The calibrated probability of no major error, over the whole item as one unit.
    pub quality: Option<f64>,
    /// The quality model's features of the item, for `mtqe calibrate`.
    pub features: Vec<f64>,
}

/// WMT's DARR pairs: translations of one source whose raw DA scores differ by more than this.
pub const DARR_MARGIN: f64 = 25.0;

/// Which half of the gold data an item belongs to.
pub fn split_of(item: &GoldItem) -> &'static str {
    match &item.doc {
        // FNV-1a: a fixed hash, the same on every machine and in every version.
        Some(doc) => {
            let hash = doc.bytes().fold(0xcbf29ce484222325u64, |h, b| (h ^ b as u64).wrapping_mul(0x100000001b3));
            if hash % 2 == 0 {
                "dev"
            } else {
                "test"
            }
        }
        None => "all",
    }
}

/// Everything measured on one split.
#[derive(Debug, Default)]
pub struct SplitMetrics {
    pub items: usize,
    pub flag_precision: Share,
    pub by_detector: BTreeMap<String, Share>,
    /// Per detector: the gold spans that at least one of its flags overlaps.
    pub recall_by_detector: BTreeMap<String, Share>,
    pub by_severity: BTreeMap<String, Share>,
    pub recall: Share,
    pub recall_by_category: BTreeMap<String, Share>,
    pub chars: CharCounts,
    pub random_precision: Share,
    pub random_chars: CharCounts,
    pub correlations: Vec<Correlation>,
    /// Per scorer, WMT's DARR pairs (only for gold with raw DA scores).
    pub darr: Vec<(&'static str, metrics::Darr)>,
    pub demetr: BTreeMap<String, DemetrMetrics>,
}

#[derive(Debug, Clone)]
pub struct Correlation {
    pub scorer: &'static str,
    pub global_tau: Option<f64>,
    pub global_pearson: Option<f64>,
    pub grouped_tau: Option<f64>,
    pub grouped_pearson: Option<f64>,
    pub groups: usize,
}

#[derive(Debug, Default, Clone)]
pub struct DemetrMetrics {
    pub detected: Share,
    pub false_flagged: Share,
    pub pairwise: Share,
    /// The same, by `quality` instead of `score`.
    pub pairwise_quality: Share,
}

/// Scores gold texts with the current detectors, in parallel.
pub fn predict(items: &[GoldItem], config: &Config, model: &QualityModel) -> Vec<Prediction> {
    predict_with(items, &detectors::build(&config.detectors), config, model)
}

/// [`predict`] with the given detectors. An item whose analysis or a detector panics is named on
/// standard error and counts as unflagged, as a gold item missing from `--pred` does: one
/// failing text must not end the evaluation.
fn predict_with(
    items: &[GoldItem],
    detectors: &[Box<dyn detectors::ConfiguredDetector>],
    config: &Config,
    model: &QualityModel,
) -> Vec<Prediction> {
    items
        .par_iter()
        .map(|item| {
            crate::fault::isolate(|| predict_one(item, detectors, config, model)).unwrap_or_else(|failure| {
                eprintln!("mtqe: gold item '{}': {failure}; it counts as unflagged", item.id);
                Prediction::default()
            })
        })
        .collect()
}

/// Scores one gold text.
fn predict_one(
    item: &GoldItem,
    detectors: &[Box<dyn detectors::ConfiguredDetector>],
    config: &Config,
    model: &QualityModel,
) -> Prediction {
    let doc = Doc::with_options(&item.text, item.source.as_deref(), config.analysis_options());
    let flags = detectors::run_all(detectors, &doc);
    let features = crate::quality::features(&doc, 0..doc.sentences.len(), &flags);
    let quality = Some(model.quality_of(&doc, 0..doc.sentences.len(), &flags));
    let scored = score_document(item.id.clone(), Vec::new(), &doc, flags, model);
    Prediction {
        quality,
        features,
        flags: scored
            .flags
            .iter()
            .map(|f| (f.start as usize..f.end as usize, f.detector.to_string(), f.severity.to_string()))
            .collect(),
        score: scored.score,
        penalty: scored.penalty,
        words: scored.n_words as usize,
    }
}

/// A small deterministic generator for the random-span baseline (xorshift64*).
struct Random(u64);

impl Random {
    fn below(&mut self, bound: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545F4914F6CDD1D) % bound.max(1) as u64) as usize
    }
}

fn random_spans(prediction: &Prediction, chars: usize, seed: u64) -> Vec<Range<usize>> {
    let mut random = Random(seed.wrapping_mul(0x9E3779B97F4A7C15) | 1);
    prediction
        .flags
        .iter()
        .map(|(span, _, _)| {
            let length = span.len().min(chars);
            let start = random.below(chars - length + 1);
            start..start + length
        })
        .collect()
}

/// Computes every metric for the items of one split.
pub fn measure(items: &[&GoldItem], predictions: &[&Prediction]) -> SplitMetrics {
    let mut m = SplitMetrics { items: items.len(), ..Default::default() };
    let mut scored: Vec<(&GoldItem, &Prediction)> = Vec::new();
    for (index, (item, prediction)) in items.iter().zip(predictions).enumerate() {
        let gold: Vec<Range<usize>> = item.spans.iter().map(|s| s.span.clone()).collect();
        for (span, detector, severity) in &prediction.flags {
            let hit = gold.iter().any(|g| metrics::overlaps(span, g));
            m.flag_precision.add(hit);
            m.by_detector.entry(detector.clone()).or_default().add(hit);
            m.by_severity.entry(severity.clone()).or_default().add(hit);
        }
        for gold_span in &item.spans {
            let caught = prediction.flags.iter().any(|(span, _, _)| metrics::overlaps(span, &gold_span.span));
            let mut detectors: Vec<&String> = prediction.flags.iter().map(|(_, d, _)| d).collect();
            detectors.sort();
            detectors.dedup();
            for detector in detectors {
                let by_this = prediction
                    .flags
                    .iter()
                    .any(|(span, d, _)| d == detector && metrics::overlaps(span, &gold_span.span));
                m.recall_by_detector.entry(detector.clone()).or_default().hits += usize::from(by_this);
            }
            m.recall.add(caught);
            let category = gold_span.category.clone().unwrap_or_else(|| "(none)".into());
            m.recall_by_category.entry(category).or_default().add(caught);
        }
        let flagged: Vec<Range<usize>> = prediction.flags.iter().map(|(s, _, _)| s.clone()).collect();
        m.chars.add(CharCounts::of(&flagged, &gold));
        let random = random_spans(prediction, item.text.chars().count(), index as u64 + 1);
        for span in &random {
            m.random_precision.add(gold.iter().any(|g| metrics::overlaps(span, g)));
        }
        m.random_chars.add(CharCounts::of(&random, &gold));
        if item.score.is_some() {
            scored.push((item, prediction));
        }
        if let Some((kind, perturbed)) = &item.demetr {
            let entry = m.demetr.entry(kind.clone()).or_default();
            if *perturbed {
                entry
                    .detected
                    .add(prediction.flags.iter().any(|(s, _, _)| gold.iter().any(|g| metrics::overlaps(s, g))));
            } else {
                entry.false_flagged.add(!prediction.flags.is_empty());
            }
        }
    }
    // DEMETR pairs: the unperturbed text should score higher than the perturbed one.
    let mut pairs: HashMap<&str, [Option<&Prediction>; 2]> = HashMap::new();
    for (item, prediction) in items.iter().zip(predictions) {
        if let (Some((_, perturbed)), Some(group)) = (&item.demetr, &item.group) {
            pairs.entry(group).or_default()[usize::from(*perturbed)] = Some(prediction);
        }
    }
    for (group, [mt, pert]) in &pairs {
        if let (Some(mt), Some(pert)) = (mt, pert) {
            let kind = group.split(':').next().unwrap_or(group);
            let entry = m.demetr.entry(kind.to_string()).or_default();
            entry.pairwise.add(mt.score > pert.score);
            if let (Some(mt), Some(pert)) = (mt.quality, pert.quality) {
                entry.pairwise_quality.add(mt > pert);
            }
        }
    }
    if scored.iter().any(|(item, _)| item.demetr.is_none()) {
        let gold: Vec<f64> = scored.iter().map(|(i, _)| i.score.unwrap_or(0.0)).collect();
        type Scorer = Box<dyn Fn(&GoldItem, &Prediction) -> f64>;
        let mut scorers: Vec<(&'static str, Scorer)> = vec![
            ("mtqe score", Box::new(|_, p| p.score)),
            ("mtqe penalty (negated)", Box::new(|_, p| -p.penalty)),
            ("length baseline (negated word count)", Box::new(|_, p| -(p.words as f64))),
        ];
        if scored.iter().all(|(_, p)| p.quality.is_some()) {
            scorers.insert(0, ("mtqe quality", Box::new(|_, p| p.quality.unwrap_or(0.0))));
        }
        if scored.iter().all(|(item, _)| item.reference.is_some()) {
            scorers.push((
                "chrF against a human reference (not reference-free)",
                Box::new(|item, _| metrics::chrf(&item.text, item.reference.as_deref().unwrap_or(""))),
            ));
        }
        let with_raw = scored.iter().all(|(item, _)| item.raw_score.is_some());
        for (name, scorer) in scorers {
            let predicted: Vec<f64> = scored.iter().map(|(item, p)| scorer(item, p)).collect();
            let mut groups: BTreeMap<&str, Vec<(f64, f64)>> = BTreeMap::new();
            let mut raw_groups: BTreeMap<&str, Vec<(f64, f64)>> = BTreeMap::new();
            for ((item, _), (&x, &y)) in scored.iter().zip(predicted.iter().zip(&gold)) {
                if let Some(group) = &item.group {
                    groups.entry(group).or_default().push((x, y));
                    raw_groups.entry(group).or_default().push((x, item.raw_score.unwrap_or(y)));
                }
            }
            if with_raw {
                let raw_groups: Vec<Vec<(f64, f64)>> = raw_groups.into_values().collect();
                m.darr.push((name, metrics::Darr::of(&raw_groups, DARR_MARGIN)));
            }
            let groups: Vec<Vec<(f64, f64)>> = groups.into_values().collect();
            let (grouped_tau, count) = metrics::grouped_mean(&groups, kendall_tau_b);
            let (grouped_pearson, _) = metrics::grouped_mean(&groups, pearson);
            m.correlations.push(Correlation {
                scorer: name,
                global_tau: kendall_tau_b(&predicted, &gold),
                global_pearson: pearson(&predicted, &gold),
                grouped_tau,
                grouped_pearson,
                groups: count,
            });
        }
    }
    m
}

/// The flags and document scores of an `mtqe score` output, keyed by document id. A null
/// value reads as an empty id, an unflagged document's score, or zero; flags of documents not in
/// `documents.parquet` are left out.
fn read_predictions(dir: &Path) -> Result<HashMap<String, Prediction>> {
    let (documents, flags) = crate::readback::read_scores_and_flags(dir)?;
    let mut predictions = HashMap::new();
    for document in documents {
        let prediction = Prediction {
            flags: Vec::new(),
            score: document.score.unwrap_or(100.0),
            penalty: document.penalty.unwrap_or(0.0),
            words: document.n_words.unwrap_or(0) as usize,
            quality: document.quality,
            features: Vec::new(),
        };
        predictions.insert(document.doc_id.unwrap_or_default(), prediction);
    }
    for flag in flags {
        if let Some(prediction) = predictions.get_mut(flag.doc_id.as_deref().unwrap_or_default()) {
            prediction.flags.push((flag.span, flag.detector.unwrap_or_default(), flag.severity.unwrap_or_default()));
        }
    }
    Ok(predictions)
}

/// Runs the evaluation and writes the report and tables into `options.out`.
pub fn run(options: &EvalOptions) -> Result<BTreeMap<&'static str, SplitMetrics>> {
    let mut items = gold::read(&options.gold, options.format)?;
    if options.no_source {
        items.iter_mut().for_each(|item| item.source = None);
    }
    anyhow::ensure!(!items.is_empty(), "{}: no gold items", options.gold.display());
    let pool = rayon::ThreadPoolBuilder::new().num_threads(options.threads).build()?;
    let predictions = match &options.pred {
        Some(dir) => {
            let mut by_id = read_predictions(dir)?;
            let missing = items.iter().filter(|i| !by_id.contains_key(&i.id)).count();
            anyhow::ensure!(missing < items.len(), "{}: none of the gold ids is in the predictions", dir.display());
            if missing > 0 {
                eprintln!("mtqe: {missing} gold items have no prediction in {} and count as unflagged", dir.display());
            }
            items.iter().map(|i| by_id.remove(&i.id).unwrap_or_default()).collect()
        }
        None => pool.install(|| predict(&items, &options.config, &options.quality)),
    };
    let mut splits: BTreeMap<&'static str, (Vec<&GoldItem>, Vec<&Prediction>)> = BTreeMap::new();
    for (item, prediction) in items.iter().zip(&predictions) {
        let entry = splits.entry(split_of(item)).or_default();
        entry.0.push(item);
        entry.1.push(prediction);
    }
    let mut measured: BTreeMap<&'static str, SplitMetrics> =
        splits.iter().map(|(split, (items, predictions))| (*split, measure(items, predictions))).collect();
    for m in measured.values_mut() {
        let gold_spans = m.recall.total;
        for detector in m.by_detector.keys() {
            m.recall_by_detector.entry(detector.clone()).or_default().total = gold_spans;
        }
        for share in m.recall_by_detector.values_mut() {
            share.total = gold_spans;
        }
    }
    std::fs::create_dir_all(&options.out).with_context(|| format!("cannot create {}", options.out.display()))?;
    report::write(options, &items, &predictions, &measured)?;
    Ok(measured)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(id: &str, text: &str) -> GoldItem {
        GoldItem {
            id: id.into(),
            text: text.into(),
            spans: Vec::new(),
            score: None,
            raw_score: None,
            reference: None,
            group: None,
            doc: None,
            system: None,
            demetr: None,
            source: None,
        }
    }

    #[test]
    fn a_text_that_makes_a_detector_panic_counts_as_unflagged_and_the_rest_are_scored() {
        let config = Config::default();
        let mut detectors = detectors::build(&config.detectors);
        detectors.push(crate::detectors::test_support::exploding());
        let items = [item("calm", "The the council met."), item("bad", "Grüße: boom"), item("also", "The the end.")];
        let predictions = predict_with(&items, &detectors, &config, &crate::quality::DEFAULT);
        assert_eq!(predictions.len(), 3);
        assert!(predictions[0].flags.iter().any(|(_, detector, _)| detector == "repeated-words"));
        assert!(predictions[1].flags.is_empty() && predictions[1].features.is_empty());
        assert!(predictions[2].flags.iter().any(|(_, detector, _)| detector == "repeated-words"));
    }
}
