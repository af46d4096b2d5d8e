//! # adjective-for-adverb
//!
//! ## What it does
//! Flags an adjective standing where English needs an adverb, after verbs that describe how
//! someone acts: "Customers reacted shocked", "The minister responded cautious to the
//! question", "The economy developed positive", "The team performed strong". English says
//! "reacted with shock", "responded cautiously", "developed positively".
//!
//! ## Why it signals MT
//! German uses one form for both ("schockiert reagieren", "positiv entwickeln"). Word-for-word
//! MT and German writers keep the bare adjective, which English takes for a mistake.
//!
//! ## Example
//! "Many customers reacted shocked on social media." flags "reacted shocked".
//!
//! After an adverb of degree, any verb in the past is read: "The men operated extremely
//! professional and chose their targets" flags "operated extremely professional".
//!
//! ## Known false positives
//! Without an adverb of degree, only a handful of verbs are looked at (react, respond, behave, develop, perform, proceed,
//! argue, answer, negotiate, cooperate; and "work" and "function", which are nouns as often, only
//! before "good"), with at most an adverb of degree between ("works surprisingly good", flagged
//! for "well"); linking verbs ("fell silent", "grew quiet", "turned
//! out positive") are never read. The adjective must have an English "-ly" adverb ("cautious",
//! "cautiously"), or be a participle of feeling after "react" or "respond" ("shocked",
//! "relieved"); adverbs without "-ly" ("hard", "fast", "late", "well") are English. After an
//! adverb of degree, verbs that take an adjective ("seemed very nervous", "deemed highly
//! unusual", "stood very still") and passive or perfect verbs ("was painted very colourful")
//! are left alone, and the adjective must have an adjective's ending ("-al", "-ive", "-ous"). An
//! adjective that opens a noun phrase ("developed positive relationships") is left alone: the
//! word after it must end the clause or be a preposition or conjunction.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "minor")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::{Doc, Token};
use crate::flag::{Category, Severity};
use crate::lexicon::{is_auxiliary, lemma, lex, KeyFilter, VERB_FORMS};
use std::sync::LazyLock;

pub struct AdjectiveForAdverb;

/// Verbs of acting and reacting, by lemma.
const MANNER_VERBS: [&str; 12] = [
    "react",
    "respond",
    "behave",
    "develop",
    "perform",
    "proceed",
    "argue",
    "answer",
    "negotiate",
    "cooperate",
    "work",
    "function",
];

/// Adverbs of degree that may stand between the verb and the adjective ("works surprisingly
/// good").
const DEGREE_ADVERBS: [&str; 9] =
    ["surprisingly", "very", "really", "extremely", "quite", "remarkably", "particularly", "relatively", "so"];

/// The keys of every form of [`MANNER_VERBS`] in the verb table, tested before any text.
static VERB_KEYS: LazyLock<KeyFilter> = LazyLock::new(|| {
    KeyFilter::of(VERB_FORMS.keys().copied().filter(|form| MANNER_VERBS.contains(&lemma(form).as_ref())))
});

/// Participles of feeling that German puts after "reagieren" ("schockiert reagieren"); English
/// reacts "with shock" or "in surprise".
const FEELINGS: [&str; 16] = [
    "shocked",
    "surprised",
    "relieved",
    "disappointed",
    "annoyed",
    "outraged",
    "alarmed",
    "horrified",
    "angered",
    "irritated",
    "stunned",
    "dismayed",
    "upset",
    "delighted",
    "frightened",
    "concerned",
];

/// Endings that make a word an adjective even where the word list, which holds the adjectives
/// with comparative forms, lacks it: "responsible", "aggressive", "nervous".
const ADJECTIVE_ENDINGS: [&str; 11] = ["ible", "able", "ive", "ous", "al", "ful", "ent", "ant", "ic", "less", "ary"];

/// Adjectives that are English adverbs as they are ("performed well", "responded late").
const FLAT_ADVERBS: [&str; 26] = [
    "hard", "fast", "late", "early", "high", "low", "deep", "close", "direct", "wide", "straight", "right", "wrong",
    "loud", "free", "fine", "well", "long", "short", "near", "first", "last", "alone", "likewise", "live", "great",
];

