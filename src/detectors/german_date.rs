//! # german-date
//!
//! ## What it does
//! Flags dates written the German way: an ordinal day with a full stop before the month ("on
//! 1. May", "the 9. August"), and numeric day.month dates ("on 9.8.", "on 09.08.2022").
//!
//! ## Why it signals MT
//! German writes "am 1. Mai" and "am 9.8."; MT often keeps the full stop and the order. English
//! readers take "9.8." for a decimal or, in American usage, for September 8.
//!
//! ## Example
//! "The law takes effect on 1. June." flags "1. June" and suggests "1 June".
//!
//! ## Known false positives
//! A numeric date is only flagged after a date preposition (on, from, until, till, since, am,
//! vom, bis), after "the" with a two-digit month ("the 14.02.") or with a four-digit year, so a decimal at the end of a sentence ("rose by 3.5.") is
//! not taken for a date.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "minor")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::Doc;
use crate::flag::{Category, Severity};
use crate::lexicon::{shipped, MONTH_NAMES};
use std::sync::LazyLock;

pub struct GermanDate;

/// Month names of German ordinal dates, lower case, with the English month each means.
static MONTHS: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| {
    shipped!("data/lexicon/german_months.txt").rows::<2>().map(|row| (row.fields[0], row.fields[1])).collect()
});

const DATE_PREPOSITIONS: [&str; 8] = ["on", "from", "until", "till", "since", "am", "vom", "bis"];

fn day(text: &str) -> Option<u32> {
    text.parse().ok().filter(|d| (1..=31).contains(d))
}

impl Detector for GermanDate {
    const DECLARATION: Declaration =
        Declaration { id: "german-date", category: Category::DateFormat, severity: Severity::Minor, version: 3 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        GermanDate
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        for (index, token) in doc.tokens.iter().enumerate() {
            if !token.is_number() {
                continue;
            }
            let number = doc.word(token);
            let after = &doc.text[token.span.end..];
            // "1. May": a day, a full stop, a space and a month.
            if let (Some(day), Some(rest)) = (day(number), after.strip_prefix(". ")) {
                let month_end = rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len());
                let month = &rest[..month_end];
                // "May" and "March" are also verbs: "Chapter 1. May we begin?"
                let next_word = rest[month_end..].split_whitespace().next().unwrap_or("");
                let verb_reading = ["may", "march"].contains(&month.to_lowercase().as_str())
                    && crate::lexicon::ENGLISH_FUNCTION_WORDS
                        .contains(next_word.trim_matches(|c: char| !c.is_alphabetic()));
                let english = MONTHS.iter().find(|(name, _)| name.eq_ignore_ascii_case(month)).map(|(_, e)| *e);
                if let (Some(english), false) = (english, verb_reading) {
                    let end = token.span.end + 2 + month_end;
                    flags.flag(token.span.start..end, 0.85, format!("\"{}\" is a German ordinal date; English writes \"{day} {english}\" or \"{english} {day}\".", &doc.text[token.span.start..end])).suggest(format!("{day} {english}"));
                    continue;
                }
            }
            // "9.8." and "09.08.2022".
            let parts: Vec<&str> = number.split('.').collect();
            let dated = match parts.as_slice() {
                [d, m] => after.starts_with('.').then_some((*d, *m, None)),
                [d, m, y] if y.len() == 4 => Some((*d, *m, Some(*y))),
                _ => None,
            };
            let Some((d, m, year)) = dated else { continue };
            let (Some(d), Some(m)) = (day(d), m.parse::<usize>().ok().filter(|m| (1..=12).contains(m))) else {
                continue;
            };
            let previous = index.checked_sub(1).map(|p| doc.word(&doc.tokens[p]).to_lowercase());
            // "planned for the 14.02.": German "den 14.02."; a month written with two digits is
            // a date, not a decimal ("rose to the 3.5." stays alone).
            let article_before_date =
                previous.as_deref() == Some("the") && number.split('.').nth(1).is_some_and(|m| m.len() == 2);
            if year.is_none()
                && !article_before_date
                && !previous.as_deref().is_some_and(|p| DATE_PREPOSITIONS.contains(&p))
            {
                continue;
            }
            let end = if year.is_none() { token.span.end + 1 } else { token.span.end };
            let english = match year {
                Some(y) => format!("{d} {} {y}", crate::lexicon::capitalised(MONTH_NAMES[m - 1])),
                None => format!("{d} {}", crate::lexicon::capitalised(MONTH_NAMES[m - 1])),
            };
            flags.flag(token.span.start..end, if year.is_some() { 0.75 } else { 0.7 }, format!("\"{}\" is a German day.month date; English readers may read it as a decimal or as month.day. Write \"{english}\".", &doc.text[token.span.start..end])).suggest(english);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts, flags_of};
    use super::*;

    #[test]
    fn flags_ordinal_and_numeric_german_dates() {
        assert_eq!(excerpts::<GermanDate>("The bridge reopens on 1. June, the mayor said."), ["1. June"]);
        assert_eq!(excerpts::<GermanDate>("The vote is due on 9.8. in Berlin."), ["9.8."]);
        assert_eq!(excerpts::<GermanDate>("He was born on 24.12.1961 in Kiel."), ["24.12.1961"]);
        assert_eq!(excerpts::<GermanDate>("The next meeting is planned for the 14.02. in Kiel."), ["14.02."]);
    }

    #[test]
    fn the_suggestion_is_all_english_whatever_language_the_month_is_in() {
        for (text, suggestion) in
            [("Es gilt ab 12. März.", "12 March"), ("It opens on 1. June.", "1 June"), ("Bis 3. Jänner.", "3 January")]
        {
            let flags = flags_of::<GermanDate>(text);
            assert_eq!(flags.len(), 1, "{text}");
            assert_eq!(flags[0].1.suggestion.as_deref(), Some(suggestion), "{text}");
            assert!(flags[0].1.message.contains(&format!("\"{suggestion}\"")), "{}", flags[0].1.message);
        }
    }

    #[test]
    fn decimals_and_english_dates_are_fine() {
        assert_no_flags::<GermanDate>("Prices rose by 3.5. On 1 June the law took effect. It was May 9.");
        assert_no_flags::<GermanDate>("Chapter 1. May we begin? Rates fell 2.8 percent.");
        assert_no_flags::<GermanDate>("The index reached the 3.5. Then it fell to 14.25.");
    }
}
