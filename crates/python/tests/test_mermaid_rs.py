"""The mermaid_rs wheel, as Python code sees it."""

import pathlib
import sys

import pytest

import mermaid_rs

FLOW = "graph TD\n  A[Client] --> B[Server]\n"
EXAMPLES = pathlib.Path(__file__).resolve().parents[3] / "examples"


def test_svg_is_a_drawing_of_the_diagram():
    svg = mermaid_rs.render_svg(FLOW)
    assert svg.startswith("<svg")
    assert ">Client</tspan>" in svg and ">Server</tspan>" in svg


def test_theme_config_and_svg_options_change_the_drawing():
    default = mermaid_rs.render_svg(FLOW)
    dark = mermaid_rs.render_svg(FLOW, theme="dark")
    assert dark != default
    as_dict = mermaid_rs.render_svg(FLOW, config={"theme": "forest"})
    as_json = mermaid_rs.render_svg(FLOW, config='{"theme": "forest"}')
    assert as_dict == as_json != default
    wide = mermaid_rs.render_svg(FLOW, width=600, svg_id="d1")
    assert 'width="600"' in wide and 'id="d1"' in wide
    assert set(mermaid_rs.THEMES) == {"default", "dark", "forest", "neutral", "base"}


def test_png_and_pdf_bytes():
    png = mermaid_rs.render_png(FLOW, scale=2)
    assert isinstance(png, bytes) and png.startswith(b"\x89PNG\r\n\x1a\n")
    small = mermaid_rs.render_png(FLOW)
    width = lambda p: int.from_bytes(p[16:20], "big")  # noqa: E731 (the IHDR width)
    assert abs(width(png) - 2 * width(small)) <= 1
    pdf = mermaid_rs.render_pdf(FLOW, theme="neutral")
    assert pdf.startswith(b"%PDF-")


def test_syntax_errors_carry_their_place():
    with pytest.raises(mermaid_rs.MermaidSyntaxError) as caught:
        mermaid_rs.check("graph TD\n  A -> B\n")
    e = caught.value
    assert (e.line, e.column, e.end_column) == (2, 5, 7)
    assert e.source_line == "  A -> B"
    assert "-->" in e.hint
    assert str(e).startswith("line 2, column 5: ")
    assert isinstance(e, mermaid_rs.MermaidError) and isinstance(e, ValueError)
    with pytest.raises(mermaid_rs.MermaidSyntaxError):
        mermaid_rs.render_svg("gantt\n  title x\n")
    assert mermaid_rs.check(FLOW) is None


def test_bad_options_are_errors_not_crashes():
    with pytest.raises(mermaid_rs.MermaidError) as caught:
        mermaid_rs.render_svg(FLOW, theme="sepia")
    assert not isinstance(caught.value, mermaid_rs.MermaidSyntaxError)
    with pytest.raises(mermaid_rs.MermaidError):
        mermaid_rs.render_svg(FLOW, config="{not json")
    with pytest.raises(TypeError):
        mermaid_rs.render_svg(FLOW, config=42)
    with pytest.raises(ValueError):
        mermaid_rs.render_png(FLOW, scale=0)
    with pytest.raises(TypeError):
        mermaid_rs.render_svg(FLOW, "dark")  # options are keyword-only


def test_markup_in_labels_stays_text():
    svg = mermaid_rs.render_svg('graph TD\n  A["<script>alert(1)</script>"]\n')
    assert "<script" not in svg


def test_find_blocks_uses_string_indices():
    doc = "# Ünïcode 漢字\n\n> ```mermaid\n> graph TD\n>   A --> B\n> ```\n\ntext\n"
    [block] = mermaid_rs.find_blocks(doc)
    assert block.source == "graph TD\n  A --> B\n"
    assert doc[block.start : block.end] == "```mermaid\n> graph TD\n>   A --> B\n> ```"
    assert (block.index, block.fence_line, block.first_line) == (1, 3, 4)
    assert "Block(index=1" in repr(block)


def test_mkdocs_hook_example_inlines_svg():
    sys.path.insert(0, str(EXAMPLES / "mkdocs"))
    try:
        import mermaid_rs_hook
    finally:
        sys.path.pop(0)
    page = "Intro\n\n```mermaid\ngraph LR\n  X --> Y\n```\n\n```mermaid\ngantt\n  title Later\n```\n"
    out = mermaid_rs_hook.on_page_markdown(page, page=None, config=None, files=None)
    assert out.startswith("Intro\n\n<div class=\"mermaid-rs\"><svg ")
    assert out.endswith("```mermaid\ngantt\n  title Later\n```\n"), "unsupported types stay for mermaid.js"
    with pytest.raises(mermaid_rs.MermaidSyntaxError) as caught:
        mermaid_rs_hook.on_page_markdown("x\n\n```mermaid\ngraph TD\n  A -> B\n```\n", page=None, config=None, files=None)
    assert caught.value.line == 5, "the line in the page"


def test_sphinx_directive_example():
    sphinx = pytest.importorskip("sphinx.application")
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        src = pathlib.Path(tmp, "src")
        src.mkdir()
        (src / "conf.py").write_text(
            f"import sys\nsys.path.insert(0, {str(EXAMPLES / 'sphinx')!r})\nextensions = ['mermaid_rs_sphinx']\n"
        )
        (src / "index.rst").write_text("Title\n=====\n\n.. mermaid::\n\n   graph TD\n     A --> B\n")
        out = pathlib.Path(tmp, "out")
        app = sphinx.Sphinx(str(src), str(src), str(out), str(pathlib.Path(tmp, "doctrees")), "html", status=None)
        app.build()
        html = (out / "index.html").read_text()
        assert '<div class="mermaid-rs"><svg ' in html
