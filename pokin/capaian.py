"""Capaian (achievement): realisasi against target, and its roll-up to the IKU.

Where an indicator has a numeric target and realisasi, its capaian is::

    naik  (higher is better):  realisasi / target × 100%
    turun (lower is better):   (2 × target − realisasi) / target × 100%   (never below 0)

the second being the usual LKjIP formula for inverted indicators. A target of 0 (``0
kasus``) is met (100%) when the realisasi is 0 (or, for ``naik``, any realisasi), else 0%.
Decrees write numbers the Indonesian way (``81,35``; ``1.000``) and often with a unit
(``500 surat``): :func:`number` reads those; a text with several numbers
(``4 jenis, 12 bulan``) has no single value and is left unmeasured rather than guessed.

Values roll up, never blindly: a kinerja's (or IKU sasaran's) capaian is the mean of its own
indicators' (the LKjIP "capaian sasaran"); an indicator or kinerja without its own numbers
takes the mean of its *components* only: the nodes whose link to it says ``komponen: true``
(docs/format.md), i.e. whose result is part of its formula. A link that is only a proposal
(``status: usulan``) or rejected never carries a value up, and a supporting result that is not
declared a component (a staff count under an index) stays where it is. Each value says
whether it was measured (``terukur``) or rolled up (``agregasi``), so a report never passes
an average off as a measurement.

>>> number("81,35"), number("1.000 orang"), number("75 %"), number("4 jenis, 12 bulan")
(81.35, 1000.0, 75.0, None)
>>> number("1,234.5"), number("±90")  # English separators, an approximation: no number
(None, None)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from statistics import fmean
from typing import Literal

from .graph import ROOT, Cascade
from .models import TRIWULAN, Indikator, PohonKinerja

__all__ = [
    "HIJAU",
    "KUNING",
    "Capaian",
    "approximate",
    "capaian_per_periode",
    "comparable",
    "components",
    "compute_capaian",
    "english_number",
    "lampu",
    "measured",
    "number",
    "periods",
    "predikat_rank",
]

Lampu = Literal["hijau", "kuning", "merah"]

HIJAU = 90.0
"""Capaian at or above this is green."""
KUNING = 75.0
"""Capaian at or above this (and below :data:`HIJAU`) is amber; below it, red."""

_NUMBER = re.compile(r"\d[\d.,]*")


@lru_cache(maxsize=4096)  # targets repeat ("100", "100%"): the checks read each of them
def number(text: str | None) -> float | None:
    """The single number in a target or realisasi text, or ``None``.

    A dot followed by exactly three digits is a thousands separator (``1.000``), a comma is
    the decimal mark (``81,35``); a lone dot with other digit counts is a decimal (``81.35``).
    """
    if not text:
        return None
    found = _NUMBER.findall(text)
    if len(found) != 1 or approximate(text):
        return None
    raw = found[0].rstrip(".,")
    if english_number(raw):
        return None  # "1,234.5": which separator is the decimal one is a guess
    if "," in raw:
        raw = raw.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(\.\d{3})+", raw):
        raw = raw.replace(".", "")
    try:
        return float(raw)
    except ValueError:
        return None


_APPROXIMATE = re.compile(r"±|\+\s*/?\s*-")


def approximate(text: str) -> bool:
    """Whether a value is written as an approximation (``±90``, ``+/- 90``): no number to
    compute a capaian with."""
    return _APPROXIMATE.search(text) is not None


_ENGLISH = re.compile(r"\d{1,3}(?:,\d{3})+\.\d+|\d{1,3}(?:,\d{3}){2,}")


def english_number(text: str) -> str | None:
    """The Indonesian writing of a number written with the English separators (a comma
    before the decimal point, or commas every three digits), or ``None``.

    >>> english_number("1,234.5"), english_number("1,234,567"), english_number("1.234,5")
    ('1.234,5', '1.234.567', None)
    """
    raw = text.strip().rstrip(".,")
    if not _ENGLISH.fullmatch(raw):
        return None
    return raw.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def lampu(value: float) -> Lampu:
    """The traffic light of a capaian in percent."""
    if value >= HIJAU:
        return "hijau"
    if value >= KUNING:
        return "kuning"
    return "merah"


@dataclass(frozen=True, slots=True)
class Capaian:
    """The achievement of one node, in percent."""

    nilai: float
    asal: Literal["terukur", "agregasi"]  # measured, or rolled up from supporters
    dari: int = 1  # how many values were averaged (1 when measured)

    @property
    def lampu(self) -> Lampu:
        """``hijau``, ``kuning`` or ``merah``."""
        return lampu(self.nilai)

    def __str__(self) -> str:
        mark = "" if self.asal == "terukur" else " (agregasi)"
        return f"{self.persen}{mark}"

    @property
    def persen(self) -> str:
        """The value as Indonesian documents write it: ``92,5%``."""
        return f"{self.nilai:.1f}%".replace(".", ",")


def measured(
    indikator: Indikator, periode: str | None = None, *, polaritas: str | None = None
) -> float | None:
    """The capaian of an indicator from its own target and realisasi, or ``None``.

    ``periode`` (``"TW II"``, ``"2024"``) takes that period's target and realisasi from
    ``per_periode`` instead of the year's; ``polaritas`` (``"naik"``, ``"turun"``) computes
    it as if the indicator had that polarity (PK712 shows both).
    """
    turun = (polaritas or indikator.polaritas) == "turun"
    if periode is None:
        target_text, real_text = indikator.target, indikator.realisasi
    else:
        entry = indikator.periode(periode)
        if entry is None:
            return None
        target_text, real_text = entry.target, entry.realisasi
    target, real = number(target_text), number(real_text)
    if target is None or real is None:
        return None
    if target == 0:  # "nol kecelakaan": a real target, met or not, never "no number"
        met = real <= 0 if turun else real >= 0
        return 100.0 if met else 0.0
    if _mixed_scales(target_text or "", real_text or "", target, real):
        return None  # "85%" against "0,9": a fraction and a percent, not comparable
    if turun:
        return max(0.0, (2 * target - real) / target * 100)
    return real / target * 100


_PREDIKAT_SCALES = (
    ("e", "d", "c", "cc", "b", "bb", "a", "aa"),  # SAKIP, RB (PermenPAN-RB 88/2021)
    ("tmp", "tw", "wdp", "wtp"),  # opini BPK
    ("sangat kurang", "kurang", "cukup", "cukup baik", "baik", "sangat baik"),
    ("kurang memuaskan", "memuaskan", "sangat memuaskan"),
    ("rendah", "sedang", "tinggi"),
)
_PREDIKAT_RANK = {
    name: (scale, rank)
    for scale, names in enumerate(_PREDIKAT_SCALES)
    for rank, name in enumerate(names)
}


def predikat_rank(text: str | None) -> tuple[int, int] | None:
    """A predikat's scale and its rank on it, lowest first (SAKIP ``D`` < ``CC`` < ``BB`` <
    ``AA``; ``WDP`` < ``WTP``; ``Cukup`` < ``Baik``), or ``None`` for any other text.

    >>> predikat_rank("BB") > predikat_rank("B"), predikat_rank(" Sangat  Baik ")[1]
    (True, 5)
    >>> predikat_rank("82") is None
    True
    """
    return _PREDIKAT_RANK.get(" ".join((text or "").casefold().split()))


def comparable(target: str | None, realisasi: str | None) -> tuple[float, float] | None:
    """A target and a realisasi as two values to compare: their numbers, or their ranks on
    one predikat scale (a target ``B`` after a realisasi ``BB`` is lower); ``None`` when they
    do not compare (a number and a predikat, two scales, a percent and a fraction of 1).

    >>> comparable("83", "82"), comparable("B", "BB"), comparable("WTP", "BB")
    ((83.0, 82.0), (4.0, 5.0), None)
    """
    t, r = number(target), number(realisasi)
    if t is not None and r is not None:
        return None if _mixed_scales(target or "", realisasi or "", t, r) else (t, r)
    a, b = predikat_rank(target), predikat_rank(realisasi)
    if a is None or b is None or a[0] != b[0] or t is not None or r is not None:
        return None
    return float(a[1]), float(b[1])


def _mixed_scales(target_text: str, real_text: str, target: float, real: float) -> bool:
    """Whether one value is a percent and the other a fraction of 1 (``85%`` / ``0,9``).

    >>> _mixed_scales("85%", "0,9", 85.0, 0.9), _mixed_scales("85%", "80", 85.0, 80.0)
    (True, False)
    """
    if ("%" in target_text) == ("%" in real_text):
        return False
    plain = real if "%" in target_text else target
    return 0 < plain <= 1


def periods(tree: PohonKinerja | Cascade) -> list[str]:
    """The periods the indicators of ``tree`` give targets or realisasi for: years in
    order, then the quarters ``TW I``..``TW IV``.

    >>> from pokin import datasets
    >>> periods(datasets.load("sambutan-2023"))
    []
    """
    source = tree.tree if isinstance(tree, Cascade) else tree
    found = {p.periode for _, i in source.iter_indikator() for p in i.per_periode}
    years = sorted(p for p in found if p not in TRIWULAN)
    return years + [q for q in TRIWULAN if q in found]


def compute_capaian(
    tree: PohonKinerja | Cascade, *, periode: str | None = None
) -> dict[str, Capaian]:
    """The capaian of every node that has one, measured or rolled up, by node id.

    Roll-up follows :func:`components`: a node's own indicators, and the supporters
    declared components of its formula through reviewed links. ``periode`` (``"TW II"``,
    ``"2024"``) computes the capaian of that period from the indicators' ``per_periode``
    entries, rolled up the same way as the year's.
    """
    cascade = Cascade.of(tree)
    parts = components(cascade.tree)
    result: dict[str, Capaian] = {}
    for _, indikator in cascade.tree.iter_indikator():
        value = measured(indikator, periode)
        if value is not None:
            result[str(indikator.id)] = Capaian(value, "terukur")

    visiting: set[str] = set()

    def visit(node: str) -> Capaian | None:
        if node in result or node not in parts:  # measured, or nothing to roll up
            return result.get(node)
        if node in visiting:  # a cycle (reported by PK301): stop here
            return None
        visiting.add(node)
        children = [visit(child) for child in parts.get(node, ())]
        values = [c for c in children if c is not None]
        visiting.discard(node)
        if not values:
            return None
        rolled = Capaian(fmean(c.nilai for c in values), "agregasi", len(values))
        result[node] = rolled
        return rolled

    for node in cascade.nodes():  # the plain adjacency: no networkx view built
        if node in parts and node != ROOT:  # the others have nothing to roll up
            visit(node)
    return result


def components(tree: PohonKinerja) -> dict[str, list[str]]:
    """What each node's capaian may be rolled up from, by node id: a kinerja's or IKU
    sasaran's own indicators, and every node linked to it with ``komponen: true`` through
    a declared or accepted link (never a proposal awaiting review, never a rejected one).

    >>> from pokin import datasets
    >>> parts = components(datasets.load("sambutan-2023"))
    >>> parts["camat.k1"][:2], "camat.k1.i1" in parts  # no link there declares a component
    (['camat.k1.i1', 'camat.k1.i2'], False)
    """
    parts: dict[str, list[str]] = {}
    for sasaran in tree.iku:
        parts[str(sasaran.id)] = [str(i.id) for i in sasaran.indikator]
    for _, kinerja in tree.iter_kinerja():
        parts[str(kinerja.id)] = [str(i.id) for i in kinerja.indikator]
        for holder, link in kinerja.iter_links():
            if link.komponen and link.active and not link.pending and link.ke is not None:
                parts.setdefault(link.ke, []).append(str(holder.id))
    return parts


def capaian_per_periode(tree: PohonKinerja | Cascade) -> dict[str, dict[str, Capaian]]:
    """The capaian of every node for each period of :func:`periods`, by period then id.

    Periods where no indicator has both a numeric target and realisasi are left out.
    """
    cascade = Cascade.of(tree)
    result = {p: compute_capaian(cascade, periode=p) for p in periods(cascade)}
    return {p: values for p, values in result.items() if values}
