"""References of a tree (ids, atasan, links by id) against a plain, slow oracle.

:func:`pokin.models.resolve_references` takes shortcuts on a sound tree (ids gathered into
sets, the atasan-cycle walk skipped when every atasan is written before its staff, the
missing ids given only when one is missing); these tests hold it to the obvious reading.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from pokin import PohonKinerja, loads
from pokin.models import resolve_references

IDS = ["a", "b", "c", "d", "e", "f"]  # few, so that ids collide and links dangle


def _validated(data: dict[str, Any]) -> PohonKinerja:
    return PohonKinerja.model_validate(data, context={"defer_references": True})


def _oracle(data: dict[str, Any]) -> bool:
    """Whether a tree whose ids are all given has a reference problem, read naively."""
    jabatan = data["jabatan"]
    kinerja = [k for j in jabatan for k in j["kinerja"]]
    indikator = [i for k in kinerja for i in k["indikator"]]
    ids = [n["id"] for n in [*jabatan, *kinerja, *indikator]]
    if len(ids) != len(set(ids)):
        return True
    by_id = {j["id"]: j for j in jabatan}
    for start in jabatan:
        seen = {start["id"]}
        current = start
        while current.get("atasan") is not None:
            if current["atasan"] not in by_id or current["atasan"] in seen:
                return True
            current = by_id[current["atasan"]]
            seen.add(current["id"])
    linkable = {n["id"] for n in [*kinerja, *indikator]}
    return any(
        ke == node["id"] or ke not in linkable
        for node in [*kinerja, *indikator]
        for ke in node.get("mendukung", [])
    )


@st.composite
def trees(draw: st.DrawFn) -> dict[str, Any]:
    """Up to five jabatan in any order, with ids, atasan and links drawn from a few names."""
    names = iter(f"n{n}" for n in range(100))
    some_id = st.sampled_from([*IDS, "j0", "j1", "j2"])

    def node(extra: dict[str, Any]) -> dict[str, Any]:
        fresh = next(names)  # mostly unique ids and no links: the other problems stay rare
        own = draw(some_id) if draw(st.integers(0, 9)) == 0 else fresh
        links = draw(st.lists(some_id, max_size=2)) if draw(st.integers(0, 2)) == 0 else []
        return {"id": own, "uraian": f"U {own}", **extra, **({"mendukung": links} if links else {})}

    jabatan = []
    size = draw(st.integers(1, 5))
    for n in range(size):
        kinerja = [
            node({"indikator": [node({}) for _ in range(draw(st.integers(0, 2)))]})
            for _ in range(draw(st.integers(0, 2)))
        ]
        atasan = draw(st.sampled_from([None, "x", *(f"j{m}" for m in range(size) for _ in "abc")]))
        jabatan.append(
            {"id": f"j{n}", "nama": f"J{n}", "peran": "kasi", "atasan": atasan, "kinerja": kinerja}
        )
    return {"pokin": 1, "organisasi": {"nama": "K"}, "jabatan": draw(st.permutations(jabatan))}


@settings(max_examples=300, deadline=None)
@given(trees())
def test_a_problem_is_found_exactly_when_the_naive_reading_finds_one(data: dict[str, Any]) -> None:
    assert bool(resolve_references(_validated(data))) == _oracle(data)


def test_staff_written_before_its_atasan_is_no_cycle_and_a_cycle_is_found_in_any_order() -> None:
    head = "pokin: 1\norganisasi: {nama: K}\njabatan:\n"
    staff = "  - {id: s, nama: S, peran: kasi, atasan: c}\n"
    camat = "  - {id: c, nama: C, peran: camat}\n"
    assert [j.id for j in loads(head + staff + camat).jabatan] == ["s", "c"]
    rows = [("a", "c"), ("b", "a"), ("c", "b")]  # a -> c -> b -> a
    for order in ([0, 1, 2], [2, 1, 0], [1, 0, 2]):
        jabatan = [
            {"id": rows[n][0], "nama": rows[n][0], "peran": "kasi", "atasan": rows[n][1]}
            for n in order
        ]
        tree = _validated({"pokin": 1, "organisasi": {"nama": "K"}, "jabatan": jabatan})
        (problem,) = resolve_references(tree)
        assert "melingkar" in problem.message


def test_an_id_shared_by_a_jabatan_and_an_indikator_and_a_link_to_a_jabatan() -> None:
    data: dict[str, Any] = {
        "pokin": 1,
        "organisasi": {"nama": "K"},
        "jabatan": [
            {"id": "camat", "nama": "Camat", "peran": "camat", "kinerja": [{"uraian": "K"}]},
            {
                "id": "sek",
                "nama": "Sek",
                "peran": "sekretaris",
                "atasan": "camat",
                "kinerja": [{"uraian": "L", "indikator": [{"id": "camat", "uraian": "I"}]}],
            },
        ],
    }
    (problem,) = resolve_references(_validated(data))
    assert problem.path == ("jabatan", 1, "kinerja", 0, "indikator", 0, "id")
    assert "sudah dipakai di jabatan[0]" in problem.message
    data["jabatan"][1]["kinerja"][0]["indikator"][0]["id"] = "i"
    data["jabatan"][1]["kinerja"][0]["mendukung"] = ["camat"]
    (problem,) = resolve_references(_validated(data))
    assert "tidak ada apa pun dalam berkas dengan id 'camat'" in problem.message


def test_deferred_validation_leaves_the_ids_to_resolve_references() -> None:
    data: dict[str, Any] = {
        "pokin": 1,
        "organisasi": {"nama": "K"},
        "jabatan": [
            {"nama": "Camat", "peran": "camat", "kinerja": [{"uraian": "K", "indikator": []}]},
            {
                "nama": "Sek",
                "peran": "sekretaris",
                "atasan": "camat",
                "kinerja": [{"uraian": "L", "mendukung": ["camat.k1"]}],
            },
        ],
    }
    deferred = _validated(data)
    assert deferred.jabatan[0].id is None
    assert resolve_references(deferred) == []
    assert deferred == PohonKinerja.model_validate(data)
    assert [k.id for _, k in deferred.iter_kinerja()] == ["camat.k1", "sek.k1"]
