//! Everything that touches polars: writing the output tables and reading Parquet input.
//!
//! polars' API moves quickly, so it is pinned in Cargo.toml and confined to this module. The
//! output schemas are declared once, below, and never inferred from data.

use crate::error::{InputError, OutputError};
use crate::read::{ColumnKind, ColumnNames, Input, Item, MetaColumns, MetaValue, Origin, Record, RecordReader, Reject};
use crate::score::ScoredDoc;
use polars::prelude::*;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// The output tables, written in row groups of many scoring batches each.
pub struct TableWriters {
    flags: TableWriter,
    segments: TableWriter,
    documents: TableWriter,
    /// Only when the input has a source column.
    alignments: Option<TableWriter>,
    kept: KeptText,
    meta_names: Vec<String>,
    meta_kinds: Vec<ColumnKind>,
    dir: PathBuf,
}

/// A row group is written once this many bytes (polars' estimate of the frames in memory) or
/// rows are waiting. The Parquet writer keeps a few kilobytes of page metadata per column and
/// row group until the footer is written, so one row group per scoring batch of 2,048
/// documents grew memory by about 124 kB per batch: peak memory went from 82 MB for the 100 MB
/// benchmark corpus to 211 MB for the 1 GB one. Waiting for 4 MB, those peaks were 99 MB and
/// 160 MB; 8 or 16 MB raised the peak, since the waiting frames cost more than the metadata
/// saved. The metadata still grows, by about 32 kB per row group (docs/performance.md,
/// "Memory"). Larger groups also read
/// faster. The row limit is polars' own default row-group size.
const ROW_GROUP_BYTES: usize = 4 << 20;
const ROW_GROUP_ROWS: usize = 512 * 512;

/// One output file and the rows waiting for its next row group.
struct TableWriter {
    writer: BatchedWriter<File>,
    /// [`ROW_GROUP_BYTES`] and [`ROW_GROUP_ROWS`], except in tests.
    group_bytes: usize,
    group_rows: usize,
    pending: Vec<DataFrame>,
    pending_bytes: usize,
    pending_rows: usize,
}

impl TableWriter {
    fn new(writer: BatchedWriter<File>) -> Self {
        TableWriter {
            writer,
            group_bytes: ROW_GROUP_BYTES,
            group_rows: ROW_GROUP_ROWS,
            pending: Vec::new(),
            pending_bytes: 0,
            pending_rows: 0,
        }
    }

    fn push(&mut self, frame: DataFrame) -> PolarsResult<()> {
        if frame.height() == 0 {
            return Ok(());
        }
        self.pending_bytes += frame.estimated_size();
        self.pending_rows += frame.height();
        self.pending.push(frame);
        if self.pending_bytes >= self.group_bytes || self.pending_rows >= self.group_rows {
            self.flush()?;
        }
        Ok(())
    }

    /// Writes the waiting rows as one row group.
    fn flush(&mut self) -> PolarsResult<()> {
        let mut frames = std::mem::take(&mut self.pending).into_iter();
        let Some(mut group) = frames.next() else { return Ok(()) };
        for frame in frames {
            group.vstack_mut_owned(frame)?;
        }
        // The batched writer writes one row group per chunk.
        group.rechunk_mut();
        self.pending_bytes = 0;
        self.pending_rows = 0;
        self.writer.write_batch(&group)
    }

    fn finish(&mut self) -> PolarsResult<()> {
        self.flush()?;
        self.writer.finish().map(|_| ())
    }
}

/// The columns of `documents.parquet` before the carried-through input columns.
pub const DOCUMENT_COLUMNS: [&str; 21] = [
    "doc_id",
    "n_chars",
    "n_words",
    "n_segments",
    "lang",
    "lang_confidence",
    "n_flags",
    "penalty",
    "score",
    "penalty_accuracy",
    "penalty_fluency",
    "penalty_style",
    "penalty_terminology",
    "penalty_locale",
    "lm_logprob",
    "lm_slor",
    "lm_unknown",
    "quality",
    "expected_major_errors",
    "source_coverage",
    "target_support",
];

fn flags_schema() -> Schema {
    use DataType::*;
    Schema::from_iter(
        [
            ("doc_id", String),
            ("segment", UInt32),
            ("start", UInt32),
            ("end", UInt32),
            ("byte_start", UInt32),
            ("byte_end", UInt32),
            ("detector", String),
            ("category", String),
            ("severity", String),
            ("confidence", Float32),
            ("excerpt", String),
            ("message", String),
            ("suggestion", String),
        ]
        .map(|(name, dtype)| Field::new(name.into(), dtype)),
    )
}

fn segments_schema() -> Schema {
    use DataType::*;
    Schema::from_iter(
        [
            ("doc_id", String),
            ("segment", UInt32),
            ("start", UInt32),
            ("end", UInt32),
            ("text", String),
            ("lang", String),
            ("lang_confidence", Float32),
            ("n_words", UInt32),
            ("n_flags", UInt32),
            ("penalty", Float64),
            ("score", Float64),
            ("lm_logprob", Float32),
            ("lm_slor", Float32),
            ("lm_unknown", Float32),
            ("quality", Float64),
        ]
        .map(|(name, dtype)| Field::new(name.into(), dtype)),
    )
}

fn alignments_schema() -> Schema {
    use DataType::*;
    Schema::from_iter(
        [
            ("doc_id", String),
            ("link", String),
            ("source_segment", UInt32),
            ("target_segment", UInt32),
            ("source_start", UInt32),
            ("source_end", UInt32),
            ("source_text", String),
            ("length_deviation", Float64),
            ("source_coverage", Float64),
            ("target_support", Float64),
        ]
        .map(|(name, dtype)| Field::new(name.into(), dtype)),
    )
}

/// The input text that `--keep-text` writes into `documents.parquet`, after mtqe's own columns.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct KeptText {
    /// The article, as `text`.
    pub text: bool,
    /// The source, as `source` (null for an article without one).
    pub source: bool,
}

