from __future__ import annotations

import contextlib
import datetime
import gc
import os
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import pokin
from pokin import PokinFileError, _yaml, dumps, load, loads, save
from pokin import io as pokin_io

from .conftest import make

HEAD = "pokin: 1\norganisasi:\n  nama: Kecamatan X\n"


def error_of(text: str) -> PokinFileError:
    with pytest.raises(PokinFileError) as caught:
        loads(text, path="x.yaml")
    return caught.value


def test_round_trip_is_lossless(tmp_path: Path) -> None:
    tree = make()
    tree.jabatan[1].kinerja[0].mendukung[0].skor = None
    target = save(tree, tmp_path / "t.yaml")
    again = load(target)
    assert again == tree
    assert dumps(again) == dumps(tree)


def test_yaml_syntax_error_names_line_and_column() -> None:
    err = error_of(HEAD + "jabatan:\n  - nama: Camat: Kepala\n")
    assert (err.line, err.column) == (5, 16)  # the second colon
    assert str(err).startswith("x.yaml:5:16: kesalahan sintaks YAML")
    assert "tanda petik" in str(err)


def test_unknown_key_suggests_the_right_one() -> None:
    err = error_of(HEAD + "jabatan:\n  - nama: Camat\n    peran: camat\n    atsan: null\n")
    assert err.line == 7
    assert err.field == "jabatan[0].atsan"
    assert "maksudnya `atasan`?" in str(err)


def test_wrong_type_and_bad_enum() -> None:
    err = error_of(HEAD + "jabatan:\n  - nama: Camat\n    peran: bupati\n")
    assert err.line == 6
    assert "nilai 'bupati' tidak diizinkan" in str(err)
    assert "camat" in str(err)
    err = error_of(HEAD + "jabatan:\n  - nama: Camat\n    peran: camat\n    kinerja: teks\n")
    assert err.line == 7
    assert err.field == "jabatan[0].kinerja"


def test_missing_required_key_points_at_the_mapping() -> None:
    err = error_of(
        HEAD + "jabatan:\n  - nama: Camat\n    peran: camat\n    kinerja:\n      - indikator: []\n"
    )
    assert err.field == "jabatan[0].kinerja[0].uraian"
    assert err.line == 8
    assert "kunci wajib `uraian` tidak ada" in str(err)


def test_duplicate_key_is_refused_not_silently_dropped() -> None:
    err = error_of(HEAD + "  nama: Kecamatan Y\n")
    assert err.line == 4
    assert "muncul dua kali" in str(err)


def test_duplicate_id() -> None:
    text = HEAD + (
        "jabatan:\n"
        "  - {id: a, nama: Camat, peran: camat}\n"
        "  - {id: a, nama: Sekretaris, peran: sekretaris}\n"
    )
    err = error_of(text)
    assert err.line == 6
    assert "sudah dipakai di jabatan[0]" in str(err)


def test_missing_atasan_and_atasan_cycle() -> None:
    err = error_of(HEAD + "jabatan:\n  - {nama: Camat, peran: camat, atasan: bupati}\n")
    assert err.line == 5
    assert "tidak ada jabatan dengan id 'bupati'" in str(err)
    err = error_of(
        HEAD + "jabatan:\n"
        "  - {id: a, nama: A, peran: kasi, atasan: b}\n"
        "  - {id: b, nama: B, peran: kasi, atasan: a}\n"
    )
    assert "melingkar: a -> b -> a" in str(err)


def test_dangling_and_ambiguous_links() -> None:
    camat = (
        "  - nama: Camat\n    peran: camat\n    kinerja:\n      - uraian: K\n"
        "        indikator: [{uraian: Nilai SKM}, {uraian: nilai  SKM}]\n"
    )
    sek = "  - nama: Sek\n    peran: sekretaris\n    atasan: camat\n    kinerja:\n"
    err = error_of(HEAD + "jabatan:\n" + camat + sek + "      - {uraian: A, mendukung: [zz]}\n")
    assert err.line == 14
    assert "tidak ada apa pun dalam berkas dengan id 'zz'" in str(err)
    err = error_of(
        HEAD + "jabatan:\n" + camat + sek + "      - {uraian: A, mendukung: [{teks: Nilai SKM}]}\n"
    )
    assert "cocok dengan 2 indikator: camat.k1.i1, camat.k1.i2" in str(err)
    assert "ke:" in str(err)


