//! The calibrated quality estimate: the probability that a segment is free of major errors.
//!
//! The MQM `penalty` and `score` count flags, so every point traces to a flag row. `quality`
//! weighs more evidence than flags: a logistic model over features of the segment (flags by
//! severity and detector, the language model's view of its words, its language, and with a
//! source how much of it the English covers), fitted by `mtqe calibrate` on human judgements. Its default weights, in
//! `data/quality/weights.toml`, were fitted on the dev halves of the evaluation data that
//! `docs/evaluation.md` describes.
//!
//! A segment's `quality` is the model's probability that it has no major error. A document's
//! is the probability that none of its segments has one, treating them as independent; its
//! `expected_major_errors` is the sum over segments of the probability of a major error, which
//! ranks long documents where `quality` is near zero for all.

use crate::analysis::Doc;
use crate::flag::{weight_tenths, Flag, Severity};
use anyhow::{bail, Context, Result};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;
use std::sync::LazyLock;

/// The features every segment has, before the per-detector flag counts.
pub const BASE_FEATURES: [&str; 14] = [
    "penalty_per_word",
    "minor_flags",
    "major_flags",
    "critical_flags",
    "lm_logprob",
    "lm_slor",
    "lm_worst_slor",
    "lm_improbable_share",
    "lm_unknown",
    "lm_no_known_words",
    "not_english",
    "has_source",
    "source_uncovered",
    "target_unsupported",
];

/// A word counts as improbable in its context when its SLOR is below this (log10 units).
const IMPROBABLE_SLOR: f32 = -1.0;
/// The worst SLOR is clipped here, so one garbled word does not dominate.
const WORST_SLOR_FLOOR: f32 = -4.0;

/// Every feature's name, in the order of a feature vector: the base features, then one count
/// per detector (`detector:<id>`).
pub fn feature_names() -> &'static [String] {
    static NAMES: LazyLock<Vec<String>> = LazyLock::new(|| {
        BASE_FEATURES
            .iter()
            .map(|name| name.to_string())
            .chain(crate::detectors::catalogue().iter().map(|d| format!("detector:{}", d.id)))
            .collect()
    });
    &NAMES
}

fn detector_feature(id: &str) -> Option<usize> {
    static INDEX: LazyLock<rustc_hash::FxHashMap<&'static str, usize>> = LazyLock::new(|| {
        crate::detectors::catalogue().iter().enumerate().map(|(i, d)| (d.id, BASE_FEATURES.len() + i)).collect()
    });
    INDEX.get(id).copied()
}

/// The features of the sentences `sentences` of `doc`, given the flags that fall in them.
pub fn features<'f>(doc: &Doc, sentences: Range<usize>, flags: impl IntoIterator<Item = &'f Flag>) -> Vec<f64> {
    let mut values = vec![0.0; feature_names().len()];
    visit_features(doc, sentences, flags, |index, value| values[index] += value);
    values
}

