//! Flowchart (`graph` / `flowchart` / `flowchart-elk`): statements are parsed one at a time by
//! [`grammar`] and folded into a resolved [`Flowchart`] by [`Builder`].
//!
//! The statement loop is iterative (subgraph nesting is a stack, not recursion), so no input can overflow the
//! stack; nesting deeper than [`crate::Limits::max_nesting_depth`] is rejected, and so are more nodes or edges
//! than the limits allow (checked before the edges of an `a & b --> c & d` product are made).

mod grammar;

use crate::ast::{Edge, Flowchart, Label, LabelKind, Node, NodeShape, Span, Subgraph};
use crate::data::DataEntry;
use crate::preprocess::Preprocessed;
use crate::shapes::{nearest_shape_name, shape_by_name};
use crate::text::decode_html_entities;
use crate::ParseError;
use grammar::{GErr, NodeRef, Stmt, G};
use std::collections::{HashMap, HashSet};

/// A flowchart: its first keywords and its grammar.
pub(crate) const GRAMMAR: crate::Grammar = crate::Grammar {
    keywords: &["graph", "flowchart", "flowchart-elk"],
    parse: |pre| parse_flowchart(pre).map(crate::Diagram::Flowchart),
};

pub(crate) fn parse_flowchart(pre: &Preprocessed<'_>) -> Result<Flowchart, ParseError> {
    let g = G { src: &pre.text };
    let to_error = |e: nom::Err<GErr>| -> ParseError {
        let e = match e {
            nom::Err::Error(e) | nom::Err::Failure(e) => e,
            nom::Err::Incomplete(_) => GErr {
                rest: 0,
                len: 0,
                msg: "unexpected end of input".into(),
                hint: None,
            },
        };
        let start = pre.text.len().saturating_sub(e.rest);
        let msg = if e.msg.is_empty() {
            "syntax error".to_string()
        } else {
            e.msg
        };
        let err = ParseError::new(pre.source, Span::new(start, start + e.len), msg);
        match e.hint {
            Some(h) => err.with_hint(h),
            None => err,
        }
    };
    let body = pre.text.get(pre.keyword.start..).unwrap_or("");
    let (mut i, direction) = g.header(body).map_err(to_error)?;
    i = g.statement_end(i).map_err(to_error)?.0;
    let mut b = Builder::new(pre.source, pre.limits);
    b.fc.meta = pre.meta.clone();
    b.fc.direction = direction;
    loop {
        i = g.skip_separators(i);
        if i.is_empty() {
            break;
        }
        let start = pre.text.len() - i.len();
        let (rest, stmt) = g.statement(i).map_err(to_error)?;
        let end = pre.text.len() - rest.len();
        b.apply(stmt, end)?;
        if b.fc.nodes.len() > pre.limits.max_nodes {
            return Err(crate::limits::too_many(
                pre.source,
                Span::new(start, end),
                "nodes",
                pre.limits.max_nodes,
            ));
        }
        i = g.statement_end(rest).map_err(to_error)?.0;
    }
    b.finish()
}

/// Something a subgraph's statements mention: a node id, or a nested subgraph (by index).
#[derive(Debug, Clone)]
enum Member {
    Node(String),
    Sub(usize),
}

struct Frame {
    sub: usize,
    members: Vec<Member>,
    /// The subgraph has no id of its own and gets `subGraphN` when it closes.
    auto_id: bool,
}

struct Builder<'a> {
    source: &'a str,
    limits: crate::Limits,
    fc: Flowchart,
    node_index: HashMap<String, usize>,
    frames: Vec<Frame>,
    /// Node ids already owned by a closed subgraph (the first one to close around a node owns it).
    claimed: HashSet<String>,
    /// Members owned by each subgraph, filled in when it closes; and the order subgraphs closed in.
    owned: Vec<Vec<Member>>,
    close_order: Vec<usize>,
    class_statements: Vec<(Vec<String>, String)>,
}

impl<'a> Builder<'a> {
    fn new(source: &'a str, limits: crate::Limits) -> Self {
        Builder {
            source,
            limits,
            fc: Flowchart::default(),
            node_index: HashMap::new(),
            frames: Vec::new(),
            claimed: HashSet::new(),
            owned: Vec::new(),
            close_order: Vec::new(),
            class_statements: Vec::new(),
        }
    }

    fn error(&self, span: Span, msg: impl Into<String>) -> ParseError {
        ParseError::new(self.source, span, msg)
    }

    fn where_(&self, span: Span) -> String {
        let e = self.error(span, "");
        format!("line {}, column {}", e.line, e.column)
    }

