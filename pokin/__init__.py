"""pokin: the pohon kinerja (cascading performance tree) of an Indonesian kecamatan.

Load a tree, check it, query its cascade graph::

    >>> import pokin
    >>> tree = pokin.datasets.load("sambutan-2023")  # doctest: +SKIP
    >>> findings = pokin.check(tree)                  # doctest: +SKIP
    >>> pokin.diagram(tree, unit="Sekretariat")       # doctest: +SKIP

The modules :mod:`pokin.render` (diagrams), :mod:`pokin.document` (the SAKIP report) and
:mod:`pokin.datasets` (the bundled kecamatan) are part of the public surface too.
"""

from . import datasets, document, render
from .checks import RULES, Finding, Findings, Rule, Severity, check
from .errors import ImportDocumentError, PokinError, PokinFileError, RenderError
from .graph import ROOT, Cascade
from .io import dumps, load, loads, save
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
from .report import Coverage, UnitCoverage, coverage

__version__ = "0.1.0"

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
    "ImportDocumentError",
    "Indikator",
    "Jabatan",
    "Kinerja",
    "Organisasi",
    "Peran",
    "PohonKinerja",
    "PokinError",
    "PokinFileError",
    "RenderError",
    "Rule",
    "Sasaran",
    "Severity",
    "Status",
    "Tautan",
    "UnitCoverage",
    "__version__",
    "check",
    "coverage",
    "datasets",
    "diagram",
    "document",
    "dumps",
    "load",
    "loads",
    "render",
    "save",
]
