//! The writers of a run's tables: one Parquet file per table, each appended to batch by batch
//! and gathered into row groups of bounded size, with the footer written once at the end.

use super::compatible_writer;
use super::tables::{DocumentColumns, KeptText, ALIGNMENTS, FLAGS, SEGMENTS};
use crate::error::OutputError;
use crate::read::MetaColumns;
use crate::score::ScoredDoc;
use polars::prelude::*;
use std::fs::File;
use std::path::{Path, PathBuf};

/// The output tables, written in row groups of many scoring batches each.
pub struct TableWriters {
    flags: TableWriter,
    segments: TableWriter,
    documents: TableWriter,
    /// Only when the input has a source column.
    alignments: Option<TableWriter>,
    document_columns: DocumentColumns,
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
/// The most segment rows turned into frames at once (one document is never split).
const FRAME_ROWS: usize = 1 << 16;

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
        let document_columns = DocumentColumns::new(meta, kept);
        Ok(TableWriters {
            flags: TableWriter::new(writer(paths[0], &FLAGS.schema(), dir)?),
            segments: TableWriter::new(writer(paths[1], &SEGMENTS.schema(), dir)?),
            documents: TableWriter::new(writer(paths[2], &document_columns.schema(), dir)?),
            alignments: alignments
                .map(|path| writer(path, &ALIGNMENTS.schema(), dir).map(TableWriter::new))
                .transpose()?,
            document_columns,
            dir: dir.to_owned(),
        })
    }

    fn error(&self, error: PolarsError) -> OutputError {
        OutputError::Write { dir: self.dir.clone(), message: error.to_string() }
    }

    /// Appends scored documents to every table, a slice of at most [`FRAME_ROWS`] segment rows
    /// at a time: a batch of articles with hundreds of thousands of one-word sentences would
    /// otherwise be turned into one frame of all their rows at once.
    pub fn write(&mut self, docs: &[ScoredDoc]) -> Result<(), OutputError> {
        let mut first = 0;
        while first < docs.len() {
            let mut rows = 0;
            let mut end = first;
            while end < docs.len() && (end == first || rows + docs[end].segments.len() <= FRAME_ROWS) {
                rows += docs[end].segments.len();
                end += 1;
            }
            self.write_slice(&docs[first..end])?;
            first = end;
        }
        Ok(())
    }

    /// Appends only the flags of `docs` to `flags.parquet`: flags found across the corpus once
    /// every document's rows are written.
    pub fn write_flags(&mut self, docs: &[ScoredDoc]) -> Result<(), OutputError> {
        let flags = FLAGS.frame(docs).map_err(|e| self.error(e))?;
        self.flags.push(flags).map_err(|e| self.error(e))
    }

    fn write_slice(&mut self, docs: &[ScoredDoc]) -> Result<(), OutputError> {
        let flags = FLAGS.frame(docs).map_err(|e| self.error(e))?;
        let segments = SEGMENTS.frame(docs).map_err(|e| self.error(e))?;
        let documents = self.document_columns.frame(docs).map_err(|e| self.error(e))?;
        let alignments =
            self.alignments.is_some().then(|| ALIGNMENTS.frame(docs)).transpose().map_err(|e| self.error(e))?;
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
}
