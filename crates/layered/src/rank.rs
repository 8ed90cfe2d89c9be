//! Ranking: assign every node an integer rank so that each edge `u → v` has `rank(v) - rank(u) >= min_len`,
//! minimizing the total weighted edge length (network simplex, Gansner et al. 1993).
//!
//! Short edges mean fewer dummy nodes and a more compact drawing. Each connected component is ranked on its
//! own and normalized to start at rank 0, so unrelated parts all start at the top.
//!
//! Speed: the initial feasible tree is grown Prim-style with two heaps and a lazily applied rank offset for
//! the tree (O(E log E) instead of the paper's repeated scans). Cut values are kept as subtree sums over a
//! postorder (`low`/`lim`) numbering: the cut value of a tree edge is ± the sum, over the subtree below it, of
//! each node's (out-weight − in-weight). After an exchange only the subtree of the lowest common ancestor of
//! the exchanged edges is renumbered, and only the cut-off subtree is shifted in rank. The entering edge is
//! searched among the edges at the smaller side of the cut.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::graph::{LayeredGraph, NodeKind};

/// Assign `rank` to every node of `g` (edges must form a DAG).
pub(crate) fn run(g: &mut LayeredGraph) {
    let mut edges: Vec<RankEdge> = g
        .edges
        .iter()
        .map(|e| RankEdge {
            from: e.from,
            to: e.to,
            min_len: e.min_len,
            weight: e.weight,
        })
        .collect();
    let n = g.nodes.len();
    let n_total = n + nest_clusters(g, &mut edges);
    let ranks = network_simplex(n_total, &edges);
    for (node, r) in g.nodes.iter_mut().zip(ranks) {
        node.rank = r;
    }
}

/// Keep clusters compact in rank, like dagre's nesting graph: every cluster gets a virtual top and bottom
/// node, joined to each member (or nested cluster's top and bottom) by edges heavier than all real edges
/// together, so that the ranking minimizes each cluster's height first. A cluster then spans few ranks and
/// unrelated members (an isolated node, say) join the others instead of starting at rank 0. Adds the edges to
/// `edges` and returns the number of virtual nodes (numbered from `g.nodes.len()`).
fn nest_clusters(g: &LayeredGraph, edges: &mut Vec<RankEdge>) -> usize {
    let k = g.clusters.len();
    if k == 0 {
        return 0;
    }
    let n = g.nodes.len();
    let weight = edges
        .iter()
        .map(|e| i64::from(e.weight))
        .sum::<i64>()
        .saturating_add(1)
        .min(i64::from(i32::MAX / 4)) as i32;
    let (top, bottom) = (|c: usize| n + 2 * c, |c: usize| n + 2 * c + 1);
    let mut link = |outer_top: usize, inner_top: usize, inner_bottom: usize, outer_bottom: usize| {
        for (from, to) in [(outer_top, inner_top), (inner_bottom, outer_bottom)] {
            edges.push(RankEdge {
                from,
                to,
                min_len: 0,
                weight,
            });
        }
    };
    for (v, node) in g.nodes.iter().enumerate() {
        if let (NodeKind::Real(_), Some(c)) = (node.kind, node.group) {
            link(top(c), v, v, bottom(c));
        }
    }
    for (c, cluster) in g.clusters.iter().enumerate() {
        if let Some(p) = cluster.parent {
            link(top(p), top(c), bottom(c), bottom(p));
        }
    }
    2 * k
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct RankEdge {
    pub from: usize,
    pub to: usize,
    pub min_len: i32,
    pub weight: i32,
}

/// Optimal ranks of a DAG with `n` nodes; each connected component starts at rank 0.
pub(crate) fn network_simplex(n: usize, edges: &[RankEdge]) -> Vec<i32> {
    let mut ranks = vec![0; n];
    for (nodes, local_edges) in components(n, edges) {
        let local = Simplex::solve(nodes.len(), &local_edges);
        for (&v, r) in nodes.iter().zip(local) {
            ranks[v] = r;
        }
    }
    ranks
}

/// Connected components (ignoring direction) as (global node ids, edges in local ids), ordered by their
/// smallest node id.
fn components(n: usize, edges: &[RankEdge]) -> Vec<(Vec<usize>, Vec<RankEdge>)> {
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(parent: &mut [usize], mut v: usize) -> usize {
        while parent[v] != v {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }
        v
    }
    for e in edges {
        let (a, b) = (find(&mut parent, e.from), find(&mut parent, e.to));
        if a != b {
            parent[a.max(b)] = a.min(b);
        }
    }
    let mut comp_of_root = vec![usize::MAX; n];
    let mut local_id = vec![0; n];
    let mut comps: Vec<(Vec<usize>, Vec<RankEdge>)> = Vec::new();
    for (v, local) in local_id.iter_mut().enumerate() {
        let r = find(&mut parent, v);
        if comp_of_root[r] == usize::MAX {
            comp_of_root[r] = comps.len();
            comps.push((Vec::new(), Vec::new()));
        }
        let c = &mut comps[comp_of_root[r]].0;
        *local = c.len();
        c.push(v);
    }
    for e in edges {
        let c = comp_of_root[find(&mut parent, e.from)];
        comps[c].1.push(RankEdge {
            from: local_id[e.from],
            to: local_id[e.to],
            ..*e
        });
    }
    comps
}

/// Network simplex state for one connected component.
struct Simplex<'a> {
    edges: &'a [RankEdge],
    out: Vec<Vec<usize>>,
    inc: Vec<Vec<usize>>,
    rank: Vec<i64>,
    in_tree: Vec<bool>,
    tree_adj: Vec<Vec<usize>>,
    parent_edge: Vec<Option<usize>>,
    low: Vec<usize>,
    lim: Vec<usize>,
    node_at_lim: Vec<usize>,
    /// Out-weight minus in-weight of each node.
    net: Vec<i64>,
    /// Sum of `net` over each node's subtree.
    sub: Vec<i64>,
}

