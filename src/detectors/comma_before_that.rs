//! # comma-before-that
//!
//! ## What it does
//! Flags a comma between a reporting or thinking verb and "that": "The union warns, that
//! strikes are possible", "He said, that he would resign".
//!
//! ## Why it signals MT
//! German puts a comma before every subordinate clause ("Die Gewerkschaft warnt, dass ...").
//! MT copies it; English never separates a verb from its "that" clause with a comma.
//!
//! ## Example
//! "The minister stressed, that the plan was final." flags ", that" and suggests " that".
//!
//! ## Known false positives
//! A comma that closes an inserted phrase before "that" ("He said, in a statement, that ...")
//! is allowed: only a verb directly before the comma counts. Reporting verbs come from
//! `data/lexicon/speech_verbs.txt` plus common thinking verbs.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "minor")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::Doc;
use crate::flag::{Category, Severity};
use crate::lexicon::SPEECH_VERBS;
use crate::lexicon::{shipped, WordList};
use std::sync::LazyLock;

pub struct CommaBeforeThat;

/// Verbs of thinking and knowing that take a "that" clause, in the forms news uses.
static THINKING_VERBS: LazyLock<WordList> =
    LazyLock::new(|| WordList::from_file(shipped!("data/lexicon/thinking_verbs.txt")));

impl Detector for CommaBeforeThat {
    const DECLARATION: Declaration =
        Declaration { id: "comma-before-that", category: Category::Grammar, severity: Severity::Minor, version: 1 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        CommaBeforeThat
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        for pair in doc.tokens.windows(2) {
            let (verb, that) = (&pair[0], &pair[1]);
            if !doc.is(that, "that") || doc.gap(verb, that) != ", " {
                continue;
            }
            let lower = doc.word(verb).to_lowercase();
            if !(SPEECH_VERBS.contains(&lower) || THINKING_VERBS.contains(lower.as_str())) || lower == "according" {
                continue;
            }
            flags.flag(verb.span.end..that.span.end, 0.8, format!("English does not put a comma between \"{}\" and its \"that\" clause; the comma is German punctuation (\", dass\").", doc.word(verb))).suggest(" that");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts};
    use super::*;

    #[test]
    fn flags_commas_between_reporting_verbs_and_that() {
        assert_eq!(excerpts::<CommaBeforeThat>("The union warns, that strikes are possible."), [", that"]);
        assert_eq!(excerpts::<CommaBeforeThat>("Police said, that two men were arrested."), [", that"]);
    }

    #[test]
    fn inserted_phrases_and_relative_clauses_are_fine() {
        assert_no_flags::<CommaBeforeThat>(
            "He said, in a statement, that he would resign. It was the plan, that much was clear.",
        );
        assert_no_flags::<CommaBeforeThat>("The union warned that strikes were possible.");
    }
}
