//! Property tests on random graphs, and an (ignored) speed check on a big one.

mod common;

use std::time::Instant;

use common::{check, DIRECTIONS};
use mermaid_layered::{layout, ClusterSpec, EdgeSpec, LayeredInput, NodeSpec, RankDir};
use proptest::prelude::*;

/// Random graph: up to `max_nodes` nodes with random sizes, edges including cycles, self-loops, parallel
/// edges and labels, in a random direction.
fn arb_graph(max_nodes: usize, with_labels: bool) -> impl Strategy<Value = LayeredInput> {
    (1..=max_nodes, 0usize..4)
        .prop_flat_map(move |(n, dir)| {
            let nodes = prop::collection::vec((5.0..120.0f64, 5.0..80.0f64), n);
            let label = if with_labels {
                prop::option::weighted(0.3, (5.0..60.0f64, 5.0..20.0f64)).boxed()
            } else {
                Just(None).boxed()
            };
            let edges = prop::collection::vec((0..n, 0..n, 1u32..3, label), 0..=(2 * n));
            (nodes, edges, Just(dir))
        })
        .prop_map(|(nodes, edges, dir)| LayeredInput {
            direction: DIRECTIONS[dir],
            nodes: nodes
                .into_iter()
                .map(|(width, height)| NodeSpec {
                    width,
                    height,
                    cluster: None,
                })
                .collect(),
            edges: edges
                .into_iter()
                .map(|(from, to, min_len, label)| EdgeSpec {
                    from,
                    to,
                    min_len,
                    label,
                })
                .collect(),
            ..LayeredInput::default()
        })
}

/// Random graph with random (possibly nested) clusters.
fn arb_clustered(max_nodes: usize) -> impl Strategy<Value = LayeredInput> {
    (arb_graph(max_nodes, true), 1usize..6)
        .prop_flat_map(|(g, n_clusters)| {
            let n = g.nodes.len();
            let parents = prop::collection::vec(prop::option::of(0..n_clusters), n_clusters);
            let membership = prop::collection::vec(prop::option::of(0..n_clusters), n);
            let titles = prop::collection::vec((0.0..100.0f64, 0.0..25.0f64), n_clusters);
            (Just(g), parents, membership, titles)
        })
        .prop_map(|(mut g, parents, membership, titles)| {
            // Only parents with a smaller index: a forest.
            g.clusters = parents
                .iter()
                .zip(titles)
                .enumerate()
                .map(|(c, (p, (title_width, title_height)))| ClusterSpec {
                    parent: p.filter(|&p| p < c),
                    title_width,
                    title_height,
                })
                .collect();
            for (node, c) in g.nodes.iter_mut().zip(membership) {
                node.cluster = c;
            }
            g
        })
}

proptest! {
    // PROPTEST_CASES=n overrides the default of 48 cases.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(48),
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_graphs_are_laid_out_cleanly(g in arb_graph(200, true)) {
        let out = layout(&g);
        check(&g, &out);
    }

    #[test]
    fn random_clustered_graphs_are_laid_out_cleanly(g in arb_clustered(60)) {
        let out = layout(&g);
        check(&g, &out);
    }

    #[test]
    fn acyclic_edges_point_down_in_tb(g in arb_graph(200, false)) {
        // Keep only forward edges: the input is a DAG.
        let mut g = g;
        g.direction = RankDir::TopBottom;
        g.edges.retain(|e| e.from < e.to);
        let out = layout(&g);
        check(&g, &out);
        for e in &g.edges {
            prop_assert!(out.nodes[e.to].y > out.nodes[e.from].y);
        }
    }

    #[test]
    fn layout_is_deterministic(g in arb_clustered(40)) {
        prop_assert_eq!(layout(&g), layout(&g));
    }
}

/// A random graph of `n` nodes and `m` edges from a fixed seed (xorshift).
/// With `long_share` = k, every k-th edge joins two uniformly random nodes (cycles, long edges); the others
/// join nearby nodes, like real diagrams. k = 1 gives a uniformly random graph.
fn big_graph(n: usize, m: usize, long_share: usize) -> LayeredInput {
    let mut seed = 0x853c_49e6_748f_ea9bu64;
    let mut next = |k: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % k as u64) as usize
    };
    let nodes = (0..n)
        .map(|_| NodeSpec {
            width: 20.0 + next(100) as f64,
            height: 20.0 + next(40) as f64,
            cluster: None,
        })
        .collect();
    let edges = (0..m)
        .map(|i| {
            let from = next(n);
            let to = if i % long_share == 0 {
                next(n)
            } else {
                (from + 1 + next(20)).min(n - 1)
            };
            EdgeSpec {
                from,
                to,
                min_len: 1,
                label: None,
            }
        })
        .collect();
    LayeredInput {
        nodes,
        edges,
        ..LayeredInput::default()
    }
}

#[test]
fn thousand_nodes_quickly() {
    let g = big_graph(1_000, 1_500, 5);
    let start = Instant::now();
    let out = layout(&g);
    eprintln!("1,000 nodes / 1,500 edges: {:?}", start.elapsed());
    assert_eq!(out.nodes.len(), 1_000);
}

/// Run with `cargo test --release -p mermaid-layered --test layered_random -- --ignored --nocapture`.
#[test]
#[ignore]
fn ten_thousand_nodes() {
    for (n, m, long_share) in [
        (1_000, 1_500, 5),
        (10_000, 15_000, 5),
        (10_000, 15_000, 50),
        (10_000, 15_000, 1),
    ] {
        let g = big_graph(n, m, long_share);
        let start = Instant::now();
        let out = layout(&g);
        eprintln!(
            "{n} nodes / {m} edges, 1/{long_share} random: {:?} ({:.0} x {:.0})",
            start.elapsed(),
            out.width,
            out.height
        );
    }
}
