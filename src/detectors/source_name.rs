//! # source-name
//!
//! ## What it does
//! Flags proper names that do not survive translation. Runs only when the input has a source
//! column. Three cases:
//! - a name in the translation that is nowhere in the aligned source sentence (an invented or
//!   swapped name: "Erwin Huber" where the source says "Donald Trump");
//! - a name in the source that the translation of its sentence lacks (a dropped name);
//! - a name spelled differently in the translation ("Eroll" against the source's "Errol").
//!
//! German capitalises every noun, so a capitalised source word counts as a name only when it
//! is not a German function word, not a word of the German lexicon, not a compound of German
//! words, not an English word (unless it is a known first name), and not right after an article
//! or an inflected adjective ("die Marine", "der königlichen Garde"). At the start of a
//! sentence only first names and words that neither lexicon knows count. Abbreviations in
//! capitals count ("NASA"), except at the head of a hyphenated compound ("US-Dollar") and German
//! words set in capitals for emphasis ("ABER"). Feminine agent nouns ("Werferin"), English
//! abbreviated titles ("St", "Dr") and corpus placeholders ("#PRS_ORG#") are no names. A dropped
//! name is flagged only when it is certain: part of a name of two or three words (a longer run
//! of capitalised words is a title or keyword list), in the exonym table, an
//! abbreviation, or unknown to both lexicons and neither a German adjective or participle with
//! an ending ("für dreifach Geimpfte", "Nahtlose Panels") nor a compound of a German common
//! word and another word ("Tischbein", "Hundekind"), unless English uses that compound as it
//! is ("Bundestag") or it opens with a genitive ("Bundesliga"). A speaker the translation
//! calls "he" or "she" ("sagte Şahin" as "he said") is a lesser loss, flagged at
//! `misspelling-severity`, and so is a name added while no source name is missing: in human
//! and machine translations alike that is nearly always context made explicit ("Kentucky
//! governor Andy Beshear"), an exonym or a capitalised common word, and a translation detached
//! from its source has detectors of its own. German abbreviations of common nouns, legal forms
//! and club prefixes ("AGB", "Lkw", "AG", "FC") are no names
//! (`data/lexicon/german_common_acronyms.txt`). "German" added to name the translation's own country ("the German
//! building minister" for "Bundesbauministerin") is no invented name.
//! Names are compared without case and umlauts, an inflected or derived form matches its stem
//! ("Grazer" matches "Graz", "Russlands" matches "Russia"), and a table of exonyms in
//! `data/lexicon/exonyms.tsv` matches "München" with "Munich" and "Deutschland" with
//! "Germany". Names found in the neighbouring sentences count, in case the alignment is off.
//!
//! ## Why it signals MT
//! MT drops names it cannot place, replaces rare names with frequent ones, and garbles their
//! spelling; all three are accuracy errors that read fluently.
//!
//! ## Example
//! Source "US-Präsident Donald Trump schrieb per Twitter", translation "US President Erwin
//! Huber wrote on Twitter": "Erwin Huber" is flagged, and the message names the source's
//! "Donald", "Trump".
//!
//! A capitalised source word that the German–English lexicon translates (whole, inflected or
//! as a compound: "Retoure", "Geimpfte", "Notstromaggregat") is a common noun, not a name; an
//! English name that translates a source word ("Palatinate" for "Pfalz", "German" for
//! "deutschen") is accounted for; contractions ("I’m") are no names.
//!
//! ## Known false positives
//! Exonyms missing from the table, names translated into a description ("der Kremlchef" as
//! "Putin"), and capitalised German nouns the lexicon lacks, which can look like names.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "major")
//! - `misspelling-severity`: the severity of a name spelled differently from the source's, of
//!   a speaker the translation calls by a pronoun, and of a name added while no source name is
//!   missing (default "minor")

use super::{Declaration, Detector, Flags};
use crate::analysis::{Doc, Token};
use crate::flag::{Category, Severity};
use crate::lexicon::GERMAN_WORDS;
use crate::lexicon::{
    lower_case, ENGLISH_FUNCTION_WORDS, ENGLISH_WORDS, FIRST_NAMES, GERMAN_CALENDAR, GERMAN_FUNCTION_WORDS, MONTHS,
    WEEKDAYS,
};
use crate::lexicon::{shipped, WordList, PLACE_ENDINGS};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::sync::LazyLock;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct SourceNameSettings {
    pub enabled: bool,
    pub severity: Option<Severity>,
    /// The severity of a name spelled differently from the source's, and of a speaker the
    /// translation calls by a pronoun: lesser errors than a replaced or dropped name.
    pub misspelling_severity: Severity,
}

impl Default for SourceNameSettings {
    fn default() -> Self {
        SourceNameSettings { enabled: true, severity: None, misspelling_severity: Severity::Minor }
    }
}

common_settings!(SourceNameSettings);

pub struct SourceName {
    misspelling_severity: Severity,
}

/// German stems and the English stems that name the same thing, keyed by the German stem.
static EXONYMS: LazyLock<rustc_hash::FxHashMap<&'static str, Vec<&'static str>>> = LazyLock::new(|| {
    let mut table: rustc_hash::FxHashMap<&'static str, Vec<&'static str>> = Default::default();
    for row in shipped!("data/lexicon/exonyms.tsv").rows::<2>() {
        let [german, english] = row.fields;
        table.entry(german).or_default().extend(english.split(','));
    }
    table
});

/// The first two letters of every German stem in the table.
static EXONYM_OPENINGS: LazyLock<rustc_hash::FxHashSet<&'static str>> = LazyLock::new(|| {
    EXONYMS.keys().map(|stem| stem.char_indices().nth(2).map_or(*stem, |(end, _)| &stem[..end])).collect()
});

/// The exonym stems that start `german_lower`, each with the rest of the word and its English
/// stems: one lookup per prefix of the word rather than a scan of the table.
fn exonym_prefixes(german_lower: &str) -> impl Iterator<Item = (&str, &'static Vec<&'static str>)> + '_ {
    // Most words share their first two letters with no stem: one lookup rules them out.
    let possible = german_lower.char_indices().nth(2).map_or(german_lower, |(end, _)| &german_lower[..end]);
    let possible = EXONYM_OPENINGS.contains(possible);
    german_lower
        .char_indices()
        .filter(move |_| possible)
        .skip(1)
        .map(|(i, _)| i)
        .chain(std::iter::once(german_lower.len()))
        .filter_map(move |end| EXONYMS.get(&german_lower[..end]).map(|english| (&german_lower[end..], english)))
}

/// A word for comparison: lower case, apostrophe-s dropped, diacritics removed, and spellings
/// that German and English write differently for the same sound made equal (c/k, z/s, ph/f,
/// sch/sh, th/t, y/i), so that "Kalifornien" and "California", "Tokio" and "Tokyo", "Bischkek"
/// and "Bishkek", "Elisabeth" and "Elizabeth" compare alike.
fn fold(word: &str) -> String {
    fold_lower(&word.to_lowercase())
}

/// The word without trailing "’s" and "'s" (all of them, as `trim_end_matches` would remove),
/// compared without setting up a substring search for every word.
fn without_possessive(mut word: &str) -> &str {
    while let Some(rest) = word.strip_suffix("’s") {
        word = rest;
    }
    while let Some(rest) = word.strip_suffix("'s") {
        word = rest;
    }
    word
}