impl KeptText {
    /// The names of the kept columns, in order.
    pub fn names(self) -> Vec<&'static str> {
        [("text", self.text), ("source", self.source)].into_iter().filter(|(_, kept)| *kept).map(|(n, _)| n).collect()
    }
}

fn documents_schema(kept: KeptText, meta_names: &[String], meta_kinds: &[ColumnKind]) -> Schema {
    use DataType::*;
    let dtypes = [
        String, UInt32, UInt32, UInt32, String, Float32, UInt32, Float64, Float64, Float64, Float64, Float64, Float64,
        Float64, Float32, Float32, Float32, Float64, Float64, Float64, Float64,
    ];
    let fixed = DOCUMENT_COLUMNS.iter().zip(dtypes).map(|(name, dtype)| Field::new((*name).into(), dtype));
    let text = kept.names().into_iter().map(|name| Field::new(name.into(), String));
    let carried =
        meta_names.iter().zip(meta_kinds).map(|(name, kind)| Field::new(name.as_str().into(), carried_dtype(kind)));
    Schema::from_iter(fixed.chain(text).chain(carried))
}

/// The output name of each carried-through column: its input name, or, where that is already an
/// mtqe column (or a kept text column), the name with `input_` before it, as many times as it
/// takes to be unique: an input with both `score` and `input_score` gets `input_input_score`
/// and `input_score`. No two columns can end up with one name.
pub fn carried_column_names(meta: &MetaColumns, kept: KeptText) -> Vec<String> {
    let ours = |name: &str| DOCUMENT_COLUMNS.contains(&name) || kept.names().contains(&name);
    let mut used: std::collections::HashSet<String> = meta.names.iter().filter(|name| !ours(name)).cloned().collect();
    meta.names
        .iter()
        .map(|name| {
            if !ours(name) {
                return name.clone();
            }
            let mut renamed = format!("input_{name}");
            while used.contains(&renamed) || ours(&renamed) {
                renamed = format!("input_{renamed}");
            }
            used.insert(renamed.clone());
            renamed
        })
        .collect()
}

/// The Arrow schema stored in a file's footer (`ARROW:schema`), at polars' oldest compatibility
/// level: text as `large_string`, never `string_view`. Readers take their column types from this
/// key, and pyarrow 14 and older, like other readers before 2024, fail on view types
/// ("Unrecognized type: 24"). The pages themselves are plain Parquet byte arrays either way.
fn compatible_schema_metadata(schema: &Schema) -> KeyValueMetadata {
    let arrow = schema.to_arrow(CompatLevel::oldest());
    KeyValueMetadata::Static(vec![polars_parquet::write::schema_to_metadata_key(&arrow)])
}

/// A Parquet writer whose footer describes text with plain string types.
fn compatible_writer(file: File, schema: &Schema) -> ParquetWriter<File> {
    ParquetWriter::new(file).with_key_value_metadata(Some(compatible_schema_metadata(schema)))
}

fn writer(path: &Path, schema: &Schema, dir: &Path) -> Result<BatchedWriter<File>, OutputError> {
    let error = |message: String| OutputError::Write { dir: dir.to_owned(), message };
    let file = File::create(path).map_err(|e| error(format!("{}: {e}", path.display())))?;
    // Encoding runs in the writer thread while rayon scores the next batch: keep polars' own
    // thread pool out of it so the two do not fight over cores.
    compatible_writer(file, schema)
        .with_compression(ParquetCompression::Zstd(Some(
            polars_parquet::write::ZstdLevel::try_new(1).expect("1 is a zstd level"),
        )))
        .set_parallel(false)
        .batched(schema)
        .map_err(|e| error(e.to_string()))
}

impl TableWriters {
    /// Creates the files at the given (temporary) paths: flags, segments, documents, and
    /// alignments when there is a path for it.
    pub fn create(
        paths: [&Path; 3],
        alignments: Option<&Path>,
        meta: &MetaColumns,
        kept: KeptText,
        dir: &Path,
    ) -> Result<Self, OutputError> {
        let meta_names = carried_column_names(meta, kept);
        Ok(TableWriters {
            flags: TableWriter::new(writer(paths[0], &flags_schema(), dir)?),
            segments: TableWriter::new(writer(paths[1], &segments_schema(), dir)?),
            documents: TableWriter::new(writer(paths[2], &documents_schema(kept, &meta_names, &meta.kinds), dir)?),
            alignments: alignments
                .map(|path| writer(path, &alignments_schema(), dir).map(TableWriter::new))
                .transpose()?,
            kept,
            meta_names,
            meta_kinds: meta.kinds.clone(),
            dir: dir.to_owned(),
        })
    }

    fn error(&self, error: PolarsError) -> OutputError {
        OutputError::Write { dir: self.dir.clone(), message: error.to_string() }
    }

    /// Appends one scored batch to every table.
    pub fn write(&mut self, docs: &[ScoredDoc]) -> Result<(), OutputError> {
        let flags = flags_frame(docs).map_err(|e| self.error(e))?;
        let segments = segments_frame(docs).map_err(|e| self.error(e))?;
        let documents =
            documents_frame(docs, self.kept, &self.meta_names, &self.meta_kinds).map_err(|e| self.error(e))?;
        let alignments =
            self.alignments.is_some().then(|| alignments_frame(docs)).transpose().map_err(|e| self.error(e))?;
        let pushed = self
            .flags
            .push(flags)
            .and_then(|()| self.segments.push(segments))
            .and_then(|()| self.documents.push(documents))
            .and_then(|()| match (self.alignments.as_mut(), alignments) {
                (Some(writer), Some(frame)) => writer.push(frame),
                _ => Ok(()),
            });
        pushed.map_err(|e| self.error(e))
    }

