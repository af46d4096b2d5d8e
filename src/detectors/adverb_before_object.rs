//! # adverb-before-object
//!
//! ## What it does
//! Flags a linking adverb ("however", "nevertheless", "therefore") that stands, without
//! commas, between a finite verb and its object: "the evening loses however its tension",
//! "the club needs therefore a new coach". English puts the adverb before the verb or sets it
//! off ("the evening, however, loses its tension").
//!
//! ## Why it signals MT
//! German puts "jedoch", "dennoch" and "deshalb" right after the finite verb, before the
//! object ("verliert jedoch seine Spannung"); word-for-word MT keeps that place, where English
//! never has the adverb.
//!
//! ## Example
//! "After the interval the evening loses however its tension." flags "loses however its".
//!
//! ## Known false positives
//! Only a verb form the word lists know, other than "be", "have", "do" and the modals, and an
//! object that opens with an article, a demonstrative or a possessive are read: "it is
//! however clear" and "we have therefore decided" are English. "However" before an adjective
//! or adverb ("however long it takes") is not a linking adverb and is not read.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "minor")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::Doc;
use crate::flag::{Category, Severity};
use crate::lexicon::{is_auxiliary, KeyFilter, DETERMINERS};
use std::sync::LazyLock;

pub struct AdverbBeforeObject;

/// Linking adverbs that German places after the finite verb.
const LINKING_ADVERBS: [&str; 4] = ["however", "nevertheless", "nonetheless", "therefore"];

/// The word keys of [`LINKING_ADVERBS`], tested before the text.
static ADVERB_KEYS: LazyLock<KeyFilter> = LazyLock::new(|| KeyFilter::of(LINKING_ADVERBS));

impl Detector for AdverbBeforeObject {
    const DECLARATION: Declaration =
        Declaration { id: "adverb-before-object", category: Category::Grammar, severity: Severity::Minor, version: 1 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        AdverbBeforeObject
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        let filter: &KeyFilter = &ADVERB_KEYS;
        let tokens = &doc.tokens;
        for (at, adverb) in tokens.iter().enumerate().skip(1) {
            if !filter.may_contain(adverb.key) || !LINKING_ADVERBS.contains(&doc.lower(adverb)) {
                continue;
            }
            let (verb, Some(object)) = (&tokens[at - 1], tokens.get(at + 1)) else { continue };
            if doc.gap(verb, adverb) != " " || doc.gap(adverb, object) != " " || verb.capitalized {
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
            flags
                .flag(
                    verb.span.start..object.span.end,
                    0.6,
                    format!(
                        "\"{adverb_word}\" stands between the verb \"{}\" and its object, where German puts it; \
                         English puts it before the verb or between commas.",
                        doc.word(verb)
                    ),
                )
                .suggest(format!("{adverb_word} {} {}", doc.word(verb), doc.word(object)));
        }
    }
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
    fn adverbs_set_off_or_after_auxiliaries_are_fine() {
        assert_no_flags::<AdverbBeforeObject>("The evening, however, loses its tension. It is however clear.");
        assert_no_flags::<AdverbBeforeObject>("We have therefore decided. They could however the rules change.");
        assert_no_flags::<AdverbBeforeObject>("It will take however long it takes. She said however that it was late.");
        assert_no_flags::<AdverbBeforeObject>("The club therefore needs a new coach.");
    }
}
