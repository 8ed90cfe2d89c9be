//! Class diagrams (`classDiagram`, `classDiagram-v2`): statements are read one at a time by [`grammar`] and
//! folded into a resolved [`ClassDiagram`] by [`Builder`]: classes by id, lollipop interfaces as their own
//! boxes, namespaces with their dotted parents.

mod grammar;
mod interaction;
mod members;
#[cfg(test)]
mod tests;

use crate::ast::{Class, ClassDef, ClassDiagram, ClassNote, Label, Namespace, RelationEnd, Span};
use crate::preprocess::Preprocessed;
use crate::ParseError;
use grammar::{ClassRef, Cursor, GErr, Stmt};
use std::collections::HashMap;

/// A class diagram: its first keywords and its grammar.
pub(crate) const GRAMMAR: crate::Grammar = crate::Grammar {
    keywords: &["classDiagram", "classDiagram-v2"],
    parse: |pre| parse_class(pre).map(crate::Diagram::Class),
};

pub(crate) fn parse_class(pre: &Preprocessed<'_>) -> Result<ClassDiagram, ParseError> {
    let to_error = |e: GErr| -> ParseError {
        let err = ParseError::new(pre.source, Span::new(e.at, e.at + e.len), e.msg);
        match e.hint {
            Some(h) => err.with_hint(h),
            None => err,
        }
    };
    let mut cursor = Cursor {
        text: &pre.text,
        pos: pre.keyword.end,
    };
    cursor.line_end().map_err(to_error)?;
    let mut b = Builder::default();
    b.diagram.meta = pre.meta.clone();
    let limits = &pre.limits;
    while cursor.next_statement() {
        let start = cursor.pos;
        let stmt = cursor.statement().map_err(to_error)?;
        let span = Span::new(start, cursor.pos);
        if !b.open.is_empty() && !stmt.allowed_in_namespace() {
            return Err(ParseError::new(
                pre.source,
                span,
                "only classes and notes may be declared inside a namespace",
            )
            .with_hint("write relations, members and styles after the namespace's closing `}`"));
        }
        if b.open.len() >= limits.max_nesting_depth && matches!(stmt, Stmt::NamespaceStart { .. }) {
            return Err(crate::limits::too_deep(
                pre.source,
                span,
                "namespaces",
                limits.max_nesting_depth,
            ));
        }
        b.apply(stmt)
            .map_err(|msg| ParseError::new(pre.source, span, msg).with_hint("a namespace block ends with `}`"))?;
        if b.diagram.classes.len() > limits.max_nodes {
            return Err(crate::limits::too_many(pre.source, span, "classes", limits.max_nodes));
        }
        if b.diagram.relations.len() + b.diagram.notes.len() > limits.max_edges {
            return Err(crate::limits::too_many(
                pre.source,
                span,
                "relations and notes",
                limits.max_edges,
            ));
        }
        cursor.line_end().map_err(to_error)?;
    }
    if let Some(&open) = b.open.last() {
        let ns = &b.diagram.namespaces[open];
        return Err(ParseError::new(
            pre.source,
            ns.span,
            format!("unclosed namespace `{}`: expected `}}`", ns.id),
        )
        .with_hint("end the namespace block with `}` on a line of its own"));
    }
    Ok(b.diagram)
}

#[derive(Default)]
struct Builder {
    diagram: ClassDiagram,
    index: HashMap<String, usize>,
    /// Namespaces by full id.
    namespace_index: HashMap<String, usize>,
    /// The namespace blocks open at this point, innermost last.
    open: Vec<usize>,
    interfaces: usize,
}

impl Builder {
    /// The class `r` names, created if this is its first mention; a generic parameter is recorded.
    fn class(&mut self, r: &ClassRef) -> &mut Class {
        let i = match self.index.get(&r.id) {
            Some(&i) => i,
            None => {
                let i = self.diagram.classes.len();
                self.diagram.classes.push(Class {
                    id: r.id.clone(),
                    span: r.span,
                    ..Class::default()
                });
                self.index.insert(r.id.clone(), i);
                i
            }
        };
        let class = &mut self.diagram.classes[i];
        if r.generic.is_some() {
            class.generic.clone_from(&r.generic);
        }
        class
    }

    fn existing(&mut self, id: &str) -> Option<&mut Class> {
        let &i = self.index.get(id)?;
        self.diagram.classes.get_mut(i)
    }

