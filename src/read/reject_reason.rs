//! Why a row could not be scored: one variant per cause, written to `rejects.jsonl` as a
//! sentence and counted in the manifest by its kind.

use serde::{Serialize, Serializer};
use std::fmt;

/// Why a row was rejected. [`fmt::Display`] gives the sentence written to `rejects.jsonl`;
/// [`RejectReason::kind`] the key it is counted under in the manifest's `rejects_by_reason`.
#[derive(Debug, Clone, PartialEq)]
pub enum RejectReason {
    /// Bytes that are not UTF-8, at `offset` bytes into `place`.
    InvalidUtf8 {
        place: Utf8Place,
        offset: usize,
    },
    /// A JSON value that is not an object; `unit` is "the line" or "the element".
    NotAnObject {
        unit: &'static str,
    },
    /// serde_json's message.
    MalformedJson(String),
    /// A JSON object without the id or text field; `flag` is the option that names the field.
    MissingField {
        field: String,
        flag: &'static str,
        role: &'static str,
    },
    /// A JSON id that is neither a string nor a number; `raw` is its JSON text.
    IdNotStringOrNumber {
        field: String,
        raw: String,
    },
    /// A JSON text or source field that is not a string.
    NotAString {
        field: String,
    },
    /// A null id or text in a Parquet input.
    NullValue {
        column: String,
    },
    /// A JSON line longer than any record may be.
    LineTooLong {
        bytes: usize,
        limit: usize,
    },
    /// A `.txt` file larger than a text of the maximum length can be.
    FileTooLarge {
        bytes: u64,
        max_chars: usize,
    },
    /// A compressed `.txt` file that cannot be decompressed (corrupt, truncated, or not
    /// compressed at all).
    CannotDecompress(String),
    /// A compressed `.txt` file that inflates beyond `limit` bytes, read no further.
    InflatesTooFar {
        limit: u64,
        max_chars: usize,
    },
    /// A `.json` array that breaks off at `line`; the rest of the file cannot be read.
    BrokenArray {
        line: u64,
        problem: String,
    },
    /// A `.json` array whose reading failed (a decompression error, say): the I/O error's message.
    ArrayUnreadable(String),
    /// A CSV row whose id field is empty.
    EmptyIdField,
    /// A CSV row with more or fewer fields than `--columns` names.
    FieldsUnlikeColumns {
        found: usize,
        named: usize,
    },
    /// A CSV row with more or fewer fields than the header.
    FieldsUnlikeHeader {
        found: u64,
        expected: u64,
    },
    /// A CSV row with a quoted field that is not closed before the end of the file, so that the
    /// row holds the rest of the file.
    UnclosedQuote,
    EmptyId,
    EmptyText,
    TextTooLong {
        chars: usize,
        max_chars: usize,
    },
    /// An id seen before, at `first_seen` ("file:line").
    DuplicateId {
        id: String,
        first_seen: String,
    },
    /// A panic while the article was analysed, checked or scored: the step and its message.
    InternalError {
        step: &'static str,
        message: String,
    },
}

/// Where invalid UTF-8 was found.
#[derive(Debug, Clone, PartialEq)]
pub enum Utf8Place {
    /// "the line", "the element" or "the file": the whole unit read.
    Whole(&'static str),
    /// A named CSV field.
    Field(String),
    /// A carried CSV column, 1-based.
    Column(usize),
}

impl fmt::Display for Utf8Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Utf8Place::Whole(unit) => f.write_str(unit),
            Utf8Place::Field(name) => write!(f, "the '{name}' field"),
            Utf8Place::Column(column) => write!(f, "column {column}"),
        }
    }
}

impl fmt::Display for RejectReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use RejectReason::*;
        match self {
            InvalidUtf8 { place, offset } => write!(f, "{place} is not valid UTF-8: invalid byte at offset {offset}"),
            NotAnObject { unit } => write!(f, "{unit} is valid JSON but not an object"),
            MalformedJson(error) => write!(f, "malformed JSON: {error}"),
            MissingField { field, flag, role } => write!(f, "no '{field}' field (use {flag} to name the {role} field)"),
            IdNotStringOrNumber { field, raw } => write!(f, "the '{field}' field must be a string or number, not {raw}"),
            NotAString { field } => write!(f, "the '{field}' field is not a string"),
            NullValue { column } => write!(f, "the '{column}' value is null"),
            LineTooLong { bytes, limit } => write!(
                f,
                "the line has {bytes} bytes, more than a record may have ({limit} bytes, from --max-text-chars)"
            ),
            FileTooLarge { bytes, max_chars } => write!(
                f,
                "the file has {bytes} bytes, more than a text of at most {max_chars} characters can have (--max-text-chars)"
            ),
            CannotDecompress(problem) => write!(f, "the file cannot be decompressed: {problem}"),
            InflatesTooFar { limit, max_chars } => write!(
                f,
                "the file inflates to more than {limit} bytes, more than a text of at most {max_chars} characters can have (--max-text-chars)"
            ),
            BrokenArray { line, problem } => write!(f, "line {line}: {problem}"),
            ArrayUnreadable(message) => f.write_str(message),
            EmptyIdField => f.write_str("the id field is empty"),
            FieldsUnlikeColumns { found, named } => write!(f, "the row has {found} fields but --columns names {named}"),
            FieldsUnlikeHeader { found, expected } => write!(f, "the row has {found} fields but the header has {expected}"),
            UnclosedQuote => f.write_str("a quoted field in this row is never closed: the row runs to the end of the file"),
            EmptyId => f.write_str("the id is empty"),
            EmptyText => f.write_str("the text is empty"),
            TextTooLong { chars, max_chars } => write!(
                f,
                "the text has {chars} characters, more than the limit of {max_chars} (--max-text-chars)"
            ),
            DuplicateId { id, first_seen } => write!(f, "duplicate id '{id}': first seen at {first_seen}"),
            InternalError { step, message } => write!(f, "internal error in {step}: {message}"),
        }
    }
}

