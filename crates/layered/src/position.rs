//! Positioning: coordinates for every node.
//!
//! y: ranks are bands as tall as their tallest box, stacked with `rank_sep` (plus any extra room the
//! cluster pass asked for) between them; every node is centred in its band.
//!
//! x: Brandes & Köpf (2001). Four candidate layouts (align each node with its upper or lower median
//! neighbour, preferring the left or the right one) are computed; each aligns nodes into vertical blocks and
//! packs the blocks as tightly as the separations allow. The final x of a node is the mean of its two median
//! candidates, after aligning the candidates to the narrowest one — this balances the four biases and keeps
//! symmetric graphs symmetric.
//!
//! Long edges stay straight because segments between two dummies ("inner segments") win every conflict with
//! other segments crossing them (type-1 conflicts); cluster border chains win over everything, so each
//! border chain is one block, i.e. a straight vertical line.
//!
//! Block packing uses a block graph (an edge from each block to its right neighbour block, weighted with the
//! separation) placed by longest path, then each block is pulled right towards its right neighbours where
//! there is slack. This replaces the paper's class/shift compaction with something simpler and always valid.

use super::graph::{LayeredGraph, Neighbours, NodeId};

pub(crate) fn run(g: &mut LayeredGraph) {
    assign_y(g);
    let xs = horizontal(g);
    for (node, x) in g.nodes.iter_mut().zip(xs) {
        node.x = x;
    }
}

fn assign_y(g: &mut LayeredGraph) {
    let n = g.layers.len();
    g.rank_top = vec![0.0; n];
    g.rank_bottom = vec![0.0; n];
    let mut y = 0.0;
    for r in 0..n {
        let h = g.layers[r].iter().map(|&v| g.nodes[v].height).fold(0.0, f64::max);
        g.rank_top[r] = y;
        g.rank_bottom[r] = y + h;
        for &v in &g.layers[r] {
            g.nodes[v].y = y + h / 2.0;
        }
        y += h + g.rank_sep + g.extra_gap.get(r).copied().unwrap_or(0.0);
    }
}

/// The nodes as the horizontal placement sees them, renumbered rank by rank: a rank's neighbours then sit in
/// a narrow id range, which keeps the many lookups in cache on big graphs.
struct Frame {
    /// Graph node of each local id.
    global: Vec<NodeId>,
    layers: Vec<Vec<usize>>,
    up: Neighbours,
    down: Neighbours,
    order: Vec<usize>,
    width: Vec<f64>,
    edge_part: Vec<bool>,
    border: Vec<bool>,
    gap_after: Vec<Option<f64>>,
    gap_before: Vec<Option<f64>>,
    node_sep: f64,
    edge_sep: f64,
}

impl Frame {
    fn new(g: &LayeredGraph) -> Self {
        let global: Vec<NodeId> = g.layers.iter().flatten().copied().collect();
        let mut local = vec![0; g.nodes.len()];
        for (l, &v) in global.iter().enumerate() {
            local[v] = l;
        }
        let layers = g
            .layers
            .iter()
            .map(|layer| layer.iter().map(|&v| local[v]).collect())
            .collect();
        let up: Vec<(usize, usize)> = g.edges.iter().map(|e| (local[e.to], local[e.from])).collect();
        let down: Vec<(usize, usize)> = g.edges.iter().map(|e| (local[e.from], local[e.to])).collect();
        let nodes = || global.iter().map(|&v| &g.nodes[v]);
        Frame {
            layers,
            up: Neighbours::new(global.len(), &up),
            down: Neighbours::new(global.len(), &down),
            order: nodes().map(|n| n.order).collect(),
            width: nodes().map(|n| n.width).collect(),
            edge_part: nodes().map(|n| n.is_edge_part()).collect(),
            border: nodes().map(|n| n.is_border()).collect(),
            gap_after: nodes().map(|n| n.gap_after).collect(),
            gap_before: nodes().map(|n| n.gap_before).collect(),
            node_sep: g.node_sep,
            edge_sep: g.edge_sep,
            global,
        }
    }

    /// Minimum distance between the centres of `left` and its right neighbour `right`.
    fn separation(&self, left: usize, right: usize) -> f64 {
        let own_gap = |v: usize| {
            if self.edge_part[v] {
                self.edge_sep
            } else {
                self.node_sep
            }
        };
        let gap = self.gap_after[left]
            .or(self.gap_before[right])
            .unwrap_or((own_gap(left) + own_gap(right)) / 2.0);
        (self.width[left] + self.width[right]) / 2.0 + gap
    }

    fn is_inner(&self, u: usize, v: usize) -> bool {
        (self.edge_part[u] && self.edge_part[v]) || self.is_border_segment(u, v)
    }

