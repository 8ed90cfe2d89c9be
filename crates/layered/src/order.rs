//! Ordering: choose the left-to-right order of the nodes within each rank so that few edges cross.
//!
//! An initial order from a depth-first search is improved by alternating down and up sweeps: each rank is
//! sorted by the barycenter of its neighbours in the rank just fixed, then adjacent nodes are transposed
//! while that removes crossings. The best ordering seen (counted exactly with the Barth–Jünger–Mutzel
//! accumulator tree) is kept. Ties keep the current order, so the result depends only on input order.
//!
//! Clusters constrain the sort: within a rank, a cluster's nodes form one contiguous block between its
//! border nodes, blocks are sorted as units (by the barycenter of their members), and sibling clusters keep
//! one left-to-right order in every rank, so their border chains never cross.

use super::graph::{LayeredGraph, Neighbours, NodeId, NodeKind};

/// Sweeps at most; the search also stops after a few sweeps without improvement.
const MAX_SWEEPS: usize = 24;
const PATIENCE: usize = 4;
const MAX_TRANSPOSE_PASSES: usize = 4;
/// Node and edge visits allowed for all sweeps together; huge graphs (hundreds of thousands of dummies) get
/// fewer sweeps so that they finish in seconds.
const WORK_BUDGET: usize = 6_000_000;
const MIN_SWEEPS: usize = 4;

pub(crate) fn run(g: &mut LayeredGraph) {
    let n_ranks = if g.nodes.is_empty() {
        0
    } else {
        (g.max_rank() + 1) as usize
    };
    let (_, global_down) = g.up_down();
    let initial = initial_order(g, n_ranks, &global_down);
    drop(global_down);

    // Work on ids numbered rank by rank: a rank's neighbours then sit in a narrow id range, which keeps the
    // sweeps' lookups in cache on big graphs. `global[local]` maps back.
    let global: Vec<NodeId> = initial.iter().flatten().copied().collect();
    let mut local = vec![0; g.nodes.len()];
    for (l, &v) in global.iter().enumerate() {
        local[v] = l;
    }
    let mut layers: Vec<Vec<NodeId>> = initial
        .iter()
        .map(|layer| layer.iter().map(|&v| local[v]).collect())
        .collect();
    let up_pairs: Vec<(NodeId, NodeId)> = g.edges.iter().map(|e| (local[e.to], local[e.from])).collect();
    let down_pairs: Vec<(NodeId, NodeId)> = g.edges.iter().map(|e| (local[e.from], local[e.to])).collect();
    let (up, down) = (
        Neighbours::new(global.len(), &up_pairs),
        Neighbours::new(global.len(), &down_pairs),
    );
    let groups = Groups::new(g, &global);

    let mut pos = vec![0usize; g.nodes.len()];
    set_positions(&layers, &mut pos);
    let mut cluster_keys = groups.cluster_keys(&layers);
    let mut scratch = ArrangeScratch::default();
    if !cluster_keys.is_empty() {
        // Make clusters contiguous before the first sweep.
        for layer in &mut layers {
            groups.arrange(layer, &|v| Some(Key::at(pos[v] as f64)), &cluster_keys, &mut scratch);
        }
        set_positions(&layers, &mut pos);
    }

    let mut best = layers.clone();
    let mut best_crossings = count_crossings(&layers, &down, &pos);
    let mut since_best = 0;
    let size = g.nodes.len() + g.edges.len();
    let max_sweeps = (WORK_BUDGET / size.max(1)).clamp(MIN_SWEEPS, MAX_SWEEPS);
    let transpose_passes = if size * MAX_SWEEPS > 4 * WORK_BUDGET {
        1
    } else {
        MAX_TRANSPOSE_PASSES
    };
    for sweep in 0..max_sweeps {
        if best_crossings == 0 {
            break;
        }
        cluster_keys = groups.cluster_keys(&layers);
        let downward = sweep % 2 == 0;
        let ranks: Vec<usize> = if downward {
            (1..n_ranks).collect()
        } else {
            (0..n_ranks.saturating_sub(1)).rev().collect()
        };
        let (fixed_side, other_side) = if downward { (&up, &down) } else { (&down, &up) };
        for r in ranks {
            // Barycenter of the neighbours in the rank just fixed; ties go by the neighbours on the other side.
            let barycenter = |v: NodeId| {
                let nbrs = &fixed_side[v];
                let other = &other_side[v];
                (!nbrs.is_empty()).then(|| Key {
                    sum: nbrs.iter().map(|&u| pos[u] as f64).sum(),
                    n: nbrs.len() as f64,
                    tie_sum: other.iter().map(|&u| pos[u] as f64).sum(),
                    tie_n: other.len() as f64,
                })
            };
            groups.arrange(&mut layers[r], &barycenter, &cluster_keys, &mut scratch);
            for (i, &v) in layers[r].iter().enumerate() {
                pos[v] = i;
            }
        }
        transpose(&mut layers, &mut pos, &up, &down, &groups, transpose_passes);
        let crossings = count_crossings(&layers, &down, &pos);
        if crossings < best_crossings {
            best = layers.clone();
            best_crossings = crossings;
            since_best = 0;
        } else {
            since_best += 1;
            if since_best >= PATIENCE {
                break;
            }
        }
    }

    for layer in &mut best {
        for (i, v) in layer.iter_mut().enumerate() {
            *v = global[*v];
            g.nodes[*v].order = i;
        }
    }
    g.layers = best;
}

