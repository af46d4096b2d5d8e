//! Tokens of both languages, the words of a translation, and cognate matching.

use std::borrow::Cow;
use std::ops::Range;

/// A word or number of a sentence.
#[derive(Debug)]
pub(super) struct Token {
    /// End-exclusive byte span in the text.
    pub(super) span: Range<usize>,
    /// The token in lower case, with ’ read as '.
    pub(super) lower: String,
    /// The token starts with a digit. Numbers are never counted.
    pub(super) is_number: bool,
}

/// Characters in a word: its length as the prototype counts it, in code points.
#[inline]
pub(super) fn letters(word: &str) -> usize {
    if word.is_ascii() {
        word.len()
    } else {
        word.chars().count()
    }
}

/// A letter of a word: anything alphanumeric but an ASCII digit, so superscripts ("km²") stay
/// inside a word as they do in the prototype's `[^\W\d_]`.
#[inline]
fn is_letter(c: char) -> bool {
    c.is_alphanumeric() && !c.is_ascii_digit()
}

/// The end of the run of characters from `start` that satisfy `accept`.
#[inline]
fn run_end(text: &str, start: usize, accept: impl Fn(char) -> bool) -> usize {
    text[start..].char_indices().find(|&(_, c)| !accept(c)).map_or(text.len(), |(offset, _)| start + offset)
}

/// If an apostrophe followed by a run of letters starts at `at`, the run's end. The typographic
/// apostrophe ’ counts in sentences, not in the lexicon (where the prototype splits on it).
#[inline]
fn apostrophe_suffix_end(text: &str, at: usize, typographic: bool) -> Option<usize> {
    let mut chars = text[at..].chars();
    let apostrophe = chars.next().filter(|&c| c == '\'' || typographic && c == '’')?;
    let after = at + apostrophe.len_utf8();
    chars.next().filter(|&c| is_letter(c))?;
    Some(run_end(text, after, is_letter))
}

/// The sentence's numbers (`[0-9]+([.,][0-9]+)*`) and words (letters, optionally an apostrophe
/// and more letters: "geht's", "don't"), in order.
pub(super) fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(c) = text[at..].chars().next() {
        let end = if c.is_ascii_digit() {
            let mut end = run_end(text, at, |c| c.is_ascii_digit());
            while end + 1 < bytes.len() && matches!(bytes[end], b'.' | b',') && bytes[end + 1].is_ascii_digit() {
                end = run_end(text, end + 1, |c| c.is_ascii_digit());
            }
            end
        } else if is_letter(c) {
            let end = run_end(text, at, is_letter);
            apostrophe_suffix_end(text, end, true).unwrap_or(end)
        } else {
            at += c.len_utf8();
            continue;
        };
        let raw = &text[at..end];
        let lower = if raw.contains('’') { raw.replace('’', "'").to_lowercase() } else { raw.to_lowercase() };
        // The prototype's `isdigit` on the first character; `is_numeric` also takes fractions
        // such as '½', a difference no test sentence shows.
        tokens.push(Token { span: at..end, lower, is_number: c.is_numeric() });
        at = end;
    }
    tokens
}

/// The words of a lexicon translation ("take part" → "take", "part"): runs of letters and
/// digits, optionally with an apostrophe and letters.
pub(super) fn phrase_words(translation: &str) -> impl Iterator<Item = &str> {
    let mut at = 0;
    std::iter::from_fn(move || {
        let (offset, _) = translation[at..].char_indices().find(|&(_, c)| c.is_alphanumeric())?;
        let start = at + offset;
        let end = run_end(translation, start, char::is_alphanumeric);
        at = apostrophe_suffix_end(translation, end, false).unwrap_or(end);
        Some(&translation[start..at])
    })
}

/// A word spelt for cognate comparison: German umlauts and ß written out (ä→a, ß→ss), and k
/// and z read as c on both sides (Kanzler/chancellor, Zentrum/centre).
pub(super) struct Spelling<'a> {
    text: Cow<'a, str>,
    letters: usize,
    /// How many letters fall in each of 32 buckets (a letter's code point modulo 32, which
    /// keeps a to z apart): two words whose buckets differ by more than an edit distance allows
    /// are told apart without computing it.
    bag: [u16; 32],
}

