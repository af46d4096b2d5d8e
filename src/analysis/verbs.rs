//! Guesses at which words of a sentence may be its verb, from the word lists alone: shared by
//! the detectors that look for a missing or misplaced verb.

use super::{Doc, Token};

/// Words after which a verb-looking word is a noun: "the plan", "no name", "two fights".
const NOUN_MARKERS: [&str; 22] = [
    "the", "a", "an", "no", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your",
    "every", "each", "some", "any", "of", "many", "few",
];

/// Whether the token at `i` of a sentence may be a verb: a verb form that is not capitalised
/// inside the sentence and does not follow a determiner, possessive, number or adjective.
pub fn possible_verb_at(doc: &Doc, tokens: &[Token], i: usize) -> bool {
    let token = &tokens[i];
    let lower = doc.lower(token);
    // Every contraction ends in an apostrophe ("'" or the last byte of "’") and one or two
    // letters: a look at two bytes spares nearly every word the fourteen comparisons.
    let bytes = lower.as_bytes();
    let apostrophe_near_end =
        (2..=3).any(|back| bytes.len() >= back && matches!(bytes[bytes.len() - back], b'\'' | 0x99));
    if apostrophe_near_end
        && ["’s", "'s", "n’t", "n't", "’re", "'re", "’ve", "'ve", "’ll", "'ll", "’m", "'m", "’d", "'d"]
            .iter()
            .any(|c| lower.ends_with(c))
    {
        return true;
    }
    if crate::lexicon::is_auxiliary(lower) {
        return true;
    }
    if token.capitalized && i > 0 {
        return false;
    }
    let Some(forms) = token.lex.verb() else { return false };
    let previous = i.checked_sub(1).map(|p| (doc.lower(&tokens[p]), tokens[p].lex));
    let after_noun_marker = previous
        .is_some_and(|(p, lex)| NOUN_MARKERS.contains(&p) || lex.adjective() || p.chars().all(|c| c.is_ascii_digit()));
    !after_noun_marker || forms.past || forms.gerund && !forms.base
}

/// Whether any word of the sentence may be its verb.
pub fn has_possible_verb(doc: &Doc, sentence: usize) -> bool {
    let tokens = doc.sentence_tokens(sentence);
    (0..tokens.len()).any(|i| possible_verb_at(doc, tokens, i))
}
