"""The decree readers on layouts that misled them (notes/readers.md): invented decrees in
the blind decrees' styles, each failing before its fix."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

import docx

from pokin.decree import ImportResult, import_decree

from .decree_files import add_table
from .scripts import load_script

FULL = ["<"] * 5  # the rest of a row merged into its first cell


def _heading_rows(path: Path) -> Path:
    """A Keputusan Camat Sukaraharja in Word: each position's JABATAN / ATASAN LANGSUNG /
    TUGAS written as rows merged across the table, one long table for two positions."""
    d = docx.Document()
    d.add_paragraph("KEPUTUSAN CAMAT SUKARAHARJA")
    d.add_paragraph("INDIKATOR KINERJA INDIVIDU KECAMATAN SUKARAHARJA TAHUN 2026")
    head = ["No", "Sasaran Kinerja", "Indikator Kinerja", "Formulasi", "Satuan", "Target"]
    add_table(
        d,
        [
            ["JABATAN : CAMAT SUKARAHARJA", *FULL],
            ["TUGAS : Memimpin penyelenggaraan pemerintahan di wilayah kecamatan.", *FULL],
            head,
            ["1.", "Menurunnya prevalensi stunting", "Prevalensi stunting balita", "a/b", "%", "9"],
            ["", "", "Persentase balita ditimbang", "c/d", "%", "90"],
            ["JABATAN : SEKRETARIS KECAMATAN", *FULL],
            ["ATASAN LANGSUNG : CAMAT SUKARAHARJA", *FULL],
            ["TUGAS : Mengoordinasikan administrasi kecamatan.", *FULL],
            head,
            ["1.", "Meningkatnya realisasi PBB-P2", "Realisasi PBB-P2", "e/f", "%", "85"],
            ["2.", "Tertibnya arsip kecamatan", "Jumlah arsip tertata", "Jumlah", "berkas", "400"],
        ],
    )
    add_table(
        d,
        [
            ["JABATAN : PENGOLAH DATA DAN INFORMASI", *FULL],
            [
                "ATASAN LANGSUNG : KEPALA SUB BAGIAN PERENCANAAN EVALUASI DAN PELAPORAN KEUANGAN",
                *FULL,
            ],
            ["TUGAS : Mengolah data kinerja kecamatan.", *FULL],
            head,
            ["1.", "Tersedianya data kinerja", "Jumlah data diolah", "Jumlah", "data", "12"],
        ],
    )
    file = path / "sukaraharja.docx"
    d.save(str(file))
    return file


def test_word_heading_rows_merged_across_the_table(tmp_path: Path) -> None:
    """An "ATASAN LANGSUNG : X" row merged across a position's table names the superior:
    it opens no position and is no kinerja (defect 1 of notes/blind2.md)."""
    result = import_decree(_heading_rows(tmp_path))
    positions = [(j.nama, j.atasan, len(j.kinerja)) for j in result.tree.jabatan]
    assert positions == [
        ("Camat Sukaraharja", None, 1),
        ("Sekretaris Kecamatan", "camat-sukaraharja", 2),
        ("Pengolah Data dan Informasi", "sekretaris-kecamatan", 1),  # no such Kasubbag
    ]
    staff = result.tree.jabatan[2]
    assert [k.uraian for k in staff.kinerja] == ["Tersedianya data kinerja"]
    assert "«KEPALA SUB BAGIAN PERENCANAAN EVALUASI DAN PELAPORAN KEUANGAN»" in (
        staff.catatan or ""
    )  # the superior the decree names, kept for the planner
    assert result.skipped == []


# -- pdftotext -layout (tests/fixtures/readers/make_wiramarta.py) ---------------------------

READERS = Path(__file__).parent / "fixtures" / "readers"


def _source() -> ModuleType:
    """The invented decree's rows as written into its HTML (the truth the text came from)."""
    return load_script(READERS / "make_wiramarta.py")


_FIELDS = ("uraian", "formulasi", "satuan", "target", "sumber_data")


def _differences(result: ImportResult) -> list[str]:
    """Every field of the import that differs from the decree's source rows."""
    source, tree = _source(), result.tree
    wrong: list[str] = []

    def compare(where: str, got: str | None, want: str) -> None:
        if (got or "") != want:
            wrong.append(f"{where}: {got!r} != {want!r}")

    if len(tree.iku) != len(source.IKU) or len(tree.jabatan) != len(source.POSITIONS):
        return ["jumlah sasaran/jabatan"]
    written: list[tuple[str, Any, list[Any]]] = [
        ("IKU", s, r) for s, r in zip(tree.iku, source.IKU, strict=True)
    ]
    for jabatan, position in zip(tree.jabatan, source.POSITIONS, strict=True):
        if len(jabatan.kinerja) != len(position["kinerja"]):
            return [f"{jabatan.id}: {len(jabatan.kinerja)} kinerja"]
        pairs = zip(jabatan.kinerja, position["kinerja"], strict=True)
        written += [(jabatan.id, k, rows) for k, rows in pairs]
    for where, kinerja, (text, rows) in written:
        compare(f"{where} {kinerja.id}", kinerja.uraian, text)
        if len(kinerja.indikator) != len(rows):
            wrong.append(f"{kinerja.id}: {len(kinerja.indikator)} indikator")
            continue
        for indikator, row in zip(kinerja.indikator, rows, strict=True):
            fields = _FIELDS if where != "IKU" else _FIELDS[:4]
            for name, want in zip(fields, row, strict=False):
                compare(f"{indikator.id}.{name}", getattr(indikator, name), want)
    return wrong


