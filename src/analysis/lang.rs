//! Language identification, gated so that the statistical identifier runs only where needed.
//!
//! whatlang is accurate but slow (a few MB/s per core on single sentences) and calls a few
//! percent of fluent English sentences French or similar, though rarely "reliably". So:
//! - a document whose first words are a quarter English function words, with hardly any German
//!   ones, is English without measuring; any other document's language comes from whatlang on
//!   a bounded sample of the text;
//! - a sentence with enough common English function words (or mostly English dictionary
//!   words, as headlines have, or lower-case words that are nearly all English, as sentences
//!   full of names have) and no German function words or
//!   lower-case words with German letters is taken as English without measuring (`confidence`
//!   is None); one made mostly of capitalised words (a headline, a list of names) inherits the
//!   document language;
//! - a sentence of fewer than [`MIN_WORDS_TO_MEASURE`] words inherits the document language;
//! - in a document whatlang reliably measured as German (an article left untranslated), a
//!   sentence with a German function word or umlaut that does not look English inherits the
//!   document's measurement: measuring each of its sentences cost ten times the whole rest of
//!   the analysis (0.7 MB/s);
//! - every other sentence is measured by whatlang.

use super::segment::Sentence;
use super::tokens::Token;

/// Sentences shorter than this are too short for a trustworthy statistical guess.
pub const MIN_WORDS_TO_MEASURE: usize = 4;
/// At most this many bytes of a document are given to whatlang for the document language.
const DOCUMENT_SAMPLE_BYTES: usize = 240;
/// Share of function words above which a sentence counts as English without measuring.
const ENGLISH_SHARE: f32 = 0.2;
/// Share of English dictionary words above which a sentence counts as English without measuring.
const DICTIONARY_SHARE: f32 = 0.6;
/// The same among the lower-case words, for sentences full of names.
const LOWER_CASE_DICTIONARY_SHARE: f32 = 0.8;

/// A language guess: an ISO 639-3 code such as `eng` or `deu`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LangGuess {
    pub code: Option<&'static str>,
    /// whatlang's confidence in [0, 1]; None when the language was inferred, not measured.
    pub confidence: Option<f32>,
    /// whatlang's own reliability verdict; false when not measured.
    pub reliable: bool,
}

impl LangGuess {
    pub const UNKNOWN: LangGuess = LangGuess { code: None, confidence: None, reliable: false };

    fn inherited(from: &LangGuess) -> LangGuess {
        LangGuess { code: from.code, confidence: None, reliable: false }
    }

    fn measured(text: &str) -> LangGuess {
        match whatlang::detect(text) {
            Some(info) => LangGuess {
                code: Some(info.lang().code()),
                confidence: Some(info.confidence() as f32),
                reliable: info.is_reliable(),
            },
            None => LangGuess::UNKNOWN,
        }
    }

    /// Measured, reliable, and not English.
    pub fn is_reliably_foreign(&self) -> bool {
        self.reliable && self.code.is_some_and(|c| c != "eng")
    }
}

/// Words looked at to decide, without measuring, that a document is English.
const DOCUMENT_WORDS_TO_COUNT: usize = 400;
/// Shares of English and German function words among them that make a document English.
const DOCUMENT_ENGLISH_SHARE: f32 = 0.25;
const DOCUMENT_GERMAN_SHARE: f32 = 0.03;

/// The document's language: English without measuring when at least a quarter of its first
/// words are English function words and hardly any are German ones (nearly every English news
/// article, and whatlang would cost more than all the detectors together); otherwise whatlang
/// on a sample from the middle of the text.
pub fn document_language(text: &str, tokens: &[Token]) -> LangGuess {
    let mut words = 0;
    let mut english = 0;
    let mut german = 0;
    for token in tokens.iter().filter(|t| t.has_letter).take(DOCUMENT_WORDS_TO_COUNT) {
        words += 1;
        if token.lex.english_function() {
            english += 1;
        } else if token.lex.german_function() {
            german += 1;
        }
    }
    if words >= MIN_WORDS_TO_MEASURE
        && english as f32 >= DOCUMENT_ENGLISH_SHARE * words as f32
        && (german as f32) < DOCUMENT_GERMAN_SHARE * words as f32
    {
        return LangGuess { code: Some("eng"), confidence: None, reliable: false };
    }
    measured_sample(text)
}

fn measured_sample(text: &str) -> LangGuess {
    if text.len() <= DOCUMENT_SAMPLE_BYTES {
        return LangGuess::measured(text);
    }
    // Sample from the middle: openings are often headlines, datelines and names.
    let mut start = (text.len() - DOCUMENT_SAMPLE_BYTES) / 2;
    while !text.is_char_boundary(start) {
        start += 1;
    }
    // Never past the end: is_char_boundary is false beyond it, and the loop would not stop.
    let mut end = (start + DOCUMENT_SAMPLE_BYTES).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    LangGuess::measured(&text[start..end])
}

