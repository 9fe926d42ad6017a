from __future__ import annotations

import os
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet
from pydantic import ValidationError

import pokin
import pokin.excel
import pokin.excel.rowxml
from pokin import PohonKinerja, PokinFileError
from pokin.excel import SheetError, export_xlsx, read_xlsx

from .conftest import jab, make
from .test_io import _TEXT

MATRIKS = "Matriks Cascading"


def full(data: dict[str, Any]) -> None:
    """Every field of the model filled in, at every level."""
    data["organisasi"].update(
        periode="2021-2026",
        catatan="catatan organisasi\nbaris dua",
        dokumen={
            "judul": "IKI Kecamatan Contoh",
            "nomor": "800/001/100.21",
            "tanggal": "2024-01-03",
            "penandatangan": "Drs. A, M.Si",
            "sumber": "iki.txt",
        },
    )
    data["iku"] = [
        {
            "id": "S.1",
            "uraian": "Meningkatnya kualitas pelayanan publik",
            "indikator": [
                {"id": "I.K.S.1.1", "uraian": "Nilai SKM", "target": "82", "realisasi": "80"},
                {"id": "I.K.S.1.2", "uraian": "Waktu layanan", "polaritas": "turun"},
            ],
        },
        {"id": "S.2", "uraian": "Sasaran tanpa indikator"},
    ]
    camat = jab(data, "camat")
    camat.update(eselon="III.a", tugas="Memimpin\nkecamatan", fungsi=["Satu", "Dua"])
    camat.update(catatan="catatan camat", inferensi=["atasan", "unit"])
    kinerja = camat["kinerja"][0]
    kinerja.update(catatan="catatan kinerja", mendukung=["I.K.S.1.1", "S.1"])
    kinerja["indikator"][0].update(
        realisasi="81,35", catatan="catatan indikator", polaritas="turun"
    )
    kinerja["indikator"][1]["mendukung"] = [
        {"ke": "I.K.S.1.2", "asal": "inferensi", "skor": 0.82, "alasan": "mirip\nsekali"}
    ]
    camat["kinerja"].append({"id": "camat.k2", "uraian": "Kinerja tanpa indikator"})
    jab(data, "sekretaris")["kinerja"][0]["mendukung"] = [
        "camat.k1.i1",
        {"ke": "camat.k1.i2", "asal": "inferensi", "skor": 0.5, "status": "ditolak"},
        {"ke": "camat.k1.i1", "alasan": "dua kali, dengan alasan"},
    ]
    jab(data, "kasi")["kinerja"][0]["mendukung"] = [
        {"ke": "camat.k1.i2", "asal": "inferensi", "skor": 1.0, "status": "diterima"}
    ]
    data["jabatan"].append(
        {"id": "bendahara", "nama": "Bendahara", "peran": "bendahara", "atasan": "sekretaris"}
    )


def round_trip(tree: PohonKinerja, tmp_path: Path) -> PohonKinerja:
    return read_xlsx(export_xlsx(tree, tmp_path / "m.xlsx"))


def edit(path: Path, change: Callable[[Workbook], None]) -> Path:
    """A copy of the workbook at ``path`` (same name, new folder), changed as a planner would."""
    workbook = openpyxl.load_workbook(path)
    change(workbook)
    folder = path.parent / f"edit{len(list(path.parent.glob('edit*')))}"
    folder.mkdir()
    workbook.save(folder / path.name)
    return folder / path.name


def column(sheet: Worksheet, header: str) -> int:
    return int(next(c.column for c in sheet[1] if c.value == header))


def error_of(path: Path) -> PokinFileError:
    with pytest.raises(PokinFileError) as caught:
        read_xlsx(path)
    return caught.value


# -- round trips ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted({"sambutan-2023", *pokin.datasets.names()}))
def test_bundled_datasets_round_trip_losslessly(tmp_path: Path, name: str) -> None:
    tree = pokin.datasets.load(name)
    back = round_trip(tree, tmp_path)
    assert pokin.dumps(back) == pokin.dumps(tree)
    assert back == tree


def test_every_field_survives(tmp_path: Path) -> None:
    tree = make(full)
    back = round_trip(tree, tmp_path)
    assert pokin.dumps(back) == pokin.dumps(tree)
    assert back == tree
    links = back.jabatan[1].kinerja[0].mendukung
    assert [(lk.ke, lk.asal, lk.status) for lk in links] == [
        ("camat.k1.i1", "deklarasi", None),
        ("camat.k1.i2", "inferensi", "ditolak"),
        ("camat.k1.i1", "deklarasi", None),
    ]
    assert back.jabatan[0].kinerja[0].indikator[1].mendukung[0].alasan == "mirip\nsekali"
    assert back.iku[1].indikator == []
    assert back.jabatan[0].kinerja[1].indikator == []
    assert back.jabatan[-1].kinerja == []


