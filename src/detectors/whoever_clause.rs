//! # whoever-clause
//!
//! ## What it does
//! Flags a sentence that opens with "Who" (or "Whoever" and a clause of three words or more)
//! and a verb, and whose main verb follows a comma:
//! "Who wants to survive, needs a clear concept", "Who works in care, works at the limit".
//! English says "Anyone who wants to survive needs a clear concept" or "Whoever wants to
//! survive needs …", with no comma before the main verb. A "Who" clause without the comma is
//! flagged too when a modal of advice or obligation follows it and the sentence is a statement:
//! "Who lives directly on a river should keep sandbags ready".
//!
//! ## Why it signals MT
//! German opens general statements with a free relative clause and a comma ("Wer überleben
//! will, braucht ein klares Konzept"). Word-for-word MT renders "Wer" as "Who" and keeps the
//! comma, so the sentence reads like a question that turns into a statement.
//!
//! ## Example
//! "“Who wants to survive, needs a clear concept,” said the guild's head." flags "Who wants to
//! survive, needs".
//!
//! ## Known false positives
//! Questions are left alone: a clause with a question mark before the comma ("Who knows?"), and
//! "Who" followed by anything but a verb ("Who he is, nobody knows"). Only a verb right after the
//! comma counts, so "Who knows, maybe he is right" is not flagged, and not a speech verb ("Who
//! is to blame, asked the paper"). Without a comma, an English indirect question as subject is
//! left alone when the modal is followed by "be", "become", "remain" or "decide" ("Who wins
//! should become clear on Sunday"); "Whoever" without a comma is English. Proverbs built the German way
//! ("Who pays, decides") are flagged, as they are German syntax too.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "minor")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::{Doc, Token};
use crate::flag::{Category, Severity};
use crate::lexicon::{is_auxiliary, word_key, SPEECH_VERBS};
use std::sync::LazyLock;

pub struct WhoeverClause;

/// The word key of "who", compared before the text.
static WHO_KEY: LazyLock<u32> = LazyLock::new(|| word_key("who"));
/// The word key of "whoever".
static WHOEVER_KEY: LazyLock<u32> = LazyLock::new(|| word_key("whoever"));

/// Whether the token is a finite verb: an auxiliary or modal, or a third-person or past form.
fn finite_verb(doc: &Doc, token: &Token) -> bool {
    !token.capitalized && (is_auxiliary(doc.lower(token)) || token.lex.verb().is_some_and(|f| f.third_person || f.past))
}

/// Modals of advice and obligation that end a German "Wer" clause written without its comma:
/// "Who lives on a river should keep sandbags ready".
const ADVICE_MODALS: [&str; 6] = ["should", "must", "can", "may", "needs", "will"];

/// Verbs after the modal that make the "Who" clause an English indirect question, the subject of
/// a statement about itself: "Who wins should become clear on Sunday".
const QUESTION_PREDICATES: [&str; 4] = ["be", "become", "remain", "decide"];

/// The modal that ends a "Who" clause running to the end of its sentence without a comma, when
/// the sentence is a statement: "Who lives directly on a river should keep sandbags ready."
/// `last` is the clause's last word before the first stop.
fn advice_without_comma(doc: &Doc, who: usize, last: usize) -> Option<usize> {
    let tokens = &doc.tokens;
    let stop = match tokens.get(last + 1) {
        Some(next) => doc.gap(&tokens[last], next),
        None => &doc.text[tokens[last].span.end..],
    };
    if !stop.contains(['.', '!']) || stop.contains('?') {
        return None;
    }
    // The clause has a verb and at least two more words before the modal, and at most ten; the
    // modal is followed by a verb that is not a predicate about the question.
    (who + 3..last.min(who + 12)).find(|&i| {
        ADVICE_MODALS.contains(&doc.lower(&tokens[i]))
            && !tokens[i].capitalized
            && tokens.get(i + 1).is_some_and(|next| {
                let next = doc.lower(next);
                !QUESTION_PREDICATES.contains(&next) && next != "not" && next.len() > 1
            })
    })
}

