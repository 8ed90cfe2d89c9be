use crate::ast::*;
use crate::{parse, ParseError};

fn seq(src: &str) -> SequenceDiagram {
    match parse(src) {
        Ok(Diagram::Sequence(d)) => d,
        Ok(other) => panic!("not a sequence diagram: {other:?}"),
        Err(e) => panic!("{}", e.render()),
    }
}

fn bad(src: &str) -> ParseError {
    match parse(src) {
        Ok(d) => panic!("accepted: {d:?}"),
        Err(e) => e,
    }
}

fn messages(d: &SequenceDiagram) -> Vec<&Message> {
    d.statements
        .iter()
        .filter_map(|s| match s {
            SeqStatement::Message(m) => Some(m),
            _ => None,
        })
        .collect()
}

fn ids(d: &SequenceDiagram) -> Vec<&str> {
    d.participants.iter().map(|p| p.id.as_str()).collect()
}

#[test]
fn implicit_participants_in_order_of_first_mention() {
    let d = seq("sequenceDiagram\n  Bob->>Ann Lee: hi\n  Ann Lee-->>Carl: yo\n");
    assert_eq!(ids(&d), ["Bob", "Ann Lee", "Carl"]);
    assert!(!d.participants[0].declared);
    let m = messages(&d);
    assert_eq!(m[0].text.text, "hi");
    assert_eq!(m[1].arrow.line, LineStyle::Dotted);
    assert_eq!(m[1].arrow.end, MessageHead::Filled);
}

#[test]
fn declarations_aliases_and_types() {
    let d = seq("sequenceDiagram\nparticipant A as Ann<br/>Smith\nactor B\nparticipant Q@{ \"type\": \"queue\" }\n\
         participant G@{ \"type\": \"boundary\", \"alias\": \"Gateway\" }\nparticipant C@{ \"type\": \"control\" } as Ctl\n\
         PARTICIPANT D@{ type: database }\n");
    assert_eq!(ids(&d), ["A", "B", "Q", "G", "C", "D"]);
    assert_eq!(d.participants[0].label.text, "Ann\u{2028}Smith");
    assert_eq!(d.participants[1].kind, ParticipantKind::Actor);
    assert_eq!(d.participants[2].kind, ParticipantKind::Queue);
    assert_eq!(d.participants[3].kind, ParticipantKind::Boundary);
    assert_eq!(d.participants[3].label.text, "Gateway");
    assert_eq!(d.participants[4].label.text, "Ctl");
    assert_eq!(d.participants[5].kind, ParticipantKind::Database);
}

#[test]
fn every_arrow_token() {
    use LineStyle::{Dotted as D, Solid as S};
    use MessageHead::*;
    let cases: &[(&str, LineStyle, MessageHead, MessageHead)] = &[
        ("->", S, None, None),
        ("-->", D, None, None),
        ("->>", S, None, Filled),
        ("-->>", D, None, Filled),
        ("<<->>", S, Filled, Filled),
        ("<<-->>", D, Filled, Filled),
        ("-x", S, None, Cross),
        ("--x", D, None, Cross),
        ("-)", S, None, Open),
        ("--)", D, None, Open),
        ("-|\\", S, None, HalfTop),
        ("-|/", S, None, HalfBottom),
        ("-\\\\", S, None, StickTop),
        ("-//", S, None, StickBottom),
        ("--|\\", D, None, HalfTop),
        ("--|/", D, None, HalfBottom),
        ("--\\\\", D, None, StickTop),
        ("--//", D, None, StickBottom),
        ("/|-", S, HalfTop, None),
        ("\\|-", S, HalfBottom, None),
        ("//-", S, StickTop, None),
        ("\\\\-", S, StickBottom, None),
        ("/|--", D, HalfTop, None),
        ("\\|--", D, HalfBottom, None),
        ("//--", D, StickTop, None),
        ("\\\\--", D, StickBottom, None),
    ];
    for (tok, line, start, end) in cases {
        let d = seq(&format!("sequenceDiagram\nAlice{tok}Bob: m\n"));
        let m = messages(&d)[0];
        assert_eq!((m.from.as_str(), m.to.as_str()), ("Alice", "Bob"), "{tok}");
        assert_eq!(m.token, *tok);
        assert_eq!(
            (m.arrow.line, m.arrow.start, m.arrow.end),
            (*line, *start, *end),
            "{tok}"
        );
    }
}

#[test]
fn central_connections_activation_shorthand_and_wrap() {
    let d = seq("sequenceDiagram\nAlice ()->>() Bob: a\nA()-->>B: b\nA->>+B: wrap:go\nB-->>-A: nowrap:done\n");
    let m = messages(&d);
    assert!(m[0].central_from && m[0].central_to && m[0].from == "Alice" && m[0].to == "Bob");
    assert!(m[1].central_from && !m[1].central_to);
    assert!(m[2].activate_target && m[2].wrap == Some(true) && m[2].text.text == "go");
    assert!(m[3].deactivate_source && m[3].wrap == Some(false) && m[3].text.text == "done");
}

