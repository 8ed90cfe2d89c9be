//! Drawing the participants: box groups behind them, lifelines, the top and bottom symbols of each kind of
//! participant, link menus, and the cross that ends a destroyed lifeline.

use super::walk::Walked;
use super::*;
use mermaid_parser::ActorLink;

/// The coloured boxes (`box … end`) around groups of participants, with their titles.
pub(super) fn draw_boxes(
    drawing: &mut Drawing,
    diagram: &SequenceDiagram,
    cols: &[Col],
    walked: &Walked,
    config: &crate::config::Config,
) {
    let theme = &config.theme;
    let bottom_y = walked.bottom_y;
    let mirror = config.mirror_actors;
    let bottom_h = cols.iter().map(|c| c.h).fold(ACTOR_H, f64::max);
    for (bi, b) in diagram.boxes.iter().enumerate() {
        let members: Vec<&Col> = cols.iter().filter(|c| c.in_box == Some(bi)).collect();
        if members.is_empty() {
            continue;
        }
        let l = members.iter().map(|c| c.cx - c.w / 2.0).fold(f64::INFINITY, f64::min) - BOX_PAD;
        let r = members
            .iter()
            .map(|c| c.cx + c.w / 2.0)
            .fold(f64::NEG_INFINITY, f64::max)
            + BOX_PAD;
        let rect = Rect {
            x: l,
            y: -5.0,
            width: r - l,
            height: bottom_y + if mirror { bottom_h } else { 0.0 } + 20.0,
        };
        let fill = b
            .color
            .as_deref()
            .and_then(safe_color)
            .unwrap_or_else(|| "transparent".to_string());
        let mut g = vec![Item::Shape {
            geometry: ShapeGeometry::Rect { rect, rx: 0.0 },
            style: Style {
                fill: Some(fill),
                stroke: Some(theme.actor_stroke.clone()),
                stroke_width: 1.0,
                ..Default::default()
            },
        }];
        if let Some(title) = &b.title {
            let t = measure(title, theme, None);
            g.push(Item::Text(text_block(
                &t,
                rect.center().x,
                -5.0 + 6.0,
                theme,
                &theme.text_color,
                false,
            )));
        }
        drawing.back.push(Item::Group {
            class: "box".into(),
            id: None,
            items: g,
        });
    }
}

/// Each participant's lifeline, its top symbol (with its link menu, if any) and, when actors are mirrored or
/// it is destroyed, its bottom symbol.
pub(super) fn draw_lifelines_and_actors(
    drawing: &mut Drawing,
    diagram: &SequenceDiagram,
    cols: &[Col],
    walked: &Walked,
    config: &crate::config::Config,
) {
    let theme = &config.theme;
    let lifeline_style = Style {
        stroke: Some(theme.lifeline_color.clone()),
        stroke_width: 2.0,
        ..Default::default()
    };

    for c in cols {
        draw_column(
            drawing,
            c,
            &diagram.links,
            walked,
            config.mirror_actors,
            &lifeline_style,
            theme,
        );
    }
}

