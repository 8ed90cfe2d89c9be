//! Injection: hostile text in every place a diagram can hold text must come out of the SVG writer as inert
//! text. Each output is parsed with an XML parser and every element and attribute is checked against an
//! allow-list: no `<script>`, `<foreignObject>` or `on*` attributes; links only to `http`, `https` and `mailto`
//! URLs; no `<style>` but our own fixed popup rules; no `javascript:` or `data:` URLs, no
//! `url(…)`/`expression(…)` in style values.

use mermaid_rs::{render_svg, Options};

/// Hostile payloads, raw and entity-encoded (Mermaid's `#lt;` codes, numeric codes, HTML entities).
const PAYLOADS: &[&str] = &[
    "<script>alert(1)</script>",
    "#lt;script#gt;alert(1)#lt;/script#gt;",
    "#60;script#62;alert(1)#60;/script#62;",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;script&#62;alert(1)",
    "<img src=x onerror=alert(1)>",
    "#lt;img src=x onerror=alert(1)#gt;",
    "<svg onload=alert(1)>",
    "<svg/onload=alert(1)>",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "data:image/svg+xml,<svg onload=alert(1)>",
    "</style><script>alert(1)</script>",
    "</text><script>alert(1)</script>",
    "\"><script>alert(1)</script>",
    "'><script>alert(1)</script>",
    "\" onmouseover=\"alert(1)",
    "' onmouseover='alert(1)",
    "x onclick=alert(1)",
    "<foreignObject><div xmlns='http://www.w3.org/1999/xhtml'>x</div></foreignObject>",
    "#lt;foreignObject#gt;#lt;div#gt;x#lt;/div#gt;#lt;/foreignObject#gt;",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<a xlink:href=\"javascript:alert(1)\">x</a>",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "<math><mtext><script>alert(1)</script></mtext></math>",
    "<![CDATA[<script>alert(1)</script>]]>",
    "]]><script>alert(1)</script>",
    "<!-- --><script>alert(1)</script>",
    "<?xml-stylesheet href=\"javascript:alert(1)\"?>",
    "<!DOCTYPE x [<!ENTITY e \"boom\">]>&e;",
    "red;background:url(javascript:alert(1))",
    "url(javascript:alert(1))",
    "url(data:image/svg+xml,x)",
    "expression(alert(1))",
    "red}</style><script>alert(1)</script>",
    "red\\;x:url(evil)",
    "@import 'http://evil/x.css'",
    "#ff0000\" onload=\"alert(1)",
    "a\u{0}b\u{1}c\u{b}d\u{fffe}e",
    "<b onclick=alert(1)>bold</b><br><i>it</i>",
    "<use href=\"data:image/svg+xml,x#y\"/>",
    "<animate attributeName=href to=javascript:alert(1)>",
    "<set attributeName=onclick to=alert(1)>",
    // HTML formatting that labels keep: colours, links, sizes must not carry anything else through.
    "<span style='color:red;background:url(javascript:alert(1))'>x</span>",
    "<span style=\"color:expression(alert(1))\">x</span>",
    "<span style='color:red\" onload=\"alert(1)'>x</span>",
    "<font color='red\" onload=\"alert(1)'>x</font>",
    "<font color=\"url(javascript:alert(1))\">x</font>",
    "<a href='https://example.com' onclick='alert(1)'>x</a>",
    "<a href='https://example.com/\"><script>alert(1)</script>'>x</a>",
    "<a href=' javascript:alert(1)'>x</a><a href=mailto:x@y.z>m</a>",
    "<sub onmouseover=alert(1)>2</sub><sup style='x:url(y)'>3</sup>",
    "<code><script>alert(1)</script></code><kbd onclick=x>k</kbd>",
    "<u><s><small><big><mark>x</mark></big></small></s></u>",
    "<p onclick=alert(1)>p</p><div style='background:url(x)'>d</div><h1 onload=x>h</h1>",
    "<hr onclick=alert(1)><hr/>",
    "<style>*{background:url(javascript:alert(1))}</style>x",
    // Bare words that only matter if they end up as markup or attribute names (class names, callbacks).
    "onmouseover",
    "script",
    "foreignObject",
];

