//! # german-abbreviation
//!
//! ## What it does
//! Flags German abbreviations left in English text: "Mio.", "Mrd.", "ca.", "z.B.", "bzw.",
//! "usw.", "Nr." and the others listed in `data/lexicon/german_abbreviations.tsv`.
//!
//! ## Why it signals MT
//! MT treats abbreviations as opaque tokens and copies them. "3 Mio. Euro" becomes "3 Mio.
//! euros", which an English reader cannot decode.
//!
//! ## Example
//! "The project costs ca. 4 Mrd. euros." flags "ca." and "Mrd." and suggests "about" and
//! "billion".
//!
//! ## Known false positives
//! Matching is case-sensitive and needs the full stop, so the English words "ca" (California)
//! or "Nr" in other uses are not taken. Quoted German titles are flagged too.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "minor")
//! - `amount-severity`: the severity of an abbreviated amount such as "Mio." or "Mrd.", which
//!   misstates a number (default "major")

use super::{Declaration, Detector, Flags};
use crate::analysis::Doc;
use crate::flag::{Category, Severity};
use crate::lexicon::{shipped, Choice};
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct GermanAbbreviationSettings {
    pub enabled: bool,
    pub severity: Option<Severity>,
    /// The severity of an abbreviated amount ("Mio.", "Mrd."), which misstates a number.
    pub amount_severity: Severity,
}

impl Default for GermanAbbreviationSettings {
    fn default() -> Self {
        GermanAbbreviationSettings { enabled: true, severity: None, amount_severity: Severity::Major }
    }
}

common_settings!(GermanAbbreviationSettings);

pub struct GermanAbbreviation {
    amount_severity: Severity,
}

struct Abbreviation {
    written: &'static str,
    meaning: &'static str,
    amount: bool,
}

/// What an abbreviation stands for: a word left untranslated, or an amount.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Untranslated,
    Number,
}

impl Choice for Kind {
    const WHAT: &'static str = "kind of abbreviation";
    const SPELLINGS: &'static [(&'static str, Self)] =
        &[("untranslated", Kind::Untranslated), ("number", Kind::Number)];
}

static ABBREVIATIONS: LazyLock<Vec<Abbreviation>> = LazyLock::new(|| {
    shipped!("data/lexicon/german_abbreviations.tsv")
        .rows::<3>()
        .map(|row| {
            let [written, meaning, kind] = row.fields;
            let first_word = written.split(' ').next().unwrap_or(written);
            if !first_word.contains('.') {
                row.fail("the detector's pre-test needs a full stop in the first word");
            }
            Abbreviation { written, meaning, amount: row.choice::<Kind>(kind) == Kind::Number }
        })
        .collect()
});

/// The abbreviations by their first byte, in list order: a token is compared only with those
/// that could start with it.
static BY_FIRST_BYTE: LazyLock<Vec<Vec<usize>>> = LazyLock::new(|| {
    let mut table = vec![Vec::new(); 256];
    for (index, abbreviation) in ABBREVIATIONS.iter().enumerate() {
        table[abbreviation.written.as_bytes()[0] as usize].push(index);
    }
    table
});

impl Detector for GermanAbbreviation {
    const DECLARATION: Declaration = Declaration {
        id: "german-abbreviation",
        category: Category::Untranslated,
        severity: Severity::Minor,
        version: 2,
    };
    type Settings = GermanAbbreviationSettings;

    fn configure(settings: &GermanAbbreviationSettings) -> Self {
        GermanAbbreviation { amount_severity: settings.amount_severity }
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        let bytes = doc.text.as_bytes();
        for token in &doc.tokens {
            // Every listed abbreviation has a full stop within or right after its first word:
            // a cheap test that rules out nearly every token before the list is scanned. Only
            // tokens joined by a mark ("z.B") are searched for a full stop inside.
            let full_stop_after = bytes.get(token.span.end) == Some(&b'.');
            let inner_full_stop = token.joined && bytes[token.span.clone()].contains(&b'.');
            if !token.has_letter || !(full_stop_after || inner_full_stop) {
                continue;
            }
            let rest = &doc.text[token.span.start..];
            let candidates = &BY_FIRST_BYTE[rest.as_bytes()[0] as usize];
            let Some(found) = candidates.iter().map(|&i| &ABBREVIATIONS[i]).find(|a| rest.starts_with(a.written))
            else {
                continue;
            };
            let end = token.span.start + found.written.len();
            // The abbreviation must end at a word boundary, and start at one.
            let before_ok = doc.text[..token.span.start].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
            if !before_ok || doc.text[end..].starts_with(|c: char| c.is_alphanumeric()) {
                continue;
            }
            let flag = flags.flag(
                token.span.start..end,
                0.85,
                format!(
                    "\"{}\" is a German abbreviation (\"{}\" in English) left untranslated.",
                    found.written, found.meaning
                ),
            );
            flag.suggest(found.meaning);
            if found.amount {
                flag.in_category(Category::NumberFormat).with_severity(self.amount_severity);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, flags_of};
    use super::*;

    #[test]
    fn flags_german_abbreviations_with_their_meaning() {
        let flags = flags_of::<GermanAbbreviation>("The project costs ca. 4 Mrd. euros, z.B. for new tracks.");
        let found: Vec<_> =
            flags.iter().map(|(e, f)| (e.as_str(), f.suggestion.clone().unwrap(), f.category)).collect();
        assert_eq!(
            found,
            [
                ("ca.", "about".to_string(), Category::Untranslated),
                ("Mrd.", "billion".to_string(), Category::NumberFormat),
                ("z.B.", "for example".to_string(), Category::Untranslated)
            ]
        );
        assert_eq!(flags[1].1.severity, Severity::Major);
    }

    #[test]
    fn english_words_and_abbreviations_are_fine() {
        assert_no_flags::<GermanAbbreviation>(
            "He moved to LA, CA. No. 5 won. The cat sat. Mr. Smith, e.g. the mayor, agreed.",
        );
    }
}