impl<'a> Simplex<'a> {
    fn solve(n: usize, edges: &'a [RankEdge]) -> Vec<i32> {
        if n == 0 {
            return Vec::new();
        }
        let mut out = vec![Vec::new(); n];
        let mut inc = vec![Vec::new(); n];
        let mut net = vec![0i64; n];
        for (i, e) in edges.iter().enumerate() {
            out[e.from].push(i);
            inc[e.to].push(i);
            net[e.from] += i64::from(e.weight);
            net[e.to] -= i64::from(e.weight);
        }
        let mut s = Simplex {
            edges,
            out,
            inc,
            rank: Vec::new(),
            in_tree: vec![false; edges.len()],
            tree_adj: vec![Vec::new(); n],
            parent_edge: vec![None; n],
            low: vec![0; n],
            lim: vec![0; n],
            node_at_lim: vec![0; n],
            net,
            sub: vec![0; n],
        };
        s.longest_path_ranks();
        s.feasible_tree();
        s.renumber(0, 0);
        s.optimize(4 * n + 1000);
        let min = s.rank.iter().copied().min().unwrap_or(0);
        s.rank.iter().map(|&r| (r - min) as i32).collect()
    }

    fn slack(&self, e: usize) -> i64 {
        let e = &self.edges[e];
        self.rank[e.to] - self.rank[e.from] - i64::from(e.min_len)
    }

    fn other_end(&self, e: usize, v: usize) -> usize {
        let e = &self.edges[e];
        if e.from == v {
            e.to
        } else {
            e.from
        }
    }

    /// A first feasible ranking: every node as low as its predecessors allow.
    fn longest_path_ranks(&mut self) {
        let n = self.out.len();
        let mut indeg: Vec<usize> = self.inc.iter().map(Vec::len).collect();
        let mut rank = vec![0i64; n];
        let mut stack: Vec<usize> = (0..n).filter(|&v| indeg[v] == 0).collect();
        while let Some(v) = stack.pop() {
            for &e in &self.out[v] {
                let w = self.edges[e].to;
                rank[w] = rank[w].max(rank[v] + i64::from(self.edges[e].min_len));
                indeg[w] -= 1;
                if indeg[w] == 0 {
                    stack.push(w);
                }
            }
        }
        self.rank = rank;
    }

