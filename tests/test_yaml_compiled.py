"""The compiled YAML reader (yaml-rs) gives PyYAML's data or steps aside.

pokin._yaml.compiled.data either raises UnsureError (PyYAML then reads the text) or returns
exactly what PyYAML's events give (pokin._yaml.event_data), but for the two documented
readings the model makes the same: a link's ``skor`` as the float rather than the text as
written, a decree's ``tanggal`` as the text rather than the date. Compared on every YAML
file of the repository, on tricky scalars, on random data in random styles and on mutated
pokin files; and pokin without yaml-rs reads everything as before.
"""

from __future__ import annotations

import datetime
import math
import os
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter

import pokin
from pokin import _yaml
from pokin._yaml import compiled

from .strategies import mutated_text, valid_yaml

ROOT = Path(__file__).resolve().parent.parent

needs_yaml_rs = pytest.mark.skipif(compiled.yaml_rs is None, reason="pokin[fast] not installed")


def _same(got: object, expected: object, key: object = None) -> bool:
    """yaml-rs's data equals PyYAML's with the same types all the way down (1 == 1.0 ==
    True for ==), but for the two readings the model makes the same: a ``skor`` float
    where PyYAML keeps the text (pydantic reads the text as that float), a ``tanggal``
    text where PyYAML makes the date."""
    if key == "skor" and type(got) is float and type(expected) is str:
        return _FLOAT.validate_python(expected) == got
    if key == "tanggal" and type(got) is str and type(expected) is datetime.date:
        return expected.isoformat() == got
    if type(got) is not type(expected):
        return False
    if isinstance(got, dict):
        assert isinstance(expected, dict)
        return list(got) == list(expected) and all(_same(got[k], expected[k], k) for k in got)
    if isinstance(got, list):
        assert isinstance(expected, list)
        return len(got) == len(expected) and all(
            _same(x, y) for x, y in zip(got, expected, strict=True)
        )
    if isinstance(got, float) and math.isnan(got):
        return isinstance(expected, float) and math.isnan(expected)
    return got == expected


_FLOAT = TypeAdapter(float)


def _agrees(text: str) -> bool:
    """Assert the compiled reading is PyYAML's or absent; True when it was used."""
    try:
        expected: object = _yaml.event_data(text)
    except (_yaml.FastPathError, UnicodeEncodeError):  # a lone surrogate: loads() says
        expected = _yaml.FastPathError
    try:
        got = compiled.data(text)
    except compiled.UnsureError:
        return False
    assert expected is not _yaml.FastPathError, "compiled read what PyYAML's reader refuses"
    assert _same(got, expected), text[:300]
    return True


def _repository_yaml() -> list[Path]:
    folders = [ROOT / "datasets", ROOT / "tests" / "fixtures"]
    return sorted(p for f in folders for p in f.rglob("*") if p.suffix in (".yaml", ".yml"))


