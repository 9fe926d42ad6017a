"""A whole-office matrix's "Atasan Langsung" column names each position's atasan.

Invented decree (Kecamatan Sukamulya, Kabupaten Cibatu, 2025) in the layout of a landscape
"Matriks Cascading": one table No | Jabatan | Atasan Langsung | Kinerja | Indikator |
Formulasi | Satuan | Target | Sumber Data, No / Jabatan / Atasan merged down over a
position's rows, split by a page break (the second table repeats the header, its first
rows' No / Jabatan / Atasan cells empty). Three staff positions have an atasan their names
do not give away (the guess from names puts them under the Sekretaris); one names a Kasi
the decree has no block for. The same table is read as Word, as an HTML table and a pipe
table in markdown, as ``pdftotext -layout`` text, and (per position) as tab text.
"""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Callable, Sequence
from pathlib import Path

import docx
import pytest

from pokin.cli import main
from pokin.decree import import_decree
from pokin.decree.columns import column_role, header_roles
from tests.decree_files import Cells, add_table

HEADER = [
    "No", "Jabatan", "Atasan Langsung", "Kinerja (Sasaran)", "Indikator Kinerja",
    "Formulasi", "Satuan", "Target", "Sumber Data",
]  # fmt: skip
# (no, jabatan, atasan, [(kinerja, [(indikator, formulasi, satuan, target, sumber)])])
Indicator = tuple[str, str, str, str, str]
POSITIONS: list[tuple[str, str, str, list[tuple[str, list[Indicator]]]]] = [
    ("1", "Camat Sukamulya", "Bupati Cibatu", [
        ("Meningkatnya kualitas pelayanan publik kecamatan", [
            ("Indeks kepuasan masyarakat", "Nilai rata-rata survei kepuasan", "indeks", "82",
             "Laporan SKM"),
            ("Persentase pengaduan yang selesai", "Pengaduan selesai dibagi pengaduan masuk x 100%",
             "%", "90", "Register pengaduan"),
        ]),
        ("Meningkatnya ketenteraman dan ketertiban umum", [
            ("Persentase gangguan trantibum yang tertangani",
             "Gangguan tertangani dibagi gangguan dilaporkan x 100%", "%", "95", "Laporan Trantib"),
        ]),
    ]),
    ("2", "Sekretaris Kecamatan", "Camat Sukamulya", [
        ("Meningkatnya akuntabilitas kinerja kecamatan", [
            ("Nilai evaluasi SAKIP kecamatan", "Nilai hasil evaluasi AKIP", "nilai", "70",
             "LHE AKIP"),
        ]),
    ]),
    ("3", "Kepala Sub Bagian Umum dan Kepegawaian", "Sekretaris Kecamatan", [
        ("Meningkatnya tertib administrasi kepegawaian", [
            ("Persentase pegawai yang menyusun SKP tepat waktu",
             "SKP tepat waktu dibagi jumlah pegawai x 100%", "%", "100", "Aplikasi e-Kinerja"),
        ]),
    ]),
    ("4", "Kepala Seksi Pelayanan Umum", "Camat Sukamulya", [
        ("Meningkatnya kecepatan layanan perizinan", [
            ("Persentase izin yang terbit tepat waktu",
             "Izin tepat waktu dibagi izin terbit x 100%", "%", "95", "Register perizinan"),
        ]),
    ]),
    ("5", "Pengolah Data dan Informasi", "Kepala Seksi Pelayanan Umum", [
        ("Tersedianya data layanan yang mutakhir", [
            ("Jumlah rekap data layanan bulanan", "Jumlah rekap yang disusun", "dokumen", "12",
             "Rekap data layanan"),
        ]),
        ("Terlayaninya permohonan informasi publik", [
            ("Persentase permohonan informasi yang dijawab",
             "Permohonan dijawab dibagi permohonan masuk x 100%", "%", "100", "Buku register PPID"),
        ]),
    ]),
    ("6", "Penata Layanan Operasional", "Kepala Sub Bagian Umum dan Kepegawaian", [
        ("Tertatanya arsip kepegawaian", [
            ("Persentase berkas pegawai yang tertata", "Berkas tertata dibagi berkas x 100%",
             "%", "100", "Daftar arsip"),
        ]),
    ]),
    ("7", "Pengadministrasi Perkantoran", "Kepala Seksi Ekonomi dan Pembangunan", [
        ("Tersusunnya laporan kegiatan pembangunan", [
            ("Jumlah laporan kegiatan yang tersusun", "Jumlah laporan", "laporan", "4",
             "Arsip laporan"),
        ]),
    ]),
]  # fmt: skip
BREAK_AFTER = ("Pengolah Data dan Informasi", 1)  # the page breaks after its first kinerja
EXPECTED = {
    "sekretaris-kecamatan": "camat-sukamulya",
    "kepala-sub-bagian-umum-dan-kepegawaian": "sekretaris-kecamatan",
    "kepala-seksi-pelayanan-umum": "camat-sukamulya",
    "pengolah-data-dan-informasi": "kepala-seksi-pelayanan-umum",
    "penata-layanan-operasional": "kepala-sub-bagian-umum-dan-kepegawaian",
}


