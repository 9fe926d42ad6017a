"""What a decree writes in a position block besides TUGAS, FUNGSI and the table is never
dropped without a word (QA5, "left"): a paragraph below the table is kept in the
position's catatan with its line, and an import note names the line; a TUGAS written below
the table is the position's tugas; the decree's own running heads ("Lanjutan", "LAMPIRAN
..."), header fields and signature block are no text of a position. Invented decree:
Kecamatan Sukamanah."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from pokin.decree import import_decree

from .decree_files import add_table

HEAD = ["No", "Kinerja", "Indikator Kinerja", "Formulasi", "Satuan", "Target"]
NOTE = "Target 2026 menyesuaikan hasil survei kepuasan masyarakat tahun 2025."
LATE = "Mengoordinasikan urusan umum, kepegawaian dan keuangan kecamatan."


def _paragraphs(kind: str) -> list[str | list[list[str]]]:
    """The decree as paragraphs (str) and tables (lists of rows), in order."""
    camat = [
        HEAD,
        [
            "1",
            "Meningkatnya kualitas pelayanan publik",
            "Indeks kepuasan masyarakat",
            "Rata-rata nilai survei",
            "indeks",
            "82,5",
        ],
    ]
    sekcam = [
        HEAD,
        [
            "1",
            "Tertibnya administrasi keuangan",
            "Persentase SPJ tepat waktu",
            "SPJ tepat waktu / seluruh SPJ × 100%",
            "%",
            "95",
        ],
    ]
    return [
        "KEPUTUSAN CAMAT SUKAMANAH NOMOR 800/7/2026",
        "LAMPIRAN KEPUTUSAN CAMAT SUKAMANAH",
        "JABATAN : CAMAT SUKAMANAH",
        "TUGAS : Memimpin penyelenggaraan pemerintahan di Kecamatan Sukamanah.",
        camat,
        NOTE,
        "Lanjutan",
        "JABATAN : SEKRETARIS KECAMATAN",
        sekcam,
        f"TUGAS : {LATE}" if kind == "late-tugas" else "NIP : -",
        "Ditetapkan di Sukamanah",
        "pada tanggal 5 Januari 2026",
        "CAMAT SUKAMANAH,",
        "Drs. H. ASEP SUPRIATNA, M.Si.",
    ]


def _docx(tmp_path: Path, kind: str) -> Path:
    document = docx.Document()
    for part in _paragraphs(kind):
        if isinstance(part, str):
            document.add_paragraph(part)
        else:
            add_table(document, [list(row) for row in part])
    path = tmp_path / "iki.docx"
    document.save(str(path))
    return path


def _markdown(tmp_path: Path, kind: str) -> Path:
    lines = []
    for part in _paragraphs(kind):
        if isinstance(part, str):
            lines += [f"**{part}**" if part.startswith("JABATAN") else part, ""]
        else:
            rows = ["| " + " | ".join(row) + " |" for row in part]
            lines += [rows[0], "|" + "---|" * len(part[0]), *rows[1:], ""]
    path = tmp_path / "iki.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


@pytest.mark.parametrize("form", ["docx", "md"])
@pytest.mark.parametrize("kind", ["note", "late-tugas"])
def test_a_paragraph_below_the_table_is_kept_and_said(tmp_path: Path, kind: str, form: str) -> None:
    path = _docx(tmp_path, kind) if form == "docx" else _markdown(tmp_path, kind)
    # a .docx counts the table's rows as lines (5 and 6); a text file its own lines
    line = 7 if form == "docx" else path.read_text().split("\n").index(NOTE) + 1
    result = import_decree(path)
    camat, sekretaris = result.tree.jabatan
    assert camat.catatan is not None
    assert f"(baris {line}): {NOTE}" in camat.catatan
    assert any(at == line and "CAMAT SUKAMANAH" in note for at, note in result.notes)
    for jabatan in (camat, sekretaris):  # running heads and the signature are no text of it
        for furniture in ("Lanjutan", "LAMPIRAN", "Ditetapkan", "ASEP", "NIP"):
            assert furniture not in (jabatan.catatan or "")
    assert sekretaris.tugas == (LATE if kind == "late-tugas" else None)
    assert [len(j.kinerja) for j in result.tree.jabatan] == [1, 1]
    assert not result.skipped
