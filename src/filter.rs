//! `mtqe filter`: keeps the input rows whose scores pass, as corpus builders do with OpusFilter
//! and bicleaner.
//!
//! The rows that pass are written to `--out` unchanged, every column and its order kept, in the
//! input's format (JSON Lines or Parquet). The rows that fail go to a second file with their
//! reasons: a `mtqe_reasons` list first in each JSON object, or a `mtqe_reasons` column for
//! Parquet. The scores come from a finished run (`--from-run DIR`), or from scoring the inputs
//! first. Both files are written under temporary names and renamed into place at the end.

use crate::read::{self, Format, Input};
use crate::readback::scan_table;
use anyhow::{bail, Context, Result};
use rustc_hash::FxHashMap;
use std::io::{BufRead, BufWriter, Write};
use std::path::{Path, PathBuf};

/// What a row must meet to be kept. A row fails when any criterion given fails.
#[derive(Debug, Clone, Default)]
pub struct Criteria {
    /// Keep documents whose penalty is at most this.
    pub max_penalty: Option<f64>,
    /// Keep documents whose quality is at least this.
    pub min_quality: Option<f64>,
    /// Drop documents flagged by any of these detectors.
    pub drop_detectors: Vec<String>,
}

impl Criteria {
    pub fn is_empty(&self) -> bool {
        self.max_penalty.is_none() && self.min_quality.is_none() && self.drop_detectors.is_empty()
    }
}

/// Why each scored document fails, keyed by id; an empty list means it passes.
pub type Verdicts = FxHashMap<String, Vec<String>>;

/// Reads the verdicts of every document of the run in `run` under `criteria`.
pub fn verdicts(run: &Path, criteria: &Criteria) -> Result<Verdicts> {
    let documents = run.join("documents.parquet");
    if !documents.exists() {
        bail!("{} has no documents.parquet; is it the output directory of `mtqe score`?", run.display());
    }
    let mut verdicts = Verdicts::default();
    scan_table(&documents, &["doc_id", "penalty", "quality"], |chunk| {
        let ids = chunk.text("doc_id").context("documents.parquet has no doc_id column")?;
        for (row, id) in ids.iter().enumerate() {
            let Some(id) = id else { continue };
            let mut reasons = Vec::new();
            let penalty = chunk.number("penalty").and_then(|p| p[row]).unwrap_or(0.0);
            if criteria.max_penalty.is_some_and(|max| penalty > max) {
                reasons.push(format!("penalty {penalty} is above {}", criteria.max_penalty.unwrap_or_default()));
            }
            if let Some(min) = criteria.min_quality {
                match chunk.number("quality").and_then(|q| q[row]) {
                    Some(quality) if quality < min => reasons.push(format!("quality {quality:.3} is below {min}")),
                    None => reasons.push("the run has no quality for it".into()),
                    Some(_) => {}
                }
            }
            verdicts.insert(id.clone(), reasons);
        }
        Ok(())
    })?;
    if !criteria.drop_detectors.is_empty() {
        let mut counts: FxHashMap<(String, String), usize> = FxHashMap::default();
        scan_table(&run.join("flags.parquet"), &["doc_id", "detector"], |chunk| {
            let (Some(ids), Some(detectors)) = (chunk.text("doc_id"), chunk.text("detector")) else { return Ok(()) };
            for (id, detector) in ids.iter().zip(detectors) {
                if let (Some(id), Some(detector)) = (id, detector) {
                    if criteria.drop_detectors.contains(detector) {
                        *counts.entry((id.clone(), detector.clone())).or_default() += 1;
                    }
                }
            }
            Ok(())
        })?;
        let mut flagged: Vec<_> = counts.into_iter().collect();
        flagged.sort();
        for ((id, detector), count) in flagged {
            if let Some(reasons) = verdicts.get_mut(&id) {
                reasons.push(format!("flagged by {detector} ({count}×)"));
            }
        }
    }
    Ok(verdicts)
}

/// Why a row that the run did not score is not kept.
const NOT_SCORED: &str = "not scored: the run rejected this row (see its rejects.jsonl)";

/// How many rows went where.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Filtered {
    pub kept: u64,
    pub rejected: u64,
}

/// The file format `filter` writes for these inputs: that of all of them.
pub fn output_format(inputs: &[Input]) -> Result<Format> {
    let Some(first) = inputs.first() else { bail!("no input to filter") };
    let format = match first.format {
        Format::Jsonl | Format::Parquet => first.format,
        other => bail!(
            "{}: filter writes JSON Lines or Parquet, in the input's own format; {other:?} input is not supported",
            first.display
        ),
    };
    if let Some(other) = inputs.iter().find(|i| i.format != format) {
        bail!(
            "{} is {:?} but {} is {:?}: filter inputs must all have one format",
            other.display,
            other.format,
            first.display,
            format
        );
    }
    Ok(format)
}

