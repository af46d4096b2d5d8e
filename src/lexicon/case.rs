//! Lower-casing words for lookup without touching the heap, and capitalising suggestions.

use std::borrow::Cow;

/// A word in lower case, borrowed when it has no capitals (most words): detectors that compare
/// every word of a text lower-case each one, and copying them was a large part of their cost.
pub fn lower_case(word: &str) -> Cow<'_, str> {
    if word.is_ascii() && !word.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

/// Calls `f` with `word` in lower case, built on the stack when it fits (nearly always), for
/// lookups in the word lists. Characters are lower-cased one by one: a final Greek sigma stays
/// "σ", which no list contains anyway.
pub fn with_lower_case<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buffer = [0u8; 64];
    if word.is_ascii() && word.len() <= buffer.len() {
        let lowered = &mut buffer[..word.len()];
        lowered.copy_from_slice(word.as_bytes());
        lowered.make_ascii_lowercase();
        return f(std::str::from_utf8(lowered).expect("ASCII is UTF-8"));
    }
    let mut length = 0;
    for c in word.chars() {
        for lower in c.to_lowercase() {
            if length + lower.len_utf8() > buffer.len() {
                return f(&word.to_lowercase());
            }
            length += lower.encode_utf8(&mut buffer[length..]).len();
        }
    }
    f(std::str::from_utf8(&buffer[..length]).expect("encoded from characters"))
}

/// The word with its first letter in upper case ("january" → "January", "they" → "They"), for
/// a suggestion that replaces a capitalised word.
pub fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitalised_raises_only_the_first_letter() {
        assert_eq!(capitalised("january"), "January");
        assert_eq!(capitalised("übermorgen ist"), "Übermorgen ist");
        assert_eq!(capitalised(""), "");
    }

    #[test]
    fn lower_case_on_the_stack_matches_the_standard_library() {
        for word in ["Putin", "ÖSTERREICH", "straße", "İstanbul", "MÄRZ", "a", "", &"Ä".repeat(40)] {
            assert_eq!(with_lower_case(word, str::to_string), word.to_lowercase(), "{word}");
            assert_eq!(lower_case(word), word.to_lowercase(), "{word}");
        }
    }
}
