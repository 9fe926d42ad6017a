"""The pokin data model: organisasi, IKU, jabatan, kinerja, indikator and cascade links.

The models are pydantic v2 models that mirror the file format (``docs/format.md``) one to
one, so what a planner writes by hand, what an importer produces and what a notebook edits
are the same objects. They are mutable on purpose (a planner fixes a link in a notebook and
checks again); derived things (the graph, the findings) are computed from them, never stored.

>>> tree = PohonKinerja.model_validate({
...     "pokin": 1,
...     "organisasi": {"nama": "Kecamatan Contoh"},
...     "jabatan": [
...         {"nama": "Camat", "peran": "camat", "kinerja": [
...             {"uraian": "Meningkatnya pelayanan", "indikator": [{"uraian": "Nilai SKM"}]}]},
...         {"nama": "Sekretaris", "peran": "sekretaris", "atasan": "camat", "kinerja": [
...             {"uraian": "Nilai SKM", "mendukung": [{"teks": "nilai skm"}]}]},
...     ],
... })
>>> [j.id for j in tree.jabatan]
['camat', 'sekretaris']
>>> tree.jabatan[1].kinerja[0].mendukung[0].ke
'camat.k1.i1'
"""

from .fields import FORMAT_VERSION, ID_PATTERN, Asal, LevelHasil, Peran, Status
from .parts import (
    TRIWULAN,
    Dokumen,
    Indikator,
    Jabatan,
    Kinerja,
    Organisasi,
    Periode,
    Sasaran,
    Tautan,
)
from .references import Problem, ensure_sound, resolve_references
from .tree import PohonKinerja

__all__ = [
    "FORMAT_VERSION",
    "ID_PATTERN",
    "TRIWULAN",
    "Asal",
    "Dokumen",
    "Indikator",
    "Jabatan",
    "Kinerja",
    "LevelHasil",
    "Organisasi",
    "Peran",
    "Periode",
    "PohonKinerja",
    "Problem",
    "Sasaran",
    "Status",
    "Tautan",
    "ensure_sound",
    "resolve_references",
]
