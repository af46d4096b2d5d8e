//! Mentions of people and things: the candidate antecedents that pronoun detectors look back at.
//!
//! A mention is found from lexical evidence only:
//! - a person noun ("the minister", "a child") from `data/lexicon/person_nouns.tsv`;
//! - a first name with a known gender ("Heike"), from `data/lexicon/first_names.tsv`, and later
//!   bare uses of the surname that followed it ("Heike Brandt ... Brandt");
//! - any other capitalised word inside a sentence that is not an English common word: most likely
//!   a name, of a person or not, with unknown gender ("Weselsky", "Kassel");
//! - a thing noun with a semantic class ("the government", "a tractor") from
//!   `data/lexicon/thing_nouns.tsv`;
//! - any other word right after a determiner ("the barn"): a noun of unknown kind, and any
//!   word with a suffix that names people ("believer", "florist") wherever it stands;
//! - the pronouns he, him, his, she and her, which continue a chain to a person.

use super::quotes::QuoteAnalysis;
use super::segment::Sentence;
use super::tokens::Token;
use super::Span;
use crate::lexicon::KeyFilter;
use crate::lexicon::{
    lower_case, Gender, ThingClass, DETERMINERS, ENGLISH_WORDS, FIRST_NAMES, PERSON_NOUNS, STREET_ENDINGS, THING_NOUNS,
};
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    /// A person; `gender` is None when unknown.
    Person {
        gender: Option<Gender>,
        neuter_in_german: bool,
        named: bool,
    },
    Thing(ThingClass),
    /// he, him, his, she, her: a person already being talked about.
    Pronoun {
        gender: Gender,
    },
    /// A capitalised name that may or may not be a person ("Weselsky").
    Name,
    /// A capitalised name that cannot be a person: after a place preposition ("near Kassel"),
    /// before a common noun it modifies ("the Ahr valley"), or with digits ("A7").
    NonPersonName,
    /// A noun after a determiner that no list classifies; `person_like` when it is singular
    /// and has a suffix that names people (-or, -ist, -ian, -ant, -ent but not -ment, -man,
    /// -eur, -ess, and -er after a verb: "teacher", not "water").
    UnknownNoun {
        person_like: bool,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub span: Span,
    /// Index of the head token in the document's tokens.
    pub token: usize,
    pub sentence: usize,
    pub kind: MentionKind,
    pub in_quote: bool,
}

impl Mention {
    /// Could this mention be a person?
    pub fn may_be_person(&self) -> bool {
        matches!(
            self.kind,
            MentionKind::Person { .. }
                | MentionKind::Pronoun { .. }
                | MentionKind::Name
                | MentionKind::UnknownNoun { person_like: true }
        )
    }
}

/// Prepositions after which a capitalised name is a place: "near Kassel", "in Bad Tölz".
const PLACE_PREPOSITIONS: [&str; 9] = ["in", "near", "at", "from", "to", "into", "across", "outside", "around"];

/// The word keys of [`DETERMINERS`] and of the pronouns [`pronoun_gender`] knows: a key test
/// rules out nearly every other word before any comparison.
static DETERMINER_KEYS: LazyLock<KeyFilter> = LazyLock::new(|| KeyFilter::of(DETERMINERS.iter()));
static PRONOUN_KEYS: LazyLock<KeyFilter> =
    LazyLock::new(|| KeyFilter::of(["he", "him", "his", "himself", "she", "her", "hers", "herself"]));

fn is_determiner(word: &str) -> bool {
    DETERMINERS.contains(word)
}

