//! For test binaries whose tests both hold a project open in this process and start child
//! processes (`crosscheck` or the test binary itself).
//!
//! A project's lock is an `flock` on a sidecar file, held by an open file description. A child
//! forked by one test gets a copy of every descriptor open in the process at that moment,
//! another test's project lock too, and keeps it until it execs. On a loaded machine that
//! window is long enough for the other test to drop its project, start `crosscheck` on it, and
//! be told the project is open elsewhere. Such tests run one at a time.

use std::sync::{Mutex, MutexGuard, PoisonError};

static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// Held for the whole test. A test that failed while holding it does not fail the others.
pub fn one_at_a_time() -> MutexGuard<'static, ()> {
    ONE_AT_A_TIME.lock().unwrap_or_else(PoisonError::into_inner)
}
