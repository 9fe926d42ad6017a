"""A Kasi's level (kecamatan seksi or kelurahan seksi) comes from its title and a declared
atasan; the words of its tugas only break a tie (a kecamatan Kasi Pemerintahan's tasks
name "Musrenbang Kelurahan" and "adminduk di kelurahan"). Invented decree in the style of
the blind4 ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from pokin.decree import import_decree
from pokin.models import Jabatan, Peran

_HEAD = "Kinerja\tIndikator Kinerja\tFormulasi\tSumber Data"


def _block(nama: str, tugas: str, kinerja: str, atasan: str = "") -> str:
    line = f"ATASAN LANGSUNG : {atasan}\n" if atasan else ""
    row = f"{kinerja}\tPersentase {kinerja.lower()}\tselesai / seluruh x 100%\tLaporan"
    return f"JABATAN : {nama}\n{line}TUGAS : {tugas}\n\n{_HEAD}\n{row}\n\n"


_BLOCKS = [
    ("CAMAT SUKAMEKAR", "Memimpin pemerintahan kecamatan", "Meningkatnya pelayanan publik", ""),
    ("KEPALA SEKSI PEMBERDAYAAN MASYARAKAT DAN KELURAHAN",
     "Menyiapkan bahan pembinaan lembaga kemasyarakatan di kelurahan",
     "Meningkatnya keberdayaan lembaga kemasyarakatan kelurahan", ""),
    ("KEPALA SEKSI PEMERINTAHAN",
     "Menyiapkan bahan Musrenbang Kelurahan dan pelayanan adminduk di kelurahan",
     "Meningkatnya tertib adminduk di kelurahan", ""),
    ("KEPALA SEKSI KETENTERAMAN DAN KETERTIBAN UMUM",
     "Membina Satlinmas di kelurahan dan kelurahan tangguh bencana di kelurahan",
     "Meningkatnya ketenteraman di kelurahan", "Camat"),
    ("LURAH SUKAMAJU", "Memimpin pemerintahan kelurahan", "Meningkatnya pelayanan kelurahan", ""),
    ("KASI PEMERINTAHAN KELURAHAN SUKAMAJU", "Menyiapkan bahan administrasi pemerintahan",
     "Meningkatnya tertib administrasi pemerintahan", ""),
    ("KEPALA SEKSI KESEJAHTERAAN SOSIAL", "Menyiapkan bahan kegiatan sosial",
     "Meningkatnya kesejahteraan sosial warga", "Lurah Sukamaju"),
    ("KEPALA SEKSI PELAYANAN", "Membantu Lurah dalam pelayanan kepada masyarakat",
     "Meningkatnya pelayanan administrasi warga", ""),
    ("PENGADMINISTRASI UMUM",
     "Membantu Kepala Seksi Pemberdayaan Masyarakat dan Kelurahan dalam administrasi",
     "Tersusunnya administrasi seksi pemberdayaan", ""),
]  # fmt: skip


@pytest.fixture(scope="module")
def jabatan(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Jabatan]:
    text = "KEPUTUSAN CAMAT SUKAMEKAR\nINDIKATOR KINERJA INDIVIDU KECAMATAN SUKAMEKAR\n\n"
    text += "".join(_block(*block) for block in _BLOCKS)
    file: Path = tmp_path_factory.mktemp("kasi") / "sukamekar.txt"
    file.write_text(text, encoding="utf-8")
    return {str(j.id): j for j in import_decree(file).tree.jabatan}


@pytest.mark.parametrize(
    ("jid", "peran", "unit", "atasan"),
    [
        ("kepala-seksi-pemberdayaan-masyarakat-dan-kelurahan", Peran.KASI,
         "Seksi Pemberdayaan Masyarakat dan Kelurahan", "camat-sukamekar"),
        ("kepala-seksi-pemerintahan", Peran.KASI, "Seksi Pemerintahan", "camat-sukamekar"),
        ("kepala-seksi-ketenteraman-dan-ketertiban-umum", Peran.KASI,
         "Seksi Ketenteraman dan Ketertiban Umum", "camat-sukamekar"),
        ("kasi-pemerintahan-kelurahan-sukamaju", Peran.KASI_KELURAHAN, "Kelurahan Sukamaju",
         "lurah-sukamaju"),
        ("kepala-seksi-kesejahteraan-sosial", Peran.KASI_KELURAHAN, "Kelurahan Sukamaju",
         "lurah-sukamaju"),
        ("kepala-seksi-pelayanan", Peran.KASI_KELURAHAN, "Kelurahan Sukamaju", "lurah-sukamaju"),
        ("pengadministrasi-umum", Peran.PELAKSANA, "Seksi Pemberdayaan Masyarakat dan Kelurahan",
         "kepala-seksi-pemberdayaan-masyarakat-dan-kelurahan"),
    ],
)  # fmt: skip
def test_the_title_and_declared_atasan_decide_a_kasi_level(
    jabatan: dict[str, Jabatan], jid: str, peran: Peran, unit: str, atasan: str
) -> None:
    pos = jabatan[jid]
    assert (pos.peran, pos.unit, pos.atasan) == (peran, unit, atasan)


def test_a_kasi_title_repeated_per_kelurahan_is_read_from_its_text(tmp_path: Path) -> None:
    """A template repeated per kelurahan: the same title twice, "di kelurahan" decides."""
    blocks = [
        ("CAMAT SUKAMEKAR", "Memimpin pemerintahan kecamatan", "Meningkatnya pelayanan", ""),
        ("KEPALA SEKSI PEMERINTAHAN", "Membantu Camat dalam pemerintahan tingkat kecamatan",
         "Meningkatnya tertib pemerintahan", ""),
        ("KEPALA SEKSI PEMERINTAHAN", "Merencanakan kegiatan pemerintahan di kelurahan",
         "Meningkatnya tertib pemerintahan kelurahan", ""),
    ]  # fmt: skip
    file = tmp_path / "templat.txt"
    file.write_text("".join(_block(*b) for b in blocks), encoding="utf-8")
    perans = [j.peran for j in import_decree(file).tree.jabatan]
    assert perans == [Peran.CAMAT, Peran.KASI, Peran.KASI_KELURAHAN]


def test_a_kasi_in_a_lurah_s_section_is_that_kelurahan_s(tmp_path: Path) -> None:
    """A bare "KEPALA SEKSI PEMERINTAHAN" under the heading of a kelurahan (its Lurah's
    part of the lampiran) is that kelurahan's Kasi, under its Lurah."""
    table = (
        "| Kinerja | Indikator Kinerja | Formulasi | Sumber Data |\n|---|---|---|---|\n"
        "| {k} | Persentase {k} | a / b x 100% | Laporan |\n\n"
    )

    def block(nama: str, kinerja: str) -> str:
        return f"**1. JABATAN : {nama}**\n\n**2. TUGAS :** Menyiapkan bahan\n\n" + table.format(
            k=kinerja
        )

    file = tmp_path / "sukamekar.md"
    file.write_text(
        "# KEPUTUSAN CAMAT SUKAMEKAR\n\n## KECAMATAN SUKAMEKAR\n\n"
        + block("CAMAT SUKAMEKAR", "Meningkatnya pelayanan publik")
        + "## KELURAHAN SUKAMAJU\n\n"
        + block("LURAH SUKAMAJU", "Meningkatnya pelayanan kelurahan")
        + block("KEPALA SEKSI PEMERINTAHAN", "Meningkatnya tertib administrasi"),
        encoding="utf-8",
    )
    kasi = import_decree(file).tree.jabatan[-1]
    assert (kasi.peran, kasi.unit, kasi.atasan) == (
        Peran.KASI_KELURAHAN,
        "Kelurahan Sukamaju",
        "lurah-sukamaju",
    )