TRICKY = [
    "=SUM(A1:A3)",
    "=1+1",
    "<p>Jumlah &amp; <b>persentase</b></p> & lain-lain",
    "kata \"kutip\" dan 'kutip'",
    "081",
    "81,35",
    "1.000",
    "2023-01-03",
    "TRUE",
    "+62 812",
    "-5",
    "@rumus",
    "baris satu\nbaris dua\n\nbaris empat",
    "$\\frac{a}{b} \\times 100\\%$ {kurung}",
]


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_texts_stay_texts(tmp_path: Path, text: str) -> None:
    def put(data: dict[str, Any]) -> None:
        ind = jab(data, "staf")["kinerja"][0]["indikator"][0]
        ind.update(uraian=text, formulasi=text, target=text, realisasi=text, satuan=text)
        jab(data, "staf")["tugas"] = text
        jab(data, "staf")["kinerja"][0]["catatan"] = text

    tree = make(put)
    path = export_xlsx(tree, tmp_path / "m.xlsx")
    assert pokin.dumps(read_xlsx(path)) == pokin.dumps(tree)
    cell = openpyxl.load_workbook(path)[MATRIKS]["L6"]
    assert (cell.value, cell.data_type) == (text, "s")
    with zipfile.ZipFile(path) as archive:
        assert b"<f>" not in archive.read("xl/worksheets/sheet1.xml")  # never a formula


def test_spaces_around_texts_are_trimmed_like_yaml(tmp_path: Path) -> None:
    path = export_xlsx(make(), tmp_path / "m.xlsx")

    def pad(workbook: Workbook) -> None:
        sheet = workbook[MATRIKS]
        sheet.cell(6, column(sheet, "Indikator")).value = "  Jumlah surat  "
        sheet.cell(6, column(sheet, "Target")).value = " 081 "

    ind = read_xlsx(edit(path, pad)).jabatan[3].kinerja[0].indikator[0]
    assert (ind.uraian, ind.target) == ("Jumlah surat", "081")


_LINES = st.lists(_TEXT, min_size=1, max_size=3).map("\n".join)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(uraian=_TEXT, formulasi=_LINES, catatan=_LINES, target=_TEXT, tugas=_LINES)
def test_round_trip_survives_any_text(
    tmp_path: Path, uraian: str, formulasi: str, catatan: str, target: str, tugas: str
) -> None:
    def put(data: dict[str, Any]) -> None:
        ind = jab(data, "staf")["kinerja"][0]["indikator"][0]
        ind.update(uraian=uraian, formulasi=formulasi, target=target, catatan=catatan)
        jab(data, "staf")["tugas"] = tugas
        jab(data, "kasi")["kinerja"][0]["uraian"] = uraian

    try:
        tree = make(put)
    except ValueError:
        return  # a text that collides with another indicator's is not what this tests
    assert pokin.dumps(round_trip(tree, tmp_path)) == pokin.dumps(tree)


# -- what the planner sees ------------------------------------------------------------------


def test_matrix_is_formatted_for_reading(tmp_path: Path) -> None:
    tree = pokin.datasets.load("sambutan-2023")
    workbook = openpyxl.load_workbook(export_xlsx(tree, tmp_path / "m.xlsx"))
    assert workbook.sheetnames == [
        MATRIKS,
        "Jabatan",
        "Tautan",
        "Organisasi",
        "Petunjuk",
        "Isi Ekspor",  # hidden: what was exported, to name the rows a planner deletes
        "Pilihan Tautan",  # hidden: the link column's drop-down lists
    ]
    sheet = workbook[MATRIKS]
    assert sheet.freeze_panes == "A2"
    assert all(cell.font.b for cell in sheet[1])
    assert sheet.column_dimensions["L"].width == 42
    assert sheet.column_dimensions["A"].width == 7
    n_rows = sum(max(len(k.indikator), 1) for _, k in tree.iter_kinerja()) + sum(
        1 for j in tree.jabatan if not j.kinerja
    )
    assert sheet.max_row == n_rows + 1
    assert sheet.auto_filter.ref == f"A1:AD{n_rows + 1}"  # level hasil, periods, Saran Tautan
    assert sheet["L2"].alignment.wrap_text
    assert sheet["L1"].value == "Indikator"
    # copied and computed columns have a grey header, data columns a blue one
    assert sheet["A1"].fill.fgColor.rgb != sheet["C1"].fill.fgColor.rgb
    assert workbook["Jabatan"].freeze_panes == "A2"


def test_one_row_per_indicator_with_derived_columns(tmp_path: Path) -> None:
    tree = make(full)
    sheet = openpyxl.load_workbook(export_xlsx(tree, tmp_path / "m.xlsx"))[MATRIKS]
    rows = {r[2]: r for r in sheet.iter_rows(min_row=2, values_only=True) if r[2] != "camat"}
    header = [c.value for c in sheet[1]]
    row = dict(zip(header, rows["sekretaris"], strict=True))
    assert row["Level"] == 2
    assert row["Kinerja Mendukung (ID)"] == "camat.k1.i1\ncamat.k1.i2\ncamat.k1.i1"
    assert row["Indikator Atasan yang Didukung"].splitlines() == [
        "camat.k1.i1: Persentase layanan selesai tepat waktu",
        "camat.k1.i2: Indeks kepuasan masyarakat [ditolak]",
        "camat.k1.i1: Persentase layanan selesai tepat waktu",
    ]
    assert row["Asal Tautan"].splitlines()[1] == "inferensi, ditolak, skor 0.5"
    camat = [r for r in sheet.iter_rows(min_row=2, values_only=True) if r[2] == "camat"]
    first = dict(zip(header, camat[0], strict=True))
    assert first["Capaian"] == "118,7%"  # polaritas turun: (2 x 100 - 81,35) / 100
    assert dict(zip(header, camat[2], strict=True))["Indikator"] is None  # kinerja k2
    bendahara = dict(zip(header, rows["bendahara"], strict=True))
    assert bendahara["Kinerja"] is None
    assert "PK401" in bendahara["Kode Temuan"]


