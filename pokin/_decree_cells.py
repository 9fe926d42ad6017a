"""Table cells of a decree, whatever its layout: HTML clean-up, items, targets and pairing.

A decree's table cell may pack several kinerja or indicators (``<p>`` items, a numbered list
"1. ... 2. ..."), or hold one formula that merely *contains* a numbered list ("Jumlah
dokumen tersusun : 1. monografi 2. profil"). The rule used here, the one a planner reads
the tables by: the **indicator cell decides how many items a row has**; the other cells of
the row are split only when they split into exactly that many items, otherwise they are
kept whole and shared by every item. Staff tables write the *target* in the formula column
("500 surat", "2 (dua) jenis"); :func:`split_target` recognises such a cell.

>>> clean_cell("<p>Surat dinas</p> <p>Listrik &amp; air</p>")
'Surat dinas Listrik & air'
>>> split_items("<p>Surat dinas</p> <p>Listrik &amp; air</p>")
['Surat dinas', 'Listrik & air']
>>> split_items("1. Persentase kehadiran; 2. Persentase usulan")
['Persentase kehadiran', 'Persentase usulan']
>>> split_items("Jumlah dokumen tersusun : 1. monografi 2. profil")
['Jumlah dokumen tersusun : 1. monografi 2. profil']
>>> split_target("2 (dua) jenis")
('2', 'jenis')
>>> split_target("Jumlah laporan tersusun") is None
True
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

__all__ = [
    "COLUMN_WORDS",
    "CellRow",
    "clean_cell",
    "column_role",
    "numbered_items",
    "pair_cells",
    "split_items",
    "split_target",
    "strip_list_punctuation",
]

COLUMN_WORDS = (
    ("INDIKATOR", "indikator"),  # first: "INDIKATOR KINERJA" is the indicator column
    ("FORMULA", "formulasi"),
    ("PENJELASAN", "formulasi"),
    ("DEFINISI", "formulasi"),
    ("SUMBER", "sumber_data"),
    ("SATUAN", "satuan"),
    ("TARGET", "target"),
    ("KINERJA", "kinerja"),
    ("SASARAN", "kinerja"),
    ("URAIAN", "kinerja"),
)
"""The words of a table header, in the order they decide a column's role."""


def column_role(header: str) -> str:
    """The role of a table column from its header text (upper case), ``"lain"`` if none.

    >>> column_role("INDIKATOR KINERJA UTAMA"), column_role("SUMBER DATA"), column_role("KET")
    ('indikator', 'sumber_data', 'lain')
    """
    return next((role for word, role in COLUMN_WORDS if word in header), "lain")


_P_OPEN = re.compile(r"<p(?:\s[^>]*)?>", re.IGNORECASE)
_OL_OPEN = re.compile(r"<ol(?:\s[^>]*)?>", re.IGNORECASE)
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_SPACES = re.compile(r"[ \t\u00a0]+")
_NUMBER = re.compile(r"(?:(?<=\s)|(?<=^)|(?<=[;:]))(\d{1,2})\.\s+")


def _format_ol(text: str) -> str:
    """Put each item of an ``<ol>`` list on its own line ("\\n1. ...\\n2. ...")."""

    def one(match: re.Match[str]) -> str:
        body = match.group(1)
        body = re.sub(r"\s*(?<![\d.])(\d{1,2})\.\s+", r"\n\1. ", body)
        return "\n" + body.strip() + "\n"

    return re.sub(r"\x00OL(.*?)(?:\x00/OL|$)", one, text, flags=re.DOTALL)


def clean_cell(raw: str) -> str:
    """The text of a cell without HTML: tags dropped, entities decoded, spaces collapsed.

    Items of an ``<ol>`` list go on lines of their own; everything else is one line.
    """
    text = _OL_OPEN.sub("\x00OL", raw)
    text = re.sub(r"</ol\s*>", "\x00/OL", text, flags=re.IGNORECASE)
    text = re.sub(r"<br\s*/?>", " ", text, flags=re.IGNORECASE)
    if "\x00OL" in text:
        text = _format_ol(text)
    text = text.replace("\x00/OL", " ")
    text = html.unescape(_TAG.sub(" ", text))
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def strip_list_punctuation(item: str) -> str:
    """Drop the list punctuation a decree ends items with ("; dan", ";", ",").

    >>> strip_list_punctuation("Penyelenggaraan urusan pemerintahan umum; dan")
    'Penyelenggaraan urusan pemerintahan umum'
    """
    return re.sub(r"\s*(?:[;,.]\s*(?:dan|atau)?|\bdan)\s*$", "", item.strip()).strip()


