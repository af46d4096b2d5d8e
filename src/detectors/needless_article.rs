//! # needless-article
//!
//! ## What it does
//! Flags "the" where German has its article and English has none:
//! - before an abstract noun meant in general, as the subject of a clause: "The inflation in
//!   Germany has weakened" (die Inflation), "Economists expect that the unemployment will
//!   rise" (die Arbeitslosigkeit);
//! - before a company that English names without an article: "the chief economist of the
//!   Commerzbank" (der Commerzbank), "the Lufthansa cancelled 800 flights";
//! - before a country that English names without an article: "moved to the Switzerland" (in
//!   die Schweiz), "the Turkey and the Slovakia" (die Türkei, die Slowakei).
//!
//! The flag covers "the" and the noun; the suggestion drops "the".
//!
//! ## Why it signals MT
//! German puts the definite article before abstract nouns used in general ("die Inflation",
//! "die Globalisierung") and before many company names ("die Commerzbank", "die Lufthansa").
//! English leaves it out, so a word-for-word translation keeps an article no English writer
//! would use.
//!
//! ## Example
//! "The inflation in Germany has weakened in August." flags "The inflation" (suggesting
//! "Inflation").
//!
//! ## Known false positives
//! The nouns come from `data/lexicon/bare_nouns.tsv`, which leaves out abstract nouns that
//! English also uses with "the" for a particular case ("the economy", "the society"). An
//! abstract noun is only flagged where it opens a clause and a verb or "in" with a place follows
//! it directly; "the inflation of the 1970s", "the inflation that followed" and "the inflation
//! rate" are left alone. A company is not flagged when another word of the name or a noun
//! follows it ("the Volkswagen Group", "the Siemens plant"). A company's branch or shop ("the
//! Aldi on the corner") can still be flagged.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "minor")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::{Doc, Token};
use crate::flag::{Category, Severity};
use crate::lexicon::{capitalised, is_auxiliary, shipped, Choice, WordMap, COORDINATORS};
use std::sync::LazyLock;

pub struct NeedlessArticle;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// An abstract noun: wrong with "the" when meant in general.
    General,
    /// A company: wrong with "the" unless the name modifies a noun.
    Company,
    /// A country English names without an article ("Switzerland", "Turkey"): wrong with "the"
    /// unless the name modifies a noun ("the Iran deal").
    Country,
}

impl Choice for Kind {
    const WHAT: &'static str = "kind";
    const SPELLINGS: &'static [(&'static str, Self)] =
        &[("general", Kind::General), ("company", Kind::Company), ("country", Kind::Country)];
}

struct Noun {
    /// The noun's words, lower case: "inflation", or "deutsche", "bank".
    words: Vec<&'static str>,
    kind: Kind,
    german: &'static str,
}

/// The nouns, keyed by their first word.
static NOUNS: LazyLock<WordMap<Vec<Noun>>> = LazyLock::new(|| {
    let mut nouns: WordMap<Vec<Noun>> = WordMap::default();
    for row in shipped!("data/lexicon/bare_nouns.tsv").rows::<3>() {
        let [noun, kind, german] = row.fields;
        let words: Vec<&'static str> = noun.split(' ').collect();
        nouns.entry_or_default(words[0]).push(Noun { words, kind: row.choice(kind), german });
    }
    nouns
});

/// Prepositions and conjunctions after which a company name has ended.
const AFTER_A_NAME: [&str; 11] = ["in", "on", "at", "for", "of", "with", "by", "from", "to", "and", "or"];

