//! The detector registry.
//!
//! A detector is a pure function from an analysed [`Doc`] to flags. Each one lives in its own
//! file, whose module doc (the `//!` lines) is its user documentation: `mtqe detectors` prints
//! it. Each has a settings table in the TOML config under `[detectors.<id>]`, with at least
//! `enabled` and `severity`; unknown keys are errors.

use crate::analysis::Doc;
use crate::flag::{Category, Flag, Severity};
use serde::{de::DeserializeOwned, Deserialize, Serialize};

/// A detector's identity, declared once in its file as [`Detector::DECLARATION`].
#[derive(Debug, Clone, Copy)]
pub struct Declaration {
    /// Stable kebab-case id, the same word as the file and the type: `unclosed-quote`,
    /// `unclosed_quote.rs`, `UnclosedQuote`.
    pub id: &'static str,
    pub category: Category,
    /// The severity of its flags unless the config sets another.
    pub severity: Severity,
    /// Raised whenever the detector's output changes, so outputs can be compared fairly. The
    /// snapshot tests in `tests/detector_snapshots.rs` show each change in review.
    pub version: u32,
}

/// What users see about a detector: in `mtqe detectors`, the manifest and every flag row.
#[derive(Debug, Clone, Serialize)]
pub struct DetectorInfo {
    /// Stable kebab-case id, e.g. `unclosed-quote`.
    pub id: &'static str,
    pub category: Category,
    pub default_severity: Severity,
    /// The severity in force: the config's, or the default.
    pub severity: Severity,
    /// Raised whenever the detector's behaviour changes, so outputs can be compared fairly.
    pub version: u32,
    /// The detector's module documentation, as Markdown.
    #[serde(skip)]
    pub doc: &'static str,
}

impl DetectorInfo {
    fn new(declaration: Declaration, doc: &'static str, severity: Option<Severity>) -> Self {
        DetectorInfo {
            id: declaration.id,
            category: declaration.category,
            default_severity: declaration.severity,
            severity: severity.unwrap_or(declaration.severity),
            version: declaration.version,
            doc,
        }
    }
}

/// One detector, in its own file: a pure function from an analysed [`Doc`] to flags.
pub trait Detector: Sized + Send + Sync + 'static {
    const DECLARATION: Declaration;
    /// Its section of the config, `[detectors.<id>]`: [`Switch`] for a detector without
    /// options of its own.
    type Settings: Settings;
    fn configure(settings: &Self::Settings) -> Self;
    /// Reports what the detector finds in `doc` to `flags`. Detectors cannot fail.
    fn detect(&self, doc: &Doc, flags: &mut Flags);
}

/// A detector with its configuration applied, as the pipeline runs it.
pub trait ConfiguredDetector: Send + Sync {
    fn info(&self) -> &DetectorInfo;
    /// Appends this detector's flags for `doc` to `flags`.
    fn detect(&self, doc: &Doc, flags: &mut Vec<Flag>);
}

struct Configured<D> {
    info: DetectorInfo,
    detector: D,
}

impl<D: Detector> ConfiguredDetector for Configured<D> {
    fn info(&self) -> &DetectorInfo {
        &self.info
    }

    fn detect(&self, doc: &Doc, flags: &mut Vec<Flag>) {
        let first = flags.len();
        self.detector.detect(doc, &mut Flags { info: &self.info, out: flags, first });
    }
}

/// Where a detector reports what it finds. It fills in the detector's id, category and
/// configured severity, so that a detector states only the span, its confidence and why:
/// `flags.flag(span, 0.8, message).suggest(replacement)`.
pub struct Flags<'a> {
    info: &'a DetectorInfo,
    out: &'a mut Vec<Flag>,
    first: usize,
}

