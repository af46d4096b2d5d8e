//! Where a scoring run spends its time, for `mtqe score --profile`.
//!
//! Reading and writing are timed on their own threads in wall-clock seconds. Analysis steps,
//! detectors and scoring run on the worker threads, so their times are CPU seconds summed over
//! all workers: with two threads they add up to about twice the scoring wall time. Dividing the
//! bytes scored by a detector's seconds gives its cost as MB/s per core.

use serde::Serialize;

/// Re-exported for the detector loop, which times each detector with it.
pub use crate::analysis::StepClock;

/// The time one document took on a worker thread, by step.
#[derive(Debug, Clone, Default)]
pub struct DocTimings {
    /// Indexed like [`crate::analysis::ANALYSIS_STEPS`].
    pub analysis: [u64; crate::analysis::ANALYSIS_STEPS.len()],
    /// Indexed like the run's enabled detectors.
    pub detectors: Vec<u64>,
    pub scoring: u64,
}

/// One line of the profile: a step and the seconds spent in it.
#[derive(Debug, Clone, Serialize)]
pub struct StepCost {
    pub step: String,
    pub seconds: f64,
    /// Megabytes of article text per second of this step alone: its cost per core.
    pub mb_per_s: f64,
}

/// The whole run's profile, written to the manifest under `profile`.
#[derive(Debug, Clone, Serialize)]
pub struct Profile {
    /// Wall seconds the reader thread spent reading, decoding and validating input.
    pub read_seconds: f64,
    /// Wall seconds the scoring loop waited for the workers to score its batches.
    pub score_wall_seconds: f64,
    /// Wall seconds the writer thread spent building and writing Parquet row groups.
    pub write_seconds: f64,
    /// CPU seconds over all workers, per analysis step, per detector, and for scoring.
    pub analysis: Vec<StepCost>,
    pub detectors: Vec<StepCost>,
    pub scoring: StepCost,
}

/// Sums [`DocTimings`] as batches come back.
pub struct ProfileTotals {
    analysis: [u64; crate::analysis::ANALYSIS_STEPS.len()],
    detectors: Vec<(&'static str, u64)>,
    scoring: u64,
    pub read_nanos: u64,
    pub score_wall_nanos: u64,
}

impl ProfileTotals {
    pub fn new(detector_ids: &[&'static str]) -> Self {
        ProfileTotals {
            analysis: Default::default(),
            detectors: detector_ids.iter().map(|&id| (id, 0)).collect(),
            scoring: 0,
            read_nanos: 0,
            score_wall_nanos: 0,
        }
    }

    pub fn add(&mut self, doc: &DocTimings) {
        for (total, step) in self.analysis.iter_mut().zip(doc.analysis) {
            *total += step;
        }
        for ((_, total), step) in self.detectors.iter_mut().zip(&doc.detectors) {
            *total += step;
        }
        self.scoring += doc.scoring;
    }

    pub fn finish(self, write_nanos: u64, text_bytes: u64) -> Profile {
        let cost = |step: &str, nanos: u64| {
            let seconds = nanos as f64 / 1e9;
            StepCost { step: step.to_string(), seconds, mb_per_s: text_bytes as f64 / 1e6 / seconds.max(1e-9) }
        };
        Profile {
            read_seconds: self.read_nanos as f64 / 1e9,
            score_wall_seconds: self.score_wall_nanos as f64 / 1e9,
            write_seconds: write_nanos as f64 / 1e9,
            analysis: crate::analysis::ANALYSIS_STEPS.iter().zip(self.analysis).map(|(s, n)| cost(s, n)).collect(),
            detectors: self.detectors.iter().map(|&(id, n)| cost(id, n)).collect(),
            scoring: cost("scoring", self.scoring),
        }
    }
}

impl Profile {
    /// A plain-text table, most expensive steps first within each group.
    pub fn table(&self) -> String {
        let mut out = String::new();
        out.push_str(&format!(
            "wall seconds: reading (own thread) {:.3}, scoring (waiting for workers) {:.3}, writing (own thread) {:.3}\n",
            self.read_seconds, self.score_wall_seconds, self.write_seconds
        ));
        out.push_str(&format!("{:<34} {:>12} {:>14}\n", "CPU step", "CPU seconds", "MB/s per core"));
        let mut lines = |group: &[StepCost]| {
            let mut sorted: Vec<&StepCost> = group.iter().collect();
            sorted.sort_by(|a, b| b.seconds.total_cmp(&a.seconds));
            for cost in sorted {
                out.push_str(&format!("{:<34} {:>12.3} {:>14.1}\n", cost.step, cost.seconds, cost.mb_per_s));
            }
        };
        lines(&self.analysis);
        lines(&self.detectors);
        lines(std::slice::from_ref(&self.scoring));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn totals_sum_documents_and_convert_to_throughput() {
        let mut totals = ProfileTotals::new(&["a", "b"]);
        let doc =
            DocTimings { analysis: [1_000_000_000, 0, 0, 0, 0, 0, 0, 0], detectors: vec![500_000_000, 0], scoring: 0 };
        totals.add(&doc);
        totals.add(&doc);
        let profile = totals.finish(0, 4_000_000);
        assert_eq!(profile.analysis[0].seconds, 2.0);
        assert_eq!(profile.analysis[0].mb_per_s, 2.0);
        assert_eq!(profile.detectors[0].step, "a");
        assert_eq!(profile.detectors[0].seconds, 1.0);
        assert!(profile.table().lines().nth(2).unwrap().starts_with("character index"));
    }
}
