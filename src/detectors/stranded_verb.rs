//! # stranded-verb
//!
//! ## What it does
//! Flags a main clause whose past participle or verb particle is left at the very end, behind
//! an adverbial, the way German orders it:
//! - "The minister has the proposal on Tuesday rejected." (hat ... abgelehnt), also behind a
//!   negation: "The defendant has the allegations not disputed.";
//! - "The train leaves at nine o'clock off." (fährt ... ab);
//! - an infinitive after a modal, its object and an adverbial: "The council will the plan next
//!   week approve." (wird ... beschließen);
//! - a participle after "becomes" and an adverbial, the German passive with "werden": "The bridge
//!   becomes in the summer renovated." (wird im Sommer renoviert).
//!
//!
//! Each clause is read up to a comma, semicolon, colon, bracket or quotation mark, so quoted
//! speech counts too: "\"The confession has the proceedings considerably shortened,\" the
//! judge said." flags "shortened".
//!
//! ## Why it signals MT
//! German puts the participle and the separable particle at the end of the clause (the
//! "sentence bracket"). MT that translates word by word keeps that order.
//!
//! ## Example
//! "The council has the budget on Monday approved." flags "approved".
//!
//! ## Known false positives
//! English "have something done" ("She had her car repaired") ends in a participle too; it is
//! only flagged when a time or place phrase stands before the participle, as in German order.
//! After a modal, an adverbial alone before a final infinitive is English ("The court will in
//! the coming weeks decide"): only an article or possessive right after the modal, opening an
//! object, is read.
//! Phrasal verbs with an object before the particle ("turn the light off", "warming it up") are
//! fine; a particle is flagged only after a prepositional phrase, and never as part of a word
//! ("kick-off") or after "way" ("on the way back"). A last verb with a clause of its own is not
//! stranded: after a comma or bracket (", Bossong said.", "(not included)"), after a word that
//! opens a clause ("which is why I asked", "That is when a crash occurred") or right after a
//! subject pronoun.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "major")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::{Doc, Token};
use crate::flag::{Category, Severity};
use crate::lexicon::{always_opens_clause, is_preposition, shipped, WordList, MODALS, SUBJECT_PRONOUNS, TIME_NOUNS};
use std::sync::LazyLock;

pub struct StrandedVerb;

const PERFECT_AUXILIARIES: [&str; 6] = ["has", "have", "had", "was", "were", "is"];
/// Words of time that make an adverbial between an auxiliary and a stranded participle.
static TIME_WORDS: LazyLock<WordList> =
    LazyLock::new(|| WordList::from_file(shipped!("data/lexicon/time_adverbials.txt")));
const PARTICLES: [&str; 5] = ["off", "out", "up", "back", "down"];
/// Negations, which German puts before the participle at the end ("hat die Vorwürfe nicht
/// bestritten": "has the allegations not disputed").
const NEGATIONS: [&str; 2] = ["not", "never"];

impl Detector for StrandedVerb {
    const DECLARATION: Declaration =
        Declaration { id: "stranded-verb", category: Category::Grammar, severity: Severity::Major, version: 10 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        StrandedVerb
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        for index in 0..doc.sentences.len() {
            if !doc.ends_with_terminator(index) {
                continue;
            }
            // Each clause that ends at a comma, semicolon, colon or quotation mark is read on its
            // own: "\"The confession has the proceedings considerably shortened,\" she said."
            let tokens = doc.sentence_tokens(index);
            let Some(first) = tokens.first() else { continue };
            let whole = tokens.len() >= 5 && !doc.in_quotation(first.span.start);
            if whole && check_clause(doc, tokens, flags, true) {
                continue;
            }
            let mut clause_start = 0;
            for at in 0..tokens.len().saturating_sub(1) {
                if doc.gap(&tokens[at], &tokens[at + 1]).contains(CLAUSE_BREAKS) {
                    check_clause(doc, &tokens[clause_start..=at], flags, false);
                    clause_start = at + 1;
                }
            }
            if clause_start > 0 || !whole {
                check_clause(doc, &tokens[clause_start..], flags, false);
            }
        }
    }
}

