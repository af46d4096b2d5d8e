//! # verb-before-subject
//!
//! ## What it does
//! Flags a sentence that opens with a time phrase, another prepositional phrase or an adverb and
//! puts its verb before the subject: "On Monday voted the town council for the plan", "In 2019
//! won the club the cup", "Since 2001 has the number fallen", "In Berlin have the police
//! arrested two men",
//! "Yesterday announced the ministry new rules", "Therefore must the council find a new site",
//! "Now wants the club a new striker", "Next week want the retailers to hand over a petition".
//! English keeps the subject first: "On Monday, the town council voted".
//!
//! ## Why it signals MT
//! German puts the finite verb second, whatever comes first ("Am Montag stimmte der Stadtrat
//! … zu", "Deshalb muss der Rat …"); after an opening time phrase or adverb the subject follows
//! the verb. Word-for-word MT and
//! German writers keep that order.
//!
//! ## Example
//! "On Monday voted the town council for the new bypass." flags "On Monday voted".
//!
//! ## Known false positives
//! English inverts after a fronted phrase with verbs of place and coming ("In the corner stood a
//! piano", "After the speech came the vote"): those verbs (stand, lie, sit, come, go, follow,
//! remain, appear, arrive, hang, live, rise, begin, emerge) are never flagged. Only an opening
//! of "on", "in", "at", "during", "by", "for" or "from" with a time word at its end (a weekday, a month, a year, a
//! word such as "morning" or "week"), "yesterday", "today" and "tomorrow", or a linking or time
//! adverb that is never a subject ("therefore", "now", "meanwhile"), is read, and the verb must
//! follow it directly with an article, possessive or subject pronoun after it, with no comma
//! between. A modal, "has" or "had" counts there too ("Therefore must the council"; "Now have a
//! look" is an instruction), "be" never
//! ("Yesterday was the hottest day"), and nor do "see", "mark", "bring" and "witness" after
//! "yesterday", "today" and "tomorrow", which they take as subject ("Today marks the anniversary").
//! A time phrase without a preposition ("Next week", "Last year", "Every summer") is as often
//! the subject ("Last year saw a record", "Last year had the most rain"), so after it only a
//! modal or "want", "plan" or "intend" counts ("Next week will the council decide").
//! Before a pronoun, the phrase is read up to a comma or a word that opens a clause ("In the
//! years that followed they met"), the verb must be a past form after a noun (in "In talks she
//! said" and "In the vaccination teams we" the "-s" word is a noun), and the pronoun may not be followed by a verb of its own ("In the
//! confusion that reigned he ran" has "reigned" close a clause). Before a noun subject, the
//! verb must be "has", "have", "had" or a modal ("In Berlin have the police arrested two men";
//! "have a" is left out, since it opens instructions), or a past form with a second noun phrase,
//! its object, after the subject ("In his speech thanked the mayor the volunteers"), which the
//! fronted verbs of place never have. Prepositions that also open clauses ("after", "before",
//! "since", "until") are read only before a time word and an auxiliary or modal ("Since 2001 has
//! the number fallen"), since a clause may follow them without a comma ("After the season ended
//! the club …"); "as" is not read.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "minor")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::{Doc, Token};
use crate::flag::{Category, Severity};
use crate::lexicon::{
    is_auxiliary, opens_clause, DETERMINERS, MODALS, MONTHS, PHRASE_PREPOSITIONS, SUBJECT_ONLY_PRONOUNS, TIME_NOUNS,
    WEEKDAYS,
};

pub struct VerbBeforeSubject;

/// Prepositions that open a time phrase and are not also conjunctions.
const OPENERS: [&str; 7] = ["on", "in", "at", "during", "by", "for", "from"];

/// Prepositions that open a time phrase and also open clauses, after which a subject may follow
/// its verb in English ("After the season ended the club …"): only an auxiliary or modal before
/// an article is read after them ("Since 2001 has the number fallen").
const CONJUNCTION_OPENERS: [&str; 4] = ["since", "after", "before", "until"];

/// Adverbs of time that are a whole opening phrase.
const TIME_ADVERBS: [&str; 3] = ["yesterday", "today", "tomorrow"];

