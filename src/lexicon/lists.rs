//! The shipped word lists and the tables of nouns and names, read from `data/lexicon/` once
//! per process.

use super::containers::WordList;
use super::data_file::{parse_choice, shipped, Choice, DataFile, UnknownChoice};
use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

impl WordList {
    /// The list in a one-column data file.
    pub fn from_file(file: DataFile) -> Self {
        let words: Vec<&'static str> = file.rows::<1>().map(|row| row.fields[0]).collect();
        WordList::of(words)
    }
}

macro_rules! word_list {
    ($name:ident, $file:literal) => {
        pub static $name: LazyLock<WordList> =
            LazyLock::new(|| WordList::from_file(shipped!(concat!("data/lexicon/", $file))));
    };
}

word_list!(ABBREVIATIONS, "abbreviations.txt");
word_list!(SENTENCE_STARTERS, "sentence_starters.txt");
word_list!(ENGLISH_FUNCTION_WORDS, "english_function_words.txt");
word_list!(GERMAN_FUNCTION_WORDS, "german_function_words.txt");
word_list!(SPEECH_VERBS, "speech_verbs.txt");
word_list!(MONTHS, "months.txt");
word_list!(WEEKDAYS, "weekdays.txt");
word_list!(ENGLISH_WORDS, "english_words.txt");
word_list!(ADJECTIVES, "adjectives.txt");
word_list!(ANIMATE_VERBS, "animate_verbs.txt");
word_list!(TIME_NOUNS, "time_nouns.txt");
word_list!(DETERMINERS, "determiners.txt");
word_list!(GERMAN_CALENDAR, "german_calendar.txt");
// Endings of German street and square names and of landmarks ("Talstrasse", "Paulskirche"),
// which are also the bare words ("Straße", "Platz").
word_list!(STREET_ENDINGS, "german_street_endings.txt");
// Endings of German place names, whose last part is often a common word ("Burg", "Dorf").
word_list!(PLACE_ENDINGS, "german_place_endings.txt");

/// The English month names in calendar order, lower case: `MONTH_NAMES[0]` is "january".
pub static MONTH_NAMES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| shipped!("data/lexicon/months.txt").rows::<1>().map(|row| row.fields[0]).collect());

/// The gender a word or name implies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    Male,
    Female,
    /// A person of either gender ("minister", "driver").
    Any,
}

impl Choice for Gender {
    const WHAT: &'static str = "gender";
    const SPELLINGS: &'static [(&'static str, Self)] =
        &[("male", Gender::Male), ("female", Gender::Female), ("any", Gender::Any)];
}

impl Gender {
    /// The gender a data file spells as "male", "female" or "any".
    pub fn parse(word: &str) -> Result<Gender, UnknownChoice> {
        parse_choice(word)
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
    shipped!("data/lexicon/person_nouns.tsv")
        .rows_with_optional::<3>(2)
        .map(|row| {
            let [word, gender, mark] = row.fields;
            (word, PersonNoun { gender: row.choice(gender), neuter_in_german: row.marked(mark, "neuter-de") })
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

impl Choice for ThingClass {
    const WHAT: &'static str = "thing class";
    const SPELLINGS: &'static [(&'static str, Self)] = &[
        ("institution", ThingClass::Institution),
        ("vehicle", ThingClass::Vehicle),
        ("vessel", ThingClass::Vessel),
        ("animal", ThingClass::Animal),
        ("object", ThingClass::Object),
        ("abstract", ThingClass::Abstract),
    ];
}

impl ThingClass {
    /// The class a data file spells as [`ThingClass::as_str`] gives it.
    pub fn parse(word: &str) -> Result<ThingClass, UnknownChoice> {
        parse_choice(word)
    }

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
    shipped!("data/lexicon/thing_nouns.tsv")
        .rows::<2>()
        .map(|row| {
            let [word, class] = row.fields;
            (word, row.choice(class))
        })
        .collect()
});

/// First names whose gender is unambiguous, as written (capitalised).
pub static FIRST_NAMES: LazyLock<HashMap<&'static str, Gender>> = LazyLock::new(|| {
    shipped!("data/lexicon/first_names.tsv")
        .rows::<2>()
        .map(|row| {
            let [name, gender] = row.fields;
            (name, row.choice(gender))
        })
        .collect()
});

/// A German word, and whether English text often uses it too (then capitalised it is a name).
pub static GERMAN_WORDS: LazyLock<HashMap<&'static str, bool>> = LazyLock::new(|| {
    shipped!("data/lexicon/german_words.txt")
        .rows_with_optional::<2>(1)
        .map(|row| {
            let [word, mark] = row.fields;
            (word, row.marked(mark, "en"))
        })
        .collect()
});

