//! Property tests: no input makes the parser panic, and generated well-formed flowcharts parse to the expected
//! number of nodes and edges.

use mermaid_parser::{parse, Diagram};
use proptest::prelude::*;

/// Characters that matter to the flowchart grammar, so random text hits interesting paths often.
const ALPHABET: &str = "[a-zA-Z0-9 \\-=.~<>ox|\\[\\](){}\"`:;&@%#,/\\\\\n\t\r_!*+?]{0,200}";

fn shape(text: String) -> impl Strategy<Value = String> {
    let t = text;
    prop_oneof![
        Just(String::new()),
        Just(format!("[{t}]")),
        Just(format!("({t})")),
        Just(format!("([{t}])")),
        Just(format!("[[{t}]]")),
        Just(format!("[({t})]")),
        Just(format!("(({t}))")),
        Just(format!("((({t})))")),
        Just(format!(">{t}]")),
        Just(format!("{{{t}}}")),
        Just(format!("{{{{{t}}}}}")),
        Just(format!("[/{t}/]")),
        Just(format!("[\\{t}\\]")),
        Just(format!("[/{t}\\]")),
        Just(format!("[\\{t}/]")),
        Just(format!("[\"{t} (x) [y]\"]")),
        Just(format!("[\"`**{t}**`\"]")),
        Just(format!("@{{ shape: doc, label: \"{t}\" }}")),
    ]
}

fn node() -> impl Strategy<Value = String> {
    ("n[0-9]{1,2}", "[a-z][a-z ]{0,8}[a-z]")
        .prop_flat_map(|(id, text)| (Just(id), shape(text), prop::bool::ANY))
        .prop_map(|(id, shape, class)| format!("{id}{shape}{}", if class { ":::hot" } else { "" }))
}

fn link() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("-->"),
        Just("---"),
        Just("-.->"),
        Just("-.-"),
        Just("==>"),
        Just("==="),
        Just("~~~"),
        Just("--o"),
        Just("--x"),
        Just("<-->"),
        Just("o--o"),
        Just("x--x"),
        Just("---->"),
        Just("-..->"),
        Just("====>"),
        Just("-->|label|"),
        Just("-- some text -->"),
        Just("== thick text ==>"),
        Just("-. dotted text .->"),
    ]
    .prop_map(|l| format!(" {l} "))
}

/// One vertex statement: a chain of `&` groups; returns the text and the number of edges it makes.
fn chain() -> impl Strategy<Value = (String, usize)> {
    (
        prop::collection::vec(prop::collection::vec(node(), 1..3), 1..4),
        prop::collection::vec(link(), 3),
    )
        .prop_map(|(groups, links)| {
            let mut text = String::new();
            let mut edges = 0;
            for (k, g) in groups.iter().enumerate() {
                if k > 0 {
                    text.push_str(&links[k - 1]);
                    edges += groups[k - 1].len() * g.len();
                }
                text.push_str(&g.join(" & "));
            }
            (text, edges)
        })
}

/// A body of statements with balanced subgraphs; returns the text and the number of edges.
fn flowchart() -> impl Strategy<Value = (String, usize)> {
    prop::collection::vec((chain(), 0u8..6), 0..12).prop_map(|stmts| {
        let mut text = String::from("flowchart LR\n");
        let mut edges = 0;
        let mut open = 0;
        for (k, ((stmt, e), action)) in stmts.into_iter().enumerate() {
            match action {
                0 => {
                    text.push_str(&format!("subgraph s{k} [Group {k}]\n"));
                    open += 1;
                }
                1 if open > 0 => {
                    text.push_str("end\n");
                    open -= 1;
                }
                2 => text.push_str("%% a comment\n"),
                3 => text.push_str("classDef hot fill:#f96,stroke:#333\n"),
                _ => {}
            }
            text.push_str(&stmt);
            text.push_str(if action == 4 { ";" } else { "\n" });
            edges += e;
        }
        for _ in 0..open {
            text.push_str("end\n");
        }
        (text, edges)
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_string_never_panics(s in "\\PC{0,300}") {
        let _ = parse(&s);
    }

    #[test]
    fn flowchart_like_text_never_panics(body in ALPHABET) {
        let _ = parse(&format!("graph TD\n{body}"));
        let _ = parse(&format!("flowchart LR\na{body}"));
        let _ = parse(&body);
    }

    #[test]
    fn generated_flowcharts_parse((src, edges) in flowchart()) {
        match parse(&src) {
            Ok(Diagram::Flowchart(f)) => {
                prop_assert_eq!(f.edges.len(), edges, "{}", src);
                for e in &f.edges {
                    prop_assert!(src.get(e.span.start..e.span.end).is_some());
                }
                for n in &f.nodes {
                    prop_assert!(src[n.span.start..n.span.end].starts_with(&n.id), "{}", src);
                }
            }
            Ok(other) => prop_assert!(false, "not a flowchart: {:?}", other),
            Err(e) => prop_assert!(false, "{}\n{}", src, e.render()),
        }
    }

    #[test]
    fn truncated_flowcharts_never_panic((src, _) in flowchart(), cut in 0usize..2000) {
        let mut cut = cut.min(src.len());
        while !src.is_char_boundary(cut) {
            cut -= 1;
        }
        let _ = parse(&src[..cut]);
    }
}