/// One participant's lifeline and symbols.
fn draw_column(
    drawing: &mut Drawing,
    c: &Col,
    links: &[ActorLink],
    walked: &Walked,
    mirror: bool,
    lifeline_style: &Style,
    theme: &Theme,
) {
    let (top, bottom_top) = (walked.top, walked.bottom_y);
    let top_y = match c.created_at {
        Some(line) => line - c.h / 2.0,
        None => top,
    };
    let top_rect = Rect {
        x: c.cx - c.w / 2.0,
        y: top_y,
        width: c.w,
        height: c.h,
    };
    let end_y = match c.destroyed_at {
        Some(line) => line - c.h / 2.0,
        None => bottom_top,
    };
    let bottom_rect = Rect {
        x: c.cx - c.w / 2.0,
        y: end_y,
        width: c.w,
        height: c.h,
    };
    let life_top = top_rect.bottom();
    drawing.back.push(Item::Group {
        class: "lifeline".into(),
        id: Some(c.id.clone()),
        items: vec![Item::Path {
            path: Path(vec![
                PathCmd::MoveTo(Point { x: c.cx, y: life_top }),
                PathCmd::LineTo(Point { x: c.cx, y: end_y }),
            ]),
            style: lifeline_style.clone(),
            marker_start: None,
            marker_end: None,
        }],
    });
    drawing.seq.lifelines.push(LifelineGeometry {
        id: c.id.clone(),
        x: c.cx,
        y1: life_top,
        y2: end_y,
    });
    let symbol = Item::Group {
        class: "actor actor-top".into(),
        id: Some(c.id.clone()),
        items: draw_symbol(c, top_rect, theme),
    };
    let menu = link_menu(links, &c.id, top_rect, theme);
    match menu {
        // Drawn last, so an open menu lies above the messages.
        Some(panel) => drawing.popups.push(Item::Popup {
            trigger: vec![symbol],
            panel,
        }),
        None => drawing.items.push(symbol),
    }
    drawing.nodes.push(NodeGeometry {
        id: c.id.clone(),
        label: c.label.plain(),
        rect: top_rect,
        shape: c.kind.name(),
        label_box: label_box(c, top_rect),
        outline: top_rect.corners(),
    });
    if mirror || c.destroyed_at.is_some() {
        drawing.items.push(Item::Group {
            class: "actor actor-bottom".into(),
            id: Some(c.id.clone()),
            items: draw_symbol(c, bottom_rect, theme),
        });
        drawing.seq.actors_bottom.push(NodeGeometry {
            id: c.id.clone(),
            label: c.label.plain(),
            rect: bottom_rect,
            shape: c.kind.name(),
            label_box: label_box(c, bottom_rect),
            outline: bottom_rect.corners(),
        });
    }
    if c.destroyed_at.is_some() {
        // The end of a destroyed lifeline is marked with a cross.
        let (cx, cy, r) = (c.cx, end_y - 9.0, 7.0);
        drawing.items.push(Item::Path {
            path: Path(vec![
                PathCmd::MoveTo(Point { x: cx - r, y: cy - r }),
                PathCmd::LineTo(Point { x: cx + r, y: cy + r }),
                PathCmd::MoveTo(Point { x: cx - r, y: cy + r }),
                PathCmd::LineTo(Point { x: cx + r, y: cy - r }),
            ]),
            style: Style {
                stroke: Some(theme.signal_color.clone()),
                stroke_width: 2.0,
                ..Default::default()
            },
            marker_start: None,
            marker_end: None,
        });
    }
}

/// A circle (or filled disc, as `style` says) of radius `r`.
fn disc(center: Point, r: f64, style: &Style) -> Item {
    Item::Shape {
        geometry: ShapeGeometry::Ellipse { center, rx: r, ry: r },
        style: style.clone(),
    }
}

/// An open line through `points`.
fn strokes(points: &[Point], style: &Style) -> Item {
    let mut cmds = Vec::with_capacity(points.len());
    for (i, &p) in points.iter().enumerate() {
        cmds.push(if i == 0 { PathCmd::MoveTo(p) } else { PathCmd::LineTo(p) });
    }
    Item::Shape {
        geometry: ShapeGeometry::Path(Path(cmds)),
        style: style.clone(),
    }
}

