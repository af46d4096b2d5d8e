//! # untranslated-word
//!
//! ## What it does
//! Flags German words left in English text: "The Bürgermeister opened the fair", "the vote
//! takes place on Freitag", "the Feuerwehr was on site", "could nicht be met". Neighbouring
//! German words are flagged together as one span.
//!
//! Three signals are combined:
//! - a German lexicon (`data/lexicon/german_words.txt`, 60,000 frequent German words that are
//!   not English words);
//! - orthography: German compounds of two lexicon words ("Bürgermeisterwahl");
//! - whatlang on a run of several German-looking words, which raises the confidence when it
//!   reliably says German.
//!
//! ## Why it signals MT
//! MT leaves words untranslated when it does not know them (rare compounds, regional terms) or
//! when it takes them for names, because German capitalises every noun.
//!
//! ## Example
//! "The Feuerwehr was on site with 20 forces." flags "Feuerwehr".
//!
//! ## Known false positives
//! The second part of an English hyphenated word ("break-ins") is English, and a word the
//! article uses as a name elsewhere ("the Harz mountains") is a name throughout. Names are not
//! untranslated words: particles inside a name ("Ursula von der Leyen") and short
//! quoted titles of works ("the programme “Guten Tag, liebes Glück”") are skipped. A capitalised German word is flagged only after an article,
//! possessive or quantifier, with at most one adjective between ("the Feuerwehr", "many
//! Winzer", "the new Oberbürgermeisterin"), as a weekday or month ("on Freitag"), or as a long compound
//! of two German words ("Bauernverband"). It is skipped when English text also
//! uses it often (Berlin, Müller, Bundesliga: the lexicon marks those), when it names a street,
//! square or landmark ("the Paulskirche", "on Marienplatz"), when it is part of a web or e-mail
//! address ("bahn.de/hamburg-berlin"), when it is a German river ("the Elbe", "the Aller":
//! `german_rivers.txt`), when a run of German words ends in a name the lexicon cannot translate
//! ("the Klinikum rechts der Isar"), when it is a known
//! first name, when it stands next to another capitalised word ("Eintracht Frankfurt", "Bad
//! Tölz"; this also hides "US Präsident Donald Trump"; but a long German noun after an article
//! and before a name is a title or institution: "the Oberbürgermeisterin Sabine Kellner", "the
//! Landgericht Hamburg"), or when English
//! news uses it as a loanword or title (Bundestag, Angst, Spiegel: `german_in_english.txt`).
//! After a determiner, a word of nine letters or more that reads as a compound of two or three
//! German parts, with linking letters between, is German even where the lexicon lacks the whole
//! ("the Landratsamt", "an Anwohnerparkausweis"), unless it ends like a place, an inn or a
//! people's name ("-berg", "-hof", "-er").
//! A capitalised word that the German–English lexicon neither translates nor reads as a
//! compound of two words it translates is taken for a name ("the Lahn", "the Märklin
//! locomotive", "the Commerzbank"), unless it has eight letters or more, does not end in "-er"
//! and follows "a" or "an", which English names rarely take ("an Eigentor"). A common noun's
//! possessive counts as a determiner ("the artist's Nachlass"). Without a determiner, a word
//! of ten letters or more, or one with a German letter, that the lexicon lists itself with a
//! common English word is flagged ("more Kindergeld", "prices for Heizöl"); "-er" words are
//! not, since many German surnames are nouns of trades ("Schröder"). Before an English noun, a capitalised word is flagged only
//! when the lexicon lists it, not only as a compound, with a common English word for it, and it
//! is no place ("the Feuerwehr station"; "the Ahr valley", "the Geisel valley", "the Lahnstein
//! town hall" and "Mallorca hotels" are left alone). Rare surnames that are also German words ("Koch", "Fischer" are English words too and so
//! safe; "Vogel" is not) can be flagged, at a lower confidence when capitalised.
//!
//! ## Options
//! - `enabled` (default true)
//! - `severity` (default "major")

use super::{Declaration, Detector, Flags, Switch};
use crate::analysis::{Doc, Token};
use crate::flag::{Category, Severity};
use crate::lexicon::{shipped, WordList};
use crate::lexicon::{DETERMINERS, ENGLISH_WORDS, FIRST_NAMES, GERMAN_CALENDAR, MONTHS, PLACE_ENDINGS, STREET_ENDINGS};
use std::sync::LazyLock;

pub struct UntranslatedWord;

use crate::lexicon::GERMAN_WORDS;

static LOANWORDS: LazyLock<WordList> =
    LazyLock::new(|| WordList::from_file(shipped!("data/lexicon/german_in_english.txt")));

/// Rivers English names in their German form ("the Elbe", "the Aller").
static RIVERS: LazyLock<WordList> = LazyLock::new(|| WordList::from_file(shipped!("data/lexicon/german_rivers.txt")));

