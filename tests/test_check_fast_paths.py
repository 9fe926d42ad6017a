"""The fast paths the checks take at scale give what the plain code gives: ``words`` on ASCII
text, findings made without ``__init__``, findings sorted a rule at a time."""

from __future__ import annotations

import dataclasses
import random
import re

import pytest

import pokin
from pokin import Cascade
from pokin._text import words
from pokin.checks import _most_severe_first
from pokin.checks.completeness import _maybe_twice
from pokin.checks.wording import activity_word, activity_words
from pokin.findings import Finding, Findings, LazyBatch, Severity, new_finding

from .conftest import make

_PUNCTUATION = re.compile(r"[^\w]+")


def _words(text: str) -> str:
    return " ".join(_PUNCTUATION.sub(" ", text.casefold()).split())


def test_words_of_ascii_text_are_the_regex_words() -> None:
    for b in range(128):
        for text in (chr(b), f"a{chr(b)}B", f"{chr(b) * 3}x Y"):
            assert words(text) == _words(text), repr(text)
    rnd = random.Random(13)
    alphabet = [chr(b) for b in range(128)]
    for _ in range(20_000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 12)))
        assert words(text) == _words(text), repr(text)


@pytest.mark.parametrize("text", ["Straße «Ünïcode»", "\u212aelvin", "x\xa0y", "İstanbul"])
def test_words_of_other_text_are_the_regex_words(text: str) -> None:
    assert words(text) == _words(text)


def test_a_finding_made_fast_is_the_finding() -> None:
    made = new_finding("PK503", Severity.INFO, "a.k1.i1", "pesan", "saran", "a", "Seksi")
    plain = Finding("PK503", Severity.INFO, "a.k1.i1", "pesan", "saran", "a", "Seksi")
    assert made == plain
    assert hash(made) == hash(plain)
    assert repr(made) == repr(plain)
    assert made.to_record() == plain.to_record()
    assert new_finding("PK1", Severity.ERROR, "x", "m", "h") == Finding(
        "PK1", Severity.ERROR, "x", "m", "h"
    )
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.code = "PK101"  # type: ignore[misc]


def _f(code: str, severity: Severity, n: int) -> Finding:
    return Finding(code, severity, f"n{n}", "m", "h")


def _sorted(chunks: list[list[Finding]]) -> list[Finding]:
    return list(_most_severe_first(list(chunks), Cascade(make())))


def test_findings_sorted_a_rule_at_a_time_as_one_by_one() -> None:
    rnd = random.Random(5)
    chunks = []
    for code in ("PK503", "PK101", "PK202", "PK701", "PK102", "PK501"):
        severity = rnd.choice(list(Severity))
        chunks.append([_f(code, severity, n) for n in range(rnd.randint(0, 4))])
    flat = [f for chunk in chunks for f in chunk]
    expected = sorted(flat, key=lambda f: (-f.severity, f.code))
    assert _sorted(chunks) == expected
    # the same rules giving their findings as batches made when read
    lazy: list[list[Finding] | LazyBatch] = [
        _batch(chunk) if chunk and n % 2 else chunk for n, chunk in enumerate(chunks)
    ]
    assert list(_most_severe_first(lazy, Cascade(make()))) == expected
    # a rule giving findings of two codes: the findings are sorted one by one
    mixed = [*chunks, [_f("PK999", Severity.ERROR, 1), _f("PK100", Severity.INFO, 2)]]
    flat = [f for chunk in mixed for f in chunk]
    assert _sorted(mixed) == sorted(flat, key=lambda f: (-f.severity, f.code))


def _batch(chunk: list[Finding]) -> LazyBatch:
    return LazyBatch(chunk[0].code, chunk[0].severity, len(chunk), lambda: chunk)


def _unmade(code: str, severity: Severity, count: int) -> LazyBatch:
    def make() -> list[Finding]:
        raise AssertionError("made")

    return LazyBatch(code, severity, count, make)


def test_lazy_findings_are_counted_and_filtered_without_being_made() -> None:
    chunks: list[list[Finding] | LazyBatch] = [
        [_f("PK101", Severity.ERROR, 1), _f("PK101", Severity.ERROR, 2)],
        _unmade("PK501", Severity.WARNING, 3),
        _unmade("PK502", Severity.WARNING, 0),
        _unmade("PK503", Severity.INFO, 5),
    ]
    found = Findings.of_chunks(chunks, Cascade(make()))
    assert len(found) == 10
    assert found.counts() == {"error": 2, "warning": 3, "info": 5}
    assert found.by_code() == {"PK101": 2, "PK501": 3, "PK503": 5}
    assert repr(found) == "<Findings: 2 galat, 3 peringatan, 5 info>"
    assert len(found.filter(select="PK5", severity="warning")) == 3
    assert found.filter(ignore="PK5").by_code() == {"PK101": 2}
    assert len(found.errors) == 2
    with pytest.raises(AssertionError, match="made"):
        list(found)


