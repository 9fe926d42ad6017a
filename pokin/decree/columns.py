"""The one vocabulary of column names every decree reader recognises tables by.

Offices name the same columns differently: the kinerja is a "Kinerja Utama", "Rencana
Kinerja", "Sasaran (Strategis)" or "Hasil Kerja"; the indicator an "Indikator Kinerja
Individu / Utama"; its formula a "Formulasi", "Penjelasan", "Cara Perhitungan" or
"Definisi Operasional"; then "Sumber Data", "Satuan", "Target" (maybe one per year),
"Penanggung Jawab", a leading "No". A table is recognised by what its columns *mean*
(:func:`header_roles`), never by an exact header line, and every reader - text, Word,
PDF, Excel - uses this module, so a new wording is added once, here.

>>> column_role("Rencana Hasil Kerja"), column_role("INDIKATOR KINERJA INDIVIDU")
('kinerja', 'indikator')
>>> column_role("Cara Perhitungan"), column_role("Definisi Operasional / Formulasi")
('formulasi', 'formulasi')
>>> column_role("No."), column_role("Target 2025"), column_role("Penanggung Jawab")
('no', 'target', 'penanggung_jawab')
>>> column_role("Rencana Hasil Kerja Pimpinan yang Diintervensi")
'kinerja_atasan'
>>> column_role("Atasan Langsung"), column_role("Jabatan Atasan"), column_role("Kinerja Atasan")
('atasan', 'atasan', 'kinerja_atasan')
>>> header_roles(["RHK Pimpinan yang Diintervensi", "RHK", "Aspek", "IKI", "Target"])
['kinerja_atasan', 'kinerja', 'lain', 'indikator', 'target']
>>> header_roles(["No", "Sasaran", "Indikator Kinerja", "Satuan", "Target"])
['no', 'kinerja', 'indikator', 'satuan', 'target']
>>> header_roles(["Meningkatnya pelayanan", "Persentase aduan selesai"]) is None
True
"""

from __future__ import annotations

import re

from .spacing import mended

__all__ = [
    "COLUMN_WORDS",
    "INDIKATOR_WORDS",
    "ROLES",
    "SUMBER_WORDS",
    "column_role",
    "group_labels",
    "header_labels",
    "header_roles",
    "is_column_numbers",
    "is_quarter",
    "year_of",
]

ROLES = (
    "no",
    "kode",
    "jabatan",
    "kinerja",
    "kinerja_atasan",
    "atasan",
    "indikator",
    "formulasi",
    "sumber_data",
    "satuan",
    "target",
    "penanggung_jawab",
    "lain",
)
"""Every role a column can have; ``lain`` (other) is a column no reader uses.
``kinerja_atasan`` is the superior's result a row says it supports (an SKP's "Rencana Hasil
Kerja Pimpinan yang Diintervensi", a "Kinerja Atasan" or "Indikator Atasan yang Didukung"
column): the decree declaring a cascade link. ``atasan`` is the position's direct superior
("Atasan Langsung", "Jabatan Atasan" in a matrix with a ``Jabatan`` column): the decree
declaring who a position reports to, as an "ATASAN LANGSUNG : X" line does."""

COLUMN_WORDS: tuple[tuple[str, str], ...] = (
    (r"INDIKATOR", "indikator"),
    (r"FORMULA\w*", "formulasi"),
    (r"PENJELASAN", "formulasi"),
    (r"DEFINISI", "formulasi"),
    (r"CARA\s+(?:PERHITUNGAN|PENGUKURAN|MENGHITUNG)", "formulasi"),
    (r"RUMUS", "formulasi"),
    (r"SUMBER", "sumber_data"),
    (r"SATUAN", "satuan"),
    (r"TARGET", "target"),
    (r"TW|TRIWULAN", "target"),  # a quarter's target: "TW I", "Triwulan II"
    (r"REALISASI", "realisasi"),
    (
        r"POLARITAS|ARAH(?:\s+(?:INDIKATOR|KINERJA|CAPAIAN|PENCAPAIAN|TARGET))?(?!\s*\w)",
        "polaritas",
    ),
    (r"PENANGGUNG\s*JAWAB|PJ|PIC", "penanggung_jawab"),
    (r"(?:NAMA\s+)?JABATAN", "jabatan"),
    (r"HASIL\s+KERJA", "kinerja"),
    (r"KINERJA", "kinerja"),
    (r"SASARAN", "kinerja"),
    (r"TUJUAN", "kinerja"),
    (r"RHK", "kinerja"),  # Rencana Hasil Kerja (SKP, PermenPAN-RB 6/2022)
    (r"IKI", "indikator"),  # Indikator Kinerja Individu
)
"""The words of a header cell and the role each gives: the word written *first* in the
cell decides ("Target Kinerja" is a target, "Indikator Kinerja" an indicator), but a
kinerja word yields to an indicator one ("Sasaran / Indikator" lists the indicators)."""

