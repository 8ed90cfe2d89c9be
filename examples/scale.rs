//! Print how render time grows with flowchart size: `cargo run --release --example scale -- 1000 2000 4000 8000`.
//! Each size is rendered (source to SVG) three times; the median is printed with time per node and the ratio to
//! n·log n of the previous size. The last columns measure the layered graph the layout works on, read off the
//! drawing: rows of nodes, and nodes plus one dummy per row an edge passes without stopping (the engine's own
//! graph has about twice as many, with a rank for edge labels between rows), with the time per such element,
//! and how many edges the engine routed in lanes beside the drawing instead (see `layered::bypass`).

#[path = "../benches/support/generate.rs"]
mod generate;

use std::time::Instant;

fn main() {
    let sizes: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let sizes = if sizes.is_empty() {
        vec![1000, 2000, 4000, 8000]
    } else {
        sizes
    };
    let options = generate::unlimited_options();
    println!(
        "{:>7} {:>10} {:>12} {:>17} {:>8} {:>8} {:>8} {:>7} {:>10} {:>10} {:>8}",
        "nodes",
        "median",
        "µs per node",
        "growth vs n·log n",
        "parse",
        "layout",
        "write",
        "rows",
        "n+dummies",
        "µs per el.",
        "in lanes"
    );
    let mut previous: Option<(usize, f64)> = None;
    for n in sizes {
        let source = generate::flowchart(n, 1);
        let mut times: Vec<f64> = (0..3)
            .map(|_| {
                let start = Instant::now();
                let svg = mermaid_rs::render_svg(&source, &options).expect("generated diagrams are valid");
                std::hint::black_box(svg);
                start.elapsed().as_secs_f64()
            })
            .collect();
        times.sort_by(f64::total_cmp);
        let t = times[1];
        // Where the time goes: parse, then layout, then writing (one run each).
        let start = Instant::now();
        let _ = mermaid_rs::parse(&source);
        let parse = start.elapsed().as_secs_f64();
        let start = Instant::now();
        let scene = mermaid_rs::layout(&source, &options).expect("valid");
        let layout = start.elapsed().as_secs_f64() - parse;
        let start = Instant::now();
        let _ = mermaid_render::write_svg(&scene, &mermaid_render::SvgOptions::default());
        let write = start.elapsed().as_secs_f64();
        let growth = previous.map_or(String::from("-"), |(pn, pt)| {
            let nlogn = |x: usize| x as f64 * (x as f64).ln();
            format!("{:.2}", (t / pt) / (nlogn(n) / nlogn(pn)))
        });
        let (ranks, elements, lanes) = layered_size(&scene);
        println!(
            "{n:>7} {:>8.1}ms {:>12.1} {growth:>17} {:>6.0}ms {:>6.0}ms {:>6.0}ms {ranks:>7} {elements:>10} {:>10.2} {lanes:>8}",
            t * 1000.0,
            t * 1e6 / n as f64,
            parse * 1000.0,
            layout * 1000.0,
            write * 1000.0,
            t * 1e6 / elements as f64
        );
        previous = Some((n, t));
    }
}

/// Rows, nodes plus dummy nodes, and edges routed in lanes beside the drawing, of a top-down drawing: each
/// distinct height of node centres is a row; an edge spanning `k` rows adds `k - 1` dummies unless the engine
/// routed it round the side (some waypoint left of or right of every node), which it does for the longest
/// edges once dummies would outgrow the graph.
fn layered_size(scene: &mermaid_rs::scene::Scene) -> (usize, usize, usize) {
    let nodes = &scene.geometry.nodes;
    let row = |r: &mermaid_rs::scene::Rect| ((r.y + r.height / 2.0) * 2.0).round() as i64;
    let mut rows: Vec<i64> = nodes.iter().map(|n| row(&n.rect)).collect();
    rows.sort_unstable();
    rows.dedup();
    let rank_of: std::collections::HashMap<&str, usize> = nodes
        .iter()
        .map(|n| (n.id.as_str(), rows.binary_search(&row(&n.rect)).unwrap_or(0)))
        .collect();
    let left = nodes.iter().map(|n| n.rect.x).fold(f64::INFINITY, f64::min);
    let right = nodes
        .iter()
        .map(|n| n.rect.x + n.rect.width)
        .fold(f64::NEG_INFINITY, f64::max);
    let (lanes, inside): (Vec<_>, Vec<_>) = scene
        .geometry
        .edges
        .iter()
        .partition(|e| e.waypoints.iter().any(|p| p.x < left || p.x > right));
    let dummies: usize = inside
        .iter()
        .filter_map(|e| Some(rank_of.get(e.from.as_str())?.abs_diff(*rank_of.get(e.to.as_str())?)))
        .map(|span| span.saturating_sub(1))
        .sum();
    (rows.len(), nodes.len() + dummies, lanes.len())
}