    /// Writes the last row groups and the footers. The files are complete only after this.
    pub fn finish(mut self) -> Result<(), OutputError> {
        let finished = [&mut self.flags, &mut self.segments, &mut self.documents]
            .into_iter()
            .chain(self.alignments.as_mut())
            .try_for_each(|writer| writer.finish());
        finished.map_err(|e| self.error(e))
    }
}

fn flags_frame(docs: &[ScoredDoc]) -> PolarsResult<DataFrame> {
    let rows = || docs.iter().flat_map(|d| d.flags.iter().map(move |f| (d.id.as_str(), f)));
    let n = rows().count();
    DataFrame::new(
        n,
        vec![
            Column::new("doc_id".into(), rows().map(|(id, _)| id).collect::<Vec<_>>()),
            Column::new("segment".into(), rows().map(|(_, f)| f.segment).collect::<Vec<_>>()),
            Column::new("start".into(), rows().map(|(_, f)| f.start).collect::<Vec<_>>()),
            Column::new("end".into(), rows().map(|(_, f)| f.end).collect::<Vec<_>>()),
            Column::new("byte_start".into(), rows().map(|(_, f)| f.byte_start).collect::<Vec<_>>()),
            Column::new("byte_end".into(), rows().map(|(_, f)| f.byte_end).collect::<Vec<_>>()),
            Column::new("detector".into(), rows().map(|(_, f)| f.detector).collect::<Vec<_>>()),
            Column::new("category".into(), rows().map(|(_, f)| f.category).collect::<Vec<_>>()),
            Column::new("severity".into(), rows().map(|(_, f)| f.severity).collect::<Vec<_>>()),
            Column::new("confidence".into(), rows().map(|(_, f)| f.confidence).collect::<Vec<_>>()),
            Column::new("excerpt".into(), rows().map(|(_, f)| f.excerpt.as_str()).collect::<Vec<_>>()),
            Column::new("message".into(), rows().map(|(_, f)| f.message.as_str()).collect::<Vec<_>>()),
            Column::new("suggestion".into(), rows().map(|(_, f)| f.suggestion.as_deref()).collect::<Vec<_>>()),
        ],
    )
}

fn segments_frame(docs: &[ScoredDoc]) -> PolarsResult<DataFrame> {
    let rows = || docs.iter().flat_map(|d| d.segments.iter().map(move |s| (d.id.as_str(), s)));
    let texts = || docs.iter().flat_map(|d| d.segments.iter().map(move |s| d.segment_text(s)));
    let n = rows().count();
    DataFrame::new(
        n,
        vec![
            Column::new("doc_id".into(), rows().map(|(id, _)| id).collect::<Vec<_>>()),
            Column::new("segment".into(), rows().map(|(_, s)| s.segment).collect::<Vec<_>>()),
            Column::new("start".into(), rows().map(|(_, s)| s.start).collect::<Vec<_>>()),
            Column::new("end".into(), rows().map(|(_, s)| s.end).collect::<Vec<_>>()),
            Column::new("text".into(), texts().collect::<Vec<_>>()),
            Column::new("lang".into(), rows().map(|(_, s)| s.lang).collect::<Vec<_>>()),
            Column::new("lang_confidence".into(), rows().map(|(_, s)| s.lang_confidence).collect::<Vec<_>>()),
            Column::new("n_words".into(), rows().map(|(_, s)| s.n_words).collect::<Vec<_>>()),
            Column::new("n_flags".into(), rows().map(|(_, s)| s.n_flags).collect::<Vec<_>>()),
            Column::new("penalty".into(), rows().map(|(_, s)| s.penalty).collect::<Vec<_>>()),
            Column::new("score".into(), rows().map(|(_, s)| s.score).collect::<Vec<_>>()),
            Column::new("lm_logprob".into(), rows().map(|(_, s)| s.fluency.lm_logprob).collect::<Vec<_>>()),
            Column::new("lm_slor".into(), rows().map(|(_, s)| s.fluency.lm_slor).collect::<Vec<_>>()),
            Column::new("lm_unknown".into(), rows().map(|(_, s)| s.fluency.lm_unknown).collect::<Vec<_>>()),
            Column::new("quality".into(), rows().map(|(_, s)| s.quality).collect::<Vec<_>>()),
        ],
    )
}

fn alignments_frame(docs: &[ScoredDoc]) -> PolarsResult<DataFrame> {
    let rows = || docs.iter().flat_map(|d| d.alignments.iter().map(move |a| (d.id.as_str(), a)));
    let n = rows().count();
    DataFrame::new(
        n,
        vec![
            Column::new("doc_id".into(), rows().map(|(id, _)| id).collect::<Vec<_>>()),
            Column::new("link".into(), rows().map(|(_, a)| a.link).collect::<Vec<_>>()),
            Column::new("source_segment".into(), rows().map(|(_, a)| a.source_segment).collect::<Vec<_>>()),
            Column::new("target_segment".into(), rows().map(|(_, a)| a.target_segment).collect::<Vec<_>>()),
            Column::new("source_start".into(), rows().map(|(_, a)| a.source_start).collect::<Vec<_>>()),
            Column::new("source_end".into(), rows().map(|(_, a)| a.source_end).collect::<Vec<_>>()),
            Column::new("source_text".into(), rows().map(|(_, a)| a.source_text.as_str()).collect::<Vec<_>>()),
            Column::new("length_deviation".into(), rows().map(|(_, a)| a.length_deviation).collect::<Vec<_>>()),
            Column::new("source_coverage".into(), rows().map(|(_, a)| a.source_coverage).collect::<Vec<_>>()),
            Column::new("target_support".into(), rows().map(|(_, a)| a.target_support).collect::<Vec<_>>()),
        ],
    )
}

