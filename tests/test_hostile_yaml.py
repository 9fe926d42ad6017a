"""YAML a planner's tool (or an attacker) may write that the pokin format has no use for:
tags, a second document, an escape naming half a surrogate pair, a UTF-32 file, a date
with a time. Each is said in the planner's words, where it stands.

Before: a tag (``!foo``, ``!!python/name:os.system``), a second document after ``---``
and a ``"\\ud800"`` escape were all "struktur YAML tidak sah" with the hint to compare the
line with docs/format.md; a UTF-32 file was "kesalahan YAML" with no line; a date with a
time was shown as ``datetime.datetime(2026, 3, 2, 9, 30)``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import pokin
from pokin import PokinFileError

TREE = """\
pokin: 1
organisasi:
  nama: Kecamatan Muara Ancalong
  tahun: 2026
  dokumen:
    tanggal: 2026-03-02
jabatan:
  - id: camat
    nama: Camat
    peran: camat
    kinerja:
      - uraian: Meningkatnya kualitas pelayanan publik
        indikator:
          - uraian: Indeks Kepuasan Masyarakat
            target: 85
"""


def _error(tmp_path: Path, text: str) -> PokinFileError:
    path = tmp_path / "muara-ancalong.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    with pytest.raises(PokinFileError) as caught:
        pokin.load(path)
    return caught.value


@pytest.mark.parametrize("tag", ["!foo", "!!python/name:os.system"])
def test_a_tag_is_named_and_the_hint_says_to_remove_it(tmp_path: Path, tag: str) -> None:
    error = _error(tmp_path, TREE.replace("target: 85", f"target: {tag} 85"))
    assert error.line == 15
    assert "tidak didukung" in error.message
    assert tag.removeprefix("!!") in error.message
    assert error.hint is not None
    assert "hapus tag itu" in error.hint


def test_a_second_document_is_said_as_such(tmp_path: Path) -> None:
    error = _error(tmp_path, TREE + "---\n" + TREE)
    assert error.line == 16
    assert "lebih dari satu dokumen YAML" in error.message
    assert error.hint is not None
    assert "---" in error.hint


def test_an_escape_of_half_a_surrogate_pair_is_said_as_such(tmp_path: Path) -> None:
    error = _error(tmp_path, TREE.replace("Indeks Kepuasan", '"Indeks \\ud800 Kepuasan'
                                          ).replace("Masyarakat\n", 'Masyarakat"\n'))  # fmt: skip
    assert error.line == 14
    assert "surrogate" in error.message


def test_a_utf32_file_with_its_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "muara-ancalong.yaml"
    path.write_bytes(TREE.encode("utf-32"))
    assert pokin.load(path).organisasi.nama == "Kecamatan Muara Ancalong"


def test_a_date_with_a_time_is_shown_as_written(tmp_path: Path) -> None:
    error = _error(tmp_path, TREE.replace("tanggal: 2026-03-02", "tanggal: 2026-03-02 09:30:00"))
    assert error.line == 6
    assert "datetime" not in error.message
    assert "'2026-03-02 09:30:00'" in error.message
