//! The scoring run: inputs are read in bounded batches, each batch is analysed and scored in
//! parallel, and a single writer thread appends the results in input order.
//!
//! Memory is bounded by the batch size, not the corpus size. Outputs go to temporary names and
//! are renamed into place only when everything succeeded; `manifest.json` is renamed last, so a
//! directory without it holds no complete run.

use crate::analysis::Doc;
use crate::config::{Config, InputSettings};
use crate::detectors::repeated_translation::{
    self, RepeatFlag, RepeatIndex, RepeatedTranslation, RepeatedTranslationSettings, SentencePrint,
};
use crate::detectors::{self, ConfiguredDetector, Detector, DetectorInfo};
use crate::error::{InputError, OutputError};
use crate::flag::Severity;
use crate::profile::{DocTimings, Profile, ProfileTotals};
use crate::quality::QualityModel;
use crate::read::{self, ColumnNames, Input, Item, MetaColumns, Record, RecordReader, Reject, RejectReason};
use crate::score::{score_document, FlagRow, ScoredDoc};
use crate::seen_ids::SeenIds;
use crate::sink::{KeptText, TableWriters};
use anyhow::{Context, Result};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicU64;
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Everything a scoring run needs, validated.
pub struct RunOptions {
    pub inputs: Vec<Input>,
    /// Files found in input directories whose format is unknown; listed in the manifest.
    pub skipped: Vec<PathBuf>,
    pub out_dir: PathBuf,
    pub columns: ColumnNames,
    pub source_lang: String,
    pub config: Config,
    pub strict: bool,
    pub threads: usize,
    pub show_progress: bool,
    /// Write the article text, and the source, into `documents.parquet` (`--keep-text`).
    pub keep_text: bool,
    /// Time between progress lines when standard error is not a terminal.
    pub progress_interval: Duration,
    /// Time every stage and detector, and record the result in the manifest.
    pub profile: bool,
    /// The model behind the `quality` columns.
    pub quality: QualityModel,
}

/// What a finished run reports.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Counts {
    pub documents: u64,
    pub segments: u64,
    pub flags: u64,
    pub rejects: u64,
    pub words: u64,
    /// Bytes of article text scored.
    pub text_bytes: u64,
    pub flags_by_detector: BTreeMap<String, u64>,
    /// Documents that came with a source text (the source-aware detectors ran on these).
    pub documents_with_source: u64,
    /// Sentences that `repeated-translation`'s index had no room for (see its
    /// `max-indexed-sentences`).
    pub sentences_not_indexed: u64,
}

impl Counts {
    /// Counts flag rows, in total and by detector.
    fn add_flags(&mut self, flags: &[FlagRow]) {
        self.flags += flags.len() as u64;
        for flag in flags {
            *self.flags_by_detector.entry(flag.detector.to_string()).or_default() += 1;
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub counts: Counts,
    pub wall_seconds: f64,
    pub out_dir: PathBuf,
    pub profile: Option<Profile>,
}

#[derive(Serialize)]
struct Manifest<'a> {
    mtqe_version: &'static str,
    command: Vec<String>,
    config: &'a Config,
    columns: &'a ColumnNames,
    /// When the run started and finished, in UTC (RFC 3339).
    started: String,
    finished: String,
    source_lang: &'a str,
    detectors: Vec<&'a DetectorInfo>,
    inputs: Vec<ManifestInput<'a>>,
    skipped_files: &'a [PathBuf],
    carried_columns: Vec<String>,
    threads: usize,
    strict: bool,
    counts: &'a Counts,
    /// Whether the source-aware detectors ran, and why not when they did not.
    source_checks: String,
    rejects_by_reason: &'a BTreeMap<String, u64>,
    /// Where the weights behind the `quality` columns came from.
    quality_model: &'a str,
    wall_seconds: f64,
    throughput_mb_per_s: f64,
    documents_per_s: f64,
    /// Present with `--profile`: where the time went.
    #[serde(skip_serializing_if = "Option::is_none")]
    profile: Option<&'a Profile>,
    outputs: &'a [&'static str],
}

/// An input as the manifest records it: the path as an absolute path, or none for standard
/// input and the bundled sample, whose temporary copies are gone once the run ends.
#[derive(Serialize)]
struct ManifestInput<'a> {
    path: Option<PathBuf>,
    display: &'a str,
    origin: crate::read::InputOrigin,
    format: crate::read::Format,
    bytes: u64,
}

impl<'a> ManifestInput<'a> {
    fn of(input: &'a Input) -> Self {
        let path = (input.origin == crate::read::InputOrigin::File)
            .then(|| std::path::absolute(&input.path).unwrap_or_else(|_| input.path.clone()));
        ManifestInput { path, display: &input.display, origin: input.origin, format: input.format, bytes: input.bytes }
    }
}

fn utc_now() -> String {
    humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string()
}

