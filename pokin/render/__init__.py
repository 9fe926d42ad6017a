"""Cascading diagrams: DOT text, rendered files, pages for large trees, Jupyter display.

:func:`to_dot` builds the DOT text (pure Python, no Graphviz needed); :func:`render`
writes an SVG, PNG or PDF through Graphviz's ``dot`` with a timeout; :func:`paginate`
splits a tree too large for one drawing into pages per unit with an index;
:func:`render_paper` prints it on A4/A3 pages (:mod:`.paper`); :func:`render_gallery`
writes a whole set of drawings (what ``pokin demo`` puts in ``render/``); :func:`diagram`
gives a :class:`Diagram` that shows itself in a notebook.

>>> from pokin import datasets
>>> tree = datasets.load("sambutan-2023")
>>> to_dot(tree).startswith("digraph pokin {")
True
>>> "Seksi Pelayanan Umum" in to_dot(tree, unit="Seksi Pelayanan Umum")
True
>>> render(tree, "sambutan.svg")  # doctest: +SKIP
PosixPath('sambutan.svg')
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import TypedDict, Unpack

from .._files import AtomicFiles
from .._gc import collector_paused
from ..chart import NO_UNIT
from ..checks import Findings
from ..errors import RenderError
from ..graph import ROOT, Cascade
from ..models import PohonKinerja
from .backend import FORMATS, MISSING_DOT, format_of, measure, run_dot, write_output
from .dot import build
from .pages import MAX_NODES, Page, index_page, paginate, unit_pages
from .paper import PaperPage, plan_paper, render_paper
from .scene import Prepared, Scene, ordered
from .style import IKU

__all__ = [
    "FORMATS",
    "MAX_NODES",
    "MISSING_DOT",
    "Diagram",
    "DotOptions",
    "Page",
    "PaperPage",
    "box_count",
    "diagram",
    "measure",
    "paginate",
    "plan_paper",
    "render",
    "render_gallery",
    "render_paper",
    "run_dot",
    "to_dot",
    "to_svg",
]


Source = PohonKinerja | Cascade

_HEADER = re.compile(r'PORT="(?:b\d+)?h"')  # one per box in the DOT text


class DotOptions(TypedDict, total=False):
    """The options of :func:`to_dot`, accepted as ``**options`` by the other functions."""

    root: str | None
    unit: str | None
    depth: int | None
    findings: Findings | bool | None
    wrap: int
    legend: bool


# -- DOT text ---------------------------------------------------------------------------------


def to_dot(
    tree: Source,
    *,
    root: str | None = None,
    unit: str | None = None,
    depth: int | None = None,
    findings: Findings | bool | None = True,
    wrap: int = 32,
    legend: bool = True,
) -> str:
    """The DOT text of the cascade diagram of ``tree`` (no Graphviz needed).

    Args:
        tree: the tree, or its :class:`~pokin.graph.Cascade`.
        root: a jabatan id, or a kinerja / indikator id: draw only what cascades below it.
        unit: draw only the positions of this unit (case-insensitive), with the boxes
            they link up to and their atasan's kinerja, greyed, for context.
        depth: follow at most this many cascade links down (from ``root``, or from the
            top; without ``root``, orphan kinerja of positions within ``depth`` levels
            of the top are kept so gaps stay visible).
        findings: ``True`` runs :func:`pokin.check` and marks what it finds (orphan
            kinerja, indicators not cascaded, level skips, crosscutting links); given
            :class:`~pokin.checks.Findings` are used as they are; ``None`` / ``False``
            draws no marks.
        wrap: the line length at which texts wrap (full texts are in the tooltips).
        legend: draw the colour key.

    Raises:
        ValueError: ``root`` or ``unit`` names nothing in the tree.
        RenderError: the atasan chain is too deep to lay out (thousands of levels).

    >>> from pokin import datasets
    >>> dot = to_dot(datasets.load("sambutan-2023"), root="kasubbag-perencanaan-keuangan")
    >>> "Bendahara Pengeluaran" in dot, "Petugas Keamanan" in dot
    (True, False)
    """
    prep = Prepared(Cascade.of(tree), findings)
    scene = _scene(prep, root=root, unit=unit, depth=depth)
    try:
        return build(prep, scene, wrap=wrap, legend=legend)
    except RecursionError:  # the layout follows the atasan chain (thousands of levels)
        raise RenderError(
            "rantai atasan terlalu dalam untuk digambar dalam satu diagram; gambar sebagian "
            "(--root <id> --depth <n>) atau per halaman (--pages)"
        ) from None


def _scene(prep: Prepared, *, root: str | None, unit: str | None, depth: int | None) -> Scene:
    c = prep.cascade
    parts: list[str] = []
    if depth is not None and depth < 0:
        raise ValueError(f"kedalaman (depth) {depth}: beri 0 atau lebih")
    if root is not None:
        try:
            nodes = c.subtree(root, depth=depth)
        except KeyError:
            raise ValueError(
                f"tidak ada jabatan, kinerja atau indikator ber-id «{root}»: beri id jabatan "
                f"(misalnya {', '.join(list(c.jabatan)[:4])}) atau id kinerja/indikator "
                "(`pokin show` mencetak semua id)"
            ) from None
        boxes = {prep.box_of[n] for n in nodes if n in prep.box_of}
        owner = c.jabatan.get(root)
        parts.append(f"di bawah {owner.nama if owner else root}")
        if depth is not None:
            parts.append(f"kedalaman {depth}")
    elif depth is not None:
        boxes = {prep.box_of[n] for n in c.subtree(ROOT, depth=depth) if n in prep.box_of}
        offset = 1 if prep.tree.iku else 0
        boxes.update(
            box
            for box, owner in prep.jabatan_of.items()
            if owner != IKU and box not in c.reached and prep.level(owner) + offset <= depth
        )
        parts.append(f"kedalaman {depth}")
    else:
        boxes = set(prep.nodes)
    context: set[str] = set()
    if unit is not None:
        members = _members(prep, unit)
        boxes = {b for b in boxes if prep.jabatan_of[b] in members}
        context = prep.context(boxes)
        for member in members:  # the superiors, even when nothing links up to them yet
            atasan = c.jabatan[member].atasan
            if atasan is not None and atasan not in members:
                context.update(str(k.id) for k in c.jabatan[atasan].kinerja)
        parts.insert(0, c.jabatan[next(iter(members))].unit or NO_UNIT)
    return Scene(ordered(prep, boxes | context), frozenset(context), " · ".join(parts))


def _members(prep: Prepared, unit: str) -> set[str]:
    c = prep.cascade
    unit = " ".join(unit.split())
    found = c.by_unit(unit) or (
        [j for j in prep.tree.jabatan if j.unit is None] if unit.casefold() == NO_UNIT else []
    )
    if not found:
        raise ValueError(f"tidak ada jabatan di unit «{unit}»: unit yang ada: {', '.join(c.units)}")
    return {str(j.id) for j in found}


def render(
    tree: Source,
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    timeout: float = 30.0,
    **options: Unpack[DotOptions],
) -> Path:
    """Draw ``tree`` into ``path`` (SVG, PNG, PDF, or the DOT text); return the path.

    The format comes from the suffix unless ``format`` is given; ``options`` are those of
    :func:`to_dot` (``root``, ``unit``, ``depth``, ``findings``, ``wrap``, ``legend``).
    The file is written atomically: a failed drawing leaves an existing file untouched.

    Raises:
        RenderError: Graphviz's ``dot`` is missing, timed out or failed (not for ``.dot``).
        ValueError: an unknown format or option value.
    """
    target = Path(path)
    fmt = format_of(target, format)
    source = to_dot(tree, **options)
    return write_output(run_dot(source, format=fmt, timeout=timeout), target, fmt)


def to_svg(tree: Source, *, timeout: float = 30.0, **options: Unpack[DotOptions]) -> str:
    """The SVG text of the diagram of ``tree``; ``options`` as for :func:`to_dot`.

    Raises:
        RenderError: Graphviz's ``dot`` is missing, timed out or failed.
    """
    source = to_dot(tree, **options)
    return run_dot(source, format="svg", timeout=timeout).decode("utf-8")


def render_gallery(
    tree: Source,
    out_dir: str | os.PathLike[str],
    *,
    name: str,
    max_nodes: int = MAX_NODES,
    timeout: float = 30.0,
    findings: Findings | bool | None = True,
    wrap: int = 32,
    legend: bool = True,
) -> list[Path]:
    """Write ``<name>.svg`` and ``<name>.dot`` (the whole tree, or an index when it is
    larger than ``max_nodes`` boxes) and one ``<name>-<unit>.svg`` per unit into ``out_dir``.

    Returns the paths written. Each drawing is laid out by ``dot`` as soon as it is planned,
    on every core this process may use, while the next one is planned; nothing is written
    unless all of them succeed (:class:`~pokin._files.AtomicFiles`).

    Raises:
        RenderError: Graphviz's ``dot`` is missing, timed out or failed.
    """
    folder = Path(out_dir)
    with collector_paused(), AtomicFiles() as files:  # 1e5 boxes' labels: no garbage
        with _handoffs(), _Drawing(files, folder, timeout) as drawing:
            prep = Prepared(Cascade.of(tree), findings)
            main, stems = _plan(drawing, prep, name, max_nodes=max_nodes, wrap=wrap, legend=legend)
            del prep  # freed (1e5 boxes: seconds) while dot still lays out the last pages
        files.write(folder / f"{name}.dot", main.encode("utf-8"))
    return [folder / f"{name}.dot", folder / f"{name}.svg", *(folder / f"{s}.svg" for s in stems)]


def _plan(
    drawing: _Drawing, prep: Prepared, name: str, *, max_nodes: int, wrap: int, legend: bool
) -> tuple[str, list[str]]:
    """Plan the gallery's drawings, each handed to ``drawing`` as soon as it is made: the
    DOT text of ``<name>.svg`` (the whole tree, or the index) and the pages' names."""
    pages: list[Page] = []
    if len(prep.nodes) <= max_nodes:
        main = build(prep, Scene(ordered(prep, prep.nodes)), wrap=wrap, legend=legend)
        drawing.submit(main, name)
    for page in unit_pages(prep, max_nodes=max_nodes, name=name, wrap=wrap, legend=legend):
        if drawing.failed:
            break
        pages.append(page)
        drawing.submit(page.dot, page.name)
    if len(prep.nodes) > max_nodes:
        main = index_page(prep, pages, name).dot
        drawing.submit(main, name)
    return main, [p.name for p in pages]


