"""bench/kabupaten.py: the realistic kabupaten the link timing runs on (issue 13), at small
scale. Its copies must read as real kecamatan: each copy's links the ones its decree gets
alone, no id or atasan shared between copies, no place name of the source left."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

import pokin
from pokin.link import Relasi, infer_links

from .scripts import load_script

kabupaten = load_script(Path(__file__).resolve().parents[1] / "bench" / "kabupaten.py")

SMALL = ("datasets/sambutan-2023", "link/tirtamulya-2026", "heldout/karangwangi-2026")


def _tree(data: dict[str, Any], prefix: str | None = None) -> pokin.PohonKinerja:
    """The tree of ``data``, or of its copy ``prefix`` alone."""
    jabatan = [j for j in data["jabatan"] if prefix is None or j["id"].startswith(prefix)]
    return pokin.PohonKinerja.model_validate({"organisasi": data["organisasi"], "jabatan": jabatan})


def _proposals(tree: pokin.PohonKinerja, prefix: str = "") -> list[tuple[str, str, float, str]]:
    return [
        (p.dari.removeprefix(prefix), p.ke.removeprefix(prefix), p.skor, p.relasi.value)
        for p in infer_links(tree)
    ]


def test_copies_are_kecamatan_of_one_kabupaten() -> None:
    data = kabupaten.kabupaten_data(250, sources=SMALL)
    assert list(data["copies"].values()) == [*SMALL, SMALL[0]]  # in turn, to the size asked
    assert data == kabupaten.kabupaten_data(250, sources=SMALL)  # seeded
    assert data != kabupaten.kabupaten_data(250, sources=SMALL, seed=14)
    tree = _tree(data)
    assert sum(len(k.indikator) for _, k in tree.iter_kinerja()) >= 250
    assert not tree.iku
    ids = [str(j.id) for j in tree.jabatan]
    assert len(set(ids)) == len(ids)
    for prefix, source in data["copies"].items():
        mine = [j for j in tree.jabatan if str(j.id).startswith(prefix)]
        original = kabupaten._source(source)
        assert len(mine) == len(original.jabatan)
        assert all(j.atasan is None or j.atasan.startswith(prefix) for j in mine)
        assert sum(j.atasan is None for j in mine) == sum(
            j.atasan is None for j in original.jabatan
        )
        text = re.sub(r'"(id|atasan)":"[^"]*"', "", " ".join(j.model_dump_json() for j in mine))
        for place in kabupaten.places(original):  # "Sambutan", "Samarinda", "Sidorejo"
            assert not re.search(rf"\b{place}\b", text, re.I), (prefix, place)  # ids aside
    places = [kabupaten.places(_tree(data, p)) for p in data["copies"]]
    own = data["organisasi"]["nama"].removeprefix("Kabupaten ")
    for i, mine in enumerate(places):  # the kabupaten's name shared, every other per copy
        assert all(mine & theirs == {own} for theirs in places[i + 1 :])


@pytest.mark.parametrize(
    "source", [*SMALL, "datasets/wonoasih-2026", "blind4/watugandu-2025", "link/mekarsari-2026"]
)
def test_a_copy_links_as_its_decree(source: str) -> None:
    """Renaming places and prefixing ids changes no proposal (the IKU left out of both)."""
    data = kabupaten.kabupaten_data(1, sources=[source])
    original = kabupaten._source(source).model_copy(update={"iku": []})
    assert _proposals(_tree(data), "c001-") == _proposals(original)


def test_chain_links_stay_in_their_copy() -> None:
    data = kabupaten.kabupaten_data(250, sources=SMALL)
    proposals = infer_links(_tree(data))
    assert len(proposals) > 50
    for p in proposals:
        if p.relasi is not Relasi.CROSSCUTTING:  # the chain never leaves the copy
            assert p.dari.split("-")[0] == p.ke.split("-")[0], p


@pytest.mark.xfail(
    strict=True,
    reason="whole-tree statistics cross copies: word rarity, template rows (a text in 3 "
    "other units), boilerplate, and the one-target rule of crosscutting count every copy",
)
def test_the_whole_tree_links_as_its_copies() -> None:
    """What issue 13 asked of the kabupaten: its proposals exactly each copy's alone."""
    data = kabupaten.kabupaten_data(100, sources=SMALL[:2])
    alone = [x for prefix in data["copies"] for x in _proposals(_tree(data, prefix))]
    assert _proposals(_tree(data)) == alone
