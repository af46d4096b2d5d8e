//! Command-line arguments, turned once into validated [`RunOptions`].

use crate::config::Config;
use crate::pipeline::RunOptions;
use crate::read::{self, ColumnNames, Format, Input};
use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "mtqe",
    version,
    about = "Find translation errors in machine-translated news, without a reference translation."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Score a corpus and write its flags, segments and documents as Parquet tables.
    #[command(after_help = SCORE_HELP)]
    Score(ScoreArgs),
    /// List the detectors with their id, MQM category, default severity and documentation.
    Detectors {
        /// Show only this detector, with its full documentation.
        id: Option<String>,
    },
    /// Print the default configuration as TOML, as a starting point for --config.
    DefaultConfig,
    /// Measure flags and scores against human error annotations and write a report.
    Eval(EvalArgs),
    /// Fit the quality model's weights to human judgements (any format `mtqe eval` reads).
    Calibrate(CalibrateArgs),
    /// Write one self-contained HTML page about a finished run: its overview, its worst
    /// documents, and each of them with its flagged spans highlighted.
    #[command(after_help = "Example:\n  mtqe report out/sample --html out/sample/report.html")]
    Report(ReportArgs),
    /// Keep the input rows whose scores pass, every column unchanged, in the input's format;
    /// write the others, with their reasons, to a second file.
    #[command(after_help = "Examples:\n  mtqe filter corpus.jsonl --out kept.jsonl --max-penalty 5\n  \
        mtqe filter corpus.parquet --from-run out/corpus --out kept.parquet --min-quality 0.5 --drop-detector non-translation")]
    Filter(FilterArgs),
    /// Print one article of a finished run with its flagged spans marked and its flags below.
    #[command(after_help = "Example:\n  mtqe show out/sample de-en-0001")]
    Show(ShowArgs),
}

#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// The output directory of `mtqe score`.
    pub run: PathBuf,
    /// Where to write the page.
    #[arg(long)]
    pub html: PathBuf,
    /// How many of the worst documents the page shows in full.
    #[arg(long, default_value_t = 200)]
    pub top: usize,
}

#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("criteria").required(true).multiple(true)))]
pub struct FilterArgs {
    /// Input files or directories, all JSON Lines (plain, .gz or .zst) or all Parquet.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Where to write the rows that pass, in the inputs' format.
    #[arg(long, short)]
    pub out: PathBuf,
    /// Where to write the rows that fail, with their reasons; by default beside --out
    /// (kept.jsonl gives kept.rejected.jsonl).
    #[arg(long)]
    pub rejected: Option<PathBuf>,
    /// Keep documents whose penalty is at most this.
    #[arg(long, group = "criteria")]
    pub max_penalty: Option<f64>,
    /// Keep documents whose quality (the probability of no major error) is at least this.
    #[arg(long, group = "criteria")]
    pub min_quality: Option<f64>,
    /// Drop documents flagged by this detector; repeat for several.
    #[arg(long, group = "criteria")]
    pub drop_detector: Vec<String>,
    /// Take the scores from this finished `mtqe score` run of the same inputs, instead of
    /// scoring them first.
    #[arg(long)]
    pub from_run: Option<PathBuf>,
    /// Column holding the document id.
    #[arg(long, default_value = "id")]
    pub id_col: String,
    /// Column holding the English text (when scoring).
    #[arg(long, default_value = "text")]
    pub text_col: String,
    /// Column holding the original text, if any (when scoring).
    #[arg(long, default_value = "source")]
    pub source_col: String,
    /// TOML configuration for the detectors (when scoring).
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Quality model weights (when scoring).
    #[arg(long)]
    pub weights: Option<PathBuf>,
    /// Run the English language model (when scoring).
    #[arg(long)]
    pub language_model: bool,
    /// Worker threads (when scoring); the default is all cores.
    #[arg(long)]
    pub threads: Option<usize>,
}

