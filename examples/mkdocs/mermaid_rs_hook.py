"""A MkDocs hook drawing every Mermaid block of a page as inline SVG at build time, with mermaid-rs.

In mkdocs.yml:

    hooks:
      - mermaid_rs_hook.py

Blocks of diagram types mermaid-rs does not draw yet are left as they are (for mermaid.js, if the site loads
it); a broken diagram stops the build with its line in the page.
"""

import mermaid_rs

THEME = "default"


def _is_unsupported_type(error):
    return "diagrams are not supported yet" in error.message


def on_page_markdown(markdown, page, config, files):
    out = []
    at = 0
    for block in mermaid_rs.find_blocks(markdown):
        try:
            svg = mermaid_rs.render_svg(block.source, theme=THEME, svg_id=f"mermaid-rs-{block.index}")
        except mermaid_rs.MermaidSyntaxError as e:
            if _is_unsupported_type(e):
                continue
            e.line += block.first_line - 1  # the line in the page, not in the diagram
            raise
        out.append(markdown[at : block.start])
        # One line, so that the HTML stays inside a list item or block quote.
        out.append('<div class="mermaid-rs">' + svg.replace("\n", " ") + "</div>")
        at = block.end
    out.append(markdown[at:])
    return "".join(out)
