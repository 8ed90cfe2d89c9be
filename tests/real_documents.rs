//! What real documents write and mermaid.js 11 accepts or draws (issue 18): one small case per point, each
//! checked against how mermaid.js reads or draws it.

use mermaid_rs::scene::Item;
use mermaid_rs::{layout, parse, Diagram, Options, Scene};

fn scene(src: &str) -> Scene {
    layout(src, &Options::default()).unwrap_or_else(|e| panic!("{src}\n{e}"))
}

// ---- sequence

#[test]
fn activations_never_closed_draw_no_bar_but_closed_ones_do() {
    let s = scene(
        "sequenceDiagram\n  Alice->>+Bob: open, never closed\n  Bob->>+Carol: opened\n  Carol-->>-Bob: closed\n  activate Alice\n",
    );
    let seq = s.geometry.sequence.as_ref().unwrap();
    let actors: Vec<&str> = seq.activations.iter().map(|a| a.actor.as_str()).collect();
    assert_eq!(actors, ["Carol"], "only the closed activation has a bar");
}

// ---- flowchart

fn node_label(s: &Scene, id: &str) -> String {
    let n = s.geometry.nodes.iter().find(|n| n.id == id);
    n.unwrap_or_else(|| panic!("no node {id}")).label.clone()
}

/// The label text as parsed (line breaks and markup still in it).
fn parsed_label(src: &str, id: &str) -> String {
    let Ok(Diagram::Flowchart(f)) = parse(src) else {
        panic!("not a flowchart: {src}")
    };
    let node = f.nodes.into_iter().find(|n| n.id == id);
    node.and_then(|n| n.label)
        .map(|l| l.text)
        .unwrap_or_else(|| panic!("no label on {id}"))
}

fn node_height(s: &Scene, id: &str) -> f64 {
    s.geometry
        .nodes
        .iter()
        .find(|n| n.id == id)
        .map(|n| n.rect.height)
        .unwrap()
}

#[test]
fn colon_inside_an_id_is_part_of_it_and_triple_colon_still_starts_a_class() {
    let s = scene("flowchart LR\n  svc1:v0.1.x --> lib:v2;\n  lib:v2:::hot\n  classDef hot fill:#f96\n");
    let ids: Vec<&str> = s.geometry.nodes.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(ids, ["svc1:v0.1.x", "lib:v2"]);
    assert_eq!(node_label(&s, "lib:v2"), "lib:v2");
}

#[test]
fn unquoted_label_may_go_on_over_lines_and_unclosed_one_is_reported_at_its_line_end() {
    let src = "flowchart TD\n  db[(Event\n  Store)] --> api[Query\n API]\n  one[Query API]\n";
    assert_eq!(parsed_label(src, "db"), "Event\u{2028}Store");
    assert_eq!(parsed_label(src, "api"), "Query\u{2028}API");
    let s = scene(src);
    assert!(
        node_height(&s, "api") > node_height(&s, "one") + 10.0,
        "two lines are taller than one"
    );
    let e = match layout("flowchart TD\n  A[open\n  B --> C[x]\n", &Options::default()) {
        Err(mermaid_rs::Error::Parse(e)) => e,
        other => panic!("expected a parse error, got {other:?}"),
    };
    assert_eq!((e.line, e.column), (2, 9), "{}", e.message);
}

#[test]
fn quoted_string_followed_by_text_is_one_label() {
    let src = "flowchart TD\n  doc[[\"<b>design</b> notes\" <br> and more]]\n";
    assert_eq!(parsed_label(src, "doc"), "<b>design</b> notes \u{2028} and more");
    assert!(node_label(&scene(src), "doc").ends_with("notes and more"));
    assert!(layout("flowchart TD\n  A[\"x\" (y)]\n", &Options::default()).is_err());
}