/// Marks between words that end a clause for this detector: its last word there is read as
/// the end of the clause.
const CLAUSE_BREAKS: [char; 9] = [',', ';', ':', '"', '“', '”', '(', ')', '—'];

/// Flags the clause's last word when it is a participle, infinitive or particle that German
/// order left behind an adverbial, and says whether it did. A `whole` sentence is read for
/// every pattern; a clause inside one (or a quoted sentence) only for the surest, a perfect
/// auxiliary with its object and a participle after them ("has the proceedings considerably
/// shortened,"), since a clause may end on a particle or participle of a phrase of its own
/// ("around the shoulders and back,").
fn check_clause(doc: &Doc, tokens: &[Token], flags: &mut Flags, whole: bool) -> bool {
    if tokens.len() < 5 {
        return false;
    }
    // Both patterns end the sentence with a participle or a particle: most sentences are
    // ruled out by their last word, before their words are listed.
    let last = tokens.len() - 1;
    let participle = tokens[last].lex.verb().is_some_and(|f| f.participle);
    let infinitive = !participle && tokens[last].lex.verb().is_some_and(|f| f.base);
    if !(participle || infinitive || last >= 3 && PARTICLES.contains(&doc.lower(&tokens[last]))) {
        return false;
    }
    let words: Vec<&str> = tokens.iter().map(|t| doc.lower(t)).collect();
    // A negation marks German order only in the perfect: "is not just cannon fodder" is English.
    let perfect = |i: usize| ["has", "have", "had"].contains(&words[i]);
    let has_adverbial = |range: std::ops::Range<usize>| {
        let aux = range.start - 1;
        range.clone().any(|i| {
            opens_adverbial(words[i])
                    || TIME_WORDS.contains(words[i])
                    || time_phrase_at(&words, i)
                    || perfect(aux) && NEGATIONS.contains(&words[i])
                    // "has the plan repeatedly criticised", "could the fire quickly
                    // extinguish"; after "had" an adverb may belong to the English
                    // causative ("had the house completely renovated").
                    || (["has", "have"].contains(&words[aux]) || MODALS.contains(&words[aux]))
                        && words[i].len() > 4
                        && words[i].ends_with("ly")
        })
    };
    let is_verb = |i: usize| {
        crate::analysis::verbs::possible_verb_at(doc, tokens, i)
            && !is_preposition(words[i])
            && !time_phrase_at(&words, i)
    };
    // "has the proposal on Tuesday rejected."
    if participle {
        // The auxiliary comes before the participle: a sentence may end on "had" itself.
        if let Some(aux) = words[..last].iter().position(|w| PERFECT_AUXILIARIES.contains(w)) {
            let between = aux + 1..last;
            if another_clause_ends(doc, tokens, &words, aux, last) {
                return false;
            }
            // Inside a sentence only "has the …": "is also very well produced," is English.
            let surest = perfect(aux) && crate::lexicon::DETERMINERS.contains(words[aux + 1]);
            if !whole && !surest {
                return false;
            }
            let object_first = between.len() >= 3 && !is_verb(aux + 1) && !words[aux + 1].ends_with("ly");
            let no_other_verb = between.clone().all(|i| !is_verb(i));
            if object_first && no_other_verb && has_adverbial(between.clone()) {
                report(flags, &tokens[last], "past participle", doc.word(&tokens[last]));
                return true;
            }
        }
    }
    if !whole {
        return false;
    }
    // "The bridge becomes in the summer renovated.": German "wird ... renoviert", the passive
    // with "werden", rendered "becomes", and the participle left at the end.
    if participle {
        if let Some(linking) = words[..last].iter().position(|w| BECOME_FORMS.contains(w)) {
            let between = linking + 1..last;
            if !between.is_empty()
                && !words[linking + 1].ends_with("ly")
                && !another_clause_ends(doc, tokens, &words, linking, last)
                && between.clone().all(|i| !is_verb(i))
                && has_adverbial(between)
            {
                report(flags, &tokens[last], "past participle", doc.word(&tokens[last]));
                return true;
            }
        }
    }
    // "will the plan next week approve.": after a modal, the object first and the infinitive
    // last. An adverbial alone before the infinitive is English ("will in the coming
    // weeks decide"), so the words after the modal must open with an article or
    // possessive.
    if infinitive {
        if let Some(modal) = words[..last].iter().position(|w| MODALS.contains(w)) {
            let between = modal + 1..last;
            let object_first = between.len() >= 3 && crate::lexicon::DETERMINERS.contains(words[modal + 1]);
            if object_first
                && !another_clause_ends(doc, tokens, &words, modal, last)
                && between.clone().all(|i| !is_verb(i))
                && has_adverbial(between)
            {
                report(flags, &tokens[last], "infinitive", doc.word(&tokens[last]));
                return true;
            }
        }
    }
    // "leaves at nine o'clock off."
    if PARTICLES.contains(&words[last]) && last >= 3 {
        let verb = (0..last).find(|&i| is_verb(i));
        let preposition_before =
            (last.saturating_sub(4)..last).any(|i| opens_adverbial(words[i]) && i > verb.unwrap_or(last));
        let directly_after_noun = !is_verb(last - 1) && !is_preposition(words[last - 1]);
        // "kick-off", "warming it up", "on the way back": part of a word, a phrasal verb
        // with a pronoun object, or an adverb of "way".
        let english_particle = doc.gap(&tokens[last - 1], &tokens[last]) != " "
            || OBJECT_PRONOUNS.contains(&words[last - 1])
            || words[last - 1] == "way";
        if verb.is_some() && preposition_before && directly_after_noun && !english_particle {
            report(flags, &tokens[last], "verb particle", doc.word(&tokens[last]));
            return true;
        }
    }
    false
}

