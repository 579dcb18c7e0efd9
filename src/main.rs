//! The `crosscheck` binary: parse the command line, run a headless command or start the window.

fn main() -> std::process::ExitCode {
    crosscheck::cli::main()
}
