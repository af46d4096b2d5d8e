//! # thing-pronoun
//!
//! ## What it does
//! Flags "he", "him", "his", "she" and "her" outside quotations when the preceding context (this
//! sentence and the two before it) mentions no person at all, but does mention a thing, an
//! institution or an animal that the pronoun must then refer to.
//!
//! ## Why it signals MT
//! German nouns have grammatical gender, and German pronouns follow it: die Regierung is "sie",
//! der Traktor is "er". MT carries the gender over, so English gets "The government presented
//! the plan. She wants ..." or "The tractor blocked the road. He had lost a wheel."
//!
//! ## Example
//! "The tractor blocked the road for hours. He had lost a wheel." flags "He" and suggests "It".
//!
//! ## Known false positives
//! Only lexical evidence is used. Any word that might be a person (a person noun, a first
//! name, an unknown capitalised name, an unclassified noun after "the") blocks the flag, so
//! most errors in text full of names are missed rather than false flags raised. Ships and boats
//! are "she" in traditional English and are never flagged; pets and named animals are often
//! "he" or "she", so animals get a low confidence. Pronouns in a text's first sentence are not
//! flagged: their person may be named before the text begins (an excerpt, a lone sentence). A person or pronoun up to five sentences
//! back also blocks the flag, and so does a person named later in the pronoun's own sentence
//! ("In her reasoning, the judge said").
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "major")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::{Doc, MentionKind};
use crate::flag::{Category, Severity};
use crate::lexicon::is_preposition;
use crate::lexicon::ThingClass;

pub struct ThingPronoun;

/// Whether the possessive at `index` opens a phrase set off by a comma at the start of its
/// sentence and points forward to the person named right after the comma: "In her reasoning,
/// the judge said ...".
fn points_forward(doc: &Doc, index: usize) -> bool {
    let token = &doc.tokens[index];
    if !(doc.is(token, "his") || doc.is(token, "her")) {
        return false;
    }
    let sentence = doc.sentence_at(token.span.start);
    let tokens = &doc.tokens[doc.sentences[sentence].tokens.clone()];
    let Some(comma) = tokens.windows(2).position(|pair| doc.gap(&pair[0], &pair[1]).starts_with(',')) else {
        return false;
    };
    let first = doc.sentences[sentence].tokens.start;
    // The opening phrase is a prepositional one ("In her reasoning", "After his arrest"), the
    // possessive lies in it, and the first mention after the comma, within two words of it, may
    // be a person.
    let prepositional = is_preposition(doc.lower(&doc.tokens[first]));
    prepositional
        && index <= first + comma
        && doc
            .mentions
            .iter()
            .find(|m| m.sentence == sentence && m.token > first + comma)
            .is_some_and(|m| m.token <= first + comma + 3 && m.may_be_person() && !m.in_quote)
}

/// The pronouns [`it_form`] knows.
static PRONOUNS: std::sync::LazyLock<crate::lexicon::WordList> =
    std::sync::LazyLock::new(|| crate::lexicon::WordList::of(["he", "she", "him", "his", "her"]));

fn it_form(lower: &str) -> Option<&'static str> {
    match lower {
        "he" | "she" => Some("it"),
        "him" => Some("it"),
        "his" => Some("its"),
        // "her" is either "it" or "its"; the suggestion says "its" only before a noun.
        "her" => Some("it/its"),
        _ => None,
    }
}