/// Forms of "become" that render German "werden" in the passive ("wird ... renoviert").
const BECOME_FORMS: [&str; 3] = ["becomes", "become", "became"];

/// Object pronouns, after which a particle belongs to an English phrasal verb ("warming it up").
const OBJECT_PRONOUNS: [&str; 7] = ["it", "them", "him", "her", "me", "us", "you"];

/// Whether the last word ends a clause of its own rather than the auxiliary's: punctuation
/// between them (", Bossong said.", "(not included)"), a word that opens a clause, or a subject
/// pronoun just before the last word.
fn another_clause_ends(doc: &Doc, tokens: &[Token], words: &[&str], aux: usize, last: usize) -> bool {
    let punctuated = (aux..last).any(|i| doc.gap(&tokens[i], &tokens[i + 1]).trim().chars().any(|c| c != '-'));
    let clause_opener = words[aux + 1..last].iter().any(|w| always_opens_clause(w));
    let own_subject = (last.saturating_sub(2).max(aux + 1)..last).any(|i| SUBJECT_PRONOUNS.contains(&words[i]));
    punctuated || clause_opener || own_subject
}

/// Reports `token`, a verb form left at the end of its clause.
fn report(flags: &mut Flags, token: &Token, what: &str, word: &str) {
    flags.flag(token.span.clone(), 0.6, format!("The {what} \"{word}\" stands at the end of the clause, after an adverbial, in German word order; English puts it next to its auxiliary or verb."));
}

/// Whether `word` opens an adverbial of the verb. "of" is left out: its phrase belongs to a noun
/// ("one of the countries hardest hit").
fn opens_adverbial(word: &str) -> bool {
    is_preposition(word) && word != "of"
}

