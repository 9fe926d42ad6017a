"""How pokin scales: every operation from 1e3 to 3e5 indicators (1e6 for load and check).

    .venv/bin/python bench/bench_scale.py                 # the whole table (10-20 minutes)
    .venv/bin/python bench/bench_scale.py --sizes 1e3,1e4 --ops load,check

Each operation is timed beside a floor measured in the same run, pair by pair (floor,
operation, floor, operation...), and the table gives the median time with the median ratio
to that floor: on a shared machine the seconds drift, the ratios much less. Floors are
timed with the garbage collector held off (pokin holds it off while it builds large
structures; the floor must not pay for collections the operation skips). The growth
exponent ``k`` is fitted on log(time) against log(size): 1 is linear; ``k (last two
sizes)`` is the exponent between the two largest (1e5 and 3e5 in the full run). Figures,
not assertions: the unit tests never time anything.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import floors  # noqa: E402
from synthetic import kelurahan_for, synthetic  # noqa: E402

SIZES = (1_000, 10_000, 100_000, 300_000)
BIG = 1_000_000  # load and check only
OPS = (
    "load",
    "load-json",
    "check",
    "paginate",
    "gallery",
    "infer_links",
    "excel",
    "import",
    "memory",
)
GALLERY_MAX = 10_000  # the gallery lays out every page with dot: minutes beyond this


@dataclass
class Figure:
    """One operation at one size: median seconds, median ratio to its floor."""

    seconds: float
    ratio: float | None = None


@dataclass
class Row:
    name: str
    floor: str
    unit: str = "s"
    figures: dict[int, Figure] = field(default_factory=dict)


CLOCK: Callable[[], float] = time.perf_counter
"""Wall-clock seconds; ``--cpu`` makes it CPU seconds (:func:`cpu_seconds`), which a shared
machine's other work disturbs much less (but the gallery, whose ``dot`` runs in other
processes, is always timed by the wall clock)."""


def cpu_seconds() -> float:
    """This process's CPU seconds and its finished children's: the Excel export computes its
    suggestions in a forked child (pokin.excel.worker), reaped before the export returns."""
    children = os.times()  # in clock ticks (10 ms); this process's own to the nanosecond
    return time.process_time() + children.children_user + children.children_system


def paired(
    op: Callable[[], Any],
    floor: Callable[[], Any] | None,
    repeat: int,
    clock: Callable[[], float] | None = None,
) -> Figure:
    """Time ``floor`` then ``op``, ``repeat`` times in turn, the collector run before each."""
    clock = clock or CLOCK
    times: list[float] = []
    ratios: list[float] = []
    for _ in range(repeat):
        base = None
        if floor is not None:
            gc.collect()
            gc.disable()  # the floor is the work alone, never the collector's passes
            start = clock()
            made = floor()
            base = clock() - start
            del made  # freed after the clock: a caller keeps what it asked for
            gc.enable()
        gc.collect()
        start = clock()
        made = op()
        took = clock() - start
        del made
        times.append(took)
        if base:
            ratios.append(took / base)
    return Figure(statistics.median(times), statistics.median(ratios) if ratios else None)


def repeats(size: int) -> int:
    return 5 if size <= 10_000 else 3 if size <= 100_000 else 2 if size <= 300_000 else 1


class Subject:
    """A synthetic tree of ``size`` indicators, its plain data and its files."""

    def __init__(self, size: int, folder: Path) -> None:
        import pokin

        self.tree = synthetic(kelurahan=kelurahan_for(size))
        self.size = sum(1 for _ in self.tree.iter_indikator())
        self.data: dict[str, Any] = json.loads(json.dumps(pokin.io._clean(self.tree)))
        self.json_text = json.dumps(self.data, ensure_ascii=False)
        self.yaml = folder / f"t{size}.yaml"
        pokin.save(self.tree, self.yaml)
        self.json = folder / f"t{size}.json"
        self.json.write_text(self.json_text, encoding="utf-8")


def run_size(size: int, ops: set[str], rows: dict[str, Row], folder: Path) -> None:
    import pokin

    subject = Subject(size, folder)
    n, rep = subject.size, repeats(size)
    print(f"  {n:>9,} indikator, {len(subject.tree.jabatan):,} jabatan ...", flush=True)
    json_loads = lambda: json.loads(subject.json_text)  # noqa: E731

    def add(key: str, name: str, floor: str, figure: Figure) -> None:
        rows.setdefault(key, Row(name, floor)).figures[size] = figure

    if "load" in ops:
        os.environ["POKIN_CACHE"] = "off"
        add(
            "load",
            "load YAML (+ validation)",
            "json.loads",
            paired(lambda: pokin.load(subject.yaml), json_loads, rep),
        )
        os.environ.pop("POKIN_CACHE")
        pokin.load(subject.yaml)  # fills the cache
        add(
            "load-cached",
            "load YAML, cache hit",
            "json.loads",
            paired(lambda: pokin.load(subject.yaml), json_loads, rep),
        )
    if "load-json" in ops:
        add(
            "load-json",
            "load .json",
            "json.loads",
            paired(lambda: pokin.load(subject.json), json_loads, rep),
        )
    if "check" in ops:
        add(
            "cascade",
            "Cascade(tree)",
            "check floor",
            paired(
                lambda: pokin.Cascade(subject.tree), lambda: floors.check_floor(subject.data), rep
            ),
        )
        add(
            "check",
            "check (all rules)",
            "check floor",
            paired(
                lambda: pokin.check(subject.tree), lambda: floors.check_floor(subject.data), rep
            ),
        )
    if size >= BIG:
        return
    walk = lambda: floors.walk_floor(subject.data)  # noqa: E731
    if "paginate" in ops:
        from pokin.render import paginate

        add("paginate", "paginate", "walk floor", paired(lambda: paginate(subject.tree), walk, rep))
    if "gallery" in ops and size <= GALLERY_MAX:
        run_gallery(subject, size, rows, folder, rep)
    if "infer_links" in ops:
        from pokin.link import infer_links

        add(
            "infer_links",
            "infer_links",
            "walk floor",
            paired(lambda: infer_links(subject.tree), walk, min(rep, 2)),
        )
    if "excel" in ops:
        from pokin.excel import export_xlsx, read_xlsx

        table = floors.rows(subject.data)
        text = floors.csv_write_floor(table)
        xlsx = folder / f"t{size}.xlsx"
        findings = pokin.check(subject.tree)
        add(
            "export",
            "export_xlsx (findings given)",
            "csv write",
            paired(
                lambda: export_xlsx(subject.tree, xlsx, findings=findings),
                lambda: floors.csv_write_floor(table),
                rep,
            ),
        )
        from pokin.link import suggest_links

        add(  # the Saran Tautan column's share of the export (pokin.link, issue 11)
            "export-saran",
            "  of which suggest_links",
            "csv write",
            paired(
                lambda: suggest_links(subject.tree, top=1),
                lambda: floors.csv_write_floor(table),
                rep,
            ),
        )
        add(
            "read",
            "read_xlsx (+ validation)",
            "csv read",
            paired(lambda: read_xlsx(xlsx), lambda: floors.csv_read_floor(text), rep),
        )


def run_gallery(subject: Subject, size: int, rows: dict[str, Row], folder: Path, rep: int) -> None:
    """The gallery against ``dot`` alone laying out the same drawings on all cores (those
    this process may run on, as the gallery does): the index and the pages, or, for a tree
    that fits one drawing, that drawing and a page per unit.

    The floor reads each drawing from a pipe and writes nothing; the gallery also plans the
    pages (overlapped with ``dot``) and writes and flushes every file, as any gallery must.
    Where a tmpfs is at hand (/dev/shm), a second row writes the gallery there: the gap
    between the two rows is what the disk costs, not pokin's planning.
    """
    from pokin.render import paginate, render_gallery, run_dot
    from pokin.render.pages import MAX_NODES, unit_pages
    from pokin.render.scene import Prepared

    drawings = [p.dot for p in paginate(subject.tree, name="g")]
    if len(drawings) == 1:  # the tree fits one drawing: the gallery draws its units too
        units = unit_pages(Prepared(subject.tree), max_nodes=MAX_NODES, name="g", wrap=32)
        drawings.extend(p.dot for p in units)
    workers = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()

    def dot_only() -> None:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            list(pool.map(run_dot, drawings))

    targets = [("gallery", "render_gallery", folder)]
    if Path("/dev/shm").is_dir() and os.access("/dev/shm", os.W_OK):
        memory = Path(tempfile.mkdtemp(prefix="pokin-bench-", dir="/dev/shm"))
        targets.append(("gallery-tmpfs", "  render_gallery, files on tmpfs", memory))
    for key, name, base in targets:
        out = base / f"gallery{subject.size}"
        gallery = partial(render_gallery, subject.tree, out, name="g")
        figure = paired(gallery, dot_only, min(rep, 3), clock=time.perf_counter)
        rows.setdefault(key, Row(name, "dot alone")).figures[size] = figure
        if base != folder:
            shutil.rmtree(base)


def import_time(rows: dict[str, Row]) -> None:
    """``import pokin`` in a fresh interpreter, against the interpreter starting bare."""
    python = sys.executable

    def start(code: str) -> None:
        subprocess.run([python, "-c", code], check=True)

    times, ratios = [], []
    for _ in range(7):
        t0 = time.perf_counter()
        start("pass")
        bare = time.perf_counter() - t0
        t0 = time.perf_counter()
        start("import pokin")
        took = time.perf_counter() - t0
        times.append(took - bare)
        ratios.append(took / bare)
    row = Row("import pokin (beyond start-up)", "bare python")
    row.figures[0] = Figure(statistics.median(times), statistics.median(ratios))
    rows["import"] = row


def peak_memory(size: int, folder: Path) -> float:
    """Peak resident MB (VmHWM) of a fresh process that loads a YAML file of ``size`` and
    checks it (1e6 included: that it runs at all is part of the figure)."""
    import pokin

    path = folder / f"m{size}.yaml"
    if not path.exists():
        pokin.save(synthetic(kelurahan=kelurahan_for(size)), path)
    code = (
        f"import pokin; t = pokin.load({str(path)!r}); pokin.check(t); "
        # VmHWM, not ru_maxrss: Linux carries ru_maxrss across exec from the (large) parent
        "print(next(l for l in open('/proc/self/status') if l.startswith('VmHWM')).split()[1])"
    )
    env = {**os.environ, "POKIN_CACHE": "off"}
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, env=env
    )
    return int(out.stdout.split()[-1]) / 1024


def exponent(figures: dict[int, Figure]) -> float | None:
    """The least-squares slope of log(seconds) on log(size)."""
    points = [(math.log(n), math.log(f.seconds)) for n, f in figures.items() if n and f.seconds]
    if len(points) < 2:
        return None
    mx = statistics.mean(x for x, _ in points)
    my = statistics.mean(y for _, y in points)
    den = sum((x - mx) ** 2 for x, _ in points)
    return sum((x - mx) * (y - my) for x, y in points) / den


def last_exponent(figures: dict[int, Figure]) -> float | None:
    sizes = sorted(n for n in figures if n and n < BIG)
    if len(sizes) < 2:
        return None
    a, b = sizes[-2], sizes[-1]
    return math.log(figures[b].seconds / figures[a].seconds) / math.log(b / a)


def fmt(figure: Figure | None, unit: str) -> str:
    if figure is None:
        return ""
    if unit == "MB":
        return f"{figure.seconds:,.0f} MB"
    value = f"{figure.seconds:.3f} s" if figure.seconds < 10 else f"{figure.seconds:.1f} s"
    return value + (f" ×{figure.ratio:.1f}" if figure.ratio is not None else "")


def table(rows: dict[str, Row]) -> str:
    sizes = sorted({n for row in rows.values() for n in row.figures if n})
    head = ["operation", *(f"{n:,}" for n in sizes), "k (fit)", "k (last two sizes)", "floor (×)"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in rows.values():
        if 0 in row.figures:  # no size: import
            cells = [fmt(row.figures[0], row.unit), *[""] * (len(sizes) - 1), "", ""]
        else:
            k, last = exponent(row.figures), last_exponent(row.figures)
            cells = [
                *(fmt(row.figures.get(n), row.unit) for n in sizes),
                f"{k:.2f}" if k is not None else "",
                f"{last:.2f}" if last is not None else "",
            ]
        lines.append("| " + " | ".join([row.name, *cells, row.floor]) + " |")
    return "\n".join(lines)


def machine() -> str:
    load = os.getloadavg()
    return (
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}; load average {load[0]:.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default=",".join(str(s) for s in (*SIZES, BIG)))
    parser.add_argument("--ops", default=",".join(OPS))
    parser.add_argument(
        "--cpu",
        action="store_true",
        help="CPU seconds of this process and its children, not wall-clock seconds",
    )
    args = parser.parse_args()
    if args.cpu:
        global CLOCK
        CLOCK = cpu_seconds
    sizes = [int(float(s)) for s in args.sizes.split(",")]
    ops = set(args.ops.split(","))
    unknown = ops - set(OPS)
    if unknown:
        parser.error(f"unknown operations {sorted(unknown)}; known: {', '.join(OPS)}")
    print(f"machine: {machine()}; clock: {'CPU' if args.cpu else 'wall'}")
    rows: dict[str, Row] = {}
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["POKIN_CACHE_DIR"] = str(Path(tmp) / "cache")
        folder = Path(tmp)
        if "import" in ops:
            import_time(rows)
        for size in sizes:
            run_size(size, ops, rows, folder)
            gc.collect()
            print(table(rows), flush=True)  # so far: a long run interrupted keeps its figures
        if "memory" in ops:
            row = rows.setdefault("memory", Row("peak memory (load + check)", "", "MB"))
            for size in sizes:
                row.figures[size] = Figure(peak_memory(size, folder))
    print(f"machine at the end: {machine()}")
    print(table(rows))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"(this process peaked at {peak:,.0f} MB)")


if __name__ == "__main__":
    main()
