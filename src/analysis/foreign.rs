//! Whether a sentence of the English text was left in another language, shared by the detectors
//! that report untranslated sentences, copied sources and untranslated words; and whether a text
//! shows that it came from German.

use super::Doc;

/// A sentence reliably identified as another language, with under 15% English function words
/// and mostly foreign lower-case words (names are capitalised, so a sentence of English verbs
/// between German names is not taken for German).
pub fn is_non_translated(doc: &Doc, sentence: usize) -> bool {
    let lang = &doc.sentence_langs[sentence];
    if !lang.is_reliably_foreign() || lang.confidence.is_none_or(|c| c < 0.5) {
        return false;
    }
    let tokens = doc.sentence_tokens(sentence);
    let words = tokens.iter().filter(|t| t.has_letter).count();
    let english = tokens.iter().filter(|t| t.lex.english_function()).count();
    let lower_case: Vec<&str> = tokens.iter().filter(|t| t.has_letter && !t.capitalized).map(|t| doc.word(t)).collect();
    let foreign = lower_case.iter().filter(|w| !crate::lexicon::ENGLISH_WORDS.contains(w)).count();
    words >= super::lang::MIN_WORDS_TO_MEASURE
        && (english as f32) < 0.15 * words as f32
        && foreign >= 2
        && foreign * 2 >= lower_case.len()
}

/// Whether the text shows that it came from German: German letters (in names such as
/// "München" too), German quotation marks, or a convention of the German press that English
/// writing does not share: a person's age in brackets after the name ("Olaf Scholz (65)"), a
/// decimal comma before a unit of counting ("1,2 billion"), a full stop grouping thousands
/// ("15.000 euros"), or a German abbreviation left in the text ("bzw.", "z.B.", "Mio.").
pub fn shows_german_origin(text: &str) -> bool {
    if text.contains(['ä', 'ö', 'ü', 'ß', 'Ä', 'Ö', 'Ü', '„']) {
        return true;
    }
    if GERMAN_ABBREVIATIONS.iter().any(|finder| finder.find(text.as_bytes()).is_some()) {
        return true;
    }
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'(', b',', bytes).any(|at| match bytes[at] {
        b'(' => is_age_after_name(bytes, at),
        _ => is_decimal_comma_before_count(text, at),
    }) || memchr::memchr_iter(b'.', bytes).any(|at| is_thousands_dot(text, at))
}

/// German abbreviations that English writing never uses, each after a space.
static GERMAN_ABBREVIATIONS: std::sync::LazyLock<Vec<memchr::memmem::Finder<'static>>> =
    std::sync::LazyLock::new(|| {
        [" bzw. ", " z.B. ", " z. B. ", " u.a. ", " usw.", " Mio. ", " Mrd. ", " ggf. ", " evtl. ", " inkl. "]
            .iter()
            .map(|a| memchr::memmem::Finder::new(a.as_bytes()).into_owned())
            .collect()
    });

/// "Scholz (65)": a capitalised word, a space, and two digits in brackets.
fn is_age_after_name(bytes: &[u8], open: usize) -> bool {
    let age =
        bytes.get(open + 1..open + 4).is_some_and(|b| b[0].is_ascii_digit() && b[1].is_ascii_digit() && b[2] == b')');
    let before = &bytes[..open];
    let Some(word) = before.strip_suffix(b" ") else { return false };
    let start = word.iter().rposition(|b| !b.is_ascii_alphabetic()).map_or(0, |p| p + 1);
    age && word.len() - start >= 2 && word[start].is_ascii_uppercase()
}

/// Digits, a comma, one or two digits, then "million", "billion", "percent" or "euros".
fn is_decimal_comma_before_count(text: &str, comma: usize) -> bool {
    let bytes = text.as_bytes();
    let digit_before = comma > 0 && bytes[comma - 1].is_ascii_digit();
    let decimals = bytes[comma + 1..].iter().take_while(|b| b.is_ascii_digit()).count();
    let after = &text[comma + 1 + decimals..];
    digit_before
        && (1..=2).contains(&decimals)
        && ["million", "billion", "percent", "per cent", "euros"]
            .iter()
            .any(|unit| after.strip_prefix(' ').is_some_and(|rest| rest.starts_with(unit)))
}

/// Nouns counted in thousands, after which a full stop between digits groups them.
const COUNTED: [&str; 10] =
    ["euros", "people", "inhabitants", "residents", "visitors", "participants", "spectators", "fans", "jobs", "cases"];

/// "15.000 euros": one to three digits (not a lone 0), a full stop and three digits before a
/// noun counted in thousands, where English would write a comma ("3.141 and" is a decimal).
fn is_thousands_dot(text: &str, dot: usize) -> bool {
    let bytes = text.as_bytes();
    let lead = bytes[..dot].iter().rev().take_while(|b| b.is_ascii_digit()).count();
    let group = bytes[dot + 1..].iter().take_while(|b| b.is_ascii_digit()).count();
    let before_lead = dot - lead;
    let standalone = before_lead == 0 || !matches!(bytes[before_lead - 1], b'.' | b',');
    (1..=3).contains(&lead)
        && bytes[before_lead] != b'0'
        && standalone
        && group == 3
        && text[dot + 4..].strip_prefix(' ').is_some_and(|rest| COUNTED.iter().any(|noun| rest.starts_with(noun)))
}

#[cfg(test)]
mod tests {
    use super::shows_german_origin;

    #[test]
    fn german_letters_quotes_and_press_conventions_show_german_origin() {
        for text in [
            "The mayor of München spoke.",
            "„We will see“, he said.",
            "Chancellor Olaf Scholz (65) wants a solution.",
            "The bridges cost around 1,2 billion euros.",
            "The damage amounts to 15.000 euros.",
            "Trains run via Ingolstadt bzw. Munich.",
            "It costs 120 Mio. euros.",
        ] {
            assert!(shows_german_origin(text), "{text}");
        }
    }

    #[test]
    fn english_conventions_do_not() {
        for text in [
            "The mayor of Munich spoke (again) on Monday.",
            "Prices rose 1,200 percent in (23) cases; 3.5 million people and 0.125 of them.",
            "Pi is 3.141 and the index rose 1.250 points. It cost 1.5 billion dollars. Scholz (D) voted.",
            "Temperatures reach 1,2 and 3 degrees. He was born in (19)85.",
            "Mio is a name, bzw.com a site, and i.e. and e.g. are English abbreviations.",
        ] {
            assert!(!shows_german_origin(text), "{text}");
        }
    }
}
