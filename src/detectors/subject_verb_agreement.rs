//! # subject-verb-agreement
//!
//! ## What it does
//! Flags a plural subject that opens the sentence with a singular verb after it, across the
//! phrase that describes the subject: "The prices for heating oil was higher", "The residents
//! of the district has protested", "Many pupils was sent home". It also flags "the number of"
//! with a plural verb: "The number of applications have doubled" (English: "has").
//!
//! ## Why it signals MT
//! MT and German writers make the verb agree with the nearest noun ("heating oil was") rather
//! than with the head of the subject ("prices"), and German "die Zahl der Anträge hat" becomes
//! "the number of applications have" when the plural noun is closest. The sentence reads as
//! careless to an English reader.
//!
//! ## Example
//! "The prices for heating oil was higher than last winter." flags "prices for heating oil
//! was".
//!
//! ## Known false positives
//! Only a subject that opens the sentence with an article, demonstrative, possessive or
//! quantifier ("the", "these", "many", "both", "their") is read, and its plural must be a
//! regular one in "-s" whose singular English knows. Nouns in "-s" that are singular ("news",
//! "series", "means", "politics", "status") and amounts ("five million euros was", "ten years
//! is") are left alone, and so is a subject with a number in it. Between the subject and the
//! verb only nouns, adjectives, names and prepositional phrases may stand, without a comma, so a
//! relative clause ("The prices that the firm set was") is not read.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "minor")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::{Doc, Token};
use crate::flag::{Category, Severity};
use crate::lexicon::{is_auxiliary, is_preposition, ENGLISH_WORDS};

pub struct SubjectVerbAgreement;

/// Words that open a subject noun phrase at the start of a sentence.
const SUBJECT_OPENERS: [&str; 16] = [
    "the", "these", "those", "many", "most", "all", "both", "several", "some", "few", "its", "their", "his", "her",
    "our", "other",
];

/// Singular verbs that a plural subject cannot take, with the plural English needs.
const SINGULAR_VERBS: [(&str, &str); 4] = [("is", "are"), ("was", "were"), ("has", "have"), ("does", "do")];

/// Plural verbs that "the number of" cannot take, with the singular English needs.
const PLURAL_VERBS: [(&str, &str); 3] = [("are", "is"), ("were", "was"), ("have", "has")];

/// Nouns in "-s" that are singular or take a singular verb.
const SINGULAR_IN_S: [&str; 10] =
    ["news", "means", "series", "species", "headquarters", "whereabouts", "crossroads", "barracks", "odds", "lens"];

/// Amounts, which English treats as one quantity ("five million euros was spent").
const AMOUNTS: [&str; 20] = [
    "euros",
    "dollars",
    "pounds",
    "francs",
    "years",
    "months",
    "weeks",
    "days",
    "hours",
    "minutes",
    "seconds",
    "miles",
    "kilometres",
    "kilometers",
    "metres",
    "meters",
    "tonnes",
    "tons",
    "percent",
    "degrees",
];

/// The most words a phrase after the subject's noun may have before the verb.
const MAX_PHRASE: usize = 6;

impl Detector for SubjectVerbAgreement {
    const DECLARATION: Declaration = Declaration {
        id: "subject-verb-agreement",
        category: Category::Grammar,
        severity: Severity::Minor,
        version: 1,
    };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        SubjectVerbAgreement
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        for index in 0..doc.sentences.len() {
            let tokens = doc.sentence_tokens(index);
            let Some(first) = tokens.first() else { continue };
            if !SUBJECT_OPENERS.contains(&doc.lower(first)) || doc.in_quotation(first.span.start) {
                continue;
            }
            let Some((head, verb_at)) = subject_and_verb(doc, tokens) else { continue };
            let head_word = doc.lower(&tokens[head]);
            let verb_word = doc.lower(&tokens[verb_at]);
            let number_of = head == 1 && head_word == "number" && doc.is(first, "the");
            let (found, needed) = if number_of {
                match PLURAL_VERBS.iter().find(|(plural, _)| *plural == verb_word) {
                    Some(&(plural, singular)) => (plural, singular),
                    None => continue,
                }
            } else {
                match SINGULAR_VERBS.iter().find(|(singular, _)| *singular == verb_word) {
                    Some(&(singular, plural)) if regular_plural(head_word) => (singular, plural),
                    _ => continue,
                }
            };
            let span = tokens[head].span.start..tokens[verb_at].span.end;
            let written = doc.slice(&span);
            let subject = doc.word(&tokens[head]);
            let message = if number_of {
                format!(
                    "\"{written}\": \"the number\" is the subject and takes \"{needed}\", not \"{found}\"; the \
                     verb agrees with the plural noun after \"of\" instead."
                )
            } else {
                format!(
                    "\"{written}\": the plural subject \"{subject}\" takes \"{needed}\", not \"{found}\"; the verb \
                     agrees with a nearer noun instead."
                )
            };
            flags.flag(span, 0.6, message);
        }
    }
}

