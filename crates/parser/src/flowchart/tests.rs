use crate::ast::*;
use crate::{parse, ParseError};

fn fc(src: &str) -> Flowchart {
    match parse(src) {
        Ok(Diagram::Flowchart(f)) => f,
        Ok(other) => panic!("not a flowchart: {other:?}"),
        Err(e) => panic!("{}", e.render()),
    }
}

fn err(src: &str) -> ParseError {
    match parse(src) {
        Ok(d) => panic!("expected an error, got {d:?}"),
        Err(e) => e,
    }
}

fn node<'a>(f: &'a Flowchart, id: &str) -> &'a Node {
    f.nodes
        .iter()
        .find(|n| n.id == id)
        .unwrap_or_else(|| panic!("no node {id}"))
}

fn label(n: &Node) -> &str {
    n.label.as_ref().map_or("", |l| l.text.as_str())
}

fn edges(f: &Flowchart) -> Vec<(&str, &str)> {
    f.edges.iter().map(|e| (e.from.as_str(), e.to.as_str())).collect()
}

/// `(message, line, column, hint)` of an error.
fn parts(e: &ParseError) -> (&str, usize, usize, Option<&str>) {
    (e.message.as_str(), e.line, e.column, e.hint.as_deref())
}

// ---------------------------------------------------------------- header

#[test]
fn header_directions() {
    for (src, dir) in [
        ("graph", Direction::TopBottom),
        ("graph TD", Direction::TopBottom),
        ("flowchart TB", Direction::TopBottom),
        ("flowchart BT", Direction::BottomTop),
        ("flowchart LR", Direction::LeftRight),
        ("flowchart-elk RL", Direction::RightLeft),
        ("graph >;A-->B;", Direction::LeftRight),
        ("graph <;A-->B;", Direction::RightLeft),
        ("graph ^;A-->B;", Direction::BottomTop),
        ("graph v;A-->B;", Direction::TopBottom),
        ("  flowchart LR\n", Direction::LeftRight),
    ] {
        assert_eq!(fc(src).direction, dir, "{src}");
    }
}

#[test]
fn separators_comments_blank_lines() {
    let f = fc("graph TD;\n\n\n%% Comment\n  A-->B; \n\tB-->C;;\nC-->D %% trailing\r\n");
    assert_eq!(edges(&f), vec![("A", "B"), ("B", "C"), ("C", "D")]);
    let f = fc("flowchart LR; a-->b; b-->c");
    assert_eq!(f.edges.len(), 2);
}

#[test]
fn meta_from_preprocessing_and_acc() {
    let src = "---\ntitle: Orders\nconfig:\n  theme: forest\n---\n%%{init: {\"theme\": \"dark\"}}%%\ngraph LR\naccTitle: Big decisions\naccDescr {\n  line one\n  line two\n}\nA-->B\n";
    let f = fc(src);
    assert_eq!(f.meta.title.as_deref(), Some("Orders"));
    assert_eq!(f.meta.front_matter_config.as_deref(), Some("theme: forest"));
    assert_eq!(f.meta.init_directives, vec!["{\"theme\": \"dark\"}"]);
    assert_eq!(f.meta.acc_title.as_deref(), Some("Big decisions"));
    assert_eq!(f.meta.acc_descr.as_deref(), Some("line one\nline two"));
    assert_eq!(f.edges.len(), 1);
    let f = fc("graph LR\naccDescr: one line\nA");
    assert_eq!(f.meta.acc_descr.as_deref(), Some("one line"));
}

// ---------------------------------------------------------------- nodes

#[test]
fn classic_shapes() {
    let cases = [
        ("a[t]", NodeShape::Rect),
        ("a(t)", NodeShape::Rounded),
        ("a([t])", NodeShape::Stadium),
        ("a[[t]]", NodeShape::Subroutine),
        ("a[(t)]", NodeShape::Cylinder),
        ("a((t))", NodeShape::Circle),
        ("a(((t)))", NodeShape::DoubleCircle),
        ("a>t]", NodeShape::Asymmetric),
        ("a{t}", NodeShape::Diamond),
        ("a{{t}}", NodeShape::Hexagon),
        ("a[/t/]", NodeShape::LeanRight),
        ("a[\\t\\]", NodeShape::LeanLeft),
        ("a[/t\\]", NodeShape::Trapezoid),
        ("a[\\t/]", NodeShape::InvTrapezoid),
        ("a(-t-)", NodeShape::Ellipse),
    ];
    for (src, shape) in cases {
        let f = fc(&format!("graph TD\n{src}"));
        assert_eq!(f.nodes.len(), 1, "{src}");
        assert_eq!(f.nodes[0].shape, shape, "{src}");
        assert_eq!(label(&f.nodes[0]), "t", "{src}");
    }
    let f = fc("graph TD\nplain");
    assert_eq!(f.nodes[0].shape, NodeShape::Rect);
    assert_eq!(f.nodes[0].label, None);
}

