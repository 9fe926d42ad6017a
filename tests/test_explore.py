"""pokin.explore: the data, the page's safety, and the page driven in a real browser."""

from __future__ import annotations

import html
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

import pokin
from pokin.cli import main
from pokin.explore import explore_html, explorer_data, json_for_html, vendored, write_explorer
from pokin.explore.page import ASSETS, sha256

from .conftest import jab, make

HOSTILE = (
    '</script><script>window.pwned=1</script><img src=x onerror="window.pwned=2">'
    ' & "q" \u2028 akhir'
)


def hostile() -> pokin.PohonKinerja:
    def mutate(d: dict[str, Any]) -> None:
        staf = jab(d, "staf")
        staf["nama"] = HOSTILE
        staf["kinerja"][0]["uraian"] = "Kinerja " + HOSTILE
        staf["kinerja"][0]["indikator"][0]["formulasi"] = "<!-- rumusunik < b && c > d -->"

    return make(mutate)


def _data_of(page: str) -> Any:
    found = re.search(r'<script type="application/json" id="pokin-data">(.*?)</script>', page, re.S)
    assert found is not None
    return json.loads(found.group(1))


def test_json_for_html_cannot_close_the_script() -> None:
    text = json_for_html({"a": "</script><!--&\u2028"})
    assert "<" not in text
    assert ">" not in text
    assert "&" not in text
    assert "\u2028" not in text
    assert json.loads(text) == {"a": "</script><!--&\u2028"}


def test_page_holds_every_text_as_json_never_as_markup() -> None:
    page = explore_html(hostile())
    assert page.count("</script>") == 4  # the data, the library, the view, the interaction
    assert "<script>window" not in page  # the texts' tags are JSON escapes
    assert "<img" not in page
    data = _data_of(page)
    staf = next(j for j in data["jabatan"] if j["id"] == "staf")
    assert staf["nama"] == HOSTILE
    box = data["kotak"][staf["kotak"][0]]
    assert box["indikator"][0]["formulasi"] == "<!-- rumusunik < b && c > d -->"


def test_page_loads_nothing_from_the_network() -> None:
    page = explore_html(make())
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", page)
    assert "@import" not in page
    assert "url(" not in page


def test_vendored_library_is_pinned_by_checksum() -> None:
    for name, record in vendored().items():
        assert sha256(name) == record["sha256"], f"{name} differs from the pinned file"
        assert record["version"]
        assert record["licence"] == "MIT"
        licence = Path(pokin.explore.__file__).parent / "assets" / record["licence_file"]
        assert "Permission is hereby granted" in licence.read_text()
    assert set(vendored()) <= set(ASSETS)


def test_data_has_rows_by_level_links_and_findings() -> None:
    data = explorer_data(pokin.datasets.load("sambutan-2023"))
    rows = {j["id"]: j["baris"] for j in data["jabatan"]}
    assert rows["camat"] == 0
    assert rows["sekretaris"] == rows["kasi-kebersihan-lh"] == 1  # Sekretaris and Kasi align
    assert rows["kasubbag-umum-kepegawaian"] == 2
    assert rows["bendahara-pengeluaran"] == rows["pengelola-data-kecamatan"] == 3  # all staff
    orphan = data["kotak"]["kasi-kebersihan-lh.k1"]
    assert "PK101" in [f[0] for f in orphan["temuan"]]
    skip = ["camat.k4.i1", "pengadministrasi-prasarana-sarana-umum.k1", "skip", None]
    assert skip in data["tautan"]  # a staff carrying the Camat's indicator: PK302
    assert ["camat.k1", "sekretaris.k1", "normal", None] in data["tautan"]


def test_cli_writes_the_page(tmp_path: Path) -> None:
    out = tmp_path / "pokin.html"
    assert main(["explore", "sambutan-2023", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert main(["explore", "sambutan-2023", "-o", str(tmp_path / "p.svg")]) == 2


# -- in a real browser ---------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    if CHROMIUM is None:
        pytest.skip("Debian's chromium is not installed")
    with sync_api.sync_playwright() as play:  # never downloads a browser: the system's
        launched = play.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield launched
        launched.close()


class Session:
    """One page of the explorer in the browser, with the errors and requests it made."""

    def __init__(self, browser: Any, path: Path, shots: Path) -> None:
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.shots = shots
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.errors.append("dialog " + d.message), d.dismiss()))
        self.page.goto(path.as_uri())
        self.page.wait_for_selector("html[data-pokin=ready]", timeout=30_000)

    def js(self, script: str) -> Any:
        return self.page.evaluate(script)

    def shot(self, name: str) -> None:
        self.page.wait_for_timeout(100)  # Panzoom applies its transform on the next frame
        self.page.screenshot(path=str(self.shots / f"{name}.png"))

    def classes(self, selector: str) -> list[str]:
        return str(self.page.get_attribute(selector, "class") or "").split()


