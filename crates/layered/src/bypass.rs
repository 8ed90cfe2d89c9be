//! Bypass lanes: the longest edges of a very deep graph are drawn beside the layout instead of through it.
//!
//! Normalization gives an edge one dummy node per rank it passes, and ordering and positioning then work per
//! dummy. In a graph whose depth grows with its size (long dependency chains), a few edges between distant
//! ranks can outnumber everything else together: their dummies grow with the square of the size, and so would
//! the layout time. When the dummies would exceed a budget linear in the graph's size ([`dummy_budget`]),
//! [`select`] takes the longest unlabelled edges out of the graph after ranking (they have already shaped the
//! ranks) until the rest fit. [`route`] draws them after positioning: down out of the source into the gap
//! below its rank, across to a vertical lane left or right of everything else, along the lane, across the gap
//! above the target and down into it. Boxes only live inside rank bands and lanes lie outside every box, so a
//! bypass crosses no box; lanes are shared by edges whose rank spans do not overlap.
//!
//! Small diagrams never reach the budget, so their layout is untouched.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap};

use super::graph::{LayeredGraph, NodeId};
use super::{EdgeRoute, Point};

/// Dummies allowed per node and edge of the graph before long edges are bypassed.
const DUMMIES_PER_ELEMENT: usize = 2;
/// Dummies always allowed: no diagram a person writes by hand comes near this.
const MIN_DUMMY_BUDGET: usize = 20_000;

/// The most dummy nodes a graph of `nodes` nodes and `edges` edges gets; longer edges are bypassed.
fn dummy_budget(nodes: usize, edges: usize) -> usize {
    nodes
        .saturating_add(edges)
        .saturating_mul(DUMMIES_PER_ELEMENT)
        .max(MIN_DUMMY_BUDGET)
}

/// An edge taken out of the layered graph, by its ends in top-to-bottom order.
pub(crate) struct Bypass {
    input: usize,
    from: NodeId,
    to: NodeId,
    reversed: bool,
}

/// After ranking: remove the longest unlabelled edges while the graph's dummies exceed the budget.
pub(crate) fn select(g: &mut LayeredGraph) -> Vec<Bypass> {
    let span = |e: &super::graph::Edge| (g.nodes[e.to].rank - g.nodes[e.from].rank).max(1) as usize;
    let mut dummies: usize = g.edges.iter().map(|e| span(e) - 1).sum();
    let budget = dummy_budget(g.nodes.len(), g.edges.len());
    if dummies <= budget {
        return Vec::new();
    }
    let mut candidates: Vec<(usize, usize)> = g
        .edges
        .iter()
        .enumerate()
        .filter(|(_, e)| e.input.is_some() && e.label.is_none() && span(e) > 2)
        .map(|(i, e)| (span(e), i))
        .collect();
    candidates.sort_unstable_by_key(|&(s, i)| (Reverse(s), i));
    let mut remove = vec![false; g.edges.len()];
    for (s, i) in candidates {
        if dummies <= budget {
            break;
        }
        remove[i] = true;
        dummies -= s - 1;
    }
    let mut bypasses = Vec::new();
    let mut kept = Vec::with_capacity(g.edges.len());
    for (e, gone) in std::mem::take(&mut g.edges).into_iter().zip(remove) {
        match (gone, e.input) {
            (true, Some(input)) => bypasses.push(Bypass {
                input,
                from: e.from,
                to: e.to,
                reversed: e.reversed,
            }),
            _ => kept.push(e),
        }
    }
    g.edges = kept;
    bypasses
}

/// Lanes in use by the rank their last edge ends at, soonest first: `(rank, lane)`.
type LaneEnds = BinaryHeap<Reverse<(usize, usize)>>;

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Side {
    Left,
    Right,
}