impl<'a> Spelling<'a> {
    pub(super) fn new(lower: &'a str, german: bool) -> Self {
        let respelt = |c: char| matches!(c, 'k' | 'z') || german && matches!(c, 'ä' | 'ö' | 'ü' | 'ß');
        let text = if lower.contains(respelt) {
            let mut text = String::with_capacity(lower.len() + 1);
            for c in lower.chars() {
                match c {
                    'k' | 'z' => text.push('c'),
                    'ä' if german => text.push('a'),
                    'ö' if german => text.push('o'),
                    'ü' if german => text.push('u'),
                    'ß' if german => text.push_str("ss"),
                    _ => text.push(c),
                }
            }
            Cow::Owned(text)
        } else {
            Cow::Borrowed(lower)
        };
        let mut bag = [0u16; 32];
        let mut letters = 0;
        for c in text.chars() {
            letters += 1;
            let bucket = &mut bag[c as usize % 32];
            *bucket = bucket.saturating_add(1);
        }
        Spelling { text, letters, bag }
    }

    /// A lower bound of the edit distance: an edit adds at most one letter to the bag and
    /// removes at most one, so the letters one word has beyond the other's take an edit each.
    /// Merging letters into buckets only lowers the count, and so does saturation, which no
    /// real word reaches.
    fn distance_at_least(&self, other: &Spelling) -> usize {
        let (mut more, mut fewer) = (0usize, 0usize);
        for (a, b) in self.bag.iter().zip(&other.bag) {
            more += usize::from(a.saturating_sub(*b));
            fewer += usize::from(b.saturating_sub(*a));
        }
        more.max(fewer)
    }
}

/// Two words that look alike: equal, or, when both have at least four letters, sharing their
/// first five letters (Demokratie/democracy) or within an edit distance of a quarter of the
/// longer one (Präsident/president).
pub(super) fn cognate(german: &Spelling, english: &Spelling) -> bool {
    if german.text == english.text {
        return true;
    }
    let (short, long) = (german.letters.min(english.letters), german.letters.max(english.letters));
    if short < 4 {
        return false;
    }
    if german.text.chars().zip(english.text.chars()).take_while(|(a, b)| a == b).count() >= 5 {
        return true;
    }
    // The prototype gives up on the distance when the lengths differ by more than three and
    // calls it 99, which no word is long enough to tolerate.
    let within = |distance: usize| 4 * distance <= long;
    if long - short > 3 {
        return within(99);
    }
    within(german.distance_at_least(english)) && within(strsim::levenshtein(&german.text, &english.text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lower(text: &str) -> Vec<String> {
        tokenize(text).into_iter().map(|t| t.lower).collect()
    }

    #[test]
    fn tokens_keep_numbers_apostrophes_and_byte_spans() {
        assert_eq!(lower("Am 3.10.2022 gab’s 1.000,50 €."), ["am", "3.10.2022", "gab's", "1.000,50"]);
        assert_eq!(lower("rock'n'roll, don't 3er"), ["rock'n", "roll", "don't", "3", "er"]);
        let text = "Über’s Größte";
        for token in tokenize(text) {
            assert!(text.is_char_boundary(token.span.start) && text.is_char_boundary(token.span.end));
        }
        assert_eq!(tokenize(text)[0].span, 0..9);
        assert!(tokenize("2022 Jahr")[0].is_number);
    }

    #[test]
    fn phrase_words_split_on_anything_but_letters_and_digits() {
        let words: Vec<&str> = phrase_words("take part, o'clock (2nd) rock’n").collect();
        assert_eq!(words, ["take", "part", "o'clock", "2nd", "rock", "n"]);
        assert_eq!(phrase_words(" - ").count(), 0);
    }

    #[test]
    fn cognates() {
        let pair = |de: &str, en: &str| cognate(&Spelling::new(de, true), &Spelling::new(en, false));
        assert!(pair("präsident", "president"));
        assert!(pair("zentrum", "centre"));
        assert!(pair("demokratie", "democracy"));
        assert!(!pair("haus", "house"));
        assert!(!pair("regierung", "government"));
        // Equal when written the same way, however short; alike by chance as often as not.
        assert!(pair("zoo", "zoo"));
        assert!(pair("kurs", "cure"));
        assert!(!pair("kurs", "course"));
    }
}
