//! # become-more
//!
//! ## What it does
//! Flags "become more" or "become fewer" with nothing after the comparative: "the call-outs
//! are becoming more, and many members have jobs", "The complaints became fewer." English says
//! "are increasing", "there are more and more …", "decreased".
//!
//! ## Why it signals MT
//! German says that things "become more" ("Die Einsätze werden mehr", "Die Beschwerden wurden
//! weniger"). MT renders "werden" as "become" and "mehr" as "more", which in English needs an
//! adjective after it.
//!
//! ## Example
//! "But the missions are becoming more, and many members have jobs." flags "becoming more".
//!
//! ## Known false positives
//! A comparative that goes on is English: "becoming more and more common", "became more so",
//! "became more expensive". "Getting" is read only after "be" ("are getting more"), never as
//! "obtaining" ("could get more"), though "she is getting more, he said" is flagged. "Less" is
//! not read ("the pay became less" is merely clumsy).
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "minor")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::Doc;
use crate::flag::{Category, Severity};
use crate::lexicon::word_key;
use std::sync::LazyLock;

pub struct BecomeMore;

/// The word keys of "more" and "fewer", compared before the text.
static COMPARATIVE_KEYS: LazyLock<[u32; 2]> = LazyLock::new(|| [word_key("more"), word_key("fewer")]);

/// Forms of "become" that German "werden" turns into.
const BECOME: [&str; 4] = ["become", "becomes", "became", "becoming"];

/// Forms of "be" before "getting", which then means "becoming" ("are getting more").
const BE: [&str; 4] = ["is", "are", "was", "were"];

impl Detector for BecomeMore {
    const DECLARATION: Declaration =
        Declaration { id: "become-more", category: Category::Grammar, severity: Severity::Minor, version: 1 };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        BecomeMore
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        let tokens = &doc.tokens;
        for (at, comparative) in tokens.iter().enumerate().skip(1) {
            if !COMPARATIVE_KEYS.contains(&comparative.key) {
                continue;
            }
            let verb = &tokens[at - 1];
            // "getting" means "becoming" after "be" ("are getting more"), and "obtaining" after
            // "to" or a modal ("could get more").
            let progressive_get = doc.lower(verb) == "getting"
                && at >= 2
                && BE.contains(&doc.lower(&tokens[at - 2]))
                && doc.gap(&tokens[at - 2], verb) == " ";
            if doc.gap(verb, comparative) != " " || !(BECOME.contains(&doc.lower(verb)) || progressive_get) {
                continue;
            }
            if !["more", "fewer"].contains(&doc.lower(comparative)) {
                continue;
            }
            // Nothing follows the comparative in its clause, or "and" with no second comparative.
            let stops = match tokens.get(at + 1) {
                None => true,
                Some(next) => {
                    let gap = doc.gap(comparative, next);
                    gap.contains(['.', ',', ';', '!', '?', ':', '–', '—', ')'])
                        || gap == " "
                            && doc.is(next, "and")
                            && tokens.get(at + 2).is_some_and(|n| !["more", "fewer"].contains(&doc.lower(n)))
                }
            };
            if !stops {
                continue;
            }
            let written = &doc.text[verb.span.start..comparative.span.end];
            flags.flag(
                verb.span.start..comparative.span.end,
                0.7,
                format!(
                    "\"{written}\" with nothing after it is German \"mehr werden\" (to increase): English says \
                     \"increase\" or \"there are more and more …\"."
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
    fn flags_a_comparative_with_nothing_after_it() {
        assert_eq!(
            excerpts::<BecomeMore>("But the missions are becoming more, and many members have jobs."),
            ["becoming more"]
        );
        assert_eq!(excerpts::<BecomeMore>("The complaints became fewer."), ["became fewer"]);
        assert_eq!(excerpts::<BecomeMore>("The problems are getting more and the money less."), ["getting more"]);
    }

    #[test]
    fn comparatives_that_go_on_are_fine() {
        assert_no_flags::<BecomeMore>("It is becoming more and more common. Prices became more expensive.");
        assert_no_flags::<BecomeMore>("The debate became more so after the vote. They want to get more from the deal.");
        assert_no_flags::<BecomeMore>("Nobody could get more, said the mayor.");
    }
}
