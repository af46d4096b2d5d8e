//! # time-before-object
//!
//! ## What it does
//! Flags a time expression set between a verb and its object, in German order: "The opposition
//! demanded on Tuesday a new concept", "She sent me yesterday an email", "The company
//! presented on Wednesday its figures". It also flags one between "has", "have" or "had" and
//! the participle, with the participle last: "The council has on Wednesday decided a rent
//! cap", "The festival has this year more tickets sold". English keeps a verb and its object,
//! and an auxiliary and its participle, together, and puts the time after the object or at the
//! start of the sentence.
//!
//! The time expressions are "yesterday", "today", "tomorrow", "on" with a weekday ("on Tuesday
//! evening") and "last", "this" or "next" with a week, month, year or weekend.
//!
//! ## Why it signals MT
//! German puts the verb second and the time before the object ("Die Opposition forderte am
//! Dienstag ein neues Konzept"). Word-for-word MT keeps that order, which English grammar
//! allows only before a long, heavy object.
//!
//! ## Example
//! "The opposition demanded on Tuesday a new concept for the district." flags "demanded on
//! Tuesday a".
//!
//! ## Known false positives
//! Verbs of saying and thinking take a clause, not an object ("said on Tuesday the talks had
//! failed") and are left alone, as is any noun phrase that a verb follows, since it starts a
//! clause ("When it rained yesterday the streets flooded"), a date after a weekday ("on Sunday
//! the 14th") and verbs that are also nouns ("the rate cut on Monday"). English news does move a
//! long object after the time ("unveiled on Tuesday a plan to cut 5,000 jobs across Europe"),
//! which is why the severity is minor and only objects that end within a few words are flagged.
//! "Has this year been" is English and left alone.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "minor")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::Doc;
use crate::flag::{Category, Severity};
use crate::lexicon::{is_auxiliary, verb_forms, KeyFilter, SPEECH_VERBS, WEEKDAYS};
use std::sync::LazyLock;

pub struct TimeBeforeObject;

/// The periods after "last", "next" and "this", as a filter on word keys.
static PERIODS: LazyLock<KeyFilter> = LazyLock::new(|| KeyFilter::of(["week", "month", "year", "weekend"]));

/// The words that open the time expressions looked for, as a filter on word keys: most tokens
/// are ruled out by one bit test.
static TIME_OPENERS: LazyLock<KeyFilter> =
    LazyLock::new(|| KeyFilter::of(["yesterday", "today", "tomorrow", "on", "last", "next", "this"]));

/// Verbs that take a clause after a time ("thought on Monday the plan would fail"); speech
/// verbs come from their own list.
const CLAUSE_VERBS: [&str; 16] = [
    "thought",
    "believed",
    "knew",
    "expected",
    "feared",
    "hoped",
    "assumed",
    "suspected",
    "learned",
    "learnt",
    "decided",
    "agreed",
    "revealed",
    "signalled",
    "signaled",
    "indicated",
];

/// Copulas, which take a complement, not an object ("is today the largest").
const COPULAS: [&str; 6] = ["became", "remained", "seemed", "appeared", "proved", "looked"];

/// Words that open a short object noun phrase.
const OBJECT_OPENERS: [&str; 14] =
    ["a", "an", "the", "its", "his", "her", "their", "our", "my", "your", "this", "these", "those", "several"];

/// Object pronouns that may stand between the verb and the time ("sent me yesterday an email").
const OBJECT_PRONOUNS: [&str; 6] = ["me", "him", "her", "us", "them", "you"];

/// Words that end a short object's phrase: prepositions and conjunctions. Not "to": "a plan to
/// cut jobs" is the long object English moves after the time.
const PHRASE_ENDS: [&str; 16] = [
    "for", "of", "in", "at", "from", "with", "on", "and", "by", "against", "after", "before", "over", "since",
    "despite", "into",
];

/// The longest object, in words after its opener, that the flag accepts before its phrase ends.
const SHORT_OBJECT_WORDS: usize = 3;

