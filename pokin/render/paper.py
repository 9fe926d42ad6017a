"""Printing a tree on paper: a multi-page PDF of A4 or A3 pages a planner prints.

:func:`plan_paper` splits the tree into drawings that each fit the paper at a legible
scale (the unit pages of :mod:`.pages`, split finer until every page is drawn at
:data:`MIN_SCALE` or more), after an overview page (the units and the pages they are on)
and, when it fits legibly, the whole tree on one page. :func:`render_paper` lays each page
out with Graphviz (``size`` shrinks a drawing to the printable area) and places the pages
on sheets of the exact paper size with ``pypdfium2`` (the ``pokin[pdf]`` extra).
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .._files import atomic_write
from ..chart import NO_UNIT
from ..checks import Findings
from ..errors import RenderError
from ..graph import Cascade
from ..models import PohonKinerja
from .backend import measure, run_dot
from .dot import build
from .labels import escape_html
from .pages import MAX_NODES, unit_pages
from .scene import Prepared, Scene, ordered
from .style import FONT

__all__ = ["MIN_SCALE", "PAPERS", "PaperPage", "paper_size", "plan_paper", "render_paper"]

PAPERS = {"A4": (595.28, 841.89), "A3": (841.89, 1190.55)}
"""Paper sizes in points (portrait width, height)."""

MIN_SCALE = 0.6
"""The smallest scale a page is printed at: the 10 pt texts of the boxes stay 6 pt or more."""

MARGIN = 28.35  # 1 cm around the drawing
_HEADER = 44.0  # room the page header takes above the drawing, in points
_FIRST_BUDGET_AREA = 9000.0  # square points one box takes, to guess the first split
_LANDSCAPE_STACK = 2  # staff boxes a column holds on a landscape sheet (measured: 65 -> 44
# A4 landscape pages for 1e3 indicators; 2 and 1 give the same, portrait gains nothing)


@dataclass(frozen=True, slots=True)
class PaperPage:
    """One printed page: its title, the units it shows, its DOT text (without header)
    and the scale it is printed at (1 = full size); ``own`` the boxes it is about."""

    title: str
    units: tuple[str, ...]
    dot: str
    scale: float
    own: frozenset[str] = frozenset()


def paper_size(paper: str, landscape: bool = False) -> tuple[float, float]:
    """The (width, height) of ``paper`` in points.

    >>> paper_size("a4", landscape=True)
    (841.89, 595.28)
    """
    size = PAPERS.get(paper.strip().upper())
    if size is None:
        raise ValueError(f"kertas {paper!r} tidak dikenal: pilih {' atau '.join(PAPERS)}")
    return (size[1], size[0]) if landscape else size


def _area(paper: str, landscape: bool) -> tuple[float, float]:
    width, height = paper_size(paper, landscape)
    return width - 2 * MARGIN, height - 2 * MARGIN - _HEADER


def plan_paper(
    tree: PohonKinerja | Cascade,
    *,
    paper: str = "A4",
    landscape: bool = False,
    findings: Findings | bool | None = True,
    wrap: int = 32,
    timeout: float = 30.0,
) -> list[PaperPage]:
    """The pages of the printout: the overview, the whole tree when it fits legibly,
    then the unit pages, each at a scale of at least :data:`MIN_SCALE` where one box allows.

    Runs ``dot`` to measure the drawings. Raises :class:`~pokin.errors.RenderError`.
    """

    prep = Prepared(Cascade.of(tree), findings)
    area = _area(paper, landscape)
    sizes: dict[str, tuple[float, float]] = {}

    def scales(dots: Sequence[str]) -> list[float]:
        todo = [d for d in dict.fromkeys(dots) if d not in sizes]
        with ThreadPoolExecutor(max_workers=min(len(todo) or 1, os.cpu_count() or 1)) as pool:
            svgs = pool.map(lambda d: run_dot(d, timeout=timeout).decode("utf-8"), todo)
            sizes.update(zip(todo, (measure(s) for s in svgs), strict=True))
        return [min(1.0, area[0] / sizes[d][0], area[1] / sizes[d][1]) for d in dots]

    units = list(prep.cascade.units) or [NO_UNIT]
    # on a sheet wider than tall, staff stand two to a column, not three: the unit pages
    # were limited by their height (a kelurahan family ~400 x 750 pt on A4 landscape)
    stack = _LANDSCAPE_STACK if area[0] > area[1] else None
    budget = int(area[0] * area[1] / _FIRST_BUDGET_AREA)
    body = _split(prep, units, scales, wrap, budget, stack)
    whole: list[PaperPage] = []
    if len(prep.nodes) <= MAX_NODES:
        dot = build(prep, Scene(ordered(prep, prep.nodes)), wrap=wrap, legend=True)
        scale = scales([dot])[0]
        if scale >= MIN_SCALE:
            whole = [PaperPage("Seluruh pohon kinerja", tuple(units), dot, scale)]
    return [*_overviews(body, units, len(whole), scales), *whole, *body]


def _overviews(
    body: Sequence[PaperPage],
    units: Sequence[str],
    whole: int,
    scales: Callable[[Sequence[str]], list[float]],
) -> list[PaperPage]:
    """The overview: one table of units and their pages, over as many pages as it needs to
    print at :data:`MIN_SCALE` or more (a kabupaten-sized tree has a hundred units)."""
    total = len(_overview_rows(body, units, 0))  # the page numbers wait for the count
    size = max(total, 1)  # rows per overview page
    while True:
        count = max(1, -(-total // size))
        rows = _overview_rows(body, units, 1 + count + whole)
        parts = [rows[i : i + size] for i in range(0, len(rows), size)] or [[]]
        dots = [_overview(part) for part in parts]
        found = scales(dots)
        if min(found) >= MIN_SCALE or size == 1:
            break
        size = max(1, min(size - 1, int(size * min(found) / MIN_SCALE)))
    return [
        PaperPage(
            "Ikhtisar" + (f" ({n} dari {count})" if count > 1 else ""), tuple(units), dot, scale
        )
        for n, (dot, scale) in enumerate(zip(dots, found, strict=True), 1)
    ]


def _split(
    prep: Prepared,
    units: Sequence[str],
    scales: Callable[[Sequence[str]], list[float]],
    wrap: int,
    budget: int,
    stack: int | None = None,
) -> list[PaperPage]:
    """The unit pages, each unit split at the largest box budget that keeps all of its
    pages at :data:`MIN_SCALE` or more (a budget of one box is taken as it is)."""
    settled: dict[tuple[str, ...], list[PaperPage]] = {}
    budget = max(1, min(MAX_NODES, budget))
    while True:
        pages = list(
            unit_pages(prep, max_nodes=budget, name="p", wrap=wrap, legend=False, stack=stack)
        )
        found = scales([p.dot for p in pages])
        by_unit: dict[tuple[str, ...], list[PaperPage]] = {}
        for page, scale in zip(pages, found, strict=True):
            owner = _units_of(page.title, units)
            by_unit.setdefault(owner, []).append(
                PaperPage(page.title, owner, page.dot, scale, page.own)
            )
        for owner, group in by_unit.items():
            if owner not in settled and (budget == 1 or min(p.scale for p in group) >= MIN_SCALE):
                settled[owner] = group
        if len(settled) == len(by_unit):
            return _merge(prep, [settled[owner] for owner in by_unit], scales, wrap, stack)
        budget = max(1, budget * 2 // 3)


def _merge(
    prep: Prepared,
    units: Sequence[list[PaperPage]],
    scales: Callable[[Sequence[str]], list[float]],
    wrap: int,
    stack: int | None = None,
) -> list[PaperPage]:
    """Consecutive pages of one unit put back together while the page stays legible.

    The split above is per unit and by box count: one wide family makes every page of its
    unit small, down to a position a page (a kelurahan of 16 positions on 16 A4 sheets).
    Here each unit's pages are joined, in order, as long as the joined drawing is still
    printed at :data:`MIN_SCALE` or more; the units are worked on side by side, so each
    round measures one candidate per unit at once.
    """
    done: list[list[PaperPage]] = [[] for _ in units]
    current = [list(pages[:1]) for pages in units]  # the page being grown, per unit
    queue = [list(pages[1:]) for pages in units]
    while any(queue):
        trying = [n for n, rest in enumerate(queue) if rest]
        candidates = [_joined(prep, current[n][0], queue[n][0], wrap, stack) for n in trying]
        for n, candidate, scale in zip(
            trying, candidates, scales([c.dot for c in candidates]), strict=True
        ):
            following = queue[n].pop(0)
            if scale >= MIN_SCALE:
                current[n] = [replace(candidate, scale=scale)]
            else:
                done[n].append(current[n][0])
                current[n] = [following]
    pages = []
    for finished, last in zip(done, current, strict=True):
        group = finished + last
        for part, page in enumerate(group, 1):
            title = page.title
            if len(group) > 1 and page.units:
                title = f"{page.units[0]} (bagian {part} dari {len(group)})"
            pages.append(PaperPage(title, page.units, page.dot, page.scale, page.own))
    return pages


def _joined(
    prep: Prepared, first: PaperPage, then: PaperPage, wrap: int, stack: int | None
) -> PaperPage:
    """One page of the boxes of ``first`` and ``then`` (with the context they link up to)."""
    own = first.own | then.own
    context = prep.context(own)
    scene = Scene(ordered(prep, own | context), frozenset(context), first.title, stack=stack)
    dot = build(prep, scene, wrap=wrap, legend=False)
    return PaperPage(first.title, first.units, dot, 0.0, frozenset(own))


def _units_of(title: str, units: Sequence[str]) -> tuple[str, ...]:
    """The unit a unit page's title names (``Unit``, ``Unit — Jabatan``, ``Unit (2)``)."""
    for unit in sorted(units, key=len, reverse=True):
        if title == unit or title.startswith((f"{unit} — ", f"{unit} (")):
            return (unit,)
    return ()


