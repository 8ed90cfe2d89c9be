#![allow(clippy::unwrap_used, clippy::panic)]

use crate::ast::*;
use crate::{parse, ParseError};

fn er(src: &str) -> ErDiagram {
    match parse(src) {
        Ok(Diagram::Er(d)) => d,
        Ok(other) => panic!("not an ER diagram: {other:?}"),
        Err(e) => panic!("{}", e.render()),
    }
}

fn err(src: &str) -> ParseError {
    match parse(src) {
        Ok(d) => panic!("expected an error, got {d:?}"),
        Err(e) => e,
    }
}

/// `(message, line, column, hint)` of an error.
fn parts(e: &ParseError) -> (&str, usize, usize, Option<&str>) {
    (e.message.as_str(), e.line, e.column, e.hint.as_deref())
}

fn names(d: &ErDiagram) -> Vec<&str> {
    d.entities.iter().map(|e| e.name.as_str()).collect()
}

fn entity<'a>(d: &'a ErDiagram, name: &str) -> &'a Entity {
    d.entities
        .iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("no entity {name}"))
}

fn rel(src: &str) -> Relationship {
    let d = er(src);
    assert_eq!(d.relationships.len(), 1, "{src}");
    d.relationships[0].clone()
}

// ---------------------------------------------------------------- entities

#[test]
fn bare_entity_names() {
    let d = er("erDiagram\nCUSTOMER\nline-item\nGrüße\n2024\n1\n2.5\nu\na*b\n_x.y");
    assert_eq!(
        names(&d),
        ["CUSTOMER", "line-item", "Grüße", "2024", "1", "2.5", "u", "a*b", "_x.y"]
    );
    assert_eq!(d.entities[0].span, Span::new(10, 18));
}

#[test]
fn quoted_entity_names() {
    let d = er("erDiagram\n\"This ❤ Unicode\"\n\"This **is** _Markdown_\"\n\"a #quot;b#quot;\"");
    assert_eq!(names(&d), ["This ❤ Unicode", "This **is** _Markdown_", "a \"b\""]);
}

#[test]
fn aliases() {
    let d = er("erDiagram\np[Person] {\n string firstName\n}\na[\"Customer Account\"]\np ||--o| a : has");
    assert_eq!(names(&d), ["p", "a"]);
    assert_eq!(entity(&d, "p").display_name(), "Person");
    assert_eq!(entity(&d, "a").display_name(), "Customer Account");
    assert_eq!(entity(&d, "p").attributes.len(), 1);
    assert_eq!(d.relationships[0].from, "p");
}

#[test]
fn attribute_blocks() {
    let d = er(concat!(
        "erDiagram\n",
        "PERSON {\n",
        "    string driversLicense PK \"The license #\"\n",
        "    string(99) firstName \"Only 99 characters\"\n",
        "    int[] ids\n",
        "    list~string~ tags UK\n",
        "    *string ref\n",
        "    string carReg PK, FK\n",
        "    int id pk,fk , uk\n",
        "    decimal(10,2) price\n",
        "}\n",
        "EMPTY { }\n",
        "ONE { bool flag }\n",
    ));
    let p = entity(&d, "PERSON");
    let rows: Vec<(&str, &str, Vec<AttributeKey>, Option<&str>)> = p
        .attributes
        .iter()
        .map(|a| (a.ty.as_str(), a.name.as_str(), a.keys.clone(), a.comment.as_deref()))
        .collect();
    use AttributeKey::*;
    assert_eq!(
        rows,
        vec![
            ("string", "driversLicense", vec![Primary], Some("The license #")),
            ("string(99)", "firstName", vec![], Some("Only 99 characters")),
            ("int[]", "ids", vec![], None),
            ("list~string~", "tags", vec![Unique], None),
            ("*string", "ref", vec![], None),
            ("string", "carReg", vec![Primary, Foreign], None),
            ("int", "id", vec![Primary, Foreign, Unique], None),
            ("decimal(10,2)", "price", vec![], None),
        ]
    );
    assert!(entity(&d, "EMPTY").attributes.is_empty());
    assert_eq!(entity(&d, "ONE").attributes[0].name, "flag");
}

#[test]
fn blocks_of_one_entity_are_merged() {
    let d = er("erDiagram\nBOOK { string title }\nAUTHOR }|..|{ BOOK : writes\nBOOK { float price }");
    assert_eq!(names(&d), ["BOOK", "AUTHOR"]);
    let attrs: Vec<&str> = entity(&d, "BOOK").attributes.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(attrs, ["title", "price"]);
}