impl Detector for WhoeverClause {
    const DECLARATION: Declaration =
        Declaration { id: "whoever-clause", category: Category::Grammar, severity: Severity::Minor, version: 3 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        WhoeverClause
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        let tokens = &doc.tokens;
        for (at, who) in tokens.iter().enumerate() {
            let whoever = who.key == *WHOEVER_KEY && doc.word(who) == "Whoever";
            if !whoever && (who.key != *WHO_KEY || doc.word(who) != "Who") {
                continue;
            }
            // "Who" opens a sentence or a quotation.
            let opens = at == 0 || {
                let before = doc.gap(&tokens[at - 1], who);
                before.contains(['“', '„', '"', '‘', '«', '»', '\n'])
                    || doc.sentences.iter().any(|s| s.span.start == who.span.start)
            };
            if !opens || !tokens.get(at + 1).is_some_and(|verb| finite_verb(doc, verb)) {
                continue;
            }
            // The free relative clause runs to the first comma, within ten words and without
            // a question mark or the end of the sentence.
            let Some(last) = (at + 1..tokens.len().min(at + 25)).find(|&i| {
                tokens.get(i + 1).is_none_or(|next| doc.gap(&tokens[i], next).contains(['?', '.', '!', ';', ',']))
            }) else {
                continue;
            };
            if !whoever {
                if let Some(modal) = advice_without_comma(doc, at, last) {
                    let written = &doc.text[who.span.start..tokens[modal].span.end];
                    flags.flag(
                        who.span.start..tokens[modal].span.end,
                        0.7,
                        format!(
                            "\"{written}\" is a German clause (\"Wer …, sollte …\") word for word: English reads \
                             \"Who …\" as a question; it says \"Anyone who …\" or \"Whoever …\"."
                        ),
                    );
                    continue;
                }
            }
            if last >= at + 12 {
                continue;
            }
            // "Whoever wins, wins big": a short clause before the comma is a figure of speech;
            // a longer one is the German comma ("Whoever expects classical Schiller, should …").
            if whoever && last - at < 3 {
                continue;
            }
            let Some(main_verb) = tokens.get(last + 1) else { continue };
            // A speech verb after the comma reports a question ("Who is to blame, asked the paper").
            if doc.gap(&tokens[last], main_verb).trim() != ","
                || !finite_verb(doc, main_verb)
                || SPEECH_VERBS.contains(doc.lower(main_verb))
            {
                continue;
            }
            let written = &doc.text[who.span.start..main_verb.span.end];
            flags.flag(
                who.span.start..main_verb.span.end,
                0.7,
                format!(
                    "\"{written}\" is a German clause (\"Wer …, …\") word for word; English says \"Anyone who …\" \
                     or \"Whoever …\", with no comma before the main verb."
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts};
    use super::*;

    #[test]
    fn flags_who_clauses_with_a_comma_before_the_main_verb() {
        assert_eq!(
            excerpts::<WhoeverClause>("“Who wants to survive, needs a clear concept,” said the head of the guild."),
            ["Who wants to survive, needs"]
        );
        assert_eq!(
            excerpts::<WhoeverClause>("Many nurses quit. Who works in care, works at the limit."),
            ["Who works in care, works"]
        );
        assert_eq!(excerpts::<WhoeverClause>("Who comes too late, will not get in."), ["Who comes too late, will"]);
        assert_eq!(
            excerpts::<WhoeverClause>("Whoever expects classical Schiller, should stay at home."),
            ["Whoever expects classical Schiller, should"]
        );
    }

    #[test]
    fn flags_who_clauses_that_end_in_advice_without_a_comma() {
        assert_eq!(
            excerpts::<WhoeverClause>("Storms are coming. Who lives near the coast should stay indoors tonight."),
            ["Who lives near the coast should"]
        );
        assert_eq!(
            excerpts::<WhoeverClause>("Who travels by train this weekend must expect long delays."),
            ["Who travels by train this weekend must"]
        );
        assert_eq!(
            excerpts::<WhoeverClause>("Who owns a house close to the river should keep an eye on the forecasts."),
            ["Who owns a house close to the river should"]
        );
    }

    #[test]
    fn indirect_questions_as_subjects_are_english() {
        assert_no_flags::<WhoeverClause>("Who wins the race should become clear on Sunday.");
        assert_no_flags::<WhoeverClause>("Who pays for the repairs will be decided in court.");
        assert_no_flags::<WhoeverClause>("Who lives near the coast should stay indoors?");
        assert_no_flags::<WhoeverClause>("Whoever lives near the coast should stay indoors.");
    }

    #[test]
    fn questions_and_english_who_are_fine() {
        assert_no_flags::<WhoeverClause>("Who knows, maybe he is right. Who he is, nobody knows.");
        assert_no_flags::<WhoeverClause>("Who paid for it? The council, said the mayor.");
        assert_no_flags::<WhoeverClause>("Anyone who wants to survive needs a plan. Whoever wins, wins big.");
        assert_no_flags::<WhoeverClause>("Whoever expects classical Schiller should stay at home.");
        assert_no_flags::<WhoeverClause>("The man who works here, Tom, is away. Who is to blame, asked the paper.");
    }
}