/// [`fold`] for a word already in lower case.
fn fold_lower(lower: &str) -> String {
    let lower = without_possessive(lower);
    // Diacritics first; an ASCII word has none, and is read in place.
    let plain: Cow<str> = if lower.is_ascii() { Cow::Borrowed(lower) } else { Cow::Owned(without_diacritics(lower)) };
    fold_spellings(plain.as_bytes())
}

fn without_diacritics(lower: &str) -> String {
    let mut plain = String::with_capacity(lower.len());
    for c in lower.chars() {
        match c {
            'ä' | 'à' | 'á' | 'â' | 'ã' | 'å' | 'ā' | 'ą' => plain.push('a'),
            'ö' | 'ò' | 'ó' | 'ô' | 'õ' | 'ø' | 'ō' => plain.push('o'),
            'ü' | 'ù' | 'ú' | 'û' | 'ū' => plain.push('u'),
            'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ę' => plain.push('e'),
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => plain.push('i'),
            'ç' | 'č' | 'ć' => plain.push('c'),
            'ñ' | 'ń' => plain.push('n'),
            'š' | 'ś' | 'ș' | 'ş' => plain.push('s'),
            'ž' | 'ź' | 'ż' => plain.push('z'),
            'ł' => plain.push('l'),
            'ř' => plain.push('r'),
            'ğ' => plain.push('g'),
            'ț' | 'ţ' => plain.push('t'),
            'ß' => plain.push_str("ss"),
            _ => plain.push(c),
        }
    }
    plain
}

/// One pass over the bytes for what would be six replacements: "sch" → "sh", "ph" → "f",
/// "th" → "t", then c, q → k, z → s, y → i. Only ASCII bytes change, so valid UTF-8 stays valid.
fn fold_spellings(bytes: &[u8]) -> String {
    let mut folded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b's', Some(b'c'), Some(b'h')) => {
                folded.extend_from_slice(b"sh");
                i += 3;
            }
            (b'p', Some(b'h'), _) => {
                folded.push(b'f');
                i += 2;
            }
            (b't', Some(b'h'), _) => {
                folded.push(b't');
                i += 2;
            }
            (b'c' | b'q', _, _) => {
                folded.push(b'k');
                i += 1;
            }
            (b'z', _, _) => {
                folded.push(b's');
                i += 1;
            }
            (b'y', _, _) => {
                folded.push(b'i');
                i += 1;
            }
            (byte, _, _) => {
                folded.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8(folded).expect("only ASCII bytes were replaced, by ASCII bytes")
}

/// Compass and region prefixes that German writes as one word and English as two
/// ("Südkorea", "South Korea"; "Niedersachsen", "Lower Saxony"): a source name is also
/// compared without them.
static COMPASS_PREFIXES: LazyLock<WordList> =
    LazyLock::new(|| WordList::from_file(shipped!("data/lexicon/compass_prefixes.txt")));

/// Whether two folded words are the same name: equal, or one an inflected or derived form of
/// the other (a common prefix of at least four letters covering most of the shorter word).
fn same_name(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let shorter = a.chars().count().min(b.chars().count());
    common >= 4 && common * 10 >= shorter * 6
}

/// The English stems that a German word's exonyms start with ("russland": "russia"), looked
/// up once per word rather than once per pair of words.
fn exonym_stems(german_lower: &str) -> Vec<&'static str> {
    exonym_prefixes(german_lower).flat_map(|(_, english)| english.iter().copied()).collect()
}

/// One word of a sentence, prepared for comparison.
struct Word<'a> {
    folded: String,
    lower: Cow<'a, str>,
    /// On the German side: the English stems of the word's exonyms.
    exonym_stems: Vec<&'static str>,
}

fn sentence_initial(text: &str, tokens: &[Token], index: usize, first_of_sentence: bool) -> bool {
    if first_of_sentence {
        return true;
    }
    // After a colon or an opening quotation mark a new sentence may begin.
    let before = text[..tokens[index].span.start].trim_end();
    before.ends_with([':', '„', '“', '"', '»', '«', '‚', '(', '–'])
}

/// German articles: a capitalised word after one is a noun, unless it is a known name
/// ("die Ukraine", "der Bundesliga").
const GERMAN_ARTICLES: [&str; 21] = [
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines", "am", "im", "vom",
    "zum", "zur", "beim", "ins", "ans", "aufs",
];

/// The German word list's entry for a lower-case word: the list folds "ß" to "ss" ("spass").
fn german_word_entry(lower: &str) -> Option<bool> {
    if lower.contains('ß') {
        GERMAN_WORDS.get(lower.replace('ß', "ss").as_str()).copied()
    } else {
        GERMAN_WORDS.get(lower).copied()
    }
}

/// A word the German–English lexicon translates, whole, inflected or as a compound of words it
/// translates ("Retoure", "Notstromaggregat"): more likely a common word than a name. Place
/// names that end in a common word ("Flensburg") are left to the other tests.
fn translated_common_word(lower: &str) -> bool {
    !PLACE_ENDINGS.iter().any(|ending| lower.ends_with(ending)) && crate::adequacy::translates_german_word(lower)
}

/// Whether a capitalised German word is a name rather than a noun.
fn german_name(word: &str, after_article: bool) -> bool {
    let lower = word.to_lowercase();
    if COMMON_ACRONYMS.contains(&lower) {
        return false; // "AGB", "Lkw", "AG", "FC": common nouns, legal forms, club prefixes.
    }
    if is_all_caps(word) {
        // An abbreviation: a name ("CSU", "NSA"), unless an article makes it a common noun
        // ("die BA"). Those that English translates ("BIP", "GDP") are in the exonym table. A
        // German word set in capitals for emphasis ("ABER", "NICHT") is no abbreviation.
        return !after_article && word.chars().count() <= 6 && !GERMAN_FUNCTION_WORDS.contains(&lower);
    }
    if FEMININE_AGENT_ENDINGS.iter().any(|ending| lower.ends_with(ending) && lower.len() >= ending.len() + 4) {
        return false; // "Werferin", "Spielerinnen": women who do something, not names.
    }
    if lower.chars().count() < 2 || GERMAN_FUNCTION_WORDS.contains(&lower) || GERMAN_CALENDAR.contains(&lower) {
        return false;
    }
    if is_exonym_form(&lower) {
        return true; // "Österreich", "Russlands", "Münchner": common words that are names.
    }
    if after_article {
        return false; // "einen Mann", "die Marine": nouns, even those that are also names.
    }
    if NOUN_SUFFIXES.iter().any(|suffix| lower.ends_with(suffix)) {
        return false; // "Versorgung", "Gesundheit": German noun endings that names rarely have.
    }
    if ENGLISH_WORDS.contains(&lower) && !FIRST_NAMES.contains_key(word) {
        return false; // "Land", "Hand", "Rat": German nouns that are English words too.
    }
    match german_word_entry(&lower) {
        Some(false) => return false, // A German common word.
        Some(true) => return true,   // A name English uses too (Berlin, Bundesliga).
        None => {}
    }
    // An unknown word: a name only if it is long enough not to be a dialect or clipped noun
    // ("Bub") and is no compound of German words.
    FIRST_NAMES.contains_key(word)
        || lower.chars().count() >= 4 && !german_compound(&lower) && !inflected_common_word(&lower)
}

