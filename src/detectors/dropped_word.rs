//! # dropped-word
//!
//! ## What it does
//! Flags a hole inside a sentence where a word was lost:
//! - an article, "every" or a possessive with nothing after it but a comma, a semicolon, a colon
//!   or a closing bracket, or directly followed by a preposition, a conjunction, another
//!   determiner or an auxiliary: "Buses will run every, the operator said", "She bought a new
//!   car and the in Berlin";
//! - "of" after an article and a noun, before a comma: "by the end of, the company said";
//! - a quantifier that needs a plural, with an adjective and no noun after it, before
//!   punctuation: "The team created chances but wasted several good."
//!
//! ## Why it signals MT
//! MT drops words it cannot place, most often the noun of a German compound or a time that
//! German puts elsewhere in the sentence ("bis Ende des Jahres"), and the determiner or
//! adjective that belonged to it stays behind. A sentence cut off at its end is
//! `cut-off-sentence`'s, and an article before a German extended attribute ("the in Berlin
//! based company") is `extended-attribute`'s; this detector reads the holes inside.
//!
//! ## Example
//! "About 40 jobs are to go by the end of, the company announced." flags "of,".
//!
//! ## Known false positives
//! Words quoted as words ("the article "the", he said") are skipped when a quote mark stands next
//! to them, and a capital "A" is read as a name or grade ("Plan A, then B"). "Oh my," is an
//! exclamation. Number words after a quantifier ("several hundred.") are English. A doubled
//! word ("the the") is `repeated-words`' to report; a word that opens a compound ("the
//! so-called", "an in-depth") is no hole; prepositions that modify numbers and adjectives ("the
//! near future", "the over 60s") and auxiliaries that are also nouns ("the will") are not read.
//! An article before a parenthetical ("found a, simply said, shambles") is flagged.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "major")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::{Doc, Token};
use crate::flag::{Category, Severity};
use crate::lexicon::{KeyFilter, DETERMINERS, NEEDS_A_NOUN};
use std::sync::LazyLock;

pub struct DroppedWord;

/// Quantifiers that take a plural noun, so that an adjective cannot end their phrase.
const PLURAL_QUANTIFIERS: [&str; 5] = ["several", "many", "numerous", "various", "few"];

/// Words after a plural quantifier that end its phrase in English: numbers and comparatives
/// ("several hundred", "many more").
const ENDS_A_QUANTITY: [&str; 8] = ["hundred", "thousand", "million", "billion", "dozen", "more", "less", "other"];

/// Prepositions that never modify an adjective or a number, so that none can follow an article
/// ("the near future", "the over 60s" and "the below conditions" can).
const CLOSED_PREPOSITIONS: [&str; 10] = ["of", "in", "on", "at", "to", "for", "with", "from", "by", "into"];

/// Auxiliaries that are not also nouns ("the will", "all your might", "a must" are English).
const AUXILIARIES_NEVER_NOUNS: [&str; 12] =
    ["is", "are", "was", "were", "has", "have", "had", "would", "could", "should", "does", "did"];

/// The word keys of every word that can start a hole, tested before the text.
static TRIGGER_KEYS: LazyLock<KeyFilter> =
    LazyLock::new(|| KeyFilter::of(NEEDS_A_NOUN.into_iter().chain(["every", "of"]).chain(PLURAL_QUANTIFIERS)));

impl Detector for DroppedWord {
    const DECLARATION: Declaration =
        Declaration { id: "dropped-word", category: Category::Omission, severity: Severity::Major, version: 1 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        DroppedWord
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        for index in 0..doc.sentences.len() {
            let tokens = doc.sentence_tokens(index);
            for at in 0..tokens.len().saturating_sub(1) {
                if !TRIGGER_KEYS.may_contain(tokens[at].key) {
                    continue;
                }
                let Some((end, what)) = hole_after(doc, tokens, at) else { continue };
                let written = &doc.text[tokens[at].span.start..tokens[end].span.end];
                flags.flag(
                    tokens[at].span.start..tokens[end].span.end,
                    0.7,
                    format!(
                        "\"{written}\" has no {what} after it: a word was dropped here, or the sentence was garbled."
                    ),
                );
            }
        }
    }
}

