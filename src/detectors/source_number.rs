//! # source-number
//!
//! ## What it does
//! Flags a number in the translation that is not in the aligned source sentence, or a number in
//! the source sentence that the translation lacks. Runs only when the input has a source
//! column.
//!
//! Numbers are compared by value, after reading each side in its own conventions: German
//! "1.000", "3,5", "20.15 Uhr", "9.8." and "90er" and English "1,000", "3.5", "8.15 p.m.",
//! "9th" and "1990s"; number words ("zwei", "two", "fifty-five", "dritte", "third"); and scale
//! words, so "3,5 Millionen" matches "3.5 million" and "3,500,000". A 24-hour time matches its
//! 12-hour form, a German numeric month matches the English month name, and a number found in
//! the neighbouring sentences is not flagged, in case the alignment is off by one. A date the
//! translation keeps as the source wrote it ("03.01.21") matches. A German compound that opens
//! with a number ("Zweierbob", "Dreier-Quote") and words such as "both", "pair" or "dual" may
//! match a number on the other side, but are never reported as missing or added.
//!
//! ## Why it signals MT
//! A changed number is among the most harmful MT errors in news: casualty figures, money and
//! dates. MT swaps digits, drops a scale word or misreads the German decimal comma.
//!
//! ## Example
//! Source "mehr als 28.000 Tote", translation "more than 24,000 deaths": "24,000" is flagged,
//! with a message naming the source's 28.000.
//!
//! ## Known false positives
//! Legitimate conversions the rules do not know (units, currencies, "zwei Drittel" rendered
//! "two-thirds" is fine but "die Hälfte" rendered "50 percent" is not), and numbers the
//! translator added for clarity, such as a year. "ein", "eins", "erste" and "zweite" and their
//! English counterparts are not read as numbers: "one" and "second" have too many other uses.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "major")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::{Doc, Token};
use crate::flag::{Category, Severity};

pub struct SourceNumber;

/// Which conventions to read numbers with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Language {
    German,
    English,
}

/// One number in a text: where it is and the values it may stand for.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct NumberMention {
    /// Byte span of the token (or tokens) it was read from.
    pub span: std::ops::Range<usize>,
    /// The value as read, and the values it may legitimately be written as on the other side
    /// (scaled by "million", a 24-hour time as 12-hour, a decade as a year).
    pub values: Vec<f64>,
    /// A word that may or may not be rendered as a number ("beide", "both", "ersten", "one"):
    /// it can match a number on the other side but is never reported missing or extra.
    pub optional: bool,
    /// Part of a name ("COVID-19", "F-35"): English adds such numbers to names the source
    /// gives without them ("Corona"), so one is reported as added only where the source has
    /// a number in a name too.
    pub in_name: bool,
}

impl NumberMention {
    fn matches(&self, other: &NumberMention) -> bool {
        self.values.iter().any(|a| other.values.iter().any(|b| (a - b).abs() <= 1e-9 * a.abs().max(1.0)))
    }
}

/// Words that stand for a number but are often translated without one.
const GERMAN_OPTIONAL: [(&str, f64); 14] = [
    ("ein", 1.0),
    ("eine", 1.0),
    ("einen", 1.0),
    ("einem", 1.0),
    ("einer", 1.0),
    ("eins", 1.0),
    ("erste", 1.0),
    ("ersten", 1.0),
    ("erster", 1.0),
    ("zweite", 2.0),
    ("zweiten", 2.0),
    ("beide", 2.0),
    ("beiden", 2.0),
    ("paar", 2.0),
];
const ENGLISH_OPTIONAL: [(&str, f64); 20] = [
    ("one", 1.0),
    ("first", 1.0),
    ("second", 2.0),
    ("both", 2.0),
    ("pair", 2.0),
    ("couple", 2.0),
    ("dual", 2.0),
    ("twin", 2.0),
    ("duo", 2.0),
    ("trio", 3.0),
    ("a", 1.0),
    // Multiples, which render German "zweifach", "dreimal" and "doppelt".
    ("twice", 2.0),
    ("double", 2.0),
    ("twofold", 2.0),
    ("triple", 3.0),
    ("threefold", 3.0),
    ("thrice", 3.0),
    ("treble", 3.0),
    ("quadruple", 4.0),
    ("fourfold", 4.0),
];

