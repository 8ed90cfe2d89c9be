#![allow(clippy::unwrap_used, clippy::panic)]

use crate::ast::*;
use crate::{parse, ParseError};

fn class_diagram(src: &str) -> ClassDiagram {
    match parse(src) {
        Ok(Diagram::Class(d)) => d,
        Ok(other) => panic!("not a class diagram: {other:?}"),
        Err(e) => panic!("{}", e.render()),
    }
}

fn err(src: &str) -> ParseError {
    match parse(src) {
        Ok(d) => panic!("expected an error, got {d:?}"),
        Err(e) => e,
    }
}

fn class<'a>(d: &'a ClassDiagram, id: &str) -> &'a Class {
    d.classes.iter().find(|c| c.id == id).unwrap()
}

#[test]
fn classes_bodies_members_and_labels() {
    let d = class_diagram(
        "classDiagram\nclass Square~Shape~{\n  int id\n  +setPoints(List~int~ points)$\n  getPoints() List~int~\n  \
         area() double*\n}\nSquare : -List~string~ messages\nclass A[\"A label\"]\nclass B <<interface>>\n\
         <<service>> B\nclass C:::hot {\n}\n",
    );
    let sq = class(&d, "Square");
    assert_eq!(sq.generic.as_deref(), Some("Shape"));
    let texts: Vec<&str> = sq.members.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "int id",
            "+setPoints(List~int~ points)",
            "getPoints() : List~int~",
            "area() : double",
            "-List~string~ messages"
        ]
    );
    assert_eq!(sq.members[1].classifier, Classifier::Static);
    assert_eq!(sq.members[3].classifier, Classifier::Abstract);
    assert_eq!(sq.fields().count(), 2);
    assert_eq!(sq.methods().count(), 3);
    assert_eq!(class(&d, "A").label.as_ref().unwrap().text, "A label");
    assert_eq!(class(&d, "B").annotations, ["interface", "service"]);
    assert_eq!(class(&d, "C").classes, ["hot"]);
}

#[test]
fn every_relation_token() {
    let d = class_diagram(
        "classDiagram\nA <|-- B\nC *-- D\nE o-- F\nG <-- H\nI -- J\nK <.. L\nM <|.. N\nO .. P\nQ --|> R : x\n\
         S --* T\nU --o V\nW ..> X\nY <|--|> Z\n",
    );
    use RelationEnd::*;
    let ends: Vec<(RelationEnd, RelationEnd, bool)> =
        d.relations.iter().map(|r| (r.from_end, r.to_end, r.dashed)).collect();
    assert_eq!(
        ends,
        [
            (Extension, None, false),
            (Composition, None, false),
            (Aggregation, None, false),
            (Dependency, None, false),
            (None, None, false),
            (Dependency, None, true),
            (Extension, None, true),
            (None, None, true),
            (None, Extension, false),
            (None, Composition, false),
            (None, Aggregation, false),
            (None, Dependency, true),
            (Extension, Extension, false),
        ]
    );
    assert_eq!(d.relations[8].label.as_ref().unwrap().text, "x");
}

#[test]
fn cardinalities_and_generic_mentions() {
    let d = class_diagram("classDiagram\nCustomer \"1\" --> \"*\" Ticket : buys\nClass01~T~ <|-- Other\n");
    let r = &d.relations[0];
    assert_eq!(r.from_cardinality.as_deref(), Some("1"));
    assert_eq!(r.to_cardinality.as_deref(), Some("*"));
    assert_eq!(d.relations[1].from, "Class01");
    assert_eq!(class(&d, "Class01").generic.as_deref(), Some("T"));
}

#[test]
fn lollipops_make_interfaces_per_use() {
    let d = class_diagram("classDiagram\nA --() bar\nB --() bar\nfoo ()-- A\nx ()--() y\n");
    let ids: Vec<&str> = d.relations.iter().map(|r| r.to.as_str()).collect();
    assert_eq!(ids, ["interface0", "interface1", "A", "y"]);
    assert_eq!(d.relations[2].from, "interface2");
    let i0 = class(&d, "interface0");
    assert!(i0.interface);
    assert_eq!(i0.label.as_ref().unwrap().text, "bar");
    assert!(!class(&d, "x").interface, "two lollipop ends join two ordinary classes");
}