def test_text_link_prefers_the_nearest_atasan() -> None:
    text = HEAD + (
        "jabatan:\n"
        "  - {nama: Camat, peran: camat, kinerja: [{uraian: K, indikator: [{uraian: Arsip}]}]}\n"
        "  - nama: Sek\n    peran: sekretaris\n    atasan: camat\n"
        "    kinerja: [{uraian: Arsip, mendukung: [{teks: Arsip}], indikator: [{uraian: Arsip}]}]\n"
        "  - nama: Staf\n    peran: pelaksana\n    atasan: sek\n"
        "    kinerja: [{uraian: Arsip, mendukung: [{teks: ARSIP}]}]\n"
    )
    tree = loads(text)
    assert tree.jabatan[2].kinerja[0].mendukung[0].ke == "sek.k1.i1"
    assert tree.jabatan[1].kinerja[0].mendukung[0].ke == "camat.k1.i1"


def test_repeated_titles_get_distinct_ids_from_their_unit() -> None:
    text = HEAD + (
        "jabatan:\n"
        "  - {nama: Camat, peran: camat}\n"
        "  - {nama: Lurah, peran: lurah, unit: Kelurahan A, atasan: camat}\n"
        "  - {nama: Lurah, peran: lurah, unit: Kelurahan B, atasan: camat}\n"
        "  - {nama: Sekretaris, peran: sekretaris_kelurahan, unit: Kelurahan A,\n"
        "     atasan: lurah-kelurahan-a}\n"
        "  - {nama: Sekretaris, peran: sekretaris_kelurahan, unit: Kelurahan B,\n"
        "     atasan: lurah-kelurahan-b}\n"
    )
    ids = [j.id for j in loads(text).jabatan]
    assert ids == [
        "camat",
        "lurah-kelurahan-a",
        "lurah-kelurahan-b",
        "sekretaris-kelurahan-a",
        "sekretaris-kelurahan-b",
    ]


def test_unsupported_version_and_not_a_mapping() -> None:
    assert "versi format 2 tidak didukung" in str(error_of("pokin: 2\norganisasi: {nama: X}\n"))
    assert "harus berupa pemetaan" in str(error_of("- a\n- b\n"))
    assert "`pokin`" in str(error_of("organisasi: {nama: X}\n"))


def test_empty_binary_and_non_utf8_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.yaml"
    empty.write_text("  \n")
    with pytest.raises(PokinFileError, match="empty"):
        load(empty)
    binary = tmp_path / "b.yaml"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\0\0")
    with pytest.raises(PokinFileError, match="berkas biner"):
        load(binary)
    latin = tmp_path / "l.yaml"
    latin.write_bytes(HEAD.encode() + b"  catatan: caf\xe9\n")
    with pytest.raises(PokinFileError, match=r"l\.yaml:4: berkas ini bukan teks UTF-8"):
        load(latin)
    with pytest.raises(PokinFileError, match="berkas tidak ada"):
        load(tmp_path / "missing.yaml")


def test_numbers_become_text_and_booleans_are_refused() -> None:
    text = HEAD + (
        "jabatan:\n  - nama: C\n    peran: camat\n    kinerja:\n      - uraian: K\n"
        "        indikator: [{uraian: I, target: 81.35, realisasi: 80}]\n"
    )
    ind = loads(text).jabatan[0].kinerja[0].indikator[0]
    assert (ind.target, ind.realisasi) == ("81.35", "80")
    err = error_of(text.replace("target: 81.35", "target: yes"))
    assert err.field == "jabatan[0].kinerja[0].indikator[0].target"


