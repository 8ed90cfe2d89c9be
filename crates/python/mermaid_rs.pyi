"""Render Mermaid diagrams to SVG, PNG and PDF natively, without a browser (type stubs)."""

from typing import Any, Mapping, Optional, Union

__version__: str
THEMES: list[str]
"""The theme names: default, dark, forest, neutral, base."""

Config = Union[str, Mapping[str, Any], None]
"""Mermaid's configuration object (theme, themeVariables, fontSize, flowchart.*) as a dict or JSON text."""

class MermaidError(ValueError):
    """A diagram could not be rendered: a bad theme or configuration, or a diagram too large for the limits."""

class MermaidSyntaxError(MermaidError):
    """A diagram's text is not valid Mermaid."""

    message: str
    line: int
    """1-based line of the error in the diagram's text."""
    column: int
    """1-based column, in characters."""
    end_column: int
    """1-based column just past the offending text."""
    hint: Optional[str]
    """A suggestion ("did you mean `-->`?"), when there is one."""
    source_line: str
    """The text of the line."""

class Block:
    """A Mermaid block of a Markdown document."""

    index: int
    """1-based position among the document's diagrams."""
    source: str
    """The diagram's text, without the fences and the block's indentation or `>` markers."""
    start: int
    """String index of the block's first character (the opening fence); `doc[start:end]` is the block."""
    end: int
    fence_line: int
    """1-based line of the opening fence."""
    first_line: int
    """1-based line of the diagram's first line."""

def render_svg(
    text: str,
    *,
    theme: Optional[str] = None,
    config: Config = None,
    background: Optional[str] = None,
    width: Optional[float] = None,
    height: Optional[float] = None,
    css: Optional[str] = None,
    svg_id: Optional[str] = None,
) -> str:
    """Render a diagram to an SVG document. Raises MermaidSyntaxError or MermaidError.

    `svg_id` names the root element and prefixes the drawing's own ids (its markers), so that several
    drawings can share an HTML page.
    """

def render_png(
    text: str,
    *,
    theme: Optional[str] = None,
    config: Config = None,
    background: Optional[str] = "white",
    width: Optional[float] = None,
    height: Optional[float] = None,
    css: Optional[str] = None,
    scale: float = 1.0,
) -> bytes:
    """Render a diagram to PNG bytes; `scale` is pixels per SVG unit."""

def render_pdf(
    text: str,
    *,
    theme: Optional[str] = None,
    config: Config = None,
    background: Optional[str] = "white",
    width: Optional[float] = None,
    height: Optional[float] = None,
    css: Optional[str] = None,
) -> bytes:
    """Render a diagram to a one-page vector PDF."""

def check(text: str) -> None:
    """Parse a diagram without drawing it; raises MermaidSyntaxError at the first error."""

def find_blocks(markdown: str) -> list[Block]:
    """Every Mermaid block of a Markdown document, as GitHub finds them."""
