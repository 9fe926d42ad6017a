"""Measure link inference against a planner's links, and time it on a kabupaten-sized tree.

    .venv/bin/python bench/bench_link.py [--kelurahan N] [--threshold T]

Ground truth: the links a planner declared by hand in ``datasets/sambutan-2023.yaml``.
A copy is stripped of every link, :func:`pokin.link.infer_links` proposes them again, and
the proposals are compared with the declared ones (a proposal counts when it names the
same holder and the same target). Only declared or confirmed links are ground truth: the
inferred proposals an imported dataset carries (``asal: inferensi``, ``status: usulan``)
are what is being measured, so such a dataset is stripped and its proposals are counted
and sampled instead. Figures, not assertions: ``tests/test_link.py`` holds the floors.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import synthetic

import pokin
from pokin.link import THRESHOLD, infer_links, strip_links

Pair = tuple[str, str]


def declared(tree: pokin.PohonKinerja) -> set[Pair]:
    """Every (holder id, target id) link of the tree a planner made or confirmed."""
    return {
        (str(holder.id), str(link.ke))
        for _, kinerja in tree.iter_kinerja()
        for holder, link in kinerja.iter_links()
        if link.active and not link.pending
    }


def evaluate(name: str, threshold: float, *, verbose: bool = True) -> tuple[float, float]:
    tree = pokin.datasets.load(name)
    truth = declared(tree)
    bare = strip_links(tree)
    start = time.perf_counter()
    proposals = infer_links(bare, threshold=threshold)
    elapsed = time.perf_counter() - start
    got = {(p.dari, p.ke) for p in proposals}
    hits = len(got & truth)
    precision = hits / len(got) if got else 1.0
    recall = hits / len(truth) if truth else 1.0
    if verbose:
        print(f"{name}: {len(truth)} declared links, {len(got)} proposed, {hits} right")
        print(f"  precision {precision:.3f}   recall {recall:.3f}   time {elapsed * 1000:.1f} ms")
        print(f"  by relation: {dict(Counter(str(p.relasi) for p in proposals))}")
        for p in proposals:
            if (p.dari, p.ke) not in truth:
                print(f"  false positive: {p}")
        text = {str(n.id): n.uraian for _, n in tree.iter_indikator()}
        text.update({str(k.id): k.uraian for _, k in tree.iter_kinerja()})
        for holder, target in sorted(truth - got):
            print(f"  missed: {holder} «{text[holder]}» → {target} «{text[target]}»")
    return precision, recall


def sweep(name: str) -> None:
    print(f"{name}: threshold sweep")
    for t in (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.0):
        p, r = evaluate(name, t, verbose=False)
        print(f"  threshold {t:.2f}: precision {p:.3f}  recall {r:.3f}")


def undeclared(name: str) -> None:
    """What inference proposes for a dataset without declared links (spot-check these)."""
    tree = strip_links(pokin.datasets.load(name))  # its earlier proposals, if any, go
    start = time.perf_counter()
    proposals = infer_links(tree, template=True)
    elapsed = time.perf_counter() - start
    default = infer_links(tree)
    flagged = sum("baris templat" in p.alasan for p in proposals)
    print(f"{name}: no declared links; {len(proposals)} proposals in {elapsed * 1000:.0f} ms")
    print(f"  by relation: {dict(Counter(str(p.relasi) for p in proposals))}")
    print(f"  flagged as template rows: {flagged}; without them (the default): {len(default)}")
    print(f"  default by relation: {dict(Counter(str(p.relasi) for p in default))}")
    for p in default[:: max(1, len(default) // 8)]:
        print(f"  e.g. {p}")


def cascaded(tree: pokin.PohonKinerja) -> pokin.PohonKinerja:
    """The tree with each linked kinerja rewritten to its target's text, links stripped."""
    text = {str(i.id): i.uraian for _, i in tree.iter_indikator()}
    result = tree.model_copy(deep=True)
    for _, kinerja in result.iter_kinerja():
        if kinerja.mendukung and kinerja.mendukung[0].ke in text:
            kinerja.uraian = text[str(kinerja.mendukung[0].ke)]
    return strip_links(result)


def timing(kelurahan: int) -> None:
    plain = synthetic(kelurahan=kelurahan)
    n_ind = sum(1 for _ in plain.iter_indikator())
    n_kin = sum(1 for _ in plain.iter_kinerja())
    print(f"synthetic kabupaten: {len(plain.jabatan)} jabatan, {n_kin} kinerja, {n_ind} indikator")
    for label, tree in (
        ("texts that match nothing", strip_links(plain)),
        ("kinerja = atasan's indicator", cascaded(plain)),
    ):
        start = time.perf_counter()
        proposals = infer_links(tree)
        elapsed = time.perf_counter() - start
        print(f"  {label:<30} infer_links {elapsed:5.2f} s, {len(proposals)} proposals")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kelurahan", type=int, default=250)
    parser.add_argument("--threshold", type=float, default=THRESHOLD)
    args = parser.parse_args()
    for name in pokin.datasets.names():
        if declared(pokin.datasets.load(name)):
            evaluate(name, args.threshold)
            sweep(name)
        else:
            undeclared(name)
    timing(args.kelurahan)


if __name__ == "__main__":
    main()
