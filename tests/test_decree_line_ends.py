"""Line ends are settled in one place (:func:`pokin.decree.parse`): Word's "save as text"
writes CRLF, or a lone CR with its "CR only" option, with or without a BOM. The invented
Sindangsari decree reads the same with LF, CRLF and CR only; before, CR only was refused as
"tidak ditemukan blok jabatan" (the whole file one line).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pokin.decree import import_decree

LINES = [
    "KEPUTUSAN CAMAT SINDANGSARI NOMOR 061/7/2028",
    "",
    "JABATAN\t:\tCAMAT SINDANGSARI",
    "TUGAS\t:\tMemimpin penyelenggaraan urusan pemerintahan di wilayah kecamatan",
    "",
    "NO\tKINERJA\tINDIKATOR KINERJA\tFORMULASI\tSUMBER DATA\tSATUAN\tTARGET",
    "1\tMeningkatnya tata kelola kecamatan yang akuntabel\tNilai evaluasi SAKIP kecamatan"
    "\tNilai hasil evaluasi inspektorat\tLHE SAKIP\tnilai\t71,5",
    "",
    "JABATAN\t:\tKEPALA SEKSI KETENTERAMAN DAN KETERTIBAN UMUM",
    "ATASAN\t:\tCAMAT SINDANGSARI",
    "",
    "NO\tKINERJA\tINDIKATOR KINERJA\tFORMULASI\tSUMBER DATA\tSATUAN\tTARGET",
    "1\tTerwujudnya ketertiban umum di wilayah kecamatan\tPersentase gangguan trantibum"
    " yang tertangani\tGangguan tertangani / gangguan dilaporkan x 100%\tLaporan Seksi Trantib"
    "\tpersen\t90",
]


def _rows(path: Path) -> list[tuple[str, str, str, str]]:
    tree = import_decree(path).tree
    return [
        (j.nama, k.uraian, i.uraian, str(i.target))
        for j in tree.jabatan
        for k in j.kinerja
        for i in k.indikator
    ]


@pytest.mark.parametrize(
    ("end", "bom"),
    [("\r", b""), ("\r", b"\xef\xbb\xbf"), ("\r\n", b""), ("\r\n", b"\xef\xbb\xbf")],
    ids=["cr", "cr-bom", "crlf", "crlf-bom"],
)
def test_word_line_ends_read_as_lf(tmp_path: Path, end: str, bom: bytes) -> None:
    plain = tmp_path / "lf.txt"
    plain.write_bytes("\n".join(LINES).encode())
    other = tmp_path / "other.txt"
    other.write_bytes(bom + end.join(LINES).encode())
    expected = _rows(plain)
    assert len(expected) == 2
    assert expected[1][3] == "90"
    assert _rows(other) == expected
