"""Kelurahan staff named "... Kelurahan <Name>" without "pada" (QA7 #7), and a kecamatan's
"Pengadministrasi Umum" with no Kasubbag: invented Cipedes decree. Before, the kelurahan
staff went to the Sekretariat Kecamatan (or, a Kasi kelurahan, to no atasan at all), and
the Pengadministrasi Umum under the Kasi Pelayanan Umum, whose seksi shares "Umum"."""

from __future__ import annotations

from pathlib import Path

from pokin.decree import import_decree

HEADER = "KINERJA\tINDIKATOR KINERJA\tFORMULASI\tSUMBER DATA\tSATUAN\tTARGET"


def _block(title: str, tugas: str, kinerja: str, indikator: str) -> list[str]:
    return [
        f"JABATAN : {title}",
        f"TUGAS : {tugas}",
        "",
        HEADER,
        f"{kinerja}\t{indikator}\tJumlah yang selesai\tLaporan bulanan\tdokumen\t12",
        "",
    ]


BLOCKS = [
    ("CAMAT CIPEDES", "Memimpin kecamatan.", "Meningkatnya layanan publik", "Indeks layanan"),
    ("SEKRETARIS KECAMATAN", "Membantu Camat.", "Tertibnya administrasi", "Nilai SAKIP"),
    ("KEPALA SEKSI PELAYANAN UMUM", "Membantu Camat.", "Cepatnya layanan", "Waktu layanan"),
    (
        "KEPALA SEKSI KETENTERAMAN DAN KETERTIBAN UMUM",
        "Membantu Camat.",
        "Tertibnya wilayah",
        "Jumlah patroli",
    ),
    ("PENGADMINISTRASI UMUM", "Mengagendakan surat dinas.", "Tertibnya agenda", "Surat tercatat"),
    ("LURAH SUKAMULYA", "Memimpin kelurahan.", "Majunya kelurahan", "Indeks kelurahan"),
    ("LURAH CIBOGO", "Memimpin kelurahan.", "Majunya kelurahan", "Indeks kelurahan"),
    ("SEKRETARIS KELURAHAN CIBOGO", "Membantu Lurah.", "Tertibnya arsip", "Arsip tertata"),
    (
        "PENGELOLA DATA KELURAHAN SUKAMULYA",
        "Mengolah data warga.",
        "Mutakhirnya data",
        "Data mutakhir",
    ),
    ("PENGADMINISTRASI UMUM KELURAHAN CIBOGO", "Mencatat surat.", "Tertibnya surat", "Surat"),
    ("KASI PEMERINTAHAN KELURAHAN SUKAMULYA", "Menyiapkan bahan.", "Tertibnya RT", "RT aktif"),
]


def test_kelurahan_named_in_the_title_and_sekretariat_staff(tmp_path: Path) -> None:
    path = tmp_path / "cipedes.txt"
    lines = ["KEPUTUSAN CAMAT CIPEDES NOMOR 800/5/2029", ""]
    for block in BLOCKS:
        lines.extend(_block(*block))
    path.write_text("\n".join(lines), encoding="utf-8")
    tree = import_decree(path).tree
    placed = {j.nama.upper(): (j.unit, j.atasan) for j in tree.jabatan}
    # under a head of that kelurahan, as the usual rules choose among them
    unit, atasan = placed["PENGELOLA DATA KELURAHAN SUKAMULYA"]
    assert unit == "Kelurahan Sukamulya"
    assert atasan in ("lurah-sukamulya", "kasi-pemerintahan-kelurahan-sukamulya")
    assert placed["PENGADMINISTRASI UMUM KELURAHAN CIBOGO"] == (
        "Kelurahan Cibogo",
        "sekretaris-kelurahan-cibogo",
    )
    assert placed["KASI PEMERINTAHAN KELURAHAN SUKAMULYA"] == (
        "Kelurahan Sukamulya",
        "lurah-sukamulya",
    )
    assert placed["PENGADMINISTRASI UMUM"] == ("Sekretariat Kecamatan", "sekretaris-kecamatan")