/// Places text can go. `{P}` is replaced by the payload; `{J}` by the payload as a JSON string body.
const PLACES: &[&str] = &[
    // Flowchart
    "flowchart LR\n  A[{P}] --> B",
    "flowchart LR\n  A[\"{P}\"] --> B",
    "flowchart LR\n  A[\"`{P}`\"] --> B",
    "flowchart LR\n  A({P}) --> B{{P}}",
    "flowchart LR\n  A@{ shape: doc, label: \"{P}\" } --> B",
    "flowchart LR\n  A -->|{P}| B",
    "flowchart LR\n  A -->|\"{P}\"| B",
    "flowchart LR\n  A -- {P} --> B",
    "flowchart LR\n  subgraph S [{P}]\n    A\n  end",
    "flowchart LR\n  subgraph S [\"{P}\"]\n    A\n  end",
    "flowchart LR\n  subgraph {P}\n    A\n  end",
    "flowchart LR\n  A --> B\n  classDef hot fill:{P},stroke:{P},color:{P}\n  class A hot",
    "flowchart LR\n  A --> B\n  style A fill:{P},stroke:{P},color:{P},stroke-dasharray:{P}",
    "flowchart LR\n  A --> B\n  style A {P}:red",
    "flowchart LR\n  A --> B\n  linkStyle 0 stroke:{P},color:{P}",
    "flowchart LR\n  A:::{P} --> B",
    "flowchart LR\n  A --> B\n  class A {P}",
    "flowchart LR\n  A --> B\n  click A \"{P}\" \"{P}\"",
    "flowchart LR\n  A --> B\n  click A href \"{P}\" \"{P}\" _blank",
    "flowchart LR\n  A --> B\n  click A href \"https://example.com/\" \"{P}\" _blank",
    "flowchart LR\n  A --> B\n  click A call {P}()",
    "flowchart LR\n  accTitle: {P}\n  accDescr: {P}\n  A --> B",
    "flowchart LR\n  accDescr {\n    {P}\n  }\n  A --> B",
    "---\ntitle: {P}\n---\nflowchart LR\n  A --> B",
    "---\nconfig:\n  themeVariables:\n    primaryColor: \"{J}\"\n---\nflowchart LR\n  A --> B",
    "%%{init: {\"themeVariables\": {\"primaryColor\": \"{J}\", \"lineColor\": \"{J}\", \"primaryTextColor\": \"{J}\", \"fontFamily\": \"{J}\"}}}%%\nflowchart LR\n  A --> B",
    "%%{init: {\"fontSize\": \"{J}\", \"theme\": \"{J}\"}}%%\nflowchart LR\n  A --> B",
    "%%{init: {\"flowchart\": {\"curve\": \"{J}\"}, \"themeVariables\": {\"background\": \"{J}\"}}}%%\nflowchart LR\n  A --> B",
    "flowchart LR\n  A --> B\n  A@{ icon: \"{P}\", img: \"{P}\" }",
    // Sequence
    "sequenceDiagram\n  participant A as {P}\n  A->>B: hi",
    "sequenceDiagram\n  actor A as {P}\n  A->>B: hi",
    "sequenceDiagram\n  A->>B: {P}",
    "sequenceDiagram\n  A-)B: {P}\n  B--xA: {P}",
    "sequenceDiagram\n  Note over A: {P}\n  Note right of A: {P}",
    "sequenceDiagram\n  box {P} Title\n    participant A\n  end\n  A->>A: x",
    "sequenceDiagram\n  box rgb(1,2,3) {P}\n    participant A\n  end\n  A->>A: x",
    "sequenceDiagram\n  rect {P}\n    A->>B: x\n  end",
    "sequenceDiagram\n  loop {P}\n    A->>B: x\n  end",
    "sequenceDiagram\n  alt {P}\n    A->>B: x\n  else {P}\n    B->>A: y\n  end",
    "sequenceDiagram\n  participant A\n  link A: {P} @ {P}\n  A->>B: x",
    "sequenceDiagram\n  participant A\n  link A: {P} @ https://example.com/docs\n  A->>B: x",
    "sequenceDiagram\n  participant A\n  links A: {\"{J}\": \"{J}\"}\n  A->>B: x",
    "sequenceDiagram\n  title {P}\n  A->>B: x",
    "sequenceDiagram\n  accTitle: {P}\n  accDescr: {P}\n  A->>B: x",
    "sequenceDiagram\n  participant A as {P}\n  activate A\n  A->>A: x\n  deactivate A",
    // ER
    "erDiagram\n  CUSTOMER[\"{P}\"] ||--o{ ORDER : places",
    "erDiagram\n  CUSTOMER ||--o{ ORDER : \"{P}\"",
    "erDiagram\n  CUSTOMER ||--o{ ORDER : {P}",
    "erDiagram\n  CUSTOMER {\n    string {P}\n  }",
    "erDiagram\n  CUSTOMER {\n    {P} name\n  }",
    "erDiagram\n  CUSTOMER {\n    string name PK \"{P}\"\n  }",
    "erDiagram\n  CUSTOMER\n  style CUSTOMER fill:{P},stroke:{P},color:{P}",
    "erDiagram\n  CUSTOMER:::{P}\n  classDef {P} fill:{P}",
    "erDiagram\n  accTitle: {P}\n  CUSTOMER ||--o{ ORDER : places",
    // Class diagram
    "classDiagram\n  class A[\"{P}\"]",
    "classDiagram\n  class `{P}`\n  `{P}` --> B",
    "classDiagram\n  class A {\n    {P}\n    +run({P}) {P}\n  }",
    "classDiagram\n  A : {P}\n  A : +{P}()$",
    "classDiagram\n  class A~{P}~",
    "classDiagram\n  class A {\n    <<{P}>>\n  }",
    "classDiagram\n  A \"{P}\" --> \"{P}\" B : {P}",
    "classDiagram\n  A --() {P}",
    "classDiagram\n  note \"{P}\"\n  note for A \"{P}\"\n  class A",
    "classDiagram\n  namespace N[\"{P}\"] {\n    class A\n  }",
    "classDiagram\n  class A\n  style A fill:{P},stroke:{P},color:{P}",
    "classDiagram\n  class A:::x\n  classDef x fill:{P},color:{P}",
    "classDiagram\n  class A\n  link A \"{P}\" \"{P}\"\n  click A href \"{P}\"",
    "classDiagram\n  class A\n  callback A \"{P}\" \"{P}\"",
    "classDiagram\n  accTitle: {P}\n  accDescr: {P}\n  class A",
    // State
    "stateDiagram-v2\n  A : {P}\n  A --> B : {P}",
    "stateDiagram-v2\n  state \"{P}\" as A\n  A : {P}\n  A : {P}",
    "stateDiagram-v2\n  state A {\n    [*] --> B\n  }\n  A : {P}",
    "stateDiagram-v2\n  A --> B\n  note right of A : {P}\n  note left of B\n    {P}\n  end note",
    "stateDiagram-v2\n  A:::{P} --> B\n  classDef {P} fill:{P},color:{P}\n  style B fill:{P},stroke:{P}",
    "stateDiagram-v2\n  A --> B\n  click A \"{P}\" \"{P}\"",
    "stateDiagram-v2\n  accTitle: {P}\n  accDescr: {P}\n  A --> B",
];

