//! mtqe: reference-free quality estimation for machine-translated news.
//!
//! Data flows one way: [`read`] yields records (Parquet input in `read::parquet`),
//! [`analysis`] builds one [`analysis::Doc`] per article, [`detectors`] turn it into flags,
//! [`score`] turns flags into MQM penalties and scores (the weights are in [`flag`], and the
//! calibrated quality in [`quality`]), and [`sink`] writes the tables. [`pipeline`] drives it all
//! in bounded, parallel batches. [`readback`] reads finished tables back for [`report`],
//! [`eval`] and [`filter`], and depends on none of them.
//!
//! polars is confined to the I/O modules: `read::parquet`, `read::table` (tables handed over in
//! memory), [`sink`] and [`readback`]. [`embedded`] runs the pipeline for the Python package.

pub mod adequacy;
pub mod analysis;
pub mod cli;
pub mod config;
pub mod detectors;
pub mod embedded;
pub mod error;
pub mod eval;
pub mod fault;
pub mod filter;
pub mod flag;
pub mod interrupt;
pub mod language_model;
pub mod lexicon;
pub mod pipeline;
pub mod profile;
pub mod quality;
pub mod read;
pub mod readback;
pub mod report;
pub mod score;
pub mod seen_ids;
pub mod sink;
#[cfg(test)]
mod test_random;
