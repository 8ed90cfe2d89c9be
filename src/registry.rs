//! The registry of diagram types: for each, the keywords that select it, its grammar and its layout. The
//! facade parses and lays out through this table alone; the command line's help, the WebAssembly build's
//! `diagramTypes()` and the parser's "supported diagram types are …" message all list what it holds.
//!
//! Adding a diagram type: a parser folder (`crates/parser/src/<type>/`, with its `GRAMMAR`), a layout folder
//! (`crates/layout/src/<type>/`, with its `Layout`), one row here, and a corpus test in `tests/`.

use mermaid_layout::{Config, Layout};
use mermaid_parser::{Diagram, Grammar, ParseError};
use mermaid_scene::Scene;

/// One diagram type mermaid-rs renders.
#[derive(Debug, Clone, Copy)]
pub struct DiagramType {
    /// The type's name in Mermaid's documentation (the corpus folder it is tested on).
    pub name: &'static str,
    grammar: Grammar,
    lay_out: Layout,
}

impl DiagramType {
    /// The first keywords of a diagram (after front matter, directives and comments) that select this type.
    pub fn keywords(&self) -> &'static [&'static str] {
        self.grammar.keywords()
    }
}

/// Every diagram type, in the order the docs and messages list them.
pub const DIAGRAM_TYPES: &[DiagramType] = &[
    DiagramType {
        name: "flowchart",
        grammar: mermaid_parser::FLOWCHART,
        lay_out: mermaid_layout::FLOWCHART,
    },
    DiagramType {
        name: "er",
        grammar: mermaid_parser::ER,
        lay_out: mermaid_layout::ER,
    },
    DiagramType {
        name: "sequence",
        grammar: mermaid_parser::SEQUENCE,
        lay_out: mermaid_layout::SEQUENCE,
    },
    DiagramType {
        name: "class",
        grammar: mermaid_parser::CLASS,
        lay_out: mermaid_layout::CLASS,
    },
    DiagramType {
        name: "state",
        grammar: mermaid_parser::STATE,
        lay_out: mermaid_layout::STATE,
    },
];

/// Parse `source` with the grammar its first keyword selects.
pub(crate) fn parse(source: &str, limits: &mermaid_parser::Limits) -> Result<Diagram, ParseError> {
    mermaid_parser::parse_with(source, limits, DIAGRAM_TYPES.iter().map(|t| &t.grammar))
}

/// Lay out a parsed diagram with its type's layout.
pub(crate) fn lay_out(diagram: &Diagram, config: &Config) -> Scene {
    // Every diagram the registry's grammars produce has a layout in the same row, so the fallback (an empty
    // scene) is never reached; the registry tests lay out a diagram of every row.
    DIAGRAM_TYPES
        .iter()
        .find_map(|t| (t.lay_out)(diagram, config))
        .unwrap_or_default()
}

/// "`graph`, `flowchart`, …": every keyword, for help texts.
pub fn keyword_list() -> String {
    let keywords: Vec<String> = DIAGRAM_TYPES
        .iter()
        .flat_map(|t| t.keywords())
        .map(|k| format!("`{k}`"))
        .collect();
    keywords.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_registry_holds_every_grammar_of_the_parser_once() {
        let ours: Vec<&str> = DIAGRAM_TYPES.iter().flat_map(|t| t.keywords()).copied().collect();
        let parser: Vec<&str> = mermaid_parser::GRAMMARS
            .iter()
            .flat_map(|g| g.keywords())
            .copied()
            .collect();
        assert_eq!(
            ours, parser,
            "the registry and mermaid_parser::GRAMMARS list the same keywords"
        );
        let mut unique = ours.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), ours.len(), "no keyword selects two types");
    }

    #[test]
    fn every_row_lays_out_what_its_grammar_parses() {
        let config = Config::default();
        for t in DIAGRAM_TYPES {
            for keyword in t.keywords() {
                let source = format!("{keyword}\n");
                let diagram = parse(&source, &mermaid_parser::Limits::default()).expect("a bare header parses");
                let scene = (t.lay_out)(&diagram, &config).expect("the row's own layout takes it");
                assert!(!scene.kind.is_empty(), "{keyword}: laid out");
                let others = DIAGRAM_TYPES.iter().filter(|o| o.name != t.name);
                for other in others {
                    assert!(
                        (other.lay_out)(&diagram, &config).is_none(),
                        "{} refuses {keyword}",
                        other.name
                    );
                }
            }
        }
    }

    #[test]
    fn unknown_keywords_are_told_the_registry() {
        let err = parse("pie\n", &mermaid_parser::Limits::default()).unwrap_err();
        assert!(err.message.contains(&keyword_list()), "{}", err.message);
    }
}