/// Elements the SVG writer may produce.
const ELEMENTS: &[&str] = &[
    "svg", "g", "rect", "circle", "ellipse", "polygon", "polyline", "line", "path", "text", "tspan", "title", "desc",
    "defs", "marker", "a", "style",
];

/// Attributes the SVG writer may produce.
const ATTRIBUTES: &[&str] = &[
    "xmlns",
    "width",
    "height",
    "viewBox",
    "role",
    "aria-roledescription",
    "aria-labelledby",
    "aria-describedby",
    "id",
    "class",
    "data-id",
    "x",
    "y",
    "rx",
    "ry",
    "cx",
    "cy",
    "r",
    "d",
    "points",
    "fill",
    "stroke",
    "stroke-width",
    "stroke-dasharray",
    "style",
    "marker-start",
    "marker-end",
    "text-anchor",
    "font-size",
    "font-family",
    "font-weight",
    "font-style",
    "text-decoration",
    "baseline-shift",
    "space",
    "refX",
    "refY",
    "markerUnits",
    "markerWidth",
    "markerHeight",
    "orient",
    "overflow",
    "opacity",
    "fill-opacity",
    "stroke-opacity",
    "transform",
    "stroke-linecap",
    "stroke-linejoin",
    "dominant-baseline",
    "x1",
    "y1",
    "x2",
    "y2",
    "href",
    "tabindex",
];