#[test]
fn node_spans() {
    let src = "graph TD\n  n1[\"Text (with) [brackets]\"]:::hot --> n2";
    let f = fc(src);
    let n1 = node(&f, "n1");
    assert_eq!(&src[n1.span.start..n1.span.end], "n1[\"Text (with) [brackets]\"]");
    assert_eq!(n1.label.as_ref().unwrap().text, "Text (with) [brackets]");
    let l = n1.label.as_ref().unwrap();
    assert_eq!(&src[l.span.start..l.span.end], "\"Text (with) [brackets]\"");
    assert_eq!(n1.classes, vec!["hot"]);
    let n2 = node(&f, "n2");
    assert_eq!(n2.span, Span::new(src.len() - 2, src.len()));
    let plain = "graph TD\nA[ spaced text ]";
    let f = fc(plain);
    let l = f.nodes[0].label.as_ref().unwrap();
    assert_eq!(l.text, "spaced text");
    assert_eq!(&plain[l.span.start..l.span.end], "spaced text");
}

#[test]
fn labels_quoted_markdown_entities_unicode() {
    let f = fc("graph TD\nA[\"A double quote:#quot;\"] --> B[\"A dec char:#9829;\"]\nC[\"`The **cat**\n  in the hat`\"]\nD(Начало <br> end)\nE[c:\\windows]\nF{{\"`md`\"}}\nG((\"@for@ D@\"))");
    assert_eq!(label(node(&f, "A")), "A double quote:\"");
    assert_eq!(label(node(&f, "B")), "A dec char:♥");
    let c = node(&f, "C").label.as_ref().unwrap();
    assert_eq!(c.kind, LabelKind::Markdown);
    assert_eq!(c.text, "The **cat**\n  in the hat");
    assert_eq!(label(node(&f, "D")), "Начало \u{2028} end");
    assert_eq!(label(node(&f, "E")), "c:\\windows");
    assert_eq!(node(&f, "F").label.as_ref().unwrap().kind, LabelKind::Markdown);
    assert_eq!(node(&f, "B").label.as_ref().unwrap().kind, LabelKind::Plain);
    assert_eq!(label(node(&f, "G")), "@for@ D@");
}

#[test]
fn html_attribute_quotes_in_plain_label() {
    let f = fc("graph TD\nC[<img src=\"x.png\"> more text]");
    assert_eq!(label(&f.nodes[0]), "<img src=\"x.png\"> more text");
}

#[test]
fn node_ids() {
    let f = fc("graph TD\nendpoint --> sender\nblend --> monograph\ndefault --> x_end\ni-d --> 1id\nA_node-->odd->Vertex Text]");
    let ids: Vec<&str> = f.nodes.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(
        ids,
        vec![
            "endpoint",
            "sender",
            "blend",
            "monograph",
            "default",
            "x_end",
            "i-d",
            "1id",
            "A_node",
            "odd-"
        ]
    );
    assert_eq!(node(&f, "odd-").shape, NodeShape::Asymmetric);
    assert_eq!(label(node(&f, "odd-")), "Vertex Text");
}

#[test]
fn later_mentions_update_nodes_first_mention_order_kept() {
    let f = fc("graph TD\nA(Start) --> B[/Another/]\nA[/Another/] --> C[End]\nB");
    let ids: Vec<&str> = f.nodes.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(ids, vec!["A", "B", "C"]);
    assert_eq!(node(&f, "A").shape, NodeShape::LeanRight);
    assert_eq!(label(node(&f, "A")), "Another");
    assert_eq!(node(&f, "B").shape, NodeShape::LeanRight);
}

