//! Word lists shipped in `data/lexicon/`, compiled into the binary and parsed once per process.
//!
//! Every file opens with `#` header lines that say where its entries come from and under which
//! licence; blank lines and `#` lines are skipped. Entries are matched in lower case.

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

/// A word of up to 16 bytes packed into one integer, zero-padded (no word contains a NUL
/// byte). Tables keyed by it hash and compare a word without reading the key's bytes from
/// elsewhere in memory: with `&str` keys every probe of a large table followed a pointer to
/// the key's text, a second cache miss per lookup.
///
/// It is kept as two 64-bit halves rather than one `u128`, which is 16-byte aligned: with an
/// 8-byte [`Lex`] beside it, a table entry takes 24 bytes instead of 32, and the per-token
/// table fits in less cache.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct ShortWord([u64; 2]);

impl ShortWord {
    #[inline]
    fn from_packed(packed: u128) -> Self {
        ShortWord([packed as u64, (packed >> 64) as u64])
    }

    #[inline]
    fn new(word: &str) -> Option<Self> {
        (word.len() <= 16).then(|| ShortWord::from_packed(pack(word.as_bytes())))
    }

    /// The word's [`word_key`]: both halves mixed by a multiplication, whose top bits depend on
    /// every input bit.
    #[inline]
    fn key(self) -> u32 {
        let [low, high] = self.0;
        ((low ^ high.rotate_left(31)).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) as u32
    }

    /// [`ShortWord::new`] of the word in lower case, for ASCII words: lower-cased once packed,
    /// eight letters at a time, with no copy of the word.
    #[inline]
    fn ascii_lower_case(word: &str) -> Option<Self> {
        let bytes = word.as_bytes();
        if bytes.len() > 16 || !bytes.is_ascii() {
            return None;
        }
        let packed = pack(bytes);
        let low = ascii_lower_case_8(packed as u64);
        let high = ascii_lower_case_8((packed >> 64) as u64);
        Some(ShortWord([low, high]))
    }
}

/// Up to 16 bytes as one little-endian integer, zero-padded. Every token is packed at least
/// once, so instead of a step per byte this reads the bytes in at most three overlapping loads.
/// Where two loads overlap they read the same bytes into the same places, so OR-ing them is
/// exact.
#[inline]
fn pack(bytes: &[u8]) -> u128 {
    let n = bytes.len();
    debug_assert!(n <= 16);
    let u64_at = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().expect("eight bytes"));
    let u32_at = |at: usize| u32::from_le_bytes(bytes[at..at + 4].try_into().expect("four bytes"));
    match n {
        0 => 0,
        1..=3 => {
            u128::from(bytes[0]) | u128::from(bytes[n / 2]) << (8 * (n / 2)) | u128::from(bytes[n - 1]) << (8 * (n - 1))
        }
        4..=7 => u128::from(u32_at(0)) | u128::from(u32_at(n - 4)) << (8 * (n - 4)),
        _ => u128::from(u64_at(0)) | u128::from(u64_at(n - 8)) << (8 * (n - 8)),
    }
}

/// Lower-cases eight ASCII bytes at once: each byte from 'A' to 'Z' gains 0x20. Adding 0x3f
/// sets a byte's top bit when it is at least 'A', adding 0x25 when it is above 'Z'; no byte
/// carries into the next, since every byte is below 0x80.
#[inline]
fn ascii_lower_case_8(bytes: u64) -> u64 {
    const EACH: u64 = 0x0101_0101_0101_0101;
    let at_least_a = bytes + 0x3f * EACH;
    let above_z = bytes + 0x25 * EACH;
    let upper = at_least_a & !above_z & (0x80 * EACH);
    bytes | upper >> 2
}

/// A map from words, split by length: the short ones packed (see [`ShortWord`]), the rest as
/// text.
pub struct WordMap<V> {
    short: HashMap<ShortWord, V>,
    long: HashMap<Box<str>, V>,
}

impl<V> Default for WordMap<V> {
    fn default() -> Self {
        WordMap { short: HashMap::default(), long: HashMap::default() }
    }
}

impl<V> WordMap<V> {
    #[inline]
    pub fn get(&self, word: &str) -> Option<&V> {
        match ShortWord::new(word) {
            Some(packed) => self.short.get(&packed),
            None => self.long.get(word),
        }
    }

    /// Sets the value for `word`, returning the one it replaces.
    pub fn insert(&mut self, word: &str, value: V) -> Option<V> {
        match ShortWord::new(word) {
            Some(packed) => self.short.insert(packed, value),
            None => self.long.insert(word.into(), value),
        }
    }

