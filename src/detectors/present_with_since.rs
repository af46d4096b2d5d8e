//! # present-with-since
//!
//! ## What it does
//! Flags "since" used the German way:
//! - with a length of time, where English needs "for": "He has lived here since 30 years",
//!   "since months";
//! - with a count of events: "The team is since five games without a win" (seit fünf
//!   Spielen), where English says "in the last five games";
//! - with a present or simple past tense where English needs the present perfect ("He worked
//!   at the bank since 1998"): "He is since the summer in
//!   Munich" (Er ist seit dem Sommer in München), and after a sentence that opens with "Since"
//!   and a point in time: "Since then the town is governed by the SPD" (Seitdem wird die Stadt
//!   von der SPD regiert).
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
//! A count after "since" followed by a verb is a "because" clause ("Since two players were
//! injured, …") and is left alone.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "minor")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::Doc;
use crate::flag::{Category, Severity};
use crate::lexicon::{is_auxiliary, verb_forms, MONTHS, SUBJECT_PRONOUNS};
use crate::lexicon::{shipped, WordList};
use std::sync::LazyLock;

pub struct PresentWithSince;

/// The word key of "since", compared before the text.
static SINCE_KEY: LazyLock<u32> = LazyLock::new(|| crate::lexicon::word_key("since"));

/// Units of time that make "since" plus a count a length of time ("since 30 years"), which English gives with "for".
static DURATIONS: LazyLock<WordList> = LazyLock::new(|| WordList::from_file(shipped!("data/lexicon/durations.txt")));
/// Number words: with a plural noun after "since" they count events ("since five games").
const NUMERALS: [&str; 11] =
    ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
const COUNTS: [&str; 14] =
    ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "many", "several", "some", "a", "one"];
/// Words that may stand before the count of a duration: "since over eight years".
const APPROXIMATIONS: [&str; 6] = ["over", "about", "almost", "nearly", "around", "some"];
/// Seasons and parts of the year that name a point in time after "since the".
static SEASONS: LazyLock<WordList> = LazyLock::new(|| WordList::from_file(shipped!("data/lexicon/seasons.txt")));
/// Present-tense forms that German "seit" sentences produce.
static PRESENT_VERBS: LazyLock<WordList> =
    LazyLock::new(|| WordList::from_file(shipped!("data/lexicon/present_verbs_with_since.txt")));