#[test]
fn shape_data() {
    let f = fc("flowchart TB\nA@{ shape: cyl, label: \"Orders DB\" }\nB@{\n  shape: circle\n  other: \"clock\"\n}\nC[Hello]@{ shape: diam }\nD@{ icon: \"fa:user\", form: square, label: \"User\", pos: t, h: 48 }\nE@{ img: \"https://x/y.png\", label: \"Pic\", w: 60 }\nF@{ label: \"**x**\", labelType: text }\nG@{ label: \"This is }\" }");
    assert_eq!(node(&f, "A").shape, NodeShape::Cylinder);
    assert_eq!(label(node(&f, "A")), "Orders DB");
    assert_eq!(node(&f, "A").label.as_ref().unwrap().kind, LabelKind::Markdown);
    assert_eq!(node(&f, "B").shape, NodeShape::Circle);
    assert_eq!(
        node(&f, "B").shape_data,
        vec![("other".to_string(), "clock".to_string())]
    );
    assert_eq!(node(&f, "C").shape, NodeShape::Diamond);
    assert_eq!(label(node(&f, "C")), "Hello");
    let d = node(&f, "D");
    assert_eq!(d.shape, NodeShape::Icon);
    assert!(d.shape_data.contains(&("icon".to_string(), "fa:user".to_string())));
    assert!(d.shape_data.contains(&("h".to_string(), "48".to_string())));
    assert_eq!(node(&f, "E").shape, NodeShape::Image);
    assert_eq!(node(&f, "F").label.as_ref().unwrap().kind, LabelKind::Plain);
    assert_eq!(label(node(&f, "G")), "This is }");
}

#[test]
fn shape_names_and_aliases() {
    for (name, shape) in [
        ("proc", NodeShape::Rect),
        ("terminal", NodeShape::Stadium),
        ("subroutine", NodeShape::Subroutine),
        ("database", NodeShape::Cylinder),
        ("data-store", NodeShape::DataStore),
        ("question", NodeShape::Diamond),
        ("in-out", NodeShape::LeanRight),
        ("inv-trapezoid", NodeShape::InvTrapezoid),
        ("start", NodeShape::SmallCircle),
        ("stop", NodeShape::FramedCircle),
        ("lightning-bolt", NodeShape::Bolt),
        ("das", NodeShape::HorizontalCylinder),
        ("stored-data", NodeShape::BowTieRect),
        ("paper-tape", NodeShape::FlagRect),
        ("odd", NodeShape::Asymmetric),
        ("choice", NodeShape::Choice),
    ] {
        let f = fc(&format!("flowchart TB\nA@{{ shape: {name} }}"));
        assert_eq!(f.nodes[0].shape, shape, "{name}");
    }
}

// ---------------------------------------------------------------- edges

fn one_edge(link: &str) -> Edge {
    let f = fc(&format!("graph TD\nA{link}B"));
    assert_eq!(f.edges.len(), 1, "{link}");
    assert_eq!(edges(&f), vec![("A", "B")], "{link}");
    f.edges[0].clone()
}

#[test]
fn link_kinds() {
    use ArrowHead::{Arrow, Circle, Cross, None as No};
    use EdgeStroke::*;
    let cases: &[(&str, EdgeStroke, ArrowHead, ArrowHead, u32)] = &[
        ("-->", Normal, No, Arrow, 1),
        ("---", Normal, No, No, 1),
        ("-.->", Dotted, No, Arrow, 1),
        ("-.-", Dotted, No, No, 1),
        ("==>", Thick, No, Arrow, 1),
        ("===", Thick, No, No, 1),
        (" ~~~ ", Invisible, No, No, 1),
        ("--o", Normal, No, Circle, 1),
        ("--x", Normal, No, Cross, 1),
        (" <--> ", Normal, Arrow, Arrow, 1),
        (" o--o ", Normal, Circle, Circle, 1),
        (" x--x ", Normal, Cross, Cross, 1),
        ("<==>", Thick, Arrow, Arrow, 1),
        ("<-.->", Dotted, Arrow, Arrow, 1),
        ("==o", Thick, No, Circle, 1),
        ("-.-x", Dotted, No, Cross, 1),
        ("--->", Normal, No, Arrow, 2),
        ("---->", Normal, No, Arrow, 3),
        ("----", Normal, No, No, 2),
        ("====>", Thick, No, Arrow, 3),
        ("-..->", Dotted, No, Arrow, 2),
        (" .-> ", Dotted, No, Arrow, 1),
        (" <-...-> ", Dotted, Arrow, Arrow, 3),
        ("-------------------->", Normal, No, Arrow, 10),
    ];
    for &(link, stroke, start, end, len) in cases {
        let e = one_edge(link);
        assert_eq!(
            (e.stroke, e.arrow_start, e.arrow_end, e.min_len),
            (stroke, start, end, len),
            "{link}"
        );
        assert_eq!(e.label, None, "{link}");
    }
}