/// Adverbs that open a sentence and, unlike "yesterday" and "today", are never its subject.
const ADVERB_OPENERS: [&str; 22] = [
    "therefore",
    "nevertheless",
    "nonetheless",
    "meanwhile",
    "afterwards",
    "subsequently",
    "now",
    "later",
    "currently",
    "recently",
    "finally",
    "additionally",
    "furthermore",
    "moreover",
    "consequently",
    "accordingly",
    "thus",
    "hence",
    "still",
    "already",
    "initially",
    "previously",
];

/// Words that open a time phrase without a preposition: "Next week", "Last year", "This
/// morning", "Every summer". Such a phrase is as often the subject ("Last year saw a record",
/// "Next week brings rain"), so only a modal or a verb of wanting is read after it.
const DEICTIC_OPENERS: [&str; 5] = ["next", "last", "this", "every", "each"];

/// Plain forms of verbs of wanting and planning, which German puts second like a modal ("Next
/// week want the retailers to hand over a petition").
const WANTING_VERBS: [&str; 3] = ["want", "plan", "intend"];

/// Verbs that take "yesterday", "today" or "tomorrow" as their subject ("Yesterday saw the
/// largest protest", "Today marks the anniversary").
const TIME_SUBJECT_VERBS: [&str; 4] = ["see", "mark", "bring", "witness"];

/// Parts of the day and week that end a time phrase, beside the time nouns of the lexicon.
const PARTS_OF_DAY: [&str; 6] = ["morning", "afternoon", "evening", "weekend", "end", "beginning"];

/// Verbs that English itself puts before the subject after a fronted phrase.
const INVERTING_VERBS: [&str; 14] = [
    "stand", "lie", "sit", "come", "go", "follow", "remain", "appear", "arrive", "hang", "live", "rise", "begin",
    "emerge",
];

/// The most words an opening time phrase has before the verb: "In the past two years".
const MAX_OPENING: usize = 5;

impl Detector for VerbBeforeSubject {
    const DECLARATION: Declaration =
        Declaration { id: "verb-before-subject", category: Category::Grammar, severity: Severity::Minor, version: 5 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        VerbBeforeSubject
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        for index in 0..doc.sentences.len() {
            let tokens = doc.sentence_tokens(index);
            let Some(first) = tokens.first() else { continue };
            let opener = doc.lower(first);
            if PHRASE_PREPOSITIONS.contains(&opener) {
                if let Some((verb_at, subject_kind)) = inverted_after_phrase(doc, tokens) {
                    let written = &doc.text[first.span.start..tokens[verb_at].span.end];
                    let phrase = &doc.text[first.span.start..tokens[verb_at - 1].span.end];
                    flags.flag(
                        first.span.start..tokens[verb_at].span.end,
                        0.7,
                        format!(
                            "\"{written}\" puts the verb before its {subject_kind} after an opening phrase, German \
                             verb-second order; English keeps the subject first (\"{phrase}, …\")."
                        ),
                    );
                    continue;
                }
            }
            let time_adverb = TIME_ADVERBS.contains(&opener);
            let deictic = DEICTIC_OPENERS.contains(&opener) && tokens.get(1).is_some_and(|t| is_time_word(doc, t));
            let verb_at = if time_adverb || ADVERB_OPENERS.contains(&opener) {
                1
            } else if deictic {
                2
            } else if OPENERS.contains(&opener) || CONJUNCTION_OPENERS.contains(&opener) {
                match time_phrase_end(doc, tokens) {
                    Some(end) => end + 1,
                    None => continue,
                }
            } else {
                continue;
            };
            let (Some(verb), Some(subject)) = (tokens.get(verb_at), tokens.get(verb_at + 1)) else { continue };
            // A comma after the opening phrase is English: "On Monday, the council voted".
            let unbroken = tokens[..=verb_at + 1].windows(2).all(|pair| doc.gap(&pair[0], &pair[1]) == " ");
            let subject_word = doc.lower(subject);
            let subject_follows = DETERMINERS.contains(subject_word) || SUBJECT_ONLY_PRONOUNS.contains(&subject_word);
            // "Therefore must the council", "Now has the club": a modal, "has" or "had" before its
            // subject makes only a question in English ("Now have a look" is an instruction).
            let verb_word = doc.lower(verb);
            let modal = (MODALS.contains(&verb_word) || WANTING_VERBS.contains(&verb_word)) && !verb.capitalized;
            let auxiliary = modal || ["has", "had"].contains(&verb_word);
            let inverted_verb = if deictic {
                modal
            } else {
                auxiliary || finite_lexical_verb(doc, verb) && !CONJUNCTION_OPENERS.contains(&opener)
            };
            // "Yesterday saw the largest protest", "Today marks the anniversary": the time is the subject.
            let time_subject = time_adverb && TIME_SUBJECT_VERBS.contains(&verb.lex.lemma(verb_word).as_ref());
            // "Afterwards put the cushion back": a past form that is also the base form opens an
            // instruction after an adverb.
            let instruction = ADVERB_OPENERS.contains(&opener)
                && finite_lexical_verb(doc, verb)
                && verb.lex.verb().is_some_and(|f| f.base);
            if !unbroken || !subject_follows || !inverted_verb || time_subject || instruction {
                continue;
            }
            let written = &doc.text[first.span.start..verb.span.end];
            flags.flag(
                first.span.start..verb.span.end,
                0.7,
                format!(
                    "\"{written}\" puts the verb before its subject after an opening adverb or time phrase, \
                     German verb-second order; English keeps the subject first (\"{}, {} … {}\").",
                    &doc.text[first.span.start..tokens[verb_at - 1].span.end],
                    subject_word,
                    verb_word
                ),
            );
        }
    }
}

