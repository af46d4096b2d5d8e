//! Reading a finished run back for people to look at: `mtqe report` writes one self-contained
//! HTML page with the run's overview and its worst documents, and `mtqe show` prints one
//! article in the terminal with its flagged spans marked.
//!
//! Both read the run's Parquet tables in chunks of row groups (see [`crate::readback::scan_table`]),
//! keeping only aggregates and the few documents they show, so that memory stays bounded on a
//! run of any size.

pub mod html;
mod pieces;
mod run;
pub mod terminal;

pub use run::{
    read_document, read_overview, DocumentRow, DocumentView, FlagRow, Histogram, LinkRow, RunOverview, SegmentRow,
};

/// Severities from least to most severe, as written in `flags.parquet`.
pub const SEVERITIES: [&str; 3] = ["minor", "major", "critical"];

/// The rank of a severity in [`SEVERITIES`]; an unknown one counts as minor.
pub fn severity_rank(severity: &str) -> usize {
    SEVERITIES.iter().position(|s| *s == severity).unwrap_or(0)
}