    /// Room for `additional` more short words without growing: start-up builds tables of
    /// 100,000 words and more, and growing them step by step rehashed every entry many times.
    pub fn reserve(&mut self, additional: usize) {
        self.short.reserve(additional);
    }

    /// The value for `word`, inserted as the default first if there is none.
    pub fn entry_or_default(&mut self, word: &str) -> &mut V
    where
        V: Default,
    {
        match ShortWord::new(word) {
            Some(packed) => self.short.entry(packed).or_default(),
            None => self.long.entry(word.into()).or_default(),
        }
    }
}

/// A set of [`word_key`]s as an array of 16,384 bits (a Bloom filter with one hash): a word
/// whose bit is clear is not in the set. With a few hundred words in it, about one word in
/// thirty passes by chance and needs the real lookup, which costs many times this test.
pub struct KeyFilter {
    bits: Box<[u64; 256]>,
}

impl Default for KeyFilter {
    fn default() -> Self {
        KeyFilter { bits: Box::new([0; 256]) }
    }
}

impl KeyFilter {
    /// A filter holding the keys of `words`.
    pub fn of<'w>(words: impl IntoIterator<Item = &'w str>) -> Self {
        let mut filter = KeyFilter::default();
        for word in words {
            filter.add(word_key(word));
        }
        filter
    }

    /// The key's top 14 bits: keys are mixed so that every bit of the word reaches them.
    fn slot(key: u32) -> usize {
        (key >> 18) as usize
    }

    pub fn add(&mut self, key: u32) {
        let slot = Self::slot(key);
        self.bits[slot / 64] |= 1 << (slot % 64);
    }

    /// False when no word with this key was added.
    #[inline]
    pub fn may_contain(&self, key: u32) -> bool {
        let slot = Self::slot(key);
        self.bits[slot / 64] >> (slot % 64) & 1 != 0
    }
}

/// A test that rules out most words before a hash lookup in a small set: for each first byte,
/// the lengths of the set's words (one bit per length up to 31 bytes; longer words share the
/// last bit). A word that fails it is not in the set; one that passes still needs the lookup.
/// For sets asked of words without a token's key ([`is_auxiliary`]); with a key, [`KeyFilter`]
/// rules out more.
pub struct FirstByteLengths {
    lengths: [u32; 256],
}

impl FirstByteLengths {
    pub fn new<'w>(words: impl IntoIterator<Item = &'w str>) -> Self {
        let mut filter = FirstByteLengths { lengths: [0; 256] };
        for word in words {
            filter.add(word);
        }
        filter
    }

    fn add(&mut self, word: &str) {
        if let Some(&first) = word.as_bytes().first() {
            self.lengths[first as usize] |= Self::length_bit(word);
        }
    }

    fn length_bit(word: &str) -> u32 {
        1 << word.len().min(31)
    }

    /// False when `word` is certainly not one of the words added.
    #[inline]
    pub fn may_contain(&self, word: &str) -> bool {
        word.as_bytes().first().is_some_and(|&first| self.lengths[first as usize] & Self::length_bit(word) != 0)
    }
}

/// A set of lower-case words read from one of the shipped list files.
pub struct WordList {
    /// Each word, keyed for lookup, with the list's own copy of it.
    packed: WordMap<&'static str>,
    /// Each word once, in file order.
    words: Vec<&'static str>,
}

impl WordList {
    fn parse(source: &'static str) -> Self {
        let lines: Vec<&'static str> =
            source.lines().map(str::trim).filter(|line| !line.is_empty() && !line.starts_with('#')).collect();
        let mut packed = WordMap::default();
        packed.reserve(lines.len());
        let mut words = Vec::with_capacity(lines.len());
        for word in lines {
            if packed.insert(word, word).is_none() {
                words.push(word);
            }
        }
        WordList { packed, words }
    }

    /// Whether `word` is on the list, compared without regard to case.
    pub fn contains(&self, word: &str) -> bool {
        // This is asked for most tokens: short ASCII words are lower-cased as they are packed,
        // the others on the stack, never on the heap.
        if let Some(packed) = ShortWord::ascii_lower_case(word) {
            return self.packed.short.contains_key(&packed);
        }
        with_lower_case(word, |lower| self.packed.get(lower).is_some())
    }

    /// The list's own copy of a lower-case word, if it is on the list.
    pub fn get(&self, lower: &str) -> Option<&'static str> {
        self.packed.get(lower).copied()
    }

    /// Every word on the list, in lower case.
    pub fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.words.iter().copied()
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

