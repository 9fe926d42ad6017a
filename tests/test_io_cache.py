"""The parse cache of large files, and .json files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import pokin
from pokin.io import cache

from .conftest import BASE, make


@pytest.fixture
def small_files_cached(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setattr(cache, "MIN_BYTES", 0)
    folder = tmp_path / "cache"
    monkeypatch.setenv("POKIN_CACHE_DIR", str(folder))
    return folder


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.json")) if folder.exists() else []


def test_a_second_load_reads_the_cache_and_gives_the_same_tree(
    small_files_cached: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = pokin.save(make(), tmp_path / "t.yaml")
    first = pokin.load(path)
    assert len(_entries(small_files_cached)) == 1

    def no_yaml(text: str) -> None:
        raise AssertionError("the YAML was parsed again")

    monkeypatch.setattr(pokin._yaml, "plain_data", no_yaml)
    assert pokin.load(path) == first


def test_a_date_survives_the_cache(small_files_cached: Path, tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    text = pokin.dumps(make()).replace(
        "organisasi:\n", "organisasi:\n  dokumen:\n    tanggal: 2023-01-02\n", 1
    )
    path.write_text(text, encoding="utf-8")
    first = pokin.load(path)
    assert pokin.load(path) == first
    assert str(first.organisasi.dokumen and first.organisasi.dokumen.tanggal) == "2023-01-02"


RICH = (  # a date, a score, texts beyond ASCII and with quotes, a null, a big whole number
    "  dokumen:\n    tanggal: 2023-01-02\n    nomor: '123456789012345678'\n"
    '  catatan: "Kel. Sumber\u00e9 \\"RW 05\\" \u2013 \U0001f600"\n'
    "  periode: null\n"
)


@pytest.mark.parametrize(
    ("writer", "reader"), [(True, True), (False, False), (True, False), (False, True)]
)
def test_the_cache_holds_the_same_data_with_orjson_or_without(
    small_files_cached: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    writer: bool,
    reader: bool,
) -> None:
    """pokin[fast]'s orjson and the json module write and read the same entries, each
    other's too (a cache written before orjson was installed stays good)."""
    fast = getattr(cache, "orjson")  # noqa: B009 (not exported: the test swaps it)
    tree = make()
    tree.jabatan[1].kinerja[0].mendukung[0].skor = 0.875
    path = tmp_path / "t.yaml"
    path.write_text(pokin.dumps(tree).replace("organisasi:\n", "organisasi:\n" + RICH, 1))
    monkeypatch.setattr(cache, "orjson", fast if writer else None)
    first = pokin.load(path)
    (entry,) = _entries(small_files_cached)
    monkeypatch.setattr(cache, "orjson", fast if reader else None)
    monkeypatch.setattr(pokin._yaml, "plain_data", lambda text: pytest.fail("parsed again"))
    assert pokin.load(path) == first
    assert json.loads(entry.read_bytes())["data"]["organisasi"]["dokumen"]["tanggal"] == (
        "2023-01-02"
    )
    assert first.organisasi.catatan == 'Kel. Sumber\u00e9 "RW 05" \u2013 \U0001f600'


@pytest.mark.parametrize("value", [".nan", ".inf", "-.inf", "1e400"])
def test_a_score_not_finite_is_refused_so_never_cached(
    small_files_cached: Path, tmp_path: Path, value: str
) -> None:
    """orjson would write NaN as null: such data must never reach the cache."""
    tree = make()
    tree.jabatan[1].kinerja[0].mendukung[0].skor = 0.5
    path = tmp_path / "t.yaml"
    path.write_text(pokin.dumps(tree).replace("skor: 0.5", f"skor: {value}"))
    assert f"skor: {value}" in path.read_text()
    with pytest.raises(pokin.PokinFileError, match="skor"):
        pokin.load(path)
    assert _entries(small_files_cached) == []


def test_a_changed_byte_is_a_new_entry_never_a_stale_tree(
    small_files_cached: Path, tmp_path: Path
) -> None:
    path = pokin.save(make(), tmp_path / "t.yaml")
    pokin.load(path)
    path.write_text(path.read_text().replace("Kecamatan Contoh", "Kecamatan Lain"))
    assert pokin.load(path).organisasi.nama == "Kecamatan Lain"
    assert len(_entries(small_files_cached)) == 2