def _tables(merge: str | None) -> list[list[Cells]]:
    """The matrix as data rows (no header), split in two at the page break: a merged cell
    is ``merge`` (``None`` for Word's vertical merge, ``""`` for an empty cell)."""
    tables: list[list[Cells]] = [[]]
    for no, jabatan, atasan, kinerja in POSITIONS:
        first = True
        for k, (sasaran, indicators) in enumerate(kinerja):
            if (jabatan, k) == BREAK_AFTER:
                tables.append([])
                first = True  # the continued position: No / Jabatan / Atasan left empty
                no = jabatan = atasan = ""
            for i, indicator in enumerate(indicators):
                head: list[str | None] = [no, jabatan, atasan] if first else [merge] * 3
                tables[-1].append([*head, sasaran if i == 0 else merge, *indicator])
                first = False
    return tables


def _docx(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("KEPUTUSAN CAMAT SUKAMULYA NOMOR 800/12/2025")
    document.add_paragraph("MATRIKS CASCADING KINERJA KECAMATAN SUKAMULYA TAHUN 2025")
    for rows in _tables(None):
        numbers = [f"({n})" for n in range(1, len(HEADER) + 1)]
        add_table(document, [HEADER, numbers, *rows])
        document.add_page_break()  # type: ignore[no-untyped-call]
    document.save(str(path))
    return path


def _atasan(path: Path) -> dict[str, str | None]:
    return {str(j.id): j.atasan for j in import_decree(path).tree.jabatan}


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("Atasan Langsung", "atasan"),
        ("ATASAN", "atasan"),
        ("Jabatan Atasan", "atasan"),
        ("Jabatan Atasan Langsung", "atasan"),
        ("Atasan Langsung (Jabatan)", "atasan"),
        ("Nama Jabatan Atasan", "atasan"),
        ("Jabatan Atasan Langsung (Eselon)", "atasan"),
        ("Nama Atasan", "lain"),  # a person's name, no position
        ("Kinerja Atasan", "kinerja_atasan"),
        ("Indikator Atasan yang Didukung", "kinerja_atasan"),
        ("Jabatan", "jabatan"),
    ],
)
def test_the_atasan_column_role(header: str, role: str) -> None:
    assert column_role(header) == role


def test_a_header_with_an_atasan_column_is_a_header() -> None:
    assert header_roles(HEADER) == [
        "no", "jabatan", "atasan", "kinerja", "indikator", "formulasi", "satuan", "target",
        "sumber_data",
    ]  # fmt: skip


def test_word_matrix_atasan_from_the_column(tmp_path: Path) -> None:
    atasan = _atasan(_docx(tmp_path / "sukamulya.docx"))
    assert {k: atasan[k] for k in EXPECTED} == EXPECTED
    assert atasan["camat-sukamulya"] is None  # "Bupati Cibatu" is outside the decree


def test_word_matrix_continued_position_keeps_its_atasan(tmp_path: Path) -> None:
    tree = import_decree(_docx(tmp_path / "sukamulya.docx")).tree
    staff = next(j for j in tree.jabatan if j.id == "pengolah-data-dan-informasi")
    assert [k.uraian for k in staff.kinerja] == [
        "Tersedianya data layanan yang mutakhir",
        "Terlayaninya permohonan informasi publik",
    ]
    assert len(tree.jabatan) == len(POSITIONS)


