//! Every input reader on arbitrary bytes: the first byte picks the format (JSON Lines, a JSON
//! array, CSV, TSV, quoted TSV, headerless CSV, Parquet, plain text, and JSON Lines under gzip
//! or zstd), the rest is the file. Checks that reading never panics, that it ends (libFuzzer
//! reports a reader that hangs), and that every record carries only the run's columns.
#![no_main]

use libfuzzer_sys::fuzz_target;

include!("read_input_check.rs");

fuzz_target!(|data: &[u8]| read_arbitrary_input(data));