/// Calls `visit(feature index, value)` for every feature of the unit, without building the
/// vector: scoring a corpus only needs the weighted sum.
fn visit_features<'f>(
    doc: &Doc,
    sentences: Range<usize>,
    flags: impl IntoIterator<Item = &'f Flag>,
    mut visit: impl FnMut(usize, f64),
) {
    let mut penalty_tenths = 0u64;
    for flag in flags {
        penalty_tenths += weight_tenths(flag.severity, flag.category);
        let slot = match flag.severity {
            Severity::Minor => 1,
            Severity::Major => 2,
            Severity::Critical => 3,
        };
        visit(slot, 1.0);
        if let Some(index) = detector_feature(flag.detector) {
            visit(index, 1.0);
        }
    }
    let sentence_count = sentences.len();
    let units = sentences.clone();
    let mut fluency = crate::analysis::SentenceFluency::default();
    let (mut worst, mut improbable, mut not_english) = (0f32, 0u32, 0usize);
    let language_model = !doc.fluency.words.is_empty();
    let mut words = 0usize;
    for index in sentences {
        let sentence = &doc.sentences[index];
        words += sentence.tokens.len();
        if doc.sentence_langs[index].code.is_some_and(|code| code != "eng") {
            not_english += 1;
        }
        if language_model {
            fluency.add(&doc.fluency.sentence(index));
            for token_index in sentence.tokens.clone() {
                let word = doc.fluency.word(token_index);
                if word.is_scored() {
                    let slor = word.slor();
                    worst = worst.min(slor.max(WORST_SLOR_FLOOR));
                    improbable += u32::from(slor < IMPROBABLE_SLOR);
                }
            }
        }
    }
    visit(0, penalty_tenths as f64 / 10.0 / words.max(1) as f64);
    if language_model {
        visit(4, fluency.log10_per_word().unwrap_or(0.0));
        visit(5, fluency.slor_per_word().unwrap_or(0.0));
        visit(6, f64::from(worst));
        visit(7, if fluency.scored > 0 { f64::from(improbable) / f64::from(fluency.scored) } else { 0.0 });
        visit(8, fluency.unknown_share().unwrap_or(0.0));
        visit(9, f64::from(u8::from(fluency.scored == 0)));
    }
    visit(10, if sentence_count > 0 { not_english as f64 / sentence_count as f64 } else { 0.0 });
    // With a source: how much of it the English misses, and how much English it does not
    // account for, over the links of these sentences.
    if let Some(source) = &doc.source {
        visit(11, 1.0);
        let mut links: Vec<usize> = units.clone().flat_map(|sentence| source.links_of_target(sentence)).collect();
        links.dedup();
        if let Some((covered, supported)) = source.coverage_of(links) {
            visit(12, 1.0 - covered);
            visit(13, 1.0 - supported);
        }
    }
}

/// A logistic model of the probability of a major error.
#[derive(Debug, Clone, PartialEq)]
pub struct QualityModel {
    pub intercept: f64,
    /// Indexed like [`feature_names`].
    pub weights: Vec<f64>,
    /// Where the weights came from, for the manifest.
    pub description: String,
}

/// The weights file: an intercept and a weight per feature name; absent features weigh 0.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct WeightsFile {
    description: String,
    intercept: f64,
    weights: BTreeMap<String, f64>,
}

/// The default model, fitted on the dev halves of the evaluation data without the language
/// model's features.
pub static DEFAULT: LazyLock<QualityModel> = LazyLock::new(|| {
    QualityModel::parse(include_str!("../data/quality/weights.toml"), "data/quality/weights.toml")
        .expect("the committed weights are valid")
});

/// The default model for runs with the language model, fitted the same way with its features.
pub static DEFAULT_WITH_LANGUAGE_MODEL: LazyLock<QualityModel> = LazyLock::new(|| {
    QualityModel::parse(
        include_str!("../data/quality/weights-language-model.toml"),
        "data/quality/weights-language-model.toml",
    )
    .expect("the committed weights are valid")
});

/// The default model for the analysis a run does.
pub fn default_model(options: crate::analysis::AnalysisOptions) -> &'static QualityModel {
    if options.language_model {
        &DEFAULT_WITH_LANGUAGE_MODEL
    } else {
        &DEFAULT
    }
}

impl QualityModel {
    /// Reads a weights file written by `mtqe calibrate`.
    pub fn from_file(path: &Path) -> Result<QualityModel> {
        let text =
            std::fs::read_to_string(path).with_context(|| format!("cannot read the weights {}", path.display()))?;
        QualityModel::parse(&text, &path.display().to_string())
    }

    pub fn parse(text: &str, origin: &str) -> Result<QualityModel> {
        let file: WeightsFile = toml::from_str(text).with_context(|| format!("{origin}: not a weights file"))?;
        let names = feature_names();
        let mut weights = vec![0.0; names.len()];
        for (name, weight) in file.weights {
            let Some(index) = names.iter().position(|n| *n == name) else {
                bail!("{origin}: unknown feature '{name}'; known features: {}", names.join(", "));
            };
            if !weight.is_finite() {
                bail!("{origin}: the weight of '{name}' is not a finite number");
            }
            weights[index] = weight;
        }
        Ok(QualityModel { intercept: file.intercept, weights, description: file.description })
    }

