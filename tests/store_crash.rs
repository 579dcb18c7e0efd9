//! Killing the app mid-write loses at most the edit in flight and never damages the file.
//!
//! The test re-runs its own binary as the child process (the ignored `crash_child` test, with
//! an environment variable saying what to do). The child writes edits or Save As copies and
//! prints a line after each one returned; the parent kills it with SIGKILL at random moments
//! and checks the files.

mod store_support;

use crosscheck::model::{Edit, Project};
use crosscheck::store::Store;
use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant, SystemTime};
use store_support::*;

mod process_support;
use process_support::one_at_a_time;

const CHILD_ENV: &str = "CROSSCHECK_CRASH_CHILD";

/// The child side: does what `CROSSCHECK_CRASH_CHILD` says until it is killed.
#[test]
#[ignore = "child process of the crash tests; they run it themselves"]
fn crash_child() {
    let Ok(task) = std::env::var(CHILD_ENV) else {
        return;
    };
    let (what, rest) = task.split_once('|').expect("task|args");
    match what {
        "edits" => {
            let (mut store, mut project) = Store::open(Path::new(rest)).expect("child open");
            for _ in 0..100_000 {
                let id = project.next_claim_id();
                let article = id % project.articles().len() as i64 + 1;
                let start = (id as usize * 7) % 200;
                let c = project
                    .make_claim(article, start, start + 12, Some(id % 5 + 1))
                    .expect("claim");
                store.apply(&Edit::PutClaim(c.clone())).expect("commit");
                project.apply(Edit::PutClaim(c)).expect("model");
                println!("committed {id}");
            }
        }
        "saveas" => {
            let (source, dir) = rest.split_once('|').expect("source|dir");
            let (store, _) = Store::open_read_only(Path::new(source)).expect("child open");
            for i in 0..10_000 {
                let name = format!("copy-{}-{i}.crosscheck", std::process::id());
                drop(store.save_as(&Path::new(dir).join(&name)).expect("save as"));
                println!("saved {name}");
            }
        }
        other => panic!("unknown task {other}"),
    }
}

/// A small deterministic generator; the seed is printed so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn seeded() -> Rng {
        let seed = std::env::var("CRASH_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                SystemTime::now()
                    .duration_since(SystemTime::UNIX_EPOCH)
                    .map_or(1, |d| d.as_nanos() as u64)
            });
        eprintln!("crash test seed: CRASH_SEED={seed}");
        Rng(seed | 1)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// What follows `tag` in a line the child printed. The test harness may have put its own
/// "test crash_child ... " in front of the child's first line.
fn after<'a>(line: &'a str, tag: &str) -> Option<&'a str> {
    line.find(tag).map(|i| &line[i + tag.len()..])
}

/// Runs the child with `task` and, once it has printed its first line holding `first` (the
/// project is open and one edit or copy is done), lets it run for `delay`, kills it, and
/// returns the lines it printed and whether it was still running when killed.
///
/// The delay counts from the child's first finished step, not from its start: on a loaded
/// machine starting the child alone can take longer than any delay, and every kill would then
/// land before the child did anything (a Save As test that never saw a copy finish).
fn run_and_kill(task: &str, first: &'static str, delay: Duration) -> (Vec<String>, bool) {
    let exe = std::env::current_exe().expect("test binary");
    let mut child = Command::new(exe)
        .args([
            "crash_child",
            "--exact",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_ENV, task)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn child");
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        let mut lines = Vec::new();
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if after(&line, first).is_some() {
                let _ = tx.send(());
            }
            lines.push(line);
        }
        lines
    });
    // A child that dies before its first step is caught below (it is not running when killed).
    let _ = rx.recv_timeout(Duration::from_secs(60));
    std::thread::sleep(delay);
    let was_running = child.try_wait().expect("poll").is_none();
    child.kill().expect("SIGKILL");
    child.wait().expect("reap");
    (reader.join().expect("reader"), was_running)
}