impl Detector for ThingPronoun {
    const DECLARATION: Declaration =
        Declaration { id: "thing-pronoun", category: Category::Mistranslation, severity: Severity::Major, version: 6 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        ThingPronoun
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        for (index, token) in doc.tokens.iter().enumerate() {
            if !PRONOUNS.contains_token(doc, token) {
                continue;
            }
            let Some(it) = it_form(doc.lower(token)) else { continue };
            let word = doc.word(token);
            if doc.in_quotation(token.span.start) {
                continue;
            }
            if doc.sentence_at(token.span.start) == 0 {
                // In the first sentence the person may be named before the text begins: a lone
                // sentence or an excerpt ("He told the church …") is no evidence of a wrong gender.
                continue;
            }
            let mut things = Vec::new();
            let mut person_possible = false;
            for mention in doc.mentions_before(index, 2) {
                if mention.may_be_person() {
                    person_possible = true;
                    break;
                }
                if let MentionKind::Thing(class) = mention.kind {
                    things.push((mention, class));
                }
            }
            // A pronoun that opens a sentence most often takes up the subject of one before it
            // ("The state government presented a package. She wants …"): the nearest thing that
            // opens its sentence, else the nearest thing.
            let opens_sentence =
                |mention: &crate::analysis::Mention| mention.token < doc.sentences[mention.sentence].tokens.start + 3;
            let thing = things.iter().find(|(m, _)| opens_sentence(m)).or(things.first()).copied();
            // A person named a little further back may still be meant.
            person_possible |= doc
                .mentions_before(index, 5)
                .any(|m| matches!(m.kind, MentionKind::Person { .. } | MentionKind::Pronoun { .. }));
            person_possible |= points_forward(doc, index);
            if person_possible {
                continue;
            }
            let Some((antecedent, class)) = thing else { continue };
            if class == ThingClass::Vessel {
                continue;
            }
            let confidence = if class == ThingClass::Animal { 0.35 } else { 0.75 };
            let noun = doc.slice(&antecedent.span);
            let suggestion = if token.capitalized { it[..1].to_uppercase() + &it[1..] } else { it.to_string() };
            flags.flag(token.span.clone(), confidence, format!(
                    "\"{word}\" has no person to refer to in this or the two preceding sentences; the likeliest referent is \"{noun}\" ({}), which English calls \"it\". German grammatical gender was probably carried over.",
                    class.as_str()
                )).suggest(suggestion);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts, flags_of};
    use super::*;

    #[test]
    fn flags_gendered_pronouns_for_things_and_institutions() {
        assert_eq!(excerpts::<ThingPronoun>("The tractor blocked the road for hours. He had lost a wheel."), ["He"]);
        let flags = flags_of::<ThingPronoun>(
            "The ministry published the figures on Monday. She expects more applications next year.",
        );
        assert_eq!(flags.len(), 1);
        assert_eq!(flags[0].1.suggestion.as_deref(), Some("It"));
        assert!(flags[0].1.message.contains("\"ministry\""), "{}", flags[0].1.message);
        // The subject is named as the candidate, not the nearer object.
        let flags = flags_of::<ThingPronoun>(
            "It rained all week. The state government presented a new aid package on Tuesday. She wants to pay soon.",
        );
        assert_eq!(flags.len(), 1);
        assert!(flags[0].1.message.contains("\"government\""), "{}", flags[0].1.message);
    }

    #[test]
    fn streets_and_institutions_with_names_are_no_people() {
        assert_eq!(
            excerpts::<ThingPronoun>("The bridge on Weser Straße is the largest project. He is to be finished soon."),
            ["He"]
        );
        assert_eq!(
            excerpts::<ThingPronoun>("The German Weather Service warned of storms. He expects more rain tonight."),
            ["He"]
        );
    }

    #[test]
    fn an_age_used_as_a_noun_is_a_person() {
        assert_no_flags::<ThingPronoun>(
            "Police searched a van. The 35-year-old is known to police. He had been released in May.",
        );
    }

    #[test]
    fn any_possible_person_blocks_the_flag() {
        assert_no_flags::<ThingPronoun>("The minister presented the budget. She wants to pass it by summer.");
        assert_no_flags::<ThingPronoun>("The company hired Weselsky in May. He starts on Monday.");
        assert_no_flags::<ThingPronoun>("The plumber fixed the pipe. He left at noon.");
        // A possessive in an opening phrase may point to the person named after the comma.
        assert_no_flags::<ThingPronoun>(
            "The court met on Tuesday. In her reasoning, the judge said the bank had failed.",
        );
        // Not a person named later in a clause of its own, nor after a clause that opens with
        // the pronoun.
        assert_eq!(
            excerpts::<ThingPronoun>("A tractor lost a wheel on the A7. His driver waited, while police came."),
            ["His"]
        );
        assert_eq!(
            excerpts::<ThingPronoun>("The state government presented the plan. She wants to relieve the citizens."),
            ["She"]
        );
    }

    #[test]
    fn ships_are_she_and_quotes_are_ignored() {
        assert_no_flags::<ThingPronoun>("The ferry left the harbour at dawn. She reached the island by noon.");
        assert_no_flags::<ThingPronoun>("The bridge is closed. “He said nothing about it,” a resident complained.");
    }

    #[test]
    fn clean_news_gets_no_flags() {
        assert_no_flags::<ThingPronoun>(
            "The city council approved the new tram line on Thursday. Mayor Sarah Klein said she expected \
             construction to begin next spring. Her deputy called it a historic decision.",
        );
    }
}
