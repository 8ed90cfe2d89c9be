//! Mermaid source text to a typed syntax tree.
//!
//! This crate owns the Mermaid grammars: preprocessing shared by every diagram type (front matter,
//! `%%{init}%%` directives, comments, entity codes), then one nom parser per diagram type, each producing an AST
//! whose elements carry byte [`Span`]s into the source. Every failure is a [`ParseError`] with line, column,
//! what was expected and a caret rendering; no input makes it panic.
//!
//! It must not know about layout, text measurement, SVG or any output format.
//!
//! Diagram types parsed today: flowcharts (`graph`, `flowchart`, `flowchart-elk`), sequence diagrams
//! (`sequenceDiagram`), entity–relationship diagrams (`erDiagram`) and class diagrams (`classDiagram`). Any other first keyword gives an error that lists the supported ones. `cargo run -p mermaid-parser --example dump -- FILE` prints
//! the AST of a file.
//!
//! ```
//! let diagram = mermaid_parser::parse("flowchart LR\n  a[Start] --> b{Done?}").unwrap();
//! let mermaid_parser::Diagram::Flowchart(chart) = diagram else { panic!("a flowchart") };
//! assert_eq!(chart.nodes.len(), 2);
//! assert_eq!(chart.edges[0].from, "a");
//! ```
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod ast;
mod class;
mod data;
mod er;
mod error;
mod flowchart;
mod limits;
mod preprocess;
mod sequence;
mod shapes;
mod text;

pub use ast::*;
pub use error::ParseError;
pub use limits::Limits;
pub use text::LINE_BREAK;

/// A diagram keyword and the grammar that parses diagrams starting with it.
type DiagramParser = fn(&preprocess::Preprocessed<'_>) -> Result<Diagram, ParseError>;

/// Every diagram keyword this crate can parse. A new diagram type adds its keywords here.
const DIAGRAMS: &[(&str, DiagramParser)] = &[
    ("graph", parse_flowchart),
    ("flowchart", parse_flowchart),
    ("flowchart-elk", parse_flowchart),
    ("erDiagram", parse_er),
    ("sequenceDiagram", parse_sequence),
    ("classDiagram", parse_class),
    ("classDiagram-v2", parse_class),
];

/// Mermaid diagram keywords that are recognised but not supported (yet).
const KNOWN_UNSUPPORTED: &[&str] = &[
    "stateDiagram",
    "stateDiagram-v2",
    "gantt",
    "pie",
    "journey",
    "gitGraph",
    "mindmap",
    "timeline",
    "quadrantChart",
    "requirementDiagram",
    "C4Context",
    "sankey-beta",
    "xychart-beta",
    "block-beta",
    "packet-beta",
    "architecture-beta",
    "kanban",
    "radar-beta",
    "treemap-beta",
];

fn parse_sequence(pre: &preprocess::Preprocessed<'_>) -> Result<Diagram, ParseError> {
    sequence::parse_sequence(pre).map(Diagram::Sequence)
}

fn parse_flowchart(pre: &preprocess::Preprocessed<'_>) -> Result<Diagram, ParseError> {
    flowchart::parse_flowchart(pre).map(Diagram::Flowchart)
}

fn parse_class(pre: &preprocess::Preprocessed<'_>) -> Result<Diagram, ParseError> {
    class::parse_class(pre).map(Diagram::Class)
}

fn parse_er(pre: &preprocess::Preprocessed<'_>) -> Result<Diagram, ParseError> {
    er::parse_er(pre).map(Diagram::Er)
}

/// Parse any supported diagram with the default [`Limits`]. The diagram type is taken from the first keyword
/// after front matter, directives and comments.
pub fn parse(source: &str) -> Result<Diagram, ParseError> {
    parse_with_limits(source, &Limits::default())
}

/// Parse any supported diagram, rejecting anything larger than `limits` allow.
pub fn parse_with_limits(source: &str, limits: &Limits) -> Result<Diagram, ParseError> {
    limits::check_input(source, limits)?;
    let pre = preprocess::preprocess(source, *limits)?;
    let keyword = pre.keyword();
    if let Some((_, parser)) = DIAGRAMS.iter().find(|(k, _)| *k == keyword) {
        let diagram = parser(&pre)?;
        limits::check_labels(source, &diagram, limits)?;
        return Ok(diagram);
    }
    let mut supported: Vec<&str> = DIAGRAMS.iter().map(|(k, _)| *k).collect();
    supported.dedup();
    let list = supported
        .iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let shown: String = keyword.chars().take(30).collect();
    let err = if KNOWN_UNSUPPORTED.contains(&keyword) {
        ParseError::new(
            source,
            pre.keyword,
            format!("`{shown}` diagrams are not supported yet: supported diagram types are {list}"),
        )
    } else {
        ParseError::new(
            source,
            pre.keyword,
            format!("unknown diagram type `{shown}`: expected a header starting with one of {list}"),
        )
    };
    let looks_like_flowchart = ["-->", "---", "==>", "-.-"].iter().any(|l| {
        pre.text
            .get(pre.keyword.start..)
            .unwrap_or("")
            .lines()
            .next()
            .unwrap_or("")
            .contains(l)
    });
    // A misspelt or miscased keyword: the nearest supported one, if it is near enough to be a typo.
    let nearest = supported
        .iter()
        .map(|k| {
            (
                text::edit_distance(&k.to_ascii_lowercase(), &keyword.to_ascii_lowercase()),
                *k,
            )
        })
        .min()
        .filter(|&(d, k)| d <= 2 && 2 * d < k.len() && !KNOWN_UNSUPPORTED.contains(&keyword));
    Err(if let Some((_, k)) = nearest {
        err.with_hint(format!("did you mean `{k}`?"))
    } else if looks_like_flowchart {
        err.with_hint("a flowchart starts with a header line such as `flowchart TD`")
    } else {
        err
    })
}
