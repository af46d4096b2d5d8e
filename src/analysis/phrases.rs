//! Phrases that German word order builds and English does not, recognised from the word lists:
//! shared by the detectors that report them and those that must not mistake them for something
//! else.

use super::{Doc, Token};
use crate::lexicon::{is_preposition, DETERMINERS};

/// The most words between the preposition and the participle: "by the district council".
const MAX_PHRASE_WORDS: usize = 6;

/// Adverbials made of a preposition that English itself puts between an article and a
/// participle: "the at times heated debate".
const SET_ADVERBIALS: [(&str, &str); 5] =
    [("at", "times"), ("in", "part"), ("at", "least"), ("in", "particular"), ("by", "far")];

/// The index of the noun of an extended attribute that opens with the article at `at`: "the
/// [in Berlin based] company".
pub fn extended_attribute_at(doc: &Doc, tokens: &[Token], at: usize) -> Option<usize> {
    if !tokens[at].lex.english_function() {
        return None; // Nearly every token: a bit test.
    }
    let article = doc.lower(&tokens[at]);
    if !["the", "a", "an"].contains(&article) {
        return None;
    }
    let spaced = |i: usize| i < tokens.len() && doc.gap(&tokens[i - 1], &tokens[i]) == " ";
    let preposition = tokens.get(at + 1).filter(|_| spaced(at + 1))?;
    let preposition_word = doc.lower(preposition);
    let next_word = tokens.get(at + 2).map(|t| doc.lower(t)).unwrap_or("");
    if preposition.capitalized
        || !is_preposition(preposition_word)
        // "a of the crowd" has lost its noun; German attributes open with other prepositions.
        || preposition_word == "of"
        || SET_ADVERBIALS.contains(&(preposition_word, next_word))
    {
        return None;
    }
    for participle in at + 3..(at + 3 + MAX_PHRASE_WORDS).min(tokens.len().saturating_sub(1)) {
        if !spaced(participle) || !spaced(participle + 1) {
            return None;
        }
        let token = &tokens[participle];
        let is_participle = !token.capitalized
            && token.lex.verb().is_some_and(|f| f.participle || f.gerund)
            && !token.lex.english_function();
        let noun = &tokens[participle + 1];
        let noun_word = doc.lower(noun);
        let noun_follows = !noun.capitalized
            && noun.has_letter
            && !noun.lex.english_function()
            && !DETERMINERS.contains(noun_word)
            && noun.lex.verb().is_none_or(|f| f.base || f.third_person);
        if is_participle && noun_follows {
            return Some(participle + 1);
        }
        // The phrase holds only words of a noun phrase: articles, numbers, names, nouns, adjectives.
        let phrase_word = token.has_letter && (token.capitalized || !token.lex.english_function())
            || token.is_number()
            || DETERMINERS.contains(doc.lower(token));
        if !phrase_word {
            return None;
        }
    }
    None
}