fn set_positions(layers: &[Vec<NodeId>], pos: &mut [usize]) {
    for layer in layers {
        for (i, &v) in layer.iter().enumerate() {
            pos[v] = i;
        }
    }
}

/// Nodes appended to their rank in depth-first order from the top ranks, so connected nodes start close.
fn initial_order(g: &LayeredGraph, n_ranks: usize, down: &Neighbours) -> Vec<Vec<NodeId>> {
    let mut starts: Vec<NodeId> = (0..g.nodes.len()).collect();
    starts.sort_unstable_by_key(|&v| (g.nodes[v].rank, v));
    let mut layers = vec![Vec::new(); n_ranks];
    let mut seen = vec![false; g.nodes.len()];
    let mut stack = Vec::new();
    for s in starts {
        if seen[s] {
            continue;
        }
        seen[s] = true;
        stack.push(s);
        while let Some(v) = stack.pop() {
            layers[g.nodes[v].rank as usize].push(v);
            // Reversed so that the first successor is visited first.
            for &w in down[v].iter().rev() {
                if !seen[w] {
                    seen[w] = true;
                    stack.push(w);
                }
            }
        }
    }
    layers
}

/// Exact number of crossings between every pair of adjacent ranks.
pub(crate) fn count_crossings(layers: &[Vec<NodeId>], down: &Neighbours, pos: &[usize]) -> u64 {
    layers
        .windows(2)
        .map(|w| pair_crossings(&w[0], w[1].len(), down, pos))
        .sum()
}

/// Barth–Jünger–Mutzel: list the edges sorted by (upper, lower) position; crossings are the inversions of
/// the lower positions, counted by inserting them into a complete binary accumulator tree over the lower
/// rank's positions (each insertion adds the counts of the right siblings on its path to the root).
fn pair_crossings(upper: &[NodeId], lower_len: usize, down: &Neighbours, pos: &[usize]) -> u64 {
    let mut seq = Vec::new();
    for &u in upper {
        let start = seq.len();
        seq.extend(down[u].iter().map(|&w| pos[w]));
        seq[start..].sort_unstable();
    }
    let mut first_leaf = 1;
    while first_leaf < lower_len {
        first_leaf *= 2;
    }
    let mut tree = vec![0u64; 2 * first_leaf - 1];
    let first_leaf = first_leaf - 1;
    let mut crossings = 0;
    for p in seq {
        let mut index = p + first_leaf;
        tree[index] += 1;
        while index > 0 {
            if index % 2 == 1 {
                crossings += tree[index + 1];
            }
            index = (index - 1) / 2;
            tree[index] += 1;
        }
    }
    crossings
}

