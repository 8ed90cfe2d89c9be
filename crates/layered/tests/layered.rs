//! Integration tests of the layered layout engine: structural guarantees on small graphs in every direction.

mod common;

use common::{check, crossings, DIRECTIONS};
use mermaid_layered::{layout, ClusterSpec, EdgeSpec, LayeredInput, NodeSpec, Point, RankDir};

fn node(width: f64, height: f64) -> NodeSpec {
    NodeSpec {
        width,
        height,
        cluster: None,
    }
}

fn edge(from: usize, to: usize) -> EdgeSpec {
    EdgeSpec {
        from,
        to,
        min_len: 1,
        label: None,
    }
}

fn labelled(from: usize, to: usize, w: f64, h: f64) -> EdgeSpec {
    EdgeSpec {
        label: Some((w, h)),
        ..edge(from, to)
    }
}

fn graph(nodes: Vec<NodeSpec>, edges: Vec<EdgeSpec>) -> LayeredInput {
    LayeredInput {
        nodes,
        edges,
        ..LayeredInput::default()
    }
}

fn check_all_directions(base: &LayeredInput) {
    for dir in DIRECTIONS {
        let input = LayeredInput {
            direction: dir,
            ..base.clone()
        };
        let out = layout(&input);
        check(&input, &out);
    }
}

/// Picks one coordinate of a point.
type Coord = fn(Point) -> f64;

fn diamond() -> LayeredInput {
    graph(
        vec![node(60.0, 40.0); 4],
        vec![edge(0, 1), edge(0, 2), edge(1, 3), edge(2, 3)],
    )
}

#[test]
fn diamond_is_symmetric_without_crossings() {
    for dir in DIRECTIONS {
        let input = LayeredInput {
            direction: dir,
            ..diamond()
        };
        let out = layout(&input);
        check(&input, &out);
        assert_eq!(crossings(&out), 0, "{dir:?}");
        let [a, b, c, d] = [out.nodes[0], out.nodes[1], out.nodes[2], out.nodes[3]];
        let (along, across): (Coord, Coord) = match dir {
            RankDir::TopBottom | RankDir::BottomTop => (|p| p.y, |p| p.x),
            _ => (|p| p.x, |p| p.y),
        };
        assert!((across(a) - across(d)).abs() < 1e-6, "{dir:?}: A and D not aligned");
        assert!(
            (across(b) + across(c) - 2.0 * across(a)).abs() < 1e-6,
            "{dir:?}: B, C not symmetric"
        );
        assert!((along(b) - along(c)).abs() < 1e-6);
        let forward = matches!(dir, RankDir::TopBottom | RankDir::LeftRight);
        assert_eq!(along(a) < along(b), forward, "{dir:?}: wrong rank direction");
        assert_eq!(along(b) < along(d), forward);
    }
}

#[test]
fn diamond_fits_the_canvas_exactly() {
    let out = layout(&diamond());
    // Two 60-wide boxes 50 apart; three ranks of 40 with two gaps of 50.
    assert!((out.width - 170.0).abs() < 1e-6, "{}", out.width);
    assert!((out.height - 220.0).abs() < 1e-6, "{}", out.height);
}

#[test]
fn long_edges_and_mixed_sizes() {
    let g = graph(
        vec![
            node(80.0, 30.0),
            node(20.0, 60.0),
            node(120.0, 40.0),
            node(40.0, 40.0),
            node(60.0, 20.0),
        ],
        vec![
            edge(0, 1),
            edge(1, 2),
            edge(2, 3),
            edge(0, 3),
            edge(0, 4),
            edge(4, 3),
            edge(1, 3),
        ],
    );
    check_all_directions(&g);
}

#[test]
fn cycles_are_drawn_in_input_direction() {
    let g = graph(
        vec![node(40.0, 30.0); 4],
        vec![edge(0, 1), edge(1, 2), edge(2, 0), edge(2, 3), edge(3, 1)],
    );
    check_all_directions(&g);
    let out = layout(&g);
    // 2 → 0 runs against the ranks: it must end at node 0 still.
    assert!(out.edges[2].points.first().unwrap().y > out.edges[2].points.last().unwrap().y);
}