impl RejectReason {
    /// The key this reject is counted under in the manifest's `rejects_by_reason`: a fixed
    /// phrase per kind of problem, without the particulars (field names, numbers, ids) that the
    /// reason's sentence gives, so that counts from different files and runs add up. An internal
    /// error is counted per step, since each names a different bug.
    pub fn kind(&self) -> String {
        use RejectReason::*;
        let kind = match self {
            InvalidUtf8 { .. } => "invalid UTF-8",
            NotAnObject { .. } => "JSON that is not an object",
            MalformedJson(_) => "malformed JSON",
            MissingField { .. } => "missing id or text field",
            IdNotStringOrNumber { .. } => "id neither a string nor a number",
            NotAString { .. } => "field not a string",
            NullValue { .. } => "null value",
            LineTooLong { .. } => "line too long",
            FileTooLarge { .. } | InflatesTooFar { .. } => "file too large",
            CannotDecompress(_) => "cannot decompress",
            BrokenArray { .. } => "broken JSON array",
            ArrayUnreadable(_) => "unreadable JSON array",
            EmptyIdField => "empty id field",
            FieldsUnlikeColumns { .. } => "row unlike --columns",
            FieldsUnlikeHeader { .. } => "row unlike the header",
            UnclosedQuote => "unclosed quotation mark in CSV",
            EmptyId => "empty id",
            EmptyText => "empty text",
            TextTooLong { .. } => "text too long",
            DuplicateId { .. } => "duplicate id",
            InternalError { step, .. } => return format!("internal error in {step}"),
        };
        kind.to_string()
    }
}

/// Written as its sentence.
impl Serialize for RejectReason {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_is_one_phrase_without_the_particulars() {
        use RejectReason::*;
        let reasons = [
            InvalidUtf8 { place: Utf8Place::Whole("the line"), offset: 3 },
            InvalidUtf8 { place: Utf8Place::Field("text".into()), offset: 3 },
            InvalidUtf8 { place: Utf8Place::Column(4), offset: 0 },
            NotAnObject { unit: "the element" },
            MalformedJson("EOF while parsing an object at line 1 column 9".into()),
            MissingField { field: "id".into(), flag: "--id-col", role: "id" },
            IdNotStringOrNumber { field: "id".into(), raw: "[1]".into() },
            NotAString { field: "text".into() },
            NullValue { column: "id".into() },
            LineTooLong { bytes: 2_000_000, limit: 1_800_000 },
            FileTooLarge { bytes: 900, max_chars: 200 },
            InflatesTooFar { limit: 800, max_chars: 200 },
            CannotDecompress("invalid gzip header".into()),
            BrokenArray { line: 12, problem: "the array is not closed with ']'".into() },
            ArrayUnreadable("corrupt deflate stream".into()),
            EmptyIdField,
            FieldsUnlikeColumns { found: 3, named: 2 },
            FieldsUnlikeHeader { found: 3, expected: 2 },
            UnclosedQuote,
            EmptyId,
            EmptyText,
            TextTooLong { chars: 15, max_chars: 14 },
            DuplicateId { id: "a".into(), first_seen: "x".into() },
            InternalError { step: "exploding-test", message: "byte index 5 is not a char boundary".into() },
        ];
        let kinds: Vec<String> = reasons.iter().map(RejectReason::kind).collect();
        for (reason, kind) in reasons.iter().zip(&kinds) {
            let without_encoding_name = kind.replace("UTF-8", "");
            assert!(
                !kind.is_empty() && !without_encoding_name.contains(|c: char| c.is_ascii_digit()),
                "{reason}: {kind}"
            );
            assert!(!kind.contains('\''), "{reason}: {kind} names a field or id");
        }
        // One key per kind of problem: the three UTF-8 reasons share one, and the two "file too
        // large" (by its size, or inflating beyond it); the others differ.
        let distinct: std::collections::BTreeSet<&String> = kinds.iter().collect();
        assert_eq!(distinct.len(), kinds.len() - 3, "{kinds:?}");
        assert_eq!(kinds[0], kinds[1]);
        assert_eq!(kinds[1], kinds[2]);
        let other_duplicate = DuplicateId { id: "b".into(), first_seen: "y:9".into() };
        assert_eq!(other_duplicate.kind(), kinds[kinds.len() - 2]);
    }

    #[test]
    fn a_reason_is_written_as_its_sentence() {
        let reason = RejectReason::DuplicateId { id: "a".into(), first_seen: "in.jsonl:3".into() };
        assert_eq!(serde_json::to_string(&reason).unwrap(), r#""duplicate id 'a': first seen at in.jsonl:3""#);
    }
}