/// Words after the adjective that show it ends the verb's phrase rather than opening a noun
/// phrase: prepositions and conjunctions.
const PHRASE_ENDERS: [&str; 18] = [
    "to", "on", "in", "at", "with", "after", "when", "for", "about", "by", "during", "and", "but", "than", "as",
    "because", "so", "again",
];

impl Detector for AdjectiveForAdverb {
    const DECLARATION: Declaration =
        Declaration { id: "adjective-for-adverb", category: Category::Grammar, severity: Severity::Minor, version: 3 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        AdjectiveForAdverb
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        self.flag_any_verb_with_degree(doc, flags);
        for (at, verb) in doc.tokens.iter().enumerate() {
            // The word's key first: one bit test rules out nearly every word.
            if !VERB_KEYS.may_contain(verb.key) {
                continue;
            }
            let lemma = verb.lex.lemma(doc.lower(verb));
            let Some(&lemma) = MANNER_VERBS.iter().find(|&&m| m == lemma) else { continue };
            // The adjective comes next, or after an adverb of degree ("works surprisingly good").
            let Some(mut adjective) = doc.tokens.get(at + 1) else { continue };
            let mut adjective_at = at + 1;
            if DEGREE_ADVERBS.contains(&doc.lower(adjective)) && doc.gap(verb, adjective) == " " {
                let Some(after) = doc.tokens.get(at + 2).filter(|a| doc.gap(adjective, a) == " ") else { continue };
                adjective = after;
                adjective_at = at + 2;
            }
            let word = doc.lower(adjective);
            // "works good": "good" has the irregular adverb "well".
            if word == "good" && ["work", "function", "perform", "develop", "cooperate"].contains(&lemma) {
                if ends_the_phrase(doc, adjective, doc.tokens.get(adjective_at + 1)) {
                    let written = &doc.text[verb.span.start..adjective.span.end];
                    flags
                        .flag(
                            verb.span.start..adjective.span.end,
                            0.7,
                            format!(
                                "\"{written}\" puts an adjective where English needs an adverb (\"well\"); German \
                                 uses one form (\"gut\") for both."
                            ),
                        )
                        .suggest(written.replacen("good", "well", 1));
                }
                continue;
            }
            // "work" and "function" are nouns as often as verbs ("for work similar to", "the works
            // suitable for"): only "good" after them is read.
            if ["work", "function"].contains(&lemma) {
                continue;
            }
            let feeling = FEELINGS.contains(&word);
            let adjective_like = adjective.lex.adjective()
                || ADJECTIVE_ENDINGS.iter().any(|e| word.len() > e.len() + 2 && word.ends_with(e));
            if !(adjective_like || feeling) || FLAT_ADVERBS.contains(&word) {
                continue;
            }
            if adjective_at == at + 1 && doc.gap(verb, adjective) != " " || adjective.capitalized {
                continue;
            }
            let feeling_after_reacting = feeling && ["react", "respond"].contains(&lemma);
            let adverb = adverb_of(word);
            if !(feeling_after_reacting || adverb.as_deref().is_some_and(|a| lex(a).english_word())) {
                continue;
            }
            if !ends_the_phrase(doc, adjective, doc.tokens.get(adjective_at + 1)) {
                continue;
            }
            let written = &doc.text[verb.span.start..adjective.span.end];
            let verb_word = doc.word(verb);
            let (advice, suggestion) = match adverb.filter(|a| lex(a).english_word()) {
                Some(adverb) => (format!("\"{verb_word} {adverb}\""), Some(format!("{verb_word} {adverb}"))),
                None => (format!("\"{verb_word} with …\" or \"{verb_word} in …\""), None),
            };
            let flag = flags.flag(
                verb.span.start..adjective.span.end,
                0.7,
                format!(
                    "\"{written}\" puts an adjective where English needs an adverb ({advice}); German uses one \
                     form for both."
                ),
            );
            if let Some(suggestion) = suggestion {
                flag.suggest(suggestion);
            }
        }
    }
}

