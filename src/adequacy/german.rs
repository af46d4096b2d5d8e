//! From a German word as written to the lexicon keys it may be a form of: inflection, irregular
//! verbs, separable and inseparable verb prefixes, and compounds.

use super::lexicon::{GermanWord, GERMAN};
use super::tokens::letters;
use rustc_hash::FxHashMap;
use std::cell::RefCell;

/// Separable verb prefixes ("zurück" in "zurückgeben", "gab ... zurück").
pub(super) const SEPARABLE_PREFIXES: [&str; 39] = [
    "zurück", "zusammen", "weiter", "wieder", "hinaus", "heraus", "herein", "hinein", "herunter", "hinunter", "voran",
    "voraus", "vorbei", "vorher", "fest", "fort", "frei", "hoch", "los", "nach", "statt", "teil", "ab", "an", "auf",
    "aus", "bei", "dar", "ein", "her", "hin", "mit", "vor", "weg", "zu", "um", "durch", "über", "unter",
];

/// The separable prefixes and the inseparable ones (miss emp ent ver zer be er ge), longest
/// first (in letters), in list order among equals, with their length in letters. A test checks
/// it against the lists.
const PREFIXES: [(&str, usize); 47] = [
    ("zusammen", 8),
    ("herunter", 8),
    ("hinunter", 8),
    ("zurück", 6),
    ("weiter", 6),
    ("wieder", 6),
    ("hinaus", 6),
    ("heraus", 6),
    ("herein", 6),
    ("hinein", 6),
    ("voraus", 6),
    ("vorbei", 6),
    ("vorher", 6),
    ("voran", 5),
    ("statt", 5),
    ("durch", 5),
    ("unter", 5),
    ("fest", 4),
    ("fort", 4),
    ("frei", 4),
    ("hoch", 4),
    ("nach", 4),
    ("teil", 4),
    ("über", 4),
    ("miss", 4),
    ("los", 3),
    ("auf", 3),
    ("aus", 3),
    ("bei", 3),
    ("dar", 3),
    ("ein", 3),
    ("her", 3),
    ("hin", 3),
    ("mit", 3),
    ("vor", 3),
    ("weg", 3),
    ("emp", 3),
    ("ent", 3),
    ("ver", 3),
    ("zer", 3),
    ("ab", 2),
    ("an", 2),
    ("zu", 2),
    ("um", 2),
    ("be", 2),
    ("er", 2),
    ("ge", 2),
];

/// Noun and adjective endings (Gesetz-e, Haus-es, Frau-en).
const NOUN_SUFFIXES: [&str; 10] = ["nen", "ern", "ens", "en", "em", "er", "es", "e", "n", "s"];

/// Latin and Greek plurals in -en whose lexicon form ends otherwise (Museen/Museum, Firmen/Firma).
const PLURAL_SWAPS: [(&str, &str); 6] =
    [("en", "a"), ("en", "um"), ("en", "o"), ("en", "on"), ("ien", "ium"), ("ien", "ie")];

/// Comparative and superlative endings (größere, schnellsten), and the -t- forms (größte) that
/// only follow s, ß, z or x.
const COMPARISON_SUFFIXES: [&str; 21] = [
    "ere", "eren", "erem", "erer", "eres", "er", "ste", "sten", "ster", "stes", "stem", "este", "esten", "ester",
    "estes", "estem", "te", "ten", "ter", "tes", "tem",
];

/// Verb endings: present, weak preterite, participle (beschloss-en, sag-te, laufend).
const VERB_SUFFIXES: [&str; 20] = [
    "ete", "eten", "etest", "test", "ten", "tet", "est", "te", "st", "et", "en", "e", "t", "n", "end", "ende", "enden",
    "ender", "endes", "endem",
];

#[inline]
fn has_umlaut(word: &str) -> bool {
    word.contains(['ä', 'ö', 'ü'])
}

/// `parts` concatenated into `scratch`.
#[inline]
fn joined<'a>(scratch: &'a mut String, parts: &[&str]) -> &'a str {
    scratch.clear();
    for part in parts {
        scratch.push_str(part);
    }
    scratch
}

/// `word` with its last umlaut (ä, ö, ü) made plain, into `scratch`: Häuser → Hauser → Haus.
fn without_last_umlaut<'a>(scratch: &'a mut String, word: &str) -> &'a str {
    scratch.clear();
    scratch.push_str(word);
    if let Some((at, c)) = word.char_indices().rev().find(|&(_, c)| matches!(c, 'ä' | 'ö' | 'ü')) {
        let plain = match c {
            'ä' => "a",
            'ö' => "o",
            _ => "u",
        };
        scratch.replace_range(at..at + c.len_utf8(), plain);
    }
    scratch
}

