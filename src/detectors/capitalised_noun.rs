//! # capitalised-noun
//!
//! ## What it does
//! Flags a common noun written with a capital letter in the middle of a sentence when the same
//! article writes the same word in lower case elsewhere: "Motorists will pay more" after
//! "motorists" in the paragraph before, "a new Concept" beside "the concept".
//!
//! ## Why it signals MT
//! German capitalises every noun ("Autofahrer", "das Konzept"). Translators and MT working
//! word by word carry the capital over, and the article then writes one word two ways. A name
//! keeps its capital everywhere, so a lower-case twin in the same article shows that the word
//! is a common noun.
//!
//! ## Example
//! "The fee rises for motorists. Many Motorists already pay 40 francs." flags "Motorists".
//!
//! ## Known false positives
//! Words that English capitalises in one sense and not in another ("the State of Bavaria" and
//! "the state's budget", "the Church" and "a church"), and headlines: a sentence with many
//! capitalised words is title case and not looked at, nor is a capitalised word beside another
//! one (part of a name: "Federal Council") or after a colon, an opening quotation mark or a
//! bracket, where English may capitalise. A word after "the" or "this" ("the Party", "this
//! Company": a particular institution), a word joined to a capitalised one by "of", "for" or
//! "and" ("Department of Finance") and words inside quotation marks (titles) are left alone.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "minor")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::{Doc, Token};
use crate::flag::{Category, Severity};
use crate::lexicon::{DETERMINERS, FIRST_NAMES};

pub struct CapitalisedNoun;

/// A sentence with more than this share of capitalised words is title case (a headline).
const TITLE_CASE_SHARE: f32 = 0.4;

/// Words that open a sentence before a plural noun ("Many motorists"): not part of a name.
const QUANTIFIERS: [&str; 10] = ["many", "most", "some", "several", "all", "few", "more", "both", "other", "such"];

/// The shortest word looked at: short capitalised words are mostly names and abbreviations.
const MIN_LETTERS: usize = 4;

impl Detector for CapitalisedNoun {
    const DECLARATION: Declaration =
        Declaration { id: "capitalised-noun", category: Category::Spelling, severity: Severity::Minor, version: 1 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        CapitalisedNoun
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        for index in 0..doc.sentences.len() {
            let tokens = doc.sentence_tokens(index);
            // Most sentences have no capitalised dictionary word after their first: bit tests
            // rule them out before anything is counted.
            if !tokens.iter().skip(1).any(|t| t.capitalized && t.lex.english_word()) {
                continue;
            }
            let words = tokens.iter().filter(|t| t.has_letter).count();
            let capitalised = tokens.iter().filter(|t| t.capitalized).count();
            if words < 4 || capitalised as f32 > TITLE_CASE_SHARE * words as f32 {
                continue;
            }
            for at in 1..tokens.len() {
                let token = &tokens[at];
                if !is_candidate(doc, tokens, at) {
                    continue;
                }
                let lower = doc.lower(token);
                let twin = doc.tokens.iter().any(|t| !t.capitalized && t.key == token.key && doc.lower(t) == lower);
                if !twin {
                    continue;
                }
                let written = doc.word(token);
                flags
                    .flag(
                        token.span.clone(),
                        0.6,
                        format!(
                            "\"{written}\" is capitalised in the middle of a sentence, but the article writes \
                             \"{lower}\" elsewhere: a common noun with a capital carried over from German, \
                             which capitalises every noun."
                        ),
                    )
                    .suggest(lower.to_string());
            }
        }
    }
}

/// A capitalised English dictionary word of a few letters in the middle of a sentence, neither
/// beside another capitalised word nor after punctuation that may start a capitalised phrase.
fn is_candidate(doc: &Doc, tokens: &[Token], at: usize) -> bool {
    let token = &tokens[at];
    if !token.capitalized || !token.lex.english_word() || doc.word(token).chars().count() < MIN_LETTERS {
        return false;
    }
    let word = doc.word(token);
    if word.chars().skip(1).any(char::is_uppercase) || FIRST_NAMES.contains_key(word) {
        return false;
    }
    let previous = &tokens[at - 1];
    let gap = doc.gap(previous, token);
    // A capitalised word before it is part of the same name, unless it is the function word
    // that opens the sentence ("Many Motorists").
    let opener = at == 1 && {
        let first = doc.lower(previous);
        previous.lex.english_function() || DETERMINERS.contains(first) || QUANTIFIERS.contains(&first)
    };
    if previous.capitalized && !opener || !previous.has_letter || !gap.chars().all(|c| c == ' ') {
        return false;
    }
    // "the Party", "this Company": English capitalises a particular institution or event.
    if DEMONSTRATIVES.contains(&doc.lower(previous)) {
        return false;
    }
    // A word joined to a capitalised one by "of", "for" or "and" is part of a name: "Department
    // of Finance", "Ministry of Labour", "Mental Load of Women".
    let joined_before = at >= 2 && NAME_JOINERS.contains(&doc.lower(previous)) && tokens[at - 2].capitalized;
    let joined_after = tokens.get(at + 1).is_some_and(|t| NAME_JOINERS.contains(&doc.lower(t)))
        && tokens.get(at + 2).is_some_and(|t| t.capitalized);
    let next_capitalised = tokens.get(at + 1).is_some_and(|t| t.capitalized && doc.gap(token, t) == " ");
    // Titles in quotation marks keep their capitals: “Why our Children become Tyrants”.
    !joined_before
        && !joined_after
        && !next_capitalised
        && !doc.text[token.span.end..].starts_with(['-', '\''])
        && !doc.in_quotation(token.span.start)
}

/// Words before a capitalised noun that make it a particular one, which English may capitalise.
const DEMONSTRATIVES: [&str; 5] = ["the", "this", "that", "these", "those"];

/// Words that join the parts of a multi-word name.
const NAME_JOINERS: [&str; 4] = ["of", "for", "and", "&"];

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts};
    use super::*;

    #[test]
    fn flags_a_capitalised_common_noun_the_article_also_writes_in_lower_case() {
        let text = "The fee rises for motorists from next year. Many Motorists already pay 40 francs, the \
                    association said.";
        assert_eq!(excerpts::<CapitalisedNoun>(text), ["Motorists"]);
    }

    #[test]
    fn names_headlines_and_words_only_written_capitalised_are_fine() {
        assert_no_flags::<CapitalisedNoun>("Transport minister Martin Aebischer was disappointed with the vote.");
        assert_no_flags::<CapitalisedNoun>(
            "The Federal Council wanted a higher fee. The council of the canton agreed.",
        );
        assert_no_flags::<CapitalisedNoun>("Motorists Face Higher Fees as Council Raises Price\n\nThe motorists paid.");
        assert_no_flags::<CapitalisedNoun>("The mayor met Mr Baker. The baker on the corner sold bread to the mayor.");
        assert_no_flags::<CapitalisedNoun>(
            "The Department of Finance said finance was tight. Loyalty to the Party, a party.",
        );
        assert_no_flags::<CapitalisedNoun>("His book “Why our Children become Tyrants” is about children.");
    }
}
