"""SKP-style decrees (PermenPAN-RB 6/2022): every row names the superior's result it supports.

The tables have a "Rencana Hasil Kerja Pimpinan yang Diintervensi" column before the
position's own RHK, an "Aspek" column, the RHK written out on every row, and an "Atasan
Langsung" line under the position's title. The content is invented, in the decrees' style.
The same decree is read from tab-separated text, a markdown table and a Word file, and
must give the same tree with the same declared links.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import docx
import pytest

from pokin import PohonKinerja, check
from pokin.decree import import_decree
from pokin.decree.columns import column_role

from .decree_files import add_table

HEADER_CAMAT = ["RENCANA HASIL KERJA", "ASPEK", "INDIKATOR KINERJA INDIVIDU", "TARGET", "SATUAN"]
HEADER = ["RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI", *HEADER_CAMAT]
PELAYANAN = "Meningkatnya kualitas pelayanan publik kecamatan"
TRANTIB = "Meningkatnya ketenteraman dan ketertiban umum"
TATA_KELOLA = "Meningkatnya tata kelola administrasi dan keuangan kecamatan"
PATROLI = "Terlaksananya penanganan gangguan ketenteraman dan ketertiban umum"

POSITIONS: list[tuple[str, str | None, list[str], list[list[str]]]] = [
    (
        "CAMAT MEKARJAYA",
        None,
        HEADER_CAMAT,
        [
            [PELAYANAN, "Kualitas", "Indeks Kepuasan Masyarakat layanan kecamatan", "82", "indeks"],
            [PELAYANAN, "Waktu", "Persentase layanan PATEN selesai tepat waktu", "95", "persen"],
            [TRANTIB, "Kuantitas", "Persentase gangguan trantibum yang tertangani", "90", "persen"],
        ],
    ),
    (
        "SEKRETARIS KECAMATAN",
        "CAMAT MEKARJAYA",
        HEADER,
        [
            [PELAYANAN, TATA_KELOLA, "Kualitas", "Nilai SAKIP Kecamatan", "70", "nilai"],
            [
                # the decree's own capitals and punctuation: still the Camat's RHK
                "MENINGKATNYA KUALITAS PELAYANAN PUBLIK KECAMATAN.",
                TATA_KELOLA,
                "Kuantitas",
                "Persentase laporan keuangan yang tepat waktu",
                "100",
                "persen",
            ],
        ],
    ),
    (
        "KEPALA SEKSI KETENTERAMAN DAN KETERTIBAN UMUM",
        "Camat",  # the atasan by its title only: the one Camat block
        HEADER,
        [
            [TRANTIB, PATROLI, "Kuantitas", "Jumlah patroli wilayah", "48", "kali"],
            [TRANTIB, PATROLI, "Waktu", "Persentase aduan ditangani 1x24 jam", "90", "persen"],
        ],
    ),
    (
        "PENGADMINISTRASI UMUM",
        "SEKRETARIS KECAMATAN",
        HEADER,
        [
            [
                TATA_KELOLA,
                "Tersusunnya laporan keuangan bulanan",
                "Kuantitas",
                "Jumlah laporan keuangan bulanan",
                "12",
                "laporan",
            ],
            [
                # a result the Sekretaris does not hold: reported, never guessed
                "Meningkatnya kualitas perencanaan kecamatan",
                "Tersusunnya dokumen perencanaan",
                "Kuantitas",
                "Jumlah dokumen perencanaan yang disusun",
                "3",
                "dokumen",
            ],
        ],
    ),
]

HEAD = [
    "KEPUTUSAN CAMAT MEKARJAYA",
    "NOMOR 800/7/KEC.MKJ/2025",
    "TENTANG",
    "INDIKATOR KINERJA INDIVIDU DI LINGKUNGAN KECAMATAN MEKARJAYA TAHUN 2025",
    "",
]
FOOT = ["", "Ditetapkan di Mekarjaya", "pada tanggal 6 Januari 2025", "CAMAT MEKARJAYA"]


def _text(join: str, *, header_rule: bool = False) -> str:
    lines = list(HEAD)
    for n, (nama, atasan, header, rows) in enumerate(POSITIONS, 1):
        lines.append(f"{n}. JABATAN : {nama}")
        if atasan:
            lines.append(f"ATASAN LANGSUNG : {atasan}")
        lines.append(join(header))
        if header_rule:
            lines.append("|" + "---|" * len(header))
        lines.extend(join(row) for row in rows)
        lines.append("")
    return "\n".join(lines + FOOT) + "\n"


def _tab(tmp_path: Path) -> Path:
    path = tmp_path / "skp.txt"
    path.write_text(_text("\t".join), encoding="utf-8")
    return path


def _markdown(tmp_path: Path) -> Path:
    path = tmp_path / "skp.md"
    path.write_text(_text(lambda c: "| " + " | ".join(c) + " |", header_rule=True), "utf-8")
    return path


def _fixed_width(cells: list[str]) -> list[str]:
    """A row as ``pdftotext -layout`` writes it: cells wrapped in columns 2+ spaces apart."""
    widths = [28, 28, 10, 28, 7, 8][-len(cells) :]
    wrapped = [textwrap.wrap(c, w) or [""] for c, w in zip(cells, widths, strict=True)]
    return [
        "  ".join(
            (lines[n] if n < len(lines) else "").ljust(w)
            for lines, w in zip(wrapped, widths, strict=True)
        ).rstrip()
        for n in range(max(len(lines) for lines in wrapped))
    ]


def _layout(tmp_path: Path) -> Path:
    path = tmp_path / "skp-layout.txt"
    path.write_text(_text(lambda c: "\n".join(_fixed_width(c))), encoding="utf-8")
    return path


def _word(tmp_path: Path) -> Path:
    d = docx.Document()
    for line in HEAD:
        d.add_paragraph(line)
    for n, (nama, atasan, header, rows) in enumerate(POSITIONS, 1):
        d.add_paragraph(f"{n}. JABATAN : {nama}")
        if atasan:
            d.add_paragraph(f"ATASAN LANGSUNG : {atasan}")
        add_table(d, [header, *rows])
    for line in FOOT:
        d.add_paragraph(line)
    path = tmp_path / "skp.docx"
    d.save(str(path))
    return path


def _links(tree: PohonKinerja) -> dict[str, list[str]]:
    return {
        k.uraian: [str(t.ke) for t in k.mendukung] for _, k in tree.iter_kinerja() if k.mendukung
    }


@pytest.mark.parametrize(
    "write", [_tab, _markdown, _word, _layout], ids=["tab", "markdown", "docx", "pdftotext"]
)
def test_skp_rows_declare_their_links(write: object, tmp_path: Path) -> None:
    result = import_decree(write(tmp_path))  # type: ignore[operator]
    tree = result.tree
    camat, sekretaris, _kasi, staf = tree.jabatan
    # The RHK written on every row is one kinerja; the intervened column is not a kinerja.
    assert [k.uraian for k in camat.kinerja] == [PELAYANAN, TRANTIB]
    assert [len(k.indikator) for k in camat.kinerja] == [2, 1]
    assert [k.uraian for k in sekretaris.kinerja] == [TATA_KELOLA]
    assert [i.uraian for i in sekretaris.kinerja[0].indikator] == [
        "Nilai SAKIP Kecamatan",
        "Persentase laporan keuangan yang tepat waktu",
    ]
    assert sekretaris.kinerja[0].indikator[0].target == "70"
    # The declared links, to the atasan's kinerja, as declared (not proposals).
    # A kinerja with one indicator is linked through it; with several, as a whole.
    assert _links(tree) == {
        TATA_KELOLA: [camat.kinerja[0].id],
        PATROLI: [camat.kinerja[1].indikator[0].id],
        "Tersusunnya laporan keuangan bulanan": [sekretaris.kinerja[0].id],
    }
    assert all(t.asal.value == "deklarasi" for _, k in tree.iter_kinerja() for t in k.mendukung)
    # "ATASAN LANGSUNG : X" is read, also when X is the title alone ("Camat").
    assert [j.atasan for j in tree.jabatan] == [None, camat.id, camat.id, sekretaris.id]
    assert "atasan" not in staf.inferensi
    # The RHK nobody above holds: a note with its line, on the kinerja and in the result.
    unknown = staf.kinerja[1]
    assert not unknown.mendukung
    assert "«Meningkatnya kualitas perencanaan kecamatan» tidak ditemukan" in str(unknown.catatan)
    assert any("tidak ditemukan pada atasan" in note for _, note in result.notes)
    # The signature block after the last table is not a lost row.
    assert result.skipped == []
    # The declared links reach the Camat: no kinerja of the cascade is an orphan (PK101).
    orphans = [f for f in check(tree) if f.code == "PK101"]
    assert [f.where for f in orphans] == [unknown.id]


def test_every_layout_reads_the_same_tree(tmp_path: Path) -> None:
    trees = [write(tmp_path).name for write in (_tab, _markdown, _word, _layout)]
    dumped = [
        import_decree(tmp_path / name).tree.model_dump(exclude={"organisasi"}) for name in trees
    ]
    for other in dumped[1:]:
        assert _strip_catatan(other) == _strip_catatan(dumped[0])


def _strip_catatan(value: object) -> object:
    """The tree without the importer's notes (they name the layout and its line numbers)."""
    if isinstance(value, dict):
        return {k: _strip_catatan(v) for k, v in value.items() if k != "catatan"}
    if isinstance(value, list):
        return [_strip_catatan(v) for v in value]
    return value


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("Rencana Hasil Kerja Pimpinan yang Diintervensi", "kinerja_atasan"),
        ("RHK Pimpinan yang Diintervensi", "kinerja_atasan"),
        ("Kinerja Atasan", "kinerja_atasan"),
        ("Indikator Atasan yang Didukung", "kinerja_atasan"),
        ("Sasaran Pimpinan", "kinerja_atasan"),
        ("Rencana Hasil Kerja", "kinerja"),
        ("RHK", "kinerja"),
        ("IKI", "indikator"),
        ("Aspek", "lain"),
    ],
)
def test_superior_columns_are_told_apart(header: str, role: str) -> None:
    assert column_role(header) == role


