//! The `mermaid-rs` command line: a drop-in replacement for mermaid-cli's `mmdc` (see `src/cli/`).

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
