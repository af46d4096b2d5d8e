//! How normal each word sequence is as English, by the trigram language model
//! ([`crate::language_model`]).
//!
//! Every word of every sentence is scored given the two words before it, from the sentence
//! start. Numbers are not scored (the model has no digits) and break the context, as do words
//! the model does not know. Besides the plain log-probability, each word gets its SLOR term:
//! its log-probability minus its unigram log-probability, which says how much more or less
//! likely the word is in this context than on its own, so that rare names and terms are not
//! punished for being rare (Pauls and Klein 2012; Lau, Clark and Lappin 2017).

use super::{Sentence, Token};
use crate::language_model::{History, LanguageModel, MODEL};

/// The model's view of one token.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WordProbability {
    /// log10 p(word | two words before); NaN for a token that is not scored.
    pub log10: f32,
    /// log10 p(word) on its own; NaN for a token that is not scored.
    pub unigram: f32,
}

impl WordProbability {
    pub const NOT_SCORED: WordProbability = WordProbability { log10: f32::NAN, unigram: f32::NAN };

    /// Whether the model knows the word and scored it.
    pub fn is_scored(&self) -> bool {
        !self.log10.is_nan()
    }

    /// How much likelier the word is in its context than on its own, in log10 units.
    pub fn slor(&self) -> f32 {
        self.log10 - self.unigram
    }
}

/// The language-model statistics of one sentence.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct SentenceFluency {
    /// Words scored (known to the model).
    pub scored: u32,
    /// Words the model does not know (numbers excluded).
    pub unknown: u32,
    pub log10_sum: f64,
    pub slor_sum: f64,
}

impl SentenceFluency {
    /// Mean log10 probability per known word; None without any.
    pub fn log10_per_word(&self) -> Option<f64> {
        (self.scored > 0).then(|| self.log10_sum / f64::from(self.scored))
    }

    /// Mean SLOR per known word; None without any.
    pub fn slor_per_word(&self) -> Option<f64> {
        (self.scored > 0).then(|| self.slor_sum / f64::from(self.scored))
    }

    /// Share of words (numbers excluded) the model does not know; None without words.
    pub fn unknown_share(&self) -> Option<f64> {
        let words = self.scored + self.unknown;
        (words > 0).then(|| f64::from(self.unknown) / f64::from(words))
    }

    pub fn add(&mut self, other: &SentenceFluency) {
        self.scored += other.scored;
        self.unknown += other.unknown;
        self.log10_sum += other.log10_sum;
        self.slor_sum += other.slor_sum;
    }
}

/// The language model's reading of a document.
#[derive(Debug, Clone, Default)]
pub struct Fluency {
    /// Indexed like the document's tokens.
    pub words: Vec<WordProbability>,
    /// Indexed like the document's sentences.
    pub sentences: Vec<SentenceFluency>,
}

impl Fluency {
    /// A word's probability; not scored when the language model did not run.
    #[inline]
    pub fn word(&self, token: usize) -> WordProbability {
        self.words.get(token).copied().unwrap_or(WordProbability::NOT_SCORED)
    }

    /// A sentence's statistics; empty when the language model did not run.
    #[inline]
    pub fn sentence(&self, sentence: usize) -> SentenceFluency {
        self.sentences.get(sentence).copied().unwrap_or_default()
    }
}

/// Scores every word of every sentence. `lower` is the text in lower case with the same byte
/// offsets, when there is one; otherwise each word is lower-cased on its own.
pub fn score(text: &str, lower: Option<&str>, tokens: &[Token], sentences: &[Sentence]) -> Fluency {
    let model: &LanguageModel = &MODEL;
    let mut words = vec![WordProbability::NOT_SCORED; tokens.len()];
    let mut sentence_stats = Vec::with_capacity(sentences.len());
    for sentence in sentences {
        let mut history = History::sentence_start(model);
        let mut stats = SentenceFluency::default();
        for index in sentence.tokens.clone() {
            let token = &tokens[index];
            if token.is_number() {
                history.push_unknown();
                continue;
            }
            let lowered;
            let word = match lower {
                Some(lower) => &lower[token.span.clone()],
                None => {
                    lowered = text[token.span.clone()].to_lowercase();
                    lowered.as_str()
                }
            };
            match word_id(model, word) {
                Some(id) => {
                    let log10 = history.push(model, id);
                    let unigram = model.unigram_log10(id);
                    words[index] = WordProbability { log10, unigram };
                    stats.scored += 1;
                    stats.log10_sum += f64::from(log10);
                    stats.slor_sum += f64::from(log10 - unigram);
                }
                None => {
                    history.push_unknown();
                    stats.unknown += 1;
                }
            }
        }
        sentence_stats.push(stats);
    }
    Fluency { words, sentences: sentence_stats }
}

/// The model's id of a lower-case word, reading a typographic apostrophe as the ASCII one the
/// model spells ("don’t" is "don't").
fn word_id(model: &LanguageModel, word: &str) -> Option<crate::language_model::WordId> {
    if word.contains('’') {
        model.id(&word.replace('’', "'"))
    } else {
        model.id(word)
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::Doc;

    #[test]
    fn numbers_are_skipped_and_unknown_words_counted() {
        let doc = Doc::new("The council met 12 times in 2022 with Zorblaxian envoys. It didn’t help.");
        let first = doc.fluency.sentences[0];
        // the council met times in with envoys: 7 known; zorblaxian unknown; 12 and 2022 skipped.
        assert_eq!((first.scored, first.unknown), (7, 1));
        assert!(first.unknown_share().is_some_and(|s| (s - 1.0 / 8.0).abs() < 1e-9));
        let second = doc.fluency.sentences[1];
        assert_eq!((second.scored, second.unknown), (3, 0), "the curly apostrophe is read as ASCII");
        let numbers: Vec<bool> = doc
            .tokens
            .iter()
            .zip(&doc.fluency.words)
            .filter(|(t, _)| t.is_number())
            .map(|(_, w)| w.is_scored())
            .collect();
        assert_eq!(numbers, [false, false]);
    }

    #[test]
    fn word_salad_has_a_lower_slor_than_the_same_words_in_order() {
        let fluent = Doc::new("The prices rose sharply in the third quarter of the year.");
        let salad = Doc::new("Quarter the rose of sharply year prices the in third the.");
        let (a, b) = (fluent.fluency.sentences[0], salad.fluency.sentences[0]);
        assert_eq!(a.scored, b.scored);
        assert!(a.slor_per_word().unwrap() > b.slor_per_word().unwrap() + 0.5, "{a:?} {b:?}");
        assert!(a.log10_per_word().unwrap() > b.log10_per_word().unwrap());
    }
}
