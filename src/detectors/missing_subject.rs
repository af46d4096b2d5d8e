//! # missing-subject
//!
//! ## What it does
//! Flags a clause whose subject is missing:
//! - a subordinate clause that opens with an auxiliary or modal verb where its subject should
//!   be: "suspended because had cooperated fully", "although was injured", "unless can be
//!   agreed". English needs the subject ("because she had cooperated");
//! - a statement that opens with its finite verb: "Had already won all four tests.", "Is by
//!   far the largest island.", "Began funding the initiative in August and mandated that …".
//!
//! ## Why it signals MT
//! German clauses can leave the subject to the verb's ending or to the clause before, and MT
//! that carries the clause over word for word drops the pronoun. The reader cannot tell who
//! did what.
//!
//! ## Example
//! "The sentence was suspended because had cooperated fully." flags "because had";
//! "Arrived in Singapore on Monday and began a tour of Asia." flags "Arrived in".
//!
//! ## Known false positives
//! Only "because", "although", "though", "whereas" and "unless" are read: after "as", "than",
//! "that", "when" and "if" an auxiliary can open a correct clause ("as had been expected",
//! "more than was needed", "the man that had left"). A verb other than an auxiliary or modal is
//! not read, since a noun may look like one ("because prices rise"). In a question the subject
//! follows the auxiliary ("Because does that sound like much?"), so questions are not read.
//!
//! A statement is read only when it ends with a full stop and is not quoted speech, where
//! ellipsis is natural ("Could be worse."), nor written in the first or second person, as chat
//! and letters are ("Would be happy to help you."). An auxiliary followed by a pronoun, a
//! number or a capitalised word opens a question that lost its mark or a name ("Will Smith");
//! "Do" and "Have" before a noun open instructions ("Do not use …", "Have a good time."); and
//! "had", "were" and "should" open a condition ("Had the police come earlier, …"), so those
//! are read only in a sentence without a comma. A past verb opens a participle phrase ("Founded in 1990, the
//! firm …", "Reported cases rose."), so it is read only before a function word or a name, in
//! a sentence with no comma and no form of "be" ("Located in the centre is …"); speech verbs
//! ("Said the minister …") and participles that work as prepositions ("Based on", "Born in")
//! are left alone.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "major")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::Doc;
use crate::analysis::Token;
use crate::flag::{Category, Severity};
use crate::lexicon::{is_auxiliary, KeyFilter, SPEECH_VERBS, SUBJECT_PRONOUNS};
use std::sync::LazyLock;

pub struct MissingSubject;

/// The word keys of [`CONJUNCTIONS`], tested before the text.
static CONJUNCTION_KEYS: LazyLock<KeyFilter> = LazyLock::new(|| KeyFilter::of(CONJUNCTIONS));

/// Conjunctions that must be followed by a subject.
const CONJUNCTIONS: [&str; 5] = ["because", "although", "though", "whereas", "unless"];

/// Finite auxiliaries and modals, which never open a clause without a subject after those
/// conjunctions, nor a statement.
const FINITE_AUXILIARIES: [&str; 20] = [
    "is", "are", "was", "were", "has", "have", "had", "does", "did", "do", "will", "would", "can", "could", "shall",
    "should", "may", "might", "must", "am",
];

/// Words of the first and second person, which mark the chatty register that drops subjects.
const PERSONAL_WORDS: [&str; 9] = ["i", "me", "my", "we", "us", "our", "you", "your", "please"];

/// Auxiliaries that also open a condition by inversion ("Had the police come earlier, …").
const CONDITIONAL_AUXILIARIES: [&str; 3] = ["had", "were", "should"];

/// Openers that are as often something else: "May" is a month and a name, "Do" opens an
/// instruction ("Do not use the pillow.").
const AMBIGUOUS_OPENERS: [&str; 4] = ["may", "might", "am", "do"];

/// Words after an opening auxiliary that make it a question that lost its mark ("Is this
/// true.") rather than a statement without its subject, besides the subject pronouns.
const OTHER_SUBJECTS: [&str; 7] = ["there", "this", "that", "these", "those", "anyone", "anybody"];