#[test]
fn link_labels() {
    for (link, text, stroke, end, len) in [
        ("-->|yes|", "yes", EdgeStroke::Normal, ArrowHead::Arrow, 1),
        (" --> |yes| ", "yes", EdgeStroke::Normal, ArrowHead::Arrow, 1),
        (
            "---|This is the text|",
            "This is the text",
            EdgeStroke::Normal,
            ArrowHead::None,
            1,
        ),
        ("-.->|x|", "x", EdgeStroke::Dotted, ArrowHead::Arrow, 1),
        ("-- yes -->", "yes", EdgeStroke::Normal, ArrowHead::Arrow, 1),
        (
            "--text including URL space and send-->",
            "text including URL space and send",
            EdgeStroke::Normal,
            ArrowHead::Arrow,
            1,
        ),
        (
            "-- This is the text! ---",
            "This is the text!",
            EdgeStroke::Normal,
            ArrowHead::None,
            1,
        ),
        (
            "-- textNoSpace --x",
            "textNoSpace",
            EdgeStroke::Normal,
            ArrowHead::Cross,
            1,
        ),
        ("-- No ---->", "No", EdgeStroke::Normal, ArrowHead::Arrow, 3),
        (
            "== test text with - ==>",
            "test text with -",
            EdgeStroke::Thick,
            ArrowHead::Arrow,
            1,
        ),
        (
            "-. test text with == .->",
            "test text with ==",
            EdgeStroke::Dotted,
            ArrowHead::Arrow,
            1,
        ),
        (
            "-- \"test string()\" -->",
            "test string()",
            EdgeStroke::Normal,
            ArrowHead::Arrow,
            1,
        ),
        (
            "-->|\"quoted | pipe\"|",
            "quoted | pipe",
            EdgeStroke::Normal,
            ArrowHead::Arrow,
            1,
        ),
    ] {
        let e = one_edge(link);
        assert_eq!(e.label.as_ref().map(|l| l.text.as_str()), Some(text), "{link}");
        assert_eq!((e.stroke, e.arrow_end, e.min_len), (stroke, end, len), "{link}");
    }
    let e = one_edge(" <-- both --> ");
    assert_eq!((e.arrow_start, e.arrow_end), (ArrowHead::Arrow, ArrowHead::Arrow));
    let e = one_edge("-- \"`**bold**`\" -->");
    assert_eq!(e.label.unwrap().kind, LabelKind::Markdown);
}

#[test]
fn edge_spans() {
    let src = "graph TD\nA -->|yes| B -- no --> C";
    let f = fc(src);
    let s0 = f.edges[0].span;
    assert_eq!(&src[s0.start..s0.end], "-->|yes|");
    let s1 = f.edges[1].span;
    assert_eq!(&src[s1.start..s1.end], "-- no -->");
    let l = f.edges[0].label.as_ref().unwrap().span;
    assert_eq!(&src[l.start..l.end], "yes");
}

#[test]
fn head_letters_next_to_ids() {
    let f = fc("graph TD;A--xv(my text);\nB---ob\nC--oD\nE --- oF");
    assert_eq!(edges(&f), vec![("A", "v"), ("B", "b"), ("C", "D"), ("E", "oF")]);
    assert_eq!(f.edges[1].arrow_end, ArrowHead::Circle);
    assert_eq!(f.edges[3].arrow_end, ArrowHead::None);
    assert_eq!(label(node(&f, "v")), "my text");
}

#[test]
fn chains_and_groups() {
    let f = fc("graph TD\nA-->B-->C\na & b --> c & d\nx --> y & z --> w");
    assert_eq!(
        edges(&f),
        vec![
            ("A", "B"),
            ("B", "C"),
            ("a", "c"),
            ("a", "d"),
            ("b", "c"),
            ("b", "d"),
            ("x", "y"),
            ("x", "z"),
            ("y", "w"),
            ("z", "w"),
        ]
    );
    let f = fc("graph TD\nA & B:::C1 & D:::C1 --> E:::C2\nA[test]:::exClass-->B[test2];");
    assert_eq!(node(&f, "B").classes, vec!["C1"]);
    assert_eq!(node(&f, "A").classes, vec!["exClass"]);
    assert_eq!(node(&f, "E").classes, vec!["C2"]);
    let f = fc("graph TD\nD@{ shape: rounded } & E@{ shape: rounded } --> F & G@{ shape: rounded }");
    assert_eq!(f.edges.len(), 4);
    assert_eq!(node(&f, "G").shape, NodeShape::Rounded);
}

#[test]
fn statement_continues_on_next_line_with_a_link() {
    let f = fc("flowchart TB\na{{\"x\"}}\n--> b\nc -->\n  d");
    assert_eq!(edges(&f), vec![("a", "b"), ("c", "d")]);
}

