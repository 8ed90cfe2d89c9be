//! Drawing messages (lines, heads, central dots, texts, sequence numbers), notes and activation bars.

use super::*;

/// The activation bars, lower levels first.
pub(super) fn draw_activations(
    drawing: &mut Drawing,
    cols: &[Col],
    mut bars: Vec<(usize, usize, f64, f64)>,
    theme: &Theme,
) {
    bars.sort_by(|a, b| a.1.cmp(&b.1).then(a.2.total_cmp(&b.2)));
    for &(c, level, y1, y2) in &bars {
        let rect = Rect {
            x: cols[c].cx - ACTIVATION_W / 2.0 + level as f64 * ACTIVATION_W / 2.0,
            y: y1,
            width: ACTIVATION_W,
            height: (y2 - y1).max(1.0),
        };
        drawing.items.push(Item::Shape {
            geometry: ShapeGeometry::Rect { rect, rx: 0.0 },
            style: Style {
                fill: Some(theme.activation_fill.clone()),
                stroke: Some(theme.activation_stroke.clone()),
                stroke_width: 1.0,
                ..Default::default()
            },
        });
        drawing.seq.activations.push(ActivationGeometry {
            actor: cols[c].id.clone(),
            rect,
        });
    }
}

/// Every note, with its geometry.
pub(super) fn draw_notes(drawing: &mut Drawing, notes: &[PlacedNote], theme: &Theme) {
    for nt in notes {
        let text_box = Rect {
            x: nt.rect.center().x - nt.text.width / 2.0,
            y: nt.rect.y + NOTE_PAD,
            width: nt.text.width,
            height: nt.text.height(),
        };
        drawing.items.push(Item::Group {
            class: "note".into(),
            id: None,
            items: vec![
                Item::Shape {
                    geometry: ShapeGeometry::Rect { rect: nt.rect, rx: 0.0 },
                    style: Style {
                        fill: Some(theme.note_fill.clone()),
                        stroke: Some(theme.note_stroke.clone()),
                        stroke_width: 1.0,
                        ..Default::default()
                    },
                },
                Item::Text(text_block(
                    &nt.text,
                    nt.rect.center().x,
                    nt.rect.y + NOTE_PAD,
                    theme,
                    &theme.note_text,
                    false,
                )),
            ],
        });
        drawing.seq.notes.push(NoteGeometry {
            text: nt.text.plain(),
            rect: nt.rect,
            text_box,
        });
    }
}

/// Every message, with its geometry.
pub(super) fn draw_messages(drawing: &mut Drawing, messages: &[PlacedMessage], cols: &[Col], theme: &Theme) {
    for (mi, m) in messages.iter().enumerate() {
        draw_message(drawing, mi, m, cols, theme);
    }
}

/// One message: its line with heads, dots, text and number, and its geometry.
fn draw_message(drawing: &mut Drawing, mi: usize, m: &PlacedMessage, cols: &[Col], theme: &Theme) {
    let id = format!("m{mi}");
    let line_style = Style {
        fill: Some("none".into()),
        stroke: Some(theme.signal_color.clone()),
        stroke_width: 1.5,
        dash: m.dotted.then(|| "3,3".to_string()),
        ..Default::default()
    };
    let marker_end = head_marker(m.end).map(|kind| Marker {
        kind,
        color: theme.signal_color.clone(),
    });
    let marker_start = head_marker(m.start).map(|kind| Marker {
        kind,
        color: theme.signal_color.clone(),
    });
    let mut g = Vec::new();
    let (path, text_cx) = message_path(m, cols, marker_start.as_ref(), marker_end.as_ref());
    g.push(Item::Path {
        path: path.clone(),
        style: line_style,
        marker_start: marker_start.clone(),
        marker_end: marker_end.clone(),
    });
    for (flag, x) in [(m.central_from, m.x1), (m.central_to, m.x2)] {
        if flag && m.from != m.to {
            g.push(Item::Shape {
                geometry: ShapeGeometry::Ellipse {
                    center: Point { x, y: m.y },
                    rx: CENTRAL_DOT_R,
                    ry: CENTRAL_DOT_R,
                },
                style: Style {
                    fill: Some(theme.signal_color.clone()),
                    stroke: Some(theme.signal_color.clone()),
                    stroke_width: 1.0,
                    ..Default::default()
                },
            });
        }
    }
    let text_box = (!m.text.is_empty()).then(|| Rect {
        x: text_cx - m.text.width / 2.0,
        y: m.text_top,
        width: m.text.width,
        height: m.text.height(),
    });
    if !m.text.is_empty() {
        g.push(Item::Text(text_block(
            &m.text,
            text_cx,
            m.text_top,
            theme,
            &theme.signal_text,
            false,
        )));
    }
    if let Some(num) = &m.number {
        g.extend(number_badge(Point { x: m.x1, y: m.y }, num, theme));
    }
    let label = (!m.text.is_empty()).then(|| m.text.plain());
    drawing.items.push(Item::Group {
        class: "message".into(),
        id: Some(id.clone()),
        items: g,
    });
    let waypoints = match path.0.first() {
        Some(PathCmd::MoveTo(p)) => vec![*p, path.flatten(8).last().copied().unwrap_or(*p)],
        _ => vec![],
    };
    drawing.edges.push(EdgeGeometry {
        id: id.clone(),
        from: cols[m.from].id.clone(),
        to: cols[m.to].id.clone(),
        label: label.clone(),
        label_box: text_box,
        waypoints,
        path,
        arrow_start: Some(head_name(m.start)),
        arrow_end: Some(head_name(m.end)),
    });
    drawing.seq.messages.push(MessageGeometry {
        id,
        from: cols[m.from].id.clone(),
        to: cols[m.to].id.clone(),
        text: label.unwrap_or_default(),
        y: m.y,
        text_box,
        dotted: m.dotted,
    });
    let _ = m.index;
}

