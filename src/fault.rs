//! Fault isolation per document: a panic while one article is analysed, checked or scored
//! becomes that article's reject, naming the step that failed, and the run goes on.
//!
//! The step is kept in a thread-local cell that the analysis, the detector loop and the scoring
//! set as they go, so the reject can say `internal error in looping-output: …` instead of only
//! that something panicked.

use std::any::Any;
use std::cell::Cell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    static STEP: Cell<&'static str> = const { Cell::new("analysis") };
    /// Whether this thread is inside [`isolate`].
    static ISOLATED: Cell<bool> = const { Cell::new(false) };
}

static QUIET_HOOK: Once = Once::new();

/// A panic inside [`isolate`] is reported by its caller (a reject naming the step, or an error
/// naming the file), so the panic hook's message and backtrace on standard error are left out
/// there; any other panic is printed as before.
fn install_quiet_hook() {
    QUIET_HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !ISOLATED.with(Cell::get) {
                previous(info);
            }
        }));
    });
}

/// Records that this thread now works on `step` (an analysis step, a detector id, "scoring").
pub fn enter(step: &'static str) {
    STEP.with(|cell| cell.set(step));
}

/// A panic in one document's work: the step it happened in, and its message.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    pub step: &'static str,
    pub message: String,
}

/// Written as `internal error in looping-output: byte index 5 is not a char boundary`.
impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "internal error in {}: {}", self.step, self.message)
    }
}

/// Runs one document's work. A panic inside becomes `Err` naming the step and the message.
pub fn isolate<T>(work: impl FnOnce() -> T) -> Result<T, Failure> {
    install_quiet_hook();
    enter("analysis");
    let outer = ISOLATED.with(|isolated| isolated.replace(true));
    let result = catch_unwind(AssertUnwindSafe(work));
    ISOLATED.with(|isolated| isolated.set(outer));
    result
        .map_err(|payload| Failure { step: STEP.with(Cell::get), message: panic_message(payload.as_ref()).to_owned() })
}

fn panic_message(payload: &(dyn Any + Send)) -> &str {
    if let Some(message) = payload.downcast_ref::<&'static str>() {
        message
    } else if let Some(message) = payload.downcast_ref::<String>() {
        message
    } else {
        "a panic without a message"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_a_reason_naming_the_step() {
        let result: Result<(), String> = isolate(|| {
            enter("looping-output");
            panic!("byte index 5 is not a char boundary");
        })
        .map_err(|failure| failure.to_string());
        assert_eq!(result, Err("internal error in looping-output: byte index 5 is not a char boundary".to_string()));
        let formatted: Result<(), String> =
            isolate(|| panic!("{} went wrong", 2)).map_err(|failure| failure.to_string());
        assert_eq!(formatted, Err("internal error in analysis: 2 went wrong".to_string()));
        assert_eq!(isolate(|| 7), Ok(7));
    }
}
