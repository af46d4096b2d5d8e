//! # comparative-as
//!
//! ## What it does
//! Flags "as" after a comparative where English needs "than": "the effect was stronger as we
//! had expected", "prices rose faster as forecast", "more visitors as last year".
//!
//! ## Why it signals MT
//! German compares with "als" ("stärker als erwartet"), which MT renders "as", the other
//! meaning of "als". Some German speakers' "wie" after a comparative gives the same slip.
//!
//! ## Example
//! "The effect was stronger as we had expected." flags "stronger as".
//!
//! ## Known false positives
//! "As" after a comparative can introduce a role or a time ("stronger as a team", "more
//! tired as the day went on"): only "as" followed by a subject pronoun, a word of expectation
//! ("expected", "planned", "forecast", "usual", "before") or "in" and "last" is read, and never
//! "as well", "as of", "as a", "as the"; a pronoun counts only with a verb of expectation after
//! it ("as we had expected", not "louder as it went on").
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "minor")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::{Doc, Token};
use crate::flag::{Category, Severity};
use crate::lexicon::{word_key, SUBJECT_PRONOUNS};
use std::sync::LazyLock;

pub struct ComparativeAs;

/// The word key of "as", compared before the text.
static AS_KEY: LazyLock<u32> = LazyLock::new(|| word_key("as"));

/// Words after "as" that make it the German "als" of a comparison.
const COMPARED_WITH: [&str; 20] = [
    "i",
    "we",
    "you",
    "he",
    "she",
    "they",
    "it",
    "expected",
    "planned",
    "forecast",
    "predicted",
    "anticipated",
    "feared",
    "hoped",
    "usual",
    "before",
    "originally",
    "previously",
    "in",
    "last",
];

/// Verbs of expectation, which make "as we had expected" a comparison.
const EXPECTATIONS: [&str; 12] = [
    "expected",
    "thought",
    "feared",
    "hoped",
    "planned",
    "assumed",
    "anticipated",
    "believed",
    "imagined",
    "predicted",
    "forecast",
    "expect",
];

/// Comparatives that are not an adjective plus "-er".
const IRREGULAR_COMPARATIVES: [&str; 6] = ["more", "less", "fewer", "better", "worse", "further"];

/// Whether a token is a comparative: "more", "better", or an adjective in "-er" whose word
/// list entry holds it ("stronger", "higher", "earlier").
fn is_comparative(doc: &Doc, token: &Token) -> bool {
    let word = doc.lower(token);
    IRREGULAR_COMPARATIVES.contains(&word) || word.len() > 4 && word.ends_with("er") && token.lex.adjective()
}

impl Detector for ComparativeAs {
    const DECLARATION: Declaration =
        Declaration { id: "comparative-as", category: Category::Grammar, severity: Severity::Minor, version: 1 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        ComparativeAs
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        let tokens = &doc.tokens;
        for (at, as_token) in tokens.iter().enumerate().skip(1) {
            if as_token.key != *AS_KEY || !doc.is(as_token, "as") {
                continue;
            }
            let Some(next) = tokens.get(at + 1) else { continue };
            if doc.gap(as_token, next) != " " || !COMPARED_WITH.contains(&doc.lower(next)) {
                continue;
            }
            // "as we had expected", not the "as" of time ("grew louder as it went on").
            if SUBJECT_PRONOUNS.contains(&doc.lower(next))
                && !tokens[at + 2..tokens.len().min(at + 5)].iter().any(|t| EXPECTATIONS.contains(&doc.lower(t)))
            {
                continue;
            }
            // The comparative right before "as", or one word before it ("more visitors as").
            let comparative = (at.saturating_sub(2)..at).rev().find(|&i| {
                is_comparative(doc, &tokens[i])
                    && doc.text[tokens[i].span.end..as_token.span.start].trim().chars().all(char::is_alphanumeric)
            });
            let Some(comparative) = comparative else { continue };
            // "as long as", "as soon as": an "as" before the comparative pairs with this one.
            if comparative > 0 && doc.is(&tokens[comparative - 1], "as") {
                continue;
            }
            let span = tokens[comparative].span.start..as_token.span.end;
            let written = doc.slice(&span).to_string();
            flags
                .flag(
                    span,
                    0.7,
                    format!(
                        "\"{written}\": after a comparative English uses \"than\", not \"as\"; German \"als\" is both."
                    ),
                )
                .suggest(format!("{} than", &written[..written.len() - 2].trim_end()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts};
    use super::*;

    #[test]
    fn flags_as_after_a_comparative() {
        assert_eq!(excerpts::<ComparativeAs>("The effect was stronger as we had expected."), ["stronger as"]);
        assert_eq!(excerpts::<ComparativeAs>("Prices rose higher as forecast in spring."), ["higher as"]);
        assert_eq!(excerpts::<ComparativeAs>("The fair drew more visitors as last year."), ["more visitors as"]);
    }

    #[test]
    fn than_roles_and_paired_as_are_fine() {
        assert_no_flags::<ComparativeAs>("The effect was stronger than we had expected. They are stronger as a team.");
        assert_no_flags::<ComparativeAs>("It grew louder as the day went on. Prices are higher as of Monday.");
        assert_no_flags::<ComparativeAs>("The music grew louder as it went on. He ran faster as we watched.");
        assert_no_flags::<ComparativeAs>("Come as soon as you can. Stay as long as we like. It is better as well.");
    }
}