impl Detector for PresentWithSince {
    const DECLARATION: Declaration =
        Declaration { id: "present-with-since", category: Category::Grammar, severity: Severity::Minor, version: 6 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        PresentWithSince
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        let mut words: Vec<&str> = Vec::new(); // One buffer for every sentence.
        for index in 0..doc.sentences.len() {
            let tokens = doc.sentence_tokens(index);
            // Most sentences have no "since": skip them before listing words, comparing keys
            // before text.
            if !tokens.iter().any(|t| t.key == *SINCE_KEY && doc.is(t, "since")) {
                continue;
            }
            words.clear();
            words.extend(tokens.iter().map(|t| doc.lower(t)));
            for (i, word) in words.iter().enumerate() {
                if *word != "since" {
                    continue;
                }
                // "since 30 years", "since over eight years": a duration, which English
                // introduces with "for". An approximation may stand before the count.
                let approximated = match words.get(i + 1) {
                    Some(&"more") if words.get(i + 2) == Some(&"than") => i + 3,
                    Some(w) if APPROXIMATIONS.contains(w) => i + 2,
                    _ => i + 1,
                };
                let is_count = |at: usize| {
                    tokens.get(at).is_some_and(|t| t.is_number()) || words.get(at).is_some_and(|w| COUNTS.contains(w))
                };
                // "since some years": "some" is the count itself when no number follows it.
                let count = if is_count(approximated) { approximated } else { i + 1 };
                let counted = is_count(count);
                if counted && words.get(count + 1).is_some_and(|w| DURATIONS.contains(w)) {
                    let end = tokens[count + 1].span.end;
                    let duration = &doc.text[tokens[i + 1].span.start..end];
                    flags.flag(tokens[i].span.start..end, 0.85, format!("\"since {duration}\" gives a length of time; English uses \"for {duration}\" (German \"seit\" covers both).")).suggest(format!("for {duration}"));
                    continue;
                }
                // "since five games", "since three rounds": a count of events, which English gives
                // with "in" or "for". A verb after the noun makes "since" a "because" ("Since two
                // players were injured"), and a year is a point in time ("since 2019 students").
                let numeral = tokens.get(count).is_some_and(|t| t.is_number() && doc.word(t).len() <= 3)
                    || words.get(count).is_some_and(|w| NUMERALS.contains(w));
                let counted_thing = words.get(count + 1).is_some_and(|w| {
                    w.len() > 3
                        && w.ends_with('s')
                        && tokens[count + 1].lex.english_word()
                        && !tokens[count + 1].capitalized
                });
                let clause_goes_on = words
                    .get(count + 2)
                    .is_some_and(|w| is_auxiliary(w) || verb_forms(w).is_some_and(|f| f.past || f.third_person));
                if numeral && counted_thing && !clause_goes_on {
                    let end = tokens[count + 1].span.end;
                    let events = &doc.text[tokens[i + 1].span.start..end];
                    flags.flag(tokens[i].span.start..end, 0.75, format!("\"since {events}\" counts events, which \"since\" cannot introduce; English says \"in the last {events}\" or \"for {events}\" (German \"seit\" covers both)."));
                    continue;
                }
                // "since months", "since years": a bare plural length of time (seit Monaten).
                let bare_length = words.get(i + 1).is_some_and(|w| w.ends_with('s') && DURATIONS.contains(w))
                    && doc.gap(&tokens[i], &tokens[i + 1]) == " ";
                if bare_length {
                    let length = doc.word(&tokens[i + 1]);
                    flags
                        .flag(
                            tokens[i].span.start..tokens[i + 1].span.end,
                            0.85,
                            format!(
                                "\"since {length}\" gives a length of time; English uses \"for {length}\" (German \
                                 \"seit\" covers both)."
                            ),
                        )
                        .suggest(format!("for {length}"));
                    continue;
                }
                if i == 0 {
                    self.opening_since(doc, tokens, &words, flags);
                    continue;
                }
                let next = words.get(i + 1).copied().unwrap_or("");
                let after_next = words.get(i + 2).copied().unwrap_or("");
                // "is since the summer in Munich": a point in time with a present tense.
                // "since the early morning", "since the late summer": a part of the day or year
                // with "early" or "late" before it.
                let season_at = if ["early", "late"].contains(&after_next) { i + 3 } else { i + 2 };
                let point_in_time = tokens.get(i + 1).is_some_and(|t| t.is_number() && doc.word(t).len() == 4)
                    || MONTHS.contains(next)
                    || crate::lexicon::WEEKDAYS.contains(next)
                    || next == "the" && words.get(season_at).is_some_and(|w| SEASONS.contains(w))
                    || next == "last"
                    || next == "yesterday";
                if !point_in_time {
                    continue;
                }
                let clause_start = (0..i)
                    .rev()
                    .find(|&j| doc.gap(&tokens[j], &tokens[j + 1]).contains([',', ';']))
                    .map_or(0, |j| j + 1);
                // An adverb between the verb and "since" ("lasts already since November") is
                // left out of the clause, so the verb stands right before "since".
                let adverb_before_since = i > clause_start + 1 && ADVERBS_BEFORE_SINCE.contains(&words[i - 1]);
                let clause_end = if adverb_before_since { i - 1 } else { i };
                let clause = &words[clause_start..clause_end];
                let perfect = clause.iter().any(|w| ["has", "have", "had", "been", "'s", "’s"].contains(w));
                // The present ("lives since 2019"), or the simple past ("worked there since
                // 1998"), which English uses only for a time that has ended.
                let simple_past =
                    |w: &&str| ["was", "were"].contains(w) || verb_forms(w).is_some_and(|f| f.past && !f.base);
                // Any third-person verb right after a pronoun subject counts too: "It rains
                // since Sunday".
                // So does one right before "since" after a name or at the start of a clause:
                // "Monika Ahrens, 58, searches since January". A verb after the point in time
                // makes the word a plural noun ("Police searches since May have found nothing").
                let after_point = words.get(if next == "the" { season_at + 1 } else { i + 2 }).copied().unwrap_or("");
                let verb_follows =
                    is_auxiliary(after_point) || verb_forms(after_point).is_some_and(|f| f.third_person || f.past);
                let present = (0..clause.len()).rev().find(|&j| {
                    let third_person = verb_forms(clause[j]).is_some_and(|f| f.third_person);
                    PRESENT_VERBS.contains(clause[j])
                        || j > 0 && ["he", "she", "it", "this", "that"].contains(&clause[j - 1]) && third_person
                        || j + 1 == clause.len()
                            && third_person
                            && !verb_follows
                            && (j == 0 && clause_start > 0
                                || j > 0 && tokens[clause_start + j - 1].capitalized
                                || j > 1
                                    && noun_subject(&tokens[clause_start + j - 2..clause_start + j], clause[j - 2]))
                });
                let Some(verb) = present.or_else(|| clause.iter().rposition(simple_past)) else {
                    continue;
                };
                // "the lowest rate since 2021", "the first time since May": a superlative is correct.
                let superlative = clause[verb..].iter().any(|w| {
                    ["first", "most", "least", "best", "worst", "last", "only"].contains(w)
                        || w.ends_with("est") && crate::lexicon::ADJECTIVES.contains(w)
                });
                // "tools purchased since 2004": a participle after a noun is a reduced relative
                // clause, not a simple past; only one after a pronoun or name is taken as a verb.
                let reduced_relative = present != Some(verb)
                    && verb_forms(clause[verb]).is_some_and(|f| f.participle)
                    && !(verb > 0
                        && (SUBJECT_PRONOUNS.contains(&clause[verb - 1])
                            || clause_start + verb > 1 && tokens[clause_start + verb - 1].capitalized));
                if perfect || superlative || reduced_relative || clause.len() - verb > 5 {
                    continue;
                }
                let verb_token = &tokens[clause_start + verb];
                let tense = if present == Some(verb) { "present" } else { "simple past" };
                flags.flag(verb_token.span.start..tokens[i].span.end, 0.6, format!("\"{}\" is {tense} tense with \"since\" and a point in time; English needs the present perfect (\"has been ... since\"). German \"seit\" takes the present.", doc.word(verb_token)));
            }
        }
    }
}

