//! # year-without-in
//!
//! ## What it does
//! Flags a year placed directly after a verb of an event, with no "in" before it: "the artist,
//! who died 1943 in Worpswede", "The company was founded 1998 in Kiel", "He moved 2015 to
//! Hamburg". English needs "in 1943".
//!
//! ## Why it signals MT
//! German puts a bare year after the verb ("starb 1943", "wurde 1998 gegründet"); MT that
//! keeps the word order keeps the bare year.
//!
//! ## Example
//! "The painter, who died 1943 in Bremen, left many works." flags "died 1943" and suggests
//! "died in 1943".
//!
//! ## Known false positives
//! Only verbs of events that are dated by a year (born, died, founded, built, moved, …) are
//! read, so amounts ("paid 1,950", "raised 2000 euros") are not taken for years, and only when
//! a preposition, "and" or punctuation follows the year. Reference-style lines ("founded 1998")
//! in fact boxes and lists are flagged.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "minor")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::Doc;
use crate::flag::{Category, Severity};
use crate::lexicon::is_preposition;

pub struct YearWithoutIn;

/// Lemmas of verbs of events that a year dates.
const DATED_VERBS: [&str; 30] = [
    "die",
    "bear",
    "found",
    "build",
    "move",
    "marry",
    "emigrate",
    "retire",
    "join",
    "publish",
    "release",
    "elect",
    "establish",
    "introduce",
    "complete",
    "open",
    "close",
    "graduate",
    "renovate",
    "demolish",
    "launch",
    "inaugurate",
    "abolish",
    "award",
    "appoint",
    "discover",
    "invent",
    "buy",
    "sell",
    "acquire",
];

/// The earliest and latest year read.
const YEARS: std::ops::RangeInclusive<u32> = 1800..=2099;

impl Detector for YearWithoutIn {
    const DECLARATION: Declaration =
        Declaration { id: "year-without-in", category: Category::Grammar, severity: Severity::Minor, version: 1 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        YearWithoutIn
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        let tokens = &doc.tokens;
        for at in 1..tokens.len() {
            let year = &tokens[at];
            if year.has_letter {
                continue; // Nearly every token: decided without reading its text.
            }
            let digits = doc.word(year);
            if digits.len() != 4 || !digits.parse::<u32>().is_ok_and(|y| YEARS.contains(&y)) {
                continue;
            }
            let verb = &tokens[at - 1];
            let word = doc.lower(verb);
            let dated_verb = verb.lex.verb().is_some_and(|f| f.past || f.participle)
                && DATED_VERBS.contains(&verb.lex.lemma(word).as_ref());
            if !dated_verb || doc.gap(verb, year) != " " {
                continue;
            }
            let ends_phrase = match tokens.get(at + 1) {
                None => true,
                Some(next) => {
                    let gap = doc.gap(year, next);
                    let next_word = doc.lower(next);
                    gap.trim().starts_with([',', '.', ';', ':', ')'])
                        || gap == " " && (is_preposition(next_word) || next_word == "and" || next_word == "to")
                }
            };
            if !ends_phrase {
                continue;
            }
            let written = &doc.text[verb.span.start..year.span.end];
            flags
                .flag(
                    verb.span.start..year.span.end,
                    0.7,
                    format!(
                        "\"{written}\" puts the year right after the verb, as German does; English dates an event \
                         with \"in\": \"{} in {digits}\".",
                        doc.word(verb)
                    ),
                )
                .suggest(format!("{} in {digits}", doc.word(verb)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts};
    use super::*;

    #[test]
    fn flags_a_year_right_after_a_verb_of_an_event() {
        assert_eq!(excerpts::<YearWithoutIn>("The painter, who died 1943 in Bremen, left many works."), ["died 1943"]);
        assert_eq!(excerpts::<YearWithoutIn>("The company was founded 1998 in Kiel."), ["founded 1998"]);
        assert_eq!(excerpts::<YearWithoutIn>("He moved 2015 to Hamburg."), ["moved 2015"]);
    }

    #[test]
    fn years_with_in_amounts_and_other_verbs_are_fine() {
        assert_no_flags::<YearWithoutIn>("She died in 1943 in Bremen. The firm was founded in 1998.");
        assert_no_flags::<YearWithoutIn>("They sold 1950 tickets. He bought 2000 shares in the firm.");
        assert_no_flags::<YearWithoutIn>("The deficit reached 2019 levels. Sales rose 1999 to 2005.");
    }
}
