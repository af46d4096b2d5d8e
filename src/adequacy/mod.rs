//! Lexical coverage: how much of a German sentence its English translation accounts for, and
//! the other way round.
//!
//! A translation that drops a clause, adds material of its own, or belongs to another sentence
//! altogether can still read fluently, so fluency checks miss it. Coverage catches it from the
//! words alone, without a reference translation and without a model:
//!
//! - **Source coverage** is the share of the German content words whose meaning shows up in the
//!   English: all the content words of some dictionary translation of the word are in the
//!   sentence, in any inflection ("beschlossen" is read as "beschließen", which may be "pass",
//!   met by "passed"), or the word is spelt much like an English word (names, and cognates such
//!   as Präsident/president or Hotel/hotel). A low value means German content is missing.
//! - **Target support** is the share of the English content words that some German word
//!   accounts for, by the same two routes. A low value means English content that the source
//!   does not license: an addition, a hallucination, or a pair that is not a translation.
//!
//! Function words ("der", "und", "the", "of") and numbers are left out of both shares, and a
//! sentence without content words has a share of 1. The German side understands inflection,
//! irregular and separable verbs ("gab ... zurück" is "zurückgeben": "return", "give back"),
//! and compounds (a "Regierungssprecher" is at least a "Sprecher", a speaker).
//!
//! Both measures are lexical. A faithful but free translation scores well above an unrelated
//! pair, yet rarely reaches 1: idioms and paraphrases go unmatched, and so do words the
//! lexicon lacks. On the WMT22 German–English test set, human reference translations cover
//! about three quarters of their source, while a source paired with another sentence's
//! reference scores about 0.05. The measures are made for telling a translation from a
//! misalignment, an omission or an addition, not for ranking two good translations. The words
//! not accounted for come back as byte spans, to show a reader what is missing or extra, and so
//! do the ones left after pairing the leftovers of both sides by place (`unpaired_source`,
//! `unpaired_target`): a gap in the lexicon leaves a word over on each side, an omission or an
//! addition on one side only.
//!
//! The lexicon is German Wiktionary's translation tables (CC BY-SA) with a hand-written core of
//! frequent words and the irregular verb forms, in `data/lexicon/`. [`coverage`] needs no setup;
//! [`preload`] parses the lexicon ahead of time (about 15 ms).

mod english;
mod german;
mod lexicon;
mod pairing;
mod tokens;
#[cfg(test)]
mod validation;

use english::for_each_lemma;
use german::SEPARABLE_PREFIXES;
use lexicon::{ENGLISH_FUNCTION_WORDS, ENGLISH_VERB_FORMS, GERMAN};
use rustc_hash::FxHashMap;
use std::ops::Range;
use tokens::{cognate, letters, phrase_words, tokenize, Spelling, Token};

/// How much of a German sentence and its English translation account for each other.
#[derive(Debug, Clone, PartialEq)]
pub struct Coverage {
    /// Share of the German content words that the English covers, from 0 to 1 (1 when there
    /// are none).
    pub source_coverage: f64,
    /// Share of the English content words that the German supports, from 0 to 1 (1 when there
    /// are none).
    pub target_support: f64,
    /// German content words counted.
    pub source_content_words: usize,
    /// English content words counted.
    pub target_content_words: usize,
    /// End-exclusive byte spans, in the German text, of the content words not covered.
    pub uncovered_source: Vec<Range<usize>>,
    /// End-exclusive byte spans, in the English text, of the content words not supported. A
    /// word with an apostrophe counts up to it, and so does its span ("Merkel" of "Merkel's").
    pub unsupported_target: Vec<Range<usize>>,
    /// The uncovered German words that no unsupported English word near their place can stand
    /// for: what the English most likely left out (see [`pairing`]). A subset of
    /// `uncovered_source`.
    pub unpaired_source: Vec<Range<usize>>,
    /// The unsupported English words that no uncovered German word near their place can stand
    /// for, nor a compound's first part: what the English most likely added. A subset of
    /// `unsupported_target`.
    pub unpaired_target: Vec<Range<usize>>,
}