    /// A new lollipop interface box named `name`: mermaid gives each use its own `interfaceN`.
    fn interface(&mut self, r: &ClassRef) -> String {
        let id = format!("interface{}", self.interfaces);
        self.interfaces += 1;
        self.diagram.classes.push(Class {
            id: id.clone(),
            label: Some(Label {
                text: r.id.clone(),
                span: r.span,
                ..Label::default()
            }),
            interface: true,
            span: r.span,
            ..Class::default()
        });
        self.index.insert(id.clone(), self.diagram.classes.len() - 1);
        id
    }

    /// The namespace with full id `id`, created with its dotted parents (`A.B` inside `A`) if new.
    fn namespace(&mut self, id: &str, span: Span) -> usize {
        if let Some(&i) = self.namespace_index.get(id) {
            return i;
        }
        let parent = match id.rsplit_once('.') {
            Some((p, n)) if !p.is_empty() && !n.is_empty() => Some(self.namespace(p, span)),
            _ => None,
        };
        let i = self.diagram.namespaces.len();
        self.diagram.namespaces.push(Namespace {
            id: id.to_string(),
            label: None,
            parent,
            implied: true,
            span,
        });
        self.namespace_index.insert(id.to_string(), i);
        i
    }

    fn apply(&mut self, stmt: Stmt) -> Result<(), String> {
        match stmt {
            Stmt::Class {
                class,
                label,
                css,
                annotations,
                members,
            } => {
                let namespace = self.open.last().copied();
                let c = self.class(&class);
                if label.is_some() {
                    c.label = label;
                }
                c.classes.extend(css);
                c.annotations.extend(annotations);
                c.members.extend(members);
                if namespace.is_some() {
                    c.namespace = namespace;
                }
            }
            Stmt::Member { class, member } => self.class(&class).members.push(member),
            Stmt::Annotation { class, annotation } => self.class(&class).annotations.push(annotation),
            Stmt::Relation { mut rel, from, to } => {
                let lollipop = |e| e == RelationEnd::Lollipop;
                let both = lollipop(rel.from_end) && lollipop(rel.to_end);
                // A lollipop end names an interface, drawn as a box of its own at every use.
                let end = |b: &mut Self, r: &ClassRef, e| {
                    if lollipop(e) && !both {
                        b.interface(r)
                    } else {
                        b.class(r).id.clone()
                    }
                };
                rel.from = end(self, &from, rel.from_end);
                rel.to = end(self, &to, rel.to_end);
                self.diagram.relations.push(*rel);
            }
            Stmt::Note { text, class, span } => self.diagram.notes.push(ClassNote {
                text,
                class,
                namespace: self.open.last().copied(),
                span,
            }),
            Stmt::NamespaceStart { id, label, span } => {
                let full = match self.open.last() {
                    Some(&p) => format!("{}.{id}", self.diagram.namespaces[p].id),
                    None => id,
                };
                let i = self.namespace(&full, span);
                if label.is_some() {
                    self.diagram.namespaces[i].label = label;
                }
                self.diagram.namespaces[i].span = span;
                self.diagram.namespaces[i].implied = false;
                self.open.push(i);
            }
            Stmt::BlockEnd { .. } => {
                if self.open.pop().is_none() {
                    return Err("unexpected `}`: no namespace block is open".into());
                }
            }
            Stmt::Direction(d) => self.diagram.direction = d,
            Stmt::ClassDef { names, styles, span } => {
                for name in names {
                    self.diagram.class_defs.push(ClassDef {
                        name,
                        styles: styles.clone(),
                        span,
                    });
                }
            }
            Stmt::CssClass { names, class } => {
                for name in names {
                    if let Some(c) = self.existing(&name) {
                        c.classes.push(class.clone());
                    }
                }
            }
            Stmt::Style { id, styles } => {
                if let Some(c) = self.existing(&id) {
                    c.styles.extend(styles);
                }
            }
            Stmt::Link { id, url, tooltip } => {
                if let Some(c) = self.existing(&id) {
                    c.link = Some((url, tooltip));
                }
            }
            Stmt::Callback { id, tooltip } => {
                if let Some(c) = self.existing(&id) {
                    c.tooltip = tooltip;
                }
            }
            Stmt::AccTitle(t) => self.diagram.meta.acc_title = Some(t),
            Stmt::AccDescr(t) => self.diagram.meta.acc_descr = Some(t),
        }
        Ok(())
    }
}
