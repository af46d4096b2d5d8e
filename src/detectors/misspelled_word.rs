//! # misspelled-word
//!
//! ## What it does
//! Flags a lower-case word that is no English word but is one typing slip away from a common
//! one: a letter missing, added, changed or two letters swapped ("goverment", "recieve",
//! "untill", "accross"). The flag suggests the common word.
//!
//! ## Why it signals MT
//! MT systems that work on word pieces assemble words that do not exist, and post-editors and
//! writers working fast leave slips that a reader notices at once. A spelling slip tells a
//! reader that no one has checked the text.
//!
//! ## Example
//! "The goverment announced new rules on Monday." flags "goverment" and suggests "government".
//!
//! ## Known false positives
//! A word is read only when it is in lower case, has five to twenty ASCII letters, and neither
//! the English word list nor the German word list knows it, and the English language model
//! has not seen it or only rarely (its text has slips too: "goverment" is a hundred times
//! rarer there than "government"); so
//! names, German words (`untranslated-word`'s), British spellings and rare words the model has
//! seen are left alone. It must not touch a hyphen, slash, apostrophe, "@" or dot inside a word
//! (parts of compounds, addresses and file names). The word it is taken for must be a common
//! English word: frequent in the model and on the English word list. A word built from a listed
//! word by a prefix, a suffix or another word ("stably", "combiner", "preformed", "coreless") is
//! taken for a new or technical word, so slips such as "breaked" and "hurted" are missed. Rare
//! technical terms one letter away from a common word can be flagged; a changed letter counts
//! only when it is a neighbouring key or another vowel ("chamfer" is not read as "chamber"),
//! and words with Latin endings ("machina", "planus") are left alone.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "minor")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::{Doc, Token};
use crate::flag::{Category, Severity};
use crate::language_model::MODEL;
use crate::lexicon::{ENGLISH_FUNCTION_WORDS, ENGLISH_WORDS};
use rustc_hash::FxHashMap;
use std::cell::RefCell;

pub struct MisspelledWord;

/// The fewest and most letters of a word that is read.
const LETTERS: std::ops::RangeInclusive<usize> = 5..=20;

/// How frequent, as a log10 unigram probability of the language model, the word a slip is
/// taken for must be: about one in a million words or more often.
const COMMON_LOG10: f32 = -6.0;

/// The model's unigram log10 probability above which a word it has seen is taken as English:
/// the model's text has slips too, but each rarely.
const RARE_LOG10: f32 = -5.5;

/// How many times (as a log10) more frequent than a seen word the word it is taken for must be.
const SEEN_SLIP_RATIO_LOG10: f32 = 2.0;

/// Answers kept per thread: unknown words recur through a corpus ("untill" in many articles).
const ANSWERS_HELD: usize = 1 << 14;

/// Characters that, touching a word, make it part of something larger: a compound, an address,
/// a file name, a contraction.
const JOINERS: [char; 7] = ['-', '/', '@', '_', '\'', '’', '\\'];

impl Detector for MisspelledWord {
    const DECLARATION: Declaration =
        Declaration { id: "misspelled-word", category: Category::Spelling, severity: Severity::Minor, version: 1 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        MisspelledWord
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        for token in &doc.tokens {
            // Bit tests first: nearly every token is a listed word, a name or a number.
            if token.lex.known() || token.capitalized || !token.has_letter {
                continue;
            }
            let word = doc.word(token);
            if !LETTERS.contains(&word.len()) || !word.bytes().all(|b| b.is_ascii_lowercase()) {
                continue;
            }
            // The model has seen some slips ("goverment") in its text, rarely: a word it knows
            // counts as a slip only where the common word is a hundred times more frequent.
            let seen_log10 = MODEL.id(word).map(|id| MODEL.unigram_log10(id));
            let foreign = FOREIGN_ENDINGS.iter().any(|ending| word.ends_with(ending));
            if !stands_alone(doc, token)
                || seen_log10.is_some_and(|log10| log10 > RARE_LOG10)
                || foreign
                || derived(word)
            {
                continue;
            }
            let Some((meant, meant_log10)) = common_word_one_slip_away(word) else { continue };
            if seen_log10.is_some_and(|log10| meant_log10 - log10 < SEEN_SLIP_RATIO_LOG10) {
                continue;
            }
            flags
                .flag(
                    token.span.clone(),
                    0.6,
                    format!("\"{word}\" is not an English word; it is probably a misspelling of \"{meant}\"."),
                )
                .suggest(meant);
        }
    }
}

/// Endings of Latin and Italian words that English quotes ("deus ex machina", "lichen
/// planus"), which are seldom English slips.
const FOREIGN_ENDINGS: [&str; 5] = ["a", "us", "um", "ae", "ii"];