const GERMAN_WORDS: [(&str, f64); 30] = [
    ("eintausend", 1000.0),
    ("einhundert", 100.0),
    ("zwei", 2.0),
    ("drei", 3.0),
    ("vier", 4.0),
    ("fünf", 5.0),
    ("sechs", 6.0),
    ("sieben", 7.0),
    ("acht", 8.0),
    ("neun", 9.0),
    ("zehn", 10.0),
    ("elf", 11.0),
    ("zwölf", 12.0),
    ("zwanzig", 20.0),
    ("dreißig", 30.0),
    ("vierzig", 40.0),
    ("fünfzig", 50.0),
    ("sechzig", 60.0),
    ("siebzig", 70.0),
    ("achtzig", 80.0),
    ("neunzig", 90.0),
    ("hundert", 100.0),
    ("tausend", 1000.0),
    ("dutzend", 12.0),
    ("zweimal", 2.0),
    ("dreimal", 3.0),
    ("viermal", 4.0),
    ("fünfmal", 5.0),
    ("zehnmal", 10.0),
    ("hundertmal", 100.0),
];

const ENGLISH_WORDS: [(&str, f64); 26] = [
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("hundred", 100.0),
    ("thousand", 1000.0),
    ("dozen", 12.0),
    ("twice", 2.0),
    ("thrice", 3.0),
    ("fourfold", 4.0),
    ("tenfold", 10.0),
];

/// German ordinal stems from "dritt-" on, matched with any inflection ("dritten", "vierte").
const GERMAN_ORDINALS: [(&str, f64); 11] = [
    ("acht", 8.0), // "achte", "achter"; "achten" (to respect) is excluded below.
    ("dritt", 3.0),
    ("viert", 4.0),
    ("fünft", 5.0),
    ("sechst", 6.0),
    ("siebt", 7.0),
    ("neunt", 9.0),
    ("zehnt", 10.0),
    ("elft", 11.0),
    ("zwölft", 12.0),
    ("zwanzigst", 20.0),
];

const ENGLISH_ORDINALS: [(&str, f64); 11] = [
    ("third", 3.0),
    ("fourth", 4.0),
    ("fifth", 5.0),
    ("sixth", 6.0),
    ("seventh", 7.0),
    ("eighth", 8.0),
    ("ninth", 9.0),
    ("tenth", 10.0),
    ("eleventh", 11.0),
    ("twelfth", 12.0),
    ("twentieth", 20.0),
];

const GERMAN_MONTHS: [&str; 12] = [
    "januar",
    "februar",
    "märz",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "dezember",
];

/// One language's number words, for lookup: every token that is not a numeral is looked up, and
/// comparing it with each listed word was most of this detector's cost.
struct NumberWords {
    cardinals: rustc_hash::FxHashMap<&'static str, f64>,
    /// Month number by name.
    months: rustc_hash::FxHashMap<&'static str, f64>,
    /// German: ordinal stems, to which an inflection is added; English: ordinal words.
    ordinals: rustc_hash::FxHashMap<&'static str, f64>,
    optional: rustc_hash::FxHashMap<&'static str, f64>,
}

