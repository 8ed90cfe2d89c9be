//! Class boxes: sizing the three compartments (annotation and name, fields, methods) from measured text, and
//! drawing them. The sizes follow mermaid's class box: 12 units of padding, rows 24 apart, and the empty
//! compartments mermaid keeps.

use super::text_label;
use crate::er::generic_type;
use crate::scene::*;
use crate::text::{lay_out_bold, lay_out_label, LaidText};
use crate::theme::Theme;
use mermaid_parser::{Class, Classifier, Label, LabelKind, Member};

/// Room between the box's border and its text.
const PADDING: f64 = 12.0;
/// A compartment's padding above and below its rows.
const SECTION_PADDING: f64 = 12.0;
/// Empty compartments, as mermaid leaves them: fields when there are methods, fields when there are none, and
/// methods.
const EMPTY_FIELDS_BEFORE_METHODS: f64 = 30.0;
const EMPTY_FIELDS_ALONE: f64 = 18.0;
const EMPTY_METHODS_AFTER_FIELDS: f64 = 24.0;
const EMPTY_METHODS_ALONE: f64 = 18.0;

/// One member row, measured.
pub(super) struct Row {
    text: LaidText,
    underline: bool,
}

/// A sized class box (or the bare name of a lollipop interface).
pub(super) struct ClassBox {
    pub width: f64,
    pub height: f64,
    annotation: Option<LaidText>,
    name: LaidText,
    fields: Vec<Row>,
    methods: Vec<Row>,
    /// Heights of the name, fields and methods compartments; `None` draws the name alone.
    sections: Option<[f64; 3]>,
    interface: bool,
}

fn row(member: &Member, theme: &Theme) -> Row {
    let shown = generic_type(&member.text);
    let mut text = lay_out_label(&text_label(&shown), theme);
    if member.classifier == Classifier::Abstract {
        for run in text.lines.iter_mut().flatten() {
            run.italic = true;
        }
    }
    Row {
        text,
        underline: member.classifier == Classifier::Static,
    }
}

fn section_height(rows: usize, line: f64) -> f64 {
    rows as f64 * line + 2.0 * SECTION_PADDING
}

pub(super) fn size(class: &Class, theme: &Theme, hide_empty: bool) -> ClassBox {
    let label = match &class.label {
        Some(l) => text_label(&generic_type(&l.text)),
        None => text_label(&generic_type(&class.display_name())),
    };
    if class.interface {
        let name = lay_out_label(&label, theme);
        return ClassBox {
            width: name.width,
            height: name.height,
            annotation: None,
            name,
            fields: vec![],
            methods: vec![],
            sections: None,
            interface: true,
        };
    }
    let name = lay_out_bold(&label, theme);
    let annotation = class.annotations.first().map(|a| {
        lay_out_label(
            &Label {
                text: format!("«{a}»"),
                kind: LabelKind::Plain,
                ..Label::default()
            },
            theme,
        )
    });
    let fields: Vec<Row> = class.fields().map(|m| row(m, theme)).collect();
    let methods: Vec<Row> = class.methods().map(|m| row(m, theme)).collect();
    let line = theme.font_size * theme.line_height;
    let centred_half = annotation.as_ref().map_or(0.0, |a| a.width).max(name.width) / 2.0;
    let widest_row = fields.iter().chain(&methods).map(|r| r.text.width).fold(0.0, f64::max);
    let width = 2.0 * PADDING + centred_half + centred_half.max(widest_row);
    let name_height = annotation.as_ref().map_or(0.0, |a| a.height) + name.height + 2.0 * PADDING;
    let sections = if hide_empty && fields.is_empty() && methods.is_empty() {
        None
    } else {
        let fields_height = match (fields.len(), methods.len()) {
            (0, 0) => EMPTY_FIELDS_ALONE,
            (0, _) => EMPTY_FIELDS_BEFORE_METHODS,
            (n, _) => section_height(n, line),
        };
        let methods_height = match (fields.len(), methods.len()) {
            (0, 0) => EMPTY_METHODS_ALONE,
            (_, 0) => EMPTY_METHODS_AFTER_FIELDS,
            (_, n) => section_height(n, line),
        };
        Some([name_height, fields_height, methods_height])
    };
    ClassBox {
        width,
        height: sections.map_or(name_height, |s| s.iter().sum()),
        annotation,
        name,
        fields,
        methods,
        sections,
        interface: false,
    }
}