macro_rules! word_list {
    ($name:ident, $file:literal) => {
        pub static $name: LazyLock<WordList> =
            LazyLock::new(|| WordList::parse(include_str!(concat!("../data/lexicon/", $file))));
    };
}

word_list!(ABBREVIATIONS, "abbreviations.txt");
word_list!(SENTENCE_STARTERS, "sentence_starters.txt");
word_list!(ENGLISH_FUNCTION_WORDS, "english_function_words.txt");
word_list!(GERMAN_FUNCTION_WORDS, "german_function_words.txt");
word_list!(SPEECH_VERBS, "speech_verbs.txt");
word_list!(MONTHS, "months.txt");
word_list!(WEEKDAYS, "weekdays.txt");

/// Forces every list to load, so start-up cost is paid before the first batch is timed.
pub fn preload() {
    for list in
        [&ABBREVIATIONS, &SENTENCE_STARTERS, &ENGLISH_FUNCTION_WORDS, &GERMAN_FUNCTION_WORDS, &SPEECH_VERBS, &MONTHS]
    {
        LazyLock::force(list);
    }
    preload_tables();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_keys_agree_for_equal_words_and_lex_and_key_agrees_with_lex() {
        let words = ["the", "tractor", "eat", "ate", "bürgermeister", "a-compound-word-longer-than-sixteen", "", "x"];
        for word in words {
            assert_eq!(word_key(word), word_key(&word.to_string()), "{word}");
            assert_eq!(lex_and_key(word), (lex(word), word_key(word)), "{word}");
        }
        // Different words, short and long, get different keys (checked on real vocabulary).
        let mut keys: Vec<u32> = ENGLISH_WORDS.iter().take(20_000).map(word_key).collect();
        let count = keys.len();
        keys.sort_unstable();
        keys.dedup();
        assert!(count - keys.len() <= 1, "{} collisions among {count} words", count - keys.len());
    }

    #[test]
    fn key_filters_keep_every_word_added_and_rule_out_most_others() {
        let mut filter = KeyFilter::default();
        let added: Vec<&str> = ENGLISH_WORDS.iter().take(500).collect();
        for word in &added {
            filter.add(word_key(word));
        }
        assert!(added.iter().all(|w| filter.may_contain(word_key(w))));
        let others: Vec<&str> = ENGLISH_WORDS.iter().skip(500).take(10_000).collect();
        let passed = others.iter().filter(|w| filter.may_contain(word_key(w))).count();
        assert!(passed < others.len() / 20, "{passed} of {} other words passed", others.len());
    }

    #[test]
    fn first_byte_lengths_never_rule_out_a_word_of_the_set() {
        let set = ["chef", "eventually", "handy", "become", "a-very-long-word-of-more-than-31-bytes"];
        let filter = FirstByteLengths::new(set);
        assert!(set.iter().all(|w| filter.may_contain(w)));
        assert!(filter.may_contain("a-another-long-word-over-31-bytes-too"), "long words share a bit");
        for other in ["cheff", "hand", "the", "", "Chef", "bee"] {
            assert!(!filter.may_contain(other), "{other}");
        }
    }

    /// Packing against the plain definition, for every length and for bytes at the edges of
    /// the letter ranges ('@' and '[' sit either side of 'A' to 'Z').
    #[test]
    fn words_pack_and_lower_case_like_a_byte_loop() {
        let alphabet = b"@AZ[az`{09-.\x7f\x01";
        let mut random = crate::test_random::XorShift(0x2545_f491_4f6c_dd1d);
        for round in 0..20_000 {
            let length = round % 17;
            let word: Vec<u8> = (0..length).map(|_| random.pick(alphabet)).collect();
            let word = std::str::from_utf8(&word).unwrap();
            let by_loop =
                |bytes: &[u8]| bytes.iter().enumerate().fold(0u128, |p, (i, &b)| p | u128::from(b) << (8 * i));
            assert_eq!(ShortWord::new(word), Some(ShortWord::from_packed(by_loop(word.as_bytes()))), "{word:?}");
            let lower = word.to_ascii_lowercase();
            assert_eq!(
                ShortWord::ascii_lower_case(word),
                Some(ShortWord::from_packed(by_loop(lower.as_bytes()))),
                "{word:?}"
            );
        }
        assert_eq!(ShortWord::new("seventeen-letters"), None);
        assert_eq!(ShortWord::ascii_lower_case("Grüße"), None, "not ASCII: lower-cased the long way");
    }

    #[test]
    fn lists_skip_headers_and_match_any_case() {
        assert!(ABBREVIATIONS.contains("Dr"));
        assert!(ABBREVIATIONS.contains("DR"));
        assert!(!ABBREVIATIONS.contains("# Abbreviations"));
        assert!(GERMAN_FUNCTION_WORDS.contains("Über"));
        assert!(!ENGLISH_FUNCTION_WORDS.contains("tractor"));
        assert!(MONTHS.len() == 12);
    }

    #[test]
    fn tables_hold_the_entries_detectors_rely_on() {
        assert_eq!(FIRST_NAMES.get("Heike"), Some(&Gender::Female));
        assert_eq!(FIRST_NAMES.get("Klaus"), Some(&Gender::Male));
        assert!(PERSON_NOUNS["child"].neuter_in_german);
        assert_eq!(PERSON_NOUNS["spokeswoman"].gender, Gender::Female);
        assert_eq!(THING_NOUNS.get("tractor"), Some(&ThingClass::Vehicle));
        assert_eq!(THING_NOUNS.get("government"), Some(&ThingClass::Institution));
        let ate = verb_forms("ate").unwrap();
        assert!(ate.past && !ate.base);
        assert!(verb_forms("Reported").unwrap().past);
        assert!(verb_forms("is").is_some());
        assert!(verb_forms("freedom").is_none());
        assert!(ENGLISH_WORDS.contains("legion") && !ENGLISH_WORDS.contains("kowalski"));
        assert!(ADJECTIVES.contains("real"));
        assert_eq!(lemma("ate"), "eat");
        assert_eq!(lemma("thumbs"), "thumb");
        assert_eq!(lemma("boxes"), "box");
        assert_eq!(lemma("cities"), "city");
        assert_eq!(lemma("bus"), "bus");
        assert_eq!(lemma("was"), "be");
    }

    #[test]
    fn lower_case_on_the_stack_matches_the_standard_library() {
        for word in ["Putin", "ÖSTERREICH", "straße", "İstanbul", "MÄRZ", "a", "", &"Ä".repeat(40)] {
            assert_eq!(with_lower_case(word, str::to_string), word.to_lowercase(), "{word}");
            assert_eq!(lower_case(word), word.to_lowercase(), "{word}");
        }
    }

    #[test]
    fn the_per_token_entry_agrees_with_the_lists() {
        for word in [
            "ate", "cities", "boxes", "bus", "was", "thumbs", "running", "the", "kowalski", "und", "monday", "done",
            "been", "having", "werths",
        ] {
            let entry = lex(word);
            assert_eq!(entry.lemma(word), lemma(word), "{word}");
            assert_eq!(entry.english_word(), ENGLISH_WORDS.contains(word), "{word}");
            assert_eq!(entry.english_function(), ENGLISH_FUNCTION_WORDS.contains(word), "{word}");
            assert_eq!(entry.german_function(), GERMAN_FUNCTION_WORDS.contains(word), "{word}");
            assert_eq!(entry.weekday(), WEEKDAYS.contains(word), "{word}");
            assert_eq!(entry.verb(), VERB_FORMS.get(word).copied(), "{word}");
        }
        assert_eq!(lex("regierung").german_word(), GERMAN_WORDS.get("regierung").copied());
        assert_eq!(lex("deutschland").german_word(), Some(true));
        assert_eq!(lex("tractor").german_word(), None);
        assert!(lex("child").person_noun() && lex("tractor").thing_noun() && lex("heike").maybe_first_name());
        assert!(!lex("tractor").person_noun() && !lex("the").thing_noun() && !lex("tractor").maybe_first_name());
    }

    /// The packed entry gives back every verb form and lemma the lists give.
    #[test]
    fn packed_entries_keep_verb_forms_and_lemmas() {
        assert_eq!(std::mem::size_of::<Lex>(), 8);
        for (word, forms) in VERB_FORMS.iter() {
            assert_eq!(lex(word).verb(), Some(*forms), "{word}");
            assert_eq!(lex(word).lemma(word), lemma(word), "{word}");
        }
        for word in ENGLISH_WORDS.iter().step_by(7) {
            assert_eq!(lex(word).lemma(word), lemma(word), "{word}");
        }
        for bits in 0..32u8 {
            let forms = VerbForms::unpack(0x80 | bits).unwrap();
            assert_eq!(forms.packed(), 0x80 | bits);
        }
        assert_eq!(VerbForms::unpack(0), None);
    }
}

