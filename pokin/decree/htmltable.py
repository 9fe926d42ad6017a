"""The rows of an HTML ``<table>`` (as converters write them into markdown), spans expanded.

A cell spanning rows (``rowspan``) repeats its text in the rows below, one spanning
columns (``colspan``) in the columns beside: the markdown reader then reads a repeated
kinerja as "the same kinerja", as it does for pipe tables. Cells keep their inner HTML
(lists, ``<br>``), which :func:`.markup.read_cell` reads.

A row a browser does not show (``<tr hidden>``, ``style="display: none"`` or
``visibility: hidden|collapse``, or a class the page's ``<style>`` hides: an old indicator
an office kept in its page; also every row of a ``<tbody>``, ``<thead>`` or ``<tfoot>``
hidden so) is marked not shown: the spans are laid out with it, as the
browser lays them out, and the reader leaves it out and says so.

>>> rows = html_rows('<table><tr><th rowspan="2">No</th><th colspan="2">Indikator</th></tr>'
...     '<tr><td>Uraian</td><td>Formulasi</td></tr></table>')
>>> [cells for _, cells, _ in rows]
[['No', 'Indikator', 'Indikator'], ['No', 'Uraian', 'Formulasi']]
>>> [shown for *_, shown in html_rows('<table><tr hidden><td>a</td></tr><tr><td>b</td></tr>')]
[False, True]
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

__all__ = ["hidden_classes", "hidden_elements", "html_rows"]

_HIDES = re.compile(r"display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse)", re.IGNORECASE)
_STYLE = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.IGNORECASE | re.DOTALL)
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_CLASS = re.compile(r"^(?:tr)?\.([\w-]+)$", re.IGNORECASE)


def hidden_classes(page: str) -> frozenset[str]:
    """The classes a page's ``<style>`` hides a row by (``.lama { display: none }``,
    ``tr.arsip, .x { visibility: hidden }``): simple class selectors only.

    >>> sorted(hidden_classes("<style>.d-none{display:none} p.x{color:red}</style>"))
    ['d-none']
    """
    found: set[str] = set()
    for sheet in _STYLE.findall(page):
        for selectors, body in _RULE.findall(re.sub(r"/\*.*?\*/", "", sheet, flags=re.DOTALL)):
            if _HIDES.search(body):
                for selector in selectors.split(","):
                    if match := _CLASS.match(selector.strip()):
                        found.add(match.group(1))
    return frozenset(found)


def _hides(attrs: list[tuple[str, str | None]], classes: frozenset[str]) -> bool:
    values = dict(attrs)
    return (
        "hidden" in values
        or bool(_HIDES.search(values.get("style") or ""))
        or bool(classes.intersection((values.get("class") or "").split()))
    )


_ROW_TAGS = frozenset({"tr", "td", "th", "thead", "tbody", "tfoot", "col", "colgroup"})
"""A table's parts: a hidden row is :func:`html_rows`' to leave out and say."""
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "source", "track", "wbr"})  # fmt: skip


def hidden_elements(page: str, classes: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """The (start, end) offsets in ``page`` of each element a browser does not show, outside
    a table's rows (:func:`html_rows` says those): one with the ``hidden`` attribute, a
    style or a class (of ``classes``) hiding it, or a ``<template>``. An element never
    closed is left in (where it ends is not known).

    >>> page = '<p>JABATAN : CAMAT</p><div style="display:none"><p>JABATAN : X</p></div><p>b</p>'
    >>> [page[a:b] for a, b in hidden_elements(page)]
    ['<div style="display:none"><p>JABATAN : X</p></div>']
    """
    finder = _Hidden(page, classes)
    finder.feed(page)
    finder.close()
    return finder.spans


class _Hidden(HTMLParser):
    def __init__(self, page: str, classes: frozenset[str]) -> None:
        super().__init__(convert_charrefs=False)
        self._starts = [0]  # the offset of each line, as HTMLParser counts them ("\n")
        for line in page.split("\n"):
            self._starts.append(self._starts[-1] + len(line) + 1)
        self._page = page
        self._classes = classes
        self._open: tuple[str, int, int] | None = None  # tag, start, nesting
        self.spans: list[tuple[int, int]] = []

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        if self._open is not None:
            name, start, nesting = self._open
            self._open = (name, start, nesting + (tag == name))
        elif tag not in _ROW_TAGS and (tag == "template" or _hides(attrs, self._classes)):
            self._open = (tag, self._offset(), 1)

    def handle_endtag(self, tag: str) -> None:
        if self._open is None or tag != self._open[0]:
            return
        name, start, nesting = self._open
        if nesting > 1:
            self._open = (name, start, nesting - 1)
            return
        end = self._page.find(">", self._offset()) + 1
        self.spans.append((start, end or len(self._page)))
        self._open = None


class _Rows(HTMLParser):
    def __init__(self, classes: frozenset[str]) -> None:
        super().__init__(convert_charrefs=False)
        self.rows: list[tuple[int, list[tuple[str, int, int]], bool]] = []
        self._classes = classes
        self._group_hidden = False  # inside a hidden <tbody> / <thead> / <tfoot>
        self._cell: list[str] | None = None
        self._span = (1, 1)
        self._depth = 0  # tables nested in a cell stay in its text

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._depth += 1
            if self._depth == 1:
                return
        if self._depth > 1 or (self._cell is not None and tag not in ("td", "th", "tr")):
            if self._cell is not None:
                self._cell.append(self.get_starttag_text() or "")
            return
        if tag in ("tbody", "thead", "tfoot"):
            self._group_hidden = _hides(attrs, self._classes)
        elif tag == "tr":
            hidden = self._group_hidden or _hides(attrs, self._classes)
            self.rows.append((self.getpos()[0], [], not hidden))
        elif tag in ("td", "th"):
            values = dict(attrs)
            self._cell, self._span = [], (_int(values.get("rowspan")), _int(values.get("colspan")))

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self._depth -= 1
        if tag in ("tbody", "thead", "tfoot") and self._depth == 1 and self._cell is None:
            self._group_hidden = False
        if self._depth >= 1 and tag in ("td", "th") and self._cell is not None:
            if not self.rows:
                self.rows.append((self.getpos()[0], [], True))
            self.rows[-1][1].append(("".join(self._cell).strip(), *self._span))
            self._cell = None
        elif self._cell is not None:
            self._cell.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)

    def handle_entityref(self, name: str) -> None:
        self.handle_data(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.handle_data(f"&#{name};")


def _int(value: str | None) -> int:
    return int(value) if value and value.strip().isdigit() and 0 < int(value) < 1000 else 1


def html_rows(
    html: str, *, classes: frozenset[str] = frozenset()
) -> list[tuple[int, list[str], bool]]:
    """``(line, cells, shown)`` per row of the first-level table in ``html`` (line
    1-based); ``shown`` is false for a row the browser hides (``classes``: the page's
    hiding classes, :func:`hidden_classes`)."""
    parser = _Rows(classes)
    parser.feed(html)
    parser.close()
    pending: dict[int, tuple[str, int]] = {}  # column -> (text, rows still to fill)
    result: list[tuple[int, list[str], bool]] = []
    for line, cells, shown in parser.rows:
        row: list[str] = []
        queue = list(cells)
        col = 0
        while queue or any(c >= col for c in pending):
            if col in pending:
                text, left = pending[col]
                row.append(text)
                if left <= 1:
                    del pending[col]
                else:
                    pending[col] = (text, left - 1)
                col += 1
                continue
            if not queue:
                break
            text, rowspan, colspan = queue.pop(0)
            for _ in range(colspan):
                if rowspan > 1:
                    pending[col] = (text, rowspan - 1)
                row.append(text)
                col += 1
        result.append((line, row, shown))
    return result