/// Whether `words[at]` opens a time phrase of a relative time word and a time noun ("last
/// week", "this year", "next month"), so that "last" is not read as a verb.
fn time_phrase_at(words: &[&str], at: usize) -> bool {
    ["last", "next", "this", "every"].contains(&words[at]) && words.get(at + 1).is_some_and(|w| TIME_NOUNS.contains(w))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts};
    use super::*;

    #[test]
    fn flags_participles_and_particles_left_at_the_end() {
        assert_eq!(excerpts::<StrandedVerb>("The minister has the proposal on Tuesday rejected."), ["rejected"]);
        assert_eq!(
            excerpts::<StrandedVerb>("The council had the new budget after a long debate approved."),
            ["approved"]
        );
        assert_eq!(excerpts::<StrandedVerb>("The last train leaves at nine o'clock off."), ["off"]);
        assert_eq!(excerpts::<StrandedVerb>("The council will the new plan on Monday approve."), ["approve"]);
        assert_no_flags::<StrandedVerb>("The court will in the coming weeks decide. You can in fact apply.");
        assert_eq!(excerpts::<StrandedVerb>("The old bridge becomes in the summer renovated."), ["renovated"]);
        assert_no_flags::<StrandedVerb>("The old bridge became widely used. The plan became known.");
        assert_eq!(excerpts::<StrandedVerb>("The defendant has the allegations not disputed."), ["disputed"]);
        assert_no_flags::<StrandedVerb>("The group will matter later, so it is not just cannon feed.");
    }

    #[test]
    fn a_time_phrase_or_an_adverb_in_ly_makes_the_adverbial() {
        assert_eq!(excerpts::<StrandedVerb>("The board has the plan last week approved."), ["approved"]);
        assert_eq!(excerpts::<StrandedVerb>("The district has the closure repeatedly criticised."), ["criticised"]);
        assert_eq!(excerpts::<StrandedVerb>("Firefighters could the fire quickly extinguish."), ["extinguish"]);
        assert_eq!(
            excerpts::<StrandedVerb>("\"The ruling has the dispute considerably shortened,\" the lawyer said."),
            ["shortened"]
        );
        assert_eq!(
            excerpts::<StrandedVerb>("The council has the plan on Monday approved, and work starts soon."),
            ["approved"]
        );
        // After "had", an adverb may belong to the English causative.
        assert_no_flags::<StrandedVerb>("They had the house completely renovated. It was one of the worst hit.");
    }

    #[test]
    fn english_participles_and_phrasal_verbs_are_fine() {
        assert_no_flags::<StrandedVerb>("The proposal was rejected on Tuesday. She had her car repaired.");
        assert_no_flags::<StrandedVerb>("He turned the light off. The plan has been approved by the council.");
        assert_no_flags::<StrandedVerb>("The bridge has been closed since March. They set off at nine.");
        assert_no_flags::<StrandedVerb>(
            "\"It has the support of the people involved,\" she said. The prices in Berlin went up, he said.",
        );
    }

    #[test]
    fn a_last_verb_with_a_clause_of_its_own_is_fine() {
        assert_no_flags::<StrandedVerb>("The key element is the pressure on airlines, Bossong said.");
        assert_no_flags::<StrandedVerb>("I could not redeem it, which is why I finally asked.");
        assert_no_flags::<StrandedVerb>("There is a slot for the batteries (not included).");
        assert_no_flags::<StrandedVerb>("That is when a collision with the vehicle of a driver occurred.");
        assert_no_flags::<StrandedVerb>(
            "He was not up to speed with the kick-off. He left him at a station on the way back.",
        );
        assert_no_flags::<StrandedVerb>("Take the cushion out of the cover before warming it up.");
    }

    #[test]
    fn a_sentence_may_end_on_its_only_auxiliary() {
        // "had" is both the participle and the only perfect auxiliary: no auxiliary before it.
        assert_no_flags::<StrandedVerb>("The council went to court after the company the system rejected had.");
        assert_no_flags::<StrandedVerb>("The team the loans over three years negotiated had.");
    }
}
