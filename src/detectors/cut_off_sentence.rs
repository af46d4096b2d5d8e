//! # cut-off-sentence
//!
//! ## What it does
//! Flags sentences that stop in the middle:
//! - a sentence whose last word is an article, a possessive, a coordinating conjunction or "of"
//!   ("... and the.", "... in front of.");
//! - the last sentence of a paragraph of running text that has no end punctuation at all
//!   ("The next rally is planned for Friday").
//!
//! ## Why it signals MT
//! MT output is truncated when a length limit cuts the generation, when a segment boundary
//! falls inside a sentence, or when the German verb at the end of the clause is lost.
//!
//! ## Example
//! "The police closed the road and the." is flagged.
//!
//! ## Known false positives
//! Headlines, captions and list items have no end punctuation; a paragraph of one sentence is
//! taken as a heading and skipped. Prepositions that English may leave at the end ("what they
//! came for") and "to" ("he wanted to") are allowed, and so is "of" after a participle, an
//! adjective, "care" or "rid" ("he needed to be taken care of", "nothing to be afraid of"). Text that puts list items inside a
//! paragraph line can be flagged.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "minor")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::Doc;
use crate::flag::{Category, Severity};
use crate::lexicon::NEEDS_A_NOUN;

pub struct CutOffSentence;

/// Words that cannot end an English sentence, beside the articles and possessives of
/// [`NEEDS_A_NOUN`].
const CONJUNCTIONS_AND_OF: [&str; 5] = ["and", "or", "but", "nor", "of"];

/// Words before a final "of" that English leaves there: "taken care of", "got rid of", "what
/// it consists of".
const TAKES_FINAL_OF: [&str; 4] = ["care", "rid", "consist", "consists"];

/// Words that make a preposition with "of", which needs its object: "in front of", "on top of".
const COMPOUND_PREPOSITIONS: [&str; 8] = ["front", "top", "ahead", "instead", "because", "out", "spite", "behalf"];

/// Whether the sentence ends on an "of" that English strands on purpose: after a participle
/// ("what he was accused of", "made of"), an adjective ("nothing to be afraid of", "proud of")
/// or a word of [`TAKES_FINAL_OF`].
fn stranded_of(doc: &Doc, tokens: &[crate::analysis::Token]) -> bool {
    let [.., two_back, before, last] = tokens else { return false };
    // An adjective strands "of" when it is predicative ("to be afraid of", "so proud of"); after
    // an article it is a noun ("who had the right of.").
    let predicative = LINKING_WORDS.contains(&doc.lower(two_back));
    doc.is(last, "of")
        && !COMPOUND_PREPOSITIONS.contains(&doc.lower(before))
        && (before.lex.verb().is_some_and(|f| f.participle)
            || before.lex.adjective() && predicative
            || TAKES_FINAL_OF.contains(&doc.lower(before)))
}

/// Words before a predicative adjective: forms of "be" and linking verbs, and intensifiers.
const LINKING_WORDS: [&str; 16] = [
    "be", "is", "are", "was", "were", "been", "being", "feel", "felt", "seem", "seemed", "so", "very", "too", "really",
    "quite",
];

impl Detector for CutOffSentence {
    const DECLARATION: Declaration =
        Declaration { id: "cut-off-sentence", category: Category::Grammar, severity: Severity::Minor, version: 2 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        CutOffSentence
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        for (index, sentence) in doc.sentences.iter().enumerate() {
            let tokens = doc.sentence_tokens(index);
            let Some(last) = tokens.last() else { continue };
            let word = doc.word(last);
            let tail = &doc.text[last.span.end..sentence.span.end];
            let dangling = NEEDS_A_NOUN.iter().chain(&CONJUNCTIONS_AND_OF).any(|d| d.eq_ignore_ascii_case(word))
                && tokens.len() >= 3
                && !tail.contains(['”', '"'])
                && !stranded_of(doc, tokens);
            let paragraph = &doc.paragraphs[sentence.paragraph];
            let unterminated = paragraph.sentences.len() >= 2
                && index + 1 == paragraph.sentences.end
                && !doc.ends_with_terminator(index)
                && tokens.len() >= 4
                && !doc.is_heading(index);
            let message = if dangling {
                format!(
                    "The sentence ends on \"{word}\", which cannot end an English sentence: the rest of it is missing."
                )
            } else if unterminated {
                "The paragraph ends in the middle of a sentence, with no end punctuation: the text may be truncated."
                    .to_string()
            } else {
                continue;
            };
            let start = if dangling { last.span.start } else { tokens[tokens.len().saturating_sub(3)].span.start };
            flags.flag(start..sentence.span.end, if dangling { 0.8 } else { 0.6 }, message);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts};
    use super::*;

    #[test]
    fn flags_sentences_that_end_on_a_function_word() {
        assert_eq!(excerpts::<CutOffSentence>("Police closed the road and the. Traffic was diverted."), ["the."]);
    }

    #[test]
    fn flags_paragraphs_that_stop_without_punctuation() {
        let text = "Thousands protested in the capital. The next rally is planned for Friday\nPolice were calm.";
        assert_eq!(excerpts::<CutOffSentence>(text), ["planned for Friday"]);
    }

    #[test]
    fn headings_and_allowed_endings_are_fine() {
        assert_no_flags::<CutOffSentence>("Budget talks collapse\nThe talks failed. Nobody knew what they came for.");
        assert_no_flags::<CutOffSentence>("He had promised to come. In the end he did not want to.");
        assert_no_flags::<CutOffSentence>("He no longer needed to be taken care of. It is what he was accused of.");
        assert_no_flags::<CutOffSentence>("There is nothing to be afraid of. It is what the wall is made of.");
        assert_eq!(excerpts::<CutOffSentence>("He stood in front of. Then he left."), ["of."]);
        assert_eq!(excerpts::<CutOffSentence>("She missed the rider, who had the right of."), ["of."]);
    }

    #[test]
    fn clean_news_gets_no_flags() {
        assert_no_flags::<CutOffSentence>(
            "Storm warning for the coast\n\nForecasters expect winds of up to 120 km/h on Sunday. Ferries to the \
             islands will not run, the operator said.",
        );
    }
}
