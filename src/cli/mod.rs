//! The command line (GUIDE.md §1): `crosscheck [PATH]` opens the window; subcommands run
//! headless, print results to stdout and warnings and errors to stderr.
//!
//! Exit codes: 0 success, 1 error, 2 bad usage. Each subcommand lives in its own file and
//! returns `anyhow::Result`, so an error is reported once, here, with its context chain. A
//! closed standard output is success for every subcommand ([`output`]).

mod agreement;
mod conflicts;
mod figures;
mod info;
mod merge;
mod new;
mod output;
mod quotes;
mod refresh;
mod report;
mod reuse;
mod settings;
mod shared;
mod stories;
mod timeline;

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

/// Crosscheck: read news articles side by side, tag and link conflicting claims and figures.
#[derive(Parser, Debug)]
#[command(name = "crosscheck", version, about, long_about = None)]
pub struct Cli {
    /// A folder of articles (opened as a new project), a project file, or a shared project's
    /// address (postgres://USER@HOST/DATABASE) to open in the window.
    pub path: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The headless subcommands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Import a folder of articles into a new project file.
    New {
        /// The folder to import.
        folder: PathBuf,
        /// The project file to create.
        #[arg(short, long)]
        output: PathBuf,
        /// Overwrite OUTPUT if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Show what a project holds: schema version, articles, claims, links, categories.
    Info {
        project: PathBuf,
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
    /// List every figure found in folders, files, projects, or `-` (standard input).
    Figures {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Print one JSON array.
        #[arg(long)]
        json: bool,
    },
    /// List the figures across articles that look like they conflict.
    Conflicts {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Print one JSON array.
        #[arg(long)]
        json: bool,
    },
    /// List quotations that appear in several articles, grouped, with their differences.
    Quotes {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Print one JSON array.
        #[arg(long)]
        json: bool,
    },
    /// When each article speaks, its time expressions, and every figure with its `as_of`.
    Timeline {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Print one JSON array (one object per article).
        #[arg(long)]
        json: bool,
    },
    /// The stories the articles form: each story's articles, time span, and the names and
    /// words that tie it.
    Stories {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Print one JSON array (one object per story).
        #[arg(long)]
        json: bool,
    },
    /// Which articles copy or rewrite which: shared passages, the share of each article's
    /// words in them, a class (wholly, partially derived, independent) and the likely direction;
    /// then the independent sources behind each figure.
    Reuse {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Print one JSON array (objects tagged `article`, `family`, `figure`).
        #[arg(long)]
        json: bool,
    },
    /// Read the sources again: new versions, what changed, re-anchored and orphaned claims.
    Refresh {
        project: PathBuf,
        /// The folder to read; by default the one the project was imported from.
        folder: Option<PathBuf>,
        /// Print one JSON array (one object per article).
        #[arg(long)]
        json: bool,
    },
    /// Copy a project file into a PostgreSQL database as a shared project.
    Push {
        project: PathBuf,
        /// The database: postgres://USER@HOST[:PORT]/DATABASE (password: PGPASSWORD-style
        /// `USER:PASSWORD@`, or trust/peer authentication).
        url: String,
        /// Overwrite the project the database already holds (everything in it is lost).
        #[arg(long)]
        replace: bool,
    },
    /// Copy a shared project from PostgreSQL into a new project file.
    Pull {
        url: String,
        /// The project file to create.
        #[arg(short, long)]
        output: PathBuf,
        /// Overwrite OUTPUT if it exists.
        #[arg(long)]
        force: bool,
    },
    /// How far coders who tagged copies of the same articles agree: Krippendorff's αu per
    /// category, Cohen's κ for verdicts, overall and per article, and the disagreements.
    Agreement {
        /// Two or more project files, one per coder.
        #[arg(required = true, num_args = 2..)]
        projects: Vec<PathBuf>,
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
        /// Leave out the text no coder tagged (αu over the tagged text alone).
        #[arg(long)]
        exclude_uncoded: bool,
    },
    /// Merge project B into project A, writing the result to a new file.
    ///
    /// Articles match by content hash, claims by article, offsets and category, categories by
    /// identity then name. Clashes and conflicting judgements are printed as warnings; nothing
    /// is dropped, and merging the result with B again changes nothing.
    Merge {
        /// The project merged into (its values win a conflict).
        a: PathBuf,
        /// The project merged in.
        b: PathBuf,
        /// The new project file to write (never an existing file).
        #[arg(short, long)]
        output: PathBuf,
        /// Print the merge report as one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Show or set the project's settings (publisher, report address) as KEY=VALUE pairs.
    Settings {
        project: PathBuf,
        /// `publisher_name=…`, `publisher_url=https://…`, `report_url=https://…`; an empty
        /// value clears the setting. Without pairs, prints the settings.
        pairs: Vec<String>,
    },
    /// Export the project's report.
    Report {
        project: PathBuf,
        #[arg(long, value_enum)]
        format: ReportFormat,
        /// Output file; standard output when missing or `-`.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
}

/// Formats `crosscheck report` writes.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportFormat {
    Html,
    Md,
    Csv,
    Json,
    Claimreview,
    Xlsx,
}

/// Parses the arguments and runs.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let result = match cli.command {
        None => crate::app::run(cli.path),
        Some(Command::New {
            folder,
            output,
            force,
        }) => new::run(&folder, &output, force),
        Some(Command::Info { project, json }) => info::run(&project, json),
        Some(Command::Figures { paths, json }) => figures::run(&paths, json),
        Some(Command::Conflicts { paths, json }) => conflicts::run(&paths, json),
        Some(Command::Quotes { paths, json }) => quotes::run(&paths, json),
        Some(Command::Timeline { paths, json }) => timeline::run(&paths, json),
        Some(Command::Stories { paths, json }) => stories::run(&paths, json),
        Some(Command::Reuse { paths, json }) => reuse::run(&paths, json),
        Some(Command::Refresh {
            project,
            folder,
            json,
        }) => refresh::run(&project, folder.as_deref(), json),
        Some(Command::Agreement {
            projects,
            json,
            exclude_uncoded,
        }) => agreement::run(&projects, json, exclude_uncoded),
        Some(Command::Merge { a, b, output, json }) => merge::run(&a, &b, &output, json),
        Some(Command::Settings { project, pairs }) => settings::run(&project, &pairs),
        Some(Command::Report {
            project,
            format,
            output,
        }) => report::run(&project, format, output.as_deref()),
        Some(Command::Push {
            project,
            url,
            replace,
        }) => shared::push(&project, &url, replace),
        Some(Command::Pull { url, output, force }) => shared::pull(&url, &output, force),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // The reader of standard output stopped early (`| head`): not an error.
        Err(e) if output::is_closed_pipe(&e) => ExitCode::SUCCESS,
        Err(e) if e.is::<UsageError>() => {
            eprintln!("crosscheck: {e:#}");
            ExitCode::from(2)
        }
        Err(e) => {
            eprintln!("crosscheck: error: {e:#}");
            ExitCode::from(1)
        }
    }
}

/// A mistake in the command line found after parsing (exit code 2).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);