/// Adverbs that German puts between the verb and "seit" ("dauert schon seit November").
const ADVERBS_BEFORE_SINCE: [&str; 3] = ["already", "still", "now"];

/// A subject of an article and a singular noun right before the verb: "the gang operates
/// since 2019". A noun that is itself a third-person verb form is left alone ("the police
/// reports").
fn noun_subject(article_and_noun: &[crate::analysis::Token], article: &str) -> bool {
    let noun = &article_and_noun[1];
    ["the", "this", "that", "its", "his", "her", "their", "our"].contains(&article)
        && noun.lex.english_word()
        && !noun.capitalized
        && !noun.lex.english_function()
        && !noun.lex.verb().is_some_and(|f| f.third_person || f.past)
}

impl PresentWithSince {
    /// A sentence that opens with "Since" and a point in time and goes on in the present
    /// tense: "Since then the town is governed by the SPD" (Seitdem wird die Stadt ... regiert),
    /// "Since 2019 she lives in Hamburg". "Since" before a clause ("Since prices rose") may
    /// mean "because" and is left alone.
    fn opening_since(&self, doc: &Doc, tokens: &[crate::analysis::Token], words: &[&str], flags: &mut Flags) {
        let next = words.get(1).copied().unwrap_or("");
        let after_next = words.get(2).copied().unwrap_or("");
        let time_words = if next == "then"
            || tokens.get(1).is_some_and(|t| t.is_number() && doc.word(t).len() == 4)
            || MONTHS.contains(next)
            || crate::lexicon::WEEKDAYS.contains(next)
        {
            1
        } else if next == "last" || next == "the" && SEASONS.contains(after_next) {
            2
        } else {
            return;
        };
        // The clause after the time: its first verb decides; a perfect is correct English.
        for at in 1 + time_words..(1 + time_words + 6).min(words.len()) {
            let word = words[at];
            if ["has", "have", "had", "been", "'s", "’s"].contains(&word)
                || crate::lexicon::is_auxiliary(word) && !PRESENT_VERBS.contains(word)
            {
                return;
            }
            if PRESENT_VERBS.contains(word) {
                let verb = &tokens[at];
                flags.flag(
                    tokens[0].span.start..verb.span.end,
                    0.6,
                    format!(
                        "\"{}\" is present tense after \"Since\" and a point in time; English needs the present \
                         perfect (\"has been\"). German \"seit\" takes the present.",
                        doc.word(verb)
                    ),
                );
                return;
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
        assert_eq!(
            excerpts::<PresentWithSince>("She has worked there since over eight years."),
            ["since over eight years"]
        );
        assert_eq!(excerpts::<PresentWithSince>("Since two weeks, nurses help out."), ["Since two weeks"]);
        assert_eq!(excerpts::<PresentWithSince>("The drivers have waited since months."), ["since months"]);
    }

    #[test]
    fn flags_since_with_a_count_of_events() {
        assert_eq!(excerpts::<PresentWithSince>("The team is since five games without victory."), ["since five games"]);
        assert_eq!(excerpts::<PresentWithSince>("Since 12 matches, the club has not lost."), ["Since 12 matches"]);
        assert_no_flags::<PresentWithSince>("Since two players were injured, the coach changed the side.");
        assert_no_flags::<PresentWithSince>("Since three companies withdrew, the tender failed.");
        assert_no_flags::<PresentWithSince>("Since 2019 students have paid more. She has won since the games began.");
        assert_no_flags::<PresentWithSince>("Since two workers can share a desk, the office is big enough.");
    }

    #[test]
    fn flags_present_tense_with_since_and_a_date() {
        assert_eq!(excerpts::<PresentWithSince>("The striker is since the summer in Munich."), ["is since"]);
        assert_eq!(excerpts::<PresentWithSince>("The road is closed since the early morning."), ["is closed since"]);
        assert_eq!(excerpts::<PresentWithSince>("She lives since 2019 in Hamburg."), ["lives since"]);
        assert_eq!(excerpts::<PresentWithSince>("The warning level applies since Tuesday."), ["applies since"]);
        assert_eq!(excerpts::<PresentWithSince>("It rains since Sunday in the Harz."), ["rains since"]);
        assert_eq!(excerpts::<PresentWithSince>("He worked at the bank since 1998."), ["worked at the bank since"]);
        // A third-person verb right before "since", after a name or at the start of a clause.
        assert_eq!(
            excerpts::<PresentWithSince>("Monika Ahrens, 58, searches since January for a place."),
            ["searches since"]
        );
        assert_eq!(excerpts::<PresentWithSince>("Mayor Weber governs since 2019 alone."), ["governs since"]);
        // After an article and a noun.
        assert_eq!(excerpts::<PresentWithSince>("The gang operates since 2019 from abroad."), ["operates since"]);
        assert_eq!(excerpts::<PresentWithSince>("The search runs since yesterday afternoon."), ["runs since"]);
        assert_eq!(excerpts::<PresentWithSince>("The dispute lasts already since November."), ["lasts already since"]);
        assert_no_flags::<PresentWithSince>(
            "The dispute has lasted since November. It has already been open since May.",
        );
        assert_no_flags::<PresentWithSince>("The gang has operated since 2019. The police reports since May were few.");
        assert_no_flags::<PresentWithSince>("Police searches since May have found nothing.");
        assert_no_flags::<PresentWithSince>("The council's plans since 2019 were modest.");
        assert_no_flags::<PresentWithSince>("He had worked at the bank since 1998. She has lived there since May.");
        assert_no_flags::<PresentWithSince>("Tools purchased since September 2004 have a longer warranty.");
        assert_no_flags::<PresentWithSince>(
            "It was the first time since 1998. Years passed. Ever since, years went by.",
        );
    }

    #[test]
    fn flags_present_tense_after_an_opening_since_and_a_date() {
        assert_eq!(
            excerpts::<PresentWithSince>("Since then the town is governed by the SPD."),
            ["Since then the town is"]
        );
        assert_eq!(excerpts::<PresentWithSince>("Since 2019 she lives in Hamburg."), ["Since 2019 she lives"]);
        assert_no_flags::<PresentWithSince>(
            "Since then the town has been governed by the SPD. Since we play here, we win.",
        );
        assert_no_flags::<PresentWithSince>("Since 2019, prices have risen. Since last year she has lived in Bonn.");
    }

    #[test]
    fn english_uses_of_since_are_fine() {
        assert_no_flags::<PresentWithSince>("He has lived in Munich since the summer. Since prices rose, demand fell.");
        assert_no_flags::<PresentWithSince>("It is two years since the flood. The bridge has been closed since March.");
        assert_no_flags::<PresentWithSince>("That is the highest rate since the summer of 2021.");
    }
}
