"""The fast paths the checks take at scale give what the plain code gives: ``words`` on ASCII
text, findings made without ``__init__``, findings sorted a rule at a time."""

from __future__ import annotations

import dataclasses
import random
import re

import pytest

from pokin._text import words
from pokin.checks import _most_severe_first
from pokin.findings import Finding, Severity, new_finding

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


def test_findings_sorted_a_rule_at_a_time_as_one_by_one() -> None:
    rnd = random.Random(5)
    chunks = []
    for code in ("PK503", "PK101", "PK202", "PK701", "PK102", "PK501"):
        severity = rnd.choice(list(Severity))
        chunks.append([_f(code, severity, n) for n in range(rnd.randint(0, 4))])
    flat = [f for chunk in chunks for f in chunk]
    expected = sorted(flat, key=lambda f: (-f.severity, f.code))
    assert _most_severe_first(chunks) == expected
    # a rule giving findings of two codes: the findings are sorted one by one
    mixed = [*chunks, [_f("PK999", Severity.ERROR, 1), _f("PK100", Severity.INFO, 2)]]
    flat = [f for chunk in mixed for f in chunk]
    assert _most_severe_first(mixed) == sorted(flat, key=lambda f: (-f.severity, f.code))
