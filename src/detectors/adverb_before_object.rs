//! # adverb-before-object
//!
//! ## What it does
//! Flags a linking adverb ("however", "nevertheless", "therefore") that stands, without
//! commas, between a finite verb and its object: "the evening loses however its tension",
//! "the club needs therefore a new coach". English puts the adverb before the verb or sets it
//! off ("the evening, however, loses its tension").
//!
//! It also flags the adverbs of frequency and phase that English puts before the main verb
//! ("still", "already", "also", "often", "always", "never") in that place: "customers can buy
//! still their rolls", "the firm produces also the engines", and with a time between them and
//! the object: "had presented already in January the first drafts". And adverbial phrases
//! ("in total", "among other things", "above all", "for the first time") there: "the team
//! analysed in total blood samples", "police seized among other things drugs".
//!
//! ## Why it signals MT
//! German puts "jedoch", "dennoch" and "deshalb", and "noch", "schon", "auch", "oft", "immer"
//! and "nie", right after the verb, before the object ("verliert jedoch seine Spannung", "kann
//! noch ihre Brötchen kaufen"); word-for-word MT keeps that place, where English never has the
//! adverb.
//!
//! ## Example
//! "After the interval the evening loses however its tension." flags "loses however its".
//!
//! ## Known false positives
//! Only a verb form the word lists know, other than "be", "have", "do" and the modals, and an
//! object that opens with an article, a demonstrative or a possessive are read: "it is
//! however clear" and "we have therefore decided" are English. "However" before an adjective
//! or adverb ("however long it takes") is not a linking adverb and is not read. A word after an
//! article or preposition is a noun, not a verb ("of course also a", "in any case still a").
//! An adverbial phrase is read only after a verb in the past or the third person and before an
//! article, a number or a noun: "rose in total by 5 percent" and "won for the first time in its
//! history" are English; "cost in total five million" is flagged, which some English writers
//! accept.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "minor")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::Doc;
use crate::flag::{Category, Severity};
use crate::lexicon::{is_auxiliary, is_preposition, KeyFilter, DETERMINERS, MONTHS, WEEKDAYS};
use std::sync::LazyLock;

pub struct AdverbBeforeObject;

/// Linking adverbs that German places after the finite verb.
const LINKING_ADVERBS: [&str; 4] = ["however", "nevertheless", "nonetheless", "therefore"];

/// Adverbs that English puts before the main verb, German after it.
const MID_ADVERBS: [&str; 6] = ["still", "already", "also", "often", "always", "never"];

/// Prepositions of a time that German may put between such an adverb and the object ("schon im
/// Januar die ersten Entwürfe").
const TIME_PREPOSITIONS: [&str; 3] = ["in", "on", "at"];

/// The word keys of both lists, tested before the text.
static ADVERB_KEYS: LazyLock<KeyFilter> =
    LazyLock::new(|| KeyFilter::of(LINKING_ADVERBS.into_iter().chain(MID_ADVERBS)));