/// A German day or month name that is not also an English word ("Freitag", "März", not
/// "August"): never a name, so a capitalised one is German.
fn is_german_only_date_word(lower: &str) -> bool {
    GERMAN_CALENDAR.contains(lower) && !MONTHS.contains(lower) && !ENGLISH_WORDS.contains(lower)
}

/// How German a token looks, as a confidence, or None.
pub(crate) fn german_confidence(doc: &Doc, tokens: &[Token], index: usize, in_run: bool) -> Option<f32> {
    let token = &tokens[index];
    if token.lex.english_word() || !token.has_letter {
        return None; // The commonest cases, English words and numbers, are bit tests.
    }
    let word = doc.word(token);
    // Most words are ASCII: then bytes are characters, and no "ß" or umlaut needs looking for.
    let ascii = word.is_ascii();
    let characters = if ascii { word.len() } else { word.chars().count() };
    if characters < 3 || word.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    if characters <= 5 && GERMAN_NOUN_ACRONYMS.contains(&doc.lower(token)) {
        return Some(0.8); // "in a PKW", "two Lkw": German abbreviations of common nouns.
    }
    // The lexicon is case-folded the way wordfreq folds it: "ß" is stored as "ss".
    let folded;
    let folded_for_lexicon = !ascii && word.contains('ß');
    let lower: &str = if folded_for_lexicon {
        folded = doc.lower(token).replace('ß', "ss");
        &folded
    } else {
        doc.lower(token)
    };
    let umlaut = !ascii && word.contains(['ä', 'ö', 'ü', 'ß', 'Ä', 'Ö', 'Ü']);
    // The token's word-list entry already says, unless "ß" had to be folded first.
    let listed = if folded_for_lexicon { GERMAN_WORDS.get(lower).copied() } else { token.lex.german_word() };
    // A capitalised plural or case form of a listed German noun ("Deiche", "Schöffen"): the
    // word list holds the singular.
    // Longer words are judged as compounds below.
    let known =
        listed.or_else(|| (token.capitalized && characters < 10).then(|| inflected_german_noun(lower)).flatten());
    // A capitalised word after a determiner that no list holds but the German–English lexicon
    // translates, whole or inflected ("the Deiche", "two Schöffen"): a German common noun. Only
    // decided where a determiner stands before it, since most such words are names.
    let known = known.or_else(|| {
        // Not a word in "-s": German plurals rarely end so, English ones do ("the Berliners").
        let determined =
            token.capitalized && !lower.ends_with('s') && index > 0 && determiner_before(doc, tokens, index);
        // Longer words are judged as compounds below; words English uses ("Vietnam", "Frankfurt")
        // are names.
        let short = (5..10).contains(&characters);
        (determined
            && short
            && crate::language_model::MODEL.id(lower).is_none()
            && crate::adequacy::translates_german_word(lower))
        .then_some(false)
    });
    // Words that no rule below can take for German, decided before any lookup: most tokens
    // that get this far are names. Such words are not German (below) whatever the lookups say.
    let ruled_out = if token.capitalized {
        let letters = if folded_for_lexicon { lower.chars().count() } else { characters };
        known.is_none() && letters < 10 && !is_german_only_date_word(lower)
    } else {
        known.is_none() && !umlaut
    };
    if ruled_out {
        return None;
    }
    // An English agent noun the word list lacks: "tourer", "tourers" (an English verb and "-er").
    if !token.capitalized && english_agent_noun(lower) {
        return None;
    }
    // The second part of an English hyphenated word is English: "break-ins", "sit-ins".
    if let Some(previous) = index.checked_sub(1).map(|i| &tokens[i]) {
        let hyphen_joined = &doc.text[previous.span.end..token.span.start] == "-";
        if hyphen_joined && (previous.lex.english_word() || previous.lex.english_function()) {
            return None;
        }
    }
    // Unless "ß" was folded, the token's entry has already said it is not an English word.
    if folded_for_lexicon && ENGLISH_WORDS.contains(lower) || LOANWORDS.contains(lower) {
        return None;
    }
    if token.capitalized {
        if RIVERS.contains(lower) {
            return None; // "the Elbe rose", "a bridge over the Aller".
        }
        if is_german_only_date_word(lower) {
            return Some(0.9); // "on Freitag", "in März": never a name.
        }
        if FIRST_NAMES.contains_key(word)
            || known == Some(true)
            || word.chars().filter(|c| c.is_uppercase()).count() > 1
        {
            return None;
        }
        if in_run && known.is_some() {
            return Some(0.7); // Continues German words before it: "mit freundlichen Grüßen".
        }
        // Part of a multi-word name: "Eintracht Frankfurt", "Bad Tölz". A capitalised function
        // word at the start of the sentence ("The") does not count as a neighbour.
        let capitalised_neighbour = |i: Option<usize>| {
            i.and_then(|i| tokens.get(i).map(|t| (i, t))).is_some_and(|(i, t)| {
                let opener = |w: &str| {
                    crate::lexicon::ENGLISH_FUNCTION_WORDS.contains(w)
                        || DETERMINERS.contains(w)
                        || QUANTIFIERS.contains(&w)
                };
                t.capitalized && !(i == 0 && (opener(doc.word(t)) || opener(doc.lower(t))))
            })
        };
        // German capitalises every noun, so a capitalised German word is only taken for a common
        // noun where English grammar treats it as one: after an article or possessive, and not
        // as a modifier of an English noun ("the Ahr valley").
        // "the Feuerwehr", "many Winzer", "the new Oberbürgermeisterin".
        let after_determiner = index > 0 && determiner_before(doc, tokens, index);
        // A long German noun the lexicon translates, after an article and before a name, is a
        // title or an institution left in German ("the Oberbürgermeisterin Sabine Kellner", "at
        // the Landgericht Hamburg"), not part of the name.
        // Before a place, only an authority counts: venues and firms keep German names in
        // English ("the Schauspiel Köln"), courts and offices are translated.
        let before_person_or_authority = tokens.get(index + 1).is_some_and(|next| {
            FIRST_NAMES.contains_key(doc.word(next)) || AUTHORITY_HEADS.iter().any(|head| lower.ends_with(head))
        });
        let title_before_name = after_determiner
            && known == Some(false)
            && characters >= TITLE_MIN_LETTERS
            && capitalised_neighbour(Some(index + 1))
            && before_person_or_authority
            && !capitalised_neighbour(index.checked_sub(1))
            && !is_place_name(lower)
            && crate::adequacy::translates_german_word(lower);
        if title_before_name {
            return Some(0.7);
        }
        if capitalised_neighbour(index.checked_sub(1)) || capitalised_neighbour(Some(index + 1)) {
            return None;
        }
        // The next word's entry answers what the lists would: an English noun or adjective.
        let next = tokens.get(index + 1).filter(|t| !t.capitalized);
        // Prepositions the function-word list lacks are no nouns ("the Deiche along the Inn").
        let modifier = next.is_some_and(|n| {
            n.lex.english_word()
                && n.lex.verb().is_none()
                && !n.lex.english_function()
                && !LESS_COMMON_PREPOSITIONS.contains(&doc.lower(n))
        });
        if used_as_a_name_elsewhere(doc, token) {
            return None;
        }
        // Before an English noun a capitalised word is mostly a name used as a modifier ("the
        // Ahr valley"), but a German common noun the lexicon translates is still German: "her
        // third Weltcup victory", "the Feuerwehr station".
        if modifier {
            let before_landform = next.is_some_and(|n| LANDFORMS.contains(&doc.lower(n)));
            let translated_noun = after_determiner
                && known == Some(false)
                && characters >= 6
                && !before_landform
                && !is_place_name(lower)
                && translates_to_common_word(lower);
            return translated_noun.then_some(0.6);
        }
        // English gives a name an indefinite article only for brands and works ("a Porsche"),
        // which English uses too, and never to a landmark: a long listed German word after "a"
        // or "an" is a common noun even where the lexicon cannot translate it ("an Eigentor").
        // Short words are as often towns ("an Amberg"), and "-er" makes people of towns ("an
        // Amberger"), which English may keep.
        let after_indefinite_article = index > 0 && ["a", "an"].contains(&doc.lower(&tokens[index - 1]));
        if known == Some(false) && after_indefinite_article && characters >= 8 && !lower.ends_with("er") {
            return Some(0.6);
        }
        // A capitalised word the German–English lexicon cannot translate, whole or as a compound
        // of two words it translates, is a name ("the Lahn", "the Commerzbank"), whatever the
        // German word list says.
        let common_noun = || crate::adequacy::translates_german_word(doc.lower(token));
        if is_place_name(lower) {
            return None; // "the Paulskirche", "on Marienplatz": English keeps these names.
        }
        // Without a determiner ("in Kurzarbeit", "prices for Heizöl") most capitalised words
        // are names; a long word or one with a German letter that the lexicon lists itself with
        // a common English word is not. "-er" words are left out: many German surnames are
        // nouns of trades ("Schröder", "Gärtner").
        let bare_common_noun =
            || (characters >= 10 || umlaut) && !lower.ends_with("er") && translates_to_common_word(lower);
        // After a determiner, a long word built of two or three German parts is a German
        // common noun even where the lexicon cannot translate the whole: "an
        // Anwohnerparkausweis", "the Landratsamt", "a Zeitstrafe".
        let determined_compound = || {
            after_determiner
                && characters >= COMPOUND_MIN_LETTERS
                && crate::language_model::MODEL.id(lower).is_none()
                && reads_as_german_compound(lower)
        };
        return match known {
            Some(_) if after_determiner && common_noun() => Some(if umlaut { 0.8 } else { 0.7 }),
            Some(false) if bare_common_noun() => Some(0.6),
            Some(false) if determined_compound() => Some(0.6),
            None if lower.chars().count() >= 10 && is_compound(lower) && common_noun() => Some(0.6),
            None if determined_compound() => Some(0.6),
            _ => None,
        };
    }
    match known {
        Some(_) => Some(if umlaut { 0.9 } else { 0.8 }),
        None if umlaut && is_compound(lower) => Some(0.6),
        None => None,
    }
}

