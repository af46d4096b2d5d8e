//! # before-for-ago
//!
//! ## What it does
//! Flags "before" with a length of time where English says "ago": "The police arrested him
//! before three days" (vor drei Tagen, three days ago), "The plant closed before 20 years".
//! The flag covers "before" and the length of time, and suggests the "ago" form.
//!
//! ## Why it signals MT
//! German "vor" with a length of time counts back from now ("vor drei Tagen"). Word-for-word
//! MT and non-native writers render it as "before", which in English needs an event to count
//! from ("before the election") and with a bare length of time reads as nonsense or as a
//! deadline.
//!
//! ## Example
//! "The police arrested a 34-year-old man before three days in Kreuzberg." flags "before three
//! days" and suggests "three days ago".
//!
//! ## Known false positives
//! English uses of "before" with a length of time are left alone: a length that is itself an
//! event or a span of something ("before two days of talks", "before ten years' time"), one
//! that a verb follows ("before three months had passed", "before 24 hours are up"), one
//! counted from another point ("before two weeks later", "before three days earlier") and a
//! limit after a negation ("results are not expected before six months"). A future deadline
//! written the German way ("will be finished before two years", meaning within two years) is
//! flagged too, and is just as foreign to English.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "major")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::Doc;
use crate::flag::{Category, Severity};
use crate::lexicon::{is_auxiliary, shipped, verb_forms, word_key, WordList};
use std::sync::LazyLock;

pub struct BeforeForAgo;

/// The word key of "before", compared before the text.
static BEFORE_KEY: LazyLock<u32> = LazyLock::new(|| word_key("before"));

/// Units of time that make a count after "before" a length of time.
static DURATIONS: LazyLock<WordList> = LazyLock::new(|| WordList::from_file(shipped!("data/lexicon/durations.txt")));

/// Words that count a length of time: "before three days", "before a week", "before several months".
const COUNTS: [&str; 21] = [
    "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "twenty", "thirty", "fifty", "hundred", "several", "few", "many",
];

/// Words that may stand between "before" and the count: "before about two weeks", "before a few days".
const APPROXIMATIONS: [&str; 8] = ["about", "around", "some", "nearly", "almost", "roughly", "exactly", "just"];

/// Words after the length of time that make "before" correct English: "before two days of
/// talks", "before two weeks later", "before ten years' time".
const FOLLOWERS_OF_ENGLISH_USE: [&str; 13] =
    ["of", "later", "earlier", "after", "from", "ago", "before", "old", "'s", "’s", "'", "’", "time"];

/// Negations that make "before" a limit: "not expected before six months".
const NEGATIONS: [&str; 5] = ["not", "never", "no", "n't", "n’t"];
/// How many words before "before" a negation still makes it a limit: "do not expect a full
/// recovery before five years".
const NEGATION_REACH: usize = 8;

impl Detector for BeforeForAgo {
    const DECLARATION: Declaration =
        Declaration { id: "before-for-ago", category: Category::Mistranslation, severity: Severity::Major, version: 1 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        BeforeForAgo
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        let mut words: Vec<&str> = Vec::new(); // One buffer for every sentence.
        for index in 0..doc.sentences.len() {
            let tokens = doc.sentence_tokens(index);
            // Most sentences have no "before": skip them before listing words, comparing keys.
            if !tokens.iter().any(|t| t.key == *BEFORE_KEY && doc.is(t, "before")) {
                continue;
            }
            words.clear();
            words.extend(tokens.iter().map(|t| doc.lower(t)));
            for (at, word) in words.iter().enumerate() {
                if *word != "before" {
                    continue;
                }
                let mut count = at + 1;
                if words.get(count).is_some_and(|w| APPROXIMATIONS.contains(w)) {
                    count += 1;
                }
                // "a few days": the article belongs to the count.
                if words.get(count) == Some(&"a") && words.get(count + 1) == Some(&"few") {
                    count += 1;
                }
                let counted = tokens.get(count).is_some_and(|t| t.is_number())
                    || words.get(count).is_some_and(|w| COUNTS.contains(w));
                let unit = count + 1;
                if !counted || !words.get(unit).is_some_and(|w| DURATIONS.contains(w)) {
                    continue;
                }
                // "before a two-day summit", "before a week-long strike": a length that describes
                // a noun after it.
                let spaced = |a: usize, b: usize| doc.gap(&tokens[a], &tokens[b]).trim().is_empty();
                let hyphen_after = doc.text[tokens[unit].span.end..].starts_with(['-', '‑', '–']);
                if !spaced(count, unit) || hyphen_after {
                    continue;
                }
                // The length of time must end its phrase: a following "of", "later" or verb
                // makes it English ("before two days of talks", "before three months had passed").
                if let Some(next) = tokens.get(unit + 1).filter(|t| doc.gap(&tokens[unit], t).trim().is_empty()) {
                    let next_word = words[unit + 1];
                    let verb = is_auxiliary(next_word) || verb_forms(next_word).is_some();
                    if FOLLOWERS_OF_ENGLISH_USE.contains(&next_word) || verb {
                        continue;
                    }
                    // An apostrophe glued to the unit: "before ten years' time".
                    if doc.word(next).starts_with(['\'', '’']) {
                        continue;
                    }
                }
                if doc.text[tokens[unit].span.end..].starts_with(['\'', '’']) {
                    continue;
                }
                if words[at.saturating_sub(NEGATION_REACH)..at].iter().any(|w| NEGATIONS.contains(w)) {
                    continue;
                }
                let length = &doc.text[tokens[at + 1].span.start..tokens[unit].span.end];
                flags
                    .flag(
                        tokens[at].span.start..tokens[unit].span.end,
                        0.8,
                        format!(
                            "\"before {length}\" counts back from now the German way (\"vor\" with a length of \
                             time); English says \"{length} ago\"."
                        ),
                    )
                    .suggest(format!("{length} ago"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts, flags_of};
    use super::*;

    #[test]
    fn flags_before_with_a_length_of_time() {
        let flags = flags_of::<BeforeForAgo>("The police arrested a man before three days in Kreuzberg.");
        assert_eq!(flags.len(), 1);
        assert_eq!(flags[0].0, "before three days");
        assert_eq!(flags[0].1.suggestion.as_deref(), Some("three days ago"));
        assert_eq!(excerpts::<BeforeForAgo>("The factory closed before 20 years."), ["before 20 years"]);
        assert_eq!(
            excerpts::<BeforeForAgo>("Before a few weeks, the mayor had promised a new bridge."),
            ["Before a few weeks"]
        );
        assert_eq!(
            excerpts::<BeforeForAgo>("She moved to Bonn before about two months, and stayed."),
            ["before about two months"]
        );
    }

    #[test]
    fn english_uses_of_before_with_a_length_of_time_are_fine() {
        assert_no_flags::<BeforeForAgo>("The vote came before two days of talks in Brussels.");
        assert_no_flags::<BeforeForAgo>("The town was rebuilt before three months had passed.");
        assert_no_flags::<BeforeForAgo>(
            "We will not know before ten years' time. Results are not expected before six months.",
        );
        assert_no_flags::<BeforeForAgo>("Experts do not expect a full recovery of the town before five years.");
        assert_no_flags::<BeforeForAgo>("He had left the club before two weeks later returning as coach.");
        assert_no_flags::<BeforeForAgo>(
            "The decision came three days ago, before the election. He left a week before.",
        );
        assert_no_flags::<BeforeForAgo>("Call before 24 hours are up. Before the two days of mourning, flags flew.");
        assert_no_flags::<BeforeForAgo>("Talks stalled before a two-day summit and before a week-long strike.");
    }
}
