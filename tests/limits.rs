//! Resource limits: every limit gives a clear error (with line and column where there is a place to point at),
//! deep nesting cannot overflow the stack, and adversarial graphs either lay out quickly or are refused.

use mermaid_rs::{layout, parse, render_svg, Error, Limits, Options};
use std::fmt::Write;
use std::time::{Duration, Instant};

fn options(limits: Limits) -> Options {
    Options {
        limits,
        ..Options::default()
    }
}

fn parse_error(source: &str, limits: Limits) -> mermaid_rs::ParseError {
    match layout(source, &options(limits)) {
        Err(Error::Parse(e)) => e,
        other => panic!("expected a parse error, got {:?}", other.map(|s| s.width)),
    }
}

fn complete_graph(n: usize) -> String {
    let ids: Vec<String> = (0..n).map(|i| format!("n{i}")).collect();
    format!("flowchart TD\n{} --> {}\n", ids.join(" & "), ids.join(" & "))
}

fn chain(n: usize) -> String {
    let mut s = String::from("flowchart LR\n");
    for i in 0..n {
        let _ = writeln!(s, "n{i} --> n{}", i + 1);
    }
    s
}

fn fan_out(n: usize) -> String {
    let mut s = String::from("flowchart TD\n");
    for i in 0..n {
        let _ = writeln!(s, "root --> n{i}");
    }
    s
}

/// Lay out `source` with the default limits and return how long it took (or the error).
fn timed(source: &str) -> (Duration, Result<(), Error>) {
    let start = Instant::now();
    let r = render_svg(source, &Options::default()).map(|_| ());
    (start.elapsed(), r)
}

#[test]
#[ignore = "a probe: prints layout times and costs for growing adversarial graphs"]
fn probe_layout_times() {
    for (name, make, sizes) in [
        (
            "complete",
            complete_graph as fn(usize) -> String,
            &[10usize, 20, 30, 40, 60, 80][..],
        ),
        ("chain", chain, &[100, 500, 1000, 2000, 5000][..]),
        ("fan_out", fan_out, &[100, 500, 1000, 2000, 5000][..]),
    ] {
        for &n in sizes {
            let src = make(n);
            let cost = parse(&src).map(|d| mermaid_layout::layout_cost(&d)).unwrap_or(0);
            let (t, r) = timed(&src);
            println!("{name} {n}: cost {cost}, {t:?}, ok {}", r.is_ok());
        }
    }
}

#[test]
fn input_size_is_limited_with_a_position() {
    let limits = Limits {
        max_input_bytes: 100,
        ..Limits::default()
    };
    let src = format!("flowchart TD\n{}", "a --> b\n".repeat(20));
    let e = parse_error(&src, limits);
    assert!(e.message.contains("too large"), "{}", e.message);
    assert!(e.message.contains("limit of 100 bytes"), "{}", e.message);
    // Byte 100 is on line 12 (13 bytes of header, then 8 per line), column 88 - 13 - 80 + 1 = 8.
    assert_eq!((e.line, e.column), (12, 8));
    assert!(e.hint.is_some());
    // The default is 1 MiB.
    assert_eq!(Limits::default().max_input_bytes, 1 << 20);
    let big = format!("flowchart TD\n%% {}\na --> b\n", "x".repeat(1 << 20));
    assert!(matches!(parse(&big), Err(Error::Parse(_))));
}

#[test]
fn node_and_edge_limits() {
    let limits = Limits {
        max_nodes: 5,
        ..Limits::default()
    };
    let e = parse_error("flowchart TD\na --> b\nc --> d\ne --> f\n", limits);
    assert_eq!(e.message, "too many nodes: the limit is 5");
    assert_eq!(e.line, 4);
    let limits = Limits {
        max_edges: 10,
        ..Limits::default()
    };
    // A 4 x 4 product is refused before its 16 edges are made.
    let e = parse_error("flowchart TD\na --> b\na & b & c & d --> e & f & g & h\n", limits);
    assert_eq!(e.message, "too many edges: the limit is 10");
    assert_eq!((e.line, e.column), (3, 15));
    let e = parse_error(
        "sequenceDiagram\nA->>B: 1\nA->>B: 2\nA->>B: 3\n",
        Limits { max_edges: 2, ..limits },
    );
    assert_eq!(e.message, "too many statements: the limit is 2");
    assert_eq!(e.line, 4);
    let e = parse_error(
        "erDiagram\nA ||--o{ B : x\nB ||--o{ C : y\n",
        Limits { max_nodes: 2, ..limits },
    );
    assert_eq!(e.message, "too many entities: the limit is 2");
    assert_eq!(e.line, 3);
}

#[test]
fn a_huge_product_is_refused_quickly() {
    // 2,000 x 2,000 nodes would be four million edges.
    let ids: Vec<String> = (0..2000).map(|i| format!("n{i}")).collect();
    let src = format!("flowchart TD\n{} --> {}\n", ids.join(" & "), ids.join(" & "));
    let start = Instant::now();
    let e = parse_error(&src, Limits::default());
    assert!(e.message.starts_with("too many edges"), "{}", e.message);
    assert!(start.elapsed() < Duration::from_secs(5));
}

#[test]
fn label_length_is_limited() {
    let limits = Limits {
        max_label_chars: 50,
        ..Limits::default()
    };
    let e = parse_error(&format!("flowchart TD\na --> b[{}]\n", "é".repeat(51)), limits);
    assert!(e.message.contains("too long: 51 characters"), "{}", e.message);
    assert_eq!((e.line, e.column), (2, 9));
    assert!(layout(
        &format!("flowchart TD\na --> b[{}]\n", "é".repeat(50)),
        &options(limits)
    )
    .is_ok());
    let e = parse_error(&format!("sequenceDiagram\nA->>B: {}\n", "x".repeat(60)), limits);
    assert!(e.message.contains("too long"), "{}", e.message);
    assert_eq!(e.line, 2);
}

