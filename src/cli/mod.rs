//! The `mermaid-rs` command line. `args` is the grammar, `render` renders (single files, batches, Markdown
//! documents), `check` parses only, `report` formats diagnostics, colours and the progress bar.

mod args;
mod check;
mod document;
mod files;
mod render;
mod report;

use clap::CommandFactory;
use std::process::ExitCode;

/// The diagram or configuration is not valid.
pub const EXIT_BAD_INPUT: u8 = 1;
/// The command line is not valid (clap exits with 2 itself for its own errors).
pub const EXIT_USAGE: u8 = 2;
/// A file could not be read or written.
pub const EXIT_IO: u8 = 3;

/// The worst outcome of a run: I/O failures outrank bad input.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    #[default]
    Ok,
    BadInput,
    Io,
}

impl Outcome {
    pub fn code(self) -> ExitCode {
        match self {
            Outcome::Ok => ExitCode::SUCCESS,
            Outcome::BadInput => ExitCode::from(EXIT_BAD_INPUT),
            Outcome::Io => ExitCode::from(EXIT_IO),
        }
    }
}

pub fn main() -> ExitCode {
    let cli = args::Cli::parse_args();
    match cli.command {
        Some(args::Command::Render(a)) => render::run(&a),
        Some(args::Command::Check(a)) => check::run(&a),
        Some(args::Command::Completions { shell }) => {
            clap_complete::generate(shell, &mut args::Cli::command(), "mermaid-rs", &mut std::io::stdout());
            ExitCode::SUCCESS
        }
        None => render::run(&cli.render),
    }
}

/// A usage error in clap's style, exit code 2.
pub fn usage_error(message: &str) -> ExitCode {
    let mut cmd = args::Cli::command();
    cmd.error(clap::error::ErrorKind::ArgumentConflict, message)
        .print()
        .ok();
    ExitCode::from(EXIT_USAGE)
}
