"""The pokin data model: organisasi, IKU, jabatan, kinerja, indikator and cascade links.

The models are pydantic v2 models that mirror the file format (``docs/format.md``) one to
one, so what a planner writes by hand, what an importer produces and what a notebook edits
are the same objects. They are mutable on purpose (a planner fixes a link in a notebook and
checks again); derived things (the graph, the findings) are computed from them, never stored.

>>> tree = PohonKinerja.model_validate({
...     "pokin": 1,
...     "organisasi": {"nama": "Kecamatan Contoh"},
...     "jabatan": [
...         {"nama": "Camat", "peran": "camat", "kinerja": [
...             {"uraian": "Meningkatnya pelayanan", "indikator": [{"uraian": "Nilai SKM"}]}]},
...         {"nama": "Sekretaris", "peran": "sekretaris", "atasan": "camat", "kinerja": [
...             {"uraian": "Nilai SKM", "mendukung": [{"teks": "nilai skm"}]}]},
...     ],
... })
>>> [j.id for j in tree.jabatan]
['camat', 'sekretaris']
>>> tree.jabatan[1].kinerja[0].mendukung[0].ke
'camat.k1.i1'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from ._references import Problem, assign_ids, dotted, ensure_sound, resolve_references
from ._text import slugify

__all__ = [
    "FORMAT_VERSION",
    "ID_PATTERN",
    "TRIWULAN",
    "Asal",
    "Dokumen",
    "Indikator",
    "Jabatan",
    "Kinerja",
    "LevelHasil",
    "Organisasi",
    "Peran",
    "Periode",
    "PohonKinerja",
    "Problem",
    "Sasaran",
    "Status",
    "Tautan",
    "resolve_references",
    "slugify",
]

FORMAT_VERSION: Literal[1] = 1


class Peran(StrEnum):
    """The role of a jabatan in the kecamatan structure."""

    CAMAT = "camat"
    SEKRETARIS = "sekretaris"
    KASUBBAG = "kasubbag"
    KASI = "kasi"
    LURAH = "lurah"
    SEKRETARIS_KELURAHAN = "sekretaris_kelurahan"
    KASI_KELURAHAN = "kasi_kelurahan"
    BENDAHARA = "bendahara"
    PELAKSANA = "pelaksana"
    FUNGSIONAL = "fungsional"

    @property
    def is_pimpinan(self) -> bool:
        """True for the camat and sekretaris (eselon III): their indicators are outcomes."""
        return self in (Peran.CAMAT, Peran.SEKRETARIS)

    @property
    def is_staf(self) -> bool:
        """True for staff positions (pelaksana, fungsional, bendahara)."""
        return self in (Peran.PELAKSANA, Peran.FUNGSIONAL, Peran.BENDAHARA)


class LevelHasil(StrEnum):
    """The result level of a kinerja or indikator in the pohon kinerja (PermenPAN-RB 89/2021).

    From the organisation's goal down to the most operational condition; ordered, so a
    lower :attr:`rank` is a higher level. A child never sits higher than what it supports.
    """

    ULTIMATE_OUTCOME = "ultimate_outcome"
    INTERMEDIATE_OUTCOME = "intermediate_outcome"
    IMMEDIATE_OUTCOME = "immediate_outcome"
    OUTPUT = "output"

    @property
    def rank(self) -> int:
        """0 for the ultimate outcome, 3 for an output."""
        return list(LevelHasil).index(self)

    @property
    def is_outcome(self) -> bool:
        """True for the three outcome levels."""
        return self is not LevelHasil.OUTPUT

    @property
    def label(self) -> str:
        """The level as evaluators write it: ``Intermediate Outcome``."""
        return self.value.replace("_", " ").title()


class Asal(StrEnum):
    """How a cascade link was made."""

    DEKLARASI = "deklarasi"  # written by a planner (or read from the decree)
    INFERENSI = "inferensi"  # proposed by pokin's link inference


class Status(StrEnum):
    """The review state of an inferred link."""

    USULAN = "usulan"  # proposed, awaiting review
    DITERIMA = "diterima"  # confirmed by a planner
    DITOLAK = "ditolak"  # rejected: kept so it is not proposed again, never counted


def _number_to_text(value: Any) -> Any:
    """Decrees write targets as text ("81,35", "500 surat"); accept bare YAML numbers too."""
    if isinstance(value, bool):
        return value  # let pydantic reject it: `target: yes` is surely a mistake
    if isinstance(value, int | float):
        return str(value)
    return value


def _none_if_empty(value: str | None) -> str | None:
    return value or None


# Decrees write targets as text ("81,35", "500 surat"); bare YAML numbers are accepted too
# (a bool is refused: `target: yes` is surely a mistake). Done by pydantic-core itself, not
# a Python function per field: validating a kabupaten calls these hundreds of thousands of
# times. Texts are stripped (the models' config); an optional text left empty is None.
Teks = Annotated[str, Field(coerce_numbers_to_str=True)]
OptTeks = Annotated[str | None, Field(coerce_numbers_to_str=True), AfterValidator(_none_if_empty)]

ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}")
"""What an id may hold: an ASCII letter or digit, then up to 127 letters, digits and
``. _ - : /`` (``camat.k1.i2``, ``I.K.S.1.1``, ``kasi-pem/2``). Ids travel into links of
drawings and reports, file names and spreadsheet cells: spaces, quotes, ``& < >``, ``#``
and control characters are refused where the tree is read, not escaped later."""


def _check_id(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)  # `ke: 12` in YAML is the id "12"
    if not isinstance(value, str):
        return value  # pydantic names the wrong type
    if not ID_PATTERN.fullmatch(value):
        bad = sorted({c for c in value if not re.fullmatch(r"[A-Za-z0-9._:/-]", c)})
        shown = " ".join(repr(c) for c in bad[:8])
        raise ValueError(
            f"id {value[:60]!r} tidak sah: "
            + (f"memuat karakter {shown}; " if bad else "")
            + "id diawali huruf atau angka, lalu hanya huruf, angka dan . _ - : / "
            "(paling panjang 128 karakter), mis. camat.k1.i2"
        )
    return value


Id = Annotated[str, BeforeValidator(_check_id)]
"""An id (see :data:`ID_PATTERN`)."""


class _Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        validate_assignment=True,
        str_strip_whitespace=True,
        use_enum_values=False,
    )


class Tautan(_Model):
    """A cascade link: the kinerja (or indikator) holding it supports the node ``ke``.

    Written as a bare id, ``{ke: id}`` or ``{teks: "exact text"}``; a text is resolved to
    the id when the tree is validated.
    """

    ke: Id | None = None
    teks: OptTeks = None
    asal: Asal = Asal.DEKLARASI
    skor: Annotated[float, Field(ge=0.0, le=1.0)] | None = None
    alasan: OptTeks = None
    status: Status | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_id(cls, value: Any) -> Any:
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            return {"ke": str(value)}
        return value

    @model_validator(mode="after")
    def _check(self) -> Tautan:
        if (self.ke is None) == (self.teks is None):
            raise ValueError("a link needs exactly one of `ke` (an id) or `teks` (a text)")
        if self.asal is Asal.INFERENSI and self.status is None:
            object.__setattr__(self, "status", Status.USULAN)
        if self.asal is Asal.DEKLARASI and self.status is not None:
            raise ValueError("`status` is for inferred links (asal: inferensi) only")
        return self

    @property
    def active(self) -> bool:
        """Whether the link counts: every link but a rejected proposal."""
        return self.status is not Status.DITOLAK

    @property
    def pending(self) -> bool:
        """Whether the link is an inferred proposal nobody has reviewed yet."""
        return self.asal is Asal.INFERENSI and self.status is Status.USULAN


TRIWULAN = ("TW I", "TW II", "TW III", "TW IV")
"""The quarters a periodic target or realisasi is given for, in order."""

_ROMAN = {
    "1": "I",
    "2": "II",
    "3": "III",
    "4": "IV",
    "i": "I",
    "ii": "II",
    "iii": "III",
    "iv": "IV",
}
_PERIODE = re.compile(r"(?:tw|triwulan|q)?[\s.\-_]*([1-4]|iv|iii|ii|i)", re.IGNORECASE)


def _periode_name(value: Any) -> Any:
    """``TW I``..``TW IV`` from the ways decrees write a quarter (``Triwulan 2``, ``tw-iii``,
    ``I``), or a year as text (``2024``); anything else is refused.

    >>> [_periode_name(v) for v in ("tw 1", "Triwulan II", "IV", 2024, "2025")]
    ['TW I', 'TW II', 'TW IV', '2024', '2025']
    """
    value = _number_to_text(value)
    if not isinstance(value, str):
        return value
    text = " ".join(value.split())
    if re.fullmatch(r"(19|20)\d\d", text):
        return text
    found = _PERIODE.fullmatch(text)
    if found is None:
        raise ValueError(
            f"{value!r} is not a period: write a quarter (TW I, TW II, TW III, TW IV) or a "
            "year (2024)"
        )
    return f"TW {_ROMAN[found.group(1).casefold()]}"


class Periode(_Model):
    """The target and realisasi of an indicator for one period: a quarter or a year."""

    periode: Annotated[str, BeforeValidator(_periode_name)]
    target: OptTeks = None
    realisasi: OptTeks = None

    @property
    def triwulan(self) -> bool:
        """Whether the period is a quarter (``TW I``..``TW IV``) rather than a year."""
        return self.periode in TRIWULAN


class Indikator(_Model):
    """An indicator: how a kinerja (or an IKU sasaran) is measured.

    ``target`` and ``realisasi`` are the year's; ``per_periode`` gives them per quarter
    (``TW I``..``TW IV``) or for other years, and ``akumulasi`` says how the quarters'
    targets relate to the year's: ``kumulatif`` (each quarter states the level reached so
    far, TW IV ends at the annual target) or ``jumlah`` (the quarters add up to it).
    """

    id: Id | None = None
    uraian: Teks
    formulasi: OptTeks = None
    sumber_data: OptTeks = None
    satuan: OptTeks = None
    target: OptTeks = None
    realisasi: OptTeks = None
    polaritas: Literal["naik", "turun"] = "naik"
    akumulasi: Literal["kumulatif", "jumlah"] = "kumulatif"
    per_periode: list[Periode] = Field(default_factory=list)
    level_hasil: LevelHasil | None = None
    mendukung: list[Tautan] = Field(default_factory=list)
    catatan: OptTeks = None

    @field_validator("per_periode")
    @classmethod
    def _one_each(cls, value: list[Periode]) -> list[Periode]:
        seen: set[str] = set()
        for item in value:
            if item.periode in seen:
                raise ValueError(f"the period {item.periode} is given twice; keep one")
            seen.add(item.periode)
        return value

    def periode(self, name: str) -> Periode | None:
        """The entry of ``per_periode`` for ``name`` (``"TW II"``, ``"2024"``), if any."""
        wanted = _periode_name(name)
        return next((p for p in self.per_periode if p.periode == wanted), None)


class Kinerja(_Model):
    """A kinerja (sasaran / result) of a jabatan, with its indicators."""

    id: Id | None = None
    uraian: Teks
    level_hasil: LevelHasil | None = None
    indikator: list[Indikator] = Field(default_factory=list)
    mendukung: list[Tautan] = Field(default_factory=list)
    catatan: OptTeks = None

    def iter_links(self) -> Iterator[tuple[Kinerja | Indikator, Tautan]]:
        """Every link of this kinerja and of its indicators, with the node holding it."""
        for link in self.mendukung:
            yield self, link
        for indikator in self.indikator:
            for link in indikator.mendukung:
                yield indikator, link


class Sasaran(_Model):
    """A sasaran of the organisation's IKU table (``S.1``) with its coded indicators."""

    id: Id | None = None
    uraian: Teks
    indikator: list[Indikator] = Field(default_factory=list)