impl FilterArgs {
    pub fn criteria(&self) -> crate::filter::Criteria {
        crate::filter::Criteria {
            max_penalty: self.max_penalty,
            min_quality: self.min_quality,
            drop_detectors: self.drop_detector.clone(),
        }
    }

    /// The options to score the inputs with, into `out`, when there is no --from-run.
    pub fn score_options(&self, out: PathBuf) -> Result<RunOptions> {
        let args = ScoreArgs {
            inputs: self.inputs.clone(),
            out,
            format: None,
            id_col: self.id_col.clone(),
            text_col: self.text_col.clone(),
            source_col: self.source_col.clone(),
            no_header: false,
            columns: None,
            include_hidden: false,
            quoted_tsv: false,
            source_lang: "de".into(),
            config: self.config.clone(),
            threads: self.threads,
            strict: false,
            quiet: true,
            keep_text: false,
            progress_interval: 5.0,
            max_text_chars: None,
            profile: false,
            weights: self.weights.clone(),
            language_model: self.language_model,
        };
        Ok(args.into_options()?.0)
    }
}

#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// The output directory of `mtqe score`.
    pub run: PathBuf,
    /// The document's id, as in documents.parquet.
    pub doc_id: String,
    /// Colour the flagged spans; `auto` colours on a terminal unless NO_COLOR is set, and
    /// otherwise marks them as [[…]]¹.
    #[arg(long, value_enum, default_value = "auto")]
    pub color: crate::report::terminal::ColorChoice,
}

#[derive(Debug, clap::Args)]
pub struct CalibrateArgs {
    /// Annotated gold files (for wmt-da, a folder); repeat to fit on several at once.
    #[arg(long, required = true)]
    pub gold: Vec<PathBuf>,
    /// Their format; guessed from each name when not given.
    #[arg(long, value_enum)]
    pub gold_format: Option<crate::eval::gold::GoldFormat>,
    /// Which half to fit on: dev, test or all (gold without documents); `any` takes every item.
    #[arg(long, default_value = "dev")]
    pub split: String,
    /// TOML configuration for the detectors, as for `mtqe score`.
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Ignore the source texts in the gold data.
    #[arg(long)]
    pub no_source: bool,
    /// Strength of the L2 penalty on the standardised weights.
    #[arg(long, default_value_t = 1.0)]
    pub l2: f64,
    /// Where to write the weights (TOML), for `mtqe score --weights`.
    #[arg(long, short)]
    pub out: PathBuf,
    /// Also write every item's features and label as TSV, to study them.
    #[arg(long)]
    pub features_out: Option<PathBuf>,
    /// Run the English language model, so that its features are fitted too.
    #[arg(long)]
    pub language_model: bool,
    /// Worker threads; the default is all cores.
    #[arg(long)]
    pub threads: Option<usize>,
}

impl CalibrateArgs {
    pub fn into_options(self) -> Result<crate::eval::calibrate::CalibrateOptions> {
        let config = load_config(self.config.as_ref(), self.language_model)?;
        let format = self.gold_format;
        Ok(crate::eval::calibrate::CalibrateOptions {
            golds: self
                .gold
                .into_iter()
                .map(|path| {
                    let guessed = format.unwrap_or_else(|| crate::eval::gold::GoldFormat::guess(&path));
                    (path, guessed)
                })
                .collect(),
            config,
            split: (self.split != "any").then_some(self.split),
            no_source: self.no_source,
            l2: self.l2,
            threads: self.threads.unwrap_or_else(default_threads),
            features_out: self.features_out,
        })
    }
}

/// Every core, when `--threads` is not given.
pub fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// The quality model: the file given, or the default weights for the run's analysis.
fn quality_model(weights: Option<&PathBuf>, config: &Config) -> Result<crate::quality::QualityModel> {
    match weights {
        Some(path) => crate::quality::QualityModel::from_file(path),
        None => Ok(crate::quality::default_model(config.analysis_options()).clone()),
    }
}

