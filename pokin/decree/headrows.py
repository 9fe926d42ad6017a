"""A table header written over two rows: a parent label merged across columns over the
labels that name them ("Indikator Kinerja" over "Uraian | Formulasi", "Target" over
"2025 | 2026" or "Volume | Satuan", "Sasaran" over "Kinerja | Indikator"). Every table
reader (Word, PDF, office Excel, HTML and markdown, tab text) asks these functions, so a
header reads the same in every layout.
"""

from __future__ import annotations

import re

from .columns import column_role, header_roles

__all__ = ["combine_header", "parent_header", "sub_header"]


def combine_header(top: str, below: str) -> str:
    """The header of a column under a merged header cell, for :func:`column_role`.

    The lower cell decides when it names a role of its own ("Indikator Kinerja" over
    "Formulasi" is the formula); a generic lower cell ("Uraian", a year) keeps the top's.

    >>> column_role(combine_header("INDIKATOR KINERJA", "Formulasi"))
    'formulasi'
    >>> column_role(combine_header("INDIKATOR KINERJA", "Uraian"))
    'indikator'
    >>> combine_header("Target", "2025"), combine_header("Target", "Volume")
    ('Target 2025', 'Target Volume')
    >>> combine_header("Target", "Satuan"), combine_header("Tahun 2026", "Realisasi")
    ('Satuan', 'Realisasi Tahun 2026')
    """
    top, below = " ".join(top.split()), " ".join(below.split())
    if not below or below == top:
        return top
    if not top:
        return below
    generic = re.fullmatch(r"(?:TAHUN\s+)?(?:19|20)\d\d|URAIAN|NAMA|TEKS", below.upper())
    if generic or column_role(below) == "lain":
        return f"{top} {below}"
    if _PERIOD.fullmatch(top):
        return f"{below} {top}"  # "2026" over "Target | Realisasi": the year stays said
    return below


_PERIOD = re.compile(
    r"(?:TAHUN\s+)?(?:19|20)\d\d|(?:TW|TRIWULAN)\s*[-.]?\s*(?:IV|III|II|I|[1-4])", re.IGNORECASE
)


def sub_header(top: list[str], row: list[str]) -> list[str] | None:
    """The combined labels when ``row`` is the second row of a header split over two
    (merged cells above "Uraian / Formulasi" or years), else ``None``.

    A cell of the second row repeats the one above (a cell merged down), is empty, or is
    a short label of its own ("Formulasi", "Uraian", "2025").

    >>> sub_header(["No", "Indikator", "Indikator"], ["No", "Uraian", "Formulasi"])
    ['No', 'Indikator Uraian', 'Formulasi']
    >>> sub_header(["No", "Kinerja", "Indikator"], ["1.", "Meningkatnya", "Nilai"]) is None
    True
    >>> sub_header(["Indikator", "Target"], ["", "2025", "2026"])  # "Target" written once
    ['Indikator', 'Target 2025', 'Target 2026']
    """
    top, row = _aligned(top, row)
    parts = _parted(top, row)
    new = [(i, b) for i, (a, b) in enumerate(zip(top, row, strict=True)) if b and b != a]
    if not new or any(
        len(b) > 40
        or re.search(r"[:%]", b)  # "TW II: 45%" continuing a target cell: data, no label
        or not (
            column_role(b) != "lain"
            or re.fullmatch(r"(?:19|20)\d\d|uraian|nama", b, re.I)
            or i in parts
        )
        for i, b in new
    ):
        return None
    return [combine_header(a, "" if b == a else b) for a, b in zip(top, row, strict=True)]


def parent_header(top: list[str], below: list[str]) -> list[str] | None:
    """The combined labels when ``top`` is the upper row of a two-row header that names
    no indicator column on its own ("Sasaran" merged over "Kinerja | Indikator"), so that
    only with ``below`` is it a header; else ``None``.

    The upper row holds column labels only, at least two different ones, and ``below``
    divides one of its merged cells into labels of their own.

    >>> parent_header(["No", "Sasaran", "Sasaran", "Target"], ["", "Kinerja", "Indikator", ""])
    ['No', 'Kinerja', 'Indikator', 'Target']
    >>> parent_header(["RENCANA KINERJA 2026"] * 3, ["Kinerja", "Indikator", "Target"]) is None
    True
    """
    filled = {t for t in top if t}
    if len(filled) < 2 or any(column_role(t) == "lain" for t in filled):
        return None
    if header_roles(top) is not None or not _parted(*_aligned(top, below)):
        return None
    labels = sub_header(top, below)
    return labels if labels is not None and header_roles(labels) is not None else None


def _aligned(top: list[str], row: list[str]) -> tuple[list[str], list[str]]:
    """Both rows as wide as the wider, a merged cell written once in the upper row
    ("Target" over "2025 | 2026", a converter that dropped the span) spread over the
    labels below it."""
    width = max(len(top), len(row))
    top = [*top, *[""] * (width - len(top))]
    row = [*row, *[""] * (width - len(row))]
    for i in range(1, width):
        spans = (_PERIOD.fullmatch(row[i]) and _PERIOD.fullmatch(row[i - 1])) or (
            _SUB_LABEL.fullmatch(row[i]) and _SUB_LABEL.fullmatch(row[i - 1])
        )
        if not top[i] and top[i - 1] and spans:
            top[i] = top[i - 1]
    return top, row


_SUB_LABEL = re.compile(r"[A-Za-z][A-Za-z/.\- ]{0,24}")
"""A sub-label under a parent header cell: a word or three, no figure ("Volume")."""


def _parted(top: list[str], row: list[str]) -> set[int]:
    """The columns where ``row`` divides a header cell merged across several columns into
    labels of its own ("Target" over "Volume | Satuan", "Sasaran" over "Kinerja |
    Indikator"): at least two different short labels under one parent, and none of the
    parent's columns left empty. The sub-labels then name those columns, the parent
    giving its role to a sub-label that names none."""
    parted: set[int] = set()
    start = 0
    while start < len(top):
        end = start
        while end + 1 < len(top) and top[end + 1] == top[start]:
            end += 1
        under = row[start : end + 1]
        if (
            top[start]
            and end > start
            and all(_SUB_LABEL.fullmatch(b) and len(b.split()) <= 3 for b in under)
            and len(set(under)) == len(under)
        ):
            parted.update(range(start, end + 1))
        start = end + 1
    return parted