/// The files of a run, in the order they are moved into place: `manifest.json` last.
/// `alignments.parquet` is written only when the input has a source column.
fn output_names(with_alignments: bool) -> Vec<&'static str> {
    let mut names = vec!["flags.parquet", "segments.parquet", "documents.parquet"];
    if with_alignments {
        names.push("alignments.parquet");
    }
    names.extend(["rejects.jsonl", "manifest.json"]);
    names
}

/// Every file a run may write. A rerun removes the ones it does not write, so that the directory
/// holds one run only: a run without a source leaves no `alignments.parquet` of an earlier one.
const ALL_OUTPUTS: [&str; 6] =
    ["flags.parquet", "segments.parquet", "documents.parquet", "alignments.parquet", "rejects.jsonl", "manifest.json"];

/// Takes an exclusive lock on the output directory for the run, so that a second run into it
/// fails at once instead of interleaving its files with this one's. The lock is the directory's
/// own (`flock` on it), so it leaves no file behind, and the system releases it when the
/// process ends, however it ends.
fn lock_output_dir(dir: &Path) -> Result<Option<File>> {
    // Where a directory cannot be opened as a file (not on Unix), runs are not locked.
    let Ok(handle) = File::open(dir) else { return Ok(None) };
    match handle.try_lock() {
        Ok(()) => Ok(Some(handle)),
        Err(std::fs::TryLockError::WouldBlock) => anyhow::bail!(
            "another mtqe run is writing to {}; wait for it to finish or choose another --out",
            dir.display()
        ),
        Err(std::fs::TryLockError::Error(_)) => Ok(None),
    }
}

/// Removes the temporary files of an earlier run into `dir` that was killed before it could
/// clean up. Called with the directory locked, so no live run owns them.
fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if ALL_OUTPUTS.iter().any(|output| name.starts_with(&format!(".{output}.tmp-"))) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Temporary output names; removed again if the run fails.
struct Staging {
    dir: PathBuf,
    names: Vec<&'static str>,
    temporary: Vec<PathBuf>,
}

impl Staging {
    fn new(dir: &Path, names: Vec<&'static str>) -> Self {
        let suffix = format!(".tmp-{}", std::process::id());
        let temporary: Vec<PathBuf> = names.iter().map(|name| dir.join(format!(".{name}{suffix}"))).collect();
        crate::interrupt::register(&temporary);
        Staging { dir: dir.to_owned(), names, temporary }
    }

    /// The temporary path of one of the run's outputs, if the run writes it.
    fn path(&self, name: &str) -> Option<&Path> {
        self.names.iter().position(|n| *n == name).map(|i| self.temporary[i].as_path())
    }

    /// Moves every file into place, the manifest last.
    fn commit(self) -> std::io::Result<()> {
        let _ = std::fs::remove_file(self.dir.join("manifest.json"));
        for stale in ALL_OUTPUTS.iter().filter(|name| !self.names.contains(name)) {
            match std::fs::remove_file(self.dir.join(stale)) {
                Err(error) if error.kind() != std::io::ErrorKind::NotFound => return Err(error),
                _ => {}
            }
        }
        for (temporary, name) in self.temporary.iter().zip(&self.names) {
            std::fs::rename(temporary, self.dir.join(name))?;
        }
        crate::interrupt::forget(&self.temporary);
        std::mem::forget(self);
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        for path in &self.temporary {
            let _ = std::fs::remove_file(path);
        }
        crate::interrupt::forget(&self.temporary);
    }
}

/// Scores every input and writes the output tables. Row-level problems become rejects (or stop
/// the run under `strict`); an unreadable input or output stops the run with nothing written.
pub fn run(options: &RunOptions) -> Result<Summary> {
    let started = Instant::now();
    let started_at = utc_now();
    let prepared = prepare(options)?;
    let report = score_inputs(options, &prepared)?;
    let wall_seconds = started.elapsed().as_secs_f64();
    let manifest = Manifest::new(options, &prepared, &report, started_at, wall_seconds);
    let path = prepared.staging.path("manifest.json").expect("every run writes its manifest");
    let manifest_file = File::create(path).context("cannot write manifest.json")?;
    serde_json::to_writer_pretty(BufWriter::new(manifest_file), &manifest).context("cannot write manifest.json")?;
    let Prepared { staging, lock, .. } = prepared;
    staging.commit().with_context(|| format!("cannot move the outputs into {}", options.out_dir.display()))?;
    drop(lock);
    Ok(Summary { counts: report.counts, wall_seconds, out_dir: options.out_dir.clone(), profile: report.profile })
}

/// What a run sets up before reading its first record.
struct Prepared {
    /// Declared first so that, dropped first, it removes the temporaries of a failed run while
    /// the directory is still locked.
    staging: Staging,
    meta: MetaColumns,
    detectors: Vec<Box<dyn ConfiguredDetector>>,
    kept: KeptText,
    /// Held until the outputs are in place.
    lock: Option<File>,
}

