//! Placing a flowchart's nodes, edges and subgraphs with the layered engine.
//!
//! A subgraph whose nodes have no links to the outside is laid out on its own, in its own `direction` or else
//! across its parent's flow (left-right inside top-bottom, top-bottom otherwise), and then takes part in the
//! enclosing layout as one box. A subgraph linked to the outside inherits its parent's direction. These are
//! mermaid's rules. Everything else goes through one engine run per scope.

use crate::config::Config;
use crate::engine::{self, rank_dir, ClusterSpec, EdgeRoute, EdgeSpec, LayeredInput, NodeSpec, Spacing};
use crate::scene::{Point, Rect};
use mermaid_parser::{Direction, Flowchart};
use std::collections::HashMap;

/// Nesting deeper than this is laid out without separate directions (a guard against pathological input).
const MAX_DEPTH: usize = 64;

/// An edge's route as the engine gave it, in scene coordinates.
pub(crate) struct Route {
    /// From the centre of the source box, through every bend, to the centre of the target box.
    pub points: Vec<Point>,
    /// Centre of the label's reserved box, when the edge has a label.
    pub label_center: Option<Point>,
}

impl Route {
    fn from_engine(route: EdgeRoute) -> Route {
        Route {
            points: route.points.into_iter().map(engine::point).collect(),
            label_center: route.label_center.map(engine::point),
        }
    }
}

/// A routed edge, with the nodes whose boxes stand for its ends in the layout.
pub(crate) struct PlacedEdge {
    pub route: Route,
    pub from: usize,
    pub to: usize,
}

/// Where everything went, in coordinates starting at (0, 0).
pub(crate) struct Placement {
    /// Centre of each node, by chart index.
    pub nodes: Vec<Point>,
    /// Route of each edge, by chart index (`None` when an end could not be resolved).
    pub edges: Vec<Option<PlacedEdge>>,
    /// Box of each subgraph, by chart index (`None` for a subgraph with no members).
    pub clusters: Vec<Option<Rect>>,
}

/// What the placement needs to know about the chart, measured once.
pub(crate) struct Sizes<'a> {
    pub node: &'a [(f64, f64)],
    pub cluster_title: &'a [(f64, f64)],
    pub edge_label: &'a [Option<(f64, f64)>],
}

struct Ctx<'a> {
    chart: &'a Flowchart,
    sizes: Sizes<'a>,
    config: &'a Config,
    node_index: HashMap<&'a str, usize>,
    subgraph_index: HashMap<&'a str, usize>,
    /// Innermost subgraph of each node.
    node_cluster: Vec<Option<usize>>,
    /// Subgraphs laid out on their own.
    separate: Vec<bool>,
    /// The first node inside each subgraph, found once: edges naming a subgraph ask for it per edge and scope.
    first_members: Vec<Option<usize>>,
}