def test_finding_codes_come_from_the_findings_given(tmp_path: Path) -> None:
    tree = make(lambda d: jab(d, "staf")["kinerja"][0]["indikator"][0].pop("formulasi"))

    def codes(findings: pokin.Findings | None) -> list[Any]:
        path = export_xlsx(tree, tmp_path / "m.xlsx", findings=findings)
        sheet = openpyxl.load_workbook(path)[MATRIKS]
        rows = list(sheet.iter_rows(values_only=True))
        column = rows[0].index("Kode Temuan")
        return [r[column] for r in rows[1:]]

    assert codes(None) == [None, None, None, None, "PK501"]  # pokin.check runs
    assert codes(pokin.check(tree, select="PK4")) == [None] * 5


# -- a workbook a planner edited ------------------------------------------------------------


def test_planner_edits_are_read_back(tmp_path: Path) -> None:
    tree = make(full)
    path = export_xlsx(tree, tmp_path / "m.xlsx")

    def planner(workbook: Workbook) -> None:
        sheet = workbook[MATRIKS]
        col = {c.value: c.column for c in sheet[1]}
        staf = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 3).value == "staf")
        sheet.cell(staf, col["Indikator"]).value = "Jumlah surat masuk yang dicatat"
        sheet.cell(staf, col["Kinerja Mendukung (ID)"]).value = "sekretaris.k1.i1\ncamat.k1.i1"
        sheet.cell(staf, col["Capaian"]).value = "diabaikan"  # derived: ignored
        sheet.cell(staf, col["Jabatan"]).value = "diabaikan"  # a copy: ignored
        values = [c.value for c in sheet[staf]]
        sheet.insert_rows(staf + 1, 5)
        new_rows = [
            {"ID Indikator": None, "Indikator": "Jumlah surat keluar"},  # same kinerja
            {},  # an empty row in the middle: skipped
            {"ID Kinerja": None, "Kinerja": "Tertibnya arsip", "ID Indikator": None,
             "Indikator": "Persentase arsip tertata", "Kinerja Mendukung (ID)": None},
            {"ID Kinerja": None, "Kinerja": "Tertibnya arsip", "ID Indikator": None,
             "Indikator": "Jumlah arsip digital", "Kinerja Mendukung (ID)": None},
            {"ID Kinerja": None, "Kinerja": None, "ID Indikator": None,
             "Indikator": "Jumlah boks arsip", "Kinerja Mendukung (ID)": None},
        ]  # fmt: skip
        for offset, change in enumerate(new_rows, 1):
            for number, value in enumerate(values, 1):
                if change:
                    sheet.cell(staf + offset, number).value = value
            for header, value in change.items():
                sheet.cell(staf + offset, col[header]).value = value
        tautan = workbook["Tautan"]
        for row in tautan.iter_rows(min_row=2):
            if row[0].value == "camat.k1.i2":
                row[6].value = "Diterima"  # status, in the planner's casing

    back = read_xlsx(edit(path, planner))
    staf = back.get_jabatan("staf")
    assert staf.nama == "Pengadministrasi Umum"
    assert [k.uraian for k in staf.kinerja] == [
        "Persentase dokumen administrasi selesai",
        "Tertibnya arsip",
    ]
    first, second = staf.kinerja
    assert [(i.id, i.uraian) for i in first.indikator] == [
        ("staf.k1.i1", "Jumlah surat masuk yang dicatat"),
        ("staf.k1.i2", "Jumlah surat keluar"),
    ]
    assert [lk.ke for lk in first.mendukung] == ["sekretaris.k1.i1", "camat.k1.i1"]
    assert second.id == "staf.k2"
    assert [i.uraian for i in second.indikator] == [
        "Persentase arsip tertata",
        "Jumlah arsip digital",
        "Jumlah boks arsip",
    ]
    assert [i.id for i in second.indikator] == ["staf.k2.i1", "staf.k2.i2", "staf.k2.i3"]
    copied = "rumus Jumlah surat yang dicatat / jumlah seluruhnya"
    assert second.indikator[0].formulasi == copied  # copied row
    link = back.get_jabatan("camat").kinerja[0].indikator[1].mendukung[0]
    assert (link.asal, link.status, link.skor) == ("inferensi", "diterima", 0.82)


def test_a_changed_parent_becomes_a_declaration(tmp_path: Path) -> None:
    path = export_xlsx(make(full), tmp_path / "m.xlsx")

    def relink(workbook: Workbook) -> None:
        sheet = workbook[MATRIKS]
        cell = sheet.cell(6, column(sheet, "Kinerja Mendukung (ID)"))
        assert cell.value == "camat.k1.i2"  # the kasi's accepted proposal
        cell.value = "camat.k1.i1"

    link = read_xlsx(edit(path, relink)).get_jabatan("kasi").kinerja[0].mendukung[0]
    assert (link.ke, link.asal, link.status) == ("camat.k1.i1", "deklarasi", None)


