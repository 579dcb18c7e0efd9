//! Shared by the property tests (`fuzz_*.rs`): how many cases to run, a guard that turns a
//! hang into a failure, and generators of hostile text.
//!
//! Each property runs a few seconds in the normal `cargo test`. Set `PROPTEST_CASES` for a
//! longer run, e.g. `PROPTEST_CASES=20000 cargo test --release --test fuzz_corpus`.
#![allow(dead_code)]

use proptest::prelude::*;
use std::sync::mpsc;
use std::time::Duration;

/// The proptest settings: `PROPTEST_CASES` cases when set, else `default_cases`. Failures
/// are not persisted to files (the seed is printed instead), so the tests leave no files.
pub fn config(default_cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default_cases);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Runs `f` on another thread and fails if it does not return within `limit`, so a hang is a
/// failure with a message instead of a stalled test run. A panic in `f` is passed on.
pub fn within<T: Send + 'static>(limit: Duration, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    let worker = std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    match rx.recv_timeout(limit) {
        Ok(v) => v,
        Err(mpsc::RecvTimeoutError::Disconnected) => match worker.join() {
            Err(panic) => std::panic::resume_unwind(panic),
            Ok(()) => unreachable!("the worker sends before it ends"),
        },
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("no answer within {limit:?}: a hang"),
    }
}

/// Pieces that news text, markup and numbers are made of, and the characters that trip up
/// offset arithmetic (multi-byte, combining, zero-width, line separators, NUL).
const PIECES: &[&str] = &[
    "139",
    "1,200",
    "3.5",
    "15.8m",
    "$3.6 billion",
    "40%",
    "½",
    "٣٤",
    "1e9",
    "-7",
    "0",
    "99999999999999999999",
    "at least",
    "more than",
    "nearly",
    "about",
    "up to",
    "between",
    "and",
    "or more",
    "to",
    "-",
    "–",
    "—",
    "hundreds",
    "dozens",
    "a dozen",
    "thousands of",
    "two",
    "twenty-one",
    "million",
    "half",
    "people",
    "killed",
    "dead",
    "injured",
    "were",
    "said",
    "according to",
    "officials",
    "TASS",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    ".",
    ",",
    ";",
    ":",
    "?",
    "!",
    "\"",
    "'",
    "«",
    "»",
    "(",
    ")",
    "Zürich",
    "Łódź",
    "é",
    "e\u{301}",
    "😟",
    "👨‍👩‍👧",
    "\u{200b}",
    "\u{2028}",
    "\u{feff}",
    "\u{0}",
    "ß",
    "İ",
    "<p>",
    "</p>",
    "<div>",
    "<br>",
    "<br/>",
    "<script>",
    "</script>",
    "<!--",
    "-->",
    "<title>",
    "</title>",
    "<",
    ">",
    "&amp;",
    "&lt;",
    "&#x41;",
    "&#0;",
    "&#xFFFFFF;",
    "&eacute;",
    "&",
    "&#",
    "<pre>",
    "</pre>",
    "March 26, 2024",
    "2024-03-26",
    "26/03/2024",
    "Tuesday",
    "By Jane Doe",
    "Reuters",
    "MOSCOW (AP) —",
];

/// Text assembled from [`PIECES`] and arbitrary characters: close enough to articles to reach
/// deep into the parsers, hostile enough to find their edges.
pub fn hostile_text(max_pieces: usize) -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        8 => proptest::sample::select(PIECES).prop_map(str::to_owned),
        1 => any::<char>().prop_map(String::from),
        1 => "[a-zA-Z0-9 .,]{0,12}",
    ];
    proptest::collection::vec(piece, 0..max_pieces).prop_map(|v| v.concat())
}

/// File contents: hostile text as UTF-8, as UTF-16 (with or without a byte-order mark), in a
/// legacy encoding, or arbitrary bytes.
pub fn hostile_bytes(max_pieces: usize) -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        4 => hostile_text(max_pieces).prop_map(String::into_bytes),
        1 => (hostile_text(max_pieces), any::<bool>(), any::<bool>()).prop_map(|(t, be, bom)| {
            let mut out = Vec::new();
            if bom {
                out.extend_from_slice(if be { &[0xFE, 0xFF] } else { &[0xFF, 0xFE] });
            }
            for u in t.encode_utf16() {
                out.extend_from_slice(&if be { u.to_be_bytes() } else { u.to_le_bytes() });
            }
            out
        }),
        1 => hostile_text(max_pieces).prop_map(|t| {
            t.chars().map(|c| u8::try_from(u32::from(c)).unwrap_or(0xE9)).collect()
        }),
        2 => proptest::collection::vec(any::<u8>(), 0..2048),
    ]
}
