//! The command line's contract (GUIDE.md §1): --help and --version, exit status 2 on bad
//! usage, 1 on an error, with the message on stderr.

use std::process::Command;

fn crosscheck(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(args)
        .output()
        .expect("run crosscheck")
}

#[test]
fn help_lists_every_subcommand_and_version_prints_the_version() {
    let help = crosscheck(&["--help"]);
    assert!(help.status.success());
    let text = String::from_utf8_lossy(&help.stdout);
    for sub in ["new", "info", "figures", "conflicts", "report"] {
        assert!(text.contains(sub), "--help mentions {sub}:\n{text}");
    }
    let version = crosscheck(&["--version"]);
    assert!(version.status.success());
    assert_eq!(
        String::from_utf8_lossy(&version.stdout).trim(),
        format!("crosscheck {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn bad_usage_exits_2_and_errors_exit_1_with_a_message_naming_the_file() {
    let bad = crosscheck(&["report"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(!bad.stderr.is_empty());
    let bogus = crosscheck(&["frobnicate", "--now"]);
    assert_eq!(bogus.status.code(), Some(2));

    let missing = crosscheck(&["info", "/nonexistent/project.crosscheck"]);
    assert_eq!(missing.status.code(), Some(1));
    let err = String::from_utf8_lossy(&missing.stderr);
    assert!(err.contains("/nonexistent/project.crosscheck"), "{err}");
    assert!(missing.stdout.is_empty(), "errors go to stderr only");
}