/// Writes the rows of `inputs` that pass to `kept` and the others, with their reasons, to
/// `rejected`, each completely or not at all.
pub fn write(inputs: &[Input], id_column: &str, verdicts: &Verdicts, kept: &Path, rejected: &Path) -> Result<Filtered> {
    let format = output_format(inputs)?;
    let temporary = |path: &Path| -> PathBuf {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
    };
    let (kept_tmp, rejected_tmp) = (temporary(kept), temporary(rejected));
    let temporaries = [kept_tmp.clone(), rejected_tmp.clone()];
    crate::interrupt::register(&temporaries);
    // As in scoring, a later row with an id already seen is not the scored one.
    let seen = std::cell::RefCell::new(rustc_hash::FxHashSet::<String>::default());
    let reasons_of = |id: Option<&str>| -> Vec<String> {
        match id {
            Some(id) if !seen.borrow_mut().insert(id.to_owned()) => vec![format!("the id '{id}' came before")],
            Some(id) => verdicts.get(id).cloned().unwrap_or_else(|| vec![NOT_SCORED.to_string()]),
            None => vec![format!("no '{id_column}' value")],
        }
    };
    let written = match format {
        Format::Parquet => crate::readback::filter_parquet(inputs, id_column, &reasons_of, &kept_tmp, &rejected_tmp)
            .map(|(kept, rejected)| Filtered { kept, rejected }),
        _ => filter_json_lines(inputs, id_column, &reasons_of, &kept_tmp, &rejected_tmp),
    };
    let renamed = written.and_then(|counts| {
        std::fs::rename(&kept_tmp, kept).with_context(|| format!("cannot write {}", kept.display()))?;
        std::fs::rename(&rejected_tmp, rejected).with_context(|| format!("cannot write {}", rejected.display()))?;
        Ok(counts)
    });
    if renamed.is_err() {
        let _ = std::fs::remove_file(&kept_tmp);
        let _ = std::fs::remove_file(&rejected_tmp);
    }
    crate::interrupt::forget(&temporaries);
    renamed
}

fn filter_json_lines(
    inputs: &[Input],
    id_column: &str,
    reasons_of: &dyn Fn(Option<&str>) -> Vec<String>,
    kept: &Path,
    rejected: &Path,
) -> Result<Filtered> {
    let create = |path: &Path| -> Result<BufWriter<std::fs::File>> {
        Ok(BufWriter::new(std::fs::File::create(path).with_context(|| format!("cannot write {}", path.display()))?))
    };
    let (mut kept_out, mut rejected_out) = (create(kept)?, create(rejected)?);
    let mut counts = Filtered::default();
    for input in inputs {
        let reader = std::io::BufReader::new(read::open_decompressed(&input.path, Default::default())?);
        for line in reader.split(b'\n') {
            let line = line.with_context(|| format!("cannot read {}", input.display))?;
            let trimmed = line.strip_suffix(b"\r").unwrap_or(&line);
            if trimmed.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let object = serde_json::from_slice::<serde_json::Map<String, serde_json::Value>>(trimmed).ok();
            let id = object.as_ref().and_then(|o| match o.get(id_column) {
                Some(serde_json::Value::String(id)) => Some(id.clone()),
                Some(serde_json::Value::Number(n)) => Some(n.to_string()),
                _ => None,
            });
            let reasons = match (&object, &id) {
                (None, _) => vec!["not a JSON object".to_string()],
                (Some(_), id) => reasons_of(id.as_deref()),
            };
            if reasons.is_empty() {
                kept_out.write_all(trimmed)?;
                kept_out.write_all(b"\n")?;
                counts.kept += 1;
                continue;
            }
            // The reasons go first; the rest of the object follows byte for byte.
            let listed = serde_json::to_string(&reasons)?;
            let text = String::from_utf8_lossy(trimmed);
            let body = text.trim_start();
            match (object.is_some(), body.strip_prefix('{')) {
                (true, Some(rest)) if rest.trim_start().starts_with('}') => {
                    writeln!(rejected_out, "{{\"mtqe_reasons\": {listed}}}")?
                }
                (true, Some(rest)) => writeln!(rejected_out, "{{\"mtqe_reasons\": {listed},{rest}")?,
                _ => writeln!(rejected_out, "{}", serde_json::json!({ "mtqe_reasons": reasons, "mtqe_line": text }))?,
            }
            counts.rejected += 1;
        }
    }
    kept_out.flush()?;
    rejected_out.flush()?;
    Ok(counts)
}

/// The file for the rows that fail, when `--rejected` is not given: `kept.jsonl` gives
/// `kept.rejected.jsonl`.
pub fn default_rejected_path(kept: &Path) -> PathBuf {
    let name = kept.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let rejected = match name.rsplit_once('.') {
        Some((stem, extension)) => format!("{stem}.rejected.{extension}"),
        None => format!("{name}.rejected"),
    };
    kept.with_file_name(rejected)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rejected_file_sits_beside_the_kept_one() {
        assert_eq!(default_rejected_path(Path::new("out/kept.jsonl")), Path::new("out/kept.rejected.jsonl"));
        assert_eq!(default_rejected_path(Path::new("corpus.parquet")), Path::new("corpus.rejected.parquet"));
        assert_eq!(default_rejected_path(Path::new("kept")), Path::new("kept.rejected"));
    }
}
