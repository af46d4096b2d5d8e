//! # double-negative
//!
//! ## What it does
//! Flags a negative subject followed by a negated verb: "Nobody had not expected him to keep
//! up", "Nothing is not possible", "No one could not see it". In standard English two negatives
//! cancel out, so the sentence says the opposite of what was meant.
//!
//! ## Why it signals MT
//! German negation that MT renders twice: a negative pronoun plus a "nicht" kept from another
//! clause or a wrongly resolved "kaum", or a German double negative ("Niemand hatte nicht
//! damit gerechnet") translated word for word.
//!
//! ## Example
//! "Nobody had not expected him to keep up on the final climb." flags "Nobody had not".
//!
//! ## Known false positives
//! Only "nobody", "no one", "nothing", "none" and "no-one" directly before an auxiliary or modal
//! and "not" (or "n't") are read, so rhetorical double negatives elsewhere ("not for nothing")
//! are left alone. Deliberate emphatic use ("Nobody can't love this") is flagged.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "major")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::Doc;
use crate::flag::{Category, Severity};
use crate::lexicon::{is_auxiliary, word_key};
use std::sync::LazyLock;

pub struct DoubleNegative;

/// Negative pronouns that can be a subject.
const NEGATIVE_SUBJECTS: [&str; 4] = ["nobody", "nothing", "none", "no-one"];

/// The word keys of [`NEGATIVE_SUBJECTS`] and of "no" (of "no one").
static SUBJECT_KEYS: LazyLock<Vec<u32>> =
    LazyLock::new(|| NEGATIVE_SUBJECTS.iter().chain(&["no"]).map(|w| word_key(w)).collect());

impl Detector for DoubleNegative {
    const DECLARATION: Declaration = Declaration {
        id: "double-negative",
        category: Category::Mistranslation,
        severity: Severity::Major,
        version: 1,
    };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        DoubleNegative
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        let tokens = &doc.tokens;
        for (at, subject) in tokens.iter().enumerate() {
            // The word's key first: it rules out nearly every word before any text is read.
            if !SUBJECT_KEYS.contains(&subject.key) {
                continue;
            }
            let word = doc.lower(subject);
            // "no one" is two tokens; its verb comes one later.
            let verb_at = if NEGATIVE_SUBJECTS.contains(&word) {
                at + 1
            } else if word == "no" && tokens.get(at + 1).is_some_and(|one| doc.is(one, "one")) {
                at + 2
            } else {
                continue;
            };
            let (Some(verb), Some(not)) = (tokens.get(verb_at), tokens.get(verb_at + 1)) else { continue };
            let spaced = doc.gap(&tokens[verb_at - 1], verb) == " ";
            let verb_word = doc.lower(verb);
            // "had not", and the contraction the tokenizer may keep whole ("hadn't") or split.
            let contracted = verb_word.ends_with("n't") || verb_word.ends_with("n’t");
            let negated_aux = if contracted {
                is_auxiliary(verb_word.trim_end_matches("n't").trim_end_matches("n’t")) || verb_word == "can't"
            } else {
                is_auxiliary(verb_word)
                    && (doc.is(not, "not") || ["n't", "n’t"].contains(&doc.lower(not)) && doc.gap(verb, not).is_empty())
            };
            if !spaced || !negated_aux {
                continue;
            }
            let end = if contracted { verb.span.end } else { not.span.end };
            let written = &doc.text[subject.span.start..end];
            flags.flag(
                subject.span.start..end,
                0.75,
                format!(
                    "\"{written}\" negates twice: in English the two negatives cancel out, so the sentence says \
                     the opposite (\"Nobody had expected\", or \"Everybody had expected\")."
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
    fn flags_a_negative_subject_with_a_negated_verb() {
        assert_eq!(
            excerpts::<DoubleNegative>("Nobody had not expected him to keep up on the final climb."),
            ["Nobody had not"]
        );
        assert_eq!(excerpts::<DoubleNegative>("No one could not see the problem."), ["No one could not"]);
        assert_eq!(excerpts::<DoubleNegative>("Nothing is not possible, he said."), ["Nothing is not"]);
    }

    #[test]
    fn single_negatives_are_fine() {
        assert_no_flags::<DoubleNegative>("Nobody had expected him to keep up. Nothing is impossible.");
        assert_no_flags::<DoubleNegative>("It was not for nothing. No one knows. None of them had not paid.");
        assert_no_flags::<DoubleNegative>("Nobody noticed that he had not paid.");
    }
}