    fn is_border_segment(&self, u: usize, v: usize) -> bool {
        self.border[u] && self.border[v]
    }
}

fn horizontal(g: &LayeredGraph) -> Vec<f64> {
    let f = Frame::new(g);
    let n = f.global.len();
    let marked = type1_conflicts(&f);

    let mut candidates: Vec<(Vec<f64>, bool)> = Vec::with_capacity(4);
    for from_below in [false, true] {
        for mirrored in [false, true] {
            // Reduce every variant to "align with upper neighbours, leftmost first".
            let mut layers: Vec<Vec<usize>> = f.layers.clone();
            if from_below {
                layers.reverse();
            }
            if mirrored {
                for layer in &mut layers {
                    layer.reverse();
                }
            }
            let mut pos = vec![0usize; n];
            for layer in &layers {
                for (i, &v) in layer.iter().enumerate() {
                    pos[v] = i;
                }
            }
            let previous = if from_below { &f.down } else { &f.up };
            let root = align(&layers, previous, &pos, &marked);
            let mut x = compact(&f, &layers, &root, mirrored);
            if mirrored {
                x.iter_mut().for_each(|x| *x = -*x);
            }
            candidates.push((x, mirrored));
        }
    }
    let local_x = balance(&f, candidates);
    let mut xs = vec![0.0; g.nodes.len()];
    for (l, &v) in f.global.iter().enumerate() {
        xs[v] = local_x[l];
    }
    xs
}

/// Segments (as sorted node pairs) that must not be used for alignment because they cross a segment that
/// should stay straight. First border chains, then inner segments, protect themselves.
fn type1_conflicts(f: &Frame) -> Vec<(usize, usize)> {
    let up = &f.up;
    let mut marked = Vec::new();
    let protectors: [&dyn Fn(usize, usize) -> bool; 2] = [&|u, v| f.is_border_segment(u, v), &|u, v| f.is_inner(u, v)];
    for protected in protectors {
        for pair in f.layers.windows(2) {
            let (upper, lower) = (&pair[0], &pair[1]);
            if upper.is_empty() {
                continue;
            }
            let mut k0 = 0;
            let mut l = 0;
            for (l1, &v) in lower.iter().enumerate() {
                let inner_upper = up[v].iter().copied().find(|&u| protected(u, v));
                if l1 + 1 == lower.len() || inner_upper.is_some() {
                    let k1 = inner_upper.map_or(upper.len() - 1, |u| f.order[u]);
                    while l <= l1 {
                        let w = lower[l];
                        for &u in &up[w] {
                            let k = f.order[u];
                            if (k < k0 || k > k1) && !f.is_border_segment(u, w) {
                                marked.push((u.min(w), u.max(w)));
                            }
                        }
                        l += 1;
                    }
                    k0 = k1;
                }
            }
        }
    }
    marked.sort_unstable();
    marked.dedup();
    marked
}

/// Vertical alignment: each node joins the block of its median neighbour in the previous layer, unless the
/// segment is marked or would cross an alignment made further left. Returns each node's block root.
fn align(layers: &[Vec<NodeId>], previous: &Neighbours, pos: &[usize], marked: &[(NodeId, NodeId)]) -> Vec<NodeId> {
    let n = pos.len();
    let mut root: Vec<NodeId> = (0..n).collect();
    let mut aligned_below = vec![false; n];
    let mut nbrs = Vec::new();
    for layer in layers.iter().skip(1) {
        let mut last: Option<usize> = None;
        for &v in layer {
            nbrs.clear();
            nbrs.extend_from_slice(&previous[v]);
            if nbrs.is_empty() {
                continue;
            }
            nbrs.sort_unstable_by_key(|&u| pos[u]);
            let d = nbrs.len();
            let medians = [(d - 1) / 2, d / 2];
            for m in medians[..1 + (1 - d % 2)].iter().copied() {
                let u = nbrs[m];
                let free = !aligned_below[u] && last.is_none_or(|r| r < pos[u]);
                if free && marked.binary_search(&(u.min(v), u.max(v))).is_err() {
                    aligned_below[u] = true;
                    root[v] = root[u];
                    last = Some(pos[u]);
                    break;
                }
            }
        }
    }
    root
}