fn documents_frame(
    docs: &[ScoredDoc],
    kept: KeptText,
    meta_names: &[String],
    meta_kinds: &[ColumnKind],
) -> PolarsResult<DataFrame> {
    let summary = |pick: fn(&ScoredDoc) -> u32| docs.iter().map(pick).collect::<Vec<_>>();
    let penalty = |dimension: usize| docs.iter().map(|d| d.penalty_by_dimension[dimension]).collect::<Vec<_>>();
    let mut columns = vec![
        Column::new("doc_id".into(), docs.iter().map(|d| d.id.as_str()).collect::<Vec<_>>()),
        Column::new("n_chars".into(), summary(|d| d.n_chars)),
        Column::new("n_words".into(), summary(|d| d.n_words)),
        Column::new("n_segments".into(), summary(|d| d.segments.len() as u32)),
        Column::new("lang".into(), docs.iter().map(|d| d.lang).collect::<Vec<_>>()),
        Column::new("lang_confidence".into(), docs.iter().map(|d| d.lang_confidence).collect::<Vec<_>>()),
        Column::new("n_flags".into(), summary(|d| d.flags.len() as u32)),
        Column::new("penalty".into(), docs.iter().map(|d| d.penalty).collect::<Vec<_>>()),
        Column::new("score".into(), docs.iter().map(|d| d.score).collect::<Vec<_>>()),
        Column::new("penalty_accuracy".into(), penalty(0)),
        Column::new("penalty_fluency".into(), penalty(1)),
        Column::new("penalty_style".into(), penalty(2)),
        Column::new("penalty_terminology".into(), penalty(3)),
        Column::new("penalty_locale".into(), penalty(4)),
        Column::new("lm_logprob".into(), docs.iter().map(|d| d.fluency.lm_logprob).collect::<Vec<_>>()),
        Column::new("lm_slor".into(), docs.iter().map(|d| d.fluency.lm_slor).collect::<Vec<_>>()),
        Column::new("lm_unknown".into(), docs.iter().map(|d| d.fluency.lm_unknown).collect::<Vec<_>>()),
        Column::new("quality".into(), docs.iter().map(|d| d.quality).collect::<Vec<_>>()),
        Column::new("expected_major_errors".into(), docs.iter().map(|d| d.expected_major_errors).collect::<Vec<_>>()),
        Column::new("source_coverage".into(), docs.iter().map(|d| d.coverage.map(|c| c.0)).collect::<Vec<_>>()),
        Column::new("target_support".into(), docs.iter().map(|d| d.coverage.map(|c| c.1)).collect::<Vec<_>>()),
    ];
    if kept.text {
        columns.push(Column::new("text".into(), docs.iter().map(|d| d.text.as_str()).collect::<Vec<_>>()));
    }
    if kept.source {
        columns.push(Column::new("source".into(), docs.iter().map(|d| d.source.as_deref()).collect::<Vec<_>>()));
    }
    for (position, (name, kind)) in meta_names.iter().zip(meta_kinds).enumerate() {
        let values: Vec<Option<&MetaValue>> =
            docs.iter().map(|d| d.meta.get(position).and_then(Option::as_ref)).collect();
        columns.push(carried_column(name, kind, values)?);
    }
    DataFrame::new(docs.len(), columns)
}

/// The values of a carried Parquet column: text as text, anything else in its own type.
fn carried_values(column: &Column) -> Vec<Option<MetaValue>> {
    if let Ok(strings) = column.str() {
        return strings.iter().map(|v| v.map(|v| MetaValue::Text(v.to_owned()))).collect();
    }
    (0..column.len())
        .map(|i| {
            let value = column.get(i).ok()?;
            (!value.is_null()).then(|| MetaValue::Typed(TypedValue(value.into_static())))
        })
        .collect()
}

/// The type of a Parquet input column that is not text, carried into `documents.parquet`.
#[derive(Debug, Clone, PartialEq)]
pub struct TypedKind(DataType);