@needs_yaml_rs
@pytest.mark.parametrize("path", _repository_yaml(), ids=lambda p: p.name)
def test_every_yaml_file_of_the_repository_is_read_alike(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    _agrees(text)
    try:
        tree = pokin.loads(text)
    except pokin.PokinFileError:
        return
    # what pokin writes is read by the compiled parser, never left to PyYAML
    assert _agrees(pokin.dumps(tree))


@needs_yaml_rs
def test_a_pokin_file_with_inferred_links_and_a_decree_date_is_read_compiled() -> None:
    tree = pokin.datasets.load(pokin.datasets.names()[0])
    tree.organisasi.dokumen = pokin.Dokumen(tanggal=datetime.date(2023, 1, 27), nomor="050/1")
    link = next(link for _, k in tree.iter_kinerja() for _, link in k.iter_links())
    link.asal, link.skor = pokin.Asal.INFERENSI, 0.8125
    text = pokin.dumps(tree)
    assert "tanggal: 2023-01-27" in text
    assert "skor: 0.8125" in text
    assert _agrees(text)
    assert pokin.loads(text) == tree


# Scalars where YAML 1.1 (PyYAML) and yaml-rs differ, or nearly: each is read alike or
# left to PyYAML, as a value and as a key, unquoted and quoted.
# fmt: off
_SCALARS = [
    "", "~", "null", "NULL", "yes", "No", "on", "OFF", "y", "n", "true", "False", "tRue",
    "0", "-7", "+12", "100", "010", "0777", "089", "00", "0_9", "-012", "0o17", "0O17",
    "0x1F", "0X1F", "+0x1F", "-0x1F", "0b101", "0B101", "1_000", "1_0_", "1:30",
    "190:20:30", "12:05", "81.35", "82.50", "1e3", "1.5e3", "1.5e+3", ".5", "+.5", "._5",
    "1_0.5", "0.1_0", "1.", "-.inf", ".NaN", ".nan", "inf", "NaN", "6.8523015e+5",
    "2023-01-27", "2023-1-2", "2023-02-30", "2023-13-45", "2023-01-05T10:00",
    "2023-01-05 10:00:00", "2023-1-5 1:00:00", "2001-12-14t21:59:43.10-05:00",
    "123456789012345678901234567890", "<<", "=", "teks", "Nilai SKM", "100 %", "81,35",
    "-", ".", "+", "0.", "1.2.3", "x\u00a0y", "Ya", "Tidak",
]
# fmt: on
_FORMS = ["k: {}\n", "k: '{}'\n", 'k: "{}"\n', "{}: v\n", "'{}': v\n", "- {}\n", "k: [{}, x]\n"]


@needs_yaml_rs
@pytest.mark.parametrize("scalar", _SCALARS)
@pytest.mark.parametrize("form", _FORMS)
def test_tricky_scalars_are_read_alike_or_left_to_pyyaml(scalar: str, form: str) -> None:
    text = form.format(scalar)
    _agrees(text)
    _agrees("tanggal" + text[1:] if text.startswith("k:") else text)
    _agrees("skor" + text[1:] if text.startswith("k:") else text)


@needs_yaml_rs
@pytest.mark.parametrize(
    "text",
    [
        "k: 0777\n",  # 511 to PyYAML, 777 to yaml-rs
        "k: yes\n",  # a bool to PyYAML
        "k: 82.50\n",  # the text '82.50' to pokin, the float 82.5 to yaml-rs
        "k: 1e3\n",
        "k: 12:05\n",  # 725 (base 60) to PyYAML
        "k: 2023-01-27\n",  # a date to PyYAML, a text to yaml-rs (outside `tanggal`)
        "tanggal: 2023-02-30\n",
        "k: =\n",
        "\ufeffk: 1\n",  # a byte order mark
        "k: x\u0085y\n",  # a line break in YAML 1.1
        "k: x\u2028y\n",
        "k: \x07\n",  # refused by libyaml
        "a: &x 1\nb: *x\n",
        "k: !!str 1\n",
        "<<: {a: 1}\n",
        "%YAML 1.1\n---\nk: 1\n",
        "? [a]\n: 1\n",
        "k: 1\nk: 2\n",
        "a:\tb\n",
        "- a\n",
        "---\na: 1\n---\nb: 2\n",
        "",
        "k: 1.5\nskor: .nan\n",
        "pokin: 1\nk: 0777\n",  # the first line's version does not excuse another number
        "pokin: 1\nk: [_1]\n",
        "k: |\n  x",  # no final line break: yaml-rs ends the block with one
        "k:\n- \t\n",  # a tab: yaml-rs reads a null, PyYAML refuses it
        "k: a\tb\n",
        "# only a comment\n",
        "k: v\n...\n",
    ],
)
def test_what_the_parsers_read_differently_is_left_to_pyyaml(text: str) -> None:
    with pytest.raises(compiled.UnsureError):
        compiled.data(text)
    _agrees(text)


@needs_yaml_rs
@pytest.mark.parametrize(
    "text",
    [
        "k: '100'\n",  # quoted: a text to both (yaml-rs reads 100 unquoted as a number)
        "k: 100\n",
        "k: 'true'\n",
        "k: ~\n",
        "k: ''\n",
        "k: -7\n",
        "k: 0x1F\n",
        "k: Tidak\n",
        "skor: 0.85\n",
        "tanggal: 2023-01-27\n",
        "tanggal: '2023-01-27'\n",
        "k: |\n  baris satu\n  baris dua\n",
        "k: >-\n  dilipat\n  jadi satu\n",
        "k: 'it''s'\n",
        'k: "tab\\there \\u00e9"\n',
        "k: Umum & Kepegawaian, R&D, 5.000*\n",
        "k: [1, {a: b}, []]\n",
        "a: 1\r\nb: 2\r\n",
        "k: |\n",  # an empty block last in the file ('' to PyYAML)
        "pokin: 1\nk: 03 Januari 012\n",  # no number but the version: tokens not looked at
        "pokin: 01\n",  # 1 to both
        "k: >+\n  x\n\n\n",
        "a:\n  k: |-\n    x\n  \n",
    ],
)
def test_what_the_parsers_read_alike_is_read_compiled(text: str) -> None:
    assert _agrees(text)


_LEAVES = st.one_of(
    st.text(max_size=12),
    st.sampled_from(_SCALARS),
    st.integers(),
    st.floats(),
    st.booleans(),
    st.none(),
    st.dates(),
)
_DATA = st.recursive(
    _LEAVES,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(max_size=8) | st.sampled_from(_SCALARS), inner, max_size=4)
    ),
    max_leaves=16,
)


