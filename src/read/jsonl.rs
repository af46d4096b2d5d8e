//! JSON Lines input, plain or compressed with gzip or zstd: one JSON object per line. `.json`
//! input, one array of objects, is read here too, element by element (see [`super::json_array`]).

use super::json_array::ArrayElements;
use super::{
    open_decompressed, utf8_reason, ColumnNames, Input, Item, MetaColumns, Origin, Record, RecordReader, Reject,
    RejectReason, Utf8Place,
};
use super::{ColumnKind, MetaValue};
use crate::error::InputError;
use serde_json::Value;
use std::io::{BufRead, BufReader, Read};
use std::sync::atomic::AtomicU64;
use std::sync::Arc;

/// Where the objects come from: lines, or the elements of one array.
enum Objects {
    Lines(BufReader<Box<dyn Read + Send>>),
    Array(ArrayElements<BufReader<Box<dyn Read + Send>>>),
    /// After a broken array.
    Done,
}

pub struct JsonlReader {
    objects: Objects,
    /// A longer line is rejected, and skipped without being held in memory.
    max_line_bytes: usize,
    /// "the line" or "the element", in reject messages.
    unit: &'static str,
    buffer: Vec<u8>,
    line: u64,
    row: u64,
    file: Arc<str>,
    path: std::path::PathBuf,
    names: ColumnNames,
    meta: MetaColumns,
}

impl JsonlReader {
    pub fn open(
        input: &Input,
        file: Arc<str>,
        names: &ColumnNames,
        meta: &MetaColumns,
        max_line_bytes: usize,
        progress: Arc<AtomicU64>,
    ) -> Result<Self, InputError> {
        let mut reader = BufReader::with_capacity(1 << 20, open_decompressed(&input.path, progress)?);
        skip_byte_order_mark(&mut reader)
            .map_err(|e| InputError::Read { path: input.path.clone(), message: e.to_string() })?;
        let (objects, unit) = match input.format {
            super::Format::Json => (Objects::Array(ArrayElements::new(reader)), "the element"),
            _ => (Objects::Lines(reader), "the line"),
        };
        Ok(JsonlReader {
            objects,
            max_line_bytes,
            unit,
            buffer: Vec::new(),
            line: 0,
            row: 0,
            file,
            path: input.path.clone(),
            names: names.clone(),
            meta: meta.clone(),
        })
    }

    fn parse(&self, origin: Origin, line: &[u8]) -> Item {
        let reject =
            |id: Option<String>, reason: RejectReason| Item::Reject(Reject { origin: origin.clone(), id, reason });
        let text = match std::str::from_utf8(line) {
            Ok(text) => text,
            Err(error) => return reject(None, utf8_reason(Utf8Place::Whole(self.unit), &error)),
        };
        let seed = FieldsSeed { names: &self.names, meta: &self.meta };
        let mut parser = serde_json::Deserializer::from_str(text);
        let parsed = serde::de::DeserializeSeed::deserialize(seed, &mut parser).and_then(|f| parser.end().map(|()| f));
        let mut fields = match parsed {
            Ok(Some(fields)) => fields,
            // Not an object, or not JSON: parse it again the general way, for the usual message.
            _ => {
                return match serde_json::from_str::<Value>(text) {
                    Ok(_) => reject(None, RejectReason::NotAnObject { unit: self.unit }),
                    Err(error) => reject(None, RejectReason::MalformedJson(error.to_string())),
                }
            }
        };
        // The id is read from its JSON text, so that a number keeps its exact digits: two ids of
        // 23 digits must not both become 1.2345678901234568e22.
        let raw = fields.id.take();
        let raw = raw.as_deref().map(serde_json::value::RawValue::get).unwrap_or("null");
        let id = match raw.as_bytes().first() {
            Some(b'"') => match serde_json::from_str::<String>(raw) {
                Ok(id) => id,
                Err(error) => return reject(None, RejectReason::MalformedJson(error.to_string())),
            },
            Some(b'-' | b'0'..=b'9') => raw.to_string(),
            Some(b'n') | None => {
                let missing = RejectReason::MissingField { field: self.names.id.clone(), flag: "--id-col", role: "id" };
                return reject(None, missing);
            }
            Some(_) => {
                let field = self.names.id.clone();
                return reject(None, RejectReason::IdNotStringOrNumber { field, raw: raw.to_string() });
            }
        };
        let text = match fields.text.take() {
            Some(Value::String(text)) => text,
            Some(Value::Null) | None => {
                let missing =
                    RejectReason::MissingField { field: self.names.text.clone(), flag: "--text-col", role: "text" };
                return reject(Some(id), missing);
            }
            Some(_) => return reject(Some(id), RejectReason::NotAString { field: self.names.text.clone() }),
        };
        let source = match fields.source.take() {
            Some(Value::String(source)) => Some(source),
            Some(Value::Null) | None => None,
            Some(_) => return reject(Some(id), RejectReason::NotAString { field: self.names.source.clone() }),
        };
        Item::Record(Record { id, text, source, meta: fields.meta, origin })
    }
}

