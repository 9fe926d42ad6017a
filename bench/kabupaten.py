"""A realistic kabupaten for link timing: the repository's real and invented decrees, copied.

    .venv/bin/python bench/kabupaten.py [--indikator 100000] [--out kabupaten.yaml]

``bench/synthetic.py`` builds a kabupaten whose texts differ only by numbers, and numbers
are no evidence of a link: its positions are one template repeated, so it times ambiguity,
not linking. Here every kecamatan is a real decree's text. The sources are every decree
tree the repository holds (:data:`SOURCES`: the bundled datasets, the invented link
fixtures, the held-out and blind decrees imported as ``pokin import`` does), their links
stripped. They are copied in turn, one copy of each per round, until the tree holds the
indicators asked for, all in ONE tree (one organisasi, a kabupaten):

- each copy's ids get a prefix of their own (``c007-camat.k1.i2``), so copies never share
  an id, and an atasan never points into another copy; each copy's top positions (its
  Camat, or the positions of a decree without a Camat block) stay tops of the kabupaten;
- every place name a copy's decree gives (the name after "Kecamatan", "Kelurahan",
  "Desa", "Kabupaten", "Kota" in its organisasi, units and titles) is replaced in every
  text by a generated Indonesian-style name (:func:`names`), one per copy and place, the
  kabupaten's own name for the Kabupaten/Kota: the copies read as different kecamatan
  of one kabupaten, as a real kabupaten's decrees (often written from one template) do;
- the IKU tables are left out: a kabupaten's IKU is the Bupati's, and a kecamatan's top
  position would otherwise see every other kecamatan's IKU.

Deterministic: the same ``indikator`` and ``seed`` give the same tree. Since no atasan
chain crosses a copy, the links :func:`pokin.link.infer_links` proposes on the whole
tree are each copy's own (``tests/test_kabupaten.py`` checks it at small scale).
"""

from __future__ import annotations

import argparse
import random
import re
from collections.abc import Callable, Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import pokin
from pokin.decree import import_decree
from pokin.link import strip_links

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
DECREES = ("heldout", "blind", "blind3", "blind4")
"""Fixture folders of labelled decree texts (``<name>-labels.yaml`` beside ``<name>.*``)."""

PLACE = re.compile(r"\b(?i:kecamatan|kelurahan|desa|kabupaten|kota)\s+([A-Z][a-z]+|[A-Z]{3,})\b")
"""A place named after its kind ("Kelurahan Tunggulunan", "KECAMATAN KEBOMAS")."""
KINDS = {"kecamatan", "kelurahan", "desa", "kabupaten", "kota"}
PREFIXES = (
    "Suka", "Karang", "Tegal", "Wono", "Sumber", "Sido", "Kali", "Banyu", "Sri", "Tanjung",
    "Pasir", "Mekar", "Jati", "Bumi", "Watu", "Gunung", "Sendang", "Tirta", "Giri", "Purwo",
    "Kedung", "Pandan", "Bojong", "Ngampel", "Rowo", "Cibe", "Candi", "Glagah", "Krajan",
)  # fmt: skip
MIDDLES = ("", "ma", "ngo", "la", "ra", "wi", "sa", "ta", "da", "nga", "pu", "ki")
SUFFIXES = (
    "rejo", "jaya", "sari", "mulyo", "asri", "makmur", "agung", "harjo", "wangi", "luhur",
    "mukti", "kerto", "arum", "sembada", "raya", "manik", "ombo", "kidul", "lor", "wetan",
)  # fmt: skip


def names(seed: int) -> Iterator[str]:
    """Generated place names ("Sukamarejo", "Watuagung"), never one twice, in a seeded
    order: prefix, an optional syllable, suffix (6.960 names)."""
    every = [p + m + s for p in PREFIXES for m in MIDDLES for s in SUFFIXES]
    random.Random(seed).shuffle(every)
    return iter(every)


def _first(folder: Path, name: str) -> Path:
    """The decree file ``name.*`` that ``bench/bench_link.py`` imports (the first sorted)."""
    return next(p for p in sorted(folder.glob(f"{name}.*")) if not p.name.endswith("labels.yaml"))


@cache
def _source(name: str) -> pokin.PohonKinerja:
    folder, _, stem = name.rpartition("/")
    if folder == "datasets":
        tree = pokin.datasets.load(stem)
    elif folder == "link":
        tree = pokin.load(FIXTURES / "link" / f"{stem}.yaml")
    else:
        tree = import_decree(_first(FIXTURES / folder, stem)).tree
    return strip_links(tree)


