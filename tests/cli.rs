//! The `mermaid-rs` binary, run for real: mmdc's flags, standard input and output, formats, themes, Markdown
//! documents, batches, `check`, completions and exit codes.

mod common;
use common::{scratch, write};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const FLOWCHART: &str = "graph TD\n  A[Client] --> B[Server]\n  B --> C[(Database)]\n";
const SEQUENCE: &str = "sequenceDiagram\n  Alice->>Bob: Hello\n  Bob-->>Alice: Hi\n  Note over Alice,Bob: a note\n";
const ER: &str = "erDiagram\n  CUSTOMER ||--o{ ORDER : places\n  ORDER ||--|{ LINE : contains\n";
const BROKEN: &str = "graph TD\n  A --> B\n  B -> C\n";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_mermaid-rs"));
    c.env_remove("NO_COLOR");
    c
}

/// Run in `dir` with `args` and optional standard input.
fn run_in(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = bin();
    cmd.current_dir(dir).args(args);
    cmd.stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() });
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("binary runs");
    if let Some(input) = stdin {
        child.stdin.take().unwrap().write_all(input).unwrap();
    }
    child.wait_with_output().unwrap()
}

fn run(dir: &Path, args: &[&str]) -> Output {
    run_in(dir, args, None)
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[track_caller]
fn ok(o: &Output) {
    assert!(
        o.status.success(),
        "exit {:?}\nstdout: {}\nstderr: {}",
        o.status.code(),
        text(&o.stdout),
        text(&o.stderr)
    );
}

#[track_caller]
fn code(o: &Output, expected: i32) {
    assert_eq!(
        o.status.code(),
        Some(expected),
        "stdout: {}\nstderr: {}",
        text(&o.stdout),
        text(&o.stderr)
    );
}

fn svg_root(svg: &str) -> (f64, f64) {
    let doc = roxmltree::Document::parse(svg).expect("well-formed SVG");
    let r = doc.root_element();
    let n = |a: &str| r.attribute(a).unwrap().parse::<f64>().unwrap();
    (n("width"), n("height"))
}

fn png_size(png: &[u8]) -> (u32, u32) {
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "a PNG");
    let be = |i: usize| u32::from_be_bytes(png[i..i + 4].try_into().unwrap());
    (be(16), be(20))
}

#[test]
fn help_has_examples_and_version_is_set() {
    let dir = scratch("help");
    let o = run(&dir, &["--help"]);
    ok(&o);
    let help = text(&o.stdout);
    for flag in [
        "--input",
        "--output",
        "--outputFormat",
        "--theme",
        "--width",
        "--height",
        "--backgroundColor",
        "--configFile",
        "--cssFile",
        "--scale",
        "--quiet",
        "--artefacts",
        "check",
        "completions",
        "Examples:",
        "Exit codes",
        "Diagram types: `graph`, `flowchart`, `flowchart-elk`, `erDiagram`, `sequenceDiagram`, `classDiagram`, \
         `classDiagram-v2`, `stateDiagram`, `stateDiagram-v2`.",
    ] {
        assert!(help.contains(flag), "--help lacks {flag}:\n{help}");
    }
    let o = run(&dir, &["--version"]);
    ok(&o);
    assert!(text(&o.stdout).starts_with(&format!("mermaid-rs {}", env!("CARGO_PKG_VERSION"))));
}

#[test]
fn mmdc_style_without_subcommand_and_render_alias_agree() {
    let dir = scratch("alias");
    write(&dir, "d.mmd", FLOWCHART);
    ok(&run(&dir, &["-i", "d.mmd", "-o", "a.svg"]));
    ok(&run(&dir, &["render", "--input", "d.mmd", "--output", "b.svg"]));
    let a = std::fs::read(dir.join("a.svg")).unwrap();
    assert_eq!(a, std::fs::read(dir.join("b.svg")).unwrap());
    assert!(text(&a).contains("Client"));
}

