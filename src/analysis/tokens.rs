//! Word and number tokens (Unicode word boundaries, UAX #29).

use super::Span;
use unicode_segmentation::UnicodeSegmentation;

/// A word or number in the text. Apostrophes and inner full stops stay inside the token
/// ("don’t", "Putin’s", "U.S"), as do decimal marks ("3,7", "2.000").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    /// The token contains at least one letter.
    pub has_letter: bool,
    /// The first character is an upper-case letter.
    pub capitalized: bool,
    /// What the word lists say about the word in lower case; filled in by [`crate::analysis::Doc`]
    /// (empty for tokens of a source text).
    pub lex: crate::lexicon::Lex,
}

impl Token {
    /// A token made only of digits and number punctuation.
    pub fn is_number(&self) -> bool {
        !self.has_letter
    }
}

pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 6);
    for (start, word) in text.split_word_bound_indices() {
        let Some(first) = word.chars().next() else { continue };
        if !first.is_alphanumeric() {
            continue;
        }
        tokens.push(Token {
            span: start..start + word.len(),
            has_letter: word.chars().any(char::is_alphabetic),
            capitalized: first.is_uppercase(),
            lex: Default::default(),
        });
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| &text[t.span.clone()]).collect()
    }

    #[test]
    fn keeps_apostrophes_and_decimal_marks_inside_tokens() {
        assert_eq!(words("Putin’s men don't pay 3,7 percent."), ["Putin’s", "men", "don't", "pay", "3,7", "percent"]);
        assert_eq!(words("the U.S. army"), ["the", "U.S", "army"]);
    }

    #[test]
    fn multibyte_words_get_byte_spans() {
        let text = "„Grüße“ aus Köln";
        let tokens = tokenize(text);
        assert_eq!(&text[tokens[0].span.clone()], "Grüße");
        assert!(tokens[0].capitalized);
        assert_eq!(&text[tokens[2].span.clone()], "Köln");
    }
}
