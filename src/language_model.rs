//! The English trigram language model: how probable a word is after the two words before it.
//!
//! The model is CMU Sphinx's US English trigram model (BSD-2-Clause), converted by
//! `scripts/data/build_language_model.py` into `data/lm/en-us.lm`, whose byte layout
//! `data/lm/README.md` describes. It is compiled into the binary and read in place: start-up
//! only checks the header and builds a word-to-id map of its 72,547 words.
//!
//! Scores are log10 probabilities with Katz backoff. The vocabulary is lower case, without
//! punctuation or digits, so callers pass lower-case words and leave numbers out.

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

static BYTES: &[u8] = include_bytes!("../data/lm/en-us.lm");

/// The model, parsed on first use.
pub static MODEL: LazyLock<LanguageModel> =
    LazyLock::new(|| LanguageModel::parse(BYTES).expect("data/lm/en-us.lm is the committed, checked model"));

/// A word's id in the model's vocabulary.
pub type WordId = u32;

const HEADER_LEN: usize = 96;
const UNIGRAM_LEN: usize = 6;
const BIGRAM_LEN: usize = 9;
const TRIGRAM_LEN: usize = 4;

/// Codebook indexes, in file order.
const UNIGRAM_PROB: usize = 0;
const UNIGRAM_BACKOFF: usize = 1;
const BIGRAM_PROB: usize = 2;
const BIGRAM_BACKOFF: usize = 3;
const TRIGRAM_PROB: usize = 4;

/// A trigram model read in place from its bytes.
pub struct LanguageModel {
    codebooks: [[f32; 256]; 5],
    ids: FxHashMap<&'static str, WordId>,
    unigrams: &'static [u8],
    bigrams: &'static [u8],
    trigrams: &'static [u8],
    vocabulary_size: usize,
    bigram_count: usize,
    sentence_start: WordId,
    /// The score of a word the model does not know.
    pub unknown_log10: f32,
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(bytes[at..at + 4].try_into().expect("four bytes"))
}

fn u24_at(bytes: &[u8], at: usize) -> u32 {
    u32::from(bytes[at]) | u32::from(bytes[at + 1]) << 8 | u32::from(bytes[at + 2]) << 16
}

