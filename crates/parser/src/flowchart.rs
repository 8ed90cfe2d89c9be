//! Flowchart grammar (`graph` / `flowchart`).
use crate::ast::Flowchart;
use crate::ParseError;

pub(crate) fn parse_flowchart(source: &str) -> Result<Flowchart, ParseError> {
    let _ = source;
    todo!("flowchart parser")
}
