//! `mdbook-mermaid-rs`: an mdBook preprocessor (mdBook's protocol: `supports <renderer>`, then the book as JSON
//! on standard input and back on standard output) that replaces every Mermaid block of a book with its SVG,
//! drawn at build time by mermaid-rs, inline in the page or as image files.
//!
//! It owns the book-level decisions (options from `book.toml`, ids unique across the book, light and dark
//! drawings that follow mdBook's theme, blocks of diagram types mermaid-rs does not draw). It knows only the
//! public API of the `mermaid-rs` crate; finding blocks is `mermaid_rs::markdown`'s job.

mod chapter;
mod options;

use mdbook_preprocessor::book::{Book, BookItem};
use mdbook_preprocessor::PreprocessorContext;
use std::io::{self, Read, Write};
use std::process::ExitCode;

/// The name mdBook knows this preprocessor by: `[preprocessor.mermaid-rs]` runs `mdbook-mermaid-rs`.
pub const NAME: &str = "mermaid-rs";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        // Every renderer gets HTML it can show (inline SVG or image links).
        Some("supports") => ExitCode::SUCCESS,
        Some("--version" | "-V") => {
            println!("mdbook-mermaid-rs {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Some(other) => {
            eprintln!(
                "mdbook-mermaid-rs: unknown argument `{other}`; mdBook runs it as a preprocessor (see the README)"
            );
            ExitCode::from(2)
        }
        None => match preprocess() {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("{message}");
                ExitCode::FAILURE
            }
        },
    }
}

/// Read the book from standard input, draw its diagrams, write it to standard output.
fn preprocess() -> Result<(), String> {
    let mut input = String::new();
    io::stdin()
        .read_to_string(&mut input)
        .map_err(|e| format!("mdbook-mermaid-rs: cannot read the book from standard input: {e}"))?;
    let (ctx, book) = mdbook_preprocessor::parse_input(input.as_bytes())
        .map_err(|e| format!("mdbook-mermaid-rs: the input is not an mdBook book: {e:#}"))?;
    let book = run(&ctx, book)?;
    let out = serde_json::to_string(&book).map_err(|e| format!("mdbook-mermaid-rs: {e}"))?;
    io::stdout()
        .write_all(out.as_bytes())
        .map_err(|e| format!("mdbook-mermaid-rs: cannot write the book: {e}"))
}

/// Every chapter with its diagrams drawn; the first error stops the build.
fn run(ctx: &PreprocessorContext, mut book: Book) -> Result<Book, String> {
    let table = ctx
        .config
        .get::<serde_json::Map<String, serde_json::Value>>(&format!("preprocessor.{NAME}"))
        .map_err(|e| format!("mdbook-mermaid-rs: book.toml: {e:#}"))?
        .unwrap_or_default();
    let options = options::Settings::from_table(&table, &ctx.root)?;
    let src_dir = ctx.root.join(&ctx.config.book.src);
    let mut failure = None;
    book.for_each_mut(|item| {
        let BookItem::Chapter(ch) = item else { return };
        let (Some(path), None) = (ch.path.clone(), &failure) else {
            return;
        };
        match chapter::draw(&ch.content, &path, &options, &src_dir) {
            Ok(Some(content)) => ch.content = content,
            Ok(None) => {}
            Err(message) => failure = Some(message),
        }
    });
    match failure {
        Some(message) => Err(message),
        None => Ok(book),
    }
}
