//! # present-with-since
//!
//! ## What it does
//! Flags "since" used the German way:
//! - with a length of time, where English needs "for": "He has lived here since 30 years";
//! - with a present tense where English needs the present perfect: "He is since the summer in
//!   Munich" (Er ist seit dem Sommer in München).
//!
//! ## Why it signals MT
//! German "seit" covers both "since" and "for" and takes the present tense. MT maps it to
//! "since" and keeps the tense.
//!
//! ## Example
//! "The farmer works since 30 years on the farm." flags "since 30 years" (suggesting "for 30
//! years") and the present tense before it.
//!
//! ## Known false positives
//! "Since" meaning "because" ("Since prices rose, demand fell") is not followed by a time
//! expression and is left alone. "It is two years since the flood" is correct English; a
//! present tense is only flagged when "since" and a time expression follow it in the clause.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "minor")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::Doc;
use crate::flag::{Category, Severity};
use crate::lexicon::MONTHS;
use crate::lexicon::{shipped, WordList};
use std::sync::LazyLock;

pub struct PresentWithSince;

/// Units of time that make "since" plus a count a length of time ("since 30 years"), which English gives with "for".
static DURATIONS: LazyLock<WordList> = LazyLock::new(|| WordList::from_file(shipped!("data/lexicon/durations.txt")));
const COUNTS: [&str; 14] =
    ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "many", "several", "some", "a", "one"];
/// Seasons and parts of the year that name a point in time after "since the".
static SEASONS: LazyLock<WordList> = LazyLock::new(|| WordList::from_file(shipped!("data/lexicon/seasons.txt")));
/// Present-tense forms that German "seit" sentences produce.
static PRESENT_VERBS: LazyLock<WordList> =
    LazyLock::new(|| WordList::from_file(shipped!("data/lexicon/present_verbs_with_since.txt")));

impl Detector for PresentWithSince {
    const DECLARATION: Declaration =
        Declaration { id: "present-with-since", category: Category::Grammar, severity: Severity::Minor, version: 1 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        PresentWithSince
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        let mut words: Vec<&str> = Vec::new(); // One buffer for every sentence.
        for index in 0..doc.sentences.len() {
            let tokens = doc.sentence_tokens(index);
            // Most sentences have no "since" after their first word: skip them before listing
            // words, comparing keys before text.
            if !tokens.iter().skip(1).any(|t| doc.is(t, "since")) {
                continue;
            }
            words.clear();
            words.extend(tokens.iter().map(|t| doc.lower(t)));
            for (i, word) in words.iter().enumerate() {
                if *word != "since" || i == 0 {
                    continue;
                }
                let next = words.get(i + 1).copied().unwrap_or("");
                let after_next = words.get(i + 2).copied().unwrap_or("");
                // "since 30 years": a duration, which English introduces with "for".
                let counted = tokens.get(i + 1).is_some_and(|t| t.is_number()) || COUNTS.contains(&next);
                if counted && DURATIONS.contains(after_next) {
                    let end = tokens[i + 2].span.end;
                    let duration = &doc.text[tokens[i + 1].span.start..end];
                    flags.flag(tokens[i].span.start..end, 0.85, format!("\"since {duration}\" gives a length of time; English uses \"for {duration}\" (German \"seit\" covers both).")).suggest(format!("for {duration}"));
                    continue;
                }
                // "is since the summer in Munich": a point in time with a present tense.
                let point_in_time = tokens.get(i + 1).is_some_and(|t| t.is_number() && doc.word(t).len() == 4)
                    || MONTHS.contains(next)
                    || crate::lexicon::WEEKDAYS.contains(next)
                    || next == "the" && SEASONS.contains(after_next)
                    || next == "last";
                if !point_in_time {
                    continue;
                }
                let clause_start = (0..i)
                    .rev()
                    .find(|&j| doc.gap(&tokens[j], &tokens[j + 1]).contains([',', ';']))
                    .map_or(0, |j| j + 1);
                let clause = &words[clause_start..i];
                let perfect = clause.iter().any(|w| ["has", "have", "had", "been", "'s", "’s"].contains(w));
                let Some(verb) = clause.iter().rposition(|w| PRESENT_VERBS.contains(w)) else { continue };
                // "the lowest rate since 2021", "the first time since May": a superlative is correct.
                let superlative = clause[verb..].iter().any(|w| {
                    ["first", "most", "least", "best", "worst", "last", "only"].contains(w)
                        || w.ends_with("est") && crate::lexicon::ADJECTIVES.contains(w)
                });
                if perfect || superlative || clause.len() - verb > 5 {
                    continue;
                }
                let verb_token = &tokens[clause_start + verb];
                flags.flag(verb_token.span.start..tokens[i].span.end, 0.6, format!("\"{}\" is present tense with \"since\" and a point in time; English needs the present perfect (\"has been ... since\"). German \"seit\" takes the present.", doc.word(verb_token)));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts, flags_of};
    use super::*;

    #[test]
    fn flags_since_with_a_duration() {
        let flags = flags_of::<PresentWithSince>("He has been farming since 30 years in the valley.");
        assert_eq!(flags.len(), 1);
        assert_eq!(flags[0].0, "since 30 years");
        assert_eq!(flags[0].1.suggestion.as_deref(), Some("for 30 years"));
    }

    #[test]
    fn flags_present_tense_with_since_and_a_date() {
        assert_eq!(excerpts::<PresentWithSince>("The striker is since the summer in Munich."), ["is since"]);
        assert_eq!(excerpts::<PresentWithSince>("She lives since 2019 in Hamburg."), ["lives since"]);
    }

    #[test]
    fn english_uses_of_since_are_fine() {
        assert_no_flags::<PresentWithSince>("He has lived in Munich since the summer. Since prices rose, demand fell.");
        assert_no_flags::<PresentWithSince>("It is two years since the flood. The bridge has been closed since March.");
        assert_no_flags::<PresentWithSince>("That is the highest rate since the summer of 2021.");
    }
}
