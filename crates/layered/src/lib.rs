//! A layered (Sugiyama-style) graph layout engine, independent of any diagram type.
//!
//! The input is an abstract graph of boxes ([`LayeredInput`]); the output is a centre point for every box, a
//! polyline for every edge and a rectangle for every cluster ([`LayeredOutput`]). The engine is a pipeline of
//! phases over one shared graph type, one module per phase:
//! cycle removal → ranking → normalization (long edges into chains of dummy nodes, edge labels as dummy
//! nodes) → ordering (crossing reduction) → positioning (coordinates) → routing (edge polylines). In very deep
//! graphs the longest edges skip the phases after ranking and are routed in lanes beside the drawing (see
//! `bypass`), which keeps the work linear in the graph's size.
//!
//! Everything is computed top-to-bottom; other directions are a transform of the input sizes and the output
//! coordinates. The engine knows nothing about shapes, text or SVG: callers clip edge ends to their outlines.
//!
//! It must not know about Mermaid (no parser, no diagram types), text measuring or any output format: every size
//! comes in as a number. See the crate's README for an example.
//!
//! ```
//! use mermaid_layered::{layout, EdgeSpec, LayeredInput, NodeSpec};
//!
//! let node = NodeSpec { width: 80.0, height: 40.0, cluster: None };
//! let input = LayeredInput {
//!     nodes: vec![node.clone(), node.clone(), node],
//!     edges: vec![
//!         EdgeSpec { from: 0, to: 1, min_len: 1, label: None },
//!         EdgeSpec { from: 0, to: 2, min_len: 1, label: Some((30.0, 14.0)) },
//!     ],
//!     ..Default::default()
//! };
//! let out = layout(&input);
//! assert!(out.nodes[1].y > out.nodes[0].y, "ranks go down");
//! assert!(out.edges[1].label_center.is_some());
//! ```
// Library code must not panic on any input. The engine's `expect`s state invariants of its own data structures
// (a spanning tree's non-root nodes have a parent edge, a negative cut value implies an entering edge, orders keep
// their counts), never properties of the input; the property tests in `tests/` exercise them.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::panic))]

mod acyclic;
mod bypass;
mod clusters;
mod graph;
mod labels;
mod normalize;
mod order;
mod orient;
mod position;
mod rank;
mod route;
mod self_loops;

/// Direction in which ranks advance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RankDir {
    #[default]
    TopBottom,
    BottomTop,
    LeftRight,
    RightLeft,
}

/// A 2-D point in output coordinates (y grows downward).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

/// An axis-aligned rectangle by its top-left corner and size.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

/// A box to place. Sizes are in output orientation (the engine swaps them for LR/RL itself).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NodeSpec {
    pub width: f64,
    pub height: f64,
    /// Index into [`LayeredInput::clusters`] of the innermost cluster containing this node.
    pub cluster: Option<usize>,
}

/// A cluster (subgraph): a titled box drawn around its members.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ClusterSpec {
    /// Index of the enclosing cluster.
    pub parent: Option<usize>,
    /// Size of the title label, placed inside the top of the cluster box (output orientation).
    pub title_width: f64,
    pub title_height: f64,
}

/// An edge between two nodes (indexes into [`LayeredInput::nodes`]).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EdgeSpec {
    pub from: usize,
    pub to: usize,
    /// Minimum rank distance (1 = adjacent ranks). Values below 1 are treated as 1.
    pub min_len: u32,
    /// Size of the edge's label, if it has one (output orientation). The label gets a place of its own in the
    /// layout, so it never overlaps nodes or other labels.
    pub label: Option<(f64, f64)>,
}

/// Spacing settings, in output units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spacing {
    /// Gap between neighbouring boxes in the same rank (mermaid's `nodeSpacing`, default 50).
    pub node_sep: f64,
    /// Gap between ranks (mermaid's `rankSpacing`, default 50).
    pub rank_sep: f64,
    /// Gap between parallel edge routes (dummy nodes) in the same rank.
    pub edge_sep: f64,
    /// Padding between a cluster's border and its contents.
    pub cluster_padding: f64,
}

impl Default for Spacing {
    fn default() -> Self {
        Spacing {
            node_sep: 50.0,
            rank_sep: 50.0,
            edge_sep: 20.0,
            cluster_padding: 8.0,
        }
    }
}

/// The whole input of one layout run.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LayeredInput {
    pub direction: RankDir,
    pub nodes: Vec<NodeSpec>,
    pub edges: Vec<EdgeSpec>,
    pub clusters: Vec<ClusterSpec>,
    pub spacing: Spacing,
}

/// The route of one edge.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EdgeRoute {
    /// From the centre of the source box, through every bend, to the centre of the target box (the caller clips
    /// both ends to the shapes' outlines). Always at least two points. For a self-loop, a loop leaving and
    /// re-entering the box on its side.
    pub points: Vec<Point>,
    /// Centre of the label's reserved box, when the edge has a label.
    pub label_center: Option<Point>,
}

/// The result of one layout run. Coordinates start at (0, 0): the top-left of the drawing's content.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LayeredOutput {
    /// Centre of each node, by input index.
    pub nodes: Vec<Point>,
    /// One route per input edge, by input index.
    pub edges: Vec<EdgeRoute>,
    /// Box of each cluster, by input index.
    pub clusters: Vec<Rect>,
    pub width: f64,
    pub height: f64,
}

/// Lay out `input`. Deterministic: the same input gives the same output on every platform.
pub fn layout(input: &LayeredInput) -> LayeredOutput {
    let mut g = graph::LayeredGraph::from_input(input);
    acyclic::run(&mut g);
    labels::make_space(&mut g);
    let loops = self_loops::reserve(&mut g);
    rank::run(&mut g);
    clusters::place_titles(&mut g);
    let bypasses = bypass::select(&mut g);
    normalize::run(&mut g);
    clusters::add_borders(&mut g);
    order::run(&mut g);
    position::run(&mut g);
    let loop_routes = self_loops::finish(&mut g, &loops);
    let bypass_routes = bypass::route(&g, &bypasses, &loop_routes);
    let mut routes = route::run(&g);
    for (edge, r) in loop_routes.into_iter().chain(bypass_routes) {
        routes[edge] = r;
    }
    let cluster_rects = clusters::rects(&g);
    orient::finish(input, &g, routes, cluster_rects)
}