/// Swap adjacent nodes while that lowers the crossings with both neighbouring ranks. A rank is revisited only
/// when it or a neighbouring rank changed in the previous pass.
fn transpose(
    layers: &mut [Vec<NodeId>],
    pos: &mut [usize],
    up: &Neighbours,
    down: &Neighbours,
    groups: &Groups,
    max_passes: usize,
) {
    let n_layers = layers.len();
    let mut dirty = vec![true; n_layers];
    // Sorted neighbour positions of the rank being processed: one flat buffer, (start, len) per slot.
    let mut buf: Vec<usize> = Vec::new();
    let mut spans: Vec<[(usize, usize); 2]> = Vec::new();
    for _ in 0..max_passes {
        let mut next_dirty = vec![false; n_layers];
        let mut any = false;
        for li in 0..n_layers {
            if !dirty[li] {
                continue;
            }
            let layer = &mut layers[li];
            buf.clear();
            spans.clear();
            for &v in layer.iter() {
                let mut span = [(0, 0); 2];
                for (k, nbrs) in [up, down].into_iter().enumerate() {
                    let start = buf.len();
                    buf.extend(nbrs[v].iter().map(|&w| pos[w]));
                    buf[start..].sort_unstable();
                    span[k] = (start, buf.len() - start);
                }
                spans.push(span);
            }
            let slice = |(start, len): (usize, usize)| &buf[start..start + len];
            let mut changed = false;
            for i in 1..layer.len() {
                let (u, v) = (layer[i - 1], layer[i]);
                if !groups.swappable(u, v) {
                    continue;
                }
                let (mut keep, mut swapped) = (0, 0);
                for (&left, &right) in spans[i - 1].iter().zip(&spans[i]) {
                    let (now, then) = pair_crossings_both_ways(slice(left), slice(right));
                    keep += now;
                    swapped += then;
                }
                if swapped < keep {
                    layer.swap(i - 1, i);
                    spans.swap(i - 1, i);
                    pos[u] = i;
                    pos[v] = i - 1;
                    changed = true;
                }
            }
            if changed {
                any = true;
                for d in &mut next_dirty[li.saturating_sub(1)..(li + 2).min(n_layers)] {
                    *d = true;
                }
            }
        }
        if !any {
            break;
        }
        dirty = next_dirty;
    }
}

/// Crossings between the edges of a left node (neighbour positions `a`, sorted) and a right node (`b`): as
/// they are, and with the two nodes swapped.
fn pair_crossings_both_ways(a: &[usize], b: &[usize]) -> (u64, u64) {
    let count_below = |xs: &[usize], ys: &[usize]| {
        let mut j = 0;
        let mut total = 0u64;
        for &x in xs {
            while j < ys.len() && ys[j] < x {
                j += 1;
            }
            total += j as u64;
        }
        total
    };
    (count_below(a, b), count_below(b, a))
}

/// The buffers [`Groups::arrange`] fills for one rank, kept between ranks and cleared only where a rank
/// touched them: a rank then costs its own size, not the number of clusters in the whole graph.
#[derive(Default)]
struct ArrangeScratch {
    members: Vec<Vec<Item>>,
    present: Vec<bool>,
    borders: Vec<[Option<NodeId>; 2]>,
    /// Clusters marked present in this rank.
    touched: Vec<usize>,
}

impl ArrangeScratch {
    fn fit(&mut self, n_clusters: usize) {
        if self.present.len() != n_clusters {
            *self = ArrangeScratch {
                members: vec![Vec::new(); n_clusters + 1],
                present: vec![false; n_clusters],
                borders: vec![[None, None]; n_clusters],
                touched: Vec::new(),
            };
        }
    }

    fn clear(&mut self) {
        self.members[0].clear();
        for k in self.touched.drain(..) {
            self.present[k] = false;
            self.members[k + 1].clear();
            self.borders[k] = [None, None];
        }
    }
}

/// What the sort needs to know about clusters.
struct Groups {
    parents: Vec<Option<usize>>,
    /// Per node: the cluster it sorts within, and whether it is that cluster's left/right border.
    home: Vec<(Option<usize>, Option<Side>)>,
}

#[derive(Clone, Copy, PartialEq)]
enum Side {
    Left,
    Right,
}

/// A sortable unit of one group and its nodes, with the sum of their keys if any.
type Block = (Item, Vec<NodeId>, Option<Key>);

/// A sort key: the barycenter `sum / n`, ties broken by `tie_sum / tie_n`. Keys of several nodes add up.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Key {
    sum: f64,
    n: f64,
    tie_sum: f64,
    tie_n: f64,
}

impl Key {
    fn at(x: f64) -> Self {
        Key {
            sum: x,
            n: 1.0,
            ..Key::default()
        }
    }

    fn add(self, o: Key) -> Key {
        Key {
            sum: self.sum + o.sum,
            n: self.n + o.n,
            tie_sum: self.tie_sum + o.tie_sum,
            tie_n: self.tie_n + o.tie_n,
        }
    }

    fn primary(&self) -> f64 {
        self.sum / self.n
    }

    fn tie(&self) -> f64 {
        if self.tie_n > 0.0 {
            self.tie_sum / self.tie_n
        } else {
            self.primary()
        }
    }
}

fn add_keys(a: Option<Key>, b: Option<Key>) -> Option<Key> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.add(b)),
        (a, b) => a.or(b),
    }
}

#[derive(Clone, Copy)]
enum Item {
    Node(NodeId),
    Cluster(usize),
}