/// A cylinder given by the ends of its rims: `[a, b]` the near rim, `[c, d]` the far one, both bulging outward
/// with radii `(rx, ry)`. The near rim's inner half is stroked again over the filled body so the opening shows.
fn cylinder([a, b, c, d]: [Point; 4], rx: f64, ry: f64, style: &Style) -> [Item; 2] {
    let arc = |sweep: bool, to: Point| PathCmd::ArcTo {
        rx,
        ry,
        rotation: 0.0,
        large_arc: false,
        sweep,
        to,
    };
    let body = Path(vec![
        PathCmd::MoveTo(a),
        arc(true, b),
        PathCmd::LineTo(c),
        arc(true, d),
        PathCmd::Close,
    ]);
    let rim = Path(vec![PathCmd::MoveTo(a), arc(false, b)]);
    [
        Item::Shape {
            geometry: ShapeGeometry::Path(body),
            style: style.clone(),
        },
        Item::Shape {
            geometry: ShapeGeometry::Path(rim),
            style: Style {
                fill: Some("none".into()),
                ..style.clone()
            },
        },
    ]
}

/// Height of one entry of a participant's link menu.
const MENU_ROW_H: f64 = 30.0;

/// The menu of a participant's `link`/`links` entries, as a panel hanging below its top symbol, or `None` when
/// it has no entry with a safe URL (only `http`, `https` and `mailto` are kept; others are dropped).
fn link_menu(links: &[ActorLink], participant: &str, symbol: Rect, theme: &Theme) -> Option<Vec<Item>> {
    let entries: Vec<(Txt, String)> = links
        .iter()
        .filter(|l| l.participant == participant)
        .filter_map(|l| Some((measure(&l.label, theme, None), crate::style::safe_url(&l.url)?)))
        .collect();
    if entries.is_empty() {
        return None;
    }
    let width = entries.iter().map(|(t, _)| t.width + 30.0).fold(symbol.width, f64::max);
    let panel = Rect {
        x: symbol.x + symbol.width / 2.0 - width / 2.0,
        // Touching the symbol, so the pointer can move onto the panel without leaving the popup.
        y: symbol.bottom(),
        width,
        height: entries.iter().map(|(t, _)| t.height().max(MENU_ROW_H)).sum::<f64>() + 10.0,
    };
    let mut items = vec![Item::Shape {
        geometry: ShapeGeometry::Rect { rect: panel, rx: 3.0 },
        style: Style {
            fill: Some(theme.actor_fill.clone()),
            stroke: Some(theme.actor_stroke.clone()),
            stroke_width: 1.0,
            ..Default::default()
        },
    }];
    let mut top = panel.y + 5.0;
    for (label, href) in entries {
        let row_h = label.height().max(MENU_ROW_H);
        let mut block = text_block(
            &label,
            panel.x + panel.width / 2.0,
            top + (row_h - label.height()) / 2.0,
            theme,
            &theme.actor_text,
            false,
        );
        block.extra_css.push(("text-decoration".into(), "underline".into()));
        items.push(Item::Link {
            href,
            tooltip: None,
            items: vec![Item::Text(block)],
        });
        top += row_h;
    }
    Some(items)
}

/// Where a participant's label sits inside its symbol's rectangle.
fn label_box(c: &Col, r: Rect) -> Rect {
    let h = c.label.height().max(LINE_H);
    let top = match c.kind {
        ParticipantKind::Participant | ParticipantKind::Queue | ParticipantKind::Collections => {
            r.y + (r.height - h) / 2.0
                + if c.kind == ParticipantKind::Collections {
                    3.0
                } else {
                    0.0
                }
        }
        _ => r.bottom() - h,
    };
    Rect {
        x: c.cx - c.label.width / 2.0,
        y: top,
        width: c.label.width,
        height: h,
    }
}