#[test]
fn namespaces_nest_and_create_dotted_parents() {
    let d = class_diagram(
        "classDiagram\nnamespace Co.Eng {\n  class Dev\n}\nnamespace Platform {\n  namespace Auth[\"Auth service\"] {\n    \
         class User\n  }\n  note \"inner\"\n}\nDev --> User\n",
    );
    let ids: Vec<&str> = d.namespaces.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(ids, ["Co", "Co.Eng", "Platform", "Platform.Auth"]);
    assert_eq!(d.namespaces[1].parent, Some(0));
    let implied: Vec<bool> = d.namespaces.iter().map(|n| n.implied).collect();
    assert_eq!(implied, [true, false, false, false]);
    assert_eq!(
        d.namespaces[1].label, None,
        "the layout shows the last part of a dotted name"
    );
    assert_eq!(d.namespaces[3].label.as_ref().unwrap().text, "Auth service");
    assert_eq!(class(&d, "Dev").namespace, Some(1));
    assert_eq!(class(&d, "User").namespace, Some(3));
    assert_eq!(d.notes[0].namespace, Some(2));
}

#[test]
fn notes_styles_links_and_accessibility() {
    let d = class_diagram(
        "classDiagram\naccTitle: Shop\naccDescr { the model }\ndirection LR\nnote \"a<br>b\"\nnote for A \"line\nbreak\"\n\
         class A\nclass B\nstyle A fill:#f9f,stroke:#333\nclassDef hot,cold color:red\ncssClass \"A, B\" hot\n\
         link A \"https://example.com\" \"tip\"\nclick B call cb(1) \"cb tip\"\ncallback A \"fn\"\n",
    );
    assert_eq!(d.meta.acc_title.as_deref(), Some("Shop"));
    assert_eq!(d.meta.acc_descr.as_deref(), Some("the model"));
    assert_eq!(d.direction, Direction::LeftRight);
    assert_eq!(d.notes[0].text.text, format!("a{}b", crate::LINE_BREAK));
    assert_eq!(d.notes[1].text.text, format!("line{}break", crate::LINE_BREAK));
    assert_eq!(d.notes[1].class.as_deref(), Some("A"));
    let a = class(&d, "A");
    assert_eq!(a.styles.len(), 2);
    assert_eq!(a.classes, ["hot"]);
    assert_eq!(a.link, Some(("https://example.com".into(), Some("tip".into()))));
    assert_eq!(class(&d, "B").tooltip.as_deref(), Some("cb tip"));
    assert_eq!(d.class_defs.len(), 2);
}

#[test]
fn errors_point_at_the_mistake() {
    let e = err("classDiagram\nA -|> B\n");
    assert_eq!((e.line, e.column), (2, 3));
    assert!(e.hint.as_deref().unwrap().contains("<|--"), "{}", e.render());

    let e = err("classDiagram\nclass A {\n  +x\n");
    assert_eq!((e.line, e.column), (2, 9));
    assert!(e.message.contains("unclosed `{`"), "{}", e.render());

    let e = err("classDiagram\nA --> B; C --> D\n");
    assert_eq!((e.line, e.column), (2, 8));
    assert!(e.hint.as_deref().unwrap().contains("remove the `;`"));

    let e = err("classDiagram\nA --> B :\n");
    assert!(e.message.contains("label after `:`"), "{}", e.render());

    let e = err("classDiagram\nnamespace N {\n  A --> B\n}\n");
    assert_eq!(e.line, 3);
    assert!(e.message.contains("inside a namespace"));

    let e = err("classDiagram\nnamespace N {\n  class A\n");
    assert!(e.message.contains("unclosed namespace"));

    let e = err("classDiagram\nA:::hot --> B\n");
    assert!(e.message.contains(":::"));

    let e = err("classDiagram\nA ==> B\n");
    assert_eq!((e.line, e.column), (2, 3));

    let e = err("classDiagram\n}\n");
    assert!(e.message.contains("no namespace block is open"));
}

#[test]
fn comments_end_lines() {
    let d =
        class_diagram("classDiagram\nA --> B : uses %% why\nclass C %% a class\nC : +run() %% member\n%% whole line\n");
    assert_eq!(d.relations[0].label.as_ref().unwrap().text, "uses");
    assert_eq!(class(&d, "C").members[0].text, "+run()");
}
