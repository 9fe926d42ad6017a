"""A file name cannot forge a line of pokin's output (QA9 #7).

A name may hold a newline, an escape sequence or a right-to-left override; printed raw, a
file named ``x⏎pokin: galat: palsu.md`` shows a line "pokin: galat: palsu.md:15: …" that
pokin never said. Every message shows such a character as its escape, on one line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pokin.cli import main
from pokin.errors import PokinFileError, shown_path

FORGED = "pokin: galat: palsu"
NAME = f"catatan\n{FORGED}.md"

# an invented decree whose "Keterangan" column pokin does not know: one catatan per import
DECREE = """\
# KEPUTUSAN CAMAT WATUKELIR

## JABATAN : CAMAT WATUKELIR

| No | Kinerja | Indikator Kinerja | Satuan | Target | Keterangan |
|---|---|---|---|---|---|
| 1 | Meningkatnya pelayanan publik | Indeks kepuasan masyarakat | indeks | 82 | diukur semester |
"""


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def test_shown_path_escapes_what_would_break_or_disguise_a_line() -> None:
    assert shown_path("a\nb\rc\td\x1b[2Je") == "a\\nb\\rc\\td\\x1b[2Je"
    assert shown_path("laporan\u202efdp.exe") == "laporan\\u202efdp.exe"
    assert shown_path(Path("biasa/keputusan camat.docx")) == "biasa/keputusan camat.docx"
    error = PokinFileError("tidak terbaca", path=f"x\n{FORGED}.yaml", line=3)
    assert len(str(error).splitlines()) == 1


@pytest.mark.parametrize("command", ["import", "check"])
def test_no_line_of_output_comes_from_a_file_name(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / NAME
    source.write_text(DECREE, encoding="utf-8")
    if command == "import":
        main(["import", str(source), "-o", str(tmp_path / "keluar.yaml")])
    else:  # a folder's listing names what it skips
        (tmp_path / "rusak\n.yaml").write_text("pokin: [", encoding="utf-8")
        main(["check", str(tmp_path)])
    out, err = capsys.readouterr()
    lines = _lines(out) + _lines(err)
    assert lines, (out, err)
    assert not [line for line in lines if line.startswith(FORGED)], lines
    assert any("catatan\\npokin" in line or "rusak\\n" in line for line in lines), lines