def _overview_rows(
    body: Sequence[PaperPage], units: Sequence[str], first: int
) -> list[tuple[str, str]]:
    """(unit, its page numbers) for every unit that has a page, in the chart's order."""
    on: dict[str, list[int]] = {unit: [] for unit in units}
    for number, page in enumerate(body, first):
        for unit in page.units:
            on.setdefault(unit, []).append(number)
    return [(unit, _numbers(numbers)) for unit, numbers in on.items() if numbers]


def _overview(rows: Sequence[tuple[str, str]]) -> str:
    cells = "".join(
        f'<TR><TD ALIGN="LEFT">{escape_html(unit)}</TD>'
        f'<TD ALIGN="RIGHT">{escape_html(numbers)}</TD></TR>'
        for unit, numbers in rows
    )
    label = (
        '<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="0" CELLPADDING="5" COLOR="#90a4ae">'
        '<TR><TD ALIGN="LEFT"><B>unit</B></TD><TD ALIGN="RIGHT"><B>halaman</B></TD></TR>'
        f"{cells}</TABLE>"
    )
    return (
        'digraph ikhtisar {\n  node [shape=plain fontname="Arial,Helvetica,sans-serif" '
        f"fontsize=12]\n  index [label=<{label}>]\n}}\n"
    )


def _numbers(numbers: Sequence[int]) -> str:
    """Page numbers as a planner reads them.

    >>> _numbers([3]), _numbers([3, 4, 5]), _numbers([3, 5])
    ('3', '3–5', '3, 5')
    """
    if len(numbers) > 1 and numbers[-1] - numbers[0] == len(numbers) - 1:
        return f"{numbers[0]}–{numbers[-1]}"
    return ", ".join(str(n) for n in numbers)


