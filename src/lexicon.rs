//! Word lists shipped in `data/lexicon/`, compiled into the binary and parsed once per process.
//!
//! Every file opens with `#` header lines that say where its entries come from and under which
//! licence; blank lines and `#` lines are skipped. Entries are matched in lower case.

use std::collections::HashSet;
use std::sync::LazyLock;

/// A set of lower-case words read from one of the shipped list files.
pub struct WordList {
    words: HashSet<&'static str>,
}

impl WordList {
    fn parse(source: &'static str) -> Self {
        let words = source.lines().map(str::trim).filter(|line| !line.is_empty() && !line.starts_with('#')).collect();
        WordList { words }
    }

    /// Whether `word` is on the list, compared without regard to case.
    pub fn contains(&self, word: &str) -> bool {
        // Most tokens are short ASCII words: lower-case them on the stack, not the heap.
        let mut buffer = [0u8; 32];
        if word.len() <= buffer.len() && word.is_ascii() {
            let lowered = &mut buffer[..word.len()];
            lowered.copy_from_slice(word.as_bytes());
            lowered.make_ascii_lowercase();
            // Lower-casing ASCII bytes keeps them valid UTF-8.
            let lowered = std::str::from_utf8(lowered).expect("ASCII is UTF-8");
            return self.words.contains(lowered);
        }
        self.words.contains(word.to_lowercase().as_str())
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

macro_rules! word_list {
    ($name:ident, $file:literal) => {
        pub static $name: LazyLock<WordList> =
            LazyLock::new(|| WordList::parse(include_str!(concat!("../data/lexicon/", $file))));
    };
}

word_list!(ABBREVIATIONS, "abbreviations.txt");
word_list!(SENTENCE_STARTERS, "sentence_starters.txt");
word_list!(ENGLISH_FUNCTION_WORDS, "english_function_words.txt");
word_list!(GERMAN_FUNCTION_WORDS, "german_function_words.txt");
word_list!(SPEECH_VERBS, "speech_verbs.txt");
word_list!(MONTHS, "months.txt");

/// Forces every list to load, so start-up cost is paid before the first batch is timed.
pub fn preload() {
    for list in
        [&ABBREVIATIONS, &SENTENCE_STARTERS, &ENGLISH_FUNCTION_WORDS, &GERMAN_FUNCTION_WORDS, &SPEECH_VERBS, &MONTHS]
    {
        LazyLock::force(list);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_skip_headers_and_match_any_case() {
        assert!(ABBREVIATIONS.contains("Dr"));
        assert!(ABBREVIATIONS.contains("DR"));
        assert!(!ABBREVIATIONS.contains("# Abbreviations"));
        assert!(GERMAN_FUNCTION_WORDS.contains("Über"));
        assert!(!ENGLISH_FUNCTION_WORDS.contains("tractor"));
        assert!(MONTHS.len() == 12);
    }
}