/// The index of the verb that an opening prepositional phrase puts before its subject, and what
/// that subject is: a verb before a subject pronoun ("At the range missed she"), or a modal
/// passive before an article ("Against the decision can be lodged a complaint"). The phrase
/// runs up to a comma or a word that opens a clause, and the verb must follow a noun of it.
fn inverted_after_phrase(doc: &Doc, tokens: &[Token]) -> Option<(usize, &'static str)> {
    let spaced = |i: usize| i < tokens.len() && doc.gap(&tokens[i - 1], &tokens[i]) == " ";
    for at in 1..tokens.len().min(MAX_OPENING + 3) {
        if !spaced(at) {
            return None;
        }
        let word = doc.lower(&tokens[at]);
        if opens_clause(word) || SUBJECT_ONLY_PRONOUNS.contains(&word) {
            return None;
        }
        let before = &tokens[at - 1];
        let after_noun = at >= 2
            && !DETERMINERS.contains(doc.lower(before))
            && !PHRASE_PREPOSITIONS.contains(&doc.lower(before))
            && !before.lex.english_function()
            && !before.is_number();
        // Only a past form: a present "-s" form after a noun is as often a plural noun of a
        // compound ("In the vaccination teams we …").
        let past = tokens[at].lex.verb().is_some_and(|f| f.past);
        if after_noun && past && finite_lexical_verb(doc, &tokens[at]) && spaced(at + 1) {
            let pronoun = SUBJECT_ONLY_PRONOUNS.contains(&doc.lower(&tokens[at + 1]));
            // "In the confusion that followed he ran": a verb after the pronoun is its own.
            let own_verb = tokens.get(at + 2).is_some_and(|next| {
                let next_word = doc.lower(next);
                is_auxiliary(next_word) || next.lex.verb().is_some_and(|f| f.past || f.third_person || f.base)
            });
            if pronoun && !own_verb {
                return Some((at, "subject pronoun"));
            }
            // "In his speech thanked the mayor the volunteers": a subject and then an object
            // after the verb. Fronted verbs of place have no object ("In the hall sat the jury").
            return (noun_phrase_end(doc, tokens, at + 1).is_some_and(|end| opens_noun_phrase(doc, tokens, end)))
                .then_some((at, "subject"));
        }
        // "In Berlin have the police arrested two men": a perfect or modal auxiliary before a
        // noun subject. "have a" is left out, since it opens instructions ("have a look").
        if after_noun
            && (["has", "have", "had"].contains(&word) || MODALS.contains(&word))
            && opens_noun_phrase(doc, tokens, at + 1)
            && !(word == "have" && ["a", "an"].contains(&doc.lower(&tokens[at + 1])))
        {
            return Some((at, "subject"));
        }
        if after_noun && MODALS.contains(&word) {
            let passive = spaced(at + 3)
                && doc.is(&tokens[at + 1], "be")
                && tokens[at + 2].lex.verb().is_some_and(|f| f.participle)
                && DETERMINERS.contains(doc.lower(&tokens[at + 3]));
            return passive.then_some((at + 2, "subject"));
        }
        if is_auxiliary(word) || tokens[at].lex.verb().is_some_and(|f| f.past || f.third_person) && after_noun {
            return None;
        }
    }
    None
}

