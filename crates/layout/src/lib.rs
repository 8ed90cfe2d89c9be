//! Layout: from a parsed diagram to a positioned [`Scene`].
//!
//! This crate owns geometry per diagram type: it sizes every element from measured text (through
//! `mermaid-text`), places it (through the layered engine of `mermaid-layered`, or its own rules for sequence
//! diagrams), draws node shapes, clips and smooths edges, and writes the final `mermaid-scene` [`Scene`] with
//! styles resolved from a [`Theme`].
//!
//! It must not know about SVG, PNG or any output format (backends only walk the scene), nor about Mermaid's
//! text syntax beyond the parser's typed AST.
// Library code must not panic on any input; unit tests may.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

mod class;
pub mod config;
mod cost;
mod engine;
mod er;
mod flowchart;
mod rich;
mod routes;

mod sequence;
mod shapes;
mod state;
mod text;

// Shorter paths for the crates every diagram module reads.
use mermaid_scene as scene;
use mermaid_scene::{style, theme};

pub use config::{Config, Curve};
pub use cost::layout_cost;
pub use mermaid_scene::{Scene, Theme, THEME_NAMES};

use mermaid_parser::Diagram;

/// Lays out one diagram type; `None` when the diagram is of another type. mermaid-rs's registry pairs each of
/// these with the parser's grammar for the same type.
pub type Layout = fn(&Diagram, &Config) -> Option<Scene>;

/// Flowcharts, through the layered engine.
pub const FLOWCHART: Layout = |diagram, config| match diagram {
    Diagram::Flowchart(chart) => Some(flowchart::lay_out(chart, config)),
    _ => None,
};

/// Sequence diagrams: columns and a vertical walk.
pub const SEQUENCE: Layout = |diagram, config| match diagram {
    Diagram::Sequence(diagram) => Some(sequence::lay_out(diagram, config)),
    _ => None,
};

/// Entity–relationship diagrams, through the layered engine.
pub const ER: Layout = |diagram, config| match diagram {
    Diagram::Er(diagram) => Some(er::lay_out(diagram, &config.theme)),
    _ => None,
};

/// Class diagrams, through the layered engine.
pub const CLASS: Layout = |diagram, config| match diagram {
    Diagram::Class(diagram) => Some(class::lay_out(diagram, config)),
    _ => None,
};

/// State diagrams, lowered to the flowchart placement's graph.
pub const STATE: Layout = |diagram, config| match diagram {
    Diagram::State(diagram) => Some(state::lay_out(diagram, config)),
    _ => None,
};