fn nested_subgraphs(depth: usize) -> String {
    let mut s = String::from("flowchart TD\n");
    for i in 0..depth {
        let _ = writeln!(s, "subgraph s{i}");
    }
    s.push_str("a --> b\n");
    for _ in 0..depth {
        s.push_str("end\n");
    }
    s
}

fn nested_blocks(depth: usize) -> String {
    let mut s = String::from("sequenceDiagram\n");
    for i in 0..depth {
        let _ = writeln!(s, "loop l{i}");
    }
    s.push_str("A->>B: x\n");
    for _ in 0..depth {
        s.push_str("end\n");
    }
    s
}

#[test]
fn depth_100_000_is_an_error_not_a_stack_overflow() {
    // 100,000 levels take 2 MB: over the default input limit, so raise that one.
    let limits = Limits {
        max_input_bytes: 4 << 20,
        ..Limits::default()
    };
    for src in [nested_subgraphs(100_000), nested_blocks(100_000)] {
        let e = parse_error(&src, limits);
        assert!(
            e.message.contains("nested too deeply (more than 256 levels)"),
            "{}",
            e.message
        );
        assert_eq!(e.line, 258);
        assert!(e.hint.is_some());
    }
    // Unclosed, too.
    let src = format!("flowchart TD\n{}", "subgraph x\n".repeat(100_000));
    let e = parse_error(&src, limits);
    assert!(e.message.contains("nested too deeply"));
}

#[test]
fn the_parser_itself_has_no_recursion_on_depth() {
    // With the depth limit lifted, 100,000 levels still parse (iteratively).
    let limits = mermaid_rs::Limits {
        max_nesting_depth: usize::MAX,
        max_input_bytes: 4 << 20,
        max_edges: 1 << 20,
        ..Limits::default()
    }
    .parser();
    for src in [nested_subgraphs(100_000), nested_blocks(100_000)] {
        mermaid_parser::parse_with_limits(&src, &limits).unwrap();
    }
}

#[test]
fn deep_nesting_within_the_limit_renders() {
    for src in [nested_subgraphs(60), nested_blocks(100)] {
        let svg = render_svg(&src, &Options::default()).unwrap();
        roxmltree::Document::parse(&svg).unwrap();
    }
}

#[test]
fn adversarial_graphs_lay_out_in_bounded_time_or_are_refused() {
    // Sizes that finish in a couple of seconds in a debug build.
    for src in [complete_graph(15), chain(1000), fan_out(500)] {
        let (t, r) = timed(&src);
        r.unwrap();
        assert!(t < Duration::from_secs(20), "{t:?}");
    }
    // Sizes the cost limit refuses before laying out.
    for src in [complete_graph(80), complete_graph(100)] {
        let (t, r) = timed(&src);
        match r {
            Err(Error::Limit(m)) => assert!(m.contains("too large to lay out"), "{m}"),
            other => panic!("expected the layout limit, got {other:?}"),
        }
        assert!(t < Duration::from_secs(5), "refusing took {t:?}");
    }
    // The limit is configurable.
    let tight = Limits {
        max_layout_cost: 100,
        ..Limits::default()
    };
    assert!(matches!(layout(&chain(200), &options(tight)), Err(Error::Limit(_))));
}

#[test]
fn layout_cost_grows_with_dummy_nodes() {
    let cost = |s: &str| mermaid_layout::layout_cost(&parse(s).unwrap());
    assert_eq!(cost(&chain(100)), 201);
    assert!(cost(&complete_graph(60)) > 50_000);
    assert!(cost(&complete_graph(60)) < Limits::default().max_layout_cost);
    assert!(cost(&complete_graph(80)) > Limits::default().max_layout_cost);
    // Long edges cost their dummy nodes.
    assert!(cost("flowchart TD\na --> b --> c --> d\na --> d") > cost("flowchart TD\na --> b --> c --> d\na --> b"));
}

/// The issue-15 file: 600 subgraphs, and 5,151 edges between 51 of them and 101 others (103 KB). Edges naming a
/// subgraph used to look up its first member with a scan over every node, once per edge and per separately laid
/// out subgraph: 35 s of CPU in release builds, against 0.19 s for the same edges between the member nodes. The
/// first members are found once now, so both cost what the layout-cost model says.
#[test]
fn edges_between_subgraphs_cost_what_edges_between_nodes_cost() {
    let mut sub = String::from("flowchart TB\n");
    for i in 0..600 {
        let _ = writeln!(sub, "  subgraph sg{i}\n    n{i}\n  end");
    }
    let mut nodes = sub.clone();
    for i in 0..51 {
        for j in 51..152 {
            let _ = writeln!(sub, "  sg{i} --> sg{j}");
            let _ = writeln!(nodes, "  n{i} --> n{j}");
        }
    }
    assert!(sub.len() > 99_000, "{}", sub.len());
    let cost = |s: &str| mermaid_layout::layout_cost(&parse(s).unwrap());
    assert!(cost(&sub) <= cost(&nodes) + 600, "{} vs {}", cost(&sub), cost(&nodes));
    let (t_sub, r) = timed(&sub);
    r.unwrap();
    // An idle debug build takes about 5 s (it took minutes before); the bound leaves room for a loaded machine.
    assert!(t_sub < Duration::from_secs(120), "{t_sub:?}");
}
