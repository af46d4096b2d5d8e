//! The input columns mtqe does not use, carried through into `documents.parquet` with their type.
//!
//! The rule:
//! - **Parquet** input: each column keeps its own type (dates, timestamps, decimals, lists,
//!   structs…).
//! - **JSON Lines** and `.json`: a column whose values are all integers is written as integers,
//!   and one with numbers of both kinds as floating-point numbers. A column of all booleans is
//!   written as booleans. Any other column, with mixed values or nested objects and arrays, is
//!   written as text, with each value that is not a string in its JSON form.
//! - **CSV, TSV** and `.txt`: text.
//! - Nulls and missing keys are nulls, and do not decide a type.
//! - A column whose type differs between input files is written as text.

use super::parquet::{TypedKind, TypedValue};

/// One value of a carried column.
#[derive(Debug, Clone, PartialEq)]
pub enum MetaValue {
    Text(String),
    Integer(i64),
    Float(f64),
    Boolean(bool),
    /// A value of a Parquet input column, of that column's own type.
    Typed(TypedValue),
}

impl MetaValue {
    /// The value as text, for a column written as text.
    pub fn to_text(&self) -> String {
        match self {
            MetaValue::Text(text) => text.clone(),
            MetaValue::Integer(n) => n.to_string(),
            MetaValue::Float(x) => serde_json::Number::from_f64(*x).map_or_else(|| x.to_string(), |n| n.to_string()),
            MetaValue::Boolean(b) => b.to_string(),
            MetaValue::Typed(value) => value.to_text(),
        }
    }

    /// A JSON value of a JSON Lines input: strings as text, numbers and booleans as such,
    /// arrays and objects as their JSON text; None for null.
    pub fn from_json(value: serde_json::Value) -> Option<MetaValue> {
        use serde_json::Value;
        match value {
            Value::Null => None,
            Value::String(text) => Some(MetaValue::Text(text)),
            Value::Bool(b) => Some(MetaValue::Boolean(b)),
            Value::Number(n) => Some(match n.as_i64() {
                Some(i) => MetaValue::Integer(i),
                None => MetaValue::Float(n.as_f64().unwrap_or(f64::NAN)),
            }),
            nested => Some(MetaValue::Text(nested.to_string())),
        }
    }
}

/// The type a carried column is written with.
#[derive(Debug, Clone, PartialEq)]
pub enum ColumnKind {
    /// Only nulls seen so far: written as text.
    Unknown,
    Text,
    Integer,
    Float,
    Boolean,
    /// A Parquet input column's own type.
    Typed(TypedKind),
}

impl ColumnKind {
    /// The kind of a column that holds values of both kinds.
    pub fn join(&self, other: &ColumnKind) -> ColumnKind {
        use ColumnKind::*;
        match (self, other) {
            (Unknown, kind) | (kind, Unknown) => kind.clone(),
            (Integer, Float) | (Float, Integer) => Float,
            (a, b) if a == b => a.clone(),
            _ => Text,
        }
    }

    /// The kind of one JSON value, from the first bytes of its text: cheap enough for the key
    /// scan, which reads every line before scoring starts.
    pub fn of_json_text(value: &[u8]) -> ColumnKind {
        match value.first() {
            None | Some(b'n') => ColumnKind::Unknown,
            Some(b't' | b'f') => ColumnKind::Boolean,
            Some(b'-' | b'0'..=b'9') => {
                let end = value.iter().position(|b| !matches!(b, b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9'));
                let number = &value[..end.unwrap_or(value.len())];
                let fractional = number.iter().any(|b| matches!(b, b'.' | b'e' | b'E'));
                // Beyond 18 digits a JSON integer may not fit an i64.
                if fractional || number.len() > 18 {
                    ColumnKind::Float
                } else {
                    ColumnKind::Integer
                }
            }
            _ => ColumnKind::Text,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_join_to_the_narrowest_type_that_holds_both() {
        use ColumnKind::*;
        assert_eq!(Unknown.join(&Integer), Integer);
        assert_eq!(Integer.join(&Float), Float);
        assert_eq!(Boolean.join(&Boolean), Boolean);
        assert_eq!(Integer.join(&Text), Text);
        assert_eq!(Boolean.join(&Integer), Text);
    }

    #[test]
    fn json_values_are_classified_from_their_text() {
        for (text, kind) in [
            ("12", ColumnKind::Integer),
            ("-3", ColumnKind::Integer),
            ("1.5", ColumnKind::Float),
            ("2e3", ColumnKind::Float),
            ("123456789012345678901", ColumnKind::Float),
            ("true", ColumnKind::Boolean),
            ("null", ColumnKind::Unknown),
            ("\"x\"", ColumnKind::Text),
            ("[1]", ColumnKind::Text),
            ("{\"a\": 1}", ColumnKind::Text),
        ] {
            assert_eq!(ColumnKind::of_json_text(text.as_bytes()), kind, "{text}");
        }
    }

    #[test]
    fn json_values_keep_numbers_and_booleans_and_write_nested_values_as_json() {
        let values = serde_json::json!([1, 2.5, true, "s", [1, {"b": null}], null]);
        let converted: Vec<Option<MetaValue>> =
            values.as_array().unwrap().iter().cloned().map(MetaValue::from_json).collect();
        assert_eq!(
            converted,
            [
                Some(MetaValue::Integer(1)),
                Some(MetaValue::Float(2.5)),
                Some(MetaValue::Boolean(true)),
                Some(MetaValue::Text("s".into())),
                Some(MetaValue::Text(r#"[1,{"b":null}]"#.into())),
                None
            ]
        );
        assert_eq!(MetaValue::Float(2.5).to_text(), "2.5");
        assert_eq!(MetaValue::Integer(-4).to_text(), "-4");
    }
}
