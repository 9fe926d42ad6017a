"""The loaders' fast validator (pokin.models.fast): whatever it accepts, the models accept
and build into the very same tree; whatever needs normalising or is wrong, it refuses, and
pokin.load then gives the models' tree or the models' error."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

import pokin
from pokin import _yaml
from pokin.errors import PokinFileError
from pokin.models import PohonKinerja
from pokin.models.fast import validate_fast

from .conftest import BASE

ROOT = Path(__file__).resolve().parent.parent
CONTEXT = {"defer_references": True}


def _trees() -> list[Path]:
    """Every pokin tree file of datasets/ and tests/fixtures/ (never blind3/)."""
    found = []
    for folder in (ROOT / "datasets", ROOT / "tests" / "fixtures"):
        for path in sorted(folder.rglob("*")):
            if "blind3" in path.parts or path.suffix not in (".yaml", ".json"):
                continue
            head = path.read_text(encoding="utf-8", errors="replace")[:2000]
            if "pokin: 1" in head or '"pokin": 1' in head:
                found.append(path)
    return found


def _same(fast: Any, slow: Any) -> None:
    """Two trees equal node for node: values, classes and which fields were given."""
    assert type(fast) is type(slow)
    if isinstance(slow, BaseModel):
        assert fast.model_fields_set == slow.model_fields_set
        for name in type(slow).model_fields:
            _same(getattr(fast, name), getattr(slow, name))
    elif isinstance(slow, list):
        assert len(fast) == len(slow)
        for one, other in zip(fast, slow, strict=True):
            _same(one, other)
    else:
        assert fast == slow


def _compare(data: Any) -> bool:
    """Whether the fast validator accepted ``data``; if it did, the models built the same
    tree; if the models refuse it, so did the fast validator."""
    try:
        slow = PohonKinerja.model_validate(copy.deepcopy(data), context=CONTEXT)
    except ValidationError:
        with pytest.raises(ValidationError):
            validate_fast(data)
        return False
    try:
        fast = validate_fast(data)
    except ValidationError:
        return False
    _same(fast, slow)
    return True


@pytest.mark.parametrize("path", _trees(), ids=lambda p: p.name)
def test_every_dataset_and_fixture_tree_is_built_the_same(path: Path) -> None:
    data = _yaml.plain_data(path.read_text(encoding="utf-8"))
    _compare(data)


def test_what_pokin_writes_takes_the_fast_path(tmp_path: Path) -> None:
    for name in ("sambutan-2023.yaml", "kebomas-2023.yaml"):
        tree = pokin.load(ROOT / "datasets" / name)
        for suffix in (".yaml", ".json"):
            saved = pokin.save(tree, tmp_path / f"t{suffix}")
            text = saved.read_text(encoding="utf-8")
            data = json.loads(text) if suffix == ".json" else _yaml.plain_data(text)
            assert _compare(data), f"{name} as {suffix} refused by the fast validator"


_TEXTS = st.one_of(
    st.sampled_from(
        [
            *("Nilai SKM", " Nilai SKM", "Nilai SKM\n", "\u00a0x", "x\u2003", "a\tb", "", "   "),
            *("é", "\x85x", "x\x1c", "a\nb", "x\u2028", "\u200bx"),  # Unicode's spaces or not
        ]
    ),
    st.integers(-5, 10**6),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.booleans(),
    st.none(),
    st.text(max_size=6),
)
_IDS = st.one_of(
    st.sampled_from(["camat.k1.i1", "x", "a b", " x", "x ", "", "1.2", "é", "a" * 129]),
    st.integers(0, 99),
    st.none(),
)
_LEVELS = st.sampled_from(
    ["output", "Output", "immediate_outcome", "Immediate Outcome", " output", "", None, 3]
)
_LINKS = st.one_of(
    _IDS,
    st.fixed_dictionaries(
        {"ke": _IDS},
        optional={
            "teks": _TEXTS,
            "asal": st.sampled_from(["inferensi", "deklarasi", " inferensi", "x"]),
            "status": st.sampled_from(["usulan", "ditolak", "diterima", "Usulan"]),
            "skor": st.one_of(st.floats(-1, 2), st.sampled_from(["0,5", "0.5"])),
            "alasan": _TEXTS,
            "komponen": st.one_of(st.booleans(), st.sampled_from(["ya", 1, 0])),
        },
    ),
)
_INDIKATOR = st.fixed_dictionaries(
    {"uraian": _TEXTS},
    optional={
        "id": _IDS,
        "satuan": _TEXTS,
        "target": _TEXTS,
        "catatan": _TEXTS,
        "polaritas": st.sampled_from(["naik", "turun", " naik", "Naik"]),
        "level_hasil": _LEVELS,
        "per_periode": st.lists(
            st.fixed_dictionaries(
                {
                    "periode": st.sampled_from(
                        ["TW I", "tw 2", "2024", 2025, " TW III", "x", "TW  II", "1850", "TW IV "]
                    )
                },
                optional={"target": _TEXTS},
            ),
            max_size=2,
        ),
        "mendukung": st.lists(_LINKS, max_size=2),
    },
)
_JABATAN = st.fixed_dictionaries(
    {
        "nama": _TEXTS,
        "peran": st.sampled_from(["camat", "kasi", " kasi", "Kasi", "x"]),
        "kinerja": st.lists(
            st.fixed_dictionaries(
                {"uraian": _TEXTS, "indikator": st.lists(_INDIKATOR, max_size=2)},
                optional={"id": _IDS, "level_hasil": _LEVELS, "mendukung": st.lists(_LINKS)},
            ),
            max_size=2,
        ),
    },
    optional={
        "id": _IDS,
        "atasan": _IDS,
        "unit": _TEXTS,
        "fungsi": st.one_of(_TEXTS, st.lists(_TEXTS, max_size=2)),
        "inferensi": st.lists(_TEXTS, max_size=2),
    },
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    jabatan=st.lists(_JABATAN, max_size=3),
    organisasi=st.fixed_dictionaries(
        {"nama": _TEXTS},
        optional={"periode": _TEXTS, "tahun": st.sampled_from([2024, "2024", 1800, " 2024"])},
    ),
)
def test_accepted_only_what_the_models_build_the_same(
    jabatan: list[dict[str, Any]], organisasi: dict[str, Any]
) -> None:
    _compare({"pokin": 1, "organisasi": organisasi, "jabatan": jabatan})


def test_accepts_the_base_tree() -> None:
    assert _compare(copy.deepcopy(BASE))


@pytest.mark.parametrize(
    ("change", "refused"),
    [
        (lambda i: i.update(uraian="  Nilai SKM  "), False),  # stripped by both
        (lambda i: i.update(satuan=""), True),  # empty: None
        (lambda i: i.update(level_hasil="Immediate Outcome"), True),
        (lambda i: i.update(target=100), False),  # the text "100": pydantic-core in both
    ],
    ids=["spaces", "empty", "level", "number"],
)
def test_a_file_to_normalise_loads_as_the_models_make_it(
    tmp_path: Path, change: Any, refused: bool
) -> None:
    data = copy.deepcopy(BASE)
    change(data["jabatan"][0]["kinerja"][0]["indikator"][0])
    assert _compare(data) is not refused
    path = tmp_path / "t.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert pokin.load(path) == PohonKinerja.model_validate(data)


def test_a_wrong_type_deep_in_a_json_file_is_explained(tmp_path: Path) -> None:
    data = copy.deepcopy(BASE)
    data["jabatan"][1]["kinerja"][0]["indikator"][0]["per_periode"] = [{"periode": ["TW I"]}]
    path = tmp_path / "t.json"
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")
    with pytest.raises(PokinFileError) as info:
        pokin.load(path)
    text = path.read_text(encoding="utf-8")
    line = text.count("\n", 0, text.index('"periode": [')) + 1
    said = str(info.value)
    assert f"t.json:{line}:" in said
    assert "periode" in said
    assert "jabatan[1].kinerja[0].indikator[0].per_periode[0].periode" in said


@pytest.mark.parametrize("written", [" camat.k1.i1", "camat.k1.i1 ", 12, "", "a b"])
def test_an_id_is_taken_only_as_the_models_take_it(written: Any) -> None:
    data = copy.deepcopy(BASE)
    data["jabatan"][0]["kinerja"][0]["indikator"][0]["id"] = written
    assert not _compare(data)


@pytest.mark.parametrize(
    ("written", "taken"),
    [
        *[("TW I", True), ("2024", True), ("TW IV", True), ("tw 2", False), (" TW III", False)],
        *[("TW  II", False), ("TW IV ", False), (2025, False), ("1850", False), ("TW V", False)],
    ],
)
def test_a_period_is_taken_only_as_written_by_pokin(written: Any, taken: bool) -> None:
    data = copy.deepcopy(BASE)
    indikator = data["jabatan"][0]["kinerja"][0]["indikator"][0]
    indikator["per_periode"] = [{"periode": written, "target": "10"}]
    assert _compare(data) is taken


@pytest.mark.parametrize(
    ("written", "taken"),
    [
        *[("camat.k1.i1", True), ({"ke": "camat.k1.i1"}, True), (12, True), ("", False)],
        *[
            (" camat.k1.i1", False),
            ({"teks": "Nilai SKM"}, True),
            ({"ke": "x", "asal": "inferensi"}, True),
        ],
    ],
)
def test_a_link_is_made_as_the_models_make_it(written: Any, taken: bool) -> None:
    data = copy.deepcopy(BASE)
    data["jabatan"][1]["kinerja"][0]["mendukung"] = [written]
    assert _compare(data) is taken
