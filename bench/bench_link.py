"""Measure link inference against hand labels, and time it on a kabupaten-sized tree.

    .venv/bin/python bench/bench_link.py [--kelurahan N] [--threshold T] [--verbose]

Ground truth: ``datasets/labels/<dataset>.yaml``, the links a careful reader finds in each
bundled decree, written by hand (see the header of each file; Kebomas is a sample of its
positions), the invented decrees of ``tests/fixtures/link/`` with their labels
(Mekarsari and Tirtamulya written as held-out checks), and the held-out decree texts of
``tests/fixtures/heldout/`` (Karangwangi, Pasirluhur), imported as ``pokin import`` does.
Every dataset is stripped of its links, :func:`pokin.link.infer_links` proposes them
again with the default settings, and :func:`pokin.link.evaluate.evaluate` compares:
precision over the proposals for labelled positions, recall over the links that restate
their target's text (``jenis: teks``), how many meaning-only links (``jenis: makna``) were
proposed anyway (the goal: none), and how many of those have their target among the top 3
suggestions (:func:`pokin.link.suggest_links`).

Timing: a synthetic kabupaten (``bench/synthetic.py``, about 1e5 indicators with the
default ``--kelurahan 1100``), once with texts that match nothing and once with every
kinerja restating its atasan's indicator (its texts differ only by numbers, which are no
words to the matcher: it times ambiguity more than linking); then the realistic kabupaten
of ``bench/kabupaten.py`` (the repository's decrees copied as its kecamatan, place names
replaced) at ``--kabupaten`` sizes, infer_links and suggest_links. Each time (the best of
``--repeat`` runs, each with cold caches; CPU time beside wall time, since the machine is
shared) is printed with its ratio to a floor measured in the same run: reading every text
of the tree into words (``str.split``).
Figures, not assertions: ``tests/test_link_labels.py`` holds the floors.
"""

from __future__ import annotations

import argparse
import gc
import math
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from kabupaten import kabupaten
from synthetic import synthetic

import pokin
import pokin.link
from pokin.decree import import_decree
from pokin.link import THRESHOLD, Proposals, infer_links, learn, strip_links, suggest_links
from pokin.link.evaluate import Score, evaluate, load_labels
from pokin.link.lexicon import DEFAULT

LABELS = Path(__file__).resolve().parent.parent / "datasets" / "labels"
INVENTED = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "link"
"""Invented decrees labelled by hand (``<name>.yaml`` with ``<name>-labels.yaml``)."""
UNSEEN = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "link-unseen"
"""Invented decrees written for QA9's link pass, labelled before the scoring changed."""
HELDOUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "heldout"
"""Held-out decree texts (``<name>.txt`` / ``.md``, imported as ``pokin import`` does) with
labels written before any inference ran on them (``<name>-labels.yaml``)."""


def _tree(name: str) -> tuple[pokin.PohonKinerja, Path]:
    """A bundled dataset (links stripped) or an invented decree, and its labels file."""
    for decree in sorted(HELDOUT.glob(f"{name}.*")):
        return import_decree(decree).tree, HELDOUT / f"{name}-labels.yaml"
    for folder in (INVENTED, UNSEEN):
        if (folder / f"{name}.yaml").exists():
            return pokin.load(folder / f"{name}.yaml"), folder / f"{name}-labels.yaml"
    return strip_links(pokin.datasets.load(name)), LABELS / f"{name}.yaml"


def score(name: str, threshold: float = THRESHOLD) -> tuple[Score, float, list[str]]:
    """The labels' verdict on a fresh inference for dataset ``name``, its time, and why."""
    tree, labels = _tree(name)
    start = time.perf_counter()
    proposals = infer_links(tree, threshold=threshold)
    elapsed = time.perf_counter() - start
    ranked: dict[str, list[str]] = {}
    for s in suggest_links(tree):
        ranked.setdefault(s.dari, []).append(s.ke)
    pairs = [(p.dari, p.ke) for p in proposals]
    under = [(p.dari, p.ke) for p in proposals if p.skor < threshold]
    result = evaluate(tree, load_labels(labels), pairs, ranked.items(), under)
    notes = [f"  salah: {holder} → {target}" for holder, target in result.wrong]
    notes += [f"  terlewat: {kinerja}" for kinerja in result.missed]
    return result, elapsed, notes


