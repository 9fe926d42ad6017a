"""An IKU table that lists only the indicators (QA9 #12): the Camat's perjanjian kinerja,
linked to each IKU indicator with the same text, gives its formulasi and sumber data. The
indicator is defined once in the tree, so PK501-PK504 say nothing of the IKU row; they
still do when the text differs, when no such link exists, or when the Camat's row lacks
the field too."""

from __future__ import annotations

from typing import Any

import pytest

from pokin import check

from .conftest import jab, make

IKM = "Indeks kepuasan masyarakat"


def _tree(*, text: str = IKM, linked: bool = True, camat_formulasi: bool = True) -> Any:
    def mutate(d: dict[str, Any]) -> None:
        d["iku"] = [
            {
                "id": "S.1",
                "uraian": "Meningkatnya kualitas pelayanan publik",
                "indikator": [{"id": "IKU.1", "uraian": text, "satuan": "indeks", "target": "80"}],
            }
        ]
        camat = jab(d, "camat")["kinerja"][0]
        camat["mendukung"] = ["S.1"]
        ikm = camat["indikator"][1]
        assert ikm["uraian"] == IKM
        if linked:
            ikm["mendukung"] = ["IKU.1"]
        if not camat_formulasi:
            del ikm["formulasi"]

    return make(mutate)


def _where(tree: Any, code: str) -> list[str]:
    return [str(f.where) for f in check(tree, select=[code])]


@pytest.mark.parametrize("code", ["PK501", "PK502"])
def test_an_iku_row_defined_by_the_camats_same_indicator_is_not_flagged(code: str) -> None:
    assert "IKU.1" not in _where(_tree(), code)


@pytest.mark.parametrize("code", ["PK501", "PK502"])
def test_without_the_same_text_or_the_link_the_iku_row_is_flagged(code: str) -> None:
    assert "IKU.1" in _where(_tree(text="Indeks kepuasan layanan kecamatan"), code)
    assert "IKU.1" in _where(_tree(linked=False), code)
    # the same text in other case and spacing is the same indicator
    assert "IKU.1" not in _where(_tree(text="  INDEKS Kepuasan  Masyarakat "), code)


def test_a_field_missing_below_too_is_flagged_on_both() -> None:
    where = _where(_tree(camat_formulasi=False), "PK501")
    assert "IKU.1" in where
    assert "camat.k1.i2" in where
    assert "IKU.1" not in _where(_tree(camat_formulasi=False), "PK502")
