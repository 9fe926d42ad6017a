"""Numbers too long for Python, and dates not in the calendar, in a tree file.

Python converts at most 4.300 digits to an int. Before, a ``target`` of 5.000 digits made
the YAML reader say "tidak dapat dibaca (Exceeds the limit (4300 digits) ...)" with the
hint to write a date, and a ``.json`` file raised the bare English ValueError naming no
file; a ``tahun`` that long echoed all its digits. Now a long number is kept as the text it
was written as (a target is text), a long ``tahun`` is refused in a line, and an impossible
date is said in Indonesian.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import pokin
from pokin import PokinFileError

DIGITS = "7" * 5000

TREE = """\
pokin: 1
organisasi:
  nama: Kecamatan Sindang Barang
  tahun: {tahun}
  dokumen:
    tanggal: {tanggal}
jabatan:
  - id: camat
    nama: Camat
    peran: camat
    kinerja:
      - uraian: Meningkatnya cakupan layanan administrasi kependudukan
        indikator:
          - uraian: Jumlah dokumen kependudukan yang diterbitkan
            satuan: dokumen
            target: {target}
"""


def _tree(tahun: str = "2026", tanggal: str = "2026-01-05", target: str = "1500") -> str:
    return TREE.format(tahun=tahun, tanggal=tanggal, target=target)


def test_a_yaml_target_of_thousands_of_digits_is_kept_as_written(tmp_path: Path) -> None:
    path = tmp_path / "sindang-barang.yaml"
    path.write_text(_tree(target=DIGITS), encoding="utf-8")
    assert pokin.load(path).jabatan[0].kinerja[0].indikator[0].target == DIGITS


def test_a_json_target_of_thousands_of_digits_is_kept_as_written(tmp_path: Path) -> None:
    data = json.loads(pokin.io.dumps_json(pokin.loads(_tree())))
    text = json.dumps(data).replace('"target": "1500"', f'"target": {DIGITS}')
    assert DIGITS in text
    path = tmp_path / "sindang-barang.json"
    path.write_text(text, encoding="utf-8")
    assert pokin.load(path).jabatan[0].kinerja[0].indikator[0].target == DIGITS


def test_a_year_of_thousands_of_digits_is_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "sindang-barang.yaml"
    path.write_text(_tree(tahun=DIGITS), encoding="utf-8")
    with pytest.raises(PokinFileError) as caught:
        pokin.load(path)
    assert caught.value.line == 4
    assert caught.value.field == "organisasi.tahun"
    assert "bukan bilangan" in caught.value.message
    assert len(caught.value.message) < 200


@pytest.mark.parametrize("tanggal", ["2026-02-30", "2026-13-01"])
def test_a_date_not_in_the_calendar_is_said_in_indonesian(tmp_path: Path, tanggal: str) -> None:
    path = tmp_path / "sindang-barang.yaml"
    path.write_text(_tree(tanggal=tanggal), encoding="utf-8")
    with pytest.raises(PokinFileError) as caught:
        pokin.load(path)
    assert caught.value.line == 6
    assert caught.value.message == f"'{tanggal}' bukan tanggal yang ada di kalender"
