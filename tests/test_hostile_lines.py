"""A line break in a text pokin prints at the start of a line: a jabatan's nama, unit or
eselon, the organisasi's nama.

Before, a jabatan named "Sekretaris\\npokin: galat: PALSU" loaded, and `pokin check`
printed a line "pokin: galat: PALSU: 1 kinerja tidak mendukung ..." of its own, as if pokin
had said it. Now a title or unit with a line break is refused where it stands; the texts a
decree writes over several lines (tugas, formulasi, a target per quarter) keep their line
breaks (and a finding quoting one shortens it to one line, as before).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import pokin
from pokin import ModelError, PokinFileError

TREE = """\
pokin: 1
organisasi:
  nama: Kecamatan Long Ikis
  tahun: 2026
jabatan:
  - id: camat
    nama: Camat
    peran: camat
    tugas: |
      Memimpin penyelenggaraan pemerintahan kecamatan;
      mengoordinasikan pemberdayaan masyarakat.
    kinerja:
      - uraian: >-
          Meningkatnya kualitas
          pelayanan publik
        indikator:
          - uraian: Indeks Kepuasan Masyarakat
            formulasi: |
              jumlah nilai unsur survei
              dibagi jumlah unsur
            satuan: indeks
            target: 84
  - id: sekretaris
    nama: {nama}
    peran: sekretaris
    atasan: camat
"""


def test_multi_line_texts_where_a_decree_writes_them_are_kept(tmp_path: Path) -> None:
    tree = pokin.loads(TREE.format(nama="Sekretaris Kecamatan"))
    camat = tree.get_jabatan("camat")
    assert camat.tugas is not None
    assert camat.tugas.count("\n") == 1
    assert camat.kinerja[0].uraian == "Meningkatnya kualitas pelayanan publik"  # folded
    formulasi = camat.kinerja[0].indikator[0].formulasi
    assert formulasi == "jumlah nilai unsur survei\ndibagi jumlah unsur"


def test_a_line_break_in_a_title_is_refused_where_it_stands(tmp_path: Path) -> None:
    path = tmp_path / "long-ikis.yaml"
    path.write_text(TREE.format(nama='"Sekretaris\\npokin: galat: PALSU"'), encoding="utf-8")
    with pytest.raises(PokinFileError) as caught:
        pokin.load(path)
    assert (caught.value.line, caught.value.field) == (24, "jabatan[1].nama")
    assert "satu baris" in caught.value.message


def test_a_line_break_set_in_a_notebook_is_refused() -> None:
    tree = pokin.loads(TREE.format(nama="Sekretaris"))
    with pytest.raises(ModelError, match="satu baris"):
        tree.get_jabatan("sekretaris").unit = "Sekretariat\nKecamatan"
