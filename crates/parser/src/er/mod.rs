//! Entity–relationship diagrams (`erDiagram`): statements are parsed one at a time by [`grammar`] and folded
//! into a resolved [`ErDiagram`] by [`Builder`].

mod grammar;
#[cfg(test)]
mod tests;

use crate::ast::{ClassDef, Entity, ErDiagram, Label, Span};
use crate::preprocess::Preprocessed;
use crate::ParseError;
use grammar::{EntityRef, GErr, Stmt, G};
use std::collections::HashMap;

/// An entity–relationship diagram: its first keywords and its grammar.
pub(crate) const GRAMMAR: crate::Grammar = crate::Grammar {
    keywords: &["erDiagram"],
    parse: |pre| parse_er(pre).map(crate::Diagram::Er),
};

pub(crate) fn parse_er(pre: &Preprocessed<'_>) -> Result<ErDiagram, ParseError> {
    let g = G { src: &pre.text };
    let to_error = |e: GErr| -> ParseError {
        let start = pre.text.len().saturating_sub(e.rest);
        let err = ParseError::new(pre.source, Span::new(start, start + e.len), e.msg);
        match e.hint {
            Some(h) => err.with_hint(h),
            None => err,
        }
    };
    let body = pre.text.get(pre.keyword.end..).unwrap_or("");
    let mut b = Builder::default();
    b.er.meta = pre.meta.clone();
    let mut i = body;
    loop {
        i = g.skip_separators(i);
        if i.is_empty() {
            break;
        }
        let start = pre.text.len() - i.len();
        let (rest, stmt) = g.statement(i).map_err(to_error)?;
        if let Stmt::Relationship { rel, .. } = &stmt {
            let label = &rel.label;
            let quoted = pre.text.as_bytes().get(label.span.start) == Some(&b'"');
            if !quoted && label.text.contains(char::is_whitespace) {
                let warning = ParseError::new(pre.source, label.span, "relationship label of several unquoted words")
                    .with_hint(format!(
                        "mermaid.js reads the words after the first as new entities; quote it: `: \"{}\"`",
                        label.text
                    ));
                b.er.meta.warnings.push(warning);
            }
        }
        b.apply(stmt);
        let span = Span::new(start, pre.text.len() - rest.len());
        let limits = &pre.limits;
        if b.er.entities.len() > limits.max_nodes {
            return Err(crate::limits::too_many(pre.source, span, "entities", limits.max_nodes));
        }
        if b.er.relationships.len() > limits.max_edges {
            return Err(crate::limits::too_many(
                pre.source,
                span,
                "relationships",
                limits.max_edges,
            ));
        }
        i = g.statement_end(rest).map_err(to_error)?;
    }
    Ok(b.er)
}

#[derive(Default)]
struct Builder {
    er: ErDiagram,
    index: HashMap<String, usize>,
}

impl Builder {
    /// The entity named `name`, created at `span` if this is its first mention.
    fn entity(&mut self, name: &str, span: Span) -> &mut Entity {
        let i = match self.index.get(name) {
            Some(&i) => i,
            None => {
                let i = self.er.entities.len();
                self.er.entities.push(Entity {
                    name: name.to_string(),
                    span,
                    ..Entity::default()
                });
                self.index.insert(name.to_string(), i);
                i
            }
        };
        &mut self.er.entities[i]
    }

    fn mention(&mut self, r: EntityRef) -> String {
        let e = self.entity(&r.name, r.span);
        if let Some(alias) = r.alias {
            e.alias = Some(alias);
        }
        for c in r.classes {
            if !e.classes.contains(&c) {
                e.classes.push(c);
            }
        }
        r.name
    }

    fn apply(&mut self, stmt: Stmt) {
        match stmt {
            Stmt::Entity { entity, attributes } => {
                let name = self.mention(entity);
                if let Some(&i) = self.index.get(&name) {
                    self.er.entities[i].attributes.extend(attributes);
                }
            }
            Stmt::Relationship { mut rel, from, to } => {
                rel.from = self.mention(from);
                rel.to = self.mention(to);
                self.er.relationships.push(*rel);
            }
            Stmt::Direction(d) => self.er.direction = d,
            Stmt::ClassDef { names, styles, span } => {
                for name in names {
                    self.er.class_defs.push(ClassDef {
                        name,
                        styles: styles.clone(),
                        span,
                    });
                }
            }
            Stmt::Class { names, class } => {
                for name in names {
                    if let Some(&i) = self.index.get(&name) {
                        let e = &mut self.er.entities[i];
                        if !e.classes.contains(&class) {
                            e.classes.push(class.clone());
                        }
                    }
                }
            }
            Stmt::Style { names, styles } => {
                for name in names {
                    if let Some(&i) = self.index.get(&name) {
                        self.er.entities[i].styles.extend(styles.iter().cloned());
                    }
                }
            }
            Stmt::AccTitle(t) => self.er.meta.acc_title = Some(t),
            Stmt::AccDescr(t) => self.er.meta.acc_descr = Some(t),
        }
    }
}

/// An unquoted alias or label as a [`Label`].
fn label(text: String, kind: crate::ast::LabelKind, span: Span) -> Label {
    Label { text, kind, span }
}
