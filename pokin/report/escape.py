"""Escaping decree texts for the report: every text a decree brings goes through one of these
(sections of every form import them from here, so no section imports a whole form)."""

from __future__ import annotations

import html

__all__ = ["e", "md"]


def e(text: object) -> str:
    """``text`` escaped for HTML text and attribute values."""
    return html.escape(str(text), quote=True)


def md(text: object) -> str:
    """Text safe in a Markdown table cell: no pipes, no raw HTML, one line."""
    flat = " ".join(str(text).split())
    return html.escape(flat, quote=False).replace("|", "\\|")
