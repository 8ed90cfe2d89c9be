//! Entity–relationship diagram layout: entities as tables, relationships through the layered engine.
//!
//! Every entity is a table sized from its measured text: a header row with the entity's name, then one row per
//! attribute with type, name, keys and comment columns (a column only when some attribute fills it). The tables
//! are boxes for the layered engine and relationship labels are edge labels, so the engine keeps tables apart
//! and labels clear. Routes are clipped to the table borders like flowchart edges, then shortened by the
//! length of their cardinality markers, which are drawn along the line and end exactly on the border.

use crate::engine::{self, EdgeSpec, LayeredInput, NodeSpec, RankDir, Spacing};
use crate::routes::{basis_path, clip_route, dedup_points, exit_side, shorten_end};
use crate::scene::*;
use crate::style::css_declarations;
use crate::text::{lay_out_label, lay_out_wrapped, LaidText, EDGE_LABEL_WIDTH};
use crate::theme::Theme;
use mermaid_parser::{Cardinality, Direction, Entity, ErDiagram, Identification, Label, LabelKind};
use std::collections::HashMap;

/// Margin around the drawing, as mermaid's.
const DIAGRAM_PADDING: f64 = 8.0;
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

/// Longest straight piece added where a relationship leaves a table: the longest marker and a little more.
const STUB: f64 = 44.0;

/// One relationship end on a table side: where it heads (for ordering), relationship index, whether it is the
/// relationship's `to` end.
type SideUse = (f64, usize, bool);

