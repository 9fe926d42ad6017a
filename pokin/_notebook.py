"""Jupyter display of pokin's objects, all in one place at the top of the package.

The model, the graph and the findings know nothing of drawings: when pokin is imported
inside IPython, :func:`register` tells IPython's display formatters how to show a
:class:`~pokin.models.PohonKinerja`, a :class:`~pokin.graph.Cascade`, a
:class:`~pokin.findings.Findings` and a :class:`~pokin.render.Diagram`. The types are named,
not imported, so registering costs nothing until an object is shown. A display never
raises: a notebook gets a small SVG naming the problem instead of a traceback.
"""

from __future__ import annotations

import sys
import textwrap
from html import escape
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .coverage import Coverage
    from .diff import Diff
    from .explore import Explorer
    from .findings import Findings
    from .graph import Cascade
    from .link import Proposals
    from .models import PohonKinerja
    from .render import Diagram
    from .sakip import Penilaian

__all__ = [
    "coverage_display_html",
    "diagram_svg",
    "diff_display_html",
    "error_svg",
    "explorer_html",
    "findings_html",
    "penilaian_display_html",
    "proposals_display_html",
    "register",
    "tree_display_svg",
    "tree_html",
    "tree_svg",
]

_SVG = "image/svg+xml"
_HTML = "text/html"


def tree_svg(tree: PohonKinerja | Cascade, *, max_nodes: int | None = None) -> str:
    """The SVG of the whole tree, for a notebook: never raises.

    A tree larger than ``max_nodes`` boxes (default :data:`pokin.render.MAX_NODES`), or any
    failure, gives a small SVG saying so.
    """
    try:
        from .graph import Cascade
        from .models import PohonKinerja
        from .render import MAX_NODES, box_count, diagram

        source = tree.tree if isinstance(tree, Cascade) else tree
        assert isinstance(source, PohonKinerja)
        boxes = box_count(source)
        if boxes > (MAX_NODES if max_nodes is None else max_nodes):
            return error_svg(
                f"{source.organisasi.nama} punya {boxes} kotak, terlalu banyak untuk satu "
                "gambar: gambar satu unit dengan pokin.render.diagram(tree, unit=...), atau "
                "halaman per unit dengan pokin.render.render_gallery"
            )
        return diagram_svg(diagram(tree))
    except Exception as exc:
        return error_svg(f"pokin tidak dapat menggambar pohon ini: {exc}")


def _too_large(tree: PohonKinerja | Cascade, max_nodes: int | None) -> bool:
    from .graph import Cascade
    from .render import MAX_NODES, box_count

    source = tree.tree if isinstance(tree, Cascade) else tree
    return box_count(source) > (MAX_NODES if max_nodes is None else max_nodes)


def tree_html(tree: PohonKinerja | Cascade, *, max_nodes: int | None = None) -> str | None:
    """A tree too large for one drawing, as the explorer page in an ``<iframe>`` (pan,
    zoom, search, the path to the IKU; see :mod:`pokin.explore`); ``None`` for a tree that
    is drawn as SVG. Never raises: a failure gives a note naming it.
    """
    try:
        if not _too_large(tree, max_nodes):
            return None
        from .explore import explore_html, iframe

        return iframe(explore_html(tree), height="760px")
    except Exception as exc:  # a notebook must show the problem, never a traceback
        problem = escape(str(exc))
        return f"<p style='color:#b71c1c'>pokin tidak dapat menampilkan pohon ini: {problem}</p>"


def explorer_html(explorer: Explorer) -> str:
    """An :class:`~pokin.explore.Explorer` in a sandboxed ``<iframe>``."""
    from .explore import iframe

    return iframe(explorer.html, height="760px")


def tree_display_svg(tree: PohonKinerja | Cascade) -> str | None:
    """The SVG a notebook shows for a tree, or ``None`` when :func:`tree_html` shows it."""
    try:
        if _too_large(tree, None):
            return None
    except Exception:  # tree_svg names the problem
        pass
    return tree_svg(tree)


def diagram_svg(diagram: Diagram) -> str:
    """The SVG of a :class:`~pokin.render.Diagram`, or an SVG naming why it failed."""
    try:
        return diagram.svg()
    except Exception as exc:  # a notebook must show the problem, never a traceback
        return error_svg(f"pokin tidak dapat menggambar diagram ini: {exc}")


def findings_html(findings: Findings) -> str:
    """Findings as an HTML table (see :func:`pokin.report.findings_html`)."""
    from .report import findings_html as table

    return table(findings)


def coverage_display_html(cov: Coverage) -> str:
    """A :class:`~pokin.coverage.Coverage` as a table per unit; never raises."""
    try:
        from .report.tables import coverage_html

        return coverage_html(cov)
    except Exception as exc:  # a display must not raise in a notebook
        return f"<p>pokin: cakupan tidak dapat ditampilkan: {escape(str(exc))}</p>"


