//! [`Lex`]: what every list says about one word, found with a single lookup per token.

use super::case::with_lower_case;
use super::containers::WordMap;
use super::lists::{
    ADJECTIVES, ENGLISH_FUNCTION_WORDS, ENGLISH_WORDS, FIRST_NAMES, GERMAN_FUNCTION_WORDS, GERMAN_WORDS, MONTHS,
    PERSON_NOUNS, THING_NOUNS, WEEKDAYS,
};
use super::morphology::{lemma, singular, VerbForms, VERB_FORMS};
use super::packing::{word_key, ShortWord};
use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use std::sync::LazyLock;

/// What the shipped lists say about one lower-case word. Document analysis looks it up once
/// per token and keeps it with the token, so that detectors test list membership with a bit
/// test instead of a hash lookup each.
///
/// It is packed into 8 bytes: every token carries one, and the table of them is looked up for
/// every token, so its size decides how much of it stays in cache.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Lex {
    bits: u16,
    /// The verb forms the word can be ([`VerbForms::packed`]), 0 if it is not a verb form.
    verb: u8,
    /// The word's lemma where it differs from the word ("ate": "eat", "cities": "city"): its
    /// position in [`LexTable::lemmas`] plus one, or 0.
    lemma: u32,
}

impl Lex {
    const ENGLISH_FUNCTION: u16 = 1;
    const GERMAN_FUNCTION: u16 = 2;
    const ENGLISH_WORD: u16 = 4;
    const ADJECTIVE: u16 = 8;
    const MONTH: u16 = 16;
    const WEEKDAY: u16 = 32;
    const PERSON_NOUN: u16 = 64;
    const THING_NOUN: u16 = 128;
    const FIRST_NAME: u16 = 256;
    const GERMAN_WORD: u16 = 512;
    /// A German word that English texts use too (mostly names: "berlin", "bundesliga").
    const GERMAN_WORD_IN_ENGLISH: u16 = 1024;

    /// On `ENGLISH_FUNCTION_WORDS`.
    pub fn english_function(self) -> bool {
        self.bits & Self::ENGLISH_FUNCTION != 0
    }
    /// On `GERMAN_FUNCTION_WORDS`.
    pub fn german_function(self) -> bool {
        self.bits & Self::GERMAN_FUNCTION != 0
    }
    /// On `ENGLISH_WORDS`.
    pub fn english_word(self) -> bool {
        self.bits & Self::ENGLISH_WORD != 0
    }
    /// On `ADJECTIVES`.
    pub fn adjective(self) -> bool {
        self.bits & Self::ADJECTIVE != 0
    }
    /// On `MONTHS`.
    pub fn month(self) -> bool {
        self.bits & Self::MONTH != 0
    }
    /// On `WEEKDAYS`.
    pub fn weekday(self) -> bool {
        self.bits & Self::WEEKDAY != 0
    }

    /// A key of `PERSON_NOUNS`.
    pub fn person_noun(self) -> bool {
        self.bits & Self::PERSON_NOUN != 0
    }
    /// A key of `THING_NOUNS`.
    pub fn thing_noun(self) -> bool {
        self.bits & Self::THING_NOUN != 0
    }
    /// Some key of `FIRST_NAMES` lower-cases to this word (the table itself is case-sensitive).
    pub fn maybe_first_name(self) -> bool {
        self.bits & Self::FIRST_NAME != 0
    }

    /// On `GERMAN_WORDS`: `Some(true)` if English texts use it too, as that table's value.
    pub fn german_word(self) -> Option<bool> {
        (self.bits & Self::GERMAN_WORD != 0).then_some(self.bits & Self::GERMAN_WORD_IN_ENGLISH != 0)
    }

    /// The verb forms the word can be, if it is a verb form.
    pub fn verb(self) -> Option<VerbForms> {
        VerbForms::unpack(self.verb)
    }

    /// Whether any list knows the word.
    pub fn known(self) -> bool {
        self.bits != 0 || self.verb != 0
    }