impl NumberWords {
    fn new(
        cardinals: &[(&'static str, f64)],
        months: &[&'static str],
        ordinals: &[(&'static str, f64)],
        optional: &[(&'static str, f64)],
    ) -> Self {
        // The first entry of a word wins, as in a scan of the list.
        let map = |pairs: &mut dyn Iterator<Item = (&'static str, f64)>| {
            let mut map = rustc_hash::FxHashMap::default();
            for (word, value) in pairs {
                map.entry(word).or_insert(value);
            }
            map
        };
        NumberWords {
            cardinals: map(&mut cardinals.iter().copied()),
            months: map(&mut months.iter().enumerate().map(|(i, m)| (*m, i as f64 + 1.0))),
            ordinals: map(&mut ordinals.iter().copied()),
            optional: map(&mut optional.iter().copied()),
        }
    }
}

static NUMBER_WORDS: std::sync::LazyLock<[NumberWords; 2]> = std::sync::LazyLock::new(|| {
    [
        NumberWords::new(&GERMAN_WORDS, &GERMAN_MONTHS, &GERMAN_ORDINALS, &GERMAN_OPTIONAL),
        NumberWords::new(&ENGLISH_WORDS, &crate::lexicon::MONTH_NAMES, &ENGLISH_ORDINALS, &ENGLISH_OPTIONAL),
    ]
});

fn number_words(language: Language) -> &'static NumberWords {
    match language {
        Language::German => &NUMBER_WORDS[0],
        Language::English => &NUMBER_WORDS[1],
    }
}

fn scale_of(word: &str, language: Language) -> Option<f64> {
    let lower = crate::lexicon::lower_case(word);
    match language {
        Language::German => match lower.as_ref() {
            "tausend" => Some(1e3),
            "mio" | "million" | "millionen" => Some(1e6),
            "mrd" | "milliarde" | "milliarden" => Some(1e9),
            "billion" | "billionen" => Some(1e12),
            _ => None,
        },
        Language::English => match lower.as_ref() {
            "thousand" | "thousands" => Some(1e3),
            "million" | "millions" | "mn" => Some(1e6),
            "billion" | "billions" | "bn" => Some(1e9),
            "trillion" | "trillions" => Some(1e12),
            _ => None,
        },
    }
}

/// Reads a token of digits and separators: German "1.000,5", English "1,000.5".
fn parse_digits(word: &str, language: Language) -> Option<f64> {
    let (group, decimal) = match language {
        Language::German => ('.', ','),
        Language::English => (',', '.'),
    };
    if !word.chars().next()?.is_ascii_digit() || !word.chars().all(|c| c.is_ascii_digit() || c == group || c == decimal)
    {
        return None;
    }
    let (whole, fraction) = match word.split_once(decimal) {
        Some((whole, fraction)) if !fraction.contains([group, decimal]) => (whole, Some(fraction)),
        Some(_) => return None,
        None => (word, None),
    };
    let mut groups = whole.split(group);
    let first = groups.next()?;
    let rest: Vec<&str> = groups.collect();
    if !rest.is_empty() && (first.len() > 3 || rest.iter().any(|g| g.len() != 3)) {
        return None; // "20.15" in German, "1,5" in English: not a grouped number.
    }
    let digits: String = std::iter::once(first).chain(rest).collect();
    let number = match fraction {
        Some(fraction) => format!("{digits}.{fraction}"),
        None => digits,
    };
    number.parse().ok()
}

/// Every number in `tokens` of `text`, read in `language`'s conventions.
pub(crate) fn numbers(text: &str, tokens: &[Token], language: Language) -> Vec<NumberMention> {
    let mut found: Vec<NumberMention> = Vec::new();
    for (index, token) in tokens.iter().enumerate() {
        let word = &text[token.span.clone()];
        let next_word = tokens.get(index + 1).map(|t| &text[t.span.clone()]);
        let mut values: Vec<f64> = Vec::new();
        let mut optional = false;
        if let Some(compound) = hyphenated_number(text, tokens, index, language) {
            // "fifty-five": one number over both tokens; the second is skipped below.
            found.push(NumberMention {
                span: token.span.start..tokens[index + 1].span.end,
                values: vec![compound],
                optional: false,
                in_name: false,
            });
            continue;
        }
        if index > 0 && hyphenated_number(text, tokens, index - 1, language).is_some() {
            continue;
        }
        if token.is_number() {
            let after_colon = text[..token.span.start].ends_with(':');
            // "2:00 p.m.": the hour's clock word comes after its minutes.
            let minutes_follow = next_word.is_some_and(|w| w.len() == 2 && w.bytes().all(|b| b.is_ascii_digit()))
                && text[token.span.end..].starts_with(':');
            let clock_word =
                if minutes_follow { tokens.get(index + 2).map(|t| &text[t.span.clone()]) } else { next_word };
            values.extend(read_numeric(
                word,
                clock_word,
                &text[token.span.end..],
                after_colon,
                language,
                &mut found,
                token,
            ));
            if values.is_empty() {
                continue;
            }
        } else {
            let Some((word_values, is_optional)) =
                crate::lexicon::with_lower_case(word, |lower| word_values(lower, word, token, next_word, language))
            else {
                continue;
            };
            values = word_values;
            optional = is_optional;
        }
        if let Some(scale) = next_word.and_then(|w| scale_of(w, language)) {
            let scaled: Vec<f64> = values.iter().map(|v| v * scale).collect();
            values.extend(scaled);
        }
        // "COVID-19", "F-35": a number that is part of a name is often added or left out.
        let in_name = index > 0
            && token.is_number()
            && text[..token.span.start].ends_with('-')
            && tokens[index - 1].span.end + 1 == token.span.start
            && tokens[index - 1].capitalized;
        found.push(NumberMention { span: token.span.clone(), values, optional, in_name });
    }
    found
}

/// Values of a token of digits; a time or date is pushed as its parts and yields nothing.
fn read_numeric(
    word: &str,
    next_word: Option<&str>,
    rest: &str,
    after_colon: bool,
    language: Language,
    found: &mut Vec<NumberMention>,
    token: &Token,
) -> Vec<f64> {
    let next_lower = next_word.map(str::to_lowercase);
    let next = next_lower.as_deref().unwrap_or("");
    // Clock times: "20.15 Uhr", "8.15 p.m.", "20 Uhr", "8 pm"; a German date "9.8." or "9.8.2022".
    let clock = match language {
        Language::German => next == "uhr",
        Language::English => ["pm", "am", "p.m", "a.m", "o'clock", "o’clock", "hours", "gmt", "cet"].contains(&next),
    };
    let parts: Vec<&str> = word.split(['.', ':']).collect();
    let small_pair = parts.len() == 2 && parts.iter().all(|p| (1..=2).contains(&p.len()));
    // "9.8.2022" or "9.8.22": a German date, read as day, month and year.
    // English text keeps such a date as the source wrote it ("my order of 03.01.21").
    let dotted_date = word.contains('.')
        && parts.len() == 3
        && parts[..2].iter().all(|p| (1..=2).contains(&p.len()))
        && [2, 4].contains(&parts[2].len());
    if clock || dotted_date || small_pair && language == Language::German && rest.starts_with('.') {
        for (position, part) in parts.iter().enumerate() {
            let Ok(value) = part.parse::<f64>() else { continue };
            let mut values = vec![value];
            if position == 0 && clock {
                // 20 Uhr is 8 p.m.; 8 p.m. is 20 Uhr.
                if value > 12.0 {
                    values.push(value - 12.0);
                } else {
                    values.push(value + 12.0);
                }
            }
            // "14:00 Uhr" may come out as "2 p.m.": whole hours need not show their minutes.
            let zero_minutes = (position > 0 || after_colon) && value == 0.0 && clock;
            found.push(NumberMention { span: token.span.clone(), values, optional: zero_minutes, in_name: false });
        }
        return Vec::new();
    }
    let mut values: Vec<f64> = parse_digits(word, language).into_iter().collect();
    if language == Language::English && word.contains('.') && !word.contains(',') {
        // "20.000 inhabitants": German grouping kept in the English text. The value is the
        // source's; thousands-dot reports the format.
        values.extend(parse_digits(word, Language::German).filter(|german| !values.contains(german)));
    }
    if let Some(&year) = values.first().filter(|_| language == Language::English && word.len() == 4) {
        if rest.starts_with(['s', '\'', '’']) && rest.trim_start_matches(['\'', '’']).starts_with('s') {
            // "the 1850s", "the 1850's": the decade, its short form and its century.
            values.extend([year % 100.0, year - year % 100.0]);
        }
    }
    if let Some(&ordinal) = values.first().filter(|_| language == Language::German && rest.starts_with(". Jahr")) {
        values.push((ordinal - 1.0) * 100.0); // "im 19. Jahrhundert": the 1800s.
    }
    if small_pair && language == Language::English && parts[1].len() == 2 {
        // "8.15" may be a time written the British way: let its parts match too.
        values.extend(parts.iter().filter_map(|p| p.parse::<f64>().ok()));
    }
    values
}

/// The values of a word that is not a numeral, and whether it only may stand for a number;
/// None for a word that is no number.
fn word_values(
    lower: &str,
    word: &str,
    token: &Token,
    next_word: Option<&str>,
    language: Language,
) -> Option<(Vec<f64>, bool)> {
    if let Some(value) = read_word(lower, token, language) {
        return Some((vec![value], false));
    }
    if let Some(values) = read_suffixed(word, language) {
        return Some((values, false));
    }
    let Some(value) = read_optional(lower, language) else {
        // "Zweierbob", "Dreier-Quote", "Fünfjahresplan": a compound that opens with a number
        // may be translated with it ("two-man bob") or without ("five-year plan" has it, the
        // "Magi" do not), so it can only match.
        return (language == Language::German).then(|| number_prefix(lower)).flatten().map(|value| (vec![value], true));
    };
    // "a" counts only as "a thousand", "a million": a scale word must follow.
    if lower == "a" && next_word.and_then(|w| scale_of(w, language)).is_none() {
        return None;
    }
    Some((vec![value], true))
}

/// German number words that open compounds ("Zweierbob", "Dreikönigstag", "Zehnjahresplan").
/// The first that opens a word gives its value.
const GERMAN_COMPOUND_NUMBERS: [(&str, f64); 11] = [
    ("zwölf", 12.0),
    ("sieben", 7.0),
    ("sechs", 6.0),
    ("zwei", 2.0),
    ("drei", 3.0),
    ("vier", 4.0),
    ("fünf", 5.0),
    ("acht", 8.0),
    ("neun", 9.0),
    ("zehn", 10.0),
    ("hundert", 100.0),
];

/// The number a German compound opens with, if it is one and more letters follow.
fn number_prefix(lower: &str) -> Option<f64> {
    GERMAN_COMPOUND_NUMBERS
        .iter()
        .find(|(prefix, _)| lower.len() > prefix.len() + 1 && lower.starts_with(prefix))
        .map(|(_, value)| *value)
}

/// The value of a number written as two words joined by a hyphen, a multiple of ten and a unit
/// ("fifty-five", "Twenty-one"), starting at token `index`.
fn hyphenated_number(text: &str, tokens: &[Token], index: usize, language: Language) -> Option<f64> {
    let (first, second) = (tokens.get(index)?, tokens.get(index + 1)?);
    if language != Language::English || first.is_number() || &text[first.span.end..second.span.start] != "-" {
        return None;
    }
    let words = number_words(language);
    let tens = crate::lexicon::with_lower_case(&text[first.span.clone()], |lower| words.cardinals.get(lower).copied())?;
    let unit = crate::lexicon::with_lower_case(&text[second.span.clone()], |lower| {
        words.cardinals.get(lower).or(words.optional.get(lower).filter(|_| lower == "one")).copied()
    })?;
    ((20.0..=90.0).contains(&tens) && tens % 10.0 == 0.0 && (1.0..=9.0).contains(&unit)).then_some(tens + unit)
}

/// A number word, an ordinal word or a month name, given in lower case.
fn read_word(lower: &str, token: &Token, language: Language) -> Option<f64> {
    let words = number_words(language);
    if let Some(value) = words.cardinals.get(lower) {
        return Some(*value);
    }
    // Month names only when capitalised: "may" and "march" are also verbs.
    if token.capitalized {
        if let Some(month) = words.months.get(lower) {
            return Some(*month);
        }
    }
    match language {
        // A stem with one of these endings; no two endings end in the same letter, so a word
        // has at most one stem. "achten" (to respect) is not "eighth".
        Language::German => ["e", "en", "er", "es", "em"]
            .iter()
            .find_map(|ending| lower.strip_suffix(ending))
            .filter(|_| lower != "achten")
            .and_then(|stem| words.ordinals.get(stem).copied()),
        Language::English => words.ordinals.get(lower).copied(),
    }
}

/// A word that may stand for a number: "beide", "ersten", "one", "both", given in lower case.
/// A German multiple ("dreifach", "zweifache") is one too: English writes it with the number
/// ("three doses") or as a word ("triple").
fn read_optional(lower: &str, language: Language) -> Option<f64> {
    let words = number_words(language);
    if let Some(value) = words.optional.get(lower) {
        return Some(*value);
    }
    if language == Language::German {
        let stem = ["fach", "fache", "fachen", "facher", "faches", "fachem"].iter().find_map(|e| lower.strip_suffix(e));
        return stem.and_then(|stem| words.cardinals.get(stem)).copied();
    }
    None
}

/// Digits with a letter suffix: "9th", "1990s", "90er", "19jährige", "1,5A".
fn read_suffixed(word: &str, language: Language) -> Option<Vec<f64>> {
    let digits_end = word.find(|c: char| !c.is_ascii_digit())?;
    if digits_end == 0 {
        return None;
    }
    // The number may have a decimal part before its unit ("1,5A", "2.5kg").
    let number_end = word.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ',')).unwrap_or(word.len());
    let number = word[..number_end].trim_end_matches(['.', ',']);
    // Glued to a unit, the number is often written in English conventions in German text too
    // ("1.5A"): both readings count.
    let other = match language {
        Language::German => Language::English,
        Language::English => Language::German,
    };
    let readings: Vec<f64> =
        [parse_digits(number, language), parse_digits(number, other)].into_iter().flatten().collect();
    let (value, digits_end) = match readings.first() {
        Some(&value) if number.len() > digits_end => (value, number.len()),
        _ => (word[..digits_end].parse().ok()?, digits_end),
    };
    let suffix = word[digits_end..].to_lowercase();
    let decade = |value: f64| {
        if value < 100.0 && value % 10.0 == 0.0 {
            vec![value, 1900.0 + value, 2000.0 + value]
        } else {
            vec![value, value % 100.0]
        }
    };
    match language {
        Language::English => match suffix.as_str() {
            "st" | "nd" | "rd" | "th" => Some(vec![value]),
            // "9.30pm": the hour in both clocks, and the minutes.
            "am" | "pm" if number.split(['.', ':']).count() <= 2 => {
                let mut parts = number.split(['.', ':']).filter_map(|p| p.parse::<f64>().ok());
                let hour = parts.next()?;
                Some([hour, if hour > 12.0 { hour - 12.0 } else { hour + 12.0 }].into_iter().chain(parts).collect())
            }
            "s" | "’s" | "'s" => Some(decade(value)),
            // "5km", "10pm", "3bn": the number with a unit glued on.
            _ => Some(with_other_reading(value, &readings)),
        },
        Language::German => match suffix.as_str() {
            "er" | "ern" | "erjahre" | "erjahren" => Some(decade(value)),
            // "24jährigen", "3fach", "5mal": the number with a word glued on.
            _ => Some(with_other_reading(value, &readings)),
        },
    }
}

/// `value` and the other reading of the same digits, if there is one.
fn with_other_reading(value: f64, readings: &[f64]) -> Vec<f64> {
    let mut values = vec![value];
    values.extend(readings.iter().copied().filter(|&other| other != value));
    values
}

impl Detector for SourceNumber {
    const DECLARATION: Declaration =
        Declaration { id: "source-number", category: Category::Mistranslation, severity: Severity::Major, version: 4 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        SourceNumber
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        let Some(source) = &doc.source else { return };
        for (index, link, target_span) in doc.aligned_links() {
            let near = source.neighbourhood(index);
            let source_here = numbers(source.text, source.tokens_of(link), Language::German);
            let target_here = numbers(doc.text, doc.tokens_of_links(index..index + 1), Language::English);
            if source_here.is_empty() && target_here.is_empty() {
                continue;
            }
            // The neighbours' numbers only where this link has numbers to look for there.
            let source_near = if target_here.is_empty() {
                Vec::new()
            } else {
                numbers(source.text, source.tokens_of_links(near.clone()), Language::German)
            };
            let target_near = if source_here.is_empty() {
                Vec::new()
            } else {
                numbers(doc.text, doc.tokens_of_links(near.clone()), Language::English)
            };
            // Codes and measures are spaced differently on the two sides ("E 95" and "E95",
            // "11x15mm" and "11 x 15 mm"): a number written in digits is found in the other
            // side's runs of digits too, wherever they stand.
            let source_runs = digit_runs(source.text, source.tokens_of_links(near.clone()));
            let target_runs = digit_runs(doc.text, doc.tokens_of_links(near.clone()));
            let in_runs = |text: &str, runs: &[&str]| text.bytes().all(|b| b.is_ascii_digit()) && runs.contains(&text);
            let missing: Vec<&NumberMention> = source_here
                .iter()
                .filter(|s| !s.optional && !target_near.iter().any(|t| t.matches(s)))
                .filter(|s| !in_runs(&source.text[s.span.clone()], &target_runs))
                .collect();
            let source_names_a_number = source_near.iter().any(|s| s.in_name);
            let mut extra: Vec<&NumberMention> = target_here
                .iter()
                .filter(|t| !t.optional && (!t.in_name || source_names_a_number))
                .filter(|t| !source_near.iter().any(|s| s.matches(t)))
                .filter(|t| !in_runs(&doc.text[t.span.clone()], &source_runs))
                // The zero minutes of a full hour ("18:00" for "18 Uhr").
                .filter(|t| !(&doc.text[t.span.clone()] == "00" && doc.text[..t.span.start].ends_with(':')))
                .collect();
            if !extra.is_empty() {
                // A word spelled the same on both sides ("the Ninth Ward") is a name, not a number.
                let source_words: Vec<String> = source
                    .tokens_of_links(near.clone())
                    .iter()
                    .map(|t| source.text[t.span.clone()].to_lowercase())
                    .collect();
                extra.retain(|t| !source_words.contains(&doc.text[t.span.clone()].to_lowercase()));
            }
            let source_list = |mentions: &[&NumberMention]| {
                let mut written: Vec<String> =
                    mentions.iter().map(|m| format!("‘{}’", source_excerpt(source.text, &m.span))).collect();
                written.dedup();
                written.join(", ")
            };
            for (position, number) in extra.iter().enumerate() {
                let message = if missing.is_empty() {
                    format!(
                        "‘{}’ is not in the source sentence, whose numbers are {}: a number added or changed in translation.",
                        &doc.text[number.span.clone()],
                        if source_here.is_empty() {
                            "none".to_string()
                        } else {
                            source_list(&source_here.iter().collect::<Vec<_>>())
                        }
                    )
                } else {
                    format!(
                        "‘{}’ is not in the source sentence, which has {} instead: a changed number.",
                        &doc.text[number.span.clone()],
                        source_list(&missing)
                    )
                };
                flags
                    .flag(number.span.clone(), if missing.is_empty() || position > 0 { 0.6 } else { 0.85 }, message)
                    .in_category(Category::Mistranslation);
            }
            if extra.is_empty() && !missing.is_empty() {
                flags.flag(target_span.clone(), 0.7, format!(
                        "The source sentence has {} but this translation has no such number: it was dropped or changed.",
                        source_list(&missing)
                    )).in_category(Category::Omission);
            }
        }
    }
}

/// Every run of ASCII digits in the tokens, wherever it stands: "E95" gives "95", "11x15mm"
/// gives "11" and "15".
fn digit_runs<'t>(text: &'t str, tokens: &[Token]) -> Vec<&'t str> {
    tokens
        .iter()
        .flat_map(|t| text[t.span.clone()].split(|c: char| !c.is_ascii_digit()))
        .filter(|run| !run.is_empty())
        .collect()
}

fn source_excerpt<'t>(text: &'t str, span: &std::ops::Range<usize>) -> &'t str {
    &text[span.clone()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tokens::tokenize;
    use crate::flag::Flag;

    fn values(text: &str, language: Language) -> Vec<Vec<f64>> {
        numbers(text, &tokenize(text), language).into_iter().map(|m| m.values).collect()
    }

    fn flags(source: &str, target: &str) -> Vec<(String, Flag)> {
        super::super::test_support::flags_with_source::<SourceNumber>(source, target)
    }

    #[test]
    fn reads_each_language_in_its_own_conventions() {
        assert_eq!(values("272.000 Fälle und 3,5 Prozent", Language::German), [vec![272000.0], vec![3.5]]);
        assert_eq!(values("272,000 cases and 3.5 percent", Language::English)[0], [272000.0]);
        assert_eq!(values("drei Wochen, am vierten Tag", Language::German), [vec![3.0], vec![4.0]]);
        assert_eq!(values("2,5 Millionen", Language::German), [vec![2.5, 2_500_000.0]]);
        assert_eq!(values("the 1990s", Language::English), [vec![1990.0, 90.0]]);
        assert_eq!(values("in den 90er Jahren", Language::German), [vec![90.0, 1990.0, 2090.0]]);
        assert_eq!(values("um 20.15 Uhr", Language::German), [vec![20.0, 8.0], vec![15.0]]);
        assert!(values("the time, may and march, a man", Language::English).is_empty());
        let optional = numbers("both teams, one goal", &tokenize("both teams, one goal"), Language::English);
        assert!(optional.len() == 2 && optional.iter().all(|m| m.optional), "{optional:?}");
        assert_eq!(values("a thousand years", Language::English), [vec![1.0, 1000.0], vec![1000.0]]);
    }

    #[test]
    fn codes_spaced_differently_and_the_zero_minutes_of_an_hour_are_no_changed_numbers() {
        let locomotive = flags(
            "Bis auf die E 95 02 wurden alle Lokomotiven zerlegt.",
            "All locomotives except the E95 02 were scrapped.",
        );
        assert!(locomotive.is_empty(), "{locomotive:#?}");
        let speaker = flags("Mit einem 11x15mm grossen Lautsprecher.", "With an 11 x 15 mm loudspeaker.");
        assert!(speaker.is_empty(), "{speaker:#?}");
        let hour = flags("Am Mittwoch (19 Uhr) spielen die Riesen.", "On Wednesday (19:00) the Riesen play.");
        assert!(hour.is_empty(), "{hour:#?}");
        // A changed digit is still a changed number.
        let changed = flags(
            "Bis auf die E 95 02 wurden alle Lokomotiven zerlegt.",
            "All locomotives except the E96 02 were scrapped.",
        );
        assert!(changed.iter().any(|(_, f)| f.message.contains("95")), "{changed:#?}");
    }

    #[test]
    fn multiples_units_and_whole_hours_are_read_as_written_on_the_other_side() {
        assert_eq!(values("für dreifach Geimpfte", Language::German), [vec![3.0]]);
        assert_eq!(values("mit 1,5A Motorstrom", Language::German), [vec![1.5]]);
        assert_eq!(values("mit 1.5A Motorstrom", Language::German), [vec![1.5]]);
        assert!(flags("Für dreifach Geimpfte entfällt der Test.", "The test is dropped for the triple vaccinated.")
            .is_empty());
        assert_eq!(values("with 2.5kg of flour", Language::English), [vec![2.5]]);
        assert!(flags("Für dreifach Geimpfte entfällt der Test.", "People with three doses need no test.").is_empty());
        let whole_hour =
            flags("Bei Zahlung bis 14:00 Uhr versenden wir sofort.", "If you pay by 2 PM, we ship at once.");
        assert!(whole_hour.is_empty(), "{whole_hour:#?}");
        // Minutes that are not zero still have to be there.
        assert!(!flags("Bei Zahlung bis 14:30 Uhr versenden wir sofort.", "If you pay by 2 PM, we ship at once.")
            .is_empty());
    }

    #[test]
    fn flags_a_changed_number_on_the_target_number() {
        let found = flags(
            "Bisher wurden mehr als 28.000 Tote registriert.",
            "So far, more than 24,000 deaths have been registered.",
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].0, "24,000");
        assert!(found[0].1.message.contains("28.000"), "{}", found[0].1.message);
    }

