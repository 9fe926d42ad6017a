"""Tests for pokin.render (and its DOT builder pokin.render.dot)."""

from __future__ import annotations

import html
import re
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from pokin import Cascade, PohonKinerja, RenderError, check, datasets
from pokin.models import Peran
from pokin.render import (
    MISSING_DOT,
    Diagram,
    diagram,
    measure,
    paginate,
    render,
    render_gallery,
    run_dot,
    to_dot,
    to_svg,
)
from pokin.render.labels import escape_quoted, wrap_lines
from pokin.render.layout import STACK
from pokin.render.style import EDGE_STYLES, PALETTE

from .conftest import _ind, jab, make

needs_dot = pytest.mark.skipif(
    shutil.which("dot") is None, reason="Graphviz's dot is not installed"
)

HEADER = re.compile(r'PORT="(?:b\d+)?h"')
NASTY_KINERJA = '<p>Naik & "tinggi" {a|b}\\N</p>'
NASTY_INDIKATOR = "Nilai \\N \\G a\\\\b <ol><li>1</li></ol> ]]> 'q' | {x} &amp; \\"


# -- helpers ---------------------------------------------------------------------------------


def where(dot: str, node_id: str) -> tuple[str, str]:
    """The DOT node and port drawing the kinerja / indikator ``node_id``."""
    href = re.escape(f'HREF="#{html.escape(node_id)}"')
    for line in dot.splitlines():
        node = re.match(r"  (\w+) \[label=<", line)
        port = re.search(r'PORT="(\w+)"[^>]*' + href, line)
        if node and port:
            return node.group(1), port.group(1)
    raise AssertionError(f"{node_id} is not drawn")


def edge(dot: str, tail: str, head: str) -> str:
    """The attributes of the edge from ``tail`` to ``head`` (``node:port`` prefixes)."""
    found = re.search(rf"^  {re.escape(tail)}\S* -> {re.escape(head)}\S* \[(.*)\]$", dot, re.M)
    assert found, f"no edge {tail} -> {head}"
    return found.group(1)


def ranks(dot: str) -> list[list[str]]:
    return [g.split("; ") for g in re.findall(r"\{rank=same; (.*)\}", dot)]


def boxes(dot: str) -> int:
    return len(HEADER.findall(dot))


def drawn(dot: str) -> set[str]:
    """The ids of the kinerja drawn (not greyed) in a page."""
    found = set()
    for table in re.findall(r"<TABLE BORDER=\"\d\" CELLBORDER=\"1\".*?</TABLE>", dot):
        if 'STYLE="dashed"' not in table:
            found.add(
                html.unescape(re.search(r'h" BGCOLOR="[^"]*" [^>]*HREF="#([^"]*)"', table)[1])
            )
    return found


def synthetic(*, kelurahan: int = 6, staf: int = 2, indikator: int = 2) -> PohonKinerja:
    """A Kebomas-like kecamatan: sekretariat, four seksi, ``kelurahan`` kelurahan."""
    words = [
        "Meningkatnya",
        "kualitas",
        "pelayanan",
        "administrasi",
        "pemerintahan",
        "kelurahan",
        "yang",
        "tertib",
        "akuntabel",
        "dan",
        "tepat",
        "waktu",
        "bagi",
        "seluruh",
        "masyarakat",
        "di",
        "wilayah",
        "kecamatan",
    ]
    jabatan: list[dict[str, Any]] = []

    def text(seed: int, n: int) -> str:
        return " ".join(words[(seed * 7 + i * 3) % len(words)] for i in range(n))

    def add(nama: str, peran: str, unit: str, atasan: str | None, kinerja: int = 2) -> str:
        jid, n = f"j{len(jabatan) + 1}", len(jabatan)
        parent = next((j for j in jabatan if j["id"] == atasan), None)
        items = []
        for k in range(kinerja):
            links = []
            if parent is not None and n % 9:
                up = parent["kinerja"][k % len(parent["kinerja"])]
                links = [up["indikator"][(n + k) % len(up["indikator"])]["id"]]
            items.append(
                {
                    "id": f"{jid}.k{k + 1}",
                    "uraian": text(n + k, 9),
                    "mendukung": links,
                    "indikator": [
                        {"id": f"{jid}.k{k + 1}.i{i + 1}", "uraian": text(n * 3 + i, 8)}
                        for i in range(indikator)
                    ],
                }
            )
        jabatan.append(
            {"id": jid, "nama": nama, "peran": peran, "unit": unit, "atasan": atasan}
            | {"kinerja": items}
        )
        return jid

    camat = add("Camat", "camat", "Kecamatan", None, 3)
    sekretaris = add("Sekretaris", "sekretaris", "Sekretariat", camat)
    for sub in ("Umum", "Keuangan"):
        kasubbag = add(f"Kasubbag {sub}", "kasubbag", f"Subbagian {sub}", sekretaris)
        for s in range(staf + 1):
            add(f"Pengadministrasi {sub} {s}", "pelaksana", f"Subbagian {sub}", kasubbag, 1)
    for seksi in ("Pemerintahan", "Trantib", "Ekbang", "Kesos"):
        kasi = add(f"Kasi {seksi}", "kasi", f"Seksi {seksi}", camat)
        for s in range(staf + 1):
            add(f"Pengelola {seksi} {s}", "pelaksana", f"Seksi {seksi}", kasi, 1)
    for n in range(kelurahan):
        unit = f"Kelurahan {n}"
        lurah = add(f"Lurah {n}", "lurah", unit, camat)
        sekkel = add(f"Sekretaris Kelurahan {n}", "sekretaris_kelurahan", unit, lurah)
        add(f"Bendahara Kelurahan {n}", "bendahara", unit, sekkel, 1)
        for seksi in ("Pemerintahan", "Pemberdayaan", "Trantib"):
            kasi = add(f"Kasi {seksi} Kelurahan {n}", "kasi_kelurahan", unit, lurah)
            for s in range(staf):
                add(f"Staf {seksi} {n}.{s}", "fungsional" if s else "pelaksana", unit, kasi, 1)
    return PohonKinerja.model_validate(
        {"pokin": 1, "organisasi": {"nama": "Kecamatan Sintetis"}, "jabatan": jabatan}
    )