/// Locks the output directory, finds the carried columns of every input, builds the detectors,
/// loads the tables the workers need, and opens the temporary outputs.
fn prepare(options: &RunOptions) -> Result<Prepared> {
    crate::lexicon::preload();
    std::fs::create_dir_all(&options.out_dir)
        .with_context(|| format!("cannot create output directory {}", options.out_dir.display()))?;
    let lock = lock_output_dir(&options.out_dir)?;
    remove_stale_temporaries(&options.out_dir);
    let mut meta = MetaColumns::default();
    for input in &options.inputs {
        read::discover_meta_columns(input, &options.columns, options.config.input.max_text_chars, &mut meta)?;
    }
    let detectors = detectors::build(&options.config.detectors);
    let kept = KeptText { text: options.keep_text, source: options.keep_text && meta.has_source };
    // Tables the workers would otherwise load while scoring their first article.
    if options.config.analysis_options().language_model {
        std::sync::LazyLock::force(&crate::language_model::MODEL);
    }
    if meta.has_source {
        crate::adequacy::preload();
    }
    let staging = Staging::new(&options.out_dir, output_names(meta.has_source));
    Ok(Prepared { staging, meta, detectors, kept, lock })
}

/// What reading, scoring and writing found, for the manifest and the summary.
struct RunReport {
    counts: Counts,
    rejects_by_reason: BTreeMap<String, u64>,
    profile: Option<Profile>,
}

/// Reads, scores and writes every input: reading runs one batch ahead on its own thread, batches
/// are scored in parallel, and a writer thread appends them to the tables in input order.
fn score_inputs(options: &RunOptions, prepared: &Prepared) -> Result<RunReport> {
    let path = |name: &str| prepared.staging.path(name).expect("every run writes this output");
    let pool = rayon::ThreadPoolBuilder::new().num_threads(options.threads).build()?;
    let writers = TableWriters::create(
        [path("flags.parquet"), path("segments.parquet"), path("documents.parquet")],
        prepared.staging.path("alignments.parquet"),
        &prepared.meta,
        prepared.kept,
        &options.out_dir,
    )?;
    let (sender, receiver) = sync_channel::<ToWriter>(2);
    let writer_thread = std::thread::spawn(move || write_batches(writers, receiver));

    let rejects = RejectLog::create(path("rejects.jsonl"), options.strict)?;
    let progress = Progress::new(options);
    let detector_ids: Vec<&'static str> = prepared.detectors.iter().map(|d| d.info().id).collect();
    let repeats = repeat_check(options, prepared);
    let mut tally = ScoringTally {
        counts: Counts::default(),
        failed: Vec::new(),
        profile: options.profile.then(|| ProfileTotals::new(&detector_ids)),
        repeats: repeats.as_ref().map(|(settings, severity)| (RepeatIndex::new(settings), *severity)),
    };
    let scoring = Scoring {
        analysis: options.config.analysis_options(),
        quality: &options.quality,
        keep_source: prepared.kept.source,
        repeats: repeats.as_ref().map(|(settings, _)| settings),
    };

    let (batch_sender, batch_receiver) = sync_channel::<ReadBatch>(1);
    let (reading, scored) = std::thread::scope(|scope| {
        let progress = &progress;
        let meta = &prepared.meta;
        let reader_thread = scope.spawn(move || read_inputs(options, meta, progress, rejects, batch_sender));
        let batches = Batches { receiver: batch_receiver, sender };
        let scored = score_batches(options, &pool, &prepared.detectors, &scoring, batches, progress, &mut tally);
        let reading =
            reader_thread.join().map_err(|_| anyhow::anyhow!("the input reader thread panicked")).and_then(|r| r);
        (reading, scored)
    });
    let written = writer_thread.join().map_err(|_| anyhow::anyhow!("the output writer thread panicked"))?;
    let mut rejects = reading?;
    scored?;
    let ScoringTally { mut counts, failed, profile, .. } = tally;
    for reject in failed {
        rejects.add(reject)?;
    }
    let write_nanos = written?;
    let profile = profile.map(|totals| totals.finish(write_nanos, counts.text_bytes));
    progress.finish();
    counts.rejects = rejects.count;
    let rejects_by_reason = rejects.finish()?;
    Ok(RunReport { counts, rejects_by_reason, profile })
}

/// Scored documents are gathered until this many, or [`WRITE_TEXT_BYTES`] of their text, are
/// there, and are then sent to the writer thread together. Tiny batches (`batch-documents = 1`,
/// or thousands of one-article files, each ending its batch) would otherwise build one frame per
/// table per batch, and the frames waiting for their row group cost far more than their rows:
/// 20,000 articles in batches of one peaked at 904 MB and took 24 s, against 96 MB and 2.7 s in
/// batches of 2,048. Gathering before the channel, not after it, also spares the writer thread a
/// wake-up per batch. Batches of the default size are sent as they come.
const WRITE_DOCUMENTS: usize = 1024;
const WRITE_TEXT_BYTES: usize = 8 << 20;

