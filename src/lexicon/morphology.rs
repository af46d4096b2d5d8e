//! English verb forms and lemmas: which forms a word can be, and the word it inflects.

use super::containers::FirstByteLengths;
use super::data_file::shipped;
use super::lists::ENGLISH_WORDS;
use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use std::sync::LazyLock;

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
    pub(super) fn packed(self) -> u8 {
        0x80 | u8::from(self.base)
            | u8::from(self.past) << 1
            | u8::from(self.participle) << 2
            | u8::from(self.gerund) << 3
            | u8::from(self.third_person) << 4
    }

    pub(super) fn unpack(packed: u8) -> Option<Self> {
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
    // A field may hold spelling variants ("occurred/occured", "travelled/traveled"), each a
    // form; a verb without some form ("beware") lists an empty field, which is no form.
    for row in shipped!("data/lexicon/verbs.tsv").rows::<5>() {
        let [base, past, participle, gerund, third_person] = row.fields;
        let setters: [fn(&mut VerbForms); 5] = [
            |f| f.base = true,
            |f| f.past = true,
            |f| f.participle = true,
            |f| f.gerund = true,
            |f| f.third_person = true,
        ];
        for (field, set) in [base, past, participle, gerund, third_person].into_iter().zip(setters) {
            for form in field.split('/').filter(|form| !form.is_empty()) {
                set(forms.entry(form).or_default());
            }
        }
    }
    for auxiliary in AUXILIARIES {
        let entry = forms.entry(auxiliary).or_default();
        entry.base = true;
        entry.third_person = true;
    }
    forms
});

/// Forms of be, have and do, and the modal verbs: always verbs, whatever precedes them.
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

/// Base forms of every inflected verb form in the shipped list, and of be, have and do.
pub(super) static VERB_LEMMAS: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    let mut lemmas = HashMap::default();
    for row in shipped!("data/lexicon/verbs.tsv").rows::<5>() {
        for form in row.fields[1..].iter().flat_map(|field| field.split('/')).filter(|form| !form.is_empty()) {
            lemmas.entry(form).or_insert(row.fields[0]);
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
pub fn lemma(lower: &str) -> Cow<'_, str> {
    if let Some(lemma) = VERB_LEMMAS.get(lower) {
        return Cow::Borrowed(lemma);
    }
    singular(lower)
}

/// The singular of a plural noun ("cities", "boxes", "thumbs"), or the word itself.
pub(super) fn singular(lower: &str) -> Cow<'_, str> {
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