def nasty(data: dict[str, Any]) -> None:
    jab(data, "staf")["kinerja"][0]["uraian"] = NASTY_KINERJA
    jab(data, "staf")["kinerja"][0]["indikator"][0]["uraian"] = NASTY_INDIKATOR
    jab(data, "sekretaris")["kinerja"][0]["indikator"][0]["formulasi"] = 'a "b" \\ c'


# -- the DOT text ----------------------------------------------------------------------------


def test_one_table_per_kinerja_with_a_port_per_indicator() -> None:
    tree = make()
    dot = to_dot(tree)
    assert dot.startswith("digraph pokin {")
    assert "rankdir=TB" in dot
    assert boxes(dot) == 4
    for jabatan in tree.jabatan:
        for kinerja in jabatan.kinerja:
            node, port = where(dot, str(kinerja.id))
            assert port.endswith("h")
            for n, indikator in enumerate(kinerja.indikator, 1):
                assert where(dot, str(indikator.id)) == (node, port[:-1] + f"i{n}")
    assert "Pengadministrasi Umum" in dot  # the jabatan name in the header


def test_edges_leave_from_the_exact_indicator_row() -> None:
    dot = to_dot(make(), findings=False)
    camat, row = where(dot, "camat.k1.i2")
    kasi, _ = where(dot, "kasi.k1")
    attrs = edge(dot, f"{camat}:{row}:_", kasi)
    assert "style=solid" in attrs
    assert "constraint=false" not in attrs
    assert f"{camat}:{row}:_ -> {kasi}:n" in dot  # the top of the child's box


def test_kinerja_and_indicator_level_links_use_the_right_ends() -> None:
    dot = to_dot(datasets.load("sambutan-2023"), findings=False)
    camat, _ = where(dot, "camat.k1")
    sekretaris, _ = where(dot, "sekretaris.k1")
    assert f"  {camat}:h:e -> {sekretaris}:n [" in dot  # kinerja -> kinerja: from the header
    parent = "{}:{}:_".format(*where(dot, "kasubbag-umum-kepegawaian.k1.i1"))
    child = "{}:{}:_".format(*where(dot, "pengelola-data-kecamatan.k1.i1"))
    assert f"  {parent} -> {child} [" in dot  # indicator -> indicator: row to row


def test_iku_table_boxes_are_on_top() -> None:
    def with_iku(data: dict[str, Any]) -> None:
        data["iku"] = [
            {
                "id": "S.1",
                "uraian": "Meningkatnya kualitas pelayanan publik",
                "indikator": [{"id": "IKS.1", "uraian": "Indeks Kepuasan Masyarakat"}],
            }
        ]
        jab(data, "camat")["kinerja"][0]["mendukung"] = ["IKS.1"]

    dot = to_dot(make(with_iku))
    iku, row = where(dot, "IKS.1")
    camat, _ = where(dot, "camat.k1")
    rows = ranks(dot)
    assert iku in rows[0]
    assert camat in rows[1]
    assert f"{iku}:{row}:_ -> {camat}:n" in dot
    assert PALETTE["@iku"][0] in dot
    assert "IKU (sasaran organisasi)" in dot


