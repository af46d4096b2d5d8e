//! The output tables, each declared once as a list of columns: a name and how a row's value is
//! read. The Parquet schema and each batch's DataFrame are both derived from that list, so a new
//! column is one line here (and one in the README's "Output" section).
//!
//! A table's rows are items of a scored document (its flags, segments or alignment links), read
//! together with the document they belong to; `documents.parquet` has one row per document, the
//! document itself. The variant of [`Value`] fixes the column's Parquet type and whether it can
//! be null.

use crate::read::{ColumnKind, MetaColumns, MetaValue, TypedKind, TypedValue};
use crate::score::{AlignmentRow, FlagRow, ScoredDoc, SegmentRow};
use polars::prelude::*;

/// How one column's value is read from a row: the document, and the item of it the row is for.
pub enum Value<Item> {
    Text(for<'a> fn(&'a ScoredDoc, &'a Item) -> &'a str),
    TextOrNull(for<'a> fn(&'a ScoredDoc, &'a Item) -> Option<&'a str>),
    UInt32(fn(&ScoredDoc, &Item) -> u32),
    UInt32OrNull(fn(&ScoredDoc, &Item) -> Option<u32>),
    Float32(fn(&ScoredDoc, &Item) -> f32),
    Float32OrNull(fn(&ScoredDoc, &Item) -> Option<f32>),
    Float64(fn(&ScoredDoc, &Item) -> f64),
    Float64OrNull(fn(&ScoredDoc, &Item) -> Option<f64>),
}

impl<Item> Value<Item> {
    fn dtype(&self) -> DataType {
        match self {
            Value::Text(_) | Value::TextOrNull(_) => DataType::String,
            Value::UInt32(_) | Value::UInt32OrNull(_) => DataType::UInt32,
            Value::Float32(_) | Value::Float32OrNull(_) => DataType::Float32,
            Value::Float64(_) | Value::Float64OrNull(_) => DataType::Float64,
        }
    }
}

/// One column of an output table.
pub struct OutputColumn<Item: 'static> {
    pub name: &'static str,
    pub value: Value<Item>,
}

const fn column<Item>(name: &'static str, value: Value<Item>) -> OutputColumn<Item> {
    OutputColumn { name, value }
}

impl<Item> OutputColumn<Item> {
    fn values(&self, rows: &[(&ScoredDoc, &Item)]) -> Column {
        let name: PlSmallStr = self.name.into();
        macro_rules! collect {
            ($get:expr) => {
                Column::new(name, rows.iter().map(|(doc, item)| $get(doc, item)).collect::<Vec<_>>())
            };
        }
        match self.value {
            Value::Text(get) => collect!(get),
            Value::TextOrNull(get) => collect!(get),
            Value::UInt32(get) => collect!(get),
            Value::UInt32OrNull(get) => collect!(get),
            Value::Float32(get) => collect!(get),
            Value::Float32OrNull(get) => collect!(get),
            Value::Float64(get) => collect!(get),
            Value::Float64OrNull(get) => collect!(get),
        }
    }
}

/// An output table: which items of a document are its rows, and its columns in order.
pub struct OutputTable<Item: 'static> {
    pub rows: for<'a> fn(&'a ScoredDoc) -> &'a [Item],
    pub columns: &'static [OutputColumn<Item>],
}

impl<Item> OutputTable<Item> {
    /// The columns as Parquet fields, in order.
    pub fn fields(&self) -> impl Iterator<Item = Field> + '_ {
        self.columns.iter().map(|column| Field::new(column.name.into(), column.value.dtype()))
    }

    pub fn schema(&self) -> Schema {
        Schema::from_iter(self.fields())
    }

    /// Whether `name` is one of the table's own columns.
    pub fn has_column(&self, name: &str) -> bool {
        self.columns.iter().any(|column| column.name == name)
    }

    /// The rows of a batch of documents, and the table's columns over them.
    fn columns_of(&self, docs: &[ScoredDoc]) -> (usize, Vec<Column>) {
        let rows: Vec<(&ScoredDoc, &Item)> =
            docs.iter().flat_map(|doc| (self.rows)(doc).iter().map(move |item| (doc, item))).collect();
        (rows.len(), self.columns.iter().map(|column| column.values(&rows)).collect())
    }

    /// The rows of a batch of documents as a frame of the table's schema.
    pub fn frame(&self, docs: &[ScoredDoc]) -> PolarsResult<DataFrame> {
        let (height, columns) = self.columns_of(docs);
        DataFrame::new(height, columns)
    }
}