    fn apply(&mut self, stmt: Stmt, stmt_end: usize) -> Result<(), ParseError> {
        match stmt {
            Stmt::Vertex { groups, links } => self.vertex(groups, links)?,
            Stmt::Subgraph { id, title, keyword } => {
                if self.frames.len() >= self.limits.max_nesting_depth {
                    return Err(crate::limits::too_deep(
                        self.source,
                        keyword,
                        "subgraphs",
                        self.limits.max_nesting_depth,
                    ));
                }
                let index = self.fc.subgraphs.len();
                let auto_id = id.is_none();
                let id = id.unwrap_or_default();
                self.fc.subgraphs.push(Subgraph {
                    id,
                    title,
                    span: keyword,
                    ..Subgraph::default()
                });
                self.owned.push(Vec::new());
                self.frames.push(Frame {
                    sub: index,
                    members: Vec::new(),
                    auto_id,
                });
            }
            Stmt::End { keyword } => {
                let Some(frame) = self.frames.pop() else {
                    return Err(self
                        .error(keyword, "`end` without a matching `subgraph`")
                        .with_hint("remove it, or open a block with `subgraph id` before it"));
                };
                self.close(frame, keyword.end);
            }
            Stmt::Direction { dir, .. } => match self.frames.last() {
                Some(f) => {
                    if let Some(s) = self.fc.subgraphs.get_mut(f.sub) {
                        s.direction = Some(dir);
                    }
                }
                None => self.fc.direction = dir,
            },
            Stmt::ClassDef { names, styles, span } => {
                for name in names {
                    self.fc.class_defs.push(crate::ast::ClassDef {
                        name,
                        styles: styles.clone(),
                        span,
                    });
                }
            }
            Stmt::Class { ids, class } => self.class_statements.push((ids, class)),
            Stmt::Style { id, id_span, styles } => {
                let idx = self.node_at(&id, id_span);
                if let Some(n) = self.fc.nodes.get_mut(idx) {
                    n.styles.extend(styles);
                }
            }
            Stmt::LinkStyle {
                indices,
                interpolate,
                styles,
                span,
            } => {
                let count = self.fc.edges.len();
                if let Some(list) = &indices {
                    if let Some(&(bad, at)) = list.iter().find(|(n, _)| *n >= count) {
                        let valid = match count {
                            0 => "there are no edges before it".to_string(),
                            1 => "the only edge before it is 0".to_string(),
                            n => format!("valid indices are 0 to {}", n - 1),
                        };
                        return Err(self
                            .error(at, format!("linkStyle index {bad} is out of range: {valid}"))
                            .with_hint("edges are numbered from 0 in the order they are written"));
                    }
                }
                self.fc.link_styles.push(crate::ast::LinkStyle {
                    indices: indices.map(|l| l.into_iter().map(|(n, _)| n).collect()),
                    styles,
                    interpolate,
                    span: Span::new(span.start, stmt_end.max(span.start)),
                });
            }
            Stmt::Click {
                node,
                action,
                tooltip,
                span,
            } => self.fc.clicks.push(crate::ast::Click {
                node,
                action,
                tooltip,
                span,
            }),
            Stmt::AccTitle(t) => self.fc.meta.acc_title = Some(t),
            Stmt::AccDescr(t) => self.fc.meta.acc_descr = Some(t),
        }
        Ok(())
    }

    fn vertex(&mut self, groups: Vec<Vec<NodeRef>>, links: Vec<grammar::LinkTok>) -> Result<(), ParseError> {
        // `e1@{ curve: … }` on its own, where `e1` is an edge id: edge metadata, not a node.
        if links.is_empty() {
            if let [single] = groups.as_slice() {
                if let [n] = single.as_slice() {
                    if !n.data.is_empty()
                        && n.shape.is_none()
                        && self.fc.edges.iter().any(|e| e.id.as_deref() == Some(&n.id))
                    {
                        for e in self.fc.edges.iter_mut().filter(|e| e.id.as_deref() == Some(&n.id)) {
                            for d in &n.data {
                                set_pair(&mut e.data, &d.key, &d.value);
                            }
                        }
                        return Ok(());
                    }
                }
            }
        }
        let mut ids: Vec<Vec<String>> = Vec::with_capacity(groups.len());
        for group in groups {
            let mut g = Vec::with_capacity(group.len());
            for n in group {
                if n.id.contains('$') && !self.node_index.contains_key(&n.id) {
                    self.warn(
                        Span::new(n.span.start, n.span.start + n.id.len()),
                        format!("`$` in the node id `{}`", n.id),
                        "mermaid.js rejects this; use another character in the id",
                    );
                }
                g.push(n.id.clone());
                self.mention(n)?;
            }
            ids.push(g);
        }
        for link in &links {
            self.warn_parentheses_in_pipe_label(link.label.as_ref());
        }
        for (k, link) in links.into_iter().enumerate() {
            let (Some(from), Some(to)) = (ids.get(k), ids.get(k + 1)) else {
                continue;
            };
            let made = from.len().saturating_mul(to.len());
            if made.saturating_add(self.fc.edges.len()) > self.limits.max_edges {
                return Err(crate::limits::too_many(
                    self.source,
                    link.span,
                    "edges",
                    self.limits.max_edges,
                ));
            }
            let mut id = link.id;
            for f in from {
                for t in to {
                    self.fc.edges.push(Edge {
                        id: id.take(),
                        from: f.clone(),
                        to: t.clone(),
                        stroke: link.stroke,
                        arrow_start: link.start,
                        arrow_end: link.end,
                        min_len: link.len,
                        label: link.label.clone(),
                        data: Vec::new(),
                        classes: Vec::new(),
                        span: link.span,
                    });
                }
            }
        }
        Ok(())
    }