#[test]
fn hyphenated_names_and_entities() {
    let d = seq("sequenceDiagram\nweb-app->>api-gw: I #9829; you #59; ok; api-gw-->>web-app: x # comment\n");
    assert_eq!(ids(&d), ["web-app", "api-gw"]);
    let m = messages(&d);
    assert_eq!(m[0].text.text, "I ♥ you ; ok");
    assert_eq!(m[1].text.text, "x");
}

#[test]
fn notes() {
    let d = seq("sequenceDiagram\nNote left of A: l\nnote right of B: r\nNote over A: o\nNote over A,B: both\n");
    let notes: Vec<&Note> = d
        .statements
        .iter()
        .filter_map(|s| match s {
            SeqStatement::Note(n) => Some(n),
            _ => None,
        })
        .collect();
    assert_eq!(notes.len(), 4);
    assert_eq!(notes[0].placement, NotePlacement::LeftOf);
    assert_eq!(notes[1].placement, NotePlacement::RightOf);
    assert_eq!(notes[3].participants, ["A", "B"]);
    assert_eq!(notes[3].text.text, "both");
}

#[test]
fn blocks_nest_and_branch() {
    let d = seq("sequenceDiagram\nloop every minute\nalt ok\nA->>B: x\nelse failed\nA->>B: y\nend\nend\n\
         par a\nA->>B: 1\nand b\nA->>B: 2\nend\npar_over x\nA->>B: 3\nend\ncritical c\nA->>B: 4\noption o\nA->>B: 5\nend\n\
         break b\nA->>B: 6\nend\nrect rgba(0,0,255,.1)\nA->>B: 7\nend\nopt maybe\nA->>B: 8\nend\n");
    let starts: Vec<(BlockKind, &str)> = d
        .statements
        .iter()
        .filter_map(|s| match s {
            SeqStatement::BlockStart { kind, label, .. } => Some((*kind, label.text.as_str())),
            _ => None,
        })
        .collect();
    assert_eq!(
        starts,
        [
            (BlockKind::Loop, "every minute"),
            (BlockKind::Alt, "ok"),
            (BlockKind::Par, "a"),
            (BlockKind::ParOver, "x"),
            (BlockKind::Critical, "c"),
            (BlockKind::Break, "b"),
            (BlockKind::Rect, "rgba(0,0,255,.1)"),
            (BlockKind::Opt, "maybe"),
        ]
    );
    let ends = d
        .statements
        .iter()
        .filter(|s| matches!(s, SeqStatement::BlockEnd { .. }))
        .count();
    assert_eq!(ends, 8);
}

#[test]
fn deep_nesting_is_iterative_and_capped() {
    let mut src = String::from("sequenceDiagram\n");
    for _ in 0..200 {
        src.push_str("loop x\n");
    }
    src.push_str("A->>B: deep\n");
    for _ in 0..200 {
        src.push_str("end\n");
    }
    seq(&src);
    let mut src = String::from("sequenceDiagram\n");
    for _ in 0..100_000 {
        src.push_str("opt x\n");
    }
    let e = bad(&src);
    assert_eq!(e.message, "blocks are nested too deeply (more than 256 levels)");
    assert_eq!(e.line, 258);
}

#[test]
fn autonumber_forms() {
    let d = seq("sequenceDiagram\nautonumber\nautonumber 10\nautonumber 10 5\nautonumber 1.25 .5\nautonumber off\n");
    let a: Vec<Autonumber> = d
        .statements
        .iter()
        .filter_map(|s| match s {
            SeqStatement::Autonumber(a, _) => Some(*a),
            _ => None,
        })
        .collect();
    assert_eq!(a.len(), 5);
    assert!(a[0].on && a[0].start.is_none());
    assert_eq!((a[2].start, a[2].step), (Some(10.0), Some(5.0)));
    assert_eq!((a[3].start, a[3].step), (Some(1.25), Some(0.5)));
    assert!(!a[4].on);
}

#[test]
fn boxes_create_destroy() {
    let d = seq(
        "sequenceDiagram\nbox Aqua Front end\nparticipant A\nactor B\nend\nbox Only a title\nparticipant C\nend\n\
         A->>B: x\ncreate participant D as Dee\nA->>D: spawn\ndestroy D\nD-xA: bye\n",
    );
    assert_eq!(d.boxes.len(), 2);
    assert_eq!(d.boxes[0].color.as_deref(), Some("Aqua"));
    assert_eq!(d.boxes[0].title.as_deref(), Some("Front end"));
    assert_eq!(d.boxes[0].participants, ["A", "B"]);
    assert_eq!(d.boxes[1].color, None);
    assert_eq!(d.boxes[1].title.as_deref(), Some("Only a title"));
    let dee = &d.participants[3];
    assert!(dee.created && dee.destroyed && dee.label.text == "Dee");
}

