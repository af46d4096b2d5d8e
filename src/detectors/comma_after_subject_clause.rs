//! # comma-after-subject-clause
//!
//! ## What it does
//! Flags a comma between a clause that opens the sentence and the verb that follows it: "Why he
//! did it, is unclear.", "Whether the plan works, remains to be seen.", "What the council
//! decides, will be announced on Friday." English puts no comma between a subject clause and its
//! verb: "Why he did it is unclear."
//!
//! ## Why it signals MT
//! German sets a comma after every subordinate clause ("Warum er es tat, ist unklar."); MT and
//! German writers carry it over. When the clause is adverbial rather than the subject, German
//! puts the verb right after the comma too ("Wenn es regnet, fällt das Spiel aus"), and the
//! English sentence then lacks its subject: that is flagged as well.
//!
//! ## Example
//! "Why the bridge collapsed, is still unclear." flags ", is".
//!
//! ## Known false positives
//! Only a sentence that opens with "why", "what", "whether", "how", "that", "when", "where",
//! "who" or "if", has at least three words before its first comma, ends with a full stop or an
//! exclamation mark (not a question), and continues with a finite form of "be", "have", a modal,
//! "remain" or "seem" right after that comma is read. A parenthetical ("Why he did it, he
//! said, is unclear") puts a subject after the first comma and is left alone.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "minor")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::Doc;
use crate::flag::{Category, Severity};

pub struct CommaAfterSubjectClause;

/// Words that open a clause that can be the subject of the sentence, or an adverbial clause.
const CLAUSE_OPENERS: [&str; 9] = ["why", "what", "whether", "how", "that", "when", "where", "who", "if"];

/// Finite verbs that follow a subject clause: forms of "be" and "have", modals, "remain", "seem".
const VERBS_AFTER_A_SUBJECT: [&str; 21] = [
    "is", "was", "are", "were", "has", "had", "will", "would", "can", "could", "must", "should", "may", "might",
    "remains", "remained", "seems", "seemed", "depends", "depended", "became",
];

/// The fewest words the opening clause has before its comma ("Why he left,").
const MIN_CLAUSE_WORDS: usize = 3;

impl Detector for CommaAfterSubjectClause {
    const DECLARATION: Declaration = Declaration {
        id: "comma-after-subject-clause",
        category: Category::Punctuation,
        severity: Severity::Minor,
        version: 1,
    };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        CommaAfterSubjectClause
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        for (index, sentence) in doc.sentences.iter().enumerate() {
            let tokens = doc.sentence_tokens(index);
            let Some(first) = tokens.first() else { continue };
            if !CLAUSE_OPENERS.contains(&doc.lower(first)) {
                continue;
            }
            let Some(comma) = (1..tokens.len()).find(|&i| doc.gap(&tokens[i - 1], &tokens[i]).contains(',')) else {
                continue;
            };
            let verb = &tokens[comma];
            let statement = doc.text[..sentence.span.end].trim_end().ends_with(['.', '!', '"', '”']);
            if comma < MIN_CLAUSE_WORDS || !statement || !VERBS_AFTER_A_SUBJECT.contains(&doc.lower(verb)) {
                continue;
            }
            let gap_start = tokens[comma - 1].span.end;
            flags
                .flag(
                    gap_start..verb.span.end,
                    0.7,
                    format!(
                        "A comma separates the opening clause from its verb \"{}\", as German punctuation \
                         does; English sets no comma between a subject clause and its verb.",
                        doc.word(verb)
                    ),
                )
                .suggest(format!(" {}", doc.word(verb)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts};
    use super::*;

    #[test]
    fn flags_a_comma_between_a_subject_clause_and_its_verb() {
        assert_eq!(excerpts::<CommaAfterSubjectClause>("Why the bridge collapsed, is still unclear."), [", is"]);
        assert_eq!(excerpts::<CommaAfterSubjectClause>("Whether the plan works, remains to be seen."), [", remains"]);
        assert_eq!(excerpts::<CommaAfterSubjectClause>("If it rains on Sunday, will the match be moved."), [", will"]);
    }

    #[test]
    fn subjects_after_the_comma_parentheticals_and_questions_are_fine() {
        assert_no_flags::<CommaAfterSubjectClause>(
            "When he arrived, he was tired. Why he did it, he said, is unclear.",
        );
        assert_no_flags::<CommaAfterSubjectClause>("If it rains on Sunday, will the match be moved?");
        assert_no_flags::<CommaAfterSubjectClause>("Why the bridge collapsed is unclear. What, is it over?");
    }
}
