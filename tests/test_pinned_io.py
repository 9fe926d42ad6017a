"""Loading behaviour a planner relies on, pinned with values written by hand (mutation
survivors of bench/mutation.py): every spelling that turns the parse cache off, where an
anchor is reported, the hint for a file that is not text."""

from __future__ import annotations

from pathlib import Path

import pytest

import pokin
from pokin.errors import PokinFileError
from pokin.io import cache

from .conftest import make


@pytest.mark.parametrize("value", ["off", "OFF", "0", "no", "No", "false", " False "])
def test_every_spelling_of_off_turns_the_cache_off(
    value: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cache"
    monkeypatch.setenv("POKIN_CACHE_DIR", str(folder))
    monkeypatch.setattr(cache, "MIN_BYTES", 0)
    path = pokin.save(make(), tmp_path / "t.yaml")
    monkeypatch.setenv("POKIN_CACHE", value)
    assert pokin.load(path) == make()
    assert not folder.exists() or list(folder.glob("*.json")) == []
    monkeypatch.setenv("POKIN_CACHE", "on")  # anything else: cached
    pokin.load(path)
    assert len(list(folder.glob("*.json"))) == 1


def test_an_anchor_is_reported_at_its_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "alias.yaml"
    path.write_text("pokin: 1\nx: &a 1\ny: *a\n", encoding="utf-8")
    with pytest.raises(PokinFileError) as caught:
        pokin.load(path)
    assert str(caught.value) == (
        f"{path}:2:4: anchor dan alias YAML (&a / *a) bukan bagian format pokin\n"
        "  saran: tulis nilainya lengkap di setiap tempat yang memerlukannya"
    )


def test_a_file_that_is_not_text_says_what_a_pokin_file_is(tmp_path: Path) -> None:
    path = tmp_path / "bin.yaml"
    path.write_bytes(b"\xff\xfe\x00\x01\x02binary\x00\x00")
    with pytest.raises(PokinFileError) as caught:
        pokin.load(path)
    assert str(caught.value) == (
        f"{path}:1: berkas ini bukan teks UTF-16 yang sah\n"
        "  saran: berkas pokin adalah teks YAML UTF-8; keputusan (decree) diimpor lebih dulu: "
        "pokin import DOC -o FILE.yaml"
    )
