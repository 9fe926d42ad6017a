"""SKP forms with a Target column and no Satuan column: "100 persen" is target and satuan.

The SKP form writes the unit in the Target cell ("100 persen", "71,25 nilai", "1.200
kali"). Without a Satuan column the number is the target and the short unit after it the
satuan; a longer text stays whole, and a table with a Satuan column is never split. The
content is invented, in the forms' style; read from tab text, markdown and Word alike.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from pokin import check
from pokin.decree import import_decree

from .decree_files import add_table

HEAD = ["KEPUTUSAN CAMAT SUKAMAJU", "TENTANG", "SASARAN KINERJA PEGAWAI TAHUN 2026", ""]
FOOT = ["", "Ditetapkan di Sukamaju", "CAMAT SUKAMAJU"]
RHK = "Meningkatnya kualitas pelayanan publik kecamatan"
NO_SATUAN = ["RENCANA HASIL KERJA", "ASPEK", "INDIKATOR KINERJA INDIVIDU", "TARGET"]
ROWS = [
    [RHK, "Kuantitas", "Persentase layanan PATEN selesai", "100 persen"],
    [RHK, "Kualitas", "Nilai SAKIP Kecamatan", "71,25 nilai"],
    [RHK, "Kuantitas", "Jumlah patroli wilayah", "1.200 kali"],
    [RHK, "Kualitas", "Persentase capaian vaksinasi", "100 persen dari target nasional"],
    [RHK, "Waktu", "Indeks Kepuasan Masyarakat", "85"],
]
WITH_SATUAN = ["RENCANA HASIL KERJA", "ASPEK", "INDIKATOR KINERJA INDIVIDU", "TARGET", "SATUAN"]
SATUAN_ROWS = [
    [RHK, "Kuantitas", "Persentase aduan ditangani", "90 persen", "-"],
    [RHK, "Kuantitas", "Jumlah laporan", "12 laporan", "laporan"],
]
Tables = list[tuple[str, list[str], list[list[str]]]]


def _text(tables: Tables, join: Callable[[list[str]], str], rule: bool) -> str:
    lines = list(HEAD)
    for n, (nama, header, rows) in enumerate(tables, 1):
        lines.append(f"{n}. JABATAN : {nama}")
        lines.append(join(header))
        if rule:
            lines.append("|" + "---|" * len(header))
        lines.extend(join(row) for row in rows)
        lines.append("")
    return "\n".join(lines + FOOT) + "\n"


def _tab(tables: Tables, tmp_path: Path) -> Path:
    path = tmp_path / "skp.txt"
    path.write_text(_text(tables, "\t".join, False), encoding="utf-8")
    return path


def _markdown(tables: Tables, tmp_path: Path) -> Path:
    path = tmp_path / "skp.md"
    path.write_text(_text(tables, lambda c: "| " + " | ".join(c) + " |", True), "utf-8")
    return path


def _word(tables: Tables, tmp_path: Path) -> Path:
    d = docx.Document()
    for line in HEAD:
        d.add_paragraph(line)
    for n, (nama, header, rows) in enumerate(tables, 1):
        d.add_paragraph(f"{n}. JABATAN : {nama}")
        add_table(d, [header, *rows])
    for line in FOOT:
        d.add_paragraph(line)
    path = tmp_path / "skp.docx"
    d.save(str(path))
    return path


WRITERS = pytest.mark.parametrize("write", [_tab, _markdown, _word], ids=["tab", "md", "docx"])


@WRITERS
def test_a_target_cell_with_its_unit_gives_target_and_satuan(
    write: Callable[[Tables, Path], Path], tmp_path: Path
) -> None:
    tree = import_decree(write([("CAMAT SUKAMAJU", NO_SATUAN, ROWS)], tmp_path)).tree
    got = [(i.target, i.satuan) for _, i in tree.iter_indikator()]
    assert got == [
        ("100", "persen"),
        ("71,25", "nilai"),
        ("1.200", "kali"),
        ("100 persen dari target nasional", None),  # a sentence, not a unit: kept whole
        ("85", None),
    ]
    # only the indicators whose cell had no unit are still without satuan
    assert len([f for f in check(tree) if f.code == "PK503"]) == 2


@WRITERS
def test_a_table_with_a_satuan_column_keeps_its_targets_whole(
    write: Callable[[Tables, Path], Path], tmp_path: Path
) -> None:
    tree = import_decree(write([("CAMAT SUKAMAJU", WITH_SATUAN, SATUAN_ROWS)], tmp_path)).tree
    got = [(i.target, i.satuan) for _, i in tree.iter_indikator()]
    assert got == [("90 persen", "-"), ("12 laporan", "laporan")]
