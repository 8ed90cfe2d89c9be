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
mod obstacles;
mod placement;
mod sequence;
mod shapes;
mod text;

// Shorter paths for the crates every diagram module reads.
use mermaid_scene as scene;
use mermaid_scene::{style, theme};

pub use config::{Config, Curve};
pub use cost::layout_cost;
pub use mermaid_scene::{Scene, Theme, THEME_NAMES};

use mermaid_parser::Diagram;

/// Lay out a parsed diagram with the settings in `config`.
pub fn lay_out(diagram: &Diagram, config: &Config) -> Scene {
    let theme = &config.theme;
    match diagram {
        Diagram::Flowchart(chart) => flowchart::lay_out(chart, config),
        Diagram::Sequence(diagram) => sequence::lay_out(diagram, config),
        Diagram::Er(diagram) => er::lay_out(diagram, theme),
        Diagram::Class(diagram) => class::lay_out(diagram, config),
    }
}