/// Finds the mentions of a document, in text order.
pub fn find(
    text: &str,
    lower_text: Option<&str>,
    sentences: &[Sentence],
    tokens: &[Token],
    quotes: &QuoteAnalysis,
) -> Vec<Mention> {
    let mut mentions = Vec::with_capacity(tokens.len() / 4);
    let mut surname_gender: FxHashMap<&str, Gender> = FxHashMap::default();
    for (sentence_index, sentence) in sentences.iter().enumerate() {
        let range = sentence.tokens.clone();
        for index in range.clone() {
            let token = &tokens[index];
            // The word, its lower case and the word before are read only by the branches that
            // need them: most tokens are decided by bit and key tests alone.
            let word = || &text[token.span.clone()];
            let lower = || match lower_text {
                Some(l) => Cow::Borrowed(&l[token.span.clone()]),
                None => Cow::Owned(word().to_lowercase()),
            };
            let sentence_initial = index == range.start;
            let previous = || (index > range.start).then(|| &text[tokens[index - 1].span.clone()]);
            let pronoun = PRONOUN_KEYS.may_contain(token.key).then(|| pronoun_gender(&lower())).flatten();
            let kind = if let Some(gender) = pronoun {
                Some(MentionKind::Pronoun { gender })
            } else if let Some(&gender) =
                (token.capitalized && token.lex.maybe_first_name() && !opens_institution_name(tokens, index, &range))
                    .then(|| FIRST_NAMES.get(word()))
                    .flatten()
            {
                if let Some(next) = tokens.get(index + 1).filter(|t| t.capitalized && index + 1 < range.end) {
                    surname_gender.insert(&text[next.span.clone()], gender);
                }
                Some(MentionKind::Person { gender: Some(gender), neuter_in_german: false, named: true })
            } else if let Some(&gender) =
                (token.capitalized && !surname_gender.is_empty()).then(|| surname_gender.get(word())).flatten()
            {
                Some(MentionKind::Person { gender: Some(gender), neuter_in_german: false, named: true })
            } else if names_an_age(text, tokens, index) {
                // "the 35-year-old": a person of unknown gender.
                Some(MentionKind::Person { gender: None, neuter_in_german: false, named: false })
            } else if let Some(noun) = token
                .lex
                .person_noun()
                .then(|| PERSON_NOUNS.get(lower().as_ref()))
                .flatten()
                .filter(|_| !is_title(text, tokens, index, &range))
            {
                let gender = (noun.gender != Gender::Any).then_some(noun.gender);
                Some(MentionKind::Person { gender, neuter_in_german: noun.neuter_in_german, named: false })
            } else if let Some(&class) = token.lex.thing_noun().then(|| THING_NOUNS.get(lower().as_ref())).flatten() {
                Some(MentionKind::Thing(class))
            } else if token.capitalized
                && token.has_letter
                && !sentence_initial
                && !token.lex.english_word()
                && !token.lex.month()
                && !token.lex.weekday()
            {
                // The prepositions are ASCII: compared without a lower-case copy of the word.
                let place = previous().is_some_and(|p| PLACE_PREPOSITIONS.iter().any(|w| w.eq_ignore_ascii_case(p)));
                let next = tokens.get(index + 1).filter(|_| index + 1 < range.end);
                let modifier = next.is_some_and(|n| !n.capitalized && n.lex.english_word() && n.lex.verb().is_none());
                let code = word().bytes().any(|b| b.is_ascii_digit());
                // "Weser Straße", "the Weather Service": a street or an institution, not a person.
                let street = |t: &Token| STREET_ENDINGS.contains(lower_case(&text[t.span.clone()]).as_ref());
                let thing = street(token)
                    || next.is_some_and(|n| n.capitalized && street(n))
                    || opens_institution_name(tokens, index, &range);
                Some(if place || modifier || code || thing { MentionKind::NonPersonName } else { MentionKind::Name })
            } else if token.has_letter
                && !token.lex.adjective()
                // Every determiner is a function word: a bit test spares most string comparisons.
                && tokens[index.saturating_sub(1)].lex.english_function()
                && DETERMINER_KEYS.may_contain(tokens[index.saturating_sub(1)].key)
                && previous().is_some_and(is_determiner)
            {
                Some(MentionKind::UnknownNoun { person_like: person_like(&lower()) })
            } else if !token.capitalized
                && token.lex.english_word()
                && token.lex.verb().is_none()
                && person_like(&lower())
            {
                // "this quiet believer": a possible person even without a determiner right before it.
                Some(MentionKind::UnknownNoun { person_like: true })
            } else {
                None
            };
            if let Some(kind) = kind {
                mentions.push(Mention {
                    span: token.span.clone(),
                    token: index,
                    sentence: sentence_index,
                    kind,
                    in_quote: quotes.region_at(token.span.start).is_some(),
                });
            }
        }
    }
    mentions
}

/// Whether the token at `index` ends an age used as a noun: "the 35-year-old", "two
/// 17-year-olds", "a five-year-old".
fn names_an_age(text: &str, tokens: &[Token], index: usize) -> bool {
    let word = &text[tokens[index].span.clone()];
    if !(word.eq_ignore_ascii_case("old") || word.eq_ignore_ascii_case("olds")) || index < 2 {
        return false;
    }
    let (year, age) = (&tokens[index - 1], &tokens[index - 2]);
    let hyphen = |a: &Token, b: &Token| &text[a.span.end..b.span.start] == "-";
    let year_word = &text[year.span.clone()];
    let is_year = year_word.eq_ignore_ascii_case("year") || year_word.eq_ignore_ascii_case("month");
    is_year && hyphen(year, &tokens[index]) && hyphen(age, year)
}

/// Whether the capitalised words from `index` on end in an institution or thing noun: "German
/// Weather Service" opens with a first name but names no person.
fn opens_institution_name(tokens: &[Token], index: usize, sentence: &std::ops::Range<usize>) -> bool {
    let run_end = (index + 1..sentence.end).find(|&i| !tokens[i].capitalized).unwrap_or(sentence.end);
    run_end > index + 1 && tokens[run_end - 1].lex.thing_noun()
}

