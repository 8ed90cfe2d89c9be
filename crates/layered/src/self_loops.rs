//! Self-loops, as a pass on each side of the phases.
//!
//! [`reserve`] widens each node with loops (and its loops' labels) to the right, so the phases keep that room
//! free; [`finish`] gives the node back its size at its real centre and draws each loop in the reserved strip:
//! out of the box's right side, around, and back in, with the labels stacked beside the outermost loop.

use std::collections::BTreeMap;

use super::graph::{LayeredGraph, NodeId};
use super::{EdgeRoute, Point};

/// Gap between the text of a loop's label and the loop.
const LABEL_GAP: f64 = 4.0;

pub(crate) struct Reservation {
    node: NodeId,
    width: f64,
    height: f64,
    extra_width: f64,
    loops: Vec<Loop>,
}

/// Input edge index and label size.
type Loop = (usize, Option<(f64, f64)>);

fn loop_step(g: &LayeredGraph) -> f64 {
    g.edge_sep.max(10.0)
}

pub(crate) fn reserve(g: &mut LayeredGraph) -> Vec<Reservation> {
    let mut by_node: BTreeMap<NodeId, Vec<Loop>> = BTreeMap::new();
    for l in &g.self_loops {
        by_node.entry(l.node).or_default().push((l.input, l.label));
    }
    let step = loop_step(g);
    by_node
        .into_iter()
        .map(|(node, loops)| {
            let labels = loops.iter().filter_map(|l| l.1);
            let label_w = labels.clone().map(|l| l.0).fold(0.0, f64::max);
            let label_h: f64 = labels.map(|l| l.1 + LABEL_GAP).sum();
            let extra_width = loops.len() as f64 * step + if label_w > 0.0 { LABEL_GAP + label_w } else { 0.0 };
            let n = &mut g.nodes[node];
            let r = Reservation {
                node,
                width: n.width,
                height: n.height,
                extra_width,
                loops,
            };
            n.width += extra_width;
            n.height = n.height.max(label_h);
            r
        })
        .collect()
}

/// Restore the nodes' own sizes and centres (before routing) and return the loops' routes by input edge.
pub(crate) fn finish(g: &mut LayeredGraph, reservations: &[Reservation]) -> Vec<(usize, EdgeRoute)> {
    let step = loop_step(g);
    let mut routes = Vec::new();
    for r in reservations {
        let n = &mut g.nodes[r.node];
        n.x -= r.extra_width / 2.0;
        n.width = r.width;
        n.height = r.height;
        let (cx, cy, right) = (n.x, n.y, n.x + r.width / 2.0);
        let k = r.loops.len();
        let label_h: f64 = r.loops.iter().filter_map(|l| l.1).map(|l| l.1 + LABEL_GAP).sum();
        let mut label_top = cy - label_h / 2.0;
        for (i, &(edge, label)) in r.loops.iter().enumerate() {
            let outer = right + (i + 1) as f64 * step;
            // Inner loops leave closer to the middle so nested loops do not touch.
            let dy = r.height / 2.0 * (0.3 + 0.5 * (i + 1) as f64 / (k + 1) as f64);
            let p = |x, y| Point { x, y };
            let points = vec![
                p(cx, cy),
                p(right, cy - dy),
                p(outer, cy - dy),
                p(outer, cy + dy),
                p(right, cy + dy),
                p(cx, cy),
            ];
            let label_center = label.map(|(w, h)| {
                let c = p(
                    right + k as f64 * step + LABEL_GAP + w / 2.0,
                    label_top + (h + LABEL_GAP) / 2.0,
                );
                label_top += h + LABEL_GAP;
                c
            });
            routes.push((edge, EdgeRoute { points, label_center }));
        }
    }
    routes
}