impl Detector for AdverbBeforeObject {
    const DECLARATION: Declaration =
        Declaration { id: "adverb-before-object", category: Category::Grammar, severity: Severity::Minor, version: 3 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        AdverbBeforeObject
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        flag_phrases_before_objects(doc, flags);
        let filter: &KeyFilter = &ADVERB_KEYS;
        let tokens = &doc.tokens;
        for (at, adverb) in tokens.iter().enumerate().skip(1) {
            if !filter.may_contain(adverb.key) {
                continue;
            }
            let adverb_lower = doc.lower(adverb);
            let linking = LINKING_ADVERBS.contains(&adverb_lower);
            if !linking && !MID_ADVERBS.contains(&adverb_lower) {
                continue;
            }
            let object_at = if linking { at + 1 } else { object_after_time(doc, tokens, at).unwrap_or(at + 1) };
            let (verb, Some(object)) = (&tokens[at - 1], tokens.get(object_at)) else { continue };
            let unbroken = tokens[at - 1..=object_at].windows(2).all(|pair| doc.gap(&pair[0], &pair[1]) == " ");
            // "of course also a", "in any case still a": the word before the adverb is a noun
            // of a set phrase, not a verb.
            let in_phrase = at >= 2 && {
                let before_verb = doc.lower(&tokens[at - 2]);
                DETERMINERS.contains(before_verb)
                    || is_preposition(before_verb)
                    || ["any", "every", "each", "no"].contains(&before_verb)
            };
            if !unbroken || verb.capitalized || in_phrase {
                continue;
            }
            let verb_word = doc.lower(verb);
            let object_word = doc.lower(object);
            let finite = verb.lex.verb().is_some_and(|f| f.third_person || f.past || f.base);
            if !finite
                || is_auxiliary(verb_word)
                || verb.lex.english_function()
                || object_word == "that"
                || !DETERMINERS.contains(object_word)
            {
                continue;
            }
            let adverb_word = doc.word(adverb);
            let place = if linking { "before the verb or between commas" } else { "before the main verb" };
            let flag = flags.flag(
                verb.span.start..object.span.end,
                0.6,
                format!(
                    "\"{adverb_word}\" stands between the verb \"{}\" and its object, where German puts it; \
                     English puts it {place}.",
                    doc.word(verb)
                ),
            );
            if object_at == at + 1 {
                flag.suggest(format!("{adverb_word} {} {}", doc.word(verb), doc.word(object)));
            }
        }
    }
}

/// Adverbial phrases that German puts between the verb and its object ("insgesamt", "unter
/// anderem", "vor allem", "erstmals"), which English puts elsewhere or between commas.
const PHRASE_ADVERBIALS: [&[&str]; 4] =
    [&["in", "total"], &["among", "other", "things"], &["above", "all"], &["for", "the", "first", "time"]];

/// Flags a finite verb, an adverbial phrase of [`PHRASE_ADVERBIALS`] without commas, and an
/// object: "the team analysed in total blood samples", "police seized among other things
/// drugs", "the club won for the first time the cup".
fn flag_phrases_before_objects(doc: &Doc, flags: &mut Flags) {
    let tokens = &doc.tokens;
    for at in 1..tokens.len() {
        let first = doc.lower(&tokens[at]);
        let Some(phrase) = PHRASE_ADVERBIALS.iter().find(|phrase| phrase[0] == first) else { continue };
        let object_at = at + phrase.len();
        let Some(object) = tokens.get(object_at) else { continue };
        let matches = phrase.iter().enumerate().all(|(i, word)| doc.lower(&tokens[at + i]) == *word);
        let verb = &tokens[at - 1];
        if !matches || !tokens[at - 1..=object_at].windows(2).all(|pair| doc.gap(&pair[0], &pair[1]) == " ") {
            continue;
        }
        let verb_word = doc.lower(verb);
        let finite = verb.lex.verb().is_some_and(|f| f.third_person || f.past);
        let in_phrase = at >= 2 && {
            let before_verb = doc.lower(&tokens[at - 2]);
            DETERMINERS.contains(before_verb) || is_preposition(before_verb)
        };
        if !finite || verb.capitalized || in_phrase || is_auxiliary(verb_word) || verb.lex.english_function() {
            continue;
        }
        // The object: an article, possessive or number, or a noun ("blood samples").
        let object_word = doc.lower(object);
        let opens_object = DETERMINERS.contains(object_word) && object_word != "that"
            || object.is_number()
            || !object.capitalized
                && object.lex.english_word()
                && !object.lex.english_function()
                && !is_preposition(object_word)
                && !object_word.ends_with("ly")
                && object.lex.verb().is_none_or(|f| !(f.past || f.participle || f.gerund));
        if !opens_object {
            continue;
        }
        let phrase_text = &doc.text[tokens[at].span.start..tokens[object_at - 1].span.end];
        flags.flag(
            verb.span.start..object.span.end,
            0.6,
            format!(
                "\"{phrase_text}\" stands between the verb \"{}\" and its object, where German puts it; English \
                 puts it after the object or between commas.",
                doc.word(verb)
            ),
        );
    }
}

