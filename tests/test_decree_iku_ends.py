"""Where the IKU table ends is one rule for every reader (:func:`pokin.decree.ikutable.ends_iku`):
at the header of a table of the positions' indicators, a ``Jabatan`` / ``Atasan`` column or
"Individu" in a label. The markdown reader had its own copy without "Individu", so the invented
Sukawening decree's IKI table, set right under the IKU table, was read as more IKU indicators.
"""

from __future__ import annotations

from pokin.decree import parse
from pokin.decree.assemble import assemble
from pokin.decree.document import Item, Paragraph, Table, TableRow
from pokin.decree.parts import ParsedDecree

IKU = ["No", "Sasaran Strategis", "Indikator Kinerja Utama", "Target"]
IKU_ROW = [
    "1",
    "S.1 Meningkatnya mutu layanan publik kecamatan",
    "I.K.S.1.1 Indeks kepuasan masyarakat",
    "82",
]
IKI = ["No", "Sasaran", "Indikator Kinerja Individu", "Target"]
IKI_ROW = [
    "1",
    "Meningkatnya mutu layanan publik kecamatan",
    "Persentase layanan selesai tepat waktu",
    "95",
]
CAMAT = ["No", "Kinerja", "Indikator Kinerja", "Target"]
CAMAT_ROW = ["1", "Meningkatnya mutu layanan publik kecamatan", "Indeks kepuasan masyarakat", "82"]


def _pipes(*rows: list[str]) -> str:
    lines = [f"| {' | '.join(rows[0])} |", "|---|---|---|---|"]
    return "\n".join([*lines, *(f"| {' | '.join(row)} |" for row in rows[1:])])


def _iku(parsed: ParsedDecree) -> list[tuple[str, list[str]]]:
    return [(s.uraian, [i.uraian for i in s.indikator]) for s in parsed.iku]


EXPECTED = [("Meningkatnya mutu layanan publik kecamatan", ["Indeks kepuasan masyarakat"])]


def test_markdown_an_individu_header_ends_the_iku_table() -> None:
    text = "\n\n".join(
        [
            "# KEPUTUSAN CAMAT SUKAWENING NOMOR 800/12/2027",
            "## INDIKATOR KINERJA UTAMA",
            _pipes(IKU, IKU_ROW),
            _pipes(IKI, IKI_ROW),
            "JABATAN : CAMAT SUKAWENING",
            _pipes(CAMAT, CAMAT_ROW),
        ]
    )
    parsed = parse(text, source="sukawening.md")
    assert _iku(parsed) == EXPECTED
    assert [s.reason for s in parsed.skipped] == ["baris tabel sebelum JABATAN pertama"]


def _row(line: int, cells: list[str]) -> TableRow:
    return TableRow(line, list[str | None](cells))


def test_document_tables_an_individu_header_ends_the_iku_table() -> None:
    items: list[Item] = [
        Paragraph(1, "INDIKATOR KINERJA UTAMA KECAMATAN SUKAWENING"),
        Table([_row(2, IKU), _row(3, IKU_ROW)]),
        Table([_row(4, IKI), _row(5, IKI_ROW)]),
        Paragraph(6, "JABATAN : CAMAT SUKAWENING"),
        Table([_row(7, CAMAT), _row(8, CAMAT_ROW)]),
    ]
    parsed = assemble(items, source="sukawening.docx", layout="docx")
    assert _iku(parsed) == EXPECTED
