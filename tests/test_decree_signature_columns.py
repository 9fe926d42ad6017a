"""A signature in two columns (QA8 A2): "Mengetahui, / KEPALA BAGIAN ORGANISASI / name /
NIP" beside the Camat's place and date, office, name and NIP. The Camat signs the decree;
the other official only acknowledges it. Invented Kecamatan Pagerwojo Kidul decrees, as a
Word table (a line a cell, a side a cell, the date across both columns, the sides swapped)
and as tab text."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from pokin.decree import import_decree

from .decree_files import add_table

HEAD = [
    "KEPUTUSAN CAMAT PAGERWOJO KIDUL",
    "TENTANG",
    "INDIKATOR KINERJA INDIVIDU TAHUN 2027",
    "",
    "1. JABATAN : CAMAT PAGERWOJO KIDUL",
    "2. TUGAS : Memimpin penyelenggaraan pemerintahan kecamatan.",
]
TABLE = [
    ["No", "Kinerja", "Indikator Kinerja", "Formulasi", "Sumber Data", "Satuan", "Target"],
    ["1", "Meningkatnya pelayanan publik", "Indeks kepuasan masyarakat", "Survei IKM",
     "Laporan SKM", "indeks", "84"],
]  # fmt: skip
KNOWING = ["Mengetahui,", "KEPALA BAGIAN ORGANISASI SETDA", "Ir. WAHYU SANTOSO, M.T.",
           "NIP. 19720311 199803 1 004"]  # fmt: skip
SIGNING = ["Pagerwojo Kidul, 12 Januari 2027", "CAMAT PAGERWOJO KIDUL,",
           "Drs. RAHMAT HIDAYAT, M.Si", "NIP. 19750817 199603 1 001"]  # fmt: skip
SIGNED = ("2027-01-12", "Drs. RAHMAT HIDAYAT, M.Si")


def _word(tmp_path: Path, rows: list[list[str]], *, merge_first: bool = False) -> Path:
    document = docx.Document()
    for line in HEAD:
        document.add_paragraph(line)
    add_table(document, TABLE)
    document.add_paragraph("")
    signature = document.add_table(rows=len(rows), cols=2)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            signature.cell(r, c).text = text
    if merge_first:
        signature.cell(0, 0).merge(signature.cell(0, 1)).text = rows[0][0]
    path = tmp_path / "pagerwojo.docx"
    document.save(str(path))
    return path


def _signed(path: Path) -> tuple[str | None, str | None]:
    dokumen = import_decree(path).tree.organisasi.dokumen
    assert dokumen is not None
    return (str(dokumen.tanggal) if dokumen.tanggal else None, dokumen.penandatangan)


def test_word_a_line_a_cell_knowing_on_the_left(tmp_path: Path) -> None:
    rows = [list(pair) for pair in zip(KNOWING, SIGNING, strict=True)]
    assert _signed(_word(tmp_path, rows)) == SIGNED


def test_word_the_sides_swapped(tmp_path: Path) -> None:
    rows = [list(pair) for pair in zip(SIGNING, KNOWING, strict=True)]
    assert _signed(_word(tmp_path, rows)) == SIGNED


def test_word_one_cell_a_side(tmp_path: Path) -> None:
    rows = [["\n".join(KNOWING), "\n".join(SIGNING)]]
    assert _signed(_word(tmp_path, rows)) == SIGNED


def test_word_the_date_across_both_columns(tmp_path: Path) -> None:
    """The place and date merged over both sides: the other official's block is passed
    over, down to its NIP."""
    rows = [
        [SIGNING[0], ""],
        [KNOWING[0], ""],
        *([k, s] for k, s in zip(KNOWING[1:], SIGNING[1:], strict=True)),
    ]
    assert _signed(_word(tmp_path, rows, merge_first=True)) == SIGNED


@pytest.mark.parametrize("gap", ["\t", "\t\t"])
def test_tab_text_side_by_side(tmp_path: Path, gap: str) -> None:
    lines = [*HEAD, "", *("\t".join(row) for row in TABLE), ""]
    lines += [f"{k}{gap}{s}" for k, s in zip(KNOWING, SIGNING, strict=True)]
    path = tmp_path / "pagerwojo.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert _signed(path) == SIGNED


def test_tab_text_a_signature_under_the_knowing_block(tmp_path: Path) -> None:
    """One column only, the acknowledging official first: still the Camat's name."""
    lines = [*HEAD, "", *("\t".join(row) for row in TABLE), ""]
    lines += [SIGNING[0], *KNOWING, "", *SIGNING[1:]]
    path = tmp_path / "pagerwojo.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert _signed(path) == SIGNED


@pytest.mark.parametrize("gap", ["\t", "\t\t\t"])
def test_word_paragraphs_with_tabs_between_the_sides(tmp_path: Path, gap: str) -> None:
    """The two signatures typed as paragraphs, a tab (or three) between the sides."""
    document = docx.Document()
    for line in HEAD:
        document.add_paragraph(line)
    add_table(document, TABLE)
    for knowing, signing in zip(KNOWING, SIGNING, strict=True):
        document.add_paragraph(f"{knowing}{gap}{signing}")
    path = tmp_path / "pagerwojo.docx"
    document.save(str(path))
    assert _signed(path) == SIGNED


def test_tab_text_the_sides_staggered(tmp_path: Path) -> None:
    """The acknowledging side starts a line higher, the date alone in its cell, and the
    space for the signature left blank on one side only: each side still reads down its
    own cell, never the other side's text."""
    lines = [*HEAD, "", *("\t".join(row) for row in TABLE), ""]
    lines += [
        f"{KNOWING[0]}\t",
        f"\t{SIGNING[0]}",
        f"{KNOWING[1]}\t{SIGNING[1]}",
        f"{KNOWING[2]}\t",
        f"\t{SIGNING[2]}",
        f"{KNOWING[3]}\t{SIGNING[3]}",
    ]
    path = tmp_path / "pagerwojo.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert _signed(path) == SIGNED