    /// Grow a spanning tree of tight edges from node 0. When no tight edge leaves the tree, the whole tree is
    /// shifted by the smallest slack of an edge leaving it, which keeps every edge feasible and makes that
    /// edge tight. The shift is applied lazily through `offset` (tree ranks are stored relative to it), and
    /// candidate edges wait in two heaps (tree at the tail / at the head) keyed so that their slack is
    /// `key ∓ offset`.
    fn feasible_tree(&mut self) {
        let n = self.out.len();
        let mut in_tree_node = vec![false; n];
        let mut stored = vec![0i64; n];
        let mut offset = 0i64;
        let mut tail_in_tree: BinaryHeap<Reverse<(i64, usize)>> = BinaryHeap::new();
        let mut head_in_tree: BinaryHeap<Reverse<(i64, usize)>> = BinaryHeap::new();

        let add = |v: usize,
                   offset: i64,
                   in_tree_node: &mut Vec<bool>,
                   stored: &mut Vec<i64>,
                   tail_h: &mut BinaryHeap<Reverse<(i64, usize)>>,
                   head_h: &mut BinaryHeap<Reverse<(i64, usize)>>| {
            in_tree_node[v] = true;
            stored[v] = self.rank[v] - offset;
            for &e in &self.out[v] {
                let w = self.edges[e].to;
                if !in_tree_node[w] {
                    let key = self.rank[w] - stored[v] - i64::from(self.edges[e].min_len);
                    tail_h.push(Reverse((key, e)));
                }
            }
            for &e in &self.inc[v] {
                let u = self.edges[e].from;
                if !in_tree_node[u] {
                    let key = stored[v] - self.rank[u] - i64::from(self.edges[e].min_len);
                    head_h.push(Reverse((key, e)));
                }
            }
        };

        add(
            0,
            offset,
            &mut in_tree_node,
            &mut stored,
            &mut tail_in_tree,
            &mut head_in_tree,
        );
        let mut tree_edges = Vec::with_capacity(n.saturating_sub(1));
        for _ in 1..n {
            let both_in = |e: usize, t: &[bool]| t[self.edges[e].from] && t[self.edges[e].to];
            while tail_in_tree
                .peek()
                .is_some_and(|Reverse((_, e))| both_in(*e, &in_tree_node))
            {
                tail_in_tree.pop();
            }
            while head_in_tree
                .peek()
                .is_some_and(|Reverse((_, e))| both_in(*e, &in_tree_node))
            {
                head_in_tree.pop();
            }
            let from_tail = tail_in_tree.peek().map(|Reverse((k, e))| (k - offset, *e));
            let from_head = head_in_tree.peek().map(|Reverse((k, e))| (k + offset, *e));
            let (slack, e, tree_is_tail) = match (from_tail, from_head) {
                (Some(a), Some(b)) if b < a => (b.0, b.1, false),
                (Some(a), _) => (a.0, a.1, true),
                (None, Some(b)) => (b.0, b.1, false),
                (None, None) => unreachable!("component is connected"),
            };
            debug_assert!(slack >= 0);
            let new = if tree_is_tail {
                offset += slack;
                tail_in_tree.pop();
                self.edges[e].to
            } else {
                offset -= slack;
                head_in_tree.pop();
                self.edges[e].from
            };
            tree_edges.push(e);
            add(
                new,
                offset,
                &mut in_tree_node,
                &mut stored,
                &mut tail_in_tree,
                &mut head_in_tree,
            );
        }
        for (r, s) in self.rank.iter_mut().zip(&stored) {
            *r = s + offset;
        }
        for e in tree_edges {
            self.in_tree[e] = true;
            self.tree_adj[self.edges[e].from].push(e);
            self.tree_adj[self.edges[e].to].push(e);
        }
    }

