//! Routing: a polyline per edge through its chain of dummy nodes, in top-to-bottom space.
//!
//! Within a rank's band an edge only runs vertically (from a box centre to the band's edge, or straight
//! through a dummy's band); it bends only in the free space between bands. Boxes live inside bands without
//! overlapping horizontally, so no route crosses a box it does not belong to. Reversed edges are turned back
//! to their input direction. Parallel edges between adjacent ranks (the only ones sharing all their nodes)
//! fan out around the middle of the gap.

use std::collections::BTreeMap;

use super::graph::{LayeredGraph, NodeId, NodeKind};
use super::{EdgeRoute, Point};

pub(crate) fn run(g: &LayeredGraph) -> Vec<EdgeRoute> {
    let mut routes = vec![EdgeRoute::default(); g.chains.len()];
    let mut parallel: BTreeMap<(NodeId, NodeId), Vec<usize>> = BTreeMap::new();
    for (i, chain) in g.chains.iter().enumerate() {
        if chain.len() == 2 {
            parallel.entry((chain[0], chain[1])).or_default().push(i);
        }
    }
    let mut fan_offset = vec![0.0; g.chains.len()];
    for edges in parallel.values().filter(|e| e.len() > 1) {
        let mid = (edges.len() - 1) as f64 / 2.0;
        for (k, &i) in edges.iter().enumerate() {
            fan_offset[i] = (k as f64 - mid) * g.edge_sep.max(1.0);
        }
    }

    let mut reversed = vec![false; g.chains.len()];
    for e in &g.edges {
        if let Some(i) = e.input {
            reversed[i] |= e.reversed;
        }
    }

    for (i, chain) in g.chains.iter().enumerate() {
        if chain.len() < 2 {
            continue;
        }
        let mut points = Vec::with_capacity(2 * chain.len() + 2);
        for (k, &v) in chain.iter().enumerate() {
            let node = &g.nodes[v];
            let (top, bottom) = (g.rank_top[node.rank as usize], g.rank_bottom[node.rank as usize]);
            let first = k == 0;
            let last = k + 1 == chain.len();
            if first {
                points.push(Point { x: node.x, y: node.y });
            } else {
                points.push(Point { x: node.x, y: top });
            }
            if last {
                points.push(Point { x: node.x, y: node.y });
            } else {
                points.push(Point { x: node.x, y: bottom });
                if fan_offset[i] != 0.0 {
                    let next = &g.nodes[chain[k + 1]];
                    let next_top = g.rank_top[next.rank as usize];
                    let x = (node.x + next.x) / 2.0 + fan_offset[i];
                    points.push(Point {
                        x,
                        y: (bottom + next_top) / 2.0,
                    });
                }
            }
        }
        let label_center = chain.iter().find_map(|&v| match g.nodes[v].kind {
            NodeKind::Label(_) => Some(Point {
                x: g.nodes[v].x,
                y: g.nodes[v].y,
            }),
            _ => None,
        });
        let mut points = simplify(points);
        if reversed[i] {
            points.reverse();
        }
        routes[i] = EdgeRoute { points, label_center };
    }
    routes
}

/// Drop repeated points and middle points of straight runs; both ends stay even if they coincide.
fn simplify(points: Vec<Point>) -> Vec<Point> {
    let n = points.len();
    if n <= 2 {
        return points;
    }
    let mut out: Vec<Point> = Vec::with_capacity(n);
    for (i, p) in points.into_iter().enumerate() {
        let is_end = i == 0 || i + 1 == n;
        if !is_end && out.last().is_some_and(|q| same(*q, p)) {
            continue;
        }
        while out.len() >= 2 {
            let (a, b) = (out[out.len() - 2], out[out.len() - 1]);
            let cross = (b.x - a.x) * (p.y - b.y) - (b.y - a.y) * (p.x - b.x);
            let forward = (b.x - a.x) * (p.x - b.x) + (b.y - a.y) * (p.y - b.y) >= 0.0;
            if cross.abs() < 1e-9 && forward {
                out.pop();
            } else {
                break;
            }
        }
        out.push(p);
    }
    out
}

fn same(a: Point, b: Point) -> bool {
    (a.x - b.x).abs() < 1e-9 && (a.y - b.y).abs() < 1e-9
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simplify_keeps_ends_and_bends() {
        let p = |x, y| Point { x, y };
        let pts = vec![
            p(0.0, 0.0),
            p(0.0, 5.0),
            p(0.0, 10.0),
            p(0.0, 10.0),
            p(5.0, 20.0),
            p(5.0, 30.0),
        ];
        assert_eq!(
            simplify(pts),
            vec![p(0.0, 0.0), p(0.0, 10.0), p(5.0, 20.0), p(5.0, 30.0)]
        );
        assert_eq!(simplify(vec![p(1.0, 1.0), p(1.0, 1.0)]).len(), 2);
    }
}
