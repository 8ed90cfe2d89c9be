//! Class diagram statements that style or link classes: `style`, `classDef`, `cssClass`, `link`, `click` and
//! `callback`.

use super::grammar::{is_blank, Cursor, GResult, Stmt};
use crate::ast::Span;
use crate::text::{decode_entities, parse_styles};

impl Cursor<'_> {
    pub(super) fn style(&mut self, _start: usize) -> GResult<Stmt> {
        let class = self.class_ref()?;
        self.blanks();
        let (text, _) = self.line_text();
        Ok(Stmt::Style {
            id: class.id,
            styles: parse_styles(&text),
        })
    }

    pub(super) fn class_def(&mut self, start: usize) -> GResult<Stmt> {
        let r = self.rest();
        let n = r.find(is_blank).unwrap_or(r.find('\n').unwrap_or(r.len()));
        if n == 0 {
            return self.err_here("expected a style class name after `classDef`", None);
        }
        let names = r[..n]
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect();
        self.pos += n;
        self.blanks();
        let (text, _) = self.line_text();
        Ok(Stmt::ClassDef {
            names,
            styles: parse_styles(&text),
            span: Span::new(start, self.pos),
        })
    }

    pub(super) fn css_class(&mut self, _start: usize) -> GResult<Stmt> {
        let (list, _) = self.quoted("the class names")?;
        self.blanks();
        let r = self.rest();
        let n = r.find(char::is_whitespace).unwrap_or(r.len());
        if n == 0 {
            return self.err_here("expected a style class name after the class list", None);
        }
        self.pos += n;
        Ok(Stmt::CssClass {
            names: list
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect(),
            class: r[..n].to_string(),
        })
    }

    /// An optional `"tooltip"` and target (`_blank`, …) after a link or callback.
    fn tooltip_and_target(&mut self) -> GResult<Option<String>> {
        self.blanks();
        let tooltip = if self.rest().starts_with('"') {
            Some(decode_entities(&self.quoted("the tooltip")?.0))
        } else {
            None
        };
        self.blanks();
        if self.rest().starts_with('_') {
            let r = self.rest();
            self.pos += r.find(char::is_whitespace).unwrap_or(r.len());
        }
        Ok(tooltip)
    }

    pub(super) fn link(&mut self, _start: usize) -> GResult<Stmt> {
        let class = self.class_ref()?;
        self.blanks();
        let (url, _) = self.quoted("the link's URL")?;
        let tooltip = self.tooltip_and_target()?;
        Ok(Stmt::Link {
            id: class.id,
            url,
            tooltip,
        })
    }

    pub(super) fn callback(&mut self, _start: usize) -> GResult<Stmt> {
        let class = self.class_ref()?;
        self.blanks();
        self.quoted("the callback's name")?;
        let tooltip = self.tooltip_and_target()?;
        Ok(Stmt::Callback { id: class.id, tooltip })
    }

    /// `click X href "url" …`, `click X call fn(args) …`, `click X fn …`.
    pub(super) fn click(&mut self, start: usize) -> GResult<Stmt> {
        let class = self.class_ref()?;
        self.blanks();
        if self.keyword("href") {
            self.blanks();
            let mut link = self.link_after(class.id)?;
            if let Stmt::Link { tooltip, .. } = &mut link {
                *tooltip = self.tooltip_and_target()?;
            }
            return Ok(link);
        }
        if self.rest().starts_with('"') {
            let mut link = self.link_after(class.id)?;
            if let Stmt::Link { tooltip, .. } = &mut link {
                *tooltip = self.tooltip_and_target()?;
            }
            return Ok(link);
        }
        self.keyword("call");
        self.blanks();
        let r = self.rest();
        let n = r
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.'))
            .unwrap_or(r.len());
        if n == 0 {
            return self.err(
                start,
                self.pos - start,
                "expected a link or a callback after `click`",
                None,
            );
        }
        self.pos += n;
        if self.rest().starts_with('(') {
            let r = self.rest();
            match r.find(')').filter(|&c| !r[..c].contains('\n')) {
                Some(c) => self.pos += c + 1,
                None => return self.err_here("unclosed `(`: expected `)` after the callback's arguments", None),
            }
        }
        let tooltip = self.tooltip_and_target()?;
        Ok(Stmt::Callback { id: class.id, tooltip })
    }

    fn link_after(&mut self, id: String) -> GResult<Stmt> {
        let (url, _) = self.quoted("the link's URL")?;
        Ok(Stmt::Link { id, url, tooltip: None })
    }
}
