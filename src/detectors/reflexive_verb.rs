//! # reflexive-verb
//!
//! ## What it does
//! Flags a reflexive pronoun right after a verb that is reflexive in German but not in English:
//! "they concentrated themselves on the economy" (sich konzentrieren), "the team qualified itself
//! for the final" (sich qualifizieren), "the situation has calmed itself" (sich beruhigen),
//! "she decided herself for the offer" (sich entscheiden). The flag covers the verb and the
//! pronoun, names the German verb, and suggests the verb alone.
//!
//! ## Why it signals MT
//! German marks many verbs with "sich" that English uses without any pronoun: verbs of change
//! ("sich erhöhen", "sich verdoppeln"), of mind ("sich erinnern", "sich entscheiden") and of
//! social acts ("sich entschuldigen", "sich treffen"). A literal translation carries the
//! "sich" over as "itself" or "themselves".
//!
//! ## Example
//! "The number of cases has doubled itself since May." flags "doubled itself" (sich
//! verdoppeln): English says "doubled".
//!
//! ## Known false positives
//! The verbs come from `data/lexicon/german_reflexive_verbs.tsv`, which leaves out verbs that
//! English also uses reflexively ("defended themselves", "prepared themselves", "found
//! themselves", "changed itself"). A pronoun at the end of a clause can be emphatic ("let the
//! voters decide themselves"), so for verbs where that reading is common the pronoun is only
//! flagged when the clause goes on, and never before "to", "as", a conjunction or a gerund
//! ("felt himself slipping", "remembered himself as a boy"). A word that can be a noun as well
//! as a verb is only read as a verb where the words before it say so: a past form ("increased
//! itself"), or a base form after a subject pronoun, a modal or "to"; "the meeting itself" and
//! "the increase itself" are left alone. The English language model has the last word: a verb
//! and pronoun that it finds usual in English are not flagged. Only the pronoun right after the
//! verb is seen, so "increased in the end itself" and noun subjects before a present tense
//! ("prices increase themselves") are missed.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "minor")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::{Doc, Token};
use crate::flag::{Category, Severity};
use crate::language_model::MODEL;
use crate::lexicon::{shipped, Choice, WordMap, DETERMINERS};
use std::sync::LazyLock;

pub struct ReflexiveVerb;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rule {
    /// The pronoun is wrong wherever it follows the verb.
    Always,
    /// The pronoun can be emphatic at the end of a clause: flag it only when the clause goes on.
    Continues,
}

impl Choice for Rule {
    const WHAT: &'static str = "rule";
    const SPELLINGS: &'static [(&'static str, Self)] = &[("always", Rule::Always), ("continues", Rule::Continues)];
}

struct Entry {
    german: &'static str,
    english: &'static str,
    rule: Rule,
}

/// The verbs, keyed by English lemma.
static VERBS: LazyLock<WordMap<Entry>> = LazyLock::new(|| {
    let mut verbs = WordMap::default();
    for row in shipped!("data/lexicon/german_reflexive_verbs.tsv").rows::<4>() {
        let [verb, german, english, rule] = row.fields;
        verbs.insert(verb, Entry { german, english, rule: row.choice(rule) });
    }
    verbs
});

const REFLEXIVE_PRONOUNS: [&str; 9] =
    ["myself", "yourself", "himself", "herself", "itself", "oneself", "ourselves", "yourselves", "themselves"];

/// Words after which a base form or present tense is a verb, not a noun ("they increase",
/// "will double", "to qualify").
const VERB_OPENERS: [&str; 21] = [
    "i", "we", "you", "they", "he", "she", "it", "to", "will", "would", "can", "could", "must", "should", "may",
    "might", "shall", "not", "do", "does", "did",
];

/// Words after an emphatic pronoun as readily as after a reflexive one: the clause does not go
/// on with the verb's own complement ("decide themselves whether", "felt himself to be").
const CLAUSE_BREAKS: [&str; 14] =
    ["to", "as", "and", "or", "but", "whether", "what", "how", "that", "who", "which", "when", "if", "because"];

/// A verb and reflexive pronoun that the language model finds at most this much (log10) less
/// likely together than the pronoun on its own are usual English.
const USUAL_SLOR: f32 = 0.5;

impl Detector for ReflexiveVerb {
    const DECLARATION: Declaration =
        Declaration { id: "reflexive-verb", category: Category::Grammar, severity: Severity::Minor, version: 1 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        ReflexiveVerb
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        for index in 0..doc.sentences.len() {
            if doc.sentence_langs[index].code.is_some_and(|code| code != "eng") {
                continue;
            }
            let tokens = doc.sentence_tokens(index);
            for at in 1..tokens.len() {
                let pronoun = &tokens[at];
                // Every reflexive pronoun ends in "self" or "selves": one byte test rules out
                // nearly every token before its lower case is read.
                let bytes = &doc.text.as_bytes()[pronoun.span.clone()];
                if pronoun.capitalized || !(bytes.ends_with(b"self") || bytes.ends_with(b"selves")) {
                    continue;
                }
                let pronoun_word = doc.lower(pronoun);
                if !REFLEXIVE_PRONOUNS.contains(&pronoun_word) {
                    continue;
                }
                let verb = &tokens[at - 1];
                if doc.gap(verb, pronoun) != " " {
                    continue;
                }
                let Some(forms) = verb.lex.verb() else { continue };
                let verb_word = doc.lower(verb);
                let lemma = verb.lex.lemma(verb_word);
                let Some(entry) = VERBS.get(&lemma) else { continue };
                if !reads_as_verb(doc, tokens, at - 1, forms) {
                    continue;
                }
                if entry.rule == Rule::Continues && !clause_goes_on(doc, tokens, at) {
                    continue;
                }
                if usual_in_english(verb_word, pronoun_word) {
                    continue;
                }
                let span = verb.span.start..pronoun.span.end;
                let written = doc.slice(&span);
                flags
                    .flag(
                        span,
                        0.7,
                        format!(
                            "\"{written}\": German \"{}\" is reflexive, English \"{}\" is not. Likely a reflexive pronoun carried over from the source; English says \"{}\".",
                            entry.german, lemma, entry.english
                        ),
                    )
                    .suggest(doc.word(verb));
            }
        }
    }
}

