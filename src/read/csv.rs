//! CSV and TSV input (the `csv` crate). CSV fields may be quoted, and then hold delimiters and
//! line breaks; TSV has no quoting unless `--quoted-tsv` asks for it. The
//! first row names the columns, unless `--no-header --columns` names them, as in the
//! headerless TSV files of bicleaner and OpusFilter. Without a named id field, such a file's rows
//! are named by file and line (`corpus.tsv:12`).
//!
//! A quoted field whose quotation mark is never closed runs to the end of the file. The csv
//! crate ends such a record quietly; [`QuoteTracker`] notices it, and the record, which holds
//! every row after the opening mark, becomes one reject.

use super::MetaValue;
use super::{
    open_decompressed, utf8_reason, ColumnNames, Format, Input, Item, MetaColumns, Origin, Record, RecordReader,
    Reject, RejectReason, Utf8Place, IGNORED_FIELD,
};
use crate::error::InputError;
use std::io::Read;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
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
    /// Set by the [`QuoteTracker`] under `reader` when the input ended inside a quoted field.
    ended_in_quote: Arc<AtomicBool>,
}

/// Follows the quoting of the raw bytes as the csv crate parses them, to tell whether the input
/// ended inside a quoted field: a quotation mark opens a quoted field only at the start of a
/// field, a doubled mark inside it is a literal one, and a mark inside an unquoted field is text.
struct QuoteTracker<R> {
    inner: R,
    delimiter: u8,
    state: QuoteState,
    ended_in_quote: Arc<AtomicBool>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum QuoteState {
    FieldStart,
    Unquoted,
    Quoted,
    /// A quotation mark inside a quoted field: it closes the field, unless another follows.
    QuoteInQuoted,
}

impl QuoteState {
    fn next(self, byte: u8, delimiter: u8) -> QuoteState {
        use QuoteState::*;
        match (self, byte) {
            (Quoted, b'"') => QuoteInQuoted,
            (Quoted, _) => Quoted,
            (FieldStart | QuoteInQuoted, b'"') => Quoted,
            _ if byte == delimiter || byte == b'\n' || byte == b'\r' => FieldStart,
            _ => Unquoted,
        }
    }
}

impl<R: Read> Read for QuoteTracker<R> {
    fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
        let read = self.inner.read(buffer)?;
        if read == 0 && !buffer.is_empty() {
            self.ended_in_quote.store(self.state == QuoteState::Quoted, Ordering::Relaxed);
        }
        for &byte in &buffer[..read] {
            self.state = self.state.next(byte, self.delimiter);
        }
        Ok(read)
    }
}

fn builder(format: Format, names: &ColumnNames) -> csv::ReaderBuilder {
    let headerless = names.headerless();
    let mut builder = csv::ReaderBuilder::new();
    // Without a header the field count is checked against `--columns` here, not by the crate.
    builder.delimiter(delimiter(format)).has_headers(!headerless).flexible(headerless).quoting(quoting(format, names));
    builder
}

fn delimiter(format: Format) -> u8 {
    if format == Format::Tsv {
        b'\t'
    } else {
        b','
    }
}