    /// Whether [`Lex::lemma`] gives the word itself, without looking at it: a listed word
    /// with no lemma of its own.
    pub fn lemma_is_word(self) -> bool {
        self.lemma == 0 && self.known()
    }

    /// The lemma of `lower`, the word this entry was looked up for: [`lemma`] without the
    /// lookups for a known word.
    pub fn lemma<'w>(self, lower: &'w str) -> Cow<'w, str> {
        match self.lemma {
            0 if self.known() => Cow::Borrowed(lower),
            // Every verb form is in the table, so an unknown word can only be a plural.
            0 => singular(lower),
            position => Cow::Borrowed(LEX.lemmas[position as usize - 1]),
        }
    }
}

/// The per-token table: [`lex_by_word`] keyed for fast lookup, and the lemmas its entries
/// point to.
pub(super) struct LexTable {
    words: WordMap<Lex>,
    lemmas: Vec<&'static str>,
}

pub(super) static LEX: LazyLock<LexTable> = LazyLock::new(|| {
    let (by_word, lemmas) = lex_by_word();
    let mut words = WordMap::default();
    words.reserve(by_word.len());
    for (word, lex) in by_word {
        words.insert(word, lex);
    }
    LexTable { words, lemmas }
});

/// Every listed word with what the lists say about it: one table, one lookup per token. The
/// entries' lemmas point into the list returned with it.
fn lex_by_word() -> (HashMap<&'static str, Lex>, Vec<&'static str>) {
    let mut table: HashMap<&'static str, Lex> = HashMap::default();
    // Room for every word of the largest lists: growing step by step rehashes them many times.
    table.reserve(ENGLISH_WORDS.len() + GERMAN_WORDS.len() + FIRST_NAMES.len());
    for (list, bit) in [
        (&ENGLISH_FUNCTION_WORDS, Lex::ENGLISH_FUNCTION),
        (&GERMAN_FUNCTION_WORDS, Lex::GERMAN_FUNCTION),
        (&ENGLISH_WORDS, Lex::ENGLISH_WORD),
        (&ADJECTIVES, Lex::ADJECTIVE),
        (&MONTHS, Lex::MONTH),
        (&WEEKDAYS, Lex::WEEKDAY),
    ] {
        for word in list.iter() {
            table.entry(word).or_default().bits |= bit;
        }
    }
    for (word, forms) in VERB_FORMS.iter() {
        table.entry(word).or_default().verb = forms.packed();
    }
    for (word, in_english) in GERMAN_WORDS.iter() {
        let bits = if *in_english { Lex::GERMAN_WORD | Lex::GERMAN_WORD_IN_ENGLISH } else { Lex::GERMAN_WORD };
        table.entry(word).or_default().bits |= bits;
    }
    for word in PERSON_NOUNS.keys() {
        table.entry(word).or_default().bits |= Lex::PERSON_NOUN;
    }
    for word in THING_NOUNS.keys() {
        table.entry(word).or_default().bits |= Lex::THING_NOUN;
    }
    // Lower-cased names are new strings: leak them once, at start-up, to key the table.
    for name in FIRST_NAMES.keys() {
        let lower: &'static str = match name.to_lowercase() {
            lower if lower == *name => name,
            lower => Box::leak(lower.into_boxed_str()),
        };
        table.entry(lower).or_default().bits |= Lex::FIRST_NAME;
    }
    let mut lemmas: Vec<&'static str> = Vec::new();
    let mut lemma_positions: HashMap<&'static str, u32> = HashMap::default();
    for (word, entry) in table.iter_mut() {
        let stored = match lemma(word) {
            Cow::Borrowed(same) if same == *word => None,
            Cow::Borrowed(lemma) => Some(lemma),
            // A plural's singular is on ENGLISH_WORDS: store that copy of it.
            Cow::Owned(lemma) => ENGLISH_WORDS.get(&lemma),
        };
        if let Some(stored) = stored {
            entry.lemma = *lemma_positions.entry(stored).or_insert_with(|| {
                lemmas.push(stored);
                lemmas.len() as u32
            });
        }
    }
    (table, lemmas)
}