/// Whether the word at `at`, which can be a verb, is one here: a past form or participle
/// always; a base form, present tense or gerund only after a word that a verb follows and a
/// noun does not.
fn reads_as_verb(doc: &Doc, tokens: &[Token], at: usize, forms: crate::lexicon::VerbForms) -> bool {
    if forms.past || forms.participle {
        return true;
    }
    let Some(before) = at.checked_sub(1).map(|b| &tokens[b]) else { return false };
    let before_word = doc.lower(before);
    if forms.gerund {
        return !DETERMINERS.contains(before_word) && !before.lex.adjective();
    }
    VERB_OPENERS.contains(&before_word) || before_word.ends_with("n't")
}

/// Whether the clause goes on after the pronoun at `at` with a complement of the verb.
fn clause_goes_on(doc: &Doc, tokens: &[Token], at: usize) -> bool {
    let Some(next) = tokens.get(at + 1) else { return false };
    if !doc.gap(&tokens[at], next).chars().all(char::is_whitespace) {
        return false;
    }
    let next_word = doc.lower(next);
    !CLAUSE_BREAKS.contains(&next_word) && !next.lex.verb().is_some_and(|forms| forms.gerund && !forms.base)
}

/// Whether the language model finds the pronoun usual after the verb form: English uses the
/// pair, whatever the list says.
fn usual_in_english(verb: &str, pronoun: &str) -> bool {
    let model = &*MODEL;
    let (Some(verb), Some(pronoun)) = (model.id(verb), model.id(pronoun)) else { return false };
    model.log10_prob(None, Some(verb), pronoun) - model.unigram_log10(pronoun) > USUAL_SLOR
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts, flags_of};
    use super::*;

    #[test]
    fn flags_a_pronoun_that_german_needs_and_english_does_not() {
        assert_eq!(
            excerpts::<ReflexiveVerb>("The ministers concentrated themselves on the budget this week."),
            ["concentrated themselves"]
        );
        assert_eq!(
            excerpts::<ReflexiveVerb>("With the win the club qualified itself for the European cup."),
            ["qualified itself"]
        );
        assert_eq!(excerpts::<ReflexiveVerb>("By evening the situation had calmed itself."), ["calmed itself"]);
        assert_eq!(
            excerpts::<ReflexiveVerb>("In the end she decided herself for the offer from Hamburg."),
            ["decided herself"]
        );
        assert_eq!(
            excerpts::<ReflexiveVerb>("The number of patients in hospital has doubled itself since May."),
            ["doubled itself"]
        );
        assert_eq!(
            excerpts::<ReflexiveVerb>("The mayor wants to apologise himself to the residents."),
            ["apologise himself"]
        );
    }

    #[test]
    fn verbs_english_uses_reflexively_are_left_alone() {
        for text in [
            "The soldiers defended themselves for hours.",
            "The residents prepared themselves for the storm.",
            "The minister introduced himself to the crowd.",
            "After the crash the company found itself in trouble.",
            "The party must change itself if it wants to win again.",
            "He hurt himself when he fell from the ladder.",
        ] {
            assert_no_flags::<ReflexiveVerb>(text);
        }
    }

    #[test]
    fn emphatic_pronouns_and_nouns_are_left_alone() {
        for text in [
            "The minister himself said the plan would fail.",
            "The meeting itself lasted only ten minutes.",
            "The increase itself was smaller than expected.",
            "The delay itself cost the company millions.",
            "The voters should decide themselves.",
            "They want to decide themselves whether the school stays open.",
            "She could feel herself slipping on the ice.",
            "He remembered himself as a shy boy from the village.",
            "Results themselves do not matter, the coach said.",
        ] {
            assert_no_flags::<ReflexiveVerb>(text);
        }
    }

    #[test]
    fn the_message_names_the_german_verb_and_the_suggestion_drops_the_pronoun() {
        let flags = flags_of::<ReflexiveVerb>("The two leaders met themselves in Brussels on Monday.");
        let (excerpt, flag) = flags.first().expect("a flag");
        assert_eq!(excerpt, "met themselves");
        assert!(flag.message.contains("sich treffen"), "{}", flag.message);
        assert_eq!(flag.suggestion.as_deref(), Some("met"));
    }

    #[test]
    fn every_listed_verb_is_a_verb_the_lexicon_knows() {
        // A verb the lexicon cannot read as one would never be flagged.
        for row in shipped!("data/lexicon/german_reflexive_verbs.tsv").rows::<4>() {
            let verb = row.fields[0];
            assert!(crate::lexicon::lex(verb).verb().is_some(), "{verb} is not a verb form the lexicon knows");
            assert!(VERBS.get(verb).is_some(), "{verb} is in the table");
        }
    }
}