/// German feminine agent nouns ("Werferin", "Lehrerinnen"), which the lexicon lists only in
/// their masculine form and names rarely resemble.
const FEMININE_AGENT_ENDINGS: [&str; 2] = ["erin", "erinnen"];

/// English abbreviated titles, capitalised but no names ("St Nicholas", "Dr Müller").
const ENGLISH_TITLES: [&str; 14] =
    ["st", "mr", "mrs", "ms", "dr", "jr", "sr", "prof", "gen", "col", "lt", "sgt", "capt", "rev"];

/// A placeholder that a corpus put in place of a name or number ("#PRS_ORG#", "#NUMBER#"):
/// the same on both sides, or dropped, and never a name.
fn is_placeholder(text: &str, token: &Token) -> bool {
    text[..token.span.start].ends_with('#') && text[token.span.end..].starts_with('#')
}

/// Endings of German common nouns that names rarely have.
static NOUN_SUFFIXES: LazyLock<WordList> =
    LazyLock::new(|| WordList::from_file(shipped!("data/lexicon/german_noun_suffixes.txt")));

/// German abbreviations of common nouns, legal forms and club prefixes, which a translation
/// renders or drops: no names.
static COMMON_ACRONYMS: LazyLock<WordList> =
    LazyLock::new(|| WordList::from_file(shipped!("data/lexicon/german_common_acronyms.txt")));

fn is_all_caps(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !word.chars().any(char::is_lowercase)
}

/// Whether a German name is certain enough that its absence from the translation is an error
/// (abbreviations in capitals count as known words):
/// a place or people in the exonym table, a word of a multi-word name ("Donald Trump") or a
/// speaker ("sagte Zimmermann") anywhere in the article, or a word of four letters or more that
/// neither word list knows and the German–English lexicon does not translate.
/// Words the German lexicon marks as also used in English ("Berlin", but also "Mann") are not
/// enough on their own.
fn certain_name(word: &str, run_words: &[&str], speakers: &[&str]) -> bool {
    let lower = word.to_lowercase();
    if COMMON_ACRONYMS.contains(&lower) {
        return false;
    }
    // A run of capitalised words also holds the titles and nouns that stand before a name
    // ("Chef Ali Bagheri", "das erste Mal Rouladen"): a listed common word of the run is not
    // made certain by its neighbours.
    let name_in_run = run_words.contains(&word) && (FIRST_NAMES.contains_key(word) || !listed_common_word(&lower));
    speakers.contains(&word)
        || name_in_run
        || is_exonym_form(&lower)
        || is_all_caps(word)
        || german_word_entry(&lower).is_none()
            && !ENGLISH_WORDS.contains(&lower)
            && lower.chars().count() >= 4
            && !translated_common_word(&lower)
            && !inflected_common_word(&lower)
            && (english_uses_as_is(&lower) || !common_compound(&lower))
}

/// A word the German word list holds as a common word ("Chef", "Mal"), and no exonym. Words
/// the lexicon merely can read as a compound or an inflected form stay names here: surnames
/// often can be ("Eckerle").
fn listed_common_word(lower: &str) -> bool {
    !is_exonym_form(lower) && german_word_entry(lower) == Some(false)
}

/// Whether the translation renders a source word by a word the German–English lexicon gives
/// for it, or for the head of its compound ("Ledersofa" as "leather sofa", "Fantag" as "fan
/// day"): the word was translated, not dropped.
fn rendered_by_translation(source_word: &str, target: &[&Word<'_>]) -> bool {
    let lower = source_word.to_lowercase();
    if is_exonym_form(&lower) {
        return false; // Exonyms have their own matching, and names are not translated.
    }
    let mut translations: Vec<&'static str> = Vec::new();
    crate::adequacy::translation_words(&lower, &mut translations);
    // A short compound the lexicon does not split ("Fantag"): its longest head of three letters
    // or more that the lexicon translates, after at least three letters.
    if translations.is_empty() {
        for (at, _) in lower.char_indices().skip(3) {
            let head = &lower[at..];
            if head.chars().count() < 3 {
                break;
            }
            crate::adequacy::translation_words(head, &mut translations);
            if !translations.is_empty() {
                break;
            }
        }
    }
    translations.retain(|t| t.chars().count() >= 3 && !crate::lexicon::ENGLISH_FUNCTION_WORDS.contains(t));
    !translations.is_empty()
        && target.iter().any(|w| {
            let singular = w.lower.strip_suffix('s').unwrap_or(&w.lower);
            translations.iter().any(|t| *t == w.lower.as_ref() || *t == singular)
        })
}

/// A word English text uses as it is, by the English language model's vocabulary: German
/// compounds that English news keeps are names ("Bundestag", "Lufthansa"), unlike the
/// compounds a translation renders by their parts ("Tischbein").
fn english_uses_as_is(lower: &str) -> bool {
    crate::language_model::MODEL.id(lower).is_some()
}

/// German adjective endings, which a capitalised adjective or participle used as a noun takes
/// ("Geimpfte", "Nahtlose", "Verletzten").
const ADJECTIVE_ENDINGS: [&str; 5] = ["en", "em", "er", "es", "e"];

/// An adjective or participle of the German lexicon with an adjective ending, as German writes
/// it capitalised when it stands for a noun or opens a sentence ("für dreifach Geimpfte",
/// "Nahtlose Panels"): a common word, which a translation renders freely.
fn inflected_common_word(lower: &str) -> bool {
    ADJECTIVE_ENDINGS.iter().any(|ending| {
        lower.strip_suffix(ending).is_some_and(|stem| {
            stem.chars().count() >= 4 && (german_word_entry(stem) == Some(false) || translated_common_word(stem))
        })
    })
}

/// Linking elements between the parts of a German compound ("Hund-e-kind", "Arbeit-s-amt").
/// Not the genitive "es" of "Bundesliga" and "Landesbank", which mostly name institutions.
const LINKING_ELEMENTS: [&str; 5] = ["", "s", "e", "n", "en"];

/// Whether a compound's head and linking element end in the genitive "es" ("Bundes-",
/// "Landes-", "Staates-"), the mark of an institution's name.
fn genitive_head(head: &str, link: &str) -> bool {
    match link {
        "" => head.ends_with("es"),
        "s" => head.ends_with('e'),
        _ => false,
    }
}

/// A compound of a German common word and any other word, German or English, of three letters
/// or more ("Tischbein", "Kirschkern", "Ledersofa", "Hundekind"): a common noun the word lists
/// lack, which a translation renders by its parts. Looser than [`german_compound`], which
/// decides whether a word is a name at all; this one only decides whether a missing word is
/// certainly a name.
fn common_compound(lower: &str) -> bool {
    if PLACE_ENDINGS.iter().any(|ending| lower.ends_with(ending)) {
        return false;
    }
    let german_common = |w: &str| german_word_entry(w) == Some(false) && !GERMAN_FUNCTION_WORDS.contains(w);
    lower.char_indices().skip(4).any(|(split, _)| {
        let (head, rest) = lower.split_at(split);
        german_common(head)
            && LINKING_ELEMENTS.iter().any(|link| {
                !genitive_head(head, link)
                    && rest.strip_prefix(link).is_some_and(|tail| {
                        tail.chars().count() >= 3
                            && (german_word_entry(tail).is_some()
                                || ENGLISH_WORDS.contains(tail)
                                || translated_common_word(tail))
                    })
            })
    })
}

/// The most words a run of names has when it names one person or place; longer runs of
/// capitalised words are titles and keyword lists.
const MAX_NAME_RUN: usize = 3;

/// English subject pronouns that a translation may put for a speaker the German names ("sagte
/// Şahin" as "he said").
const SPEAKER_PRONOUNS: [&str; 3] = ["he", "she", "they"];

/// The English name of the translation's own country, which a translation from German adds to
/// make explicit what the German leaves implicit ("Bundesbauministerin" as "German Federal
/// Building Minister").
const HOME_COUNTRY: [&str; 3] = ["german", "germany", "germany's"];

/// German verbs of saying that stand next to a speaker's bare surname: "sagte Zimmermann",
/// "Heil sagte", "so Müller". A common noun there would take an article ("sagte der Minister").
const GERMAN_SPEECH_VERBS: [&str; 18] = [
    "sagt",
    "sagte",
    "sagten",
    "so",
    "erklärt",
    "erklärte",
    "betont",
    "betonte",
    "meint",
    "meinte",
    "ergänzt",
    "ergänzte",
    "berichtet",
    "berichtete",
    "fordert",
    "forderte",
    "kritisiert",
    "kritisierte",
];

/// The capitalised source words next to a verb of saying, outside quotation: speakers' names.
fn speakers<'t>(text: &'t str, tokens: &[Token]) -> Vec<&'t str> {
    let lower_at = |i: usize| lower_case(&text[tokens[i].span.clone()]);
    (0..tokens.len())
        .filter(|&i| tokens[i].capitalized && tokens[i].has_letter)
        .filter(|&i| {
            let before = i.checked_sub(1).is_some_and(|p| GERMAN_SPEECH_VERBS.contains(&lower_at(p).as_ref()));
            let after = tokens.get(i + 1).is_some_and(|_| GERMAN_SPEECH_VERBS.contains(&lower_at(i + 1).as_ref()));
            before || after
        })
        .map(|i| &text[tokens[i].span.clone()])
        .collect()
}

