"""What a planner sees in a notebook when a name or option is wrong (QA6 #8): the planner's
words, still the exception type Python code catches."""

from __future__ import annotations

import pytest

from pokin import check, datasets
from pokin.errors import PokinError, UnknownIdError
from pokin.findings import Severity

from .conftest import make


def test_an_unknown_jabatan_id_is_named_in_indonesian() -> None:
    tree = make()
    with pytest.raises(UnknownIdError, match="tidak ada jabatan ber-id «kasi-x»") as raised:
        tree.get_jabatan("kasi-x")
    assert isinstance(raised.value, KeyError)
    assert isinstance(raised.value, PokinError)
    assert str(tree.jabatan[0].id) in str(raised.value)  # the ids that exist


def test_severity_in_the_planners_words() -> None:
    assert Severity.parse("peringatan") is Severity.WARNING
    assert Severity.parse(" Galat ") is Severity.ERROR
    assert Severity.parse("info") is Severity.INFO
    findings = check(make())
    assert findings.filter(severity="peringatan") == findings.filter(severity="warning")
    with pytest.raises(ValueError, match="tingkat temuan 'berat' tidak dikenal"):
        findings.filter(severity="berat")


def test_two_checks_of_one_tree_are_equal_findings() -> None:
    tree = datasets.load("sambutan-2023")  # findings of many rules, some made when read
    assert len(check(tree)) > len(check(tree, select="PK1")) > 0
    assert check(tree) == check(tree)
    assert check(tree) == list(check(tree))
    assert check(tree) != check(tree, select="PK1")
