//! Scale benchmarks on generated diagrams: 100, 1,000 and 10,000-node flowcharts, a 2,000-message sequence
//! diagram and a 300-entity ER diagram, source to SVG. Run with `cargo bench --bench scale`.

#[path = "support/generate.rs"]
mod generate;

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use std::time::Duration;

fn bench(c: &mut Criterion) {
    let options = generate::unlimited_options();
    let mut group = c.benchmark_group("scale");
    group.sample_size(10).warm_up_time(Duration::from_millis(200));
    let cases = [
        ("flowchart-100", generate::flowchart(100, 1), 2),
        ("flowchart-1000", generate::flowchart(1000, 1), 5),
        ("sequence-2000", generate::sequence(2000, 1), 5),
        ("er-300", generate::er(300, 1), 5),
        ("flowchart-10000", generate::flowchart(10_000, 1), 30),
    ];
    for (name, source, seconds) in cases {
        group.measurement_time(Duration::from_secs(seconds));
        group.bench_function(name, |b| {
            b.iter(|| mermaid_rs::render_svg(black_box(&source), &options))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
