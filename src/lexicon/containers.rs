//! Containers for looking words up: [`WordMap`] and [`WordList`], and the cheap filters that
//! rule most words out before a lookup ([`KeyFilter`], [`FirstByteLengths`]).
//!
//! A token already carries its lower case and its [`word_key`], so the containers take both:
//! `get_keyed` and `contains_keyed` test the key against the container's own filter first and
//! look the word up only if it passes. `Doc` wraps them as `get_token` and `contains_token`.

use super::case::with_lower_case;
use super::packing::{word_key, ShortWord};
use rustc_hash::FxHashMap as HashMap;

/// A map from words, split by length: the short ones packed (see [`ShortWord`]), the rest as
/// text. It keeps a [`KeyFilter`] of its words for lookups by token.
pub struct WordMap<V> {
    pub(super) short: HashMap<ShortWord, V>,
    pub(super) long: HashMap<Box<str>, V>,
    keys: KeyFilter,
}

impl<V> Default for WordMap<V> {
    fn default() -> Self {
        WordMap { short: HashMap::default(), long: HashMap::default(), keys: KeyFilter::default() }
    }
}

impl<V> WordMap<V> {
    #[inline]
    pub fn get(&self, word: &str) -> Option<&V> {
        match ShortWord::new(word) {
            Some(packed) => self.short.get(&packed),
            None => self.long.get(word),
        }
    }

    /// [`WordMap::get`] for a word whose [`word_key`] is known: most words absent from the map
    /// are ruled out by the key alone.
    #[inline]
    pub fn get_keyed(&self, word: &str, key: u32) -> Option<&V> {
        if !self.keys.may_contain(key) {
            return None;
        }
        self.get(word)
    }

    /// Sets the value for `word`, returning the one it replaces.
    pub fn insert(&mut self, word: &str, value: V) -> Option<V> {
        match ShortWord::new(word) {
            Some(packed) => {
                self.keys.add(packed.key());
                self.short.insert(packed, value)
            }
            None => {
                self.keys.add(word_key(word));
                self.long.insert(word.into(), value)
            }
        }
    }

    /// Room for `additional` more short words without growing: start-up builds tables of
    /// 100,000 words and more, and growing them step by step rehashed every entry many times.
    pub fn reserve(&mut self, additional: usize) {
        self.short.reserve(additional);
    }

    /// The value for `word`, inserted as the default first if there is none.
    pub fn entry_or_default(&mut self, word: &str) -> &mut V
    where
        V: Default,
    {
        match ShortWord::new(word) {
            Some(packed) => {
                self.keys.add(packed.key());
                self.short.entry(packed).or_default()
            }
            None => {
                self.keys.add(word_key(word));
                self.long.entry(word.into()).or_default()
            }
        }
    }
}

/// A set of [`word_key`]s as an array of 16,384 bits (a Bloom filter with one hash): a word
/// whose bit is clear is not in the set. With a few hundred words in it, about one word in
/// thirty passes by chance and needs the real lookup, which costs many times this test.
pub struct KeyFilter {
    bits: Box<[u64; 256]>,
}

impl Default for KeyFilter {
    fn default() -> Self {
        KeyFilter { bits: Box::new([0; 256]) }
    }
}

impl KeyFilter {
    /// A filter holding the keys of `words`.
    pub fn of<'w>(words: impl IntoIterator<Item = &'w str>) -> Self {
        let mut filter = KeyFilter::default();
        for word in words {
            filter.add(word_key(word));
        }
        filter
    }

    /// The key's top 14 bits: keys are mixed so that every bit of the word reaches them.
    fn slot(key: u32) -> usize {
        (key >> 18) as usize
    }

    pub fn add(&mut self, key: u32) {
        let slot = Self::slot(key);
        self.bits[slot / 64] |= 1 << (slot % 64);
    }

    /// False when no word with this key was added.
    #[inline]
    pub fn may_contain(&self, key: u32) -> bool {
        let slot = Self::slot(key);
        self.bits[slot / 64] >> (slot % 64) & 1 != 0
    }
}

/// A test that rules out most words before a hash lookup in a small set: for each first byte,
/// the lengths of the set's words (one bit per length up to 31 bytes; longer words share the
/// last bit). A word that fails it is not in the set; one that passes still needs the lookup.
/// For sets asked of words without a token's key ([`is_auxiliary`](super::is_auxiliary)); with
/// a key, [`KeyFilter`] rules out more.
pub struct FirstByteLengths {
    lengths: [u32; 256],
}