/// Past participles that open a phrase as prepositions do, or a caption or a life's dates.
const PARTICIPLE_OPENERS: [&str; 14] = [
    "based",
    "compared",
    "given",
    "provided",
    "followed",
    "considered",
    "located",
    "situated",
    "born",
    "pictured",
    "dated",
    "asked",
    "accompanied",
    "supported",
];

/// The forms of "be" that, after an opening participle, make English inversion ("Located in
/// the centre is the town hall.").
const BE_FORMS: [&str; 4] = ["is", "are", "was", "were"];

impl Detector for MissingSubject {
    const DECLARATION: Declaration =
        Declaration { id: "missing-subject", category: Category::Omission, severity: Severity::Major, version: 2 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        MissingSubject
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        self.subordinate_clauses(doc, flags);
        for sentence in 0..doc.sentences.len() {
            if let Some((verb, next)) = verb_opening_statement(doc, sentence) {
                let opening = doc.slice(&(verb.span.start..next.span.end));
                flags.flag(
                    verb.span.start..next.span.end,
                    0.6,
                    format!(
                        "\"{opening}\" opens a statement with its verb: the subject is missing. German can leave \
                         it to the verb's ending or the sentence before; English names it before the verb."
                    ),
                );
            }
        }
    }
}

/// The opening verb and the word after it of a statement that starts with its finite verb,
/// its subject lost.
fn verb_opening_statement<'d>(doc: &'d Doc, sentence: usize) -> Option<(&'d Token, &'d Token)> {
    let tokens = doc.sentence_tokens(sentence);
    let (verb, next) = (tokens.first()?, tokens.get(1)?);
    if !verb.capitalized || doc.gap(verb, next) != " " {
        return None;
    }
    let word = doc.lower(verb);
    let auxiliary = FINITE_AUXILIARIES.contains(&word) && !AMBIGUOUS_OPENERS.contains(&word);
    let past = !auxiliary
        && !is_auxiliary(word)
        && verb.lex.verb().is_some_and(|forms| forms.past && !forms.base)
        && !PARTICIPLE_OPENERS.contains(&word)
        && !SPEECH_VERBS.contains(verb.lex.lemma(word).as_ref());
    if !auxiliary && !past {
        return None;
    }
    let span = &doc.sentences[sentence].span;
    let text = doc.slice(span);
    // Only a statement: a question or exclamation keeps its verb first, and a heading or quoted
    // speech may leave the subject out on purpose.
    let opening = &doc.text[span.start..verb.span.start];
    if !text.trim_end().ends_with('.') || !opening.trim().is_empty() || doc.is_heading(sentence) {
        return None;
    }
    // Chat and letters drop "I" and "you" on purpose ("Would be really happy.", "Was picked up
    // by your colleague."): a sentence that speaks in the first or second person is left alone.
    if doc.in_quotation(verb.span.start) || tokens.iter().any(|t| PERSONAL_WORDS.contains(&doc.lower(t))) {
        return None;
    }
    let next_word = doc.lower(next);
    let has_comma = text.contains(',');
    if auxiliary {
        let question_or_name = SUBJECT_PRONOUNS.contains(&next_word)
            || OTHER_SUBJECTS.contains(&next_word)
            || next.capitalized
            || next.is_number();
        // "Have a good time.": an instruction, unless a participle or "to" follows ("Have tried").
        let instruction =
            word == "have" && !next_word.ends_with("ed") && !["to", "not", "already"].contains(&next_word);
        if question_or_name || instruction || CONDITIONAL_AUXILIARIES.contains(&word) && has_comma {
            return None;
        }
    } else {
        // "Integrated and powerful": participles coordinated as adjectives.
        let function_word_or_name =
            next.lex.english_function() && !["and", "or"].contains(&next_word) || next.capitalized;
        let inversion = tokens[1..].iter().any(|t| BE_FORMS.contains(&doc.lower(t)));
        if !function_word_or_name || has_comma || inversion {
            return None;
        }
    }
    Some((verb, next))
}

