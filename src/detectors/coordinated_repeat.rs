//! # coordinated-repeat
//!
//! ## What it does
//! Flags a phrase of two to four words joined to itself by "and", "or" or "nor": "closed for
//! four hours and four hours", "the police or the police". The flag covers the conjunction
//! and the repeated phrase.
//!
//! ## Why it signals MT
//! When its attention slips, neural MT translates a phrase of the source twice and joins the
//! copies as if they were two things. The sentence stays fluent, so the repeat is easy to read
//! past, yet it adds a thing the source never had. Adjacent repeats are `looping-output`'s and
//! `repeated-words`' job; this one finds the repeat that a conjunction hides.
//!
//! ## Example
//! "The motorway remained closed for more than four hours and four hours." flags "and four
//! hours".
//!
//! ## Known false positives
//! English doubles single words for emphasis ("more and more", "again and again", "hours and
//! hours", "faster and faster"), so a single word is never flagged. A phrase needs a word other
//! than a function word ("and so on and so on" is left alone), a phrasal verb is one word too
//! ("I clean up and clean up"), and the repeat must end the
//! phrase, before punctuation, a function word or a verb: "the police and the police officers"
//! names two things. A noun after the repeat that is also a verb form ("the police and the
//! police force") is taken for a verb, and the phrase is flagged. Deliberate rhetorical
//! repetition of a phrase ("a step and a step") is rare in news, and flagged.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "major")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::{Doc, Token};
use crate::flag::{Category, Severity};

pub struct CoordinatedRepeat;

const CONJUNCTIONS: [&str; 3] = ["and", "or", "nor"];

/// The longest phrase that is repeated, in words.
const MAX_PHRASE_WORDS: usize = 4;

impl Detector for CoordinatedRepeat {
    const DECLARATION: Declaration =
        Declaration { id: "coordinated-repeat", category: Category::Addition, severity: Severity::Major, version: 2 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        CoordinatedRepeat
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        // The conjunctions are found in the text, not token by token: most articles have a few
        // dozen, among thousands of words.
        for finder in FINDERS.iter() {
            for found in finder.find_iter(doc.text.as_bytes()) {
                let start = found + 1;
                let index = doc.tokens.partition_point(|t| t.span.start < start);
                if doc.tokens.get(index).is_none_or(|t| t.span.start != start) {
                    continue;
                }
                let sentence = &doc.sentences[doc.sentence_at(start)];
                let tokens = &doc.tokens[sentence.tokens.clone()];
                let Some(at) = index.checked_sub(sentence.tokens.start).filter(|&at| at < tokens.len()) else {
                    continue;
                };
                let Some(words) = (2..=MAX_PHRASE_WORDS).rev().find(|&n| repeated_around(doc, tokens, at, n)) else {
                    continue;
                };
                let token = &tokens[at];
                let repeat = &tokens[at + 1..at + 1 + words];
                let phrase = &doc.text[repeat[0].span.start..repeat[words - 1].span.end];
                let conjunction = doc.word(token);
                flags.flag(
                    token.span.start..repeat[words - 1].span.end,
                    0.7,
                    format!("\"{phrase}\" is joined to itself with \"{conjunction}\": the translation most likely rendered one phrase of the source twice. Keep one of them."),
                );
            }
        }
    }
}

/// " and ", " or " and " nor ", as they stand between two phrases.
static FINDERS: std::sync::LazyLock<Vec<memchr::memmem::Finder<'static>>> = std::sync::LazyLock::new(|| {
    CONJUNCTIONS.iter().map(|c| memchr::memmem::Finder::new(format!(" {c} ").as_bytes()).into_owned()).collect()
});

/// Whether the `words` tokens before the conjunction at `at` equal, case aside, the `words`
/// after it, as a phrase: words separated by spaces only, at least one of them not a function
/// word, and nothing after the repeat that continues it.
fn repeated_around(doc: &Doc, tokens: &[Token], at: usize, words: usize) -> bool {
    if at < words || at + words >= tokens.len() {
        return false;
    }
    let (before, after) = (&tokens[at - words..at], &tokens[at + 1..at + 1 + words]);
    let spaced = |phrase: &[Token]| phrase.windows(2).all(|pair| doc.gap(&pair[0], &pair[1]) == " ");
    let same = before.iter().zip(after).all(|(a, b)| doc.lower(a) == doc.lower(b));
    let has_content = before.iter().any(|t| t.has_letter && !t.lex.english_function());
    let joined =
        matches!(doc.gap(&before[words - 1], &tokens[at]), " " | ", ") && doc.gap(&tokens[at], &after[0]) == " ";
    // "the police and the police officers": a noun after the repeat makes it another phrase;
    // punctuation, a function word or a verb ("nor the council wanted") ends it.
    let ends_phrase = tokens.get(at + 1 + words).is_none_or(|next| {
        doc.gap(&after[words - 1], next) != " "
            || next.lex.english_function()
            || !next.has_letter
            || next.lex.verb().is_some()
    });
    // "I clean up and clean up": a phrasal verb is one word, doubled for emphasis like
    // "waited and waited".
    let phrasal_verb = words == 2
        && before[0].lex.verb().is_some()
        && PARTICLES.contains(&doc.lower(&before[1]))
        && CONJUNCTIONS[0] == doc.lower(&tokens[at]);
    same && has_content && joined && spaced(before) && spaced(after) && ends_phrase && !phrasal_verb
}

/// Particles of phrasal verbs ("clean up", "go on").
const PARTICLES: [&str; 9] = ["up", "down", "out", "off", "on", "in", "over", "back", "away"];

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts};
    use super::*;

    #[test]
    fn flags_a_phrase_joined_to_itself() {
        assert_eq!(
            excerpts::<CoordinatedRepeat>("The motorway remained closed for more than four hours and four hours."),
            ["and four hours"]
        );
        assert_eq!(
            excerpts::<CoordinatedRepeat>("Neither the city council nor the city council wanted to comment."),
            ["nor the city council"]
        );
        assert_eq!(
            excerpts::<CoordinatedRepeat>("Tickets cost ten euros, or Ten Euros at the door, the club said."),
            ["or Ten Euros"]
        );
    }

    #[test]
    fn emphasis_function_words_and_longer_phrases_are_fine() {
        assert_no_flags::<CoordinatedRepeat>(
            "Prices rose more and more. They waited hours and hours, again and again.",
        );
        assert_no_flags::<CoordinatedRepeat>("They talked about taxes, and so on and so on.");
        assert_no_flags::<CoordinatedRepeat>("The police and the police officers' union disagreed.");
        assert_no_flags::<CoordinatedRepeat>("The mayor and the council met the mayor of Bonn and his council.");
        assert_no_flags::<CoordinatedRepeat>("Now and then it grabs me and I clean up and clean up.");
    }
}
