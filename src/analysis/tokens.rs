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

/// Splits `text` into tokens at Unicode word boundaries (UAX #29), keeping the segments that
/// start with a letter or digit.
pub fn tokenize(text: &str) -> Vec<Token> {
    fast_tokenize(text).unwrap_or_else(|| unicode_tokenize(text))
}

/// The word-boundary classes of UAX #29 that occur in the characters [`class_of`] knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Letter,
    Digit,
    /// ":" and "·": join letters.
    MidLetter,
    /// "," and ";": join digits.
    MidNum,
    /// ".", "'", "‘", "’": join letters and digits.
    MidNumLet,
    /// "_": joins anything alphanumeric.
    ExtendNumLet,
    Other,
}

/// The class of a character that is plain to classify: ASCII, Latin letters, and the common
/// punctuation of news text. `None` for anything else (other scripts, emoji, combining marks,
/// format characters), which sends the whole text to the general segmenter.
fn class_of(c: char) -> Option<Class> {
    Some(match c {
        'a'..='z' | 'A'..='Z' => Class::Letter,
        '0'..='9' => Class::Digit,
        ':' | '·' => Class::MidLetter,
        ',' | ';' => Class::MidNum,
        '.' | '\'' | '‘' | '’' => Class::MidNumLet,
        '_' => Class::ExtendNumLet,
        '\u{00}'..='\u{7f}' => Class::Other,
        'ª' | 'µ' | 'º' => Class::Letter,
        '\u{c0}'..='\u{24f}' if c != '×' && c != '÷' => Class::Letter,
        '\u{a0}'..='\u{bf}' if c != '\u{ad}' => Class::Other,
        '“' | '”' | '„' | '‚' | '–' | '—' | '…' | '€' | '•' | '‹' | '›' | '«' | '»' | '×' | '÷' => {
            Class::Other
        }
        _ => return None,
    })
}

/// Whether there is no word boundary between `prev` and `next`, given the characters around
/// them (UAX #29 rules WB5 to WB13b; the others cannot apply to the classes above).
fn joined(before: Option<Class>, prev: Class, next: Class, after: Option<Class>) -> bool {
    use Class::*;
    let mid_letter = |c: Class| matches!(c, MidLetter | MidNumLet);
    let mid_num = |c: Class| matches!(c, MidNum | MidNumLet);
    match (prev, next) {
        (Letter | Digit, Letter | Digit) => true,              // WB5, WB8, WB9, WB10
        (Letter, m) if mid_letter(m) => after == Some(Letter), // WB6
        (m, Letter) if mid_letter(m) && before == Some(Letter) => true, // WB7
        (Digit, m) if mid_num(m) => after == Some(Digit),      // WB12
        (m, Digit) if mid_num(m) && before == Some(Digit) => true, // WB11
        (Letter | Digit | ExtendNumLet, ExtendNumLet) => true, // WB13a
        (ExtendNumLet, Letter | Digit) => true,                // WB13b
        _ => false,
    }
}

/// [`unicode_tokenize`] for texts whose every character [`class_of`] knows: the same tokens,
/// several times faster, since news text is nearly all such characters.
fn fast_tokenize(text: &str) -> Option<Vec<Token>> {
    type Classified = (usize, char, Class);
    let mut chars = text.char_indices();
    // The next character with its class; `Err` for one the fast path cannot classify.
    let mut pull = || -> Result<Option<Classified>, ()> {
        match chars.next() {
            None => Ok(None),
            Some((offset, c)) => class_of(c).map(|class| Some((offset, c, class))).ok_or(()),
        }
    };
    let mut tokens = Vec::with_capacity(text.len() / 6);
    // A window of four characters around the boundary between `prev` and `next`, moved one
    // character at a time: no buffer of the whole text.
    let Some(mut prev) = pull().ok()? else { return Some(tokens) };
    let mut next = pull().ok()?;
    let mut after = pull().ok()?;
    let mut before: Option<Class> = None;
    let mut start = (prev.0, prev.1);
    loop {
        let boundary = match next {
            None => true,
            Some(n) => !joined(before, prev.2, n.2, after.map(|a| a.2)),
        };
        if boundary {
            let (first_offset, first) = start;
            if first.is_alphanumeric() {
                let end = next.map_or(text.len(), |n| n.0);
                let word = &text[first_offset..end];
                tokens.push(Token {
                    span: first_offset..end,
                    has_letter: word.chars().any(char::is_alphabetic),
                    capitalized: first.is_uppercase(),
                    lex: Default::default(),
                });
            }
        }
        let Some(n) = next else { break };
        if boundary {
            start = (n.0, n.1);
        }
        before = Some(prev.2);
        prev = n;
        next = after;
        after = pull().ok()?;
    }
    Some(tokens)
}

/// Tokens from the general Unicode segmenter.
fn unicode_tokenize(text: &str) -> Vec<Token> {
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
    fn the_fast_path_finds_the_same_tokens_as_the_unicode_segmenter() {
        // Random texts over an alphabet of every class the fast path handles, including the
        // sequences the rules turn on ("3,7", "U.S", "don’t", "a:b", "x_1", "9th", "2.000.").
        let alphabet: Vec<char> = "aZé9 0.,;:'’‘_-“”„–…€\n\tµ·ßÖxy".chars().collect();
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..(state % 40) {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push(alphabet[(state % alphabet.len() as u64) as usize]);
            }
            state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let fast = fast_tokenize(&text).expect("every character is in the fast alphabet");
            assert_eq!(fast, unicode_tokenize(&text), "{text:?}");
        }
        let news = "“Putin’s men don't pay 3,7 percent,” said Dr. Anna Weber (54) on 1. May in Köln: U.S. troops, 2.000 soldiers.";
        assert_eq!(fast_tokenize(news).unwrap(), unicode_tokenize(news));
        assert!(fast_tokenize("Emoji 🎉 text").is_none(), "other characters go to the general segmenter");
        let corpora =
            [include_str!("../../data/sample/articles.jsonl"), include_str!("../../tests/fixtures/clean-news.jsonl")];
        for line in corpora.iter().flat_map(|c| c.lines()) {
            if let Some(fast) = fast_tokenize(line) {
                assert_eq!(fast, unicode_tokenize(line), "{line}");
            }
        }
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
