//! Whether a sentence of the English text was left in another language: shared by the detectors
//! that report untranslated sentences, copied sources and untranslated words.

use super::Doc;

/// A sentence reliably identified as another language, with under 15% English function words
/// and mostly foreign lower-case words (names are capitalised, so a sentence of English verbs
/// between German names is not taken for German).
pub fn is_non_translated(doc: &Doc, sentence: usize) -> bool {
    let lang = &doc.sentence_langs[sentence];
    if !lang.is_reliably_foreign() || lang.confidence.is_none_or(|c| c < 0.5) {
        return false;
    }
    let tokens = doc.sentence_tokens(sentence);
    let words = tokens.iter().filter(|t| t.has_letter).count();
    let english = tokens.iter().filter(|t| t.lex.english_function()).count();
    let lower_case: Vec<&str> = tokens.iter().filter(|t| t.has_letter && !t.capitalized).map(|t| doc.word(t)).collect();
    let foreign = lower_case.iter().filter(|w| !crate::lexicon::ENGLISH_WORDS.contains(w)).count();
    words >= super::lang::MIN_WORDS_TO_MEASURE
        && (english as f32) < 0.15 * words as f32
        && foreign >= 2
        && foreign * 2 >= lower_case.len()
}
