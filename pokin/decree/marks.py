"""What marks a decree's text, whatever its layout: block titles, sections, headings,
page furniture, list items, and the cells and rows of a grid (see :mod:`.assemble`).

>>> title_of("JABATAN. : KEPALA SEKSI PEMERINTAHAN"), title_of("Nama Jabatan: Lurah")
('KEPALA SEKSI PEMERINTAHAN', 'Lurah')
>>> bool(FURNITURE.match("- 3 -")), bool(FURNITURE.match("Halaman 3 dari 10"))
(True, True)
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .._text import fold
from .cells import Cell, lettered_items, line_items, numbered_items, strip_list_punctuation
from .columns import column_role
from .document import TableRow
from .items import clean_item
from .parts import Block
from .roles import read_title

__all__ = [
    "BEHAVIOUR_NOTE",
    "CLOSING",
    "FORM_BEHAVIOUR",
    "FORM_PART",
    "FURNITURE",
    "IKU_TITLE",
    "JENIS",
    "LABEL",
    "RUNNING_HEAD",
    "SECTION",
    "SIGNATORY",
    "TITLE",
    "UNIT_HEADING",
    "atasan_of",
    "continues_row",
    "form_pair",
    "form_parties",
    "form_positions",
    "form_row",
    "fungsi_items",
    "grid_cell",
    "head_field",
    "names_superior",
    "position_row",
    "second_party",
    "title_of",
    "title_row",
    "titled_block",
    "without_header",
]

TITLE = re.compile(r"^(?:\d{1,2}\s*[.)]\s*)?(?:nama\s+)?jabatan\s*\.?\s*:\s*(\S.*)$", re.IGNORECASE)
SECTION = re.compile(
    r"^(?:\d{1,2}\s*[.)]\s*)?(?:uraian\s+)?(tugas(?:\s+pokok)?|fungsi)\s*\.?\s*(?::\s*(.*))?$",
    re.IGNORECASE,
)
LABEL = re.compile(
    r"^(?:\d{1,2}\s*[.)]\s*)?((?:nama\s+)?jabatan|(?:uraian\s+)?tugas(?:\s+pokok)?|fungsi)\s*\.?\s*:?$",
    re.I,
)
JENIS = re.compile(r"\s*\((struktural|jfu|jft|fungsional|pelaksana)\)\s*$", re.IGNORECASE)
_PIT = re.compile(r"Pit\.\s")
_END = re.compile(r"(?:\s*:)+$|(?<=[^\W\d_]{8})\.(?:\s*:)*$")
"""What a title line ends with that is no part of the name: " :", a sentence's period
after a whole word (an abbreviation's stays: "KASUBBAG UMUM DAN KEPEG.", "TRANTIB.")."""


def titled_block(title: str, line: int, unit: str | None = None) -> Block:
    """The block a JABATAN title opens, the same for every reader: the title's words, its
    jenis label ("(JFU)") apart, without the " :" or period a title line may end with;
    an OCR's "Pit." read as "Plt." with a note.

    >>> b = titled_block("KEPALA  SEKSI PEMERINTAHAN (Struktural) :", 3)
    >>> b.nama, b.jenis, b.line
    ('KEPALA SEKSI PEMERINTAHAN', 'Struktural', 3)
    >>> titled_block("Lurah Sidomoro.", 1).nama, titled_block("Kasubbag Umum dan Kepeg.", 1).nama
    ('Lurah Sidomoro', 'Kasubbag Umum dan Kepeg.')
    """
    nama = " ".join(title.split())
    nama = _END.sub("", nama)
    jenis = JENIS.search(nama)
    nama = _END.sub("", JENIS.sub("", nama))
    catatan = ""
    if _PIT.match(nama):
        nama = "Plt." + nama[4:]
        catatan = 'Keputusan menulis "Pit." (salah baca OCR untuk "Plt.", pelaksana tugas).'
    return Block(
        nama=nama, line=line, unit=unit, jenis=jenis.group(1) if jenis else None, catatan=catatan
    )


IKU_TITLE = re.compile(r"^\W*INDIKATOR\s+KINERJA\s+UTAMA\b", re.IGNORECASE)
UNIT_HEADING = re.compile(
    r"^(?:[A-Z]{1,3}\.|\d{1,2}\.)?\s*((KELURAHAN|DESA|KECAMATAN)\s+[A-Z][A-Z .'-]+)$"
)
FURNITURE = re.compile(
    r"^(?:-\s*\d+\s*-|\d{1,3}|halaman\s+\d+(?:\s+(?:dari|of)\s+\d+)?|page\s+\d+(?:\s+of\s+\d+)?"
    r"|\d+\s*/\s*\d+)$",
    re.IGNORECASE,
)
"""A page number or page footer line: "- 3 -", "3", "Halaman 3 dari 10", "3/10"."""


RUNNING_HEAD = re.compile(
    r"^\W*(?:lampiran\b|\(?lanjutan\b|indikator\s+kinerja\s+(?:individu|utama)\b"
    r"|keputusan\s+(?:camat|bupati|wali\s*kota)\b|nomor\s*:|tentang\W*$|tahun\s+\d{4}\W*$)",
    re.IGNORECASE,
)
"""A heading of the decree itself, repeated over a page or a table ("LAMPIRAN KEPUTUSAN
CAMAT X NOMOR ...", "Lanjutan", "INDIKATOR KINERJA INDIVIDU"): no text of a position.

>>> [bool(RUNNING_HEAD.match(t)) for t in ("Lanjutan", "(lanjutan)", "TAHUN 2026", "Tahun ini")]
[True, True, True, False]
"""

SIGNATORY = re.compile(r"^(?:(?:Plt|Pj|Pjs)\.?\s*)?[A-Z][A-Z .'-]{2,},$")
"""The office above a signature, in capitals and ending in a comma ("CAMAT SUKAMAJU,"):
the decree's signature block starts here.

>>> bool(SIGNATORY.match("CAMAT TANJUNGREJO,")), bool(SIGNATORY.match("CAMAT TANJUNGREJO"))
(True, False)
"""


CLOSING = re.compile(
    r"^(?:[A-Z][A-Za-z ]+,\s*\d{1,2}\s+[A-Za-z]+\s+\d{4}"  # "Sukamaju, 2 Januari 2025"
    r"|Ditetapkan\b|(?i:ditetapkan\s+di|pada\s+tanggal\s*:?\s*\d)|NIP\b"
    r"|(?i:pihak\s+(?:pertama|kedua)|mengetahui|menyetujui)\b\W*(?:\t|$))"  # signatures
)
"""The decree's signature block (place and date, "Ditetapkan di", "NIP"): it ends the
table above it; the lines after it are no rows.

>>> bool(CLOSING.match("Ditetapkan di Mekarjaya")), bool(CLOSING.match("Pada tanggal : 6 Jan"))
(True, True)
>>> bool(CLOSING.match("Mekarjaya, 6 Januari 2025")), bool(CLOSING.match("Pada tanggal itu"))
(True, False)
>>> bool(CLOSING.match("PIHAK KEDUA\tPIHAK PERTAMA")), bool(CLOSING.match("Mengetahui,"))
(True, True)
>>> bool(CLOSING.match("Pihak kedua memberikan dukungan"))
False
"""

_SUPERIOR_PARTY = re.compile(r"\bselaku\s+atasan\b|\bpihak\s+kedua\b", re.IGNORECASE)


def names_superior(text: str) -> bool:
    """Whether a line says the ``Jabatan : X`` just above it is the *superior* of the
    position before it, not a position of its own: a Perjanjian Kinerja names both
    parties ("Jabatan : Camat, selaku atasan pihak pertama, selanjutnya disebut pihak
    kedua").

    >>> names_superior("selaku atasan pihak pertama, selanjutnya disebut PIHAK KEDUA")
    True
    >>> names_superior("selanjutnya disebut pihak pertama")
    False
    """
    return bool(_SUPERIOR_PARTY.search(text))


def second_party(blocks: list[Block], block: Block) -> Block | None:
    """The block before ``block`` again, with ``block`` as its atasan, when ``block`` is a
    Perjanjian Kinerja's second party (see :func:`names_superior`): the earlier block, which
    has no table yet, is taken back from ``blocks``. ``None`` when there is no such block."""
    if not blocks or blocks[-1].rows:
        return None
    previous = blocks.pop()
    previous.atasan = block.nama
    return previous


def title_of(text: str) -> str | None:
    """The position title of a ``JABATAN : X`` line, else ``None``.

    >>> title_of("JABATAN. : KEPALA SEKSI PEMERINTAHAN"), title_of("Nama Jabatan: Lurah")
    ('KEPALA SEKSI PEMERINTAHAN', 'Lurah')
    """
    match = TITLE.match(" ".join(text.split()))
    return match.group(1).strip(" :") if match else None


_ATASAN = re.compile(
    r"^(?:\d{1,2}\s*[.)]\s*)?(?:nama\s+)?(?:jabatan\s+)?atasan(?:\s+langsung)?\s*\.?\s*:\s*(\S.*)$",
    re.IGNORECASE,
)


def atasan_of(text: str) -> str | None:
    """The superior a block names in an ``ATASAN LANGSUNG : X`` line, else ``None``.

    >>> atasan_of("3. Atasan Langsung : CAMAT SUKAMAJU"), atasan_of("Jabatan Atasan: Lurah")
    ('CAMAT SUKAMAJU', 'Lurah')
    >>> atasan_of("Membantu atasan: menyusun laporan") is None
    True
    """
    match = _ATASAN.match(" ".join(text.split()))
    return match.group(1).strip(" :") if match else None


_HEAD_FIELD = re.compile(
    r"^(?:\d{1,2}\s*[.)]?\s*)?(unit\s+kerja|periode(?:\s+penilaian)?|nama|nip|"
    r"pangkat(?:\s*/\s*gol[a-z.]*(?:\s+ruang)?)?|gol(?:ongan|\.)?(?:\s*/?\s*ruang)?)"
    r"\s*\.?\s*(?::\s*(.*))?$",
    re.IGNORECASE,
)


def head_field(text: str, *, colon: bool = True) -> str | None:
    """The label of a header field of an SKP form or a position block (``UNIT KERJA :
    Kecamatan X``, ``PERIODE PENILAIAN : 1 Januari s.d. 31 Desember 2025``, ``NAMA``,
    ``NIP``, ``PANGKAT / GOL. RUANG``), in capitals; ``None`` for any other text. The
    header reader (:mod:`.header`) takes the organisasi and the year from them; they are
    never table rows. ``colon=False`` accepts a label alone (a cell of its own).

    >>> head_field("UNIT KERJA : KECAMATAN SUKAMEKAR"), head_field("5 Unit Kerja", colon=False)
    ('UNIT KERJA', 'UNIT KERJA')
    >>> head_field("Nama kegiatan yang dilaksanakan") is None
    True
    """
    text = " ".join(text.split())
    match = _HEAD_FIELD.match(text)
    if match is None or (colon and match.group(2) is None):
        return None
    return " ".join(match.group(1).upper().split())


FORM_PART = re.compile(
    r"^(?:[A-C][.)]\s*)?(?:HASIL\s+KERJA|(?:KINERJA\s+|HASIL\s+KERJA\s+)?(?:UTAMA|TAMBAHAN))\s*:?$",
    re.IGNORECASE,
)
"""A part title of the SKP form's table ("HASIL KERJA", "A. UTAMA", "B. TAMBAHAN"): read
as furniture, never a row (the rows under "TAMBAHAN" are the position's too)."""

FORM_BEHAVIOUR = re.compile(r"^(?:[A-Z0-9][.)]?\s+)?PERILAKU\s+KERJA\s*:?$", re.IGNORECASE)
"""The SKP form's PERILAKU KERJA part: behaviour, not results; a pohon kinerja holds none
of it, so the readers pass over it up to the next position (and say so once)."""
BEHAVIOUR_NOTE = (
    "bagian PERILAKU KERJA formulir SKP tidak diimpor sampai jabatan berikutnya: pohon "
    "kinerja memuat hasil kerja saja"
)

_PARTIES = re.compile(
    r"^(?:NO\s+)?PEGAWAI\s+YANG\s+DINILAI\s+(?:NO\s+)?(?:PEJABAT|ATASAN)\s+PENILAI(?:\s+KINERJA)?$",
    re.IGNORECASE,
)
_FORM_NUMBER = re.compile(r"\d{1,2}\s*[.)]?|:")


def form_parties(cells: Sequence[str | None]) -> bool:
    """Whether a row is the SKP form's "PEGAWAI YANG DINILAI | PEJABAT PENILAI KINERJA"."""
    return bool(_PARTIES.match(" ".join(" ".join(c or "" for c in cells).split())))


def form_pair(cells: Sequence[str | None]) -> tuple[str, str, str] | None:
    """A row of the SKP form's two columns side by side, the same label for the pegawai
    yang dinilai and for the pejabat penilai: ``(label, left value, right value)``.

    >>> form_pair(["4", "JABATAN", "KEPALA SEKSI X", "4", "JABATAN", "CAMAT Y"])
    ('JABATAN', 'KEPALA SEKSI X', 'CAMAT Y')
    >>> form_pair(["1", "NAMA", ":", "BUDI", "1", "NAMA", ":", "ANI"])
    ('NAMA', 'BUDI', 'ANI')
    >>> form_pair(["Kinerja", "Indikator", "Kinerja", "Indikator"]) is None
    True
    """
    filled = [" ".join((c or "").split()) for c in cells]
    filled = [c for c in filled if c and not _FORM_NUMBER.fullmatch(c)]
    if len(filled) != 4 or fold(filled[0]) != fold(filled[2]):
        return None
    label = filled[0].rstrip(" :")
    if LABEL.match(label) and "jabatan" in label.lower():
        return "JABATAN", filled[1].lstrip(": "), filled[3].lstrip(": ")
    named = head_field(label, colon=False)
    return (named, filled[1], filled[3]) if named else None


def form_positions(dinilai: str, penilai: str, line: int) -> tuple[Block, Block]:
    """The blocks of an SKP form's ``JABATAN`` row: the pejabat penilai (a position without
    a table in this file) and the pegawai yang dinilai under it, in that order."""
    atasan = Block(
        nama=" ".join(penilai.split()),
        line=line,
        catatan="Pejabat penilai kinerja pada formulir SKP; SKP-nya sendiri tidak ada di "
        "berkas ini.",
    )
    return atasan, Block(nama=" ".join(dinilai.split()), line=line, atasan=atasan.nama)


def form_row(
    cells: Sequence[str | None], line: int, unit: str | None = None
) -> tuple[Block, Block] | bool:
    """What a row of an SKP form's head is to every reader: its JABATAN row gives the
    blocks of the pejabat penilai and of the pegawai yang dinilai (:func:`form_positions`,
    both placed in ``unit``); ``True`` for its other rows (NAMA, NIP, the parties' titles:
    read by the header, never table rows); ``False`` for any other row."""
    pair = form_pair(cells)
    if pair is None:
        return form_parties(cells)
    if pair[0] != "JABATAN":
        return True
    penilai, block = form_positions(pair[1], pair[2], line)
    penilai.unit = block.unit = unit
    return penilai, block


def fungsi_items(text: str) -> list[str]:
    """The fungsi a line lists: "a. X; b. Y", "1) X; 2) Y", "1. X 2. Y", else one item."""
    items = lettered_items(text) or numbered_items(
        re.sub(r"(?:(?<=\s)|^)(\d{1,2})\)\s", r"\1. ", text)
    )
    if items:
        return items
    return [strip_list_punctuation(clean_item(text))]


def grid_cell(text: str) -> Cell:
    """A grid cell (lines joined by newlines) as a :class:`Cell` of items."""
    lines = [" ".join(line.split()) for line in text.split("\n")]
    lines = [line for line in lines if line]
    return Cell(" ".join(lines), line_items(lines) or [], line_items(lines, merge=False) or [])


def without_header(row: TableRow, headers: list[str]) -> TableRow:
    """A row glued to the header repeated above it (a PDF page whose header row has no
    bottom rule: "Kinerja Meningkatnya ..."), without that header's labels."""
    cells = list(row.cells)
    labels = [(col, label) for col, label in enumerate(headers) if label and col < len(cells)]
    glued = [
        col
        for col, label in labels
        if (cells[col] or "") == label or (cells[col] or "").startswith(label + " ")
    ]
    longer = [col for col in glued if (cells[col] or "") != headers[col]]
    if not longer or len(glued) * 5 < len(labels) * 4:
        return row
    for col in glued:
        cells[col] = (cells[col] or "")[len(headers[col]) :].strip()
    return TableRow(row.line, cells)


def continues_row(by_role: dict[str, str]) -> bool:
    """Whether the first row after a page break is the rest of the row before it: no
    kinerja and no indicator, or one of them going on in lower case."""
    kinerja, indikator = by_role.get("kinerja", ""), by_role.get("indikator", "")
    return (not kinerja and not indikator) or (kinerja or indikator)[:1].islower()


def title_row(texts: list[str]) -> bool:
    """A row of one cell (or one merged across the row) in capitals above the table's
    header (a sheet's or a Word table's title row, "INDIKATOR KINERJA INDIVIDU"): read as
    a paragraph."""
    filled = {t for t in texts if t}
    return len(filled) == 1 and min(filled).isupper() and len(min(filled)) <= 150


_NOT_TITLE = re.compile(r"\b(?:INDIKATOR|KINERJA|SASARAN|LAMPIRAN|KEPUTUSAN|TABEL|JUMLAH)\b", re.I)


def position_row(texts: list[str], text: str) -> bool:
    """Whether a table row of one text merged across its cells (a title between the rows
    of one long table) names a position: a title pokin knows ("CAMAT", "KEPALA SEKSI
    ..."), or a short text in capitals that names no column, unit or document part.

    >>> position_row(["PENGELOLA KEUANGAN"] * 7, "PENGELOLA KEUANGAN")
    True
    >>> position_row(["KELURAHAN SUKAJADI"] * 7, "KELURAHAN SUKAJADI")
    False
    >>> position_row(["Camat", "", ""], "Camat")  # one cell, the others empty: a data row
    False
    """
    if sum(1 for t in texts if t) < 2 or len(text) > 100 or "\n" in text:
        return False
    if UNIT_HEADING.match(text) or column_role(text) != "lain" or _NOT_TITLE.search(text):
        return False
    if read_title(text).explicit:
        return True
    return text.isupper() and len(text.split()) <= 8 and not re.search(r"\d", text)
