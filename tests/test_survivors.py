"""Behaviour pinned for the bugs a planted-bug run showed no test would catch (issue 12).

Each test states a rule a planner relies on, with an expected value written by hand, never
computed by the code under test.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml

import pokin
from pokin.link import THRESHOLD, THRESHOLD_CROSSCUTTING, infer_links

from .conftest import jab, make

# -- save keeps every field: a YAML round trip against text written by hand -----------------

EVERY_FIELD = """\
pokin: 1
organisasi:
  nama: Kecamatan Lengkap
  pemerintah: Kota Contoh
  tahun: 2024
  periode: 2021-2026
  dokumen:
    judul: Keputusan Camat tentang IKI
    nomor: 800/12/2024
    tanggal: 2024-01-03
    penandatangan: Camat Lengkap
    sumber: keputusan.pdf
  catatan: catatan organisasi
iku:
- id: S.1
  uraian: Meningkatnya pelayanan
  indikator:
  - id: I.K.S.1.1
    uraian: Indeks kepuasan masyarakat
    formulasi: rata-rata nilai SKM
    sumber_data: laporan SKM
    satuan: indeks
    target: '82'
    realisasi: '84,5'
    polaritas: turun
    catatan: catatan IKU
jabatan:
- id: camat
  nama: Camat
  peran: camat
  eselon: III.a
  unit: Kecamatan
  tugas: memimpin kecamatan
  fungsi:
  - perumusan kebijakan
  - koordinasi
  catatan: catatan jabatan
  inferensi:
  - peran
  kinerja:
  - id: camat.k1
    uraian: Meningkatnya kualitas layanan
    catatan: catatan kinerja
    mendukung:
    - S.1
    indikator:
    - id: camat.k1.i1
      uraian: Persentase layanan tepat waktu
      formulasi: layanan tepat waktu / seluruh layanan x 100%
      sumber_data: register layanan
      satuan: persen
      target: '90'
      realisasi: '87,5'
      catatan: catatan indikator
      mendukung:
      - I.K.S.1.1
- id: kasi
  nama: Kasi Pelayanan
  peran: kasi
  atasan: camat
  kinerja:
  - id: kasi.k1
    uraian: Persentase layanan tepat waktu
    mendukung:
    - ke: camat.k1.i1
      asal: inferensi
      skor: 0.91
      alasan: teks sama
      status: diterima
"""


def test_save_keeps_every_optional_field_as_written(tmp_path: Path) -> None:
    tree = pokin.loads(EVERY_FIELD, path="lengkap.yaml")
    assert tree.jabatan[0].kinerja[0].indikator[0].realisasi == "87,5"
    path = pokin.save(tree, tmp_path / "lengkap.yaml")
    written = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert written == yaml.safe_load(EVERY_FIELD)  # the hand-written text, not a re-dump
    assert pokin.load(path) == tree


# -- checks ---------------------------------------------------------------------------------


def test_pk101_reports_a_kinerja_without_indicators() -> None:
    def bare(data: dict[str, Any]) -> None:
        jab(data, "kasi")["kinerja"].append({"uraian": "Terlaksananya pembinaan RT"})

    found = [f for f in pokin.check(make(bare)) if f.code == "PK101"]
    assert [f.where for f in found] == ["kasi.k2"]


@pytest.mark.parametrize("blank", ["n/a", "N/A", "-", "—", "tidak ada", "  na  "])
def test_placeholder_texts_count_as_blank(blank: str) -> None:
    def placeholder(data: dict[str, Any]) -> None:
        jab(data, "staf")["kinerja"][0]["indikator"][0]["formulasi"] = blank

    found = [f.where for f in pokin.check(make(placeholder)) if f.code == "PK501"]
    assert found == ["staf.k1.i1"]


# -- links ----------------------------------------------------------------------------------


def _unlinked(parent: str, child: str) -> pokin.PohonKinerja:
    """The base tree; the kasi's kinerja written ``child``, unlinked, under ``parent``."""

    def change(data: dict[str, Any]) -> None:
        jab(data, "camat")["kinerja"][0]["indikator"][1]["uraian"] = parent
        kasi = jab(data, "kasi")["kinerja"][0]
        kasi["uraian"] = child
        kasi.pop("mendukung")

    return make(change)