def test_save_is_atomic_and_keeps_the_old_file_on_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "t.yaml"
    target.write_text("old content\n")

    def boom(*_: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", boom)
    with pytest.raises(OSError, match="disk full"):
        save(make(), target)
    assert target.read_text() == "old content\n"
    assert [p.name for p in tmp_path.iterdir()] == ["t.yaml"]  # no temp file left


def test_saved_text_is_readable_yaml() -> None:
    text = dumps(make())
    assert text.startswith("pokin: 1\norganisasi:\n")
    assert "\n- id: camat\n" in text
    assert "    mendukung:\n    - camat.k1.i1\n" in text
    assert yaml.safe_load(text)["jabatan"][0]["kinerja"][0]["indikator"][0]["target"] == "100"


def test_load_accepts_an_open_file(tmp_path: Path) -> None:
    path = save(make(), tmp_path / "t.yaml")
    with path.open(encoding="utf-8") as handle:
        assert load(handle) == make()


_TEXT = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs", "Cc"), blacklist_characters="\x85\u2028\u2029"
    ),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip() == s and s.strip())


@settings(max_examples=60, deadline=None)
@given(uraian=_TEXT, formulasi=_TEXT, tugas=st.text(max_size=60).map(str.strip))
def test_round_trip_survives_any_text(uraian: str, formulasi: str, tugas: str) -> None:
    def set_texts(d: dict) -> None:  # type: ignore[type-arg]
        d["jabatan"][3]["kinerja"][0]["indikator"][0].update(uraian=uraian, formulasi=formulasi)
        d["jabatan"][3]["tugas"] = tugas or None

    try:
        tree = make(set_texts)
    except ValueError:
        return  # texts that collide with another indicator's are not what this tests
    assert loads(dumps(tree)) == tree


def test_public_api_is_sorted_and_complete() -> None:
    assert len(set(pokin.__all__)) == len(pokin.__all__)  # ruff's RUF022 keeps it sorted
    for name in pokin.__all__:
        assert hasattr(pokin, name), name


# -- the fast path reads and writes exactly what the careful path does ----------------------
# loads() reads a valid file without positions (pokin._yaml.plain_data) and dumps() sends
# events straight to libyaml's emitter (pokin._yaml.dump_text); the careful reader
# (io._careful_loads, the reader with positions) and yaml.dump through the representer are
# the references.