@pytest.fixture(scope="module")
def kebomas(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, pokin.Cascade]:
    """Kebomas, with the links a planner draws from a staff member up to the IKU (the
    imported decree holds only six inferred ones: every staff box is an orphan there)."""
    tree = pokin.datasets.load("kebomas-2023")
    chain = [
        (
            "staf-pengadministrasi-umum-sub-bagian-umum-dan-kepegawaian",
            "kepala-sub-bagian-umum-dan-kepegawaian",
        ),
        ("kepala-sub-bagian-umum-dan-kepegawaian", "sekretaris-sekretariat-kecamatan"),
        ("sekretaris-sekretariat-kecamatan", "kepala-kecamatan-kebomas"),
    ]
    for lower, upper in chain:
        kinerja = tree.get_jabatan(lower).kinerja[0]
        kinerja.mendukung.append(
            pokin.Tautan(ke=str(tree.get_jabatan(upper).kinerja[0].indikator[0].id))
        )
    tree.get_jabatan("kepala-kecamatan-kebomas").kinerja[0].mendukung.append(
        pokin.Tautan(ke="I.K.S.1.1")
    )
    path = write_explorer(tree, tmp_path_factory.mktemp("explore") / "kebomas.html")
    return path, pokin.Cascade(tree)


def _staff_with_longest_path(cascade: pokin.Cascade) -> tuple[str, list[str]]:
    best: tuple[str, list[str]] = ("", [])
    for jabatan in cascade.tree.jabatan:
        if jabatan.peran.is_staf:
            for kinerja in jabatan.kinerja:
                path = cascade.path_to_iku(str(kinerja.id))
                if len(path) > len(best[1]):
                    best = (str(kinerja.id), path)
    return best