impl Flags<'_> {
    /// Reports the byte span `span` (end-exclusive, on character boundaries) with a confidence
    /// in [0, 1] and a message a user can act on. Returns the flag for further details.
    pub fn flag(&mut self, span: std::ops::Range<usize>, confidence: f32, message: impl Into<String>) -> &mut Flag {
        self.out.push(Flag {
            start: span.start,
            end: span.end,
            detector: self.info.id,
            category: self.info.category,
            severity: self.info.severity,
            confidence,
            message: message.into(),
            suggestion: None,
        });
        self.out.last_mut().expect("a flag was just pushed")
    }

    /// The severity the config gives this detector's flags.
    pub fn severity(&self) -> Severity {
        self.info.severity
    }

    /// Of this detector's flags on the document so far, drops each that overlaps one reported
    /// before it.
    pub fn drop_overlapping(&mut self) {
        let mut kept: Vec<Flag> = Vec::new();
        for flag in self.out.drain(self.first..) {
            if !kept.iter().any(|k| k.start < flag.end && flag.start < k.end) {
                kept.push(flag);
            }
        }
        self.out.extend(kept);
    }
}

/// What every detector's settings are: a table in the config with at least `enabled` and
/// `severity`, whose unknown keys are errors.
pub trait Settings: CommonSettings + Default + Clone + Serialize + DeserializeOwned + std::fmt::Debug {}

impl<T: CommonSettings + Default + Clone + Serialize + DeserializeOwned + std::fmt::Debug> Settings for T {}

/// The settings every detector has, whatever else it takes.
pub trait CommonSettings {
    fn enabled(&self) -> bool;
    /// A severity that replaces the detector's default, if configured.
    fn severity(&self) -> Option<Severity>;
}

/// Implements [`CommonSettings`] for a settings struct with `enabled` and `severity` fields.
macro_rules! common_settings {
    ($settings:ty) => {
        impl $crate::detectors::CommonSettings for $settings {
            fn enabled(&self) -> bool {
                self.enabled
            }
            fn severity(&self) -> Option<$crate::flag::Severity> {
                self.severity
            }
        }
    };
}

/// The settings of a detector without options of its own: `enabled` (default true) and
/// `severity` (default: the detector's).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct Switch {
    pub enabled: bool,
    pub severity: Option<Severity>,
}

impl Default for Switch {
    fn default() -> Self {
        Switch { enabled: true, severity: None }
    }
}

common_settings!(Switch);