/// Nouns of landscape after which a capitalised word names a place ("the Geisel valley").
const LANDFORMS: [&str; 14] = [
    "valley",
    "river",
    "mountains",
    "mountain",
    "lake",
    "region",
    "area",
    "district",
    "basin",
    "forest",
    "island",
    "coast",
    "hills",
    "plain",
];

/// Whether the German–English lexicon lists `lower` itself and translates it with a common
/// English word ("Feuerwehr": "fire brigade"), not only with a name ("Mallorca": "Majorca").
/// Compounds it can only split are mostly names ("Lahnstein", "Postbank").
fn translates_to_common_word(lower: &str) -> bool {
    if !crate::adequacy::lists_german_word(lower) {
        return false;
    }
    let mut english: Vec<&str> = Vec::new();
    crate::adequacy::translation_words(lower, &mut english);
    english.iter().any(|word| ENGLISH_WORDS.contains(word))
}

/// German abbreviations and short forms of common nouns that English has words for ("Pkw", car;
/// "Lkw", truck; "Kita", day care; "Kripo", criminal police; "Azubi", trainee), never names.
const GERMAN_NOUN_ACRONYMS: [&str; 8] = ["pkw", "lkw", "kfz", "öpnv", "mwst", "kita", "kripo", "azubi"];

