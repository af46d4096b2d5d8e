//! # source-negation
//!
//! ## What it does
//! Flags a translated sentence whose negation does not match its source: the source negates
//! ("nicht", "kein", "nie", "niemand", "nichts", "weder") and the translation has no negation
//! at all, or the translation negates ("not", "no", "never", "nobody", "nothing", "neither")
//! where the source has no negation at all. Runs only when the input has a source column.
//!
//! Words that carry a negation without a negative particle count as negation on either side, so
//! that a faithful rewording is not flagged: "nicht beglichen" as "failed to pay", "nicht
//! bekannt" as "unknown", "ohne" as "without", "ungewöhnlich" as "unusual", "nicht
//! betriebsfähig" as "non-operational", "wenn nicht" as "unless", "egal" as "does not
//! matter", "erst" as "not until", "verzichten" as "do without". Additive and disjunctive
//! uses negate nothing on either side: "nicht nur" and "not only", "oder nicht" and "or not",
//! "no sooner". A sentence the source already gives in English is left to source-copy.
//!
//! ## Why it signals MT
//! A lost or added "not" reverses the meaning of a sentence while leaving it perfectly fluent,
//! so no monolingual check can see it. MT drops negations in long sentences with the German
//! "nicht" at the far end of the clause.
//!
//! ## Example
//! Source "Die BA habe schnell reagieren müssen", translation "the BA did not have to react
//! quickly": "not" is flagged.
//!
//! ## Known false positives
//! Negation expressed by other means ("refused to", "the lack of", a negative verb) on one
//! side only. Sentences with several negations are compared only for none against some. A
//! question's negation may come out as "any" ("brauche ich sonst nichts?", "do I need anything
//! else?"), which is not flagged; "kaum", "selten", "hardly" and "rarely" count as implicit
//! negations.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "major")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::{Doc, Token};
use crate::flag::{Category, Severity};
use crate::lexicon::ENGLISH_WORDS;
use crate::lexicon::{shipped, WordList};
use std::sync::LazyLock;

pub struct SourceNegation;

const GERMAN_NEGATIONS: [&str; 20] = [
    "nicht",
    "nix", // Colloquial "nichts", common in forums and reviews.
    "nischt",
    "kein",
    "keine",
    "keinen",
    "keinem",
    "keiner",
    "keines",
    "nie",
    "niemals",
    "nimmer",
    "niemand",
    "niemandem",
    "niemanden",
    "nichts",
    "weder",
    "nirgends",
    "nirgendwo",
    "keineswegs",
];

/// German words that negate without a negative particle.
static GERMAN_IMPLICIT: LazyLock<WordList> =
    LazyLock::new(|| WordList::from_file(shipped!("data/lexicon/german_implicit_negations.txt")));

const ENGLISH_NEGATIONS: [&str; 10] =
    ["not", "never", "nobody", "nothing", "neither", "none", "nowhere", "cannot", "nor", "no-one"];

/// English words that stand where German puts a negation in a question: "anything else?".
const NEGATIVE_POLARITY: [&str; 6] = ["any", "anything", "anyone", "anybody", "anywhere", "ever"];

/// English words that negate without a negative particle; they may render a German "nicht".
static ENGLISH_IMPLICIT_PREFIXES: LazyLock<WordList> =
    LazyLock::new(|| WordList::from_file(shipped!("data/lexicon/english_implicit_negations.txt")));

/// A German token that negates outright.
fn german_negation(lower: &str) -> bool {
    GERMAN_NEGATIONS.contains(&lower)
}

/// A German word with a negative prefix ("unbekannt", "nichtöffentlich") or a negating
/// preposition: these can be translated with or without an English negation.
fn german_implicit(lower: &str) -> bool {
    GERMAN_IMPLICIT.contains(lower)
        || lower.starts_with("nicht") && lower.len() > 6
        || lower.starts_with("un") && lower.chars().count() >= 6
        || lower.starts_with("kein") && lower.len() > 7
}