/// Prefixes English builds new words with ("preformed", "infeed", "cybersecurity").
/// Not "un" and "in": "untill" is "until" misspelt, not "un-" and "till".
const PREFIXES: [&str; 28] = [
    "pre", "re", "co", "de", "dis", "over", "out", "sub", "non", "anti", "multi", "semi", "mini", "micro", "self",
    "inter", "under", "super", "bio", "eco", "cyber", "post", "mis", "mid", "tele", "counter", "hyper", "ultra",
];

/// Suffixes English builds new words with, and the endings the stem may have had before them
/// ("stably" from "stable", "combiner" from "combine").
const SUFFIXES: [(&str, &[&str]); 27] = [
    ("s", &[""]),
    ("es", &[""]),
    ("ed", &["", "e"]),
    ("d", &[""]),
    ("er", &["", "e"]),
    ("r", &[""]),
    ("ers", &["", "e"]),
    ("or", &["", "e"]),
    ("ors", &["", "e"]),
    ("ly", &["", "le"]),
    ("y", &["", "e"]),
    ("less", &[""]),
    ("ness", &[""]),
    ("ing", &["", "e"]),
    ("ings", &["", "e"]),
    ("able", &["", "e"]),
    ("ism", &["", "e"]),
    ("ist", &["", "e"]),
    ("ists", &["", "e"]),
    ("ity", &["", "e"]),
    ("ize", &["", "e"]),
    ("ise", &["", "e"]),
    ("ment", &[""]),
    ("ful", &[""]),
    ("al", &["", "e"]),
    ("ic", &["", "e"]),
    ("ish", &["", "e"]),
];

/// Whether a word the lists lack is built from a listed word by a prefix, a suffix or another
/// word: "stably", "combiner", "preformed", "coreless", "influencers". Such words are new or
/// technical, not slips.
fn derived(word: &str) -> bool {
    let listed = |stem: &str| {
        stem.len() >= 3
            && (ENGLISH_WORDS.contains(stem) || MODEL.id(stem).is_some_and(|id| MODEL.unigram_log10(id) > RARE_LOG10))
    };
    let suffixed = SUFFIXES.iter().any(|(suffix, endings)| {
        word.strip_suffix(suffix).is_some_and(|stem| {
            endings.iter().any(|ending| {
                let mut whole = String::with_capacity(stem.len() + ending.len());
                whole.push_str(stem);
                whole.push_str(ending);
                listed(&whole)
            })
        })
    });
    let prefixed = || PREFIXES.iter().any(|prefix| word.strip_prefix(prefix).is_some_and(listed));
    // Two listed words of four letters or more: "coverall" is not read so, "hardwood" is.
    let compound = || {
        (4..word.len().saturating_sub(3)).any(|at| {
            let (head, tail) = word.split_at(at);
            ENGLISH_WORDS.contains(head) && ENGLISH_WORDS.contains(tail)
        })
    };
    suffixed || prefixed() || compound()
}

/// Whether the token is a word of its own: no hyphen, slash, apostrophe or "@" touches it, and
/// no dot inside a longer string ("example.com").
fn stands_alone(doc: &Doc, token: &Token) -> bool {
    let before = doc.text[..token.span.start].chars().next_back();
    let mut after = doc.text[token.span.end..].chars();
    let next = after.next();
    let joined = before.is_some_and(|c| JOINERS.contains(&c) || c == '.')
        || next.is_some_and(|c| JOINERS.contains(&c))
        || next == Some('.') && after.next().is_some_and(char::is_alphanumeric);
    !joined
}

