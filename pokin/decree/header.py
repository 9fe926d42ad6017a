"""The head of a decree: organisasi, pemerintah, tahun, nomor, tanggal, penandatangan.

These lines read the same whatever the table layout, so every layout parser can use
:func:`read_header` on the decree's text lines (``PEMERINTAH KABUPATEN GRESIK KECAMATAN
KEBOMAS``, ``NOMOR : 050/42.1/437.102/2023``, ``Pada Tanggal : 27 Januari 2023``...).

>>> head = read_header(["KEPUTUSAN CAMAT KEBOMAS", "NOMOR : 050/42", "TENTANG",
...     "INDIKATOR KINERJA UTAMA", "KECAMATAN KEBOMAS KABUPATEN GRESIK", "CAMAT KEBOMAS",
...     "Pada Tanggal : 27 Januari 2023", "", "MOCH. JUSUF ANSYORI, S.Sos., M.M."])
>>> head.nama, head.pemerintah, head.nomor, head.tanggal, head.tahun
('Kecamatan Kebomas', 'Kabupaten Gresik', '050/42', '2023-01-27', 2023)
>>> head.judul
'Indikator Kinerja Utama Kecamatan Kebomas Kabupaten Gresik'
>>> read_header(["**KECAMATAN SUNGAI KUNJANG**"]).nama
'Kecamatan Sungai Kunjang'
>>> head.penandatangan
'MOCH. JUSUF ANSYORI, S.Sos., M.M.'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .._text import BULAN, fold
from .parts import ParsedDecree

__all__ = ["Header", "read_header", "title_case"]

_BULAN = {name.lower(): n for n, name in enumerate(BULAN, 1)}
_DATE = re.compile(r"\b(\d{1,2})\s+(" + "|".join(_BULAN) + r")\s+(\d{4})\b", re.IGNORECASE)
_JUDUL_END = re.compile(  # the line after a decree's title
    r"(-\s*)?(CAMAT|MENIMBANG|BUPATI|WALI\s*KOTA|PEMERINTAH|LAMPIRAN|KEPUTUSAN)\b", re.I
)
_TITLE_START = re.compile(  # a title line, however long ("... KECAMATAN X TAHUN 2025")
    r"^(?:INDIKATOR\s+KINERJA|SASARAN\s+KINERJA\s+PEGAWAI|PERJANJIAN\s+KINERJA|"
    r"RENCANA\s+KINERJA\s+TAHUNAN|KEPUTUSAN)\b"
)
_LABEL_LINE = re.compile(r"^[A-Za-z][A-Za-z ./]{1,40}:\s")  # "PERIODE PENILAIAN : ..."
_SMALL = {"dan", "di", "ke", "dari", "pada", "yang", "untuk", "atau", "serta", "dalam"}
_SIGNATORY = re.compile(
    r"^[A-Z][A-Za-z.'’ -]+,\s*(?:Dr|Drs|Ir|S|M|H|Hj|A|B)[A-Za-z]*\.", re.UNICODE
)


ACRONYMS = frozenset(
    {"PATEN", "SKM", "IKM", "SAKIP", "LKJIP", "LAKIP", "ATK", "SOP", "BMD", "KIB", "PKK"}
    | {"LPM", "OPD", "SKPD", "PBB", "SPJ", "SPM", "RT", "RW", "KTP", "KK", "UMKM", "PNS"}
    | {"ASN", "ORSOSMAS", "MUSRENBANG"}
)
"""Words kept in capitals when a title is title-cased (they are names, not words)."""


def title_case(text: str) -> str:
    """Title-case an ALL-CAPS text the way decrees write titles; other texts unchanged.

    >>> title_case("KEPALA SEKSI EKONOMI DAN PEMBANGUNAN")
    'Kepala Seksi Ekonomi dan Pembangunan'
    >>> title_case("Kasubbag Umum & Kepegawaian")
    'Kasubbag Umum & Kepegawaian'
    >>> title_case("PENGADMINISTRASI LAYANAN PATEN DAN SKM")
    'Pengadministrasi Layanan PATEN dan SKM'
    """
    letters = [c for c in text if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) < 0.8 * len(letters):
        return text
    words = []
    for i, word in enumerate(text.split()):
        lower = word.lower()
        if i and lower in _SMALL:
            words.append(lower)
        elif _kept(word, first=not i):
            words.append(word)
        else:
            words.append(word.capitalize())
    return " ".join(words)


def _kept(word: str, *, first: bool) -> bool:
    """Whether a word of an ALL-CAPS title stays as written: numbers, short words after the
    first ("RT", "IV"), and known acronyms."""
    short = len(word) <= 2 and word.isalpha() and not first
    acronym = word.strip(".,;:()/").upper() in ACRONYMS
    return any(c.isdigit() for c in word) or short or acronym


@dataclass
class Header:
    """What the head and the signature of a decree say; ``None`` where they are silent."""

    nama: str | None = None
    pemerintah: str | None = None
    tahun: int | None = None
    periode: str | None = None
    judul: str | None = None
    nomor: str | None = None
    tanggal: str | None = None
    tanggal_line: int | None = None
    penandatangan: str | None = None

    def fill(self, decree: ParsedDecree) -> ParsedDecree:
        """Copy the header fields onto ``decree`` (a layout parser's result); return it."""
        decree.nama, decree.pemerintah, decree.tahun = self.nama, self.pemerintah, self.tahun
        decree.periode, decree.judul, decree.nomor = self.periode, self.judul, self.nomor
        decree.tanggal, decree.penandatangan = self.tanggal, self.penandatangan
        return decree


def _iso(match: re.Match[str]) -> str:
    day, month, year = match.group(1), _BULAN[match.group(2).lower()], match.group(3)
    return f"{year}-{month:02d}-{int(day):02d}"


def read_header(
    lines: list[str], *, head_end: int | None = None, laid_out: list[str] | None = None
) -> Header:
    """Read the header fields from a decree's lines (tabs and markup are tolerated).

    ``head_end`` is the index of the first position block: the organisasi name, nomor
    and judul are looked for before it; the date and the signatory anywhere. ``laid_out``
    are the same lines with their parts side by side kept apart (a Word paragraph's tabs),
    read for a signature in two columns.
    """
    head = Header()
    plain = [re.sub(r"[*#_|\t]+", " ", line).strip() for line in lines]
    top = plain[: head_end if head_end is not None else len(plain)]
    for text in top:
        kec = re.search(
            r"\bKECAMATAN((?:\s+(?!KOTA\b|KABUPATEN\b|TAHUN\b|PROVINSI\b)[A-Z]+){1,3})", text
        )
        if kec and head.nama is None and text.isupper():
            head.nama = "Kecamatan " + " ".join(w.capitalize() for w in kec.group(1).split())
        titled = _KECAMATAN_TITLED.search(text) if not text.isupper() else None
        if titled and head.nama is None:  # "Indikator Kinerja Individu Kecamatan X Lor Tahun"
            head.nama = "Kecamatan " + " ".join(w.capitalize() for w in titled.group(1).split())
        gov = re.search(r"PEMERINTAH\s*(KOTA|KABUPATEN)\s+([A-Za-z]+)", text, re.IGNORECASE)
        if gov and head.pemerintah is None:
            head.pemerintah = _pemerintah(gov.group(1), text[gov.start(2) :])
        if head.nomor is None:
            head.nomor = _nomor(text)
        tahun = re.fullmatch(r".*\bTAHUN\s+(\d{4})(?:\s*[-–]\s*(\d{4}))?", text)
        if tahun and (len(text) < 60 or _TITLE_START.match(text)):
            if tahun.group(2):
                head.periode = head.periode or f"{tahun.group(1)}-{tahun.group(2)}"
            elif head.tahun is None:
                head.tahun = int(tahun.group(1))
    _read_fields(plain, head)
    if head.pemerintah is None:  # "KECAMATAN WONOASIH KOTA PROBOLINGGO"
        for text in top:
            gov = re.search(r"\b(KOTA|KABUPATEN)\s+([A-Z]{3,})\b", text)
            if gov and text.isupper():
                head.pemerintah = _pemerintah(gov.group(1), text[gov.start(2) :])
                break
    head.judul = _judul(top)
    if head.tahun is None and head.periode is None and head.judul:
        year = re.search(r"\bTAHUN\s+(\d{4})(?:\s*[-–]\s*(\d{4}))?\b", head.judul, re.I)
        if year and year.group(2):  # "TAHUN 2021-2026" is a periode, not a year
            head.periode = f"{year.group(1)}-{year.group(2)}"
        elif year:
            head.tahun = int(year.group(1))
    _read_date_and_signatory(laid_out or lines, plain, head)
    if head.nama is None:  # the last resort: "CAMAT X" above the signature names it
        camat = next((m for m in map(_SIGNING_CAMAT.match, reversed(plain)) if m), None)
        if camat:
            head.nama = "Kecamatan " + " ".join(w.capitalize() for w in camat.group(1).split())
    if head.tanggal and (head.tahun is None or head.periode):
        head.tahun = head.tahun or int(head.tanggal[:4])
    return head


_NOT_A_PLACE = re.compile(
    r"(?:KECAMATAN|KELURAHAN|DESA|KOTA|KABUPATEN|PROVINSI|TAHUN|NOMOR|TENTANG|DINAS|BADAN|"
    r"SEKRETARIAT|KANTOR|INDIKATOR|KEPUTUSAN|LAMPIRAN|PERATURAN|CAMAT|BUPATI|WALI|WALIKOTA|"
    r"JALAN|JL|ALAMAT|UNIT|JABATAN|PERIODE|DAN)",
    re.IGNORECASE,
)
"""Words that start the next label or title on a pemerintah's line, never its name."""


def _pemerintah(kind: str, rest: str) -> str:
    """ "Kabupaten Tanjung Jabung Barat" from ``kind`` ("KABUPATEN") and the text after it:
    its first word, then up to two more written in the same case ("PESISIR RAYA",
    "Tanjung Balai"), ending at the next label ("... KECAMATAN X", "... TAHUN 2025").

    >>> _pemerintah("KABUPATEN", "PESISIR RAYA KECAMATAN MUARA INDAH")
    'Kabupaten Pesisir Raya'
    >>> _pemerintah("Kota", "Tanjung Balai Tahun 2025"), _pemerintah("KOTA", "SAMARINDA")
    ('Kota Tanjung Balai', 'Kota Samarinda')
    """
    words = re.findall(r"[A-Za-z]+|\S", re.split(r"\s{3,}", rest)[0])[:3]  # not the next column
    name = words[:1]
    for word in words[1:]:
        if (
            not word.isalpha()
            or _NOT_A_PLACE.fullmatch(word)
            or word.isupper() != name[0].isupper()
            or not word[0].isupper()
        ):
            break
        name.append(word)
    return " ".join(w.capitalize() for w in [kind, *name])


_NAME = r"((?:\s+(?!KOTA\b|KABUPATEN\b|TAHUN\b|PROVINSI\b|NOMOR\b|TENTANG\b)[A-Z]+){1,3})"
_KECAMATAN_TITLED = re.compile(  # a title in Title Case: each word of the name capitalised
    r"\bKecamatan((?:\s+(?!Kota\b|Kabupaten\b|Tahun\b|Provinsi\b|Nomor\b|Tentang\b)"
    r"[A-Z][a-z'-]+){1,3})\b"
)
_SIGNING_CAMAT = re.compile(
    r"^(?:\d{1,2}\.\s*)?(?:(?:NAMA\s+)?JABATAN\s*\.?\s*:\s*)?(?:(?:Plt|Plh|Pj)\.?\s*)?CAMAT"
    + _NAME
    + r"\s*,?$"
)
"""The office above the signature, "CAMAT KARANGTENGAH LOR(,)", or the Camat's own title
("JABATAN : CAMAT MEKARJAYA"): it names the kecamatan."""
_UNIT_KERJA = re.compile(r"^UNIT\s+KERJA\s*:\s*KECAMATAN" + _NAME + r"\b", re.IGNORECASE)
_CAMAT = re.compile(r"^(?:LAMPIRAN\s+(?:[IVX]+\s+)?)?KEPUTUSAN\s+CAMAT" + _NAME + r"\b")
_PERIODE = re.compile(r"\bPERIODE(?:\s+PENILAIAN)?\s*:\s*(.*)$", re.IGNORECASE)


def _read_fields(plain: list[str], head: Header) -> None:
    """The organisasi and the year an SKP form or a Keputusan Camat gives where the other
    header lines are silent: ``UNIT KERJA : Kecamatan X`` (also under a position's title),
    ``PERIODE PENILAIAN : 1 Januari s.d. 31 Desember 2025`` (one year), ``KEPUTUSAN CAMAT
    X NOMOR ...`` (the Camat of Kecamatan X)."""
    for text in plain:
        unit = _UNIT_KERJA.match(text) or _CAMAT.match(text)
        if unit and head.nama is None:
            head.nama = "Kecamatan " + " ".join(w.capitalize() for w in unit.group(1).split())
        periode = _PERIODE.search(text)
        years = set(re.findall(r"\b(?:19|20)\d\d\b", periode.group(1))) if periode else ()
        if len(years) == 1 and head.tahun is None and head.periode is None:
            head.tahun = int(next(iter(years)))


_NOMOR_LEAD = re.compile(r"^NOMOR\s*:\s*(\S.*)$", re.IGNORECASE)
_NOMOR_INLINE = re.compile(r"^KEPUTUSAN\b.*?\bNOMOR\s*:?\s*(\d[^\s,;]*)")  # upper case only
_NOMOR_BARE = re.compile(r"^NOMOR\s+(\d[^\s,;]*)")
_NOMOR_LAMPIRAN = re.compile(
    r"^LAMPIRAN\b(?:\s+[IVX]+\b)?\s*:?\s*KEPUTUSAN\b.*?\bNOMOR\s*:?\s*(\d[^\s,;]*)", re.I
)


def _nomor(text: str) -> str | None:
    """The decree's number on a header line: "NOMOR : 050/42", "NOMOR 050/42", a title
    line "KEPUTUSAN CAMAT X NOMOR 800/12/2025" (a markdown H1), or the heading of the
    decree's own lampiran in any case ("Lampiran Keputusan Camat X Nomor 061/118/2027",
    a sheet's subtitle): the decree the lampiran belongs to, no citation of another."""
    match = _NOMOR_LEAD.match(text)
    if match:
        return match.group(1).strip()
    inline = _NOMOR_INLINE.match(text) if text.isupper() else None  # a title, not a citation
    match = inline or _NOMOR_BARE.match(text) or _NOMOR_LAMPIRAN.match(text)
    return match.group(1).rstrip(".:") if match else None


_YEAR_END = re.compile(r"\bTAHUN\s+\d{4}(?:\s*[-–]\s*\d{4})?\W*$", re.IGNORECASE)


def _title_lines(lines: list[str], *, stop_at_blank: bool) -> str | None:
    """Join the lines of a title until its end: a year ("TAHUN 2025") closes it, and a
    line repeating what was already read (a page title after the heading) is not part of it."""
    parts: list[str] = []
    for nxt in lines:
        if not nxt:
            if stop_at_blank and parts:
                break
            continue
        if _JUDUL_END.match(nxt) or _LABEL_LINE.match(nxt):
            break
        if parts and fold(nxt) in fold(" ".join(parts)):
            break
        parts.append(nxt)
        if _YEAR_END.search(nxt):
            break
    return title_case(" ".join(parts)) if parts else None


def _judul(top: list[str]) -> str | None:
    for i, text in enumerate(top):
        if text.upper() == "TENTANG":
            judul = _title_lines(top[i + 1 : i + 8], stop_at_blank=False)
            if judul:
                return judul
        inline = re.match(r"TENTANG\s*:?\s+(\S.*)$", text, re.IGNORECASE)
        if inline is None and text.isupper():  # the whole title on one line (a heading)
            inline = re.search(r"\bTENTANG\s*:?\s+(\S.*)$", text)
        if inline:  # a markdown heading: "### TENTANG INDIKATOR ... TAHUN 2025"
            judul = _title_lines([inline.group(1), *top[i + 1 : i + 4]], stop_at_blank=True)
            if judul:
                return judul
    for i, line in enumerate(top):  # a bold heading: **INDIKATOR ... TAHUN 2023**
        skp = line.startswith("SASARAN KINERJA PEGAWAI") and line.isupper()
        if (line.startswith("INDIKATOR") or skp) and i + 1 < len(top):
            return _title_lines(top[i : i + 3], stop_at_blank=True)
    return None


def _read_date_and_signatory(lines: list[str], plain: list[str], head: Header) -> None:
    """The decree's date (its first dated line) and the signatory below a dated line: the
    first one's, or, when a "NOMOR ... TANGGAL ..." line at the top has none below it, the
    signature's further down (its place and date, "CAMAT X", the name, "NIP. ...").

    A signature in two columns side by side ("Mengetahui," on the left, the place and
    date above the Camat on the right) is read down the dated column (:func:`_column`)."""
    for i, text in enumerate(plain):
        found = _column(lines, i)
        match, below = found if found else (_dated(text), plain[i + 1 : i + 14])
        if match is None:
            continue
        if head.tanggal is None:
            head.tanggal, head.tanggal_line = _iso(match), i + 1
        head.penandatangan = _signatory(below)
        if head.penandatangan is not None:
            break


def _dated(text: str) -> re.Match[str] | None:
    """The date of a line that dates the decree: "... tanggal 6 Januari 2026", or a
    place and date ("Samarinda, 2 Januari 2025")."""
    match = _DATE.search(text)
    place = re.match(r"^[A-Za-z][A-Za-z .'-]*,\s*\d", text)
    return match if match and ("tanggal" in text.lower() or place) else None


_GAP = re.compile(r"\t+|\s*\|\s*| {3,}")
"""What parts two columns written side by side on one line: tabs, a pipe, a wide gap."""


def _column(lines: list[str], at: int) -> tuple[re.Match[str], list[str]] | None:
    """The date of a line whose dated part is one of several side by side (or stands
    alone in a later cell: the other side starts higher or lower), and the lines below it
    in that column: the part in the same cell for tabs and pipes, the part starting near
    the same place for text laid out by spaces."""
    parts = _parts(lines[at])
    if len(parts) < 2 and not (parts and parts[0][0] > 0 and _celled(lines[at])):
        return None
    for start, text in parts:
        match = _dated(text)
        if match is None:
            continue
        below = []
        for line in lines[at + 1 : at + 14]:
            slack = 0 if _celled(line) else 4
            near = [(abs(s - start), t) for s, t in _parts(line) if abs(s - start) <= slack]
            below.append(min(near)[1] if near else "")
        return match, below
    return None


def _celled(line: str) -> bool:
    return "\t" in line or "|" in line


def _parts(line: str) -> list[tuple[int, str]]:
    """The parts of a line with where each starts: its column for tabs and pipes (cells
    counted), its offset for spaces (text laid out by position)."""
    celled = _celled(line)
    pieces: list[tuple[int, str]] = []
    start = 0
    for gap in [*_GAP.finditer(line), None]:
        end = gap.start() if gap else len(line)
        text = re.sub(r"[*#_]+", " ", line[start:end]).strip()
        if text:
            pieces.append((len(pieces) if celled else start, text))
        elif celled:
            pieces.append((len(pieces), ""))
        start = gap.end() if gap else start
    return [(s, t) for s, t in pieces if t]


_NIP = re.compile(r"^NIP\b\.?\s*:?\s*\d", re.IGNORECASE)
_PANGKAT = re.compile(r"^(?:Pembina|Penata|Pengatur|Juru)\b", re.IGNORECASE)  # "Pembina Tk. I"
_OFFICE = re.compile(r"^(?:Plt|Plh|Pj|Pjs|an|a\.n|CAMAT|LURAH|KEPALA|SEKRETARIS)\b", re.I)


def _signatory(below: list[str]) -> str | None:
    """The name signing under a dated line: a name with its degrees ("SUPARNO, S.STP."),
    or the line above "NIP. 1978...", before the next dated line. A "Mengetahui," (or
    "Menyetujui,") block is another official's, passed over down to its NIP."""
    below = _without_acknowledging(below)
    for n, text in enumerate(below):
        if _SIGNATORY.match(text):
            return text.strip()
        if _NIP.match(text):
            name = next((t for t in reversed(below[:n]) if t and not _PANGKAT.match(t)), "")
            office = _OFFICE.match(name) or name.endswith(",") or _DATE.search(name)
            return None if office or not name else name.strip()
        if _DATE.search(text):
            return None
    return None


_ACKNOWLEDGING = re.compile(r"^(?:Mengetahui|Menyetujui)\b", re.IGNORECASE)


def _without_acknowledging(below: list[str]) -> list[str]:
    """The lines without an acknowledging official's block ("Mengetahui," down to its
    NIP line): that official countersigns; the decree's signatory is the other one."""
    kept, skipping = [], False
    for text in below:
        if _ACKNOWLEDGING.match(text):
            skipping = True
        elif skipping and _NIP.match(text):
            skipping = False
        elif not skipping:
            kept.append(text)
    return kept