impl MissingSubject {
    /// "because had cooperated": a subordinate clause that opens with its auxiliary.
    fn subordinate_clauses(&self, doc: &Doc, flags: &mut Flags) {
        let filter: &KeyFilter = &CONJUNCTION_KEYS;
        for (at, conjunction) in doc.tokens.iter().enumerate() {
            if !filter.may_contain(conjunction.key) {
                continue;
            }
            let Some(verb) = doc.tokens.get(at + 1) else { continue };
            if doc.gap(conjunction, verb) != " " {
                continue;
            }
            let opener = doc.lower(conjunction);
            if !CONJUNCTIONS.contains(&opener) || !FINITE_AUXILIARIES.contains(&doc.lower(verb)) {
                continue;
            }
            // "Because does that sound like much?": in a question the subject follows the verb.
            let sentence_end =
                doc.sentences.iter().find(|s| s.span.contains(&conjunction.span.start)).map(|s| s.span.end);
            if sentence_end.is_some_and(|end| doc.text[verb.span.end..end].trim_end().ends_with('?')) {
                continue;
            }
            flags.flag(
                conjunction.span.start..verb.span.end,
                0.7,
                format!(
                    "\"{}\" has no subject: the clause after \"{opener}\" starts with its verb. German can leave \
                     the subject out; English cannot (\"{opener} she {}\").",
                    doc.slice(&(conjunction.span.start..verb.span.end)),
                    doc.word(verb)
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
    fn flags_a_clause_without_its_subject() {
        assert_eq!(
            excerpts::<MissingSubject>("Her sentence was suspended because had cooperated fully."),
            ["because had"]
        );
        assert_eq!(excerpts::<MissingSubject>("He played on, although was injured."), ["although was"]);
        assert_eq!(excerpts::<MissingSubject>("Nothing changes unless can be agreed."), ["unless can"]);
    }

    #[test]
    fn clauses_with_subjects_and_other_conjunctions_are_fine() {
        assert_no_flags::<MissingSubject>("It was suspended because she had cooperated. Although it was late, we met.");
        assert_no_flags::<MissingSubject>("As had been expected, prices rose more than was needed.");
        assert_no_flags::<MissingSubject>("The man that had left came back because of the rain.");
        assert_no_flags::<MissingSubject>("It rained, though. Was it worth it? Because prices rise, we save.");
        assert_no_flags::<MissingSubject>("Because does that sound like so much time?");
    }

    #[test]
    fn flags_a_statement_that_opens_with_its_verb() {
        let text = "Had already won all four tests at the first tournament. Is by far the largest island of the \
                    group. Arrived in Singapore on Monday and began a tour of Asia. Estimated that the rain \
                    could breach the levees. Have tried to pull it out.";
        assert_eq!(
            excerpts::<MissingSubject>(text),
            ["Had already", "Is by", "Arrived in", "Estimated that", "Have tried"]
        );
    }

    #[test]
    fn questions_conditions_participle_phrases_and_names_open_with_a_verb_correctly() {
        assert_no_flags::<MissingSubject>("Is this the end. Was it worth it? Will Smith won. Can Dündar spoke.");
        assert_no_flags::<MissingSubject>("Had the police come earlier, nobody would have died.");
        assert_no_flags::<MissingSubject>("Were it not for the rain, the fire would have spread.");
        assert_no_flags::<MissingSubject>("Founded in 1990, the firm grew. Reported cases rose again.");
        assert_no_flags::<MissingSubject>("Located in the centre is the town hall. Based on the data we act.");
        assert_no_flags::<MissingSubject>("Said the minister on Monday: no.");
        assert_no_flags::<MissingSubject>("He smiled. \"Could be worse. Had a long day.\"");
        assert_no_flags::<MissingSubject>("May the best team win. Put the pan on the heat.");
        assert_no_flags::<MissingSubject>("Do not use the pillow. Have a good time. Delivered was a table.");
        assert_no_flags::<MissingSubject>("Integrated and powerful modules come with it.");
        assert_no_flags::<MissingSubject>("Was picked up by your colleague. Must first call my husband.");
    }
}
