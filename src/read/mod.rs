//! Input readers: every format yields the same [`Record`]s, or [`Reject`]s for rows that cannot
//! be scored, with the file and line that caused them.

mod carried;
mod csv;
mod json_array;
mod jsonl;
mod parquet;
mod parquet_footer;
mod reject_reason;
mod table;
mod text;

use crate::error::InputError;
use serde::Serialize;
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

pub use carried::{ColumnKind, MetaValue};
pub use parquet::{TypedKind, TypedValue};
pub use reject_reason::{RejectReason, Utf8Place};
pub use table::MemoryTable;

/// One article to score.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub id: String,
    pub text: String,
    /// The original (source-language) text, when the input has a source column.
    pub source: Option<String>,
    /// Carried-through column values, indexed like [`MetaColumns::names`].
    pub meta: Vec<Option<MetaValue>>,
    pub origin: Origin,
}

/// Where a record or reject came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Origin {
    pub file: Arc<str>,
    /// 1-based line where the row starts, for line-oriented formats.
    pub line: Option<u64>,
    /// 1-based row (record) number within the file.
    pub row: u64,
}

impl Origin {
    /// " line 12" or " row 12", for messages.
    pub fn location(&self) -> String {
        match self.line {
            Some(line) => format!(":{line}"),
            None => format!(" row {}", self.row),
        }
    }
}

/// A row that could not be scored, and why. Written to `rejects.jsonl`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reject {
    #[serde(flatten)]
    pub origin: Origin,
    /// The row's id, when it could be read.
    pub id: Option<String>,
    pub reason: RejectReason,
}

/// What a reader yields: a record, or a reject for one bad row.
#[derive(Debug)]
pub enum Item {
    Record(Record),
    Reject(Reject),
}

/// Input formats, chosen by extension unless `--format` says otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Jsonl,
    /// One JSON array of objects (`.json`).
    Json,
    Csv,
    Tsv,
    Parquet,
    Txt,
    /// A table handed over in memory through the Arrow C data interface (the Python package).
    #[value(skip)]
    Arrow,
}

impl Format {
    /// The format of a path from its extension (`.jsonl.gz` and `.jsonl.zst` are JSON Lines).
    pub fn from_path(path: &Path) -> Option<Format> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        let name = name.strip_suffix(".gz").or_else(|| name.strip_suffix(".zst")).unwrap_or(&name);
        let extension = name.rsplit_once('.')?.1;
        match extension {
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "json" => Some(Format::Json),
            "csv" => Some(Format::Csv),
            "tsv" => Some(Format::Tsv),
            "parquet" => Some(Format::Parquet),
            "txt" => Some(Format::Txt),
            _ => None,
        }
    }
}

/// The names of the columns that have a meaning to mtqe.
#[derive(Debug, Clone, Serialize)]
pub struct ColumnNames {
    pub id: String,
    pub text: String,
    pub source: String,
    /// For CSV and TSV files without a header row (`--no-header --columns`), the name of each
    /// field in order; [`IGNORED_FIELD`] skips one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fields: Option<Vec<String>>,
    /// TSV fields may be quoted, as in CSV (`--quoted-tsv`); by default TSV has no quoting.
    #[serde(skip)]
    pub quoted_tsv: bool,
}

/// In `--columns`, the name of a field to leave out.
pub const IGNORED_FIELD: &str = "_";

impl ColumnNames {
    /// The column names of the default layout, with a header row.
    pub fn new(id: &str, text: &str, source: &str) -> Self {
        ColumnNames { id: id.into(), text: text.into(), source: source.into(), fields: None, quoted_tsv: false }
    }

    fn is_special(&self, name: &str) -> bool {
        name == self.id || name == self.text || name == self.source || name == IGNORED_FIELD
    }

    /// Whether CSV and TSV files have no header row, their fields named by `fields`.
    pub fn headerless(&self) -> bool {
        self.fields.is_some()
    }
}