@needs_yaml_rs
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.dictionaries(st.sampled_from(["k", "skor", "tanggal", "teks"]), _DATA, min_size=1),
    style=st.sampled_from([None, "'", '"', "|", ">"]),
    flow=st.sampled_from([None, True, False]),
    width=st.sampled_from([20, 80, 1000]),
    unicode=st.booleans(),
)
def test_random_data_in_any_style_is_read_alike(
    data: dict[str, object], style: str | None, flow: bool | None, width: int, unicode: bool
) -> None:
    text = yaml.safe_dump(
        data, default_style=style, default_flow_style=flow, width=width, allow_unicode=unicode
    )
    _agrees(text)


@needs_yaml_rs
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_text(valid_yaml(), changes=2))
def test_mutated_pokin_files_are_read_alike_or_left_to_pyyaml(text: str) -> None:
    _agrees(text)


@needs_yaml_rs
@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["k", "skor", "tanggal", "- ", "  - "]),
            st.text(st.sampled_from("0123456789_.:-+eEoxXbB TtFfNnYy~=<!&*'\"#|>\t"), max_size=8),
        ),
        min_size=1,
        max_size=5,
    )
)
def test_number_like_tokens_are_read_alike_or_left_to_pyyaml(
    lines: list[tuple[str, str]],
) -> None:
    text = "".join(f"{k}{'' if k.strip() == '-' else ': '}{v}\n" for k, v in lines)
    _agrees(text)


def test_without_yaml_rs_pyyaml_reads_everything(monkeypatch: pytest.MonkeyPatch) -> None:
    text = pokin.dumps(pokin.datasets.load(pokin.datasets.names()[0]))
    monkeypatch.setattr(compiled, "yaml_rs", None)
    assert not compiled.available()
    with pytest.raises(compiled.UnsureError):
        compiled.data(text)
    assert _yaml.plain_data(text) == _yaml.event_data(text)
    assert pokin.loads(text) == pokin.datasets.load(pokin.datasets.names()[0])


def test_pokin_yaml_pyyaml_turns_the_compiled_parser_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POKIN_YAML", "pyyaml")
    assert not compiled.available()
    monkeypatch.setenv("POKIN_YAML", "")
    assert compiled.available() == (compiled.yaml_rs is not None)


@needs_yaml_rs
def test_load_reads_a_clean_file_without_pyyaml(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    tree = pokin.datasets.load(pokin.datasets.names()[0])
    path = pokin.save(tree, tmp_path / "t.yaml")

    def no_events(text: str) -> object:
        raise AssertionError("PyYAML's events were read")

    monkeypatch.setattr(_yaml, "event_data", no_events)
    monkeypatch.setitem(os.environ, "POKIN_CACHE", "off")
    assert pokin.load(path) == tree


@needs_yaml_rs
def test_a_problem_is_still_explained_with_its_line(tmp_path: Path) -> None:
    """yaml-rs reads the file; the model refuses it; the careful reader names the line."""
    text = pokin.dumps(pokin.datasets.load(pokin.datasets.names()[0]))
    assert _agrees(text)
    bad = text.replace("peran: camat", "peran: bupati", 1)
    assert _agrees(bad)
    path = tmp_path / "t.yaml"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(pokin.PokinFileError) as err:
        pokin.load(path)
    line = bad.splitlines().index(next(x for x in bad.splitlines() if "bupati" in x)) + 1
    assert (err.value.line, err.value.field) == (line, err.value.field)
    assert "bupati" in str(err.value)


@pytest.mark.parametrize("path", _repository_yaml(), ids=lambda p: p.name)
def test_pyyaml_reads_every_yaml_file_of_the_repository_as_the_careful_reader(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fallback (and pokin without yaml-rs): libyaml's events, as before."""
    from pokin import io as pokin_io

    text = path.read_text(encoding="utf-8")
    try:
        careful = pokin_io._parse(text, None)[0]
    except pokin.PokinFileError:
        return
    try:
        data = _yaml.event_data(text)
    except _yaml.FastPathError:
        return  # an anchor, a duplicate...: the careful reader's alone
    assert _same(data, careful)
    monkeypatch.setenv("POKIN_YAML", "pyyaml")
    try:
        tree = pokin.loads(text)
    except pokin.PokinFileError:
        return
    monkeypatch.delenv("POKIN_YAML")
    assert pokin.loads(text) == tree