def proposals_display_html(proposals: Proposals) -> str:
    """The proposals of :func:`pokin.infer_links` as a table; never raises."""
    try:
        from .report.tables import proposals_html

        return proposals_html(proposals, proposals.ringkasan)
    except Exception as exc:  # a display must not raise in a notebook
        return f"<p>pokin: usulan tautan tidak dapat ditampilkan: {escape(str(exc))}</p>"


def diff_display_html(d: Diff) -> str:
    """A :class:`~pokin.diff.Diff` as its tables of changes; never raises."""
    try:
        from .diff import diff_tables

        return diff_tables(d)
    except Exception as exc:  # a display must not raise in a notebook
        return f"<p>pokin: perubahan tidak dapat ditampilkan: {escape(str(exc))}</p>"


def penilaian_display_html(penilaian: Penilaian) -> str:
    """A SAKIP pre-evaluation (:func:`pokin.sakip`): the worksheets' percentages, then each
    LKE criterion with its estimate, answer, reason and fix; never raises."""
    try:
        from .sakip import persen

        sheets = "".join(
            f"<li><b>{escape(s.kode)}</b> {persen(s.share)}: {escape(s.judul)}</li>"
            for s in penilaian.lembar
        )
        rows = "".join(
            f"<tr><td><b>{escape(k.kode)}</b></td><td>{escape(k.uraian)}</td>"
            f"<td>{persen(k.nilai)}</td><td>{escape(k.jawaban_teks)}</td>"
            f"<td>{escape('; '.join(x for x in (k.alasan, k.saran) if x))}</td></tr>"
            for k in penilaian.kriteria
        )
        year = f" {penilaian.tahun}" if penilaian.tahun else ""
        return (
            f"<p><b>Kesiapan evaluasi SAKIP: {escape(penilaian.organisasi)}{year}</b> "
            "(perkiraan pokin, bukan nilai evaluator)</p>"
            f"<ul>{sheets}</ul><table><thead><tr><th>Kriteria</th><th>Uraian</th>"
            "<th>Nilai</th><th>Perkiraan jawaban</th><th>Catatan dan perbaikan</th></tr>"
            f"</thead><tbody>{rows}</tbody></table>"
        )
    except Exception as exc:  # a display must not raise in a notebook
        return f"<p>pokin: penilaian SAKIP tidak dapat ditampilkan: {escape(str(exc))}</p>"


_DISPLAYS = (
    ("pokin.models.tree", "PohonKinerja", _SVG, tree_display_svg),
    ("pokin.models.tree", "PohonKinerja", _HTML, tree_html),
    ("pokin.graph", "Cascade", _SVG, tree_display_svg),
    ("pokin.graph", "Cascade", _HTML, tree_html),
    ("pokin.render", "Diagram", _SVG, diagram_svg),
    ("pokin.explore", "Explorer", _HTML, explorer_html),
    ("pokin.findings", "Findings", _HTML, findings_html),
    ("pokin.diff.compare", "Diff", _HTML, diff_display_html),
    ("pokin.coverage", "Coverage", _HTML, coverage_display_html),
    ("pokin.link", "Proposals", _HTML, proposals_display_html),
    ("pokin.sakip.model", "Penilaian", _HTML, penilaian_display_html),
)


def register(display_formatter: Any = None) -> bool:
    """Teach IPython to show pokin's objects; True when there was an IPython to teach.

    ``display_formatter`` defaults to the running shell's; pass one (an
    ``IPython.core.formatters.DisplayFormatter``) to register elsewhere, as the tests do.
    """
    if display_formatter is None:
        ipython = sys.modules.get("IPython")
        shell = ipython.get_ipython() if ipython is not None else None
        if shell is None:
            return False
        display_formatter = shell.display_formatter
    for module, name, mime, show in _DISPLAYS:
        display_formatter.formatters[mime].for_type_by_name(module, name, show)
    return True


def error_svg(message: str) -> str:
    """A small SVG showing ``message`` (escaped), for notebooks.

    >>> "&lt;p&gt;" in error_svg("bad <p> text")
    True
    """
    lines = textwrap.wrap(" ".join(message.split()), 90) or [""]
    height = 16 * len(lines) + 16
    texts = "".join(
        f'<text x="8" y="{20 + 16 * n}">{escape(line)}</text>' for n, line in enumerate(lines)
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="640" height="{height}" '
        f'viewBox="0 0 640 {height}" font-family="sans-serif" font-size="12" fill="#b71c1c">'
        f'<rect width="640" height="{height}" fill="#fff3f3" stroke="#e57373"/>{texts}</svg>'
    )
