"""The rows of an HTML ``<table>`` (as converters write them into markdown), spans expanded.

A cell spanning rows (``rowspan``) repeats its text in the rows below, one spanning
columns (``colspan``) in the columns beside: the markdown reader then reads a repeated
kinerja as "the same kinerja", as it does for pipe tables. Cells keep their inner HTML
(lists, ``<br>``), which :func:`.markup.read_cell` reads.

>>> rows = html_rows('<table><tr><th rowspan="2">No</th><th colspan="2">Indikator</th></tr>'
...     '<tr><td>Uraian</td><td>Formulasi</td></tr></table>')
>>> [cells for _, cells in rows]
[['No', 'Indikator', 'Indikator'], ['No', 'Uraian', 'Formulasi']]
"""

from __future__ import annotations

from html.parser import HTMLParser

__all__ = ["html_rows"]


class _Rows(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.rows: list[tuple[int, list[tuple[str, int, int]]]] = []
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
        if tag == "tr":
            self.rows.append((self.getpos()[0], []))
        elif tag in ("td", "th"):
            values = dict(attrs)
            self._cell, self._span = [], (_int(values.get("rowspan")), _int(values.get("colspan")))

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self._depth -= 1
        if self._depth >= 1 and tag in ("td", "th") and self._cell is not None:
            if not self.rows:
                self.rows.append((self.getpos()[0], []))
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


def html_rows(html: str) -> list[tuple[int, list[str]]]:
    """``(line, cells)`` per row of the first-level table in ``html`` (line 1-based)."""
    parser = _Rows()
    parser.feed(html)
    parser.close()
    pending: dict[int, tuple[str, int]] = {}  # column -> (text, rows still to fill)
    result: list[tuple[int, list[str]]] = []
    for line, cells in parser.rows:
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
        result.append((line, row))
    return result