def test_layout_columns_rowspan_headings_and_hyphens() -> None:
    """pdftotext -layout of a Chromium-printed decree (cells padded 9px): every kinerja,
    indicator and cell as written (defects 2-5 of notes/blind2.md): the centred "INDIKATOR
    KINERJA INDIVIDU" heading moves no column bound and is no formula's tail; a kinerja
    merged down beside its indicators and wrapped past the first one stays one kinerja;
    "pelatihan-" / "pelatihan" and "SIAGA-" / "112" join whole. Nothing to note."""
    result = import_decree(READERS / "wiramarta-2026.txt")
    assert _differences(result) == []
    assert (result.skipped, result.notes) == ([], [])
    sekretaris = result.tree.jabatan[1]
    assert sekretaris.kinerja[1].uraian == (
        "Terlaksananya pelatihan-pelatihan kesiapsiagaan bagi pegawai kantor"
    )


def test_layout_cells_run_together_are_cut_or_noted() -> None:
    """The same decree padded 3px: pdftotext sets some cells one space apart or pulls a
    word into the next column. Each such cell is cut where the next cell opens, or, where
    that cannot be told, the import notes the line, quoting how it read it: no word moves
    column unseen."""
    result = import_decree(READERS / "wiramarta-2026-rapat.txt")
    lines = (READERS / "wiramarta-2026-rapat.txt").read_text(encoding="utf-8").split("\n")
    noted = {line for line, _ in result.notes}
    assert noted == {6, 17, 34, 38}
    for line, note in result.notes:
        quoted = note.split("«")[1].split("»")[0]
        assert quoted in " ".join(lines[line - 1].split())  # the file's own line
    assert _differences(result) == [  # each on a noted line: 6 (IKU), 17, 34
        "S.1.i1.formulasi: 'Desa Destana dibagi seluruh desa % x 100%' != "
        "'Desa Destana dibagi seluruh desa x 100%'",
        "S.1.i1.satuan: None != '%'",
        "camat-wiramarta.k1.i1.formulasi: 'Desa Destana dibagi seluruh desa % x 100%' != "
        "'Desa Destana dibagi seluruh desa x 100%'",
        "camat-wiramarta.k1.i1.satuan: None != '%'",
        "sekretaris-kecamatan sekretaris-kecamatan.k1: 'Meningkatnya pemanfaatan naskah "
        "dinas elektronik melalui aplikasi Office' != 'Meningkatnya pemanfaatan naskah dinas "
        "elektronik melalui aplikasi e-Office'",
        "sekretaris-kecamatan.k1.i1.uraian: 'Persentase naskah dinas yang dikirim e- melalui "
        "e-Office' != 'Persentase naskah dinas yang dikirim melalui e-Office'",
    ]
    assert "Desa Destana dibagi seluruh desa %" in dict(result.notes)[6]


def test_a_page_break_adds_no_line(tmp_path: Path) -> None:
    """pdftotext opens each page's first line with a form feed: the lines the import names
    are the file's, in -layout text and in one-cell-per-line text alike (they were one
    line further per page break above)."""
    for name, at in (("pdf-cells-mekarjaya.txt", 44), ("pdf-layout-harapan.txt", 18)):
        text = (Path(__file__).parent / "fixtures" / "decrees" / name).read_text("utf-8")
        lines = text.split("\n")
        lines[at - 1] = "\f" + lines[at - 1]  # page 2 opens with this line
        file = tmp_path / name
        file.write_text("\n".join(lines), encoding="utf-8")
        tree = import_decree(file).tree
        title = next(n for n, line in enumerate(lines, 1) if n > at and "JABATAN" in line)
        assert f"Blok pada baris {title} di {name}" in (tree.jabatan[-1].catatan or "")


def test_a_heading_pokin_does_not_know_set_across_a_gutter(tmp_path: Path) -> None:
    """A heading centred over the page that no pattern names ("RINCIAN SASARAN PEGAWAI"
    where Wiramarta writes INDIKATOR KINERJA INDIVIDU) crosses the indicator/formula gutter
    without starting where indicator cells start: it ends the table, no formula's tail."""
    text = (READERS / "wiramarta-2026.txt").read_text(encoding="utf-8")
    file = tmp_path / "rincian.txt"
    file.write_text(text.replace("INDIKATOR KINERJA INDIVIDU", "RINCIAN SASARAN PEGAWAI   "))
    result = import_decree(file)
    assert _differences(result) == []
    assert not any("RINCIAN" in note for _, note in result.notes if "dibaca" in note)