/// Whether a determiner other than "that", which also opens clauses, stands at `at`, after a
/// single space.
fn opens_noun_phrase(doc: &Doc, tokens: &[Token], at: usize) -> bool {
    let word = tokens.get(at).map(|t| doc.lower(t));
    at > 0
        && word.is_some_and(|w| DETERMINERS.contains(w) && w != "that")
        && doc.gap(&tokens[at - 1], &tokens[at]) == " "
}

/// The index after a noun phrase that opens with the determiner at `at` and runs over
/// adjectives, nouns and names up to a past verb, when it has at least one such word.
fn noun_phrase_end(doc: &Doc, tokens: &[Token], at: usize) -> Option<usize> {
    if !opens_noun_phrase(doc, tokens, at) {
        return None;
    }
    let mut end = at + 1;
    while end < tokens.len() && doc.gap(&tokens[end - 1], &tokens[end]) == " " {
        let token = &tokens[end];
        let word = doc.lower(token);
        let noun_like = token.has_letter
            && !DETERMINERS.contains(word)
            && !token.lex.english_function()
            && (token.lex.verb().is_none_or(|f| !f.past) || token.lex.adjective());
        if !noun_like {
            break;
        }
        end += 1;
    }
    (end > at + 1).then_some(end)
}

/// The index of the time word that ends an opening "on/in/at/during" phrase ("On Monday", "In
/// the past two years", "On Tuesday evening"), when every word before it is an article, an
/// adjective, a number or a time word.
fn time_phrase_end(doc: &Doc, tokens: &[Token]) -> Option<usize> {
    let mut end = None;
    for (at, token) in tokens.iter().enumerate().skip(1).take(MAX_OPENING) {
        let word = doc.lower(token);
        if is_time_word(doc, token) || token.is_number() && doc.word(token).len() == 4 {
            end = Some(at);
            continue;
        }
        // "In the years 2021 and 2022": two times joined.
        let filler = DETERMINERS.contains(word) || token.lex.adjective() || token.is_number() || word == "and";
        if !filler {
            break;
        }
    }
    end
}

/// A finite form of a verb that is neither an auxiliary nor a verb English inverts itself.
/// Whether the token names a time: a weekday, a month, a time noun ("week", "year") or a part
/// of the day ("morning").
fn is_time_word(doc: &Doc, token: &Token) -> bool {
    let word = doc.lower(token);
    WEEKDAYS.contains(word) || MONTHS.contains(word) || TIME_NOUNS.contains(word) || PARTS_OF_DAY.contains(&word)
}