#[test]
fn parallel_edges_get_distinct_routes() {
    let g = graph(vec![node(40.0, 30.0); 2], vec![edge(0, 1), edge(0, 1), edge(1, 0)]);
    check_all_directions(&g);
    let out = layout(&g);
    assert_ne!(out.edges[0].points, out.edges[1].points);
    let mut back = out.edges[2].points.clone();
    back.reverse();
    assert_ne!(back, out.edges[0].points);
    assert_ne!(back, out.edges[1].points);
}

#[test]
fn labels_take_their_own_space() {
    let g = graph(
        vec![node(60.0, 40.0); 4],
        vec![
            labelled(0, 1, 80.0, 20.0),
            labelled(0, 1, 50.0, 30.0),
            labelled(0, 2, 40.0, 20.0),
            labelled(1, 3, 70.0, 16.0),
            edge(2, 3),
            labelled(3, 0, 30.0, 20.0),
        ],
    );
    check_all_directions(&g);
    let out = layout(&g);
    assert!(out
        .edges
        .iter()
        .zip(&g.edges)
        .all(|(r, e)| r.label_center.is_some() == e.label.is_some()));
}

#[test]
fn self_loops_go_around_the_box() {
    let g = graph(
        vec![node(60.0, 40.0), node(60.0, 40.0), node(30.0, 30.0)],
        vec![
            edge(0, 0),
            edge(0, 1),
            labelled(1, 1, 40.0, 14.0),
            labelled(1, 1, 30.0, 14.0),
            edge(1, 2),
            edge(2, 1),
        ],
    );
    check_all_directions(&g);
    let out = layout(&g);
    let right = out.nodes[0].x + 30.0;
    assert!(out.edges[0].points.iter().any(|p| p.x > right), "loop leaves the box");
}

#[test]
fn disconnected_parts_and_isolated_nodes() {
    let g = graph(
        vec![node(30.0, 20.0); 7],
        vec![edge(0, 1), edge(2, 3), edge(3, 4), edge(2, 4)],
    );
    check_all_directions(&g);
}

#[test]
fn min_len_stretches_edges() {
    let g = graph(
        vec![node(30.0, 20.0); 3],
        vec![
            EdgeSpec {
                min_len: 3,
                ..edge(0, 1)
            },
            edge(1, 2),
        ],
    );
    let out = layout(&g);
    check(&g, &out);
    // Three rank gaps from 0 to 1 (the ranks in between hold only dummies), one from 1 to 2.
    let d01 = out.nodes[1].y - out.nodes[0].y;
    let d12 = out.nodes[2].y - out.nodes[1].y;
    assert!((d01 - (3.0 * 50.0 + 20.0)).abs() < 1e-6, "{d01}");
    assert!((d12 - (50.0 + 20.0)).abs() < 1e-6, "{d12}");
}

#[test]
fn empty_and_single() {
    let out = layout(&LayeredInput::default());
    assert_eq!((out.width, out.height), (0.0, 0.0));
    let g = graph(vec![node(30.0, 20.0)], vec![]);
    let out = layout(&g);
    check(&g, &out);
    assert_eq!((out.width, out.height), (30.0, 20.0));
}

fn in_cluster(w: f64, h: f64, c: usize) -> NodeSpec {
    NodeSpec {
        width: w,
        height: h,
        cluster: Some(c),
    }
}

fn cluster(parent: Option<usize>) -> ClusterSpec {
    ClusterSpec {
        parent,
        title_width: 70.0,
        title_height: 18.0,
    }
}

#[test]
fn flat_clusters() {
    let g = LayeredInput {
        nodes: vec![
            node(40.0, 30.0),
            in_cluster(40.0, 30.0, 0),
            in_cluster(40.0, 30.0, 0),
            in_cluster(50.0, 30.0, 1),
            in_cluster(30.0, 30.0, 1),
            node(40.0, 30.0),
        ],
        edges: vec![
            edge(0, 1),
            edge(1, 2),
            edge(0, 3),
            edge(3, 4),
            edge(2, 5),
            edge(4, 5),
            edge(1, 4),
            edge(0, 5),
        ],
        clusters: vec![cluster(None), cluster(None)],
        ..LayeredInput::default()
    };
    check_all_directions(&g);
}

