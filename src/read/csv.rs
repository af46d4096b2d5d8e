//! CSV and TSV input (the `csv` crate). CSV fields may be quoted, and then hold delimiters and
//! line breaks; TSV has no quoting unless `--quoted-tsv` asks for it. The
//! first row names the columns, unless `--no-header --columns` names them, as in the
//! headerless TSV files of bicleaner and OpusFilter. Without a named id field, such a file's rows
//! are named by file and line (`corpus.tsv:12`).

use super::MetaValue;
use super::{
    open_decompressed, utf8_reason, ColumnNames, Format, Input, Item, MetaColumns, Origin, Record, RecordReader,
    Reject, RejectReason, Utf8Place, IGNORED_FIELD,
};
use crate::error::InputError;
use std::io::Read;
use std::path::PathBuf;
use std::sync::atomic::AtomicU64;
use std::sync::Arc;

pub struct CsvReader {
    reader: csv::Reader<Box<dyn Read + Send>>,
    record: csv::ByteRecord,
    path: PathBuf,
    file: Arc<str>,
    row: u64,
    /// None for a headerless file with no id field.
    id_column: Option<usize>,
    /// For a headerless file, how many fields `--columns` names.
    named_fields: Option<usize>,
    text_column: usize,
    source_column: Option<usize>,
    /// For each column: its position among the run's meta columns, if carried through.
    meta_positions: Vec<Option<usize>>,
    meta_len: usize,
}

fn builder(format: Format, names: &ColumnNames) -> csv::ReaderBuilder {
    let headerless = names.headerless();
    let mut builder = csv::ReaderBuilder::new();
    // Without a header the field count is checked against `--columns` here, not by the crate.
    builder.delimiter(if format == Format::Tsv { b'\t' } else { b',' }).has_headers(!headerless).flexible(headerless);
    // TSV as IANA defines it, and as bicleaner and OpusFilter write it, has no quoting: a field
    // is everything between two tabs, and a quotation mark at its start is text.
    if format == Format::Tsv && !names.quoted_tsv {
        builder.quoting(false);
    }
    builder
}

/// The column names: from the header row, or as `--columns` gives them.
pub fn header(input: &Input, names: &ColumnNames) -> Result<Vec<String>, InputError> {
    if let Some(fields) = &names.fields {
        return Ok(fields.clone());
    }
    let mut reader = builder(input.format, names).from_reader(open_decompressed(&input.path, Arc::default())?);
    header_names(&mut reader, &input.path)
}

fn header_names(
    reader: &mut csv::Reader<Box<dyn Read + Send>>,
    path: &std::path::Path,
) -> Result<Vec<String>, InputError> {
    let headers = reader
        .byte_headers()
        .map_err(|e| InputError::Read { path: path.to_owned(), message: format!("cannot read the header row: {e}") })?;
    headers
        .iter()
        .map(|h| {
            std::str::from_utf8(h).map(str::to_owned).map_err(|e| InputError::Read {
                path: path.to_owned(),
                message: utf8_reason(Utf8Place::Whole("the header row"), &e).to_string(),
            })
        })
        .collect()
}

impl CsvReader {
    pub fn open(
        input: &Input,
        file: Arc<str>,
        names: &ColumnNames,
        meta: &MetaColumns,
        progress: Arc<AtomicU64>,
    ) -> Result<Self, InputError> {
        let mut reader = builder(input.format, names).from_reader(open_decompressed(&input.path, progress)?);
        let header = match &names.fields {
            Some(fields) => fields.clone(),
            None => header_names(&mut reader, &input.path)?,
        };
        let find = |name: &str| header.iter().position(|h| h == name);
        let missing = |column: &str, flag| InputError::MissingColumn {
            path: input.path.clone(),
            column: column.to_owned(),
            found: header.join(", "),
            flag,
        };
        let id_column = match find(&names.id) {
            None if names.headerless() => None,
            found => Some(found.ok_or_else(|| missing(&names.id, "--id-col"))?),
        };
        let text_column = find(&names.text).ok_or_else(|| missing(&names.text, "--text-col"))?;
        let source_column = find(&names.source);
        let meta_positions = header
            .iter()
            .enumerate()
            .map(|(i, h)| {
                if Some(i) == id_column || i == text_column || Some(i) == source_column || h == IGNORED_FIELD {
                    None
                } else {
                    meta.position(h)
                }
            })
            .collect();
        Ok(CsvReader {
            reader,
            record: csv::ByteRecord::new(),
            path: input.path.clone(),
            file,
            row: 0,
            id_column,
            named_fields: names.fields.as_ref().map(Vec::len),
            text_column,
            source_column,
            meta_positions,
            meta_len: meta.len(),
        })
    }

    fn field(&self, column: usize, name: &str) -> Result<String, RejectReason> {
        std::str::from_utf8(&self.record[column])
            .map(str::to_owned)
            .map_err(|e| utf8_reason(Utf8Place::Field(name.to_owned()), &e))
    }

    fn build(&self, origin: Origin) -> Item {
        let id = match self.id_column.map(|column| self.field(column, "id")) {
            Some(Ok(id)) => id,
            Some(Err(reason)) => return Item::Reject(Reject { origin, id: None, reason }),
            None => format!("{}:{}", self.file, origin.line.unwrap_or(origin.row)),
        };
        let reject =
            |reason: RejectReason| Item::Reject(Reject { origin: origin.clone(), id: Some(id.clone()), reason });
        if id.is_empty() {
            return Item::Reject(Reject { origin: origin.clone(), id: None, reason: RejectReason::EmptyIdField });
        }
        let text = match self.field(self.text_column, "text") {
            Ok(text) => text,
            Err(reason) => return reject(reason),
        };
        let source = match self.source_column.map(|c| self.field(c, "source")) {
            Some(Ok(source)) if !source.is_empty() => Some(source),
            Some(Err(reason)) => return reject(reason),
            _ => None,
        };
        let mut meta = vec![None; self.meta_len];
        for (column, position) in self.meta_positions.iter().enumerate() {
            if let Some(position) = position {
                match std::str::from_utf8(&self.record[column]) {
                    Ok(value) => meta[*position] = Some(MetaValue::Text(value.to_owned())),
                    Err(e) => return reject(utf8_reason(Utf8Place::Column(column + 1), &e)),
                }
            }
        }
        Item::Record(Record { id, text, source, meta, origin })
    }
}

impl RecordReader for CsvReader {
    fn next_item(&mut self) -> Result<Option<Item>, InputError> {
        let result = self.reader.read_byte_record(&mut self.record);
        self.row += 1;
        let line = self.record.position().map(|p| p.line());
        let origin = |line: Option<u64>, row| Origin { file: self.file.clone(), line, row };
        match result {
            Ok(false) => Ok(None),
            Ok(true) => match self.named_fields {
                Some(named) if self.record.len() != named => Ok(Some(Item::Reject(Reject {
                    origin: origin(line, self.row),
                    id: None,
                    reason: RejectReason::FieldsUnlikeColumns { found: self.record.len(), named },
                }))),
                _ => Ok(Some(self.build(origin(line, self.row)))),
            },
            Err(error) => match error.kind() {
                csv::ErrorKind::UnequalLengths { pos, expected_len, len } => Ok(Some(Item::Reject(Reject {
                    origin: origin(pos.as_ref().map(|p| p.line()), self.row),
                    id: None,
                    reason: RejectReason::FieldsUnlikeHeader { found: *len, expected: *expected_len },
                }))),
                _ => Err(InputError::Read { path: self.path.clone(), message: error.to_string() }),
            },
        }
    }
}