/// Heads of German names of courts and public offices, which English translates ("the
/// Landgericht Hamburg" is "the Hamburg Regional Court").
const AUTHORITY_HEADS: [&str; 8] =
    ["gericht", "amt", "behörde", "ministerium", "präsidium", "anwaltschaft", "verwaltung", "direktion"];

/// The fewest letters of a German title or institution that is flagged before a name: shorter
/// nouns ("Graf", "Kaiser") are parts of names as often.
const TITLE_MIN_LETTERS: usize = 8;

/// An English verb with the agent ending "-er" or "-ers" ("tourer", "streamers"): English,
/// though the word list may lack it.
fn english_agent_noun(lower: &str) -> bool {
    let stem = lower.strip_suffix("ers").or_else(|| lower.strip_suffix("er"));
    stem.is_some_and(|stem| stem.len() >= 3 && crate::lexicon::verb_forms(stem).is_some_and(|f| f.base))
}

/// Whether the article uses the same capitalised word elsewhere as a name: before an English
/// noun ("the Harz mountains") or beside another capitalised word ("Harz National Park"). A
/// name is a name throughout the article ("in the Harz at these altitudes").
fn used_as_a_name_elsewhere(doc: &Doc, token: &Token) -> bool {
    let lower = doc.lower(token);
    doc.tokens.iter().enumerate().any(|(at, other)| {
        if !other.capitalized || other.key != token.key || other.span == token.span || doc.lower(other) != lower {
            return false;
        }
        let next = doc.tokens.get(at + 1).filter(|n| doc.gap(other, n) == " ");
        // After a first name or another name word ("the neurologist Andrea Seiler"), not after
        // the capitalised first word of a sentence.
        let previous = at.checked_sub(1).map(|p| &doc.tokens[p]).filter(|p| doc.gap(p, other) == " ");
        let after_a_name = previous.is_some_and(|p| {
            p.capitalized
                && !p.lex.english_function()
                && (FIRST_NAMES.contains_key(doc.word(p)) || !p.lex.english_word())
        });
        after_a_name
            || next.is_some_and(|n| {
                n.capitalized || n.lex.english_word() && n.lex.verb().is_none() && !n.lex.english_function()
            })
    })
}

/// Whether a run of several German words, capitalised at its start, ends in a name that the
/// lexicon does not translate, or runs into one: the name of an institution or place ("the
/// Klinikum rechts der Isar", a hospital named after its river bank).
fn ends_in_a_name(doc: &Doc, tokens: &[Token], run: std::ops::Range<usize>) -> bool {
    let name = |t: &Token| {
        t.capitalized && (RIVERS.contains(doc.lower(t)) || !crate::adequacy::translates_german_word(doc.lower(t)))
    };
    let (first, last) = (&tokens[run.start], &tokens[run.end - 1]);
    // The name may close the run or follow it ("rechts der" before "Isar", which is no German word).
    let next = tokens.get(run.end).filter(|next| doc.gap(last, next) == " ");
    run.len() >= 2 && first.capitalized && (name(last) || next.is_some_and(name))
}

/// Whether the span lies in a web or e-mail address ("bahn.de/hamburg-berlin",
/// "info@stadtwerke-muenchen.de"): its words are a site's, not the translation's.
fn in_web_address(doc: &Doc, span: &std::ops::Range<usize>) -> bool {
    let start = doc.text[..span.start]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(at, c)| at + c.len_utf8());
    let end = doc.text[span.end..].find(char::is_whitespace).map_or(doc.text.len(), |at| span.end + at);
    let chunk = &doc.text[start..end];
    chunk.contains(['/', '@']) || chunk.starts_with("www.")
}

