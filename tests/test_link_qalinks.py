"""The qalinks pass: two invented decrees in the Watugandu text layout, labelled by hand
before any inference ran on them (``tests/fixtures/qalinks/``).

- **Banyuurip 2026** (tuned on): subordinates paraphrase their superiors (PBB-P2,
  adminduk, trantibum, PATEN, musrenbang, sarpras, KTP-el), two staff share one kinerja, a
  Kasi supports two of the Camat's indicators, word-for-word level-skip traps. Before
  (main fa4e0b4): proposals 27/27 right, restated links found 23/37 (Kasi 3/9, Lurah 2/6).
  After: 35/35 right, 31/37 found.
- **Tegalsari 2025** (held out, never tuned on): before 31/32 right, 27/39 found; after
  the paraphrase rule 32/33 right, 28/39 found; after the no-skip-past-a-near-atasan rule
  (tests/test_link_skip_near.py, designed on Watugandu's wrong skips, though its one
  wrong proposal was seen first) 32/32. Its misses (Katana, AKIP...) are in
  /work/notes/qalinks.md.

The floors are the figures after the pass.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pokin.decree import import_decree
from pokin.link.evaluate import measure
from pokin.link.text import phrase

HERE = Path(__file__).resolve().parent / "fixtures" / "qalinks"


@pytest.mark.parametrize(
    ("name", "right", "wrong", "found"),
    [("banyuurip-2026", 35, 0, 31), ("tegalsari-2025", 32, 0, 28)],
)
def test_the_figures_hold(name: str, right: int, wrong: int, found: int) -> None:
    score = measure(import_decree(HERE / f"{name}.txt").tree, HERE / f"{name}-labels.yaml")
    assert score.right >= right
    assert score.proposed - score.right <= wrong
    assert score.found >= found
    assert score.meaning_proposed == score.meaning_flagged  # never at the threshold


def test_the_tuned_decree_meets_the_goals() -> None:
    name = "banyuurip-2026"
    score = measure(import_decree(HERE / f"{name}.txt").tree, HERE / f"{name}-labels.yaml")
    assert score.precision >= 0.95
    assert score.recall >= 0.8
    assert score.top >= 0.75


@pytest.mark.parametrize(
    ("short", "long"),
    [
        ("Terpenuhinya sarpras pelayanan", "Terpenuhinya sarana dan prasarana pelayanan"),
        ("Penduduk wajib KTP-el", "Penduduk wajib KTP elektronik"),
        ("Penduduk wajib KTP-el", "Penduduk wajib KTP"),
        ("Meningkatnya penyerapan anggaran", "Meningkatnya realisasi anggaran"),
        ("Serapan anggaran belanja", "Realisasi anggaran belanja"),
    ],
)
def test_kecamatan_words_read_as_one(short: str, long: str) -> None:
    assert phrase(short).words == phrase(long).words