/// The configuration file given, or the defaults, with `--language-model` applied.
fn load_config(path: Option<&PathBuf>, language_model: bool) -> Result<Config> {
    let mut config = match path {
        Some(path) => Config::from_file(path)?,
        None => Config::default(),
    };
    config.analysis.language_model |= language_model;
    Ok(config)
}

#[derive(Debug, clap::Args)]
pub struct EvalArgs {
    /// The annotated gold file (for wmt-da, its folder).
    #[arg(long)]
    pub gold: PathBuf,
    /// Its format; guessed from the name when not given (a folder or "seg-scores": wmt-da;
    /// .tsv: wmt-mqm; "demetr": demetr).
    #[arg(long, value_enum)]
    pub gold_format: Option<crate::eval::gold::GoldFormat>,
    /// TOML configuration for the detectors, as for `mtqe score`.
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Evaluate an existing `mtqe score` output directory (document ids must match gold ids).
    #[arg(long)]
    pub pred: Option<PathBuf>,
    /// Output directory for report.md and the detail tables.
    #[arg(long, short)]
    pub out: PathBuf,
    /// Worker threads; the default is all cores.
    #[arg(long)]
    pub threads: Option<usize>,
    /// Ignore the source texts in the gold data, to measure mtqe on the English alone.
    #[arg(long)]
    pub no_source: bool,
    /// Quality-model weights written by `mtqe calibrate`, instead of the default ones.
    #[arg(long)]
    pub weights: Option<PathBuf>,
    /// Run the English language model (as `[analysis] language-model = true`).
    #[arg(long)]
    pub language_model: bool,
}

impl EvalArgs {
    pub fn into_options(self) -> Result<crate::eval::EvalOptions> {
        let config = load_config(self.config.as_ref(), self.language_model)?;
        Ok(crate::eval::EvalOptions {
            format: self.gold_format.unwrap_or_else(|| crate::eval::gold::GoldFormat::guess(&self.gold)),
            gold: self.gold,
            pred: self.pred,
            out: self.out,
            threads: self.threads.unwrap_or_else(default_threads),
            no_source: self.no_source,
            quality: quality_model(self.weights.as_ref(), &config)?,
            config,
        })
    }
}

const SCORE_HELP: &str = "\
Outputs, in --out DIR (written under temporary names, renamed into place when the run succeeded):
  flags.parquet       one row per flag: span, detector, category, severity, message, suggestion
  segments.parquet    one row per sentence: text, penalty, score, quality
  documents.parquet   one row per article: penalties, score, quality, and the carried columns
  alignments.parquet  with a source column only: the source sentences aligned to each segment
  rejects.jsonl       the rows that could not be scored, with file, line and reason
  manifest.json       inputs, configuration, counts and timings; written last

Exit codes:
  0  every row was scored
  1  the run finished, but some rows were rejected (see rejects.jsonl)
  2  an error stopped the run, and nothing was written
  130  the run was interrupted (SIGINT, SIGTERM); its temporary files were removed

Example:
  mtqe score articles.jsonl --out out/articles --source-col source";