    /// The weights file, with a comment header.
    pub fn to_toml(&self) -> String {
        let file = WeightsFile {
            description: self.description.clone(),
            intercept: self.intercept,
            weights: feature_names().iter().cloned().zip(self.weights.iter().copied()).collect(),
        };
        let body = toml::to_string(&file).expect("weights serialise");
        format!(
            "# mtqe quality model: logistic regression of the probability of a major error.\n\
             # quality = 1 - 1 / (1 + exp(-(intercept + sum of weight * feature))).\n\
             # Written by `mtqe calibrate`; feature definitions in src/quality.rs.\n{body}"
        )
    }

    /// The probability that a unit with these features has no major error.
    pub fn quality(&self, features: &[f64]) -> f64 {
        no_error_probability(self.intercept + self.weights.iter().zip(features).map(|(w, x)| w * x).sum::<f64>())
    }

    /// The quality of the sentences `sentences` of `doc` with their flags: the model's
    /// probability of no major error, capped by the flags' own claims. A major or critical flag
    /// asserts a major error with its confidence, so the quality is at most one minus the
    /// highest such confidence: a detached translation or a sentence left in German scores low
    /// however fluent it reads.
    pub fn quality_of<'f>(
        &self,
        doc: &Doc,
        sentences: Range<usize>,
        flags: impl IntoIterator<Item = &'f Flag> + Clone,
    ) -> f64 {
        let mut z = self.intercept;
        // A model without weights (the base rate) needs no features.
        if self.weights.iter().any(|w| *w != 0.0) {
            visit_features(doc, sentences, flags.clone(), |index, value| z += self.weights[index] * value);
        }
        let claimed = flags
            .into_iter()
            .filter(|flag| flag.severity >= Severity::Major)
            .map(|flag| f64::from(flag.confidence.clamp(0.0, 1.0)))
            .fold(0.0, f64::max);
        no_error_probability(z).min(1.0 - claimed)
    }

    /// Fits a model to human judgements.
    ///
    /// Two steps. First the direction: a pairwise logistic model learns which feature
    /// differences make one translation of a source worse than another (the WMT practice of
    /// comparing translations of the same source, which removes the effects of length and
    /// difficulty). Then the calibration: a logistic model of the major-error label over that
    /// ranking score turns it into a probability. Without groups, the first step is a plain
    /// logistic model of the label.
    ///
    /// Length is deliberately not a feature. Longer segments hold more errors, so length
    /// predicts the label, but it says nothing about which of two translations of one source is
    /// worse (item-grouped tau of length: -0.014 on the MQM test half), and with it the quality
    /// of every unflagged segment would be a function of its length: a ranking by length, not
    /// by evidence.
    ///
    /// Evidence of an error may only lower quality: a flag, or a gap in source coverage, that
    /// humans' judgements do not support gets weight 0, never a negative one, so that no flag
    /// ever makes a segment look better. The fit drops such features and refits until every
    /// such weight is positive or zero.
    pub fn fit(samples: &[Sample], l2: f64, description: String) -> QualityModel {
        let names = feature_names();
        let mut fixed_at_zero = vec![false; names.len()];
        loop {
            let (model, direction) = Self::fit_free(samples, l2, &fixed_at_zero, description.clone());
            let mut changed = false;
            for (index, weight) in direction.iter().enumerate() {
                if *weight < 0.0 && is_error_evidence(&names[index]) && !fixed_at_zero[index] {
                    fixed_at_zero[index] = true;
                    changed = true;
                }
            }
            if !changed {
                return model;
            }
        }
    }

    /// Both steps of [`QualityModel::fit`], with the features in `fixed_at_zero` held at 0.
    /// Language-model and coverage features are standardised; flag counts keep their own unit,
    /// so a detector that fires rarely cannot take a huge weight from a handful of examples.
    /// Returns the model and the direction of step one (standardised units), whose signs the
    /// constraint checks.
    fn fit_free(samples: &[Sample], l2: f64, fixed_at_zero: &[bool], description: String) -> (QualityModel, Vec<f64>) {
        let names = feature_names();
        let dims = names.len();
        let n = samples.len().max(1) as f64;
        let mut mean = vec![0.0; dims];
        let mut scale = vec![0.0; dims];
        for sample in samples {
            for (m, v) in mean.iter_mut().zip(&sample.features) {
                *m += v / n;
            }
        }
        for sample in samples {
            for ((s, v), m) in scale.iter_mut().zip(&sample.features).zip(&mean) {
                *s += (v - m).powi(2) / n;
            }
        }
        // A feature that never varies, or is held at zero, gets no weight.
        let scale: Vec<f64> = scale
            .iter()
            .zip(names)
            .zip(fixed_at_zero)
            .map(|((s, name), fixed)| match () {
                _ if *fixed || *s <= 1e-12 => 0.0,
                _ if is_flag_feature(name) => 1.0,
                _ => s.sqrt(),
            })
            .collect();
        let standard: Vec<Vec<f64>> = samples
            .iter()
            .map(|sample| {
                sample
                    .features
                    .iter()
                    .zip(&mean)
                    .zip(&scale)
                    .map(|((v, m), s)| if *s > 0.0 { (v - m) / s } else { 0.0 })
                    .collect()
            })
            .collect();
        let labels: Vec<f64> = samples.iter().map(|s| f64::from(u8::from(s.major_error))).collect();

        // Step one: the direction, from pairs within groups where there are enough.
        let mut by_group: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (index, sample) in samples.iter().enumerate() {
            if let (Some(group), Some(_)) = (&sample.group, sample.gold) {
                by_group.entry(group).or_default().push(index);
            }
        }
        let mut pairs: Vec<(Vec<f64>, f64)> = Vec::new();
        for members in by_group.values() {
            for (a, &i) in members.iter().enumerate() {
                for &j in &members[a + 1..] {
                    let (gi, gj) = (samples[i].gold.unwrap_or(0.0), samples[j].gold.unwrap_or(0.0));
                    if (gi - gj).abs() <= PAIR_MARGIN {
                        continue;
                    }
                    let difference = standard[i].iter().zip(&standard[j]).map(|(x, y)| x - y).collect();
                    pairs.push((difference, f64::from(u8::from(gi < gj))));
                }
            }
        }
        let direction = if pairs.len() >= MIN_PAIRS {
            newton_logistic(&pairs, l2, false)
        } else {
            let rows: Vec<(Vec<f64>, f64)> = standard
                .iter()
                .zip(&labels)
                .map(|(z, y)| (std::iter::once(1.0).chain(z.iter().copied()).collect(), *y))
                .collect();
            newton_logistic(&rows, l2, true)[1..].to_vec()
        };

        // Step two: calibration over [1, ranking score].
        let rows: Vec<(Vec<f64>, f64)> =
            standard.iter().zip(&labels).map(|(z, y)| (vec![1.0, dot(&direction, z)], *y)).collect();
        let calibration = newton_logistic_with_intercept(&rows);
        // A direction that ranks the wrong way round on the labels carries no usable signal:
        // the model then gives every unit the base rate.
        let (bias, slope) = if calibration[1] > 0.0 {
            (calibration[0], calibration[1])
        } else {
            let rate = labels.iter().sum::<f64>() / n;
            ((rate / (1.0 - rate)).ln(), 0.0)
        };
        let beta: Vec<f64> = direction.iter().map(|w| slope * w).collect();

        // Back to the features' own units.
        let mut intercept = bias;
        let mut weights = vec![0.0; dims];
        for i in 0..dims {
            if scale[i] > 0.0 {
                weights[i] = beta[i] / scale[i];
                intercept -= weights[i] * mean[i];
            }
        }
        (QualityModel { intercept, weights, description }, direction)
    }
}

