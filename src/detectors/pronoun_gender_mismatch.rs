//! # pronoun-gender-mismatch
//!
//! ## What it does
//! Flags "he", "him", "his", "she" and "her" outside quotations when every person mentioned in
//! this and the two preceding sentences is known to be of the other gender: a woman named by a
//! first name with an unambiguous gender ("Heike Brandt", later "Brandt"), or a gendered noun
//! ("the spokeswoman", "the father").
//!
//! ## Why it signals MT
//! German "sie" is both "she" and "they", and German pronouns follow grammatical gender, so MT
//! swaps English genders: "Mayor Heike Brandt is sceptical. He says the money never arrives."
//!
//! ## Example
//! "Anna Schmidt won the race in record time. He said the course was perfect." flags "He".
//!
//! ## Known false positives
//! Only lexical evidence is used: names of unknown or mixed gender ("Andrea", "Kim"), person
//! nouns without gender ("the minister") and unclassified nouns block the flag, so that an
//! unknown person can always be the referent. A person of the pronoun's gender mentioned
//! earlier than two sentences back can still be the referent; confidence is moderate for that
//! reason, and a pronoun is never flagged when anyone of its gender was mentioned earlier in
//! the article.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "major")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::{Doc, MentionKind};
use crate::flag::{Category, Severity};
use crate::lexicon::Gender;

pub struct PronounGenderMismatch;

fn swap(word: &str, to: Gender) -> String {
    let lower = word.to_lowercase();
    let swapped = match (lower.as_str(), to) {
        ("he", Gender::Female) => "she",
        ("him", Gender::Female) => "her",
        ("his", Gender::Female) => "her",
        ("himself", Gender::Female) => "herself",
        ("she", Gender::Male) => "he",
        ("her", Gender::Male) => "him/his",
        ("hers", Gender::Male) => "his",
        ("herself", Gender::Male) => "himself",
        _ => return word.to_string(),
    };
    if word.starts_with(char::is_uppercase) {
        swapped[..1].to_uppercase() + &swapped[1..]
    } else {
        swapped.to_string()
    }
}

impl Detector for PronounGenderMismatch {
    const DECLARATION: Declaration = Declaration {
        id: "pronoun-gender-mismatch",
        category: Category::Mistranslation,
        severity: Severity::Major,
        version: 2,
    };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        PronounGenderMismatch
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        for mention in &doc.mentions {
            let MentionKind::Pronoun { gender } = mention.kind else { continue };
            if mention.in_quote {
                continue;
            }
            let mut opposite = None;
            let mut blocked = false;
            // People inside quotations are talked about, not talking: they are not in reach.
            for earlier in doc.mentions_before(mention.token, 2).filter(|m| !m.in_quote) {
                match earlier.kind {
                    MentionKind::Person { gender: Some(g), .. } | MentionKind::Pronoun { gender: g }
                        if g != gender && g != Gender::Any =>
                    {
                        opposite.get_or_insert(earlier);
                    }
                    // Neither a thing nor a name that cannot be a person ("in Hamburg") can be the
                    // referent, so neither stands between the pronoun and the person.
                    MentionKind::Thing(_)
                    | MentionKind::NonPersonName
                    | MentionKind::UnknownNoun { person_like: false } => {}
                    _ => {
                        blocked = true;
                        break;
                    }
                }
            }
            let (false, Some(person)) = (blocked, opposite) else { continue };
            // Anyone of the pronoun's gender mentioned earlier, however far back or inside a
            // quotation, may be the referent.
            let earlier_same_gender = doc.mentions.iter().take_while(|m| m.token < mention.token).any(|m| {
                matches!(m.kind, MentionKind::Person { gender: Some(g), .. } | MentionKind::Pronoun { gender: g } if g == gender)
            });
            if earlier_same_gender {
                continue;
            }
            // A chain of pronouns alone proves nothing: at least one real person must be named.
            let has_person = doc
                .mentions_before(mention.token, 2)
                .any(|m| !m.in_quote && matches!(m.kind, MentionKind::Person { .. }));
            if !has_person {
                continue;
            }
            let word = doc.slice(&mention.span);
            let other = match gender {
                Gender::Male => Gender::Female,
                _ => Gender::Male,
            };
            flags.flag(mention.span.clone(), 0.6, format!(
                    "\"{word}\" does not match the only person in reach: \"{}\" is {} here. Machine translation often swaps pronoun gender because German pronouns follow grammatical gender and \"sie\" also means \"they\".",
                    doc.slice(&person.span),
                    if other == Gender::Female { "a woman" } else { "a man" }
                )).suggest(swap(word, other));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, flags_of};
    use super::*;

    #[test]
    fn flags_a_pronoun_of_the_other_gender() {
        let flags = flags_of::<PronounGenderMismatch>(
            "Anna Schmidt won the race in record time. He said the course was perfect.",
        );
        assert_eq!(flags.len(), 1);
        assert_eq!(flags[0].0, "He");
        assert_eq!(flags[0].1.suggestion.as_deref(), Some("She"));
        let flags =
            flags_of::<PronounGenderMismatch>("The father of two was arrested on Friday. She denies the charges.");
        assert_eq!(flags.len(), 1);
    }

    #[test]
    fn places_do_not_stand_between_a_pronoun_and_its_person() {
        for text in [
            "Record in Hamburg\n\nAnna Schmidt won the race in record time. He said the course was perfect.",
            "Anna Schmidt flew from Berlin to Kassel on Monday. He said the course was perfect.",
        ] {
            let flags = flags_of::<PronounGenderMismatch>(text);
            assert_eq!(flags.iter().map(|f| f.0.as_str()).collect::<Vec<_>>(), ["He"], "{text}");
        }
        assert_no_flags::<PronounGenderMismatch>(
            "Anna Schmidt flew from Berlin to Kassel on Monday. She said the course was perfect.",
        );
    }

    #[test]
    fn surnames_inherit_the_gender_of_their_first_name() {
        let flags = flags_of::<PronounGenderMismatch>(
            "Mayor Heike Brandt opened the fair. The visitors applauded Brandt. He thanked the organisers.",
        );
        assert_eq!(flags.len(), 1, "{flags:?}");
    }

    #[test]
    fn unknown_or_mixed_people_block_the_flag() {
        assert_no_flags::<PronounGenderMismatch>("Anna Schmidt met the minister. He promised help.");
        assert_no_flags::<PronounGenderMismatch>("Anna Schmidt and Klaus Weber won. He was faster.");
        assert_no_flags::<PronounGenderMismatch>("“Anna called me,” he said.");
    }

    #[test]
    fn clean_news_gets_no_flags() {
        assert_no_flags::<PronounGenderMismatch>(
            "Olaf Scholz arrived in Paris on Monday. He met the French president for lunch. His spokeswoman said \
             she expected no announcement.",
        );
    }
}
