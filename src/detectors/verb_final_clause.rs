//! # verb-final-clause
//!
//! ## What it does
//! Flags a subordinate clause that ends with its verb cluster in German order, main verb first
//! and auxiliary or modal last: "He said that the company the plant next year close will.",
//! "because he the money stolen has." It also flags a clause that ends with an adjective
//! before "is", "are", "was" or "were": "that the offer insufficient is.", and a clause whose
//! single finite verb comes last after both its subject and its object: "why the man the lane
//! changed", "because the company the plant closed.", also with adverbials before the verb
//! ("because the referee the goal after a review disallowed"). After a subject alone, two
//! adverbials of which one gives a time are read the same way: "which the museum in 2019 from a
//! collection acquired".
//!
//! ## Why it signals MT
//! German subordinate clauses put the finite verb last ("dass die Firma das Werk nächstes Jahr
//! schließen wird"). Word-by-word MT keeps that order, which English grammar never allows.
//!
//! ## Example
//! "The mayor fears that the company the plant close will." flags "close will".
//!
//! ## Known false positives
//! An elliptical clause ending in an auxiliary ("more than he has") is not flagged, because no
//! verb stands before the auxiliary. Nouns that look like verbs before a final auxiliary
//! ("what the report is") are flagged only after the clause has at least four words. A final
//! verb after two noun phrases is read only when nothing but articles, adjectives, nouns, names,
//! adverbs and prepositional phrases stands between the subordinator and the verb. A subject
//! with one prepositional phrase ("that the tree on the line fell") or an object relative with
//! one noun phrase ("the plant that the company closed") is not taken; a subject with two
//! phrases, one of them of time ("that the meeting on Monday in Berlin ended"), is, wrongly.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "major")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::Doc;
use crate::flag::{Category, Severity};
use crate::lexicon::verb_forms;
use crate::lexicon::WordList;

pub struct VerbFinalClause;

/// The subordinators whose clause this detector reads. "after", "before" and "since" are left
/// out: they are far more often prepositions ("after the reform and opening up is ...").
static READ_SUBORDINATORS: std::sync::LazyLock<WordList> = std::sync::LazyLock::new(|| {
    WordList::of(["that", "which", "because", "if", "when", "although", "whether", "while", "why"])
});
const FINAL_AUXILIARIES: [&str; 17] = [
    "will", "would", "can", "could", "shall", "should", "may", "might", "must", "has", "have", "had", "is", "are",
    "was", "were", "wants",
];

impl Detector for VerbFinalClause {
    const DECLARATION: Declaration =
        Declaration { id: "verb-final-clause", category: Category::Grammar, severity: Severity::Major, version: 5 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        VerbFinalClause
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        for index in 0..doc.sentences.len() {
            let tokens = doc.sentence_tokens(index);
            let word = |i: usize| doc.lower(&tokens[i]);
            let mut clause_start = None;
            for i in 0..tokens.len() {
                // Most words are neither subordinators nor inside a clause after one.
                let opens_clause = READ_SUBORDINATORS.contains_token(doc, &tokens[i]);
                if clause_start.is_none() && !opens_clause {
                    continue;
                }
                if opens_clause {
                    clause_start = Some(i);
                    continue;
                }
                let Some(start) = clause_start else { continue };
                // The clause ends at a comma, a quote mark or the end of the sentence.
                let after = tokens
                    .get(i + 1)
                    .map_or(&doc.text[tokens[i].span.end..doc.sentences[index].span.end], |n| doc.gap(&tokens[i], n));
                let clause_ends = i + 1 == tokens.len() || after.contains([',', ';', '“', '”', '"']);
                // A clause that is the subject ends before the main verb: "why he left is unclear".
                let before_copula = after == " " && tokens.get(i + 1).is_some_and(|n| COPULAS.contains(&doc.lower(n)));
                // Read once: it both ends a subject clause and is flagged.
                let object_first =
                    (clause_ends || before_copula).then(|| object_before_final_verb(doc, tokens, start, i)).flatten();
                if !(clause_ends || object_first.is_some()) {
                    continue;
                }
                clause_start = None;
                // "why" opens questions in the main clause's order ("why so much speed is lost"):
                // only the object-before-verb order is read after it.
                let after_why = word(start) == "why";
                if let Some(object) = object_first {
                    let verb = doc.word(&tokens[i]);
                    let object_text = &doc.text[tokens[object].span.start..tokens[i - 1].span.end];
                    flags.flag(tokens[object].span.start..tokens[i].span.end, 0.7, format!("\"{object_text} {verb}\" ends the clause with its verb last, in German subordinate-clause order; English puts the verb right after the subject: \"{verb} {object_text}\"."));
                    continue;
                }
                if after_why {
                    continue;
                }
                if let Some(complement) = complement_before_final_copula(doc, tokens, start, i) {
                    let span = tokens[complement].span.start..tokens[i].span.end;
                    let (adjective, copula) = (doc.word(&tokens[complement]), doc.word(&tokens[i]));
                    flags.flag(span, 0.7, format!("\"{adjective} {copula}\" ends the clause with the complement before \"{copula}\", in German subordinate-clause order; English puts \"{copula}\" right after the subject: \"{copula} {adjective}\"."))
                        .suggest(format!("{copula} {adjective}"));
                    continue;
                }
                if i < start + 4 || !FINAL_AUXILIARIES.contains(&word(i)) {
                    continue;
                }
                let verb = &word(i - 1);
                let verb_like = !tokens[i - 1].capitalized
                    && verb_forms(verb).is_some_and(|f| f.base || f.participle)
                    && !crate::lexicon::is_auxiliary(verb)
                    && !crate::lexicon::ENGLISH_FUNCTION_WORDS.contains(verb)
                    && !["up", "down", "out", "off", "back", "over", "away"].contains(verb);
                let subject_between = i - 1 > start + 1;
                if !verb_like || !subject_between {
                    continue;
                }
                let cluster = &doc.text[tokens[i - 1].span.start..tokens[i].span.end];
                flags.flag(tokens[i - 1].span.start..tokens[i].span.end, 0.7, format!("\"{cluster}\" ends the clause with the verb before its auxiliary, in German subordinate-clause order; English puts \"{}\" before the verb, right after the subject.", doc.word(&tokens[i]))).suggest(format!("{} {}", doc.word(&tokens[i]), doc.word(&tokens[i - 1])));
            }
        }
    }
}

