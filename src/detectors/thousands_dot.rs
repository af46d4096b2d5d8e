//! # thousands-dot
//!
//! ## What it does
//! Flags numbers with a German thousands dot: "2.000 soldiers", "15.000 euros",
//! "1.200.000 visitors".
//!
//! ## Why it signals MT
//! German groups thousands with a dot. Copied unchanged, "2.000 Soldaten" reads in English as
//! "2.000 soldiers", that is two soldiers given to three decimal places.
//!
//! ## Example
//! "Police counted 8.500 participants." flags "8.500" and suggests "8,500".
//!
//! ## Known false positives
//! A measurement with three decimals ("2.125 kilograms") looks the same; those are rare in news
//! and the confidence is lower when a unit of measurement follows. A number with one dot before
//! "million", "billion" or "percent" ("1.234 billion yuan") is read as an English decimal and not
//! flagged. Version numbers and dates
//! with several dots of other group sizes are not matched.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "major")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::Doc;
use crate::flag::{Category, Severity};
use crate::lexicon::{shipped, WordList};
use std::sync::LazyLock;

pub struct ThousandsDot;

/// Units after which three decimals are plausible.
static MEASURES: LazyLock<WordList> =
    LazyLock::new(|| WordList::from_file(shipped!("data/lexicon/measurement_units.txt")));

impl Detector for ThousandsDot {
    const DECLARATION: Declaration =
        Declaration { id: "thousands-dot", category: Category::NumberFormat, severity: Severity::Major, version: 2 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        ThousandsDot
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        for (index, token) in doc.tokens.iter().enumerate() {
            if !token.is_number() {
                continue;
            }
            let number = doc.word(token);
            let groups: Vec<&str> = number.split('.').collect();
            let grouped = groups.len() >= 2
                && (1..=3).contains(&groups[0].len())
                && groups[0] != "0"
                && groups.iter().all(|g| g.chars().all(|c| c.is_ascii_digit()))
                && groups[1..].iter().all(|g| g.len() == 3);
            if !grouped
                || doc.text[token.span.end..].starts_with(['.', ','])
                    && doc.text[token.span.end + 1..].starts_with(|c: char| c.is_ascii_digit())
            {
                continue;
            }
            let next = doc.tokens.get(index + 1).map(|t| doc.lower(t));
            // "1.234 billion yuan", "12.345 percent": with one dot, a scale word or a percentage
            // after it makes the number an English decimal. German writes neither that way
            // ("1,234 Milliarden", "12,3 Prozent").
            let decimal_before_scale = groups.len() == 2
                && (next.is_some_and(|n| SCALES.contains(n))
                    || doc.text[token.span.end..].trim_start().starts_with('%'));
            if decimal_before_scale {
                continue;
            }
            let measured = next.is_some_and(|n| MEASURES.contains(n));
            let english = groups.join(",");
            flags.flag(token.span.clone(), if measured { 0.4 } else { 0.8 }, format!("\"{number}\" uses a German thousands dot; in English it reads as a decimal. Write \"{english}\".")).suggest(english);
        }
    }
}

/// Words after which a number with one dot is an English decimal.
static SCALES: LazyLock<WordList> = LazyLock::new(|| WordList::from_file(shipped!("data/lexicon/number_scales.txt")));

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts};
    use super::*;

    #[test]
    fn decimals_before_scale_words_and_percentages_are_english() {
        assert_no_flags::<ThousandsDot>(
            "Revenue reached 1.234 billion yuan, up 12.345 percent, or 3.125% on the year.",
        );
        assert_eq!(excerpts::<ThousandsDot>("Some 2.500 people and 1.200.000 million euros."), ["2.500", "1.200.000"]);
    }

    #[test]
    fn flags_german_thousands_dots() {
        assert_eq!(
            excerpts::<ThousandsDot>("Police counted 8.500 participants and 1.200.000 euros in damage."),
            ["8.500", "1.200.000"]
        );
    }

    #[test]
    fn decimals_dates_and_versions_are_fine() {
        assert_no_flags::<ThousandsDot>(
            "Prices rose 3.7 percent. Version 2.1.4 shipped on 9.8.2022. It cost 0.125 euros.",
        );
    }
}