def test_a_link_by_text_in_quotes(tmp_path: Path) -> None:
    path = export_xlsx(make(), tmp_path / "m.xlsx")

    def by_text(workbook: Workbook) -> None:
        sheet = workbook[MATRIKS]
        sheet.cell(
            6, column(sheet, "Kinerja Mendukung (ID)")
        ).value = '"Persentase dokumen administrasi selesai"'

    link = read_xlsx(edit(path, by_text)).get_jabatan("staf").kinerja[0].mendukung[0]
    assert link.ke == "sekretaris.k1.i1"


# -- errors ---------------------------------------------------------------------------------


@pytest.fixture
def matrix(tmp_path: Path) -> Path:
    """The full tree's workbook. Matrix rows: camat 2-4, sekretaris 5, kasi 6, staf 7,
    bendahara 8; Jabatan rows: camat 2, sekretaris 3, kasi 4, staf 5; Organisasi: nama 3."""
    return export_xlsx(make(full), tmp_path / "matrix.xlsx")


def set_cell(sheet: str, row: int, header: str, value: Any) -> Callable[[Workbook], None]:
    def change(workbook: Workbook) -> None:
        ws = workbook[sheet]
        ws.cell(row, column(ws, header)).value = value

    return change


def test_missing_column(matrix: Path) -> None:
    err = error_of(edit(matrix, set_cell(MATRIKS, 1, "Target", "Target 2024")))
    assert isinstance(err, SheetError)
    assert str(err).startswith(f"{err.path}, lembar 'Matriks Cascading', baris 1: kolom")
    assert err.path is not None
    assert err.path.endswith("matrix.xlsx")
    assert "kolom 'Target' tidak ada" in str(err)
    assert "urutan bebas" in str(err)


def test_merged_cells_are_refused(matrix: Path) -> None:
    err = error_of(edit(matrix, lambda wb: wb[MATRIKS].merge_cells("H2:H3")))
    assert "lembar 'Matriks Cascading', baris 2, kolom H (Kinerja): sel H2:H3 digabung (merge)" in (
        str(err)
    )
    assert "Unmerge" in str(err)


def test_empty_rows_are_skipped(matrix: Path) -> None:
    def gaps(workbook: Workbook) -> None:
        workbook[MATRIKS].insert_rows(4, 2)
        workbook["Jabatan"].insert_rows(3)
        workbook["Jabatan"].append([None, None, None])  # trailing empty row

    assert read_xlsx(edit(matrix, gaps)) == make(full)


def test_parent_that_does_not_exist(matrix: Path) -> None:
    err = error_of(edit(matrix, set_cell(MATRIKS, 5, "Kinerja Mendukung (ID)", "camat.k9.i9")))
    assert str(err).startswith(
        f"{err.path}, lembar 'Matriks Cascading', baris 5, kolom J (Kinerja Mendukung (ID)): "
        "tidak ada apa pun dalam berkas dengan id 'camat.k9.i9'"
    )
    assert "satu per baris" in str(err)
    err = error_of(edit(matrix, set_cell(MATRIKS, 5, "Indikator Mendukung (ID)", '"Tidak ada"')))
    assert (
        "baris 5, kolom U (Indikator Mendukung (ID)): tidak ada indikator atau kinerja dengan teks"
        in str(err)
    )


def test_jabatan_missing_from_its_sheet(matrix: Path) -> None:
    err = error_of(edit(matrix, set_cell(MATRIKS, 7, "ID Jabatan", "stafff")))
    assert (
        "baris 7, kolom C (ID Jabatan): tidak ada jabatan di lembar 'Jabatan' dengan ID 'stafff'"
        in str(err)
    )
    assert "maksudnya 'staf'?" in str(err)


def test_missing_sheet(matrix: Path) -> None:
    err = error_of(edit(matrix, lambda wb: wb.remove(wb["Jabatan"])))
    assert str(err).startswith(f"{err.path}, lembar 'Jabatan': lembar ini tidak ada")
    err = error_of(edit(matrix, lambda wb: setattr(wb[MATRIKS], "title", "Matriks")))
    assert "lembar 'Matriks Cascading': lembar ini tidak ada" in str(err)
    assert "'Matriks'" in str(err)


def test_not_a_workbook(tmp_path: Path, matrix: Path) -> None:
    text = tmp_path / "t.xlsx"
    text.write_text("ID Jabatan;Kinerja\n")
    assert "bukan buku kerja Excel" in str(error_of(text))
    yaml_file = pokin.save(make(), tmp_path / "t.yaml")
    assert "bukan buku kerja Excel" in str(error_of(yaml_file))
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(matrix.read_bytes()[:2000])
    assert "bukan buku kerja Excel" in str(error_of(broken))
    assert "berkas tidak ada" in str(error_of(tmp_path / "none.xlsx"))


