"""``pokin import``'s exit code is one rule for every kind of file (QA8): 1 when a
``peringatan:`` was printed (lines left out of a decree, rows deleted from a matrix, a
missing 'Isi Ekspor' sheet), 0 when only ``catatan:`` lines were, 2 on a galat. Invented
Kecamatan Wringinanom Kulon decrees."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from pokin.cli import main
from pokin.decree import read_decree
from pokin.excel import export_xlsx

HEAD = "KEPUTUSAN CAMAT WRINGINANOM KULON\nTENTANG\nINDIKATOR KINERJA INDIVIDU TAHUN 2027\n\n"
BLOCK = (
    "1. JABATAN : CAMAT WRINGINANOM KULON\n2. TUGAS : Memimpin kecamatan.\n\n"
    "KINERJA\tINDIKATOR KINERJA\tFORMULASI\tSUMBER DATA\tSATUAN\tTARGET{extra}\n"
    "Meningkatnya pelayanan publik\tIndeks kepuasan masyarakat\tSurvei IKM\tLaporan SKM"
    "\tindeks\t84{value}\n"
    "\tPersentase surat selesai\tSelesai / masuk x 100\tBuku agenda\tpersen\t95{value}\n"
)
STRAY = (  # a table row before any position: left out, with its line
    "KINERJA\tINDIKATOR KINERJA\tFORMULASI\tSUMBER DATA\tSATUAN\tTARGET\n"
    "Tertibnya arsip\tJumlah arsip tertata\tJumlah\tBuku arsip\tberkas\t40\n\n"
)
IKU = (
    "# INDIKATOR KINERJA UTAMA KECAMATAN WRINGINANOM KULON 2027\n\n"
    "| No | Sasaran Strategis | Indikator Kinerja Utama | Satuan | Target 2027 |\n"
    "|---|---|---|---|---|\n"
    "| 1 | Meningkatnya kualitas pelayanan publik | Indeks kepuasan masyarakat | indeks | 84 |\n"
)


def _tab(tmp_path: Path, *, stray: bool = False, keterangan: bool = False) -> Path:
    extra, value = ("\tKETERANGAN", "\tdireviu tiap semester") if keterangan else ("", "")
    path = tmp_path / ("stray.txt" if stray else "bersih.txt")
    text = HEAD + (STRAY if stray else "") + BLOCK.format(extra=extra, value=value)
    path.write_text(text, encoding="utf-8")
    return path


def _workbook(tmp_path: Path) -> Path:
    """An office workbook with a date typed in a Target cell: a catatan, no peringatan."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["JABATAN : CAMAT WRINGINANOM KULON"])
    sheet.append(["No", "Kinerja", "Indikator Kinerja", "Sumber Data", "Satuan", "Target"])
    sheet.append(
        [1, "Tersusunnya LKjIP", "Tanggal penyampaian LKjIP", "Arsip", "", date(2027, 2, 28)]
    )
    path = tmp_path / "kantor.xlsx"
    book.save(path)
    return path


def _matrix(tmp_path: Path, *, delete: bool, drop_sheet: bool = False) -> Path:
    """pokin's own matrix of the clean decree, a row deleted or the hidden sheet gone."""
    path = export_xlsx(read_decree(_tab(tmp_path)), tmp_path / "matriks.xlsx")
    book = openpyxl.load_workbook(path)
    if delete:
        book["Matriks Cascading"].delete_rows(3)
    if drop_sheet:
        del book["Isi Ekspor"]
    edited = tmp_path / "disunting.xlsx"
    book.save(edited)
    return edited


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["import", *args, "-q"])
    return code, capsys.readouterr().err


def test_catatan_only_exits_0_in_every_layout(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for source in (_tab(tmp_path, keterangan=True), _workbook(tmp_path)):
        code, err = _run(capsys, str(source), "-o", str(tmp_path / f"{source.stem}.yaml"))
        assert "pokin: catatan:" in err
        assert "peringatan" not in err
        assert code == 0, source


def test_a_peringatan_exits_1_in_every_layout(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    cases = {
        "stray": _tab(tmp_path, stray=True),
        "deleted": _matrix(tmp_path / "a", delete=True),
        "no-sheet": _matrix(tmp_path / "b", delete=False, drop_sheet=True),
    }
    for name, source in cases.items():
        code, err = _run(capsys, str(source), "-o", str(tmp_path / f"{name}.yaml"))
        assert "pokin: peringatan:" in err, name
        assert code == 1, name
        assert (tmp_path / f"{name}.yaml").is_file()  # written all the same


def test_an_untouched_matrix_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = _run(capsys, str(_matrix(tmp_path, delete=False)), "-o", str(tmp_path / "m.yaml"))
    assert (code, err) == (0, "")


def test_several_files_and_merge_follow_the_same_rule(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clean, stray = _tab(tmp_path), _tab(tmp_path, stray=True)
    code, _ = _run(capsys, str(clean), str(_workbook(tmp_path)), "-o", f"{tmp_path}/satu/")
    assert code == 0
    code, _ = _run(capsys, str(clean), str(stray), "-o", f"{tmp_path}/dua/")
    assert code == 1
    broken = tmp_path / "rusak.docx"
    broken.write_text("bukan dokumen Word", encoding="utf-8")
    code, _ = _run(capsys, str(stray), str(broken), "-o", f"{tmp_path}/tiga/")
    assert code == 2  # a galat outweighs a peringatan
    iku = tmp_path / "iku.md"
    iku.write_text(IKU, encoding="utf-8")
    code, _ = _run(capsys, str(iku), str(clean), "--merge", "-o", str(tmp_path / "g1.yaml"))
    assert code == 0
    code, _ = _run(capsys, str(iku), str(stray), "--merge", "-o", str(tmp_path / "g2.yaml"))
    assert code == 1


def test_the_help_states_the_rule(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["import", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "Kode keluar, sama untuk setiap jenis berkas: 0 bila" in text
    assert "1 bila ada pesan 'peringatan:'" in text
