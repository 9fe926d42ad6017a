from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import pokin
from pokin import PokinFileError, dumps, load, loads, save

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
    assert str(err).startswith("x.yaml:5:16: YAML syntax error")
    assert "quoted" in str(err)


def test_unknown_key_suggests_the_right_one() -> None:
    err = error_of(HEAD + "jabatan:\n  - nama: Camat\n    peran: camat\n    atsan: null\n")
    assert err.line == 7
    assert err.field == "jabatan[0].atsan"
    assert "did you mean `atasan`?" in str(err)


def test_wrong_type_and_bad_enum() -> None:
    err = error_of(HEAD + "jabatan:\n  - nama: Camat\n    peran: bupati\n")
    assert err.line == 6
    assert "'bupati' is not allowed" in str(err)
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
    assert "required key `uraian` is missing" in str(err)


def test_duplicate_key_is_refused_not_silently_dropped() -> None:
    err = error_of(HEAD + "  nama: Kecamatan Y\n")
    assert err.line == 4
    assert "appears twice" in str(err)


def test_duplicate_id() -> None:
    text = HEAD + (
        "jabatan:\n"
        "  - {id: a, nama: Camat, peran: camat}\n"
        "  - {id: a, nama: Sekretaris, peran: sekretaris}\n"
    )
    err = error_of(text)
    assert err.line == 6
    assert "already used at jabatan[0]" in str(err)


def test_missing_atasan_and_atasan_cycle() -> None:
    err = error_of(HEAD + "jabatan:\n  - {nama: Camat, peran: camat, atasan: bupati}\n")
    assert err.line == 5
    assert "no jabatan has the id 'bupati'" in str(err)
    err = error_of(
        HEAD + "jabatan:\n"
        "  - {id: a, nama: A, peran: kasi, atasan: b}\n"
        "  - {id: b, nama: B, peran: kasi, atasan: a}\n"
    )
    assert "circle: a -> b -> a" in str(err)


def test_dangling_and_ambiguous_links() -> None:
    camat = (
        "  - nama: Camat\n    peran: camat\n    kinerja:\n      - uraian: K\n"
        "        indikator: [{uraian: Nilai SKM}, {uraian: nilai  SKM}]\n"
    )
    sek = "  - nama: Sek\n    peran: sekretaris\n    atasan: camat\n    kinerja:\n"
    err = error_of(HEAD + "jabatan:\n" + camat + sek + "      - {uraian: A, mendukung: [zz]}\n")
    assert err.line == 14
    assert "nothing in the file has the id 'zz'" in str(err)
    err = error_of(
        HEAD + "jabatan:\n" + camat + sek + "      - {uraian: A, mendukung: [{teks: Nilai SKM}]}\n"
    )
    assert "matches 2 indikator: camat.k1.i1, camat.k1.i2" in str(err)
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
    assert "version 2 is not supported" in str(error_of("pokin: 2\norganisasi: {nama: X}\n"))
    assert "must be a mapping" in str(error_of("- a\n- b\n"))
    assert "`pokin`" in str(error_of("organisasi: {nama: X}\n"))


def test_empty_binary_and_non_utf8_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.yaml"
    empty.write_text("  \n")
    with pytest.raises(PokinFileError, match="empty"):
        load(empty)
    binary = tmp_path / "b.yaml"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\0\0")
    with pytest.raises(PokinFileError, match="binary"):
        load(binary)
    latin = tmp_path / "l.yaml"
    latin.write_bytes(HEAD.encode() + b"  catatan: caf\xe9\n")
    with pytest.raises(PokinFileError, match=r"l\.yaml:4: the file is not valid UTF-8"):
        load(latin)
    with pytest.raises(PokinFileError, match="no such file"):
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