@pytest.mark.slow
def test_kebomas_in_a_real_browser(
    browser: Any, kebomas: tuple[Path, pokin.Cascade], tmp_path: Path
) -> None:
    path, cascade = kebomas
    s = Session(browser, path, tmp_path)
    cards = s.js("document.querySelectorAll('.card').length")
    assert cards == len(cascade.tree.jabatan) + 1  # and the IKU table
    assert s.js("document.querySelectorAll('.kotak').length") == 659 + 2
    s.shot("01-dimuat")

    # search: every hit highlighted, the first centred in the stage
    s.page.fill("#cari", "KEBERSIHAN")
    s.page.press("#cari", "Enter")
    s.page.wait_for_selector(".hit-now")
    hits = s.js("document.querySelectorAll('.hit').length")
    rows = [
        [i.uraian, i.formulasi, i.sumber_data, i.satuan, i.target]
        for _, i in cascade.tree.iter_indikator()
    ]
    rows += [[j.nama, j.unit, k.uraian] for j, k in cascade.tree.iter_kinerja()]
    expected = sum(
        any(w.startswith("kebersihan") for w in re.split(r"\W+", " ".join(map(str, row)).lower()))
        for row in rows
    )
    assert hits == expected > 0
    assert s.page.inner_text("#cari-jumlah").endswith(f"{hits} hasil")
    s.shot("02-cari")
    stage = s.page.locator("#stage").bounding_box()
    now = s.page.locator(".hit-now").bounding_box()
    assert abs(now["x"] + now["width"] / 2 - (stage["x"] + stage["width"] / 2)) < 5
    assert abs(now["y"] + now["height"] / 2 - (stage["y"] + stage["height"] / 2)) < 5

    # click a staff box: its path up to the IKU lights up, the panel shows its texts
    staff, up = _staff_with_longest_path(cascade)
    assert len(up) >= 4  # staff → their superior's indicator → ... → an IKU indicator
    kinerja = cascade.node(staff)
    s.page.fill("#cari", kinerja.uraian)
    s.page.press("#cari", "Enter")
    for _ in range(20):  # a template text: several staff carry it; step to this one
        if "hit-now" in s.classes(f'.kotak[data-id="{staff}"]'):
            break
        s.page.click("#cari-lanjut")
    box = s.page.locator(f'.kotak[data-id="{staff}"] > .uraian')
    box.click()  # a real mouse click on the box, at its place on the screen
    assert "pilih" in s.classes(f'.kotak[data-id="{staff}"]')
    for node in up[1:]:
        owner = node if cascade.graph.nodes[node]["jenis"] != "indikator" else None
        if owner is None:
            assert "naik" in s.classes(f'.ind[data-id="{node}"]'), node
            kin = next(
                k for k in cascade.graph.pred[node] if cascade.graph.nodes[k]["jenis"] != "kaskade"
            )
            assert {"naik", "pilih"} & set(s.classes(f'.kotak[data-id="{kin}"]')), kin
    assert up[-1] in cascade.iku
    lit_links = s.js("document.querySelectorAll('#links path.naik').length")
    assert lit_links >= len([n for n in up if cascade.graph.nodes[n]["jenis"] == "indikator"])
    unrelated = next(
        str(k.id)
        for j in cascade.tree.jabatan
        for k in j.kinerja
        if str(k.id) not in cascade.ancestors(staff) | {staff} | cascade.descendants(staff)
    )
    assert not {"naik", "turun", "pilih"} & set(s.classes(f'.kotak[data-id="{unrelated}"]'))
    panel = s.page.inner_text("#panel")
    assert kinerja.uraian in panel
    assert "Jalur ke IKU" in panel
    s.shot("03-jalur-ke-iku")
    top = up[-2] if cascade.graph.nodes[up[-1]]["jenis"] == "indikator" else up[-1]
    s.js(f"pokinExplorer.select({json.dumps(cascade.kinerja_of([top])[0])})")
    assert "turun" in s.classes(f'.kotak[data-id="{staff}"]')  # everything cascading from it
    s.js(f"pokinExplorer.select({json.dumps(staff)})")

    # collapse a unit from the panel, then a position with its toggle
    s.page.keyboard.press("Escape")
    unit = cascade.jabatan[cascade.owner(staff).id].unit  # type: ignore[union-attr]
    before = s.js("document.getElementById('world').offsetHeight")
    s.page.locator("#panel .unit-toggle", has_text=unit).first.click()
    assert not s.page.locator(f'.kotak[data-id="{staff}"]').is_visible()
    assert "ciut" in s.classes(f'.card[data-jabatan="{cascade.owner(staff).id}"]')  # type: ignore[union-attr]
    s.shot("04-unit-diciutkan")
    s.page.locator("#panel .unit-toggle", has_text=unit).first.click()
    assert s.page.locator(f'.kotak[data-id="{staff}"]').is_visible()
    camat = next(j for j in cascade.tree.jabatan if j.peran is pokin.Peran.CAMAT)
    s.page.locator(f'.card[data-jabatan="{camat.id}"] .toggle').dispatch_event("click")
    hidden = s.js("document.querySelectorAll('.card[hidden]').length")
    assert hidden == len(nx.descendants(cascade.struktur, camat.id))
    assert s.js("document.getElementById('world').offsetHeight") < before
    s.shot("05-camat-diciutkan")
    s.page.locator(f'.card[data-jabatan="{camat.id}"] .toggle').dispatch_event("click")
    assert s.js("document.querySelectorAll('.card[hidden]').length") == 0

    # zoom: the buttons and the mouse wheel
    scale = s.js("pokinExplorer.panzoom.getScale()")
    s.page.click("#zoom-in")
    zoomed = s.js("pokinExplorer.panzoom.getScale()")
    assert zoomed > scale
    s.page.mouse.move(500, 500)
    s.page.mouse.wheel(0, -400)
    s.page.wait_for_function(f"pokinExplorer.panzoom.getScale() > {zoomed}")
    s.shot("06-zoom")
    s.page.click("#zoom-fit")
    assert s.js("pokinExplorer.panzoom.getScale()") < zoomed

    # a filter: the orphans
    orphans = {f.where for f in pokin.check(cascade) if f.code == "PK101"}
    s.page.get_by_label("Kinerja yatim (PK101)").check()
    assert s.js("document.querySelectorAll('.kotak.cocok').length") == len(orphans)
    s.shot("07-saring-yatim")

    assert s.errors == []
    assert all(url.startswith("file://") for url in s.requests), s.requests
    for name in ("01-dimuat", "02-cari", "03-jalur-ke-iku", "04-unit-diciutkan", "06-zoom"):
        assert (tmp_path / f"{name}.png").stat().st_size > 10_000


@pytest.mark.slow
def test_hostile_texts_stay_text_in_the_browser(browser: Any, tmp_path: Path) -> None:
    path = write_explorer(hostile(), tmp_path / "hostile.html")
    s = Session(browser, path, tmp_path)
    assert s.js("window.pwned") is None
    assert s.js("document.querySelectorAll('img').length") == 0
    shown = s.js("document.querySelector('.card[data-jabatan=staf] .nama').textContent")
    assert shown == HOSTILE
    s.page.fill("#cari", "RUMUSUNIK <")
    s.page.press("#cari", "Enter")
    assert s.js("document.querySelectorAll('.hit').length") == 1
    s.page.fill("#cari", "musunik")  # the middle of a word: found when nothing begins so
    s.page.press("#cari", "Enter")
    assert s.js("document.querySelectorAll('.hit').length") == 1
    assert s.page.inner_text("#cari-jumlah") == "1 / 1 hasil (di tengah kata)"
    s.page.fill("#cari", "tidakadadimanapun")
    s.page.press("#cari", "Enter")
    assert s.js("document.querySelectorAll('.hit').length") == 0
    assert s.page.inner_text("#cari-jumlah") == "tidak ditemukan"
    assert s.errors == []


