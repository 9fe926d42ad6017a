"""Cut one flattened table row into its cells, by the evidence each cell carries.

A flattened PDF paragraph keeps a table row's words but not its cell bounds: "1. Meningkatnya
kualitas pelayanan Indeks Kepuasan Masyarakat Rata-rata nilai unsur x 25 Laporan Survei
Persentase aduan selesai Jumlah aduan selesai dibagi jumlah aduan x 100% Rekap aduan". The
row is the kinerja, then one group of cells per indicator, in the header's column order
(indikator, formulasi, sumber data...). A cell starts at a capitalised word; which of those
words start cells is chosen as the reading with the most evidence (:func:`cut_row`):

- the text right after the row number is the kinerja, whatever its first word (a kinerja
  that restates the superior's indicator opens "Persentase ..." or "Indeks ...");
- an indicator opens with an indicator word (:data:`.columns.INDIKATOR_WORDS`) and has no
  formula in it;
- a formula has a formula's marks ("x 100", " / ", "dibagi") or opens as one ("Jumlah",
  "Rata-rata");
- a data source opens with a source word ("Laporan", "Data", "Dokumen", "LHE" ...) and has
  no formula in it;
- with a Target column, the last cell of a group ends with the target ("... 100%");
- a cut inside a run of capitalised words ("Survei Kepuasan Masyarakat", "SAKIP") costs
  more than one after a lower-case word, one right after a formula's "x 100%" less;
- a cell opening word inside or at the end of a cell ("... PATEN Laporan") counts against
  it, and a formula restating its indicator word for word marks where the indicator ends.

Every cell is filled (an empty cell leaves no text in a flattened row, so it cannot be
told), and no cell is longer than :data:`_LONGEST` words (it bounds the search). When the
best reading does not win clearly over the next one, the row is not read:
:func:`cut_row` returns ``None`` and the reader reports the row with its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from .columns import INDIKATOR_WORDS, SUMBER_WORDS

__all__ = ["FORMULA", "MARGIN", "Reading", "cut_row", "readings"]

FORMULA = re.compile(r"\s[/x×:÷=]\s|\bdibagi\b|\bberbanding\b|[x×]\s?100\b|\w\s?/\s?\w")
"""A formula's marks: an operator between words, "dibagi", "x 100"."""

_FORMULA_OPENS = ("Jumlah", "Rata-rata", "Total", "Nilai", "Hasil", "Perbandingan", "Realisasi")
_INDIKATOR_OPENS = (*INDIKATOR_WORDS, "Rata-rata", "Capaian", "Angka", "Skor", "Waktu")
_OPENS = frozenset((*_FORMULA_OPENS, *_INDIKATOR_OPENS))
_ENDS = _OPENS | frozenset(SUMBER_WORDS)

MARGIN = 1.5
"""How much more evidence the chosen reading must have than the next one. Measured on the
repository's decree trees written out flattened (2.039 indikator of Kebomas): 1,0 reads
1.008 right and 157 wrong, 1,5 reads 990 right and 77 wrong, 2,0 reads 846 and 52; the
rest is refused with its line."""
_LONGEST = 60  # words in one cell; a longer text is cut somewhere (bounds the search)


@dataclass(frozen=True)
class Reading:
    """A row cut into cells: the kinerja, then one list of cells per indicator."""

    kinerja: str
    groups: list[list[str]]
    margin: float  # the evidence over the next reading (inf when there is none)


def _opens(text: str, words: tuple[str, ...]) -> bool:
    first = text.split(maxsplit=1)[0] if text else ""
    return first.rstrip(".,;:") in words


def _cell(role: str, text: str, last: bool, target: bool) -> float:
    """The evidence that ``text`` is one cell of ``role``."""
    formula = bool(FORMULA.search(text))
    words = text.split()
    # a cell opening word inside a cell ("Nilai SAKIP Kecamatan Nilai hasil ..."), or
    # ending it ("... layanan PATEN Laporan")
    score = -1.0 * sum(word in _OPENS for word in words[1:])
    score -= 1.0 if len(words) > 1 and words[-1] in _ENDS else 0.0
    if role == "kinerja":
        score -= 3.0 if formula else 0.0
    elif role == "indikator":
        score += 3.0 if _opens(text, _INDIKATOR_OPENS) else -2.0
        score -= 3.0 if formula else 0.0
        score -= 1.5 if len(words) < 2 else 0.0
    elif role == "formulasi":
        score += 3.0 if formula else 0.0
        score += 1.5 if _opens(text, _FORMULA_OPENS) else 0.0
        score -= 1.5 if len(words) < 2 else 0.0
    elif role == "sumber_data":
        score += 3.0 if _opens(text, SUMBER_WORDS) else 0.0
        score -= 4.0 if formula else 0.0
    if last and target:
        score += 2.0 if _TARGET_END.search(text) else -2.0
    return score