/// How close a target name is to the source's names.
enum Closeness {
    /// Spelled alike: almost certainly the same name misspelled ("Eroll" for "Errol").
    Misspelled(String),
    /// Alike enough to be a transliteration variant ("Muhammad", "Mohammed").
    Variant,
    Unrelated,
}

fn closeness(target_word: &str, source_names: &[&str]) -> Closeness {
    let folded = fold(target_word);
    let mut best: Option<(f64, &str)> = None;
    for name in source_names {
        let score = strsim::jaro_winkler(&folded, &fold(name));
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, name));
        }
    }
    match best {
        Some((score, name)) if score >= 0.88 => Closeness::Misspelled(name.to_string()),
        Some((score, name)) if score >= 0.8 && fold(name).chars().next() == folded.chars().next() => Closeness::Variant,
        _ => Closeness::Unrelated,
    }
}

/// A form of a German exonym in the table: the stem itself or an inflection of it
/// ("Russland", "Russlands", "Russen", "russische").
fn is_exonym_form(lower: &str) -> bool {
    const ENDINGS: [&str; 14] =
        ["", "s", "n", "e", "en", "er", "ern", "es", "isch", "ische", "ischen", "ischer", "isches", "ischem"];
    // The same test as a walk over every prefix of the word ([`exonym_prefixes`]), but only
    // the stems the endings leave are looked up: a few lookups instead of one per letter.
    let opening = lower.char_indices().nth(2).map_or(lower, |(end, _)| &lower[..end]);
    EXONYM_OPENINGS.contains(opening)
        && ENDINGS
            .iter()
            .any(|ending| lower.strip_suffix(ending).is_some_and(|stem| !stem.is_empty() && EXONYMS.contains_key(stem)))
}

/// A compound of a German common word and another word: "Saisonarbeitern", "Kinderklinik",
/// "Autorenteams".
fn german_compound(lower: &str) -> bool {
    // Short parts match by chance inside names ("Manch-ester"), so parts need five letters,
    // and a part that is a function word does not count.
    if PLACE_ENDINGS.iter().any(|ending| lower.ends_with(ending)) {
        return false; // "Nellingen", "Flensburg": places, though "burg" is a German word.
    }
    lower.char_indices().skip(3).any(|(split, _)| {
        let (head, tail) = lower.split_at(split);
        let german = |w: &str| GERMAN_WORDS.get(w) == Some(&false) && !GERMAN_FUNCTION_WORDS.contains(w);
        let long = |w: &str| w.chars().count() >= 5;
        tail.chars().count() >= 4 && german(tail)
            || long(head) && german(head) && long(tail) && ENGLISH_WORDS.contains(tail)
    })
}

/// Whether a capitalised English word is a name: not a dictionary word (unless a first name),
/// a function word, a month or a day, and not in capitals (abbreviations are translated:
/// "BIP" is "GDP").
fn english_name(word: &str, _after_article: bool) -> bool {
    if is_all_caps(word) {
        return false;
    }
    let lower = word.to_lowercase();
    let bare = without_possessive(&lower);
    // A contraction ("I’m", "We’ll") is its first word, which is no name.
    if let Some((head, _)) = bare.split_once(['\'', '’']) {
        if head == "i" || ENGLISH_FUNCTION_WORDS.contains(head) {
            return false;
        }
    }
    bare.chars().count() >= 2
        && bare.chars().any(char::is_alphabetic)
        && (!ENGLISH_WORDS.contains(bare) || FIRST_NAMES.contains_key(word))
        && !ENGLISH_FUNCTION_WORDS.contains(bare)
        && !ENGLISH_TITLES.contains(&bare)
        && !MONTHS.contains(bare)
        && !WEEKDAYS.contains(bare)
}

/// A word judgement ([`german_name`] or [`english_name`]) with the answers it has given in one
/// article: both depend only on the word and whether an article precedes it, and judging a
/// German word takes several lexicon lookups and a search for compounds.
struct NameJudge<'t> {
    judge: fn(&str, bool) -> bool,
    answers: rustc_hash::FxHashMap<(&'t str, bool), bool>,
    /// [`is_exonym_form`] of each word as written, asked of every capitalised German word.
    exonym_forms: rustc_hash::FxHashMap<&'t str, bool>,
}

impl<'t> NameJudge<'t> {
    fn new(judge: fn(&str, bool) -> bool) -> Self {
        NameJudge { judge, answers: Default::default(), exonym_forms: Default::default() }
    }

    fn is_name(&mut self, word: &'t str, after_article: bool) -> bool {
        let judge = self.judge;
        *self.answers.entry((word, after_article)).or_insert_with(|| judge(word, after_article))
    }