def test_word_matrix_atasan_naming_no_position_is_a_warning(tmp_path: Path) -> None:
    result = import_decree(_docx(tmp_path / "sukamulya.docx"))
    staff = next(j for j in result.tree.jabatan if j.id == "pengadministrasi-perkantoran")
    assert staff.atasan == "sekretaris-kecamatan"  # guessed from the name, and said so
    assert len(result.skipped) == 1
    warning = result.skipped[0]
    assert f"Blok pada baris {warning.line} " in (staff.catatan or "")  # the cell's row
    assert warning.text == "Kepala Seksi Ekonomi dan Pembangunan"
    assert warning.reason == (
        "kolom atasan jabatan Pengadministrasi Perkantoran: tidak ada satu blok jabatan pun "
        "dengan nama itu dalam keputusan ini; atasan disimpulkan dari nama jabatan: "
        "«Sekretaris Kecamatan»; periksa kolom atasannya"
    )
    assert "«Kepala Seksi Ekonomi dan Pembangunan» tidak dipakai" in (staff.catatan or "")
    # the Camat's atasan outside the decree is no warning: the Camat tops the tree
    assert [note for _, note in result.notes if "Bupati" in note] == [
        "Camat Sukamulya: atasan langsung «Bupati Cibatu» berada di luar keputusan ini: "
        "jabatan ini puncak pohonnya"
    ]


