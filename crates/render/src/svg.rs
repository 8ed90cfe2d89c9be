//! The SVG writer: one standalone, well-formed document per scene, byte-for-byte deterministic.

use mermaid_scene::style::safe_url;
use mermaid_scene::*;
use std::collections::BTreeSet;
use std::fmt::Write;

/// Options of the SVG writer.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SvgOptions {
    /// A CSS colour painted behind the drawing; `None` (or `transparent`) leaves it transparent.
    pub background: Option<String>,
    /// Write a still picture: leave out what only appears on hover (popup panels). Set when the SVG is to be
    /// rasterized.
    pub still: bool,
    /// Put before every id in the document (`{prefix}-title`, `{prefix}-m-arrow-end-0`), so that several
    /// diagrams inlined in one HTML page keep their own titles and markers. The caller makes it unique and
    /// valid (the facade: the `--svgId` or a hash of the source); empty leaves ids unprefixed.
    pub id_prefix: String,
}

/// Hides popup panels until the pointer is over their trigger or focus is inside it: no script needed.
const POPUP_CSS: &str = ".mrs-popup-panel{display:none}.mrs-popup:hover .mrs-popup-panel,.mrs-popup:focus-within .mrs-popup-panel{display:inline}";

/// Format a coordinate: at most three decimals, no trailing zeros, no `-0`.
pub(crate) fn num(v: f64) -> String {
    // Integer arithmetic on thousandths: much cheaper than float formatting, and the same digits.
    if !v.is_finite() || v.abs() >= 1e15 {
        return "0".into();
    }
    let thousandths = (v * 1000.0).round() as i64;
    if thousandths == 0 {
        return "0".into();
    }
    let mut s = String::with_capacity(12);
    if thousandths < 0 {
        s.push('-');
    }
    let abs = thousandths.unsigned_abs();
    let _ = write!(s, "{}", abs / 1000);
    let mut frac = abs % 1000;
    if frac != 0 {
        s.push('.');
        let mut digits = 3;
        while frac % 10 == 0 {
            frac /= 10;
            digits -= 1;
        }
        let _ = write!(s, "{frac:0digits$}");
    }
    s
}

/// Escape text for XML content and attribute values; characters XML 1.0 forbids are dropped.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || matches!(c as u32, 0xFFFE | 0xFFFF) => {}
            c => out.push(c),
        }
    }
    out
}

/// A CSS colour, validated against the colour grammar: `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`, a keyword
/// (letters only: `red`, `transparent`, `currentColor`), or `rgb(…)`, `rgba(…)`, `hsl(…)`, `hsla(…)` over
/// numbers, `%`, `.`, `,`, `/`, `-` and spaces. Anything else becomes `black`, so no colour can carry a URL,
/// `expression(…)` or markup into the SVG.
pub(crate) fn color(c: &str) -> String {
    if is_css_color(c.trim()) {
        c.trim().to_string()
    } else {
        "black".into()
    }
}

fn is_css_color(c: &str) -> bool {
    if c.is_empty() || c.len() > 64 {
        return false;
    }
    if let Some(hex) = c.strip_prefix('#') {
        return matches!(hex.len(), 3 | 4 | 6 | 8) && hex.chars().all(|ch| ch.is_ascii_hexdigit());
    }
    if c.chars().all(|ch| ch.is_ascii_alphabetic()) {
        return true;
    }
    let lower = c.to_ascii_lowercase();
    for f in ["rgba(", "rgb(", "hsla(", "hsl("] {
        if let Some(args) = lower.strip_prefix(f).and_then(|r| r.strip_suffix(')')) {
            return args
                .chars()
                .all(|ch| ch.is_ascii_digit() || " .,%/-+eE".contains(ch) || ch == 'd' || ch == 'g');
        }
    }
    false
}