impl AdjectiveForAdverb {
    /// Any verb in the past, then an adverb of degree and an adjective that closes the phrase:
    /// "the men operated extremely professional and", "the team played very defensive". The
    /// adverb of degree shows that a manner is meant, so the verb need not be on
    /// [`MANNER_VERBS`]; verbs that take an adjective as a complement are left alone.
    fn flag_any_verb_with_degree(&self, doc: &Doc, flags: &mut Flags) {
        let tokens = &doc.tokens;
        for at in 1..tokens.len().saturating_sub(1) {
            let degree = &tokens[at];
            if !DEGREE_KEYS.may_contain(degree.key) || !DEGREE_ADVERBS.contains(&doc.lower(degree)) {
                continue;
            }
            let (verb, adjective) = (&tokens[at - 1], &tokens[at + 1]);
            if verb.capitalized
                || adjective.capitalized
                || doc.gap(verb, degree) != " "
                || doc.gap(degree, adjective) != " "
                || !verb.lex.verb().is_some_and(|forms| forms.past && forms.participle)
            {
                continue;
            }
            let verb_lower = doc.lower(verb);
            let verb_lemma = verb.lex.lemma(verb_lower);
            // Manner verbs are read by the main pass, except "work" and "function", which it reads
            // only before "good"; linking verbs take the adjective.
            let main_pass =
                MANNER_VERBS.contains(&verb_lemma.as_ref()) && !["work", "function"].contains(&verb_lemma.as_ref());
            if main_pass || TAKES_AN_ADJECTIVE.contains(&verb_lemma.as_ref()) {
                continue;
            }
            // "was treated very kind" is rare, but "were painted very colourful" and "is rated
            // extremely high" describe a result: a passive or perfect verb is left alone.
            if at >= 2 && is_auxiliary(doc.lower(&tokens[at - 2])) {
                continue;
            }
            let word = doc.lower(adjective);
            if FLAT_ADVERBS.contains(&word) || FEELINGS.contains(&word) {
                continue;
            }
            let adjective_like = ADJECTIVE_ENDINGS.iter().any(|e| word.len() > e.len() + 2 && word.ends_with(e));
            let Some(adverb) = adverb_of(word).filter(|a| adjective_like && lex(a).english_word()) else { continue };
            if !ends_the_phrase(doc, adjective, tokens.get(at + 2)) {
                continue;
            }
            let written = &doc.text[verb.span.start..adjective.span.end];
            let verb_word = doc.word(verb);
            let degree_word = doc.word(degree);
            flags
                .flag(
                    verb.span.start..adjective.span.end,
                    0.65,
                    format!(
                        "\"{written}\" puts an adjective where English needs an adverb (\"{verb_word} {degree_word} \
                         {adverb}\"); German uses one form for both."
                    ),
                )
                .suggest(format!("{verb_word} {degree_word} {adverb}"));
        }
    }
}

/// Verbs, by lemma, that take an adjective as their complement or an object's ("seemed very
/// nervous", "deemed highly unusual", "made extremely difficult"), and verbs of position and
/// state that English uses the same way ("stood very still", "lay completely idle").
const TAKES_AN_ADJECTIVE: [&str; 40] = [
    "be", "become", "seem", "appear", "look", "sound", "feel", "remain", "stay", "get", "grow", "turn", "prove",
    "keep", "taste", "smell", "go", "come", "fall", "run", "make", "find", "consider", "deem", "rate", "call",
    "render", "judge", "declare", "label", "describe", "classify", "rule", "hold", "leave", "think", "believe",
    "stand", "lie", "sit",
];

/// The keys of [`DEGREE_ADVERBS`], tested before any text.
static DEGREE_KEYS: LazyLock<KeyFilter> = LazyLock::new(|| KeyFilter::of(DEGREE_ADVERBS));

/// The "-ly" adverb English forms from an adjective: "calm" → "calmly", "angry" → "angrily",
/// "responsible" → "responsibly", "basic" → "basically".
fn adverb_of(adjective: &str) -> Option<String> {
    if adjective.ends_with("ly") {
        return None; // "friendly", "costly": no adverb of their own.
    }
    Some(if let Some(stem) = adjective.strip_suffix('y') {
        format!("{stem}ily")
    } else if let Some(stem) = adjective.strip_suffix("le").filter(|s| !s.is_empty()) {
        format!("{stem}ly")
    } else if adjective.ends_with("ic") {
        format!("{adjective}ally")
    } else {
        format!("{adjective}ly")
    })
}

