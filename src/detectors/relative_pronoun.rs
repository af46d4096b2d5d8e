//! # relative-pronoun
//!
//! ## What it does
//! Flags a relative pronoun that does not fit its noun:
//! - "who" after a thing: "a grey van who had been seen in the street", "the bridge who was
//!   closed" (English: "which" or "that");
//! - "which" directly after a person: "the man which was arrested" (English: "who").
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
//! minister, which was unusual") and is only flagged straight after the person noun. Only
//! nouns of mtqe's lists of things and of people are judged.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "minor")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::Doc;
use crate::flag::{Category, Severity};
use crate::lexicon::{word_key, ThingClass, THING_NOUNS};
use std::sync::LazyLock;

pub struct RelativePronoun;

/// The word keys of "who" and "which", compared before the text.
static WHO_KEY: LazyLock<u32> = LazyLock::new(|| word_key("who"));
static WHICH_KEY: LazyLock<u32> = LazyLock::new(|| word_key("which"));

/// The class of a thing noun, singular or plural ("van", "vans").
fn thing_class(lower: &str) -> Option<ThingClass> {
    THING_NOUNS.get(lower).or_else(|| lower.strip_suffix('s').and_then(|s| THING_NOUNS.get(s))).copied()
}

impl Detector for RelativePronoun {
    const DECLARATION: Declaration =
        Declaration { id: "relative-pronoun", category: Category::Grammar, severity: Severity::Minor, version: 1 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        RelativePronoun
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        for pair in doc.tokens.windows(3) {
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
            } else if which && gap == " " && noun.lex.person_noun() {
                flags
                    .flag(
                        pronoun.span.clone(),
                        0.7,
                        format!(
                            "\"which\" refers to \"{}\", a person: English uses \"who\" or \"that\". German relative \
                             pronouns do not tell persons from things.",
                            doc.word(noun)
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
    }

    #[test]
    fn institutions_clauses_and_english_uses_are_fine() {
        assert_no_flags::<RelativePronoun>(
            "The government, who had promised help, said nothing. The van which was seen.",
        );
        assert_no_flags::<RelativePronoun>("He met the minister, which was unusual. The man who was seen left.");
        assert_no_flags::<RelativePronoun>("She asked the driver who he was. Nobody knew which car.");
    }
}
