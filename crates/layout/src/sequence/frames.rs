//! Drawing the frames (`loop`, `alt`, `opt`, `par`, `critical`, `break`) and the `rect` highlights.

use super::*;

/// `rect` highlights, behind everything else.
pub(super) fn draw_highlights(drawing: &mut Drawing, frames: &[PlacedFrame]) {
    for f in frames.iter().filter(|f| f.kind == BlockKind::Rect) {
        let fill = f
            .color
            .as_deref()
            .and_then(safe_color)
            .unwrap_or_else(|| "rgba(0,0,0,0.05)".into());
        drawing.back.push(Item::Shape {
            geometry: ShapeGeometry::Rect { rect: f.rect, rx: 0.0 },
            style: Style {
                fill: Some(fill),
                ..Default::default()
            },
        });
    }
}

/// Every frame, outer first, with its geometry.
pub(super) fn draw_frames(drawing: &mut Drawing, frames: &[PlacedFrame], theme: &Theme) {
    // Frames are numbered in the order they open, so an enclosing frame comes before (and is drawn under) the
    // frames inside it.
    for f in frames {
        let text = f
            .label
            .lines
            .first()
            .filter(|_| !f.label.is_empty())
            .map(|_| format!("[{}]", f.label.plain()))
            .unwrap_or_default();
        drawing.seq.frames.push(FrameGeometry {
            kind: f.kind.name().into(),
            text,
            rect: f.rect,
            dividers: f.sections.iter().map(|s| s.0).collect(),
            parent: f.parent,
            messages: f.messages.clone(),
        });
        if f.kind == BlockKind::Rect {
            continue;
        }
        drawing.items.push(Item::Group {
            class: "frame".into(),
            id: None,
            items: draw_frame(f, theme),
        });
    }
}

/// Width of a frame's corner box: mermaid's 50, or more for a keyword that would not fit (`critical`).
pub(super) fn label_box_width(kind: BlockKind, theme: &Theme) -> f64 {
    (line_width(kind.name(), theme.font_size, Weight::Regular) + 18.0).max(LABEL_BOX_W)
}

fn draw_frame(f: &PlacedFrame, theme: &Theme) -> Vec<Item> {
    let r = f.rect;
    let dashed = Style {
        stroke: Some(theme.loop_line.clone()),
        stroke_width: 2.0,
        dash: Some("2,2".into()),
        ..Default::default()
    };
    let p = |x: f64, y: f64| Point { x, y };
    let mut out = vec![Item::Shape {
        geometry: ShapeGeometry::Rect { rect: r, rx: 0.0 },
        style: Style {
            fill: Some("none".into()),
            ..dashed.clone()
        },
    }];
    // The keyword in a box with a cut corner.
    let (lx, ly) = (r.x, r.y);
    let box_w = label_box_width(f.kind, theme);
    out.push(Item::Shape {
        geometry: ShapeGeometry::Polygon(vec![
            p(lx, ly),
            p(lx + box_w, ly),
            p(lx + box_w, ly + LABEL_BOX_H * 0.65),
            p(lx + box_w - 8.0, ly + LABEL_BOX_H),
            p(lx, ly + LABEL_BOX_H),
        ]),
        style: Style {
            fill: Some(theme.label_box_fill.clone()),
            stroke: Some(theme.label_box_stroke.clone()),
            stroke_width: 1.0,
            ..Default::default()
        },
    });
    let kw = Txt {
        lines: vec![f.kind.name().to_string()],
        width: 0.0,
    };
    out.push(Item::Text(text_block(
        &kw,
        lx + box_w / 2.0,
        ly + 1.5,
        theme,
        &theme.label_text,
        false,
    )));
    let cx = r.x + box_w + (r.width - box_w) / 2.0;
    if !f.label.is_empty() {
        let t = bracketed(&f.label);
        out.push(Item::Text(text_block(
            &t,
            cx,
            ly + 4.0,
            theme,
            &theme.label_text,
            false,
        )));
    }
    for (dy, label) in &f.sections {
        out.push(Item::Path {
            path: Path(vec![PathCmd::MoveTo(p(r.x, *dy)), PathCmd::LineTo(p(r.right(), *dy))]),
            style: Style {
                stroke_width: 2.0,
                dash: Some("3,3".into()),
                ..dashed.clone()
            },
            marker_start: None,
            marker_end: None,
        });
        if !label.is_empty() {
            let t = bracketed(label);
            out.push(Item::Text(text_block(
                &t,
                r.center().x,
                dy + 4.0,
                theme,
                &theme.label_text,
                false,
            )));
        }
    }
    out
}

pub(super) fn bracketed(t: &Txt) -> Txt {
    let mut lines = t.lines.clone();
    if let Some(first) = lines.first_mut() {
        *first = format!("[{first}");
    }
    if let Some(last) = lines.last_mut() {
        last.push(']');
    }
    Txt { lines, width: t.width }
}
