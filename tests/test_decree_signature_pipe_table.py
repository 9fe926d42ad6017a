"""A markdown signature written as a two-column pipe table ("| Mengetahui, | Karangsari, 9
Februari 2026 |" over the two officials, their names and NIPs) is read by the header side by
side: the date and the Camat's name, with no "baris tabel setelah tanda tangan" warnings.
It was skipped row by row (4 peringatan, no penandatangan). Invented decree."""

from __future__ import annotations

from pathlib import Path

from pokin.decree import import_decree

FIXTURES = Path(__file__).parent / "fixtures" / "decrees"


def test_a_two_column_signature_table_gives_the_signatory() -> None:
    result = import_decree(FIXTURES / "md-signature-table-karangsari.md")
    dokumen = result.tree.organisasi.dokumen
    assert dokumen is not None
    assert (str(dokumen.tanggal), dokumen.penandatangan) == (
        "2026-02-09",
        "HENDRA GUNAWAN, S.STP., M.Si",
    )
    assert result.skipped == []
    assert [j.id for j in result.tree.jabatan] == ["sekretaris-kecamatan"]


def test_a_wider_table_after_the_signature_is_still_reported(tmp_path: Path) -> None:
    text = (FIXTURES / "md-signature-table-karangsari.md").read_text(encoding="utf-8")
    text += "\n| 2 | Tertibnya arsip | Jumlah arsip | 12 |\n|---|---|---|---|\n| 3 | a | b | 4 |\n"
    path = tmp_path / "wide.md"
    path.write_text(text, encoding="utf-8")
    reasons = {s.reason for s in import_decree(path).skipped}
    assert reasons == {"baris tabel setelah tanda tangan"}