def test_cli_warns_of_an_atasan_naming_no_position(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _docx(tmp_path / "sukamulya.docx")
    assert main(["import", str(source), "-o", str(tmp_path / "out.yaml"), "-q"]) == 1
    err = capsys.readouterr().err
    assert f"peringatan: {source}:17: tidak diimpor (kolom atasan jabatan Pengadministrasi " in err


def _pipes(path: Path) -> Path:
    """The matrix as markdown pipe tables (a converter's output): merged cells empty."""
    lines = ["KEPUTUSAN CAMAT SUKAMULYA NOMOR 800/12/2025", ""]
    for rows in _tables(""):
        lines += ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
        lines += ["| " + " | ".join(c or "" for c in row) + " |" for row in rows]
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _html(path: Path) -> Path:
    """The matrix as HTML tables in markdown: a merged cell is a ``rowspan``."""
    lines = ["KEPUTUSAN CAMAT SUKAMULYA NOMOR 800/12/2025", ""]
    for rows in _tables(None):
        lines += ["<table>", "<tr>" + "".join(f"<th>{h}</th>" for h in HEADER) + "</tr>"]
        for r, row in enumerate(rows):
            cells = []
            for c, text in enumerate(row):
                if text is None:
                    continue  # under the rowspan of a cell above
                span = 1
                while r + span < len(rows) and rows[r + span][c] is None:
                    span += 1
                cells.append(
                    f'<td rowspan="{span}">{text}</td>' if span > 1 else f"<td>{text}</td>"
                )
            lines.append("<tr>" + "".join(cells) + "</tr>")
        lines += ["</table>", ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


_WIDTHS = (5, 22, 24, 26, 26, 26, 9, 8, 16)


def _layout(path: Path) -> Path:
    """The matrix as ``pdftotext -layout`` text: fixed-width columns, cells wrapped under
    themselves, a form feed and the header again at the page break."""
    pages = []
    for rows in _tables(""):
        lines = ["", "MATRIKS CASCADING KINERJA KECAMATAN SUKAMULYA TAHUN 2025", ""]
        lines += [_fixed(HEADER), ""]
        for row in rows:
            wrapped = [textwrap.wrap(c or "", w - 2) for c, w in zip(row, _WIDTHS, strict=True)]
            for k in range(max(len(w) for w in wrapped)):
                lines.append(_fixed([w[k] if k < len(w) else "" for w in wrapped]).rstrip())
            lines.append("")
        pages.append("\n".join(lines))
    path.write_text("\f".join(pages), encoding="utf-8")
    return path


def _fixed(cells: Sequence[str]) -> str:
    return "".join(c.ljust(w) for c, w in zip(cells, _WIDTHS, strict=True)).rstrip()


def _tab(path: Path) -> Path:
    """One block per position (Word "save as text"), its table with an atasan column."""
    lines = ["KEPUTUSAN CAMAT SUKAMULYA NOMOR 800/12/2025", ""]
    header = ["No", "Kinerja", "Indikator Kinerja", "Satuan", "Target", "Atasan Langsung"]
    for no, jabatan, atasan, kinerja in POSITIONS:
        lines += [f"{no}. JABATAN : {jabatan.upper()}", "\t".join(header)]
        for k, (sasaran, indicators) in enumerate(kinerja, 1):
            for i, (indikator, _, satuan, target, _) in enumerate(indicators):
                cells = [str(k) if i == 0 else "", sasaran if i == 0 else "", indikator]
                lines.append("\t".join([*cells, satuan, target, atasan if k == 1 else ""]))
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("write", "layout"),
    [(_pipes, "markdown"), (_html, "markdown"), (_layout, "pdf-layout"), (_tab, "tab")],
)
def test_text_layouts_read_the_atasan_column(
    tmp_path: Path, write: Callable[[Path], Path], layout: str
) -> None:
    result = import_decree(write(tmp_path / "sukamulya.txt"))
    assert result.layout == layout
    atasan = {str(j.id): j.atasan for j in result.tree.jabatan}
    assert len(atasan) == len(POSITIONS)
    assert {k: atasan[k] for k in EXPECTED} == EXPECTED
    assert atasan["camat-sukamulya"] is None
    assert atasan["pengadministrasi-perkantoran"] == "sekretaris-kecamatan"
    assert [s.text for s in result.skipped] == ["Kepala Seksi Ekonomi dan Pembangunan"]
    staff = next(j for j in result.tree.jabatan if j.id == "pengolah-data-dan-informasi")
    assert len(staff.kinerja) == 2


def test_a_cascading_matrix_level_with_an_atasan_column(tmp_path: Path) -> None:
    """In a matrix with a column pair per level, the row makes the level before the
    atasan; an "Atasan Langsung" column of a level says otherwise, and wins."""
    d = docx.Document()
    d.add_paragraph("MATRIKS CASCADING KECAMATAN SUKAMULYA")
    add_table(
        d,
        [
            ["CAMAT", "<", "KEPALA SEKSI / KASUBBAG", "<", "<", "STAF", "<", "<", "<"],
            ["Sasaran", "Indikator", "Jabatan", "Kinerja", "Indikator", "Jabatan",
             "Atasan Langsung", "Kinerja", "Indikator"],
            ["Meningkatnya ketertiban", "Persentase gangguan tertangani",
             "Kepala Seksi Trantib", "Meningkatnya penanganan gangguan", "Jumlah patroli",
             "Pengadministrasi Trantib", "Kepala Seksi Trantib", "Tersusunnya laporan patroli",
             "Jumlah laporan patroli"],
            ["Meningkatnya tata kelola kantor", "Persentase arsip tertata",
             "Kepala Sub Bagian Umum", "Tertatanya arsip kantor", "Jumlah arsip tertata",
             "Arsiparis", "Kepala Sub Bagian Umum", "Terdaftarnya arsip masuk",
             "Jumlah arsip terdaftar"],
            [None, None, None, None, None, "Pengolah Data Trantib", "Kepala Seksi Trantib",
             "Tersedianya data arsip gangguan", "Jumlah rekap arsip gangguan"],
            [None, None, None, None, None, "Pengadministrasi Umum", "-",
             "Tersusunnya agenda surat", "Jumlah agenda surat"],
        ],
    )  # fmt: skip
    file = tmp_path / "matriks.docx"
    d.save(str(file))
    tree = import_decree(file).tree
    assert [(j.nama, j.atasan) for j in tree.jabatan] == [
        ("Camat", None),
        ("Kepala Seksi Trantib", "camat"),
        ("Pengadministrasi Trantib", "kepala-seksi-trantib"),
        ("Kepala Sub Bagian Umum", "camat"),
        ("Arsiparis", "kepala-sub-bagian-umum"),
        ("Pengolah Data Trantib", "kepala-seksi-trantib"),  # the column, not the row
        ("Pengadministrasi Umum", "kepala-sub-bagian-umum"),  # "-": the row's level before
    ]
    pengolah = tree.jabatan[5]
    assert [t.ke for t in pengolah.kinerja[0].mendukung] == ["kepala-sub-bagian-umum.k1.i1"]


def test_an_atasan_cell_with_a_colon_is_reported_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the warning's reason is built from its parts, not cut out of the note at its first ": "
    written = "Kepala Seksi: Ekonomi dan Pembangunan"
    positions = [(p[0], p[1], written, *p[3:]) if p[0] == "7" else p for p in POSITIONS]
    monkeypatch.setattr(sys.modules[__name__], "POSITIONS", positions)
    result = import_decree(_docx(tmp_path / "sukamulya.docx"))
    assert [s.text for s in result.skipped] == [written]
    assert result.skipped[0].reason == (
        "kolom atasan jabatan Pengadministrasi Perkantoran: tidak ada satu blok jabatan pun "
        "dengan nama itu dalam keputusan ini; atasan disimpulkan dari nama jabatan: "
        "«Sekretaris Kecamatan»; periksa kolom atasannya"
    )
