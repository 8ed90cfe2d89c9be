//! The working graph shared by every phase, in top-to-bottom coordinates.
//!
//! Phases communicate only through this type: each reads the fields earlier phases filled in and writes its
//! own (`rank`, then `layers`/`order`, then `x`/`y`). Nodes and edges live in plain vectors indexed by id so
//! that iteration order, and therefore the layout, is deterministic.

use super::{LayeredInput, RankDir};

pub(crate) type NodeId = usize;

/// What a node of the working graph stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NodeKind {
    /// An input node, by input index.
    Real(usize),
    /// A bend point of an edge spanning several ranks.
    Dummy,
    /// The reserved box of an edge label, by input edge index. Also a bend point of that edge.
    Label(usize),
    /// The reserved box of a cluster title, by cluster index.
    Title(usize),
    /// The left side of a cluster in one rank (zero size).
    LeftBorder(usize),
    /// The right side of a cluster in one rank (zero size).
    RightBorder(usize),
}

#[derive(Debug, Clone)]
pub(crate) struct Node {
    pub kind: NodeKind,
    pub width: f64,
    pub height: f64,
    /// Innermost cluster this node is ordered within (for borders: the cluster they delimit).
    pub group: Option<usize>,
    pub rank: i32,
    /// Index within its layer, set by ordering.
    pub order: usize,
    /// Centre, set by positioning.
    pub x: f64,
    pub y: f64,
    /// Gap forced between this node and its right neighbour (overrides the usual separation).
    pub gap_after: Option<f64>,
    /// Gap forced between this node and its left neighbour.
    pub gap_before: Option<f64>,
}

impl Node {
    pub fn new(kind: NodeKind, width: f64, height: f64, group: Option<usize>) -> Self {
        Node {
            kind,
            width,
            height,
            group,
            rank: 0,
            order: 0,
            x: 0.0,
            y: 0.0,
            gap_after: None,
            gap_before: None,
        }
    }

    pub fn is_border(&self) -> bool {
        matches!(self.kind, NodeKind::LeftBorder(_) | NodeKind::RightBorder(_))
    }