/// What the writer thread is sent: scored documents in input order, then, once, the flags that
/// only the whole corpus shows, as documents that hold nothing but their flags.
enum ToWriter {
    Documents(Vec<ScoredDoc>),
    CorpusFlags(Vec<ScoredDoc>),
}

/// Scored documents on their way to the writer, held back until there are enough to write.
#[derive(Default)]
struct WriteQueue {
    waiting: Vec<ScoredDoc>,
    text_bytes: usize,
}

impl WriteQueue {
    /// Adds a scored batch; returns the documents to send once enough have gathered.
    fn add(&mut self, batch: Vec<ScoredDoc>) -> Option<Vec<ScoredDoc>> {
        self.text_bytes += batch.iter().map(|doc| doc.text.len()).sum::<usize>();
        if self.waiting.is_empty() {
            self.waiting = batch;
        } else {
            self.waiting.extend(batch);
        }
        (self.waiting.len() >= WRITE_DOCUMENTS || self.text_bytes >= WRITE_TEXT_BYTES).then(|| self.take())
    }

    /// Everything still waiting.
    fn take(&mut self) -> Vec<ScoredDoc> {
        self.text_bytes = 0;
        std::mem::take(&mut self.waiting)
    }
}

/// The writer thread: appends each group of scored documents to the tables, and writes their
/// footers once the groups end. Returns the nanoseconds it spent writing, for the profile.
fn write_batches(mut writers: TableWriters, batches: Receiver<ToWriter>) -> Result<u64, OutputError> {
    let mut busy = Duration::ZERO;
    let mut corpus_flags = Vec::new();
    for message in batches {
        match message {
            ToWriter::Documents(documents) => {
                let started = Instant::now();
                writers.write(&documents)?;
                busy += started.elapsed();
            }
            ToWriter::CorpusFlags(flags) => corpus_flags = flags,
        }
    }
    let started = Instant::now();
    writers.write_flags(&corpus_flags)?;
    writers.finish()?;
    Ok((busy + started.elapsed()).as_nanos() as u64)
}

/// The reader thread: reads, decodes and validates every input in batches, one batch ahead of
/// scoring, so the workers never wait for the input (reading took 5% of the run when it
/// alternated). Rows that cannot be scored go to the reject log, which it hands back.
fn read_inputs(
    options: &RunOptions,
    meta: &MetaColumns,
    progress: &Progress,
    mut rejects: RejectLog,
    batches: SyncSender<ReadBatch>,
) -> Result<RejectLog> {
    let settings = &options.config.input;
    let mut seen_ids = SeenIds::default();
    for input in &options.inputs {
        let consumed = Arc::new(AtomicU64::new(0));
        progress.start_input(consumed.clone());
        let mut reader = read::open(input, &options.columns, meta, settings.max_text_chars, consumed)?;
        loop {
            let batch = read_batch(reader.as_mut(), settings, &mut rejects, &mut seen_ids)?;
            progress.set_read_rejects(rejects.count);
            if batch.records.is_empty() {
                break;
            }
            if batches.send(batch).is_err() {
                return Ok(rejects); // Scoring stopped; its error is reported instead.
            }
        }
        progress.finish_input(input.bytes);
    }
    Ok(rejects)
}

/// The channels around scoring: read batches come in, scored batches go to the writer.
struct Batches {
    receiver: Receiver<ReadBatch>,
    sender: SyncSender<ToWriter>,
}

/// What scoring has counted so far.
struct ScoringTally {
    counts: Counts,
    /// Documents whose analysis or a detector panicked: rejects, added to the log after reading.
    failed: Vec<Reject>,
    profile: Option<ProfileTotals>,
    /// The run's sentences so far, for the corpus-wide repeated-translation check, and the
    /// severity of its flags.
    repeats: Option<(RepeatIndex, Severity)>,
}

