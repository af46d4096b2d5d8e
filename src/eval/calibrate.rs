//! `mtqe calibrate`: fits the quality model to human judgements.
//!
//! Every gold item is scored as `mtqe eval` scores it, its quality features are computed over
//! the whole item, and it is labelled by whether humans found a major error in it:
//! - MQM (and spans-jsonl with scores): a penalty of 5 or more, one major error's weight;
//! - DEMETR: a perturbation of major or critical severity;
//! - WMT direct assessment: a raw score below 50, the point of the scale below which raters
//!   judge that meaning was lost.
//!
//! Only the chosen split is used (the dev half by default), so the test half stays unseen.

use super::gold::{self, GoldFormat, GoldItem};
use super::{predict, split_of};
use crate::config::Config;
use crate::quality::{QualityModel, Sample};
use anyhow::{Context, Result};
use std::path::PathBuf;

/// A DA raw score below this counts as a major error.
pub const DA_MAJOR_ERROR_BELOW: f64 = 50.0;
/// An MQM penalty of at least this counts as a major error.
pub const MQM_MAJOR_ERROR_PENALTY: f64 = 5.0;

pub struct CalibrateOptions {
    pub golds: Vec<(PathBuf, GoldFormat)>,
    pub config: Config,
    /// `dev`, `test` or `all` (gold without documents is `all`); None takes every item.
    pub split: Option<String>,
    pub no_source: bool,
    pub l2: f64,
    pub threads: usize,
    /// Also write every item's features and label as TSV, for analysis in a notebook.
    pub features_out: Option<PathBuf>,
}

/// What a calibration fitted, and on what.
pub struct Calibration {
    pub model: QualityModel,
    pub items: usize,
    pub major_errors: usize,
}

/// Whether humans found a major error in the item; None when the gold data does not say.
pub fn has_major_error(item: &GoldItem) -> Option<bool> {
    if let Some((kind, perturbed)) = &item.demetr {
        return Some(*perturbed && (kind.starts_with("critical") || kind.starts_with("major")));
    }
    if let Some(raw) = item.raw_score {
        return Some(raw < DA_MAJOR_ERROR_BELOW);
    }
    item.score.map(|score| score <= -MQM_MAJOR_ERROR_PENALTY)
}

pub fn run(options: &CalibrateOptions) -> Result<Calibration> {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(options.threads).build()?;
    let mut samples = Vec::new();
    let mut sources = Vec::new();
    let mut table = String::new();
    if options.features_out.is_some() {
        table.push_str("id\tgroup\tsplit\tgold_score\tmajor_error");
        for name in crate::quality::feature_names() {
            table.push('\t');
            table.push_str(name);
        }
        table.push('\n');
    }
    for (path, format) in &options.golds {
        let mut items = gold::read(path, *format)?;
        items.retain(|item| options.split.as_deref().is_none_or(|split| split_of(item) == split));
        items.retain(|item| has_major_error(item).is_some());
        anyhow::ensure!(
            !items.is_empty(),
            "{}: no labelled items in split {}",
            path.display(),
            options.split.as_deref().unwrap_or("(any)")
        );
        if options.no_source {
            items.iter_mut().for_each(|item| item.source = None);
        }
        let default = crate::quality::default_model(options.config.analysis_options());
        let predictions = pool.install(|| predict(&items, &options.config, default));
        let before = samples.len();
        for (item, prediction) in items.iter().zip(predictions) {
            // An item whose scoring failed (named on standard error) has no features to fit.
            if prediction.features.is_empty() {
                continue;
            }
            let label = has_major_error(item).context("kept items are labelled")?;
            if options.features_out.is_some() {
                use std::fmt::Write;
                let score = item.score.map_or(String::new(), |s| s.to_string());
                let group = item.group.as_deref().unwrap_or("");
                write!(table, "{}\t{group}\t{}\t{score}\t{}", item.id, split_of(item), u8::from(label))?;
                for value in &prediction.features {
                    write!(table, "\t{value}")?;
                }
                table.push('\n');
            }
            samples.push(Sample {
                features: prediction.features,
                major_error: label,
                group: item.group.as_ref().map(|g| format!("{}:{g}", path.display())),
                gold: item.score,
            });
        }
        let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().to_string());
        sources.push(format!("{name} ({format:?}, {} items)", samples.len() - before));
    }
    if let Some(path) = &options.features_out {
        std::fs::write(path, table).with_context(|| format!("cannot write {}", path.display()))?;
    }
    let major_errors = samples.iter().filter(|s| s.major_error).count();
    let description = format!(
        "fitted by mtqe {} calibrate on {}; split {}; {} items, {} with a major error; L2 {}{}{}",
        env!("CARGO_PKG_VERSION"),
        sources.join(", "),
        options.split.as_deref().unwrap_or("(any)"),
        samples.len(),
        major_errors,
        options.l2,
        if options.no_source { "; sources withheld" } else { "" },
        if options.config.analysis_options().language_model {
            "; with the language model"
        } else {
            "; without the language model"
        },
    );
    let model = QualityModel::fit(&samples, options.l2, description);
    Ok(Calibration { model, items: samples.len(), major_errors })
}
