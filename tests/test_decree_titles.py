"""A JABATAN title opens its block the same way in every reader (one helper,
``marks.titled_block``): the " :" or sentence period a title line ends with is no part of
the name, an abbreviation's period is, and a "(JFU)" label is the block's jenis.
Invented decree: Kecamatan Sukawangi, as tab text, markdown and plain PDF text."""

from __future__ import annotations

from pathlib import Path

import pytest

from pokin.decree import import_decree

TITLES = ["KEPALA SEKSI PEMERINTAHAN.", "PENGADMINISTRASI UMUM (JFU) :", "KASUBBAG UMUM DAN KEPEG."]
NAMES = ["Kepala Seksi Pemerintahan", "Pengadministrasi Umum", "Kasubbag Umum dan Kepeg."]

ROW = ("Tertibnya administrasi", "Jumlah surat tercatat", "Jumlah surat", "Buku agenda")


def _tab() -> str:
    lines = ["INDIKATOR KINERJA INDIVIDU", "KECAMATAN SUKAWANGI TAHUN 2026", ""]
    for n, title in enumerate(TITLES, 1):
        lines += [f"{n}. JABATAN : {title}", "KINERJA\tINDIKATOR\tFORMULASI\tSUMBER DATA"]
        lines += ["\t".join(ROW), ""]
    return "\n".join(lines)


def _markdown() -> str:
    lines = ["# KEPUTUSAN CAMAT SUKAWANGI", ""]
    for title in TITLES:
        lines += [f"**JABATAN : {title}**", ""]
        lines += ["| Kinerja | Indikator | Formulasi | Sumber Data |", "|---|---|---|---|"]
        lines += ["| " + " | ".join(ROW) + " |", ""]
    return "\n".join(lines)


def _pdf_text() -> str:
    lines = ["INDIKATOR KINERJA INDIVIDU KECAMATAN SUKAWANGI", ""]
    for n, title in enumerate(TITLES, 1):
        lines += [
            f"{n}. JABATAN : {title}",
            "KINERJA UTAMA INDIKATOR KINERJA UTAMA FORMULASI PERHITUNGAN/ PENJELASAN SUMBER DATA",
            "1 2 3 4",
            "",
        ]
        lines += [
            "Tertibnya administrasi",
            "",
            "Jumlah surat tercatat Jumlah surat",
            "",
            "Buku agenda",
            "",
        ]
    return "\n".join(lines)


@pytest.mark.parametrize(
    ("name", "write"), [("k.txt", _tab), ("k.md", _markdown), ("p.txt", _pdf_text)]
)
def test_titles_end_the_same_in_every_reader(tmp_path: Path, name: str, write: object) -> None:
    path = tmp_path / name
    path.write_text(write(), encoding="utf-8")  # type: ignore[operator]
    result = import_decree(path)
    assert [j.nama for j in result.tree.jabatan] == NAMES
