//! # want-that
//!
//! ## What it does
//! Flags "want" followed by a "that" clause: "We want that families can still afford to live
//! here", "The union wants that the talks resume". English says "want families to be able to
//! afford", "wants the talks to resume".
//!
//! ## Why it signals MT
//! German "wollen, dass" and "möchten, dass" take a clause. Word-for-word MT keeps the "that"
//! and the clause, which English "want" cannot take.
//!
//! ## Example
//! "We want that families with normal incomes can still live in the city." flags "want that".
//!
//! ## Known false positives
//! "That" as a demonstrative is English ("I want that book", "they want that deal done", "we
//! want that to change"): only a "that" followed by a subject and then, within a few words, a
//! modal, an auxiliary or a finite verb that cannot be a participle is flagged ("want that car
//! washed" is left alone), and a "that" followed by "to", a past participle or the
//! end of the clause is left alone. "Wish that" and "ask that" are English and not looked at.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "minor")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::Doc;
use crate::flag::{Category, Severity};
use crate::lexicon::{is_auxiliary, opens_clause, verb_forms, word_key, COORDINATORS, MODALS, SUBJECT_PRONOUNS};
use std::sync::LazyLock;

pub struct WantThat;

/// The word key of "that", compared before the text.
static THAT_KEY: LazyLock<u32> = LazyLock::new(|| word_key("that"));

const WANT_FORMS: [&str; 4] = ["want", "wants", "wanted", "wanting"];

/// How many words after "that" the clause's verb may stand.
const CLAUSE_REACH: usize = 6;

impl Detector for WantThat {
    const DECLARATION: Declaration =
        Declaration { id: "want-that", category: Category::Grammar, severity: Severity::Minor, version: 2 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        WantThat
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        for pair in doc.tokens.windows(2) {
            let (want, that) = (&pair[0], &pair[1]);
            // Keys first: one integer comparison rules out nearly every pair.
            if that.key != *THAT_KEY || !doc.is(that, "that") {
                continue;
            }
            if doc.gap(want, that) != " " || !WANT_FORMS.contains(&doc.lower(want)) {
                continue;
            }
            if !clause_follows(doc, that) {
                continue;
            }
            let written = &doc.text[want.span.start..that.span.end];
            flags.flag(
                want.span.start..that.span.end,
                0.7,
                format!(
                    "\"{written}\" with a clause renders German \"wollen, dass\"; English \"want\" takes an \
                     object and an infinitive (\"want them to ...\")."
                ),
            );
        }
    }
}

/// Whether a clause with a subject and a verb follows `that`, in its sentence and without
/// punctuation between.
fn clause_follows(doc: &Doc, that: &crate::analysis::Token) -> bool {
    let Some(at) = doc.tokens.iter().position(|t| t.span.start == that.span.start) else { return false };
    let after: Vec<&crate::analysis::Token> = doc.tokens[at + 1..].iter().take(CLAUSE_REACH + 1).collect();
    let Some(first) = after.first() else { return false };
    if doc.gap(that, first) != " " {
        return false;
    }
    let first_word = doc.lower(first);
    if SUBJECT_PRONOUNS.contains(&first_word) {
        return true;
    }
    // "want that to change", "want that done": a demonstrative.
    if first_word == "to" || verb_forms(first_word).is_some_and(|f| f.participle || f.past) {
        return false;
    }
    let mut previous = *first;
    for token in after.iter().skip(1) {
        if doc.gap(previous, token) != " " {
            return false;
        }
        let word = doc.lower(token);
        if MODALS.contains(&word) || is_auxiliary(word) && !["been", "being", "be"].contains(&word) {
            return true;
        }
        // "wants that the council decides": a finite verb after the subject. A form that may be
        // a participle is left alone ("want that car washed").
        if verb_forms(word).is_some_and(|f| f.third_person || f.past && !f.participle) && !token.lex.english_function()
        {
            return true;
        }
        if word == "to" || opens_another_clause(word) {
            return false;
        }
        previous = token;
    }
    false
}

/// Whether `word` opens another clause, whose verb says nothing about the "that": "want that
/// house because it is big".
fn opens_another_clause(word: &str) -> bool {
    opens_clause(word) || COORDINATORS.contains(&word) || word == "than"
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts};
    use super::*;

    #[test]
    fn flags_want_with_a_that_clause() {
        assert_eq!(
            excerpts::<WantThat>("We want that families with normal incomes can still live in the city."),
            ["want that"]
        );
        assert_eq!(excerpts::<WantThat>("The union wants that the talks are resumed."), ["wants that"]);
        assert_eq!(excerpts::<WantThat>("She wanted that we stay."), ["wanted that"]);
        assert_eq!(excerpts::<WantThat>("The mayor wants that the council decides soon."), ["wants that"]);
    }

    #[test]
    fn that_as_a_demonstrative_is_fine() {
        assert_no_flags::<WantThat>("I want that book. They want that deal done by Friday. We want that to change.");
        assert_no_flags::<WantThat>("Nobody wanted that. Do you want that one or the other?");
        assert_no_flags::<WantThat>("They want that house because it is big.");
        assert_no_flags::<WantThat>("They want that car washed. We want that plan stopped.");
        assert_no_flags::<WantThat>("They wish that the talks resume. He asked that the vote be delayed.");
    }
}