#[test]
fn killing_the_app_while_it_commits_edits_loses_nothing_that_was_committed() {
    let _one = one_at_a_time();
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("crash.crosscheck");
    drop(Store::create(&path, &Project::new(generated_articles(8, 400))).expect("create"));
    let mut rng = Rng::seeded();
    let mut committed: BTreeSet<i64> = BTreeSet::new();
    let mut killed_mid_run = 0;
    let started = Instant::now();
    for round in 0..25 {
        let delay = Duration::from_millis(20 + rng.below(230));
        let (lines, was_running) =
            run_and_kill(&format!("edits|{}", path.display()), "committed ", delay);
        killed_mid_run += usize::from(was_running);
        committed.extend(
            lines
                .iter()
                .filter_map(|l| after(l, "committed "))
                .map(|id| id.parse::<i64>().expect("id")),
        );
        let (store, project) = Store::open(&path)
            .unwrap_or_else(|e| panic!("round {round}: reopening after SIGKILL failed: {e}"));
        store
            .check_integrity()
            .unwrap_or_else(|e| panic!("round {round}: {e}"));
        let stored: BTreeSet<i64> = project.claims().map(|c| c.id).collect();
        let lost: Vec<_> = committed.difference(&stored).collect();
        assert!(
            lost.is_empty(),
            "round {round}: committed claims lost: {lost:?}"
        );
        let unreported: Vec<_> = stored.difference(&committed).collect();
        assert!(
            unreported.len() <= round + 1,
            "round {round}: at most one unreported commit per kill, found {unreported:?}; \
             last lines {:?}",
            lines.iter().rev().take(3).collect::<Vec<_>>()
        );
    }
    assert!(
        killed_mid_run >= 20,
        "the child was killed while working ({killed_mid_run}/25)"
    );
    assert!(
        committed.len() > 25,
        "the child got to commit ({} edits)",
        committed.len()
    );
    eprintln!(
        "{} commits survived 25 kills in {:?}",
        committed.len(),
        started.elapsed()
    );
}

#[test]
fn killing_the_app_during_save_as_leaves_no_half_written_copy() {
    let _one = one_at_a_time();
    let dir = tempfile::tempdir().expect("tempdir");
    let source = dir.path().join("source.crosscheck");
    let mut project = Project::new(generated_articles(250, 6000));
    for i in 0..2000 {
        let c = project
            .make_claim(i % 250 + 1, 40, 60, Some(2))
            .expect("claim");
        project.apply(Edit::PutClaim(c)).expect("apply");
    }
    drop(Store::create(&source, &project).expect("create"));
    let copies = dir.path().join("copies");
    std::fs::create_dir(&copies).expect("mkdir");
    let mut rng = Rng::seeded();
    let mut saved = 0;
    for _ in 0..15 {
        let delay = Duration::from_millis(30 + rng.below(300));
        let task = format!("saveas|{}|{}", source.display(), copies.display());
        let (lines, _) = run_and_kill(&task, "saved ", delay);
        let names: Vec<&str> = lines.iter().filter_map(|l| after(l, "saved ")).collect();
        saved += names.len();
        for line in names {
            assert!(copies.join(line).exists(), "{line} was reported saved");
        }
    }
    let visible: Vec<PathBuf> = std::fs::read_dir(&copies)
        .expect("ls")
        .map(|e| e.expect("entry").path())
        // Hidden names are temporary files and locks; `-journal`, `-wal` and `-shm` are
        // SQLite's own companions of a copy that was being written to when killed.
        .filter(|p| {
            p.file_name().is_some_and(|n| {
                let n = n.to_string_lossy();
                !n.starts_with('.') && n.ends_with(".crosscheck")
            })
        })
        .collect();
    assert!(
        saved > 0 && visible.len() >= saved,
        "{saved} saved, {visible:?}"
    );
    for copy in &visible {
        let (store, loaded) = Store::open(copy)
            .unwrap_or_else(|e| panic!("{}: a visible copy must be complete: {e}", copy.display()));
        store.check_integrity().expect("sound copy");
        assert_same(&loaded, &project);
    }
    let interrupted = std::fs::read_dir(&copies)
        .expect("ls")
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.file_name().to_string_lossy().contains(".tmp-"))
        })
        .count();
    eprintln!(
        "{} complete copies, {saved} reported, {interrupted} interrupted mid-copy",
        visible.len()
    );
}