def test_model_rules_apply_at_the_cell(matrix: Path) -> None:
    err = error_of(edit(matrix, set_cell("Jabatan", 3, "Peran", "bupati")))
    assert "lembar 'Jabatan', baris 3, kolom C (Peran): nilai 'bupati' tidak diizinkan" in str(err)
    err = error_of(edit(matrix, set_cell("Jabatan", 3, "Atasan (ID)", "lurah")))
    assert (
        "lembar 'Jabatan', baris 3, kolom F (Atasan (ID)): tidak ada jabatan dengan id 'lurah'"
        in str(err)
    )
    err = error_of(edit(matrix, set_cell(MATRIKS, 6, "Indikator", None)))
    assert "baris 6, kolom L (Indikator): kunci wajib `uraian` tidak ada" in str(err)
    err = error_of(edit(matrix, set_cell(MATRIKS, 7, "ID Indikator", "kasi.k1.i1")))
    assert "baris 7, kolom M (ID Indikator): id 'kasi.k1.i1' sudah dipakai di lembar " in (str(err))
    err = error_of(edit(matrix, set_cell(MATRIKS, 7, "Polaritas", "naik turun")))
    assert "baris 7, kolom S (Polaritas)" in str(err)
    err = error_of(edit(matrix, set_cell("Tautan", 2, "Skor", "tinggi")))
    assert "lembar 'Tautan', baris 2, kolom F (Skor)" in str(err)
    err = error_of(edit(matrix, set_cell("Organisasi", 3, "Nilai", None)))
    assert "lembar 'Organisasi': kunci wajib `nama` tidak ada" in str(err)
    assert "tambahkan baris dengan Kunci 'nama'" in str(err)
    err = error_of(edit(matrix, set_cell("Organisasi", 3, "Kunci", "nma")))
    assert "baris 3, kolom A (Kunci): kunci 'nma' tidak dikenal" in str(err)
    assert "maksudnya 'nama'?" in str(err)


def test_rows_of_one_kinerja_must_agree(matrix: Path) -> None:
    err = error_of(edit(matrix, set_cell(MATRIKS, 3, "Kinerja", "Meningkatnya lain")))
    assert "baris 3, kolom H (Kinerja): 'Meningkatnya lain' berbeda dari " in str(err)
    assert "di baris 2, dalam kinerja yang sama" in str(err)
    err = error_of(edit(matrix, set_cell(MATRIKS, 7, "ID Kinerja", "camat.k1")))
    assert "baris 7, kolom C (ID Jabatan): kinerja 'camat.k1' milik jabatan 'camat'" in (str(err))


# -- writing --------------------------------------------------------------------------------


def test_export_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "m.xlsx"
    target.write_bytes(b"old workbook")

    def boom(*_: object) -> None:
        raise OSError("disk full")

    with monkeypatch.context() as patch:
        patch.setattr(os, "fsync", boom)
        with pytest.raises(OSError, match="disk full"):
            export_xlsx(make(), target)
    assert target.read_bytes() == b"old workbook"

    real_rows, sheets = pokin.excel.rowxml.rows_xml, []

    def crash_later(rows: list[Any], *rest: Any) -> Iterator[tuple[str, int]]:
        sheets.append(rows)
        if len(sheets) == 2:  # the second sheet (Jabatan), half written
            yield from real_rows(rows[:2], *rest)
            raise RuntimeError("crash in the middle")
        yield from real_rows(rows, *rest)

    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))  # XlsxWriter's row files
    monkeypatch.setattr(pokin.excel.writer, "rows_xml", crash_later)
    with pytest.raises(RuntimeError, match="crash"):
        export_xlsx(make(), target)
    assert target.read_bytes() == b"old workbook"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.xlsx", "scratch"]  # no temp file
    assert list(scratch.iterdir()) == []  # nor a sheet's rows


def test_texts_excel_cannot_hold_are_refused_clearly(tmp_path: Path) -> None:
    target = tmp_path / "m.xlsx"
    with pytest.raises(ValidationError, match="string_pattern_mismatch"):  # no tree holds one
        make(lambda d: jab(d, "staf").update(tugas="a\x07b"))
    tree = make()  # the writer still names one in a tree built past validation
    object.__setattr__(tree.get_jabatan("staf"), "tugas", "a\x07b")
    with pytest.raises(PokinFileError, match=r"karakter kontrol.*lembar 'Jabatan', baris 5") as err:
        export_xlsx(tree, target)
    assert err.value.path == str(target)  # the file written, not <input>
    assert str(err.value).startswith(f"{target}: teks 'a\\x07b' memuat karakter kontrol")
    tree = make(lambda d: jab(d, "kasi").update(catatan="x" * 40_000))
    with pytest.raises(PokinFileError, match=r"40000 karakter.*lembar 'Jabatan', baris 4") as err:
        export_xlsx(tree, target)
    assert str(err.value).startswith(f"{target}: teks 40000 karakter")
    assert list(tmp_path.iterdir()) == []


# -- what Excel and LibreOffice do to what a planner types ----------------------------------