#[test]
fn default_output_name_is_mmdcs() {
    let dir = scratch("default-name");
    write(&dir, "d.mmd", FLOWCHART);
    ok(&run(&dir, &["-i", "d.mmd"]));
    assert!(dir.join("d.mmd.svg").is_file(), "mmdc appends .svg to the input name");
    ok(&run(&dir, &["-i", "d.mmd", "-e", "png"]));
    assert!(dir.join("d.mmd.png").is_file());
    // Standard input without -o: out.svg, as mmdc.
    ok(&run_in(&dir, &[], Some(FLOWCHART.as_bytes())));
    assert!(dir.join("out.svg").is_file());
}

#[test]
fn stdin_to_stdout() {
    let dir = scratch("stdio");
    let o = run_in(&dir, &["-i", "-", "-o", "-"], Some(SEQUENCE.as_bytes()));
    ok(&o);
    let svg = text(&o.stdout);
    assert!(svg.starts_with("<svg") && svg.contains("Alice"));
    assert!(o.stderr.is_empty(), "writing to stdout is quiet: {}", text(&o.stderr));
    let o = run_in(&dir, &["-i", "-", "-o", "-", "-e", "png"], Some(SEQUENCE.as_bytes()));
    ok(&o);
    png_size(&o.stdout);
    let o = run_in(&dir, &["-o", "-", "-e", "pdf"], Some(ER.as_bytes()));
    ok(&o);
    assert!(o.stdout.starts_with(b"%PDF"));
}

#[test]
fn formats_from_extension_and_flag() {
    let dir = scratch("formats");
    write(&dir, "d.mmd", FLOWCHART);
    ok(&run(&dir, &["-i", "d.mmd", "-o", "d.png"]));
    png_size(&std::fs::read(dir.join("d.png")).unwrap());
    ok(&run(&dir, &["-i", "d.mmd", "-o", "d.pdf"]));
    let pdf = std::fs::read(dir.join("d.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    assert!(
        text(&pdf).contains("FontFile2"),
        "the embedded font travels with the PDF"
    );
    ok(&run(&dir, &["-i", "d.mmd", "-o", "d.json"]));
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(dir.join("d.json")).unwrap()).unwrap();
    assert!(json.is_object());
    // -e wins over the extension.
    ok(&run(&dir, &["-i", "d.mmd", "-o", "picture.img", "-e", "png"]));
    png_size(&std::fs::read(dir.join("picture.img")).unwrap());
    // An unknown extension without -e is a usage error.
    code(&run(&dir, &["-i", "d.mmd", "-o", "d.txt"]), 2);
}

#[test]
fn width_height_and_scale() {
    let dir = scratch("size");
    write(&dir, "d.mmd", FLOWCHART);
    ok(&run(&dir, &["-i", "d.mmd", "-o", "n.svg"]));
    let (w0, h0) = svg_root(&std::fs::read_to_string(dir.join("n.svg")).unwrap());
    ok(&run(&dir, &["-i", "d.mmd", "-o", "w.svg", "-w", "500"]));
    let (w, h) = svg_root(&std::fs::read_to_string(dir.join("w.svg")).unwrap());
    assert_eq!(w, 500.0);
    assert!((h - h0 * 500.0 / w0).abs() < 0.02, "proportions kept");
    ok(&run(&dir, &["-i", "d.mmd", "-o", "w.png", "-w", "400"]));
    assert_eq!(png_size(&std::fs::read(dir.join("w.png")).unwrap()).0, 400);
    ok(&run(&dir, &["-i", "d.mmd", "-o", "w2.png", "-w", "400", "-s", "2"]));
    assert_eq!(png_size(&std::fs::read(dir.join("w2.png")).unwrap()).0, 800);
    ok(&run(&dir, &["-i", "d.mmd", "-o", "h.png", "-H", "100"]));
    assert_eq!(png_size(&std::fs::read(dir.join("h.png")).unwrap()).1, 100);
    // Both: fitted inside the box.
    ok(&run(&dir, &["-i", "d.mmd", "-o", "box.svg", "-w", "1000", "-H", "100"]));
    let (w, h) = svg_root(&std::fs::read_to_string(dir.join("box.svg")).unwrap());
    assert!(w <= 1000.0 && (h - 100.0).abs() < 0.01, "{w}×{h}");
    ok(&run(&dir, &["-i", "d.mmd", "-o", "s.png", "-s", "2"]));
    let (pw, _) = png_size(&std::fs::read(dir.join("s.png")).unwrap());
    assert_eq!(pw, (w0 * 2.0).ceil() as u32);
    code(&run(&dir, &["-i", "d.mmd", "-o", "x.png", "-s", "0"]), 2);
    code(&run(&dir, &["-i", "d.mmd", "-o", "x.png", "-w", "0"]), 2);
}