impl LanguageModel {
    /// Checks the header and every section's size, and maps the vocabulary.
    pub fn parse(bytes: &'static [u8]) -> Result<LanguageModel, String> {
        if bytes.len() < HEADER_LEN || &bytes[..8] != b"MTQE_LM\0" {
            return Err("not an mtqe language model (bad magic)".into());
        }
        let field = |at: usize| u32_at(bytes, at) as usize;
        if field(8) != 1 || field(12) != HEADER_LEN || field(16) != 3 {
            return Err("unsupported model version, header length or order".into());
        }
        if field(88) != bytes.len() {
            return Err(format!("the model says it has {} bytes but has {}", field(88), bytes.len()));
        }
        let (vocabulary_size, bigram_count, trigram_count) = (field(20), field(24), field(28));
        let section = |at: usize, expected: usize, name: &str| -> Result<&'static [u8], String> {
            let (offset, length) = (field(at), field(at + 4));
            if length != expected || offset + length > bytes.len() {
                return Err(format!("the {name} section has {length} bytes, expected {expected}"));
            }
            Ok(&bytes[offset..offset + length])
        };
        let codebook_bytes = section(48, 5 * 256 * 4, "codebook")?;
        let vocabulary = section(56, field(60), "vocabulary")?;
        let unigrams = section(64, (vocabulary_size + 1) * UNIGRAM_LEN, "unigram")?;
        let bigrams = section(72, (bigram_count + 1) * BIGRAM_LEN, "bigram")?;
        let trigrams = section(80, trigram_count * TRIGRAM_LEN, "trigram")?;
        let mut codebooks = [[0f32; 256]; 5];
        for (index, value) in codebooks.iter_mut().flatten().enumerate() {
            *value = f32::from_le_bytes(codebook_bytes[index * 4..index * 4 + 4].try_into().expect("four bytes"));
        }
        let vocabulary = std::str::from_utf8(vocabulary).map_err(|e| format!("vocabulary is not UTF-8: {e}"))?;
        let words: Vec<&'static str> = vocabulary.strip_suffix('\n').unwrap_or(vocabulary).split('\n').collect();
        if words.len() != vocabulary_size {
            return Err(format!("{} words in the vocabulary, expected {vocabulary_size}", words.len()));
        }
        let mut ids = FxHashMap::with_capacity_and_hasher(words.len(), Default::default());
        for (id, word) in words.into_iter().enumerate() {
            ids.insert(word, id as WordId);
        }
        Ok(LanguageModel {
            codebooks,
            ids,
            unigrams,
            bigrams,
            trigrams,
            vocabulary_size,
            bigram_count,
            sentence_start: u32_at(bytes, 32),
            unknown_log10: f32::from_le_bytes(bytes[44..48].try_into().expect("four bytes")),
        })
    }

    /// The id of a lower-case word, if the model knows it.
    #[inline]
    pub fn id(&self, word: &str) -> Option<WordId> {
        self.ids.get(word).copied()
    }

    pub fn vocabulary_size(&self) -> usize {
        self.vocabulary_size
    }

    /// The id of `<s>`, the context at the start of every sentence.
    pub fn sentence_start(&self) -> WordId {
        self.sentence_start
    }

    /// log10 of the word's probability on its own, regardless of context.
    #[inline]
    pub fn unigram_log10(&self, word: WordId) -> f32 {
        self.codebooks[UNIGRAM_PROB][self.unigrams[word as usize * UNIGRAM_LEN] as usize]
    }

    #[inline]
    fn unigram_backoff(&self, word: WordId) -> f32 {
        self.codebooks[UNIGRAM_BACKOFF][self.unigrams[word as usize * UNIGRAM_LEN + 1] as usize]
    }

    /// The index of bigram (first, second), if the model has it.
    #[inline]
    fn bigram(&self, first: WordId, second: WordId) -> Option<usize> {
        let at = first as usize * UNIGRAM_LEN + 2;
        let (start, end) = (u32_at(self.unigrams, at) as usize, u32_at(self.unigrams, at + UNIGRAM_LEN) as usize);
        search(self.bigrams, BIGRAM_LEN, start, end, second)
    }

    /// The index of trigram (bigram, third), if the model has it.
    #[inline]
    fn trigram(&self, bigram: usize, third: WordId) -> Option<usize> {
        debug_assert!(bigram < self.bigram_count);
        let at = bigram * BIGRAM_LEN + 5;
        let (start, end) = (u32_at(self.bigrams, at) as usize, u32_at(self.bigrams, at + BIGRAM_LEN) as usize);
        search(self.trigrams, TRIGRAM_LEN, start, end, third)
    }

    /// log10 p(word | first second), with Katz backoff. A context word the model does not know
    /// is `None`, which backs off past it.
    pub fn log10_prob(&self, first: Option<WordId>, second: Option<WordId>, word: WordId) -> f32 {
        let mut backoff = 0.0;
        if let (Some(first), Some(second)) = (first, second) {
            if let Some(bigram) = self.bigram(first, second) {
                if let Some(trigram) = self.trigram(bigram, word) {
                    return self.codebooks[TRIGRAM_PROB][self.trigrams[trigram * TRIGRAM_LEN + 3] as usize];
                }
                backoff = self.codebooks[BIGRAM_BACKOFF][self.bigrams[bigram * BIGRAM_LEN + 4] as usize];
            }
        }
        let Some(second) = second else {
            return backoff + self.unigram_log10(word);
        };
        match self.bigram(second, word) {
            Some(bigram) => backoff + self.codebooks[BIGRAM_PROB][self.bigrams[bigram * BIGRAM_LEN + 3] as usize],
            None => backoff + self.unigram_backoff(second) + self.unigram_log10(word),
        }
    }

    /// Whether the model stores the trigram (first second word) itself, rather than estimating
    /// it by backing off: whether English text, as the model saw it, has the three words in a row.
    pub fn has_trigram(&self, first: WordId, second: WordId, word: WordId) -> bool {
        self.bigram(first, second).is_some_and(|bigram| self.trigram(bigram, word).is_some())
    }

    /// Scores a word sequence from the start of a sentence: one log10 probability per word,
    /// `unknown_log10` for words the model does not know.
    pub fn score_words<'w>(&self, words: impl IntoIterator<Item = &'w str>) -> Vec<f32> {
        let mut history = History::sentence_start(self);
        words
            .into_iter()
            .map(|word| match self.id(word) {
                Some(id) => history.push(self, id),
                None => {
                    history.push_unknown();
                    self.unknown_log10
                }
            })
            .collect()
    }
}

/// The two words before the next one, as a sentence is read left to right.
#[derive(Debug, Clone, Copy)]
pub struct History {
    first: Option<WordId>,
    second: Option<WordId>,
}

impl History {
    /// The context at the start of a sentence: `<s>`.
    pub fn sentence_start(model: &LanguageModel) -> History {
        History { first: None, second: Some(model.sentence_start()) }
    }

    /// Scores `word` in this context and moves the context on.
    #[inline]
    pub fn push(&mut self, model: &LanguageModel, word: WordId) -> f32 {
        let score = model.log10_prob(self.first, self.second, word);
        (self.first, self.second) = (self.second, Some(word));
        score
    }