impl Groups {
    /// Cluster facts of the nodes `ids` (indexed like `ids`).
    fn new(g: &LayeredGraph, ids: &[NodeId]) -> Self {
        let home = ids
            .iter()
            .map(|&v| &g.nodes[v])
            .map(|n| match n.kind {
                NodeKind::LeftBorder(c) => (Some(c), Some(Side::Left)),
                NodeKind::RightBorder(c) => (Some(c), Some(Side::Right)),
                _ => (n.group, None),
            })
            .collect();
        Groups {
            parents: g.clusters.iter().map(|c| c.parent).collect(),
            home,
        }
    }

    fn swappable(&self, u: NodeId, v: NodeId) -> bool {
        if self.parents.is_empty() {
            return true;
        }
        let (hu, hv) = (self.home[u], self.home[v]);
        hu.1.is_none() && hv.1.is_none() && hu.0 == hv.0
    }

    /// One position per cluster, shared by all ranks during a sweep: the mean relative position of its
    /// nodes. Sibling clusters are placed in this order everywhere.
    fn cluster_keys(&self, layers: &[Vec<NodeId>]) -> Vec<f64> {
        let n = self.parents.len();
        if n == 0 {
            return Vec::new();
        }
        let mut sum = vec![0.0; n];
        let mut count = vec![0usize; n];
        for layer in layers {
            let scale = 1.0 / layer.len().max(1) as f64;
            for (i, &v) in layer.iter().enumerate() {
                let mut c = self.home[v].0;
                while let Some(k) = c {
                    sum[k] += i as f64 * scale;
                    count[k] += 1;
                    c = self.parents[k];
                }
            }
        }
        sum.iter()
            .zip(&count)
            .map(|(s, &c)| if c == 0 { 0.0 } else { s / c as f64 })
            .collect()
    }

    /// Reorder `layer` by `key` (nodes without a key keep their slot), keeping clusters contiguous.
    fn arrange(
        &self,
        layer: &mut Vec<NodeId>,
        key: &dyn Fn(NodeId) -> Option<Key>,
        cluster_keys: &[f64],
        scratch: &mut ArrangeScratch,
    ) {
        let n_clusters = self.parents.len();
        if n_clusters == 0 {
            let items: Vec<Item> = layer.iter().map(|&v| Item::Node(v)).collect();
            let sorted = sort_items(items, &|it| match it {
                Item::Node(v) => key(v),
                Item::Cluster(_) => None,
            });
            *layer = sorted
                .into_iter()
                .map(|it| if let Item::Node(v) = it { v } else { 0 })
                .collect();
            return;
        }
        scratch.fit(n_clusters);
        let ArrangeScratch {
            members,
            present,
            borders,
            touched,
        } = scratch;
        // Items of each group (slot 0: top level, slot c + 1: cluster c), in current order.
        for &v in layer.iter() {
            let (home, side) = self.home[v];
            // Make the cluster chain of `home` present, outermost last.
            let mut c = home;
            while let Some(k) = c {
                if present[k] {
                    break;
                }
                present[k] = true;
                touched.push(k);
                let parent_slot = self.parents[k].map_or(0, |p| p + 1);
                members[parent_slot].push(Item::Cluster(k));
                c = self.parents[k];
            }
            match (side, home) {
                (Some(Side::Left), Some(k)) => borders[k][0] = Some(v),
                (Some(Side::Right), Some(k)) => borders[k][1] = Some(v),
                _ => members[home.map_or(0, |k| k + 1)].push(Item::Node(v)),
            }
        }
        let mut out = Vec::with_capacity(layer.len());
        self.flatten(0, members, borders, key, cluster_keys, &mut out);
        *layer = out;
        scratch.clear();
    }

