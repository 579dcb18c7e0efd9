//! Property test of project opening: a project file with random damage (bytes changed,
//! pages overwritten, cut short), or with hostile rows written around its triggers, opens
//! without a panic or a hang. Either it is refused with a message naming it, and its bytes
//! are unchanged, or every claim it yields lies on character boundaries of its article and
//! quotes it exactly.
//!
//! `PROPTEST_CASES=N` runs more cases (see `fuzz_support`).

use crate::fuzz_support;
use crate::store_support;

use crosscheck::model::Project;
use crosscheck::store::Store;
use fuzz_support::*;
use proptest::prelude::*;
use rusqlite::Connection;
use std::path::Path;
use std::sync::OnceLock;
use std::time::Duration;

/// A small but complete project (claims with non-ASCII quotes, links, a custom scale), as
/// bytes, built once.
fn pristine() -> &'static [u8] {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("p.crosscheck");
        let mut p = Project::new(store_support::articles());
        store_support::rich_edits(&mut p);
        drop(Store::create(&path, &p).expect("create"));
        std::fs::read(&path).expect("read")
    })
}

/// Every claim of an opened project is a character range of its article's text.
fn assert_claims_sound(project: &Project) -> Result<(), TestCaseError> {
    for c in project.claims() {
        let article = project.article(c.article_id);
        prop_assert!(article.is_some(), "claim {} has its article", c.id);
        let chars: Vec<char> = article
            .map(|a| a.text.chars().collect())
            .unwrap_or_default();
        prop_assert!(
            c.start < c.end && c.end <= chars.len(),
            "claim {} in range",
            c.id
        );
        let between: String = chars[c.start..c.end].iter().collect();
        prop_assert_eq!(&between, &c.quote);
    }
    Ok(())
}

/// Opens `path` both ways; a refusal must name the file and leave its bytes alone.
fn open_both_ways(path: &Path) -> Result<(), TestCaseError> {
    let before = std::fs::read(path).expect("read");
    for writable in [false, true] {
        let p = path.to_owned();
        let result = within(Duration::from_secs(20), move || {
            if writable {
                Store::open(&p)
            } else {
                Store::open_read_only(&p)
            }
            .map(|(_, project)| project)
        });
        match result {
            Ok(project) => assert_claims_sound(&project)?,
            Err(e) => {
                prop_assert!(
                    e.to_string().contains("p.crosscheck"),
                    "names the file: {e}"
                );
                prop_assert!(
                    std::fs::read(path).expect("read") == before,
                    "refused file unchanged: {e}"
                );
                return Ok(());
            }
        }
    }
    Ok(())
}

#[derive(Clone, Debug)]
enum Damage {
    /// Bytes at these offsets (modulo the length) set to these values.
    Bytes(Vec<(usize, u8)>),
    /// A whole page overwritten with pseudo-random bytes from this seed.
    Page(usize, u64),
    /// The file cut at this offset (modulo the length).
    Truncate(usize),
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        3 => proptest::collection::vec((any::<usize>(), any::<u8>()), 1..12).prop_map(Damage::Bytes),
        2 => (any::<usize>(), any::<u64>()).prop_map(|(p, s)| Damage::Page(p, s)),
        1 => any::<usize>().prop_map(Damage::Truncate),
    ]
}

fn apply(bytes: &mut Vec<u8>, d: &Damage) {
    match d {
        Damage::Bytes(changes) => {
            let n = bytes.len();
            for (at, b) in changes {
                bytes[at % n] = *b;
            }
        }
        Damage::Page(page, seed) => {
            let pages = bytes.len() / 4096;
            let start = (page % pages) * 4096;
            let mut x = seed | 1;
            for b in &mut bytes[start..start + 4096] {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                *b = (x >> 32) as u8;
            }
        }
        Damage::Truncate(at) => bytes.truncate(at % bytes.len()),
    }
}

/// A claim row as a script might write it, with the quote trigger dropped.
#[derive(Clone, Debug)]
struct Row {
    article_id: i64,
    start: i64,
    end: i64,
    quote: String,
}

fn row() -> impl Strategy<Value = Row> {
    (0i64..5, -3i64..140, -3i64..140, hostile_text(4)).prop_map(
        |(article_id, start, end, quote)| Row {
            article_id,
            start,
            end,
            quote,
        },
    )
}

proptest! {
    #![proptest_config(config(96))]

    #[test]
    fn a_damaged_project_is_refused_untouched_or_opens_sound(d in damage()) {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("p.crosscheck");
        let mut bytes = pristine().to_vec();
        apply(&mut bytes, &d);
        std::fs::write(&path, &bytes).expect("write");
        open_both_ways(&path)?;
    }

    #[test]
    fn hostile_rows_written_around_the_triggers_never_get_in(
        rows in proptest::collection::vec(row(), 1..6),
        text_edit in proptest::option::of((1i64..4, hostile_text(6))),
    ) {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("p.crosscheck");
        std::fs::write(&path, pristine()).expect("write");
        let conn = Connection::open(&path).expect("open");
        conn.execute_batch("DROP TRIGGER claims_quote_insert; DROP TRIGGER claims_quote_update;")
            .expect("drop triggers");
        for (i, r) in rows.iter().enumerate() {
            // Rows the table's own CHECK refuses are simply not written.
            let _ = conn.execute(
                r#"INSERT INTO claims(id, article_id, start, "end", quote) VALUES (?1, ?2, ?3, ?4, ?5)"#,
                rusqlite::params![100 + i as i64, r.article_id, r.start, r.end, r.quote],
            );
        }
        if let Some((id, text)) = &text_edit {
            conn.execute("UPDATE articles SET text = ?2 WHERE id = ?1", rusqlite::params![id, text])
                .expect("edit text");
        }
        drop(conn);
        open_both_ways(&path)?;
    }
}

#[test]
fn the_pristine_fixture_opens_with_its_claims() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("p.crosscheck");
    std::fs::write(&path, pristine()).expect("write");
    let (_s, p) = Store::open(&path).expect("opens");
    assert_eq!(p.claims().len(), 5);
    let (_s2, _) = Store::open_read_only(&path).expect("opens read-only too");
}
