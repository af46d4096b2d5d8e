//! Flags that share one root cause are reported once.
//!
//! Detectors look at the text independently, so two of them can flag the same words for the
//! same reason. The reader then sees two flags, and the score deducts twice, for one mistake.
//! After all detectors have run, two rules merge such flags:
//!
//! - **A flag within a wider flag that explains it.** "12. März" is one German date. It is not a
//!   German date plus an untranslated word, so the `untranslated-word` flag on "März" is dropped
//!   in favour of the `german-date` flag, whose suggestion ("12 March") is already all English.
//!   [`EXPLAINED_BY`] lists the pairs.
//! - **An untranslated sentence.** A sentence flagged as not translated at all (`non-translation`
//!   or `source-copy`) is German. The English checks on it (a verb, a negation, repeated words,
//!   German word order…) describe the German, not a translation, so they are dropped. The
//!   sentence's own flag says so. When both `source-copy` and `non-translation` flag a sentence,
//!   `source-copy`, which has the source as evidence, is kept.

use crate::flag::{Category, Flag};

/// (wider detector, detector it explains): a flag of the second lying within a flag of the first
/// has the same cause and is dropped.
pub const EXPLAINED_BY: [(&str, &str); 3] = [
    // "12. März", "am 3. Mai": the month is part of the German date.
    ("german-date", "untranslated-word"),
    // "um 20 Uhr": "Uhr" is part of the German time.
    ("german-time", "untranslated-word"),
    // A German abbreviation ("z. B.") is also a German word.
    ("german-abbreviation", "untranslated-word"),
];

/// What an untranslated sentence's flag adds to its message.
pub const SKIPPED_CHECKS: &str = " English grammar and wording checks are skipped for this sentence.";

fn within(inner: &Flag, outer: &Flag) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

/// Applies both rules to the flags of one document.
pub fn merge_flags_with_one_cause(flags: &mut Vec<Flag>) {
    let untranslated: Vec<(usize, usize, &'static str)> =
        flags.iter().filter(|f| f.category == Category::NonTranslation).map(|f| (f.start, f.end, f.detector)).collect();
    let keep: Vec<bool> = flags
        .iter()
        .map(|flag| {
            let explained = flags.iter().any(|other| {
                EXPLAINED_BY.iter().any(|(wider, narrower)| *wider == other.detector && *narrower == flag.detector)
                    && within(flag, other)
            });
            let in_untranslated = untranslated.iter().any(|&(start, end, detector)| {
                let inside = start <= flag.start && flag.end <= end;
                let same = (start, end, detector) == (flag.start, flag.end, flag.detector);
                let copy_wins = flag.detector == "non-translation" && detector == "source-copy";
                inside && !same && (flag.category != Category::NonTranslation || copy_wins)
            });
            !explained && !in_untranslated
        })
        .collect();
    let mut index = 0;
    flags.retain(|_| {
        index += 1;
        keep[index - 1]
    });
    for flag in flags.iter_mut().filter(|f| f.category == Category::NonTranslation) {
        flag.message.push_str(SKIPPED_CHECKS);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flag::Severity;

    fn flag(detector: &'static str, category: Category, span: std::ops::Range<usize>) -> Flag {
        Flag {
            start: span.start,
            end: span.end,
            detector,
            category,
            severity: Severity::Major,
            confidence: 0.5,
            message: "m.".into(),
            suggestion: None,
        }
    }

    fn detectors(flags: &[Flag]) -> Vec<&str> {
        flags.iter().map(|f| f.detector).collect()
    }

    #[test]
    fn a_word_inside_the_date_or_time_that_explains_it_is_not_flagged_again() {
        let mut flags = vec![
            flag("german-date", Category::DateFormat, 10..19),
            flag("untranslated-word", Category::Untranslated, 14..19),
            // Outside any date: kept.
            flag("untranslated-word", Category::Untranslated, 30..36),
            // Inside a date, but a different cause: kept.
            flag("repeated-words", Category::Grammar, 12..19),
        ];
        merge_flags_with_one_cause(&mut flags);
        assert_eq!(detectors(&flags), ["german-date", "untranslated-word", "repeated-words"]);
        assert_eq!(flags[1].start, 30);
    }

    #[test]
    fn an_untranslated_sentence_keeps_only_its_own_flag_and_says_why() {
        let mut flags = vec![
            flag("non-translation", Category::NonTranslation, 0..40),
            flag("verbless-sentence", Category::Grammar, 0..40),
            flag("untranslated-word", Category::Untranslated, 4..9),
            flag("source-negation", Category::Mistranslation, 0..40),
            // Reaching past the sentence: about more than it, kept.
            flag("unclosed-quote", Category::Punctuation, 20..60),
            flag("verbless-sentence", Category::Grammar, 41..60),
        ];
        merge_flags_with_one_cause(&mut flags);
        assert_eq!(detectors(&flags), ["non-translation", "unclosed-quote", "verbless-sentence"]);
        assert!(flags[0].message.ends_with(SKIPPED_CHECKS));
    }

    #[test]
    fn a_copied_source_sentence_is_reported_once_as_a_copy() {
        let mut flags = vec![
            flag("non-translation", Category::NonTranslation, 0..40),
            flag("source-copy", Category::NonTranslation, 0..40),
        ];
        merge_flags_with_one_cause(&mut flags);
        assert_eq!(detectors(&flags), ["source-copy"]);
    }
}