_SUPERIOR = re.compile(
    r"\b(?:PIMPINAN|ATASAN|(?:YANG\s+)?DI\s*INTERVENSI|INTERVENSI|YANG\s+DIDUKUNG)\b"
)
"""Words that make a kinerja or indicator column the *superior's* one (see ``ROLES``)."""
_ATASAN = re.compile(
    r"(?:NAMA\s+)?(?:JABATAN\s+)?ATASAN(?:\s+LANGSUNG)?(?:\s+YANG\s+MENILAI)?(?:\s*\([^)]*\))?"
)
"""A column naming each position's direct superior: "Atasan", "Atasan Langsung", "Jabatan
Atasan (Langsung)", "Atasan Langsung (Jabatan)", "Nama Jabatan Atasan"; "Nama Atasan"
alone is a person's name, no position."""
_GENERIC = (r"URAIAN", r"RENCANA", r"PROGRAM")  # "Uraian" alone: the row's statement
_WORDS = re.compile(
    "|".join(rf"\b(?P<w{n}>{word})\b" for n, (word, _) in enumerate(COLUMN_WORDS)),
)
_FIGURE = re.compile(
    r"(?:JUMLAH|CAPAIAN|TOTAL|BANYAKNYA)\s+(?:KINERJA|INDIKATOR|IKI|RHK|SASARAN)\b"
)
"""A count or attainment of the kinerja or indicators (a summary sheet's "Jumlah
Kinerja"): the column is no kinerja or indicator column."""


_NO = re.compile(r"NO\.?|NOMOR|NO\.?\s*URUT|#")
_KODE = re.compile(r"KODE|NO\.?\s*/\s*KODE")


def column_role(header: str) -> str:
    """The role of a table column from its header text (any case), ``"lain"`` if none.

    >>> column_role("indikator kinerja utama"), column_role("SUMBER DATA"), column_role("KET")
    ('indikator', 'sumber_data', 'lain')
    >>> column_role("K I N E R J A"), column_role("INDI-KATOR KINERJA"), column_role("Targe t")
    ('kinerja', 'indikator', 'target')
    >>> column_role("S U M B E R  D A T A"), column_role("KETE-RANGAN"), column_role("TW I")
    ('sumber_data', 'lain', 'target')
    >>> column_role("Jumlah Kinerja"), column_role("Capaian Kinerja"), column_role("Kinerja")
    ('lain', 'lain', 'kinerja')
    """
    text = re.sub(r"^\d+\s*(?=[A-Za-z])", "", header).upper().strip(" :")
    text = " ".join((mended(text) if len(text) <= 40 else text).split())
    if _NO.fullmatch(text):
        return "no"
    if _KODE.fullmatch(text):
        return "kode"
    if _ATASAN.fullmatch(text.replace(".", "")) and text != "NAMA ATASAN":
        return "atasan"
    if _FIGURE.match(text):
        return "lain"  # "Jumlah Kinerja", "Capaian Kinerja": a figure about them, not them
    found = [COLUMN_WORDS[int(m.lastgroup[1:])][1] for m in _WORDS.finditer(text) if m.lastgroup]
    if found and found[0] in ("kinerja", "indikator") and _SUPERIOR.search(text):
        return "kinerja_atasan"
    if found:  # "Sasaran / Indikator Kinerja Utama" holds the indicators (and sasaran codes)
        return "indikator" if found[0] == "kinerja" and "indikator" in found else found[0]
    if any(re.match(rf"{word}\b", text) for word in _GENERIC):
        return "kinerja"
    if re.fullmatch(r"(?:TAHUN\s+)?(?:19|20)\d\d", text):
        return "target"  # a year under a merged "TARGET" header
    return "lain"


