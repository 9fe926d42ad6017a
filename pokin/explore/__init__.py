"""Explore a large pohon kinerja in the browser: one self-contained, offline HTML page.

The whole tree, every position in rows by level (every Kasi on one row, every staff on one),
with pan and zoom, search over every text, the path of a box up to the IKU and what cascades
from it, a side panel with full texts, findings and capaian, collapsible units and positions,
and filters for orphans, uncascaded IKU, level skips and links awaiting review.

>>> from pokin import datasets
>>> page = explore_html(datasets.load("sambutan-2023"))
>>> page.startswith("<!DOCTYPE html>"), 'type="application/json"' in page
(True, True)
"""

from __future__ import annotations

import os
from pathlib import Path

from .._files import atomic_write
from ..checks import Findings
from ..graph import Cascade
from ..models import PohonKinerja
from .data import FILTERS, explorer_data, json_for_html
from .page import iframe, page_html, vendored

__all__ = [
    "FILTERS",
    "Explorer",
    "explore",
    "explore_html",
    "explorer_data",
    "iframe",
    "json_for_html",
    "vendored",
    "write_explorer",
]


def explore_html(tree: PohonKinerja | Cascade, *, findings: Findings | None = None) -> str:
    """The explorer page of ``tree`` (``findings`` are run when not given)."""
    return page_html(explorer_data(tree, findings=findings))


def write_explorer(
    tree: PohonKinerja | Cascade,
    path: str | os.PathLike[str],
    *,
    findings: Findings | None = None,
) -> Path:
    """Write the explorer page of ``tree`` to ``path``, atomically; return the path."""
    target = Path(path)
    text = explore_html(tree, findings=findings)
    with atomic_write(target) as handle:
        handle.write(text)
    return target


class Explorer:
    """The explorer page of a tree: ``save`` it, or let Jupyter show it (through
    :mod:`pokin._notebook`, in a sandboxed frame).

    >>> from pokin import datasets
    >>> explore(datasets.load("sambutan-2023"))
    <Explorer: Pohon Kinerja Kecamatan Sambutan 2023, 32 kotak>
    """

    def __init__(self, page: str, *, title: str = "", boxes: int = 0) -> None:
        self.html = page
        self.title = title
        self.boxes = boxes

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the page to ``path``, atomically; return the path."""
        target = Path(path)
        with atomic_write(target) as handle:
            handle.write(self.html)
        return target

    def __repr__(self) -> str:
        return f"<Explorer: {self.title}, {self.boxes} kotak>"


def explore(tree: PohonKinerja | Cascade, *, findings: Findings | None = None) -> Explorer:
    """The explorer of ``tree``, to show in a notebook or :meth:`Explorer.save`."""
    data = explorer_data(tree, findings=findings)
    return Explorer(page_html(data), title=str(data["judul"]), boxes=len(data["kotak"]))
