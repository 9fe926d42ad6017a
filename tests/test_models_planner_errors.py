"""A value a model refuses in Python (a notebook) is said in Indonesian (QA7 #19): not
pydantic's "1 validation error for Indikator ... Input should be ... https://errors.pydantic.dev",
but the field's path, what is wrong and a hint, while the error stays pydantic's
ValidationError (code that catches one keeps working) and becomes a PokinError."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from pokin import Indikator, Jabatan, Kinerja, PohonKinerja, Tautan
from pokin.errors import ModelError, PokinError


def _indikator() -> Indikator:
    return Indikator(id="camat.k1.i1", uraian="Indeks kepuasan masyarakat Kecamatan Watukarung")


def _said(error: BaseException) -> str:
    text = str(error)
    assert "pydantic.dev" not in text
    assert "validation error" not in text
    assert "Input should" not in text
    return text


def test_setting_polaritas_to_none() -> None:
    indikator = _indikator()
    with pytest.raises(ModelError) as caught:
        indikator.polaritas = None  # type: ignore[assignment]
    assert _said(caught.value) == (
        "Indikator.polaritas: nilai None tidak diizinkan\n"
        "  saran: pakai salah satu dari: 'naik' atau 'turun'"
    )
    assert indikator.polaritas is None or indikator.polaritas == "naik"  # left as it was


def test_the_error_is_still_pydantics_and_pokins() -> None:
    with pytest.raises(ValidationError) as caught:
        _indikator().polaritas = "ke atas"  # type: ignore[assignment]
    error = caught.value
    assert isinstance(error, PokinError)
    assert isinstance(error, ValueError)
    assert error.errors()[0]["type"] == "literal_error"
    assert error.errors()[0]["loc"] == ("polaritas",)


def test_building_a_model_says_the_field() -> None:
    with pytest.raises(ModelError) as caught:
        Tautan(ke="")
    assert _said(caught.value).startswith("Tautan.ke: id '' tidak sah")
    with pytest.raises(ModelError) as caught:
        Indikator(uraian="Jumlah patroli", satuan_data="kali")  # type: ignore[call-arg]
    assert _said(caught.value) == (
        "Indikator.satuan_data: kunci `satuan_data` tidak dikenal\n"
        "  saran: maksudnya `satuan`? yang boleh di sini: id, uraian, formulasi, "
        "sumber_data, satuan, target, realisasi, polaritas, akumulasi, per_periode, "
        "level_hasil, mendukung, catatan"
    )


def test_a_nested_field_and_further_problems_are_counted() -> None:
    with pytest.raises(ModelError) as caught:
        Kinerja(uraian="", indikator=[{"uraian": "Jumlah patroli", "polaritas": "atas"}])
    text = _said(caught.value)
    assert text.startswith("Kinerja.uraian: teks ini kosong (dan 1 masalah lain)")
    with pytest.raises(ModelError) as caught:
        Kinerja(uraian="Tertibnya wilayah", indikator=[{"uraian": "Patroli", "target": []}])
    assert _said(caught.value).startswith("Kinerja.indikator[0].target: harus berupa teks")


def test_a_jabatan_edited_in_a_notebook() -> None:
    jabatan = Jabatan(id="camat", nama="Camat Watukarung", peran="camat")
    with pytest.raises(ModelError) as caught:
        jabatan.peran = "bupati"  # type: ignore[assignment]
    assert _said(caught.value).startswith("Jabatan.peran: nilai 'bupati' tidak diizinkan")


def test_validating_a_whole_tree_is_untouched() -> None:
    """Readers explain a tree's errors themselves, at the file's line: model_validate
    still raises pydantic's own error, and never calls the models' __init__ per node
    (that would make loading twice as slow)."""
    with pytest.raises(ValidationError) as caught:
        PohonKinerja.model_validate({"organisasi": {"nama": "Kecamatan Watukarung"}, "x": 1})
    assert not isinstance(caught.value, ModelError)
    assert not Indikator.__pydantic_custom_init__
    assert not PohonKinerja.__pydantic_custom_init__