class _Drawing:
    """``dot`` laying out drawings into staged files, one per core, in the order given.

    Leaving the block waits for them and raises the first failure (in that order); a
    failure stops what was not started yet (:attr:`failed` tells the planner to stop).
    """

    def __init__(self, files: AtomicFiles, folder: Path, timeout: float) -> None:
        self.files, self.folder, self.timeout = files, folder, timeout
        self.pool = ThreadPoolExecutor(max_workers=_cores())
        self.jobs: list[Future[None]] = []
        self.failed = False

    def __enter__(self) -> _Drawing:
        return self

    def submit(self, dot: str, stem: str) -> None:
        """Lay out ``dot`` into ``<stem>.svg`` in the folder."""
        if self.failed:
            return
        job = self.pool.submit(self._draw, dot, self.folder / f"{stem}.svg")
        job.add_done_callback(self._done)
        self.jobs.append(job)

    def _draw(self, dot: str, target: Path) -> None:
        self.files.write(target, run_dot(dot, timeout=self.timeout))

    def _done(self, job: Future[None]) -> None:
        if not job.cancelled() and job.exception() is not None:
            self.failed = True

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        self.pool.shutdown(wait=True, cancel_futures=self.failed or kind is not None)
        if kind is None:
            for job in self.jobs:
                if not job.cancelled():
                    job.result()