/// The fields of one JSON Lines object that mtqe uses. Reading them straight into this, instead
/// of into a map of every key and value first, cut the reader's instructions by a fifth.
struct Fields {
    id: Option<Box<serde_json::value::RawValue>>,
    text: Option<Value>,
    source: Option<Value>,
    meta: Vec<Option<MetaValue>>,
}

/// Which of [`Fields`] a key fills.
enum Field {
    Id,
    Text,
    Source,
    Meta(usize),
    Unused,
}

/// Reads one line's object into [`Fields`]; `None` when the line holds JSON but no object.
/// As in a JSON map, a key given twice keeps its last value.
struct FieldsSeed<'a> {
    names: &'a ColumnNames,
    meta: &'a MetaColumns,
}

impl<'de> serde::de::DeserializeSeed<'de> for FieldsSeed<'_> {
    type Value = Option<Fields>;

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for FieldsSeed<'_> {
    type Value = Option<Fields>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut fields = Fields { id: None, text: None, source: None, meta: vec![None; self.meta.len()] };
        while let Some(field) = map.next_key_seed(KeySeed { names: self.names, meta: self.meta })? {
            match field {
                Field::Id => fields.id = Some(map.next_value::<Box<serde_json::value::RawValue>>()?),
                Field::Text => fields.text = Some(map.next_value()?),
                Field::Source => fields.source = Some(map.next_value()?),
                Field::Meta(position) => fields.meta[position] = MetaValue::from_json(map.next_value()?),
                Field::Unused => {
                    map.next_value::<serde::de::IgnoredAny>()?;
                }
            }
        }
        Ok(Some(fields))
    }

    // Any other JSON value is a line that is not an object. Returning `None` from these stops
    // the parse; the caller then reports the line.
    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
        Ok(None)
    }
}

/// Maps a key to its [`Field`] without allocating it.
struct KeySeed<'a> {
    names: &'a ColumnNames,
    meta: &'a MetaColumns,
}

impl<'de> serde::de::DeserializeSeed<'de> for KeySeed<'_> {
    type Value = Field;

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> serde::de::Visitor<'de> for KeySeed<'_> {
    type Value = Field;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E>(self, key: &str) -> Result<Field, E> {
        Ok(if key == self.names.id {
            Field::Id
        } else if key == self.names.text {
            Field::Text
        } else if key == self.names.source {
            Field::Source
        } else {
            // The key scan before reading found every key of every line that parses, so a
            // carried column exists; a key it did not see belongs to a line the parse rejects.
            self.meta.position(key).map_or(Field::Unused, Field::Meta)
        })
    }
}