/// The index of the subject's head noun and of the verb after it, in a sentence that opens with
/// a determiner: the head is the last word of the run of content words after the determiner, and
/// the verb follows it at once or after prepositional phrases of nouns, adjectives and names. None
/// when a number, punctuation or another function word comes first.
fn subject_and_verb(doc: &Doc, tokens: &[Token]) -> Option<(usize, usize)> {
    let spaced = |i: usize| i < tokens.len() && doc.gap(&tokens[i - 1], &tokens[i]) == " ";
    let content = |t: &Token| {
        let word = doc.lower(t);
        t.has_letter && !t.capitalized && t.lex.english_word() && !t.lex.english_function() && !is_auxiliary(word)
    };
    let mut at = 1;
    while at < tokens.len().min(5) && spaced(at) && content(&tokens[at]) {
        at += 1;
    }
    if at == 1 || !spaced(at) {
        return None;
    }
    let head = at - 1;
    if is_preposition(doc.lower(&tokens[at])) {
        let limit = at + MAX_PHRASE;
        at += 1;
        while at < tokens.len().min(limit) && spaced(at) {
            let token = &tokens[at];
            let word = doc.lower(token);
            let phrase_word = content(token)
                || token.capitalized && token.has_letter
                // "that" opens a relative clause here ("the costs of the vehicle that is used").
                || crate::lexicon::DETERMINERS.contains(word) && word != "that"
                || is_preposition(word)
                || word == "and";
            if !phrase_word {
                break;
            }
            at += 1;
        }
        if !spaced(at) {
            return None;
        }
    }
    let subject_has_number = tokens[1..at].iter().any(|t| t.is_number());
    (!subject_has_number).then_some((head, at))
}

/// Whether `word` is a regular English plural in "-s" of a singular English knows ("prices",
/// "residents", "cities"), and not a singular in "-s" or an amount.
fn regular_plural(word: &str) -> bool {
    if !word.ends_with('s') || SINGULAR_IN_S.contains(&word) || AMOUNTS.contains(&word) {
        return false;
    }
    // "crisis", "status", "glass", "politics", "famous": singular endings.
    if ["ss", "us", "is", "ics", "ous"].iter().any(|ending| word.ends_with(ending)) {
        return false;
    }
    let singular_known = |stem: &str| !stem.is_empty() && ENGLISH_WORDS.contains(stem);
    word.strip_suffix("ies").is_some_and(|stem| singular_known(&format!("{stem}y")))
        || word.strip_suffix("es").is_some_and(singular_known)
        || word.strip_suffix('s').is_some_and(singular_known)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts};
    use super::*;

    #[test]
    fn flags_a_plural_subject_with_a_singular_verb() {
        assert_eq!(
            excerpts::<SubjectVerbAgreement>("The prices for heating oil was higher than last winter."),
            ["prices for heating oil was"]
        );
        assert_eq!(
            excerpts::<SubjectVerbAgreement>("The residents of the district has protested for weeks."),
            ["residents of the district has"]
        );
        assert_eq!(excerpts::<SubjectVerbAgreement>("Many pupils was sent home."), ["pupils was"]);
    }

    #[test]
    fn flags_the_number_of_with_a_plural_verb() {
        assert_eq!(
            excerpts::<SubjectVerbAgreement>("The number of applications have doubled since spring."),
            ["number of applications have"]
        );
    }

    #[test]
    fn agreeing_verbs_singular_nouns_and_amounts_are_fine() {
        assert_no_flags::<SubjectVerbAgreement>("The prices for heating oil were higher. The price of apples was low.");
        assert_no_flags::<SubjectVerbAgreement>("The news was good. The series is over. The crisis was long.");
        assert_no_flags::<SubjectVerbAgreement>("The 5 million euros was spent. The years 2020 and 2021 was hard.");
        assert_no_flags::<SubjectVerbAgreement>("The number of cases has risen. A number of people were hurt.");
        assert_no_flags::<SubjectVerbAgreement>("The prices that the firm set was too high. The Greens was a party.");
        assert_no_flags::<SubjectVerbAgreement>("The costs of the vehicle that is used amount to 135,000 euros.");
    }

    #[test]
    fn plural_needs_a_known_singular() {
        assert!(regular_plural("prices") && regular_plural("cities") && regular_plural("residents"));
        assert!(!regular_plural("politics") && !regular_plural("status") && !regular_plural("news"));
    }
}
