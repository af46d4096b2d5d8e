//! mtqe: reference-free quality estimation for machine-translated news.
//!
//! Data flows one way: [`read`] yields records, [`analysis`] builds one [`analysis::Doc`] per
//! article, [`detectors`] turn it into flags, [`score`] turns flags into MQM penalties and
//! scores, and [`parquet`] (the only module that touches polars) writes the tables.
//! [`pipeline`] drives it all in bounded, parallel batches.

pub mod adequacy;
pub mod analysis;
pub mod cli;
pub mod config;
pub mod detectors;
pub mod error;
pub mod eval;
pub mod fault;
pub mod filter;
pub mod flag;
pub mod interrupt;
pub mod language_model;
pub mod lexicon;
pub mod parquet;
pub mod pipeline;
pub mod profile;
pub mod quality;
pub mod read;
pub mod report;
pub mod score;
pub mod seen_ids;
#[cfg(test)]
mod test_random;