word_list!(ENGLISH_WORDS, "english_words.txt");
word_list!(ADJECTIVES, "adjectives.txt");
word_list!(ANIMATE_VERBS, "animate_verbs.txt");
word_list!(TIME_NOUNS, "time_nouns.txt");

/// Lines of a shipped TSV file, headers and blank lines skipped, split on tabs.
fn tsv_rows(source: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    source
        .lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .map(|line| line.split('\t').collect())
}

/// The gender a word or name implies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    Male,
    Female,
    /// A person of either gender ("minister", "driver").
    Any,
}

impl Gender {
    fn parse(text: &str) -> Gender {
        match text {
            "male" => Gender::Male,
            "female" => Gender::Female,
            _ => Gender::Any,
        }
    }
}

/// A singular noun that denotes a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PersonNoun {
    pub gender: Gender,
    /// Grammatically neuter in German (das Kind), so MT tends to render it "it".
    pub neuter_in_german: bool,
}

pub static PERSON_NOUNS: LazyLock<HashMap<&'static str, PersonNoun>> = LazyLock::new(|| {
    tsv_rows(include_str!("../data/lexicon/person_nouns.tsv"))
        .map(|row| {
            let noun = PersonNoun { gender: Gender::parse(row[1]), neuter_in_german: row.get(2) == Some(&"neuter-de") };
            (row[0], noun)
        })
        .collect()
});

