"""Who is who in a decree: peran, level (kecamatan / kelurahan) and unit from a title.

A decree names positions ("KASUBBAG UMUM & KEPEGAWAIAN", "Analis Kinerja pada Sub Bagian
Tata Usaha Sekretariat Kecamatan Wonoasih", "Pit. KEPALA KELURAHAN GULOMANTUNG") but never
says their role or superior. These helpers read what the title (and, for ambiguous titles,
the text of the block) says; :mod:`.build` turns it into peran, unit and atasan (:mod:`.atasan`).

>>> info = read_title("Analis Kinerja pada Sub Bagian Tata Usaha Sekretariat Kecamatan X")
>>> info.peran, info.pada
(<Peran.FUNGSIONAL: 'fungsional'>, 'Sub Bagian Tata Usaha Sekretariat Kecamatan X')
>>> read_title("KEPALA KELURAHAN SIDOMORO").kelurahan
'Sidomoro'
>>> read_title("KASI PELAYANAN UMUM").bagian
'Pelayanan Umum'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import Peran
from .header import title_case

__all__ = [
    "TitleInfo",
    "keywords",
    "level_from_text",
    "level_of_head",
    "read_position",
    "read_title",
    "without_acting",
]

# Jabatan fungsional by name, as kecamatan decrees write them (PermenPAN-RB on each JF).
_FUNGSIONAL = re.compile(
    r"^(?:(?:JABATAN|PEJABAT)\s+)?(?:FUNGSIONAL(?!\s+UMUM\b)|JFT)\b"
    r"|^(ANALIS|ARSIPARIS|PRANATA (?:KOMPUTER|HUBUNGAN|HUMAS|KEUANGAN|LABORATORIUM)"
    r"|PERENCANA|AUDITOR|PUSTAKAWAN|STATISTISI|PENYULUH|PENGAWAS"
    r"|ASESOR|PENGELOLA PENGADAAN|PENATA KELOLA|PENGGERAK SWADAYA|POLISI PAMONG|PAMONG BUDAYA"
    r"|PENILAI|PENERJEMAH|WIDYAISWARA|SANDIMAN|ADMINISTRATOR DATABASE|PENGANTAR KERJA"
    r"|MEDIATOR|PENGEMBANG TEKNOLOGI|PEMERIKSA|SURVEYOR|DOKTER|PERAWAT|BIDAN"
    r"|SANITARIAN|NUTRISIONIS|APOTEKER|EPIDEMIOLOG|ENTOMOLOG|PENELITI|PERISET)\b"
)
# The jenjang (grade) of a jabatan fungsional makes any title one, whatever its name:
# keahlian (Ahli Pertama/Muda/Madya/Utama), keterampilan (Pemula, Terampil, Mahir, Penyelia).
_JENJANG = re.compile(r"\b(AHLI\s+(PERTAMA|MUDA|MADYA|UTAMA)|PEMULA|TERAMPIL|MAHIR|PENYELIA)\b")
# "KELURAHAN" in a title places it in a kelurahan, unless it is one object of a seksi's
# name ("SEKSI PEMBERDAYAAN MASYARAKAT DAN KELURAHAN", "... DESA/KELURAHAN"): a kecamatan seksi.
_NAMES_KELURAHAN = re.compile(r"(?<!\bDAN )(?<!& )(?<!, )(?<!/)\bKELURAHAN\b")
_STOP = {
    "dan", "di", "ke", "pada", "yang", "serta", "atau", "seksi", "sub", "bagian", "subbagian",
    "kepala", "kasi", "kasubbag", "kecamatan", "kelurahan", "sekretariat", "bidang", "urusan",
    "program", "data", "administrasi", "pengelola", "pengadministrasi", "staf", "tata",
}  # fmt: skip


@dataclass
class TitleInfo:
    """What a title says by itself."""

    peran: Peran
    explicit: bool  # the title names the role plainly (Camat, Lurah, Kasubbag, Bendahara...)
    level: str | None  # "kecamatan" / "kelurahan" when the title says so
    bagian: str | None  # the seksi or sub bagian a head leads ("Pelayanan Umum")
    kelurahan: str | None  # the kelurahan a Lurah leads, when named
    pada: str | None  # "... pada <unit>" of a staff title
    acting: bool  # Plt. (acting)


_ACTING = re.compile(
    r"^(?:(?P<lead>Plt|Plh|Pit)\.\s*|(?P<bare>PLT|PLH|Plt|Plh)\s+)"
    r"|\s*(?:,\s*|\()(?P<tail>Plt|Plh|PLT|PLH)\b\.?\)?\s*$"
)


def without_acting(title: str) -> tuple[str, str | None]:
    """A position's title without the "Plt." / "Plh." of its holder (an OCR's "Pit." is
    "Plt."), and which it was: the position is the same whoever acts in it.

    >>> without_acting("Plt. Kepala Seksi Pemerintahan"), without_acting("LURAH X (Plh.)")
    (('Kepala Seksi Pemerintahan', 'Plt.'), ('LURAH X', 'Plh.'))
    >>> without_acting("Pit. KEPALA KELURAHAN INDRO"), without_acting("PLH SEKRETARIS")
    (('KEPALA KELURAHAN INDRO', 'Plt.'), ('SEKRETARIS', 'Plh.'))
    >>> without_acting("Pengelola Plt Data")
    ('Pengelola Plt Data', None)
    """
    found = _ACTING.search(title)
    if found is None:
        return title, None
    word = (found.group("lead") or found.group("bare") or found.group("tail")).capitalize()
    rest = (title[: found.start()] + title[found.end() :]).strip()
    return (rest, f"{'Plt' if word == 'Pit' else word}.") if rest else (title, None)


def _core(title: str) -> tuple[str, bool]:
    upper = " ".join(title.upper().split())
    acting = bool(re.match(r"(PLT|PIT)\.\s*", upper))
    upper = re.sub(r"^(PLT|PIT)\.\s*", "", upper)
    trailing = re.search(r"\s*(?:,\s*|\()(?:PLT|PLH)\b\.?\)?\s*$", upper)
    if trailing:  # "KEPALA SEKSI X (Plt.)", "..., Plt": the holder acts, the unit is X
        upper, acting = upper[: trailing.start()], True
    upper = re.sub(r"^STAF\s+", "", upper)
    return upper, acting


def read_title(title: str) -> TitleInfo:
    """Read peran, level, unit names and acting status from a position title."""
    upper, acting = _core(title)
    pada_match = re.search(r"\bPADA\s+(.+)$", upper)
    pada = title[len(title) - len(pada_match.group(1)) :].strip() if pada_match else None
    head = upper[: pada_match.start()].strip() if pada_match else upper
    level = None
    if _NAMES_KELURAHAN.search(upper) or re.match(r"LURAH\b", upper):
        level = "kelurahan"
    elif "KECAMATAN" in upper:
        level = "kecamatan"

    def rest(prefix: str) -> str | None:
        text = re.sub(prefix, "", head).strip(" ,.:")  # "KASUBAG. UMUM": no stray " ."
        return title_case(text) if text else None

    if re.match(r"(CAMAT|KEPALA KECAMATAN)\b", head):
        return TitleInfo(Peran.CAMAT, True, "kecamatan", None, None, pada, acting)
    if re.match(r"(LURAH|KEPALA KELURAHAN)\b", head):
        name = rest(r"^(LURAH|KEPALA KELURAHAN)\b")
        return TitleInfo(Peran.LURAH, True, "kelurahan", None, name, pada, acting)
    if re.match(r"SEKRETARIS\b", head):
        if "KELURAHAN" in head:
            peran = Peran.SEKRETARIS_KELURAHAN
            name = rest(r"^SEKRETARIS\s+KELURAHAN\b")
            return TitleInfo(peran, True, "kelurahan", None, name, pada, acting)
        explicit = "KECAMATAN" in head or "CAMAT" in head
        peran = Peran.SEKRETARIS_KELURAHAN if level == "kelurahan" else Peran.SEKRETARIS
        return TitleInfo(peran, explicit, level, None, None, pada, acting)
    kasubbag = r"^(KASUBBAG|KASUBAG|KEPALA SUB\s?BAGIAN|KEPALA SUBBAG)\b"
    if re.match(kasubbag, head):
        return TitleInfo(Peran.KASUBBAG, True, "kecamatan", rest(kasubbag), None, pada, acting)
    if re.match(r"(KASI|KEPALA SEKSI)\b", head):
        peran = Peran.KASI_KELURAHAN if level == "kelurahan" else Peran.KASI
        bagian = rest(r"^(KASI|KEPALA SEKSI)\b")
        return TitleInfo(peran, level is not None, level, bagian, None, pada, acting)
    if head.startswith("BENDAHARA"):
        return TitleInfo(Peran.BENDAHARA, True, level, None, None, pada, acting)
    if _FUNGSIONAL.match(head) or _JENJANG.search(head):
        return TitleInfo(Peran.FUNGSIONAL, True, level, None, None, pada, acting)
    return TitleInfo(Peran.PELAKSANA, False, level, None, None, pada, acting)


_UNIT_TITLE = re.compile(r"^(SEKSI|SUB\s?BAGIAN|SUBBAG)\s+(\S.*)$")
_HELPS_HEAD = re.compile(r"\bmembantu\s+(?:camat|lurah|sekretaris)\b", re.IGNORECASE)


def read_position(title: str, tugas: str) -> TitleInfo:
    """:func:`read_title`, and a title that is a unit's name ("SEKSI PELAYANAN PUBLIK")
    read as that unit's head when the tugas says it assists the Camat, a Lurah or a
    Sekretaris (a head's tugas), else as staff of it.

    >>> read_position("Seksi Pelayanan Publik", "Membantu Camat dalam pelayanan").peran
    <Peran.KASI: 'kasi'>
    >>> read_position("Seksi Pelayanan Publik", "Membantu Kepala Seksi dalam ...").peran
    <Peran.PELAKSANA: 'pelaksana'>
    >>> read_position("KASUBAG. UMUM", "").bagian
    'Umum'
    """
    info = read_title(title)
    upper, _ = _core(title)
    unit = _UNIT_TITLE.match(upper)
    if info.peran is not Peran.PELAKSANA or not unit or not _HELPS_HEAD.search(tugas):
        return info
    peran = Peran.KASI if unit.group(1) == "SEKSI" else Peran.KASUBBAG
    if peran is Peran.KASI and info.level == "kelurahan":
        peran = Peran.KASI_KELURAHAN
    bagian = title_case(unit.group(2).strip(" ,.:"))
    return TitleInfo(peran, False, info.level, bagian, None, info.pada, info.acting)


_KELURAHAN_SIGNS = re.compile(
    r"sekretariat kelurahan|di kelurahan|membantu lurah|wilayah kerja kelurahan|"
    r"lingkungan kelurahan|kelurahan berdasarkan|rencana strategis kelurahan",
    re.IGNORECASE,
)
_KECAMATAN_SIGNS = re.compile(
    r"membantu camat|sekretariat kecamatan|tingkat kecamatan|lingkup kecamatan",
    re.IGNORECASE,
)


_HEAD_SIGNS = {
    "kelurahan": re.compile(r"membantu lurah", re.I),
    "kecamatan": re.compile(r"membantu camat", re.I),
}


def level_of_head(text: str, repeated: bool) -> str | None:
    """The level of a Kasi / Sekretaris whose title names none, from its block's text:
    only the head it says it assists ("Membantu Lurah") decides a title the decree holds
    once; words like "di kelurahan" decide only a title repeated in the decree (a template
    repeated per kelurahan), since a kecamatan seksi's tasks name kelurahan too
    (Musrenbang Kelurahan, adminduk di kelurahan).

    >>> level_of_head("Menyiapkan Musrenbang Kelurahan dan adminduk di kelurahan", False)
    >>> level_of_head("Menyiapkan Musrenbang Kelurahan dan adminduk di kelurahan", True)
    'kelurahan'
    >>> level_of_head("Membantu Lurah dalam pemerintahan", False)
    'kelurahan'
    """
    kel = len(_HEAD_SIGNS["kelurahan"].findall(text))
    kec = len(_HEAD_SIGNS["kecamatan"].findall(text))
    if kel != kec:
        return "kelurahan" if kel > kec else "kecamatan"
    return level_from_text(text) if repeated else None


def level_from_text(text: str) -> str | None:
    """``"kelurahan"`` or ``"kecamatan"`` when a block's text leans clearly one way.

    >>> level_from_text("Merencanakan kegiatan Seksi Kesra di Kelurahan berdasarkan ...")
    'kelurahan'
    >>> level_from_text("Membantu Camat dalam melaksanakan urusan pemerintahan")
    'kecamatan'
    >>> level_from_text("Menyusun laporan") is None
    True
    """
    kel = len(_KELURAHAN_SIGNS.findall(text))
    kec = len(_KECAMATAN_SIGNS.findall(text))
    if kel > kec:
        return "kelurahan"
    if kec > kel:
        return "kecamatan"
    return None


def keywords(text: str) -> set[str]:
    """The distinctive words of a unit name or a title, for matching staff to a unit.

    >>> sorted(keywords("Sub Bagian Umum & Kepegawaian"))
    ['kepegawaian', 'umum']
    """
    words = re.findall(r"[a-z]+", text.lower())
    return {w for w in words if len(w) > 3 and w not in _STOP}