def test_each_role_has_its_own_colour_and_the_legend_lists_those_drawn() -> None:
    fills = [fill for fill, _ in PALETTE.values()]
    assert len(set(fills)) == len(fills)
    assert set(Peran) <= set(PALETTE)
    dot = to_dot(make())
    node, _ = where(dot, "kasi.k1")
    line = next(x for x in dot.splitlines() if x.startswith(f"  {node} ["))
    assert f'BGCOLOR="{PALETTE[Peran.KASI][0]}"' in line
    legend = next(x for x in dot.splitlines() if x.startswith("  legend ["))
    assert "Kepala Seksi" in legend
    assert "Pelaksana (JFU)" in legend
    assert "Lurah" not in legend
    assert "legend" in ranks(dot)[0]
    assert "legend" not in to_dot(make(), legend=False)


def test_findings_mark_orphans_and_uncascaded_indicators() -> None:
    tree = make(lambda d: jab(d, "staf")["kinerja"][0].pop("mendukung"))
    dot = to_dot(tree)
    staf_line = next(x for x in dot.splitlines() if 'HREF="#staf.k1"' in x)
    assert 'BORDER="3"' in staf_line
    assert "tidak terhubung ke IKU (PK101)" in staf_line
    sek_line = next(x for x in dot.splitlines() if 'HREF="#sekretaris.k1"' in x)
    assert "⚠ belum diturunkan" in sek_line  # PK202: the staff carry it no more
    assert "PK101: " in staf_line  # the finding's message in the tooltip
    plain = to_dot(tree, findings=False)
    assert "PK101" not in plain
    assert "belum diturunkan" not in plain
    only_pk2 = to_dot(tree, findings=check(tree, select="PK2"))
    assert "belum diturunkan" in only_pk2
    assert "tidak terhubung ke IKU" not in only_pk2


@pytest.mark.parametrize(
    ("target", "kind", "code"),
    [("camat.k1.i1", "skip", "PK302"), ("kasi.k1.i1", "cross", "PK303")],
)
def test_skips_and_crosscutting_links_are_dashed_and_free(
    target: str, kind: str, code: str
) -> None:
    tree = make(lambda d: jab(d, "staf")["kinerja"][0].update(mendukung=[target]))
    assert code in check(tree).by_code()
    dot = to_dot(tree)
    style, color, text = EDGE_STYLES[kind]
    tail = "{}:{}:_".format(*where(dot, target))
    attrs = edge(dot, tail, where(dot, "staf.k1")[0])
    assert f"style={style}" in attrs
    assert f'color="{color}"' in attrs
    assert "constraint=false" in attrs  # does not distort the layout
    assert text in dot  # in the legend
    unflagged = edge(to_dot(tree, findings=False), tail, where(dot, "staf.k1")[0])
    assert "style=solid" in unflagged
    assert "constraint=false" in unflagged


@pytest.mark.parametrize(
    ("status", "style", "label"),
    [(None, "dotted", 'label="0,82"'), ("diterima", "solid", 'label="✓ 0,82"')],
)
def test_inferred_links_show_their_score(status: str | None, style: str, label: str) -> None:
    link = {"ke": "sekretaris.k1.i1", "asal": "inferensi", "skor": 0.82}
    if status:
        link["status"] = status
    tree = make(lambda d: jab(d, "staf")["kinerja"][0].update(mendukung=[link]))
    dot = to_dot(tree)
    attrs = edge(dot, "{}:{}:_".format(*where(dot, "sekretaris.k1.i1")), where(dot, "staf.k1")[0])
    assert f"style={style}" in attrs
    assert label in attrs
    assert 'color="#1565c0"' in attrs


def test_rejected_links_are_not_drawn() -> None:
    link = {"ke": "sekretaris.k1.i1", "asal": "inferensi", "skor": 0.4, "status": "ditolak"}
    tree = make(lambda d: jab(d, "staf")["kinerja"][0].update(mendukung=[link]))
    dot = to_dot(tree)
    assert not re.search(r"-> " + where(dot, "staf.k1")[0] + r":n \[style=", dot)


