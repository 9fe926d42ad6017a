"""Precision and recall of link inference per role, against hand labels.

    .venv/bin/python bench/bench_link_roles.py [NAME ...] [--verbose]

For every labelled decree of the repository (the bundled datasets' labels, the invented
and held-out decrees of ``tests/fixtures/``), or the ones named, two figures per role
(Camat, Sekretaris, Kasubbag, Kasi, Lurah, staf):

- the proposals of :func:`pokin.link.infer_links` (``status: usulan``): precision over
  the proposals for labelled positions, recall over the links that restate their target
  (``jenis: teks``), as :func:`pokin.link.evaluate.evaluate` counts them;
- the top-1 candidate: the first suggestion of :func:`pokin.link.suggest_links` on the
  bare tree (what a planner is offered first for every kinerja, restated or not).
  Precision: right first candidates over kinerja offered one (a kinerja that supports
  nothing counts against it); recall: right first candidates over labelled kinerja, of
  either ``jenis``.

Figures, not assertions: the tests hold the floors.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import pokin
from pokin.decree import import_decree
from pokin.link import infer_links, strip_links, suggest_links
from pokin.link.evaluate import Labels, evaluate, load_labels

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
DECREES = (".txt", ".md", ".docx", ".html", ".pdf")

ROLES = {
    "camat": "Camat",
    "sekretaris": "Sekretaris",
    "kasubbag": "Kasubbag",
    "kasi": "Kasi",
    "lurah": "Lurah",
}
"""The roles reported apart; every other peran (pelaksana, bendahara, fungsional...) is staf."""


def labelled() -> dict[str, tuple[Path, Path]]:
    """Every labelled tree: name -> (the tree or decree, its labels file)."""
    found: dict[str, tuple[Path, Path]] = {}
    for labels in sorted((ROOT / "datasets" / "labels").glob("*.yaml")):
        found[labels.stem] = (labels, labels)  # a bundled dataset, by name
    for labels in sorted(FIXTURES.glob("*/*-labels.yaml")):
        name = labels.name.removesuffix("-labels.yaml")
        source = [
            p
            for p in sorted(labels.parent.glob(f"{name}.*"))
            if p.suffix in DECREES or p.suffix == ".yaml"
        ]
        if source:
            found[name] = (min(source, key=lambda p: p.suffix != ".txt"), labels)
    return found


def load_tree(name: str, source: Path) -> pokin.PohonKinerja:
    if source.parent.name == "labels":
        return strip_links(pokin.datasets.load(name))
    if source.suffix == ".yaml":
        return strip_links(pokin.load(source))
    return strip_links(import_decree(source).tree)


def role_of(peran: str) -> str:
    return ROLES.get(peran, "staf")


def measure(tree: pokin.PohonKinerja, labels: Labels) -> dict[str, Counter[str]]:
    """Per role: proposed/right, restated/found, offered/first_right, labelled."""
    role: dict[str, str] = {}
    for jabatan, kinerja in tree.iter_kinerja():
        role[str(kinerja.id)] = role_of(str(jabatan.peran))
        role.update((str(i.id), role_of(str(jabatan.peran))) for i in kinerja.indikator)
    scope = labels.cakupan
    position = {str(k.id): str(j.id) for j, k in tree.iter_kinerja()}
    proposals = [(p.dari, p.ke) for p in infer_links(tree)]
    first = {s.dari: s.ke for s in suggest_links(tree, top=1)}
    out: dict[str, Counter[str]] = {}
    for name in {*ROLES.values(), "staf"}:
        mine = [(d, t) for d, t in proposals if role.get(d) == name]
        picked = [(d, t) for d, t in first.items() if role.get(d) == name]
        sub = Labels(
            labels.dataset,
            labels.cakupan,
            tuple(lab for lab in labels.tautan if role.get(lab.dari) == name),
        )
        score = evaluate(tree, sub, mine)
        # evaluate() with the role's labels alone: every proposal of the role is checked
        # against them (the labels of other roles never name this role's kinerja)
        tops = evaluate(tree, sub, picked)
        c: Counter[str] = out.setdefault(name, Counter())
        c["proposed"] += score.proposed
        c["right"] += score.right
        c["restated"] += score.restated
        c["found"] += score.found
        c["offered"] += sum(1 for d, _ in picked if scope is None or position.get(d) in scope)
        c["first_right"] += tops.right
        c["labelled"] += len(sub.tautan)
        c["first_found"] += tops.found + tops.meaning_proposed
    return out


def ratio(a: int, b: int) -> str:
    return f"{a / b:.3f} ({a}/{b})" if b else "- (0/0)"


def show(name: str, per_role: dict[str, Counter[str]]) -> None:
    print(name)
    total: Counter[str] = Counter()
    order = [*ROLES.values(), "staf"]
    for role in order:
        c = per_role.get(role, Counter())
        total.update(c)
        if not c["labelled"] and not c["proposed"]:
            continue
        print(f"  {role:<11}" + _cells(c))
    print(f"  {'semua':<11}" + _cells(total))


def _cells(c: Counter[str]) -> str:
    return (
        f"usulan P {ratio(c['right'], c['proposed']):<18} R {ratio(c['found'], c['restated']):<18}"
        f" | saran-1 P {ratio(c['first_right'], c['offered']):<18}"
        f" R {ratio(c['first_found'], c['labelled'])}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    every = labelled()
    names = args.names or sorted(every)
    grand: dict[str, Counter[str]] = {}
    for name in names:
        source, labels_path = every[name]
        tree = load_tree(name, source)
        labels = load_labels(labels_path)
        per_role = measure(tree, labels)
        show(name, per_role)
        for role, c in per_role.items():
            grand.setdefault(role, Counter()).update(c)
        if args.verbose:
            score = evaluate(tree, labels, [(p.dari, p.ke) for p in infer_links(tree)])
            for holder, target in score.wrong:
                print(f"    salah: {holder} -> {target}")
            for kinerja in score.missed:
                print(f"    terlewat: {kinerja}")
    if len(names) > 1:
        show("SEMUA", grand)
    return 0


if __name__ == "__main__":
    sys.exit(main())
