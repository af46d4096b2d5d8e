//! # relative-pronoun
//!
//! ## What it does
//! Flags a relative pronoun that does not fit its noun:
//! - "who" after a thing: "a grey van who had been seen in the street", "the bridge who was
//!   closed" (English: "which" or "that");
//! - "which" directly after a person: "the man which was arrested" (English: "who");
//! - "which" after a comma and people, with a plural verb: "The researchers, which had examined
//!   the bones, …", "residents, which were evacuated" (English: "who").
//!
//! ## Why it signals MT
//! German relative pronouns follow grammatical gender ("der Lieferwagen, der …", "der Mann,
//! der …"), not whether the noun is a person. MT and German writers pick "who" for a
//! masculine or feminine thing, and "which" for a person.
//!
//! ## Example
//! "Witnesses reported a grey van who had been seen near the school." flags "who".
//!
//! ## Known false positives
//! Institutions, animals and ships are left alone: English may call a government, a team or a
//! pet "who", and a ship "she". "Which" after a comma may refer to a whole clause ("He met the
//! minister, which was unusual") and is only flagged straight after the person noun, or after a
//! comma when a plural verb shows that it takes the plural noun, not a clause: "are", "were",
//! "have", or "had" with a participle and no "been" ("He met the ministers, which had been
//! planned" is left alone). Only
//! nouns of mtqe's lists of things and of people are judged.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "minor")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::Doc;
use crate::flag::{Category, Severity};
use crate::lexicon::{word_key, ThingClass, PERSON_NOUNS, THING_NOUNS};
use std::sync::LazyLock;

pub struct RelativePronoun;

/// The word keys of "who" and "which", compared before the text.
static WHO_KEY: LazyLock<u32> = LazyLock::new(|| word_key("who"));
static WHICH_KEY: LazyLock<u32> = LazyLock::new(|| word_key("which"));

/// Forms of "be" and "have" that only a plural subject takes: a "which" they follow cannot
/// stand for a clause.
const PLURAL_VERBS: [&str; 4] = ["are", "were", "have", "had"];

/// Whether `noun` is a plural person ("researchers", "residents", "people") and the relative
/// clause after "which" opens with a verb that only a plural subject takes. "had" counts only
/// before an active participle ("which had examined"), since "which had been planned" may stand
/// for a whole clause.
fn plural_verb_for_people(doc: &Doc, noun: &crate::analysis::Token, clause: &[crate::analysis::Token]) -> bool {
    let word = doc.lower(noun);
    let people = ["people", "men", "women", "children"].contains(&word)
        || word.strip_suffix('s').is_some_and(|singular| PERSON_NOUNS.contains_key(singular));
    let Some(verb) = clause.first() else { return false };
    let verb_word = doc.lower(verb);
    if !people || !PLURAL_VERBS.contains(&verb_word) {
        return false;
    }
    verb_word != "had"
        || clause.get(1).is_some_and(|next| {
            doc.gap(verb, next) == " "
                && !doc.is(next, "been")
                && crate::lexicon::verb_forms(doc.lower(next)).is_some_and(|f| f.participle)
        })
}

/// The class of a thing noun, singular or plural ("van", "vans").
fn thing_class(lower: &str) -> Option<ThingClass> {
    THING_NOUNS.get(lower).or_else(|| lower.strip_suffix('s').and_then(|s| THING_NOUNS.get(s))).copied()
}

impl Detector for RelativePronoun {
    const DECLARATION: Declaration =
        Declaration { id: "relative-pronoun", category: Category::Grammar, severity: Severity::Minor, version: 2 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        RelativePronoun
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        for (at, pair) in doc.tokens.windows(3).enumerate() {
            let (noun, pronoun, verb) = (&pair[0], &pair[1], &pair[2]);
            let who = pronoun.key == *WHO_KEY && doc.is(pronoun, "who");
            let which = pronoun.key == *WHICH_KEY && doc.is(pronoun, "which");
            if !(who || which) || noun.capitalized {
                continue;
            }
            // The relative clause's verb follows at once: "who had been seen", "which was".
            let verb_word = doc.lower(verb);
            let clause = crate::lexicon::is_auxiliary(verb_word)
                || crate::lexicon::verb_forms(verb_word).is_some_and(|f| f.past || f.third_person);
            let gap = doc.gap(noun, pronoun);
            if !clause || doc.gap(pronoun, verb) != " " {
                continue;
            }
            let noun_word = doc.lower(noun);
            if who && (gap == " " || gap == ", ") {
                let thing = thing_class(noun_word)
                    .is_some_and(|c| matches!(c, ThingClass::Vehicle | ThingClass::Object | ThingClass::Abstract));
                if thing {
                    flags
                        .flag(
                            pronoun.span.clone(),
                            0.7,
                            format!(
                                "\"who\" refers to \"{}\", a thing: English uses \"which\" or \"that\". German \
                                 relative pronouns follow grammatical gender, not persons.",
                                doc.word(noun)
                            ),
                        )
                        .suggest("which");
                }
            } else if which
                && (gap == " " && noun.lex.person_noun()
                    || gap == ", " && plural_verb_for_people(doc, noun, &doc.tokens[at + 2..]))
            {
                flags
                    .flag(
                        pronoun.span.clone(),
                        0.7,
                        format!(
                            "\"which\" refers to \"{}\", {}: English uses \"who\" or \"that\". German relative \
                             pronouns do not tell persons from things.",
                            doc.word(noun),
                            if gap == " " { "a person" } else { "people" }
                        ),
                    )
                    .suggest("who");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts};
    use super::*;

    #[test]
    fn flags_who_for_things_and_which_for_people() {
        assert_eq!(
            excerpts::<RelativePronoun>("Witnesses reported a grey van who had been seen near the school."),
            ["who"]
        );
        assert_eq!(excerpts::<RelativePronoun>("The bridge, who was built in 1960, is closed."), ["who"]);
        assert_eq!(excerpts::<RelativePronoun>("Police arrested the man which was seen there."), ["which"]);
        assert_eq!(
            excerpts::<RelativePronoun>("The researchers, which had examined the bones, found marks."),
            ["which"]
        );
        assert_eq!(excerpts::<RelativePronoun>("Many residents, which were evacuated, returned."), ["which"]);
    }

    #[test]
    fn institutions_clauses_and_english_uses_are_fine() {
        assert_no_flags::<RelativePronoun>(
            "The government, who had promised help, said nothing. The van which was seen.",
        );
        assert_no_flags::<RelativePronoun>("He met the minister, which was unusual. The man who was seen left.");
        assert_no_flags::<RelativePronoun>(
            "He met the ministers, which had been planned. He met the ministers, which was rare.",
        );
        assert_no_flags::<RelativePronoun>("She asked the driver who he was. Nobody knew which car.");
    }
}