/// An English token that negates outright: "not", "n't", "no" before a word, "never".
fn english_negation(text: &str, tokens: &[Token], index: usize, lower: &str) -> bool {
    let word_at = |i: usize| tokens.get(i).map(|t| crate::lexicon::lower_case(&text[t.span.clone()]));
    // Additive and disjunctive uses negate nothing: "not only ... but also", "not just",
    // "whether or not", "believe it or not", "no sooner said than done".
    let additive_or_disjunctive = match lower {
        "not" => {
            word_at(index + 1).is_some_and(|next| next == "only" || next == "just")
                || index.checked_sub(1).and_then(word_at).is_some_and(|before| before == "or")
        }
        "no" => word_at(index + 1).is_some_and(|next| next == "sooner"),
        _ => false,
    };
    if additive_or_disjunctive {
        return false;
    }
    if ENGLISH_NEGATIONS.contains(&lower) || lower.ends_with("n't") || lower.ends_with("n’t") {
        return true;
    }
    // "no" as a determiner ("no money", "no one"), not "No. 5" or an answer ("No, he said").
    lower == "no"
        && tokens.get(index + 1).is_some_and(|next| {
            let between = &text[tokens[index].span.end..next.span.start];
            between == " " && next.has_letter
        })
}

/// An English word that negates without "not": "failed", "without", "unknown", "impossible".
fn english_implicit(lower: &str) -> bool {
    if ENGLISH_IMPLICIT_PREFIXES.iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    // "in-", "im-" and "ir-" words are listed: as prefixes they also match "income", "improve".
    const LISTED: [&str; 12] = [
        "impossible",
        "incorrect",
        "invalid",
        "inadequate",
        "insufficient",
        "illegal",
        "irrelevant",
        "inaccurate",
        "incapable",
        "inconceivable",
        "unable",
        "neglect",
    ];
    if LISTED.contains(&lower) {
        return true;
    }
    ["un", "dis", "non"].iter().any(|prefix| {
        lower.strip_prefix(prefix).is_some_and(|base| {
            base.len() >= 4 && ENGLISH_WORDS.contains(base.trim_start_matches('-')) && ENGLISH_WORDS.contains(lower)
        })
    })
}

/// Counts of outright and implicit negations on one side.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
struct Negations {
    outright: usize,
    implicit: usize,
}

fn german_negations(text: &str, tokens: &[Token]) -> Negations {
    let mut counts = Negations::default();
    for (index, token) in tokens.iter().enumerate() {
        let lower = crate::lexicon::lower_case(&text[token.span.clone()]);
        // "nicht nur ... sondern auch" adds and "ob ... oder nicht" asks: neither negates.
        let word_at = |i: usize| tokens.get(i).map(|t| &text[t.span.clone()]);
        let adds_or_asks = lower == "nicht"
            && (word_at(index + 1).is_some_and(|next| next.eq_ignore_ascii_case("nur"))
                || index.checked_sub(1).and_then(word_at).is_some_and(|before| before.eq_ignore_ascii_case("oder")));
        if adds_or_asks {
            continue;
        }
        if german_negation(&lower) {
            counts.outright += 1;
        } else if german_implicit(&lower) {
            counts.implicit += 1;
        }
    }
    counts
}

/// The English negations and the index of the first outright one.
fn english_negations(text: &str, tokens: &[Token]) -> (Negations, Option<usize>) {
    let mut counts = Negations::default();
    let mut first = None;
    for (index, token) in tokens.iter().enumerate() {
        let lower = crate::lexicon::lower_case(&text[token.span.clone()]);
        if english_negation(text, tokens, index, &lower) {
            counts.outright += 1;
            first.get_or_insert(index);
        } else if english_implicit(&lower) || lower == "non" && text[token.span.end..].starts_with('-') {
            // "non-operational" renders "nicht betriebsfähig".
            counts.implicit += 1;
        }
    }
    (counts, first)
}