@contextmanager
def _handoffs(interval: float = 0.0005) -> Iterator[None]:
    """The interpreter lock handed over within ``interval`` seconds while the gallery is
    planned: each ``dot`` thread takes it at every chunk of its pipes, and at the default
    5 ms it waited that long each time behind the planning thread (1e5, load 12: x1,43 of
    dot alone, x1,14 with 0,5 ms). The interval the process had is restored after."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(min(before, interval))
    try:
        yield
    finally:
        sys.setswitchinterval(before)


def _cores() -> int:
    """How many cores this process may run on (its affinity where the system tells it)."""
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity is not None else os.cpu_count() or 1


# -- Diagram ----------------------------------------------------------------------------------


class Diagram:
    """A drawing: holds the DOT text, lays it out on demand (Jupyter shows it through
    :mod:`pokin._notebook`).

    >>> from pokin import datasets
    >>> d = diagram(datasets.load("sambutan-2023"), unit="Sekretariat")
    >>> d.source.startswith("digraph")
    True
    >>> d.svg()[:5]  # doctest: +SKIP
    '<?xml'
    """

    def __init__(self, source: str, *, timeout: float = 15.0) -> None:
        self.source = source
        self.timeout = timeout
        self._svg: str | None = None

    def svg(self) -> str:
        """The SVG text (computed once). Raises :class:`~pokin.errors.RenderError`."""
        if self._svg is None:
            self._svg = run_dot(self.source, format="svg", timeout=self.timeout).decode("utf-8")
        return self._svg

    def save(self, path: str | os.PathLike[str], *, format: str | None = None) -> Path:
        """Write the drawing to ``path`` (format from the suffix, as :func:`render`)."""
        target = Path(path)
        fmt = format_of(target, format)
        return write_output(run_dot(self.source, format=fmt, timeout=self.timeout), target, fmt)

    def __str__(self) -> str:
        return self.source

    def __repr__(self) -> str:
        return f"<Diagram: {len(_HEADER.findall(self.source))} kotak>"


def diagram(tree: Source, **options: Unpack[DotOptions]) -> Diagram:
    """A :class:`Diagram` of ``tree``; ``options`` as for :func:`to_dot`."""
    return Diagram(to_dot(tree, **options))


def box_count(tree: PohonKinerja | Cascade) -> int:
    """How many boxes the whole drawing of ``tree`` has: one per kinerja and IKU sasaran.

    Above :data:`MAX_NODES`, a tree is drawn in pages (:func:`paginate`), never whole.
    """
    source = tree.tree if isinstance(tree, Cascade) else tree
    return len(source.iku) + sum(len(j.kinerja) for j in source.jabatan)