    /// Postorder-number the subtree hanging from `root` (keeping `root`'s own parent edge), giving numbers
    /// from `first` on, and recompute its subtree sums.
    fn renumber(&mut self, root: usize, first: usize) {
        let mut next = first;
        let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
        self.low[root] = next;
        self.sub[root] = self.net[root];
        while let Some(top) = stack.last_mut() {
            let (v, i) = *top;
            if let Some(&e) = self.tree_adj[v].get(i) {
                top.1 += 1;
                if Some(e) == self.parent_edge[v] {
                    continue;
                }
                let w = self.other_end(e, v);
                self.parent_edge[w] = Some(e);
                self.low[w] = next;
                self.sub[w] = self.net[w];
                stack.push((w, 0));
            } else {
                self.lim[v] = next;
                self.node_at_lim[next] = v;
                next += 1;
                stack.pop();
                if v != root {
                    let p = self.other_end(self.parent_edge[v].expect("non-root has a parent"), v);
                    self.sub[p] += self.sub[v];
                }
            }
        }
    }

    fn in_subtree(&self, x: usize, of: usize) -> bool {
        self.low[of] <= self.lim[x] && self.lim[x] <= self.lim[of]
    }

    /// Cut value of the tree edge above `child`.
    fn cut_value(&self, child: usize) -> i64 {
        let e = self.parent_edge[child].expect("non-root");
        if self.edges[e].from == child {
            self.sub[child]
        } else {
            -self.sub[child]
        }
    }

    /// Exchange tree edges while one has a negative cut value. Each exchange renumbers the subtree of the
    /// exchanged edges' common ancestor, which in a deep graph is often most of the tree; so that huge graphs
    /// stay near n·log n, the exchanges stop once they have renumbered `64·n·log₂ n` nodes in all, leaving a
    /// feasible ranking that is optimal in all but its last refinements. Graphs of a few thousand nodes never
    /// get near that.
    fn optimize(&mut self, max_iterations: usize) {
        let n = self.out.len();
        let budget = 64 * n * (usize::BITS - n.leading_zeros()) as usize;
        let mut work = 0;
        let mut search_from = 0;
        for _ in 0..max_iterations {
            if work > budget {
                return;
            }
            // Leaving edge: any tree edge with a negative cut value, searched cyclically.
            let Some(child) = (0..n)
                .map(|k| (search_from + k) % n)
                .find(|&v| self.parent_edge[v].is_some() && self.cut_value(v) < 0)
            else {
                return;
            };
            search_from = child + 1;
            let leave = self.parent_edge[child].expect("non-root");
            let enter = self.entering_edge(child, leave);
            work += self.exchange(child, leave, enter);
        }
    }

    /// The non-tree edge of least slack going from the head side to the tail side of `leave`. Every such edge
    /// has an end on each side of the cut, so only the edges at the nodes of the smaller side are looked at.
    fn entering_edge(&self, child: usize, leave: usize) -> usize {
        let child_is_tail = self.edges[leave].from == child;
        let (low, lim) = (self.low[child], self.lim[child]);
        let n = self.node_at_lim.len();
        let side = if lim + 1 - low <= n / 2 {
            [low..lim + 1, 0..0]
        } else {
            [0..low, lim + 1..n]
        };
        let mut best: Option<(i64, usize)> = None;
        for v in side.into_iter().flatten().map(|l| self.node_at_lim[l]) {
            for &f in self.out[v].iter().chain(&self.inc[v]) {
                if self.in_tree[f] {
                    continue;
                }
                let e = &self.edges[f];
                let (from_in, to_in) = (self.in_subtree(e.from, child), self.in_subtree(e.to, child));
                let crosses = if child_is_tail {
                    !from_in && to_in
                } else {
                    from_in && !to_in
                };
                if crosses {
                    let cand = (self.slack(f), f);
                    if best.is_none_or(|b| cand < b) {
                        best = Some(cand);
                    }
                }
            }
        }
        best.expect("a negative cut value implies an edge across the cut").1
    }

