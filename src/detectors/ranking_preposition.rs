//! # ranking-preposition
//!
//! ## What it does
//! Flags "on" before a place in a ranking: "Rapid remains on fourth place", "finished on the
//! second place", "on place 3". English says "in fourth place".
//!
//! ## Why it signals MT
//! German ranks "auf Platz vier" and "auf dem zweiten Platz"; MT renders "auf" as "on".
//!
//! ## Example
//! "Rapid remains on fourth place with 38 points." flags "on fourth place" and suggests "in
//! fourth place".
//!
//! ## Known false positives
//! A place in the sense of a location after "on" and an ordinal ("put it on the first place
//! you find") would be flagged; news text rarely has one.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "minor")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::Doc;
use crate::flag::{Category, Severity};
use crate::lexicon::word_key;
use std::sync::LazyLock;

pub struct RankingPreposition;

/// The word key of "on", compared before the text.
static ON_KEY: LazyLock<u32> = LazyLock::new(|| word_key("on"));

/// Ordinals written as words.
const ORDINALS: [&str; 21] = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
    "last",
];

/// Nouns of a place in a ranking.
const PLACES: [&str; 3] = ["place", "rank", "position"];

/// Whether a word is an ordinal: a word of [`ORDINALS`] or a number with an ordinal ending
/// ("4th", "21st").
fn is_ordinal(word: &str) -> bool {
    ORDINALS.contains(&word)
        || ["st", "nd", "rd", "th"].iter().any(|ending| {
            word.strip_suffix(ending)
                .is_some_and(|digits| !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
        })
}

impl Detector for RankingPreposition {
    const DECLARATION: Declaration =
        Declaration { id: "ranking-preposition", category: Category::Grammar, severity: Severity::Minor, version: 1 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        RankingPreposition
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        let tokens = &doc.tokens;
        for (at, on) in tokens.iter().enumerate() {
            if on.key != *ON_KEY || !doc.is(on, "on") {
                continue;
            }
            let mut next = at + 1;
            if tokens.get(next).is_some_and(|t| doc.is(t, "the")) {
                next += 1;
            }
            let (Some(ordinal), Some(place)) = (tokens.get(next), tokens.get(next + 1)) else { continue };
            // "on place 3", "on rank four": the number after the noun.
            let number_after = |t: &crate::analysis::Token| t.is_number() || ORDINALS[..10].contains(&doc.lower(t));
            let ranked = is_ordinal(doc.lower(ordinal)) && PLACES.contains(&doc.lower(place))
                || next == at + 1
                    && PLACES[..2].contains(&doc.lower(ordinal))
                    && number_after(place)
                    && doc.gap(ordinal, place) == " ";
            let spaced = doc.text[on.span.start..place.span.end].split_whitespace().count() == next + 2 - at;
            if !ranked || !spaced {
                continue;
            }
            let written = &doc.text[on.span.start..place.span.end];
            let rest = &doc.text[tokens[at + 1].span.start..place.span.end];
            flags
                .flag(
                    on.span.start..place.span.end,
                    0.75,
                    format!("\"{written}\": English ranks \"in\" a place (\"in {rest}\"); German \"auf Platz\" gives \"on\"."),
                )
                .suggest(format!("in {rest}"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts};
    use super::*;

    #[test]
    fn flags_on_before_a_ranking_place() {
        assert_eq!(
            excerpts::<RankingPreposition>("Rapid remains on fourth place with 38 points."),
            ["on fourth place"]
        );
        assert_eq!(excerpts::<RankingPreposition>("She finished on the second place."), ["on the second place"]);
        assert_eq!(excerpts::<RankingPreposition>("The team is on 14th place."), ["on 14th place"]);
        assert_eq!(excerpts::<RankingPreposition>("Leipzig is on place 3."), ["on place 3"]);
    }

    #[test]
    fn in_place_and_other_uses_of_on_are_fine() {
        assert_no_flags::<RankingPreposition>("Rapid remains in fourth place. She came first on the day.");
        assert_no_flags::<RankingPreposition>("It went on the market in first place. They agreed on a place to meet.");
        assert_no_flags::<RankingPreposition>("He relied on first-place finishes.");
    }
}
