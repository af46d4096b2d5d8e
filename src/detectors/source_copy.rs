//! # source-copy
//!
//! ## What it does
//! Flags an English segment that is its aligned source sentence copied unchanged, or nearly so
//! (at least 90% the same characters, ignoring case, spacing and punctuation). Runs only when
//! the input has a source column.
//!
//! ## Why it signals MT
//! MT systems pass through input they cannot handle: a sentence in dialect, one full of names,
//! one after a formatting glitch. The copy is German, so the reader gets nothing.
//!
//! ## Example
//! Source "Die Feuerwehr war mit drei Fahrzeugen vor Ort.", translation "Die Feuerwehr war mit
//! drei Fahrzeugen vor Ort." is flagged.
//!
//! ## Known false positives
//! None expected for German text: a segment is flagged only if it has at least two German words
//! in lower case (so names, titles, numbers and English quotations that stay the same in
//! translation are left alone). A copy that the `non-translation` detector already flags as a
//! whole German sentence is not flagged again.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "critical")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::foreign::is_non_translated;
use crate::analysis::{Doc, Token};
use crate::flag::{Category, Severity};
use crate::lexicon::GERMAN_FUNCTION_WORDS;
use crate::lexicon::GERMAN_WORDS;

pub struct SourceCopy;

/// Similarity above which a segment counts as a copy.
const COPY_SIMILARITY: f64 = 0.9;

/// Letters and digits only, in lower case: what must survive for a segment to be a copy.
fn normalised(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Lower-case words that are German, not English or names.
fn german_words(text: &str, tokens: &[Token]) -> usize {
    tokens
        .iter()
        .filter(|t| t.has_letter && !t.capitalized)
        .map(|t| text[t.span.clone()].to_lowercase())
        .filter(|w| GERMAN_FUNCTION_WORDS.contains(w) || GERMAN_WORDS.get(w.as_str()) == Some(&false))
        .count()
}

impl Detector for SourceCopy {
    const DECLARATION: Declaration =
        Declaration { id: "source-copy", category: Category::NonTranslation, severity: Severity::Critical, version: 1 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        SourceCopy
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        let Some(source) = &doc.source else { return };
        for (index, link, target_span) in doc.aligned_links() {
            if link.target.clone().all(|segment| is_non_translated(doc, segment)) {
                continue; // Already a non-translation flag.
            }
            let target_tokens = doc.tokens_of_links(index..index + 1);
            if german_words(doc.text, target_tokens) < 2 {
                continue;
            }
            let (source_text, target_text) =
                (normalised(&source.text[source.span_of(link)]), normalised(&doc.text[target_span.clone()]));
            let similarity = strsim::normalized_levenshtein(&source_text, &target_text);
            if similarity < COPY_SIMILARITY {
                continue;
            }
            flags.flag(
                target_span.clone(),
                0.9,
                format!(
                    "This segment is its German source copied {}: it was not translated.",
                    if similarity >= 0.999 { "unchanged" } else { "almost unchanged" }
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flagged(source: &str, target: &str) -> Vec<String> {
        super::super::test_support::excerpts_with_source::<SourceCopy>(source, target)
    }

    #[test]
    fn flags_a_copied_short_german_sentence() {
        // Three words: too short for language identification, so non-translation cannot see it.
        assert_eq!(flagged("Das ist schlimm.", "Das ist schlimm."), ["Das ist schlimm."]);
        assert_eq!(flagged("Der Rat tagte. Es ist schlimm.", "The council met. Es ist schlimm"), ["Es ist schlimm"]);
    }

    #[test]
    fn names_titles_and_translations_are_not_flagged() {
        assert!(flagged("Bayern München – Borussia Dortmund 2:1", "Bayern München – Borussia Dortmund 2:1").is_empty());
        assert!(flagged("„Make America great again“, rief er.", "“Make America great again,” he shouted.").is_empty());
        assert!(flagged("Der Rat tagte am Montag.", "The council met on Monday.").is_empty());
    }
}