    /// Moves the context past a word the model does not know (or one not scored, such as a
    /// number): the next word backs off to its unigram probability.
    pub fn push_unknown(&mut self) {
        (self.first, self.second) = (self.second, None);
    }
}

/// Finds `key` among the sorted 24-bit ids that open the records `[start, end)` of `table`.
/// Ids are spread nearly evenly over the vocabulary, so interpolation finds the range of a
/// frequent word's thousands of followers in a few probes; binary search finishes the job.
#[inline]
fn search(table: &[u8], record: usize, mut start: usize, mut end: usize, key: u32) -> Option<usize> {
    let id = |index: usize| u24_at(table, index * record);
    while end - start > 8 {
        let (low, high) = (id(start), id(end - 1));
        if key < low || key > high {
            return None;
        }
        let guess = start + ((key - low) as u64 * (end - 1 - start) as u64 / u64::from((high - low).max(1))) as usize;
        let found = id(guess);
        if found == key {
            return Some(guess);
        }
        // Narrow around the guess; halve at least once so a skewed range still converges.
        let middle = start + (end - start) / 2;
        if found < key {
            start = guess + 1;
            if id(middle) < key && middle + 1 > start {
                start = middle + 1;
            }
        } else {
            end = guess;
            if id(middle) > key && middle < end {
                end = middle;
            }
        }
        if start >= end {
            return None;
        }
    }
    (start..end).find(|&index| id(index) == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The per-word scores that `scripts/data/lm_reference.py` computes from the same file.
    #[test]
    fn scores_match_the_reference_implementation() {
        let vectors = include_str!("../data/lm/test_vectors.tsv");
        let mut checked = 0;
        for line in vectors.lines().skip(1) {
            let (sentence, expected) = line.split_once('\t').expect("sentence and scores");
            let expected: Vec<f32> = expected.split(',').map(|v| v.parse().expect("a number")).collect();
            let scored = MODEL.score_words(sentence.split(' '));
            assert_eq!(scored.len(), expected.len(), "{sentence}");
            for (got, want) in scored.iter().zip(&expected) {
                assert!((got - want).abs() < 1e-3, "{sentence}: {scored:?} against {expected:?}");
            }
            checked += 1;
        }
        assert!(checked >= 8, "the test vectors hold at least eight sentences");
    }

    #[test]
    fn stored_trigrams_are_told_from_estimated_ones() {
        let id = |word: &str| MODEL.id(word).expect("a common word");
        assert!(MODEL.has_trigram(id("one"), id("of"), id("the")));
        assert!(MODEL.has_trigram(id("depends"), id("on"), id("the")));
        assert!(!MODEL.has_trigram(id("the"), id("the"), id("of")));
        assert!(!MODEL.has_trigram(id("depends"), id("from"), id("the")));
    }

    #[test]
    fn searching_finds_every_stored_id_and_nothing_else() {
        // A table of 40 records of one byte id each plus a padding byte, ids 0, 3, 6, ...
        let mut table = Vec::new();
        for i in 0..40u32 {
            let id = i * 3;
            table.extend_from_slice(&[id as u8, 0, 0, 0xAA]);
        }
        for i in 0..40 {
            assert_eq!(search(&table, 4, 0, 40, i as u32 * 3), Some(i));
            assert_eq!(search(&table, 4, 0, 40, i as u32 * 3 + 1), None);
        }
        assert_eq!(search(&table, 4, 5, 9, 3), None, "outside the range");
        // Skewed ids: a dense run then a large gap.
        let mut skewed = Vec::new();
        let ids: Vec<u32> = (0..30).chain([5000, 70000]).collect();
        for id in &ids {
            skewed.extend_from_slice(&[*id as u8, (*id >> 8) as u8, (*id >> 16) as u8, 0]);
        }
        for (index, id) in ids.iter().enumerate() {
            assert_eq!(search(&skewed, 4, 0, ids.len(), *id), Some(index), "{id}");
        }
        assert_eq!(search(&skewed, 4, 0, ids.len(), 4999), None);
    }

    #[test]
    fn a_fluent_sentence_is_more_probable_than_a_word_salad_of_the_same_words() {
        let fluent: f32 = MODEL.score_words("the police said on monday".split(' ')).iter().sum();
        let salad: f32 = MODEL.score_words("monday on said police the".split(' ')).iter().sum();
        assert!(fluent > salad + 3.0, "{fluent} against {salad}");
        assert!(MODEL.id("zorblaxian").is_none());
        assert!(MODEL.vocabulary_size() > 70_000);
    }
}