    /// Note something accepted here that mermaid.js rejects; `check` reports it as a warning.
    fn warn(&mut self, span: Span, message: String, hint: &str) {
        let warning = ParseError::new(self.source, span, message).with_hint(hint);
        self.fc.meta.warnings.push(warning);
    }

    /// `A -->|calls (async)| B`: mermaid.js rejects `(` and `)` in an unquoted `|…|` label.
    fn warn_parentheses_in_pipe_label(&mut self, label: Option<&Label>) {
        let Some(label) = label else { return };
        let before = self.source.get(..label.span.start).unwrap_or("");
        let quoted = self.source.as_bytes().get(label.span.start) == Some(&b'"');
        if before.trim_end().ends_with('|') && !quoted && label.text.contains(['(', ')']) {
            let text = label.text.clone();
            self.warn(
                label.span,
                "`(` or `)` in an unquoted edge label".into(),
                &format!("mermaid.js rejects this; quote the label: `|\"{text}\"|`"),
            );
        }
    }

    /// Index of node `id`, creating it (with `span`) if this is its first mention.
    fn node_at(&mut self, id: &str, span: Span) -> usize {
        if let Some(&i) = self.node_index.get(id) {
            return i;
        }
        let i = self.fc.nodes.len();
        self.fc.nodes.push(Node {
            id: id.to_string(),
            span,
            ..Node::default()
        });
        self.node_index.insert(id.to_string(), i);
        i
    }

    /// A node mentioned in a vertex statement: create or update it, and record it in the open subgraph.
    fn mention(&mut self, n: NodeRef) -> Result<(), ParseError> {
        let (data_shape, data_label, extra) = self.node_data(&n.data)?;
        let idx = self.node_at(&n.id, n.span);
        if let Some(node) = self.fc.nodes.get_mut(idx) {
            if let Some(s) = data_shape.or(n.shape) {
                node.shape = s;
            }
            if let Some(l) = data_label.or(n.label) {
                node.label = Some(l);
            }
            for (k, v) in extra {
                set_pair(&mut node.shape_data, &k, &v);
            }
            node.classes.extend(n.classes);
        }
        if let Some(f) = self.frames.last_mut() {
            f.members.push(Member::Node(n.id));
        }
        Ok(())
    }

    /// Interpret `@{ … }` entries as node data: `shape`, `label` (+ `labelType`), `icon`, `img`, and the rest raw.
    #[allow(clippy::type_complexity)]
    fn node_data(
        &self,
        data: &[DataEntry],
    ) -> Result<(Option<NodeShape>, Option<Label>, Vec<(String, String)>), ParseError> {
        let mut shape = None;
        let mut label = None;
        let mut extra = Vec::new();
        let label_plain = data
            .iter()
            .any(|d| d.key == "labelType" && matches!(d.value.as_str(), "string" | "text"));
        for d in data {
            match d.key.as_str() {
                "shape" => match shape_by_name(&d.value) {
                    Some(s) => shape = Some(s),
                    None => {
                        return Err(self
                            .error(d.value_span, format!("unknown shape `{}`", d.value))
                            .with_hint(format!("did you mean `{}`?", nearest_shape_name(&d.value))))
                    }
                },
                "label" => {
                    label = Some(Label {
                        text: decode_html_entities(&d.value),
                        kind: if label_plain {
                            LabelKind::Plain
                        } else {
                            LabelKind::Markdown
                        },
                        span: d.value_span,
                    })
                }
                _ => extra.push((d.key.clone(), d.value.clone())),
            }
        }
        if shape.is_none() {
            if data.iter().any(|d| d.key == "icon") {
                shape = Some(NodeShape::Icon);
            } else if data.iter().any(|d| d.key == "img") {
                shape = Some(NodeShape::Image);
            }
        }
        Ok((shape, label, extra))
    }