impl Detector for NeedlessArticle {
    const DECLARATION: Declaration =
        Declaration { id: "needless-article", category: Category::Grammar, severity: Severity::Minor, version: 2 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        NeedlessArticle
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        for index in 0..doc.sentences.len() {
            if doc.sentence_langs[index].code.is_some_and(|code| code != "eng") {
                continue;
            }
            let tokens = doc.sentence_tokens(index);
            for at in 0..tokens.len().saturating_sub(1) {
                if tokens[at].span.len() != 3 || !doc.is(&tokens[at], "the") {
                    continue;
                }
                let Some(candidates) = NOUNS.get_token(doc, &tokens[at + 1]) else { continue };
                let Some(noun) = candidates.iter().find(|noun| spelled_at(doc, tokens, at + 1, noun)) else {
                    continue;
                };
                let last = at + noun.words.len();
                let wrong = match noun.kind {
                    Kind::General => {
                        !tokens[at + 1].capitalized && opens_clause(doc, tokens, at) && verb_follows(doc, tokens, last)
                    }
                    Kind::Company | Kind::Country => {
                        tokens[at + 1..=last].iter().all(|t| t.capitalized) && name_ends(doc, tokens, last)
                    }
                };
                if !wrong {
                    continue;
                }
                let span = tokens[at].span.start..tokens[last].span.end;
                let phrase = doc.slice(&span);
                let bare = doc.slice(&(tokens[at + 1].span.start..tokens[last].span.end));
                let suggestion = if tokens[at].capitalized { capitalised(bare) } else { bare.to_string() };
                let meaning = match noun.kind {
                    Kind::General => "English uses the noun without an article when it means it in general",
                    Kind::Company => "English names the company without an article",
                    Kind::Country => "English names the country without an article",
                };
                flags
                    .flag(
                        span,
                        0.6,
                        format!(
                            "\"{phrase}\": {meaning}; German says \"{}\". Likely an article carried over from the source.",
                            noun.german
                        ),
                    )
                    .suggest(suggestion);
            }
        }
    }
}

/// Whether the tokens from `at` spell `noun`, separated by single spaces.
fn spelled_at(doc: &Doc, tokens: &[Token], at: usize, noun: &Noun) -> bool {
    noun.words.iter().enumerate().all(|(offset, word)| {
        tokens.get(at + offset).is_some_and(|t| doc.is(t, word))
            && (offset == 0 || doc.gap(&tokens[at + offset - 1], &tokens[at + offset]) == " ")
    })
}

/// Whether the article at `at` opens a clause: the sentence's first word, after a comma or a
/// semicolon, or after a word that opens a clause.
fn opens_clause(doc: &Doc, tokens: &[Token], at: usize) -> bool {
    let Some(before) = at.checked_sub(1).map(|b| &tokens[b]) else { return true };
    doc.gap(before, &tokens[at]).contains([',', ';', ':']) || opens_a_clause(doc.lower(before))
}

/// Whether the noun phrase ending at `last` is followed directly by a verb (an auxiliary or a
/// past tense that is not also a participle: "has weakened", "rose"), or by "in" and a place
/// ("in Germany", "in the eurozone").
fn verb_follows(doc: &Doc, tokens: &[Token], last: usize) -> bool {
    let Some(next) = tokens.get(last + 1) else { return false };
    if doc.gap(&tokens[last], next) != " " {
        return false;
    }
    let next_word = doc.lower(next);
    if is_auxiliary(next_word) && !matches!(next_word, "being" | "having" | "'s" | "’s") {
        return true;
    }
    if next.lex.verb().is_some_and(|forms| forms.past && !forms.participle) {
        return true;
    }
    next_word == "in" && tokens.get(last + 2).is_some_and(|place| place.capitalized || doc.is(place, "the"))
}

/// Whether the company name ending at `last` stands on its own: the sentence ends, punctuation
/// follows, or a preposition, a conjunction, an auxiliary or a past tense does.
fn name_ends(doc: &Doc, tokens: &[Token], last: usize) -> bool {
    let Some(next) = tokens.get(last + 1) else { return true };
    let gap = doc.gap(&tokens[last], next);
    if gap != " " {
        return !gap.starts_with(['-', '’', '\'']);
    }
    if next.capitalized {
        return false;
    }
    let next_word = doc.lower(next);
    AFTER_A_NAME.contains(&next_word)
        || is_auxiliary(next_word)
        || next.lex.verb().is_some_and(|forms| forms.past)
        || TIME_AFTER_A_NAME.contains(&next_word)
}

