// The check of the `analyse_and_detect` fuzz target, included by the target and by
// `tests/fuzz_seeds.rs`, which runs it on mutated seeds in `cargo test`: analysis and every
// detector (those off by default included) on arbitrary text, with a source after the first NUL
// byte when there is one. Nothing may panic, flags lie on character boundaries inside the text,
// and the sentences come in order inside it.

use mtqe::analysis::Doc;
use mtqe::config::Config;
use std::sync::LazyLock;

static DETECTORS: LazyLock<Vec<Box<dyn mtqe::detectors::ConfiguredDetector>>> = LazyLock::new(|| {
    let every = "[detectors.improbable-phrase]\nenabled = true\n[detectors.unsupported-content]\nenabled = true\n";
    mtqe::detectors::build(&Config::from_toml(every).expect("a valid config").detectors)
});

/// Analyses `data` and runs every detector on it; panics where a guarantee breaks.
pub fn analyse_and_detect_arbitrary_text(data: &[u8]) {
    let Ok(input) = std::str::from_utf8(data) else { return };
    let (text, source) = match input.split_once('\0') {
        Some((text, source)) => (text, Some(source)),
        None => (input, None),
    };
    let doc = Doc::with_source(text, source);
    let mut end = 0;
    for sentence in &doc.sentences {
        assert!(end <= sentence.span.start && sentence.span.end <= text.len());
        end = sentence.span.end;
    }
    for flag in mtqe::detectors::run_all(&DETECTORS, &doc) {
        assert!(flag.start <= flag.end && flag.end <= text.len(), "{flag:?}");
        assert!(text.is_char_boundary(flag.start) && text.is_char_boundary(flag.end), "{flag:?}");
    }
}