#[inline]
fn lookup(word: &str) -> Option<(&'static str, &'static GermanWord)> {
    GERMAN.get_key_value(word).map(|(key, entry)| (*key, entry))
}

/// The lexicon key spelt `word`, if there is one.
#[inline]
pub(super) fn key(word: &str) -> Option<(&'static str, &'static GermanWord)> {
    lookup(word).filter(|(_, entry)| entry.has_translations())
}

/// The infinitive of an irregular verb form.
#[inline]
fn infinitive(form: &str) -> Option<&'static str> {
    lookup(form).and_then(|(_, entry)| entry.infinitive)
}

/// A German function word: on a list, an irregular form of one (sei → sein), or one once ss is
/// written ß (dass → daß).
fn is_function_word(word: &str) -> bool {
    if let Some((_, entry)) = lookup(word) {
        if entry.function || entry.infinitive.and_then(lookup).is_some_and(|(_, inf)| inf.function) {
            return true;
        }
    }
    word.contains("ss") && lookup(&word.replace("ss", "ß")).is_some_and(|(_, entry)| entry.function)
}

/// Which candidates a lookup keeps.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Accept {
    /// Any key.
    Key,
    /// A key that is not a function word.
    Content,
    /// A key that is a verb and not a function word.
    Verb,
    /// The head of a compound (Zimmer-mädchen): a content key of four letters or more that is
    /// not also an irregular verb form, which would make a head of any word ending like one.
    Head,
}

/// Keys found so far, in order, without repeats; a candidate is added if it is a key that
/// `accept` allows.
struct Found<'a> {
    keys: &'a mut Vec<&'static str>,
}

impl Found<'_> {
    #[inline]
    fn add(&mut self, candidate: &str, accept: Accept) {
        let Some((key, entry)) = key(candidate) else { return };
        let accepted = match accept {
            Accept::Key => true,
            Accept::Content => !entry.function,
            Accept::Verb => !entry.function && entry.is_verb(key),
            Accept::Head => !entry.function && entry.infinitive.is_none() && letters(key) >= 4,
        };
        if accepted && !self.keys.contains(&key) {
            self.keys.push(key);
        }
    }
}

/// Reusable buffers for candidate spellings, so that trying one costs no allocation.
#[derive(Default)]
pub(super) struct Scratch {
    a: String,
    b: String,
}

