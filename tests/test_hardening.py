"""Hostile input: ids that carry markup, files that never end, outputs that are not files.

Each test here failed before the fix it pins (issue 12).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

import pokin
from pokin import PokinFileError
from pokin.excel import export_xlsx, read_xlsx

from .conftest import make
from .test_excel import edit, full, set_cell

EVIL = ['k"><img src=x onerror=alert(1)>', "a&b", "a<b", "s p", "#top", "-x", "", "é"]


@pytest.mark.parametrize("bad", EVIL)
def test_an_id_with_markup_is_refused_naming_the_field(bad: str) -> None:
    text = pokin.dumps(make()).replace("- id: staf.k1.i1", "- id: " + _quoted(bad))
    with pytest.raises(PokinFileError) as caught:
        pokin.loads(text, path="x.yaml")
    err = caught.value
    assert err.field is not None
    assert err.field.endswith("indikator[0].id")
    assert err.line is not None
    assert "tidak sah" in err.message


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def test_references_follow_the_id_rules() -> None:
    tree = make()
    with pytest.raises(ValidationError):
        tree.jabatan[1].atasan = "camat<script>"
    with pytest.raises(ValidationError):
        tree.jabatan[1].kinerja[0].mendukung[0].ke = 'camat.k1.i1"'


def test_ids_that_decrees_and_planners_write_are_accepted() -> None:
    tree = make()
    for good in ["I.K.S.1.1", "camat.k1.i2", "kasi-pem/2", "IKU:1", "9"]:
        tree.jabatan[3].kinerja[0].indikator[0].id = good
        assert tree.jabatan[3].kinerja[0].indikator[0].id == good


def test_an_id_cell_of_the_excel_matrix_is_checked_like_yaml(tmp_path: Path) -> None:
    path = export_xlsx(make(full), tmp_path / "m.xlsx")
    evil = edit(path, set_cell("Matriks Cascading", 7, "ID Kinerja", EVIL[0]))
    with pytest.raises(PokinFileError) as caught:
        read_xlsx(evil)
    assert "row 7" in str(caught.value)
    assert "tidak sah" in str(caught.value)