def _same(a: object, b: object) -> bool:
    """Equal, with the same types all the way down (1 == 1.0 == True for ==)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        assert isinstance(b, dict)
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        assert isinstance(b, list)
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return a == b or repr(a) == repr(b)  # nan


def _reference_dump(data: object) -> str:
    """dumps() as it was: yaml.dump with a representer for multi-line texts and enums."""
    from enum import StrEnum

    class Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
        pass

    def text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
        style = "|" if "\n" in value else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    Dumper.add_representer(str, text)
    Dumper.add_multi_representer(StrEnum, lambda d, v: text(d, v.value))
    return yaml.dump(
        data,
        Dumper=Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=100,
        default_flow_style=False,
    )


def _reference_dumps(tree: pokin.PohonKinerja) -> str:
    return _reference_dump(pokin_io._clean(tree))


def _skor_as_number(data: object) -> object:
    """The data with each link's ``skor`` a number and each ``tanggal`` a text: yaml-rs
    gives the float where PyYAML's reader keeps the text as written, and the text where
    PyYAML makes a date; the model reads both alike (pokin._yaml.compiled)."""
    if isinstance(data, dict):
        return {k: _skor_as_number(_as_model_reads(k, v)) for k, v in data.items()}
    if isinstance(data, list):
        return [_skor_as_number(v) for v in data]
    return data


def _as_model_reads(key: object, value: object) -> object:
    if key == "skor" and isinstance(value, str | float):
        return float(value)
    if key == "tanggal" and isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _assert_fast_equals_careful(text: str) -> pokin.PohonKinerja:
    data = _yaml.plain_data(text)
    assert _same(_skor_as_number(data), _skor_as_number(pokin_io._parse(text, None)[0]))
    tree = loads(text)
    careful = pokin_io._careful_loads(text, None)
    assert tree == careful
    assert _same(tree.model_dump(), careful.model_dump())
    return tree


@pytest.mark.parametrize("name", pokin.datasets.names())
def test_bundled_datasets_load_and_save_as_before(name: str) -> None:
    text = pokin.datasets.path(name).read_text(encoding="utf-8")
    tree = _assert_fast_equals_careful(text)
    written = dumps(tree)
    assert written == _reference_dumps(tree)
    if "GENERATED" in text[:200]:  # written by datasets/build.py with dumps()
        assert written == "".join(
            line for line in text.splitlines(keepends=True) if not line.startswith("#")
        )
    _assert_fast_equals_careful(written)


def test_hand_written_scalars_are_typed_as_before() -> None:
    text = (
        "pokin: 1\norganisasi:\n  nama: X\n  tahun: 2023\n  periode: 2021-2026\n"
        "  dokumen: {tanggal: 2023-01-27, nomor: 050/42.1/437.102/2023}\n"
        "jabatan:\n  - {nama: Camat, peran: camat, atasan: null, eselon: ~, kinerja: [\n"
        "      {uraian: K, indikator: [{uraian: I, target: 81.350, realisasi: 1_000}]}]}\n"
        "  - {nama: S, peran: sekretaris, atasan: camat, unit: 010, kinerja: [\n"
        "      {uraian: L, mendukung: [{ke: camat.k1.i1, skor: .5, asal: inferensi}]}]}\n"
    )
    tree = _assert_fast_equals_careful(text)
    # a decimal keeps the digits the planner wrote (1.500 is 1 500 the Indonesian way)
    assert tree.jabatan[0].kinerja[0].indikator[0].target == "81.350"
    assert tree.jabatan[1].unit == "8"  # YAML 1.1 octal, as PyYAML always read it


@settings(max_examples=60, deadline=None)
@given(
    uraian=_TEXT,
    target=st.one_of(_TEXT, st.integers().map(str), st.floats(allow_nan=False).map(str)),
    tugas=st.text(max_size=60).map(str.strip),
    skor=st.none() | st.floats(0, 1),
)
def test_fast_path_matches_the_careful_one_on_any_tree(
    uraian: str, target: str, tugas: str, skor: float | None
) -> None:
    def set_texts(d: dict) -> None:  # type: ignore[type-arg]
        d["jabatan"][3]["kinerja"][0]["indikator"][0].update(uraian=uraian, target=target)
        d["jabatan"][3]["tugas"] = tugas or None

    try:
        tree = make(set_texts)
    except ValueError:
        return
    tree.jabatan[1].kinerja[0].mendukung[0].skor = skor
    text = dumps(tree)
    assert text == _reference_dumps(tree)
    assert _assert_fast_equals_careful(text) == tree


_VALUES = st.one_of(
    st.text(max_size=30),
    st.sampled_from(pokin.Peran),
    st.integers(),
    st.floats(),
    st.booleans(),
    st.none(),
    st.dates(),
)


@settings(max_examples=200, deadline=None)
@given(
    st.recursive(
        _VALUES,
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
        max_leaves=12,
    )
)
def test_events_are_written_as_the_serializer_writes_nodes(data: object) -> None:
    """dump_text sends events to the emitter itself: the same bytes as yaml.dump."""
    assert _yaml.dump_text(data) == _reference_dump(data)


# fmt: off
_SCALARS = [
    "", "~", "null", "Null", "NULL", "yes", "No", "on", "OFF", "true", "False", "y", "n",
    "0", "-7", "+12", "1_000", "010", "0o17", "0x1F", "0b101", "1:30", "190:20:30", "08",
    "81.35", "81.350", "1e3", "1.5e3", "1.5e+3", ".5", "-.inf", ".NaN", "6.8523015e+5",
    "2023-01-27", "2023-1-2", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10",
    "<<", "=", "teks", "Nilai SKM", "100 %", "81,35", "-", ".", "+", "0.", "1.2.3", "!x",
]
# fmt: on


@pytest.mark.parametrize("scalar", _SCALARS)
def test_cheap_resolver_types_scalars_as_pyyaml_does(scalar: str) -> None:
    for text in (f"a: {scalar}\n", f"- {scalar}\n", f"a: '{scalar}'\n"):
        _assert_resolves_the_same(text, scalar)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789+-._:eExXoObB~nNyYtTfF aAlsuL<=", max_size=12))
def test_cheap_resolver_on_any_plain_scalar(scalar: str) -> None:
    _assert_resolves_the_same(f"a: {scalar}\n", scalar)


def _as_written(value: object, scalar: str) -> object:
    """PyYAML's reading with its floats given back as written, as pokin reads decimals."""
    if isinstance(value, float):
        return scalar.strip()
    if isinstance(value, dict):
        return {k: _as_written(v, scalar) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_written(v, scalar) for v in value]
    return value