fn marker_id(prefix: &str, kind: MarkerKind, color_value: &str, start: bool, colors: &[String]) -> String {
    let name = match kind {
        MarkerKind::Arrow => "arrow",
        MarkerKind::MessageArrow => "message-arrow",
        MarkerKind::Circle => "circle",
        MarkerKind::Cross => "cross",
        MarkerKind::OnlyOne => "er-only-one",
        MarkerKind::ZeroOrOne => "er-zero-or-one",
        MarkerKind::OneOrMore => "er-one-or-more",
        MarkerKind::ZeroOrMore => "er-zero-or-more",
        MarkerKind::MdParent => "er-md-parent",
        MarkerKind::OpenArrow => "open",
        MarkerKind::HalfArrowTop => "half-top",
        MarkerKind::HalfArrowBottom => "half-bottom",
        MarkerKind::StickTop => "stick-top",
        MarkerKind::StickBottom => "stick-bottom",
        MarkerKind::Extension => "class-extension",
        MarkerKind::Composition => "class-composition",
        MarkerKind::Aggregation => "class-aggregation",
        MarkerKind::Dependency => "class-dependency",
        MarkerKind::Lollipop => "class-lollipop",
    };
    let ci = colors.iter().position(|c| c == color_value).unwrap_or(0);
    format!("{prefix}m-{name}-{}-{ci}", if start { "start" } else { "end" })
}

/// What the document needs ahead of its drawing: every marker in use, and whether any popup needs its style.
#[derive(Default)]
struct Needs {
    markers: BTreeSet<(MarkerKind, bool, String)>,
    popup_style: bool,
}

fn collect_needs(items: &[Item], needs: &mut Needs) {
    for item in items {
        match item {
            Item::Group { items, .. } | Item::Link { items, .. } => collect_needs(items, needs),
            Item::Popup { trigger, panel } => {
                needs.popup_style = true;
                collect_needs(trigger, needs);
                collect_needs(panel, needs);
            }
            Item::Path {
                marker_start,
                marker_end,
                ..
            } => {
                if let Some(m) = marker_start {
                    needs.markers.insert((m.kind, true, m.color.clone()));
                }
                if let Some(m) = marker_end {
                    needs.markers.insert((m.kind, false, m.color.clone()));
                }
            }
            _ => {}
        }
    }
}