/// The semantic class of a noun that is not a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ThingClass {
    Institution,
    Vehicle,
    /// Ships and boats, which English may call "she".
    Vessel,
    Animal,
    Object,
    Abstract,
}

impl ThingClass {
    pub fn as_str(self) -> &'static str {
        match self {
            ThingClass::Institution => "institution",
            ThingClass::Vehicle => "vehicle",
            ThingClass::Vessel => "vessel",
            ThingClass::Animal => "animal",
            ThingClass::Object => "object",
            ThingClass::Abstract => "abstract",
        }
    }
}

pub static THING_NOUNS: LazyLock<HashMap<&'static str, ThingClass>> = LazyLock::new(|| {
    tsv_rows(include_str!("../data/lexicon/thing_nouns.tsv"))
        .map(|row| {
            let class = match row[1] {
                "institution" => ThingClass::Institution,
                "vehicle" => ThingClass::Vehicle,
                "vessel" => ThingClass::Vessel,
                "animal" => ThingClass::Animal,
                "object" => ThingClass::Object,
                _ => ThingClass::Abstract,
            };
            (row[0], class)
        })
        .collect()
});

/// First names whose gender is unambiguous, as written (capitalised).
pub static FIRST_NAMES: LazyLock<HashMap<&'static str, Gender>> = LazyLock::new(|| {
    tsv_rows(include_str!("../data/lexicon/first_names.tsv")).map(|row| (row[0], Gender::parse(row[1]))).collect()
});

/// The grammatical forms an English verb form can be.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct VerbForms {
    pub base: bool,
    pub past: bool,
    pub participle: bool,
    pub gerund: bool,
    pub third_person: bool,
}

impl VerbForms {
    /// One bit per form, and the top bit set so that no verb form packs to 0.
    fn packed(self) -> u8 {
        0x80 | u8::from(self.base)
            | u8::from(self.past) << 1
            | u8::from(self.participle) << 2
            | u8::from(self.gerund) << 3
            | u8::from(self.third_person) << 4
    }

    fn unpack(packed: u8) -> Option<Self> {
        (packed != 0).then_some(VerbForms {
            base: packed & 1 != 0,
            past: packed & 2 != 0,
            participle: packed & 4 != 0,
            gerund: packed & 8 != 0,
            third_person: packed & 16 != 0,
        })
    }
}

/// Every inflected form of every English verb in the shipped list, plus the irregular auxiliaries.
pub static VERB_FORMS: LazyLock<HashMap<&'static str, VerbForms>> = LazyLock::new(|| {
    let mut forms: HashMap<&'static str, VerbForms> = HashMap::default();
    for row in tsv_rows(include_str!("../data/lexicon/verbs.tsv")) {
        forms.entry(row[0]).or_default().base = true;
        forms.entry(row[1]).or_default().past = true;
        forms.entry(row[2]).or_default().participle = true;
        forms.entry(row[3]).or_default().gerund = true;
        forms.entry(row[4]).or_default().third_person = true;
    }
    for auxiliary in AUXILIARIES {
        let entry = forms.entry(auxiliary).or_default();
        entry.base = true;
        entry.third_person = true;
    }
    forms
});

