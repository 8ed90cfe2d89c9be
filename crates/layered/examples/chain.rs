//! Lay out a small graph with a cycle, a labelled edge and a cluster, and print where everything went.
//! Run with `cargo run -p mermaid-layered --example chain`.

use mermaid_layered::{layout, ClusterSpec, EdgeSpec, LayeredInput, NodeSpec, RankDir};

fn main() {
    let boxed = |cluster| NodeSpec {
        width: 90.0,
        height: 40.0,
        cluster,
    };
    let edge = |from, to, label| EdgeSpec {
        from,
        to,
        min_len: 1,
        label,
    };
    let input = LayeredInput {
        direction: RankDir::LeftRight,
        // 0 → 1 → 2 → 0 is a cycle; 1 and 2 sit in one cluster titled by a 60 × 16 label.
        nodes: vec![boxed(None), boxed(Some(0)), boxed(Some(0)), boxed(None)],
        edges: vec![
            edge(0, 1, None),
            edge(1, 2, Some((40.0, 16.0))),
            edge(2, 0, None),
            edge(2, 3, None),
        ],
        clusters: vec![ClusterSpec {
            parent: None,
            title_width: 60.0,
            title_height: 16.0,
        }],
        ..Default::default()
    };
    let out = layout(&input);
    println!("drawing {:.0} × {:.0}", out.width, out.height);
    for (i, c) in out.nodes.iter().enumerate() {
        println!("node {i}: centre ({:.1}, {:.1})", c.x, c.y);
    }
    for (i, r) in out.edges.iter().enumerate() {
        let points: Vec<String> = r.points.iter().map(|p| format!("({:.1}, {:.1})", p.x, p.y)).collect();
        println!("edge {i}: {}", points.join(" → "));
    }
    for (i, r) in out.clusters.iter().enumerate() {
        println!("cluster {i}: {:.1}, {:.1}, {:.1} × {:.1}", r.x, r.y, r.width, r.height);
    }
}
