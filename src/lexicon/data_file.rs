//! One strict reader for every data file shipped with the binary (word lists, tables, idioms).
//!
//! A data file is UTF-8 text, one row per line, fields separated by tabs. Lines that start with
//! `#` (the header saying where the entries come from) and blank lines are skipped. Every other
//! line must have the number of fields the reader asks for and a first field that is neither
//! empty nor padded with blanks; a column that holds one of a fixed set of words is read with
//! [`Row::choice`], which accepts nothing else.
//!
//! The files are compiled in with `shipped!`, so a bad row is a defect of the build, not an
//! input error to recover from: reading one panics with the file and line, at first use. Each
//! table's unit tests force it to load, so `cargo test` catches a malformed file before it ships.
//!
//! ```ignore
//! use crate::lexicon::{shipped, Choice};
//!
//! impl Choice for Rule {
//!     const WHAT: &'static str = "rule";
//!     const SPELLINGS: &'static [(&'static str, Self)] = &[("next", Rule::Next), ("near", Rule::Near)];
//! }
//!
//! // Five fields, and a sixth that may be missing or empty.
//! for row in shipped!("data/lexicon/false_friends.tsv").rows_with_optional::<6>(5) {
//!     let [word, german, meant, rule, words, gate] = row.fields;
//!     let rule: Rule = row.choice(rule); // "nxt" panics: "…false_friends.tsv, line 12: unknown rule …"
//!     let needs_german_origin = row.marked(gate, "german-origin"); // "" or the mark, nothing else
//! }
//! ```

use std::fmt;

/// A data file compiled into the binary: its path from the crate root (for messages) and its
/// text.
#[derive(Debug, Clone, Copy)]
pub struct DataFile {
    pub path: &'static str,
    pub text: &'static str,
}

/// The [`DataFile`] at a path relative to the crate root, compiled in:
/// `shipped!("data/lexicon/verbs.tsv")`. The path is written once, for both the compiler and
/// the messages.
macro_rules! shipped {
    ($path:expr) => {
        $crate::lexicon::DataFile { path: $path, text: include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/", $path)) }
    };
}
pub(crate) use shipped;

impl DataFile {
    /// The rows, each with exactly `N` fields.
    pub fn rows<const N: usize>(self) -> impl Iterator<Item = Row<N>> {
        self.rows_with_optional(N)
    }

    /// The rows, each with `required` to `N` fields; the missing trailing fields of a shorter
    /// row are empty.
    pub fn rows_with_optional<const N: usize>(self, required: usize) -> impl Iterator<Item = Row<N>> {
        assert!((1..=N).contains(&required), "{required} required fields out of {N}");
        self.text.lines().enumerate().filter(|(_, line)| !is_skipped(line)).map(move |(index, line)| {
            let mut row = Row { path: self.path, line: index + 1, fields: [""; N] };
            let mut count = 0;
            for field in line.split('\t') {
                if count < N {
                    row.fields[count] = field;
                }
                count += 1;
            }
            if !(required..=N).contains(&count) {
                let expected = match required == N {
                    true => N.to_string(),
                    false => format!("{required} to {N}"),
                };
                row.fail(&format!("{count} tab-separated fields, expected {expected}"));
            }
            let key = row.fields[0];
            if key.is_empty() || key.trim() != key {
                row.fail(&format!("key {key:?} is empty or has surrounding blanks"));
            }
            row
        })
    }
}

/// A header or comment line, or a blank one.
fn is_skipped(line: &str) -> bool {
    line.starts_with('#') || line.trim().is_empty()
}

/// One row of a data file: its fields and where it stands, for messages.
#[derive(Debug, Clone)]
pub struct Row<const N: usize> {
    pub path: &'static str,
    /// Counted from 1, as editors count.
    pub line: usize,
    pub fields: [&'static str; N],
}

impl<const N: usize> Row<N> {
    /// Rejects the row: panics with the file, the line and `problem`.
    #[track_caller]
    pub fn fail(&self, problem: &str) -> ! {
        panic!("{}, line {}: {problem}", self.path, self.line)
    }

    /// A field that must be one of the words of `C`.
    #[track_caller]
    pub fn choice<C: Choice>(&self, field: &str) -> C {
        parse_choice(field).unwrap_or_else(|unknown| self.fail(&unknown.to_string()))
    }

    /// A field that is either empty or `mark`: whether it is `mark`.
    #[track_caller]
    pub fn marked(&self, field: &str, mark: &str) -> bool {
        match field {
            "" => false,
            _ if field == mark => true,
            other => self.fail(&format!("unknown mark {other:?}; expected {mark} or nothing")),
        }
    }
}

/// A value that a data file spells as one of a fixed set of words, such as a gender or a noun
/// class. Reading any other word is an error ([`UnknownChoice`]), never a default.
pub trait Choice: Copy + 'static {
    /// What a value is called in messages: "thing class".
    const WHAT: &'static str;
    /// Every value, with its spelling in the data files.
    const SPELLINGS: &'static [(&'static str, Self)];
}

