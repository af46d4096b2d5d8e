//! A small deterministic random-number generator for the tests that compare a fast path with
//! the plain definition on many generated inputs. The same seed gives the same inputs on every
//! run, so a failure can be reproduced.

/// xorshift64: the state is public so that a test can read or perturb it between draws.
pub struct XorShift(pub u64);

impl XorShift {
    /// Advances the state and returns it.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// One of `items`, chosen by the next state.
    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[(self.next() % items.len() as u64) as usize]
    }
}