/// Words of time that follow a name as an adverbial: "moved to the Switzerland last year".
const TIME_AFTER_A_NAME: [&str; 7] = ["last", "next", "this", "yesterday", "today", "tomorrow", "recently"];

/// Whether a new clause starts after `word`, so that the noun phrase after it is its subject.
fn opens_a_clause(word: &str) -> bool {
    crate::lexicon::opens_clause(word) || COORDINATORS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts, flags_of};
    use super::*;

    #[test]
    fn flags_the_article_before_an_abstract_noun_meant_in_general() {
        assert_eq!(excerpts::<NeedlessArticle>("The inflation in Germany has weakened in August."), ["The inflation"]);
        assert_eq!(
            excerpts::<NeedlessArticle>("Economists expect that the unemployment will rise in winter."),
            ["the unemployment"]
        );
        assert_eq!(excerpts::<NeedlessArticle>("The climate change is a threat to farmers."), ["The climate change"]);
        assert_eq!(excerpts::<NeedlessArticle>("Since the pandemic, the tourism has suffered badly."), ["the tourism"]);
        assert_eq!(
            excerpts::<NeedlessArticle>("He warned that the nature in the Arctic reacts sensitively."),
            ["the nature"]
        );
        assert_no_flags::<NeedlessArticle>("The nature of the problem is clear. The life of a nurse is hard.");
    }

    #[test]
    fn flags_the_article_before_a_country_english_names_without_one() {
        assert_eq!(
            excerpts::<NeedlessArticle>("Several doctors have moved to the Switzerland, where pay is higher."),
            ["the Switzerland"]
        );
        assert_eq!(excerpts::<NeedlessArticle>("He moved to the Switzerland last year."), ["the Switzerland"]);
        assert_no_flags::<NeedlessArticle>("The Switzerland office closed. The turkey was roasted. Turkey won.");
    }

    #[test]
    fn flags_the_article_before_a_company_name() {
        assert_eq!(
            excerpts::<NeedlessArticle>(
                "\"The peak is behind us,\" said the chief economist of the Commerzbank, Jörg Krämer."
            ),
            ["the Commerzbank"]
        );
        assert_eq!(
            excerpts::<NeedlessArticle>("The Lufthansa cancelled 800 flights because of the strike."),
            ["The Lufthansa"]
        );
        assert_eq!(
            excerpts::<NeedlessArticle>("Shares of the Deutsche Bank fell by four percent."),
            ["the Deutsche Bank"]
        );
    }

    #[test]
    fn particular_uses_and_compounds_are_left_alone() {
        for text in [
            "The inflation of the 1970s destroyed many savings.",
            "The inflation that followed the war was brutal.",
            "The inflation rate rose to 6.1 percent.",
            "The unemployment figures for August were published on Tuesday.",
            "Prices rose because of the inflation caused by the war.",
            "Inflation in Germany has weakened in August.",
            "The economy has grown for the third quarter in a row.",
            "The Volkswagen Group sold fewer cars in China.",
            "Workers at the Siemens plant in Erlangen went on strike.",
            "The Commerzbank-Tower is the tallest building in Frankfurt.",
            "Commerzbank's chief economist expects prices to fall.",
            "The Bundesbank has warned of a recession.",
        ] {
            assert_no_flags::<NeedlessArticle>(text);
        }
    }

    #[test]
    fn the_suggestion_drops_the_article_and_keeps_the_capital() {
        let flags = flags_of::<NeedlessArticle>("The inflation in Germany has weakened in August.");
        assert_eq!(flags[0].1.suggestion.as_deref(), Some("Inflation"));
        assert!(flags[0].1.message.contains("die Inflation"), "{}", flags[0].1.message);
        let flags = flags_of::<NeedlessArticle>("He works for the Lufthansa in Munich.");
        assert_eq!(flags[0].1.suggestion.as_deref(), Some("Lufthansa"));
    }
}
