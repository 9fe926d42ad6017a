"""pokin: the pohon kinerja (cascading performance tree) of an Indonesian kecamatan.

Load a tree, check it, query its cascade graph::

    >>> import pokin
    >>> tree = pokin.datasets.load("sambutan-2023")  # doctest: +SKIP
    >>> findings = pokin.check(tree)                  # doctest: +SKIP
    >>> pokin.diagram(tree, unit="Sekretariat")       # doctest: +SKIP

The modules are part of the public surface too: :mod:`pokin.render` (diagrams),
:mod:`pokin.report` (findings and the SAKIP report), :mod:`pokin.decree` (importing decrees),
:mod:`pokin.link` (proposing links), :mod:`pokin.excel` (the cascade matrix),
:mod:`pokin.capaian` (achievement against target), :mod:`pokin.diff` (year to year: what
changed between two trees; the module is callable, ``pokin.diff(old, new)``),
:mod:`pokin.datasets` (the bundled kecamatan); :func:`pokin.sakip` scores the tree as the
SAKIP evaluator will (KKE and LKE).
"""

import importlib
import importlib.util
import sys
import types
from typing import TYPE_CHECKING, Any

from . import _notebook
from ._version import __version__

if TYPE_CHECKING:
    from . import capaian, datasets, decree, diff, excel, explore, link, render, report
    from .checks import RULES, Finding, Findings, Rule, Severity, check
    from .coverage import Coverage, UnitCoverage, coverage
    from .dataframes import Frames, frames
    from .decree import ImportResult, import_decree, merge_trees, read_decree
    from .errors import (
        ImportDocumentError,
        ModelError,
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
        Periode,
        PohonKinerja,
        Sasaran,
        Status,
        Tautan,
    )
    from .render import Diagram, diagram
    from .sakip import Penilaian, sakip

# Loaded on first use (module __getattr__): `import pokin` stays fast, and networkx,
# openpyxl, graphviz and the decree readers are imported only by what needs them.
_LAZY: dict[str, str] = {
    "Asal": "models",
    "Cascade": "graph",
    "Coverage": "coverage",
    "Diagram": "render",
    "Dokumen": "models",
    "Finding": "checks",
    "Findings": "checks",
    "Frames": "dataframes",
    "ImportDocumentError": "errors",
    "ImportResult": "decree",
    "Indikator": "models",
    "Jabatan": "models",
    "Kinerja": "models",
    "ModelError": "errors",
    "Organisasi": "models",
    "Penilaian": "sakip",
    "Peran": "models",
    "Periode": "models",
    "PohonKinerja": "models",
    "PokinError": "errors",
    "PokinFileError": "errors",
    "Proposal": "link",
    "ROOT": "graph",
    "RULES": "checks",
    "Relasi": "link",
    "RenderError": "errors",
    "Rule": "checks",
    "Sasaran": "models",
    "Severity": "checks",
    "SheetError": "errors",
    "Status": "models",
    "Suggestion": "link",
    "Tautan": "models",
    "TreeError": "errors",
    "UnitCoverage": "coverage",
    "apply_links": "link",
    "check": "checks",
    "coverage": "coverage",
    "diagram": "render",
    "dumps": "io",
    "export_xlsx": "excel",
    "frames": "dataframes",
    "import_decree": "decree",
    "infer_links": "link",
    "load": "io",
    "load_lexicon": "link",
    "loads": "io",
    "merge_trees": "decree",
    "read_decree": "decree",
    "read_xlsx": "excel",
    "sakip": "sakip",
    "save": "io",
    "suggest_links": "link",
}
"""Public name -> the submodule defining it; every other public name is a submodule."""


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
    elif name in __all__ or importlib.util.find_spec(f"{__name__}.{name}") is not None:
        value = importlib.import_module(f"{__name__}.{name}")  # pokin.io, pokin.graph...
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    if name not in _SHADOWED:
        globals()[name] = value  # found once: later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


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
    "ModelError",
    "Organisasi",
    "Penilaian",
    "Peran",
    "Periode",
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
    "diff",
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

_SHADOWED = {"coverage", "sakip"}
"""Functions named as their own submodule: importing the submodule (which the import system
does by setting ``pokin.coverage`` to it) must not hide the function."""


def _function(name: str) -> property:
    def get(module: types.ModuleType) -> Any:
        return getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)

    def ignore(module: types.ModuleType, value: Any) -> None:
        """The import system binding the submodule: the function keeps the name."""

    return property(get, ignore)


class _Package(types.ModuleType):
    coverage = _function("coverage")
    sakip = _function("sakip")


sys.modules[__name__].__class__ = _Package
_notebook.register()
