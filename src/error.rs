//! Typed errors of the library. The binary adds context and maps them to exit codes.

use std::path::PathBuf;
use thiserror::Error;

/// The configuration file cannot be used.
#[derive(Debug, Error)]
pub enum ConfigError {
    /// The file could not be read.
    #[error("cannot read config file {path}: {error}")]
    Read { path: PathBuf, error: std::io::Error },
    /// The file is not valid TOML, has an unknown key, or a value out of range.
    #[error("invalid config file {path}: {message}")]
    Parse { path: PathBuf, message: String },
}

/// An input cannot be read at all. Row-level problems are rejects, not errors.
#[derive(Debug, Error)]
pub enum InputError {
    /// The path does not exist or cannot be opened.
    #[error("cannot open input {path}: {error}")]
    Open { path: PathBuf, error: std::io::Error },
    /// Reading failed part-way (a disk or decompression error).
    #[error("cannot read input {path}: {message}")]
    Read { path: PathBuf, message: String },
    /// A required column is absent from a file's header or schema.
    #[error("{path}: no column named '{column}' (columns found: {found}); use {flag} to name the right one")]
    MissingColumn { path: PathBuf, column: String, found: String, flag: &'static str },
    /// The format cannot be told from the extension and `--format` was not given.
    #[error("{path}: cannot tell the input format from the extension; use --format jsonl|json|csv|tsv|parquet|txt")]
    UnknownFormat { path: PathBuf },
    /// A row was rejected while `--strict` was given.
    #[error("{file}{location}: {reason} (stopping because of --strict)")]
    Strict { file: String, location: String, reason: String },
}

/// The output could not be written.
#[derive(Debug, Error)]
pub enum OutputError {
    #[error("cannot write output in {dir}: {message}")]
    Write { dir: PathBuf, message: String },
}