/// What [`look_up`] finds for a word.
struct Known {
    function: bool,
    keys: Box<[&'static str]>,
}

thread_local! {
    /// The words this thread has looked up. Words repeat across a corpus (half the tokens are
    /// a few hundred function words), and looking one up tries a hundred spellings or more.
    /// Cleared when full, to bound its memory.
    static KNOWN: RefCell<FxHashMap<Box<str>, Known>> = RefCell::new(FxHashMap::default());
}

/// Words [`KNOWN`] holds at most (a few megabytes).
const KNOWN_HELD: usize = 1 << 16;

/// Whether a lower-case German word is a function word, with its [`keys`] put in `found`;
/// remembered per thread.
pub(super) fn look_up(word: &str, scratch: &mut Scratch, found: &mut Vec<&'static str>) -> bool {
    KNOWN.with_borrow_mut(|known| {
        if let Some(entry) = known.get(word) {
            found.clear();
            found.extend_from_slice(&entry.keys);
            return entry.function;
        }
        keys(word, scratch, found);
        let function = is_function_word(word);
        if known.len() >= KNOWN_HELD {
            known.clear();
        }
        known.insert(word.into(), Known { function, keys: found.as_slice().into() });
        function
    })
}

/// The lexicon keys a lower-case German word may be a form of, into `keys` (cleared first).
/// Whatever follows an apostrophe is ignored ("geht's" → "geht").
///
/// The word itself, its irregular verb forms, noun and adjective stems and verb stems are tried
/// first; only when none is a key does the word lose a verb prefix (versendet → sendet →
/// senden), then get read as a compound whose head is a key (Regierungssprecher → Sprecher),
/// and last as a derivation of a key it starts with (problemlos → Problem).
pub(super) fn keys(word: &str, scratch: &mut Scratch, keys: &mut Vec<&'static str>) {
    keys.clear();
    let word = word.split('\'').next().unwrap_or(word);
    simple_keys(word, false, scratch, keys);
    if !keys.is_empty() {
        return;
    }
    let length = letters(word);
    for (prefix, prefix_length) in PREFIXES {
        if let Some(rest) = word.strip_prefix(prefix).filter(|_| length >= prefix_length + 4) {
            simple_keys(rest, false, scratch, keys);
            keys.retain(|key| !GERMAN[key].function);
            if !keys.is_empty() {
                return;
            }
        }
    }
    // Compound heads, longest first: at least four letters, leaving at least three in front.
    for (at, _) in word.char_indices().skip(3).take(length.saturating_sub(6)) {
        simple_keys(&word[at..], true, scratch, keys);
        if !keys.is_empty() {
            return;
        }
    }
    // Modifiers, longest first: a content key of at least four letters that the word starts
    // with, leaving at least two letters after it.
    for (end, _) in word.char_indices().rev().skip(1).take(length.saturating_sub(5)) {
        if let Some((modifier, _)) =
            key(&word[..end]).filter(|(_, entry)| !entry.function && entry.infinitive.is_none())
        {
            keys.push(modifier);
            return;
        }
    }
}

/// The first part of a compound, as a content key: the longest start of the word of at least
/// four letters that leaves at least four, taken as it is or without a linking element
/// (Wirtschafts-ministerium → Wirtschaft, Frauen-arzt → Frau).
pub(super) fn modifier(word: &str) -> Option<&'static str> {
    let length = letters(word);
    let content = |candidate: &str| {
        key(candidate).filter(|(_, entry)| !entry.function && entry.infinitive.is_none()).map(|(key, _)| key)
    };
    for (end, _) in word.char_indices().rev().skip(3).take(length.saturating_sub(7)) {
        let start = &word[..end];
        let found = content(start)
            .or_else(|| {
                ["s", "es", "n", "en"]
                    .into_iter()
                    .filter_map(|link| start.strip_suffix(link))
                    .filter(|stem| letters(stem) >= 4)
                    .find_map(content)
            })
            // A verb stem (Fernseh-schirm → fernsehen, Wohn-ung).
            .or_else(|| content(&format!("{start}en")));
        if found.is_some() {
            return found;
        }
    }
    None
}

/// The prototype's `keys_simple`: the keys found for `word` and for `word` with ss written ß,
/// either by every rule or, for a compound's head, by the noun stems alone.
fn simple_keys(word: &str, head: bool, scratch: &mut Scratch, keys: &mut Vec<&'static str>) {
    let eszett = word.contains("ss").then(|| word.replace("ss", "ß"));
    let mut found = Found { keys };
    for spelling in std::iter::once(word).chain(eszett.as_deref()) {
        if head {
            found.add(spelling, Accept::Head);
            noun_stems(spelling, scratch, &mut |stem| found.add(stem, Accept::Head));
            continue;
        }
        found.add(spelling, Accept::Key);
        irregular_verb_forms(spelling, &mut scratch.a, &mut |infinitive| found.add(infinitive, Accept::Key));
        noun_stems(spelling, scratch, &mut |stem| found.add(stem, Accept::Content));
        verb_stems(spelling, &mut scratch.a, &mut |stem| found.add(stem, Accept::Verb));
    }
}

/// Infinitives of an irregular form: the form's own entry, and for each prefix the rest of the
/// word (or "ge" + the rest) as a form, with the prefix put back when that gives a key
/// (angekommen → kommen → ankommen).
fn irregular_verb_forms(word: &str, scratch: &mut String, found: &mut impl FnMut(&str)) {
    if let Some(infinitive) = infinitive(word) {
        found(infinitive);
    }
    let length = letters(word);
    for (prefix, prefix_length) in PREFIXES {
        let Some(rest) = word.strip_prefix(prefix).filter(|_| length >= prefix_length + 3) else { continue };
        let Some(bare) = infinitive(rest).or_else(|| infinitive(joined(scratch, &["ge", rest]))) else { continue };
        let prefixed = joined(scratch, &[prefix, bare]);
        found(if key(prefixed).is_some() { prefixed } else { bare });
    }
}