def report(name: str, threshold: float, verbose: bool) -> None:
    result, elapsed, notes = score(name, threshold)
    print(
        f"{name}: presisi {result.precision:.3f} ({result.right}/{result.proposed}), "
        f"recall {result.recall:.3f} ({result.found}/{result.restated} tautan teks), "
        f"{elapsed * 1000:.0f} ms"
    )
    print(
        f"  tautan makna: {result.meaning}, diusulkan sebagai tautan {result.meaning_proposed}"
        f" ({result.meaning_flagged} di bawah ambang, ditandai), "
        f"sasaran benar di 3 saran teratas {result.meaning_top} ({result.top:.0%})"
    )
    if verbose:
        print("\n".join(notes))


def sweep(name: str) -> None:
    cells = []
    for t in (0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9):
        r, _, _ = score(name, t)
        cells.append(f"{t:.2f}: P {r.precision:.2f} R {r.recall:.2f}")
    print(f"  ambang: {'; '.join(cells)}")


def cascaded(tree: pokin.PohonKinerja) -> pokin.PohonKinerja:
    """The tree with each linked kinerja rewritten to its target's text, links stripped."""
    text = {str(i.id): i.uraian for _, i in tree.iter_indikator()}
    result = tree.model_copy(deep=True)
    for _, kinerja in result.iter_kinerja():
        if kinerja.mendukung and kinerja.mendukung[0].ke in text:
            kinerja.uraian = text[str(kinerja.mendukung[0].ke)]
    return strip_links(result)


def cold() -> None:
    """Forget what pokin.link keeps between calls (the lexicon's phrases and roots, the
    stemmer's cache, the last tree's learned abbreviations): each timed run reads every
    text afresh, as a first call does."""
    DEFAULT.cache.clear()
    learn.forget()  # the last tree's taught lexicon, and its phrases
    for module in list(sys.modules.values()):
        if module is not None and module.__name__.startswith("pokin.link"):
            for value in vars(module).values():
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


def timing(kelurahan: int, repeat: int = 1) -> None:
    """Time infer_links on the synthetic kabupaten: wall and CPU seconds (the best of
    ``repeat`` runs, each with cold caches), each with its ratio to the floor (splitting
    every text into words, best of as many runs) measured in the same run, and the load
    average (others share the machine: CPU time is the steadier figure)."""
    plain = synthetic(kelurahan=kelurahan)
    n_ind = sum(1 for _ in plain.iter_indikator())
    n_kin = sum(1 for _ in plain.iter_kinerja())
    print(f"synthetic kabupaten: {len(plain.jabatan)} jabatan, {n_kin} kinerja, {n_ind} indikator")
    texts = [k.uraian for _, k in plain.iter_kinerja()] + [
        i.uraian for _, i in plain.iter_indikator()
    ]
    floor, floor_cpu = best(lambda: _split(texts), repeat)
    print(f"  floor (split every text)        {floor:6.3f} s wall, {floor_cpu:6.3f} s CPU")
    for label, tree in (
        ("texts that match nothing", strip_links(plain)),
        ("kinerja = atasan's indicator", cascaded(plain)),
    ):
        proposals: list[int] = []
        run = lambda t=tree, out=proposals: out.append(len(infer_links(t)))  # noqa: E731
        wall, cpu = best(run, repeat, cold)
        print(
            f"  {label:<30} infer_links {wall:6.2f} s wall ({wall / floor:4.0f}x floor), "
            f"{cpu:6.2f} s CPU ({cpu / floor_cpu:4.0f}x floor), {proposals[-1]} proposals"
            + (f" (best of {repeat})" if repeat > 1 else "")
        )
    print("  load average (1, 5, 15 min): " + ", ".join(f"{x:.2f}" for x in os.getloadavg()))