impl Detector for TimeBeforeObject {
    const DECLARATION: Declaration =
        Declaration { id: "time-before-object", category: Category::Grammar, severity: Severity::Minor, version: 1 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        TimeBeforeObject
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        let mut words: Vec<&str> = Vec::new(); // One buffer for every sentence.
        let mut starts: Vec<usize> = Vec::new();
        for index in 0..doc.sentences.len() {
            let tokens = doc.sentence_tokens(index);
            // Most sentences hold no time expression: find where one may start by word keys,
            // before listing the sentence's words.
            starts.clear();
            starts.extend((1..tokens.len()).filter(|&at| {
                let token = &tokens[at];
                if !TIME_OPENERS.may_contain(token.key) {
                    return false;
                }
                let Some(then) = tokens.get(at + 1) else {
                    return ["yesterday", "today", "tomorrow"].iter().any(|w| doc.is(token, w));
                };
                // The word after an opener decides for most: a weekday after "on", a period after
                // "last", "next" or "this".
                if then.capitalized {
                    doc.is(token, "on") && WEEKDAYS.contains(doc.lower(then))
                        || ["yesterday", "today", "tomorrow"].iter().any(|w| doc.is(token, w))
                } else if PERIODS.may_contain(then.key) {
                    ["week", "month", "year", "weekend"].iter().any(|w| doc.is(then, w))
                        && ["last", "next", "this"].iter().any(|w| doc.is(token, w))
                } else {
                    ["yesterday", "today", "tomorrow"].iter().any(|w| doc.is(token, w))
                }
            }));
            if starts.is_empty() {
                continue;
            }
            words.clear();
            words.extend(tokens.iter().map(|t| doc.lower(t)));
            // Two tokens joined by a space alone: punctuation between them breaks the pattern.
            let spaced = |a: usize| a + 1 < tokens.len() && doc.gap(&tokens[a], &tokens[a + 1]) == " ";
            for &start in &starts {
                let Some(time_end) = time_expression(&words, start) else { continue };
                if !(start..time_end).all(|i| i + 1 >= time_end || spaced(i)) || !spaced(start - 1) {
                    continue;
                }
                if let Some(participle) = participle_after_time(doc, tokens, &words, start, time_end) {
                    let time = &doc.text[tokens[start].span.start..tokens[time_end - 1].span.end];
                    let (auxiliary, verb_word) = (doc.word(&tokens[start - 1]), doc.word(&tokens[participle]));
                    flags.flag(
                        tokens[start - 1].span.start..tokens[participle].span.end,
                        0.6,
                        format!(
                            "\"{time}\" stands between \"{auxiliary}\" and \"{verb_word}\", in German word order \
                             (the participle last); English keeps them together: \"{auxiliary} {verb_word} ... \
                             {time}\"."
                        ),
                    );
                    continue;
                }
                // The verb, right before the time or before an object pronoun.
                let mut verb = start - 1;
                if OBJECT_PRONOUNS.contains(&words[verb]) && verb > 0 && spaced(verb - 1) {
                    verb -= 1;
                }
                if !is_transitive_verb_in_past(&words, verb) {
                    continue;
                }
                // The object: an opener right after the time, and a short phrase after it.
                let opener = time_end;
                if !spaced(time_end - 1) || !words.get(opener).is_some_and(|w| OBJECT_OPENERS.contains(w)) {
                    continue;
                }
                if !short_object_ends(doc, tokens, &words, opener) {
                    continue;
                }
                let time = &doc.text[tokens[start].span.start..tokens[time_end - 1].span.end];
                let verb_word = doc.word(&tokens[verb]);
                flags.flag(
                    tokens[verb].span.start..tokens[opener].span.end,
                    0.6,
                    format!(
                        "\"{time}\" stands between the verb \"{verb_word}\" and its object, in German word \
                         order; English puts the time after the object or at the start of the sentence."
                    ),
                );
            }
        }
    }
}

/// The end (exclusive) of a time expression starting at `at`, if one starts there.
fn time_expression(words: &[&str], at: usize) -> Option<usize> {
    let word = words[at];
    if ["yesterday", "today", "tomorrow"].contains(&word) {
        let part_of_day = words.get(at + 1).is_some_and(|w| ["morning", "afternoon", "evening", "night"].contains(w));
        return Some(at + 1 + part_of_day as usize);
    }
    if word == "on" && words.get(at + 1).is_some_and(|w| WEEKDAYS.contains(w)) {
        let part_of_day = words.get(at + 2).is_some_and(|w| ["morning", "afternoon", "evening", "night"].contains(w));
        return Some(at + 2 + part_of_day as usize);
    }
    let period = words.get(at + 1).is_some_and(|w| ["week", "month", "year", "weekend"].contains(w));
    if ["last", "next", "this"].contains(&word) && period {
        return Some(at + 2);
    }
    None
}

/// The perfect's participle after a time that follows "has", "have" or "had", with at most a
/// few words between and no other verb: "has on Wednesday decided", "has this year more tickets
/// sold". German puts the time after the auxiliary and the participle at the end of the
/// clause. Not "been": "has this year been" is English.
fn participle_after_time(
    doc: &Doc,
    tokens: &[crate::analysis::Token],
    words: &[&str],
    start: usize,
    time_end: usize,
) -> Option<usize> {
    if !["has", "have", "had"].contains(&words[start - 1]) || doc.gap(&tokens[start - 1], &tokens[start]) != " " {
        return None;
    }
    for at in time_end..(time_end + 5).min(words.len()) {
        if doc.gap(&tokens[at - 1], &tokens[at]) != " " {
            return None;
        }
        let word = words[at];
        if is_auxiliary(word) || word == "been" {
            return None;
        }
        if verb_forms(word).is_some_and(|forms| forms.participle && !forms.third_person) {
            return Some(at);
        }
    }
    None
}