    /// Append the sorted contents of `slot` to `out`; returns the sum of the keys inside.
    fn flatten(
        &self,
        slot: usize,
        members: &[Vec<Item>],
        borders: &[[Option<NodeId>; 2]],
        key: &dyn Fn(NodeId) -> Option<Key>,
        cluster_keys: &[f64],
        out: &mut Vec<NodeId>,
    ) -> Option<Key> {
        // Flatten every child cluster first to learn its barycenter. As in dagre, a cluster's borders count
        // like members: a cluster with no other keyed node in this rank follows its borders' neighbours.
        let mut blocks: Vec<Block> = Vec::new();
        for &item in &members[slot] {
            match item {
                Item::Node(v) => blocks.push((item, vec![v], key(v))),
                Item::Cluster(c) => {
                    let mut inner = Vec::new();
                    inner.extend(borders[c][0]);
                    let inside = self.flatten(c + 1, members, borders, key, cluster_keys, &mut inner);
                    inner.extend(borders[c][1]);
                    let sides = borders[c].iter().flatten().map(|&b| key(b)).fold(None, add_keys);
                    blocks.push((item, inner, add_keys(inside, sides)));
                }
            }
        }
        let total = blocks.iter().map(|b| b.2).fold(None, add_keys);
        let keyed: Vec<(usize, Option<Key>)> = blocks.iter().map(|b| b.2).enumerate().collect();
        let mut order = sort_indices(&keyed);
        // Sibling clusters take the cluster slots in their shared order.
        let mut cluster_slots: Vec<usize> = order
            .iter()
            .copied()
            .filter(|&i| matches!(blocks[i].0, Item::Cluster(_)))
            .collect();
        cluster_slots.sort_unstable_by(|&a, &b| {
            let (Item::Cluster(ca), Item::Cluster(cb)) = (blocks[a].0, blocks[b].0) else {
                unreachable!()
            };
            cluster_keys[ca].total_cmp(&cluster_keys[cb]).then(ca.cmp(&cb))
        });
        let mut next_cluster = cluster_slots.into_iter();
        for o in order.iter_mut() {
            if matches!(blocks[*o].0, Item::Cluster(_)) {
                *o = next_cluster.next().expect("same count");
            }
        }
        for i in order {
            out.extend_from_slice(&blocks[i].1);
        }
        total
    }
}

/// Stable sort of items by key; items without a key stay in their slot.
fn sort_items(items: Vec<Item>, key: &dyn Fn(Item) -> Option<Key>) -> Vec<Item> {
    let keyed: Vec<(usize, Option<Key>)> = items.iter().map(|&it| key(it)).enumerate().collect();
    sort_indices(&keyed).into_iter().map(|i| items[i]).collect()
}

/// Indices in sorted order: keyed entries by barycenter, then tie key, stably; unkeyed entries keep their
/// index.
fn sort_indices(entries: &[(usize, Option<Key>)]) -> Vec<usize> {
    let mut keyed: Vec<(f64, f64, usize)> = entries
        .iter()
        .filter_map(|&(i, k)| k.map(|k| (k.primary(), k.tie(), i)))
        .collect();
    keyed.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut keyed = keyed.into_iter();
    entries
        .iter()
        .map(|&(i, k)| {
            if k.is_none() {
                i
            } else {
                keyed.next().expect("count matches").2
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Crossings between two ranks by checking every pair of edges.
    fn brute_force(edges: &[(usize, usize)]) -> u64 {
        let mut c = 0;
        for (i, a) in edges.iter().enumerate() {
            for b in &edges[i + 1..] {
                if (a.0 < b.0 && a.1 > b.1) || (a.0 > b.0 && a.1 < b.1) {
                    c += 1;
                }
            }
        }
        c
    }

    #[test]
    fn accumulator_tree_matches_brute_force() {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = |m: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % m as u64) as usize
        };
        for _ in 0..200 {
            let (n_up, n_low) = (1 + next(7), 1 + next(7));
            let edges: Vec<(usize, usize)> = (0..next(20)).map(|_| (next(n_up), n_up + next(n_low))).collect();
            let upper: Vec<NodeId> = (0..n_up).collect();
            let down = Neighbours::new(n_up + n_low, &edges);
            let pos: Vec<usize> = (0..n_up).chain(0..n_low).collect();
            let lower_edges: Vec<(usize, usize)> = edges.iter().map(|&(u, w)| (u, w - n_up)).collect();
            assert_eq!(pair_crossings(&upper, n_low, &down, &pos), brute_force(&lower_edges));
        }
    }

    #[test]
    fn known_bipartite_case() {
        // K(2,2) drawn as a1-b1, a1-b2, a2-b1, a2-b2 has exactly one crossing.
        let down = Neighbours::new(4, &[(0, 2), (0, 3), (1, 2), (1, 3)]);
        assert_eq!(pair_crossings(&[0, 1], 2, &down, &[0, 1, 0, 1]), 1);
    }

    #[test]
    fn unkeyed_items_keep_their_slot() {
        let entries = [
            (0, Some(Key::at(3.0))),
            (1, None),
            (2, Some(Key::at(1.0))),
            (3, Some(Key::at(2.0))),
        ];
        assert_eq!(sort_indices(&entries), vec![2, 1, 3, 0]);
    }
}