/// Whether the adjective closes the verb's phrase: the clause ends after it, or a preposition
/// or conjunction follows. "developed positive relationships" opens a noun phrase instead.
fn ends_the_phrase(doc: &Doc, adjective: &Token, next: Option<&Token>) -> bool {
    let Some(next) = next else { return true };
    let gap = doc.gap(adjective, next);
    gap != " " || PHRASE_ENDERS.contains(&doc.lower(next))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts, flags_of};
    use super::*;

    #[test]
    fn flags_adjectives_after_verbs_of_acting() {
        assert_eq!(
            excerpts::<AdjectiveForAdverb>("Many customers reacted shocked on social media."),
            ["reacted shocked"]
        );
        let flags = flags_of::<AdjectiveForAdverb>("The minister responded cautious to the question.");
        assert_eq!(flags.len(), 1);
        assert_eq!(flags[0].1.suggestion.as_deref(), Some("responded cautiously"));
        assert_eq!(excerpts::<AdjectiveForAdverb>("The economy developed positive."), ["developed positive"]);
        assert_eq!(
            excerpts::<AdjectiveForAdverb>("The players behaved responsible, and the fans too."),
            ["behaved responsible"]
        );
        assert_eq!(adverb_of("angry").as_deref(), Some("angrily"));
        assert_eq!(adverb_of("basic").as_deref(), Some("basically"));
    }

    #[test]
    fn flags_good_for_well_and_adjectives_after_an_adverb_of_degree() {
        assert_eq!(
            excerpts::<AdjectiveForAdverb>("The idea sounds odd, but it works surprisingly good."),
            ["works surprisingly good"]
        );
        assert_eq!(excerpts::<AdjectiveForAdverb>("The new system works good in winter."), ["works good"]);
        assert_eq!(
            excerpts::<AdjectiveForAdverb>("The minister responded very cautious to the question."),
            ["responded very cautious"]
        );
        assert_no_flags::<AdjectiveForAdverb>("It works very well. The plan worked great. They work good jobs.");
        assert_no_flags::<AdjectiveForAdverb>(
            "It was retrofitted for work similar to a hospital, with works suitable for it.",
        );
    }

    #[test]
    fn adverbs_noun_phrases_and_linking_verbs_are_english() {
        assert_no_flags::<AdjectiveForAdverb>("Customers reacted angrily. The team performed well and worked hard.");
        assert_no_flags::<AdjectiveForAdverb>("The two firms developed positive relationships over the years.");
        assert_no_flags::<AdjectiveForAdverb>(
            "The hall fell silent. The crowd grew quiet. The test turned out positive.",
        );
        assert_no_flags::<AdjectiveForAdverb>("The court responded late. She answered first, then he argued last.");
        assert_no_flags::<AdjectiveForAdverb>("The band performed live on Saturday.");
        assert_no_flags::<AdjectiveForAdverb>("The relieved fans reacted, shocked at first, then calm.");
    }

    #[test]
    fn flags_any_past_verb_with_a_degree_adverb_and_an_adjective() {
        assert_eq!(
            excerpts::<AdjectiveForAdverb>("The thieves operated extremely professional and left no traces."),
            ["operated extremely professional"]
        );
        assert_eq!(
            excerpts::<AdjectiveForAdverb>("Crews worked extremely efficient, day and night."),
            ["worked extremely efficient"]
        );
        let flags = flags_of::<AdjectiveForAdverb>("Both sides played very defensive in the first half.");
        assert_eq!(flags.len(), 1);
        assert_eq!(flags[0].1.suggestion.as_deref(), Some("played very defensively"));
    }

    #[test]
    fn complements_passives_and_noun_phrases_after_a_degree_adverb_are_english() {
        assert_no_flags::<AdjectiveForAdverb>("The plan seemed very ambitious. She found it extremely stressful.");
        assert_no_flags::<AdjectiveForAdverb>("The walls were painted very colourful. He was rated highly critical.");
        assert_no_flags::<AdjectiveForAdverb>("They built very expensive houses. The crowd stood very still.");
        assert_no_flags::<AdjectiveForAdverb>("The trial was deemed extremely unusual and the judge ruled so.");
        assert_no_flags::<AdjectiveForAdverb>("It started very late, and the talks lasted very long.");
    }
}
