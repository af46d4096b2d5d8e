//! JSON Lines input, plain or compressed with gzip or zstd: one JSON object per line.

use super::{
    json_to_meta, open_decompressed, utf8_reason, ColumnNames, Input, Item, MetaColumns, Origin, Record, RecordReader,
    Reject,
};
use crate::error::InputError;
use serde_json::{Map, Value};
use std::io::{BufRead, BufReader, Read};
use std::sync::atomic::AtomicU64;
use std::sync::Arc;

pub struct JsonlReader {
    lines: BufReader<Box<dyn Read + Send>>,
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
        progress: Arc<AtomicU64>,
    ) -> Result<Self, InputError> {
        Ok(JsonlReader {
            lines: BufReader::with_capacity(1 << 20, open_decompressed(&input.path, progress)?),
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
        let reject = |id: Option<String>, reason: String| Item::Reject(Reject { origin: origin.clone(), id, reason });
        let text = match std::str::from_utf8(line) {
            Ok(text) => text,
            Err(error) => return reject(None, utf8_reason("the line", &error)),
        };
        let mut object: Map<String, Value> = match serde_json::from_str(text) {
            Ok(Value::Object(object)) => object,
            Ok(_) => return reject(None, "the line is valid JSON but not an object".into()),
            Err(error) => return reject(None, format!("malformed JSON: {error}")),
        };
        let id = match object.remove(&self.names.id) {
            Some(Value::String(id)) => id,
            Some(Value::Number(number)) => number.to_string(),
            Some(Value::Null) | None => {
                return reject(None, format!("no '{}' field (use --id-col to name the id field)", self.names.id))
            }
            Some(other) => {
                return reject(None, format!("the '{}' field must be a string or number, not {other}", self.names.id))
            }
        };
        let text = match object.remove(&self.names.text) {
            Some(Value::String(text)) => text,
            Some(Value::Null) | None => {
                return reject(
                    Some(id),
                    format!("no '{}' field (use --text-col to name the text field)", self.names.text),
                )
            }
            Some(_) => return reject(Some(id), format!("the '{}' field is not a string", self.names.text)),
        };
        let source = match object.remove(&self.names.source) {
            Some(Value::String(source)) => Some(source),
            Some(Value::Null) | None => None,
            Some(_) => return reject(Some(id), format!("the '{}' field is not a string", self.names.source)),
        };
        let mut meta = vec![None; self.meta.len()];
        for (key, value) in object {
            // Every key was found by the key scan before reading, so the position exists.
            if let Some(position) = self.meta.position(&key) {
                meta[position] = json_to_meta(value);
            }
        }
        Item::Record(Record { id, text, source, meta, origin })
    }
}

impl RecordReader for JsonlReader {
    fn next_item(&mut self) -> Result<Option<Item>, InputError> {
        loop {
            self.buffer.clear();
            let read = self
                .lines
                .read_until(b'\n', &mut self.buffer)
                .map_err(|e| InputError::Read { path: self.path.clone(), message: e.to_string() })?;
            if read == 0 {
                return Ok(None);
            }
            self.line += 1;
            let line = trim_ascii_whitespace(&self.buffer);
            if line.is_empty() {
                continue; // Blank lines separate nothing in JSON Lines; they hold no row.
            }
            self.row += 1;
            let origin = Origin { file: self.file.clone(), line: Some(self.line), row: self.row };
            let line = line.to_vec();
            return Ok(Some(self.parse(origin, &line)));
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
pub fn scan_keys(input: &Input) -> Result<Vec<String>, InputError> {
    let reader = BufReader::with_capacity(1 << 20, open_decompressed(&input.path, Arc::default())?);
    let mut keys: Vec<String> = Vec::new();
    for line in reader.split(b'\n') {
        let line = line.map_err(|e| InputError::Read { path: input.path.clone(), message: e.to_string() })?;
        let Ok(KeysInOrder(line_keys)) = serde_json::from_slice::<KeysInOrder>(&line) else { continue };
        for key in line_keys {
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
    }
    Ok(keys)
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