/// Whether the lexicon translates a lower-case German word as it stands or through a noun or
/// adjective ending (Vitrinen → Vitrine), or reads it as a compound of two translated words of
/// at least four letters, perhaps joined by a linking s or plural ending (Königspalast: König
/// and Palast; Bauernverband: Bauer and Verband). Names are neither: "Lahnstein", "Märklin",
/// and "Paris", which the lexicon translates only as itself.
pub(super) fn translates_as_word_or_compound(word: &str) -> bool {
    thread_local! {
        /// Answers given on this thread: the same capitalised words recur through a corpus, and
        /// reading one as a compound tries every split. Cleared when full, like [`KNOWN`].
        static ANSWERS: RefCell<FxHashMap<Box<str>, bool>> = RefCell::new(FxHashMap::default());
    }
    if let Some(answer) = ANSWERS.with_borrow(|answers| answers.get(word).copied()) {
        return answer;
    }
    let answer = translates_uncached(word);
    ANSWERS.with_borrow_mut(|answers| {
        if answers.len() >= KNOWN_HELD {
            answers.clear();
        }
        answers.insert(word.into(), answer);
    });
    answer
}

fn translates_uncached(word: &str) -> bool {
    // A key whose only translation is itself is a name the lexicon lists ("Paris", "Madrid"),
    // whatever stems or parts it might be read as.
    if let Some((_, entry)) = key(word) {
        return entry.translations().any(|translation| !translation.eq_ignore_ascii_case(word));
    }
    let mut scratch = Scratch::default();
    let translated = |candidate: &str, scratch: &mut Scratch| {
        let mut found = key(candidate).is_some();
        noun_stems(candidate, scratch, &mut |stem| found |= key(stem).is_some());
        found
    };
    if translated(word, &mut scratch) {
        return true;
    }
    let boundaries: Vec<usize> = word.char_indices().map(|(i, _)| i).collect();
    boundaries.iter().skip(4).take(boundaries.len().saturating_sub(8)).any(|&split| {
        let (head, tail) = word.split_at(split);
        // The head may end in a linking element: an s, or a plural ending the stems undo.
        let head_translated =
            translated(head, &mut scratch) || head.strip_suffix('s').is_some_and(|bare| translated(bare, &mut scratch));
        head_translated && translated(tail, &mut scratch)
    })
}

/// Whether the lexicon has `word` or one of its noun stems as a key, whatever the translation:
/// a part a German compound may be built from ("park", "ausweis", "strafen"). With `noun`, only
/// a noun or adjective counts, the part that ends a compound.
pub(super) fn knows_part(word: &str, noun: bool) -> bool {
    let fits = |candidate: &str| key(candidate).is_some_and(|(_, entry)| !noun || entry.noun_or_adjective());
    if fits(word) {
        return true;
    }
    let mut found = false;
    noun_stems(word, &mut Scratch::default(), &mut |stem| found |= fits(stem));
    found
}

