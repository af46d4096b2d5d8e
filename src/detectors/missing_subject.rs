//! # missing-subject
//!
//! ## What it does
//! Flags a subordinate clause that opens with an auxiliary or modal verb where its subject
//! should be: "suspended because had cooperated fully", "although was injured", "unless can
//! be agreed". English needs the subject ("because she had cooperated").
//!
//! ## Why it signals MT
//! German clauses can leave the subject to the verb's ending or to the clause before, and MT
//! that carries the clause over word for word drops the pronoun. The reader cannot tell who
//! did what.
//!
//! ## Example
//! "The sentence was suspended because had cooperated fully." flags "because had".
//!
//! ## Known false positives
//! Only "because", "although", "though", "whereas" and "unless" are read: after "as", "than",
//! "that", "when" and "if" an auxiliary can open a correct clause ("as had been expected",
//! "more than was needed", "the man that had left"). A verb other than an auxiliary or modal is
//! not read, since a noun may look like one ("because prices rise"). In a question the subject
//! follows the auxiliary ("Because does that sound like much?"), so questions are not read.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "major")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::Doc;
use crate::flag::{Category, Severity};
use crate::lexicon::KeyFilter;
use std::sync::LazyLock;

pub struct MissingSubject;

/// The word keys of [`CONJUNCTIONS`], tested before the text.
static CONJUNCTION_KEYS: LazyLock<KeyFilter> = LazyLock::new(|| KeyFilter::of(CONJUNCTIONS));

/// Conjunctions that must be followed by a subject.
const CONJUNCTIONS: [&str; 5] = ["because", "although", "though", "whereas", "unless"];

/// Finite auxiliaries and modals, which never open a clause without a subject after those
/// conjunctions.
const FINITE_AUXILIARIES: [&str; 20] = [
    "is", "are", "was", "were", "has", "have", "had", "does", "did", "do", "will", "would", "can", "could", "shall",
    "should", "may", "might", "must", "am",
];

impl Detector for MissingSubject {
    const DECLARATION: Declaration =
        Declaration { id: "missing-subject", category: Category::Omission, severity: Severity::Major, version: 1 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        MissingSubject
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        let filter: &KeyFilter = &CONJUNCTION_KEYS;
        for (at, conjunction) in doc.tokens.iter().enumerate() {
            if !filter.may_contain(conjunction.key) {
                continue;
            }
            let Some(verb) = doc.tokens.get(at + 1) else { continue };
            if doc.gap(conjunction, verb) != " " {
                continue;
            }
            let opener = doc.lower(conjunction);
            if !CONJUNCTIONS.contains(&opener) || !FINITE_AUXILIARIES.contains(&doc.lower(verb)) {
                continue;
            }
            // "Because does that sound like much?": in a question the subject follows the verb.
            let sentence_end =
                doc.sentences.iter().find(|s| s.span.contains(&conjunction.span.start)).map(|s| s.span.end);
            if sentence_end.is_some_and(|end| doc.text[verb.span.end..end].trim_end().ends_with('?')) {
                continue;
            }
            flags.flag(
                conjunction.span.start..verb.span.end,
                0.7,
                format!(
                    "\"{}\" has no subject: the clause after \"{opener}\" starts with its verb. German can leave \
                     the subject out; English cannot (\"{opener} she {}\").",
                    doc.slice(&(conjunction.span.start..verb.span.end)),
                    doc.word(verb)
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
    fn flags_a_clause_without_its_subject() {
        assert_eq!(
            excerpts::<MissingSubject>("Her sentence was suspended because had cooperated fully."),
            ["because had"]
        );
        assert_eq!(excerpts::<MissingSubject>("He played on, although was injured."), ["although was"]);
        assert_eq!(excerpts::<MissingSubject>("Nothing changes unless can be agreed."), ["unless can"]);
    }

    #[test]
    fn clauses_with_subjects_and_other_conjunctions_are_fine() {
        assert_no_flags::<MissingSubject>("It was suspended because she had cooperated. Although it was late, we met.");
        assert_no_flags::<MissingSubject>("As had been expected, prices rose more than was needed.");
        assert_no_flags::<MissingSubject>("The man that had left came back because of the rain.");
        assert_no_flags::<MissingSubject>("It rained, though. Was it worth it? Because prices rise, we save.");
        assert_no_flags::<MissingSubject>("Because does that sound like so much time?");
    }
}