    /// Swap `leave` for `enter` in the tree; returns the number of nodes renumbered.
    fn exchange(&mut self, child: usize, leave: usize, enter: usize) -> usize {
        let parent = self.other_end(leave, child);
        let child_is_tail = self.edges[leave].from == child;
        // Shift the cut-off subtree so that the entering edge becomes tight.
        let slack = self.slack(enter);
        let delta = if child_is_tail { -slack } else { slack };
        for l in self.low[child]..=self.lim[child] {
            let v = self.node_at_lim[l];
            self.rank[v] += delta;
        }
        let outside = if self.in_subtree(self.edges[enter].from, child) {
            self.edges[enter].to
        } else {
            self.edges[enter].from
        };
        // Lowest common ancestor (in the old tree) of both attachment points: only its subtree changes.
        let mut lca = parent;
        while !self.in_subtree(outside, lca) {
            lca = self.other_end(self.parent_edge[lca].expect("root contains all"), lca);
        }

        self.in_tree[leave] = false;
        self.in_tree[enter] = true;
        for v in [child, parent] {
            let pos = self.tree_adj[v].iter().position(|&e| e == leave).expect("tree edge");
            self.tree_adj[v].swap_remove(pos);
        }
        let (a, b) = (self.edges[enter].from, self.edges[enter].to);
        self.tree_adj[a].push(enter);
        self.tree_adj[b].push(enter);
        self.renumber(lca, self.low[lca]);
        self.lim[lca] + 1 - self.low[lca]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(from: usize, to: usize) -> RankEdge {
        RankEdge {
            from,
            to,
            min_len: 1,
            weight: 1,
        }
    }

    fn cost(ranks: &[i32], edges: &[RankEdge]) -> i64 {
        edges
            .iter()
            .map(|e| i64::from(e.weight) * i64::from(ranks[e.to] - ranks[e.from]))
            .sum()
    }

    fn feasible(ranks: &[i32], edges: &[RankEdge]) -> bool {
        edges.iter().all(|e| ranks[e.to] - ranks[e.from] >= e.min_len)
    }

    /// Minimum cost over all rank vectors in 0..=limit (exponential; tiny graphs only).
    fn brute_force(n: usize, edges: &[RankEdge], limit: i32) -> i64 {
        let mut ranks = vec![0; n];
        let mut best = i64::MAX;
        loop {
            if feasible(&ranks, edges) {
                best = best.min(cost(&ranks, edges));
            }
            let mut i = 0;
            loop {
                if i == n {
                    return best;
                }
                ranks[i] += 1;
                if ranks[i] <= limit {
                    break;
                }
                ranks[i] = 0;
                i += 1;
            }
        }
    }

    #[test]
    fn chain_and_shortcut() {
        // a→b→c→d plus a→d: the shortcut must stretch, the chain stays tight.
        let edges = [e(0, 1), e(1, 2), e(2, 3), e(0, 3)];
        let r = network_simplex(4, &edges);
        assert_eq!(r, vec![0, 1, 2, 3]);
    }

    #[test]
    fn respects_min_len() {
        let edges = [
            RankEdge { min_len: 3, ..e(0, 1) },
            e(1, 2),
            RankEdge { min_len: 2, ..e(0, 2) },
        ];
        let r = network_simplex(3, &edges);
        assert!(feasible(&r, &edges));
        assert_eq!(r, vec![0, 3, 4]);
    }

    #[test]
    fn pulls_a_late_source_down() {
        // Longest path puts 3 at rank 0; optimal puts it right above 2.
        let edges = [e(0, 1), e(1, 2), e(3, 2)];
        let r = network_simplex(4, &edges);
        assert_eq!(r, vec![0, 1, 2, 1]);
    }

    #[test]
    fn components_start_at_zero() {
        let r = network_simplex(5, &[e(0, 1), e(3, 4)]);
        assert_eq!(r, vec![0, 1, 0, 0, 1]);
    }

    #[test]
    fn optimal_on_small_random_dags() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |m: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % m
        };
        for _ in 0..150 {
            let n = 2 + next(4) as usize;
            let m = next(8) as usize;
            let mut edges = Vec::new();
            for _ in 0..m {
                let (a, b) = (next(n as u64) as usize, next(n as u64) as usize);
                if a < b {
                    edges.push(RankEdge {
                        from: a,
                        to: b,
                        min_len: 1 + next(2) as i32,
                        weight: 1 + next(3) as i32,
                    });
                }
            }
            let r = network_simplex(n, &edges);
            assert!(feasible(&r, &edges), "{edges:?} {r:?}");
            let limit = edges.iter().map(|e| e.min_len).sum::<i32>().max(1);
            assert_eq!(cost(&r, &edges), brute_force(n, &edges, limit), "{edges:?} {r:?}");
        }
    }
}