impl ClassBox {
    /// The name as shown, for the geometry.
    pub fn name_text(&self) -> String {
        self.name.plain()
    }
}

fn line_path(a: Point, b: Point) -> Path {
    Path(vec![PathCmd::MoveTo(a), PathCmd::LineTo(b)])
}

/// Rows left-aligned from `x`, the first one's top at `y`; static members are underlined.
fn rows_items(rows: &[Row], x: f64, mut y: f64, text_css: &[(String, String)], theme: &Theme, out: &mut Vec<Item>) {
    for r in rows {
        let bounds = Rect {
            x,
            y,
            width: r.text.width,
            height: r.text.height,
        };
        let mut block = r.text.block(bounds, theme);
        block.anchor = TextAnchor::Start;
        for line in &mut block.lines {
            line.x = x;
        }
        block.extra_css = text_css.to_vec();
        if r.underline {
            if let Some(line) = block.lines.last() {
                let under = line.baseline + 2.0;
                out.push(Item::Shape {
                    geometry: ShapeGeometry::Path(line_path(
                        Point { x, y: under },
                        Point {
                            x: x + r.text.width,
                            y: under,
                        },
                    )),
                    style: Style {
                        fill: Some("none".into()),
                        stroke: Some(block.fill.clone()),
                        stroke_width: 1.0,
                        ..Default::default()
                    },
                });
            }
        }
        out.push(Item::Text(block));
        y += r.text.height;
    }
}

/// Draw a sized box at `rect` with the resolved `css` (classDef and style declarations). Returns the items and
/// the name's box.
pub(super) fn draw(b: &ClassBox, rect: Rect, css: &[(String, String)], theme: &Theme) -> (Vec<Item>, Rect) {
    let text_css: Vec<(String, String)> = css
        .iter()
        .filter(|(k, _)| k == "color")
        .map(|(_, v)| ("fill".into(), v.clone()))
        .collect();
    let mut items = Vec::new();
    if b.interface {
        let mut block = b.name.block(rect, theme);
        block.extra_css = text_css;
        items.push(Item::Text(block));
        return (items, rect);
    }
    items.push(Item::Shape {
        geometry: ShapeGeometry::Rect { rect, rx: 0.0 },
        style: Style {
            fill: Some(theme.node_fill.clone()),
            stroke: Some(theme.node_stroke.clone()),
            stroke_width: 1.0,
            dash: None,
            extra_css: css.iter().filter(|(k, _)| k != "color").cloned().collect(),
        },
    });
    let mut y = rect.y + PADDING;
    if let Some(a) = &b.annotation {
        let bounds = Rect {
            x: rect.center().x - a.width / 2.0,
            y,
            width: a.width,
            height: a.height,
        };
        let mut block = a.block(bounds, theme);
        block.extra_css = text_css.clone();
        items.push(Item::Text(block));
        y += a.height;
    }
    let name_box = Rect {
        x: rect.center().x - b.name.width / 2.0,
        y,
        width: b.name.width,
        height: b.name.height,
    };
    let mut name = b.name.block(name_box, theme);
    name.extra_css = text_css.clone();
    items.push(Item::Text(name));
    let Some([name_h, fields_h, _]) = b.sections else {
        return (items, name_box);
    };
    let divider_style = Style {
        fill: Some("none".into()),
        stroke: Some(theme.node_stroke.clone()),
        stroke_width: 1.0,
        extra_css: css.iter().filter(|(k, _)| k == "stroke").cloned().collect(),
        ..Default::default()
    };
    for y in [rect.y + name_h, rect.y + name_h + fields_h] {
        items.push(Item::Shape {
            geometry: ShapeGeometry::Path(line_path(Point { x: rect.x, y }, Point { x: rect.right(), y })),
            style: divider_style.clone(),
        });
    }
    let x = rect.x + PADDING;
    rows_items(
        &b.fields,
        x,
        rect.y + name_h + SECTION_PADDING,
        &text_css,
        theme,
        &mut items,
    );
    rows_items(
        &b.methods,
        x,
        rect.y + name_h + fields_h + SECTION_PADDING,
        &text_css,
        theme,
        &mut items,
    );
    (items, name_box)
}
