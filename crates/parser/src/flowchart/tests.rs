use crate::ast::*;
use crate::{parse, ParseError};

fn fc(src: &str) -> Flowchart {
    match parse(src) {
        Ok(Diagram::Flowchart(f)) => f,
        Err(e) => panic!("{}", e.render()),
    }
}

fn err(src: &str) -> ParseError {
    match parse(src) {
        Ok(d) => panic!("expected an error, got {d:?}"),
        Err(e) => e,
    }
}

#[test]
fn smoke() {
    let f = fc("flowchart LR\n  a[Start] --> b{Done?}");
    assert_eq!(f.nodes.len(), 2);
    let _ = err("flowchart LR\n a -> b");
}
