//! Property test: structurally valid diagrams of every supported type, with random graphs and random syntax
//! choices, render without panicking to well-formed SVG. Kept small so it runs in seconds in debug builds.

use mermaid_rs::{render_svg, Options};
use proptest::prelude::*;

fn label() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z]{1,8}( [a-z]{1,8}){0,3}",
        Just("a <br> b".to_string()),
        Just("#quot;q#quot; #35; #lt;x#gt;".to_string()),
        Just("ünïcødé 漢字".to_string()),
        Just("**bold** _it_".to_string()),
    ]
}

fn flow_node(ids: usize) -> impl Strategy<Value = String> {
    (0..ids, label(), 0..8usize).prop_map(|(i, l, shape)| {
        let (open, close) = [
            ("[", "]"),
            ("(", ")"),
            ("([", "])"),
            ("[[", "]]"),
            ("((", "))"),
            ("{", "}"),
            ("{{", "}}"),
            ("", ""),
        ][shape];
        if open.is_empty() {
            format!("n{i}")
        } else {
            format!("n{i}{open}\"{l}\"{close}")
        }
    })
}

fn flowchart() -> impl Strategy<Value = String> {
    let links = prop_oneof![
        Just("-->"),
        Just("---"),
        Just("-.->"),
        Just("==>"),
        Just("~~~"),
        Just("--o"),
        Just("<-->"),
        Just("--->"),
        Just("-->|lbl|"),
        Just("-- text -->"),
    ];
    let edge = (flow_node(12), links, flow_node(12)).prop_map(|(a, l, b)| format!("{a} {l} {b}"));
    (
        prop::sample::select(vec!["TD", "LR", "BT", "RL"]),
        prop::collection::vec(edge, 1..20),
        0..3usize,
        any::<bool>(),
    )
        .prop_map(|(dir, edges, subgraphs, styled)| {
            let mut s = format!("flowchart {dir}\n");
            let per = edges.len() / (subgraphs + 1);
            for (k, e) in edges.iter().enumerate() {
                if subgraphs > 0 && per > 0 && k % per == 0 && k / per < subgraphs {
                    s.push_str(&format!("subgraph g{k} [\"group {k}\"]\n  direction LR\n"));
                }
                s.push_str(&format!("  {e}\n"));
                if subgraphs > 0 && per > 0 && k % per == per - 1 && k / per < subgraphs {
                    s.push_str("end\n");
                }
            }
            if styled {
                s.push_str(
                    "classDef hot fill:#f96,stroke:#333\nclass n1 hot\nstyle n2 fill:#9f6\nlinkStyle 0 stroke:red\n",
                );
            }
            s
        })
}

fn sequence() -> impl Strategy<Value = String> {
    let arrow = prop::sample::select(vec!["->>", "-->>", "->", "-->", "-x", "--x", "-)", "--)"]);
    let stmt = (0..5usize, 0..5usize, arrow, label(), 0..6usize).prop_map(|(a, b, arrow, l, kind)| match kind {
        0 => format!("Note over P{a},P{b}: {l}"),
        1 => format!("Note right of P{a}: {l}"),
        _ => format!("P{a}{arrow}P{b}: {l}"),
    });
    (
        prop::collection::vec(stmt, 1..25),
        prop::collection::vec(0..4usize, 0..4),
        any::<bool>(),
    )
        .prop_map(|(stmts, blocks, autonumber)| {
            let mut s = String::from("sequenceDiagram\n");
            if autonumber {
                s.push_str("autonumber\n");
            }
            s.push_str("participant P0 as Alice\nactor P1\n");
            let mut open = 0;
            for (k, st) in stmts.iter().enumerate() {
                if let Some(&b) = blocks.get(k) {
                    s.push_str(
                        [
                            "loop every minute\n",
                            "alt ok\n",
                            "opt maybe\n",
                            "rect rgb(200,220,255)\n",
                        ][b],
                    );
                    open += 1;
                }
                s.push_str(st);
                s.push('\n');
                if k % 3 == 2 && open > 0 {
                    s.push_str("end\n");
                    open -= 1;
                }
            }
            s.push_str(&"end\n".repeat(open));
            s
        })
}

fn er() -> impl Strategy<Value = String> {
    let card = prop::sample::select(vec!["||", "|o", "}o", "}|"]);
    let card2 = prop::sample::select(vec!["||", "o|", "o{", "|{"]);
    let rel = (
        0..8usize,
        card,
        prop::sample::select(vec!["--", ".."]),
        card2,
        0..8usize,
        "[a-z]{1,10}",
    )
        .prop_map(|(a, c1, line, c2, b, l)| format!("E{a} {c1}{line}{c2} E{b} : {l}"));
    (prop::collection::vec(rel, 1..15), 0..4usize).prop_map(|(rels, attrs)| {
        let mut s = String::from("erDiagram\n");
        for r in rels {
            s.push_str(&format!("  {r}\n"));
        }
        for e in 0..attrs {
            s.push_str(&format!(
                "  E{e} {{\n    string name PK \"the name\"\n    int id FK\n  }}\n"
            ));
        }
        s
    })
}