/// A value of such a column.
#[derive(Debug, Clone, PartialEq)]
pub struct TypedValue(AnyValue<'static>);

impl TypedValue {
    /// The value's display form ("2024-01-02", "[1, 2]"), for a column written as text.
    pub fn to_text(&self) -> String {
        match &self.0 {
            AnyValue::StringOwned(text) => text.to_string(),
            AnyValue::String(text) => text.to_string(),
            other => other.to_string(),
        }
    }
}

/// How a carried column is written: its polars type.
fn carried_dtype(kind: &ColumnKind) -> DataType {
    match kind {
        ColumnKind::Unknown | ColumnKind::Text => DataType::String,
        ColumnKind::Integer => DataType::Int64,
        ColumnKind::Float => DataType::Float64,
        ColumnKind::Boolean => DataType::Boolean,
        ColumnKind::Typed(TypedKind(dtype)) => dtype.clone(),
    }
}

/// One carried column of a batch of documents, in its output type.
fn carried_column(name: &str, kind: &ColumnKind, values: Vec<Option<&MetaValue>>) -> PolarsResult<Column> {
    let name: PlSmallStr = name.into();
    Ok(match kind {
        ColumnKind::Unknown | ColumnKind::Text => {
            Column::new(name, values.iter().map(|v| v.map(MetaValue::to_text)).collect::<Vec<_>>())
        }
        ColumnKind::Integer => Column::new(
            name,
            values
                .iter()
                .map(|v| match v {
                    Some(MetaValue::Integer(n)) => Some(*n),
                    _ => None,
                })
                .collect::<Vec<_>>(),
        ),
        ColumnKind::Float => Column::new(
            name,
            values
                .iter()
                .map(|v| match v {
                    Some(MetaValue::Float(x)) => Some(*x),
                    Some(MetaValue::Integer(n)) => Some(*n as f64),
                    _ => None,
                })
                .collect::<Vec<_>>(),
        ),
        ColumnKind::Boolean => Column::new(
            name,
            values
                .iter()
                .map(|v| match v {
                    Some(MetaValue::Boolean(b)) => Some(*b),
                    _ => None,
                })
                .collect::<Vec<_>>(),
        ),
        ColumnKind::Typed(TypedKind(dtype)) => {
            let any: Vec<AnyValue> = values
                .iter()
                .map(|v| match v {
                    Some(MetaValue::Typed(TypedValue(value))) => value.clone(),
                    _ => AnyValue::Null,
                })
                .collect();
            Series::from_any_values_and_dtype(name, &any, dtype, false)?.into_column()
        }
    })
}

/// Rows read from a Parquet input at a time.
const PARQUET_CHUNK_ROWS: usize = 4096;

/// The columns of a Parquet file, from its footer, with the kind each is carried as: text
/// columns as text, every other one in its own type.
pub fn input_columns(path: &Path) -> Result<Vec<(String, ColumnKind)>, InputError> {
    let file = File::open(path).map_err(|error| InputError::Open { path: path.to_owned(), error })?;
    let mut reader = ParquetReader::new(file);
    let schema = reader.schema().map_err(|e| InputError::Read { path: path.to_owned(), message: e.to_string() })?;
    Ok(schema
        .iter()
        .map(|(name, field)| {
            let dtype = DataType::from_arrow_field(field);
            let kind = if dtype == DataType::String { ColumnKind::Text } else { ColumnKind::Typed(TypedKind(dtype)) };
            (name.to_string(), kind)
        })
        .collect())
}

/// Reads a Parquet input in chunks of rows, so memory stays bounded for large files.
pub struct ParquetInput {
    path: PathBuf,
    file: Arc<str>,
    names: ColumnNames,
    meta: MetaColumns,
    rows: usize,
    bytes: u64,
    next_row: usize,
    chunk: std::vec::IntoIter<Item>,
    progress: Arc<AtomicU64>,
}

impl ParquetInput {
    pub fn open(
        input: &Input,
        file: Arc<str>,
        names: &ColumnNames,
        meta: &MetaColumns,
        progress: Arc<AtomicU64>,
    ) -> Result<Self, InputError> {
        let handle = File::open(&input.path).map_err(|error| InputError::Open { path: input.path.clone(), error })?;
        let rows = ParquetReader::new(handle)
            .num_rows()
            .map_err(|e| InputError::Read { path: input.path.clone(), message: e.to_string() })?;
        Ok(ParquetInput {
            path: input.path.clone(),
            file,
            names: names.clone(),
            meta: meta.clone(),
            rows,
            bytes: input.bytes,
            next_row: 0,
            chunk: Vec::new().into_iter(),
            progress,
        })
    }

    fn read_chunk(&mut self) -> Result<Vec<Item>, InputError> {
        let error = |message: String| InputError::Read { path: self.path.clone(), message };
        let handle = File::open(&self.path).map_err(|error| InputError::Open { path: self.path.clone(), error })?;
        let length = PARQUET_CHUNK_ROWS.min(self.rows - self.next_row);
        let frame = ParquetReader::new(handle)
            .with_slice(Some((self.next_row, length)))
            .finish()
            .map_err(|e| error(e.to_string()))?;
        let text_column = frame.column(&self.names.text).map_err(|e| error(e.to_string()))?;
        // A dictionary-encoded (categorical) text column is text too.
        if !matches!(text_column.dtype(), DataType::String | DataType::Categorical(..) | DataType::Enum(..)) {
            return Err(error(format!("the '{}' column has type {}, not text", self.names.text, text_column.dtype())));
        }
        let as_text = |name: &str| -> Result<Vec<Option<String>>, InputError> {
            let column = frame.column(name).map_err(|e| error(e.to_string()))?;
            Ok(match column.cast(&DataType::String) {
                Ok(cast) => {
                    let strings = cast.str().map_err(|e| error(e.to_string()))?;
                    (0..strings.len()).map(|i| strings.get(i).map(str::to_owned)).collect()
                }
                // Nested types have no cast to text: use their display form.
                Err(_) => (0..column.len())
                    .map(|i| column.get(i).ok().filter(|v| !v.is_null()).map(|v| v.to_string()))
                    .collect(),
            })
        };
        let ids = as_text(&self.names.id)?;
        let texts = as_text(&self.names.text)?;
        let sources =
            if frame.schema().contains(&self.names.source) { Some(as_text(&self.names.source)?) } else { None };
        let mut carried: Vec<(usize, Vec<Option<MetaValue>>)> = Vec::new();
        for column in frame.columns() {
            let name = column.name().as_str();
            if let Some(position) = self.meta.position(name) {
                if name != self.names.id && name != self.names.text && name != self.names.source {
                    carried.push((position, carried_values(column)));
                }
            }
        }
        let mut items = Vec::with_capacity(length);
        for (i, (id, text)) in ids.into_iter().zip(texts).enumerate() {
            let origin = Origin { file: self.file.clone(), line: None, row: (self.next_row + i + 1) as u64 };
            let (Some(id), Some(text)) = (id.clone(), text) else {
                let missing = if id.is_none() { &self.names.id } else { &self.names.text };
                items.push(Item::Reject(Reject { origin, id, reason: format!("the '{missing}' value is null") }));
                continue;
            };
            let mut meta = vec![None; self.meta.len()];
            for (position, values) in &mut carried {
                meta[*position] = values[i].take();
            }
            let source = sources.as_ref().and_then(|s| s[i].clone());
            items.push(Item::Record(Record { id, text, source, meta, origin }));
        }
        self.next_row += length;
        self.progress.store(self.bytes * self.next_row as u64 / self.rows.max(1) as u64, Ordering::Relaxed);
        Ok(items)
    }
}

impl RecordReader for ParquetInput {
    fn next_item(&mut self) -> Result<Option<Item>, InputError> {
        loop {
            if let Some(item) = self.chunk.next() {
                return Ok(Some(item));
            }
            if self.next_row >= self.rows {
                return Ok(None);
            }
            self.chunk = self.read_chunk()?.into_iter();
        }
    }
}

/// Writes a small Parquet file from text columns; used by tests and examples to make inputs.
pub fn write_text_table(path: &Path, columns: &[(&str, Vec<Option<&str>>)]) -> Result<(), String> {
    let height = columns.first().map_or(0, |(_, values)| values.len());
    let columns = columns.iter().map(|(name, values)| Column::new((*name).into(), values.clone())).collect();
    let mut frame = DataFrame::new(height, columns).map_err(|e| e.to_string())?;
    let file = File::create(path).map_err(|e| e.to_string())?;
    let schema = frame.schema().clone();
    compatible_writer(file, &schema).finish(&mut frame).map_err(|e| e.to_string())?;
    Ok(())
}

/// A column of a small table written by `mtqe eval`.
pub enum TableColumn {
    Text(Vec<Option<String>>),
    Count(Vec<u32>),
    Number(Vec<Option<f64>>),
}

/// Writes a small table whose schema is given by its columns, in one go.
pub fn write_table(path: &Path, columns: Vec<(String, TableColumn)>) -> anyhow::Result<()> {
    let height = columns.first().map_or(0, |(_, c)| match c {
        TableColumn::Text(v) => v.len(),
        TableColumn::Count(v) => v.len(),
        TableColumn::Number(v) => v.len(),
    });
    let columns = columns
        .into_iter()
        .map(|(name, values)| match values {
            TableColumn::Text(v) => Column::new(name.as_str().into(), v),
            TableColumn::Count(v) => Column::new(name.as_str().into(), v),
            TableColumn::Number(v) => Column::new(name.as_str().into(), v),
        })
        .collect();
    let mut frame = DataFrame::new(height, columns)?;
    let file = File::create(path).map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()))?;
    let schema = frame.schema().clone();
    compatible_writer(file, &schema).finish(&mut frame)?;
    Ok(())
}