/// English particles a German separable prefix implies: "gab ... zurück" is "gave back".
const PREFIX_PARTICLES: [(&str, &[&str]); 27] = [
    ("zurück", &["back"]),
    ("ab", &["off", "down", "away"]),
    ("an", &["on"]),
    ("auf", &["up", "open"]),
    ("aus", &["out", "off"]),
    ("ein", &["in", "into"]),
    ("mit", &["along", "with"]),
    ("nach", &["after"]),
    ("vor", &["before", "forward", "ahead"]),
    ("weg", &["away", "off"]),
    ("weiter", &["further", "on", "continue"]),
    ("zusammen", &["together"]),
    ("runter", &["down"]),
    ("herunter", &["down"]),
    ("hinunter", &["down"]),
    ("hoch", &["up"]),
    ("heraus", &["out"]),
    ("hinaus", &["out"]),
    ("herein", &["in"]),
    ("hinein", &["in"]),
    ("um", &["over", "around", "round"]),
    ("durch", &["through"]),
    ("fest", &["down", "fixed"]),
    ("los", &["off", "away"]),
    ("fort", &["away", "on"]),
    ("wieder", &["again", "back", "re"]),
    ("vorbei", &["past", "by", "over"]),
];

/// Which English tokens have each lemma: a chain of tokens per lemma, kept in one vector so that
/// a lemma costs one allocation (its key).
struct LemmaIndex {
    heads: FxHashMap<String, u32>,
    /// (token, next link or `END`)
    links: Vec<(u32, u32)>,
}

/// The end of a chain in [`LemmaIndex::links`].
const END: u32 = u32::MAX;

impl LemmaIndex {
    fn new(tokens: &[Token]) -> Self {
        let mut index = LemmaIndex { heads: FxHashMap::default(), links: Vec::with_capacity(tokens.len() * 3) };
        index.heads.reserve(tokens.len() * 3);
        let mut scratch = String::new();
        for (at, token) in tokens.iter().enumerate() {
            let token_id = at as u32;
            for_each_lemma(&token.lower, &mut scratch, &mut |lemma| {
                let link = index.links.len() as u32;
                match index.heads.get_mut(lemma) {
                    // A lemma that comes twice for one word is kept once.
                    Some(head) if index.links[*head as usize].0 == token_id => {}
                    Some(head) => {
                        index.links.push((token_id, *head));
                        *head = link;
                    }
                    None => {
                        index.links.push((token_id, END));
                        index.heads.insert(lemma.to_owned(), link);
                    }
                }
            });
        }
        index
    }

    /// The tokens with this lemma, through `each`; whether there were any.
    #[inline]
    fn tokens_with(&self, lemma: &str, mut each: impl FnMut(usize)) -> bool {
        let Some(&head) = self.heads.get(lemma) else { return false };
        let mut link = head;
        while link != END {
            let (token, next) = self.links[link as usize];
            each(token as usize);
            link = next;
        }
        true
    }
}

/// The English content words and which of them the German supports so far.
struct Support {
    /// Per English token: counted and not yet supported.
    open: Vec<bool>,
    /// How many are open.
    remaining: usize,
}

impl Support {
    #[inline]
    fn mark(&mut self, token: usize) {
        if self.open[token] {
            self.open[token] = false;
            self.remaining -= 1;
        }
    }
}