    /// Whether `word`, whose lower case is `lower`, is a form of a German exonym.
    fn is_exonym_form(&mut self, word: &'t str, lower: &str) -> bool {
        *self.exonym_forms.entry(word).or_insert_with(|| is_exonym_form(lower))
    }
}

/// A run of adjacent names on one side: "Donald Trump".
#[derive(Debug)]
struct NameRun {
    /// Each word with its byte span.
    words: Vec<(String, std::ops::Range<usize>)>,
}

/// The names in `tokens`, adjacent ones joined into runs. `is_name` judges one word;
/// hyphenated parts ("US-Präsident") are judged one by one.
/// `german` says which side this is. The German side's runs may take in English words
/// ("Manchester City", "Bethnal Green"), which a German text only capitalises inside a name; on
/// the English side they are ordinary words ("Prime Minister"). A German sentence may open with
/// a name that neither lexicon knows ("Flick nannte …"); an English one only with a first name
/// counts, since English capitalises every sentence opener ("Despite", "Three").
fn name_runs<'t>(
    text: &'t str,
    tokens: &[Token],
    sentence_starts: &[usize],
    judge: &mut NameJudge<'t>,
    german: bool,
) -> Vec<NameRun> {
    let mut runs: Vec<NameRun> = Vec::new();
    // Where the last name word ended: a name word right after it (one space or a hyphen
    // between) continues its run.
    let mut last_end: Option<usize> = None;
    let lower_at = |i: usize| lower_case(&text[tokens[i].span.clone()]);
    for (index, token) in tokens.iter().enumerate() {
        if !token.capitalized || !token.has_letter {
            continue;
        }
        let word = &text[token.span.clone()];
        if is_placeholder(text, token) {
            last_end = None;
            continue;
        }
        let initial = sentence_initial(text, tokens, index, sentence_starts.binary_search(&token.span.start).is_ok());
        // A sentence may open with a name, but a German sentence also opens with a capitalised
        // noun: only a first name, or a word that neither lexicon knows ("Flick nannte …",
        // "Murray verlor …"), counts there.
        let lower_word = lower_case(word);
        let initial_name = initial
            && !ENGLISH_WORDS.contains(&lower_word)
            && (FIRST_NAMES.contains_key(word)
                || german
                    && (is_all_caps(word)
                        || german_word_entry(&lower_word).is_none() && !inflected_common_word(&lower_word)));
        if initial && !initial_name {
            continue;
        }
        // German compounds are hyphenated: "WM-Punkte", "US-Dollar", "anti-Obszönitätsinitiative".
        // Their parts are names only when the table knows them or a name part comes first
        // ("Johns-Hopkins-Universität"); an abbreviation at the head is often translated away.
        let before_hyphen = text[token.span.end..].starts_with(['-', '‐']);
        let after_hyphen = text[..token.span.start].ends_with(['-', '‐']);
        if german && !judge.is_exonym_form(word, &lower_word) {
            let continues_run = last_end.is_some_and(|end| matches!(&text[end..token.span.start], "-" | "‐"));
            if after_hyphen && !continues_run || before_hyphen && is_all_caps(word) {
                last_end = None;
                continue;
            }
        }
        // An article or an inflected adjective just before: a noun ("die Marine", "der
        // königlichen Garde"). Names follow titles, not adjectives ("der frühere Kanzler Schröder").
        // An ordinal between counts too ("des 19. Jahrhunderts").
        let after_article = index > 0 && {
            let previous = lower_at(index - 1);
            GERMAN_ARTICLES.contains(&previous.as_ref())
                || !tokens[index - 1].capitalized
                    && previous.chars().count() >= 5
                    && ["en", "er", "es", "em"].iter().any(|e| previous.ends_with(e))
                    && !GERMAN_FUNCTION_WORDS.contains(&previous)
                || tokens[index - 1].is_number() && index > 1 && GERMAN_ARTICLES.contains(&lower_at(index - 2).as_ref())
        };
        // Hyphenated compounds are judged part by part: "Johns-Hopkins-Universität" holds the
        // name "Johns Hopkins", "US-Präsident" the name "US". An article before the compound
        // belongs to its last part ("ein Rakoczy-Reitturnier"), not to a name in front.
        let parts = word.split(['-', '‐']).filter(|part| !part.is_empty()).count();
        let mut offset = token.span.start;
        for (position, part) in word.split(['-', '‐']).enumerate() {
            let span = offset..offset + part.len();
            offset = span.end + word[span.end - token.span.start..].chars().next().map_or(0, char::len_utf8);
            if part.is_empty() || !part.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            let continues = last_end.is_some_and(|end| matches!(&text[end..span.start], " " | "-" | "‐"));
            // Inside a run, an English word is part of the name ("Manchester City").
            let run_word = german
                && continues
                && last_end.is_some_and(|end| &text[end..span.start] == " ")
                && ENGLISH_WORDS.contains(&part.to_lowercase())
                && !GERMAN_FUNCTION_WORDS.contains(part);
            let compound_follows =
                before_hyphen && text[token.span.end..].chars().nth(1).is_some_and(char::is_uppercase);
            let article_before_part = after_article && position == 0 && parts == 1 && !compound_follows;
            if !(judge.is_name(part, article_before_part) || run_word) {
                last_end = None;
                continue;
            }
            if continues {
                runs.last_mut().expect("a run continues").words.push((part.to_string(), span.clone()));
            } else {
                runs.push(NameRun { words: vec![(part.to_string(), span.clone())] });
            }
            last_end = Some(span.end);
        }
    }
    runs
}

/// Whether a source name word has a counterpart among the target words (folded).
fn found_in_target(source_word: &str, target: &[&Word<'_>]) -> bool {
    let lower = source_word.to_lowercase();
    let without_compass =
        COMPASS_PREFIXES.iter().find_map(|p| lower.strip_prefix(p)).filter(|r| r.chars().count() >= 4);
    std::iter::once(lower.as_str()).chain(without_compass).any(|lower| {
        let folded = fold(lower);
        let stems = exonym_stems(lower);
        target.iter().any(|t| same_name(&folded, &t.folded) || stems.iter().any(|e| t.lower.starts_with(e)))
    })
}

/// Whether a target name word has a counterpart among the source words: the same name, an
/// exonym, or a word the German–English lexicon translates with it ("Pfalz", "Palatinate";
/// "deutschen", "German"; "Nikolaus", "Nicholas").
/// `translations` gives the English words the lexicon translates the source words with, worked
/// out on first use: most names are found without them.
fn found_in_source<'s>(
    target_word: &str,
    source: &[&Word<'_>],
    source_joined: &str,
    translations: impl FnOnce() -> &'s rustc_hash::FxHashSet<&'static str>,
) -> bool {
    let folded = fold(target_word);
    let lower = target_word.to_lowercase();
    // A code with digits may be spaced differently in German ("E 95", "E95").
    let code = target_word.bytes().any(|b| b.is_ascii_digit());
    source.iter().any(|s| same_name(&folded, &s.folded) || s.exonym_stems.iter().any(|e| lower.starts_with(e)))
        || code && source_joined.contains(folded.as_str())
        || translations().contains(without_possessive(&lower))
}

/// Every word of `tokens`, prepared for comparison, hyphenated parts split. On the German side
/// (`german`), also each word without a compass prefix ("Südkorea" gives "korea" too), and
/// with its exonyms' English stems.
fn words<'a>(text: &'a str, tokens: &[Token], german: bool) -> Vec<Word<'a>> {
    let mut words = Vec::new();
    let prepared = |lower: Cow<'a, str>| Word {
        folded: fold_lower(&lower),
        exonym_stems: if german { exonym_stems(&lower) } else { Vec::new() },
        lower,
    };
    for word in tokens.iter().flat_map(|t| text[t.span.clone()].split(['-', '‐'])).filter(|w| !w.is_empty()) {
        let lower = lower_case(word);
        if german {
            if let Some(rest) =
                COMPASS_PREFIXES.iter().find_map(|p| lower.strip_prefix(p)).filter(|r| r.chars().count() >= 4)
            {
                let rest = match &lower {
                    Cow::Borrowed(whole) => Cow::Borrowed(&whole[whole.len() - rest.len()..]),
                    Cow::Owned(_) => Cow::Owned(rest.to_string()),
                };
                words.push(prepared(rest));
            }
        }
        words.push(prepared(lower));
    }
    words
}