/// TSV as IANA defines it, and as bicleaner and OpusFilter write it, has no quoting: a field
/// is everything between two tabs, and a quotation mark at its start is text.
fn quoting(format: Format, names: &ColumnNames) -> bool {
    format != Format::Tsv || names.quoted_tsv
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
        let ended_in_quote = Arc::new(AtomicBool::new(false));
        let mut source = open_decompressed(&input.path, progress)?;
        if quoting(input.format, names) {
            let delimiter = delimiter(input.format);
            let state = QuoteState::FieldStart;
            source = Box::new(QuoteTracker { inner: source, delimiter, state, ended_in_quote: ended_in_quote.clone() });
        }
        let mut reader = builder(input.format, names).from_reader(source);
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
            ended_in_quote,
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
        // The input ended inside a quoted field: this record, the last, holds the rest of the file.
        let unclosed = |line: Option<u64>| -> Result<Option<Item>, InputError> {
            let reason = RejectReason::UnclosedQuote;
            Ok(Some(Item::Reject(Reject { origin: origin(line, self.row), id: None, reason })))
        };
        let ended_in_quote = self.ended_in_quote.load(Ordering::Relaxed);
        match result {
            Ok(false) => Ok(None),
            Ok(true) if ended_in_quote => unclosed(line),
            Ok(true) => match self.named_fields {
                Some(named) if self.record.len() != named => Ok(Some(Item::Reject(Reject {
                    origin: origin(line, self.row),
                    id: None,
                    reason: RejectReason::FieldsUnlikeColumns { found: self.record.len(), named },
                }))),
                _ => Ok(Some(self.build(origin(line, self.row)))),
            },
            Err(error) => match error.kind() {
                csv::ErrorKind::UnequalLengths { pos, .. } if ended_in_quote => {
                    unclosed(pos.as_ref().map(|p| p.line()))
                }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn ends_in_quote(input: &str, delimiter: u8) -> bool {
        let ended_in_quote = Arc::new(AtomicBool::new(false));
        let state = QuoteState::FieldStart;
        let mut tracker =
            QuoteTracker { inner: input.as_bytes(), delimiter, state, ended_in_quote: ended_in_quote.clone() };
        std::io::copy(&mut tracker, &mut std::io::sink()).unwrap();
        ended_in_quote.load(Ordering::Relaxed)
    }

    #[test]
    fn an_input_ending_inside_a_quoted_field_is_noticed() {
        for (input, open) in [
            ("id,text\na,\"One.\nb,Two.\n", true),
            ("id,text\r\na,\"One, \"\"quoted\"\"\r\nover lines.\"\r\nb,Two.", false),
            ("id,text\na,He said \"no.\nb,Two.\n", false),
            ("a,\"closed\" then text,\"open", true),
            ("a,\"\"", false),
            ("a,\"\"\"", true),
        ] {
            assert_eq!(ends_in_quote(input, b','), open, "{input:?}");
        }
        assert!(ends_in_quote("a\t\"open,\nb\n", b'\t'));
        assert!(!ends_in_quote("a\t\"closed\"\nb,\"\n", b'\t'));
    }

    fn read_all(text: &str) -> Vec<Result<String, String>> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("in.csv");
        std::fs::write(&path, text).unwrap();
        let input = Input {
            path,
            display: "in.csv".into(),
            format: Format::Csv,
            bytes: 0,
            origin: super::super::InputOrigin::File,
            within_directory: None,
            table: None,
        };
        let names = ColumnNames::new("id", "text", "source");
        let mut reader =
            CsvReader::open(&input, Arc::from("in.csv"), &names, &MetaColumns::default(), Arc::default()).unwrap();
        std::iter::from_fn(|| reader.next_item().unwrap())
            .map(|item| match item {
                Item::Record(record) => Ok(record.id),
                Item::Reject(reject) => Err(format!("{}: {}", reject.origin.line.unwrap(), reject.reason.kind())),
            })
            .collect()
    }

    #[test]
    fn a_quoted_field_never_closed_is_one_reject_for_the_rest_of_the_file() {
        let unclosed = "unclosed quotation mark in CSV".to_string();
        assert_eq!(
            read_all("id,text\na,One.\nb,\"Two.\nc,Three.\n"),
            [Ok("a".to_string()), Err(format!("3: {unclosed}"))]
        );
        // With the wrong number of fields, the unclosed mark is named, not the field count.
        assert_eq!(read_all("id,text,url\nb,\"Two.,u\nc,Three.,u\n"), [Err(format!("2: {unclosed}"))]);
        // Closed quotes, and a mark inside an unquoted field, are as before.
        assert_eq!(
            read_all("id,text\na,\"One,\nline \"\"two\"\".\"\nb,He said \"no.\n"),
            [Ok("a".to_string()), Ok("b".to_string())]
        );
    }
}
