//! Word lists shipped in `data/lexicon/`, compiled into the binary and parsed once per process,
//! and the containers that look words up in them.
//!
//! Every file opens with `#` header lines that say where its entries come from and under which
//! licence; [`data_file`] reads them all, strictly. Entries are matched in lower case.
//!
//! - [`case`]: lower-casing words for lookup without the heap;
//! - [`packing`]: words packed into integers, and the word keys built from them;
//! - [`containers`]: [`WordMap`], [`WordList`] and the filters in front of them;
//! - [`lists`]: the word lists and the tables of nouns and names;
//! - [`morphology`]: English verb forms and lemmas;
//! - [`per_token`]: [`Lex`], what every list says about a word, one lookup per token.

pub mod case;
pub mod containers;
pub mod data_file;
pub mod lists;
pub mod morphology;
pub mod packing;
pub mod per_token;

pub use case::{capitalised, lower_case, with_lower_case};
pub use containers::{FirstByteLengths, KeyFilter, WordList, WordMap};
pub(crate) use data_file::shipped;
pub use data_file::{Choice, DataFile, Row, UnknownChoice};
pub use lists::{
    always_opens_clause, is_preposition, opens_clause, Gender, PersonNoun, ThingClass, ABBREVIATIONS, ADJECTIVES,
    ANIMATE_VERBS, COORDINATORS, DETERMINERS, ENGLISH_FUNCTION_WORDS, ENGLISH_WORDS, FIRST_NAMES, FORMULA_OPENINGS,
    GERMAN_CALENDAR, GERMAN_FUNCTION_WORDS, GERMAN_WORDS, MODALS, MONTHS, MONTH_NAMES, NEEDS_A_NOUN, PERSON_NOUNS,
    PHRASE_PREPOSITIONS, PLACE_ENDINGS, SENTENCE_STARTERS, SPEECH_VERBS, STREET_ENDINGS, SUBJECT_ONLY_PRONOUNS,
    SUBJECT_PRONOUNS, SUBORDINATORS, THING_NOUNS, TIME_NOUNS, WEEKDAYS,
};
pub use morphology::{is_auxiliary, lemma, VerbForms, AUXILIARIES, VERB_FORMS};
pub use packing::word_key;
pub use per_token::{lex, lex_and_key, verb_forms, Lex};

use std::sync::LazyLock;

/// Forces every list to load, so start-up cost is paid before the first batch is timed.
pub fn preload() {
    for list in
        [&ABBREVIATIONS, &SENTENCE_STARTERS, &ENGLISH_FUNCTION_WORDS, &GERMAN_FUNCTION_WORDS, &SPEECH_VERBS, &MONTHS]
    {
        LazyLock::force(list);
    }
    preload_tables();
}

/// Forces the larger tables to load, for timing and start-up checks.
pub fn preload_tables() {
    LazyLock::force(&per_token::LEX);
    LazyLock::force(&ENGLISH_WORDS);
    LazyLock::force(&ADJECTIVES);
    LazyLock::force(&PERSON_NOUNS);
    LazyLock::force(&THING_NOUNS);
    LazyLock::force(&FIRST_NAMES);
    LazyLock::force(&VERB_FORMS);
    LazyLock::force(&morphology::VERB_LEMMAS);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every shipped file this module reads, loaded: a malformed row panics here, with its file
    /// and line, rather than in a scoring run.
    #[test]
    fn every_shipped_list_and_table_loads() {
        preload();
        for list in [&WEEKDAYS, &ANIMATE_VERBS, &TIME_NOUNS] {
            assert!(!LazyLock::force(list).is_empty());
        }
        assert!(!GERMAN_WORDS.is_empty());
    }
}
