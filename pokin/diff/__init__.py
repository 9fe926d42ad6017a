"""Year to year: what changed between two versions of a pohon kinerja.

IKI decrees are revised every year and the SAKIP evaluator compares years (LKE 1.b.6 IKU
stable within a Renstra period, 1.b.7 targets not below last year's realisasi, 3.b.5
realisasi compared with earlier years). :func:`diff` pairs the positions, kinerja and
indicators of two trees (by id, then by title and text similarity, with the score) and lists
what was added, removed, renamed, merged, reworded (word by word) or re-targeted, the links
added, removed or re-pointed, and coverage and findings before → after. The result prints as
text (:func:`diff_text`), Markdown, JSON, or an HTML page with both diagrams side by side
(:func:`diff_html`). :func:`show` prints one tree as stable readable lines, the textconv
that makes ``git diff`` on a pokin file read as a change of the pohon kinerja.

The subpackage is callable: ``pokin.diff(old, new)`` is :func:`diff`, and
``pokin.diff.diff_text`` and the other names stay reachable.

>>> import pokin
>>> d = pokin.diff("sambutan-2023", "sambutan-2023")
>>> len(d), d.fixed, d.appeared
(0, [], [])
"""

from __future__ import annotations

import sys
import types

from ..models import PohonKinerja
from .compare import Diff, JabatanDiff, LinkDiff, NodeDiff, Ubah
from .compare import diff as _diff
from .output import diff_json, diff_markdown, diff_text
from .page import diff_html, diff_tables, highlight
from .show import show
from .source import Source, resolve

__all__ = [
    "Diff",
    "JabatanDiff",
    "LinkDiff",
    "NodeDiff",
    "Source",
    "Ubah",
    "diff",
    "diff_html",
    "diff_json",
    "diff_markdown",
    "diff_tables",
    "diff_text",
    "highlight",
    "resolve",
    "show",
]


def diff(old: Source | PohonKinerja, new: Source | PohonKinerja) -> Diff:
    """What changed from ``old`` to ``new``: trees, files, dataset names or
    ``git:REV:path``.

    Raises:
        PokinFileError: a source cannot be read.
    """
    return _diff(resolve(old)[1], resolve(new)[1])


class _CallableModule(types.ModuleType):
    """The module of :mod:`pokin.diff`, called as its main function."""

    def __call__(self, old: Source | PohonKinerja, new: Source | PohonKinerja) -> Diff:
        return diff(old, new)


sys.modules[__name__].__class__ = _CallableModule