impl RecordReader for JsonlReader {
    fn next_item(&mut self) -> Result<Option<Item>, InputError> {
        let lines = match &mut self.objects {
            Objects::Lines(lines) => lines,
            Objects::Done => return Ok(None),
            Objects::Array(array) => {
                let start = match array.next_element(&mut self.buffer) {
                    Ok(start) => start,
                    // The rest of a broken array cannot be read: it becomes one reject, at the
                    // line where reading stopped, and the run goes on with the next file.
                    Err(reason) => {
                        let line = array.line();
                        self.objects = Objects::Done;
                        self.row += 1;
                        let origin = Origin { file: self.file.clone(), line: Some(line), row: self.row };
                        return Ok(Some(Item::Reject(Reject { origin, id: None, reason })));
                    }
                };
                let Some(line) = start else { return Ok(None) };
                self.row += 1;
                let origin = Origin { file: self.file.clone(), line: Some(line), row: self.row };
                return Ok(Some(self.parse(origin, &self.buffer)));
            }
        };
        loop {
            self.buffer.clear();
            let read = read_line_bounded(lines, &mut self.buffer, self.max_line_bytes)
                .map_err(|e| InputError::Read { path: self.path.clone(), message: e.to_string() })?;
            if read == 0 {
                return Ok(None);
            }
            self.line += 1;
            if read > self.max_line_bytes {
                self.row += 1;
                let origin = Origin { file: self.file.clone(), line: Some(self.line), row: self.row };
                let reason = RejectReason::LineTooLong { bytes: read, limit: self.max_line_bytes };
                return Ok(Some(Item::Reject(Reject { origin, id: None, reason })));
            }
            let line = trim_ascii_whitespace(&self.buffer);
            if line.is_empty() {
                continue; // Blank lines separate nothing in JSON Lines; they hold no row.
            }
            self.row += 1;
            let origin = Origin { file: self.file.clone(), line: Some(self.line), row: self.row };
            return Ok(Some(self.parse(origin, line)));
        }
    }
}

/// Skips a UTF-8 byte order mark at the start of a file, which Windows tools write before JSON:
/// it is not JSON, and left in place it would make the first record malformed.
fn skip_byte_order_mark(reader: &mut impl BufRead) -> std::io::Result<()> {
    if reader.fill_buf()?.starts_with(b"\xef\xbb\xbf") {
        reader.consume(3);
    }
    Ok(())
}

/// Reads one line into `line`, up to and with its newline, like `read_until`, but keeps at most
/// `max` bytes: the rest of a longer line is read and dropped. Returns the line's whole length,
/// so a result above `max` means the line was cut. Memory stays bounded even for a compressed
/// file that inflates to gigabytes without a newline.
fn read_line_bounded(reader: &mut impl BufRead, line: &mut Vec<u8>, max: usize) -> std::io::Result<usize> {
    let mut total = 0;
    loop {
        let buffer = reader.fill_buf()?;
        if buffer.is_empty() {
            return Ok(total);
        }
        let (taken, done) = match memchr::memchr(b'\n', buffer) {
            Some(newline) => (newline + 1, true),
            None => (buffer.len(), false),
        };
        let room = max.saturating_sub(line.len());
        line.extend_from_slice(&buffer[..taken.min(room)]);
        total += taken;
        reader.consume(taken);
        if done {
            return Ok(total);
        }
    }
}

fn trim_ascii_whitespace(bytes: &[u8]) -> &[u8] {
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(bytes.len());
    let end = bytes.iter().rposition(|b| !b.is_ascii_whitespace()).map_or(start, |e| e + 1);
    &bytes[start..end]
}

