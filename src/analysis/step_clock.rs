//! A clock that charges the time between laps to numbered steps, for `mtqe score --profile`.
//!
//! It lives with analysis, its first user, and depends on nothing else in the crate: the run's
//! profile builds on analysis (for the names of its steps), so analysis must not build on it.

use std::time::Instant;

/// Adds the time between successive laps to numbered slots; does nothing without slots, so the
/// unprofiled path pays for no clock reads.
pub struct StepClock<'a> {
    slots: Option<(&'a mut [u64], Instant)>,
}

impl<'a> StepClock<'a> {
    pub fn new(slots: Option<&'a mut [u64]>) -> Self {
        StepClock { slots: slots.map(|s| (s, Instant::now())) }
    }

    /// Charges the time since the last lap (or the start) to `slot`.
    pub fn lap(&mut self, slot: usize) {
        if let Some((slots, last)) = &mut self.slots {
            let now = Instant::now();
            slots[slot] += now.duration_since(*last).as_nanos() as u64;
            *last = now;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn step_clock_charges_each_lap_to_its_slot() {
        let mut slots = [0u64; 2];
        let mut clock = StepClock::new(Some(&mut slots));
        std::thread::sleep(std::time::Duration::from_millis(3));
        clock.lap(1);
        clock.lap(0);
        assert!(slots[1] >= 3_000_000, "{slots:?}");
        assert!(slots[0] < slots[1], "{slots:?}");
        let mut silent = StepClock::new(None);
        silent.lap(5); // No slots: nothing to index, nothing charged.
    }
}
