//! Mermaid source text to a typed syntax tree.
//!
//! This crate owns the Mermaid grammars: preprocessing shared by every diagram type (front matter,
//! `%%{init}%%` directives, comments, entity codes), then one nom parser per diagram type, each producing an AST
//! whose elements carry byte [`Span`]s into the source. Every failure is a [`ParseError`] with line, column,
//! what was expected and a caret rendering; no input makes it panic.
//!
//! It must not know about layout, text measurement, SVG or any output format.

pub mod ast;
mod error;
mod flowchart;

pub use ast::*;
pub use error::ParseError;

/// Parse any supported diagram. The diagram type is taken from the first keyword after front matter,
/// directives and comments.
pub fn parse(source: &str) -> Result<Diagram, ParseError> {
    flowchart::parse_flowchart(source).map(Diagram::Flowchart)
}