impl Detector for SourceNegation {
    const DECLARATION: Declaration = Declaration {
        id: "source-negation",
        category: Category::Mistranslation,
        severity: Severity::Major,
        version: 2,
    };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        SourceNegation
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        let Some(source) = &doc.source else { return };
        for (index, link, target_span) in doc.aligned_links() {
            let source_tokens = source.tokens_of(link);
            let target_tokens = doc.tokens_of_links(index..index + 1);
            let german = german_negations(source.text, source_tokens);
            let (english, first_english) = english_negations(doc.text, target_tokens);
            let source_excerpt = source.text[source.span_of(link)].trim();
            // A sentence the source already gives in English is source-copy's concern: German
            // negations cannot be counted in it.
            if source_excerpt == doc.text[target_span.clone()].trim() {
                continue;
            }
            // A question asks with "any" what German asks with a negation ("brauche ich sonst
            // nichts?", "do I need anything else?").
            let asks_with_any = || {
                source_excerpt.ends_with('?') && target_tokens.iter().any(|t| NEGATIVE_POLARITY.contains(&doc.lower(t)))
            };
            if german.outright > 0 && english.outright + english.implicit == 0 && !asks_with_any() {
                let word = source_tokens
                    .iter()
                    .map(|t| &source.text[t.span.clone()])
                    .find(|w| german_negation(&w.to_lowercase()))
                    .unwrap_or("nicht");
                flags.flag(target_span.clone(), 0.75, format!(
                        "The source negates (‘{word}’ in “{source_excerpt}”) but this translation has no negation: the meaning may be reversed."
                    )).in_category(Category::Mistranslation);
            } else if english.outright > 0 && german.outright + german.implicit == 0 {
                let token = &target_tokens[first_english.expect("an outright negation was counted")];
                flags.flag(token.span.clone(), 0.75, format!(
                        "‘{}’ negates, but the source sentence has no negation (“{source_excerpt}”): the meaning may be reversed.",
                        doc.word(token)
                    )).in_category(Category::Mistranslation);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flagged(source: &str, target: &str) -> Vec<String> {
        super::super::test_support::excerpts_with_source::<SourceNegation>(source, target)
    }

    #[test]
    fn flags_an_added_negation_on_the_word() {
        assert_eq!(
            flagged("Der Junge ist eines von rund 400 Frühchen.", "The boy is not one of about 400 premature babies."),
            ["not"]
        );
        assert_eq!(flagged("Er hat das Spiel gewonnen.", "He didn't win the game."), ["didn't"]);
    }

    #[test]
    fn colloquial_negations_rare_adverbs_and_questions_with_any_are_matched() {
        assert!(flagged("Ich habe noch nix gemacht.", "I haven't done anything yet.").is_empty());
        assert!(flagged("Es ist eigentlich nie so.", "It is very rarely the case.").is_empty());
        assert!(flagged("Brauche ich sonst nichts anderes?", "Do I need anything else?").is_empty());
        // The same "any" in a statement does not stand for a negation.
        let statement = "He needed anything else.";
        assert_eq!(flagged("Er brauchte sonst nichts.", statement), [statement]);
    }

    #[test]
    fn additive_not_only_is_no_negation_on_either_side() {
        // "nicht nur" and "not only" add; a real negation beside them is still compared.
        assert!(flagged("Das ist nicht nur teuer.", "That is not only expensive.").is_empty());
        assert_eq!(flagged("Das ist nicht nur teuer.", "That is only expensive."), Vec::<String>::new());
        let target = "That is not only expensive but the plan is not approved.";
        assert_eq!(flagged("Das ist nicht nur teuer, und der Plan ist genehmigt.", target), ["not"]);
    }

    #[test]
    fn flags_a_lost_negation_on_the_sentence() {
        let target = "The council approved the plan on Monday.";
        assert_eq!(flagged("Der Rat hat den Plan am Montag nicht gebilligt.", target), [target]);
        assert_eq!(flagged("Niemand hat den Plan am Montag gebilligt.", target), [target]);
    }

    #[test]
    fn faithful_renderings_are_not_flagged() {
        for (source, target) in [
            ("Argentinien hatte die Zinsen nicht beglichen.", "Argentina had failed to pay the interest."),
            ("Die Ursache ist noch nicht bekannt.", "The cause is still unknown."),
            ("Er kam ohne seine Frau.", "He came without his wife."),
            ("Das ist nicht nur teuer, sondern auch gefährlich.", "This is not only expensive but also dangerous."),
            ("Niemand wurde verletzt.", "No one was injured."),
            ("Es gab keine Verletzten.", "There were no injuries."),
            ("Das Spiel endete unentschieden.", "The game ended in a draw."),
            ("Die Wahl findet am Sonntag statt.", "The election will take place on Sunday."),
            ("Er wohnt in der Nr. 5.", "He lives at No. 5."),
            ("Sie dient als nicht betriebsfähige Lokomotive.", "It serves as a non-operational locomotive."),
            ("Versendet wird immer, wenn nicht anders gewünscht.", "We always ship unless asked otherwise."),
            ("Der Stress war in dem Moment egal.", "The stress did not matter at that moment."),
            ("Der Zug kommt erst um zehn Uhr an.", "The train does not arrive until ten o'clock."),
            ("Das ist neben der Pflicht auch Standard.", "That is not only a duty but also standard practice."),
            ("Gesagt, getan: ich fuhr los.", "No sooner said than done: I drove off."),
            ("Es hat 31 Versuche gebraucht, ob man es glaubt oder nicht.", "It took 31 attempts, believe it or not."),
            ("A film shot with little to no funding.", "A film shot with little to no funding."),
        ] {
            assert!(flagged(source, target).is_empty(), "{source} / {target}");
        }
    }
}
