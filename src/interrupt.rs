//! Temporary files are removed when a run is interrupted (SIGINT, as from Ctrl-C, or SIGTERM,
//! as from a batch scheduler), so that an interrupted run leaves its output directory as it
//! was. A run killed outright (SIGKILL) leaves its temporaries behind; the next run into the
//! same directory removes them (see `pipeline`).

use std::path::PathBuf;
use std::sync::{Mutex, Once};

/// Temporary files that exist now, in the order they were registered.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
static INSTALLED: Once = Once::new();

/// Exit status after an interrupt: 128 plus the signal number, as shells report it (130 for
/// SIGINT, used for both).
const INTERRUPTED: i32 = 130;

/// Installs the handler, once per process.
pub fn install() {
    INSTALLED.call_once(|| {
        // Without a handler the default action applies: the process ends, temporaries stay.
        let _ = ctrlc::set_handler(|| {
            let pending = PENDING.lock().map(|p| p.clone()).unwrap_or_default();
            for path in pending {
                let _ = std::fs::remove_file(&path);
            }
            eprintln!("mtqe: interrupted; temporary files removed, nothing written");
            std::process::exit(INTERRUPTED);
        });
    });
}

/// Files to remove if the process is interrupted before [`forget`] is called for them.
pub fn register(paths: &[PathBuf]) {
    if let Ok(mut pending) = PENDING.lock() {
        pending.extend(paths.iter().cloned());
    }
}

/// The files are renamed into place or removed: nothing to do for them any more.
pub fn forget(paths: &[PathBuf]) {
    if let Ok(mut pending) = PENDING.lock() {
        pending.retain(|p| !paths.contains(p));
    }
}
