//! Finding the next punctuation mark of interest in a text without looking at every byte.

/// Finds, left to right, the positions of any of four bytes: three searched together with
/// `memchr3` and a fourth on its own, each searched again only once the scan has passed its
/// last find. memchr skips the text between marks many bytes at a time, where testing each byte
/// cost several instructions per byte of text, in the sentence splitter and the quotation
/// analysis alike.
pub struct MarkScanner<'t> {
    bytes: &'t [u8],
    three: [u8; 3],
    fourth: u8,
    /// The first of `three` at or after the last search position; None when there is none.
    next_of_three: Option<usize>,
    next_fourth: Option<usize>,
}

impl<'t> MarkScanner<'t> {
    /// A scanner over `bytes` whose first search starts at `start`.
    pub fn new(bytes: &'t [u8], three: [u8; 3], fourth: u8, start: usize) -> Self {
        let mut scanner = MarkScanner { bytes, three, fourth, next_of_three: None, next_fourth: None };
        scanner.next_of_three = scanner.search_three(start);
        scanner.next_fourth = scanner.search_fourth(start);
        scanner
    }

    fn search_three(&self, from: usize) -> Option<usize> {
        let [a, b, c] = self.three;
        memchr::memchr3(a, b, c, &self.bytes[from..]).map(|i| from + i)
    }

    fn search_fourth(&self, from: usize) -> Option<usize> {
        memchr::memchr(self.fourth, &self.bytes[from..]).map(|i| from + i)
    }

    /// The first position at or after `from` that holds one of the four bytes. `from` must not
    /// move back between calls, nor lie before the start.
    pub fn next_from(&mut self, from: usize) -> Option<usize> {
        // A find at or after `from` is still the first one there; a missing one stays missing.
        if self.next_of_three.is_some_and(|at| at < from) {
            self.next_of_three = self.search_three(from);
        }
        if self.next_fourth.is_some_and(|at| at < from) {
            self.next_fourth = self.search_fourth(from);
        }
        match (self.next_of_three, self.next_fourth) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_same_positions_as_a_byte_by_byte_scan() {
        let wanted = |b: u8| matches!(b, b'.' | b'!' | b'?' | 0xE2);
        let mut random = crate::test_random::XorShift(0x1234_5678_9abc_def1);
        let alphabet = [b'a', b' ', b'.', b'!', b'?', 0xE2, 0x80, b'x', b'.', b'q'];
        for _ in 0..500 {
            let bytes: Vec<u8> = (0..(random.next() % 80)).map(|_| random.pick(&alphabet)).collect();
            let start = if bytes.is_empty() { 0 } else { (random.next() % bytes.len() as u64) as usize };
            let mut scanner = MarkScanner::new(&bytes, [b'.', b'!', b'?'], 0xE2, start);
            let mut from = start;
            while from <= bytes.len() {
                let expected = bytes[from..].iter().position(|&b| wanted(b)).map(|i| from + i);
                assert_eq!(scanner.next_from(from), expected, "{bytes:?} from {from}");
                from += 1 + (random.next() % 5) as usize;
            }
        }
    }
}
