"""QA9 #8: a link's reason cites words a planner recognises, never noise."""

from __future__ import annotations

import pokin
from pokin.link import infer_links
from pokin.link.suggest_reason import Shared

TREE = """
pokin: 1
organisasi: {nama: Kecamatan Watu Lumbu, pemerintah: Kabupaten Contoh, tahun: 2027}
jabatan:
- id: camat
  nama: Camat Watu Lumbu
  peran: camat
  kinerja:
  - id: camat.k1
    uraian: Meningkatnya pelayanan surat keterangan
    indikator:
    - id: camat.k1.i1
      uraian: Jumlah permohonan surat keterangan yang diselesaikan
- id: kasi
  nama: Kepala Seksi Pelayanan
  peran: kasi
  atasan: camat
  kinerja:
  - id: kasi.k1
    uraian: Permohonan surat keterangan diselesaikan
    indikator:
    - id: kasi.k1.i1
      uraian: Jumlah surat keterangan
"""


def test_the_same_noun_leading_both_texts_is_no_verb_form() -> None:
    (proposal,) = [p for p in infer_links(pokin.loads(TREE)) if p.dari == "kasi.k1"]
    assert proposal.ke == "camat.k1.i1"
    assert "Permohonan → Permohonan" not in proposal.alasan
    assert "bentuk lain" not in proposal.alasan


def test_a_formulas_operator_is_no_shared_word() -> None:
    shared = Shared(
        roots=["x", "tertib"],
        own={"x": "x", "tertib": "ketertiban"},
        quoted={},
        context={"x": "x", "tertib": "ketertiban"},  # "... x 100%" in both formulas
    )
    assert shared.words() == ([], ["ketertiban"])