/// The carried-through columns of the whole run, in order of first appearance across inputs.
#[derive(Debug, Clone, Default)]
pub struct MetaColumns {
    pub names: Vec<String>,
    /// The type each column is written with, indexed like `names`.
    pub kinds: Vec<ColumnKind>,
    /// Whether any input has the source column.
    pub has_source: bool,
    index: HashMap<String, usize>,
}

impl MetaColumns {
    /// Adds a column of one input, or joins its kind with the column's kind in other inputs.
    pub fn add(&mut self, name: &str, kind: ColumnKind) {
        match self.index.get(name) {
            Some(&position) => self.kinds[position] = self.kinds[position].join(&kind),
            None => {
                self.index.insert(name.to_owned(), self.names.len());
                self.names.push(name.to_owned());
                self.kinds.push(kind);
            }
        }
    }

    pub fn position(&self, name: &str) -> Option<usize> {
        self.index.get(name).copied()
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

/// One input file (or standard input spooled to a file) and how to read it.
#[derive(Debug, Clone, Serialize)]
pub struct Input {
    /// The file read; for standard input and the bundled sample, a temporary copy.
    pub path: PathBuf,
    /// How the input is named in messages and rejects ("-" for standard input).
    pub display: String,
    pub format: Format,
    pub bytes: u64,
    pub origin: InputOrigin,
    /// The path relative to the directory given on the command line, for a file found by
    /// searching it.
    #[serde(skip)]
    pub within_directory: Option<PathBuf>,
    /// The rows themselves, for an input handed over in memory (format [`Format::Arrow`]).
    #[serde(skip)]
    pub table: Option<Arc<MemoryTable>>,
}

/// Where an input's records come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum InputOrigin {
    /// A file the user named, or found in a directory the user named.
    File,
    /// Standard input, spooled to a temporary file.
    StandardInput,
    /// The sample corpus compiled into mtqe, written to a temporary file.
    BundledSample,
    /// A table in memory, handed over by the Python package.
    Memory,
}

/// How input directories are searched.
#[derive(Debug, Clone, Default)]
pub struct InputSearch {
    /// `--format`: read every file in this format, whatever its extension.
    pub forced: Option<Format>,
    /// `--include-hidden`: score hidden files and folders (names starting with a dot) too.
    pub include_hidden: bool,
    /// A directory not to search: the run's own output directory, which may lie inside an input
    /// directory.
    pub exclude: Option<PathBuf>,
}

/// Expands the command-line paths into input files: directories are searched recursively for
/// files with a known extension, in sorted order so runs are repeatable. Returns the inputs and
/// what the search passed over: files of unknown formats, hidden files and folders, and the
/// output directory, each listed in the manifest.
pub fn resolve_inputs(paths: &[PathBuf], search: &InputSearch) -> Result<(Vec<Input>, Vec<PathBuf>), InputError> {
    let mut inputs = Vec::new();
    let mut skipped = Vec::new();
    let exclude = search.exclude.as_ref().and_then(|dir| std::fs::canonicalize(dir).ok());
    for path in paths {
        let metadata = std::fs::metadata(path).map_err(|error| InputError::Open { path: path.clone(), error })?;
        if metadata.is_dir() {
            let mut files = Vec::new();
            walk(path, search.include_hidden, exclude.as_deref(), &mut files, &mut skipped)
                .map_err(|error| InputError::Open { path: path.clone(), error })?;
            files.sort();
            for file in files {
                match search.forced.or_else(|| Format::from_path(&file)) {
                    Some(format) => {
                        let mut found = input(file, format)?;
                        found.within_directory = found.path.strip_prefix(path).ok().map(Path::to_path_buf);
                        inputs.push(found);
                    }
                    None => skipped.push(file),
                }
            }
        } else {
            let format = search
                .forced
                .or_else(|| Format::from_path(path))
                .ok_or_else(|| InputError::UnknownFormat { path: path.clone() })?;
            inputs.push(input(path.clone(), format)?);
        }
    }
    skipped.sort();
    Ok((inputs, skipped))
}

fn input(path: PathBuf, format: Format) -> Result<Input, InputError> {
    let bytes = std::fs::metadata(&path).map_err(|error| InputError::Open { path: path.clone(), error })?.len();
    Ok(Input {
        display: path.display().to_string(),
        path,
        format,
        bytes,
        origin: InputOrigin::File,
        within_directory: None,
        table: None,
    })
}

fn walk(
    dir: &Path,
    include_hidden: bool,
    exclude: Option<&Path>,
    files: &mut Vec<PathBuf>,
    skipped: &mut Vec<PathBuf>,
) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        if !include_hidden && entry.file_name().to_string_lossy().starts_with('.') {
            skipped.push(path);
            continue;
        }
        if entry.file_type()?.is_dir() {
            if exclude.is_some_and(|out| std::fs::canonicalize(&path).is_ok_and(|p| p == out)) {
                skipped.push(path);
                continue;
            }
            walk(&path, include_hidden, exclude, files, skipped)?;
        } else {
            files.push(path);
        }
    }
    Ok(())
}