/// The index of the first word after the subject in a clause `start..=end` that ends with its
/// single finite verb after the subject and what German puts before the verb:
/// - an object: "why the man the lane changed";
/// - an object and adverbials: "because the referee the goal after a review disallowed";
/// - with no object, at least two adverbials, one of them of time: "which the museum in 2019
///   from a collection acquired". One adverbial alone may belong to the subject ("that the tree
///   on the line fell").
///
/// Subject and object open with a determiner; only adjectives, nouns, names and numbers stand
/// in them, and plurals that are also verbs ("the safety rules"), but no past form.
fn object_before_final_verb(doc: &Doc, tokens: &[crate::analysis::Token], start: usize, end: usize) -> Option<usize> {
    let verb = &tokens[end];
    let word = doc.lower(verb);
    let finite = verb_forms(word).is_some_and(|f| f.past || f.third_person);
    if end < start + 5 || verb.capitalized || !finite || crate::lexicon::is_auxiliary(word) {
        return None;
    }
    if tokens[start + 1..=end].windows(2).any(|pair| doc.gap(&pair[0], &pair[1]) != " ") {
        return None;
    }
    let lower = |i: usize| doc.lower(&tokens[i]);
    let determiner = |i: usize| crate::lexicon::DETERMINERS.contains(lower(i));
    let noun_phrase_word = |i: usize| {
        let (token, lower) = (&tokens[i], lower(i));
        !determiner(i)
            && (token.capitalized
                || !crate::lexicon::ENGLISH_FUNCTION_WORDS.contains(lower)
                    && verb_forms(lower).is_none_or(|f| !f.past || token.lex.adjective()))
    };
    // A determiner and the words of its noun phrase; the index after them.
    let noun_phrase = |at: usize| {
        let mut next = at + 1;
        while next < end && noun_phrase_word(next) {
            next += 1;
        }
        (determiner(at) && next > at + 1).then_some(next)
    };
    let subject_end = noun_phrase(start + 1)?;
    let object_end = noun_phrase(subject_end);
    let mut at = object_end.unwrap_or(subject_end);
    let (mut adverbials, mut of_time) = (0, false);
    while at < end {
        let here = lower(at);
        if ADVERBS_BEFORE_VERB.contains(&here) || here.len() > 4 && here.ends_with("ly") {
            at += 1;
        } else if here == "no" && lower(at + 1) == "longer" {
            at += 2;
        } else if crate::lexicon::is_preposition(here) && here != "of" {
            let phrase_start = at + 1;
            at = phrase_start;
            while at < end && (determiner(at) || noun_phrase_word(at)) {
                of_time |= tokens[at].is_number() || crate::lexicon::TIME_NOUNS.contains(lower(at));
                at += 1;
            }
            if at == phrase_start {
                return None;
            }
        } else {
            return None;
        }
        adverbials += 1;
    }
    (object_end.is_some() || adverbials >= 2 && of_time).then_some(subject_end)
}

/// Adverbs that German puts between the object and the final verb ("the rules not meets").
const ADVERBS_BEFORE_VERB: [&str; 8] = ["not", "never", "already", "still", "also", "again", "only", "just"];

/// Forms of "be" that end a German-order clause after its complement.
const COPULAS: [&str; 4] = ["is", "are", "was", "were"];

