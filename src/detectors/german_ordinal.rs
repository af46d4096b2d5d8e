//! # german-ordinal
//!
//! ## What it does
//! Flags an ordinal number written the German way, as digits with a full stop, before a
//! lower-case noun: "in the 67. minute", "the 3. league", "his 100. birthday". English writes
//! "67th", "3rd", "100th".
//!
//! ## Why it signals MT
//! German marks ordinals with a full stop ("in der 67. Minute", "die 3. Liga"). MT keeps the
//! digits and the stop, which an English reader takes for the end of a sentence.
//!
//! ## Example
//! "Wernecke scored in the 67. minute." flags "67. minute" and suggests "67th minute".
//!
//! ## Known false positives
//! Only numbers up to 999 after an article or a possessive, or before a noun that usually
//! takes an ordinal (minute, place, league, birthday, …), are read, and only before a
//! lower-case word, so that a sentence that ends on a number ("rose to 67. Then …") is left
//! alone. Dates ("1. June") are `german-date`'s. A sentence that ends on "the" and a number and
//! whose next sentence wrongly opens in lower case is flagged.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "minor")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::Doc;
use crate::flag::{Category, Severity};

pub struct GermanOrdinal;

/// Nouns that usually take an ordinal, so that the number before them is one even without an
/// article ("finished 2. place" is rare; "in 67. minute" happens).
const ORDINAL_NOUNS: [&str; 24] = [
    "minute",
    "place",
    "round",
    "league",
    "division",
    "floor",
    "stage",
    "day",
    "anniversary",
    "birthday",
    "century",
    "grade",
    "class",
    "leg",
    "lap",
    "half",
    "matchday",
    "edition",
    "district",
    "row",
    "position",
    "time",
    "week",
    "season",
];

/// Words before a number that make it an ordinal when a full stop and a noun follow.
const BEFORE_AN_ORDINAL: [&str; 7] = ["the", "his", "her", "its", "their", "our", "my"];

impl Detector for GermanOrdinal {
    const DECLARATION: Declaration =
        Declaration { id: "german-ordinal", category: Category::NumberFormat, severity: Severity::Minor, version: 1 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        GermanOrdinal
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        let tokens = &doc.tokens;
        for at in 0..tokens.len().saturating_sub(1) {
            let number = &tokens[at];
            if number.has_letter {
                continue; // Nearly every token: decided without reading its text.
            }
            let digits = doc.word(number);
            let Ok(value) = digits.parse::<u32>() else { continue };
            let noun = &tokens[at + 1];
            if !(1..=999).contains(&value) || doc.gap(number, noun) != ". " || noun.capitalized || !noun.has_letter {
                continue;
            }
            let noun_word = doc.lower(noun);
            let after_article = at > 0
                && doc.gap(&tokens[at - 1], number) == " "
                && BEFORE_AN_ORDINAL.contains(&doc.lower(&tokens[at - 1]));
            if noun.lex.month() || !(after_article || ORDINAL_NOUNS.contains(&noun_word)) {
                continue;
            }
            let ordinal = format!("{digits}{}", ordinal_suffix(value));
            flags
                .flag(
                    number.span.start..noun.span.end,
                    0.8,
                    format!(
                        "\"{digits}. {}\" writes an ordinal the German way, with a full stop; English writes \"{ordinal}\".",
                        doc.word(noun)
                    ),
                )
                .suggest(format!("{ordinal} {}", doc.word(noun)));
        }
    }
}

/// The English suffix of an ordinal: "st", "nd", "rd" or "th" (11th to 13th take "th").
fn ordinal_suffix(value: u32) -> &'static str {
    match (value % 10, value % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts};
    use super::*;

    #[test]
    fn flags_ordinals_with_a_full_stop() {
        assert_eq!(excerpts::<GermanOrdinal>("Wernecke scored in the 67. minute."), ["67. minute"]);
        assert_eq!(excerpts::<GermanOrdinal>("The club plays in the 3. league."), ["3. league"]);
        assert_eq!(excerpts::<GermanOrdinal>("She celebrated her 101. birthday."), ["101. birthday"]);
    }

    #[test]
    fn suggests_the_english_suffix() {
        assert_eq!(ordinal_suffix(1), "st");
        assert_eq!(ordinal_suffix(22), "nd");
        assert_eq!(ordinal_suffix(13), "th");
        assert_eq!(ordinal_suffix(111), "th");
        assert_eq!(ordinal_suffix(103), "rd");
    }

    #[test]
    fn sentence_ends_decimals_and_dates_are_fine() {
        assert_no_flags::<GermanOrdinal>("Prices rose to 67. Then they fell. The rate is 3.5 percent.");
        assert_no_flags::<GermanOrdinal>("The law takes effect on 1. June. He scored 2. Later he left.");
        assert_no_flags::<GermanOrdinal>("They counted 45. the rest were lost. Figure 3. shows the trend.");
    }
}
