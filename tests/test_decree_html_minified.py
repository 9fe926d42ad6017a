"""An HTML decree written on one line (an export's "minified" page: no newline at all) is
read as the same page pretty-printed.

``html-pasirluhur-2027.html`` is invented: an IKU table, a Camat with TUGAS and an ``<ol>``
of FUNGSI, a Kasi whose indicators are ``<ul>`` lists, a Lurah under a kelurahan heading.
Before, the minified page was one plain line with tables in it: the paragraphs between two
tables ran together ("KEPALA SEKSI PELAYANAN; ATASAN LANGSUNG : ...; TUGAS : ..." was
one position's title) and one block was read out of three. The page's head (``<title>``,
``<h2>``) was also read as text with its tags, so the decree's number and kecamatan were
lost in both forms.
"""

from __future__ import annotations

import re
from pathlib import Path

from pokin import dumps
from pokin.decree import import_decree
from pokin.decree.mdpieces import Plain, pieces

PRETTY = Path(__file__).parent / "fixtures" / "decrees" / "html-pasirluhur-2027.html"


def _minified(text: str) -> str:
    return re.sub(r">\s*\n\s*<", "><", text).replace("\n", " ")


def _without_lines(yaml: str) -> str:
    """The tree's text without the line numbers the catatan cite (one line has one)."""
    return re.sub(r"baris \d+", "baris N", yaml)


def test_the_minified_page_gives_the_pretty_pages_tree(tmp_path: Path) -> None:
    minified = tmp_path / PRETTY.name  # the same name: the same catatan
    minified.write_text(_minified(PRETTY.read_text(encoding="utf-8")), encoding="utf-8")
    assert "\n" not in minified.read_text(encoding="utf-8")
    pretty, mini = import_decree(PRETTY), import_decree(minified)
    assert (mini.skipped, pretty.skipped) == ([], [])
    assert [j.nama for j in mini.tree.jabatan] == [
        "Camat Pasirluhur",
        "Kepala Seksi Pelayanan",
        "Lurah Cibeureum Hilir",
    ]
    assert _without_lines(dumps(mini.tree)) == _without_lines(dumps(pretty.tree))


def test_the_pages_head_and_lists_are_read_as_the_page_shows_them() -> None:
    tree = import_decree(PRETTY).tree
    assert tree.organisasi.nama == "Kecamatan Pasirluhur"
    assert tree.organisasi.tahun == 2027
    camat, kasi, lurah = tree.jabatan
    assert camat.fungsi == [
        "Mengoordinasikan kegiatan pemberdayaan masyarakat",
        "Membina penyelenggaraan pemerintahan kelurahan",
    ]
    assert kasi.atasan == camat.id
    assert [i.target for k in kasi.kinerja for i in k.indikator] == ["95", "24"]
    assert (lurah.unit, lurah.atasan) == ("Kelurahan Cibeureum Hilir", camat.id)
    assert [s.id for s in tree.iku] == ["S.1"]


def test_paragraphs_on_one_line_are_lines_of_their_own_with_the_lines_number() -> None:
    text = (
        "# KEPUTUSAN\n"
        '<div><p>JABATAN : LURAH X</p><p>TUGAS : Memimpin kelurahan.</p></div><table border="1">'
        "<tr><th>Kinerja</th><th>Indikator</th></tr>\n<tr><td>A</td><td>B</td></tr></table>"
        "<p>JABATAN : SEKRETARIS KELURAHAN X</p>\n"
    )
    found = [(p.number, p.text) if isinstance(p, Plain) else p.rows for p in pieces(text)]
    assert found == [
        (1, "# KEPUTUSAN"),
        (2, "<div><p>JABATAN : LURAH X</p>"),
        (2, "<p>TUGAS : Memimpin kelurahan.</p></div>"),
        [(2, "Kinerja | Indikator", ["Kinerja", "Indikator"]), (3, "A | B", ["A", "B"])],
        (3, "<p>JABATAN : SEKRETARIS KELURAHAN X</p>"),
        (4, ""),
    ]
