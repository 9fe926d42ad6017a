"""The parts of a pohon kinerja: links, indicators (with their periods), kinerja, IKU
sasaran, positions, the decree and the organisasi."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    BeforeValidator,
    Field,
    field_validator,
    model_validator,
)

from .fields import (
    Asal,
    Baris,
    Id,
    Level,
    Model,
    OptBaris,
    OptTeks,
    Peran,
    Status,
    Teks,
    number_to_text,
)

__all__ = [
    "TRIWULAN",
    "Dokumen",
    "Indikator",
    "Jabatan",
    "Kinerja",
    "Organisasi",
    "Periode",
    "Sasaran",
    "Tautan",
]


class Tautan(Model):
    """A cascade link: the kinerja (or indikator) holding it supports the node ``ke``.

    Written as a bare id, ``{ke: id}`` or ``{teks: "exact text"}``; a text is resolved to
    the id when the tree is validated. ``komponen: true`` says the holder's result is a
    component of the formula of ``ke``, so its capaian rolls up into ``ke``'s
    (:func:`pokin.capaian.components`); without it, a supporting result stays where it is.
    """

    ke: Id | None = None
    teks: OptTeks = None
    asal: Asal = Asal.DEKLARASI
    skor: Annotated[float, Field(ge=0.0, le=1.0)] | None = None
    alasan: OptTeks = None
    status: Status | None = None
    komponen: bool | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_id(cls, value: Any) -> Any:
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            return {"ke": str(value)}
        return value

    @model_validator(mode="after")
    def _check(self) -> Tautan:
        if (self.ke is None) == (self.teks is None):
            raise ValueError("sebuah tautan perlu tepat satu dari `ke` (id) atau `teks` (teks)")
        if self.asal is Asal.INFERENSI and self.status is None:
            object.__setattr__(self, "status", Status.USULAN)
        if self.asal is Asal.DEKLARASI and self.status is not None:
            raise ValueError("`status` hanya untuk tautan hasil inferensi (asal: inferensi)")
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
    value = number_to_text(value)
    if not isinstance(value, str):
        return value
    text = " ".join(value.split())
    if re.fullmatch(r"(19|20)\d\d", text):
        return text
    found = _PERIODE.fullmatch(text)
    if found is None:
        raise ValueError(
            f"{value!r} bukan periode: tulis triwulan (TW I, TW II, TW III, TW IV) atau "
            "tahun (2024)"
        )
    return f"TW {_ROMAN[found.group(1).casefold()]}"


class Periode(Model):
    """The target and realisasi of an indicator for one period: a quarter or a year."""

    periode: Annotated[str, BeforeValidator(_periode_name)]
    target: OptTeks = None
    realisasi: OptTeks = None

    @property
    def triwulan(self) -> bool:
        """Whether the period is a quarter (``TW I``..``TW IV``) rather than a year."""
        return self.periode in TRIWULAN


class Indikator(Model):
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
    level_hasil: Level = None
    mendukung: list[Tautan] = Field(default_factory=list)
    catatan: OptTeks = None

    @field_validator("per_periode")
    @classmethod
    def _one_each(cls, value: list[Periode]) -> list[Periode]:
        seen: set[str] = set()
        for item in value:
            if item.periode in seen:
                raise ValueError(f"periode {item.periode} ditulis dua kali; simpan satu saja")
            seen.add(item.periode)
        return value

    def periode(self, name: str) -> Periode | None:
        """The entry of ``per_periode`` for ``name`` (``"TW II"``, ``"2024"``), if any."""
        wanted = _periode_name(name)
        return next((p for p in self.per_periode if p.periode == wanted), None)


class Kinerja(Model):
    """A kinerja (sasaran / result) of a jabatan, with its indicators."""

    id: Id | None = None
    uraian: Teks
    level_hasil: Level = None
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


class Sasaran(Model):
    """A sasaran of the organisation's IKU table (``S.1``) with its coded indicators."""

    id: Id | None = None
    uraian: Teks
    indikator: list[Indikator] = Field(default_factory=list)


class Jabatan(Model):
    """A position (jabatan) and what it is accountable for."""

    id: Id | None = None
    nama: Baris
    peran: Peran
    eselon: OptBaris = None
    unit: OptBaris = None
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


class Dokumen(Model):
    """The decree the data comes from."""

    judul: OptTeks = None
    nomor: OptTeks = None
    tanggal: date | None = None
    penandatangan: OptTeks = None
    sumber: OptTeks = None


class Organisasi(Model):
    """The organisation: a kecamatan, within its kota or kabupaten.

    ``tahun`` is a year from 1900 to 2100; ``periode`` (the Renstra's) names its years in
    order (``2021-2026``; ``2026-2021`` is refused).
    """

    nama: Baris
    pemerintah: OptBaris = None
    tahun: Annotated[int, Field(ge=1900, le=2100)] | None = None
    periode: OptBaris = None
    dokumen: Dokumen | None = None
    catatan: OptTeks = None

    @field_validator("periode")
    @classmethod
    def _years_in_order(cls, value: str | None) -> str | None:
        years = [int(y) for y in re.findall(r"\b\d{4}\b", value or "")]
        if any(not 1900 <= y <= 2100 for y in years):
            raise ValueError(f"periode {value!r}: tahun di luar 1900–2100")
        if len(years) == 2 and years[0] > years[1]:
            raise ValueError(
                f"periode {value!r} berakhir sebelum dimulai: tulis {years[1]}-{years[0]}"
            )
        return value