def _assert_resolves_the_same(text: str, scalar: str) -> None:
    def read(loader: type[yaml.SafeLoader]) -> object:
        try:
            return yaml.load(text, Loader=loader)
        except yaml.YAMLError as exc:
            return type(exc)

    expected = read(getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # what loads() used
    assert _same(read(_yaml.Loader), expected)
    with contextlib.suppress(_yaml.FastPathError):  # else the careful reader takes over
        assert _same(_yaml.plain_data(text), _as_written(expected, scalar))


@pytest.mark.parametrize(
    "text",
    [
        HEAD + "  nama: Kecamatan Y\n",  # duplicate key at the top
        HEAD + "jabatan:\n  - {nama: A, peran: camat, kinerja: [{uraian: K, uraian: L}]}\n",
        HEAD + "jabatan:\n  - nama: A\n    peran: camat\n    nama: B\n",
        HEAD + "jabatan:\n  - {nama: A, peran: camat, 3: x}\n",  # a number as key
        HEAD + "jabatan:\n  - {nama: A, peran: camat, 1.5: x}\n",  # a decimal as key
        HEAD + "jabatan:\n  - {nama: A, peran: camat, [a]: x}\n",  # a list as key
        HEAD + "jabatan:\n  - {nama: A, peran: camat, catatan: !foo x}\n",
        HEAD + "---\npokin: 1\n",  # two documents
        "# only a comment\n",
        "- a\n",
        "pokin: 2\norganisasi: {nama: X}\n",
        HEAD + "jabatan:\n  - nama: A\n    peran: bupati\n",
        HEAD + "jabatan:\n  - {id: a, nama: A, peran: camat}\n  - {id: a, nama: B, peran: kasi}\n",
        HEAD + "jabatan:\n  - {nama: A, peran: camat, atasan: zz}\n",
        HEAD + "jabatan:\n\t- nama: A\n",
    ],
)
def test_every_problem_is_explained_by_the_careful_reader(text: str) -> None:
    with pytest.raises(_yaml.FastPathError):
        pokin_io._fast_loads(text)
    with pytest.raises(PokinFileError) as careful:
        pokin_io._careful_loads(text, "x.yaml")
    err = error_of(text)
    assert str(err) == str(careful.value)
    assert (err.line, err.column, err.field, err.hint) == (
        careful.value.line,
        careful.value.column,
        careful.value.field,
        careful.value.hint,
    )
    assert err.__suppress_context__ == careful.value.__suppress_context__
    assert not isinstance(err.__context__, _yaml.FastPathError)  # the fast path leaves no trace


def test_the_fast_path_builds_nested_data_from_events_as_the_composer_would() -> None:
    text = (
        "a: [1, {b: c, d: [e, [f, {g: ~}]]}, []]\n"
        "h: {}\n"
        "i:\n  - j: 1.50\n    k: [yes, 0x1F, 2024-01-02, '3']\n  - - l\n    - m: n\n"
        "o: p\n"
    )
    assert _same(_yaml.plain_data(text), pokin_io._parse(text, None)[0])
    assert _yaml.plain_data("just text") == "just text"
    assert _yaml.plain_data("---\n") is None
    for unusual in ("a: &x 1\nb: 2\n", "", "a: 1\n--- 2\n", "{a: 1, a: 2}"):
        with pytest.raises(_yaml.FastPathError):
            _yaml.plain_data(unusual)


def test_unusual_but_valid_yaml_is_read_by_the_careful_reader() -> None:
    text = HEAD + "jabatan:\n  - {nama: A, peran: camat, catatan: !!binary aGk=}\n"
    with pytest.raises(_yaml.FastPathError):
        pokin_io._fast_loads(text)
    assert loads(text) == pokin_io._careful_loads(text, None)
    assert loads(text).jabatan[0].catatan == "hi"


def test_duplicate_key_deep_down_names_its_line() -> None:
    text = HEAD + (
        "jabatan:\n  - nama: A\n    peran: camat\n    kinerja:\n"
        "      - uraian: K\n        indikator:\n          - uraian: I\n"
        "            target: '1'\n            target: '2'\n"
    )
    err = error_of(text)
    assert (err.line, err.column) == (12, 13)
    assert "`target` muncul dua kali dalam pemetaan yang sama (pertama di baris 11)" in str(err)


def test_an_impossible_date_is_explained_not_crashed_on() -> None:
    err = error_of(HEAD + "  dokumen:\n    tanggal: 2023-13-45\n")
    assert (err.line, err.column, err.field) == (5, 14, "organisasi.dokumen.tanggal")
    assert "'2023-13-45' bukan tanggal yang ada di kalender" in str(err)


def test_the_garbage_collector_is_left_as_it_was() -> None:
    text = dumps(make())
    assert gc.isenabled()
    loads(text)
    dumps(make())
    with pytest.raises(PokinFileError):
        loads(text + "organisasi: {nama: Y}\n")
    assert gc.isenabled()
    gc.disable()
    try:
        loads(text)
        assert not gc.isenabled()
    finally:
        gc.enable()


@pytest.mark.parametrize(
    "text",
    [
        "pokin: 1\norganisasi: &a {nama: X, catatan: *a}\n",  # refers to itself
        "pokin: 1\norganisasi: {nama: X, catatan: &t teks}\njabatan: [*t]\n",
        "pokin: 1\na: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\norganisasi: {nama: X}\n",
    ],
)
def test_anchors_and_aliases_are_refused_with_their_position(text: str) -> None:
    with pytest.raises(PokinFileError, match=r"anchor dan alias YAML .* bukan bagian") as raised:
        loads(text, path="alias.yaml")
    assert raised.value.line is not None
    assert raised.value.line >= 2


def test_ampersands_and_stars_in_texts_are_not_aliases() -> None:
    tree = loads('pokin: 1\norganisasi: {nama: "Umum & Kepegawaian *wajib*", catatan: a & *b}\n')
    assert tree.organisasi.nama == "Umum & Kepegawaian *wajib*"


@pytest.mark.parametrize("careful", [False, True])
def test_a_decimal_is_kept_as_the_planner_wrote_it(
    careful: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``target: 1.500`` is one thousand five hundred the Indonesian way: YAML would make it
    the float 1.5; pokin keeps the text, in the fast and in the careful reader."""
    if careful:
        from pokin import _yaml

        def give_up(text: str) -> object:
            raise _yaml.FastPathError

        monkeypatch.setattr(_yaml, "plain_data", give_up)
    text = (
        "pokin: 1\norganisasi: {nama: X, tahun: 2025}\njabatan:\n- nama: Camat\n"
        "  peran: camat\n  kinerja:\n  - uraian: K\n    indikator:\n    - uraian: I\n"
        "      target: 1.500\n      realisasi: 82.50\n"
    )
    tree = loads(text)
    indikator = tree.jabatan[0].kinerja[0].indikator[0]
    assert (indikator.target, indikator.realisasi) == ("1.500", "82.50")
    assert loads(dumps(tree)) == tree
