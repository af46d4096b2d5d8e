//! The fuzz targets' checks (`fuzz/fuzz_targets/*_check.rs`) in `cargo test`, on the stable
//! toolchain and within the test command's time: each seed in `fuzz/seeds/` as it is, the corrupt
//! Parquet files that fuzzing found, and thousands of seeds mutated the way libFuzzer mutates them
//! (bytes flipped, inserted, erased and repeated, structural bytes such as quotation marks,
//! newlines and NULs inserted, two seeds spliced, the file cut short). Unlike `cargo fuzz`, this
//! is not guided by coverage, so it finds less per input, but it runs on every change; the
//! coverage-guided runs are in `fuzz/README.md`.

include!("../fuzz/fuzz_targets/read_input_check.rs");
include!("../fuzz/fuzz_targets/analyse_and_detect_check.rs");

use proptest::prelude::*;
use std::path::Path;

fn seeds(target: &str) -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds").join(target);
    let mut paths: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|entry| entry.unwrap().path()).collect();
    paths.sort();
    let seeds: Vec<Vec<u8>> = paths.iter().map(|path| std::fs::read(path).unwrap()).collect();
    assert!(!seeds.is_empty(), "no seeds in {}", dir.display());
    seeds
}

/// Bytes that change how a reader or the analysis splits its input.
const STRUCTURAL: &[u8] = b"\"'\n\r\t,;{}[]:\\\0\xff\xc3\xa4\xe2\x80\x9e\x1b.0 ";

/// One libFuzzer-style edit of a byte string.
#[derive(Debug, Clone)]
enum Mutation {
    Flip { at: usize, bit: u8 },
    Insert { at: usize, byte: u8 },
    InsertStructural { at: usize, which: usize },
    Erase { at: usize, len: usize },
    Repeat { at: usize, len: usize, times: usize },
    Splice { at: usize, other: usize, from: usize },
    Truncate { at: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let at = any::<usize>();
    prop_oneof![
        (at, 0u8..8).prop_map(|(at, bit)| Mutation::Flip { at, bit }),
        (at, any::<u8>()).prop_map(|(at, byte)| Mutation::Insert { at, byte }),
        (at, any::<usize>()).prop_map(|(at, which)| Mutation::InsertStructural { at, which }),
        (at, 1usize..64).prop_map(|(at, len)| Mutation::Erase { at, len }),
        (at, 1usize..32, 2usize..50).prop_map(|(at, len, times)| Mutation::Repeat { at, len, times }),
        (at, any::<usize>(), any::<usize>()).prop_map(|(at, other, from)| Mutation::Splice { at, other, from }),
        at.prop_map(|at| Mutation::Truncate { at }),
    ]
}

fn mutate(seed: &[u8], seeds: &[Vec<u8>], mutations: &[Mutation]) -> Vec<u8> {
    let mut bytes = seed.to_vec();
    for mutation in mutations {
        let place = |at: usize, len: usize| if len == 0 { 0 } else { at % (len + 1) };
        match *mutation {
            Mutation::Flip { at, bit } if !bytes.is_empty() => {
                let i = at % bytes.len();
                bytes[i] ^= 1 << bit;
            }
            Mutation::Flip { .. } => {}
            Mutation::Insert { at, byte } => bytes.insert(place(at, bytes.len()), byte),
            Mutation::InsertStructural { at, which } => {
                bytes.insert(place(at, bytes.len()), STRUCTURAL[which % STRUCTURAL.len()])
            }
            Mutation::Erase { at, len } => {
                let start = place(at, bytes.len());
                let end = (start + len).min(bytes.len());
                bytes.drain(start..end);
            }
            Mutation::Repeat { at, len, times } => {
                let start = place(at, bytes.len());
                let chunk: Vec<u8> = bytes[start..(start + len).min(bytes.len())].to_vec();
                let copies: Vec<u8> = chunk.iter().copied().cycle().take(chunk.len() * times).collect();
                bytes.splice(start..start, copies);
            }
            Mutation::Splice { at, other, from } => {
                let other = &seeds[other % seeds.len()];
                let tail = &other[place(from, other.len())..];
                bytes.truncate(place(at, bytes.len()));
                bytes.extend_from_slice(tail);
            }
            Mutation::Truncate { at } => bytes.truncate(place(at, bytes.len())),
        }
    }
    bytes
}

#[test]
fn every_reader_takes_each_seed_and_each_corrupt_parquet_file_fuzzing_found() {
    let seeds = seeds("read_input");
    for seed in &seeds {
        read_arbitrary_input(seed);
    }
    let parquet_choice = NAMES.iter().position(|name| name.ends_with(".parquet")).unwrap() as u8;
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for name in ["corrupt-footer.parquet", "corrupt-page.parquet", "overlong-footer-list.parquet"] {
        let mut data = vec![parquet_choice];
        data.extend(std::fs::read(fixtures.join(name)).unwrap());
        read_arbitrary_input(&data);
    }
    // Every seed read as every format, not only the one its first byte picks.
    for seed in &seeds {
        for choice in 0..NAMES.len() as u8 {
            let mut data = seed.clone();
            data[0] = choice;
            read_arbitrary_input(&data);
        }
    }
}

/// Found by `every_reader_survives_mutated_seeds` in CI: one byte inserted into a seed gave a
/// Parquet file whose columns decoded to different lengths, and the reader indexed past one.
#[test]
fn a_parquet_file_with_columns_of_different_lengths_is_a_read_error_not_a_panic() {
    let seeds = seeds("read_input");
    let mutated = mutate(
        &seeds[3329195915606022194 % seeds.len()],
        &seeds,
        &[Mutation::Insert { at: 4183264425922118011, byte: 1 }],
    );
    read_arbitrary_input(&mutated);
}

#[test]
fn analysis_takes_each_seed() {
    for seed in seeds("analyse_and_detect") {
        analyse_and_detect_arbitrary_text(&seed);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 5000, ..ProptestConfig::default() })]

    #[test]
    fn every_reader_survives_mutated_seeds(
        seed in any::<usize>(),
        mutations in prop::collection::vec(mutation(), 1..6),
    ) {
        let seeds = seeds("read_input");
        read_arbitrary_input(&mutate(&seeds[seed % seeds.len()], &seeds, &mutations));
    }

    #[test]
    fn analysis_and_every_detector_survive_mutated_seeds(
        seed in any::<usize>(),
        mutations in prop::collection::vec(mutation(), 1..8),
    ) {
        let seeds = seeds("analyse_and_detect");
        let mutated = mutate(&seeds[seed % seeds.len()], &seeds, &mutations);
        // The target skips bytes that are not UTF-8; repairing them keeps every case a text.
        analyse_and_detect_arbitrary_text(String::from_utf8_lossy(&mutated).as_bytes());
    }
}
