"""Pair the cells of a table row item by item: the indicator cell decides the count.

See :mod:`.cells` for the rule. Staff tables write the *target* in the formula column
("500 surat", "2 (dua) jenis"); :func:`split_target` recognises such a cell.

>>> split_target("2 (dua) jenis")
('2', 'jenis')
>>> split_target("Jumlah laporan tersusun") is None
True
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from .._text import BULAN
from .cells import Cell, read_raw
from .items import clean_row
from .parts import Row

__all__ = ["UNPAIRED", "CellRow", "pair_cells", "split_target", "split_unit", "unit_in_target"]


def _split_run_together(text: str, count: int) -> list[str] | None:
    """Split "Persentase A Persentase B" into ``count`` pieces at its repeated first word.

    Decrees sometimes run the formulas of a numbered indicator cell together without any
    separator; each piece then starts with the same word.
    """
    first = text.split(" ", 1)[0]
    if len(first) < 3 or not first[:1].isupper():
        return None
    starts = [m.start() for m in re.finditer(rf"(?:^|(?<=\s)){re.escape(first)}\b", text)]
    if len(starts) != count:
        return None
    pieces = [text[a:b].strip() for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]
    return pieces if all(pieces) else None


_TARGET = re.compile(
    r"^(?:target\s+)?(?P<angka>\d+(?:[.,]\d+)?)\s*(?:\((?P<huruf>[a-z ]+)\))?\s*"
    r"(?P<satuan>[^\d,;:()]*?)\s*(?P<rest>:.*)?$",
    re.IGNORECASE | re.DOTALL,
)
_FORMULA_WORDS = re.compile(r"berbanding|dibagi|x\s*100|\bjumlah\b", re.IGNORECASE)


def split_target(cell: str) -> tuple[str, str] | None:
    """``(target, satuan)`` when a formula-column cell is really a target value, else None.

    Staff tables write the target where the formula should be: "500 surat", "2 (dua)
    jenis", "81,35", "Target 84", "4 jenis, 12 bulan", "Kualitas 80%". A number with a
    short unit (one or two words) splits into target and satuan; other target-like texts
    are kept whole as the target with an empty satuan. A real formula ("Jumlah ... X
    100%") is never a target.

    >>> split_target("500 surat")
    ('500', 'surat')
    >>> split_target("4 jenis, 12 bulan")
    ('4 jenis, 12 bulan', '')
    >>> split_target("3 (tiga) dokumen keuangan: 1. Laporan keuangan tahunan")
    ('3', 'dokumen')
    """
    text = " ".join(cell.split())
    if not text or not re.search(r"\d", text) or _FORMULA_WORDS.search(text):
        return None
    match = _TARGET.match(text)
    if match:
        satuan = match.group("satuan").strip()
        words = satuan.split()
        if match.group("rest"):  # "3 (tiga) dokumen keuangan: 1. ..." - an explained target
            return (match.group("angka"), words[0] if words else "")
        if len(words) <= 2 and "/" not in satuan:
            return (match.group("angka"), satuan)
    head = " ".join(text.split()[:2])
    if (
        len(text) <= 60
        and len(text.split()) <= 8
        and ":" not in text
        and re.search(r"(?:^|\s)\d", head)
    ):
        if re.fullmatch(r"target\s+\S+", text, re.IGNORECASE):
            return (text.split(None, 1)[1], "")
        return (text, "")
    return None


_NUMBER_UNIT = re.compile(
    r"(?P<angka>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)"
    r"(?:\s+(?P<satuan>[^\W\d_]+(?: [^\W\d_]+){0,2})|\s?(?P<persen>%))"
)
# words that make the rest a sentence ("100 persen dari target nasional"), not a unit
_NOT_UNIT = {"dari", "yang", "dan", "atau", "untuk", "dengan", "pada", "ke", "di", "sesuai"}


def split_unit(cell: str) -> tuple[str, str] | None:
    """``(target, satuan)`` when a target cell is one number and a short unit, else None.

    SKP forms have a Target column and no Satuan column: the cell says "100 persen",
    "71,25 nilai", "1.200 kali", "85%" (an office workbook's cell formatted as a
    percentage reads so too). The unit is at most three words without digits or linking
    words, or the percent sign, kept as written; anything else stays whole.

    >>> split_unit("1.200 kali"), split_unit("71,25 nilai"), split_unit("12 orang per hari")
    (('1.200', 'kali'), ('71,25', 'nilai'), ('12', 'orang per hari'))
    >>> split_unit("85%"), split_unit("87,5 %")
    (('85', '%'), ('87,5', '%'))
    >>> split_unit("100 persen dari target nasional"), split_unit("85"), split_unit("85%/tahun")
    (None, None, None)
    """
    match = _NUMBER_UNIT.fullmatch(" ".join(cell.split()))
    if not match:
        return None
    satuan = match.group("satuan") or match.group("persen")
    if _NOT_UNIT & set(satuan.lower().split()):
        return None
    return (match.group("angka"), satuan)


_DATE_TARGET = re.compile(
    r"\d{1,2} (?:" + "|".join(BULAN) + r") \d{4}(?: pukul \d{2}\.\d{2})?", re.IGNORECASE
)
"""A target that is a date, as a decree or an Excel date cell (:mod:`.xlsx`) writes it."""


def unit_in_target(roles: Collection[str]) -> bool:
    """Whether a table's target cells may carry their unit: a Target column, no Satuan."""
    return "target" in roles and "satuan" not in roles


@dataclass
class CellRow:
    """One kinerja-indikator item of a table row, its cells already split and paired."""

    kinerja: str
    indikator: str
    formulasi: str = ""
    sumber_data: str = ""
    satuan: str = ""
    target: str = ""
    catatan: str = ""  # how the cells were paired, when they could not be one to one

    def to_row(self, line: int, *, note: str = "") -> Row:
        """The :class:`~.parts.Row` at ``line``, its texts clean (:func:`.items.clean_row`);
        ``note`` is the parser's own remark on the raw row, kept before the pairing's."""
        catatan = "; ".join(text for text in (note, self.catatan) if text)
        return clean_row(
            Row(
                line=line,
                kinerja=self.kinerja,
                indikator=self.indikator,
                formulasi=self.formulasi,
                sumber_data=self.sumber_data,
                satuan=self.satuan,
                target=self.target,
                catatan=catatan,
            )
        )


_LABELS = {
    "kinerja": "KINERJA",
    "indikator": "INDIKATOR",
    "formulasi": "FORMULASI",
    "sumber_data": "SUMBER DATA",
    "satuan": "SATUAN",
    "target": "TARGET",
}


UNPAIRED = "butirnya tidak dapat dipasangkan"
"""What the note of a row whose cells could not be paired item by item says."""


def _unpaired(role: str, items: list[str], count: int, kept: str) -> str:
    return (
        f"sel {_LABELS[role]} berisi {len(items)} butir untuk {count} indikator, jadi "
        f'{UNPAIRED}: seluruh sel ("{kept}") disimpan pada setiap indikator; '
        "periksa butir mana milik indikator mana"
    )


def _fit(role: str, cell: Cell, count: int, notes: list[str]) -> list[str]:
    """The items of a companion cell, ``count`` of them: paired, shared or kept whole.

    Split when it has exactly ``count`` items; one item applies to every indicator; a
    list beside a single indicator is one text (a formula listing what it counts); a list
    of another length beside several indicators is kept whole on each, with a note.
    """
    items = cell.split()
    if not items:
        return [""] * count
    if len(items) == count:
        return items
    if count > 1 and len(cell.lines) == count:  # short values, one a line: "indeks<br>persen"
        return cell.lines
    if len(items) == 1:
        pieces = _split_run_together(items[0], count) if count > 1 else None
        return pieces or items * count
    if count == 1:
        return [cell.text]
    kept = "; ".join(items)
    notes.append(_unpaired(role, items, count, kept))
    return [kept] * count


def pair_cells(
    kinerja: str | Cell,
    indikator: str | Cell,
    formulasi: str | Cell = "",
    sumber_data: str | Cell = "",
    satuan: str | Cell = "",
    target: str | Cell = "",
    *,
    target_in_formula: bool = True,
    unit_in_target: bool = False,
) -> list[CellRow]:
    """Split the cells of one table row into items and pair them in order.

    A cell is raw text (the tab layout: HTML fragments, read by :func:`.cells.read_raw`)
    or a :class:`~.cells.Cell` already read. The indicator cell decides the number of
    items; a kinerja cell with as many items is paired with them one to one, a single
    kinerja goes with the first item only (the next items continue it). The other cells
    are paired item by item when they have as many items, shared when they have one;
    otherwise their text is kept whole and the rows say so in ``catatan``. With
    ``target_in_formula`` (tables without a target column), a formula cell that reads as a
    target value becomes the target. With ``unit_in_target`` (a target column and no
    satuan column), a target cell "100 persen" becomes target "100" and satuan "persen".

    >>> [(r.kinerja, r.indikator, r.target) for r in pair_cells(
    ...     "Kinerja", "1. A; 2. B", "", "Data", target="") ]
    [('Kinerja', 'A', ''), ('', 'B', '')]
    >>> [(r.indikator, r.target) for r in pair_cells("K", "IKM<br>PATEN", target="85<br>95%")]
    [('IKM', '85'), ('PATEN', '95%')]
    """
    raw = (kinerja, indikator, formulasi, sumber_data, satuan, target)
    cells = {
        role: c if isinstance(c, Cell) else read_raw(c) for role, c in zip(_ROLES, raw, strict=True)
    }
    notes: list[str] = []
    kinerja_col, indikator_items = _kinerja_and_indikator(cells, notes)
    count = len(indikator_items)
    columns = {role: _fit(role, cells[role], count, notes) for role in _ROLES[2:]}
    rows = []
    for i in range(count):
        row = CellRow(
            kinerja=kinerja_col[i],
            indikator=indikator_items[i],
            formulasi=columns["formulasi"][i],
            sumber_data=columns["sumber_data"][i],
            satuan=columns["satuan"][i],
            target=columns["target"][i],
            catatan="; ".join(notes),
        )
        if target_in_formula:
            _target_from_formula(row)
        found = split_unit(row.target) if unit_in_target and not row.satuan else None
        if found:
            row.target, row.satuan = found
        if not row.satuan and _DATE_TARGET.fullmatch(row.target.strip()):
            row.satuan = "tanggal"  # "31 Desember 2026": a deadline is the target
        rows.append(row)
    return rows


_ROLES = ("kinerja", "indikator", "formulasi", "sumber_data", "satuan", "target")


def _kinerja_and_indikator(cells: dict[str, Cell], notes: list[str]) -> tuple[list[str], list[str]]:
    """The kinerja column and the indicator items of a row, as many of each."""
    kinerja_items = cells["kinerja"].split()
    indikator_items = cells["indikator"].split()
    count = max(len(indikator_items), 1)
    if len(kinerja_items) > 1 and len(kinerja_items) != count:
        if count == 1:  # several kinerja, one indicator cell: split it alike if it can
            count = len(kinerja_items)
            indikator_items = _fit("indikator", cells["indikator"], count, notes)
        else:
            kept = "; ".join(kinerja_items)
            notes.append(
                _unpaired("kinerja", kinerja_items, count, kept).replace(
                    "disimpan pada setiap indikator", "menjadi satu kinerja untuk semuanya"
                )
            )
            kinerja_items = [kept]
    if not indikator_items:
        indikator_items = [""]
    kinerja_col = (
        kinerja_items if len(kinerja_items) == count else [*kinerja_items[:1], *[""] * count]
    )[:count]
    return kinerja_col or [""] * count, indikator_items


def _target_from_formula(row: CellRow) -> None:
    """A formula cell that is really the target ("500 surat") becomes target and satuan."""
    if not row.formulasi or row.target:
        return
    found = split_target(row.formulasi)
    if found:
        row.target, unit = found
        row.satuan = row.satuan or unit
        if ":" not in row.formulasi:  # an explained target keeps its explanation
            row.formulasi = ""