/// A person noun used as a title before a name ("Mayor Heike Brandt", "coach Tuchel"): the name
/// that follows is the mention.
fn is_title(text: &str, tokens: &[Token], index: usize, sentence: &std::ops::Range<usize>) -> bool {
    let Some(next) = tokens.get(index + 1).filter(|_| index + 1 < sentence.end) else { return false };
    let name = &text[next.span.clone()];
    next.capitalized && (FIRST_NAMES.contains_key(name) || !ENGLISH_WORDS.contains(&name.to_lowercase()))
}

/// A singular noun with a suffix that usually names a person ("plumber", "florist").
fn person_like(lower: &str) -> bool {
    // Asked of most nouns: rule out short words and other last letters before the suffixes.
    if lower.len() < 5 || !matches!(lower.as_bytes()[lower.len() - 1], b'r' | b't' | b'n' | b's') {
        return false;
    }
    // "-ment" names an act or a thing ("agreement", "moment"), never a person.
    if lower.ends_with("ment") {
        return false;
    }
    if lower.ends_with("er") {
        return is_agent_noun(lower);
    }
    const SUFFIXES: [&str; 8] = ["or", "ist", "ian", "ant", "ent", "man", "eur", "ess"];
    SUFFIXES.iter().any(|suffix| lower.ends_with(suffix) && lower.len() > suffix.len() + 2)
}

/// Whether a noun in "-er" names the one who does a verb: "teacher" (teach), "driver" (drive),
/// "runner" (run). Most other "-er" nouns are things ("water", "winter", "border").
fn is_agent_noun(lower: &str) -> bool {
    let stem = &lower[..lower.len() - 2];
    let bytes = stem.as_bytes();
    let undoubled =
        (bytes.len() >= 3 && bytes[bytes.len() - 1] == bytes[bytes.len() - 2]).then(|| &stem[..stem.len() - 1]);
    let is_verb = |word: &str| crate::lexicon::verb_forms(word).is_some_and(|forms| forms.base);
    // Comparatives are no nouns at all: "better" is not one who bets.
    stem.len() >= 3
        && !crate::lexicon::ADJECTIVES.contains(lower)
        && (is_verb(stem) || is_verb(&lower[..lower.len() - 1]) || undoubled.is_some_and(is_verb))
}

fn pronoun_gender(lower: &str) -> Option<Gender> {
    // Asked of every word: most start with neither letter.
    if !matches!(lower.as_bytes().first(), Some(b'h' | b's')) {
        return None;
    }
    match lower {
        "he" | "him" | "his" | "himself" => Some(Gender::Male),
        "she" | "her" | "hers" | "herself" => Some(Gender::Female),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::Doc;
    use super::*;

    fn kinds(text: &str) -> Vec<(String, MentionKind)> {
        let doc = Doc::new(text);
        doc.mentions.iter().map(|m| (text[m.span.clone()].to_string(), m.kind)).collect()
    }

    #[test]
    fn classifies_people_things_and_names() {
        let found = kinds("The government met Heike Brandt in Kassel. Brandt told the driver about the barn.");
        let get = |w: &str| found.iter().find(|(word, _)| word == w).map(|(_, k)| *k);
        assert_eq!(get("government"), Some(MentionKind::Thing(ThingClass::Institution)));
        assert!(matches!(get("Heike"), Some(MentionKind::Person { gender: Some(Gender::Female), .. })));
        assert!(matches!(get("Brandt"), Some(MentionKind::Person { gender: Some(Gender::Female), named: true, .. })));
        assert_eq!(get("Kassel"), Some(MentionKind::NonPersonName));
        assert!(matches!(get("driver"), Some(MentionKind::Person { gender: None, .. })));
        assert_eq!(get("barn"), Some(MentionKind::UnknownNoun { person_like: false }));
        let found =
            kinds("Police stopped the tractor on the A7. Police said Weselsky denied it. The Ahr valley flooded.");
        let get = |w: &str| found.iter().find(|(word, _)| word == w).map(|(_, k)| *k);
        assert_eq!(get("A7"), Some(MentionKind::NonPersonName));
        assert_eq!(get("Weselsky"), Some(MentionKind::Name));
        assert_eq!(get("Ahr"), Some(MentionKind::NonPersonName));
    }

    #[test]
    fn only_agent_nouns_and_person_suffixes_make_an_unknown_noun_person_like() {
        for person in ["the bidder", "the skater", "the shopper", "the strategist", "the custodian", "the entrant"] {
            assert!(
                kinds(person).iter().any(|(_, kind)| *kind == MentionKind::UnknownNoun { person_like: true }),
                "{person}"
            );
        }
        for thing in ["the water", "the winter", "the border", "the settlement", "the shelter", "no better"] {
            let found = kinds(thing);
            assert!(
                !found.iter().any(|(_, kind)| matches!(kind, MentionKind::UnknownNoun { person_like: true })),
                "{thing}: {found:?}"
            );
        }
    }
}