impl Detector for SourceName {
    const DECLARATION: Declaration =
        Declaration { id: "source-name", category: Category::Mistranslation, severity: Severity::Major, version: 8 };
    type Settings = SourceNameSettings;

    fn configure(settings: &SourceNameSettings) -> Self {
        SourceName { misspelling_severity: settings.misspelling_severity }
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        let Some(source) = &doc.source else { return };
        let source_starts: Vec<usize> = source.sentences.iter().map(|s| s.span.start).collect();
        let target_starts: Vec<usize> = doc.sentences.iter().map(|s| s.span.start).collect();
        // Each side's words are judged once per article: the whole source is read for names,
        // and then every link again.
        let mut german_judge = NameJudge::new(german_name);
        let mut english_judge = NameJudge::new(english_name);
        let all_runs = name_runs(source.text, &source.tokens, &source_starts, &mut german_judge, true);
        // A run of two or three names ("Donald Trump", "Frank-Walter Steinmeier") makes its words
        // certain; a longer run of capitalised words is a title or keyword list ("Zeiss VisuCard
        // Lupe Scheckkartenlupe Vergrößerung"), whose words a translation renders.
        let run_words: Vec<&str> = all_runs
            .iter()
            .filter(|r| (2..=MAX_NAME_RUN).contains(&r.words.len()))
            .flat_map(|r| r.words.iter().map(|(w, _)| w.as_str()))
            .collect();
        let speakers = speakers(source.text, &source.tokens);
        // Each link's words, prepared once: a link is compared with its neighbours' words too.
        let source_link_words: Vec<Vec<Word>> =
            (0..source.links.len()).map(|i| words(source.text, source.tokens_of_links(i..i + 1), true)).collect();
        let target_link_words: Vec<Vec<Word>> =
            (0..source.links.len()).map(|i| words(doc.text, doc.tokens_of_links(i..i + 1), false)).collect();
        for (index, link, target_span) in doc.aligned_links() {
            let near = source.neighbourhood(index);
            let source_words: Vec<&Word> = source_link_words[near.clone()].iter().flatten().collect();
            let target_words: Vec<&Word> = target_link_words[near].iter().flatten().collect();
            let source_joined: String = source_words.iter().map(|w| w.folded.as_str()).collect();
            let translated: std::cell::OnceCell<rustc_hash::FxHashSet<&'static str>> = std::cell::OnceCell::new();
            let translations = || {
                translated.get_or_init(|| {
                    let mut words = rustc_hash::FxHashSet::default();
                    for word in &source_words {
                        crate::adequacy::translation_words(&word.lower, &mut words);
                    }
                    words
                })
            };
            let source_names = name_runs(source.text, source.tokens_of(link), &source_starts, &mut german_judge, true);
            let target_names =
                name_runs(doc.text, doc.tokens_of_links(index..index + 1), &target_starts, &mut english_judge, false);
            let all_source_names: Vec<&str> =
                source_names.iter().flat_map(|run| run.words.iter().map(|(w, _)| w.as_str())).collect();
            // Source names the translation lacks; only the certain ones are flagged on their own.
            let unmatched: Vec<&str> =
                all_source_names.iter().copied().filter(|w| !found_in_target(w, &target_words)).collect();
            let missing: Vec<&str> = unmatched
                .iter()
                .copied()
                .filter(|w| certain_name(w, &run_words, &speakers) && !rendered_by_translation(w, &target_words))
                .collect();
            // A speaker the translation names by a pronoun ("sagte Şahin" as "he said") is a
            // lesser loss: the article has usually named them before.
            let pronoun_for_speaker = target_words.iter().any(|w| SPEAKER_PRONOUNS.contains(&w.lower.as_ref()));
            let only_speakers_by_pronoun = pronoun_for_speaker && missing.iter().all(|w| speakers.contains(w));
            // Capitalised source words, names or not, for spelling comparisons ("Mohammeds" is in
            // the German lexicon, yet "Muhammad's" renders it).
            let capitalised: Vec<&str> =
                source.tokens_of(link).iter().filter(|t| t.capitalized).map(|t| &source.text[t.span.clone()]).collect();
            let mut invented = 0;
            for run in &target_names {
                let unknown: Vec<&(String, std::ops::Range<usize>)> = run
                    .words
                    .iter()
                    .filter(|(w, _)| !found_in_source(w, &source_words, &source_joined, translations))
                    .collect();
                let (Some(first), Some(last)) = (unknown.first(), unknown.last()) else { continue };
                let home_country = unknown.iter().all(|(w, _)| HOME_COUNTRY.contains(&w.to_lowercase().as_str()));
                if home_country && unmatched.is_empty() {
                    continue;
                }
                let span = first.1.start..last.1.end;
                invented += 1;
                let quoted = |names: &[&str]| names.iter().map(|n| format!("‘{n}’")).collect::<Vec<_>>().join(", ");
                let unknown_names: Vec<&str> = unknown.iter().map(|(w, _)| w.as_str()).collect();
                let verb = if unknown_names.len() > 1 { "are" } else { "is" };
                let closeness: Vec<Closeness> = unknown_names.iter().map(|u| closeness(u, &capitalised)).collect();
                if closeness.iter().all(|c| matches!(c, Closeness::Variant)) {
                    invented -= 1;
                    continue; // A transliteration variant of a source name.
                }
                let close: Vec<&str> = closeness
                    .iter()
                    .filter_map(|c| match c {
                        Closeness::Misspelled(name) => Some(name.as_str()),
                        _ => None,
                    })
                    .collect();
                let (category, severity, confidence, message) =
                    if !close.is_empty() && close.len() == unknown_names.len() {
                        (
                            Category::Mistranslation,
                            self.misspelling_severity,
                            0.7,
                            format!(
                                "{} {} spelled differently in the source: {}.",
                                quoted(&unknown_names),
                                verb,
                                quoted(&close)
                            ),
                        )
                    } else if !unmatched.is_empty() {
                        (
                            Category::Mistranslation,
                            flags.severity(),
                            0.8,
                            format!(
                                "{} {} not in the source sentence, which names {} instead: a replaced name.",
                                quoted(&unknown_names),
                                verb,
                                quoted(&unmatched)
                            ),
                        )
                    } else {
                        // With no source name missing, an added name is nearly always context
                        // made explicit ("Kentucky governor", "Uğur Şahin" for "Şahin"), an
                        // exonym or a capitalised common word: a lesser error than a replaced
                        // name, and a detached invention has its own detectors.
                        (
                            Category::Addition,
                            self.misspelling_severity,
                            0.6,
                            format!(
                                "{} {verb} not in the source sentence: an added or invented name.",
                                quoted(&unknown_names)
                            ),
                        )
                    };
                flags.flag(span.clone(), confidence, message).in_category(category).with_severity(severity);
            }
            if invented == 0 && !missing.is_empty() {
                let names = missing.iter().map(|n| format!("‘{n}’")).collect::<Vec<_>>().join(", ");
                if only_speakers_by_pronoun {
                    flags
                        .flag(
                            target_span.clone(),
                            0.5,
                            format!("The source sentence names the speaker {names}, whom this translation calls by a pronoun."),
                        )
                        .in_category(Category::Omission)
                        .with_severity(self.misspelling_severity);
                    continue;
                }
                flags
                    .flag(
                        target_span.clone(),
                        0.7,
                        format!("The source sentence names {names}, which this translation leaves out."),
                    )
                    .in_category(Category::Omission);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flag::Flag;

    #[test]
    fn exonym_forms_are_found_as_by_a_walk_over_every_prefix() {
        const ENDINGS: [&str; 14] =
            ["", "s", "n", "e", "en", "er", "ern", "es", "isch", "ische", "ischen", "ischer", "isches", "ischem"];
        let by_walk = |lower: &str| exonym_prefixes(lower).any(|(ending, _)| ENDINGS.contains(&ending));
        let mut words: Vec<String> = Vec::new();
        for stem in EXONYMS.keys().take(300) {
            for ending in ["", "s", "ischen", "lich", "erin", "x", "ländern"] {
                words.push(format!("{stem}{ending}"));
            }
            words.push(stem.chars().skip(1).collect());
        }
        words.extend(["merkel", "münchen", "ö", "", "österreichs", "russlands"].map(String::from));
        for word in &words {
            assert_eq!(is_exonym_form(word), by_walk(word), "{word}");
        }
        assert!(words.iter().any(|w| is_exonym_form(w)) && words.iter().any(|w| !is_exonym_form(w)));
    }

    fn flagged(source: &str, target: &str) -> Vec<(String, Flag)> {
        super::super::test_support::flags_with_source::<SourceName>(source, target)
    }

    #[test]
    fn flags_a_replaced_name_once_with_the_source_name() {
        let found = flagged(
            "Am Montag traf Kanzler Scholz den Präsidenten Macron in Paris.",
            "On Monday, Chancellor Scholz met President Sarkozy in Paris.",
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].0, "Sarkozy");
        assert!(found[0].1.message.contains("Macron"), "{}", found[0].1.message);
    }

    #[test]
    fn flags_a_dropped_name_on_the_sentence() {
        let target = "In the end, the season was played without spectators, as in.";
        let found = flagged("Am Ende wurde die Saison ohne Zuschauer gespielt, wie in Österreich.", target);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].1.category, Category::Omission);
        assert!(found[0].1.message.contains("Österreich"));
    }