/// Reads the flags and document scores of an `mtqe score` output, keyed by document id.
pub fn read_predictions(dir: &Path) -> anyhow::Result<std::collections::HashMap<String, crate::eval::Prediction>> {
    let read = |name: &str| -> anyhow::Result<DataFrame> {
        let path = dir.join(name);
        let file = File::open(&path).map_err(|e| anyhow::anyhow!("cannot open {}: {e}", path.display()))?;
        Ok(ParquetReader::new(file).finish()?)
    };
    let documents = read("documents.parquet")?;
    let flags = read("flags.parquet")?;
    let mut predictions = std::collections::HashMap::new();
    let (ids, scores, penalties, words) = (
        documents.column("doc_id")?.str()?.clone(),
        documents.column("score")?.f64()?.clone(),
        documents.column("penalty")?.f64()?.clone(),
        documents.column("n_words")?.u32()?.clone(),
    );
    // Runs written before the quality column existed have none.
    let qualities = match documents.column("quality") {
        Ok(column) => Some(column.f64()?.clone()),
        Err(_) => None,
    };
    for i in 0..documents.height() {
        let prediction = crate::eval::Prediction {
            flags: Vec::new(),
            score: scores.get(i).unwrap_or(100.0),
            penalty: penalties.get(i).unwrap_or(0.0),
            words: words.get(i).unwrap_or(0) as usize,
            quality: qualities.as_ref().and_then(|q| q.get(i)),
            features: Vec::new(),
        };
        predictions.insert(ids.get(i).unwrap_or_default().to_string(), prediction);
    }
    let (flag_ids, starts, ends, detectors, severities) = (
        flags.column("doc_id")?.str()?.clone(),
        flags.column("start")?.u32()?.clone(),
        flags.column("end")?.u32()?.clone(),
        flags.column("detector")?.str()?.clone(),
        flags.column("severity")?.str()?.clone(),
    );
    for i in 0..flags.height() {
        if let Some(prediction) = predictions.get_mut(flag_ids.get(i).unwrap_or_default()) {
            let span = starts.get(i).unwrap_or(0) as usize..ends.get(i).unwrap_or(0) as usize;
            prediction.flags.push((
                span,
                detectors.get(i).unwrap_or_default().to_string(),
                severities.get(i).unwrap_or_default().to_string(),
            ));
        }
    }
    Ok(predictions)
}

/// One column of a [`TableChunk`]: text, or a number of any numeric type as `f64`.
pub enum ChunkColumn {
    Text(Vec<Option<String>>),
    Number(Vec<Option<f64>>),
}

/// Consecutive rows of an output table, with the columns asked for that the file has.
pub struct TableChunk {
    rows: usize,
    columns: Vec<(String, ChunkColumn)>,
}

impl TableChunk {
    pub fn len(&self) -> usize {
        self.rows
    }

    pub fn is_empty(&self) -> bool {
        self.rows == 0
    }

    /// A text column; None when the file has no such column.
    pub fn text(&self, name: &str) -> Option<&[Option<String>]> {
        self.columns.iter().find_map(|(n, c)| match c {
            ChunkColumn::Text(values) if n == name => Some(values.as_slice()),
            _ => None,
        })
    }

    /// A value of any column as text: numbers in their shortest form ("12", "0.5").
    pub fn display(&self, name: &str, row: usize) -> Option<String> {
        self.columns.iter().find(|(n, _)| n == name).and_then(|(_, column)| match column {
            ChunkColumn::Text(values) => values[row].clone(),
            ChunkColumn::Number(values) => values[row].map(|x| x.to_string()),
        })
    }

    /// A numeric column; None when the file has no such column.
    pub fn number(&self, name: &str) -> Option<&[Option<f64>]> {
        self.columns.iter().find_map(|(n, c)| match c {
            ChunkColumn::Number(values) if n == name => Some(values.as_slice()),
            _ => None,
        })
    }
}

/// (first row, rows) of consecutive whole row groups of at least [`SCAN_CHUNK_ROWS`] rows each,
/// but the last.
fn row_group_chunks(metadata: &FileMetadataRef) -> Vec<(usize, usize)> {
    let mut chunks = Vec::new();
    let (mut start, mut rows) = (0, 0);
    for group in &metadata.row_groups {
        rows += group.num_rows();
        if rows >= SCAN_CHUNK_ROWS {
            chunks.push((start, rows));
            start += rows;
            rows = 0;
        }
    }
    if rows > 0 {
        chunks.push((start, rows));
    }
    chunks
}