def test_long_texts_wrap_and_keep_their_full_text_in_the_tooltip() -> None:
    long = "Persentase " + " ".join(f"kelurahan{n}" for n in range(30)) + " yang dilayani"
    row = {"uraian": long, "target": None, "satuan": None}
    tree = make(lambda d: jab(d, "kasi")["kinerja"][0]["indikator"][0].update(row))
    dot = to_dot(tree, wrap=24)
    line = next(x for x in dot.splitlines() if 'HREF="#kasi.k1.i1"' in x)
    cell = re.search(r'HREF="#kasi.k1.i1" TOOLTIP="([^"]*)"><FONT[^>]*>(.*?)</FONT></TD>', line)
    assert cell is not None
    assert cell[1].startswith(long)  # the tooltip holds everything
    lines = cell[2].split("<BR/>")
    assert len(lines) > 10
    assert all(len(x) <= 24 for x in lines)
    assert " ".join(lines) == long  # wrapped, never cut


def test_wrap_lines_never_loses_text() -> None:
    text = "Jumlah  dokumen\tSAKIP https://example.org/sangat/panjang/sekali/alamatnya ok"
    lines = wrap_lines(text, 12)
    assert all(len(x) <= 12 for x in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "").replace("\t", "")


def test_decree_markup_is_escaped_in_the_dot_text() -> None:
    dot = to_dot(make(nasty))
    labels = "".join(x for x in dot.splitlines() if "[label=<" in x)
    assert "<p>" not in labels
    assert "<ol>" not in labels
    assert "\\\\N" in labels  # \N doubled, or Graphviz puts the node's name there
    assert "&lt;p&gt;Naik &amp; &quot;tinggi&quot; {a|b}\\\\N&lt;/p&gt;" in dot
    assert "&amp;amp;" in dot  # a literal "&amp;" in a decree stays literal
    assert escape_quoted(f"Persentase dokumen administrasi selesai → {NASTY_KINERJA}") in dot
    assert '\\"' in escape_quoted('a "b"')
    assert escape_quoted("\\N") == "\\\\N"


