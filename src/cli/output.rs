//! Standard output for the subcommands, and what a closed standard output means.
//!
//! A reader that stops early (`crosscheck info --json | head`) closes the pipe; the next write
//! fails with `BrokenPipe` (Rust ignores SIGPIPE, so the process is not killed). What the
//! reader wanted was written, so [`super::main`] treats such an error as success, for every
//! subcommand: [`is_closed_pipe`] looks through the error's whole chain, so a subcommand only
//! has to pass its write errors up with `?`, never `println!` (which panics instead).

use std::io::{self, BufWriter, StdoutLock, Write};

/// Standard output, locked and buffered. Call `flush` at the end and pass its error up.
pub fn stdout() -> BufWriter<StdoutLock<'static>> {
    BufWriter::new(io::stdout().lock())
}

/// Writes `text` and a newline to standard output, flushed (for a one-line summary).
pub fn println(text: &str) -> io::Result<()> {
    let mut out = stdout();
    writeln!(out, "{text}")?;
    out.flush()
}

/// True when `err`, or anything in its chain of causes, is a write to a closed pipe.
pub fn is_closed_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        if let Some(e) = cause.downcast_ref::<io::Error>() {
            return e.kind() == io::ErrorKind::BrokenPipe;
        }
        // serde_json keeps the io::Error inside and reports only its kind.
        cause
            .downcast_ref::<serde_json::Error>()
            .is_some_and(|e| e.io_error_kind() == Some(io::ErrorKind::BrokenPipe))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::Context;

    fn pipe_error() -> io::Error {
        io::Error::new(io::ErrorKind::BrokenPipe, "Broken pipe")
    }

    #[test]
    fn a_closed_pipe_is_recognised_through_context_and_serde_json() {
        let wrapped = Err::<(), _>(pipe_error())
            .context("cannot write to standard output")
            .context("info")
            .expect_err("error");
        assert!(is_closed_pipe(&wrapped));
        let json = serde_json::Error::io(pipe_error());
        assert!(is_closed_pipe(&anyhow::Error::new(json)));
        let other = anyhow::Error::new(io::Error::new(io::ErrorKind::NotFound, "gone"));
        assert!(!is_closed_pipe(&other));
        assert!(!is_closed_pipe(&anyhow::anyhow!(
            "Broken pipe, said the text"
        )));
    }
}