fn class_diagram() -> impl Strategy<Value = String> {
    let end1 = prop::sample::select(vec!["", "<|", "*", "o", "<", "()"]);
    let end2 = prop::sample::select(vec!["", "|>", "*", "o", ">", "()"]);
    let card = prop::sample::select(vec!["", "\"1\" ", "\"0..*\" ", "\"many\" "]);
    let rel = (
        0..8usize,
        card.clone(),
        end1,
        prop::sample::select(vec!["--", ".."]),
        end2,
        card,
        0..8usize,
        prop::option::of(label()),
    )
        .prop_map(|(a, c1, e1, line, e2, c2, b, l)| {
            let label = l.map(|l| format!(" : {l}")).unwrap_or_default();
            format!("C{a} {c1}{e1}{line}{e2} {c2}C{b}{label}")
        });
    let direction = prop::sample::select(vec!["TB", "BT", "LR", "RL"]);
    (prop::collection::vec(rel, 1..12), 0..4usize, 0..3usize, direction).prop_map(|(rels, bodies, spaces, d)| {
        let mut s = format!("classDiagram\n  direction {d}\n");
        for n in 0..spaces {
            s.push_str(&format!(
                "  namespace N{n} {{\n    class C{n}\n    note for C{n} \"about C{n}\"\n  }}\n"
            ));
        }
        for r in rels {
            s.push_str(&format!("  {r}\n"));
        }
        for c in 0..bodies {
            s.push_str(&format!(
                "  class C{c} {{\n    <<interface>>\n    +List~int~ ids$\n    +run(int n)* bool\n  }}\n"
            ));
        }
        s
    })
}

fn state() -> impl Strategy<Value = String> {
    let block = || {
        let end = || prop_oneof![3 => (0..8usize).prop_map(|i| format!("S{i}")), 1 => Just("[*]".to_string())];
        let transition = (end(), end(), prop::option::of(label()))
            .prop_map(|(a, b, l)| format!("{a} --> {b}{}", l.map(|l| format!(" : {l}")).unwrap_or_default()));
        prop::collection::vec(transition, 1..6)
    };
    (
        prop::sample::select(vec!["TB", "LR", "BT", "RL"]),
        block(),
        prop::collection::vec((block(), any::<bool>(), any::<bool>()), 0..3),
        prop::collection::vec((0..8usize, any::<bool>(), 0..4usize), 0..4),
    )
        .prop_map(|(dir, top, composites, extras)| {
            let mut s = format!("stateDiagram-v2\ndirection {dir}\n");
            for t in &top {
                s.push_str(&format!("{t}\n"));
            }
            // Composite states get their own ids, so that nesting stays well-formed; some are nested.
            for (k, (inner, regions, nested)) in composites.iter().enumerate() {
                s.push_str(&format!("state C{k} {{\n"));
                for (j, t) in inner.iter().enumerate() {
                    let t = t.replace('S', &format!("C{k}S"));
                    if *regions && j == inner.len() / 2 && j > 0 {
                        s.push_str("--\n");
                    }
                    s.push_str(&format!("  {t}\n"));
                }
                if *nested {
                    s.push_str(&format!("  state N{k} {{\n    [*] --> N{k}a\n  }}\n"));
                }
                s.push_str("}\n");
                s.push_str(&format!("S{k} --> C{k}\n"));
            }
            for &(i, left, kind) in &extras {
                let side = if left { "left" } else { "right" };
                match kind {
                    0 => s.push_str(&format!("note {side} of S{i} : a note\n")),
                    1 => s.push_str(&format!("note {side} of S{i}\n  two\n  lines\nend note\n")),
                    2 => s.push_str(&format!("state S{i} <<fork>>\n")),
                    _ => s.push_str(&format!("state S{i} <<choice>>\n")),
                }
            }
            s
        })
}

fn check(source: &str) {
    let svg = render_svg(source, &Options::default()).unwrap_or_else(|e| panic!("{}\n{source}", e.render()));
    let doc = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{e}\n{source}"));
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    for n in doc.descendants().filter(|n| n.is_element()) {
        for a in ["x", "y", "width", "height", "d", "points", "cx", "cy", "r"] {
            if let Some(v) = n.attribute(a) {
                assert!(
                    !v.contains("NaN") && !v.contains("inf"),
                    "non-finite number in {a}=\"{v}\"\n{source}"
                );
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn flowcharts_render(source in flowchart()) {
        check(&source);
    }

    #[test]
    fn sequence_diagrams_render(source in sequence()) {
        check(&source);
    }

    #[test]
    fn er_diagrams_render(source in er()) {
        check(&source);
    }

    #[test]
    fn class_diagrams_render(source in class_diagram()) {
        check(&source);
    }

    #[test]
    fn state_diagrams_render(source in state()) {
        check(&source);
    }
}
