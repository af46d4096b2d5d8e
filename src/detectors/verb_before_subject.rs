//! # verb-before-subject
//!
//! ## What it does
//! Flags a sentence that opens with a time phrase and puts its verb before the subject: "On
//! Monday voted the town council for the plan", "In 2019 won the club the cup", "Yesterday
//! announced the ministry new rules". English keeps the subject first: "On Monday, the town
//! council voted".
//!
//! ## Why it signals MT
//! German puts the finite verb second, whatever comes first ("Am Montag stimmte der Stadtrat
//! … zu"); after an opening time phrase the subject follows the verb. Word-for-word MT and
//! German writers keep that order.
//!
//! ## Example
//! "On Monday voted the town council for the new bypass." flags "On Monday voted".
//!
//! ## Known false positives
//! English inverts after a fronted phrase with verbs of place and coming ("In the corner stood a
//! piano", "After the speech came the vote"): those verbs (stand, lie, sit, come, go, follow,
//! remain, appear, arrive, hang, live, rise, begin, emerge) are never flagged. Only an opening
//! of "on", "in", "at" or "during" with a time word at its end (a weekday, a month, a year, a
//! word such as "morning" or "week"), or "yesterday", "today" and "tomorrow", is read, and the
//! verb must follow it directly with an article or possessive after it, with no comma between.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "minor")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::{Doc, Token};
use crate::flag::{Category, Severity};
use crate::lexicon::{is_auxiliary, DETERMINERS, MONTHS, TIME_NOUNS, WEEKDAYS};

pub struct VerbBeforeSubject;

/// Prepositions that open a time phrase and are not also conjunctions ("after", "before",
/// "since" and "until" open clauses: "After the fire destroyed the house, …").
const OPENERS: [&str; 4] = ["on", "in", "at", "during"];

/// Adverbs of time that are a whole opening phrase.
const TIME_ADVERBS: [&str; 3] = ["yesterday", "today", "tomorrow"];

/// Parts of the day and week that end a time phrase, beside the time nouns of the lexicon.
const PARTS_OF_DAY: [&str; 6] = ["morning", "afternoon", "evening", "weekend", "end", "beginning"];

/// Verbs that English itself puts before the subject after a fronted phrase.
const INVERTING_VERBS: [&str; 14] = [
    "stand", "lie", "sit", "come", "go", "follow", "remain", "appear", "arrive", "hang", "live", "rise", "begin",
    "emerge",
];

/// The most words an opening time phrase has before the verb: "In the past two years".
const MAX_OPENING: usize = 5;

impl Detector for VerbBeforeSubject {
    const DECLARATION: Declaration =
        Declaration { id: "verb-before-subject", category: Category::Grammar, severity: Severity::Minor, version: 1 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        VerbBeforeSubject
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        for index in 0..doc.sentences.len() {
            let tokens = doc.sentence_tokens(index);
            let Some(first) = tokens.first() else { continue };
            let opener = doc.lower(first);
            let verb_at = if TIME_ADVERBS.contains(&opener) {
                1
            } else if OPENERS.contains(&opener) {
                match time_phrase_end(doc, tokens) {
                    Some(end) => end + 1,
                    None => continue,
                }
            } else {
                continue;
            };
            let (Some(verb), Some(subject)) = (tokens.get(verb_at), tokens.get(verb_at + 1)) else { continue };
            // A comma after the opening phrase is English: "On Monday, the council voted".
            let unbroken = tokens[..=verb_at + 1].windows(2).all(|pair| doc.gap(&pair[0], &pair[1]) == " ");
            if !unbroken || !DETERMINERS.contains(doc.lower(subject)) || !finite_lexical_verb(doc, verb) {
                continue;
            }
            let written = &doc.text[first.span.start..verb.span.end];
            flags.flag(
                first.span.start..verb.span.end,
                0.7,
                format!(
                    "\"{written}\" puts the verb before its subject after an opening time phrase, German \
                     verb-second order; English keeps the subject first (\"{}, the … {}\").",
                    &doc.text[first.span.start..tokens[verb_at - 1].span.end],
                    doc.lower(verb)
                ),
            );
        }
    }
}

/// The index of the time word that ends an opening "on/in/at/during" phrase ("On Monday", "In
/// the past two years", "On Tuesday evening"), when every word before it is an article, an
/// adjective, a number or a time word.
fn time_phrase_end(doc: &Doc, tokens: &[Token]) -> Option<usize> {
    let mut end = None;
    for (at, token) in tokens.iter().enumerate().skip(1).take(MAX_OPENING) {
        let word = doc.lower(token);
        let time_word = WEEKDAYS.contains(word)
            || MONTHS.contains(word)
            || TIME_NOUNS.contains(word)
            || PARTS_OF_DAY.contains(&word)
            || token.is_number() && doc.word(token).len() == 4;
        if time_word {
            end = Some(at);
            continue;
        }
        let filler = DETERMINERS.contains(word) || token.lex.adjective() || token.is_number();
        if !filler {
            break;
        }
    }
    end
}

/// A finite form of a verb that is neither an auxiliary nor a verb English inverts itself.
fn finite_lexical_verb(doc: &Doc, verb: &Token) -> bool {
    let word = doc.lower(verb);
    let finite = verb.lex.verb().is_some_and(|f| f.past || f.third_person);
    let lemma = verb.lex.lemma(word);
    finite && !verb.capitalized && !is_auxiliary(word) && !INVERTING_VERBS.contains(&lemma.as_ref())
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts};
    use super::*;

    #[test]
    fn flags_the_verb_before_the_subject_after_an_opening_time_phrase() {
        assert_eq!(
            excerpts::<VerbBeforeSubject>("On Monday voted the town council for the new bypass."),
            ["On Monday voted"]
        );
        assert_eq!(excerpts::<VerbBeforeSubject>("In 2019 won the club the cup."), ["In 2019 won"]);
        assert_eq!(
            excerpts::<VerbBeforeSubject>("Yesterday announced the ministry new rules for schools."),
            ["Yesterday announced"]
        );
        assert_eq!(
            excerpts::<VerbBeforeSubject>("In the past two years grew the number of members."),
            ["In the past two years grew"]
        );
    }

    #[test]
    fn english_orders_are_fine() {
        assert_no_flags::<VerbBeforeSubject>("On Monday, the council voted. On Monday the mayor opened the bridge.");
        assert_no_flags::<VerbBeforeSubject>("In the morning came the first buses. In March began the works.");
        assert_no_flags::<VerbBeforeSubject>(
            "After the fire destroyed the house, residents left. In Berlin police opened an inquiry.",
        );
        assert_no_flags::<VerbBeforeSubject>("In 2019 was the best year. Yesterday stood a crowd outside.");
    }
}