fn write_marker(out: &mut String, kind: MarkerKind, start: bool, color_value: &str, id: &str) {
    let c = escape(&color(color_value));
    if let Some(body) = er_marker_body(kind, start, &c) {
        // ER markers lie along the line: `length` units long in user space, 20 across, from the path's end (the
        // start marker: its start) to the entity border.
        let len = num(kind.length());
        let ref_x = if start { len.as_str() } else { "0" };
        let _ = write!(
            out,
            r#"<marker id="{id}" viewBox="0 0 {len} 20" refX="{ref_x}" refY="10" markerUnits="userSpaceOnUse" markerWidth="{len}" markerHeight="20" orient="auto" overflow="visible"><g fill="none" stroke="{c}" stroke-width="1">{body}</g></marker>"#
        );
        return;
    }
    // Every marker is drawn in a 10×10 box scaled to its length; the path ends where the marker's base is, so
    // the far side of the marker lands on the node outline.
    let size = num(kind.length());
    let ref_x = if start { 10 } else { 0 };
    let body = match (kind, start) {
        (MarkerKind::Arrow, false) => {
            format!(r#"<path d="M0,0L10,5L0,10z" fill="{c}" stroke="{c}" stroke-width="1"/>"#)
        }
        (MarkerKind::Arrow, true) => {
            format!(r#"<path d="M10,0L0,5L10,10z" fill="{c}" stroke="{c}" stroke-width="1"/>"#)
        }
        // A little less tall than long, and without an outline stroke that would blunt the tip.
        (MarkerKind::MessageArrow, false) => format!(r#"<path d="M0,0.5L10,5L0,9.5z" fill="{c}"/>"#),
        (MarkerKind::MessageArrow, true) => format!(r#"<path d="M10,0.5L0,5L10,9.5z" fill="{c}"/>"#),
        (MarkerKind::Circle, _) => {
            format!(r#"<circle cx="5" cy="5" r="5" fill="{c}" stroke="{c}" stroke-width="1"/>"#)
        }
        (MarkerKind::Cross, _) => {
            format!(r#"<path d="M1,1L9,9M1,9L9,1" fill="none" stroke="{c}" stroke-width="2"/>"#)
        }
        // Heads that do not cover the line's last stretch draw it themselves (the `M…,5L…,5` spine).
        // The dart's wings reach a little outside the box (the marker does not clip); the line runs into its
        // notch.
        (MarkerKind::OpenArrow, false) => format!(r#"<path d="M10,5L0,-0.5L4,5L0,10.5z" fill="{c}"/>"#),
        (MarkerKind::OpenArrow, true) => format!(r#"<path d="M0,5L10,-0.5L6,5L10,10.5z" fill="{c}"/>"#),
        (MarkerKind::HalfArrowTop, false) => format!(r#"<path d="M0,5L10,5L10,-3z" fill="{c}"/>"#),
        (MarkerKind::HalfArrowTop, true) => format!(r#"<path d="M10,5L0,5L0,-3z" fill="{c}"/>"#),
        (MarkerKind::HalfArrowBottom, false) => format!(r#"<path d="M0,13L10,5L0,5z" fill="{c}"/>"#),
        (MarkerKind::HalfArrowBottom, true) => format!(r#"<path d="M10,13L0,5L10,5z" fill="{c}"/>"#),
        (MarkerKind::StickTop, false) => {
            format!(r#"<path d="M1,0L10,5M0,5L10,5" fill="none" stroke="{c}" stroke-width="1.5"/>"#)
        }
        (MarkerKind::StickTop, true) => {
            format!(r#"<path d="M9,0L0,5M0,5L10,5" fill="none" stroke="{c}" stroke-width="1.5"/>"#)
        }
        (MarkerKind::StickBottom, false) => {
            format!(r#"<path d="M1,10L10,5M0,5L10,5" fill="none" stroke="{c}" stroke-width="1.5"/>"#)
        }
        (MarkerKind::StickBottom, true) => {
            format!(r#"<path d="M9,10L0,5M0,5L10,5" fill="none" stroke="{c}" stroke-width="1.5"/>"#)
        }
        _ => String::new(),
    };
    let _ = write!(
        out,
        r#"<marker id="{id}" viewBox="0 0 10 10" refX="{ref_x}" refY="5" markerUnits="userSpaceOnUse" markerWidth="{size}" markerHeight="{size}" orient="auto" overflow="visible">{body}</marker>"#
    );
}

/// The drawing of an ER cardinality marker or a class relation end, or `None` for other markers. Drawn for the end of a path: the path
/// ends at x = 0, the entity border is at x = length, the line runs along y = 10. Start markers are mirrored.
fn er_marker_body(kind: MarkerKind, start: bool, c: &str) -> Option<String> {
    let l = kind.length();
    // Distances are measured back from the border, so both variants share one description.
    let x = |from_border: f64| num(if start { from_border } else { l - from_border });
    let line = |a: f64, b: f64| format!("M{},10L{},10", x(a), x(b));
    let bar = |d: f64| format!("M{},1L{},19", x(d), x(d));
    let foot = |d: f64| {
        // A crow's foot: from the line `d` before the border, spreading to the border.
        format!(
            "M{a},10Q{m},1 {b},1M{a},10Q{m},19 {b},19",
            a = x(d),
            m = x(d / 2.0),
            b = x(0.0)
        )
    };
    let circle = |d: f64| format!(r#"<circle cx="{}" cy="10" r="6" fill="white" stroke="{c}"/>"#, x(d));
    let path = |d: String| format!(r#"<path d="{d}"/>"#);
    Some(match kind {
        MarkerKind::OnlyOne => path(format!("{}{}{}", line(l, 0.0), bar(15.0), bar(9.0))),
        MarkerKind::ZeroOrOne => format!("{}{}", path(format!("{}{}", line(15.0, 0.0), bar(9.0))), circle(21.0)),
        MarkerKind::OneOrMore => path(format!("{}{}{}", line(l, 0.0), bar(24.0), foot(18.0))),
        MarkerKind::ZeroOrMore => format!("{}{}", path(format!("{}{}", line(24.0, 0.0), foot(18.0))), circle(30.0)),
        MarkerKind::MdParent => format!(
            r#"<path d="M{},10L{},4L{},10L{},16Z" fill="white"/>"#,
            x(18.0),
            x(9.0),
            x(0.0),
            x(9.0)
        ),
        // Class relation ends, described from the border (0) back along the line.
        MarkerKind::Extension => format!(r#"<path d="M{},10L{},3L{},17Z"/>"#, x(0.0), x(18.0), x(18.0)),
        MarkerKind::Composition | MarkerKind::Aggregation => format!(
            r#"<path d="M{},10L{},4L{},10L{},16Z"{}/>"#,
            x(0.0),
            x(9.0),
            x(18.0),
            x(9.0),
            if kind == MarkerKind::Composition {
                format!(r#" fill="{c}""#)
            } else {
                String::new()
            }
        ),
        MarkerKind::Dependency => format!(
            r#"<path d="M{},10L{},4L{},10L{},16Z" fill="{c}"/>"#,
            x(0.0),
            x(10.0),
            x(7.0),
            x(10.0)
        ),
        MarkerKind::Lollipop => format!(r#"<circle cx="{}" cy="10" r="6" fill="white"/>"#, x(6.0)),
        _ => return None,
    })
}

fn path_data(path: &Path) -> String {
    let mut d = String::new();
    for cmd in &path.0 {
        match *cmd {
            PathCmd::MoveTo(p) => {
                let _ = write!(d, "M{},{}", num(p.x), num(p.y));
            }
            PathCmd::LineTo(p) => {
                let _ = write!(d, "L{},{}", num(p.x), num(p.y));
            }
            PathCmd::CubicTo(a, b, p) => {
                let _ = write!(
                    d,
                    "C{},{} {},{} {},{}",
                    num(a.x),
                    num(a.y),
                    num(b.x),
                    num(b.y),
                    num(p.x),
                    num(p.y)
                );
            }
            PathCmd::ArcTo {
                rx,
                ry,
                rotation,
                large_arc,
                sweep,
                to,
            } => {
                let _ = write!(
                    d,
                    "A{},{} {} {} {} {},{}",
                    num(rx),
                    num(ry),
                    num(rotation),
                    u8::from(large_arc),
                    u8::from(sweep),
                    num(to.x),
                    num(to.y)
                );
            }
            PathCmd::Close => d.push('Z'),
        }
    }
    d
}

fn style_attrs(style: &Style) -> String {
    let mut s = String::new();
    if let Some(f) = &style.fill {
        let _ = write!(s, r#" fill="{}""#, escape(&color(f)));
    }
    if let Some(st) = &style.stroke {
        let _ = write!(
            s,
            r#" stroke="{}" stroke-width="{}""#,
            escape(&color(st)),
            num(style.stroke_width)
        );
    }
    if let Some(dash) = &style.dash {
        let _ = write!(s, r#" stroke-dasharray="{}""#, escape(dash));
    }
    s.push_str(&css_attr(&style.extra_css));
    s
}

fn css_attr(decls: &[(String, String)]) -> String {
    if decls.is_empty() {
        return String::new();
    }
    let css: Vec<String> = decls.iter().map(|(k, v)| format!("{k}:{v}")).collect();
    format!(r#" style="{}""#, escape(&css.join(";")))
}

struct Writer<'a> {
    out: String,
    colors: &'a [String],
    still: bool,
    /// The id prefix with its `-` (or nothing).
    prefix: &'a str,
}

impl Writer<'_> {
    fn items(&mut self, items: &[Item]) {
        for item in items {
            self.item(item);
        }
    }

    fn item(&mut self, item: &Item) {
        match item {
            Item::Link { href, tooltip, items } => {
                let _ = write!(self.out, r#"<a href="{}">"#, escape(href));
                if let Some(t) = tooltip {
                    let _ = write!(self.out, "<title>{}</title>", escape(t));
                }
                self.items(items);
                self.out.push_str("</a>");
            }
            Item::Popup { trigger, panel } => {
                if self.still {
                    self.items(trigger);
                    return;
                }
                // Focusable, so keyboard users can open the panel and tab to its links.
                self.out.push_str(r#"<g class="mrs-popup" tabindex="0">"#);
                self.items(trigger);
                self.out.push_str(r#"<g class="mrs-popup-panel">"#);
                self.items(panel);
                self.out.push_str("</g></g>");
            }
            Item::Group { class, id, items } => {
                let id_attr = id
                    .as_ref()
                    .map(|i| format!(r#" data-id="{}""#, escape(i)))
                    .unwrap_or_default();
                let _ = write!(self.out, r#"<g class="{}"{id_attr}>"#, escape(class));
                self.items(items);
                self.out.push_str("</g>");
            }
            Item::Shape { geometry, style } => {
                let attrs = style_attrs(style);
                let _ = match geometry {
                    ShapeGeometry::Rect { rect, rx } => {
                        let rx = if *rx > 0.0 {
                            format!(r#" rx="{0}" ry="{0}""#, num(*rx))
                        } else {
                            String::new()
                        };
                        write!(
                            self.out,
                            r#"<rect x="{}" y="{}" width="{}" height="{}"{rx}{attrs}/>"#,
                            num(rect.x),
                            num(rect.y),
                            num(rect.width),
                            num(rect.height)
                        )
                    }
                    ShapeGeometry::Ellipse { center, rx, ry } if (rx - ry).abs() < 1e-9 => write!(
                        self.out,
                        r#"<circle cx="{}" cy="{}" r="{}"{attrs}/>"#,
                        num(center.x),
                        num(center.y),
                        num(*rx)
                    ),
                    ShapeGeometry::Ellipse { center, rx, ry } => write!(
                        self.out,
                        r#"<ellipse cx="{}" cy="{}" rx="{}" ry="{}"{attrs}/>"#,
                        num(center.x),
                        num(center.y),
                        num(*rx),
                        num(*ry)
                    ),
                    ShapeGeometry::Polygon(points) => {
                        let pts: Vec<String> = points.iter().map(|p| format!("{},{}", num(p.x), num(p.y))).collect();
                        write!(self.out, r#"<polygon points="{}"{attrs}/>"#, pts.join(" "))
                    }
                    ShapeGeometry::Path(path) => {
                        write!(self.out, r#"<path d="{}"{attrs}/>"#, path_data(path))
                    }
                };
            }
            Item::Path {
                path,
                style,
                marker_start,
                marker_end,
            } => {
                let mut attrs = style_attrs(style);
                if let Some(m) = marker_start {
                    let _ = write!(
                        attrs,
                        r#" marker-start="url(#{})""#,
                        marker_id(self.prefix, m.kind, &m.color, true, self.colors)
                    );
                }
                if let Some(m) = marker_end {
                    let _ = write!(
                        attrs,
                        r#" marker-end="url(#{})""#,
                        marker_id(self.prefix, m.kind, &m.color, false, self.colors)
                    );
                }
                let _ = write!(self.out, r#"<path d="{}"{attrs}/>"#, path_data(path));
            }
            Item::Text(block) => self.text(block),
        }
    }

    fn text(&mut self, block: &TextBlock) {
        let anchor = match block.anchor {
            TextAnchor::Start => "start",
            TextAnchor::Middle => "middle",
            TextAnchor::End => "end",
        };
        let _ = write!(
            self.out,
            r#"<text text-anchor="{anchor}" font-size="{}" fill="{}" xml:space="preserve"{}>"#,
            num(block.font_size),
            escape(&color(&block.fill)),
            css_attr(&block.extra_css)
        );
        for line in &block.lines {
            let _ = write!(self.out, r#"<tspan x="{}" y="{}">"#, num(line.x), num(line.baseline));
            for run in &line.runs {
                self.run(run, block.font_size);
            }
            self.out.push_str("</tspan>");
        }
        self.out.push_str("</text>");
    }
}

impl Writer<'_> {
    /// One run of a text line: plain text, or a `<tspan>` with its formatting (inside an `<a>` for a link).
    fn run(&mut self, run: &TextRun, font_size: f64) {
        let attrs = run_attributes(run, font_size);
        let href = run.format.href.as_deref().and_then(safe_url);
        if let Some(href) = &href {
            let _ = write!(self.out, r#"<a href="{}">"#, escape(href));
        }
        if attrs.is_empty() {
            self.out.push_str(&escape(&run.text));
        } else {
            let _ = write!(self.out, "<tspan{attrs}>{}</tspan>", escape(&run.text));
        }
        if href.is_some() {
            self.out.push_str("</a>");
        }
    }
}

/// The presentation attributes of a formatted run (empty for plain text).
fn run_attributes(run: &TextRun, font_size: f64) -> String {
    let f = &run.format;
    let mut attrs = String::new();
    if run.bold {
        attrs.push_str(r#" font-weight="bold""#);
    }
    if run.italic {
        attrs.push_str(r#" font-style="italic""#);
    }
    let decoration = match (f.underline, f.strike) {
        (true, true) => Some("underline line-through"),
        (true, false) => Some("underline"),
        (false, true) => Some("line-through"),
        (false, false) => None,
    };
    if let Some(d) = decoration {
        let _ = write!(attrs, r#" text-decoration="{d}""#);
    }
    if f.monospace {
        attrs.push_str(r#" font-family="monospace""#);
    }
    if f.size != RunSize::Normal {
        let _ = write!(attrs, r#" font-size="{}""#, num(font_size * f.size.scale()));
    }
    match f.size {
        RunSize::Sub => attrs.push_str(r#" baseline-shift="sub""#),
        RunSize::Sup => attrs.push_str(r#" baseline-shift="super""#),
        _ => {}
    }
    let fill = match &f.color {
        Some(c) if is_css_color(c.trim()) => Some(c.trim()),
        _ if f.href.is_some() => Some("#0000ee"),
        _ => None,
    };
    if let Some(fill) = fill {
        let _ = write!(attrs, r#" fill="{}""#, escape(fill));
    }
    attrs
}

/// Write `scene` as a standalone SVG document.
pub fn write_svg(scene: &Scene, options: &SvgOptions) -> String {
    let mut needs = Needs::default();
    collect_needs(&scene.items, &mut needs);
    let markers = needs.markers;
    let colors: Vec<String> = markers
        .iter()
        .map(|(_, _, c)| c.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();

    let prefix = if options.id_prefix.is_empty() {
        String::new()
    } else {
        format!("{}-", escape(&options.id_prefix))
    };
    let (w, h) = (num(scene.width), num(scene.height));
    let mut out = String::with_capacity(4096 + scene.items.len() * 256);
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="graphics-document document" aria-roledescription="{}""#,
        escape(scene.kind)
    );
    if scene.acc_title.is_some() {
        let _ = write!(out, r#" aria-labelledby="{prefix}chart-title""#);
    }
    if scene.acc_descr.is_some() {
        let _ = write!(out, r#" aria-describedby="{prefix}chart-desc""#);
    }
    out.push('>');
    if let Some(t) = &scene.acc_title {
        let _ = write!(out, r#"<title id="{prefix}chart-title">{}</title>"#, escape(t));
    }
    if let Some(d) = &scene.acc_descr {
        let _ = write!(out, r#"<desc id="{prefix}chart-desc">{}</desc>"#, escape(d));
    }
    if !markers.is_empty() {
        out.push_str("<defs>");
        for (kind, start, c) in &markers {
            write_marker(
                &mut out,
                *kind,
                *start,
                c,
                &marker_id(&prefix, *kind, c, *start, &colors),
            );
        }
        out.push_str("</defs>");
    }
    if let Some(bg) = options
        .background
        .as_deref()
        .filter(|b| !b.eq_ignore_ascii_case("transparent"))
    {
        let _ = write!(
            out,
            r#"<rect x="0" y="0" width="{w}" height="{h}" fill="{}"/>"#,
            escape(&color(bg))
        );
    }
    if !options.still && needs.popup_style {
        let _ = write!(out, "<style>{POPUP_CSS}</style>");
    }
    let _ = write!(out, r#"<g font-family="{}">"#, escape(mermaid_text::FONT_STACK));
    let mut writer = Writer {
        out,
        colors: &colors,
        still: options.still,
        prefix: &prefix,
    };
    writer.items(&scene.items);
    let mut out = writer.out;
    out.push_str("</g></svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short_and_stable() {
        assert_eq!(num(1.0), "1");
        assert_eq!(num(1.23456), "1.235");
        assert_eq!(num(-0.0001), "0");
        assert_eq!(num(f64::NAN), "0");
        assert_eq!(num(0.05), "0.05");
        assert_eq!(num(-12.5), "-12.5");
        assert_eq!(num(100.0), "100");
        assert_eq!(num(3.0001), "3");
        assert_eq!(num(0.0404), "0.04");
    }

    #[test]
    fn escaping_neutralizes_markup() {
        assert_eq!(
            escape(r#"<script>"a"&'b'</script>"#),
            "&lt;script&gt;&quot;a&quot;&amp;&#39;b&#39;&lt;/script&gt;"
        );
        assert_eq!(escape("a\u{0}b"), "ab");
        assert_eq!(color("red;x:url(evil)"), "black");
        assert_eq!(color("url(x)"), "black");
        assert_eq!(color("rgba(1,2,3,0.5)"), "rgba(1,2,3,0.5)");
        assert_eq!(color("hsl(120deg, 50%, 50%)"), "hsl(120deg, 50%, 50%)");
        assert_eq!(color("#F9f"), "#F9f");
        assert_eq!(color("transparent"), "transparent");
        for bad in [
            "expression(alert(1))",
            "#12345",
            "rgb(1,2,3",
            "red blue",
            "javascript:x",
            "#fff\" onload=\"x",
        ] {
            assert_eq!(color(bad), "black", "{bad}");
        }
    }
}