@needs_dot
def test_decree_markup_survives_dot_and_shows_verbatim_in_the_svg() -> None:
    svg = to_svg(make(nasty), wrap=40)  # the kinerja (bold) stays on one line
    assert "<p>" not in svg
    assert "<ol>" not in svg
    assert "&lt;p&gt;" in svg
    root = ET.fromstring(svg.encode())
    texts = [t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert NASTY_KINERJA in texts  # verbatim, unescaped by the SVG parser
    titles = [v for el in root.iter() for k, v in el.attrib.items() if k.endswith("}title") and v]
    assert any(t.startswith(NASTY_INDIKATOR + "\n") for t in titles)  # a row's tooltip
    assert any(t.startswith(NASTY_KINERJA + "\n") for t in titles)  # a header's tooltip
    assert f"Persentase dokumen administrasi selesai → {NASTY_KINERJA}" in titles  # an edge's
    assert any('formulasi: a "b" \\ c' in t for t in titles)


# -- what is drawn ---------------------------------------------------------------------------


def test_root_draws_what_cascades_below() -> None:
    tree = make()
    dot = to_dot(tree, root="sekretaris")
    assert drawn(dot) == {"sekretaris.k1", "staf.k1"}
    assert drawn(to_dot(tree, root="camat.k1.i1", depth=1)) == {"camat.k1", "sekretaris.k1"}
    assert "di bawah Sekretaris" in dot
    with pytest.raises(ValueError, match="id «nope»"):
        to_dot(tree, root="nope")


def test_depth_limits_the_cascade_but_keeps_orphans_in_reach() -> None:
    tree = make()
    assert drawn(to_dot(tree, depth=0)) == {"camat.k1"}
    assert drawn(to_dot(tree, depth=1)) == {"camat.k1", "sekretaris.k1", "kasi.k1"}
    orphan = make(lambda d: jab(d, "kasi")["kinerja"][0].pop("mendukung"))
    assert "kasi.k1" in drawn(to_dot(orphan, depth=1))
    assert "kasi.k1" not in drawn(to_dot(orphan, depth=0))


def test_unit_draws_its_positions_and_greys_what_they_link_to() -> None:
    dot = to_dot(make(), unit="sekretariat")
    assert drawn(dot) == {"sekretaris.k1", "staf.k1"}
    camat = next(x for x in dot.splitlines() if 'HREF="#camat.k1"' in x)
    assert 'STYLE="dashed"' in camat
    assert "#f5f5f5" in camat
    assert "Kasi Pelayanan" not in dot
    assert "konteks (di luar unit)" in dot
    with pytest.raises(ValueError, match="Seksi Pelayanan"):
        to_dot(make(), unit="Bagian Tidak Ada")


def test_accepts_a_cascade() -> None:
    tree = make()
    assert to_dot(Cascade(tree)) == to_dot(tree)


# -- layout ----------------------------------------------------------------------------------


def test_every_box_sits_in_one_rank_of_a_pinned_spine() -> None:
    dot = to_dot(datasets.load("sambutan-2023"))
    groups = ranks(dot)
    nodes = set(re.findall(r"^  ([bc]\d+) \[label=<", dot, re.M))
    placed = [n for g in groups for n in g if n[0] in "bc"]
    assert sorted(placed) == sorted(nodes)
    assert all(g[0] == f"r{n}" for n, g in enumerate(groups))
    assert " -> ".join(f"r{n}" for n in range(len(groups))) in dot


def test_staff_stack_in_columns_under_their_superior() -> None:
    def many_staff(data: dict[str, Any]) -> None:
        for n in range(7):
            data["jabatan"].append(
                {
                    "id": f"p{n}",
                    "nama": f"Pelaksana {n}",
                    "peran": "pelaksana",
                    "unit": "Seksi Pelayanan",
                    "atasan": "kasi",
                    "kinerja": [{"uraian": f"Kinerja {n}", "indikator": [_ind(f"Ind {n}")]}],
                }
            )

    dot = to_dot(make(many_staff))
    kasi = where(dot, "kasi.k1")[0]
    columns = {where(dot, f"p{n}.k1")[0] for n in range(7)}
    assert len(columns) == 3  # seven equal boxes: columns of three, three and one
    row = next(n for n, g in enumerate(ranks(dot)) if kasi in g)
    assert columns <= set(ranks(dot)[row + 2])  # on the staff row, below the Kasubbag row
    sizes = sorted(boxes(x) for x in dot.splitlines() if x.split(" [")[0].strip() in columns)
    assert sizes == [1, STACK, STACK]
    assert f"  {where(dot, 'kasi.k1')[0]} -> c" in dot  # anchored under the Kasi


def test_a_tall_box_does_not_pile_over_the_others() -> None:
    def staff(data: dict[str, Any]) -> None:
        for n, count in enumerate((12, 12, 4, 1, 1)):
            data["jabatan"].append(
                {
                    "id": f"p{n}",
                    "nama": f"Pelaksana {n}",
                    "peran": "pelaksana",
                    "atasan": "kasi",
                    "kinerja": [
                        {"uraian": f"K {n}", "indikator": [_ind(f"I {i}") for i in range(count)]}
                    ],
                }
            )

    dot = to_dot(make(staff))
    nodes = [where(dot, f"p{n}.k1")[0] for n in range(5)]
    assert nodes[0] != nodes[1] != nodes[2]  # the two tall boxes stand alone
    assert nodes[2] == nodes[3] == nodes[4]


def lurah_rows(tree: PohonKinerja) -> set[int]:
    """The rows the Lurah of a tree are drawn in."""
    dot = to_dot(tree)
    lurah = [where(dot, f"{j.id}.k1")[0] for j in tree.jabatan if j.peran is Peran.LURAH]
    return {n for n, group in enumerate(ranks(dot)) if set(lurah) & set(group)}


def test_wide_kecamatan_fold_into_bands() -> None:
    assert len(lurah_rows(synthetic(kelurahan=12))) > 1  # not twelve Lurah in one row
    assert len(lurah_rows(synthetic(kelurahan=2))) == 1


def test_measure_reads_the_svg_size() -> None:
    assert measure('<svg width="10pt" height="5pt" viewBox="0 0 640.5 320">') == (640.5, 320.0)
    assert measure('<svg height="2cm" width="1in">') == (72.0, pytest.approx(56.69, 0.01))
    with pytest.raises(ValueError, match="tidak ada elemen <svg>"):
        measure("<html/>")


@needs_dot
@pytest.mark.parametrize("name", ["sambutan-2023", "synthetic-98-jabatan"])
def test_a_whole_kecamatan_fits_a_screen(name: str) -> None:
    tree = datasets.load(name) if name in datasets.names() else synthetic(kelurahan=6)
    assert len(tree.jabatan) >= 22 if name in datasets.names() else len(tree.jabatan) == 98
    width, height = measure(to_svg(tree))
    assert width / height < 4
    assert height / width < 4


@needs_dot
@pytest.mark.parametrize("name", datasets.names())
def test_every_page_of_every_bundled_kecamatan_fits_a_screen(name: str, tmp_path: Path) -> None:
    # Imported decrees are harsher than Sambutan: a Camat or Lurah with a dozen kinerja,
    # a dozen staff tops without atasan (Samarinda), ten namesake Sekretaris under one Camat.
    written = render_gallery(datasets.load(name), tmp_path, name=name)
    for path in (p for p in written if p.suffix == ".svg"):
        width, height = measure(path.read_text(encoding="utf-8"))
        if max(width, height) <= 1200:  # fits a screen as it is, whatever its shape
            continue
        assert 1 / 4 < width / height < 4, f"{path.name}: {width:.0f} x {height:.0f}"


def test_a_position_with_many_kinerja_stacks_them() -> None:
    def busy_camat(data: dict[str, Any]) -> None:
        camat = jab(data, "camat")
        for n in range(9):
            camat["kinerja"].append({"uraian": f"Kinerja {n}", "indikator": [_ind(f"Ind {n}")]})

    dot = to_dot(make(busy_camat))
    nodes = {where(dot, f"camat.k{n}")[0] for n in range(1, 11)}
    assert 2 <= len(nodes) <= 4  # ten kinerja in a few columns, not a row of ten


def test_tops_without_subordinates_stack_together() -> None:
    def staff_only(data: dict[str, Any]) -> None:
        data["jabatan"] = [
            {
                "id": f"p{n}",
                "nama": f"Pelaksana {n}",
                "peran": "pelaksana",
                "kinerja": [{"uraian": f"K {n}", "indikator": [_ind(f"I {n}")]}],
            }
            for n in range(12)
        ]

    dot = to_dot(make(staff_only))
    assert len({where(dot, f"p{n}.k1")[0] for n in range(12)}) <= 4


# -- pages -----------------------------------------------------------------------------------


def test_a_tree_that_fits_is_one_page() -> None:
    pages = paginate(make(), name="contoh")
    assert [p.name for p in pages] == ["contoh"]
    assert pages[0].boxes == 4
    assert boxes(pages[0].dot) == 4


def test_pages_cover_every_kinerja_and_stay_under_the_limit() -> None:
    tree = synthetic(kelurahan=4)
    pages = paginate(tree, max_nodes=12, name="s")
    index, rest = pages[0], pages[1:]
    assert index.name == "s"
    assert all(f'HREF="{p.name}.svg"' in index.dot for p in rest)
    assert len({p.name for p in pages}) == len(pages)
    assert all(boxes(p.dot) == p.boxes <= 12 for p in rest)
    covered = set().union(*(drawn(p.dot) for p in rest))
    assert covered == {str(k.id) for _, k in tree.iter_kinerja()}
    assert any(p.title.startswith("Kelurahan 0") for p in rest)


def test_a_position_larger_than_a_page_is_split_in_parts() -> None:
    def many_kinerja(data: dict[str, Any]) -> None:
        jab(data, "kasi")["kinerja"] += [
            {"uraian": f"Kinerja {n}", "indikator": [_ind(f"Ind {n}")]} for n in range(5)
        ]

    pages = paginate(make(many_kinerja), max_nodes=2)
    kasi = [p for p in pages if "kasi" in "".join(drawn(p.dot))]
    assert len(kasi) == 3
    assert all(p.boxes <= 2 for p in pages[1:])


def test_a_kabupaten_paginates_quickly_enough_to_run() -> None:
    tree = synthetic(kelurahan=60, staf=4, indikator=3)
    assert sum(1 for _ in tree.iter_indikator()) > 4000
    cascade = Cascade(tree)
    dot = to_dot(cascade, findings=check(cascade))
    assert boxes(dot) == sum(len(j.kinerja) for j in tree.jabatan)
    pages = paginate(cascade, max_nodes=400)
    assert len(pages) > 2
    assert max(p.boxes for p in pages[1:]) <= 400


# -- rendering -------------------------------------------------------------------------------


@needs_dot
@pytest.mark.parametrize(
    ("suffix", "magic"), [(".svg", b"<?xml"), (".png", b"\x89PNG"), (".pdf", b"%PDF")]
)
def test_render_by_suffix(tmp_path: Path, suffix: str, magic: bytes) -> None:
    out = render(make(), tmp_path / f"pokin{suffix}", unit="Sekretariat")
    assert out == tmp_path / f"pokin{suffix}"
    assert out.read_bytes().startswith(magic)


def test_render_dot_needs_no_graphviz(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    out = render(make(), tmp_path / "x.gv")
    assert out.read_text(encoding="utf-8") == to_dot(make())
    assert render(make(), tmp_path / "y.txt", format="dot").read_text(encoding="utf-8")
    with pytest.raises(ValueError, match="beri akhiran"):
        render(make(), tmp_path / "x.jpeg")


def test_missing_dot_says_how_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "pokin.svg"
    out.write_text("old", encoding="utf-8")
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(RenderError) as raised:
        render(make(), out)
    assert str(raised.value) == MISSING_DOT
    assert "apt-get install graphviz" in MISSING_DOT
    assert "graphviz.org/download" in MISSING_DOT
    assert out.read_text(encoding="utf-8") == "old"  # written atomically, or not at all


def fake_dot(folder: Path, body: str) -> None:
    """A `dot` on PATH that runs the Python ``body`` instead."""
    script = folder / "dot"
    script.write_text(f"#!{sys.executable}\nimport sys, time\n{body}\n", encoding="utf-8")
    script.chmod(0o755)


def test_a_slow_dot_times_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_dot(tmp_path, "time.sleep(10)")
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(RenderError, match=r"0,3 detik; gambarnya kecil.*sibuk.*--timeout"):
        render(make(), tmp_path / "x.svg", timeout=0.3)  # a tiny tree: not blamed on size
    assert not (tmp_path / "x.svg").exists()


def test_a_failing_dot_reports_its_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_dot(tmp_path, "sys.stdin.read(); sys.exit('syntax error in line 3')")
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(RenderError, match=r"kode keluar 1.*syntax error in line 3"):
        run_dot("digraph {}")


@needs_dot
def test_gallery_writes_the_tree_and_a_page_per_unit(tmp_path: Path) -> None:
    written = render_gallery(make(), tmp_path / "out", name="contoh")
    names = sorted(p.name for p in written)
    assert names == [
        "contoh-kecamatan.svg",
        "contoh-sekretariat.svg",
        "contoh-seksi-pelayanan.svg",
        "contoh.dot",
        "contoh.svg",
    ]
    assert all(p.stat().st_size > 0 for p in written)
    paged = render_gallery(make(), tmp_path / "paged", name="contoh", max_nodes=1)
    index = (tmp_path / "paged" / "contoh.svg").read_text(encoding="utf-8")
    assert 'xlink:href="contoh-kecamatan.svg"' in index
    assert len(paged) == 2 + 4  # dot + index, and four pages of one box


def test_gallery_writes_nothing_when_a_drawing_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_dot(tmp_path, "sys.exit('boom') if 'seksi' in sys.stdin.read().lower() else print()")
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(RenderError, match="boom"):
        render_gallery(make(), tmp_path / "out", name="contoh")
    assert not (tmp_path / "out").exists()


@needs_dot
def test_a_failed_gallery_leaves_the_last_one_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    render_gallery(make(), out, name="contoh", max_nodes=1)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    real = shutil.which("dot")
    assert real is not None
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake_dot(  # the real dot for every page but one, which fails
        bin_dir,
        f"import subprocess\ngiven = sys.stdin.buffer.read()\n"
        f"if b'Seksi Pelayanan' in given: sys.exit('boom')\n"
        f"sys.stdout.buffer.write(subprocess.run([{real!r}, *sys.argv[1:]], input=given, "
        f"capture_output=True, check=True).stdout)",
    )
    monkeypatch.setenv("PATH", str(bin_dir))
    with pytest.raises(RenderError, match="boom"):
        render_gallery(make(), out, name="contoh", max_nodes=1, wrap=20)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # no temporary file left


def test_the_gallery_gives_back_the_switch_interval_it_shortens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[float] = []
    monkeypatch.setattr(sys, "getswitchinterval", lambda: 0.007)
    monkeypatch.setattr(sys, "setswitchinterval", seen.append)
    fake_dot(tmp_path, "sys.exit('boom')")
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(RenderError, match="boom"):
        render_gallery(make(), tmp_path / "out", name="contoh")
    assert seen == [0.0005, 0.007]  # shortened while drawing, restored on a failure too


# -- Diagram ---------------------------------------------------------------------------------


@needs_dot
def test_diagram_draws_and_saves(tmp_path: Path) -> None:
    shown = diagram(make(), root="sekretaris")
    assert isinstance(shown, Diagram)
    assert str(shown) == shown.source
    assert shown.svg().lstrip().startswith("<?xml")
    assert repr(shown) == "<Diagram: 2 kotak>"
    assert shown.save(tmp_path / "d.pdf").read_bytes().startswith(b"%PDF")


# -- capaian ---------------------------------------------------------------------------------


def test_capaian_is_drawn_as_a_traffic_light_and_rolls_up() -> None:
    def realisasi(d: dict[str, Any]) -> None:
        jab(d, "sekretaris")["kinerja"][0]["indikator"][0]["realisasi"] = "95"  # hijau
        jab(d, "kasi")["kinerja"][0]["indikator"][0]["realisasi"] = "50"  # merah
        for id in ("sekretaris", "kasi"):  # each a component of the Camat's indicator
            kinerja = jab(d, id)["kinerja"][0]
            kinerja["mendukung"] = [{"ke": k, "komponen": True} for k in kinerja["mendukung"]]

    dot = to_dot(make(realisasi))
    assert "capaian 95,0%" in dot
    assert "capaian 50,0%" in dot
    assert '<FONT COLOR="#2e7d32">●</FONT> capaian 95,0%' in dot
    assert '<FONT COLOR="#c62828">●</FONT> capaian 50,0%' in dot
    # The Camat's indicators have no realisasi of their own: rolled up, and said so.
    assert "capaian 95,0% (agregasi)" in dot
    assert "capaian ≥ 90% · ≥ 75% · lebih rendah" in dot  # the legend


def test_no_capaian_without_realisasi() -> None:
    dot = to_dot(make())
    assert "capaian" not in dot


def test_a_unit_name_with_stray_spaces_is_found() -> None:
    assert "Nilai SKM seksi pelayanan" in to_dot(make(), unit="  Seksi   Pelayanan ")


def test_a_unit_drawing_shows_its_superior_even_when_nothing_links_up() -> None:
    tree = make(lambda d: jab(d, "kasi")["kinerja"][0].pop("mendukung"))
    dot = to_dot(tree, unit="Seksi Pelayanan")
    assert "Nilai SKM seksi pelayanan" in dot
    assert "Meningkatnya kualitas pelayanan publik" in dot  # the Camat's kinerja, as context
    assert 'STYLE="dashed"' in dot  # drawn greyed, as context


def test_pages_draw_the_iku_table_on_the_head_units_page_and_list_units_by_chart() -> None:
    def with_iku(data: dict[str, Any]) -> None:
        data["iku"] = [
            {
                "id": "S.1",
                "uraian": "Meningkatnya kualitas pelayanan publik",
                "indikator": [{"id": "IKS.1", "uraian": "Indeks Kepuasan Masyarakat"}],
            }
        ]
        jab(data, "camat")["kinerja"][0]["mendukung"] = ["IKS.1"]

    pages = paginate(make(with_iku), max_nodes=2, name="p")
    holding = [p.name for p in pages if 'HREF="#IKS.1"' in p.dot]
    assert holding == ["p-kecamatan"]  # the Camat's unit, not lost between the pages
    assert [p.name for p in pages[1:]] == [
        "p-kecamatan",
        "p-sekretariat-sekretaris",
        "p-sekretariat-pengadministrasi-umum",
        "p-seksi-pelayanan",
    ]


def test_positions_of_one_level_share_a_rank() -> None:
    """Sambutan: Sekretaris and every Kasi on one rank, the Kasubbag on the next, every
    staff member (under a Kasubbag or right under a Kasi) on the one below."""
    tree = datasets.load("sambutan-2023")
    dot = to_dot(tree)
    rank_of = {name: n for n, group in enumerate(ranks(dot)) for name in group}

    def rank(jabatan: Any) -> int:
        return rank_of[where(dot, f"{jabatan.kinerja[0].id}")[0]]

    by_role: dict[str, set[int]] = {}
    for jabatan in tree.jabatan:
        level = {"sekretaris": "kasi", "lurah": "kasi", "bendahara": "staf"}.get(
            jabatan.peran.value, "staf" if jabatan.peran.is_staf else jabatan.peran.value
        )
        by_role.setdefault(level, set()).add(rank(jabatan))
    assert {k: len(v) for k, v in by_role.items()} == dict.fromkeys(by_role, 1)
    row = {level: found.pop() for level, found in by_role.items()}
    assert row["camat"] < row["kasi"] < row["kasubbag"] < row["staf"]


def test_a_bare_number_target_is_drawn_the_indonesian_way() -> None:
    row = {"target": "1450", "satuan": "surat", "realisasi": "1200.5"}
    tree = make(lambda d: jab(d, "kasi")["kinerja"][0]["indikator"][0].update(row))
    line = next(x for x in to_dot(tree).splitlines() if 'HREF="#kasi.k1.i1"' in x)
    assert "target 1.450 surat" in line
    assert "target: 1.450 surat" in line  # the tooltip
    assert "realisasi: 1.200,5" in line
    assert "1450" not in line