/// Forms of be, have and do, and the modal verbs: always verbs, whatever precedes them.
/// Words that open formulae of address, greeting, thanks and congratulation, which need no
/// verb and are repeated on purpose ("Dear colleagues.", "Thank you. Thank you.").
pub const FORMULA_OPENINGS: [&str; 20] = [
    "dear",
    "ladies",
    "gentlemen",
    "thanks",
    "thank",
    "congratulations",
    "welcome",
    "hello",
    "greetings",
    "cheers",
    "goodbye",
    "farewell",
    "sincerely",
    "regards",
    "happy",
    "merry",
    "respected",
    "esteemed",
    "distinguished",
    "bye",
];

pub const AUXILIARIES: [&str; 27] = [
    "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having", "do", "does", "did",
    "will", "would", "can", "could", "shall", "should", "may", "might", "must", "'s", "’s", "wo",
];

/// Whether a lower-case word is on [`AUXILIARIES`]. Asked of nearly every token by the verb
/// tests: the first-byte-and-length filter rules most words out before the 27 comparisons.
pub fn is_auxiliary(lower: &str) -> bool {
    static FILTER: LazyLock<FirstByteLengths> = LazyLock::new(|| FirstByteLengths::new(AUXILIARIES));
    FILTER.may_contain(lower) && AUXILIARIES.contains(&lower)
}

/// The verb forms a word can be, compared in lower case.
pub fn verb_forms(word: &str) -> Option<VerbForms> {
    // The word-list table holds every verb form: one lookup in the table every token uses.
    with_lower_case(word, |lower| lex(lower).verb())
}

/// Base forms of every inflected verb form in the shipped list, and of be, have and do.
static VERB_LEMMAS: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    let mut lemmas = HashMap::default();
    for row in tsv_rows(include_str!("../data/lexicon/verbs.tsv")) {
        for form in &row[1..] {
            lemmas.entry(*form).or_insert(row[0]);
        }
    }
    for (form, lemma) in [
        ("is", "be"),
        ("are", "be"),
        ("was", "be"),
        ("were", "be"),
        ("been", "be"),
        ("being", "be"),
        ("am", "be"),
        ("has", "have"),
        ("had", "have"),
        ("having", "have"),
        ("does", "do"),
        ("did", "do"),
        ("done", "do"),
    ] {
        lemmas.insert(form, lemma);
    }
    lemmas
});

/// The lemma of a lower-case word: the base form of a verb, the singular of a plural noun, or
/// the word itself.
pub fn lemma(lower: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    if let Some(lemma) = VERB_LEMMAS.get(lower) {
        return Cow::Borrowed(lemma);
    }
    singular(lower)
}

/// The singular of a plural noun ("cities", "boxes", "thumbs"), or the word itself.
fn singular(lower: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    if !lower.ends_with('s') {
        return Cow::Borrowed(lower);
    }
    if let Some(stem) = lower.strip_suffix("ies").filter(|s| s.len() >= 2) {
        let singular = format!("{stem}y");
        if ENGLISH_WORDS.contains(&singular) {
            return Cow::Owned(singular);
        }
    }
    for suffix in ["es", "s"] {
        if let Some(stem) = lower.strip_suffix(suffix).filter(|s| s.len() >= 3 && !s.ends_with('s')) {
            if ENGLISH_WORDS.contains(stem) {
                return Cow::Owned(stem.to_string());
            }
        }
    }
    Cow::Borrowed(lower)
}

/// A German word, and whether English text often uses it too (then capitalised it is a name).
pub static GERMAN_WORDS: LazyLock<HashMap<&'static str, bool>> = LazyLock::new(|| {
    include_str!("../data/lexicon/german_words.txt")
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|line| match line.split_once('\t') {
            Some((word, _)) => (word, true),
            None => (line, false),
        })
        .collect()
});

/// What the shipped lists say about one lower-case word, looked up once per token when a
/// document is analysed (see [`crate::analysis::Token::lex`]), so that detectors test list
/// membership with a bit test instead of a hash lookup each.
///
/// It is packed into 8 bytes: every token carries one, and the table of them is looked up for
/// every token, so its size decides how much of it stays in cache.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Lex {
    bits: u16,
    /// The verb forms the word can be ([`VerbForms::packed`]), 0 if it is not a verb form.
    verb: u8,
    /// The word's lemma where it differs from the word ("ate": "eat", "cities": "city"): its
    /// position in [`LexTable::lemmas`] plus one, or 0.
    lemma: u32,
}

