//! Syntax tree of sequence diagrams (`sequenceDiagram`).

use super::Meta;

/// A `sequenceDiagram`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SequenceDiagram {
    pub meta: Meta,
}