/// One judged unit for [`QualityModel::fit`].
#[derive(Debug, Clone)]
pub struct Sample {
    pub features: Vec<f64>,
    /// Whether humans found a major error in it.
    pub major_error: bool,
    /// Units that translate the same source share a group.
    pub group: Option<String>,
    /// The human score, higher is better, for comparing units of one group.
    pub gold: Option<f64>,
}

/// Two translations of one source are compared only when their human scores differ by more
/// than this (MQM points, DA z-scores).
const PAIR_MARGIN: f64 = 0.5;
/// Fewer pairs than this: the direction comes from the labels instead.
const MIN_PAIRS: usize = 200;

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Logistic regression by Newton's method with an L2 penalty on every weight; rows hold their
/// own intercept column when `with_intercept_column` (column 0, left unpenalised).
fn newton_logistic(rows: &[(Vec<f64>, f64)], l2: f64, with_intercept_column: bool) -> Vec<f64> {
    let size = rows.first().map_or(0, |(x, _)| x.len());
    let mut beta = vec![0.0; size];
    for _ in 0..30 {
        let mut gradient = vec![0.0; size];
        let mut hessian = vec![vec![0.0; size]; size];
        for (x, y) in rows {
            let p = 1.0 / (1.0 + (-dot(x, &beta)).exp());
            let w = (p * (1.0 - p)).max(1e-9);
            for i in 0..size {
                if x[i] == 0.0 {
                    continue;
                }
                gradient[i] += (p - y) * x[i];
                for j in i..size {
                    hessian[i][j] += w * x[i] * x[j];
                }
            }
        }
        for i in 0..size {
            // The hessian is symmetric: fill the lower triangle from the upper one.
            let (upper_rows, lower_rows) = hessian.split_at_mut(i);
            for (j, upper) in upper_rows.iter().enumerate() {
                lower_rows[0][j] = upper[i];
            }
            if i == 0 && with_intercept_column {
                hessian[i][i] += 1e-9;
            } else {
                gradient[i] += l2 * beta[i];
                hessian[i][i] += l2;
            }
        }
        let step = solve(hessian, gradient);
        let change: f64 = step.iter().map(|s| s.abs()).fold(0.0, f64::max);
        for (b, s) in beta.iter_mut().zip(&step) {
            *b -= s;
        }
        if change < 1e-8 {
            break;
        }
    }
    beta
}