fn squash(v: &str) -> String {
    v.chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Check one SVG document; `what` names the case in failure messages.
fn check_svg(svg: &str, what: &str) {
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{what}: not well-formed XML: {e}\n{svg}"));
    for node in doc.descendants() {
        if node.is_pi() {
            panic!("{what}: processing instruction in the output");
        }
        if !node.is_element() {
            continue;
        }
        let name = node.tag_name().name();
        assert!(ELEMENTS.contains(&name), "{what}: unexpected element <{name}>\n{svg}");
        if name == "style" {
            // Only the writer's own rules that open popups on hover, never text from the diagram.
            let css = node.text().unwrap_or_default();
            assert!(
                css.starts_with(".mrs-popup-panel{display:none}") && !css.contains('<') && !css.contains("url("),
                "{what}: unexpected style sheet {css:?}"
            );
        }
        assert_eq!(
            node.tag_name().namespace(),
            Some("http://www.w3.org/2000/svg"),
            "{what}: element outside the SVG namespace"
        );
        for a in node.attributes() {
            let key = a.name();
            assert!(
                ATTRIBUTES.contains(&key),
                "{what}: unexpected attribute {key}=\"{}\" on <{name}>",
                a.value()
            );
            assert!(
                !key.to_ascii_lowercase().starts_with("on"),
                "{what}: event attribute {key}"
            );
            if key == "href" {
                let v = a.value();
                assert!(
                    name == "a"
                        && ["http://", "https://", "mailto:"].iter().any(|s| v.starts_with(s))
                        && !v
                            .chars()
                            .any(|c| c.is_whitespace() || c.is_control() || "<>\"'`".contains(c)),
                    "{what}: link to {v:?} on <{name}>"
                );
                continue;
            }
            if matches!(key, "data-id" | "class") {
                // Plain data (node ids, class names): inert once escaped, which parsing the document proved.
                continue;
            }
            let v = squash(a.value());
            for bad in [
                "javascript:",
                "vbscript:",
                "data:",
                "expression(",
                "@import",
                "</",
                "<script",
            ] {
                assert!(!v.contains(bad), "{what}: `{bad}` in {key}=\"{}\"", a.value());
            }
            if v.contains("url(") {
                // Only our own marker references: url(#mrs-<hash>-m-…).
                let own = v
                    .strip_prefix("url(#mrs-")
                    .and_then(|r| r.split_once("-m-"))
                    .is_some_and(|(hash, rest)| {
                        hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()) && rest.ends_with(')')
                    });
                assert!(
                    matches!(key, "marker-start" | "marker-end") && own,
                    "{what}: url() in {key}=\"{}\"",
                    a.value()
                );
            }
        }
    }
}

fn json_body(p: &str) -> String {
    let quoted = serde_json::to_string(p).unwrap();
    quoted[1..quoted.len() - 1].to_string()
}

#[test]
fn every_payload_in_every_place_is_inert() {
    let mut rendered = 0;
    let mut per_place = vec![0usize; PLACES.len()];
    for (k, place) in PLACES.iter().enumerate() {
        for payload in PAYLOADS {
            let source = place.replace("{P}", payload).replace("{J}", &json_body(payload));
            let what = format!("payload {payload:?} in {place:?}");
            match render_svg(&source, &Options::default()) {
                Ok(svg) => {
                    check_svg(&svg, &what);
                    rendered += 1;
                    per_place[k] += 1;
                }
                Err(e) => {
                    // Refusing is safe too; the error must still render.
                    let _ = e.render();
                }
            }
        }
    }
    // The suite is only worth something if hostile text actually reaches the writer in every place.
    let unexercised: Vec<&&str> = PLACES
        .iter()
        .zip(&per_place)
        .filter(|(_, n)| **n == 0)
        .map(|(p, _)| p)
        .collect();
    assert!(
        unexercised.is_empty(),
        "no payload rendered in {unexercised:#?}: these places are not exercised"
    );
    assert!(
        rendered >= PLACES.len() * PAYLOADS.len() / 3,
        "only {rendered} cases rendered"
    );
}

#[test]
fn options_values_are_filtered() {
    for payload in PAYLOADS {
        let json = json_body(payload);
        let options = Options {
            theme: Some((*payload).to_string()),
            config: Some(format!(
                "{{\"themeVariables\": {{\"primaryColor\": \"{json}\", \"fontFamily\": \"{json}\"}}, \"fontSize\": \"{json}\"}}"
            )),
            background: Some((*payload).to_string()),
            ..Options::default()
        };
        if let Ok(svg) = render_svg("flowchart LR\n  A --> B", &options) {
            check_svg(&svg, &format!("options with {payload:?}"));
        }
        let options = Options {
            background: Some((*payload).to_string()),
            ..Options::default()
        };
        let svg = render_svg("sequenceDiagram\n  A->>B: x", &options).unwrap();
        check_svg(&svg, &format!("background {payload:?}"));
    }
}

#[test]
fn decoded_entities_stay_text() {
    // `#lt;script#gt;` decodes to `<script>`, which must appear as text, never as an element.
    let svg = render_svg(
        "flowchart LR\n  A[\"#lt;script#gt;alert(1)#lt;/script#gt;\"]",
        &Options::default(),
    )
    .unwrap();
    check_svg(&svg, "decoded entity");
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let text: String = doc.descendants().filter_map(|n| n.text()).collect();
    assert!(
        text.contains("<script>alert(1)</script>"),
        "the label text is kept: {text}"
    );
}
