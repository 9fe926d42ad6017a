"""Escaping decree texts for the report: every text a decree brings goes through one of these
(sections of every form import them from here, so no section imports a whole form)."""

from __future__ import annotations

import html
import re

from .._text import markdown_escape

__all__ = ["e", "md"]


def e(text: object) -> str:
    """``text`` escaped for HTML text and attribute values."""
    return html.escape(str(text), quote=True)


_CODE = re.compile(r"`([^`]*)`")


def md(text: object) -> str:
    """Text safe in a Markdown table cell: no pipes, no raw HTML, no link, one line
    (:func:`pokin._text.markdown_escape`).

    A code span is shown as written inside it, entities too: one holding ``<``, ``>`` or
    ``&`` (a hint's `` `mendukung: [<id>]` ``) loses its backticks and is escaped as text,
    so the reader sees ``[<id>]``, never ``[&lt;id&gt;]``; a span without them stays code.

    >>> print(md("tambahkan `mendukung: [<id>]`, lalu `pokin check`"))
    tambahkan mendukung: \\[&lt;id&gt;\\], lalu `pokin check`
    """
    flat = " ".join(str(text).split())
    out, last = [], 0
    for span in _CODE.finditer(flat):
        out.append(markdown_escape(flat[last : span.start()]))
        inner = span.group(1)
        kept = span.group().replace("|", "\\|")  # a pipe ends a cell even in code
        out.append(markdown_escape(inner) if set(inner) & set("<>&") else kept)
        last = span.end()
    out.append(markdown_escape(flat[last:]))
    return "".join(out)
