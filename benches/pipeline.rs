//! Parse, layout and render timings for each example diagram and, when `../shared` is present, each seed
//! flowchart of the architecture document, plus the throughput (diagrams per second, one thread) over every
//! `valid` corpus diagram of a type we render, and over the class corpus alone. Run with `cargo bench --bench pipeline`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use std::path::{Path, PathBuf};

fn inputs() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut dirs = vec![root.join("examples")];
    let seed = root.join("../shared/seed");
    if seed.is_dir() {
        dirs.push(seed);
    }
    let mut files: Vec<PathBuf> = dirs
        .iter()
        .flat_map(|d| std::fs::read_dir(d).into_iter().flatten().flatten().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "mmd"))
        .collect();
    files.sort();
    files
        .into_iter()
        .filter_map(|p| {
            let source = std::fs::read_to_string(&p).ok()?;
            // Only diagrams we can render today.
            mermaid_rs::parse(&source).ok()?;
            Some((p.file_stem()?.to_string_lossy().into_owned(), source))
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let options = mermaid_rs::Options::default();
    for (name, source) in inputs() {
        let mut group = c.benchmark_group(name);
        group.bench_function("parse", |b| b.iter(|| mermaid_rs::parse(black_box(&source))));
        let diagram = mermaid_rs::parse(&source).expect("parses");
        let config = mermaid_layout::Config::default();
        group.bench_function("layout", |b| {
            b.iter(|| mermaid_rs::layout_parsed(black_box(&diagram), &config))
        });
        let scene = mermaid_rs::layout_parsed(&diagram, &config);
        group.bench_function("write_svg", |b| {
            b.iter(|| mermaid_render::write_svg(black_box(&scene), &mermaid_render::SvgOptions::default()))
        });
        group.bench_function("source_to_svg", |b| {
            b.iter(|| mermaid_rs::render_svg(black_box(&source), &options))
        });
        group.bench_function("source_to_png", |b| {
            b.iter(|| mermaid_rs::render_png(black_box(&source), &options))
        });
        group.finish();
    }
}

/// The sources of every `valid` diagram of the shared corpus's folders for `kinds`.
fn corpus(kinds: &[&str]) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let Ok(manifest) = std::fs::read_to_string(root.join("MANIFEST.tsv")) else {
        return Vec::new();
    };
    manifest
        .lines()
        .filter_map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            let (file, kind, expect) = (cols.first()?, cols.get(1)?, cols.last()?);
            let ours = kinds.contains(kind);
            (ours && *expect == "valid").then(|| std::fs::read_to_string(root.join(file)).ok())?
        })
        .collect()
}

/// Diagrams per second over the corpus of every type we render, and over each type's own corpus.
fn corpus_throughput(c: &mut Criterion) {
    let sets: [(&str, &[&str]); 2] = [
        ("corpus", &["flowchart", "sequence", "er", "class", "state"]),
        ("corpus-class", &["class"]),
    ];
    for (name, kinds) in sets {
        let sources = corpus(kinds);
        if sources.is_empty() {
            return;
        }
        let options = mermaid_rs::Options::default();
        let mut group = c.benchmark_group(name);
        group.throughput(Throughput::Elements(sources.len() as u64));
        group
            .sample_size(10)
            .measurement_time(std::time::Duration::from_secs(5));
        group.bench_function("source_to_svg", |b| {
            b.iter(|| {
                for s in &sources {
                    let _ = black_box(mermaid_rs::render_svg(black_box(s), &options));
                }
            })
        });
        group.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).warm_up_time(std::time::Duration::from_millis(300))
        .measurement_time(std::time::Duration::from_secs(1));
    targets = bench, corpus_throughput
}
criterion_main!(benches);
