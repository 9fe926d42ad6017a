"""pokin: the pohon kinerja (cascading performance tree) of an Indonesian kecamatan.

Load a tree, check it, query its cascade graph::

    >>> import pokin
    >>> tree = pokin.datasets.load("sambutan-2023")  # doctest: +SKIP
    >>> findings = pokin.check(tree)                  # doctest: +SKIP
    >>> pokin.diagram(tree, unit="Sekretariat")       # doctest: +SKIP

The modules are part of the public surface too: :mod:`pokin.render` (diagrams),
:mod:`pokin.report` (findings and the SAKIP report), :mod:`pokin.decree` (importing decrees),
:mod:`pokin.link` (proposing links), :mod:`pokin.excel` (the cascade matrix),
:mod:`pokin.capaian` (achievement against target), :mod:`pokin.datasets` (the bundled
kecamatan); :func:`pokin.sakip` scores the tree as the SAKIP evaluator will (KKE and LKE).
"""

from . import _notebook, capaian, datasets, decree, excel, explore, link, render, report
from ._version import __version__
from .checks import RULES, Finding, Findings, Rule, Severity, check
from .coverage import Coverage, UnitCoverage, coverage
from .dataframes import Frames, frames
from .decree import ImportResult, import_decree, merge_trees, read_decree
from .errors import (
    ImportDocumentError,
    PokinError,
    PokinFileError,
    RenderError,
    SheetError,
    TreeError,
)
from .excel import export_xlsx, read_xlsx
from .graph import ROOT, Cascade
from .io import dumps, load, loads, save
from .link import (
    Proposal,
    Relasi,
    Suggestion,
    apply_links,
    infer_links,
    load_lexicon,
    suggest_links,
)
from .models import (
    Asal,
    Dokumen,
    Indikator,
    Jabatan,
    Kinerja,
    Organisasi,
    Peran,
    PohonKinerja,
    Sasaran,
    Status,
    Tautan,
)
from .render import Diagram, diagram
from .sakip import Penilaian, sakip

__all__ = [
    "ROOT",
    "RULES",
    "Asal",
    "Cascade",
    "Coverage",
    "Diagram",
    "Dokumen",
    "Finding",
    "Findings",
    "Frames",
    "ImportDocumentError",
    "ImportResult",
    "Indikator",
    "Jabatan",
    "Kinerja",
    "Organisasi",
    "Penilaian",
    "Peran",
    "PohonKinerja",
    "PokinError",
    "PokinFileError",
    "Proposal",
    "Relasi",
    "RenderError",
    "Rule",
    "Sasaran",
    "Severity",
    "SheetError",
    "Status",
    "Suggestion",
    "Tautan",
    "TreeError",
    "UnitCoverage",
    "__version__",
    "apply_links",
    "capaian",
    "check",
    "coverage",
    "datasets",
    "decree",
    "diagram",
    "dumps",
    "excel",
    "explore",
    "export_xlsx",
    "frames",
    "import_decree",
    "infer_links",
    "link",
    "load",
    "load_lexicon",
    "loads",
    "merge_trees",
    "read_decree",
    "read_xlsx",
    "render",
    "report",
    "sakip",
    "save",
    "suggest_links",
]

_notebook.register()
