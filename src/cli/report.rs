//! Diagnostics (`file:line:col: error: message` and the caret snippet), colours that appear only on a terminal
//! (and never with `NO_COLOR`), and a progress bar for long batches on a terminal.

use mermaid_rs::ParseError;
use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Whether to colour what goes to a stream that is (or is not) a terminal.
pub fn colours(is_terminal: bool) -> bool {
    is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

pub fn stderr_colours() -> bool {
    colours(std::io::stderr().is_terminal())
}

pub fn stdout_colours() -> bool {
    colours(std::io::stdout().is_terminal())
}

const RED: &str = "\x1b[1;31m";
const BLUE: &str = "\x1b[1;34m";
const CYAN: &str = "\x1b[1;36m";
const YELLOW: &str = "\x1b[1;33m";
const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

fn paint(on: bool, style: &str, text: &str) -> String {
    if on {
        format!("{style}{text}{RESET}")
    } else {
        text.to_string()
    }
}

/// A parse error as `file:line:col: error: message` followed by the source line and a caret. `diagram` names
/// the block of a Markdown document.
pub fn parse_error(file: &str, error: &ParseError, diagram: Option<usize>, colour: bool) -> String {
    diagnostic(file, error, diagram, colour, (RED, "error:"))
}

/// Something accepted although mermaid.js reads it otherwise, in the same form as [`parse_error`].
pub fn parse_warning(file: &str, warning: &ParseError, diagram: Option<usize>, colour: bool) -> String {
    diagnostic(file, warning, diagram, colour, (YELLOW, "warning:"))
}

fn diagnostic(
    file: &str,
    error: &ParseError,
    diagram: Option<usize>,
    colour: bool,
    (style, severity): (&str, &str),
) -> String {
    let what = match diagram {
        Some(n) => format!("diagram {n}: {}", error.message),
        None => error.message.clone(),
    };
    let file = mermaid_parser::printable(file);
    let mut out = format!(
        "{} {} {}",
        paint(colour, BOLD, &format!("{file}:{}:{}:", error.line, error.column)),
        paint(colour, style, severity),
        paint(colour, BOLD, &what)
    );
    // The snippet of ParseError::render without its first two lines (message and position, said above).
    for line in error.render().lines().skip(2) {
        out.push('\n');
        if !colour {
            out.push_str(line);
            continue;
        }
        if let Some((gutter, rest)) = line.split_once(" | ").or_else(|| line.split_once(" |")) {
            let is_caret = gutter.trim().is_empty() && rest.contains('^');
            out.push_str(&paint(true, BLUE, &format!("{gutter} |")));
            if !rest.is_empty() || line.ends_with(" | ") {
                out.push(' ');
            }
            if is_caret {
                let body = rest.trim_end_matches('^');
                out.push_str(body);
                out.push_str(&paint(true, RED, &rest[body.len()..]));
            } else {
                out.push_str(rest);
            }
        } else if let Some((pad, hint)) = line.split_once("= help:") {
            out.push_str(pad);
            out.push_str(&paint(true, CYAN, "= help:"));
            out.push_str(hint);
        } else {
            out.push_str(line);
        }
    }
    out
}

/// Any other error about a file: `file: error: message`.
pub fn file_error(file: &str, message: &str, colour: bool) -> String {
    // File names come from directories strangers fill: no control character may reach the terminal.
    let file = mermaid_parser::printable(file);
    format!(
        "{} {} {}",
        paint(colour, BOLD, &format!("{file}:")),
        paint(colour, RED, "error:"),
        mermaid_parser::printable(message)
    )
}

/// Something done differently from what was asked, that does not fail the run.
pub fn warning(message: &str) {
    let colour = stderr_colours();
    eprintln!("{} {message}", paint(colour, YELLOW, "warning:"));
}

/// A note about the run (ignored flags and the like).
pub fn note(message: &str) {
    let colour = stderr_colours();
    eprintln!("{} {message}", paint(colour, YELLOW, "note:"));
}

/// A progress bar on standard error, drawn only on a terminal, at most ten times a second, and cleared at the
/// end. Safe to tick from many threads.
pub struct Progress {
    total: usize,
    done: AtomicUsize,
    enabled: bool,
    last: Mutex<Option<Instant>>,
}

impl Progress {
    /// A bar for `total` steps; `enabled` when the caller wants one (not quiet, a long batch).
    pub fn new(total: usize, enabled: bool) -> Progress {
        Progress {
            total,
            done: AtomicUsize::new(0),
            enabled: enabled && std::io::stderr().is_terminal(),
            last: Mutex::new(None),
        }
    }

    pub fn is_drawn(&self) -> bool {
        self.enabled
    }

    pub fn tick(&self, label: &str) {
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        if !self.enabled {
            return;
        }
        let mut last = self.last.lock().unwrap_or_else(|e| e.into_inner());
        if done < self.total && last.is_some_and(|t| t.elapsed() < Duration::from_millis(100)) {
            return;
        }
        *last = Some(Instant::now());
        const WIDTH: usize = 30;
        let filled = WIDTH * done / self.total.max(1);
        let label: String = label
            .chars()
            .rev()
            .take(40)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let mut err = std::io::stderr().lock();
        let _ = write!(
            err,
            "\r\x1b[2K[{}{}] {done}/{} {label}",
            "#".repeat(filled),
            "-".repeat(WIDTH - filled),
            self.total
        );
        let _ = err.flush();
    }

    /// Clear the bar, so that what follows starts on a clean line.
    pub fn finish(&self) {
        if self.enabled {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K");
            let _ = err.flush();
        }
    }

    /// Print a line above the bar (errors found while it runs).
    pub fn println(&self, text: &str) {
        let mut err = std::io::stderr().lock();
        if self.enabled {
            let _ = write!(err, "\r\x1b[2K");
        }
        let _ = writeln!(err, "{text}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_diagnostic() {
        let err = mermaid_rs::parse("graph TD\n  A -> B\n").unwrap_err();
        let mermaid_rs::Error::Parse(err) = err else { panic!() };
        let text = parse_error("x.mmd", &err, None, false);
        assert!(text.starts_with("x.mmd:2:5: error: "), "{text}");
        assert!(text.contains("2 |   A -> B"), "{text}");
        assert!(text.contains("^^"), "{text}");
        assert!(!text.contains('\x1b'));
        let coloured = parse_error("x.mmd", &err, Some(3), true);
        assert!(coloured.contains("\x1b[1;31merror:"));
        assert!(coloured.contains("diagram 3: "));
    }
}