/// Quantifiers that make the capitalised word after them a common noun, like an article.
const QUANTIFIERS: [&str; 9] = ["many", "several", "some", "most", "few", "both", "numerous", "countless", "various"];

/// Prepositions that the English function-word list does not hold.
const LESS_COMMON_PREPOSITIONS: [&str; 22] = [
    "along",
    "across",
    "within",
    "without",
    "towards",
    "toward",
    "upon",
    "onto",
    "beside",
    "besides",
    "beyond",
    "despite",
    "except",
    "inside",
    "outside",
    "throughout",
    "via",
    "amid",
    "among",
    "behind",
    "below",
    "near",
];

/// Numerals, which stand before a counted noun as a determiner does ("two Schöffen").
const NUMERALS: [&str; 11] =
    ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "dozens"];

/// Whether a determiner, quantifier or numeral stands right before the token, perhaps with one
/// lower-case adjective between ("the Deiche", "two Schöffen", "the new Oberbürgermeisterin").
fn determiner_before(doc: &Doc, tokens: &[Token], index: usize) -> bool {
    let determiner = |t: &Token| {
        let w = doc.lower(t);
        DETERMINERS.contains(w)
            || QUANTIFIERS.contains(&w)
            || NUMERALS.contains(&w)
            || w.bytes().all(|b| b.is_ascii_digit())
    };
    // "the artist's Nachlass": a common noun's possessive determines the noun after it.
    let possessive = |t: &Token| !t.capitalized && (doc.word(t).ends_with("'s") || doc.word(t).ends_with("’s"));
    determiner(&tokens[index - 1])
        || possessive(&tokens[index - 1])
        || index >= 2
            && tokens[index - 1].lex.adjective()
            && !tokens[index - 1].capitalized
            && determiner(&tokens[index - 2])
}

/// German plural and case endings of nouns, longest first.
/// Not "-s": German takes it for loanwords that English shares ("Hotels"), and English for its
/// own plurals ("Berliners").
const GERMAN_NOUN_ENDINGS: [&str; 4] = ["en", "er", "e", "n"];

/// The word list's entry for a German noun's singular when the word is one of its plural or
/// case forms that the list lacks ("deiche" → "deich", "schöffen" → "schöffe"): only a German
/// common word counts, and the stem needs four letters.
fn inflected_german_noun(lower: &str) -> Option<bool> {
    GERMAN_NOUN_ENDINGS.iter().find_map(|ending| {
        let stem = lower.strip_suffix(ending)?;
        (stem.chars().count() >= 4 && GERMAN_WORDS.get(stem) == Some(&false)).then_some(false)
    })
}

/// Whether a compound is the name of a street, square or landmark: "Friedrichstraße",
/// "Marienplatz", "Frauenkirche" (not the bare "Kirche" or "Platz").
fn is_place_name(lower: &str) -> bool {
    STREET_ENDINGS.iter().any(|ending| lower.len() >= ending.len() + 3 && lower.ends_with(ending))
}

/// The fewest letters of a capitalised word read as a German compound after a determiner.
const COMPOUND_MIN_LETTERS: usize = 9;

/// Linking elements German puts between the parts of a compound ("Landrat-s-amt",
/// "Straße-n-bahn").
const COMPOUND_LINKS: [&str; 4] = ["s", "n", "en", "es"];

/// Whether `lower` reads as a German compound of two or three parts that the German word list
/// or the German–English lexicon knows, perhaps with linking elements between, at least one of
/// them German only (not an English word too): "anwohnerparkausweis" (anwohner, park, ausweis),
/// "landratsamt" (landrat, s, amt), "zeitstrafe" (zeit, strafe). Parts have four letters or
/// more, and the last is a noun or an authority ("amt"). Words that end like names of places,
/// regions or people are not read.
fn reads_as_german_compound(lower: &str) -> bool {
    let name_ending = NAME_ENDINGS.iter().copied().chain(PLACE_ENDINGS.iter()).any(|ending| lower.ends_with(ending));
    !name_ending && compound_rest(lower, 3, false)
}

/// Endings of names that are compounds of common words: regions ("Münsterland", "Uckermark"),
/// ports, passes and bridges ("Friedrichshafen", "Fürstenfeldbruck"), railways ("Reichsbahn"),
/// farms and inns ("Lindenhof"), and people of towns ("Rosenheimer"), beside the places of
/// `german_place_endings.txt`.
const NAME_ENDINGS: [&str; 12] =
    ["er", "hof", "land", "mark", "gau", "hafen", "stein", "bruck", "pass", "bahn", "wald", "see"];