#[test]
fn edge_ids_and_metadata() {
    let f =
        fc("flowchart LR\nA e1@--> B\nA & B e2@==> C & D\ne1@{ animate: true, curve: stepAfter }\nclass e1 animate");
    assert_eq!(f.edges[0].id.as_deref(), Some("e1"));
    assert_eq!(
        f.edges[0].data,
        vec![
            ("animate".to_string(), "true".to_string()),
            ("curve".to_string(), "stepAfter".to_string())
        ]
    );
    assert_eq!(f.edges[0].classes, vec!["animate"]);
    let ids: Vec<Option<&str>> = f.edges.iter().map(|e| e.id.as_deref()).collect();
    assert_eq!(ids, vec![Some("e1"), Some("e2"), None, None, None]);
    assert_eq!(f.edges[1].stroke, EdgeStroke::Thick);
    assert!(f.nodes.iter().all(|n| n.id != "e1"));
    let f = fc("flowchart LR\nA id1@-->B\nA@{ shape: 'rect' }");
    assert_eq!(f.nodes.len(), 2);
}

// ---------------------------------------------------------------- subgraphs

#[test]
fn subgraph_forms() {
    let f = fc("graph TB\nsubgraph one\na1-->a2\nend\nsubgraph ide1 [one two]\nb\nend\nsubgraph uid2[\"text of doom\"]\nc\nend\nsubgraph \"Some Title\"\nd\nend\nsubgraph old style that is broken;e;end\nsubgraph \"`**Two**`\"\nf\nend\nsubgraph some-id[Some Title]\ng\nend");
    let got: Vec<(&str, Option<&str>)> = f
        .subgraphs
        .iter()
        .map(|s| (s.id.as_str(), s.title.as_ref().map(|t| t.text.as_str())))
        .collect();
    assert_eq!(
        got,
        vec![
            ("one", None),
            ("ide1", Some("one two")),
            ("uid2", Some("text of doom")),
            ("subGraph3", Some("Some Title")),
            ("subGraph4", Some("old style that is broken")),
            ("**Two**", Some("**Two**")),
            ("some-id", Some("Some Title")),
        ]
    );
    assert_eq!(f.subgraphs[5].title.as_ref().unwrap().kind, LabelKind::Markdown);
    assert_eq!(f.subgraphs[0].nodes, vec!["a1", "a2"]);
    assert_eq!(f.subgraphs[4].nodes, vec!["e"]);
}

#[test]
fn subgraph_nesting_direction_and_span() {
    let src = "flowchart LR\nsubgraph TOP\n  direction TB\n  subgraph B1\n    direction RL\n    i1 --> f1\n  end\n  subgraph B2\n    i2 --> f2\n  end\n  top\nend\nA --> TOP --> B\nB1 --> B2\nstyle TOP fill:#f00\nclass B1 foo";
    let f = fc(src);
    assert_eq!(f.direction, Direction::LeftRight);
    let [top, b1, b2] = f.subgraphs.as_slice() else {
        panic!()
    };
    assert_eq!(top.direction, Some(Direction::TopBottom));
    assert_eq!(b1.direction, Some(Direction::RightLeft));
    assert_eq!(b2.direction, None);
    assert_eq!(top.children, vec![1, 2]);
    assert_eq!((b1.parent, b2.parent, top.parent), (Some(0), Some(0), None));
    assert_eq!(top.nodes, vec!["top"]);
    assert_eq!(b1.nodes, vec!["i1", "f1"]);
    assert_eq!(top.styles, vec![("fill".to_string(), "#f00".to_string())]);
    assert_eq!(b1.classes, vec!["foo"]);
    // Subgraph ids used in edges are not nodes.
    assert!(f.nodes.iter().all(|n| !["TOP", "B1", "B2"].contains(&n.id.as_str())));
    assert_eq!(edges(&f)[2], ("A", "TOP"));
    assert_eq!(&src[top.span.start..top.span.start + 12], "subgraph TOP");
    assert!(src[..top.span.end].ends_with("  top\nend"));
}

#[test]
fn node_belongs_to_first_subgraph_that_closes_around_it() {
    // B closes first and owns `c`; A later mentions `B`, which makes B a child of A.
    let f = fc("flowchart TB\nsubgraph B\n  c\nend\na-->c\nsubgraph A\n  b-->B\n  a\nend");
    let [b, a] = f.subgraphs.as_slice() else { panic!() };
    assert_eq!(b.nodes, vec!["c"]);
    assert_eq!(a.nodes, vec!["b", "a"]);
    assert_eq!(b.parent, Some(1));
    assert_eq!(a.children, vec![0]);
    // An inner subgraph closes before its parent, so it keeps the nodes they both mention.
    let f = fc("graph TB\nsubgraph outer\n  x\n  subgraph inner\n    x --> y\n  end\n  y --> z\nend");
    assert_eq!(f.subgraphs[0].nodes, vec!["z"]);
    assert_eq!(f.subgraphs[1].nodes, vec!["x", "y"]);
}

