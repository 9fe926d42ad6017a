"""JSON load errors in Indonesian with file:line:col; NaN/Infinity refused (QA6 #7)."""

from __future__ import annotations

from pathlib import Path

import pytest

import pokin
from pokin.errors import PokinFileError

from .conftest import make


def _error(tmp_path: Path, text: str) -> PokinFileError:
    path = tmp_path / "t.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PokinFileError) as info:
        pokin.load(path)
    return info.value


@pytest.mark.parametrize(
    ("text", "said", "at"),
    [
        ('{"pokin": 1,}', "koma berlebih sebelum `}`", (1, 13)),
        ('{"pokin": 1,\n "organisasi": [1,]}', "koma berlebih sebelum `]`", (2, 19)),
        ('{"pokin" 1}', "titik dua", (1, 10)),
        ('{"pokin": "satu}', "tanda petik tidak ditutup", (1, 11)),
        ('{"pokin": 1} x', "sesudah akhir data JSON", (1, 14)),
    ],
)
def test_syntax_errors_are_indonesian(
    tmp_path: Path, text: str, said: str, at: tuple[int, int]
) -> None:
    error = _error(tmp_path, text)
    assert said in str(error)
    assert "Expecting" not in str(error)
    assert f"t.json:{at[0]}:{at[1]}:" in str(error)


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_refused(tmp_path: Path, constant: str) -> None:
    path = pokin.save(make(), tmp_path / "ok.json")
    text = path.read_text(encoding="utf-8")
    first = text.index('"target": "') + len('"target": ')
    end = text.index('"', first + 1) + 1
    error = _error(tmp_path, text[:first] + constant + text[end:])
    line = text.count("\n", 0, first) + 1
    assert f"{constant} bukan nilai JSON yang sah" in str(error)
    assert f"t.json:{line}:" in str(error)