impl Lex {
    const ENGLISH_FUNCTION: u16 = 1;
    const GERMAN_FUNCTION: u16 = 2;
    const ENGLISH_WORD: u16 = 4;
    const ADJECTIVE: u16 = 8;
    const MONTH: u16 = 16;
    const WEEKDAY: u16 = 32;
    const PERSON_NOUN: u16 = 64;
    const THING_NOUN: u16 = 128;
    const FIRST_NAME: u16 = 256;
    const GERMAN_WORD: u16 = 512;
    /// A German word that English texts use too (mostly names: "berlin", "bundesliga").
    const GERMAN_WORD_IN_ENGLISH: u16 = 1024;

    /// On `ENGLISH_FUNCTION_WORDS`.
    pub fn english_function(self) -> bool {
        self.bits & Self::ENGLISH_FUNCTION != 0
    }
    /// On `GERMAN_FUNCTION_WORDS`.
    pub fn german_function(self) -> bool {
        self.bits & Self::GERMAN_FUNCTION != 0
    }
    /// On `ENGLISH_WORDS`.
    pub fn english_word(self) -> bool {
        self.bits & Self::ENGLISH_WORD != 0
    }
    /// On `ADJECTIVES`.
    pub fn adjective(self) -> bool {
        self.bits & Self::ADJECTIVE != 0
    }
    /// On `MONTHS`.
    pub fn month(self) -> bool {
        self.bits & Self::MONTH != 0
    }
    /// On `WEEKDAYS`.
    pub fn weekday(self) -> bool {
        self.bits & Self::WEEKDAY != 0
    }

    /// A key of `PERSON_NOUNS`.
    pub fn person_noun(self) -> bool {
        self.bits & Self::PERSON_NOUN != 0
    }
    /// A key of `THING_NOUNS`.
    pub fn thing_noun(self) -> bool {
        self.bits & Self::THING_NOUN != 0
    }
    /// Some key of `FIRST_NAMES` lower-cases to this word (the table itself is case-sensitive).
    pub fn maybe_first_name(self) -> bool {
        self.bits & Self::FIRST_NAME != 0
    }

    /// On `GERMAN_WORDS`: `Some(true)` if English texts use it too, as that table's value.
    pub fn german_word(self) -> Option<bool> {
        (self.bits & Self::GERMAN_WORD != 0).then_some(self.bits & Self::GERMAN_WORD_IN_ENGLISH != 0)
    }

    /// The verb forms the word can be, if it is a verb form.
    pub fn verb(self) -> Option<VerbForms> {
        VerbForms::unpack(self.verb)
    }

    /// Whether any list knows the word.
    pub fn known(self) -> bool {
        self.bits != 0 || self.verb != 0
    }

    /// The lemma of `lower`, the word this entry was looked up for: [`lemma`] without the
    /// lookups for a known word.
    /// Whether [`Lex::lemma`] gives the word itself, without looking at it: a listed word
    /// with no lemma of its own.
    pub fn lemma_is_word(self) -> bool {
        self.lemma == 0 && self.known()
    }

    pub fn lemma<'w>(self, lower: &'w str) -> std::borrow::Cow<'w, str> {
        match self.lemma {
            0 if self.known() => std::borrow::Cow::Borrowed(lower),
            // Every verb form is in the table, so an unknown word can only be a plural.
            0 => singular(lower),
            position => std::borrow::Cow::Borrowed(LEX.lemmas[position as usize - 1]),
        }
    }
}

/// The per-token table: [`lex_by_word`] keyed for fast lookup, and the lemmas its entries
/// point to.
struct LexTable {
    words: WordMap<Lex>,
    lemmas: Vec<&'static str>,
}

static LEX: LazyLock<LexTable> = LazyLock::new(|| {
    let (by_word, lemmas) = lex_by_word();
    let mut words = WordMap::default();
    words.reserve(by_word.len());
    for (word, lex) in by_word {
        words.insert(word, lex);
    }
    LexTable { words, lemmas }
});