/// The columns of an input other than id, text and source, found without reading it in full
/// (JSON Lines files are scanned for their keys, since any line may add one). A line longer
/// than a record of `max_text_chars` may be is not held in memory: the reading pass rejects it.
pub fn discover_meta_columns(
    input: &Input,
    names: &ColumnNames,
    max_text_chars: usize,
    meta: &mut MetaColumns,
) -> Result<(), InputError> {
    let typed_columns = match input.format {
        Format::Jsonl | Format::Json => jsonl::scan_keys(input, max_record_bytes(max_text_chars))?,
        Format::Csv | Format::Tsv => csv::header(input, names)?.into_iter().map(|n| (n, ColumnKind::Text)).collect(),
        Format::Parquet => parquet::input_columns(&input.path)?,
        Format::Arrow => memory_table(input)?.columns(),
        Format::Txt => Vec::new(),
    };
    let columns: Vec<String> = typed_columns.iter().map(|(name, _)| name.clone()).collect();
    // A JSON Lines file with no keys at all is empty: an empty corpus, not a wrong column. One
    // with keys but never the id or text key would reject every row, so it stops the run.
    let has_columns = input.format != Format::Txt && !columns.is_empty();
    if has_columns || matches!(input.format, Format::Csv | Format::Tsv | Format::Parquet | Format::Arrow) {
        for (required, flag) in [(&names.text, "--text-col"), (&names.id, "--id-col")] {
            // A file without a header row may have no id field: its rows are then named by line.
            let optional_id =
                flag == "--id-col" && names.headerless() && !matches!(input.format, Format::Parquet | Format::Arrow);
            if !optional_id && !columns.iter().any(|c| c == required) {
                return Err(InputError::MissingColumn {
                    path: PathBuf::from(&input.display),
                    column: required.clone(),
                    found: columns.join(", "),
                    flag,
                });
            }
        }
    }
    for (column, kind) in typed_columns.into_iter().filter(|(c, _)| !names.is_special(c)) {
        meta.add(&column, kind);
    }
    meta.has_source |= columns.contains(&names.source);
    Ok(())
}

/// The rows of an input handed over in memory.
fn memory_table(input: &Input) -> Result<&Arc<MemoryTable>, InputError> {
    input.table.as_ref().ok_or_else(|| InputError::Read {
        path: input.path.clone(),
        message: "an in-memory input without its table".into(),
    })
}

/// A source of items from one input.
pub trait RecordReader {
    /// The next record or reject; None at the end. An error means the input cannot be read on.
    fn next_item(&mut self) -> Result<Option<Item>, InputError>;
}