#[test]
fn duplicate_subgraph_ids_and_reference_cycles_are_safe() {
    let f = fc("graph TD\nsubgraph inner\ne\nend\nsubgraph inner\nh\nend\nsubgraph A\nB\nend\nsubgraph B\nA\nend");
    assert_eq!(f.subgraphs.len(), 4);
    let a = &f.subgraphs[2];
    let b = &f.subgraphs[3];
    assert_eq!(b.parent, Some(2));
    assert_eq!(a.parent, None);
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    // 60,000 levels stay under the default 1 MiB input limit; tests/limits.rs goes to 100,000 with it raised.
    let n = 60_000;
    let src = format!("graph TD\n{}a\n{}", "subgraph s\n".repeat(n), "end\n".repeat(n));
    let e = err(&src);
    assert_eq!(e.message, "subgraphs are nested too deeply (more than 256 levels)");
    assert_eq!((e.line, e.column), (258, 1));
    let ok = format!("graph TD\n{}a\n{}", "subgraph s\n".repeat(200), "end\n".repeat(200));
    assert_eq!(fc(&ok).subgraphs.len(), 200);
}

// ---------------------------------------------------------------- styling & interaction

#[test]
fn class_def_class_style() {
    let f = fc("graph TD\nclassDef firstClass,secondClass background:#bbb,border:1px solid red;\nclassDef animate stroke-dasharray: 9,5,stroke-dashoffset: 900\na-->b\nclass a,b firstClass\nstyle a fill:#f9f,stroke:#333\nstyle D border:1px solid red");
    assert_eq!(f.class_defs.len(), 3);
    assert_eq!(f.class_defs[1].name, "secondClass");
    assert_eq!(
        f.class_defs[0].styles,
        vec![
            ("background".to_string(), "#bbb".to_string()),
            ("border".to_string(), "1px solid red".to_string())
        ]
    );
    assert_eq!(
        f.class_defs[2].styles,
        vec![
            ("stroke-dasharray".to_string(), "9,5".to_string()),
            ("stroke-dashoffset".to_string(), "900".to_string())
        ]
    );
    assert_eq!(node(&f, "a").classes, vec!["firstClass"]);
    assert_eq!(node(&f, "b").classes, vec!["firstClass"]);
    assert_eq!(node(&f, "a").styles.len(), 2);
    // `style` on an unknown id creates the node, as Mermaid does.
    assert_eq!(
        node(&f, "D").styles,
        vec![("border".to_string(), "1px solid red".to_string())]
    );
}

#[test]
fn link_style() {
    let f = fc("graph TD\nA-->B\nA-->C\nlinkStyle default interpolate basis\nlinkStyle 0,1 interpolate cardinal stroke-width:1px;\nlinkStyle 1 stroke:#f00");
    let ls = &f.link_styles;
    assert_eq!(ls.len(), 3);
    assert_eq!(
        (ls[0].indices.clone(), ls[0].interpolate.as_deref()),
        (None, Some("basis"))
    );
    assert_eq!(ls[1].indices, Some(vec![0, 1]));
    assert_eq!(ls[1].interpolate.as_deref(), Some("cardinal"));
    assert_eq!(ls[1].styles, vec![("stroke-width".to_string(), "1px".to_string())]);
    assert_eq!(ls[2].interpolate, None);
}

#[test]
fn clicks() {
    let f = fc("graph TD\nA-->B\nclick A callback\nclick A call callback(\"test0\", test1) \"tip\"\nclick B \"https://x\" \"tooltip\" _blank\nclick B href \"click.html\" _self\nclick A callback \"tooltip\"\nclick A call cb()");
    let c = &f.clicks;
    assert_eq!(c.len(), 6);
    assert_eq!(
        c[0].action,
        ClickAction::Callback {
            name: "callback".into(),
            args: None
        }
    );
    assert_eq!(
        c[1].action,
        ClickAction::Callback {
            name: "callback".into(),
            args: Some("\"test0\", test1".into())
        }
    );
    assert_eq!(c[1].tooltip.as_deref(), Some("tip"));
    assert_eq!(
        c[2].action,
        ClickAction::Link {
            url: "https://x".into(),
            target: Some("_blank".into())
        }
    );
    assert_eq!(c[2].tooltip.as_deref(), Some("tooltip"));
    assert_eq!(
        c[3].action,
        ClickAction::Link {
            url: "click.html".into(),
            target: Some("_self".into())
        }
    );
    assert_eq!(c[4].tooltip.as_deref(), Some("tooltip"));
    assert_eq!(
        c[5].action,
        ClickAction::Callback {
            name: "cb".into(),
            args: Some(String::new())
        }
    );
}