def test_a_broken_file_is_never_cached_and_still_explained(
    small_files_cached: Path, tmp_path: Path
) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(pokin.dumps(make()).replace("atasan: camat", "atasan: nobody", 1))
    for _ in range(2):
        with pytest.raises(
            pokin.PokinFileError, match="tidak ada jabatan dengan id 'nobody'"
        ) as err:
            pokin.load(path)
        assert err.value.line is not None
    assert _entries(small_files_cached) == []


@pytest.mark.parametrize(
    "entry",
    [
        "not json",
        '{"format": 99, "data": {}}',
        '{"format": 1, "data": {"pokin": 1, "organisasi": {"nama": "X"}, "jabatan": 5}}',
        '{"format": 1, "data": {"pokin": 1, "organisasi": {"nama": "X"},'
        ' "jabatan": [{"nama": "A", "peran": "camat", "atasan": "zz"}]}}',
    ],
)
def test_a_tampered_or_foreign_entry_is_ignored_and_the_yaml_read(
    small_files_cached: Path, tmp_path: Path, entry: str
) -> None:
    path = pokin.save(make(), tmp_path / "t.yaml")
    expected = pokin.load(path)
    (stored,) = _entries(small_files_cached)
    stored.write_text(entry)
    assert pokin.load(path) == expected  # validated like any file: the YAML wins


def test_off_and_small_files_and_an_unwritable_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cache"
    monkeypatch.setenv("POKIN_CACHE_DIR", str(folder))
    path = pokin.save(make(), tmp_path / "t.yaml")
    pokin.load(path)
    assert _entries(folder) == []  # below MIN_BYTES
    monkeypatch.setattr(cache, "MIN_BYTES", 0)
    monkeypatch.setenv("POKIN_CACHE", "off")
    pokin.load(path)
    assert _entries(folder) == []
    monkeypatch.delenv("POKIN_CACHE")
    folder.write_text("a file where the folder should be")
    assert pokin.load(path) == make()  # no cache, no error


def test_the_cache_keeps_at_most_max_entries(
    small_files_cached: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "MAX_ENTRIES", 2)
    for n in range(4):
        tree = make()
        tree.organisasi.nama = f"Kecamatan {n}"
        pokin.load(pokin.save(tree, tmp_path / f"t{n}.yaml"))
    assert len(_entries(small_files_cached)) == 2


# -- .json files ------------------------------------------------------------------------------


def test_a_json_file_loads_as_its_yaml_does(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    path.write_text(json.dumps(BASE), encoding="utf-8")
    assert pokin.load(path) == make()


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            '{"pokin": 1,\n "organisasi": {"nama": "X"},\n "jabatan": [}',
            3,
            "kesalahan sintaks JSON",
        ),
        ('{"pokin": 1,\n "organisasi": {"nama": "X", "nama": "Y"}}', 2, "muncul dua kali"),
        ('{"pokin": 1,\n "organisasi": {"nama": "X"},\n "jabatan": [{"nama": "A"}]}', 3, "peran"),
    ],
)
def test_a_broken_json_file_names_its_line(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    path = tmp_path / "t.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(pokin.PokinFileError, match=message) as err:
        pokin.load(path)
    assert err.value.line == line
    assert err.value.path == str(path)


@pytest.mark.parametrize("opening", ["[", '{"a": '])
def test_a_json_file_nested_too_deep_names_where(tmp_path: Path, opening: str) -> None:
    """Deeper than the json module can read: an error at the bracket opening level 101,
    never a RecursionError; a bracket inside a text is no level."""
    head = '{"pokin": 1,\n "organisasi": {"nama": "x \\" [[{"},\n "jabatan": '
    closing = "]" if opening == "[" else "}"
    path = tmp_path / "deep.json"
    path.write_text(head + opening * 5000 + "1" + closing * 5000 + "}", encoding="utf-8")
    with pytest.raises(pokin.PokinFileError, match="bersarang terlalu dalam") as err:
        pokin.load(path)
    assert (err.value.line, err.value.column) == (3, 13 + 99 * len(opening))
    assert "kurung" in str(err.value)


def test_a_kabupaten_file_is_allowed_beyond_the_decree_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from pokin._files import Limits
    from pokin.io import TREE_FILE_BYTES, _tree_limits

    monkeypatch.delenv("POKIN_MAX_FILE_MB", raising=False)
    assert _tree_limits().file_bytes == TREE_FILE_BYTES > Limits().file_bytes
    monkeypatch.setenv("POKIN_MAX_FILE_MB", "2")  # a planner's own limit still holds
    assert _tree_limits().file_bytes == 2 << 20