fn draw_symbol(c: &Col, r: Rect, theme: &Theme) -> Vec<Item> {
    let style = Style {
        fill: Some(theme.actor_fill.clone()),
        stroke: Some(theme.actor_stroke.clone()),
        stroke_width: 1.0,
        ..Default::default()
    };
    let line = Style {
        fill: Some("none".into()),
        stroke: Some(theme.actor_stroke.clone()),
        stroke_width: 2.0,
        ..Default::default()
    };
    let p = |x: f64, y: f64| Point { x, y };
    let cx = c.cx;
    let mut out = Vec::new();
    match c.kind {
        ParticipantKind::Participant => out.push(Item::Shape {
            geometry: ShapeGeometry::Rect { rect: r, rx: 3.0 },
            style: style.clone(),
        }),
        ParticipantKind::Collections => {
            let back = Rect {
                x: r.x + 6.0,
                y: r.y,
                width: r.width - 6.0,
                height: r.height - 6.0,
            };
            let front = Rect {
                x: r.x,
                y: r.y + 6.0,
                width: r.width - 6.0,
                height: r.height - 6.0,
            };
            for rect in [back, front] {
                out.push(Item::Shape {
                    geometry: ShapeGeometry::Rect { rect, rx: 3.0 },
                    style: style.clone(),
                });
            }
        }
        ParticipantKind::Queue => {
            // A cylinder lying on its side, its near end on the right.
            let (rx, ry) = (10.0, r.height / 2.0);
            let (l, rt, t, b) = (r.x + rx, r.right() - rx, r.y, r.bottom());
            out.extend(cylinder([p(rt, t), p(rt, b), p(l, b), p(l, t)], rx, ry, &style));
        }
        ParticipantKind::Actor => {
            // mermaid's proportions: a head of radius 15, then torso, arms and legs down to 65 below the top.
            let top = r.y;
            out.push(disc(p(cx, top + 15.0), 15.0, &style));
            let body = Path(vec![
                PathCmd::MoveTo(p(cx, top + 30.0)),
                PathCmd::LineTo(p(cx, top + 50.0)),
                PathCmd::MoveTo(p(cx - 18.0, top + 38.0)),
                PathCmd::LineTo(p(cx + 18.0, top + 38.0)),
                PathCmd::MoveTo(p(cx - 18.0, top + 65.0)),
                PathCmd::LineTo(p(cx, top + 50.0)),
                PathCmd::LineTo(p(cx + 16.0, top + 65.0)),
            ]);
            out.push(Item::Shape {
                geometry: ShapeGeometry::Path(body),
                style: line.clone(),
            });
        }
        ParticipantKind::Boundary => {
            let cy = r.y + 24.0;
            out.push(Item::Shape {
                geometry: ShapeGeometry::Path(Path(vec![
                    PathCmd::MoveTo(p(cx - 35.0, cy - 15.0)),
                    PathCmd::LineTo(p(cx - 35.0, cy + 15.0)),
                    PathCmd::MoveTo(p(cx - 35.0, cy)),
                    PathCmd::LineTo(p(cx - 21.0, cy)),
                ])),
                style: line.clone(),
            });
            out.push(disc(p(cx, cy), 21.0, &style));
        }
        ParticipantKind::Control => {
            let cy = r.y + 28.0;
            out.push(disc(p(cx, cy), 21.0, &style));
            out.push(strokes(
                &[p(cx + 7.0, cy - 28.0), p(cx - 2.0, cy - 21.0), p(cx + 7.0, cy - 14.0)],
                &line,
            ));
        }
        ParticipantKind::Entity => {
            let cy = r.y + 24.0;
            out.push(disc(p(cx, cy), 21.0, &style));
            out.push(strokes(&[p(cx - 21.0, cy + 25.0), p(cx + 21.0, cy + 25.0)], &line));
        }
        ParticipantKind::Database => {
            // A standing cylinder, its near end on top.
            let (w, rx, ry) = (40.0, 20.0, 7.0);
            let (l, rt, t, b) = (cx - w / 2.0, cx + w / 2.0, r.y + ry, r.y + 44.0);
            out.extend(cylinder([p(l, t), p(rt, t), p(rt, b), p(l, b)], rx, ry, &style));
        }
    }
    let lb = label_box(c, r);
    out.push(Item::Text(text_block(
        &c.label,
        cx,
        lb.y,
        theme,
        &theme.actor_text,
        false,
    )));
    out
}
