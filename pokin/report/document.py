"""The SAKIP pre-evaluation report, written to a file a planner hands over.

The report holds the summary figures (positions, indicators, coverage to the IKU per unit,
findings by severity), the cascade diagram, the findings grouped by position with their
hints, the inferred links awaiting confirmation, and the capaian with traffic lights: one
self-contained HTML page (:mod:`.html`) or Markdown (:mod:`.markdown`).
"""

from __future__ import annotations

from pathlib import Path

from .._files import atomic_write, output_suffix
from ..checks import Findings
from ..graph import Cascade
from ..models import PohonKinerja
from .context import DiagramFn
from .html import report_html
from .markdown import report_markdown

__all__ = ["SUFFIXES", "report_html", "report_markdown", "write_report"]

SUFFIXES = (".html", ".htm", ".md")
"""The report files :func:`write_report` writes: an HTML page, or Markdown."""


def write_report(
    tree: PohonKinerja | Cascade,
    path: str | Path,
    *,
    findings: Findings | None = None,
    diagram: DiagramFn | str | None = None,
    previous: PohonKinerja | None = None,
) -> Path:
    """Write the report to ``path`` (``.html`` or ``.md``), atomically.

    ``diagram`` as for :func:`report_html` (an SVG already drawn is not drawn again);
    ``previous`` (last year's tree) adds the section on what changed.

    Raises:
        ValueError: ``path`` has another suffix.
    """
    target = Path(path)
    suffix = output_suffix(target, SUFFIXES, "laporan")
    if suffix == ".md":
        text = report_markdown(tree, findings=findings, previous=previous)
    else:
        text = report_html(tree, findings=findings, diagram=diagram, previous=previous)
    with atomic_write(target) as handle:
        handle.write(text)
    return target