/// A sized table.
struct Table {
    width: f64,
    height: f64,
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
fn rich(text: &str) -> Label {
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

fn size_table(entity: &Entity, theme: &Theme) -> Table {
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

fn line_path(a: Point, b: Point) -> Path {
    Path(vec![PathCmd::MoveTo(a), PathCmd::LineTo(b)])
}

/// Make the route's last straight piece at least as long as the marker drawn on it (plus a little), by
/// dropping the bends nearest the end while they are too close to it.
fn make_room(points: &mut Vec<Point>, marker: MarkerKind) {
    let need = room_for(marker);
    while points.len() > 2 {
        let n = points.len();
        let (a, b) = (points[n - 2], points[n - 1]);
        if (b.x - a.x).hypot(b.y - a.y) >= need {
            break;
        }
        points.remove(n - 2);
    }
}

/// Start the route at `at` (0..1) along `side` (0 top, 1 right, 2 bottom, 3 left) of `rect`, square to the
/// side for a stub long enough for the longest marker, then on through the route's points beyond the stub.
/// `points[0]` is the table's centre; `need` is the marker's length plus a little.
fn attach_start(points: &mut Vec<Point>, rect: &Rect, side: u8, at: f64, need: f64) {
    let (anchor, normal) = match side {
        0 => (
            Point {
                x: rect.x + rect.width * at,
                y: rect.y,
            },
            (0.0, -1.0),
        ),
        1 => (
            Point {
                x: rect.right(),
                y: rect.y + rect.height * at,
            },
            (1.0, 0.0),
        ),
        2 => (
            Point {
                x: rect.x + rect.width * at,
                y: rect.bottom(),
            },
            (0.0, 1.0),
        ),
        _ => (
            Point {
                x: rect.x,
                y: rect.y + rect.height * at,
            },
            (-1.0, 0.0),
        ),
    };
    let out = |p: &Point| (p.x - anchor.x) * normal.0 + (p.y - anchor.y) * normal.1;
    // The stub ends at `level` out from the side: most of the way to where the route leaves the table's
    // neighbourhood, at least the marker's length, at most `STUB`.
    let Some(far) = points.iter().skip(1).position(|p| out(p) >= need).map(|i| i + 1) else {
        let last = points.last().copied().unwrap_or(anchor);
        *points = vec![anchor, last];
        return;
    };
    let gap = out(&points[far]);
    let level = (0.8 * gap).min(STUB).max(need.min(gap - 0.5));
    let j = points
        .iter()
        .skip(1)
        .position(|p| out(p) >= level)
        .map_or(far, |i| i + 1);
    // Where the route crosses that level: the stub joins it there.
    let (p, q) = (points[j - 1], points[j]);
    let t = ((level - out(&p)) / (out(&q) - out(&p))).clamp(0.0, 1.0);
    let cross = Point {
        x: p.x + (q.x - p.x) * t,
        y: p.y + (q.y - p.y) * t,
    };
    let mut new = vec![
        anchor,
        Point {
            x: anchor.x + normal.0 * level,
            y: anchor.y + normal.1 * level,
        },
        cross,
    ];
    new.extend_from_slice(&points[j..]);
    dedup_points(&mut new);
    *points = new;
}

/// The straight run a marker needs at the end of a route: paths are shortened by at most 90% of their last
/// segment, so the segment must be a little longer than the marker.
fn room_for(marker: MarkerKind) -> f64 {
    marker.length() / 0.9 + 1.0
}

/// How far `p` lies outside `rect` (0 inside).
fn band_distance(rect: &Rect, p: Point) -> f64 {
    let dx = (rect.x - p.x).max(p.x - rect.right()).max(0.0);
    let dy = (rect.y - p.y).max(p.y - rect.bottom()).max(0.0);
    dx.max(dy)
}

fn marker_of(c: Cardinality) -> MarkerKind {
    match c {
        Cardinality::ZeroOrOne => MarkerKind::ZeroOrOne,
        Cardinality::OnlyOne => MarkerKind::OnlyOne,
        Cardinality::ZeroOrMore => MarkerKind::ZeroOrMore,
        Cardinality::OneOrMore => MarkerKind::OneOrMore,
        Cardinality::MdParent => MarkerKind::MdParent,
    }
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

pub(crate) fn lay_out(diagram: &ErDiagram, theme: &Theme) -> Scene {
    let tables: Vec<Table> = diagram.entities.iter().map(|e| size_table(e, theme)).collect();
    let index: HashMap<&str, usize> = diagram
        .entities
        .iter()
        .enumerate()
        .map(|(i, e)| (e.name.as_str(), i))
        .collect();
    let label_theme = Theme {
        font_size: theme.er_label_font_size,
        ..theme.clone()
    };
    let labels: Vec<Option<LaidText>> = diagram
        .relationships
        .iter()
        .map(|r| {
            (!r.label.text.trim().is_empty()).then(|| {
                lay_out_wrapped(
                    &Label {
                        kind: rich(&r.label.text).kind,
                        ..r.label.clone()
                    },
                    &label_theme,
                    EDGE_LABEL_WIDTH,
                )
            })
        })
        .collect();
    let ends: Vec<(usize, usize)> = diagram
        .relationships
        .iter()
        .map(|r| {
            (
                index.get(r.from.as_str()).copied().unwrap_or(0),
                index.get(r.to.as_str()).copied().unwrap_or(0),
            )
        })
        .collect();
    let input = LayeredInput {
        direction: match diagram.direction {
            Direction::TopBottom => RankDir::TopBottom,
            Direction::BottomTop => RankDir::BottomTop,
            Direction::LeftRight => RankDir::LeftRight,
            Direction::RightLeft => RankDir::RightLeft,
        },
        nodes: tables
            .iter()
            .map(|t| NodeSpec {
                width: t.width,
                height: t.height,
                cluster: None,
            })
            .collect(),
        edges: ends
            .iter()
            .zip(&labels)
            .map(|(&(from, to), label)| EdgeSpec {
                from,
                to,
                min_len: 1,
                label: label.as_ref().map(|l| (l.width, l.height)),
            })
            .collect(),
        clusters: vec![],
        // mermaid's ER spacing; wide edge separation leaves room for markers on self-loops.
        spacing: Spacing {
            node_sep: 140.0,
            rank_sep: 80.0,
            edge_sep: 44.0,
            ..Spacing::default()
        },
    };
    let out = engine::layout(&input);
    let shift = |p: Point| Point {
        x: p.x + DIAGRAM_PADDING,
        y: p.y + DIAGRAM_PADDING,
    };
    let mut scene = Scene {
        kind: "er",
        width: out.width + 2.0 * DIAGRAM_PADDING,
        height: out.height + 2.0 * DIAGRAM_PADDING,
        acc_title: diagram.meta.acc_title.clone(),
        acc_descr: diagram.meta.acc_descr.clone(),
        ..Default::default()
    };

    // Entities.
    let mut rects = Vec::with_capacity(tables.len());
    let mut node_items = Vec::with_capacity(tables.len());
    for (i, (entity, table)) in diagram.entities.iter().zip(&tables).enumerate() {
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

    // Relationships, drawn under the tables; labels on top.
    // Where each relationship meets its tables: the relationships that share a side of a table get evenly
    // spaced attachment points along it, ordered by where they head, so their markers never pile up.
    let routes: Vec<Vec<Point>> = out
        .edges
        .iter()
        .map(|r| {
            let mut pts: Vec<Point> = r.points.iter().map(|&p| shift(engine::point(p))).collect();
            dedup_points(&mut pts);
            pts
        })
        .collect();
    let mut sides: HashMap<(usize, u8), Vec<SideUse>> = HashMap::new();
    for (ri, pts) in routes.iter().enumerate() {
        let (from, to) = ends[ri];
        if from == to || pts.len() < 2 {
            continue;
        }
        for (node, at_end) in [(from, false), (to, true)] {
            let ordered: Vec<Point> = if at_end {
                pts.iter().rev().copied().collect()
            } else {
                pts.clone()
            };
            let side = exit_side(ordered[0], ordered[1]);
            let heading = ordered
                .iter()
                .skip(1)
                .find(|p| band_distance(&rects[node], **p) > STUB)
                .copied()
                .unwrap_or(ordered[ordered.len() - 1]);
            let key = if side % 2 == 0 { heading.x } else { heading.y };
            sides.entry((node, side)).or_default().push((key, ri, at_end));
        }
    }
    let mut slots: HashMap<(usize, bool), (u8, f64)> = HashMap::new();
    for ((_, side), mut group) in sides {
        group.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        let k = group.len();
        for (i, &(_, ri, at_end)) in group.iter().enumerate() {
            slots.insert((ri, at_end), (side, (i + 1) as f64 / (k + 1) as f64));
        }
    }
    let mut edge_items = Vec::new();
    let mut label_items = Vec::new();
    for (ri, rel) in diagram.relationships.iter().enumerate() {
        let (from, to) = ends[ri];
        let route = &out.edges[ri];
        let id = format!("id_entity-{}-{from}_entity-{}-{to}_{ri}", rel.from, rel.to);
        let mut points = routes[ri].clone();
        let (start, end) = (marker_of(rel.from_cardinality), marker_of(rel.to_cardinality));
        match (slots.get(&(ri, false)), slots.get(&(ri, true))) {
            (Some(&(from_side, from_at)), Some(&(to_side, to_at))) => {
                attach_start(&mut points, &rects[from], from_side, from_at, room_for(start));
                points.reverse();
                attach_start(&mut points, &rects[to], to_side, to_at, room_for(end));
                points.reverse();
            }
            _ => {
                let (from_hull, to_hull) = (rects[from].corners(), rects[to].corners());
                clip_route(&mut points, (&from_hull, rects[from]), (&to_hull, rects[to]));
            }
        }
        make_room(&mut points, end);
        points.reverse();
        make_room(&mut points, start);
        points.reverse();
        let waypoints = points.clone();
        shorten_end(&mut points, end.length());
        points.reverse();
        shorten_end(&mut points, start.length());
        points.reverse();
        let path = basis_path(&points);
        let color = theme.er_relationship_color.clone();
        edge_items.push(Item::Group {
            class: "edge relationship".into(),
            id: Some(id.clone()),
            items: vec![Item::Path {
                path: path.clone(),
                style: Style {
                    fill: Some("none".into()),
                    stroke: Some(color.clone()),
                    stroke_width: 1.0,
                    dash: (rel.identification == Identification::NonIdentifying).then(|| "8,8".into()),
                    extra_css: vec![],
                },
                marker_start: Some(Marker {
                    kind: start,
                    color: color.clone(),
                }),
                marker_end: Some(Marker { kind: end, color }),
            }],
        });
        let mut label_box = None;
        if let (Some(text), Some(c)) = (&labels[ri], route.label_center) {
            let (group, rect) = text.edge_label(shift(engine::point(c)), &theme.er_label_background, &label_theme);
            label_box = Some(rect);
            label_items.push(group);
        }
        scene.geometry.edges.push(EdgeGeometry {
            id,
            from: rel.from.clone(),
            to: rel.to.clone(),
            label: labels[ri].as_ref().map(|l| l.plain()),
            label_box,
            waypoints,
            path,
            arrow_start: Some(rel.from_cardinality.mermaid_name()),
            arrow_end: Some(rel.to_cardinality.mermaid_name()),
        });
    }
    scene.items.extend(edge_items);
    scene.items.extend(node_items);
    scene.items.extend(label_items);
    scene
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