/// Whether `rest` is the last `parts_left` parts of a compound, `german_seen` saying whether a
/// part before was German only.
fn compound_rest(rest: &str, parts_left: usize, german_seen: bool) -> bool {
    let german_only = |part: &str| GERMAN_WORDS.get(part) == Some(&false) || part.contains(['ä', 'ö', 'ü', 'ß']);
    let known = |part: &str| GERMAN_WORDS.contains_key(part) || crate::adequacy::knows_german_part(part);
    let letters = rest.chars().count();
    // The last part is a noun: "Verstappen" is not "vers" and the verb "tappen".
    let last_part = letters >= 4 && crate::adequacy::knows_german_noun(rest) || AUTHORITY_HEADS.contains(&rest);
    if (german_seen || german_only(rest)) && last_part {
        return true;
    }
    if parts_left < 2 || letters < 7 {
        return false;
    }
    rest.char_indices().skip(4).take(letters.saturating_sub(6)).any(|(split, _)| {
        let (head, tail) = rest.split_at(split);
        let unlinked = COMPOUND_LINKS.iter().filter_map(|link| head.strip_suffix(link));
        std::iter::once(head)
            .chain(unlinked)
            .filter(|h| h.chars().count() >= 4)
            .any(|head| known(head) && compound_rest(tail, parts_left - 1, german_seen || german_only(head)))
    })
}

/// A German compound of two lexicon words of at least four letters each ("bürgermeisterwahl"),
/// other than a street name.
fn is_compound(lower: &str) -> bool {
    if is_place_name(lower) {
        return false;
    }
    let boundaries: Vec<usize> = lower.char_indices().map(|(i, _)| i).collect();
    boundaries.iter().skip(4).take(boundaries.len().saturating_sub(8)).any(|&split| {
        let (head, tail) = lower.split_at(split);
        let tail = tail.strip_prefix('s').filter(|t| GERMAN_WORDS.contains_key(t)).unwrap_or(tail);
        GERMAN_WORDS.get(head) == Some(&false) && GERMAN_WORDS.get(tail) == Some(&false)
    })
}

impl Detector for UntranslatedWord {
    const DECLARATION: Declaration = Declaration {
        id: "untranslated-word",
        category: Category::Untranslated,
        severity: Severity::Major,
        version: 10,
    };
    type Settings = Switch;

    fn configure(_settings: &Switch) -> Self {
        UntranslatedWord
    }

    fn detect(&self, doc: &Doc, flags: &mut Flags) {
        for sentence in 0..doc.sentences.len() {
            if crate::analysis::foreign::is_non_translated(doc, sentence) {
                continue; // The whole sentence is flagged as a non-translation instead.
            }
            let tokens = doc.sentence_tokens(sentence);
            let mut index = 0;
            while index < tokens.len() {
                let Some(first_confidence) = german_confidence(doc, tokens, index, false) else {
                    index += 1;
                    continue;
                };
                // Extend over neighbouring German words separated only by spaces.
                let mut end = index + 1;
                let mut confidence = first_confidence;
                while end < tokens.len() && doc.gap(&tokens[end - 1], &tokens[end]) == " " {
                    let Some(next) = german_confidence(doc, tokens, end, true) else { break };
                    confidence = confidence.max(next);
                    end += 1;
                }
                let span = tokens[index].span.start..tokens[end - 1].span.end;
                let words = end - index;
                if is_name_particle(doc, tokens, index..end)
                    || in_quoted_title(doc, &span)
                    || in_web_address(doc, &span)
                    || ends_in_a_name(doc, tokens, index..end)
                {
                    index = end;
                    continue;
                }
                if words >= 3 {
                    let run = whatlang::detect(doc.slice(&span));
                    if run.is_some_and(|i| i.lang() == whatlang::Lang::Deu && i.is_reliable()) {
                        confidence = confidence.max(0.95);
                    }
                }
                let text = doc.slice(&span);
                flags.flag(
                    span.clone(),
                    confidence,
                    if words == 1 {
                        format!("\"{text}\" is a German word left untranslated in English text.")
                    } else {
                        format!("\"{text}\" is German text left untranslated ({words} words).")
                    },
                );
                index = end;
            }
        }
    }
}

/// Particles that join the parts of a name: "Ursula von der Leyen", "Karl zu Guttenberg".
const NAME_PARTICLES: [&str; 12] = ["von", "van", "der", "den", "zu", "zur", "vom", "de", "di", "da", "ter", "ten"];

/// Whether the run of German-looking words `run` is a name with particles: it opens with
/// lower-case particles right after a capitalised word, and a capitalised word follows them
/// ("Ursula von der Leyen", where the run may take in "Leyen" too).
fn is_name_particle(doc: &Doc, tokens: &[Token], run: std::ops::Range<usize>) -> bool {
    let first = run.start;
    if first == 0 {
        return false;
    }
    let particles = tokens[run].iter().take_while(|t| !t.capitalized && NAME_PARTICLES.contains(&doc.lower(t))).count();
    let after = first + particles;
    // The name goes on before the run: a capitalised word ("Ursula von der Leyen"), or another
    // particle after one ("Mies van der Rohe", where "van" is no German word).
    let before = &tokens[first - 1];
    let name_before = before.capitalized
        || NAME_PARTICLES.contains(&doc.lower(before))
            && first >= 2
            && tokens[first - 2].capitalized
            && doc.gap(&tokens[first - 2], before) == " ";
    particles > 0
        && name_before
        && doc.gap(before, &tokens[first]) == " "
        && tokens.get(after).is_some_and(|t| t.capitalized && doc.gap(&tokens[after - 1], t) == " ")
}

