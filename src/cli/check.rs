//! `mermaid-rs check`: parse diagrams and the diagrams of Markdown documents, without layout, and report every
//! error as text (`file:line:col`), JSON or GitHub Actions annotations.

use super::args::{CheckArgs, CheckFormat};
use super::files::ReadError;
use super::report;
use super::Outcome;
use mermaid_rs::{markdown, Error, ParseError};
use rayon::prelude::*;
use std::path::PathBuf;
use std::process::ExitCode;

/// One problem found.
struct Problem {
    file: String,
    /// The Markdown block, when the file is a document.
    diagram: Option<usize>,
    /// A parse error in document coordinates, or a message about the whole file.
    error: Result<ParseError, String>,
    io: bool,
    /// Accepted, but mermaid.js reads it otherwise: reported, never failing the run.
    warning: bool,
}

struct Checked {
    diagrams: usize,
    problems: Vec<Problem>,
}

pub fn run(args: &CheckArgs) -> ExitCode {
    let mut files: Vec<(String, Option<PathBuf>)> = Vec::new();
    let mut problems = Vec::new();
    for f in &args.files {
        if f == "-" {
            files.push(("<stdin>".into(), None));
            continue;
        }
        let path = PathBuf::from(f);
        if path.is_dir() {
            match super::files::walk(&path) {
                Ok(found) => {
                    if !args.quiet {
                        for link in &found.skipped_links {
                            report::note(&format!("{}: a symbolic link, not followed", link.display()));
                        }
                    }
                    files.extend(found.files.into_iter().map(|p| (p.display().to_string(), Some(p))))
                }
                Err(e) => problems.push(Problem {
                    file: f.clone(),
                    diagram: None,
                    error: Err(format!("cannot read directory: {e}")),
                    io: true,
                    warning: false,
                }),
            }
        } else {
            files.push((f.clone(), Some(path)));
        }
    }
    let results: Vec<Checked> = files
        .par_iter()
        .map(|(name, path)| check_file(name, path.as_ref()))
        .collect();
    let diagrams: usize = results.iter().map(|r| r.diagrams).sum();
    problems.extend(results.into_iter().flat_map(|r| r.problems));
    let outcome = problems.iter().filter(|p| !p.warning).fold(Outcome::Ok, |w, p| {
        w.max(if p.io { Outcome::Io } else { Outcome::BadInput })
    });
    let (warnings, problems): (Vec<Problem>, Vec<Problem>) = problems.into_iter().partition(|p| p.warning);
    match args.format {
        CheckFormat::Text => {
            let colour = report::stdout_colours();
            for p in &problems {
                let text = match &p.error {
                    Ok(e) => report::parse_error(&p.file, e, p.diagram, colour),
                    Err(m) => report::file_error(&p.file, m, colour),
                };
                println!("{text}");
            }
            for p in &warnings {
                if let Ok(w) = &p.error {
                    println!("{}", report::parse_warning(&p.file, w, p.diagram, colour));
                }
            }
            if !args.quiet {
                eprintln!(
                    "checked {} files, {} diagrams: {}{}",
                    files.len(),
                    diagrams,
                    match problems.len() {
                        0 => "no errors".to_string(),
                        1 => "1 error".to_string(),
                        n => format!("{n} errors"),
                    },
                    match warnings.len() {
                        0 => String::new(),
                        1 => ", 1 warning".to_string(),
                        n => format!(", {n} warnings"),
                    }
                );
            }
        }
        CheckFormat::Json => {
            let errors: Vec<serde_json::Value> = problems.iter().map(json_of).collect();
            let warning_list: Vec<serde_json::Value> = warnings.iter().map(json_of).collect();
            let doc = serde_json::json!({
                "files": files.len(),
                "diagrams": diagrams,
                "errorCount": problems.len(),
                "errors": errors,
                "warningCount": warnings.len(),
                "warnings": warning_list,
            });
            println!("{}", serde_json::to_string_pretty(&doc).unwrap_or_default());
        }
        CheckFormat::Github => {
            for p in problems.iter().chain(&warnings) {
                println!("{}", github_of(p));
            }
        }
    }
    outcome.code()
}

