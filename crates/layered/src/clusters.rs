//! Clusters (subgraphs), as three small passes around the phases.
//!
//! * [`place_titles`] (after ranking): each cluster's title node goes one rank above its contents (below, for
//!   BT, so that it ends up on top after the flip), nested titles stacking. Records each cluster's rank span.
//! * [`add_borders`] (after normalization): a left and a right border node in every rank of the cluster's
//!   span, chained vertically. Ordering keeps each cluster's nodes between its borders; positioning keeps the
//!   border chains straight, so the strip between them holds exactly the cluster's members in every rank. It
//!   also reserves vertical room between ranks for cluster paddings.
//! * [`rects`] (after positioning): the cluster boxes, from the border chains and the rank bands.

use super::graph::{Edge, LayeredGraph, Node, NodeKind};
use super::{RankDir, Rect};

/// Clusters ordered children first.
fn children_first(g: &LayeredGraph) -> Vec<usize> {
    let depth = |c: usize| g.cluster_ancestors(Some(c)).count();
    let mut order: Vec<usize> = (0..g.clusters.len()).collect();
    order.sort_unstable_by_key(|&c| (std::cmp::Reverse(depth(c)), c));
    order
}

/// Rank span of every cluster's contents (members, nested clusters, titles), or `None` if empty.
fn spans(g: &LayeredGraph) -> Vec<Option<(i32, i32)>> {
    let mut span: Vec<Option<(i32, i32)>> = vec![None; g.clusters.len()];
    let widen = |s: &mut Option<(i32, i32)>, lo: i32, hi: i32| {
        *s = Some(s.map_or((lo, hi), |(a, b)| (a.min(lo), b.max(hi))));
    };
    for n in &g.nodes {
        if let (NodeKind::Real(_) | NodeKind::Title(_), Some(c)) = (n.kind, n.group) {
            widen(&mut span[c], n.rank, n.rank);
        }
    }
    for c in children_first(g) {
        if let (Some((lo, hi)), Some(p)) = (span[c], g.clusters[c].parent) {
            widen(&mut span[p], lo, hi);
        }
    }
    span
}

pub(crate) fn place_titles(g: &mut LayeredGraph) {
    if g.clusters.is_empty() {
        return;
    }
    let title_below = g.direction == RankDir::BottomTop;
    // Spans of the contents without titles; computed children first so each title sees its children's.
    let mut span: Vec<Option<(i32, i32)>> = vec![None; g.clusters.len()];
    for n in &g.nodes {
        if let (NodeKind::Real(_), Some(c)) = (n.kind, n.group) {
            span[c] = Some(span[c].map_or((n.rank, n.rank), |(a, b)| (a.min(n.rank), b.max(n.rank))));
        }
    }
    for c in children_first(g) {
        let (lo, hi) = span[c].unwrap_or((0, 0));
        let title_rank = if title_below { hi + 1 } else { lo - 1 };
        g.nodes[g.clusters[c].title].rank = title_rank;
        let (lo, hi) = (lo.min(title_rank), hi.max(title_rank));
        span[c] = Some((lo, hi));
        if let Some(p) = g.clusters[c].parent {
            span[p] = Some(span[p].map_or((lo, hi), |(a, b)| (a.min(lo), b.max(hi))));
        }
    }
    let min = g.nodes.iter().map(|n| n.rank).min().unwrap_or(0);
    for n in &mut g.nodes {
        n.rank -= min;
    }
    // Record the spans, so that normalization can keep an edge's dummies inside the clusters it starts or
    // ends in for as long as their spans last.
    for (c, span) in spans(g).into_iter().enumerate() {
        let (lo, hi) = span.expect("every cluster has at least its title");
        g.clusters[c].lo = lo;
        g.clusters[c].hi = hi;
    }
}

pub(crate) fn add_borders(g: &mut LayeredGraph) {
    let n_ranks = (g.max_rank() + 1) as usize;
    g.extra_gap = vec![0.0; n_ranks];
    if g.clusters.is_empty() {
        return;
    }
    let pad = g.cluster_padding;
    let spans = spans(g);
    for (c, span) in spans.iter().enumerate() {
        let (lo, hi) = span.expect("every cluster has at least its title");
        g.clusters[c].lo = lo;
        g.clusters[c].hi = hi;
    }
    for c in 0..g.clusters.len() {
        let (lo, hi) = (g.clusters[c].lo, g.clusters[c].hi);
        // In LR/RL the output's top is the left side here: the title's height goes beside the left border.
        let left_inner = pad + g.clusters[c].title_across;
        for side in 0..2 {
            let mut chain = Vec::new();
            for r in lo..=hi {
                let kind = if side == 0 {
                    NodeKind::LeftBorder(c)
                } else {
                    NodeKind::RightBorder(c)
                };
                let mut node = Node::new(kind, 0.0, 0.0, Some(c));
                node.rank = r;
                if side == 0 {
                    node.gap_after = Some(left_inner);
                } else {
                    node.gap_before = Some(pad);
                }
                if let Some(&prev) = chain.last() {
                    g.edges.push(Edge {
                        from: prev,
                        to: g.nodes.len(),
                        min_len: 1,
                        weight: 1,
                        input: None,
                        reversed: false,
                        label: None,
                    });
                }
                chain.push(g.nodes.len());
                g.nodes.push(node);
            }
            if side == 0 {
                g.clusters[c].left = chain;
            } else {
                g.clusters[c].right = chain;
            }
        }
    }

    // Margins stack when nested clusters share their first (last) rank.
    for c in children_first(g) {
        let (lo, hi) = (g.clusters[c].lo, g.clusters[c].hi);
        let (mut top, mut bottom) = (0.0f64, 0.0f64);
        for (d, child) in g.clusters.iter().enumerate() {
            if child.parent == Some(c) && d != c {
                if child.lo == lo {
                    top = top.max(child.top_margin);
                }
                if child.hi == hi {
                    bottom = bottom.max(child.bottom_margin);
                }
            }
        }
        g.clusters[c].top_margin = pad + top;
        g.clusters[c].bottom_margin = pad + bottom;
    }
    for cl in &g.clusters {
        if cl.lo > 0 {
            let r = (cl.lo - 1) as usize;
            g.extra_gap[r] = g.extra_gap[r].max(cl.top_margin);
        }
    }
    // Room above a rank and room below the previous one add up.
    let mut below = vec![0.0f64; n_ranks];
    for cl in &g.clusters {
        below[cl.hi as usize] = below[cl.hi as usize].max(cl.bottom_margin);
    }
    for (gap, b) in g.extra_gap.iter_mut().zip(below) {
        *gap += b;
    }
}

/// Cluster boxes in top-to-bottom space.
pub(crate) fn rects(g: &LayeredGraph) -> Vec<Rect> {
    g.clusters
        .iter()
        .map(|cl| {
            let (l, r) = (cl.left[0], cl.right[0]);
            let top = g.rank_top[cl.lo as usize] - cl.top_margin;
            let bottom = g.rank_bottom[cl.hi as usize] + cl.bottom_margin;
            Rect {
                x: g.nodes[l].x,
                y: top,
                width: g.nodes[r].x - g.nodes[l].x,
                height: bottom - top,
            }
        })
        .collect()
}