#[test]
fn background_colour() {
    let dir = scratch("background");
    write(&dir, "d.mmd", FLOWCHART);
    ok(&run(&dir, &["-i", "d.mmd", "-o", "default.svg"]));
    assert!(std::fs::read_to_string(dir.join("default.svg"))
        .unwrap()
        .contains(r#"fill="white""#));
    ok(&run(&dir, &["-i", "d.mmd", "-o", "t.svg", "-b", "transparent"]));
    let t = std::fs::read_to_string(dir.join("t.svg")).unwrap();
    assert!(!t.contains(r##"<rect x="0" y="0""##), "no background rect");
    ok(&run(
        &dir,
        &["-i", "d.mmd", "-o", "red.svg", "--backgroundColor", "#ff0000"],
    ));
    assert!(std::fs::read_to_string(dir.join("red.svg"))
        .unwrap()
        .contains("#ff0000"));
    ok(&run(&dir, &["-i", "d.mmd", "-o", "t.png", "-b", "transparent"]));
    ok(&run(&dir, &["-i", "d.mmd", "-o", "w.png"]));
    assert_ne!(
        std::fs::read(dir.join("t.png")).unwrap(),
        std::fs::read(dir.join("w.png")).unwrap()
    );
}

#[test]
fn every_theme_renders_every_diagram_type_differently() {
    let dir = scratch("themes");
    for (kind, source) in [("flowchart", FLOWCHART), ("sequence", SEQUENCE), ("er", ER)] {
        write(&dir, &format!("{kind}.mmd"), source);
        let mut seen: Vec<(String, String)> = Vec::new();
        for theme in ["default", "dark", "forest", "neutral", "base"] {
            let out = format!("{kind}-{theme}.svg");
            ok(&run(
                &dir,
                &[
                    "-i",
                    &format!("{kind}.mmd"),
                    "-o",
                    &out,
                    "-t",
                    theme,
                    "-b",
                    "transparent",
                ],
            ));
            let svg = std::fs::read_to_string(dir.join(&out)).unwrap();
            roxmltree::Document::parse(&svg).expect("well-formed");
            for (other, other_svg) in &seen {
                assert_ne!(&svg, other_svg, "{kind}: {theme} looks like {other}");
            }
            seen.push((theme.into(), svg));
        }
    }
}

#[test]
fn config_file_theme_and_variables() {
    let dir = scratch("config");
    write(&dir, "s.mmd", SEQUENCE);
    write(
        &dir,
        "config.json",
        r##"{"theme": "forest", "themeVariables": {"actorBkg": "#123456", "primaryColor": "#abcdef"}}"##,
    );
    ok(&run(&dir, &["-i", "s.mmd", "-o", "s.svg", "-c", "config.json"]));
    let svg = std::fs::read_to_string(dir.join("s.svg")).unwrap();
    assert!(svg.contains("#123456"), "actorBkg reaches the actors");
    // The diagram's own init directive wins over the file.
    write(
        &dir,
        "init.mmd",
        &format!("%%{{init: {{'themeVariables': {{'actorBkg': '#654321'}}}}}}%%\n{SEQUENCE}"),
    );
    ok(&run(
        &dir,
        &["-i", "init.mmd", "-o", "init.svg", "--configFile", "config.json"],
    ));
    let svg = std::fs::read_to_string(dir.join("init.svg")).unwrap();
    assert!(svg.contains("#654321") && !svg.contains("#123456"));
    write(&dir, "bad.json", "{ not json");
    let o = run(&dir, &["-i", "s.mmd", "-o", "x.svg", "-c", "bad.json"]);
    code(&o, 1);
    assert!(text(&o.stderr).contains("bad.json"), "{}", text(&o.stderr));
    code(&run(&dir, &["-i", "s.mmd", "-o", "x.svg", "-c", "missing.json"]), 3);
}

#[test]
fn css_file_and_svg_id() {
    let dir = scratch("css");
    write(&dir, "d.mmd", FLOWCHART);
    write(&dir, "style.css", "text { font-style: italic; }\n");
    ok(&run(
        &dir,
        &["-i", "d.mmd", "-o", "d.svg", "-C", "style.css", "-I", "my-diagram"],
    ));
    let svg = std::fs::read_to_string(dir.join("d.svg")).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    assert_eq!(doc.root_element().attribute("id"), Some("my-diagram"));
    let style = doc
        .descendants()
        .find(|n| n.has_tag_name("style"))
        .expect("a style element");
    assert!(style.text().unwrap_or("").contains("font-style: italic"));
    ok(&run(&dir, &["-i", "d.mmd", "-o", "d.png", "--cssFile", "style.css"]));
}

#[test]
fn quiet_and_ignored_browser_flags() {
    let dir = scratch("quiet");
    write(&dir, "d.mmd", FLOWCHART);
    write(&dir, "puppeteer.json", "{}");
    let o = run(
        &dir,
        &["-i", "d.mmd", "-o", "d.svg", "-p", "puppeteer.json", "--pdfFit"],
    );
    ok(&o);
    let err = text(&o.stderr);
    assert!(err.contains("puppeteerConfigFile is ignored"), "{err}");
    assert!(err.contains("wrote d.svg"));
    let o = run(&dir, &["-q", "-i", "d.mmd", "-o", "d.svg", "-p", "puppeteer.json"]);
    ok(&o);
    assert!(o.stderr.is_empty() && o.stdout.is_empty());
}

fn image_links(md: &str) -> Vec<String> {
    md.lines()
        .filter(|l| l.trim_start().starts_with("!["))
        .map(|l| l.to_string())
        .collect()
}

#[test]
fn markdown_round_trip() {
    let dir = scratch("markdown");
    std::fs::copy(root().join("examples/guide.md"), dir.join("guide.md")).unwrap();
    let o = run(&dir, &["-i", "guide.md", "-o", "out/guide.md"]);
    ok(&o);
    for n in 1..=4 {
        let svg = std::fs::read_to_string(dir.join(format!("out/guide-{n}.svg"))).unwrap();
        roxmltree::Document::parse(&svg).expect("well-formed");
    }
    assert!(
        !dir.join("out/guide-5.svg").exists(),
        "the Markdown example is not a diagram"
    );
    let md = std::fs::read_to_string(dir.join("out/guide.md")).unwrap();
    let links = image_links(&md);
    assert_eq!(
        links,
        [
            r#"![From a merged change to a published release](./guide-1.svg "Release flow")"#,
            "   ![diagram](./guide-2.svg)",
            "   ![diagram](./guide-3.svg)",
            "![diagram](./guide-4.svg)",
        ]
    );
    assert!(md.contains("````markdown\n```mermaid\ngraph TD\n    A --> B\n```\n````"));
    assert!(!md
        .lines()
        .any(|l| l.trim_start().starts_with(":::mermaid") || l.trim_start().starts_with("~~~")));
    assert!(md.starts_with("# Release guide\n") && md.ends_with("The end.\n"));

    // --artefacts: images elsewhere, links relative to the document; -e png for the images.
    ok(&run(
        &dir,
        &["-i", "guide.md", "-o", "site/guide.md", "-a", "site/img", "-e", "png"],
    ));
    let md = std::fs::read_to_string(dir.join("site/guide.md")).unwrap();
    assert!(md.contains("](./img/guide-2.png)"), "{md}");
    png_size(&std::fs::read(dir.join("site/img/guide-4.png")).unwrap());

    // An image output names the pattern (mmdc): guide-1.pdf, … and no document.
    ok(&run(&dir, &["-i", "guide.md", "-o", "pdf/guide.pdf"]));
    assert!(std::fs::read(dir.join("pdf/guide-3.pdf")).unwrap().starts_with(b"%PDF"));
    assert!(!dir.join("pdf/guide.md").exists());

    // The document to standard output needs a place for its images.
    code(&run(&dir, &["-i", "guide.md", "-o", "-"]), 2);
    let o = run(&dir, &["-i", "guide.md", "-o", "-", "-a", "imgs"]);
    ok(&o);
    assert!(text(&o.stdout).contains("![diagram](./imgs/guide-2.svg)"));

    // Refuses to overwrite its input.
    code(&run(&dir, &["-i", "guide.md", "-o", "guide.md"]), 3);
    assert_eq!(
        std::fs::read_to_string(dir.join("guide.md")).unwrap(),
        std::fs::read_to_string(root().join("examples/guide.md")).unwrap()
    );
}

#[test]
fn markdown_without_diagrams_is_copied() {
    let dir = scratch("markdown-empty");
    write(&dir, "plain.md", "# Nothing\n\n```js\nlet a = 1;\n```\n");
    let o = run(&dir, &["-i", "plain.md", "-o", "out.md"]);
    ok(&o);
    assert!(text(&o.stderr).contains("no mermaid diagrams"));
    assert_eq!(
        std::fs::read_to_string(dir.join("out.md")).unwrap(),
        "# Nothing\n\n```js\nlet a = 1;\n```\n"
    );
}

#[test]
fn broken_markdown_block_names_file_block_and_document_line() {
    let dir = scratch("markdown-broken");
    let doc = "# Doc\n\n```mermaid\ngraph LR\n  X --> Y\n```\n\n- list\n  ```mermaid\n  graph TD\n    A --> B\n    B -> C\n  ```\n";
    write(&dir, "doc.md", doc);
    let o = run(&dir, &["-i", "doc.md", "-o", "out.md"]);
    code(&o, 1);
    let err = text(&o.stderr);
    assert!(err.contains("doc.md:12:7: error: diagram 2:"), "{err}");
    assert!(err.contains("12 |     B -> C"), "{err}");
    assert!(!err.contains('\x1b'), "no colours when not on a terminal");
    assert!(
        !dir.join("out.md").exists() && !dir.join("out-1.svg").exists(),
        "nothing written"
    );
}

#[test]
fn architecture_document_from_shared() {
    let doc = root().join("../shared/seed/architecture.md");
    if !doc.is_file() {
        eprintln!("../shared is absent: skipping the architecture document");
        return;
    }
    let dir = scratch("architecture");
    let o = run(
        &dir,
        &["-i", doc.to_str().unwrap(), "-o", "architecture.md", "-a", "img"],
    );
    ok(&o);
    for n in 1..=14 {
        let svg = std::fs::read_to_string(dir.join(format!("img/architecture-{n}.svg"))).unwrap();
        roxmltree::Document::parse(&svg).expect("well-formed");
    }
    assert!(!dir.join("img/architecture-15.svg").exists());
    let md = std::fs::read_to_string(dir.join("architecture.md")).unwrap();
    let links = image_links(&md);
    assert_eq!(links.len(), 14, "{links:?}");
    for (i, l) in links.iter().enumerate() {
        assert!(l.ends_with(&format!("](./img/architecture-{}.svg)", i + 1)), "{l}");
    }
    assert!(!md.contains("```mermaid"));
    assert!(md.contains("```sql"), "other code blocks stay");
    let o = run(&dir, &["check", doc.to_str().unwrap()]);
    ok(&o);
    assert!(
        text(&o.stderr).contains("14 diagrams: no errors"),
        "{}",
        text(&o.stderr)
    );
}

#[test]
fn batch_of_files_and_directories() {
    let dir = scratch("batch");
    write(&dir, "src/a.mmd", FLOWCHART);
    write(&dir, "src/sub/b.mmd", SEQUENCE);
    write(&dir, "src/sub/doc.md", &format!("# D\n\n```mermaid\n{ER}```\n"));
    write(&dir, "src/.hidden/c.mmd", FLOWCHART);
    write(&dir, "src/notes.txt", "not a diagram");
    let o = run(&dir, &["-i", "src", "-o", "out", "-j", "2"]);
    ok(&o);
    assert!(dir.join("out/a.svg").is_file());
    assert!(dir.join("out/sub/b.svg").is_file());
    assert!(dir.join("out/sub/doc.md").is_file());
    assert!(dir.join("out/sub/doc-1.svg").is_file());
    assert!(!dir.join("out/.hidden").exists());
    assert!(text(&o.stderr).contains("3 inputs, 3 diagrams"), "{}", text(&o.stderr));
    // Several -i, formats by -e; a broken one fails the run but the others are written.
    write(&dir, "bad.mmd", BROKEN);
    let o = run(
        &dir,
        &[
            "-i",
            "src/a.mmd",
            "-i",
            "bad.mmd",
            "-i",
            "src/sub/b.mmd",
            "-o",
            "png",
            "-e",
            "png",
        ],
    );
    code(&o, 1);
    assert!(text(&o.stderr).contains("bad.mmd:3:5: error:"), "{}", text(&o.stderr));
    png_size(&std::fs::read(dir.join("png/a.png")).unwrap());
    png_size(&std::fs::read(dir.join("png/b.png")).unwrap());
    // Without -o: beside each input, mmdc's names.
    ok(&run(&dir, &["-i", "src/a.mmd", "-i", "src/sub/b.mmd"]));
    assert!(dir.join("src/a.mmd.svg").is_file() && dir.join("src/sub/b.mmd.svg").is_file());
    // -o must then be a directory, not one file, and not standard output.
    code(
        &run(&dir, &["-i", "src/a.mmd", "-i", "src/sub/b.mmd", "-o", "one.svg"]),
        2,
    );
    code(&run(&dir, &["-i", "src/a.mmd", "-i", "src/sub/b.mmd", "-o", "-"]), 2);
}

#[test]
fn check_good_and_bad_files() {
    let dir = scratch("check");
    write(&dir, "good.mmd", FLOWCHART);
    write(&dir, "bad.mmd", BROKEN);
    write(
        &dir,
        "docs/page.md",
        "Intro\n\n```mermaid\nsequenceDiagram\n  A->>B: ok\n  A-x\n```\n",
    );
    let o = run(&dir, &["check", "good.mmd"]);
    ok(&o);
    assert!(o.stdout.is_empty());
    assert!(text(&o.stderr).contains("1 diagrams: no errors") || text(&o.stderr).contains("no errors"));

    let o = run(&dir, &["check", "good.mmd", "bad.mmd", "docs"]);
    code(&o, 1);
    let out = text(&o.stdout);
    assert!(out.contains("bad.mmd:3:5: error: "), "{out}");
    assert!(out.contains("3 |   B -> C"), "{out}");
    assert!(out.contains("^^"), "{out}");
    assert!(out.contains("page.md:6:"), "the document's line: {out}");
    assert!(text(&o.stderr).contains("2 errors"));

    let o = run(
        &dir,
        &["check", "--format", "json", "bad.mmd", "good.mmd", "docs/page.md"],
    );
    code(&o, 1);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON on stdout");
    assert_eq!(json["errorCount"], 2);
    assert_eq!(json["diagrams"], 3);
    let first = &json["errors"][0];
    assert_eq!(first["file"], "bad.mmd");
    assert_eq!(first["line"], 3);
    assert_eq!(first["column"], 5);
    assert_eq!(first["endColumn"], 7);
    assert!(first["hint"].as_str().unwrap().contains("-->"));
    assert_eq!(json["errors"][1]["diagram"], 1);

    let o = run(&dir, &["check", "--format", "github", "bad.mmd"]);
    code(&o, 1);
    assert!(
        text(&o.stdout).starts_with("::error file=bad.mmd,line=3,col=5,"),
        "{}",
        text(&o.stdout)
    );

    let o = run_in(&dir, &["check", "-"], Some(FLOWCHART.as_bytes()));
    ok(&o);
    code(&run(&dir, &["check", "missing.mmd"]), 3);
    code(&run(&dir, &["check"]), 2);
}

#[test]
fn exit_codes() {
    let dir = scratch("exit");
    write(&dir, "d.mmd", FLOWCHART);
    write(&dir, "bad.mmd", BROKEN);
    let o = run(&dir, &["-i", "bad.mmd", "-o", "bad.svg"]);
    code(&o, 1);
    assert!(text(&o.stderr).contains("did you mean `-->`?"));
    code(&run(&dir, &["--no-such-flag"]), 2);
    code(&run(&dir, &["-i", "d.mmd", "-t", "solarized"]), 2);
    // No -i and an empty standard input (a terminal would give a usage error instead): not a diagram.
    code(&run(&dir, &[]), 1);
    code(&run(&dir, &["-i", "missing.mmd", "-o", "x.svg"]), 3);
    write(&dir, "file", "");
    code(&run(&dir, &["-i", "d.mmd", "-o", "file/x.svg"]), 3);
}

#[test]
fn completions_for_shells() {
    let dir = scratch("completions");
    for shell in ["bash", "zsh", "fish"] {
        let o = run(&dir, &["completions", shell]);
        ok(&o);
        let script = text(&o.stdout);
        assert!(
            script.contains("mermaid-rs") && script.contains("outputFormat"),
            "{shell}"
        );
    }
    code(&run(&dir, &["completions", "tcsh"]), 2);
}

#[test]
fn check_warns_about_what_mermaid_reads_otherwise_without_failing() {
    let dir = scratch("check-warn");
    write(&dir, "er.mmd", "erDiagram\n  ORDER ||--o{ LINE : recorded in\n");
    write(
        &dir,
        "doc.md",
        "# Data\n\n```mermaid\nerDiagram\n  A ||--|{ B : is made of\n```\n",
    );
    let o = run(&dir, &["check", "er.mmd", "doc.md"]);
    ok(&o);
    let out = text(&o.stdout);
    assert!(
        out.contains("er.mmd:2:23: warning: relationship label of several unquoted words"),
        "{out}"
    );
    assert!(out.contains("doc.md:5:16: warning: diagram 1:"), "document line: {out}");
    assert!(text(&o.stderr).contains("no errors, 2 warnings"), "{}", text(&o.stderr));
    let o = run(&dir, &["check", "--format", "json", "er.mmd"]);
    ok(&o);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON on stdout");
    assert_eq!(
        (json["errorCount"].as_u64(), json["warningCount"].as_u64()),
        (Some(0), Some(1))
    );
    assert_eq!(json["warnings"][0]["severity"], "warning");
}

#[test]
fn document_keeps_a_block_of_a_type_not_drawn_with_a_warning_and_strict_fails() {
    let dir = scratch("md-kept");
    let gantt = "```mermaid\ngantt\n  title Work\n  section A\n  Task :a1, 2024-01-01, 3d\n```";
    write(
        &dir,
        "doc.md",
        &format!("# Plan\n\n{gantt}\n\n```mermaid\nflowchart LR\n  A --> B\n```\n"),
    );
    let o = run(&dir, &["-i", "doc.md", "-o", "out.md"]);
    ok(&o);
    let err = text(&o.stderr);
    assert!(
        err.contains("warning: doc.md:3: diagram 1: `gantt` diagrams are not drawn"),
        "{err}"
    );
    let out = std::fs::read_to_string(dir.join("out.md")).unwrap();
    assert_eq!(out, format!("# Plan\n\n{gantt}\n\n![diagram](./out-2.svg)\n"));
    assert!(dir.join("out-2.svg").exists() && !dir.join("out-1.svg").exists());

    let o = run(&dir, &["-i", "doc.md", "-o", "strict.md", "--strict"]);
    code(&o, 1);
    assert!(
        text(&o.stderr).contains("doc.md:3: error: diagram 1: `gantt`"),
        "{}",
        text(&o.stderr)
    );
    assert!(!dir.join("strict.md").exists());

    let o = run(&dir, &["check", "doc.md"]);
    ok(&o);
    assert!(
        text(&o.stdout).contains("doc.md:4:1: warning: diagram 1:"),
        "{}",
        text(&o.stdout)
    );
}
