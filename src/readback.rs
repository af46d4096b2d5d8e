//! Parquet tables read back once they are written: a finished run's tables, which `mtqe report`
//! scans and `mtqe eval --pred` reads, and Parquet corpora that `mtqe filter` copies row by row.
//!
//! One of the modules that touch polars (with [`crate::read`]'s Parquet input and
//! [`crate::sink`]). What it reads comes back as plain rows and columns, which each command
//! turns into its own types, so this module depends on none of them.

use crate::read::Input;
use crate::sink::compatible_writer;
use polars::prelude::*;
use std::fs::File;
use std::ops::Range;
use std::path::Path;

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
/// "; "). `reasons_of` judges a row by its id. Inputs are read in chunks of row groups. Returns
/// the number of rows kept and rejected.
pub fn filter_parquet(
    inputs: &[Input],
    id_column: &str,
    reasons_of: &dyn Fn(Option<&str>) -> Vec<String>,
    kept: &Path,
    rejected: &Path,
) -> anyhow::Result<(u64, u64)> {
    let context = |path: &Path| {
        let shown = path.display().to_string();
        move |e: PolarsError| anyhow::anyhow!("{shown}: {e}")
    };
    let (mut kept_rows, mut rejected_rows) = (0, 0);
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
            kept_rows += passed.height() as u64;
            rejected_rows += failed.height() as u64;
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
    Ok((kept_rows, rejected_rows))
}

/// A document's scores, as `documents.parquet` holds them.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentScores {
    pub doc_id: Option<String>,
    pub score: Option<f64>,
    pub penalty: Option<f64>,
    pub n_words: Option<u32>,
    /// None also for runs written before the quality column existed.
    pub quality: Option<f64>,
}

/// A flag's document, character span, detector and severity, as `flags.parquet` holds them.
#[derive(Debug, Clone, PartialEq)]
pub struct FlagSpan {
    pub doc_id: Option<String>,
    /// Characters, end-exclusive; a null offset reads as 0.
    pub span: Range<usize>,
    pub detector: Option<String>,
    pub severity: Option<String>,
}

/// Reads the document scores and flags of an `mtqe score` output, each in file order.
pub fn read_scores_and_flags(dir: &Path) -> anyhow::Result<(Vec<DocumentScores>, Vec<FlagSpan>)> {
    let read = |name: &str| -> anyhow::Result<DataFrame> {
        let path = dir.join(name);
        let file = File::open(&path).map_err(|e| anyhow::anyhow!("cannot open {}: {e}", path.display()))?;
        Ok(ParquetReader::new(file).finish()?)
    };
    let documents = read("documents.parquet")?;
    let flags = read("flags.parquet")?;
    let (ids, scores, penalties, words) = (
        documents.column("doc_id")?.str()?.clone(),
        documents.column("score")?.f64()?.clone(),
        documents.column("penalty")?.f64()?.clone(),
        documents.column("n_words")?.u32()?.clone(),
    );
    let qualities = match documents.column("quality") {
        Ok(column) => Some(column.f64()?.clone()),
        Err(_) => None,
    };
    let scored = (0..documents.height())
        .map(|i| DocumentScores {
            doc_id: ids.get(i).map(str::to_owned),
            score: scores.get(i),
            penalty: penalties.get(i),
            n_words: words.get(i),
            quality: qualities.as_ref().and_then(|q| q.get(i)),
        })
        .collect();
    let (flag_ids, starts, ends, detectors, severities) = (
        flags.column("doc_id")?.str()?.clone(),
        flags.column("start")?.u32()?.clone(),
        flags.column("end")?.u32()?.clone(),
        flags.column("detector")?.str()?.clone(),
        flags.column("severity")?.str()?.clone(),
    );
    let spans = (0..flags.height())
        .map(|i| FlagSpan {
            doc_id: flag_ids.get(i).map(str::to_owned),
            span: starts.get(i).unwrap_or(0) as usize..ends.get(i).unwrap_or(0) as usize,
            detector: detectors.get(i).map(str::to_owned),
            severity: severities.get(i).map(str::to_owned),
        })
        .collect();
    Ok((scored, spans))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scanning_reads_every_row_in_order_and_the_key_filter_skips_chunks_without_a_match() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ids.parquet");
        let schema = Schema::from_iter([
            Field::new("doc_id".into(), DataType::String),
            Field::new("n".into(), DataType::UInt32),
        ]);
        let mut table = ParquetWriter::new(File::create(&path).unwrap()).batched(&schema).unwrap();
        let rows = 3 * SCAN_CHUNK_ROWS as u32 + 17;
        // One row group per pushed frame: three full chunks and a short one.
        for start in (0..rows).step_by(SCAN_CHUNK_ROWS) {
            let numbers: Vec<u32> = (start..(start + SCAN_CHUNK_ROWS as u32).min(rows)).collect();
            let ids: Vec<String> = numbers.iter().map(|n| format!("d{n}")).collect();
            let columns = vec![Column::new("doc_id".into(), ids), Column::new("n".into(), numbers.clone())];
            table.write_batch(&DataFrame::new(numbers.len(), columns).unwrap()).unwrap();
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
