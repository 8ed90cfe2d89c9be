//! Label text end to end: HTML formatting, entities and line breaks as they come out of the SVG writer.

use mermaid_rs::{render_svg, Options};

fn svg(source: &str) -> String {
    render_svg(source, &Options::default()).expect("renders")
}

/// The text of every `<tspan>` line (direct children of `<text>`), with its formatted children as
/// `[attrs|text]`.
fn lines(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).expect("well-formed");
    let mut out = Vec::new();
    for line in doc
        .descendants()
        .filter(|n| n.has_tag_name("tspan") && n.parent().is_some_and(|p| p.has_tag_name("text")))
    {
        let mut s = String::new();
        for child in line.descendants().skip(1) {
            if let Some(t) = child.text().filter(|_| child.is_text()) {
                let parent = child.parent().filter(|p| p.has_tag_name("tspan") && *p != line);
                match parent {
                    Some(p) => {
                        let attrs: Vec<String> =
                            p.attributes().map(|a| format!("{}={}", a.name(), a.value())).collect();
                        s.push_str(&format!("[{}|{t}]", attrs.join(" ")));
                    }
                    None => s.push_str(t),
                }
            }
        }
        out.push(s);
    }
    out
}

#[test]
fn formatting_tags_are_drawn_not_printed() {
    let out = lines(&svg(
        "flowchart LR\n  A[\"<b>spec</b><hr>a <i>b</i> <u>c</u> <s>d</s> x<sub>2</sub>\"]",
    ));
    assert_eq!(
        out,
        [
            "[font-weight=bold|spec]",
            "a [font-style=italic|b] [text-decoration=underline|c] [text-decoration=line-through|d] x[font-size=13.333 baseline-shift=sub|2]"
        ]
    );
    let out = lines(&svg(
        "flowchart LR\n  A[\"<span style='color:red'>r</span> <a href='https://x.org'>l</a> <code>c</code>\"]",
    ));
    assert_eq!(
        out,
        ["[fill=red|r] [text-decoration=underline fill=#0000ee|l] [font-family=monospace|c]"]
    );
    assert!(svg("flowchart LR\n  A[\"<a href='https://x.org'>l</a>\"]").contains(r#"<a href="https://x.org">"#));
}

#[test]
fn entity_codes_and_unknown_tags_stay_text() {
    assert_eq!(
        lines(&svg("flowchart LR\n  A[\"#lt;b#gt;x#lt;/b#gt; &lt;i&gt;\"]")),
        ["<b>x</b> <i>"]
    );
    assert_eq!(
        lines(&svg("flowchart LR\n  A[\"a<foo>b</foo> <script>bad()</script>c\"]")),
        ["ab c"]
    );
    assert_eq!(lines(&svg("flowchart LR\n  A[\"5 > 3 && 2 < 4\"]")), ["5 > 3 && 2 < 4"]);
}

#[test]
fn line_breaks_in_every_form() {
    for source in [
        "flowchart LR\n  A[\"one<br>two\"]",
        "flowchart LR\n  A[\"one<br/>two\"]",
        "flowchart LR\n  A[\"one<br />two\"]",
        "flowchart LR\n  A[\"one<BR>two\"]",
        "flowchart LR\n  A[\"one\ntwo\"]",
        "flowchart LR\n  A[\"one\\ntwo\"]",
        "flowchart LR\n  A[one\\ntwo]",
    ] {
        assert_eq!(lines(&svg(source)), ["one", "two"], "{source:?}");
    }
    assert_eq!(
        lines(&svg("flowchart LR\n  A[\"`one\\ntwo`\"]")),
        ["one\\ntwo"],
        "markdown keeps \\n"
    );
    assert_eq!(
        lines(&svg("sequenceDiagram\n  A->>B: <b>x</b>"))
            .last()
            .map(String::as_str),
        Some("<b>x</b>"),
        "sequence prints tags"
    );
}

#[test]
fn long_labels_wrap_at_mermaids_widths() {
    let out = lines(&svg(
        "flowchart LR\n  A[This is a sentence-long label that mermaid wraps at two hundred pixels] -->|an edge label that is also long enough to wrap| B",
    ));
    assert_eq!(
        out,
        [
            "This is a sentence-long",
            "label that mermaid wraps",
            "at two hundred pixels",
            "B",
            "an edge label that is also",
            "long enough to wrap",
        ]
    );
}

/// Characters Liberation Sans lacks are measured alike (a fixed advance), so two labels that differ only in such a
/// character lay out identically: the PNGs differ only if the fallback face really draws each glyph, rather than
/// the same empty box for both.
#[test]
fn symbols_missing_from_the_main_face_are_drawn_by_the_fallback() {
    let png = |label: &str| {
        mermaid_rs::render_png(&format!("flowchart LR\n  A[\"{label} ok\"]"), &Options::default()).expect("png")
    };
    for (a, b) in [("✓", "✗"), ("★", "♻"), ("⇒", "┌"), ("→", "•")] {
        assert!(png(a) != png(b), "{a} and {b} are drawn alike");
    }
    assert!(png("✓") == png("✓"), "deterministic");
}
