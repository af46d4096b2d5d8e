//! # so-after-article
//!
//! ## What it does
//! Flags "so" between an article and an adjective: "after a so bad result", "a so important
//! decision", "the so popular market". English says "such a bad result", "so important a
//! decision", or drops "so" ("the very popular market").
//!
//! ## Why it signals MT
//! German puts "so" inside the noun phrase ("ein so schlechtes Ergebnis", "der so beliebte
//! Markt"); word-for-word MT and German writers keep the order, which English does not allow.
//!
//! ## Example
//! "After a so bad result, the coach was under pressure." flags "a so bad".
//!
//! ## Known false positives
//! "So-called" is English and is left alone, written with a hyphen or without one, and so are
//! "so far", "so many" and "so much". Only an
//! adjective of the word list, or a word with an adjective ending, after "so" is flagged, and
//! only when a noun-like word (not a function word, not "that" or "as") follows it.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "minor")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::Doc;
use crate::flag::{Category, Severity};
use crate::lexicon::word_key;
use std::sync::LazyLock;

pub struct SoAfterArticle;

/// The word key of "so", compared before the text.
static SO_KEY: LazyLock<u32> = LazyLock::new(|| word_key("so"));

const ARTICLES: [&str; 3] = ["a", "an", "the"];

/// Endings that make a word an adjective when the word list, which holds the adjectives with
/// comparative forms, lacks it: "important", "popular", "successful".
const ADJECTIVE_ENDINGS: [&str; 10] = ["ant", "ent", "ful", "ive", "ous", "al", "ar", "ic", "able", "ible"];

impl Detector for SoAfterArticle {
    const DECLARATION: Declaration =
        Declaration { id: "so-after-article", category: Category::Grammar, severity: Severity::Minor, version: 1 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        SoAfterArticle
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        for window in doc.tokens.windows(4) {
            let [article, so, adjective, noun] = window else { continue };
            if so.key != *SO_KEY || !doc.is(so, "so") || !ARTICLES.contains(&doc.lower(article)) {
                continue;
            }
            let spaced =
                doc.gap(article, so) == " " && doc.gap(so, adjective) == " " && doc.gap(adjective, noun) == " ";
            let word = doc.lower(adjective);
            let adjective_like = adjective.lex.adjective()
                || ADJECTIVE_ENDINGS.iter().any(|e| word.len() > e.len() + 2 && word.ends_with(e));
            let noun_follows = noun.has_letter && !noun.lex.english_function();
            if !spaced || ["called", "far", "many", "much"].contains(&word) || !adjective_like || !noun_follows {
                continue;
            }
            let written = &doc.text[article.span.start..adjective.span.end];
            flags.flag(
                article.span.start..adjective.span.end,
                0.75,
                format!(
                    "\"{written}\" puts \"so\" inside the noun phrase, German order (\"ein so …\"); English says \
                     \"such a …\" or \"so … a\"."
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
    fn flags_so_between_an_article_and_an_adjective() {
        assert_eq!(excerpts::<SoAfterArticle>("After a so bad result, the coach was under pressure."), ["a so bad"]);
        assert_eq!(excerpts::<SoAfterArticle>("It was a so important decision for the town."), ["a so important"]);
    }

    #[test]
    fn so_called_and_english_uses_of_so_are_fine() {
        assert_no_flags::<SoAfterArticle>("The so-called reform and the so called experts failed.");
        assert_no_flags::<SoAfterArticle>("It was such a bad result. The result was so bad that he left.");
        assert_no_flags::<SoAfterArticle>("He did not expect a result so bad. She paid the so far highest price.");
    }
}