/// Words that make the adjective before a final copula part of the subject ("the rich are",
/// "something new is") or put it first in English order ("how bad it is" has the subject
/// between them, but "how bad is" is a question).
const OPENS_ADJECTIVE_SUBJECT: [&str; 14] = [
    "something",
    "anything",
    "nothing",
    "everything",
    "someone",
    "anyone",
    "everyone",
    "somebody",
    "anybody",
    "nobody",
    "how",
    "however",
    "so",
    "as",
];

/// The token index of an adjective that stands between the subject and the copula ending the
/// clause `start..=end` (tokens after the subordinator at `start`): "that the offer insufficient
/// is". English puts the copula first ("that the offer is insufficient"); the adjective may
/// only end such a clause as part of the subject, after a determiner ("if the rich are").
fn complement_before_final_copula(
    doc: &Doc,
    tokens: &[crate::analysis::Token],
    start: usize,
    end: usize,
) -> Option<usize> {
    let adjective = end.checked_sub(1)?;
    // The subordinator, at least one word of subject, the adjective and the copula.
    if adjective < start + 2 || !COPULAS.contains(&doc.lower(&tokens[end])) {
        return None;
    }
    let word = doc.lower(&tokens[adjective]);
    let before = doc.lower(&tokens[adjective - 1]);
    let is_adjective = !tokens[adjective].capitalized
        && crate::lexicon::ADJECTIVES.contains(word)
        && verb_forms(word).is_none()
        && !crate::lexicon::ENGLISH_FUNCTION_WORDS.contains(word);
    let subject_before = tokens[adjective - 1].has_letter
        && !crate::lexicon::DETERMINERS.contains(before)
        && !OPENS_ADJECTIVE_SUBJECT.contains(&before)
        && !crate::lexicon::ADJECTIVES.contains(before);
    (is_adjective && subject_before).then_some(adjective)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts};
    use super::*;

    #[test]
    fn flags_verb_clusters_in_german_order() {
        assert_eq!(
            excerpts::<VerbFinalClause>("He said that the company the plant next year close will."),
            ["close will"]
        );
        assert_eq!(
            excerpts::<VerbFinalClause>("Police believe that the suspect the money stolen has, a spokesman said."),
            ["stolen has"]
        );
    }

    #[test]
    fn flags_a_complement_before_the_copula_that_ends_the_clause() {
        assert_eq!(
            excerpts::<VerbFinalClause>("The union leader said that the offer insufficient is."),
            ["insufficient is"]
        );
        assert_eq!(
            excerpts::<VerbFinalClause>("Residents complain because the water still brown was, and nobody came."),
            ["brown was"]
        );
    }

    #[test]
    fn flags_a_final_verb_after_subject_and_object() {
        assert_eq!(excerpts::<VerbFinalClause>("Why the man the lane changed is still unclear."), ["the lane changed"]);
        assert_eq!(
            excerpts::<VerbFinalClause>("Workers protested because the company the old plant closed."),
            ["the old plant closed"]
        );
    }

    #[test]
    fn flags_a_final_verb_after_adverbials() {
        assert_eq!(
            excerpts::<VerbFinalClause>(
                "The match was stopped because the referee the goal after a review disallowed."
            ),
            ["the goal after a review disallowed"]
        );
        assert_eq!(
            excerpts::<VerbFinalClause>("The school closed because the old gym the safety rules no longer meets."),
            ["the safety rules no longer meets"]
        );
        assert_eq!(
            excerpts::<VerbFinalClause>("She showed the letter, which the archive in 2010 from a dealer bought."),
            ["in 2010 from a dealer bought"]
        );
    }

    #[test]
    fn object_relatives_and_noun_phrases_with_prepositions_are_fine() {
        assert_no_flags::<VerbFinalClause>("This is the plant that the company closed. Why the man left is unclear.");
        assert_no_flags::<VerbFinalClause>("Can someone tell me why so much Internet speed is \"lost\" on the line?");
        assert_no_flags::<VerbFinalClause>("Trains stopped because a tree on the overhead line had fallen.");
        assert_no_flags::<VerbFinalClause>(
            "Trains stopped because a tree on the line fell. It is the plan which the council approved.",
        );
        assert_no_flags::<VerbFinalClause>("We know that the rest of the team agreed, and that the group grew.");
    }

    #[test]
    fn adjectives_that_belong_to_the_subject_are_fine() {
        assert_no_flags::<VerbFinalClause>("He wonders whether the rich are. Nobody asks how bad the situation is.");
        assert_no_flags::<VerbFinalClause>(
            "I doubt that anything new is. Whether it is, we will see when the report is.",
        );
        assert_no_flags::<VerbFinalClause>("She asked if the offer is insufficient. We know that the water was brown.");
    }

    #[test]
    fn ellipsis_and_normal_order_are_fine() {
        assert_no_flags::<VerbFinalClause>(
            "She earns more than he has. He said that the company will close the plant.",
        );
        assert_no_flags::<VerbFinalClause>("I do not know whether they will. Ask them if you can.");
    }
}
