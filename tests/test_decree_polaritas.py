"""A decree's "Polaritas" / "Arah" column is read into ``polaritas`` (QA round 7, item 6:
the direction a decree wrote was dropped, and every indicator computed as higher is better)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pokin.decree import import_decree
from pokin.decree.columns import column_role

HEADS = ["No", "Kinerja", "Indikator Kinerja", "Satuan", "Target", "Polaritas"]
ROWS = [
    [
        "1",
        "Meningkatnya pelayanan",
        "Rata-rata waktu penyelesaian izin",
        "hari",
        "3",
        "Minimize",
    ],
    ["2", "Meningkatnya pelayanan", "Indeks Kepuasan Masyarakat", "indeks", "82", "Maximize"],
    ["3", "Tertibnya wilayah", "Jumlah pelanggaran Perda", "kasus", "10", "Negatif"],
    ["4", "Tertibnya wilayah", "Persentase pengaduan selesai", "%", "95", "Stabil"],
]


@pytest.mark.parametrize("kind", ["txt", "md", "xlsx"])
@pytest.mark.parametrize("head", ["Polaritas", "Arah", "Arah Indikator"])
def test_polaritas_column_is_read(tmp_path: Path, kind: str, head: str) -> None:
    heads = [*HEADS[:-1], head]
    path = tmp_path / f"iki.{kind}"
    if kind == "xlsx":
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.append(["JABATAN", ":", "CAMAT"])
        sheet.append(heads)
        for row in ROWS:
            sheet.append(row)
        book.save(path)
    else:
        line = (lambda c: f"| {' | '.join(c)} |") if kind == "md" else "\t".join
        sep = ["|" + "---|" * len(heads)] if kind == "md" else []
        text = ["JABATAN : CAMAT", "", line(heads), *sep, *(line(r) for r in ROWS)]
        path.write_text("\n".join(text), encoding="utf-8")
    result = import_decree(path)
    got = [(i.target, i.polaritas) for _, i in result.tree.iter_indikator()]
    assert got == [("3", "turun"), ("82", "naik"), ("10", "turun"), ("95", "naik")]
    stabil = [i for _, i in result.tree.iter_indikator()][3]
    assert "polaritas «Stabil» tidak dikenal (naik/turun): tetap naik" in (stabil.catatan or "")


def test_arah_kebijakan_is_no_polaritas() -> None:
    assert column_role("Arah Kebijakan") == "lain"
    assert column_role("POLARITAS INDIKATOR") == "polaritas"