def test_report_holds_the_explorer_in_a_sandboxed_frame() -> None:
    from pokin.report import report_html

    page = report_html(hostile(), diagram="<svg></svg>")
    assert '<h2 id="penjelajah">' in page
    frame = re.search(r'<iframe class="pokin-explore"[^>]*srcdoc="([^"]*)"', page)
    assert frame is not None
    assert 'sandbox="allow-scripts"' in page
    inner = html.unescape(frame.group(1))
    assert _data_of(inner)["judul"].startswith("Pohon Kinerja Kecamatan Contoh")


@pytest.mark.slow
@pytest.mark.parametrize("name", [*pokin.datasets.names(), "(kosong)"])
def test_every_dataset_and_an_empty_tree_open_without_errors(
    browser: Any, tmp_path: Path, name: str
) -> None:
    """No IKU table (Wonoasih), staff only (Samarinda), nothing at all: the page still opens."""
    if name == "(kosong)":
        tree = pokin.PohonKinerja(organisasi=pokin.Organisasi(nama="Kecamatan Kosong"))
    else:
        tree = pokin.datasets.load(name)
    s = Session(browser, write_explorer(tree, tmp_path / "p.html"), tmp_path)
    boxes = sum(len(j.kinerja) for j in tree.jabatan) + len(tree.iku)
    assert s.js("document.querySelectorAll('.kotak').length") == boxes
    s.page.click("#zoom-fit")
    assert s.errors == []


@pytest.mark.slow
def test_each_filter_marks_the_boxes_carrying_its_findings(browser: Any, tmp_path: Path) -> None:
    """Sambutan (orphans, uncascaded IKU, level skips) with one inferred link awaiting
    review: each filter marks exactly the boxes whose kinerja or indicators carry its codes."""
    from pokin.explore import FILTERS

    tree = pokin.datasets.load("sambutan-2023")
    orphan = tree.get_jabatan("kasi-kebersihan-lh").kinerja[0]
    orphan.mendukung.append(
        pokin.Tautan(ke="camat.k3.i1", asal="inferensi", status="usulan", skor=0.7, alasan="x")
    )
    cascade = pokin.Cascade(tree)
    findings = pokin.check(cascade)
    box_of = {str(i.id): str(k.id) for _, k in tree.iter_kinerja() for i in k.indikator}
    box_of.update({str(i.id): str(s.id) for s in tree.iku for i in s.indikator})
    s = Session(browser, write_explorer(tree, tmp_path / "f.html", findings=findings), tmp_path)
    for key, (label, codes) in FILTERS.items():
        expected = {box_of.get(f.where, f.where) for f in findings if f.code in codes}
        assert expected, key  # every fault is present in this fixture
        s.page.get_by_label(label).check()
        marked = s.js("[...document.querySelectorAll('.kotak.cocok')].map(b => b.dataset.id)")
        assert set(marked) == expected, key
        s.shot(f"saring-{key}")
        s.page.get_by_label(label).uncheck()
        assert s.js("document.querySelectorAll('.kotak.cocok').length") == 0
    assert s.errors == []


@pytest.mark.slow
def test_panel_shows_full_texts_findings_and_capaian(browser: Any, tmp_path: Path) -> None:
    def measured(d: dict[str, Any]) -> None:
        indikator = jab(d, "staf")["kinerja"][0]["indikator"][0]
        indikator.update(target="200", realisasi="150", formulasi="jumlah & <b>rasio</b>")
        indikator.pop("sumber_data")

    tree = make(measured)
    box = tree.get_jabatan("staf").kinerja[0]
    s = Session(browser, write_explorer(tree, tmp_path / "c.html"), tmp_path)
    row = s.page.locator(f'.ind[data-id="{box.indikator[0].id}"]')
    assert "● capaian 75,0%" in row.inner_text()
    s.js(f"pokinExplorer.select({json.dumps(str(box.id))})")
    panel = s.page.inner_text("#panel")
    assert "capaian 75,0%" in panel
    assert "formulasi: jumlah & <b>rasio</b>" in panel  # the full text, as text
    assert "PK502" in panel  # the finding of the indicator without sumber data
    assert box.uraian in panel
    s.shot("panel")
    assert s.errors == []
