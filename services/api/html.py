"""What the service's pages for people share: the document around a page's body and its base style. Rendered on
the server: no script, nothing fetched from anywhere."""

from __future__ import annotations

from html import escape

STYLE = """
body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5em auto; max-width: 1100px; color: #222; background: #fff; }
table { border-collapse: collapse; margin: .5em 0 1.5em; }
th, td { border-bottom: 1px solid #ddd; padding: .25em .6em; text-align: right; }
th:first-child, td:first-child, .text { text-align: left; }
"""


def document(title: str, body: str, *, style: str = "", head: str = "") -> str:
    """A whole page: the title, extra style and head elements, and the body's markup (already escaped)."""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">{head}
<title>{escape(title)}</title><style>{STYLE}{style}</style></head>
<body>
{body}
</body></html>
"""