/// For `mtqe filter`: copies the rows of Parquet inputs that pass to `kept`, every column as it
/// is, and the others to `rejected` with a first column `mtqe_reasons` (the reasons joined by
/// "; "). `reasons_of` judges a row by its id. Inputs are read in chunks of row groups.
pub fn filter_parquet(
    inputs: &[Input],
    id_column: &str,
    reasons_of: &dyn Fn(Option<&str>) -> Vec<String>,
    kept: &Path,
    rejected: &Path,
) -> anyhow::Result<crate::filter::Filtered> {
    let context = |path: &Path| {
        let shown = path.display().to_string();
        move |e: PolarsError| anyhow::anyhow!("{shown}: {e}")
    };
    let mut counts = crate::filter::Filtered::default();
    let mut writers: Option<(BatchedWriter<File>, BatchedWriter<File>, Schema)> = None;
    for input in inputs {
        let open = || File::open(&input.path).map_err(|e| anyhow::anyhow!("cannot open {}: {e}", input.display));
        let mut reader = ParquetReader::new(open()?);
        let metadata = reader.get_metadata().map_err(context(&input.path))?.clone();
        let arrow = reader.schema().map_err(context(&input.path))?;
        let schema: Schema =
            arrow.iter().map(|(name, field)| Field::new(name.clone(), DataType::from_arrow_field(field))).collect();
        let (kept_writer, rejected_writer, first_schema) = match &mut writers {
            Some(writers) => writers,
            None => {
                let create = |path: &Path, schema: &Schema| -> anyhow::Result<BatchedWriter<File>> {
                    let file =
                        File::create(path).map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()))?;
                    Ok(compatible_writer(file, schema).batched(schema)?)
                };
                let mut with_reasons = Schema::from_iter([Field::new("mtqe_reasons".into(), DataType::String)]);
                with_reasons.merge(schema.clone());
                writers.insert((create(kept, &schema)?, create(rejected, &with_reasons)?, schema.clone()))
            }
        };
        if &schema != first_schema {
            anyhow::bail!("{} has other columns or types than the first input; filter them one by one", input.display);
        }
        for (offset, length) in row_group_chunks(&metadata) {
            let mut reader = ParquetReader::new(open()?);
            reader.set_metadata(metadata.clone());
            let frame = reader.with_slice(Some((offset, length))).finish().map_err(context(&input.path))?;
            let ids = frame.column(id_column).map_err(context(&input.path))?.cast(&DataType::String)?;
            let ids = ids.str()?;
            let reasons: Vec<Vec<String>> = ids.iter().map(reasons_of).collect();
            let keep: BooleanChunked = reasons.iter().map(|r| r.is_empty()).collect();
            let passed = frame.filter(&keep)?;
            let mut failed = frame.filter(&!&keep)?;
            let listed: Vec<String> = reasons.iter().filter(|r| !r.is_empty()).map(|r| r.join("; ")).collect();
            failed.insert_column(0, Column::new("mtqe_reasons".into(), listed))?;
            counts.kept += passed.height() as u64;
            counts.rejected += failed.height() as u64;
            // The batched writer writes one row group per chunk of a frame.
            for (frame, writer) in [(passed, &mut *kept_writer), (failed, &mut *rejected_writer)] {
                if frame.height() > 0 {
                    let mut frame = frame;
                    frame.rechunk_mut();
                    writer.write_batch(&frame)?;
                }
            }
        }
    }
    let Some((kept_writer, rejected_writer, _)) = writers else { anyhow::bail!("no Parquet input to filter") };
    kept_writer.finish()?;
    rejected_writer.finish()?;
    Ok(counts)
}

/// Rows read per call while scanning a table: whole row groups, gathered up to this many rows.
const SCAN_CHUNK_ROWS: usize = 1 << 16;

/// The column names and row count of a Parquet file, from its footer.
pub fn table_shape(path: &Path) -> anyhow::Result<(Vec<String>, usize)> {
    let file = File::open(path).map_err(|e| anyhow::anyhow!("cannot open {}: {e}", path.display()))?;
    let mut reader = ParquetReader::new(file);
    let schema = reader.schema().map_err(|e| anyhow::anyhow!("cannot read {}: {e}", path.display()))?;
    let names = schema.iter_names().map(|name| name.to_string()).collect();
    let rows = reader.num_rows()?;
    Ok((names, rows))
}

/// Reads the named columns of a Parquet file in chunks of whole row groups and hands each chunk
/// to `visit`, so that memory is bounded by the largest row group, not by the file. Columns the
/// file lacks are left out of the chunks; numbers of every width come as `f64`, and any other
/// type as its text form.
pub fn scan_table(
    path: &Path,
    columns: &[&str],
    visit: impl FnMut(&TableChunk) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    scan_table_where(path, columns, None, visit)
}

/// A text column and a test on its values: only chunks where some row passes are read in full.
pub type KeyFilter<'a> = (&'a str, &'a dyn Fn(&str) -> bool);