/// The index of the object's first word when a time stands between a mid-position adverb at
/// `adverb` and the object: "already in January the first drafts".
fn object_after_time(doc: &Doc, tokens: &[crate::analysis::Token], adverb: usize) -> Option<usize> {
    let preposition = tokens.get(adverb + 1)?;
    let time = tokens.get(adverb + 2)?;
    let time_word = doc.lower(time);
    let is_time = MONTHS.contains(time_word) || WEEKDAYS.contains(time_word) || time.is_number();
    (TIME_PREPOSITIONS.contains(&doc.lower(preposition)) && is_time).then_some(adverb + 3)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts};
    use super::*;

    #[test]
    fn flags_a_linking_adverb_between_verb_and_object() {
        assert_eq!(
            excerpts::<AdverbBeforeObject>("After the interval the evening loses however its tension."),
            ["loses however its"]
        );
        assert_eq!(excerpts::<AdverbBeforeObject>("The club needs therefore a new coach."), ["needs therefore a"]);
        assert_eq!(
            excerpts::<AdverbBeforeObject>("They rejected nevertheless the offer."),
            ["rejected nevertheless the"]
        );
    }

    #[test]
    fn flags_an_adverbial_phrase_between_verb_and_object() {
        assert_eq!(
            excerpts::<AdverbBeforeObject>("The lab tested in total water samples from 40 wells."),
            ["tested in total water"]
        );
        assert_eq!(
            excerpts::<AdverbBeforeObject>("Officers found among other things two pistols."),
            ["found among other things two"]
        );
        assert_eq!(
            excerpts::<AdverbBeforeObject>("The club won for the first time the regional cup."),
            ["won for the first time the"]
        );
        assert_no_flags::<AdverbBeforeObject>(
            "Costs rose in total by 5 percent. She won, for the first time, the cup.",
        );
        assert_no_flags::<AdverbBeforeObject>("It was the first in total. He is above all a teacher.");
        assert_no_flags::<AdverbBeforeObject>("The club won for the first time in its history.");
    }

    #[test]
    fn flags_a_mid_position_adverb_between_verb_and_object() {
        assert_eq!(excerpts::<AdverbBeforeObject>("Customers can buy still their bread rolls."), ["buy still their"]);
        assert_eq!(excerpts::<AdverbBeforeObject>("The plant produces also the engines."), ["produces also the"]);
        assert_eq!(
            excerpts::<AdverbBeforeObject>("The city had presented already in January the first drafts."),
            ["presented already in January the"]
        );
    }

    #[test]
    fn mid_position_adverbs_in_english_places_are_fine() {
        assert_no_flags::<AdverbBeforeObject>(
            "Customers can still buy their rolls. The plant also produces the engines.",
        );
        assert_no_flags::<AdverbBeforeObject>(
            "It is still the best. They have already the money. Not only this but also the rest.",
        );
        assert_no_flags::<AdverbBeforeObject>("He arrived already in January, the month of snow.");
        assert_no_flags::<AdverbBeforeObject>(
            "They are of course also a part. I wish you in any case still a nice day.",
        );
    }

    #[test]
    fn adverbs_set_off_or_after_auxiliaries_are_fine() {
        assert_no_flags::<AdverbBeforeObject>("The evening, however, loses its tension. It is however clear.");
        assert_no_flags::<AdverbBeforeObject>("We have therefore decided. They could however the rules change.");
        assert_no_flags::<AdverbBeforeObject>("It will take however long it takes. She said however that it was late.");
        assert_no_flags::<AdverbBeforeObject>("The club therefore needs a new coach.");
    }
}
