//! # orphan-attribution
//!
//! ## What it does
//! Flags a sentence that is nothing but a source and a speech verb: "“Moscow Times” reported.",
//! "Says the professor.", "According to the police."
//!
//! ## Why it signals MT
//! German news closes reported statements with an inverted attribution ("..., berichtete die
//! ‚Moscow Times‘."). When MT splits the sentence, the attribution is left standing alone and
//! the statement it belongs to reads as the newspaper's own claim.
//!
//! ## Example
//! "It consists of Belarusian and Russian fighters. “Moscow Times” reported." flags the second
//! sentence.
//!
//! ## Known false positives
//! A deliberate short answer in an interview transcript ("Smith said.") is rare in news but
//! would be flagged. Speech verbs come from `data/lexicon/speech_verbs.txt`.
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

pub struct OrphanAttribution;

/// Common nouns that name a source: "the police", "the news agency".
static SOURCE_NOUNS: LazyLock<WordList> =
    LazyLock::new(|| WordList::from_file(shipped!("data/lexicon/source_nouns.txt")));

/// A word that names a source: a name, or a person or source noun.
fn names_source(word: &str, capitalized: bool) -> bool {
    let lower = word.to_lowercase();
    capitalized || SOURCE_NOUNS.contains(lower.as_str()) || crate::lexicon::PERSON_NOUNS.contains_key(lower.as_str())
}

/// Whether the words in `range` form only a source: articles and source words, at least one of those.
fn source_only(doc: &Doc, tokens: &[crate::analysis::Token], range: std::ops::Range<usize>) -> bool {
    let article = |w: &str| ["the", "a", "an"].iter().any(|a| a.eq_ignore_ascii_case(w));
    let named = |i: usize| names_source(doc.word(&tokens[i]), tokens[i].capitalized && !article(doc.word(&tokens[i])));
    range.clone().all(|i| named(i) || article(doc.word(&tokens[i]))) && range.clone().any(named)
}

impl Detector for OrphanAttribution {
    const DECLARATION: Declaration =
        Declaration { id: "orphan-attribution", category: Category::Grammar, severity: Severity::Minor, version: 1 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        OrphanAttribution
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        for (index, sentence) in doc.sentences.iter().enumerate() {
            let tokens = doc.sentence_tokens(index);
            if tokens.len() < 2 || tokens.len() > 6 || !doc.ends_with_terminator(index) {
                continue;
            }
            let words: Vec<&str> = tokens.iter().map(|t| doc.word(t)).collect();
            let first = words[0].to_lowercase();
            let last = words[words.len() - 1].to_lowercase();
            let orphan = if SPEECH_VERBS.contains(&last) && last != "according" {
                // "“Moscow Times” reported."
                source_only(doc, tokens, 0..words.len() - 1)
            } else if SPEECH_VERBS.contains(&first) && first != "according" {
                // "Says the professor."
                source_only(doc, tokens, 1..words.len())
            } else if first == "according" && words.get(1).is_some_and(|w| w.eq_ignore_ascii_case("to")) {
                // "According to the police."
                words.len() > 2 && source_only(doc, tokens, 2..words.len())
            } else {
                false
            };
            if !orphan {
                continue;
            }
            flags.flag(sentence.span.clone(), 0.75, "This sentence only names a source and a speech verb; the statement it attributes was split off, so that statement now reads as the article's own claim.".to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts};
    use super::*;

    #[test]
    fn flags_attributions_standing_alone() {
        assert_eq!(
            excerpts::<OrphanAttribution>("The unit has 300 fighters. “Kyiv Post” reported. Nobody confirmed it."),
            ["“Kyiv Post” reported."]
        );
        assert_eq!(
            excerpts::<OrphanAttribution>("Prices will rise again. Says the economist."),
            ["Says the economist."]
        );
        assert_eq!(
            excerpts::<OrphanAttribution>("Two men were arrested. According to the police."),
            ["According to the police."]
        );
    }

    #[test]
    fn full_sentences_with_a_speech_verb_are_fine() {
        assert_no_flags::<OrphanAttribution>(
            "The mayor said the road stays closed. Reuters reported the deal on Monday.",
        );
        assert_no_flags::<OrphanAttribution>(
            "“We will win,” Weber said. According to the police, two men were arrested.",
        );
    }

    #[test]
    fn clean_news_gets_no_flags() {
        assert_no_flags::<OrphanAttribution>(
            "The airline cancelled 40 flights, a spokeswoman said. Passengers were offered new bookings. \
             The strike ends on Friday, the union announced.",
        );
    }
}
