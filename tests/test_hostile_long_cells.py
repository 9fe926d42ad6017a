"""A decree cell longer than an Excel cell holds is imported with a peringatan.

Before, a 10 MB cell (a formulasi of 10.485.770 characters) imported with exit 0 and no
word; only `pokin export` refused it later. Now the import says which field of which
position, at which line, is that long (peringatan: exit 1), and keeps the text whole.
"""

from __future__ import annotations

from pathlib import Path

from pokin.decree import import_decree

LONG = "jumlah pengaduan yang ditindaklanjuti " * 1_100  # 41.800 characters

DECREE = """\
INDIKATOR KINERJA INDIVIDU
KECAMATAN BATU AMPAR TAHUN 2026

1. JABATAN : CAMAT
2. TUGAS : Memimpin penyelenggaraan pemerintahan kecamatan.
KINERJA\tINDIKATOR\tFORMULASI\tSUMBER DATA
Meningkatnya pelayanan publik\tIndeks Kepuasan Masyarakat\tHasil SKM\tLaporan SKM

1. JABATAN : SEKRETARIS KECAMATAN
2. TUGAS : Membantu Camat dalam urusan kesekretariatan.
KINERJA\tINDIKATOR\tFORMULASI\tSUMBER DATA
Meningkatnya tata kelola\tPersentase pengaduan ditindaklanjuti\t{formulasi}\tRegister
"""


def test_a_cell_longer_than_excel_holds_is_imported_with_a_warning(tmp_path: Path) -> None:
    result = import_decree(_write(tmp_path, LONG.strip()))
    [(line, said)] = result.warnings
    assert line == 12
    assert said.startswith("formulasi jabatan «SEKRETARIS KECAMATAN» sepanjang 41.799 karakter")
    indikator = result.tree.get_jabatan("sekretaris-kecamatan").kinerja[0].indikator[0]
    assert indikator.formulasi == LONG.strip()


def test_cells_of_a_decree_s_length_give_no_warning(tmp_path: Path) -> None:
    result = import_decree(_write(tmp_path, "Jumlah ditindaklanjuti / jumlah pengaduan x 100%"))
    assert result.warnings == []


def _write(tmp_path: Path, formulasi: str) -> Path:
    path = tmp_path / "batu-ampar.txt"
    path.write_text(DECREE.format(formulasi=formulasi), encoding="utf-8")
    return path