fn finite_lexical_verb(doc: &Doc, verb: &Token) -> bool {
    let word = doc.lower(verb);
    let finite = verb.lex.verb().is_some_and(|f| f.past || f.third_person);
    let lemma = verb.lex.lemma(word);
    finite && !verb.capitalized && !is_auxiliary(word) && !INVERTING_VERBS.contains(&lemma.as_ref())
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts};
    use super::*;

    #[test]
    fn flags_the_verb_before_the_subject_after_an_opening_time_phrase() {
        assert_eq!(
            excerpts::<VerbBeforeSubject>("On Monday voted the town council for the new bypass."),
            ["On Monday voted"]
        );
        assert_eq!(excerpts::<VerbBeforeSubject>("In 2019 won the club the cup."), ["In 2019 won"]);
        assert_eq!(
            excerpts::<VerbBeforeSubject>("Yesterday announced the ministry new rules for schools."),
            ["Yesterday announced"]
        );
        assert_eq!(
            excerpts::<VerbBeforeSubject>("In the past two years grew the number of members."),
            ["In the past two years grew"]
        );
        assert_eq!(excerpts::<VerbBeforeSubject>("Therefore must the council find a new site."), ["Therefore must"]);
        assert_eq!(excerpts::<VerbBeforeSubject>("Now wants the club a new striker."), ["Now wants"]);
        assert_eq!(
            excerpts::<VerbBeforeSubject>("In the years 2021 and 2022 stole the gang 380,000 euros."),
            ["In the years 2021 and 2022 stole"]
        );
        assert_eq!(excerpts::<VerbBeforeSubject>("Meanwhile has the city raised the fees."), ["Meanwhile has"]);
    }

    #[test]
    fn flags_a_modal_or_verb_of_wanting_after_a_time_phrase_without_a_preposition() {
        assert_eq!(
            excerpts::<VerbBeforeSubject>("Next month want the farmers to block the motorway again."),
            ["Next month want"]
        );
        assert_eq!(excerpts::<VerbBeforeSubject>("Every winter must the town clear the roads."), ["Every winter must"]);
        assert_no_flags::<VerbBeforeSubject>("Last year saw the highest number of visitors. Next week brings rain.");
        assert_no_flags::<VerbBeforeSubject>("Last year had the most rain. This summer has the longest days.");
        assert_no_flags::<VerbBeforeSubject>("Next week the farmers want to block the motorway. Last year was dry.");
    }

    #[test]
    fn flags_a_verb_before_a_subject_pronoun_or_a_passive_after_an_opening_phrase() {
        assert_eq!(
            excerpts::<VerbBeforeSubject>("At the shooting range missed she only one target."),
            ["At the shooting range missed"]
        );
        assert_eq!(excerpts::<VerbBeforeSubject>("In the second half scored he twice."), ["In the second half scored"]);
        assert_no_flags::<VerbBeforeSubject>("In the vaccination teams we often have none.");
        assert_eq!(
            excerpts::<VerbBeforeSubject>("Against the decision can be lodged a complaint."),
            ["Against the decision can be lodged"]
        );
    }

    #[test]
    fn flags_an_auxiliary_or_a_transitive_verb_before_a_noun_subject() {
        assert_eq!(excerpts::<VerbBeforeSubject>("Since 2001 has the number of members fallen."), ["Since 2001 has"]);
        assert_eq!(excerpts::<VerbBeforeSubject>("In Berlin have the police arrested two men."), ["In Berlin have"]);
        assert_eq!(
            excerpts::<VerbBeforeSubject>("In his speech thanked the mayor the volunteers."),
            ["In his speech thanked"]
        );
        assert_eq!(excerpts::<VerbBeforeSubject>("By 2030 must the plant close."), ["By 2030 must"]);
    }

    #[test]
    fn clauses_after_conjunctions_and_fronted_verbs_of_place_are_fine() {
        assert_no_flags::<VerbBeforeSubject>("After the season ended the club signed two players.");
        assert_no_flags::<VerbBeforeSubject>("In the hall sat the jury. Into the room walked the doctor.");
        assert_no_flags::<VerbBeforeSubject>("Only since 2001 has the number fallen. On Monday have a look.");
        assert_no_flags::<VerbBeforeSubject>("Among the people questioned the police found no witness.");
    }

    #[test]
    fn phrases_that_end_before_their_clause_are_fine() {
        assert_no_flags::<VerbBeforeSubject>(
            "In talks she said no. In the talks he stayed calm. At the range, she missed.",
        );
        assert_no_flags::<VerbBeforeSubject>(
            "In the years that followed they often met. In the confusion that reigned he ran.",
        );
        assert_no_flags::<VerbBeforeSubject>("With the win the team moves up. In the end it was close.");
        assert_no_flags::<VerbBeforeSubject>("In the hall the guests can be seen. At the meeting he said it.");
    }

    #[test]
    fn english_orders_are_fine() {
        assert_no_flags::<VerbBeforeSubject>("On Monday, the council voted. On Monday the mayor opened the bridge.");
        assert_no_flags::<VerbBeforeSubject>("In the morning came the first buses. In March began the works.");
        assert_no_flags::<VerbBeforeSubject>(
            "After the fire destroyed the house, residents left. In Berlin police opened an inquiry.",
        );
        assert_no_flags::<VerbBeforeSubject>("In 2019 was the best year. Yesterday stood a crowd outside.");
        assert_no_flags::<VerbBeforeSubject>(
            "Yesterday saw the largest protest. Today marks the end. Now comes the test.",
        );
        assert_no_flags::<VerbBeforeSubject>(
            "Therefore, the council must act. Now the club wants a striker. Still the rain fell.",
        );
        assert_no_flags::<VerbBeforeSubject>(
            "Now have a look at the map. Finally add the sugar. Afterwards put the lid on.",
        );
    }
}