def test_lazy_findings_read_later_are_those_of_the_check() -> None:
    """Findings made when first read say what the tree said when it was checked."""

    def without_satuan(data: dict[str, object]) -> None:
        for jabatan in data["jabatan"]:  # type: ignore[attr-defined]
            for kinerja in jabatan["kinerja"]:
                for indikator in kinerja["indikator"]:
                    indikator["satuan"] = None
                    if jabatan.get("atasan") is not None:  # some kinerja reach no IKU: PK101
                        indikator["mendukung"] = []
                if jabatan.get("atasan") is not None:
                    kinerja["mendukung"] = []

    tree = make(without_satuan)
    expected = pokin.check(make(without_satuan)).to_records()
    found = pokin.check(tree)
    assert found.counts() == pokin.check(make(without_satuan)).counts()
    for jabatan in tree.jabatan:  # edited in a notebook after the check, before reading
        jabatan.nama, jabatan.unit = "Diubah", "Unit lain"
        for kinerja in jabatan.kinerja:
            kinerja.uraian = "Diubah"
            for indikator in kinerja.indikator:
                indikator.uraian = "Diubah"
    assert {"PK101", "PK503"} <= {r["code"] for r in expected}
    assert found.to_records() == expected
    assert [r["code"] for r in found.filter(select="PK503").to_records()] == [
        r["code"] for r in expected if r["code"] == "PK503"
    ]


def test_activity_words_of_a_column_are_activity_word_of_each() -> None:
    """The regex sweep that picks the texts to read misses none activity_word names."""
    pieces = [
        *("Melaksanakan", "MENYUSUN", "meningkatnya", "Media", "mem", "membuat2", "Me"),
        *("Pelaksanaan", "penyusunan", "RAPAT", "Kegiatan", "rapatnya", "Persentase"),
        *("1.", "(a)", "2)", "B.", "iv.", "abcd.", "«", "-", "_", " ", "  ", "\t", "\x1c"),
        *("Straße", "Ünïcode", "\u212aoordinasi", "memantau", "ménulis", "x", "9", "Melon"),
        *("menyapu", "mengetu", "pengurusan", "PENGELOLAAN", "me_nulis", "mesin", "menit"),
    ]
    rnd = random.Random(11)
    texts = [
        "".join(rnd.choice(pieces) + rnd.choice(["", " ", ".", ")", "\n"]) for _ in range(4))
        for _ in range(20_000)
    ]
    expected = {n: w for n, t in enumerate(texts) if (w := activity_word(t)) is not None}
    assert len(expected) > 2_000
    assert activity_words(texts) == expected


def test_texts_maybe_twice_hold_every_pair_with_the_same_words() -> None:
    pieces = ["Jumlah", "JUMLAH", "laporan", " ", "  ", "-", ".", "_", "1", "Straße", "STRASSE"]
    pieces += ["\u212aota", "kota", "İ", "i", "x\xa0y", "x y", "«", "»", "a_b", "a b"]
    rnd = random.Random(3)
    texts = ["".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 4))) for _ in range(5_000)]
    by_words: dict[str, list[int]] = {}
    for n, text in enumerate(texts):
        by_words.setdefault(words(text), []).append(n)
    shared = sorted(n for group in by_words.values() if len(group) > 1 for n in group)
    maybe = _maybe_twice(texts)
    assert set(shared) <= set(maybe)
    assert shared
    assert _maybe_twice(["Satu", "Dua", "Tiga"]) == []


def test_lazy_findings_pickle_and_copy_as_made() -> None:
    """A Findings pickles (to a worker, a cache) with its findings made, never its batches."""
    import copy
    import pickle

    tree = make(lambda d: d["jabatan"][0]["kinerja"][0]["indikator"][0].update(satuan=None))
    found = pokin.check(tree)
    records = pokin.check(tree).to_records()
    assert any(r["code"] == "PK503" for r in records)
    assert pickle.loads(pickle.dumps(found)).to_records() == records
    assert copy.deepcopy(pokin.check(tree)).to_records() == records