def timing_kabupaten(sizes: list[int], repeat: int = 1) -> None:
    """Time infer_links and suggest_links (``top=1``, as the Excel export asks) on the
    realistic kabupaten of ``bench/kabupaten.py`` (the repository's decrees copied as its
    kecamatan) at each size: the best of ``repeat`` cold runs, wall and CPU, each with its
    ratio to the floor (splitting every text into words) timed in the same run, and the
    growth exponent ``k`` of infer_links's CPU time between the sizes."""
    cpu_of: dict[int, float] = {}
    for size in sizes:
        tree = kabupaten(size)
        n_ind = sum(len(k.indikator) for _, k in tree.iter_kinerja())
        texts = [k.uraian for _, k in tree.iter_kinerja()] + [
            i.uraian for _, i in tree.iter_indikator()
        ]
        print(f"kabupaten ({len(tree.jabatan)} jabatan, {n_ind} indikator):")
        floor, floor_cpu = best(lambda x=texts: _split(x), repeat)
        print(f"  floor (split every text)        {floor:6.3f} s wall, {floor_cpu:6.3f} s CPU")
        proposals: list[Proposals] = []
        runs: list[tuple[str, Callable[[], object]]] = [
            ("infer_links", lambda t=tree, out=proposals: out.append(infer_links(t)))
        ]
        if len(texts) >= pokin.link.PARALLEL_FROM:  # paired: the same search on one core
            runs.append(("infer_links, one core", lambda t=tree: _one_core(t)))
        runs.append(("suggest_links top=1", lambda t=tree: suggest_links(t, top=1)))
        for label, run in runs:
            wall, cpu = best(run, repeat, cold)
            cpu_of.setdefault(n_ind, cpu)
            print(
                f"  {label:<30} {wall:6.2f} s wall ({wall / floor:4.0f}x floor), "
                f"{cpu:6.2f} s CPU ({cpu / floor_cpu:4.0f}x floor)"
                + (f" (best of {repeat})" if repeat > 1 else "")
            )
        print(f"  {len(proposals[-1])} proposals, {proposals[-1].ditahan} held back as templates")
        print("  load average (1, 5, 15 min): " + ", ".join(f"{x:.2f}" for x in os.getloadavg()))
    if len(cpu_of) > 1:
        (n1, t1), *_, (n2, t2) = sorted(cpu_of.items())
        print(f"  infer_links growth k = {math.log(t2 / t1) / math.log(n2 / n1):.2f} (CPU)")


def _split(texts: list[str]) -> None:
    """The floor: every text read into words, the words dropped at once."""
    for text in texts:
        text.casefold().split()


def best(
    run: Callable[[], object], repeat: int, before: Callable[[], None] | None = None
) -> tuple[float, float]:
    """The least wall and the least CPU seconds of ``repeat`` runs (each its own best)."""
    walls, cpus = [], []
    for _ in range(repeat):
        if before is not None:
            before()
        gc.collect()  # the input tree's own collection debt is not the run's to pay
        wall, cpu = time.perf_counter(), _cpu()
        run()
        walls.append(time.perf_counter() - wall)
        cpus.append(_cpu() - cpu)
    return min(walls), min(cpus)


def _one_core(tree: pokin.PohonKinerja) -> None:
    """infer_links searching in this process only (it forks from PARALLEL_FROM nodes)."""
    was, pokin.link.PARALLEL_FROM = pokin.link.PARALLEL_FROM, sys.maxsize
    try:
        infer_links(tree)
    finally:
        pokin.link.PARALLEL_FROM = was


def _cpu() -> float:
    """CPU seconds of this process and of its children reaped so far (infer_links forks
    its search at 1e5: the children's time is the run's too)."""
    children = os.times()
    return time.process_time() + children.children_user + children.children_system


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kelurahan", type=int, default=1100)
    parser.add_argument("--threshold", type=float, default=THRESHOLD)
    parser.add_argument("--verbose", action="store_true", help="list wrong and missed links")
    parser.add_argument("--timing-only", action="store_true", help="skip the labelled decrees")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs (the best counts)")
    parser.add_argument(
        "--kabupaten", default="1e4,1e5", help="sizes of bench/kabupaten.py's tree ('' for none)"
    )
    args = parser.parse_args()
    sizes = [int(float(x)) for x in args.kabupaten.split(",") if x]
    if args.timing_only:
        timing(args.kelurahan, args.repeat)
        timing_kabupaten(sizes, args.repeat)
        return
    names = [p.stem for p in sorted(LABELS.glob("*.yaml"))]
    names += [p.name.removesuffix("-labels.yaml") for p in sorted(INVENTED.glob("*-labels.yaml"))]
    names += [p.name.removesuffix("-labels.yaml") for p in sorted(HELDOUT.glob("*-labels.yaml"))]
    names += [p.name.removesuffix("-labels.yaml") for p in sorted(UNSEEN.glob("*-labels.yaml"))]
    for name in names:
        report(name, args.threshold, args.verbose)
        sweep(name)
    timing(args.kelurahan, args.repeat)
    timing_kabupaten(sizes, args.repeat)


if __name__ == "__main__":
    main()
