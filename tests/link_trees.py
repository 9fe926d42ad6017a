"""Builders the link tests share: an indicator, a position, a tree of them, and the links
``infer_links`` proposes, gathered by the kinerja or indicator they start from."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pokin import PohonKinerja
from pokin.link import infer_links

ORGANISASI = {"nama": "Kecamatan Sukarame", "pemerintah": "Kabupaten Contoh"}


def indikator(uraian: str, id_: str | None = None, *, target: str | None = "1") -> dict[str, Any]:
    """An indicator with a plain formula and source (what a restatement test leaves aside)."""
    data: dict[str, Any] = {"uraian": uraian, "formulasi": "jumlah", "sumber_data": "laporan"}
    if target is not None:
        data["target"] = target
    return data if id_ is None else {"id": id_, **data}


def position(
    id_: str, nama: str, peran: str, unit: str, kinerja: list[dict[str, Any]], **more: Any
) -> dict[str, Any]:
    """A jabatan's data (``more``: its atasan...)."""
    return {"id": id_, "nama": nama, "peran": peran, "unit": unit, **more, "kinerja": kinerja}


def build_tree(
    jabatan: list[dict[str, Any]],
    *,
    organisasi: dict[str, str] = ORGANISASI,
    iku: list[dict[str, Any]] | None = None,
) -> PohonKinerja:
    data: dict[str, Any] = {"pokin": 1, "organisasi": organisasi}
    if iku is not None:
        data["iku"] = iku
    return PohonKinerja.model_validate({**data, "jabatan": jabatan})


def camat_and_kasi(
    camat_kinerja: str,
    indicators: list[str],
    kasi: tuple[str, str],
    kasi_kinerja: list[str],
) -> PohonKinerja:
    """A Camat whose one kinerja holds ``indicators`` (camat.k1.i1...), and a Kasi (``kasi``:
    nama, unit) whose kinerja are ``kasi_kinerja`` (kasi.k1...), each with one indicator."""
    camat = position(
        "camat",
        "Camat",
        "camat",
        ORGANISASI["nama"],
        [{"uraian": camat_kinerja, "indikator": [indikator(text) for text in indicators]}],
    )
    rows = [{"uraian": text, "indikator": [indikator("Jumlah laporan")]} for text in kasi_kinerja]
    nama, unit = kasi
    return build_tree([camat, position("kasi", nama, "kasi", unit, rows, atasan="camat")])


def proposed(found: PohonKinerja, key: Callable[[str], str] = str) -> dict[str, set[str]]:
    """The targets ``infer_links`` proposes, by ``key`` of the node they start from."""
    out: dict[str, set[str]] = {}
    for p in infer_links(found):
        out.setdefault(key(p.dari), set()).add(p.ke)
    return out
