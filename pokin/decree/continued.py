"""A table cell carried over a page break in tab text: how its next part joins it."""

from __future__ import annotations

import re

__all__ = ["join_continued"]

_ITEM = re.compile(r"^(?:[-•*▪·]\s|\d{1,2}[.)]\s|[a-z][.)]\s|TW\s|Triwulan\s)", re.IGNORECASE)
"""How a line that starts a new item of a cell opens: a list mark, a number, a quarter."""


_INLINE_ITEM = re.compile(r"\s(?:\d{1,2}[.)]|[a-z][.)]|[-•*▪·])\s")
"""A second item mark inside a line: the list is written inline ("1. A 2. B")."""


def join_continued(role: str, before: str, more: str) -> str:
    """A cell carried over a page break: its next part on a new line when it is a new item
    (every line of a target cell is one, "TW III: 70%"; in the other cells, a list mark or
    number starts one when the cell is a list written one item a line), else after a space
    (a sentence, or a list written inline, wrapped over the page).

    >>> join_continued("target", "TW I: 20%", "TW II: 45%")
    'TW I: 20%\\nTW II: 45%'
    >>> join_continued("formulasi", "Jumlah permohonan selesai", "dibagi jumlah permohonan")
    'Jumlah permohonan selesai dibagi jumlah permohonan'
    >>> join_continued("indikator", "- Persentase A", "- Persentase B")
    '- Persentase A\\n- Persentase B'
    >>> join_continued("formulasi", "meliputi : 1. A 2. B", "3. C")
    'meliputi : 1. A 2. B 3. C'
    >>> join_continued("formulasi", "1. Jumlah A 2. Jumlah B", "3. Jumlah C")
    '1. Jumlah A 2. Jumlah B 3. Jumlah C'
    """
    if not before:
        return more
    # a list one item a line: lines already, or one item so far (no second mark inline)
    listed = "\n" in before or (_ITEM.match(before) and not _INLINE_ITEM.search(before))
    if role == "target" or (listed and _ITEM.match(more)):
        return f"{before}\n{more}"
    return f"{before} {more}"