/// What the lists say about a lower-case word.
pub fn lex(lower: &str) -> Lex {
    LEX.words.get(lower).copied().unwrap_or_default()
}

/// [`lex`], with the word's [key](word_key), packing the word once for both.
pub fn lex_and_key(lower: &str) -> (Lex, u32) {
    match ShortWord::new(lower) {
        Some(packed) => (LEX.words.short.get(&packed).copied().unwrap_or_default(), packed.key()),
        None => (LEX.words.long.get(lower).copied().unwrap_or_default(), word_key(lower)),
    }
}

/// The verb forms a word can be, compared in lower case.
pub fn verb_forms(word: &str) -> Option<VerbForms> {
    // The word-list table holds every verb form: one lookup in the table every token uses.
    with_lower_case(word, |lower| lex(lower).verb())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::VERB_FORMS;

    #[test]
    fn word_keys_agree_for_equal_words_and_lex_and_key_agrees_with_lex() {
        let words = ["the", "tractor", "eat", "ate", "bürgermeister", "a-compound-word-longer-than-sixteen", "", "x"];
        for word in words {
            assert_eq!(word_key(word), word_key(word), "{word}");
            assert_eq!(lex_and_key(word), (lex(word), word_key(word)), "{word}");
        }
        // Different words, short and long, get different keys (checked on real vocabulary).
        let mut keys: Vec<u32> = ENGLISH_WORDS.iter().take(20_000).map(word_key).collect();
        let count = keys.len();
        keys.sort_unstable();
        keys.dedup();
        assert!(count - keys.len() <= 1, "{} collisions among {count} words", count - keys.len());
    }

    #[test]
    fn the_per_token_entry_agrees_with_the_lists() {
        for word in [
            "ate", "cities", "boxes", "bus", "was", "thumbs", "running", "the", "kowalski", "und", "monday", "done",
            "been", "having", "werths",
        ] {
            let entry = lex(word);
            assert_eq!(entry.lemma(word), lemma(word), "{word}");
            assert_eq!(entry.english_word(), ENGLISH_WORDS.contains(word), "{word}");
            assert_eq!(entry.english_function(), ENGLISH_FUNCTION_WORDS.contains(word), "{word}");
            assert_eq!(entry.german_function(), GERMAN_FUNCTION_WORDS.contains(word), "{word}");
            assert_eq!(entry.weekday(), WEEKDAYS.contains(word), "{word}");
            assert_eq!(entry.verb(), VERB_FORMS.get(word).copied(), "{word}");
        }
        assert_eq!(lex("regierung").german_word(), GERMAN_WORDS.get("regierung").copied());
        assert_eq!(lex("deutschland").german_word(), Some(true));
        assert_eq!(lex("tractor").german_word(), None);
        assert!(lex("child").person_noun() && lex("tractor").thing_noun() && lex("heike").maybe_first_name());
        assert!(!lex("tractor").person_noun() && !lex("the").thing_noun() && !lex("tractor").maybe_first_name());
    }

    /// The packed entry gives back every verb form and lemma the lists give.
    #[test]
    fn packed_entries_keep_verb_forms_and_lemmas() {
        assert_eq!(std::mem::size_of::<Lex>(), 8);
        for (word, forms) in VERB_FORMS.iter() {
            assert_eq!(lex(word).verb(), Some(*forms), "{word}");
            assert_eq!(lex(word).lemma(word), lemma(word), "{word}");
        }
        for word in ENGLISH_WORDS.iter().step_by(7) {
            assert_eq!(lex(word).lemma(word), lemma(word), "{word}");
        }
        for bits in 0..32u8 {
            let forms = VerbForms::unpack(0x80 | bits).unwrap();
            assert_eq!(forms.packed(), 0x80 | bits);
        }
        assert_eq!(VerbForms::unpack(0), None);
    }
}