/// A past-tense verb that can take an object: not also a base form or noun-like form ("cut",
/// "set"), not a verb of saying or thinking, not an auxiliary or copula, and not after a
/// determiner, where it is a noun or adjective ("the planned cuts").
fn is_transitive_verb_in_past(words: &[&str], at: usize) -> bool {
    let word = words[at];
    let past = verb_forms(word).is_some_and(|f| f.past && !f.base && !f.gerund);
    let after_determiner =
        at > 0 && (OBJECT_OPENERS.contains(&words[at - 1]) || ["of", "for", "with"].contains(&words[at - 1]));
    past && !after_determiner
        && !is_auxiliary(word)
        && !SPEECH_VERBS.contains(word)
        && !CLAUSE_VERBS.contains(&word)
        && !COPULAS.contains(&word)
}

/// Whether a short noun phrase opens at `opener` and its phrase ends within a few words: the
/// sentence ends, punctuation follows or a preposition does. A verb after it means the phrase
/// was the subject of a new clause ("yesterday the police said"), and a number after "the" a
/// date ("on Sunday the 14th").
fn short_object_ends(doc: &Doc, tokens: &[crate::analysis::Token], words: &[&str], opener: usize) -> bool {
    if tokens.get(opener + 1).is_some_and(|t| t.is_number() || doc.word(t).starts_with(|c: char| c.is_ascii_digit())) {
        return false;
    }
    for at in opener + 1..(opener + 1 + SHORT_OBJECT_WORDS + 1).min(words.len() + 1) {
        let Some(token) = tokens.get(at) else { return at > opener + 1 };
        if doc.gap(&tokens[at - 1], token) != " " {
            // Punctuation ends the phrase: "demanded on Tuesday a new concept."
            return at > opener + 1;
        }
        let word = words[at];
        if is_auxiliary(word) || verb_forms(word).is_some_and(|f| f.past || f.third_person) && at > opener + 1 {
            return false;
        }
        if PHRASE_ENDS.contains(&word) {
            return at > opener + 1;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts};
    use super::*;

    #[test]
    fn flags_a_time_between_a_verb_and_its_object() {
        assert_eq!(
            excerpts::<TimeBeforeObject>("The opposition demanded on Tuesday a new concept for the district."),
            ["demanded on Tuesday a"]
        );
        assert_eq!(excerpts::<TimeBeforeObject>("She sent me yesterday an email."), ["sent me yesterday an"]);
        assert_eq!(
            excerpts::<TimeBeforeObject>("The carmaker presented last week its figures in Wolfsburg."),
            ["presented last week its"]
        );
        assert_eq!(
            excerpts::<TimeBeforeObject>("The club lost on Sunday evening the derby against Zurich."),
            ["lost on Sunday evening the"]
        );
    }

    #[test]
    fn flags_a_time_between_an_auxiliary_and_its_participle() {
        assert_eq!(
            excerpts::<TimeBeforeObject>("The council has on Wednesday decided a rent cap."),
            ["has on Wednesday decided"]
        );
        assert_eq!(
            excerpts::<TimeBeforeObject>("The festival has this year more tickets sold than ever."),
            ["has this year more tickets sold"]
        );
        assert_no_flags::<TimeBeforeObject>("The team has this year been stronger. The council decided on Wednesday.");
        assert_no_flags::<TimeBeforeObject>("The city has this year a new mayor who has promised more housing.");
    }

    #[test]
    fn english_orders_and_clauses_after_a_time_are_fine() {
        assert_no_flags::<TimeBeforeObject>("The opposition demanded a new concept on Tuesday.");
        assert_no_flags::<TimeBeforeObject>("The minister said on Tuesday the talks had failed.");
        assert_no_flags::<TimeBeforeObject>("When it rained yesterday the streets flooded in minutes.");
        assert_no_flags::<TimeBeforeObject>("He arrived on Sunday the 14th of May.");
        assert_no_flags::<TimeBeforeObject>("The company unveiled on Tuesday a plan to cut 5,000 jobs across Europe.");
        assert_no_flags::<TimeBeforeObject>(
            "After the rate cut on Monday the markets rose. Apple is today the largest firm.",
        );
        assert_no_flags::<TimeBeforeObject>("The figures released yesterday the office said were wrong.");
    }
}
