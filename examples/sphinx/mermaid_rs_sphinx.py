"""A Sphinx extension with a ``mermaid`` directive drawn at build time by mermaid-rs (inline SVG in HTML).

In conf.py: ``extensions = ["mermaid_rs_sphinx"]`` (with this file on ``sys.path``), then in a page::

    .. mermaid::
       :theme: forest

       graph TD
         A --> B

A broken diagram is reported as a Sphinx error at its line in the document.
"""

import itertools

from docutils import nodes
from docutils.parsers.rst import Directive, directives

import mermaid_rs

_ids = itertools.count(1)


class MermaidDirective(Directive):
    has_content = True
    option_spec = {"theme": directives.unchanged}

    def run(self):
        text = "\n".join(self.content) + "\n"
        try:
            svg = mermaid_rs.render_svg(
                text, theme=self.options.get("theme"), svg_id=f"mermaid-rs-{next(_ids)}"
            )
        except mermaid_rs.MermaidError as e:
            line = self.content_offset + getattr(e, "line", 1)
            raise self.error(f"mermaid diagram, line {line}: {e}")
        return [nodes.raw("", f'<div class="mermaid-rs">{svg}</div>', format="html")]


def setup(app):
    app.add_directive("mermaid", MermaidDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