// ---------------------------------------------------------------- relationships

#[test]
fn cardinality_symbols() {
    use Cardinality::*;
    for (src, from, to, id) in [
        ("A ||--|{ B : has", OnlyOne, OneOrMore, Identification::Identifying),
        ("A ||..o{ B : has", OnlyOne, ZeroOrMore, Identification::NonIdentifying),
        (
            "A |o..o{ B : has",
            ZeroOrOne,
            ZeroOrMore,
            Identification::NonIdentifying,
        ),
        ("A }|--|| B : has", OneOrMore, OnlyOne, Identification::Identifying),
        ("A }o--|| B : has", ZeroOrMore, OnlyOne, Identification::Identifying),
        (
            "A }o..o| B : has",
            ZeroOrMore,
            ZeroOrOne,
            Identification::NonIdentifying,
        ),
        ("A o{--|| B : has", ZeroOrMore, OnlyOne, Identification::Identifying),
        ("A u--o{ B : has", MdParent, ZeroOrMore, Identification::Identifying),
        ("id1||--||id2 : label", OnlyOne, OnlyOne, Identification::Identifying),
        ("A 1.-1 B : x", OnlyOne, OnlyOne, Identification::NonIdentifying),
        ("A 1-.1 B : x", OnlyOne, OnlyOne, Identification::NonIdentifying),
        ("A 1--o{ B : x", OnlyOne, ZeroOrMore, Identification::Identifying),
    ] {
        let r = rel(&format!("erDiagram\n{src}"));
        assert_eq!(
            (r.from_cardinality, r.to_cardinality, r.identification),
            (from, to, id),
            "{src}"
        );
    }
}

#[test]
fn cardinality_words() {
    use Cardinality::*;
    use Identification::*;
    for (src, from, to, id) in [
        ("A one or zero to many B : has", ZeroOrOne, ZeroOrMore, Identifying),
        (
            "A one or many optionally to zero or one B : has",
            OneOrMore,
            ZeroOrOne,
            NonIdentifying,
        ),
        (
            "A zero or more to zero or many B : has",
            ZeroOrMore,
            ZeroOrMore,
            Identifying,
        ),
        ("A many(0) to many(1) B : has", ZeroOrMore, OneOrMore, Identifying),
        ("A many optionally to one B : has", ZeroOrMore, OnlyOne, NonIdentifying),
        (
            "A only one optionally to 1+ B : has",
            OnlyOne,
            OneOrMore,
            NonIdentifying,
        ),
        ("A 0+ optionally to 1 B : has", ZeroOrMore, OnlyOne, NonIdentifying),
        (
            "CUSTOMER 1--one or more DELIVERY-ADDRESS : has",
            OnlyOne,
            OneOrMore,
            Identifying,
        ),
        (
            "CUSTOMER 1..one or more DELIVERY-ADDRESS : has",
            OnlyOne,
            OneOrMore,
            NonIdentifying,
        ),
        ("A ONLY ONE TO ZERO OR MORE B : has", OnlyOne, ZeroOrMore, Identifying),
    ] {
        let r = rel(&format!("erDiagram\n{src}"));
        assert_eq!(
            (r.from_cardinality, r.to_cardinality, r.identification),
            (from, to, id),
            "{src}"
        );
    }
}

#[test]
fn number_entities_next_to_the_one_cardinality() {
    let r = rel("erDiagram\na many to 1 1: label");
    assert_eq!((r.from.as_str(), r.to.as_str()), ("a", "1"));
    let r = rel("erDiagram\na many to 1 12: label");
    assert_eq!(r.to, "12");
    let d = er("erDiagram\n1 ||--|| 2.5 : connects\nCUSTOMER ||--|| u : has");
    assert_eq!(names(&d), ["1", "2.5", "CUSTOMER", "u"]);
}

#[test]
fn labels() {
    assert_eq!(rel("erDiagram\nA ||--|{ B : places").label.text, "places");
    assert_eq!(rel("erDiagram\nA ||--|{ B : \"is part of\"").label.text, "is part of");
    assert_eq!(rel("erDiagram\nA ||--|{ B : \"\"").label.text, "");
    assert_eq!(rel("erDiagram\nA ||--|{ B:__hẽ😀__").label.text, "__hẽ😀__");
    let r = rel("erDiagram\n  A ||--|{ B : x");
    assert_eq!(r.span, Span::new(12, 26));
}

