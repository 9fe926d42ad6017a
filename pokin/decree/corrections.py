"""Human corrections to an imported decree, kept in a small YAML file next to the datasets.

An importer guesses (peran, atasan, unit) and a decree has mistakes of its own; a planner
who knows better writes the fix down once, with the reason, instead of editing the
generated dataset by hand. The file (``datasets/corrections/<name>.yaml``)::

    sumber: iku-iki-kebomas-2023.txt   # the decree file these corrections are for
    koreksi:
      - jabatan: staf-pramu-bakti      # a jabatan id as imported ...
        field: atasan                  # nama, peran, eselon, unit, atasan, tugas, catatan
        value: kepala-sub-bagian-umum-dan-kepegawaian
        alasan: the tugas serve the Sub Bagian Umum dan Kepegawaian
      - baris: 2783                    # ... or the line of its JABATAN block in the decree
        field: unit
        value: Sub Bagian Umum dan Kepegawaian
        alasan: ...
      - indikator: camat.k1.i1         # an indikator (or `kinerja:`) id
        field: target                  # any field of that node
        value: "82"
        alasan: ...
      - organisasi: pemerintah         # a field of organisasi
        value: Kota Samarinda
        alasan: ...

Every item needs an ``alasan`` (why). A corrected jabatan field leaves ``inferensi`` (a
person confirmed it) and the reason is added to the node's ``catatan``.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .._files import read_text
from ..errors import PokinFileError
from ..io import parse_yaml
from ..models import Indikator, Jabatan, Kinerja, Peran, PohonKinerja
from ..models.explain import explain
from .parts import BLOCK_AT

__all__ = ["Koreksi", "apply_corrections", "read_corrections"]

_SELECTORS = ("jabatan", "baris", "kinerja", "indikator", "organisasi")
_WHAT = {
    "jabatan": "jabatan",
    "baris": "blok JABATAN pada baris",
    "kinerja": "kinerja",
    "indikator": "indikator",
    "organisasi": "organisasi",
}
_FORMAT = (
    "tulis `koreksi:` sebagai daftar, setiap butir misalnya `- {jabatan: staf-pramu-bakti, "
    "field: atasan, value: sekretaris, alasan: tugasnya membantu Sekretaris}` (pilih jabatan, "
    "baris, kinerja, indikator atau organisasi)"
)


@dataclass(frozen=True)
class Koreksi:
    """One correction: which node (``pilih`` = selector, ``kunci`` = its key), what, why."""

    pilih: str
    kunci: str
    field: str
    value: Any
    alasan: str
    nomor: int  # position in the file (1-based), for messages

    def __str__(self) -> str:
        return f"{self.pilih} {self.kunci}: {self.field} = {self.value!r} ({self.alasan})"


def read_corrections(path: str | os.PathLike[str]) -> list[Koreksi]:
    """Read a corrections file; :class:`~pokin.errors.PokinFileError` when it is malformed."""
    file = Path(path)
    if not file.exists():
        raise PokinFileError(
            "berkas koreksi ini tidak ada",
            path=file,
            hint="periksa nama dan folder berkas yang diberikan ke --corrections",
        )
    # a regular file within the limits, UTF-8 or UTF-16 (Notepad's "Unicode"), no NUL byte
    text = read_text(file, hint="simpan berkas koreksi sebagai teks UTF-8")
    if not text.strip():
        raise PokinFileError("berkas koreksi ini kosong", path=file, hint=_FORMAT)
    data = parse_yaml(text, file)
    items = data.get("koreksi") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise PokinFileError(
            "berkas koreksi berisi daftar `koreksi:`",
            path=file,
            hint=_FORMAT,
        )
    result = []
    for nomor, item in enumerate(items, 1):
        where = f"koreksi[{nomor - 1}]"
        if not isinstance(item, dict):
            raise PokinFileError(
                "setiap koreksi berisi kunci dan nilai (`jabatan:`, `field:`, `value:`, "
                "`alasan:`), bukan satu nilai",
                path=file,
                field=where,
                hint=_FORMAT,
            )
        chosen = [key for key in _SELECTORS if key in item]
        if len(chosen) != 1:
            raise PokinFileError(
                f"setiap koreksi menyebut tepat satu dari {', '.join(_SELECTORS)}"
                + (f" (di sini {len(chosen)}: {', '.join(chosen)})" if chosen else ""),
                path=file,
                field=where,
                hint=_FORMAT,
            )
        if not item.get("alasan"):
            raise PokinFileError(
                "setiap koreksi menyebut alasannya",
                path=file,
                field=f"{where}.alasan",
                hint="tambahkan `alasan:` (mengapa nilai ini benar)",
            )
        pilih = chosen[0]
        field_name = item[pilih] if pilih == "organisasi" else item.get("field")
        if not isinstance(field_name, str) or "value" not in item:
            raise PokinFileError(
                "koreksi ini perlu `field:` dan `value:`", path=file, field=where, hint=_FORMAT
            )
        kunci = "organisasi" if pilih == "organisasi" else str(item[pilih])
        result.append(Koreksi(pilih, kunci, field_name, item["value"], item["alasan"], nomor))
    return result


def _find(tree: PohonKinerja, koreksi: Koreksi) -> Jabatan | Kinerja | Indikator | None:
    if koreksi.pilih == "jabatan":
        return next((j for j in tree.jabatan if j.id == koreksi.kunci), None)
    if koreksi.pilih == "baris":
        mark = re.compile(rf"^(?:{BLOCK_AT}|Block at line) {re.escape(koreksi.kunci)} (?:di|of) ")
        return next((j for j in tree.jabatan if mark.match(j.catatan or "")), None)
    if koreksi.pilih == "kinerja":
        return next((k for _, k in tree.iter_kinerja() if k.id == koreksi.kunci), None)
    return next((i for _, i in tree.iter_indikator() if i.id == koreksi.kunci), None)


def _kelurahan_atasan(tree: PohonKinerja, jabatan: Jabatan) -> None:
    """A position corrected to a kelurahan role keeps no inferred Camat as its atasan.

    The importer inferred the atasan from the peran it guessed; a Sekretaris or Kasi of a
    kelurahan answers to its Lurah, never to the Camat: the Lurah of its unit when the tree
    has one, else no atasan (a planner sets it).
    """
    if jabatan.peran not in (Peran.SEKRETARIS_KELURAHAN, Peran.KASI_KELURAHAN):
        return
    if "atasan" not in jabatan.inferensi or jabatan.atasan is None:
        return
    atasan = next((j for j in tree.jabatan if j.id == jabatan.atasan), None)
    if atasan is None or atasan.peran is not Peran.CAMAT:
        return
    lurah = [
        j for j in tree.jabatan if j.peran is Peran.LURAH and j.unit and j.unit == jabatan.unit
    ]
    jabatan.atasan = lurah[0].id if len(lurah) == 1 else None
    note = (
        f"Atasan disimpulkan lagi setelah koreksi peran: Lurah {jabatan.unit}."
        if jabatan.atasan
        else "Tanpa atasan setelah koreksi peran: jabatan kelurahan bertanggung jawab kepada "
        "Lurahnya, bukan Camat, dan keputusan tidak menyebut kelurahan mana; perencana perlu "
        "mengisi Lurahnya."
    )
    jabatan.catatan = f"{jabatan.catatan} {note}" if jabatan.catatan else note


def apply_corrections(
    tree: PohonKinerja, corrections: list[Koreksi], *, source: str = "<corrections>"
) -> PohonKinerja:
    """A corrected copy of ``tree``; raises PokinFileError for a correction that cannot apply."""
    fixed = tree.model_copy(deep=True)
    peran_fixed: list[Jabatan] = []
    for koreksi in corrections:
        where = f"koreksi[{koreksi.nomor - 1}]"
        node: Any = fixed.organisasi if koreksi.pilih == "organisasi" else _find(fixed, koreksi)
        if node is None:
            raise PokinFileError(
                f"{_WHAT[koreksi.pilih]} «{koreksi.kunci}» tidak ada di pohon hasil impor",
                path=source,
                field=f"{where}.{koreksi.pilih}",
                hint="id berubah bila keputusan atau pengimpornya berubah: periksa id di "
                "berkas hasil impor, atau pilih jabatan dengan `baris:` (baris blok JABATAN-nya "
                "di keputusan)",
            )
        if koreksi.field not in type(node).model_fields or koreksi.field in ("id", "kinerja"):
            raise PokinFileError(
                f"{type(node).__name__.lower()} tidak punya isian «{koreksi.field}» yang "
                "dapat dikoreksi (`field:`)",
                path=source,
                field=f"{where}.field",
                hint="pilih salah satu: "
                + ", ".join(f for f in type(node).model_fields if f not in ("id", "kinerja")),
            )
        try:
            setattr(node, koreksi.field, koreksi.value)
        except ValidationError as exc:
            message, hint = explain(exc.errors()[0], type(node))
            raise PokinFileError(
                f"nilai ini tidak cocok untuk {koreksi.field}: {message}",
                path=source,
                field=f"{where}.value",
                hint=hint,
            ) from None
        note = f"{koreksi.field} dikoreksi perencana: {str(koreksi.alasan).rstrip('.')}."
        if koreksi.field != "catatan" and "catatan" in type(node).model_fields:
            node.catatan = f"{node.catatan} {note}" if node.catatan else note
        if isinstance(node, Jabatan) and koreksi.field in node.inferensi:
            node.inferensi = [f for f in node.inferensi if f != koreksi.field]
        if isinstance(node, Jabatan) and koreksi.field == "peran":
            peran_fixed.append(node)
    for jabatan in peran_fixed:
        _kelurahan_atasan(fixed, jabatan)
    try:
        return PohonKinerja.model_validate(fixed.model_dump())
    except ValidationError as exc:
        message, hint = explain(exc.errors()[0], PohonKinerja)
        raise PokinFileError(
            f"pohon hasil koreksi tidak sah: {message}",
            path=source,
            hint=hint or "periksa koreksi yang mengubah jabatan atau isian ini",
        ) from None
