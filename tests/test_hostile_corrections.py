"""A corrections file (``--corrections``) read as carefully as every other input.

Before, it was read with ``Path.read_text``: a file Notepad saved as "Unicode" (UTF-16) or
a binary file raised Python's ``UnicodeDecodeError``, a folder ``IsADirectoryError``, and
an empty file was sent to docs/format.md (the tree format). Now it is read by the one
reader of text inputs (UTF-8 or UTF-16, a binary or a folder refused in Indonesian).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pokin import PokinFileError
from pokin.decree import import_decree

DECREE = (
    "INDIKATOR KINERJA INDIVIDU\n"
    "KECAMATAN TELUK BETUNG TAHUN 2026\n\n"
    "1. JABATAN : CAMAT\n"
    "2. TUGAS : Memimpin penyelenggaraan pemerintahan kecamatan.\n"
    "KINERJA\tINDIKATOR\tFORMULASI\tSUMBER DATA\n"
    "Meningkatnya pelayanan publik\tIndeks Kepuasan Masyarakat\tHasil SKM\tLaporan SKM\n\n"
    "1. JABATAN : SEKRETARIS KECAMATAN\n"
    "2. TUGAS : Membantu Camat dalam urusan kesekretariatan.\n"
    "KINERJA\tINDIKATOR\tFORMULASI\tSUMBER DATA\n"
    "Meningkatnya tata kelola\tNilai SAKIP\tNilai LHE\tLHE SAKIP\n"
)

CORRECTIONS = (
    "sumber: teluk-betung.txt\n"
    "koreksi:\n"
    "  - jabatan: sekretaris-kecamatan\n"
    "    field: unit\n"
    "    value: Sekretariat Kecamatan Teluk Betung\n"
    "    alasan: nama unit menurut Perwali SOTK\n"
)


@pytest.fixture
def decree(tmp_path: Path) -> Path:
    path = tmp_path / "teluk-betung.txt"
    path.write_text(DECREE, encoding="utf-8")
    return path


def test_corrections_saved_as_unicode_by_notepad_are_applied(tmp_path: Path, decree: Path) -> None:
    corrections = tmp_path / "koreksi.yaml"
    corrections.write_bytes(CORRECTIONS.encode("utf-16"))
    tree = import_decree(decree, corrections=corrections).tree
    assert tree.get_jabatan("sekretaris-kecamatan").unit == "Sekretariat Kecamatan Teluk Betung"


def test_a_binary_corrections_file_is_refused_in_indonesian(tmp_path: Path, decree: Path) -> None:
    corrections = tmp_path / "koreksi.yaml"
    corrections.write_bytes(b"\x00\x9f\x92\x96" * 50)
    with pytest.raises(PokinFileError, match="berkas biner"):
        import_decree(decree, corrections=corrections)


def test_a_folder_given_as_corrections_is_refused(tmp_path: Path, decree: Path) -> None:
    corrections = tmp_path / "koreksi.yaml"
    corrections.mkdir()
    with pytest.raises(PokinFileError, match="folder"):
        import_decree(decree, corrections=corrections)


def test_an_empty_corrections_file_shows_the_corrections_format(
    tmp_path: Path, decree: Path
) -> None:
    corrections = tmp_path / "koreksi.yaml"
    corrections.write_text("\n", encoding="utf-8")
    with pytest.raises(PokinFileError) as caught:
        import_decree(decree, corrections=corrections)
    assert caught.value.message == "berkas koreksi ini kosong"
    assert caught.value.hint is not None
    assert "koreksi:" in caught.value.hint
