//! Layout: from a parsed diagram to a positioned [`Scene`].
//!
//! This crate owns geometry: the layered graph layout engine ([`layered`]), node shapes, label measurement
//! (through `mermaid-text`), and per diagram type the step that sizes every element, runs the engine and writes
//! the final scene with resolved styles from a [`Theme`].
//!
//! It must not know about SVG, PNG or any output format: backends only walk the scene.
// Library code must not panic on any input; unit tests may.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

mod class;
pub mod config;
mod cost;
mod er;
mod flowchart;
// The engine's `expect`s state invariants of its own data structures (a spanning tree's non-root nodes have a
// parent edge, a negative cut value implies an entering edge, orders keep their counts), never properties of the
// input; the fuzz targets and property tests exercise them. Replacing them is the engine's work, not this file's.
#[allow(clippy::expect_used)]
pub mod layered;
mod obstacles;
mod placement;
pub mod scene;
mod sequence;
mod shapes;
mod style;
mod text;
pub mod theme;

pub use config::{Config, Curve};
pub use cost::layout_cost;
pub use scene::Scene;
pub use theme::{Theme, THEME_NAMES};

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