/// Opens a reader for one input. `progress` counts the input's bytes consumed so far.
/// The most bytes one record may take while reading, for texts of at most `max_text_chars`
/// characters: four bytes a character, for the text and as much again for its source, and a
/// megabyte for everything else. A longer JSON line, or a `.txt` file larger than the text alone
/// may be, is rejected without being held in memory.
pub fn max_record_bytes(max_text_chars: usize) -> usize {
    max_text_chars.saturating_mul(8).saturating_add(1 << 20)
}

pub fn open(
    input: &Input,
    names: &ColumnNames,
    meta: &MetaColumns,
    max_text_chars: usize,
    progress: Arc<AtomicU64>,
) -> Result<Box<dyn RecordReader>, InputError> {
    let file: Arc<str> = Arc::from(input.display.as_str());
    let max_bytes = max_record_bytes(max_text_chars);
    match input.format {
        Format::Jsonl | Format::Json => {
            Ok(Box::new(jsonl::JsonlReader::open(input, file, names, meta, max_bytes, progress)?))
        }
        Format::Csv | Format::Tsv => Ok(Box::new(csv::CsvReader::open(input, file, names, meta, progress)?)),
        Format::Parquet => Ok(Box::new(parquet::ParquetInput::open(input, file, names, meta, progress)?)),
        Format::Arrow => {
            let table = memory_table(input)?.clone();
            Ok(Box::new(parquet::ParquetInput::in_memory(input, table, file, names, meta, progress)))
        }
        Format::Txt => Ok(Box::new(text::TextReader::open(input, file, max_text_chars, progress)?)),
    }
}

/// Counts the bytes read from the underlying file, before any decompression.
pub(crate) struct CountingReader<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: Read> Read for CountingReader<R> {
    fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
        let read = self.inner.read(buffer)?;
        self.count.fetch_add(read as u64, Ordering::Relaxed);
        Ok(read)
    }
}

/// The compression a file's name says it has: `.gz` or `.zst`, in any case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Compression {
    None,
    Gzip,
    Zstd,
}

pub(crate) fn compression(path: &Path) -> Compression {
    let name = path.to_string_lossy().to_ascii_lowercase();
    if name.ends_with(".gz") {
        Compression::Gzip
    } else if name.ends_with(".zst") {
        Compression::Zstd
    } else {
        Compression::None
    }
}

/// Opens a file for reading, counting its bytes, and undoing `.gz` or `.zst` compression.
pub(crate) fn open_decompressed(path: &Path, count: Arc<AtomicU64>) -> Result<Box<dyn Read + Send>, InputError> {
    let file = std::fs::File::open(path).map_err(|error| InputError::Open { path: path.to_owned(), error })?;
    let counted = CountingReader { inner: file, count };
    Ok(match compression(path) {
        Compression::Gzip => Box::new(flate2::read::MultiGzDecoder::new(counted)),
        Compression::Zstd => Box::new(
            zstd::Decoder::new(counted)
                .map_err(|e| InputError::Read { path: path.to_owned(), message: e.to_string() })?,
        ),
        Compression::None => Box::new(counted),
    })
}

/// Where invalid UTF-8 starts, for a reject or an error message.
pub(crate) fn utf8_reason(place: Utf8Place, error: &std::str::Utf8Error) -> RejectReason {
    RejectReason::InvalidUtf8 { place, offset: error.valid_up_to() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_come_from_extensions() {
        assert_eq!(Format::from_path(Path::new("a/b.jsonl")), Some(Format::Jsonl));
        assert_eq!(Format::from_path(Path::new("b.JSONL.gz")), Some(Format::Jsonl));
        assert_eq!(Format::from_path(Path::new("b.jsonl.zst")), Some(Format::Jsonl));
        assert_eq!(Format::from_path(Path::new("b.tsv")), Some(Format::Tsv));
        assert_eq!(Format::from_path(Path::new("article.txt")), Some(Format::Txt));
        assert_eq!(Format::from_path(Path::new("notes.md")), None);
        assert_eq!(Format::from_path(Path::new("README")), None);
    }
}