/// Keeps only the `//!` lines at the top of a source file: the user documentation.
pub fn module_doc(source: &'static str) -> String {
    source
        .lines()
        .take_while(|line| line.starts_with("//!"))
        .map(|line| line.trim_start_matches("//!").strip_prefix(' ').unwrap_or(line.trim_start_matches("//!")))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The first sentence of a detector's "What it does" section, for one-line listings: up to the
/// first full stop, question or exclamation mark that ends a sentence, that is one outside
/// quotation marks and parentheses, followed by a capital letter or the end of the paragraph,
/// and not ending a number ("on 1. May") or an abbreviation ("e.g."). A lead-in that introduces a
/// list ends at its colon.
pub fn summary(source: &'static str) -> String {
    let doc = module_doc(source);
    let section = doc.split("## What it does").nth(1).unwrap_or("");
    let paragraph: Vec<&str> = section
        .lines()
        .map(str::trim)
        .skip_while(|l| l.is_empty())
        .take_while(|l| !l.is_empty() && !l.starts_with("- ") && !l.starts_with("##"))
        .collect();
    let text = paragraph.join(" ");
    let sentence = &text[..first_sentence_end(&text)];
    sentence.trim_end_matches(':').trim_end().to_string()
}

const ABBREVIATIONS: [&str; 8] = ["e.g", "i.e", "etc", "vs", "Dr", "Mr", "Mrs", "St"];

/// The byte offset just past the first sentence of `text`, or its length.
fn first_sentence_end(text: &str) -> usize {
    let mut in_quote = false;
    let mut brackets = 0usize;
    // A sentence ends after its closing quotation mark when it ends inside the quotation.
    let ends_before = |end: usize| {
        let rest = &text[end..];
        rest.is_empty() || (rest.starts_with(' ') && rest.trim_start().chars().next().is_some_and(char::is_uppercase))
    };
    let mut previous = ' ';
    for (at, c) in text.char_indices() {
        let closing = matches!(c, '”') || (c == '"' && in_quote);
        if closing && brackets == 0 && matches!(previous, '.' | '!' | '?') && ends_before(at + c.len_utf8()) {
            return at + c.len_utf8();
        }
        previous = c;
        match c {
            '"' => in_quote = !in_quote,
            '“' | '„' => in_quote = true,
            '”' => in_quote = false,
            '(' => brackets += 1,
            ')' => brackets = brackets.saturating_sub(1),
            '.' | '!' | '?' if !in_quote && brackets == 0 => {
                let end = at + c.len_utf8();
                let word = text[..at].rsplit(' ').next().unwrap_or("");
                let closes_word = !word.is_empty()
                    && !word.chars().all(|w| w.is_ascii_digit())
                    && !ABBREVIATIONS.contains(&word)
                    && word.chars().count() > 1;
                if ends_before(end) && (closes_word || c != '.') {
                    return end;
                }
            }
            _ => {}
        }
    }
    text.len()
}

pub mod one_cause;

// The registry: one line per detector, sorted by id. build.rs reads these lines and registers
// each module's detector type, named by the same words (`unclosed_quote` → `UnclosedQuote`),
// through `registry!` below.
// registry start
pub mod adjective_for_adverb;
pub mod adverb_before_object;
pub mod age_in_parentheses;
pub mod become_more;
pub mod before_for_ago;
pub mod capitalised_noun;
pub mod comma_after_subject_clause;
pub mod comma_before_that;
pub mod comparative_as;
pub mod coordinated_repeat;
pub mod currency_after_amount;
pub mod cut_off_sentence;
pub mod decimal_comma;
pub mod detached_translation;
pub mod double_negative;
pub mod dropped_word;
pub mod extended_attribute;
pub mod false_friend;
pub mod fronted_also;
pub mod german_abbreviation;
pub mod german_date;
pub mod german_ordinal;
pub mod german_place_name;
pub mod german_quotes;
pub mod german_score;
pub mod german_time;
pub mod hardly_without_any;
pub mod improbable_phrase;
pub mod inconsistent_name;
pub mod literal_idiom;
pub mod looping_output;
pub mod missing_subject;
pub mod misspelled_word;
pub mod narrative_you;
pub mod needless_article;
pub mod non_translation;
pub mod not_after_verb;
pub mod orphan_attribution;
pub mod perfect_with_past_time;
pub mod person_it;
pub mod police_agreement;
pub mod preposition_choice;
pub mod present_with_since;
pub mod pronoun_gender_mismatch;
pub mod ranking_preposition;
pub mod reflexive_verb;
pub mod relative_pronoun;
pub mod repeated_sentence;
pub mod repeated_translation;
pub mod repeated_words;
pub mod so_after_article;
pub mod so_attribution;
pub mod source_brackets;
pub mod source_copy;
pub mod source_name;
pub mod source_negation;
pub mod source_number;
pub mod source_omission;
pub mod spaced_quote;
pub mod stranded_verb;
pub mod subject_verb_agreement;
pub mod thing_pronoun;
pub mod thing_reflexive;
pub mod thousands_dot;
pub mod time_before_object;
pub mod unclosed_quote;
pub mod uncountable_plural;
pub mod unsupported_content;
pub mod untranslated_word;
pub mod verb_before_subject;
pub mod verb_final_clause;
pub mod verb_with_infinitive;
pub mod verbless_sentence;
pub mod want_that;
pub mod whoever_clause;
pub mod will_for_want;
pub mod year_without_in;
// registry end

macro_rules! registry {
    ($($module:ident :: $detector:ident),* $(,)?) => {
        /// One settings table per detector, keyed by its kebab-case id.
        #[derive(Debug, Clone, Default, Serialize, Deserialize)]
        #[serde(deny_unknown_fields, rename_all = "kebab-case")]
        pub struct DetectorSettings {
            $(#[serde(default)] pub $module: <$module::$detector as Detector>::Settings,)*
        }

        /// Every detector's description, enabled or not, in id order.
        pub fn catalogue() -> Vec<DetectorInfo> {
            vec![$(DetectorInfo::new(
                <$module::$detector as Detector>::DECLARATION,
                include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/src/detectors/", stringify!($module), ".rs")),
                None,
            ),)*]
        }

        /// The enabled detectors, configured, in id order.
        pub fn build(settings: &DetectorSettings) -> Vec<Box<dyn ConfiguredDetector>> {
            let mut detectors: Vec<Box<dyn ConfiguredDetector>> = Vec::new();
            $(
                if settings.$module.enabled() {
                    detectors.push(Box::new(Configured {
                        info: DetectorInfo::new(
                            <$module::$detector as Detector>::DECLARATION,
                            include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/src/detectors/", stringify!($module), ".rs")),
                            settings.$module.severity(),
                        ),
                        detector: <$module::$detector as Detector>::configure(&settings.$module),
                    }));
                }
            )*
            detectors
        }
    };
}

include!(concat!(env!("OUT_DIR"), "/detector_registry.rs"));

/// Runs every detector on one document and returns the flags sorted by position.
pub fn run_all(detectors: &[Box<dyn ConfiguredDetector>], doc: &Doc) -> Vec<Flag> {
    run_all_timed(detectors, doc, None)
}

/// [`run_all`], adding each detector's nanoseconds to `detector_nanos` (indexed like
/// `detectors`) when it is given.
pub fn run_all_timed(
    detectors: &[Box<dyn ConfiguredDetector>],
    doc: &Doc,
    detector_nanos: Option<&mut [u64]>,
) -> Vec<Flag> {
    let mut clock = crate::profile::StepClock::new(detector_nanos);
    let mut flags = Vec::new();
    for (index, detector) in detectors.iter().enumerate() {
        crate::fault::enter(detector.info().id);
        let before = flags.len();
        detector.detect(doc, &mut flags);
        cap_flags(&mut flags, before);
        bound_spans(&mut flags[before..], doc.text);
        clock.lap(index);
    }
    one_cause::merge_flags_with_one_cause(&mut flags);
    // Text order, then detector id: stable across runs and thread counts.
    flags.sort_by(|a, b| (a.start, a.end, a.detector).cmp(&(b.start, b.end, b.detector)));
    flags
}

/// The most flags one detector reports on one article; the rest are summed up in one more flag.
/// A pathological article (16,000 unpaired quotation marks, each flag running to the end of its
/// paragraph) would otherwise cost memory quadratic in its length.
pub const MAX_FLAGS_PER_DETECTOR: usize = 200;

/// The longest span a flag marks, in bytes. A finding that runs further (a quotation left open
/// to the end of a long paragraph) is marked from its start, where the reader has to look; the
/// excerpt copies the span, so unbounded spans cost memory quadratic in the article's length.
pub const MAX_FLAG_BYTES: usize = 2000;

/// Shortens every span longer than [`MAX_FLAG_BYTES`] to at most that, ending on a character
/// boundary.
fn bound_spans(flags: &mut [Flag], text: &str) {
    for flag in flags.iter_mut().filter(|f| f.end - f.start > MAX_FLAG_BYTES) {
        let mut end = flag.start + MAX_FLAG_BYTES;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        flag.end = end;
    }
}

/// Caps the flags from `first` on, all of one detector, at [`MAX_FLAGS_PER_DETECTOR`]: the first
/// ones by position are kept, and one more flag of the same detector, on the first one left out,
/// says how many there are.
fn cap_flags(flags: &mut Vec<Flag>, first: usize) {
    if flags.len() - first <= MAX_FLAGS_PER_DETECTOR {
        return;
    }
    flags[first..].sort_by_key(|f| (f.start, f.end));
    let rest = flags.split_off(first + MAX_FLAGS_PER_DETECTOR);
    // The summary sits on the first flag left out.
    flags.push(Flag {
        message: format!(
            "{} flags of this kind from here on are summed up in this one: the text is probably damaged throughout.",
            rest.len()
        ),
        suggestion: None,
        ..rest[0].clone()
    });
}

#[cfg(test)]
pub(crate) mod test_support {
    //! Helpers for detector tests, in the style of harper's `assert_lint_count`.
    use super::*;

    /// The flags one detector, with default settings, raises on `text`.
    pub fn flags_of<D: Detector>(text: &str) -> Vec<(String, Flag)> {
        flags_on::<D>(&Doc::new(text))
    }

    /// The flags one detector, with default settings, raises on `text` translated from `source`.
    pub fn flags_with_source<D: Detector>(source: &str, text: &str) -> Vec<(String, Flag)> {
        flags_on::<D>(&Doc::with_source(text, Some(source)))
    }

    /// The excerpts one detector flags in `text` translated from `source`.
    pub fn excerpts_with_source<D: Detector>(source: &str, text: &str) -> Vec<String> {
        flags_with_source::<D>(source, text).into_iter().map(|(excerpt, _)| excerpt).collect()
    }

    fn flags_on<D: Detector>(doc: &Doc) -> Vec<(String, Flag)> {
        let text = doc.text;
        let detector = Configured {
            info: DetectorInfo::new(D::DECLARATION, "", None),
            detector: D::configure(&D::Settings::default()),
        };
        let mut flags = Vec::new();
        ConfiguredDetector::detect(&detector, doc, &mut flags);
        flags.into_iter().map(|f| (text[f.start..f.end].to_string(), f)).collect()
    }

    /// The excerpts flagged by one detector.
    #[track_caller]
    pub fn excerpts<D: Detector>(text: &str) -> Vec<String> {
        flags_of::<D>(text).into_iter().map(|(excerpt, _)| excerpt).collect()
    }

    #[track_caller]
    pub fn assert_no_flags<D: Detector>(text: &str) {
        let flags = flags_of::<D>(text);
        assert!(flags.is_empty(), "expected no flags on {text:?}, got {flags:#?}");
    }

    /// A detector for fault-isolation tests, "exploding-test": on a text containing "boom" it
    /// slices inside the text's first "ü", as a careless detector would, and panics ("… not a
    /// char boundary").
    pub fn exploding() -> Box<dyn ConfiguredDetector> {
        Box::new(Exploding(DetectorInfo {
            id: "exploding-test",
            category: Category::Grammar,
            default_severity: Severity::Minor,
            severity: Severity::Minor,
            version: 1,
            doc: "",
        }))
    }

    struct Exploding(DetectorInfo);

    impl ConfiguredDetector for Exploding {
        fn info(&self) -> &DetectorInfo {
            &self.0
        }
        fn detect(&self, doc: &Doc, _flags: &mut Vec<Flag>) {
            if doc.text.contains("boom") {
                let text = doc.text;
                let inside_umlaut = text.find('ü').expect("the test text has an umlaut") + 1;
                let _ = &text[..inside_umlaut];
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The registry is compiled from `build.rs`'s reading of this file; a stale build-script
    /// output (a build of another checkout into the same target folder) would silently drop
    /// detectors, so the file as it is now is read again here.
    #[test]
    fn the_catalogue_holds_every_module_of_the_registry() {
        let source = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/detectors/mod.rs")).unwrap();
        let block = source.split("// registry start").nth(1).and_then(|rest| rest.split("// registry end").next());
        let modules: Vec<String> = block
            .expect("the registry markers")
            .lines()
            .filter_map(|line| line.trim().strip_prefix("pub mod ")?.strip_suffix(';').map(|m| m.replace('_', "-")))
            .collect();
        let ids: Vec<String> = catalogue().iter().map(|d| d.id.to_string()).collect();
        assert_eq!(
            ids, modules,
            "the compiled registry differs from src/detectors/mod.rs: rebuild after `touch build.rs`"
        );
    }

    #[test]
    fn catalogue_is_sorted_and_every_detector_is_documented() {
        let catalogue = catalogue();
        let ids: Vec<_> = catalogue.iter().map(|d| d.id).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        assert_eq!(ids, sorted, "keep the registry sorted by id");
        for info in &catalogue {
            let doc = module_doc(info.doc);
            for section in ["## What it does", "## Why it signals MT", "## Example", "## Known false positives"] {
                assert!(doc.contains(section), "{} lacks the section {section}", info.id);
            }
            assert!(info.id.chars().all(|c| c.is_ascii_lowercase() || c == '-'));
            let line = summary(info.doc);
            assert!(line.starts_with("Flags"), "{}: {line}", info.id);
            // A whole sentence: its quotation marks and parentheses are closed.
            assert_eq!(line.matches('(').count(), line.matches(')').count(), "{}: {line}", info.id);
            assert_eq!(line.matches('"').count() % 2, 0, "{}: {line}", info.id);
            assert!(!line.ends_with(" 1.") && !line.ends_with(':'), "{}: {line}", info.id);
        }
    }

    /// A module doc whose "What it does" section is `what`.
    fn doc(what: &str) -> &'static str {
        Box::leak(
            format!("//! # x\n//!\n//! ## What it does\n//! {what}\n//!\n//! ## Why\n//! More.\n").into_boxed_str(),
        )
    }

    #[test]
    fn a_summary_is_the_whole_first_sentence_of_what_it_does() {
        let cases = [
            ("Flags dates: \"on 1. May\", the 9. August. Then more.", "Flags dates: \"on 1. May\", the 9. August."),
            (
                "Flags \"it\" near a person: \"The child was found. It slept.\" More here.",
                "Flags \"it\" near a person: \"The child was found. It slept.\"",
            ),
            ("Flags names (e.g. Dr. Weber) in brackets. Next.", "Flags names (e.g. Dr. Weber) in brackets."),
            (
                "Flags numbers like 3.5 percent or version 2. and more. Next one.",
                "Flags numbers like 3.5 percent or version 2. and more.",
            ),
            ("Flags one sentence without an end", "Flags one sentence without an end"),
            ("Flags sentences that stop:\n//! - a list item. With two sentences.", "Flags sentences that stop"),
        ];
        for (what, expected) in cases {
            assert_eq!(summary(doc(what)), expected, "{what}");
        }
    }

    #[test]
    fn a_long_span_is_cut_to_the_bound_on_a_character_boundary() {
        let text = format!("“{}", "é".repeat(MAX_FLAG_BYTES));
        let flag = |start, end| Flag {
            start,
            end,
            detector: "test",
            category: Category::Punctuation,
            severity: Severity::Minor,
            confidence: 0.5,
            message: String::new(),
            suggestion: None,
        };
        let mut flags = vec![flag(0, text.len()), flag(3, 5)];
        bound_spans(&mut flags, &text);
        assert!(flags[0].end <= MAX_FLAG_BYTES && flags[0].end > MAX_FLAG_BYTES - 4);
        assert!(text.is_char_boundary(flags[0].end));
        assert_eq!((flags[1].start, flags[1].end), (3, 5), "short spans stay as they are");
    }

    #[test]
    fn a_detector_reports_at_most_its_cap_and_sums_up_the_rest() {
        let flag = |start: usize| Flag {
            start,
            end: start + 1,
            detector: "unclosed-quote",
            category: crate::flag::Category::Punctuation,
            severity: Severity::Minor,
            confidence: 0.5,
            message: "m".into(),
            suggestion: None,
        };
        // One flag of an earlier detector, then 250 of this one, out of order.
        let mut flags = vec![flag(10_000)];
        flags.extend((0..250).rev().map(|i| flag(i * 2)));
        cap_flags(&mut flags, 1);
        assert_eq!(flags.len(), 1 + MAX_FLAGS_PER_DETECTOR + 1);
        assert_eq!(flags[0].start, 10_000, "other detectors' flags are untouched");
        assert_eq!(flags[1].start, 0);
        assert_eq!(flags[MAX_FLAGS_PER_DETECTOR].start, 2 * (MAX_FLAGS_PER_DETECTOR - 1));
        let summary = flags.last().unwrap();
        assert_eq!(summary.start, 2 * MAX_FLAGS_PER_DETECTOR);
        assert!(summary.message.starts_with("50 flags of this kind"), "{}", summary.message);
        let mut few = vec![flag(1), flag(2)];
        cap_flags(&mut few, 0);
        assert_eq!(few.len(), 2);
    }

    #[test]
    fn disabled_detectors_are_not_built() {
        let mut settings = DetectorSettings::default();
        let off_by_default = ["improbable-phrase", "unsupported-content"];
        let built: Vec<&str> = build(&settings).iter().map(|d| d.info().id).collect();
        assert_eq!(built.len(), catalogue().len() - off_by_default.len());
        assert!(!built.iter().any(|id| off_by_default.contains(id)));
        settings.improbable_phrase.enabled = true;
        settings.unsupported_content.enabled = true;
        assert_eq!(build(&settings).len(), catalogue().len());
        settings.repeated_words.enabled = false;
        settings.unclosed_quote.severity = Some(Severity::Major);
        let built = build(&settings);
        assert!(!built.iter().any(|d| d.info().id == "repeated-words"));
        let quote = built.iter().find(|d| d.info().id == "unclosed-quote").unwrap();
        assert_eq!(quote.info().severity, Severity::Major);
    }
}