/// Modal verbs: before a subject they make a question, after one they take a bare infinitive.
pub const MODALS: [&str; 9] = ["can", "could", "will", "would", "shall", "should", "must", "may", "might"];

/// Prepositions that open a phrase and never a clause: a noun phrase follows them.
pub const PHRASE_PREPOSITIONS: [&str; 28] = [
    "about",
    "across",
    "against",
    "along",
    "among",
    "around",
    "at",
    "behind",
    "below",
    "beside",
    "between",
    "beyond",
    "by",
    "despite",
    "during",
    "for",
    "from",
    "in",
    "into",
    "near",
    "of",
    "on",
    "over",
    "through",
    "throughout",
    "under",
    "with",
    "within",
];

/// Words that are a preposition before a noun phrase and a conjunction before a clause.
pub const PREPOSITION_CONJUNCTIONS: [&str; 5] = ["after", "before", "since", "until", "as"];

/// Conjunctions that open a subordinate clause.
pub const SUBORDINATORS: [&str; 14] = [
    "because", "if", "when", "while", "although", "though", "whether", "unless", "as", "where", "after", "before",
    "since", "until",
];

/// Relative and interrogative words that open a clause of their own.
pub const WH_WORDS: [&str; 10] = ["that", "which", "who", "whom", "whose", "what", "why", "how", "where", "when"];

/// Conjunctions that join two clauses of equal rank.
pub const COORDINATORS: [&str; 5] = ["and", "but", "or", "so", "nor"];

/// Articles and possessives that always need a noun after them: "his" and "her" are left out,
/// since they also stand alone ("the choice was his").
pub const NEEDS_A_NOUN: [&str; 8] = ["the", "a", "an", "its", "their", "our", "my", "your"];

/// Whether `lower` is a preposition, whether or not it can also open a clause.
pub fn is_preposition(lower: &str) -> bool {
    PHRASE_PREPOSITIONS.contains(&lower) || PREPOSITION_CONJUNCTIONS.contains(&lower)
}

/// Whether `lower` may open a subordinate or relative clause.
pub fn opens_clause(lower: &str) -> bool {
    SUBORDINATORS.contains(&lower) || WH_WORDS.contains(&lower)
}

/// Whether `lower` opens a clause and cannot be a preposition before a noun phrase instead.
pub fn always_opens_clause(lower: &str) -> bool {
    opens_clause(lower) && !PREPOSITION_CONJUNCTIONS.contains(&lower)
}

/// Personal pronouns in the subject case: before a verb they give it a subject of its own.
pub const SUBJECT_PRONOUNS: [&str; 7] = ["i", "you", "he", "she", "it", "we", "they"];

/// Personal pronouns that can only be a subject: before a verb they give it a subject of its own,
/// after a verb the clause has put its verb before its subject. "it" and "you" are left out,
/// since they are objects too.
pub const SUBJECT_ONLY_PRONOUNS: [&str; 5] = ["i", "he", "she", "we", "they"];

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::{lemma, verb_forms};

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

    /// The table sizes and value counts of the shipped files, as read before the reader became
    /// strict: a strict reader must neither drop nor reinterpret a row.
    #[test]
    fn tables_read_every_row_of_the_shipped_files() {
        let count = |classes: &mut dyn Iterator<Item = ThingClass>, class| classes.filter(|c| *c == class).count();
        assert_eq!(THING_NOUNS.len(), 244);
        assert_eq!(count(&mut THING_NOUNS.values().copied(), ThingClass::Abstract), 51);
        assert_eq!(count(&mut THING_NOUNS.values().copied(), ThingClass::Vessel), 9);
        assert_eq!(PERSON_NOUNS.len(), 213);
        assert_eq!(PERSON_NOUNS.values().filter(|n| n.neuter_in_german).count(), 9);
        assert_eq!(PERSON_NOUNS.values().filter(|n| n.gender == Gender::Any).count(), 170);
        assert_eq!(FIRST_NAMES.values().filter(|g| **g == Gender::Female).count(), 2249);
        assert_eq!(FIRST_NAMES.values().filter(|g| **g == Gender::Male).count(), 1953);
        assert_eq!(GERMAN_WORDS.values().filter(|in_english| **in_english).count(), 91);
    }

    #[test]
    fn value_spellings_are_strict_and_agree_with_as_str() {
        for &(spelling, class) in ThingClass::SPELLINGS {
            assert_eq!(class.as_str(), spelling);
            assert_eq!(ThingClass::parse(spelling), Ok(class));
        }
        assert_eq!(
            ThingClass::parse("abstrct").unwrap_err().to_string(),
            "unknown thing class \"abstrct\"; expected one of institution, vehicle, vessel, animal, object, abstract"
        );
        assert_eq!(Gender::parse("any"), Ok(Gender::Any));
        assert!(Gender::parse("Male").is_err() && Gender::parse("").is_err());
    }
}
