#![allow(clippy::unwrap_used, clippy::panic)]

use crate::ast::*;

fn parse(src: &str) -> StateDiagram {
    match crate::parse(src) {
        Ok(Diagram::State(d)) => d,
        other => panic!("expected a state diagram, got {other:?}"),
    }
}

fn error(src: &str) -> crate::ParseError {
    match crate::parse(src) {
        Err(e) => e,
        Ok(d) => panic!("expected an error, got {d:?}"),
    }
}

fn kinds(d: &StateDiagram) -> Vec<(&str, StateKind)> {
    d.states.iter().map(|s| (s.id.as_str(), s.kind)).collect()
}

#[test]
fn transitions_with_pseudo_states_and_labels() {
    let d = parse("stateDiagram-v2\n[*] --> Still\nStill --> Moving : push\nMoving --> [*]\nDead-->Alive");
    assert!(d.v2);
    assert_eq!(
        kinds(&d),
        [
            ("root_start", StateKind::Start),
            ("Still", StateKind::Simple),
            ("Moving", StateKind::Simple),
            ("root_end", StateKind::End),
            ("Dead", StateKind::Simple),
            ("Alive", StateKind::Simple),
        ]
    );
    assert_eq!(d.transitions[1].label.as_ref().map(|l| l.text.as_str()), Some("push"));
    assert_eq!(
        (d.transitions[3].from.as_str(), d.transitions[3].to.as_str()),
        ("Dead", "Alive")
    );
}

#[test]
fn descriptions_titles_and_stereotypes() {
    let d = parse(
        "stateDiagram\nstate \"Waiting\" as Idle\nIdle : first\nIdle : second\nstate f <<fork>>\n\
         state c [[choice]]\nstate j <<join>>\nstate A : dropped",
    );
    assert!(!d.v2);
    let idle = &d.states[0];
    assert_eq!(idle.title.as_ref().map(|t| t.text.as_str()), Some("Waiting"));
    assert_eq!(idle.descriptions.len(), 2);
    assert_eq!(d.states[1].kind, StateKind::Fork);
    assert_eq!(d.states[2].kind, StateKind::Choice);
    assert_eq!(d.states[3].kind, StateKind::Join);
    assert!(d.states[4].descriptions.is_empty());
}

#[test]
fn composites_nest_and_name_their_pseudo_states() {
    let d = parse(
        "stateDiagram-v2\n[*] --> First\nstate First {\n  direction LR\n  [*] --> Second\n  state Second {\n    \
         [*] --> inner\n    inner --> [*]\n  }\n}\n",
    );
    let first = d.state_index("First").unwrap();
    let second = d.state_index("Second").unwrap();
    assert_eq!(d.states[first].kind, StateKind::Composite);
    assert_eq!(d.states[first].direction, Some(Direction::LeftRight));
    assert_eq!(d.states[second].parent, Some(first));
    let inner_start = d.state_index("Second_start").unwrap();
    assert_eq!(d.states[inner_start].parent, Some(second));
    assert_eq!(d.states[d.state_index("First_start").unwrap()].parent, Some(first));
    assert!(d.state_index("Second_end").is_some());
}

#[test]
fn concurrency_regions_split_a_composite() {
    let d = parse("stateDiagram-v2\nstate Active {\n[*] --> A\nA --> [*]\n--\n[*] --> B\n}\n");
    let active = d.state_index("Active").unwrap();
    let r1 = d.state_index("divider-id-1").unwrap();
    let r2 = d.state_index("divider-id-2").unwrap();
    assert_eq!(d.states[r1].kind, StateKind::Region);
    assert_eq!(d.states[r2].parent, Some(active));
    assert_eq!(d.states[d.state_index("A").unwrap()].parent, Some(r1));
    assert_eq!(d.states[d.state_index("divider-id-1_start").unwrap()].parent, Some(r1));
    assert_eq!(d.states[d.state_index("B").unwrap()].parent, Some(r2));
    assert!(d.state_index("Active_start").is_none());
    assert_eq!(d.transitions[0].from, "divider-id-1_start");
}