fn check_file(name: &str, path: Option<&PathBuf>) -> Checked {
    let text = match super::files::read_text(path.map(PathBuf::as_path)) {
        Ok(t) => t,
        Err(e) => {
            let (error, io) = match e {
                ReadError::Io(e) => (Err(format!("cannot read: {e}")), true),
                ReadError::Utf8(e) => (Ok(e), false),
            };
            return Checked {
                diagrams: 0,
                problems: vec![Problem {
                    file: name.into(),
                    diagram: None,
                    error,
                    io,
                    warning: false,
                }],
            };
        }
    };
    let is_md = path.is_some_and(|p| markdown::is_markdown_path(p));
    let mut problems = Vec::new();
    let problem = |diagram, error| Problem {
        file: name.into(),
        diagram,
        error,
        io: false,
        warning: false,
    };
    let warning = |diagram, w| Problem {
        warning: true,
        ..problem(diagram, Ok(w))
    };
    if is_md {
        let blocks = markdown::extract(&text);
        for b in &blocks {
            match mermaid_rs::parse(&b.source) {
                Ok(d) => {
                    let found = d.meta().warnings.iter();
                    problems.extend(found.map(|w| warning(Some(b.index), b.error_in_document(w, &text))));
                }
                // A type not drawn here is kept in the document for its own mermaid.js: a warning.
                Err(Error::Parse(e)) if b.unsupported_type().is_some() => {
                    problems.push(warning(Some(b.index), b.error_in_document(&e, &text)));
                }
                Err(Error::Parse(e)) => problems.push(problem(Some(b.index), Ok(b.error_in_document(&e, &text)))),
                Err(e) => problems.push(problem(Some(b.index), Err(e.to_string()))),
            }
        }
        Checked {
            diagrams: blocks.len(),
            problems,
        }
    } else {
        match mermaid_rs::parse(&text) {
            Ok(d) => problems.extend(d.meta().warnings.iter().map(|w| warning(None, w.clone()))),
            Err(Error::Parse(e)) => problems.push(problem(None, Ok(e))),
            Err(e) => problems.push(problem(None, Err(e.to_string()))),
        }
        Checked { diagrams: 1, problems }
    }
}

/// The 1-based column just past the error's span on its line.
fn end_column(e: &ParseError) -> usize {
    let rest = e.source_line.chars().count().saturating_sub(e.column - 1);
    let width = e.span.end.saturating_sub(e.span.start).clamp(1, rest.max(1));
    e.column + width
}

fn json_of(p: &Problem) -> serde_json::Value {
    match &p.error {
        Ok(e) => serde_json::json!({
            "file": p.file,
            "diagram": p.diagram,
            "line": e.line,
            "column": e.column,
            "endLine": e.line,
            "endColumn": end_column(e),
            "severity": if p.warning { "warning" } else { "error" },
            "message": e.message,
            "hint": e.hint,
            "sourceLine": e.source_line,
            "rendered": e.render(),
        }),
        Err(m) => serde_json::json!({
            "file": p.file,
            "diagram": p.diagram,
            "line": null,
            "column": null,
            "severity": "error",
            "message": m,
        }),
    }
}

fn gh_escape(s: &str, property: bool) -> String {
    let mut out = s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A");
    if property {
        out = out.replace(':', "%3A").replace(',', "%2C");
    }
    out
}

fn github_of(p: &Problem) -> String {
    let file = gh_escape(&p.file, true);
    match &p.error {
        Ok(e) => {
            let mut message = match p.diagram {
                Some(n) => format!("diagram {n}: {}", e.message),
                None => e.message.clone(),
            };
            if let Some(h) = &e.hint {
                message.push_str(&format!("\nhelp: {h}"));
            }
            let (command, title) = match p.warning {
                true => ("warning", "Mermaid compatibility"),
                false => ("error", "Mermaid syntax error"),
            };
            format!(
                "::{command} file={file},line={},col={},endColumn={},title={}::{}",
                e.line,
                e.column,
                end_column(e),
                gh_escape(title, true),
                gh_escape(&message, false)
            )
        }
        Err(m) => format!("::error file={file}::{}", gh_escape(m, false)),
    }
}