#[test]
fn empty_subgraph_is_drawn_as_a_node_and_keeps_its_edges() {
    let s = scene(
        "flowchart LR\n  subgraph outer [Outer]\n    subgraph todo [Not yet built]\n    end\n    C\n  end\n  A --> todo\n  todo --> B\n",
    );
    let edges: Vec<(&str, &str)> = s
        .geometry
        .edges
        .iter()
        .map(|e| (e.from.as_str(), e.to.as_str()))
        .collect();
    assert_eq!(edges, [("A", "todo"), ("todo", "B")]);
    assert_eq!(node_label(&s, "todo"), "Not yet built");
    let clusters: Vec<&str> = s.geometry.clusters.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(clusters, ["outer"], "the empty one is a node now");
    let outer = s.geometry.clusters[0].rect;
    let todo = s.geometry.nodes.iter().find(|n| n.id == "todo").unwrap().rect;
    assert!(
        outer.x <= todo.x && todo.right() <= outer.right(),
        "still inside its parent"
    );
}

#[test]
fn subgraph_title_of_a_quoted_string_and_more_words() {
    let src = "flowchart TD\n  subgraph \"Main\" timeline\n    A\n  end\n";
    let Ok(Diagram::Flowchart(f)) = parse(src) else {
        panic!()
    };
    assert_eq!(f.subgraphs[0].title.as_ref().unwrap().text, "Main timeline");
    let s = scene(src);
    assert_eq!(s.geometry.clusters[0].label, "Main timeline");
}

#[test]
fn subgraphs_without_id_are_numbered_in_the_order_they_end() {
    // mermaid.js names a subgraph when its `end` is read, so an inner one gets the lower number; named
    // subgraphs count too.
    let src = "flowchart TD\n  subgraph \"Outer box\"\n    subgraph named\n      A\n    end\n    subgraph \"Inner box\"\n      B\n    end\n  end\n";
    let Ok(Diagram::Flowchart(f)) = parse(src) else {
        panic!()
    };
    let ids: Vec<&str> = f.subgraphs.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["subGraph2", "named", "subGraph1"]);
    let e = parse("flowchart TD\n  subgraph \"Never closed\"\n  A\n")
        .unwrap_err()
        .to_string();
    assert!(e.contains("unclosed subgraph `Never closed`"), "{e}");
}

/// Every text block in the scene, as (its lines joined by `\n`, the CSS it carries).
fn texts(items: &[Item], out: &mut Vec<(String, Vec<(String, String)>)>) {
    for item in items {
        match item {
            Item::Group { items, .. } | Item::Link { items, .. } => texts(items, out),
            Item::Popup { trigger, panel } => {
                texts(trigger, out);
                texts(panel, out);
            }
            Item::Text(t) => {
                let lines: Vec<String> = t
                    .lines
                    .iter()
                    .map(|l| l.runs.iter().map(|r| r.text.as_str()).collect())
                    .collect();
                out.push((lines.join("\n"), t.extra_css.clone()));
            }
            _ => {}
        }
    }
}

fn css_of_text(s: &Scene, text: &str) -> Vec<(String, String)> {
    let mut all = Vec::new();
    texts(&s.items, &mut all);
    let found = all.into_iter().find(|(t, _)| t == text);
    found.unwrap_or_else(|| panic!("no text {text:?}")).1
}

#[test]
fn link_style_color_paints_the_label_and_subgraph_style_color_the_title() {
    let s = scene(
        "flowchart LR\n  subgraph box [Services]\n    A -->|calls| B\n  end\n  B -->|plain| C\n  linkStyle 0 stroke:#0a0,color:#c00\n  style box color:#00f\n",
    );
    let fill = |css: Vec<(String, String)>| css.into_iter().find(|(k, _)| k == "fill").map(|(_, v)| v);
    assert_eq!(fill(css_of_text(&s, "calls")).as_deref(), Some("#c00"));
    assert_eq!(
        fill(css_of_text(&s, "plain")),
        None,
        "linkStyle 0 is the first edge only"
    );
    assert_eq!(fill(css_of_text(&s, "Services")).as_deref(), Some("#00f"));
}