/// `flags.parquet`: one row per flag.
pub const FLAGS: OutputTable<FlagRow> = OutputTable {
    rows: |doc| &doc.flags,
    columns: &[
        column("doc_id", Value::Text(|doc, _| &doc.id)),
        column("segment", Value::UInt32(|_, flag| flag.segment)),
        column("start", Value::UInt32(|_, flag| flag.start)),
        column("end", Value::UInt32(|_, flag| flag.end)),
        column("byte_start", Value::UInt32(|_, flag| flag.byte_start)),
        column("byte_end", Value::UInt32(|_, flag| flag.byte_end)),
        column("detector", Value::Text(|_, flag| flag.detector)),
        column("category", Value::Text(|_, flag| flag.category)),
        column("severity", Value::Text(|_, flag| flag.severity)),
        column("confidence", Value::Float32(|_, flag| flag.confidence)),
        column("excerpt", Value::Text(|_, flag| &flag.excerpt)),
        column("message", Value::Text(|_, flag| &flag.message)),
        column("suggestion", Value::TextOrNull(|_, flag| flag.suggestion.as_deref())),
    ],
};

/// `segments.parquet`: one row per sentence.
pub const SEGMENTS: OutputTable<SegmentRow> = OutputTable {
    rows: |doc| &doc.segments,
    columns: &[
        column("doc_id", Value::Text(|doc, _| &doc.id)),
        column("segment", Value::UInt32(|_, segment| segment.segment)),
        column("start", Value::UInt32(|_, segment| segment.start)),
        column("end", Value::UInt32(|_, segment| segment.end)),
        column("text", Value::Text(|doc, segment| doc.segment_text(segment))),
        column("lang", Value::TextOrNull(|_, segment| segment.lang)),
        column("lang_confidence", Value::Float32OrNull(|_, segment| segment.lang_confidence)),
        column("n_words", Value::UInt32(|_, segment| segment.n_words)),
        column("n_flags", Value::UInt32(|_, segment| segment.n_flags)),
        column("penalty", Value::Float64(|_, segment| segment.penalty)),
        column("score", Value::Float64(|_, segment| segment.score)),
        column("lm_logprob", Value::Float32OrNull(|_, segment| segment.fluency.lm_logprob)),
        column("lm_slor", Value::Float32OrNull(|_, segment| segment.fluency.lm_slor)),
        column("lm_unknown", Value::Float32OrNull(|_, segment| segment.fluency.lm_unknown)),
        column("quality", Value::Float64(|_, segment| segment.quality)),
    ],
};

/// `alignments.parquet`, written only for inputs with a source: one row per link.
pub const ALIGNMENTS: OutputTable<AlignmentRow> = OutputTable {
    rows: |doc| &doc.alignments,
    columns: &[
        column("doc_id", Value::Text(|doc, _| &doc.id)),
        column("link", Value::Text(|_, link| link.link)),
        column("source_segment", Value::UInt32OrNull(|_, link| link.source_segment)),
        column("target_segment", Value::UInt32OrNull(|_, link| link.target_segment)),
        column("source_start", Value::UInt32OrNull(|_, link| link.source_start)),
        column("source_end", Value::UInt32OrNull(|_, link| link.source_end)),
        column("source_text", Value::Text(|_, link| &link.source_text)),
        column("length_deviation", Value::Float64(|_, link| link.length_deviation)),
        column("source_coverage", Value::Float64OrNull(|_, link| link.source_coverage)),
        column("target_support", Value::Float64OrNull(|_, link| link.target_support)),
    ],
};

