"""A position whose first row has no kinerja cell is imported with a placeholder, and the
import says so as a peringatan (exit 1), not silently (QA10 N1/N3: a PDF row laid out wide
lost its kinerja cell; the tree read «(kinerja tidak tertulis)» and the import exited 0).

Kecamatan Tanjung Harapan (invented): the Kasi Pemerintahan's table starts with an empty
kinerja cell, as a PDF's lost cell leaves it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pokin.cli import main
from pokin.decree import import_decree, read_decree

DECREE = """\
# KEPUTUSAN CAMAT TANJUNG HARAPAN

1. JABATAN : CAMAT TANJUNG HARAPAN

| No | Kinerja | Indikator Kinerja | Formulasi | Sumber Data |
|---|---|---|---|---|
| 1 | Meningkatnya layanan publik | Indeks kepuasan masyarakat | Nilai survei | SKM |

2. JABATAN : KEPALA SEKSI PEMERINTAHAN

| No | Kinerja | Indikator Kinerja | Formulasi | Sumber Data |
|---|---|---|---|---|
| 1 |  | Persentase surat keterangan selesai tepat waktu | Selesai / masuk x 100% | Register |
| 2 | Tertibnya administrasi kependudukan | Jumlah data dimutakhirkan | Hitungan | Laporan |
"""


def _write(tmp_path: Path, text: str = DECREE) -> Path:
    path = tmp_path / "tanjung-harapan.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_placeholder_comes_with_a_warning_naming_its_line(tmp_path: Path) -> None:
    result = import_decree(_write(tmp_path))
    kasi = result.tree.jabatan[1]
    assert kasi.kinerja[0].uraian == "(kinerja tidak tertulis)"
    ((line, warning),) = result.warnings
    assert line == 13
    assert "sel kinerja kosong" in warning
    assert "Kepala Seksi Pemerintahan" in warning


def test_the_cli_prints_it_as_peringatan_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", str(_write(tmp_path)), "-o", str(tmp_path / "t.yaml")]) == 1
    err = capsys.readouterr().err
    assert "tanjung-harapan.md:13: sel kinerja kosong" in err
    assert "peringatan:" in err


def test_read_decree_counts_it(tmp_path: Path) -> None:
    with pytest.warns(UserWarning, match="1 peringatan"):
        read_decree(_write(tmp_path))


def test_a_decree_writing_every_kinerja_has_none(tmp_path: Path) -> None:
    full = DECREE.replace("| 1 |  |", "| 1 | Meningkatnya layanan surat |")
    assert import_decree(_write(tmp_path, full)).warnings == []
