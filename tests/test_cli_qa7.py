"""QA7: what the CLI and the reports tell a planner (numbers, several files, folders, words)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from pokin import PohonKinerja, save
from pokin.cli import main
from pokin.report.document import report_html, report_markdown


def _letters(number: int) -> str:
    """A number as letters (``12`` → ``bc``): texts whose digits are no count."""
    return "".join(chr(ord("a") + int(d)) for d in str(number))


def _big(n: int = 1200, *, realisasi: Any = None) -> PohonKinerja:
    """One Camat with ``n`` indicators (counts past a thousand), none of them linked."""
    indikator: list[dict[str, Any]] = [
        {"uraian": f"Indikator {_letters(i)}", "satuan": "persen", "target": "100"}
        for i in range(n)
    ]
    if realisasi is not None:
        indikator[0].update(target="1.500", realisasi=realisasi)
    return PohonKinerja.model_validate(
        {
            "organisasi": {
                "nama": "Kecamatan Karangtengah Lor",
                "tahun": 2026,
                "dokumen": {"tanggal": "2026-01-05"},
            },
            "jabatan": [
                {
                    "id": "camat",
                    "nama": "Camat",
                    "peran": "camat",
                    "kinerja": [{"uraian": "Meningkatnya pelayanan", "indikator": indikator}],
                },
                {
                    "id": "sekretaris",
                    "nama": "Sekretaris",
                    "peran": "sekretaris",
                    "atasan": "camat",
                    "kinerja": [{"uraian": "Tertibnya arsip", "indikator": indikator[:2]}],
                },
            ],
        }
    )


_BARE = re.compile(r"(?<![\w.,/\-:])\d{4,}(?![\d.,])")  # not in ids, paths, dates


def _bare_thousands(text: str) -> list[str]:
    """Counts of 1000 and more written without the thousands dot (the year is no count)."""
    return [n for n in _BARE.findall(text) if n != "2026"]


def test_counts_past_a_thousand_have_the_thousands_dot(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tree = _big()
    assert tree.summary() == "2 jabatan, 2 kinerja, 1.202 indikator"
    source = save(tree, tmp_path / "kt.yaml")
    main(["check", str(source), "-q"])
    out = capsys.readouterr().out
    assert "1.202 indikator;" in out
    assert "/1.202" in out  # the coverage table
    assert not _bare_thousands(out.replace(str(tmp_path), ""))
    main(["sakip", str(source)])
    out = capsys.readouterr().out
    assert not _bare_thousands(out.replace(str(tmp_path), "")), out
    other = save(_big(5), tmp_path / "kecil.yaml")
    main(["diff", str(other), str(source)])
    out = capsys.readouterr().out
    assert not _bare_thousands(out.replace(str(tmp_path), "")), out


def test_report_shows_a_bare_number_and_the_date_the_indonesian_way() -> None:
    tree = _big(3, realisasi=1450)
    assert tree.jabatan[0].kinerja[0].indikator[0].realisasi == "1450"  # the file keeps it
    for page in (report_html(tree, diagram="<svg/>"), report_markdown(tree)):
        assert "1.450" in page
        assert "1450" not in page
        assert "5 Januari 2026" in page
        assert "2026-01-05" not in page


def test_format_helpers() -> None:
    from pokin._text import format_date, format_value

    assert format_date(date(2026, 12, 31)) == "31 Desember 2026"
    assert [format_value(v) for v in ("1450", "2.5", "12.345", "1,5", "100%", "")] == [
        "1.450",
        "2,5",
        "12.345",
        "1,5",
        "100%",
        "",
    ]
