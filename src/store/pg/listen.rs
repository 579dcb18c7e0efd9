//! The listener thread of a shared project: one connection that `LISTEN`s on the project's
//! channel and tells the window (through a channel and a wake-up call) when an edit was
//! logged, when the server went away, and when it is back. It reconnects on its own, twice a
//! second, for as long as the window has the project open.

use super::schema::NOTIFY_CHANNEL;
use postgres::fallible_iterator::FallibleIterator;
use postgres::{Config, NoTls};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Duration;

/// What the listener saw.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Signal {
    /// Connected and listening (at start, or after the server came back).
    Up,
    /// The server cannot be reached; the text says why.
    Down(String),
    /// An edit was logged.
    Notified,
}

/// Called from the listener thread whenever it sends a signal (the window repaints).
pub type Wake = Arc<dyn Fn() + Send + Sync>;

/// The running listener; dropping it stops the thread within half a second.
pub struct Listener {
    pub signals: Receiver<Signal>,
    stop: Arc<AtomicBool>,
}

impl Drop for Listener {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// How long one wait for a notification lasts before the thread checks it should stop.
const TICK: Duration = Duration::from_millis(250);
/// Pause between attempts to reach a server that is away.
const RETRY: Duration = Duration::from_millis(500);

/// Starts listening with `config`, calling `wake` after every signal.
pub fn spawn(config: Config, wake: Wake) -> Listener {
    let (tx, rx) = channel();
    let stop = Arc::new(AtomicBool::new(false));
    let flag = stop.clone();
    let spawned = std::thread::Builder::new()
        .name("crosscheck-listen".into())
        .spawn(move || run(config, &tx, &wake, &flag));
    if let Err(e) = spawned {
        // Without the thread the window still works; it syncs when it writes or polls.
        let (tx, rx2) = channel();
        let _ = tx.send(Signal::Down(format!("could not start listening: {e}")));
        return Listener { signals: rx2, stop };
    }
    Listener { signals: rx, stop }
}

fn run(mut config: Config, tx: &Sender<Signal>, wake: &Wake, stop: &AtomicBool) {
    config.connect_timeout(Duration::from_secs(2));
    let send = |s: Signal| {
        let ok = tx.send(s).is_ok();
        wake();
        ok
    };
    let mut last_down: Option<String> = None;
    while !stop.load(Ordering::Relaxed) {
        let mut client = match config.connect(NoTls) {
            Ok(c) => c,
            Err(e) => {
                let why = super::error::describe(&e);
                if last_down.as_ref() != Some(&why) && !send(Signal::Down(why.clone())) {
                    return;
                }
                last_down = Some(why);
                std::thread::sleep(RETRY);
                continue;
            }
        };
        if let Err(e) = client.batch_execute(&format!("LISTEN {NOTIFY_CHANNEL}")) {
            last_down = Some(e.to_string());
            let _ = send(Signal::Down(e.to_string()));
            std::thread::sleep(RETRY);
            continue;
        }
        if !send(Signal::Up) {
            return;
        }
        // Wait for notifications until the connection breaks or the window closes.
        let why = loop {
            if stop.load(Ordering::Relaxed) {
                return;
            }
            let waited = {
                let mut notes = client.notifications();
                let first = notes.timeout_iter(TICK).next();
                if matches!(first, Ok(Some(_))) {
                    // Several edits in a burst need one wake-up: drain what is queued.
                    while let Ok(Some(_)) = notes.iter().next() {}
                }
                first.map(|n| n.is_some())
            };
            match waited {
                Ok(true) => {
                    if !send(Signal::Notified) {
                        return;
                    }
                }
                Ok(false) if client.is_closed() => break "the connection closed".to_owned(),
                Ok(false) => {}
                Err(e) => break super::error::describe(&e),
            }
        };
        if !send(Signal::Down(why.clone())) {
            return;
        }
        last_down = Some(why);
        std::thread::sleep(RETRY);
    }
}