impl Ctx<'_> {
    fn parent(&self, si: usize) -> Option<usize> {
        self.chart.subgraphs.get(si).and_then(|s| s.parent)
    }

    /// The subgraphs enclosing `cluster`, innermost first, including itself.
    fn chain(&self, mut cluster: Option<usize>) -> Vec<usize> {
        let mut out = Vec::new();
        while let Some(c) = cluster {
            if out.len() > self.chart.subgraphs.len() {
                break; // a cycle in parent links; the parser prevents it, but never loop forever
            }
            out.push(c);
            cluster = self.parent(c);
        }
        out
    }

    fn inside(&self, outer: usize, cluster: Option<usize>) -> bool {
        self.chain(cluster).contains(&outer)
    }

    /// The subgraph an edge end lies in: a node's innermost subgraph, or for an end naming a subgraph, that
    /// subgraph's parent (the end attaches to the subgraph's box from outside it).
    fn end_cluster(&self, id: &str) -> Option<Option<usize>> {
        if let Some(&n) = self.node_index.get(id) {
            return Some(self.node_cluster[n]);
        }
        self.subgraph_index.get(id).map(|&s| self.parent(s))
    }

    /// What stands for a node in `scope`: the node itself, or the outermost separately laid out subgraph
    /// below `scope` that holds it. `None` when the node is not in `scope`.
    fn representative(&self, node: usize, scope: Option<usize>) -> Option<Rep> {
        let chain = self.chain(self.node_cluster[node]);
        let below: &[usize] = match scope {
            None => &chain,
            Some(s) => &chain[..chain.iter().position(|&c| c == s)?],
        };
        Some(match below.iter().rev().find(|&&c| self.separate[c]) {
            Some(&c) => Rep::Separate(c),
            None => Rep::Node(node),
        })
    }

    /// The first node (depth first) inside a subgraph, standing in for it as an edge end.
    fn first_member(&self, si: usize) -> Option<usize> {
        self.first_members.get(si).copied().flatten()
    }

    fn rep_of_end(&self, id: &str, scope: Option<usize>) -> Option<Rep> {
        if let Some(&n) = self.node_index.get(id) {
            return self.representative(n, scope);
        }
        let si = *self.subgraph_index.get(id)?;
        if self.separate[si] && self.parent_scope_of(si) == scope {
            return Some(Rep::Separate(si));
        }
        self.representative(self.first_member(si)?, scope)
    }

    /// The scope a separately laid out subgraph is placed in: its nearest separate ancestor, or the root.
    fn parent_scope_of(&self, si: usize) -> Option<usize> {
        self.chain(self.parent(si)).into_iter().find(|&c| self.separate[c])
    }

    fn place(&self, scope: Option<usize>, direction: Direction) -> Placement {
        let chart = self.chart;
        let mut placement = Placement {
            nodes: vec![Point::default(); chart.nodes.len()],
            edges: (0..chart.edges.len()).map(|_| None).collect(),
            clusters: vec![None; chart.subgraphs.len()],
        };
        // Separate subgraphs directly in this scope, laid out first.
        let children: Vec<usize> = (0..chart.subgraphs.len())
            .filter(|&s| self.separate[s] && self.parent_scope_of(s) == scope && Some(s) != scope)
            .filter(|&s| scope.is_none_or(|sc| self.inside(sc, Some(s))))
            .collect();
        let mut child_placements = HashMap::new();
        for &c in &children {
            // Mermaid turns a linked-nowhere subgraph without a direction of its own across its parent's flow.
            let across = if direction == Direction::TopBottom {
                Direction::LeftRight
            } else {
                Direction::TopBottom
            };
            let dir = chart.subgraphs[c].direction.unwrap_or(across);
            child_placements.insert(c, self.place(Some(c), dir));
        }

        // Engine nodes: real nodes of this scope, then one box per separate child.
        let mut engine_nodes = Vec::new();
        let mut engine_of_node = HashMap::new();
        let mut engine_of_child = HashMap::new();
        // Subgraphs drawn by the engine in this scope: inside the scope, not inside a separate child.
        let in_scope_cluster = |s: usize| {
            Some(s) != scope
                && scope.is_none_or(|sc| self.inside(sc, Some(s)))
                && !self.chain(Some(s)).iter().any(|c| children.contains(c))
        };
        let engine_clusters: Vec<usize> = (0..chart.subgraphs.len()).filter(|&s| in_scope_cluster(s)).collect();
        let cluster_slot: HashMap<usize, usize> = engine_clusters.iter().enumerate().map(|(i, &s)| (s, i)).collect();
        let innermost_slot = |cluster: Option<usize>| {
            self.chain(cluster)
                .into_iter()
                .find_map(|c| cluster_slot.get(&c).copied())
        };

        for n in 0..chart.nodes.len() {
            if let Some(Rep::Node(_)) = self.representative(n, scope) {
                engine_of_node.insert(n, engine_nodes.len());
                let (width, height) = self.sizes.node[n];
                engine_nodes.push(NodeSpec {
                    width,
                    height,
                    cluster: innermost_slot(self.node_cluster[n]),
                });
            }
        }
        for &c in &children {
            let bounds = content_bounds(&child_placements[&c], self, c);
            let (tw, th) = self.sizes.cluster_title[c];
            let width = bounds.width.max(tw) + 2.0 * self.config.cluster_padding;
            let height = bounds.height + th + 3.0 * self.config.cluster_padding;
            engine_of_child.insert(c, engine_nodes.len());
            engine_nodes.push(NodeSpec {
                width,
                height,
                cluster: innermost_slot(self.parent(c)),
            });
        }
        let slot = |rep: Rep| match rep {
            Rep::Node(n) => engine_of_node.get(&n).copied(),
            Rep::Separate(c) => engine_of_child.get(&c).copied(),
        };

        // Edges of this scope: both ends resolve here, and they are not both inside one separate child (that
        // child's own layout routes them).
        let mut engine_edges = Vec::new();
        let mut edge_slots = Vec::new();
        let scope_id = scope.map(|s| chart.subgraphs[s].id.as_str());
        for (ei, e) in chart.edges.iter().enumerate() {
            // An edge naming this scope's own subgraph belongs to the enclosing layout.
            if scope_id.is_some_and(|id| e.from == id || e.to == id) {
                continue;
            }
            let (Some(a), Some(b)) = (self.rep_of_end(&e.from, scope), self.rep_of_end(&e.to, scope)) else {
                continue;
            };
            let internal_to_child = a == b
                && matches!(a, Rep::Separate(c) if e.from != chart.subgraphs[c].id || e.to != chart.subgraphs[c].id);
            if internal_to_child {
                continue;
            }
            let (Some(from), Some(to)) = (slot(a), slot(b)) else {
                continue;
            };
            edge_slots.push((ei, from, to));
            engine_edges.push(EdgeSpec {
                from,
                to,
                min_len: e.min_len.max(1),
                label: self.sizes.edge_label[ei],
            });
        }

        let input = LayeredInput {
            direction: rank_dir(direction),
            nodes: engine_nodes,
            edges: engine_edges,
            clusters: engine_clusters
                .iter()
                .map(|&s| {
                    let (title_width, title_height) = self.sizes.cluster_title[s];
                    ClusterSpec {
                        parent: self.parent(s).and_then(|p| cluster_slot.get(&p).copied()),
                        title_width,
                        title_height,
                    }
                })
                .collect(),
            spacing: Spacing {
                node_sep: self.config.node_spacing,
                rank_sep: self.config.rank_spacing,
                cluster_padding: self.config.cluster_padding,
                ..Spacing::default()
            },
        };
        let out = engine::layout(&input);

        for (&n, &slot) in &engine_of_node {
            placement.nodes[n] = engine::point(out.nodes[slot]);
        }
        for (&s, &slot) in &cluster_slot {
            placement.clusters[s] = out.clusters.get(slot).copied().map(engine::rect);
        }
        // A stand-in edge end: the node itself, or for a separate child, its first member.
        let mut stand_ins = vec![0; input.nodes.len()];
        for (&n, &slot) in &engine_of_node {
            stand_ins[slot] = n;
        }
        for (&c, &slot) in &engine_of_child {
            stand_ins[slot] = self.first_member(c).unwrap_or(0);
        }
        let stand_in = |engine: usize| stand_ins[engine];
        for ((ei, from, to), route) in edge_slots.into_iter().zip(out.edges) {
            placement.edges[ei] = Some(PlacedEdge {
                route: Route::from_engine(route),
                from: stand_in(from),
                to: stand_in(to),
            });
        }
        // Put each separate child's own layout inside the box the engine gave it.
        for (&c, &slot) in &engine_of_child {
            let Some(child) = child_placements.remove(&c) else {
                continue;
            };
            let center = engine::point(out.nodes[slot]);
            let spec = &input.nodes[slot];
            let rect = Rect {
                x: center.x - spec.width / 2.0,
                y: center.y - spec.height / 2.0,
                width: spec.width,
                height: spec.height,
            };
            placement.clusters[c] = Some(rect);
            let bounds = content_bounds(&child, self, c);
            let title_h = self.sizes.cluster_title[c].1;
            let dx = rect.x + (rect.width - bounds.width) / 2.0 - bounds.x;
            let dy = rect.y + 2.0 * self.config.cluster_padding + title_h - bounds.y;
            merge_moved(&mut placement, child, self, c, dx, dy);
        }
        placement
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rep {
    Node(usize),
    Separate(usize),
}

/// The box around the nodes and subgraphs inside `cluster` in a child layout (its own coordinates).
fn content_bounds(p: &Placement, ctx: &Ctx<'_>, cluster: usize) -> Rect {
    let mut acc: Option<Rect> = None;
    let mut add = |r: Rect| acc = Some(acc.map_or(r, |a: Rect| a.union(&r)));
    for (n, c) in p.nodes.iter().enumerate() {
        if ctx.inside(cluster, ctx.node_cluster[n]) {
            let (w, h) = ctx.sizes.node[n];
            add(Rect {
                x: c.x - w / 2.0,
                y: c.y - h / 2.0,
                width: w,
                height: h,
            });
        }
    }
    for r in p.clusters.iter().flatten() {
        add(*r);
    }
    // Edges laid out inside it count too: a self-loop bulges out of its node's side and must stay inside, and
    // so must the labels.
    for (ei, e) in p.edges.iter().enumerate() {
        let Some(e) = e else {
            continue;
        };
        for q in &e.route.points {
            add(Rect {
                x: q.x,
                y: q.y,
                width: 0.0,
                height: 0.0,
            });
        }
        if let (Some(c), Some(&Some((w, h)))) = (e.route.label_center, ctx.sizes.edge_label.get(ei)) {
            add(Rect {
                x: c.x - w / 2.0,
                y: c.y - h / 2.0,
                width: w,
                height: h,
            });
        }
    }
    acc.unwrap_or_default()
}

/// Copy a child layout's nodes, edges and subgraphs into `into`, moved by `(dx, dy)`.
fn merge_moved(into: &mut Placement, child: Placement, ctx: &Ctx<'_>, child_cluster: usize, dx: f64, dy: f64) {
    let mv = |p: Point| Point {
        x: p.x + dx,
        y: p.y + dy,
    };
    for n in 0..ctx.chart.nodes.len() {
        if ctx.inside(child_cluster, ctx.node_cluster[n]) {
            into.nodes[n] = mv(child.nodes[n]);
        }
    }
    for (slot, edge) in into.edges.iter_mut().zip(child.edges) {
        if let Some(mut e) = edge {
            e.route.points.iter_mut().for_each(|p| *p = mv(*p));
            e.route.label_center = e.route.label_center.map(mv);
            *slot = Some(e);
        }
    }
    for (slot, rect) in into.clusters.iter_mut().zip(child.clusters) {
        if let Some(r) = rect {
            *slot = Some(Rect {
                x: r.x + dx,
                y: r.y + dy,
                ..r
            });
        }
    }
}

/// Place every node, edge and subgraph of `chart`.
pub(crate) fn place(chart: &Flowchart, sizes: Sizes<'_>, config: &Config) -> Placement {
    let node_index: HashMap<&str, usize> = chart
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), i))
        .collect();
    let subgraph_index: HashMap<&str, usize> = chart
        .subgraphs
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    let mut node_cluster = vec![None; chart.nodes.len()];
    for (si, sg) in chart.subgraphs.iter().enumerate() {
        for id in &sg.nodes {
            if let Some(&ni) = node_index.get(id.as_str()) {
                node_cluster[ni] = Some(si);
            }
        }
    }
    let mut ctx = Ctx {
        chart,
        sizes,
        config,
        node_index,
        subgraph_index,
        node_cluster,
        separate: vec![false; chart.subgraphs.len()],
        first_members: vec![None; chart.subgraphs.len()],
    };
    for n in 0..chart.nodes.len() {
        for si in ctx.chain(ctx.node_cluster[n]) {
            ctx.first_members[si].get_or_insert(n);
        }
    }
    // A subgraph is laid out on its own when no edge crosses its border (edges to the subgraph itself do not
    // count), as mermaid does. One pass over the nodes and one over the edges, each marking the enclosing
    // subgraphs, rather than a pass per subgraph.
    let n_subgraphs = chart.subgraphs.len();
    let mut has_members = vec![false; n_subgraphs];
    for &cluster in &ctx.node_cluster {
        for si in ctx.chain(cluster) {
            has_members[si] = true;
        }
    }
    let mut crossed = vec![false; n_subgraphs];
    for e in &chart.edges {
        let (Some(a), Some(b)) = (ctx.end_cluster(&e.from), ctx.end_cluster(&e.to)) else {
            continue;
        };
        // Subgraphs around exactly one of the ends.
        let (around_a, around_b) = (ctx.chain(a), ctx.chain(b));
        for &si in around_a.iter().filter(|si| !around_b.contains(si)) {
            crossed[si] = true;
        }
        for &si in around_b.iter().filter(|si| !around_a.contains(si)) {
            crossed[si] = true;
        }
    }
    for si in 0..n_subgraphs {
        ctx.separate[si] = has_members[si] && !crossed[si] && ctx.chain(Some(si)).len() <= MAX_DEPTH;
    }
    ctx.place(None, chart.direction)
}