// ---------------------------------------------------------------- errors

#[test]
fn error_single_dash_arrow() {
    let e = err("flowchart LR\n  a -> b");
    assert_eq!(
        parts(&e),
        (
            "expected a link, `&`, `;` or a new line, found `->`",
            2,
            5,
            Some("did you mean `-->`? Flowchart links need at least two dashes")
        )
    );
    assert!(e.render().contains("2 |   a -> b\n  |     ^^"));
}

#[test]
fn error_reserved_word_as_id() {
    let e = err("flowchart TD\n  a --> end");
    assert_eq!(
        parts(&e),
        (
            "`end` is a reserved word and cannot start a node id",
            2,
            9,
            Some("capitalise it (`End`) or use another id with a quoted label, e.g. `n[\"end\"]`")
        )
    );
    let e = err("graph TD\nend.x --> y");
    assert_eq!(
        (e.message.as_str(), e.line, e.column),
        ("`end` is a reserved word and cannot start a node id", 2, 1)
    );
    let e = err("graph TD\na --> style");
    assert_eq!(e.message, "`style` is a reserved word and cannot start a node id");
    let e = err("graph TD\nclass-x --> y");
    assert_eq!(e.message, "`class` is a reserved word and cannot start a node id");
}

#[test]
fn error_unclosed_bracket() {
    let e = err("graph TD\n  A[Start --> B");
    assert_eq!(
        parts(&e),
        (
            "unclosed `[`: expected `]` to close the label of `A` opened at line 2, column 4",
            2,
            16,
            Some("close it, e.g. `A[text]`; a label may go on over several lines until its `]`")
        )
    );
    let e = err("graph\nX(- My Text (");
    assert_eq!((e.line, e.column), (2, 13));
    let e = err("graph TD\nA{{text}\nB");
    assert_eq!(e.message, "unexpected `}` in the label of `A`: expected `}}`");
}

#[test]
fn error_unclosed_subgraph() {
    let e = err("graph TD\nsubgraph one\n  a --> b\n");
    assert_eq!(
        parts(&e),
        (
            "unclosed subgraph `one` opened at line 2, column 1: expected `end`",
            2,
            1,
            Some("every `subgraph` needs a matching `end` line")
        )
    );
}

#[test]
fn error_end_without_subgraph() {
    let e = err("graph TD\n  a --> b\nend");
    assert_eq!(
        parts(&e),
        (
            "`end` without a matching `subgraph`",
            3,
            1,
            Some("remove it, or open a block with `subgraph id` before it")
        )
    );
}

#[test]
fn error_missing_header() {
    let e = err("A --> B");
    assert_eq!(
        (e.line, e.column, e.hint.as_deref()),
        (
            1,
            1,
            Some("a flowchart starts with a header line such as `flowchart TD`")
        )
    );
    assert!(
        e.message.starts_with(
            "unknown diagram type `A`: expected a header starting with one of `graph`, `flowchart`, `flowchart-elk`"
        ),
        "{}",
        e.message
    );
}

#[test]
fn error_unsupported_diagram_type() {
    let e = err("%% comment\ngantt\n title A");
    assert_eq!((e.line, e.column, e.hint.as_deref()), (2, 1, None));
    assert!(
        e.message
            .starts_with("`gantt` diagrams are not supported yet: supported diagram types are `graph`,"),
        "{}",
        e.message
    );
}

#[test]
fn error_unknown_direction() {
    let e = err("flowchart XY\n a");
    assert_eq!(
        parts(&e),
        (
            "unknown direction `XY`: expected one of TB, TD, BT, RL, LR",
            1,
            11,
            Some("put statements on the next line or after `;`, e.g. `flowchart LR; a --> b`")
        )
    );
    let e = err("graph TD\nsubgraph s\n  direction XY\nend");
    assert_eq!(
        parts(&e),
        (
            "unknown direction `XY`: expected one of TB, TD, BT, RL, LR",
            3,
            13,
            None
        )
    );
}

#[test]
fn error_empty_input() {
    for src in ["", "   \n\n", "%% just a comment\n", "---\ntitle: x\n---\n"] {
        let e = err(src);
        assert_eq!(
            e.message, "empty input: expected a diagram header such as `flowchart TD`",
            "{src:?}"
        );
        assert_eq!((e.line, e.column), (1, 1));
    }
}