/// Every listed word with what the lists say about it: one table, one lookup per token. The
/// entries' lemmas point into the list returned with it.
fn lex_by_word() -> (HashMap<&'static str, Lex>, Vec<&'static str>) {
    let mut table: HashMap<&'static str, Lex> = HashMap::default();
    // Room for every word of the largest lists: growing step by step rehashes them many times.
    table.reserve(ENGLISH_WORDS.len() + GERMAN_WORDS.len() + FIRST_NAMES.len());
    for (list, bit) in [
        (&ENGLISH_FUNCTION_WORDS, Lex::ENGLISH_FUNCTION),
        (&GERMAN_FUNCTION_WORDS, Lex::GERMAN_FUNCTION),
        (&ENGLISH_WORDS, Lex::ENGLISH_WORD),
        (&ADJECTIVES, Lex::ADJECTIVE),
        (&MONTHS, Lex::MONTH),
        (&WEEKDAYS, Lex::WEEKDAY),
    ] {
        for word in list.iter() {
            table.entry(word).or_default().bits |= bit;
        }
    }
    for (word, forms) in VERB_FORMS.iter() {
        table.entry(word).or_default().verb = forms.packed();
    }
    for (word, in_english) in GERMAN_WORDS.iter() {
        let bits = if *in_english { Lex::GERMAN_WORD | Lex::GERMAN_WORD_IN_ENGLISH } else { Lex::GERMAN_WORD };
        table.entry(word).or_default().bits |= bits;
    }
    for word in PERSON_NOUNS.keys() {
        table.entry(word).or_default().bits |= Lex::PERSON_NOUN;
    }
    for word in THING_NOUNS.keys() {
        table.entry(word).or_default().bits |= Lex::THING_NOUN;
    }
    // Lower-cased names are new strings: leak them once, at start-up, to key the table.
    for name in FIRST_NAMES.keys() {
        let lower: &'static str = match name.to_lowercase() {
            lower if lower == *name => name,
            lower => Box::leak(lower.into_boxed_str()),
        };
        table.entry(lower).or_default().bits |= Lex::FIRST_NAME;
    }
    let mut lemmas: Vec<&'static str> = Vec::new();
    let mut lemma_positions: HashMap<&'static str, u32> = HashMap::default();
    for (word, entry) in table.iter_mut() {
        let stored = match lemma(word) {
            std::borrow::Cow::Borrowed(same) if same == *word => None,
            std::borrow::Cow::Borrowed(lemma) => Some(lemma),
            // A plural's singular is on ENGLISH_WORDS: store that copy of it.
            std::borrow::Cow::Owned(lemma) => ENGLISH_WORDS.get(&lemma),
        };
        if let Some(stored) = stored {
            entry.lemma = *lemma_positions.entry(stored).or_insert_with(|| {
                lemmas.push(stored);
                lemmas.len() as u32
            });
        }
    }
    (table, lemmas)
}

/// A word in lower case, borrowed when it has no capitals (most words): detectors that compare
/// every word of a text lower-case each one, and copying them was a large part of their cost.
pub fn lower_case(word: &str) -> std::borrow::Cow<'_, str> {
    if word.is_ascii() && !word.bytes().any(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Borrowed(word)
    } else {
        std::borrow::Cow::Owned(word.to_lowercase())
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

/// What the lists say about a lower-case word.
pub fn lex(lower: &str) -> Lex {
    LEX.words.get(lower).copied().unwrap_or_default()
}

/// [`lex`], with the word's [key](word_key), packing the word once for both.
pub fn lex_and_key(lower: &str) -> (Lex, u32) {
    match ShortWord::new(lower) {
        Some(packed) => (LEX.words.short.get(&packed).copied().unwrap_or_default(), packed.key()),
        None => (LEX.words.long.get(lower).copied().unwrap_or_default(), word_key(lower)),
    }
}

/// A 32-bit key of a word: equal words have equal keys, and different words nearly always
/// differ. Detectors compare keys before text, so most comparisons of two words cost one
/// instruction; where keys agree, the text decides.
pub fn word_key(word: &str) -> u32 {
    match ShortWord::new(word) {
        Some(packed) => packed.key(),
        None => {
            use std::hash::{Hash, Hasher};
            let mut hasher = rustc_hash::FxHasher::default();
            word.hash(&mut hasher);
            (hasher.finish() >> 32) as u32
        }
    }
}

/// Forces the larger tables to load, for timing and start-up checks.
pub fn preload_tables() {
    LazyLock::force(&LEX);
    LazyLock::force(&ENGLISH_WORDS);
    LazyLock::force(&ADJECTIVES);
    LazyLock::force(&PERSON_NOUNS);
    LazyLock::force(&THING_NOUNS);
    LazyLock::force(&FIRST_NAMES);
    LazyLock::force(&VERB_FORMS);
    LazyLock::force(&VERB_LEMMAS);
}
