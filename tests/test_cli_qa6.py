"""QA6: `pokin diff` says when its two trees are a doubtful pair (still exit 0)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pokin import PohonKinerja, save
from pokin.cli import main


def _tree(nama: str, tahun: int) -> PohonKinerja:
    return PohonKinerja.model_validate(
        {
            "organisasi": {"nama": nama, "tahun": tahun},
            "jabatan": [{"id": "camat", "nama": "Camat", "peran": "camat"}],
        }
    )


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        (("Kecamatan Pasirluhur", 2025), ("Kecamatan Karangwangi", 2026), ["organisasi berbeda"]),
        (("Kecamatan Pasirluhur", 2026), ("Kecamatan Pasirluhur", 2025), ["urutannya tertukar"]),
        (("Kecamatan Pasirluhur", 2025), ("KECAMATAN  PASIRLUHUR", 2026), []),
    ],
)
def test_diff_warns_of_another_organisasi_or_swapped_years(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    old: tuple[str, int],
    new: tuple[str, int],
    said: list[str],
) -> None:
    a = save(_tree(*old), tmp_path / "a.yaml")
    b = save(_tree(*new), tmp_path / "b.yaml")
    assert main(["diff", str(a), str(b)]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("pokin diff: ")
    warnings = [line for line in captured.err.splitlines() if "peringatan" in line]
    assert len(warnings) == len(said)
    for line, words in zip(warnings, said, strict=True):
        assert line.startswith("pokin: peringatan: ")
        assert words in line