/// Scores each read batch in parallel on `pool`, counts it, and sends it to the writer. Under
/// `--strict` the first document that fails stops the run.
fn score_batches(
    options: &RunOptions,
    pool: &rayon::ThreadPool,
    detectors: &[Box<dyn ConfiguredDetector>],
    scoring: &Scoring,
    batches: Batches,
    progress: &Progress,
    tally: &mut ScoringTally,
) -> Result<()> {
    let Batches { receiver, sender } = batches;
    let mut queue = WriteQueue::default();
    for batch in receiver {
        let scoring_started = Instant::now();
        let timed = tally.profile.is_some();
        let results = if batch.records.len() < 2 || options.threads < 2 {
            // Nothing to share out: handing a lone article, or a one-thread run's batch, to the
            // pool costs two thread wake-ups per batch, which made batches of one five times
            // slower than the default.
            score_batch_here(batch.records, detectors, scoring, timed)
        } else {
            pool.install(|| score_batch(batch.records, detectors, scoring, timed))
        };
        let mut scored = Vec::with_capacity(results.len());
        let mut prints = Vec::with_capacity(results.len());
        for result in results {
            let ScoredRecord { doc, timings, prints: doc_prints } = match result {
                Ok(done) => done,
                Err(reject) if options.strict => return Err(strict_stop(reject)),
                Err(reject) => {
                    tally.failed.push(reject);
                    continue;
                }
            };
            if let (Some(totals), Some(timings)) = (tally.profile.as_mut(), timings) {
                totals.add(&timings);
            }
            scored.push(doc);
            prints.push(doc_prints);
        }
        if let Some(totals) = tally.profile.as_mut() {
            totals.read_nanos += batch.read_nanos;
            totals.score_wall_nanos += scoring_started.elapsed().as_nanos() as u64;
        }
        let counts = &mut tally.counts;
        for doc in &scored {
            counts.documents += 1;
            counts.segments += doc.segments.len() as u64;
            counts.words += doc.n_words as u64;
            counts.documents_with_source += doc.has_source as u64;
            counts.add_flags(&doc.flags);
        }
        counts.text_bytes += batch.bytes as u64;
        progress.update(counts.documents, tally.failed.len() as u64);
        if let Some((index, _)) = tally.repeats.as_mut() {
            for (doc, prints) in scored.iter().zip(&prints) {
                index.add(&doc.id, &doc.text, prints);
            }
        }
        if let Some(documents) = queue.add(scored) {
            if sender.send(ToWriter::Documents(documents)).is_err() {
                return Ok(()); // The writer failed; its error is reported by the caller.
            }
        }
    }
    let last = queue.take();
    if !last.is_empty() && sender.send(ToWriter::Documents(last)).is_err() {
        return Ok(());
    }
    if let Some((index, severity)) = tally.repeats.take() {
        tally.counts.sentences_not_indexed = index.not_indexed();
        let flags = corpus_flag_holders(index.finish(), severity);
        for holder in &flags {
            tally.counts.add_flags(&holder.flags);
        }
        // A failed writer reports its own error.
        let _ = sender.send(ToWriter::CorpusFlags(flags));
    }
    Ok(())
}

/// The corpus-wide check for repeated translations, when it is on and the input has sources:
/// its settings and the severity in force.
fn repeat_check(options: &RunOptions, prepared: &Prepared) -> Option<(RepeatedTranslationSettings, Severity)> {
    let info =
        prepared.detectors.iter().map(|d| d.info()).find(|info| info.id == RepeatedTranslation::DECLARATION.id)?;
    prepared.meta.has_source.then(|| (options.config.detectors.repeated_translation.clone(), info.severity))
}

/// Corpus flags as documents holding only their flags, one per run of flags of one document.
fn corpus_flag_holders(flags: Vec<RepeatFlag>, severity: Severity) -> Vec<ScoredDoc> {
    let declaration = RepeatedTranslation::DECLARATION;
    let mut holders: Vec<ScoredDoc> = Vec::new();
    for flag in flags {
        let row = FlagRow {
            segment: flag.segment,
            start: flag.chars.0,
            end: flag.chars.1,
            byte_start: flag.bytes.0,
            byte_end: flag.bytes.1,
            detector: declaration.id,
            category: declaration.category.as_str(),
            severity: severity.as_str(),
            confidence: flag.confidence,
            excerpt: flag.excerpt,
            message: flag.message,
            suggestion: None,
        };
        match holders.last_mut() {
            Some(holder) if holder.id == *flag.doc => holder.flags.push(row),
            _ => holders.push(ScoredDoc { id: flag.doc.to_string(), flags: vec![row], ..ScoredDoc::default() }),
        }
    }
    holders
}

impl<'a> Manifest<'a> {
    fn new(
        options: &'a RunOptions,
        prepared: &'a Prepared,
        report: &'a RunReport,
        started: String,
        wall_seconds: f64,
    ) -> Self {
        let counts = &report.counts;
        Manifest {
            mtqe_version: env!("CARGO_PKG_VERSION"),
            command: std::env::args().collect(),
            config: &options.config,
            columns: &options.columns,
            started,
            finished: utc_now(),
            source_lang: &options.source_lang,
            detectors: prepared.detectors.iter().map(|d| d.info()).collect(),
            inputs: options.inputs.iter().map(ManifestInput::of).collect(),
            skipped_files: &options.skipped,
            carried_columns: crate::sink::carried_column_names(&prepared.meta, prepared.kept),
            threads: options.threads,
            strict: options.strict,
            counts,
            source_checks: if !prepared.meta.has_source {
                format!("off: no input has a '{}' column", options.columns.source)
            } else {
                format!(
                    "on for {} of {} documents (the others had an empty or missing '{}' value)",
                    counts.documents_with_source, counts.documents, options.columns.source
                )
            },
            rejects_by_reason: &report.rejects_by_reason,
            quality_model: &options.quality.description,
            wall_seconds,
            throughput_mb_per_s: counts.text_bytes as f64 / 1e6 / wall_seconds.max(1e-9),
            documents_per_s: counts.documents as f64 / wall_seconds.max(1e-9),
            profile: report.profile.as_ref(),
            outputs: &prepared.staging.names,
        }
    }
}

