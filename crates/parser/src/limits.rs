//! Resource limits the parser enforces, so that no input can make it (or the stages after it) use unbounded
//! time or memory. Every limit gives a [`ParseError`] pointing at the place where it was exceeded.

use crate::ast::{Diagram, Label, SeqStatement, Span};
use crate::ParseError;

/// How much a diagram may contain. [`Limits::default`] suits any hand-written diagram; raise a limit for
/// generated ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Source length in bytes (Mermaid's own default is 50,000 characters).
    pub max_input_bytes: usize,
    /// Nesting depth of flowchart subgraphs, sequence blocks (`loop`, `alt`, `rect`, …) and composite states.
    pub max_nesting_depth: usize,
    /// Flowchart nodes, sequence participants, ER entities, states and notes.
    pub max_nodes: usize,
    /// Flowchart edges (`a & b --> c & d` makes four), sequence statements (messages, notes, activations,
    /// block markers), ER relationships, state transitions.
    pub max_edges: usize,
    /// Characters in one label (node, edge, subgraph title, message, note, relationship, …).
    pub max_label_chars: usize,
}

impl Limits {
    /// Defaults: 1 MiB of source, 256 levels of nesting, 10,000 nodes, 20,000 edges, 20,000 characters per label.
    pub const DEFAULT: Limits = Limits {
        max_input_bytes: 1 << 20,
        max_nesting_depth: 256,
        max_nodes: 10_000,
        max_edges: 20_000,
        max_label_chars: 20_000,
    };

    /// No limit at all (`usize::MAX` everywhere): only for trusted input.
    pub const UNLIMITED: Limits = Limits {
        max_input_bytes: usize::MAX,
        max_nesting_depth: usize::MAX,
        max_nodes: usize::MAX,
        max_edges: usize::MAX,
        max_label_chars: usize::MAX,
    };
}

impl Default for Limits {
    fn default() -> Self {
        Limits::DEFAULT
    }
}

pub(crate) const HINT: &str = "raise the limit in `Limits` if this diagram is trusted";

/// Reject a source longer than `limits.max_input_bytes`, pointing at the first byte past the limit.
pub(crate) fn check_input(source: &str, limits: &Limits) -> Result<(), ParseError> {
    if source.len() <= limits.max_input_bytes {
        return Ok(());
    }
    let at = limits.max_input_bytes;
    Err(ParseError::new(
        source,
        Span::new(at, at + 1),
        format!(
            "the input is too large: {} bytes, more than the limit of {} bytes",
            source.len(),
            limits.max_input_bytes
        ),
    )
    .with_hint(HINT))
}

/// An error for a count limit exceeded by the statement at `span`.
pub(crate) fn too_many(source: &str, span: Span, what: &str, limit: usize) -> ParseError {
    ParseError::new(source, span, format!("too many {what}: the limit is {limit}")).with_hint(HINT)
}

/// An error for nesting deeper than the limit, at the block opened at `span`.
pub(crate) fn too_deep(source: &str, span: Span, what: &str, limit: usize) -> ParseError {
    ParseError::new(
        source,
        span,
        format!("{what} are nested too deeply (more than {limit} levels)"),
    )
    .with_hint(HINT)
}

/// Check the length of every label of a parsed diagram.
pub(crate) fn check_labels(source: &str, diagram: &Diagram, limits: &Limits) -> Result<(), ParseError> {
    let max = limits.max_label_chars;
    let check = |text: &str, span: Span| -> Result<(), ParseError> {
        // Cheap test first: a string of at most `max` bytes has at most `max` characters.
        if text.len() > max && text.chars().count() > max {
            return Err(ParseError::new(
                source,
                span,
                format!(
                    "this label is too long: {} characters, more than the limit of {max}",
                    text.chars().count()
                ),
            )
            .with_hint(HINT));
        }
        Ok(())
    };
    let label = |l: &Label| check(&l.text, l.span);
    match diagram {
        Diagram::Flowchart(fc) => {
            for n in &fc.nodes {
                check(&n.id, n.span)?;
                if let Some(l) = &n.label {
                    label(l)?;
                }
            }
            for e in &fc.edges {
                if let Some(l) = &e.label {
                    label(l)?;
                }
            }
            for s in &fc.subgraphs {
                check(&s.id, s.span)?;
                if let Some(l) = &s.title {
                    label(l)?;
                }
            }
        }
        Diagram::Sequence(d) => {
            for p in &d.participants {
                label(&p.label)?;
            }
            for s in &d.statements {
                match s {
                    SeqStatement::Message(m) => label(&m.text)?,
                    SeqStatement::Note(n) => label(&n.text)?,
                    SeqStatement::BlockStart { label: l, .. } | SeqStatement::BlockBranch { label: l, .. } => label(l)?,
                    _ => {}
                }
            }
        }
        Diagram::Er(d) => {
            for e in &d.entities {
                check(&e.name, e.span)?;
                if let Some(l) = &e.alias {
                    label(l)?;
                }
                for a in &e.attributes {
                    check(&a.name, a.span)?;
                    check(&a.ty, a.span)?;
                    if let Some(c) = &a.comment {
                        check(c, a.span)?;
                    }
                }
            }
            for r in &d.relationships {
                label(&r.label)?;
            }
        }
        Diagram::Class(d) => {
            for c in &d.classes {
                check(&c.id, c.span)?;
                if let Some(l) = &c.label {
                    label(l)?;
                }
                for m in &c.members {
                    check(&m.text, m.span)?;
                }
            }
            for r in &d.relations {
                if let Some(l) = &r.label {
                    label(l)?;
                }
                for card in [&r.from_cardinality, &r.to_cardinality].into_iter().flatten() {
                    check(card, r.span)?;
                }
            }
            for n in &d.notes {
                label(&n.text)?;
            }
        }
        Diagram::State(d) => {
            for s in &d.states {
                check(&s.id, s.span)?;
                for l in s.title.iter().chain(&s.descriptions) {
                    label(l)?;
                }
            }
            for t in &d.transitions {
                if let Some(l) = &t.label {
                    label(l)?;
                }
            }
            for n in &d.notes {
                label(&n.text)?;
            }
        }
    }
    Ok(())
}