    #[test]
    fn flags_a_changed_number_word() {
        let found = flags("Sie unterschrieb für sieben Jahre.", "She signed for nine years.");
        assert_eq!(found.iter().map(|f| f.0.as_str()).collect::<Vec<_>>(), ["nine"]);
    }

    #[test]
    fn flags_a_dropped_number_on_the_sentence() {
        let found =
            flags("Die Stadt zählt 45 Verletzte nach dem Sturm.", "The city counts injured people after the storm.");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1.category, Category::Omission);
        assert!(found[0].1.message.contains("‘45’"));
    }

    #[test]
    fn accepts_legitimate_conversions() {
        for (source, target) in [
            ("Der Umsatz stieg um 3,5 Millionen Euro.", "Sales rose by 3.5 million euros."),
            ("Der Umsatz stieg um 3,5 Millionen Euro.", "Sales rose by 3,500,000 euros."),
            ("Die Sitzung beginnt um 20.15 Uhr.", "The meeting starts at 8.15 p.m."),
            ("Die Sitzung beginnt um 20 Uhr.", "The meeting starts at 8 pm."),
            ("Die Wahl findet am 9.8.2022 statt.", "The election takes place on 9 August 2022."),
            ("Er kam am 9. August zurück.", "He returned on August 9."),
            ("Zwei Männer und drei Frauen wurden verletzt.", "Two men and three women were injured."),
            ("Das war in den 90er Jahren.", "That was in the 1990s."),
            ("Ein 19-Jähriger wurde festgenommen.", "A 19-year-old was arrested."),
            ("Er wurde zum dritten Mal gewählt.", "He was elected for the third time."),
        ] {
            let found = flags(source, target);
            assert!(found.is_empty(), "{source} / {target}: {found:#?}");
        }
    }

    #[test]
    fn reads_hyphenated_number_words_dates_kept_as_written_and_hours_before_minutes() {
        assert_eq!(values("Fifty-five migrants", Language::English), [vec![55.0]]);
        assert_eq!(values("twenty-one days", Language::English), [vec![21.0]]);
        assert!(flags("55 Migranten wurden festgenommen.", "Fifty-five migrants were detained.").is_empty());
        assert!(flags("Meine Bestellung vom 03.01.21 ist nicht angekommen.", "My order of 03.01.21 has not arrived.")
            .is_empty());
        let hour_before_minutes =
            flags("Wir versenden bei Zahlung bis 14:00 Uhr.", "We ship if payment arrives by 2:00 p.m.");
        assert!(hour_before_minutes.is_empty(), "{hour_before_minutes:#?}");
        assert!(
            !flags("Wir versenden bei Zahlung bis 14:00 Uhr.", "We ship if payment arrives by 3:00 p.m.").is_empty()
        );
    }

    #[test]
    fn times_with_a_glued_clock_word_german_grouping_and_numbers_in_names() {
        assert!(flags("Ab 21.30 Uhr wurde der Strom eingeschaltet.", "Power was switched on from 9.30pm.").is_empty());
        assert!(!flags("Ab 21.30 Uhr wurde der Strom eingeschaltet.", "Power was switched on from 8.30pm.").is_empty());
        assert!(
            flags("Weitere 20.000 Einwohner sind betroffen.", "Another 20.000 inhabitants are affected.").is_empty()
        );
        assert!(flags("Er zeigte seine Corona-Impfung.", "He showed his COVID-19 vaccination.").is_empty());
        // A number in a name that the source names with a number is still compared, both ways.
        assert!(!flags("Er wird täglich auf Covid-19 getestet.", "He is tested daily for Covid-22.").is_empty());
        assert!(!flags("Das sagte Formel-1-Boss Chase Carey.", "That is what boss Chase Carey said.").is_empty());
    }

    #[test]
    fn a_compound_that_opens_with_a_number_can_match_but_is_never_missing() {
        assert!(flags("Sie gewann im Zweierbob.", "She won in the two-woman bob.").is_empty());
        assert!(flags("Die Dreier-Quote lag bei 13 Prozent.", "The three-point rate was 13 percent.").is_empty());
        assert!(flags("Der Fünfjahresplan wurde beschlossen.", "The plan was adopted.").is_empty());
        assert!(flags("Das Gerät hat zwei HDMI-Ausgänge.", "The device has dual HDMI outputs.").is_empty());
        // A changed number beside such a compound is still found.
        assert!(!flags("Sie gewann 2019 im Zweierbob.", "She won in the two-woman bob in 2017.").is_empty());
    }

    #[test]
    fn silent_without_a_source() {
        super::super::test_support::assert_no_flags::<SourceNumber>("More than 24,000 deaths.");
    }
}