def with_cached_values(path: Path, values: dict[str, tuple[str | None, str]]) -> Path:
    """``path`` with the value Excel stores beside each formula (cell -> (type, value)), as
    if it had been opened and saved in Excel; openpyxl itself writes formulas without."""
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    xml = members["xl/worksheets/sheet1.xml"].decode()
    for ref, (kind, value) in values.items():
        start = xml.index(f'<c r="{ref}"')
        end = xml.index("</c>", start)
        cell = xml[start:end]
        for empty in ("<v />", "<v/>", "<v></v>"):  # et_xmlfile, or lxml when installed
            cell = cell.replace(empty, f"<v>{value}</v>")
        if kind is not None:
            cell = cell.replace(f'<c r="{ref}"', f'<c r="{ref}" t="{kind}"', 1)
        assert f"<v>{value}</v>" in cell
        xml = xml[:start] + cell + xml[end:]
    members["xl/worksheets/sheet1.xml"] = xml.encode()
    target = path.parent / f"cached-{path.name}"
    with zipfile.ZipFile(target, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return target


def staf_target(path: Path) -> str | None:
    return read_xlsx(path).get_jabatan("staf").kinerja[0].indikator[0].target


@pytest.mark.parametrize(
    ("value", "number_format", "shown"),
    [
        (0.85, "0%", "85%"),  # 85% typed
        (0.855, "0.0%", "85,5%"),
        (0.85, "0.00%", "85,00%"),
        (1, "0%", "100%"),
        (81.5, "0.00", "81,50"),  # 81.50 typed into a cell formatted 0.00
        (81.5, "General", "81,5"),  # 81.50 typed: Excel shows 81.5
        (85, "General", "85"),
        (85.0, "General", "85"),
        (1234.5, "#,##0.00", "1234,50"),  # no thousands separator: its locale is unknown
        (82, "@", "82"),  # a number typed before the cell was made Text
    ],
)
def test_numbers_are_read_as_the_cell_shows_them(
    tmp_path: Path, value: float, number_format: str, shown: str
) -> None:
    path = export_xlsx(make(), tmp_path / "m.xlsx")

    def typed(workbook: Workbook) -> None:
        sheet = workbook[MATRIKS]
        cell = sheet.cell(6, column(sheet, "Target"))
        cell.value = value
        cell.number_format = number_format

    assert staf_target(edit(path, typed)) == shown


def test_dates_are_read_as_iso(tmp_path: Path) -> None:
    import datetime

    path = export_xlsx(make(), tmp_path / "m.xlsx")

    def typed(workbook: Workbook) -> None:
        sheet = workbook[MATRIKS]
        cell = sheet.cell(6, column(sheet, "Target"))
        cell.value = datetime.datetime(2024, 1, 3)
        cell.number_format = "dd/mm/yyyy"

    assert staf_target(edit(path, typed)) == "2024-01-03"


@pytest.mark.parametrize(
    ("value", "number_format", "shown"),
    [
        (81.5, "0", "82"),  # what the cell shows, rounded half away from zero
        (-81.5, "0", "-82"),
        (0.145, "0%", "15%"),  # 14.499999999999998 in floats: decimal arithmetic
        (-0.001, "0.00", "0,00"),  # never -0.00
        (85.5, "0.0#", "85,5"),  # optional decimals
        (85.25, "0.0#", "85,25"),
        (85, "0.0#", "85,0"),
        (1_500_000, "0.0,,", "1,5"),  # scaled by thousands
        (0.5, "[$Rp-421]#,##0.00", "0,50"),  # currency: the symbol is left out
        (1234.5, '#,##0.00" jam"', "1234,50"),
        (-5, "0.00;[Red](0.00)", "-5,00"),  # the sign kept
        (0.5, "0.00E+00", "0,5"),  # scientific: as General
        (0.5, "# ?/?", "0,5"),  # fraction: as General
        (0.8234567891234567, "General", "0,823456789123457"),  # 15 digits, as Excel shows
        (1e300, "0.0", f"1{'0' * 300},0"),
    ],
)
def test_number_formats(value: float, number_format: str, shown: str) -> None:
    from pokin.excel.cells import number_text

    assert number_text(value, number_format) == shown


def test_export_writes_every_data_cell_as_text(tmp_path: Path) -> None:
    """So that no number format of pokin's own files changes what is read back."""
    from pokin.excel.layout import IKU, JABATAN, ORGANISASI, TAUTAN
    from pokin.excel.layout import MATRIKS as MATRIKS_SHEET

    workbook = openpyxl.load_workbook(export_xlsx(make(full), tmp_path / "m.xlsx"))
    numbers = []
    checked = 0
    for spec in (MATRIKS_SHEET, JABATAN, IKU, TAUTAN, ORGANISASI):
        sheet = workbook[spec.name]
        headers = {c.header for c in spec.columns if c.role == "data"}
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if sheet.cell(1, cell.column).value not in headers or cell.value is None:
                    continue
                checked += 1
                if cell.data_type == "s":
                    assert cell.number_format == "@", (spec.name, cell.coordinate)
                else:
                    numbers.append((spec.name, sheet.cell(1, cell.column).value, row[0].value))
    assert checked > 100
    # the only numbers: the scores of proposed links, the format version and the year
    assert {(s, h) for s, h, _ in numbers} == {("Tautan", "Skor"), ("Organisasi", "Nilai")}
    assert {k for s, _, k in numbers if s == "Organisasi"} == {"pokin", "tahun"}


def test_a_formula_excel_has_not_calculated_is_refused(tmp_path: Path) -> None:
    path = export_xlsx(make(), tmp_path / "m.xlsx")
    formula = edit(path, set_cell(MATRIKS, 6, "Target", "=80+5"))  # saved by a script
    err = error_of(formula)
    assert isinstance(err, SheetError)
    assert str(err).startswith(
        f"{err.path}, lembar 'Matriks Cascading', baris 6, kolom Q (Target): sel ini memuat "
        "rumus yang belum dihitung Excel (=80+5)"
    )
    assert "ketik nilainya, atau buka dan simpan berkas ini di Excel atau LibreOffice" in str(err)
    err = error_of(edit(path, set_cell("Jabatan", 3, "Tugas", '=CONCAT("a";"b")')))
    assert "lembar 'Jabatan', baris 3, kolom H (Tugas): sel ini memuat rumus" in str(err)
    assert '(=CONCAT("a";"b"))' in str(err)


def test_formulas_outside_the_data_are_ignored(tmp_path: Path) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    tree = make()
    path = export_xlsx(tree, tmp_path / "m.xlsx")

    def outside(workbook: Workbook) -> None:
        sheet = workbook[MATRIKS]
        sheet.cell(6, column(sheet, "Capaian")).value = "=Q6/R6"  # computed: ignored
        sheet.cell(6, 30).value = "=1+1"  # a column of the planner's own
        choices = DataValidation(type="list", formula1='"naik,turun"')
        sheet.add_data_validation(choices)  # <formula1> in the sheet, no <f>
        choices.add("S2:S6")

    assert read_xlsx(edit(path, outside)) == tree


def test_a_formula_excel_calculated_is_read_as_its_value(tmp_path: Path) -> None:
    path = export_xlsx(make(), tmp_path / "m.xlsx")

    def formulas(workbook: Workbook) -> None:
        sheet = workbook[MATRIKS]
        sheet.cell(6, column(sheet, "Target")).value = "=80+5"
        sheet.cell(6, column(sheet, "Realisasi")).value = "=0.8+0.05"
        sheet.cell(6, column(sheet, "Realisasi")).number_format = "0%"
        sheet.cell(6, column(sheet, "Satuan")).value = '=LOWER("PERSEN")'
        sheet.cell(6, column(sheet, "Catatan Indikator")).value = '=IF(1,"","x")'

    edited = edit(path, formulas)
    calculated = {"Q6": (None, "85"), "R6": (None, "0.85"), "P6": ("str", "persen")}
    # the empty text a formula gives: t="str" and an empty value, as Excel writes it
    back = read_xlsx(with_cached_values(edited, {**calculated, "V6": ("str", "")}))
    ind = back.get_jabatan("staf").kinerja[0].indikator[0]
    assert (ind.target, ind.realisasi, ind.satuan, ind.catatan) == ("85", "85%", "persen", None)
    err = error_of(with_cached_values(edited, calculated))  # V6 not calculated
    assert "baris 6, kolom V (Catatan Indikator): sel ini memuat rumus" in str(err)


QUOTED = [
    '"Persentase dokumen administrasi selesai"',
    "\u201cPersentase dokumen administrasi selesai\u201d",  # “...” Word, LibreOffice
    "\u201ePersentase dokumen administrasi selesai\u201c",  # „...“
    "\u00abPersentase dokumen administrasi selesai\u00bb",  # «...»
    "'Persentase dokumen administrasi selesai'",
    "\u2018Persentase dokumen administrasi selesai\u2019",  # ‘...’
]


@pytest.mark.parametrize("written", QUOTED)
def test_a_link_by_text_in_any_quotes(tmp_path: Path, written: str) -> None:
    path = export_xlsx(make(), tmp_path / "m.xlsx")
    link = (
        read_xlsx(edit(path, set_cell(MATRIKS, 6, "Kinerja Mendukung (ID)", written)))
        .get_jabatan("staf")
        .kinerja[0]
        .mendukung[0]
    )
    assert link.ke == "sekretaris.k1.i1"
    path = export_xlsx(make(), tmp_path / "i.xlsx")
    link = (
        read_xlsx(edit(path, set_cell(MATRIKS, 6, "Indikator Mendukung (ID)", written)))
        .get_jabatan("staf")
        .kinerja[0]
        .indikator[0]
        .mendukung[0]
    )
    assert link.ke == "sekretaris.k1.i1"


def test_curly_quotes_find_the_links_provenance(tmp_path: Path) -> None:
    path = export_xlsx(make(), tmp_path / "m.xlsx")

    def by_text(workbook: Workbook) -> None:
        sheet = workbook[MATRIKS]
        cell = sheet.cell(6, column(sheet, "Kinerja Mendukung (ID)"))
        cell.value = "sekretaris.k1.i1\n\u201cNilai SKM seksi pelayanan\u201d"
        tautan = workbook["Tautan"]
        tautan.append(["staf.k1", None, '"Nilai SKM seksi pelayanan"', None, "inferensi", 0.7])

    links = read_xlsx(edit(path, by_text)).get_jabatan("staf").kinerja[0].mendukung
    assert [(lk.ke, lk.asal, lk.skor) for lk in links] == [
        ("sekretaris.k1.i1", "deklarasi", None),
        ("kasi.k1.i1", "inferensi", 0.7),
    ]


def test_an_unmatched_quote_is_an_id(tmp_path: Path) -> None:
    path = export_xlsx(make(), tmp_path / "m.xlsx")
    written = "\u201cPersentase dokumen administrasi selesai\u00bb"
    err = error_of(edit(path, set_cell(MATRIKS, 6, "Kinerja Mendukung (ID)", written)))
    assert "tidak sah" in str(err)  # read as an id, and the id's characters refused
    assert "baris 6" in str(err)


def test_a_workbook_that_is_not_a_pokin_matrix(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    workbook.active.title = "Sheet1"
    workbook.active.append(["No", "Jabatan", "Indikator"])
    workbook.create_sheet("IKU")
    foreign = tmp_path / "rekap.xlsx"
    workbook.save(foreign)
    err = error_of(foreign)
    assert isinstance(err, SheetError)
    assert str(err).startswith(
        f"{foreign}: ini bukan matriks cascading pokin (tidak ada lembar 'Matriks Cascading' "
        "atau 'Organisasi'); buku kerja ini memuat lembar 'Sheet1', 'IKU'"
    )
    assert "pokin export" in str(err)
    assert "rename" not in str(err)


# -- targets per period (per_periode, akumulasi) --------------------------------------------


def test_periods_are_read_back_and_a_bad_one_names_its_cell(matrix: Path) -> None:
    cell = "TW I: target 25; realisasi 20\nTW IV: target 100\n2023: realisasi 91,5"
    tree = read_xlsx(edit(matrix, set_cell(MATRIKS, 5, "Target/Realisasi per Periode", cell)))
    indikator = tree.get_jabatan("sekretaris").kinerja[0].indikator[0]
    assert [(p.periode, p.target, p.realisasi) for p in indikator.per_periode] == [
        ("TW I", "25", "20"),
        ("TW IV", "100", None),
        ("2023", None, "91,5"),
    ]
    assert indikator.akumulasi == "kumulatif"
    err = error_of(edit(matrix, set_cell(MATRIKS, 5, "Target/Realisasi per Periode", "TW 5: 10")))
    assert "baris 5" in str(err)
    assert "kolom X (Target/Realisasi per Periode): 'TW 5: 10' bukan periode" in str(err)
    assert "tulis satu periode per baris" in str(err)
    err = error_of(edit(matrix, set_cell(MATRIKS, 5, "Akumulasi Triwulan", "rata-rata")))
    assert "baris 5" in str(err)


def test_a_workbook_without_the_period_columns_still_reads(matrix: Path) -> None:
    def drop(workbook: Workbook) -> None:
        ws = workbook[MATRIKS]
        for header in ("Target/Realisasi per Periode", "Akumulasi Triwulan"):
            ws.delete_cols(column(ws, header))

    assert read_xlsx(edit(matrix, drop)) == read_xlsx(matrix)


# -- the fast reader (python-calamine) keeps every cell where it is --------------------------


def test_rows_after_empty_rows_keep_their_numbers(matrix: Path) -> None:
    def spread(workbook: Workbook) -> None:
        sheet = workbook[MATRIKS]
        sheet.insert_rows(6, amount=3)  # three empty rows: kasi now on row 9, staf on 10
        sheet.cell(10, column(sheet, "Polaritas")).value = "ke atas"

    err = error_of(edit(matrix, spread))
    assert "lembar 'Matriks Cascading', baris 10, kolom S (Polaritas)" in str(err)


def test_a_sheet_not_starting_at_a1_keeps_its_columns(tmp_path: Path) -> None:
    """The Organisasi sheet moved two columns to the right (columns A and B empty): the
    values stay under their headers."""
    path = export_xlsx(make(full), tmp_path / "m.xlsx")

    def move(workbook: Workbook) -> None:
        sheet = workbook["Organisasi"]
        sheet.insert_cols(1, amount=2)  # Kunci now in column C
        sheet.cell(3, 4).value = "Kecamatan Geser"  # the nama row's Nilai (D3)

    tree = read_xlsx(edit(path, move))
    assert tree.organisasi.nama == "Kecamatan Geser"


def test_a_cell_with_rich_text_is_read_as_its_text(matrix: Path) -> None:
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    rich = CellRichText("Persentase ", TextBlock(InlineFont(b=True), "arsip"), " terkelola")
    tree = read_xlsx(edit(matrix, set_cell(MATRIKS, 7, "Indikator", rich)))
    assert tree.get_jabatan("staf").kinerja[0].indikator[0].uraian == ("Persentase arsip terkelola")


def test_reading_pauses_the_cycle_collector_and_restores_it(
    matrix: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc

    import pokin.excel.read

    seen = []
    real = pokin.excel.read.matrix_data

    def spy(*args: Any) -> None:
        seen.append(gc.isenabled())
        real(*args)

    monkeypatch.setattr(pokin.excel.read, "matrix_data", spy)
    assert gc.isenabled()
    read_xlsx(matrix)
    assert seen == [False]  # held off while the rows become the tree
    assert gc.isenabled()
    error_of(edit(matrix, set_cell(MATRIKS, 7, "Polaritas", "ke atas")))
    assert gc.isenabled()  # also after an error
    gc.disable()
    try:
        read_xlsx(matrix)
        assert not gc.isenabled()  # a caller's choice is kept
    finally:
        gc.enable()


def test_reading_a_workbook_does_not_import_openpyxl(matrix: Path) -> None:
    """openpyxl costs half a second to import; the reader needs none of it (the numbers
    of the Organisasi sheet take the number-format path)."""
    import subprocess
    import sys

    code = (
        "import sys; from pokin.excel import read_xlsx; "
        f"read_xlsx({str(matrix)!r}); print('openpyxl' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