def _proposed(tree: pokin.PohonKinerja, **options: Any) -> dict[tuple[str, str], float]:
    return {(p.dari, p.ke): p.skor for p in infer_links(tree, **options)}


def test_html_entities_are_read_as_their_characters_when_matching() -> None:
    plain = _proposed(_unlinked("Tertib arsip & surat dinas", "Tertib arsip & surat dinas"))
    entity = _proposed(_unlinked("Tertib arsip & surat dinas", "Tertib arsip &amp; surat dinas"))
    assert plain[("kasi.k1", "camat.k1.i2")] == pytest.approx(1.0)
    assert entity == plain


def test_the_threshold_decides_and_its_defaults_are_pinned() -> None:
    assert (THRESHOLD, THRESHOLD_CROSSCUTTING) == (0.7, 0.95)  # README and docs state them
    tree = _unlinked("Indeks kepuasan masyarakat", "Meningkatnya indeks kepuasan masyarakat")
    skor = _proposed(tree)[("kasi.k1", "camat.k1.i2")]
    assert THRESHOLD <= skor < 1.0
    assert ("kasi.k1", "camat.k1.i2") in _proposed(tree, threshold=skor - 1e-3)
    # above its score the pair is no restatement: at most the atasan's one near text of a
    # row under the threshold, flagged as such (Search.clear_best)
    above = infer_links(tree, threshold=min(1.0, skor + 1e-3))
    pairs = [p for p in above if (p.dari, p.ke) == ("kasi.k1", "camat.k1.i2")]
    assert all("di bawah ambang" in p.alasan for p in pairs)
    assert all("di bawah ambang" not in p.alasan for p in infer_links(tree, threshold=skor - 1e-3))


def test_an_unrelated_text_is_not_proposed() -> None:
    tree = _unlinked("Indeks kepuasan masyarakat", "Terpeliharanya kendaraan dinas")
    assert ("kasi.k1", "camat.k1.i2") not in _proposed(tree)


# -- Excel cells ----------------------------------------------------------------------------


def _matrix(tmp_path: Path, change: Any) -> pokin.PohonKinerja:
    path = pokin.excel.export_xlsx(make(), tmp_path / "m.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book["Matriks Cascading"]
    headers = {c.value: c.column for c in sheet[1]}
    change(sheet, headers)
    book.save(path)
    return pokin.excel.read_xlsx(path)


def test_a_dash_in_an_excel_cell_is_read_as_the_dash(tmp_path: Path) -> None:
    def dash(sheet: Any, headers: dict[str, int]) -> None:
        sheet.cell(6, headers["Target"]).value = "-"

    tree = _matrix(tmp_path, dash)
    assert tree.get_jabatan("staf").kinerja[0].indikator[0].target == "-"


def test_a_row_with_one_cell_is_read_not_skipped(tmp_path: Path) -> None:
    def one_cell(sheet: Any, headers: dict[str, int]) -> None:
        row = sheet.max_row + 1
        sheet.cell(row, headers["Indikator"]).value = "Jumlah arsip yang dipindai"

    with pytest.raises(pokin.PokinFileError) as caught:
        _matrix(tmp_path, one_cell)  # no jabatan, no kinerja: named, never dropped
    assert "baris 7" in str(caught.value)


def test_a_number_typed_into_realisasi_comes_back_as_typed(tmp_path: Path) -> None:
    def typed(sheet: Any, headers: dict[str, int]) -> None:
        sheet.cell(6, headers["Realisasi"]).value = 87.5
        sheet.cell(5, headers["Realisasi"]).value = 79.5

    tree = _matrix(tmp_path, typed)
    assert tree.get_jabatan("staf").kinerja[0].indikator[0].realisasi == "87,5"
    assert tree.get_jabatan("kasi").kinerja[0].indikator[0].realisasi == "79,5"