#[test]
fn nested_clusters_with_crossing_edges() {
    let g = LayeredInput {
        nodes: vec![
            node(40.0, 30.0),
            in_cluster(40.0, 30.0, 0),
            in_cluster(40.0, 30.0, 1),
            in_cluster(60.0, 30.0, 1),
            in_cluster(30.0, 30.0, 2),
            node(40.0, 30.0),
            in_cluster(40.0, 30.0, 0),
        ],
        edges: vec![
            edge(0, 2),
            edge(2, 3),
            edge(1, 2),
            labelled(3, 5, 40.0, 14.0),
            edge(0, 4),
            edge(4, 5),
            edge(6, 4),
            edge(5, 1),
            edge(3, 3),
        ],
        clusters: vec![cluster(None), cluster(Some(0)), cluster(None), ClusterSpec::default()],
        ..LayeredInput::default()
    };
    check_all_directions(&g);
}

#[test]
fn cluster_is_at_least_as_wide_as_its_title() {
    let g = LayeredInput {
        nodes: vec![in_cluster(20.0, 20.0, 0)],
        clusters: vec![ClusterSpec {
            parent: None,
            title_width: 150.0,
            title_height: 20.0,
        }],
        ..LayeredInput::default()
    };
    for dir in DIRECTIONS {
        let input = LayeredInput {
            direction: dir,
            ..g.clone()
        };
        let out = layout(&input);
        check(&input, &out);
        assert!(out.clusters[0].width >= 150.0, "{dir:?}: {:?}", out.clusters[0]);
    }
}

/// A chain 400 ranks deep with a subgraph and 60 edges from its top to its bottom: about 40,000 dummy nodes,
/// past the engine's budget, so the longest unlabelled edges go round in lanes. Everything must still hold:
/// no route through a box or label, cycles drawn in input direction, the labelled long edge kept inside.
#[test]
fn long_edges_of_a_deep_graph_go_round_in_lanes() {
    let n = 400;
    let mut nodes = vec![node(60.0, 30.0); n];
    for v in &mut nodes[100..104] {
        v.cluster = Some(0);
    }
    let mut edges: Vec<EdgeSpec> = (1..n).map(|i| edge(i - 1, i)).collect();
    for k in 0..60 {
        let (early, late) = (k % 20, n - 1 - 2 * k);
        // Every fifth goes back up, as a cycle.
        edges.push(if k % 5 == 4 {
            edge(late, early)
        } else {
            edge(early, late)
        });
    }
    edges.push(labelled(3, n - 2, 50.0, 14.0));
    let base = LayeredInput {
        nodes,
        edges,
        clusters: vec![cluster(None)],
        ..LayeredInput::default()
    };
    for dir in [RankDir::TopBottom, RankDir::LeftRight] {
        let input = LayeredInput {
            direction: dir,
            ..base.clone()
        };
        let out = layout(&input);
        check(&input, &out);
        // Across the ranks, the boxes span [lo, hi]; lanes lie outside it.
        let across: Coord = if dir == RankDir::TopBottom { |p| p.x } else { |p| p.y };
        let half = if dir == RankDir::TopBottom { 30.0 } else { 15.0 };
        let lo = out
            .nodes
            .iter()
            .map(|&p| across(p) - half)
            .fold(f64::INFINITY, f64::min);
        let hi = out
            .nodes
            .iter()
            .map(|&p| across(p) + half)
            .fold(f64::NEG_INFINITY, f64::max);
        let outside = |i: usize| out.edges[i].points.iter().any(|&p| across(p) < lo || across(p) > hi);
        let in_lanes = (0..input.edges.len()).filter(|&i| outside(i)).count();
        assert!((10..=60).contains(&in_lanes), "{dir:?}: {in_lanes} edges in lanes");
        // The labelled edge keeps its label on the way, and the chain's own edges stay inside.
        assert!(!outside(input.edges.len() - 1));
        assert!(
            (0..n - 1).all(|i| !outside(i)),
            "{dir:?}: a chain edge left the boxes' span"
        );
    }
}
