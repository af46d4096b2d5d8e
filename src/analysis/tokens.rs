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
    /// The token holds a character other than a letter or digit, which joined its parts:
    /// "U.S", "3,7", "don't", "x_1". Plain words, nearly all tokens, are spared any look for
    /// such marks.
    pub joined: bool,
    /// What the word lists say about the word in lower case; filled in by [`crate::analysis::Doc`]
    /// (empty for tokens of a source text).
    pub lex: crate::lexicon::Lex,
    /// [`crate::lexicon::word_key`] of the word in lower case, filled in with `lex` (0 until
    /// then; 0 for tokens of a source text). It fits in the bytes the token left as padding.
    /// Words whose keys differ differ; words with equal keys must still be compared. It is the
    /// key of the word that [`crate::analysis::Doc::lower`] gives.
    pub key: u32,
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
const fn class_of(c: char) -> Option<Class> {
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

/// [`class_of`] for every ASCII character, looked up instead of matched: most characters of
/// news text are ASCII.
static ASCII_CLASSES: [Class; 128] = {
    let mut classes = [Class::Other; 128];
    let mut byte = 0;
    while byte < 128 {
        classes[byte] = match class_of(byte as u8 as char) {
            Some(class) => class,
            None => panic!("class_of knows every ASCII character"),
        };
        byte += 1;
    }
    classes
};

const ASCII_LETTER: u8 = 1;
const ASCII_DIGIT: u8 = 2;
/// An ASCII character that cannot start a word: a space or punctuation other than "_".
const ASCII_SKIPPED: u8 = 4;

/// For each byte: [`ASCII_LETTER`], [`ASCII_DIGIT`], [`ASCII_SKIPPED`], or 0 ("_" and every
/// byte of a multi-byte character, which need a closer look).
static ASCII_ALPHANUMERIC: [u8; 256] = {
    let mut kinds = [0; 256];
    let mut byte = 0;
    while byte < 128 {
        kinds[byte] = match byte as u8 {
            b'a'..=b'z' | b'A'..=b'Z' => ASCII_LETTER,
            b'0'..=b'9' => ASCII_DIGIT,
            b'_' => 0,
            _ => ASCII_SKIPPED,
        };
        byte += 1;
    }
    kinds
};

/// The end of the run of ASCII letters and digits starting at `from`, and which of the two it
/// holds ([`ASCII_LETTER`] and [`ASCII_DIGIT`] bits): one table load and test per byte.
#[inline]
fn ascii_alphanumeric_run(bytes: &[u8], from: usize) -> (usize, u8) {
    let mut end = from;
    let mut kinds = 0;
    while let Some(&byte) = bytes.get(end) {
        let kind = ASCII_ALPHANUMERIC[byte as usize];
        if kind & (ASCII_LETTER | ASCII_DIGIT) == 0 {
            break;
        }
        kinds |= kind;
        end += 1;
    }
    (end, kinds)
}

/// [`unicode_tokenize`] for texts whose every character [`class_of`] knows: the same tokens,
/// several times faster, since news text is nearly all such characters. Characters that cannot
/// start a word are skipped one by one; a word is extended while the boundary rules join the
/// next character to it.
fn fast_tokenize(text: &str) -> Option<Vec<Token>> {
    use Class::*;
    let bytes = text.as_bytes();
    // The class and byte length of the character at a byte offset; `None` for one the fast
    // path cannot classify, which sends the whole text to the general segmenter.
    let class_at = |offset: usize| -> Option<(Class, usize)> {
        let byte = bytes[offset];
        if byte < 0x80 {
            return Some((ASCII_CLASSES[byte as usize], 1));
        }
        let c = text[offset..].chars().next().expect("offsets are character boundaries");
        class_of(c).map(|class| (class, c.len_utf8()))
    };
    let mut tokens = Vec::with_capacity(text.len() / 6);
    let mut offset = 0;
    while offset < bytes.len() {
        // Spaces and ASCII punctuation between words, skipped in a tight loop.
        while bytes.get(offset).is_some_and(|&b| ASCII_ALPHANUMERIC[b as usize] == ASCII_SKIPPED) {
            offset += 1;
        }
        if offset == bytes.len() {
            break;
        }
        // The commonest word: ASCII letters and digits up to the end of the text or a space or
        // punctuation mark that joins nothing (not ".", "'", ":", ",", ";" or "_"). No rule
        // needs looking at; anything else takes the general steps below from the same start.
        if ASCII_ALPHANUMERIC[bytes[offset] as usize] & (ASCII_LETTER | ASCII_DIGIT) != 0 {
            let (end, kinds) = ascii_alphanumeric_run(bytes, offset);
            if bytes.get(end).is_none_or(|&b| b < 0x80 && ASCII_CLASSES[b as usize] == Other) {
                let (has_letter, capitalized) = (kinds & ASCII_LETTER != 0, bytes[offset].is_ascii_uppercase());
                let token = Token {
                    span: offset..end,
                    has_letter,
                    capitalized,
                    joined: false,
                    lex: Default::default(),
                    key: 0,
                };
                tokens.push(token);
                offset = end;
                continue;
            }
        }
        let (first, first_len) = class_at(offset)?;
        if !matches!(first, Letter | Digit | ExtendNumLet) {
            // Punctuation and spaces are segments of their own: a mid-word character that did
            // not join the word before it cannot join the one after it either (WB6, WB7).
            offset += first_len;
            continue;
        }
        let start = offset;
        let mut end = offset + first_len;
        let (mut before, mut prev) = (None, first);
        let mut has_letter = first == Letter;
        let mut joined_by_mark = false;
        while end < bytes.len() {
            // Most of a word: a run of ASCII letters and digits after a letter or digit always
            // joins (WB5, WB8 to WB10), with no look-ahead, so it is taken in one tight loop.
            if matches!(prev, Letter | Digit) {
                let run_start = end;
                let kinds;
                (end, kinds) = ascii_alphanumeric_run(bytes, end);
                if end > run_start {
                    has_letter |= kinds & ASCII_LETTER != 0;
                    before = Some(if end - run_start >= 2 { ASCII_CLASSES[bytes[end - 2] as usize] } else { prev });
                    prev = ASCII_CLASSES[bytes[end - 1] as usize];
                    if end == bytes.len() {
                        break;
                    }
                }
            }
            let (next, next_len) = class_at(end)?;
            let after = match next {
                MidLetter | MidNum | MidNumLet if end + next_len < bytes.len() => Some(class_at(end + next_len)?.0),
                _ => None,
            };
            if !joined(before, prev, next, after) {
                break;
            }
            has_letter |= next == Letter;
            joined_by_mark |= !matches!(next, Letter | Digit);
            before = Some(prev);
            prev = next;
            end += next_len;
        }
        // A segment that starts with "_" joins the letters after it but is not a word.
        if first != ExtendNumLet {
            let capitalized = match bytes[start] {
                byte if byte < 0x80 => byte.is_ascii_uppercase(),
                _ => text[start..].chars().next().is_some_and(char::is_uppercase),
            };
            tokens.push(Token {
                span: start..end,
                has_letter,
                capitalized,
                joined: joined_by_mark,
                lex: Default::default(),
                key: 0,
            });
        }
        offset = end;
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
            joined: word.chars().any(|c| !c.is_alphanumeric()),
            lex: Default::default(),
            key: 0,
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
        let mut random = crate::test_random::XorShift(0x2545_f491_4f6c_dd1d);
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..(random.0 % 40) {
                text.push(random.pick(&alphabet));
            }
            random.0 = random.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
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
    fn the_word_key_fits_in_the_padding() {
        // Every token of every document is kept while it is scored: the key must not grow it.
        assert_eq!(std::mem::size_of::<Token>(), 32);
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
