//! `crosscheck agreement`, run as the real binary on project files made here: the published
//! worked examples of αu (Krippendorff 2004) and κ (Cohen 1960) come out of whole projects as
//! published, the disagreements are listed side by side, and bad usage is told apart from
//! errors.

use crosscheck::model::{Article, Category, Edit, Project};
use crosscheck::store::Store;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::process_support;
use process_support::one_at_a_time;

fn run(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(args)
        .env(
            "CROSSCHECK_DATA_DIR",
            std::env::temp_dir().join("crosscheck-cli-tests"),
        )
        .output()
        .expect("run crosscheck")
}

fn os(s: &str) -> &std::ffi::OsStr {
    std::ffi::OsStr::new(s)
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Article 1: 300 characters standing for Krippendorff's continuum from 150 to 450.
/// Article 2: 200 five-character words, one claim per word, for Cohen's 200 items.
fn articles() -> Vec<Article> {
    let continuum: String = (0..300).map(|i| (b'a' + (i % 26) as u8) as char).collect();
    let words: String = (0..200).map(|i| format!("w{i:03} ")).collect();
    vec![
        Article::in_memory(1, "continuum.txt", "Continuum", continuum),
        Article::in_memory(2, "items.txt", "Two hundred items", words),
    ]
}

/// Cohen (1960), p. 45: how many of the 200 items coder 1 put in row r and coder 2 in
/// column c, with the verdicts standing for his three categories.
const COHEN: [[usize; 3]; 3] = [[88, 14, 18], [10, 40, 10], [2, 6, 12]];
const VERDICTS: [&str; 3] = ["True", "Mixed", "False"];

/// A coder's project: the codebook gets categories `c` and `k` (Krippendorff's), units
/// (begin on his 150–450 scale, length) of each, and every word of article 2 tagged as `v`
/// with this coder's verdict from Cohen's table (`row` picks coder 1's side of it).
fn coder(dir: &Path, name: &str, c: &[(usize, usize)], k: &[(usize, usize)], row: bool) -> PathBuf {
    let mut p = Project::new(articles());
    for (id, cat) in [(10, "c"), (11, "k"), (12, "v")] {
        p.apply(Edit::PutCategory(Category {
            id,
            name: cat.into(),
            color: "#888888".into(),
            shortcut: None,
            uid: Category::derived_uid(id, cat),
        }))
        .expect("category");
    }
    for (cat, units) in [(10, c), (11, k)] {
        for &(b, l) in units {
            let claim = p
                .make_claim(1, b - 150, b - 150 + l, Some(cat))
                .expect("unit");
            p.apply(Edit::PutClaim(claim)).expect("tag");
        }
    }
    let mut item = 0;
    for (r, counts) in COHEN.iter().enumerate() {
        for (col, &n) in counts.iter().enumerate() {
            for _ in 0..n {
                let mut claim = p
                    .make_claim(2, item * 5, item * 5 + 4, Some(12))
                    .expect("word");
                claim.verdict = Some(VERDICTS[if row { r } else { col }].into());
                p.apply(Edit::PutClaim(claim)).expect("tag");
                item += 1;
            }
        }
    }
    let path = dir.join(format!("{name}.crosscheck"));
    drop(Store::create(&path, &p).expect("create"));
    path
}

/// Krippendorff (2004), *Content Analysis*, 2nd ed., p. 254 (as DKPro Agreement's test of the
/// example gives it): observer i's units of c are 225+70 and 370+30, j's 220+80, 355+20 and
/// 400+20; both mark k at 180+60 and 300+50.
fn two_coders(dir: &Path) -> (PathBuf, PathBuf) {
    let k = [(180, 60), (300, 50)];
    let i = coder(dir, "ines", &[(225, 70), (370, 30)], &k, true);
    let j = coder(dir, "jonas", &[(220, 80), (355, 20), (400, 20)], &k, false);
    (i, j)
}

#[test]
fn the_published_examples_come_out_of_whole_projects_as_published() {
    let _one = one_at_a_time();
    let tmp = tempfile::tempdir().expect("tempdir");
    let (i, j) = two_coders(tmp.path());
    let out = run(&[os("agreement"), i.as_os_str(), j.as_os_str(), os("--json")]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("one JSON object");
    assert_eq!(v["coders"], serde_json::json!(["ines", "jonas"]));
    let continuum = &v["articles"][0];
    assert_eq!(continuum["title"], "Continuum");
    let alpha = |cat: &str| {
        continuum["categories"]
            .as_array()
            .expect("categories")
            .iter()
            .find(|c| c["category"] == cat)
            .and_then(|c| c["alpha"].as_f64())
            .expect("alpha")
    };
    // Published: α_c = 0.7286, α_k = 1, both together 0.8591.
    assert!((alpha("c") - 0.7286).abs() < 0.0001, "{continuum}");
    assert_eq!(alpha("k"), 1.0);
    let both = continuum["alpha"].as_f64().expect("pooled");
    assert!((both - 0.8591).abs() < 0.0005, "{both}");
    // Published: p_o = .70, p_e = .41, κ = .492.
    let items = &v["articles"][1]["pairs"][0];
    assert_eq!(items["items"], 200);
    assert!((items["observed"].as_f64().expect("p_o") - 0.70).abs() < 1e-9);
    assert!((items["expected"].as_f64().expect("p_e") - 0.41).abs() < 1e-9);
    let kappa = items["kappa"].as_f64().expect("kappa");
    assert!((kappa - 0.492).abs() < 0.0005, "{kappa}");

    // The text names the same figures, and lists each disagreement with both coders' spans.
    let out = run(&[os("agreement"), i.as_os_str(), j.as_os_str()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("αu 0.729\tc"), "{text}");
    assert!(text.contains("κ  0.492\tverdicts ines – jonas"), "{text}");
    // Article 1's c units differ in three places; 60 of Cohen's 200 verdicts differ.
    assert!(text.contains("Disagreements: 63"), "{text}");
    let first = text
        .split("Continuum @70\t")
        .nth(1)
        .expect("the first c disagreement, at 220 − 150 = 70");
    let lines: Vec<&str> = first.lines().take(3).collect();
    assert!(lines[0].starts_with("span"), "{lines:?}");
    assert!(
        lines[1].contains("ines   75–145\tc\tUnverified"),
        "{lines:?}"
    );
    assert!(
        lines[2].contains("jonas  70–150\tc\tUnverified"),
        "{lines:?}"
    );
    // The unit only j marked (400+20) shows i with none.
    assert!(
        text.contains("Continuum @250\tmissing\n  ines   —\n  jonas  250–270"),
        "{text}"
    );
}

#[test]
fn leaving_out_uncoded_text_changes_alpha_and_says_so() {
    let _one = one_at_a_time();
    let tmp = tempfile::tempdir().expect("tempdir");
    let (i, j) = two_coders(tmp.path());
    let alpha_c = |extra: &[&str]| {
        let mut args = vec![os("agreement"), i.as_os_str(), j.as_os_str(), os("--json")];
        args.extend(extra.iter().map(|s| os(s)));
        let out = run(&args);
        assert!(out.status.success(), "{}", stderr(&out));
        let v: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("json");
        let c = v["articles"][0]["categories"]
            .as_array()
            .expect("categories")
            .iter()
            .find(|c| c["category"] == "c")
            .cloned()
            .expect("c");
        (
            v["exclude_uncoded"].clone(),
            c["alpha"].as_f64().expect("alpha"),
        )
    };
    let (flag, with_gaps) = alpha_c(&[]);
    assert_eq!(flag, false);
    let (flag, without) = alpha_c(&["--exclude-uncoded"]);
    assert_eq!(flag, true);
    assert!((with_gaps - 0.7286).abs() < 0.0001);
    // Worked by hand. The tagged text of article 1 is 180..350 and 355..420 on Krippendorff's
    // scale (k and c overlap and touch there): L = 170 + 65 = 235. Cut to it, i's c units are
    // 45..115 and 185..215, j's 40..120, 170..190 and 215..235. D_o: the same three distances
    // as on the whole continuum (50, 850, and 20² for j's last unit in i's last gap), twice:
    // 2600 / (2 · 235²) = 0.023540. D_e: gaps are 45, 70, 20 (i) and 40, 50, 25 (j); per unit
    // (N = 5) 70: 895160 + 4900 · 1; 30: 68440 + 900 · 89; 80: 1339840; 20 (twice): 19760 +
    // 400 · 136 — in all 2536760, times 2/235 = 21589.45, over 470 · 469 − 12780 = 207650:
    // 0.103970. αu = 1 − 0.023540 / 0.103970 = 0.7736.
    assert!((without - 0.7736).abs() < 0.0001, "{without}");
    let out = run(&[
        os("agreement"),
        i.as_os_str(),
        j.as_os_str(),
        os("--exclude-uncoded"),
    ]);
    assert!(
        stdout(&out).contains("Uncoded text excluded"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn one_project_is_bad_usage_and_a_missing_one_an_error_naming_it() {
    let _one = one_at_a_time();
    let tmp = tempfile::tempdir().expect("tempdir");
    let (i, _) = two_coders(tmp.path());
    let out = run(&[os("agreement"), i.as_os_str()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stdout(&out).is_empty());
    let gone = tmp.path().join("gone.crosscheck");
    let out = run(&[os("agreement"), i.as_os_str(), gone.as_os_str()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("gone.crosscheck"), "{}", stderr(&out));
    assert!(stdout(&out).is_empty());
}

#[test]
fn articles_only_one_coder_has_are_left_out_and_named() {
    let _one = one_at_a_time();
    let tmp = tempfile::tempdir().expect("tempdir");
    let (i, _) = two_coders(tmp.path());
    let mut other = Project::new(vec![Article::in_memory(
        1,
        "elsewhere.txt",
        "Another story",
        "Nothing in common with the first coder's articles.",
    )]);
    let claim = other.make_claim(1, 0, 7, Some(1)).expect("claim");
    other.apply(Edit::PutClaim(claim)).expect("tag");
    let path = tmp.path().join("other.crosscheck");
    drop(Store::create(&path, &other).expect("create"));
    let out = run(&[os("agreement"), i.as_os_str(), path.as_os_str()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("0 articles compared"), "{text}");
    assert!(
        text.contains("left out: Another story (elsewhere.txt) — only other has this text"),
        "{text}"
    );
    assert!(
        stderr(&out).contains("share no article"),
        "{}",
        stderr(&out)
    );
}