/// Buffers reused from one German word to the next.
#[derive(Default)]
struct Scratch {
    german: german::Scratch,
    lemma: String,
    joined: String,
    keys: Vec<&'static str>,
    /// A translation's words, each with whether it is a function word.
    words: Vec<(&'static str, bool)>,
}

/// Adds to `keys` each particle + key that is itself a key: with "zurück" standing alone in
/// the sentence, "gab" (geben) is also "zurückgeben". A key added for one particle may take
/// the next one too, as in the prototype.
fn join_particles(particles: &[&str], keys: &mut Vec<&'static str>, joined: &mut String) {
    for particle in particles {
        for at in 0..keys.len() {
            joined.clear();
            joined.push_str(particle);
            joined.push_str(keys[at]);
            if let Some((key, _)) = german::key(joined) {
                if !keys.contains(&key) {
                    keys.push(key);
                }
            }
        }
    }
}

/// Goes through every translation of every key: marks each English word that a translated
/// word meets as supported, and says whether all words of some translation are in the English
/// (its content words, or all of them if it has none), which covers the German word. Stops
/// early once nothing more can change.
fn meet_translations(
    at: usize,
    counted: bool,
    index: &LemmaIndex,
    support: &mut Support,
    pairs: &mut Vec<(u32, u32)>,
    scratch: &mut Scratch,
) -> bool {
    let Scratch { lemma, keys, words, .. } = scratch;
    let mut covered = false;
    for key in keys.iter() {
        for translation in GERMAN[key].translations() {
            words.clear();
            words.extend(phrase_words(translation).map(|word| (word, ENGLISH_FUNCTION_WORDS.contains(word))));
            let has_content = words.iter().any(|(_, function)| !function);
            let mut all_met = !words.is_empty();
            for &(word, function) in words.iter() {
                if has_content && function {
                    continue;
                }
                let mut met = false;
                for_each_lemma(word, lemma, &mut |lemma| {
                    met |= index.tokens_with(lemma, |token| {
                        support.mark(token);
                        pairs.push((at as u32, token as u32));
                    })
                });
                all_met &= met;
            }
            covered |= all_met;
            if (covered || !counted) && support.remaining == 0 {
                return covered;
            }
        }
    }
    covered
}

/// Whether English token `at` renders part of a German compound: it stands next to a word
/// linked to a compound ("premature babies" for "Frühchen"), or is spelt like the compound's
/// last part ("pornography" in "Kinderpornografie").
fn part_of_compound(
    at: usize,
    target_side: &pairing::Side,
    compound: &[bool],
    source: &[Token],
    target: &[Token],
) -> bool {
    let next_to_compound = [at.wrapping_sub(2), at.wrapping_sub(1), at + 1, at + 2]
        .into_iter()
        .filter(|&i| i < target.len())
        .any(|i| target_side.links[i].iter().any(|&german| compound[german as usize]));
    if next_to_compound {
        return true;
    }
    let word = &target[at].lower;
    if letters(word) < 5 {
        return false;
    }
    let spelling = Spelling::new(word, false);
    source.iter().zip(compound).filter(|(_, &compound)| compound).any(|(german, _)| {
        let length = letters(&german.lower);
        german
            .lower
            .char_indices()
            .skip(3)
            .take(length.saturating_sub(7))
            .any(|(start, _)| cognate(&Spelling::new(&german.lower[start..], true), &spelling))
    })
}

/// Links English words to the German compounds whose first part translates them: with a
/// "Wirtschaftsministerium" in the source, "economy" in "Ministry of Economy" has a source,
/// though coverage reads the compound through its head alone.
fn modifier_pairs(
    source: &[Token],
    counted: &[bool],
    index: &LemmaIndex,
    pairs: &mut Vec<(u32, u32)>,
    scratch: &mut Scratch,
) {
    for (at, token) in source.iter().enumerate() {
        if !counted[at] || letters(&token.lower) < 8 {
            continue;
        }
        let Some(modifier) = german::modifier(&token.lower) else { continue };
        for translation in GERMAN[modifier].translations() {
            for word in phrase_words(translation) {
                if ENGLISH_FUNCTION_WORDS.contains(word) {
                    continue;
                }
                for_each_lemma(word, &mut scratch.lemma, &mut |lemma| {
                    index.tokens_with(lemma, |english| pairs.push((at as u32, english as u32)));
                });
            }
        }
    }
}

/// Source coverage and target support of a German sentence and its English translation; see
/// the [module documentation](self).
pub fn coverage(german: &str, english: &str) -> Coverage {
    let source = tokenize(german);
    let target = tokenize(english);
    let index = LemmaIndex::new(&target);

    // The English words counted: a contraction counts as its first part ("Merkel's" →
    // "merkel"), unless it is a negation ("don't", a function word).
    let target_words: Vec<Option<&str>> = target
        .iter()
        .map(|token| {
            let lower = token.lower.as_str();
            let word = if lower.ends_with("n't") { lower } else { lower.split('\'').next().unwrap_or(lower) };
            let counted = !token.is_number && letters(word) >= 3 && !english::is_function_word(word);
            counted.then_some(word)
        })
        .collect();
    let open: Vec<bool> = target_words.iter().map(Option::is_some).collect();
    let target_content_words = open.iter().filter(|&&open| open).count();
    let mut support = Support { open, remaining: target_content_words };

    let source_spellings: Vec<Spelling> = source.iter().map(|token| Spelling::new(&token.lower, true)).collect();
    let target_spellings: Vec<Spelling> = target.iter().map(|token| Spelling::new(&token.lower, false)).collect();
    // A separable prefix standing alone ("gab ... zurück") may join any word's key.
    let particles: Vec<&str> =
        SEPARABLE_PREFIXES.into_iter().filter(|prefix| source.iter().any(|token| token.lower == *prefix)).collect();

    let mut scratch = Scratch::default();
    // (German token, English token) for each word a translation or a spelling links.
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    let mut source_counted = vec![false; source.len()];
    let mut uncovered_at = Vec::new();
    let mut uncovered_source = Vec::new();
    let mut source_content_words = 0;
    for (at, token) in source.iter().enumerate() {
        let word = token.lower.as_str();
        // Numbers have no keys and are not counted.
        scratch.keys.clear();
        let counted = !token.is_number && {
            let function = german::look_up(word, &mut scratch.german, &mut scratch.keys);
            !function && letters(word) >= 3
        };
        if !counted && support.remaining == 0 {
            continue;
        }
        if !scratch.keys.is_empty() {
            join_particles(&particles, &mut scratch.keys, &mut scratch.joined);
        }
        let mut covered = meet_translations(at, counted, &index, &mut support, &mut pairs, &mut scratch);
        let length = letters(word);
        for (prefix, particles) in PREFIX_PARTICLES {
            if word == prefix || word.starts_with(prefix) && length > letters(prefix) + 3 {
                for particle in particles {
                    index.tokens_with(particle, |token| {
                        support.mark(token);
                        pairs.push((at as u32, token as u32));
                    });
                }
            }
        }

        if !counted {
            continue;
        }
        source_content_words += 1;
        source_counted[at] = true;
        if !covered {
            for (english_at, (english, spelling)) in target.iter().zip(&target_spellings).enumerate() {
                if letters(&english.lower) >= 3 && cognate(&source_spellings[at], spelling) {
                    covered = true;
                    pairs.push((at as u32, english_at as u32));
                }
            }
        }
        if !covered {
            uncovered_at.push(at);
            uncovered_source.push(token.span.clone());
        }
    }

    // English words no translation met may still be names or cognates of a German word.
    let mut unsupported_target = Vec::new();
    let mut unsupported_at = Vec::new();
    for (english_at, ((token, word), open)) in target.iter().zip(&target_words).zip(&support.open).enumerate() {
        let Some(word) = word.filter(|_| *open) else { continue };
        let spelling = Spelling::new(word, false);
        let cognate_at = source
            .iter()
            .zip(&source_spellings)
            .position(|(german, german_spelling)| letters(&german.lower) >= 3 && cognate(german_spelling, &spelling));
        if let Some(german_at) = cognate_at {
            pairs.push((german_at as u32, english_at as u32));
        } else {
            unsupported_at.push(english_at);
            // The counted word is the token up to any apostrophe ('’' included).
            let raw = &english[token.span.clone()];
            let end =
                if word.len() == token.lower.len() { raw.len() } else { raw.find(['\'', '’']).unwrap_or(raw.len()) };
            unsupported_target.push(token.span.start..token.span.start + end);
        }
    }
    // Leftover words of either side may translate each other (a gap in the lexicon); what
    // stays unpaired is omitted or added. Only worth working out when something is left over.
    let (mut unpaired_source, mut unpaired_target) = (Vec::new(), Vec::new());
    if !uncovered_at.is_empty() || !unsupported_at.is_empty() {
        if !unsupported_at.is_empty() {
            modifier_pairs(&source, &source_counted, &index, &mut pairs, &mut scratch);
        }
        let target_counted: Vec<bool> = target_words.iter().map(Option::is_some).collect();
        let mut source_side = pairing::Side::new(&source, &source_counted);
        let mut target_side = pairing::Side::new(&target, &target_counted);
        pairing::link(&mut source_side, &mut target_side, &pairs);
        unpaired_source = pairing::unpaired(&source_side, &uncovered_at, &unsupported_at, false)
            .into_iter()
            .map(|at| uncovered_source[at].clone())
            .collect();
        let compound: Vec<bool> = source
            .iter()
            .map(|token| letters(&token.lower) >= 10 || german[..token.span.start].ends_with('-'))
            .collect();
        // A separable verb whose particle stands apart ("macht ... aus") is often idiomatic, and
        // its sense missing from the lexicon ("accounts for"): it may stand for any English verb.
        let separable = !particles.is_empty();
        let leftover: Vec<usize> = unsupported_at
            .iter()
            .map(|&at| {
                let explained = part_of_compound(at, &target_side, &compound, &source, &target)
                    || separable && ENGLISH_VERB_FORMS.contains(target[at].lower.as_str());
                if explained {
                    usize::MAX
                } else {
                    at
                }
            })
            .collect();
        // German verbs move (to the end, to second place), so an uncovered one may stand for an
        // English word anywhere: with an uncovered German word in lower case (a verb, adjective
        // or adverb, nouns being capitalised), no English word is taken as added.
        let movable = uncovered_at.iter().any(|&at| german[source[at].span.clone()].starts_with(char::is_lowercase));
        if !movable {
            unpaired_target = pairing::unpaired(&target_side, &leftover, &uncovered_at, true)
                .into_iter()
                .map(|at| unsupported_target[at].clone())
                .collect();
        }
    }

    let share = |part: usize, whole: usize| if whole == 0 { 1.0 } else { part as f64 / whole as f64 };
    Coverage {
        source_coverage: share(source_content_words - uncovered_source.len(), source_content_words),
        target_support: share(target_content_words - unsupported_target.len(), target_content_words),
        source_content_words,
        target_content_words,
        uncovered_source,
        unsupported_target,
        unpaired_source,
        unpaired_target,
    }
}

/// Whether the German–English lexicon translates a lower-case German word, or reads it as a
/// compound of two words it translates: a common noun left untranslated rather than a name.
pub fn translates_german_word(word: &str) -> bool {
    german::translates_as_word_or_compound(word)
}

/// Whether the German–English lexicon has `word` (lower case) itself as a key, with a translation
/// other than itself: a listed German word, not a compound or a form read from one.
pub fn lists_german_word(word: &str) -> bool {
    german::key(word).is_some_and(|(_, entry)| entry.translations().any(|t| !t.eq_ignore_ascii_case(word)))
}

/// Whether the German–English lexicon has `word` (lower case) or a noun stem of it as a key,
/// whatever its translation: a part a German compound may be built from ("park", "ausweis").
pub fn knows_german_part(word: &str) -> bool {
    german::knows_part(word, false)
}

/// Whether the German–English lexicon has `word` (lower case) or a noun stem of it as a noun or
/// adjective: a part that may end a German compound ("ausweis", not the verb "tappen").
pub fn knows_german_noun(word: &str) -> bool {
    german::knows_part(word, true)
}

/// Adds the English words of the German–English lexicon's translations of a lower-case German
/// word (any form of it) to `into`: "Pfalz" gives "palatinate".
pub fn translation_words(german_word: &str, into: &mut impl Extend<&'static str>) {
    german::translation_words(german_word, into)
}

/// Loads the lexicon now rather than on the first call, so that start-up cost is paid before
/// anything is timed.
pub fn preload() {
    lexicon::preload();
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words of `text` at `spans`, each checked to lie on character boundaries.
    #[track_caller]
    fn words<'a>(text: &'a str, spans: &[Range<usize>]) -> Vec<&'a str> {
        spans
            .iter()
            .map(|span| text.get(span.clone()).unwrap_or_else(|| panic!("{span:?} is not on char boundaries")))
            .collect()
    }

    #[track_caller]
    fn assert_faithful(german: &str, english: &str) {
        let result = coverage(german, english);
        assert!(
            result.source_coverage == 1.0 && result.target_support == 1.0,
            "{german} / {english}: {result:?}\nuncovered {:?}, unsupported {:?}",
            words(german, &result.uncovered_source),
            words(english, &result.unsupported_target),
        );
    }

    #[track_caller]
    fn assert_unrelated(german: &str, english: &str) {
        let result = coverage(german, english);
        assert!(result.source_coverage <= 0.1 && result.target_support <= 0.1, "{german} / {english}: {result:?}");
        assert_eq!(result.uncovered_source.len(), result.source_content_words);
        words(german, &result.uncovered_source);
        words(english, &result.unsupported_target);
    }

    #[test]
    fn listed_words_are_keys_not_compounds_or_names() {
        assert!(lists_german_word("feuerwehr") && lists_german_word("fleisch"));
        // A compound of two known words, and a name translated only as itself.
        assert!(translates_german_word("bauernverband") && !lists_german_word("bauernverband"));
        assert!(!lists_german_word("paris") && !lists_german_word("lahnstein"));
    }

    #[test]
    fn inflected_words_meet_their_translations() {
        let result = coverage(
            "Die Regierung hat gestern neue Gesetze beschlossen.",
            "The government passed new laws yesterday.",
        );
        // Regierung, gestern, neue, Gesetze, beschlossen; government, passed, new, laws, yesterday.
        assert_eq!((result.source_content_words, result.target_content_words), (5, 5));
        assert_faithful(
            "Die Regierung hat gestern neue Gesetze beschlossen.",
            "The government passed new laws yesterday.",
        );
        assert_faithful("Die Kinder spielten im Garten.", "The children played in the garden.");
    }

    #[test]
    fn compounds_are_read_through_their_head() {
        assert_faithful("Die Bundesregierung lobte das Zimmermädchen.", "The government praised the maid.");
        assert_faithful("Das Zimmermädchen räumte das Hotelzimmer auf.", "The maid tidied up the hotel room.");
    }

    #[test]
    fn separable_verbs_join_their_particle() {
        assert_faithful("Er gab das Buch gestern zurück.", "He gave the book back yesterday.");
        assert_faithful("Ich rufe dich morgen an.", "I will call you tomorrow.");
        assert_faithful("Sie kauft am Samstag im Supermarkt ein.", "She goes shopping at the supermarket on Saturday.");
        assert_faithful("Sie gab nie auf.", "She never gave up.");
    }

    #[test]
    fn cognates_names_and_numbers() {
        assert_faithful("Der Präsident schlief im Hotel.", "The president slept in the hotel.");
        assert_faithful("Der Minister traf den Präsidenten in Berlin.", "The minister met the president in Berlin.");
        assert_faithful("Olaf Scholz traf Emmanuel Macron in Brüssel.", "Olaf Scholz met Emmanuel Macron in Brussels.");
        // Numbers are not counted, however they are written.
        let result =
            coverage("Die Temperatur stieg 2022 auf 40,5 Grad.", "In 2022 the temperature rose to 40.5 degrees.");
        assert_eq!((result.source_content_words, result.target_content_words), (3, 3));
        assert_faithful("Die Temperatur stieg 2022 auf 40,5 Grad.", "In 2022 the temperature rose to 40.5 degrees.");
    }

    #[test]
    fn a_free_translation_scores_well_but_short_of_one() {
        let result =
            coverage("Wegen des starken Regens fiel das Spiel aus.", "The match was called off because of heavy rain.");
        assert!(result.source_coverage >= 0.7 && result.target_support >= 0.7, "{result:?}");
        assert!(result.source_coverage < 1.0 && result.target_support < 1.0, "{result:?}");
    }

    #[test]
    fn unrelated_pairs_score_near_zero() {
        assert_unrelated(
            "Der Bürgermeister eröffnete die neue Brücke.",
            "My cat likes to sleep on the warm sofa all afternoon.",
        );
        assert_unrelated("Die Kinder spielten im Garten.", "Stock markets fell sharply after the announcement.");
        assert_unrelated("Gestern regnete es in Hamburg den ganzen Tag.", "The company’s profits doubled last year.");
    }

    #[test]
    fn a_dropped_clause_is_reported() {
        let german = "Der Bürgermeister eröffnete die neue Brücke, obwohl es stark regnete.";
        let result = coverage(german, "The mayor opened the new bridge.");
        assert_eq!(words(german, &result.uncovered_source), ["stark", "regnete"]);
        assert!((result.source_coverage - 4.0 / 6.0).abs() < 1e-9, "{result:?}");
        assert_eq!(result.target_support, 1.0);
    }

    #[test]
    fn an_addition_is_reported_and_a_contraction_spans_its_first_part() {
        let english = "The new bridge of the mayor opened, and Merkel’s dog barked.";
        let result = coverage("Die neue Brücke des Bürgermeisters wurde eröffnet.", english);
        assert_eq!(result.source_coverage, 1.0);
        assert_eq!(words(english, &result.unsupported_target), ["Merkel", "dog", "barked"]);
        assert!((result.target_support - 4.0 / 7.0).abs() < 1e-9, "{result:?}");
    }

    #[test]
    fn an_added_word_stays_unpaired_and_a_dictionary_gap_does_not() {
        let german = "Die Zuschauer warteten vor dem Stadion auf den Beginn des Spiels.";
        let english = "The spectators waited nervously in front of the stadium for the start of the game.";
        let result = coverage(german, english);
        assert_eq!(words(english, &result.unpaired_target), ["nervously"]);
        assert!(result.unpaired_source.is_empty(), "{result:?}");
        // A compound's first part accounts for an English word of its own.
        let german = "Das Wirtschaftsministerium kündigte am Montag neue Hilfen an.";
        let english = "The Ministry of Economy announced new aid on Monday.";
        assert!(coverage(german, english).unpaired_target.is_empty(), "{:?}", coverage(german, english));
    }

    #[test]
    fn a_dropped_noun_stays_unpaired() {
        let german = "Die Polizei sperrte am Abend die Straße für mehrere Stunden.";
        let result = coverage(german, "In the evening the police closed the for several hours.");
        assert_eq!(words(german, &result.unpaired_source), ["Straße"]);
        assert!(result.unpaired_target.is_empty(), "{result:?}");
    }

    #[test]
    fn sentences_without_content_words_score_one() {
        let empty = coverage("", "");
        assert_eq!((empty.source_coverage, empty.target_support), (1.0, 1.0));
        assert_eq!((empty.source_content_words, empty.target_content_words), (0, 0));
        assert_faithful("Es ist nicht so.", "It is not so.");
        assert_faithful("2022", "2022");
    }
}