/// The top-level keys used anywhere in the file, in order of first appearance. Lines that do
/// not parse are skipped here; the reading pass rejects them with their line number.
///
/// This is a whole pass over the input before scoring starts, so it must be cheap: a line is
/// only parsed when a quick scan of its top-level keys finds one not seen before. The keys it
/// keeps all come from lines that parse.
pub fn scan_keys(input: &Input, max_line_bytes: usize) -> Result<Vec<(String, ColumnKind)>, InputError> {
    let mut reader = BufReader::with_capacity(1 << 20, open_decompressed(&input.path, Arc::default())?);
    skip_byte_order_mark(&mut reader)
        .map_err(|e| InputError::Read { path: input.path.clone(), message: e.to_string() })?;
    let mut found = FoundKeys::default();
    if input.format == super::Format::Json {
        // A broken array is reported by the reading pass, with what it could read before.
        let mut array = ArrayElements::new(reader);
        let mut element = Vec::new();
        while let Ok(Some(_)) = array.next_element(&mut element) {
            found.note(&element);
        }
        return Ok(found.columns());
    }
    // Lines are scanned where they lie in the reader's buffer; only a line that runs over the
    // end of the buffer is copied, to be completed by the next fill. A line longer than a record
    // may be is dropped as it is read, never held: the reading pass rejects it.
    let mut split_line: Vec<u8> = Vec::new();
    let mut overlong = false;
    loop {
        let buffer =
            reader.fill_buf().map_err(|e| InputError::Read { path: input.path.clone(), message: e.to_string() })?;
        if buffer.is_empty() {
            if !split_line.is_empty() && !overlong {
                found.note(&split_line);
            }
            break;
        }
        let mut line_start = 0;
        for newline in memchr::memchr_iter(b'\n', buffer) {
            let line = &buffer[line_start..=newline];
            if split_line.is_empty() && !overlong {
                if line.len() <= max_line_bytes {
                    found.note(line);
                }
            } else {
                if !overlong && split_line.len() + line.len() <= max_line_bytes {
                    split_line.extend_from_slice(line);
                    found.note(&split_line);
                }
                split_line.clear();
                overlong = false;
            }
            line_start = newline + 1;
        }
        let rest = &buffer[line_start..];
        if overlong || split_line.len() + rest.len() > max_line_bytes {
            overlong = true;
            split_line.clear();
        } else {
            split_line.extend_from_slice(rest);
        }
        let length = buffer.len();
        reader.consume(length);
    }
    Ok(found.columns())
}

/// The keys found so far by [`scan_keys`], with the kind of their values.
#[derive(Default)]
struct FoundKeys {
    keys: Vec<String>,
    kinds: Vec<ColumnKind>,
    /// Keys as written in lines that parsed, escapes and all, with their index in `keys`.
    known: rustc_hash::FxHashMap<Vec<u8>, usize>,
    /// The current line's keys, as byte ranges, with the kind of their values.
    line_keys: Vec<(std::ops::Range<usize>, ColumnKind)>,
}

impl FoundKeys {
    /// Adds the keys of one line and the kinds of its values. The line is parsed only when a
    /// quick scan finds a key not seen before.
    fn note(&mut self, line: &[u8]) {
        self.line_keys.clear();
        let scanned = top_level_keys(line, &mut self.line_keys);
        if scanned && self.line_keys.iter().all(|(key, _)| self.known.contains_key(&line[key.clone()])) {
            for (key, kind) in &self.line_keys {
                let index = self.known[&line[key.clone()]];
                self.kinds[index] = self.kinds[index].join(kind);
            }
            return;
        }
        let Ok(KeysInOrder(parsed)) = serde_json::from_slice::<KeysInOrder>(line) else { return };
        // The scan and the parse agree on a valid object's keys, in order.
        let aligned = scanned && parsed.len() == self.line_keys.len();
        for (position, key) in parsed.into_iter().enumerate() {
            let index = match self.keys.iter().position(|k| *k == key) {
                Some(index) => index,
                None => {
                    self.keys.push(key);
                    self.kinds.push(ColumnKind::Unknown);
                    self.keys.len() - 1
                }
            };
            if aligned {
                let (range, kind) = &self.line_keys[position];
                self.kinds[index] = self.kinds[index].join(kind);
                self.known.insert(line[range.clone()].to_vec(), index);
            } else {
                // Without the scan's kinds (a key written twice, say), the column is text.
                self.kinds[index] = self.kinds[index].join(&ColumnKind::Text);
            }
        }
    }

    fn columns(self) -> Vec<(String, ColumnKind)> {
        self.keys.into_iter().zip(self.kinds).collect()
    }
}