/// The index of the last token of a hole that opens at `at`, and what is missing after it.
fn hole_after(doc: &Doc, tokens: &[Token], at: usize) -> Option<(usize, &'static str)> {
    let next = &tokens[at + 1];
    let gap = doc.gap(&tokens[at], next);
    // Nearly always a content word follows after a space: ruled out by two bit tests.
    if gap == " " && !next.lex.english_function() && !next.lex.adjective() {
        return None;
    }
    let word = doc.lower(&tokens[at]);
    let before = at.checked_sub(1).map(|b| doc.gap(&tokens[b], &tokens[at])).unwrap_or("");
    if [before, gap].iter().any(|g| g.contains(['"', '“', '”', '\'', '‘', '’', '(', '/'])) {
        return None;
    }
    let clause_break = gap.trim_start().starts_with([',', ';', ':', ')']);
    if NEEDS_A_NOUN.contains(&word) || word == "every" {
        // "Plan A, then B", "Oh my, ...".
        let name_or_exclamation =
            doc.word(&tokens[at]) == "A" && at > 0 || word == "my" && at > 0 && doc.is(&tokens[at - 1], "oh");
        if name_or_exclamation {
            return None;
        }
        let next_word = doc.lower(next);
        // "the so-called", "an in-depth": the word opens a compound.
        let compound = tokens.get(at + 2).is_some_and(|t| doc.gap(next, t).starts_with('-'));
        let function_next = gap == " "
            && !next.capitalized
            && !compound
            && next_word != word
            && (CLOSED_PREPOSITIONS.contains(&next_word)
                || ["and", "or", "but"].contains(&next_word)
                || DETERMINERS.contains(next_word)
                || AUXILIARIES_NEVER_NOUNS.contains(&next_word));
        // "the in Berlin based company" is German word order, `extended-attribute`'s to report.
        let extended_attribute = || crate::analysis::phrases::extended_attribute_at(doc, tokens, at).is_some();
        return (clause_break || function_next && !extended_attribute()).then_some((at, "noun"));
    }
    if word == "of" {
        let noun_before = at >= 2
            && ["the", "a", "an"].contains(&doc.lower(&tokens[at - 2]))
            && tokens[at - 1].has_letter
            && !tokens[at - 1].lex.english_function();
        let comma = gap.trim_start().starts_with([',', ';']);
        return (comma && noun_before && !tokens[at - 1].lex.adjective()).then_some((at, "object"));
    }
    if !PLURAL_QUANTIFIERS.contains(&word) {
        return None; // A word whose key only resembles a trigger's.
    }
    // A plural quantifier and an adjective before punctuation: "wasted several good."
    let adjective = doc.lower(next);
    let after = tokens.get(at + 2).map_or_else(|| &doc.text[next.span.end..], |t| doc.gap(next, t));
    let ends = after.trim_start().starts_with([',', ';', ':', '.', '!', '?']);
    let lone_adjective = gap == " "
        && !next.capitalized
        && next.lex.adjective()
        && next.lex.verb().is_none()
        && !adjective.ends_with('s')
        && !ENDS_A_QUANTITY.contains(&adjective);
    (ends && lone_adjective).then_some((at + 1, "noun"))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts};
    use super::*;

    #[test]
    fn flags_a_determiner_left_before_a_comma_or_a_function_word() {
        assert_eq!(excerpts::<DroppedWord>("Buses will run every, the operator said."), ["every"]);
        assert_eq!(excerpts::<DroppedWord>("She bought a new car and the in Berlin."), ["the"]);
        assert_eq!(excerpts::<DroppedWord>("Prices for their, however, rose sharply."), ["their"]);
    }

    #[test]
    fn flags_of_without_its_object_before_a_comma() {
        assert_eq!(excerpts::<DroppedWord>("About 40 jobs will go by the end of, the company announced."), ["of"]);
    }

    #[test]
    fn flags_a_plural_quantifier_with_an_adjective_and_no_noun() {
        assert_eq!(excerpts::<DroppedWord>("The team created chances but wasted several good."), ["several good"]);
        assert_eq!(excerpts::<DroppedWord>("Many new, and some old, homes were sold."), ["Many new"]);
    }

    #[test]
    fn english_uses_of_the_same_words_are_fine() {
        assert_no_flags::<DroppedWord>("The more, the better. Plan A, then plan B. Oh my, what a day.");
        assert_no_flags::<DroppedWord>("The word \"the\", he said, is the most common. It is what it consists of.");
        assert_no_flags::<DroppedWord>("There were several hundred. We need many more, she said. Few others came.");
        assert_no_flags::<DroppedWord>("The club lost many games. She gave every child a book, and the rest of it.");
        assert_no_flags::<DroppedWord>("He met the mayor and the police chief at the town hall on Monday.");
        assert_no_flags::<DroppedWord>("Both were in the same boat, the other said. It was the first of many.");
        assert_no_flags::<DroppedWord>("The so-called ribbon plan needs an in-depth review in the near future.");
        assert_no_flags::<DroppedWord>("With the will of all, and with all your might. The the bridge was shut.");
        assert_no_flags::<DroppedWord>("The price is the higher of: the average or the floor.");
    }
}
