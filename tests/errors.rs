//! The most common mistakes: each gives a located error (line, column, caret) saying what was expected,
//! and a hint.

use mermaid_rs::{parse, Error};

/// (source, message contains, hint contains, line, column)
const CASES: &[(&str, &str, &str, usize, usize)] = &[
    ("flowchart TD\n  A -> B", "expected a link", "did you mean `-->`?", 2, 5),
    ("flowchart TD\n  A => B", "expected a link", "did you mean `==>`?", 2, 5),
    (
        "flowchart TD\n  end --> B",
        "`end` without a matching `subgraph`",
        "open a block with `subgraph id`",
        2,
        3,
    ),
    (
        "flowchart TD\n  A@{ shape: rectangel }",
        "unknown shape `rectangel`",
        "did you mean `rectangle`?",
        2,
        14,
    ),
    (
        "flowchart TD\n  A[open --> B",
        "unclosed `[`: expected `]`",
        "a label may go on over several lines",
        2,
        15,
    ),
    (
        "flowchart TD\n  A(open --> B",
        "unclosed `(`: expected `)`",
        "e.g. `A(text)`",
        2,
        15,
    ),
    (
        "flowchart TD\n  A{open --> B",
        "unclosed `{`: expected `}`",
        "e.g. `A{text}`",
        2,
        15,
    ),
    (
        "flowchart TD\n  A -- yes B",
        "expected `-->` to end the link label",
        "`-->|text|`",
        2,
        13,
    ),
    (
        "flowchart TD\n  subgraph S\n  A --> B",
        "unclosed subgraph `S`",
        "matching `end`",
        2,
        3,
    ),
    (
        "flowchart TD\n  A --> B\n  end",
        "`end` without a matching `subgraph`",
        "remove it",
        3,
        3,
    ),
    (
        "flowchart TD\n  A [x] --> B",
        "found `[x]`",
        "remove the space between the node id and its shape",
        2,
        5,
    ),
    (
        "flowchart TD\n  A B",
        "found `B`",
        "two nodes need a link between them",
        2,
        5,
    ),
    (
        "flowchart XY\n  A --> B",
        "unknown direction `XY`: expected one of TB, TD, BT, RL, LR",
        "flowchart LR",
        1,
        11,
    ),
    (
        "flowchart TD\n  A --> B\n  linkStyle 5 stroke:red",
        "linkStyle index 5 is out of range",
        "numbered from 0",
        3,
        13,
    ),
    (
        "flowchart TD\n  A[\"x\"(y)] --> B",
        "expected `]` after the quoted label",
        "#quot;",
        2,
        8,
    ),
    (
        "flowchart TD\n  A[x \"y\"] --> B",
        "unexpected `\"` in the unquoted label",
        "quote the whole label",
        2,
        7,
    ),
    ("A --> B", "unknown diagram type `A`", "`flowchart TD`", 1, 1),
    (
        "erDiagram\n  A ||--o< B : x",
        "expected a cardinality",
        "valid cardinalities are",
        2,
        9,
    ),
    (
        "erDiagram\n  A ||-- B : x",
        "expected a cardinality",
        "`||` (exactly one)",
        2,
        10,
    ),
    (
        "erDiagram\n  A }}--o{ B : x",
        "expected a cardinality after entity `A`",
        "`}o` / `o{` (zero or more)",
        2,
        5,
    ),
    (
        "erDiagram\n  A ||--o{ B",
        "expected `:` and a label",
        "every relationship has a label",
        2,
        13,
    ),
    (
        "erDiagram\n  A ||--o{ B : ",
        "expected a label after `:`",
        "`: places`",
        2,
        16,
    ),
    (
        "erDiagram\n  A {\n    string name",
        "unclosed attribute block of `A`",
        "close the block with `}`",
        2,
        5,
    ),
    (
        "sequenceDiagram\n  A->>B x",
        "expected `:` and the message text",
        "`A->>B x: hello`",
        2,
        10,
    ),
    (
        "sequenceDiagram\n  A=>>B: x",
        "expected a statement or a message",
        "arrows are ->, -->, ->>",
        2,
        3,
    ),
    (
        "sequenceDiagram\n  loop forever\n  A->>B: x",
        "unclosed `loop` block: expected `end`",
        "matching `end`",
        2,
        3,
    ),
    (
        "sequenceDiagram\n  A->>B: x\n  end",
        "`end` without an open block",
        "blocks start with loop",
        3,
        3,
    ),
    (
        "sequenceDiagram\n  A->>B: x\n  deactivate B",
        "cannot deactivate `B`: it is not active",
        "activate it first",
        3,
        3,
    ),
    (
        "sequenceDiagram\n  Note left A: x",
        "expected `left of`, `right of` or `over`",
        "`Note right of A: text`",
        2,
        8,
    ),
    (
        "sequenceDiagram\n  box Aqua\n  A->>B: x\n  end",
        "a `box` may only hold",
        "close the box",
        3,
        3,
    ),
    (
        "sequenceDiagram\n  create participant C\n  A->>B: x",
        "the message after `create` must go to `C`",
        "is created at line 2",
        3,
        3,
    ),
    (
        "sequenceDiagram\n  box Aqua\n  participant A",
        "unclosed `box`",
        "close the box with `end`",
        2,
        3,
    ),
    (
        "sequenceDiagram\n  Alice->>Bob: hi\n  activate bob",
        "cannot activate `bob`: no participant has that name",
        "did you mean `Bob`?",
        3,
        12,
    ),
    (
        "sequenceDiagram\n  A->>B: hi\n  activate C",
        "cannot activate `C`",
        "declare it first with `participant C`",
        3,
        12,
    ),
    (
        "sequenceDiagram\n  A->>>B: hi",
        "`->>>` is not an arrow",
        "did you mean `->>`?",
        2,
        7,
    ),
    (
        "sequenceDiagram\n  A-->>>B: hi",
        "`-->>>` is not an arrow",
        "did you mean `-->>`?",
        2,
        8,
    ),
    (
        "sequenceDiagramm\n  A->>B: hi",
        "unknown diagram type `sequenceDiagramm`",
        "did you mean `sequenceDiagram`?",
        1,
        1,
    ),
    (
        "flowchat LR\n  A-->B",
        "unknown diagram type `flowchat`",
        "did you mean `flowchart`?",
        1,
        1,
    ),
    (
        "erdiagram\n  A ||--o{ B : x",
        "unknown diagram type `erdiagram`",
        "did you mean `erDiagram`?",
        1,
        1,
    ),
    (
        "classDiagram\n  Animal -|> Duck",
        "expected a relation such as `<|--` or `-->`, found `-|>`",
        "`A <|-- B` (inheritance)",
        2,
        10,
    ),
    ("classDiagram\n  Animal <|-> Duck", "found `<|->`", "`A --|> B`", 2, 10),
    (
        "classDiagram\n  class Duck {\n    +swim()\n",
        "unclosed `{`",
        "closing `}`",
        2,
        14,
    ),
    (
        "classDiagram\n  Animal <|-- Duck;",
        "unexpected `;`",
        "remove the `;`",
        2,
        19,
    ),
    (
        "classDiagram\n  Animal <|-- Duck :",
        "expected a label after `:`",
        "drop the `:`",
        2,
        21,
    ),
    (
        "classDiagram\n  namespace Zoo {\n    Animal <|-- Duck\n  }",
        "only classes and notes",
        "after the namespace's closing `}`",
        3,
        5,
    ),
    (
        "classDiagram\n  Duck:::bird --> Animal",
        "`:::` styles only follow `class Name`",
        "class Name:::style",
        2,
        7,
    ),
    (
        "classDiagram\n  class List~T {\n  }",
        "unclosed generic",
        "List~T~",
        2,
        13,
    ),
    (
        "classdiagram\n  A <|-- B",
        "unknown diagram type `classdiagram`",
        "did you mean `classDiagram`?",
        1,
        1,
    ),
    (
        "stateDiagram-v2\n  state Moving {\n    a --> b\n",
        "composite state `Moving` is never closed",
        "add a line with `}`",
        2,
        3,
    ),
    (
        "stateDiagram-v2\n  A --> B\n  note right of A\n    keep this\n",
        "this note is never closed",
        "`end note`",
        3,
        3,
    ),
    (
        "stateDiagram-v2\n  [*] : start here",
        "`[*]` cannot have a description",
        "`[*] --> Idle`",
        2,
        3,
    ),
    (
        "stateDiagram-v2\n  classDef default fill:#f96",
        "`classDef default` is not supported",
        "give the class another name",
        2,
        3,
    ),
    (
        "stateDiagram-v2\n  Idle -> Busy",
        "expected `-->`, found `->`",
        "`A --> B`",
        2,
        8,
    ),
    (
        "stateDiagram-v2\n  A --> B; B --> C",
        "unexpected `B --> C`",
        "`;` does not end a statement",
        2,
        12,
    ),
];

#[test]
fn common_mistakes_have_located_errors_and_hints() {
    assert!(CASES.len() >= 30);
    for &(source, message, hint, line, column) in CASES {
        let e = match parse(source) {
            Err(Error::Parse(e)) => e,
            other => panic!("{source:?}: expected a parse error, got {other:?}"),
        };
        assert!(e.message.contains(message), "{source:?}: message {:?}", e.message);
        let h = e
            .hint
            .as_deref()
            .unwrap_or_else(|| panic!("{source:?}: no hint for {:?}", e.message));
        assert!(h.contains(hint), "{source:?}: hint {h:?}");
        assert_eq!((e.line, e.column), (line, column), "{source:?}: {}", e.message);
        let rendered = e.render();
        assert!(rendered.contains('^'), "{source:?}: no caret in\n{rendered}");
        assert!(rendered.contains(&format!("line {line}, column {column}")));
    }
}