#[test]
fn icon_node_shows_its_label_or_nothing_never_its_id() {
    let s = scene("flowchart LR\n  u@{ icon: \"fa:user\", form: square, label: \"User\" }\n  db7@{ icon: \"aws:rds\" }\n  u --> db7\n");
    assert_eq!(node_label(&s, "u"), "User");
    assert_eq!(node_label(&s, "db7"), "");
    let mut all = Vec::new();
    texts(&s.items, &mut all);
    assert!(all.iter().all(|(t, _)| !t.contains("db7")), "{all:?}");
}

// ---- documents

#[test]
fn in_a_document_every_line_number_of_a_message_is_a_document_line() {
    let doc =
        "# Design\n\nSome text.\n\n- item\n\n  ```mermaid\n  flowchart TD\n    A --> B\n    subgraph S\n    C\n  ```\n";
    let blocks = mermaid_rs::markdown::extract(doc);
    let Err(mermaid_rs::Error::Parse(e)) = parse(&blocks[0].source) else {
        panic!("expected an error")
    };
    let moved = blocks[0].error_in_document(&e, doc);
    assert_eq!(moved.line, 10, "{moved:?}");
    assert!(
        moved.message.contains("opened at line 10, column 5"),
        "{}",
        moved.message
    );
}

#[test]
fn flowchart_circle_and_cross_ends_are_as_large_as_mermaids() {
    // mermaid.js draws both 11 px across (markerWidth 11, user space).
    use mermaid_rs::scene::MarkerKind;
    assert_eq!(MarkerKind::Circle.length(), 11.0);
    assert_eq!(MarkerKind::Cross.length(), 11.0);
    let svg = mermaid_rs::render_svg("flowchart LR\n  A --o B --x C\n", &Options::default()).unwrap();
    assert!(svg.contains(r#"markerWidth="11" markerHeight="11""#));
}

#[test]
fn what_mermaid_rejects_is_accepted_with_a_warning() {
    let warnings = |src: &str| -> Vec<String> {
        let d = parse(src).unwrap_or_else(|e| panic!("{src}\n{e}"));
        d.meta()
            .warnings
            .iter()
            .map(|w| format!("{}:{} {}", w.line, w.column, w.message))
            .collect()
    };
    assert_eq!(
        warnings("flowchart LR\n  A -->|calls (async)| B\n"),
        ["2:9 `(` or `)` in an unquoted edge label"]
    );
    assert!(
        warnings("flowchart LR\n  A -->|\"calls (async)\"| B\n").is_empty(),
        "quoted is fine"
    );
    assert_eq!(
        warnings("flowchart LR\n  cost$ --> B\n  cost$ --> C\n"),
        ["2:3 `$` in the node id `cost$`"]
    );
    assert!(warnings("flowchart LR\n  A -->|calls| B\n").is_empty());
}

// ---- ER

#[test]
fn er_attribute_comment_may_span_lines_and_each_line_is_drawn() {
    let src = "erDiagram\n  ORDER {\n    string id PK \"the key,\n    never reused\"\n    int total\n  }\n";
    let Ok(Diagram::Er(d)) = parse(src) else {
        panic!("{src}")
    };
    let attrs = &d.entities[0].attributes;
    assert_eq!(attrs[0].comment.as_deref(), Some("the key,\u{2028}never reused"));
    assert_eq!(attrs[1].name, "total");
    let mut all = Vec::new();
    texts(&scene(src).items, &mut all);
    assert!(
        all.iter().any(|(t, _)| t == "the key,\nnever reused"),
        "two lines: {all:?}"
    );
    let e = parse("erDiagram\n  ORDER {\n    string id PK \"the key\n  }\n")
        .unwrap_err()
        .to_string();
    assert!(e.contains("unclosed comment"), "{e}");
}