impl FirstByteLengths {
    pub fn new<'w>(words: impl IntoIterator<Item = &'w str>) -> Self {
        let mut filter = FirstByteLengths { lengths: [0; 256] };
        for word in words {
            filter.add(word);
        }
        filter
    }

    fn add(&mut self, word: &str) {
        if let Some(&first) = word.as_bytes().first() {
            self.lengths[first as usize] |= Self::length_bit(word);
        }
    }

    fn length_bit(word: &str) -> u32 {
        1 << word.len().min(31)
    }

    /// False when `word` is certainly not one of the words added.
    #[inline]
    pub fn may_contain(&self, word: &str) -> bool {
        word.as_bytes().first().is_some_and(|&first| self.lengths[first as usize] & Self::length_bit(word) != 0)
    }
}

/// A set of lower-case words: one of the shipped list files, or a detector's own few words
/// ([`WordList::of`]).
pub struct WordList {
    /// Each word, keyed for lookup, with the list's own copy of it.
    packed: WordMap<&'static str>,
    /// Each word once, in first-seen order.
    words: Vec<&'static str>,
}

impl WordList {
    /// A list of `words`, each kept once.
    pub fn of(words: impl IntoIterator<Item = &'static str>) -> Self {
        let words = words.into_iter();
        let mut packed = WordMap::default();
        packed.reserve(words.size_hint().0);
        let mut unique = Vec::with_capacity(words.size_hint().0);
        for word in words {
            if packed.insert(word, word).is_none() {
                unique.push(word);
            }
        }
        WordList { packed, words: unique }
    }

    /// Whether `word` is on the list, compared without regard to case.
    pub fn contains(&self, word: &str) -> bool {
        // This is asked for most tokens: short ASCII words are lower-cased as they are packed,
        // the others on the stack, never on the heap.
        if let Some(packed) = ShortWord::ascii_lower_case(word) {
            return self.packed.short.contains_key(&packed);
        }
        with_lower_case(word, |lower| self.packed.get(lower).is_some())
    }

    /// Whether a lower-case word with a known [`word_key`] is on the list: the key rules out
    /// most other words before the lookup.
    #[inline]
    pub fn contains_keyed(&self, lower: &str, key: u32) -> bool {
        self.packed.get_keyed(lower, key).is_some()
    }

    /// The list's own copy of a lower-case word, if it is on the list.
    pub fn get(&self, lower: &str) -> Option<&'static str> {
        self.packed.get(lower).copied()
    }

    /// Every word on the list, in lower case.
    pub fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.words.iter().copied()
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::ENGLISH_WORDS;

    #[test]
    fn key_filters_keep_every_word_added_and_rule_out_most_others() {
        let mut filter = KeyFilter::default();
        let added: Vec<&str> = ENGLISH_WORDS.iter().take(500).collect();
        for word in &added {
            filter.add(word_key(word));
        }
        assert!(added.iter().all(|w| filter.may_contain(word_key(w))));
        let others: Vec<&str> = ENGLISH_WORDS.iter().skip(500).take(10_000).collect();
        let passed = others.iter().filter(|w| filter.may_contain(word_key(w))).count();
        assert!(passed < others.len() / 20, "{passed} of {} other words passed", others.len());
    }

    #[test]
    fn first_byte_lengths_never_rule_out_a_word_of_the_set() {
        let set = ["chef", "eventually", "handy", "become", "a-very-long-word-of-more-than-31-bytes"];
        let filter = FirstByteLengths::new(set);
        assert!(set.iter().all(|w| filter.may_contain(w)));
        assert!(filter.may_contain("a-another-long-word-over-31-bytes-too"), "long words share a bit");
        for other in ["cheff", "hand", "the", "", "Chef", "bee"] {
            assert!(!filter.may_contain(other), "{other}");
        }
    }

    #[test]
    fn keyed_lookups_agree_with_plain_ones() {
        let long = "a-compound-word-longer-than-sixteen";
        let list = WordList::of(["he", "she", "he", long]);
        assert_eq!(list.iter().collect::<Vec<_>>(), ["he", "she", long], "each word once, in order");
        for word in ["he", "she", long, "it", "hers", "a-compound-word-longer-than-seventeen"] {
            assert_eq!(list.contains_keyed(word, word_key(word)), list.contains(word), "{word}");
        }
        let mut map = WordMap::default();
        map.insert("tractor", 1);
        *map.entry_or_default(long) += 2;
        assert_eq!(map.get_keyed("tractor", word_key("tractor")), Some(&1));
        assert_eq!(map.get_keyed(long, word_key(long)), Some(&2));
        assert_eq!(map.get_keyed("tractors", word_key("tractors")), None);
    }
}