/// The byte ranges of the top-level keys of a line holding one JSON object, as written
/// (without quotes, escapes not decoded). Values are skipped by tracking only strings and
/// brackets. Returns false where the line does not start like an object; for a valid object
/// it finds every key, for invalid JSON it may find anything.
fn top_level_keys(line: &[u8], keys: &mut Vec<(std::ops::Range<usize>, ColumnKind)>) -> bool {
    let start = line.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(line.len());
    if line.get(start) != Some(&b'{') {
        return false;
    }
    let mut depth = 0usize;
    let mut at = start;
    while at < line.len() {
        match line[at] {
            b'"' => {
                let opening = at;
                at += 1;
                // To the closing quote, over escaped characters.
                loop {
                    let Some(offset) = line.get(at..).and_then(|rest| memchr::memchr2(b'"', b'\\', rest)) else {
                        return true; // An unclosed string: the parse will reject the line.
                    };
                    at += offset;
                    if line[at] == b'"' {
                        break;
                    }
                    at += 2;
                }
                let after = line[at + 1..].iter().position(|b| !b.is_ascii_whitespace()).map(|p| at + 1 + p);
                if let (1, Some(colon)) = (depth, after.filter(|&p| line[p] == b':')) {
                    let value = line[colon + 1..]
                        .iter()
                        .position(|b| !b.is_ascii_whitespace())
                        .map_or(line.len(), |p| colon + 1 + p);
                    keys.push((opening + 1..at, ColumnKind::of_json_text(&line[value..])));
                }
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
        at += 1;
    }
    true
}

/// The keys of a JSON object in the order written, values skipped without being built.
struct KeysInOrder(Vec<String>);

impl<'de> serde::Deserialize<'de> for KeysInOrder {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = KeysInOrder;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<KeysInOrder, A::Error> {
                let mut keys = Vec::new();
                while let Some((key, serde::de::IgnoredAny)) = map.next_entry::<String, serde::de::IgnoredAny>()? {
                    keys.push(key);
                }
                Ok(KeysInOrder(keys))
            }
        }
        deserializer.deserialize_map(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reader(lines: &str) -> JsonlReader {
        let mut meta = MetaColumns::default();
        for name in ["date", "tags"] {
            meta.add(name, ColumnKind::Text);
        }
        JsonlReader {
            objects: Objects::Lines(BufReader::new(Box::new(std::io::Cursor::new(lines.as_bytes().to_vec())))),
            max_line_bytes: 1 << 20,
            unit: "the line",
            buffer: Vec::new(),
            line: 0,
            row: 0,
            file: Arc::from("in.jsonl"),
            path: "in.jsonl".into(),
            names: ColumnNames::new("id", "text", "source"),
            meta,
        }
    }

    fn items(lines: &str) -> Vec<Result<Record, Reject>> {
        let mut reader = reader(lines);
        std::iter::from_fn(|| reader.next_item().unwrap())
            .map(|item| match item {
                Item::Record(record) => Ok(record),
                Item::Reject(reject) => Err(reject),
            })
            .collect()
    }

    #[test]
    fn a_byte_order_mark_before_the_first_line_is_skipped() {
        let mut with_mark = BufReader::new(&b"\xef\xbb\xbf{\"id\": \"a\"}\n"[..]);
        skip_byte_order_mark(&mut with_mark).unwrap();
        let mut line = Vec::new();
        read_line_bounded(&mut with_mark, &mut line, 100).unwrap();
        assert_eq!(line, b"{\"id\": \"a\"}\n");
        let mut without = BufReader::new(&b"{}\n"[..]);
        skip_byte_order_mark(&mut without).unwrap();
        let mut line = Vec::new();
        read_line_bounded(&mut without, &mut line, 100).unwrap();
        assert_eq!(line, b"{}\n");
    }

    #[test]
    fn objects_give_their_fields_and_carried_columns() {
        let read = items(concat!(
            r#"{"tags": ["a", {"b": 1}], "id": 7, "extra": {"x": [1, 2]}, "text": "T\u00e4xt \"q\"", "date": null}"#,
            "\n\n",
            r#"{"id": "b", "text": "First.", "text": "Last wins.", "source": "Quelle.", "date": "2022-08-09"}"#,
            "\n",
        ));
        let first = read[0].as_ref().unwrap();
        assert_eq!((first.id.as_str(), first.text.as_str(), first.source.as_deref()), ("7", "Täxt \"q\"", None));
        assert_eq!(first.meta, vec![None, Some(MetaValue::Text(r#"["a",{"b":1}]"#.to_string()))]);
        let second = read[1].as_ref().unwrap();
        assert_eq!((second.text.as_str(), second.source.as_deref()), ("Last wins.", Some("Quelle.")));
        assert_eq!(second.meta, vec![Some(MetaValue::Text("2022-08-09".to_string())), None]);
        assert_eq!((second.origin.line, second.origin.row), (Some(3), 2), "the blank line counts as a line only");
    }

    #[test]
    fn lines_that_are_not_usable_objects_are_rejected_with_a_reason() {
        let read = items(concat!(
            "[1, {\"id\": \"x\"}]\n\"text\"\n42\nnull\n",
            "{\"id\": \"a\", \"text\": \"One.\"} trailing\n",
            "{\"id\": \"a\", \"text\": \"One.\"\n",
            "{\"id\": [1], \"text\": \"One.\"}\n",
            "{\"id\": \"c\", \"text\": 5}\n",
            "{\"id\": \"d\", \"body\": \"One.\"}\n",
            "{\"id\": \"e\", \"text\": \"One.\", \"source\": false}\n",
        ));
        let reasons: Vec<String> = read.iter().map(|r| r.as_ref().unwrap_err().reason.to_string()).collect();
        for reason in &reasons[..4] {
            assert_eq!(reason, "the line is valid JSON but not an object");
        }
        assert!(reasons[4].starts_with("malformed JSON: trailing characters"), "{}", reasons[4]);
        assert!(reasons[5].starts_with("malformed JSON: EOF while parsing an object"), "{}", reasons[5]);
        assert_eq!(reasons[6], "the 'id' field must be a string or number, not [1]");
        assert_eq!(reasons[7], "the 'text' field is not a string");
        assert!(reasons[8].starts_with("no 'text' field"), "{}", reasons[8]);
        assert_eq!(reasons[9], "the 'source' field is not a string");
        let lines: Vec<Option<u64>> = read.iter().map(|r| r.as_ref().unwrap_err().origin.line).collect();
        assert_eq!(lines, (1..=10).map(Some).collect::<Vec<_>>());
    }

    fn keys_of(line: &str) -> Option<Vec<&str>> {
        let mut ranges = Vec::new();
        top_level_keys(line.as_bytes(), &mut ranges).then(|| ranges.into_iter().map(|(r, _)| &line[r]).collect())
    }

    #[test]
    fn lines_longer_than_the_limit_are_measured_but_not_kept() {
        // A 64 kB buffer over 1 MB lines: the long line spans many fills.
        let long = "x".repeat(1_000_000);
        let text = format!("short\n{long}\nafter\nno newline at the end");
        let mut reader = BufReader::with_capacity(1 << 16, text.as_bytes());
        let mut line = Vec::new();
        let mut lines = Vec::new();
        loop {
            line.clear();
            let read = read_line_bounded(&mut reader, &mut line, 100).unwrap();
            if read == 0 {
                break;
            }
            lines.push((read, String::from_utf8(line.clone()).unwrap()));
        }
        assert_eq!(lines[0], (6, "short\n".to_string()));
        assert_eq!(lines[1].0, 1_000_001);
        assert_eq!(lines[1].1.len(), 100, "only the limit is kept");
        assert_eq!(lines[2], (6, "after\n".to_string()));
        assert_eq!(lines[3], (21, "no newline at the end".to_string()));
    }

    fn names(columns: &[(String, ColumnKind)]) -> Vec<&str> {
        columns.iter().map(|(name, _)| name.as_str()).collect()
    }

    #[test]
    fn the_key_scan_finds_top_level_keys_only() {
        let nested = r#" {"id": "a\"b", "text" : "{\"x\": 1} [", "meta": {"inner": [1, {"deep": "}"}]}, "k\\": ["a", "]"], "last":null}"#;
        assert_eq!(keys_of(nested), Some(vec!["id", "text", "meta", r"k\\", "last"]));
        assert_eq!(keys_of(r#"{"id": "x", "text": "ends with a backslash \\"}"#), Some(vec!["id", "text"]));
        assert_eq!(keys_of(r#"["id", "text"]"#), None);
        assert_eq!(keys_of(r#"{"id": "unclosed"#), Some(vec!["id"]), "the keys before an unclosed string");
    }

    /// Keys come only from lines that parse, in order of first appearance, decoded.
    #[test]
    fn the_file_key_scan_takes_keys_from_valid_lines_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("in.jsonl");
        let lines = concat!(
            "{\"id\": \"a\", \"text\": \"One.\", \"date\": \"x\"}\n",
            "{\"id\": \"b\", \"text\": \"Two.\", \"date\": \"y\"}\n",
            "{\"id\": \"c\", \"broken\": \"Three.\" \"date\": 1}\n",
            "{\"id\": \"d\", \"text\": \"Four.\", \"t\\u00e4g\": 2, \"date\": \"z\"}\n",
            "{\"id\": \"e\", \"text\": \"Five.\", \"date\": \"w\", \"tail\": [1]}",
        );
        std::fs::write(&path, lines).unwrap();
        let input = Input {
            path: path.clone(),
            display: "in.jsonl".into(),
            format: super::super::Format::Jsonl,
            bytes: 0,
            origin: super::super::InputOrigin::File,
            within_directory: None,
            table: None,
        };
        let columns = scan_keys(&input, usize::MAX).unwrap();
        assert_eq!(names(&columns), ["id", "text", "date", "täg", "tail"]);
        // Kinds come from lines that parse: "date" is text there, "täg" an integer, "tail" an array.
        let kinds: Vec<&ColumnKind> = columns.iter().map(|(_, kind)| kind).collect();
        use ColumnKind::*;
        assert_eq!(kinds, [&Text, &Text, &Text, &Integer, &Text]);
    }

    /// Lines are scanned in the reader's 1 MB buffer: a line that runs over its end, one that
    /// ends exactly at it, and a last line without a line break still give their keys.
    #[test]
    fn the_file_key_scan_finds_keys_in_lines_across_buffer_ends() {
        let dir = tempfile::tempdir().unwrap();
        let input_for = |name: &str, text: &str| {
            let path = dir.path().join(name);
            std::fs::write(&path, text).unwrap();
            Input {
                path,
                display: name.into(),
                format: super::super::Format::Jsonl,
                bytes: 0,
                origin: super::super::InputOrigin::File,
                within_directory: None,
                table: None,
            }
        };
        let filler = |length: usize| format!("{{\"id\": \"f\", \"text\": \"{}\"}}\n", "x".repeat(length - 24));
        let buffer = 1 << 20;
        // A line with a new key that starts 100 bytes before the first buffer ends.
        let across =
            format!("{}{{\"id\": \"a\", \"text\": \"{}\", \"across\": 1}}\n", filler(buffer - 100), "y".repeat(300));
        let across = across + "{\"id\": \"z\", \"text\": \"Last.\", \"last\": true}";
        assert_eq!(
            names(&scan_keys(&input_for("across.jsonl", &across), usize::MAX).unwrap()),
            ["id", "text", "across", "last"]
        );
        // A line that ends exactly at the end of the first buffer, then a new key.
        let exact = filler(buffer) + "{\"id\": \"b\", \"text\": \"Next.\", \"after\": 1}\n";
        assert_eq!(names(&scan_keys(&input_for("exact.jsonl", &exact), usize::MAX).unwrap()), ["id", "text", "after"]);
        // Lines over the record limit, one within the first buffer and one across buffers, are
        // dropped unread (the reading pass rejects them); the lines after them still count.
        let big = |key: &str, length: usize| {
            format!("{{\"id\": \"{key}\", \"text\": \"x\", \"{key}\": \"{}\"}}\n", "x".repeat(length))
        };
        let overlong =
            big("inside", 5_000) + &big("across", 3 * buffer) + "{\"id\": \"c\", \"text\": \"Fine.\", \"kept\": 1}\n";
        let input = input_for("overlong.jsonl", &overlong);
        assert_eq!(names(&scan_keys(&input, 4_000).unwrap()), ["id", "text", "kept"]);
        assert_eq!(names(&scan_keys(&input, usize::MAX).unwrap()), ["id", "text", "inside", "across", "kept"]);
    }
}