/// A batch of validated records on its way from the reader thread to the workers.
struct ReadBatch {
    records: Vec<Record>,
    /// Bytes of article text.
    bytes: usize,
    /// Wall time the reader spent on this batch.
    read_nanos: u64,
}

/// Reads records until a batch is full or the input ends, validating each and recording the
/// rows that cannot be scored. An empty batch means the input is exhausted.
fn read_batch(
    reader: &mut dyn RecordReader,
    settings: &InputSettings,
    rejects: &mut RejectLog,
    seen_ids: &mut SeenIds,
) -> Result<ReadBatch> {
    let started = Instant::now();
    let mut records: Vec<Record> = Vec::new();
    let mut bytes = 0;
    while records.len() < settings.batch_documents && bytes < settings.batch_bytes {
        let Some(item) = reader.next_item()? else { break };
        let record = match item {
            Item::Reject(reject) => {
                rejects.add(reject)?;
                continue;
            }
            Item::Record(record) => record,
        };
        match validate(&record, settings.max_text_chars, seen_ids) {
            Err(reason) => rejects.add(Reject { id: Some(record.id), origin: record.origin, reason })?,
            Ok(()) => {
                bytes += record.text.len();
                records.push(record);
            }
        }
    }
    Ok(ReadBatch { records, bytes, read_nanos: started.elapsed().as_nanos() as u64 })
}

/// Analyses and scores a batch of articles in parallel, in input order. An article whose
/// analysis, detectors or scoring panic becomes a reject naming the step; the others are
/// unaffected.
fn score_batch(
    records: Vec<Record>,
    detectors: &[Box<dyn ConfiguredDetector>],
    scoring: &Scoring,
    timed: bool,
) -> Vec<Result<ScoredRecord, Reject>> {
    use rayon::prelude::*;
    records.into_par_iter().map(|record| score_record_isolated(record, detectors, scoring, timed)).collect()
}

/// [`score_batch`] on the calling thread, one article after another.
fn score_batch_here(
    records: Vec<Record>,
    detectors: &[Box<dyn ConfiguredDetector>],
    scoring: &Scoring,
    timed: bool,
) -> Vec<Result<ScoredRecord, Reject>> {
    records.into_iter().map(|record| score_record_isolated(record, detectors, scoring, timed)).collect()
}

/// Scores one article; a panic in it becomes its reject, naming the step.
fn score_record_isolated(
    record: Record,
    detectors: &[Box<dyn ConfiguredDetector>],
    scoring: &Scoring,
    timed: bool,
) -> Result<ScoredRecord, Reject> {
    let (id, origin) = (record.id.clone(), record.origin.clone());
    crate::fault::isolate(|| score_record_timed(record, detectors, scoring, timed)).map_err(|failure| Reject {
        origin,
        id: Some(id),
        reason: RejectReason::InternalError { step: failure.step, message: failure.message },
    })
}

/// How articles are analysed and scored, besides the detectors.
struct Scoring<'a> {
    analysis: crate::analysis::AnalysisOptions,
    quality: &'a QualityModel,
    /// Hand the source text over to the output too.
    keep_source: bool,
    /// Set when the corpus-wide repeated-translation check runs: each article's sentences are
    /// fingerprinted for it while the article is analysed.
    repeats: Option<&'a RepeatedTranslationSettings>,
}

/// One article, scored: its rows, the time each step took when timed, and its sentences as the
/// corpus-wide repeated-translation check needs them.
#[derive(Debug)]
struct ScoredRecord {
    doc: ScoredDoc,
    timings: Option<DocTimings>,
    prints: Vec<SentencePrint>,
}

/// Analyses and scores one article, timing each step when `timed` is set.
fn score_record_timed(
    record: Record,
    detectors: &[Box<dyn ConfiguredDetector>],
    scoring: &Scoring,
    timed: bool,
) -> ScoredRecord {
    let model = scoring.quality;
    let Record { id, text, source, meta, .. } = record;
    let (mut scored, timings, prints) = if timed {
        let mut timings = DocTimings { detectors: vec![0; detectors.len()], ..DocTimings::default() };
        let doc = Doc::new_timed(&text, source.as_deref(), scoring.analysis, &mut timings.analysis);
        let flags = detectors::run_all_timed(detectors, &doc, Some(&mut timings.detectors));
        crate::fault::enter("scoring");
        let started = Instant::now();
        let scored = score_document(id, meta, &doc, flags, model);
        timings.scoring = started.elapsed().as_nanos() as u64;
        (scored, Some(timings), repeat_prints(&doc, scoring))
    } else {
        let doc = Doc::with_options(&text, source.as_deref(), scoring.analysis);
        let flags = detectors::run_all(detectors, &doc);
        crate::fault::enter("scoring");
        let scored = score_document(id, meta, &doc, flags, model);
        (scored, None, repeat_prints(&doc, scoring))
    };
    // The segment rows point into the text: hand it over instead of copying each sentence.
    scored.text = text;
    if scoring.keep_source {
        scored.source = source;
    }
    ScoredRecord { doc: scored, timings, prints }
}

