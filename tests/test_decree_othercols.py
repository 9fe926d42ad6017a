"""A column pokin has no field for is kept, and a known label written letter-spaced or
hyphenated is still known (QA7 #5), in every reader that reads columns by role: tab text,
markdown pipe and HTML tables, Word and office Excel. Invented decree: Kecamatan
Tegalsari Kidul."""

from __future__ import annotations

from pathlib import Path

import docx
from openpyxl import Workbook

from pokin.decree import import_decree

from .decree_files import add_table

LABELS = ["No", "K I N E R J A", "Indikator Kinerja", "Formulasi", "SUMBER  DA-TA", "Satuan"]
ROWS = [
    ["1.", "Meningkatnya tertib arsip", "Persentase arsip tertata", "Tertata / total x 100%",
     "Register arsip", "persen", "90", "dicek tiap semester"],
    ["2.", "Meningkatnya layanan surat", "Jumlah surat selesai", "Jumlah surat", "Agenda surat",
     "surat", "1.500", ""],
]  # fmt: skip
TITLE = "JABATAN : KEPALA SUB BAGIAN UMUM"


def _check(path: Path, *, target_label: str = "Target") -> None:
    result = import_decree(path)
    (jabatan,) = result.tree.jabatan
    kinerja = [k.uraian for k in jabatan.kinerja]
    assert kinerja == ["Meningkatnya tertib arsip", "Meningkatnya layanan surat"], path.name
    first, second = (k.indikator[0] for k in jabatan.kinerja)
    assert first.uraian == "Persentase arsip tertata"
    assert [first.target, second.target] == ["90", "1.500"], path.name
    assert "Pemeriksaan Internal: dicek tiap semester" in (first.catatan or ""), path.name
    assert "Pemeriksaan" not in (second.catatan or "")
    said = [n for _, n in result.notes if "Pemeriksaan" in n]
    assert said == [
        "kolom «Pemeriksaan Internal» tidak dikenal pokin: isinya disimpan di catatan "
        "indikator tiap baris"
    ], path.name


def test_tab_text(tmp_path: Path) -> None:
    header = [*LABELS, "Target", "PEMERIKSAAN INTERNAL"]
    lines = [TITLE, "TUGAS : Mengelola urusan umum.", "\t".join(header)]
    lines += ["\t".join(row) for row in ROWS]
    path = tmp_path / "tegalsari.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _check(path)


def test_markdown_pipe_and_html(tmp_path: Path) -> None:
    header = [*LABELS, "Target", "PEMERIKSAAN INTERNAL"]
    pipe = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    pipe += ["| " + " | ".join(row) + " |" for row in ROWS]
    path = tmp_path / "pipe.md"
    path.write_text(f"## {TITLE}\n\nTUGAS : Mengelola urusan umum.\n\n" + "\n".join(pipe) + "\n")
    _check(path)
    cells = ["<tr>" + "".join(f"<th>{h}</th>" for h in header) + "</tr>"]
    cells += ["<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in ROWS]
    html = tmp_path / "html.md"
    html.write_text(f"## {TITLE}\n\n<table>\n" + "\n".join(cells) + "\n</table>\n")
    _check(html)


def test_word_with_a_label_wrapped_in_its_cell(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph(TITLE)
    d.add_paragraph("TUGAS : Mengelola urusan umum.")
    labels = [*LABELS[:2], "INDI-KATOR KINERJA", *LABELS[3:], "Targe\nt", "Pemeriksaan Internal"]
    add_table(d, [labels, *ROWS])
    path = tmp_path / "tegalsari.docx"
    d.save(str(path))
    _check(path)


def test_office_excel(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append([TITLE])
    ws.append([*LABELS, "T A R G E T", "Pemeriksaan Internal"])
    for row in ROWS:
        ws.append(row)
    path = tmp_path / "tegalsari.xlsx"
    wb.save(str(path))
    _check(path)