/// A message's line (a loop for a self message) and the x its text is centred on. The line stops where its
/// heads begin, short of central dots and of the number's disc.
fn message_path(
    m: &PlacedMessage,
    cols: &[Col],
    marker_start: Option<&Marker>,
    marker_end: Option<&Marker>,
) -> (Path, f64) {
    if m.from == m.to {
        let (x, y) = (m.x1, m.y);
        let end_x = x + marker_end.map_or(0.0, |mk| mk.kind.length());
        let path = Path(vec![
            PathCmd::MoveTo(Point { x, y }),
            PathCmd::CubicTo(
                Point {
                    x: x + SELF_W,
                    y: y - 6.0,
                },
                Point {
                    x: x + SELF_W,
                    y: y + SELF_H + 6.0,
                },
                Point {
                    x: end_x,
                    y: y + SELF_H,
                },
            ),
        ]);
        (path, cols[m.from].cx)
    } else {
        let dir = if m.x2 >= m.x1 { 1.0 } else { -1.0 };
        let mut start = m.x1;
        let mut end = m.x2;
        if let Some(mk) = marker_end {
            end -= dir * mk.kind.length();
        }
        if let Some(mk) = marker_start {
            start += dir * mk.kind.length();
        }
        // A central connection's dot sits on the lifeline; the line and its head stop at the dot's edge.
        if m.central_to {
            end -= dir * CENTRAL_DOT_R;
        }
        if m.central_from {
            start += dir * CENTRAL_DOT_R;
        }
        // A head at the start would lie under the sequence number's disc: it starts at the disc's edge.
        if marker_start.is_some() && m.number.is_some() {
            start += dir * NUMBER_R;
        }
        let path = Path(vec![
            PathCmd::MoveTo(Point { x: start, y: m.y }),
            PathCmd::LineTo(Point { x: end, y: m.y }),
        ]);
        (path, (m.x1 + m.x2) / 2.0)
    }
}

/// The disc and the text of a message's sequence number.
fn number_badge(center: Point, num: &str, theme: &Theme) -> [Item; 2] {
    let size = if num.len() > 2 { 9.0 } else { 12.0 };
    let disc = Item::Shape {
        geometry: ShapeGeometry::Ellipse {
            center,
            rx: NUMBER_R,
            ry: NUMBER_R,
        },
        style: Style {
            fill: Some(theme.sequence_number_fill.clone()),
            stroke: Some(theme.sequence_number_fill.clone()),
            stroke_width: 1.0,
            ..Default::default()
        },
    };
    let text = Item::Text(TextBlock {
        lines: vec![TextLine {
            x: center.x,
            baseline: center.y + size * 0.35,
            runs: vec![TextRun {
                text: num.to_string(),
                ..Default::default()
            }],
        }],
        anchor: TextAnchor::Middle,
        font_size: size,
        fill: theme.sequence_number_text.clone(),
        extra_css: vec![],
    });
    [disc, text]
}

fn head_marker(h: MessageHead) -> Option<MarkerKind> {
    match h {
        MessageHead::None => None,
        MessageHead::Filled => Some(MarkerKind::MessageArrow),
        MessageHead::Open => Some(MarkerKind::OpenArrow),
        MessageHead::Cross => Some(MarkerKind::Cross),
        MessageHead::HalfTop => Some(MarkerKind::HalfArrowTop),
        MessageHead::HalfBottom => Some(MarkerKind::HalfArrowBottom),
        MessageHead::StickTop => Some(MarkerKind::StickTop),
        MessageHead::StickBottom => Some(MarkerKind::StickBottom),
    }
}

fn head_name(h: MessageHead) -> &'static str {
    match h {
        MessageHead::None => "none",
        MessageHead::Filled => "arrow_point",
        MessageHead::Open => "arrow_open",
        MessageHead::Cross => "arrow_cross",
        MessageHead::HalfTop => "half_arrow_top",
        MessageHead::HalfBottom => "half_arrow_bottom",
        MessageHead::StickTop => "stick_top",
        MessageHead::StickBottom => "stick_bottom",
    }
}
