"""resolve_references' one-pass answer (pokin.models.whole): it says a tree is whole only
when the long way would find nothing to give, resolve or report; every other tree goes the
long way and gets its problems as before."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pokin
from pokin.models import PohonKinerja, resolve_references
from pokin.models import references as long_way
from pokin.models.whole import whole

from .conftest import make

CONTEXT = {"defer_references": True}
WRITTEN: dict[str, Any] = pokin.io._clean(make())  # every id written out, as pokin saves


def _tree(data: dict[str, Any]) -> PohonKinerja:
    return PohonKinerja.model_validate(copy.deepcopy(data), context=CONTEXT)


def _long(data: dict[str, Any]) -> tuple[list[Any], Any]:
    """The problems and the tree the long way gives, the one-pass answer switched off."""
    tree = _tree(data)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(long_way, "whole", lambda _: False)
        problems = resolve_references(tree)
    return problems, tree.model_dump()


def test_a_file_pokin_wrote_is_whole() -> None:
    assert whole(_tree(WRITTEN))


def _kinerja(data: dict[str, Any], j: int) -> dict[str, Any]:
    kinerja: dict[str, Any] = data["jabatan"][j]["kinerja"][0]
    return kinerja


DEFECTS = {
    "no id": lambda d: d["jabatan"][1].pop("id"),
    "no kinerja id": lambda d: _kinerja(d, 2).pop("id"),
    "id twice": lambda d: _kinerja(d, 2)["indikator"][0].update(id="camat.k1.i1"),
    "jabatan id is a kinerja's": lambda d: d["jabatan"][3].update(id="camat.k1"),
    "jabatan id twice": lambda d: d["jabatan"][3].update(id="kasi"),
    "atasan after staff": lambda d: d["jabatan"].reverse(),  # sound, but not seen in one pass
    "atasan itself": lambda d: d["jabatan"][2].update(atasan="kasi"),
    "atasan nowhere": lambda d: d["jabatan"][2].update(atasan="lurah"),
    "link nowhere": lambda d: _kinerja(d, 1).update(mendukung=["camat.k1.i9"]),
    "link to itself": lambda d: _kinerja(d, 1).update(mendukung=["sekretaris.k1"]),
    "link by text": lambda d: _kinerja(d, 1).update(
        mendukung=[{"teks": "Indeks kepuasan masyarakat"}]
    ),
    "indicator link nowhere": lambda d: _kinerja(d, 3)["indikator"][0].update(mendukung=["x.y"]),
}


@pytest.mark.parametrize("defect", DEFECTS.values(), ids=DEFECTS.keys())
def test_anything_to_do_or_explain_goes_the_long_way(defect: Any) -> None:
    data = copy.deepcopy(WRITTEN)
    defect(data)
    tree = _tree(data)
    assert not whole(tree)
    problems, after = _long(data)
    assert resolve_references(tree) == problems
    assert tree.model_dump() == after


_IDS = st.sampled_from(["camat", "kasi", "camat.k1", "camat.k1.i1", "sekretaris.k1.i1", "z", ""])


@settings(max_examples=200, deadline=None)
@given(
    changes=st.lists(
        st.tuples(st.integers(0, 3), st.sampled_from(["id", "atasan", "link", "kid"]), _IDS),
        max_size=3,
    )
)
def test_whole_only_when_the_long_way_finds_nothing(changes: list[tuple[int, str, str]]) -> None:
    data = copy.deepcopy(WRITTEN)
    for j, field, value in changes:
        jabatan = data["jabatan"][j]
        if field in ("id", "atasan"):
            jabatan[field] = value or None
        elif field == "kid":
            jabatan["kinerja"][0]["id"] = value or None
        else:
            jabatan["kinerja"][0]["mendukung"] = [value] if value else []
    try:
        tree = _tree(data)
    except ValueError:
        return  # not even a tree of models
    problems, after = _long(data)
    if whole(tree):
        assert problems == []
        assert after == tree.model_dump()  # nothing given or resolved either
    assert resolve_references(tree) == problems
    assert tree.model_dump() == after