#[test]
fn self_and_repeated_relationships() {
    let d = er("erDiagram\nNODE ||--o{ NODE : \"leads to\"\nC ||--|{ A : \"invoiced at\"\nC ||--|{ A : \"receives\"");
    assert_eq!(names(&d), ["NODE", "C", "A"]);
    assert_eq!(d.relationships.len(), 3);
    assert_eq!(d.relationships[0].from, d.relationships[0].to);
}

// ---------------------------------------------------------------- statements

#[test]
fn direction() {
    assert_eq!(er("erDiagram\nA").direction, Direction::TopBottom);
    assert_eq!(er("erDiagram\ndirection LR\nA").direction, Direction::LeftRight);
    assert_eq!(er("erDiagram\ndirection BT").direction, Direction::BottomTop);
    assert_eq!(er("erDiagram\n  direction RL").direction, Direction::RightLeft);
}

#[test]
fn classes_and_styles() {
    let d = er(concat!(
        "erDiagram\n",
        "CAR:::someclass {\n string make\n}\n",
        "c[Cust]:::hot { int id }\n",
        "PERSON:::foo ||--|| CAR : owns\n",
        "PERSON o{--|| HOUSE:::bar,baz : has\n",
        "classDef someclass fill:#f96\n",
        "classDef a,b stroke:#f00, stroke-width:2px\n",
        "class CAR,PERSON extra\n",
        "style c,PERSON fill:#f9f,stroke:blue\n",
    ));
    assert_eq!(entity(&d, "CAR").classes, ["someclass", "extra"]);
    assert_eq!(entity(&d, "c").classes, ["hot"]);
    assert_eq!(entity(&d, "c").display_name(), "Cust");
    assert_eq!(entity(&d, "PERSON").classes, ["foo", "extra"]);
    assert_eq!(entity(&d, "HOUSE").classes, ["bar", "baz"]);
    assert_eq!(
        entity(&d, "c").styles,
        [
            ("fill".to_string(), "#f9f".to_string()),
            ("stroke".to_string(), "blue".to_string())
        ]
    );
    let defs: Vec<&str> = d.class_defs.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(defs, ["someclass", "a", "b"]);
    assert_eq!(d.class_defs[1].styles.len(), 2);
}

#[test]
fn accessibility_front_matter_and_comments() {
    let d = er(concat!(
        "---\ntitle: Orders\n---\n",
        "erDiagram\n",
        "  accTitle: This is a title\n",
        "  accDescr {\n    line one\n    line two\n  }\n",
        "  %% a comment\n",
        "  A ||--o{ B : has\n",
    ));
    assert_eq!(d.meta.title.as_deref(), Some("Orders"));
    assert_eq!(d.meta.acc_title.as_deref(), Some("This is a title"));
    assert_eq!(d.meta.acc_descr.as_deref(), Some("line one\nline two"));
    assert_eq!(d.relationships.len(), 1);
    let d = er("erDiagram\naccDescr: short one\nA");
    assert_eq!(d.meta.acc_descr.as_deref(), Some("short one"));
}

#[test]
fn keywords_without_arguments_are_entities() {
    let d = er("erDiagram\nstyle\nclass\ndirection ||--|| X : x");
    assert_eq!(names(&d), ["style", "class", "direction", "X"]);
}

// ---------------------------------------------------------------- errors

#[test]
fn error_wrong_cardinality() {
    let e = err("erDiagram\nA xxx B : has");
    let (msg, line, col, hint) = parts(&e);
    assert_eq!(
        (msg, line, col),
        ("expected a cardinality after entity `A`, found `xxx`", 2, 3)
    );
    let hint = hint.unwrap();
    for card in [
        "`|o`",
        "`||`",
        "`}o`",
        "`|{`",
        "`zero or more`",
        "`only one`",
        "`1+`",
        "`many(0)`",
    ] {
        assert!(hint.contains(card), "{hint}");
    }
    let e = err("erDiagram\nA ||--xx B : has");
    assert_eq!(
        (e.message.as_str(), e.line, e.column),
        ("expected a cardinality after the relationship line, found `xx`", 2, 7)
    );
}

#[test]
fn error_missing_line() {
    let e = err("erDiagram\nA || o{ B : x");
    assert_eq!(
        parts(&e),
        (
            "expected a relationship line after the cardinality, found `o{`",
            2,
            6,
            Some("use `--` or `to` (identifying, solid) or `..`, `.-`, `-.` or `optionally to` (non-identifying, dashed)")
        )
    );
}