def _with_header(dot: str, header: str, area: tuple[float, float]) -> str:
    """``dot`` with the page header as its title and shrunk to fit ``area`` (points)."""
    width, height = (f"{v / 72:.3f}" for v in area)
    lines = '<BR ALIGN="LEFT"/>'.join(escape_html(part) for part in header.split("\n"))
    attrs = (
        f'  graph [label=<<FONT POINT-SIZE="14">{lines}</FONT><BR ALIGN="LEFT"/>> '
        f'fontname="{FONT}" labelloc=t labeljust=l size="{width},{height}" pad=0.1]\n'
    )
    end = dot.rstrip().rfind("}")
    return dot[:end] + attrs + "}\n"


def render_paper(
    tree: PohonKinerja | Cascade,
    path: str | os.PathLike[str],
    *,
    paper: str = "A4",
    landscape: bool = False,
    findings: Findings | bool | None = True,
    wrap: int = 32,
    timeout: float = 30.0,
) -> list[PaperPage]:
    """Write the printout of ``tree`` to the PDF ``path``: every page ``paper`` sized
    (A4 or A3, ``landscape`` or not), headed with the organisasi, the unit and
    "halaman N dari M"; return the pages as :func:`plan_paper` planned them.

    The file is written atomically. Raises :class:`~pokin.errors.RenderError` (``dot`` or
    ``pypdfium2`` missing, ``dot`` failed) and ValueError (unknown paper, not a .pdf).
    """

    target = Path(path)
    if target.suffix.lower() != ".pdf":
        raise ValueError(
            f"cetak ke kertas menulis PDF: namai berkasnya .pdf, bukan {target.name!r}"
        )
    pdfium = _pdfium()
    size = paper_size(paper, landscape)
    area = _area(paper, landscape)
    pages = plan_paper(
        tree, paper=paper, landscape=landscape, findings=findings, wrap=wrap, timeout=timeout
    )
    org = Cascade.of(tree).tree.organisasi.nama
    dots = [
        _with_header(p.dot, f"Pohon Kinerja {org}\n{p.title} · halaman {n} dari {len(pages)}", area)
        for n, p in enumerate(pages, 1)
    ]
    with ThreadPoolExecutor(max_workers=min(len(dots), os.cpu_count() or 1)) as pool:
        drawn = list(pool.map(lambda d: run_dot(d, format="pdf", timeout=timeout), dots))
    data = _sheets(pdfium, drawn, size)
    with atomic_write(target, binary=True) as handle:
        handle.write(data)
    return pages


def _pdfium() -> Any:
    try:
        import pypdfium2
    except ImportError:
        raise RenderError(
            "mencetak ke kertas (--paper) memerlukan pypdfium2: pasang dengan "
            "`pip install 'pokin[pdf]'`"
        ) from None
    return pypdfium2


def _sheets(pdfium: Any, drawn: Sequence[bytes], size: tuple[float, float]) -> bytes:
    """The drawings placed, centred and never enlarged, on sheets of exactly ``size``."""
    out = pdfium.PdfDocument.new()
    for data in drawn:
        source = pdfium.PdfDocument(data)
        width, height = source.get_page_size(0)
        scale = min(1.0, (size[0] - 2 * MARGIN) / width, (size[1] - 2 * MARGIN) / height)
        left = (size[0] - width * scale) / 2
        bottom = size[1] - MARGIN - height * scale  # at the top of the sheet
        drawing = source.page_as_xobject(0, out).as_pageobject()
        drawing.transform(pdfium.PdfMatrix().scale(scale, scale).translate(left, bottom))
        sheet = out.new_page(*size)
        sheet.insert_obj(drawing)
        sheet.gen_content()
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()