#[derive(Debug, clap::Args)]
pub struct ScoreArgs {
    /// Input files or directories (JSON Lines, CSV, TSV, Parquet, .txt); `-` reads JSON Lines from
    /// standard input. Without any, the bundled sample corpus is scored.
    pub inputs: Vec<PathBuf>,
    /// Output directory.
    #[arg(long, short, default_value = "mtqe-output")]
    pub out: PathBuf,
    /// Input format, overriding the file extensions.
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Column holding the document id.
    #[arg(long, default_value = "id")]
    pub id_col: String,
    /// Column holding the English (machine-translated) text.
    #[arg(long, default_value = "text")]
    pub text_col: String,
    /// Column holding the original text, if any.
    #[arg(long, default_value = "source")]
    pub source_col: String,
    /// Score hidden files and folders (names starting with a dot) found in input directories;
    /// by default they are skipped and listed in the manifest.
    #[arg(long)]
    pub include_hidden: bool,
    /// Read TSV with quotation marks quoting fields, as CSV does (for TSV written by a CSV
    /// library); by default a TSV field is everything between two tabs, quotation marks
    /// included, as the IANA TSV format has it.
    #[arg(long)]
    pub quoted_tsv: bool,
    /// CSV and TSV files have no header row (as bicleaner's and OpusFilter's TSV files); name
    /// their fields with --columns.
    #[arg(long, requires = "columns")]
    pub no_header: bool,
    /// With --no-header: the name of each field, in order, such as `id,text,source`; `_` leaves
    /// a field out. Without an id field, rows are named by file and line.
    #[arg(long, value_delimiter = ',', requires = "no_header")]
    pub columns: Option<Vec<String>>,
    /// Language of the source column (ISO 639-1).
    #[arg(long, default_value = "de")]
    pub source_lang: String,
    /// TOML configuration: detectors on or off, severities, thresholds (see `mtqe default-config`).
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Worker threads; the default is all cores.
    #[arg(long)]
    pub threads: Option<usize>,
    /// Stop at the first row that cannot be scored instead of recording it in rejects.jsonl.
    #[arg(long)]
    pub strict: bool,
    /// No progress bar and no summary.
    #[arg(long, short)]
    pub quiet: bool,
    /// Also write each article's text, and its source when the input has one, into
    /// documents.parquet (columns `text` and `source`), so that no second input is needed.
    #[arg(long)]
    pub keep_text: bool,
    /// When standard error is not a terminal (a batch job, nohup), write a progress line every
    /// this many seconds instead of a progress bar.
    #[arg(long, default_value_t = 5.0, value_name = "SECONDS")]
    pub progress_interval: f64,
    /// Reject texts longer than this many characters (overrides the config file).
    #[arg(long)]
    pub max_text_chars: Option<usize>,
    /// Time reading, each analysis step, each detector, scoring and writing; print the table and
    /// record it in manifest.json under `profile`.
    #[arg(long)]
    pub profile: bool,
    /// Quality-model weights written by `mtqe calibrate`, instead of the default ones.
    #[arg(long)]
    pub weights: Option<PathBuf>,
    /// Run the English language model: fills the lm_* columns and lets the quality score use
    /// fluency (as `[analysis] language-model = true`; about halves throughput).
    #[arg(long)]
    pub language_model: bool,
}

/// The bundled sample corpus, compiled in so `mtqe score` works from any directory.
pub const SAMPLE_NAME: &str = "data/sample/articles.jsonl";
const SAMPLE: &str = include_str!("../data/sample/articles.jsonl");

/// Where a run's inputs came from, for the messages printed around it.
pub enum InputOrigin {
    Given,
    /// The bundled sample, written to this temporary file for the run.
    Sample(tempfile_path::TempPath),
    /// Standard input, spooled to this temporary file so it can be scanned before reading.
    Stdin(tempfile_path::TempPath),
}

