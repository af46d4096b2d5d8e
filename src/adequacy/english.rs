//! English lemmas: the forms a word may stand for, so that "passed" meets a lexicon's "pass".

use super::lexicon::{ENGLISH_FUNCTION_WORDS, ENGLISH_IRREGULAR};
use super::tokens::letters;

/// Calls `found` with each lemma of a lower-case word: the word itself, its irregular lemma
/// ("went" → "go", "children" → "child"), and what plain suffix stripping gives: -ies → -y,
/// -es, -s (not -ss), -ied → -y, -ed/-ing/-er/-est (with a silent e restored, a doubled
/// consonant undoubled, or i turned back into y), -ly, -ily → -y, -ally. The guesses need not
/// be words: they only ever meet other lemmas. A lemma may come more than once.
///
/// `scratch` holds the lemmas that need a letter added; it is reused to avoid an allocation per
/// word.
#[inline]
pub(super) fn for_each_lemma(word: &str, scratch: &mut String, found: &mut impl FnMut(&str)) {
    found(word);
    if let Some(lemma) = ENGLISH_IRREGULAR.get(word) {
        found(lemma);
    }
    let chars = letters(word);
    let cut = |suffix: &str| &word[..word.len() - suffix.len()];
    if chars > 3 {
        if word.ends_with("ies") {
            found(joined(scratch, cut("ies"), 'y'));
        }
        if word.ends_with("es") {
            found(cut("es"));
        }
        if word.ends_with('s') && !word.ends_with("ss") {
            found(cut("s"));
        }
    }
    if chars > 4 && word.ends_with("ied") {
        found(joined(scratch, cut("ied"), 'y'));
    }
    for suffix in ["ed", "ing", "er", "est"] {
        if chars > suffix.len() + 2 && word.ends_with(suffix) {
            let stem = cut(suffix);
            found(stem);
            found(joined(scratch, stem, 'e'));
            let mut last = stem.char_indices().rev();
            if let (Some((at, a)), Some((_, b))) = (last.next(), last.next()) {
                // "planned" → "plan": a doubled final letter, of a stem over two letters.
                if a == b && chars - suffix.len() > 2 {
                    found(&stem[..at]);
                }
            }
            if let Some(before_i) = stem.strip_suffix('i') {
                found(joined(scratch, before_i, 'y'));
            }
        }
    }
    if chars > 4 && word.ends_with("ly") {
        found(cut("ly"));
        if word.ends_with("ily") {
            found(joined(scratch, cut("ily"), 'y'));
        }
        if word.ends_with("ally") {
            found(cut("ally"));
        }
    }
}

/// `stem` and `last` written into `scratch`.
#[inline]
fn joined<'a>(scratch: &'a mut String, stem: &str, last: char) -> &'a str {
    scratch.clear();
    scratch.push_str(stem);
    scratch.push(last);
    scratch
}

/// An English function word: on the list, or a negated contraction ("don't"), or a contraction
/// whose first part is on the list ("they're").
pub(super) fn is_function_word(word: &str) -> bool {
    ENGLISH_FUNCTION_WORDS.contains(word)
        || word.ends_with("n't")
        || word.split('\'').next().is_some_and(|first| ENGLISH_FUNCTION_WORDS.contains(first))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lemmas(word: &str) -> Vec<String> {
        let mut out = Vec::new();
        for_each_lemma(word, &mut String::new(), &mut |lemma: &str| out.push(lemma.to_string()));
        out.sort();
        out.dedup();
        out
    }

    #[test]
    fn lemmas_of_inflected_words() {
        assert!(lemmas("passed").contains(&"pass".to_string()));
        assert!(lemmas("went").contains(&"go".to_string()));
        assert!(lemmas("planned").contains(&"plan".to_string()));
        assert!(lemmas("studied").contains(&"study".to_string()));
        assert!(lemmas("policies").contains(&"policy".to_string()));
        assert!(lemmas("quickly").contains(&"quick".to_string()));
        assert!(lemmas("happily").contains(&"happy".to_string()));
        assert!(lemmas("making").contains(&"make".to_string()));
        assert_eq!(lemmas("gas"), ["gas"]);
    }

    #[test]
    fn function_words_include_contractions() {
        assert!(is_function_word("the"));
        assert!(is_function_word("don't"));
        assert!(!is_function_word("government"));
    }
}