pub fn sentence_language(text: &str, tokens: &[Token], sentence: &Sentence, document: &LangGuess) -> LangGuess {
    let words = tokens.iter().filter(|t| t.has_letter).count();
    if words < MIN_WORDS_TO_MEASURE {
        return LangGuess::inherited(document);
    }
    let mut english = 0;
    let mut german = 0;
    let mut capitalised = 0;
    let mut dictionary = 0;
    // Lower-case words alone: capitalised ones are mostly names, which say nothing about the
    // language ("Dortmund coach Edin Terzic was less happy.").
    let mut lower_words = 0;
    let mut lower_dictionary = 0;
    let mut german_letters = false;
    for token in tokens {
        if token.lex.english_function() {
            english += 1;
            dictionary += 1;
        } else if token.lex.german_function() {
            german += 1;
        } else if token.lex.english_word() {
            dictionary += 1;
        }
        if token.capitalized {
            capitalised += 1;
        } else if token.has_letter {
            lower_words += 1;
            lower_dictionary += (token.lex.english_function() || token.lex.english_word()) as usize;
            // The bytes first: most words are ASCII, and then hold no umlaut.
            let ascii = text.as_bytes()[token.span.clone()].is_ascii();
            if !ascii && text[token.span.clone()].contains(['ä', 'ö', 'ü', 'ß']) {
                // Umlauts in lower-case words only: capitalised ones are mostly names (Söder, Köln).
                german_letters = true;
            }
        }
    }
    let german_signal = german > 0 || german_letters;
    // Function words, or else mostly dictionary words (headlines have few function words).
    let looks_english = english as f32 >= ENGLISH_SHARE * words as f32
        || dictionary as f32 >= DICTIONARY_SHARE * words as f32
        || lower_words >= 3 && lower_dictionary as f32 >= LOWER_CASE_DICTIONARY_SHARE * lower_words as f32;
    if !german_signal && (looks_english || capitalised * 2 > words) {
        // English, or a headline or list of names, which whatlang cannot judge anyway.
        let code = if looks_english { Some("eng") } else { document.code };
        return LangGuess { code, confidence: None, reliable: false };
    }
    if german_signal && !looks_english && document.reliable && document.code == Some("deu") {
        return *document;
    }
    let sentence_text = &text[sentence.span.clone()];
    LangGuess::measured(sentence_text)
}

#[cfg(test)]
mod tests {
    use super::super::Doc;

    #[test]
    fn english_sentences_skip_measurement_and_german_ones_are_measured() {
        let doc = Doc::new(
            "The minister said that the plan would be ready by the end of the year. \
             Die Regierung hat den Plan am Montag vorgestellt und will ihn bis zum Sommer beschließen.",
        );
        assert_eq!(doc.sentence_langs[0].code, Some("eng"));
        assert_eq!(doc.sentence_langs[0].confidence, None);
        assert_eq!(doc.sentence_langs[1].code, Some("deu"));
        assert!(doc.sentence_langs[1].confidence.is_some());
    }

    #[test]
    fn sentences_of_an_untranslated_german_article_inherit_its_measured_language() {
        let paragraph = "Die Regierung hat den Plan am Montag vorgestellt und will ihn bis zum Sommer beschließen. \
                         Der Bürgermeister sagte, die Brücke bleibe bis zum Frühjahr gesperrt. ";
        let german = paragraph.repeat(6);
        let doc = Doc::new(&german);
        assert_eq!(doc.lang.code, Some("deu"));
        assert!(doc.lang.reliable && doc.lang.confidence.is_some());
        for lang in &doc.sentence_langs {
            assert_eq!(*lang, doc.lang, "inherited, with the document's confidence");
        }
        assert!(crate::analysis::foreign::is_non_translated(&doc, 0), "still reported as untranslated");
        // An English sentence in the same article is still looked at on its own.
        let text = german.clone() + "The minister said that the plan would be ready by the end of the year.";
        let mixed = Doc::new(&text);
        assert_eq!(mixed.sentence_langs.last().unwrap().code, Some("eng"));
    }

    #[test]
    fn the_document_sample_stays_inside_texts_of_every_length() {
        // Multi-byte characters move the sample's start; texts just over the sample size once
        // pushed its end past the text and hung the run.
        for length in 230..260 {
            let text: String = "ä".repeat(3) + &"a".repeat(length);
            let guess = super::measured_sample(&text);
            assert!(guess.code.is_some() || guess.code.is_none());
        }
    }

    #[test]
    fn sentences_full_of_names_are_judged_by_their_lower_case_words() {
        let doc = Doc::new(
            "The match ended late on Saturday after a long delay. Bochum keeper Manuel Riemann looked very tired afterwards.",
        );
        assert_eq!((doc.sentence_langs[1].code, doc.sentence_langs[1].confidence), (Some("eng"), None));
        let mixed = Doc::new(
            "The match ended late on Saturday after a long delay. Trainer Thomas Letsch war danach sehr müde und enttäuscht.",
        );
        assert!(mixed.sentence_langs[1].confidence.is_some(), "German lower-case words are measured");
    }

    #[test]
    fn english_documents_are_recognised_without_measuring_and_others_are_measured() {
        let english =
            Doc::new("The council met on Monday and approved the budget for the next year after a long debate.");
        assert_eq!((english.lang.code, english.lang.confidence), (Some("eng"), None));
        let german =
            Doc::new("Der Rat hat am Montag nach langer Debatte den Haushalt für das kommende Jahr beschlossen.");
        assert_eq!(german.lang.code, Some("deu"));
        assert!(german.lang.confidence.is_some(), "a German document is measured");
    }

    #[test]
    fn short_sentences_inherit_the_document_language() {
        let doc = Doc::new("Berlin, Monday. The federal government presented a new climate plan for the coming decade on Monday, and the opposition criticised it at once.");
        assert_eq!(doc.sentence_langs[0].code, doc.lang.code);
        assert_eq!(doc.lang.code, Some("eng"));
    }
}