impl ScoreArgs {
    pub fn into_options(self) -> Result<(RunOptions, InputOrigin)> {
        let mut config = load_config(self.config.as_ref(), self.language_model)?;
        if let Some(max) = self.max_text_chars {
            anyhow::ensure!(max > 0, "--max-text-chars must be at least 1");
            config.input.max_text_chars = max;
        }
        let columns = ColumnNames {
            fields: self.columns.clone(),
            quoted_tsv: self.quoted_tsv,
            ..ColumnNames::new(&self.id_col, &self.text_col, &self.source_col)
        };
        if let Some(fields) = &columns.fields {
            anyhow::ensure!(
                fields.contains(&columns.text),
                "--columns {} names no '{}' field; name the text field so, or say which one it is with --text-col",
                fields.join(","),
                columns.text
            );
            let named: Vec<&String> = fields.iter().filter(|f| *f != read::IGNORED_FIELD).collect();
            let mut unique = named.clone();
            unique.sort();
            unique.dedup();
            anyhow::ensure!(unique.len() == named.len(), "--columns {} names a field twice", fields.join(","));
        }
        let threads = self.threads.unwrap_or_else(default_threads);
        anyhow::ensure!(threads > 0, "--threads must be at least 1");
        let mut origin = InputOrigin::Given;
        let (inputs, skipped) = if self.inputs.is_empty() {
            let path = tempfile_path::TempPath::write("sample.jsonl", SAMPLE.as_bytes())?;
            let input = Input {
                path: path.path().to_owned(),
                display: SAMPLE_NAME.into(),
                format: Format::Jsonl,
                bytes: SAMPLE.len() as u64,
                origin: read::InputOrigin::BundledSample,
                within_directory: None,
                table: None,
            };
            origin = InputOrigin::Sample(path);
            (vec![input], vec![])
        } else if self.inputs.len() == 1 && self.inputs[0].as_os_str() == "-" {
            let mut stdin = std::io::stdin().lock();
            let path =
                tempfile_path::TempPath::copy_from("stdin.jsonl", &mut stdin).context("cannot read standard input")?;
            let bytes = std::fs::metadata(path.path())?.len();
            let input = Input {
                path: path.path().to_owned(),
                display: "-".into(),
                format: self.format.unwrap_or(Format::Jsonl),
                bytes,
                origin: read::InputOrigin::StandardInput,
                within_directory: None,
                table: None,
            };
            origin = InputOrigin::Stdin(path);
            (vec![input], vec![])
        } else {
            anyhow::ensure!(
                !self.inputs.iter().any(|p| p.as_os_str() == "-"),
                "`-` (standard input) cannot be combined with other inputs"
            );
            let search = read::InputSearch {
                forced: self.format,
                include_hidden: self.include_hidden,
                exclude: Some(self.out.clone()),
            };
            read::resolve_inputs(&self.inputs, &search)?
        };
        anyhow::ensure!(
            !inputs.is_empty(),
            "no input files with a known extension (.jsonl, .csv, .tsv, .parquet, .txt) were found"
        );
        let options = RunOptions {
            inputs,
            skipped,
            out_dir: self.out,
            columns,
            source_lang: self.source_lang,
            strict: self.strict,
            threads,
            show_progress: !self.quiet,
            keep_text: self.keep_text,
            progress_interval: std::time::Duration::try_from_secs_f64(self.progress_interval)
                .context("--progress-interval must be a number of seconds, 0 or more")?,
            profile: self.profile,
            quality: quality_model(self.weights.as_ref(), &config)?,
            config,
        };
        Ok((options, origin))
    }
}

/// A file in the system temporary directory that is deleted when dropped.
pub mod tempfile_path {
    use std::io::Read;
    use std::path::{Path, PathBuf};

    pub struct TempPath(PathBuf);

    impl TempPath {
        fn fresh(name: &str) -> PathBuf {
            let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
            std::env::temp_dir().join(format!("mtqe-{}-{nanos}-{name}", std::process::id()))
        }

        pub fn write(name: &str, bytes: &[u8]) -> std::io::Result<TempPath> {
            let path = Self::fresh(name);
            std::fs::write(&path, bytes)?;
            Ok(TempPath(path))
        }

        pub fn copy_from(name: &str, reader: &mut impl Read) -> std::io::Result<TempPath> {
            let path = TempPath(Self::fresh(name));
            let mut file = std::fs::File::create(&path.0)?;
            std::io::copy(reader, &mut file)?;
            Ok(path)
        }

        pub fn path(&self) -> &Path {
            &self.0
        }
    }

    impl Drop for TempPath {
        fn drop(&mut self) {
            let _ = std::fs::remove_file(&self.0);
        }
    }
}
