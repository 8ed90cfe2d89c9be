//! Normalization: split every edge spanning more than one rank into a chain of unit-length edges through
//! dummy nodes, one per intermediate rank, so later phases only see edges between adjacent ranks. A labelled
//! edge's dummy at its middle rank becomes the label node, sized like the label.
//!
//! Dummies stay inside the clusters their edge starts or ends in while those clusters' spans last (see
//! `dummy_group`). Records, per input edge, the chain of nodes it runs through (`chains`), for routing.

use super::graph::{Edge, LayeredGraph, Node, NodeKind};

pub(crate) fn run(g: &mut LayeredGraph) {
    let old_edges = std::mem::take(&mut g.edges);
    let mut edges = Vec::with_capacity(old_edges.len());
    for e in old_edges {
        let (r0, r1) = (g.nodes[e.from].rank, g.nodes[e.to].rank);
        let (cu, cv) = (g.nodes[e.from].group, g.nodes[e.to].group);
        let common = g.common_cluster(cu, cv);
        let label_rank = e.label.map(|_| r0 + (r1 - r0) / 2);
        let mut chain = vec![e.from];
        for r in r0 + 1..r1 {
            let group = dummy_group(g, r, (r0, cu), (r1, cv), common);
            let (kind, (w, h)) = match (label_rank, e.label, e.input) {
                (Some(lr), Some(size), Some(input)) if lr == r => (NodeKind::Label(input), size),
                _ => (NodeKind::Dummy, (0.0, 0.0)),
            };
            let mut node = Node::new(kind, w, h, group);
            node.rank = r;
            chain.push(g.nodes.len());
            g.nodes.push(node);
        }
        chain.push(e.to);
        for pair in chain.windows(2) {
            edges.push(Edge {
                from: pair[0],
                to: pair[1],
                min_len: 1,
                label: None,
                ..e
            });
        }
        if let Some(input) = e.input {
            g.chains[input] = chain;
        }
    }
    g.edges = edges;
}

/// The cluster a dummy at rank `r` of an edge from `u` to `v` (rank, innermost cluster) belongs to: the
/// innermost cluster of `u` whose span still reaches down to `r`, or of `v` whose span already reaches up to
/// `r` (the nearer end wins when both exist), else the clusters' common ancestor. An edge thus leaves and
/// enters clusters through their bottom and top rather than their sides.
fn dummy_group(
    g: &LayeredGraph,
    r: i32,
    (ru, cu): (i32, Option<usize>),
    (rv, cv): (i32, Option<usize>),
    common: Option<usize>,
) -> Option<usize> {
    let from_side = g
        .cluster_ancestors(cu)
        .take_while(|&c| Some(c) != common)
        .find(|&c| r <= g.clusters[c].hi);
    let to_side = g
        .cluster_ancestors(cv)
        .take_while(|&c| Some(c) != common)
        .find(|&c| r >= g.clusters[c].lo);
    match (from_side, to_side) {
        (Some(a), Some(b)) => Some(if r - ru <= rv - r { a } else { b }),
        (a, b) => a.or(b).or(common),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{acyclic, labels, rank, EdgeSpec, LayeredInput, NodeSpec};

    #[test]
    fn long_and_labelled_edges_become_chains() {
        let input = LayeredInput {
            nodes: vec![
                NodeSpec {
                    width: 10.0,
                    height: 10.0,
                    cluster: None
                };
                3
            ],
            edges: vec![
                EdgeSpec {
                    from: 0,
                    to: 1,
                    min_len: 1,
                    label: Some((30.0, 12.0)),
                },
                EdgeSpec {
                    from: 1,
                    to: 2,
                    min_len: 1,
                    label: None,
                },
                EdgeSpec {
                    from: 0,
                    to: 2,
                    min_len: 1,
                    label: None,
                },
            ],
            ..LayeredInput::default()
        };
        let mut g = LayeredGraph::from_input(&input);
        acyclic::run(&mut g);
        labels::make_space(&mut g);
        rank::run(&mut g);
        run(&mut g);
        assert!(g.edges.iter().all(|e| g.nodes[e.to].rank == g.nodes[e.from].rank + 1));
        assert_eq!(g.chains[0].len(), 3);
        let label = g.chains[0][1];
        assert_eq!(g.nodes[label].kind, NodeKind::Label(0));
        assert_eq!((g.nodes[label].width, g.nodes[label].height), (30.0, 12.0));
        assert_eq!(g.chains[2].len(), 5);
        assert!(g.chains[2][1..4].iter().all(|&d| g.nodes[d].kind == NodeKind::Dummy));
    }
}