    /// Dummy-like nodes: parts of an edge rather than boxes of their own.
    pub fn is_edge_part(&self) -> bool {
        matches!(self.kind, NodeKind::Dummy | NodeKind::Label(_))
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Edge {
    pub from: NodeId,
    pub to: NodeId,
    pub min_len: i32,
    pub weight: i32,
    /// The input edge this edge (or chain segment) belongs to; `None` for structural edges (cluster borders).
    pub input: Option<usize>,
    /// Drawn against its input direction (reversed to break a cycle).
    pub reversed: bool,
    /// Label size (top-to-bottom orientation), until normalization turns it into a label node.
    pub label: Option<(f64, f64)>,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct SelfLoop {
    pub input: usize,
    pub node: NodeId,
    pub label: Option<(f64, f64)>,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Cluster {
    pub parent: Option<usize>,
    pub title: NodeId,
    /// Rank span, title included.
    pub lo: i32,
    pub hi: i32,
    /// Border nodes per rank of the span (index = rank - lo).
    pub left: Vec<NodeId>,
    pub right: Vec<NodeId>,
    /// Space between the band of `lo` (resp. `hi`) and the cluster's top (resp. bottom) edge.
    pub top_margin: f64,
    pub bottom_margin: f64,
    /// Room for the title beside the left border (LR/RL only, where the title is not a rank of its own).
    pub title_across: f64,
}

#[derive(Debug, Clone)]
pub(crate) struct LayeredGraph {
    pub direction: RankDir,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    pub clusters: Vec<Cluster>,
    /// Self-loops, taken out by cycle removal; they take no part in the phases.
    pub self_loops: Vec<SelfLoop>,
    /// Per input edge: its nodes from graph-source to graph-target (top to bottom), once normalized.
    pub chains: Vec<Vec<NodeId>>,
    /// Nodes of each rank, in order (set by ordering).
    pub layers: Vec<Vec<NodeId>>,
    /// Top and bottom of each rank's band (set by positioning).
    pub rank_top: Vec<f64>,
    pub rank_bottom: Vec<f64>,
    /// Extra vertical room between rank r and r+1 (cluster margins), besides `rank_sep`.
    pub extra_gap: Vec<f64>,
    pub node_sep: f64,
    pub edge_sep: f64,
    pub rank_sep: f64,
    pub cluster_padding: f64,
    /// How many internal ranks make one visible rank (2 when labels need a rank in between).
    pub rank_scale: i32,
}

/// True for directions whose ranks advance horizontally: sizes are swapped on the way in.
pub(crate) fn is_horizontal(dir: RankDir) -> bool {
    matches!(dir, RankDir::LeftRight | RankDir::RightLeft)
}

fn oriented((w, h): (f64, f64), dir: RankDir) -> (f64, f64) {
    let (w, h) = (w.max(0.0), h.max(0.0));
    if is_horizontal(dir) {
        (h, w)
    } else {
        (w, h)
    }
}

impl LayeredGraph {
    /// The graph of `input` in top-to-bottom space: one node per input node, one title node per cluster, one
    /// edge per input edge whose ends exist. Invalid cluster references are dropped.
    pub fn from_input(input: &LayeredInput) -> Self {
        let dir = input.direction;
        let n_clusters = input.clusters.len();
        let parents = sanitized_parents(input);
        let valid_cluster = |c: Option<usize>| c.filter(|&c| c < n_clusters);

        let mut nodes: Vec<Node> = input
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let (w, h) = oriented((n.width, n.height), dir);
                Node::new(NodeKind::Real(i), w, h, valid_cluster(n.cluster))
            })
            .collect();

        let mut clusters = Vec::with_capacity(n_clusters);
        for (c, spec) in input.clusters.iter().enumerate() {
            // In LR/RL the title sits across the ranks' direction: it only needs its width along the ranks
            // here; the cluster pass reserves its height beside the left border instead.
            let (tw, th) = (spec.title_width.max(0.0), spec.title_height.max(0.0));
            let (w, h) = if is_horizontal(dir) { (0.0, tw) } else { (tw, th) };
            let title = nodes.len();
            nodes.push(Node::new(NodeKind::Title(c), w, h, Some(c)));
            let title_across = if is_horizontal(dir) { th } else { 0.0 };
            clusters.push(Cluster {
                parent: parents[c],
                title,
                title_across,
                ..Cluster::default()
            });
        }

        let n_real = input.nodes.len();
        let edges = input
            .edges
            .iter()
            .enumerate()
            .filter(|(_, e)| e.from < n_real && e.to < n_real)
            .map(|(i, e)| Edge {
                from: e.from,
                to: e.to,
                min_len: e.min_len.clamp(1, 1 << 16) as i32,
                weight: 1,
                input: Some(i),
                reversed: false,
                label: e.label.map(|l| oriented(l, dir)),
            })
            .collect();

        let s = input.spacing;
        LayeredGraph {
            direction: dir,
            nodes,
            edges,
            clusters,
            self_loops: Vec::new(),
            chains: vec![Vec::new(); input.edges.len()],
            layers: Vec::new(),
            rank_top: Vec::new(),
            rank_bottom: Vec::new(),
            extra_gap: Vec::new(),
            node_sep: s.node_sep.max(0.0),
            edge_sep: s.edge_sep.max(0.0),
            rank_sep: s.rank_sep.max(0.0),
            cluster_padding: s.cluster_padding.max(0.0),
            rank_scale: 1,
        }
    }

    /// Out- and in-edge ids of every node, in edge order.
    pub fn adjacency(&self) -> (Vec<Vec<usize>>, Vec<Vec<usize>>) {
        let mut out = vec![Vec::new(); self.nodes.len()];
        let mut inc = vec![Vec::new(); self.nodes.len()];
        for (i, e) in self.edges.iter().enumerate() {
            out[e.from].push(i);
            inc[e.to].push(i);
        }
        (out, inc)
    }

    /// Clusters from `c` up to the outermost one.
    pub fn cluster_ancestors(&self, c: Option<usize>) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(c, move |&c| self.clusters[c].parent)
    }

    /// Innermost cluster containing both `a` and `b`.
    pub fn common_cluster(&self, a: Option<usize>, b: Option<usize>) -> Option<usize> {
        let a_chain: Vec<usize> = self.cluster_ancestors(a).collect();
        self.cluster_ancestors(b).find(|c| a_chain.contains(c))
    }

    pub fn max_rank(&self) -> i32 {
        self.nodes.iter().map(|n| n.rank).max().unwrap_or(0)
    }
}

/// Cluster parents with out-of-range references and cycles removed, so every ancestor walk terminates.
fn sanitized_parents(input: &LayeredInput) -> Vec<Option<usize>> {
    let n = input.clusters.len();
    let mut parents: Vec<Option<usize>> = input.clusters.iter().map(|c| c.parent.filter(|&p| p < n)).collect();
    for start in 0..n {
        let mut steps = 0;
        let mut cur = start;
        while let Some(p) = parents[cur] {
            steps += 1;
            if p == start || steps > n {
                parents[cur] = None;
                break;
            }
            cur = p;
        }
    }
    parents
}

/// Neighbour lists in one flat array (compressed rows): sweeps over big graphs stay cache-friendly.
#[derive(Debug, Clone)]
pub(crate) struct Neighbours {
    start: Vec<usize>,
    items: Vec<NodeId>,
}

impl Neighbours {
    /// Lists of `n` nodes from (node, neighbour) pairs, each list in pair order.
    pub fn new(n: usize, pairs: &[(NodeId, NodeId)]) -> Self {
        let mut start = vec![0usize; n + 1];
        for &(v, _) in pairs {
            start[v + 1] += 1;
        }
        for i in 0..n {
            start[i + 1] += start[i];
        }
        let mut fill = start.clone();
        let mut items = vec![0; pairs.len()];
        for &(v, w) in pairs {
            items[fill[v]] = w;
            fill[v] += 1;
        }
        Neighbours { start, items }
    }
}

impl std::ops::Index<NodeId> for Neighbours {
    type Output = [NodeId];
    fn index(&self, v: NodeId) -> &[NodeId] {
        &self.items[self.start[v]..self.start[v + 1]]
    }
}

impl LayeredGraph {
    /// Upper and lower neighbours of every node (edges must join adjacent ranks).
    pub fn up_down(&self) -> (Neighbours, Neighbours) {
        let n = self.nodes.len();
        let up: Vec<(NodeId, NodeId)> = self.edges.iter().map(|e| (e.to, e.from)).collect();
        let down: Vec<(NodeId, NodeId)> = self.edges.iter().map(|e| (e.from, e.to)).collect();
        (Neighbours::new(n, &up), Neighbours::new(n, &down))
    }
}