def test_a_cell_naming_two_superior_results_links_both(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("1. JABATAN : CAMAT MEKARJAYA")
    add_table(
        d,
        [
            HEADER_CAMAT,
            [PELAYANAN, "Kualitas", "Indeks Kepuasan Masyarakat", "82", "indeks"],
            [TRANTIB, "Kuantitas", "Persentase gangguan tertangani", "90", "persen"],
        ],
    )
    d.add_paragraph("2. JABATAN : KEPALA SEKSI PELAYANAN")
    add_table(
        d,
        [
            ["KINERJA ATASAN", "RENCANA HASIL KERJA", "INDIKATOR", "TARGET"],
            [f"1. {PELAYANAN}\n2. {TRANTIB}", "Tertibnya layanan", "Jumlah layanan", "9"],
        ],
    )
    word = tmp_path / "dua.docx"
    d.save(str(word))
    tree = import_decree(word).tree
    camat = tree.jabatan[0]
    assert [t.ke for t in tree.jabatan[1].kinerja[0].mendukung] == [
        camat.kinerja[0].indikator[0].id,
        camat.kinerja[1].indikator[0].id,
    ]


PERJANJIAN = [
    "PERJANJIAN KINERJA TAHUN 2025",
    "KECAMATAN MEKARJAYA",
    "",
    "Kami yang bertanda tangan di bawah ini:",
    "Nama\t:\tBUDI SANTOSO, S.Sos",
    "Jabatan\t:\tKEPALA SEKSI PEMERINTAHAN",
    "selanjutnya disebut pihak pertama",
    "Nama\t:\tDrs. AHMAD HIDAYAT, M.Si",
    "Jabatan\t:\tCAMAT MEKARJAYA",
    "selaku atasan pihak pertama, selanjutnya disebut pihak kedua",
    "",
    "No\tSasaran\tIndikator Kinerja\tSatuan\tTarget",
    "1\tMeningkatnya tertib administrasi kelurahan\tPersentase kelurahan tertib\tpersen\t90",
    "2\tMeningkatnya kualitas data kependudukan\tPersentase data mutakhir\tpersen\t95",
    "",
    "Pihak Kedua\tPihak Pertama",
    "CAMAT MEKARJAYA\tKEPALA SEKSI PEMERINTAHAN",
]


def _as_markdown(lines: list[str]) -> str:
    """The Perjanjian Kinerja as a converter writes it in markdown: tables piped."""
    out: list[str] = []
    for line in lines:
        cells = line.split("\t")
        if line.startswith(("No\t", "Pihak Kedua")):
            out += ["", "| " + " | ".join(cells) + " |", "|" + "---|" * len(cells)]
        elif line.startswith(("1\t", "2\t", "CAMAT MEKARJAYA\t")):
            out.append("| " + " | ".join(cells) + " |")
        else:
            out.append(" ".join(cells))
    return "\n".join(out) + "\n"


def test_a_perjanjian_kinerja_names_the_atasan_as_second_party(tmp_path: Path) -> None:
    text = tmp_path / "pk.txt"
    text.write_text("\n".join(PERJANJIAN) + "\n", encoding="utf-8")
    d = docx.Document()
    for line in PERJANJIAN:
        if line.startswith(("No\t", "1\t", "2\t")):
            continue
        d.add_paragraph(line.replace("\t", " "))
    add_table(
        d, [line.split("\t") for line in PERJANJIAN if line.startswith(("No\t", "1\t", "2\t"))]
    )
    word = tmp_path / "pk.docx"
    d.save(str(word))
    markdown = tmp_path / "pk.md"
    markdown.write_text(_as_markdown(PERJANJIAN), encoding="utf-8")
    for path in (text, word, markdown):
        result = import_decree(path)
        (kasi,) = result.tree.jabatan  # the Camat is the second party, not a position here
        assert kasi.nama == "Kepala Seksi Pemerintahan"
        assert [k.uraian for k in kasi.kinerja] == [
            "Meningkatnya tertib administrasi kelurahan",
            "Meningkatnya kualitas data kependudukan",
        ]
        # The signature grid is not glued into the last row (it was: satuan "persen Pihak
        # Kedua\nCAMAT MEKARJAYA").
        last = kasi.kinerja[1].indikator[0]
        assert (last.satuan, last.target) == ("persen", "95"), path


def test_declared_atasan_that_loops_is_not_used(tmp_path: Path) -> None:
    path = tmp_path / "loop.txt"
    path.write_text(
        "1. JABATAN : KEPALA SEKSI A\nATASAN LANGSUNG : KEPALA SEKSI B\n"
        "KINERJA\tINDIKATOR\tTARGET\nMeningkatnya a\tJumlah a\t1\n\n"
        "2. JABATAN : KEPALA SEKSI B\nATASAN LANGSUNG : KEPALA SEKSI A\n"
        "KINERJA\tINDIKATOR\tTARGET\nMeningkatnya b\tJumlah b\t2\n",
        encoding="utf-8",
    )
    result = import_decree(path)
    a, b = result.tree.jabatan
    assert (a.atasan, b.atasan) == (b.id, None)
    assert "rantai atasan melingkar" in str(b.catatan)
    # said where the planner reads it, with the line of the block (QA3 #8)
    assert (
        6,
        "KEPALA SEKSI B: atasan langsung «KEPALA SEKSI A» tidak dipakai: jabatan itu berada "
        "di bawah jabatan ini (rantai atasan melingkar); atasan disimpulkan",
    ) in result.notes


def test_a_block_naming_itself_or_nobody_as_atasan_is_said(tmp_path: Path) -> None:
    path = tmp_path / "self.txt"
    path.write_text(
        "1. JABATAN : KEPALA SEKSI A\nATASAN LANGSUNG : Kepala Seksi A\n"
        "KINERJA\tINDIKATOR\tTARGET\nMeningkatnya a\tJumlah a\t1\n\n"
        "2. JABATAN : KEPALA SEKSI B\nATASAN LANGSUNG : KEPALA BIDANG X\n"
        "KINERJA\tINDIKATOR\tTARGET\nMeningkatnya b\tJumlah b\t2\n",
        encoding="utf-8",
    )
    notes = [note for _, note in import_decree(path).notes]
    assert "KEPALA SEKSI A: atasan langsung «Kepala Seksi A» tidak dipakai: keputusan menyebut" in (
        " ".join(notes)
    )
    # nobody of that name, and nobody above it in the decree: its atasan is outside
    assert "KEPALA SEKSI B: atasan langsung «KEPALA BIDANG X» berada di luar keputusan ini" in (
        " ".join(notes)
    )


def test_a_tree_the_builder_cannot_make_is_an_import_error() -> None:
    from pokin.decree import build_tree
    from pokin.decree.parts import Block, ParsedDecree, Row
    from pokin.errors import ImportDocumentError

    block = Block(nama="KEPALA SEKSI A", line=1, rows=[Row(line=3, kinerja="   ", indikator="x")])
    parsed = ParsedDecree(source="k.txt", layout="tab", blocks=[block])
    with pytest.raises(ImportDocumentError, match=r"^k\.txt: pohon kinerja tidak dapat disusun"):
        build_tree(parsed)


def test_each_line_of_a_superior_cell_links_at_its_own_level(tmp_path: Path) -> None:
    # QA4 #1: a cell naming the Kasi's result and the Camat's kept only the Kasi's (the
    # nearest level where any line matched); in markdown the <br> lines ran together.
    kasi_rhk = "Meningkatnya pemberdayaan masyarakat kelurahan"
    header = ["RHK PIMPINAN YANG DIINTERVENSI", "RHK", "INDIKATOR KINERJA INDIVIDU", "TARGET"]
    rows = [
        ("1. JABATAN : CAMAT MEKARJAYA", None, [*HEADER_CAMAT[:1], *HEADER_CAMAT[2:4]],
         [PELAYANAN, "Indeks Kepuasan Masyarakat", "82"]),
        ("2. JABATAN : KEPALA SEKSI PEMBERDAYAAN", "CAMAT MEKARJAYA", header,
         [PELAYANAN, kasi_rhk, "Jumlah kelurahan berdaya", "5"]),
        ("3. JABATAN : PENGADMINISTRASI PEMBERDAYAAN", "KEPALA SEKSI PEMBERDAYAAN", header,
         [f"{kasi_rhk}\n{PELAYANAN}", "Tersusunnya data usulan", "Jumlah usulan", "150"]),
    ]  # fmt: skip
    d = docx.Document()
    md = []
    for title, atasan, head, row in rows:
        d.add_paragraph(title)
        md.append(title)
        if atasan:
            d.add_paragraph(f"ATASAN LANGSUNG : {atasan}")
            md.append(f"ATASAN LANGSUNG : {atasan}")
        add_table(d, [head, row])
        md += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        md.append("| " + " | ".join(c.replace("\n", "<br>") for c in row) + " |")
    d.save(str(tmp_path / "multi.docx"))
    (tmp_path / "multi.md").write_text("\n".join(md) + "\n", encoding="utf-8")
    for name in ("multi.docx", "multi.md"):
        camat, kasi, staf = import_decree(tmp_path / name).tree.jabatan
        assert [t.ke for t in staf.kinerja[0].mendukung] == [
            kasi.kinerja[0].indikator[0].id,
            camat.kinerja[0].indikator[0].id,
        ], name


def test_the_top_position_names_its_outside_atasan_without_link_advice(tmp_path: Path) -> None:
    # QA4 #2: the Camat's Bupati is not in a kecamatan decree: no "atasan disimpulkan", no
    # "pokin link --suggest", one note per text however many rows repeat it
    bupati_rhk = "Meningkatnya kesejahteraan masyarakat kabupaten"
    path = tmp_path / "top.txt"
    path.write_text(
        "1. JABATAN : CAMAT MEKARJAYA\nATASAN LANGSUNG : BUPATI SUKAWANGI\n"
        + "\t".join(HEADER)
        + "\n"
        + "\t".join([bupati_rhk, PELAYANAN, "Kualitas", "Indeks Kepuasan", "82", "indeks"])
        + "\n"
        + "\t".join([bupati_rhk, TRANTIB, "Kuantitas", "Persentase gangguan", "90", "persen"])
        + "\n",
        encoding="utf-8",
    )
    result = import_decree(path)
    notes = [note for _, note in result.notes]
    assert notes == [
        "kolom «Aspek» tidak dikenal pokin: isinya disimpan di catatan indikator tiap baris",
        "CAMAT MEKARJAYA: atasan langsung «BUPATI SUKAWANGI» berada di luar keputusan ini: "
        "jabatan ini puncak pohonnya",
        f"RHK pimpinan yang diintervensi «{bupati_rhk}» milik atasan di luar keputusan ini "
        "(jabatan ini puncak pohon): dicatat, tidak ditautkan",
    ]
    (camat,) = result.tree.jabatan
    assert camat.atasan is None


def test_a_tugas_line_after_the_iku_table_belongs_to_the_first_position(tmp_path: Path) -> None:
    """The IKU table ends at the first JABATAN: the Camat's "Tugas:\t..." line right under
    his title is his tugas, not an IKU row (it was skipped with a warning, tugas empty)."""
    path = tmp_path / "k.txt"
    path.write_text(
        "KODE\tINDIKATOR KINERJA UTAMA\nS.1\tMeningkatnya pelayanan\n"
        "I.K.S.1.1\tIndeks kepuasan masyarakat\n\n"
        "Jabatan:\tCAMAT CONTOH (Struktural)\t\t\t\n"
        "Tugas:\tMemimpin penyelenggaraan pemerintahan kecamatan.\t\t\t\n\n"
        "No.\tRencana Kinerja\tIndikator Kinerja Individu\tFormulasi\tSumber Data\n"
        "1\tMeningkatnya pelayanan\tIndeks kepuasan masyarakat\tRata-rata\tSurvei\n",
        encoding="utf-8",
    )
    result = import_decree(path)
    (camat,) = result.tree.jabatan
    assert camat.tugas == "Memimpin penyelenggaraan pemerintahan kecamatan."
    assert not result.skipped
    assert [s.uraian for s in result.tree.iku] == ["Meningkatnya pelayanan"]


@pytest.mark.parametrize(
    ("sasaran", "indikator"), [("S.1", "I.K.S.1.1"), ("SS-1", "IKU-1"), ("T.1", "IK.1.1")]
)
def test_iku_codes_in_other_styles(tmp_path: Path, sasaran: str, indikator: str) -> None:
    """An IKU table coded "SS-1 / IKU-1" or "T.1 / IK.1.1" lost every row (held-out note)."""
    path = tmp_path / "k.txt"
    path.write_text(
        f"KODE\tINDIKATOR KINERJA UTAMA\n{sasaran}\tMeningkatnya pelayanan\n"
        f"{indikator}\tIndeks kepuasan masyarakat\n\n"
        "Jabatan:\tCAMAT CONTOH\n\n"
        "No.\tRencana Kinerja\tIndikator Kinerja Individu\tFormulasi\tSumber Data\n"
        "1\tMeningkatnya pelayanan\tIndeks kepuasan masyarakat\tRata-rata\tSurvei\n",
        encoding="utf-8",
    )
    result = import_decree(path)
    assert not result.skipped
    (s,) = result.tree.iku
    assert (s.uraian, [i.uraian for i in s.indikator]) == (
        "Meningkatnya pelayanan",
        ["Indeks kepuasan masyarakat"],
    )
