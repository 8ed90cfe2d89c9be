//! Mermaid source text to a typed syntax tree.
//!
//! This crate owns the Mermaid grammars: preprocessing shared by every diagram type (front matter,
//! `%%{init}%%` directives, comments, entity codes), then one nom parser per diagram type, each producing an AST
//! whose elements carry byte [`Span`]s into the source. Every failure is a [`ParseError`] with line, column,
//! what was expected and a caret rendering; no input makes it panic.
//!
//! It must not know about layout, text measurement, SVG or any output format.
//!
//! Diagram types parsed today, one folder each: flowcharts (`graph`, `flowchart`, `flowchart-elk`), sequence
//! diagrams (`sequenceDiagram`), entity–relationship diagrams (`erDiagram`), class diagrams (`classDiagram`,
//! `classDiagram-v2`) and state diagrams (`stateDiagram`, `stateDiagram-v2`). Each folder exports its
//! [`Grammar`] (first keywords and parser); [`parse`] chooses among [`GRAMMARS`], [`parse_with`] among any list
//! (mermaid-rs passes its registry's). Any other first keyword gives an error that lists the supported ones.
//! `cargo run -p mermaid-parser --example dump -- FILE` prints the AST of a file.
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
mod state;
mod text;

pub use ast::*;
pub use error::{printable, ParseError};
pub use limits::Limits;
pub use text::LINE_BREAK;

/// How one diagram type is read: the first keywords that select it, and its grammar.
#[derive(Clone, Copy)]
pub struct Grammar {
    keywords: &'static [&'static str],
    parse: fn(&preprocess::Preprocessed<'_>) -> Result<Diagram, ParseError>,
}

impl Grammar {
    /// The first keywords (after front matter, directives and comments) that select this grammar.
    pub fn keywords(&self) -> &'static [&'static str] {
        self.keywords
    }
}

impl std::fmt::Debug for Grammar {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Grammar").field("keywords", &self.keywords).finish()
    }
}

/// Flowcharts: `flowchart`, `graph`, `flowchart-elk`.
pub const FLOWCHART: Grammar = flowchart::GRAMMAR;
/// Sequence diagrams: `sequenceDiagram`.
pub const SEQUENCE: Grammar = sequence::GRAMMAR;
/// Entity–relationship diagrams: `erDiagram`.
pub const ER: Grammar = er::GRAMMAR;
/// Class diagrams: `classDiagram`, `classDiagram-v2`.
pub const CLASS: Grammar = class::GRAMMAR;
/// State diagrams: `stateDiagram`, `stateDiagram-v2`.
pub const STATE: Grammar = state::GRAMMAR;

/// Every grammar of this crate, what [`parse`] chooses from. (mermaid-rs chooses from its registry of diagram
/// types, which pairs each grammar with a layout; a test there keeps both lists equal.)
pub const GRAMMARS: &[Grammar] = &[FLOWCHART, ER, SEQUENCE, CLASS, STATE];

/// Mermaid diagram keywords that are recognised but not supported (yet).
const KNOWN_UNSUPPORTED: &[&str] = &[
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

/// Parse any supported diagram with the default [`Limits`]. The diagram type is taken from the first keyword
/// after front matter, directives and comments.
pub fn parse(source: &str) -> Result<Diagram, ParseError> {
    parse_with_limits(source, &Limits::default())
}

/// Parse any supported diagram, rejecting anything larger than `limits` allow.
pub fn parse_with_limits(source: &str, limits: &Limits) -> Result<Diagram, ParseError> {
    parse_with(source, limits, GRAMMARS)
}

/// Parse a diagram with the grammar among `grammars` that its first keyword selects, rejecting anything larger
/// than `limits` allow. A keyword no grammar takes gives an error listing the keywords they do take.
pub fn parse_with<'g>(
    source: &str,
    limits: &Limits,
    grammars: impl IntoIterator<Item = &'g Grammar> + Clone,
) -> Result<Diagram, ParseError> {
    limits::check_input(source, limits)?;
    let pre = preprocess::preprocess(source, *limits)?;
    let keyword = pre.keyword();
    let chosen = grammars.clone().into_iter().find(|g| g.keywords.contains(&keyword));
    if let Some(grammar) = chosen {
        let diagram = (grammar.parse)(&pre)?;
        limits::check_labels(source, &diagram, limits)?;
        return Ok(diagram);
    }
    let supported: Vec<&str> = grammars.into_iter().flat_map(|g| g.keywords.iter().copied()).collect();
    unknown_keyword(source, &pre, &supported)
}

/// The keyword of `source` when it is a diagram type mermaid.js draws and no grammar here takes (`gantt`,
/// `pie`, …): a document can keep such a block for the page's own mermaid.js instead of failing.
pub fn unsupported_type(source: &str) -> Option<String> {
    let pre = preprocess::preprocess(source, Limits::default()).ok()?;
    let keyword = pre.keyword();
    let taken = GRAMMARS.iter().any(|g| g.keywords.contains(&keyword));
    (KNOWN_UNSUPPORTED.contains(&keyword) && !taken).then(|| keyword.to_string())
}

/// The error for a first keyword no grammar takes, with a hint when it looks like a typo or a headerless
/// flowchart.
fn unknown_keyword(
    source: &str,
    pre: &preprocess::Preprocessed<'_>,
    supported: &[&str],
) -> Result<Diagram, ParseError> {
    let keyword = pre.keyword();
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