fn repeat_prints(doc: &Doc, scoring: &Scoring) -> Vec<SentencePrint> {
    let Some(settings) = scoring.repeats else { return Vec::new() };
    crate::fault::enter(RepeatedTranslation::DECLARATION.id);
    repeated_translation::prints(doc, settings)
}

/// Checks that apply to every format: an id seen before, an empty text, an oversized text.
fn validate(record: &Record, max_chars: usize, seen: &mut SeenIds) -> Result<(), RejectReason> {
    if record.id.trim().is_empty() {
        return Err(RejectReason::EmptyId);
    }
    if record.text.trim().is_empty() {
        return Err(RejectReason::EmptyText);
    }
    if record.text.len() > max_chars {
        let chars = record.text.chars().count();
        if chars > max_chars {
            return Err(RejectReason::TextTooLong { chars, max_chars });
        }
    }
    if let Some(first) = seen.insert(record) {
        return Err(RejectReason::DuplicateId { id: record.id.clone(), first_seen: first });
    }
    Ok(())
}

/// The error that stops a `--strict` run at its first reject.
fn strict_stop(reject: Reject) -> anyhow::Error {
    InputError::Strict {
        file: reject.origin.file.to_string(),
        location: reject.origin.location(),
        reason: reject.reason.to_string(),
    }
    .into()
}

/// `rejects.jsonl`, written as rejects arrive so none is held in memory.
struct RejectLog {
    out: BufWriter<File>,
    strict: bool,
    count: u64,
    by_reason: BTreeMap<String, u64>,
}

impl RejectLog {
    fn create(path: &Path, strict: bool) -> Result<Self> {
        let file = File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
        Ok(RejectLog { out: BufWriter::new(file), strict, count: 0, by_reason: BTreeMap::new() })
    }

    fn add(&mut self, reject: Reject) -> Result<()> {
        if self.strict {
            return Err(strict_stop(reject));
        }
        serde_json::to_writer(&mut self.out, &reject)?;
        self.out.write_all(b"\n")?;
        self.count += 1;
        *self.by_reason.entry(reject.reason.kind()).or_default() += 1;
        Ok(())
    }

    fn finish(mut self) -> Result<BTreeMap<String, u64>> {
        self.out.flush()?;
        Ok(self.by_reason)
    }
}

/// The progress bar on stderr: documents, throughput and ETA, when stderr is a terminal.
/// Shared by the reader thread (which input, how far) and the scoring loop (documents done).
/// Progress on standard error: a bar on a terminal; elsewhere (a batch job's log, nohup.out) a
/// line every `progress_interval`, since a bar's redraws would be lost or garble the file.
struct Progress {
    bar: indicatif::ProgressBar,
    log: Option<ProgressLog>,
    total_bytes: u64,
    done_bytes: AtomicU64,
    current: std::sync::Mutex<Arc<AtomicU64>>,
    /// Rows rejected while reading so far.
    read_rejects: AtomicU64,
}

struct ProgressLog {
    every: Duration,
    started: Instant,
    last: std::sync::Mutex<Instant>,
}