/// [`scan_table`], reading first only the key column of each chunk, and the other columns only
/// for chunks where some key passes the filter; the others are skipped. Looking up a few
/// documents in a large run reads their text, not everyone's.
pub fn scan_table_where(
    path: &Path,
    columns: &[&str],
    filter: Option<KeyFilter>,
    mut visit: impl FnMut(&TableChunk) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let open = || File::open(path).map_err(|e| anyhow::anyhow!("cannot open {}: {e}", path.display()));
    let context = |e: PolarsError| anyhow::anyhow!("cannot read {}: {e}", path.display());
    let mut reader = ParquetReader::new(open()?);
    let metadata = reader.get_metadata().map_err(context)?.clone();
    let schema = reader.schema().map_err(context)?;
    let present: Vec<String> =
        columns.iter().filter(|name| schema.contains(name)).map(|name| name.to_string()).collect();
    for (offset, length) in row_group_chunks(&metadata) {
        if let Some((key, keep)) = filter {
            let mut reader = ParquetReader::new(open()?);
            reader.set_metadata(metadata.clone());
            let frame = reader
                .with_columns(Some(vec![key.to_string()]))
                .with_slice(Some((offset, length)))
                .finish()
                .map_err(context)?;
            let keys = frame.column(key).map_err(context)?.cast(&DataType::String).map_err(context)?;
            if !keys.str().map_err(context)?.iter().flatten().any(keep) {
                continue;
            }
        }
        let mut reader = ParquetReader::new(open()?);
        reader.set_metadata(metadata.clone());
        let frame =
            reader.with_columns(Some(present.clone())).with_slice(Some((offset, length))).finish().map_err(context)?;
        let mut chunk = TableChunk { rows: frame.height(), columns: Vec::with_capacity(present.len()) };
        for name in &present {
            let column = frame.column(name).map_err(context)?;
            let values = if column.dtype().is_primitive_numeric() {
                let numbers = column.cast(&DataType::Float64).map_err(context)?;
                let numbers = numbers.f64().map_err(context)?;
                ChunkColumn::Number(numbers.iter().collect())
            } else {
                match column.cast(&DataType::String) {
                    Ok(text) => {
                        let text = text.str().map_err(context)?;
                        ChunkColumn::Text(text.iter().map(|v| v.map(str::to_owned)).collect())
                    }
                    // Lists and structs have no cast to text: their display form.
                    Err(_) => ChunkColumn::Text(
                        (0..column.len())
                            .map(|i| column.get(i).ok().filter(|v| !v.is_null()).map(|v| v.to_string()))
                            .collect(),
                    ),
                }
            };
            chunk.columns.push((name.clone(), values));
        }
        visit(&chunk)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_are_gathered_into_row_groups_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("numbers.parquet");
        let schema = Schema::from_iter([Field::new("n".into(), DataType::UInt32)]);
        let mut table = TableWriter::new(writer(&path, &schema, dir.path()).unwrap());
        table.group_rows = 25;
        // Ten batches of 10 rows (one empty): a group is written once 25 rows wait.
        for batch in 0..10u32 {
            let rows: Vec<u32> = if batch == 4 { vec![] } else { (batch * 10..batch * 10 + 10).collect() };
            table.push(DataFrame::new(rows.len(), vec![Column::new("n".into(), rows)]).unwrap()).unwrap();
        }
        table.finish().unwrap();
        let mut reader = ParquetReader::new(File::open(&path).unwrap());
        let groups: Vec<usize> = reader.get_metadata().unwrap().row_groups.iter().map(|g| g.num_rows()).collect();
        assert_eq!(groups, [30, 30, 30]);
        let frame = reader.finish().unwrap();
        let read: Vec<u32> = frame.column("n").unwrap().u32().unwrap().into_no_null_iter().collect();
        let expected: Vec<u32> = (0..100).filter(|n| !(40..50).contains(n)).collect();
        assert_eq!(read, expected);
    }

    #[test]
    fn scanning_reads_every_row_in_order_and_the_key_filter_skips_chunks_without_a_match() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ids.parquet");
        let schema = Schema::from_iter([
            Field::new("doc_id".into(), DataType::String),
            Field::new("n".into(), DataType::UInt32),
        ]);
        let mut table = TableWriter::new(writer(&path, &schema, dir.path()).unwrap());
        table.group_rows = SCAN_CHUNK_ROWS;
        let rows = 3 * SCAN_CHUNK_ROWS as u32 + 17;
        // One row group per pushed frame: three full chunks and a short one.
        for start in (0..rows).step_by(SCAN_CHUNK_ROWS) {
            let numbers: Vec<u32> = (start..(start + SCAN_CHUNK_ROWS as u32).min(rows)).collect();
            let ids: Vec<String> = numbers.iter().map(|n| format!("d{n}")).collect();
            let columns = vec![Column::new("doc_id".into(), ids), Column::new("n".into(), numbers.clone())];
            table.push(DataFrame::new(numbers.len(), columns).unwrap()).unwrap();
        }
        table.finish().unwrap();
        let groups = ParquetReader::new(File::open(&path).unwrap()).get_metadata().unwrap().row_groups.len();
        assert_eq!(groups, 4);

        let mut seen = Vec::new();
        let mut chunks = 0;
        scan_table(&path, &["n", "absent"], |chunk| {
            chunks += 1;
            assert!(chunk.number("absent").is_none() && chunk.text("n").is_none());
            seen.extend(chunk.number("n").unwrap().iter().map(|n| n.unwrap() as u32));
            Ok(())
        })
        .unwrap();
        assert_eq!(seen, (0..rows).collect::<Vec<_>>());
        assert_eq!(chunks, 4, "one chunk per full row group, and the short last one");

        let wanted = format!("d{}", 2 * SCAN_CHUNK_ROWS + 5);
        let keep = |id: &str| id == wanted;
        let mut chunks = 0;
        let mut found = Vec::new();
        scan_table_where(&path, &["doc_id", "n"], Some(("doc_id", &keep)), |chunk| {
            chunks += 1;
            let ids = chunk.text("doc_id").unwrap();
            found.extend(
                ids.iter()
                    .zip(chunk.number("n").unwrap())
                    .filter(|(id, _)| id.as_deref() == Some(wanted.as_str()))
                    .map(|(_, n)| n.unwrap()),
            );
            Ok(())
        })
        .unwrap();
        assert_eq!(chunks, 1, "only the chunk holding the id is read in full");
        assert_eq!(found, [(2 * SCAN_CHUNK_ROWS + 5) as f64]);
    }
}