/// Pack the blocks left to right (x grows with position in `layers`).
fn compact(f: &Frame, layers: &[Vec<usize>], root: &[usize], mirrored: bool) -> Vec<f64> {
    let n = root.len();
    // Block graph: block of each node → block of its right neighbour, with the needed distance.
    let mut arcs: Vec<(NodeId, NodeId, f64)> = Vec::new();
    for layer in layers {
        for w in layer.windows(2) {
            let (a, b) = (w[0], w[1]);
            let sep = if mirrored {
                f.separation(b, a)
            } else {
                f.separation(a, b)
            };
            arcs.push((root[a], root[b], sep));
        }
    }
    let succ = Neighbours::new(n, &arcs.iter().enumerate().map(|(i, a)| (a.0, i)).collect::<Vec<_>>());
    let pred = Neighbours::new(n, &arcs.iter().enumerate().map(|(i, a)| (a.1, i)).collect::<Vec<_>>());
    let blocks: Vec<NodeId> = (0..n).filter(|&v| root[v] == v).collect();
    let mut indeg = vec![0usize; n];
    for &b in &blocks {
        indeg[b] = pred[b].len();
    }
    let mut topo: Vec<NodeId> = Vec::with_capacity(blocks.len());
    let mut stack: Vec<NodeId> = blocks.iter().rev().copied().filter(|&b| indeg[b] == 0).collect();
    while let Some(b) = stack.pop() {
        topo.push(b);
        for &a in succ[b].iter().rev() {
            let s = arcs[a].1;
            indeg[s] -= 1;
            if indeg[s] == 0 {
                stack.push(s);
            }
        }
    }
    debug_assert_eq!(topo.len(), blocks.len(), "blocks never cross");
    let mut x = vec![0.0f64; n];
    for &b in &topo {
        x[b] = pred[b].iter().map(|&a| x[arcs[a].0] + arcs[a].2).fold(0.0, f64::max);
    }
    for &b in topo.iter().rev() {
        if let Some(limit) = succ[b].iter().map(|&a| x[arcs[a].1] - arcs[a].2).reduce(f64::min) {
            if limit > x[b] {
                x[b] = limit;
            }
        }
    }
    (0..n).map(|v| x[root[v]]).collect()
}

/// Combine the four candidates: shift each to the narrowest one (left-biased ones by their left edge,
/// right-biased ones by their right edge), then take the mean of the two middle values per node.
fn balance(f: &Frame, candidates: Vec<(Vec<f64>, bool)>) -> Vec<f64> {
    let extent = |x: &[f64]| {
        f.width
            .iter()
            .zip(x)
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), (w, &x)| {
                (lo.min(x - w / 2.0), hi.max(x + w / 2.0))
            })
    };
    let extents: Vec<(f64, f64)> = candidates.iter().map(|(x, _)| extent(x)).collect();
    let narrowest = (0..candidates.len())
        .min_by(|&a, &b| (extents[a].1 - extents[a].0).total_cmp(&(extents[b].1 - extents[b].0)))
        .unwrap_or(0);
    let (target_lo, target_hi) = extents.get(narrowest).copied().unwrap_or((0.0, 0.0));
    let shifts: Vec<f64> = candidates
        .iter()
        .zip(&extents)
        .map(
            |((_, right_biased), &(lo, hi))| {
                if *right_biased {
                    target_hi - hi
                } else {
                    target_lo - lo
                }
            },
        )
        .collect();
    (0..f.global.len())
        .map(|v| {
            let mut xs = [0.0; 4];
            for (k, ((x, _), s)) in candidates.iter().zip(&shifts).enumerate() {
                xs[k] = x[v] + s;
            }
            xs.sort_unstable_by(f64::total_cmp);
            (xs[1] + xs[2]) / 2.0
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::{layout, EdgeSpec, LayeredInput, NodeSpec};

    #[test]
    fn no_overlaps_within_a_rank() {
        let sizes = [
            (40.0, 20.0),
            (100.0, 30.0),
            (10.0, 10.0),
            (60.0, 40.0),
            (30.0, 30.0),
            (80.0, 20.0),
        ];
        let edges = [(0, 1), (0, 2), (0, 3), (1, 4), (2, 4), (3, 5), (0, 5), (2, 5)];
        let input = LayeredInput {
            nodes: sizes
                .iter()
                .map(|&(width, height)| NodeSpec {
                    width,
                    height,
                    cluster: None,
                })
                .collect(),
            edges: edges
                .iter()
                .map(|&(from, to)| EdgeSpec {
                    from,
                    to,
                    min_len: 1,
                    label: None,
                })
                .collect(),
            ..LayeredInput::default()
        };
        let out = layout(&input);
        for i in 0..sizes.len() {
            for j in i + 1..sizes.len() {
                let (a, b) = (out.nodes[i], out.nodes[j]);
                if (a.y - b.y).abs() < 1e-9 {
                    let needed = (sizes[i].0 + sizes[j].0) / 2.0 + input.spacing.node_sep;
                    assert!((a.x - b.x).abs() >= needed - 1e-6, "{i} and {j} too close");
                }
            }
        }
    }
}