impl Progress {
    fn new(options: &RunOptions) -> Self {
        use std::io::IsTerminal;
        let total: u64 = options.inputs.iter().map(|i| i.bytes).sum();
        let terminal = std::io::stderr().is_terminal();
        let bar = if options.show_progress && terminal {
            let bar = indicatif::ProgressBar::new(total);
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "{spinner} [{elapsed_precise}] {wide_bar} {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} ETA {eta} {msg}",
                )
                .expect("the template is valid"),
            );
            bar
        } else {
            indicatif::ProgressBar::hidden()
        };
        let log = (options.show_progress && !terminal).then(|| ProgressLog {
            every: options.progress_interval,
            started: Instant::now(),
            last: std::sync::Mutex::new(Instant::now()),
        });
        Progress {
            bar,
            log,
            total_bytes: total,
            done_bytes: AtomicU64::new(0),
            current: Default::default(),
            read_rejects: AtomicU64::new(0),
        }
    }

    fn start_input(&self, consumed: Arc<AtomicU64>) {
        *self.current.lock().expect("no thread panics holding it") = consumed;
    }

    fn set_read_rejects(&self, rejects: u64) {
        self.read_rejects.store(rejects, std::sync::atomic::Ordering::Relaxed);
    }

    /// After each scored batch: `scoring_rejects` are the documents whose scoring failed.
    fn update(&self, documents: u64, scoring_rejects: u64) {
        use std::sync::atomic::Ordering::Relaxed;
        let current = self.current.lock().expect("no thread panics holding it").load(Relaxed);
        let position = self.done_bytes.load(Relaxed) + current;
        self.bar.set_position(position);
        self.bar.set_message(format!("{documents} documents"));
        let Some(log) = &self.log else { return };
        let mut last = log.last.lock().expect("no thread panics holding it");
        if last.elapsed() < log.every {
            return;
        }
        *last = Instant::now();
        let seconds = log.started.elapsed().as_secs_f64().max(1e-9);
        eprintln!(
            "mtqe: progress: {documents} documents scored, {:.1} of {:.1} MB read ({:.0}%), {:.1} MB/s, {} rejects, {:.0} s",
            position as f64 / 1e6,
            self.total_bytes as f64 / 1e6,
            100.0 * position as f64 / self.total_bytes.max(1) as f64,
            position as f64 / 1e6 / seconds,
            self.read_rejects.load(Relaxed) + scoring_rejects,
            seconds
        );
    }

    fn finish_input(&self, bytes: u64) {
        use std::sync::atomic::Ordering::Relaxed;
        let done = self.done_bytes.fetch_add(bytes, Relaxed) + bytes;
        *self.current.lock().expect("no thread panics holding it") = Arc::default();
        self.bar.set_position(done);
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::Origin;

    fn record(id: &str, text: &str) -> Record {
        Record {
            id: id.into(),
            text: text.into(),
            source: None,
            meta: vec![],
            origin: Origin { file: Arc::from("in.jsonl"), line: Some(3), row: 3 },
        }
    }

    #[test]
    fn validation_rejects_empty_oversized_and_duplicate_texts() {
        let mut seen = SeenIds::default();
        let mut validate =
            |record: &Record, max_chars| validate(record, max_chars, &mut seen).map_err(|e| e.to_string());
        assert_eq!(validate(&record("a", "  \n "), 100), Err("the text is empty".into()));
        assert_eq!(validate(&record(" ", "Some text."), 100), Err("the id is empty".into()));
        assert!(validate(&record("a", "Grüße aus Köln."), 15).is_ok(), "15 characters, 18 bytes");
        let long = validate(&record("b", "Grüße aus Köln."), 14).unwrap_err();
        assert!(long.contains("15 characters") && long.contains("--max-text-chars"), "{long}");
        let duplicate = validate(&record("a", "Again."), 100).unwrap_err();
        assert_eq!(duplicate, "duplicate id 'a': first seen at in.jsonl:3");
    }

    #[test]
    fn a_panicking_detector_rejects_its_article_and_spares_the_rest() {
        let mut detectors = detectors::build(&Default::default());
        detectors.push(crate::detectors::test_support::exploding());
        let records = vec![
            record("calm", "Grüße aus Köln. The council met."),
            record("bad", "Grüße aus Köln: boom."),
            record("also-calm", "The mayor spoke on Monday."),
        ];
        let scoring = Scoring {
            analysis: crate::analysis::AnalysisOptions::FULL,
            quality: &crate::quality::DEFAULT,
            keep_source: false,
            repeats: None,
        };
        // In the pool and on the calling thread (batches of one, one-thread runs) alike.
        for results in [
            score_batch(records.clone(), &detectors, &scoring, false),
            score_batch_here(records, &detectors, &scoring, false),
        ] {
            assert_eq!(results.len(), 3);
            assert_eq!(results[0].as_ref().map(|scored| scored.doc.id.as_str()).ok(), Some("calm"));
            assert_eq!(results[2].as_ref().map(|scored| scored.doc.id.as_str()).ok(), Some("also-calm"));
            let reject = results[1].as_ref().expect_err("the exploding article is rejected");
            assert_eq!(reject.id.as_deref(), Some("bad"));
            assert_eq!(reject.origin.line, Some(3));
            let reason = reject.reason.to_string();
            assert!(reason.starts_with("internal error in exploding-test: "), "{reason}");
            assert!(reason.contains("char boundary"), "{reason}");
            assert_eq!(reject.reason.kind(), "internal error in exploding-test");
        }
    }

    #[test]
    fn reject_reasons_are_grouped_by_their_stem() {
        let malformed = RejectReason::MalformedJson("expected value at line 1".into());
        assert_eq!(malformed.to_string(), "malformed JSON: expected value at line 1");
        assert_eq!(malformed.kind(), "malformed JSON");
        let duplicate = RejectReason::DuplicateId { id: "a".into(), first_seen: "x".into() };
        assert_eq!(duplicate.to_string(), "duplicate id 'a': first seen at x");
        assert_eq!(duplicate.kind(), "duplicate id");
    }
}