def numbered_items(text: str) -> list[str] | None:
    """The items of ``text`` when it *is* a numbered list "1. a 2. b", else ``None``.

    The list must start the text and number its items 1, 2, 3... in order; a text with
    a lead before "1." (a formula explaining what it counts) is not a list of items.

    >>> numbered_items("1. Terselenggaranya Pembinaan 2. Terselenggaranya Konsolidasi")
    ['Terselenggaranya Pembinaan', 'Terselenggaranya Konsolidasi']
    >>> numbered_items("3 (tiga) dokumen: 1. Laporan 2. Laporan") is None
    True
    """
    text = text.strip()
    if not re.match(r"1\.\s", text):
        return None
    cuts: list[tuple[int, int]] = []
    expected = 1
    for match in _NUMBER.finditer(text):
        if int(match.group(1)) == expected:
            cuts.append((match.start(), match.end()))
            expected += 1
    if len(cuts) < 2:
        return None
    items = []
    for (_, body_start), nxt in zip(cuts, [*cuts[1:], (len(text), len(text))], strict=True):
        items.append(strip_list_punctuation(text[body_start : nxt[0]]))
    return [item for item in items if item] if all(items) else None


def split_items(raw: str) -> list[str]:
    """Split a cell into its items: ``<p>`` paragraphs, else a leading numbered list.

    A cell with a single item (the usual case) gives a one-item list; an empty cell an
    empty list. A ``<p>`` followed by an ``<ol>`` list keeps the list inside its item.
    """
    if len(_P_OPEN.findall(raw)) >= 2:
        parts = [clean_cell(part) for part in _P_OPEN.split(raw)]
        items = [part for part in parts if part]
        if len(items) >= 2:
            return items
    text = clean_cell(raw)
    if not text:
        return []
    numbered = numbered_items(text) if "\n" not in text else None
    return numbered or [text]


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


@dataclass
class CellRow:
    """One kinerja-indikator item of a table row, its cells already split and paired."""

    kinerja: str
    indikator: str
    formulasi: str = ""
    sumber_data: str = ""
    satuan: str = ""
    target: str = ""


def _fit(raw: str, count: int) -> list[str]:
    """The items of a companion cell, ``count`` of them: split when it splits so, else shared."""
    items = split_items(raw)
    if len(items) == count:
        return items
    whole = clean_cell(raw)
    if count > 1 and items and len(items) == 1:
        pieces = _split_run_together(whole, count)
        if pieces:
            return pieces
    return [whole] * count


def pair_cells(
    kinerja: str,
    indikator: str,
    formulasi: str = "",
    sumber_data: str = "",
    satuan: str = "",
    target: str = "",
    *,
    target_in_formula: bool = True,
) -> list[CellRow]:
    """Split the raw cells of one table row into items and pair them in order.

    The indicator cell decides the number of items; a kinerja cell with as many items is
    paired with them one to one, a single kinerja goes with the first item only (the
    next items continue it). With ``target_in_formula`` (tables without a target
    column), a formula cell that reads as a target value becomes the target.

    >>> [(r.kinerja, r.indikator, r.target) for r in pair_cells(
    ...     "Kinerja", "1. A; 2. B", "", "Data", target="") ]
    [('Kinerja', 'A', ''), ('', 'B', '')]
    """
    kinerja_items = split_items(kinerja)
    indikator_items = split_items(indikator)
    count = max(len(indikator_items), 1)
    if len(kinerja_items) > 1 and len(kinerja_items) != count:
        if count == 1:  # several kinerja, one indicator cell: split it alike if it can
            count = len(kinerja_items)
            indikator_items = _fit(indikator, count)
        else:
            kinerja_items = [" ".join(kinerja_items)]
    if not indikator_items:
        indikator_items = [""]
    kinerja_col = (
        kinerja_items if len(kinerja_items) == count else [*kinerja_items[:1], *[""] * count]
    )[:count]
    if not kinerja_col:
        kinerja_col = [""] * count
    formula_col = _fit(formulasi, count) if formulasi.strip() else [""] * count
    sumber_col = _fit(sumber_data, count) if sumber_data.strip() else [""] * count
    satuan_col = _fit(satuan, count) if satuan.strip() else [""] * count
    target_col = _fit(target, count) if target.strip() else [""] * count
    rows = []
    for i in range(count):
        row = CellRow(
            kinerja=kinerja_col[i],
            indikator=indikator_items[i],
            formulasi=formula_col[i],
            sumber_data=sumber_col[i],
            satuan=satuan_col[i],
            target=target_col[i],
        )
        if target_in_formula and row.formulasi and not row.target:
            found = split_target(row.formulasi)
            if found:
                row.target, unit = found
                row.satuan = row.satuan or unit
                if ":" not in row.formulasi:  # an explained target keeps its explanation
                    row.formulasi = ""
        rows.append(row)
    return rows