    /// Close the innermost subgraph: it owns every member not already owned by a subgraph that closed earlier.
    fn close(&mut self, frame: Frame, end: usize) {
        // mermaid.js numbers `subGraphN` in the order subgraphs end (inner ones first), counting named ones too.
        if frame.auto_id {
            if let Some(s) = self.fc.subgraphs.get_mut(frame.sub) {
                s.id = format!("subGraph{}", self.close_order.len());
            }
        }
        let mut owned = Vec::new();
        let mut seen = HashSet::new();
        for m in frame.members {
            match m {
                Member::Node(id) => {
                    if !self.claimed.contains(&id) && seen.insert(id.clone()) {
                        owned.push(Member::Node(id));
                    }
                }
                Member::Sub(i) => owned.push(Member::Sub(i)),
            }
        }
        for m in &owned {
            if let Member::Node(id) = m {
                self.claimed.insert(id.clone());
            }
        }
        if let Some(s) = self.fc.subgraphs.get_mut(frame.sub) {
            s.span.end = end;
        }
        if let Some(slot) = self.owned.get_mut(frame.sub) {
            *slot = owned;
        }
        self.close_order.push(frame.sub);
        if let Some(parent) = self.frames.last_mut() {
            parent.members.push(Member::Sub(frame.sub));
        }
    }

    fn finish(mut self) -> Result<Flowchart, ParseError> {
        if let Some(f) = self.frames.last() {
            let (id, span) = match self.fc.subgraphs.get(f.sub) {
                Some(s) if f.auto_id => (s.title.as_ref().map(|t| t.text.clone()).unwrap_or_default(), s.span),
                Some(s) => (s.id.clone(), s.span),
                None => (String::new(), Span::default()),
            };
            return Err(self
                .error(
                    span,
                    format!(
                        "unclosed subgraph `{id}` opened at {}: expected `end`",
                        self.where_(span)
                    ),
                )
                .with_hint("every `subgraph` needs a matching `end` line"));
        }
        let mut sub_by_id: HashMap<String, usize> = HashMap::new();
        for (i, s) in self.fc.subgraphs.iter().enumerate() {
            sub_by_id.entry(s.id.clone()).or_insert(i);
        }
        // Membership, in the order subgraphs closed.
        let order = std::mem::take(&mut self.close_order);
        for s in order {
            let owned = std::mem::take(&mut self.owned[s]);
            for m in owned {
                match m {
                    Member::Sub(c) => self.adopt(s, c),
                    Member::Node(id) => match sub_by_id.get(&id) {
                        Some(&c) => {
                            if c != s && self.fc.subgraphs[c].parent.is_none() && !self.is_ancestor(c, s) {
                                self.adopt(s, c);
                            }
                        }
                        None => {
                            if self.node_index.contains_key(&id) {
                                self.fc.subgraphs[s].nodes.push(id);
                            }
                        }
                    },
                }
            }
        }
        // Ids that name a subgraph are not nodes; keep what was said about them on the subgraph.
        let nodes = std::mem::take(&mut self.fc.nodes);
        for n in nodes {
            match sub_by_id.get(&n.id) {
                Some(&s) => {
                    let sub = &mut self.fc.subgraphs[s];
                    sub.classes.extend(n.classes);
                    sub.styles.extend(n.styles);
                }
                None => self.fc.nodes.push(n),
            }
        }
        let index: HashMap<String, usize> = self
            .fc
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.clone(), i))
            .collect();
        for (ids, class) in &self.class_statements {
            for id in ids {
                if let Some(&i) = index.get(id.as_str()) {
                    self.fc.nodes[i].classes.push(class.clone());
                }
                for s in self.fc.subgraphs.iter_mut().filter(|s| &s.id == id) {
                    s.classes.push(class.clone());
                }
                for e in self.fc.edges.iter_mut().filter(|e| e.id.as_ref() == Some(id)) {
                    e.classes.push(class.clone());
                }
            }
        }
        Ok(self.fc)
    }

    fn adopt(&mut self, parent: usize, child: usize) {
        self.fc.subgraphs[child].parent = Some(parent);
        self.fc.subgraphs[parent].children.push(child);
    }

    /// Whether `a` is `b` or one of its ancestors.
    fn is_ancestor(&self, a: usize, b: usize) -> bool {
        let mut cur = Some(b);
        let mut steps = 0;
        while let Some(c) = cur {
            if c == a {
                return true;
            }
            steps += 1;
            if steps > self.fc.subgraphs.len() {
                return true;
            }
            cur = self.fc.subgraphs.get(c).and_then(|s| s.parent);
        }
        false
    }
}

fn set_pair(pairs: &mut Vec<(String, String)>, key: &str, value: &str) {
    match pairs.iter_mut().find(|(k, _)| k == key) {
        Some(p) => p.1 = value.to_string(),
        None => pairs.push((key.to_string(), value.to_string())),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests;
