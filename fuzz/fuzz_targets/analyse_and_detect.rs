//! Analysis and every detector (those off by default included) on arbitrary text, with a source
//! after the first NUL byte when there is one. Checks what the property tests check: no panic,
//! flags on character boundaries inside the text, segments in order inside it.
#![no_main]

use libfuzzer_sys::fuzz_target;

include!("analyse_and_detect_check.rs");

fuzz_target!(|data: &[u8]| analyse_and_detect_arbitrary_text(data));
