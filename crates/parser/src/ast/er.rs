//! Syntax tree of entity–relationship diagrams (`erDiagram`).

use super::Meta;

/// An `erDiagram`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ErDiagram {
    pub meta: Meta,
}