/// Whether `span` lies in a short quotation that reads as the title of a work (a programme, an
/// album, a book, a motto): at most eight words, with no closing punctuation inside, unlike
/// quoted speech. German titles are cited as they are in English news.
fn in_quoted_title(doc: &Doc, span: &std::ops::Range<usize>) -> bool {
    let Some(region) = doc.quotes.region_at(span.start) else { return false };
    let Some(close) = &region.close else { return false };
    let content = region.open.end..close.start;
    if span.end > content.end {
        return false;
    }
    let inner = doc.text[content.clone()].trim_end();
    !inner.ends_with(['.', ',', '!', '?', ';', ':']) && doc.tokens_in(content).len() <= 8
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_no_flags, excerpts};
    use super::*;

    #[test]
    fn a_whole_german_sentence_is_left_to_non_translation() {
        let text = "The council met on Monday. Die Regierung hat den Plan am Montag vorgestellt und will ihn bis zum Sommer beschließen. The vote follows.";
        assert_no_flags::<UntranslatedWord>(text);
    }

    #[test]
    fn flags_german_nouns_after_quantifiers_and_adjectives() {
        assert_eq!(excerpts::<UntranslatedWord>("Many Winzer expect a small harvest this year."), ["Winzer"]);
        assert_eq!(
            excerpts::<UntranslatedWord>("She is the new Oberbürgermeisterin of the town."),
            ["Oberbürgermeisterin"]
        );
        assert_eq!(excerpts::<UntranslatedWord>("The artist's Nachlass is larger than expected."), ["Nachlass"]);
        assert_no_flags::<UntranslatedWord>("Germany's Bundestag met. The city's Marienplatz was full.");
    }

    #[test]
    fn titles_and_institutions_before_a_name_and_noun_abbreviations_are_german() {
        assert_eq!(
            excerpts::<UntranslatedWord>("The Oberbürgermeisterin Sabine Kellner spoke first."),
            ["Oberbürgermeisterin"]
        );
        assert_eq!(excerpts::<UntranslatedWord>("He stands trial at the Landgericht Hamburg."), ["Landgericht"]);
        assert_eq!(excerpts::<UntranslatedWord>("The man was travelling in a PKW at night."), ["PKW"]);
        assert_no_flags::<UntranslatedWord>("The Eintracht Frankfurt coach and the Graf Zeppelin club agreed.");
        assert_no_flags::<UntranslatedWord>("The premiere at the Schauspiel Köln was sold out.");
        assert_no_flags::<UntranslatedWord>("Staff of Deutsche Bahn and the Deutsche Bank met in Frankfurt.");
    }

    #[test]
    fn plural_forms_the_word_list_lacks_and_nouns_after_numerals_are_german() {
        assert_eq!(excerpts::<UntranslatedWord>("They reinforced the Deiche along the river."), ["Deiche"]);
        // An English plural in "-s" and a name the article gives with a first name are not.
        assert_no_flags::<UntranslatedWord>("On Sunday the Berliners travel to Munich.");
        assert_no_flags::<UntranslatedWord>(
            "The neurologist Andrea Seiler led the study. “It works,” said Seiler. According to the Seiler team, it helps.",
        );
    }

    #[test]
    fn flags_german_nouns_weekdays_and_function_words() {
        assert_eq!(excerpts::<UntranslatedWord>("The Feuerwehr was on site with 20 engines."), ["Feuerwehr"]);
        assert_eq!(excerpts::<UntranslatedWord>("The vote takes place on Freitag in the town hall."), ["Freitag"]);
        assert_eq!(excerpts::<UntranslatedWord>("The demands could nicht be met, the ministry said."), ["nicht"]);
        assert_eq!(
            excerpts::<UntranslatedWord>("The letter ended mit freundlichen Grüßen and a signature."),
            ["mit freundlichen Grüßen"]
        );
    }

    #[test]
    fn names_loanwords_and_english_are_fine() {
        assert_no_flags::<UntranslatedWord>("A witness heard noises on Talstrasse at around 3am.");
        assert_no_flags::<UntranslatedWord>("Thomas Müller scored for Bayern in Berlin, the Bundesliga leaders said.");
        assert_no_flags::<UntranslatedWord>(
            "Eintracht Frankfurt beat Werder Bremen. The Bundestag debated the Energiewende.",
        );
        assert_no_flags::<UntranslatedWord>("Angst about the economy grew, the Süddeutsche Zeitung reported.");
        assert_no_flags::<UntranslatedWord>("Police linked two similar break-ins and three sit-ins to the group.");
        assert_no_flags::<UntranslatedWord>("A ski tourer from Bavaria died; two other tourers survived.");
        // A name in one place is a name in the others: "the Harz mountains", "in the Harz".
        assert_no_flags::<UntranslatedWord>("Spruce dies in the Harz mountains. Nothing grows in the Harz any more.");
    }

    #[test]
    fn streets_squares_and_landmarks_are_names_but_the_bare_nouns_are_german() {
        for name in ["Paulskirche", "Frauenkirche", "Marienplatz", "Petersdom", "Holstentor", "Kurfürstendamm"] {
            assert_no_flags::<UntranslatedWord>(&format!("The prize is awarded on Sunday in the {name}."));
        }
        assert_eq!(excerpts::<UntranslatedWord>("The prize is awarded on Sunday in the Kirche."), ["Kirche"]);
        assert_no_flags::<UntranslatedWord>("Timetables are at bahn.de/hamburg-berlin or www.stadtwerke.de today.");
        assert_no_flags::<UntranslatedWord>("Write to buergerbuero@stadt-bremen.de for details.");
        // A multi-byte space before the word (an em space) is still a word boundary.
        assert_no_flags::<UntranslatedWord>("Timetables are at\u{2003}bahn.de/hamburg-berlin today.");
    }

    #[test]
    fn rivers_institutions_named_after_places_and_dutch_particles_are_names() {
        assert_no_flags::<UntranslatedWord>(
            "A bridge over the Aller was closed. In Hamburg, the Elbe rose by a metre.",
        );
        assert_no_flags::<UntranslatedWord>("Staff of the Klinikum rechts der Isar went on strike.");
        assert_no_flags::<UntranslatedWord>(
            "The building by Ludwig Mies van der Rohe reopened. The debate ran on rbb.",
        );
        // A run of German common nouns is still German.
        assert!(!excerpts::<UntranslatedWord>("The mayor thanked the Feuerwehr der Stadt for its work.").is_empty());
        assert_eq!(excerpts::<UntranslatedWord>("The prize is awarded on Sunday by the Feuerwehr."), ["Feuerwehr"]);
    }

    #[test]
    fn compounds_of_german_parts_after_a_determiner_are_german() {
        assert_eq!(excerpts::<UntranslatedWord>("The Ordnungsamt closed the bar on Friday."), ["Ordnungsamt"]);
        assert_eq!(
            excerpts::<UntranslatedWord>("Guests need a Bewohnerparkschein to stay overnight."),
            ["Bewohnerparkschein"]
        );
        assert!(reads_as_german_compound("landratsamt"));
        assert!(!reads_as_german_compound("lindenhof"));
        assert_no_flags::<UntranslatedWord>("The guests stayed at the Lindenhof near Celle, below the Sonnenberg.");
    }

    #[test]
    fn capitalised_words_the_lexicon_cannot_translate_are_names() {
        // Rivers, firms and brands are on the German word list but not in the German–English
        // lexicon, whole or as a compound of words it translates.
        assert_no_flags::<UntranslatedWord>("Cruise ships on the Lahn bring more visitors every year.");
        assert_no_flags::<UntranslatedWord>("Collectors still pay high prices for the Märklin.");
        // Common nouns and compounds of common nouns are still untranslated.
        assert_eq!(excerpts::<UntranslatedWord>("Can I order the Vitrine in another colour?"), ["Vitrine"]);
        assert_eq!(
            excerpts::<UntranslatedWord>("Police shot a robber near the Königspalast on Monday."),
            ["Königspalast"]
        );
        // After "a" or "an" a long German word is no name, even one the lexicon lacks.
        assert_eq!(excerpts::<UntranslatedWord>("Paderborn led after an Eigentor by the defender."), ["Eigentor"]);
        assert_no_flags::<UntranslatedWord>("It was sent in by an Amberger. She grew up in an Amberg suburb.");
        // Without a determiner, a long listed noun or one with a German letter is still German.
        assert_eq!(excerpts::<UntranslatedWord>("Parents receive more Kindergeld from January."), ["Kindergeld"]);
        assert_eq!(excerpts::<UntranslatedWord>("Prices for Heizöl rose sharply."), ["Heizöl"]);
        assert_no_flags::<UntranslatedWord>("The plan was backed by Schröder and by Görlitz.");
    }

    #[test]
    fn name_particles_and_quoted_titles_are_not_untranslated() {
        assert_no_flags::<UntranslatedWord>("Commission President Ursula von der Leyen spoke in Brussels on Monday.");
        assert_no_flags::<UntranslatedWord>("He toured with the programme “Guten Tag, liebes Glück” for two years.");
        // Quoted speech left in German is still flagged.
        assert!(!excerpts::<UntranslatedWord>("The minister said: “Wir werden das nicht zulassen.” Then he left.")
            .is_empty());
        assert_eq!(
            excerpts::<UntranslatedWord>("The decision was made von der Regierung yesterday."),
            ["von der Regierung"]
        );
    }

    #[test]
    fn clean_news_gets_no_flags() {
        assert_no_flags::<UntranslatedWord>(
            "Markus Söder, the premier of Bavaria, visited a kindergarten in Bad Tölz on Monday. He promised \
             more money for childcare and said the state would hire 500 new teachers.",
        );
    }
}
