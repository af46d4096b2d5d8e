//! Output: the tables of a run, and the small tables `mtqe eval` and the tests write.
//!
//! One of the three modules that touch polars (see the crate documentation). polars' API moves
//! quickly, so it is pinned in Cargo.toml and kept out of the rest of the crate. Each output
//! table's columns are declared once, in `tables.rs` ([`FLAGS`], [`SEGMENTS`], [`ALIGNMENTS`],
//! [`DOCUMENTS`]); schemas are derived from them and never inferred from data.

mod tables;
mod writers;

pub use tables::{
    carried_column_names, DocumentColumns, KeptText, OutputColumn, OutputTable, Value, ALIGNMENTS, DOCUMENTS, FLAGS,
    SEGMENTS,
};
pub use writers::TableWriters;

use polars::prelude::*;
use std::fs::File;
use std::path::Path;

/// The Arrow schema stored in a file's footer (`ARROW:schema`), at polars' oldest compatibility
/// level: text as `large_string`, never `string_view`. Readers take their column types from this
/// key, and pyarrow 14 and older, like other readers before 2024, fail on view types
/// ("Unrecognized type: 24"). The pages themselves are plain Parquet byte arrays either way.
fn compatible_schema_metadata(schema: &Schema) -> KeyValueMetadata {
    let arrow = schema.to_arrow(CompatLevel::oldest());
    KeyValueMetadata::Static(vec![polars_parquet::write::schema_to_metadata_key(&arrow)])
}

/// A Parquet writer whose footer describes text with plain string types.
pub(crate) fn compatible_writer(file: File, schema: &Schema) -> ParquetWriter<File> {
    ParquetWriter::new(file).with_key_value_metadata(Some(compatible_schema_metadata(schema)))
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
