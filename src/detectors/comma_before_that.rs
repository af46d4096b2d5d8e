//! # comma-before-that
//!
//! ## What it does
//! Flags a comma between a reporting or thinking verb and "that": "The union warns, that
//! strikes are possible", "He said, that he would resign", "Experts point out, that …".
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
use crate::analysis::{Doc, Token};
use crate::flag::{Category, Severity};
use crate::lexicon::{lemma, SPEECH_VERBS};
use crate::lexicon::{shipped, WordList};
use std::sync::LazyLock;

pub struct CommaBeforeThat;

/// Verbs of thinking and knowing that take a "that" clause, in the forms news uses.
static THINKING_VERBS: LazyLock<WordList> =
    LazyLock::new(|| WordList::from_file(shipped!("data/lexicon/thinking_verbs.txt")));

/// Verbs that report with a particle ("points out, that", "found out, that", "made clear,
/// that"), by lemma.
const PARTICLE_VERBS: [(&str, &str); 6] =
    [("point", "out"), ("find", "out"), ("figure", "out"), ("work", "out"), ("make", "clear"), ("rule", "out")];

/// Whether the token is the particle of a reporting verb: "out" in "Experts point out".
fn reporting_particle(doc: &Doc, verb: &Token, particle: &Token) -> bool {
    let lower = doc.lower(particle);
    if doc.gap(verb, particle) != " " {
        return false;
    }
    let verb_lemma = lemma(doc.lower(verb));
    PARTICLE_VERBS.iter().any(|&(v, p)| p == lower && v == verb_lemma)
}

impl Detector for CommaBeforeThat {
    const DECLARATION: Declaration =
        Declaration { id: "comma-before-that", category: Category::Grammar, severity: Severity::Minor, version: 2 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        CommaBeforeThat
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        for (at, pair) in doc.tokens.windows(2).enumerate() {
            let (verb, that) = (&pair[0], &pair[1]);
            if !doc.is(that, "that") || doc.gap(verb, that) != ", " {
                continue;
            }
            let lower = doc.word(verb).to_lowercase();
            let reporting = SPEECH_VERBS.contains(&lower) || THINKING_VERBS.contains(lower.as_str());
            if !(reporting || at > 0 && reporting_particle(doc, &doc.tokens[at - 1], verb)) || lower == "according" {
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
        assert_eq!(excerpts::<CommaBeforeThat>("Doctors pointed out, that the risk is small."), [", that"]);
        assert_eq!(excerpts::<CommaBeforeThat>("The firm made clear, that it will appeal."), [", that"]);
    }

    #[test]
    fn inserted_phrases_and_relative_clauses_are_fine() {
        assert_no_flags::<CommaBeforeThat>(
            "He said, in a statement, that he would resign. It was the plan, that much was clear.",
        );
        assert_no_flags::<CommaBeforeThat>("The union warned that strikes were possible.");
        assert_no_flags::<CommaBeforeThat>("Turn the lights out, that is the rule. It was clear, that much was true.");
    }
}