def year_of(header: str) -> str | None:
    """The period a target column is for: a year ("Target 2025" -> "2025") or a quarter
    ("TW II", "Target Triwulan 2" -> "TW II"), if it names one.

    >>> year_of("TARGET 2025"), year_of("Target"), year_of("Triwulan 3"), year_of("TW IV")
    ('2025', None, 'TW III', 'TW IV')
    """
    found = re.findall(r"\b((?:19|20)\d\d)\b", header)
    if found:
        return str(found[-1])
    quarter = _QUARTER.search(header)
    return (
        f"TW {_ROMAN.get(quarter.group(1).upper(), quarter.group(1).upper())}" if quarter else None
    )


_QUARTER = re.compile(r"\b(?:TW|TRIWULAN)\s*[-.]?\s*(IV|III|II|I|[1-4])\b", re.IGNORECASE)
_ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV"}


def is_quarter(period: str) -> bool:
    """Whether a period of :func:`year_of` is a quarter: it is no year's annual target."""
    return period.startswith("TW ")


def header_roles(cells: list[str], *, longest: int = 60) -> list[str] | None:
    """The roles of a header row's columns, or ``None`` when the row is not a header.

    A header has short cells, names an indicator column, and names a kinerja, formula,
    source, unit or target column besides; at most a third of its cells are unknown.
    """
    texts = [" ".join(cell.split()) for cell in cells]
    filled = [t for t in texts if t]
    if not filled or any(len(t) > longest for t in filled):
        return None  # header cells are short labels; a long cell is data
    roles = [column_role(t) if t and not re.search(r"[,;]", t) else "lain" for t in texts]
    known = [r for r, t in zip(roles, texts, strict=True) if t and r != "lain"]
    if "indikator" not in known or len(set(known)) < 2:
        return None
    if (len(filled) - len(known)) * 3 > len(filled):
        return None
    return roles


def is_column_numbers(cells: list[str]) -> bool:
    """Whether a row only numbers the columns: "1 2 3 4", "(1) (2) (3)".

    >>> is_column_numbers(["(1)", "(2)", "(3)"]), is_column_numbers(["1.", "Meningkatnya"])
    (True, False)
    """
    filled = [c.strip() for c in cells if c and c.strip()]
    numbers = [re.fullmatch(r"\(?(\d{1,2})\)?", c) for c in filled]
    return len(filled) >= 2 and all(numbers) and len({m.group(1) for m in numbers if m}) > 1


INDIKATOR_WORDS = (
    "Jumlah", "Persentase", "Prosentase", "Nilai", "Indeks", "Rasio", "Tingkat", "Cakupan",
)  # fmt: skip
"""The words an indicator cell opens with, for layouts that lost their grid."""

SUMBER_WORDS = (
    "Data", "Rekap", "Rekapitulasi", "KIB", "Agenda", "Arsip", "Dokumen", "Buku",
    "Register", "Laporan", "Notulen", "Aplikasi", "Daftar", "Kartu", "Berita", "Catatan",
    "Formulir", "Dokumentasi", "Sistem", "LHE", "LKjIP", "LAKIP", "SIPD", "SIMPEG", "BPS",
)  # fmt: skip
"""The words a data-source cell opens with, for layouts that lost their grid (also the
reports' acronyms: LHE, the inspectorate's evaluation report; LKjIP; SIPD; SIMPEG)."""


def _opens_label(text: str) -> bool:
    """Whether ``text`` starts with a column word ("Cara Perhitungan", "Penanggung Jawab")."""
    match = _WORDS.search(text.upper())
    return bool(match) and match is not None and match.start() == 0


