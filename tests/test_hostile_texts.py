"""Hostile texts: characters no output can carry, written into a tree by escapes.

A YAML double-quoted text ("\\0", "\\e", "\\x1b") or a JSON "\\u0000" gives a text a control
character, a bidirectional override or a noncharacter. Before, such a tree loaded: `pokin
check` printed the text raw (an escape sequence or a carriage return rewrites the terminal's
line), `pokin render` failed inside Graphviz ("not well-formed (invalid token)") naming no
field, and an exported workbook named only its own cell. Now the tree is refused where the
text stands, with the file, line, field and the character.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import pokin
from pokin import ModelError, PokinFileError

TREE = """\
pokin: 1
organisasi:
  nama: Kecamatan Tanjung Mekar
  tahun: 2026
jabatan:
  - id: camat
    nama: Camat
    peran: camat
    kinerja:
      - uraian: Meningkatnya ketenteraman wilayah
        indikator:
          - uraian: {indikator}
            satuan: persen
            target: 95
  - id: kasi-trantib
    nama: {nama}
    peran: kasi
    atasan: camat
    kinerja:
      - uraian: Tertanganinya gangguan ketertiban umum
        indikator:
          - uraian: Persentase laporan gangguan yang ditangani
"""


def _yaml(tmp_path: Path, *, indikator: str, nama: str = "Kasi Trantib") -> Path:
    path = tmp_path / "tanjung-mekar.yaml"
    path.write_text(TREE.format(indikator=indikator, nama=nama), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ('"Persentase wilayah\\e[31m aman"', "U+001B"),  # an ANSI colour escape
        ('"Persentase wilayah\\0 aman"', "U+0000"),
        ('"Persentase wilayah\\rpokin: galat: palsu"', "U+000D"),  # a lone carriage return
        ('"Persentase wilayah\\x85aman"', "U+0085"),  # a C1 control (NEL)
        ('"Persentase wilayah\\uFFFE aman"', "U+FFFE"),  # no XML file may hold it
    ],
)
def test_an_escaped_control_character_is_refused_where_it_stands(
    tmp_path: Path, written: str, code: str
) -> None:
    path = _yaml(tmp_path, indikator=written)
    with pytest.raises(PokinFileError) as caught:
        pokin.load(path)
    error = caught.value
    assert error.line == 12
    assert error.field == "jabatan[0].kinerja[0].indikator[0].uraian"
    assert code in error.message
    assert error.hint is not None
    assert "hapus" in error.hint


def test_a_right_to_left_override_in_a_title_is_refused(tmp_path: Path) -> None:
    path = _yaml(tmp_path, indikator="Persentase wilayah aman", nama="Kasi \u202eTrantib\u202c")
    with pytest.raises(PokinFileError) as caught:
        pokin.load(path)
    assert caught.value.field == "jabatan[1].nama"
    assert "U+202E" in caught.value.message


def test_json_unicode_escape_of_a_control_is_refused_with_its_line(tmp_path: Path) -> None:
    data = pokin.loads(TREE.format(indikator="Persentase wilayah aman", nama="Kasi Trantib"))
    text = pokin.io.dumps_json(data).replace("Persentase wilayah aman", "Persentase\\u0007 aman")
    path = tmp_path / "tanjung-mekar.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PokinFileError) as caught:
        pokin.load(path)
    assert caught.value.line == text[: text.index("\\u0007")].count("\n") + 1
    assert "U+0007" in caught.value.message


def test_tabs_line_breaks_and_windows_line_ends_in_a_text_are_kept(tmp_path: Path) -> None:
    text = "Persentase\twilayah\r\naman\ndan tertib"
    data = json.loads(
        pokin.io.dumps_json(
            pokin.loads(TREE.format(indikator="Persentase wilayah aman", nama="Kasi Trantib"))
        )
    )
    data["jabatan"][0]["kinerja"][0]["indikator"][0]["uraian"] = text
    path = tmp_path / "tanjung-mekar.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert pokin.load(path).jabatan[0].kinerja[0].indikator[0].uraian == text


def test_a_control_character_set_in_a_notebook_is_refused() -> None:
    tree = pokin.loads(TREE.format(indikator="Persentase wilayah aman", nama="Kasi Trantib"))
    indikator = tree.jabatan[0].kinerja[0].indikator[0]
    with pytest.raises(ModelError) as caught:
        indikator.formulasi = "jumlah wilayah aman\x1b[2J / seluruh wilayah"
    assert "U+001B" in str(caught.value)
    assert indikator.formulasi is None
