//! Routing: a polyline per edge through its chain of dummy nodes, in top-to-bottom space.
//!
//! Within a rank's band an edge only runs vertically (from a box centre to the band's edge, or straight
//! through a dummy's band); it bends only in the free space between bands. Boxes live inside bands without
//! overlapping horizontally, so no route crosses a box it does not belong to. Reversed edges are turned back
//! to their input direction. Edges meeting a node on the same side get distinct ports (see [`ports`]), which
//! also separates parallel edges.

use std::collections::BTreeMap;

use super::graph::{LayeredGraph, NodeId, NodeKind};
use super::{EdgeRoute, Point};

pub(crate) fn run(g: &LayeredGraph) -> Vec<EdgeRoute> {
    let mut routes = vec![EdgeRoute::default(); g.chains.len()];
    let (start_x, end_x) = ports(g);
    let (start_band_x, end_band_x) = (band_ports(g, &start_x, 0), band_ports(g, &end_x, 1));

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
            // The ends run straight between their port on the box and the band's edge.
            if first {
                points.push(Point { x: node.x, y: node.y });
            } else if last {
                points.push(Point {
                    x: end_band_x[i],
                    y: top,
                });
                points.push(Point {
                    x: end_x[i],
                    y: node.y - node.height / 2.0,
                });
            } else {
                points.push(Point { x: node.x, y: top });
            }
            if last {
                points.push(Point { x: node.x, y: node.y });
            } else if first {
                points.push(Point {
                    x: start_x[i],
                    y: node.y + node.height / 2.0,
                });
                points.push(Point {
                    x: start_band_x[i],
                    y: bottom,
                });
            } else {
                points.push(Point { x: node.x, y: bottom });
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

/// Ports: where each edge crosses the edge of its end nodes' rank bands (x of the start, x of the end, per
/// input edge). An edge leaves its node's centre towards its next bend; its port is where that straight line
/// meets the band's edge, kept within the node's width. The edges meeting a node on one side then get
/// distinct ports at least `edge_sep` apart (less on a narrow node), in the left-to-right order of the nodes
/// they go to or come from, so they neither meet nor cross near the node. Parallel edges keep one order
/// (input order) at both ends.
fn ports(g: &LayeredGraph) -> (Vec<f64>, Vec<f64>) {
    let n = g.chains.len();
    let mut start_x = vec![0.0; n];
    let mut end_x = vec![0.0; n];
    // (node, side) → (x of the neighbouring chain node, edge); side 0 = bottom (starts), 1 = top (ends).
    let mut sides: BTreeMap<(NodeId, u8), Vec<(f64, usize)>> = BTreeMap::new();
    for (i, chain) in g.chains.iter().enumerate() {
        if chain.len() < 2 {
            continue;
        }
        let (s, t) = (chain[0], chain[chain.len() - 1]);
        sides.entry((s, 0)).or_default().push((g.nodes[chain[1]].x, i));
        sides
            .entry((t, 1))
            .or_default()
            .push((g.nodes[chain[chain.len() - 2]].x, i));
    }
    let mut xs = Vec::new();
    for ((v, side), mut list) in sides {
        list.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let node = &g.nodes[v];
        let r = node.rank as usize;
        // The band's edge on this side, and the far end of the gap beyond it.
        let (band, far) = if side == 0 {
            (
                g.rank_bottom[r],
                g.rank_top.get(r + 1).copied().unwrap_or(g.rank_bottom[r]),
            )
        } else {
            (g.rank_top[r], g.rank_bottom[r.saturating_sub(1)])
        };
        let t = if (far - node.y).abs() > 1e-9 {
            ((band - node.y) / (far - node.y)).clamp(0.0, 1.0)
        } else {
            1.0
        };
        let margin = (node.width * PORT_MARGIN).min(PORT_MARGIN_MAX);
        let (lo, hi) = (node.x - node.width / 2.0 + margin, node.x + node.width / 2.0 - margin);
        let k = list.len();
        let step = if k > 1 {
            ((hi - lo) / (k - 1) as f64).min(g.edge_sep.max(1.0))
        } else {
            0.0
        };
        xs.clear();
        xs.extend(list.iter().map(|&(nx, _)| (node.x + (nx - node.x) * t).clamp(lo, hi)));
        // Spread to `step` apart, within [lo, hi]: push right, then back left from the right end.
        for j in 0..k {
            let floor = if j == 0 { lo } else { xs[j - 1] + step };
            xs[j] = xs[j].max(floor);
        }
        for j in (0..k).rev() {
            let ceiling = if j + 1 == k { hi.max(lo) } else { xs[j + 1] - step };
            xs[j] = xs[j].min(ceiling);
        }
        for (&(_, i), &x) in list.iter().zip(&xs) {
            if side == 0 {
                start_x[i] = x;
            } else {
                end_x[i] = x;
            }
        }
    }
    (start_x, end_x)
}

/// Where the edges cross the band's edge, given their `ports` on the node (`side` 0: starts at the bottom, 1:
/// ends at the top). When the band is taller than the node, the edges may fan out wider than the node over the
/// free space between the node and the band's edge (at 45° at most, and within a quarter of the gap to the
/// next box of the rank), which eases the bends of many edges converging on one node.
fn band_ports(g: &LayeredGraph, ports: &[f64], side: u8) -> Vec<f64> {
    let mut out = ports.to_vec();
    let mut by_node: BTreeMap<NodeId, Vec<usize>> = BTreeMap::new();
    for (i, chain) in g.chains.iter().enumerate() {
        if chain.len() >= 2 {
            by_node
                .entry(if side == 0 { chain[0] } else { chain[chain.len() - 1] })
                .or_default()
                .push(i);
        }
    }
    for (v, edges) in by_node {
        if edges.len() < 2 {
            continue;
        }
        let node = &g.nodes[v];
        let r = node.rank as usize;
        let depth = if side == 0 {
            g.rank_bottom[r] - (node.y + node.height / 2.0)
        } else {
            (node.y - node.height / 2.0) - g.rank_top[r]
        };
        if depth < 1.0 {
            continue;
        }
        let layer = &g.layers[r];
        let o = node.order;
        let half_gap = |u: NodeId| {
            let u = &g.nodes[u];
            ((u.x - node.x).abs() - u.width / 2.0 - node.width / 2.0) / 2.0
        };
        let left = if o > 0 {
            half_gap(layer[o - 1])
        } else {
            g.node_sep / 2.0
        };
        let right = layer.get(o + 1).map_or(g.node_sep / 2.0, |&u| half_gap(u));
        let free = node.width / 2.0 + left.min(right).min(g.node_sep / 2.0) / 2.0;
        let spread = edges.iter().map(|&i| (ports[i] - node.x).abs()).fold(0.0, f64::max);
        if spread < 1e-9 {
            continue;
        }
        let wanted = g.edge_sep * (edges.len() - 1) as f64 / 2.0;
        let reach = wanted.min(free).min(spread + depth);
        if reach <= spread {
            continue;
        }
        let scale = reach / spread;
        for &i in &edges {
            out[i] = node.x + (ports[i] - node.x) * scale;
        }
    }
    out
}

/// Ports keep this share of a node's width (at most [`PORT_MARGIN_MAX`]) from its corners.
const PORT_MARGIN: f64 = 0.2;
const PORT_MARGIN_MAX: f64 = 8.0;

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
