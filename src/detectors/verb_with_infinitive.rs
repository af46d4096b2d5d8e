//! # verb-with-infinitive
//!
//! ## What it does
//! Flags a verb followed by "to" and an infinitive where English cannot use one: "The clinic
//! announced to examine the judgement" (English: "announced that it would examine"), "The
//! mayor suggested to close the road" ("suggested closing"), "We consider to take legal
//! steps" ("are considering taking").
//!
//! ## Why it signals MT
//! German builds all of these with "zu" and an infinitive ("kündigte an, das Urteil zu
//! prüfen", "schlug vor, die Straße zu sperren"). Word-for-word MT keeps the infinitive, but
//! these English verbs take a "that" clause or an "-ing" form.
//!
//! ## Example
//! "The clinic announced to examine the judgement carefully." flags "announced to examine".
//!
//! ## Known false positives
//! "To" before a person is a preposition ("announced to staff", "explained to police that …"),
//! so the word after the infinitive must be an article, a possessive, an object pronoun or an
//! adverb in "-ly": "explained to police that" is left alone. The passive is English ("is
//! considered to be", "was recommended to patients"): a form of "be" just before the verb
//! rules it out, and so does "be" or "have" as the infinitive ("what we consider to be a
//! threat", where "what" is the object). "Propose", "decide" and "stop" take an infinitive in English and are not
//! looked at. A person named by a noun that is also a verb ("announced to staff the news") can
//! be flagged.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "minor")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::Doc;
use crate::flag::{Category, Severity};
use crate::lexicon::{verb_forms, word_key};
use std::sync::LazyLock;

pub struct VerbWithInfinitive;

/// The word key of "to", compared before the text.
static TO_KEY: LazyLock<u32> = LazyLock::new(|| word_key("to"));

/// Verbs that take no infinitive, by lemma, with what English uses instead.
const VERBS: [(&str, &str); 11] = [
    ("announce", "a \"that\" clause (\"announced that it would …\")"),
    ("explain", "a \"that\" clause"),
    ("suggest", "an \"-ing\" form or a \"that\" clause"),
    ("recommend", "an \"-ing\" form or a \"that\" clause"),
    ("consider", "an \"-ing\" form (\"considering taking\")"),
    ("avoid", "an \"-ing\" form"),
    ("enjoy", "an \"-ing\" form"),
    ("admit", "an \"-ing\" form or a \"that\" clause"),
    ("deny", "an \"-ing\" form or a \"that\" clause"),
    ("finish", "an \"-ing\" form"),
    ("postpone", "an \"-ing\" form"),
];

/// Forms of "be" (and "get") that make the verb a passive: "is considered to be".
const PASSIVE_MARKERS: [&str; 10] = ["is", "are", "was", "were", "be", "been", "being", "'s", "’s", "get"];

/// Words that show the word after "to" governs an object, so it is a verb: "to examine the".
const OBJECT_OPENERS: [&str; 13] =
    ["the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "it", "them", "him"];

impl Detector for VerbWithInfinitive {
    const DECLARATION: Declaration =
        Declaration { id: "verb-with-infinitive", category: Category::Grammar, severity: Severity::Minor, version: 1 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        VerbWithInfinitive
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        let tokens = &doc.tokens;
        for at in 1..tokens.len().saturating_sub(2) {
            let to = &tokens[at];
            if to.key != *TO_KEY || !doc.is(to, "to") {
                continue;
            }
            let (verb, infinitive, after) = (&tokens[at - 1], &tokens[at + 1], &tokens[at + 2]);
            if verb.lex.verb().is_none() {
                continue;
            }
            let verb_lemma = verb.lex.lemma(doc.lower(verb));
            let Some((lemma, instead)) = VERBS.iter().find(|(lemma, _)| *lemma == verb_lemma) else { continue };
            if doc.gap(verb, to) != " " || doc.gap(to, infinitive) != " " || doc.gap(infinitive, after) != " " {
                continue;
            }
            let infinitive_word = doc.lower(infinitive);
            // "what we consider to be harmful": an object moved to the front leaves "consider to
            // be", which is English; "be" and "have" are never judged.
            if infinitive.capitalized
                || ["be", "have"].contains(&infinitive_word)
                || !verb_forms(infinitive_word).is_some_and(|f| f.base)
            {
                continue;
            }
            let after_word = doc.lower(after);
            if !(OBJECT_OPENERS.contains(&after_word) || after_word.ends_with("ly") && after_word.len() > 4) {
                continue;
            }
            let passive = tokens[at.saturating_sub(3)..at - 1].iter().any(|t| PASSIVE_MARKERS.contains(&doc.lower(t)));
            if passive {
                continue;
            }
            let written = &doc.text[verb.span.start..infinitive.span.end];
            flags.flag(
                verb.span.start..infinitive.span.end,
                0.7,
                format!(
                    "\"{written}\": English \"{lemma}\" does not take \"to\" and an infinitive, but {instead}. German \
                     builds it with \"zu\" and an infinitive."
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts};
    use super::*;

    #[test]
    fn flags_infinitives_after_verbs_that_take_none() {
        assert_eq!(
            excerpts::<VerbWithInfinitive>("The clinic announced to examine the judgement carefully."),
            ["announced to examine"]
        );
        assert_eq!(excerpts::<VerbWithInfinitive>("The mayor suggested to close the road."), ["suggested to close"]);
        assert_eq!(excerpts::<VerbWithInfinitive>("We consider to take these steps."), ["consider to take"]);
        assert_eq!(excerpts::<VerbWithInfinitive>("He denied to know her personally."), ["denied to know"]);
        assert_eq!(excerpts::<VerbWithInfinitive>("She admitted to take the money."), ["admitted to take"]);
    }

    #[test]
    fn prepositions_passives_and_english_infinitives_are_fine() {
        assert_no_flags::<VerbWithInfinitive>("The firm explained to police that it had no records.");
        assert_no_flags::<VerbWithInfinitive>(
            "He is widely considered to be the best. It is recommended to the board.",
        );
        assert_no_flags::<VerbWithInfinitive>(
            "She announced to reporters that it would close. She proposed to build it.",
        );
        assert_no_flags::<VerbWithInfinitive>("It holds what we consider to be a harmful element.");
        assert_no_flags::<VerbWithInfinitive>("They decided to close the road and stopped to inspect the bridge.");
        assert_no_flags::<VerbWithInfinitive>("The plan was announced to the public and explained to them in detail.");
    }
}