/// After positioning: a route for every bypassed edge (by input edge index). `others` are routes already drawn
/// outside the layered graph (self-loops); lanes keep clear of them too.
pub(crate) fn route(g: &LayeredGraph, bypasses: &[Bypass], others: &[(usize, EdgeRoute)]) -> Vec<(usize, EdgeRoute)> {
    if bypasses.is_empty() {
        return Vec::new();
    }
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for n in &g.nodes {
        lo = lo.min(n.x - n.width / 2.0);
        hi = hi.max(n.x + n.width / 2.0);
    }
    for p in others.iter().flat_map(|(_, r)| &r.points) {
        lo = lo.min(p.x);
        hi = hi.max(p.x);
    }
    let middle = (lo + hi) / 2.0;
    let rank = |v: NodeId| g.nodes[v].rank as usize;
    let sides: Vec<Side> = bypasses
        .iter()
        .map(|b| {
            if g.nodes[b.from].x + g.nodes[b.to].x <= 2.0 * middle {
                Side::Left
            } else {
                Side::Right
            }
        })
        .collect();

    // Lanes: interval partitioning of the rank spans, per side, first lane nearest the drawing.
    let mut lane = vec![0usize; bypasses.len()];
    let mut by_start: Vec<usize> = (0..bypasses.len()).collect();
    by_start.sort_unstable_by_key(|&i| (sides[i], rank(bypasses[i].from), rank(bypasses[i].to), i));
    // Per side: the lanes in use, and how many lanes there are.
    let mut free: [(LaneEnds, usize); 2] = Default::default();
    for &i in &by_start {
        let b = &bypasses[i];
        let (ends, lanes) = &mut free[sides[i] as usize];
        // A lane is free again once its last edge has left it above the rank this one starts from.
        lane[i] = match ends.peek() {
            Some(&Reverse((end, l))) if end <= rank(b.from) => {
                ends.pop();
                l
            }
            _ => {
                *lanes += 1;
                *lanes - 1
            }
        };
        ends.push(Reverse((rank(b.to), lane[i])));
    }
    let lane_x = |i: usize| {
        let offset = g.node_sep.max(g.edge_sep) + lane[i] as f64 * g.edge_sep.max(4.0);
        match sides[i] {
            Side::Left => lo - offset,
            Side::Right => hi + offset,
        }
    };

    // Horizontal runs: the gap below rank r is gap r. Runs sharing a gap get evenly spaced heights in it.
    let mut runs: BTreeMap<usize, Vec<(usize, bool)>> = BTreeMap::new();
    for (i, b) in bypasses.iter().enumerate() {
        runs.entry(rank(b.from)).or_default().push((i, true));
        runs.entry(rank(b.to) - 1).or_default().push((i, false));
    }
    let mut exit_y = vec![0.0; bypasses.len()];
    let mut entry_y = vec![0.0; bypasses.len()];
    for (gap, list) in &runs {
        let (top, bottom) = (g.rank_bottom[*gap], g.rank_top[gap + 1]);
        let step = (bottom - top) / (list.len() + 1) as f64;
        for (k, &(i, exit)) in list.iter().enumerate() {
            let y = top + step * (k + 1) as f64;
            if exit {
                exit_y[i] = y;
            } else {
                entry_y[i] = y;
            }
        }
    }

    // Ports: on the lane's side of the box, spread when several bypasses meet one box on one side.
    let mut ports: BTreeMap<(NodeId, bool), Vec<usize>> = BTreeMap::new();
    for (i, b) in bypasses.iter().enumerate() {
        ports.entry((b.from, true)).or_default().push(i);
        ports.entry((b.to, false)).or_default().push(i);
    }
    let mut exit_x = vec![0.0; bypasses.len()];
    let mut entry_x = vec![0.0; bypasses.len()];
    for ((v, exit), list) in &ports {
        let node = &g.nodes[*v];
        let step = (node.width / 8.0).min(g.edge_sep / 2.0);
        for (k, &i) in list.iter().enumerate() {
            let sign = if sides[i] == Side::Left { -1.0 } else { 1.0 };
            let x = node.x + sign * (node.width / 4.0 + step * k as f64).min(node.width * 0.45);
            if *exit {
                exit_x[i] = x;
            } else {
                entry_x[i] = x;
            }
        }
    }

    bypasses
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let (s, t) = (&g.nodes[b.from], &g.nodes[b.to]);
            let x = lane_x(i);
            // Like every route: from the centre, through a port on the box's edge, to the other centre.
            let mut points = vec![Point { x: s.x, y: s.y }];
            points.extend(hug_corners(&[
                Point {
                    x: exit_x[i],
                    y: s.y + s.height / 2.0,
                },
                Point {
                    x: exit_x[i],
                    y: exit_y[i],
                },
                Point { x, y: exit_y[i] },
                Point { x, y: entry_y[i] },
                Point {
                    x: entry_x[i],
                    y: entry_y[i],
                },
                Point {
                    x: entry_x[i],
                    y: t.y - t.height / 2.0,
                },
            ]));
            points.push(Point { x: t.x, y: t.y });
            if b.reversed {
                points.reverse();
            }
            (
                b.input,
                EdgeRoute {
                    points,
                    label_center: None,
                },
            )
        })
        .collect()
}

/// Radius of a bypass route's corners once a caller smooths it.
const CORNER: f64 = 8.0;

/// `route` with a point shortly before and after every bend. The bends of a bypass are far apart, and a caller
/// that draws a smooth curve through the points (a B-spline, say) would otherwise cut each corner by a wide
/// arc, across the drawing; with the extra points the curve keeps to the route and rounds each corner within
/// [`CORNER`].
fn hug_corners(route: &[Point]) -> Vec<Point> {
    let mut out = Vec::with_capacity(3 * route.len());
    for (k, &p) in route.iter().enumerate() {
        if k == 0 || k + 1 == route.len() {
            out.push(p);
            continue;
        }
        let toward = |q: Point| {
            let len = (q.x - p.x).hypot(q.y - p.y);
            let t = if len > 0.0 { CORNER.min(len / 3.0) / len } else { 0.0 };
            Point {
                x: p.x + (q.x - p.x) * t,
                y: p.y + (q.y - p.y) * t,
            }
        };
        out.extend([toward(route[k - 1]), p, toward(route[k + 1])]);
    }
    out
}