class Jabatan(_Model):
    """A position (jabatan) and what it is accountable for."""

    id: Id | None = None
    nama: Teks
    peran: Peran
    eselon: OptTeks = None
    unit: OptTeks = None
    atasan: Id | None = None
    tugas: OptTeks = None
    fungsi: list[Teks] = Field(default_factory=list)
    kinerja: list[Kinerja] = Field(default_factory=list)
    catatan: OptTeks = None
    inferensi: list[str] = Field(default_factory=list)

    @field_validator("fungsi", mode="before")
    @classmethod
    def _one_fungsi(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [value]
        return [] if value is None else value

    def iter_indikator(self) -> Iterator[Indikator]:
        """Every indicator of this position, kinerja by kinerja."""
        for kinerja in self.kinerja:
            yield from kinerja.indikator


class Dokumen(_Model):
    """The decree the data comes from."""

    judul: OptTeks = None
    nomor: OptTeks = None
    tanggal: date | None = None
    penandatangan: OptTeks = None
    sumber: OptTeks = None


class Organisasi(_Model):
    """The organisation: a kecamatan, within its kota or kabupaten."""

    nama: Teks
    pemerintah: OptTeks = None
    tahun: int | None = None
    periode: OptTeks = None
    dokumen: Dokumen | None = None
    catatan: OptTeks = None


class PohonKinerja(_Model):
    """A whole pohon kinerja: one organisasi, its IKU table and its positions.

    Validation fills in missing ids (see ``docs/format.md``), resolves links given by text,
    and checks every reference: unique ids, an existing ``atasan`` without cycles, links
    that point at something. Pass ``context={"defer_references": True}`` to
    ``model_validate`` to get the problems from :func:`resolve_references` yourself.
    """

    pokin: Literal[1] = FORMAT_VERSION
    organisasi: Organisasi
    iku: list[Sasaran] = Field(default_factory=list)
    jabatan: list[Jabatan] = Field(default_factory=list)

    @model_validator(mode="after")
    def _references(self, info: ValidationInfo) -> PohonKinerja:
        assign_ids(self)
        if info.context and info.context.get("defer_references"):
            return self
        problems = resolve_references(self)
        if problems:
            raise ValueError(
                "; ".join(f"{dotted(p.path)}: {p.message}" for p in problems[:5])
                + (f" (and {len(problems) - 5} more)" if len(problems) > 5 else "")
            )
        return self

    def normalise(self) -> PohonKinerja:
        """Make a tree edited in memory whole again, and return it: ids for the nodes added
        without one, links given by text resolved to ids, every reference checked as
        :func:`pokin.load` does. A loaded tree is already normalised; :class:`pokin.Cascade`
        only reads, so call this after editing (:func:`pokin.check`, the drawings and the
        reports call it for you when they find the tree edited).

        Raises:
            TreeError: an id is used twice, a link or an atasan points nowhere, ...
        """
        ensure_sound(self)
        return self

    # -- navigation ------------------------------------------------------------------------

    def iter_kinerja(self) -> Iterator[tuple[Jabatan, Kinerja]]:
        """Every (jabatan, kinerja) pair, in file order."""
        for jabatan in self.jabatan:
            for kinerja in jabatan.kinerja:
                yield jabatan, kinerja

    def iter_indikator(self) -> Iterator[tuple[Jabatan | None, Indikator]]:
        """Every (owner, indikator) pair; the owner is ``None`` for IKU indicators."""
        for sasaran in self.iku:
            for indikator in sasaran.indikator:
                yield None, indikator
        for jabatan in self.jabatan:
            for indikator in jabatan.iter_indikator():
                yield jabatan, indikator

    def get_jabatan(self, id: str) -> Jabatan:
        """The jabatan with this id; ``KeyError`` naming the known ids otherwise."""
        for jabatan in self.jabatan:
            if jabatan.id == id:
                return jabatan
        known = ", ".join(str(j.id) for j in self.jabatan[:12])
        raise KeyError(f"no jabatan has the id {id!r} (known: {known}...)")

    @property
    def top(self) -> list[Jabatan]:
        """The positions without atasan (normally just the Camat)."""
        return [j for j in self.jabatan if j.atasan is None]

    def summary(self) -> str:
        """``"77 jabatan, 659 kinerja, 2039 indikator + 2 IKU"``: the positions' indicators
        and the IKU table's counted apart, as every report writes them."""
        kinerja = sum(len(j.kinerja) for j in self.jabatan)
        indikator = sum(1 for j in self.jabatan for _ in j.iter_indikator())
        iku = sum(len(s.indikator) for s in self.iku)
        text = f"{len(self.jabatan)} jabatan, {kinerja} kinerja, {indikator} indikator"
        return text + (f" + {iku} IKU" if iku else "")

    def __repr__(self) -> str:
        return f"<PohonKinerja {self.organisasi.nama!r}: {self.summary()}>"
