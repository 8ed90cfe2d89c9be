//! Flowchart errors: where they point, what they say, and the hint.

use super::*;

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