def _label_like(line: str) -> bool:
    """A header label or a piece of one: short, no list mark, no sentence punctuation."""
    return (
        0 < len(line) <= 40
        and len(line.split()) <= 4
        and ":" not in line  # "JABATAN : X" is a title, not a label
        and not re.fullmatch(r"\d{1,3}\.?", line)
        and not re.match(r"(?:[a-zA-Z]|\d{1,2})[.)]\s", line)
        and not re.search(r"[;,]$|\w\.$", line.removesuffix("No.").removesuffix("NO."))
    )


def _year_under_target(labels: list[str], line: str) -> bool:
    """Read a year under a "Target" label written once over several years: the label
    becomes one column per year, placed where the years come (a converter writes the
    merged cell first or last); whether ``line`` was such a year.

    >>> labels = ["Target", "No", "Indikator"]
    >>> _year_under_target(labels, "2025"), _year_under_target(labels, "2026"), labels
    (True, True, ['No', 'Indikator', 'Target 2025', 'Target 2026'])
    """
    found = [k for k, label in enumerate(labels) if column_role(label) == "target"]
    if not _YEAR.fullmatch(line) or not found:
        return False
    label = labels[found[-1]]
    base = re.sub(r"\s*\b(?:TAHUN\s+)?(?:19|20)\d\d\b", "", label, flags=re.IGNORECASE)
    if year_of(label) is None:
        labels.pop(found[-1])
    labels.append(f"{base.strip() or 'Target'} {line}")
    return True


def header_labels(lines: list[str], start: int) -> tuple[list[str], int] | None:
    """The labels of a header written over several lines (or words) from ``start``, and
    the index after it; ``None`` when there is no header there.

    A line naming no column continues the label above ("Individu", "Data"), unless it
    opens a two-word label with the next ("Cara" + "Perhitungan"); a line of the same
    role as the label above continues it ("Rencana" + "Kinerja"), so does "Kinerja" after
    a one-word "Indikator" or "Target".

    >>> header_labels(["No", "Rencana", "Kinerja", "Indikator Kinerja", "Individu",
    ...     "Cara", "Perhitungan", "Sumber", "Data", "1."], 0)
    (['No', 'Rencana Kinerja', 'Indikator Kinerja Individu', 'Cara Perhitungan', \
'Sumber Data'], 9)
    >>> header_labels("KINERJA INDIKATOR FORMULASI SUMBER DATA 1.".split(), 0)[0]
    ['KINERJA', 'INDIKATOR', 'FORMULASI', 'SUMBER DATA']
    """
    labels, i = group_labels(lines, start)
    if len(labels) < 3 or header_roles(labels) is None:
        return None
    return labels, i


def group_labels(lines: list[str], start: int) -> tuple[list[str], int]:
    """The labels the lines (or words) from ``start`` make, by :func:`header_labels`' rules,
    and the index after the last one taken; no check that they make a header.

    >>> group_labels("No Kinerja Indikator Kinerja Formulasi Sumber Data Satuan".split(), 0)
    (['No', 'Kinerja', 'Indikator Kinerja', 'Formulasi', 'Sumber Data', 'Satuan'], 8)
    """
    labels: list[str] = []
    i = start
    while i < len(lines) and _label_like(lines[i]):
        line = lines[i]
        if _year_under_target(labels, line):
            i += 1
            continue
        role = column_role(line)
        opens = i + 1 < len(lines) and _opens_label(f"{line} {lines[i + 1]}")
        last = column_role(labels[-1]) if labels else None
        if last is not None and role == "lain" and not opens:
            if len(line.split()) > 2:
                break
            labels[-1] = f"{labels[-1]} {line}"
        elif (last is not None and role == last and role != "no") or (
            role == "kinerja" and last in ("indikator", "target") and " " not in labels[-1]
        ):
            labels[-1] = f"{labels[-1]} {line}"
        elif role != "lain" or opens:
            labels.append(line)
        else:
            break
        i += 1
    return labels, i


_YEAR = re.compile(r"(?:TAHUN\s+)?(?:19|20)\d\d", re.IGNORECASE)
