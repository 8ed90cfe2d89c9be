//! Entities as tables: sizing each from its measured text (a header row with the name, one row per attribute
//! with type, name, keys and comment columns, a column only when some attribute fills it) and drawing them.

use super::*;
use crate::style::css_declarations;
use mermaid_parser::{Entity, LabelKind};

/// Narrowest table (mermaid's `minEntityWidth`).
const MIN_WIDTH: f64 = 100.0;
/// Room around the name of an entity without attributes, each side.
const BARE_PADDING_X: f64 = 20.0;
const BARE_PADDING_Y: f64 = 30.0;
/// Room around the text of a table cell, each side.
const CELL_PADDING_X: f64 = 12.5;
const CELL_PADDING_Y: f64 = 9.375;
/// Room around the name in the header of a table with attributes, each side.
const HEADER_PADDING_X: f64 = 25.0;

/// A sized table.
pub(super) struct Table {
    pub width: f64,
    pub height: f64,
    name: LaidText,
    /// Height of the header row.
    header_height: f64,
    /// Width of each shown column, padding included.
    columns: Vec<f64>,
    /// Per attribute: the text of each shown column and the row height.
    rows: Vec<(Vec<LaidText>, f64)>,
}

/// `text` as a label, read as markdown (`**bold**`, `_italic_`) when its markers pair up, as mermaid shows
/// entity and attribute text; a lone `*` (as in `*id`) stays literal.
pub(super) fn rich(text: &str) -> Label {
    let bold = text.matches("**").count() + text.matches("__").count();
    let rest = text.replace("**", "").replace("__", "");
    let stars = rest.matches('*').count();
    let markdown = (text.contains('*') || text.contains('_')) && bold % 2 == 0 && stars % 2 == 0;
    Label {
        text: text.to_string(),
        kind: if markdown {
            LabelKind::Markdown
        } else {
            LabelKind::Plain
        },
        ..Label::default()
    }
}

/// Attribute types show generics as angle brackets: `list~string~` is `list<string>`.
pub(crate) fn generic_type(ty: &str) -> String {
    let chars: Vec<char> = ty.chars().collect();
    let mut depth = 0usize;
    let mut out = String::with_capacity(ty.len());
    for (i, &c) in chars.iter().enumerate() {
        if c != '~' {
            out.push(c);
            continue;
        }
        let later = chars[i + 1..].contains(&'~');
        let next_is_word = chars.get(i + 1).is_some_and(|n| n.is_alphanumeric() || *n == '_');
        if depth > 0 && (!next_is_word || !later) {
            depth -= 1;
            out.push('>');
        } else if later {
            depth += 1;
            out.push('<');
        } else {
            out.push('~');
        }
    }
    out
}

pub(super) fn size_table(entity: &Entity, theme: &Theme) -> Table {
    let name = match &entity.alias {
        Some(a) => lay_out_label(
            &Label {
                kind: rich(&a.text).kind,
                ..a.clone()
            },
            theme,
        ),
        None => lay_out_label(&rich(&entity.name), theme),
    };
    if entity.attributes.is_empty() {
        return Table {
            width: (name.width + 2.0 * BARE_PADDING_X).max(MIN_WIDTH),
            height: name.height + 2.0 * BARE_PADDING_Y,
            header_height: name.height + 2.0 * BARE_PADDING_Y,
            name,
            columns: vec![],
            rows: vec![],
        };
    }
    let has_keys = entity.attributes.iter().any(|a| !a.keys.is_empty());
    let has_comment = entity.attributes.iter().any(|a| a.comment.is_some());
    let mut rows: Vec<(Vec<LaidText>, f64)> = entity
        .attributes
        .iter()
        .map(|a| {
            let mut cells = vec![
                lay_out_label(&rich(&generic_type(&a.ty)), theme),
                lay_out_label(&rich(&a.name), theme),
            ];
            if has_keys {
                let keys: Vec<&str> = a.keys.iter().map(|k| k.as_str()).collect();
                cells.push(lay_out_label(&rich(&keys.join(",")), theme));
            }
            if has_comment {
                cells.push(lay_out_label(&rich(a.comment.as_deref().unwrap_or("")), theme));
            }
            let line = theme.font_size * theme.line_height;
            let h = cells.iter().map(|c| c.height).fold(line, f64::max);
            (cells, h + 2.0 * CELL_PADDING_Y)
        })
        .collect();
    let count = rows.first().map_or(0, |r| r.0.len());
    let mut columns: Vec<f64> = (0..count)
        .map(|c| rows.iter().map(|r| r.0[c].width).fold(0.0, f64::max) + 2.0 * CELL_PADDING_X)
        .collect();
    let header_height = name.height + 2.0 * CELL_PADDING_Y;
    let natural: f64 = columns.iter().sum();
    let wanted = (name.width + 2.0 * HEADER_PADDING_X).max(MIN_WIDTH);
    if wanted > natural && count > 0 {
        let extra = (wanted - natural) / count as f64;
        for c in &mut columns {
            *c += extra;
        }
    }
    let width = columns.iter().sum::<f64>().max(wanted);
    let height = header_height + rows.iter().map(|r| r.1).sum::<f64>();
    rows.shrink_to_fit();
    Table {
        width,
        height,
        name,
        header_height,
        columns,
        rows,
    }
}

