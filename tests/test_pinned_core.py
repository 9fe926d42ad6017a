"""Core behaviour a planner relies on, pinned with values written by hand (mutation
survivors of bench/mutation.py: link text resolved up the whole atasan chain, the tree's
summary line, the cascade's kinerja, findings filtered with ``ignore``)."""

from __future__ import annotations

from typing import Any

import pokin
from pokin.graph import Cascade

from .conftest import jab, make


def _iku(d: dict[str, Any]) -> None:
    d["iku"] = [
        {
            "id": "S.1",
            "uraian": "Meningkatnya pelayanan publik",
            "indikator": [
                {"id": "IKU.1", "uraian": "Indeks kepuasan masyarakat"},
                {"id": "IKU.2", "uraian": "Persentase layanan tepat waktu"},
            ],
        }
    ]
    jab(d, "camat")["kinerja"][0]["mendukung"] = ["S.1"]


def test_a_text_link_finds_the_indicator_of_the_atasan_of_the_atasan() -> None:
    """The staf's atasan (kasi) has no such indicator, the camat above has; the same
    text at the sekretaris (not in the staf's line) must not make it ambiguous."""

    def mutate(d: dict[str, Any]) -> None:
        jab(d, "sekretaris")["kinerja"][0]["indikator"].append(
            {"uraian": "Persentase layanan selesai tepat waktu"}
        )
        staf = jab(d, "staf")
        staf["atasan"] = "kasi"
        staf["kinerja"][0]["mendukung"] = [{"teks": "persentase layanan selesai TEPAT waktu"}]

    tree = make(mutate)
    staf = next(j for j in tree.jabatan if j.id == "staf")
    assert [(link.ke, link.teks) for link in staf.kinerja[0].mendukung] == [("camat.k1.i1", None)]


def test_summary_counts_the_iku_table_apart() -> None:
    assert make().summary() == "4 jabatan, 4 kinerja, 5 indikator"
    assert make(_iku).summary() == "4 jabatan, 4 kinerja, 5 indikator + 2 IKU"


def test_kinerja_of_keeps_only_kinerja() -> None:
    cascade = Cascade(make(_iku))
    ids = ["camat.k1", "camat.k1.i1", "IKU.1", "S.1", "kasi.k1"]
    assert cascade.kinerja_of(ids) == ["camat.k1", "kasi.k1"]


def test_findings_filtered_by_select_and_ignore() -> None:
    findings = pokin.check(make(_iku))
    # the two IKU of the table: not cascaded, and with nothing but their uraian
    assert findings.by_code() == {"PK201": 2, "PK501": 2, "PK502": 2, "PK503": 2, "PK504": 2}
    assert findings.filter(ignore="PK2").by_code() == {
        "PK501": 2,
        "PK502": 2,
        "PK503": 2,
        "PK504": 2,
    }
    assert findings.filter(ignore=["PK2", "PK50"]).by_code() == {}
    assert findings.filter(select="PK5", ignore="PK503").by_code() == {
        "PK501": 2,
        "PK502": 2,
        "PK504": 2,
    }