/// `documents.parquet`: one row per document, mtqe's own columns. The kept text columns
/// ([`KeptText`]) and the carried input columns follow them.
pub const DOCUMENTS: OutputTable<ScoredDoc> = OutputTable {
    rows: std::slice::from_ref,
    columns: &[
        column("doc_id", Value::Text(|doc, _| &doc.id)),
        column("n_chars", Value::UInt32(|doc, _| doc.n_chars)),
        column("n_words", Value::UInt32(|doc, _| doc.n_words)),
        column("n_segments", Value::UInt32(|doc, _| doc.segments.len() as u32)),
        column("lang", Value::TextOrNull(|doc, _| doc.lang)),
        column("lang_confidence", Value::Float32OrNull(|doc, _| doc.lang_confidence)),
        column("n_flags", Value::UInt32(|doc, _| doc.flags.len() as u32)),
        column("penalty", Value::Float64(|doc, _| doc.penalty)),
        column("score", Value::Float64(|doc, _| doc.score)),
        column("penalty_accuracy", Value::Float64(|doc, _| doc.penalty_by_dimension[0])),
        column("penalty_fluency", Value::Float64(|doc, _| doc.penalty_by_dimension[1])),
        column("penalty_style", Value::Float64(|doc, _| doc.penalty_by_dimension[2])),
        column("penalty_terminology", Value::Float64(|doc, _| doc.penalty_by_dimension[3])),
        column("penalty_locale", Value::Float64(|doc, _| doc.penalty_by_dimension[4])),
        column("lm_logprob", Value::Float32OrNull(|doc, _| doc.fluency.lm_logprob)),
        column("lm_slor", Value::Float32OrNull(|doc, _| doc.fluency.lm_slor)),
        column("lm_unknown", Value::Float32OrNull(|doc, _| doc.fluency.lm_unknown)),
        column("quality", Value::Float64(|doc, _| doc.quality)),
        column("expected_major_errors", Value::Float64(|doc, _| doc.expected_major_errors)),
        column("source_coverage", Value::Float64OrNull(|doc, _| doc.coverage.map(|c| c.0))),
        column("target_support", Value::Float64OrNull(|doc, _| doc.coverage.map(|c| c.1))),
    ],
};

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

/// The columns of `documents.parquet` for one run: [`DOCUMENTS`], the kept text, and the
/// carried input columns under their output names ([`carried_column_names`]) and kinds.
pub struct DocumentColumns {
    pub kept: KeptText,
    pub meta_names: Vec<String>,
    pub meta_kinds: Vec<ColumnKind>,
}

impl DocumentColumns {
    pub fn new(meta: &MetaColumns, kept: KeptText) -> Self {
        DocumentColumns { kept, meta_names: carried_column_names(meta, kept), meta_kinds: meta.kinds.clone() }
    }

    pub fn schema(&self) -> Schema {
        let text = self.kept.names().into_iter().map(|name| Field::new(name.into(), DataType::String));
        let carried = self
            .meta_names
            .iter()
            .zip(&self.meta_kinds)
            .map(|(name, kind)| Field::new(name.as_str().into(), carried_dtype(kind)));
        Schema::from_iter(DOCUMENTS.fields().chain(text).chain(carried))
    }

    pub fn frame(&self, docs: &[ScoredDoc]) -> PolarsResult<DataFrame> {
        let (height, mut columns) = DOCUMENTS.columns_of(docs);
        if self.kept.text {
            columns.push(Column::new("text".into(), docs.iter().map(|d| d.text.as_str()).collect::<Vec<_>>()));
        }
        if self.kept.source {
            columns.push(Column::new("source".into(), docs.iter().map(|d| d.source.as_deref()).collect::<Vec<_>>()));
        }
        for (position, (name, kind)) in self.meta_names.iter().zip(&self.meta_kinds).enumerate() {
            let values: Vec<Option<&MetaValue>> =
                docs.iter().map(|d| d.meta.get(position).and_then(Option::as_ref)).collect();
            columns.push(carried_column(name, kind, values)?);
        }
        DataFrame::new(height, columns)
    }
}

/// The output name of each carried-through column: its input name, or, where that is already an
/// mtqe column (or a kept text column), the name with `input_` before it, as many times as it
/// takes to be unique: an input with both `score` and `input_score` gets `input_input_score`
/// and `input_score`. No two columns can end up with one name.
pub fn carried_column_names(meta: &MetaColumns, kept: KeptText) -> Vec<String> {
    let ours = |name: &str| DOCUMENTS.has_column(name) || kept.names().contains(&name);
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