def _sources() -> tuple[str, ...]:
    found = [f"datasets/{n}" for n in pokin.datasets.names()]
    found += [f"link/{p.stem}" for p in sorted((FIXTURES / "link").glob("*[0-9].yaml"))]
    for folder in DECREES:
        for labels in sorted((FIXTURES / folder).glob("*-labels.yaml")):
            found.append(f"{folder}/{labels.name.removesuffix('-labels.yaml')}")
    return tuple(found)


SOURCES = _sources()
"""Every decree tree of the repository, as ``folder/name``: ``datasets/<dataset>``,
``link/<fixture>``, ``heldout/<decree>``, ``blind*/<decree>``."""


def places(tree: pokin.PohonKinerja) -> set[str]:
    """The place names ``tree``'s decree gives: its organisasi's, its units' and titles'."""
    texts = [tree.organisasi.nama, tree.organisasi.pemerintah or ""]
    texts += [t for j in tree.jabatan for t in (j.nama, j.unit or "")]
    return set().union(*map(places_of, texts)) - {k.capitalize() for k in KINDS}


def places_of(text: str) -> set[str]:
    """The place names ``text`` gives, capitalised."""
    return {m.group(1).capitalize() for m in PLACE.finditer(text)}


def copy(tree: pokin.PohonKinerja, prefix: str, renamed: dict[str, str]) -> list[dict[str, Any]]:
    """``tree``'s jabatan as plain data, ids prefixed and places renamed (``renamed`` maps
    a place name, capitalised, to its new name)."""
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, sorted(renamed))) + r")\b", re.I)

    def rename(match: re.Match[str]) -> str:
        old = match.group()
        new = renamed[old.capitalize()]
        return new.upper() if old.isupper() else new.lower() if old.islower() else new

    def text(value: Any) -> Any:
        if isinstance(value, str):
            return pattern.sub(rename, value) if renamed else value
        if isinstance(value, list):
            return [text(v) for v in value]
        if isinstance(value, dict):
            return {
                k: f"{prefix}{v}" if k in ("id", "atasan", "ke") and v else text(v)
                for k, v in value.items()
            }
        return value

    data = tree.model_dump(mode="json", exclude_defaults=True)
    return [text(j) for j in data["jabatan"]]


def kabupaten_data(
    indikator: int = 100_000,
    *,
    seed: int = 13,
    sources: Sequence[str] = SOURCES,
    load: Callable[[str], pokin.PohonKinerja] = _source,
) -> dict[str, Any]:
    """The plain data of :func:`kabupaten`, and which copy came from which source
    (``"copies"``: prefix → source name; drop it before validating)."""
    fresh = names(seed)
    kabupaten = next(fresh)
    jabatan: list[dict[str, Any]] = []
    copies: dict[str, str] = {}
    total = 0
    while total < indikator:
        for name in sources:
            tree = load(name)
            prefix = f"c{len(copies) + 1:03d}-"
            government = places_of(tree.organisasi.pemerintah or "")
            renamed = {
                p: kabupaten if p in government else next(fresh) for p in sorted(places(tree))
            }
            jabatan += copy(tree, prefix, renamed)
            copies[prefix] = name
            total += sum(len(k.indikator) for _, k in tree.iter_kinerja())
            if total >= indikator:
                break
    return {
        "organisasi": {"nama": f"Kabupaten {kabupaten}", "pemerintah": f"Kabupaten {kabupaten}"},
        "jabatan": jabatan,
        "copies": copies,
    }


def kabupaten(indikator: int = 100_000, *, seed: int = 13) -> pokin.PohonKinerja:
    """One tree of about ``indikator`` indicators (a whole copy more at most): the
    repository's decrees copied as the kecamatan of one kabupaten (see the module doc)."""
    data = kabupaten_data(indikator, seed=seed)
    del data["copies"]
    return pokin.PohonKinerja.model_validate(data)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--indikator", type=float, default=1e5)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--out", type=Path, help="write the tree here (YAML or JSON)")
    args = parser.parse_args()
    tree = kabupaten(int(args.indikator), seed=args.seed)
    n_ind = sum(len(k.indikator) for _, k in tree.iter_kinerja())
    tops = sum(1 for j in tree.jabatan if j.atasan is None)
    print(f"{tree.organisasi.nama}: {len(tree.jabatan)} jabatan ({tops} tanpa atasan), ", end="")
    print(f"{n_ind} indikator")
    if args.out:
        pokin.save(tree, args.out)


if __name__ == "__main__":
    main()