#[test]
fn error_missing_second_entity() {
    let e = err("erDiagram\n    MONGODB-CLUSTERS ||..|{\n    ATLAS-TEAMS ||..|{\n");
    assert_eq!(
        (e.message.as_str(), e.line, e.column),
        (
            "expected the second entity of the relationship, found the end of the line",
            2,
            28
        )
    );
}

#[test]
fn error_missing_label() {
    let e = err("erDiagram\nA ||--o{ B\n");
    assert_eq!(
        parts(&e),
        (
            "expected `:` and a label after entity `B`, found the end of the line",
            2,
            11,
            Some("every relationship has a label, e.g. `A ||--o{ B : places` (write `: \"\"` for none)")
        )
    );
    // Several unquoted words are one label, with a warning (mermaid.js would make stray entities of them).
    let Diagram::Er(d) = crate::parse("erDiagram\nA ||--o{ B : places many\n").unwrap() else {
        panic!()
    };
    assert_eq!(d.relationships[0].label.text, "places many");
    let w = &d.meta.warnings[0];
    assert_eq!(
        (w.line, w.column, w.message.as_str()),
        (2, 14, "relationship label of several unquoted words")
    );
}

#[test]
fn error_bad_quoted_names() {
    let e = err("erDiagram\n\"Blo%rf\"");
    assert_eq!(
        parts(&e),
        (
            "`%` is not allowed in a quoted entity name",
            2,
            5,
            Some("remove it, or write it as an entity code such as `#37;`")
        )
    );
    let e = err("erDiagram\n\"Blo\\rf\"");
    assert_eq!(
        (e.message.as_str(), e.line, e.column),
        ("`\\` is not allowed in a quoted entity name", 2, 5)
    );
    let e = err("erDiagram\n\"\"");
    assert_eq!(
        (e.message.as_str(), e.line, e.column),
        ("empty entity name: expected text between the quotes", 2, 1)
    );
    let e = err("erDiagram\n\"abc\nX");
    assert_eq!(
        (e.message.as_str(), e.line, e.column),
        ("unclosed quote: expected `\"` before the end of the line", 2, 1)
    );
}

#[test]
fn error_attribute_blocks() {
    let e = err("erDiagram\nCAR {\n  string\n}");
    assert_eq!(
        parts(&e),
        (
            "expected an attribute name after type `string`, found the end of the line",
            3,
            9,
            Some("an attribute is written `type name`, e.g. `string email`")
        )
    );
    let e = err("erDiagram\nCAR {\n  2024 year\n}");
    assert_eq!(
        (e.message.as_str(), e.line, e.column),
        ("expected an attribute type, found `2024`", 3, 3)
    );
    let e = err("erDiagram\nCAR {\n  string vin PX\n}");
    assert_eq!(
        (e.message.as_str(), e.line, e.column),
        ("unexpected `PX` after attribute `vin`", 3, 14)
    );
    let e = err("erDiagram\nCAR {\n  string vin PK,\n}");
    assert_eq!(
        (e.message.as_str(), e.line, e.column),
        ("expected a key after `,`, found the end of the line", 3, 17)
    );
    let e = err("erDiagram\nCAR {\n  string vin\n");
    assert_eq!(
        parts(&e),
        (
            "unclosed attribute block of `CAR`: expected `}`",
            2,
            5,
            Some("close the block with `}` after the last attribute")
        )
    );
}

#[test]
fn error_other_statements() {
    let e = err("erDiagram\ndirection XY");
    assert_eq!(
        (e.message.as_str(), e.line, e.column),
        ("unknown direction `XY`: expected one of TB, BT, LR, RL", 2, 11)
    );
    let e = err("erDiagram\n{ x }");
    assert_eq!(
        (e.message.as_str(), e.line, e.column),
        ("expected an entity name, found `{`", 2, 1)
    );
    let e = err("erDiagram\nA { int x } B");
    assert_eq!(
        (e.message.as_str(), e.line, e.column),
        ("unexpected `B` after the statement", 2, 13)
    );
    let e = err("erDiagram\np[Person");
    assert_eq!(
        (e.message.as_str(), e.line, e.column),
        ("unclosed alias: expected `]`", 2, 2)
    );
}

#[test]
fn never_panics_on_fragments() {
    let src = "erDiagram\n  p[\"A\"]:::c { string(9)~T~ *id PK, FK \"c\" }\n  p |o..o{ q : \"x\"\n  q u--|| p : y";
    for end in 0..=src.len() {
        if src.is_char_boundary(end) {
            let _ = parse(&src[..end]);
        }
    }
}