/// Unpenalised logistic regression with an intercept column, for the calibration step.
fn newton_logistic_with_intercept(rows: &[(Vec<f64>, f64)]) -> Vec<f64> {
    newton_logistic(rows, 1e-6, true)
}

/// The probability of no major error, given the model's log-odds `z` of one.
fn no_error_probability(z: f64) -> f64 {
    1.0 / (1.0 + z.exp())
}

/// Whether a feature counts flags, whose weight may not be negative.
fn is_flag_feature(name: &str) -> bool {
    name.starts_with("detector:") || name.ends_with("_flags") || name == "penalty_per_word"
}

/// Whether a feature is evidence of an error, whose weight may not be negative: flag counts,
/// sentences not in English, and source words the English leaves out or English words the
/// source does not support. (On
/// WMT22 direct assessments, free but fluent translations cover fewer source words than literal
/// ones, so an unconstrained fit rewards low coverage, and would rank a hallucination as good.)
fn is_error_evidence(name: &str) -> bool {
    is_flag_feature(name) || matches!(name, "source_uncovered" | "target_unsupported" | "not_english")
}

/// Solves `a x = b` by Gaussian elimination with partial pivoting (a is symmetric positive
/// definite here, thanks to the L2 term).
fn solve(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Vec<f64> {
    let n = b.len();
    for column in 0..n {
        let pivot = (column..n).max_by(|&i, &j| a[i][column].abs().total_cmp(&a[j][column].abs())).unwrap_or(column);
        a.swap(column, pivot);
        b.swap(column, pivot);
        let diagonal = a[column][column];
        if diagonal.abs() < 1e-15 {
            continue;
        }
        for row in column + 1..n {
            let factor = a[row][column] / diagonal;
            if factor == 0.0 {
                continue;
            }
            let (pivot_rows, rows_below) = a.split_at_mut(row);
            for (cell, pivot) in rows_below[0][column..n].iter_mut().zip(&pivot_rows[column][column..n]) {
                *cell -= factor * pivot;
            }
            b[row] -= factor * b[column];
        }
    }
    let mut x = vec![0.0; n];
    for row in (0..n).rev() {
        let sum: f64 = (row + 1..n).map(|k| a[row][k] * x[k]).sum();
        x[row] = if a[row][row].abs() < 1e-15 { 0.0 } else { (b[row] - sum) / a[row][row] };
    }
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_weights_load_and_give_probabilities() {
        let model = &*DEFAULT;
        assert_eq!(model.weights.len(), feature_names().len());
        let doc = Doc::new("The council met on Monday.");
        let q = model.quality(&features(&doc, 0..1, &[]));
        assert!((0.0..=1.0).contains(&q), "{q}");
    }

    #[test]
    fn unknown_features_and_keys_are_errors() {
        let error = QualityModel::parse("description = \"x\"\nintercept = 0.0\n[weights]\nlm_slorr = 1.0\n", "w.toml")
            .unwrap_err();
        assert!(format!("{error:#}").contains("unknown feature 'lm_slorr'"), "{error:#}");
        assert!(QualityModel::parse("description = \"x\"\nintercept = 0.0\nbias = 1\n[weights]\n", "w.toml").is_err());
    }

    #[test]
    fn weights_survive_a_round_trip_through_toml() {
        let mut weights = vec![0.0; feature_names().len()];
        weights[6] = -1.25;
        weights[BASE_FEATURES.len()] = 0.5;
        let model = QualityModel { intercept: -0.75, weights, description: "test".into() };
        assert_eq!(QualityModel::parse(&model.to_toml(), "round trip").unwrap(), model);
    }

    #[test]
    fn fitting_recovers_the_direction_of_a_signal() {
        // The label follows lm_slor (index 6): low SLOR means a major error.
        let mut samples = Vec::new();
        for i in 0..400 {
            let mut x = vec![0.0; feature_names().len()];
            x[6] = (i % 20) as f64 / 10.0 - 1.0;
            x[0] = (i % 7) as f64;
            let noisy = (i * 7919) % 10 == 0;
            samples.push(Sample { major_error: (x[6] < 0.0) != noisy, features: x, group: None, gold: None });
        }
        let model = QualityModel::fit(&samples, 1.0, "test".into());
        assert!(model.weights[6] < -1.0, "{:?}", &model.weights[..13]);
        assert!(model.weights[0].abs() < 0.3, "an unrelated feature stays small: {}", model.weights[0]);
        let mut good = vec![0.0; feature_names().len()];
        good[6] = 0.8;
        let mut bad = good.clone();
        bad[6] = -0.8;
        assert!(model.quality(&good) > 0.8 && model.quality(&bad) < 0.2);
    }

    #[test]
    fn flag_counts_never_get_negative_weights() {
        // A detector whose flags fall mostly on good segments gets weight 0, not a bonus.
        let detector = BASE_FEATURES.len();
        let mut samples = Vec::new();
        for i in 0..300 {
            let mut x = vec![0.0; feature_names().len()];
            x[6] = (i % 10) as f64 / 5.0 - 1.0;
            let bad = x[6] < 0.0;
            x[detector] = f64::from(u8::from(!bad && i % 3 == 0));
            let gold = Some(x[6]);
            samples.push(Sample { features: x, major_error: bad, group: Some((i / 3).to_string()), gold });
        }
        let model = QualityModel::fit(&samples, 1.0, "test".into());
        assert_eq!(model.weights[detector], 0.0);
        assert!(model.weights[6] < 0.0);
    }

    #[test]
    fn features_count_flags_and_words() {
        let text = "The the report said the report was late.";
        let doc = Doc::new(text);
        let flag = Flag {
            start: 0,
            end: 7,
            detector: "repeated-words",
            category: crate::flag::Category::Grammar,
            severity: Severity::Minor,
            confidence: 1.0,
            message: String::new(),
            suggestion: None,
        };
        let x = features(&doc, 0..1, [&flag]);
        let names = feature_names();
        let value = |name: &str| x[names.iter().position(|n| n == name).unwrap()];
        assert_eq!(value("minor_flags"), 1.0);
        assert_eq!(value("detector:repeated-words"), 1.0);
        assert!((value("penalty_per_word") - 1.0 / 8.0).abs() < 1e-9);
        let model = &*DEFAULT;
        assert!(
            (model.quality(&x) - model.quality_of(&doc, 0..1, [&flag])).abs() < 1e-12,
            "a minor flag claims nothing"
        );
        let major = Flag { severity: Severity::Major, confidence: 0.8, ..flag.clone() };
        assert!(model.quality_of(&doc, 0..1, [&major]) <= 0.2 + 1e-12, "a major flag caps quality");
        assert_eq!(value("lm_no_known_words"), 0.0);
    }
}
