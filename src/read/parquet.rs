//! Parquet input: a corpus read in chunks of rows, its text columns as text and every other
//! column carried through in its own type. A table handed over in memory (`read::table`) is
//! read the same way.
//!
//! One of the modules that touch polars (see the crate documentation); polars' API moves
//! quickly, so it is pinned in Cargo.toml and kept out of the rest of the crate.

use super::{
    ColumnKind, ColumnNames, Input, Item, MemoryTable, MetaColumns, MetaValue, Origin, Record, RecordReader, Reject,
    RejectReason,
};
use crate::error::InputError;
use polars::prelude::*;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// Rows read from a Parquet input at a time.
const PARQUET_CHUNK_ROWS: usize = 4096;

/// Runs one read of a Parquet file. polars' reader panics on some corrupt files (fuzzing found a
/// malformed footer field, "thrift bool field"): that is the file's fault, so it becomes a read
/// error naming the file, as other corrupt input does, not a panic of the reader thread.
fn guarded<T>(path: &Path, read: impl FnOnce() -> Result<T, InputError>) -> Result<T, InputError> {
    crate::fault::isolate(read).unwrap_or_else(|failure| {
        Err(InputError::Read { path: path.to_owned(), message: format!("corrupt Parquet file: {}", failure.message) })
    })
}

/// The columns of a Parquet file, from its footer, with the kind each is carried as: text
/// columns as text, every other one in its own type.
pub fn input_columns(path: &Path) -> Result<Vec<(String, ColumnKind)>, InputError> {
    super::parquet_footer::check_footer(path)?;
    guarded(path, || footer_columns(path))
}

fn footer_columns(path: &Path) -> Result<Vec<(String, ColumnKind)>, InputError> {
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

/// Where a [`ParquetInput`]'s rows are.
enum Rows {
    File(PathBuf),
    Memory(Arc<MemoryTable>),
}

/// Reads a Parquet input in chunks of rows, so memory stays bounded for large files.
pub struct ParquetInput {
    path: PathBuf,
    rows_in: Rows,
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
        super::parquet_footer::check_footer(&input.path)?;
        let rows = guarded(&input.path, || {
            let handle =
                File::open(&input.path).map_err(|error| InputError::Open { path: input.path.clone(), error })?;
            ParquetReader::new(handle)
                .num_rows()
                .map_err(|e| InputError::Read { path: input.path.clone(), message: e.to_string() })
        })?;
        Ok(ParquetInput {
            path: input.path.clone(),
            rows_in: Rows::File(input.path.clone()),
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

    /// Reads a table in memory, in the same chunks of rows.
    pub fn in_memory(
        input: &Input,
        table: Arc<MemoryTable>,
        file: Arc<str>,
        names: &ColumnNames,
        meta: &MetaColumns,
        progress: Arc<AtomicU64>,
    ) -> Self {
        ParquetInput {
            path: input.path.clone(),
            rows: table.rows(),
            rows_in: Rows::Memory(table),
            file,
            names: names.clone(),
            meta: meta.clone(),
            bytes: input.bytes,
            next_row: 0,
            chunk: Vec::new().into_iter(),
            progress,
        }
    }

    fn read_chunk(&mut self) -> Result<Vec<Item>, InputError> {
        let error = |message: String| InputError::Read { path: self.path.clone(), message };
        let length = PARQUET_CHUNK_ROWS.min(self.rows - self.next_row);
        let frame = match &self.rows_in {
            Rows::File(path) => guarded(path, || {
                let handle = File::open(path).map_err(|error| InputError::Open { path: path.clone(), error })?;
                // On this thread, beside the scoring workers: a panic of the decoder on a corrupt
                // page then stays inside `guarded` instead of surfacing in polars' own pool.
                ParquetReader::new(handle)
                    .with_slice(Some((self.next_row, length)))
                    .read_parallel(ParallelStrategy::None)
                    .finish()
                    .map_err(|e| error(e.to_string()))
            })?,
            Rows::Memory(table) => table.slice(self.next_row, length),
        };
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
        // A corrupt file can decode to columns of different lengths: a read error, not a panic.
        let rows = ids.len();
        let uneven = texts.len() != rows
            || sources.as_ref().is_some_and(|s| s.len() != rows)
            || carried.iter().any(|(_, values)| values.len() != rows);
        if uneven {
            return Err(error("its columns hold different numbers of rows: the file is corrupt".to_string()));
        }
        let mut items = Vec::with_capacity(length);
        for (i, (id, text)) in ids.into_iter().zip(texts).enumerate() {
            let origin = Origin { file: self.file.clone(), line: None, row: (self.next_row + i + 1) as u64 };
            let (Some(id), Some(text)) = (id.clone(), text) else {
                let missing = if id.is_none() { &self.names.id } else { &self.names.text };
                items.push(Item::Reject(Reject {
                    origin,
                    id,
                    reason: RejectReason::NullValue { column: missing.clone() },
                }));
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
pub struct TypedKind(pub(crate) DataType);

/// A value of such a column.
#[derive(Debug, Clone, PartialEq)]
pub struct TypedValue(pub(crate) AnyValue<'static>);

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