#[test]
fn notes_styles_classes_and_accessibility() {
    let d = parse(
        "stateDiagram-v2\naccTitle: Orders\naccDescr {\n  how orders\n  move\n}\nA:::hot --> B %% comment\n\
         note right of A : one line\nnote left of B\n  line 1\n  line 2\nend note\nclassDef hot fill:#f00\n\
         class B, A cold\nstyle A fill:#fff\nhide empty description\nnote \"x\" as N",
    );
    assert_eq!(d.meta.acc_title.as_deref(), Some("Orders"));
    assert_eq!(d.meta.acc_descr.as_deref(), Some("how orders\nmove"));
    assert_eq!(d.notes.len(), 2);
    assert_eq!(d.notes[0].side, NoteSide::Right);
    assert_eq!(d.notes[1].text.text, "line 1\nline 2");
    assert_eq!(d.notes[1].side, NoteSide::Left);
    assert_eq!(d.states[0].classes, ["hot", "cold"]);
    assert_eq!(d.states[0].styles, [("fill".to_string(), "#fff".to_string())]);
    assert_eq!(d.class_defs[0].name, "hot");
}

#[test]
fn hash_comments_are_skipped() {
    let d =
        parse("stateDiagram-v2\n# a comment line\n  # indented\nA --> B # why\nC # note to self\nstyle A fill:#f00");
    let ids: Vec<&str> = d.states.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["A", "B", "C"]);
    assert_eq!(d.states[0].styles, [("fill".to_string(), "#f00".to_string())]);
}

#[test]
fn html_escaped_stereotypes_are_ignored_as_mermaid_does() {
    let d = parse("stateDiagram\nstate fork_state &lt;&lt;fork&gt;&gt;\n[*] --> fork_state");
    assert_eq!(d.states[0].kind, StateKind::Simple);
}

#[test]
fn errors_point_at_the_mistake_with_a_hint() {
    let e = error("stateDiagram-v2\nstate A {\n  a --> b\n");
    assert_eq!((e.line, e.column), (2, 1));
    assert!(e.message.contains("never closed"), "{}", e.message);
    assert!(e.hint.is_some());

    let e = error("stateDiagram-v2\nA --> B\nnote right of A\n  text\n");
    assert_eq!(e.line, 3);
    assert!(e.hint.as_deref().unwrap().contains("end note"));

    let e = error("stateDiagram-v2\nclassDef default fill:#f00");
    assert_eq!(e.line, 2);
    assert!(e.message.contains("classDef default"));

    let e = error("stateDiagram-v2\n[*]");
    assert!(e.message.contains("[*]"), "{}", e.message);
    let e = error("stateDiagram-v2\nstate [*]");
    assert!(e.message.contains("[*]"), "{}", e.message);

    let e = error("stateDiagram-v2\nA -> B");
    assert_eq!((e.line, e.column), (2, 3));
    assert!(e.message.contains("-->"), "{}", e.message);

    let e = error("stateDiagram-v2\nA --> B; B --> C");
    assert!(e.hint.as_deref().unwrap().contains(';'));

    let e = error("stateDiagram-v2\n}\n");
    assert!(e.message.contains('}'));
    let e = error("stateDiagram-v2\na --> b\n--\n");
    assert!(e.message.contains("--"));
    let e = error("stateDiagram-v2\nstate A {\nstate A {\n}\n}");
    assert_eq!(e.line, 3);
}

#[test]
fn limits_bound_states_transitions_and_nesting() {
    let small = crate::Limits {
        max_nodes: 3,
        max_edges: 2,
        max_nesting_depth: 2,
        ..crate::Limits::default()
    };
    let e = crate::parse_with_limits("stateDiagram-v2\na --> b\nc --> d", &small).unwrap_err();
    assert!(e.message.contains("too many states"), "{}", e.message);
    let e = crate::parse_with_limits("stateDiagram-v2\na --> b\nb --> a\na --> a", &small).unwrap_err();
    assert!(e.message.contains("too many transitions"), "{}", e.message);
    let deep = "stateDiagram-v2\nstate A {\nstate B {\nstate C {\nx\n}\n}\n}";
    let e = crate::parse_with_limits(deep, &small).unwrap_err();
    assert!(e.message.contains("nested too deeply"), "{}", e.message);
    assert_eq!(e.line, 4);
}
