//! Forty randomly damaged project files (pages overwritten, bytes scribbled in runs, files cut
//! short, headers broken) are each refused with a message that names the file, by the store
//! and by the command line, and not one byte or modification time changes.
//!
//! The damage is drawn from a seed printed at the start (`DAMAGE_SEED=N` replays it).

mod store_support;

use crosscheck::model::{Edit, Project};
use crosscheck::store::Store;
use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::SystemTime;
use store_support::*;

const PAGE: usize = 4096;

struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// One kind of damage, as a disk, a bad copy or a stray write does it.
fn damage(pristine: &[u8], rng: &mut Rng) -> (Vec<u8>, String) {
    let mut bytes = pristine.to_vec();
    let pages = bytes.len() / PAGE;
    match rng.below(4) {
        0 => {
            let n = 1 + rng.below(3);
            let mut hit = Vec::new();
            for _ in 0..n {
                let page = rng.below(pages);
                hit.push(page + 1);
                for b in &mut bytes[page * PAGE..(page + 1) * PAGE] {
                    *b = rng.below(256) as u8;
                }
            }
            (bytes, format!("pages {hit:?} overwritten"))
        }
        1 => {
            // Cut somewhere after the header, at least one page short.
            let at = 100 + rng.below(bytes.len() - PAGE - 100);
            bytes.truncate(at);
            (bytes, format!("cut at byte {at}"))
        }
        2 => {
            // A run of zeros over b-tree page headers, as a lost write leaves.
            let page = 1 + rng.below(pages - 1);
            let len = 16 + rng.below(PAGE - 16);
            bytes[page * PAGE..page * PAGE + len].fill(0);
            (bytes, format!("page {} zeroed for {len} bytes", page + 1))
        }
        _ => {
            // The file header: magic, page size, reserved space, payload fractions. (Bytes
            // 18 and 19 are left alone: other values there are a valid WAL or read-only file,
            // not damage.)
            let at = [0, 3, 7, 12, 15, 16, 17, 20, 21, 22, 23][rng.below(11)];
            bytes[at] = bytes[at].wrapping_add(1 + rng.below(255) as u8);
            (bytes, format!("header byte {at} changed"))
        }
    }
}

fn pristine_project(path: &Path) -> Vec<u8> {
    let mut p = Project::new(generated_articles(40, 2500));
    for i in 0..400 {
        let c = p.make_claim(i % 40 + 1, 10, 30, Some(1)).expect("claim");
        p.apply(Edit::PutClaim(c)).expect("apply");
    }
    drop(Store::create(path, &p).expect("create"));
    fs::read(path).expect("read")
}

fn mtime(path: &Path) -> SystemTime {
    fs::metadata(path)
        .and_then(|m| m.modified())
        .expect("mtime")
}

#[test]
fn forty_damaged_project_files_are_refused_and_never_changed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pristine = pristine_project(&dir.path().join("pristine.crosscheck"));
    assert!(pristine.len() / PAGE > 20, "the fixture spans many pages");
    let seed = std::env::var("DAMAGE_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            SystemTime::now()
                .duration_since(SystemTime::UNIX_EPOCH)
                .map_or(7, |d| d.as_nanos() as u64)
        });
    eprintln!("damage seed: DAMAGE_SEED={seed}");
    let mut rng = Rng(seed | 1);
    for i in 0..40 {
        let (bytes, what) = damage(&pristine, &mut rng);
        let path = dir.path().join(format!("damaged-{i:02}.crosscheck"));
        fs::write(&path, &bytes).expect("write");
        // An old modification time, so any write would show even within one clock tick.
        let old = SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_600_000_000);
        fs::File::options()
            .write(true)
            .open(&path)
            .and_then(|f| f.set_modified(old))
            .expect("set mtime");
        let name = path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        for writable in [true, false] {
            let result = if writable {
                Store::open(&path)
            } else {
                Store::open_read_only(&path)
            };
            let err = match result {
                Ok(_) => panic!("{name} ({what}) was opened"),
                Err(e) => e.to_string(),
            };
            assert!(err.contains(&name), "{what}: names the file: {err}");
            assert!(
                err.contains("left untouched"),
                "{what}: says the file is safe: {err}"
            );
        }
        if i % 4 == 0 {
            let out = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
                .args(["info", path.to_str().expect("path")])
                .output()
                .expect("run");
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{what}: {stderr}");
            assert!(stderr.contains(&name), "{what}: {stderr}");
        }
        assert!(
            fs::read(&path).expect("read") == bytes,
            "{what}: bytes unchanged"
        );
        assert_eq!(mtime(&path), old, "{what}: modification time unchanged");
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .expect("ls")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains(&name) && *n != name && !n.ends_with(".lock"))
            .collect();
        assert!(
            leftovers.is_empty(),
            "{what}: nothing beside it: {leftovers:?}"
        );
    }
}