/// A common English word a slip is taken for, with its log10 unigram probability.
type Correction = (&'static str, f32);

/// The most frequent common English word that one slip turns `word` into, with its log10
/// unigram probability, remembered per thread.
fn common_word_one_slip_away(word: &str) -> Option<Correction> {
    thread_local! {
        static ANSWERS: RefCell<FxHashMap<Box<str>, Option<Correction>>> =
            RefCell::new(FxHashMap::default());
    }
    if let Some(answer) = ANSWERS.with_borrow(|answers| answers.get(word).copied()) {
        return answer;
    }
    let answer = best_correction(word);
    ANSWERS.with_borrow_mut(|answers| {
        if answers.len() >= ANSWERS_HELD {
            answers.clear();
        }
        answers.insert(word.into(), answer);
    });
    answer
}

/// Tries every word one likely slip away (a letter too many or too few, a wrong letter, two
/// neighbours swapped) and keeps the most frequent that is a common English word.
fn best_correction(word: &str) -> Option<Correction> {
    let bytes = word.as_bytes();
    let mut best: Option<Correction> = None;
    let mut candidate = Vec::with_capacity(bytes.len() + 1);
    let mut consider = |candidate: &[u8]| {
        let Ok(text) = std::str::from_utf8(candidate) else { return };
        let Some(listed) = ENGLISH_WORDS.get(text).or_else(|| ENGLISH_FUNCTION_WORDS.get(text)) else { return };
        let Some(id) = MODEL.id(text) else { return };
        let log10 = MODEL.unigram_log10(id);
        if log10 >= COMMON_LOG10 && best.is_none_or(|(_, b)| log10 > b) {
            best = Some((listed, log10));
        }
    };
    for at in 0..bytes.len() {
        // A letter too many in the slip: a doubled letter, a key beside a neighbour's, or a
        // vowel ("untill", "chatt"). "phages" is not "pages" with an "h".
        let extra = bytes[at];
        let beside =
            |i: Option<usize>| i.and_then(|i| bytes.get(i)).is_some_and(|&n| n == extra || plausible_slip(extra, n));
        if beside(at.checked_sub(1)) || beside(Some(at + 1)) || b"aeiouy".contains(&extra) {
            candidate.clear();
            candidate.extend_from_slice(&bytes[..at]);
            candidate.extend_from_slice(&bytes[at + 1..]);
            consider(&candidate);
        }
        // Two neighbours swapped.
        if at + 1 < bytes.len() && bytes[at] != bytes[at + 1] {
            candidate.clear();
            candidate.extend_from_slice(bytes);
            candidate.swap(at, at + 1);
            consider(&candidate);
        }
        // A wrong letter: a key beside the right one, or another vowel ("seperate").
        for letter in b'a'..=b'z' {
            if letter != bytes[at] && plausible_slip(bytes[at], letter) {
                candidate.clear();
                candidate.extend_from_slice(bytes);
                candidate[at] = letter;
                consider(&candidate);
            }
        }
    }
    // A letter missing from the slip: put it back.
    for at in 0..=bytes.len() {
        for letter in b'a'..=b'z' {
            candidate.clear();
            candidate.extend_from_slice(&bytes[..at]);
            candidate.push(letter);
            candidate.extend_from_slice(&bytes[at..]);
            consider(&candidate);
        }
    }
    best
}

/// The keys beside each letter's on a QWERTY keyboard, from `a` to `z`.
const NEIGHBOUR_KEYS: [&str; 26] = [
    "qwsz", "vghn", "xdfv", "serfcx", "wrds", "drtgvc", "ftyhbv", "gyujnb", "uokj", "huikmn", "jiolm", "kop", "njk",
    "bhjm", "iplk", "ol", "wa", "etfd", "awedxz", "rygf", "yijh", "cfgb", "qesa", "zsdc", "tuhg", "asx",
];

/// Whether `written` in place of `meant` is a likely slip: a neighbouring key, or one vowel for
/// another. "phages" for "phases" or "chamfer" for "chamber" are words of their own.
fn plausible_slip(written: u8, meant: u8) -> bool {
    let vowel = |b: u8| b"aeiouy".contains(&b);
    vowel(written) && vowel(meant) || NEIGHBOUR_KEYS[usize::from(written - b'a')].as_bytes().contains(&meant)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts, flags_of};
    use super::*;

    #[test]
    fn flags_slips_one_letter_from_a_common_word() {
        let flags = flags_of::<MisspelledWord>("The goverment announced new rules on Monday.");
        assert_eq!(flags.len(), 1);
        assert_eq!(flags[0].0, "goverment");
        assert_eq!(flags[0].1.suggestion.as_deref(), Some("government"));
        assert_eq!(excerpts::<MisspelledWord>("Roads stay closed untill Friday."), ["untill"]);
        assert_eq!(excerpts::<MisspelledWord>("Fans walked accross the bridge."), ["accross"]);
        assert_eq!(excerpts::<MisspelledWord>("Residents will recieve a letter."), ["recieve"]);
    }

    #[test]
    fn names_british_spellings_german_words_and_addresses_are_fine() {
        assert_no_flags::<MisspelledWord>("The organisation's colour programme travelled to the centre.");
        assert_no_flags::<MisspelledWord>(
            "Mayor Goverment met Untill in Berlin. Details at goverment.de or e-reciept.",
        );
        assert_no_flags::<MisspelledWord>(
            "The vote takes place on Freitag, says the Feuerwehr. It could nicht be met.",
        );
        assert_no_flags::<MisspelledWord>("The council approved the budget and the new bypass on Monday.");
        assert_no_flags::<MisspelledWord>("It grew stably. The combiner was preformed. A coreless design.");
        assert_no_flags::<MisspelledWord>("They used phages to insert DNA. The chamfer was cut.");
    }
}
