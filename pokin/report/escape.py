"""Escaping decree texts for the report: every text a decree brings goes through one of these
(sections of every form import them from here, so no section imports a whole form)."""

from __future__ import annotations

import html
import re

__all__ = ["e", "md"]


def e(text: object) -> str:
    """``text`` escaped for HTML text and attribute values."""
    return html.escape(str(text), quote=True)


_CODE = re.compile(r"`([^`]*)`")


def md(text: object) -> str:
    """Text safe in a Markdown table cell: no pipes, no raw HTML, one line.

    A code span is shown as written inside it, entities too: one holding ``<``, ``>`` or
    ``&`` (a hint's `` `mendukung: [<id>]` ``) loses its backticks and is escaped as text,
    so the reader sees ``[<id>]``, never ``[&lt;id&gt;]``; a span without them stays code.

    >>> print(md("tambahkan `mendukung: [<id>]`, lalu `pokin check`"))
    tambahkan mendukung: [&lt;id&gt;], lalu `pokin check`
    """
    flat = " ".join(str(text).split())
    out, last = [], 0
    for span in _CODE.finditer(flat):
        out.append(html.escape(flat[last : span.start()], quote=False))
        inner = span.group(1)
        out.append(html.escape(inner, quote=False) if set(inner) & set("<>&") else span.group())
        last = span.end()
    out.append(html.escape(flat[last:], quote=False))
    return "".join(out).replace("|", "\\|")