    #[test]
    fn common_nouns_the_lexicon_translates_are_not_names() {
        // "Spaß" (ß folded for the word list) and "Retoure" are common nouns a translation may
        // render freely.
        assert!(flagged("Spaß macht das keinem.", "Nobody enjoys that.").is_empty());
        assert!(flagged("Die Ware kam als Retoure zurück.", "The goods came back as a return.").is_empty());
        assert!(
            flagged("Außerdem kamen Geimpfte früher frei.", "Also, vaccinated people were released sooner.").is_empty()
        );
    }

    #[test]
    fn a_speaker_is_a_name_though_the_lexicon_translates_it() {
        let found = flagged("„Es lief gut“, sagt Zimmermann.", "“It went well,” says the coach.");
        assert!(found.iter().any(|(_, f)| f.message.contains("Zimmermann")), "{found:#?}");
        assert_eq!(found[0].1.severity, Severity::Major);
    }

    #[test]
    fn a_speaker_called_by_a_pronoun_is_a_lesser_loss() {
        let found = flagged("„Es lief gut“, sagt Zimmermann.", "“It went well,” he says.");
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0].1.message.contains("pronoun") && found[0].1.message.contains("Zimmermann"));
        assert_eq!(found[0].1.severity, Severity::Minor);
    }

    #[test]
    fn adjectives_participles_and_compounds_of_common_words_are_no_certain_names() {
        let vaccinated = "The test requirement for people with three immunizations is dropped.";
        assert!(flagged("Die Testpflicht für dreifach Geimpfte entfällt.", vaccinated).is_empty());
        let seamless = flagged("Nahtlose Panels reduzieren die Reibung.", "Seamless panels reduce rubbing.");
        assert!(seamless.is_empty(), "{seamless:#?}");
        assert!(flagged("Das Tischbein hat einen Abdruck.", "The table leg has a mark.").is_empty());
        assert!(flagged("Kirschkern-Kissen sind ein Hausmittel.", "Cherry pit pillows are a home remedy.").is_empty());
        // A name the lexicons do not know is still missed when it goes, and so are compounds
        // that name institutions or that English uses as they are.
        let league = flagged("Das ist ein Risiko für den Standort Bundesliga.", "That is a risk for the location.");
        assert!(league.iter().any(|(_, f)| f.message.contains("Bundesliga")), "{league:#?}");
        let found = flagged("Die Firma Zappiti baut Geräte.", "The company builds devices.");
        assert!(found.iter().any(|(_, f)| f.message.contains("Zappiti")), "{found:#?}");
    }

    #[test]
    fn common_nouns_beside_a_name_and_words_rendered_by_their_translation_are_not_dropped_names() {
        // A title or noun in a run with a name: the name is kept, the noun translated freely.
        let fan_day = "The first SC Freiburg fan day at Europa-Park showed how well the partners fit.";
        let found =
            flagged("Beim ersten SC Freiburg Fantag im Europa-Park hat sich gezeigt, wie gut es passt.", fan_day);
        assert!(found.is_empty(), "{found:#?}");
        // A compound rendered by its head's translation.
        let sofa = flagged(
            "Wollte den Preis für das graue Ledersofa Odelle erfragen.",
            "Wanted the price of the gray Odelle leather sofa.",
        );
        assert!(sofa.is_empty(), "{sofa:#?}");
        // The name of the run is still missed when it goes, and so is a speaker.
        let dropped =
            flagged("Lediglich Trainerin Dinah Okafor war sofort bereit.", "Only the coach was ready from the start.");
        assert!(dropped.iter().any(|(_, f)| f.message.contains("Okafor")), "{dropped:#?}");
        let speaker = flagged("Das ist gut, sagte Koch am Montag.", "That is good, the minister said on Monday.");
        assert!(speaker.iter().any(|(_, f)| f.message.contains("Koch")), "{speaker:#?}");
    }

    #[test]
    fn german_added_to_name_the_home_country_is_no_invented_name() {
        let english = "The new German building minister opposed the plan.";
        assert!(flagged("Die neue Bundesbauministerin lehnt den Plan ab.", english).is_empty());
        // Another country is still an invented name.
        let found =
            flagged("Die neue Bundesbauministerin lehnt den Plan ab.", "The new French building minister opposed it.");
        assert!(found.iter().any(|(_, f)| f.message.contains("French")), "{found:#?}");
    }

    #[test]
    fn english_words_that_translate_a_source_word_are_not_added_names() {
        assert!(flagged("Er lebt seit Jahren in der Pfalz.", "He has lived in the Palatinate for years.").is_empty());
        assert!(flagged("Die deutschen Fans jubelten.", "The German fans cheered.").is_empty());
        assert!(flagged("Ich bin froh, sagte er.", "I’m glad, he said.").is_empty());
        assert!(flagged("Die Lok E 95 fuhr bis 1969.", "The E95 locomotive ran until 1969.").is_empty());
        // A name the source lacks is still added, as a lesser error while no source name is
        // missing; a replaced name stays major.
        let added = flagged("Die deutschen Fans jubelten.", "The fans of Bayern cheered.");
        assert_eq!(added[0].0, "Bayern");
        assert_eq!(added[0].1.severity, Severity::Minor);
        assert!(
            flagged("Er lebt im rheinland-pfälzischen Mainz.", "He lives in Mainz, Rhineland-Palatinate.").is_empty()
        );
    }

    #[test]
    fn a_title_of_capitalised_nouns_is_no_run_of_names() {
        let english = "Zeiss VisuCard magnifier credit card magnifier pocket magnifier reading aid";
        let found = flagged("Zeiss VisuCard Lupe Scheckkartenlupe Taschenlupe Lesehilfe", english);
        assert!(found.iter().all(|(_, f)| !f.message.contains("Lupe")), "{found:#?}");
    }

    #[test]
    fn abbreviations_of_common_nouns_legal_forms_and_club_prefixes_are_no_names() {
        let english = "According to the terms and conditions, the insurance case begins with the treatment.";
        assert!(flagged("Laut AGB beginnt der Versicherungsfall mit der Heilbehandlung.", english).is_empty());
        assert!(flagged("Der FC Bayern gewann gegen die Siemens AG.", "Bayern won against Siemens.").is_empty());
        // An abbreviation that names something is still a name.
        let found = flagged("Laut CSU ist der Plan falsch.", "According to the party, the plan is wrong.");
        assert!(found.iter().any(|(_, f)| f.message.contains("CSU")), "{found:#?}");
    }

    #[test]
    fn flags_a_misspelled_name_as_minor() {
        let found = flagged(
            "Sie stand an der Seite von Errol Flynn vor der Kamera.",
            "She stood in front of the camera alongside Eroll Flynn.",
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].0, "Eroll");
        assert_eq!(found[0].1.severity, Severity::Minor);
    }

    #[test]
    fn folding_makes_german_and_english_spellings_alike() {
        for (word, folded) in [
            ("Bischkek", "bishkek"),
            ("Elisabeth", "elisabet"),
            ("Elizabeth", "elisabet"),
            ("Tschechien", "tshekhien"),
            ("Philippinen", "filippinen"),
            ("Qatar", "katar"),
            ("Schwarzschild", "shwarsshild"),
            ("Tokyo", "tokio"),
            ("Zāgros", "sagros"),
            ("Putin’s", "putin"),
        ] {
            assert_eq!(fold(word), folded, "{word}");
        }
    }

    #[test]
    fn unknown_sentence_openers_and_abbreviations_count_as_names() {
        let dropped =
            flagged("Kowalczyk lobte am Sonntag die ganze Mannschaft.", "On Sunday he praised the whole team.");
        assert_eq!(dropped.len(), 1, "{dropped:#?}");
        assert!(dropped[0].1.message.contains("Kowalczyk"));
        let acronym = flagged(
            "Laut NASA startet die Rakete morgen früh.",
            "According to the agency, the rocket will launch tomorrow morning.",
        );
        assert_eq!(acronym.len(), 1, "{acronym:#?}");
        assert!(acronym[0].1.message.contains("NASA"));
    }

    #[test]
    fn translated_abbreviations_compound_heads_and_english_openers_are_not_flagged() {
        for (source, target) in [
            ("Die Zinsen der EZB steigen weiter.", "The ECB's interest rates continue to rise."),
            ("Der US-Dollar fiel am Montag deutlich.", "The dollar fell sharply on Monday."),
            ("Trotz des Regens kamen viele Besucher.", "Despite the rain, many visitors came."),
            ("Drei Spieler fehlten beim Training.", "Three players were missing from training."),
            ("Der Vorschlag kam von der SPD.", "The proposal came from the Social Democrats."),
        ] {
            let found = flagged(source, target);
            assert!(found.is_empty(), "{source} / {target}: {found:#?}");
        }
    }

    #[test]
    fn emphatic_capitals_feminine_agent_nouns_titles_and_placeholders_are_no_names() {
        for (source, target) in [
            ("ABER: Es werden drei Leute dabei sein.", "BUT: There will be three people."),
            ("Beste deutsche Werferin war Alina Grijseels.", "The best German thrower was Alina Grijseels."),
            ("Die Spielerinnen jubelten lange.", "The players celebrated for a long time."),
            ("Der Brauch des Heiligen Nikolaus ist alt.", "The custom of St Nicholas is old."),
            ("Ich habe die #PRS_ORG# Kommode bestellt.", "I ordered the chest of drawers."),
        ] {
            let found = flagged(source, target);
            assert!(found.is_empty(), "{source} / {target}: {found:#?}");
        }
        // Abbreviations whose lower case is a frequent German word are still names.
        assert!(!flagged("Die Emissionen pro BIP-Einheit sinken.", "Emissions per unit of output fall.").is_empty());
        // A real name beside them is still checked.
        assert!(!flagged("ABER: Angela Merkel kam nicht.", "BUT: Olaf Scholz did not come.").is_empty());
    }

    #[test]
    fn exonyms_inflections_and_nouns_are_not_flagged() {
        for (source, target) in [
            (
                "Der Bub wird an der Grazer Kinderklinik betreut.",
                "The boy is cared for at the children's hospital in Graz.",
            ),
            ("Ein Münchner schubste einen Mann zu Boden.", "A Munich resident pushed a man to the ground."),
            (
                "Die Lage in Russland und der Ukraine bleibt angespannt.",
                "The situation in Russia and Ukraine remains tense.",
            ),
            ("Die Regierung in Wien lehnte den Plan ab.", "The government in Vienna rejected the plan."),
            ("Die Spieler der Bundesliga trainieren wieder.", "The Bundesliga players are training again."),
            ("Die Saisonarbeiter wohnen in engen Unterkünften.", "The seasonal workers live in cramped accommodation."),
            ("US-Präsident Donald Trump schrieb auf Twitter.", "US President Donald Trump wrote on Twitter."),
            ("Das Treffen mit Merkel fand im August statt.", "The meeting with Merkel took place in August."),
        ] {
            let found = flagged(source, target);
            assert!(found.is_empty(), "{source} / {target}: {found:#?}");
        }
    }
}