/// The English words of every translation of every lexicon key that a lower-case German word
/// may be a form of: "pfalz" gives "palatinate", "deutschen" gives "german". The keys are looked
/// up through the per-thread cache.
pub(super) fn translation_words(word: &str, into: &mut impl Extend<&'static str>) {
    thread_local! {
        /// The words' translations found on this thread, cleared when full, like [`KNOWN`].
        static TRANSLATIONS: RefCell<FxHashMap<Box<str>, Box<[&'static str]>>> =
            RefCell::new(FxHashMap::default());
    }
    TRANSLATIONS.with_borrow_mut(|translations| {
        if let Some(words) = translations.get(word) {
            into.extend(words.iter().copied());
            return;
        }
        let mut scratch = Scratch::default();
        let mut found = Vec::new();
        look_up(word, &mut scratch, &mut found);
        let words: Box<[&'static str]> = found
            .iter()
            .filter_map(|key| GERMAN.get(key))
            .flat_map(|entry| entry.translations())
            .flat_map(super::tokens::phrase_words)
            .collect();
        into.extend(words.iter().copied());
        if translations.len() >= KNOWN_HELD {
            translations.clear();
        }
        translations.insert(word.into(), words);
    })
}

/// Noun and adjective stems: the word without its last umlaut (when it is not a key itself),
/// without an inflection ending (with or without a final e, and without an umlaut), with a
/// Latin plural undone, and without a comparison ending.
fn noun_stems(word: &str, scratch: &mut Scratch, found: &mut impl FnMut(&str)) {
    let Scratch { a, b } = scratch;
    let length = letters(word);
    let is_key = key(word).is_some();
    if !is_key && has_umlaut(word) {
        found(without_last_umlaut(a, word));
    }
    for suffix in NOUN_SUFFIXES {
        if let Some(stem) = word.strip_suffix(suffix).filter(|_| length >= suffix.len() + 3) {
            found(stem);
            found(joined(a, &[stem, "e"]));
            if has_umlaut(stem) {
                let plain = without_last_umlaut(b, stem);
                found(plain);
                found(joined(a, &[plain, "e"]));
            }
        }
    }
    if !is_key {
        for (ending, replacement) in PLURAL_SWAPS {
            if let Some(stem) = word.strip_suffix(ending).filter(|_| length >= ending.len() + 3) {
                found(joined(a, &[stem, replacement]));
            }
        }
    }
    for suffix in COMPARISON_SUFFIXES {
        let Some(stem) = word.strip_suffix(suffix).filter(|_| length >= suffix.len() + 3) else { continue };
        if suffix.starts_with('t') && !stem.ends_with(['s', 'ß', 'z', 'x']) {
            continue;
        }
        found(stem);
        if has_umlaut(stem) {
            found(without_last_umlaut(a, stem));
        }
    }
}

/// Verb candidates: the word as a bare stem or imperative (+en, +n), an action noun's verb
/// (Abholung → abholen), the word without a verb ending (+en, +n, or the ending-less stem as an
/// irregular form), a weak participle without ge- (gemacht → machen, and with a separable
/// prefix kept, abgeholt → abholen), and an infinitive with zu (abzuholen → abholen). Only
/// candidates that are verbs in the lexicon are kept.
fn verb_stems(word: &str, scratch: &mut String, found: &mut impl FnMut(&str)) {
    let length = letters(word);
    found(joined(scratch, &[word, "en"]));
    found(joined(scratch, &[word, "n"]));
    for suffix in ["ung", "ungen"] {
        if let Some(stem) = word.strip_suffix(suffix).filter(|_| length >= suffix.len() + 3) {
            found(joined(scratch, &[stem, "en"]));
            found(joined(scratch, &[stem, "n"]));
        }
    }
    for suffix in VERB_SUFFIXES {
        if let Some(stem) = word.strip_suffix(suffix).filter(|_| length >= suffix.len() + 2) {
            found(joined(scratch, &[stem, "en"]));
            found(joined(scratch, &[stem, "n"]));
            if let Some(infinitive) = infinitive(stem) {
                found(infinitive);
            }
        }
    }
    for prefix in std::iter::once("").chain(SEPARABLE_PREFIXES) {
        let Some(rest) = word.strip_prefix(prefix) else { continue };
        let rest_length = length - letters(prefix);
        if rest_length >= 5 {
            if let Some(middle) = rest.strip_prefix("ge") {
                for ending in ["et", "t", "en"] {
                    if let Some(stem) = middle.strip_suffix(ending) {
                        found(joined(scratch, &[prefix, stem, "en"]));
                        found(joined(scratch, &[prefix, stem, "n"]));
                    }
                }
            }
        }
        if !prefix.is_empty() && rest_length >= 6 {
            if let Some(after_zu) = rest.strip_prefix("zu") {
                found(joined(scratch, &[prefix, after_zu]));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys_of(word: &str) -> Vec<&'static str> {
        let mut out = Vec::new();
        keys(word, &mut Scratch::default(), &mut out);
        out
    }

    #[test]
    fn prefixes_are_both_lists_longest_first() {
        const INSEPARABLE_PREFIXES: [&str; 8] = ["miss", "emp", "ent", "ver", "zer", "be", "er", "ge"];
        let mut expected: Vec<&str> = SEPARABLE_PREFIXES.iter().chain(&INSEPARABLE_PREFIXES).copied().collect();
        expected.sort_by_key(|prefix| std::cmp::Reverse(prefix.chars().count()));
        let listed: Vec<&str> = PREFIXES.iter().map(|(prefix, _)| *prefix).collect();
        assert_eq!(listed, expected);
        assert!(PREFIXES.iter().all(|(prefix, length)| prefix.chars().count() == *length));
    }

    #[test]
    fn inflected_forms_find_their_keys() {
        for (word, key) in [
            ("gesetze", "gesetz"),
            ("beschlossen", "beschließen"),
            ("häuser", "haus"),
            ("ging", "gehen"),
            ("abgeholt", "abholen"),
            ("regierungssprecher", "sprecher"),
            ("zimmermädchen", "mädchen"),
            ("größte", "groß"),
        ] {
            assert!(keys_of(word).contains(&key), "{word}: {:?}", keys_of(word));
        }
    }

    #[test]
    fn compounds_have_a_first_part() {
        assert_eq!(modifier("wirtschaftsministerium"), Some("wirtschaft"));
        assert_eq!(modifier("haus"), None);
    }

    #[test]
    fn function_words() {
        assert!(is_function_word("und"));
        assert!(is_function_word("sei"));
        assert!(!is_function_word("regierung"));
    }
}