#[test]
fn title_accessibility_links_case() {
    let d = seq(
        "sequenceDiagram\nTITLE: Checkout\naccTitle: Orders\naccDescr {\n  how orders\n  move\n}\n\
         link A: Docs @ https://d.example\nlinks A: {\"Repo\": \"https://r.example\", \"Mail\": \"mailto:x@y\"}\n\
         properties A: {\"class\": \"x\"}\nA->>B: hi\n",
    );
    assert_eq!(d.title.as_deref(), Some("Checkout"));
    assert_eq!(d.meta.acc_title.as_deref(), Some("Orders"));
    assert_eq!(d.meta.acc_descr.as_deref(), Some("how orders\nmove"));
    let links: Vec<(&str, &str)> = d.links.iter().map(|l| (l.label.as_str(), l.url.as_str())).collect();
    assert_eq!(
        links,
        [
            ("Docs", "https://d.example"),
            ("Repo", "https://r.example"),
            ("Mail", "mailto:x@y")
        ]
    );
    assert_eq!(d.properties.len(), 1);
}

#[test]
fn semicolons_after_header() {
    let d = seq("sequenceDiagram;A->B: x;Note right of B: y;B-->A: z;");
    assert_eq!(messages(&d).len(), 2);
}

#[test]
fn errors_are_located() {
    let cases: &[(&str, &str, usize, usize)] = &[
        (
            "sequenceDiagram\nA->>B: x\ndeactivate B\n",
            "cannot deactivate `B`: it is not active",
            3,
            1,
        ),
        (
            "sequenceDiagram\nA->>+B: x\nB-->>-A: y\nB-->>-A: z\n",
            "cannot deactivate `B`: it is not active",
            4,
            1,
        ),
        (
            "sequenceDiagram\nA->>B\n",
            "expected `:` and the message text after `B`",
            2,
            6,
        ),
        (
            "sequenceDiagram\n  A=>B: x\n",
            "unexpected `A=>B:`: expected a statement or a message such as `A->>B: text`",
            2,
            3,
        ),
        (
            "sequenceDiagram\nloop x\nA->>B: y\n",
            "unclosed `loop` block: expected `end`",
            2,
            1,
        ),
        ("sequenceDiagram\nA->>B: y\nend\n", "`end` without an open block", 3, 1),
        (
            "sequenceDiagram\nloop x\nelse y\nend\n",
            "`else` belongs in an `alt` block, but it is inside `loop`",
            3,
            1,
        ),
        (
            "sequenceDiagram\nand y\n",
            "`and` belongs in an `par` block, but it is outside any block",
            2,
            1,
        ),
        (
            "sequenceDiagram\nautonumber 10.001\n",
            "`10.001`: autonumber allows at most two decimals",
            2,
            12,
        ),
        (
            "sequenceDiagram\nNote above A: x\n",
            "expected `left of`, `right of` or `over` after `Note`",
            2,
            6,
        ),
        (
            "sequenceDiagram\nNote left of A,B: x\n",
            "a note names one participant, or two with `over A,B`",
            2,
            13,
        ),
        (
            "sequenceDiagram\nparticipant A<br>B\n",
            "unexpected `<` in the participant name",
            2,
            14,
        ),
        (
            "sequenceDiagram\nparticipant Q@{ \"type\": \"bucket\" }\n",
            "unknown participant type `bucket`",
            2,
            25,
        ),
        (
            "sequenceDiagram\nparticipant E@{ \"type\": \"entity\"\n",
            "unclosed `@{`: expected `}` to close the participant's data",
            2,
            14,
        ),
        (
            "sequenceDiagram\nbox Aqua\nA->>B: x\nend\n",
            "a `box` may only hold `participant` and `actor` declarations",
            3,
            1,
        ),
        (
            "sequenceDiagram\nbox\nparticipant A\n",
            "unclosed `box`: expected `end`",
            2,
            1,
        ),
        (
            "sequenceDiagram\nA->>B: x\ncreate participant B\nA->>B: y\n",
            "`B` already exists: `create` needs a new participant",
            3,
            20,
        ),
        (
            "sequenceDiagram\ncreate participant C\nA->>B: y\n",
            "the message after `create` must go to `C`",
            3,
            1,
        ),
        (
            "sequenceDiagram\nA->>B: x\ndestroy B\nA->>C: y\n",
            "the message after `destroy B` must involve `B`",
            4,
            1,
        ),
        (
            "sequenceDiagram TD\nA->>B: x\n",
            "unexpected `TD` after `sequenceDiagram`: expected a new line or `;`",
            1,
            17,
        ),
    ];
    for (src, msg, line, col) in cases {
        let e = bad(src);
        assert_eq!(
            (e.message.as_str(), e.line, e.column),
            (*msg, *line, *col),
            "{src:?}\n{}",
            e.render()
        );
    }
}
