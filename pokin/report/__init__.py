"""What a planner reads of the checks: the findings as text, JSON or an HTML table
(:mod:`pokin.report.findings`), and the SAKIP pre-evaluation report, one self-contained HTML
page or Markdown file (:mod:`pokin.report.document`).

>>> from pokin import check, datasets
>>> text_report(check(datasets.load("sambutan-2023"))).startswith("pokin check:")
True
"""

from .document import SUFFIXES, report_html, report_markdown, write_report
from .findings import coverage_text, findings_html, json_report, json_text, text_report

__all__ = [
    "SUFFIXES",
    "coverage_text",
    "findings_html",
    "json_report",
    "json_text",
    "report_html",
    "report_markdown",
    "text_report",
    "write_report",
]