/// The text of a cell, left-aligned at the top-left of the cell's padding.
fn cell_text(text: &LaidText, x: f64, y: f64, theme: &Theme) -> TextBlock {
    let bounds = Rect {
        x,
        y,
        width: text.width,
        height: text.height,
    };
    let mut block = text.block(bounds, theme);
    block.anchor = TextAnchor::Start;
    for line in &mut block.lines {
        line.x = x;
    }
    block
}
/// Draw one table at `rect`.
fn table_items(table: &Table, rect: Rect, css: &[(String, String)], theme: &Theme) -> (Vec<Item>, Rect) {
    let stroke = Style {
        fill: Some("none".into()),
        stroke: Some(theme.er_entity_stroke.clone()),
        stroke_width: 1.0,
        ..Default::default()
    };
    let mut items = vec![Item::Shape {
        geometry: ShapeGeometry::Rect { rect, rx: 0.0 },
        style: Style {
            fill: Some(theme.er_entity_fill.clone()),
            stroke: None,
            stroke_width: 0.0,
            dash: None,
            extra_css: css.iter().filter(|(k, _)| k != "stroke").cloned().collect(),
        },
    }];
    let text_css: Vec<(String, String)> = css
        .iter()
        .filter(|(k, _)| k == "color")
        .map(|(_, v)| ("fill".into(), v.clone()))
        .collect();
    // Header.
    let name_box = Rect {
        x: rect.center().x - table.name.width / 2.0,
        y: rect.y + (table.header_height - table.name.height) / 2.0,
        width: table.name.width,
        height: table.name.height,
    };
    let mut texts = Vec::new();
    let mut name_text = table.name.block(name_box, theme);
    name_text.extra_css = text_css.clone();
    texts.push(Item::Text(name_text));
    // Rows.
    let mut lines = Vec::new();
    let mut y = rect.y + table.header_height;
    for (i, (cells, h)) in table.rows.iter().enumerate() {
        let row = Rect {
            x: rect.x,
            y,
            width: rect.width,
            height: *h,
        };
        items.push(Item::Shape {
            geometry: ShapeGeometry::Rect { rect: row, rx: 0.0 },
            style: Style {
                fill: Some(if i % 2 == 0 {
                    theme.er_row_odd_fill.clone()
                } else {
                    theme.er_row_even_fill.clone()
                }),
                ..Default::default()
            },
        });
        lines.push(line_path(Point { x: rect.x, y }, Point { x: rect.right(), y }));
        let mut x = rect.x;
        for (c, cell) in cells.iter().enumerate() {
            if !cell.lines.iter().all(|l| l.iter().all(|r| r.text.is_empty())) {
                let mut block = cell_text(cell, x + CELL_PADDING_X, y + CELL_PADDING_Y, theme);
                block.extra_css = text_css.clone();
                texts.push(Item::Text(block));
            }
            x += table.columns.get(c).copied().unwrap_or(0.0);
        }
        y += h;
    }
    // Column dividers below the header.
    let mut x = rect.x;
    for w in table.columns.iter().take(table.columns.len().saturating_sub(1)) {
        x += w;
        lines.push(line_path(
            Point {
                x,
                y: rect.y + table.header_height,
            },
            Point { x, y: rect.bottom() },
        ));
    }
    for path in lines {
        items.push(Item::Shape {
            geometry: ShapeGeometry::Path(path),
            style: stroke.clone(),
        });
    }
    items.extend(texts);
    // The border last, so row fills never cover it.
    items.push(Item::Shape {
        geometry: ShapeGeometry::Rect { rect, rx: 0.0 },
        style: Style {
            extra_css: css.iter().filter(|(k, _)| k != "fill").cloned().collect(),
            ..stroke
        },
    });
    (items, name_box)
}

/// A straight line from `a` to `b`.
fn line_path(a: Point, b: Point) -> Path {
    Path(vec![PathCmd::MoveTo(a), PathCmd::LineTo(b)])
}

/// Every entity's table at the centre the engine gave it; their boxes (for the relationships) and items.
pub(super) fn draw_entities(
    scene: &mut Scene,
    diagram: &ErDiagram,
    tables: &[Table],
    out: &engine::LayeredOutput,
    theme: &Theme,
) -> (Vec<Rect>, Vec<Item>) {
    let mut rects = Vec::with_capacity(tables.len());
    let mut node_items = Vec::with_capacity(tables.len());
    for (i, (entity, table)) in diagram.entities.iter().zip(tables).enumerate() {
        let c = shift(engine::point(out.nodes[i]));
        let rect = Rect {
            x: c.x - table.width / 2.0,
            y: c.y - table.height / 2.0,
            width: table.width,
            height: table.height,
        };
        let mut css = Vec::new();
        for class in std::iter::once("default").chain(entity.classes.iter().map(String::as_str)) {
            for def in diagram.class_defs.iter().filter(|d| d.name == class) {
                css.extend(css_declarations(&def.styles));
            }
        }
        css.extend(css_declarations(&entity.styles));
        let (items, name_box) = table_items(table, rect, &css, theme);
        node_items.push(Item::Group {
            class: "node entity".into(),
            id: Some(entity.name.clone()),
            items,
        });
        scene.geometry.nodes.push(NodeGeometry {
            id: entity.name.clone(),
            label: table.name.plain(),
            rect,
            shape: "erBox",
            label_box: name_box,
            outline: rect.corners(),
        });
        rects.push(rect);
    }
    (rects, node_items)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generics_become_angle_brackets() {
        assert_eq!(generic_type("type~T~"), "type<T>");
        assert_eq!(generic_type("List~List~int~~sdfds"), "List<List<int>>sdfds");
        assert_eq!(generic_type("a~b"), "a~b");
        assert_eq!(generic_type("int[]"), "int[]");
    }

    #[test]
    fn markdown_only_when_markers_pair_up() {
        assert_eq!(rich("*id").kind, LabelKind::Plain);
        assert_eq!(rich("plain").kind, LabelKind::Plain);
        assert_eq!(rich("**bold** _it_").kind, LabelKind::Markdown);
        assert_eq!(rich("a **b").kind, LabelKind::Plain);
    }
}