_TARGET_END = re.compile(r"\s\d+(?:[.,]\d+)?\s?%?(?:\s[a-z]+){0,2}$|\s[a-z]+\s\d+(?:[.,]\d+)?%?$")


def _restated(words: list[str], start: int, end: int) -> float:
    """Evidence that an indicator ends at ``end``: the next cell restates it (a formula
    "Jumlah laporan yang disusun" under the indicator "Jumlah laporan yang disusun").

    >>> _restated("Jumlah arsip Jumlah arsip tertata".split(), 0, 2)
    2.0
    """
    size = end - start
    if size < 2 or words[start:end] != words[end : end + size]:
        return 0.0
    return 2.0


def _cut(words: list[str], at: int) -> float | None:
    """What cutting before ``words[at]`` costs, or None where a cell cannot start."""
    word, before = words[at], words[at - 1]
    if word == "-":
        return 0.0
    if not word[0].isupper():
        return None
    letters = [c for c in word if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return -1.5  # an acronym: "SAKIP", "RT", "LHE"
    if before[-1].isupper() or (before[0].isupper() and before[-1].isalpha()):
        return -1.0  # inside a run of names: "Survei Kepuasan Masyarakat"
    if _FORMULA_END.search(" ".join(words[max(0, at - 3) : at])):
        return 1.0  # right after a formula's end: "... x 100% Kartu Inventaris Barang"
    return 0.0


_FORMULA_END = re.compile(r"(?:[x×]|dibagi|/)\s?\d+(?:[.,]\d+)?\s?%?$")


def cut_row(text: str, roles: list[str], *, lead: bool, target: bool) -> Reading | None:
    """The row's text cut into the kinerja and its groups of ``roles`` cells (the
    header's columns after the kinerja, in order), or None when no reading wins by
    :data:`MARGIN`. Without a kinerja column (``lead`` false) the kinerja is empty."""
    words = text.split()
    found = readings(words, roles, lead=lead, target=target)
    if not found:
        return None
    margin = found[0][0] - found[1][0] if len(found) > 1 else float("inf")
    if margin < MARGIN:
        return None
    bounds = [0, *found[0][1], len(words)]
    cells = [" ".join(words[a:b]) for a, b in pairwise(bounds)]
    size, first = len(roles), int(lead)
    groups = [cells[i : i + size] for i in range(first, len(cells), size)]
    return Reading(cells[0] if lead else "", groups, margin)


def readings(
    words: list[str], roles: list[str], *, lead: bool = True, target: bool = False
) -> list[tuple[float, tuple[int, ...]]]:
    """The two best readings of ``words`` as (evidence, where the cells start after the
    first), best first: the kinerja, then whole groups of ``roles`` cells."""
    if not words or not roles:
        return []
    starts = [0] + [i for i in range(1, len(words)) if _cut(words, i) is not None] + [len(words)]
    cost = {i: _cut(words, i) or 0.0 for i in starts[1:-1]}
    size = len(roles)
    # best[(start, k)]: the two best readings of words[start:] whose first cell has role
    # k (-1 the kinerja), as (score, cuts)
    best: dict[tuple[int, int], list[tuple[float, tuple[int, ...]]]] = {}
    for index in range(len(starts) - 2, -1, -1):
        start = starts[index]
        for k in range(-1, size):
            role = "kinerja" if k == -1 else roles[k]
            nxt = (k + 1) % size
            found: list[tuple[float, tuple[int, ...]]] = []
            for end in starts[index + 1 :]:
                if end - start > _LONGEST and end != len(words):
                    break
                cell = " ".join(words[start:end])
                if end == len(words):
                    if k == size - 1:
                        found.append((_cell(role, cell, True, target), ()))
                    continue
                tails = best.get((end, nxt), [])
                here = _cell(role, cell, k == size - 1, target) + cost[end]
                here += _restated(words, start, end) if role == "indikator" else 0.0
                found += [(here + score, (end, *cuts)) for score, cuts in tails]
            best[(start, k)] = sorted(found, key=lambda f: -f[0])[:2]
    return best.get((0, -1 if lead else 0), [])