/// The value of `C` that `word` spells.
pub fn parse_choice<C: Choice>(word: &str) -> Result<C, UnknownChoice> {
    C::SPELLINGS.iter().find(|(spelling, _)| *spelling == word).map(|&(_, value)| value).ok_or_else(|| UnknownChoice {
        what: C::WHAT,
        word: word.to_string(),
        expected: C::SPELLINGS.iter().map(|(spelling, _)| *spelling).collect(),
    })
}

/// A word that spells none of a [`Choice`]'s values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownChoice {
    /// What the value is called ([`Choice::WHAT`]).
    pub what: &'static str,
    pub word: String,
    /// The words that would have been accepted.
    pub expected: Vec<&'static str>,
}

impl fmt::Display for UnknownChoice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown {} {:?}; expected one of {}", self.what, self.word, self.expected.join(", "))
    }
}

impl std::error::Error for UnknownChoice {}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &'static str) -> DataFile {
        DataFile { path: "data/test.tsv", text }
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Size {
        Small,
        Large,
    }

    impl Choice for Size {
        const WHAT: &'static str = "size";
        const SPELLINGS: &'static [(&'static str, Self)] = &[("small", Size::Small), ("large", Size::Large)];
    }

    #[test]
    fn headers_comments_and_blank_lines_are_skipped_and_lines_counted() {
        let rows: Vec<Row<2>> = file("# header\n\na\tb\n  \n# note\nc\td\n").rows().collect();
        assert_eq!(rows.iter().map(|r| (r.line, r.fields)).collect::<Vec<_>>(), [(3, ["a", "b"]), (6, ["c", "d"])]);
    }

    #[test]
    fn optional_trailing_fields_are_empty_when_missing() {
        let rows: Vec<Row<3>> = file("a\tb\nc\td\te\nf\tg\t\n").rows_with_optional(2).collect();
        let fields: Vec<_> = rows.iter().map(|r| r.fields).collect();
        assert_eq!(fields, [["a", "b", ""], ["c", "d", "e"], ["f", "g", ""]]);
    }

    #[test]
    #[should_panic(expected = "data/test.tsv, line 3: 1 tab-separated fields, expected 2 to 3")]
    fn a_row_missing_a_required_field_is_rejected_with_file_and_line() {
        file("# header\na\tb\nc\n").rows_with_optional::<3>(2).for_each(drop);
    }

    #[test]
    #[should_panic(expected = "data/test.tsv, line 2: 3 tab-separated fields, expected 2")]
    fn a_row_with_an_extra_field_is_rejected_with_file_and_line() {
        file("a\tb\nc\td\te\n").rows::<2>().for_each(drop);
    }

    #[test]
    #[should_panic(expected = "data/test.tsv, line 1: key \" a\" is empty or has surrounding blanks")]
    fn a_padded_key_is_rejected() {
        file(" a\tb\n").rows::<2>().for_each(drop);
    }

    #[test]
    fn choices_accept_their_spellings_only() {
        assert_eq!(parse_choice::<Size>("large"), Ok(Size::Large));
        let unknown = parse_choice::<Size>("Large").unwrap_err();
        assert_eq!(unknown.to_string(), "unknown size \"Large\"; expected one of small, large");
    }

    #[test]
    fn marks_are_empty_or_the_one_word() {
        let rows: Vec<Row<2>> = file("a\t\nb\ten\n").rows_with_optional(1).collect();
        assert_eq!(rows.iter().map(|row| row.marked(row.fields[1], "en")).collect::<Vec<_>>(), [false, true]);
    }

    #[test]
    #[should_panic(expected = "data/test.tsv, line 2: unknown mark \"eng\"; expected en or nothing")]
    fn an_unknown_mark_is_rejected_with_file_and_line() {
        for row in file("a\nb\teng\n").rows_with_optional::<2>(1) {
            row.marked(row.fields[1], "en");
        }
    }

    #[test]
    #[should_panic(expected = "data/test.tsv, line 2: unknown size \"medium\"; expected one of small, large")]
    fn an_unknown_choice_is_rejected_with_file_and_line() {
        for row in file("cup\tsmall\nmug\tmedium\n").rows::<2>() {
            row.choice::<Size>(row.fields[1]);
        }
    }
}
