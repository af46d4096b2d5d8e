//! Property tests: the analysis and every detector, with and without a source, on thousands of
//! generated texts full of what breaks text code: multi-byte characters, quotation marks and
//! brackets of every kind, digits in German and English formats, repeated phrases, very long
//! words, CRLF and control characters. None may panic; every flag must point at a span on
//! character boundaries inside the text, with its excerpt that very slice; and the sentences must
//! tile the text, in order, leaving only whitespace between them.

use mtqe::analysis::Doc;
use mtqe::config::Config;
use mtqe::detectors::{build, run_all, ConfiguredDetector};
use proptest::prelude::*;

fn fragment() -> impl Strategy<Value = String> {
    let fixed = [
        "The mayor",
        " said ",
        "„",
        "“",
        "”",
        "\"",
        "'",
        "‘",
        "’",
        "«",
        "»",
        "(",
        ")",
        "[",
        "]",
        "120°",
        "1,5",
        "1.000",
        "3,7 percent",
        "12. März",
        "am 9.8.",
        "20.15 Uhr",
        "\r\n",
        "\n\n",
        "\n",
        "\t",
        "\u{0}",
        "\u{7}",
        "\u{200b}",
        "é",
        "🙂",
        "中文",
        "Bürgermeister",
        ". ",
        "? ",
        "! ",
        "…",
        " - ",
        "—",
        "Months eat Russians. ",
        "You switch sides. ",
        "a 120°, a 120°, a 120° now. ",
        "Putin (69)",
        "Arnie ",
        "Arni ",
        "the the ",
        "nicht ",
        "Die Regierung hat beschlossen. ",
        "z. B. ",
        "Dr. ",
        "U.S. ",
        "1. ",
        "it ",
        "she ",
        "you ",
        // Function words and verb forms, so that the detectors' word patterns are reached: a
        // sentence ending on its only auxiliary ("… rejected had.") once panicked.
        " had",
        " had. ",
        " has been ",
        " the ",
        " a ",
        " and ",
        " not ",
        " that ",
        " who ",
        "Who ",
        " will ",
        " since ",
        " more",
        " off",
        " rejected ",
        " was ",
        " is ",
        "On Monday ",
        " which ",
        " hardly ",
    ];
    prop_oneof![
        4 => prop::sample::select(fixed.to_vec()).prop_map(str::to_owned),
        2 => "[a-zA-ZäöüÄÖÜß]{1,12}",
        1 => "[A-Za-z]{200,400}",
        1 => any::<char>().prop_map(|c| c.to_string()),
        1 => (prop::sample::select(fixed.to_vec()), 2..6usize).prop_map(|(phrase, times)| phrase.repeat(times)),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..50).prop_map(|parts| parts.concat())
}

fn detectors() -> Vec<Box<dyn ConfiguredDetector>> {
    // Every detector, including those off by default.
    let config = Config::from_toml(
        "[detectors.improbable-phrase]\nenabled = true\n[detectors.unsupported-content]\nenabled = true\n",
    )
    .unwrap();
    build(&config.detectors)
}

fn check(text: &str, source: Option<&str>, detectors: &[Box<dyn ConfiguredDetector>]) -> Result<(), TestCaseError> {
    let doc = Doc::with_source(text, source);
    let mut end = 0;
    for sentence in &doc.sentences {
        let span = sentence.span.clone();
        prop_assert!(end <= span.start && span.start <= span.end && span.end <= text.len(), "{span:?} after {end}");
        prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        prop_assert!(text[end..span.start].trim().is_empty(), "text between sentences: {:?}", &text[end..span.start]);
        end = span.end;
    }
    prop_assert!(text[end..].trim().is_empty(), "text after the last sentence: {:?}", &text[end..]);
    let flags = run_all(detectors, &doc);
    let spans: Vec<(usize, usize, &str)> = flags.iter().map(|f| (f.start, f.end, f.detector)).collect();
    for &(start, end, detector) in &spans {
        prop_assert!(start <= end && end <= text.len(), "{detector}: {start}..{end} of {}", text.len());
        prop_assert!(text.is_char_boundary(start) && text.is_char_boundary(end), "{detector}: {start}..{end}");
    }
    let scored = mtqe::score::score_document("doc".into(), Vec::new(), &doc, flags, &mtqe::quality::DEFAULT);
    prop_assert_eq!(scored.flags.len(), spans.len());
    for row in &scored.flags {
        prop_assert_eq!(row.excerpt.as_str(), &text[row.byte_start as usize..row.byte_end as usize]);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, ..ProptestConfig::default() })]

    #[test]
    fn analysis_and_every_detector_keep_their_invariants(text in text()) {
        check(&text, None, &detectors())?;
    }

    #[test]
    fn with_a_source_too(text in text(), source in text()) {
        check(&text, Some(&source), &detectors())?;
    }
}
