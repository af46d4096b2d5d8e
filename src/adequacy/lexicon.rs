//! The German–English lexicon and the English word lists behind [`coverage`](super::coverage),
//! compiled into the binary and parsed once per process.
//!
//! Parsing is strict: besides what [`data_file`](crate::lexicon::data_file) rejects in every
//! file (a wrong number of fields, an empty key), a key or translation in upper case, an unknown
//! class or a repeated key panics with the file name and line number. The files ship with the
//! binary, so a bad row is a build defect that the unit tests catch, not an input error to
//! recover from.

use crate::lexicon::{shipped, Row};
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

/// What the lexicon knows about one German word. One table holds every word from every German
/// file, so a candidate spelling is looked up once.
#[derive(Debug, Default)]
pub(super) struct GermanWord {
    /// The comma-separated translations from `de_en_core.tsv`.
    core: Option<&'static str>,
    /// The comma-separated translations from `de_en_wiktionary.tsv`.
    wiktionary: Option<&'static str>,
    /// The class `de_en_core.tsv` gives the word, if it lists it.
    class: Option<Class>,
    /// A core `function` row or an entry of `german_function_words.txt`.
    pub(super) function: bool,
    /// The infinitive `de_en_verb_forms.tsv` gives for the word as an irregular verb form.
    pub(super) infinitive: Option<&'static str>,
    /// The word is the infinitive of some irregular form in `de_en_verb_forms.tsv`.
    is_infinitive: bool,
}

/// The class `de_en_core.tsv` gives a word: function words are not counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Function,
    Content,
}

impl Class {
    /// The third field of a `de_en_core.tsv` row.
    fn parse(row: &Row<3>) -> Class {
        match row.fields[2] {
            "function" => Class::Function,
            "content" => Class::Content,
            other => row.fail(&format!("class {other:?} is neither 'function' nor 'content'")),
        }
    }
}

impl GermanWord {
    /// The word is a key of the lexicon (core or Wiktionary), so it has translations.
    #[inline]
    pub(super) fn has_translations(&self) -> bool {
        self.core.is_some() || self.wiktionary.is_some()
    }

    /// The word is a noun or adjective: the Wiktionary tables, which hold only those, list it.
    #[inline]
    pub(super) fn noun_or_adjective(&self) -> bool {
        self.wiktionary.is_some()
    }

    /// The word's translations, core first, then Wiktionary (a translation both give comes
    /// twice, which no caller minds).
    pub(super) fn translations(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.core.into_iter().chain(self.wiktionary).flat_map(|field| field.split(','))
    }

    /// A verb the stem rules may land on: a core content word ending in -n, or the infinitive of
    /// an irregular form. `word` is the word's own spelling.
    #[inline]
    pub(super) fn is_verb(&self, word: &str) -> bool {
        self.class == Some(Class::Content) && word.ends_with('n') || self.is_infinitive
    }
}

/// Every German word of `de_en_core.tsv`, `de_en_wiktionary.tsv`, `de_en_verb_forms.tsv` (forms
/// and infinitives) and `german_function_words.txt`.
pub(super) static GERMAN: LazyLock<FxHashMap<&'static str, GermanWord>> = LazyLock::new(load_german);

fn load_german() -> FxHashMap<&'static str, GermanWord> {
    let mut words: FxHashMap<&'static str, GermanWord> = FxHashMap::default();
    words.reserve(44_000);
    for row in shipped!("data/lexicon/de_en_wiktionary.tsv").rows::<2>() {
        lower_case(&row);
        let entry = words.entry(row.fields[0]).or_default();
        check_new(&row, entry.wiktionary.is_none());
        entry.wiktionary = Some(row.fields[1]);
    }
    for row in shipped!("data/lexicon/de_en_core.tsv").rows::<3>() {
        lower_case(&row);
        let class = Class::parse(&row);
        let entry = words.entry(row.fields[0]).or_default();
        check_new(&row, entry.core.is_none());
        entry.core = Some(row.fields[1]);
        entry.class = Some(class);
        entry.function |= class == Class::Function;
    }
    for row in shipped!("data/lexicon/german_function_words.txt").rows::<1>() {
        lower_case(&row);
        words.entry(row.fields[0]).or_default().function = true;
    }
    for row in shipped!("data/lexicon/de_en_verb_forms.tsv").rows::<2>() {
        lower_case(&row);
        let [form, infinitive] = row.fields;
        if infinitive.is_empty() {
            row.fail("empty infinitive");
        }
        let entry = words.entry(form).or_default();
        check_new(&row, entry.infinitive.is_none());
        entry.infinitive = Some(infinitive);
        words.entry(infinitive).or_default().is_infinitive = true;
    }
    words
}

/// High-frequency English function words (`english_function_words.txt`).
pub(super) static ENGLISH_FUNCTION_WORDS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    shipped!("data/lexicon/english_function_words.txt").rows::<1>().map(|row| row.fields[0]).collect()
});

/// English irregular forms and their lemma: every inflection in `verbs.tsv` that differs from
/// its lemma (the first verb to claim a form keeps it), then a few nouns and adjectives.
pub(super) static ENGLISH_IRREGULAR: LazyLock<FxHashMap<&'static str, &'static str>> =
    LazyLock::new(load_english_irregular);

