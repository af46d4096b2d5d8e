//! Word-list lookups by token: `LIST.contains_token(doc, token)`.
//!
//! Each token carries its [`word_key`](crate::lexicon::word_key) and the document its lower
//! case, so a lookup costs no lower-casing and, for most words absent from the list, no hash
//! lookup either: the list's key filter rules them out first. The methods are defined here,
//! beside [`Doc`], because the word lists know nothing of documents.

use super::{Doc, Token};
use crate::lexicon::{WordList, WordMap};

impl WordList {
    /// Whether a token of `doc` is on the list, compared in lower case.
    #[inline]
    pub fn contains_token(&self, doc: &Doc, token: &Token) -> bool {
        self.contains_keyed(doc.lower(token), token.key)
    }
}

impl<V> WordMap<V> {
    /// The value for a token of `doc`, looked up in lower case.
    #[inline]
    pub fn get_token(&self, doc: &Doc, token: &Token) -> Option<&V> {
        self.get_keyed(doc.lower(token), token.key)
    }

    /// Whether a token of `doc`, in lower case, is a key of the map.
    #[inline]
    pub fn contains_token(&self, doc: &Doc, token: &Token) -> bool {
        self.get_token(doc, token).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::{ENGLISH_FUNCTION_WORDS, MONTHS};

    #[test]
    fn tokens_are_looked_up_in_lower_case_with_or_without_a_lower_case_text() {
        for text in ["THE Council met in March and May.", "İstanbul: THE Council met in March and May."] {
            let doc = Doc::new(text);
            for token in &doc.tokens {
                let word = doc.word(token);
                assert_eq!(MONTHS.contains_token(&doc, token), MONTHS.contains(word), "{word} in {text}");
                assert_eq!(
                    ENGLISH_FUNCTION_WORDS.contains_token(&doc, token),
                    ENGLISH_FUNCTION_WORDS.contains(word),
                    "{word} in {text}"
                );
            }
            let months: Vec<_> =
                doc.tokens.iter().filter(|t| MONTHS.contains_token(&doc, t)).map(|t| doc.word(t)).collect();
            assert_eq!(months, ["March", "May"], "{text}");
        }
    }

    #[test]
    fn maps_and_small_lists_answer_for_tokens() {
        let pronouns = WordList::of(["he", "she", "him", "his", "her"]);
        let mut genders = WordMap::default();
        genders.insert("he", 'm');
        genders.insert("she", 'f');
        let doc = Doc::new("She said HE would call her.");
        let found: Vec<_> =
            doc.tokens.iter().filter(|t| pronouns.contains_token(&doc, t)).map(|t| doc.word(t)).collect();
        assert_eq!(found, ["She", "HE", "her"]);
        let marks: Vec<_> = doc.tokens.iter().filter_map(|t| genders.get_token(&doc, t)).collect();
        assert_eq!(marks, [&'f', &'m']);
        assert!(genders.contains_token(&doc, &doc.tokens[0]) && !genders.contains_token(&doc, &doc.tokens[1]));
    }
}
