//! Scoring a table held in memory, for programs that embed mtqe (the Python package): the same
//! run as `mtqe score`, with the same readers, detectors, scores and output tables, written to
//! an output directory that the caller reads back.

use crate::config::Config;
use crate::error::InputError;
use crate::pipeline::{RunOptions, Summary};
use crate::read::{ColumnNames, Format, Input, InputOrigin, MemoryTable};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// Where a run's configuration comes from.
#[derive(Debug, Clone)]
pub enum ConfigSource {
    /// The defaults, as `mtqe score` without `--config`.
    Default,
    /// A TOML file, as `--config`.
    File(PathBuf),
    /// The same settings as TOML text.
    Toml(String),
}

/// A scoring run over one table in memory.
#[derive(Debug, Clone)]
pub struct TableRun {
    pub table: Arc<MemoryTable>,
    /// How the table is named in rejects and messages, as a file name would be.
    pub name: String,
    pub id_column: String,
    pub text_column: String,
    /// The column of source-language text; None for English only, even when the table has a
    /// column called "source" (it is then carried through like any other).
    pub source_column: Option<String>,
    pub source_lang: String,
    pub config: ConfigSource,
    /// Quality-model weights written by `mtqe calibrate`, as `--weights`.
    pub weights: Option<PathBuf>,
    pub language_model: bool,
    /// Worker threads; all cores when None.
    pub threads: Option<usize>,
    pub strict: bool,
    pub keep_text: bool,
    pub out_dir: PathBuf,
}

/// Why a table cannot be scored.
#[derive(Debug, thiserror::Error)]
pub enum EmbeddedError {
    /// The id or text column is missing: the caller named the wrong one.
    #[error("the data has no column named '{column}' (its columns: {found}); pass {argument}= to name the right one")]
    MissingColumn { column: String, found: String, argument: &'static str },
    /// A bad row, with strict set.
    #[error("{0}")]
    Strict(String),
    /// A setting is wrong: the configuration, the weights, the thread count.
    #[error("{0}")]
    Setting(String),
    /// Anything else stopped the run, such as an output that could not be written.
    #[error("{0:#}")]
    Run(anyhow::Error),
}

/// Scores the table and writes the run's tables and manifest into `run.out_dir`.
pub fn score_table(run: TableRun) -> Result<Summary, EmbeddedError> {
    let found = run.table.column_names();
    let required =
        [(Some(&run.text_column), "text"), (Some(&run.id_column), "id"), (run.source_column.as_ref(), "source")];
    for (column, argument) in required {
        if let Some(column) = column.filter(|c| !found.contains(c)) {
            return Err(EmbeddedError::MissingColumn { column: column.clone(), found: found.join(", "), argument });
        }
    }
    // A name no column can have stands for "no source column".
    let source = run.source_column.as_deref().unwrap_or("\0no source");
    let columns = ColumnNames::new(&run.id_column, &run.text_column, source);
    let setting = |e: String| EmbeddedError::Setting(e);
    let mut config = match &run.config {
        ConfigSource::Default => Config::default(),
        ConfigSource::File(path) => Config::from_file(path).map_err(|e| setting(e.to_string()))?,
        ConfigSource::Toml(text) => Config::from_toml(text).map_err(|e| setting(format!("invalid config: {e}")))?,
    };
    config.analysis.language_model |= run.language_model;
    let quality = match &run.weights {
        Some(path) => crate::quality::QualityModel::from_file(path).map_err(|e| setting(format!("{e:#}")))?,
        None => crate::quality::default_model(config.analysis_options()).clone(),
    };
    let threads = run.threads.unwrap_or_else(crate::cli::default_threads);
    if threads == 0 {
        return Err(setting("threads must be at least 1".into()));
    }
    let input = Input {
        path: PathBuf::from(&run.name),
        display: run.name.clone(),
        format: Format::Arrow,
        bytes: run.table.text_bytes(&run.text_column),
        origin: InputOrigin::Memory,
        within_directory: None,
        table: Some(run.table.clone()),
    };
    let options = RunOptions {
        inputs: vec![input],
        skipped: Vec::new(),
        out_dir: run.out_dir,
        columns,
        source_lang: run.source_lang,
        config,
        strict: run.strict,
        threads,
        show_progress: false,
        keep_text: run.keep_text,
        progress_interval: Duration::from_secs(5),
        profile: false,
        quality,
    };
    crate::pipeline::run(&options).map_err(|error| match error.downcast_ref::<InputError>() {
        Some(strict @ InputError::Strict { .. }) => EmbeddedError::Strict(strict.to_string()),
        _ => EmbeddedError::Run(error),
    })
}
