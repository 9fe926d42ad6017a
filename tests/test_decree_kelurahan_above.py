"""A kelurahan position whose title says "KELURAHAN" without its name (QA7 #7, QA8): in a
decree of several kelurahan it belongs to the Lurah block above it, when only kelurahan
blocks stand between; otherwise the import asks the planner instead of hanging it under
the Sekretaris Kecamatan. Invented Kecamatan Sumberrejo Wetan decrees, tab text and Word."""

from __future__ import annotations

from pathlib import Path

import docx

from pokin.decree import import_decree
from pokin.models import PohonKinerja

from .decree_files import add_table

HEADER = ["KINERJA", "INDIKATOR KINERJA", "FORMULASI", "SUMBER DATA", "SATUAN", "TARGET"]
BLOCKS = [
    ("CAMAT SUMBERREJO WETAN", "Memimpin penyelenggaraan pemerintahan kecamatan."),
    ("SEKRETARIS KECAMATAN", "Membantu Camat di bidang kesekretariatan."),
    ("KEPALA SEKSI PEMERINTAHAN", "Membantu Camat di bidang pemerintahan."),
    ("LURAH KARANGANYAR", "Memimpin penyelenggaraan pemerintahan kelurahan."),
    ("KASI PEMERINTAHAN KELURAHAN", "Membantu Lurah di bidang pemerintahan."),
    ("PENGADMINISTRASI UMUM KELURAHAN", "Mengagendakan surat masuk dan keluar."),
    ("LURAH TEGALSARI", "Memimpin penyelenggaraan pemerintahan kelurahan."),
    ("PENGELOLA DATA KELURAHAN", "Menghimpun data kependudukan."),
]


def _row(n: int) -> list[str]:
    return [
        f"Tertibnya administrasi {n}",
        f"Jumlah dokumen {n}",
        "Jumlah",
        "Arsip",
        "dokumen",
        "12",
    ]


def _lines(blocks: list[tuple[str, str]]) -> list[str]:
    lines = ["KEPUTUSAN CAMAT SUMBERREJO WETAN", "TENTANG", "INDIKATOR KINERJA INDIVIDU TAHUN 2027"]
    for n, (nama, tugas) in enumerate(blocks, 1):
        lines += ["", f"1. JABATAN : {nama}", f"2. TUGAS : {tugas}", ""]
        lines += ["\t".join(HEADER), "\t".join(_row(n))]
    return lines


def _tab(tmp_path: Path, blocks: list[tuple[str, str]]) -> PohonKinerja:
    path = tmp_path / "sumberrejo.txt"
    path.write_text("\n".join(_lines(blocks)) + "\n", encoding="utf-8")
    return import_decree(path).tree


def _word(tmp_path: Path, blocks: list[tuple[str, str]]) -> PohonKinerja:
    document = docx.Document()
    for line in ["KEPUTUSAN CAMAT SUMBERREJO WETAN", "TENTANG", "INDIKATOR KINERJA INDIVIDU"]:
        document.add_paragraph(line)
    for n, (nama, tugas) in enumerate(blocks, 1):
        document.add_paragraph(f"1. JABATAN : {nama}")
        document.add_paragraph(f"2. TUGAS : {tugas}")
        add_table(document, [HEADER, _row(n)])
    path = tmp_path / "sumberrejo.docx"
    document.save(str(path))
    return import_decree(path).tree


def _placed(tree: PohonKinerja) -> dict[str, tuple[str | None, str | None]]:
    return {j.nama: (j.unit, j.atasan) for j in tree.jabatan}


def test_staff_follow_the_lurah_block_above_them(tmp_path: Path) -> None:
    for read in (_tab, _word):
        placed = _placed(read(tmp_path, BLOCKS))
        assert placed["Pengadministrasi Umum Kelurahan"] == (
            "Kelurahan Karanganyar",
            "lurah-karanganyar",
        ), read
        assert placed["Pengelola Data Kelurahan"] == ("Kelurahan Tegalsari", "lurah-tegalsari")
        kasi = placed["Kasi Pemerintahan Kelurahan"]
        assert kasi == ("Kelurahan Karanganyar", "lurah-karanganyar")


def test_the_guess_is_said_in_catatan(tmp_path: Path) -> None:
    tree = _tab(tmp_path, BLOCKS)
    staff = next(j for j in tree.jabatan if j.nama == "Pengelola Data Kelurahan")
    assert "unit" in staff.inferensi
    assert "Unit disimpulkan: Kelurahan Tegalsari, blok Lurah di atasnya (baris" in (
        staff.catatan or ""
    )


def test_no_lurah_block_above_asks_the_planner(tmp_path: Path) -> None:
    """The staff listed among the kecamatan's positions, before any Lurah: which of the
    two kelurahan is unsaid, so nothing is guessed and the catatan asks."""
    blocks = [BLOCKS[0], BLOCKS[1], BLOCKS[5], BLOCKS[2], BLOCKS[3], BLOCKS[6]]
    tree = _tab(tmp_path, blocks)
    staff = next(j for j in tree.jabatan if j.nama == "Pengadministrasi Umum Kelurahan")
    assert staff.unit not in ("Kelurahan Karanganyar", "Kelurahan Tegalsari")
    assert "keputusan memuat 2 kelurahan" in (staff.catatan or "")
    assert "perencana perlu mengisi kelurahannya" in (staff.catatan or "")


def test_a_kecamatan_block_between_breaks_the_run(tmp_path: Path) -> None:
    blocks = [BLOCKS[0], BLOCKS[1], BLOCKS[3], BLOCKS[2], BLOCKS[5], BLOCKS[6]]
    staff = next(
        j for j in _tab(tmp_path, blocks).jabatan if j.nama == "Pengadministrasi Umum Kelurahan"
    )
    assert staff.atasan != "lurah-karanganyar"
    assert "perencana perlu mengisi kelurahannya" in (staff.catatan or "")


def test_lurah_listed_together_then_one_template_asks_the_planner(tmp_path: Path) -> None:
    """Every Lurah first, then one block for the staff of all of them: whose it is is
    unsaid, so nothing is guessed."""
    blocks = [BLOCKS[0], BLOCKS[1], BLOCKS[3], BLOCKS[6], BLOCKS[5]]
    staff = next(
        j for j in _tab(tmp_path, blocks).jabatan if j.nama == "Pengadministrasi Umum Kelurahan"
    )
    assert staff.atasan not in ("lurah-karanganyar", "lurah-tegalsari")
    assert "perencana perlu mengisi kelurahannya" in (staff.catatan or "")