fn load_english_irregular() -> FxHashMap<&'static str, &'static str> {
    let mut lemmas: FxHashMap<&'static str, &'static str> = FxHashMap::default();
    lemmas.reserve(24_000);
    for row in shipped!("data/lexicon/verbs.tsv").rows::<5>() {
        let lemma = row.fields[0];
        // Some verbs lack a form ("beware"): an empty field is not a form.
        for form in row.fields[1..].iter().flat_map(|field| field.split('/')) {
            if form != lemma && !form.is_empty() {
                lemmas.entry(form).or_insert(lemma);
            }
        }
    }
    for (form, lemma) in OTHER_IRREGULAR {
        lemmas.entry(form).or_insert(lemma);
    }
    lemmas
}

/// Every English verb form of `verbs.tsv`, lemmas included.
pub(super) static ENGLISH_VERB_FORMS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    let mut forms = FxHashSet::default();
    for row in shipped!("data/lexicon/verbs.tsv").rows::<5>() {
        forms.extend(row.fields.iter().flat_map(|field| field.split('/')).filter(|form| !form.is_empty()));
    }
    forms
});

/// Irregular English nouns and adjectives, and the "n't" of contractions.
const OTHER_IRREGULAR: [(&str, &str); 23] = [
    ("men", "man"),
    ("women", "woman"),
    ("children", "child"),
    ("people", "person"),
    ("feet", "foot"),
    ("teeth", "tooth"),
    ("mice", "mouse"),
    ("lives", "life"),
    ("wives", "wife"),
    ("knives", "knife"),
    ("leaves", "leaf"),
    ("halves", "half"),
    ("crises", "crisis"),
    ("analyses", "analysis"),
    ("better", "good"),
    ("best", "good"),
    ("worse", "bad"),
    ("worst", "bad"),
    ("n't", "not"),
    ("more", "much"),
    ("most", "much"),
    ("less", "little"),
    ("least", "little"),
];

/// Keys and translations of the German files are documented as lower case; a capital would
/// never match a lower-cased token, so it is a defect in the file.
fn lower_case<const N: usize>(row: &Row<N>) {
    if row.fields.iter().any(|field| field.chars().any(char::is_uppercase)) {
        row.fail("upper-case letters in a lower-case list");
    }
}

fn check_new<const N: usize>(row: &Row<N>, is_new: bool) {
    if !is_new {
        row.fail(&format!("{:?} is listed twice", row.fields[0]));
    }
}

/// Forces every table to load.
pub(super) fn preload() {
    LazyLock::force(&GERMAN);
    LazyLock::force(&ENGLISH_FUNCTION_WORDS);
    LazyLock::force(&ENGLISH_IRREGULAR);
    LazyLock::force(&ENGLISH_VERB_FORMS);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn committed_files_load_quickly() {
        // Timed on fresh tables: the statics may already have been forced by another test.
        let start = std::time::Instant::now();
        let (german, irregular) = (load_german(), load_english_irregular());
        let elapsed = start.elapsed();
        println!(
            "adequacy lexicon: {} German and {} English entries parsed in {:.1} ms",
            german.len(),
            irregular.len(),
            elapsed.as_secs_f64() * 1e3
        );
        drop((german, irregular));
        preload();
        assert!(GERMAN.len() > 40_000, "{}", GERMAN.len());
        assert!(GERMAN["haus"].translations().any(|t| t == "house"));
        assert!(GERMAN["und"].function && GERMAN["und"].has_translations());
        assert_eq!(GERMAN["ging"].infinitive, Some("gehen"));
        assert!(GERMAN["gehen"].is_verb("gehen"));
        assert!(ENGLISH_FUNCTION_WORDS.contains("the"));
        assert_eq!(ENGLISH_IRREGULAR["went"], "go");
        assert_eq!(ENGLISH_IRREGULAR["children"], "child");
        // Verbs come first: "lives" is a form of "live" before it is the plural of "life".
        assert_eq!(ENGLISH_IRREGULAR["lives"], "live");
    }

    fn test_file(text: &'static str) -> crate::lexicon::DataFile {
        crate::lexicon::DataFile { path: "data/lexicon/test.tsv", text }
    }

    fn load(text: &'static str) -> usize {
        test_file(text).rows::<2>().count()
    }

    #[test]
    fn headers_and_empty_lines_are_skipped() {
        assert_eq!(load("# header\n\na\tb\n# note\nc\td\n"), 2);
    }

    #[test]
    #[should_panic(expected = "data/lexicon/test.tsv, line 3: 3 tab-separated fields, expected 2")]
    fn an_extra_field_panics_with_file_and_line() {
        load("# header\na\tb\nc\td\te\n");
    }

    #[test]
    #[should_panic(expected = "line 2: key \"\" is empty")]
    fn an_empty_key_panics() {
        load("a\tb\n\tb\n");
    }

    #[test]
    #[should_panic(expected = "line 1: class \"noun\" is neither")]
    fn an_unknown_class_panics() {
        for row in test_file("haus\thouse\tnoun\n").rows::<3>() {
            Class::parse(&row);
        }
    }
}