#[test]
fn error_bad_labels() {
    let e = err("graph TD; A[This is a () in text];");
    assert_eq!(
        parts(&e),
        (
            "unexpected `(` in the label of `A`: expected `]`",
            1,
            23,
            Some("to use brackets in a label, quote it: `A[\"text\"]`")
        )
    );
    let e = err("graph TD; A[\"This is a \"()\" in text\"];");
    assert_eq!(
        parts(&e),
        (
            "expected `]` after the quoted label of `A`, found `()\"`",
            1,
            25,
            Some("plain text may follow a quoted label, quotes and brackets may not; write `#quot;` for a `\"` inside it")
        )
    );
    let e = err("graph TD;A(this node has \"string\" and text)-->C;");
    assert_eq!(
        (e.message.as_str(), e.column),
        ("unexpected `\"` in the unquoted label of `A`", 26)
    );
    let e = err("graph TD\na[\"never closed]");
    assert_eq!(
        parts(&e),
        (
            "unclosed string: expected `\"` to close the string opened at line 2, column 3",
            2,
            3,
            None
        )
    );
}

#[test]
fn error_links() {
    let e = err("graph TD\n a -- text b");
    assert_eq!(
        parts(&e),
        (
            "expected `-->` to end the link label started by `--` at line 2, column 4",
            2,
            13,
            Some("write the label as `-- text -->` or `-->|text|`")
        )
    );
    let e = err("graph TD\n a -->|text b");
    assert_eq!(
        parts(&e),
        (
            "unclosed `|`: expected `|` to close the link label opened at line 2, column 7",
            2,
            14,
            None
        )
    );
    let e = err("graph TD\n a --> ");
    assert_eq!(
        parts(&e),
        (
            "expected a node after the link `-->`, found the end of the diagram",
            2,
            8,
            None
        )
    );
    let e = err("graph TD\n a & --> b");
    assert_eq!(parts(&e), ("expected a node after `&`, found `-->`", 2, 6, None));
    let e = err("graph TD\n--> b");
    assert_eq!(
        parts(&e),
        (
            "expected a node id or a statement, found `-->`",
            2,
            1,
            Some("a link needs a node on each side, e.g. `a --> b`")
        )
    );
    let e = err("graph TD\n a [x]");
    assert_eq!(
        parts(&e),
        (
            "expected a link, `&`, `;` or a new line, found `[x]`",
            2,
            4,
            Some("remove the space between the node id and its shape, e.g. `a[text]`")
        )
    );
}

#[test]
fn error_unknown_shape_name() {
    let e = err("flowchart TB\nA@{ shape: cylinderr }");
    assert_eq!(
        parts(&e),
        ("unknown shape `cylinderr`", 2, 12, Some("did you mean `cylinder`?"))
    );
    let e = err("flowchart TB\nA@{ shape: rect_left_inv_arrow }");
    assert_eq!(e.message, "unknown shape `rect_left_inv_arrow`");
    let e = err("flowchart TB\nA@{ shape: rect");
    assert_eq!(parts(&e), ("unclosed `@{`: expected `}`", 2, 2, None));
}

#[test]
fn error_link_style_out_of_range() {
    let e = err("graph TD\nA-->B\nlinkStyle 0,1 stroke-width:1px;");
    assert_eq!(
        parts(&e),
        (
            "linkStyle index 1 is out of range: the only edge before it is 0",
            3,
            13,
            Some("edges are numbered from 0 in the order they are written")
        )
    );
}

#[test]
fn error_statements() {
    let e = err("graph TD\n subgraph");
    assert_eq!(
        parts(&e),
        (
            "expected a subgraph id or title after `subgraph`",
            2,
            2,
            Some("give it an id, e.g. `subgraph s1 [Title]`")
        )
    );
    let e = err("graph TD\n style --> b");
    assert_eq!(parts(&e), ("expected a node id after `style`, found `-->`", 2, 8, None));
    let e = err("graph TD\n class a");
    assert_eq!(parts(&e), ("expected a class name after `class a`", 2, 9, None));
    let e = err("graph TD\n a:::");
    assert_eq!(
        parts(&e),
        (
            "expected a class name after `:::`, found the end of the diagram",
            2,
            6,
            None
        )
    );
    let e = err("graph TD\n a b");
    assert_eq!(
        e.hint.as_deref(),
        Some("two nodes need a link between them (`a --> b`), or put each on its own line")
    );
}

#[test]
fn error_columns_count_characters_and_crlf_is_whitespace() {
    let e = err("graph TD\r\n  ä[é] -> b\r\n");
    assert_eq!((e.line, e.column), (2, 8));
    assert_eq!(e.source_line, "  ä[é] -> b");
    let f = fc("graph TD\r\nA-->B\r\nB[\"x\"]\r\n");
    assert_eq!(f.edges.len(), 1);
}
